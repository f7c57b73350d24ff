"""What every corpus reader shares: finding the data directory.

The annotated corpora are never shipped with argmine (their licences forbid redistribution); they are read at
run time from a data directory that holds one folder per corpus (``aaec-v2/``, ``webis-editorials-16/``, ...).
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Optional, Union

from ..errors import CorpusFormatError, DataNotFoundError, InputEncodingError

__all__ = ["find_data_dir", "ENV_VAR", "read_exact", "read_json", "parse_xml"]

ENV_VAR = "ARGMINE_DATA"
_BOM = "\ufeff"
_DEFAULT_RELATIVE = Path("..") / "shared" / "data"


def find_data_dir(data_dir: Optional[Union[str, "os.PathLike[str]"]] = None) -> Path:
    """The directory that holds the corpus folders.

    In order: ``data_dir`` when given; else the environment variable ``ARGMINE_DATA`` when set and non-empty;
    else ``../shared/data`` relative to the current working directory when it exists. An explicit ``data_dir``
    or ``ARGMINE_DATA`` that names a missing directory is an error (no silent fallback to the default).

    Raises ``FileNotFoundError`` (an ``argmine.errors.DataNotFoundError``) saying to pass ``--data-dir`` or set
    ``ARGMINE_DATA`` when no directory is found.

    Returns:
        The ``Path`` of the data directory (absolute when it came from the working directory).
    """
    hint = f"Pass --data-dir DIR (data_dir=DIR in Python) or set {ENV_VAR} to the directory that holds the corpus folders."
    if data_dir is not None and os.fspath(data_dir) != "":
        path = Path(data_dir).expanduser()
        if not path.is_dir():
            raise DataNotFoundError(path, "the data directory (data_dir)", hint)
        return path
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        path = Path(env).expanduser()
        if not path.is_dir():
            raise DataNotFoundError(path, f"the data directory named by {ENV_VAR}", hint)
        return path
    path = Path.cwd() / _DEFAULT_RELATIVE
    if path.is_dir():
        return path.resolve()
    raise DataNotFoundError(path, "the data directory (no data_dir given, ARGMINE_DATA unset)", hint)


#: what a ``CorpusFormatError`` (E009) tells the user to do
RELEASE_HINT = "Use the corpus as released, unmodified (docs/corpora.md names each release)."

def data_hint(folder: str) -> str:
    """What to tell a user whose data directory lacks ``folder``.

    Returns:
        One or two sentences, as a str, saying where argmine looks for data and how to point it elsewhere."""
    return (f"Pass --data-dir (data_dir=...) or set ARGMINE_DATA to the directory that holds {folder}/; "
            "the corpus is not shipped with argmine.")


def corpus_dir(data_dir: Union[str, "os.PathLike[str]"], subdir: Union[str, Path], what: str) -> Path:
    """``<data_dir>/<subdir>``, checked to exist; the first path part of ``subdir`` is the corpus folder.

    Returns:
        The ``Path`` ``data_dir / subdir``.

    Raises:
        DataNotFoundError: the corpus folder is not under the data directory (E003)."""
    root = Path(data_dir) / subdir
    if not root.is_dir():
        raise DataNotFoundError(root, what, data_hint(Path(subdir).parts[0]))
    return root


def local_name(tag: str) -> str:
    """An XML tag without its ``{namespace}``.

    Returns:
        The tag's local name, a str (the tag itself when it has no namespace)."""
    return tag.rsplit("}", 1)[-1]


def read_exact(path: Union[str, "os.PathLike[str]"], *, strip_bom: bool = False) -> str:
    """The UTF-8 file's text exactly as on disk (no newline translation, so offsets stay valid).

    ``strip_bom=True`` drops a leading UTF-8 byte order mark (for ``.ann`` files, whose first id it would
    otherwise hide); a ``.txt`` keeps it, since brat's offsets count it. Raises ``InputEncodingError`` for bytes
    that are not UTF-8.

    Returns:
        The file's text, a str, line ends as in the file.
    """
    raw = Path(path).read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        raise InputEncodingError.from_unicode_error(path, e) from None
    return text[1:] if strip_bom and text.startswith(_BOM) else text


def read_json(path: Union[str, "os.PathLike[str]"]) -> object:
    """The JSON value in a UTF-8 file (a byte order mark is skipped).

    Raises ``ValueError`` naming the file and line for text that is not JSON, ``InputEncodingError`` for bytes
    that are not UTF-8.

    Returns:
        The parsed JSON value (dict, list, str, number, bool or None).

    Raises:
        CorpusFormatError: the file is not valid JSON (the message gives line and column) (E009).
    """
    import json

    try:
        return json.loads(read_exact(path, strip_bom=True))
    except json.JSONDecodeError as e:
        raise CorpusFormatError(f"{os.fspath(path)}, line {e.lineno}: the file must be JSON; got {e.msg} at column {e.colno}. "
                                + RELEASE_HINT) from None


def parse_xml(path: Union[str, "os.PathLike[str]"]):
    """The root element of an XML file; ``ValueError`` naming the file and line when it is not well-formed.

    Returns:
        The root ``xml.etree.ElementTree.Element``.

    Raises:
        CorpusFormatError: the file is not well-formed XML (the message gives the line) (E009)."""
    import xml.etree.ElementTree as ET

    try:
        return ET.parse(path).getroot()
    except ET.ParseError as e:
        line = getattr(e, "position", (0, 0))[0]
        raise CorpusFormatError(f"{os.fspath(path)}, line {line}: the file must be well-formed XML; got {e}. "
                                + RELEASE_HINT) from None

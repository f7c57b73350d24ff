"""Reading mined documents back and writing them in any export format (what ``mine --format`` and ``render`` do)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple, Union

from ..data import Document
from . import FORMATS, SUFFIXES, as_document, dumps
from ..errors import DocumentFormatError, InputFileError, InputIsADirectoryError, InputNotFoundError, OutputPathError, UnknownFormatError
from ..validate import document_from_record
from .aif import from_aif, from_xaif
from .brat import brat_text
from .htmlpage import index_html, page_names


def _to_document(obj: Any, where: str) -> Document:
    """One JSON record as a Document: xAIF, AIF, or an argmine document (checked by ``document_from_record``)."""
    if isinstance(obj, dict) and ("AIF" in obj or ("nodes" in obj and "units" not in obj)):
        try:
            doc = from_xaif(obj) if "AIF" in obj else from_aif(obj)  # xAIF from AMF/OVA3; AIF from --format aif
            doc.validate()
            return doc
        except (KeyError, TypeError, ValueError) as e:
            missing = f"missing field {e}" if isinstance(e, KeyError) else getattr(e, "message", str(e))
            raise DocumentFormatError(where, "an AIF or xAIF graph must be readable", missing) from None
    return document_from_record(obj, where)


def read_input_bytes(path: str, hint: Optional[str] = None) -> Tuple[bytes, str]:
    """(bytes, display name) of a file path, or of standard input for ``-``. ``hint``: what to do when ``path`` is a
    directory (default: ``InputIsADirectoryError.action``, for text to mine).

    Returns:
        ``(data, name)``: the bytes read and the display name (``<stdin>`` for ``-``).

    Raises:
        InputNotFoundError: ``path`` does not exist (E106).
        InputIsADirectoryError: ``path`` is a directory (E112)."""
    if path == "-":
        return sys.stdin.buffer.read(), "<stdin>"
    p = Path(path)
    if p.is_dir():
        raise InputIsADirectoryError(f"input must be a file; got {path!r}, which is a directory. "
                                     + (hint or InputIsADirectoryError.action))
    if not p.is_file():
        raise InputNotFoundError(f"input must be a readable file; got {path!r}, which does not exist")
    return p.read_bytes(), path


def read_documents(path: str) -> Tuple[List[Document], bool]:
    """The documents in ``path`` (``-``: stdin) and whether it was JSON Lines (a batch) rather than one document.

    Accepts one JSON document (CONTRACT.md; also AIF, and xAIF as AMF and OVA3 write it) or JSON Lines of
    documents (``argmine batch`` output). Every document is checked (``argmine.validate``): a record without
    ``units``, or a unit whose text is not ``text[start:end]``, is refused. Raises FileNotFoundError or ValueError
    (``DocumentFormatError``) naming the file, line and unit.

    Returns:
        ``(docs, is_batch)``: a list of ``Document`` and True for JSON Lines (or a JSON list), False for one document.

    Raises:
        InputFileError: the input is not UTF-8, a line is not JSON, or it holds no document (E105).
    """
    raw, name = read_input_bytes(path, "Pass a file of one JSON document or JSON Lines of them, as argmine mine and "
                                       "argmine batch write.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputFileError(f"{name}: not UTF-8 (byte {e.start}). "
                             "Re-encode the file to UTF-8 (e.g. iconv -f SOURCE-ENCODING -t utf-8).") from None
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    else:
        if isinstance(whole, dict):
            return [_to_document(whole, name)], False
        if isinstance(whole, list):
            return [_to_document(o, f"{name} item {i}") for i, o in enumerate(whole, 1)], True
    docs = []
    for n, line in enumerate(text.split("\n"), 1):  # JSON Lines end at \n only (U+2028 may stand in a string)
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputFileError(f"{name} line {n}: not JSON ({e.msg})") from None
        docs.append(_to_document(obj, f"{name} line {n}"))
    if not docs:
        raise InputFileError(f"{name}: no documents in it")
    return docs, True


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="") as f:  # exact text: brat offsets count every character
        f.write(text)


def brat_text_path(ann: Path) -> Path:
    """Where the .txt goes beside a brat .ann file.

    Returns:
        The ``Path`` of the .txt (``ann`` with the suffix ``.txt``).

    Raises:
        OutputPathError: ``ann`` names a ``.txt`` file (E104)."""
    if ann.suffix.lower() == ".txt":
        raise OutputPathError(f"the brat output must be the .ann file (the .txt is written beside it); got {str(ann)!r}. "
                              "Pass -o NAME.ann; the .txt is written beside it.")
    return ann.with_suffix(".txt")


SUFFIX_FORMATS = {".html": "html", ".htm": "html", ".ann": "brat", ".json": "json"}


def infer_format(out: Optional[Path], default: str) -> str:
    """The export format an output path's suffix names (``SUFFIX_FORMATS``: ``.html``/``.htm``: html, ``.ann``:
    brat, ``.json``: json); ``default`` for no path or a name without a suffix.

    Returns:
        A format name of ``FORMATS``, or ``default``.

    Raises:
        OutputPathError: a suffix that names no format (``-o x.xml``: never written as JSON silently; E104)."""
    suffix = out.suffix.lower() if out is not None else ""
    if suffix and suffix not in SUFFIX_FORMATS:
        raise OutputPathError(f"-o's suffix must name an export format ({', '.join(SUFFIX_FORMATS)}) or be left out; "
                              f"got {out.name!r}. Pass --format ({', '.join(FORMATS)}) to write that file name in a "
                              "format, or name the file with one of those suffixes.")
    return SUFFIX_FORMATS.get(suffix, default)


def check_output(out: Optional[Path], fmt: str, text: Optional[str] = None, force: bool = False) -> None:
    """Refuse, before any work is done, an output that cannot or must not be written.

    ``out`` must not be a directory; for brat it must not be the .txt, and the .txt written beside it (a file
    the user did not name) must not already exist with other content than ``text`` (the document's text),
    unless ``force``. Raises ``ValueError`` saying what to do.

    Raises:
        OutputPathError: ``out`` is a directory, or the brat ``.txt`` beside it exists with other content and
            ``force`` is off (E104).
    """
    if out is None:
        return
    if out.is_dir():
        raise OutputPathError(f"-o must name a file; got {str(out)!r}, which is a directory. "
                              "Pass a file name, e.g. -o DIR/out.json (a folder is for a batch: argmine render -o DIR).")
    if fmt != "brat":
        return
    txt = brat_text_path(out)
    if force or not txt.exists():
        return
    if text is not None and txt.read_bytes() == brat_text(text).encode("utf-8", "surrogatepass"):
        return
    raise OutputPathError(f"the brat .txt beside {str(out)!r} must not overwrite another file; got an existing "
                     f"{str(txt)!r} with other content. Choose another -o, or pass --force to overwrite it")


def write_document(doc: Union[Document, dict], fmt: str, out: Optional[Path], force: bool = False) -> Optional[str]:
    """Write ``doc`` (a Document or its JSON dict) as ``fmt`` to ``out``, or return the text when ``out`` is None.

    brat writes the .ann to ``out`` and the text, exactly, to the .txt beside it; an existing .txt with other
    content is not overwritten unless ``force`` (:func:`check_output`). Raises ``ValueError`` or ``OSError``.

    Returns:
        The text of the export (str) when ``out`` is None, else None (the files are written).
    """
    doc = as_document(doc)
    payload = dumps(doc, fmt)
    if out is None:
        return payload
    check_output(out, fmt, doc.text, force)
    if fmt == "brat":
        txt = brat_text_path(out)
        _write_text(out, payload)
        _write_text(txt, brat_text(doc.text))
    else:
        _write_text(out, payload)
    return None


def written_files(out: Path, fmt: str) -> List[Path]:
    """The files :func:`write_document` writes for ``out``: ``out``, and for brat the .txt beside it.

    Returns:
        A list of ``Path``: ``[out]``, or ``[out, the .txt]`` for brat."""
    return [out, brat_text_path(out)] if fmt == "brat" else [out]


def write_batch(docs: List[Document], fmt: str, out_dir: Path, force: bool = False) -> Dict[str, Any]:
    """One file per document in ``out_dir`` (named from its id), plus ``index.html`` for html; returns a summary.

    Returns:
        A summary dict: ``n_docs``, ``files`` (the names written, one per document) and, for html, ``index``
        (``"index.html"``).

    Raises:
        OutputPathError: ``out_dir`` exists and is a file (E104).
        UnknownFormatError: ``fmt`` is not one of ``FORMATS`` (E101)."""
    if fmt not in FORMATS:
        raise UnknownFormatError(fmt, FORMATS)
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputPathError(f"the output of a batch must be a directory; got {str(out_dir)!r}, which is a file. "
                              "Pass a folder for -o (a missing one is created).")
    out_dir.mkdir(parents=True, exist_ok=True)
    names = page_names(docs, SUFFIXES[fmt], reserved=("index",) if fmt == "html" else ())
    for doc, name in zip(docs, names):  # refuse before writing anything
        check_output(out_dir / name, fmt, doc.text, force)
    for doc, name in zip(docs, names):
        write_document(doc, fmt, out_dir / name, force)
    summary: Dict[str, Any] = {"n_docs": len(docs), "files": names}
    if fmt == "html":
        _write_text(out_dir / "index.html", index_html(docs, names))
        summary["index"] = "index.html"
    return summary

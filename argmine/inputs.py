"""One input mined: a UTF-8 text file, a saved web page (its article) or standard input, read and mined into a
``Document`` (what ``argmine mine`` runs; ``argmine batch`` reads many inputs in ``argmine.batch``)."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional, Tuple

from .data import Document
from .miner import DEFAULT_MAX_CHARS
from .model.onnx_encoder import DEFAULT_BACKEND
from .text import looks_like_html  # noqa: F401  (re-exported: argmine.inputs.looks_like_html)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def read_text_input(path: str) -> Tuple[str, str]:
    """The text of a file path, or of standard input for ``-``, without a leading UTF-8 byte order mark (the same
    rule as ``argmine batch``: a BOM is encoding, not text).

    Returns:
        ``(text, name)``: the decoded text and the input's display name (``<stdin>`` for ``-``).

    Raises:
        InputNotFoundError: ``path`` does not exist (E106).
        InputIsADirectoryError: ``path`` is a directory (E112).
        BinaryInputError: a binary file (a PDF, a ZIP such as a .docx, gzip, an image, or bytes with NULs that are
            not UTF-8); its ``kind`` names the format, by ``binary_kind`` (E014).
        InputEncodingError: bytes that are not UTF-8; the offset counts the BOM (E004)."""
    from .errors import BinaryInputError, InputEncodingError
    from .export.files import read_input_bytes

    raw, name = read_input_bytes(path)
    kind = binary_kind(raw)
    if kind:  # a PDF, a ZIP, an image, ... even when its bytes happen to decode
        raise BinaryInputError(name, kind)
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    try:
        return raw[bom:].decode("utf-8"), name
    except UnicodeDecodeError as e:
        if kind == "":  # NULs in bytes that are not UTF-8 (UTF-8 text with a stray NUL is still mined)
            raise BinaryInputError(name) from None
        raise InputEncodingError(name, e.start + bom, "utf-8", e.reason) from None


# the first bytes of binary formats a user may pass for text (file(1)'s magic numbers)
_MAGIC = ((b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP"), (b"PK\x05\x06", "ZIP"), (b"\x1f\x8b", "gzip"),
          (b"\x89PNG\r\n\x1a\n", "PNG"), (b"\xff\xd8\xff", "JPEG"), (b"GIF87a", "GIF"), (b"GIF89a", "GIF"),
          (b"II*\x00", "TIFF"), (b"MM\x00*", "TIFF"), (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2"),
          (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"), (b"7z\xbc\xaf'\x1c", "7-Zip"), (b"\x7fELF", "ELF"))


def binary_kind(raw: bytes) -> Optional[str]:
    """What ``raw`` is when it is binary rather than text: a format its first bytes name (``"PDF"``, ``"ZIP"``,
    ``"gzip"``, ``"PNG"``, ...), or ``""`` for other bytes with NULs (text in UTF-16 or UTF-32, with NULs in
    every second or fourth byte, is not binary: it is text to re-encode). Raises nothing.

    Returns:
        The kind (str), ``""`` for binary of no known kind, or None for what may be text."""
    for magic, kind in _MAGIC:
        if raw.startswith(magic) and (kind != "bzip2" or raw[4:10] == b"1AY&SY"):
            return kind
    if raw.startswith(b"RIFF") and raw[8:12] == b"WEBP":
        return "WebP"
    head = raw[:8192]
    if b"\x00" not in head or raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _wide_text(head):
        return None
    return ""


def _wide_text(head: bytes) -> bool:
    """Whether ``head`` reads as UTF-16 or UTF-32 text without a byte order mark: in UTF-16 a third or more of the
    bytes are NULs, all at even or all at odd positions; in UTF-32 half or more, at three of the four positions."""
    nuls = [i for i, b in enumerate(head) if b == 0]
    utf16 = 3 * len(nuls) >= len(head) and len({i % 2 for i in nuls}) == 1
    return utf16 or (2 * len(nuls) >= len(head) and len({i % 4 for i in nuls}) == 3)


def is_html_path(path: str) -> bool:
    """Whether ``path`` names a saved web page (``.html``, ``.htm``, ``.xhtml``; ``-`` never does).

    Returns:
        True for a web page's suffix, in any case."""
    return path != "-" and Path(path).suffix.lower() in HTML_SUFFIXES


def mine_input(path: str, model: Optional[str] = None, *, doc_id: Optional[str] = None,
               check: Optional[Callable[[str], None]] = None, title: Optional[str] = None,
               threads: Optional[int] = None, min_score: Optional[float] = None, backend: str = DEFAULT_BACKEND,
               max_chars: Optional[int] = DEFAULT_MAX_CHARS, precision: str = "fp32") -> Document:
    """Read and mine one input: the text file at ``path``, standard input for ``-``, or a saved web page (a web
    page's suffix, ``is_html_path``, or markup whatever the name, ``looks_like_html``), whose article is mined and
    whose metadata (``file``, ``title``, ...) joins ``meta`` (``title``, when given, is kept as ``meta.title``).

    Args:
        path: a UTF-8 text file, a saved web page, or ``-``.
        model: a model directory (default: the shipped model), as in ``argmine.load``.
        doc_id: the document id (default: the file name without suffix; None for standard input).
        check: called with a text input's text before the model is loaded (``argmine mine`` refuses an output
            it must not write there); not called for web pages.
        title: the text's headline (a web page's own title when not given).
        threads, backend, max_chars, precision: as in ``argmine.load`` (``max_chars``: the longest text mined, in characters;
            None: no limit); min_score: as in ``Miner.mine``.

    Returns:
        The mined ``Document``.

    Raises:
        OptionValueError: ``min_score`` not a number in [0, 1] (E108), before anything is read.
        InputNotFoundError, InputIsADirectoryError, InputEncodingError, BinaryInputError: as ``read_text_input``
            (E106, E112, E004, E014).
        NotAnArticle: a web page without an article (E202); OSError when it cannot be read.
        ArgumentValueError: a text (a page's article) over ``max_chars``, before the model loads (E107).
        ModelNotFoundError, ModelFormatError: as ``argmine.load`` (E001, E002)."""
    from .miner import check_min_score, load

    check_min_score(min_score)
    art = None
    if is_html_path(path):
        from .ingest import read_html_file

        art = read_html_file(path)
    else:
        text, _ = read_text_input(path)
        if looks_like_html(text):  # a page piped in or saved without a suffix: its article, not its markup
            from .ingest import extract_article

            art = extract_article(text)
            if path != "-":
                art.meta["file"] = Path(path).name
        elif check is not None:
            check(text)
    _check_length(art.text if art is not None else text, path, art is not None, max_chars)
    miner = load(model, threads=threads, backend=backend, max_chars=max_chars, precision=precision)
    name = doc_id or (None if path == "-" else Path(path).stem)
    if art is None:
        return miner.mine(text, id=name, title=title, min_score=min_score)
    doc = miner.mine(art.text, id=name, title=title or art.meta.get("title"), min_score=min_score)
    doc.meta = {**doc.meta, **art.meta, **({"title": title} if title else {})}
    return doc


def _check_length(text: str, path: str, article: bool, max_chars: Optional[int]) -> None:
    """Raise ArgumentValueError (E107; ``too_long``) when ``text`` of ``path`` is over ``max_chars`` (None: no
    limit): checked before the model loads, which takes seconds."""
    from .miner import too_long

    if max_chars is not None and len(text) > max_chars:
        name = "standard input" if path == "-" else repr(str(path))
        raise too_long(f"the article of {name}" if article else name, len(text), max_chars)

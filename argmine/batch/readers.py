"""Record readers: JSON Lines, CSV, Parquet, folders of text files and web pages (and, through argmine.ingest, HTML and WARC)."""
from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import zlib
from collections import Counter
from pathlib import Path
from typing import Iterator, List, Optional, Tuple, Union

from ..errors import DataNotFoundError
from ..ingest.warc import is_warc_path
from .records import (_BOM, DEFAULT_MAX_CHARS, BatchError, PathLike, Record, _bad_unicode, _build, _json_type,
                      _line_error_id, _norm_id)
from .web import PageJob, read_warc, safe_name, serial_pages


def input_kind(path: PathLike) -> str:
    """``"folder"``, ``"warc"``, ``"csv"``, ``"parquet"`` or ``"jsonl"`` (the default) for an existing INPUT.

    Raises DataNotFoundError when INPUT does not exist.

    Returns:
        One of ``"folder"``, ``"warc"``, ``"csv"``, ``"parquet"``, ``"jsonl"``."""
    p = Path(path)
    if p.is_dir():
        return "folder"
    if not p.is_file():
        raise DataNotFoundError(p, "INPUT", "Pass a JSON Lines, CSV, Parquet or WARC file, or a folder of .txt, .md or .html files.")
    if is_warc_path(p):
        return "warc"
    suffixes = [s.lower() for s in p.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    last = suffixes[-1] if suffixes else ""
    if last == ".csv":
        return "csv"
    if last in (".parquet", ".pq"):
        return "parquet"
    return "jsonl"


def _is_gz(p: Path) -> bool:
    return p.suffix.lower() == ".gz"


def _open_binary(p: Path):
    return gzip.open(p, "rb") if _is_gz(p) else open(p, "rb")


def _pyarrow_parquet():
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet as pq
    except ImportError:
        raise BatchError("Parquet input or output needs pyarrow; got no module pyarrow. "
                         "Run: pip install 'argmine[parquet]' (or pip install pyarrow)") from None
    return pq


def _read_jsonl(p: Path, text_field: str, id_field: str, max_chars: int) -> Iterator[Record]:
    # JSON may spend up to 12 bytes on one character (a surrogate-pair escape); lines longer than that are
    # skipped without being held in memory.
    max_bytes = 12 * max_chars + (1 << 20)
    n = 0
    try:
        with _open_binary(p) as f:
            while True:
                raw = f.readline(max_bytes + 1)
                if not raw:
                    break
                n += 1
                if len(raw) > max_bytes and not raw.endswith(b"\n"):
                    while True:
                        more = f.readline(1 << 20)
                        if not more or more.endswith(b"\n"):
                            break
                    yield Record(n, n, None, error=f"line is longer than {max_bytes:,} bytes, more than a record "
                                                   f"with --max-chars {max_chars:,} can take")
                    continue
                if n == 1 and raw.startswith(_BOM):
                    raw = raw[len(_BOM):]
                if not raw.strip():
                    continue
                try:
                    s = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    yield Record(n, n, _line_error_id(raw, id_field),
                                 error=f"line is not valid UTF-8: byte 0x{raw[e.start]:02x} at byte {e.start + 1} of the line")
                    continue
                s = s.rstrip("\r\n")
                try:
                    obj = json.loads(s)
                except ValueError as e:
                    if not raw.endswith(b"\n"):  # the last line, still being written: not a record yet
                        yield Record(n, n, None, incomplete=True,
                                     error=f"the last line ({n}) of INPUT {str(p)!r} has no newline and is not whole "
                                           "JSON yet: left for a later run (the file may still be being written)")
                        return
                    msg = f"{e.msg} (character {e.pos + 1} of the line)" if isinstance(e, json.JSONDecodeError) else str(e)
                    yield Record(n, n, None, error=f"line is not valid JSON: {msg}")
                    continue
                except RecursionError:
                    yield Record(n, n, None, error="line is not readable JSON: nested too deeply")
                    continue
                if not isinstance(obj, dict):
                    yield Record(n, n, None, error=f"line must be a JSON object; got {_json_type(obj)}")
                    continue
                try:
                    yield _build(n, n, obj, text_field, id_field, max_chars, str(n), "line")
                except Exception as e:  # whatever one record does, it is that record's error
                    yield Record(n, n, None, error=f"line could not be read: {type(e).__name__}: {e}")
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise BatchError(f"INPUT {str(p)!r} must be a whole gzip file; got a corrupt or truncated one after line {n} ({e}). "
                         "Records read before that point are written; repair the file and rerun to resume.") from None


def _read_csv(p: Path, text_field: str, id_field: str, max_chars: int) -> Iterator[Record]:
    need = 4 * max_chars + 1024
    if csv.field_size_limit() < need:
        csv.field_size_limit(min(need, sys.maxsize))
    raw = _open_binary(p)
    n_done = 0
    try:
        with io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
            reader = csv.reader(f)
            try:
                header = next(reader)
            except StopIteration:
                return
            if text_field not in header:
                raise BatchError(f"CSV INPUT must have a {text_field!r} column; got the columns {header}. "
                                 "Choose the text column with --text-field.")
            ti = header.index(text_field)
            ii = header.index(id_field) if id_field in header else None
            while True:
                start = reader.line_num + 1
                try:
                    row = next(reader)
                except StopIteration:
                    break
                except csv.Error as e:
                    yield Record(start, start, None, error=f"row is not valid CSV: {e}")
                    continue
                n_done = reader.line_num
                if not row:
                    continue
                if len(row) != len(header):
                    yield Record(start, start, None, error=f"row has {len(row)} fields; the header has {len(header)}")
                    continue
                rid = row[ii] if ii is not None and row[ii] != "" else None
                if any(_bad_unicode(row[k]) is not None for k in (ti, ii) if k is not None):
                    yield Record(start, start, None if rid is None or _bad_unicode(rid) is not None else rid,
                                 error="row is not valid UTF-8")
                    continue
                fields = {text_field: row[ti]}
                if rid is not None:
                    fields[id_field] = rid
                yield _build(start, start, fields, text_field, id_field, max_chars, str(start), "row")
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise BatchError(f"INPUT {str(p)!r} must be a whole gzip file; got a corrupt or truncated one after line {n_done} ({e}). "
                         "Records read before that point are written; repair the file and rerun to resume.") from None


def _read_parquet(p: Path, text_field: str, id_field: str, max_chars: int) -> Iterator[Record]:
    pq = _pyarrow_parquet()
    try:
        pf = pq.ParquetFile(p)
    except Exception as e:
        raise BatchError(f"INPUT {str(p)!r} must be a Parquet file; got one pyarrow cannot read ({e}). "
                         "Check the file (pyarrow.parquet.read_table reads a whole one), or pass JSON Lines or CSV.") from None
    names = pf.schema_arrow.names
    if text_field not in names:
        raise BatchError(f"Parquet INPUT must have a {text_field!r} column; got the columns {names}. "
                         "Choose the text column with --text-field.")
    cols = [text_field] + ([id_field] if id_field in names and id_field != text_field else [])
    n = 0
    for batch in pf.iter_batches(batch_size=256, columns=cols):
        d = batch.to_pydict()
        texts, ids = d[text_field], d.get(id_field)
        for i in range(batch.num_rows):
            n += 1
            text = texts[i]
            if isinstance(text, (bytes, bytearray)):
                try:
                    text = bytes(text).decode("utf-8")
                except UnicodeDecodeError:
                    yield Record(n, n, _norm_id(ids[i])[0] if ids is not None else None, error=f"{text_field!r} is not valid UTF-8")
                    continue
            fields = {text_field: text}
            if ids is not None:
                fields[id_field] = ids[i]
            yield _build(n, n, fields, text_field, id_field, max_chars, str(n), "row")


TEXT_SUFFIXES = (".txt", ".md", ".markdown")  # read as text in a folder INPUT (argmine mine reads them as text too)
OTHER_KIND = "not a text or HTML file"  # the error (and its reason in the summary) of a file of another kind


def _kind(name: str) -> str:
    """``"text"``, ``"html"`` or ``"other"`` by a file name's suffix (any case)."""
    from ..ingest.html import HTML_SUFFIXES

    low = name.lower()
    return "text" if low.endswith(TEXT_SUFFIXES) else "html" if low.endswith(HTML_SUFFIXES) else "other"


def _folder_listing(p: Path) -> List[Tuple[str, str, str]]:
    """``(name, kind, id)`` of every file of a folder INPUT but hidden ones (``.DS_Store``), sorted by id; ``kind``
    as ``_kind``. The id is the name without its suffix (a file of another kind: the whole name), or the whole name
    when two files would share it (``a.txt`` and ``a.html``)."""
    # names only (not Path objects): the listing is the one thing that grows with a folder input
    files = [(e.name, _kind(e.name)) for e in os.scandir(p) if not e.name.startswith(".") and e.is_file()]
    ids = [os.path.splitext(name)[0] if kind != "other" else name for name, kind in files]
    shared = {i for i, k in Counter(ids).items() if k > 1}
    rows = [(name, kind, name if i in shared else i) for (name, kind), i in zip(files, ids)]
    return sorted(rows, key=lambda r: r[2])  # by id: a rerun streams the ids done in the same increasing order


def _text_file(fp: Path, n: int, stem: str, max_chars: int) -> Record:
    """The record of one text file of a folder INPUT (an error record when it is too long, unreadable, not UTF-8)."""
    try:
        size = fp.stat().st_size
        if size > 4 * max_chars + len(_BOM):
            return Record(n, stem, stem, error=f"file has {size:,} bytes, more than --max-chars {max_chars:,} characters can take")
        raw = fp.read_bytes()
    except OSError as e:
        return Record(n, stem, stem, error=f"file cannot be read: {e.strerror or e}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return Record(n, stem, stem, error=f"file is not valid UTF-8: byte 0x{raw[e.start]:02x} at byte offset {e.start}")
    if len(text) > max_chars:
        return Record(n, stem, stem, error=f"file has {len(text):,} characters, more than --max-chars {max_chars:,}")
    return Record(n, stem, stem, text=text, meta={"file": fp.name})


def _folder_items(p: Path, max_chars: int) -> Iterator[Union[Record, PageJob]]:
    """A folder INPUT's records (text files, files of another kind) and pages to extract (``PageJob``), in order."""
    for n, (name, kind, rid) in enumerate(_folder_listing(p), 1):
        sid, path = safe_name(rid), str(p / safe_name(name))
        if sid != rid:  # bytes that are not UTF-8: the id could not be written; the record says so
            rec = Record(n, sid, sid, error=f"file name {safe_name(name)!r} is not valid UTF-8; rename the file")
        elif kind == "html":
            yield PageJob(n, rid, rid, {"file": name}, max_chars, path=str(p / name))
            continue
        elif kind == "text":
            rec = _text_file(p / name, n, rid, max_chars)
        else:
            rec = Record(n, rid, rid, error=f"{OTHER_KIND}: {name!r} (a folder INPUT is read by suffix: "
                                            f"{', '.join(TEXT_SUFFIXES)} as text, .html, .htm, .xhtml as web pages)")
        rec.file = path
        yield rec


def _read_folder(p: Path, max_chars: int, page_map=None) -> Iterator[Record]:
    """Records of a folder INPUT: text files as text, web pages through the HTML extractor (``page_map``), and an
    error record for each file of another kind (``OTHER_KIND``); error records carry the file's path."""
    return (page_map or serial_pages)(_folder_items(p, max_chars))


def read_records(path: PathLike, *, text_field: str = "text", id_field: str = "id",
                 max_chars: int = DEFAULT_MAX_CHARS, page_map=None) -> Iterator[Record]:
    """Records of INPUT, lazily, in input order (see the module docstring for the formats). ``page_map``: how the
    pages of a WARC or HTML folder are extracted (``argmine.batch.web.PageMap``; default: one after the other here).

    Returns:
        An iterator of ``Record`` (each a text to mine with its id, or an error record saying why it has none)."""
    p = Path(path)
    kind = input_kind(p)
    if kind == "folder":
        return _read_folder(p, max_chars, page_map)
    if kind == "warc":
        return read_warc(p, max_chars, page_map)
    if kind == "csv":
        return _read_csv(p, text_field, id_field, max_chars)
    if kind == "parquet":
        _pyarrow_parquet()
        return _read_parquet(p, text_field, id_field, max_chars)
    return _read_jsonl(p, text_field, id_field, max_chars)


def count_records(path: PathLike, *, text_field: str = "text") -> Optional[int]:
    """The number of records in INPUT (a quick pass; for the progress bar), or None when unknown.

    Returns:
        The number of records (an int >= 0; a CSV's header row not counted), or None when it cannot be known without
        mining."""
    p = Path(path)
    kind = input_kind(p)
    try:
        if kind == "folder":
            return len(_folder_listing(p))
        if kind == "warc":
            from ..ingest.warc import count_warc_pages

            return count_warc_pages(p)
        if kind == "parquet":
            return _pyarrow_parquet().ParquetFile(p).metadata.num_rows
        if kind == "csv":
            with io.TextIOWrapper(_open_binary(p), encoding="utf-8-sig", errors="surrogateescape", newline="") as f:
                return max(sum(1 for row in csv.reader(f) if row) - 1, 0)
        n = 0
        with _open_binary(p) as f:
            for raw in f:
                if raw.strip():
                    n += 1
        return n
    except Exception:
        return None



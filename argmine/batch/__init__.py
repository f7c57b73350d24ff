"""Mining archives: streaming readers, error records, crash-safe output that resumes, progress.

``run_batch`` is what ``argmine batch`` runs (CONTRACT.md, "Command line"). It reads records lazily, mines them
in chunks, and appends each chunk's documents (and error records) to the output as whole lines, in input order,
so memory stays flat however large the archive is.

Inputs (by path):
  * JSON Lines: ``.jsonl`` / ``.ndjson`` / ``.json`` (and any other suffix), optionally gzipped (``.gz``):
    one object per line. ``line`` is the physical line number (1-based); blank lines are not records.
  * CSV (``.csv``, ``.csv.gz``) with a header row. ``line`` is the physical line the record starts on
    (the header is line 1, so the first record is line 2).
  * Parquet (``.parquet``, ``.pq``; needs ``pyarrow``). ``line`` is the row number (1-based).
  * A folder of ``.txt`` files (UTF-8), taken in order of file name; the id is the file name without ``.txt``
    and ``line`` the file's position in that order. A name that is not UTF-8 is an error record.
  * Web pages (``pip install 'argmine[web]'``; batch/web.py, argmine.ingest): a WARC file (``.warc``,
    ``.warc.gz``; ``line`` is the record's position among all WARC records, the id its WARC-Record-ID) or a
    folder of ``.html`` files (instead of ``.txt``). The text is the article trafilatura extracts; ``meta``
    gets url, title, author, date (and warc_record_id, crawl_date, or file). Pages with no English article
    are error records marked ``not_article``.
  A record's id is its id field (a string, or an integer written as a string); without one, ``str(line)``
  (or the file name).

Outputs:
  * JSON Lines (``.jsonl``, ``.ndjson``, ``.json``, ``.jl``; + ``.gz``: gzip, one member per chunk; other
    suffixes are refused): one document per mined record (schema_version 1), carrying the record's id and
    ``"meta": {"line": n}``; readers ignore ``meta``.
  * Parquet (``.parquet``; batch/parquet.py): one row per document with the columns ``id`` (string), ``line``
    (int64), ``document`` (the document as a JSON string), then url, date, title, n_units, n_relations,
    major_claim. Parquet cannot be appended to, so while running the
    documents go to ``OUTPUT.partial.jsonl``; the Parquet file is written (atomically) when the run finishes.
  * ERRORS (default ``OUTPUT.errors.jsonl``; only created when there is an error): one line per record that
    could not be mined: ``{"line": n, "id": ..., "error": "readable reason"}``.

Resume (batch/journal.py): OUTPUT is locked for the run (``OUTPUT.lock``; a second run is refused). On start, a
torn last line (or gzip member) of OUTPUT/ERRORS, left by a killed run or a full disk, is cut off, and records
already in either file (by ``line``; by file name for folder inputs) are skipped, after checking that each is
the record written there (same id and text hash; same model), else the run is refused. Both files are read
back as sorted streams, so resuming does not hold the set of finished records in memory either.

Modules: records (Record, BatchError, limits), readers (inputs), web (WARC/HTML records), journal (resume,
lock, appending), lines (plain/gzip journal lines), parquet (Parquet OUTPUT), mining (what mines and writes a chunk, the
progress bar), runner (run_batch).
"""
from __future__ import annotations

from .journal import default_errors_path
from .readers import count_records, input_kind, read_records
from .records import (CHUNK_CHARS, DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS, BatchError, Key, PathLike, Record, _build,  # noqa: F401
                      _json_line)
from .mining import _mine_chunk  # noqa: F401
from .runner import BatchInterrupted, BatchSummary, run_batch, run_engine  # noqa: F401

__all__ = ["run_batch", "run_engine", "read_records", "count_records", "input_kind", "default_errors_path",
           "BatchSummary", "BatchError", "BatchInterrupted", "Record"]

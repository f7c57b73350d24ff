"""The run: read records, mine them chunk by chunk, append documents and error records (``run_batch``)."""
from __future__ import annotations

import copy
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Tuple

from ..errors import ArgumentValueError
from ..model.onnx_encoder import DEFAULT_BACKEND
from .mining import _Bar, _Chunk
from .journal import (_DOC_HEAD, _ERR_HEAD, OutputLock, _Appender, _DoneKeys, _doc_key, _err_key, _recover,
                      default_errors_path, first_settings, text_hash)
from .parquet import journal_to_parquet, parquet_to_journal
from .readers import OTHER_KIND, _pyarrow_parquet, count_records, input_kind, read_records
from .records import DEFAULT_CHUNK_SIZE, DEFAULT_MAX_CHARS, BatchError, PathLike, Record


JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json", ".jl"}  # OUTPUT written as JSON Lines (else .parquet, or refused)


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C stopped ``run_batch`` cleanly: everything up to the last whole chunk is written; rerun to resume."""

    def __init__(self, summary: "BatchSummary") -> None:
        super().__init__(summary.line())
        self.summary = summary


@dataclass
class BatchSummary:
    """What one ``run_batch`` run did: counts of this run (``mined``, ``errors``, ``skipped``, ``not_english``,
    ``not_articles``), its ``seconds``, paths, whether Ctrl-C ``interrupted`` it, ``notes`` on repairs made when
    resuming and ``errors_by_reason``. ``line()`` is the summary line the CLI prints; ``to_dict()`` its JSON."""
    mined: int = 0          # documents written this run
    errors: int = 0         # error records written this run
    skipped: int = 0        # records already in OUTPUT or ERRORS from an earlier run
    not_english: int = 0    # documents written this run judged not English by meta.language (no warning each)
    not_articles: int = 0   # error records this run for web pages with no article (not HTML, no main text, ...)
    seconds: float = 0.0
    output_path: Optional[Path] = None
    errors_path: Optional[Path] = None
    interrupted: bool = False
    notes: List[str] = field(default_factory=list)  # repairs made on resume (e.g. a torn last line dropped)
    errors_by_reason: Dict[str, int] = field(default_factory=dict)  # this run's error records by kind (_reason)

    def to_dict(self) -> Dict[str, Any]:
        """The summary as JSON-ready values (``argmine batch --summary-json``); ``read`` counts every record seen.

        Returns:
            A dict of JSON values: ``output`` and ``errors_file`` (paths as str, or None), the counts ``read``,
            ``mined``, ``errors``, ``errors_by_reason``, ``not_articles``, ``already_done``, ``not_english``, then
            ``seconds``, ``documents_per_s``, ``interrupted`` and ``notes``."""
        return {"output": str(self.output_path) if self.output_path else None,
                "errors_file": str(self.errors_path) if self.errors_path else None,
                "read": self.mined + self.errors + self.skipped, "mined": self.mined, "errors": self.errors,
                "errors_by_reason": dict(sorted(self.errors_by_reason.items())), "not_articles": self.not_articles,
                "already_done": self.skipped, "not_english": self.not_english, "seconds": round(self.seconds, 3),
                "documents_per_s": round(self.mined / self.seconds, 3) if self.seconds > 0 else 0.0,
                "interrupted": self.interrupted, "notes": list(self.notes)}

    def line(self) -> str:
        """The one-line summary ``argmine batch`` prints (documents mined, errors, already done, documents/s).

        Returns:
            One line of text without a newline, e.g. ``argmine batch done: 98 documents mined, 2 errors (in
            out.jsonl.errors.jsonl), 12.0 s (8.2 documents/s)``."""
        rate = self.mined / self.seconds if self.seconds > 0 else 0.0
        parts = [f"{self.mined} document{'s' * (self.mined != 1)} mined", f"{self.errors} error{'s' * (self.errors != 1)}"
                 + (f" (in {self.errors_path})" if self.errors and self.errors_path else "")]
        if self.not_articles:
            parts[-1] += f", {self.not_articles} of them pages without an article"
        other = self.errors_by_reason.get(OTHER_KIND, 0)
        if other:  # a folder's .pdf, .docx, ...: not read, never skipped silently
            parts[-1] += f", {other} of them files of another kind (not .txt, .md or .html)"
        if self.skipped:
            parts.append(f"{self.skipped} already done")
        if self.not_english:
            parts.append(f"{self.not_english} not in English (meta.language)")
        head = "interrupted" if self.interrupted else "done"
        took = f"{self.seconds * 1000:.0f} ms" if self.seconds < 1 else f"{self.seconds:.1f} s"  # never "0.0 s"
        return f"argmine batch {head}: {', '.join(parts)}, {took} ({rate:.1f} documents/s)"


def run_batch(input_path: PathLike, output_path: PathLike, miner, *, text_field: str = "text", id_field: str = "id",
              errors_path: Optional[PathLike] = None, batch_size: int = 16, limit: Optional[int] = None,
              max_chars: Optional[int] = None, progress: Optional[bool] = None,
              chunk_size: int = DEFAULT_CHUNK_SIZE, fsync: bool = False, max_seconds: Optional[float] = None,
              page_map=None) -> BatchSummary:
    """Mine every record of ``input_path`` into ``output_path`` (resuming an earlier run); see the module doc.

    ``limit``: only the first ``limit`` records of INPUT are considered (already-done ones included), so a rerun
    with the same limit resumes the same slice. ``chunk_size``: records mined and written together.
    ``progress``: a tqdm bar on stderr (None: only when stderr is a terminal), moving record by record as a chunk
    is mined. ``fsync``: fsync after every chunk. ``max_seconds``: a time budget per record (``--max-seconds``): a
    record whose mining runs past it goes to ERRORS as ``time budget exceeded: ...`` and the run goes on.
    ``page_map``: how web pages are extracted (``argmine.batch.web.PageMap``; the Ray engine extracts in parallel).
    ``max_chars``: longer texts go to ERRORS (None: the miner's ``max_chars``, else DEFAULT_MAX_CHARS); a larger
    value than the miner's is honoured (the run mines with a shallow copy of the miner that takes such texts).

    Returns:
        The run's ``BatchSummary`` (records read, mined, errors, done, documents/s); OUTPUT exists (maybe empty).

    Raises:
        ArgumentValueError: ``limit`` below 0, ``max_seconds`` not above 0, or ``batch_size``, ``chunk_size`` or
            ``max_chars`` below 1 (E107). BatchError / DataNotFoundError: it cannot run. BatchInterrupted (a
            KeyboardInterrupt): Ctrl-C, after cutting the output back to whole chunks.
    """
    t0 = time.perf_counter()
    miner_max = getattr(miner, "max_chars", None)
    if max_chars is None:  # the miner's limit (Miner.max_chars), so reading and mining agree
        max_chars = miner_max if miner_max is not None else DEFAULT_MAX_CHARS
    if batch_size < 1 or chunk_size < 1 or max_chars < 1:
        raise ArgumentValueError(f"batch_size, chunk_size and max_chars must be >= 1; got {batch_size}, {chunk_size}, "
                                 f"{max_chars}. Pass whole numbers of at least 1 (or leave them out for the defaults).")
    if max_seconds is not None and not max_seconds > 0:
        raise ArgumentValueError(f"max_seconds must be > 0 (or None: no budget); got {max_seconds!r}. "
                                 "Pass a number of seconds such as 30, or None.")
    if miner_max is not None and miner_max < max_chars:
        # an explicit max_chars (--max-chars) rules the run: mine with a copy that takes texts up to it (same network)
        miner = copy.copy(miner)
        miner.max_chars = max_chars
    if limit is not None and limit < 0:
        raise ArgumentValueError(f"limit must be >= 0; got {limit}. Pass a number of records, or None for all of them.")
    src, out = Path(input_path), Path(output_path)
    kind = input_kind(src)
    folder = kind == "folder"
    to_parquet = out.suffix.lower() == ".parquet"
    journal, errs = _output_paths(src, out, errors_path, to_parquet)
    records = read_records(src, text_field=text_field, id_field=id_field, max_chars=max_chars,
                           page_map=page_map)  # fails fast on bad headers
    if kind in ("csv", "parquet"):  # generators: run them to the header check now
        first = next(records, None)
        records = _chain(first, records)
    out.parent.mkdir(parents=True, exist_ok=True)
    errs.parent.mkdir(parents=True, exist_ok=True)

    lock = OutputLock(out).acquire()
    try:
        return _run_locked(src, out, journal, errs, records, miner, folder=folder, to_parquet=to_parquet,
                           fsync=fsync, progress=progress, text_field=text_field, limit=limit,
                           batch_size=batch_size, chunk_size=chunk_size, t0=t0, max_seconds=max_seconds)
    finally:
        lock.release()


def _run_locked(src: Path, out: Path, journal: Path, errs: Path, records: Iterator[Record], miner, *, folder: bool,
                to_parquet: bool, fsync: bool, progress: Optional[bool], text_field: str, limit: Optional[int],
                batch_size: int, chunk_size: int, t0: float, max_seconds: Optional[float] = None) -> BatchSummary:
    """run_batch once OUTPUT is locked: resume from OUTPUT/ERRORS, then mine and append chunk by chunk."""

    summary = BatchSummary(output_path=out, errors_path=errs)
    if to_parquet and out.exists() and not journal.exists():
        parquet_to_journal(out, journal)
    ex_out = _recover(journal, _doc_key(folder), _DOC_HEAD, "OUTPUT", summary.notes)
    ex_err = _recover(errs, _err_key(folder), _ERR_HEAD, "ERRORS", summary.notes)
    done_out, done_err = _DoneKeys(ex_out, _doc_key(folder)), _DoneKeys(ex_err, _err_key(folder))
    w_out, w_err = _Appender(journal, ex_out.size, fsync, "OUTPUT"), _Appender(errs, ex_err.size, fsync, "ERRORS")
    model_in_output = first_settings(journal, ex_out.size)

    bar = _open_bar(progress, src, text_field, limit, ex_out.count + ex_err.count)
    chunk = _Chunk(miner, batch_size, chunk_size, max_seconds, bar, summary, (w_out, w_err), model_in_output, journal)
    fatal: Optional[BaseException] = None
    try:
        try:
            fatal = _read_loop(records, limit, done_out, done_err, summary, (journal, errs), chunk)
            chunk.flush()
        except BaseException:
            w_out.rollback()
            w_err.rollback()
            raise
        finally:
            w_out.close()
            w_err.close()
            done_out.close()
            done_err.close()
            if bar is not None:
                bar.close()
            close = getattr(records, "close", None)
            if close is not None:
                close()
    except KeyboardInterrupt:
        summary.interrupted = True
        summary.seconds = time.perf_counter() - t0
        raise BatchInterrupted(summary) from None
    journal.touch(exist_ok=True)  # OUTPUT is there even when every record went to ERRORS (scripts rely on it)
    if fatal is not None:
        raise fatal
    if to_parquet:
        journal_to_parquet(journal, out)
        journal.unlink(missing_ok=True)
    summary.seconds = time.perf_counter() - t0
    return summary


def _open_bar(progress: Optional[bool], src: Path, text_field: str, limit: Optional[int], already: int) -> Optional[_Bar]:
    """The run's progress bar (None: no bar; ``progress`` None: only when stderr is a terminal)."""
    if progress is None:
        progress = sys.stderr.isatty()
    if not progress:
        return None
    total = count_records(src, text_field=text_field)
    if total is not None:
        total = max((min(total, limit) if limit is not None else total) - already, 0)
    return _Bar(total)


def _read_loop(records: Iterator[Record], limit: Optional[int], done_out, done_err, summary: BatchSummary,
               files: Tuple[Path, Path], chunk: _Chunk) -> Optional[BaseException]:
    """Give INPUT's records to ``chunk``, skipping (and checking) those already in OUTPUT or ERRORS; returns the
    reader's exception when it failed (what was read before is still written), else None."""
    seen = 0
    while limit is None or seen < limit:
        try:
            rec = next(records, None)
        except Exception as e:  # the input broke off (or its reader failed): write what was read, then report
            return e
        if rec is None:
            break
        if rec.incomplete:
            summary.notes.append(rec.error)
            continue
        seen += 1
        if rec.key in done_out or rec.key in done_err:
            _check_same(rec, done_out.check if rec.key in done_out else done_err.check, *files)
            summary.skipped += 1
            continue
        chunk.add(rec)
    return None


def _output_paths(src: Path, out: Path, errors_path: Optional[PathLike], to_parquet: bool) -> Tuple[Path, Path]:
    """``(journal, ERRORS)`` for OUTPUT ``out``, after checking that OUTPUT's suffix names a format argmine writes and
    that INPUT, OUTPUT and ERRORS are different files (BatchError otherwise)."""
    plain_name = out.name[:-3] if out.name.lower().endswith(".gz") else out.name  # .jsonl.gz: gzip members
    if not to_parquet and Path(plain_name).suffix.lower() not in JSONL_SUFFIXES:
        raise BatchError(f"OUTPUT must be a JSON Lines file ({', '.join(sorted(JSONL_SUFFIXES))}, optionally + .gz) or "
                         f"Parquet (.parquet); got {out.name!r}, which would not hold what its name says. "
                         "Name OUTPUT .jsonl, .jsonl.gz or .parquet.")
    if to_parquet:
        _pyarrow_parquet()
    journal = out.with_name(out.name + ".partial.jsonl") if to_parquet else out
    errs = Path(errors_path) if errors_path is not None else default_errors_path(out)
    paths = [p.resolve() for p in (src, out, journal, errs)]
    if paths[0] in paths[1:] or paths[2] == paths[3] or paths[1] == paths[3]:
        raise BatchError(f"INPUT, OUTPUT and ERRORS must be different files; got {str(src)!r}, {str(out)!r}, {str(errs)!r}. "
                         "Pass a path of its own for each (--errors names ERRORS).")
    if out.is_dir():
        raise BatchError(f"OUTPUT must be a file; got {str(out)!r}, which is a folder. "
                         "Pass a file path for -o (e.g. FOLDER/out.jsonl).")
    return journal, errs


def _check_same(rec: Record, check, journal: Path, errs: Path) -> None:
    """Refuse to resume when the record at this key is not the one OUTPUT/ERRORS hold for it (INPUT changed)."""
    if check is None:
        return
    sid, shash = check
    if sid == rec.id and (shash is None or (rec.text is not None and text_hash(rec.text) == shash)):
        return
    what = f"id {sid!r}" + ("" if sid != rec.id else " with another text")
    raise BatchError(f"INPUT must be the input OUTPUT was mined from, to resume; got a different record at line {rec.line} "
                     f"(INPUT has id {rec.id!r}; {str(journal)!r} or {str(errs)!r} holds {what} there). Mine this INPUT "
                     "into another OUTPUT, or remove OUTPUT and ERRORS to start again.")


def _chain(first: Optional[Record], rest: Iterator[Record]) -> Iterator[Record]:
    if first is None:
        return
    yield first
    yield from rest


def run_engine(input_path: PathLike, output_path: PathLike, model: Optional[str] = None, *, engine: str = "local",
               precision: str = "fp32", threads: Optional[int] = None, min_score: Optional[float] = None,
               workers: Optional[int] = None, chunk_size: Optional[int] = None, backend: str = DEFAULT_BACKEND,
               **options: Any) -> BatchSummary:
    """Mine ``input_path`` into ``output_path`` with the model directory ``model`` (None: the shipped model) on
    ``engine``: ``"local"`` (this process, ``run_batch``) or ``"ray"`` (Ray Data actors, ``run_batch_ray``), as
    ``argmine batch`` does.

    Args:
        engine: "local" or "ray".
        precision: "fp32", "bf16" or "auto" (the local engine's miner; ``argmine.precision``).
        threads, min_score: as in ``argmine.load`` and ``Miner.mine`` (local engine only).
        backend: the encoder's backend, as in ``argmine.load`` ("auto", the default, "onnx" or "torch"; engine "ray" runs torch and refuses "onnx").
        workers: Ray actors (ray engine only).
        chunk_size: records mined and written together (default ``DEFAULT_CHUNK_SIZE``; ray: per job).
        **options: the keyword options ``run_batch`` takes (``text_field``, ``errors_path``, ``limit``, ...).

    Returns:
        The run's ``BatchSummary``.

    Raises:
        OptionValueError: an unknown engine, or an option the engine does not take (E108).
        BatchError: the batch cannot run or go on (E201); ``BatchInterrupted`` after Ctrl-C.
    """
    from ..errors import OptionValueError

    if engine not in ("local", "ray"):
        raise OptionValueError("engine", "'local' or 'ray'", engine)
    if workers is not None and engine != "ray":
        raise OptionValueError("workers", "None unless engine='ray' (--workers needs --engine ray)", workers)
    if engine == "ray" and backend == "onnx":
        raise OptionValueError("backend", "'torch' or 'auto' with engine='ray'", backend,
                               "A Ray actor runs the torch backend: pass backend='auto' or 'torch', or engine='local' "
                               "for ONNX Runtime.", cli_expected="torch or auto with --engine ray",
                               cli_hint="A Ray actor runs the torch backend: pass --backend auto or torch, or "
                                        "--engine local for ONNX Runtime.")
    if engine == "ray" and (threads is not None or min_score is not None):
        raise OptionValueError("threads and min_score", "None with engine='ray' (a Ray actor uses one CPU and keeps "
                               "every unit; they need --engine local)", (threads, min_score))
    input_kind(input_path)
    if engine == "ray":
        from ..integrations.ray import run_batch_ray

        return run_batch_ray(input_path, output_path, model, workers=workers, chunk_size=chunk_size, **options)
    from ..miner import check_min_score, load

    miner = load(model, precision=precision, threads=threads, backend=backend)
    miner.min_score = check_min_score(min_score)
    return run_batch(input_path, output_path, miner, chunk_size=chunk_size or DEFAULT_CHUNK_SIZE, **options)

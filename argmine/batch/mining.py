"""What mines a chunk of records (``_mine_chunk``), whatever the engine: any object with ``mine_batch`` (a Miner, or
the Ray engine's actor pool, argmine.integrations.ray); the chunk being filled, mined and written (``_Chunk``,
``_write_chunk``); and the run's progress bar (``_Bar``)."""
from __future__ import annotations

import re
import warnings
from typing import Any, Callable, Dict, List, Optional, Tuple

from ..lang import NonEnglishWarning
from .records import CHUNK_CHARS, BatchError, Record, _error_line, _json_line
from ..errors import InternalError

TIME_BUDGET = "time budget exceeded: "  # the error of a record whose mining ran past max_seconds (--max-seconds)


def _headline(rec: Record) -> Optional[str]:
    """The record's headline (``meta["title"]``: a web page's title, a JSONL record's ``title``), when it is text."""
    t = (rec.meta or {}).get("title")
    return t if isinstance(t, str) and t.strip() else None


def _mine_chunk(miner, recs: List[Record], batch_size: int, max_seconds: Optional[float] = None,
                progress: Optional[Callable[[int], None]] = None) -> List[Tuple[Record, Any, Optional[str]]]:
    """(record, document or None, error or None) for each record, in order; one failure does not sink the chunk.

    Documents mined before a failure are kept; a record past ``max_seconds`` becomes the error ``time budget
    exceeded: ...`` and the records after it are mined on; any other failure is retried record by record.
    ``titles``, ``max_seconds`` and ``progress`` reach ``miner.mine_batch`` only when used (``progress`` only when
    it takes it), so any object with ``mine_batch(texts, ids=, batch_size=, show_progress=)`` can mine."""
    from ..errors import MiningTimeoutError

    kw: Dict[str, Any] = {"max_seconds": max_seconds} if max_seconds is not None else {}
    if progress is not None and _accepts(miner.mine_batch, "progress"):
        kw["progress"] = progress
    titles = [_headline(r) for r in recs]
    if any(titles):
        kw["titles"] = titles
    docs: List[Any] = []
    try:
        with warnings.catch_warnings():  # one warning per record would flood stderr: meta.language and the summary say it
            warnings.simplefilter("ignore", NonEnglishWarning)
            for doc in miner.mine_batch([r.text for r in recs], ids=[r.id for r in recs], batch_size=batch_size,
                                        show_progress=False, **kw):
                docs.append(doc)
        if len(docs) != len(recs):
            raise InternalError(f"mine_batch returned {len(docs)} documents for {len(recs)} texts")
        return [(r, d, None) for r, d in zip(recs, docs)]
    except MiningTimeoutError as e:
        k = len(docs)
        rest = _mine_chunk(miner, recs[k + 1:], batch_size, max_seconds, progress) if k + 1 < len(recs) else []
        return [(r, d, None) for r, d in zip(recs, docs)] + [(recs[k], None, f"{TIME_BUDGET}{e}")] + rest
    except Exception as e:
        if len(recs) == 1:
            return [(recs[0], None, f"mining failed: {type(e).__name__}: {e}")]
        docs = docs[:len(recs)]
        out = [(r, d, None) for r, d in zip(recs, docs)]
        for r in recs[len(docs):]:
            out.extend(_mine_chunk(miner, [r], batch_size, max_seconds, progress))
        return out


def _accepts(fn, name: str) -> bool:
    """Whether callable ``fn`` takes a keyword argument ``name`` (a miner-like object may not take ``progress``)."""
    import inspect

    try:
        params = inspect.signature(fn).parameters
    except (TypeError, ValueError):
        return False
    return name in params or any(p.kind is inspect.Parameter.VAR_KEYWORD for p in params.values())


class _Bar:
    """The run's tqdm bar over records: it moves record by record while a chunk is mined (the miner's progress),
    and catches up on the chunk's error records and the rest when the chunk is written."""

    def __init__(self, total: Optional[int]) -> None:
        from tqdm.auto import tqdm

        self.bar = tqdm(total=total, unit="doc", desc="mining", dynamic_ncols=True)
        self.ticked = 0  # records of the current chunk already shown

    def ticker(self, cap: int) -> Callable[[int], None]:
        """The miner's progress callback for a chunk of ``cap`` records to mine (never shows more than that)."""
        def tick(n: int) -> None:
            n = min(n, cap - self.ticked)
            if n > 0:
                self.bar.update(n)
                self.ticked += n
        return tick

    def chunk_done(self, n_records: int) -> None:
        self.bar.update(max(n_records - self.ticked, 0))
        self.ticked = 0

    def close(self) -> None:
        self.bar.close()


class _Chunk:
    """The records waiting to be mined and written together (``add``; ``flush`` mines and writes them)."""

    def __init__(self, miner, batch_size: int, size: int, max_seconds: Optional[float], bar: Optional[_Bar],
                 summary, writers: tuple, output_settings: Optional[dict], journal) -> None:
        self.miner, self.batch_size, self.size, self.max_seconds, self.bar = miner, batch_size, size, max_seconds, bar
        self.summary, self.writers, self.output_settings, self.journal = summary, writers, output_settings, journal
        self.pending: List[Record] = []
        self.pending_err: List[Record] = []
        self.chars = 0

    def add(self, rec: Record) -> None:
        if rec.error is not None:
            self.pending_err.append(rec)
        else:
            self.pending.append(rec)
            self.chars += len(rec.text)
        if len(self.pending) + len(self.pending_err) >= self.size or self.chars >= CHUNK_CHARS:
            self.flush()

    def flush(self) -> None:
        pending, bar = self.pending, self.bar
        mined = _mine_chunk(self.miner, pending, self.batch_size, self.max_seconds,
                            bar.ticker(len(pending)) if bar else None) if pending else []
        if len(mined) >= 2 and all(doc is None and not err.startswith(TIME_BUDGET) for _, doc, err in mined):
            # every record failing on its own is the model or the machine, not the records: stop (resumable)
            raise BatchError(f"mining must work for some records; got a failure on each of {len(mined)} records in a row, "
                             f"e.g. line {mined[0][0].line}: {mined[0][2]}. Check the model and the device, then rerun to resume.")
        _write_chunk(mined, self.pending_err, self.summary, *self.writers, self.output_settings, self.journal)
        if bar is not None:
            bar.chunk_done(len(pending) + len(self.pending_err))
        self.pending, self.pending_err, self.chars = [], [], 0


def _write_chunk(mined: list, pending_err: List[Record], summary, w_out, w_err,
                 output_settings: Optional[dict], journal) -> None:
    """Append one chunk's documents to OUTPUT and its error records (in input order) to ERRORS; count them."""
    doc_lines, err_recs = [], [(r, r.error) for r in pending_err]
    summary.not_articles += sum(r.not_article for r in pending_err)
    for rec, doc, err in mined:
        if doc is None:
            err_recs.append((rec, err))
            continue
        _check_resume(doc, output_settings, journal)
        doc.meta = {**doc.meta, **(rec.meta or {}), "line": rec.line}
        try:
            doc_lines.append(_json_line(doc.to_dict()))
        except Exception as e:  # e.g. page meta that is not valid Unicode: that record's error, not the run's
            err_recs.append((rec, f"document could not be written: {type(e).__name__}: {e}"))
            continue
        lang = doc.meta.get("language") or {}
        if not lang.get("english", True) and lang.get("judged", True):  # judged not English (not an empty text)
            summary.not_english += 1
    err_recs.sort(key=lambda re: re[0].key)
    w_out.write(doc_lines)
    summary.mined += len(doc_lines)
    w_err.write([_error_line(r, e) for r, e in err_recs])
    summary.errors += len(err_recs)
    for _, e in err_recs:
        reason = _reason(e)
        summary.errors_by_reason[reason] = summary.errors_by_reason.get(reason, 0) + 1


def _check_resume(doc, settings: Optional[dict], journal) -> None:
    """Raise BatchError (E201) unless ``doc`` was mined with the model, precision and min-score of ``settings`` (what
    the first document of OUTPUT was mined with, ``journal.first_settings``; None: OUTPUT has no document yet)."""
    if settings is None:
        return
    if doc.model != settings["model"]:
        raise BatchError(f"--model and --precision must be those OUTPUT was mined with, to resume; got {doc.model} against "
                         f"{settings['model']} in {str(journal)!r}. Mine into another OUTPUT, or remove it to start again.")
    before, now = settings["min_score"], doc.meta.get("min_score")
    if now != before:
        todo = "Leave --min-score out" if before is None else f"Pass --min-score {before:g}"
        raise BatchError(f"--min-score must be the one OUTPUT was mined with, to resume; got "
                         f"{'none' if now is None else f'{now:g}'} against {'none' if before is None else f'{before:g}'} "
                         f"in {str(journal)!r}. {todo}, mine into another OUTPUT, or remove it to start again.")


_NUMBER = re.compile(r"(?<![\w.-])\d(?:[\d,.]*\d)?(?!\w)")  # a count, not part of a name (UTF-8, 0x9f)
_FILE_NAME = re.compile(r"""file name (['"]).*?\1""")


def _reason(error: str) -> str:
    """The kind of an error message, the same for every record it befalls: its text before the first colon or
    semicolon, with each number written ``N`` and a quoted file name ``...`` ("not HTML", "line is not valid JSON",
    "'text' has N characters, more than --max-chars N", "file name ... is not valid UTF-8")."""
    head = re.split(r"[:;]", error, maxsplit=1)[0].strip()
    return _FILE_NAME.sub("file name ...", _NUMBER.sub("N", head))[:80]

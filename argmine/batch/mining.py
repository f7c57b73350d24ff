"""What mines a chunk of records (``_mine_chunk``), whatever the engine: any object with ``mine_batch`` (a Miner, or
the Ray engine's actor pool, argmine.integrations.ray), and the run's progress bar (``_Bar``)."""
from __future__ import annotations

import warnings
from typing import Any, Callable, Dict, List, Optional, Tuple

from ..lang import NonEnglishWarning
from .records import Record

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
            raise RuntimeError(f"mine_batch returned {len(docs)} documents for {len(recs)} texts")
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

"""Scale-out on Ray Data: mine a Dataset of texts with a pool of actors that each load the model once.

    import ray
    from argmine.integrations.ray import mine_dataset

    ds = ray.data.read_parquet("s3://bucket/opeds/")          # rows with an "id" and a "text" column
    mined = mine_dataset(ds, "models/argmine-default", concurrency=8)
    mined.write_parquet("s3://bucket/mined/")                 # rows: id, document (JSON string), error

Ray Data schedules everything (blocks, actors, retries, backpressure); argmine only supplies the callable class
(:class:`MineBatch`) that :meth:`ray.data.Dataset.map_batches` runs in each actor.

:func:`run_batch_ray` is what ``argmine batch --engine ray`` runs: :func:`argmine.batch.run_batch` (the same
readers, OUTPUT, ERRORS and resume as the local engine) whose records are mined window by window on one
pool of Ray actors kept for the whole run (each loads the model once). Ray is imported lazily: ``pip install 'argmine[ray]'``.
"""
from __future__ import annotations

import contextlib
import copy
import json
import logging
import math
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

from ..errors import ArgumentValueError, ModelNotFoundError, RayNotInstalledError, UnknownKeyError
from ..miner import DEFAULT_MAX_CHARS

if TYPE_CHECKING:  # pragma: no cover
    import ray.data

    from ..batch import BatchSummary
    from ..miner import Miner

__all__ = ["mine_dataset", "run_batch_ray", "ray_pages", "MineBatch", "RayNotInstalledError", "OUTPUT_COLUMNS"]

OUTPUT_COLUMNS = ("id", "document", "error")
WINDOW_PER_WORKER = 256  # argmine batch --engine ray: records per window and worker (see run_batch_ray)

ModelArg = Union[None, str, "os.PathLike[str]", "Miner"]


def import_ray():
    """``ray`` with ``ray.data`` imported; RayNotInstalledError (an ImportError) when it is missing.

    Returns:
        The ``ray`` module."""
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as e:
        raise RayNotInstalledError(f"an import error ({e})" if getattr(e, "name", None) not in ("ray", "ray.data") else "") from None
    return ray


def _model_arg(model: ModelArg) -> Any:
    """What the actors load: None (the shipped model), an absolute path (checked here), or a Miner (shipped)."""
    if model is None or not isinstance(model, (str, os.PathLike)):
        return model
    path = Path(model).expanduser()
    if not path.is_dir():
        raise ModelNotFoundError(path)
    return str(path.resolve())


class MineBatch:
    """The callable class Ray Data runs in each actor: loads the model once, then mines batches of rows.

    A batch is a ``pyarrow.Table``; the output has the columns ``id`` (the row's id as a string, or null),
    ``document`` (the document as a JSON string, or null) and ``error`` (null, or why the row was not mined),
    then ``keep_columns`` unchanged. A bad row (no text, text not a string, too long, a bad id) or a row whose
    mining fails becomes an error row; it never fails the batch.

    Raises:
        UnknownKeyError: a ``keep_columns`` name that is no column of the batch (E011).
    """

    def __init__(self, model: ModelArg = None, text_column: str = "text", id_column: str = "id",
                 keep_columns: Sequence[str] = (), batch_size: int = 16,
                 max_chars: Optional[int] = DEFAULT_MAX_CHARS, threads: Optional[int] = None) -> None:
        if threads:
            import torch

            torch.set_num_threads(threads)  # one actor per CPU share: no oversubscription of the node
        from ..miner import Miner, load

        limit = max_chars if max_chars is not None else sys.maxsize
        if isinstance(model, Miner):
            miner = model
            if miner.max_chars is not None and miner.max_chars < limit:  # the rows were checked against limit
                miner = copy.copy(miner)
                miner.max_chars = max_chars
        else:
            miner = load(model, max_chars=max_chars, backend="torch")  # Ray actors run torch (one CPU each)
        self.miner = miner
        self.text_column, self.id_column = text_column, id_column
        self.keep_columns = tuple(keep_columns)
        self.batch_size = batch_size
        self.max_chars = limit

    def __call__(self, batch):
        import pyarrow as pa

        from ..batch import _build, _json_line, _mine_chunk

        n = batch.num_rows
        names = batch.column_names
        texts = batch.column(self.text_column).to_pylist() if self.text_column in names else None
        ids = batch.column(self.id_column).to_pylist() if self.id_column in names else [None] * n
        out_ids: List[Optional[str]] = [None] * n
        docs: List[Optional[str]] = [None] * n
        errors: List[Optional[str]] = [None] * n
        good = []
        for i in range(n):
            fields = {self.id_column: _null_nan(ids[i])}
            if texts is not None:
                fields[self.text_column] = _null_nan(texts[i])
            rec = _build(i, i, fields, self.text_column, self.id_column, self.max_chars, None, "row")
            out_ids[i] = rec.id
            if rec.error is not None:
                errors[i] = rec.error
            else:
                good.append(rec)
        for rec, doc, err in _mine_chunk(self.miner, good, self.batch_size) if good else []:
            if doc is None:
                errors[rec.line] = err
            else:
                docs[rec.line] = _json_line(doc.to_dict()).decode("utf-8")[:-1]  # argmine batch's line, less "\n"
        cols: Dict[str, Any] = {"id": pa.array(out_ids, pa.string()), "document": pa.array(docs, pa.string()),
                                "error": pa.array(errors, pa.string())}
        for c in self.keep_columns:
            if c not in names:
                raise UnknownKeyError(f"keep_columns must name columns of the dataset; got {c!r}, not among {names}. "
                                      "Pass names from ds.columns().")
            cols[c] = batch.column(c)
        return pa.table(cols)


def _null_nan(v: Any) -> Any:
    """pandas writes a missing value as NaN: count it as missing (null), not as "a number"."""
    return None if isinstance(v, float) and math.isnan(v) else v


def mine_dataset(ds: "ray.data.Dataset", model: ModelArg = None, *, text_column: str = "text", id_column: str = "id",
                 batch_size: int = 16, concurrency: Union[int, Tuple[int, int]] = 2,
                 num_cpus_per_actor: float = 1, num_gpus_per_actor: float = 0,
                 max_chars: Optional[int] = DEFAULT_MAX_CHARS, keep_columns: Sequence[str] = ()) -> "ray.data.Dataset":
    """Map a Dataset of texts to mined documents with a pool of actors (lazy, like any Ray Data transform).

    ``model``: a model directory (present at the same path on every node), None for the model shipped with
    argmine, or a loaded :class:`argmine.Miner` (shipped to the actors by Ray). Each input row needs a
    ``text_column`` (str) and may have an ``id_column`` (str or int). Each output row has ``id`` (str or null),
    ``document`` (``json.loads`` gives ``doc.to_dict()``, CONTRACT.md) or null, and ``error`` (null, or a
    readable reason: no text, text not a string, longer than ``max_chars``, mining failed), then the
    ``keep_columns`` copied from the input (e.g. a row number). A bad row never fails the job.

    ``batch_size``: rows per actor call and paragraphs per forward pass. ``concurrency``: actors (an int, or
    ``(min, max)`` to autoscale); each reserves ``num_cpus_per_actor`` CPUs (torch uses that many threads)
    and ``num_gpus_per_actor`` GPUs. Leave CPUs free for any read or transform tasks upstream of the pool
    (a pool holding every CPU can starve them, and the job then waits forever). Output order follows Ray
    Data's: set ``DataContext.get_current().execution_options.preserve_order = True`` or keep a row-number column.

    Returns:
        A lazy ``ray.data.Dataset``: per row ``id``, ``document`` (the mined document as JSON) and ``error`` (None, or
        why the text was not mined), plus the kept input columns.

    Raises:
        ArgumentValueError: ``keep_columns`` naming an output column, or ``max_chars``, ``batch_size``,
            ``concurrency`` or the per-actor CPUs/GPUs out of range (E107).
    """
    ray = import_ray()
    if isinstance(batch_size, bool) or not isinstance(batch_size, int) or batch_size < 1:
        raise ArgumentValueError(f"batch_size must be an int >= 1; got {batch_size!r}. Pass e.g. 16 (the default).")
    conc = concurrency if isinstance(concurrency, tuple) else (concurrency,)
    if len(conc) not in (1, 2) or any(isinstance(c, bool) or not isinstance(c, int) or c < 1 for c in conc) or conc[0] > conc[-1]:
        raise ArgumentValueError(f"concurrency must be an int >= 1 or a (min, max) tuple of them; "
                                 f"got {concurrency!r}. "
                                 "Pass the number of actors, e.g. 4, or (1, 8) for an autoscaling pool.")
    pool = (ray.data.ActorPoolStrategy(size=conc[0]) if len(conc) == 1
            else ray.data.ActorPoolStrategy(min_size=conc[0], max_size=conc[1]))
    if num_cpus_per_actor < 0 or num_gpus_per_actor < 0:
        raise ArgumentValueError(f"num_cpus_per_actor and num_gpus_per_actor must be >= 0; got {num_cpus_per_actor}, {num_gpus_per_actor}")
    if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int) or max_chars < 1):
        raise ArgumentValueError(f"max_chars must be an int >= 1 or None (no limit); got {max_chars!r}. Pass e.g. "
                                 "1_000_000 (the default), or None.")
    clash = [c for c in keep_columns if c in OUTPUT_COLUMNS]
    if clash:
        raise ArgumentValueError(f"keep_columns must not name an output column {OUTPUT_COLUMNS}; got {clash}. Rename "
                                 "those input columns first, or leave them out of keep_columns.")
    model_arg = _model_arg(model)
    remote: Dict[str, Any] = {"num_cpus": num_cpus_per_actor}
    if num_gpus_per_actor:
        remote["num_gpus"] = num_gpus_per_actor
    return ds.map_batches(
        MineBatch,
        fn_constructor_kwargs={"model": model_arg, "text_column": text_column, "id_column": id_column,
                               "keep_columns": tuple(keep_columns), "batch_size": batch_size, "max_chars": max_chars,
                               "threads": max(1, int(num_cpus_per_actor))},
        batch_size=batch_size, batch_format="pyarrow", compute=pool, **remote)


# -- argmine batch --engine ray ------------------------------------------------------------------------------
_TIMEOUT = "time budget exceeded: "  # batch._mine_chunk's error for a record past --max-seconds


class _MiningFailed(RuntimeError):
    """A record's mining failed in an actor (its error row); raised again for batch._mine_chunk to record."""


def _failure(err: str) -> Exception:
    """An exception that batch._mine_chunk writes as the actor's own ``mining failed: TYPE: message`` (or
    ``time budget exceeded: message``)."""
    if err.startswith(_TIMEOUT):
        from ..errors import MiningTimeoutError

        e = MiningTimeoutError(0, 0)
        e.message = err[len(_TIMEOUT):].removeprefix(f"[{MiningTimeoutError.code}] ")  # str(e) adds the code again
        e.args = (e.message,)
        return e
    name, sep, message = err.removeprefix("mining failed: ").partition(": ")
    if not sep or not name.isidentifier():
        return _MiningFailed(err)
    return type(name, (_MiningFailed,), {})(message)


class _RayMiner:
    """What run_batch needs of a Miner (``max_chars``, ``mine_batch``), mining each chunk on a persistent actor pool.

    run_batch hands over one window of valid records at a time (its reader already applied --max-chars, hence
    ``max_chars = None`` here). When rows of a window fail, mine_batch raises and run_batch's _mine_chunk tries
    again record by record: those calls are answered from the window's results, not sent to the actors again.
    The actors start with the first window and stay until :meth:`close` (run_batch_ray calls it at the end).
    """

    max_chars = None

    def __init__(self, model: ModelArg, *, concurrency: int, num_cpus_per_actor: float = 1,
                 num_gpus_per_actor: float = 0) -> None:
        self.model = _model_arg(model)
        self.concurrency = concurrency
        self.num_cpus_per_actor = num_cpus_per_actor
        self.num_gpus_per_actor = num_gpus_per_actor
        # results of the last window that failed, by (id, text), each answered once: doc, or the exception
        self._replay: Dict[Tuple[Optional[str], str], List[Any]] = {}
        self.jobs = 0  # windows sent to the actors
        self._actors: Optional[list] = None

    def mine_batch(self, texts: Iterable[str], *, ids: Optional[Iterable[Optional[str]]] = None,
                   titles: Optional[Iterable[Optional[str]]] = None, batch_size: int = 16,
                   show_progress: Optional[bool] = None, progress=None, max_seconds: Optional[float] = None) -> Iterator[Any]:
        texts = list(texts)
        ids = list(ids) if ids is not None else [None] * len(texts)
        titles = list(titles) if titles is not None else [None] * len(texts)
        if len(texts) == 1 and (ids[0], texts[0]) in self._replay:
            return iter([self._answer((ids[0], texts[0]))])
        return iter(self._run(texts, ids, batch_size, titles, max_seconds, progress))

    def _answer(self, key):
        queue = self._replay[key]
        result = queue.pop(0)
        if not queue:
            del self._replay[key]
        if isinstance(result, BaseException):
            raise result
        return result

    def _run(self, texts: List[str], ids: List[Optional[str]], batch_size: int, titles: List[Optional[str]],
             max_seconds: Optional[float] = None, progress=None) -> List[Any]:
        self._replay = {}
        self.jobs += 1
        try:
            out = self._mine_window(texts, ids, batch_size, titles, max_seconds, progress)
        except Exception as e:  # the job failed (not a row): every record of the window fails with it
            out = [e] * len(texts)
        bad = [r for r in out if isinstance(r, BaseException)]
        if not bad:
            return out
        if len(texts) == 1:
            raise bad[0]
        for key, r in zip(zip(ids, texts), out):  # _mine_chunk asks again record by record
            self._replay.setdefault(key, []).append(r)
        raise _MiningFailed(f"{len(bad)} of {len(out)} records failed, e.g. {type(bad[0]).__name__}: {bad[0]}")

    def _mine_window(self, texts: List[str], ids: List[Optional[str]], batch_size: int, titles: List[Optional[str]],
                     max_seconds: Optional[float] = None, progress=None) -> List[Any]:
        """One window on the run's actor pool: a Document, or the exception to raise, for each text, in order.

        The window is cut into slices (about four per actor, at least ``batch_size`` texts each) that the actors
        take as they come free; the results are put back in input order (``progress`` told of each slice).
        """
        from ray.util import ActorPool

        from ..data import Document

        actors = self._pool()
        size = max(batch_size, math.ceil(len(texts) / (4 * len(actors))))
        slices = [(texts[i:i + size], ids[i:i + size], titles[i:i + size]) for i in range(0, len(texts), size)]
        out: List[Any] = []
        mine = lambda a, sl: a.mine.remote(sl[0], sl[1], batch_size, sl[2], max_seconds)  # noqa: E731
        for res in ActorPool(actors).map(mine, slices):
            for doc, err in res:
                out.append(Document.from_dict(json.loads(doc)) if doc is not None else _failure(err))
            if progress is not None:
                progress(len(res))
        if len(out) != len(texts):
            raise _MiningFailed(f"the actors returned {len(out)} results for {len(texts)} texts")
        return out

    def _pool(self) -> list:
        """The run's actors, started on first use: each loads the model once for the whole run."""
        if self._actors is None:
            ray = import_ray()
            opts: Dict[str, Any] = {"num_cpus": self.num_cpus_per_actor}
            if self.num_gpus_per_actor:
                opts["num_gpus"] = self.num_gpus_per_actor
            cls = ray.remote(**opts)(_MineActor)
            threads = max(1, int(self.num_cpus_per_actor))
            self._actors = [cls.remote(self.model, threads) for _ in range(self.concurrency)]
        return self._actors

    def close(self) -> None:
        """Stop the actors (the run is over)."""
        if self._actors:
            ray = import_ray()
            for a in self._actors:
                ray.kill(a)
        self._actors = None


class _MineActor:
    """One actor of ``argmine batch --engine ray``: loads the model once, then mines slices of windows.

    ``mine`` returns ``(document JSON or None, error or None)`` per text, in order; a failure of one text is
    that text's error (batch._mine_chunk), never the slice's.
    """

    def __init__(self, model: ModelArg, threads: int) -> None:
        if threads:
            import torch

            torch.set_num_threads(threads)
        from ..miner import Miner, load

        if isinstance(model, Miner):
            self.miner = copy.copy(model)
            self.miner.max_chars = None  # the driver's reader applied --max-chars
        else:
            self.miner = load(model, max_chars=None, backend="torch")  # Ray actors run torch (one CPU each)

    def mine(self, texts: List[str], ids: List[Optional[str]], batch_size: int, titles: Optional[List[Optional[str]]] = None,
             max_seconds: Optional[float] = None) -> List[Tuple[Optional[str], Optional[str]]]:
        from ..batch import Record, _json_line, _mine_chunk

        titles = titles or [None] * len(texts)
        recs = [Record(i, i, rid, text=t, meta={"title": h} if h else None)
                for i, (rid, t, h) in enumerate(zip(ids, texts, titles))]
        return [(_json_line(doc.to_dict()).decode("utf-8")[:-1], None) if doc is not None else (None, err)
                for _, doc, err in _mine_chunk(self.miner, recs, batch_size, max_seconds)]


PAGES_IN_FLIGHT = 64  # --engine ray on web input: pages being extracted ahead of the reader


def ray_pages(in_flight: int = PAGES_IN_FLIGHT):
    """A page map (``argmine.batch.web.PageMap``) that extracts web pages (trafilatura) in Ray tasks, in parallel
    across the cluster, and gives the records back in input order: the driver only reads the WARC (or lists the
    folder) and at most ``in_flight`` pages are out at once. A failure of the reader comes after the records read
    before it, as with the serial map.

    Returns:
        A page map: a function from an iterator of page jobs to an iterator of ``Record``, in input order."""
    ray = import_ray()
    from ..batch.web import extract_page

    # zero CPUs: the mining actors hold the CPUs for the whole run, and extraction is a small share of the work
    task = ray.remote(num_cpus=0, scheduling_strategy="SPREAD")(extract_page)

    def page_map(items):
        from collections import deque

        from ..batch.records import Record

        queue: deque = deque()
        it, failure = iter(items), None
        while True:
            try:
                item = next(it, None)
            except Exception as e:  # the WARC broke off: what was read before still comes first
                failure = e
                break
            if item is None:
                break
            queue.append(item if isinstance(item, Record) else task.remote(item))
            while len(queue) > in_flight:
                yield _resolved(ray, queue.popleft())
        while queue:
            yield _resolved(ray, queue.popleft())
        if failure is not None:
            raise failure
    return page_map


def _resolved(ray, item):
    from ..batch.records import Record

    return item if isinstance(item, Record) else ray.get(item)


@contextlib.contextmanager
def _ray_data_quiet():
    """No Ray Data progress bars or per-job INFO lines while run_batch draws its own bar (all restored after).

    Warnings and errors of Ray Data still show."""
    ctx = import_ray().data.DataContext.get_current()
    saved = {k: getattr(ctx, k) for k in ("enable_progress_bars", "print_on_execution_start") if hasattr(ctx, k)}
    levels = {"ray.data": logging.WARNING, "ray.data._internal.progress": logging.ERROR}  # the latter: "bars disabled"
    saved_levels = {name: logging.getLogger(name).level for name in levels}
    for k in saved:
        setattr(ctx, k, False)
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    try:
        yield
    finally:
        for k, v in saved.items():
            setattr(ctx, k, v)
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)


def run_batch_ray(input_path, output_path, model: ModelArg = None, *, workers: Optional[int] = None,
                  num_cpus_per_actor: float = 1, num_gpus_per_actor: float = 0, chunk_size: Optional[int] = None,
                  batch_size: int = 16, progress: Optional[bool] = None, **kwargs) -> "BatchSummary":
    """``argmine batch --engine ray``: :func:`argmine.batch.run_batch` with the mining done on Ray actors.

    INPUT, OUTPUT, ERRORS, ``--limit``, ``--max-chars`` and resume behave as with the local engine (the same code
    reads and writes them); only the mining runs in ``workers`` actors (default: as many as the cluster's CPUs
    allow, ``num_cpus_per_actor`` each). The records go to Ray in windows of ``chunk_size`` records (default
    ``WINDOW_PER_WORKER`` per worker; run_batch also closes a window at batch.records.CHUNK_CHARS characters), spread over
    the same ``workers`` actors for the whole run (each loads the model once), written as each window finishes.

    Connects to the cluster in RAY_ADDRESS (``auto``: the one ``ray start`` runs here) when Ray is not
    initialised yet, else starts a local instance; shuts down only what it started.

    Returns:
        The ``BatchSummary`` of the run, as :func:`argmine.batch.run_batch` gives.

    Raises:
        ArgumentValueError: ``workers`` not an int >= 1 (E107).
    """
    ray = import_ray()
    from ..batch import run_batch

    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ArgumentValueError(f"workers must be an int >= 1; got {workers!r}. Pass the number of actors, or leave it "
                                 "out to use the cluster's CPUs.")
    miner_model = _model_arg(model)  # fail before starting Ray on a missing model directory
    started = False
    if not ray.is_initialized():
        address = os.environ.get("RAY_ADDRESS") or None
        init: Dict[str, Any] = {"address": address, "logging_level": "WARNING"}
        if address is None:
            init["include_dashboard"] = False
        ray.init(**init)
        started = True
    try:
        if workers is None:
            cpus = float(ray.cluster_resources().get("CPU", 1))
            workers = max(1, int(cpus // num_cpus_per_actor) if num_cpus_per_actor else int(cpus))
        if progress is None:
            progress = sys.stderr.isatty()
        miner = _RayMiner(miner_model, concurrency=workers, num_cpus_per_actor=num_cpus_per_actor,
                          num_gpus_per_actor=num_gpus_per_actor)
        window = chunk_size if chunk_size is not None else WINDOW_PER_WORKER * workers
        try:
            with _ray_data_quiet():
                return run_batch(input_path, output_path, miner, batch_size=batch_size, chunk_size=window,
                                 progress=progress, page_map=ray_pages(), **kwargs)
        finally:
            miner.close()
    finally:
        if started:
            ray.shutdown()

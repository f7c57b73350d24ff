"""``load()`` and ``Miner``: the one path every caller (API, CLI, evaluation, batch) goes through."""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, Iterator, List, Optional, Sequence

import numpy as np

from .data import ArgumentUnit, Document, Relation
from .decoding import DecodeOptions, DocumentScores, bias_starts, decode_document, span_label_probs, tags_to_spans
from .lang import detect as detect_language, warn_if_not_english
from .errors import ArgumentTypeError, ArgumentValueError
from .text import looks_like_html
from .callsite import user_stacklevel
from .model.onnx_encoder import DEFAULT_BACKEND

PAGE_HINT = ("Mine its article: argmine.ingest.extract_article(page) gives .text and .meta['title'] "
             "(pip install 'argmine[web]'), or run argmine mine PAGE.html.")
BLOCK_FACTOR = 4  # mine_batch mines texts in blocks of batch_size * BLOCK_FACTOR (at least 32)
SMALL_OP_THREADS = 1  # a Miner's default small_op_threads (BiLSTM, tagger, document heads)
DEFAULT_MAX_CHARS = 1_000_000  # longest text mine()/mine_batch() take (Miner.max_chars; same as argmine batch --max-chars)


def pick_device(device: Optional[str] = None) -> str:
    """``device`` if given (checked: :func:`check_device`), else CUDA, then Apple MPS, then CPU — no globals touched.

    Returns:
        A torch device name: ``"cuda"``, ``"mps"``, ``"cpu"`` or the checked ``device``."""
    if device:
        return check_device(str(device))
    import torch

    if torch.cuda.is_available():
        return "cuda"
    if getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def check_device(device: str) -> str:
    """``device`` when this machine and torch build have it; ``DeviceError`` (a ValueError) saying why not.

    Returns:
        ``device``, unchanged."""
    import torch

    from .errors import DeviceError

    try:
        dev = torch.device(device)
    except (RuntimeError, TypeError, ValueError) as e:
        raise DeviceError(device, f"torch does not know that device ({str(e).splitlines()[0]})") from None
    if dev.type == "cuda" and not torch.cuda.is_available():
        raise DeviceError(device, "torch finds no CUDA device here (torch.cuda.is_available() is False: a CPU-only "
                                  "torch build, or no NVIDIA GPU or driver)")
    if dev.type == "cuda" and dev.index is not None and dev.index >= torch.cuda.device_count():
        raise DeviceError(device, f"this machine has {torch.cuda.device_count()} CUDA device(s), numbered from 0")
    if dev.type == "mps" and not (getattr(torch.backends, "mps", None) is not None and torch.backends.mps.is_available()):
        raise DeviceError(device, "torch finds no Apple MPS device here (torch.backends.mps.is_available() is False)")
    if dev.type not in ("cpu", "cuda", "mps"):
        backend = getattr(torch, dev.type, None)
        if backend is None or not callable(getattr(backend, "is_available", None)) or not backend.is_available():
            raise DeviceError(device, f"argmine mines on 'cpu', 'cuda' or 'mps', and torch has no {dev.type!r} device here")
    return device


def load(model: Optional[str | Path] = None, *, device: Optional[str] = None,
         max_chars: Optional[int] = DEFAULT_MAX_CHARS, precision: str = "fp32", threads: Optional[int] = None,
         calibrated: bool = True, backend: str = DEFAULT_BACKEND) -> "Miner":
    """Load a model directory (default: the model shipped with argmine) and return a ready Miner.

    ``threads``: torch's intra-op CPU threads, set here for the whole process (``argmine.threads.set_threads``);
    None: no more than the cores other processes leave free. ``calibrated``: apply the directory's
    ``calibration.json`` (``argmine.calibration``) when it has one; without one, or with ``False``, scores are raw.
    ``backend``: what runs the encoder (``argmine.model.onnx_encoder``): ``"auto"`` (default: ONNX Runtime for
    fp32 on the CPU when it is installed, as it is with argmine's dependencies, else torch), ``"onnx"`` or ``"torch"``.
    Raises ``DeviceError`` for a ``device`` this machine does not have (before the model is read),
    ``OptionValueError`` for ``threads`` that is not a positive int, an unknown ``backend`` or ``precision``,
    ``OnnxRuntimeMissingError`` for ``backend="onnx"`` without ONNX Runtime, ``ModelNotFoundError`` / ``ModelFormatError``
    for a directory that is missing or unreadable (a broken ``calibration.json`` too).

    Returns:
        The ``Miner``, on ``device`` (or the best one there is), ready for ``mine`` and ``mine_batch``.
    """
    from .model.directory import default_model_dir, load_dir
    from .model.onnx_encoder import resolve_backend
    from .precision import resolve_precision
    from .threads import check_threads, prefer_passive_wait, set_threads

    check_threads(threads)
    prefer_passive_wait()  # before torch is first imported, else too late (argmine.threads)
    device = pick_device(device)
    # a bad precision or a missing ONNX Runtime is told before the model is read
    resolve_backend(backend, device, resolve_precision(precision, device))
    path = Path(model) if model is not None else default_model_dir()
    net, tok, cfg = load_dir(path)
    set_threads(threads)
    return Miner(net, tok, cfg, device=device, max_chars=max_chars, precision=precision,
                 calibration=load_calibration(path, cfg) if calibrated else None, backend=backend)


def load_calibration(path: Path, cfg: Dict[str, Any]):
    """The ``ScoreCalibration`` of the model directory ``path``, or None when it has none. One fitted for other
    weights or decoding options is not used: a ``UserWarning`` says so and scores stay raw.

    Returns:
        The ``ScoreCalibration``, or None (no calibration, or a stale one)."""
    import warnings

    from .calibration import model_fingerprint, read_calibration
    from .model.directory import weights_file

    cal = read_calibration(path)
    if cal is not None and cal.fingerprint != model_fingerprint(weights_file(path), cfg.get("decoding")):
        warnings.warn(f"{path}/calibration.json was fitted for other weights or decoding options: scores stay raw. "
                      "Refit it: python benchmarks/calibrate.py --model DIR --data-dir DATA", UserWarning, stacklevel=user_stacklevel())
        return None
    return cal


_NO_ID = object()


def _no_candidates() -> Dict[str, Any]:
    """What _paragraph_candidates gives a paragraph without a span of min_unit_words words (a run too short to be
    encoded gets this)."""
    return {"ctx": None, "words": None, "spans": [], "span_probs": [], "confidence": []}


def _next_of(it: Iterator, name: str, item: str) -> Optional[str]:
    """The next value of ``ids`` or ``titles`` (``name``; one ``item`` per text): a str or None; raises when it runs
    out before the texts or holds another type."""
    value = next(it, _NO_ID)
    if value is _NO_ID:
        raise ArgumentValueError(f"{name} must give one {item} per text; got fewer {name} than texts. "
                                 "Pass one per text (None where there is none).")
    if value is not None and not isinstance(value, str):
        raise ArgumentTypeError(f"{name} must be str or None; got {type(value).__name__}. "
                                "Pass each as a str, or None.")
    return value


def _block_values(it: Optional[Iterator], n: int, name: str, item: str) -> List[Optional[str]]:
    """``n`` values of ``it`` (``_next_of``), or ``n`` Nones when it is None."""
    return [_next_of(it, name, item) for _ in range(n)] if it is not None else [None] * n


def _check_batch_args(texts, ids, titles, batch_size, max_seconds) -> None:
    """mine_batch's argument checks (TypeError / ValueError, before anything is read or mined)."""
    if isinstance(texts, str):
        raise ArgumentTypeError("texts must be an iterable of str; got a single str (use mine() for one text)")
    if isinstance(batch_size, bool) or not isinstance(batch_size, int):
        raise ArgumentTypeError(f"batch_size must be an int; got {type(batch_size).__name__}. "
                                "Pass a whole number such as 16 (the default).")
    if batch_size < 1:
        raise ArgumentValueError(f"batch_size must be >= 1; got {batch_size}. Pass 16 (the default) or more.")
    if isinstance(ids, (str, bytes)):
        raise ArgumentTypeError("ids must be an iterable of str (one per text); got a single str. Wrap it in a list, "
                                "or use mine(text, id=...) for one text.")
    if isinstance(titles, (str, bytes)):
        raise ArgumentTypeError("titles must be an iterable of str (one per text); got a single str. "
                                "Wrap it in a list, or use mine(text, title=...) for one text.")
    if max_seconds is not None and (isinstance(max_seconds, bool) or not isinstance(max_seconds, (int, float))):
        raise ArgumentTypeError("max_seconds must be a number of seconds or None (no budget); "
                                f"got {type(max_seconds).__name__}. Pass a number of seconds such as 30.")
    if max_seconds is not None and not max_seconds > 0:
        raise ArgumentValueError(f"max_seconds must be > 0 (or None: no budget); got {max_seconds!r}. "
                                 "Pass a number of seconds such as 30, or None.")


def _take(it: Iterator, n: int) -> tuple:
    """``(up to n items of it, the exception it raised or None)``: what came before a failure is kept."""
    block: List[Any] = []
    try:
        for x in it:
            block.append(x)
            if len(block) >= n:
                break
    except Exception as e:  # the caller's iterable failed: mine what it gave, then raise this
        return block, e
    return block, None


def _both(*fns: Optional[Callable[[int], None]]) -> Optional[Callable[[int], None]]:
    """One progress callback calling each of ``fns`` that is not None (None when there is none)."""
    live = [f for f in fns if f is not None]
    if not live:
        return None

    def call(n: int) -> None:
        for f in live:
            f(n)
    return call


class Miner:
    """Finds argumentative units and relations in texts. Build it with :func:`argmine.load`.

    Raises:
        ArgumentTypeError: ``max_chars`` is neither an int nor None (E111).
        ArgumentValueError: ``max_chars`` below 1 (E107).
        OptionValueError: ``precision`` not ``fp32``, ``bf16`` or ``auto`` (E108)."""

    def __init__(self, net, tokenizer, config: Dict[str, Any], *, device: Optional[str] = None,
                 max_chars: Optional[int] = DEFAULT_MAX_CHARS, precision: str = "fp32", calibration=None,
                 backend: str = DEFAULT_BACKEND):
        self.calibration = calibration  # argmine.calibration.ScoreCalibration, or None: raw scores
        self.min_score: Optional[float] = None  # mine()/mine_batch() without min_score use this (None: keep all)
        from .precision import resolve_precision

        self.device = pick_device(device)
        # "fp32" or "bf16" ("auto" resolved): bf16 runs the encoder and the word BiLSTM in bfloat16 (argmine.precision)
        self.precision = resolve_precision(precision, self.device)
        if max_chars is not None and (isinstance(max_chars, bool) or not isinstance(max_chars, int)):
            raise ArgumentTypeError(f"max_chars must be an int or None (no limit); got {type(max_chars).__name__}. "
                                    "Pass a whole number of characters, or None.")
        if max_chars is not None and max_chars < 1:
            raise ArgumentValueError(f"max_chars must be >= 1 or None (no limit); got {max_chars}. "
                                     "Pass 1000000 (the default), or None for no limit.")
        self.max_chars = max_chars  # longer texts raise ValueError in mine()/mine_batch()
        self.net = net
        self.tokenizer = tokenizer
        self.config = config
        self.net.to(self.device).eval()
        self.max_length = int(config.get("max_length", 512))
        self.decode_options = DecodeOptions.from_config(config)
        if not config.get("genre_rules", True):
            self.decode_options.mc_roles = None
        self.backend = self._set_backend(backend)  # "torch" or "onnx": what runs the encoder
        # torch's threads for the BiLSTM, the tagger and the document heads (argmine.model.network.op_threads): many
        # small operations that wait at a barrier per operation when another process shares a core; None: as set
        self.small_op_threads: Optional[int] = SMALL_OP_THREADS

    def _set_backend(self, backend: str) -> str:
        """Resolve ``backend`` (``argmine.model.onnx_encoder.resolve_backend``) and, for "onnx", give the network its
        ONNX Runtime encoder (exported at first use, cached)."""
        from .model.onnx_encoder import onnx_encoder, resolve_backend

        chosen = resolve_backend(backend, self.device, self.precision)
        self.net.fast_encoder = None
        if chosen == "onnx":
            try:
                self.net.fast_encoder = onnx_encoder(self.net.encoder)
            except Exception as e:  # "auto": an encoder that will not export runs on torch; "onnx": the error
                if backend != "auto":
                    raise
                import warnings

                warnings.warn(f"backend 'auto' runs torch: the encoder could not run on ONNX Runtime ({type(e).__name__}: "
                              f"{str(e).splitlines()[0] if str(e) else ''})", RuntimeWarning, stacklevel=user_stacklevel())
                chosen = "torch"
        return chosen

    @property
    def model_info(self) -> Dict[str, str]:
        """``{"name", "version"}`` of the loaded model (a document's ``model`` key), with ``"precision": "bf16"``
        when the miner runs bfloat16 (``argmine.precision``; fp32 documents carry no precision key)."""
        info = {"name": self.config["name"], "version": self.config["version"]}
        return {**info, "precision": self.precision} if self.precision != "fp32" else info

    def __repr__(self) -> str:
        return (f"Miner(model={self.config['name']!r}, version={self.config['version']!r}, device={self.device!r}, "
                f"backend={self.backend!r})")

    # -- public API ----------------------------------------------------------------
    def mine(self, text: str, *, id: Optional[str] = None, title: Optional[str] = None,
             min_score: Optional[float] = None) -> Document:
        """Mine one text; returns a Document whose offsets index ``text`` exactly as given.

        ``title``: the text's headline, not part of ``text`` (an op-ed's headline usually states its thesis; a model
        with a headline input uses it to find the major claim; kept in ``meta["title"]``). ``min_score``: as in
        :meth:`mine_batch`.

        Returns:
            The Document (CONTRACT.md): its units (argument components) and relations; see docs/units.md.

        Raises:
            ArgumentTypeError: ``text`` (or ``id``, ``title``) of the wrong type (a ``TypeError``, E111).
            ArgumentValueError: a text over ``max_chars`` (a ``ValueError``, E107).
            OptionValueError: ``min_score`` outside [0, 1] (E108).

        Warns:
            argmine.lang.NonEnglishWarning: a text of 20 words or more that is not English.
        """
        self._check_text(text)  # named "text", not "texts[0]"
        for value, name in ((id, "id"), (title, "title")):
            if value is not None and not isinstance(value, str):
                raise ArgumentTypeError(f"{name} must be a str or None; got {type(value).__name__}. "
                                        f"Pass the {name} as a str, or leave it out.")
        return next(iter(self.mine_batch([text], ids=[id], titles=[title], show_progress=False, min_score=min_score)))

    def mine_batch(self, texts: Iterable[str], *, ids: Optional[Iterable[Optional[str]]] = None,
                   titles: Optional[Iterable[Optional[str]]] = None, batch_size: int = 16,
                   show_progress: Optional[bool] = None, progress: Optional[Callable[[int], None]] = None,
                   max_seconds: Optional[float] = None, min_score: Optional[float] = None) -> Iterator[Document]:
        """Mine many texts; yields Documents in input order. Paragraphs are length-sorted inside each chunk.

        ``ids``: one ``str`` (or None) per text; ``titles``: one headline (or None) per text, as for ``mine``.
        ``progress``: called with the number of texts' worth of work done since its last call, as the encoder works
        (``show_progress``'s bar moves the same way, not once per chunk). ``max_seconds``: a time budget per text; a
        text whose mining runs past it raises ``argmine.errors.MiningTimeoutError`` (a ``TimeoutError``) once the
        texts before it are yielded. ``min_score`` (in [0, 1]): units scoring below it are dropped, with every
        relation to or from them (``drop_below``); with a calibrated model a unit's score is the probability that it
        is right; None: the miner's ``min_score`` attribute (default None: keep every unit). When ``texts`` raises
        midway, the texts it gave before are mined and yielded, then its exception is raised.

        Yields:
            One Document per text, in input order.

        Raises:
            ArgumentTypeError: a text that is not a ``str`` (the message names it ``texts[i]``, its index in
                ``texts``), a single str as ``texts`` or ``ids``, an id that is not a str, or a ``batch_size`` that
                is not an int (a ``TypeError``, E111).
            ArgumentValueError: a text over ``max_chars`` (named ``texts[i]`` too), ``batch_size < 1``,
                ``max_seconds <= 0`` or fewer ids than texts (a ``ValueError``, E107).
            OptionValueError: a ``min_score`` outside [0, 1] (a ``ValueError``, E108).
            MiningTimeoutError: a text ran past ``max_seconds`` (a ``TimeoutError``, E110).

        Warns:
            argmine.lang.NonEnglishWarning: a text of 20 words or more that is not English.
        """
        min_score = check_min_score(min_score if min_score is not None else self.min_score)
        _check_batch_args(texts, ids, titles, batch_size, max_seconds)
        total = len(texts) if hasattr(texts, "__len__") else None
        if show_progress is None:
            show_progress = (total is None or total > 8) and sys.stderr.isatty()
        bar = None
        if show_progress:
            from tqdm.auto import tqdm

            bar = tqdm(total=total, unit="doc", desc="mining")
        report = _both(progress, bar.update if bar is not None else None)
        try:
            for doc in self._mine_blocks(iter(texts), ids, titles, batch_size, max_seconds, report):
                yield drop_below(doc, min_score)
        finally:
            if bar is not None:
                bar.close()

    # -- internals -------------------------------------------------------------------
    def _mine_blocks(self, it: Iterator, ids, titles, batch_size: int, max_seconds: Optional[float],
                     report: Optional[Callable[[int], None]]) -> Iterator[Document]:
        """mine_batch's loop: blocks of texts read from ``it``, mined together, their Documents yielded in order."""
        id_it = iter(ids) if ids is not None else None
        title_it = iter(titles) if titles is not None else None
        chunk, start = max(batch_size * BLOCK_FACTOR, 32), 0
        while True:
            block, failure = _take(it, chunk)
            if block:
                block_ids = _block_values(id_it, len(block), "ids", "id")
                block_titles = _block_values(title_it, len(block), "titles", "title")
                self._check_texts(block, start)
                start += len(block)
                for doc in self._mine_timed(block, block_ids, block_titles, batch_size, max_seconds, report):
                    doc.meta["language"] = detect_language(doc.text)  # {"english": bool, "score": float}
                    warn_if_not_english(doc.meta["language"], doc.id)
                    yield doc
            if failure is not None:
                raise failure  # the texts read before it are mined and yielded
            if not block:
                break

    def _check_texts(self, block: Sequence[Any], start: int = 0) -> None:
        """Check every text of a block of mine_batch's input; ``start``: the index of the block's first text in the
        whole input, so that an error names the text as ``texts[i]``. Raises as ``_check_text``."""
        for i, t in enumerate(block, start):
            self._check_text(t, f"texts[{i}]")

    def _check_text(self, t: Any, name: str = "text") -> None:
        """Check one text, called ``name`` in the message. Raises ArgumentTypeError (E111) for one that is not a
        str, ArgumentValueError (E107) for one over ``max_chars`` or a whole web page (``argmine.text.looks_like_html``)."""
        if not isinstance(t, str):
            todo = ("Decode it first (data.decode('utf-8'))." if isinstance(t, (bytes, bytearray)) else
                    "Pass many texts to mine_batch(), one str each." if isinstance(t, (list, tuple)) else
                    "Pass the text to mine as a str.")
            raise ArgumentTypeError(f"{name} must be a str; got {type(t).__name__}. {todo}")
        if self.max_chars is not None and len(t) > self.max_chars:
            raise too_long(name, len(t), self.max_chars)
        if looks_like_html(t):
            raise ArgumentValueError(f"{name} must be prose (plain text, Markdown or an HTML fragment); got a whole web "
                                     "page (it opens with a document type or <html>, <head> or <body>), whose markup "
                                     "would be mined. " + PAGE_HINT)

    def _mine_timed(self, block: List[str], ids: List[Optional[str]], titles: List[Optional[str]], batch_size: int,
                    max_seconds: Optional[float], report: Optional[Callable[[int], None]]) -> Iterator[Document]:
        """One block's Documents; a text past ``max_seconds`` raises MiningTimeoutError after the texts before it."""
        from .errors import MiningTimeoutError
        from .work import BlockWork

        work = BlockWork(len(block), max_seconds, report)
        try:
            docs = self._mine_block(block, ids, batch_size, titles, work)
        except MiningTimeoutError as e:
            k = getattr(e, "index", 0)
            if k:  # the texts before it in the block are mined again, without it
                yield from self._mine_timed(block[:k], ids[:k], titles[:k], batch_size, max_seconds, None)
            raise MiningTimeoutError(e.seconds, e.elapsed, ids[k]) from None
        for i, doc in enumerate(docs):
            work.report(i + 1)
            yield doc

    def _mine_block(self, texts: Sequence[str], ids: Sequence[Optional[str]], batch_size: int,
                    titles: Sequence[Optional[str]], work=None) -> List[Document]:
        docs = []
        for d, (text, scored) in enumerate(zip(texts, self.score_texts(texts, batch_size, titles, work=work))):
            docs.append(self._assemble(text, ids[d], *scored))
            if work is not None:
                work.spend({d: 1.0})
        for doc, title in zip(docs, titles):
            if title:
                doc.meta["title"] = title
        return docs

    def score_texts(self, texts: Sequence[str], batch_size: int = 16, titles: Optional[Sequence[Optional[str]]] = None,
                    work=None) -> List[tuple]:
        """The network's side of mining, without decoding: per text ``(paragraphs, segments)``, each segment
        ``(DocumentScores, unit word spans [(p, start, end)], evidence probabilities or None)`` for a run of paragraphs
        (``unit_segments``; one run for any op-ed or essay). ``_assemble(text, id, *result)`` turns one into a
        Document under ``self.decode_options``; evaluation scripts re-decode the same scores under other options.
        ``titles``: one headline (or None) per text, for a model with a headline input; without one, a first paragraph
        that looks like a headline (``argmine.text.leading_headline``) is used. ``work``: an ``argmine.work.BlockWork``
        told of each step (time budget, progress).

        Returns:
            A list with one ``(paragraphs, segments)`` tuple per text, in order."""
        import torch

        from .model.features import headline_windows
        from .model.network import headline_vectors, op_threads
        from .text import leading_headline

        prepared = self._prepare_texts(texts, work)
        with torch.inference_mode():
            cands = self._encode_candidates(prepared, batch_size, work)
            heads: List[Any] = [None] * len(texts)
            if self.net.headline:  # the given headline, else the text's own first line when it is one; one batch
                with self._encoder_autocast():
                    heads = headline_vectors(self.net, [headline_windows((titles[d] if titles is not None else None)
                                                                         or leading_headline(texts[d]), self.tokenizer)
                                                        for d in range(len(texts))], self.device)
            with op_threads(self.small_op_threads):
                out = self._documents_scores(prepared, cands, heads)
            if work is not None:  # the batched heads' seconds, shared by each text's units
                work.spend({d: 1.0 + sum(len(cands[(d, p)]["spans"]) for p in range(len(prepared[d])))
                            for d in range(len(texts))})
        return out

    def _documents_scores(self, prepared: List[list], cands: Dict[tuple, Any], heads: Sequence[Any]) -> List[tuple]:
        """``(paragraphs, segments)`` of every text (``score_texts``): the document-level heads over each run of
        paragraphs of ``unit_segments``, all texts' runs in one batch (``argmine.model.doc_heads``) for a
        document-level model, one run at a time for a paragraph-level one (argmine 0.1-0.2)."""
        per_text = [[cands[(d, p)] for p in range(len(paras))] for d, paras in enumerate(prepared)]
        runs = [(d, seg) for d, per in enumerate(per_text) for seg in unit_segments([len(c["spans"]) for c in per])]
        if self.net.document_level:
            scored = self._batched_document_scores([(prepared[d], per_text[d], seg, heads[d]) for d, seg in runs])
        else:
            scored = [self._document_scores(prepared[d], per_text[d], seg, heads[d]) for d, seg in runs]
        out: List[tuple] = [(paras, []) for paras in prepared]
        for (d, _), s in zip(runs, scored):
            out[d][1].append(s)
        return out

    def _batched_document_scores(self, runs: Sequence[tuple]) -> List[tuple]:
        """``_document_scores`` of many ``(paras, per_para, seg, headline)`` runs of a document-level model, their
        heads run together (``argmine.model.doc_heads.segment_heads``; the same numbers up to float rounding)."""
        from .model.doc_heads import SegmentInput, segment_heads

        inputs, spans = [], []
        for paras, per_para, seg, headline in runs:
            local = [(k, s, e) for k, p in enumerate(seg) for s, e in per_para[p]["spans"]]
            spans.append([(seg[k], s, e) for k, s, e in local])
            inputs.append(SegmentInput(ctxs=[per_para[p]["ctx"] for p in seg], words=[per_para[p]["words"] for p in seg],
                                       spans=local, headline=headline))
        todo = [i for i, sp in enumerate(spans) if sp]
        heads = dict(zip(todo, segment_heads(self.net, [inputs[i] for i in todo]) if todo else []))
        return [self._scores_of(runs[i][0], runs[i][1], runs[i][2], spans[i], heads.get(i)) for i in range(len(runs))]

    def _scores_of(self, paras, per_para, seg: Sequence[int], spans, heads) -> tuple:
        """``(DocumentScores, spans, evidence probabilities or None)`` of one run from its heads' logits
        (``argmine.model.doc_heads.SegmentHeads``; None: the run has no unit)."""
        import torch

        from .model.network import REL_LABELS, STANCES, UNIT_LABELS

        n = len(spans)
        soft = lambda t: torch.softmax(t.float(), -1).cpu().numpy()  # noqa: E731
        if heads is None:
            label_probs, stance, type_p = np.zeros((0, len(UNIT_LABELS))), np.zeros((0, len(STANCES))), np.zeros((0, len(UNIT_LABELS)))
            links, relations, evidence = np.zeros((0, 1)), np.zeros((0, 0, len(REL_LABELS))), None
        else:
            label_probs = np.array([sp for p in seg for sp in per_para[p]["span_probs"]])
            type_p, stance, links = soft(heads.types), soft(heads.stance), soft(heads.links)
            relations = np.zeros((n, n, len(REL_LABELS)), dtype=np.float32)  # only the link window is filled
            if len(heads.source):
                relations[heads.source.cpu().numpy(), heads.target.cpu().numpy()] = soft(heads.relations)
            evidence = None if heads.evidence is None else soft(heads.evidence)
        scores = DocumentScores(paragraph=[p for p, _, _ in spans], roles=[paras[p].role for p, _, _ in spans],
                                label_probs=label_probs, confidence=np.array([x for p in seg for x in per_para[p]["confidence"]]),
                                stance=stance, links=links, relations=relations, labels=tuple(UNIT_LABELS),
                                type_probs=type_p, n_paragraphs=len({pp.index for pp in paras}))
        return scores, spans, evidence

    def _encoder_autocast(self):
        """The context the encoder passes run in: bfloat16 autocast with ``precision="bf16"`` (the encoder and the
        word BiLSTM in bfloat16, ``argmine.model.rnn``), else a no-op."""
        import torch

        return torch.autocast(self.device.split(":")[0], dtype=torch.bfloat16, enabled=self.precision == "bf16")

    def _prepare_texts(self, texts: Sequence[str], work=None) -> List[list]:
        """Paragraph inputs of each text; runs shorter than ``min_unit_words`` words get no windows (never encoded:
        they cannot hold a unit), so one-word lines (tables, tag lists) cost next to nothing."""
        from .model.features import prepare

        use_noise = bool(self.config.get("noise_filter", True))
        min_words = int(self.config.get("min_unit_words", 3))
        prepared = []
        for d, t in enumerate(texts):
            prepared.append(prepare(t, self.tokenizer, self.max_length, use_noise, min_words=min_words) if t.strip() else [])
            if work is not None:
                work.spend({d: 1.0})
        return prepared

    def _encode_candidates(self, prepared: List[list], batch_size: int, work=None) -> Dict[tuple, Any]:
        """Candidate units of every paragraph ``(d, p)``, the paragraphs encoded in length-sorted batches."""
        import torch

        from .model.network import encode_paragraphs

        size = lambda dp: sum(len(w.input_ids) for w in prepared[dp[0]][dp[1]].windows)  # noqa: E731
        cands: Dict[tuple, Any] = {(d, p): _no_candidates() for d, paras in enumerate(prepared)
                                   for p, pp in enumerate(paras) if not pp.windows}
        flat = sorted(((d, p) for d, paras in enumerate(prepared) for p, pp in enumerate(paras) if pp.windows), key=size)
        if work is not None:
            work.total = sum(size(dp) for dp in flat)
        i = 0
        while i < len(flat):
            # batches of paragraphs, capped by windows so a long paragraph does not blow memory
            batch, n_win = [], 0
            while i < len(flat) and len(batch) < batch_size and (not batch or n_win + len(prepared[flat[i][0]][flat[i][1]].windows) <= batch_size):
                batch.append(flat[i])
                n_win += len(prepared[flat[i][0]][flat[i][1]].windows)
                i += 1
            paras = [prepared[d][p] for d, p in batch]
            with self._encoder_autocast():
                ctx, logits, _, words = encode_paragraphs(self.net, [pp.windows for pp in paras], [len(pp.words) for pp in paras],
                                                          self.device, with_words=True, small_op_threads=self.small_op_threads)
            shares: Dict[int, float] = {}
            n_words = [len(pp.words) for pp in paras]
            for k, ((d, p), (logp, path)) in enumerate(zip(batch, self._tag_paths(logits, n_words))):
                n = n_words[k]
                cands[(d, p)] = self._paragraph_candidates(ctx[k, :n], logp, path, words[k, :n] if self.net.headline else None)
                shares[d] = shares.get(d, 0.0) + size((d, p))
            if work is not None:
                work.spend(shares, done=int(sum(shares.values())))
        return cands

    def _tag_paths(self, logits, n_words: Sequence[int]) -> List[tuple]:
        """Per paragraph of an encoder batch (``logits`` ``[P, W, len(TAGS)]``, paragraph ``k`` has ``n_words[k]``
        words): ``(tag log-probabilities [n, len(TAGS)], best tag path)``; the paths of the whole batch found together
        (``viterbi_bio_batch``, the same paths as ``viterbi_bio`` one by one)."""
        import torch

        from .model.candidates import viterbi_bio_batch

        logp = torch.log_softmax(logits.float(), -1).cpu().numpy()
        trans = self.net.transition_scores()
        scores = logp if trans is None else logits.float().cpu().numpy()
        emissions = bias_starts(scores.reshape(-1, scores.shape[-1]), self.decode_options.split_bias)  # [n, K] rows
        paths = viterbi_bio_batch(emissions.reshape(scores.shape), n_words, transitions=trans)
        return [(logp[k, :n], path) for k, (n, path) in enumerate(zip(n_words, paths))]

    def _paragraph_candidates(self, ctx, logp, path: Sequence[int], words=None) -> Dict[str, Any]:
        """Candidate units of one paragraph from its tag log-probabilities ``logp`` and best tag ``path``
        (``_tag_paths``): word spans, span label probabilities ``[k, L]`` and confidence ``[k]``; ``ctx`` (and the
        encoder's ``words``, for a headline input) is kept for the unit vectors."""
        from .model.network import UNIT_LABELS

        probs = np.exp(logp)
        min_words = int(self.config.get("min_unit_words", 3))  # no gold unit of AAEC is shorter than 3 words
        spans = [(s, e) for s, e, _ in tags_to_spans(path) if e - s >= min_words]
        return {"ctx": ctx if spans else None, "words": words if spans else None, "spans": spans,
                "span_probs": [span_label_probs(probs, s, e, UNIT_LABELS) for s, e in spans],
                "confidence": [float(np.exp(logp[np.arange(s, e), :].max(1)).mean()) for s, e in spans]}

    def _document_scores(self, paras, per_para, seg: Sequence[int], headline=None) -> tuple:
        """The network's heads over the candidate units of paragraphs ``seg`` (indices into ``paras``), one run at a
        time through the per-document functions (a paragraph-level model; ``_batched_document_scores`` for others):
        ``(DocumentScores, [(p, s, e)], evidence probabilities [n, E] or None)``; ``headline``: the headline's vector
        (``headline_vector``) or None."""
        import torch

        from .model.doc_heads import SegmentHeads
        from .model.network import document_headline_features, document_pair_logits, document_units

        local = [(k, s, e) for k, p in enumerate(seg) for s, e in per_para[p]["spans"]]
        spans = [(seg[k], s, e) for k, s, e in local]
        if not spans:
            return self._scores_of(paras, per_para, seg, spans, None)
        head = document_headline_features(self.net, [per_para[p]["words"] for p in seg], local, headline)
        u, para, u_par = document_units(self.net, [per_para[p]["ctx"] for p in seg], local, len(seg), head)
        links, src, tgt, rel = document_pair_logits(self.net, u, para)
        evidence = None
        if self.net.evidence is not None:
            parts, first = [], 0  # the evidence head's inputs of every paragraph, then the head once
            for c in (per_para[p] for p in seg):
                k = len(c["spans"])
                if k:
                    parts.append(self.net.evidence_features(c["ctx"], c["spans"], u_par[first:first + k]))
                first += k
            evidence = self.net.evidence(torch.cat(parts))
        heads = SegmentHeads(types=self.net.typer(u), stance=self.net.stance(u), links=links, source=src, target=tgt,
                             relations=rel, evidence=evidence)
        return self._scores_of(paras, per_para, seg, spans, heads)

    def _essay_style(self, text: str, paras) -> Optional[float]:
        """P(the text's content paragraphs read as an essay; ``argmine.genre``) when its layout depends on it
        (``DecodeOptions.needs_style``), else None (not rated)."""
        if not self.decode_options.needs_style(len({pp.index for pp in paras})):
            return None
        from .genre import content_text, essay_probability

        return essay_probability(content_text(text, [(pp.start, pp.end) for pp in paras]))

    def _assemble(self, text: str, doc_id: Optional[str], paras, segments) -> Document:
        """Build the Document from the decoder's decision (``decode_document``) on each segment of the text (see
        ``unit_segments``): units, premise links, claim stances to the most confident major claim."""
        from .model.network import EVIDENCE_TYPES

        ev_names = list(self.config.get("evidence_types") or EVIDENCE_TYPES)
        units: List[ArgumentUnit] = []
        relations: List[Relation] = []
        stances: List[tuple] = []  # (unit index, stance, score)
        style = self._essay_style(text, paras)
        for scores, spans, evidence in segments:
            scores = scores if style is None else dataclasses.replace(scores, essay_style=style)
            dec = decode_document(scores, self.decode_options)
            base = len(units)
            for k, (p, s, e) in enumerate(spans):
                pp = paras[p]
                extra: Dict[str, Any] = {"paragraph": pp.index}
                if evidence is not None:  # a model with a Webis-Editorials-16 evidence-type head
                    j = int(evidence[k].argmax())
                    extra["evidence_type"] = ev_names[j]
                    extra["evidence_score"] = round(float(evidence[k][j]), 4)
                if dec.stance[k] is not None:
                    extra["stance"] = dec.stance[k]
                    stances.append((base + k, dec.stance[k], dec.stance_score[k]))
                units.append(ArgumentUnit(f"U{base + k + 1}", pp.words[s][0], pp.words[e - 1][1], dec.labels[k],
                                          round(dec.label_score[k], 4), extra))
            for k, t in enumerate(dec.targets):
                if t is not None:
                    relations.append(Relation(units[base + k].id, units[base + t].id, dec.relation[k], round(dec.link_score[k], 4)))
        majors = sorted((u for u in units if u.label == "MajorClaim"), key=lambda u: -u.score)  # most confident first
        if majors:
            for k, st, sc in stances:
                relations.append(Relation(units[k].id, majors[0].id, "supports" if st == "For" else "attacks", round(sc, 4)))
        meta: Dict[str, Any] = {"layout": self.decode_options.layout(len({pp.index for pp in paras}), style)}
        if style is not None:
            meta["essay_style"] = round(style, 4)
        doc = Document(text=text, units=units, relations=relations, id=doc_id, model=self.model_info, meta=meta)
        return calibrate_document(doc, self.calibration, meta["layout"]) if self.calibration is not None else doc


def calibrate_document(doc: Document, calibration, layout: str) -> Document:
    """``doc`` with every unit's and relation's ``score`` mapped by ``calibration`` (a ``ScoreCalibration``) for
    texts of ``layout``; the raw score is kept in ``extra["raw_score"]``. A relation from a Claim is a ``stance``,
    any other a ``link``. Decisions (labels, targets) are the raw decoder's, untouched.

    Returns:
        A new ``Document`` (``doc`` is not changed) with calibrated scores in [0, 1]."""
    label = {u.id: u.label for u in doc.units}
    units = [ArgumentUnit(u.id, u.start, u.end, u.label, round(calibration.unit(layout, u.label, u.score), 4),
                          {**u.extra, "raw_score": u.score}) for u in doc.units]
    rels = [Relation(r.source, r.target, r.label,
                     round(calibration.relation(layout, "stance" if label.get(r.source) == "Claim" else "link", r.score), 4),
                     {**r.extra, "raw_score": r.score}) for r in doc.relations]
    doc.meta["scores"] = "calibrated"
    return Document(doc.text, units, rels, id=doc.id, model=doc.model, meta=doc.meta)


def too_long(name: str, n_chars: int, max_chars: int) -> "ArgumentValueError":
    """The E107 error of a text of ``n_chars`` characters over ``max_chars`` (not raised: the caller raises it), with
    its advice for Python (``max_chars=``) and for the command line (``--max-chars``).

    Returns:
        An ``ArgumentValueError``."""
    head = f"{name} must be at most {max_chars} characters; got {n_chars}. Split it, or raise the limit with "
    return ArgumentValueError(head + "argmine.load(..., max_chars=N) (None: no limit).",
                              cli_message=head + "--max-chars N.")


def check_min_score(min_score) -> Optional[float]:
    """``min_score`` as a float, or None; raises ``OptionValueError`` unless it is None or a number in [0, 1].

    Returns:
        A float in [0, 1], or None."""
    from .errors import OptionValueError

    if min_score is None:
        return None
    if isinstance(min_score, bool) or not isinstance(min_score, (int, float)) or not 0.0 <= min_score <= 1.0:
        raise OptionValueError("min_score", "a number from 0 to 1, or None", min_score,
                               "Unit scores are probabilities (calibrated) or raw confidences, both in [0, 1].",
                               cli_expected="a number from 0 to 1")
    return float(min_score)


def drop_below(doc: Document, min_score: Optional[float]) -> Document:
    """``doc`` without the units scoring below ``min_score`` and without every relation that has one of them at
    either end (ids of the units kept are unchanged). ``None`` or ``0`` keeps everything.

    Returns:
        A ``Document``: ``doc`` itself when nothing is dropped, else a copy without the dropped units and relations."""
    if not min_score:
        return doc
    units = [u for u in doc.units if u.score >= min_score]
    kept = {u.id for u in units}
    rels = [r for r in doc.relations if r.source in kept and r.target in kept]
    meta = {**doc.meta, "min_score": min_score, "units_dropped": len(doc.units) - len(units)}
    return Document(doc.text, units, rels, id=doc.id, model=doc.model, meta=meta)


MAX_SEGMENT_UNITS = 1000  # document-level heads see at most this many units at once (memory is quadratic in it)


def unit_segments(units_per_paragraph: Sequence[int], limit: int = MAX_SEGMENT_UNITS) -> List[List[int]]:
    """Consecutive runs of paragraph indices with at most ``limit`` candidate units each (a paragraph over the limit
    is a run of its own): the document-level heads and decoder run per run, so time and memory stay linear in the
    length of a very long text. An op-ed or an essay (tens of units) is one run.

    Returns:
        A list of runs, each a list of consecutive paragraph indices; together they hold every paragraph once, in order."""
    runs: List[List[int]] = [[]]
    used = 0
    for p, k in enumerate(units_per_paragraph):
        if runs[-1] and used + k > limit:
            runs.append([])
            used = 0
        runs[-1].append(p)
        used += k
    return runs

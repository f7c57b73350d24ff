"""The encoder on ONNX Runtime: the fine-tuned transformer exported locally, once, and run by ONNX Runtime's CPU kernels.

``backend="onnx"`` (``argmine.load(..., backend=...)``, ``--backend``) runs the encoder, the bulk of mining's time,
on ONNX Runtime instead of torch; everything above it (word pooling, BiLSTM, CRF, heads, decoding) stays as it was,
so units and scores are the torch backend's up to float rounding (``benchmarks/backend_parity.py`` counts the units
that differ on AAEC dev). Nothing is downloaded: the model directory's own encoder weights are exported with
``torch.onnx.export`` at first use into a cache file named by a hash of those weights
(``cache_dir()``: ``$ARGMINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/argmine``, else ``~/.cache/argmine``; a temporary
file when none is writable, with a warning), beside a ``.sha256`` file of its digest, and later loads reuse it
when the digest still matches (a damaged file is exported again). Each load touches the file it uses; writing a new
export removes the others that no load has used for ``UNUSED_EXPORT_DAYS`` (those of older argmine versions or of
models no longer loaded).

``backend="auto"`` (``DEFAULT_BACKEND``, since argmine 0.12) takes ONNX Runtime when it is installed (it is one of
argmine's dependencies) and the miner runs fp32 on the CPU, else torch, silently; an encoder that will not export
runs on torch too. ``"onnx"`` without ONNX Runtime raises ``argmine.errors.OnnxRuntimeMissingError``.
"""
from __future__ import annotations

import errno
import hashlib
import os
import tempfile
import warnings
from pathlib import Path
from types import SimpleNamespace
from typing import Optional

from ..callsite import user_stacklevel

BACKENDS = ("torch", "onnx", "auto")
DEFAULT_BACKEND = "auto"  # load(), mine_input(), evaluate, batch and the CLI: ONNX Runtime (a core dependency) on the CPU
# bump when the exported graph changes: cached files of older versions are not reused (2: the eager-attention trace,
# fused by ONNX Runtime's transformer optimiser)
EXPORT_VERSION = "2"
OPSET = 17
UNUSED_EXPORT_DAYS = 30  # an export no load has used for this long is removed when another one is written


def check_backend(backend) -> str:
    """``backend`` if it is one of ``BACKENDS``; ``OptionValueError`` otherwise.

    Returns:
        ``backend``, unchanged."""
    from ..errors import OptionValueError

    if not isinstance(backend, str) or backend not in BACKENDS:
        raise OptionValueError("backend", "one of 'torch', 'onnx', 'auto'", backend,
                               "Pass backend='auto' (ONNX Runtime when installed, else torch), 'onnx' or 'torch'.")
    return backend


def import_onnxruntime():
    """``onnxruntime``, imported with its usage telemetry off: ``ORT_DISABLE_TELEMETRY=1`` is set first unless the
    environment sets it already (ONNX Runtime's POSIX builds otherwise write a device id under
    ``~/.cache/Microsoft/DeveloperTools`` at import and queue usage events; argmine sends nothing anywhere). ONNX
    Runtime reads the variable at its first import, so a program that imports it before argmine sets it itself.

    Returns:
        The ``onnxruntime`` module.

    Raises:
        ImportError: ONNX Runtime is not installed."""
    os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")
    import onnxruntime

    return onnxruntime


def onnxruntime_available() -> bool:
    """True when ONNX Runtime and the ``onnx`` package (torch's exporter needs it) can be imported (both are argmine's
    dependencies; an install may lack them); never raises.

    Returns:
        True or False."""
    try:
        import onnx  # noqa: F401
        import_onnxruntime()
    except ImportError:
        return False
    return True


def resolve_backend(backend: str, device: str, precision: str) -> str:
    """The backend that runs: ``"torch"`` or ``"onnx"``. ``"auto"``: onnx for fp32 on the CPU when ONNX Runtime is
    installed (with ``onnx``), else torch. ``"onnx"`` raises ``OnnxRuntimeMissingError`` without either, and
    ``OptionValueError`` with another device than the CPU or with ``precision="bf16"``.

    Returns:
        ``"torch"`` or ``"onnx"``."""
    from ..errors import OnnxRuntimeMissingError, OptionValueError

    backend = check_backend(backend)
    on_cpu = str(device).split(":")[0] == "cpu"
    if backend == "auto":
        return "onnx" if on_cpu and precision == "fp32" and onnxruntime_available() else "torch"
    if backend == "onnx":
        if not on_cpu:
            raise OptionValueError("backend", "'torch' or 'auto' on a device other than the CPU", backend,
                                   "ONNX Runtime runs argmine's encoder on the CPU only: pass device='cpu' or backend='torch'.")
        if precision != "fp32":  # "auto" reaches here as "bf16" on a CPU with fast bfloat16 kernels
            raise OptionValueError("backend", "'torch' or 'auto' with precision='bf16' (which precision='auto' "
                                   "gives on a CPU with fast bfloat16 kernels)", backend,
                                   "The ONNX encoder runs fp32: pass precision='fp32' (--precision fp32), or "
                                   "backend='torch' (--backend torch) for bf16.")
        try:
            import onnx  # noqa: F401
            import_onnxruntime()
        except ImportError as e:
            raise OnnxRuntimeMissingError(str(e)) from None
    return backend


def cache_dir() -> Path:
    """Where exported encoders are kept: ``$ARGMINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/argmine``, else
    ``~/.cache/argmine``.

    Returns:
        The cache ``Path`` (not created here)."""
    if os.environ.get("ARGMINE_CACHE_DIR"):
        return Path(os.environ["ARGMINE_CACHE_DIR"]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "argmine"


def encoder_fingerprint(encoder) -> str:
    """A hash of the encoder's weights, its configuration, torch's version and the export format: the cache key.

    Returns:
        A hex digest (str)."""
    import torch

    h = hashlib.blake2b(digest_size=16)
    h.update(f"argmine-onnx-{EXPORT_VERSION}-opset{OPSET}-torch{torch.__version__}".encode())
    cfg = getattr(encoder, "config", None)
    if cfg is not None:
        h.update(cfg.to_json_string(use_diff=False).encode() if hasattr(cfg, "to_json_string") else repr(cfg).encode())
    for name, t in encoder.state_dict().items():
        h.update(name.encode())
        h.update(str(tuple(t.shape)).encode() + str(t.dtype).encode())
        h.update(t.detach().to("cpu").contiguous().view(-1).view(torch.uint8).numpy().tobytes())
    return h.hexdigest()


def export_encoder(encoder, path: Path) -> Path:
    """Write ``encoder`` (a Hugging Face encoder module) as an ONNX graph with inputs ``input_ids``,
    ``attention_mask``, ``token_type_ids`` ``[batch, time]`` (int64) and output ``last_hidden_state``
    ``[batch, time, hidden]`` (float32), its attention and layer norms fused (``fuse_transformer_graph``); the file
    appears whole or not at all.

    Returns:
        ``path``, now holding the ONNX graph."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".part", dir=str(path.parent))
    os.close(fd)
    try:
        _trace_to_onnx(encoder, tmp)
        fuse_transformer_graph(tmp, getattr(encoder, "config", None))
        digest = file_digest(Path(tmp))
        os.replace(tmp, path)
        _write_whole(Path(str(path) + ".sha256"), digest + "\n")
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return path


def _write_whole(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it, so the file appears whole or not at all."""
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".part", dir=str(path.parent))
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(text)
    os.replace(tmp, path)


def _trace_to_onnx(encoder, out: str) -> None:
    """``torch.onnx.export`` of ``encoder`` to the file ``out``, traced with the plain ("eager") attention, whose
    operator pattern ONNX Runtime's fusion recognises (the fused graph is the same function)."""
    import torch
    from torch import nn

    class _Graph(nn.Module):
        def __init__(self, enc):
            super().__init__()
            self.enc = enc

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.enc(input_ids=input_ids, attention_mask=attention_mask,
                            token_type_ids=token_type_ids).last_hidden_state

    was_training, config = encoder.training, getattr(encoder, "config", None)
    attn = getattr(config, "_attn_implementation", None)
    encoder.eval()
    ids = torch.tensor([[101, 2023, 2003, 1037, 3231, 102], [101, 2178, 102, 0, 0, 0]], dtype=torch.long)
    try:
        if attn is not None:
            config._attn_implementation = "eager"
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")
            kw = {"dynamo": False} if "dynamo" in torch.onnx.export.__code__.co_varnames else {}
            torch.onnx.export(_Graph(encoder).eval(), (ids, (ids != 0).long(), torch.zeros_like(ids)), out,
                              input_names=["input_ids", "attention_mask", "token_type_ids"],
                              output_names=["last_hidden_state"], opset_version=OPSET, do_constant_folding=True,
                              dynamic_axes={"input_ids": {0: "batch", 1: "time"}, "attention_mask": {0: "batch", 1: "time"},
                                            "token_type_ids": {0: "batch", 1: "time"},
                                            "last_hidden_state": {0: "batch", 1: "time"}}, **kw)
    finally:
        if attn is not None:
            config._attn_implementation = attn
        encoder.train(was_training)


def fuse_transformer_graph(path: str, config=None) -> bool:
    """Rewrite the BERT-style ONNX graph at ``path`` in place with ONNX Runtime's transformer fusions
    (``onnxruntime.transformers.optimizer``, model type "bert": one ``Attention`` operator per layer, embedding and
    skip layer norms, bias + GELU), which run the same arithmetic in fewer, larger kernels. ``config`` gives
    ``num_attention_heads`` and ``hidden_size`` (None: read from the graph). A graph the optimiser cannot read or
    fuse is left as it is, with a ``RuntimeWarning``.

    Returns:
        True when the fused graph was written."""
    import logging

    try:
        import_onnxruntime()
        from onnxruntime.transformers import optimizer
    except Exception as e:  # an ONNX Runtime without its transformers tools: the plain graph runs, more slowly
        warnings.warn(f"the encoder runs unfused on ONNX Runtime ({type(e).__name__}: {e})", RuntimeWarning, stacklevel=user_stacklevel())
        return False
    heads, hidden = getattr(config, "num_attention_heads", 0), getattr(config, "hidden_size", 0)
    quiet = logging.getLogger("onnxruntime.transformers")
    level = quiet.level
    quiet.setLevel(logging.ERROR)
    try:
        fused = optimizer.optimize_model(str(path), model_type="bert", num_heads=int(heads or 0),
                                         hidden_size=int(hidden or 0), opt_level=0, use_gpu=False)
        fused.save_model_to_file(str(path))
        return True
    except Exception as e:
        warnings.warn(f"the encoder runs unfused on ONNX Runtime: its graph could not be fused ({type(e).__name__}: "
                      f"{str(e).splitlines()[0] if str(e) else ''})", RuntimeWarning, stacklevel=user_stacklevel())
        return False
    finally:
        quiet.setLevel(level)


def _writable(d: Path) -> bool:
    try:
        d.mkdir(parents=True, exist_ok=True)
        probe = tempfile.NamedTemporaryFile(dir=str(d), prefix=".probe", delete=True)
        probe.close()
        return True
    except OSError:
        return False


def session_options(threads: Optional[int] = None):
    """ONNX Runtime session options: all graph optimisations, ``threads`` intra-op threads (None: torch's current
    setting, which ``argmine.threads.set_threads`` chose), one inter-op thread, and threads that sleep rather than
    spin while they wait (a busy machine's cores go to whoever works).

    Returns:
        An ``onnxruntime.SessionOptions``."""
    ort = import_onnxruntime()
    import torch

    so = ort.SessionOptions()
    so.intra_op_num_threads = int(threads or torch.get_num_threads())
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    so.add_session_config_entry("session.intra_op.allow_spinning", "0")
    so.add_session_config_entry("session.inter_op.allow_spinning", "0")
    so.log_severity_level = 3
    return so


class OnnxEncoder:
    """Calls like a Hugging Face encoder (``enc(input_ids=, attention_mask=, token_type_ids=)``, torch tensors in,
    an object with ``last_hidden_state`` out) but runs an ONNX Runtime session on the CPU. The fused graph assumes
    padding at the end of each row (as argmine pads); left-padded rows give other numbers. ``threads``: the
    session's intra-op threads, fixed (a positive int), or None: torch's setting, followed at every call (a session
    with the new count is built when ``argmine.threads.set_threads`` or ``torch.set_num_threads`` changed it, as a
    Miner's torch steps follow it). ``self.threads``: the current session's count. ``encoder``: the torch encoder it
    was exported from (``onnx_encoder`` passes it), so that a pickled copy can find or redo the export."""

    def __init__(self, path_or_bytes, threads: Optional[int] = None, path: Optional[Path] = None, encoder=None):
        import torch

        self.path = path
        self.follows_torch = threads is None
        self._source = path_or_bytes
        self._encoder = encoder  # the torch encoder it was exported from (onnx_encoder passes it): pickling uses it
        self._build(int(threads or torch.get_num_threads()))

    def __reduce__(self):
        """Pickled as a recipe, not as the session (which cannot be pickled): unpickling calls ``onnx_encoder`` on the
        torch encoder it was exported from (pickled once with the Miner's network), which finds the export in the
        unpickling machine's cache or exports it there; one built from a file or bytes alone is rebuilt from them.
        So a Miner goes to worker processes and Ray actors as it did with the torch backend."""
        threads = None if self.follows_torch else self.threads
        if self._encoder is not None:
            return (onnx_encoder, (self._encoder, threads, self.path.parent.parent if self.path is not None else None))
        return (OnnxEncoder, (str(self.path) if self.path is not None else self._source, threads, self.path))

    def _build(self, threads: int) -> None:
        """(Re)build the ONNX Runtime session with ``threads`` intra-op threads."""
        ort = import_onnxruntime()

        self.session = ort.InferenceSession(self._source, session_options(threads), providers=["CPUExecutionProvider"])
        self.threads = threads
        self.input_names = {i.name for i in self.session.get_inputs()}

    def __call__(self, input_ids, attention_mask=None, token_type_ids=None, **_):
        import torch

        if self.follows_torch and torch.get_num_threads() != self.threads:
            self._build(torch.get_num_threads())
        feeds = {"input_ids": input_ids.detach().cpu().long().numpy()}
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        feeds["attention_mask"] = attention_mask.detach().cpu().long().numpy()
        if "token_type_ids" in self.input_names:
            feeds["token_type_ids"] = (torch.zeros_like(input_ids) if token_type_ids is None else token_type_ids).detach().cpu().long().numpy()
        out = self.session.run(["last_hidden_state"], feeds)[0]
        return SimpleNamespace(last_hidden_state=torch.from_numpy(out))

    def __repr__(self) -> str:
        return f"OnnxEncoder(path={str(self.path) if self.path else None!r}, threads={self.threads})"


def onnx_encoder(encoder, threads: Optional[int] = None, cache: Optional[Path] = None) -> OnnxEncoder:
    """An ``OnnxEncoder`` for ``encoder``: the cached export of these weights when it is intact (its SHA-256 matches
    the ``.sha256`` file written beside it at export), else a fresh export written to the cache (``cache_dir()``
    unless ``cache`` is given). A cache folder that cannot be written gets a ``RuntimeWarning`` and a temporary export
    (repeated at every load).

    Returns:
        The ``OnnxEncoder`` (``path`` None for a temporary export).

    Raises:
        OnnxExportError: the export could not be written into the cache folder (a full disk, say; E115)."""
    d = (Path(cache) if cache is not None else cache_dir()) / "onnx"
    name = f"encoder-{encoder_fingerprint(encoder)}.onnx"
    if intact(d / name):
        try:
            enc = OnnxEncoder(str(d / name), threads, path=d / name, encoder=encoder)
            _touch(d / name)  # its last use: exports unused for UNUSED_EXPORT_DAYS are removed by later exports
            return enc
        except Exception:  # unreadable for ONNX Runtime after all: export again
            pass
    if _writable(d):
        _remove_stale_parts(d)
        _remove_unused_exports(d, keep=name)
        try:
            export_encoder(encoder, d / name)
        except OSError as e:  # a full disk, a folder where the file should be: say where and what to do
            from ..errors import OnnxExportError

            raise OnnxExportError(d, e.strerror or str(e), path=d / name,
                                  no_space=e.errno in (errno.ENOSPC, errno.EDQUOT)) from e
        return OnnxEncoder(str(d / name), threads, path=d / name, encoder=encoder)
    warnings.warn(f"the ONNX encoder cache folder {d} cannot be written: the encoder is exported again at every load "
                  "(a few seconds). Set ARGMINE_CACHE_DIR to a writable folder.", RuntimeWarning, stacklevel=user_stacklevel())
    with tempfile.TemporaryDirectory(prefix="argmine-onnx-") as tmp:
        p = export_encoder(encoder, Path(tmp) / name)
        return OnnxEncoder(p.read_bytes(), threads, encoder=encoder)


def file_digest(path: Path) -> str:
    """SHA-256 of a file's bytes (read in 1 MiB blocks).

    Returns:
        A hex digest (str)."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def intact(path: Path) -> bool:
    """True when ``path`` is a file whose SHA-256 equals the digest in ``path`` + ``.sha256`` (written by
    ``export_encoder``); False for a missing, damaged or unchecked file; never raises.

    Returns:
        A bool."""
    try:
        want = Path(str(path) + ".sha256").read_text(encoding="ascii").strip()
        return Path(path).is_file() and bool(want) and file_digest(Path(path)) == want
    except (OSError, ValueError):
        return False


def _touch(path: Path) -> None:
    """Set ``path``'s modification time to now (its last use); a read-only cache is left as it is."""
    try:
        os.utime(path)
    except OSError:
        pass


def _remove_stale_parts(d: Path, older_than_s: float = 3600.0) -> None:
    """Delete unfinished exports (``*.part``) older than ``older_than_s`` in ``d``, left by a killed process."""
    _remove_older(d.glob("*.part"), older_than_s)


def _remove_unused_exports(d: Path, keep: str, older_than_s: float = UNUSED_EXPORT_DAYS * 86400.0) -> None:
    """Delete the exports in ``d`` (``encoder-*.onnx`` and their ``.sha256``) other than ``keep`` that no load has used
    for ``older_than_s`` seconds (a load touches the file it uses): those of older argmine versions or other weights."""
    old = [p for p in d.glob("encoder-*.onnx") if p.name != keep]
    _remove_older(old + [p.with_name(p.name + ".sha256") for p in old], older_than_s)


def _remove_older(paths, older_than_s: float) -> None:
    """Delete each of ``paths`` last modified more than ``older_than_s`` seconds ago; files that vanish or cannot be
    deleted are left alone."""
    import time

    for p in paths:
        try:
            if time.time() - p.stat().st_mtime > older_than_s:
                p.unlink()
        except OSError:
            pass

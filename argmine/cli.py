"""The ``argmine`` command: a thin layer over plain functions (mine, evaluate, train)."""
from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, List, Optional

import typer
from typer.core import TyperCommand, TyperGroup

from .model.onnx_encoder import DEFAULT_BACKEND


class _PlainHelp:
    """``--help`` listed as a plain flag (typer's rich help would show it as ``--help <bool>``)."""

    def get_help_option(self, ctx):
        """click's help option, with an empty metavar (as argmine's other flags have)."""
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option


class _Command(_PlainHelp, TyperCommand):
    """An argmine command: typer's, with a plain ``--help``."""


class _Commands(_PlainHelp, TyperGroup):
    """argmine's command group: click's usage errors (an option value not among its choices, a missing argument, an
    unknown option) become one line with a catalogue code, ``argmine: error: [E114] ...``, and exit code 2, like
    every other error of the command line (click draws them in a box without a code)."""

    def make_context(self, info_name, args, parent=None, **extra):
        """The group's context (click's); a usage error in the group's own options is re-worded (E114)."""
        with _usage_errors():
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx):
        """Run the command (click's); a usage error in the command's options or arguments is re-worded (E114)."""
        with _usage_errors():
            return super().invoke(ctx)


@contextmanager
def _usage_errors():
    """Turn a click ``UsageError`` raised inside into ``argmine: error: [E114] ...`` on stderr and exit code 2; the
    "no arguments: show the help" signal of click passes through."""
    try:
        yield
    except Exception as exc:
        names = {c.__name__ for c in type(exc).__mro__}
        # by name: newer typer raises the usage errors of its own copy of click, older typer those of click
        if "UsageError" not in names or "NoArgsIsHelpError" in names:  # no arguments: the help, not an error
            raise
        from .errors import CommandLineError

        command = exc.ctx.command_path if exc.ctx is not None else "argmine"
        message = exc.format_message().replace("Value error, ", "")  # typer's click: "Value error, 'x' is not one of"
        _fail(str(CommandLineError(message[:1].lower() + message[1:], command)), exc.exit_code)


app = typer.Typer(cls=_Commands, add_completion=False, no_args_is_help=True, help="Find the argument in opinion pieces.")


class ExportFormat(str, Enum):
    """``--format``: the export formats (``argmine.export.FORMATS``)."""

    json = "json"
    aif = "aif"
    xaif = "xaif"
    brat = "brat"
    html = "html"


class Corpus(str, Enum):
    """``--corpus``: the corpora argmine reads (``argmine.corpora.CORPORA``; ``argmine-oped`` is ``oped``)."""

    aaec = "aaec"
    oped = "oped"
    argmine_oped = "argmine-oped"
    webis = "webis"
    microtexts = "microtexts"
    abstrct = "abstrct"
    cdcp = "cdcp"
    ukp = "ukp"


class Split(str, Enum):
    """``--split``: every corpus's split names (``argmine.corpora.get_splits``; which a corpus takes: --help)."""

    train = "train"
    dev = "dev"
    train_full = "train_full"
    test = "test"
    train_extra = "train_extra"
    training = "training"
    validation = "validation"
    all = "all"
    neoplasm_train = "neoplasm_train"
    neoplasm_dev = "neoplasm_dev"
    neoplasm_test = "neoplasm_test"
    glaucoma_test = "glaucoma_test"
    mixed_test = "mixed_test"


class Level(str, Enum):
    """``--level``: score whole documents (essay) or each paragraph as a document (paragraph)."""

    essay = "essay"
    paragraph = "paragraph"


class Precision(str, Enum):
    """``--precision``: the encoder's precision (``argmine.load(precision=...)``)."""

    fp32 = "fp32"
    bf16 = "bf16"
    auto = "auto"


class Backend(str, Enum):
    """``--backend``: what runs the encoder (``argmine.load(backend=...)``; ``argmine.model.onnx_encoder.BACKENDS``)."""

    torch = "torch"
    onnx = "onnx"
    auto = "auto"


class Engine(str, Enum):
    """``--engine``: where ``argmine batch`` mines (``argmine.batch.run_engine``)."""

    local = "local"
    ray = "ray"


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"argmine {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, metavar="",
                                       help="Print argmine's version and exit.")) -> None:
    """Find the argument in opinion pieces."""
    import warnings

    warnings.showwarning = _one_line_warning  # argmine's warnings (not English, ...) as one line on stderr


def _one_line_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Print a warning as ``argmine: warning: <message>`` on stderr (no source path or line: a CLI user has none)."""
    typer.echo(f"argmine: warning: {message}", err=True)


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"argmine: error: {message}", err=True)
    raise typer.Exit(code)


def _said(e: BaseException) -> str:
    """An error as the command line says it: an ArgmineError's ``for_cli()`` (its advice names options such as
    ``--max-chars N``, not Python's keywords), else ``str(e)``."""
    from .errors import ArgmineError

    return e.for_cli() if isinstance(e, ArgmineError) else str(e)


def _data_dir(data_dir: Optional[Path]) -> Path:
    from .corpora.base import find_data_dir

    try:
        return find_data_dir(data_dir)
    except FileNotFoundError as e:
        _fail(_said(e))


THREADS_HELP = ("CPU threads for torch and ONNX Runtime (default: no more than the cores other processes leave "
                "free).")
PRECISION_HELP = ("fp32 (default), bf16 (encoder and word BiLSTM in bfloat16: about 1.9x as fast on CPUs with AMX/AVX-512 "
                  "BF16, dev scores within 0.2 F1) or auto (bf16 on such a CPU, else fp32).")
BACKEND_HELP = ("What runs the encoder: auto (default: ONNX Runtime for fp32 on the CPU when it is installed, as it is "
                "with argmine's dependencies, else torch), onnx (ONNX Runtime: the same units, faster) or torch.")
MIN_SCORE_HELP = ("Drop units scoring below this (0-1; with a calibrated model the probability that a unit is right), "
                  "with their relations. The threshold is the same for every label; the scores are calibrated per label: a news "
                  "text's major claim is rarely exactly right, so it scores low (often 0.2-0.5) and is the first unit a "
                  "threshold drops.")


@app.command(cls=_Command)
def mine(
    ctx: typer.Context,
    path: str = typer.Argument("-", help="A UTF-8 text file, a saved web page (.html: its article is mined), or - for standard input."),
    model: Optional[str] = typer.Option(None, "--model", help="Model directory (default: the shipped model)."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the JSON document (or --format output) here instead of stdout; missing folders on the way are created."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="Document id (default: the file name without suffix)."),
    title: Optional[str] = typer.Option(None, "--title", help="The text's headline, when it is not in the text (an op-ed's headline helps find its major claim; kept in meta.title)."),
    fmt: Optional[ExportFormat] = typer.Option(None, "--format", "-f", help="json (default; or what -o's suffix names: .html, .ann, .json), aif, xaif (AMF/OVA3), brat (.ann; with -o the .txt goes beside it) or html (a self-contained page)."),
    force: bool = typer.Option(False, "--force", metavar="", help="Overwrite a file argmine writes beside -o (brat's .txt) when it exists with other content."),
    threads: Optional[int] = typer.Option(None, "--threads", help=THREADS_HELP),
    min_score: Optional[float] = typer.Option(None, "--min-score", help=MIN_SCORE_HELP),
    backend: Backend = typer.Option(DEFAULT_BACKEND, "--backend", help=BACKEND_HELP),
    precision: Precision = typer.Option("fp32", "--precision", help=PRECISION_HELP),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="The longest text mined, in characters; a longer one is refused with an error (E107) instead of taking minutes."),
):
    """Mine one text and write one JSON document (CONTRACT.md, schema_version 1), or export it (--format)."""
    from .errors import ArgmineError
    from .export.files import check_output
    from .inputs import mine_input

    if path == "-" and sys.stdin.isatty():  # nothing piped in: show how to use it instead of waiting
        typer.echo(ctx.get_help(), err=True)
        raise typer.Exit(2)
    fmt = _check_format(fmt, out, "json")
    try:
        doc = mine_input(path, model, doc_id=doc_id, check=lambda text: check_output(out, fmt, text, force),
                         title=title, threads=threads, min_score=min_score, backend=backend.value,
                         max_chars=max_chars, precision=precision.value).to_dict()
    except (ArgmineError, OSError, ValueError) as e:  # ValueError: e.g. a text over Miner.max_chars
        _fail(_said(e))
    _write_export(doc, fmt, out, force)


def _check_format(fmt: Optional[ExportFormat], out: Optional[Path], default: str) -> str:
    """``--format``, else what ``-o``'s suffix names, else ``default``; a suffix naming no format fails (E104)."""
    from .errors import OutputPathError
    from .export.files import infer_format

    try:
        return fmt.value if fmt is not None else infer_format(out, default)
    except OutputPathError as e:
        _fail(_said(e))


def _write_export(doc, fmt: str, out: Optional[Path], force: bool = False) -> None:
    """Write one document (a Document or its JSON dict) as ``fmt`` to ``out`` (saying which files) or stdout."""
    from .export.files import write_document, written_files

    try:
        payload = write_document(doc, fmt, out, force)
    except (OSError, ValueError) as e:
        _fail(_said(e))
    if payload is not None:
        typer.echo(payload, nl=False)
    else:
        typer.echo("wrote " + " and ".join(str(p) for p in written_files(out, fmt)), err=True)


@app.command(cls=_Command)
def render(
    path: str = typer.Argument(..., help="A JSON document (argmine mine; AIF or xAIF too), JSON Lines of documents (argmine batch), or - for stdin."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (one document; default stdout) or folder (a batch: one file per document, plus index.html); missing folders on the way are created."),
    fmt: Optional[ExportFormat] = typer.Option(None, "--format", "-f", help="html (default; or what -o's suffix names: .html, .ann, .json), aif, xaif (AMF/OVA3), brat or json."),
    force: bool = typer.Option(False, "--force", metavar="", help="Overwrite a file argmine writes beside -o (brat's .txt) when it exists with other content."),
):
    """Export documents mined earlier: an HTML page (or AIF, xAIF, brat); a batch gets a folder with an index page."""
    from .export.files import read_documents, write_batch

    try:
        docs, is_batch = read_documents(path)
    except (OSError, ValueError) as e:
        _fail(_said(e))
    if not is_batch:
        _write_export(docs[0], _check_format(fmt, out, "html"), out, force)
        return
    fmt = _check_format(fmt, None, "html")
    if out is None:
        _fail("a batch (JSON Lines) needs -o FOLDER: one file is written per document")
    try:
        summary = write_batch(docs, fmt, out, force)
    except (OSError, ValueError) as e:
        _fail(_said(e))
    typer.echo(f"{summary['n_docs']} documents written to {out}" + (f" (open {out / summary['index']})" if "index" in summary else ""), err=True)


@app.command(cls=_Command)
def evaluate(
    corpus: Corpus = typer.Option("aaec", "--corpus", help="Corpus name: aaec, oped (argmine-oped), webis, microtexts, abstrct, cdcp, ukp."),
    split: Split = typer.Option("test", "--split", help="Split: train, dev, test (AAEC); training, validation (Webis); all, train, test (microtexts); neoplasm_train/dev/test, glaucoma_test, mixed_test (AbstRCT); train, test, all (CDCP); all (UKP)."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder holding the corpora (or set ARGMINE_DATA)."),
    model: Optional[List[str]] = typer.Option(None, "--model", help="Model directory; repeat to compare models."),
    predictions: Optional[List[Path]] = typer.Option(None, "--predictions", help="JSON Lines of predicted documents (CONTRACT.md), matched to gold by id; repeatable. A gold document without a prediction counts as an empty one."),
    level: Level = typer.Option("essay", "--level", help="essay or paragraph."),
    precision: Precision = typer.Option("fp32", "--precision", help=PRECISION_HELP),
    n_bootstrap: int = typer.Option(1000, "--bootstrap", min=0, help="Bootstrap resamples of the documents for confidence intervals and comparisons (0: none)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap resampling."),
    confidence: float = typer.Option(0.95, "--confidence", min=0.5, max=0.999, help="Confidence level of the intervals."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the scores as JSON here (several systems: {systems, comparisons})."),
    threads: Optional[int] = typer.Option(None, "--threads", help=THREADS_HELP),
    backend: Backend = typer.Option(DEFAULT_BACKEND, "--backend", help=BACKEND_HELP),
):
    """Score a model or predictions on an annotated corpus split (component and relation F1, 100% and 50% match).

    Systems are each --model, then each --predictions file (the default model when neither is given). With two
    or more, each later system is compared with the first: scores side by side, the difference and a paired
    bootstrap p-value over documents.
    """
    from .errors import ArgmineError
    from .evaluate import evaluate_systems, format_comparison, format_scores, scores_payload

    try:
        results, comparisons = evaluate_systems(
            corpus.value, split.value, _data_dir(data_dir), list(model or []), level.value,
            predictions=list(predictions or []), n_bootstrap=n_bootstrap, seed=seed, confidence=confidence,
            precision=precision.value, threads=threads, backend=backend.value, log=lambda m: typer.echo(f"argmine evaluate: {m}", err=True))
    except (ArgmineError, FileNotFoundError, ValueError) as e:
        _fail(_said(e))
    for r in results:
        typer.echo(format_scores(r))
    for c in comparisons:
        typer.echo("")
        typer.echo(format_comparison([c["a"], c["b"]], c))
    if json_out:
        payload = scores_payload(results, comparisons, corpus.value, split.value, level.value)
        json_out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


@app.command(cls=_Command)
def train(
    config: Optional[Path] = typer.Option(None, "--config", help="TOML config (see configs/default.toml)."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder holding the corpora (or set ARGMINE_DATA)."),
    out: Path = typer.Option(Path("runs/default"), "--out", help="Run folder: checkpoints/ and the final model/."),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="Override the config's epochs."),
    no_resume: bool = typer.Option(False, "--no-resume", metavar="", help="Start afresh even if a checkpoint exists."),
    threads: int = typer.Option(0, "--threads", help="CPU threads (0: PyTorch's default)."),
):
    """Train a model from a config; checkpoints every epoch and resumes after an interruption.

    The same as ``argmine.training.loop.train`` from Python: the final model directory is OUT/model."""
    import tomllib

    from .config import load_config
    from .training.loop import train as train_fn

    try:
        cfg = load_config(config, epochs=epochs, threads=threads or None)
    except (ValueError, tomllib.TOMLDecodeError) as e:  # a misspelt key, a wrong type: one line, not a traceback
        _fail(f"config {config}: {e}")
    except OSError as e:
        _fail(f"config {config} cannot be read ({e.strerror or e})")
    state = train_fn(cfg, out, _data_dir(data_dir), resume=not no_resume, log=lambda m: typer.echo(m, err=True))
    typer.echo(f"model written to {out / 'model'} (best on dev: {state['selected']})", err=True)


@app.command("add-evidence", cls=_Command)
def add_evidence(
    model: Path = typer.Argument(..., metavar="MODEL", help="A trained model directory."),
    out: Path = typer.Option(..., "--out", help="Where to write the model with an evidence-type head."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder holding the corpora (or set ARGMINE_DATA)."),
    cv_folds: Annotated[int, typer.Option("--cv-folds", min=0, help="Also cross-validate a scikit-learn logistic regression and a majority baseline on the frozen features with this many folds, and log their scores (0: no).")] = 0,  # Annotated: a real default for direct calls
):
    """Fit an evidence-type head (Webis-Editorials-16 types) on a frozen model: its units and relations stay the same."""
    from .training.evidence import add_evidence_head

    add_evidence_head(model, _data_dir(data_dir), out, log=lambda m: typer.echo(m, err=True), cv_folds=cv_folds)
    typer.echo(f"model written to {out}", err=True)


@app.command(cls=_Command)
def batch(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="JSON Lines (.jsonl, .jsonl.gz), CSV, Parquet, WARC (.warc, .warc.gz), or a folder of .txt, .md and .html files (other files go to ERRORS)."),
    output: Path = typer.Option(..., "-o", "--output", help="JSON Lines output, one document per record (.jsonl.gz: gzip; .parquet: Parquet); missing folders on the way are created."),
    text_field: str = typer.Option("text", "--text-field", help="Field (column) holding the text."),
    id_field: str = typer.Option("id", "--id-field", help="Field (column) holding the id (default id: the line number)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Error records (default: OUTPUT.errors.jsonl)."),
    model: Optional[str] = typer.Option(None, "--model", help="Model directory (default: the shipped model)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Paragraphs per forward pass."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="Only the first N records of INPUT."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="Longer texts go to ERRORS."),
    max_seconds: Optional[float] = typer.Option(None, "--max-seconds", min=0.001, help="Time budget per record: a record still being mined after this many seconds goes to ERRORS (time budget exceeded) and the run goes on. Default: none."),
    chunk_size: Optional[int] = typer.Option(None, "--chunk-size", min=1, help="Records mined and written together (default 64; --engine ray: records per Ray job, default 256 per worker)."),
    fsync: bool = typer.Option(False, "--fsync", metavar="", help="fsync OUTPUT after every chunk."),
    quiet: bool = typer.Option(False, "-q", "--quiet", metavar="", help="No progress bar and no summary line."),
    engine: Engine = typer.Option("local", "--engine", help="local (default: this process) or ray (Ray Data actors; RAY_ADDRESS picks the cluster; see docs/ray.md)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="--engine ray: actors, one CPU each (default: the cluster's CPUs)."),
    precision: Precision = typer.Option("fp32", "--precision", help=PRECISION_HELP),
    summary_json: Optional[Path] = typer.Option(None, "--summary-json", help="Also write the run's summary as JSON here (records read, mined, errors by reason, documents/s)."),
    threads: Optional[int] = typer.Option(None, "--threads", help=THREADS_HELP + " --engine local only."),
    min_score: Optional[float] = typer.Option(None, "--min-score", help=MIN_SCORE_HELP + " --engine local only."),
    backend: Backend = typer.Option(DEFAULT_BACKEND, "--backend", help=BACKEND_HELP + " --engine local only."),
):
    """Mine an archive into JSON Lines; bad records go to ERRORS; rerunning resumes (CONTRACT.md).

    --engine ray mines on Ray Data actors (pip install 'argmine\\[ray]'; docs/ray.md) and writes the same OUTPUT
    and ERRORS. Resume is only required of the local engine; with ray a rerun also skips the records written.
    """
    from .batch import BatchInterrupted, run_engine
    from .errors import ArgmineError

    try:
        summary = run_engine(input_path, output, model, engine=engine.value, precision=precision.value,
                             threads=threads, min_score=min_score, workers=workers, chunk_size=chunk_size,
                             text_field=text_field, id_field=id_field, errors_path=errors, batch_size=batch_size,
                             limit=limit, max_chars=max_chars, fsync=fsync, max_seconds=max_seconds, backend=backend.value,
                             progress=not quiet and sys.stderr.isatty())
    except BatchInterrupted as e:
        lead = "\n" if sys.stderr.isatty() else ""  # end the ^C line first
        typer.echo(f"{lead}{e.summary.line()}. Run the same command again to resume.", err=True)
        raise typer.Exit(130)
    except (ArgmineError, OSError, ValueError) as e:
        _fail(_said(e))
    if summary_json is not None:
        summary_json.write_text(json.dumps(summary.to_dict(), indent=1) + "\n", encoding="utf-8")
    if not quiet:
        for note in summary.notes:
            typer.echo(f"argmine batch: {note}", err=True)
        typer.echo(summary.line(), err=True)


def main() -> None:  # console-script entry point
    """The console-script entry point of ``argmine``: runs the typer app (exits with its code)."""
    app()


if __name__ == "__main__":
    main()

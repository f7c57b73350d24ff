"""The ``argmine`` command: a thin layer over plain functions (mine, evaluate, train)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Find the argument in opinion pieces.")


def _print_version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"argmine {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True, metavar="",
                                       help="Print argmine's version and exit.")) -> None:
    """Find the argument in opinion pieces."""


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"argmine: error: {message}", err=True)
    raise typer.Exit(code)


def _data_dir(data_dir: Optional[Path]) -> Path:
    from .corpora.base import find_data_dir

    try:
        return find_data_dir(data_dir)
    except FileNotFoundError as e:
        _fail(str(e))


def read_text_input(path: str) -> tuple[str, str]:
    """(text, name) from a file path or ``-`` (stdin), without a leading UTF-8 byte order mark (the same rule as
    ``argmine batch``); raises InputEncodingError on bytes that are not UTF-8."""
    from .errors import InputEncodingError
    from .export.files import read_input_bytes

    raw, name = read_input_bytes(path)
    bom = 3 if raw.startswith(b"\xef\xbb\xbf") else 0  # a file's BOM is encoding, not text (as argmine batch reads it)
    try:
        return raw[bom:].decode("utf-8"), name
    except UnicodeDecodeError as e:
        raise InputEncodingError(name, e.start + bom, "utf-8", e.reason) from None


def mine_command(path: str, model: Optional[str], doc_id: Optional[str], check=None, *, title: Optional[str] = None,
                 threads: Optional[int] = None, min_score: Optional[float] = None, backend: str = "torch") -> dict:
    """Mine the text at ``path`` (``-``: stdin) into a JSON document dict; ``check(text)`` runs before mining.
    ``title``: the text's headline (a web page's own title is used when not given); ``threads`` and ``min_score``:
    as in ``argmine.load`` and ``Miner.mine``; ``backend``: as in ``argmine.load``."""
    from .miner import check_min_score, load

    check_min_score(min_score)
    if path != "-" and Path(path).suffix.lower() in (".html", ".htm", ".xhtml"):  # a saved web page: its article
        from .ingest import read_html_file

        art = read_html_file(path)
        doc = load(model, threads=threads, backend=backend).mine(art.text, id=doc_id or Path(path).stem,
                                                title=title or art.meta.get("title"), min_score=min_score)
        doc.meta = {**doc.meta, **art.meta}
        return doc.to_dict()
    text, name = read_text_input(path)
    if check is not None:
        check(text)
    miner = load(model, threads=threads, backend=backend)
    return miner.mine(text, id=doc_id or (None if path == "-" else Path(path).stem), title=title,
                      min_score=min_score).to_dict()


THREADS_HELP = "CPU threads for torch (default: no more than the cores other processes leave free)."
BACKEND_HELP = ("What runs the encoder: torch (default), onnx (ONNX Runtime: pip install 'argmine[onnx]'; the same "
                "units, faster on a busy CPU) or auto (onnx for fp32 on the CPU when installed, else torch).")
MIN_SCORE_HELP = ("Drop units scoring below this (0-1; with a calibrated model the probability that a unit is right), "
                  "with their relations.")


@app.command()
def mine(
    ctx: typer.Context,
    path: str = typer.Argument("-", help="A UTF-8 text file, a saved web page (.html: its article is mined), or - for standard input."),
    model: Optional[str] = typer.Option(None, "--model", help="Model directory (default: the shipped model)."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the JSON document (or --format output) here instead of stdout."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="Document id (default: the file name without suffix)."),
    title: Optional[str] = typer.Option(None, "--title", help="The text's headline, when it is not in the text (an op-ed's headline helps find its major claim; kept in meta.title)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="json (default; or what -o's suffix names: .html, .ann, .json), aif, xaif (AMF/OVA3), brat (.ann; with -o the .txt goes beside it) or html (a self-contained page)."),
    force: bool = typer.Option(False, "--force", metavar="", help="Overwrite a file argmine writes beside -o (brat's .txt) when it exists with other content."),
    threads: Optional[int] = typer.Option(None, "--threads", help=THREADS_HELP),
    min_score: Optional[float] = typer.Option(None, "--min-score", help=MIN_SCORE_HELP),
    backend: str = typer.Option("torch", "--backend", help=BACKEND_HELP),
):
    """Mine one text and write one JSON document (CONTRACT.md, schema_version 1), or export it (--format)."""
    from .errors import ArgmineError
    from .export.files import check_output

    if path == "-" and sys.stdin.isatty():  # nothing piped in: show how to use it instead of waiting
        typer.echo(ctx.get_help(), err=True)
        raise typer.Exit(2)
    fmt = _check_format(fmt, out, "json")
    try:
        doc = mine_command(path, model, doc_id, check=lambda text: check_output(out, fmt, text, force), title=title,
                           threads=threads, min_score=min_score, backend=backend)
    except (ArgmineError, OSError, ValueError) as e:  # ValueError: e.g. a text over Miner.max_chars
        _fail(str(e))
    _write_export(doc, fmt, out, force)


def _check_format(fmt: Optional[str], out: Optional[Path], default: str) -> str:
    """``--format``, else what ``-o``'s suffix names, else ``default``; exits 2 on an unknown format."""
    from .export import FORMATS
    from .export.files import infer_format

    fmt = fmt or infer_format(out, default)
    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    return fmt


def _write_export(doc, fmt: str, out: Optional[Path], force: bool = False) -> None:
    """Write one document (a Document or its JSON dict) as ``fmt`` to ``out`` (saying which files) or stdout."""
    from .export.files import write_document, written_files

    try:
        payload = write_document(doc, fmt, out, force)
    except (OSError, ValueError) as e:
        _fail(str(e))
    if payload is not None:
        typer.echo(payload, nl=False)
    else:
        typer.echo("wrote " + " and ".join(str(p) for p in written_files(out, fmt)), err=True)


@app.command()
def render(
    path: str = typer.Argument(..., help="A JSON document (argmine mine; AIF or xAIF too), JSON Lines of documents (argmine batch), or - for stdin."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (one document; default stdout) or folder (a batch: one file per document, plus index.html)."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="html (default; or what -o's suffix names: .html, .ann, .json), aif, xaif (AMF/OVA3), brat or json."),
    force: bool = typer.Option(False, "--force", metavar="", help="Overwrite a file argmine writes beside -o (brat's .txt) when it exists with other content."),
):
    """Export documents mined earlier: an HTML page (or AIF, xAIF, brat); a batch gets a folder with an index page."""
    from .export.files import read_documents, write_batch

    try:
        docs, is_batch = read_documents(path)
    except (OSError, ValueError) as e:
        _fail(str(e))
    if not is_batch:
        _write_export(docs[0], _check_format(fmt, out, "html"), out, force)
        return
    fmt = _check_format(fmt, None, "html")
    if out is None:
        _fail("a batch (JSON Lines) needs -o FOLDER: one file is written per document")
    try:
        summary = write_batch(docs, fmt, out, force)
    except (OSError, ValueError) as e:
        _fail(str(e))
    typer.echo(f"{summary['n_docs']} documents written to {out}" + (f" (open {out / summary['index']})" if "index" in summary else ""), err=True)


@app.command()
def evaluate(
    corpus: str = typer.Option("aaec", "--corpus", help="Corpus name: aaec, oped (argmine-oped), webis, microtexts, abstrct, cdcp, ukp."),
    split: str = typer.Option("test", "--split", help="Split: train, dev, test (AAEC); training, validation (Webis); all, train, test (microtexts); neoplasm_train/dev/test, glaucoma_test, mixed_test (AbstRCT); train, test, all (CDCP); all (UKP)."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder holding the corpora (or set ARGMINE_DATA)."),
    model: Optional[List[str]] = typer.Option(None, "--model", help="Model directory; repeat to compare models."),
    predictions: Optional[List[Path]] = typer.Option(None, "--predictions", help="JSON Lines of predicted documents (CONTRACT.md), matched to gold by id; repeatable. A gold document without a prediction counts as an empty one."),
    level: str = typer.Option("essay", "--level", help="essay or paragraph."),
    precision: str = typer.Option("fp32", "--precision", help="fp32 or bf16 (the miner's precision)."),
    n_bootstrap: int = typer.Option(1000, "--bootstrap", min=0, help="Bootstrap resamples of the documents for confidence intervals and comparisons (0: none)."),
    seed: int = typer.Option(0, "--seed", help="Seed of the bootstrap resampling."),
    confidence: float = typer.Option(0.95, "--confidence", min=0.5, max=0.999, help="Confidence level of the intervals."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the scores as JSON here (several systems: {systems, comparisons})."),
    threads: Optional[int] = typer.Option(None, "--threads", help=THREADS_HELP),
    backend: str = typer.Option("torch", "--backend", help=BACKEND_HELP),
):
    """Score a model or predictions on an annotated corpus split (component and relation F1, 100% and 50% match).

    Systems are each --model, then each --predictions file (the default model when neither is given). With two
    or more, each later system is compared with the first: scores side by side, the difference and a paired
    bootstrap p-value over documents.
    """
    from .errors import ArgmineError
    from .evaluate import evaluate_systems, format_comparison, format_scores

    if level not in ("essay", "paragraph"):
        _fail(f"--level must be essay or paragraph; got {level!r}")
    try:
        results, comparisons = evaluate_systems(
            corpus, split, _data_dir(data_dir), list(model or []), level, predictions=list(predictions or []),
            n_bootstrap=n_bootstrap, seed=seed, confidence=confidence, precision=precision, threads=threads, backend=backend,
            log=lambda m: typer.echo(f"argmine evaluate: {m}", err=True))
    except (ArgmineError, FileNotFoundError, ValueError) as e:
        _fail(str(e))
    for r in results:
        typer.echo(format_scores(r))
    for c in comparisons:
        typer.echo("")
        typer.echo(format_comparison([c["a"], c["b"]], c))
    if json_out:
        if len(results) == 1:
            payload = results[0]
        else:
            payload = {"corpus": corpus, "split": split, "level": level, "n_docs": results[0]["n_docs"],
                       "systems": results, "comparisons": comparisons}
        json_out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")


@app.command()
def train(
    config: Optional[Path] = typer.Option(None, "--config", help="TOML config (see configs/default.toml)."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder holding the corpora (or set ARGMINE_DATA)."),
    out: Path = typer.Option(Path("runs/default"), "--out", help="Run folder: checkpoints/ and the final model/."),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="Override the config's epochs."),
    no_resume: bool = typer.Option(False, "--no-resume", metavar="", help="Start afresh even if a checkpoint exists."),
    threads: int = typer.Option(0, "--threads", help="CPU threads (0: PyTorch's default)."),
):
    """Train a model from a config; checkpoints every epoch and resumes after an interruption."""
    import shutil

    import tomllib

    from .config import load_config
    from .training.cardgen import render_card
    from .training.loop import train as train_fn

    try:
        cfg = load_config(config, epochs=epochs, threads=threads or None)
    except (ValueError, tomllib.TOMLDecodeError) as e:  # a misspelt key, a wrong type: one line, not a traceback
        _fail(f"config {config}: {e}")
    except OSError as e:
        _fail(f"config {config} cannot be read ({e.strerror or e})")
    dd = _data_dir(data_dir)
    state = train_fn(cfg, out, dd, resume=not no_resume, log=lambda m: typer.echo(m, err=True))
    final = out / "model"
    if final.exists():
        shutil.rmtree(final)
    shutil.copytree(out / "checkpoints" / "best", final)
    (final / "training_history.json").write_text(json.dumps(state, indent=1) + "\n")
    (final / "README.md").write_text(render_card(final), encoding="utf-8")
    typer.echo(f"model written to {final} (best on dev: {state['selected']})", err=True)


@app.command("add-evidence")
def add_evidence(
    model: Path = typer.Argument(..., metavar="MODEL", help="A trained model directory."),
    out: Path = typer.Option(..., "--out", help="Where to write the model with an evidence-type head."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder holding the corpora (or set ARGMINE_DATA)."),
):
    """Fit an evidence-type head (Webis-Editorials-16 types) on a frozen model: its units and relations stay the same."""
    from .training.cardgen import render_card
    from .training.evidence import add_evidence_head

    add_evidence_head(model, _data_dir(data_dir), out, log=lambda m: typer.echo(m, err=True))
    (out / "README.md").write_text(render_card(out), encoding="utf-8")
    typer.echo(f"model written to {out}", err=True)


@app.command()
def batch(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="JSON Lines (.jsonl, .jsonl.gz), CSV, Parquet, WARC (.warc, .warc.gz), or a folder of .txt or .html files."),
    output: Path = typer.Option(..., "-o", "--output", help="JSON Lines output, one document per record (.jsonl.gz: gzip; .parquet: Parquet)."),
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
    engine: str = typer.Option("local", "--engine", help="local (default: this process) or ray (Ray Data actors; RAY_ADDRESS picks the cluster; see docs/ray.md)."),
    workers: Optional[int] = typer.Option(None, "--workers", min=1, help="--engine ray: actors, one CPU each (default: the cluster's CPUs)."),
    precision: str = typer.Option("fp32", "--precision", help="fp32, or bf16 (encoder under bfloat16 autocast; faster on CPUs with AMX/AVX-512 BF16, scores within ~0.2 F1)."),
    summary_json: Optional[Path] = typer.Option(None, "--summary-json", help="Also write the run's summary as JSON here (records read, mined, errors by reason, documents/s)."),
    threads: Optional[int] = typer.Option(None, "--threads", help=THREADS_HELP + " --engine local only."),
    min_score: Optional[float] = typer.Option(None, "--min-score", help=MIN_SCORE_HELP + " --engine local only."),
    backend: str = typer.Option("torch", "--backend", help=BACKEND_HELP + " --engine local only."),
):
    """Mine an archive into JSON Lines; bad records go to ERRORS; rerunning resumes (CONTRACT.md).

    --engine ray mines on Ray Data actors (pip install 'argmine\\[ray]'; docs/ray.md) and writes the same OUTPUT
    and ERRORS. Resume is only required of the local engine; with ray a rerun also skips the records written.
    """
    from .batch import DEFAULT_CHUNK_SIZE, BatchInterrupted, input_kind, run_batch
    from .errors import ArgmineError
    from .miner import load

    _check_engine(engine, workers, threads, min_score)
    if engine == "ray" and backend != "torch":
        _fail("--backend needs --engine local (a Ray actor runs the torch backend)")
    try:
        input_kind(input_path)
        common = dict(text_field=text_field, id_field=id_field, errors_path=errors, batch_size=batch_size, limit=limit,
                      max_chars=max_chars, fsync=fsync, progress=not quiet and sys.stderr.isatty(), max_seconds=max_seconds)
        if engine == "ray":
            from .integrations.ray import run_batch_ray

            summary = run_batch_ray(input_path, output, model, workers=workers, chunk_size=chunk_size, **common)
        else:
            from .miner import check_min_score

            miner = load(model, precision=precision, threads=threads, backend=backend)
            miner.min_score = check_min_score(min_score)
            summary = run_batch(input_path, output, miner, chunk_size=chunk_size or DEFAULT_CHUNK_SIZE, **common)
    except BatchInterrupted as e:
        lead = "\n" if sys.stderr.isatty() else ""  # end the ^C line first
        typer.echo(f"{lead}{e.summary.line()}. Run the same command again to resume.", err=True)
        raise typer.Exit(130)
    except (ArgmineError, OSError, ValueError) as e:
        _fail(str(e))
    if summary_json is not None:
        summary_json.write_text(json.dumps(summary.to_dict(), indent=1) + "\n", encoding="utf-8")
    if not quiet:
        for note in summary.notes:
            typer.echo(f"argmine batch: {note}", err=True)
        typer.echo(summary.line(), err=True)


def _check_engine(engine: str, workers: Optional[int], threads: Optional[int], min_score: Optional[float]) -> None:
    """Exit 2 on an unknown ``--engine`` or an option that the engine does not take."""
    if engine not in ("local", "ray"):
        _fail(f"--engine must be local or ray; got {engine!r}")
    if workers is not None and engine != "ray":
        _fail("--workers needs --engine ray")
    if engine == "ray" and (threads is not None or min_score is not None):
        _fail("--threads and --min-score need --engine local (a Ray actor uses one CPU and keeps every unit)")


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()

"""The ``argmine`` command: a thin layer over plain functions (mine, evaluate, train)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Find the argument in opinion pieces.")


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
    """(text, name) from a file path or ``-`` (stdin); raises InputEncodingError on bytes that are not UTF-8."""
    from .errors import InputEncodingError

    if path == "-":
        raw, name = sys.stdin.buffer.read(), "<stdin>"
    else:
        p = Path(path)
        if not p.is_file():
            raise FileNotFoundError(f"input must be a readable file; got {path!r}, which does not exist")
        raw, name = p.read_bytes(), path
    try:
        return raw.decode("utf-8"), name
    except UnicodeDecodeError as e:
        raise InputEncodingError.from_unicode_error(name, e) from None


def mine_command(path: str, model: Optional[str], doc_id: Optional[str]) -> dict:
    from .miner import load

    text, name = read_text_input(path)
    miner = load(model)
    return miner.mine(text, id=doc_id or (None if path == "-" else Path(path).stem)).to_dict()


@app.command()
def mine(
    path: str = typer.Argument("-", help="A UTF-8 text file, or - for standard input."),
    model: Optional[str] = typer.Option(None, "--model", help="Model directory (default: the shipped model)."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the JSON document (or --format output) here instead of stdout."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="Document id (default: the file name without suffix)."),
    fmt: str = typer.Option("json", "--format", "-f", help="json (default), aif, brat (.ann; with -o the .txt goes beside it) or html (a self-contained page)."),
):
    """Mine one text and write one JSON document (CONTRACT.md, schema_version 1), or export it (--format)."""
    from .errors import ArgmineError
    from .export import FORMATS

    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    try:
        doc = mine_command(path, model, doc_id)
    except (ArgmineError, FileNotFoundError) as e:
        _fail(str(e))
    if fmt != "json":
        _write_export(doc, fmt, out)
        return
    payload = json.dumps(doc, ensure_ascii=False, indent=2)
    if out:
        out.write_text(payload + "\n", encoding="utf-8")
    else:
        typer.echo(payload)


def _write_export(doc, fmt: str, out: Optional[Path]) -> None:
    """Write one document (a Document or its JSON dict) as ``fmt`` to ``out`` or stdout."""
    from .export.files import write_document

    try:
        payload = write_document(doc, fmt, out)
    except (OSError, ValueError) as e:
        _fail(str(e))
    if payload is not None:
        typer.echo(payload, nl=False)


@app.command()
def render(
    path: str = typer.Argument(..., help="A JSON document (argmine mine), JSON Lines of documents (argmine batch), or - for stdin."),
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="Output file (one document; default stdout) or folder (a batch: one file per document, plus index.html)."),
    fmt: str = typer.Option("html", "--format", "-f", help="html (default), aif, brat or json."),
):
    """Export documents mined earlier: an HTML page (or AIF, brat); a batch gets a folder with an index page."""
    from .export import FORMATS
    from .export.files import read_documents, write_batch

    if fmt not in FORMATS:
        _fail(f"--format must be one of {', '.join(FORMATS)}; got {fmt!r}")
    try:
        docs, is_batch = read_documents(path)
    except (FileNotFoundError, ValueError) as e:
        _fail(str(e))
    if not is_batch:
        _write_export(docs[0], fmt, out)
        return
    if out is None:
        _fail("a batch (JSON Lines) needs -o FOLDER: one file is written per document")
    try:
        summary = write_batch(docs, fmt, out)
    except (OSError, ValueError) as e:
        _fail(str(e))
    typer.echo(f"{summary['n_docs']} documents written to {out}" + (f" (open {out / summary['index']})" if "index" in summary else ""), err=True)


def evaluate_command(corpus: str, split: str, data_dir: Path, models: List[Optional[str]], level: str) -> List[dict]:
    from .corpora import get_reader
    from .evaluate import evaluate_miner
    from .miner import load

    gold = get_reader(corpus)(data_dir, split)
    results = []
    for m in models or [None]:
        miner = load(m)
        scores = evaluate_miner(miner, gold, level=level, show_progress=sys.stderr.isatty())
        results.append({"corpus": corpus, "split": split, "level": level, **scores, "model": miner.model_info})
    return results


def format_scores(res: dict) -> str:
    lines = [f"{res['model']['name']} {res['model']['version']} on {res['corpus']}/{res['split']} ({res['level']} level, {res['n_docs']} docs)",
             f"{'':14}{'F1 100%':>9}{'F1 50%':>9}{'gold':>7}{'pred':>7}"]
    for part in ("components", "relations"):
        r = res[part]
        lines.append(f"{part:14}{r['f1_100'] * 100:9.1f}{r['f1_50'] * 100:9.1f}{r['n_gold']:7d}{r['n_pred']:7d}")
        for lab, v in r["per_label"].items():
            lines.append(f"  {lab:12}{v['f1_100'] * 100:9.1f}{v['f1_50'] * 100:9.1f}{v['n_gold']:7d}{v['n_pred']:7d}")
    if "segmentation" in res:
        s = res["segmentation"]
        lines.append(f"{'segmentation':14}{s['f1_100'] * 100:9.1f}{s['f1_50'] * 100:9.1f}")
    return "\n".join(lines)


@app.command()
def evaluate(
    corpus: str = typer.Option("aaec", "--corpus", help="Corpus name (aaec, webis)."),
    split: str = typer.Option("test", "--split", help="Split: train, dev, test (AAEC); training, validation (Webis)."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder holding the corpora (or set ARGMINE_DATA)."),
    model: Optional[List[str]] = typer.Option(None, "--model", help="Model directory; repeat to compare models."),
    level: str = typer.Option("essay", "--level", help="essay or paragraph."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Write the scores as JSON here."),
):
    """Score a model on an annotated corpus split (component and relation F1, 100% and 50% match)."""
    from .errors import ArgmineError

    if level not in ("essay", "paragraph"):
        _fail(f"--level must be essay or paragraph; got {level!r}")
    try:
        results = evaluate_command(corpus, split, _data_dir(data_dir), list(model or []), level)
    except (ArgmineError, FileNotFoundError, ValueError) as e:
        _fail(str(e))
    for r in results:
        typer.echo(format_scores(r))
    if json_out:
        json_out.write_text(json.dumps(results[0] if len(results) == 1 else results, indent=2) + "\n", encoding="utf-8")


@app.command()
def train(
    config: Optional[Path] = typer.Option(None, "--config", help="TOML config (see configs/default.toml)."),
    data_dir: Optional[Path] = typer.Option(None, "--data-dir", help="Folder holding the corpora (or set ARGMINE_DATA)."),
    out: Path = typer.Option(Path("runs/default"), "--out", help="Run folder: checkpoints/ and the final model/."),
    epochs: Optional[int] = typer.Option(None, "--epochs", help="Override the config's epochs."),
    no_resume: bool = typer.Option(False, "--no-resume", help="Start afresh even if a checkpoint exists."),
    threads: int = typer.Option(0, "--threads", help="CPU threads (0: PyTorch's default)."),
):
    """Train a model from a config; checkpoints every epoch and resumes after an interruption."""
    import shutil

    from .training.card import write_card
    from .training.loop import load_config, train as train_fn

    cfg = load_config(config, epochs=epochs, threads=threads or None)
    dd = _data_dir(data_dir)
    state = train_fn(cfg, out, dd, resume=not no_resume, log=lambda m: typer.echo(m, err=True))
    final = out / "model"
    if final.exists():
        shutil.rmtree(final)
    shutil.copytree(out / "checkpoints" / "best", final)
    (final / "training_history.json").write_text(json.dumps(state, indent=1) + "\n")
    write_card(final)
    typer.echo(f"model written to {final} (best dev epoch {state['best_epoch']})", err=True)


@app.command()
def batch(
    input_path: Path = typer.Argument(..., metavar="INPUT", help="JSON Lines (.jsonl, .jsonl.gz), CSV, Parquet, or a folder of .txt files."),
    output: Path = typer.Option(..., "-o", "--output", help="JSON Lines output, one document per record (.parquet: Parquet)."),
    text_field: str = typer.Option("text", "--text-field", help="Field (column) holding the text."),
    id_field: str = typer.Option("id", "--id-field", help="Field (column) holding the id (default id: the line number)."),
    errors: Optional[Path] = typer.Option(None, "--errors", help="Error records (default: OUTPUT.errors.jsonl)."),
    model: Optional[str] = typer.Option(None, "--model", help="Model directory (default: the shipped model)."),
    batch_size: int = typer.Option(16, "--batch-size", min=1, help="Paragraphs per forward pass."),
    limit: Optional[int] = typer.Option(None, "--limit", min=0, help="Only the first N records of INPUT."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="Longer texts go to ERRORS."),
    chunk_size: int = typer.Option(64, "--chunk-size", min=1, help="Records mined and written together."),
    fsync: bool = typer.Option(False, "--fsync", help="fsync OUTPUT after every chunk."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No progress bar and no summary line."),
):
    """Mine an archive into JSON Lines; bad records go to ERRORS; rerunning resumes (CONTRACT.md)."""
    from .batch import BatchInterrupted, input_kind, run_batch
    from .errors import ArgmineError
    from .miner import load

    try:
        input_kind(input_path)
        miner = load(model)
        summary = run_batch(input_path, output, miner, text_field=text_field, id_field=id_field, errors_path=errors,
                            batch_size=batch_size, limit=limit, max_chars=max_chars, chunk_size=chunk_size,
                            fsync=fsync, progress=not quiet and sys.stderr.isatty())
    except BatchInterrupted as e:
        lead = "\n" if sys.stderr.isatty() else ""  # end the ^C line first
        typer.echo(f"{lead}{e.summary.line()}. Run the same command again to resume.", err=True)
        raise typer.Exit(130)
    except (ArgmineError, OSError, ValueError) as e:
        _fail(str(e))
    if not quiet:
        for note in summary.notes:
            typer.echo(f"argmine batch: {note}", err=True)
        typer.echo(summary.line(), err=True)


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()

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
    out: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the JSON document here instead of stdout."),
    doc_id: Optional[str] = typer.Option(None, "--id", help="Document id (default: the file name without suffix)."),
):
    """Mine one text and write one JSON document (CONTRACT.md, schema_version 1)."""
    from .errors import ArgmineError

    try:
        doc = mine_command(path, model, doc_id)
    except (ArgmineError, FileNotFoundError) as e:
        _fail(str(e))
    payload = json.dumps(doc, ensure_ascii=False, indent=2)
    if out:
        out.write_text(payload + "\n", encoding="utf-8")
    else:
        typer.echo(payload)


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


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()

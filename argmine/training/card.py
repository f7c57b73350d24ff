"""Generate a model card (README.md) for a model directory from its config, history and measured scores."""
from __future__ import annotations

from pathlib import Path


def write_card(model_dir: Path) -> None:
    """Placeholder until scores exist; rewritten by ``benchmarks/make_card.py``."""
    from .cardgen import render_card

    (Path(model_dir) / "README.md").write_text(render_card(Path(model_dir)), encoding="utf-8")

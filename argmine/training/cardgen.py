"""Model card text from files in the model directory: config.json, training_history.json, scores.json.

Every figure in the card is read from those files, which ``benchmarks/make_card.py`` writes by running the
evaluation and speed commands, so the card can always be regenerated and checked.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, Optional

from ..templates import render


_AUX_TEXT = {
    "webis": "Webis-Editorials-16 (Al-Khatib et al. 2016; news editorials from Al Jazeera, Fox News and the Guardian): unit "
             "segmentation and evidence types",
    "ukp": "UKP web discourse (Habernal & Gurevych 2017; comments, forum and blog posts, newspaper articles): unit segmentation",
    "microtexts": "arg-microtexts part 1 (Peldszus & Stede 2015): unit segmentation",
}


def _read(path: Path) -> Optional[Dict[str, Any]]:
    return json.loads(path.read_text()) if path.exists() else None


def render_card(model_dir: Path) -> str:
    """The model card (markdown) of the model in ``model_dir``, from its config.json, training_history.json and
    scores.json (the last two may be missing): template ``card_document.md`` for a document-level model,
    ``card_essay.md`` for a paragraph-level one.

    Returns:
        The card's markdown text (str).

    Raises:
        FileNotFoundError: ``model_dir`` has no config.json.
    """
    model_dir = Path(model_dir)
    cfg = json.loads((model_dir / "config.json").read_text())
    hist = _read(model_dir / "training_history.json")
    scores = _read(model_dir / "scores.json") or {}
    if cfg.get("document_level"):
        from .card_document import render_document_card

        return render_document_card(cfg, hist, scores)
    return render_essay_card(cfg, hist, scores)


def render_essay_card(cfg: Dict[str, Any], hist: Optional[Dict[str, Any]], scores: Dict[str, Any]) -> str:
    """The model card of a paragraph-level (essay) model (argmine 0.1-0.2), from the template ``card_essay.md``.

    Returns:
        The card's markdown text (str)."""
    rows = []
    if hist:
        rows = hist["history"] + ([{"epoch": "average of epochs {}-{}".format(*hist["average"]["epochs"]),
                                    **hist["average"]}] if "average" in hist else [])
    rel = scores.get("aaec_test_essay", {}).get("scores", {}).get("relations", {}).get("f1_100", 0)
    return render("card_essay.md", cfg=cfg, tr=cfg.get("training", {}), enc=cfg["encoder_config"], aux_text=_AUX_TEXT,
                  hist=hist, minutes=sum(r["seconds"] for r in hist["history"]) / 60 if hist else 0, hist_rows=rows,
                  webis=any("webis_dev_seg_f1_50" in r for r in rows), scores=scores, relations_above=not rel < 0.45)

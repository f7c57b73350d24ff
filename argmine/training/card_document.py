"""The model card of a document-level model (argmine 0.3): what it is, what it was trained on under which licence,
how to reproduce it, and every score with the command that measured it (``scores.json``, written by
``benchmarks/make_card.py``)."""
from __future__ import annotations

from typing import Any, Dict, List, Optional

from ..templates import render

_CORPUS_TEXT = {
    "aaec": ("Argument Annotated Essays v2 (Stab & Gurevych 2017): 286 persuasive essays (TRAIN minus Eger et al.'s 36 "
             "dev essays)", "research use only, no redistribution"),
    "oped": ("argmine-oped: 32 news editorials of Webis-Editorials-16 (Al Jazeera, Fox News, the Guardian) annotated "
             "with MajorClaim / Claim / Premise, links and stances. **Model-assisted silver annotation** (a language "
             "model following the corpus guideline, checked by script, not adjudicated by people)",
             "research use only (the Webis-Editorials-16 texts)"),
    "oped/train_extra": ("argmine's own annotation of the other 148 Webis-Editorials-16 training editorials, in the "
                         "argmine-oped scheme and the same way (**silver**: a language model following the guideline, "
                         "checked by script; labels in `argmine/resources/oped_train_extra.units.jsonl`, see "
                         "data/README.md)", "research use only (the Webis-Editorials-16 texts)"),
    "microtexts": ("arg-microtexts (Peldszus & Stede 2016): the train fold, 68 short argumentative texts (central "
                   "claim → MajorClaim, sub-argument conclusions → Claim, the rest → Premise)", "CC BY-NC-SA 4.0"),
}


def score_entries(scores: Dict[str, Any]) -> List[tuple]:
    """``(key, entry)`` of ``scores.json`` for the score table: entries with component scores, Webis left out (it has
    no claim/premise labels and no relations: its unit F1 is given apart).

    Returns:
        A list of ``(key, entry)`` pairs in ``scores`` order."""
    return [(k, e) for k, e in scores.items()
            if "scores" in e and "components" in e["scores"] and not k.startswith("webis")]


def render_document_card(cfg: Dict[str, Any], hist: Optional[Dict[str, Any]], scores: Dict[str, Any]) -> str:
    """The model card (markdown) of a document-level model, from the template ``card_document.md``.

    ``cfg``: its config.json; ``hist``: its training history (or None); ``scores``: its scores.json (may be empty).

    Returns:
        The card's markdown text (str).
    """
    tr = cfg.get("training", {})
    history = [r for r in hist["history"] if "dev_score" in r] if hist else []
    return render("card_document.md", cfg=cfg, tr=tr, enc=cfg["encoder_config"], dec=cfg.get("decoding", {}),
                  corpora=tr.get("main_corpora") or [], corpus_text=_CORPUS_TEXT, hist=hist, history=history,
                  minutes=sum(r.get("seconds", 0) for r in history) / 60, scores=scores,
                  score_entries=score_entries(scores))

"""The model card of a document-level model (argmine 0.3): what it is, what it was trained on under which licence,
how to reproduce it, and every score with the command that measured it (``scores.json``, written by
``benchmarks/make_card.py``)."""
from __future__ import annotations

from typing import Any, Dict, List

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


def _pct(x) -> str:
    return f"{100 * x:.1f}"


def _ci(block: Dict[str, Any], metric: str) -> str:
    ci = block.get("ci", {}).get(metric)
    return f" [{_pct(ci[0])}-{_pct(ci[1])}]" if ci else ""


def score_rows(scores: Dict[str, Any]) -> List[str]:
    """Markdown rows ``| what | components F1 100% | 50% | relations F1 100% | 50% | checks |`` of ``scores.json``."""
    rows = ["| corpus, split (command below) | components F1 100% | components F1 50% | relations F1 100% | "
            "relations F1 50% | attacks F1 100% | major claim found | texts without units |", "|---|---|---|---|---|---|---|---|"]
    for key, entry in scores.items():
        if "scores" not in entry or "components" not in entry["scores"] or key.startswith("webis"):
            continue  # Webis has no claim/premise labels and no relations: its unit F1 is given apart
        s = entry["scores"]
        c, r, d = s["components"], s["relations"], s.get("documents", {})
        att = r.get("per_label", {}).get("attacks", {})
        rows.append(f"| {entry.get('title', key)} | {_pct(c['f1_100'])}{_ci(c, 'f1_100')} | {_pct(c['f1_50'])}{_ci(c, 'f1_50')} | "
                    f"{_pct(r['f1_100'])}{_ci(r, 'f1_100')} | {_pct(r['f1_50'])}{_ci(r, 'f1_50')} | "
                    f"{_pct(att['f1_100']) if att else '-'} | "
                    f"{d.get('major_claim_found', '-')} / {d.get('with_major_claim', '-')} | {d.get('no_units', '-')} |")
    return rows


def history_section(tr: Dict[str, Any], hist: Dict[str, Any]) -> List[str]:
    """Stage 2's settings, the epoch chosen and the dev scores per epoch, from the training history."""
    h = [r for r in hist["history"] if "dev_score" in r]
    lrs = (f"lr {tr.get('lr_heads')} (heads, encoder fixed)" if tr.get("freeze_encoder") else
           f"lr {tr.get('lr_encoder')} (encoder) / {tr.get('lr_heads')} (heads)")
    out = [f"Stage 2: seed {tr.get('seed')}, {tr.get('epochs')} epochs, {lrs}; chosen on dev: "
            f"{hist.get('selected', 'epoch ' + str(hist.get('best_epoch')))}; {sum(r.get('seconds', 0) for r in h) / 60:.0f} minutes "
            "of training on 2 shared CPU cores. Dev scores per epoch (training-time decoder):", "",
            "| epoch | AAEC dev comp./rel. F1 100% | argmine-oped dev comp./rel. F1 50% | microtexts dev comp./rel. F1 50% |",
            "|---|---|---|---|"]
    out += [f"| {r['epoch']} | {_pct(r.get('aaec_dev_c_f1_100', 0))} / {_pct(r.get('aaec_dev_r_f1_100', 0))} | "
            f"{_pct(r.get('oped_dev_c_f1_50', 0))} / {_pct(r.get('oped_dev_r_f1_50', 0))} | "
            f"{_pct(r.get('microtexts_dev_c_f1_50', 0))} / {_pct(r.get('microtexts_dev_r_f1_50', 0))} |" for r in h]
    out.append("")
    return out


def scores_section(scores: Dict[str, Any]) -> List[str]:
    """The card's "Scores" section from ``scores.json`` (every figure with its command)."""
    out = ["## Scores", ""]
    if not scores:
        out.append("Not measured yet: run `python benchmarks/make_card.py`.")
    else:
        out += ["Intervals: 95% bootstrap over documents. argmine-oped is silver annotation and its dev split chose the epoch "
                "and the decoding options: read it as a dev score.", ""] + score_rows(scores) + [""]
        out += [f"- {v.get('title', k)}: `{v['command']}`" for k, v in scores.items() if "command" in v]
        if "microtexts_test" in scores:
            out += ["", "arg-microtexts units keep their final punctuation and argmine's (like AAEC's) do not, so no unit can "
                        "match exactly there: read its 50% columns."]
        if "short_arguments" in scores:
            sa = scores["short_arguments"]["result"]
            out += ["", f"Short arguments (42 one- to three-sentence arguments written blind for the tests, CC0): "
                        f"{sa['with_units']} of {sa['n']} get at least one unit; the claim is found in {sa['claim_found']} "
                        f"({_pct(sa['found_rate'])}%, 95% interval {_pct(sa['found_ci'][0])}-{_pct(sa['found_ci'][1])})."]
        if "webis_validation" in scores:
            seg = scores["webis_validation"]["scores"]["segmentation"]
            out += ["", f"Webis-Editorials-16 validation (60 editorials, label-agnostic units): unit F1 {_pct(seg['f1_50'])}"
                        f"{_ci(seg, 'f1_50')} at 50% overlap, {_pct(seg['f1_100'])} exact."]
        if "speed" in scores:
            sp = scores["speed"]["result"]
            out += ["", f"Speed (`{scores['speed']['command']}`): {sp['wordpieces_per_s']} wordpieces/s, {sp['ms_per_doc']} ms per "
                        f"essay, {sp['ratio_to_encoder_forward']}x the bare encoder's forward pass, peak memory {sp['peak_rss_mb']} MB."]
        out.append("")
    return out


def render_document_card(cfg: Dict[str, Any], hist, scores: Dict[str, Any]) -> str:
    """The model card (markdown) of a document-level model: ``cfg`` its config.json, ``hist`` its training history
    (or None), ``scores`` its scores.json (may be empty)."""
    tr = cfg.get("training", {})
    enc = cfg["encoder_config"]
    dec = cfg.get("decoding", {})
    corpora = tr.get("main_corpora") or []
    out = [f"# {cfg['name']} {cfg['version']}", "",
           "An argmine model: finds the major claim, claims and premises of an opinion piece (an op-ed, an editorial, an "
           "essay, a comment) and which unit supports or attacks which, on any layout.", "", "## Model", "",
           f"- Base encoder: `{cfg['base_encoder']}` (all-MiniLM-L6-v2, Apache-2.0; {enc.get('num_hidden_layers')} layers, "
           f"hidden size {enc.get('hidden_size')}), fine-tuned on essays in stage 1 (argmine 0.2) and "
           + ("kept fixed in stage 2." if tr.get("freeze_encoder") else "again, with the whole network, in stage 2."),
           "- Per paragraph: a word BiLSTM and a BIO tagger with learned CRF transitions (Eger et al. 2017), Viterbi decoding; "
           "unit vectors from span states (mean, first, last; Lee et al. 2017).",
           "- Per document: document-position features and a BiLSTM over all units of the text, so the unit-type head "
           "(MajorClaim/Claim/Premise), the claim-stance head and a pointer-style link scorer (each premise picks one target "
           "or none among the 16 units around it, in any paragraph; Potash et al. 2017) see the whole argument.",
           "- Decoding (`argmine.decoding.decode_document`, pure): at most one major claim per paragraph, at least one per text, "
           + ("in any paragraph" if dec.get("mc_roles") is None else f"only in {dec.get('mc_roles')} paragraphs")
           + "; premise links form a forest" + (" and may cross paragraphs" if dec.get("cross_paragraph", True) else "")
           + (f"; link probabilities mixed with a nearest-claim prior (weight {dec.get('link_prior_weight')})" if dec.get("link_prior_weight") else "")
           + (f"; in a body paragraph a second claim needs claim probability {dec.get('extra_claim_min')}" if dec.get("extra_claim_min") else "")
           + (f"; a text of 3 to {dec['essay_max_paragraphs']} content paragraphs (an essay's shape) gets the essay rules: major "
              "claims only in the first and last paragraph, links inside paragraphs" if dec.get("essay_max_paragraphs") else "")
           + (f"; unit labels weigh the type head {dec['typer_weight']} against the tagger" if "typer_weight" in dec else "")
           + ". Options chosen on dev splits (`benchmarks/tune_decoding.py`).",
           "- Page furniture (captions, credits, bylines, bios, language links, comment prompts) is left out before tagging "
           "by rules and a learned line classifier (`argmine.boilerplate`).",
           *([f"- Evidence-type head (Webis-Editorials-16 types: {', '.join(cfg['evidence_types'])}), fitted on the frozen model by "
              "`argmine add-evidence`; it changes no unit, label or relation."] if cfg.get("evidence_types") else []),
           "", "## Training data and licence", ""]
    def about(c):
        return _CORPUS_TEXT.get(f"{c['corpus']}/{c['split']}") or _CORPUS_TEXT.get(c["corpus"], (c["corpus"], "?"))

    out += [f"- {about(c)[0]}; split `{c['split']}`, x{c.get('repeat', 1)} per epoch (licence: {about(c)[1]})." for c in corpora]
    out += ["- Stage 1 (the initial weights): AAEC `train` only (argmine 0.2, `configs/essays-0.2.toml`).",
            *(["- Webis-Editorials-16 training split (research use only): the evidence-type head only."] if cfg.get("evidence_types") else []),
            "- Epoch and decoding options chosen on AAEC dev (36 essays), argmine-oped dev (24 editorials) and the "
            "arg-microtexts dev fold (22 texts); test splits were used only for the scores below.",
            "- **Derived from research-only corpora (AAEC, Webis-Editorials-16) and CC BY-NC-SA data: use it for research / "
            "non-commercial purposes only.** No corpus text is shipped with argmine.", "",
            "## Training commands (2 CPU cores)", "", "```",
            "argmine train --config configs/essays-0.2.toml --data-dir ../shared/data --out runs/essays-0.2   # stage 1, ~40 min",
            "argmine add-evidence runs/essays-0.2/model --out runs/essays-0.2/model-evidence --data-dir ../shared/data",
            "argmine train --config configs/default.toml --data-dir ../shared/data --out runs/default        # stage 2",
            "argmine add-evidence runs/default/model --out runs/default/model-evidence --data-dir ../shared/data",
            "cp -r runs/default/model-evidence/. models/argmine-default/ && python benchmarks/make_card.py", "```", ""]
    out += history_section(tr, hist) if hist else []
    out += scores_section(scores)
    out += ["## How scores are computed", "",
            "Component and relation F1 as in Eger et al. (2017) and Persing & Ng (2016): a predicted unit matches a gold unit of the "
            "same label when their tokens are identical (100%) or share at least half the tokens of the longer one (50%), one-to-one; "
            "a relation is right when both ends match and the label agrees (a claim's stance relation counts whichever matched "
            "MajorClaim it points at). Micro-averaged. \"Major claim found\": texts where some predicted MajorClaim matches some "
            "gold MajorClaim at 50%.", "", "## Limitations", "",
            "- English only. Op-ed structure is learnt from 32 silver-annotated editorials: relations on news are far weaker "
            "than on essays (see the table).",
            "- The major claim of a news editorial is rarely found (\"major claim found\" above): the thesis of an editorial is "
            "often implicit or restated in many ways, and 32 training editorials do not teach it.",
            "- Attacks (rebuttals, concessions) are rarely right.", ""]
    return "\n".join(out)

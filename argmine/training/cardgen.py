"""Model card text from files in the model directory: config.json, training_history.json, scores.json.

Every figure in the card is read from those files, which ``benchmarks/make_card.py`` writes by running the
evaluation and speed commands, so the card can always be regenerated and checked.
"""
from __future__ import annotations

import json
from pathlib import Path


def _pct(x) -> str:
    return f"{100 * x:.1f}"


def _score_table(s: dict) -> str:
    rows = ["| | F1 100% | F1 50% | P 100% | R 100% | gold | predicted |", "|---|---|---|---|---|---|---|"]
    for part in ("components", "relations"):
        r = s[part]
        rows.append(f"| **{part}** | **{_pct(r['f1_100'])}** | {_pct(r['f1_50'])} | {_pct(r['precision_100'])} | {_pct(r['recall_100'])} | {r['n_gold']} | {r['n_pred']} |")
        for lab, v in r["per_label"].items():
            rows.append(f"| {lab} | {_pct(v['f1_100'])} | {_pct(v['f1_50'])} | {_pct(v['precision_100'])} | {_pct(v['recall_100'])} | {v['n_gold']} | {v['n_pred']} |")
    if "segmentation" in s:
        seg = s["segmentation"]
        rows.append(f"| segmentation (label-agnostic) | {_pct(seg['f1_100'])} | {_pct(seg['f1_50'])} | | | | |")
    return "\n".join(rows)


_AUX_TEXT = {
    "webis": "Webis-Editorials-16 (Al-Khatib et al. 2016; news editorials from Al Jazeera, Fox News and the Guardian): unit "
             "segmentation and evidence types",
    "ukp": "UKP web discourse (Habernal & Gurevych 2017; comments, forum and blog posts, newspaper articles): unit segmentation",
    "microtexts": "arg-microtexts part 1 (Peldszus & Stede 2015): unit segmentation",
}


def render_card(model_dir: Path) -> str:
    model_dir = Path(model_dir)
    cfg = json.loads((model_dir / "config.json").read_text())
    hist_f = model_dir / "training_history.json"
    hist = json.loads(hist_f.read_text()) if hist_f.exists() else None
    scores_f = model_dir / "scores.json"
    scores = json.loads(scores_f.read_text()) if scores_f.exists() else {}
    if cfg.get("document_level"):
        from .card_document import render_document_card

        return render_document_card(cfg, hist, scores)
    tr = cfg.get("training", {})
    enc = cfg["encoder_config"]
    out = [f"# {cfg['name']} {cfg['version']}", "",
           "An argmine model: finds the major claim, claims and premises of an opinion piece and which unit supports or attacks which.",
           "", "## Model", "",
           f"- Base encoder: `{cfg['base_encoder']}` (sentence-transformers all-MiniLM-L6-v2, Apache-2.0 weights; "
           f"{enc.get('num_hidden_layers')} layers, hidden size {enc.get('hidden_size')}, uncased, {enc.get('max_position_embeddings')} positions), fine-tuned end to end.",
           "- Heads: word-level BiLSTM → BIO tagger (MajorClaim/Claim/Premise, Viterbi-constrained), a span typer, a claim-stance "
           "classifier (→ `supports`/`attacks` relation to the most confident MajorClaim), and a pointer-style link scorer (each premise picks at most one "
           "target in its paragraph, or none; cycles are refused; mixed with a nearest-claim prior) with a `supports`/`attacks` labeller.",
           *(["- Multi-corpus heads: " + ", ".join(f"a label-agnostic segmenter for `{a}`" for a in cfg.get("aux_segmenters", []))
              + " (auxiliary training tasks on the shared encoder and BiLSTM; not used when mining)"
              + ("; an evidence-type classifier on unit vectors (" + ", ".join(cfg["evidence_types"]) + ", the Webis-Editorials-16 "
                 "scheme), which gives every mined unit `evidence_type` and `evidence_score`." if cfg.get("evidence_types") else ".")]
             if cfg.get("aux_segmenters") else []),
           *([f"- Evidence-type head: a small MLP on each unit's vector and its span's BiLSTM states (mean, first, last) "
              f"from the frozen model, fitted on the "
              f"{tr['evidence_head'].get('units')} units of Webis-Editorials-16 `{tr['evidence_head'].get('split')}` by "
              "`argmine add-evidence`; it gives every mined unit `evidence_type` (" + ", ".join(cfg.get("evidence_types", []))
              + ") and `evidence_score`, and changes no unit, label or relation."] if tr.get("evidence_head") else []),
           "- Decoding follows the genre: BIO spans by Viterbi (with learned CRF transitions when the model has them), "
           "a major claim only in the introduction or conclusion and at most one per paragraph, at least one per text"
           + (f"; in a body paragraph, claims after the most probable one need a claim probability of at least "
              f"{cfg['extra_claim_min']} (else they become premises)" if cfg.get("extra_claim_min") else "") + ".",
           "- Input: one paragraph at a time with its role (title/introduction/body/conclusion) as the first segment; paragraphs longer "
           "than the encoder window are covered by overlapping windows (never truncated). Page noise (bylines, captions, credits, "
           "comment prompts) is dropped before tagging.",
           f"- Files: `model.safetensors` (weights; safetensors only), tokenizer files, `config.json` (labels {cfg['unit_labels']}, "
           f"relations {cfg['relation_labels']}, format_version {cfg['format_version']}, argmine {cfg.get('argmine_version')}).",
           "", "## Training data and licence", "",
           ("- Trained on the Argument Annotated Essays corpus v2 (Stab & Gurevych 2017), split `train` "
            "(TRAIN minus Eger et al.'s 36 dev essays); epoch selected on those 36 dev essays."
            if tr.get("train_split") == "train" else
            f"- Trained on the Argument Annotated Essays corpus v2 (Stab & Gurevych 2017), split `{tr.get('train_split')}` "
            "(all 322 TRAIN essays, dev included); the recipe and the number of epochs were chosen on Eger et al.'s 36 dev "
            "essays in a run that held them out (`configs/dev-run.toml`), and the last epoch is shipped.")
           + " The 80 TEST essays were used only for the scores below.",
           *[f"- {_AUX_TEXT.get(a['corpus'], a['corpus'])}, split `{a['split']}`: about {a['fraction']:g} x the essays' wordpieces "
             "drawn at random each epoch" + (f"; its `{a['dev_split']}` split is scored after every epoch (recorded, not used to pick "
                                             "the epoch)" if a.get("dev_split") else "") + "."
             for a in tr.get("aux_corpora", [])],
           *([f"- Webis-Editorials-16 (Al-Khatib et al. 2016; news editorials from Al Jazeera, Fox News and the Guardian), split "
              f"`{tr['evidence_head'].get('split')}`: the evidence-type head only."]
             if tr.get("evidence_head") else []),
           "- **AAEC is licensed for research only and may not be redistributed. This model is derived from it"
           + (" and from Webis-Editorials-16 (research use only), UKP web discourse (Apache-2.0) and arg-microtexts (CC BY-NC-SA 4.0)"
              if tr.get("aux_corpora") else " and from Webis-Editorials-16 (research use only)" if tr.get("evidence_head") else "")
           + ": use it for research / non-commercial purposes only.** No corpus text is shipped with argmine.",
           ("- Essays and news editorials only: other genres (forums, scientific abstracts) follow other conventions."
            if tr.get("aux_corpora") else
            "- Student essays are not op-eds: expect lower accuracy on newspaper opinion pieces (see limitations)."),
           "", "## Training command", "", "```",
           "argmine train --config configs/default.toml --data-dir ../shared/data --out runs/default",
           *(["argmine add-evidence runs/default/model --out runs/default/model-evidence --data-dir ../shared/data",
              "cp -r runs/default/model-evidence/. models/argmine-default/   # then: python benchmarks/make_card.py"]
             if tr.get("evidence_head") else
             ["cp -r runs/default/model/. models/argmine-default/   # then: python benchmarks/make_card.py"]),
           "```", ""]
    if hist:
        h = hist["history"]
        secs = sum(r["seconds"] for r in h)
        out += [f"Seed {tr.get('seed')}, {tr.get('epochs')} epochs, batch {tr.get('batch_size')}, lr {tr.get('lr_encoder')} (encoder) / "
                f"{tr.get('lr_heads')} (heads); chosen on dev: {hist.get('selected', 'epoch ' + str(hist['best_epoch']))}; training took {secs / 60:.0f} minutes on this "
                "machine (2 CPU cores shared with other jobs at times, bf16 autocast where the CPU supports it; "
                "an idle machine takes about 100-130 s per epoch). The dev scores per epoch below were computed during "
                "training with the decoder of that time; the final decoder's dev scores are in the Scores section.", "",
                ]
        rows = h + ([{"epoch": "average of epochs {}-{}".format(*hist["average"]["epochs"]), **hist["average"]}] if "average" in hist else [])
        webis = any("webis_dev_seg_f1_50" in r for r in rows)
        out += (["| epoch | dev components F1 100% | dev relations F1 100% | Webis validation unit F1 50% | Webis evidence-type accuracy |",
                 "|---|---|---|---|---|"] if webis else
                ["| epoch | dev components F1 100% | dev relations F1 100% |", "|---|---|---|"])
        out += [f"| {r['epoch']} | {_pct(r['dev_c_f1_100'])} | {_pct(r['dev_r_f1_100'])} |"
                + (f" {_pct(r['webis_dev_seg_f1_50']) if 'webis_dev_seg_f1_50' in r else '-'} | "
                   f"{_pct(r['webis_dev_evidence_acc']) if 'webis_dev_evidence_acc' in r else '-'} |" if webis else "")
                for r in rows if "dev_c_f1_100" in r]
        out.append("")
    out += ["## Scores", ""]
    if not scores:
        out.append("Not measured yet: run `python benchmarks/make_card.py`.")
    for key, title in (("aaec_test_essay", "AAEC test (80 essays), essay level"),
                       ("aaec_test_paragraph", "AAEC test, paragraph level (the essay is mined whole, scored paragraph by paragraph)"),
                       ("aaec_dev_essay", "AAEC dev (36 essays), essay level")):
        if key in scores:
            out += [f"### {title}", "", f"`{scores[key]['command']}`", "", _score_table(scores[key]["scores"]), ""]
    if "webis_validation" in scores:
        w = scores["webis_validation"]["scores"]
        seg = w["segmentation"]
        out += ["### Webis-Editorials-16 validation (60 news editorials)", "", f"`{scores['webis_validation']['command']}`", "",
                "Webis units carry no claim/premise labels, so units are scored label-agnostically.", "",
                f"- argumentative-unit F1: {_pct(seg['f1_50'])} (50% overlap), {_pct(seg['f1_100'])} (exact); {seg['n_gold']} gold, "
                f"{seg['n_pred']} predicted units."]
        if "evidence" in w:
            ev = w["evidence"]
            out += [f"- evidence-type accuracy on the {ev['n_matched']} units matched at 50%: {_pct(ev['accuracy'])} "
                    f"(always answering the most frequent type would get {_pct(ev['majority_baseline'])}); recall per type: "
                    + ", ".join(f"{t} {_pct(v['recall'])} (of {v['n_gold']})" for t, v in ev["per_type"].items()) + "."]
        out.append("")
    if "speed" in scores:
        sp = scores["speed"]["result"]
        out += ["### Speed", "", f"`{scores['speed']['command']}`", "",
                f"{sp['texts']}: {sp['wordpieces_per_s']} wordpieces/s, {sp['ms_per_doc']} ms per document, "
                f"{sp['docs_per_s']} documents/s on {sp['threads']} CPU threads (fp32); {sp['ratio_to_encoder_forward']}x the time of the bare "
                f"encoder's forward pass over the same windows; peak memory {sp['peak_rss_mb']} MB; load {sp['load_s']} s.", ""]
    out += ["## How scores are computed", "",
            "Component F1 and relation F1 as in Eger et al. (2017) and Persing & Ng (2016): a predicted unit matches a gold unit of the "
            "same label when their token spans are identical (100%) or share at least half the tokens of the longer one (50%), one-to-one; "
            "a relation is correct when both ends match and the label is the same (a claim's stance relation counts whichever MajorClaim it "
            "points at, provided that MajorClaim matches a gold one). Micro-averaged over documents. Relations include claim stances (claim → MajorClaim), as CONTRACT.md defines them.",
            "", "## Limitations", "",
            ("- Claims, premises and relations are learnt from student essays only (news corpora add segmentation and evidence "
             "types, not argument structure): on op-eds, read unit labels and relations as the essay scheme applied to news."
             if tr.get("aux_corpora") else
             "- Units, labels and relations are learnt from student essays only; newspaper op-eds have other structure "
             "(headlines, quotes, anecdotes, statistics, a thesis that may come last). On news editorials only unit "
             "segmentation and evidence types are measured (Webis-Editorials-16 above); claim/premise labels and relations "
             "on op-eds are not, for lack of such annotation." if tr.get("evidence_head") else
             "- Trained on student essays only; newspaper op-eds have other structure (headlines, quotes, anecdotes, statistics, "
             "a thesis that may come last). Scores on op-eds are not measured here."),
            *(["- Evidence types are skewed: most units are assumptions, and rare types (common-ground, other) are seldom "
               "recognised; see the per-type recall above."
               + (" The head sits on a frozen essay model: jointly training the encoder on Webis (`configs/oped.toml`) gave "
                  "better evidence types but lower AAEC relation F1 on dev, so it is not the default "
                  "(`benchmarks/results/oped.md`)." if tr.get("evidence_head") else "")] if cfg.get("evidence_types") else []),
            "- English only. Relations are only predicted inside a paragraph (plus claim stances to the major claim).",
            ("- Relation F1 (100%) on AAEC test is "
             + ("below" if scores.get("aaec_test_essay", {}).get("scores", {}).get("relations", {}).get("f1_100", 0) < 0.45 else "above")
             + " the level of Eger et al.'s LSTM-ER (about 45) and below the best published systems (roughly 50-57, with much "
             "larger models); attacks are rarely right. Claim vs Premise is the main unit-label error."), ""]
    return "\n".join(out)

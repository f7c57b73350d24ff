"""argmine.evaluate: ``argmine evaluate`` with --predictions, any corpus, bootstrap intervals and paired model
comparisons, and the Python API (score_system, reading and aligning predictions). The resampling functions
themselves are tested in tests/test_bootstrap.py.

Gold documents are read from the data directory at run time (tests that need a corpus skip when it is absent)
and written to temporary JSON Lines files; nothing from a corpus is stored in the repository.
"""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from argmine.cli import app
from argmine.data import Document
from argmine.evaluate import align_predictions, read_predictions, score, score_system

PARTS = ("components", "relations", "segmentation")


def runner():
    try:
        return CliRunner(mix_stderr=False)
    except TypeError:
        return CliRunner()


def gold_docs(data_dir: Path, corpus: str, split: str, folder: str):
    if not (data_dir / folder).is_dir():
        pytest.skip(f"{folder} is not in the data directory")
    from argmine.corpora import get_reader

    return get_reader(corpus)(data_dir, split)


def write_jsonl(path: Path, docs) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d.to_dict() if isinstance(d, Document) else d, ensure_ascii=False) + "\n")
    return path


def drop_every_third(doc: Document) -> Document:
    """The document with units 3, 6, 9, ... (1-based) and their relations removed."""
    units = [u for k, u in enumerate(doc.units) if k % 3 != 2]
    keep = {u.id for u in units}
    rels = [r for r in doc.relations if r.source in keep and r.target in keep]
    return Document(doc.text, units, rels, id=doc.id)


def evaluate(args, tmp_path, name="s.json"):
    out = tmp_path / name
    res = runner().invoke(app, ["evaluate", *[str(a) for a in args], "--json", str(out)])
    assert res.exit_code == 0, res.output
    return res, json.loads(out.read_text(encoding="utf-8"))


# -- --predictions on the real corpora -------------------------------------------------------------------------

def test_gold_as_predictions_scores_100_everywhere(data_dir, tmp_path):
    gold = gold_docs(data_dir, "aaec", "test", "aaec-v2")
    preds = write_jsonl(tmp_path / "gold.jsonl", gold)
    res, s = evaluate(["--corpus", "aaec", "--split", "test", "--data-dir", data_dir, "--predictions", preds,
                       "--bootstrap", 200], tmp_path)
    assert {"corpus", "split", "level", "n_docs", "components", "relations", "model", "segmentation"} <= set(s)
    assert (s["corpus"], s["split"], s["level"], s["n_docs"]) == ("aaec", "test", "essay", 80)
    for part in PARTS:
        for metric in ("f1_100", "f1_50", "precision_100", "recall_100", "precision_50", "recall_50"):
            assert s[part][metric] == 1.0, (part, metric)
        assert s[part]["ci"] == {"f1_100": [1.0, 1.0], "f1_50": [1.0, 1.0]}
    for part in ("components", "relations"):
        assert all(v["f1_100"] == 1.0 for v in s[part]["per_label"].values() if v["n_gold"])
    assert s["predictions"]["n_missing"] == 0 and s["model"]["predictions"] == str(preds)
    assert s["bootstrap"]["n"] == 200 and s["bootstrap"]["resampled"] == "documents"
    assert "100.0" in res.stdout


def test_dropping_a_third_of_the_units_lowers_recall_exactly(data_dir, tmp_path):
    gold = gold_docs(data_dir, "aaec", "test", "aaec-v2")
    pred = [drop_every_third(g) for g in gold]
    n_gold = sum(len(g.units) for g in gold)
    n_kept = sum(len(p.units) for p in pred)
    assert n_kept < n_gold
    _, s = evaluate(["--corpus", "aaec", "--split", "test", "--data-dir", data_dir, "--predictions",
                     write_jsonl(tmp_path / "p.jsonl", pred), "--bootstrap", 100], tmp_path)
    c = s["components"]
    assert (c["n_gold"], c["n_pred"], c["tp_100"], c["tp_50"]) == (n_gold, n_kept, n_kept, n_kept)
    assert c["recall_100"] == c["recall_50"] == n_kept / n_gold
    assert c["precision_100"] == c["precision_50"] == 1.0
    assert s["segmentation"]["recall_100"] == n_kept / n_gold
    assert s["relations"]["precision_100"] == 1.0 and s["relations"]["recall_100"] < 1.0
    lo, hi = c["ci"]["f1_100"]
    assert lo <= c["f1_100"] <= hi < 1.0


def test_missing_predictions_count_as_empty_and_are_reported(data_dir, tmp_path):
    gold = gold_docs(data_dir, "aaec", "test", "aaec-v2")
    kept, dropped = gold[3:], gold[:3]
    res, s = evaluate(["--corpus", "aaec", "--split", "test", "--data-dir", data_dir, "--predictions",
                       write_jsonl(tmp_path / "p.jsonl", kept), "--bootstrap", 0], tmp_path)
    assert s["predictions"]["n_missing"] == 3
    assert s["predictions"]["missing_ids"] == [d.id for d in dropped]
    n_dropped = sum(len(d.units) for d in dropped)
    c = s["components"]
    assert c["precision_100"] == 1.0 and c["recall_100"] == (c["n_gold"] - n_dropped) / c["n_gold"]
    assert "no prediction" in res.stderr and dropped[0].id in res.stderr
    assert "ci" not in c  # --bootstrap 0: no intervals


@pytest.mark.parametrize("corpus,split,folder", [("microtexts", "test", "arg-microtexts"),
                                                 ("abstrct", "neoplasm_dev", "abstrct"),
                                                 ("cdcp", "test", "cdcp"),
                                                 ("ukp", "all", "web-discourse-toulmin")])
def test_every_corpus_can_be_evaluated(data_dir, tmp_path, corpus, split, folder):
    gold = gold_docs(data_dir, corpus, split, folder)
    _, s = evaluate(["--corpus", corpus, "--split", split, "--data-dir", data_dir, "--predictions",
                     write_jsonl(tmp_path / "g.jsonl", gold), "--bootstrap", 50], tmp_path)
    assert (s["corpus"], s["split"], s["n_docs"]) == (corpus, split, len(gold))
    assert s["components"]["f1_100"] == 1.0 and s["segmentation"]["f1_50"] == 1.0
    if s["relations"]["n_gold"]:
        assert s["relations"]["f1_100"] == 1.0


@pytest.mark.slow  # mines a corpus split twice
def test_model_against_itself_differs_by_zero(data_dir, tiny_model_dir, tmp_path):
    gold_docs(data_dir, "microtexts", "test", "arg-microtexts")
    res, s = evaluate(["--corpus", "microtexts", "--split", "test", "--data-dir", data_dir,
                       "--model", tiny_model_dir, "--model", tiny_model_dir, "--bootstrap", 200], tmp_path)
    assert [r["model"]["name"] for r in s["systems"]] == ["tiny-test", "tiny-test"]
    assert s["systems"][0]["components"] == s["systems"][1]["components"]
    (cmp,) = s["comparisons"]
    for part in PARTS:
        for metric in ("f1_100", "f1_50"):
            r = cmp[part][metric]
            assert r["diff"] == 0.0 and r["ci"] == [0.0, 0.0] and r["p_value"] == 1.0
            assert r["a"] == r["b"] == s["systems"][0][part][metric]
    assert "B - A" in res.stdout


def test_bad_predictions_are_clean_errors(data_dir, tmp_path):
    gold = gold_docs(data_dir, "microtexts", "test", "arg-microtexts")
    args = ["evaluate", "--corpus", "microtexts", "--split", "test", "--data-dir", str(data_dir), "--predictions"]
    changed = gold[0].to_dict()
    changed["text"] = changed["text"] + " extra"
    cases = {
        "not-json.jsonl": "{not json\n",
        "changed.jsonl": json.dumps(changed) + "\n",
        "twice.jsonl": (json.dumps(gold[0].to_dict()) + "\n") * 2,
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        res = runner().invoke(app, args + [str(path)])
        assert res.exit_code == 2, name
        assert "argmine: error:" in res.stderr and "Traceback" not in res.stderr, name
        assert "line" in res.stderr, name
    res = runner().invoke(app, args + [str(tmp_path / "absent.jsonl")])
    assert res.exit_code == 2 and "absent.jsonl" in res.stderr


# -- the Python API (no corpus needed) --------------------------------------------------------------------------

from test_bootstrap import synthetic  # noqa: E402  (gold and predicted documents, no corpus needed)


def test_score_system_at_paragraph_level_resamples_documents():
    gold, pred = synthetic(12)
    scores, counts = score_system(gold, pred, level="paragraph", n_bootstrap=100, seed=0)
    assert len(counts) == 12 and scores["bootstrap"]["n_documents"] == 12
    assert scores["components"]["f1_100"] == score(gold, pred, "paragraph")["components"]["f1_100"]


def test_read_and_align_predictions(tmp_path):
    gold, pred = synthetic(5)
    path = write_jsonl(tmp_path / "p.jsonl", pred[1:] + [Document("other text", id="zz")])
    (tmp_path / "p.jsonl").write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a blank line
    preds = read_predictions(path)
    aligned, missing, unmatched = align_predictions(gold, preds)
    assert missing == ["d0"] and unmatched == ["zz"]
    assert aligned[0] == Document(gold[0].text, id="d0") and aligned[1:] == pred[1:]


def _table_result(corpus, f1_100, f1_50):
    part = {"f1_100": f1_100, "f1_50": f1_50, "n_gold": 10, "n_pred": 10, "per_label": {}}
    return {"model": {"name": "m"}, "corpus": corpus, "split": "all", "level": "essay", "n_docs": 3,
            "components": part, "relations": dict(part, f1_100=0.0, f1_50=0.0)}


@pytest.mark.parametrize("corpus, f1_100, f1_50, noted", [
    ("microtexts", 0.02, 0.60, "final punctuation"), ("arg-microtexts", 0.5, 0.55, "final punctuation"),
    ("aaec", 0.10, 0.60, "rarely equal"), ("aaec", 0.55, 0.65, None), ("aaec", 0.0, 0.0, None)])
def test_the_table_says_when_the_exact_match_f1_says_little(corpus, f1_100, f1_50, noted):
    from argmine.evaluate import format_scores

    last = format_scores(_table_result(corpus, f1_100, f1_50)).splitlines()[-1]
    if noted is None:
        assert not last.startswith("note:"), last
    else:
        assert last.startswith("note: F1 100% counts a unit only when") and noted in last
        assert "Read F1 50%" in last

"""benchmarks/run_all.py end to end with the tiny model on a few documents per corpus (``--quick``), and the
published-results table's rule that no figure is shown as checked unless it was."""
import json
import sys
from pathlib import Path

import pytest
from conftest import load_benchmark

pytestmark = pytest.mark.slow  # benchmarks/run_all.py end to end (accuracy on every corpus, speed subprocesses)

REPO = Path(__file__).resolve().parent.parent
_load = load_benchmark  # benchmarks/<name>.py by path (tests/conftest.py)


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory, tiny_model_dir, data_dir):
    run_all = _load("run_all")
    out = tmp_path_factory.mktemp("bench") / "results"
    res = run_all.main(["--quick", "--model", str(tiny_model_dir), "--out", str(out), "--data-dir", str(data_dir),
                        "--threads", "1"])
    return res, out


def test_quick_run_writes_report_json_and_plots(quick_run):
    res, out = quick_run
    report = out / "report.md"
    assert report.is_file() and report.stat().st_size > 0
    text = report.read_text(encoding="utf-8")
    assert "Quick run" in text  # a subsampled run says so
    assert "## Accuracy" in text and "## Speed and memory" in text and "## Published results on AAEC" in text
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    assert data["settings"]["quick"] is True and data["settings"]["max_docs"] == 3
    assert [s["name"] for s in data["accuracy"]["systems"]] == ["tiny-test"]
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        assert "matplotlib is not installed" in text
        return
    pngs = sorted(p.name for p in out.glob("*.png"))
    assert pngs == ["accuracy_vs_speed.png", "confusion_aaec_test.png", "per_label_f1_aaec_test.png"]
    for name in pngs:
        assert (out / name).stat().st_size > 1000
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"]({name})" in text


def test_quick_run_scores_every_present_corpus(quick_run, data_dir):
    res, out = quick_run
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    corpora = data["accuracy"]["corpora"]
    assert list(corpora) == ["aaec", "oped", "microtexts", "ukp", "abstrct", "cdcp", "webis"]
    label = data["accuracy"]["systems"][0]["label"]
    for key, c in corpora.items():
        assert c["status"] in ("ok", "skipped"), (key, c.get("reason"))
        if c["status"] == "skipped":
            assert "absent" in c["reason"]
            continue
        assert c["n_docs"] <= 3 and c["n_docs_total"] >= c["n_docs"]
        for level in c["levels"]:
            r = c["systems"][label][level]
            for part in ("components", "relations", "segmentation"):
                assert 0.0 <= r[part]["f1_100"] <= r[part]["f1_50"] + 1e-9 <= 1.0 + 1e-9
                lo, hi = r[part]["ci"]["f1_50"]
                assert 0.0 <= lo <= hi <= 1.0
    if corpora["aaec"]["status"] == "ok":
        assert corpora["aaec"]["levels"] == ["essay", "paragraph"]
    if corpora["webis"]["status"] == "ok":
        assert corpora["webis"]["segmentation_only"] is True


def test_confusion_matrix_counts_every_unit_once(quick_run):
    res, out = quick_run
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    aaec = data["accuracy"]["corpora"]["aaec"]
    if aaec["status"] != "ok":
        pytest.skip("AAEC absent")
    label = data["accuracy"]["systems"][0]["label"]
    conf = data["accuracy"]["confusion"][label]
    m, labels = conf["matrix"], conf["labels"]
    assert labels[-1] == "none" and m[-1][-1] == 0
    seg = aaec["systems"][label]["essay"]["segmentation"]
    gold_total = sum(sum(row) for row in m[:-1])  # every gold unit: matched to some prediction, or in the none column
    pred_total = sum(m[i][j] for i in range(len(m)) for j in range(len(m) - 1))
    assert gold_total == seg["n_gold"] and pred_total == seg["n_pred"]
    matched = sum(m[i][j] for i in range(len(m) - 1) for j in range(len(m) - 1))
    assert matched == seg["tp_50"]  # the same one-to-one pairing as segmentation F1 50%


def test_quick_run_speed_ratios(quick_run):
    res, out = quick_run
    data = json.loads((out / "results.json").read_text(encoding="utf-8"))
    (sp,) = data["speed"].values()
    assert "error" not in sp, sp.get("error")
    assert sp["speed_py"]["wordpieces"] > 0 and sp["encoder_baseline"]["wordpieces"] == sp["speed_py"]["wordpieces"]
    for k in ("wordpieces_per_s_vs_encoder", "docs_per_s_vs_encoder", "load_s_vs_encoder", "peak_rss_vs_encoder"):
        assert sp["ratios"][k] is not None and sp["ratios"][k] > 0


def test_absent_corpus_is_skipped_and_said(tmp_path, tiny_model_dir, data_dir):
    if not (data_dir / "aaec-v2").is_dir():
        pytest.skip("AAEC absent")
    run_all = _load("run_all")
    partial = tmp_path / "data"
    partial.mkdir()
    (partial / "aaec-v2").symlink_to(data_dir / "aaec-v2", target_is_directory=True)
    out = tmp_path / "out"
    res = run_all.main(["--quick", "--model", str(tiny_model_dir), "--out", str(out), "--data-dir", str(partial),
                        "--corpora", "aaec,cdcp", "--skip-speed", "--no-plots", "--bootstrap", "0", "--threads", "1"])
    assert res["accuracy"]["corpora"]["aaec"]["status"] == "ok"
    assert res["accuracy"]["corpora"]["cdcp"]["status"] == "skipped"
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "Skipped CDCP test" in text and "absent" in text
    assert "Not run (`--skip-speed`)" in text


def test_published_figures_are_never_shown_as_checked_without_a_source():
    published = _load("published")
    rows = published.rows()
    assert {r["work"] for r in rows} >= {"Stab & Gurevych 2017", "Eger et al. 2017", "Morio et al. 2022",
                                         "Bao et al. 2022", "Kawarada et al. 2024"}
    for r in rows:
        has_figure = r["components_f1"] is not None or r["relations_f1"] is not None
        assert r["level"] in ("essay", "paragraph") and r["criterion"]
        if not has_figure:
            assert r["status"] == published.BLANK
        elif r["status"] == published.VERIFIED:
            assert r.get("source"), f"{r['work']}: a verified figure must name its source"
        else:
            assert r["status"] == published.FROM_MEMORY
        assert r["citation"] and r["citation_status"]


def test_extractor_comparison_runs_and_argmines_extraction_keeps_every_sentence(tmp_path, monkeypatch):
    """benchmarks/extractors.py (issue 13: warcio + trafilatura against FastWARC + Resiliparse, both optional)."""
    pytest.importorskip("warcio")
    pytest.importorskip("trafilatura")
    ext = _load("extractors")
    out = tmp_path / "ex.json"
    monkeypatch.setattr(sys, "argv", ["extractors.py", "--pages", "6", "--json", str(out), "--md", str(tmp_path / "ex.md")])
    ext.main()
    res = json.loads(out.read_text(encoding="utf-8"))
    ours = res["extractors"][0]
    assert ours["extractor"] == "trafilatura (argmine)" and res["readers"][0]["records"] == 6
    assert (ours["sentences_kept"], ours["pages_with_furniture"], ours["pages_paragraphs_exact"]) == (1.0, 0, 6)
    names = [r["extractor"] for r in res["extractors"]] + res["skipped"]
    assert "resiliparse" in " ".join(names)  # measured, or named as skipped
    monkeypatch.setattr(ext, "available", lambda module: False)  # neither installed: argmine's side still measured
    ext.main()
    res = json.loads(out.read_text(encoding="utf-8"))
    assert res["skipped"] == ["fastwarc", "resiliparse"] and len(res["extractors"]) == len(res["readers"]) == 1


def test_leading_paragraphs_cut_the_text_and_keep_the_gold_inside():
    from argmine.data import ArgumentUnit, Document, Relation

    lp = _load("leading_paragraphs")
    text = "Ban cars downtown.\n\nTraffic kills. Air is dirty.\n\nSo act now."
    units = [ArgumentUnit("T1", 0, 17, "MajorClaim"), ArgumentUnit("T2", 20, 33, "Premise"),
             ArgumentUnit("T3", 51, 61, "MajorClaim")]
    doc = Document(text, units, [Relation("T2", "T1", "supports"), Relation("T2", "T3", "supports")], id="d")
    cut = lp.leading_paragraphs(doc, 2)
    assert cut.text == "Ban cars downtown.\n\nTraffic kills. Air is dirty."
    assert [u.id for u in cut.units] == ["T1", "T2"] and [(r.source, r.target) for r in cut.relations] == [("T2", "T1")]
    assert lp.leading_paragraphs(doc, 4) is None

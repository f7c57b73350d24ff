"""Score calibration (argmine.calibration), min_score filtering and the threads option."""
from __future__ import annotations

import json

import numpy as np
import pytest

from argmine.calibration import (CALIBRATION_FILE, FIT_METHODS, Calibrator, Example, ScoreCalibration, apply_maps,
                                 choose_method, cross_fitted, cross_validated_ece, expected_calibration_error,
                                 fit_calibrator, fit_maps, fit_shared_maps, group_keys, read_calibration, reliability)
from argmine.errors import ArgumentValueError
from argmine.data import ArgumentUnit, Document, Relation
from argmine.errors import ModelFormatError, OptionValueError


def _synthetic(n=600, seed=0):
    """Raw scores squeezed into [0.2, 0.6] whose true probability of being right is 2 * raw - 0.3 (clipped)."""
    rng = np.random.default_rng(seed)
    raw = rng.uniform(0.2, 0.6, n)
    correct = rng.uniform(size=n) < np.clip(2 * raw - 0.3, 0, 1)
    return raw, correct


@pytest.mark.parametrize("method", ["isotonic", "logistic"])
def test_calibrators_are_monotone_and_bounded(method):
    raw, correct = _synthetic()
    cal = fit_calibrator(raw, correct, method)
    grid = np.linspace(-0.5, 1.5, 201)  # out-of-range raw scores are clipped to [0, 1]
    p = cal(grid)
    assert p.shape == grid.shape
    assert np.all(np.diff(p) >= -1e-12) and p.min() >= 0 and p.max() <= 1
    assert expected_calibration_error(cal(raw), correct) < expected_calibration_error(raw, correct)


def test_one_class_and_a_negative_slope_give_a_constant():
    flat = fit_calibrator([0.1, 0.5, 0.9], [True, True, True], "logistic")
    assert flat.a == 0 and np.allclose(flat([0.0, 1.0]), flat(0.5)) and flat(0.5) > 0.5
    anti = fit_calibrator(np.linspace(0, 1, 100), np.linspace(0, 1, 100) < 0.5, "logistic")  # anti-correlated
    assert anti.a == 0
    with pytest.raises(ValueError, match="method must be one of"):
        fit_calibrator([0.5], [True], "platt")


def test_ece_matches_a_hand_computed_example():
    # 15 bins of width 1/15: 0.05 and 0.06 share bin 0, 0.5 is in bin 7, 0.95 and 1.0 in bin 14
    prob = [0.05, 0.06, 0.5, 0.5, 0.95, 1.0]
    correct = [False, True, True, True, True, False]
    # bin 0: mean prob 0.055, accuracy 0.5 -> |.| = 0.445, weight 2/6
    # bin 7: mean 0.5, accuracy 1.0 -> 0.5, weight 2/6
    # bin 14: mean 0.975, accuracy 0.5 -> 0.475, weight 2/6
    assert expected_calibration_error(prob, correct) == pytest.approx((0.445 + 0.5 + 0.475) / 3)
    rows = reliability(prob, correct)
    assert [r["n"] for r in rows] == [2, 2, 2] and rows[-1]["lo"] == pytest.approx(14 / 15)
    assert expected_calibration_error([], []) == 0.0
    assert expected_calibration_error([0.3, 0.7], [False, True], n_bins=1) == pytest.approx(0.0)


def test_groups_fall_back_to_their_layout_then_to_the_pool():
    assert group_keys("essay", "Claim") == ("essay/Claim", "essay/*", "*")
    raw, correct = _synthetic(200)
    exs = [Example("essay", "Premise", r, c, f"d{i % 20}") for i, (r, c) in enumerate(zip(raw, correct))]
    exs += [Example("other", "Claim", 0.4, i % 4 == 0, f"o{i}") for i in range(10)]  # too few for their own maps
    maps = fit_maps(exs, "isotonic", min_samples=30)
    assert set(maps) == {"*", "essay/*", "essay/Premise"}
    assert apply_maps(maps, "other", "Claim", 0.4) == pytest.approx(float(maps["*"](0.4)))
    assert apply_maps({}, "other", "Claim", 0.4) == 0.4  # no map at all: the raw score
    oof = cross_fitted(exs, "logistic", folds=5)
    assert oof.shape == (len(exs),) and np.all((oof >= 0) & (oof <= 1))
    method, ece = choose_method(exs, folds=3, methods=("isotonic", "logistic", "shared-1"))
    assert method in FIT_METHODS and ece[method] == min(ece.values())


def _grouped(seed=0):
    """Two layouts x two labels sharing one slope on logit(raw) with different offsets, plus a group of 6 examples."""
    rng = np.random.default_rng(seed)
    exs = []
    for (layout, label, offset, n) in (("essay", "Claim", 0.5, 300), ("essay", "Premise", 1.5, 400),
                                       ("other", "Claim", -0.5, 300), ("other", "MajorClaim", -1.0, 6)):
        raw = rng.uniform(0.15, 0.6, n)
        p = 1 / (1 + np.exp(-(1.2 * np.log(raw / (1 - raw)) + offset)))
        exs += [Example(layout, label, float(r), bool(c), f"{layout}:d{i % 25}")
                for i, (r, c) in enumerate(zip(raw, rng.uniform(size=n) < p))]
    return exs


def test_shared_maps_have_one_slope_and_shrink_small_groups():
    exs = _grouped()
    maps = fit_shared_maps(exs, strength=1.0)
    assert set(maps) == {"essay/Claim", "essay/Premise", "other/Claim", "other/MajorClaim"}
    assert len({m.a for m in maps.values()}) == 1 and 0.6 < maps["essay/Claim"].a < 2.0  # one slope, near 1.2
    assert maps["essay/Premise"].b > maps["essay/Claim"].b > maps["other/Claim"].b  # the groups' offsets, in order
    assert (maps["other/MajorClaim"].n, maps["essay/Premise"].n) == (6, 400)
    weak = fit_shared_maps(exs, strength=0.001)  # strong shrinkage: groups near their layout's intercept
    assert abs(weak["essay/Claim"].b - weak["essay/Premise"].b) < 0.2 < maps["essay/Premise"].b - maps["essay/Claim"].b
    assert weak["essay/Claim"].b - weak["other/Claim"].b > 0.5  # layouts keep their own base rates
    grid = np.linspace(0, 1, 101)
    assert all(np.all(np.diff(m(grid)) >= -1e-12) for m in maps.values())
    anti = [Example("essay", "Claim", r, r < 0.5, f"d{i}") for i, r in enumerate(np.linspace(0.01, 0.99, 200))]
    assert fit_shared_maps(anti)["essay/Claim"].a == 0  # a negative slope: intercepts only
    same = fit_shared_maps([Example("essay", "Claim", 0.3, True, "d")] * 5)["essay/Claim"]
    assert same.a == 0 and same(0.1) > 0.5


def test_fit_maps_shared_keeps_the_fallbacks_and_refuses_unknown_methods():
    exs = _grouped()
    maps = fit_maps(exs, "shared-0.1", min_samples=30)
    assert set(maps) == {"*", "essay/*", "other/*", "essay/Claim", "essay/Premise", "other/Claim", "other/MajorClaim"}
    assert all(m.method == "logistic" for m in maps.values())  # stored as ordinary logistic maps
    assert maps["essay/Claim"].a == maps["other/MajorClaim"].a != maps["*"].a
    assert "shared-0.1" in FIT_METHODS and "isotonic" in FIT_METHODS
    for bad in ("shared-0", "shared-x", "shared-", "platt"):
        with pytest.raises(ArgumentValueError, match="method must be"):
            fit_maps(exs, bad)
    with pytest.raises(ArgumentValueError, match="strength > 0"):
        fit_shared_maps(exs, strength=0)


def test_cross_validated_ece_averages_corpora_and_deals():
    exs = _grouped()
    one = cross_validated_ece(exs, "shared-1", folds=5, seed=0)
    y = np.array([e.correct for e in exs])
    p = cross_fitted(exs, "shared-1", 5, 0)
    essay = np.array([e.doc.startswith("essay:") for e in exs])
    assert one == pytest.approx((expected_calibration_error(p[essay], y[essay])
                                 + expected_calibration_error(p[~essay], y[~essay])) / 2)
    two = cross_validated_ece(exs, "shared-1", folds=5, seed=0, repeats=2)
    assert two == pytest.approx((one + cross_validated_ece(exs, "shared-1", 5, 1)) / 2)
    method, ece = choose_method(exs, folds=3, methods=("logistic", "shared-0.1", "isotonic"))
    assert set(ece) == {"logistic", "shared-0.1", "isotonic"} and ece[method] == min(ece.values())


def test_a_calibration_json_of_the_first_format_still_loads(tmp_path):
    old = {"format": "argmine-calibration", "version": 1, "fingerprint": {}, "info": {"method": {"units": "logistic"}},
           "units": {"*": {"method": "logistic", "a": 1.15, "b": 1.83, "n": 10, "n_correct": 7},
                     "essay/Claim": {"method": "isotonic", "x": [0.1, 0.5], "y": [0.2, 0.8], "n": 5, "n_correct": 3}},
           "relations": {"*": {"method": "logistic", "a": 0.2, "b": -1.0}}}
    (tmp_path / CALIBRATION_FILE).write_text(json.dumps(old))
    cal = read_calibration(tmp_path)
    assert cal.unit("essay", "Claim", 0.3) == pytest.approx(0.5)
    assert cal.unit("other", "Premise", 0.5) == pytest.approx(1 / (1 + np.exp(-1.83)))


def test_calibration_json_roundtrip(tmp_path):
    raw, correct = _synthetic()
    cal = ScoreCalibration({"*": fit_calibrator(raw, correct, "isotonic")},
                           {"*": fit_calibrator(raw, correct, "logistic")}, {"weights_sha256": "ab"}, {"note": "x"})
    assert read_calibration(tmp_path) is None  # no calibration.json: raw scores
    path = cal.save(tmp_path)
    assert path.name == CALIBRATION_FILE
    back = read_calibration(tmp_path)
    assert back.fingerprint == cal.fingerprint and back.info == cal.info
    grid = np.linspace(0, 1, 50)
    assert np.allclose(back.units["*"](grid), cal.units["*"](grid), atol=1e-5)
    assert np.allclose(back.relations["*"](grid), cal.relations["*"](grid))
    assert json.loads(path.read_text())["units"]["*"]["method"] == "isotonic"  # plain JSON, no pickle


@pytest.mark.parametrize("bad", [{"format": "other"}, {"method": "isotonic", "x": [0.5, 0.1], "y": [0.1, 0.2]},
                                 {"method": "isotonic", "x": [0.1], "y": [1.5]}, {"method": "logistic", "a": -1, "b": 0}])
def test_broken_calibration_files_are_refused(tmp_path, bad):
    doc = bad if "format" in bad else {"format": "argmine-calibration", "version": 1, "units": {"*": bad}, "relations": {}}
    (tmp_path / CALIBRATION_FILE).write_text(json.dumps(doc))
    with pytest.raises(ModelFormatError, match="calibration.json"):
        read_calibration(tmp_path)
    with pytest.raises(ValueError):
        Calibrator.from_dict({"method": "spline"})


def _doc():
    units = [ArgumentUnit("U1", 0, 4, "MajorClaim", 0.9), ArgumentUnit("U2", 5, 9, "Claim", 0.2),
             ArgumentUnit("U3", 10, 14, "Premise", 0.6), ArgumentUnit("U4", 15, 19, "Premise", 0.1)]
    rels = [Relation("U2", "U1", "supports", 0.8), Relation("U3", "U2", "supports", 0.7),
            Relation("U4", "U3", "attacks", 0.9)]
    return Document("aaaa bbbb cccc dddd", units, rels, id="d")


def test_min_score_drops_units_and_every_relation_touching_them():
    from argmine.miner import drop_below

    doc = drop_below(_doc(), 0.5)
    assert [u.id for u in doc.units] == ["U1", "U3"]
    assert doc.relations == []  # U2 and U4 went: both relations to or from them too
    doc.validate()
    assert drop_below(_doc(), 0.15).relations == _doc().relations[:2]
    assert drop_below(_doc(), None) == _doc() and drop_below(_doc(), 0.0) == _doc()
    assert doc.meta["units_dropped"] == 2


@pytest.mark.parametrize("bad", [-0.1, 1.5, "0.5", True, float("nan")])
def test_min_score_must_be_a_probability(bad):
    from argmine.miner import check_min_score

    with pytest.raises(OptionValueError, match="min_score must be a number from 0 to 1"):
        check_min_score(bad)


def test_calibrate_document_keeps_the_raw_score_and_the_decisions():
    from argmine.miner import calibrate_document

    maps = {"*": Calibrator("logistic", a=0.0, b=0.0)}  # everything -> 0.5
    cal = ScoreCalibration({"essay/Claim": Calibrator("isotonic", x=[0, 1], y=[0.1, 0.3]), **maps}, dict(maps))
    doc = calibrate_document(_doc(), cal, "essay")
    assert [u.score for u in doc.units] == [0.5, pytest.approx(0.14), 0.5, 0.5]
    assert [u.extra["raw_score"] for u in doc.units] == [0.9, 0.2, 0.6, 0.1]
    assert [(r.source, r.target, r.label) for r in doc.relations] == [(r.source, r.target, r.label) for r in _doc().relations]
    assert all(r.score == 0.5 and "raw_score" in r.extra for r in doc.relations)
    assert doc.meta["scores"] == "calibrated"
    assert Document.from_dict(doc.to_dict()) == doc


@pytest.mark.parametrize("bad", [0, -2, 1.5, "2", True])
def test_threads_must_be_a_positive_integer(tiny_model_dir, bad):
    import argmine

    with pytest.raises(OptionValueError, match=r"threads must be a positive integer; got "):
        argmine.load(tiny_model_dir, device="cpu", threads=bad)


def test_threads_are_set_at_load_and_never_above_the_free_cores(tiny_model_dir):
    import torch

    import argmine
    from argmine.threads import free_cores, usable_cores

    before = torch.get_num_threads()
    try:
        argmine.load(tiny_model_dir, device="cpu", threads=1)
        assert torch.get_num_threads() == 1
        argmine.load(tiny_model_dir, device="cpu")  # automatic: never raises torch's setting
        assert torch.get_num_threads() == 1
        assert 1 <= free_cores(0.05) <= usable_cores()
    finally:
        torch.set_num_threads(before)


def test_a_model_without_calibration_loads_with_raw_scores(tiny_model_dir, tmp_path):
    import argmine

    miner = argmine.load(tiny_model_dir, device="cpu")
    assert miner.calibration is None
    doc = miner.mine("Cities should build bike lanes because they make streets safer for everyone who rides.")
    assert "scores" not in doc.meta and all("raw_score" not in u.extra for u in doc.units)


def test_html_page_fades_units_by_score():
    from argmine.export import to_html

    page = to_html(_doc())
    assert 'style="--s:0.10"' in page and 'style="--s:0.90"' in page  # text spans and graph nodes
    assert "opacity:calc(.4 + .6 * var(--s, 1))" in page
    assert "raw confidence" in page
    cal = _doc()
    cal.meta["scores"] = "calibrated"
    assert "probability that the unit is right" in to_html(cal)


def test_cli_mine_takes_threads_and_min_score(tiny_model_dir, tmp_path):
    from typer.testing import CliRunner

    from argmine.cli import app

    src = tmp_path / "t.txt"
    src.write_text("Cities should build bike lanes. Painted lines do not stop cars, but kerbs keep drivers out.\n\n"
                   "Critics say lanes hurt shops. However, people on bikes visit shops more often.\n", encoding="utf-8")
    base = ["mine", str(src), "--model", str(tiny_model_dir)]
    every = json.loads(CliRunner().invoke(app, base + ["--threads", "1"]).stdout)
    kept = json.loads(CliRunner().invoke(app, base + ["--threads", "1", "--min-score", "0.5"]).stdout)
    assert {u["id"] for u in kept["units"]} == {u["id"] for u in every["units"] if u["score"] >= 0.5}
    Document.from_dict(kept).validate()
    for bad in (["--threads", "0"], ["--min-score", "2"]):
        res = CliRunner().invoke(app, base + bad)
        assert res.exit_code == 2 and "must be" in (res.stderr if hasattr(res, "stderr") else res.output)


def test_load_applies_a_matching_calibration_and_ignores_a_stale_one(tiny_model_dir, tmp_path):
    import shutil
    import warnings

    import argmine
    from argmine.calibration import model_fingerprint
    from argmine.model.directory import read_config, weights_file

    model = tmp_path / "m"
    shutil.copytree(tiny_model_dir, model)
    fp = model_fingerprint(weights_file(model), read_config(model).get("decoding"))
    half = {"*": Calibrator("logistic", a=0.0, b=0.0)}  # every score -> 0.5
    ScoreCalibration(dict(half), dict(half), fp).save(model)
    text = "Cities should build bike lanes because they make streets safer for everyone who rides."
    doc = argmine.load(model, device="cpu").mine(text)
    assert doc.meta["scores"] == "calibrated" and all(u.score == 0.5 and "raw_score" in u.extra for u in doc.units)
    raw = argmine.load(model, device="cpu", calibrated=False).mine(text)
    assert [u.score for u in raw.units] == [u.extra["raw_score"] for u in doc.units]
    ScoreCalibration(dict(half), dict(half), {**fp, "weights_sha256": "0" * 64}).save(model)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert argmine.load(model, device="cpu").calibration is None
    assert any("fitted for other weights" in str(w.message) for w in caught)


def test_the_shipped_calibration_fits_the_shipped_model():
    from argmine.calibration import model_fingerprint
    from argmine.model.directory import default_model_dir, read_config, weights_file

    path = default_model_dir()
    cal = read_calibration(path)
    if cal is None:
        pytest.skip("the shipped model has no calibration.json (scores are raw)")
    assert cal.fingerprint == model_fingerprint(weights_file(path), read_config(path).get("decoding")), (
        "models/argmine-default/calibration.json was fitted for other weights or decoding options: refit it with "
        "python benchmarks/calibrate.py --model models/argmine-default --data-dir ../shared/data")
    grid = np.linspace(0, 1, 101)
    for m in list(cal.units.values()) + list(cal.relations.values()):
        p = m(grid)
        assert np.all(np.diff(p) >= -1e-12) and p.min() >= 0 and p.max() <= 1

"""Integration tests on the shipped default model (a few seconds on a CPU)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import contract_checker_path

import argmine
from argmine.noise import noise_spans

pytestmark = pytest.mark.slow  # the shipped 23M-parameter model on several texts and through the CLI

ROOT = Path(__file__).resolve().parent.parent
OPED = ROOT / "data" / "examples" / "oped.txt"


@pytest.fixture(scope="module")
def miner():
    return argmine.load()


def test_default_model_is_shipped_and_small():
    from argmine.model.directory import default_model_dir

    d = default_model_dir()
    size = sum(f.stat().st_size for f in d.iterdir())
    assert size < 100 * 1024 * 1024
    assert (d / "model.safetensors").exists() and (d / "README.md").exists()
    assert not [f for f in d.iterdir() if f.suffix in (".bin", ".pt", ".pkl")]


def test_mines_example_oped(miner):
    text = OPED.read_text(encoding="utf-8")
    doc = miner.mine(text, id="oped")
    doc.validate()
    labels = [u.label for u in doc.units]
    assert "MajorClaim" in labels and "Premise" in labels
    assert doc.relations
    # page noise (headline, byline, caption, "Leave a Reply") is never a unit
    for s, e in noise_spans(text):
        assert not any(u.start < e and u.end > s for u in doc.units), text[s:e]


def test_cli_mine_output_keeps_contract(tmp_path):
    out = tmp_path / "oped.json"
    r = subprocess.run([sys.executable, "-m", "argmine.cli", "mine", str(OPED), "-o", str(out)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["text"] == OPED.read_text(encoding="utf-8")
    assert argmine.Document.from_dict(d).to_dict() == d
    checker = contract_checker_path()
    if checker.exists():
        r = subprocess.run([sys.executable, str(checker), str(out), str(OPED)], capture_output=True, text=True)
        assert r.returncode == 0, r.stdout + r.stderr


def test_webis_editorial_with_page_noise(miner, data_dir):
    """A real editorial wrapped in typical page furniture: none of the furniture comes back as a unit."""
    from argmine.corpora.webis import read_webis

    doc = read_webis(data_dir, "validation")[0]
    furniture_top = ["Opinion", "By Staff Editorial Board", "Protesters gather outside parliament. (Photo: Reuters)",
                     "Photograph: Getty Images", "Updated 3:45 PM ET, Tue March 3, 2015"]
    furniture_end = ["Read more: Related coverage", "Share this article on Facebook", "Leave a Reply",
                     "Your email address will not be published. Required fields are marked *"]
    text = "\n".join(furniture_top) + "\n\n" + doc.text + "\n\n" + "\n".join(furniture_end) + "\n"
    pred = miner.mine(text)
    pred.validate()
    body_start = text.index(doc.text)
    body_end = body_start + len(doc.text)
    assert pred.units, "an editorial must yield units"
    for u in pred.units:
        assert body_start <= u.start and u.end <= body_end, text[u.start:u.end]


def test_shipped_model_types_evidence(miner):
    """Every unit of the example op-ed carries a Webis evidence type and its probability."""
    from argmine.model.network import EVIDENCE_TYPES

    doc = miner.mine(OPED.read_text(encoding="utf-8"))
    assert doc.units
    assert all(u.extra["evidence_type"] in EVIDENCE_TYPES and 0 < u.extra["evidence_score"] <= 1 for u in doc.units)
    assert miner.config.evidence_input == "span" and miner.config.training["evidence_head"]["frozen"]


def test_shipped_model_evidence_types_vary_on_editorials(miner, data_dir):
    """On real editorials the head does not answer the majority type every time."""
    from argmine.corpora.webis import read_webis

    docs = read_webis(data_dir, "validation")[:10]
    types = {u.extra["evidence_type"] for d in miner.mine_batch([d.text for d in docs]) for u in d.units}
    assert "assumption" in types and len(types) >= 3


def test_the_readme_quick_start_runs_as_pasted(monkeypatch):
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Python quick start\n\n```python\n(.*?)```", readme, re.S).group(1)
    monkeypatch.chdir(ROOT)
    scope: dict = {}
    exec(compile(block, "README.md quick start", "exec"), scope)
    assert len(scope["docs"]) == 2 and scope["doc"].units
    assert all(u.score >= 0.7 for u in scope["sure"].units)

"""The learned furniture-line classifier (argmine.boilerplate) beside the rules of argmine.noise.

Names, places and sentences below are made up for these tests. The argmine-oped check reads the corpus at run time
and is skipped when it is not there.
"""
import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from argmine import boilerplate, noise
from argmine.boilerplate import DEFAULT_MODEL_PATH, LineModel, load_model
from argmine.noise import noise_lines, noise_spans

ROOT = Path(__file__).resolve().parent.parent
ARGUMENTATIVE = [l for l in (Path(__file__).parent / "fixtures" / "argumentative.txt").read_text(
    encoding="utf-8").splitlines() if l.strip()]
BODY = [
    "Cities should ban cars from their centres. Traffic kills thousands every year, and the air is dirty.",
    "We should raise taxes on sugary drinks. Obesity costs the health system billions every year.",
    "Critics say such taxes hurt the poor, but the poor also suffer most from diabetes.",
    "In the end, a modest tax is a small price for healthier children and a fairer health system.",
]
FURNITURE = [
    # the issue's caption shape, with made-up names
    "Odile Marchetti pets Biscuit, alongside Teodor Brannvik (right). March 2023, in Valparaiso, Chile.",
    "Senator Halvard Quist pets his dog Pimento, alongside his wife Ines (left). June 2021, in Tromso, Norway.",
    "(Read the analysis in Japanese.)",
    "(Read the analysis in Spanish.)",
    "Corinne Albescu teaches history at a public high school in Duluth.",
    "Bartholomew Ngata teaches history at a public high school in Hamilton.",
]


PAGE_TEXT = "\n\n".join(BODY + ["Share this article"])


def _page(line, where):
    lines = BODY[:2] + [line] + BODY[2:] if where == "middle" else BODY + [line]
    return "\n\n".join(lines)


@pytest.mark.parametrize("where", ["middle", "end"])
@pytest.mark.parametrize("line", FURNITURE)
def test_issue_examples_are_flagged_and_body_is_not(line, where):
    text = _page(line, where)
    flagged = {text[s:e] for s, e in noise_spans(text)}
    assert line in flagged, line
    assert not flagged & set(BODY), flagged & set(BODY)


def test_captions_and_language_lines_the_rules_miss():
    # the learned model adds these; the rules alone leave them (a regression guard for the combination)
    for line in FURNITURE[:4]:
        text = _page(line, "middle")
        assert line not in {text[s:e] for s, e in noise_spans(text, learned=False)}
        assert line in {text[s:e] for s, e in noise_spans(text, learned=True)}


def test_argumentative_sentences_on_a_page_are_not_flagged():
    text = "\n\n".join(ARGUMENTATIVE)
    assert noise_spans(text, learned=True) == []
    text = "\n".join(ARGUMENTATIVE)  # one sentence per line, no blank lines
    assert noise_spans(text, learned=True) == []


@pytest.mark.parametrize("text", [
    "Cities should ban cars from their centres. Traffic kills thousands every year, and the air is dirty.",
    "We should raise taxes on sugary drinks. Obesity costs the health system billions. Moreover, a tax in Mexico "
    "cut consumption by 12 percent. Critics say such taxes hurt the poor, but the poor also suffer most from diabetes.",
    "Cities should build protected bike lanes",
])
def test_short_arguments_are_never_furniture(text):
    assert noise_spans(text, learned=True) == []


def test_short_sentences_one_per_paragraph_are_left_to_the_rules():
    """A text with fewer than two paragraphs of prose (a comment, a microtext written one sentence per paragraph)
    is not a page: the learned model does not judge it."""
    text = "We must act on climate now.\n\nFloods doubled in ten years across the region.\n\nSo act."
    assert noise_spans(text, learned=True) == noise_spans(text, learned=False) == []


def test_rules_only_switch(monkeypatch):
    text = _page(FURNITURE[0], "middle")
    assert noise_spans(text, learned=False) == []
    try:
        noise.set_learned(False)
        assert noise_spans(text) == []
        noise.set_learned(True)
        assert noise_spans(text) != []
        noise.set_learned(None)
        monkeypatch.setenv(noise.LEARNED_ENV, "rules")
        assert not noise.learned_enabled()
        assert noise_spans(text) == []
        monkeypatch.delenv(noise.LEARNED_ENV)
        assert noise.learned_enabled()
        assert noise_spans(text) != []
    finally:
        noise.set_learned(None)
    with pytest.raises(TypeError):
        noise.set_learned("rules")


def test_kinds_and_threshold():
    text = _page(FURNITURE[0], "middle")
    kinds = {text[s:e]: k for s, e, k in noise_lines(text)}
    assert kinds[FURNITURE[0]] in noise.KINDS
    # a threshold above 1 turns the model off
    assert noise_spans(text, threshold=1.01) == noise_spans(text, learned=False)


def test_model_file_is_json_not_pickle_and_small():
    raw = DEFAULT_MODEL_PATH.read_bytes()
    assert DEFAULT_MODEL_PATH.parent.name == "resources" and DEFAULT_MODEL_PATH.parent.parent.name == "argmine"
    assert len(raw) < 2_000_000
    assert raw[:1] == b"{" and not raw.startswith(b"\x80")
    d = json.loads(raw.decode("utf-8"))
    assert d["format"] == boilerplate.FORMAT
    assert d["coef"]["dtype"] == "<f2"
    assert 0.0 < d["threshold"] < 1.0
    assert d["classes"][0] == "body" and set(d["classes"][1:]) <= set(noise.KINDS)
    assert not list(DEFAULT_MODEL_PATH.parent.glob("*.pkl")) and not list(DEFAULT_MODEL_PATH.parent.glob("*.joblib"))


def test_round_trip(tmp_path):
    model = load_model()
    path = tmp_path / "m.json"
    path.write_text(model.to_json(), encoding="utf-8")
    again = load_model(path)
    lines = FURNITURE + BODY
    assert list(again.proba(lines)) == pytest.approx(list(model.proba(lines)), abs=1e-5)
    assert again.threshold == model.threshold
    with pytest.raises(ValueError):
        LineModel.from_json(json.dumps({"format": "something else"}))


def test_loading_is_lazy():
    code = ("import sys, argmine, argmine.noise\n"
            "assert 'argmine.boilerplate' not in sys.modules\n"
            "import argmine.boilerplate as b\n"
            "assert not b._CACHE\n"
            "argmine.noise.noise_spans('One line.\\n\\nAnother line.')\n"
            "assert not b._CACHE  # no paragraph of prose: the rules alone\n"
            f"page = {PAGE_TEXT!r}\n"
            "argmine.noise.noise_spans(page, learned=False)\n"
            "assert not b._CACHE\n"
            "argmine.noise.noise_spans(page)\n"
            "assert b._CACHE\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    env.pop(noise.LEARNED_ENV, None)
    res = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), env=env, capture_output=True, text=True,
                         timeout=120)
    assert res.returncode == 0, res.stderr


def test_features_are_stable_and_bounded():
    idx, val, dense = boilerplate.line_features("Photo: Jane Doe/Reuters", position=3, n_lines=10)
    assert idx == sorted(set(idx)) and all(0 <= i < boilerplate.FEATURE_SPEC["n_hash"] for i in idx)
    assert len(dense) == len(boilerplate.DENSE_NAMES)
    assert boilerplate.line_features("Photo: Jane Doe/Reuters", position=3, n_lines=10) == (idx, val, dense)
    # any str, lone surrogates included
    boilerplate.line_features("bad \ud800 text", position=0, n_lines=1)
    with pytest.raises(TypeError):
        boilerplate.line_features(None, position=0, n_lines=1)


def test_hashed_features_equal_the_token_count_definition():
    """Oracle: the sparse features are the line's tokens (``_tokens``) hashed by CRC-32, counted, scaled to unit
    length; the per-word caches of the fast path must give exactly these numbers, on a first and a repeated line."""
    import math
    import zlib
    from collections import Counter

    spec = boilerplate.FEATURE_SPEC
    lines = ["Photo: Jane Doe/Reuters", "The council should fund 2 more bus lanes, and the 2024 budget allows it. " * 9,
             "", "Ünïcödé wörds and ß", "Read this in Spanish | Leer en español"]
    for line in lines + lines:
        s = line.strip()
        words = boilerplate._WORD.findall(s)
        c = Counter(zlib.crc32(t.encode("utf-8", "surrogatepass")) % spec["n_hash"]
                    for t in boilerplate._tokens(s, words, 2, 9, spec))
        norm = math.sqrt(sum(v * v for v in c.values()))
        idx, val, _ = boilerplate.line_features(line, position=2, n_lines=9)
        assert idx == sorted(c)
        assert val == pytest.approx([c[i] / norm for i in sorted(c)], rel=1e-12)


def _oped_dev():
    from argmine.corpora.base import find_data_dir

    try:
        path = find_data_dir() / "argmine-oped" / "dev.jsonl"
    except FileNotFoundError:
        pytest.skip("corpus directory not found")
    if not path.is_file():
        pytest.skip("argmine-oped dev not found")
    return path


def test_oped_dev_body_paragraphs_are_rarely_flagged():
    from argmine.data import Document
    from argmine.text import paragraph_spans

    path = _oped_dev()
    n_paras = flagged = 0
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = Document.from_dict(json.loads(line))
            n_paras += len(paragraph_spans(doc.text))
            flagged += len(noise_spans(doc.text, learned=True))
    assert n_paras > 100
    assert flagged / n_paras < 0.01, (flagged, n_paras)


# -- the kinds added to the synthetic training lines (benchmarks/boilerplate_synth_more.py) -----------------------
# Lines written for these tests (made-up names and outlets), a few per kind; the page body is data/examples/oped.txt.
OPED = (ROOT / "data" / "examples" / "oped.txt").read_text(encoding="utf-8")
OPED_BODY = [p.strip() for p in OPED.split("\n\n") if p.strip()][1:-1]
FOOT_KINDS = {
    "author_bio": ["Ilse Vandermeer runs the science pages of the Harbour Gazette.",
                   "Tomasz Wierzba is a transport economist who advised the regional rail board.",
                   "Greta Solberg chairs the Eastside Tenants' Association and lives in Bergen."],
    "publication_note": ["You may republish this column free of charge under a Creative Commons licence.",
                         "This column first appeared in Portuguese in the Diario do Vale.",
                         "We are an independent, reader-funded newsroom."],
    "advertisement": ["Write for us: pitch an idea to our opinion editors", "Keep our reporting free: donate today"],
    "newsletter": ["The week's sharpest opinion, in your inbox every Saturday", "Get our evening briefing"],
    "comment_prompt": ["Only subscribers can comment on this article.", "Join the debate (48 comments)"],
    "disclaimer": ["By clicking Accept, you consent to our use of cookies for advertising and analytics.",
                   "We and our partners use cookies to personalise the ads you see."],
}
MID_KINDS = {
    "caption": ["Rental bikes parked outside a railway station in Utrecht", "A courier waits at a tram stop in Lyon"],
    "navigation": ["Versi\u00f3n en espa\u00f1ol", "EN | FR | DE"],
}


def _oped_page(extra, where):
    body = list(OPED_BODY)
    lines = body[:3] + extra + body[3:] if where == "middle" else body + extra
    return "\n\n".join(lines)


@pytest.mark.parametrize("kind,line", [(k, l) for k, ls in FOOT_KINDS.items() for l in ls])
def test_added_kinds_at_the_foot_are_flagged(kind, line):
    text = _oped_page([line, "Share this article"], "end")
    flagged = {text[s:e] for s, e in noise_spans(text)}
    assert line in flagged, (kind, line)
    assert not flagged & set(OPED_BODY)


@pytest.mark.parametrize("kind,line", [(k, l) for k, ls in MID_KINDS.items() for l in ls])
def test_added_kinds_between_paragraphs_are_flagged(kind, line):
    text = _oped_page([line], "middle")
    flagged = {text[s:e] for s, e in noise_spans(text)}
    assert line in flagged, (kind, line)
    assert not flagged & set(OPED_BODY)


def test_second_bio_sentence_on_its_own_line():
    bio = ["Marta Quiroga edits the data pages of the Valley Voice.",
           "She previously spent six years at the national statistics office."]
    text = _oped_page(["\n".join(bio)], "end")
    got = {text[s:e]: k for s, e, k in noise_lines(text)}
    assert all(got.get(b) == "author_bio" for b in bio), got
    assert not set(got) & set(OPED_BODY)


def test_related_headlines_under_a_header():
    items = ["Related", "Pension reform: a guide for the self-employed?", "Why renters are worried about rates"]
    text = _oped_page(["\n".join(items)], "end")
    flagged = {text[s:e] for s, e in noise_spans(text)}
    assert set(items) <= flagged


def test_oped_body_sentences_are_kept():
    """Every body paragraph of the example op-ed stays, as a paragraph and one sentence per line."""
    assert not {OPED[s:e] for s, e in noise_spans(OPED)} & set(OPED_BODY)
    sentences = [x for p in OPED_BODY for x in re.split(r"(?<=[.!?])\s+(?=[A-Z])", p)]
    text = "\n".join(sentences)
    assert noise_spans(text) == []

"""The news-page furniture test set (data/examples/news_pages) and argmine.noise on it.

The pages are made-up copy-pastes of opinion pages written for argmine (CC0): each line of page furniture is
marked ``#<kind>: ``, every other non-blank line is op-ed body. See data/examples/news_pages/README.md.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from argmine.corpora.news_pages import noise_scores, parse_news_page, read_news_pages
from argmine.noise import KINDS, noise_lines

ROOT = Path(__file__).resolve().parent.parent
PAGES_DIR = ROOT / "data" / "examples" / "news_pages"
PAGES = read_news_pages(PAGES_DIR)
FILES = sorted(PAGES_DIR.glob("*.txt"))


def _body_lines(text, gold):
    noise = {text[s:e] for s, e, _ in gold}
    return [l.strip() for l in text.splitlines() if l.strip() and l.strip() not in noise]


# -- the loader -------------------------------------------------------------------------------------------------
def test_loader_round_trips_markup():
    marked = "#title: Paint Is Not Protection\nCities should build kerbs, because paint stops nobody.\n" \
             "#comment_prompt:   Leave a Reply  \n"
    text, gold = parse_news_page(marked)
    assert text == "Paint Is Not Protection\nCities should build kerbs, because paint stops nobody.\n  Leave a Reply  \n"
    assert gold == [(0, 23, "title"), (81, 94, "comment_prompt")]
    assert [text[s:e] for s, e, _ in gold] == ["Paint Is Not Protection", "Leave a Reply"]


def test_loader_keeps_line_breaks_and_hashtags():
    text, gold = parse_news_page("#byline: By Jane Doe\r\n\r\n#MeToo changed how newsrooms work.\r\n#tags: Tags: media")
    assert text == "By Jane Doe\r\n\r\n#MeToo changed how newsrooms work.\r\nTags: media"
    assert [(text[s:e], k) for s, e, k in gold] == [("By Jane Doe", "byline"), ("Tags: media", "tags")]


def test_loader_rejects_bad_markup(tmp_path):
    with pytest.raises(ValueError, match="kind must be one of"):
        parse_news_page("#headline: Paint Is Not Protection\nBody.")
    with pytest.raises(ValueError, match="must have text"):
        parse_news_page("#title: \nBody.")
    with pytest.raises(TypeError):
        parse_news_page(b"#title: x")
    with pytest.raises(FileNotFoundError, match=r"^\[E003\] a directory of news pages"):
        read_news_pages(tmp_path / "missing")
    with pytest.raises(FileNotFoundError, match="at least one"):
        read_news_pages(tmp_path)


def test_files_round_trip():
    """Putting the prefixes back into each text gives the file again."""
    assert len(PAGES) == len(FILES) == 8
    for path, (text, gold) in zip(FILES, PAGES):
        starts = {s: k for s, _, k in gold}
        out, pos = [], 0
        for line in text.splitlines(keepends=True):
            stripped = len(line) - len(line.lstrip())
            out.append(f"#{starts[pos + stripped]}: {line}" if pos + stripped in starts and line.strip() else line)
            pos += len(line)
        assert "".join(out) == path.read_text(encoding="utf-8"), path.name


def test_pages_are_realistic_op_eds():
    kinds = set()
    for path, (text, gold) in zip(FILES, PAGES):
        body = _body_lines(text, gold)
        words = sum(len(l.split()) for l in body)
        assert 250 <= words <= 450, (path.name, words)
        assert 4 <= len(body) <= 7, (path.name, len(body))
        assert any("%" in l or any(ch.isdigit() for ch in l) for l in body), path.name  # a statistic
        assert any("\u201c" in l or '"' in l for l in body), path.name  # a quote
        assert all(k in KINDS for _, _, k in gold)
        kinds |= {k for _, _, k in gold}
    assert {"title", "byline", "author_bio", "timestamp", "caption", "credit", "related", "share", "comment_prompt",
            "copyright", "newsletter", "advertisement", "disclaimer", "tags", "contact", "navigation",
            "publication_note"} <= kinds


# -- the scorer -------------------------------------------------------------------------------------------------
def test_noise_scores_counts():
    text, gold = parse_news_page("#title: Paint Is Not Protection\nBy Jane Doe\n\n"
                                 "Cities should build kerbs, because paint stops nobody.\n"
                                 "#caption: A cyclist waits at the lights.\n#comment_prompt: Leave a Reply\n")
    r = noise_scores([(text, gold)], learned=False)  # the rules: they leave a caption that ends with a full stop
    assert (r["lines"], r["noise_lines"], r["body_lines"]) == (5, 3, 2)
    assert (r["flagged"], r["correct"], r["body_flagged"]) == (3, 2, 1)
    assert r["precision"] == pytest.approx(2 / 3) and r["recall"] == pytest.approx(2 / 3)
    assert r["missed"] == [{"page": 0, "line": "A cyclist waits at the lights.", "kind": "caption"}]
    assert r["wrongly_flagged"] == [{"page": 0, "line": "By Jane Doe", "kind": "byline"}]
    assert r["per_kind"]["caption"] == {"gold": 1, "found": 0, "recall": 0.0}
    assert r["kind_agreement"] == 1.0
    with pytest.raises(ValueError, match="whole trimmed lines"):
        noise_scores([(text, [(0, 5, "title")])])
    with pytest.raises(TypeError, match="pair"):
        noise_scores([text])


# -- argmine.noise on the pages ---------------------------------------------------------------------------------
def test_no_body_line_is_ever_flagged():
    r = noise_scores(PAGES)
    assert r["body_flagged"] == 0, r["wrongly_flagged"]
    assert r["precision"] == 1.0
    for text, gold in PAGES:
        flagged = {text[s:e] for s, e, _ in noise_lines(text)}
        assert not flagged & set(_body_lines(text, gold))


def test_noise_recall():
    r = noise_scores(PAGES)
    # measured (rules + the retrained line classifier): 185 of 186 noise lines (0.995), 45 body lines, none
    # flagged; kind agreement 0.92. Missed: one photo caption that opens with a quote and ends with a full stop.
    assert r["noise_lines"] == 186 and r["body_lines"] == 45
    assert r["recall"] >= 0.99, r["missed"]
    assert all(m["kind"] in ("caption", "author_bio") for m in r["missed"]), r["missed"]


# -- the shipped model ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def miner():
    import argmine

    return argmine.load()


@pytest.mark.slow
@pytest.mark.parametrize("name", ["page03.txt", "page08.txt"])
def test_shipped_model_never_mines_furniture(miner, name):
    text, gold = PAGES[[f.name for f in FILES].index(name)]
    doc = miner.mine(text, id=name)
    doc.validate()
    assert doc.units, "an op-ed must yield units"
    for s, e, kind in gold:
        assert not any(u.start < e and u.end > s for u in doc.units), (kind, text[s:e])


def test_miner_input_holds_no_flagged_line(tokenizer):
    """Every line that argmine.noise flags stays out of what the miner encodes (no model: the tokenizer only)."""
    from argmine.model.features import prepare

    kept = []
    for path, (text, _) in zip(FILES, PAGES):
        paras = prepare(text, tokenizer)
        for s, e, kind in noise_lines(text):
            if any(p.start < e and p.end > s for p in paras):
                kept.append((path.name, kind, text[s:e]))
    assert not kept, kept


# held-out sets on which the furniture detection of the time flagged a body line when they were scored once (their
# READMEs say which); strict, so a later round that keeps the line is noticed (and the set moved out of here)
# (heldout15's question paragraph, flagged by the eleventh round, is kept since the twelfth; heldout16's, flagged by
# the twelfth, since the thirteenth; heldout18's quoted question paragraph, flagged by the learned classifier with
# the thirteenth, since the fifteenth)
BODY_FLAGGED_WHEN_SCORED: dict = {
    "news_pages_heldout25": "the sixteenth and seventeenth rounds' rules take the writer's one-line question paragraph "
                            "'Who will pay when Aslam can no longer work?' (an English text on an Urdu site) for a "
                            "subheading",
}


def _page_sets():
    names = sorted(p.name for p in (ROOT / "data" / "examples").glob("news_pages*") if p.is_dir())
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=BODY_FLAGGED_WHEN_SCORED[n]))
            if n in BODY_FLAGGED_WHEN_SCORED else n for n in names]


@pytest.mark.parametrize("folder", _page_sets())
def test_no_body_line_is_flagged_on_any_page_set(folder):
    """Line precision stays 100% on every marked page set, the held-out ones included (they are scored, never
    tuned on: a body line flagged there is argument text lost)."""
    r = noise_scores(read_news_pages(ROOT / "data" / "examples" / folder))
    assert r["body_flagged"] == 0, r["wrongly_flagged"]

"""HTML and WARC input (argmine.ingest, ``argmine batch pages.warc.gz``, ``argmine mine page.html``); tiny model."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

pytest.importorskip("warcio")
pytest.importorskip("trafilatura")

sys.path.insert(0, str(Path(__file__).resolve().parent))

from typer.testing import CliRunner  # noqa: E402

from argmine.batch import BatchError, read_records, run_batch  # noqa: E402
from argmine.cli import app  # noqa: E402
from argmine.ingest import NotAnArticle, extract_article, iter_warc_pages  # noqa: E402
from web_pages import ARTICLES, FURNITURE, INDEX_PAGE, render, sentences, write_warc  # noqa: E402


def read_jsonl(path: Path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.mark.parametrize("template", [0, 1, 2])
def test_extraction_keeps_the_article_and_drops_the_furniture(template):
    for a in ARTICLES:
        art = extract_article(render(a, template), f"https://herald.example/{a['slug']}")
        kept = [s for s in sentences(a) if s in art.text]
        assert len(kept) >= 0.95 * len(sentences(a)), (a["slug"], set(sentences(a)) - set(kept))
        assert [f for f in FURNITURE if f in art.text] == []
        # paragraph breaks kept as blank lines, one per paragraph of the article
        assert art.text.split("\n\n") == [" ".join(p) for p in a["paragraphs"]]
        assert art.meta["title"] == a["title"]
        assert art.meta["date"] == a["date"]
        assert art.meta["url"] == f"https://herald.example/{a['slug']}"
        if a["author"]:
            assert art.meta["author"] == a["author"]


def test_the_date_is_the_stated_one_never_a_guess_from_the_text():
    body = "".join(f"<p>{' '.join(p)}</p>" for p in ARTICLES[0]["paragraphs"])
    page = ("<html><head><title>Bike lanes</title></head><body><article><h1>Bike lanes</h1>{time}" + body +
            "<p>The council last voted on this on 12 March 2021.</p></article><footer>&copy; 2019 The Herald</footer>"
            "</body></html>")
    assert extract_article(page.format(time="")).meta["date"] is None  # not the footer's 2019, not 2021
    stated = extract_article(page.format(time='<time datetime="2025-06-07">7 June 2025</time>'))
    assert stated.meta["date"] == "2025-06-07"


def _dated_page(head="", top="", body_extra="", tail=""):
    body = "".join(f"<p>{' '.join(p)}</p>" for p in ARTICLES[0]["paragraphs"])
    return (f"<html><head><title>Bike lanes</title>{head}</head><body><article><h1>Bike lanes</h1>"
            f"<p class='byline'>By Maria Lopez</p>{top}{body}{body_extra}</article>{tail}</body></html>")


@pytest.mark.parametrize("page, want", [
    (_dated_page(head='<meta property="article:published_time" content="2024-03-05T08:00:00Z">'), "2024-03-05"),
    (_dated_page(top='<time datetime="2024-03-05">5 March 2024</time>'), "2024-03-05"),  # under the byline
    (_dated_page(tail='<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-03-05"}</script>'),
     "2024-03-05"),
    (_dated_page(body_extra='<p>The vote is on <time datetime="2026-04-01">1 April</time>.</p>'), None),  # an event
    (_dated_page(tail='<aside><a href="/x">Older piece</a> <time datetime="2019-05-02">2 May 2019</time></aside>'), None),
    (_dated_page(tail='<footer><p>Comment posted <time datetime="2026-03-20">20 March</time></p></footer>'), None),
    (_dated_page(tail="<footer>&copy; 2019 The Herald</footer>"), None),
])
def test_stated_date_is_the_page_s_own(page, want):
    from argmine.ingest import stated_date

    assert stated_date(page) == want
    assert extract_article(page).meta["date"] == want
    assert stated_date(b"\x00\xff not html") is None


def _authored_page(meta_author: str) -> str:
    body = "".join(f"<p>{' '.join(p)}</p>" for p in ARTICLES[0]["paragraphs"])
    return (f'<html><head><title>Bike lanes</title><meta name="author" content="{meta_author}"></head><body>'
            f"<article><h1>Bike lanes</h1>{body}</article></body></html>")


@pytest.mark.parametrize("byline, want", [
    ("Jane Doe, Professor of Economics at X University", "Jane Doe"),
    ("By Jane Doe | Staff writer", "Jane Doe"),
    ("Jane Doe, Senior Fellow, Brookings Institution", "Jane Doe"),
    ("Jane Doe and Ludwig van Beethoven", "Jane Doe; Ludwig van Beethoven"),
    ("Maria Lopez", "Maria Lopez"),
    ("Staff writer", None),
])
def test_meta_author_keeps_the_names_without_the_job_title(byline, want):
    assert extract_article(_authored_page(byline)).meta["author"] == want


@pytest.mark.parametrize("raw, want", [
    ("Jane Doe; Professor", "Jane Doe"), ("Jane Doe - Opinion contributor", "Jane Doe"),
    ("Jane Doe is professor of economics at X University", "Jane Doe"), ("Jane Doe, John Roe", "Jane Doe; John Roe"),
    ("By JANE DOE, Staff Writer", "JANE DOE"), ("Sam O'Neill", "Sam O'Neill"), ("", None), (None, None),
    ("Dr. Jane Doe, Ph.D., Professor of Law", "Jane Doe"), ("Martin Luther King; Jr", "Martin Luther King Jr"),
    ("Professor Jane Doe", "Jane Doe"), ("Jane Doe, Professor Emeritus, X University", "Jane Doe"),
    ("Jane Doe (Reuters)", "Jane Doe"),
])
def test_author_names_drops_roles_and_a_leading_by(raw, want):
    from argmine.ingest.byline import author_names

    assert author_names(raw) == want


def test_a_page_without_an_article_is_refused_with_a_reason():
    with pytest.raises(NotAnArticle, match="no main text|fewer than"):
        extract_article(INDEX_PAGE)
    with pytest.raises(NotAnArticle, match="empty"):
        extract_article(b"   ")


def test_warc_pages_skip_non_page_records(tmp_path):
    pages = write_warc(tmp_path / "pages.warc.gz")
    got = list(iter_warc_pages(tmp_path / "pages.warc.gz"))
    assert [p.url for p in got] == [u for u, _ in pages]  # request and warcinfo records are no pages
    errors = {p.url.rsplit("/", 1)[-1]: p.error for p in got if p.error}
    assert errors == {"1.jpg": "not HTML: Content-Type image/png", "gone": "not a page: HTTP status 404"}
    assert all(p.record_id.startswith("<urn:uuid:") for p in got)
    from argmine.batch import count_records

    assert count_records(tmp_path / "pages.warc.gz") == len(pages)  # the progress bar's total


@pytest.mark.parametrize("gz", [True, False])
def test_batch_mines_every_article_of_a_warc_and_skips_the_rest(tmp_path, tiny_miner, gz):
    src = tmp_path / ("pages.warc.gz" if gz else "pages.warc")
    pages = write_warc(src, gzip=gz)
    out = tmp_path / "out.jsonl"
    s = run_batch(src, out, tiny_miner, progress=False)
    docs, errs = read_jsonl(out), read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    articles = [a for _, a in pages if a is not None]
    assert (s.mined, s.errors, s.not_articles) == (len(articles), 4, 4)
    assert "4 of them pages without an article" in s.line()
    for d, a in zip(docs, articles):
        assert d["meta"]["title"] == a["title"] and d["meta"]["date"] == a["date"]
        assert d["meta"]["url"] == f"https://herald.example/opinion/{a['slug']}"
        assert d["meta"]["warc_record_id"] == d["id"] and d["id"].startswith("<urn:uuid:")
        assert [f for f in FURNITURE if f in d["text"]] == []
        for u in d["units"]:  # offsets index the text that was mined, and no unit is page furniture
            assert d["text"][u["start"]:u["end"]] == u["text"]
    assert sorted(e["error"].split(":")[0] for e in errs) == ["not HTML", "not a page", "not an article", "not an article"]
    # a rerun resumes: nothing lost or duplicated
    s2 = run_batch(src, out, tiny_miner, progress=False)
    assert (s2.mined, s2.errors, s2.skipped) == (0, 0, len(pages))
    assert read_jsonl(out) == docs


@pytest.mark.parametrize("gz,frac", [(True, 0.6), (True, 0.97), (False, 0.6), (False, 0.97)])
def test_truncated_warc_writes_what_was_read_then_fails(tmp_path, tiny_miner, gz, frac):
    src = tmp_path / "pages.warc"
    write_warc(src, gzip=gz)
    data = src.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: int(len(data) * frac)])
    out = tmp_path / "out.jsonl"
    with pytest.raises(BatchError, match="must be a whole WARC file"):
        run_batch(cut, out, tiny_miner, progress=False)
    assert 1 <= len(read_jsonl(out)) < len(ARTICLES)


def test_folder_of_html_pages(tmp_path, tiny_miner):
    folder = tmp_path / "pages"
    folder.mkdir()
    for i, a in enumerate(ARTICLES):
        (folder / f"{a['slug']}.html").write_text(render(a, i % 3), encoding="utf-8")
    (folder / "index.htm").write_text(INDEX_PAGE, encoding="utf-8")
    recs = list(read_records(folder))
    assert [r.id for r in recs] == sorted([a["slug"] for a in ARTICLES] + ["index"])
    out = tmp_path / "out.jsonl"
    s = run_batch(folder, out, tiny_miner, progress=False)
    assert (s.mined, s.errors, s.not_articles) == (len(ARTICLES), 1, 1)
    d = {d["id"]: d for d in read_jsonl(out)}
    assert d["bike-lanes"]["meta"]["file"] == "bike-lanes.html"
    assert d["bike-lanes"]["meta"]["title"] == ARTICLES[0]["title"]
    errs = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")
    assert [(e["id"], e["file"]) for e in errs] == [("index", str(folder / "index.htm"))]


def test_folder_of_pages_and_texts_reads_each_by_its_kind(tmp_path, tiny_miner):
    folder = tmp_path / "both"
    folder.mkdir()
    (folder / "bike-lanes.html").write_text(render(ARTICLES[0], 0), encoding="utf-8")
    (folder / "notes.txt").write_text("Cities should build bike lanes because they are safer.", encoding="utf-8")
    (folder / "bike-lanes.txt").write_text("The same name as a page.", encoding="utf-8")
    s = run_batch(folder, tmp_path / "out.jsonl", tiny_miner, progress=False)
    assert (s.mined, s.errors) == (3, 0)
    d = {d["id"]: d for d in read_jsonl(tmp_path / "out.jsonl")}
    assert set(d) == {"bike-lanes.html", "bike-lanes.txt", "notes"}  # a shared name: the ids keep the suffix
    assert d["bike-lanes.html"]["meta"]["title"] == ARTICLES[0]["title"]
    assert d["notes"]["text"] == "Cities should build bike lanes because they are safer."


@pytest.mark.slow  # whole WARC runs through the CLI
def test_cli_batch_warc_and_mine_html(tmp_path, tiny_model_dir):
    src = tmp_path / "pages.warc.gz"
    write_warc(src)
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(app, ["batch", str(src), "-o", str(out), "--model", str(tiny_model_dir), "-q",
                                 "--summary-json", str(tmp_path / "summary.json")])
    assert r.exit_code == 0, r.output
    assert len(read_jsonl(out)) == len(ARTICLES)
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert {k: summary[k] for k in ("read", "mined", "errors", "not_articles", "already_done")} == \
        {"read": len(ARTICLES) + 4, "mined": len(ARTICLES), "errors": 4, "not_articles": 4, "already_done": 0}
    assert summary["errors_by_reason"] == {"not HTML": 1, "not a page": 1, "not an article": 2}
    page = tmp_path / "bike-lanes.html"
    page.write_text(render(ARTICLES[0], 0), encoding="utf-8")
    r = CliRunner().invoke(app, ["mine", str(page), "--model", str(tiny_model_dir), "-o", str(tmp_path / "doc.json")])
    assert r.exit_code == 0, r.output
    doc = json.loads((tmp_path / "doc.json").read_text(encoding="utf-8"))
    assert doc["id"] == "bike-lanes" and doc["meta"]["title"] == ARTICLES[0]["title"]
    assert doc["text"].startswith("The council should build")
    index = tmp_path / "index.html"
    index.write_text(INDEX_PAGE, encoding="utf-8")
    r = CliRunner().invoke(app, ["mine", str(index), "--model", str(tiny_model_dir)])
    assert r.exit_code == 2 and "main text" in (r.output + (r.stderr if r.stderr_bytes is not None else ""))


@pytest.mark.skipif(sys.platform == "win32" or os.name != "posix", reason="byte file names: POSIX")
def test_non_utf8_file_name_goes_to_errors(tmp_path, tiny_miner):
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "good.txt").write_text("Cities should build bike lanes because they are safer.", encoding="utf-8")
    try:
        with open(os.path.join(os.fsencode(folder), b"caf\xe9.txt"), "wb") as f:
            f.write(b"Some text here that is fine.")
    except OSError:
        pytest.skip("this file system refuses names that are not UTF-8")
    out = tmp_path / "out.jsonl"
    s = run_batch(folder, out, tiny_miner, progress=False)
    assert (s.mined, s.errors) == (1, 1)
    err = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")[0]
    assert err["id"] == "caf\\xe9" and "not valid UTF-8" in err["error"]
    s2 = run_batch(folder, out, tiny_miner, progress=False)  # the rerun resumes and accepts its own files
    assert (s2.mined, s2.errors, s2.skipped) == (0, 0, 2)


@pytest.mark.slow  # whole WARC runs through the CLI
def test_warc_resume_after_a_killed_run_loses_and_repeats_nothing(tmp_path, tiny_miner):
    src = tmp_path / "pages.warc.gz"
    pages = write_warc(src)
    out = tmp_path / "out.jsonl"
    s = run_batch(src, out, tiny_miner, progress=False, limit=3, chunk_size=1)
    assert s.mined == 2
    whole = out.read_bytes()
    last = whole.splitlines(keepends=True)[-1]
    out.write_bytes(whole + last[: len(last) // 2])  # killed while writing the next document
    (tmp_path / "out.jsonl.lock").write_text("12345\n")  # a kill -9 leaves its (unlocked) lock file behind
    s = run_batch(src, out, tiny_miner, progress=False, chunk_size=1)
    assert any("incomplete" in n for n in s.notes)
    docs = read_jsonl(out)
    assert [d["meta"]["url"] for d in docs] == [u for u, a in pages if a is not None]
    assert len({d["id"] for d in docs}) == len(ARTICLES)


def test_warc_to_parquet_has_columns_for_analysts(tmp_path, tiny_miner):
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "pages.warc.gz"
    pages = write_warc(src)
    out = tmp_path / "out.parquet"
    assert run_batch(src, out, tiny_miner, progress=False).mined == len(ARTICLES)
    t = pq.read_table(out).to_pylist()
    articles = [a for _, a in pages if a is not None]
    assert [r["title"] for r in t] == [a["title"] for a in articles]
    assert [r["date"] for r in t] == [a["date"] for a in articles]
    assert [r["url"] for r in t] == [f"https://herald.example/opinion/{a['slug']}" for a in articles]
    for r in t:
        d = json.loads(r["document"])
        assert (r["id"], r["line"]) == (d["id"], d["meta"]["line"])
        assert (r["n_units"], r["n_relations"]) == (len(d["units"]), len(d["relations"]))
        mcs = [u["text"] for u in d["units"] if u["label"] == "MajorClaim"]
        assert r["major_claim"] == (mcs[0] if mcs else None)


def test_a_page_not_in_english_is_skipped_before_mining(tmp_path, tiny_miner):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "en.html").write_text(render(ARTICLES[0], 0), encoding="utf-8")
    german = {**ARTICLES[0], "title": "Unsere Stadt braucht sichere Radwege", "paragraphs": [
        ["Der Stadtrat sollte noch in diesem Jahr ein Netz von geschützten Radwegen bauen.",
         "Aufgemalte Linien auf der Straße halten die Autos kaum von den Radfahrern fern."],
        ["Kritiker sagen, dass neue Radwege den Geschäften schaden, weil Parkplätze wegfallen.",
         "Studien aus vielen Städten zeigen jedoch, dass Menschen auf dem Rad öfter einkaufen gehen."]]}
    (folder / "de.html").write_text(render(german, 0), encoding="utf-8")
    s = run_batch(folder, tmp_path / "out.jsonl", tiny_miner, progress=False)
    assert (s.mined, s.errors, s.not_articles) == (1, 1, 1)
    err = read_jsonl(tmp_path / "out.jsonl.errors.jsonl")[0]
    assert err["id"] == "de" and err["error"].startswith("not English: language score")


def _check_units_inside_articles(docs, articles):
    """Issue 13: the extracted body keeps >= 95% of each article's sentences, and no unit falls in page furniture:
    every unit lies inside a paragraph of the article the page was built from (menus, captions, related links,
    comments, cookie banners and footers are none of them)."""
    assert len(docs) == len(articles)
    for d, a in zip(docs, articles):
        kept = [s for s in sentences(a) if s in d["text"]]
        assert len(kept) >= 0.95 * len(sentences(a)), (a["slug"], set(sentences(a)) - set(kept))
        paragraphs = [" ".join(p) for p in a["paragraphs"]]
        for u in d["units"]:
            assert any(u["text"] in p for p in paragraphs), (a["slug"], u["text"])
            assert not any(f.lower() in u["text"].lower() for f in FURNITURE)


def test_on_the_warc_pages_no_unit_falls_in_furniture_and_the_sentences_are_kept(tmp_path, tiny_miner):
    src = tmp_path / "pages.warc.gz"
    pages = write_warc(src)
    run_batch(src, tmp_path / "out.jsonl", tiny_miner, progress=False)
    docs = read_jsonl(tmp_path / "out.jsonl")
    _check_units_inside_articles(docs, [a for _, a in pages if a is not None])
    assert sum(len(d["units"]) for d in docs) >= len(docs)


def test_the_shipped_model_on_the_warc_pages_mines_units_only_inside_the_articles(tmp_path):
    import argmine

    src = tmp_path / "pages.warc.gz"
    pages = write_warc(src)
    run_batch(src, tmp_path / "out.jsonl", argmine.load(device="cpu"), progress=False)
    docs = read_jsonl(tmp_path / "out.jsonl")
    _check_units_inside_articles(docs, [a for _, a in pages if a is not None])
    assert all(d["units"] for d in docs)  # the real model finds the argument of every op-ed

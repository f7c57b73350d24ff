"""argmine's web input against resiliparse / FastWARC: WARC reading speed, article extraction speed and quality.

argmine reads WARC files with warcio and extracts the article with trafilatura (argmine.ingest). This compares them
with the Resiliparse project's FastWARC (WARC reading) and ``resiliparse.extract.html2text.extract_plain_text(...,
main_content=True)`` (main-text extraction), on a WARC of N op-ed pages built from the test templates
(tests/web_pages.py: CC0 pages with menus, cookie banners, captions, related links, comment sections, footers):

- reading: records/s and MB/s over the whole file (payloads read, nothing parsed);
- extraction: pages/s, and quality on the pages of the known articles: the share of the article's sentences kept,
  the pages where some page furniture (tests/web_pages.FURNITURE) leaked into the text, the pages whose paragraph
  breaks match the article's.

Both are optional dependencies (``pip install resiliparse fastwarc``); whichever is missing is reported as
skipped, and the script still measures argmine's own side.

    python benchmarks/extractors.py [--pages 1000] [--json benchmarks/results/extractors.json] [--md benchmarks/results/extractors.md]
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Dict, List, Optional

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
try:  # run from a checkout without installing
    import argmine  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))


def read_warcio(path: Path) -> int:
    from warcio.archiveiterator import ArchiveIterator

    n = 0
    with open(path, "rb") as f:
        for rec in ArchiveIterator(f):
            rec.content_stream().read()
            n += 1
    return n


def read_fastwarc(path: Path) -> int:
    from fastwarc.warc import ArchiveIterator

    n = 0
    try:  # FastWARC 0.x/1.x: an explicit gzip stream
        from fastwarc.stream_io import GZipStream
    except ImportError:  # FastWARC 2.x detects the compression itself
        GZipStream = None
    with open(path, "rb") as f:
        for rec in ArchiveIterator(GZipStream(f) if GZipStream else f, parse_http=True):
            rec.reader.read()
            n += 1
    return n


def extract_trafilatura(html: str) -> Optional[str]:
    from argmine.ingest import NotAnArticle, extract_article

    try:
        return extract_article(html).text
    except NotAnArticle:
        return None


def extract_resiliparse(html: str) -> Optional[str]:
    from resiliparse.extract.html2text import extract_plain_text

    text = extract_plain_text(html, main_content=True, alt_texts=False, links=False, list_bullets=False)
    return text or None


def available(module: str) -> bool:
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def time_reader(name: str, fn: Callable[[Path], int], path: Path) -> Dict:
    t = time.perf_counter()
    n = fn(path)
    dt = time.perf_counter() - t
    return {"reader": name, "records": n, "seconds": round(dt, 3), "records_per_s": round(n / dt, 1),
            "mb_per_s": round(path.stat().st_size / 1e6 / dt, 1)}


def quality(texts: List[Optional[str]], articles: List[dict]) -> Dict:
    """Sentences kept, furniture leaked and paragraph breaks, over pages of known articles."""
    from web_pages import FURNITURE, sentences

    kept = total = leaked = breaks = 0
    for text, a in zip(texts, articles):
        text = text or ""
        total += len(sentences(a))
        kept += sum(s in text for s in sentences(a))
        leaked += any(f in text for f in FURNITURE)
        paras = [p.strip() for p in text.replace("\r", "").split("\n") if p.strip()]
        breaks += paras == [" ".join(p) for p in a["paragraphs"]]
    n = len(articles)
    return {"sentences_kept": round(kept / total, 4), "pages_with_furniture": leaked, "pages_paragraphs_exact": breaks,
            "pages": n}


def time_extractor(name: str, fn: Callable[[str], Optional[str]], pages: List[str], articles: List[dict]) -> Dict:
    t = time.perf_counter()
    texts = [fn(h) for h in pages]
    dt = time.perf_counter() - t
    row = {"extractor": name, "seconds": round(dt, 3), "pages_per_s": round(len(pages) / dt, 1)}
    row.update(quality(texts[:len(articles)], articles))
    return row


def test_pages(n: int) -> tuple:
    """``n`` pages cycling through the articles and templates, and the article of each."""
    from web_pages import ARTICLES, render

    arts = [ARTICLES[i % len(ARTICLES)] for i in range(n)]
    return [render(a, i % 3) for i, a in enumerate(arts)], arts


def markdown(res: Dict) -> str:
    lines = [f"# Web input: warcio + trafilatura (argmine) against FastWARC + Resiliparse ({res['pages']} pages)", "",
             "`python benchmarks/extractors.py --pages %d` on %s." % (res["pages"], res["machine"]), "",
             "| WARC reader | records/s | MB/s |", "|---|---|---|"]
    lines += [f"| {r['reader']} | {r['records_per_s']} | {r['mb_per_s']} |" for r in res["readers"]]
    lines += ["", "| extractor | pages/s | article sentences kept | pages with furniture | pages with the article's "
              "paragraphs exactly |", "|---|---|---|---|---|"]
    lines += [f"| {r['extractor']} | {r['pages_per_s']} | {100 * r['sentences_kept']:.1f}% | {r['pages_with_furniture']} "
              f"of {r['pages']} | {r['pages_paragraphs_exact']} of {r['pages']} |" for r in res["extractors"]]
    if res["skipped"]:
        lines += ["", "Skipped (not installed): " + ", ".join(res["skipped"]) + "."]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--json", default=None)
    ap.add_argument("--md", default=None)
    a = ap.parse_args()
    import os
    import platform

    from archive_speed import build_warc

    res: Dict = {"pages": a.pages, "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs",
                 "readers": [], "extractors": [], "skipped": []}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "pages.warc.gz"
        build_warc(src, a.pages)
        res["warc_mb"] = round(src.stat().st_size / 1e6, 2)
        res["readers"].append(time_reader("warcio (argmine)", read_warcio, src))
        if available("fastwarc"):
            res["readers"].append(time_reader("fastwarc", read_fastwarc, src))
        else:
            res["skipped"].append("fastwarc")
    pages, arts = test_pages(a.pages)
    res["extractors"].append(time_extractor("trafilatura (argmine)", extract_trafilatura, pages, arts))
    if available("resiliparse"):
        res["extractors"].append(time_extractor("resiliparse main_content", extract_resiliparse, pages, arts))
    else:
        res["skipped"].append("resiliparse")
    print(markdown(res))
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    if a.md:
        Path(a.md).write_text(markdown(res), encoding="utf-8")


if __name__ == "__main__":
    main()

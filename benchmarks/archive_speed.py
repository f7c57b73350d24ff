"""Web-archive throughput of ``argmine batch``: pages/s, extraction vs mining share, peak RSS (local engine).

Builds a WARC (.warc.gz) of N op-ed pages from the test templates (tests/web_pages.py: CC0 pages with menus,
captions, related links, comment sections; one in eight records is no article), then

  1. reads it with ``argmine.batch.read_records`` (WARC parsing + trafilatura extraction, no model): pages/s;
  2. mines the first ``--mine`` records with ``run_batch`` and the given model: pages/s, and the share of the
     time spent on extraction (step 1's per-page cost) against mining.

Peak RSS is read after each step (``ru_maxrss``); run it with ``--pages 1000`` and ``--pages 10000`` to see that
reading stays flat (it streams one page at a time).

    python benchmarks/archive_speed.py [--pages 1000] [--mine 200] [--model DIR] [--ray-workers 2] [--json OUT]

``--ray-workers N`` adds the Ray row: the same records through ``--engine ray`` on this machine (pages extracted
in Ray tasks, mining on N actors), with its pages/s and a check that OUTPUT is byte-identical to the local run's.
"""
from __future__ import annotations

import argparse
import io
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
try:  # run from a checkout without installing
    import argmine  # noqa: F401
except ImportError:
    sys.path.insert(0, str(ROOT))


def build_warc(path: Path, n: int) -> int:
    """A WARC of ``n`` page records (articles cycling through templates, every 8th an index page); articles."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    from web_pages import ARTICLES, INDEX_PAGE, render

    n_articles = 0
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for i in range(n):
            if i % 8 == 7:
                body = INDEX_PAGE
            else:
                body = render(ARTICLES[i % len(ARTICLES)], i % 3).replace("</p>", f" Page {i}.</p>", 1)
                n_articles += 1
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(f"https://herald.example/p/{i}", "response",
                                                payload=io.BytesIO(body.encode("utf-8")), http_headers=http))
    return n_articles


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ray_row(src: Path, out: Path, a, local_out: Path) -> dict:
    """The same records mined with ``--engine ray`` (pages extracted in Ray tasks, mined on ``--ray-workers``
    actors, one CPU each), on the same machine: pages/s with Ray's start-up included, and whether OUTPUT is
    byte-identical to the local engine's."""
    from argmine.integrations.ray import run_batch_ray

    t = time.perf_counter()
    s = run_batch_ray(src, out, a.model, workers=a.ray_workers, limit=a.mine, progress=False)
    dt = time.perf_counter() - t
    return {"ray_workers": a.ray_workers, "ray_mined": s.mined, "ray_batch_s": round(dt, 2),
            "ray_batch_pages_per_s": round(a.mine / dt, 2), "ray_identical_output": out.read_bytes() == local_out.read_bytes(),
            "peak_rss_mb_after_ray_driver": round(peak_rss_mb(), 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--mine", type=int, default=200, help="records mined in step 2 (0: skip mining)")
    ap.add_argument("--model", default=None, help="model directory (default: the shipped model)")
    ap.add_argument("--ray-workers", type=int, default=0,
                    help="also mine the same records with --engine ray and this many actors (0: skip; needs argmine[ray])")
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    from argmine.batch import read_records, run_batch

    res = {"pages": a.pages}
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "pages.warc.gz"
        res["articles"] = build_warc(src, a.pages)
        res["warc_mb"] = round(src.stat().st_size / 1e6, 2)
        rss0 = peak_rss_mb()
        t = time.perf_counter()
        n_text = sum(r.text is not None for r in read_records(src))
        dt = time.perf_counter() - t
        res.update(extract_s=round(dt, 2), extract_pages_per_s=round(a.pages / dt, 1), extracted=n_text,
                   peak_rss_mb_before=round(rss0, 1), peak_rss_mb_after_extract=round(peak_rss_mb(), 1))
        if a.mine:
            from argmine import load as load_model

            miner = load_model(a.model)
            out = Path(tmp) / "out.jsonl"
            t = time.perf_counter()
            s = run_batch(src, out, miner, limit=a.mine, progress=False)
            dt_mine = time.perf_counter() - t
            extract_part = a.mine * dt / a.pages
            res.update(mined=s.mined, not_articles=s.not_articles, batch_s=round(dt_mine, 2),
                       batch_pages_per_s=round(a.mine / dt_mine, 2),
                       extraction_share=round(extract_part / dt_mine, 3), model=miner.model_info,
                       peak_rss_mb_after_batch=round(peak_rss_mb(), 1))
        if a.mine and a.ray_workers:
            res.update(ray_row(src, Path(tmp) / "ray.jsonl", a, out))
    print(json.dumps(res, indent=1))
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()

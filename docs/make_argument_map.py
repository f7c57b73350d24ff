"""Regenerate docs/argument-map.png: data/examples/oped.txt mined with the shipped model, rendered as argmine's HTML
page and photographed by headless Chromium.

    python docs/make_argument_map.py [--chromium /usr/bin/chromium] [--size 1500,1120]
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--size", default="1500,1120", help="browser window WIDTH,HEIGHT in CSS pixels")
    ap.add_argument("--out", default=str(ROOT / "docs" / "argument-map.png"))
    a = ap.parse_args(argv)
    import argmine
    from argmine.export import to_html

    doc = argmine.load().mine((ROOT / "data" / "examples" / "oped.txt").read_text(encoding="utf-8"), id="oped")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "oped.html"
        page.write_text(to_html(doc), encoding="utf-8")
        cmd = [a.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={Path(tmp) / 'profile'}", f"--screenshot={a.out}", f"--window-size={a.size}",
               page.as_uri()]
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    if res.returncode != 0:
        print(res.stderr[-2000:], file=sys.stderr)
        return 1
    print(f"wrote {a.out}: {len(doc.units)} units, {len(doc.relations)} relations")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""All of argmine's benchmarks in one command: accuracy in and out of domain (with bootstrap intervals), speed and
memory against the bare base encoder, and published AAEC results beside ours.

    python benchmarks/run_all.py --data-dir DIR [--model DIR ...] [--out benchmarks/results] [--quick]

Writes OUT/report.md (Markdown tables), OUT/results.json (every figure) and PNG plots (per-label F1 and a unit
confusion matrix on the AAEC test essays, accuracy against speed). See benchmarks/README.md for what each figure
means. ``--quick`` scores a few documents per corpus (for tests); the report says so.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _p in (str(ROOT), str(BENCH)):
    if _p not in sys.path:
        sys.path.insert(0, _p)

import published  # noqa: E402  (benchmarks/published.py)
from argmine.config import UNIT_LABELS  # noqa: E402

QUICK_DOCS = 3
QUICK_BOOTSTRAP = 100
NONE = "none"


@dataclass(frozen=True)
class Suite:
    """One corpus split of the accuracy suite."""

    key: str
    corpus: str  # argmine.corpora name
    split: str
    levels: Tuple[str, ...]
    domain: str  # "in-domain" or "cross-domain"
    title: str
    folder: str  # its folder under the data directory
    segmentation_only: bool = False
    note: str = ""


SUITE: Tuple[Suite, ...] = (
    Suite("aaec", "aaec", "test", ("essay", "paragraph"), "in-domain", "AAEC test (persuasive essays)", "aaec-v2"),
    Suite("oped", "oped", "dev", ("essay",), "in-domain", "argmine-oped dev (news editorials, silver annotation)",
          "argmine-oped", note="model-assisted silver annotation (see its README); the dev split also chose the epoch "
                                "and the decoding options, so it is not a test score"),
    Suite("microtexts", "microtexts", "test", ("essay",), "in-domain", "arg-microtexts test fold (short texts)",
          "arg-microtexts", note="the fixed held-out fold (every fifth text); training used the train fold, choices the dev fold"),
    Suite("ukp", "ukp", "all", ("essay",), "cross-domain", "UKP web discourse, all (comments, forums, blogs, articles)",
          "web-discourse-toulmin", note="gold has no MajorClaim: every predicted MajorClaim counts as wrong"),
    Suite("abstrct", "abstrct", "neoplasm_test", ("essay",), "cross-domain", "AbstRCT neoplasm test (RCT abstracts)",
          "abstrct"),
    Suite("cdcp", "cdcp", "test", ("essay",), "cross-domain", "CDCP test (public comments on rules)", "cdcp",
          note="gold has no MajorClaim: every predicted MajorClaim counts as wrong"),
    Suite("webis", "webis", "validation", ("essay",), "cross-domain",
          "Webis-Editorials-16 validation (news editorials)", "webis-editorials-16", segmentation_only=True,
          note="every Webis unit is mapped to Premise and there are no relations: only label-agnostic segmentation "
               "F1 is reported"),
)


def _log(msg: str) -> None:
    print(f"[run_all {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def parse_args(argv: Optional[Sequence[str]] = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", default=None, help="folder holding the corpora (default: ARGMINE_DATA, else ../shared/data)")
    ap.add_argument("--model", action="append", default=None,
                    help="model directory; repeat to compare models (default: the shipped model)")
    ap.add_argument("--out", default=str(BENCH / "results"), help="output folder (default: benchmarks/results)")
    ap.add_argument("--quick", action="store_true",
                    help=f"first {QUICK_DOCS} documents per corpus and {QUICK_BOOTSTRAP} bootstrap resamples (for tests)")
    ap.add_argument("--max-docs", type=int, default=None,
                    help="score only the first N documents of each corpus split (said in the report)")
    ap.add_argument("--corpora", default=None,
                    help="comma-separated subset of: " + ",".join(s.key for s in SUITE))
    ap.add_argument("--bootstrap", type=int, default=None,
                    help=f"bootstrap resamples over documents (default 1000; {QUICK_BOOTSTRAP} with --quick; 0: none)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--confidence", type=float, default=0.95)
    ap.add_argument("--threads", type=int, default=2, help="CPU threads for mining and speed (default 2)")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--skip-speed", action="store_true", help="no speed suite (no accuracy-vs-speed plot)")
    ap.add_argument("--no-plots", action="store_true")
    # internal: the bare-encoder baseline of the speed suite, run in a fresh process (clean peak memory)
    ap.add_argument("--encoder-baseline", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--json", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.max_docs is None and a.quick:
        a.max_docs = QUICK_DOCS
    if a.max_docs is not None and a.max_docs < 1:
        ap.error(f"--max-docs must be at least 1; got {a.max_docs}")
    if a.bootstrap is None:
        a.bootstrap = QUICK_BOOTSTRAP if a.quick else 1000
    if a.bootstrap < 0:
        ap.error(f"--bootstrap must be 0 or more; got {a.bootstrap}")
    if a.corpora:
        keys = [k.strip() for k in a.corpora.split(",") if k.strip()]
        bad = [k for k in keys if k not in {s.key for s in SUITE}]
        if bad:
            ap.error(f"--corpora must name corpora of {[s.key for s in SUITE]}; got {bad}")
        a.corpora = keys
    return a


def resolve_data_dir(data_dir: Optional[str]) -> Path:
    from argmine.corpora.base import find_data_dir

    return Path(find_data_dir(data_dir)).resolve()


# -- accuracy ---------------------------------------------------------------------------------------------------

def load_gold(s: Suite, data_dir: Path, max_docs: Optional[int]):
    """``(documents scored, number in the split)``; raises FileNotFoundError when the corpus folder is absent."""
    from argmine.corpora import get_reader

    docs = get_reader(s.corpus)(data_dir, s.split)
    return (docs[:max_docs] if max_docs else docs), len(docs)


def confusion(gold, pred) -> Dict:
    """Unit labels over spans matched label-agnostically by >= 50% token overlap (one-to-one, as segmentation F1 50%
    matches them); an unmatched gold unit counts in the ``none`` column, an unmatched prediction in the ``none`` row.
    Rows: gold label; columns: predicted label."""
    from argmine.metrics import _match_units  # the scorer's own matching, so the counts agree with segmentation F1

    labels = list(UNIT_LABELS) + [NONE]
    idx = {lab: i for i, lab in enumerate(labels)}
    m = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred):
        align = _match_units(g, p, 0.5, use_labels=False)  # {pred unit id: gold unit id}
        glabel = {u.id: u.label for u in g.units}
        matched_gold = set(align.values())
        for u in p.units:
            gl = glabel[align[u.id]] if u.id in align else NONE
            m[idx.get(gl, idx[NONE])][idx.get(u.label, idx[NONE])] += 1
        for u in g.units:
            if u.id not in matched_gold:
                m[idx.get(u.label, idx[NONE])][idx[NONE]] += 1
    return {"labels": labels, "rows": "gold", "columns": "predicted", "matrix": m,
            "matching": "label-agnostic, one-to-one, token overlap / longer unit >= 0.5"}


def model_label(info: Dict, path: Optional[str], taken: set) -> str:
    label = f"{info.get('name', '?')} {info.get('version', '')}".strip()
    if label in taken:
        label = f"{label} ({path or 'default'})"
    taken.add(label)
    return label


def run_accuracy(a: argparse.Namespace, data_dir: Path, models: List[Optional[str]]) -> Dict:
    import torch

    threads_before = torch.get_num_threads()
    torch.set_num_threads(a.threads)
    try:
        return _run_accuracy(a, data_dir, models)
    finally:
        torch.set_num_threads(threads_before)  # main() may run inside another program (the tests)


def _run_accuracy(a: argparse.Namespace, data_dir: Path, models: List[Optional[str]]) -> Dict:
    import argmine
    from argmine.evaluate import compare_systems, score_system

    suite = [s for s in SUITE if not a.corpora or s.key in a.corpora]
    corpora: Dict[str, Dict] = {}
    golds: Dict[str, List] = {}
    for s in suite:
        entry = {"key": s.key, "corpus": s.corpus, "split": s.split, "title": s.title, "domain": s.domain,
                 "folder": s.folder, "levels": list(s.levels), "segmentation_only": s.segmentation_only,
                 "note": s.note, "status": "ok", "systems": {}, "seconds": {}}
        try:
            gold, n_total = load_gold(s, data_dir, a.max_docs)
            entry.update(n_docs=len(gold), n_docs_total=n_total, subsampled=len(gold) < n_total)
            golds[s.key] = gold
            if not gold:
                entry.update(status="skipped", reason=f"{s.corpus}/{s.split} has no documents")
        except FileNotFoundError as e:
            entry.update(status="skipped", reason=f"corpus folder absent: {e}")
        except Exception as e:  # a broken reader: report it, go on with the other corpora
            entry.update(status="error", reason=f"{type(e).__name__}: {e}", traceback=traceback.format_exc())
        corpora[s.key] = entry
        if entry["status"] != "ok":
            _log(f"{s.key}: {entry['status']}: {entry['reason'].splitlines()[0]}")

    systems, taken = [], set()
    counts: Dict[Tuple[str, str], List] = {}  # (corpus key, level) -> per-system document counts, in model order
    conf: Dict[str, Dict] = {}
    for m in models:
        t0 = time.perf_counter()
        miner = argmine.load(m, device="cpu", threads=a.threads)
        load_s = time.perf_counter() - t0
        label = model_label(miner.model_info, m, taken)
        systems.append({"label": label, "path": str(m) if m else None, **miner.model_info,
                        "load_s_in_process": round(load_s, 3)})
        _log(f"model {label} loaded in {load_s:.1f}s")
        for s in suite:
            entry = corpora[s.key]
            if entry["status"] != "ok":
                continue
            gold = golds[s.key]
            try:
                t0 = time.perf_counter()
                pred = list(miner.mine_batch([d.text for d in gold], ids=[d.id for d in gold],
                                             batch_size=a.batch_size, show_progress=False))
                mine_s = time.perf_counter() - t0
                per_level = {}
                for level in s.levels:
                    scores, c = score_system(gold, pred, level, a.bootstrap, a.seed, a.confidence)
                    per_level[level] = scores
                    counts.setdefault((s.key, level), []).append(c)
                entry["systems"][label] = per_level
                entry["seconds"][label] = {"mine": round(mine_s, 2), "total": round(time.perf_counter() - t0, 2)}
                if s.key == "aaec":
                    conf[label] = confusion(gold, pred)
                _log(f"{label} on {s.key} ({len(gold)} docs): mined in {mine_s:.1f}s, scored in "
                     f"{time.perf_counter() - t0 - mine_s:.1f}s")
            except Exception as e:
                entry.update(status="error", reason=f"{label}: {type(e).__name__}: {e}", traceback=traceback.format_exc())
                _log(f"{s.key}: error: {e}")
        del miner

    comparisons = []
    if len(systems) > 1:
        labels = [x["label"] for x in systems]
        for s in suite:
            if corpora[s.key]["status"] != "ok":
                continue
            for level in s.levels:
                c = counts.get((s.key, level), [])
                if len(c) == len(labels):
                    for comp in compare_systems(labels, c, a.bootstrap, a.seed, a.confidence):
                        comparisons.append({"corpus": s.key, "level": level, **comp})
    return {"corpora": corpora, "systems": systems, "confusion": conf, "comparisons": comparisons}


# -- speed --------------------------------------------------------------------------------------------------------

def _run_json(cmd: List[str], timeout: float) -> Dict:
    """Run a benchmark in a fresh process (clean peak memory and load time) and read the JSON it writes."""
    with tempfile.TemporaryDirectory() as td:
        out = Path(td) / "res.json"
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
        proc = subprocess.run(cmd + ["--json", str(out)], capture_output=True, text=True, env=env, timeout=timeout)
        if proc.returncode != 0 or not out.exists():
            tail = (proc.stderr or proc.stdout or "").strip().splitlines()[-5:]
            raise RuntimeError(f"{' '.join(cmd[1:3])} exited with {proc.returncode}: " + " | ".join(tail))
        return json.loads(out.read_text())


def encoder_baseline(a: argparse.Namespace) -> Dict:
    """The yardstick of the speed suite, run in its own process: load the model's tokenizer and its bare encoder
    (architecture and weights, without argmine's heads), and run the encoder forward over the same texts' wordpiece
    windows (the texts of benchmarks/speed.py). Imports before the clock mirror speed.py's."""
    import torch

    torch.set_num_threads(a.threads)
    import argmine  # noqa: F401
    from argmine.model.features import prepare
    from argmine.model.network import encode_paragraphs  # noqa: F401  (speed.py imports it before its clock)
    import speed

    from argmine.model.directory import default_model_dir, read_config, weights_file

    path = Path(a.model[0]) if a.model else default_model_dir()
    t0 = time.perf_counter()
    from safetensors import safe_open
    from transformers import AutoConfig, AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(path), local_files_only=True)
    cfg = read_config(path)
    enc_cfg = dict(cfg.encoder_config)
    enc = AutoModel.from_config(AutoConfig.for_model(enc_cfg.pop("model_type", "bert"), **enc_cfg))
    with safe_open(str(weights_file(path)), "pt") as f:
        state = {k[len("encoder."):]: f.get_tensor(k).float() for k in f.keys() if k.startswith("encoder.")}
    enc.load_state_dict(state, strict=False)
    enc.eval()
    load_s = time.perf_counter() - t0

    texts, what = speed.texts_for_benchmark(str(a.data_dir))
    paras = [p for t in texts for p in prepare(t, tok, cfg.max_length)]
    pieces = sum(len(w.input_ids) for p in paras for w in p.windows)

    speed.encoder_forward(enc, paras[:1], a.batch_size)  # warm-up
    enc_s = speed.encoder_forward(enc, paras, a.batch_size)
    res = {"texts": what, "n_docs": len(texts), "wordpieces": pieces, "threads": a.threads,
           "load_s": round(load_s, 3), "encoder_forward_s": round(enc_s, 3),
           "wordpieces_per_s": round(pieces / enc_s) if enc_s > 0 else None,
           "docs_per_s": round(len(texts) / enc_s, 2) if enc_s > 0 else None,
           "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    if a.json:
        Path(a.json).write_text(json.dumps(res, indent=2) + "\n")
    return res


def _ratio(x, y, nd=2):
    try:
        return round(float(x) / float(y), nd) if y else None
    except (TypeError, ValueError):
        return None


def run_speed(a: argparse.Namespace, data_dir: Path, model: Optional[str], timeout: float = 1200) -> Dict:
    """benchmarks/speed.py (argmine mining and, in the same process, the bare encoder forward over the same windows)
    plus the encoder-only baseline process (load time and peak memory of the bare encoder)."""
    common = ["--data-dir", str(data_dir), "--threads", str(a.threads), "--batch-size", str(a.batch_size)]
    margs = ["--model", str(model)] if model else []
    sp = _run_json([sys.executable, str(BENCH / "speed.py")] + common + margs, timeout)
    base = _run_json([sys.executable, str(Path(__file__).resolve()), "--encoder-baseline"] + common + margs, timeout)
    enc_s = sp.get("encoder_only_s")
    enc_wps = _ratio(sp.get("wordpieces"), enc_s, 0)
    enc_wps = int(enc_wps) if enc_wps is not None else None
    enc_dps = _ratio(sp.get("n_docs"), enc_s, 2)
    ratios = {
        "time_vs_encoder_forward": sp.get("ratio_to_encoder_forward"),
        "wordpieces_per_s_vs_encoder": _ratio(sp.get("wordpieces_per_s"), enc_wps, 3),
        "docs_per_s_vs_encoder": _ratio(sp.get("docs_per_s"), enc_dps, 3),
        "load_s_vs_encoder": _ratio(sp.get("load_s"), base.get("load_s")),
        "peak_rss_vs_encoder": _ratio(sp.get("peak_rss_mb"), base.get("peak_rss_mb")),
    }
    return {"speed_py": sp, "encoder_baseline": base, "encoder_wordpieces_per_s": enc_wps,
            "encoder_docs_per_s": enc_dps, "ratios": ratios,
            "commands": [f"python benchmarks/speed.py {' '.join(common + margs)}",
                         f"python benchmarks/run_all.py --encoder-baseline {' '.join(common + margs)}"]}


# -- plots --------------------------------------------------------------------------------------------------------

def make_plots(res: Dict, out: Path) -> Dict[str, str]:
    """PNG files (name -> what it shows), or ``{}`` with a note in ``res['notes']`` when they cannot be drawn."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        res["notes"].append("No plots: matplotlib is not installed (pip install matplotlib).")
        return {}
    files: Dict[str, str] = {}
    aaec = res["accuracy"]["corpora"].get("aaec")
    labels = [s["label"] for s in res["accuracy"]["systems"]]
    if not aaec or aaec["status"] != "ok" or not aaec["systems"]:
        res["notes"].append("No AAEC plots (per-label F1, confusion matrix, accuracy vs speed): AAEC test was not scored.")
        return files

    # per-label F1 (essay level): components and relations, 100% and 50% per model
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [3, 2]})
    for ax, part, labs in ((axes[0], "components", list(UNIT_LABELS)), (axes[1], "relations", ["supports", "attacks"])):
        n = len(labels) * 2
        width = 0.8 / n
        for k, lab in enumerate(labels):
            pl = aaec["systems"][lab]["essay"][part]["per_label"]
            for j, crit in enumerate(("100", "50")):
                xs = [i + (2 * k + j - (n - 1) / 2) * width for i in range(len(labs))]
                ys = [100 * pl.get(x, {}).get(f"f1_{crit}", 0.0) for x in labs]
                bars = ax.bar(xs, ys, width, label=f"{lab} F1 {crit}%", alpha=1.0 if crit == "100" else 0.55,
                              color=f"C{k}", hatch="" if crit == "100" else "//")
                for b, y in zip(bars, ys):
                    ax.text(b.get_x() + b.get_width() / 2, y + 0.8, f"{y:.0f}", ha="center", fontsize=7)
        ax.set_xticks(range(len(labs)))
        ax.set_xticklabels(labs)
        ax.set_ylim(0, 105)
        ax.set_ylabel("F1 (%)")
        ax.set_title(f"AAEC test, essay level: {part}")
    axes[0].legend(fontsize=7, loc="upper left")
    fig.tight_layout()
    fig.savefig(out / "per_label_f1_aaec_test.png", dpi=120)
    plt.close(fig)
    files["per_label_f1_aaec_test.png"] = "per-label F1 (100% and 50% match) on AAEC test, essay level"

    # confusion matrix of unit labels, one panel per model
    conf = res["accuracy"]["confusion"]
    fig, axes = plt.subplots(1, len(labels), figsize=(4.6 * len(labels), 4.2), squeeze=False)
    for ax, lab in zip(axes[0], labels):
        c = conf[lab]
        mat = c["matrix"]
        ax.imshow(mat, cmap="Blues")
        ax.set_xticks(range(len(c["labels"])))
        ax.set_yticks(range(len(c["labels"])))
        ax.set_xticklabels(c["labels"], rotation=30)
        ax.set_yticklabels(c["labels"])
        ax.set_xlabel("predicted")
        ax.set_ylabel("gold")
        top = max(max(r) for r in mat) or 1
        for i, row in enumerate(mat):
            for j, v in enumerate(row):
                ax.text(j, i, str(v), ha="center", va="center", fontsize=8, color="white" if v > top / 2 else "black")
        ax.set_title(f"{lab}\nAAEC test, spans matched at >=50%", fontsize=9)
    fig.tight_layout()
    fig.savefig(out / "confusion_aaec_test.png", dpi=120)
    plt.close(fig)
    files["confusion_aaec_test.png"] = "unit-label confusion matrix on AAEC test (>=50% overlap, label-agnostic)"

    # accuracy against speed, one point per model
    speed = res.get("speed") or {}
    pts = [(lab, speed[lab]["speed_py"].get("docs_per_s"), aaec["systems"][lab]["essay"]["components"])
           for lab in labels if lab in speed and "speed_py" in speed[lab]]
    if not pts:
        res["notes"].append("No accuracy-vs-speed plot: the speed suite did not run.")
        return files
    fig, ax = plt.subplots(figsize=(6, 4.2))
    for k, (lab, dps, comp) in enumerate(pts):
        y = 100 * comp["f1_100"]
        ci = comp.get("ci", {}).get("f1_100")
        yerr = [[y - 100 * ci[0]], [100 * ci[1] - y]] if ci else None
        ax.errorbar([dps], [y], yerr=yerr, fmt="o", color=f"C{k}", capsize=4, label=lab)
        ax.annotate(lab, (dps, y), textcoords="offset points", xytext=(6, 6), fontsize=8)
    sp0 = speed[pts[0][0]]["speed_py"]
    ax.set_xlabel(f"documents / s ({sp0.get('texts', '')}, {sp0.get('threads')} CPU threads)")
    ax.set_ylabel("AAEC test components F1 100%, essay level (%)")
    ax.set_ylim(0, 100)
    ax.set_xlim(0, 1.25 * max(p[1] or 0 for p in pts) or 1)
    ax.set_title("Accuracy against speed (bars: bootstrap CI)", fontsize=10)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(out / "accuracy_vs_speed.png", dpi=120)
    plt.close(fig)
    files["accuracy_vs_speed.png"] = "AAEC test components F1 100% against documents/s, one point per model"
    return files


# -- report -------------------------------------------------------------------------------------------------------

def report_notes(res: Dict) -> List[str]:
    """The report's notes: how the run was cut short (quick, subsampled), then corpora skipped, failed or subsampled."""
    notes = list(res["notes"])
    st, acc = res["settings"], res["accuracy"]
    if st["quick"]:
        notes.insert(0, f"**Quick run** (`--quick`): only the first {st['max_docs']} documents of each "
                        f"corpus split and {st['bootstrap']} bootstrap resamples. These figures are a smoke test, not results.")
    elif st["max_docs"]:
        notes.insert(0, f"**Subsampled**: only the first {st['max_docs']} documents of each corpus split "
                        "were scored (`--max-docs`).")
    for c in acc["corpora"].values():
        if c["status"] == "skipped":
            notes.append(f"Skipped {c['title']} (`{c['corpus']}/{c['split']}`): {c['reason']}")
        elif c["status"] == "error":
            notes.append(f"**Error** on {c['title']} (`{c['corpus']}/{c['split']}`): {c['reason']}")
        elif c.get("subsampled"):
            notes.append(f"{c['title']}: {c['n_docs']} of {c['n_docs_total']} documents scored.")
    return notes


def render_report(res: Dict) -> str:
    """report.md from ``res`` (what results.json holds), through the template ``benchmark_report.md``."""
    from argmine.templates import render

    speed = res.get("speed") or {}
    return render("benchmark_report.md", res=res, labels=[s["label"] for s in res["accuracy"]["systems"]],
                  notes=report_notes(res), first_speed=next((v["speed_py"] for v in speed.values() if "speed_py" in v), None),
                  fmt=published.fmt, sources=published.SOURCES)


# -- main ---------------------------------------------------------------------------------------------------------

def main(argv: Optional[Sequence[str]] = None) -> Dict:
    a = parse_args(argv)
    if a.encoder_baseline:
        return encoder_baseline(a)  # texts: benchmarks/speed.py's (its own fallback when --data-dir lacks AAEC)
    t_start = time.perf_counter()
    data_dir = resolve_data_dir(a.data_dir)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    models: List[Optional[str]] = [str(Path(m).resolve()) for m in a.model] if a.model else [None]
    import torch

    res: Dict = {
        "created": _dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": "python benchmarks/run_all.py " + " ".join(sys.argv[1:] if argv is None else list(argv)),
        "environment": {"python": platform.python_version(), "torch": torch.__version__,
                        "machine": f"{platform.system()} {platform.machine()}", "cpus": os.cpu_count()},
        "settings": {"data_dir": str(data_dir), "quick": a.quick, "max_docs": a.max_docs, "bootstrap": a.bootstrap,
                     "seed": a.seed, "confidence": a.confidence, "threads": a.threads, "batch_size": a.batch_size,
                     "skip_speed": a.skip_speed, "corpora": a.corpora or [s.key for s in SUITE]},
        "notes": [],
    }
    _log(f"accuracy suite on {data_dir} ({'quick' if a.quick else 'full'})")
    res["accuracy"] = run_accuracy(a, data_dir, models)

    res["speed"] = {}
    if not a.skip_speed:
        for m, s in zip(models, res["accuracy"]["systems"]):
            _log(f"speed suite: {s['label']}")
            try:
                res["speed"][s["label"]] = run_speed(a, data_dir, m)
            except Exception as e:
                res["speed"][s["label"]] = {"error": f"{type(e).__name__}: {e}"}
                res["notes"].append(f"Speed suite failed for {s['label']}: {e}")
        if a.quick:
            res["notes"].append("The speed suite is not subsampled by --quick: it times benchmarks/speed.py's texts "
                                "(the AAEC test essays when present).")

    res["published"] = {"rows": published.rows(), "entries": published.PUBLISHED, "sources": published.SOURCES,
                        "search_log": published.SEARCH_LOG}
    res["plots"] = {} if a.no_plots else make_plots(res, out)
    res["runtime_s"] = round(time.perf_counter() - t_start, 1)
    (out / "results.json").write_text(json.dumps(res, indent=2, default=str) + "\n", encoding="utf-8")
    (out / "report.md").write_text(render_report(res), encoding="utf-8")
    _log(f"wrote {out / 'report.md'}, {out / 'results.json'}" + "".join(f", {out / n}" for n in res["plots"])
         + f" in {res['runtime_s'] / 60:.1f} min")
    return res


def _exit_code(res: Dict) -> int:
    bad = [c for c in res.get("accuracy", {}).get("corpora", {}).values() if c["status"] == "error"]
    bad += [v for v in res.get("speed", {}).values() if "error" in v]
    return 1 if bad else 0


if __name__ == "__main__":
    from argmine.errors import ArgmineError

    try:
        r = main()
    except (ArgmineError, FileNotFoundError) as e:  # no data directory, no model: say what to do, no traceback
        print(f"run_all: {e}", file=sys.stderr)
        sys.exit(2)
    sys.exit(_exit_code(r) if isinstance(r, dict) and "accuracy" in r else 0)

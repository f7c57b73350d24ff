"""A self-contained HTML page per document, and an index page for a batch.

The page needs nothing from the network: CSS, the script and the SVG graph are inline. Every piece of the
document (text, ids, model name) is HTML-escaped, so a unit that reads ``<script>`` is shown, not run.
The graph is laid out here (major claims on top, claims below, premises below them; a premise that argues
for another premise one row lower still), so it shows without the script too; the script only links the
two views (hover a unit or a node: both light up with their relations; click one to scroll to the other).
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import quote

from ..data import UNIT_LABELS, Document
from ..templates import asset, render

# colours per unit label: (background, border/accent, dark text)
COLOURS: Dict[str, Tuple[str, str, str]] = {
    "MajorClaim": ("#e9dcff", "#7a3fe0", "#3d1680"),
    "Claim": ("#ffe6bf", "#e08600", "#6b3d00"),
    "Premise": ("#d6ebff", "#2f7fd1", "#0d3f73"),
}
REL_COLOURS = {"supports": "#23923d", "attacks": "#d22f2f"}
SHORT = {"MajorClaim": "MC", "Claim": "C", "Premise": "P"}

# graph geometry (SVG user units = CSS px at scale 1)
NODE_W, NODE_H = 132, 66
H_GAP, V_GAP, PAD = 14, 50, 14
PER_ROW = 4
CHARS_PER_LINE = 21
TEXT_LINES = 3


def _fmt_score(x: float) -> str:
    return f"{float(x):.2f}"


def _model_name(doc: Document) -> str:
    m = doc.model or {}
    name = str(m.get("name") or "unknown model")
    return f"{name} {m['version']}" if m.get("version") else name


def _title(doc: Document) -> str:
    return str(doc.id) if doc.id not in (None, "") else "document"


def _wrap(text: str, width: int = CHARS_PER_LINE, lines: int = TEXT_LINES) -> List[str]:
    words = text.split()
    out: List[str] = []
    cur = ""
    for w in words:
        while len(w) > width:  # a very long token: cut it
            if cur:
                out.append(cur)
                cur = ""
            out.append(w[:width])
            w = w[width:]
        if not cur:
            cur = w
        elif len(cur) + 1 + len(w) <= width:
            cur += " " + w
        else:
            out.append(cur)
            cur = w
    if cur:
        out.append(cur)
    if len(out) > lines:
        out = out[:lines]
        last = out[-1]
        out[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "\u2026"
    return out


# -- graph layout ----------------------------------------------------------------------------------------
def _layers(doc: Document) -> List[List[str]]:
    """Unit ids per layer: MajorClaims, Claims, then premises by how far they are from a claim (at most 3 rows)."""
    by_id = {u.id: u for u in doc.units}
    targets: Dict[str, List[str]] = {}
    for r in doc.relations:
        if r.source in by_id and r.target in by_id:
            targets.setdefault(r.source, []).append(r.target)
    depth: Dict[str, int] = {}

    def premise_depth(uid: str, seen: frozenset) -> int:
        if uid in depth:
            return depth[uid]
        d = 0
        for t in targets.get(uid, []):
            if by_id[t].label == "Premise" and t not in seen:
                d = max(d, premise_depth(t, seen | {t}) + 1)
        depth[uid] = min(d, 2)
        return depth[uid]

    layers: List[List[str]] = [[], [], [], [], []]
    for u in sorted(doc.units, key=lambda u: (u.start, u.end)):
        if u.label == "MajorClaim":
            layers[0].append(u.id)
        elif u.label == "Claim":
            layers[1].append(u.id)
        else:
            layers[2 + premise_depth(u.id, frozenset({u.id}))].append(u.id)
    return [layer for layer in layers if layer]


def layout(doc: Document) -> Tuple[Dict[str, Tuple[float, float]], float, float, List[Tuple[float, List[float]]]]:
    """Top-left corner of each unit's node, the graph's width and height, and its rows (y, x of each node)."""
    layers = _layers(doc)
    widest = max((min(len(layer), PER_ROW) for layer in layers), default=1)
    width = PAD * 2 + widest * NODE_W + (widest - 1) * H_GAP
    targets: Dict[str, List[str]] = {}
    for r in doc.relations:
        targets.setdefault(r.source, []).append(r.target)
    pos: Dict[str, Tuple[float, float]] = {}
    rows: List[Tuple[float, List[float]]] = []
    y = PAD
    for layer in layers:
        # under the things they argue for: order by the mean x of their targets already placed
        def key(uid: str, _i={uid: i for i, uid in enumerate(layer)}):
            xs = [pos[t][0] for t in targets.get(uid, []) if t in pos]
            return (sum(xs) / len(xs) if xs else float("inf"), _i[uid])

        ordered = sorted(layer, key=key) if pos else layer
        for i in range(0, len(ordered), PER_ROW):
            row = ordered[i:i + PER_ROW]
            row_w = len(row) * NODE_W + (len(row) - 1) * H_GAP
            x0 = (width - row_w) / 2
            for j, uid in enumerate(row):
                pos[uid] = (x0 + j * (NODE_W + H_GAP), y)
            rows.append((y, [pos[uid][0] for uid in row]))
            y += NODE_H + V_GAP
    height = (y - V_GAP + PAD) if pos else PAD * 2
    return pos, width, height, rows


def _channel(x1: float, x2: float, rows: List[List[float]], width: float) -> Optional[float]:
    """An x between the nodes of all ``rows`` (a free vertical lane), as near to x1 and x2 as can be."""
    blocked = sorted((x - 3, x + NODE_W + 3) for xs in rows for x in xs)
    free: List[Tuple[float, float]] = []
    at = 0.0
    for lo, hi in blocked:
        if lo > at:
            free.append((at, lo))
        at = max(at, hi)
    if at < width:
        free.append((at, width))
    best, cost = None, float("inf")
    mid = (x1 + x2) / 2
    for lo, hi in free:
        if hi - lo < 4:
            continue
        x = (lo + hi) / 2 if hi - lo < 24 else min(max(mid, lo + 8), hi - 8)
        c = abs(x - x1) + abs(x - x2)
        if c < cost:
            best, cost = x, c
    return best


def _edge_path(a: Tuple[float, float], b: Tuple[float, float], da: float, db: float,
               rows: Sequence[Tuple[float, List[float]]] = (), width: float = 0.0) -> str:
    """A curve from node a (the source) to node b (the target); da/db shift the ends sideways.

    An arrow that passes rows of nodes on its way up runs in a free lane between their nodes.
    """
    ax, ay = a
    bx, by = b
    between = [xs for y, xs in rows if by < y < ay]
    lane = _channel(ax + NODE_W / 2 + da, bx + NODE_W / 2 + db, between, width) if between else None
    if lane is not None:
        x1, y1, x2, y2 = ax + NODE_W / 2 + da, ay, bx + NODE_W / 2 + db, by + NODE_H + 2
        band1, band2 = ay - V_GAP / 2, by + NODE_H + V_GAP / 2
        return (f"M{x1:.1f},{y1:.1f} C{x1:.1f},{y1 - V_GAP / 4:.1f} {lane:.1f},{y1 - V_GAP / 4:.1f} {lane:.1f},{band1:.1f} "
                f"L{lane:.1f},{band2:.1f} C{lane:.1f},{band2 - V_GAP / 4:.1f} {x2:.1f},{band2 - V_GAP / 4:.1f} {x2:.1f},{y2:.1f}")
    if ay > by:  # source below target: top of a to bottom of b
        x1, y1, x2, y2 = ax + NODE_W / 2 + da, ay, bx + NODE_W / 2 + db, by + NODE_H + 2
        my = (y1 + y2) / 2
        return f"M{x1:.1f},{y1:.1f} C{x1:.1f},{my:.1f} {x2:.1f},{my:.1f} {x2:.1f},{y2:.1f}"
    if ay < by:  # source above target: bottom of a to top of b
        x1, y1, x2, y2 = ax + NODE_W / 2 + da, ay + NODE_H, bx + NODE_W / 2 + db, by - 2
        my = (y1 + y2) / 2
        return f"M{x1:.1f},{y1:.1f} C{x1:.1f},{my:.1f} {x2:.1f},{my:.1f} {x2:.1f},{y2:.1f}"
    # same row: an arc over the top
    x1, x2, y1 = ax + NODE_W / 2 + da, bx + NODE_W / 2 + db, ay
    lift = min(V_GAP - 8, 18 + abs(x2 - x1) / 8)
    return f"M{x1:.1f},{y1:.1f} C{x1:.1f},{y1 - lift:.1f} {x2:.1f},{y1 - lift:.1f} {x2:.1f},{y1 - 2:.1f}"


def _spread(rels: List, pos: Dict[str, Tuple[float, float]], end: str) -> Dict[int, float]:
    """A sideways offset per relation index, so several arrows ending on one node (``end``: its target or
    its source) do not meet in one point."""
    group: Dict[str, List[int]] = {}
    for k, r in enumerate(rels):
        group.setdefault(getattr(r, end), []).append(k)
    other = "source" if end == "target" else "target"
    off: Dict[int, float] = {}
    for ks in group.values():
        ks = sorted(ks, key=lambda k: pos[getattr(rels[k], other)][0])
        step = min(16.0, NODE_W * 0.7 / max(len(ks), 1))
        for i, k in enumerate(ks):
            off[k] = (i - (len(ks) - 1) / 2) * step
    return off


def _node(doc: Document, u, x: float, y: float) -> dict:
    bg, fg, dark = COLOURS.get(u.label, ("#eee", "#888", "#333"))
    text = doc.text[u.start:u.end]
    return {"id": u.id, "label": u.label, "x": f"{x:.1f}", "y": f"{y:.1f}", "w": NODE_W, "h": NODE_H, "bg": bg,
            "fg": fg, "dark": dark, "short": SHORT.get(u.label, u.label), "score": u.score, "text": text,
            "lines": _wrap(text)}


def graph_data(doc: Document) -> dict:
    """What ``graph.svg`` draws: the size of the graph, its nodes (placed by :func:`layout`) and its edges."""
    pos, width, height, rows = layout(doc)
    by_id = {u.id: u for u in doc.units}
    rels = [r for r in doc.relations if r.source in pos and r.target in pos and r.source != r.target]
    d_in, d_out = _spread(rels, pos, "target"), _spread(rels, pos, "source")
    edges = [{"label": r.label, "source": r.source, "target": r.target, "score": r.score,
              "colour": REL_COLOURS.get(r.label, "#666"), "dash": "6 4" if r.label == "attacks" else "",
              "d": _edge_path(pos[r.source], pos[r.target], d_out.get(k, 0), d_in.get(k, 0), rows, width)}
             for k, r in enumerate(rels)]
    return {"width": f"{width:.0f}", "height": f"{height:.0f}", "empty_x": f"{width / 2:.0f}",
            "empty_y": f"{height / 2 + 4:.0f}", "markers": [{"label": k, "colour": v} for k, v in REL_COLOURS.items()],
            "edges": edges, "nodes": [_node(doc, by_id[uid], x, y) for uid, (x, y) in pos.items()]}


def graph_svg(doc: Document) -> str:
    """The argument graph as an inline SVG element."""
    return render("graph.svg", graph=graph_data(doc))


# -- text with highlighted units ---------------------------------------------------------------------------
def _tip(u) -> str:
    tip = f"{u.label} {u.id} \u00b7 score {_fmt_score(u.score)}"
    extra = u.extra if isinstance(u.extra, dict) else {}
    if extra.get("stance"):
        tip += f" \u00b7 stance {extra['stance']}"
    if extra.get("evidence_type"):
        tip += f" \u00b7 evidence {extra['evidence_type']}"
    return tip


def text_segments(doc: Document) -> List[dict]:
    """``doc.text`` cut into pieces: plain text (``unit`` None) and units (overlapping units are shown once)."""
    out: List[dict] = []
    pos = 0
    for u in sorted(doc.units, key=lambda u: (u.start, u.end)):
        if u.start < pos or not (0 <= u.start < u.end <= len(doc.text)):
            continue
        out.append({"unit": None, "text": doc.text[pos:u.start]})
        out.append({"unit": u, "text": doc.text[u.start:u.end], "tip": _tip(u)})
        pos = u.end
    out.append({"unit": None, "text": doc.text[pos:]})
    return out


def _legend(doc: Document) -> dict:
    units = [{"label": lab, "bg": COLOURS[lab][0], "fg": COLOURS[lab][1],
              "count": sum(1 for u in doc.units if u.label == lab)} for lab in UNIT_LABELS]
    rels = [{"label": lab, "colour": col, "dash": "6 4" if lab == "attacks" else "",
             "count": sum(1 for r in doc.relations if r.label == lab)} for lab, col in REL_COLOURS.items()]
    return {"units": units, "relations": rels}


def to_html(doc: Document) -> str:
    """One self-contained HTML page: the highlighted text beside the argument graph, a legend and the model's name."""
    return render("page.html", title=_title(doc), model=_model_name(doc), n_units=len(doc.units),
                  n_relations=len(doc.relations), legend=_legend(doc), segments=text_segments(doc),
                  graph=graph_data(doc), css=asset("page.css"), js=asset("page.js"))


# -- batches -------------------------------------------------------------------------------------------------
def page_names(docs: Sequence[Document], suffix: str = ".html", reserved: Iterable[str] = ("index",)) -> List[str]:
    """A distinct, file-system-safe file name per document, from its id (``doc-N`` when it has none).

    Names differ also when compared without case, and none is one of ``reserved`` (``index``, for the index page).
    """
    names: List[str] = []
    used = {r.lower() for r in reserved}
    for i, d in enumerate(docs, 1):
        base = re.sub(r"[^A-Za-z0-9._-]+", "_", str(d.id)).strip("._") if d.id not in (None, "") else ""
        base = base[:100] or f"doc-{i}"
        name, k = base, 1
        while name.lower() in used:
            k += 1
            name = f"{base}-{k}"
        used.add(name.lower())
        names.append(name + suffix)
    return names


def index_html(docs: Iterable[Document], hrefs: Optional[Sequence[str]] = None, *, title: str = "argmine") -> str:
    """An index page for a batch: one row per document with its unit and relation counts and a link to its page.

    ``hrefs``: the link of each document's page (default: :func:`page_names`, the names ``argmine render`` writes).
    """
    docs = list(docs)
    hrefs = list(hrefs) if hrefs is not None else page_names(docs)
    if len(hrefs) != len(docs):
        raise ValueError(f"hrefs must give one link per document; got {len(hrefs)} for {len(docs)} documents")
    cols = list(UNIT_LABELS) + list(REL_COLOURS)
    rows = [_index_row(d, href, cols) for d, href in zip(docs, hrefs)]
    totals = [sum(r["counts"][i] for r in rows) for i in range(len(cols))]
    return render("index.html", title=title, columns=cols, rows=rows, totals=totals, css=asset("page.css"))


def _index_row(d: Document, href: str, cols: Sequence[str]) -> dict:
    counts = {lab: sum(1 for u in d.units if u.label == lab) for lab in UNIT_LABELS}
    counts.update({lab: sum(1 for r in d.relations if r.label == lab) for lab in REL_COLOURS})
    first_line = next((ln.strip() for ln in d.text.splitlines() if ln.strip()), "")
    excerpt = first_line if len(first_line) <= 90 else first_line[:89].rstrip() + "\u2026"
    return {"href": quote(href, safe="/._-~"), "title": _title(d), "excerpt": excerpt, "model": _model_name(d),
            "counts": [counts[c] for c in cols]}

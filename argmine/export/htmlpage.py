"""A self-contained HTML page per document, and an index page for a batch.

The page needs nothing from the network: CSS, the script and the SVG graph are inline. Every piece of the
document (text, ids, model name) is HTML-escaped, so a unit that reads ``<script>`` is shown, not run.
The graph is laid out here (major claims on top, claims below, premises below them; a premise that argues
for another premise one row lower still), so it shows without the script too; the script only links the
two views (hover a unit or a node: both light up with their relations; click one to scroll to the other).
"""
from __future__ import annotations

import re
from html import escape
from typing import Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import quote

from ..data import UNIT_LABELS, Document

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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _e(s) -> str:
    """HTML-escaped, with lone surrogates (not encodable in UTF-8) shown as U+FFFD."""
    return escape(_SURROGATE.sub("\ufffd", str(s)), quote=True)


def _fmt_score(x: float) -> str:
    return f"{float(x):.2f}"


def _fade(x: float) -> str:
    """An inline style giving a unit's CSS variable ``--s``: its score clamped to [0, 1] (the CSS fades by it)."""
    try:
        v = min(1.0, max(0.0, float(x)))
    except (TypeError, ValueError):
        v = 1.0
    return f' style="--s:{v if v == v else 1.0:.2f}"'


def _score_meaning(doc: Document) -> str:
    if (doc.meta or {}).get("scores") == "calibrated":
        return "the probability that the unit is right (calibrated on dev data)"
    return "the model's raw confidence (not a probability)"


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


def graph_svg(doc: Document) -> str:
    """The argument graph as an inline SVG element."""
    pos, width, height, rows = layout(doc)
    by_id = {u.id: u for u in doc.units}
    rels = [r for r in doc.relations if r.source in pos and r.target in pos and r.source != r.target]
    # spread the ends of several arrows on one node
    ins: Dict[str, List[int]] = {}
    outs: Dict[str, List[int]] = {}
    for k, r in enumerate(rels):
        ins.setdefault(r.target, []).append(k)
        outs.setdefault(r.source, []).append(k)

    def spread(group: Dict[str, List[int]], end: str) -> Dict[int, float]:
        off: Dict[int, float] = {}
        for uid, ks in group.items():
            other = (lambda k: pos[rels[k].source][0]) if end == "target" else (lambda k: pos[rels[k].target][0])
            ks = sorted(ks, key=other)
            step = min(16.0, NODE_W * 0.7 / max(len(ks), 1))
            for i, k in enumerate(ks):
                off[k] = (i - (len(ks) - 1) / 2) * step
        return off

    d_in, d_out = spread(ins, "target"), spread(outs, "source")
    parts = [
        f'<svg id="graph" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-label="argument graph">',
        "<defs>",
    ]
    for lab, col in REL_COLOURS.items():
        parts.append(f'<marker id="arrow-{lab}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                     f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{col}"/></marker>')
    parts.append("</defs>")
    if not pos:
        parts.append(f'<text x="{width / 2:.0f}" y="{height / 2 + 4:.0f}" text-anchor="middle" class="empty">no units found</text>')
    parts.append('<g class="edges">')
    for k, r in enumerate(rels):
        col = REL_COLOURS.get(r.label, "#666")
        dash = ' stroke-dasharray="6 4"' if r.label == "attacks" else ""
        parts.append(
            f'<path class="edge rel-{_e(r.label)}" data-source="{_e(r.source)}" data-target="{_e(r.target)}" '
            f'd="{_edge_path(pos[r.source], pos[r.target], d_out.get(k, 0), d_in.get(k, 0), rows, width)}" fill="none" '
            f'stroke="{col}" stroke-width="2"{dash} marker-end="url(#arrow-{_e(r.label)})">'
            f"<title>{_e(r.source)} {_e(r.label)} {_e(r.target)} (score {_fmt_score(r.score)})</title></path>")
    parts.append("</g>")
    parts.append('<g class="nodes">')
    for uid, (x, y) in pos.items():
        u = by_id[uid]
        bg, fg, dark = COLOURS.get(u.label, ("#eee", "#888", "#333"))
        text = doc.text[u.start:u.end]
        parts.append(f'<g class="node n-{_e(u.label)}" data-unit="{_e(uid)}" tabindex="0" transform="translate({x:.1f},{y:.1f})"{_fade(u.score)}>')
        parts.append(f"<title>{_e(u.label)} {_e(uid)} (score {_fmt_score(u.score)}): {_e(text)}</title>")
        parts.append(f'<rect width="{NODE_W}" height="{NODE_H}" rx="8" ry="8" fill="{bg}" stroke="{fg}" stroke-width="1.5"/>')
        parts.append(f'<text x="8" y="15" class="nhead" fill="{dark}"><tspan font-weight="700">{_e(SHORT.get(u.label, u.label))} '
                     f'{_e(uid)}</tspan><tspan dx="6" class="nscore">{_fmt_score(u.score)}</tspan></text>')
        for i, line in enumerate(_wrap(text)):
            parts.append(f'<text x="8" y="{31 + i * 13}" class="ntext">{_e(line)}</text>')
        parts.append("</g>")
    parts.append("</g></svg>")
    return "".join(parts)


# -- text with highlighted units ---------------------------------------------------------------------------
def text_html(doc: Document) -> str:
    """``doc.text`` with each unit wrapped in a highlighted span (overlapping units are not highlighted twice)."""
    out: List[str] = []
    pos = 0
    for u in sorted(doc.units, key=lambda u: (u.start, u.end)):
        if u.start < pos or not (0 <= u.start < u.end <= len(doc.text)):
            continue
        out.append(_e(doc.text[pos:u.start]))
        tip = f"{u.label} {u.id} \u00b7 score {_fmt_score(u.score)}"
        stance = u.extra.get("stance") if isinstance(u.extra, dict) else None
        if stance:
            tip += f" \u00b7 stance {stance}"
        evidence = u.extra.get("evidence_type") if isinstance(u.extra, dict) else None
        if evidence:
            tip += f" \u00b7 evidence {evidence}"
        out.append(f'<span class="unit u-{_e(u.label)}" data-unit="{_e(u.id)}" data-badge="{_e(u.id)}" '
                   f'data-label="{_e(u.label)}" data-score="{_fmt_score(u.score)}" tabindex="0" title="{_e(tip)}"'
                   f"{_fade(u.score)}>"
                   f"{_e(doc.text[u.start:u.end])}</span>")
        pos = u.end
    out.append(_e(doc.text[pos:]))
    return "".join(out)


def _legend(doc: Document) -> str:
    counts = {lab: sum(1 for u in doc.units if u.label == lab) for lab in UNIT_LABELS}
    rcounts = {lab: sum(1 for r in doc.relations if r.label == lab) for lab in REL_COLOURS}
    items = []
    for lab in UNIT_LABELS:
        bg, fg, _ = COLOURS[lab]
        items.append(f'<span class="lg"><span class="sw" style="background:{bg};border-color:{fg}"></span>'
                     f"{_e(lab)} <b>{counts[lab]}</b></span>")
    for lab, col in REL_COLOURS.items():
        dash = ' stroke-dasharray="6 4"' if lab == "attacks" else ""
        items.append(f'<span class="lg"><svg width="34" height="10" aria-hidden="true"><line x1="1" y1="5" x2="26" y2="5" '
                     f'stroke="{col}" stroke-width="2"{dash}/><path d="M25,1 L33,5 L25,9 z" fill="{col}"/></svg>'
                     f"{_e(lab)} <b>{rcounts[lab]}</b></span>")
    return '<div class="legend">' + "".join(items) + "</div>"


_CSS = """
*{box-sizing:border-box}
body{margin:0;font:15px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d1d1f;background:#f6f6f4}
header{padding:14px 24px 10px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 2px}
h2{font-size:13px;text-transform:uppercase;letter-spacing:.06em;color:#555;margin:0 0 8px}
.meta{margin:0;color:#555;font-size:13px}
.legend{display:flex;flex-wrap:wrap;gap:6px 18px;margin-top:8px;font-size:13px;align-items:center}
.lg{display:inline-flex;align-items:center;gap:6px}
.sw{display:inline-block;width:16px;height:12px;border:2px solid;border-radius:3px}
.hint{color:#777;font-size:12px}
main{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:20px;padding:16px 24px;max-width:1500px;margin:0 auto}
section{background:#fff;border:1px solid #ddd;border-radius:8px;padding:14px 18px}
.graph{position:sticky;top:12px;align-self:start;max-height:calc(100vh - 24px);overflow:auto}
#graph{max-width:100%;height:auto;display:block;margin:0 auto}
.doctext{white-space:pre-wrap;overflow-wrap:anywhere}
.unit,.node{opacity:calc(.4 + .6 * var(--s, 1))}
.unit{border-radius:3px;padding:1px 2px;border-bottom:2px solid;-webkit-box-decoration-break:clone;box-decoration-break:clone;cursor:pointer;transition:background-color .15s}
.unit::before{content:attr(data-badge);font-size:10px;font-weight:700;margin-right:3px;vertical-align:1px;opacity:.8}
.u-MajorClaim{background:#e9dcff;border-color:#7a3fe0}.u-MajorClaim::before{color:#3d1680}
.u-Claim{background:#ffe6bf;border-color:#e08600}.u-Claim::before{color:#6b3d00}
.u-Premise{background:#d6ebff;border-color:#2f7fd1}.u-Premise::before{color:#0d3f73}
.unit.hl{outline:2px solid #1d1d1f;outline-offset:1px}
.unit.rel{outline:2px dashed #777;outline-offset:1px}
.node{cursor:pointer}
.node:focus{outline:none}
.ntext{font-size:11px;fill:#222}
.nhead{font-size:11px}
.nscore{font-size:10px;fill:#555}
.node.hl rect{stroke:#1d1d1f;stroke-width:3}
.node.rel rect{stroke-width:2.5;stroke-dasharray:4 3}
.edge.hl{stroke-width:3.5}
body.focus .node:not(.hl):not(.rel){opacity:.3}
body.focus .edge:not(.hl){opacity:.15}
body.focus .unit:not(.hl):not(.rel){background:transparent}
.empty{fill:#888;font-size:13px}
footer{padding:4px 24px 18px;color:#777;font-size:12px;max-width:1500px;margin:0 auto}
table{border-collapse:collapse;width:100%;background:#fff;font-size:14px}
th,td{border-bottom:1px solid #e3e3e3;padding:6px 10px;text-align:left;vertical-align:top}
th{background:#fafafa;font-weight:600}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.ex{color:#555;max-width:460px}
@media (max-width:900px){main{grid-template-columns:1fr}.graph{position:static;max-height:none}}
"""

_JS = """
(function(){
  // maps without a prototype: a unit id such as "constructor" or "__proto__" is a key like any other
  var byUnit = Object.create(null), byEdge = Object.create(null), related = Object.create(null);
  function add(map, k, v){ (map[k] = map[k] || []).push(v); }
  var els = document.querySelectorAll('[data-unit]');
  for (var i = 0; i < els.length; i++) add(byUnit, els[i].getAttribute('data-unit'), els[i]);
  var edges = document.querySelectorAll('.edge');
  for (var j = 0; j < edges.length; j++) {
    var s = edges[j].getAttribute('data-source'), t = edges[j].getAttribute('data-target');
    add(byEdge, s, edges[j]); add(byEdge, t, edges[j]); add(related, s, t); add(related, t, s);
  }
  function mark(id, on) {
    var f = on ? 'add' : 'remove';
    (byUnit[id] || []).forEach(function(el){ el.classList[f]('hl'); });
    (byEdge[id] || []).forEach(function(el){ el.classList[f]('hl'); });
    (related[id] || []).forEach(function(r){ (byUnit[r] || []).forEach(function(el){ el.classList[f]('rel'); }); });
    document.body.classList[f]('focus');
  }
  function first(id, sel) {
    return (byUnit[id] || []).filter(function(el){ return el.matches(sel); })[0];
  }
  Object.keys(byUnit).forEach(function(id){
    byUnit[id].forEach(function(el){
      el.addEventListener('mouseenter', function(){ mark(id, true); });
      el.addEventListener('mouseleave', function(){ mark(id, false); });
      el.addEventListener('focus', function(){ mark(id, true); });
      el.addEventListener('blur', function(){ mark(id, false); });
      el.addEventListener('click', function(){
        var other = first(id, el.matches('.node') ? '.unit' : '.node');
        if (other && other.scrollIntoView) other.scrollIntoView({block: 'center', behavior: 'smooth'});
      });
    });
  });
  var nUnits = document.querySelectorAll('.unit').length, nNodes = document.querySelectorAll('.node').length;
  document.body.setAttribute('data-argmine-ready', nUnits + ' ' + nNodes + ' ' + edges.length);
  if (location.hash === '#selftest') {
    var span = document.querySelector('.unit'), result = 'pass';
    if (span) {
      var id = span.getAttribute('data-unit'), node = first(id, '.node');
      span.dispatchEvent(new MouseEvent('mouseenter'));
      if (!node || !node.classList.contains('hl') || !document.body.classList.contains('focus')) result = 'fail: hover on text did not light its node';
      span.dispatchEvent(new MouseEvent('mouseleave'));
      if (node && node.classList.contains('hl')) result = 'fail: node stayed lit';
      if (node) {
        node.dispatchEvent(new MouseEvent('mouseenter'));
        if (!span.classList.contains('hl')) result = 'fail: hover on node did not light its text';
        node.dispatchEvent(new MouseEvent('mouseleave'));
      }
    }
    document.body.setAttribute('data-selftest', result);
  }
})();
"""


def to_html(doc: Document) -> str:
    """One self-contained HTML page: the highlighted text beside the argument graph, a legend and the model's name."""
    title = _title(doc)
    n_rel = len(doc.relations)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="argmine">'
        f"<title>{_e(title)} \u2014 argmine</title><style>{_CSS}</style></head>\n"
        f'<body data-doc-id="{_e(title)}">\n'
        f"<header><h1>{_e(title)}</h1>"
        f'<p class="meta">Mined by <b class="model">{_e(_model_name(doc))}</b> \u00b7 {len(doc.units)} units \u00b7 '
        f"{n_rel} relation{'s' if n_rel != 1 else ''} \u00b7 "
        '<span class="hint">hover a unit or a node to see its relations; click to jump between text and graph</span></p>'
        f"{_legend(doc)}</header>\n"
        '<main><section class="text"><h2>Text</h2>'
        f'<div id="doc-text" class="doctext">{text_html(doc)}</div></section>\n'
        f'<section class="graph"><h2>Argument graph</h2>{graph_svg(doc)}</section></main>\n'
        f"<footer>Units are highlighted by label and faded by score: {_score_meaning(doc)}, in each tooltip. "
        "Arrows point from a unit to what it supports (green) or attacks (red, dashed).</footer>\n"
        f"<script>{_JS}</script>\n</body></html>\n"
    )


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
    total = {c: 0 for c in cols}
    rows = []
    for i, (d, href) in enumerate(zip(docs, hrefs), 1):
        counts = {lab: sum(1 for u in d.units if u.label == lab) for lab in UNIT_LABELS}
        counts.update({lab: sum(1 for r in d.relations if r.label == lab) for lab in REL_COLOURS})
        for c in cols:
            total[c] += counts[c]
        first_line = next((ln.strip() for ln in d.text.splitlines() if ln.strip()), "")
        excerpt = first_line if len(first_line) <= 90 else first_line[:89].rstrip() + "\u2026"
        rows.append(
            f'<tr class="doc"><td class="n">{i}</td><td><a href="{_e(quote(href, safe="/._-~"))}">{_e(_title(d))}</a></td>'
            f'<td class="ex">{_e(excerpt)}</td>'
            + "".join(f'<td class="n">{counts[c]}</td>' for c in cols)
            + f"<td>{_e(_model_name(d))}</td></tr>")
    head = "".join(f'<th class="n">{_e(c)}</th>' for c in cols)
    foot = "".join(f'<td class="n"><b>{total[c]}</b></td>' for c in cols)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="argmine">'
        f"<title>{_e(title)} \u2014 {len(docs)} documents</title><style>{_CSS}</style></head>\n"
        f"<body><header><h1>{_e(title)}</h1><p class=\"meta\">{len(docs)} document{'s' if len(docs) != 1 else ''}</p></header>\n"
        '<main style="display:block"><table><thead><tr><th class="n">#</th><th>Document</th><th>Opening</th>'
        f"{head}<th>Model</th></tr></thead><tbody>{''.join(rows)}</tbody>"
        f'<tfoot><tr><td></td><td><b>Total</b></td><td></td>{foot}<td></td></tr></tfoot></table></main>\n'
        "</body></html>\n"
    )

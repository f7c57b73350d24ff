"""A self-contained HTML page per document, and an index page for a batch.

The page needs nothing from the network: CSS, the script and the SVG argument map are inline. The markup is the
jinja2 templates of :mod:`argmine.templates` (``page.html``, ``graph.svg``, ``legend.html``, ``index.html``; the
stylesheet and script ``page.css`` and ``page.js``), autoescaped: every piece of the document (text, ids, model
name) is HTML-escaped, so a unit that reads ``<script>`` is shown, not run. This module gathers what they show.
The map is laid out in Python (:mod:`argmine.export.argmap`: major claims on top, claims under them, premises under
what they argue for), so it shows without the script too; the script only links the two views (hover a unit or a
node: both light up with their relations; click one to scroll to the other).
"""
from __future__ import annotations

import re
from typing import Dict, Iterable, List, Optional, Sequence, Tuple
from urllib.parse import quote

from ..data import UNIT_LABELS, Document
from ..errors import ArgumentValueError
from ..templates import asset, render
from .argmap import NODE_H, NODE_W, edge_path, layout_map, relations_drawn, reversed_edge

# colours per unit label: (background, border/accent, dark text)
COLOURS: Dict[str, Tuple[str, str, str]] = {
    "MajorClaim": ("#e9dcff", "#7a3fe0", "#3d1680"),
    "Claim": ("#ffe6bf", "#e08600", "#6b3d00"),
    "Premise": ("#d6ebff", "#2f7fd1", "#0d3f73"),
}
REL_COLOURS = {"supports": "#23923d", "attacks": "#d22f2f"}
SHORT = {"MajorClaim": "MC", "Claim": "C", "Premise": "P"}

# node text: characters per line, lines (the whole text is in the node's tooltip)
CHARS_PER_LINE = 24
TEXT_LINES = 3
STANCE_COLOURS = {"For": "#23923d", "Against": "#d22f2f"}


def _fmt_score(x: float) -> str:
    return f"{float(x):.2f}"


def _model_name(doc: Document) -> str:
    m = doc.model or {}
    name = str(m.get("name") or "unknown model")
    return f"{name} {m['version']}" if m.get("version") else name


def _doc_id(doc: Document) -> str:
    return str(doc.id) if doc.id not in (None, "") else "document"


def _title(doc: Document) -> str:
    """The page's title: ``meta.title`` when the document has one (a headline), else its id."""
    title = (doc.meta or {}).get("title")
    return " ".join(title.split()) if isinstance(title, str) and title.strip() else _doc_id(doc)


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


def _node(doc: Document, u, x: float, y: float) -> dict:
    bg, fg, dark = COLOURS.get(u.label, ("#eee", "#888", "#333"))
    text = doc.text[u.start:u.end]
    stance = u.extra.get("stance") if isinstance(u.extra, dict) and u.label == "Claim" else None
    stance = str(stance) if stance else ""
    return {"id": u.id, "label": u.label, "x": f"{x:.1f}", "y": f"{y:.1f}", "w": NODE_W, "h": NODE_H, "bg": bg,
            "fg": fg, "dark": dark, "short": SHORT.get(u.label, u.label), "score": u.score, "text": text,
            "lines": _wrap(text), "stance": stance, "stance_colour": STANCE_COLOURS.get(stance, "#555"),
            "stance_w": 10 + 6 * len(stance)}


def graph_data(doc: Document) -> dict:
    """What ``graph.svg`` draws: the map's size, its nodes (placed by :func:`argmine.export.argmap.layout_map`:
    major claims on top, claims below, premises below what they argue for) and its edges (supports: a solid arrow;
    attacks: a dashed line ending in a bar).

    Returns:
        A dict for the template: ``width``, ``height`` and the empty-map text's ``empty_x``, ``empty_y`` (pixels, as
        str), ``colours`` (relation label to colour), ``edges`` and ``nodes`` (each a dict of what its SVG element
        needs)."""
    lay = layout_map(doc)
    by_id = {u.id: u for u in doc.units}
    edges = [{"label": r.label, "source": r.source, "target": r.target, "score": r.score,
              "colour": REL_COLOURS.get(r.label, "#666"), "dash": "5 3" if r.label == "attacks" else "",
              "tree": lay.parent.get(r.source) == r.target, "d": edge_path(lay, r),
              "marker": "marker-start" if reversed_edge(lay, r) else "marker-end"} for r in relations_drawn(doc)]
    nodes = [_node(doc, by_id[uid], x, y) for uid, (x, y) in sorted(lay.pos.items(), key=lambda kv: by_id[kv[0]].start)]
    return {"width": f"{lay.width:.0f}", "height": f"{lay.height:.0f}", "empty_x": f"{lay.width / 2:.0f}",
            "empty_y": f"{lay.height / 2 + 4:.0f}", "colours": REL_COLOURS, "edges": edges, "nodes": nodes,
            "band_y": None if lay.band_y is None else f"{lay.band_y:.1f}", "band_w": f"{lay.width - 16:.0f}"}


def _score_meaning(doc: Document) -> str:
    if (doc.meta or {}).get("scores") == "calibrated":
        return "the probability that the unit is right (calibrated on dev data)"
    return "the model's raw confidence (not a probability)"


def graph_svg(doc: Document) -> str:
    """The argument graph as an inline SVG element.

    Returns:
        The SVG element as a str (markup, escaped)."""
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
    """``doc.text`` cut into pieces: plain text (``unit`` None) and units (overlapping units are shown once).

    Returns:
        A list of dicts in text order: ``{"unit": None, "text"}`` for text outside units, ``{"unit", "text", "tip"}``
        for a unit (``tip``: its hover text)."""
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
    rels = [{"label": lab, "colour": col, "dash": "5 3" if lab == "attacks" else "",
             "count": sum(1 for r in doc.relations if r.label == lab)} for lab, col in REL_COLOURS.items()]
    against = any(u.label == "Claim" and isinstance(u.extra, dict) and u.extra.get("stance") == "Against"
                  for u in doc.units)
    return {"units": units, "relations": rels, "against": against}


def to_html(doc: Document) -> str:
    """One self-contained HTML page: the highlighted text beside the argument graph, a legend and the model's name,
    titled with ``meta.title`` when the document has one, else with its id. Raises nothing.

    Returns:
        The page as a str (UTF-8 HTML, no outside resources)."""
    return render("page.html", title=_title(doc), doc_id=_doc_id(doc), model=_model_name(doc), n_units=len(doc.units),
                  score_meaning=_score_meaning(doc), n_relations=len(doc.relations), legend=_legend(doc),
                  segments=text_segments(doc), graph=graph_data(doc), css=asset("page.css"), js=asset("page.js"))


# -- batches -------------------------------------------------------------------------------------------------
def page_names(docs: Sequence[Document], suffix: str = ".html", reserved: Iterable[str] = ("index",)) -> List[str]:
    """A distinct, file-system-safe file name per document, from its id (``doc-N`` when it has none).

    Names differ also when compared without case, and none is one of ``reserved`` (``index``, for the index page).

    Returns:
        A list of file names (str), one per document, in order, each ending in ``suffix``.
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

    Returns:
        The index page as a str (UTF-8 HTML, no outside resources).

    Raises:
        ArgumentValueError: ``hrefs`` not one per document (E107).
    """
    docs = list(docs)
    hrefs = list(hrefs) if hrefs is not None else page_names(docs)
    if len(hrefs) != len(docs):
        raise ArgumentValueError(f"hrefs must give one link per document; got {len(hrefs)} for {len(docs)} documents. "
                                 "Pass one href per document, or leave hrefs out (page_names).")
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

"""The layout of an argument map: a tree per major claim, computed here so the page needs no layout library.

Each unit hangs under the unit it argues for (its *parent*: the target of its most probable relation that makes
no cycle); major claims are the roots on top, claims hang under them, premises under what they support or attack.
A unit whose children are all premises without children of their own lists them in a column under it (an
indented stack, joined by elbow connectors), so an op-ed of twenty units stays a few columns wide. Units that argue
for nothing (and their subtrees) stand beside the trees (a claim) or in a band below them (a premise). Relations
that are not tree edges (a unit's second target) are drawn as free curves.

Everything here is geometry in SVG user units (CSS pixels at scale 1); :mod:`argmine.export.htmlpage` draws it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from ..data import Document, Relation

NODE_W, NODE_H = 156, 70
H_GAP, V_GAP, PAD = 20, 46, 16
STACK_GAP, INDENT = 12, 36
BAND_LABEL = 26  # room for the label of the band of units that argue for nothing
BASE_DEPTH = {"MajorClaim": 0, "Claim": 1, "Premise": 2}
MAX_DEPTH = 40  # a chain of units longer than this is cut into trees of its own (drawn with free curves between)


@dataclass
class MapLayout:
    """Where each unit's node goes (top-left corner), the map's size and the tree it draws.

    ``parent``: unit id -> the unit it hangs under; ``stacked``: ids placed in a column under their parent;
    ``band_y``: the top of the band of units that argue for nothing (None when there is no such band).
    """

    pos: Dict[str, Tuple[float, float]] = field(default_factory=dict)
    width: float = 2 * PAD + NODE_W
    height: float = 2 * PAD + NODE_H
    parent: Dict[str, str] = field(default_factory=dict)
    children: Dict[str, List[str]] = field(default_factory=dict)
    stacked: Dict[str, int] = field(default_factory=dict)  # id -> its place in its parent's column
    band_y: Optional[float] = None
    rel_label: Dict[str, str] = field(default_factory=dict)  # id -> the label of its relation to its parent


def relations_drawn(doc: Document) -> List[Relation]:
    """The relations the map draws: both ends units of ``doc``, not a unit to itself.

    Returns:
        A list of ``Relation`` of ``doc``, in document order."""
    ids = {u.id for u in doc.units}
    return [r for r in doc.relations if r.source in ids and r.target in ids and r.source != r.target]


def tree_parents(doc: Document) -> Dict[str, str]:
    """Unit id -> the unit it hangs under: the target of its most probable relation that closes no cycle.

    Major claims hang under nothing (they are the roots).

    Returns:
        A dict from unit id to its parent's unit id; roots are not keys.
    """
    return {k: r.target for k, r in tree_relations(doc).items()}


def tree_relations(doc: Document) -> Dict[str, Relation]:
    """Unit id -> the relation that hangs it under its parent (see :func:`tree_parents`).

    Returns:
        A dict from unit id to the ``Relation`` of ``doc`` that hangs it under its parent; roots are not keys."""
    labels = {u.id: u.label for u in doc.units}
    parent: Dict[str, str] = {}
    chosen: Dict[str, Relation] = {}
    for r in sorted(relations_drawn(doc), key=lambda r: -float(r.score)):
        if r.source in parent or labels[r.source] == "MajorClaim":
            continue
        up: Optional[str] = r.target
        while up is not None and up != r.source:
            up = parent.get(up)
        if up is None:  # the target's chain of parents does not lead back to the source
            parent[r.source] = r.target
            chosen[r.source] = r
    return chosen


class _Tree:
    """Block sizes and node places of the forest (one pass to measure, one to place)."""

    def __init__(self, doc: Document, lay: MapLayout):
        self.label = {u.id: u.label for u in doc.units}
        self.lay = lay
        self.size: Dict[str, Tuple[float, float, float]] = {}  # id -> block width, height, node x in the block
        self.offs: Dict[str, List[float]] = {}  # id -> x of each child's block in its block (side by side)

    def leaf(self, uid: str) -> bool:
        return not self.lay.children.get(uid)

    def stacks(self, uid: str) -> bool:
        kids = self.lay.children.get(uid, [])
        return bool(kids) and all(self.leaf(k) and self.label[k] == "Premise" for k in kids)

    def depth_gap(self, uid: str, kid: str, depth: int) -> int:
        """How many layers below ``uid`` (at layer ``depth``) ``kid`` goes: one, or more to reach its label's layer."""
        return max(1, BASE_DEPTH.get(self.label[kid], 2) - depth)

    def measure(self, uid: str, depth: int) -> Tuple[float, float, float]:
        kids = self.lay.children.get(uid, [])
        if not kids:
            self.size[uid] = (NODE_W, NODE_H, 0.0)
        elif self.stacks(uid):
            drop = self.depth_gap(uid, kids[0], depth) * (NODE_H + V_GAP)
            self.size[uid] = (INDENT + NODE_W, drop + len(kids) * (NODE_H + STACK_GAP) - STACK_GAP, 0.0)
        else:
            blocks = [self.measure(k, depth + self.depth_gap(uid, k, depth)) for k in kids]
            drops = [self.depth_gap(uid, k, depth) * (NODE_H + V_GAP) for k in kids]
            offs, x = [], 0.0
            for w, _, _ in blocks:
                offs.append(x)
                x += w + H_GAP
            first, last = offs[0] + blocks[0][2], offs[-1] + blocks[-1][2]
            anchor = (first + last) / 2
            shift = max(0.0, -anchor)
            width = max(x - H_GAP + shift, anchor + shift + NODE_W)
            height = max(d + h for d, (_, h, _) in zip(drops, blocks))
            self.size[uid] = (width, height, anchor + shift)
            self.offs[uid] = [o + shift for o in offs]
        return self.size[uid]

    def place(self, uid: str, x: float, y: float, depth: int) -> None:
        """Put the block of ``uid`` with its top-left corner at (x, y); ``uid`` is at layer ``depth``."""
        _, _, anchor = self.size[uid]
        self.lay.pos[uid] = (x + anchor, y)
        kids = self.lay.children.get(uid, [])
        if self.stacks(uid):
            top = y + self.depth_gap(uid, kids[0], depth) * (NODE_H + V_GAP)
            for i, k in enumerate(kids):
                self.lay.pos[k] = (x + INDENT, top + i * (NODE_H + STACK_GAP))
                self.lay.stacked[k] = i
            return
        for k, off in zip(kids, self.offs.get(uid, [])):
            gap = self.depth_gap(uid, k, depth)
            self.place(k, x + off, y + gap * (NODE_H + V_GAP), depth + gap)


def _cap_depth(lay: MapLayout, ids: List[str]) -> None:
    """Cut every unit more than :data:`MAX_DEPTH` levels below its root off its parent (it heads a tree of its own),
    so no tree is deeper than that, however long a chain of relations the document holds."""
    queue = [(uid, 0) for uid in ids if uid not in lay.parent]
    while queue:
        uid, depth = queue.pop()
        for k in list(lay.children.get(uid, [])):
            if depth + 1 > MAX_DEPTH:
                lay.children[uid].remove(k)
                del lay.parent[k]
                queue.append((k, 0))
            else:
                queue.append((k, depth + 1))


def _roots(doc: Document, lay: MapLayout) -> Tuple[List[str], List[str]]:
    """The roots on top (major claims, then claims that argue for nothing) and those of the band below."""
    order = sorted(doc.units, key=lambda u: (u.start, u.end))
    top = [u.id for u in order if u.id not in lay.parent and u.label == "MajorClaim"]
    top += [u.id for u in order if u.id not in lay.parent and u.label == "Claim"]
    band = [u.id for u in order if u.id not in lay.parent and u.label not in ("MajorClaim", "Claim")]
    return top, band


def layout_map(doc: Document) -> MapLayout:
    """The argument map of ``doc``: see the module's docstring. Pure; the same document gives the same layout.

    Returns:
        A ``MapLayout``: each unit's top-left corner ``pos`` (SVG pixels), its tree ``parent`` and ``children``, the
        ``stacked`` columns, and the map's ``width`` and ``height``."""
    tree_rels = tree_relations(doc)
    lay = MapLayout(parent={k: r.target for k, r in tree_rels.items()}, rel_label={k: r.label for k, r in tree_rels.items()})
    start = {u.id: u.start for u in doc.units}
    for child, par in lay.parent.items():
        lay.children.setdefault(par, []).append(child)
    for kids in lay.children.values():
        kids.sort(key=lambda k: start[k])
    _cap_depth(lay, [u.id for u in doc.units])
    tree = _Tree(doc, lay)
    top, band = _roots(doc, lay)
    lift = 0 if any(tree.label[r] == "MajorClaim" for r in top) else 1  # no major claim: claims on top
    x = PAD
    for r in top:
        depth = BASE_DEPTH[tree.label[r]]
        w, _, _ = tree.measure(r, depth)
        tree.place(r, x, PAD + (depth - lift) * (NODE_H + V_GAP), depth)
        x += w + H_GAP
    _place_band(tree, band, x - H_GAP + PAD if top else 0.0)
    if lay.pos:
        lay.width = max(px + NODE_W for px, _ in lay.pos.values()) + PAD
        lay.height = max(py + NODE_H for _, py in lay.pos.values()) + PAD
    return lay


def _place_band(tree: _Tree, band: List[str], top_width: float) -> None:
    """Trees of the units that argue for nothing, left to right under the others, wrapped at the width on top."""
    lay = tree.lay
    if not band:
        return
    y = (max(py + NODE_H for _, py in lay.pos.values()) + V_GAP + BAND_LABEL) if lay.pos else PAD
    lay.band_y = y - BAND_LABEL + 6 if lay.pos else None
    wrap = max(top_width, 3 * (INDENT + NODE_W + H_GAP))
    x, row_h = PAD, 0.0
    for r in band:
        depth = BASE_DEPTH.get(tree.label[r], 2)
        w, h, _ = tree.measure(r, depth)
        if x > PAD and x + w + PAD > wrap:
            x, y, row_h = PAD, y + row_h + V_GAP, 0.0
        tree.place(r, x, y, depth)
        x, row_h = x + w + H_GAP, max(row_h, h)


def _elbow(s: Tuple[float, float], t: Tuple[float, float], lane: int) -> str:
    """From the bottom of the unit above a column down its spine to the left side of a unit of the column.

    Drawn from the target down (its arrow head is a start marker), so the edges of one column share their spine
    and their dash pattern; ``lane`` 0 for supports, 1 for attacks (a second spine, left of the first).
    """
    spine = t[0] + INDENT - 14 - 8 * lane
    y1, r = s[1] + NODE_H / 2, 6.0
    return (f"M{spine:.1f},{t[1] + NODE_H + 2:.1f} V{y1 - r:.1f} Q{spine:.1f},{y1:.1f} {spine + r:.1f},{y1:.1f} "
            f"H{s[0]:.1f}")


def _curve(s: Tuple[float, float], t: Tuple[float, float], ds: float = 0.0, dt: float = 0.0) -> str:
    """A curve from node ``s`` to node ``t`` (top-left corners); ``ds``/``dt`` shift its ends sideways."""
    x1, x2 = s[0] + NODE_W / 2 + ds, t[0] + NODE_W / 2 + dt
    if s[1] > t[1]:  # up: from the top of s to the bottom of t
        y1, y2 = s[1], t[1] + NODE_H + 2
    elif s[1] < t[1]:  # down: from the bottom of s to the top of t
        y1, y2 = s[1] + NODE_H, t[1] - 2
    else:  # same row: an arc over the top
        lift = min(V_GAP - 8, 18 + abs(x2 - x1) / 8)
        return f"M{x1:.1f},{s[1]:.1f} C{x1:.1f},{s[1] - lift:.1f} {x2:.1f},{s[1] - lift:.1f} {x2:.1f},{s[1] - 2:.1f}"
    my = (y1 + y2) / 2
    return f"M{x1:.1f},{y1:.1f} C{x1:.1f},{my:.1f} {x2:.1f},{my:.1f} {x2:.1f},{y2:.1f}"


def reversed_edge(lay: MapLayout, r: Relation) -> bool:
    """Whether the path of ``r`` runs from its target to its source (an edge into a column: its head is at its start).

    Returns:
        True when the edge is drawn from target to source."""
    return r.source in lay.stacked and lay.parent.get(r.source) == r.target


def edge_path(lay: MapLayout, r: Relation) -> str:
    """The SVG path of relation ``r``: an elbow into a column (drawn from the target: see :func:`reversed_edge`), a
    curve from a child up to its parent, or (not a tree edge) a free curve.

    Returns:
        An SVG path ``d`` attribute (str; coordinates in pixels)."""
    s, t = lay.pos[r.source], lay.pos[r.target]
    if lay.parent.get(r.source) != r.target:
        return _curve(s, t)
    kids = lay.children[r.target]
    i = kids.index(r.source)
    if reversed_edge(lay, r):
        labels = {lay.rel_label.get(k) for k in kids}
        return _elbow(s, t, 1 if r.label == "attacks" and len(labels) > 1 else 0)
    step = min(28.0, NODE_W * 0.8 / len(kids))
    return _curve(s, t, 0.0, (i - (len(kids) - 1) / 2) * step)

"""argmine.export.argmap: the argument map's layout (major claims on top, claims under them, premises under what
they argue for; no two nodes overlap; any relations, cycles included) and how the page draws it (attacks unlike
supports, claims against the major claim marked). The browser check is in tests/test_export.py
(``test_html_in_headless_chromium``: the page's self-test measures the drawn map)."""
from __future__ import annotations

import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from argmine import ArgumentUnit, Document, Relation
from argmine.export import to_html
from argmine.export.argmap import MAX_DEPTH, NODE_H, NODE_W, layout_map, tree_parents

FIX = Path(__file__).parent / "fixtures" / "export"


def _doc() -> Document:
    return Document.from_dict(json.loads((FIX / "doc.json").read_text(encoding="utf-8")))


def _overlap(a, b) -> bool:
    return a[0] < b[0] + NODE_W and b[0] < a[0] + NODE_W and a[1] < b[1] + NODE_H and b[1] < a[1] + NODE_H


def _check(doc: Document) -> None:
    lay = layout_map(doc)
    assert set(lay.pos) == {u.id for u in doc.units}
    boxes = list(lay.pos.values())
    assert not any(_overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert all(0 <= x and x + NODE_W <= lay.width and 0 <= y and y + NODE_H <= lay.height for x, y in boxes)
    for child, par in lay.parent.items():
        assert lay.pos[child][1] >= lay.pos[par][1] + NODE_H, (child, par)  # under what it argues for


def test_fixture_map_is_layered():
    doc = _doc()
    lay = layout_map(doc)
    _check(doc)
    y = {uid: p[1] for uid, p in lay.pos.items()}
    by = {lab: [y[u.id] for u in doc.units if u.label == lab] for lab in ("MajorClaim", "Claim", "Premise")}
    assert max(by["MajorClaim"]) < min(by["Claim"]) and max(by["Claim"]) < min(by["Premise"])
    # U6 argues for U1 (0.74) and U8 (0.41): it hangs under U1; the other relation is drawn as a free curve
    assert lay.parent == {"U2": "U3", "U4": "U2", "U3": "U1", "U5": "U6", "U6": "U1", "U7": "U1"}


def test_cycles_and_self_loops_do_not_break_the_tree():
    text = "A b. C d. E f. G h."
    units = [ArgumentUnit(f"U{i}", 5 * i, 5 * i + 3, "Premise") for i in range(4)]
    rels = [Relation("U0", "U1", "supports", 0.9), Relation("U1", "U2", "supports", 0.8), Relation("U2", "U0", "attacks", 0.7),
            Relation("U3", "U3", "supports", 0.99), Relation("U3", "nowhere", "supports")]
    doc = Document(text, units, rels)
    parents = tree_parents(doc)
    assert parents == {"U0": "U1", "U1": "U2"}  # the weakest link of the cycle is left out of the tree
    _check(doc)
    assert to_html(doc).count('class="edge ') == 3  # drawn: the cycle's three relations, not the self-loop


def test_a_chain_of_thousands_of_units_is_cut_into_shallow_trees():
    n = 1500  # deeper than Python's recursion limit
    units = [ArgumentUnit(f"U{i}", 2 * i, 2 * i + 1, "Premise") for i in range(n)]
    rels = [Relation(f"U{i + 1}", f"U{i}", "supports") for i in range(n - 1)]
    lay = layout_map(Document("w " * n, units, rels))
    assert len(lay.pos) == n and 0 < len(lay.parent) < n - 1
    depth = {}
    for u in units:  # parents come first in this chain
        depth[u.id] = depth[lay.parent[u.id]] + 1 if u.id in lay.parent else 0
    assert max(depth.values()) <= MAX_DEPTH


_LABELS = st.sampled_from(["MajorClaim", "Claim", "Premise"])


@st.composite
def documents(draw):
    n = draw(st.integers(0, 24))
    labels = draw(st.lists(_LABELS, min_size=n, max_size=n))
    units = [ArgumentUnit(f"U{i}", 3 * i, 3 * i + 2, lab) for i, lab in enumerate(labels)]
    pairs = st.tuples(st.integers(0, max(n - 1, 0)), st.integers(0, max(n - 1, 0)), st.sampled_from(["supports", "attacks"]),
                      st.floats(0, 1))
    rels = [Relation(f"U{s}", f"U{t}", lab, sc) for s, t, lab, sc in draw(st.lists(pairs, max_size=2 * n))] if n else []
    return Document("ab " * n, units, rels)


@given(documents())
def test_any_document_gets_a_map_without_overlaps(doc):
    _check(doc)


def test_page_draws_attacks_unlike_supports_and_marks_against_claims():
    text = "We must act. Parking will suffer. It will not. Lanes save lives."
    units = [ArgumentUnit("U1", 0, 11, "MajorClaim"), ArgumentUnit("U2", 13, 32, "Claim", 0.8, {"stance": "Against"}),
             ArgumentUnit("U3", 34, 46, "Premise"), ArgumentUnit("U4", 47, 63, "Claim", 0.8, {"stance": "For"})]
    rels = [Relation("U2", "U1", "attacks"), Relation("U3", "U2", "attacks"), Relation("U4", "U1", "supports")]
    page = to_html(Document(text, units, rels, id="t"))
    edges = re.findall(r'<path class="edge rel-(\w+)[^"]*"[^>]*>', page)
    assert sorted(edges) == ["attacks", "attacks", "supports"]
    for e in re.findall(r'<path class="edge rel-attacks[^>]*>', page):
        assert 'stroke-dasharray' in e and "#arrow-attacks" in e
    for e in re.findall(r'<path class="edge rel-supports[^>]*>', page):
        assert 'stroke-dasharray' not in e and "#arrow-supports" in e
    heads = {m.group(1): m.group(0) for m in re.finditer(r'<marker id="arrow-(\w+)".*?</marker>', page, re.S)}
    assert heads["attacks"] != heads["supports"].replace("supports", "attacks")  # another head, not a recolouring
    assert page.count('class="stance stance-Against"') == 1 and page.count('class="stance stance-For"') == 1
    assert ">against</text>" in page and 'class="pill">against' in page

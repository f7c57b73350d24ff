"""argmine.errors: one catalogue, a unique E### code per error class (at the head of its message), each class also the
built-in exception callers expect; export, batch and ingest raise only catalogue errors; docs/errors.md lists every
code."""
from __future__ import annotations

import ast
import pickle
import re
from pathlib import Path

import pytest

import argmine.errors as errors
from argmine import Document, Relation, ArgumentUnit
from argmine.errors import ArgmineError, catalogue

PACKAGE = Path(errors.__file__).resolve().parent
REPO = PACKAGE.parent


def test_codes_are_unique_and_well_formed():
    classes = [getattr(errors, n) for n in errors.__all__ if n not in ("ArgmineError", "catalogue")]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)) == len(catalogue())
    assert all(re.fullmatch(r"E\d{3}", c) for c in codes)
    assert all(issubclass(c, ArgmineError) and issubclass(c, (ValueError, FileNotFoundError, ImportError, TimeoutError))
               for c in classes)


def test_the_code_heads_the_message_and_survives_pickling():
    e = errors.ExportError("relation label must be one of ('supports',); got 'x'")
    assert str(e) == "[E102] relation label must be one of ('supports',); got 'x'" and e.message.startswith("relation")
    back = pickle.loads(pickle.dumps(errors.ModelNotFoundError("/nowhere")))
    assert str(back).startswith("[E001] model must be") and back.path == "/nowhere"


def test_docs_list_every_code():
    page = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    for code, cls in catalogue().items():
        assert f"| {code} | `{cls.__name__}`" in page, code


def _bare_raises(path: Path):
    """``raise ValueError(...)`` / ``raise FileNotFoundError(...)`` in a module (built-ins, not catalogue classes)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and isinstance(node.exc.func, ast.Name):
            if node.exc.func.id in ("ValueError", "FileNotFoundError"):
                yield f"{path.relative_to(REPO)}:{node.lineno}"


@pytest.mark.parametrize("folder", ["export", "batch", "ingest"])
def test_export_batch_and_ingest_raise_catalogue_errors(folder):
    assert [r for p in sorted((PACKAGE / folder).glob("*.py")) for r in _bare_raises(p)] == []


def test_callers_catching_value_error_still_catch_them():
    from argmine.export import dumps, to_brat

    with pytest.raises(ValueError, match=r"^\[E101\] format must be one of"):
        dumps(Document("x"), "xml")
    bad = Document("A b. C d.", [ArgumentUnit("U1", 0, 3, "Claim")], [Relation("U1", "U9", "supports")])
    with pytest.raises(errors.ExportError) as info:
        to_brat(bad)
    assert isinstance(info.value, ValueError) and info.value.code == "E102"

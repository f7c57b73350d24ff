"""The house rules of the code's documentation: the README's layout lists every module, every public object has a
docstring, the concept pages exist and are linked from the README."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "argmine"
CONCEPTS = ("units", "relations", "scores", "corpora", "errors")


def _layout() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Layout\n")
    return readme[start:readme.index("\n## ", start + 1)]


def test_the_readme_layout_lists_every_module():
    layout = _layout()
    missing = [str(p.relative_to(PACKAGE)) for p in sorted(PACKAGE.rglob("*.py"))
               if p.name != "__init__.py" and f"`{p.name}`" not in layout]
    folders = [p.name for p in PACKAGE.iterdir() if p.is_dir() and not p.name.startswith("__")]
    missing += [f"{f}/" for f in folders if f"`{f}/`" not in layout]
    assert missing == []


def public_objects_without_docstrings(root: Path = PACKAGE):
    """``module:qualname`` of every public module-level function or class, and every public method of a public
    class, that has no docstring (names starting with ``_`` are private; so are modules whose name does)."""
    out = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).with_suffix("")
        if any(part.startswith("_") and part != "__init__" for part in rel.parts):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        if ast.get_docstring(tree) is None:
            out.append(f"{rel}: module")
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and not node.name.startswith("_"):
                if ast.get_docstring(node) is None:
                    out.append(f"{rel}:{node.name}")
                if isinstance(node, ast.ClassDef):
                    for sub in node.body:
                        if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)) and not sub.name.startswith("_") \
                                and ast.get_docstring(sub) is None and not _is_overload(sub):
                            out.append(f"{rel}:{node.name}.{sub.name}")
    return out


def _is_overload(node) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "overload" for d in node.decorator_list)


def test_every_public_object_has_a_docstring():
    assert public_objects_without_docstrings() == []


@pytest.mark.parametrize("concept", CONCEPTS)
def test_concept_pages_exist_and_the_readme_links_them(concept):
    page = REPO / "docs" / f"{concept}.md"
    assert page.exists()
    assert f"(docs/{concept}.md)" in (REPO / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(([a-z_]+\.md)\)", page.read_text(encoding="utf-8")):
        assert (REPO / "docs" / link).exists(), (concept, link)


if __name__ == "__main__":  # python tests/test_docs.py: list what lacks a docstring
    print("\n".join(public_objects_without_docstrings()) or "every public object has a docstring")

"""The house rules of the code's documentation: the README's layout lists every module, every public object has a
docstring that names the errors its own body raises, the concept pages exist and are linked from the README."""
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


# control flow, not errors: typer.Exit ends a command with its exit code
NOT_ERRORS = {"Exit"}
CONSTRUCTORS = {"__init__", "__post_init__", "__call__"}


def _raised_here(fn) -> list:
    """Class names of the errors ``fn``'s own body raises by name (``raise X(...)`` or ``raise X``): not bare
    re-raises, not ``raise e`` of a caught error, not raises inside nested functions, lambdas or classes."""
    names, stack = [], list(fn.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Raise) and node.exc is not None:
            exc = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            name = exc.attr if isinstance(exc, ast.Attribute) else getattr(exc, "id", None)
            if name and name[0].isupper() and name not in NOT_ERRORS:
                names.append(name)
        stack.extend(ast.iter_child_nodes(node))
    return sorted(set(names))


def _codes() -> dict:
    from argmine import errors

    return {name: getattr(errors, name).code for name in errors.__all__ if hasattr(getattr(errors, name), "code")}


def public_functions(root: Path = PACKAGE, also=frozenset()):
    """``(module, qualname, function node, class node or None)`` for every public function of the public modules
    under ``root`` and every public method (or one named in ``also``) of their public classes."""
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).with_suffix("")
        if any(part.startswith("_") and part != "__init__" for part in rel.parts):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) or node.name.startswith("_"):
                continue
            if isinstance(node, ast.ClassDef):
                for sub in node.body:
                    if isinstance(sub, (ast.FunctionDef, ast.AsyncFunctionDef)) \
                            and (not sub.name.startswith("_") or sub.name in also):
                        yield rel, f"{node.name}.{sub.name}", sub, node
            else:
                yield rel, node.name, node, None


def raises_not_documented(root: Path = PACKAGE):
    """``module:qualname: Error`` for every public function or method (constructors too: their own docstring or
    their class's) that raises ``Error`` by name in its own body while its docstring names neither the class nor
    its catalogue code (``E108``)."""
    codes, out = _codes(), []

    def check(rel, qualname, fn, extra=""):
        doc = (ast.get_docstring(fn) or "") + "\n" + extra
        for name in _raised_here(fn):
            if not re.search(rf"\b{name}\b", doc) and not (name in codes and codes[name] in doc):
                out.append(f"{rel}:{qualname}: {name}")

    for rel, qualname, fn, cls in public_functions(root, CONSTRUCTORS):
        check(rel, qualname, fn, (ast.get_docstring(cls) or "") if fn.name in CONSTRUCTORS else "")
    return out


def test_docstrings_name_the_errors_they_raise():
    assert raises_not_documented() == []


def test_the_raises_check_sees_what_it_should(tmp_path):
    pkg = tmp_path / "argmine"
    pkg.mkdir()
    (pkg / "mod.py").write_text('''"""m"""
def named(x):
    """Says nothing."""
    if x:
        raise ArgumentValueError("x must be 0; got 1")


def by_code(x):
    """Raises E107 when x."""
    raise ArgumentValueError("x")


def reraises():
    """Nothing."""
    try:
        pass
    except ValueError as e:
        raise
    def inner():
        raise ConfigError("inner")


class Thing:
    """Raises:
        ConfigError: always."""

    def __init__(self):
        raise ConfigError("c")

    def method(self):
        """M."""
        raise errors.InputFileError("f")
''', encoding="utf-8")
    assert raises_not_documented(pkg) == ["argmine/mod:named: ArgumentValueError",
                                          "argmine/mod:Thing.method: InputFileError"]


MAX_FUNCTION_LINES = 60  # issue 15: a function a newcomer can read at once


def long_functions(root: Path = PACKAGE):
    """``module:name (N lines)`` of every function or method, private ones too, longer than
    ``MAX_FUNCTION_LINES`` counted from its ``def`` line to its last line, docstring included."""
    out = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    out.append(f"{path.relative_to(root.parent).with_suffix('')}:{node.name} ({n} lines)")
    return out


def test_no_function_is_longer_than_sixty_lines():
    assert long_functions() == []


def test_the_length_check_counts_from_def_to_the_last_line(tmp_path):
    pkg = tmp_path / "argmine"
    pkg.mkdir()
    body = "".join(f"    x{i} = {i}\n" for i in range(59))
    (pkg / "mod.py").write_text(f"def fits():\n{body}\n\ndef too_long():\n{body}    return x0\n", encoding="utf-8")
    assert long_functions(pkg) == ["argmine/mod:too_long (61 lines)"]


# skipped by the Returns rule: a property reads as an attribute (its docstring says what it is); an overload's
# signature is documented by the implementation
NOT_RETURNING = {"property", "cached_property", "overload", "setter"}


def _returns_value(fn) -> bool:
    """Whether ``fn``'s own body (not nested functions, lambdas or classes) has a ``return X`` with X not None."""
    stack = list(fn.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        if isinstance(node, ast.Return) and node.value is not None \
                and not (isinstance(node.value, ast.Constant) and node.value.value is None):
            return True
        stack.extend(ast.iter_child_nodes(node))
    return False


def _decorators(fn) -> set:
    return {d.attr if isinstance(d, ast.Attribute) else getattr(d, "id", None) for d in fn.decorator_list}


def returns_not_documented(root: Path = PACKAGE):
    """``module:qualname`` of every public function, and every public method of a public class, that returns a
    value but whose docstring has no ``Returns:`` section (Google style: a line ``Returns:`` followed by what comes
    back: its type, shape, units). Dunder and private methods, properties and overloads are not checked."""
    out = []
    for rel, qualname, fn, _ in public_functions(root):
        if _decorators(fn) & NOT_RETURNING or not _returns_value(fn):
            continue
        doc = ast.get_docstring(fn) or ""
        if not re.search(r"^([ \t]*)Returns:\n\1[ \t]+\S", doc, re.M):  # the section, indented text under it
            out.append(f"{rel}:{qualname}")
    return out


def test_docstrings_say_what_functions_return():
    assert returns_not_documented() == []


def test_the_returns_check_sees_what_it_should(tmp_path):
    pkg = tmp_path / "argmine"
    pkg.mkdir()
    (pkg / "mod.py").write_text('''"""m"""
def says_it_in_a_sentence(x):
    """The double of x."""
    return 2 * x


def documented(x):
    """Double x.

    Returns:
        An int, 2 * x."""
    return 2 * x


def empty_section(x):
    """Double x.

    Returns:
    """
    return 2 * x


def returns_nothing(x):
    """Print x."""
    print(x)
    return None


def only_a_nested_function_returns():
    """Make a function."""
    def inner():
        return 1
    print(inner)


class Thing:
    """A thing."""

    @property
    def size(self):
        """Its size."""
        return 1

    def __len__(self):
        return 1

    def count(self):
        """How many."""
        return 1
''', encoding="utf-8")
    assert returns_not_documented(pkg) == ["argmine/mod:says_it_in_a_sentence", "argmine/mod:empty_section",
                                           "argmine/mod:Thing.count"]


@pytest.mark.parametrize("concept", CONCEPTS)
def test_concept_pages_exist_and_the_readme_links_them(concept):
    page = REPO / "docs" / f"{concept}.md"
    assert page.exists()
    assert f"(docs/{concept}.md)" in (REPO / "README.md").read_text(encoding="utf-8")
    for link in re.findall(r"\]\(([a-z_]+\.md)\)", page.read_text(encoding="utf-8")):
        assert (REPO / "docs" / link).exists(), (concept, link)


if __name__ == "__main__":  # python tests/test_docs.py: list what lacks a docstring
    print("\n".join(public_objects_without_docstrings()) or "every public object has a docstring")
    print("\n".join(raises_not_documented()) or "every docstring names the errors its function raises")
    print("\n".join(returns_not_documented()) or "every function that returns a value says what in Returns:")

"""Corpus readers: each turns an annotated corpus into argmine Documents, reading from a data directory."""
from __future__ import annotations

from typing import Callable, Dict, List
from ..errors import ArgumentValueError

CORPORA = ("aaec", "oped", "webis", "microtexts", "abstrct", "cdcp", "ukp")
# other names accepted for a corpus: its data folder's name
ALIASES = {"arg-microtexts": "microtexts", "web-discourse-toulmin": "ukp", "webis-editorials-16": "webis",
           "argmine-oped": "oped"}
_MODULES = {"aaec": "aaec", "webis": "webis", "microtexts": "microtexts", "abstrct": "abstrct", "cdcp": "cdcp",
            "ukp": "ukp", "oped": "oped"}


def get_splits(name: str) -> tuple:
    """The split names ``get_reader(name)`` accepts.

    Returns:
        A tuple of str: the corpus's split names.

    Raises:
        ArgumentValueError: an unknown corpus name (E107)."""
    import importlib

    key = ALIASES.get(name, name)
    if key not in _MODULES:
        raise ArgumentValueError(f"corpus must be one of {CORPORA}; got {name!r}. "
                             "Pass one of those names (or an alias of argmine.corpora.ALIASES).")
    return tuple(importlib.import_module(f"{__name__}.{_MODULES[key]}").SPLITS)


def get_reader(name: str) -> Callable[..., List]:
    """``reader(data_dir, split) -> list[Document]`` for a corpus name (see ``CORPORA``, ``get_splits``).

    Returns:
        The reader function, ``reader(data_dir, split) -> List[Document]``.

    Raises:
        ArgumentValueError: an unknown corpus name (E107)."""
    name = ALIASES.get(name, name)
    if name == "microtexts":
        from .microtexts import read_microtexts

        return read_microtexts
    if name == "abstrct":
        from .abstrct import read_abstrct

        return read_abstrct
    if name == "cdcp":
        from .cdcp import read_cdcp

        return read_cdcp
    if name == "ukp":
        from .ukp import read_ukp

        return read_ukp
    if name == "oped":
        from .oped import read_oped

        return read_oped
    if name == "aaec":
        from .aaec import read_aaec

        return read_aaec
    if name == "webis":
        from .webis import read_webis

        return read_webis
    raise ArgumentValueError(f"corpus must be one of {CORPORA}; got {name!r}. "
                             "Pass one of those names (or an alias of argmine.corpora.ALIASES).")

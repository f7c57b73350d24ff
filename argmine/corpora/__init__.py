"""Corpus readers: each turns an annotated corpus into argmine Documents, reading from a data directory."""
from __future__ import annotations

from typing import Callable, Dict, List

CORPORA = ("aaec", "webis")


def get_reader(name: str) -> Callable[..., List]:
    """``reader(data_dir, split) -> list[Document]`` for a corpus name."""
    if name == "aaec":
        from .aaec import read_aaec

        return read_aaec
    if name == "webis":
        from .webis import read_webis

        return read_webis
    raise ValueError(f"corpus must be one of {CORPORA}; got {name!r}")

"""Reader for argmine's news-page furniture test set, and a line-level score of ``argmine.noise`` on it.

The set (``data/examples/news_pages/*.txt``, CC0, written for argmine) holds made-up copy-pastes of newspaper
opinion pages: an op-ed body wrapped in page furniture (headline, byline, captions, "Most read" lists, ...).

Markup, one line at a time: a line that starts with ``#<kind>: `` (``kind`` one of ``argmine.noise.KINDS``) is
page noise of that kind, and the prefix is not part of the text; every other non-blank line is article body (it
may carry argument). Blank lines separate paragraphs. A line that starts with ``#`` but not with ``#word:`` (a
hashtag, "#1 reason ...") is body.

``read_news_pages(folder) -> list[(text, gold)]``
    One pair per ``*.txt`` file of ``folder``, in file-name order: the page with the prefixes removed, and the
    ``(start, end, kind)`` spans of its noise lines (trimmed of surrounding whitespace, like ``noise_lines``).
``parse_news_page(marked) -> (text, gold)``
    The same for one marked-up string.
``noise_scores(pages, *, learned=None) -> dict``
    Line-level precision and recall of ``argmine.noise.noise_lines`` (rules only with ``learned=False``) against the gold, per-kind recall, kind
    agreement, and the lines missed or wrongly flagged.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Tuple, Union

from ..noise import KINDS, noise_lines
from ..text import line_spans, strip_span
from ..errors import ArgumentTypeError, ArgumentValueError, DataNotFoundError

__all__ = ["parse_news_page", "read_news_pages", "noise_scores"]

Gold = List[Tuple[int, int, str]]
_MARK = re.compile(r"#([A-Za-z_]+):(?: |$)")


def parse_news_page(marked: str) -> Tuple[str, Gold]:
    """``(text, gold)`` of one marked-up page: the text without the ``#kind: `` prefixes, and the noise spans.

    Returns:
        ``(text, gold)``: the page text (str) and its noise spans ``[(start, end, kind)]`` (character offsets, end
        exclusive).

    Raises:
        ArgumentTypeError: ``marked`` is not a str (E111).
        ArgumentValueError: an unknown noise kind, or a noise line with no text after its prefix (E107)."""
    if not isinstance(marked, str):
        raise ArgumentTypeError(f"marked must be a str; got {type(marked).__name__}")
    spans = line_spans(marked)
    parts: List[str] = []
    gold: Gold = []
    pos = 0
    for i, (s, e) in enumerate(spans):
        line = marked[s:e]
        brk = marked[e:spans[i + 1][0]] if i + 1 < len(spans) else ""
        m = _MARK.match(line)
        if m:
            kind = m.group(1)
            if kind not in KINDS:
                raise ArgumentValueError(f"kind must be one of {KINDS}; got {kind!r} (line {i + 1}: {line!r})")
            line = line[m.end():]
            gs, ge = strip_span(line, 0, len(line))
            if gs == ge:
                raise ArgumentValueError(f"a noise line must have text after its prefix; got {marked[s:e]!r} (line {i + 1})")
            gold.append((pos + gs, pos + ge, kind))
        parts.append(line)
        parts.append(brk)
        pos += len(line) + len(brk)
    return "".join(parts), gold


def read_news_pages(folder: Union[str, "os.PathLike[str]"]) -> List[Tuple[str, Gold]]:
    """``(text, gold)`` for every ``*.txt`` page of ``folder``, sorted by file name (see the module docstring).

    Returns:
        A list of ``(text, gold)`` pairs as :func:`parse_news_page` gives, one per page.

    Raises:
        DataNotFoundError: ``folder`` is not a directory or holds no ``*.txt`` page (E003)."""
    path = Path(folder)
    if not path.is_dir():
        raise DataNotFoundError(folder, "a directory of news pages (*.txt)", "Pass the folder of marked news pages.")
    files = sorted(path.glob("*.txt"))
    if not files:
        raise DataNotFoundError(path / "*.txt", "at least one news page (*.txt)", "Put the marked pages in the folder.")
    return [parse_news_page(f.read_text(encoding="utf-8")) for f in files]


def _lines(text: str) -> List[Tuple[int, int]]:
    return [se for se in (strip_span(text, s, e) for s, e in line_spans(text)) if se[0] < se[1]]


def _checked_page(p: int, page) -> Tuple[str, set, Dict[Tuple[int, int], str]]:
    """(text, its trimmed line spans, gold kind by line span) of page ``p``, a ``(text, gold)`` pair. Raises
    ArgumentTypeError for a page that is no such pair and ArgumentValueError for a gold span that is not a line."""
    if not (isinstance(page, (tuple, list)) and len(page) == 2 and isinstance(page[0], str)):
        raise ArgumentTypeError(f"each page must be a (text, gold) pair; got {type(page).__name__} at index {p}")
    text, gold = page
    lines = set(_lines(text))
    gold_kind = {}
    for g in gold:
        if not (isinstance(g, (tuple, list)) and len(g) == 3 and (g[0], g[1]) in lines):
            raise ArgumentValueError(f"gold spans must be (start, end, kind) of whole trimmed lines; got {g!r} "
                                     f"on page {p}")
        gold_kind[(g[0], g[1])] = g[2]
    return text, lines, gold_kind


def noise_scores(pages: Iterable[Tuple[str, Sequence[Tuple[int, int, str]]]], *, learned=None) -> Dict[str, object]:
    """Line-level scores of ``noise_lines`` on ``pages`` (``(text, gold)`` pairs, as ``read_news_pages`` gives).

    ``learned`` is passed to ``noise_lines``: ``None`` = its default, ``False`` = the rules only, ``True`` = the
    rules and the learned line classifier.

    A flagged line is right when it is a gold noise line, whatever the kinds; ``kind_agreement`` is the share of
    right lines whose predicted kind equals the gold kind. Returns counts (``pages``, ``lines``, ``noise_lines``,
    ``body_lines``, ``flagged``, ``correct``, ``body_flagged``), ``precision``, ``recall``, ``f1``,
    ``kind_agreement``, ``per_kind`` (gold kind -> ``gold``, ``found``, ``recall``), and the lists ``missed``,
    ``wrongly_flagged`` and ``kind_mismatches`` (dicts with ``page`` -- the 0-based index -- ``line`` and kinds).
    An empty ratio (nothing flagged, no noise) is ``None``.

    Returns:
        A dict: counts (``pages``, ``lines``, ``noise_lines``, ``body_lines``, ``flagged``, ...), ``precision``,
        ``recall``, ``f1`` and ``kind_agreement`` (fractions in [0, 1]).
    """
    n_pages = n_lines = n_noise = n_flagged = n_correct = n_agree = 0
    per_kind: Dict[str, Dict[str, object]] = {}
    missed, wrong, mismatch = [], [], []
    for p, page in enumerate(pages):
        text, lines, gold_kind = _checked_page(p, page)
        pred_kind = {(s, e): k for s, e, k in noise_lines(text, learned=learned)}
        n_pages += 1
        n_lines += len(lines)
        n_noise += len(gold_kind)
        n_flagged += len(pred_kind)
        for (s, e), k in sorted(gold_kind.items()):
            stats = per_kind.setdefault(k, {"gold": 0, "found": 0})
            stats["gold"] += 1
            if (s, e) in pred_kind:
                stats["found"] += 1
                n_correct += 1
                if pred_kind[(s, e)] == k:
                    n_agree += 1
                else:
                    mismatch.append({"page": p, "line": text[s:e], "gold": k, "predicted": pred_kind[(s, e)]})
            else:
                missed.append({"page": p, "line": text[s:e], "kind": k})
        for (s, e), k in sorted(pred_kind.items()):
            if (s, e) not in gold_kind:
                wrong.append({"page": p, "line": text[s:e], "kind": k})

    def ratio(a: int, b: int):
        return a / b if b else None

    precision, recall = ratio(n_correct, n_flagged), ratio(n_correct, n_noise)
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else None
    for stats in per_kind.values():
        stats["recall"] = ratio(stats["found"], stats["gold"])
    return {
        "pages": n_pages, "lines": n_lines, "noise_lines": n_noise, "body_lines": n_lines - n_noise,
        "flagged": n_flagged, "correct": n_correct, "body_flagged": n_flagged - n_correct,
        "precision": precision, "recall": recall, "f1": f1, "kind_agreement": ratio(n_agree, n_correct),
        "per_kind": {k: per_kind[k] for k in KINDS if k in per_kind},
        "missed": missed, "wrongly_flagged": wrong, "kind_mismatches": mismatch,
    }

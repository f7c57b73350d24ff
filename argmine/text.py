"""Paragraphs and words of a text, as character offsets into the unaltered original.

The miner tags words, not wordpieces: unit boundaries always fall on word boundaries, so spans never
fragment inside a word.
"""
from __future__ import annotations

import re
from typing import List, Tuple

Span = Tuple[int, int]

_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_WORD = re.compile(r"\w+(?:[-'\u2019.]\w+)*|[^\w\s]", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")


def line_spans(text: str) -> List[Span]:
    """Lines of ``text`` as (start, end) offsets, for every kind of line break (CRLF, U+2028, ...)."""
    spans, pos = [], 0
    for m in _LINE_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


def strip_span(text: str, start: int, end: int) -> Span:
    """The span without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def paragraph_spans(text: str) -> List[Span]:
    """Paragraphs of ``text`` as (start, end) offsets, whitespace stripped, blank ones dropped.

    Every non-blank line is a paragraph, except that hard-wrapped lines (a line that does not end like a
    sentence, followed by a non-blank line inside the same block) are joined, so e-mail style wrapping
    does not cut sentences apart.
    """
    out: List[Span] = []
    cur: Span | None = None
    for s, e in line_spans(text):
        s, e = strip_span(text, s, e)
        if s == e:
            if cur:
                out.append(cur)
            cur = None
            continue
        if cur is not None and not _SENTENCE_END.search(text[cur[0]:cur[1]]) and (cur[1] - cur[0]) > 60:
            cur = (cur[0], e)  # wrapped continuation of the same paragraph
        else:
            if cur:
                out.append(cur)
            cur = (s, e)
    if cur:
        out.append(cur)
    return out


def word_spans(text: str, start: int = 0, end: int | None = None) -> List[Span]:
    """Words and punctuation marks of ``text[start:end]`` as absolute (start, end) offsets."""
    end = len(text) if end is None else end
    return [(m.start() + start, m.end() + start) for m in _WORD.finditer(text[start:end])]


_TITLE_MAX_WORDS = 30


def looks_like_title(text: str, span: Span) -> bool:
    """A headline: one short line that does not end like a sentence (or is a question of one sentence)."""
    s = text[span[0]:span[1]]
    n = len(word_spans(s))
    if n == 0 or n > _TITLE_MAX_WORDS:
        return False
    inner = re.search(r"[.!?]\s+\S", s)
    return not inner and not s.rstrip().endswith((".", ":", ";"))


def paragraph_roles(text: str, paras: List[Span], skip: set | frozenset = frozenset()) -> List[str]:
    """Role of each paragraph: ``title``, ``introduction``, ``body``, ``conclusion``, ``text`` (the only paragraph
    of a one-paragraph text), or ``skip``.

    The first paragraph is a title when it looks like a headline and more paragraphs follow. Paragraphs whose
    index is in ``skip`` (page noise) get ``skip`` and do not count for positions.
    """
    roles = ["skip" if i in skip else "" for i in range(len(paras))]
    content = [i for i in range(len(paras)) if i not in skip]
    if len(content) > 1 and looks_like_title(text, paras[content[0]]):
        roles[content[0]] = "title"
        content = content[1:]
    if len(content) == 1:  # a one-paragraph text (a comment, a letter, a microtext) is no essay introduction
        roles[content[0]] = "text"
        return roles
    for k, i in enumerate(content):
        roles[i] = "introduction" if k == 0 else "conclusion" if k == len(content) - 1 else "body"
    return roles

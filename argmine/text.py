"""Paragraphs and words of a text, as character offsets into the unaltered original.

The miner tags words, not wordpieces: unit boundaries always fall on word boundaries, so spans never
fragment inside a word.

Text that carries HTML markup (scraped pages: ``<p>...</p>`` lines, ``&amp;``, ``&#8217;``, ``&nbsp;``) is split by
what a browser shows, not by its source lines: block tags (``<p>``, ``<br>``, ``<li>``, ``<h2>``, ...) end a
paragraph, a paragraph's span leaves out the tags and non-breaking spaces at its ends, the wrap rule looks at the
text with tags removed and entities decoded (``html.unescape``), and :func:`word_spans` never makes a word of a
tag or of a non-breaking space. The text itself is never altered: offsets still index it as given, so units may
contain inline tags or entities (``&amp;``) of the original. Only tags of known HTML elements count as markup
(``a < b > c`` is plain text).
"""
from __future__ import annotations

import html
import re
import unicodedata
from typing import Iterator, List, Optional, Tuple

Span = Tuple[int, int]

_LINE_BREAK = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85]")
_WORD = re.compile(r"\w+(?:[-'\u2019.]\w+)*|[^\w\s]", re.UNICODE)
_ENTITY_PATTERN = r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
_SENTENCE_END = re.compile(r"[.!?:;\"'\u201d\u2019)\]]\s*$")
_JOINER_ENTITY = r"&(?:#8217|#x2019|rsquo|apos|#39|#039);"  # an apostrophe inside a word (don&#8217;t)
_WORD_OR_ENTITY = re.compile(rf"\w+(?:(?:[-'\u2019.]|{_JOINER_ENTITY})\w+)*|{_ENTITY_PATTERN}|[^\w\s]", re.UNICODE)
_BLOCK_TAGS = ("p|div|br|li|ul|ol|h[1-6]|blockquote|figure|figcaption|section|article|header|footer|table|tr|td|th"
               "|hr|pre|main|aside|nav|dl|dt|dd")
_INLINE_TAGS = "span|a|em|strong|b|i|u|sup|sub|small|time|q|cite|abbr|code|img|mark|s|del|ins|label|font"
_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS}|{_INLINE_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_BLOCK_TAG = re.compile(rf"</?(?:{_BLOCK_TAGS})(?:\s[^<>]*)?/?>", re.IGNORECASE)
_SPACE_ENTITY = re.compile(r"&(?:nbsp|ensp|emsp|thinsp|#160|#x[aA]0);")


def line_spans(text: str) -> List[Span]:
    """Lines of ``text`` as (start, end) offsets, for every kind of line break (CRLF, U+2028, ...).

    Returns:
        A list of ``(start, end)`` offsets, one per line, line breaks excluded."""
    spans, pos = [], 0
    for m in _LINE_BREAK.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return spans


_LIST_MARKER = re.compile(r"(?:[-*+\u2022\u00b7\u2013\u2014\u25aa\u25e6\u2023\u25cf]|\d{1,2}[.)]|[a-z]\)|\([a-z0-9]{1,2}\))[ \t]+")


def list_marker_end(text: str, start: int, end: int) -> int:
    """Where the text of a list item begins, after a leading bullet ("- ", "\u2022 ", "* "), number ("1. ", "2) ")
    or letter ("a) ", "(b) ") and the spaces after it. An upper-case "A. " is left alone: an initial.

    Returns:
        int: a character offset in ``[start, end)`` of ``text``; ``start`` when ``text[start:end]`` opens with no
        list marker (or is nothing but one).
    """
    m = _LIST_MARKER.match(text, start, end)
    return m.end() if m and m.end() < end else start


def strip_span(text: str, start: int, end: int) -> Span:
    """The span without surrounding whitespace.

    Returns:
        ``(start, end)``: within the given span; ``start == end`` for a blank one."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def has_markup(text: str) -> bool:
    """Whether ``text`` carries HTML tags of known elements (then paragraphs follow the markup).

    Returns:
        True or False."""
    return _TAG.search(text) is not None


def visible_text(s: str) -> str:
    """``s`` as a browser shows it: tags of known HTML elements removed, entities decoded (``html.unescape``).

    Returns:
        The visible text (str)."""
    return html.unescape(_TAG.sub("", s)).replace("\xa0", " ")


def _markup_segments(text: str) -> Iterator[Tuple[int, int, bool]]:
    """``(start, end, after_block_tag)``: the text between line breaks and block tags."""
    for s, e in line_spans(text):
        pos, hard = s, False
        for m in _BLOCK_TAG.finditer(text, s, e):
            yield pos, m.start(), hard
            pos, hard = m.end(), True
        yield pos, e, hard


def _trim(text: str, start: int, end: int, markup: bool) -> Span:
    """The span without surrounding whitespace and, in marked-up text, without tags and ``&nbsp;`` at its ends."""
    start, end = strip_span(text, start, end)
    while markup and start < end:
        m = _TAG.match(text, start, end) or _SPACE_ENTITY.match(text, start, end)
        if m:
            start = m.end()
        else:
            tail = _last_markup(text, start, end)
            if tail is None:
                break
            end = tail
        start, end = strip_span(text, start, end)
    return start, end


def _last_markup(text: str, start: int, end: int):
    """Where a tag or ``&nbsp;`` that ends ``text[start:end]`` begins, or None."""
    if text[end - 1] not in ">;":
        return None
    cut = text.rfind("<" if text[end - 1] == ">" else "&", start, end)
    if cut < 0:
        return None
    pattern = _TAG if text[end - 1] == ">" else _SPACE_ENTITY
    return cut if pattern.fullmatch(text, cut, end) else None


def _is_wrapped(text: str, span: Span, markup: bool) -> bool:
    """A line that goes on on the next one: longer than 60 characters and not ending like a sentence."""
    if not markup:
        s = text[span[0]:span[1]]
        return not _SENTENCE_END.search(s) and len(s) > 60
    tail = visible_text(text[max(span[0], span[1] - 400):span[1]]).strip()  # the end is enough: no quadratic cost
    return not _SENTENCE_END.search(tail) and (span[1] - span[0] > 400 or len(tail) > 60)


def paragraph_spans(text: str) -> List[Span]:
    """Paragraphs of ``text`` as (start, end) offsets, whitespace stripped, blank ones dropped.

    Every non-blank line is a paragraph, except that hard-wrapped lines (a line that does not end like a
    sentence, followed by a non-blank line inside the same block) are joined, so e-mail style wrapping
    does not cut sentences apart. In text with HTML markup (:func:`has_markup`), block tags also end a
    paragraph, spans leave out tags and ``&nbsp;`` at their ends, and the wrap rule reads the visible text.

    Returns:
        A list of ``(start, end)`` character offsets, one per paragraph, in text order.
    """
    markup = has_markup(text)
    pieces = _markup_segments(text) if markup else ((s, e, False) for s, e in line_spans(text))
    out: List[Span] = []
    cur: Span | None = None
    for s, e, after_block in pieces:
        s, e = _trim(text, s, e, markup)
        if s == e:
            if cur:
                out.append(cur)
            cur = None
            continue
        if cur is not None and not after_block and _is_wrapped(text, cur, markup):
            cur = (cur[0], e)  # wrapped continuation of the same paragraph
        else:
            if cur:
                out.append(cur)
            cur = (s, e)
    if cur:
        out.append(cur)
    return out


def word_spans(text: str, start: int = 0, end: int | None = None) -> List[Span]:
    """Words and punctuation marks of ``text[start:end]`` as absolute (start, end) offsets.

    Tags of known HTML elements and non-breaking-space entities are no words (they are skipped); any other
    entity (``&amp;``, ``&#8217;``) is one mark of its own.

    Returns:
        A list of ``(start, end)`` character offsets into ``text``, one per word or mark, in text order.
    """
    end = len(text) if end is None else end
    part = text[start:end]
    pattern = _WORD
    if "<" in part or "&" in part:
        part = _SPACE_ENTITY.sub(_blank, _TAG.sub(_blank, part))
        pattern = _WORD_OR_ENTITY
    spans = [(m.start(), m.end()) for m in pattern.finditer(part)]
    if not part.isascii():
        spans = _whole_graphemes(part, spans)
    return [(a + start, b + start) for a, b in spans]


_ZWJ = "\u200d"
_REGIONAL = range(0x1F1E6, 0x1F200)


def _extends(ch: str) -> bool:
    """Whether ``ch`` belongs to the grapheme before it: a combining mark, a variation selector, an emoji
    modifier (skin tone), a tag character, or a zero-width joiner."""
    o = ord(ch)
    return (_is_mark(ch) or ch in "\ufe0e\ufe0f" + _ZWJ
            or 0x1F3FB <= o <= 0x1F3FF or 0xE0020 <= o <= 0xE007F)


def _grapheme_end(s: str, end: int) -> int:
    """Where the grapheme cluster that holds ``s[end - 1]`` ends (UAX 29 for marks, emoji sequences and flags)."""
    if end < len(s) and ord(s[end - 1]) in _REGIONAL and ord(s[end]) in _REGIONAL:
        end += 1  # a flag: two regional indicators (a run of them pairs from its start; tokens start it here)
    while end < len(s) and _extends(s[end]):
        end += 2 if s[end] == _ZWJ and end + 1 < len(s) else 1  # a joiner takes the next character along
    return end


def _whole_graphemes(s: str, spans: List[Span]) -> List[Span]:
    """``spans`` with each end moved to the end of its grapheme cluster. A span that this swallows merges into
    the one before, and so does a word that goes on right after a combining mark (``e\u0301x``, Devanagari
    vowel signs and viramas), so no span starts inside a grapheme or a word."""
    out: List[Span] = []
    for a, b in spans:
        if out and b <= out[-1][1]:
            continue  # inside the grapheme the span before took in
        end = _grapheme_end(s, b)
        if out and (a < out[-1][1] or (a == out[-1][1] and _is_mark(s[a - 1]) and s[a].isalnum()
                                       and s[out[-1][0]].isalnum())):
            a = out.pop()[0]
        out.append((a, end))
    return out


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Mc", "Me")


def _blank(m: re.Match) -> str:
    return " " * len(m.group())


_TITLE_MAX_WORDS = 30


def looks_like_title(text: str, span: Span) -> bool:
    """A headline: one short line that does not end like a sentence (or is a question of one sentence).

    Returns:
        True or False."""
    s = text[span[0]:span[1]]
    n = len(word_spans(s))
    if n == 0 or n > _TITLE_MAX_WORDS:
        return False
    inner = re.search(r"[.!?]\s+\S", s)
    return not inner and not s.rstrip().endswith((".", ":", ";"))


def leading_headline(text: str) -> Optional[str]:
    """The text's own headline: its first paragraph when that looks like a headline (``looks_like_title``) and more
    paragraphs follow, else None. A pasted op-ed often starts with its headline.

    Returns:
        The headline (str, whitespace stripped), or None."""
    paras = paragraph_spans(text)
    if len(paras) > 1 and looks_like_title(text, paras[0]):
        return text[paras[0][0]:paras[0][1]].strip()
    return None


def paragraph_roles(text: str, paras: List[Span], skip: set | frozenset = frozenset()) -> List[str]:
    """Role of each paragraph: ``title``, ``introduction``, ``body``, ``conclusion``, ``text`` (the only paragraph
    of a one-paragraph text), or ``skip``.

    The first paragraph is a title when it looks like a headline and more paragraphs follow. Paragraphs whose
    index is in ``skip`` (page noise) get ``skip`` and do not count for positions.

    Returns:
        A list with one role (str) per paragraph of ``paras``.
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


_HTML_START = ("<!doctype html", "<html", "<head", "<body", "<meta", "<?xml")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is a web page's markup rather than prose: it opens (after blank space and comments) with a
    document type, ``<html>``, ``<head>``, ``<body>``, ``<meta>`` or an XML declaration followed by ``<html``.

    Returns:
        A bool."""
    head = text[:4096].lstrip().lower()
    while head.startswith("<!--") and "-->" in head:
        head = head[head.index("-->") + 3:].lstrip()
    return head.startswith(_HTML_START) and ("<html" in head or "<body" in head or "<head" in head)

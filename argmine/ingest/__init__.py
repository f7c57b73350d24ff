"""Web input: articles from saved HTML pages and WARC crawls (``pip install 'argmine[web]'``).

:func:`extract_article` turns one page into an :class:`Article` (text with blank lines between paragraphs, and
``meta``: url, title, author, date -- the date the page states, :func:`stated_date`); :func:`iter_warc_pages` reads the page records of a WARC file. ``argmine
batch`` uses both for ``.warc`` / ``.warc.gz`` inputs and folders of ``.html`` files (argmine.batch.readers).
"""
from __future__ import annotations

from .html import (DEFAULT_MIN_CHARS, HTML_SUFFIXES, Article, NotAnArticle, WebExtrasMissingError, extract_article,
                   read_html_file, stated_date)
from .warc import DEFAULT_MAX_PAGE_BYTES, WarcPage, WarcReadError, is_warc_path, iter_warc_pages

__all__ = ["Article", "NotAnArticle", "WebExtrasMissingError", "extract_article", "read_html_file", "stated_date", "WarcPage",
           "WarcReadError", "iter_warc_pages", "is_warc_path", "DEFAULT_MIN_CHARS", "DEFAULT_MAX_PAGE_BYTES",
           "HTML_SUFFIXES"]

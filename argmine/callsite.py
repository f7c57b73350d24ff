"""Where a warning should point: the first frame of the caller's code, outside the argmine package.

``warnings.warn(..., stacklevel=user_stacklevel())`` attributes a warning raised deep inside argmine (a generator of
``mine_batch``, a model load, an export) to the line of the user's program that led to it, whatever the depth of the
calls in between (the approach of pandas' ``find_stack_level``; Python 3.12's ``skip_file_prefixes`` does the same).
"""
from __future__ import annotations

import os
import sys

_PACKAGE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def user_stacklevel() -> int:
    """The ``stacklevel`` for ``warnings.warn`` called by the function that calls this one, so that the warning names
    the first frame whose file lies outside the argmine package (1: that function itself, when the whole stack lies
    inside argmine).

    Returns:
        An int >= 1."""
    frame, level = sys._getframe(1), 1  # the function that will warn: stacklevel 1
    while frame is not None and os.path.abspath(frame.f_code.co_filename).startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1
    return level if frame is not None else 1

"""Accounting of one block of texts being mined together: seconds spent per text, and progress.

``Miner.mine_batch`` mines texts in blocks (their paragraphs length-sorted and batched together), so a text is not
finished until its whole block is. :class:`BlockWork` lets the block report as it goes:

- **time budget**: the seconds of each step (a text's preparation, an encoder batch, the document-level heads of the block)
  are shared among the texts the step worked for, in proportion to their wordpieces in it (their units, for the
  heads); a text whose share passes ``max_seconds`` raises :class:`argmine.errors.MiningTimeoutError` with ``index`` (its place in the block), so one
  pathological text is stopped after about its own budget, not after the whole block's.
- **progress**: ``progress(n)`` is called with the number of texts' worth of encoder work done since the last call
  (a text's worth: ``1 / len(block)`` of the block's wordpieces), so a bar over texts moves while a block is mined
  instead of jumping once per block.
"""
from __future__ import annotations

import math
import time
from typing import Callable, Dict, List, Optional

from .errors import MiningTimeoutError

Progress = Callable[[int], None]


class BlockWork:
    """Seconds and progress of one block of ``n`` texts (see the module doc)."""

    def __init__(self, n: int, max_seconds: Optional[float] = None, progress: Optional[Progress] = None) -> None:
        self.n = n
        self.max_seconds = max_seconds
        self.progress = progress
        self.spent: List[float] = [0.0] * n
        self.total = 0      # wordpieces the encoder will read for the block (set once prepared)
        self.done = 0       # wordpieces read so far
        self.reported = 0   # texts' worth reported to ``progress`` so far
        self._t = time.monotonic()

    def spend(self, shares: Dict[int, float], done: int = 0) -> None:
        """Charge the seconds since the last call to the texts in ``shares`` (text index -> weight); ``done``:
        wordpieces this step read. Raises MiningTimeoutError (with ``index``) for a text past its budget."""
        now = time.monotonic()
        dt, self._t = now - self._t, now
        weight = sum(shares.values())
        if weight > 0:
            for d, w in shares.items():
                self.spent[d] += dt * w / weight
        self.done += done
        if self.progress is not None and self.total:
            self.report(min(self.n, math.floor(self.n * self.done / self.total)))
        if self.max_seconds is not None:
            worst = max(shares, key=lambda d: self.spent[d], default=None)
            if worst is not None and self.spent[worst] > self.max_seconds:
                err = MiningTimeoutError(self.max_seconds, self.spent[worst])
                err.index = worst
                raise err

    def report(self, upto: int) -> None:
        """Tell ``progress`` that ``upto`` texts' worth of the block is done (never less than before)."""
        if self.progress is not None and upto > self.reported:
            self.progress(upto - self.reported)
            self.reported = upto

"""Do two claims state the same thing? Pair signals and a small calibrated model, no neural network.

Three layers: :mod:`~claimcompare.similarity.tables` (each distinct text once),
:mod:`~claimcompare.similarity.signals` (:func:`pair_signals`, 43 symmetric lexical signals per
pair) and :mod:`~claimcompare.similarity.model` (:class:`PairModel`). Used by
:mod:`claimcompare.align`; ``docs/alignment.md`` explains the signals and the model.
"""

from __future__ import annotations

from .model import PairModel
from .signals import SIGNALS, pair_signals, signal_frame
from .tables import TextTables, distinct_texts, text_tables

__all__ = [
    "SIGNALS",
    "PairModel",
    "TextTables",
    "distinct_texts",
    "pair_signals",
    "signal_frame",
    "text_tables",
]

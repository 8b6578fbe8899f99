"""claimcompare: compare how news outlets report the same events."""

from __future__ import annotations

import logging

from .claims import find_quotes, split_claims, voice_spans
from .clean import clean_text
from .document import Corpus, Document, RemovedLine, Skipped
from .errors import ClaimCompareError, InputError, ParameterError
from .load import load_corpus

__version__ = "0.1.0"

__all__ = [
    "ClaimCompareError",
    "Corpus",
    "Document",
    "InputError",
    "ParameterError",
    "RemovedLine",
    "Skipped",
    "clean_text",
    "find_quotes",
    "load_corpus",
    "split_claims",
    "voice_spans",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

"""claimcompare: compare how news outlets report the same events."""

from __future__ import annotations

import logging

from ._common.version import VERSION
from .actors import ActorIndex, Mention, actor_mentions, find_actors
from .align import Alignment, ClaimAligner
from .claims import find_quotes, split_claims, voice_spans
from .clean import RemovedLine, clean_text
from .compare import Comparison, compare
from .detect import BiasDetector
from .discover import distinctive_terms
from .document import Corpus, Document, Skipped
from .errors import ClaimCompareError, InputError, NotFittedError, ParameterError
from .framing import framing_table, what_each_outlet_calls
from .lexicon import Lexicon, LexiconEntry, TermMatch, match_terms
from .load import load_corpus
from .plot import plot_framing
from .report import highlight_terms
from .terms import TargetRanker, find_loaded_terms, span_targets, target_candidates

__version__ = VERSION

__all__ = [
    "ActorIndex",
    "Alignment",
    "BiasDetector",
    "ClaimAligner",
    "ClaimCompareError",
    "Comparison",
    "Corpus",
    "Document",
    "InputError",
    "Lexicon",
    "LexiconEntry",
    "Mention",
    "NotFittedError",
    "ParameterError",
    "RemovedLine",
    "Skipped",
    "TargetRanker",
    "TermMatch",
    "actor_mentions",
    "clean_text",
    "compare",
    "distinctive_terms",
    "find_actors",
    "find_loaded_terms",
    "find_quotes",
    "framing_table",
    "highlight_terms",
    "load_corpus",
    "match_terms",
    "plot_framing",
    "span_targets",
    "split_claims",
    "target_candidates",
    "voice_spans",
    "what_each_outlet_calls",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

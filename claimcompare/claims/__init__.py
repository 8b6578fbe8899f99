"""Claims: the sentences of each document, with their speaker, cue, quotes and voice.

Modules, bottom to top: :mod:`.segment` (paragraphs, sentences, quotations), :mod:`.clauses`
(a claim's words, stems and clauses), :mod:`.attribution` (speakers and cues of one sentence) and
:mod:`.split` (claims of a document, and their tables).
"""

from __future__ import annotations

from .clauses import clause_spans
from .split import (
    CLAIM_COLUMNS,
    Claim,
    VoiceSpan,
    claims_from_frame,
    claims_of,
    find_quotes,
    split_claims,
    voice_spans,
)

__all__ = [
    "CLAIM_COLUMNS",
    "Claim",
    "VoiceSpan",
    "claims_from_frame",
    "claims_of",
    "clause_spans",
    "find_quotes",
    "split_claims",
    "voice_spans",
]

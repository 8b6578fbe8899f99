"""The learnt target ranker, for the words no pattern rule resolves (:func:`span_targets`).

:func:`candidates` gives every person, organisation, body and group a document names, with the
features of the pair (span, candidate) (:data:`FEATURES`); :class:`TargetRanker`, a logistic
regression over them, scores each and the best is the target. The shipped weights
(``claimcompare/data/target_model.json``) were fitted on BASIL events 2010-2016 by
``benchmarks/fit_target_model.py``; why a learnt ranker is in docs/loaded-terms.md.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from .._common.data import data_text
from .._common.estimator import Estimator, is_real, plain
from ..actors import Mention
from ..claims import Claim
from ..errors import ParameterError
from .clauses import claim_subject, clause_subject, named_as, pronoun_person
from .mentions import named

__all__ = ["FEATURES", "Candidate", "TargetRanker", "candidates"]


MODEL_FORMAT = "claimcompare.TargetRanker"
_TARGETABLE = ("person", "organisation")
_FAR = 6  # claims apart beyond which distance no longer matters
_CLAUSE_GAP = re.compile(r"[^,;:()\u2013\u2014\"\u201c\u201d]*")
_OBJECT_GAP = re.compile(r"[\s\"'\u201c\u201d\u2018\u2019]*(?:[\w-]+\s+){0,3}")
_VERB = re.compile(r"(?:ed|ing|es|s)$", re.IGNORECASE)

FEATURES = (
    "log_mentions",  # log(1 + named mentions of the candidate in the document)
    "share",  # its share of the document's named mentions of people and organisations
    "top",  # the most-named person or organisation of the document
    "top_person",  # the most-named person
    "second",  # the second most-named
    "person",  # a person (else an organisation)
    "in_claim",  # named in the span's claim
    "before_in_claim",  # named in the claim before the span
    "after_in_claim",  # named in the claim after the span
    "nearest_before",  # the last person or organisation named before the span in its claim
    "nearest_after",  # the first named after the span in its claim
    "claims_apart",  # claims between the span and the nearest mention (capped), / 6
    "chars_before",  # log(1 + characters from the last mention before the span) / 10
    "in_window",  # named from the start of the claim two before the span's to the span's end
    "subject",  # the claim's subject (first name outside a prepositional phrase)
    "clause_subject",  # the subject of the span's clause (relative clause, "he"/"she" before)
    "pronoun_person",  # the person a leading "he"/"she" of the claim stands for
    "named_as",  # named right before the words it is called ("called Obama an ...")
    "speaker",  # the speaker of the span's claim
    "speaker_quoted",  # the speaker, and the span is inside quotation marks
    "in_quote",  # the span is inside quotation marks (same for every candidate)
    "headline",  # named in the headline
    "lead",  # named in the first claim after the headline
    "first_position",  # where the document first names it (0 start .. 1 end)
    "in_paragraph",  # named in the span's paragraph
    "paragraph_mentions",  # log(1 + its mentions in the span's paragraph)
    "first_in_claim",  # the first person or organisation named in the claim
    "clause_before",  # the last name before the span, no punctuation between
    "object_after",  # a name up to three words after the span, no punctuation between
    "verb_span",  # the span ends like a verb ("assailed", "railing", "slams")
    "verb_subject",  # verb_span and (clause_before or subject)
    "other_object_after",  # verb_span and object_after
    "group",  # a body or group named by a common noun ("the Obama campaign", "protesters")
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One actor a span may point at, with its features (in the order of :data:`FEATURES`)."""

    actor: str
    features: tuple[float, ...]


def _claim_index(claims: Sequence[Claim], starts: Sequence[int], pos: int) -> int | None:
    """The index of the claim holding ``pos`` (claims in text order, ``starts`` theirs)."""
    k = bisect.bisect_right(starts, pos) - 1
    return k if k >= 0 and claims[k].start <= pos < claims[k].end else None


def candidates(
    *,
    text: str,
    claims: Sequence[Claim],
    start: int,
    end: int,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    speaker: str | None = None,
    groups: frozenset[str] = frozenset(),
) -> list[Candidate]:
    """The people and organisations a document names, each with its features for a span.

    Parameters
    ----------
    text : str
        The document's text.
    claims : sequence of Claim
        Its claims (:func:`~claimcompare.claims.claims_of`).
    start, end : int
        The span, half-open offsets into ``text``.
    mentions : sequence of Mention
        The document's actor mentions, sorted by position (with the surname and title mentions
        of :mod:`claimcompare.terms.mentions`).
    kinds : mapping
        Actor -> ``person``, ``organisation`` or ``other``; only the first two are candidates.
    speaker : str, optional
        The actor the span's claim is spoken by, if any.
    groups : frozenset of str
        Actors that are bodies or groups named by a common noun
        (:func:`~claimcompare.terms.mentions.body_mentions`).

    Returns
    -------
    list of Candidate
        Sorted by actor name (deterministic); empty when the document names nobody.

    Examples
    --------
    >>> from claimcompare.claims import claims_of
    >>> from claimcompare.document import Document
    >>> text = "Ann Lee met Bo Ray. Ann Lee made a fierce attack."
    >>> men = [Mention(s, s + len(n), n, n, n) for s, n in ((0, "Ann Lee"), (12, "Bo Ray"),
    ...        (20, "Ann Lee"))]
    >>> kinds = {"Ann Lee": "person", "Bo Ray": "person"}
    >>> found = candidates(text=text, claims=claims_of(Document(doc_id="d", text=text)),
    ...                    start=35, end=41, mentions=men, kinds=kinds)
    >>> [(c.actor, dict(zip(FEATURES, c.features))["in_claim"]) for c in found]
    [('Ann Lee', 1.0), ('Bo Ray', 0.0)]
    """
    named_ = [m for m in mentions if kinds.get(m.actor) in _TARGETABLE]
    if not named_:
        return []
    span = _Span(text, claims, start, end, named_, kinds, speaker, groups)
    return [Candidate(actor, _features(span, actor, n)) for actor, n in sorted(span.counts.items())]


@dataclass(frozen=True)
class _Span:
    """A span in its document: what the features of every candidate look at, each found once."""

    text: str
    claims: Sequence[Claim]
    start: int
    end: int
    named: list[Mention]  # the mentions of people and organisations, in text order
    kinds: Mapping[str, str]
    speaker: str | None
    groups: frozenset[str]

    @cached_property
    def starts(self) -> list[int]:
        return [c.start for c in self.claims]

    @cached_property
    def k(self) -> int | None:
        """The index of the span's claim."""
        return _claim_index(self.claims, self.starts, self.start)

    @cached_property
    def claim(self) -> Claim | None:
        return self.claims[self.k] if self.k is not None else None

    @cached_property
    def claim_of(self) -> dict[int, int | None]:
        """The claim index of each mention, by its start."""
        return {m.start: _claim_index(self.claims, self.starts, m.start) for m in self.named}

    @cached_property
    def counts(self) -> Counter[str]:
        """Named mentions of each candidate (0 for one only referred to, "the president")."""
        counts = Counter(m.actor for m in self.named if named(m))
        for m in self.named:
            counts.setdefault(m.actor, 0)
        return counts

    @cached_property
    def ranked(self) -> list[tuple[str, int]]:
        return sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))

    @cached_property
    def people(self) -> list[str]:
        return [a for a, _ in self.ranked if self.kinds.get(a) == "person"]

    @cached_property
    def quote(self) -> tuple[int, int] | None:
        """The quotation of the span's claim the span overlaps, if any."""
        if self.claim is None:
            return None
        return next(((s, e) for s, e in self.claim.quotes if s < self.end and self.start < e), None)

    @cached_property
    def clause_rules(self) -> tuple[str | None, str | None, str | None, str | None]:
        """What the pattern-free clause rules say: subject, clause subject, pronoun, named as."""
        claim, k, text, named_, kinds = self.claim, self.k, self.text, self.named, self.kinds
        if claim is None or k is None:
            return None, None, None, None
        found = claim_subject(text, claim, named_, kinds)
        at = self.start if self.quote is None else min(self.start, self.quote[0])
        local = clause_subject(text, self.claims, k, at, named_, kinds)
        men = named_as(text, claim, self.start, named_, kinds)
        return (
            found.actor if found is not None else None,
            local[0] if local is not None else None,
            pronoun_person(text, self.claims, k, named_, kinds),
            men.actor if men is not None else None,
        )

    @cached_property
    def headline(self) -> Claim | None:
        return next((c for c in self.claims if c.kind == "heading"), None)

    @cached_property
    def lead(self) -> Claim | None:
        return next((c for c in self.claims if c.kind != "heading"), None)

    @cached_property
    def in_claim(self) -> list[Mention]:
        claim = self.claim
        return [m for m in self.named if claim is not None and claim.start <= m.start < claim.end]

    @cached_property
    def before(self) -> list[Mention]:
        return [m for m in self.in_claim if m.end <= self.start]

    @cached_property
    def after(self) -> list[Mention]:
        return [m for m in self.in_claim if m.start >= self.end]

    @cached_property
    def window_start(self) -> int:
        """The start of the claim two before the span's."""
        return self.claims[max(0, self.k - 2)].start if self.k is not None else self.start

    @cached_property
    def paragraph(self) -> int | None:
        return self.claim.paragraph if self.claim is not None else None

    @cached_property
    def paragraph_claims(self) -> set[int]:
        para = self.paragraph
        return {j for j, c in enumerate(self.claims) if para is not None and c.paragraph == para}

    @cached_property
    def clause_before(self) -> str | None:
        """The last name before the span in its claim, no punctuation between."""
        before = self.before
        if before and _CLAUSE_GAP.fullmatch(self.text, before[-1].end, self.start):
            return before[-1].actor
        return None

    @cached_property
    def object_after(self) -> str | None:
        """A name up to three words after the span in its claim, no punctuation between."""
        after = self.after
        if after and _OBJECT_GAP.fullmatch(self.text, self.end, after[0].start):
            return after[0].actor
        return None

    @cached_property
    def verb(self) -> bool:
        """The span ends like a verb ("assailed", "railing", "slams")."""
        return bool(_VERB.search(self.text[self.start : self.end].strip(" \"'\u201c\u201d,.")))

    @cached_property
    def firsts(self) -> dict[str, int]:
        """Where the document first names each candidate."""
        firsts: dict[str, int] = {}
        for m in self.named:
            firsts.setdefault(m.actor, m.start)
        return firsts


def _features(span: _Span, actor: str, count: int) -> tuple[float, ...]:
    """The features of one candidate for a span, in the order of :data:`FEATURES`."""
    own = [m for m in span.named if m.actor == actor]
    apart = _FAR
    for m in own:
        j = span.claim_of[m.start]
        if j is not None and span.k is not None:
            apart = min(apart, abs(j - span.k))
    prior = [m for m in own if m.end <= span.start]
    gap = span.start - prior[-1].end if prior else len(span.text)
    subject, clause, pronoun, called = span.clause_rules
    quote, speaker, ranked, people = span.quote, span.speaker, span.ranked, span.people
    headline, lead, para = span.headline, span.lead, span.paragraph
    before, after, in_claim = span.before, span.after, span.in_claim
    clause_before, object_after, verb = span.clause_before, span.object_after, span.verb
    values = {
        "log_mentions": math.log1p(count),
        "share": count / (sum(span.counts.values()) or 1),
        "top": float(ranked[0][0] == actor),
        "top_person": float(bool(people) and people[0] == actor),
        "second": float(len(ranked) > 1 and ranked[1][0] == actor),
        "person": float(span.kinds.get(actor) == "person"),
        "in_claim": float(any(m.actor == actor for m in in_claim)),
        "before_in_claim": float(any(m.actor == actor for m in before)),
        "after_in_claim": float(any(m.actor == actor for m in after)),
        "nearest_before": float(bool(before) and before[-1].actor == actor),
        "nearest_after": float(bool(after) and after[0].actor == actor),
        "claims_apart": apart / _FAR,
        "chars_before": math.log1p(gap) / 10,
        "in_window": float(any(span.window_start <= m.start and m.end <= span.end for m in own)),
        "subject": float(subject == actor),
        "clause_subject": float(clause == actor),
        "pronoun_person": float(pronoun == actor),
        "named_as": float(called == actor),
        "speaker": float(speaker == actor),
        "speaker_quoted": float(speaker == actor and quote is not None),
        "in_quote": float(quote is not None),
        "headline": float(
            headline is not None and any(headline.start <= m.start < headline.end for m in own)
        ),
        "lead": float(lead is not None and any(lead.start <= m.start < lead.end for m in own)),
        "first_position": span.firsts[actor] / max(len(span.text), 1),
        "in_paragraph": float(
            para is not None
            and any(
                (j := span.claim_of[m.start]) is not None and span.claims[j].paragraph == para
                for m in own
            )
        ),
        "paragraph_mentions": math.log1p(
            len([m for m in own if span.claim_of[m.start] in span.paragraph_claims])
        ),
        "first_in_claim": float(bool(in_claim) and in_claim[0].actor == actor),
        "clause_before": float(clause_before == actor),
        "object_after": float(object_after == actor),
        "verb_span": float(verb),
        "group": float(actor in span.groups),
        "verb_subject": float(verb and (clause_before == actor or subject == actor)),
        "other_object_after": float(verb and object_after == actor),
    }
    return tuple(values[f] for f in FEATURES)


class TargetRanker(Estimator):
    """Logistic regression over (span, candidate) features; the best candidate is the target.

    A scikit-learn estimator in its conventions (``get_params``, ``set_params``,
    ``sklearn.base.clone``); scoring before :meth:`fit` raises
    :class:`~claimcompare.errors.NotFittedError`.

    Parameters
    ----------
    C : float, default 1.0
        Inverse regularisation strength of the logistic regression.
    min_probability : float, default 0.0
        A span whose best candidate scores below this is left unresolved.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.0, 0.0]])
    >>> ranker = TargetRanker(C=10.0).fit(X, [1, 0, 1, 0], features=("a", "b"))
    >>> ranker.scores(np.array([[1.0, 0.0], [0.0, 0.0]])).round(2).tolist()
    [0.93, 0.07]
    >>> TargetRanker(C=-1).fit(X, [1, 0, 1, 0], features=("a", "b"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.ParameterError: C must be a positive number, got -1
    >>> TargetRanker().scores(X)
    Traceback (most recent call last):
    ...
    claimcompare.errors.NotFittedError: this TargetRanker is not fitted yet: call its fit() ...
    """

    def __init__(self, *, C: float = 1.0, min_probability: float = 0.0) -> None:
        self.C = C
        self.min_probability = min_probability

    def _check(self) -> None:
        if not is_real(self.C) or not self.C > 0:
            raise ParameterError(f"C must be a positive number, got {self.C!r}")
        p = self.min_probability
        if not is_real(p) or not 0 <= p <= 1:
            raise ParameterError(f"min_probability must be a number in [0, 1], got {p!r}")

    def fit(
        self, X: np.ndarray, y: Sequence[int] | np.ndarray, *, features: Sequence[str] = FEATURES
    ) -> TargetRanker:
        """Fit on rows of (span, candidate) features, ``y`` 1 where the candidate is the target."""
        from sklearn.linear_model import LogisticRegression

        self._check()
        X = np.asarray(X, dtype=float)
        labels = np.asarray(y, dtype=int)
        if X.ndim != 2 or X.shape[1] != len(features) or len(labels) != len(X):
            raise ParameterError(
                f"X must be (n, {len(features)}) with one label per row, got X {X.shape} "
                f"and {len(labels)} labels"
            )
        mean = X.mean(axis=0)
        scale = X.std(axis=0)
        scale[scale == 0] = 1.0
        model = LogisticRegression(C=self.C, max_iter=1000)
        model.fit((X - mean) / scale, labels)
        self.features_ = tuple(features)
        self.mean_ = mean
        self.scale_ = scale
        self.coef_ = model.coef_[0].astype(float)
        self.intercept_ = float(model.intercept_[0])
        return self

    def scores(self, X: np.ndarray) -> np.ndarray:
        """The probability that each row's candidate is the target (rows scored on their own)."""
        self._check_fitted()
        X = np.asarray(X, dtype=float).reshape(-1, len(self.features_))
        z = ((X - self.mean_) / self.scale_) @ self.coef_ + self.intercept_
        return np.asarray(1.0 / (1.0 + np.exp(-z)))

    def best(self, found: Sequence[Candidate]) -> tuple[str, float] | None:
        """The highest-scoring candidate and its score, or None (no candidates, or too low).

        Ties go to the first actor by name.
        """
        self._check_fitted()
        if not found:
            return None
        s = self.scores(np.array([c.features for c in found]))
        i = int(np.argmax(s))
        if s[i] < self.min_probability:
            return None
        return found[i].actor, float(s[i])

    # persistence ------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The learnt numbers as plain JSON-ready values."""
        self._check_fitted()
        return {
            "format": MODEL_FORMAT,
            "params": {"C": plain(self.C), "min_probability": plain(self.min_probability)},
            "features": list(self.features_),
            "mean": [float(v) for v in self.mean_],
            "scale": [float(v) for v in self.scale_],
            "coef": [float(v) for v in self.coef_],
            "intercept": self.intercept_,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TargetRanker:
        """A ranker from :meth:`to_dict` output; the features must be this version's."""
        if data.get("format") != MODEL_FORMAT:
            raise ParameterError(f"not a {MODEL_FORMAT} model: format {data.get('format')!r}")
        if tuple(data["features"]) != FEATURES:
            raise ParameterError(
                f"the model's features {data['features']} are not this version's {FEATURES}"
            )
        ranker = cls(**data["params"])
        ranker._check()
        ranker.features_ = tuple(data["features"])
        ranker.mean_ = np.asarray(data["mean"], dtype=float)
        ranker.scale_ = np.asarray(data["scale"], dtype=float)
        ranker.coef_ = np.asarray(data["coef"], dtype=float)
        ranker.intercept_ = float(data["intercept"])
        return ranker

    @classmethod
    def default(cls) -> TargetRanker | None:
        """The shipped model (``claimcompare/data/target_model.json``), or None if absent."""
        return _default()


_CACHE: dict[str, TargetRanker | None] = {}


def _default() -> TargetRanker | None:
    if "model" not in _CACHE:
        try:
            data = json.loads(data_text("target_model.json"))
        except FileNotFoundError:
            _CACHE["model"] = None
        else:
            _CACHE["model"] = TargetRanker.from_dict(data)
    return _CACHE["model"]

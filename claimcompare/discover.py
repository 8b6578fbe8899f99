"""Data-driven discovery of the words that set one group of documents apart.

:func:`distinctive_terms` ranks terms by the "Fightin' Words" weighted log-odds with an
informative Dirichlet prior (Monroe, Colaresi & Quinn 2008); the formulas and the sign convention
are in docs/loaded-terms.md, "Discovery: words the lexicon does not know".
"""

from __future__ import annotations

import dataclasses
import logging
import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from ._common.estimator import is_int, is_real
from ._common.text import APOSTROPHES, DISCOVER_WORDS, word_pattern
from .document import Corpus, Document
from .errors import InputError, ParameterError

__all__ = ["REST", "distinctive_terms", "tokenize"]

logger = logging.getLogger(__name__)

REST = "<rest>"
"""The ``other`` label of rows that compare a group with the rest of the corpus."""

_APOS = APOSTROPHES[:4]  # not the fullwidth one
# Words keep inner hyphens and apostrophes ("self-styled", "haftar's"); a dotted abbreviation of
# up to five letters is one word ("U.N." -> "un", "U.N.-backed" -> "un-backed").
_WORD_RE = word_pattern(**DISCOVER_WORDS)
_FOLD = str.maketrans({"\u2010": "-", "\u2011": "-", **{c: "'" for c in _APOS[1:]}, ".": ""})
# n-grams never run across anything but spaces (with at most one line break)
_JOIN_RE = re.compile(r"[^\S\n]*\n?[^\S\n]*")


def tokenize(text: str) -> list[list[str]]:
    """The lower-cased words of ``text``, grouped in runs that no punctuation separates.

    Hyphenated words stay whole, apostrophes and hyphens are unified, dots of abbreviations are
    dropped. n-grams are built within each run only, never across a full stop or a comma.
    Runs of normalised words, not offsets: the terms are only counted, and the runs say where an
    n-gram may not cross. Not the same as :func:`claimcompare.detect.tokenize`, which returns the
    ``(start, end)`` offsets of each token so that the detector can flag words in place.

    Examples
    --------
    >>> tokenize("The self-styled army’s U.N. envoy, Salamé, left.")
    [['the', 'self-styled', "army's", 'un', 'envoy'], ['salamé'], ['left']]
    """
    runs: list[list[str]] = []
    current: list[str] = []
    prev_end = -1
    for m in _WORD_RE.finditer(text):
        if current and not _JOIN_RE.fullmatch(text, prev_end, m.start()):
            runs.append(current)
            current = []
        word = m.group().lower()
        current.append(word.translate(_FOLD) if not word.isalnum() else word)
        prev_end = m.end()
    if current:
        runs.append(current)
    return runs


def _ngrams(runs: list[list[str]], lo: int, hi: int) -> Counter[str]:
    counts: Counter[str] = Counter()
    for run in runs:
        for n in range(lo, hi + 1):
            for i in range(len(run) - n + 1):
                counts[" ".join(run[i : i + n])] += 1
    return counts


_FIELDS = frozenset(f.name for f in dataclasses.fields(Document))


def _group_labels(corpus: Corpus, by: str, missing: str) -> list[str]:
    if by in _FIELDS:
        values = [getattr(d, by) for d in corpus]
    elif any(by in d.meta for d in corpus):
        values = [d.meta.get(by) for d in corpus]
    else:
        meta = sorted({k for d in corpus for k in d.meta})
        raise ParameterError(
            f"by={by!r} is neither a Document field {sorted(_FIELDS)} nor a meta key "
            f"of any document (meta keys: {meta})"
        )
    labels: list[str] = []
    absent: list[str] = []
    for doc, value in zip(corpus, values, strict=True):
        if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
            absent.append(doc.doc_id)
            # Two documents of unknown outlet need not share one: label each as claims do.
            labels.append(doc.label if by == "outlet" else f"<no {by}>")
        else:
            labels.append(value if isinstance(value, str) else str(value))
    if absent:
        if missing == "raise":
            raise InputError(
                f"documents {absent[:10]} have no {by!r}; pass missing='group' to put them in "
                "a group of their own"
            )
        logger.info("%d documents without %r form groups of their own", len(absent), by)
    return labels


def _prior(
    prior: str | float | Mapping[str, float] | pd.Series,
    prior_strength: float | None,
    vocab: list[str],
    corpus_counts: np.ndarray,
) -> np.ndarray:
    """Pseudo-counts alpha_w for every term of ``vocab``."""
    if isinstance(prior, bool):
        raise ParameterError(f"prior must be 'corpus', a positive number or a mapping, got {prior}")
    if is_real(prior):
        if not prior > 0 or not math.isfinite(prior):
            raise ParameterError(f"a uniform prior must be a positive number, got {prior!r}")
        if prior_strength is not None:
            raise ParameterError("prior_strength applies to informative priors, not a uniform one")
        return np.full(len(vocab), float(prior))
    if isinstance(prior, str):
        if prior != "corpus":
            raise ParameterError(
                f"prior must be 'corpus', a positive number or a mapping of counts, got {prior!r}"
            )
        background = corpus_counts.astype(float)
    elif isinstance(prior, Mapping | pd.Series):
        items = prior.items()
        bad = [(k, v) for k, v in items if not (is_real(v) and 0 <= v < math.inf)]
        if bad:
            raise ParameterError(f"prior counts must be finite numbers >= 0, got {bad[0]!r}")
        lookup = dict(prior.items())
        # Terms of this corpus that the background lacks still need a non-zero prior: the
        # background is pooled with the corpus's own counts.
        background = np.array([float(lookup.get(t, 0.0)) for t in vocab]) + corpus_counts
    else:
        raise ParameterError(
            f"prior must be 'corpus', a positive number or a mapping, got {type(prior).__name__}"
        )
    if prior_strength is None:
        return background
    if not is_real(prior_strength) or not 0 < prior_strength < math.inf:
        raise ParameterError(f"prior_strength must be a positive number, got {prior_strength!r}")
    return background * (prior_strength / background.sum())


def _log_odds(y: np.ndarray, n: float, alpha: np.ndarray, alpha0: float) -> np.ndarray:
    return np.log(y + alpha) - np.log(n + alpha0 - y - alpha)


def distinctive_terms(
    corpus: Corpus,
    by: str = "outlet",
    *,
    ngram_range: tuple[int, int] = (1, 3),
    prior: str | float | Mapping[str, float] | pd.Series = "corpus",
    prior_strength: float | None = None,
    groups: tuple[str, str] | None = None,
    min_count: int = 2,
    top: int | None = None,
    missing: str = "group",
) -> pd.DataFrame:
    """Terms typical of each group of documents: Fightin' Words log-odds (Monroe et al. 2008).

    Parameters
    ----------
    corpus : Corpus
        The documents.
    by : str, default "outlet"
        A :class:`Document` field (``outlet``, ``doc_id``, ``title``, ``published``, ...) or a key
        of ``Document.meta``. Non-string values are grouped by ``str(value)``.
    ngram_range : (int, int), default (1, 3)
        Smallest and largest n-gram length. All lengths share one vocabulary and group size.
    prior : "corpus", float or mapping of term -> count, default "corpus"
        ``"corpus"``: informative prior from the term counts of the whole ``corpus``.
        A mapping or Series: counts from a background corpus, pooled with this corpus's counts
        so that no term has a zero prior. A positive number: the same pseudo-count for every term
        (MCQ's uninformative Dirichlet, e.g. ``0.01``).
    prior_strength : float, optional
        :math:`\\alpha_0`, the total pseudo-count of an informative prior. Default: the size of
        the background itself, i.e. :math:`\\alpha_w` is the background count of ``w``.
    groups : (str, str), optional
        Compare these two groups with each other only. Default: every group against the rest
        of the corpus.
    min_count : int, default 2
        Leave out terms seen fewer times than this in the two compared sides together.
    top : int, optional
        Keep the ``top`` terms with the highest ``z`` per group.
    missing : {"group", "raise"}, default "group"
        Documents whose ``by`` value is None or empty are never dropped: they form a group
        labelled ``"<no BY>"`` (e.g. ``"<no published>"``), or raise :class:`InputError`. For
        ``by="outlet"`` each such document is its own group, ``"<unknown outlet: DOC_ID>"``,
        as in the claims table.

    Returns
    -------
    pandas.DataFrame
        ``group, other, term, n, z, delta, variance, count_group, count_rest, alpha``: one row per
        group and term, sorted by group, then ``z`` descending, then term. ``other`` is
        :data:`REST` (``"<rest>"``) against the rest of the corpus, or the second group; then
        ``count_rest`` counts the term in that group. Positive ``z``: more typical of ``group``.

    Examples
    --------
    >>> from claimcompare.document import Corpus, Document
    >>> corpus = Corpus([
    ...     Document("a1", "The rebels advanced. The rebels fled.", outlet="A"),
    ...     Document("b1", "Government forces advanced. Government forces won.", outlet="B"),
    ... ])
    >>> out = distinctive_terms(corpus, ngram_range=(1, 1))
    >>> row = out[out.group == "A"].iloc[0]
    >>> str(row.term), int(row.count_group), int(row.count_rest), round(float(row.z), 3)
    ('rebels', 2, 0, 0.955)
    >>> pair = distinctive_terms(corpus, groups=("B", "A"), ngram_range=(1, 1), top=1)
    >>> pair[["group", "other", "term"]].iloc[0].tolist()
    ['B', 'A', 'forces']
    """
    lo, hi = _check_arguments(corpus, by, ngram_range, min_count, top, missing)
    labels = _group_labels(corpus, by, missing)
    group_counts: dict[str, Counter[str]] = {}
    for doc, label in zip(corpus, labels, strict=True):
        group_counts.setdefault(label, Counter()).update(_ngrams(tokenize(doc.text), lo, hi))
    names = sorted(group_counts)
    _check_groups(groups, names, by)

    vocab = sorted(set().union(*group_counts.values()))
    if len(vocab) < 2:
        raise InputError(f"the corpus has {len(vocab)} distinct terms; need at least two")
    index = {t: i for i, t in enumerate(vocab)}
    total = np.zeros(len(vocab), dtype=np.int64)
    for name in names:
        total += _vector(group_counts[name], index)
    alpha = _prior(prior, prior_strength, vocab, total)
    terms = np.array(vocab, dtype=object)
    ngram_len = np.array([t.count(" ") + 1 for t in vocab], dtype=np.int64)

    if groups is not None:
        todo = [(groups[0], groups[1])]
    else:
        todo = [(name, REST) for name in names]
    frames = []
    for name, other in todo:
        y_i = _vector(group_counts[name], index)
        y_j = _vector(group_counts[other], index) if groups is not None else total - y_i
        delta, variance, z = _z_scores(y_i, y_j, alpha)
        rows = np.flatnonzero((y_i + y_j) >= min_count)
        # z descending, then term (the vocabulary is sorted, so index order is term order)
        rows = rows[np.lexsort((rows, -z[rows]))]
        if top is not None:
            rows = rows[:top]
        frames.append(
            pd.DataFrame(
                {
                    "group": name,
                    "other": other,
                    "term": terms[rows],
                    "n": ngram_len[rows],
                    "z": z[rows],
                    "delta": delta[rows],
                    "variance": variance[rows],
                    "count_group": y_i[rows],
                    "count_rest": y_j[rows],
                    "alpha": alpha[rows],
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    return out.astype({"n": "int64", "count_group": "int64", "count_rest": "int64", "z": "float64"})


def _check_arguments(
    corpus: Any, by: Any, ngram_range: Any, min_count: Any, top: Any, missing: Any
) -> tuple[int, int]:
    """Validate the arguments of :func:`distinctive_terms`; return the n-gram range."""
    if not isinstance(corpus, Corpus):
        raise ParameterError(f"corpus must be a Corpus, got {type(corpus).__name__}")
    if not isinstance(by, str):
        raise ParameterError(f"by must be a field name (str), got {by!r}")
    lo, hi = _check_range(ngram_range)
    if not is_int(min_count) or min_count < 0:
        raise ParameterError(f"min_count must be an int >= 0, got {min_count!r}")
    if top is not None and (not is_int(top) or top < 1):
        raise ParameterError(f"top must be None or an int >= 1, got {top!r}")
    if missing not in ("group", "raise"):
        raise ParameterError(f"missing must be 'group' or 'raise', got {missing!r}")
    return lo, hi


def _check_groups(groups: Any, names: list[str], by: str) -> None:
    """``groups`` must name two different groups found; without it, two groups must exist."""
    if groups is not None:
        if (
            not isinstance(groups, tuple | list)
            or len(groups) != 2
            or not all(isinstance(g, str) for g in groups)
        ):
            raise ParameterError(f"groups must be None or two group labels, got {groups!r}")
        unknown = [g for g in groups if g not in names]
        if unknown:
            raise ParameterError(f"groups {unknown} not found; groups by {by!r}: {names}")
        if groups[0] == groups[1]:
            raise ParameterError(f"groups must be two different groups, got {groups!r}")
    elif len(names) < 2:
        raise InputError(f"need at least two groups by {by!r} to compare, got {names}")


def _vector(counts: Counter[str], index: Mapping[str, int]) -> np.ndarray:
    """One group's counts over the vocabulary (built per group, never a groups x terms matrix)."""
    y = np.zeros(len(index), dtype=np.int64)
    y[np.fromiter((index[t] for t in counts), dtype=np.int64, count=len(counts))] = list(
        counts.values()
    )
    return y


def _z_scores(
    y_i: np.ndarray, y_j: np.ndarray, alpha: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``delta``, ``variance`` and ``z`` of every term, group ``i`` against ``j``."""
    alpha0 = float(alpha.sum())
    delta = _log_odds(y_i, float(y_i.sum()), alpha, alpha0) - _log_odds(
        y_j, float(y_j.sum()), alpha, alpha0
    )
    variance = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
    return delta, variance, delta / np.sqrt(variance)


def _check_range(ngram_range: Any) -> tuple[int, int]:
    ok = (
        isinstance(ngram_range, tuple | list)
        and len(ngram_range) == 2
        and all(is_int(v) for v in ngram_range)
        and 1 <= ngram_range[0] <= ngram_range[1]
    )
    if not ok:
        raise ParameterError(
            f"ngram_range must be (min_n, max_n) with 1 <= min_n <= max_n, got {ngram_range!r}"
        )
    return int(ngram_range[0]), int(ngram_range[1])

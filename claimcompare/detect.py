"""A learnt detector of biased sentences and the words that make them so.

:class:`BiasDetector` is a scikit-learn classifier trained on the user's labelled sentences (no
model ships): a word model scores each token, a sentence model reads n-grams, lexicon and word-list
hits and the word scores. What each level learns from: docs/loaded-terms.md, "A learnt detector".
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import ClassifierMixin
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from ._common.estimator import Estimator, is_int, is_real
from ._common.text import DETECT_WORDS, stem, word_spans
from .errors import ParameterError
from .lexicon import Lexicon

__all__ = ["TOKEN_COLUMNS", "BiasDetector", "tokenize"]

logger = logging.getLogger(__name__)

TOKEN_COLUMNS = ["sentence", "token", "start", "end", "score", "flagged"]

_QUOTES = '"\u201c\u201d\u00ab\u00bb'
_STOP = frozenset(ENGLISH_STOP_WORDS)


def tokenize(text: str) -> list[tuple[int, int]]:
    """The word tokens of ``text`` as half-open character offsets ``(start, end)``, in order.

    A token is a run of word characters, possibly joined by apostrophes ("don't", "Haftar's").
    Offsets, not words: the detector scores and flags each token where it stands in the sentence
    (:meth:`BiasDetector.token_scores` reports ``start`` and ``end``). Not the same as
    :func:`claimcompare.discover.tokenize`, which returns lower-cased words in runs for n-gram
    counts and keeps no offsets.

    Examples
    --------
    >>> text = "Haftar's “renegade” forces"
    >>> [text[s:e] for s, e in tokenize(text)]
    ["Haftar's", 'renegade', 'forces']
    """
    if not isinstance(text, str):
        raise ParameterError(f"text must be a string, got {type(text).__name__}")
    return word_spans(text, **DETECT_WORDS)


def _inside_quotes(text: str) -> np.ndarray:
    """For each character, whether an odd number of double quotation marks precede it."""
    marks = np.fromiter((c in _QUOTES for c in text), dtype=bool, count=len(text))
    return (np.cumsum(marks) % 2).astype(bool)


class _Features:
    """Token and sentence features shared by fit and predict (no learnt state)."""

    def __init__(self, lexicon: Lexicon | None, word_lists: Mapping[str, frozenset[str]]) -> None:
        self.lexicon = lexicon
        self.word_lists = word_lists
        self.list_stems = {
            name: frozenset(stem(w) for w in words) for name, words in word_lists.items()
        }
        self.categories = sorted(
            {e.category for e in lexicon.entries} - {"exception"} if lexicon else set()
        )

    def tokens(self, text: str) -> tuple[list[tuple[int, int]], list[dict[str, float]]]:
        spans = tokenize(text)
        words = [text[s:e].lower().replace("\u2019", "'") for s, e in spans]
        lex_cat: dict[int, tuple[str, float]] = {}
        if self.lexicon is not None:
            starts = [s for s, _ in spans]
            for m in self.lexicon.finditer(text):
                for k in range(len(spans)):
                    if spans[k][0] >= m.end:
                        break
                    if spans[k][1] > m.start and starts[k] >= m.start - 1:
                        lex_cat[k] = (m.category, m.weight)
        quoted = _inside_quotes(text) if any(c in _QUOTES for c in text) else None
        feats = []
        for k, w in enumerate(words):
            st = stem(w)
            f: dict[str, float] = {"w=" + w: 1.0, "st=" + st: 1.0, "suf=" + w[-3:]: 1.0}
            f["p=" + (words[k - 1] if k else "<s>")] = 1.0
            f["n=" + (words[k + 1] if k + 1 < len(words) else "</s>")] = 1.0
            if w in _STOP:
                f["stop"] = 1.0
            if k and text[spans[k][0]].isupper():
                f["cap"] = 1.0
            if w.isdigit():
                f["digit"] = 1.0
            if k in lex_cat:
                cat, weight = lex_cat[k]
                f["lex=" + cat] = weight
                f["lex"] = weight
            for name, listed in self.word_lists.items():
                if w in listed or st in self.list_stems[name]:
                    f["list=" + name] = 1.0
            if quoted is not None and quoted[spans[k][0]]:
                f["quoted"] = 1.0
            feats.append(f)
        return spans, feats

    def dense(self, text: str, feats: list[dict[str, float]]) -> list[float]:
        n = max(len(feats), 1)
        row = [math.log1p(len(feats)), text.count("!"), text.count("?")]
        row.append(sum(text.count(c) for c in _QUOTES + "\u2018\u2019'") / n)
        row.append(sum("quoted" in f for f in feats) / n)
        for cat in self.categories:
            row.append(sum(f.get("lex=" + cat, 0.0) for f in feats))
        for name in self.word_lists:
            hits = sum(f.get("list=" + name, 0.0) for f in feats if "stop" not in f)
            row.extend([hits, hits / n])
        return row


def _aggregate(scores: np.ndarray, owners: np.ndarray, n: int) -> np.ndarray:
    """Per sentence: max, mean of the top two and log(1 + sum) of its token scores."""
    out = np.zeros((n, 3))
    if len(scores) == 0:
        return out
    order = np.lexsort((-scores, owners))
    s, o = scores[order], owners[order]
    idx = np.flatnonzero(np.r_[True, o[1:] != o[:-1]])
    counts = np.diff(np.r_[idx, len(o)])
    out[o[idx], 0] = s[idx]
    second = s[np.minimum(idx + 1, len(s) - 1)]
    out[o[idx], 1] = np.where(counts > 1, (s[idx] + second) / 2, s[idx])
    out[:, 2] = np.log1p(np.bincount(owners, weights=scores, minlength=n))
    return out


def _int32(matrix: Any) -> sparse.csr_matrix:
    """A CSR matrix with 32-bit indices (liblinear accepts no others)."""
    matrix = sparse.csr_matrix(matrix)
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def _best_threshold(scores: np.ndarray, gold: np.ndarray) -> float:
    """The score threshold with the highest F1 of ``scores >= t`` against ``gold``."""
    if not gold.any():
        return 0.5
    order = np.argsort(-scores, kind="stable")
    s, g = scores[order], gold[order].astype(float)
    tp = np.cumsum(g)
    k = np.arange(1, len(s) + 1)
    f1 = 2 * tp / (k + g.sum())
    last = np.r_[s[1:] != s[:-1], True]  # only cut between distinct scores
    f1 = np.where(last, f1, -1.0)
    best = int(np.argmax(f1))
    return float(s[best])


class BiasDetector(ClassifierMixin, Estimator):
    """Learnt detector of biased sentences and words, trained on a user's labelled sentences.

    Parameters
    ----------
    lexicon : Lexicon, "default" or None, default "default"
        Lexicon whose matches are features (by category); ``"default"`` is
        :meth:`Lexicon.default`, None uses none.
    word_lists : mapping of str to iterable of str, optional
        Named word lists (subjectivity clues, hedges, report verbs, ...) whose hits are features.
        Words are compared lower-cased and by Snowball stem. None for none.
    context_columns : sequence of str, default ()
        When ``X`` is a DataFrame, categorical columns (e.g. ``"outlet"``) one-hot encoded as
        sentence features.
    word_ngrams : (int, int) or None, default (1, 2)
        Word n-gram range of the sentence model's TF-IDF; None for none.
    char_ngrams : (int, int) or None, default (2, 5)
        Character n-gram range (``char_wb``); None for none.
    max_char_features : int, default 50000
    C : float, default 2.0
        Inverse regularisation of the sentence model.
    token_C : float, default 0.5
        Inverse regularisation of the word model.
    token_threshold : float or None, default None
        Score from which a token is flagged; None chooses it in ``fit`` (best F1 of cross-fitted
        scores against ``biased_words``, or 0.5 without them).
    cv : int, default 3
        Folds for cross-fitting the word model's scores inside ``fit``.
    positive_label : object, default 1
        The label meaning "biased" (``True`` and ``1`` are equal; pass e.g. ``"Biased"``).
    random_state : int, default 0

    Attributes
    ----------
    classes_ : ndarray
        The two labels, sorted.
    threshold_ : float
        Token score from which :meth:`token_scores` flags a word.
    n_features_in_ : int
        Always 1: one text per sample.

    Examples
    --------
    >>> texts = ["The rebels took the town.", "The brutal thugs butchered the town.",
    ...          "Talks resume on Monday.", "The disgraceful regime lied again."] * 5
    >>> labels = [0, 1, 0, 1] * 5
    >>> det = BiasDetector(char_ngrams=None, cv=2).fit(texts, labels)
    >>> det.predict(["The brutal thugs lied.", "Talks resume on Monday."]).tolist()
    [1, 0]
    >>> det.token_scores(["Thugs lied."])[["token", "start", "end"]].values.tolist()
    [['Thugs', 0, 5], ['lied', 6, 10]]
    """

    _fitted_attribute = "sentence_model_"

    def __init__(
        self,
        *,
        lexicon: Lexicon | str | None = "default",
        word_lists: Mapping[str, Iterable[str]] | None = None,
        context_columns: Sequence[str] = (),
        word_ngrams: tuple[int, int] | None = (1, 2),
        char_ngrams: tuple[int, int] | None = (2, 5),
        max_char_features: int = 50_000,
        C: float = 2.0,
        token_C: float = 0.5,
        token_threshold: float | None = None,
        cv: int = 3,
        positive_label: Any = 1,
        random_state: int = 0,
    ) -> None:
        self.lexicon = lexicon
        self.word_lists = word_lists
        self.context_columns = context_columns
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.max_char_features = max_char_features
        self.C = C
        self.token_C = token_C
        self.token_threshold = token_threshold
        self.cv = cv
        self.positive_label = positive_label
        self.random_state = random_state

    # validation -----------------------------------------------------------------------------
    def _check_params(self) -> tuple[Lexicon | None, dict[str, frozenset[str]]]:
        lexicon: Lexicon | None
        if isinstance(self.lexicon, str):
            if self.lexicon != "default":
                raise ParameterError(
                    f"lexicon must be a Lexicon, 'default' or None, got {self.lexicon!r}"
                )
            lexicon = Lexicon.default()
        elif self.lexicon is None or isinstance(self.lexicon, Lexicon):
            lexicon = self.lexicon
        else:
            raise ParameterError(
                f"lexicon must be a Lexicon, 'default' or None, got {type(self.lexicon).__name__}"
            )
        lists: dict[str, frozenset[str]] = {}
        if self.word_lists is not None:
            if not isinstance(self.word_lists, Mapping):
                raise ParameterError(
                    "word_lists must be a mapping of name to words, "
                    f"got {type(self.word_lists).__name__}"
                )
            for name, words in sorted(self.word_lists.items()):
                if isinstance(words, str) or not isinstance(words, Iterable):
                    raise ParameterError(
                        f"word_lists[{name!r}] must be an iterable of words, got {words!r:.60}"
                    )
                kept = (str(w).strip().lower() for w in words)
                lists[str(name)] = frozenset(w for w in kept if w)
        for pname in ("word_ngrams", "char_ngrams"):
            value = getattr(self, pname)
            if value is not None and not (
                isinstance(value, tuple | list)
                and len(value) == 2
                and all(is_int(v) and v >= 1 for v in value)
                and value[0] <= value[1]
            ):
                raise ParameterError(
                    f"{pname} must be None or (min_n, max_n) with 1 <= min_n <= max_n, "
                    f"got {value!r}"
                )
        for pname in ("C", "token_C"):
            value = getattr(self, pname)
            if not is_real(value) or not value > 0:
                raise ParameterError(f"{pname} must be a positive number, got {value!r}")
        if not is_int(self.cv) or self.cv < 2:
            raise ParameterError(f"cv must be an integer >= 2, got {self.cv!r}")
        if self.token_threshold is not None and not (
            is_real(self.token_threshold) and 0 <= self.token_threshold <= 1
        ):
            raise ParameterError(
                f"token_threshold must be None or a number in [0, 1], got {self.token_threshold!r}"
            )
        if not is_int(self.max_char_features) or self.max_char_features < 1:
            raise ParameterError(
                f"max_char_features must be a positive integer, got {self.max_char_features!r}"
            )
        if isinstance(self.context_columns, str) or not isinstance(self.context_columns, Sequence):
            raise ParameterError(
                f"context_columns must be a sequence of column names, got {self.context_columns!r}"
            )
        return lexicon, lists

    def _texts(self, X: Any) -> tuple[list[str], pd.DataFrame | None]:
        context = None
        if isinstance(X, pd.DataFrame):
            if "text" not in X.columns:
                raise ParameterError(
                    f"X as a DataFrame needs a 'text' column, has {list(X.columns)}"
                )
            missing = [c for c in self.context_columns if c not in X.columns]
            if missing:
                raise ParameterError(
                    f"context_columns {missing} are not columns of X (has {list(X.columns)})"
                )
            texts = X["text"].tolist()
            if self.context_columns:
                context = X[list(self.context_columns)].astype(str).reset_index(drop=True)
        elif isinstance(X, str):
            raise ParameterError("X must be a collection of sentences, got a single string")
        else:
            if self.context_columns:
                raise ParameterError(
                    f"context_columns {list(self.context_columns)} need X as a DataFrame"
                )
            texts = list(X.tolist() if isinstance(X, pd.Series | np.ndarray) else X)
        for i, t in enumerate(texts):
            if not isinstance(t, str):
                raise ParameterError(f"X[{i}] must be a string, got {type(t).__name__}")
        return texts, context

    # fitting --------------------------------------------------------------------------------
    def fit(
        self, X: Any, y: Any, *, biased_words: Sequence[Iterable[str]] | None = None
    ) -> BiasDetector:
        """Learn the word and sentence models from labelled sentences.

        Parameters
        ----------
        X : sequence of str, or DataFrame with a ``text`` column (and ``context_columns``)
        y : sequence of labels
            Two distinct labels, one of them ``positive_label``.
        biased_words : sequence of iterables of str, optional
            Per sentence, the words marked as biased (compared lower-cased with its tokens).

        Returns
        -------
        BiasDetector
            ``self``.
        """
        lexicon, lists = self._check_params()
        texts, context = self._texts(X)
        labels, target, marked = self._check_labels(texts, y, biased_words)
        # canonical order before the folds are drawn: the same sentences in any order fit the
        # same model (the project promises order-independent output)
        order = _canonical_order(texts, context, labels, marked)
        texts = [texts[i] for i in order]
        target = target[order]
        if context is not None:
            context = context.iloc[order].reset_index(drop=True)
        if marked is not None:
            marked = [marked[i] for i in order]
        self.n_features_in_ = 1
        self._feats = _Features(lexicon, lists)
        tok = [self._feats.tokens(t) for t in texts]
        oof, owners = self._fit_word_model(texts, tok, target, marked)
        self._fit_sentence_model(texts, context, tok, _aggregate(oof, owners, len(texts)), target)
        logger.info(
            "BiasDetector: %d sentences, %d tokens, token threshold %.3f",
            len(texts),
            len(owners),
            self.threshold_,
        )
        return self

    def _check_labels(
        self, texts: list[str], y: Any, biased_words: Sequence[Iterable[str]] | None
    ) -> tuple[np.ndarray, np.ndarray, list[set[str]] | None]:
        """The labels, the 0/1 target and the marked words per sentence; sets ``classes_``."""
        labels = np.asarray(list(y), dtype=object)
        if len(texts) != len(labels):
            raise ParameterError(f"X has {len(texts)} sentences but y has {len(labels)} labels")
        if len(texts) < 2 * self.cv:
            raise ParameterError(
                f"X has {len(texts)} sentences; fit needs at least 2 * cv = {2 * self.cv}"
            )
        classes = sorted(set(labels.tolist()), key=repr)
        if len(classes) != 2 or self.positive_label not in classes:
            raise ParameterError(
                f"y must hold exactly two labels, one of them positive_label="
                f"{self.positive_label!r}; got {classes[:5]!r}"
            )
        try:
            self.classes_ = np.array(sorted(classes))
        except TypeError:
            self.classes_ = np.array(classes, dtype=object)
        target = np.array([lab == self.positive_label for lab in labels], dtype=int)
        if biased_words is None:
            return labels, target, None
        if isinstance(biased_words, str) or len(biased_words) != len(texts):
            raise ParameterError(
                "biased_words must hold one iterable of words per sentence "
                f"({len(texts)}), got {type(biased_words).__name__}"
            )
        marked = [{str(w).lower().replace("\u2019", "'") for w in ws} for ws in biased_words]
        return labels, target, marked

    def _fit_word_model(
        self,
        texts: list[str],
        tok: list[tuple[list[tuple[int, int]], list[dict[str, float]]]],
        target: np.ndarray,
        marked: list[set[str]] | None,
    ) -> tuple[np.ndarray, np.ndarray]:
        """Fit the word model and its threshold; return the cross-fitted token scores and the
        sentence of each token."""
        owners = np.concatenate([np.full(len(sp), i) for i, (sp, _) in enumerate(tok)] + [[]])
        owners = owners.astype(int)
        flat = [f for _, fs in tok for f in fs]
        stop = np.array(["stop" in f for f in flat], dtype=bool)
        if marked is not None:
            gold = np.array(
                [
                    texts[i][s:e].lower().replace("\u2019", "'") in marked[i]
                    for i, (spans, _) in enumerate(tok)
                    for s, e in spans
                ],
                dtype=int,
            )
        else:
            gold = np.where(stop, 0, target[owners]) if len(owners) else np.zeros(0, dtype=int)
        self.token_vectorizer_ = DictVectorizer()
        T = _int32(self.token_vectorizer_.fit_transform(flat))
        oof = np.zeros(len(flat))
        folds = KFold(int(self.cv), shuffle=True, random_state=self.random_state)
        for tr_s, _ in folds.split(np.arange(len(texts))):
            tr = np.isin(owners, tr_s)
            model = self._token_model(T[tr], gold[tr])
            oof[~tr] = self._token_proba(model, T[~tr])
        self.token_model_ = self._token_model(T, gold)
        if self.token_threshold is not None:
            self.threshold_ = float(self.token_threshold)
        elif marked is not None:
            self.threshold_ = _best_threshold(oof[~stop], gold[~stop].astype(bool))
        else:
            self.threshold_ = 0.5
        return oof, owners

    def _fit_sentence_model(
        self,
        texts: list[str],
        context: pd.DataFrame | None,
        tok: list[tuple[list[tuple[int, int]], list[dict[str, float]]]],
        agg: np.ndarray,
        target: np.ndarray,
    ) -> None:
        """Fit the n-gram vectorizers, the context encoder, the scaler and the sentence model."""
        self.word_vectorizer_ = None
        self.char_vectorizer_ = None
        if self.word_ngrams is not None:
            self.word_vectorizer_ = TfidfVectorizer(
                ngram_range=(int(self.word_ngrams[0]), int(self.word_ngrams[1])),
                min_df=2,
                sublinear_tf=True,
            )
            self.word_vectorizer_.fit(texts)
        if self.char_ngrams is not None:
            self.char_vectorizer_ = TfidfVectorizer(
                analyzer="char_wb",
                ngram_range=(int(self.char_ngrams[0]), int(self.char_ngrams[1])),
                min_df=2,
                sublinear_tf=True,
                max_features=int(self.max_char_features),
            )
            self.char_vectorizer_.fit(texts)
        self.context_encoder_ = None
        if context is not None:
            self.context_encoder_ = OneHotEncoder(handle_unknown="ignore").fit(context)
        dense = self._dense(texts, tok, agg)
        self.scaler_ = StandardScaler().fit(dense)
        S = self._sentence_matrix(texts, context, dense)
        self.sentence_model_ = LogisticRegression(
            C=self.C, solver="liblinear", dual=True, max_iter=1000, random_state=self.random_state
        ).fit(S, target)

    def _token_model(self, T: sparse.csr_matrix, gold: np.ndarray) -> LogisticRegression | float:
        if gold.min(initial=0) == gold.max(initial=0):
            return float(gold.max(initial=0))  # one class only: a constant score
        return LogisticRegression(
            C=self.token_C,
            solver="liblinear",
            dual=True,
            max_iter=1000,
            random_state=self.random_state,
        ).fit(T, gold)

    @staticmethod
    def _token_proba(model: LogisticRegression | float, T: sparse.csr_matrix) -> np.ndarray:
        if isinstance(model, float):
            return np.full(T.shape[0], model)
        return np.asarray(model.predict_proba(T)[:, 1])

    def _dense(
        self,
        texts: list[str],
        tok: list[tuple[list[tuple[int, int]], list[dict[str, float]]]],
        agg: np.ndarray,
    ) -> np.ndarray:
        rows = [self._feats.dense(t, fs) for t, (_, fs) in zip(texts, tok, strict=True)]
        return np.hstack([np.asarray(rows, dtype=float).reshape(len(texts), -1), agg])

    def _sentence_matrix(
        self, texts: list[str], context: pd.DataFrame | None, dense: np.ndarray
    ) -> sparse.csr_matrix:
        parts = [sparse.csr_matrix(self.scaler_.transform(dense) * 0.3)]
        if self.word_vectorizer_ is not None:
            parts.append(self.word_vectorizer_.transform(texts))
        if self.char_vectorizer_ is not None:
            parts.append(self.char_vectorizer_.transform(texts))
        if self.context_encoder_ is not None and context is not None:
            parts.append(self.context_encoder_.transform(context))
        return _int32(sparse.hstack(parts, format="csr"))

    # prediction -----------------------------------------------------------------------------
    def _tokens_and_scores(
        self, texts: list[str]
    ) -> tuple[list[tuple[list[tuple[int, int]], list[dict[str, float]]]], np.ndarray, np.ndarray]:
        tok = [self._feats.tokens(t) for t in texts]
        owners = np.concatenate([np.full(len(sp), i) for i, (sp, _) in enumerate(tok)] + [[]])
        flat = [f for _, fs in tok for f in fs]
        if not flat:
            return tok, np.zeros(0), owners.astype(int)
        T = _int32(self.token_vectorizer_.transform(flat))
        scores = self._token_proba(self.token_model_, T)
        return tok, scores, owners.astype(int)

    def predict_proba(self, X: Any) -> np.ndarray:
        """Probability of each class (columns in the order of ``classes_``) per sentence.

        Examples
        --------
        >>> texts = ["Calm talks.", "Brutal thugs.", "A meeting.", "Vile liars."] * 3
        >>> det = BiasDetector(char_ngrams=None, cv=2).fit(texts, [0, 1, 0, 1] * 3)
        >>> det.predict_proba(["Brutal liars."]).shape
        (1, 2)
        """
        self._check_fitted()
        texts, context = self._texts(X)
        tok, scores, owners = self._tokens_and_scores(texts)
        dense = self._dense(texts, tok, _aggregate(scores, owners, len(texts)))
        p = self.sentence_model_.predict_proba(self._sentence_matrix(texts, context, dense))[:, 1]
        pos = int(np.flatnonzero(self.classes_ == self.positive_label)[0])
        out = np.empty((len(texts), 2))
        out[:, pos] = p
        out[:, 1 - pos] = 1 - p
        return out

    def predict(self, X: Any) -> np.ndarray:
        """The more probable label of each sentence.

        Examples
        --------
        >>> texts = ["Calm talks.", "Brutal thugs.", "A meeting.", "Vile liars."] * 3
        >>> det = BiasDetector(char_ngrams=None, cv=2).fit(texts, [0, 1, 0, 1] * 3)
        >>> det.predict(["Brutal liars.", "Calm meeting."]).tolist()
        [1, 0]
        """
        proba = self.predict_proba(X)
        return np.asarray(self.classes_[np.argmax(proba, axis=1)])

    def token_scores(self, X: Any) -> pd.DataFrame:
        """Score every word token of every sentence; flag those at or above ``threshold_``.

        Returns
        -------
        pandas.DataFrame
            ``sentence`` (position in ``X``), ``token``, ``start``, ``end`` (half-open offsets
            into that sentence: ``X[sentence][start:end] == token``), ``score`` (0-1) and
            ``flagged`` (score >= ``threshold_`` and not a stopword).

        Examples
        --------
        >>> texts = ["Calm talks.", "Brutal thugs.", "A meeting.", "Vile liars."] * 3
        >>> det = BiasDetector(char_ngrams=None, cv=2).fit(texts, [0, 1, 0, 1] * 3)
        >>> det.token_scores(["Vile talks."]).columns.tolist()
        ['sentence', 'token', 'start', 'end', 'score', 'flagged']
        """
        self._check_fitted()
        texts, _ = self._texts(X)
        tok, scores, owners = self._tokens_and_scores(texts)
        starts = [s for sp, _ in tok for s, _ in sp]
        ends = [e for sp, _ in tok for _, e in sp]
        words = [texts[o][s:e] for o, s, e in zip(owners, starts, ends, strict=True)]
        stop = np.array([w.lower() in _STOP for w in words], dtype=bool)
        frame = pd.DataFrame(
            {
                "sentence": owners.astype("int64"),
                "token": pd.Series(words, dtype=object),
                "start": np.asarray(starts, dtype="int64"),
                "end": np.asarray(ends, dtype="int64"),
                "score": scores.astype("float64"),
                "flagged": (scores >= self.threshold_) & ~stop,
            },
            columns=TOKEN_COLUMNS,
        )
        return frame

    def flag_words(self, text: str) -> list[tuple[int, int, str, float]]:
        """The flagged words of one text: ``(start, end, word, score)``, offsets into ``text``.

        Examples
        --------
        >>> texts = ["Calm talks.", "Brutal thugs.", "A meeting.", "Vile liars."] * 3
        >>> det = BiasDetector(char_ngrams=None, cv=2, token_threshold=0.0).fit(
        ...     texts, [0, 1, 0, 1] * 3)
        >>> [w for _, _, w, _ in det.flag_words("The vile thugs.")]
        ['vile', 'thugs']
        """
        if not isinstance(text, str):
            raise ParameterError(f"text must be a string, got {type(text).__name__}")
        frame = self.token_scores([text])
        frame = frame[frame["flagged"]]
        return [
            (int(s), int(e), str(w), float(p))
            for s, e, w, p in zip(frame.start, frame.end, frame.token, frame.score, strict=True)
        ]


def _canonical_order(
    texts: Sequence[str],
    context: pd.DataFrame | None,
    labels: np.ndarray,
    marked: Sequence[set[str]] | None,
) -> np.ndarray:
    """Indices that sort training samples by text, context, label and marked words."""
    rows = context.astype(str).itertuples(index=False, name=None) if context is not None else None
    ctx = list(rows) if rows is not None else [()] * len(texts)
    words = [tuple(sorted(m)) for m in marked] if marked is not None else [()] * len(texts)
    keys = [(texts[i], ctx[i], repr(labels[i]), words[i]) for i in range(len(texts))]
    return np.array(sorted(range(len(texts)), key=keys.__getitem__), dtype=int)

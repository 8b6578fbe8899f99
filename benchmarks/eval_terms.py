"""Measure loaded-term detection (the lexicon and :class:`BiasDetector`) on public benchmarks.

Reads BABE, PTC (SemEval-2020 Task 11) and BASIL from ``../shared/benchmarks`` (never bundled;
the path is a parameter) and returns one row per figure: ``benchmark, method, metric, value,
anchor, n, note``. Protocols (benchmarks/README.md):

- **BABE** (SG2, 3,673 sentences with an expert label): 5-fold cross-validation with a fixed seed,
  folds grouped by article (``news_link``). Sentence level: macro-F1. Word level: precision,
  recall and F1 of flagged word tokens against the annotators' ``biased_words``, stopwords
  (scikit-learn's English list) dropped from gold and prediction alike.
- **PTC** (371 training articles): the same cross-validation grouped by article. Gold tokens are
  the word tokens overlapping a ``Loaded_Language`` or ``Name_Calling,Labeling`` span; token-level
  precision, recall and F1, stopwords dropped. Per technique, recall.
- **BASIL**: the detector is trained on events 2010-2016, figures are on 2017-2019 (and, for
  reference, on 2010-2016, the part any rule was tuned on). For the lexical-bias spans:
  recall (a gold span overlapped by at least one match), precision (a match overlapping a gold
  span), target accuracy on matched spans and quote-flag agreement on matched spans. The same
  target and quote figures are also given on every gold span (the span given, as if found),
  through :func:`~claimcompare.terms.span_targets`.

The lexicon is the shipped :meth:`Lexicon.default` with no tuning. The detector is given the
subjectivity, sentiment, hedge and report-verb word lists found in the benchmarks folder (they are
features passed in at evaluation time, not shipped).
"""

from __future__ import annotations

import argparse
import ast
import logging
import re
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

import numpy as np
import pandas as pd
from eval_common import DEFAULT_BENCHMARKS, basil_article, require
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedGroupKFold

from claimcompare.actors import ActorIndex, find_actors
from claimcompare.detect import BiasDetector, tokenize
from claimcompare.document import Document
from claimcompare.errors import InputError
from claimcompare.lexicon import Lexicon
from claimcompare.terms import find_loaded_terms, span_targets, target_candidates

__all__ = [
    "DEFAULT_BENCHMARKS",
    "RESULT_COLUMNS",
    "evaluate_babe",
    "evaluate_basil",
    "evaluate_ptc",
    "evaluate_terms",
    "load_babe",
    "load_basil",
    "load_ptc",
    "load_word_lists",
    "main",
    "same_target",
]

logger = logging.getLogger(__name__)

RESULT_COLUMNS = ["benchmark", "method", "metric", "value", "anchor", "n", "note"]
SEED = 0
FOLDS = 5
_STOP = frozenset(ENGLISH_STOP_WORDS)
# Lexicon categories that stand for loaded language or labelling (PTC); BABE uses every category.
_LABEL_CATEGORIES = frozenset(
    {"delegitimising_label", "legitimising_label", "self_designation_doubt", "emotive"}
)
_PTC_TECHNIQUES = ("Loaded_Language", "Name_Calling,Labeling")


def _row(
    benchmark: str,
    method: str,
    metric: str,
    value: float,
    *,
    n: int,
    anchor: float = float("nan"),
    note: str = "",
) -> dict[str, object]:
    return {
        "benchmark": benchmark,
        "method": method,
        "metric": metric,
        "value": float(value),
        "anchor": float(anchor),
        "n": int(n),
        "note": note,
    }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


# loading ------------------------------------------------------------------------------------
def _word_file(path: Path) -> list[str]:
    text = require(path).read_text(encoding="latin-1")
    return [w.strip() for w in text.splitlines() if w.strip() and not w.startswith(("#", ";"))]


def load_word_lists(benchmarks: Path) -> dict[str, list[str]]:
    """Word lists from the benchmarks folder, as features for :class:`BiasDetector`.

    MPQA strong / weak subjectivity clues, the NPOV bias lexicon (Recasens et al. 2013, clean
    copy), Liu's positive / negative opinion words, Hyland's hedges and Recasens' report verbs,
    factives and assertives.

    Examples
    --------
    >>> load_word_lists(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    mpqa_path = require(benchmarks / "mpqa_subjectivity_lexicon" / "subjclueslen1-HLTEMNLP05.tff")
    clues = [
        dict(kv.split("=", 1) for kv in line.split() if "=" in kv)
        for line in mpqa_path.read_text(encoding="latin-1").splitlines()
        if line.strip()
    ]
    wnc = benchmarks / "pryzant2020-wnc-lexicons"
    rec = benchmarks / "recasens2013-lexicons"
    return {
        "mpqa_strong": [c["word1"] for c in clues if c.get("type") == "strongsubj"],
        "mpqa_weak": [c["word1"] for c in clues if c.get("type") == "weaksubj"],
        "npov": _word_file(wnc / "npov_lexicon.txt"),
        "liu_negative": _word_file(wnc / "negative_liu2005.txt"),
        "liu_positive": _word_file(wnc / "positive_liu2005.txt"),
        "hedges": _word_file(rec / "hedges_hyland2005.txt"),
        "report_verbs": _word_file(rec / "report_verbs.txt"),
        "factives": _word_file(rec / "factives_hooper1975.txt"),
        "assertives": _word_file(rec / "assertives_hooper1975.txt"),
    }


def load_babe(benchmarks: Path) -> pd.DataFrame:
    """BABE SG2 without its "No agreement" row: ``text, article, outlet, biased, biased_words``.

    Examples
    --------
    >>> load_babe(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    path = require(benchmarks / "babe" / "final_labels_SG2.csv")
    raw = pd.read_csv(path, sep=";", encoding="utf-8-sig")
    raw = raw[raw["label_bias"].isin(["Biased", "Non-biased"])].reset_index(drop=True)
    return pd.DataFrame(
        {
            "text": raw["text"].astype(str),
            "article": raw["news_link"].fillna(raw["text"]).astype(str),
            "outlet": raw["outlet"].fillna("").astype(str),
            "biased": (raw["label_bias"] == "Biased").astype(int),
            "biased_words": [list(ast.literal_eval(w)) for w in raw["biased_words"]],
        }
    )


def load_ptc(benchmarks: Path) -> pd.DataFrame:
    """PTC training articles as sentences (one per line) with their gold spans.

    Returns ``article, start, text, spans`` (``spans``: ``(start, end, technique)`` of the
    Loaded_Language and Name_Calling,Labeling spans, cut to the sentence, offsets into ``text``).

    Examples
    --------
    >>> load_ptc(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    folder = benchmarks / "ptc_semeval2020_task11"
    labels = pd.read_csv(
        require(folder / "train-task2-TC.labels"),
        sep="\t",
        header=None,
        names=["article", "technique", "start", "end"],
        dtype={"article": str},
    )
    labels = labels[labels["technique"].isin(_PTC_TECHNIQUES)]
    by_article: dict[str, list[tuple[int, int, str]]] = {}
    for art, tech, s, e in labels[["article", "technique", "start", "end"]].itertuples(index=False):
        by_article.setdefault(str(art), []).append((int(s), int(e), str(tech)))
    rows = []
    articles = sorted(require(folder / "train-articles").glob("article*.txt"))
    if not articles:
        raise InputError(f"benchmark file not found: {folder / 'train-articles'}/article*.txt")
    for path in articles:
        art = path.stem.removeprefix("article")
        text = path.read_text(encoding="utf-8")
        gold = by_article.get(art, [])
        for m in re.finditer(r"[^\n]+", text):
            if not m.group().strip():
                continue
            s0, e0 = m.span()
            spans = [(max(s, s0) - s0, min(e, e0) - s0, t) for s, e, t in gold if s < e0 and s0 < e]
            rows.append({"article": art, "start": s0, "text": m.group(), "spans": spans})
    return pd.DataFrame(rows)


def load_basil(benchmarks: Path) -> tuple[dict[tuple[str, int], Document], pd.DataFrame]:
    """BASIL articles as Documents and their lexical-bias spans with document offsets.

    Each article's text is its title, a blank line, then its paragraphs (sentences joined by a
    space, paragraphs by a blank line). Returns ``(documents, spans)``: documents keyed by
    ``(triplet_uuid, article_idx)``; spans with ``triplet_uuid, article_idx, year, start, end,
    span_text, target, quote, speaker, polarity, sentence_has_lex``.

    Examples
    --------
    >>> load_basil(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    folder = benchmarks / "basil"
    spans = pd.read_csv(require(folder / "basil_spans.tsv"), sep="\t")
    paths = sorted(require(folder / "articles").glob("*/*.json"))
    if not paths:
        raise InputError(f"benchmark file not found: {folder / 'articles'}/<year>/*.json")
    docs: dict[tuple[str, int], Document] = {}
    offsets: dict[tuple[str, int, int], int] = {}
    for path in paths:
        uuid, idx = path.stem.rsplit("_", 1)
        doc, spans_of = basil_article(path)
        docs[(uuid, int(idx))] = doc
        for n, (start, _) in spans_of.items():
            offsets[(uuid, int(idx), n)] = start
    lex = spans[spans["bias"] == "lex"].copy()
    starts = [
        offsets[(u, int(a), int(s))]
        for u, a, s in zip(lex["triplet_uuid"], lex["article_idx"], lex["sent_idx"], strict=True)
    ]
    lex["start"] = lex["start"].astype(int) + np.asarray(starts, dtype=int)
    lex["end"] = lex["end"].astype(int) + np.asarray(starts, dtype=int)
    for (u, a), s, e, t in zip(
        zip(lex["triplet_uuid"], lex["article_idx"], strict=True),
        lex["start"],
        lex["end"],
        lex["span_text"],
        strict=True,
    ):
        if docs[(u, int(a))].text[s:e] != t:
            raise InputError(f"BASIL span {t!r} of {u}_{a} does not resolve at {s}:{e}")
    lex = lex.rename(columns={"sent_idx": "sentence"})
    columns = ["triplet_uuid", "article_idx", "year", "sentence", "start", "end", "span_text"]
    columns += ["target", "quote", "speaker", "polarity"]
    return docs, lex[columns].reset_index(drop=True)


# token scoring --------------------------------------------------------------------------------
def _token_counts(
    texts: Sequence[str],
    predicted: Sequence[Iterable[tuple[int, int]]],
    gold: Callable[[int, int, int, str], bool],
) -> tuple[int, int, int]:
    """tp, fp, fn over non-stopword tokens; a token is predicted if a span overlaps it."""
    tp = fp = fn = 0
    for i, text in enumerate(texts):
        spans = sorted(predicted[i])
        for s, e in tokenize(text):
            word = text[s:e].lower()
            if word in _STOP:
                continue
            p = any(ps < e and s < pe for ps, pe in spans)
            g = gold(i, s, e, word)
            tp += p and g
            fp += p and not g
            fn += g and not p
    return tp, fp, fn


def _lexicon_spans(
    texts: Sequence[str], lexicon: Lexicon, categories: frozenset[str] | None
) -> list[list[tuple[int, int]]]:
    return [
        [
            (m.start, m.end)
            for m in lexicon.finditer(t)
            if categories is None or m.category in categories
        ]
        for t in texts
    ]


def _folds(
    y: np.ndarray, groups: Sequence[str], *, folds: int, seed: int
) -> list[tuple[np.ndarray, np.ndarray]]:
    cv = StratifiedGroupKFold(folds, shuffle=True, random_state=seed)
    return list(cv.split(np.zeros(len(y)), y, list(groups)))


# BABE ---------------------------------------------------------------------------------------
def evaluate_babe(
    benchmarks: Path = DEFAULT_BENCHMARKS,
    *,
    folds: int = FOLDS,
    seed: int = SEED,
    limit: int | None = None,
    context: bool = False,
    detector: bool = True,
) -> pd.DataFrame:
    """BABE sentence macro-F1 and word-level P/R/F1 for the lexicon and the detector.

    ``limit`` keeps the first ``limit`` sentences (for quick tests); ``context`` also fits a
    detector with the outlet as a context feature.

    Examples
    --------
    >>> evaluate_babe(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    data = load_babe(benchmarks)
    lists = load_word_lists(benchmarks) if detector else {}
    if limit is not None:
        data = data.iloc[:limit].reset_index(drop=True)
    texts = data["text"].tolist()
    y = data["biased"].to_numpy()
    marked = [{w.lower() for w in ws} for ws in data["biased_words"]]

    def gold(i: int, s: int, e: int, word: str) -> bool:
        return word in marked[i]

    n = len(texts)
    rows = []
    lex = Lexicon.default()
    spans = _lexicon_spans(texts, lex, None)
    pred = np.array([bool(s) for s in spans], dtype=int)
    anchor_note = "anchor: BERT + distant supervision, Spinde et al. 2021 (5-fold CV)"
    rows.append(
        _row("BABE", "lexicon (any match)", "sentence macro-F1",
             f1_score(y, pred, average="macro"), n=n, anchor=0.804, note=anchor_note)
    )  # fmt: skip
    p, r, f = _prf(*_token_counts(texts, spans, gold))
    word_note = "anchor: negative-sentiment lexicon, held-out SG1+SG2 words (not our split)"
    rows += [
        _row("BABE", "lexicon", "word precision", p, n=n),
        _row("BABE", "lexicon", "word recall", r, n=n),
        _row("BABE", "lexicon", "word F1", f, n=n, anchor=0.40, note=word_note),
    ]
    if not detector:
        return pd.DataFrame(rows, columns=RESULT_COLUMNS)
    variants: list[tuple[str, tuple[str, ...]]] = [("detector", ())]
    if context:
        variants.append(("detector + outlet", ("outlet",)))
    splits = _folds(y, data["article"].tolist(), folds=folds, seed=seed)
    frame = data[["text", "outlet"]]
    for name, columns in variants:
        probs = np.zeros(n)
        flagged: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for train, test in splits:
            det = BiasDetector(word_lists=lists, context_columns=columns, random_state=seed)
            det.fit(
                frame.iloc[train],
                y[train],
                biased_words=[data["biased_words"][i] for i in train],
            )
            probs[test] = det.predict_proba(frame.iloc[test])[:, 1]
            if columns:
                continue
            tokens = det.token_scores(frame.iloc[test])
            tokens = tokens[tokens["flagged"]]
            for k, s, e in zip(tokens["sentence"], tokens["start"], tokens["end"], strict=True):
                flagged[test[k]].append((int(s), int(e)))
        macro = f1_score(y, (probs >= 0.5).astype(int), average="macro")
        rows.append(
            _row("BABE", name, "sentence macro-F1", macro, n=n, anchor=0.804, note=anchor_note)
        )
        if not columns:
            p, r, f = _prf(*_token_counts(texts, flagged, gold))
            rows += [
                _row("BABE", name, "word precision", p, n=n),
                _row("BABE", name, "word recall", r, n=n),
                _row("BABE", name, "word F1", f, n=n, anchor=0.40, note=word_note),
            ]
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


# PTC ----------------------------------------------------------------------------------------
def evaluate_ptc(
    benchmarks: Path = DEFAULT_BENCHMARKS,
    *,
    folds: int = FOLDS,
    seed: int = SEED,
    articles: int | None = None,
    detector: bool = True,
) -> pd.DataFrame:
    """PTC token-level P/R/F1 for Loaded_Language + Name_Calling,Labeling; recall per technique.

    ``articles`` keeps the first ``articles`` articles by id (for quick tests).

    Examples
    --------
    >>> evaluate_ptc(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    data = load_ptc(benchmarks)
    lists = load_word_lists(benchmarks) if detector else {}
    if articles is not None:
        keep = sorted(data["article"].unique())[:articles]
        data = data[data["article"].isin(keep)].reset_index(drop=True)
    texts = data["text"].tolist()
    gold_spans = data["spans"].tolist()

    def gold_of(techniques: Sequence[str]) -> Callable[[int, int, int, str], bool]:
        def gold(i: int, s: int, e: int, word: str) -> bool:
            return any(gs < e and s < ge and t in techniques for gs, ge, t in gold_spans[i])

        return gold

    n = len(texts)
    note = "no published token-level figure for these two techniques (task scores spans)"
    predictions = {"lexicon": _lexicon_spans(texts, Lexicon.default(), _LABEL_CATEGORIES)}
    if detector:
        y = np.array([int(bool(s)) for s in gold_spans])
        words = [[t[s:e] for s, e, _ in sp] for t, sp in zip(texts, gold_spans, strict=True)]
        flagged: list[list[tuple[int, int]]] = [[] for _ in range(n)]
        for train, test in _folds(y, data["article"].tolist(), folds=folds, seed=seed):
            det = BiasDetector(word_lists=lists, char_ngrams=None, random_state=seed)
            det.fit([texts[i] for i in train], y[train], biased_words=_word_sets(words, train))
            tokens = det.token_scores([texts[i] for i in test])
            tokens = tokens[tokens["flagged"]]
            for k, s, e in zip(tokens["sentence"], tokens["start"], tokens["end"], strict=True):
                flagged[test[k]].append((int(s), int(e)))
        predictions["detector"] = flagged
    rows = []
    for method, spans in predictions.items():
        p, r, f = _prf(*_token_counts(texts, spans, gold_of(_PTC_TECHNIQUES)))
        rows += [
            _row("PTC", method, "token precision", p, n=n),
            _row("PTC", method, "token recall", r, n=n),
            _row("PTC", method, "token F1", f, n=n, note=note),
        ]
        for tech in _PTC_TECHNIQUES:
            tp, _, fn = _token_counts(texts, spans, gold_of((tech,)))
            rows.append(_row("PTC", method, f"token recall {tech}", _prf(tp, 0, fn)[1], n=n))
    return pd.DataFrame(rows, columns=RESULT_COLUMNS)


def _word_sets(words: Sequence[Sequence[str]], index: np.ndarray) -> list[list[str]]:
    out = []
    for i in index:
        found: list[str] = []
        for phrase in words[i]:
            found.extend(phrase[s:e] for s, e in tokenize(phrase))
        out.append(found)
    return out


# BASIL --------------------------------------------------------------------------------------
_TITLE_WORDS = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "the", "president"})
_NAME_SYNONYMS = {"gop": "republican", "dems": "democrat", "us": "united states"}
# A gold target that names a body around a person ("Obama administration", "Romney campaign")
# matches only a prediction that names that body too.
_ROLE_WORDS = frozenset({"administration", "campaign", "allies", "supporters", "team", "aides"})


def _name_tokens(name: str) -> list[str]:
    words = re.findall(r"[^\W_]+", re.sub(r"['\u2019]s\b|[-\u2010\u2011.]", "", name.lower()))
    out = []
    for w in words:
        if w in _TITLE_WORDS:
            continue
        w = _NAME_SYNONYMS.get(w, w)
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]  # "Republicans" and "Republican lawmakers"
        out.extend(w.split())
    return out


def same_target(gold: str, predicted: str | None, index: ActorIndex | None = None) -> bool:
    """Whether a predicted actor names BASIL's annotated target entity.

    Names are compared lower-cased, with underscores as spaces, hyphens, dots and possessive
    's dropped, titles (Mr, Sen, President, ...) left out, a plural "s" taken off and "GOP" read
    as "Republican". They match if the index maps the gold name to the predicted actor, if one
    name's words all occur in the other ("Trump" and "Donald Trump", "Republicans" and
    "Republican lawmakers"), if one is the other's initials ("IRS"), or if both end in the same
    surname of three or more letters. A gold "Obama administration" or "Romney campaign" needs
    "administration" or "campaign" in the prediction: it is not "Barack Obama"; "White House"
    names an administration (the seat for the government of the day).

    Examples
    --------
    >>> same_target("Donald_Trump", "Trump"), same_target("Barack_Obama", "Mr. Obama")
    (True, True)
    >>> same_target("Obama_administration", "Barack Obama"), same_target("Paul_Ryan", None)
    (False, False)
    >>> same_target("Joe_Biden", "Hillary Clinton")
    False
    >>> same_target("Internal_Revenue_Service", "IRS"), same_target("Walmart", "Wal-Mart")
    (True, True)
    >>> same_target("Republican_Lawmakers", "GOP"), same_target("Obama_campaign", "Obama")
    (True, False)
    >>> same_target("Obama's_administration", "White House"), same_target("Obama", "White House")
    (True, False)
    """
    if predicted is None or (isinstance(predicted, float) and np.isnan(predicted)):
        return False
    if index is not None and index.canonical(gold.replace("_", " ")) == predicted:
        return True
    g, p = _name_tokens(gold.replace("_", " ")), _name_tokens(predicted)
    if not g or not p:
        return False
    for body, seat in ((g, p), (p, g)):
        if "administration" in body and seat == ["white", "house"]:
            return True  # "the White House" is the sitting administration
    if set(g) & _ROLE_WORDS and not set(g) & set(p) & _ROLE_WORDS:
        return False
    if set(g) <= set(p) or set(p) <= set(g):
        return True
    for short, long in ((g, p), (p, g)):
        if len(short) == 1 and len(long) >= 2 and short[0] == "".join(w[0] for w in long):
            return True
    return len(g[-1]) >= 3 and g[-1] == p[-1]


def _basil_rows(
    part: str,
    method: str,
    gold: pd.DataFrame,
    predicted: pd.DataFrame,
    indexes: dict[str, ActorIndex],
) -> list[dict[str, object]]:
    """Recall, precision, target accuracy and quote agreement of predicted spans on gold spans.

    ``predicted`` has ``doc_key, start, end, target, voice``; ``gold`` has ``doc_key, start,
    end, target, quote, triplet_uuid``.
    """
    by_doc: dict[object, list[tuple[int, int, object, object]]] = {}
    for k, s, e, t, v in predicted[["doc_key", "start", "end", "target", "voice"]].itertuples(
        index=False
    ):
        by_doc.setdefault(k, []).append((int(s), int(e), t, v))
    matched = correct = resolved = agree = 0
    for k, s, e, t, q, u in gold[
        ["doc_key", "start", "end", "target", "quote", "triplet_uuid"]
    ].itertuples(index=False):
        over = [p for p in by_doc.get(k, []) if p[0] < e and s < p[1]]
        if not over:
            continue
        matched += 1
        first = min(over, key=lambda p: (p[2] is None, p[0]))
        resolved += first[2] is not None
        correct += same_target(str(t), first[2], indexes.get(u))  # type: ignore[arg-type]
        agree += (first[3] == "quoted") == (q == "yes")
    gold_by_doc: dict[object, list[tuple[int, int]]] = {}
    for k, s, e in gold[["doc_key", "start", "end"]].itertuples(index=False):
        gold_by_doc.setdefault(k, []).append((int(s), int(e)))
    hits = sum(
        any(gs < p[1] and p[0] < ge for gs, ge in gold_by_doc.get(key, []))
        for key, preds in by_doc.items()
        for p in preds
    )
    n_pred = sum(len(v) for v in by_doc.values())
    n_gold = len(gold)
    bench = f"BASIL {part}"
    return [
        _row(bench, method, "span recall", matched / n_gold if n_gold else 0.0, n=n_gold),
        _row(bench, method, "span precision", hits / n_pred if n_pred else 0.0, n=n_pred),
        _row(bench, method, "target accuracy (matched)",
             correct / matched if matched else 0.0, n=matched, anchor=0.80, note="goal"),
        _row(bench, method, "target resolved (matched)",
             resolved / matched if matched else 0.0, n=matched),
        _row(bench, method, "quote agreement (matched)",
             agree / matched if matched else 0.0, n=matched, anchor=0.90, note="goal"),
    ]  # fmt: skip


def evaluate_basil(
    benchmarks: Path = DEFAULT_BENCHMARKS,
    *,
    detector: bool = True,
    seed: int = SEED,
    parts: Sequence[str] = ("2017-2019", "2010-2016"),
) -> pd.DataFrame:
    """BASIL lexical-bias spans: recall, precision, target accuracy and quote-flag agreement.

    Each event's three articles form one corpus, from which :func:`find_actors` draws the
    actors. The detector is trained on the sentences of 2010-2016 (``has_lex``; words of the
    lexical spans as its word gold) and its flagged words (runs of adjacent flagged tokens) are
    resolved with :func:`~claimcompare.terms.span_targets`.

    Examples
    --------
    >>> evaluate_basil(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    docs, gold = load_basil(benchmarks)
    gold["doc_key"] = [
        f"{u}_{a}" for u, a in zip(gold["triplet_uuid"], gold["article_idx"], strict=True)
    ]
    years = {u: int(y) for u, y in zip(gold["triplet_uuid"], gold["year"], strict=True)}
    triplets: dict[str, list[Document]] = {}
    for (uuid, _), doc in sorted(docs.items()):
        triplets.setdefault(uuid, []).append(doc)
    lists = load_word_lists(benchmarks) if detector else {}
    det = None
    if detector:
        det = _basil_detector(benchmarks, gold, lists, seed=seed)
    rows: list[dict[str, object]] = []
    for part in parts:
        lo, hi = (int(y) for y in part.split("-"))
        chosen = {u: d for u, d in triplets.items() if lo <= _year(d, years) <= hi}
        part_gold = gold[gold["year"].between(lo, hi)]
        indexes = {u: ActorIndex.from_frame(find_actors(d)) for u, d in chosen.items()}
        lexicon_rows, oracle_rows, detector_rows = [], [], []
        near: list[pd.DataFrame] = []
        for uuid, corpus in sorted(chosen.items()):
            index = indexes[uuid]
            terms = find_loaded_terms(corpus, actors=index)
            terms = terms[terms["category"] != "scare_quote"]
            lexicon_rows.append(terms.rename(columns={"doc_id": "doc_key"}))
            for doc in corpus:
                mine = part_gold[part_gold["doc_key"] == doc.doc_id]
                if len(mine):
                    out = span_targets(
                        doc, list(zip(mine["start"], mine["end"], strict=True)), actors=index
                    )
                    oracle_rows.append(out.assign(doc_key=doc.doc_id))
                    near.append(_where_named(doc, mine, index))
                if det is not None:
                    spans = _flagged_runs(det, doc)
                    if spans:
                        out = span_targets(doc, spans, actors=index)
                        detector_rows.append(out.assign(doc_key=doc.doc_id))
        for method, found in (
            ("lexicon", lexicon_rows),
            ("gold spans (given)", oracle_rows),
            ("detector", detector_rows),
        ):
            if not found:
                continue
            got = _basil_rows(part, method, part_gold, pd.concat(found), indexes)
            if method == "detector" and lo <= 2016:
                for r in got:
                    r["note"] = "in-sample: the detector was trained on 2010-2016"
            rows += got
        if near:
            rows += _locality_rows(part, pd.concat(near, ignore_index=True))
    frame = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    oracle = frame["method"] == "gold spans (given)"
    return frame[~oracle | ~frame["metric"].str.startswith("span ")].reset_index(drop=True)


def _where_named(doc: Document, gold: pd.DataFrame, index: ActorIndex) -> pd.DataFrame:
    """For each gold span: is its annotated target a candidate, named nearby, the most named?

    One row per span of ``gold`` (in order) with booleans ``candidate`` (some candidate of
    :func:`target_candidates` is the target), ``sentence`` (named in the span's claim),
    ``nearby`` (in it or the two claims before) and ``top`` (the most-named person).
    """
    spans = list(zip(gold["start"], gold["end"], strict=True))
    cands = target_candidates(doc, spans, actors=index)
    targets = gold["target"].astype(str).to_numpy()
    pairs = zip(cands["span"], cands["actor"], strict=True)
    hit = np.array([same_target(targets[k], a, index) for k, a in pairs], dtype=bool)
    right = cands[hit]
    out = pd.DataFrame(index=pd.RangeIndex(len(gold)))
    out["candidate"] = out.index.isin(right["span"])
    for name, column in (("sentence", "in_claim"), ("window", "in_window"), ("top", "top_person")):
        out[name] = right.groupby("span")[column].max().reindex(out.index).fillna(0) > 0
    out["nearby"] = out["sentence"] | out["window"]
    return out.drop(columns="window")


def _locality_rows(part: str, where: pd.DataFrame) -> list[dict[str, object]]:
    """How far local evidence can go: where the annotated targets are named.

    "local bound" is the accuracy of a resolver that is right whenever the target is named in
    the span's sentence or the two before and otherwise names the most-named person: no choice
    among nearby names, however good, does better unless it finds targets named further away.
    """
    bench, method, n = f"BASIL {part}", "gold spans (given)", len(where)
    return [
        _row(bench, method, "target among the candidates", where["candidate"].mean(), n=n),
        _row(bench, method, "target named in the sentence", where["sentence"].mean(), n=n),
        _row(bench, method, "target named in it or the two before", where["nearby"].mean(), n=n),
        _row(bench, method, "local bound (nearby, else most-named person)",
             (where["nearby"] | where["top"]).mean(), n=n, anchor=0.80, note="goal"),
    ]  # fmt: skip


def _year(corpus: list[Document], years: dict[str, int]) -> int:
    uuid = str(corpus[0].doc_id).rsplit("_", 1)[0]
    return years.get(uuid, 0)


def _basil_detector(
    benchmarks: Path, gold: pd.DataFrame, lists: dict[str, list[str]], *, seed: int
) -> BiasDetector:
    """A detector fitted on BASIL sentences of 2010-2016 (has_lex; lexical-span words)."""
    sents = pd.read_csv(require(benchmarks / "basil" / "basil_sentences.tsv"), sep="\t")
    sents = sents[sents["year"].between(2010, 2016)].reset_index(drop=True)
    spans = pd.read_csv(benchmarks / "basil" / "basil_spans.tsv", sep="\t")
    spans = spans[(spans["bias"] == "lex") & spans["year"].between(2010, 2016)]
    words: dict[tuple[str, int, int], list[str]] = {}
    for u, a, s, t in spans[["triplet_uuid", "article_idx", "sent_idx", "span_text"]].itertuples(
        index=False
    ):
        words.setdefault((u, int(a), int(s)), []).extend(str(t)[x:y] for x, y in tokenize(str(t)))
    keys = zip(sents["triplet_uuid"], sents["article_idx"], sents["sent_idx"], strict=True)
    marked = [words.get((u, int(a), int(s)), []) for u, a, s in keys]
    det = BiasDetector(word_lists=lists, char_ngrams=None, random_state=seed)
    texts = sents["sentence"].fillna("").astype(str).tolist()
    return det.fit(texts, sents["has_lex"], biased_words=marked)


def _flagged_runs(det: BiasDetector, doc: Document) -> list[tuple[int, int]]:
    """Runs of adjacent flagged tokens of a document, sentence by sentence (doc offsets)."""
    pieces = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", doc.text)]
    tokens = det.token_scores([p for _, p in pieces])
    runs: list[tuple[int, int]] = []
    last_sentence, last_end = -1, -1
    for k, s, e, f in tokens[["sentence", "start", "end", "flagged"]].itertuples(index=False):
        if not f:
            last_sentence = -1
            continue
        base = pieces[int(k)][0]
        if runs and last_sentence == k and not pieces[int(k)][1][last_end:s].strip(" -"):
            runs[-1] = (runs[-1][0], base + int(e))
        else:
            runs.append((base + int(s), base + int(e)))
        last_sentence, last_end = int(k), int(e)
    return runs


# all ----------------------------------------------------------------------------------------
def evaluate_terms(benchmarks: Path = DEFAULT_BENCHMARKS, *, context: bool = False) -> pd.DataFrame:
    """Every figure of BABE, PTC and BASIL, one row each (columns :data:`RESULT_COLUMNS`).

    Examples
    --------
    >>> evaluate_terms(Path("/nonexistent"))
    Traceback (most recent call last):
    ...
    claimcompare.errors.InputError: benchmark file not found: ...
    """
    return pd.concat(
        [
            evaluate_babe(benchmarks, context=context),
            evaluate_ptc(benchmarks),
            evaluate_basil(benchmarks),
        ],
        ignore_index=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Print the loaded-terms evaluation as a table; returns the process exit code."""
    parser = argparse.ArgumentParser(
        prog="python benchmarks/evaluate.py terms", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--benchmarks", type=Path, default=DEFAULT_BENCHMARKS)
    parser.add_argument(
        "--context", action="store_true", help="also fit BABE's detector with the outlet"
    )
    args = parser.parse_args(argv)
    start = time.perf_counter()
    try:
        frame = evaluate_terms(args.benchmarks, context=args.context)
    except InputError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return 2
    out = sys.stdout
    for bench, part in frame.groupby("benchmark", sort=False):
        out.write(f"\n{bench}\n")
        for method, metric, value, anchor, n, note in part[
            ["method", "metric", "value", "anchor", "n", "note"]
        ].itertuples(index=False):
            shown = "" if np.isnan(anchor) else f"{anchor:6.3f}"
            out.write(f"  {method:<22}{metric:<30}{value:6.3f}  {shown:>6}  n={n:<6} {note}\n")
    out.write(f"\n({time.perf_counter() - start:.0f} s)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Semantic signals (similarity/semantic.py), the AlignmentModel and the aligner with an encoder."""

from __future__ import annotations

import logging

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcompare as cc
from claimcompare.align.model import FEATURES, AlignmentModel
from claimcompare.errors import InputError, ParameterError
from claimcompare.similarity import pair_signals
from claimcompare.similarity.semantic import (
    SEMANTIC_SIGNALS,
    WordLlamaEncoder,
    WordVectors,
    embed,
    semantic_signals,
    soft_alignment,
)

PARAPHRASE = (
    "Haftar's forces seized Sirte",
    "Libyan fighters loyal to rogue general Khalifa Haftar have taken the city of Sirte",
)


class CountingEncoder:
    """A stand-in encoder (letter counts), as a user's own model would be passed."""

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls += 1
        out = np.zeros((len(texts), 26), dtype=np.float32)
        for i, text in enumerate(texts):
            for ch in text.lower():
                if "a" <= ch <= "z":
                    out[i, ord(ch) - 97] += 1
        return out


def test_wordllama_loads_from_the_wheel_and_leaves_logging_alone() -> None:
    root = logging.getLogger()
    before = (root.handlers[:], root.level)
    vectors = WordLlamaEncoder().encode(list(PARAPHRASE))
    assert vectors.shape == (2, 256) and vectors.dtype == np.float32
    assert (root.handlers[:], root.level) == before


def test_empty_and_symbol_texts_give_zero_rows_not_nan() -> None:
    rows = embed(["", "...", "Sirte fell."], WordLlamaEncoder())
    assert np.isfinite(rows).all()
    assert np.linalg.norm(rows[0]) == 0 and abs(np.linalg.norm(rows[2]) - 1) < 1e-5
    sig = semantic_signals(["", "Sirte fell."], ["Sirte fell.", ""])
    assert np.isfinite(sig.to_numpy()).all() and (sig.to_numpy() == 0).all()


def test_a_paraphrase_scores_above_an_unrelated_sentence() -> None:
    sig = semantic_signals(
        [PARAPHRASE[0], PARAPHRASE[0]], [PARAPHRASE[1], "Oil prices rose in London on Monday."]
    )
    assert list(sig.columns) == list(SEMANTIC_SIGNALS)
    assert (sig.iloc[0] > sig.iloc[1]).all()


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(alphabet="abc xyz.'’-", max_size=30),
            st.text(alphabet="abc xyz.'’-", max_size=30),
        ),
        min_size=1,
        max_size=6,
    )
)
def test_semantic_signals_are_symmetric(pairs: list[tuple[str, str]]) -> None:
    a, b = [p[0] for p in pairs], [p[1] for p in pairs]
    encoder = CountingEncoder()
    one = semantic_signals(a, b, encoder=encoder).to_numpy()
    two = semantic_signals(b, a, encoder=encoder).to_numpy()
    np.testing.assert_allclose(one, two, atol=1e-6)
    assert np.isfinite(one).all() and (one <= 1 + 1e-6).all()


def test_bad_encoders_are_named() -> None:
    with pytest.raises(ParameterError, match="encode"):
        semantic_signals(["a"], ["b"], encoder=object())
    with pytest.raises(ParameterError, match="'wordllama', None"):
        cc.ClaimAligner(encoder="glove").predict_proba(["a"], ["b"])

    class Wrong:
        def encode(self, texts: list[str]) -> np.ndarray:
            return np.zeros((len(texts) + 1, 3))

    with pytest.raises(ParameterError, match="one vector per text"):
        embed(["a", "b"], Wrong())


def test_the_shipped_model_reads_every_feature_and_has_provenance() -> None:
    model = AlignmentModel.default()
    assert len(model.coef_) == len(FEATURES) and 0 < model.threshold_ < 1
    assert "BASIL" in model.provenance_["data"]
    again = AlignmentModel.from_dict(model.to_dict())
    frame = pd.concat(
        [
            pair_signals(list(PARAPHRASE[:1]), list(PARAPHRASE[1:])),
            semantic_signals(list(PARAPHRASE[:1]), list(PARAPHRASE[1:])),
        ],
        axis=1,
    )
    np.testing.assert_array_equal(
        again.predict_proba_signals(frame), model.predict_proba_signals(frame)
    )


def test_alignment_model_fit_checks_its_input() -> None:
    frame = pd.DataFrame(np.random.default_rng(0).random((40, len(FEATURES))), columns=FEATURES)
    labels = [0, 1] * 20
    model = AlignmentModel(C=1.0).fit(frame, labels, groups=[str(i % 4) for i in range(40)])
    assert model.predict_proba_signals(frame).shape == (40, 2)
    with pytest.raises(InputError, match="both present"):
        AlignmentModel().fit(frame, [0] * 40, groups=["a"] * 40)
    with pytest.raises(InputError, match="lack the columns"):
        model.predict_proba_signals(frame.drop(columns=["embed_cosine"]))
    with pytest.raises(ParameterError, match="target_precision"):
        AlignmentModel(target_precision=1.5).fit(frame, labels, groups=["a"] * 40)


def test_the_aligner_takes_any_encoder_and_keeps_its_guarantees(seeds: cc.Corpus) -> None:
    claims = cc.split_claims(seeds)
    encoder = CountingEncoder()
    alignment = cc.ClaimAligner(encoder=encoder).align(claims)
    assert encoder.calls >= 1
    assert set(alignment.pairs.relation) <= {
        "containment",
        "paraphrase",
        "shared_quote",
        "shared_clause",
    }
    outlets = dict(zip(claims.claim_id, claims.outlet, strict=True))
    assert all(
        outlets[a] != outlets[b]
        for a, b in zip(alignment.pairs.claim_a, alignment.pairs.claim_b, strict=True)
    )
    # the same result whatever the order of the claims
    again = cc.ClaimAligner(encoder=CountingEncoder()).align(claims.sample(frac=1, random_state=3))
    pd.testing.assert_frame_equal(alignment.clusters, again.clusters)


def test_models_and_encoders_must_match() -> None:
    lexical = cc.ClaimAligner(encoder=None).predict_proba(
        list(PARAPHRASE[:1]), list(PARAPHRASE[1:])
    )
    given = cc.ClaimAligner(model=cc.similarity.PairModel.default())  # the encoder has no part
    np.testing.assert_array_equal(
        given.predict_proba(list(PARAPHRASE[:1]), list(PARAPHRASE[1:])), lexical
    )
    with pytest.raises(ParameterError, match="give an encoder"):
        cc.ClaimAligner(model=AlignmentModel.default(), encoder=None).predict(["a"], ["b"])


def test_predict_proba_with_the_default_encoder_ranks_the_paraphrase_first() -> None:
    p = cc.ClaimAligner(encoder="wordllama").predict_proba(
        [PARAPHRASE[0], PARAPHRASE[0]], [PARAPHRASE[1], "Oil prices rose in London on Monday."]
    )
    assert p.shape == (2, 2) and p[0, 1] > p[1, 1]


def test_the_default_aligner_runs_with_no_network() -> None:
    """In a network namespace of its own (no interface but a down loopback), as root in CI."""
    import shutil
    import subprocess
    import sys

    if (
        shutil.which("unshare") is None
        or subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False).returncode
    ):
        pytest.skip("cannot make a network namespace here (unshare -n needs root)")
    code = (
        "import claimcompare as cc; from claimcompare.similarity.semantic import WordLlamaEncoder; "
        "print(WordLlamaEncoder().encode(['Sirte fell.']).shape)"
    )
    done = subprocess.run(
        ["unshare", "-n", sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "(1, 256)"


def _slow_soft(words: WordVectors, a: int, b: int) -> tuple[float, float]:
    """Reference: one pair at a time, as written first."""
    ra = words.flat[words.start[a] : words.start[a] + words.length[a]]
    rb = words.flat[words.start[b] : words.start[b] + words.length[b]]
    if not len(ra) or not len(rb):
        return 0.0, 0.0
    sim = words.vectors[ra].astype(np.float64) @ words.vectors[rb].astype(np.float64).T
    wa, wb = words.weight[ra], words.weight[rb]
    one = float(sim.max(axis=1) @ wa / wa.sum())
    two = float(sim.max(axis=0) @ wb / wb.sum())
    return min(one, two), max(one, two)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.text(alphabet="abcd efgh.", max_size=40), min_size=2, max_size=12),
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), min_size=1, max_size=30),
)
def test_batched_soft_alignment_equals_one_pair_at_a_time(
    texts: list[str], pairs: list[tuple[int, int]]
) -> None:
    words = WordVectors(texts, CountingEncoder())
    ia = np.array([a % len(texts) for a, _ in pairs])
    ib = np.array([b % len(texts) for _, b in pairs])
    fast = soft_alignment(words, ia, ib)
    slow = np.array([_slow_soft(words, a, b) for a, b in zip(ia, ib, strict=True)])
    np.testing.assert_allclose(fast, slow, atol=1e-12)

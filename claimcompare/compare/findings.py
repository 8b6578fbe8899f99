"""Every fact of two aligned claims compared: numbers, dates, sets of actors, polarity,
attribution and loaded labels, as :class:`Finding` rows (what each verdict means: docs/facts.md).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .._common.text import stem
from ..facts import (
    DateMention,
    Verdict,
    compare_dates,
    compare_polarity,
    compare_quantities,
    compare_sets,
    find_dates,
    find_quantities,
    find_sets,
    normalize_unit,
    word_tokens,
)

__all__ = ["FINDING_COLUMNS", "Finding", "compare_claim_pair", "compare_clusters"]

FINDING_COLUMNS = [
    "cluster_id",
    "kind",
    "verdict",
    "severity",
    "claim_a",
    "claim_b",
    "outlet_a",
    "outlet_b",
    "value_a",
    "value_b",
    "explanation",
    "shared",
    "only_a",
    "only_b",
]

# Attribution verbs that cast doubt on what they report, against neutral "said".
_DOUBTING_CUES = ("claim", "insist", "alleg")


@dataclass(frozen=True, slots=True)
class Finding(Verdict):
    """One fact compared between two claims: a :class:`~claimcompare.facts.Verdict` and how
    much it matters.

    ``severity`` is ``contradiction`` (both cannot be true), ``difference`` (both can, but the
    accounts differ: a backer only one names, a hedge, a loaded label, who says it) or None;
    ``verdict`` is ``conflict`` whenever there is a severity.
    """

    severity: str | None = None


def _content_tokens(text: str) -> list[Any]:
    return [t for t in word_tokens(text) if t.content]


def _unit_key(unit: str | None) -> str | None:
    """The head word of a unit, spelled as facts compares it: "km" and "kilometers" meet."""
    head = normalize_unit(unit.split()[-1]) if unit else None
    return None if head is None else stem(head)


# A finding with where its fact stands in each claim (None: not a located, stated fact).
_Located = tuple[Finding, tuple[int, int] | None, tuple[int, int] | None]


def _quantity_findings(text_a: str, text_b: str) -> list[_Located]:
    """Pair quantities of the same unit; a bare noun on one side counts as 'unspecified'."""
    plain_a, plain_b = find_quantities(text_a), find_quantities(text_b)
    units_a = {q.unit for q in plain_a if q.unit}
    units_b = {q.unit for q in plain_b if q.unit}
    qa = find_quantities(text_a, nouns=units_b) if units_b else plain_a
    qb = find_quantities(text_b, nouns=units_a) if units_a else plain_b
    findings: list[_Located] = []
    used: set[int] = set()
    for a in qa:
        key = _unit_key(a.unit)
        if key is None:
            continue
        for k, b in enumerate(qb):
            if k in used or _unit_key(b.unit) != key:
                continue
            if a.approximation == "unspecified" and b.approximation == "unspecified":
                continue
            used.add(k)
            stated = "unspecified" not in (a.approximation, b.approximation)
            findings.append(
                (
                    _from_verdict(compare_quantities(a, b)),
                    (a.start, a.end) if stated else None,
                    (b.start, b.end) if stated else None,
                )
            )
            break
    # Bare figures ("Mr. Strzok, 48,"): paired in text order when both claims have as many.
    bare_a = [q for q in qa if q.unit is None and q.value is not None]
    bare_b = [q for q in qb if q.unit is None and q.value is not None]
    if len(bare_a) == len(bare_b):
        for a, b in zip(bare_a, bare_b, strict=True):
            findings.append(
                (_from_verdict(compare_quantities(a, b)), (a.start, a.end), (b.start, b.end))
            )
    return findings


def _date_findings(
    text_a: str, text_b: str, published_a: dt.date | None, published_b: dt.date | None
) -> list[_Located]:
    """Pair the dates of two claims; a claim with one date each is compared whatever the overlap.

    With more dates, in three passes: the same time with the same modifier; then, per
    granularity and modifier, in text order where both claims have as many left ("on Friday"
    against "on Sunday" beside a shared "this year"); then what overlaps most.
    """
    da = [d for d in find_dates(text_a, published=published_a) if d.anchor != "event"]
    db = [d for d in find_dates(text_b, published=published_b) if d.anchor != "event"]
    if not da or not db:
        return []
    if len(da) == 1 and len(db) == 1:
        a, b = da[0], db[0]
        return [(_from_verdict(compare_dates(a, b)), (a.start, a.end), (b.start, b.end))]
    pairs: list[tuple[int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()

    def take(i: int, k: int) -> None:
        pairs.append((i, k))
        used_a.add(i)
        used_b.add(k)

    for i, a in enumerate(da):
        for k, b in enumerate(db):
            same = (a.earliest, a.latest, a.modifier) == (b.earliest, b.latest, b.modifier)
            if k not in used_b and a.resolved and b.resolved and same:
                take(i, k)
                break
    groups: dict[tuple[str, str | None], tuple[list[int], list[int]]] = {}
    for i, a in enumerate(da):
        if i not in used_a:
            groups.setdefault((a.granularity, a.modifier), ([], []))[0].append(i)
    for k, b in enumerate(db):
        if k not in used_b:
            groups.setdefault((b.granularity, b.modifier), ([], []))[1].append(k)
    for left, right in groups.values():
        if len(left) == len(right):
            for i, k in zip(left, right, strict=True):
                take(i, k)
    for i, a in enumerate(da):
        if i in used_a:
            continue
        candidates = [(k, b) for k, b in enumerate(db) if k not in used_b]
        best = max(candidates, key=lambda kb: _overlap(a, kb[1]), default=None)
        if best is not None and _overlap(a, best[1]) > 0:
            take(i, best[0])
    findings: list[_Located] = []
    for i, k in sorted(pairs):
        a, b = da[i], db[k]
        findings.append((_from_verdict(compare_dates(a, b)), (a.start, a.end), (b.start, b.end)))
    return findings


def _overlap(a: DateMention, b: DateMention) -> int:
    if not (a.resolved and b.resolved and a.earliest and a.latest and b.earliest and b.latest):
        return 0
    return (min(a.latest, b.latest) - max(a.earliest, b.earliest)).days + 1


def _set_findings(
    text_a: str, text_b: str, canonical: Callable[[str], str | None] | None
) -> list[_Located]:
    sa = find_sets(text_a, canonical=canonical)
    sb = find_sets(text_b, canonical=canonical)
    findings: list[_Located] = []
    used: set[int] = set()
    for a in sa:
        best = max(
            ((k, b) for k, b in enumerate(sb) if k not in used),
            key=lambda kb: len(a.names & kb[1].names),
            default=None,
        )
        if best is None or not a.names & best[1].names:
            continue
        used.add(best[0])
        b = best[1]
        findings.append((_from_verdict(compare_sets(a, b)), (a.start, a.end), (b.start, b.end)))
    return findings


def _int_or_none(value: Any) -> int | None:
    try:
        return None if value is None or pd.isna(value) else int(value)
    except (TypeError, ValueError):
        return None


def _frames(claim: Mapping[str, Any]) -> list[tuple[int, int]]:
    pairs = (("speaker_start", "speaker_end"), ("cue_start", "cue_end"))
    out = []
    for a, b in pairs:
        s, e = _int_or_none(claim.get(a)), _int_or_none(claim.get(b))
        if s is not None and e is not None:
            out.append((s, e))
    return out


def _voice_at(claim: Mapping[str, Any], pos: int) -> str | None:
    """``asserted`` or ``attributed`` at offset ``pos`` of the claim's text, from its spans."""
    spans, base = claim.get("spans"), _int_or_none(claim.get("start"))
    if not isinstance(spans, (tuple, list)) or base is None:
        return None
    for span in spans:
        if span[0] <= base + pos < span[1]:
            return "asserted" if span[2] == "outlet" else "attributed"
    return None


def _stance(claim: Mapping[str, Any], where: list[int]) -> str:
    """``asserted`` or ``attributed``: the voice of the claim at the offsets ``where``.

    Judged on the claim's voice spans (``spans`` and ``start`` from ``split_claims``), leaving
    out the speaker and the cue: in "The rebels, backed by the UAE and Egypt, announced that
    ..." the backers are the outlet's own words though the claim as a whole is attributed.
    Without spans, or when the votes tie, the claim's ``voice`` decides.
    """
    whole = "asserted" if claim.get("voice") == "outlet" else "attributed"
    base = _int_or_none(claim.get("start")) or 0
    frames = _frames(claim)
    votes = {"asserted": 0, "attributed": 0}
    for pos in where:
        if any(s <= base + pos < e for s, e in frames):
            continue
        voice = _voice_at(claim, pos)
        if voice is not None:
            votes[voice] += 1
    if votes["asserted"] == votes["attributed"]:
        return whole
    return max(votes, key=lambda k: votes[k])


def _attribution_finding(
    claim_a: Mapping[str, Any],
    claim_b: Mapping[str, Any],
    located: Sequence[tuple[str, tuple[int, int], tuple[int, int]]] = (),
) -> Finding | None:
    """Asserted by one outlet, attributed or quoted by the other; or a doubting cue on one side.

    Attribution is judged fact by fact, where the compared facts stand in each claim
    (``located``: the fact as written and its span in each claim); a claim with no located fact
    is judged on the content words the two claims share. The whole claim's voice is only the
    fallback: a backers list in the outlet's own appositive is asserted even in a claim that
    reports what someone announced.
    """
    if located:
        checks = [(what, [sa[0]], [sb[0]]) for what, sa, sb in located]
    else:
        ta = _content_tokens(str(claim_a["text"]))
        tb = _content_tokens(str(claim_b["text"]))
        shared = {t.stem for t in ta} & {t.stem for t in tb}
        checks = [
            (
                "",
                [t.start for t in ta if t.stem in shared],
                [t.start for t in tb if t.stem in shared],
            )
        ]

    def describe(claim: Mapping[str, Any], stance: str) -> str:
        speaker, cue = claim.get("speaker"), claim.get("cue")
        if stance == "asserted":
            return "asserted by the outlet"
        if isinstance(speaker, str) and isinstance(cue, str):
            return f"{cue} by {speaker}"
        return str(claim.get("voice"))

    stances: tuple[str, str] = ("", "")
    about = ""
    for what, where_a, where_b in checks:
        stances = (_stance(claim_a, where_a), _stance(claim_b, where_b))
        if stances[0] != stances[1]:
            about = f" ({what})" if what else ""
            break
    if stances[0] != stances[1]:
        why = f"one outlet states it as fact, the other only reports someone saying it{about}"
    elif stances[0] == "attributed" and _doubting(claim_a.get("cue")) != _doubting(
        claim_b.get("cue")
    ):
        why = (
            "one outlet reports it with a verb that casts doubt ('claimed', 'insisted'), "
            "the other neutrally"
        )
    else:
        return None
    return Finding(
        kind="attribution",
        verdict="conflict",
        severity="difference",
        value_a=describe(claim_a, stances[0]),
        value_b=describe(claim_b, stances[1]),
        explanation=why,
    )


def _label_findings(
    a: Mapping[str | None, tuple[str, ...]],
    b: Mapping[str | None, tuple[str, ...]],
    named_a: frozenset[str],
    named_b: frozenset[str],
) -> list[Finding]:
    """One finding per actor the two claims label differently.

    An actor's labels are compared only when both claims name it: the clause one claim has
    and the other lacks ("... to support the internationally-recognized government") is not
    the same claim worded differently. Labels with no resolved target compare with each other.
    """
    findings = []
    targets = sorted(set(a) | set(b), key=lambda t: (t is not None, t or ""))
    for target in targets:
        la, lb = set(a.get(target, ())), set(b.get(target, ()))
        if la == lb or (target is not None and not (target in named_a and target in named_b)):
            continue
        about = f" for {target}" if target is not None else " (target unresolved)"
        findings.append(
            Finding(
                kind="label",
                verdict="conflict",
                severity="difference",
                value_a=", ".join(sorted(la)) or "(no loaded label)",
                value_b=", ".join(sorted(lb)) or "(no loaded label)",
                explanation=f"the same claim, worded with different loaded labels{about}",
                shared=tuple(sorted(la & lb)),
                only_a=tuple(sorted(la - lb)),
                only_b=tuple(sorted(lb - la)),
            )
        )
    return findings


def _doubting(cue: Any) -> bool:
    return isinstance(cue, str) and any(cue.lower().startswith(p) for p in _DOUBTING_CUES)


def _from_verdict(v: Verdict) -> Finding:
    severity = None
    if v.verdict == "conflict":
        severity = "contradiction"
    elif v.kind in ("set", "hedge") and v.verdict == "compatible":
        severity = "difference"
    fields = {f.name: getattr(v, f.name) for f in dataclasses.fields(Verdict)}
    fields["verdict"] = "conflict" if severity else v.verdict
    return Finding(**fields, severity=severity)


def compare_claim_pair(
    claim_a: Mapping[str, Any],
    claim_b: Mapping[str, Any],
    *,
    published_a: dt.date | None = None,
    published_b: dt.date | None = None,
    canonical: Callable[[str], str | None] | None = None,
) -> list[Finding]:
    """Compare every fact of two claims that state the same thing.

    ``claim_a`` and ``claim_b`` are rows of :func:`~claimcompare.claims.split_claims` (at least
    ``text``; ``voice``, ``speaker`` and ``cue`` for attribution). ``canonical`` maps an actor's
    name to its canonical name (e.g. ``ActorIndex.canonical``) so sets compare after aliases.

    Examples
    --------
    >>> a = {"text": "Haftar is backed by Egypt and the United Arab Emirates.", "voice": "outlet"}
    >>> b = {"text": "Egypt, the United Arab Emirates and Russia are backing Haftar.",
    ...      "voice": "outlet"}
    >>> [(f.kind, f.verdict, f.severity, f.only_b) for f in compare_claim_pair(a, b)]
    [('set', 'conflict', 'difference', ('Russia',))]
    >>> a = {"text": 'The operation "lasted only three hours."', "voice": "outlet"}
    >>> b = {"text": "The operation lasted just hours.", "voice": "outlet"}
    >>> [(f.kind, f.verdict) for f in compare_claim_pair(a, b)]
    [('number', 'compatible')]
    """
    text_a, text_b = str(claim_a["text"]), str(claim_b["text"])
    facts = _quantity_findings(text_a, text_b)
    facts += _date_findings(text_a, text_b, published_a, published_b)
    facts += _set_findings(text_a, text_b, canonical)
    findings = [f for f, _, _ in facts]
    polarity = compare_polarity(text_a, text_b)
    if polarity.verdict != "agree":
        findings.append(_from_verdict(polarity))
    located = [
        (f"{f.value_a!r} / {f.value_b!r}", sa, sb)
        for f, sa, sb in facts
        if sa is not None and sb is not None
    ]
    attribution = _attribution_finding(claim_a, claim_b, located)
    if attribution is not None:
        findings.append(attribution)
    return findings


def _finding_row(
    cluster_id: Any, ids: tuple[str, str], a: pd.Series, b: pd.Series, f: Finding
) -> dict[str, Any]:
    """A row of the agreements or conflicts table: the finding and the two claims it compares."""
    return {
        "cluster_id": cluster_id,
        "kind": f.kind,
        "verdict": f.verdict,
        "severity": f.severity,
        "claim_a": ids[0],
        "claim_b": ids[1],
        "outlet_a": a["outlet"],
        "outlet_b": b["outlet"],
        "value_a": f.value_a,
        "value_b": f.value_b,
        "explanation": f.explanation,
        "shared": f.shared,
        "only_a": f.only_a,
        "only_b": f.only_b,
    }


def compare_clusters(
    claims: pd.DataFrame,
    clusters: pd.DataFrame,
    *,
    published: Mapping[str, dt.date | None] | None = None,
    canonical: Callable[[str], str | None] | None = None,
    labels: Mapping[str, Mapping[str | None, tuple[str, ...]]] | None = None,
    named: Mapping[str, frozenset[str]] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Compare every pair of claims from different outlets within each cluster.

    Returns ``(agreements, conflicts)``: two DataFrames with the columns of ``FINDING_COLUMNS``.
    ``published`` maps ``doc_id`` to its publication date, to resolve relative dates;
    ``labels`` maps ``claim_id`` to the loaded labels the outlet itself uses in it, by the
    actor each points at (None: unresolved), and ``named`` maps ``claim_id`` to the actors the
    claim names; the same claim worded with different labels for an actor both claims name is
    reported (kind ``label``, one finding per actor).
    """
    by_id = claims.set_index("claim_id", drop=False)
    dates = dict(published or {})
    names = dict(named or {})
    rows = []
    for cluster_id, group in clusters.groupby("cluster_id", sort=True):
        ids = sorted(group["claim_id"].astype(str))
        for id_a, id_b in itertools.combinations(ids, 2):
            a, b = by_id.loc[id_a], by_id.loc[id_b]
            if a["outlet"] == b["outlet"]:
                continue
            findings = compare_claim_pair(
                a.to_dict(),
                b.to_dict(),
                published_a=dates.get(str(a["doc_id"])),
                published_b=dates.get(str(b["doc_id"])),
                canonical=canonical,
            )
            if labels is not None:
                findings += _label_findings(
                    labels.get(id_a, {}),
                    labels.get(id_b, {}),
                    names.get(id_a, frozenset()),
                    names.get(id_b, frozenset()),
                )
            rows += [_finding_row(cluster_id, (id_a, id_b), a, b, f) for f in findings]
    table = pd.DataFrame(rows, columns=FINDING_COLUMNS)
    conflict = table["verdict"] == "conflict"
    return (
        table[~conflict].reset_index(drop=True),
        table[conflict].reset_index(drop=True),
    )

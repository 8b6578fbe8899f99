"""What each outlet leaves out that other outlets carry.

:func:`blindspots` (how telling each outlet's gaps are) lives with the reports that draw it, below
this package, and is re-exported here.
"""

from __future__ import annotations

import pandas as pd

from ..report import blindspots

__all__ = ["OMISSION_COLUMNS", "blindspots", "find_omissions"]

OMISSION_COLUMNS = [
    "outlet",
    "cluster_id",
    "carried_by",
    "n_carrying",
    "claim_ids",
    "text",
]


def find_omissions(
    claims: pd.DataFrame, clusters: pd.DataFrame, *, kinds: tuple[str, ...] = ("claim",)
) -> pd.DataFrame:
    """What each outlet leaves out: one row per (outlet, claim carried only elsewhere).

    A claim is carried by an outlet when one of its claims is in the claim's cluster; a claim in
    no cluster is its own group, carried by one outlet. For every outlet that published on the
    corpus, each group it does not carry is an omission, ranked by how many outlets do carry it
    (``n_carrying``: the more outlets carry what one leaves out, the more telling the blindspot).

    Examples
    --------
    >>> claims = pd.DataFrame({
    ...     "claim_id": ["a#0", "b#0", "c#0", "c#1"], "outlet": ["A", "B", "C", "C"],
    ...     "text": ["Sirte fell.", "Sirte was taken.", "Sirte fell.", "Rain in Tripoli."],
    ...     "kind": ["claim"] * 4})
    >>> clusters = pd.DataFrame({"cluster_id": [0, 0, 0], "claim_id": ["a#0", "b#0", "c#0"]})
    >>> find_omissions(claims, clusters)[["outlet", "n_carrying", "text"]].values.tolist()
    [['A', 1, 'Rain in Tripoli.'], ['B', 1, 'Rain in Tripoli.']]
    """
    table = claims[claims["kind"].isin(kinds)] if "kind" in claims.columns else claims
    outlets = sorted(table["outlet"].astype(str).unique())
    group_of = dict(zip(clusters["claim_id"].astype(str), clusters["cluster_id"], strict=True))
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for cid, outlet, text in table[["claim_id", "outlet", "text"]].itertuples(index=False):
        key = f"cluster {group_of[cid]}" if cid in group_of else f"claim {cid}"
        groups.setdefault(key, []).append((str(cid), str(outlet), str(text)))
    rows = []
    for members in groups.values():
        carried = sorted({m[1] for m in members})
        first = min(members)
        for outlet in outlets:
            if outlet in carried:
                continue
            rows.append(
                {
                    "outlet": outlet,
                    "cluster_id": group_of.get(first[0]),
                    "carried_by": tuple(carried),
                    "n_carrying": len(carried),
                    "claim_ids": tuple(sorted(m[0] for m in members)),
                    "text": first[2],
                }
            )
    frame = pd.DataFrame(rows, columns=OMISSION_COLUMNS)
    order = frame.assign(_first=frame["claim_ids"].map(lambda ids: ids[0]))
    order = order.sort_values(["outlet", "n_carrying", "_first"], ascending=[True, False, True])
    return order.drop(columns="_first").reset_index(drop=True)

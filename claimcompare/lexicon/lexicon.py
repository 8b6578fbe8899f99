"""The :class:`Lexicon`: an immutable set of loaded-term entries, built, changed and matched.

Construction (``default``, ``from_csv``, ``from_frame``, ``from_dict``), changes that return a
new lexicon (``add``, ``replace``, ``remove``, ``select``), views and :meth:`Lexicon.finditer`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .._common.data import data_text
from ..errors import InputError, ParameterError
from ._matcher import Matcher, resolve
from ._parse import COLUMNS, csv_rows, entries_from_dict, entries_from_rows, frame_rows
from .entry import EXCEPTION, LexiconEntry, TermMatch, norm_category, note_new_categories

__all__ = ["Lexicon"]


class Lexicon:
    """An immutable collection of loaded terms; every change returns a new lexicon.

    Parameters
    ----------
    entries : iterable of LexiconEntry, mapping, DataFrame or Lexicon
        Entries with unique canonical forms; two entries may not match the same words. A mapping
        is read as by :meth:`from_dict`, a DataFrame as by :meth:`from_frame`.

    Notes
    -----
    Categories are stored stripped and lower-cased, so ``"Hedge"`` is the built-in ``"hedge"``.
    Other categories than :data:`BUILTIN_CATEGORIES` are allowed; one close to a known category
    (``"emotiv"``) is logged as a warning on the ``claimcompare.lexicon`` logger, as a likely typo.

    ``text in lexicon`` asks whether the lexicon reports ``text`` as one term: it is True for the
    forms (and inflections) of reported entries, and False for exception entries, which are never
    reported. ``lexicon[name]`` and :meth:`get` look up any entry by its canonical form,
    exceptions included.

    Examples
    --------
    >>> lex = Lexicon.default()
    >>> [(m.text, m.category) for m in lex.finditer("The self-styled army's rebels advanced.")]
    [('self-styled', 'self_designation_doubt'), ('rebels', 'delegitimising_label')]
    >>> small = Lexicon({"renegade": {"category": "label", "polarity": -1}})
    >>> len(small), "renegade" in small, "renegades" in small
    (1, True, True)
    >>> "claimed responsibility" in lex, lex["claimed responsibility"].category
    (False, 'exception')
    """

    __slots__ = ("_by_name", "_entries", "_matcher")

    def __init__(self, entries: _EntriesLike = ()) -> None:
        given = _coerce_entries(entries)
        self._setup(given)
        note_new_categories(given)

    def _setup(self, given: Sequence[LexiconEntry]) -> None:
        ordered = sorted(given, key=lambda e: e.entry)
        by_name: dict[str, LexiconEntry] = {}
        for e in ordered:
            if e.entry in by_name:
                raise InputError(f"duplicate entry {e.entry!r}; entries must be unique")
            by_name[e.entry] = e
        self._entries: tuple[LexiconEntry, ...] = tuple(ordered)
        self._by_name = by_name
        self._matcher = Matcher(self._entries)

    @classmethod
    def _of(cls, entries: Iterable[LexiconEntry]) -> Lexicon:
        """A lexicon of checked entries, without logging their categories again."""
        lex = cls.__new__(cls)
        lex._setup(list(entries))
        return lex

    # construction -------------------------------------------------------------------------
    @classmethod
    def empty(cls) -> Lexicon:
        """A lexicon with no entries.

        Examples
        --------
        >>> len(Lexicon.empty())
        0
        """
        return cls(())

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicon shipped with claimcompare (``claimcompare/data/lexicon.csv``).

        Examples
        --------
        >>> "renegade" in Lexicon.default()
        True
        """
        global _DEFAULT
        if _DEFAULT is None:
            _DEFAULT = cls._from_csv_text(data_text("lexicon.csv"), source="lexicon.csv")
        return _DEFAULT

    @classmethod
    def from_csv(cls, path: str | Path) -> Lexicon:
        """Read a lexicon from a CSV file like ``data/lexicon.csv``.

        Lines starting with ``#`` before the header are comments. Required columns: ``entry``,
        ``category``, ``polarity``, ``weight``; optional: ``variants`` (``|``-separated), ``note``,
        ``inflect`` and ``allow_prefix`` (``1``/``0``, ``true``/``false``; default ``inflect=1``).
        Errors name the file, line and column at fault.

        Examples
        --------
        >>> import tempfile, os
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     path = os.path.join(tmp, "lex.csv")
        ...     with open(path, "w") as f:
        ...         _ = f.write("entry,category,polarity,weight\\nwarlord,label,-1,0.9\\n")
        ...     len(Lexicon.from_csv(path))
        1
        """
        from ..load import read_text_file  # binary and undecodable files named as for articles

        path = Path(path)
        if path.is_dir():
            raise InputError(f"cannot read lexicon file {str(path)!r}: it is a folder")
        try:
            text = read_text_file(path)
        except InputError as exc:
            hint = "pass encoding= with the file's real encoding"
            raise InputError(f"lexicon file: {exc}".replace(hint, "save it as UTF-8")) from None
        return cls._from_csv_text(text, source=str(path))

    @classmethod
    def _from_csv_text(cls, text: str, *, source: str) -> Lexicon:
        return cls._from_rows(*csv_rows(text, source=source))

    @classmethod
    def _from_rows(
        cls, columns: Sequence[str], rows: Sequence[tuple[str, Mapping[str, Any]]]
    ) -> Lexicon:
        entries = entries_from_rows(columns, rows)
        note_new_categories(entries)
        return cls._of(entries)

    @classmethod
    def from_frame(cls, frame: pd.DataFrame) -> Lexicon:
        """Build a lexicon from a DataFrame with the columns of :meth:`to_frame`.

        Examples
        --------
        >>> df = pd.DataFrame({"entry": ["warlord"], "category": ["label"], "polarity": [-1],
        ...                    "weight": [0.9]})
        >>> Lexicon.from_frame(df).to_frame().loc[0, "entry"]
        'warlord'
        >>> Lexicon.from_frame(df.drop(columns="weight"))
        Traceback (most recent call last):
        ...
        claimcompare.errors.InputError: lexicon is missing the column 'weight' ...
        """
        if not isinstance(frame, pd.DataFrame):
            raise InputError(f"from_frame needs a pandas DataFrame, got {type(frame).__name__}")
        return cls._from_rows(*frame_rows(frame))

    @classmethod
    def from_dict(cls, mapping: Mapping[str, Mapping[str, Any] | str]) -> Lexicon:
        """Build a lexicon from ``{entry: {field: value}}`` or ``{entry: category}``.

        Missing fields take the :class:`LexiconEntry` defaults (polarity 0, weight 1, inflect).
        ``Lexicon(mapping)`` does the same.

        Examples
        --------
        >>> lex = Lexicon.from_dict({"warlord": {"category": "label", "polarity": -1},
        ...                          "reportedly": "hedge"})
        >>> lex["reportedly"].category, lex["warlord"].polarity
        ('hedge', -1)
        """
        return cls(entries_from_dict(mapping))

    # changes --------------------------------------------------------------------------------
    def add(self, entries: _EntriesLike) -> Lexicon:
        """Return a lexicon with more entries; one already present raises (see :meth:`replace`).

        ``entries`` is a mapping as in :meth:`from_dict`, a DataFrame as in :meth:`from_frame`, a
        :class:`Lexicon` or an iterable of :class:`LexiconEntry`.

        Examples
        --------
        >>> lex = Lexicon.empty().add([LexiconEntry("junta", category="label", polarity=-1)])
        >>> [m.text for m in lex.finditer("The juntas fell.")]
        ['juntas']
        """
        new = _coerce_entries(entries)
        clash = sorted({e.entry for e in new} & set(self._by_name))
        if clash:
            raise InputError(
                f"entries {clash} are already in the lexicon; use replace() to change them"
            )
        note_new_categories(new, known=self.categories)
        return Lexicon._of((*self._entries, *new))

    def replace(self, entries: _EntriesLike) -> Lexicon:
        """Return a lexicon where the given entries change those with the same canonical form.

        What is given replaces, what is not given is kept:

        - a mapping ``{entry: {field: value}}`` changes only the fields it names (``{entry:
          category}`` only the category); the entry keeps its other fields (variants, polarity,
          weight, ...);
        - a DataFrame (it needs an ``entry`` column) changes only the columns it has;
        - :class:`LexiconEntry` objects or a :class:`Lexicon` replace whole entries, every field.

        Every entry named must already be in the lexicon (new ones go through :meth:`add`).

        Examples
        --------
        >>> lex = Lexicon.default()
        >>> old = lex["UN-backed"]
        >>> new = lex.replace({"UN-backed": {"category": "hedge"}})["UN-backed"]
        >>> new.category, new.polarity == old.polarity, new.variants == old.variants
        ('hedge', True, True)
        >>> whole = lex.replace([LexiconEntry("UN-backed", category="hedge")])["UN-backed"]
        >>> whole.variants, whole.polarity
        ((), 0)
        """
        if isinstance(entries, Mapping) and not isinstance(entries, Lexicon):
            self._require_present(entries.keys())
            new = entries_from_dict(entries, base=self._by_name)
        elif isinstance(entries, pd.DataFrame):
            columns, rows = frame_rows(entries)
            if "entry" not in columns:
                raise InputError(f"replace() needs an 'entry' column, got {list(columns)}")
            self._require_present(str(r.get("entry", "")).strip() for _, r in rows)
            new = entries_from_rows(columns, rows, base=self._by_name)
        else:
            new = _coerce_entries(entries)
            self._require_present(e.entry for e in new)
        names = {e.entry for e in new}
        if len(names) < len(new):
            raise InputError("replace() was given the same entry twice")
        note_new_categories(new, known=self.categories)
        return Lexicon._of((*(e for e in self._entries if e.entry not in names), *new))

    def _require_present(self, names: Iterable[Any]) -> None:
        missing = sorted({str(n) for n in names} - set(self._by_name))
        if missing:
            raise InputError(f"entries {missing} are not in the lexicon; use add() for new entries")

    def remove(self, *entries: str | Iterable[str]) -> Lexicon:
        """Return a lexicon without the named entries.

        Parameters
        ----------
        *entries : str or iterable of str
            Canonical forms, given one by one, as iterables, or both. An unknown name raises
            :class:`~claimcompare.errors.ParameterError` naming it (and, for a variant or an
            inflected form, the entry it belongs to); nothing is removed then.

        Examples
        --------
        >>> lex = Lexicon.default().remove("rebel", "rebel commander")
        >>> [m.text for m in lex.finditer("rebels")]
        []
        >>> len(Lexicon.default().remove(["rebel", "rebel commander"])) == len(lex)
        True
        >>> Lexicon.default().remove("rebels")
        Traceback (most recent call last):
        ...
        claimcompare.errors.ParameterError: cannot remove ['rebels']: not entries of this lexicon
        ('rebels' is a form of the entry 'rebel')
        """
        names: list[str] = []
        for arg in entries:
            items = [arg] if isinstance(arg, str) else arg
            if not isinstance(items, Iterable) or isinstance(items, Mapping | LexiconEntry):
                raise ParameterError(
                    f"remove() takes canonical forms (strings) or iterables of them, "
                    f"got {type(arg).__name__}"
                )
            for name in items:
                if not isinstance(name, str):
                    raise ParameterError(
                        f"remove() takes canonical forms (strings), got {type(name).__name__} "
                        f"{name!r}"
                    )
                names.append(name)
        missing = sorted(set(names) - set(self._by_name))
        if missing:
            hints = [
                f"{name!r} is a form of the entry {owner!r}"
                for name in missing
                if (owner := self._owner(name)) is not None
            ]
            hint = f" ({'; '.join(hints)})" if hints else ""
            raise ParameterError(f"cannot remove {missing}: not entries of this lexicon{hint}")
        drop = set(names)
        return Lexicon._of(e for e in self._entries if e.entry not in drop)

    def _owner(self, text: str) -> str | None:
        """Canonical form of the entry one of whose forms is the whole of ``text``, if any."""
        whole = [i for s, e, _, _, i in self._matcher.candidates(text) if s == 0 and e == len(text)]
        return self._entries[min(whole)].entry if whole else None

    def select(self, *, categories: str | Iterable[str]) -> Lexicon:
        """Return a lexicon with only the entries of the given categories (plus exceptions).

        Categories are compared stripped and lower-cased, as they are stored.

        Examples
        --------
        >>> Lexicon.default().select(categories=["Hedge"]).categories[:2]
        ['exception', 'hedge']
        """
        given = [categories] if isinstance(categories, str) else list(categories)
        wanted = set()
        for c in given:
            try:
                wanted.add(norm_category(c))
            except InputError as exc:
                raise ParameterError(f"categories: {exc}") from None
        unknown = sorted(wanted - set(self.categories))
        if unknown:
            raise ParameterError(
                f"categories {unknown} are not in this lexicon; it has {self.categories}"
            )
        wanted.add(EXCEPTION)
        return Lexicon._of(e for e in self._entries if e.category in wanted)

    # views ----------------------------------------------------------------------------------
    def to_frame(self) -> pd.DataFrame:
        """One row per entry, sorted by entry; ``variants`` joined with ``|``.

        Examples
        --------
        >>> Lexicon.default().to_frame().columns.tolist()[:5]
        ['entry', 'variants', 'category', 'polarity', 'weight']
        """
        rows = [{**e.to_dict(), "variants": "|".join(e.variants)} for e in self._entries]
        frame = pd.DataFrame(rows, columns=list(COLUMNS))
        return frame.astype(
            {"polarity": "int64", "weight": "float64", "inflect": "bool", "allow_prefix": "bool"}
        )

    def to_csv(self, path: str | Path) -> None:
        """Write the lexicon as CSV, readable by :meth:`from_csv`.

        Examples
        --------
        >>> import tempfile, os
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     p = os.path.join(tmp, "lex.csv")
        ...     Lexicon.default().to_csv(p)
        ...     Lexicon.from_csv(p) == Lexicon.default()
        True
        """
        frame = self.to_frame()
        frame["inflect"] = frame["inflect"].astype(int)
        frame["allow_prefix"] = frame["allow_prefix"].astype(int)
        frame.to_csv(path, index=False, lineterminator="\n")

    @property
    def categories(self) -> list[str]:
        """The sorted distinct categories."""
        return sorted({e.category for e in self._entries})

    @property
    def entries(self) -> tuple[LexiconEntry, ...]:
        """The entries, sorted by canonical form."""
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[LexiconEntry]:
        return iter(self._entries)

    def __getitem__(self, entry: str) -> LexiconEntry:
        """The entry with this canonical form (exceptions included); KeyError if none."""
        try:
            return self._by_name[entry]
        except (KeyError, TypeError):
            raise KeyError(f"no entry {entry!r} in the lexicon") from None

    def get(self, entry: str, default: LexiconEntry | None = None) -> LexiconEntry | None:
        """The entry with this canonical form (exceptions included), else ``default``.

        Examples
        --------
        >>> Lexicon.default().get("claimed responsibility").category
        'exception'
        >>> Lexicon.default().get("rebels") is None  # a form, not a canonical form
        True
        """
        try:
            return self._by_name.get(entry, default)
        except TypeError:
            return default

    def __contains__(self, item: object) -> bool:
        """True if :meth:`finditer` reports ``item`` (stripped) as exactly one whole term.

        So the forms and inflections of reported entries are in the lexicon, and exception
        entries ("claimed responsibility"), which are never reported, are not; use :meth:`get`
        to look up any entry by its canonical form.
        """
        if not isinstance(item, str):
            return False
        text = item.strip()
        found = self.finditer(text)
        return len(found) == 1 and found[0].start == 0 and found[0].end == len(text)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return self._entries == other._entries

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Lexicon({len(self)} entries, {len(self.categories)} categories)"

    # matching -------------------------------------------------------------------------------
    def finditer(self, text: str, *, overlapping: bool = False) -> list[TermMatch]:
        """Find the lexicon's terms in ``text`` in one pass; matches sorted by start.

        Parameters
        ----------
        text : str
            Any text; offsets are half-open into it: ``text[m.start:m.end] == m.text``.
        overlapping : bool, default False
            If False, overlaps are resolved (most tokens, then most characters, then earliest
            wins) and exception entries are dropped after taking part. If True, every candidate
            of a non-exception entry is returned, overlapping or not.

        Examples
        --------
        >>> lex = Lexicon.default()
        >>> [m.text for m in lex.finditer("the renegade general and his militias")]
        ['renegade general', 'militias']
        >>> [m.entry for m in lex.finditer("the renegade general", overlapping=True)]
        ['renegade', 'renegade general']
        >>> lex.finditer("a rebellion")
        []
        """
        if not isinstance(text, str):
            raise ParameterError(f"text must be a string, got {type(text).__name__}")
        cands = self._matcher.candidates(text)
        entries = self._entries
        if not overlapping:
            cands = resolve(cands, entries)
        out = []
        for start, end, _, _, idx in sorted(cands, key=lambda c: (c[0], c[1], entries[c[4]].entry)):
            e = entries[idx]
            if e.category == EXCEPTION:
                continue
            out.append(
                TermMatch(start, end, text[start:end], e.entry, e.category, e.polarity, e.weight)
            )
        return out


_DEFAULT: Lexicon | None = None

_EntriesLike = Mapping[str, Any] | pd.DataFrame | Lexicon | Iterable[LexiconEntry]


_ENTRIES_HELP = (
    "LexiconEntry objects, a mapping {entry: category} or {entry: {field: value}} "
    "(as Lexicon.from_dict reads), a DataFrame (as Lexicon.from_frame reads) or a Lexicon"
)


def _coerce_entries(entries: Any) -> list[LexiconEntry]:
    if isinstance(entries, Lexicon):
        return list(entries.entries)
    if isinstance(entries, pd.DataFrame):
        return entries_from_rows(*frame_rows(entries))
    if isinstance(entries, Mapping):
        return entries_from_dict(entries)
    if isinstance(entries, LexiconEntry):
        return [entries]
    if isinstance(entries, str) or not isinstance(entries, Iterable):
        raise InputError(f"entries must be {_ENTRIES_HELP}; got {type(entries).__name__}")
    out = list(entries)
    for e in out:
        if not isinstance(e, LexiconEntry):
            shown = f" {e!r}" if isinstance(e, str) else ""
            raise InputError(f"entries must be {_ENTRIES_HELP}; got {type(e).__name__}{shown}")
    return out

"""Errors raised by claimcompare.

Every error the library raises on bad input is a :class:`ClaimCompareError`, and the ones about
what a user passed in are also :class:`ValueError`, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd
import sklearn.exceptions

__all__ = ["ClaimCompareError", "InputError", "NotFittedError", "ParameterError", "require_columns"]


class ClaimCompareError(Exception):
    """Base class of every error raised by claimcompare."""


class InputError(ClaimCompareError, ValueError):
    """Unusable input: a missing path, undecodable bytes, an empty document, a bad column.

    The message names the file, row or column at fault and what is allowed.
    """


class ParameterError(ClaimCompareError, ValueError):
    """A parameter with a value outside what is allowed; the message names both."""


class NotFittedError(ParameterError, sklearn.exceptions.NotFittedError):
    """A learnt component used before it learnt anything; the message names the class and
    says what to call (its ``fit``, or a shipped ``default()``).

    It is also scikit-learn's :class:`~sklearn.exceptions.NotFittedError`, so
    ``except NotFittedError`` works with either.

    Examples
    --------
    >>> from sklearn.exceptions import NotFittedError as SklearnNotFittedError
    >>> issubclass(NotFittedError, SklearnNotFittedError), issubclass(NotFittedError, ValueError)
    (True, True)
    """


def require_columns(frame: Any, needs: Sequence[str], *, name: str, made_by: str) -> None:
    """Raise :class:`ParameterError` unless ``frame`` is a DataFrame, :class:`InputError` unless
    it has every column in ``needs``.

    ``name`` is the parameter, ``made_by`` the function whose output it should be; the message
    names both, the missing columns and the columns the frame has.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"actor": []})
    >>> try:
    ...     require_columns(frame, ["actor", "alias"], name="actors", made_by="find_actors")
    ... except InputError as e:
    ...     print(e)
    actors lacks column(s) ['alias']; needs ['actor', 'alias'], has ['actor']
    (pass the frame find_actors returns)
    """
    if not isinstance(frame, pd.DataFrame):
        raise ParameterError(
            f"{name} must be a DataFrame from {made_by}, got {type(frame).__name__}"
        )
    missing = [c for c in needs if c not in frame.columns]
    if missing:
        raise InputError(
            f"{name} lacks column(s) {missing}; needs {list(needs)}, "
            f"has {[str(c) for c in frame.columns]} (pass the frame {made_by} returns)"
        )

"""Errors raised by claimcompare.

Every error the library raises on bad input is a :class:`ClaimCompareError`, and the ones about
what a user passed in are also :class:`ValueError`, so ``except ValueError`` keeps working.
"""

from __future__ import annotations

__all__ = ["ClaimCompareError", "InputError", "ParameterError"]


class ClaimCompareError(Exception):
    """Base class of every error raised by claimcompare."""


class InputError(ClaimCompareError, ValueError):
    """Unusable input: a missing path, undecodable bytes, an empty document, a bad column.

    The message names the file, row or column at fault and what is allowed.
    """


class ParameterError(ClaimCompareError, ValueError):
    """A parameter with a value outside what is allowed; the message names both."""

"""The scikit-learn base every learnt model shares, and the checks of numeric parameters."""

from __future__ import annotations

import numbers
from typing import Any, TypeGuard, TypeVar

import numpy as np
from sklearn.base import BaseEstimator

from ..errors import NotFittedError, ParameterError

__all__ = ["Estimator", "is_int", "is_real", "plain"]


def is_int(value: Any) -> TypeGuard[int]:
    """An integer parameter: Python's or numpy's (a grid from ``np.arange``), never a bool.

    Examples
    --------
    >>> is_int(np.int64(3)), is_int(True), is_int(3.0)
    (True, False, False)
    """
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)


def is_real(value: Any) -> TypeGuard[float]:
    """A real-number parameter: Python's or numpy's integers and floats, never a bool.

    Examples
    --------
    >>> is_real(np.float32(0.5)), is_real(2), is_real(False)
    (True, True, False)
    """
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


def plain(value: Any) -> Any:
    """A numpy scalar as the Python number it holds (for JSON), anything else unchanged.

    Examples
    --------
    >>> type(plain(np.float64(0.5))).__name__, plain("x")
    ('float', 'x')
    """
    return value.item() if isinstance(value, np.generic) else value


_E = TypeVar("_E", bound="Estimator")


class Estimator(BaseEstimator):
    """scikit-learn's ``get_params`` and ``set_params`` (so ``sklearn.base.clone``, pipelines
    and ``GridSearchCV`` work); an unknown parameter name is a :class:`ParameterError`."""

    def set_params(self: _E, **params: Any) -> _E:
        """Set parameters by name (``model__C`` sets ``C`` of the ``model`` parameter).

        Returns
        -------
        self
        """
        allowed = sorted(self.get_params(deep=False))
        for name in params:
            head, nested, _ = name.partition("__")
            if head not in allowed:
                raise ParameterError(
                    f"{type(self).__name__} has no parameter {head!r}; its parameters are {allowed}"
                )
            if nested and not hasattr(getattr(self, head), "set_params"):
                raise ParameterError(
                    f"cannot set {name!r}: {type(self).__name__}.{head} is "
                    f"{getattr(self, head)!r}, which has no parameters"
                )
        return super().set_params(**params)

    #: The learnt attribute that ``fit`` sets: its presence means fitted.
    _fitted_attribute = "coef_"

    def __sklearn_is_fitted__(self) -> bool:
        return hasattr(self, self._fitted_attribute)

    def _check_fitted(self) -> None:
        """Raise :class:`NotFittedError` naming the class unless it is fitted."""
        if not self.__sklearn_is_fitted__():
            name = type(self).__name__
            shipped = f", or use the shipped {name}.default()" if hasattr(self, "default") else ""
            raise NotFittedError(f"this {name} is not fitted yet: call its fit() first{shipped}")

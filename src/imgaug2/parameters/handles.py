"""Turn user-facing argument values into stochastic parameters.

Every augmenter routes its random arguments through these helpers, so they
all accept the same shorthands: a number is constant, a ``(a, b)`` tuple is
a uniform range, a list is a choice, and a parameter is used as it is.
Invalid input raises ``ValueError``/``TypeError`` whose message starts with
the argument name.

Example:
    >>> import imgaug2.parameters as iap
    >>> iap.handle_continuous_param((0.1, 3.0), "sigma", value_range=(0, None))
    Uniform(a=0.1, b=3.0)
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

import imgaug2.parameters.continuous as _continuous
import imgaug2.parameters.discrete as _discrete
from imgaug2.parameters.base import StochasticParameter, is_number

__all__ = [
    "handle_continuous_param",
    "handle_discrete_param",
    "handle_probability_param",
    "handle_categorical_string_param",
    "handle_discrete_kernel_size_param",
]

_ALL = "ALL"
_INT64_MIN = -(1 << 63)
_INT64_MAX = (1 << 63) - 1
# Largest float whose int() still fits int64 (floats above 2**63 - 1024 round up).
_FLOAT_INT64_MAX = 9.223372036854775e18


def _describe(value: Any) -> str:
    text = repr(value)
    if len(text) > 80:
        text = text[:77] + "..."
    return "%s (%s)" % (text, type(value).__name__)


def _check_range_spec(value_range: Any, name: str) -> None:
    if value_range is None or callable(value_range):
        return
    if not isinstance(value_range, (tuple, list)) or len(value_range) != 2:
        raise TypeError("%s: value_range must be a (min, max) pair, None or a callable, got %r"
                        % (name, value_range))


def _check_number(value: Any, name: str, value_range: Any, where: str = "") -> None:
    """Validate one constant: a finite real number inside ``value_range``."""
    if not is_number(value):
        raise TypeError("%s: expected a number%s, got %s" % (name, where, _describe(value)))
    if isinstance(value, int) and not _INT64_MIN <= value <= _INT64_MAX:
        raise ValueError("%s: integer%s outside the int64 range, got %r" % (name, where, value))
    if not math.isfinite(float(value)):
        raise ValueError("%s: expected a finite number%s, got %r" % (name, where, value))
    if value_range is None:
        return
    if callable(value_range):
        if not value_range(value):
            raise ValueError("%s: value %r%s is outside the allowed range" % (name, value, where))
        return
    lo, hi = value_range
    if lo is not None and value < lo:
        raise ValueError("%s: expected a value >= %r%s, got %r" % (name, lo, where, value))
    if hi is not None and value > hi:
        raise ValueError("%s: expected a value <= %r%s, got %r" % (name, hi, where, value))


def _allowed(tuple_to_uniform: bool, list_to_choice: bool) -> str:
    kinds = ["a number"]
    if tuple_to_uniform:
        kinds.append("a tuple (a, b)")
    if list_to_choice:
        kinds.append("a list")
    kinds.append("a StochasticParameter")
    return ", ".join(kinds[:-1]) + " or " + kinds[-1]


def handle_continuous_param(value: Any, name: str, value_range: Any = None,
                            tuple_to_uniform: bool = True,
                            list_to_choice: bool = True) -> StochasticParameter:
    """Turn a continuous argument into a parameter.

    Args:
        value: A number (constant), a tuple ``(a, b)`` (``Uniform(a, b)``), a
            non-empty list of numbers (``Choice``) or a parameter (kept).
        name: The argument name, used in error messages.
        value_range: ``(min, max)`` with either end ``None``, or a callable
            returning ``True`` for valid values. Checked for constants,
            tuple ends and list members (not for parameters).
        tuple_to_uniform: Accept tuples.
        list_to_choice: Accept lists.

    Returns:
        A :class:`StochasticParameter`.

    Raises:
        TypeError: Wrong type (including bools and strings).
        ValueError: NaN/inf, a tuple not of length 2, an empty list or a
            value outside ``value_range``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.handle_continuous_param(0.5, "alpha", value_range=(0, 1))
        Deterministic(0.5)
    """
    _check_range_spec(value_range, name)
    if isinstance(value, StochasticParameter):
        return value
    if is_number(value):
        _check_number(value, name, value_range)
        return _discrete.Deterministic(value)
    if tuple_to_uniform and isinstance(value, tuple):
        if len(value) != 2:
            raise ValueError("%s: expected a tuple of two numbers (a, b), got %d entries"
                             % (name, len(value)))
        _check_number(value[0], name, value_range, " (tuple entry 0)")
        _check_number(value[1], name, value_range, " (tuple entry 1)")
        return _continuous.Uniform(value[0], value[1])
    if list_to_choice and isinstance(value, list):
        if not value:
            raise ValueError("%s: expected a non-empty list" % name)
        for i, v in enumerate(value):
            _check_number(v, name, value_range, " (list entry %d)" % i)
        return _discrete.Choice(list(value))
    raise TypeError("%s: expected %s, got %s"
                    % (name, _allowed(tuple_to_uniform, list_to_choice), _describe(value)))


def _check_integer_like(value: Any, name: str, allow_floats: bool, where: str = "") -> None:
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        if not _INT64_MIN <= int(value) <= _INT64_MAX:
            raise ValueError("%s: integer%s outside the int64 range, got %r"
                             % (name, where, value))
        return
    if isinstance(value, (float, np.floating)):
        if not allow_floats:
            raise TypeError("%s: expected an integer%s, got the float %r" % (name, where, value))
        if math.isfinite(value) and not -_FLOAT_INT64_MAX <= value <= _FLOAT_INT64_MAX:
            raise ValueError("%s: value%s outside the int64 range, got %r"
                             % (name, where, value))
        return
    raise TypeError("%s: expected an integer%s, got %s" % (name, where, _describe(value)))


def handle_discrete_param(value: Any, name: str, value_range: Any = None,
                          tuple_to_uniform: bool = True, list_to_choice: bool = True,
                          allow_floats: bool = True) -> StochasticParameter:
    """Turn an integer argument into a parameter.

    Like :func:`handle_continuous_param`, but tuples ``(a, b)`` become
    ``DiscreteUniform(a, b)`` (both ends included), and floats are truncated
    to ints with ``int()`` (or rejected when ``allow_floats`` is false).
    Range checks apply to the values as given.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.handle_discrete_param((1, 5), "k", value_range=(1, None))
        DiscreteUniform(a=1, b=5)
    """
    _check_range_spec(value_range, name)
    if isinstance(value, StochasticParameter):
        return value
    if is_number(value):
        _check_integer_like(value, name, allow_floats)
        _check_number(value, name, value_range)
        return _discrete.Deterministic(int(value))
    if tuple_to_uniform and isinstance(value, tuple):
        if len(value) != 2:
            raise ValueError("%s: expected a tuple of two integers (a, b), got %d entries"
                             % (name, len(value)))
        for i in (0, 1):
            where = " (tuple entry %d)" % i
            _check_integer_like(value[i], name, allow_floats, where)
            _check_number(value[i], name, value_range, where)
        return _discrete.DiscreteUniform(int(value[0]), int(value[1]))
    if list_to_choice and isinstance(value, list):
        if not value:
            raise ValueError("%s: expected a non-empty list" % name)
        for i, v in enumerate(value):
            where = " (list entry %d)" % i
            _check_integer_like(v, name, allow_floats, where)
            _check_number(v, name, value_range, where)
        return _discrete.Choice([int(v) for v in value])
    raise TypeError("%s: expected %s, got %s"
                    % (name, _allowed(tuple_to_uniform, list_to_choice).replace(
                        "a number", "an integer"), _describe(value)))


def handle_probability_param(value: Any, name: str, tuple_to_uniform: bool = False,
                             list_to_choice: bool = False) -> StochasticParameter:
    """Turn a probability argument into a parameter that draws 0 or 1.

    ``True``/``False`` and exactly 0 or 1 give ``Deterministic(1/0)``; any
    other number in [0, 1] gives ``Binomial(p)``; with the flags set, a tuple
    gives ``Binomial(Uniform(a, b))`` and a list ``Binomial(Choice(list))``;
    a parameter is kept as it is.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.handle_probability_param(0.5, "p")
        Binomial(p=0.5)
    """
    if isinstance(value, StochasticParameter):
        return value
    if isinstance(value, (bool, np.bool_)):
        return _discrete.Deterministic(int(bool(value)))
    if is_number(value):
        _check_number(value, name, (0, 1))
        if value == 0 or value == 1:
            return _discrete.Deterministic(int(value))
        return _discrete.Binomial(value)
    if tuple_to_uniform and isinstance(value, tuple):
        return _discrete.Binomial(handle_continuous_param(value, name, value_range=(0, 1),
                                                          list_to_choice=False))
    if list_to_choice and isinstance(value, list):
        return _discrete.Binomial(handle_continuous_param(value, name, value_range=(0, 1),
                                                          tuple_to_uniform=False))
    raise TypeError("%s: expected %s, got %s"
                    % (name, _allowed(tuple_to_uniform, list_to_choice).replace(
                        "a number", "a bool, a number in [0, 1]"), _describe(value)))


def handle_categorical_string_param(value: Any, name: str,
                                    valid_values: Sequence[str] | None = None
                                    ) -> StochasticParameter:
    """Turn a string-choice argument into a parameter.

    ``"ALL"`` gives ``Choice(valid_values)``; a string gives
    ``Deterministic``; a list of strings gives ``Choice``; a parameter is
    kept. Strings are checked against ``valid_values`` (when given).

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.handle_categorical_string_param(["linear", "cubic"], "method",
        ...                                     ["nearest", "linear", "cubic"])
        Choice(a=['linear', 'cubic'], replace=True, p=None)
    """
    if isinstance(value, StochasticParameter):
        return value
    valid = None if valid_values is None else [str(v) for v in valid_values]
    if isinstance(value, str):
        if value == _ALL:
            if not valid:
                raise ValueError("%s: \"ALL\" needs a list of valid values" % name)
            return _discrete.Choice(list(valid))
        if valid is not None and value not in valid:
            raise ValueError("%s: expected one of %s, got %r"
                             % (name, ", ".join(repr(v) for v in valid), value))
        return _discrete.Deterministic(value)
    if isinstance(value, list):
        if not value:
            raise ValueError("%s: expected a non-empty list" % name)
        for i, v in enumerate(value):
            if not isinstance(v, str):
                raise TypeError("%s: expected strings (list entry %d), got %s"
                                % (name, i, _describe(v)))
            if valid is not None and v not in valid:
                raise ValueError("%s: expected one of %s (list entry %d), got %r"
                                 % (name, ", ".join(repr(x) for x in valid), i, v))
        return _discrete.Choice(list(value))
    raise TypeError("%s: expected \"ALL\", a string, a list of strings or a "
                    "StochasticParameter, got %s" % (name, _describe(value)))


def handle_discrete_kernel_size_param(
        value: Any, name: str, value_range: Any = (1, None), allow_floats: bool = True
) -> tuple[StochasticParameter, StochasticParameter | None]:
    """Kernel-size argument: one parameter for both axes, or one per axis.

    ``((a, b), (c, d))`` (two tuples/lists/parameters inside a tuple) gives
    ``(param_h, param_w)``; anything :func:`handle_discrete_param` accepts
    gives ``(param, None)``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.handle_discrete_kernel_size_param(((1, 3), [5, 7]), "k")
        (DiscreteUniform(a=1, b=3), Choice(a=[5, 7], replace=True, p=None))
    """
    if isinstance(value, tuple) and len(value) == 2 and all(
            isinstance(v, (tuple, list, StochasticParameter)) for v in value):
        return (handle_discrete_param(value[0], "%s[0] (height)" % name, value_range,
                                      allow_floats=allow_floats),
                handle_discrete_param(value[1], "%s[1] (width)" % name, value_range,
                                      allow_floats=allow_floats))
    return handle_discrete_param(value, name, value_range, allow_floats=allow_floats), None

"""Scalar and array type checks shared by imgaug2 (re-exported by :mod:`imgaug2.imgaug_utils`).

Example:
    >>> from imgaug2.augmentables._checks import is_single_integer
    >>> is_single_integer(3), is_single_integer(True)
    (True, False)
"""

from __future__ import annotations

import numbers
from collections.abc import Iterable, Iterator
from typing import Any

import numpy as np

__all__ = [
    "flatten",
    "is_callable",
    "is_float_array",
    "is_generator",
    "is_integer_array",
    "is_iterable",
    "is_np_array",
    "is_np_scalar",
    "is_single_bool",
    "is_single_float",
    "is_single_integer",
    "is_single_number",
    "is_string",
]


# --------------------------------------------------------------------------- type checks
def is_np_array(val: Any) -> bool:
    """Return whether ``val`` is a numpy array.

    Example:
        >>> is_np_array(np.zeros(2)), is_np_array([1, 2])
        (True, False)
    """
    return isinstance(val, np.ndarray)


def is_np_scalar(val: Any) -> bool:
    """Return whether ``val`` is a numpy scalar (e.g. ``np.float32(1)``).

    Example:
        >>> is_np_scalar(np.int64(3)), is_np_scalar(3)
        (True, False)
    """
    return isinstance(val, np.generic)


def is_single_integer(val: Any) -> bool:
    """Return whether ``val`` is one integer (python or numpy), bools excluded.

    Example:
        >>> is_single_integer(3), is_single_integer(np.uint8(3)), is_single_integer(True)
        (True, True, False)
    """
    return isinstance(val, (numbers.Integral, np.integer)) and not isinstance(val, (bool, np.bool_))


def is_single_float(val: Any) -> bool:
    """Return whether ``val`` is one float (python or numpy).

    Example:
        >>> is_single_float(1.5), is_single_float(1)
        (True, False)
    """
    return isinstance(val, (float, np.floating))


def is_single_number(val: Any) -> bool:
    """Return whether ``val`` is one integer or float (bools excluded).

    Example:
        >>> is_single_number(2), is_single_number("2")
        (True, False)
    """
    return is_single_integer(val) or is_single_float(val)


def is_single_bool(val: Any) -> bool:
    """Return whether ``val`` is a python or numpy bool.

    Example:
        >>> is_single_bool(np.bool_(True))
        True
    """
    return isinstance(val, (bool, np.bool_))


def is_iterable(val: Any) -> bool:
    """Return whether ``iter(val)`` works.

    Example:
        >>> is_iterable([1]), is_iterable(1)
        (True, False)
    """
    try:
        iter(val)
    except TypeError:
        return False
    return True


def is_string(val: Any) -> bool:
    """Return whether ``val`` is a ``str``.

    Example:
        >>> is_string("a"), is_string(b"a")
        (True, False)
    """
    return isinstance(val, str)


def is_integer_array(val: Any) -> bool:
    """Return whether ``val`` is a numpy array of a (signed or unsigned) integer dtype.

    Example:
        >>> is_integer_array(np.zeros(2, dtype=np.int32))
        True
    """
    return isinstance(val, np.ndarray) and val.dtype.kind in "iu"


def is_float_array(val: Any) -> bool:
    """Return whether ``val`` is a numpy array of a floating point dtype.

    Example:
        >>> is_float_array(np.zeros(2))
        True
    """
    return isinstance(val, np.ndarray) and val.dtype.kind == "f"


def is_callable(val: Any) -> bool:
    """Return whether ``val`` can be called.

    Example:
        >>> is_callable(len)
        True
    """
    return callable(val)


def is_generator(val: Any) -> bool:
    """Return whether ``val`` is an iterator/generator object.

    Example:
        >>> is_generator(x for x in [1])
        True
    """
    return isinstance(val, Iterator)


def flatten(nested_iterable: Iterable[Any]) -> Iterator[Any]:
    """Yield the leaves of arbitrarily nested lists and tuples, in order.

    Strings, numpy arrays and other objects are leaves.

    Example:
        >>> list(flatten([1, (2, [3, 4]), [[5]]]))
        [1, 2, 3, 4, 5]
    """
    for item in nested_iterable:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item

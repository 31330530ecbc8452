"""Constant and discrete parameters: Deterministic, DeterministicList, Choice,
Binomial, DiscreteUniform and Poisson.

Draw order (each class): nested scalar parameters first, in argument order,
one value each per ``draw_samples`` call, then the samples themselves.

Example:
    >>> import numpy as np
    >>> import imgaug2.parameters as iap
    >>> rng = np.random.default_rng(0)
    >>> iap.Choice(["a", "b"]).draw_samples(3, rng).shape
    (3,)
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from imgaug2.core.registry import register
from imgaug2.parameters import handles as _handles
from imgaug2.parameters.base import StochasticParameter, is_number

__all__ = [
    "Deterministic",
    "DeterministicList",
    "Choice",
    "Binomial",
    "DiscreteUniform",
    "Poisson",
]

_ONE = np.int64(1)
_ZERO = np.int64(0)
_FLOAT_SPAN_MAX = 1 << 32


def _uniform_indices(size: tuple[int, ...], n: int, rng: np.random.Generator) -> np.ndarray:
    """``floor(rng.random(size) * n)`` as int64: one double per sample.

    The bias against exact uniformity is below ``n / 2**53`` per value.
    """
    idx = (rng.random(size) * n).astype(np.int64)
    return np.minimum(idx, n - 1, out=idx)


def _uniform_ints(size: tuple[int, ...], low: int, n: int,
                  rng: np.random.Generator) -> np.ndarray:
    """Uniform ints in ``[low, low + n)``."""
    if n <= _FLOAT_SPAN_MAX:
        idx = _uniform_indices(size, n, rng)
        if low:
            idx += low
        return idx
    return rng.integers(low, low + n, size=size, dtype=np.int64)


def _check_constant(value: Any, name: str) -> None:
    if isinstance(value, StochasticParameter):
        raise TypeError("%s: expected a number or a string, got the parameter %r; "
                        "use the parameter itself instead" % (name, value))
    if not (is_number(value) or isinstance(value, str)):
        raise TypeError("%s: expected a number or a string, got %s"
                        % (name, type(value).__name__))


@register("Deterministic")
class Deterministic(StochasticParameter):
    """A parameter that always returns the same value.

    Args:
        value: A number or a string.

    Draws consume nothing from the generator.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Deterministic(2).draw_samples(3).tolist()
        [2, 2, 2]
    """

    def __init__(self, value: int | float | str) -> None:
        _check_constant(value, "value")
        if isinstance(value, int) and not -(1 << 63) <= value < (1 << 63):
            raise ValueError("value: integer outside the int64 range, got %r" % (value,))
        self.value = value
        scalar = np.asarray(value)[()]
        self._scalar = scalar
        self._dtype = scalar.dtype

    def draw_sample(self, random_state: Any = None) -> Any:
        return self._scalar

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        return self._scalar

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.full(size, self._scalar, dtype=self._dtype)

    def __repr__(self) -> str:
        return "Deterministic(%r)" % (self.value,)

    __str__ = __repr__


@register("DeterministicList")
class DeterministicList(StochasticParameter):
    """Return the given values in order, repeated as often as needed.

    ``draw_samples(size)`` flattens ``values``, tiles it until it holds
    ``prod(size)`` entries, cuts it there and reshapes it to ``size``.
    Draws consume nothing from the generator.

    Args:
        values: A non-empty list, tuple or array of numbers or strings.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.DeterministicList([1, 2, 3]).draw_samples(5).tolist()
        [1, 2, 3, 1, 2]
    """

    def __init__(self, values: Sequence[Any] | np.ndarray) -> None:
        if not isinstance(values, (list, tuple, np.ndarray)):
            raise TypeError("values: expected a list, tuple or array, got %s"
                            % type(values).__name__)
        if isinstance(values, np.ndarray):
            arr = values.ravel().copy()
        else:
            for i, v in enumerate(values):
                _check_constant(v, "values[%d]" % i)
            arr = np.asarray(values).ravel()
        if arr.size == 0:
            raise ValueError("values: expected at least one value")
        if arr.dtype.kind not in "biufU":
            raise TypeError("values: expected numbers or strings, got dtype %s" % arr.dtype)
        arr.flags.writeable = False
        self.values = arr

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        return self.values[0]

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        n = math.prod(size)
        vals = self.values
        if n > vals.size:
            vals = np.tile(vals, -(-n // vals.size))
        return vals[:n].reshape(size).copy()


@register("Choice")
class Choice(StochasticParameter):
    """Draw values from a list of choices.

    Args:
        a: A non-empty list of numbers, strings or parameters.
        replace: Whether a value may be chosen several times in one call.
        p: Optional probabilities, one per entry of ``a`` (summing to 1).

    Draw order: the chosen indices (with ``replace`` and no ``p``:
    ``floor(rng.random(size) * len(a))``; with ``p``: ``rng.random(size)``
    looked up in the cumulative ``p``; without replacement:
    ``rng.random(len(a))`` keys, taken largest ``u ** (1/p)`` first). Then
    every parameter entry of ``a``, in list order, draws as many samples as it
    was chosen (element-wise, unlike nested scalar arguments elsewhere).

    Example:
        >>> import imgaug2.parameters as iap
        >>> p = iap.Choice([1, 5, iap.Uniform(10, 20)], p=[0.5, 0.25, 0.25])
        >>> p.draw_samples(4, 0).shape
        (4,)
    """

    def __init__(self, a: Sequence[Any], replace: bool = True,
                 p: Sequence[float] | np.ndarray | None = None) -> None:
        if isinstance(a, np.ndarray):
            a = a.ravel().tolist()
        if not isinstance(a, (list, tuple)):
            raise TypeError("a: expected a list of choices, got %s" % type(a).__name__)
        if len(a) == 0:
            raise ValueError("a: expected at least one choice")
        is_param = []
        for i, v in enumerate(a):
            if isinstance(v, StochasticParameter):
                is_param.append(True)
            elif is_number(v) or isinstance(v, (str, bool, np.bool_)):
                is_param.append(False)
            else:
                raise TypeError("a[%d]: expected a number, string or parameter, got %s"
                                % (i, type(v).__name__))
        if not isinstance(replace, (bool, np.bool_)):
            raise TypeError("replace: expected a bool, got %r" % (replace,))
        cdf = None
        probs = None
        if p is not None:
            if not isinstance(p, (list, tuple, np.ndarray)):
                raise TypeError("p: expected a list of probabilities, got %s" % type(p).__name__)
            if len(p) != len(a):
                raise ValueError("p: expected %d probabilities (one per choice), got %d"
                                 % (len(a), len(p)))
            for i, v in enumerate(p):
                if not is_number(v):
                    raise TypeError("p[%d]: expected a number, got %r" % (i, v))
            probs = np.asarray(p, dtype=np.float64).ravel()
            if not np.all(np.isfinite(probs)) or np.any(probs < 0):
                raise ValueError("p: probabilities must be finite and >= 0, got %r" % (p,))
            total = float(probs.sum())
            if abs(total - 1.0) > 1e-6:
                raise ValueError("p: probabilities must sum to 1, got %r (sum %r)" % (p, total))
            probs = probs / total
            cdf = np.cumsum(probs)
            cdf[-1] = 1.0
            cdf.flags.writeable = False
            probs.flags.writeable = False
        self.a = list(a)
        self.replace = bool(replace)
        self.p = probs
        self._cdf = cdf
        self._n = len(a)
        self._param_positions = tuple(i for i, f in enumerate(is_param) if f)
        self._is_param = np.asarray(is_param, dtype=bool)
        consts = [v for v, f in zip(a, is_param) if not f]
        if consts:
            if any(isinstance(v, str) for v in consts) and not all(
                    isinstance(v, str) for v in consts):
                const_dtype = np.dtype(object)
            else:
                const_dtype = np.asarray(consts).dtype
            filler = consts[0]
            table = np.asarray([filler if f else v for v, f in zip(a, is_param)],
                               dtype=const_dtype)
        else:
            table = None
        if table is not None:
            table.flags.writeable = False
        self._table = table

    # indices ---------------------------------------------------------------

    def _draw_indices(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        n = self._n
        if self.replace:
            if self._cdf is None:
                return _uniform_indices(size, n, rng)
            u = rng.random(size)
            return np.minimum(np.searchsorted(self._cdf, u, side="right"), n - 1).astype(np.int64)
        k = math.prod(size)
        if k > n:
            raise ValueError("size: cannot draw %d values without replacement from %d choices"
                             % (k, n))
        u = rng.random(n)
        if self.p is None:
            keys = u
        else:
            nonzero = int(np.count_nonzero(self.p))
            if k > nonzero:
                raise ValueError("size: cannot draw %d values without replacement from %d "
                                 "choices with non-zero probability" % (k, nonzero))
            with np.errstate(divide="ignore"):
                keys = np.where(self.p > 0, np.log(u) / np.where(self.p > 0, self.p, 1.0),
                                -np.inf)
        order = np.argsort(-keys, kind="stable")
        return order[:k].astype(np.int64).reshape(size)

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        if self._param_positions or not self.replace:
            return self._draw_samples((1,), rng)[0]
        if self._cdf is None:
            idx = min(int(rng.random() * self._n), self._n - 1)
        else:
            idx = min(int(np.searchsorted(self._cdf, rng.random(), side="right")), self._n - 1)
        return self._table[idx]  # type: ignore[index]

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        idx = self._draw_indices(size, rng)
        if not self._param_positions:
            return self._table[idx]  # type: ignore[index]
        flat = idx.ravel()
        pieces = []
        for j in self._param_positions:
            mask = flat == j
            count = int(np.count_nonzero(mask))
            if count:
                pieces.append((mask, np.asarray(self.a[j]._draw_samples((count,), rng))))
        dtypes = [s.dtype for _, s in pieces]
        if self._table is not None:
            dtypes.append(self._table.dtype)
        try:
            out_dtype = np.result_type(*dtypes) if dtypes else np.dtype(np.float64)
        except TypeError:
            out_dtype = np.dtype(object)
        out = np.empty(flat.shape, dtype=out_dtype)
        if self._table is not None:
            const_mask = ~self._is_param[flat]
            out[const_mask] = self._table[flat[const_mask]]
        for mask, samples in pieces:
            out[mask] = samples
        return out.reshape(size)


def _scalar_value(param: StochasticParameter, rng: np.random.Generator) -> float:
    return float(param._draw_sample(rng))


@register("Binomial")
class Binomial(StochasticParameter):
    """Draw 1 with probability ``p`` and 0 otherwise (a Bernoulli trial).

    Args:
        p: Probability of 1. A number in [0, 1], a ``(a, b)`` tuple (uniform),
            a list (choice) or a parameter (drawn once per call; values outside
            [0, 1] are clipped).

    Draw order: ``p`` (one value), then ``rng.random(size) < p``. Samples are
    ``int64``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> set(iap.Binomial(0.5).draw_samples(100, 0).tolist()) <= {0, 1}
        True
    """

    def __init__(self, p: Any) -> None:
        self.p = _handles.handle_continuous_param(p, "p", value_range=(0, 1))
        self._p_const = (min(max(float(self.p.value), 0.0), 1.0)
                         if isinstance(self.p, Deterministic) else None)

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        p = self._p_const
        if p is None:
            p = min(max(_scalar_value(self.p, rng), 0.0), 1.0)
        return _ONE if rng.random() < p else _ZERO

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        p = self._p_const
        if p is None:
            p = min(max(_scalar_value(self.p, rng), 0.0), 1.0)
        return (rng.random(size) < p).astype(np.int64)


@register("DiscreteUniform")
class DiscreteUniform(StochasticParameter):
    """Draw integers uniformly from ``[a, b]`` (both ends included).

    Args:
        a: Lower end (number, tuple, list or parameter; drawn once per call).
        b: Upper end (same). If ``a > b`` the ends are swapped.

    Draw order: ``a``, ``b``, then ``a + floor(rng.random(size) * (b - a + 1))``
    (``int64``; spans above 2**32 use ``rng.integers(a, b + 1, size)``).

    Example:
        >>> import imgaug2.parameters as iap
        >>> s = iap.DiscreteUniform(1, 3).draw_samples(100, 0)
        >>> int(s.min()) >= 1 and int(s.max()) <= 3
        True
    """

    def __init__(self, a: Any, b: Any) -> None:
        self.a = _handles.handle_discrete_param(a, "a")
        self.b = _handles.handle_discrete_param(b, "b")
        table = None
        if isinstance(self.a, Deterministic) and isinstance(self.b, Deterministic):
            lo, hi = sorted((int(self.a.value), int(self.b.value)))
            if hi - lo < 4096:
                table = np.arange(lo, hi + 1, dtype=np.int64)
                table.flags.writeable = False
        self._table = table

    def _bounds(self, rng: np.random.Generator) -> tuple[int, int]:
        a = int(self.a._draw_sample(rng))
        b = int(self.b._draw_sample(rng))
        return (a, b) if a <= b else (b, a)

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        table = self._table
        if table is not None:
            return table[int(rng.random() * table.size)]
        a, b = self._bounds(rng)
        return _uniform_ints((1,), a, b - a + 1, rng)[0]

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        table = self._table
        if table is not None:
            return _uniform_ints(size, int(table[0]), table.size, rng)
        a, b = self._bounds(rng)
        return _uniform_ints(size, a, b - a + 1, rng)


@register("Poisson")
class Poisson(StochasticParameter):
    """Draw from a Poisson distribution with rate ``lam``.

    Args:
        lam: Rate, >= 0 (number, tuple, list or parameter; drawn once per call).

    Draw order: ``lam``, then ``rng.poisson(lam, size)`` (``int64``).

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Poisson(3).draw_samples(5, 0).dtype.kind
        'i'
    """

    def __init__(self, lam: Any) -> None:
        self.lam = _handles.handle_continuous_param(lam, "lam", value_range=(0, None))

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        lam = _scalar_value(self.lam, rng)
        if not lam >= 0:
            raise ValueError("lam: drew %r, expected a value >= 0" % lam)
        return rng.poisson(lam, size).astype(np.int64, copy=False)

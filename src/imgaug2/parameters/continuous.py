"""Continuous distributions: Uniform, Normal, TruncatedNormal, Laplace,
ChiSquare, Weibull and Beta.

Every argument accepts a number, a ``(a, b)`` tuple (uniform), a list
(choice) or a parameter. Arguments that are themselves random are drawn
**once per** ``draw_samples`` **call**, in argument order, before the samples
themselves: ``Normal(Uniform(0.5, 1.5), 0.1).draw_samples(1000)`` picks one
mean for all 1000 values.

Example:
    >>> import numpy as np
    >>> import imgaug2.parameters as iap
    >>> s = iap.Normal(iap.Uniform(0.5, 1.5), 0.1).draw_samples(1000, 0)
    >>> s.shape
    (1000,)
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from imgaug2.core.registry import register
from imgaug2.parameters import handles as _handles
from imgaug2.parameters.base import StochasticParameter, is_number

__all__ = [
    "Uniform",
    "Normal",
    "TruncatedNormal",
    "Laplace",
    "ChiSquare",
    "Weibull",
    "Beta",
]

# Shift uniform draws into the open interval (0, 1) for inverse-CDF sampling.
_HALF_ULP = 2.0 ** -54


def _const(param: StochasticParameter) -> float | None:
    from imgaug2.parameters.discrete import Deterministic
    if isinstance(param, Deterministic):
        return float(param.value)
    return None


def _check_positive_const(param: StochasticParameter, name: str) -> None:
    value = _const(param)
    if value is not None and not value > 0:
        raise ValueError("%s: expected a value > 0, got %r" % (name, value))


def _check_nonneg_const(param: StochasticParameter, name: str) -> None:
    value = _const(param)
    if value is not None and not value >= 0:
        raise ValueError("%s: expected a value >= 0, got %r" % (name, value))


def _nonneg(value: float, name: str) -> float:
    if not value >= 0:
        raise ValueError("%s: drew %r, expected a value >= 0" % (name, value))
    return value


@register("Uniform")
class Uniform(StochasticParameter):
    """Draw floats uniformly from ``[a, b)``.

    Args:
        a: One end of the interval.
        b: The other end; if ``a > b`` the two are swapped.

    Draw order: ``a``, ``b``, then ``lo + (hi - lo) * rng.random(size)``
    (``float64``; if ``hi - lo`` overflows, ``lo * (1 - r) + hi * r``).

    Example:
        >>> import imgaug2.parameters as iap
        >>> s = iap.Uniform(0.1, 3.0).draw_samples(100, 0)
        >>> bool((s >= 0.1).all() and (s < 3.0).all())
        True
    """

    def __init__(self, a: Any, b: Any) -> None:
        self.a = _handles.handle_continuous_param(a, "a")
        self.b = _handles.handle_continuous_param(b, "b")
        ca, cb = _const(self.a), _const(self.b)
        if ca is not None and cb is not None:
            self._fixed: tuple[float, float, float] | None = self._bounds(ca, cb)
        else:
            self._fixed = None

    @staticmethod
    def _bounds(a: float, b: float) -> tuple[float, float, float]:
        lo, hi = (a, b) if a <= b else (b, a)
        return lo, hi, hi - lo

    def _range(self, rng: np.random.Generator) -> tuple[float, float, float]:
        fixed = self._fixed
        if fixed is not None:
            return fixed
        return self._bounds(float(self.a._draw_sample(rng)), float(self.b._draw_sample(rng)))

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        lo, hi, width = self._range(rng)
        if width == math.inf:
            r = rng.random()
            return np.float64(lo * (1.0 - r) + hi * r)
        return np.float64(lo + width * rng.random())

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        lo, hi, width = self._range(rng)
        r = rng.random(size)
        if width == math.inf:
            # hi - lo overflows (e.g. -1e308 .. 1e308): interpolate instead.
            return lo * (1.0 - r) + hi * r
        return lo + width * r


@register("Normal")
class Normal(StochasticParameter):
    """Draw from a normal (Gaussian) distribution.

    Args:
        loc: Mean.
        scale: Standard deviation, >= 0.

    Draw order: ``loc``, ``scale``, then
    ``loc + scale * rng.standard_normal(size)`` (``float64``).

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Clip(iap.Normal(1.0, 0.1), 0.1, 3.0).draw_samples(3, 0).shape
        (3,)
    """

    def __init__(self, loc: Any, scale: Any) -> None:
        self.loc = _handles.handle_continuous_param(loc, "loc")
        self.scale = _handles.handle_continuous_param(scale, "scale", value_range=(0, None))
        _check_nonneg_const(self.scale, "scale")
        cl, cs = _const(self.loc), _const(self.scale)
        self._fixed = (cl, cs) if cl is not None and cs is not None else None

    def _args(self, rng: np.random.Generator) -> tuple[float, float]:
        fixed = self._fixed
        if fixed is not None:
            return fixed  # type: ignore[return-value]
        loc = float(self.loc._draw_sample(rng))
        scale = _nonneg(float(self.scale._draw_sample(rng)), "scale")
        return loc, scale

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        loc, scale = self._args(rng)
        return np.float64(loc + scale * rng.standard_normal())

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        loc, scale = self._args(rng)
        return loc + scale * rng.standard_normal(size)


def _bound_param(value: Any, name: str) -> StochasticParameter:
    if isinstance(value, (float, np.floating)) and math.isinf(value):
        from imgaug2.parameters.discrete import Deterministic
        return Deterministic(float(value))
    return _handles.handle_continuous_param(value, name)


def _truncated_standard_normal(u: np.ndarray, a: float, b: float) -> np.ndarray:
    """Inverse-CDF sampling of N(0, 1) restricted to [a, b], u in (0, 1)."""
    from scipy import special

    sign = 1.0
    if a > 0:
        a, b, sign = -b, -a, -1.0
    if b <= 0:
        # Both bounds in the lower tail: work with log-CDFs so far tails
        # (e.g. [-40, -39]) do not underflow.
        la = float(special.log_ndtr(a))
        lb = float(special.log_ndtr(b))
        with np.errstate(divide="ignore"):
            logp = lb + np.log(u + (1.0 - u) * math.exp(la - lb))
        x = special.ndtri_exp(logp)
    else:
        pa = float(special.ndtr(a))
        pb = float(special.ndtr(b))
        x = special.ndtri(pa + u * (pb - pa))
    x = np.clip(x, a, b)
    return sign * x


@register("TruncatedNormal")
class TruncatedNormal(StochasticParameter):
    """Draw from a normal distribution truncated to ``[low, high]``.

    Args:
        loc: Mean of the untruncated normal.
        scale: Its standard deviation, >= 0.
        low: Lower bound (``-inf`` allowed).
        high: Upper bound (``inf`` allowed), ``>= low``.

    Draw order: ``loc``, ``scale``, ``low``, ``high``, then one
    ``rng.random(size)`` pushed through the inverse CDF (exactly one uniform
    per sample, so tails as far as 40 standard deviations stay exact).

    Example:
        >>> import imgaug2.parameters as iap
        >>> s = iap.TruncatedNormal(0, 1, low=-0.5, high=2).draw_samples(100, 0)
        >>> bool(s.min() >= -0.5 and s.max() <= 2)
        True
    """

    def __init__(self, loc: Any = 0.0, scale: Any = 1.0, low: Any = -np.inf,
                 high: Any = np.inf) -> None:
        self.loc = _handles.handle_continuous_param(loc, "loc")
        self.scale = _handles.handle_continuous_param(scale, "scale", value_range=(0, None))
        _check_nonneg_const(self.scale, "scale")
        self.low = _bound_param(low, "low")
        self.high = _bound_param(high, "high")
        cl, ch = _const(self.low), _const(self.high)
        if cl is not None and ch is not None:
            self._check_bounds(cl, ch)

    @staticmethod
    def _check_bounds(low: float, high: float) -> None:
        if not low <= high:
            raise ValueError("low: expected low <= high, got low=%r, high=%r" % (low, high))
        if low == math.inf or high == -math.inf:
            raise ValueError("low: the interval [%r, %r] is empty" % (low, high))

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        loc = float(self.loc._draw_sample(rng))
        scale = _nonneg(float(self.scale._draw_sample(rng)), "scale")
        low = float(self.low._draw_sample(rng))
        high = float(self.high._draw_sample(rng))
        self._check_bounds(low, high)
        u = rng.random(size) + _HALF_ULP
        if scale == 0 or low == high:
            return np.full(size, min(max(loc, low), high), dtype=np.float64)
        a = (low - loc) / scale
        b = (high - loc) / scale
        z = _truncated_standard_normal(u, a, b)
        out = loc + scale * z
        return np.clip(out, low, high)


@register("Laplace")
class Laplace(StochasticParameter):
    """Draw from a Laplace distribution.

    Args:
        loc: Location (the peak).
        scale: Decay, >= 0.

    Draw order: ``loc``, ``scale``, then ``rng.laplace(loc, scale, size)``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Laplace(0, 1).draw_samples(4, 0).shape
        (4,)
    """

    def __init__(self, loc: Any, scale: Any) -> None:
        self.loc = _handles.handle_continuous_param(loc, "loc")
        self.scale = _handles.handle_continuous_param(scale, "scale", value_range=(0, None))
        _check_nonneg_const(self.scale, "scale")

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        loc = float(self.loc._draw_sample(rng))
        scale = _nonneg(float(self.scale._draw_sample(rng)), "scale")
        if scale == 0:
            return np.full(size, loc, dtype=np.float64)
        return rng.laplace(loc, scale, size)


@register("ChiSquare")
class ChiSquare(StochasticParameter):
    """Draw from a chi-square distribution.

    Args:
        df: Degrees of freedom, > 0.

    Draw order: ``df``, then ``rng.chisquare(df, size)``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> bool((iap.ChiSquare(2).draw_samples(10, 0) >= 0).all())
        True
    """

    def __init__(self, df: Any) -> None:
        self.df = _handles.handle_continuous_param(df, "df", value_range=(0, None))
        _check_positive_const(self.df, "df")

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        df = float(self.df._draw_sample(rng))
        if not df > 0:
            raise ValueError("df: drew %r, expected a value > 0" % df)
        return rng.chisquare(df, size)


@register("Weibull")
class Weibull(StochasticParameter):
    """Draw from a Weibull distribution with shape ``a``.

    Args:
        a: Shape parameter, > 0.

    Draw order: ``a``, then ``rng.weibull(a, size)``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> bool((iap.Weibull(1.5).draw_samples(10, 0) >= 0).all())
        True
    """

    def __init__(self, a: Any) -> None:
        self.a = _handles.handle_continuous_param(a, "a", value_range=(0, None))
        _check_positive_const(self.a, "a")

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        a = float(self.a._draw_sample(rng))
        if not a > 0:
            raise ValueError("a: drew %r, expected a value > 0" % a)
        return rng.weibull(a, size)


@register("Beta")
class Beta(StochasticParameter):
    """Draw from a beta distribution (values in [0, 1]).

    Args:
        alpha: First shape parameter, >= 0.
        beta: Second shape parameter, >= 0.
        epsilon: Shapes below this value are raised to it (keeps 0 valid).

    Draw order: ``alpha``, ``beta``, then ``rng.beta(alpha, beta, size)``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> s = iap.Beta(0.5, 0.5).draw_samples(10, 0)
        >>> bool((s >= 0).all() and (s <= 1).all())
        True
    """

    def __init__(self, alpha: Any, beta: Any, epsilon: float = 0.0001) -> None:
        self.alpha = _handles.handle_continuous_param(alpha, "alpha", value_range=(0, None))
        self.beta = _handles.handle_continuous_param(beta, "beta", value_range=(0, None))
        if not is_number(epsilon):
            raise TypeError("epsilon: expected a number, got %r" % (epsilon,))
        if not (math.isfinite(float(epsilon)) and float(epsilon) > 0):
            raise ValueError("epsilon: expected a finite number > 0, got %r" % (epsilon,))
        self.epsilon = float(epsilon)

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        alpha = max(float(self.alpha._draw_sample(rng)), self.epsilon)
        beta = max(float(self.beta._draw_sample(rng)), self.epsilon)
        return rng.beta(alpha, beta, size)

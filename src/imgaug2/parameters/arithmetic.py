"""Parameters that transform other parameters: arithmetic, clipping,
rounding, signs and the sigmoid.

Draw order: the wrapped ``other_param`` draws its samples first, then the
remaining random arguments, in argument order. A random ``val`` is drawn once
per call (one value for all samples) unless ``elementwise=True``.

Example:
    >>> import imgaug2.parameters as iap
    >>> p = (iap.Uniform(0, 1) + 1) * 2
    >>> s = p.draw_samples(100, 0)
    >>> bool((s >= 2).all() and (s < 4).all())
    True
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from imgaug2.core.registry import register
from imgaug2.parameters import handles as _handles
from imgaug2.parameters.base import StochasticParameter, is_number

__all__ = [
    "Clip",
    "Discretize",
    "Add",
    "Subtract",
    "Multiply",
    "Divide",
    "Power",
    "Absolute",
    "RandomSign",
    "ForceSign",
    "Positive",
    "Negative",
    "Sigmoid",
]

_INT32 = np.iinfo(np.int32)


def _finite_number(value: Any, name: str, allow_none: bool = False) -> float | None:
    if value is None and allow_none:
        return None
    if not is_number(value):
        raise TypeError("%s: expected a number%s, got %r"
                        % (name, " or None" if allow_none else "", value))
    if not math.isfinite(float(value)):
        raise ValueError("%s: expected a finite number, got %r" % (name, value))
    return value


def _check_bool(value: Any, name: str) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError("%s: expected a bool, got %r" % (name, value))
    return bool(value)


@register("Clip")
class Clip(StochasticParameter):
    """Clip the samples of another parameter to ``[minval, maxval]``.

    Args:
        other_param: The parameter (or number, tuple, list) to clip.
        minval: Lower bound or ``None``.
        maxval: Upper bound or ``None``.

    Integer samples stay integers when the bounds allow it.

    Example:
        >>> import imgaug2.parameters as iap
        >>> p = iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0)
        >>> s = p.draw_samples(100, 0)
        >>> bool(s.min() >= 0.1 and s.max() <= 3.0)
        True
    """

    def __init__(self, other_param: Any, minval: float | None = None,
                 maxval: float | None = None) -> None:
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")
        self.minval = _finite_number(minval, "minval", allow_none=True)
        self.maxval = _finite_number(maxval, "maxval", allow_none=True)
        if self.minval is not None and self.maxval is not None and self.minval > self.maxval:
            raise ValueError("minval: expected minval <= maxval, got %r > %r"
                             % (self.minval, self.maxval))

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        return self._apply(np.asarray(self.other_param._draw_sample(rng)))[()]

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.asarray(self._apply(np.asarray(self.other_param._draw_samples(size, rng))))

    def _apply(self, samples: np.ndarray) -> np.ndarray:
        lo, hi = self.minval, self.maxval
        if samples.dtype.kind in "iu":
            ilo = None if lo is None else math.ceil(lo)
            ihi = None if hi is None else math.floor(hi)
            if ilo is None or ihi is None or ilo <= ihi:
                info = np.iinfo(samples.dtype)
                lo = None if ilo is None else min(max(ilo, int(info.min)), int(info.max))
                hi = None if ihi is None else min(max(ihi, int(info.min)), int(info.max))
            else:
                samples = samples.astype(np.float64)
        # np.maximum/np.minimum: same result as np.clip, far less call overhead.
        if lo is not None:
            samples = np.maximum(samples, lo)
        if hi is not None:
            samples = np.minimum(samples, hi)
        return samples


@register("Discretize")
class Discretize(StochasticParameter):
    """Round float samples of another parameter to integers (``int32``).

    Args:
        other_param: The parameter to discretize.
        round: Round to the nearest integer (``True``) or floor (``False``).

    Integer samples are returned unchanged. NaN becomes 0 and values beyond
    the ``int32`` range are clipped to it.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Discretize(iap.Normal(0, 10)).draw_samples(3, 0).dtype.name
        'int32'
    """

    def __init__(self, other_param: Any, round: bool = True) -> None:  # noqa: A002
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")
        self.round = _check_bool(round, "round")

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = np.asarray(self.other_param._draw_samples(size, rng))
        if samples.dtype.kind in "biu":
            return samples
        vals = np.round(samples) if self.round else np.floor(samples)
        vals = np.nan_to_num(vals, nan=0.0, posinf=_INT32.max, neginf=_INT32.min)
        return np.clip(vals, _INT32.min, _INT32.max).astype(np.int32)


class _Binary(StochasticParameter):
    """Shared body of Add/Subtract/Multiply/Divide/Power."""

    def __init__(self, other_param: Any, val: Any, elementwise: bool = False) -> None:
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")
        self.val = _handles.handle_continuous_param(val, "val")
        self.elementwise = _check_bool(elementwise, "elementwise")

    def _op(self, samples: np.ndarray, vals: Any) -> np.ndarray:
        raise NotImplementedError

    def _draw_sample(self, rng: np.random.Generator) -> Any:
        samples = np.asarray(self.other_param._draw_sample(rng))
        vals = np.asarray(self.val._draw_sample(rng))
        return np.asarray(self._op(samples, vals))[()]

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        from imgaug2.parameters.discrete import Deterministic

        samples = np.asarray(self.other_param._draw_samples(size, rng))
        if self.elementwise and not isinstance(self.val, Deterministic):
            vals: Any = np.asarray(self.val._draw_samples(size, rng))
        else:
            vals = np.asarray(self.val._draw_sample(rng))
        return np.asarray(self._op(samples, vals))


@register("Add")
class Add(_Binary):
    """``other_param + val``.

    Args:
        other_param: Left operand (drawn first).
        val: Right operand.
        elementwise: Draw ``val`` once per sample instead of once per call.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Add(iap.Deterministic(1), 2).draw_samples(2).tolist()
        [3, 3]
    """

    def _op(self, samples: np.ndarray, vals: Any) -> np.ndarray:
        return samples + vals


@register("Subtract")
class Subtract(_Binary):
    """``other_param - val`` (arguments as for :class:`Add`).

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Subtract(5, 2).draw_samples(2).tolist()
        [3, 3]
    """

    def _op(self, samples: np.ndarray, vals: Any) -> np.ndarray:
        return samples - vals


@register("Multiply")
class Multiply(_Binary):
    """``other_param * val`` (arguments as for :class:`Add`).

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Multiply(3, 2).draw_samples(2).tolist()
        [6, 6]
    """

    def _op(self, samples: np.ndarray, vals: Any) -> np.ndarray:
        return samples * vals


@register("Divide")
class Divide(_Binary):
    """``other_param / val`` (true division, ``float64``).

    A divisor of 0 is replaced by 1 (so the sample passes through unchanged).
    Arguments as for :class:`Add`.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Divide(3, 2).draw_samples(2).tolist()
        [1.5, 1.5]
    """

    def _op(self, samples: np.ndarray, vals: Any) -> np.ndarray:
        vals = np.where(vals == 0, np.ones((), dtype=vals.dtype), vals)
        return np.true_divide(samples, vals)


@register("Power")
class Power(_Binary):
    """``other_param ** val``.

    Integer bases with non-negative integer exponents stay integers; all
    other combinations are computed in ``float64``. A negative base with a
    fractional exponent gives NaN (no warning). Arguments as for :class:`Add`.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Power(2, 3).draw_samples(2).tolist()
        [8, 8]
    """

    def _op(self, samples: np.ndarray, vals: Any) -> np.ndarray:
        if samples.dtype.kind in "iu" and vals.dtype.kind in "iu" and (
                vals.size == 0 or vals.min() >= 0):
            return np.power(samples, vals)
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            return np.power(samples.astype(np.float64), vals.astype(np.float64))


@register("Absolute")
class Absolute(StochasticParameter):
    """The absolute value of another parameter's samples.

    Example:
        >>> import imgaug2.parameters as iap
        >>> abs(iap.Deterministic(-2)).draw_samples(2).tolist()
        [2, 2]
    """

    def __init__(self, other_param: Any) -> None:
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        return np.absolute(self.other_param._draw_samples(size, rng))


def _negatable(samples: np.ndarray) -> np.ndarray:
    if samples.dtype.kind in "ub":
        return samples.astype(np.int64)
    return samples


@register("RandomSign")
class RandomSign(StochasticParameter):
    """Give the absolute samples of another parameter a random sign.

    Args:
        other_param: The parameter.
        p_positive: Probability of a positive sign, in [0, 1].

    Draw order: the samples, then ``rng.random(size) < p_positive``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> s = iap.RandomSign(iap.Deterministic(3)).draw_samples(100, 0)
        >>> sorted(set(s.tolist()))
        [-3, 3]
    """

    def __init__(self, other_param: Any, p_positive: float = 0.5) -> None:
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")
        _finite_number(p_positive, "p_positive")
        if not 0 <= p_positive <= 1:
            raise ValueError("p_positive: expected a value in [0, 1], got %r" % (p_positive,))
        self.p_positive = float(p_positive)

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = _negatable(np.absolute(self.other_param._draw_samples(size, rng)))
        positive = rng.random(size) < self.p_positive
        return np.where(positive, samples, -samples)


@register("ForceSign")
class ForceSign(StochasticParameter):
    """Force the samples of another parameter to one sign.

    Args:
        other_param: The parameter.
        positive: Force positive (``True``) or negative (``False``) values.
        mode: ``"invert"`` flips the sign of wrong values; ``"reroll"`` draws
            replacements for them (up to ``reroll_count_max`` rounds, each
            ``other_param.draw_samples((n_wrong,))``) and inverts any left.
        reroll_count_max: Maximum number of reroll rounds.

    Zero counts as having the right sign either way.

    Example:
        >>> import imgaug2.parameters as iap
        >>> p = iap.ForceSign(iap.Normal(0, 1), positive=True, mode="reroll")
        >>> bool((p.draw_samples(100, 0) >= 0).all())
        True
    """

    def __init__(self, other_param: Any, positive: bool, mode: str = "invert",
                 reroll_count_max: int = 2) -> None:
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")
        self.positive = _check_bool(positive, "positive")
        if not isinstance(mode, str):
            raise TypeError("mode: expected 'invert' or 'reroll', got %r" % (mode,))
        if mode not in ("invert", "reroll"):
            raise ValueError("mode: expected 'invert' or 'reroll', got %r" % (mode,))
        self.mode = mode
        if isinstance(reroll_count_max, (bool, np.bool_)) or not isinstance(
                reroll_count_max, (int, np.integer)):
            raise TypeError("reroll_count_max: expected an int, got %r" % (reroll_count_max,))
        if reroll_count_max < 0:
            raise ValueError("reroll_count_max: expected a value >= 0, got %r"
                             % (reroll_count_max,))
        self.reroll_count_max = int(reroll_count_max)

    def _wrong(self, samples: np.ndarray) -> np.ndarray:
        return samples < 0 if self.positive else samples > 0

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = _negatable(np.asarray(self.other_param._draw_samples(size, rng)))
        wrong = self._wrong(samples)
        n_wrong = int(np.count_nonzero(wrong))
        if n_wrong == 0:
            return samples
        samples = samples.copy()
        if self.mode == "reroll":
            for _ in range(self.reroll_count_max):
                if n_wrong == 0:
                    break
                samples[wrong] = np.asarray(
                    self.other_param._draw_samples((n_wrong,), rng)).astype(samples.dtype)
                wrong = self._wrong(samples)
                n_wrong = int(np.count_nonzero(wrong))
        if n_wrong:
            samples[wrong] = -samples[wrong]
        return samples


@register("Positive")
class Positive(ForceSign):
    """``ForceSign(other_param, positive=True, ...)``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Positive(iap.Deterministic(-4)).draw_samples(1).tolist()
        [4]
    """

    def __init__(self, other_param: Any, mode: str = "invert",
                 reroll_count_max: int = 2) -> None:
        super().__init__(other_param, True, mode, reroll_count_max)


@register("Negative")
class Negative(ForceSign):
    """``ForceSign(other_param, positive=False, ...)``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> iap.Negative(iap.Deterministic(4)).draw_samples(1).tolist()
        [-4]
    """

    def __init__(self, other_param: Any, mode: str = "invert",
                 reroll_count_max: int = 2) -> None:
        super().__init__(other_param, False, mode, reroll_count_max)


@register("Sigmoid")
class Sigmoid(StochasticParameter):
    """Push samples through a logistic function (for noise masks).

    ``1 / (1 + exp(-(x * mul + add - threshold)))``, computed stably; values
    lie in [0, 1].

    Args:
        other_param: The parameter whose samples are transformed.
        threshold: Shift (number, tuple, list or parameter).
        activated: Probability that the sigmoid is applied at all; when it is
            not, the raw samples are returned.
        mul: Multiplier applied to the samples first.
        add: Offset added after the multiplication.

    Draw order: the samples, ``threshold``, ``activated``.

    Example:
        >>> import imgaug2.parameters as iap
        >>> p = iap.Sigmoid(iap.Uniform(0, 1), threshold=0.5, mul=20, add=-10)
        >>> s = p.draw_samples(10, 0)
        >>> bool((s >= 0).all() and (s <= 1).all())
        True
    """

    def __init__(self, other_param: Any, threshold: Any, activated: Any = True,
                 mul: float = 1, add: float = 0) -> None:
        self.other_param = _handles.handle_continuous_param(other_param, "other_param")
        self.threshold = _handles.handle_continuous_param(threshold, "threshold")
        self.activated = _handles.handle_probability_param(activated, "activated")
        self.mul = _finite_number(mul, "mul")
        self.add = _finite_number(add, "add")

    @staticmethod
    def create_for_noise(other_param: Any, threshold: Any = (-10, 10),
                         activated: Any = True) -> "Sigmoid":
        """A sigmoid suited to noise in [0, 1] (``mul=20, add=-10``).

        Example:
            >>> import imgaug2.parameters as iap
            >>> p = iap.Sigmoid.create_for_noise(iap.SimplexNoise())
        """
        return Sigmoid(other_param, threshold, activated, mul=20, add=-10)

    def _draw_samples(self, size: tuple[int, ...], rng: np.random.Generator) -> np.ndarray:
        samples = np.asarray(self.other_param._draw_samples(size, rng))
        threshold = float(self.threshold._draw_sample(rng))
        activated = bool(self.activated._draw_sample(rng) > 0.5)
        if not activated:
            return samples
        x = samples.astype(np.float64) * self.mul + (self.add - threshold)
        return 0.5 + 0.5 * np.tanh(0.5 * x)

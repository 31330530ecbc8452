"""Shared helpers of the arithmetic augmenters (dtype sets, per-channel draws, seeds).

Randomness model of the family: ``_sample`` draws only the row's scalars (a
value per channel, a noise scale, a dropout probability, the per-channel
decision) plus ONE integer seed (:func:`new_seed`). Per-pixel
noise, masks and replacement values are expanded from that seed inside the
kernels (:mod:`imgaug2.kernels.arithmetic_noise`,
:mod:`imgaug2.kernels.arithmetic_dropout`). When a user hands in a parameter
whose per-pixel distribution has no primitive description (e.g.
``AddElementwise(iap.Choice([-5, 5]))``), ``_augment_image`` draws it with
``param.draw_samples(shape, random_state=noise_generator(seed))``: still a pure
function of the stored ``Params`` and the pipeline configuration.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.core.base import ALL_DTYPES
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.parameters import StochasticParameter

__all__ = [
    "ARITH_DTYPES",
    "MASK_DTYPES",
    "REPLACE_DTYPES",
    "FLOAT_LIMIT",
    "nb_channels",
    "draw_flag",
    "draw_channel_values",
    "finite",
    "new_seed",
    "describe_distribution",
    "handle_drop_probability",
    "draw_drop_p",
    "check_optional_number",
    "NOT_CONSTANT",
    "ShapeMemo",
]

#: Numeric dtypes whose values the arithmetic kernels compute exactly (float64 holds
#: every integer up to 32 bits; 64-bit integers are not supported).
ARITH_DTYPES = frozenset({"uint8", "uint16", "uint32", "int8", "int16", "int32",
                          "float16", "float32", "float64"})
#: Masking only moves bytes, so every dtype works.
MASK_DTYPES = ALL_DTYPES
#: Replacement values are computed, so 64-bit integers are excluded.
REPLACE_DTYPES = ARITH_DTYPES | {"bool"}
#: Sampled offsets, scales and factors are clamped to +-FLOAT_LIMIT so float32
#: noise stays finite.
FLOAT_LIMIT = 1e30


def nb_channels(shape: tuple) -> int:
    """Channels of an image shape ((H, W) counts as one)."""
    return int(shape[2]) if len(shape) == 3 else 1


def draw_flag(param: StochasticParameter, rng: np.random.Generator) -> bool:
    """One yes/no decision from a probability parameter (sample > 0.5)."""
    if type(param) is iap.Deterministic:
        # Constants draw nothing; skip the numpy scalar round trip (hot path).
        return bool(param.value > 0.5)
    return bool(param.draw_sample(random_state=rng) > 0.5)


def finite(value: Any, name: str, limit: float = FLOAT_LIMIT) -> float:
    """A drawn value as a float clamped to +-``limit``; NaN raises ``ValueError`` naming it."""
    v = float(value)
    if math.isnan(v):
        raise ValueError("%s: drew NaN" % name)
    return min(max(v, -limit), limit)


def draw_channel_values(param: StochasticParameter, per_channel: bool,
                        rng: np.random.Generator, shape: tuple, name: str) -> tuple[float, ...]:
    """One value for the row, or one per channel when ``per_channel`` (and C > 1)."""
    c = nb_channels(shape)
    if per_channel and c > 1:
        vals = param.draw_samples((c,), random_state=rng)
        return tuple(finite(v, name) for v in np.asarray(vals).reshape(-1))
    return (finite(param.draw_sample(random_state=rng), name),)


def new_seed(rng: np.random.Generator) -> int:
    """The row's noise seed in [0, 2**63): the top 63 bits of one raw 64-bit draw.

    One raw word instead of ``rng.integers(0, 2**63 - 1)``: a quarter of the
    cost, and the value does not depend on numpy's integer-sampling algorithm.
    The kernels expand it with ``imgaug2.kernels.noise.bulk_generator`` (noise images,
    masks) or ``noise_generator`` (draws of a user's parameter).
    """
    return int(rng.bit_generator.random_raw()) >> 1


def _const(param: Any) -> float | None:
    if isinstance(param, iap.Deterministic) and not isinstance(param.value, str):
        v = float(param.value)
        return v if math.isfinite(v) else None
    return None


def describe_distribution(param: StochasticParameter) -> tuple[str, float, float]:
    """Primitive description of a per-pixel distribution, or ``("param", 0, 0)``.

    ``("const", v, 0)``, ``("uniform", lo, hi)``, ``("normal", loc, scale)``,
    ``("laplace", loc, scale)`` when every nested parameter is a constant.
    """
    v = _const(param)
    if v is not None:
        return ("const", finite(v, "value"), 0.0)
    if isinstance(param, iap.Uniform):
        a, b = _const(param.a), _const(param.b)
        if a is not None and b is not None:
            lo, hi = min(a, b), max(a, b)
            return ("uniform", finite(lo, "value"), finite(hi, "value"))
    if isinstance(param, (iap.Normal, iap.Laplace)):
        loc, scale = _const(param.loc), _const(param.scale)
        if loc is not None and scale is not None and scale >= 0:
            kind = "normal" if isinstance(param, iap.Normal) else "laplace"
            return (kind, finite(loc, "loc"), finite(scale, "scale"))
    return ("param", 0.0, 0.0)


def handle_drop_probability(p: Any, name: str) -> tuple[str, StochasticParameter]:
    """imgaug's dropout probability: ``("drop", param)`` or ``("keep", param)``.

    A number, ``(a, b)`` tuple or list is the probability of DROPPING a cell
    (validated in [0, 1]); a stochastic parameter is, as in imgaug, the keep
    mask itself (1 keeps, 0 drops; ``iap.Binomial(0.9)`` keeps 90%).
    """
    if isinstance(p, StochasticParameter):
        return ("keep", p)
    if isinstance(p, (bool, np.bool_)):
        return ("drop", iap.Deterministic(float(bool(p))))
    return ("drop", iap.handle_continuous_param(p, name, value_range=(0.0, 1.0)))


def draw_drop_p(kind: str, param: StochasticParameter, rng: np.random.Generator,
                name: str) -> float | None:
    """The row's drop probability, or ``None`` when the keep mask must be drawn per cell."""
    if kind == "drop":
        return min(max(finite(param.draw_sample(random_state=rng), name, 1.0), 0.0), 1.0)
    if isinstance(param, iap.Binomial):
        keep = min(max(finite(param.p.draw_sample(random_state=rng), name, 1.0), 0.0), 1.0)
        return 1.0 - keep
    v = _const(param)
    if v is not None and v in (0.0, 1.0):
        return 1.0 - v
    return None


def check_optional_number(value: Any, name: str) -> float | None:
    """``None`` or a finite real number (bools refused)."""
    if value is None:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.integer,
                                                                      np.floating)):
        raise TypeError("%s: expected None or a number, got %r" % (name, value))
    v = float(value)
    if not math.isfinite(v):
        raise ValueError("%s: expected a finite number, got %r" % (name, value))
    return v



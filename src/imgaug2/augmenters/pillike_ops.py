"""PIL-like ``ImageOps`` augmenters: Solarize, Posterize, Equalize, Autocontrast.

Outputs are identical to ``PIL.ImageOps.solarize/posterize/equalize/autocontrast``
applied to the RGB (or gray) image; see :mod:`imgaug2.augmenters.pillike_common`
for the accepted layouts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.pillike_common import PillikeAugmenter, PillikeFixedAugmenter
from imgaug2.core.params import SKIPPED, Params
from imgaug2.core.registry import register
from imgaug2.kernels.pillike import autocontrast, equalize, posterize, solarize

__all__ = ["Solarize", "Posterize", "Equalize", "Autocontrast", "PillikeSolarizeParams",
           "PillikePosterizeParams", "PillikeAutocontrastParams"]


def _finite(value: Any, name: str) -> float:
    value = float(value)
    if not np.isfinite(value):
        raise ValueError("%s: the parameter produced a non-finite value %r" % (name, value))
    return value


def _clipped_int(value: Any, name: str, lo: int, hi: int) -> int:
    """A drawn value as an int clipped to ``[lo, hi]`` (``ValueError`` naming it if not finite)."""
    return int(min(max(int(_finite(value, name)), lo), hi))


@dataclass(frozen=True, slots=True, kw_only=True)
class PillikeSolarizeParams(Params):
    """Values ``>= threshold`` are inverted."""

    threshold: float = 128.0


@register("pillike.Solarize")
class Solarize(PillikeAugmenter):
    """Invert every channel value at or above a threshold, like ``PIL.ImageOps.solarize``.

    Per row: whether to apply (``p``), then the threshold. Values below the
    threshold stay, the others become ``255 - v``.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        p: Probability of solarizing a row (number in [0, 1] or parameter).
        threshold: Threshold: number, ``(a, b)`` (uniform), list or parameter.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.Solarize(0.5, threshold=(32, 128))
    """

    def __init__(self, p: Any = 1.0, threshold: Any = 128, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")
        self.threshold = iap.handle_continuous_param(threshold, "threshold",
                                                     value_range=(-1e6, 1e6))

    def _draw(self, rng: np.random.Generator, shape: tuple) -> Params:
        if not self.p.draw_sample(random_state=rng):
            return SKIPPED
        threshold = _finite(self.threshold.draw_sample(random_state=rng), "threshold")
        return PillikeSolarizeParams(applied=threshold <= 255, threshold=threshold)

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        return solarize(image, params.threshold)  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True, kw_only=True)
class PillikePosterizeParams(Params):
    """Number of most significant bits kept per channel value (1-8)."""

    bits: int = 8


@register("pillike.Posterize")
class Posterize(PillikeAugmenter):
    """Keep the ``nb_bits`` most significant bits of each value, like ``PIL.ImageOps.posterize``.

    One bit count is drawn per row (drawn values are clipped to [1, 8]).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        nb_bits: Bits to keep in [1, 8]: int, ``(a, b)`` (uniform integers,
            both ends included), list or parameter.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.Posterize((2, 6))
    """

    def __init__(self, nb_bits: Any = (1, 8), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.nb_bits = iap.handle_discrete_param(nb_bits, "nb_bits", value_range=(1, 8),
                                                 allow_floats=False)

    def _draw(self, rng: np.random.Generator, shape: tuple) -> Params:
        bits = _clipped_int(self.nb_bits.draw_sample(random_state=rng), "nb_bits", 1, 8)
        return PillikePosterizeParams(applied=bits < 8, bits=bits)

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        return posterize(image, params.bits)  # type: ignore[attr-defined]


@register("pillike.Equalize")
class Equalize(PillikeFixedAugmenter):
    """Equalize each channel's histogram, like ``PIL.ImageOps.equalize``.

    Deterministic: draws nothing.

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.Equalize()
    """

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        return equalize(image)


@dataclass(frozen=True, slots=True, kw_only=True)
class PillikeAutocontrastParams(Params):
    """Cutoff percentage per colour channel (one entry: all channels)."""

    cutoffs: tuple = (0,)


@register("pillike.Autocontrast")
class Autocontrast(PillikeAugmenter):
    """Stretch each channel to [0, 255] after cutting its extremes (``ImageOps.autocontrast``).

    ``cutoff`` percent of the pixels are removed from the dark end and from the
    bright end of each channel's histogram before the remaining range is
    stretched. Per row: the ``per_channel`` decision, then one cutoff (or one per
    colour channel).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        cutoff: Percentage cut off at each end, in [0, 49]: int, ``(a, b)``
            (uniform integers), list or parameter.
        per_channel: Draw a cutoff per colour channel: bool or probability.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.Autocontrast((10, 20), per_channel=True)
    """

    def __init__(self, cutoff: Any = (0, 20), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.cutoff = iap.handle_discrete_param(cutoff, "cutoff", value_range=(0, 49),
                                                allow_floats=False)
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _draw(self, rng: np.random.Generator, shape: tuple) -> Params:
        channels = 1
        if len(shape) == 3 and shape[2] in (3, 4):
            channels = 3
        if channels > 1 and self.per_channel.draw_sample(random_state=rng):
            values = self.cutoff.draw_samples((channels,), random_state=rng)
        else:
            values = [self.cutoff.draw_sample(random_state=rng)]
        cutoffs = tuple(_clipped_int(v, "cutoff", 0, 49) for v in values)
        return PillikeAutocontrastParams(cutoffs=cutoffs)

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        cutoffs = params.cutoffs  # type: ignore[attr-defined]
        return autocontrast(image, tuple((c, c) for c in cutoffs))

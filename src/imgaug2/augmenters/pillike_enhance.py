"""PIL-like ``ImageEnhance`` augmenters: colour, contrast, brightness and sharpness.

Each blends the image with a degenerate version of itself exactly as Pillow
does (float32, truncated): ``factor = 0`` gives the degenerate image, ``1``
the input, larger values extrapolate. Degenerates: the luma image (colour),
the rounded mean luma (contrast), black (brightness) and the SMOOTH-filtered
image (sharpness). A 4th channel is alpha and is kept unchanged.

EnhanceColor by default takes its luma image from OpenCV, which can differ from
Pillow's by 1 on a few pixels; ``exact=True`` makes it bit-identical.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.blur import check_bool
from imgaug2.augmenters.pillike_common import PillikeAugmenter
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.pillike import (enhance_brightness, enhance_color, enhance_contrast,
                                     enhance_sharpness)

__all__ = ["EnhanceColor", "EnhanceContrast", "EnhanceBrightness", "EnhanceSharpness",
           "PillikeEnhanceParams"]

# Far beyond any useful factor; keeps the float32 arithmetic finite.
_MAX_FACTOR = 1e6


@dataclass(frozen=True, slots=True, kw_only=True)
class PillikeEnhanceParams(Params):
    """Blend factor (1.0 leaves the image unchanged)."""

    factor: float = 1.0


class _Enhance(ShapeMemo, PillikeAugmenter):
    _kernel: Callable[[np.ndarray, float], np.ndarray]

    def __init__(self, factor: Any, seed: Any, name: str | None, random_state: Any,
                 deterministic: Any) -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.factor = iap.handle_continuous_param(factor, "factor",
                                                  value_range=(0.0, _MAX_FACTOR))

    # PillikeAugmenter._sample checks the layout, then draws through the memo.
    _sample = PillikeAugmenter._sample
    _draw = ShapeMemo._sample

    def _constant_params(self, shape: tuple) -> Params:
        if type(self.factor) is iap.Deterministic:
            return self._sample_shape(None, shape)  # type: ignore[arg-type]
        return NOT_CONSTANT

    def _sample_shape(self, rng: np.random.Generator, shape: tuple) -> Params:
        factor = float(self.factor.draw_sample(random_state=rng))
        if not np.isfinite(factor):
            raise ValueError("factor: the parameter produced a non-finite value %r" % factor)
        factor = min(max(factor, 0.0), _MAX_FACTOR)
        return PillikeEnhanceParams(applied=factor != 1.0, factor=factor)

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        return type(self)._kernel(image, params.factor)  # type: ignore[attr-defined]


@register("pillike.EnhanceColor")
class EnhanceColor(_Enhance):
    """Change colour saturation, like ``PIL.ImageEnhance.Color``.

    ``0`` gives the luma image (in all three channels), ``1`` the input; gray
    images are unchanged. One factor is drawn per row.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        factor: Colourfulness, >= 0 (sane values are roughly 0-3): number,
            ``(a, b)`` (uniform), list or parameter.
        exact: Compute the luma image with Pillow's integer weights, for a
            bit-identical result (about 1.4x slower). The default takes it from
            OpenCV's RGB to gray conversion, whose fixed-point weights differ
            slightly from Pillow's (by 1/65536 in OpenCV 5): the luma is then
            off by 1 on a few pixels (0.06% of a photo's with OpenCV 5), which
            moves the blend there by ``|1 - factor|``.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.EnhanceColor((0.0, 3.0))
    """

    _kernel = staticmethod(enhance_color)

    def __init__(self, factor: Any = (0.0, 3.0), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated", *,
                 exact: bool = False) -> None:
        super().__init__(factor, seed, name, random_state, deterministic)
        self.exact = check_bool(exact, "exact")

    def _pil(self, image: np.ndarray, params: Params) -> np.ndarray:
        return enhance_color(image, params.factor, self.exact)  # type: ignore[attr-defined]


@register("pillike.EnhanceContrast")
class EnhanceContrast(_Enhance):
    """Change contrast, like ``PIL.ImageEnhance.Contrast``.

    Blends with a constant image of the rounded mean luma. One factor per row.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        factor: Contrast, >= 0 (sane values are roughly 0.5-1.5): number,
            ``(a, b)`` (uniform), list or parameter.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.EnhanceContrast((0.5, 1.5))
    """

    _kernel = staticmethod(enhance_contrast)

    def __init__(self, factor: Any = (0.5, 1.5), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(factor, seed, name, random_state, deterministic)


@register("pillike.EnhanceBrightness")
class EnhanceBrightness(_Enhance):
    """Change brightness, like ``PIL.ImageEnhance.Brightness`` (blend with black).

    One factor per row.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        factor: Brightness, >= 0 (sane values are roughly 0.5-1.5): number,
            ``(a, b)`` (uniform), list or parameter.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.EnhanceBrightness((0.5, 1.5))
    """

    _kernel = staticmethod(enhance_brightness)

    def __init__(self, factor: Any = (0.5, 1.5), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(factor, seed, name, random_state, deterministic)


@register("pillike.EnhanceSharpness")
class EnhanceSharpness(_Enhance):
    """Change sharpness, like ``PIL.ImageEnhance.Sharpness``.

    Blends with the SMOOTH-filtered image (whose one-pixel border equals the
    input): below 1 blurs, above 1 sharpens. One factor per row.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        factor: Sharpness, >= 0 (sane values are roughly 0-2): number,
            ``(a, b)`` (uniform), list or parameter.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.pillike.EnhanceSharpness((0.0, 2.0))
    """

    _kernel = staticmethod(enhance_sharpness)

    def __init__(self, factor: Any = (0.0, 2.0), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(factor, seed, name, random_state, deterministic)

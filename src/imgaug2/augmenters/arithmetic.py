"""Arithmetic pixel augmenters (imgaug's ``arithmetic`` module).

This module holds the per-image scalar augmenters (Add, Multiply, Invert,
Solarize, ContrastNormalization, JpegCompression) and re-exports the rest of
the family:

* :mod:`imgaug2.augmenters.arithmetic_noise`: AddElementwise,
  AdditiveGaussianNoise, AdditiveLaplaceNoise, AdditivePoissonNoise,
  MultiplyElementwise;
* :mod:`imgaug2.augmenters.arithmetic_dropout`: Dropout, CoarseDropout,
  Dropout2d, TotalDropout, Cutout;
* :mod:`imgaug2.augmenters.arithmetic_replace`: ReplaceElementwise,
  SaltAndPepper, ImpulseNoise, CoarseSaltAndPepper, Salt, CoarseSalt, Pepper,
  CoarsePepper.

All of them are pixel augmenters: heatmaps, segmentation maps and coordinates
pass through unchanged (except TotalDropout/Dropout2d, which clear them when
the whole image is dropped, as in imgaug). Value conventions: integers are
rounded half to even and clipped to their dtype, floats are clipped to their
finite range only, so finite inputs give finite outputs. Per-pixel randomness
comes from one seed per row (see :mod:`imgaug2.augmenters.arithmetic_base`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.arithmetic_base import (ARITH_DTYPES, NOT_CONSTANT, ShapeMemo,
                                                check_optional_number, draw_channel_values,
                                                draw_flag, finite, nb_channels)
from imgaug2.augmenters.arithmetic_dropout import (CoarseDropout, CoarseDropoutParams, Cutout,
                                                   CutoutParams, Dropout, Dropout2d,
                                                   Dropout2dParams, DropoutParams, TotalDropout)
from imgaug2.augmenters.arithmetic_noise import (AddElementwise, AdditiveGaussianNoise,
                                                 AdditiveLaplaceNoise, AdditivePoissonNoise,
                                                 MultiplyElementwise, NoiseParams)
from imgaug2.augmenters.arithmetic_replace import (CoarsePepper, CoarseSalt, CoarseSaltAndPepper,
                                                   ImpulseNoise, Pepper, ReplaceElementwise,
                                                   ReplaceParams, Salt, SaltAndPepper)
from imgaug2.core.base import Augmenter, warn_deprecated
from imgaug2.core.params import SKIPPED, Params
from imgaug2.core.registry import register
from imgaug2.kernels.arithmetic import (add_scalar, invert, jpeg_roundtrip, linear_contrast,
                                        multiply_scalar)

__all__ = [
    "Add", "AddElementwise", "AdditiveGaussianNoise", "AdditiveLaplaceNoise",
    "AdditivePoissonNoise", "Multiply", "MultiplyElementwise", "Cutout", "Dropout",
    "CoarseDropout", "Dropout2d", "TotalDropout", "ReplaceElementwise", "SaltAndPepper",
    "ImpulseNoise", "CoarseSaltAndPepper", "Salt", "CoarseSalt", "Pepper", "CoarsePepper",
    "Invert", "Solarize", "ContrastNormalization", "JpegCompression",
    "AddParams", "MultiplyParams", "InvertParams", "ContrastNormalizationParams",
    "JpegCompressionParams", "NoiseParams", "DropoutParams", "CoarseDropoutParams",
    "Dropout2dParams", "CutoutParams", "ReplaceParams",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class AddParams(Params):
    """Offsets: one for every channel, or one per channel."""

    values: tuple = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MultiplyParams(Params):
    """Factors: one for every channel, or one per channel."""

    factors: tuple = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ContrastNormalizationParams(Params):
    """Contrast factors: one for every channel, or one per channel."""

    alphas: tuple = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class InvertParams(Params):
    """Which channels are inverted (one flag or one per channel) and how."""

    channels: tuple = ()
    min_value: float | None = None
    max_value: float | None = None
    threshold: float | None = None
    above: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class JpegCompressionParams(Params):
    """JPEG quality (1-100) used for the row."""

    quality: int = 100


class _ChannelValues(Augmenter):
    """Shared sampling of Add/Multiply/ContrastNormalization: per_channel, then the value(s)."""

    supported_dtypes = ARITH_DTYPES
    _argname = "value"
    _limit: float | None = None

    def _init_values(self, value: Any, per_channel: Any) -> None:
        lim = self._limit
        setattr(self, self._argname, iap.handle_continuous_param(
            value, self._argname, value_range=None if lim is None else (-lim, lim)))
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _draw(self, rng: np.random.Generator, shape: tuple) -> tuple[float, ...]:
        per_channel = draw_flag(self.per_channel, rng)
        values = draw_channel_values(getattr(self, self._argname), per_channel, rng, shape,
                                     self._argname)
        lim = self._limit
        if lim is not None:
            values = tuple(min(max(v, -lim), lim) for v in values)
        return values


@register("Add")
class Add(_ChannelValues):
    """Add a value to every pixel (one value per image, or per channel).

    Supported dtypes: uint8, uint16, uint32, int8, int16, int32, float16,
    float32, float64 (integers rounded half to even and clipped; floats clipped
    to their finite range). uint8 runs through one ``cv2.LUT`` table per channel.

    Args:
        value: Offset: number, ``(a, b)`` (uniform per image), list (choice) or
            a parameter.
        per_channel: Draw one offset per channel: bool or the probability of
            doing so per image.

    Sampling order per row: the per-channel decision, then the offset(s).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Add((-40, 40), per_channel=0.5)
    """

    def __init__(self, value: Any = (-20, 20), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_values(value, per_channel)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        return AddParams(values=self._draw(rng, shape))

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return add_scalar(image, params.values)  # type: ignore[attr-defined]


@register("Multiply")
class Multiply(_ChannelValues):
    """Multiply every pixel by a factor (one per image, or per channel).

    Supported dtypes: uint8, uint16, uint32, int8, int16, int32, float16,
    float32, float64 (integers rounded half to even and clipped; floats clipped
    to their finite range).

    Args:
        mul: Factor: number, ``(a, b)`` (uniform per image), list or parameter.
        per_channel: Draw one factor per channel: bool or probability.

    Sampling order per row: the per-channel decision, then the factor(s).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Multiply((0.5, 1.5), per_channel=0.5)
    """

    _argname = "mul"

    def __init__(self, mul: Any = (0.8, 1.2), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_values(mul, per_channel)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        return MultiplyParams(factors=self._draw(rng, shape))

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return multiply_scalar(image, params.factors)  # type: ignore[attr-defined]


@register("ContrastNormalization")
class ContrastNormalization(_ChannelValues):
    """Deprecated: scale the distance to the value-range centre (use ``LinearContrast``).

    ``v -> center + alpha * (v - center)`` with the centre 128 for uint8, the
    middle of the integer range for other integers (32768 for uint16, 0 for
    int16) and 0.5 for floats. Emits a ``DeprecationWarning`` when built.

    Supported dtypes: uint8, uint16, uint32, int8, int16, int32, float16,
    float32, float64.

    Args:
        alpha: Contrast factor in [-1000, 1000] (as ``LinearContrast``; draws
            are clipped into it): number, ``(a, b)``, list or parameter.
        per_channel: One factor per channel: bool or probability.

    Example:
        >>> import warnings
        >>> import imgaug2.augmenters as iaa
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore", DeprecationWarning)
        ...     aug = iaa.ContrastNormalization((0.5, 1.5))
    """

    _argname = "alpha"
    _limit = 1000.0

    def __init__(self, alpha: Any = 1.0, per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        warn_deprecated("ContrastNormalization", "LinearContrast")
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_values(alpha, per_channel)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        return ContrastNormalizationParams(alphas=self._draw(rng, shape))

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return linear_contrast(image, params.alphas)  # type: ignore[attr-defined]


@register("Invert")
class Invert(ShapeMemo, Augmenter):
    """Invert pixel values: ``v -> min_value + max_value - v`` (``255 - v`` for uint8).

    Supported dtypes: bool (negated), uint8, uint16, uint32, int8, int16,
    int32, float16, float32, float64. The default range is the integer dtype's
    range and [0, 1] for floats.

    Args:
        p: Probability of inverting an image (or a channel, see ``per_channel``).
        per_channel: Decide per channel: bool or probability.
        min_value: Lower end of the value range (None: dtype default).
        max_value: Upper end of the value range (None: dtype default).
        threshold: None (invert all values), or only values on one side of it:
            number, ``(a, b)``, list or parameter (drawn per image).
        invert_above_threshold: Invert values ``>= threshold`` (else those
            ``< threshold``): bool or probability, drawn per image.

    Sampling order per row: the per-channel decision, ``p`` (per channel or
    once), then the threshold and the side (when a threshold is set).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Invert(0.25, per_channel=0.5)
    """

    supported_dtypes = ARITH_DTYPES | {"bool"}

    def __init__(self, p: Any = 1, per_channel: Any = False, min_value: Any = None,
                 max_value: Any = None, threshold: Any = None,
                 invert_above_threshold: Any = 0.5, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.p = iap.handle_probability_param(p, "p")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        self.min_value = check_optional_number(min_value, "min_value")
        self.max_value = check_optional_number(max_value, "max_value")
        if self.min_value is not None and self.max_value is not None \
                and self.min_value > self.max_value:
            raise ValueError("min_value: expected min_value <= max_value, got %r > %r"
                             % (min_value, max_value))
        self.threshold = None if threshold is None else iap.handle_continuous_param(
            threshold, "threshold")
        self.invert_above_threshold = iap.handle_probability_param(
            invert_above_threshold, "invert_above_threshold")

    def _sample_shape(self, rng: np.random.Generator, shape: tuple) -> Params:
        per_channel = self.per_channel
        c = nb_channels(shape)
        if draw_flag(per_channel, rng) and c > 1:
            flags = tuple(bool(v > 0.5) for v in
                          np.asarray(self.p.draw_samples((c,), random_state=rng)).reshape(-1))
        else:
            flags = (draw_flag(self.p, rng),)
        if not any(flags):
            return SKIPPED
        threshold = None
        above = True
        if self.threshold is not None:
            threshold = finite(self.threshold.draw_sample(random_state=rng), "threshold")
            above = draw_flag(self.invert_above_threshold, rng)
        return InvertParams(channels=flags, min_value=self.min_value, max_value=self.max_value,
                            threshold=threshold, above=above)

    def _constant_params(self, shape: tuple) -> Params:
        p, per_channel, threshold = self.p, self.per_channel, self.threshold
        above = self.invert_above_threshold
        if not (type(p) is _DET and type(per_channel) is _DET and (
                threshold is None or (type(threshold) is _DET and type(above) is _DET))):
            return NOT_CONSTANT
        # Nothing is drawn: the same Params as the general path of _sample, built once.
        if not p.value > 0.5:
            return SKIPPED
        nb = 1
        if per_channel.value > 0.5 and len(shape) == 3 and shape[2] > 1:
            nb = int(shape[2])
        thr, side = None, True
        if threshold is not None:
            thr = finite(threshold.value, "threshold")
            side = bool(above.value > 0.5)
        elif nb == 1 and self.min_value is None and self.max_value is None:
            return _PLAIN_INVERT
        return InvertParams(channels=(True,) * nb, min_value=self.min_value,
                            max_value=self.max_value, threshold=thr, above=side)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        if params is _PLAIN_INVERT and image.dtype is _UINT8:
            # Hot path of the default configuration: one SIMD pass, nothing else to decide
            # (numpy's SIMD loop measures a little faster than cv2.bitwise_not here).
            return np.invert(image, order="C")
        p: InvertParams = params  # type: ignore[assignment]
        return invert(image, p.channels, p.min_value, p.max_value, p.threshold, p.above)


_DET = iap.Deterministic
_UINT8 = np.dtype(np.uint8)
#: Invert every value of the whole image over the dtype's default range.
_PLAIN_INVERT = InvertParams(channels=(True,))


@register("Solarize")
class Solarize(Invert):
    """Invert values above a threshold (``Invert`` with ``threshold=128`` by default).

    Supported dtypes: as :class:`Invert` (the threshold is in the image's own
    units: 128 leaves [0, 1] float images untouched).

    Args:
        p: Probability of solarizing an image (or channel).
        per_channel: Decide per channel: bool or probability.
        min_value: Lower end of the value range (None: dtype default).
        max_value: Upper end of the value range (None: dtype default).
        threshold: Values on the chosen side of it are inverted.
        invert_above_threshold: Invert values ``>= threshold`` (bool or probability).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Solarize(0.5, threshold=(32, 128))
    """

    def __init__(self, p: Any = 1, per_channel: Any = False, min_value: Any = None,
                 max_value: Any = None, threshold: Any = 128,
                 invert_above_threshold: Any = True, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(p=p, per_channel=per_channel, min_value=min_value,
                         max_value=max_value, threshold=threshold,
                         invert_above_threshold=invert_above_threshold, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


@register("JpegCompression")
class JpegCompression(Augmenter):
    """Degrade images by a JPEG encode/decode round trip (OpenCV, libjpeg).

    The quality is ``clip(round(100 - compression), 1, 100)``. RGB images are
    encoded as colour, (H,W)/(H,W,1) as grayscale; other channel counts encode
    the first three channels as colour and every further one as grayscale.

    Supported dtypes: uint8 only (JPEG holds 8-bit samples).

    Args:
        compression: Strength in [0, 100] (higher: stronger artifacts):
            number, ``(a, b)`` (uniform per image), list or parameter.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.JpegCompression(compression=(70, 99))
    """

    supported_dtypes = frozenset({"uint8"})

    def __init__(self, compression: Any = (0, 100), seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.compression = iap.handle_continuous_param(compression, "compression",
                                                       value_range=(0, 100))

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        comp = finite(self.compression.draw_sample(random_state=rng), "compression", 100.0)
        quality = int(min(max(round(100.0 - comp), 1), 100))
        return JpegCompressionParams(quality=quality)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return jpeg_roundtrip(image, params.quality)  # type: ignore[attr-defined]

"""Edge augmenters: Canny, and the colouriser that paints its edge maps.

``Canny`` finds edges with ``cv2.Canny``, paints edge and non-edge pixels
in two colours drawn per row, and blends that image over the original.

Example:
    >>> import imgaug2.augmenters as iaa
    >>> aug = iaa.Canny(alpha=(0.0, 0.5))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.blur import draw_float, draw_int
from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import Configurable, build_from_args, encode_value, register
from imgaug2.kernels.edges import canny_image, color_channels
from imgaug2.parameters import StochasticParameter

__all__ = ["Canny", "CannyParams", "RandomColorsBinaryImageColorizer"]


@register("RandomColorsBinaryImageColorizer")
class RandomColorsBinaryImageColorizer(Configurable):
    """Paints binary images in two colours drawn at random (one value per channel).

    Used by :class:`Canny`. Serialisable like a stochastic parameter
    (registered under its class name).

    Args:
        color_true: Value(s) for ``True`` pixels in [0, 255]: int, ``(a, b)``
            (uniform ints), list or parameter; drawn once per channel.
        color_false: Same for ``False`` pixels.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> colorizer = iaa.RandomColorsBinaryImageColorizer(color_true=255, color_false=0)
        >>> aug = iaa.Canny(colorizer=colorizer)
    """

    _registry_kind = "parameter"

    def __init__(self, color_true: Any = (0, 255), color_false: Any = (0, 255)) -> None:
        self.color_true = iap.handle_discrete_param(color_true, "color_true", value_range=(0, 255),
                                                    allow_floats=False)
        self.color_false = iap.handle_discrete_param(color_false, "color_false",
                                                     value_range=(0, 255), allow_floats=False)

    def draw_colors(self, random_state: Any, nb_channels: int) -> tuple[tuple, tuple]:
        """``(color_true, color_false)``, each a tuple of ``nb_channels`` ints in [0, 255]."""
        true = tuple(draw_int(self.color_true, random_state, "color_true", 0, 255)
                     for _ in range(nb_channels))
        false = tuple(draw_int(self.color_false, random_state, "color_false", 0, 255)
                      for _ in range(nb_channels))
        return true, false

    def colorize(self, image_binary: np.ndarray, image_original: np.ndarray, nth_image: int = 0,
                 random_state: Any = None) -> np.ndarray:
        """Colour a ``(H,W)`` bool image like ``image_original`` (uint8, same channels)."""
        if image_binary.ndim != 2:
            raise ValueError("image_binary must be 2-D, got shape %s" % (image_binary.shape,))
        n = color_channels(image_original.shape)
        true, false = self.draw_colors(random_state, n)
        out = np.where(image_binary[:, :, np.newaxis].astype(bool),
                       np.asarray(true, dtype=np.uint8), np.asarray(false, dtype=np.uint8))
        if image_original.ndim == 2:
            return np.ascontiguousarray(out[:, :, 0])
        if image_original.shape[2] == 4:
            out = np.concatenate([out, image_original[:, :, 3:4].astype(np.uint8)], axis=2)
        return out

    def to_dict(self) -> dict[str, Any]:
        args = {k: encode_value(v, "colorizer.%s" % k) for k, v in self.get_config().items()}
        return {"__parameter__": type(self)._registry_name, "version": type(self)._registry_version,
                "args": args}

    @classmethod
    def from_dict(cls, data: dict, where: str = "colorizer") -> RandomColorsBinaryImageColorizer:
        if not isinstance(data, dict):
            # Loading reports malformed documents as ValueError (registry contract).
            raise ValueError("%s: expected a mapping" % where)  # noqa: TRY004
        return build_from_args(cls, data, where)

    def __repr__(self) -> str:
        return "RandomColorsBinaryImageColorizer(color_true=%r, color_false=%r)" % (
            self.color_true, self.color_false)


@dataclass(frozen=True, slots=True, kw_only=True)
class CannyParams(Params):
    """Everything one Canny row needs: blend, thresholds, aperture and colours."""

    alpha: float = 0.0
    threshold_low: float = 0.0
    threshold_high: float = 0.0
    sobel_kernel_size: int = 3
    color_true: tuple = ()
    color_false: tuple = ()


def _is_sub_spec(value: Any) -> bool:
    return isinstance(value, (tuple, list, StochasticParameter))


@register("Canny")
class Canny(Augmenter):
    """Paint Canny edges in random colours and blend them over the image.

    Per row: ``cv2.Canny`` (L2 gradient norm) with the drawn hysteresis
    thresholds and Sobel aperture gives a binary edge map; the colouriser
    turns it into an image (edge / non-edge colour per channel); that image
    is blended over the original, ``alpha * edges + (1 - alpha) * image``
    (``cv2.addWeighted``, rounded).

    Channels: 3 (edges from the strongest channel gradient) and 1 (or a 2-D
    image) directly; with 4 channels, channels 0-2 are used and channel 3
    (alpha) is copied unchanged. 2 or 5+ channels raise ValueError naming
    ``image``.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        alpha: Opacity of the edge image in [0, 1]. Drawn first.
        hysteresis_thresholds: Lower and upper Canny thresholds (>= 0): a
            number, ``(a, b)``, list or parameter from which both are drawn
            (sorted afterwards); or a pair ``(low_spec, high_spec)`` of which
            at least one is a tuple, list or parameter (as in the default),
            drawn separately and swapped if low > high.
            Drawn second (low, then high).
        sobel_kernel_size: Sobel aperture in [0, 7]: int, ``(a, b)``, list or
            parameter; even draws are rounded down (4 -> 3, 6 -> 5) and a
            draw of 2 or less leaves the row unchanged. Drawn third.
        colorizer: ``None`` (edge and non-edge colours uniform in [0, 255] per
            channel) or a :class:`RandomColorsBinaryImageColorizer`. Colours are
            drawn last (edge colour per channel, then non-edge colour).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Canny(alpha=(0.0, 0.5), sobel_kernel_size=[3, 7])
    """

    supported_dtypes = frozenset({"uint8"})

    def __init__(self, alpha: Any = (0.0, 1.0),
                 hysteresis_thresholds: Any = ((100 - 40, 100 + 40), (200 - 40, 200 + 40)),
                 sobel_kernel_size: Any = (3, 7), colorizer: Any = None, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(0.0, 1.0))
        ht = hysteresis_thresholds
        if isinstance(ht, tuple) and len(ht) == 2 and (_is_sub_spec(ht[0]) or _is_sub_spec(ht[1])):
            self.threshold_low = iap.handle_continuous_param(
                ht[0], "hysteresis_thresholds[0]", value_range=(0.0, None))
            self.threshold_high: StochasticParameter | None = iap.handle_continuous_param(
                ht[1], "hysteresis_thresholds[1]", value_range=(0.0, None))
        else:
            self.threshold_low = iap.handle_continuous_param(
                ht, "hysteresis_thresholds", value_range=(0.0, None))
            self.threshold_high = None
        self.sobel_kernel_size = iap.handle_discrete_param(
            sobel_kernel_size, "sobel_kernel_size", value_range=(0, 7), allow_floats=False)
        if colorizer is None:
            colorizer = RandomColorsBinaryImageColorizer()
        elif not isinstance(colorizer, RandomColorsBinaryImageColorizer):
            raise TypeError("colorizer must be None or a RandomColorsBinaryImageColorizer, got %s"
                            % type(colorizer).__name__)
        self.colorizer = colorizer

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        alpha = draw_float(self.alpha, rng, "alpha", 0.0, 1.0)
        if self.threshold_high is None:
            a = draw_float(self.threshold_low, rng, "hysteresis_thresholds", 0.0, 1e12)
            b = draw_float(self.threshold_low, rng, "hysteresis_thresholds", 0.0, 1e12)
        else:
            a = draw_float(self.threshold_low, rng, "hysteresis_thresholds[0]", 0.0, 1e12)
            b = draw_float(self.threshold_high, rng, "hysteresis_thresholds[1]", 0.0, 1e12)
        low, high = (a, b) if a <= b else (b, a)
        k = draw_int(self.sobel_kernel_size, rng, "sobel_kernel_size", 0, 7)
        if k % 2 == 0:
            k -= 1
        n = color_channels(shape) if len(shape) >= 2 else 0
        true, false = self.colorizer.draw_colors(rng, n)
        return CannyParams(applied=alpha > 0.0 and k >= 3, alpha=alpha, threshold_low=low,
                           threshold_high=high, sobel_kernel_size=k, color_true=true,
                           color_false=false)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        if image.ndim == 3 and image.shape[2] not in (1, 3, 4) and image.size:
            raise ValueError("image must have 1, 3 or 4 channels for Canny, got %d"
                             % image.shape[2])
        p: CannyParams = params  # type: ignore[assignment]
        return canny_image(image, p.alpha, p.threshold_low, p.threshold_high,
                           p.sobel_kernel_size, p.color_true, p.color_false)

"""Contrast augmenters: intensity curves, CLAHE and histogram equalisation.

The curve augmenters (gamma, sigmoid, log, linear) map uint8 images through a
256-entry ``cv2.LUT`` table per channel; other dtypes are computed in float64
(integers normalised over their dtype's full range, floats treated as
intensities on ``[0, 1]``; see :mod:`imgaug2.kernels.contrast`). Values drawn
from a stochastic parameter outside an argument's valid range are clipped into
it, so a parameter can never produce a crash.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.color_common import CSPACE_RGB, CSPACE_Lab, check_colorspace
from imgaug2.core.base import Augmenter
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.color import BRIGHTNESS_CHANNEL, convert_colorspace
from imgaug2.kernels.contrast import (
    CURVE_DTYPES,
    apply_lut,
    clahe_channel,
    clahe_image,
    equalize_hist_image,
    gamma_contrast,
    gamma_table,
    linear_contrast,
    linear_table,
    log_contrast,
    log_table,
    sigmoid_contrast,
    sigmoid_table,
)

__all__ = [
    "GammaContrast", "SigmoidContrast", "LogContrast", "LinearContrast", "AllChannelsCLAHE",
    "CLAHE", "AllChannelsHistogramEqualization", "HistogramEqualization",
    "adjust_contrast_gamma", "adjust_contrast_sigmoid",
    "adjust_contrast_log", "adjust_contrast_linear", "ContrastCurveParams", "CLAHEParams",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class ContrastCurveParams(Params):
    """Curve arguments: one tuple per channel, or a single tuple for all channels.

    ``values[c]`` is ``(gamma,)``, ``(gain, cutoff)``, ``(gain,)`` or ``(alpha,)``.
    """

    values: tuple = ()


class _ContrastCurve(Augmenter):
    """Shared sampling and application of the curve augmenters.

    Sampling: ``per_channel`` first, then each curve argument (one value, or
    one per channel). uint8 rows with one set of values go straight through
    ``cv2.LUT`` with the cached table; everything else uses the general kernel.
    """

    supported_dtypes = CURVE_DTYPES
    #: Curve arguments that leave images unchanged (rows with them are skipped).
    _identity: tuple | None = None
    _table = staticmethod(gamma_table)
    _kernel = staticmethod(gamma_contrast)

    def __init__(self, per_channel: Any, seed: Any, name: str | None, random_state: Any,
                 deterministic: Any) -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        self._constant: ContrastCurveParams | None = None

    def _arguments(self) -> list[tuple[iap.StochasticParameter, float, float]]:
        """(parameter, lowest valid value, highest valid value) per curve argument."""
        raise NotImplementedError

    def _precompute(self) -> None:
        """Constant arguments without per_channel: every row gets the same Params."""
        pc = self.per_channel
        if isinstance(pc, iap.Deterministic) and float(pc.value) <= 0.5 and all(
                isinstance(param, iap.Deterministic) for param, _, _ in self._arguments()):
            self._constant = self._draw(None, 1)

    def _draw(self, rng: Any, n: int) -> ContrastCurveParams:
        columns = []
        for param, lo, hi in self._arguments():
            if n == 1:
                drawn = [float(param.draw_sample(random_state=rng))]
            else:
                drawn = [float(v) for v in param.draw_samples((n,), random_state=rng)]
            columns.append([lo if math.isnan(v) else min(max(v, lo), hi) for v in drawn])
        values = tuple(zip(*columns))
        return ContrastCurveParams(applied=any(v != self._identity for v in values),
                                   values=values)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        if self._constant is not None:
            return self._constant
        nb = shape[2] if len(shape) == 3 else 1
        per_channel = float(self.per_channel.draw_sample(random_state=rng)) > 0.5
        return self._draw(rng, nb if per_channel and nb > 1 else 1)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        values = params.values  # type: ignore[attr-defined]
        if len(values) == 1 and image.dtype == np.uint8:
            return apply_lut(image, self._table(*values[0]))
        return self._kernel(image, *zip(*values))


@register("GammaContrast")
class GammaContrast(_ContrastCurve):
    """Adjust contrast with a gamma curve: ``255 * (x / 255) ** gamma`` for uint8.

    ``gamma < 1`` brightens, ``gamma > 1`` darkens. Samples per row:
    ``per_channel``, then one ``gamma`` (or one per channel).

    Supported dtypes: uint8 (LUT), uint16, uint32, int8, int16, int32, float16,
    float32, float64 (float64 math; floats are intensities in ``[0, 1]``).

    Args:
        gamma: Exponent ``> 0``: number, ``(a, b)``, list or parameter.
        per_channel: Probability of a separate gamma per channel.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.GammaContrast((0.5, 2.0), per_channel=True)
    """

    _identity = (1.0,)
    _table = staticmethod(gamma_table)
    _kernel = staticmethod(gamma_contrast)

    def __init__(self, gamma: Any = (0.7, 1.7), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(per_channel, seed, name, random_state, deterministic)
        self.gamma = iap.handle_continuous_param(gamma, "gamma",
                                                 value_range=_positive("gamma"))
        self._precompute()

    def _arguments(self) -> list:
        return [(self.gamma, 1e-6, 1e6)]


@register("SigmoidContrast")
class SigmoidContrast(_ContrastCurve):
    """Adjust contrast with a sigmoid: ``255 / (1 + exp(gain * (cutoff - x / 255)))``.

    Larger ``gain`` steepens the transition, ``cutoff`` moves it (higher keeps
    more pixels dark). Samples per row: ``per_channel``, then ``gain`` and
    ``cutoff`` (one each, or one each per channel).

    Supported dtypes: uint8 (LUT), uint16, uint32, int8, int16, int32, float16,
    float32, float64 (float64 math; floats are intensities in ``[0, 1]``).

    Args:
        gain: Steepness ``>= 0``: number, ``(a, b)``, list or parameter.
        cutoff: Shift in ``[0, 1]``: number, ``(a, b)``, list or parameter.
        per_channel: Probability of separate values per channel.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.SigmoidContrast(gain=(3, 10), cutoff=(0.4, 0.6))
    """

    _table = staticmethod(sigmoid_table)
    _kernel = staticmethod(sigmoid_contrast)

    def __init__(self, gain: Any = (5, 6), cutoff: Any = (0.3, 0.6), per_channel: Any = False,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(per_channel, seed, name, random_state, deterministic)
        self.gain = iap.handle_continuous_param(gain, "gain", value_range=(0, 1e6))
        self.cutoff = iap.handle_continuous_param(cutoff, "cutoff", value_range=(0, 1.0))
        self._precompute()

    def _arguments(self) -> list:
        return [(self.gain, 0.0, 1e6), (self.cutoff, 0.0, 1.0)]


@register("LogContrast")
class LogContrast(_ContrastCurve):
    """Adjust contrast with a log curve: ``255 * gain * log2(1 + x / 255)``.

    Samples per row: ``per_channel``, then ``gain`` (one, or one per channel).

    Supported dtypes: uint8 (LUT), uint16, uint32, int8, int16, int32, float16,
    float32, float64 (float64 math; floats are intensities in ``[0, 1]``).

    Args:
        gain: Multiplier ``> 0``: number, ``(a, b)``, list or parameter.
        per_channel: Probability of a separate gain per channel.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.LogContrast(gain=(0.6, 1.4))
    """

    _table = staticmethod(log_table)
    _kernel = staticmethod(log_contrast)

    def __init__(self, gain: Any = (0.4, 1.6), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(per_channel, seed, name, random_state, deterministic)
        self.gain = iap.handle_continuous_param(gain, "gain", value_range=_positive("gain"))
        self._precompute()

    def _arguments(self) -> list:
        return [(self.gain, 1e-6, 1e6)]


@register("LinearContrast")
class LinearContrast(_ContrastCurve):
    """Scale the distance of each value from the centre: ``128 + alpha * (x - 128)``.

    The centre is 128 for uint8, ``(min + max + 1) / 2`` for other integer
    dtypes and 0.5 for floats; results are rounded and clipped to the dtype's
    range. ``alpha > 1`` raises contrast, ``0..1`` lowers it, ``< 0`` inverts.
    Samples per row: ``per_channel``, then ``alpha`` (one, or one per channel).

    Supported dtypes: uint8 (LUT), uint16, uint32, int8, int16, int32, float16,
    float32, float64 (float64 math).

    Args:
        alpha: Contrast factor in ``[-1000, 1000]``: number, ``(a, b)``, list or
            parameter.
        per_channel: Probability of a separate alpha per channel.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.LinearContrast((0.4, 1.6), per_channel=0.5)
    """

    _identity = (1.0,)
    _table = staticmethod(linear_table)
    _kernel = staticmethod(linear_contrast)

    def __init__(self, alpha: Any = (0.6, 1.4), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(per_channel, seed, name, random_state, deterministic)
        self.alpha = iap.handle_continuous_param(alpha, "alpha", value_range=(-1000, 1000))
        self._precompute()

    def _arguments(self) -> list:
        return [(self.alpha, -1000.0, 1000.0)]


def _positive(name: str) -> Any:
    def check(value: Any) -> bool:
        if value <= 0:
            raise ValueError("%s: expected a value > 0, got %r" % (name, value))
        return value <= 1e6
    return check


# --------------------------------------------------------- functional helpers

def _check_array(arr: Any) -> np.ndarray:
    if not isinstance(arr, np.ndarray) or arr.ndim not in (2, 3):
        raise TypeError("arr: expected an (H,W) or (H,W,C) numpy array")
    if arr.dtype.name not in CURVE_DTYPES:
        raise TypeError("arr: dtype %s is not supported (supported: %s)"
                        % (arr.dtype.name, ", ".join(sorted(CURVE_DTYPES))))
    return arr


def adjust_contrast_gamma(arr: np.ndarray, gamma: float) -> np.ndarray:
    """Gamma curve on one array (see :class:`GammaContrast`); returns a new array."""
    if not gamma > 0:
        raise ValueError("gamma: expected a value > 0, got %r" % (gamma,))
    return gamma_contrast(_check_array(arr), [float(gamma)])


def adjust_contrast_sigmoid(arr: np.ndarray, gain: float, cutoff: float) -> np.ndarray:
    """Sigmoid curve on one array (see :class:`SigmoidContrast`)."""
    return sigmoid_contrast(_check_array(arr), [float(gain)], [float(cutoff)])


def adjust_contrast_log(arr: np.ndarray, gain: float) -> np.ndarray:
    """Log curve on one array (see :class:`LogContrast`)."""
    return log_contrast(_check_array(arr), [float(gain)])


def adjust_contrast_linear(arr: np.ndarray, alpha: float) -> np.ndarray:
    """Linear contrast on one array (see :class:`LinearContrast`)."""
    return linear_contrast(_check_array(arr), [float(alpha)])


# ------------------------------------------------------------------------ CLAHE

@dataclass(frozen=True, slots=True, kw_only=True)
class CLAHEParams(Params):
    """``(clip_limit, grid_h, grid_w)`` per channel, or one triple for all channels.

    Grid sizes are already clamped to the image size (more tiles than pixels
    per axis are meaningless); a grid of one tile per axis leaves the channel
    unchanged.
    """

    settings: tuple = ()


#: OpenCV keeps a 65536-entry table per tile for 16-bit CLAHE: cap the tile count.
_MAX_TILES_UINT16 = 256

_CLAHE_TO = tuple(BRIGHTNESS_CHANNEL)


class _CLAHEBase(Augmenter):
    def _init_clahe(self, clip_limit: Any, tile_grid_size_px: Any,
                    tile_grid_size_px_min: Any) -> None:
        self.clip_limit = iap.handle_continuous_param(clip_limit, "clip_limit",
                                                      value_range=(1e-4, None))
        self.tile_grid_size_px = iap.handle_discrete_kernel_size_param(
            tile_grid_size_px, "tile_grid_size_px", value_range=(0, None), allow_floats=False)
        if isinstance(tile_grid_size_px_min, (bool, np.bool_)) or not isinstance(
                tile_grid_size_px_min, (int, np.integer)):
            raise TypeError("tile_grid_size_px_min: expected a non-negative int, got %r"
                            % (tile_grid_size_px_min,))
        if tile_grid_size_px_min < 0:
            raise ValueError("tile_grid_size_px_min: expected a non-negative int, got %d"
                             % tile_grid_size_px_min)
        self.tile_grid_size_px_min = int(tile_grid_size_px_min)

    def _draw_settings(self, rng: np.random.Generator, n: int, shape: tuple) -> tuple:
        """Draw ``n`` (clip, gh, gw) triples: all clip limits, then heights, then widths."""
        param_h, param_w = self.tile_grid_size_px

        def draw(param: iap.StochasticParameter) -> list[float]:
            if n == 1:
                return [float(param.draw_sample(random_state=rng))]
            return [float(v) for v in param.draw_samples((n,), random_state=rng)]

        clips = [1e-4 if math.isnan(c) else min(max(c, 1e-4), 1e4)
                 for c in draw(self.clip_limit)]
        heights = draw(param_h)
        widths = heights if param_w is None else draw(param_w)
        h, w = (shape[0], shape[1]) if len(shape) >= 2 else (1, 1)
        lo = self.tile_grid_size_px_min

        def grid(v: float, size: int) -> int:
            v = int(v) if abs(v) < 1e9 else lo  # NaN fails the test too
            return int(min(max(v, lo, 0), max(size, 1)))

        return tuple((c, grid(gh, h), grid(gw, w)) for c, gh, gw in zip(clips, heights, widths))

    @staticmethod
    def _capped(settings: tuple, dtype: np.dtype) -> tuple:
        if dtype != np.uint16:
            return settings
        out = []
        for clip, gh, gw in settings:
            while gh * gw > _MAX_TILES_UINT16:
                gh, gw = max(gh // 2, 1), max(gw // 2, 1)
            out.append((clip, gh, gw))
        return tuple(out)


@register("AllChannelsCLAHE")
class AllChannelsCLAHE(_CLAHEBase):
    """Contrast Limited Adaptive Histogram Equalisation on every channel.

    Each channel is equalised within the tiles of a ``grid_h x grid_w`` grid
    (``cv2.createCLAHE(clip_limit, (grid_w, grid_h)).apply``); no colourspace
    conversion. ``tile_grid_size_px`` is the number of tiles per axis (as in
    imgaug, which passes it to OpenCV's ``tileGridSize``), raised to at least
    ``tile_grid_size_px_min`` and lowered to at most the image side; a 1x1
    grid leaves the channel unchanged. For uint16 the grid is halved until it
    has at most 256 tiles (OpenCV keeps a 65536-entry table per tile).
    Samples per row: ``per_channel``, then the clip limits, the grid heights
    and (with two tile parameters) the grid widths, one or one per channel.

    Supported dtypes: uint8, uint16 (others raise TypeError).

    Args:
        clip_limit: Contrast limit ``>= 1e-4`` (higher: stronger contrast):
            number, ``(a, b)``, list or parameter.
        tile_grid_size_px: Tiles per axis: int, ``(a, b)``, list, parameter, or
            ``((a, b), (c, d))`` for separate heights and widths.
        tile_grid_size_px_min: Lower bound of the sampled tile counts.
        per_channel: Probability of separate values per channel.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AllChannelsCLAHE(clip_limit=(1, 10), per_channel=True)
    """

    supported_dtypes = frozenset({"uint8", "uint16"})

    def __init__(self, clip_limit: Any = (0.1, 8), tile_grid_size_px: Any = (3, 12),
                 tile_grid_size_px_min: int = 3, per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_clahe(clip_limit, tile_grid_size_px, tile_grid_size_px_min)
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        nb = shape[2] if len(shape) == 3 else 1
        n = nb if float(self.per_channel.draw_sample(random_state=rng)) > 0.5 and nb > 1 else 1
        return CLAHEParams(settings=self._draw_settings(rng, n, shape))

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return clahe_image(image, self._capped(params.settings, image.dtype))  # type: ignore


class _IntensityChannel(_CLAHEBase):
    """Layout policy of CLAHE/HistogramEqualization (see their docstrings)."""

    supported_dtypes = frozenset({"uint8"})

    def _init_spaces(self, from_colorspace: Any, to_colorspace: Any) -> None:
        self.from_colorspace = check_colorspace(from_colorspace, "from_colorspace")
        self.to_colorspace = check_colorspace(to_colorspace, "to_colorspace", _CLAHE_TO)

    def _channel_op(self, channel: np.ndarray, params: Params) -> np.ndarray:
        raise NotImplementedError

    def _all_channels(self, image: np.ndarray, params: Params) -> np.ndarray:
        raise NotImplementedError

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        if image.size == 0:
            return image.copy()
        nb = 1 if image.ndim == 2 else image.shape[2]
        if nb == 1:
            gray = np.ascontiguousarray(image if image.ndim == 2 else image[:, :, 0])
            return self._channel_op(gray, params).reshape(image.shape)
        if nb not in (3, 4):
            return self._all_channels(image, params)
        color = np.ascontiguousarray(image[:, :, :3])
        converted = convert_colorspace(color, self.from_colorspace, self.to_colorspace)
        idx = BRIGHTNESS_CHANNEL[self.to_colorspace]
        converted[:, :, idx] = self._channel_op(np.ascontiguousarray(converted[:, :, idx]),
                                                params)
        out = convert_colorspace(converted, self.to_colorspace, self.from_colorspace)
        if nb == 4:
            out = np.concatenate([out, image[:, :, 3:4]], axis=2)
        return out


@register("CLAHE")
class CLAHE(_IntensityChannel):
    """CLAHE on the intensity channel of Lab (L), HLS (L) or HSV (V).

    Each image is converted from ``from_colorspace`` to ``to_colorspace``, the
    intensity channel is equalised as in :class:`AllChannelsCLAHE` and the
    image is converted back. Gray inputs are equalised directly, a fourth
    (alpha) channel passes through, images with 2 or 5+ channels are
    equalised channel by channel. ``to_colorspace`` also accepts YCrCb, Luv
    and YUV (their brightness channel). Samples per row: clip limit, grid
    height, grid width (with two tile parameters).

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        clip_limit: See :class:`AllChannelsCLAHE`.
        tile_grid_size_px: See :class:`AllChannelsCLAHE`.
        tile_grid_size_px_min: See :class:`AllChannelsCLAHE`.
        from_colorspace: Colourspace of the inputs.
        to_colorspace: ``"Lab"`` (default), ``"HLS"``, ``"HSV"``, ``"YCrCb"``,
            ``"Luv"`` or ``"YUV"``.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CLAHE(clip_limit=(1, 10), to_colorspace="HSV")
    """

    # imgaug kept the colourspace names on the class too (``CLAHE.HSV``).
    RGB, BGR, HSV, HLS, Lab = "RGB", "BGR", "HSV", "HLS", "Lab"

    def __init__(self, clip_limit: Any = (0.1, 8), tile_grid_size_px: Any = (3, 12),
                 tile_grid_size_px_min: int = 3, from_colorspace: str = CSPACE_RGB,
                 to_colorspace: str = CSPACE_Lab, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_clahe(clip_limit, tile_grid_size_px, tile_grid_size_px_min)
        self._init_spaces(from_colorspace, to_colorspace)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        return CLAHEParams(settings=self._draw_settings(rng, 1, shape))

    def _channel_op(self, channel: np.ndarray, params: Params) -> np.ndarray:
        return clahe_channel(channel, *params.settings[0])  # type: ignore[attr-defined]

    def _all_channels(self, image: np.ndarray, params: Params) -> np.ndarray:
        return clahe_image(image, params.settings)  # type: ignore[attr-defined]


@register("AllChannelsHistogramEqualization")
class AllChannelsHistogramEqualization(Augmenter):
    """Histogram equalisation (``cv2.equalizeHist``) of every channel.

    Supported dtypes: uint8 (others raise TypeError).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.AllChannelsHistogramEqualization()
    """

    supported_dtypes = frozenset({"uint8"})

    def __init__(self, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return equalize_hist_image(image)


@register("HistogramEqualization")
class HistogramEqualization(_IntensityChannel):
    """Histogram equalisation of the intensity channel of Lab (L), HLS (L) or HSV (V).

    The same conversions and channel layouts as :class:`CLAHE`, with
    ``cv2.equalizeHist`` instead of CLAHE. No randomness.

    Supported dtypes: uint8 (others raise TypeError).

    Args:
        from_colorspace: Colourspace of the inputs.
        to_colorspace: ``"Lab"`` (default), ``"HLS"``, ``"HSV"``, ``"YCrCb"``,
            ``"Luv"`` or ``"YUV"``.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.HistogramEqualization(to_colorspace="HSV")
    """

    def __init__(self, from_colorspace: str = CSPACE_RGB, to_colorspace: str = CSPACE_Lab,
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._init_spaces(from_colorspace, to_colorspace)

    def _channel_op(self, channel: np.ndarray, params: Params) -> np.ndarray:
        return equalize_hist_image(channel)

    def _all_channels(self, image: np.ndarray, params: Params) -> np.ndarray:
        return equalize_hist_image(image)

"""Dropout augmenters: Dropout, CoarseDropout, Dropout2d, TotalDropout, Cutout.

Masks are not drawn in ``_sample``: it records the row's drop probability,
the per-channel decision, the coarse grid size and one seed; the mask is
expanded from the seed by :mod:`imgaug2.kernels.arithmetic_dropout`.

As in imgaug, ``p`` is the probability of DROPPING a pixel when it is a
number, ``(a, b)`` tuple (uniform per image) or list; a stochastic parameter
is the KEEP mask itself (``iap.Binomial(0.9)`` keeps 90%; other parameters
are drawn per cell and multiplied into the image).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.arithmetic_base import (FLOAT_LIMIT, MASK_DTYPES, NOT_CONSTANT,
                                                REPLACE_DTYPES, ShapeMemo, draw_drop_p,
                                                draw_flag, finite, handle_drop_probability,
                                                nb_channels, new_seed)
from imgaug2.core.base import Augmenter
from imgaug2.core.params import SKIPPED, Params
from imgaug2.core.registry import register
from imgaug2.kernels.arithmetic_dropout import (cutout, drop_channels, dropout, mask_shape,
                                                upscale_nearest, zero_where)
from imgaug2.kernels.arithmetic_noise import multiply_elementwise
from imgaug2.kernels.noise import noise_generator

__all__ = ["Dropout", "CoarseDropout", "Dropout2d", "TotalDropout", "Cutout",
           "DropoutParams", "CoarseDropoutParams", "Dropout2dParams", "CutoutParams",
           "MAX_CUTOUT_ITERATIONS"]

#: Cutout refuses more rectangles per image than this (draws are clipped to it).
MAX_CUTOUT_ITERATIONS = 10000


@dataclass(frozen=True, slots=True, kw_only=True)
class DropoutParams(Params):
    """Drop probability (``None``: keep mask drawn from the parameter), layout and seed."""

    seed: int = 0
    p: float | None = 0.0
    per_channel: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CoarseDropoutParams(Params):
    """As :class:`DropoutParams`, with the coarse grid ``size_h x size_w``."""

    seed: int = 0
    p: float | None = 0.0
    per_channel: bool = False
    size_h: int = 1
    size_w: int = 1


@dataclass(frozen=True, slots=True, kw_only=True)
class Dropout2dParams(Params):
    """Channels set to zero; ``all_dropped`` also clears the annotations."""

    channels: tuple = ()
    all_dropped: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class CutoutParams(Params):
    """Rectangles ``(y1, y2, x1, x2)`` with their fill mode, values and noise layout."""

    rects: tuple = ()
    modes: tuple = ()
    cvals: tuple = ()
    noise_per_channel: tuple = ()
    seed: int = 0


def _apply_keep_values(image: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Apply a keep mask drawn from a user parameter (imgaug multiplies it in)."""
    keep = np.nan_to_num(np.asarray(keep, dtype=np.float64), nan=0.0)
    binary = bool(np.isin(keep, (0.0, 1.0)).all())
    if binary or image.dtype.itemsize == 8 and image.dtype.kind in "iu":
        return zero_where(image, keep < 0.5)
    return multiply_elementwise(image, keep)


class _DropoutBase(Augmenter):
    supported_dtypes = MASK_DTYPES

    def _drop_row(self, rng: np.random.Generator) -> tuple[bool, float | None]:
        per_channel = draw_flag(self.per_channel, rng)
        return per_channel, draw_drop_p(self._p_kind, self.p, rng, "p")


@register("Dropout")
class Dropout(_DropoutBase):
    """Set random pixels (or channels of pixels) to zero.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64): masking
    copies bytes.

    Args:
        p: Probability of dropping a pixel: number in [0, 1], ``(a, b)``
            (uniform per image), list, or a parameter used as the keep mask.
        per_channel: Independent masks per channel: bool or probability.

    Sampling order per row: per-channel decision, drop probability, mask seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Dropout((0.0, 0.1), per_channel=0.5)
    """

    def __init__(self, p: Any = (0.0, 0.05), per_channel: Any = False, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._p_kind, self.p = handle_drop_probability(p, "p")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        per_channel, p = self._drop_row(rng)
        return DropoutParams(seed=new_seed(rng), p=p, per_channel=per_channel)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: DropoutParams = params  # type: ignore[assignment]
        if p.p is None:
            gen = noise_generator(p.seed)
            keep = self.p.draw_samples(mask_shape(image.shape, p.per_channel),
                                              random_state=gen)
            return _apply_keep_values(image, keep)
        if p.p == 0.0:
            return image.copy()
        return dropout(image, p.seed, p.p, p.per_channel)


@register("CoarseDropout")
class CoarseDropout(_DropoutBase):
    """Drop rectangular cells of a coarse grid laid over the image.

    The mask is drawn at ``size_h x size_w`` and upscaled nearest-neighbour.
    ``size_px`` gives the grid size in cells, ``size_percent`` as a fraction of
    the image size; with neither, ``size_px=(3, 8)`` (imgaug's default). Height
    and width are drawn separately, raised to ``min_size`` and capped at the
    image size.

    Supported dtypes: all (masking copies bytes).

    Args:
        p: Probability of dropping a cell (number, ``(a, b)``, list) or a keep-mask parameter.
        size_px: Grid size in cells: int, ``(a, b)``, list or parameter (>= 1).
        size_percent: Grid size as a fraction of the image: number, ``(a, b)``,
            list or parameter in (0, 1].
        per_channel: Independent masks per channel: bool or probability.
        min_size: Smallest grid side (int >= 1).

    Sampling order per row: per-channel decision, drop probability, grid
    height, grid width, mask seed.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.CoarseDropout(0.02, size_percent=0.15, per_channel=0.5)
    """

    def __init__(self, p: Any = (0.02, 0.1), size_px: Any = None, size_percent: Any = None,
                 per_channel: Any = False, min_size: Any = 3, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._p_kind, self.p = handle_drop_probability(p, "p")
        self.per_channel = iap.handle_probability_param(per_channel, "per_channel")
        self._size_mode, self._size = handle_coarse_size(size_px, size_percent)
        self.min_size = handle_min_size(min_size)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        per_channel, p = self._drop_row(rng)
        size_h, size_w = draw_coarse_size(self._size_mode, self._size, self.min_size, rng, shape)
        return CoarseDropoutParams(seed=new_seed(rng), p=p, per_channel=per_channel,
                                   size_h=size_h, size_w=size_w)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: CoarseDropoutParams = params  # type: ignore[assignment]
        if p.p is None:
            if image.size == 0:
                return image.copy()
            gen = noise_generator(p.seed)
            h, w, c = mask_shape(image.shape, p.per_channel)
            small = self.p.draw_samples((min(p.size_h, h), min(p.size_w, w), c),
                                               random_state=gen)
            return _apply_keep_values(image, upscale_nearest(np.asarray(small), h, w))
        if p.p == 0.0:
            return image.copy()
        return dropout(image, p.seed, p.p, p.per_channel, (p.size_h, p.size_w))


def handle_coarse_size(size_px: Any, size_percent: Any) -> tuple[str, Any]:
    """``("px", param)`` or ``("percent", param)`` from imgaug's two size arguments."""
    if size_px is not None and size_percent is not None:
        raise ValueError("size_px: pass either size_px or size_percent, not both")
    if size_px is not None:
        return "px", iap.handle_discrete_param(size_px, "size_px", value_range=(1, None))
    if size_percent is not None:
        return "percent", iap.handle_continuous_param(size_percent, "size_percent",
                                                      value_range=(0, 1))
    return "px", iap.DiscreteUniform(3, 8)


def handle_min_size(min_size: Any) -> int:
    if isinstance(min_size, (bool, np.bool_)) or not isinstance(min_size, (int, np.integer)):
        raise TypeError("min_size: expected an int, got %r" % (min_size,))
    if min_size < 1:
        raise ValueError("min_size: expected a value >= 1, got %r" % (min_size,))
    return int(min_size)


def draw_coarse_size(mode: str, param: Any, min_size: int, rng: np.random.Generator,
                     shape: tuple) -> tuple[int, int]:
    """Grid height then width for one row (at least ``min_size``, at most the image size)."""
    h, w = int(shape[0]) if shape else 1, int(shape[1]) if len(shape) > 1 else 1
    out = []
    for side in (h, w):
        v = finite(param.draw_sample(random_state=rng), "size", 1e12)
        cells = int(v * side) if mode == "percent" else int(v)
        out.append(max(1, min(max(cells, min_size), max(side, 1))))
    return out[0], out[1]


class _ClearsAnnotations(Augmenter):
    """imgaug's rule for whole-image dropout: a fully dropped image clears its annotations."""

    @staticmethod
    def _dropped(params: Params) -> bool:
        return params.applied and bool(getattr(params, "all_dropped", True))

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        if self._dropped(params):
            return heatmaps.replace(arr_0to1=np.zeros_like(heatmaps.arr_0to1))
        return heatmaps

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        if self._dropped(params):
            return segmaps.replace(arr=np.zeros_like(segmaps.arr))
        return segmaps

    def _augment_coords(self, obj: Any, params: Params) -> Any:
        return obj.deepcopy([]) if self._dropped(params) else obj


@register("Dropout2d")
class Dropout2d(_ClearsAnnotations):
    """Drop whole channels, keeping at least ``nb_keep_channels`` of them.

    When every channel is dropped (only possible with ``nb_keep_channels=0``),
    heatmaps and segmentation maps become zero and keypoints, boxes, polygons
    and line strings are removed, as in imgaug.

    Supported dtypes: all (masking copies bytes).

    Args:
        p: Probability of dropping a channel: number, ``(a, b)`` (uniform per
            image), list, or a keep-mask parameter (drawn per channel).
        nb_keep_channels: Minimum number of channels left intact (int >= 0).

    Sampling order per row: the drop probability (or the keep samples), one
    uniform draw per channel (none when the probability is 0 or 1), then a
    permutation of the dropped channels when some must be kept.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Dropout2d(p=0.5, nb_keep_channels=1)
    """

    supported_dtypes = MASK_DTYPES

    def __init__(self, p: Any = 0.1, nb_keep_channels: Any = 1, seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._p_kind, self.p = handle_drop_probability(p, "p")
        if isinstance(nb_keep_channels, (bool, np.bool_)) or not isinstance(
                nb_keep_channels, (int, np.integer)):
            raise TypeError("nb_keep_channels: expected an int, got %r" % (nb_keep_channels,))
        if nb_keep_channels < 0:
            raise ValueError("nb_keep_channels: expected a value >= 0, got %r"
                             % (nb_keep_channels,))
        self.nb_keep_channels = int(nb_keep_channels)

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        c = nb_channels(shape)
        if c == 0:
            return SKIPPED
        param = self.p
        p = draw_drop_p(self._p_kind, param, rng, "p")
        if p is None:
            if type(param) is iap.DeterministicList:
                # Fixed values, read directly: drawing them through the row's lazy
                # generator would build the real generator for no draw at all.
                vals = param.values.tolist()
                drop = [v < 0.5 for v in (vals * -(-c // len(vals)))[:c]]
            else:
                keep_vals = np.asarray(param.draw_samples((c,), random_state=rng))
                drop = (keep_vals.reshape(-1) < 0.5).tolist()
        elif p <= 0.0:
            return SKIPPED
        elif p >= 1.0:
            drop = [True] * c  # certain outcomes need no draw
        else:
            drop = (rng.random(c) < p).tolist()
        # Channel counts are small: plain lists beat numpy's per-call overhead here.
        dropped = [i for i in range(c) if drop[i]]
        kept = c - len(dropped)
        must_keep = min(self.nb_keep_channels, c)
        if kept < must_keep:
            revive = set(rng.permutation(np.array(dropped, dtype=np.int64))[:must_keep - kept]
                         .tolist())
            dropped = [i for i in dropped if i not in revive]
        if not dropped:
            return SKIPPED
        return _dropout2d_params(tuple(dropped), c)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        return drop_channels(image, params.channels)  # type: ignore[attr-defined]


_DROPOUT2D_PARAMS: dict[tuple, Dropout2dParams] = {}


def _dropout2d_params(channels: tuple, nb_channels: int) -> Dropout2dParams:
    """The frozen record for dropping ``channels`` of ``nb_channels``, shared between rows."""
    key = (channels, nb_channels)
    params = _DROPOUT2D_PARAMS.get(key)
    if params is None:
        if len(_DROPOUT2D_PARAMS) > 1024:  # bounded: one entry per channel subset seen
            _DROPOUT2D_PARAMS.clear()
        params = _DROPOUT2D_PARAMS[key] = Dropout2dParams(
            channels=channels, all_dropped=len(channels) == nb_channels)
    return params


@register("TotalDropout")
class TotalDropout(_ClearsAnnotations):
    """Set whole images to zero with probability ``p``.

    A dropped image also zeroes its heatmaps and segmentation maps and removes
    its keypoints, boxes, polygons and line strings, as in imgaug.

    Supported dtypes: all.

    Args:
        p: Probability of dropping an image: number, ``(a, b)``, list, or a
            keep parameter (a draw < 0.5 drops).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.TotalDropout(0.2)
    """

    supported_dtypes = MASK_DTYPES

    def __init__(self, p: Any = 1, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._p_kind, self.p = handle_drop_probability(p, "p")

    def _sample(self, rng: np.random.Generator, shape: tuple) -> Params:
        param = self.p
        if type(param) is _DET and self._p_kind == "drop":
            # Constant probability: certain outcomes need no draw (NaN and strings fall
            # through to the validating path below).
            v = param.value
            if v >= 1.0:
                return _DROPPED
            if v <= 0.0:
                return SKIPPED
        if self._p_kind == "drop":
            p = draw_drop_p("drop", param, rng, "p")
            drop = p is not None and (p >= 1.0 or (p > 0.0 and rng.random() < p))
        else:
            drop = float(self.p.draw_sample(random_state=rng)) < 0.5
        return _DROPPED if drop else SKIPPED

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        # np.zeros takes calloc's zeroed memory (a memset); zeros_like fills element-wise.
        return np.zeros(image.shape, image.dtype)


_DROPPED = Params(applied=True)
_DET = iap.Deterministic

_POSITION_X = {"left": 0.0, "center": 0.5, "right": 1.0}
_POSITION_Y = {"top": 0.0, "center": 0.5, "bottom": 1.0}
FILL_MODES = ("constant", "gaussian")


def handle_position(position: Any) -> tuple[Any, Any]:
    """Cutout centre: ``"uniform"``, ``"normal"``, ``"center"``, ``"<x>-<y>"`` names
    (x in left/center/right, y in top/center/bottom) or an ``(x, y)`` tuple of
    relative coordinates in [0, 1] (each a number, tuple, list or parameter)."""
    if isinstance(position, str):
        if position == "uniform":
            return iap.Uniform(0.0, 1.0), iap.Uniform(0.0, 1.0)
        if position == "normal":
            return (iap.Clip(iap.Normal(0.5, 0.175), 0.0, 1.0),
                    iap.Clip(iap.Normal(0.5, 0.175), 0.0, 1.0))
        if position == "center":
            return iap.Deterministic(0.5), iap.Deterministic(0.5)
        parts = position.split("-")
        if len(parts) == 2 and parts[0] in _POSITION_X and parts[1] in _POSITION_Y:
            return (iap.Deterministic(_POSITION_X[parts[0]]),
                    iap.Deterministic(_POSITION_Y[parts[1]]))
        raise ValueError("position: expected 'uniform', 'normal', 'center', '<x>-<y>' with x in "
                         "left/center/right and y in top/center/bottom, or an (x, y) tuple; "
                         "got %r" % (position,))
    if isinstance(position, tuple) and len(position) == 2:
        return (iap.handle_continuous_param(position[0], "position[0] (x)", value_range=(0, 1)),
                iap.handle_continuous_param(position[1], "position[1] (y)", value_range=(0, 1)))
    raise TypeError("position: expected a string or an (x, y) tuple, got %r" % (position,))


#: Stand-in generator for constant configurations, which draw nothing from it.
_NO_DRAWS = np.random.Generator(np.random.Philox(0))
#: ``id(params) -> (params, slices, value)`` for memoised constant Params that fill one
#: rectangle with one value; holding ``params`` keeps its id unique while listed.
_UINT8_FILLS: dict[int, tuple] = {}
_UINT8 = np.dtype(np.uint8)


def _clean(value: float, name: str, lo: float, hi: float) -> float:
    if value != value:
        raise ValueError("%s: drew NaN" % name)
    return min(max(value, lo), hi)


def _draw_n(param: Any, n: int, rng: np.random.Generator, numeric: bool = True) -> list:
    """``n`` samples in draw order as a list; a single draw takes ``draw_sample``."""
    if type(param) is _DET:
        # Constants draw nothing: no array round trip, no generator.
        v = param.value
        return [float(v) if numeric else v] * n
    if n == 1:
        out = [param.draw_sample(random_state=rng)]
    else:
        out = np.asarray(param.draw_samples((n,), random_state=rng)).reshape(-1).tolist()
    return [float(v) for v in out] if numeric else out


@register("Cutout")
class Cutout(ShapeMemo, Augmenter):
    """Fill rectangles with a constant value or gaussian noise (Cutout / random erasing).

    Each rectangle is centred at a relative ``position`` (x, y in [0, 1]); its
    height is ``size * H`` and its width ``size * W``, or the height in pixels
    for both sides when ``squared``. Rectangles are clipped to the image.
    Gaussian fills are ``clip(0.5 + z / 6, 0, 1)`` mapped onto the dtype's
    range (integers: min..max, floats/bool: 0..1), drawn from the row's seed.

    Supported dtypes: bool, uint8, uint16, uint32, int8, int16, int32,
    float16, float32, float64 (``cval`` rounded and clipped for integers; bool
    is ``cval > 0.5``).

    Args:
        nb_iterations: Rectangles per image: int, ``(a, b)``, list or
            parameter (0 to 10000).
        position: See :func:`handle_position`.
        size: Rectangle size relative to the image side (>= 0): number,
            ``(a, b)``, list or parameter.
        squared: Square rectangles: bool or probability (per rectangle).
        fill_mode: ``"constant"``, ``"gaussian"``, a list of them, ``"ALL"`` or a parameter.
        cval: Constant fill value: number, ``(a, b)``, list or parameter.
        fill_per_channel: One fill value (or noise plane) per channel: bool or probability.

    Sampling order per row: the number of rectangles ``n``, then ``n`` x
    positions, ``n`` y positions, ``n`` heights, ``n`` squared flags, one
    width per non-squared rectangle, ``n`` fill modes, ``n`` per-channel
    flags, ``n * C`` fill values (``n`` when no rectangle is per-channel), and
    the noise seed when a rectangle is gaussian. A single draw uses
    ``draw_sample``.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Cutout(nb_iterations=(1, 3), size=0.2, fill_mode="gaussian")
    """

    supported_dtypes = REPLACE_DTYPES

    def __init__(self, nb_iterations: Any = 1, position: Any = "uniform", size: Any = 0.2,
                 squared: Any = True, fill_mode: Any = "constant", cval: Any = 128,
                 fill_per_channel: Any = False, seed: Any = None, name: str | None = None,
                 random_state: Any = "deprecated", deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.nb_iterations = iap.handle_discrete_param(
            nb_iterations, "nb_iterations", value_range=(0, MAX_CUTOUT_ITERATIONS),
            allow_floats=False)
        self.position = handle_position(position)
        self.size = iap.handle_continuous_param(size, "size", value_range=(0, None))
        self.squared = iap.handle_probability_param(squared, "squared")
        self.fill_mode = iap.handle_categorical_string_param(fill_mode, "fill_mode", FILL_MODES)
        self.cval = iap.handle_continuous_param(cval, "cval")
        self.fill_per_channel = iap.handle_probability_param(fill_per_channel,
                                                             "fill_per_channel")

    def _constant_params(self, shape: tuple) -> Params:
        parts = (self.nb_iterations, *self.position, self.size, self.squared, self.fill_mode,
                 self.fill_per_channel, self.cval)
        if not all(type(part) is _DET for part in parts) or self.fill_mode.value == "gaussian":
            return NOT_CONSTANT
        params = self._sample_shape(_NO_DRAWS, shape)
        _plan_uint8_fill(params)
        return params

    def _sample_shape(self, rng: np.random.Generator, shape: tuple) -> Params:
        n = int(self.nb_iterations.draw_sample(random_state=rng))
        n = min(max(n, 0), MAX_CUTOUT_ITERATIONS)
        if n == 0:
            return SKIPPED
        h, w = (int(shape[0]), int(shape[1])) if len(shape) >= 2 else (0, 0)
        c = nb_channels(shape)
        xs = _draw_n(self.position[0], n, rng)
        ys = _draw_n(self.position[1], n, rng)
        heights = _draw_n(self.size, n, rng)
        squared = [v > 0.5 for v in _draw_n(self.squared, n, rng)]
        free = [i for i in range(n) if not squared[i]]
        widths = dict(zip(free, _draw_n(self.size, len(free), rng))) if free else {}
        modes = [str(m) for m in _draw_n(self.fill_mode, n, rng, numeric=False)]
        per_ch = [v > 0.5 for v in _draw_n(self.fill_per_channel, n, rng)]
        width = c if c > 1 and any(per_ch) else 1
        cvals = _draw_n(self.cval, n * width, rng)
        rects, cval_list = [], []
        for i in range(n):
            # Plain floats: a numpy round trip per scalar costs more than the geometry.
            rh = _clean(heights[i], "size", 0.0, 1e6) * h
            rw = rh if squared[i] else _clean(widths[i], "size", 0.0, 1e6) * w
            x1 = round(_clean(xs[i], "position", 0.0, 1.0) * w - rw / 2.0)
            y1 = round(_clean(ys[i], "position", 0.0, 1.0) * h - rh / 2.0)
            x2, y2 = x1 + round(rw), y1 + round(rh)
            rects.append((min(max(y1, 0), h), min(max(y2, 0), h),
                          min(max(x1, 0), w), min(max(x2, 0), w)))
            if modes[i] not in FILL_MODES:
                raise ValueError("fill_mode: drew %r, expected one of %s"
                                 % (modes[i], ", ".join(FILL_MODES)))
            row = cvals[i * width:(i + 1) * width] if per_ch[i] else cvals[i * width:i * width + 1]
            cval_list.append(tuple(_clean(v, "cval", -FLOAT_LIMIT, FLOAT_LIMIT) for v in row))
        # Constant fills need no noise: skip the seed (and the generator) entirely.
        seed = new_seed(rng) if "gaussian" in modes else 0
        return CutoutParams(rects=tuple(rects), modes=tuple(modes), cvals=tuple(cval_list),
                            noise_per_channel=tuple(per_ch), seed=seed)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        plan = _UINT8_FILLS.get(id(params))
        if plan is not None and plan[0] is params and image.dtype is _UINT8 and image.size:
            # Same result as the kernel below, minus its per-rectangle decisions (the
            # copy is private_copy's, inlined: OpenCV's copy, no dtype checks needed).
            out = cv2.copyTo(image, None)
            if out.ndim != image.ndim:
                out = out.reshape(image.shape)
            out[plan[1]] = plan[2]
            return out
        p: CutoutParams = params  # type: ignore[assignment]
        return cutout(image, p.rects, p.modes, p.cvals, p.noise_per_channel, p.seed)

    def _image_plan(self, params: Params, image: np.ndarray) -> Any:
        fill = _UINT8_FILLS.get(id(params))
        if fill is None or fill[0] is not params or image.dtype is not _UINT8 \
                or not image.size:
            return None
        where, value = fill[1], fill[2]
        shape = image.shape

        def plan(image: np.ndarray) -> np.ndarray:
            out = cv2.copyTo(image, None)
            if out.ndim != len(shape):
                out = out.reshape(shape)
            out[where] = value
            return out

        return plan


def _plan_uint8_fill(params: Params) -> None:
    """Precompute how a shared constant Params fills a uint8 image, when it is one
    rectangle filled with one value (the common Cutout): its slices and uint8 value."""
    if not isinstance(params, CutoutParams) or len(params.rects) != 1:
        return
    (y1, y2, x1, x2), mode, cval = params.rects[0], params.modes[0], params.cvals[0]
    if mode == "gaussian" or len(cval) != 1 or y2 <= y1 or x2 <= x1:
        return
    if len(_UINT8_FILLS) > 1024:  # bounded: entries outlive their augmenters
        _UINT8_FILLS.clear()
    # Python's round() rounds half to even, as the kernel does.
    _UINT8_FILLS[id(params)] = (params, (slice(y1, y2), slice(x1, x2)),
                                min(max(round(cval[0]), 0), 255))

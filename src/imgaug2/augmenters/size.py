"""Size augmenters: Resize (and its deprecated alias Scale), KeepSizeByResize, and the
crop/pad family re-exported from ``size_crop_pad``, ``size_fixed``, ``size_ratio`` and
``size_annotations``.

Resizing follows the library's continuous pixel convention: an image resized
from ``W x H`` to ``W' x H'`` maps ``(x, y) -> (x * W' / W, y * H' / H)``
for every coordinate target. Segmentation maps use nearest neighbour aligned
to pixel centres (``cv2.INTER_NEAREST_EXACT``), so no new labels appear;
heatmaps use the image interpolation and are clipped to [0, 1]. Maps smaller
than the image are resized by the same factors to
``round_half_away(map_size * new / old)`` (at least 1).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import cv2
import numpy as np

import imgaug2.parameters as iap
from imgaug2.augmenters.meta import Sequential, _Container, handle_children_list
from imgaug2.augmenters.size_annotations import (
    ClipCBAsToImagePlanes,
    RemoveCBAsByOutOfImageFraction,
)
from imgaug2.augmenters.size_crop_pad import Crop, CropAndPad, CropPadParams, Pad
from imgaug2.augmenters.size_fixed import (
    CenterCropToFixedSize,
    CenterCropToMultiplesOf,
    CenterPadToFixedSize,
    CenterPadToMultiplesOf,
    CropToFixedSize,
    CropToMultiplesOf,
    PadToFixedSize,
    PadToMultiplesOf,
)
from imgaug2.augmenters.size_ratio import (
    CenterCropToAspectRatio,
    CenterCropToPowersOf,
    CenterCropToSquare,
    CenterPadToAspectRatio,
    CenterPadToPowersOf,
    CenterPadToSquare,
    CropToAspectRatio,
    CropToPowersOf,
    CropToSquare,
    PadToAspectRatio,
    PadToPowersOf,
    PadToSquare,
)
from imgaug2.core.base import ALL_DTYPES, Augmenter
from imgaug2.core.memo import NOT_CONSTANT, ShapeMemo
from imgaug2.core.params import Params
from imgaug2.core.registry import register
from imgaug2.kernels.resize import resize_aligned, scale_xy
from imgaug2.kernels.size import MAX_OUTPUT_BYTES, check_output_size, round_half_away

__all__ = [
    "Resize", "Scale", "KeepSizeByResize", "ResizeParams", "KeepSizeParams",
    "CropAndPad", "Crop", "Pad", "CropPadParams",
    "PadToFixedSize", "CenterPadToFixedSize", "CropToFixedSize", "CenterCropToFixedSize",
    "CropToMultiplesOf", "CenterCropToMultiplesOf", "PadToMultiplesOf", "CenterPadToMultiplesOf",
    "CropToPowersOf", "CenterCropToPowersOf", "PadToPowersOf", "CenterPadToPowersOf",
    "CropToAspectRatio", "CenterCropToAspectRatio", "PadToAspectRatio", "CenterPadToAspectRatio",
    "CropToSquare", "CenterCropToSquare", "PadToSquare", "CenterPadToSquare",
    "RemoveCBAsByOutOfImageFraction", "ClipCBAsToImagePlanes",
]

INTERPOLATION_NAMES = ("nearest", "linear", "area", "cubic")
_CV_NAMES = {int(cv2.INTER_NEAREST): "nearest", int(cv2.INTER_LINEAR): "linear",
             int(cv2.INTER_AREA): "area", int(cv2.INTER_CUBIC): "cubic"}
_KEEP = "keep"
_KAR = "keep-aspect-ratio"


@dataclass(frozen=True, slots=True, kw_only=True)
class ResizeParams(Params):
    """Output image size for the row and the interpolation name."""

    height: int = 0
    width: int = 0
    interpolation: str = "cubic"


@dataclass(frozen=True, slots=True, kw_only=True)
class KeepSizeParams(Params):
    """Interpolation per target (a name or ``"NO_RESIZE"``)."""

    images: str = "cubic"
    heatmaps: str = "cubic"
    segmaps: str = "nearest"


# ------------------------------------------------------------ interpolation

def _interp_value(value: Any, argname: str, extra: tuple[str, ...] = ()) -> str:
    if isinstance(value, (str, np.str_)):
        value = str(value)
        if value in INTERPOLATION_NAMES or value in extra:
            return value
    elif isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        name = _CV_NAMES.get(int(value))
        if name is not None:
            return name
    raise ValueError("%s: expected one of %s or a cv2.INTER_NEAREST/LINEAR/AREA/CUBIC flag, "
                     "got %r" % (argname, ", ".join(INTERPOLATION_NAMES + extra), value))


def _handle_interpolation(value: Any, argname: str, extra: tuple[str, ...] = ()
                          ) -> iap.StochasticParameter:
    """``"ALL"``, a name, a cv2 flag, a list of those or a parameter -> parameter of names."""
    if isinstance(value, iap.StochasticParameter):
        return value
    if isinstance(value, str) and value == "ALL":
        return iap.Choice(list(INTERPOLATION_NAMES))
    if isinstance(value, list):
        if not value:
            raise ValueError("%s: expected a non-empty list" % argname)
        return iap.Choice([_interp_value(v, argname, extra) for v in value])
    if isinstance(value, (str, int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        return iap.Deterministic(_interp_value(value, argname, extra))
    raise TypeError("%s: expected \"ALL\", a name, a cv2 flag, a list or a parameter, got %r"
                    % (argname, value))


def _draw_interp(param: iap.StochasticParameter, rng: Any, argname: str,
                 extra: tuple[str, ...] = ()) -> str:
    if type(param) is iap.Deterministic:
        return param.value  # validated at construction
    return _interp_value(param.draw_sample(random_state=rng), argname, extra)


# -------------------------------------------------------------------- sizes

def _handle_size_value(value: Any, argname: str, allow_kar: bool) -> Any:
    """One size entry -> "keep", "keep-aspect-ratio" or a parameter (ints px, floats fractions)."""
    if isinstance(value, str):
        if value == _KEEP or (allow_kar and value == _KAR):
            return value
        raise ValueError("%s: expected %s, got %r"
                         % (argname, "'keep' or 'keep-aspect-ratio'" if allow_kar else "'keep'",
                            value))
    if isinstance(value, iap.StochasticParameter):
        return value
    if isinstance(value, (bool, np.bool_)):
        raise TypeError("%s: expected an int, a float, a tuple, a list or a parameter, got bool"
                        % argname)
    if isinstance(value, (int, np.integer)) or isinstance(value, list) and value and all(
            isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
            for v in value) or isinstance(value, tuple) and len(value) == 2 and all(
            isinstance(v, (int, np.integer)) and not isinstance(v, (bool, np.bool_))
            for v in value):
        return iap.handle_discrete_param(value, argname, value_range=(1, None),
                                         allow_floats=False)
    if isinstance(value, list) and any(isinstance(v, (int, np.integer)) for v in value) and any(
            isinstance(v, (float, np.floating)) for v in value):
        raise ValueError("%s: a list must hold only ints (pixels) or only floats (fractions), "
                         "got %r" % (argname, value))
    if isinstance(value, tuple) and len(value) == 2:
        value = (float(value[0]) if isinstance(value[0], (int, np.integer)) else value[0],
                 float(value[1]) if isinstance(value[1], (int, np.integer)) else value[1])
    return iap.handle_continuous_param(value, argname, value_range=lambda v: v > 0)


def _max_px(spec: Any) -> int | None:
    """Largest pixel size a spec can produce when known at construction."""
    if type(spec) is iap.Deterministic and isinstance(spec.value, (int, np.integer)):
        return int(spec.value)
    if type(spec) is iap.DiscreteUniform and type(spec.a) is iap.Deterministic \
            and type(spec.b) is iap.Deterministic:
        return max(int(spec.a.value), int(spec.b.value))
    if type(spec) is iap.Choice and all(isinstance(v, (int, np.integer)) for v in spec.a):
        return max(int(v) for v in spec.a)
    return None


def _resolve(value: Any, orig: int, argname: str) -> Any:
    """Sampled entry -> pixels, or "keep-aspect-ratio" (resolved later)."""
    if isinstance(value, (str, np.str_)):
        value = str(value)
        if value == _KEEP:
            return orig
        if value == _KAR:
            return _KAR
        raise ValueError("%s: the parameter returned %r" % (argname, value))
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)):
        if value < 1:
            raise ValueError("%s: sizes must be >= 1 pixel, the parameter returned %r"
                             % (argname, value))
        return int(value)
    f = float(value)
    if not f > 0 or f == float("inf"):
        raise ValueError("%s: fractions must be finite and > 0, the parameter returned %r"
                         % (argname, value))
    if orig == 0:
        return 0
    px = f * orig
    if px > MAX_OUTPUT_BYTES:
        raise ValueError("%s: resizing to %r times %d pixels is above the 1 GiB limit"
                         % (argname, f, orig))
    return max(1, round_half_away(px))


def _map_size(map_hw: tuple, image_hw: tuple, new_hw: tuple) -> tuple[int, int]:
    out = []
    for m, old, new in zip(map_hw, image_hw, new_hw):
        if m == old:
            out.append(int(new))
        elif old == 0 or m == 0:
            out.append(int(m))
        else:
            out.append(max(1, round_half_away(m * new / old)) if new else 0)
    return out[0], out[1]


@register("Resize")
class Resize(ShapeMemo, Augmenter):
    """Resize images (and every other target) to a new size.

    ``size`` accepts:

    * ``"keep"``: no change;
    * an int (pixels) or a float (fraction of the current size), used for
      both axes;
    * ``(a, b)``: two ints draw pixels from ``[a, b]``, otherwise a fraction
      from ``[a, b)``; a list picks one entry (all ints or all floats); a
      parameter is drawn once per row (ints are pixels, floats fractions);
    * a dict with ``"height"``/``"width"`` or ``"shorter-side"``/
      ``"longer-side"`` (missing keys mean ``"keep"``), each of the forms
      above, drawn independently; one of them may be
      ``"keep-aspect-ratio"`` to follow the other side.

    Fractions give ``max(1, round_half_away(fraction * side))``. Sampling
    order per row: the size (height then width, or shorter then longer
    side), then the interpolation. Sizes above 1 GiB of output are refused
    with a ``ValueError`` naming ``size`` (at construction when the size is
    known, else when sampling, before allocating). Zero-size axes: fractions
    keep them at 0, pixel sizes give a zero-filled image of that size.

    Supported dtypes: all (bool, uint8-64, int8-64, float16-64); dtypes
    OpenCV cannot interpolate are resized in float64 and rounded back
    (exact for nearest neighbour); bool always uses nearest neighbour.

    Args:
        size: See above.
        interpolation: ``"nearest"``, ``"linear"``, ``"area"``, ``"cubic"``,
            a ``cv2.INTER_*`` flag, ``"ALL"``, a list or a parameter (drawn
            per row). Heatmaps use it too; segmentation maps always use
            nearest neighbour.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Resize({"height": 64, "width": "keep-aspect-ratio"})
    """

    supported_dtypes = ALL_DTYPES
    geometric = True

    def __init__(self, size: Any = "keep", interpolation: Any = "cubic", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self._mode, self._specs = self._handle_size(size)
        self.size = size
        self.interpolation = _handle_interpolation(interpolation, "interpolation")
        self._check_known_size()

    @staticmethod
    def _handle_size(size: Any) -> tuple[str, tuple]:
        if isinstance(size, dict):
            keys = set(size)
            if keys <= {"height", "width"}:
                mode, names = "hw", ("height", "width")
            elif keys <= {"shorter-side", "longer-side"}:
                mode, names = "sl", ("shorter-side", "longer-side")
            else:
                raise ValueError("size: a dict takes the keys 'height'/'width' or "
                                 "'shorter-side'/'longer-side', got %s" % sorted(map(str, keys)))
            specs = tuple(_handle_size_value(size.get(k, _KEEP), "size[%r]" % k, True)
                          for k in names)
            if specs[0] == _KAR and specs[1] == _KAR:
                raise ValueError("size: at most one side may be 'keep-aspect-ratio'")
            return mode, specs
        return "single", (_handle_size_value(size, "size", False),)

    def _check_known_size(self) -> None:
        maxes = [_max_px(s) for s in self._specs]
        if self._mode == "single":
            maxes = maxes * 2
        for m in maxes:
            if m is not None and m > MAX_OUTPUT_BYTES:
                raise ValueError("size: %d pixels per side is above the 1 GiB limit" % m)
        if maxes[0] is not None and maxes[1] is not None and maxes[0] * maxes[1] > MAX_OUTPUT_BYTES:
            raise ValueError("size: resizing to up to %dx%d pixels is above the 1 GiB limit"
                             % (maxes[0], maxes[1]))

    @staticmethod
    def _draw(spec: Any, rng: Any) -> Any:
        if isinstance(spec, str):
            return spec
        if type(spec) is iap.Deterministic:
            return spec.value
        return spec.draw_sample(random_state=rng)

    def _constant_params(self, shape: tuple) -> Params:
        if type(self.interpolation) is iap.Deterministic and all(
                type(s) is str or type(s) is iap.Deterministic for s in self._specs):
            return self._sample_shape(None, shape)  # draws nothing
        return NOT_CONSTANT

    def _sample_shape(self, rng: Any, shape: tuple) -> Params:
        h0, w0 = int(shape[0]), int(shape[1])
        specs = self._specs
        if self._mode == "single":
            v = self._draw(specs[0], rng)
            vh, vw = v, v
        else:
            va, vb = self._draw(specs[0], rng), self._draw(specs[1], rng)
            if self._mode == "hw" or h0 <= w0:
                vh, vw = va, vb
            else:
                vh, vw = vb, va
        h = _resolve(vh, h0, "size")
        w = _resolve(vw, w0, "size")
        if h == _KAR:
            h = max(1, round_half_away(w * h0 / w0)) if w0 and h0 else h0
        elif w == _KAR:
            w = max(1, round_half_away(h * w0 / h0)) if h0 and w0 else w0
        channels = shape[2] if len(shape) > 2 else 1
        if h * w * channels > MAX_OUTPUT_BYTES:
            check_output_size((h, w, channels), 1, "size")
        interp = _draw_interp(self.interpolation, rng, "interpolation")
        return ResizeParams(applied=(h, w) != (h0, w0), height=h, width=w, interpolation=interp)

    def _augment_image(self, image: np.ndarray, params: Params) -> np.ndarray:
        p: ResizeParams = params  # type: ignore[assignment]
        if p.height * p.width * image.itemsize * (image.shape[2] if image.ndim == 3 else 1) \
                > MAX_OUTPUT_BYTES:
            check_output_size((p.height, p.width) + image.shape[2:], image.itemsize, "size")
        return resize_aligned(image, p.height, p.width, p.interpolation)

    def _augment_heatmaps(self, heatmaps: Any, params: Params) -> Any:
        p: ResizeParams = params  # type: ignore[assignment]
        shape = tuple(heatmaps.shape)
        arr = heatmaps.arr_0to1
        mh, mw = _map_size(arr.shape[:2], shape[:2], (p.height, p.width))
        out = resize_aligned(arr, mh, mw, p.interpolation)
        return heatmaps.replace(arr_0to1=out, shape=(p.height, p.width) + shape[2:])

    def _augment_segmentation_maps(self, segmaps: Any, params: Params) -> Any:
        p: ResizeParams = params  # type: ignore[assignment]
        shape = tuple(segmaps.shape)
        arr = segmaps.arr
        mh, mw = _map_size(arr.shape[:2], shape[:2], (p.height, p.width))
        out = resize_aligned(arr, mh, mw, "nearest")
        return segmaps.replace(arr=out, shape=(p.height, p.width) + shape[2:])

    def _augment_xy(self, xy: np.ndarray, params: Params, shape: tuple
                    ) -> tuple[np.ndarray, tuple]:
        p: ResizeParams = params  # type: ignore[assignment]
        new_shape = (p.height, p.width) + tuple(shape[2:])
        return scale_xy(xy, shape, new_shape), new_shape


@register("Scale")
class Scale(Resize):
    """Deprecated alias of :class:`Resize` (warns with ``DeprecationWarning``).

    Supported dtypes: all (see :class:`Resize`).

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Resize(0.5)  # instead of iaa.Scale(0.5)
    """

    def __init__(self, size: Any = "keep", interpolation: Any = "cubic", seed: Any = None,
                 name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        # stacklevel 3: past this __init__ and the argument-capturing wrapper, to the caller.
        warnings.warn("Scale is deprecated; use Resize instead", DeprecationWarning, stacklevel=3)
        super().__init__(size, interpolation=interpolation, seed=seed, name=name,
                         random_state=random_state, deterministic=deterministic)


# ------------------------------------------------------------ KeepSizeByResize

_NO_RESIZE = "NO_RESIZE"
_SAME = "SAME_AS_IMAGES"


@register("KeepSizeByResize")
class KeepSizeByResize(_Container):
    """Run children, then resize every output back to its input size.

    Images go back to their input height/width, heatmaps and segmentation
    maps to their own input array size, and coordinates are scaled by the
    same factors as the images (``x * W_in / W_out``). Per row the
    interpolations are drawn in this order: images, heatmaps, segmentation
    maps (before the children run).

    Supported dtypes: those of its children (all for the resizing itself).

    Args:
        children: Augmenter(s) to run first.
        interpolation: Images: ``"nearest"``, ``"linear"``, ``"area"``,
            ``"cubic"``, a ``cv2.INTER_*`` flag, ``"NO_RESIZE"`` (keep the
            children's size; coordinates are not rescaled either), a list or
            a parameter.
        interpolation_heatmaps: As above, or ``"SAME_AS_IMAGES"`` (default).
        interpolation_segmaps: ``"nearest"`` (default), ``"NO_RESIZE"`` or
            ``"SAME_AS_IMAGES"``; any other interpolation name is accepted
            for imgaug compatibility but segmentation maps are always resized
            with nearest neighbour so that no new labels appear.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.KeepSizeByResize(iaa.Crop((20, 40), keep_size=False))
    """

    NO_RESIZE = _NO_RESIZE
    SAME_AS_IMAGES = _SAME
    supported_dtypes = ALL_DTYPES

    def __init__(self, children: Any, interpolation: Any = "cubic",
                 interpolation_heatmaps: Any = _SAME, interpolation_segmaps: Any = "nearest",
                 seed: Any = None, name: str | None = None, random_state: Any = "deprecated",
                 deterministic: Any = "deprecated") -> None:
        super().__init__(seed=seed, name=name, random_state=random_state,
                         deterministic=deterministic)
        self.children = Sequential(handle_children_list(children), name="%s-children" % self.name)
        self.interpolation = _handle_interpolation(interpolation, "interpolation", (_NO_RESIZE,))
        self.interpolation_heatmaps = _handle_interpolation(
            interpolation_heatmaps, "interpolation_heatmaps", (_NO_RESIZE, _SAME))
        self.interpolation_segmaps = _handle_interpolation(
            interpolation_segmaps, "interpolation_segmaps", (_NO_RESIZE, _SAME))

    def get_children_lists(self) -> list[list[Augmenter]]:
        return [self.children]

    def _current_children_config(self) -> dict[str, Any]:
        return {"children": list(self.children) or None}

    def _sample(self, rng: Any, shape: tuple) -> Params:
        images = _draw_interp(self.interpolation, rng, "interpolation", (_NO_RESIZE,))
        heatmaps = _draw_interp(self.interpolation_heatmaps, rng, "interpolation_heatmaps",
                                (_NO_RESIZE, _SAME))
        segmaps = _draw_interp(self.interpolation_segmaps, rng, "interpolation_segmaps",
                               (_NO_RESIZE, _SAME))
        if heatmaps == _SAME:
            heatmaps = images
        if segmaps == _SAME:
            segmaps = images
        if segmaps != _NO_RESIZE:
            segmaps = "nearest"
        return KeepSizeParams(images=images, heatmaps=heatmaps, segmaps=segmaps)

    def _apply(self, cols: dict[str, list], params: list[Params], rows: list[int],
               keys: list | None, path: tuple, call: Any, parents: tuple) -> dict[str, list]:
        if not self._propagates(cols, call, parents) or not len(self.children):
            return cols
        before = {name: [_size_of(name, item) for item in column]
                  for name, column in cols.items()}
        out = self._run_sequence(tuple(range(len(self.children))), cols, rows, keys, path, call,
                                 parents, list(self.children), self._child_tags())
        result = {}
        for name, column in out.items():
            sizes = before.get(name)
            if sizes is None:
                result[name] = column
                continue
            result[name] = [_restore(name, item, size, p)  # type: ignore[arg-type]
                            for item, size, p in zip(column, sizes, params)]
        return result


def _size_of(name: str, item: Any) -> tuple:
    if name == "images":
        return item.shape[:2]
    if name == "heatmaps":
        return item.arr_0to1.shape[:2], tuple(item.shape)
    if name == "segmentation_maps":
        return item.arr.shape[:2], tuple(item.shape)
    return tuple(item.shape)


def _restore(name: str, item: Any, size: tuple, p: KeepSizeParams) -> Any:
    if name == "images":
        if p.images == _NO_RESIZE or item.shape[:2] == size:
            return item
        check_output_size(tuple(size) + item.shape[2:], item.itemsize, "interpolation")
        return resize_aligned(item, size[0], size[1], p.images)
    if name == "heatmaps":
        if p.heatmaps == _NO_RESIZE:
            return item
        (mh, mw), shape = size
        arr = item.arr_0to1
        if arr.shape[:2] != (mh, mw):
            arr = resize_aligned(arr, mh, mw, p.heatmaps)
        return item.replace(arr_0to1=arr, shape=shape[:2] + tuple(item.shape[2:]))
    if name == "segmentation_maps":
        if p.segmaps == _NO_RESIZE:
            return item
        (mh, mw), shape = size
        arr = item.arr
        if arr.shape[:2] != (mh, mw):
            arr = resize_aligned(arr, mh, mw, "nearest")
        return item.replace(arr=arr, shape=shape[:2] + tuple(item.shape[2:]))
    if p.images == _NO_RESIZE or tuple(item.shape[:2]) == tuple(size[:2]):
        return item
    new_shape = tuple(size[:2]) + tuple(item.shape[2:])
    return item.replace_coords(scale_xy(item.coords_xy(), tuple(item.shape), new_shape),
                               new_shape)

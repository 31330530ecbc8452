"""Array helpers shared by the augmentables and re-exported by :mod:`imgaug2.imgaug_utils`.

Holds the scalar type checks and the resize, pad and pool functions. They live
here (and not in ``imgaug_utils``) so that augmentable modules can use them
without importing the top-level helper module. Import them from
``imgaug2.imgaug_utils`` (or ``imgaug2``) in user code.

Resizing uses OpenCV where it can and exact numpy code where OpenCV cannot
(nearest neighbour for every dtype, integer dtypes OpenCV does not resize).
Nearest-neighbour sampling is centre-aligned: output pixel ``i`` reads input
pixel ``floor((i + 0.5) * H_in / H_out)``, which matches continuous coordinates
scaled by ``H_out / H_in``.

Example:
    >>> import numpy as np
    >>> from imgaug2.augmentables._imageops import imresize_single_image
    >>> imresize_single_image(np.zeros((4, 6), dtype=np.uint8), 2.0).shape
    (8, 12)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables._checks import is_single_float, is_single_integer, is_single_number

__all__ = [
    "avg_pool",
    "check_image_dtype",
    "compute_paddings_for_aspect_ratio",
    "compute_paddings_to_reach_aspect_ratio",
    "compute_paddings_to_reach_multiples_of",
    "imresize_many_images",
    "imresize_single_image",
    "max_pool",
    "median_pool",
    "min_pool",
    "normalize_interpolation",
    "pad",
    "pad_to_aspect_ratio",
    "pad_to_multiples_of",
    "pool",
]

_INTERPOLATIONS = {
    "nearest": cv2.INTER_NEAREST,
    "linear": cv2.INTER_LINEAR,
    "area": cv2.INTER_AREA,
    "cubic": cv2.INTER_CUBIC,
    "lanczos": cv2.INTER_LANCZOS4,
}
_INTERPOLATION_NAMES = {v: k for k, v in _INTERPOLATIONS.items()}
_CV2_NATIVE_DTYPES = {np.dtype(t) for t in (np.uint8, np.uint16, np.int16, np.float32, np.float64)}
_PAD_MODES = (
    "constant",
    "edge",
    "linear_ramp",
    "maximum",
    "mean",
    "median",
    "minimum",
    "reflect",
    "symmetric",
    "wrap",
)


# --------------------------------------------------------------------------- resizing
def normalize_interpolation(
    interpolation: str | int | None, name: str = "interpolation"
) -> str | None:
    if interpolation is None:
        return None
    if isinstance(interpolation, str):
        if interpolation not in _INTERPOLATIONS:
            raise ValueError(
                f"Argument `{name}` must be one of {sorted(_INTERPOLATIONS)} or a cv2 INTER_* "
                f"constant, got {interpolation!r}."
            )
        return interpolation
    if is_single_integer(interpolation) and int(interpolation) in _INTERPOLATION_NAMES:
        return _INTERPOLATION_NAMES[int(interpolation)]
    raise ValueError(
        f"Argument `{name}` must be one of {sorted(_INTERPOLATIONS)} or a cv2 INTER_* constant "
        f"(NEAREST, LINEAR, AREA, CUBIC, LANCZOS4), got {interpolation!r}."
    )


def _target_size(height: int, width: int, sizes: Any) -> tuple[int, int]:
    """Turn ``sizes`` (fraction or ``(h, w)`` of ints/fractions) into pixel sizes."""

    def one(value: Any, current: int, axis: str) -> int:
        if is_single_integer(value):
            if value < 0:
                raise ValueError(
                    f"Argument `sizes` must not contain negative values, got {sizes!r}."
                )
            return int(value)
        if is_single_float(value):
            if not math.isfinite(value) or value < 0:
                raise ValueError(
                    f"Argument `sizes` must contain finite non-negative fractions, got {sizes!r}."
                )
            if current == 0:
                return 0
            return max(1, round(current * float(value)))
        raise TypeError(
            f"Argument `sizes` must be a float or a (height, width) pair of ints or floats, "
            f"got {sizes!r} ({axis} entry of type {type(value).__name__})."
        )

    if is_single_number(sizes):
        return one(float(sizes), height, "height"), one(float(sizes), width, "width")
    if isinstance(sizes, (tuple, list, np.ndarray)) and len(sizes) == 2:
        return one(sizes[0], height, "height"), one(sizes[1], width, "width")
    raise TypeError(
        f"Argument `sizes` must be a float or a (height, width) pair of ints or floats, got {sizes!r}."
    )


def _nearest_indices(size_in: int, size_out: int) -> np.ndarray:
    idx = np.floor((np.arange(size_out, dtype=np.float64) + 0.5) * (size_in / size_out)).astype(
        np.intp
    )
    return np.clip(idx, 0, size_in - 1)


def _resize_cv2(image: np.ndarray, height: int, width: int, flag: int) -> np.ndarray:
    """Resize an image of a cv2-native dtype; handles any channel count."""
    src = np.ascontiguousarray(image)
    if src.ndim == 2:
        return cv2.resize(src, (width, height), interpolation=flag)
    nb_channels = src.shape[2]
    chunk = 4 if flag in (cv2.INTER_CUBIC, cv2.INTER_LANCZOS4) else 512
    parts = []
    for start in range(0, nb_channels, chunk):
        part = np.ascontiguousarray(src[:, :, start : start + chunk])
        res = cv2.resize(part, (width, height), interpolation=flag)
        if res.ndim == 2:
            res = res[:, :, np.newaxis]
        parts.append(res)
    return parts[0] if len(parts) == 1 else np.concatenate(parts, axis=2)


def _resize_one(image: np.ndarray, height: int, width: int, interpolation: str) -> np.ndarray:
    in_h, in_w = image.shape[0:2]
    out_shape = (height, width) + image.shape[2:]
    if image.size == 0 or height == 0 or width == 0:
        if (in_h == 0 or in_w == 0) and height > 0 and width > 0:
            raise ValueError(
                f"Argument `images` contains an image of shape {image.shape} with zero height or "
                f"width, which cannot be resized to the non-empty size {(height, width)}."
            )
        return np.zeros(out_shape, dtype=image.dtype)
    if (in_h, in_w) == (height, width):
        return np.ascontiguousarray(image).copy()
    if interpolation == "nearest":
        iy = _nearest_indices(in_h, height)
        ix = _nearest_indices(in_w, width)
        return np.ascontiguousarray(image[iy][:, ix])

    flag = _INTERPOLATIONS[interpolation]
    dtype = image.dtype
    if dtype in _CV2_NATIVE_DTYPES:
        return _resize_cv2(image, height, width, flag)
    if dtype.kind == "b":
        res = _resize_cv2(image.astype(np.float32), height, width, flag)
        return res > 0.5
    if dtype == np.float16:
        return _resize_cv2(image.astype(np.float32), height, width, flag).astype(np.float16)
    if dtype.kind in "iu":
        work = np.int16 if dtype == np.int8 else np.float64
        res = _resize_cv2(image.astype(work), height, width, flag)
        info = np.iinfo(dtype)
        if res.dtype.kind == "f":
            res = np.round(res)
        return np.clip(res, info.min, info.max).astype(dtype)
    if dtype.kind == "f":  # e.g. float128
        return _resize_cv2(image.astype(np.float64), height, width, flag).astype(dtype)
    raise TypeError(
        f"Argument `images` has dtype {dtype}, which cannot be resized; use a bool, integer or "
        f"float dtype."
    )


def check_image_dtype(dtype: np.dtype, name: str) -> None:
    if dtype.kind not in "biuf":
        raise TypeError(f"Argument `{name}` must have a bool, integer or float dtype, got {dtype}.")


def imresize_many_images(
    images: np.ndarray | Sequence[np.ndarray],
    sizes: float | tuple[int | float, int | float],
    interpolation: str | int | None = None,
) -> np.ndarray | list[np.ndarray]:
    """Resize many images to the same target size.

    Args:
        images: ``(N,H,W[,C])`` array or list of ``(H,W[,C])`` arrays. Dtypes bool,
            all integer and float dtypes are supported (int8/int32/int64/uint32/uint64
            go through a wider type and are rounded and clipped back; bool is
            thresholded at 0.5 after non-nearest interpolation).
        sizes: A fraction (``0.5``), a ``(height, width)`` pair of ints (pixels) or of
            floats (fractions). A fraction of a non-empty axis never gives less than 1 px.
        interpolation: ``"nearest"``, ``"linear"``, ``"area"``, ``"cubic"``,
            ``"lanczos"`` or the matching cv2 ``INTER_*`` constant. ``None`` picks
            ``"area"`` when shrinking and ``"cubic"`` when enlarging.

    Returns:
        An array if ``images`` was an array, otherwise a list. Dtype and number of
        dimensions are kept.

    Example:
        >>> imgs = np.zeros((2, 10, 20, 3), dtype=np.uint8)
        >>> imresize_many_images(imgs, 0.5).shape
        (2, 5, 10, 3)
    """
    interp = normalize_interpolation(interpolation)
    was_array = isinstance(images, np.ndarray)
    if was_array:
        if images.ndim not in (3, 4):
            raise ValueError(
                f"Argument `images` must be an (N,H,W) or (N,H,W,C) array, got shape {images.shape}."
            )
        check_image_dtype(images.dtype, "images")
        image_list = list(images)
    elif isinstance(images, (list, tuple)):
        image_list = list(images)
        for img in image_list:
            if not isinstance(img, np.ndarray) or img.ndim not in (2, 3):
                raise ValueError(
                    "Argument `images` must contain only (H,W) or (H,W,C) numpy arrays."
                )
            check_image_dtype(img.dtype, "images")
    else:
        raise TypeError(
            f"Argument `images` must be an array or a list of arrays, got {type(images).__name__}."
        )

    results = []
    for img in image_list:
        h, w = img.shape[0:2]
        th, tw = _target_size(h, w, sizes)
        ip = interp
        if ip is None:
            ip = "cubic" if (th > h or tw > w) else "area"
        results.append(_resize_one(img, th, tw, ip))
    if was_array:
        if not results:
            th, tw = _target_size(images.shape[1], images.shape[2], sizes)
            return np.zeros((0, th, tw) + images.shape[3:], dtype=images.dtype)
        return np.stack(results)
    return results


def imresize_single_image(
    image: np.ndarray,
    sizes: float | tuple[int | float, int | float],
    interpolation: str | int | None = None,
) -> np.ndarray:
    """Resize one ``(H,W)`` or ``(H,W,C)`` image; see :func:`imresize_many_images`.

    Example:
        >>> imresize_single_image(np.zeros((4, 4), dtype=np.float32), (2, 8)).shape
        (2, 8)
    """
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise ValueError(
            f"Argument `image` must be an (H,W) or (H,W,C) array, got "
            f"{getattr(image, 'shape', type(image).__name__)}."
        )
    return imresize_many_images([image], sizes, interpolation=interpolation)[0]


# --------------------------------------------------------------------------- padding
def _check_pad_amount(value: Any, name: str) -> int:
    if not is_single_integer(value) or value < 0:
        raise ValueError(f"Argument `{name}` must be an integer >= 0, got {value!r}.")
    return int(value)


def pad(
    arr: np.ndarray,
    top: int = 0,
    right: int = 0,
    bottom: int = 0,
    left: int = 0,
    mode: str = "constant",
    cval: float | Sequence[float] = 0,
) -> np.ndarray:
    """Pad an ``(H,W)`` or ``(H,W,C)`` array at its sides.

    Args:
        arr: Array to pad (any bool/int/float dtype, any channel count incl. 0).
        top: Rows to add at the top. ``right``, ``bottom``, ``left`` likewise.
        mode: A ``numpy.pad`` mode: constant, edge, linear_ramp, maximum, mean,
            median, minimum, reflect, symmetric or wrap.
        cval: Fill value for ``constant`` (end value for ``linear_ramp``). A sequence
            gives one value per channel of a 3D array. Clipped to the dtype's range.

    Returns:
        New padded array of the input dtype.

    Example:
        >>> pad(np.ones((2, 2), dtype=np.uint8), top=1, cval=7)[0].tolist()
        [7, 7]
    """
    if not isinstance(arr, np.ndarray) or arr.ndim not in (2, 3):
        raise ValueError("Argument `arr` must be an (H,W) or (H,W,C) numpy array.")
    top, right, bottom, left = (
        _check_pad_amount(top, "top"),
        _check_pad_amount(right, "right"),
        _check_pad_amount(bottom, "bottom"),
        _check_pad_amount(left, "left"),
    )
    if mode not in _PAD_MODES:
        raise ValueError(f"Argument `mode` must be one of {list(_PAD_MODES)}, got {mode!r}.")
    if top == right == bottom == left == 0:
        return np.ascontiguousarray(arr).copy()
    widths = [(top, bottom), (left, right)] + ([(0, 0)] if arr.ndim == 3 else [])
    if arr.size == 0 and mode != "constant":
        mode = "constant"  # other modes cannot extend an empty axis
    if mode not in ("constant", "linear_ramp"):
        return np.ascontiguousarray(np.pad(arr, widths, mode=mode))

    values = np.asarray(cval, dtype=np.float64).reshape(-1)
    if values.size == 0 or not np.all(np.isfinite(values)):
        raise ValueError(f"Argument `cval` must contain finite numbers, got {cval!r}.")
    if arr.dtype.kind in "iu":
        info = np.iinfo(arr.dtype)
        values = np.clip(np.round(values), info.min, info.max)
    elif arr.dtype.kind == "b":
        values = values > 0
    if values.size == 1:
        if mode == "constant":
            kwargs: dict[str, Any] = {"constant_values": np.array(values[0]).astype(arr.dtype)}
        else:
            kwargs = {"end_values": values[0]}
        return np.ascontiguousarray(np.pad(arr, widths, mode=mode, **kwargs))
    if arr.ndim != 3 or values.size != arr.shape[2]:
        raise ValueError(
            f"Argument `cval` has {values.size} values, but a per-channel cval needs an (H,W,C) "
            f"array with C={values.size}; got shape {arr.shape}."
        )
    channels = [
        pad(arr[:, :, c], top, right, bottom, left, mode=mode, cval=values[c].item())
        for c in range(arr.shape[2])
    ]
    return np.ascontiguousarray(np.stack(channels, axis=2))


def compute_paddings_to_reach_aspect_ratio(
    arr: np.ndarray | tuple[int, ...], aspect_ratio: float
) -> tuple[int, int, int, int]:
    """Compute ``(top, right, bottom, left)`` padding so that ``width/height == aspect_ratio``.

    Only one axis is padded; an odd amount puts the extra pixel at the bottom/right.

    Example:
        >>> compute_paddings_to_reach_aspect_ratio((4, 10), 1.0)
        (3, 0, 3, 0)
    """
    shape = arr.shape if isinstance(arr, np.ndarray) else tuple(arr)
    if len(shape) < 2:
        raise ValueError(f"Argument `arr` must be an array or shape with >= 2 dims, got {shape!r}.")
    if not is_single_number(aspect_ratio) or not (0 < aspect_ratio < math.inf):
        raise ValueError(
            f"Argument `aspect_ratio` must be a finite number > 0, got {aspect_ratio!r}."
        )
    height, width = int(shape[0]), int(shape[1])
    top = right = bottom = left = 0
    if height == 0:
        height = 1
        top = 1
    if width == 0:
        width = 1
        left = 1
    current = width / height
    if current < aspect_ratio:
        diff = round(aspect_ratio * height) - width
        left += diff // 2
        right = diff - diff // 2
    elif current > aspect_ratio:
        diff = round(width / aspect_ratio) - height
        top += diff // 2
        bottom = diff - diff // 2
    return top, right, bottom, left


#: imgaug's older name of :func:`compute_paddings_to_reach_aspect_ratio`.
compute_paddings_for_aspect_ratio = compute_paddings_to_reach_aspect_ratio


def compute_paddings_to_reach_multiples_of(
    arr: np.ndarray | tuple[int, ...], height_multiple: int | None, width_multiple: int | None
) -> tuple[int, int, int, int]:
    """Compute ``(top, right, bottom, left)`` padding so that H and W become multiples.

    Example:
        >>> compute_paddings_to_reach_multiples_of((5, 8), 4, 3)
        (1, 1, 2, 0)
    """
    shape = arr.shape if isinstance(arr, np.ndarray) else tuple(arr)

    def amounts(size: int, multiple: int | None, name: str) -> tuple[int, int]:
        if multiple is None:
            return 0, 0
        if not is_single_integer(multiple) or multiple <= 0:
            raise ValueError(f"Argument `{name}` must be an integer > 0 or None, got {multiple!r}.")
        diff = (-size) % multiple
        return diff // 2, diff - diff // 2

    top, bottom = amounts(int(shape[0]), height_multiple, "height_multiple")
    left, right = amounts(int(shape[1]), width_multiple, "width_multiple")
    return top, right, bottom, left


def pad_to_aspect_ratio(
    arr: np.ndarray,
    aspect_ratio: float,
    mode: str = "constant",
    cval: float | Sequence[float] = 0,
    return_pad_amounts: bool = False,
) -> np.ndarray | tuple[np.ndarray, tuple[int, int, int, int]]:
    """Pad an array so that ``width / height`` equals ``aspect_ratio``.

    Example:
        >>> pad_to_aspect_ratio(np.zeros((4, 2)), 1.0).shape
        (4, 4)
    """
    paddings = compute_paddings_to_reach_aspect_ratio(arr, aspect_ratio)
    top, right, bottom, left = paddings
    result = pad(arr, top=top, right=right, bottom=bottom, left=left, mode=mode, cval=cval)
    return (result, paddings) if return_pad_amounts else result


def pad_to_multiples_of(
    arr: np.ndarray,
    height_multiple: int | None,
    width_multiple: int | None,
    mode: str = "constant",
    cval: float | Sequence[float] = 0,
    return_pad_amounts: bool = False,
) -> np.ndarray | tuple[np.ndarray, tuple[int, int, int, int]]:
    """Pad an array so that its height and width become multiples of the given values.

    Example:
        >>> pad_to_multiples_of(np.zeros((5, 5)), 4, 2).shape
        (8, 6)
    """
    paddings = compute_paddings_to_reach_multiples_of(arr, height_multiple, width_multiple)
    top, right, bottom, left = paddings
    result = pad(arr, top=top, right=right, bottom=bottom, left=left, mode=mode, cval=cval)
    return (result, paddings) if return_pad_amounts else result


# --------------------------------------------------------------------------- pooling
def _block_size_tuple(block_size: Any, ndim: int) -> tuple[int, ...]:
    if is_single_integer(block_size):
        sizes = (int(block_size), int(block_size)) + ((1,) if ndim == 3 else ())
    elif isinstance(block_size, (tuple, list)) and len(block_size) in (2, 3):
        sizes = tuple(block_size)
        if not all(is_single_integer(s) for s in sizes):
            raise ValueError(f"Argument `block_size` must contain integers, got {block_size!r}.")
        sizes = tuple(int(s) for s in sizes)
        if len(sizes) == 2 and ndim == 3:
            sizes = sizes + (1,)
        if len(sizes) == 3 and ndim == 2:
            raise ValueError("Argument `block_size` has 3 entries but `arr` is 2-dimensional.")
    else:
        raise ValueError(
            f"Argument `block_size` must be an int or a tuple of 2 or 3 ints, got {block_size!r}."
        )
    if any(s < 1 for s in sizes):
        raise ValueError(f"Argument `block_size` must contain values >= 1, got {block_size!r}.")
    return sizes


def pool(
    arr: np.ndarray,
    block_size: int | tuple[int, ...],
    func: Callable[..., np.ndarray],
    pad_mode: str = "constant",
    pad_cval: float = 0,
    preserve_dtype: bool = True,
    cval: float | None = None,
) -> np.ndarray:
    """Reduce non-overlapping blocks of an ``(H,W[,C])`` array with ``func``.

    The array is first padded (bottom/right, ``pad_mode``) to a multiple of the
    block size.

    Args:
        arr: Array to pool.
        block_size: Block size; an int (both spatial axes) or ``(bh, bw[, bc])``.
        func: Reduction accepting ``axis=`` such as ``np.mean`` or ``np.max``.
        pad_mode: ``numpy.pad`` mode used to reach a multiple of the block size.
        pad_cval: Fill value for ``pad_mode="constant"``.
        preserve_dtype: Cast the result back to the input dtype (rounding for
            integer dtypes, ``>= 0.5`` for bool).
        cval: Deprecated alias of ``pad_cval``.

    Example:
        >>> pool(np.arange(16).reshape(4, 4), 2, np.max).tolist()
        [[5, 7], [13, 15]]
    """
    if not isinstance(arr, np.ndarray) or arr.ndim not in (2, 3):
        raise ValueError("Argument `arr` must be an (H,W) or (H,W,C) numpy array.")
    check_image_dtype(arr.dtype, "arr")
    if not callable(func):
        raise TypeError(f"Argument `func` must be callable, got {type(func).__name__}.")
    if cval is not None:
        pad_cval = cval
    sizes = _block_size_tuple(block_size, arr.ndim)
    if all(s == 1 for s in sizes):
        return np.ascontiguousarray(arr).copy()
    input_dtype = arr.dtype
    work = arr.astype(np.uint8) if input_dtype.kind == "b" else arr
    out_dims = [-(-dim // s) for dim, s in zip(work.shape, sizes)]
    pad_amounts = [o * s - dim for o, dim, s in zip(out_dims, work.shape, sizes)]
    if any(pad_amounts):
        if work.size == 0:
            work = np.zeros([o * s for o, s in zip(out_dims, sizes)], dtype=work.dtype)
        elif pad_mode in ("constant", "linear_ramp"):
            key = "constant_values" if pad_mode == "constant" else "end_values"
            work = np.pad(work, [(0, p) for p in pad_amounts], mode=pad_mode, **{key: pad_cval})
        else:
            work = np.pad(work, [(0, p) for p in pad_amounts], mode=pad_mode)
    new_shape: list[int] = []
    for o, s in zip(out_dims, sizes):
        new_shape.extend([o, s])
    blocks = work.reshape(new_shape)
    axes = tuple(range(1, 2 * work.ndim, 2))
    if work.size == 0:
        result = np.zeros(out_dims, dtype=np.float64)
    else:
        result = np.asarray(func(blocks, axis=axes))
    if preserve_dtype and result.dtype != input_dtype:
        if input_dtype.kind == "b":
            result = result >= 0.5
        elif input_dtype.kind in "iu":
            info = np.iinfo(input_dtype)
            result = np.clip(np.round(result), info.min, info.max).astype(input_dtype)
        else:
            result = result.astype(input_dtype)
    return np.ascontiguousarray(result)


def avg_pool(
    arr: np.ndarray,
    block_size: int | tuple[int, ...],
    pad_mode: str = "reflect",
    pad_cval: float = 128,
    preserve_dtype: bool = True,
    cval: float | None = None,
) -> np.ndarray:
    """Average-pool an array; see :func:`pool`.

    Example:
        >>> avg_pool(np.array([[0, 2], [4, 6]], dtype=np.uint8), 2).tolist()
        [[3]]
    """
    return pool(arr, block_size, np.mean, pad_mode, pad_cval, preserve_dtype, cval)


def max_pool(
    arr: np.ndarray,
    block_size: int | tuple[int, ...],
    pad_mode: str = "edge",
    pad_cval: float = 0,
    preserve_dtype: bool = True,
    cval: float | None = None,
) -> np.ndarray:
    """Max-pool an array; see :func:`pool`.

    Example:
        >>> max_pool(np.array([[0, 2], [4, 6]]), 2).tolist()
        [[6]]
    """
    return pool(arr, block_size, np.max, pad_mode, pad_cval, preserve_dtype, cval)


def min_pool(
    arr: np.ndarray,
    block_size: int | tuple[int, ...],
    pad_mode: str = "edge",
    pad_cval: float = 255,
    preserve_dtype: bool = True,
    cval: float | None = None,
) -> np.ndarray:
    """Min-pool an array; see :func:`pool`.

    Example:
        >>> min_pool(np.array([[0, 2], [4, 6]]), 2).tolist()
        [[0]]
    """
    return pool(arr, block_size, np.min, pad_mode, pad_cval, preserve_dtype, cval)


def median_pool(
    arr: np.ndarray,
    block_size: int | tuple[int, ...],
    pad_mode: str = "reflect",
    pad_cval: float = 128,
    preserve_dtype: bool = True,
    cval: float | None = None,
) -> np.ndarray:
    """Median-pool an array; see :func:`pool`.

    Example:
        >>> median_pool(np.array([[0, 2], [4, 100]]), 2).tolist()
        [[3]]
    """
    return pool(arr, block_size, np.median, pad_mode, pad_cval, preserve_dtype, cval)

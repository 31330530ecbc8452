"""imgaug's ``pillike`` function API: stateless operations identical to Pillow's.

``iaa.pillike.solarize(image, 128)``, ``equalize(image)``, ``warp_affine(image, ...)``
and the others take one uint8 image of shape ``(H,W)``, ``(H,W,1)``, ``(H,W,3)``
or ``(H,W,4)`` and return a new array (the ``*_`` variants exist for imgaug
compatibility and never modify their input either). Other dtypes raise
``TypeError`` and other channel counts ``ValueError``, both naming ``image``.
``enhance_color`` and ``filter_detail`` take ``exact`` like their augmenters:
False (the default) allows a difference of 1 on a few pixels for speed.

Example:
    >>> import numpy as np
    >>> import imgaug2.augmenters as iaa
    >>> image = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)
    >>> bool(iaa.pillike.posterize(image, 2).max() <= image.max())
    True
"""

from __future__ import annotations

from typing import Any

import numpy as np

from imgaug2.augmenters.blur import check_bool
from imgaug2.augmenters.pillike_affine import affine_coefficients
from imgaug2.kernels import pillike as K

__all__ = [
    "solarize", "solarize_", "posterize", "posterize_", "equalize", "equalize_", "autocontrast",
    "enhance_color", "enhance_contrast", "enhance_brightness", "enhance_sharpness",
    "filter_blur", "filter_smooth", "filter_smooth_more", "filter_edge_enhance",
    "filter_edge_enhance_more", "filter_find_edges", "filter_contour", "filter_emboss",
    "filter_sharpen", "filter_detail", "warp_affine",
]


def _check(image: Any) -> np.ndarray:
    if not isinstance(image, np.ndarray):
        raise TypeError("image: expected a numpy array, got %s" % type(image).__name__)
    if image.dtype != np.uint8:
        raise TypeError("image: pillike functions take uint8 images, got dtype %s"
                        % image.dtype.name)
    if image.ndim not in (2, 3):
        raise ValueError("image: expected shape (H,W) or (H,W,C), got %s" % (image.shape,))
    K.check_layout(image)
    return image


def _number(value: Any, name: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        raise TypeError("%s: expected a number, got %r" % (name, value))
    value = float(value)
    if not (lo <= value <= hi):
        raise ValueError("%s: expected a value in [%s, %s], got %r" % (name, lo, hi, value))
    return value


def solarize(image: np.ndarray, threshold: float = 128) -> np.ndarray:
    """Invert values at or above ``threshold`` (``PIL.ImageOps.solarize``).

    Supported dtypes: uint8.
    """
    return K.solarize(_check(image), _number(threshold, "threshold", -1e6, 1e6))


solarize_ = solarize


def posterize(image: np.ndarray, bits: int) -> np.ndarray:
    """Keep the ``bits`` (1-8) most significant bits (``PIL.ImageOps.posterize``).

    Supported dtypes: uint8.
    """
    return K.posterize(_check(image), int(_number(bits, "bits", 1, 8)))


posterize_ = posterize


def equalize(image: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
    """Equalize each channel's histogram (``PIL.ImageOps.equalize``).

    Supported dtypes: uint8.

    Args:
        image: The image.
        mask: Optional uint8 ``(H,W)`` array; only pixels where it is nonzero
            build the histograms (all pixels are remapped).
    """
    image = _check(image)
    if mask is not None:
        if not isinstance(mask, np.ndarray) or mask.dtype != np.uint8 \
                or mask.shape != image.shape[:2]:
            raise ValueError("mask: expected a uint8 array of shape %s" % (image.shape[:2],))
        mask = np.ascontiguousarray(mask)
    return K.equalize(image, mask)


equalize_ = equalize


def autocontrast(image: np.ndarray, cutoff: Any = 0, ignore: Any = None) -> np.ndarray:
    """Stretch each channel after cutting ``cutoff`` percent off each end (``autocontrast``).

    Supported dtypes: uint8.

    Args:
        image: The image.
        cutoff: Percentage in [0, 100) cut from both ends, or ``(low, high)``.
        ignore: Intensity (or iterable of intensities) treated as background.
    """
    image = _check(image)
    if isinstance(cutoff, tuple):
        if len(cutoff) != 2:
            raise ValueError("cutoff: expected a number or a (low, high) pair, got %r" % (cutoff,))
        pair = (_number(cutoff[0], "cutoff", 0, 100), _number(cutoff[1], "cutoff", 0, 100))
    else:
        pair = (_number(cutoff, "cutoff", 0, 100),) * 2
    values = () if ignore is None else (ignore if np.iterable(ignore) else (ignore,))
    ignored = tuple(int(_number(v, "ignore", 0, 255)) for v in values)
    return K.autocontrast(image, (pair,), ignored)


def _enhance(kernel: Any) -> Any:
    def enhance(image: np.ndarray, factor: float) -> np.ndarray:
        return kernel(_check(image), _number(factor, "factor", 0.0, 1e6))
    return enhance


def enhance_color(image: np.ndarray, factor: float, exact: bool = False) -> np.ndarray:
    """Blend with the luma image (``PIL.ImageEnhance.Color``).

    ``exact``: Pillow's luma weights (bit-identical); False takes the luma from
    OpenCV, off by 1 on a few pixels (see :class:`EnhanceColor`).

    Supported dtypes: uint8.
    """
    return K.enhance_color(_check(image), _number(factor, "factor", 0.0, 1e6),
                           check_bool(exact, "exact"))


enhance_contrast = _enhance(K.enhance_contrast)
enhance_contrast.__doc__ = "Blend with the mean luma (``ImageEnhance.Contrast``). uint8 only."
enhance_brightness = _enhance(K.enhance_brightness)
enhance_brightness.__doc__ = "Blend with black (``ImageEnhance.Brightness``). uint8 only."
enhance_sharpness = _enhance(K.enhance_sharpness)
enhance_sharpness.__doc__ = "Blend with the SMOOTH image (``ImageEnhance.Sharpness``). uint8 only."


def _filter(name: str) -> Any:
    def apply(image: np.ndarray) -> np.ndarray:
        return K.filter_image(_check(image), name)
    apply.__doc__ = "``image.filter(ImageFilter.%s)``. Supported dtypes: uint8." % name
    return apply


filter_blur = _filter("BLUR")
filter_smooth = _filter("SMOOTH")
filter_smooth_more = _filter("SMOOTH_MORE")
filter_edge_enhance = _filter("EDGE_ENHANCE")
filter_edge_enhance_more = _filter("EDGE_ENHANCE_MORE")
filter_find_edges = _filter("FIND_EDGES")
filter_contour = _filter("CONTOUR")
filter_emboss = _filter("EMBOSS")
filter_sharpen = _filter("SHARPEN")


def filter_detail(image: np.ndarray, exact: bool = False) -> np.ndarray:
    """``image.filter(ImageFilter.DETAIL)``.

    ``exact``: Pillow's float32 rounding (bit-identical); False rounds the
    exact kernel sum half up, 1 off Pillow on some .5 ties (see
    :class:`FilterDetail`).

    Supported dtypes: uint8.
    """
    return K.filter_image(_check(image), "DETAIL", check_bool(exact, "exact"))


def _pil_fill(fillcolor: Any, channels: int) -> tuple:
    """Pillow's reading of a fill colour: an int packs channels little-endian; a tuple
    shorter than an RGBA pixel leaves alpha opaque."""
    if fillcolor is None:
        return (0,) * channels
    if isinstance(fillcolor, (int, np.integer)) and not isinstance(fillcolor, bool):
        value = int(fillcolor)
        if channels == 1:
            return (min(max(value, 0), 255),)
        return tuple((value >> (8 * i)) & 0xFF for i in range(channels))
    if isinstance(fillcolor, tuple) and 1 <= len(fillcolor) <= 4:
        values = [int(_number(v, "fillcolor", 0, 255)) for v in fillcolor]
        values += [255 if i == 3 else 0 for i in range(len(values), channels)]
        return tuple(values[:channels])
    raise TypeError("fillcolor: expected None, an int or a tuple of up to 4 ints, got %r"
                    % (fillcolor,))


def warp_affine(image: np.ndarray, scale_x: float = 1.0, scale_y: float = 1.0,
                translate_x_px: float = 0, translate_y_px: float = 0, rotate_deg: float = 0,
                shear_x_deg: float = 0, shear_y_deg: float = 0, fillcolor: Any = None,
                center: tuple = (0.5, 0.5)) -> np.ndarray:
    """Affine warp identical to ``Image.transform(size, AFFINE, ..., NEAREST)``.

    The transform is the one of :class:`Affine` (about ``center``, relative
    coordinates); ``fillcolor`` follows Pillow: None is black, an int packs the
    channels little-endian (so ``5`` fills only the first channel), a tuple gives
    the channels (alpha opaque when left out).

    Supported dtypes: uint8.
    """
    image = _check(image)
    numbers = [_number(v, n, -1e6, 1e6) for v, n in (
        (scale_x, "scale_x"), (scale_y, "scale_y"), (translate_x_px, "translate_x_px"),
        (translate_y_px, "translate_y_px"), (rotate_deg, "rotate_deg"),
        (shear_x_deg, "shear_x_deg"), (shear_y_deg, "shear_y_deg"))]
    if not (isinstance(center, tuple) and len(center) == 2):
        raise TypeError("center: expected an (x, y) tuple, got %r" % (center,))
    centre = (_number(center[0], "center", -1e6, 1e6), _number(center[1], "center", -1e6, 1e6))
    if image.size == 0:
        return image.copy()
    scale_x, scale_y = (max(v, 1e-4) for v in numbers[:2])
    shear_x, shear_y = (min(max(v, -89.0), 89.0) for v in numbers[5:7])
    coeffs = affine_coefficients(image.shape, scale_x, scale_y, numbers[2], numbers[3],
                                 numbers[4], shear_x, shear_y, centre)
    channels = image.shape[2] if image.ndim == 3 else 1
    return K.affine_image(image, coeffs, _pil_fill(fillcolor, channels))

"""Heatmaps on images: :class:`HeatmapsOnImage`.

A heatmap is a float array ``(H,W)`` or ``(H,W,C)`` with values in
``[min_value, max_value]``. It is stored as ``arr_0to1``, a float32 ``(H,W,C)``
array rescaled to ``[0, 1]``. The heatmap may be smaller (or larger) than the
image it belongs to: ``shape`` is the *image's* shape, and augmenters rescale
their geometry to the heatmap's own size.

Values outside ``[min_value, max_value]`` (beyond a tolerance of 1e-4 of the
range) and NaN/inf raise ``ValueError``; non-float arrays raise ``TypeError``
(use :meth:`HeatmapsOnImage.from_uint8` for uint8 data).

Example:
    >>> import numpy as np
    >>> from imgaug2.augmentables.heatmaps import HeatmapsOnImage
    >>> heatmap = HeatmapsOnImage(np.full((16, 16), 0.5, dtype=np.float32), shape=(64, 64, 3))
    >>> heatmap.arr_0to1.shape, heatmap.get_arr().shape
    ((16, 16, 1), (16, 16))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

from imgaug2.augmentables._imageops import (
    avg_pool,
    compute_paddings_to_reach_aspect_ratio,
    imresize_single_image,
    max_pool,
    pad,
)
from imgaug2.augmentables._utils import as_hwc, normalize_shape, to_float

__all__ = ["HeatmapsOnImage"]

Shape = Any
_TOLERANCE = 1e-4


def _check_min_max(min_value: Any, max_value: Any) -> tuple[float, float]:
    lo, hi = to_float(min_value, "min_value"), to_float(max_value, "max_value")
    if not (np.isfinite(lo) and np.isfinite(hi)) or not lo < hi:
        raise ValueError(
            f"Arguments `min_value` ({min_value!r}) and `max_value` ({max_value!r}) must be finite "
            f"with min_value < max_value."
        )
    return lo, hi


def _colormap(cmap: str | None) -> int | None:
    if cmap is None:
        return None
    if not isinstance(cmap, str):
        raise TypeError(
            f"Argument `cmap` must be a colormap name such as 'jet' or None, got {cmap!r}."
        )
    flag = getattr(cv2, f"COLORMAP_{cmap.upper()}", None)
    if flag is None:
        names = sorted(n[9:].lower() for n in dir(cv2) if n.startswith("COLORMAP_"))
        raise ValueError(f"Argument `cmap` must be None or one of {names}, got {cmap!r}.")
    return int(flag)


def _rgb_image(image: Any, name: str = "image") -> np.ndarray:
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise ValueError(f"Argument `{name}` must be an (H,W) or (H,W,3) uint8 array.")
    if image.dtype != np.uint8:
        raise TypeError(f"Argument `{name}` must have dtype uint8, got {image.dtype}.")
    image = as_hwc(image)
    if image.shape[2] == 1:
        image = np.repeat(image, 3, axis=2)
    if image.shape[2] != 3:
        raise ValueError(f"Argument `{name}` must have 1 or 3 channels, got shape {image.shape}.")
    return image


class HeatmapsOnImage:
    """Float heatmaps belonging to one image.

    Args:
        arr: Float array ``(H,W)`` or ``(H,W,C)`` with values in ``[min_value, max_value]``.
        shape: Shape of the image the heatmap belongs to (or the image itself).
        min_value: Value that corresponds to 0 in ``arr_0to1``.
        max_value: Value that corresponds to 1 in ``arr_0to1``.

    Attributes:
        arr_0to1: float32 ``(H,W,C)`` array in ``[0, 1]``.
        shape: The image shape.
        min_value: See above. ``max_value`` likewise.

    Example:
        >>> hm = HeatmapsOnImage(np.zeros((4, 4, 2), dtype=np.float32), shape=(8, 8))
        >>> hm.resize((8, 8)).arr_0to1.shape
        (8, 8, 2)
    """

    def __init__(
        self, arr: np.ndarray, shape: Shape, min_value: float = 0.0, max_value: float = 1.0
    ) -> None:
        if not isinstance(arr, np.ndarray):
            raise TypeError(
                f"Argument `arr` must be a float numpy array, got {type(arr).__name__}."
            )
        if arr.dtype.kind != "f":
            raise TypeError(
                f"Argument `arr` must have a float dtype (e.g. float32), got {arr.dtype}. "
                f"Use HeatmapsOnImage.from_uint8() for uint8 heatmaps."
            )
        if arr.ndim not in (2, 3):
            raise ValueError(f"Argument `arr` must have shape (H,W) or (H,W,C), got {arr.shape}.")
        self.min_value, self.max_value = _check_min_max(min_value, max_value)
        self.shape = normalize_shape(shape)
        self.arr_was_2d = arr.ndim == 2
        data = arr.astype(np.float64)
        if data.size:
            lo, hi = float(np.min(data)), float(np.max(data))
            if not (np.isfinite(lo) and np.isfinite(hi)):
                raise ValueError("Argument `arr` contains NaN or infinite values.")
            tol = _TOLERANCE * (self.max_value - self.min_value)
            if lo < self.min_value - tol or hi > self.max_value + tol:
                raise ValueError(
                    f"Argument `arr` has values in [{lo}, {hi}], outside [min_value={self.min_value}, "
                    f"max_value={self.max_value}]."
                )
        scaled = (data - self.min_value) / (self.max_value - self.min_value)
        scaled = np.clip(scaled, 0.0, 1.0).astype(np.float32)
        self.arr_0to1 = np.ascontiguousarray(
            scaled[:, :, np.newaxis] if self.arr_was_2d else scaled
        )

    @classmethod
    def _build(
        cls,
        arr_0to1: np.ndarray,
        shape: tuple[int, ...],
        min_value: float,
        max_value: float,
        arr_was_2d: bool,
    ) -> HeatmapsOnImage:
        obj = cls.__new__(cls)
        obj.arr_0to1 = np.ascontiguousarray(arr_0to1, dtype=np.float32)
        obj.shape = shape
        obj.min_value = min_value
        obj.max_value = max_value
        obj.arr_was_2d = arr_was_2d and obj.arr_0to1.shape[2] == 1
        return obj

    def replace(
        self, arr_0to1: np.ndarray | None = None, shape: Shape | None = None
    ) -> HeatmapsOnImage:
        """New heatmap with another ``arr_0to1`` (``(H,W,C)``, clipped to [0,1]) and/or image shape.

        Example:
            >>> hm = HeatmapsOnImage(np.zeros((2, 2), dtype=np.float32), shape=(2, 2))
            >>> hm.replace(arr_0to1=np.ones((3, 3, 1), dtype=np.float32)).get_arr().shape
            (3, 3)
        """
        if arr_0to1 is None:
            new_arr = self.arr_0to1.copy()
        else:
            if (
                not isinstance(arr_0to1, np.ndarray)
                or arr_0to1.ndim != 3
                or arr_0to1.dtype.kind != "f"
            ):
                raise ValueError(
                    f"Argument `arr_0to1` must be a float (H,W,C) array, got "
                    f"{getattr(arr_0to1, 'shape', type(arr_0to1).__name__)}."
                )
            new_arr = np.clip(arr_0to1, 0.0, 1.0).astype(np.float32)
        new_shape = self.shape if shape is None else normalize_shape(shape)
        return self._build(new_arr, new_shape, self.min_value, self.max_value, self.arr_was_2d)

    def get_arr(self) -> np.ndarray:
        """The heatmap in ``[min_value, max_value]``, ``(H,W)`` if the input was 2D."""
        arr = self.arr_0to1
        if (self.min_value, self.max_value) != (0.0, 1.0):
            arr = (
                arr.astype(np.float64) * (self.max_value - self.min_value) + self.min_value
            ).astype(np.float32)
        else:
            arr = arr.copy()
        if self.arr_was_2d and arr.shape[2] == 1:
            return arr[:, :, 0]
        return arr

    # ---------------------------------------------------------------- drawing
    def draw(
        self, size: Sequence[int] | float | None = None, cmap: str | None = "jet"
    ) -> list[np.ndarray]:
        """One RGB uint8 image per channel, coloured with an OpenCV colormap (``None``: grey).

        Example:
            >>> hm = HeatmapsOnImage(np.zeros((4, 4, 2), dtype=np.float32), shape=(4, 4))
            >>> [img.shape for img in hm.draw(size=(8, 8))]
            [(8, 8, 3), (8, 8, 3)]
        """
        flag = _colormap(cmap)
        results = []
        for c in range(self.arr_0to1.shape[2]):
            channel = np.round(np.clip(self.arr_0to1[:, :, c], 0.0, 1.0) * 255).astype(np.uint8)
            if size is not None:
                channel = imresize_single_image(channel, size, interpolation="nearest")
            if flag is None or channel.size == 0:
                rgb = np.repeat(channel[:, :, np.newaxis], 3, axis=2)
            else:
                rgb = cv2.applyColorMap(np.ascontiguousarray(channel), flag)[:, :, ::-1]
            results.append(np.ascontiguousarray(rgb))
        return results

    def draw_on_image(
        self,
        image: np.ndarray,
        alpha: float = 0.75,
        cmap: str | None = "jet",
        resize: str = "heatmaps",
    ) -> list[np.ndarray]:
        """Blend each drawn channel over a uint8 image; one result per channel.

        Args:
            image: ``(H,W)``, ``(H,W,1)`` or ``(H,W,3)`` uint8 image.
            alpha: Opacity of the heatmap in ``[0, 1]``.
            cmap: OpenCV colormap name or ``None``.
            resize: ``"heatmaps"`` (resize the heatmap to the image) or ``"image"``.

        Example:
            >>> hm = HeatmapsOnImage(np.ones((2, 2), dtype=np.float32), shape=(4, 4, 3))
            >>> hm.draw_on_image(np.zeros((4, 4, 3), dtype=np.uint8))[0].shape
            (4, 4, 3)
        """
        image = _rgb_image(image)
        alpha = to_float(alpha, "alpha")
        if not 0.0 <= alpha <= 1.0:
            raise ValueError(f"Argument `alpha` must be in [0.0, 1.0], got {alpha!r}.")
        if resize not in ("heatmaps", "image"):
            raise ValueError(f"Argument `resize` must be 'heatmaps' or 'image', got {resize!r}.")
        if resize == "image":
            image = imresize_single_image(image, self.arr_0to1.shape[0:2], interpolation="cubic")
            drawn = self.draw(cmap=cmap)
        else:
            drawn = self.draw(size=image.shape[0:2], cmap=cmap)
        base = image.astype(np.float64)
        return [
            np.clip(np.round((1 - alpha) * base + alpha * d), 0, 255).astype(np.uint8)
            for d in drawn
        ]

    # ---------------------------------------------------------------- array operations
    def invert(self) -> HeatmapsOnImage:
        """Return the heatmap with ``v -> max_value - (v - min_value)``."""
        return self.replace(arr_0to1=1.0 - self.arr_0to1)

    def _cval_0to1(self, cval: Any) -> float:
        return (to_float(cval, "cval") - self.min_value) / (self.max_value - self.min_value)

    def pad(
        self,
        top: int = 0,
        right: int = 0,
        bottom: int = 0,
        left: int = 0,
        mode: str = "constant",
        cval: float = 0.0,
    ) -> HeatmapsOnImage:
        """Pad the heatmap (``cval`` is in the ``[min_value, max_value]`` range).

        Example:
            >>> HeatmapsOnImage(np.zeros((2, 2), dtype=np.float32), (2, 2)).pad(top=1).get_arr().shape
            (3, 2)
        """
        arr = pad(
            self.arr_0to1,
            top=top,
            right=right,
            bottom=bottom,
            left=left,
            mode=mode,
            cval=self._cval_0to1(cval),
        )
        return self.replace(arr_0to1=arr)

    def pad_to_aspect_ratio(
        self,
        aspect_ratio: float,
        mode: str = "constant",
        cval: float = 0.0,
        return_pad_amounts: bool = False,
    ) -> HeatmapsOnImage | tuple[HeatmapsOnImage, tuple]:
        """Pad so that ``width / height == aspect_ratio``."""
        amounts = compute_paddings_to_reach_aspect_ratio(self.arr_0to1, aspect_ratio)
        result = self.pad(*amounts, mode=mode, cval=cval)
        return (result, amounts) if return_pad_amounts else result

    def avg_pool(self, block_size: int | tuple[int, ...]) -> HeatmapsOnImage:
        """Average-pool the heatmap (edge padding)."""
        return self.replace(arr_0to1=avg_pool(self.arr_0to1, block_size, pad_mode="edge"))

    def max_pool(self, block_size: int | tuple[int, ...]) -> HeatmapsOnImage:
        """Max-pool the heatmap (edge padding)."""
        return self.replace(arr_0to1=max_pool(self.arr_0to1, block_size, pad_mode="edge"))

    def resize(self, sizes: Any, interpolation: str | int = "cubic") -> HeatmapsOnImage:
        """Resize the heatmap array (not the image shape); values are clipped to ``[0, 1]``.

        Example:
            >>> HeatmapsOnImage(np.zeros((2, 4), dtype=np.float32), (2, 4)).resize(2.0).get_arr().shape
            (4, 8)
        """
        arr = as_hwc(imresize_single_image(self.arr_0to1, sizes, interpolation=interpolation))
        return self.replace(arr_0to1=np.clip(arr, 0.0, 1.0))

    scale = resize

    def to_uint8(self) -> np.ndarray:
        """``arr_0to1 * 255`` rounded to a uint8 ``(H,W,C)`` array."""
        return np.round(np.clip(self.arr_0to1, 0.0, 1.0) * 255).astype(np.uint8)

    # ---------------------------------------------------------------- constructors
    @classmethod
    def from_uint8(
        cls, arr_uint8: np.ndarray, shape: Shape, min_value: float = 0.0, max_value: float = 1.0
    ) -> HeatmapsOnImage:
        """Create a heatmap from uint8 data (0 -> ``min_value``, 255 -> ``max_value``).

        Example:
            >>> HeatmapsOnImage.from_uint8(np.full((2, 2), 255, dtype=np.uint8), (2, 2)).get_arr()[0, 0]
            np.float32(1.0)
        """
        if not isinstance(arr_uint8, np.ndarray) or arr_uint8.dtype != np.uint8:
            raise TypeError("Argument `arr_uint8` must be a uint8 numpy array.")
        return cls.from_0to1(arr_uint8.astype(np.float32) / 255.0, shape, min_value, max_value)

    @classmethod
    def from_0to1(
        cls, arr_0to1: np.ndarray, shape: Shape, min_value: float = 0.0, max_value: float = 1.0
    ) -> HeatmapsOnImage:
        """Create a heatmap from values in ``[0, 1]`` that stand for ``[min_value, max_value]``."""
        heatmap = cls(arr_0to1, shape)
        heatmap.min_value, heatmap.max_value = _check_min_max(min_value, max_value)
        return heatmap

    @classmethod
    def change_normalization(cls, arr: np.ndarray, source: Any, target: Any) -> np.ndarray:
        """Map values from the ``source`` range to the ``target`` range.

        ``source``/``target`` are ``(min, max)`` pairs or :class:`HeatmapsOnImage` instances.

        Example:
            >>> HeatmapsOnImage.change_normalization(np.array([0.5]), (0.0, 1.0), (0.0, 10.0)).tolist()
            [5.0]
        """

        def bounds(value: Any, name: str) -> tuple[float, float]:
            if isinstance(value, HeatmapsOnImage):
                return value.min_value, value.max_value
            if isinstance(value, (tuple, list)) and len(value) == 2:
                return _check_min_max(value[0], value[1])
            raise TypeError(
                f"Argument `{name}` must be a (min, max) pair or a HeatmapsOnImage, got {value!r}."
            )

        src_lo, src_hi = bounds(source, "source")
        dst_lo, dst_hi = bounds(target, "target")
        if not isinstance(arr, np.ndarray):
            raise TypeError(f"Argument `arr` must be a numpy array, got {type(arr).__name__}.")
        if (src_lo, src_hi) == (dst_lo, dst_hi):
            return arr.copy()
        return (arr - src_lo) / (src_hi - src_lo) * (dst_hi - dst_lo) + dst_lo

    # ---------------------------------------------------------------- copies
    def copy(self) -> HeatmapsOnImage:
        """Return a copy (the array is copied, like :meth:`deepcopy`)."""
        return self.deepcopy()

    def deepcopy(self) -> HeatmapsOnImage:
        """Return an independent copy."""
        return self._build(
            self.arr_0to1.copy(), self.shape, self.min_value, self.max_value, self.arr_was_2d
        )

    def __deepcopy__(self, memo: dict[int, Any]) -> HeatmapsOnImage:
        return self.deepcopy()

    def __repr__(self) -> str:
        return (
            f"HeatmapsOnImage(arr_0to1.shape={self.arr_0to1.shape}, shape={self.shape}, "
            f"min_value={self.min_value}, max_value={self.max_value})"
        )

"""Segmentation maps on images: :class:`SegmentationMapsOnImage`.

A segmentation map is an integer or bool array ``(H,W)`` or ``(H,W,C)`` of class
ids (one map per channel). It is stored as ``arr``, an int32 ``(H,W,C)`` array;
:meth:`SegmentationMapsOnImage.get_arr` returns the input's dtype and number of
dimensions again. The map may be smaller (or larger) than the image: ``shape``
is the *image's* shape.

Float arrays are rejected with ``TypeError`` (convert class probabilities with
``np.argmax(arr, axis=-1)`` first); integer values outside the int32 range are
rejected with ``ValueError``.

Example:
    >>> import numpy as np
    >>> from imgaug2.augmentables.segmaps import SegmentationMapsOnImage
    >>> segmap = SegmentationMapsOnImage(np.zeros((8, 8), dtype=np.uint8), shape=(16, 16, 3))
    >>> segmap.arr.shape, segmap.get_arr().dtype
    ((8, 8, 1), dtype('uint8'))
"""

from __future__ import annotations

import colorsys
from typing import Any

import numpy as np

from imgaug2.augmentables._imageops import (
    compute_paddings_to_reach_aspect_ratio,
    imresize_single_image,
    normalize_interpolation,
    pad,
)
from imgaug2.augmentables._utils import as_hwc, normalize_shape, to_float

__all__ = ["DEFAULT_SEGMENT_COLORS", "SegmentationMapsOnImage", "segment_colors"]

Shape = Any
_INT32 = np.iinfo(np.int32)


def segment_colors(nb_classes: int) -> list[tuple[int, int, int]]:
    """Deterministic, well separated RGB colours; class 0 is black.

    Hues advance by the golden ratio; saturation and brightness cycle so that
    neighbouring ids differ clearly.

    Example:
        >>> segment_colors(3)[0]
        (0, 0, 0)
    """
    colors = [(0, 0, 0)]
    for i in range(1, nb_classes):
        hue = (0.0 + (i - 1) * 0.6180339887) % 1.0
        sat = (0.95, 0.7, 0.5)[(i - 1) % 3]
        val = (0.95, 0.75)[((i - 1) // 3) % 2]
        r, g, b = colorsys.hsv_to_rgb(hue, sat, val)
        colors.append((round(r * 255), round(g * 255), round(b * 255)))
    return colors[: max(nb_classes, 0)]


#: Default colours used by :meth:`SegmentationMapsOnImage.draw` for class ids 0..255.
DEFAULT_SEGMENT_COLORS = segment_colors(256)


class SegmentationMapsOnImage:
    """Integer class-id maps belonging to one image.

    Args:
        arr: int or bool array ``(H,W)`` or ``(H,W,C)``.
        shape: Shape of the image the map belongs to (or the image itself).
        nb_classes: Ignored (accepted for imgaug compatibility).

    Attributes:
        arr: int32 ``(H,W,C)`` array.
        shape: The image shape.

    Example:
        >>> segmap = SegmentationMapsOnImage(np.array([[0, 1], [2, 1]]), shape=(2, 2))
        >>> segmap.resize((4, 4)).get_arr().shape
        (4, 4)
    """

    def __init__(self, arr: np.ndarray, shape: Shape, nb_classes: int | None = None) -> None:
        if not isinstance(arr, np.ndarray):
            raise TypeError(
                f"Argument `arr` must be an int or bool numpy array, got {type(arr).__name__}."
            )
        if arr.dtype.kind == "f":
            raise TypeError(
                f"Argument `arr` must have an integer or bool dtype, got {arr.dtype}. Convert class "
                f"scores with np.argmax(arr, axis=-1) or class ids with arr.astype(np.int32)."
            )
        if arr.dtype.kind not in "biu":
            raise TypeError(f"Argument `arr` must have an integer or bool dtype, got {arr.dtype}.")
        if arr.ndim not in (2, 3):
            raise ValueError(f"Argument `arr` must have shape (H,W) or (H,W,C), got {arr.shape}.")
        if arr.dtype.kind in "iu" and arr.dtype.itemsize >= 4 and arr.size:
            lo, hi = int(arr.min()), int(arr.max())
            if lo < _INT32.min or hi > _INT32.max:
                raise ValueError(
                    f"Argument `arr` has class ids in [{lo}, {hi}], outside the int32 range."
                )
        self.shape = normalize_shape(shape)
        self._input_was = (arr.dtype, arr.ndim)
        arr32 = arr.astype(np.int32)
        self.arr = np.ascontiguousarray(as_hwc(arr32))

    @classmethod
    def _build(
        cls, arr: np.ndarray, shape: tuple[int, ...], input_was: tuple[np.dtype, int]
    ) -> SegmentationMapsOnImage:
        obj = cls.__new__(cls)
        obj.arr = np.ascontiguousarray(arr, dtype=np.int32)
        obj.shape = shape
        obj._input_was = input_was
        return obj

    def replace(
        self, arr: np.ndarray | None = None, shape: Shape | None = None
    ) -> SegmentationMapsOnImage:
        """New map with another int ``(H,W,C)`` array and/or image shape (input dtype info kept).

        Example:
            >>> segmap = SegmentationMapsOnImage(np.zeros((2, 2), dtype=bool), shape=(2, 2))
            >>> segmap.replace(arr=np.ones((3, 3, 1), dtype=np.int32)).get_arr().dtype
            dtype('bool')
        """
        if arr is None:
            new_arr = self.arr.copy()
        else:
            if not isinstance(arr, np.ndarray) or arr.ndim != 3 or arr.dtype.kind not in "biu":
                raise ValueError(
                    f"Argument `arr` must be an int (H,W,C) array, got "
                    f"{getattr(arr, 'shape', type(arr).__name__)} "
                    f"{getattr(arr, 'dtype', '')}."
                )
            new_arr = arr.astype(np.int32)
        input_was = self._input_was
        if new_arr.shape[2] != 1 and input_was[1] == 2:
            input_was = (input_was[0], 3)
        return self._build(
            new_arr, self.shape if shape is None else normalize_shape(shape), input_was
        )

    def get_arr(self) -> np.ndarray:
        """The map in the input's dtype and number of dimensions (bool: ``id != 0``)."""
        dtype, ndim = self._input_was
        arr = self.arr
        if ndim == 2 and arr.shape[2] == 1:
            arr = arr[:, :, 0]
        if dtype.kind == "b":
            return arr != 0
        return arr.astype(dtype)

    # ---------------------------------------------------------------- drawing
    def _colors(self, colors: Any) -> np.ndarray:
        arr = self.arr
        if arr.size and int(arr.min()) < 0:
            raise ValueError("Cannot draw a segmentation map with negative class ids.")
        max_id = int(arr.max()) if arr.size else 0
        if colors is None:
            palette = DEFAULT_SEGMENT_COLORS if max_id < 256 else segment_colors(max_id + 1)
        else:
            palette = list(colors)
            if len(palette) <= max_id:
                raise ValueError(
                    f"Argument `colors` has {len(palette)} colours, but the map contains class id "
                    f"{max_id}."
                )
        table = np.asarray(palette, dtype=np.float64)
        if table.ndim != 2 or table.shape[1] != 3:
            raise ValueError("Argument `colors` must be a list of RGB triples.")
        return np.clip(np.round(table), 0, 255).astype(np.uint8)

    def draw(self, size: Any = None, colors: Any = None) -> list[np.ndarray]:
        """One RGB uint8 image per channel with a colour per class id.

        Example:
            >>> SegmentationMapsOnImage(np.array([[0, 1]]), (1, 2)).draw()[0][0, 0].tolist()
            [0, 0, 0]
        """
        table = self._colors(colors)
        results = []
        for c in range(self.arr.shape[2]):
            channel = self.arr[:, :, c]
            if size is not None:
                channel = imresize_single_image(channel, size, interpolation="nearest")
            results.append(np.ascontiguousarray(table[channel]))
        return results

    def draw_on_image(
        self,
        image: np.ndarray,
        alpha: float = 0.75,
        resize: str = "segmentation_map",
        colors: Any = None,
        draw_background: bool = False,
        background_class_id: int = 0,
        background_threshold: float | None = None,
    ) -> list[np.ndarray]:
        """Blend the coloured map over a uint8 RGB image; one result per channel.

        Args:
            image: ``(H,W)``, ``(H,W,1)`` or ``(H,W,3)`` uint8 image.
            alpha: Opacity of the map in ``[0, 1]``.
            resize: ``"segmentation_map"`` (resize the map to the image) or ``"image"``.
            colors: RGB colour per class id (default palette if ``None``).
            draw_background: Also colour pixels of ``background_class_id``.
            background_class_id: Class treated as background.
            background_threshold: Ignored (accepted for imgaug compatibility).

        Example:
            >>> segmap = SegmentationMapsOnImage(np.array([[0, 1]]), (1, 2))
            >>> segmap.draw_on_image(np.zeros((1, 2, 3), dtype=np.uint8))[0][0, 0].tolist()
            [0, 0, 0]
        """
        from imgaug2.augmentables.heatmaps import _rgb_image

        image = _rgb_image(image)
        alpha = to_float(alpha, "alpha")
        if not 0.0 <= alpha <= 1.0:
            raise ValueError(f"Argument `alpha` must be in [0.0, 1.0], got {alpha!r}.")
        if resize not in ("segmentation_map", "image"):
            raise ValueError(
                f"Argument `resize` must be 'segmentation_map' or 'image', got {resize!r}."
            )
        table = self._colors(colors)
        if resize == "image":
            image = imresize_single_image(image, self.arr.shape[0:2], interpolation="cubic")
        results = []
        for c in range(self.arr.shape[2]):
            ids = self.arr[:, :, c]
            if resize == "segmentation_map":
                ids = imresize_single_image(ids, image.shape[0:2], interpolation="nearest")
            blended = (1 - alpha) * image.astype(np.float64) + alpha * table[ids].astype(np.float64)
            out = np.clip(np.round(blended), 0, 255).astype(np.uint8)
            if not draw_background:
                background = ids == background_class_id
                out[background] = image[background]
            results.append(out)
        return results

    # ---------------------------------------------------------------- array operations
    def pad(
        self,
        top: int = 0,
        right: int = 0,
        bottom: int = 0,
        left: int = 0,
        mode: str = "constant",
        cval: int = 0,
    ) -> SegmentationMapsOnImage:
        """Pad the map (``cval`` is a class id).

        Example:
            >>> SegmentationMapsOnImage(np.zeros((2, 2), np.int32), (2, 2)).pad(left=2, cval=3).get_arr()[0].tolist()
            [3, 3, 0, 0]
        """
        return self.replace(
            arr=pad(self.arr, top=top, right=right, bottom=bottom, left=left, mode=mode, cval=cval)
        )

    def pad_to_aspect_ratio(
        self,
        aspect_ratio: float,
        mode: str = "constant",
        cval: int = 0,
        return_pad_amounts: bool = False,
    ) -> SegmentationMapsOnImage | tuple[Any, tuple]:
        """Pad so that ``width / height == aspect_ratio``."""
        amounts = compute_paddings_to_reach_aspect_ratio(self.arr, aspect_ratio)
        result = self.pad(*amounts, mode=mode, cval=cval)
        return (result, amounts) if return_pad_amounts else result

    def resize(self, sizes: Any, interpolation: str | int = "nearest") -> SegmentationMapsOnImage:
        """Resize the map array (not the image shape).

        ``"nearest"`` copies ids. Other interpolations resize a soft mask per class and
        pick the strongest class per pixel, so no new ids appear.
        """
        interp = normalize_interpolation(interpolation) or "nearest"
        if interp == "nearest":
            return self.replace(
                arr=as_hwc(imresize_single_image(self.arr, sizes, interpolation="nearest"))
            )
        classes = np.unique(self.arr)
        if classes.size <= 1 or self.arr.size == 0:
            resized = as_hwc(imresize_single_image(self.arr, sizes, interpolation="nearest"))
            return self.replace(arr=resized)
        channels = []
        for c in range(self.arr.shape[2]):
            scores = [
                imresize_single_image(
                    (self.arr[:, :, c] == k).astype(np.float32), sizes, interpolation=interp
                )
                for k in classes
            ]
            channels.append(classes[np.argmax(np.stack(scores, axis=-1), axis=-1)])
        return self.replace(arr=np.stack(channels, axis=-1).astype(np.int32))

    scale = resize

    # ---------------------------------------------------------------- copies
    def copy(self) -> SegmentationMapsOnImage:
        """Return a copy (the array is copied, like :meth:`deepcopy`)."""
        return self.deepcopy()

    def deepcopy(self) -> SegmentationMapsOnImage:
        """Return an independent copy."""
        return self._build(self.arr.copy(), self.shape, self._input_was)

    def __deepcopy__(self, memo: dict[int, Any]) -> SegmentationMapsOnImage:
        return self.deepcopy()

    def __repr__(self) -> str:
        return f"SegmentationMapsOnImage(arr.shape={self.arr.shape}, shape={self.shape})"

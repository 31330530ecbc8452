"""Top-level helpers of imgaug2: type checks, resizing, padding, pooling and drawing.

These functions are re-exported from ``imgaug2`` (``import imgaug2 as ia``), so
that code written for imgaug (``ia.imresize_single_image``, ``ia.pad``,
``ia.draw_grid``, ``ia.avg_pool`` ...) keeps working.

Conventions:

* Images are ``(H,W)`` or ``(H,W,C)`` numpy arrays; batches are ``(N,H,W[,C])``
  arrays or lists of such images.
* Inputs are never modified in place; outputs are new C-contiguous arrays.
* Resize/pad/pool are implemented in :mod:`imgaug2.augmentables._imageops`
  (OpenCV where possible, exact numpy code elsewhere) and re-exported here.

Example:
    >>> import numpy as np
    >>> from imgaug2.imgaug_utils import imresize_single_image, pad
    >>> image = np.zeros((4, 6, 3), dtype=np.uint8)
    >>> imresize_single_image(image, (8, 12)).shape
    (8, 12, 3)
    >>> pad(image, top=1, left=2).shape
    (5, 8, 3)
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence

import cv2
import numpy as np

from imgaug2.augmentables import _draw
from imgaug2.augmentables._checks import (
    flatten,
    is_callable,
    is_float_array,
    is_generator,
    is_integer_array,
    is_iterable,
    is_np_array,
    is_np_scalar,
    is_single_bool,
    is_single_float,
    is_single_integer,
    is_single_number,
    is_string,
)
from imgaug2.augmentables._imageops import (
    avg_pool,
    compute_paddings_for_aspect_ratio,
    compute_paddings_to_reach_aspect_ratio,
    compute_paddings_to_reach_multiples_of,
    imresize_many_images,
    imresize_single_image,
    max_pool,
    median_pool,
    min_pool,
    pad,
    pad_to_aspect_ratio,
    pad_to_multiples_of,
    pool,
)
from imgaug2.augmentables._imageops import (
    check_image_dtype as _check_image_dtype,
)

__all__ = [
    "ALL",
    "avg_pool",
    "compute_paddings_for_aspect_ratio",
    "compute_paddings_to_reach_aspect_ratio",
    "compute_paddings_to_reach_multiples_of",
    "draw_grid",
    "draw_text",
    "flatten",
    "imresize_many_images",
    "imresize_single_image",
    "imshow",
    "is_callable",
    "is_float_array",
    "is_generator",
    "is_integer_array",
    "is_iterable",
    "is_np_array",
    "is_np_scalar",
    "is_single_bool",
    "is_single_float",
    "is_single_integer",
    "is_single_number",
    "is_string",
    "max_pool",
    "median_pool",
    "min_pool",
    "pad",
    "pad_to_aspect_ratio",
    "pad_to_multiples_of",
    "pool",
]

#: Marker accepted by several augmenter arguments to mean "all possible values".
ALL = "ALL"


# --------------------------------------------------------------------------- drawing
def draw_grid(
    images: np.ndarray | Sequence[np.ndarray], rows: int | None = None, cols: int | None = None
) -> np.ndarray:
    """Arrange images in a grid; cells have the largest height/width, empty space is 0.

    Args:
        images: ``(N,H,W[,C])`` array or list of ``(H,W[,C])`` arrays of one dtype.
            2D images and 1-channel images are broadcast to the common channel count.
        rows: Number of rows; derived from ``cols`` (or ``sqrt(N)``) when ``None``.
        cols: Number of columns; derived likewise when ``None``.

    Returns:
        ``(rows*H, cols*W, C)`` array (``(rows*H, cols*W)`` if all inputs were 2D).

    Example:
        >>> draw_grid(np.zeros((3, 4, 5, 3), dtype=np.uint8), cols=3).shape
        (4, 15, 3)
    """
    if isinstance(images, np.ndarray):
        if images.ndim not in (3, 4):
            raise ValueError(
                f"Argument `images` must be an (N,H,W[,C]) array, got shape {images.shape}."
            )
        image_list = list(images)
    elif isinstance(images, (list, tuple)):
        image_list = list(images)
    else:
        raise TypeError(
            f"Argument `images` must be an array or a list of arrays, got {type(images).__name__}."
        )
    if not image_list:
        raise ValueError("Argument `images` must contain at least one image.")
    for img in image_list:
        if not isinstance(img, np.ndarray) or img.ndim not in (2, 3):
            raise ValueError("Argument `images` must contain only (H,W) or (H,W,C) arrays.")
    dtypes = {img.dtype for img in image_list}
    if len(dtypes) != 1:
        raise ValueError(
            f"Argument `images` must contain images of one dtype, got {sorted(map(str, dtypes))}."
        )
    all_2d = all(img.ndim == 2 for img in image_list)
    channel_counts = {img.shape[2] if img.ndim == 3 else 1 for img in image_list}
    nb_channels = max(channel_counts)
    if len(channel_counts - {1, nb_channels}) > 0:
        raise ValueError(f"Argument `images` mixes channel counts {sorted(channel_counts)}.")
    nb_images = len(image_list)
    for name, value in (("rows", rows), ("cols", cols)):
        if value is not None and (not is_single_integer(value) or value < 1):
            raise ValueError(f"Argument `{name}` must be an integer >= 1 or None, got {value!r}.")
    if rows is None and cols is None:
        cols = math.ceil(math.sqrt(nb_images))
        rows = math.ceil(nb_images / cols)
    elif rows is None:
        rows = math.ceil(nb_images / cols)
    elif cols is None:
        cols = math.ceil(nb_images / rows)
    if rows * cols < nb_images:
        raise ValueError(
            f"Arguments `rows`={rows} and `cols`={cols} leave too few cells for {nb_images} images."
        )
    cell_h = max(img.shape[0] for img in image_list)
    cell_w = max(img.shape[1] for img in image_list)
    grid = np.zeros((rows * cell_h, cols * cell_w, nb_channels), dtype=image_list[0].dtype)
    for idx, img in enumerate(image_list):
        img3 = img[:, :, np.newaxis] if img.ndim == 2 else img
        r, c = divmod(idx, cols)
        y, x = r * cell_h, c * cell_w
        grid[y : y + img3.shape[0], x : x + img3.shape[1], :] = img3
    return grid[:, :, 0] if all_2d else grid


def draw_text(
    img: np.ndarray,
    y: int,
    x: int,
    text: str,
    color: Sequence[float] | float = (0, 255, 0),
    size: int = 25,
) -> np.ndarray:
    """Draw text with its top-left corner at ``(x, y)``; returns a new image.

    Text is rendered with OpenCV's Hershey font (anti-aliased) so that a line is
    about ``size`` pixels tall; ``\\n`` starts a new line. Parts outside the image
    are cut off.

    Args:
        img: ``(H,W)`` or ``(H,W,C)`` image of any bool/int/float dtype.
        y: Top coordinate of the text.
        x: Left coordinate of the text.
        text: The text.
        color: One value per channel (or a single value).
        size: Approximate line height in pixels.

    Example:
        >>> out = draw_text(np.zeros((40, 120, 3), dtype=np.uint8), 5, 5, "Hi")
        >>> bool(out.any())
        True
    """
    if not isinstance(img, np.ndarray) or img.ndim not in (2, 3):
        raise ValueError("Argument `img` must be an (H,W) or (H,W,C) numpy array.")
    _check_image_dtype(img.dtype, "img")
    if not isinstance(text, str):
        raise TypeError(f"Argument `text` must be a str, got {type(text).__name__}.")
    if not is_single_number(size) or size <= 0:
        raise ValueError(f"Argument `size` must be a number > 0, got {size!r}.")
    mask = _draw.text_mask(img.shape[0:2], y, x, text, size)
    return _draw.blend_mask(img, mask, color, 1.0)


def imshow(image: np.ndarray, backend: str = "cv2") -> None:
    """Show an RGB image in a window and wait for a key press (cv2) or window close.

    Raises:
        RuntimeError: If no display is available (headless machine, or an
            OpenCV build without GUI support such as opencv-python-headless).

    Example:
        >>> imshow(np.zeros((8, 8, 3), dtype=np.uint8))  # doctest: +SKIP
    """
    if backend not in ("cv2", "matplotlib"):
        raise ValueError(f"Argument `backend` must be 'cv2' or 'matplotlib', got {backend!r}.")
    if not isinstance(image, np.ndarray) or image.ndim not in (2, 3):
        raise ValueError("Argument `image` must be an (H,W) or (H,W,C) numpy array.")
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        raise RuntimeError(
            "imshow() needs a display, but none is available (DISPLAY is not set). Save the "
            "image yourself instead, e.g. with cv2.imwrite()."
        )
    if backend == "matplotlib":
        try:
            import matplotlib.pyplot as plt
        except ImportError as exc:
            raise RuntimeError("imshow(backend='matplotlib') needs matplotlib installed.") from exc
        plt.imshow(image, cmap="gray" if image.ndim == 2 else None)
        plt.show()
        return
    bgr = image
    if image.ndim == 3 and image.shape[2] in (3, 4):
        bgr = image[:, :, [2, 1, 0] + ([3] if image.shape[2] == 4 else [])]
    try:
        cv2.namedWindow("imgaug2", cv2.WINDOW_NORMAL)
        cv2.imshow("imgaug2", np.ascontiguousarray(bgr))
        cv2.waitKey(0)
        cv2.destroyWindow("imgaug2")
    except cv2.error as exc:
        raise RuntimeError(
            "imshow() could not open a window: this OpenCV build has no GUI support "
            "(opencv-python-headless). Use backend='matplotlib' or save the image instead."
        ) from exc

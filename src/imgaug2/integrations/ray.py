"""Ray Data integration: keyed augmentation inside ``Dataset.map_batches``.

:class:`RayAugment` is a batch function for
``ray.data.Dataset.map_batches(..., batch_format="numpy")``: it augments the
image column of each batch with the sample keys ``(epoch, id)`` taken from an
id column, so the result does not depend on how Ray splits the data into
blocks, batches or workers. It needs only numpy, so it can be tested and used
without Ray; :func:`augment_dataset` wires it into a Ray dataset and imports
Ray lazily (install with ``pip install 'imgaug2[ray]'``).

Example:
    >>> import numpy as np, imgaug2.augmenters as iaa
    >>> fn = RayAugment(iaa.Fliplr(0.5, seed=1), key_column="id")
    >>> batch = {"image": np.zeros((2, 8, 8, 3), np.uint8), "id": np.array([10, 11])}
    >>> fn(batch)["image"].shape
    (2, 8, 8, 3)
"""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["RayAugment", "augment_dataset", "require_ray"]


def require_ray() -> Any:
    """Import and return ``ray``, or raise an ``ImportError`` saying how to install it."""
    try:
        import ray
    except ImportError:
        raise ImportError("imgaug2.integrations.ray needs Ray: pip install 'imgaug2[ray]'") \
            from None
    return ray


def _plain_key(value: Any) -> Any:
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.str_):
        return str(value)
    if isinstance(value, np.bytes_):
        return bytes(value)
    return value


class RayAugment:
    """Batch function that augments one column with keys from another.

    Args:
        augmenter: The imgaug2 pipeline.
        image_column: Column holding images (an ``(N,H,W[,C])`` array or an
            object array / list of ``(H,W[,C])`` arrays).
        key_column: Column with a stable per-row id (int, str or bytes). With
            ``None`` no sample keys are used, and output depends on batching.
        epoch: Folded into every key as ``(epoch, id)``.

    Example:
        >>> import numpy as np, imgaug2.augmenters as iaa
        >>> fn = RayAugment(iaa.Rot90((0, 3), seed=2), key_column="id", epoch=3)
        >>> out = fn({"image": np.zeros((1, 4, 4), np.uint8), "id": np.array(["a"])})
    """

    def __init__(self, augmenter: Any, image_column: str = "image",
                 key_column: str | None = "id", epoch: int = 0) -> None:
        from imgaug2.core.base import Augmenter
        if not isinstance(augmenter, Augmenter):
            raise TypeError("augmenter must be an imgaug2 Augmenter, got %s"
                            % type(augmenter).__name__)
        if not isinstance(image_column, str):
            raise TypeError("image_column must be a str, got %r" % (image_column,))
        if key_column is not None and not isinstance(key_column, str):
            raise TypeError("key_column must be a str or None, got %r" % (key_column,))
        if isinstance(epoch, bool) or not isinstance(epoch, (int, np.integer)) or epoch < 0:
            raise TypeError("epoch must be a non-negative int, got %r" % (epoch,))
        self.augmenter = augmenter
        self.image_column = image_column
        self.key_column = key_column
        self.epoch = int(epoch)

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        if not isinstance(batch, dict) or self.image_column not in batch:
            raise ValueError("batch: expected a dict with the column %r (use "
                             "batch_format='numpy')" % self.image_column)
        images = batch[self.image_column]
        stacked = isinstance(images, np.ndarray) and images.dtype != object
        rows = list(images)
        kwargs: dict[str, Any] = {"images": rows}
        if self.key_column is not None:
            if self.key_column not in batch:
                raise ValueError("batch: missing the key column %r" % self.key_column)
            ids = list(batch[self.key_column])
            if len(ids) != len(rows):
                raise ValueError("batch: %r has %d rows but %r has %d" % (
                    self.key_column, len(ids), self.image_column, len(rows)))
            kwargs["keys"] = [(self.epoch, _plain_key(i)) for i in ids]
        out = self.augmenter(**kwargs) if rows else []
        result = dict(batch)
        if stacked and out and all(o.shape == out[0].shape and o.dtype == out[0].dtype
                                   for o in out):
            result[self.image_column] = np.stack(out)
        else:
            column = np.empty(len(out), dtype=object)
            column[:] = out
            result[self.image_column] = column
        return result


def augment_dataset(dataset: Any, augmenter: Any, image_column: str = "image",
                    key_column: str | None = "id", epoch: int = 0,
                    **map_batches_kwargs: Any) -> Any:
    """``dataset.map_batches(RayAugment(...), batch_format="numpy", **kwargs)``.

    Args:
        dataset: A ``ray.data.Dataset``.
        augmenter, image_column, key_column, epoch: See :class:`RayAugment`.
        **map_batches_kwargs: Passed to ``map_batches`` (``batch_size`` ...).
    """
    require_ray()
    fn = RayAugment(augmenter, image_column=image_column, key_column=key_column, epoch=epoch)
    map_batches_kwargs.setdefault("batch_format", "numpy")
    return dataset.map_batches(fn, **map_batches_kwargs)

"""PyTorch ``DataLoader`` integration: keyed samples, worker seeding, debug collation.

The recommended path is :class:`KeyedDataset`: it augments sample ``index`` of
epoch ``e`` with the sample key ``(e, index)``, so every sample is a pure
function of (pipeline, epoch, index). The output is bit-identical for
``num_workers`` 0, 1, 2 or 4, with ``persistent_workers`` on or off and with
the ``fork`` or ``spawn`` start method (``tests/families/test_workers.py``).

Epochs reach the workers in one of two ways:

* ``loader = DataLoader(ds, sampler=ds.sampler(...))``: the sampler runs in the
  main process and hands ``SampleIndex(epoch, index)`` to the workers, so
  ``ds.set_epoch(e)`` works with every loader setting, persistent workers
  included. Prefer this.
* a plain ``DataLoader(ds)``: ``set_epoch`` reaches workers that are started
  anew each epoch (``persistent_workers=False``, the default). Persistent
  workers keep the epoch their copy of the dataset had when they started.

Without sample keys imgaug2 still never repeats a stream across workers or
epochs: a call without keys folds the worker's torch seed into its key
(``imgaug2.random.process_salt``). An unseeded pipeline therefore differs in
every worker and epoch; a seeded one (``seed=s``) follows ``s`` plus the
worker's torch seed and repeats when the loader's ``generator`` has the same
seed. Such output depends on ``num_workers``; keyed output does not.

Dataset item conventions (what the wrapped dataset's ``__getitem__`` returns):

* a numpy image ``(H, W[, C])`` -> the augmented image;
* a ``dict``: the fields ``image``, ``heatmaps``, ``segmentation_maps``,
  ``keypoints``, ``bounding_boxes``, ``polygons`` and ``line_strings`` are
  augmented together (they describe that one image); every other field
  (labels, ids, paths) is passed through unchanged;
* a ``tuple``/``list``: the leading positions named by ``tuple_fields``
  (default ``("image",)``) are augmented, the rest passed through, e.g.
  ``(image, label)``.

Example:
    >>> import imgaug2.augmenters as iaa
    >>> from torch.utils.data import DataLoader  # doctest: +SKIP
    >>> ds = KeyedDataset(my_dataset, iaa.Fliplr(0.5))  # doctest: +SKIP
    >>> loader = DataLoader(ds, batch_size=32, num_workers=4,
    ...                     sampler=ds.sampler(shuffle=True))  # doctest: +SKIP
    >>> for epoch in range(10):  # doctest: +SKIP
    ...     ds.set_epoch(epoch)
    ...     for batch in loader:
    ...         ...
"""

from __future__ import annotations

import numbers
from typing import Any, Callable, Iterable, Iterator, NamedTuple, Sequence

import numpy as np

try:
    import torch
    from torch.utils.data import Dataset, RandomSampler, Sampler, default_collate
except ImportError:  # pragma: no cover - exercised only without torch
    raise ImportError("imgaug2.integrations.torch needs PyTorch: pip install 'imgaug2[torch]'") \
        from None

from imgaug2.repro import worker_init_fn

__all__ = [
    "KeyedDataset",
    "KeyedSampler",
    "SampleIndex",
    "MetadataCollate",
    "collate_with_metadata",
    "seed_worker",
    "worker_init_fn",
    "TARGET_FIELDS",
]

#: Dict fields that are augmented; any other field passes through unchanged.
TARGET_FIELDS = ("image", "heatmaps", "segmentation_maps", "keypoints", "bounding_boxes",
                 "polygons", "line_strings")
_META_FIELDS = ("sample_key", "applied")

seed_worker = worker_init_fn


class SampleIndex(NamedTuple):
    """An index that carries its epoch from the main process to the workers."""

    epoch: int
    index: Any


def _plain_index(index: Any) -> Any:
    # Sampler indices arrive as int, numpy or 0-d tensor; keys need a stable plain value.
    if isinstance(index, (bool, np.bool_)):
        raise TypeError("index must be an int or a valid sample key, got bool")
    if isinstance(index, (int, np.integer)):
        return int(index)
    if isinstance(index, torch.Tensor) and index.ndim == 0 and not index.is_floating_point():
        return int(index.item())
    return index


def _check_epoch(epoch: Any) -> int:
    if isinstance(epoch, (bool, np.bool_)) or not isinstance(epoch, (int, np.integer)) \
            or int(epoch) < 0:
        raise TypeError("epoch must be a non-negative int, got %r" % (epoch,))
    return int(epoch)


class KeyedDataset(Dataset):
    """Wrap a map-style dataset: sample ``index`` of epoch ``e`` gets key ``(e, index)``.

    Args:
        dataset: Any object with ``__getitem__`` and ``__len__`` (items follow
            the conventions in this module's docstring).
        augmenter: The imgaug2 pipeline applied to every item.
        epoch: The starting epoch; change it with :meth:`set_epoch`.
        key_fn: Maps an index to the stable part of the key (e.g. a file
            name, so keys survive re-ordering the dataset); default: the index.
            Must be picklable for ``spawn`` workers (a module-level function).
        tuple_fields: For tuple/list items, the target name of each leading
            position (default ``("image",)``: ``(image, label, ...)``).
        return_record: Also return the sample key and ``record.applied()``,
            the per-sample list of augmenters that ran and what they sampled
            (as ``"sample_key"``/``"applied"`` fields of dict items, or as a
            second element ``(output, {"sample_key": ..., "applied": ...})``
            otherwise). Collate batches with :data:`collate_with_metadata`.

    Example:
        >>> import numpy as np, imgaug2.augmenters as iaa
        >>> data = [np.zeros((8, 8, 3), np.uint8)] * 4
        >>> ds = KeyedDataset(data, iaa.Fliplr(0.5, seed=1))
        >>> ds.set_epoch(1)
        >>> ds[0].shape
        (8, 8, 3)
    """

    def __init__(self, dataset: Any, augmenter: Any, epoch: int = 0,
                 key_fn: Callable[[Any], Any] | None = None,
                 tuple_fields: Sequence[str] = ("image",), return_record: bool = False) -> None:
        from imgaug2.core.base import Augmenter
        if not hasattr(dataset, "__getitem__") or not hasattr(dataset, "__len__"):
            raise TypeError("dataset must be a map-style dataset (with __getitem__ and __len__), "
                            "got %s" % type(dataset).__name__)
        if not isinstance(augmenter, Augmenter):
            raise TypeError("augmenter must be an imgaug2 Augmenter, got %s"
                            % type(augmenter).__name__)
        if key_fn is not None and not callable(key_fn):
            raise TypeError("key_fn must be callable or None, got %s" % type(key_fn).__name__)
        if isinstance(tuple_fields, str) or not all(
                f in TARGET_FIELDS for f in tuple_fields) or not tuple_fields:
            raise ValueError("tuple_fields must be a non-empty sequence of %s, got %r"
                             % (", ".join(TARGET_FIELDS), tuple_fields))
        if len(set(tuple_fields)) != len(tuple_fields):
            raise ValueError("tuple_fields names a target twice: %r" % (tuple_fields,))
        if not isinstance(return_record, bool):
            raise TypeError("return_record must be a bool, got %r" % (return_record,))
        self.dataset = dataset
        self.augmenter = augmenter
        self.epoch = _check_epoch(epoch)
        self.key_fn = key_fn
        self.tuple_fields = tuple(tuple_fields)
        self.return_record = return_record

    def set_epoch(self, epoch: int) -> None:
        """Use ``epoch`` in the keys of the following samples (call before ``iter(loader)``)."""
        self.epoch = _check_epoch(epoch)

    def sampler(self, shuffle: bool = False, generator: Any = None,
                base: Iterable[Any] | None = None) -> "KeyedSampler":
        """A sampler that carries the epoch to the workers (works with persistent workers).

        Args:
            shuffle: Shuffle with ``RandomSampler(generator=generator)``.
            generator: ``torch.Generator`` for reproducible shuffling.
            base: Any other sampler of indices, e.g. a ``DistributedSampler``
                (overrides ``shuffle``).
        """
        if base is None and shuffle:
            base = RandomSampler(range(len(self)), generator=generator)
        return KeyedSampler(self, base)

    def __len__(self) -> int:
        return len(self.dataset)

    def sample_key(self, index: Any, epoch: int | None = None) -> tuple:
        """The key of sample ``index`` in ``epoch`` (default: the current epoch)."""
        epoch = self.epoch if epoch is None else _check_epoch(epoch)
        index = _plain_index(index)
        return (epoch, _plain_index(self.key_fn(index)) if self.key_fn is not None else index)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, SampleIndex):
            return self._item(index.index, index.epoch, self.return_record)[0]
        return self._item(index, self.epoch, self.return_record)[0]

    def augment_sample(self, index: Any, epoch: int | None = None,
                       return_record: bool = False) -> Any:
        """Regenerate sample ``index`` of ``epoch`` exactly as the loader produced it.

        With ``return_record=True`` returns ``(output, record)`` with the full
        :class:`imgaug2.Record` (``record.to_json()`` feeds ``imgaug2 replay``).
        """
        epoch = self.epoch if epoch is None else _check_epoch(epoch)
        out, record = self._item(index, epoch, False, keep_record=return_record)
        return (out, record) if return_record else out

    # ------------------------------------------------------------------
    def _item(self, index: Any, epoch: int, with_meta: bool,
              keep_record: bool = False) -> tuple[Any, Any]:
        key = self.sample_key(index, epoch)
        item = self.dataset[_plain_index(index)]
        want_record = with_meta or keep_record
        if isinstance(item, dict):
            fields = [f for f in TARGET_FIELDS if item.get(f) is not None]
            if not fields:
                raise ValueError("dataset item %r is a dict without any of the fields %s"
                                 % (index, ", ".join(TARGET_FIELDS)))
            outs, record = self._augment({f: item[f] for f in fields}, key, want_record)
            result = dict(item)
            result.update(zip(fields, outs))
            if with_meta:
                clash = [m for m in _META_FIELDS if m in item]
                if clash:
                    raise ValueError("dataset item %r already has the field(s) %s that "
                                     "return_record=True adds" % (index, ", ".join(clash)))
                result["sample_key"] = key
                result["applied"] = record.applied()[0]
            return result, record
        if isinstance(item, np.ndarray):
            outs, record = self._augment({"image": item}, key, want_record)
            result = outs[0]
        elif isinstance(item, (tuple, list)):
            n = len(self.tuple_fields)
            if len(item) < n:
                raise ValueError("dataset item %r has %d elements but tuple_fields names %d"
                                 % (index, len(item), n))
            outs, record = self._augment(dict(zip(self.tuple_fields, item[:n])), key,
                                         want_record)
            result = type(item)(list(outs) + list(item[n:])) if isinstance(item, list) \
                else tuple(outs) + tuple(item[n:])
        else:
            raise TypeError("dataset item %r must be a numpy image, a dict or a tuple/list, "
                            "got %s" % (index, type(item).__name__))
        if with_meta:
            result = (result, {"sample_key": key, "applied": record.applied()[0]})
        return result, record

    def _augment(self, targets: dict[str, Any], key: tuple,
                 record: bool) -> tuple[list[Any], Any]:
        kwargs = dict(targets)
        if "image" not in kwargs:
            # Without an image, annotations are one-row batches of their own kind.
            kwargs = {name: [value] for name, value in kwargs.items()}
            outs = self.augmenter(**kwargs, keys=[key], return_record=record)
        else:
            outs = self.augmenter(**kwargs, key=key, return_record=record)
        if not isinstance(outs, tuple):
            outs = (outs,)
        rec = outs[-1] if record else None
        outs = list(outs[:-1] if record else outs)
        if "image" not in targets:
            outs = [o[0] for o in outs]
        return outs, rec


class KeyedSampler(Sampler):
    """Yields ``SampleIndex(epoch, index)``, reading the dataset's epoch per iteration.

    Args:
        dataset: The :class:`KeyedDataset` whose ``epoch`` is read when each
            iteration starts (in the main process).
        base: The sampler of plain indices (default: ``0 .. len-1`` in order).
    """

    def __init__(self, dataset: KeyedDataset, base: Iterable[Any] | None = None) -> None:
        if not isinstance(dataset, KeyedDataset):
            raise TypeError("dataset must be a KeyedDataset, got %s" % type(dataset).__name__)
        self.dataset = dataset
        self.base = base

    def __iter__(self) -> Iterator[SampleIndex]:
        epoch = self.dataset.epoch
        base = self.base if self.base is not None else range(len(self.dataset))
        for index in base:
            yield SampleIndex(epoch, _plain_index(index))

    def __len__(self) -> int:
        base = self.base if self.base is not None else range(len(self.dataset))
        return len(base)  # type: ignore[arg-type]


class MetadataCollate:
    """Collate samples, keeping metadata (applied params, keys, annotations) as lists.

    Arrays, tensors and numbers are stacked with torch's ``default_collate``;
    the fields named in ``metadata_fields`` and anything else (annotation
    objects, strings, dicts) become plain Python lists, one entry per sample.
    Picklable, so it also runs in ``spawn`` workers.

    Args:
        metadata_fields: Dict fields always kept as lists.

    Example:
        >>> collate = MetadataCollate()
        >>> batch = collate([{"image": np.zeros((2, 2)), "applied": []}] * 3)
        >>> batch["applied"]
        [[], [], []]
    """

    def __init__(self, metadata_fields: Sequence[str] = _META_FIELDS) -> None:
        if isinstance(metadata_fields, str):
            raise TypeError("metadata_fields must be a sequence of field names, not a str")
        self.metadata_fields = tuple(metadata_fields)

    def __call__(self, samples: Sequence[Any]) -> Any:
        samples = list(samples)
        if not samples:
            raise ValueError("samples: cannot collate an empty batch")
        first = samples[0]
        if isinstance(first, dict):
            return {name: self._column(name, [s[name] for s in samples]) for name in first}
        if isinstance(first, tuple):
            return tuple(self._column(None, list(col)) for col in zip(*samples))
        return self._column(None, samples)

    def _column(self, name: str | None, values: list[Any]) -> Any:
        if name in self.metadata_fields:
            return values
        v0 = values[0]
        if isinstance(v0, (np.ndarray, torch.Tensor)) or (
                isinstance(v0, numbers.Number) and not isinstance(v0, bool)):
            return default_collate(values)
        return values


collate_with_metadata = MetadataCollate()

"""Optional integrations with data-loading frameworks.

Each submodule needs its framework and imports it lazily, so importing
``imgaug2`` never imports torch or Ray:

* :mod:`imgaug2.integrations.torch` (extra ``torch``): ``KeyedDataset`` gives
  every sample the key ``(epoch, index)`` so PyTorch ``DataLoader`` output is
  bit-identical for any worker count, start method or worker persistence.
* :mod:`imgaug2.integrations.ray` (extra ``ray``): a batch function for
  ``ray.data.Dataset.map_batches`` with the same keyed guarantee.

Example:
    >>> from imgaug2.integrations import torch as iatorch  # doctest: +SKIP
"""

from __future__ import annotations

__all__: list[str] = []

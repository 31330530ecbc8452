"""Invariance across PyTorch DataLoader workers (issue 3's figure).

With sample keys ``(epoch, index)`` (``KeyedDataset``) every sample's SHA-256
is the same for ``num_workers`` 0/1/2/4, persistent workers on or off (fork) and
the ``spawn`` start method (2 persistent workers), over 2 epochs of 64 samples. Without keys
and without a seed, no parameter set repeats across workers and epochs; a
seeded pipeline repeats when the loader's generator seed repeats.

DataLoader workers are slow to start (spawn imports torch in each child), so
the loaders are few and shared through module-scoped fixtures.
"""

from __future__ import annotations

import hashlib
import json
import warnings

import numpy as np
import pytest

torch = pytest.importorskip("torch")
from torch.utils.data import DataLoader, Dataset  # noqa: E402

import imgaug2.augmenters as iaa  # noqa: E402
from imgaug2.augmentables import SegmentationMapsOnImage  # noqa: E402
from imgaug2.integrations.torch import KeyedDataset, MetadataCollate  # noqa: E402

N_SAMPLES = 64
EPOCHS = 2
SHAPE = (32, 32, 3)

pytestmark = pytest.mark.filterwarnings("ignore:This DataLoader will create")


def _add_noise(images, random_state, parents, hooks):
    # Per-pixel noise from the row's generator: every key gives a different image.
    return [np.clip(im.astype(np.int16) + random_state.integers(-20, 21, im.shape), 0, 255)
            .astype(np.uint8) for im in images]


def _pipeline(seed=None):
    children = [iaa.Rot90((0, 3)), iaa.Fliplr(0.5), iaa.ChannelShuffle(1.0)]
    if hasattr(iaa, "Affine"):
        children.append(iaa.Affine(rotate=(-180, 180)))
    children.append(iaa.Lambda(func_images=_add_noise))
    return iaa.Sequential(children, seed=seed)


def _images():
    rng = np.random.default_rng(1234)
    return [rng.integers(0, 256, SHAPE, dtype=np.uint8) for _ in range(N_SAMPLES)]


class ImageMaskDataset(Dataset):
    """Picklable toy dataset: dict items with an image, a segmentation map and a label."""

    def __init__(self) -> None:
        self.images = _images()
        seg = (np.arange(SHAPE[0] * SHAPE[1]).reshape(SHAPE[:2]) % 5).astype(np.int32)
        self.seg = SegmentationMapsOnImage(seg, shape=SHAPE)

    def __len__(self) -> int:
        return N_SAMPLES

    def __getitem__(self, index: int) -> dict:
        return {"image": self.images[index], "segmentation_maps": self.seg, "index": index}


class UnkeyedDataset(Dataset):
    """Calls the pipeline without keys and returns its applied parameters as JSON text."""

    def __init__(self, aug) -> None:
        self.images = _images()
        self.aug = aug

    def __len__(self) -> int:
        return N_SAMPLES

    def __getitem__(self, index: int) -> dict:
        out, record = self.aug(image=self.images[index], return_record=True)
        return {"index": index, "image": out,
                "applied": json.dumps(record.applied()[0], sort_keys=True)}


_COLLATE = MetadataCollate()


def _digest(sample_image, segmap) -> str:
    h = hashlib.sha256(np.ascontiguousarray(sample_image).tobytes())
    h.update(np.ascontiguousarray(segmap.arr).tobytes())
    return h.hexdigest()


def _keyed_hashes(num_workers, persistent=False, context=None, use_sampler=True):
    ds = KeyedDataset(ImageMaskDataset(), _pipeline(seed=11))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loader = DataLoader(ds, batch_size=8, num_workers=num_workers,
                            persistent_workers=persistent and num_workers > 0,
                            multiprocessing_context=context if num_workers > 0 else None,
                            sampler=ds.sampler() if use_sampler else None,
                            collate_fn=_COLLATE)
        hashes = {}
        for epoch in range(EPOCHS):
            ds.set_epoch(epoch)
            for batch in loader:
                for idx, img, seg in zip(batch["index"].tolist(), batch["image"].numpy(),
                                         batch["segmentation_maps"]):
                    hashes[(epoch, idx)] = _digest(img, seg)
    return hashes


@pytest.fixture(scope="module")
def reference():
    return _keyed_hashes(0)


def test_reference_covers_every_sample_and_epochs_differ(reference):
    assert len(reference) == EPOCHS * N_SAMPLES
    # Per-pixel noise makes every (epoch, index) a distinct image.
    assert len(set(reference.values())) == EPOCHS * N_SAMPLES


@pytest.mark.parametrize("num_workers,persistent", [(1, False), (2, False), (4, False),
                                                    (2, True), (4, True)])
def test_keyed_identical_for_worker_counts_fork(reference, num_workers, persistent):
    assert _keyed_hashes(num_workers, persistent, "fork") == reference


def test_keyed_identical_with_spawn_persistent(reference):
    # One spawn configuration only: every spawned worker imports torch (seconds each).
    assert _keyed_hashes(2, True, "spawn") == reference


def test_set_epoch_reaches_non_persistent_workers_without_sampler(reference):
    assert _keyed_hashes(2, False, "fork", use_sampler=False) == reference


def test_persistent_workers_without_sampler_keep_their_epoch(reference):
    # The documented pitfall: a persistent worker's dataset copy never sees set_epoch.
    got = _keyed_hashes(2, True, "fork", use_sampler=False)
    assert {k: v for k, v in got.items() if k[0] == 0} == \
        {k: v for k, v in reference.items() if k[0] == 0}
    assert got[(1, 0)] == reference[(0, 0)] != reference[(1, 0)]


def _unkeyed_rows(aug, num_workers, persistent=False, generator_seed=None):
    ds = UnkeyedDataset(aug)
    gen = None if generator_seed is None else torch.Generator().manual_seed(generator_seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loader = DataLoader(ds, batch_size=8, num_workers=num_workers,
                            persistent_workers=persistent and num_workers > 0,
                            multiprocessing_context="fork" if num_workers > 0 else None,
                            generator=gen, collate_fn=_COLLATE)
        rows = {}
        for epoch in range(EPOCHS):
            for batch in loader:
                for idx, applied in zip(batch["index"].tolist(), batch["applied"]):
                    rows[(epoch, idx)] = applied
    return rows


def test_unseeded_without_keys_never_repeats_across_workers_and_epochs():
    aug = _pipeline()
    runs = [_unkeyed_rows(aug, 0), _unkeyed_rows(aug, 2), _unkeyed_rows(aug, 4, persistent=True)]
    every = [applied for rows in runs for applied in rows.values()]
    assert len(every) == 3 * EPOCHS * N_SAMPLES
    repeats = len(every) - len(set(every))
    assert repeats == 0


def test_seeded_without_keys_follows_seed_and_loader_generator():
    a = _unkeyed_rows(_pipeline(seed=123), 2, generator_seed=7)
    b = _unkeyed_rows(_pipeline(seed=123), 2, generator_seed=7)
    c = _unkeyed_rows(_pipeline(seed=123), 2, generator_seed=8)
    assert a == b
    assert all(a[k] != c[k] for k in a)
    # Different workers and epochs still draw different parameters.
    assert len(set(a.values())) == len(a)

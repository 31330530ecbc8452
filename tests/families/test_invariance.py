"""Invariance: with sample keys, per-sample output ignores batch size, order and history."""

import numpy as np
import pytest

from tests.catalogue import ENTRIES, entry_ids
from tests.families.inputs import images

ACTIVE = [e for e in ENTRIES if "invariance" not in e.exclude]


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_batch_size_order_and_history_do_not_matter(entry):
    imgs = images(32, shape=(12, 14, 3))
    keys = [(0, i) for i in range(32)]
    aug = entry.build("extreme", seed=5)
    ref = aug(images=imgs, keys=keys)
    per_key = {k: o for k, o in zip(keys, ref)}
    for bs in (1, 7):
        fresh = entry.build("extreme", seed=5)
        fresh(images=imgs[:3])  # call history must not matter with keys
        for start in range(0, 32, bs):
            out = fresh(images=imgs[start:start + bs], keys=keys[start:start + bs])
            for k, o in zip(keys[start:start + bs], out):
                assert np.array_equal(per_key[k], o), (bs, k)
    perm = np.random.default_rng(0).permutation(32)
    out = aug(images=[imgs[i] for i in perm], keys=[keys[i] for i in perm])
    for i, o in zip(perm, out):
        assert np.array_equal(per_key[keys[i]], o)


def test_single_key_equals_batch_key():
    import imgaug2.augmenters as iaa
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))], seed=1)
    imgs = images(4)
    batch = aug(images=imgs, keys=["a", "b", "c", "d"])
    for img, k, o in zip(imgs, "abcd", batch):
        assert np.array_equal(aug(image=img, key=k), o)


def test_deterministic_rows_repeat_for_any_batch_size():
    import imgaug2.augmenters as iaa
    det = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))], seed=1).to_deterministic()
    imgs = images(8)
    a = det(images=imgs)
    b = det(images=imgs)
    c = det(images=imgs[:3])
    assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert all(np.array_equal(x, y) for x, y in zip(a[:3], c))

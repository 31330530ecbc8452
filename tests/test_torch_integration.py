"""``imgaug2.integrations.torch`` (KeyedDataset, KeyedSampler, collation) and the Ray helper.

Multi-worker invariance lives in tests/families/test_workers.py; these tests run in
the main process (``num_workers=0``) and stay fast.
"""

from __future__ import annotations

import json
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")
from torch.utils.data import DataLoader  # noqa: E402

import imgaug2  # noqa: E402
import imgaug2.augmenters as iaa  # noqa: E402
from imgaug2 import repro  # noqa: E402
from imgaug2.augmentables import (Keypoint, KeypointsOnImage,  # noqa: E402
                                  SegmentationMapsOnImage)
from imgaug2.integrations.torch import (KeyedDataset, KeyedSampler, MetadataCollate,  # noqa: E402
                                        SampleIndex, collate_with_metadata, seed_worker)

SHAPE = (16, 16, 3)


def _images(n=6):
    rng = np.random.default_rng(3)
    return [rng.integers(0, 256, SHAPE, dtype=np.uint8) for _ in range(n)]


def _pipeline(seed=2):
    return iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3)), iaa.ChannelShuffle(1.0)],
                          seed=seed)


def _seg():
    arr = (np.arange(SHAPE[0] * SHAPE[1]).reshape(SHAPE[:2]) % 4).astype(np.int32)
    return SegmentationMapsOnImage(arr, shape=SHAPE)


def test_sample_is_the_keyed_call_of_epoch_and_index():
    imgs = _images()
    aug = _pipeline()
    ds = KeyedDataset(imgs, aug, epoch=3)
    for i in range(len(imgs)):
        assert np.array_equal(ds[i], aug(image=imgs[i], key=(3, i)))
    assert ds.sample_key(np.int64(2)) == (3, 2)


def test_epochs_differ_and_repeat():
    imgs = _images(12)
    ds = KeyedDataset(imgs, _pipeline())
    e0 = [ds[i] for i in range(12)]
    ds.set_epoch(1)
    e1 = [ds[i] for i in range(12)]
    ds.set_epoch(0)
    assert all(np.array_equal(a, ds[i]) for i, a in enumerate(e0))
    assert any(not np.array_equal(a, b) for a, b in zip(e0, e1))


def test_dict_items_augment_annotations_together_and_pass_other_fields():
    img = _images(1)[0]
    kps = KeypointsOnImage([Keypoint(x=2.5, y=3.0)], shape=SHAPE)
    items = [{"image": img, "segmentation_maps": _seg(), "keypoints": kps, "label": 7,
              "path": "a.png"}]
    aug = _pipeline()
    out = KeyedDataset(items, aug)[0]
    ref_img, ref_seg, ref_kps = aug(image=img, segmentation_maps=_seg(), keypoints=kps,
                                    key=(0, 0))
    assert np.array_equal(out["image"], ref_img)
    assert np.array_equal(out["segmentation_maps"].arr, ref_seg.arr)
    assert np.allclose(out["keypoints"].coords_xy(), ref_kps.coords_xy())
    assert out["label"] == 7 and out["path"] == "a.png"
    assert items[0]["image"] is img  # the wrapped dataset's item is not modified


def test_tuple_and_list_items():
    imgs = _images(2)
    aug = _pipeline()
    out = KeyedDataset([(imgs[0], 5, "x")], aug)[0]
    assert isinstance(out, tuple) and out[1:] == (5, "x")
    assert np.array_equal(out[0], aug(image=imgs[0], key=(0, 0)))
    ds = KeyedDataset([[imgs[1], _seg(), 1]], aug, tuple_fields=("image", "segmentation_maps"))
    out = ds[0]
    ref_img, ref_seg = aug(image=imgs[1], segmentation_maps=_seg(), key=(0, 0))
    assert isinstance(out, list) and out[2] == 1
    assert np.array_equal(out[0], ref_img) and np.array_equal(out[1].arr, ref_seg.arr)


def test_annotation_only_dict_items():
    aug = _pipeline()
    out = KeyedDataset([{"segmentation_maps": _seg(), "id": 1}], aug)[0]
    ref = aug(segmentation_maps=[_seg()], keys=[(0, 0)])[0]
    assert np.array_equal(out["segmentation_maps"].arr, ref.arr) and out["id"] == 1


def test_key_fn_makes_samples_follow_their_ids_not_positions():
    imgs = _images(4)
    names = ["a", "b", "c", "d"]

    class Named:
        def __init__(self, order):
            self.order = order

        def __len__(self):
            return len(self.order)

        def __getitem__(self, i):
            return imgs[self.order[i]]

    aug = _pipeline()
    fwd = KeyedDataset(Named([0, 1, 2, 3]), aug, key_fn=lambda i: names[i])
    rev = KeyedDataset(Named([3, 2, 1, 0]), aug, key_fn=lambda i: names[3 - i])
    for i in range(4):
        assert np.array_equal(fwd[i], rev[3 - i])


def test_return_record_adds_applied_params_and_sample_key():
    imgs = _images(3)
    aug = _pipeline()
    ds = KeyedDataset([{"image": im, "label": i} for i, im in enumerate(imgs)], aug,
                      return_record=True)
    ds.set_epoch(2)
    out = ds[1]
    _, record = aug(image=imgs[1], key=(2, 1), return_record=True)
    assert out["sample_key"] == (2, 1)
    assert out["applied"] == record.applied()[0]
    json.dumps(out["applied"])
    plain = KeyedDataset(imgs, aug, return_record=True)[0]
    assert isinstance(plain, tuple) and set(plain[1]) == {"sample_key", "applied"}
    with pytest.raises(ValueError, match="applied"):
        KeyedDataset([{"image": imgs[0], "applied": 1}], aug, return_record=True)[0]


def test_augment_sample_returns_a_record_that_replays_exactly():
    imgs = _images(3)
    ds = KeyedDataset(imgs, _pipeline(), epoch=1)
    out, record = ds.augment_sample(2, epoch=4, return_record=True)
    assert np.array_equal(out, KeyedDataset(imgs, _pipeline(), epoch=4)[2])
    assert np.array_equal(imgaug2.replay(record.to_json(), image=imgs[2]), out)


def test_keyed_sampler_reads_the_epoch_when_iteration_starts():
    ds = KeyedDataset(_images(4), _pipeline())
    sampler = ds.sampler()
    ds.set_epoch(5)
    assert list(sampler) == [SampleIndex(5, i) for i in range(4)] and len(sampler) == 4
    assert np.array_equal(ds[SampleIndex(5, 2)], ds.augment_sample(2, epoch=5))
    g1, g2 = torch.Generator().manual_seed(1), torch.Generator().manual_seed(1)
    assert list(ds.sampler(shuffle=True, generator=g1)) == \
        list(ds.sampler(shuffle=True, generator=g2))
    assert [s.index for s in KeyedSampler(ds, base=[3, 1])] == [3, 1]


def test_training_loop_debug_rows_with_metadata_collate():
    # Seed 003's pattern: keep per-sample applied params next to the loss.
    imgs = _images(8)
    items = [{"image": im, "sample_id": "s%d" % i, "target": i % 2} for i, im in enumerate(imgs)]
    ds = KeyedDataset(items, _pipeline(), return_record=True)
    loader = DataLoader(ds, batch_size=4, sampler=ds.sampler(), collate_fn=collate_with_metadata)
    rows = []
    for batch in loader:
        assert batch["image"].shape == (4,) + SHAPE and batch["target"].dtype == torch.int64
        assert isinstance(batch["sample_id"], list) and isinstance(batch["applied"], list)
        loss = batch["image"].float().mean(dim=(1, 2, 3))
        for sid, applied, value in zip(batch["sample_id"], batch["applied"], loss.tolist()):
            rows.append({"sample_id": sid, "applied": applied, "loss": value})
    assert [r["sample_id"] for r in rows] == ["s%d" % i for i in range(8)]
    json.dumps(rows)


def test_metadata_collate_tuples_and_errors():
    collate = MetadataCollate(metadata_fields=("meta",))
    batch = collate([(np.zeros((2, 2)), {"k": 1}), (np.ones((2, 2)), {"k": 2})])
    assert batch[0].shape == (2, 2, 2) and batch[1] == [{"k": 1}, {"k": 2}]
    assert collate([{"meta": np.zeros(2)}])["meta"][0].shape == (2,)
    with pytest.raises(ValueError, match="empty"):
        collate([])
    with pytest.raises(TypeError, match="metadata_fields"):
        MetadataCollate(metadata_fields="meta")


@pytest.mark.parametrize("kwargs,exc,match", [
    ({"dataset": 5}, TypeError, "dataset"),
    ({"augmenter": lambda x: x}, TypeError, "augmenter"),
    ({"epoch": -1}, TypeError, "epoch"),
    ({"tuple_fields": ("img",)}, ValueError, "tuple_fields"),
    ({"tuple_fields": ("image", "image")}, ValueError, "tuple_fields"),
    ({"key_fn": 3}, TypeError, "key_fn"),
    ({"return_record": 1}, TypeError, "return_record"),
])
def test_keyed_dataset_validates_arguments(kwargs, exc, match):
    args = {"dataset": _images(1), "augmenter": _pipeline()}
    args.update(kwargs)
    with pytest.raises(exc, match=match):
        KeyedDataset(**args)


def test_keyed_dataset_rejects_unknown_items():
    with pytest.raises(TypeError, match="dataset item"):
        KeyedDataset(["not an image"], _pipeline())[0]
    with pytest.raises(ValueError, match="without any of the fields"):
        KeyedDataset([{"label": 1}], _pipeline())[0]
    with pytest.raises(TypeError, match="epoch"):
        KeyedDataset(_images(1), _pipeline()).set_epoch(1.5)


def test_seed_worker_is_the_repro_worker_init_fn():
    assert seed_worker is repro.worker_init_fn


def test_ray_batch_function_is_keyed_and_batching_free():
    from imgaug2.integrations.ray import RayAugment
    imgs = np.stack(_images(6))
    fn = RayAugment(_pipeline(), key_column="id", epoch=1)
    whole = fn({"image": imgs, "id": np.arange(6), "label": np.zeros(6)})
    halves = [fn({"image": imgs[s], "id": np.arange(6)[s]}) for s in (slice(0, 3), slice(3, 6))]
    assert whole["image"].shape == imgs.shape and "label" in whole
    assert np.array_equal(whole["image"], np.concatenate([h["image"] for h in halves]))
    assert np.array_equal(whole["image"][4], _pipeline()(image=imgs[4], key=(1, 4)))
    with pytest.raises(ValueError, match="id"):
        fn({"image": imgs})


def test_ray_missing_gives_a_clear_import_error(monkeypatch):
    from imgaug2.integrations import ray as iaray
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ImportError, match=r"imgaug2\[ray\]"):
        iaray.augment_dataset(object(), _pipeline())

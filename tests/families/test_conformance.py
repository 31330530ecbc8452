"""Conformance: targets, dtypes, shapes, inputs untouched, C-contiguous outputs."""

import numpy as np
import pytest

from tests.catalogue import ENTRIES, entry_ids
from tests.families.inputs import ALL_KWARGS, SHAPE, call_all, image, outputs_equal, targets

ACTIVE = [e for e in ENTRIES if "conformance" not in e.exclude]


def _variants(img):
    ro = img.copy()
    ro.flags.writeable = False
    fortran = np.asfortranarray(img)
    neg = img[::-1, ::-1][::-1, ::-1]
    neg_stride = np.ascontiguousarray(img[::-1])[::-1]
    big = np.zeros((img.shape[0] + 4, img.shape[1] + 6, img.shape[2]), img.dtype)
    big[2:-2, 3:-3] = img
    sliced = big[2:-2, 3:-3]
    return {"writeable": img, "read-only": ro, "fortran": fortran, "negative-stride": neg_stride,
            "sliced": sliced, "double-negated": neg}


@pytest.mark.parametrize("which", ["default", "extreme"])
@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_all_targets_one_call(entry, which):
    aug = entry.build(which, seed=3)
    t = targets()
    before = {k: (v.copy() if isinstance(v, np.ndarray) else v.deepcopy()) for k, v in t.items()}
    if entry.image_only:
        out = aug(image=t["image"])
        outs = {"image": out}
    else:
        outs = dict(zip(ALL_KWARGS, call_all(aug, t)))
    for k in before:
        assert outputs_equal(before[k], t[k]), "input %s was modified" % k
    img = outs["image"]
    assert isinstance(img, np.ndarray) and img.flags.c_contiguous
    assert img.dtype == t["image"].dtype
    if not entry.changes_shape:
        assert img.shape == t["image"].shape
    if not entry.image_only:
        h, w = img.shape[:2]
        for k in ("heatmaps", "segmentation_maps", "keypoints", "bounding_boxes", "polygons",
                  "line_strings"):
            assert tuple(outs[k].shape[:2]) == (h, w), (k, outs[k].shape, img.shape)
        assert [b.label for b in outs["bounding_boxes"].bounding_boxes] == \
            [b.label for b in t["bounding_boxes"].bounding_boxes] or \
            len(outs["bounding_boxes"].bounding_boxes) < len(t["bounding_boxes"].bounding_boxes)


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_input_layouts_untouched_and_equal(entry):
    img = image(5, SHAPE)
    reference = None
    for label, variant in _variants(img).items():
        copy = variant.copy()
        aug = entry.build("extreme", seed=11)
        out = aug(image=variant)
        assert np.array_equal(copy, variant), "%s input modified" % label
        assert out.flags.c_contiguous, label
        assert not np.shares_memory(out, variant), "%s output aliases input" % label
        if reference is None:
            reference = out
        else:
            assert np.array_equal(reference, out), "%s input gave a different result" % label


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_batch_array_and_list_agree(entry):
    aug = entry.build("default", seed=4)
    imgs = np.stack([image(i, (16, 20, 3)) for i in range(4)])
    out_arr = aug(images=imgs, keys=list(range(4)))
    out_list = aug(images=list(imgs), keys=list(range(4)))
    if isinstance(out_arr, np.ndarray):
        assert out_arr.flags.c_contiguous
        out_arr = list(out_arr)
    assert all(np.array_equal(a, b) for a, b in zip(out_arr, out_list))

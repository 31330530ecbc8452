"""Value extremes: constant images at the min, centre and max of every supported dtype.

For every catalogue entry (default and extreme setups) and every dtype the
augmenter declares among bool, uint8, uint16, int16, int32, float16, float32
and float64, constant images at the dtype's minimum, centre and maximum (and,
for floats, at 0, 0.5 and 1 as well) must come back with the same dtype,
inside the dtype's range and, for floats, finite. Entries opt out with
``exclude={"extremes": reason}``.
"""

import numpy as np
import pytest

from tests.catalogue import ENTRIES, entry_ids

ACTIVE = [e for e in ENTRIES if "extremes" not in e.exclude]
DTYPES = ("bool", "uint8", "uint16", "int16", "int32", "float16", "float32", "float64")
SHAPE = (9, 11, 3)


def levels(dtype: np.dtype) -> list:
    """min, centre and max of ``dtype`` (floats: also the [0, 1] intensity range)."""
    if dtype.kind == "b":
        return [False, True]
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return [int(info.min), (int(info.min) + int(info.max) + 1) // 2, int(info.max)]
    info = np.finfo(dtype)
    return [float(info.min), 0.0, float(info.max), 0.5, 1.0]


def check_output(name: str, img: np.ndarray, out: np.ndarray) -> None:
    where = "%s %s %r" % (name, img.dtype.name, img.flat[0])
    assert isinstance(out, np.ndarray), where
    assert out.dtype == img.dtype, "%s: dtype %s" % (where, out.dtype)
    assert out.shape[-1] == img.shape[-1], "%s: shape %s" % (where, out.shape)
    if out.size == 0:
        return
    if out.dtype.kind == "f":
        assert np.isfinite(out).all(), "%s: non-finite output" % where
        info = np.finfo(out.dtype)
        assert out.min() >= info.min and out.max() <= info.max, where
    elif out.dtype.kind in "iu":
        info = np.iinfo(out.dtype)
        assert int(out.min()) >= info.min and int(out.max()) <= info.max, where


@pytest.mark.parametrize("which", ["default", "extreme"])
@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_constant_images_at_dtype_extremes_stay_in_range(entry, which):
    aug = entry.build(which, seed=13)
    supported = aug._tree_dtypes()
    for name in DTYPES:
        if name not in supported:
            continue
        dtype = np.dtype(name)
        for level in levels(dtype):
            img = np.full(SHAPE, level, dtype=dtype)
            before = img.copy()
            out = aug(image=img)
            assert np.array_equal(img, before), "%s modified its input" % entry.name
            check_output(entry.name, img, out)


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_mixed_extremes_in_one_image(entry):
    """min and max side by side (edges, gradients and neighbourhoods see both)."""
    aug = entry.build("extreme", seed=14)
    supported = aug._tree_dtypes()
    for name in DTYPES:
        if name not in supported:
            continue
        dtype = np.dtype(name)
        lv = levels(dtype)
        img = np.empty(SHAPE, dtype=dtype)
        img[:, : SHAPE[1] // 2] = lv[0]
        img[:, SHAPE[1] // 2:] = lv[2] if len(lv) > 2 else lv[-1]
        img[::3, ::2] = lv[1] if len(lv) > 2 else lv[0]
        check_output(entry.name, img, aug(image=img))

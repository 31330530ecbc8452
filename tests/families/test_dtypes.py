"""dtype x shape: documented success or a clear error, never a crash or a bare cv2.error."""

import numpy as np
import pytest

from tests.catalogue import ENTRIES, entry_ids
from tests.families.inputs import image

ACTIVE = [e for e in ENTRIES if "dtypes" not in e.exclude]
DTYPES = ("uint8", "uint16", "int16", "float32", "float64", "bool")
SHAPES = ((0, 8, 3), (8, 0, 3), (8, 9, 0), (1, 1, 3), (9, 11), (9, 11, 1), (9, 11, 4),
          (9, 11, 5), (101, 99, 3))


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_dtype_shape_grid(entry):
    for which in ("default", "extreme"):
        aug = entry.build(which, seed=2)
        supported = aug._tree_dtypes()
        for dtype in DTYPES:
            for shape in SHAPES:
                img = image(1, shape, dtype)
                try:
                    out = aug(image=img)
                except (ValueError, TypeError) as exc:
                    if dtype in supported and all(shape) and (len(shape) == 2 or shape[2] in (1, 3)):
                        raise AssertionError("%s %s %s failed: %s" % (entry.name, dtype, shape, exc))
                    continue
                except Exception as exc:  # anything else is a defect
                    raise AssertionError("%s %s %s raised %r" % (entry.name, dtype, shape, exc))
                assert dtype in supported, "%s accepted unsupported %s" % (entry.name, dtype)
                assert out.dtype == img.dtype, (entry.name, dtype, shape, out.dtype)
                assert out.ndim == img.ndim, (entry.name, dtype, shape, out.shape)
                if not entry.changes_shape:
                    assert out.shape == img.shape, (entry.name, dtype, shape, out.shape)
                if img.ndim == 3:
                    assert out.shape[2] == img.shape[2]
                if out.dtype.kind == "f" and img.size and np.isfinite(img).all():
                    assert np.isfinite(out).all(), (entry.name, dtype, shape)


@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_unsupported_dtypes_raise_naming_image(entry):
    aug = entry.build("default", seed=2)
    for bad in (np.zeros((4, 4, 3), dtype=np.complex64), np.zeros((4, 4, 3), dtype=object)):
        with pytest.raises(TypeError, match="image"):
            aug(image=bad)
    with pytest.raises(ValueError, match="image"):
        aug(image=np.zeros((2, 3, 4, 5), np.uint8))

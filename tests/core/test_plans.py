"""Image plans (core.memo): aug(image=img) of constant configurations, run directly.

A plan must give exactly what the general path gives, for every shape, dtype
and memory layout, and count the call like every other path.
"""

import copy
import pickle

import numpy as np
import pytest

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from tests.catalogue import ENTRIES, entry_ids
from tests.families.inputs import image

_MODES = ["constant", "edge", "reflect", "symmetric", "wrap", "linear_ramp", "mean"]

# Constant configurations: every one of them runs through a plan after its first call.
CONSTANT = {
    "Fliplr(1)": lambda: iaa.Fliplr(1.0),
    "Fliplr(0)": lambda: iaa.Fliplr(0.0),
    "Flipud(1)": lambda: iaa.Flipud(1.0),
    "HorizontalFlip(1)": lambda: iaa.HorizontalFlip(1.0),
    "Rot90(1)": lambda: iaa.Rot90(1),
    "Rot90(1,free)": lambda: iaa.Rot90(1, keep_size=False),
    "Rot90(2)": lambda: iaa.Rot90(2),
    "Rot90(-1,free)": lambda: iaa.Rot90(-1, keep_size=False),
    "Rot90(0)": lambda: iaa.Rot90(0),
    "Crop(px=3,free)": lambda: iaa.Crop(px=3, keep_size=False),
    "Crop(px=3)": lambda: iaa.Crop(px=3),
    "Crop(percent)": lambda: iaa.Crop(percent=(0.1, 0.0, 0.2, 0.05), keep_size=False),
    "Crop(px=50,free)": lambda: iaa.Crop(px=50, keep_size=False),
    "Pad(px=0)": lambda: iaa.Pad(px=0, keep_size=False),
    "Pad(cval)": lambda: iaa.Pad(px=(1, 2, 3, 4), pad_cval=7, keep_size=False),
    "Pad(cval float)": lambda: iaa.Pad(px=2, pad_cval=300.5, keep_size=False),
    "CenterPadToFixedSize": lambda: iaa.CenterPadToFixedSize(14, 12),
    "CropToFixedSize": lambda: iaa.CropToFixedSize(6, 5, position="center"),
    "PadToFixedSize(left-top)": lambda: iaa.PadToFixedSize(13, 11, position="left-top"),
    "PadToSquare": lambda: iaa.CenterPadToSquare(pad_mode="edge"),
    "CropToMultiplesOf": lambda: iaa.CenterCropToMultiplesOf(3, 4),
    "Affine(nearest)": lambda: iaa.Affine(scale=0.9, rotate=15, translate_px={"x": 2, "y": -1},
                                          shear=5, order=0, cval=200),
    "Affine(linear,reflect)": lambda: iaa.Affine(scale=1.1, rotate=-20, mode="reflect"),
    "Affine(cubic,fit_output)": lambda: iaa.Affine(rotate=30, order=3, fit_output=True),
    "Affine(identity)": lambda: iaa.Affine(),
    "Rotate(90)": lambda: iaa.Rotate(90, order=0),
    "TranslateX(percent)": lambda: iaa.TranslateX(percent=0.2, cval=3, mode="constant"),
    "ShearY": lambda: iaa.ShearY(10, order=1, mode="edge"),
    "pillike.FilterDetail": lambda: iaa.pillike.FilterDetail(),
    "pillike.FilterDetail(exact)": lambda: iaa.pillike.FilterDetail(exact=True),
    "pillike.FilterSmoothMore": lambda: iaa.pillike.FilterSmoothMore(),
    "pillike.Equalize": lambda: iaa.pillike.Equalize(),
    "pillike.EnhanceColor": lambda: iaa.pillike.EnhanceColor(1.5),
    "pillike.EnhanceColor(exact)": lambda: iaa.pillike.EnhanceColor(1.5, exact=True),
    "pillike.EnhanceContrast": lambda: iaa.pillike.EnhanceContrast(0.7),
    "pillike.Affine": lambda: iaa.pillike.Affine(rotate=15, scale=0.9, fillcolor=9),
    "Resize(0.5)": lambda: iaa.Resize(0.5),
    "Resize(fixed,nearest)": lambda: iaa.Resize({"height": 5, "width": 9},
                                                interpolation="nearest"),
    "Invert(1)": lambda: iaa.Invert(1.0),
    "Invert(0)": lambda: iaa.Invert(0.0),
    "Invert(threshold)": lambda: iaa.Invert(1.0, threshold=0.5, invert_above_threshold=True),
    "Cutout(center)": lambda: iaa.Cutout(position="center", size=0.3),
    "Cutout(cval per channel)": lambda: iaa.Cutout(position="center", size=0.3, cval=17,
                                                   fill_per_channel=True),
}
CONSTANT.update({"CropAndPad(%s)" % m: (lambda m=m: iaa.CropAndPad(
    px=(-2, 3, 4, -1), pad_mode=m, pad_cval=9, keep_size=False)) for m in _MODES})
CONSTANT.update({"Pad(%s)" % m: (lambda m=m: iaa.Pad(px=(0, 2, 3, 1), pad_mode=m,
                                                    keep_size=False)) for m in _MODES})

_SHAPES = [(9, 10, 3), (9, 10), (9, 10, 1), (9, 10, 4), (9, 10, 6), (10, 10, 3)]
_DTYPES = ["uint8", "float32", "bool", "int64", "uint16", "float64", "int8"]


def _layouts(img: np.ndarray) -> list:
    """The same pixels as C-contiguous, Fortran-ordered, and a negative-stride view."""
    flipped = np.ascontiguousarray(img[::-1])[::-1]
    return [img, np.asfortranarray(img), flipped]


def _inputs(aug) -> list:
    allowed = aug._tree_dtypes()
    out = []
    for dtype in _DTYPES:
        if dtype not in allowed:
            continue
        for i, shape in enumerate(_SHAPES):
            for layout in _layouts(image(seed=i, shape=shape, dtype=dtype)):
                out.append(layout)
    # the first shape again, so plans built for it answer later calls
    out.extend(_layouts(image(seed=99, shape=_SHAPES[0], dtype=_DTYPES[0])))
    return out


def _no_plans(aug):
    aug.__dict__["_plans"] = None  # no setattr: ShapeMemo would start fresh plans
    return aug


def _same(got, want, x):
    assert got.dtype == want.dtype and got.shape == want.shape
    assert np.array_equal(got, want), (x.shape, x.dtype)
    assert got.flags.c_contiguous and not np.may_share_memory(got, x)


def _compare(make, inputs):
    """Single-image and batch calls on one instance vs a twin that never plans."""
    planned, general = make(), _no_plans(make())
    for x in inputs:
        before = x.copy()
        try:
            want = general(images=[x])[0]
        except (ValueError, TypeError) as exc:
            with pytest.raises(type(exc)):
                planned(image=x)
            continue
        got = planned(image=x)
        assert np.array_equal(x, before), "input modified"
        _same(got, want, x)
        # batches: a list, a tuple and an (N,H,W[,C]) array of the same image
        batches = [[x, x], (x,)] + ([np.stack([x, x])] if x.ndim == 3 else [])
        for batch in batches:
            want_b, got_b = general(images=batch), planned(images=batch)
            assert type(got_b) is type(want_b) and len(got_b) == len(want_b)
            for g, w in zip(got_b, want_b):
                _same(g, w, x)
        assert np.array_equal(x, before), "input modified"
    assert planned._calls.value == general._calls.value
    return planned


@pytest.mark.parametrize("name", sorted(CONSTANT))
def test_plans_give_the_general_paths_output(name):
    aug = _compare(CONSTANT[name], _inputs(CONSTANT[name]()))
    assert aug._plans, "%s never built a plan" % name


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_ids(ENTRIES))
def test_catalogue_single_image_calls_match_the_general_path(entry):
    for which in ("default", "extreme"):
        make = (lambda: entry.build(which, seed=3))
        shapes = [(12, 14, 3), (12, 14, 3), (11, 9, 3), (12, 14, 3)]
        _compare(make, [image(seed=i, shape=s) for i, s in enumerate(shapes)])


def test_random_configurations_build_no_plans():
    aug = iaa.Fliplr(0.5)
    img = image()
    for _ in range(3):
        aug(image=img)
    assert aug._plans is None


def test_a_plan_counts_the_call_and_deterministic_mode_does_not():
    aug = iaa.Flipud(1.0)
    img = image()
    for _ in range(4):
        aug(image=img)
    assert aug._calls.value == 4 and aug._plans
    det = aug.to_deterministic()
    calls = det._calls.value
    for _ in range(3):
        assert np.array_equal(det(image=img), img[::-1])
    assert det._calls.value == calls


def test_assignment_drops_plans():
    aug = iaa.Fliplr(1.0)
    img = image()
    aug(image=img)
    aug(image=img)
    aug.p = iap.Deterministic(0)
    assert np.array_equal(aug(image=img), img)
    assert np.array_equal(aug(image=img), img)
    crop = iaa.CropToFixedSize(6, 5, position="center")
    crop(image=img)
    crop.width = 4
    assert crop(image=img).shape[1] == 4


def test_copies_and_pickles_start_without_plans():
    aug = iaa.Fliplr(1.0)
    img = image()
    aug(image=img)
    aug(image=img)
    for clone in (copy.deepcopy(aug), pickle.loads(pickle.dumps(aug)), aug.copy()):
        assert clone.__dict__.get("_plans") == {}
        assert np.array_equal(clone(image=img), img[:, ::-1])


def test_a_subclass_with_its_own_kernel_gets_no_shortcut_around_it():
    class Brighter(iaa.Fliplr):
        def _augment_image(self, image, params):
            return super()._augment_image(image, params) + 1

    aug = Brighter(1.0)
    img = image()
    for _ in range(3):
        assert np.array_equal(aug(image=img), img[:, ::-1] + 1)


def test_a_subclass_with_its_own_sampling_gets_no_plan():
    class Sometimes(iaa.Flipud):
        def _sample(self, rng, shape):
            return super()._sample_shape(rng, shape) if rng.random() < 0.5 else \
                super()._sample(rng, shape)

    aug = Sometimes(1.0)
    img = image()
    for _ in range(3):
        assert np.array_equal(aug(image=img), img[::-1])
    assert not aug._plans


def test_plans_are_bounded():
    aug = iaa.Fliplr(1.0)
    for w in range(1, 140):
        aug(image=np.zeros((2, w, 3), np.uint8))
    assert 0 < len(aug._plans) <= 64


def test_keyed_calls_use_plans_check_keys_and_take_no_call_number():
    aug = iaa.Flipud(1.0)
    img = image()
    for k in [(0, 1), "a", 3, b"x", (1, ("a", 2)), [1, 2], -4, True, np.int64(5)]:
        assert np.array_equal(aug(image=img, key=k), img[::-1])
    assert aug._plans and aug._calls.value == 0
    for bad in [1.5, (1, 2.5), None, object(), {"a": 1}]:
        with pytest.raises(TypeError, match="key"):
            aug(image=img, key=bad)
    assert aug._calls.value == 0


def test_keyed_random_rows_do_not_depend_on_plans_or_call_history():
    img = image()
    a, b = iaa.Fliplr(0.5, seed=4), iaa.Fliplr(0.5, seed=4)
    for _ in range(5):
        b(image=img)
    for k in range(8):
        assert np.array_equal(a(image=img, key=k), b(images=[img], keys=[k])[0])


def test_plans_are_shared_safely_between_threads():
    from concurrent.futures import ThreadPoolExecutor
    aug = iaa.CropAndPad(px=(-1, 2, 0, 3), pad_mode="edge", keep_size=False)
    ref = iaa.CropAndPad(px=(-1, 2, 0, 3), pad_mode="edge", keep_size=False)
    inputs = [image(seed=i, shape=(5 + i % 7, 6 + i % 5, 3)) for i in range(200)]
    want = [ref(images=[x])[0] for x in inputs]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda x: aug(image=x), inputs))
    assert all(np.array_equal(a, b) for a, b in zip(got, want))
    assert aug._calls.value == 200


def test_batch_calls_build_and_use_plans():
    aug = iaa.Crop(px=2, keep_size=False)
    imgs = [image(seed=i, shape=(8, 9, 3)) for i in range(3)]
    first = aug(images=imgs)
    assert aug._plans and aug._calls.value == 1
    second = aug(images=imgs)
    assert aug._calls.value == 2
    assert all(np.array_equal(a, b) for a, b in zip(first, second))
    # a batch with a new shape or dtype takes the general path (and plans it)
    mixed = imgs + [image(seed=5, shape=(7, 7, 3))]
    assert [o.shape for o in aug(images=mixed)][-1] == (3, 3, 3)
    assert len(aug._plans) == 2 and aug._calls.value == 3
    # keyed batches use plans too (keys do not matter to constant rows), take no number,
    # and their keys are checked exactly as on the general path
    general = _no_plans(iaa.Crop(px=2, keep_size=False))
    for got, want in zip(aug(images=imgs, keys=[1, (2, "a"), b"3"]),
                         general(images=imgs, keys=[1, (2, "a"), b"3"])):
        assert np.array_equal(got, want)
    assert aug._calls.value == 3
    for bad, err in [(None, TypeError), ("abc", TypeError), ([1, 2], ValueError),
                     ([1, 2, 3.5], TypeError), ([1, 2, None], TypeError)]:
        with pytest.raises(err) as planned_exc:
            aug(images=imgs, keys=bad)
        with pytest.raises(err) as general_exc:
            general(images=imgs, keys=bad)
        assert str(planned_exc.value) == str(general_exc.value)
    assert aug._calls.value == 3

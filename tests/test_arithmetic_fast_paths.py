"""Fast paths of the arithmetic family give exactly what the general code gives.

Each hot path (shared Params of constant configurations, OpenCV copies and
channel masks, 16-bit uniform noise for uint8) is checked against the general
kernel or a float64 numpy oracle, bit for bit unless a tolerance is stated.
"""

import numpy as np
import pytest

import imgaug2 as ia
import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2.augmenters.arithmetic import InvertParams
from imgaug2.kernels.arithmetic import invert
from imgaug2.kernels.arithmetic_dropout import cutout, drop_channels, private_copy
from imgaug2.kernels.arithmetic_noise import draw_noise, seed_generator, uniform_noise
from imgaug2.kernels.noise import bulk_generator
from tests.families.inputs import image as random_image

SHAPES = [(1, 1), (1, 1, 3), (1, 5, 3), (5, 1, 3), (7, 9), (7, 9, 1), (7, 9, 2), (7, 9, 3),
          (7, 9, 4), (6, 5, 7)]


def _img(shape, dtype="uint8", seed=0):
    return random_image(seed, shape, dtype)


def _run(aug, img):
    out, rec = aug(image=img, return_record=True)
    return out, rec.rows[0][-1][3]


def _check_output(out, img):
    assert out.shape == img.shape and out.dtype == img.dtype
    assert out.flags.c_contiguous and not np.shares_memory(out, img)


# ------------------------------------------------------------------ copies

@pytest.mark.parametrize("dtype", ["bool", "uint8", "int8", "uint16", "int16", "uint32", "int32",
                                   "int64", "uint64", "float16", "float32", "float64"])
@pytest.mark.parametrize("shape", SHAPES + [(3, 4, 600)])
def test_private_copy_is_an_exact_private_copy(dtype, shape):
    img = _img(shape, dtype)
    out = private_copy(img)
    _check_output(out, img)
    np.testing.assert_array_equal(out, img)


def test_private_copy_of_views():
    base = _img((10, 12, 3), "uint8")
    for view in (base[::2, ::3], base[:, :, ::-1], np.asfortranarray(base), base[2:5]):
        out = private_copy(view)
        _check_output(out, view)
        np.testing.assert_array_equal(out, view)


# ------------------------------------------------------------------ invert

@pytest.mark.parametrize("shape", SHAPES)
def test_invert_constant_paths_match_kernel(shape):
    img = _img(shape)
    for aug, flags in ((iaa.Invert(1.0), (True,)),
                       (iaa.Invert(1.0, per_channel=True), None)):
        out, params = _run(aug, img)
        _check_output(out, img)
        np.testing.assert_array_equal(out, 255 - img)
        if flags is None:
            c = shape[2] if len(shape) == 3 else 1
            flags = (True,) * c if c > 1 else (True,)
        assert params == InvertParams(channels=flags)
    out, params = _run(iaa.Invert(1.0, min_value=10, max_value=200), img)
    assert params == InvertParams(channels=(True,), min_value=10.0, max_value=200.0)
    np.testing.assert_array_equal(out, invert(img, (True,), 10.0, 200.0))
    assert np.array_equal(iaa.Invert(0.0)(image=img), img)


def test_invert_fast_path_replays_and_handles_other_dtypes():
    img = _img((8, 8, 3))
    aug = iaa.Invert(1.0, seed=1)
    out, rec = aug(image=img, return_record=True)
    np.testing.assert_array_equal(ia.replay(rec, image=img), out)
    f = _img((8, 8, 3), "float32")
    np.testing.assert_allclose(aug(image=f), 1.0 - f)


def test_solarize_constant_params_match_general_path():
    img = _img((9, 9, 3))
    for kw in ({"threshold": 128}, {"threshold": 100, "invert_above_threshold": False},
               {"threshold": 50, "per_channel": True}, {"threshold": 7, "min_value": 5}):
        out, fast = _run(iaa.Solarize(1.0, **kw), img)
        drawn = dict(kw, threshold=iap.Choice([kw["threshold"]]))
        ref, general = _run(iaa.Solarize(1.0, **drawn), img)
        assert fast == general
        np.testing.assert_array_equal(out, ref)


# ------------------------------------------------------------ total dropout

@pytest.mark.parametrize("dtype", ["bool", "uint8", "int64", "float16", "float64"])
def test_total_dropout_constant_probabilities(dtype):
    img = _img((5, 6, 3), dtype)
    out = iaa.TotalDropout(1.0)(image=img)
    _check_output(out, img)
    assert not out.any()
    kept = iaa.TotalDropout(0.0)(image=img)
    _check_output(kept, img)
    np.testing.assert_array_equal(kept, img)


def test_total_dropout_random_probability_still_draws():
    img = np.full((4, 4), 7, np.uint8)
    aug = iaa.TotalDropout(0.5, seed=2)
    dropped = [not aug(image=img).any() for _ in range(200)]
    assert 60 < sum(dropped) < 140


# --------------------------------------------------------------- dropout2d

@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype", ["uint8", "float32", "int64"])
def test_drop_channels_matches_reference(shape, dtype):
    img = _img(shape, dtype)
    c = shape[2] if len(shape) == 3 else 1
    for chans in ([0], [c - 1], list(range(c)), [i for i in range(c) if i % 2]):
        if not chans:
            continue
        out = drop_channels(img, chans)
        _check_output(out, img)
        ref = img.copy()
        if img.ndim == 2:
            ref[...] = 0
        else:
            ref[:, :, chans] = 0
        np.testing.assert_array_equal(out, ref)


def test_dropout2d_deterministic_keep_list():
    img = _img((6, 7, 3))
    out, params = _run(iaa.Dropout2d(iap.DeterministicList([1, 0, 1])), img)
    assert params.channels == (1,) and not params.all_dropped
    ref = img.copy()
    ref[:, :, 1] = 0
    np.testing.assert_array_equal(out, ref)
    # Shorter lists repeat; nb_keep_channels revives a dropped channel.
    out, params = _run(iaa.Dropout2d(iap.DeterministicList([0]), nb_keep_channels=1, seed=3), img)
    assert len(params.channels) == 2
    assert sum(bool(out[:, :, ch].any()) for ch in range(3)) == 1
    out, params = _run(iaa.Dropout2d(iap.DeterministicList([0]), nb_keep_channels=0), img)
    assert params.all_dropped and not out.any()


def test_dropout2d_certain_probabilities():
    img = _img((6, 7, 4))
    out, params = _run(iaa.Dropout2d(0.0), img)
    assert not params.applied
    np.testing.assert_array_equal(out, img)
    for seed in range(5):
        out, params = _run(iaa.Dropout2d(1.0, nb_keep_channels=2, seed=seed), img)
        assert len(params.channels) == 2
        kept = [ch for ch in range(4) if ch not in params.channels]
        np.testing.assert_array_equal(out[:, :, kept], img[:, :, kept])
        assert not out[:, :, list(params.channels)].any()


# ------------------------------------------------------------------ cutout

def _cutout_ref(img, params):
    return cutout(img, params.rects, params.modes, params.cvals, params.noise_per_channel,
                  params.seed)


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("dtype", ["uint8", "int16", "float32", "bool"])
def test_cutout_constant_configuration_matches_kernel(shape, dtype):
    img = _img(shape, dtype)
    for aug in (iaa.Cutout(position="center", size=0.4, cval=300),
                iaa.Cutout(nb_iterations=2, position=(0.2, 0.7), size=0.5, squared=False,
                           cval=17.5),
                iaa.Cutout(position="left-top", size=0.5, cval=-4, fill_per_channel=True)):
        out, params = _run(aug, img)
        _check_output(out, img)
        np.testing.assert_array_equal(out, _cutout_ref(img, params))
        again, params2 = _run(aug, img)
        assert params2 is params  # one shared record per (configuration, shape)
        np.testing.assert_array_equal(again, out)


def test_cutout_uint8_fill_rounds_and_clips_like_the_kernel():
    img = _img((20, 20, 3))
    for cval in (-3, 0, 2.5, 3.5, 127.5, 255, 256, 1e9):
        out, params = _run(iaa.Cutout(position="center", size=0.3, cval=cval), img)
        np.testing.assert_array_equal(out, _cutout_ref(img, params))
        y1, y2, x1, x2 = params.rects[0]
        expected = min(max(np.rint(cval), 0), 255)
        assert (out[y1:y2, x1:x2] == expected).all()


def test_cutout_shared_params_replay_and_random_configurations():
    img = _img((16, 16, 3))
    aug = iaa.Cutout(position="center", size=0.25, seed=4)
    out, rec = aug(image=img, return_record=True)
    np.testing.assert_array_equal(ia.replay(rec, image=img), out)
    # Random positions and gaussian fills are drawn per row, never shared.
    rnd = iaa.Cutout(size=0.25, seed=5)
    rects = {_run(rnd, img)[1].rects for _ in range(20)}
    assert len(rects) > 5
    gauss = iaa.Cutout(position="center", size=0.5, fill_mode="gaussian", seed=6)
    (a, pa), (b, pb) = _run(gauss, img), _run(gauss, img)
    assert pa.seed != pb.seed and not np.array_equal(a, b)
    np.testing.assert_array_equal(a, _cutout_ref(img, pa))


def test_cutout_params_cache_is_keyed_by_parameter_objects():
    img = _img((16, 16, 3))
    aug = iaa.Cutout(position="center", size=0.25, cval=10)
    _, first = _run(aug, img)
    aug.cval = iap.Deterministic(200)
    out, second = _run(aug, img)
    assert second.cvals == ((200.0,),) and first.cvals == ((10.0,),)
    y1, y2, x1, x2 = second.rects[0]
    assert (out[y1:y2, x1:x2] == 200).all()


def test_memoised_params_follow_replaced_parameters_and_copies():
    import copy
    import pickle

    img = _img((8, 8, 3))
    aug = iaa.Invert(1.0)
    assert _run(aug, img)[1].applied
    aug.p = iap.Deterministic(0)
    out, params = _run(aug, img)
    assert not params.applied and np.array_equal(out, img)
    cut = iaa.Cutout(position="center", size=0.5, cval=9)
    ref = cut(image=img)
    for clone in (copy.deepcopy(cut), copy.copy(cut), pickle.loads(pickle.dumps(cut)),
                  cut.to_deterministic()):
        assert clone.__dict__.get("_memo", {}) == {}
        np.testing.assert_array_equal(clone(image=img), ref)
    assert cut._memo  # the original keeps its own


# ----------------------------------------------------------- uniform noise

@pytest.mark.parametrize("bits", [16, 32])
def test_uniform_noise_documented_expansion(bits):
    a, b = -3.0, 5.0
    v = uniform_noise(bulk_generator(11), 1001, a, b, bits)
    raw = bulk_generator(11).bit_generator.random_raw(-(-1001 // (64 // bits)))
    k = raw.view(np.int16 if bits == 16 else np.int32)[:1001].astype(np.float64)
    j = k + 2.0 ** (bits - 1)
    np.testing.assert_allclose(v, a + (j + 0.5) * (b - a) / 2.0 ** bits, rtol=0, atol=1e-5)
    assert v.dtype == np.float32


def test_uniform_noise_statistics_and_validation():
    """Tolerance: mean/std of 196608 uniform values within 1% of (a+b)/2 and (b-a)/sqrt(12)."""
    for bits in (16, 32):
        v = draw_noise(5, (256, 256, 3), "uniform", -20.0, 20.0, bits).astype(np.float64)
        assert -20.0 <= v.min() and v.max() < 20.0
        assert abs(v.mean()) < 0.1 and abs(v.std() / (40 / np.sqrt(12)) - 1) < 0.01
        assert len(np.unique(v)) > 60000
    with pytest.raises(ValueError, match="bits"):
        uniform_noise(seed_generator(1), 4, 0.0, 1.0, 8)


@pytest.mark.parametrize("per_channel", [True, False])
def test_add_and_multiply_elementwise_uint8_reproduce_expansion(per_channel):
    img = _img((12, 14, 3))
    shape = (12, 14, 3 if per_channel else 1)
    for aug, op in ((iaa.AddElementwise((-20, 20), per_channel=per_channel, seed=1), np.add),
                    (iaa.MultiplyElementwise((0.8, 1.2), per_channel=per_channel, seed=2),
                     np.multiply)):
        out, p = _run(aug, img)
        noise = draw_noise(p.seed, shape, "uniform", p.a, p.b, 16)
        ref = np.clip(np.rint(op(img.astype(np.float32), noise)), 0, 255).astype(np.uint8)
        np.testing.assert_array_equal(out, ref)
        again, rec = aug(image=img, return_record=True)
        np.testing.assert_array_equal(aug.replay(rec, image=img), again)
        # Other dtypes use 32-bit noise from the same seed.
        f = img.astype(np.float64)
        noise32 = draw_noise(p.seed, shape, "uniform", p.a, p.b, 32)
        res = aug._augment_image(f, p)
        np.testing.assert_allclose(res, op(f, noise32.astype(np.float64)), rtol=1e-6)


def test_int16_multiply_through_opencv_equals_the_float64_path(monkeypatch):
    from imgaug2.kernels import arithmetic as KA
    assert KA._int16_multiply_ok()  # this build multiplies Scalars in double precision
    rng = np.random.default_rng(11)
    full = np.arange(-32768, 32768, dtype=np.int32).astype(np.int16).reshape(64, 1024)
    cases = [(full, (1.3,)), (full, (-0.7,)), (full, (65535.0,)), (full, (70000.0,)),
             (rng.integers(-999, 999, (9, 7, 1)).astype(np.int16), (2.5,)),
             (rng.integers(-999, 999, (9, 7, 3)).astype(np.int16), (0.5, 1.5, -2.5)),
             (np.asfortranarray(rng.integers(-999, 999, (9, 7, 4)).astype(np.int16)),
              (0.3, 0.6, 0.9, 1.2)),
             (rng.integers(-999, 999, (9, 7, 5)).astype(np.int16), (1.1, 1.2, 1.3, 1.4, 1.5)),
             (rng.integers(-999, 999, (9, 7, 5)).astype(np.int16), (1.3,))]
    fast = [KA.multiply_scalar(image, values) for image, values in cases]
    monkeypatch.setattr(KA, "_INT16_MULTIPLY_OK", [False])
    for (image, values), out in zip(cases, fast):
        expected = KA.multiply_scalar(image, values)
        assert out.shape == image.shape and out.dtype == np.int16 and out.flags.c_contiguous
        assert np.array_equal(out, expected), (image.shape, values)


def test_constant_fills_through_opencv_masks_equal_boolean_assignment():
    from imgaug2.kernels.arithmetic_dropout import fill_where
    rng = np.random.default_rng(12)
    for shape in ((37, 41, 3), (37, 41), (37, 41, 1), (37, 41, 4), (37, 41, 2), (37, 41, 5),
                  (3, 3, 3)):
        image = rng.integers(0, 256, shape).astype(np.uint8)
        before = image.copy()
        mask = rng.random(shape[:2] + (1,)) < 0.3
        for fill in ([0], [255], [77], [3, 9]):
            values = np.resize(np.array(fill, np.uint8), int(mask.sum()))
            expected = image.copy()
            if image.ndim == 2:
                expected[mask[:, :, 0]] = values
            else:
                expected[mask[:, :, 0]] = values[:, np.newaxis]
            out = fill_where(image, mask, values)
            assert out.shape == image.shape and np.array_equal(out, expected), (shape, fill)
        assert np.array_equal(image, before)

"""Behaviour of the arithmetic family against float64 numpy oracles.

Each oracle states its tolerance: exact (0) where the kernel's arithmetic is
reproduced operation for operation, statistical bounds for noise and masks.
"""

import math
import warnings

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import imgaug2.augmenters as iaa
import imgaug2.augmenters.arithmetic as arith
import imgaug2.parameters as iap
from imgaug2.augmentables import (BoundingBox, BoundingBoxesOnImage, HeatmapsOnImage, Keypoint,
                                  KeypointsOnImage, SegmentationMapsOnImage)
from imgaug2.kernels.arithmetic import add_scalar, apply_uint8_tables, jpeg_roundtrip
from imgaug2.kernels.arithmetic_dropout import upscale_nearest
from imgaug2.kernels.arithmetic_noise import draw_noise, poisson_table, seed_generator
from imgaug2.kernels.noise import bulk_generator, noise_generator
from tests.families.inputs import image

INT_DTYPES = ("uint8", "uint16", "int16", "int32")
FLOAT_DTYPES = ("float32", "float64")


def _img(shape=(24, 28, 3), dtype="uint8", seed=0, lo=None, hi=None):
    return image(seed, shape, dtype, lo, hi)


def _run(aug, img):
    """Output and the augmenter's own Params for one image."""
    out, rec = aug(image=img, return_record=True)
    return out, rec.rows[0][-1][3]


def _int_ref(values, dtype):
    info = np.iinfo(dtype)
    return np.clip(np.rint(values), info.min, info.max).astype(dtype)


def _cn(*args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return arith.ContrastNormalization(*args, **kwargs)


# ------------------------------------------------------------- scalar oracles

@pytest.mark.parametrize("dtype", INT_DTYPES + FLOAT_DTYPES)
@pytest.mark.parametrize("value", [10, -37.5, 10.5, 2.5, 300.25, (-20, 20)])
def test_add_matches_float64_reference(dtype, value):
    """Tolerance: exact for integers (rint of the float64 sum), 1e-6 relative for float32."""
    img = _img(dtype=dtype, seed=1)
    out, p = _run(iaa.Add(value, per_channel=True, seed=3), img)
    ref = img.astype(np.float64) + np.asarray(p.values)
    if np.dtype(dtype).kind == "f":
        np.testing.assert_allclose(out, ref.astype(dtype), rtol=1e-6)
    else:
        np.testing.assert_array_equal(out, _int_ref(ref, dtype))


def test_add_uint8_equals_clip():
    img = _img(seed=2)
    out = iaa.Add(10)(image=img)
    np.testing.assert_array_equal(out, np.clip(img.astype(int) + 10, 0, 255).astype(np.uint8))


def test_add_uint8_ties_round_half_to_even():
    img = np.arange(256, dtype=np.uint8).reshape(16, 16)
    for v in (0.5, 2.5, -3.5, 10.5, 255.5):
        np.testing.assert_array_equal(add_scalar(img, (v,)),
                                      _int_ref(img.astype(np.float64) + v, np.uint8))


@pytest.mark.parametrize("dtype", INT_DTYPES + FLOAT_DTYPES)
def test_multiply_matches_float64_reference(dtype):
    """Tolerance: exact for integers, 1e-6 relative for floats."""
    img = _img(dtype=dtype, seed=4)
    out, p = _run(iaa.Multiply((0.3, 2.7), per_channel=True, seed=5), img)
    ref = img.astype(np.float64) * np.asarray(p.factors)
    if np.dtype(dtype).kind == "f":
        np.testing.assert_allclose(out, ref.astype(dtype), rtol=1e-6)
    else:
        np.testing.assert_array_equal(out, _int_ref(ref, dtype))


@pytest.mark.parametrize("dtype,center", [("uint8", 128), ("uint16", 32768), ("int16", 0),
                                          ("float32", 0.5), ("float64", 0.5)])
def test_contrast_normalization_reference_and_warning(dtype, center):
    """Tolerance: exact for integers, 1e-6 relative for floats."""
    with pytest.warns(DeprecationWarning, match="LinearContrast"):
        arith.ContrastNormalization((0.5, 1.5))
    img = _img(dtype=dtype, seed=6)
    out, p = _run(_cn((0.2, 2.0), per_channel=True, seed=7), img)
    ref = center + np.asarray(p.alphas) * (img.astype(np.float64) - center)
    if np.dtype(dtype).kind == "f":
        np.testing.assert_allclose(out, ref.astype(dtype), rtol=1e-6, atol=1e-7)
    else:
        np.testing.assert_array_equal(out, _int_ref(ref, dtype))


def test_uint8_tables_per_channel_and_many_channels():
    img = _img((5, 6, 7), seed=8)
    tables = np.stack([(np.arange(256) * (i + 1) % 256).astype(np.uint8) for i in range(7)])
    out = apply_uint8_tables(img, tables)
    for c in range(7):
        np.testing.assert_array_equal(out[:, :, c], tables[c][img[:, :, c]])


# ---------------------------------------------------------------- inversion

def test_invert_uint8_and_per_channel_flags():
    img = _img(seed=9)
    np.testing.assert_array_equal(iaa.Invert(1.0)(image=img), 255 - img)
    np.testing.assert_array_equal(iaa.Invert(0.0)(image=img), img)
    out, p = _run(iaa.Invert(0.5, per_channel=True, seed=2), img)
    for c, flag in enumerate(p.channels):
        np.testing.assert_array_equal(out[:, :, c], 255 - img[:, :, c] if flag else img[:, :, c])


@pytest.mark.parametrize("dtype", INT_DTYPES + FLOAT_DTYPES + ("bool",))
def test_invert_dtypes(dtype):
    img = _img(dtype=dtype, seed=10)
    out = iaa.Invert(1.0)(image=img)
    if dtype == "bool":
        np.testing.assert_array_equal(out, ~img)
    elif np.dtype(dtype).kind == "f":
        np.testing.assert_allclose(out, 1.0 - img.astype(np.float64), rtol=1e-6, atol=1e-7)
    else:
        info = np.iinfo(dtype)
        np.testing.assert_array_equal(out, _int_ref(float(info.min) + info.max
                                                    - img.astype(np.float64), dtype))


def test_invert_custom_range_and_threshold():
    img = _img(seed=11)
    out = iaa.Invert(1.0, min_value=20, max_value=200)(image=img)
    np.testing.assert_array_equal(out, _int_ref(220.0 - img, np.uint8))
    above = iaa.Invert(1.0, threshold=100, invert_above_threshold=True)(image=img)
    np.testing.assert_array_equal(above, np.where(img >= 100, 255 - img, img))
    below = iaa.Invert(1.0, threshold=100, invert_above_threshold=False)(image=img)
    np.testing.assert_array_equal(below, np.where(img < 100, 255 - img, img))


def test_solarize_default_threshold_128():
    img = np.arange(256, dtype=np.uint8).reshape(16, 16, 1)
    np.testing.assert_array_equal(iaa.Solarize(1.0)(image=img),
                                  np.where(img >= 128, 255 - img, img))


# --------------------------------------------------------------------- JPEG

@pytest.mark.parametrize("shape", [(32, 40, 3), (32, 40), (32, 40, 1), (17, 9, 4)])
def test_jpeg_equals_opencv_round_trip(shape):
    """Exact: the same libjpeg calls at quality = 100 - compression."""
    img = _img(shape, seed=12)
    out, p = _run(iaa.JpegCompression((10, 90), seed=1), img)
    q = [int(cv2.IMWRITE_JPEG_QUALITY), p.quality]

    def gray(plane):
        return cv2.imdecode(cv2.imencode(".jpg", np.ascontiguousarray(plane), q)[1],
                            cv2.IMREAD_GRAYSCALE)

    def rgb(arr):
        bgr = np.ascontiguousarray(arr[:, :, ::-1])
        return cv2.imdecode(cv2.imencode(".jpg", bgr, q)[1], cv2.IMREAD_COLOR)[:, :, ::-1]

    if len(shape) == 2:
        ref = gray(img)
    elif shape[2] == 1:
        ref = gray(img[:, :, 0])[:, :, None]
    else:
        ref = np.concatenate([rgb(img[:, :, :3])] + [gray(img[:, :, c])[:, :, None]
                                                      for c in range(3, shape[2])], axis=2)
    assert 10 <= p.quality <= 90
    np.testing.assert_array_equal(out, ref)


def test_jpeg_quality_mapping():
    img = _img(seed=13)
    assert _run(iaa.JpegCompression(0), img)[1].quality == 100
    assert _run(iaa.JpegCompression(100), img)[1].quality == 1
    assert _run(iaa.JpegCompression(30.4), img)[1].quality == 70
    with pytest.raises(TypeError, match="image"):
        jpeg_roundtrip(np.zeros((4, 4, 3), np.uint16), 50)


# --------------------------------------------------------------------- noise

def test_gaussian_noise_reproduces_documented_expansion():
    """Exact: noise = loc + scale * standard_normal(float32) from bulk_generator(seed)."""
    img = _img(seed=14)
    out, p = _run(iaa.AdditiveGaussianNoise(loc=(-5, 5), scale=(1, 20), per_channel=True,
                                            seed=3), img)
    z = bulk_generator(p.seed).standard_normal(img.shape, dtype=np.float32)
    noise = z * np.float32(p.b) + np.float32(p.a)
    ref = np.clip(np.rint(img.astype(np.float32) + noise), 0, 255).astype(np.uint8)
    np.testing.assert_array_equal(out, ref)


@pytest.mark.parametrize("name", ["AdditiveGaussianNoise", "AdditiveLaplaceNoise"])
def test_noise_statistics(name):
    """Tolerance: sample moments of 196608 values within 2% (4-5 standard errors)."""
    img = np.zeros((256, 256, 3), np.float64)
    out, p = _run(getattr(iaa, name)(loc=3.0, scale=2.0, per_channel=True, seed=4), img)
    noise = out - 3.0
    assert abs(noise.mean()) < 0.04
    std = 2.0 if name == "AdditiveGaussianNoise" else 2.0 * math.sqrt(2.0)
    assert abs(noise.std() / std - 1.0) < 0.02
    if name == "AdditiveLaplaceNoise":
        assert abs(np.abs(noise).mean() / 2.0 - 1.0) < 0.02


def test_poisson_noise_statistics():
    """|X| ~ Poisson(lam) with a random sign: E|X| = lam, E[X^2] = lam + lam^2 (2%)."""
    img = np.zeros((256, 256, 3), np.float32)
    out = iaa.AdditivePoissonNoise(6.0, per_channel=True, seed=5)(image=img)
    assert np.array_equal(out, np.rint(out))
    assert abs(out.mean()) < 0.05
    assert abs(np.abs(out).mean() / 6.0 - 1.0) < 0.02
    assert abs((out.astype(np.float64) ** 2).mean() / 42.0 - 1.0) < 0.02
    t = poisson_table(0.0)
    assert not t.any()
    big = poisson_table(1e6)
    assert abs(np.abs(big).mean() / 1e6 - 1.0) < 1e-3


def test_shared_noise_without_per_channel():
    img = np.full((32, 32, 3), 128, np.uint8)
    for aug in (iaa.AdditiveGaussianNoise(scale=10, seed=1), iaa.AddElementwise((-9, 9), seed=1),
                iaa.MultiplyElementwise((0.9, 1.1), seed=1),
                iaa.AdditivePoissonNoise(5, seed=1)):
        out = aug(image=img)
        assert (out[:, :, 0] == out[:, :, 1]).all() and (out[:, :, 1] == out[:, :, 2]).all()
        assert not (out == 128).all()


def test_add_and_multiply_elementwise_ranges():
    img = np.zeros((40, 40, 3), np.float64)
    out = iaa.AddElementwise((-3, 7), per_channel=True, seed=1)(image=img)
    assert out.min() >= -3 and out.max() < 7 and out.std() > 2
    out = iaa.AddElementwise(iap.Choice([-5, 5]), seed=2)(image=img)
    assert set(np.unique(out).tolist()) == {-5.0, 5.0}
    out = iaa.MultiplyElementwise((0.5, 1.5), per_channel=True, seed=3)(image=img + 2.0)
    assert out.min() >= 1.0 and out.max() < 3.0
    u8 = iaa.AddElementwise((-300, 300), seed=4)(image=np.full((30, 30), 100, np.uint8))
    assert u8.min() == 0 and u8.max() == 255


def test_seed_generator_equals_bulk_generator():
    for seed in (0, 1, 12345, 2**63 - 2, 2**64 - 1):
        a, b = bulk_generator(seed), seed_generator(seed)
        assert np.array_equal(a.standard_normal(50, dtype=np.float32),
                              b.standard_normal(50, dtype=np.float32))
        assert np.array_equal(a.bit_generator.random_raw(9), b.bit_generator.random_raw(9))
    # The documented SFC64 seeding: state (seed, seed, seed, 1), 12 outputs discarded.
    ref = np.random.SFC64(0)
    ref.state = {"bit_generator": "SFC64", "has_uint32": 0, "uinteger": 0,
                 "state": {"state": np.array([77, 77, 77, 1], dtype=np.uint64)}}
    assert np.array_equal(ref.random_raw(15)[12:], bulk_generator(77).bit_generator.random_raw(3))
    with pytest.raises(ValueError, match="seed"):
        bulk_generator(-1)
    assert noise_generator(5).bit_generator.state["bit_generator"] == "Philox"
    assert draw_noise(3, (4, 5, 2), "laplace", 0.0, 1.0).shape == (4, 5, 2)
    with pytest.raises(ValueError, match="dist"):
        draw_noise(3, (2, 2, 1), "cauchy", 0.0, 1.0)


# ------------------------------------------------------------------ dropout

def test_dropout_fraction_and_channel_structure():
    """Tolerance: fraction within 0.01 of p over 65536 pixels (> 9 standard errors)."""
    img = np.full((256, 256, 3), 200, np.uint8)
    out = iaa.Dropout(0.3, seed=1)(image=img)
    dropped = out == 0
    assert abs(dropped[:, :, 0].mean() - 0.3) < 0.01
    assert (dropped.all(axis=2) == dropped.any(axis=2)).all()  # whole pixels
    out = iaa.Dropout(0.3, per_channel=True, seed=1)(image=img)
    dropped = out == 0
    assert abs(dropped.mean() - 0.3) < 0.01
    partial = dropped.any(axis=2) & ~dropped.all(axis=2)
    assert abs(partial.mean() - (1 - 0.3 ** 3 - 0.7 ** 3)) < 0.02
    assert set(np.unique(out).tolist()) == {0, 200}


@pytest.mark.parametrize("dtype", ["bool", "uint8", "int64", "uint64", "float16", "float64"])
def test_dropout_every_dtype_zeroes_whole_values(dtype):
    img = np.ones((40, 50, 5), dtype=dtype)
    img[0, 0, 0] = 1
    out = iaa.Dropout(0.5, per_channel=0.5, seed=2)(image=img)
    assert out.dtype == img.dtype
    assert set(np.unique(out.astype(np.float64)).tolist()) == {0.0, 1.0}


def test_dropout_with_keep_parameter():
    img = np.full((64, 64, 1), 10, np.uint8)
    out = iaa.Dropout(iap.Binomial(0.8), seed=1)(image=img)
    assert abs((out == 0).mean() - 0.2) < 0.03
    out = iaa.Dropout(iap.Choice([0.5, 1.0]), seed=2)(image=img)
    assert set(np.unique(out).tolist()) == {5, 10}  # imgaug multiplies the keep values in


def test_coarse_dropout_blocks():
    img = np.full((64, 64, 3), 9, np.uint8)
    out, p = _run(iaa.CoarseDropout(0.5, size_px=4, seed=3), img)
    assert (p.size_h, p.size_w) == (4, 4)
    mask = out[:, :, 0] == 0
    blocks = mask.reshape(4, 16, 4, 16)
    assert (blocks.all(axis=(1, 3)) == blocks.any(axis=(1, 3))).all()
    _, p = _run(iaa.CoarseDropout(0.5, size_percent=0.25, min_size=3, seed=3), img)
    assert (p.size_h, p.size_w) == (16, 16)
    _, p = _run(iaa.CoarseDropout(0.5, size_px=10**9, seed=3), img)
    assert (p.size_h, p.size_w) == (64, 64)
    np.testing.assert_array_equal(upscale_nearest(np.arange(3).reshape(1, 3, 1), 2, 7)[0, :, 0],
                                  [0, 0, 0, 1, 1, 2, 2])


def _annotated(shape=(20, 24, 3)):
    return dict(
        image=np.full(shape, 7, np.uint8),
        heatmaps=HeatmapsOnImage(np.full((10, 12, 1), 0.5, np.float32), shape=shape),
        segmentation_maps=SegmentationMapsOnImage(np.ones(shape[:2], np.int32), shape=shape),
        keypoints=KeypointsOnImage([Keypoint(3, 4)], shape=shape),
        bounding_boxes=BoundingBoxesOnImage([BoundingBox(1, 1, 5, 5, label="a")], shape=shape))


def test_dropout2d_and_total_dropout_clear_annotations():
    kw = _annotated()
    img, hm, sm, kps, bbs = iaa.TotalDropout(1.0)(**kw)
    assert not img.any() and not hm.arr_0to1.any() and not sm.arr.any()
    assert len(kps.keypoints) == 0 and len(bbs.bounding_boxes) == 0
    img, hm, sm, kps, bbs = iaa.TotalDropout(0.0)(**kw)
    assert (img == 7).all() and len(kps.keypoints) == 1 and sm.arr.any()
    img, hm, sm, kps, bbs = iaa.Dropout2d(1.0, nb_keep_channels=0)(**kw)
    assert not img.any() and len(bbs.bounding_boxes) == 0 and not hm.arr_0to1.any()
    img, hm, sm, kps, bbs = iaa.Dropout2d(1.0, nb_keep_channels=2, seed=1)(**kw)
    kept = [c for c in range(3) if img[:, :, c].any()]
    assert len(kept) == 2 and len(kps.keypoints) == 1 and hm.arr_0to1.any()


def test_dropout2d_fraction():
    img = np.ones((2, 2, 200), np.uint8)
    out = iaa.Dropout2d(0.25, seed=4)(image=img)
    assert abs((out[0, 0] == 0).mean() - 0.25) < 0.1


# -------------------------------------------------------------- replacement

def test_salt_and_pepper_values_and_fraction():
    img = _img((128, 128, 3), seed=15, lo=1, hi=254)
    out = iaa.SaltAndPepper(0.2, seed=1)(image=img)
    changed = (out != img).any(axis=2)
    assert abs(changed.mean() - 0.2) < 0.02
    vals = out[changed]
    assert set(np.unique(vals).tolist()) <= {0, 255}
    assert (vals.min(axis=1) == vals.max(axis=1)).all()  # one value per pixel
    assert 0.4 < (vals[:, 0] == 255).mean() < 0.6
    assert set(np.unique(iaa.Salt(0.2, seed=1)(image=img)[changed]).tolist()) <= {255}
    pep = iaa.Pepper(0.2, seed=1)(image=img)
    assert set(np.unique(pep[(pep != img).any(axis=2)]).tolist()) == {0}
    imp = iaa.ImpulseNoise(0.2, seed=1)(image=img)
    diff = imp != img
    assert (diff.any(axis=2) & ~diff.all(axis=2)).any()  # channels independent


@pytest.mark.parametrize("dtype,lo,hi", [("uint16", 0, 65535), ("int16", -32768, 32767),
                                         ("float32", 0.0, 1.0), ("bool", False, True)])
def test_salt_and_pepper_extremes_per_dtype(dtype, lo, hi):
    img = np.full((40, 40), 0.25 if dtype == "float32" else 3, dtype=dtype) \
        if dtype != "bool" else np.zeros((40, 40), bool)
    out = iaa.SaltAndPepper(1.0, seed=2)(image=img)
    assert set(np.unique(out).tolist()) == {lo, hi}


def test_coarse_salt_and_pepper_blocks_of_pixels():
    img = np.full((64, 64), 100, np.uint8)
    out, p = _run(iaa.CoarseSaltAndPepper(0.5, size_px=4, seed=5), img)
    hit = (out != 100).reshape(4, 16, 4, 16)
    assert (hit.all(axis=(1, 3)) == hit.any(axis=(1, 3))).all()
    assert {0, 255} <= set(np.unique(out).tolist())
    out = iaa.CoarseSalt(0.5, size_px=4, seed=5)(image=img)
    assert set(np.unique(out).tolist()) <= {100, 255}
    out = iaa.CoarsePepper(0.5, size_px=4, seed=5)(image=img)
    assert set(np.unique(out).tolist()) <= {0, 100}


def test_replace_elementwise():
    img = np.full((100, 100, 3), 50, np.uint8)
    out = iaa.ReplaceElementwise(0.5, 7, seed=1)(image=img)
    assert set(np.unique(out).tolist()) == {7, 50}
    assert abs((out[:, :, 0] == 7).mean() - 0.5) < 0.03
    out = iaa.ReplaceElementwise(0.5, (10, 20), per_channel=True, seed=2)(image=img)
    vals = out[out != 50]
    assert vals.min() >= 10 and vals.max() <= 20
    out = iaa.ReplaceElementwise(1.0, iap.Choice([-1000, 1000]), seed=3)(image=img)
    assert set(np.unique(out).tolist()) == {0, 255}
    mask = iap.FromLowerResolution(iap.Binomial(0.5), size_px=5)
    out = iaa.ReplaceElementwise(mask, 0, seed=4)(image=np.full((50, 50), 9, np.uint8))
    hit = (out == 0).reshape(5, 10, 5, 10)
    assert hit.any() and (hit.all(axis=(1, 3)) == hit.any(axis=(1, 3))).all()


# ------------------------------------------------------------------- cutout

def test_cutout_constant_rectangle_exact():
    img = np.zeros((64, 64, 3), np.uint8)
    out = iaa.Cutout(position="center", size=0.5, cval=128)(image=img)
    ref = np.zeros_like(img)
    ref[16:48, 16:48] = 128
    np.testing.assert_array_equal(out, ref)
    out = iaa.Cutout(position="left-top", size=0.5, squared=False, cval=9)(
        image=np.zeros((40, 80), np.uint8))
    ref = np.zeros((40, 80), np.uint8)
    ref[0:10, 0:20] = 9
    np.testing.assert_array_equal(out, ref)


def test_cutout_per_channel_fill_and_gaussian():
    img = np.zeros((32, 32, 3), np.uint8)
    out, p = _run(iaa.Cutout(position="center", size=0.5, cval=(0, 255),
                             fill_per_channel=True, seed=3), img)
    assert len(p.cvals[0]) == 3
    np.testing.assert_array_equal(out[16, 16], _int_ref(np.asarray(p.cvals[0]), np.uint8))
    out = iaa.Cutout(position="center", size=0.5, fill_mode="gaussian", seed=3)(image=img)
    region = out[8:24, 8:24].astype(np.float64)
    assert region.std() > 20 and abs(region.mean() - 127.5) < 10
    assert not out[:8].any()
    assert iaa.Cutout(nb_iterations=0)(image=img).sum() == 0


# ------------------------------------------------------------- validation

PER_CHANNEL = ["Add", "AddElementwise", "AdditiveGaussianNoise", "AdditiveLaplaceNoise",
               "AdditivePoissonNoise", "Multiply", "MultiplyElementwise", "Dropout",
               "CoarseDropout", "SaltAndPepper", "CoarseSaltAndPepper", "Salt", "CoarseSalt",
               "Pepper", "CoarsePepper", "Invert", "Solarize"]
P_ARGS = ["Dropout", "CoarseDropout", "Dropout2d", "TotalDropout", "SaltAndPepper",
          "ImpulseNoise", "CoarseSaltAndPepper", "Salt", "CoarseSalt", "Pepper", "CoarsePepper",
          "Invert", "Solarize"]


@pytest.mark.parametrize("name", PER_CHANNEL)
@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), float("inf")])
def test_per_channel_outside_unit_interval(name, bad):
    with pytest.raises(ValueError, match="per_channel"):
        getattr(iaa, name)(per_channel=bad)


@pytest.mark.parametrize("name", P_ARGS)
@pytest.mark.parametrize("bad", [-0.1, 1.5, float("nan"), float("inf"), (0.2, 1.2)])
def test_probability_outside_unit_interval(name, bad):
    # Invert/Solarize take no (a, b) tuple for p (as in imgaug): a TypeError naming p.
    expected = (ValueError, TypeError) if isinstance(bad, tuple) else ValueError
    with pytest.raises(expected, match="p"):
        getattr(iaa, name)(p=bad)


@pytest.mark.parametrize("bad", [-1, 100.5, float("nan"), float("inf"), (0, 101)])
def test_jpeg_compression_range(bad):
    with pytest.raises(ValueError, match="compression"):
        iaa.JpegCompression(bad)


@pytest.mark.parametrize("factory,arg", [
    (lambda v: iaa.Add(v), "value"), (lambda v: iaa.Multiply(v), "mul"),
    (lambda v: iaa.AddElementwise(v), "value"), (lambda v: iaa.MultiplyElementwise(v), "mul"),
    (lambda v: iaa.AdditiveGaussianNoise(scale=v), "scale"),
    (lambda v: iaa.AdditiveLaplaceNoise(loc=v), "loc"),
    (lambda v: iaa.AdditivePoissonNoise(v), "lam"),
    (lambda v: iaa.ReplaceElementwise(0.1, v), "replacement"),
    (lambda v: iaa.Cutout(cval=v), "cval"),
    (lambda v: iaa.Cutout(size=v), "size"), (lambda v: _cn(v), "alpha"),
    (lambda v: iaa.Invert(threshold=v), "threshold"),
    (lambda v: iaa.Invert(min_value=v), "min_value"),
])
def test_non_finite_and_wrong_types(factory, arg):
    for bad in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(ValueError, match=arg):
            factory(bad)
    with pytest.raises(TypeError, match=arg):
        factory("abc")


def test_other_argument_checks():
    cases = [
        (ValueError, "scale", lambda: iaa.AdditiveGaussianNoise(scale=-1)),
        (ValueError, "lam", lambda: iaa.AdditivePoissonNoise(lam=2e6)),
        (ValueError, "nb_iterations", lambda: iaa.Cutout(nb_iterations=-1)),
        (ValueError, "nb_iterations", lambda: iaa.Cutout(nb_iterations=10**6)),
        (TypeError, "nb_iterations", lambda: iaa.Cutout(nb_iterations=1.5)),
        (ValueError, "position", lambda: iaa.Cutout(position="middle")),
        (ValueError, "position", lambda: iaa.Cutout(position=(0.5, 1.5))),
        (ValueError, "fill_mode", lambda: iaa.Cutout(fill_mode="mean")),
        (ValueError, "squared", lambda: iaa.Cutout(squared=2)),
        (ValueError, "size_px", lambda: iaa.CoarseDropout(size_px=0)),
        (ValueError, "size_px", lambda: iaa.CoarseDropout(size_px=3, size_percent=0.1)),
        (ValueError, "size_percent", lambda: iaa.CoarseSalt(size_percent=1.5)),
        (ValueError, "min_size", lambda: iaa.CoarsePepper(min_size=0)),
        (TypeError, "min_size", lambda: iaa.CoarseDropout(min_size=2.5)),
        (ValueError, "nb_keep_channels", lambda: iaa.Dropout2d(nb_keep_channels=-1)),
        (TypeError, "nb_keep_channels", lambda: iaa.Dropout2d(nb_keep_channels="1")),
        (ValueError, "min_value", lambda: iaa.Invert(min_value=10, max_value=5)),
        (ValueError, "mask", lambda: iaa.ReplaceElementwise(1.5, 0)),
        (ValueError, "invert_above_threshold", lambda: iaa.Solarize(invert_above_threshold=3)),
        (ValueError, "alpha", lambda: _cn(5000)),
    ]
    for exc, name, build in cases:
        with pytest.raises(exc, match=name):
            build()


def test_dtype_support_declared_and_enforced():
    with pytest.raises(TypeError, match="image"):
        iaa.JpegCompression(50)(image=np.zeros((4, 4, 3), np.float32))
    with pytest.raises(TypeError, match="image"):
        iaa.Add(5)(image=np.zeros((4, 4, 3), bool))
    with pytest.raises(TypeError, match="image"):
        iaa.Add(5)(image=np.zeros((4, 4, 3), np.int64))
    assert iaa.Dropout(0.5)(image=np.ones((4, 4, 3), np.int64)).dtype == np.int64
    assert iaa.Invert(1.0)(image=np.ones((4, 4), bool)).sum() == 0


# ------------------------------------------------------------------- fuzz

NUMBERS = st.floats(-300, 300, allow_nan=False)
PROBS = st.floats(0, 1)
RANGES = st.tuples(NUMBERS, NUMBERS)
PROB_RANGES = st.tuples(PROBS, PROBS)
STOCH = st.one_of(NUMBERS, RANGES, st.lists(NUMBERS, min_size=1, max_size=3))
PER_CH = st.one_of(st.booleans(), PROBS)
POSITIONS = st.one_of(st.sampled_from(["uniform", "normal", "center", "left-top", "right-bottom",
                                       "center-top"]), st.tuples(PROBS, PROBS))
SIZES = st.one_of(st.just(None), st.integers(1, 40), st.tuples(st.integers(1, 5),
                                                                 st.integers(5, 30)))


def _valid_augmenters():
    pos = st.floats(0, 300)
    return st.one_of(
        st.builds(iaa.Add, STOCH, PER_CH), st.builds(iaa.Multiply, STOCH, PER_CH),
        st.builds(iaa.AddElementwise, STOCH, PER_CH),
        st.builds(iaa.MultiplyElementwise, STOCH, PER_CH),
        st.builds(iaa.AdditiveGaussianNoise, STOCH, st.one_of(pos, st.tuples(pos, pos)), PER_CH),
        st.builds(iaa.AdditiveLaplaceNoise, STOCH, st.one_of(pos, st.tuples(pos, pos)), PER_CH),
        st.builds(iaa.AdditivePoissonNoise, st.one_of(pos, st.tuples(pos, pos)), PER_CH),
        st.builds(iaa.Dropout, st.one_of(PROBS, PROB_RANGES), PER_CH),
        st.builds(iaa.CoarseDropout, st.one_of(PROBS, PROB_RANGES), SIZES, st.just(None), PER_CH,
                  st.integers(1, 5)),
        st.builds(iaa.Dropout2d, PROBS, st.integers(0, 4)),
        st.builds(iaa.TotalDropout, PROBS),
        st.builds(iaa.ReplaceElementwise, st.one_of(PROBS, PROB_RANGES), STOCH, PER_CH),
        st.builds(iaa.SaltAndPepper, PROBS, PER_CH), st.builds(iaa.ImpulseNoise, PROBS),
        st.builds(iaa.CoarseSaltAndPepper, PROBS, st.just(None),
                  st.one_of(st.just(None), st.floats(0.01, 1.0)), PER_CH, st.integers(1, 4)),
        st.builds(iaa.Salt, PROBS, PER_CH), st.builds(iaa.Pepper, PROBS, PER_CH),
        st.builds(iaa.CoarseSalt, PROBS, SIZES), st.builds(iaa.CoarsePepper, PROBS, SIZES),
        st.builds(iaa.Invert, PROBS, PER_CH, st.one_of(st.none(), st.floats(-10, 10)),
                  st.one_of(st.none(), st.floats(10, 300)), st.one_of(st.none(), STOCH), PER_CH),
        st.builds(iaa.Solarize, PROBS, PER_CH, threshold=STOCH),
        st.builds(iaa.JpegCompression, st.one_of(st.floats(0, 100),
                                                 st.tuples(st.floats(0, 100), st.floats(0, 100)))),
        st.builds(iaa.Cutout, st.integers(0, 4), POSITIONS, st.floats(0, 1.2), PER_CH,
                  st.sampled_from(["constant", "gaussian", "ALL", ["constant", "gaussian"]]),
                  STOCH, PER_CH),
        st.builds(_cn, st.one_of(st.floats(-5, 5), st.tuples(st.floats(-5, 5),
                                                              st.floats(-5, 5))), PER_CH),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(_valid_augmenters(), st.sampled_from(["uint8", "uint16", "int16", "float32", "bool"]),
       st.sampled_from([(7, 9), (7, 9, 1), (7, 9, 3), (5, 6, 5), (1, 1, 3)]), st.integers(0, 99))
def test_random_valid_parameters_never_crash(aug, dtype, shape, seed):
    img = _img(shape, dtype=dtype, seed=seed)
    if dtype not in aug._tree_dtypes():
        with pytest.raises(TypeError, match="image"):
            aug(image=img)
        return
    out = aug(image=img)
    assert out.dtype == img.dtype and out.shape == img.shape
    if out.dtype.kind == "f":
        assert np.isfinite(out).all()


JUNK = st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.integers(-10**20, 10**20),
                 st.text(max_size=3), st.none(), st.booleans(),
                 st.tuples(st.floats(allow_nan=True), st.floats(allow_nan=True)),
                 st.lists(st.floats(allow_nan=True), max_size=3),
                 st.tuples(st.integers(), st.integers(), st.integers()))


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(sorted(arith.__all__)), st.data())
def test_invalid_parameters_raise_only_value_or_type_errors(name, data):
    cls = getattr(arith, name)
    if not isinstance(cls, type) or not issubclass(cls, iaa.Augmenter):
        return
    import inspect
    params = [p for p in inspect.signature(cls.__init__).parameters.values()
              if p.name not in ("self", "seed", "name", "random_state", "deterministic")]
    kwargs = {p.name: data.draw(JUNK) if data.draw(st.booleans()) or p.default is p.empty
              else p.default for p in params}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        try:
            aug = cls(**kwargs)
        except (ValueError, TypeError):
            return
    try:
        out = aug(image=_img((6, 7, 3), seed=1))
    except (ValueError, TypeError):
        return
    assert out.dtype == np.uint8 and out.shape == (6, 7, 3)

"""iaa.pillike fast paths against Pillow and against the general code paths.

Covers what ``test_pillike.py`` does not reach directly: the cached affine index
maps, the per-shape Params memo of constant augmenters, the layout check on
replays and batches, the flat-slice filter emulation on unusual memory layouts
and sizes, the fused DETAIL path and the cv2.transform blend tables (against
Pillow on random, tie-heavy and saturating images, with their fallbacks), and
the per-plane histogram kernels.
"""

from __future__ import annotations

import threading

import cv2
import numpy as np
import pytest

import imgaug2 as ia
import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2 import data
from imgaug2.kernels import pillike as K
from imgaug2.kernels import pillike_affine as KA
from imgaug2.kernels import pillike_filter as KF

Image = pytest.importorskip("PIL.Image")
ImageOps = pytest.importorskip("PIL.ImageOps")
ImageEnhance = pytest.importorskip("PIL.ImageEnhance")
ImageFilter = pytest.importorskip("PIL.ImageFilter")

P = iaa.pillike


def _photo(h: int = 96, w: int = 80) -> np.ndarray:
    return np.ascontiguousarray(data.quokka()[60:60 + h, 100:100 + w])


def _pil_filter(image: np.ndarray, name: str) -> np.ndarray:
    return np.asarray(Image.fromarray(np.ascontiguousarray(image)).filter(
        getattr(ImageFilter, name)))


# ----------------------------------------------------------------- filters

@pytest.mark.parametrize("name", ["DETAIL", "SMOOTH_MORE", "EMBOSS"])
def test_filters_on_strided_and_fortran_inputs_match_pillow(name):
    photo = _photo()
    variants = [photo, np.asfortranarray(photo), photo[::2, ::3], photo[5:60, 7:70],
                photo[:, :, 1], np.asfortranarray(photo[:, :, 2]), photo[3:9, 2:30]]
    for image in variants:
        out = KF.filter_image(image, name)
        assert out.flags.c_contiguous and not np.shares_memory(out, image)
        assert np.array_equal(out, _pil_filter(image, name)), (name, image.shape)


@pytest.mark.parametrize("name", ["DETAIL", "SMOOTH_MORE", "EMBOSS"])
def test_filters_on_thin_images_match_pillow(name):
    rng = np.random.default_rng(5)
    for shape in ((3, 3), (5, 5), (6, 5), (3, 40, 3), (40, 3, 3), (5, 6, 3), (4, 4, 3)):
        image = rng.integers(0, 256, shape, dtype=np.uint8)
        assert np.array_equal(KF.filter_image(image, name), _pil_filter(image, name)), shape


def test_emulated_filter_plans_are_reused_per_shape():
    KF._emulation_plan.cache_clear()
    image = _photo(40, 50)
    for _ in range(3):
        KF.filter_image(image, "SMOOTH_MORE")  # DETAIL takes the fused path
    info = KF._emulation_plan.cache_info()
    assert info.misses == 1 and info.hits == 2


def _detail_images() -> list[np.ndarray]:
    """Random, tie-heavy, saturating and structured images in every layout and many sizes.

    DETAIL's exact sum ``10 c - (l + r + t + b)`` lands on a .5 tie after the division
    by 6 whenever it is 3 mod 6; only there does Pillow's float32 rounding decide the
    result, so several images concentrate on values that make such sums common.
    """
    rng = np.random.default_rng(11)
    images = []
    for i in range(60):
        h, w = int(rng.integers(3, 70)), int(rng.integers(3, 70))
        shape = [(h, w), (h, w, 3), (h, w, 1), (h, w, 4)][i % 4]
        kind = i % 6
        if kind == 0:
            image = rng.integers(0, 256, shape)
        elif kind == 1:
            image = rng.normal(128, 50, shape)
        elif kind == 2:  # multiples of 3 plus a small offset: ties are frequent
            image = rng.integers(0, 86, shape) * 3 + rng.integers(0, 2, shape)
        elif kind == 3:  # saturation on both sides
            image = rng.choice(np.array([0, 1, 2, 253, 254, 255]), shape)
        elif kind == 4:  # smooth ramps with noise, like photos
            image = np.cumsum(rng.integers(-4, 5, shape), axis=1) + 128
        else:
            image = rng.integers(0, 256, shape) // 6 * 6 + 3
        images.append(np.clip(image, 0, 255).astype(np.uint8))
    yy, xx = np.mgrid[0:33, 0:35]
    checker = ((xx + yy) % 2 * 255).astype(np.uint8)
    images += [checker, np.dstack([checker, 255 - checker, checker]),
               np.zeros((9, 11, 3), np.uint8), np.full((10, 8), 255, np.uint8),
               ((xx * 13 + yy * 7) % 256).astype(np.uint8), _photo(), _photo(17, 255)]
    for shape in ((1, 1), (2, 3, 3), (3, 3), (3, 3, 3), (4, 4), (3, 30, 3), (30, 3), (5, 6, 4)):
        images.append(rng.integers(0, 256, shape, dtype=np.uint8))
    return images


def _pil_layout_filter(image: np.ndarray, name: str) -> np.ndarray:
    """Pillow's filter in ``image``'s layout: (H,W,1) as L, RGBA's alpha passed through."""
    if image.ndim == 3 and image.shape[2] == 1:
        return _pil_filter(image[:, :, 0], name)[:, :, np.newaxis]
    if image.ndim == 3 and image.shape[2] == 4:
        rgb = _pil_filter(np.ascontiguousarray(image[:, :, :3]), name)
        return np.dstack([rgb, image[:, :, 3]])
    return _pil_filter(image, name)


def test_detail_matches_pillow_on_random_and_adversarial_images():
    for image in _detail_images():
        out = KF.filter_image(image, "DETAIL")
        assert out.shape == image.shape and out.flags.c_contiguous
        assert np.array_equal(out, _pil_layout_filter(image, "DETAIL")), image.shape


def _require_fused_detail() -> None:
    if not KF._cross_verified("DETAIL", KF.FILTERS["DETAIL"]):
        pytest.skip("the fused DETAIL path is not exact with this OpenCV build (emulation used)")


def test_fused_detail_matches_pillow_and_the_emulation():
    _require_fused_detail()
    kernel = KF.FILTERS["DETAIL"]
    for image in _detail_images():
        color = image if image.ndim == 2 or image.shape[2] == 3 else image[:, :, 0]
        if min(color.shape[:2]) < 3:
            continue
        fused = KF._filter_cross(color, kernel)
        assert np.array_equal(fused, KF._filter_emulated(color, kernel, "DETAIL"))
        assert np.array_equal(fused, _pil_filter(color, "DETAIL")), color.shape


def test_fused_detail_matches_pillow_on_every_neighbour_pair():
    # every ordered pair of values side by side in a row (left/centre and centre/right),
    # then the transposed image: every pair above and below
    _require_fused_detail()
    values = np.arange(256, dtype=np.uint8)
    pairs = np.stack(np.meshgrid(values, values, indexing="ij"), -1).reshape(-1)
    rows = np.stack([np.roll(pairs, k) for k in (0, 1, 2)])
    kernel = KF.FILTERS["DETAIL"]
    for image in (rows, np.ascontiguousarray(rows.T)):
        assert np.array_equal(KF._filter_cross(image, kernel), _pil_filter(image, "DETAIL"))


def test_detail_uses_the_emulation_when_the_fused_path_is_not_verified(monkeypatch):
    monkeypatch.setattr(KF, "_CROSS_VERIFIED", {"DETAIL": False})

    def fail(*args):
        raise AssertionError("fused path used")

    monkeypatch.setattr(KF, "_filter_cross", fail)
    image = _photo()
    assert np.array_equal(KF.filter_image(image, "DETAIL"), _pil_filter(image, "DETAIL"))


def test_detail_fused_check_rejects_a_wrong_fused_path(monkeypatch):
    monkeypatch.setattr(KF, "_CROSS_VERIFIED", {})
    monkeypatch.setattr(KF, "_filter_cross", lambda color, kernel: np.zeros_like(color))
    assert not KF._cross_verified("DETAIL", KF.FILTERS["DETAIL"])
    image = _photo()
    assert np.array_equal(KF.filter_image(image, "DETAIL"), _pil_filter(image, "DETAIL"))


def test_detail_plans_are_per_thread():
    images = [_photo(96, 80), _photo(40, 50), _photo(96, 80)[:, :, 1], _photo(33, 61)]
    expected = [_pil_filter(image, "DETAIL") for image in images]
    errors = []

    def work(offset: int) -> None:
        for i in range(40):
            k = (i + offset) % len(images)
            if not np.array_equal(KF.filter_image(images[k], "DETAIL"), expected[k]):
                errors.append((offset, i))

    threads = [threading.Thread(target=work, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


# ------------------------------------------------------------- blend tables

def _pil_constant_blend(image: np.ndarray, degenerate: int, factor: float) -> np.ndarray:
    pil = Image.fromarray(image)
    return np.asarray(Image.blend(Image.new(pil.mode, pil.size, (degenerate,) * len(pil.mode)
                                            if len(pil.mode) > 1 else degenerate),
                                  pil, factor))


def test_linear_blends_match_pillow():
    # about 1 (factor, degenerate) pair in 100 falls back from cv2.transform
    rng = np.random.default_rng(5)
    image = rng.integers(0, 256, (19, 23, 3), dtype=np.uint8)
    for factor in list(rng.uniform(0.0, 3.0, 400)) + [0.0, 0.5, 1.5, 2.0, 7.5]:
        alpha = float(np.float32(factor))
        degenerate = int(rng.integers(0, 256))
        out = K._linear_lut(image, factor, degenerate)
        assert np.array_equal(out, _pil_constant_blend(image, degenerate, alpha)), factor


@pytest.mark.parametrize("how", ["table", "addWeighted"])
def test_linear_blend_fallbacks_match_pillow(monkeypatch, how):
    lut, _, matrix = K._linear_plan(1.5, 100.0)
    if how == "addWeighted" and not all(
            np.array_equal(cv2.addWeighted(view, 1.5, view, 0.0, matrix[0, 1]), lut[values])
            for view, values in K._LAYOUTS):
        pytest.skip("cv2.addWeighted misses this blend on this OpenCV build")
    code = K._BY_TABLE if how == "table" else K._BY_ADDWEIGHTED
    monkeypatch.setattr(K, "_linear_plan", lambda alpha, degenerate: (lut, code, matrix))
    image = _photo()
    rgba = np.dstack([image, image[:, :, 0] ^ 0x5A])
    for variant in (image, rgba, image[:, :, :1], image[:, :, 0]):
        expected = lut[variant]
        if variant.ndim == 3 and variant.shape[2] == 4:
            expected[:, :, 3] = variant[:, :, 3]
        assert np.array_equal(K._linear_lut(variant, 1.5, 100), expected), variant.shape


def test_linear_blend_transform_path_keeps_layouts():
    image = _photo()
    alpha = 1.5
    if K._linear_plan(alpha, 100.0)[1] != K._BY_TRANSFORM:
        pytest.skip("cv2.transform misses this blend on this OpenCV build")
    rgba = np.dstack([image, image[:, :, 0] ^ 0x5A])
    for variant in (image, rgba, image[:, :, :1], image[:, :, 0], np.asfortranarray(image),
                    image[::2, 1::3], image[:1, :1], image[:2]):
        out = K._linear_lut(variant, alpha, 100)
        assert out.shape == variant.shape and out.flags.c_contiguous
        assert not np.shares_memory(out, variant)
        lut = K._blend_lut(100.0, alpha)
        expected = lut[variant]
        if variant.ndim == 3 and variant.shape[2] == 4:
            expected[:, :, 3] = variant[:, :, 3]
        assert np.array_equal(out, expected), variant.shape


# ------------------------------------------------------------------ affine

def _pil_affine(image: np.ndarray, coeffs: tuple, fill: tuple) -> np.ndarray:
    h, w = image.shape[:2]
    return np.asarray(Image.fromarray(image).transform((w, h), Image.AFFINE, coeffs,
                                                       Image.NEAREST, fillcolor=fill))


def _fresh_map_cache(monkeypatch) -> None:
    monkeypatch.setattr(KA, "_MAPS_SEEN", type(KA._MAPS_SEEN)())
    monkeypatch.setattr(KA, "_MAPS_KEPT", type(KA._MAPS_KEPT)())


def test_affine_maps_are_cached_only_for_repeated_coefficients(monkeypatch):
    _fresh_map_cache(monkeypatch)
    image = _photo()
    coeffs = (0.93, 0.21, -4.0, -0.18, 1.05, 6.5)
    first = KA.affine_image(image, coeffs, (1, 2, 3))
    assert (coeffs, 96, 80) in KA._MAPS_SEEN and not KA._MAPS_KEPT  # seen once
    second = KA.affine_image(image, coeffs, (1, 2, 3))
    maps = KA._MAPS_KEPT[(coeffs, 96, 80)]
    assert not maps[0].flags.writeable and not maps[1].flags.writeable
    third = KA.affine_image(image, coeffs, (1, 2, 3))
    expected = _pil_affine(image, coeffs, (1, 2, 3))
    for out in (first, second, third):
        assert np.array_equal(out, expected)


def test_affine_map_cache_is_bounded(monkeypatch):
    _fresh_map_cache(monkeypatch)
    image = _photo(20, 24)
    for i in range(3 * KA._MAPS_SEEN_MAX):
        coeffs = (1.0, 0.01 * (i + 1), 0.0, 0.0, 1.0, 0.0)
        KA.affine_image(image, coeffs, (0, 0, 0))
        if i % 2:
            KA.affine_image(image, coeffs, (0, 0, 0))
    assert len(KA._MAPS_SEEN) <= KA._MAPS_SEEN_MAX
    assert len(KA._MAPS_KEPT) <= KA._MAPS_KEPT_MAX


def test_affine_maps_of_large_outputs_are_not_cached(monkeypatch):
    _fresh_map_cache(monkeypatch)
    monkeypatch.setattr(KA, "_MAPS_MAX_PIXELS", 100)
    image = _photo(20, 24)
    coeffs = (0.9, 0.3, 1.0, -0.3, 0.9, 2.0)
    for _ in range(3):
        out = KA.affine_image(image, coeffs, (9, 9, 9))
    assert not KA._MAPS_SEEN and not KA._MAPS_KEPT
    assert np.array_equal(out, _pil_affine(image, coeffs, (9, 9, 9)))


def test_constant_affine_reuses_its_params_per_shape():
    aug = P.Affine(scale=0.9, rotate=15, fillcolor=7, seed=1)
    image = _photo()
    _, rec1 = aug(image=image, return_record=True)
    _, rec2 = aug(image=image, return_record=True)
    p1, p2 = rec1.rows[0][0][3], rec2.rows[0][0][3]
    assert p1 is p2 and not p1.matrix.flags.writeable
    _, rec3 = aug(image=image[:50], return_record=True)
    assert rec3.rows[0][0][3].out_shape == (50, 80)
    # replacing a parameter after construction is not served stale Params
    aug.rotate = iap.Deterministic(-30.0)
    _, rec4 = aug(image=image, return_record=True)
    assert rec4.rows[0][0][3].coeffs != p1.coeffs


def test_random_affine_draws_differ_between_rows():
    aug = P.Affine(rotate=(-30, 30), seed=3)
    images = [_photo()] * 4
    _, rec = aug(images=images, return_record=True)
    coeffs = {row[0][3].coeffs for row in rec.rows}
    assert len(coeffs) == 4


def test_constant_enhance_reuses_its_params_and_random_does_not():
    image = _photo()
    aug = P.EnhanceColor(1.7, seed=2)
    _, r1 = aug(image=image, return_record=True)
    _, r2 = aug(image=image, return_record=True)
    assert r1.rows[0][0][3] is r2.rows[0][0][3]
    aug = P.EnhanceColor((0.5, 1.5), seed=2)
    _, rec = aug(images=[image] * 3, return_record=True)
    assert len({row[0][3].factor for row in rec.rows}) == 3


# ------------------------------------------------------------ layout checks

def test_layout_is_checked_on_replay_and_batches():
    aug = P.FilterDetail()
    good = _photo(20, 20)
    _, rec = aug(image=good, return_record=True)
    with pytest.raises(ValueError):
        aug.replay(rec, image=np.zeros((20, 20, 5), np.uint8))
    # the kernel entry point checks too (replays never call _sample)
    with pytest.raises(ValueError, match="image"):
        aug._augment_image(np.zeros((20, 20, 5), np.uint8), rec.rows[0][0][3])
    with pytest.raises(ValueError, match="image"):
        P.Solarize(0.0)(images=[good, np.zeros((6, 6, 2), np.uint8)])
    with pytest.raises(ValueError, match="image"):
        P.Posterize(8)(images=np.zeros((2, 6, 6, 5), np.uint8))


def test_single_image_calls_take_the_lean_path():
    from imgaug2.core import runner
    for name in ("FilterDetail", "EnhanceColor", "Affine", "Equalize", "Solarize"):
        assert runner._is_plain_leaf(getattr(P, name)), name


# --------------------------------------------------------------- histograms

def test_equalize_and_autocontrast_layouts_match_pillow():
    rng = np.random.default_rng(8)
    photo = _photo()
    rgba = np.dstack([photo, rng.integers(0, 256, photo.shape[:2], dtype=np.uint8)])
    for image in (photo, np.asfortranarray(photo), photo[::2, 1::3], rgba, photo[:, :, 0],
                  photo[:, :, :1], np.full((9, 9, 3), 200, np.uint8)):
        color = image[:, :, :3] if image.ndim == 3 and image.shape[2] == 4 else image
        pil = Image.fromarray(np.ascontiguousarray(color if color.ndim == 2 or
                                                   color.shape[2] == 3 else color[:, :, 0]))
        for out, expected in ((K.equalize(image), ImageOps.equalize(pil)),
                              (K.autocontrast(image, ((3, 3),)), ImageOps.autocontrast(pil, 3))):
            expected = np.asarray(expected)
            assert out.shape == image.shape and out.flags.c_contiguous
            assert not np.shares_memory(out, image)
            got = out[:, :, :3] if image.ndim == 3 and image.shape[2] == 4 else out
            assert np.array_equal(got.reshape(expected.shape), expected)
            if image.ndim == 3 and image.shape[2] == 4:
                assert np.array_equal(out[:, :, 3], image[:, :, 3])


def test_equalize_luts_match_the_per_channel_reference():
    rng = np.random.default_rng(4)
    hists = [np.zeros(256), np.eye(256)[17] * 50, rng.integers(0, 5, 256).astype(float),
             np.bincount(rng.integers(0, 256, 999), minlength=256).astype(float)]
    hists[0][[3, 250]] = [1, 300]  # two bins, the top one holding almost everything
    luts = K._equalize_luts(np.stack(hists))
    for hist, lut in zip(hists, luts, strict=True):
        reference = K.equalize_lut(hist.astype(np.int64))
        assert np.array_equal(K._IDENTITY if lut is None else lut, reference)


def test_luma_matches_pillow_for_every_colour():
    # all 2**24 RGB triples: the exact-luma path behind EnhanceColor and EnhanceContrast
    values = np.arange(256, dtype=np.uint8)
    rgb = np.stack(np.meshgrid(values, values, values, indexing="ij"), -1).reshape(4096, 4096, 3)
    expected = ((rgb.astype(np.int64) @ np.array([19595, 38470, 7471]) + 32768) >> 16)
    assert np.array_equal(K.luma(rgb), expected.astype(np.uint8))


@pytest.mark.parametrize("name", ["Color", "Contrast", "Brightness", "Sharpness"])
def test_enhance_on_strided_and_fortran_inputs_matches_pillow(name):
    photo = _photo()
    kernel = getattr(K, "enhance_" + name.lower())
    for image in (np.asfortranarray(photo), photo[::2, 1::3], photo[4:50, 3:70]):
        for factor in (0.4, 1.5, 2.2):
            out = kernel(image, factor)
            pil = Image.fromarray(np.ascontiguousarray(image))
            expected = np.asarray(getattr(ImageEnhance, name)(pil).enhance(factor))
            assert out.flags.c_contiguous and not np.shares_memory(out, image)
            assert np.array_equal(out, expected), (name, factor, image.shape)


def test_global_seed_does_not_matter_for_fixed_filters():
    image = _photo()
    ia.seed(1)
    a = P.FilterDetail()(image=image)
    ia.seed(2)
    assert np.array_equal(a, P.FilterDetail()(image=image))

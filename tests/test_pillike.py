"""iaa.pillike against Pillow (the oracle, a test-only dependency).

Every augmenter is compared with the Pillow call it reproduces on random
images (RGB, gray, (H,W,1), RGBA, tiny and constant ones) and on crops of the
bundled photo, with the parameters read back from the augmenter's own record.
Agreement is exact (tolerance: none) for every augmenter with ``exact=True``
where it has that option, so those comparisons assert bit-equality.

The defaults of FilterDetail and EnhanceColor have a stated tolerance. Each is
checked for equality with a reference that pins down what it computes (the
integer kernel sum rounded half up; Pillow's blend of OpenCV's luma), and its
differences from Pillow are checked to be exactly the stated ones.
"""

from __future__ import annotations

import numpy as np
import pytest

import imgaug2.augmenters as iaa
from imgaug2 import data
from imgaug2.augmentables import (HeatmapsOnImage, Keypoint, KeypointsOnImage,
                                  SegmentationMapsOnImage)
from imgaug2.augmenters.pillike_affine import affine_coefficients
from imgaug2.kernels import pillike as K
from imgaug2.kernels import pillike_affine as KA

Image = pytest.importorskip("PIL.Image")
ImageOps = pytest.importorskip("PIL.ImageOps")
ImageEnhance = pytest.importorskip("PIL.ImageEnhance")
ImageFilter = pytest.importorskip("PIL.ImageFilter")

P = iaa.pillike
FILTERS = {
    "FilterBlur": "BLUR", "FilterSmooth": "SMOOTH", "FilterSmoothMore": "SMOOTH_MORE",
    "FilterEdgeEnhance": "EDGE_ENHANCE", "FilterEdgeEnhanceMore": "EDGE_ENHANCE_MORE",
    "FilterFindEdges": "FIND_EDGES", "FilterContour": "CONTOUR", "FilterEmboss": "EMBOSS",
    "FilterSharpen": "SHARPEN", "FilterDetail": "DETAIL",
}
ENHANCE = {"EnhanceColor": "Color", "EnhanceContrast": "Contrast",
           "EnhanceBrightness": "Brightness", "EnhanceSharpness": "Sharpness"}
# keyword arguments that make an augmenter (or its function) bit-identical to Pillow
EXACT = {"EnhanceColor": {"exact": True}, "FilterDetail": {"exact": True},
         "Color": {"exact": True}, "DETAIL": {"exact": True}}


def _images() -> list[np.ndarray]:
    rng = np.random.default_rng(1234)
    photo = data.quokka()
    out = [
        rng.integers(0, 256, (37, 41, 3), dtype=np.uint8),
        rng.integers(0, 256, (64, 53), dtype=np.uint8),
        rng.integers(0, 256, (20, 23, 1), dtype=np.uint8),
        rng.integers(0, 256, (25, 30, 4), dtype=np.uint8),
        np.clip(rng.normal(120, 35, (48, 40, 3)), 0, 255).astype(np.uint8),
        rng.integers(60, 90, (30, 30, 3), dtype=np.uint8),
        np.ascontiguousarray(photo[40:168, 120:248]),
        np.ascontiguousarray(photo[150:230, 10:150, 1]),
        np.full((12, 12, 3), 77, dtype=np.uint8),
    ]
    for shape in ((1, 1, 3), (2, 2, 3), (3, 3, 3), (4, 5, 3), (5, 5, 3), (1, 9, 3)):
        out.append(rng.integers(0, 256, shape, dtype=np.uint8))
    return out


IMAGES = _images()


def _pil(image: np.ndarray):
    """Pillow image of the colour part (RGB or L); alpha is checked separately."""
    if image.ndim == 3 and image.shape[2] == 1:
        return Image.fromarray(image[:, :, 0])
    if image.ndim == 3 and image.shape[2] == 4:
        return Image.fromarray(np.ascontiguousarray(image[:, :, :3]))
    return Image.fromarray(image)


def _assert_matches(out: np.ndarray, image: np.ndarray, expected) -> None:
    expected = np.asarray(expected)
    assert out.dtype == np.uint8 and out.shape == image.shape
    if image.ndim == 3 and image.shape[2] == 1:
        expected = expected[:, :, np.newaxis]
    if image.ndim == 3 and image.shape[2] == 4:
        assert np.array_equal(out[:, :, 3], image[:, :, 3]), "alpha changed"
        out = out[:, :, :3]
    diff = int((out.astype(np.int16) != expected.astype(np.int16)).sum())
    assert diff == 0, "%d of %d values differ from Pillow" % (diff, expected.size)


def _run(aug, image):
    out, rec = aug(image=image, return_record=True)
    return out, rec.rows[0][0][3]


# ------------------------------------------------------------------- ImageOps

def test_solarize_matches_pillow():
    aug = P.Solarize(1.0, threshold=[0, 1, 64, 128, 200, 255, 256], seed=1)
    for image in IMAGES:
        for _ in range(3):
            out, p = _run(aug, image)
            threshold = p.threshold if p.applied else 1000
            # Pillow compares integers with the threshold: ceil gives the same cut
            _assert_matches(out, image, ImageOps.solarize(_pil(image), int(np.ceil(threshold))))


def test_posterize_matches_pillow():
    aug = P.Posterize((1, 8), seed=2)
    for image in IMAGES:
        for _ in range(3):
            out, p = _run(aug, image)
            _assert_matches(out, image, ImageOps.posterize(_pil(image), p.bits))


def test_equalize_matches_pillow():
    aug = P.Equalize()
    for image in IMAGES:
        _assert_matches(aug(image=image), image, ImageOps.equalize(_pil(image)))


def test_autocontrast_matches_pillow():
    aug = P.Autocontrast((0, 49), seed=3)
    for image in IMAGES:
        for _ in range(3):
            out, p = _run(aug, image)
            _assert_matches(out, image, ImageOps.autocontrast(_pil(image), p.cutoffs[0]))


def test_autocontrast_per_channel_uses_one_cutoff_per_channel():
    aug = P.Autocontrast((0, 49), per_channel=True, seed=4)
    image = IMAGES[6]
    cutoffs = set()
    for _ in range(4):
        out, p = _run(aug, image)
        assert len(p.cutoffs) == 3
        cutoffs.add(p.cutoffs)
        for c in range(3):
            expected = ImageOps.autocontrast(Image.fromarray(image[:, :, c]), p.cutoffs[c])
            assert np.array_equal(out[:, :, c], np.asarray(expected))
    assert len(cutoffs) > 1


# ---------------------------------------------------------------- ImageEnhance

@pytest.mark.parametrize("name", sorted(ENHANCE))
def test_enhance_matches_pillow(name):
    enhancer = getattr(ImageEnhance, ENHANCE[name])
    factors = [0.0, 0.3, 0.5, 1.3, 1.7, 2.0, 2.9, 7.5, (0.0, 3.0)]
    for i, factor in enumerate(factors):
        aug = getattr(P, name)(factor, seed=i, **EXACT.get(name, {}))
        for image in IMAGES[i % 3::3] + IMAGES[6:8]:
            out, p = _run(aug, image)
            expected = enhancer(_pil(image)).enhance(p.factor)
            _assert_matches(out, image, expected)


def test_enhance_factor_one_is_identity_and_skipped():
    image = IMAGES[0]
    for name in ENHANCE:
        out, p = _run(getattr(P, name)(1.0), image)
        assert np.array_equal(out, image) and not p.applied


def test_enhance_color_of_gray_is_identity():
    for image in (IMAGES[1], IMAGES[2]):
        assert np.array_equal(P.EnhanceColor(2.5)(image=image), image)


# ----------------------------------------------------------------- ImageFilter

@pytest.mark.parametrize("name", sorted(FILTERS))
def test_filters_match_pillow(name):
    aug = getattr(P, name)(**EXACT.get(name, {}))
    kernel = getattr(ImageFilter, FILTERS[name])
    for image in IMAGES:
        _assert_matches(aug(image=image), image, _pil(image).filter(kernel))


def test_filters_match_pillow_at_saturation_and_ties():
    # checkerboards and ramps hit clipping at 0/255 and exact .5 results
    yy, xx = np.mgrid[0:40, 0:40]
    images = [((xx + yy) % 2 * 255).astype(np.uint8),
              ((xx * 7 + yy * 3) % 256).astype(np.uint8),
              np.stack([(xx * 6) % 256, (yy * 6) % 256, ((xx + yy) * 3) % 256],
                       -1).astype(np.uint8)]
    for name, pil_name in FILTERS.items():
        aug = getattr(P, name)(**EXACT.get(name, {}))
        for image in images:
            _assert_matches(aug(image=image), image,
                            _pil(image).filter(getattr(ImageFilter, pil_name)))


# ------------------------------------------------ stated tolerances of the defaults

def _detail_reference(color: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """DETAIL's exact integer sum ``S`` per interior pixel, and ``S / 6`` rounded half up
    and clipped (the frame keeps the input's values)."""
    c = color.astype(np.int64)
    sums = 10 * c[1:-1, 1:-1] - c[:-2, 1:-1] - c[2:, 1:-1] - c[1:-1, :-2] - c[1:-1, 2:]
    out = color.copy()
    out[1:-1, 1:-1] = np.clip(np.floor_divide(sums + 3, 6), 0, 255)
    return out, sums


def _color_of(image: np.ndarray) -> np.ndarray:
    return image[:, :, :3] if image.ndim == 3 and image.shape[2] == 4 else image


def test_filter_detail_default_rounds_ties_up_and_differs_from_pillow_only_there():
    yy, xx = np.mgrid[0:40, 0:40]
    extra = [((xx * 7 + yy * 3) % 256).astype(np.uint8),
             np.stack([(xx * 6) % 256, (yy * 6) % 256, ((xx + yy) * 3) % 256],
                      -1).astype(np.uint8),
             np.ascontiguousarray(data.quokka()[:200, :200])]
    aug = P.FilterDetail()
    ties = rounded_down = 0
    for image in IMAGES + extra:
        out = aug(image=image)
        assert np.array_equal(P.filter_detail(image), out)
        if image.ndim == 3 and image.shape[2] == 4:
            assert np.array_equal(out[:, :, 3], image[:, :, 3])
        color, out = _color_of(image), _color_of(out)
        expected, sums = _detail_reference(color)
        assert np.array_equal(out, expected)
        pil = np.asarray(_pil(image).filter(ImageFilter.DETAIL)).reshape(color.shape)
        diff = out.astype(np.int16) - pil
        inner = diff[1:-1, 1:-1]
        assert not (diff[0].any() or diff[-1].any() or diff[:, 0].any() or diff[:, -1].any())
        tie = sums % 6 == 3
        # away from .5 ties the two agree; on a tie Pillow keeps the rounded-up value or
        # lands one below it
        assert not inner[~tie].any()
        assert set(np.unique(inner[tie]).tolist()) <= {0, 1}
        ties += int(tie.sum())
        rounded_down += int((inner == 1).sum())
    assert 0 < rounded_down < ties


def test_enhance_color_default_blends_with_opencv_luma():
    import cv2
    # resampled like the benchmark's photos: the original's colours happen to give equal lumas
    photo = cv2.resize(data.quokka(), (256, 256), interpolation=cv2.INTER_AREA)
    for factor in (0.0, 0.5, 1.7, 3.0):
        aug = P.EnhanceColor(factor)
        for image in IMAGES + [photo]:
            out = aug(image=image)
            assert np.array_equal(P.enhance_color(image, factor), out)
            if image.ndim == 2 or image.shape[2] == 1:
                assert np.array_equal(out, image)
                continue
            color = np.ascontiguousarray(image[:, :, :3])
            gray = cv2.cvtColor(color, cv2.COLOR_RGB2GRAY)
            # what ImageEnhance.Color does, with OpenCV's luma as the degenerate image
            expected = Image.blend(Image.fromarray(gray).convert("RGB"), Image.fromarray(color),
                                   factor)
            _assert_matches(out, image, expected)
            # against Pillow itself: equal wherever the two lumas agree; they never differ
            # by more than 1, which moves the blend by |1 - factor| before truncation
            pil_luma = np.asarray(_pil(image).convert("L"))
            off = gray != pil_luma
            assert np.abs(gray.astype(np.int16) - pil_luma).max() <= 1
            pil = np.asarray(ImageEnhance.Color(_pil(image)).enhance(factor))
            diff = np.abs(out[:, :, :3].astype(np.int16) - pil)
            assert not diff[~off].any()
            assert diff.max() <= max(1, np.ceil(abs(1.0 - factor)))
            if image is photo:
                assert 0 < off.mean() < 0.005, off.mean()


def test_exact_is_a_validated_serialised_option():
    # random colours: about 0.13% of them have an OpenCV luma one off Pillow's
    image = np.random.default_rng(5).integers(0, 256, (128, 128, 3), dtype=np.uint8)
    for make, exact_fn in ((lambda **kw: P.FilterDetail(**kw), P.filter_detail),
                           (lambda **kw: P.EnhanceColor(1.7, **kw),
                            lambda im, **kw: P.enhance_color(im, 1.7, **kw))):
        aug = make(exact=True)
        assert aug.get_config()["exact"] is True and make().get_config().get("exact", False) \
            is False
        loaded = iaa.from_dict(aug.to_dict())
        assert loaded.exact is True
        assert np.array_equal(loaded(image=image), exact_fn(image, exact=True))
        # switching the attribute after calls (plans exist) takes effect
        default = make()
        assert not np.array_equal(default(image=image), exact_fn(image, exact=True))
        default.exact = True
        assert np.array_equal(default(image=image), exact_fn(image, exact=True))
        for bad in ("yes", 1, None):
            with pytest.raises(TypeError, match="exact"):
                make(exact=bad)
            with pytest.raises(TypeError, match="exact"):
                exact_fn(image, exact=bad)


# --------------------------------------------------------------------- Affine

def _pil_affine(image: np.ndarray, coeffs: tuple, fill: tuple) -> np.ndarray:
    h, w = image.shape[:2]
    if image.ndim == 2 or image.shape[2] == 1:
        src = Image.fromarray(image if image.ndim == 2 else image[:, :, 0])
        out = np.asarray(src.transform((w, h), Image.AFFINE, coeffs, Image.NEAREST,
                                       fillcolor=fill[0]))
        return out if image.ndim == 2 else out[:, :, np.newaxis]
    out = np.asarray(Image.fromarray(image).transform((w, h), Image.AFFINE, coeffs,
                                                      Image.NEAREST, fillcolor=fill))
    return out


@pytest.mark.parametrize("kwargs", [
    dict(rotate=(-45, 45), fillcolor=(0, 256)),
    dict(scale=(0.5, 2.0), translate_percent=(-0.2, 0.2), rotate=(-20, 20), shear=(-15, 15)),
    dict(scale={"x": (0.3, 3.0), "y": (0.3, 3.0)}, translate_px={"x": (-7, 7), "y": (-7, 7)},
         fillcolor="ALL"),
    dict(scale=(0.7, 1.4), rotate=[90, 180, -90], center="uniform"),
    dict(shear={"x": (-40, 40), "y": (-40, 40)}, center=(0.0, 0.0), fillcolor=[3, 250]),
    dict(translate_px=(-3, 3)),
    # near-singular and extreme maps exercise Pillow's double-precision path
    dict(shear={"x": 45, "y": 45}, translate_px=(-2, 2)),
    dict(scale=[1e-4, 3e-3, 0.01, 50.0, 700.0, 1e4], rotate=(0, 360)),
], ids=["rotate", "mixed", "scale-translate", "right-angles", "shear", "translate",
        "near-singular", "extreme-scale"])
def test_affine_matches_pillow(kwargs):
    aug = P.Affine(seed=7, **kwargs)
    for image in IMAGES:
        for _ in range(3):
            out, p = _run(aug, image)
            fill = p.fill if p.fill else (0,)
            expected = _pil_affine(image, p.coeffs, fill) if p.applied else image
            assert out.shape == image.shape
            assert np.array_equal(out, expected), (kwargs, image.shape, p.coeffs)


def test_affine_semantics():
    image = np.zeros((20, 30, 3), dtype=np.uint8)
    image[5, 10] = 255
    moved = P.Affine(translate_px={"x": 3, "y": 2})(image=image)
    assert moved[7, 13].tolist() == [255, 255, 255] and moved.sum() == 3 * 255
    # rotating clockwise by 90 degrees about the centre (15, 10)
    kps = KeypointsOnImage([Keypoint(x=10.5, y=5.5)], shape=image.shape)
    rot, rkps = P.Affine(rotate=90)(image=image, keypoints=kps)
    x, y = rkps.keypoints[0].x, rkps.keypoints[0].y
    assert np.allclose((x, y), (15 + 10 - 5.5, 10 + 10.5 - 15))
    assert rot[int(y), int(x)].tolist() == [255, 255, 255]
    # a constant fill colours every channel; a range draws one value per channel
    filled = P.Affine(translate_px={"x": 5}, fillcolor=128)(image=image)
    assert (filled[:, :5] == 128).all()
    _, p = _run(P.Affine(translate_px={"x": 5}, fillcolor=(0, 256), seed=3), image)
    assert len(p.fill) == 3 and all(0 <= v <= 255 for v in p.fill)
    # center="left-top" rotates about the origin
    _, p = _run(P.Affine(rotate=90, center="left-top"), image)
    assert np.allclose(p.matrix @ [1.0, 0.0, 1.0], [0.0, 1.0, 1.0])


def test_affine_moves_maps_with_the_pixels():
    rng = np.random.default_rng(5)
    image = rng.integers(0, 256, (40, 60, 3), dtype=np.uint8)
    labels = rng.integers(0, 5, (40, 60)).astype(np.int32)
    seg = SegmentationMapsOnImage(labels, shape=image.shape)
    hm = HeatmapsOnImage(rng.random((20, 30, 1)).astype(np.float32), shape=image.shape)
    aug = P.Affine(rotate=(-30, 30), scale=(0.7, 1.3), translate_px=(-5, 5), seed=1)
    for _ in range(4):
        _, seg_out, hm_out, rec = aug(image=image, segmentation_maps=seg, heatmaps=hm,
                                      return_record=True)
        p = rec.rows[0][0][3]
        # same-size maps follow exactly the pixels' mapping
        expected = K.affine_image(labels, p.coeffs, (0,))
        assert np.array_equal(seg_out.arr[:, :, 0], expected)
        assert hm_out.arr_0to1.shape == (20, 30, 1) and tuple(hm_out.shape) == image.shape
        assert set(np.unique(seg_out.arr)) <= set(range(5))


def test_affine_identity_is_skipped():
    out, p = _run(P.Affine(), IMAGES[0])
    assert not p.applied and np.array_equal(out, IMAGES[0])


# ------------------------------------------------------------- layout & dtype

AUGMENTERS = sorted(n for n in P.__all__
                    if isinstance(getattr(P, n), type) and issubclass(getattr(P, n), iaa.Augmenter))


@pytest.mark.parametrize("name", AUGMENTERS)
def test_layouts(name):
    aug = getattr(P, name)(seed=1)
    for shape in ((6, 7, 2), (6, 7, 5)):
        with pytest.raises(ValueError, match="image"):
            aug(image=np.zeros(shape, np.uint8))
    for shape in ((0, 7, 3), (6, 0, 3), (6, 7, 0)):
        out = aug(image=np.zeros(shape, np.uint8))
        assert out.shape == shape
    with pytest.raises(TypeError, match="image"):
        aug(image=np.zeros((6, 7, 3), np.float32))


def test_layout_error_does_not_depend_on_the_draw():
    with pytest.raises(ValueError, match="image"):
        P.Solarize(0.0)(image=np.zeros((5, 5, 5), np.uint8))


# ------------------------------------------------------------------ validation

@pytest.mark.parametrize("make, argname", [
    (lambda: P.Solarize(p=1.5), "p"),
    (lambda: P.Solarize(threshold="x"), "threshold"),
    (lambda: P.Solarize(threshold=float("nan")), "threshold"),
    (lambda: P.Posterize(nb_bits=0), "nb_bits"),
    (lambda: P.Posterize(nb_bits=9), "nb_bits"),
    (lambda: P.Posterize(nb_bits=2.5), "nb_bits"),
    (lambda: P.Autocontrast(cutoff=50), "cutoff"),
    (lambda: P.Autocontrast(cutoff=-1), "cutoff"),
    (lambda: P.Autocontrast(per_channel=2), "per_channel"),
    (lambda: P.EnhanceColor(factor=-0.1), "factor"),
    (lambda: P.EnhanceContrast(factor=(0.5, float("inf"))), "factor"),
    (lambda: P.EnhanceBrightness(factor="bright"), "factor"),
    (lambda: P.EnhanceSharpness(factor=(1, 2, 3)), "factor"),
    (lambda: P.Affine(scale=0), "scale"),
    (lambda: P.Affine(scale={"x": 1.0, "z": 2.0}), "scale"),
    (lambda: P.Affine(translate_percent=0.1, translate_px=3), "translate_percent"),
    (lambda: P.Affine(translate_px="a"), "translate_px"),
    (lambda: P.Affine(rotate=float("nan")), "rotate"),
    (lambda: P.Affine(shear=90), "shear"),
    (lambda: P.Affine(shear={"y": 95}), "shear"),
    (lambda: P.Affine(fillcolor=-1), "fillcolor"),
    (lambda: P.Affine(fillcolor=(1, 2, 3)), "fillcolor"),
    (lambda: P.Affine(center="middle"), "center"),
    (lambda: P.Affine(center=(0.5, 2.0)), "center"),
    (lambda: P.Affine(center=3), "center"),
])
def test_invalid_arguments_name_the_argument(make, argname):
    with pytest.raises((ValueError, TypeError), match=argname):
        make()


def test_defaults_follow_imgaug():
    assert P.Solarize().get_config()["threshold"] == 128
    assert P.Posterize().get_config()["nb_bits"] == (1, 8)
    assert P.Autocontrast().get_config()["cutoff"] == (0, 20)
    assert P.EnhanceColor().get_config()["factor"] == (0.0, 3.0)
    assert P.EnhanceSharpness().get_config()["factor"] == (0.0, 2.0)
    config = P.Affine().get_config()
    assert config["center"] == (0.5, 0.5) and config["fillcolor"] == 0


def test_histograms_of_huge_images_use_exact_counts(monkeypatch):
    # calcHist counts in float32; beyond 2**24 pixels the kernels count with bincount
    monkeypatch.setattr(K, "_CALCHIST_MAX_PIXELS", 16)
    for image in IMAGES[:8]:
        _assert_matches(K.equalize(image), image, ImageOps.equalize(_pil(image)))
        _assert_matches(K.autocontrast(image, ((7, 7),)), image,
                        ImageOps.autocontrast(_pil(image), 7))


def test_affine_without_opencv_remap_matches_pillow(monkeypatch):
    # images too large for cv2.remap's 16-bit addressing fall back to a numpy gather
    from imgaug2.kernels import pillike_affine
    monkeypatch.setattr(pillike_affine, "_REMAP_MAX_SIDE", 8)
    aug = P.Affine(rotate=(-45, 45), scale=(0.5, 1.5), fillcolor=(0, 256), seed=3)
    for image in IMAGES:
        out, p = _run(aug, image)
        expected = _pil_affine(image, p.coeffs, p.fill if p.fill else (0,))
        assert np.array_equal(out, expected)


def test_affine_maps_with_many_channels_match_the_gather_reference():
    rng = np.random.default_rng(9)
    arr = rng.random((30, 41, 6)).astype(np.float32)
    labels = rng.integers(-3, 9, (30, 41, 2)).astype(np.int32)
    for coeffs in [(0.9, 0.2, 1.5, -0.3, 1.1, -2.0), (1.2, 0.0, -3.0, 0.0, 0.8, 4.0)]:
        ix, iy = K.affine_indices(coeffs, arr.shape[:2], arr.shape[:2])
        assert np.array_equal(K.affine_map(arr, coeffs, arr.shape[:2], 0.0),
                              KA._gather(arr, ix, iy, (0.0,) * 6, arr.shape[:2]))
        assert np.array_equal(K.affine_map(labels, coeffs, labels.shape[:2], 0),
                              KA._gather(labels, ix, iy, (0, 0), labels.shape[:2]))


def test_parameters_drawing_nan_raise_naming_the_argument():
    import imgaug2.parameters as iap
    nan = iap.Deterministic(float("nan"))
    image = IMAGES[0]
    for aug, argname in [(P.Posterize(nb_bits=nan), "nb_bits"),
                         (P.Autocontrast(cutoff=nan), "cutoff"),
                         (P.Solarize(threshold=nan), "threshold"),
                         (P.EnhanceColor(factor=nan), "factor"),
                         (P.Affine(rotate=nan), "rotate"),
                         (P.Affine(center=(nan, 0.5)), "center")]:
        with pytest.raises(ValueError, match=argname):
            aug(image=image)


# ---------------------------------------------------------------- function API

def test_function_api_matches_pillow():
    rng = np.random.default_rng(21)
    for image in IMAGES:
        pil = _pil(image)
        _assert_matches(P.solarize(image, 100), image, ImageOps.solarize(pil, 100))
        _assert_matches(P.posterize_(image, 3), image, ImageOps.posterize(pil, 3))
        _assert_matches(P.equalize(image), image, ImageOps.equalize(pil))
        mask = (rng.random(image.shape[:2]) > 0.5).astype(np.uint8) * 255
        _assert_matches(P.equalize(image, mask), image,
                        ImageOps.equalize(pil, Image.fromarray(mask)))
        for cutoff, ignore in ((0, None), (5, 0), ((2, 30), [0, 255]), (10.5, 77)):
            _assert_matches(P.autocontrast(image, cutoff, ignore), image,
                            ImageOps.autocontrast(pil, cutoff, ignore))
        for pil_name in ENHANCE.values():
            fn = getattr(P, "enhance_" + pil_name.lower())
            _assert_matches(fn(image, 1.7, **EXACT.get(pil_name, {})), image,
                            getattr(ImageEnhance, pil_name)(pil).enhance(1.7))
        for pil_name in FILTERS.values():
            fn = getattr(P, "filter_" + pil_name.lower())
            _assert_matches(fn(image, **EXACT.get(pil_name, {})), image,
                            pil.filter(getattr(ImageFilter, pil_name)))


def test_warp_affine_function_follows_pillow_fill_rules():
    # None is black, an int packs channels little-endian, a tuple gives them (alpha opaque)
    for image in (IMAGES[0], IMAGES[1], IMAGES[3]):
        fills = (None, 5, 300) if image.ndim == 2 else (None, 5, 300, (10, 20, 30))
        for fillcolor in fills:
            out = P.warp_affine(image, scale_x=0.8, rotate_deg=30, translate_x_px=3,
                                fillcolor=fillcolor, center=(0.3, 0.6))
            coeffs = affine_coefficients(image.shape, 0.8, 1.0, 3, 0, 30, 0, 0, (0.3, 0.6))
            expected = Image.fromarray(image).transform(
                image.shape[1::-1], Image.AFFINE, coeffs, Image.NEAREST,
                fillcolor=0 if fillcolor is None else fillcolor)
            assert np.array_equal(out, np.asarray(expected)), (image.shape, fillcolor)


def test_function_api_validation():
    with pytest.raises(TypeError, match="image"):
        P.solarize(np.zeros((3, 3), np.float32))
    with pytest.raises(ValueError, match="bits"):
        P.posterize(IMAGES[0], 0)
    with pytest.raises(ValueError, match="mask"):
        P.equalize(IMAGES[0], np.zeros((2, 2), np.uint8))

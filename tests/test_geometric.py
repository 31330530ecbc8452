"""The geometric family: validation, output shapes, alignment of every target, behaviour."""

import cv2
import numpy as np
import pytest

import imgaug2.augmenters as iaa
import imgaug2.parameters as iap
from imgaug2.augmentables import (BoundingBox, BoundingBoxesOnImage, HeatmapsOnImage, Keypoint,
                                  KeypointsOnImage, Polygon, PolygonsOnImage,
                                  SegmentationMapsOnImage)
from imgaug2.core.record import Record
from imgaug2.kernels.geometric import affine_matrix, cv_matrix, map_matrix
from imgaug2.kernels.geometric_flow import (grid_inverse, grid_source, optical_inverse,
                                            optical_source)

NAN = float("nan")


# ------------------------------------------------------------ validation

@pytest.mark.parametrize("build, argname", [
    (lambda: iaa.Affine(rotate=NAN), "rotate"),
    (lambda: iaa.Affine(rotate=(0, float("inf"))), "rotate"),
    (lambda: iaa.Affine(scale=0), "scale"),
    (lambda: iaa.Affine(scale=-1.5), "scale"),
    (lambda: iaa.Affine(scale={"x": 0.0}), "scale"),
    (lambda: iaa.Affine(scale={"z": 1.0}), "scale"),
    (lambda: iaa.Affine(shear=90), "shear"),
    (lambda: iaa.Affine(order=7), "order"),
    (lambda: iaa.Affine(order=[0, 9]), "order"),
    (lambda: iaa.Affine(order="cubic"), "order"),
    (lambda: iaa.Affine(mode="mirror-ish"), "mode"),
    (lambda: iaa.Affine(mode=["constant", "nope"]), "mode"),
    (lambda: iaa.Affine(cval=1e9), "cval"),
    (lambda: iaa.Affine(cval=NAN), "cval"),
    (lambda: iaa.Affine(cval="white"), "cval"),
    (lambda: iaa.Affine(translate_percent=0.1, translate_px=3), "translate_percent"),
    (lambda: iaa.Affine(translate_px=NAN), "translate_px"),
    (lambda: iaa.Affine(fit_output="yes"), "fit_output"),
    (lambda: iaa.Affine(backend="torch"), "backend"),
    (lambda: iaa.ScaleX(0), "scale"),
    (lambda: iaa.ScaleY(-2), "scale"),
    (lambda: iaa.TranslateX(percent=NAN), "percent"),
    (lambda: iaa.TranslateY(percent=0.1, px=2), "percent"),
    (lambda: iaa.Rotate(NAN), "rotate"),
    (lambda: iaa.ShearX(95), "shear"),
    (lambda: iaa.ShearY("a"), "shear"),
    (lambda: iaa.AffineCv2(mode=99), "mode"),
    (lambda: iaa.AffineCv2(order=17), "order"),
    (lambda: iaa.PerspectiveTransform(scale=-0.1), "scale"),
    (lambda: iaa.PerspectiveTransform(keep_size="x"), "keep_size"),
    (lambda: iaa.PerspectiveTransform(polygon_recoverer="magic"), "polygon_recoverer"),
    (lambda: iaa.ElasticTransformation(alpha=-1), "alpha"),
    (lambda: iaa.ElasticTransformation(sigma=NAN), "sigma"),
    (lambda: iaa.ElasticTransformation(sigma=1e6), "sigma"),
    (lambda: iaa.ElasticTransformation(mode="edgy"), "mode"),
    (lambda: iaa.PiecewiseAffine(nb_rows=1), "nb_rows"),
    (lambda: iaa.PiecewiseAffine(nb_cols=2.5), "nb_cols"),
    (lambda: iaa.PiecewiseAffine(scale=2.0), "scale"),
    (lambda: iaa.GridDistortion(num_steps=0), "num_steps"),
    (lambda: iaa.GridDistortion(distort_limit=1.5), "distort_limit"),
    (lambda: iaa.OpticalDistortion(distort_limit=NAN), "distort_limit"),
    (lambda: iaa.OpticalDistortion(shift_limit=2.0), "shift_limit"),
    (lambda: iaa.Jigsaw(nb_rows=0), "nb_rows"),
    (lambda: iaa.Jigsaw(max_steps=-1), "max_steps"),
    (lambda: iaa.Jigsaw(allow_pad="no"), "allow_pad"),
    (lambda: iaa.WithPolarWarping(children=5), "children"),
])
def test_bad_arguments_fail_at_construction_naming_the_argument(build, argname):
    with pytest.raises((ValueError, TypeError), match=argname):
        build()


def test_bad_values_from_parameters_are_named_at_call_time():
    img = np.zeros((8, 8, 3), np.uint8)
    with pytest.raises(ValueError, match="order"):
        iaa.Affine(order=iap.Deterministic(9))(image=img)
    with pytest.raises(ValueError, match="scale"):
        iaa.Affine(scale=iap.Deterministic(-1.0))(image=img)
    with pytest.raises(ValueError, match="mode"):
        iaa.Affine(mode=iap.Deterministic("bogus"))(image=img)


def test_valid_spellings_are_accepted():
    img = np.zeros((8, 8, 3), np.uint8)
    for aug in (iaa.Affine(order="ALL", mode="ALL", cval="ALL", backend="skimage"),
                iaa.Affine(mode=["edge", "replicate", "reflect_101"]),
                iaa.AffineCv2(order=[cv2.INTER_AREA, "cubic"], mode=["reflect_101", 0]),
                iaa.ElasticTransformation(mode=["nearest", "mirror", "reflect", "wrap"]),
                iaa.PerspectiveTransform(mode="replicate"),
                iaa.Affine(order=iap.Choice([0, 3]), mode=iap.Choice(["wrap", "replicate"]))):
        assert aug(image=img).shape == img.shape


# ------------------------------------------------------------ conventions

def test_cv_matrix_is_the_half_pixel_conjugate():
    rng = np.random.default_rng(0)
    t = np.array([[1.0, 0, 0.5], [0, 1, 0.5], [0, 0, 1]])
    t_inv = np.array([[1.0, 0, -0.5], [0, 1, -0.5], [0, 0, 1]])
    for _ in range(5):
        m = rng.normal(size=(3, 3))
        np.testing.assert_allclose(cv_matrix(m), t_inv @ m @ t, atol=1e-12)


def test_matrix_rotates_about_the_continuous_centre():
    m = affine_matrix((30, 50), rotate=37, scale_x=1.3, scale_y=0.7, shear_x=11, shear_y=-5)
    np.testing.assert_allclose(m @ [25, 15, 1], [25, 15, 1], atol=1e-12)


def test_map_matrix_rescales_to_the_map():
    m = affine_matrix((40, 60), rotate=20, translate_x=3)
    mm = map_matrix(m, (40, 60), (40, 60), (20, 30), (20, 30))
    p = np.array([12.25, 7.5, 1.0])
    np.testing.assert_allclose(mm @ (p * [0.5, 0.5, 1]), (m @ p) * [0.5, 0.5, 1], atol=1e-12)


# ------------------------------------------------------------ shapes

def test_fit_output_shapes():
    img = np.zeros((40, 60, 3), np.uint8)
    assert iaa.Rotate(90, fit_output=True)(image=img).shape == (60, 40, 3)
    assert iaa.Rotate(45, fit_output=True)(image=np.zeros((100, 100), np.uint8)).shape == \
        (142, 142)
    assert iaa.Affine(scale=2.0, fit_output=True)(image=img).shape == (80, 120, 3)
    assert iaa.Affine(scale=0.5, translate_px=30, fit_output=True)(image=img).shape == \
        (20, 30, 3)
    out = iaa.PerspectiveTransform(scale=0.2, keep_size=False, seed=1)(image=img)
    assert out.shape[2] == 3 and out.shape[:2] != img.shape[:2]
    assert iaa.PerspectiveTransform(scale=0.2, fit_output=True, seed=1)(image=img).shape == \
        img.shape


def test_fit_output_keeps_every_corner_visible():
    img = np.zeros((30, 50, 3), np.uint8)
    kps = KeypointsOnImage([Keypoint(0, 0), Keypoint(50, 0), Keypoint(50, 30), Keypoint(0, 30)],
                           shape=img.shape)
    out, kp = iaa.Affine(rotate=(-180, 180), shear=(-30, 30), fit_output=True, seed=3)(
        image=img, keypoints=kps)
    xy = kp.coords_xy()
    assert kp.shape == out.shape
    assert xy.min() >= -1e-6 and (xy[:, 0] <= out.shape[1] + 1e-6).all() \
        and (xy[:, 1] <= out.shape[0] + 1e-6).all()


def test_fit_output_refuses_absurd_outputs():
    with pytest.raises(ValueError, match="fit_output"):
        iaa.Affine(scale=1000, fit_output=True)(image=np.zeros((200, 200), np.uint8))


# ------------------------------------------------------------ alignment

def _square_scene(h=64, w=80):
    img = np.zeros((h, w, 3), np.uint8)
    img[16:40, 24:48] = 255
    hm = np.zeros((h // 2, w // 2, 1), np.float32)
    hm[8:20, 12:24] = 1.0
    seg = np.zeros((h // 2, w // 2), np.int32)
    seg[8:20, 12:24] = 5
    return img, HeatmapsOnImage(hm, shape=img.shape), SegmentationMapsOnImage(seg, shape=img.shape)


def _centroid(mask):
    ys, xs = np.nonzero(mask)
    return np.array([xs.mean() + 0.5, ys.mean() + 0.5])


@pytest.mark.parametrize("aug", [
    iaa.Affine(rotate=30, translate_px={"x": 5, "y": -3}, scale=1.1, order=1),
    iaa.Affine(rotate=25, scale=0.8, fit_output=True),
    iaa.PerspectiveTransform(scale=0.08, keep_size=False, fit_output=True, seed=2),
    iaa.ElasticTransformation(alpha=20, sigma=6, seed=4),
    iaa.PiecewiseAffine(scale=0.04, nb_rows=4, nb_cols=4, seed=5),
    iaa.GridDistortion(distort_limit=0.4, seed=6),
    iaa.OpticalDistortion(distort_limit=0.5, seed=7),
    iaa.Jigsaw(nb_rows=3, nb_cols=3, max_steps=2, seed=8),
    iaa.WithPolarWarping(iaa.Affine(translate_px={"x": 3}), seed=9),
], ids=lambda a: type(a).__name__)
def test_small_heatmaps_and_segmaps_stay_aligned(aug):
    img, hm, seg = _square_scene()
    out_img, out_hm, out_seg = aug(image=img, heatmaps=hm, segmentation_maps=seg)
    assert tuple(out_hm.shape[:2]) == out_img.shape[:2] == tuple(out_seg.shape[:2])
    image_c = _centroid(out_img[:, :, 0] > 127)
    sy = out_img.shape[0] / out_hm.arr_0to1.shape[0]
    sx = out_img.shape[1] / out_hm.arr_0to1.shape[1]
    hm_c = _centroid(out_hm.arr_0to1[:, :, 0] > 0.5) * [sx, sy]
    seg_c = _centroid(out_seg.arr[:, :, 0] == 5) * [sx, sy]
    assert np.abs(hm_c - image_c).max() < 1.5, (hm_c, image_c)
    assert np.abs(seg_c - image_c).max() < 1.5, (seg_c, image_c)
    assert set(np.unique(out_seg.arr)) <= {0, 5}
    assert out_hm.arr_0to1.min() >= 0 and out_hm.arr_0to1.max() <= 1


# ------------------------------------------------------------ behaviour

@pytest.mark.parametrize("order", [0, 1, 3])
def test_translate_px_moves_a_pixel_by_exactly_that_much(order):
    img = np.zeros((20, 30), np.uint8)
    img[7, 11] = 200
    kps = KeypointsOnImage([Keypoint(11.5, 7.5)], shape=img.shape)
    out, kp = iaa.Affine(translate_px={"x": 3, "y": -2}, order=order)(image=img, keypoints=kps)
    assert out[5, 14] == 200 and out.sum() == 200
    np.testing.assert_allclose(kp.coords_xy(), [[14.5, 5.5]], atol=1e-12)


def test_rotate_90_equals_rot90():
    img = np.random.default_rng(0).integers(0, 255, (24, 24, 3), dtype=np.uint8)
    kps = KeypointsOnImage([Keypoint(3.25, 7.5), Keypoint(20.0, 1.0)], shape=img.shape)
    a_img, a_kp = iaa.Rotate(90, order=0)(image=img, keypoints=kps)
    b_img, b_kp = iaa.Rot90(1)(image=img, keypoints=kps)
    assert np.array_equal(a_img, b_img)
    np.testing.assert_allclose(a_kp.coords_xy(), b_kp.coords_xy(), atol=1e-9)


def test_scale_shear_and_rotation_directions():
    shape = (40, 40, 3)
    kps = KeypointsOnImage([Keypoint(25, 20), Keypoint(20, 30), Keypoint(30, 20)], shape=shape)
    img = np.zeros(shape, np.uint8)
    xy = iaa.ScaleX(2.0)(image=img, keypoints=kps)[1].coords_xy()
    np.testing.assert_allclose(xy[0], [30, 20])
    xy = iaa.ShearX(10)(image=img, keypoints=kps)[1].coords_xy()
    assert xy[1, 0] < 20  # below the centre moves left
    xy = iaa.ShearY(10)(image=img, keypoints=kps)[1].coords_xy()
    assert xy[2, 1] < 20  # right of the centre moves up
    xy = iaa.Rotate(90)(image=img, keypoints=kps)[1].coords_xy()
    np.testing.assert_allclose(xy[2], [20, 30], atol=1e-9)  # clockwise on screen


def test_affinecv2_matches_affine():
    img = np.random.default_rng(1).integers(0, 255, (30, 40, 3), dtype=np.uint8)
    a = iaa.AffineCv2(rotate=17, scale=1.2, order=cv2.INTER_CUBIC, mode=cv2.BORDER_REFLECT_101,
                      translate_px=2)
    b = iaa.Affine(rotate=17, scale=1.2, order=3, mode="reflect", translate_px=2)
    assert np.array_equal(a(image=img), b(image=img))


def test_wrap_mode_is_a_roll():
    img = np.random.default_rng(2).integers(0, 255, (10, 12, 3), dtype=np.uint8)
    out = iaa.Affine(translate_px={"x": 5}, mode="wrap", order=0)(image=img)
    assert np.array_equal(out, np.roll(img, 5, axis=1))


def test_fill_values_and_dtypes():
    img = np.full((10, 10), 7, np.uint8)
    out = iaa.Affine(translate_px=4, cval=300)(image=img)
    assert out[0, 0] == 255 and out[9, 9] == 7
    big = np.full((6, 6), 2**62 + 3, np.int64)
    out = iaa.Affine(translate_px={"x": 2}, order=0, cval=-5)(image=big)
    assert out.dtype == np.int64 and out[0, 5] == 2**62 + 3 and out[0, 0] == -5
    flags = np.zeros((9, 9), bool)
    flags[4, 4] = True
    for order in (0, 1):
        out = iaa.Affine(translate_px=1, order=order)(image=flags)
        assert out.dtype == bool and out[5, 5] and out.sum() == 1
    f = np.zeros((8, 8, 6), np.float32)
    f[3, 3] = np.finfo(np.float32).max
    out = iaa.Affine(rotate=10, order=3)(image=f)
    assert out.shape == f.shape and np.isfinite(out).all()


def test_params_record_and_replay_the_matrix():
    img = np.zeros((16, 24, 3), np.uint8)
    aug = iaa.Affine(rotate=(-40, 40), scale=(0.5, 1.5), seed=5)
    out, rec = aug(image=img, return_record=True)
    _path, name, _node, params = rec.rows[0][0]
    assert name == "Affine" and params.matrix.dtype == np.float64 and params.matrix.shape == (3, 3)
    again = Record.from_json(rec.to_json())
    assert np.array_equal(again.rows[0][0][3].matrix, params.matrix)
    assert np.array_equal(aug.replay(again, image=img), out)


def test_identity_settings_are_identities():
    img = np.random.default_rng(3).integers(0, 255, (20, 24, 3), dtype=np.uint8)
    for aug in (iaa.Affine(), iaa.ElasticTransformation(alpha=0), iaa.PiecewiseAffine(scale=0),
                iaa.GridDistortion(distort_limit=0), iaa.OpticalDistortion(0, 0),
                iaa.Jigsaw(nb_rows=4, nb_cols=4, max_steps=0, allow_pad=False),
                iaa.PerspectiveTransform(scale=0)):
        assert np.array_equal(aug(image=img), img), type(aug).__name__


def test_flow_inverses_are_exact():
    rng = np.random.default_rng(4)
    pts = rng.uniform(0, 50, (40, 2))
    xs, ys = rng.uniform(-0.5, 0.5, 6), rng.uniform(-0.5, 0.5, 6)
    _, points = grid_source(xs, ys, (50, 50))
    np.testing.assert_allclose(points(grid_inverse(xs, ys, (50, 50), pts)), pts, atol=1e-9)
    central = rng.uniform(12, 38, (40, 2))  # inside the fold radius of the barrel case
    for k in (-0.3, 0.4):
        _, points = optical_source(k, 0.05, -0.03, (50, 60))
        q = optical_inverse(k, 0.05, -0.03, (50, 60), central)
        np.testing.assert_allclose(points(q), central, atol=1e-7)


@pytest.mark.parametrize("aug", [iaa.ElasticTransformation(alpha=25, sigma=5, seed=1),
                                 iaa.PiecewiseAffine(scale=0.05, nb_rows=5, nb_cols=5, seed=2)],
                         ids=["elastic", "piecewise"])
def test_flow_keypoints_are_preimages(aug):
    img = np.zeros((48, 64, 3), np.uint8)
    pts = np.random.default_rng(5).uniform(2, 46, (30, 2))
    kps = KeypointsOnImage.from_xy_array(pts, shape=img.shape)
    _, kp, rec = aug(image=img, keypoints=kps, return_record=True)
    params = rec.rows[0][0][3]
    _, source = aug._sources(params, img.shape[:2])
    np.testing.assert_allclose(source(kp.coords_xy()), pts, atol=1e-4)


def test_jigsaw_keypoints_follow_their_cells():
    h, w = 30, 40
    img = np.zeros((h, w), np.int32)
    for r in range(3):
        for c in range(4):
            img[r * 10:(r + 1) * 10, c * 10:(c + 1) * 10] = r * 4 + c + 1
    pts = np.array([[x + 0.5, y + 0.5] for y in range(0, h, 3) for x in range(0, w, 3)])
    kps = KeypointsOnImage.from_xy_array(pts, shape=img.shape)
    out, kp = iaa.Jigsaw(nb_rows=3, nb_cols=4, max_steps=3, seed=1)(image=img, keypoints=kps)
    assert not np.array_equal(out, img)
    for (x0, y0), (x1, y1) in zip(pts, kp.coords_xy(), strict=True):
        assert out[int(y1), int(x1)] == img[int(y0), int(x0)]


def test_jigsaw_pads_to_multiples():
    img = np.ones((31, 41, 3), np.uint8)
    out = iaa.Jigsaw(nb_rows=4, nb_cols=5, max_steps=1, seed=2)(image=img)
    assert out.shape == (32, 45, 3) and out.sum() == img.sum()
    same = iaa.Jigsaw(nb_rows=4, nb_cols=5, allow_pad=False, seed=2)(image=img)
    assert same.shape == img.shape and np.array_equal(same[28:], img[28:])


def test_polar_warping_with_identity_child_keeps_coordinates():
    img = np.zeros((30, 44, 3), np.uint8)
    kps = KeypointsOnImage([Keypoint(3.3, 4.4), Keypoint(22, 15), Keypoint(40.1, 28.7)],
                           shape=img.shape)
    out, kp = iaa.WithPolarWarping(iaa.Identity())(image=img, keypoints=kps)
    assert out.shape == img.shape
    np.testing.assert_allclose(kp.coords_xy(), kps.coords_xy(), atol=1e-9)


def test_labels_stay_with_their_boxes():
    shape = (40, 60, 3)
    bbs = BoundingBoxesOnImage([BoundingBox(5, 5, 15, 10, label="cat"),
                                BoundingBox(30, 20, 50, 35, label="dog")], shape=shape)
    for aug in (iaa.Rotate(90, fit_output=True), iaa.PerspectiveTransform(0.1, seed=1),
                iaa.ElasticTransformation(10, 5, seed=1), iaa.Jigsaw(2, 2, seed=3)):
        out = aug(image=np.zeros(shape, np.uint8), bounding_boxes=bbs)[1]
        assert [b.label for b in out.bounding_boxes] == ["cat", "dog"]
    out = iaa.Rotate(90, fit_output=True)(image=np.zeros(shape, np.uint8), bounding_boxes=bbs)[1]
    np.testing.assert_allclose(out.bounding_boxes[0].width, 5, atol=1e-9)
    np.testing.assert_allclose(out.bounding_boxes[0].height, 10, atol=1e-9)


def test_perspective_repairs_invalid_polygons():
    shape = (50, 50, 3)
    poly = PolygonsOnImage([Polygon([(10, 10), (40, 40), (40, 10), (10, 40)], label="bow")],
                           shape=shape)
    out = iaa.PerspectiveTransform(0.05, seed=1)(image=np.zeros(shape, np.uint8),
                                                 polygons=poly)[1]
    assert out.polygons[0].is_valid and out.polygons[0].label == "bow"
    kept = iaa.PerspectiveTransform(0.05, polygon_recoverer=None, seed=1)(
        image=np.zeros(shape, np.uint8), polygons=poly)[1]
    assert not kept.polygons[0].is_valid

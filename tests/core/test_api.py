"""The call API: targets in and out, formats, errors, keys, records, containers, hooks."""

import copy
import pickle

import numpy as np
import pytest

import imgaug2 as ia
import imgaug2.augmenters as iaa
from imgaug2.augmentables import (BoundingBox, BoundingBoxesOnImage, Keypoint, KeypointsOnImage,
                                  SegmentationMapsOnImage)
from imgaug2.augmentables.batches import Batch, UnnormalizedBatch
from tests.families.inputs import image, images, targets


def test_single_image_and_annotations_return_in_keyword_order():
    t = targets()
    aug = iaa.Fliplr(1.0)
    seg_aug, img_aug = aug(segmentation_maps=t["segmentation_maps"], image=t["image"])
    assert isinstance(img_aug, np.ndarray) and np.array_equal(img_aug, t["image"][:, ::-1])
    assert isinstance(seg_aug, SegmentationMapsOnImage)
    assert np.array_equal(seg_aug.get_arr(), t["segmentation_maps"].get_arr()[:, ::-1])


def test_batch_formats_round_trip():
    aug = iaa.Flipud(1.0)
    arr = np.stack(images(3))
    out = aug(images=arr)
    assert isinstance(out, np.ndarray) and out.shape == arr.shape
    out = aug(images=list(arr))
    assert isinstance(out, list) and len(out) == 3
    kps = [KeypointsOnImage([Keypoint(1, 2)], shape=(16, 20, 3)) for _ in range(3)]
    img_out, kps_out = aug(images=arr, keypoints=kps)
    assert isinstance(kps_out, list) and kps_out[0].keypoints[0].y == pytest.approx(14)


def test_keypoint_flip_convention_and_edge_keypoint_survives():
    kps = KeypointsOnImage([Keypoint(x=19.5, y=3.25)], shape=(16, 20, 3))
    out = iaa.Fliplr(1.0)(keypoints=kps)
    assert out.keypoints[0].x == pytest.approx(0.5)
    assert not out.keypoints[0].is_out_of_image((16, 20, 3)) if hasattr(
        out.keypoints[0], "is_out_of_image") else True


def test_boxes_flip_and_labels_stay_attached():
    bbs = BoundingBoxesOnImage([BoundingBox(1, 2, 5, 6, label="cat"),
                                BoundingBox(10, 2, 19, 8, label="dog")], shape=(16, 20, 3))
    out = iaa.Fliplr(1.0)(bounding_boxes=bbs)
    assert [b.label for b in out.bounding_boxes] == ["cat", "dog"]
    assert out.bounding_boxes[0].x1 == pytest.approx(15) and out.bounding_boxes[0].x2 == \
        pytest.approx(19)


def test_unknown_keyword_and_mismatched_rows_raise():
    aug = iaa.Fliplr(1.0)
    with pytest.raises(TypeError, match="imagez"):
        aug(imagez=image())
    with pytest.raises(ValueError, match="segmentation_maps"):
        aug(images=images(3), segmentation_maps=[targets()["segmentation_maps"]] * 2)
    with pytest.raises(ValueError, match="nothing to augment"):
        aug()
    with pytest.raises(TypeError, match="image"):
        aug(image=[[1, 2], [3, 4]])
    with pytest.raises(ValueError, match="keys"):
        aug(images=images(3), keys=[1, 2])
    with pytest.raises(TypeError, match="key"):
        aug(image=image(), key=1.5)


def test_bad_constructor_arguments_name_the_argument():
    with pytest.raises(ValueError, match="p"):
        iaa.Fliplr(1.5)
    with pytest.raises((ValueError, TypeError), match="p"):
        iaa.Fliplr(float("nan"))
    with pytest.raises(TypeError, match="channels"):
        iaa.WithChannels([0, 1.5], iaa.Fliplr(1.0))
    with pytest.raises(TypeError, match="children"):
        iaa.Sequential([iaa.Fliplr(1.0), "x"])
    with pytest.raises(TypeError, match="name"):
        iaa.Fliplr(1.0, name=3)
    with pytest.raises(TypeError, match="unexpected"):
        iaa.Fliplr(1.0, foo=1)
    with pytest.raises(ValueError, match="n"):
        iaa.SomeOf((3, 1), [iaa.Fliplr(1.0)])


def test_sample_keys_make_rows_independent_of_batch():
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))], seed=1)
    imgs = images(10)
    full = aug(images=imgs, keys=list(range(10)))
    for i in range(10):
        assert np.array_equal(aug(image=imgs[i], key=i), full[i])


def test_to_deterministic_repeats_and_separate_calls_align():
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Flipud(0.5), iaa.Rot90((0, 3))], seed=2)
    t = targets()
    det = aug.to_deterministic()
    img_aug = det(image=t["image"])
    kps_aug = det(keypoints=t["keypoints"])
    _, kps_joint = det(image=t["image"], keypoints=t["keypoints"])
    assert np.allclose(kps_aug.coords_xy(), kps_joint.coords_xy())
    assert np.array_equal(img_aug, det(image=t["image"]))
    det2 = aug.to_deterministic()
    outs = {det2(image=t["image"]).tobytes()} | {aug.to_deterministic()(image=t["image"]).tobytes()
                                                 for _ in range(10)}
    assert len(outs) > 1


def test_seed_methods():
    a = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))])
    b = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))])
    a.seed_(123)
    b.seed_(123)
    imgs = images(8)
    assert all(np.array_equal(x, y) for x, y in zip(a(images=imgs), b(images=imgs)))
    b.set_random_seed(124)
    assert not all(np.array_equal(x, y) for x, y in zip(a(images=imgs), b(images=imgs)))
    c = iaa.Rot90((0, 3)).set_random_state(np.random.default_rng(5))
    d = iaa.Rot90((0, 3)).set_random_state(np.random.default_rng(5))
    assert all(np.array_equal(x, y) for x, y in zip(c(images=imgs), d(images=imgs)))


def test_children_and_lookup_helpers():
    seq = iaa.Sequential([iaa.Fliplr(0.5, name="flip"),
                          iaa.Sometimes(0.5, iaa.Flipud(1.0, name="vflip"), name="sometimes")],
                         name="seq")
    assert [a.name for a in seq.find_augmenters_by_name("vflip")] == ["vflip"]
    assert len(seq.find_augmenters_by_names(["flip", "vflip"])) == 2
    assert len(seq.find_augmenters_by_name("v.*", regex=True)) == 1
    flat = seq.get_all_children(flat=True)
    assert [a.name for a in flat][:2] == ["flip", "sometimes"]
    removed = seq.remove_augmenters(lambda a, parents: a.name == "vflip")
    assert not removed.find_augmenters_by_name("vflip") and seq.find_augmenters_by_name("vflip")
    assert isinstance(seq.get_children_lists()[0], list)
    wp = iaa.Fliplr(1.0).with_probability(0.3)
    assert isinstance(wp, iaa.Sometimes)
    assert iaa.Fliplr(0.3).get_parameters()
    seq.add(iaa.Identity())
    assert len(seq) == 3


def test_copy_pickle_and_shared_instance():
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))], seed=3)
    imgs = images(6)
    for clone in (aug.deepcopy(), copy.deepcopy(aug), pickle.loads(pickle.dumps(aug))):
        assert all(np.array_equal(x, y) for x, y in zip(clone(images=imgs), aug.deepcopy()(
            images=imgs)))


def test_siblings_do_not_shift_each_others_streams():
    imgs = images(12)
    a = iaa.Sequential([iaa.Rot90((0, 3), name="rot")], seed=9)
    b = iaa.Sequential([iaa.Fliplr(0.5, name="flip"), iaa.Rot90((0, 3), name="rot")], seed=9)
    _, ra = a(images=imgs, keys=list(range(12)), return_record=True)
    _, rb = b(images=imgs, keys=list(range(12)), return_record=True)
    ka = [[e["params"]["k"] for e in row if e["name"] == "rot"] for row in ra.applied()]
    kb = [[e["params"]["k"] for e in row if e["name"] == "rot"] for row in rb.applied()]
    assert ka == kb


def test_with_channels_only_touches_selected_channels():
    img = image()
    out = iaa.WithChannels([0], iaa.Fliplr(1.0))(image=img)
    assert np.array_equal(out[:, :, 0], img[:, ::-1, 0])
    assert np.array_equal(out[:, :, 1:], img[:, :, 1:])


def test_channel_shuffle_permutes():
    img = image()
    out = iaa.ChannelShuffle(1.0, seed=1)(image=img)
    assert sorted(out.reshape(-1, 3).sum(0).tolist()) == sorted(img.reshape(-1, 3).sum(0).tolist())


def test_lambda_and_asserts():
    def double(imgs, rs, parents, hooks):
        return [np.clip(i.astype(int) * 2, 0, 255).astype(np.uint8) for i in imgs]
    img = image()
    assert np.array_equal(iaa.Lambda(func_images=double)(image=img), double([img], 0, 0, 0)[0])
    with pytest.raises(AssertionError):
        iaa.AssertLambda(func_images=lambda i, r, p, h: False)(image=img)
    iaa.AssertShape((None, 32, 40, 3))(images=[img])
    with pytest.raises(AssertionError, match="axis"):
        iaa.AssertShape((None, 33, 40, 3))(images=[img])
    with pytest.raises(ValueError):
        iaa.AssertShape((None, 33, 40, 3))(images=[img])


def test_augment_entry_points():
    aug = iaa.Fliplr(1.0)
    t = targets()
    assert np.array_equal(aug.augment_image(t["image"]), t["image"][:, ::-1])
    assert len(aug.augment_images([t["image"]] * 2)) == 2
    assert aug.augment_keypoints([t["keypoints"]])[0].shape == t["keypoints"].shape
    assert aug.augment_bounding_boxes(t["bounding_boxes"]).shape == t["image"].shape
    aug.augment_heatmaps([t["heatmaps"]])
    aug.augment_segmentation_maps(t["segmentation_maps"])
    aug.augment_polygons(t["polygons"])
    aug.augment_line_strings(t["line_strings"])
    b = aug.augment_batch_(Batch(images=[t["image"]], keypoints=[t["keypoints"]]))
    assert np.array_equal(b.images_aug[0], t["image"][:, ::-1])
    ub = aug.augment_batch_(UnnormalizedBatch(images=[t["image"]]))
    assert np.array_equal(ub.images_aug[0], t["image"][:, ::-1])
    batches = list(aug.augment_batches([np.stack([t["image"]] * 2)] * 3))
    assert len(batches) == 3 and batches[0].shape == (2,) + t["image"].shape
    ret = aug(images=[t["image"]], return_batch=True)
    assert np.array_equal(ret.images_aug[0], t["image"][:, ::-1])


def test_record_json_round_trip_and_replay_module_function():
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))], seed=4)
    t = targets()
    img, kps, rec = aug(image=t["image"], keypoints=t["keypoints"], return_record=True)
    text = rec.to_json()
    img2, kps2 = ia.replay(text, image=t["image"], keypoints=t["keypoints"])
    assert np.array_equal(img, img2) and np.allclose(kps.coords_xy(), kps2.coords_xy())
    assert ia.Record.from_json(text).to_json() == text


def test_single_image_with_bare_heatmap_and_segmap_arrays():
    img = image()
    hm = np.random.default_rng(0).random((32, 40)).astype(np.float32)
    seg = np.zeros((32, 40), np.int32)
    seg[:, :5] = 1
    img_aug, hm_aug, seg_aug = iaa.Fliplr(1.0)(image=img, heatmaps=hm, segmentation_maps=seg)
    assert hm_aug.shape == (32, 40) and np.allclose(hm_aug, hm[:, ::-1])
    assert seg_aug.shape == (32, 40) and np.array_equal(seg_aug, seg[:, ::-1])

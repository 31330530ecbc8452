"""Named regression tests for known failures of older augmentation libraries."""

from __future__ import annotations

import numpy as np
import pytest

from imgaug2.augmentables import normalization as nz
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.kps import Keypoint, KeypointsOnImage


def test_regression_keypoint_at_w_minus_half_is_inside_image():
    width = 10
    kpsoi = KeypointsOnImage([Keypoint(x=width - 0.5, y=3.0)], shape=(8, width, 3))
    assert not kpsoi.keypoints[0].is_out_of_image(kpsoi.shape)
    assert len(kpsoi.clip_out_of_image()) == 1
    # a horizontal flip maps x -> W - x; the flipped point (0.5) is inside as well
    xy = kpsoi.coords_xy()
    flipped = kpsoi.replace_coords(np.stack([width - xy[:, 0], xy[:, 1]], axis=1), kpsoi.shape)
    assert flipped.to_xy_array().tolist() == [[0.5, 3.0]]
    assert len(flipped.clip_out_of_image()) == 1
    assert len(flipped.remove_out_of_image_fraction(0.5)) == 1


def test_regression_labels_filtered_with_their_boxes():
    bbsoi = BoundingBoxesOnImage(
        [
            BoundingBox(20, 20, 30, 30, label="gone-1"),
            BoundingBox(1, 1, 4, 4, label="cat"),
            BoundingBox(-30, 0, -20, 5, label="gone-2"),
            BoundingBox(5, 5, 8, 8, label="dog"),
        ],
        shape=(10, 10, 3),
    )
    for filtered in (
        bbsoi.remove_out_of_image(),
        bbsoi.clip_out_of_image(),
        bbsoi.remove_out_of_image_fraction(0.9),
    ):
        assert filtered.labels == ["cat", "dog"]
        assert filtered.to_xyxy_array().tolist() == [[1, 1, 4, 4], [5, 5, 8, 8]]
        assert [bb.label for bb in filtered.bounding_boxes] == ["cat", "dog"]


def test_regression_hw0_image_stays_0_channel_through_normalization():
    image = np.zeros((4, 5, 0), dtype=np.uint8)
    rows = nz.normalize_images([image])
    assert rows[0].shape == (4, 5, 0)
    assert nz.invert_normalize_images(rows, [image])[0].shape == (4, 5, 0)
    batch = np.zeros((2, 4, 5, 0), dtype=np.float32)
    rows = nz.normalize_images(batch)
    assert [r.shape for r in rows] == [(4, 5, 0), (4, 5, 0)]
    back = nz.invert_normalize_images(rows, batch)
    assert isinstance(back, np.ndarray) and back.shape == (2, 4, 5, 0)
    kps = nz.normalize_keypoints([[(1, 1)]], [r.shape for r in rows[:1]])
    assert kps[0].shape == (4, 5, 0)


def test_regression_inverted_box_is_never_silently_swapped():
    with pytest.raises(ValueError, match="x2"):
        BoundingBox(x1=10, y1=0, x2=2, y2=5)
    with pytest.raises(ValueError, match="`bounding_boxes`"):
        nz.normalize_bounding_boxes([[(10, 0, 2, 5)]], [(10, 10)])


def test_regression_empty_annotations_round_trip():
    shapes = [(4, 4, 3), (4, 4, 3)]
    for kind in ("keypoints", "bounding_boxes", "polygons", "line_strings"):
        rows = getattr(nz, f"normalize_{kind}")([[], []], shapes)
        assert [len(r) for r in rows] == [0, 0]
        assert getattr(nz, f"invert_normalize_{kind}")(rows, [[], []]) == [[], []]


def test_regression_full_image_box_is_fully_within():
    assert BoundingBox(0, 0, 10, 8).is_fully_within_image((8, 10))
    assert BoundingBox(0, 0, 10, 8).clip_out_of_image((8, 10)).area == 80.0


def test_regression_heatmap_smaller_than_image_keeps_both_shapes():
    rows = nz.normalize_heatmaps(np.zeros((1, 4, 4, 1), np.float32), [(16, 16, 3)])
    assert rows[0].arr_0to1.shape == (4, 4, 1) and rows[0].shape == (16, 16, 3)
    rows = nz.normalize_segmentation_maps(np.zeros((1, 4, 4), np.int32), [(16, 16, 3)])
    assert rows[0].arr.shape == (4, 4, 1) and rows[0].shape == (16, 16, 3)

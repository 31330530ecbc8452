"""Tests for imgaug2.augmentables.batches."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from imgaug2.augmentables import Batch, UnnormalizedBatch
from imgaug2.augmentables.bbs import BoundingBox, BoundingBoxesOnImage
from imgaug2.augmentables.heatmaps import HeatmapsOnImage
from imgaug2.augmentables.kps import KeypointsOnImage
from imgaug2.augmentables.lines import LineStringsOnImage
from imgaug2.augmentables.polys import PolygonsOnImage
from imgaug2.augmentables.segmaps import SegmentationMapsOnImage

COLUMNS = [
    "images",
    "heatmaps",
    "segmentation_maps",
    "keypoints",
    "bounding_boxes",
    "polygons",
    "line_strings",
]


def _user_batch() -> UnnormalizedBatch:
    return UnnormalizedBatch(
        images=np.zeros((2, 8, 8, 3), dtype=np.uint8),
        heatmaps=np.zeros((2, 4, 4, 1), dtype=np.float32),
        segmentation_maps=np.zeros((2, 4, 4), dtype=np.uint8),
        keypoints=[[(1, 1)], [(2, 2), (3, 3)]],
        bounding_boxes=np.array([[[0, 0, 2, 2]], [[1, 1, 3, 3]]], dtype=np.float32),
        polygons=[[[(0, 0), (2, 0), (2, 2)]], []],
        line_strings=[[np.array([[0, 0], [3, 3]])], []],
        data={"ids": [1, 2]},
    )


class TestBatch:
    def test_attributes(self):
        images = [np.zeros((2, 2, 3), np.uint8)]
        batch = Batch(images=images, data="d")
        assert batch.images_unaug is images and batch.images_aug is None and batch.data == "d"
        for name in COLUMNS:
            assert hasattr(batch, f"{name}_unaug") and getattr(batch, f"{name}_aug") is None
        assert batch.get_column_names() == ["images"]
        assert batch.images is images  # deprecated alias
        assert batch.to_normalized_batch() is batch
        assert batch.nb_rows == 1 and Batch().nb_rows == 0
        assert "images" in repr(batch)

    def test_deepcopy(self):
        kps = [KeypointsOnImage([(1, 1)], shape=(4, 4))]
        batch = Batch(images=[np.zeros((4, 4), np.uint8)], keypoints=kps, data={"x": [1]})
        dup = batch.deepcopy()
        dup.images_unaug[0][0, 0] = 9
        dup.keypoints_unaug[0].keypoints[0].x = 3
        dup.data["x"].append(2)
        assert (
            batch.images_unaug[0][0, 0] == 0
            and kps[0].keypoints[0].x == 1.0
            and batch.data == {"x": [1]}
        )
        replaced = batch.deepcopy(images_aug=["new"])
        assert replaced.images_aug == ["new"] and batch.images_aug is None
        with pytest.raises(ValueError, match="`nonsense`"):
            batch.deepcopy(nonsense=1)

    def test_fill_from_augmented(self):
        batch = Batch(images=[np.zeros((2, 2), np.uint8)])
        aug = batch.deepcopy()
        aug.images_aug = [np.ones((2, 2), np.uint8)]
        aug.data = "changed"
        filled = batch.fill_from_augmented_normalized_batch(aug)
        assert (
            filled.images_aug[0].sum() == 4
            and filled.data == "changed"
            and batch.images_aug is None
        )

    def test_pickle(self):
        batch = Batch(
            images=[np.zeros((2, 2), np.uint8)],
            bounding_boxes=[BoundingBoxesOnImage([BoundingBox(0, 0, 1, 1, label="l")], (2, 2))],
            data=[1],
        )
        loaded = pickle.loads(pickle.dumps(batch))
        assert loaded.bounding_boxes_unaug[0].labels == ["l"] and loaded.data == [1]


class TestUnnormalizedBatch:
    def test_to_normalized_batch(self):
        norm = _user_batch().to_normalized_batch()
        assert isinstance(norm, Batch) and norm.get_column_names() == COLUMNS
        assert len(norm.images_unaug) == 2
        assert isinstance(norm.heatmaps_unaug[0], HeatmapsOnImage) and norm.heatmaps_unaug[
            0
        ].shape == (8, 8, 3)
        assert isinstance(norm.segmentation_maps_unaug[1], SegmentationMapsOnImage)
        assert (
            isinstance(norm.keypoints_unaug[1], KeypointsOnImage)
            and len(norm.keypoints_unaug[1]) == 2
        )
        assert isinstance(norm.bounding_boxes_unaug[0], BoundingBoxesOnImage)
        assert (
            isinstance(norm.polygons_unaug[0], PolygonsOnImage) and len(norm.polygons_unaug[1]) == 0
        )
        assert isinstance(norm.line_strings_unaug[0], LineStringsOnImage)
        assert norm.data == {"ids": [1, 2]}

    def test_round_trip_restores_formats(self):
        batch = _user_batch()
        norm = batch.to_normalized_batch()
        for name in COLUMNS:
            setattr(norm, f"{name}_aug", getattr(norm, f"{name}_unaug"))
        out = batch.fill_from_augmented_normalized_batch(norm)
        assert out is not batch and batch.images_aug is None
        assert isinstance(out.images_aug, np.ndarray) and out.images_aug.shape == (2, 8, 8, 3)
        assert out.heatmaps_aug.shape == (2, 4, 4, 1) and out.heatmaps_aug.dtype == np.float32
        assert (
            out.segmentation_maps_aug.shape == (2, 4, 4)
            and out.segmentation_maps_aug.dtype == np.uint8
        )
        assert out.keypoints_aug == [[(1.0, 1.0)], [(2.0, 2.0), (3.0, 3.0)]]
        assert out.bounding_boxes_aug.dtype == np.float32 and out.bounding_boxes_aug.shape == (
            2,
            1,
            4,
        )
        assert out.polygons_aug == [[[(0.0, 0.0), (2.0, 0.0), (2.0, 2.0)]], []]
        assert isinstance(out.line_strings_aug[0][0], np.ndarray) and out.line_strings_aug[1] == []
        assert out.images_unaug is batch.images_unaug

    def test_in_place_fill_and_partial_columns(self):
        batch = UnnormalizedBatch(keypoints=[KeypointsOnImage([(1, 1)], shape=(4, 4))])
        norm = batch.to_normalized_batch()
        assert norm.get_column_names() == ["keypoints"]
        norm.keypoints_aug = [norm.keypoints_unaug[0].shift(x=1)]
        assert batch.fill_from_augmented_normalized_batch_(norm) is batch
        assert batch.keypoints_aug[0].to_xy_array().tolist() == [[2, 1]]
        assert batch.images_aug is None
        with pytest.raises(ValueError, match="`keypoints_aug`"):
            batch.to_normalized_batch()

    def test_errors_name_argument(self):
        with pytest.raises(ValueError, match="`keypoints`"):
            UnnormalizedBatch(keypoints=[[(1, 1)]]).to_normalized_batch()
        with pytest.raises(ValueError, match="`keypoints`.*`images`"):
            UnnormalizedBatch(
                images=np.zeros((2, 4, 4, 3), np.uint8), keypoints=[[(1, 1)]]
            ).to_normalized_batch()

    def test_pickle(self):
        loaded = pickle.loads(pickle.dumps(_user_batch()))
        assert loaded.keypoints_unaug == [[(1, 1)], [(2, 2), (3, 3)]]
        norm = pickle.loads(pickle.dumps(_user_batch().to_normalized_batch()))
        assert len(norm.keypoints_unaug[1]) == 2

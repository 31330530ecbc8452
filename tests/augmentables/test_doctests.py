"""Run the docstring examples of the augmentable modules and imgaug_utils."""

from __future__ import annotations

import doctest
import importlib

import numpy as np
import pytest

MODULES = [
    "imgaug2.imgaug_utils",
    "imgaug2.augmentables",
    "imgaug2.augmentables._imageops",
    "imgaug2.augmentables._checks",
    "imgaug2.augmentables._bbox",
    "imgaug2.augmentables._utils",
    "imgaug2.augmentables._draw",
    "imgaug2.augmentables._bbs_ops",
    "imgaug2.augmentables._geom",
    "imgaug2.augmentables._coordbase",
    "imgaug2.augmentables._normalization_coords",
    "imgaug2.augmentables.kps",
    "imgaug2.augmentables.bbs",
    "imgaug2.augmentables.polys",
    "imgaug2.augmentables.lines",
    "imgaug2.augmentables.heatmaps",
    "imgaug2.augmentables.segmaps",
    "imgaug2.augmentables.normalization",
    "imgaug2.augmentables.batches",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(
        module, extraglobs={"np": np}, optionflags=doctest.ELLIPSIS, report=False
    )
    assert result.failed == 0, f"{result.failed} docstring example(s) failed in {name}"


@pytest.mark.parametrize("name", MODULES)
def test_public_names_declared(name):
    module = importlib.import_module(name)
    assert isinstance(module.__all__, list)
    for public in module.__all__:
        assert hasattr(module, public), f"{name}.__all__ lists missing name {public}"

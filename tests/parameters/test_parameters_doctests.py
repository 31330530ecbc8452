"""The docstring examples of imgaug2.parameters run as written."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["imgaug2.parameters", "imgaug2.parameters.base", "imgaug2.parameters.discrete",
           "imgaug2.parameters.continuous", "imgaug2.parameters.arithmetic",
           "imgaug2.parameters.noise", "imgaug2.parameters.handles"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0

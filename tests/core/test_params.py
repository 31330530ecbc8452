"""Params records: the fast slot-setting constructor keeps the dataclass contract."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import numpy as np
import pytest

from imgaug2.core.params import Params, params_from_json, params_to_json


@dataclass(frozen=True, slots=True, kw_only=True)
class _ProbeParams(Params):
    size: int
    matrix: np.ndarray = field(default_factory=lambda: np.eye(2))
    name: str = "x"


def test_fast_init_keeps_signature_defaults_factories_and_freezing():
    a = _ProbeParams(size=3)
    b = _ProbeParams(size=4, name="y", applied=False)
    assert (a.applied, a.size, a.name) == (True, 3, "x")
    assert (b.applied, b.size, b.name) == (False, 4, "y")
    np.testing.assert_array_equal(a.matrix, np.eye(2))
    assert a.matrix is not b.matrix  # a fresh default per instance
    with pytest.raises(TypeError):
        _ProbeParams()  # required field missing
    with pytest.raises(TypeError):
        _ProbeParams(3)  # keyword-only
    with pytest.raises(TypeError):
        _ProbeParams(size=1, colour=2)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.size = 5
    # the generated slot-setting __init__ replaced the dataclass one
    assert "_s0" in _ProbeParams.__init__.__code__.co_names


def test_fast_init_round_trips_through_json():
    p = _ProbeParams(size=7, matrix=np.arange(4.0).reshape(2, 2), name="z")
    q = params_from_json(params_to_json(p))
    assert type(q) is _ProbeParams and (q.size, q.name) == (7, "z")
    np.testing.assert_array_equal(q.matrix, p.matrix)

"""Behaviour every parameter shares: determinism, shapes, serialisation, pickling."""

from __future__ import annotations

import copy
import json
import pickle
import threading

import numpy as np
import pytest

import imgaug2.parameters as iap
import imgaug2.random as iarandom
from imgaug2.core.registry import decode_value, lookup, registered_names
from tests.parameters.param_catalogue import SPATIAL, all_examples, catalogue, sample_size

EXAMPLES = all_examples()
IDS = ["%s-%d" % (name, i) for i, (name, _) in enumerate(EXAMPLES)]


def _gen(seed: int = 7) -> np.random.Generator:
    return iarandom.new_generator(iarandom.Key(seed))


def _own_registered() -> set[str]:
    return {n for n in registered_names("parameter")
            if lookup("parameter", n).__module__.startswith("imgaug2.parameters")}


def test_catalogue_covers_every_registered_parameter():
    assert _own_registered() == set(catalogue())


def test_all_exports_exist():
    for name in iap.__all__:
        assert hasattr(iap, name), name


@pytest.mark.parametrize("name,param", EXAMPLES, ids=IDS)
def test_same_state_same_samples(name, param):
    size = sample_size(name, param)
    a = param.draw_samples(size, _gen(3))
    b = param.draw_samples(size, _gen(3))
    assert a.shape == size
    np.testing.assert_array_equal(a, b)
    assert a.dtype == b.dtype


@pytest.mark.parametrize("name,param", EXAMPLES, ids=IDS)
def test_random_state_kinds(name, param):
    size = sample_size(name, param)
    by_int = param.draw_samples(size, 11)
    by_key = param.draw_samples(size, iarandom.Key(11))
    np.testing.assert_array_equal(by_int, by_key)
    # None uses the global generator and must simply work.
    assert param.draw_samples(size).shape == size
    assert param.draw_samples(size, np.random.RandomState(0)).shape == size


@pytest.mark.parametrize("name,param", [e for e in EXAMPLES if e[0] not in SPATIAL],
                         ids=[i for i, e in zip(IDS, EXAMPLES) if e[0] not in SPATIAL])
def test_draw_sample_matches_draw_samples(name, param):
    for seed in range(5):
        g1, g2 = _gen(seed), _gen(seed)
        one = param.draw_sample(g1)
        arr = param.draw_samples((1,), g2)
        assert arr.shape == (1,)
        assert np.isscalar(one) or isinstance(one, np.generic)
        if isinstance(one, float) and np.isnan(one):
            assert np.isnan(arr[0])
        else:
            assert one == arr[0]
        assert np.asarray(one).dtype == arr.dtype, (one, arr)
        # Both leave the generator in the same state.
        assert g1.random() == g2.random()


@pytest.mark.parametrize("name,param", [e for e in EXAMPLES if e[0] not in SPATIAL],
                         ids=[i for i, e in zip(IDS, EXAMPLES) if e[0] not in SPATIAL])
@pytest.mark.parametrize("size", [3, (2, 3), (2, 1, 3), (0,), (3, 0)])
def test_shapes(name, param, size):
    if name == "Choice" and not param.replace:
        size = (2,) if size == 3 else ((0,) if 0 in np.atleast_1d(size) else (1, 2))
    out = param.draw_samples(size, _gen())
    expected = (size,) if isinstance(size, int) else tuple(size)
    assert isinstance(out, np.ndarray)
    assert out.shape == expected


def test_consecutive_draws_differ():
    g = _gen()
    p = iap.Uniform(0, 1)
    assert not np.array_equal(p.draw_samples(10, g), p.draw_samples(10, g))


def test_different_seeds_differ():
    p = iap.Normal(0, 1)
    assert not np.array_equal(p.draw_samples(10, 1), p.draw_samples(10, 2))


@pytest.mark.parametrize("bad", [-1, (2, -1), 2.5, "3", (2, 2.0), True, None])
def test_bad_sizes(bad):
    with pytest.raises((TypeError, ValueError), match="size"):
        iap.Uniform(0, 1).draw_samples(bad, 0)


def test_absurd_size_refused_before_allocating():
    with pytest.raises(ValueError, match="size"):
        iap.Uniform(0, 1).draw_samples((1 << 20, 1 << 20), 0)


def test_bad_random_state():
    with pytest.raises(TypeError):
        iap.Uniform(0, 1).draw_samples(3, "seed")


def test_nested_inner_drawn_once_per_call():
    p = iap.Normal(iap.Uniform(-100, 100), 0.001)
    s = p.draw_samples(1000, _gen())
    assert s.std() < 0.01
    means = [p.draw_samples(10, 100 + i).mean() for i in range(20)]
    assert np.std(means) > 10


def test_nesting_clip_normal_uniform():
    p = iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0)
    g = _gen()
    all_samples = np.concatenate([p.draw_samples(200, g) for _ in range(50)])
    assert all_samples.min() >= 0.1 and all_samples.max() <= 3.0
    assert 0.8 < all_samples.mean() < 1.2
    assert 0.25 < all_samples.std() < 0.4  # uniform means (0.29) + normal noise (0.1)


def test_arithmetic_operators():
    u = iap.Uniform(1, 2)
    cases = [
        (u + 1, lambda s: s + 1), (1 + u, lambda s: 1 + s),
        (u - 1, lambda s: s - 1), (1 - u, lambda s: 1 - s),
        (u * 3, lambda s: s * 3), (3 * u, lambda s: 3 * s),
        (u / 2, lambda s: s / 2), (2 / u, lambda s: 2 / s),
        (u ** 2, lambda s: s ** 2), (2 ** u, lambda s: 2 ** s),
        (-u, lambda s: -s), (abs(-u), lambda s: s),
    ]
    for param, ref in cases:
        base = u.draw_samples(50, _gen(5))
        np.testing.assert_allclose(param.draw_samples(50, _gen(5)), ref(base), rtol=1e-12)
    assert isinstance(u + 1, iap.Add) and isinstance(1 - u, iap.Subtract)
    assert isinstance(u * u, iap.Multiply) and isinstance(u / u, iap.Divide)
    assert isinstance(u ** u, iap.Power) and isinstance(-u, iap.Multiply)
    assert isinstance(abs(u), iap.Absolute) and +u is u


def test_parameter_with_parameter_arithmetic():
    a, b = iap.Deterministic(3), iap.Deterministic(4)
    assert (a + b).draw_samples(2).tolist() == [7, 7]
    assert (a - b).draw_samples(2).tolist() == [-1, -1]
    assert (a * b).draw_samples(2).tolist() == [12, 12]
    assert (a / b).draw_samples(2).tolist() == [0.75, 0.75]
    assert (a ** b).draw_samples(2).tolist() == [81, 81]


@pytest.mark.parametrize("other", ["a", [1, 2], None, float("nan"), object()])
def test_arithmetic_with_unsupported_operands(other):
    with pytest.raises(TypeError):
        iap.Uniform(0, 1) + other  # noqa: B018
    with pytest.raises(TypeError):
        other * iap.Uniform(0, 1)  # noqa: B018


@pytest.mark.parametrize("name,param", EXAMPLES, ids=IDS)
def test_to_dict_round_trip(name, param):
    data = param.to_dict()
    assert data["__parameter__"] == name
    assert data["version"] == 1
    text = json.dumps(data)
    rebuilt = decode_value(json.loads(text))
    assert type(rebuilt) is type(param)
    assert rebuilt.to_dict() == data
    size = sample_size(name, param)
    np.testing.assert_array_equal(rebuilt.draw_samples(size, _gen(9)),
                                  param.draw_samples(size, _gen(9)))
    assert type(param).from_dict(data).to_dict() == data


def test_from_dict_errors():
    with pytest.raises(ValueError, match="Nope"):
        decode_value({"__parameter__": "Nope", "args": {}})
    with pytest.raises(ValueError, match="bogus"):
        decode_value({"__parameter__": "Uniform", "args": {"a": 0, "b": 1, "bogus": 2}})
    with pytest.raises(ValueError, match="scale"):
        decode_value({"__parameter__": "Normal", "args": {"loc": 0, "scale": -1}})
    with pytest.raises(ValueError, match="version"):
        decode_value({"__parameter__": "Normal", "version": 99, "args": {}})
    with pytest.raises(ValueError, match="__parameter__"):
        iap.Normal.from_dict(iap.Uniform(0, 1).to_dict())


def test_unregistered_subclass_cannot_serialise():
    class Mine(iap.Deterministic):
        pass

    with pytest.raises(TypeError, match="not registered"):
        Mine(3).to_dict()


@pytest.mark.parametrize("name,param", EXAMPLES, ids=IDS)
def test_pickle_and_copy_round_trip(name, param):
    size = sample_size(name, param)
    expected = param.draw_samples(size, _gen(4))
    for clone in (pickle.loads(pickle.dumps(param)), copy.copy(param), param.deepcopy()):
        np.testing.assert_array_equal(clone.draw_samples(size, _gen(4)), expected)


def test_immutable():
    p = iap.Normal(0, 1)
    with pytest.raises(AttributeError):
        p.loc = iap.Deterministic(3)
    with pytest.raises(AttributeError):
        del p.scale
    q = pickle.loads(pickle.dumps(p))
    with pytest.raises(AttributeError):
        q.loc = 1


def test_config_is_not_aliased_to_caller_lists():
    values = [1, 2, 3]
    p = iap.Choice(values)
    values.append(4)
    assert p.to_dict()["args"]["a"] == [1, 2, 3]
    assert set(p.draw_samples(200, 0).tolist()) == {1, 2, 3}


def test_repr():
    p = iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0)
    assert repr(p) == ("Clip(other_param=Normal(loc=Uniform(a=0.5, b=1.5), scale=0.1), "
                       "minval=0.1, maxval=3.0)")
    assert str(iap.Deterministic(2)) == "Deterministic(2)"
    for _, param in EXAMPLES:
        assert type(param).__name__ in repr(param)


def test_thread_safety_with_own_generators():
    p = iap.Clip(iap.Normal(iap.Uniform(0.5, 1.5), 0.1), 0.1, 3.0) * iap.Choice([1, 2])
    expected = [p.draw_samples(64, _gen(i)) for i in range(16)]
    results: dict[int, np.ndarray] = {}

    def work(i: int) -> None:
        for _ in range(20):
            results[i] = p.draw_samples(64, _gen(i))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i in range(16):
        np.testing.assert_array_equal(results[i], expected[i])


def test_generator_for_key_reproduces():
    p = iap.Uniform(0, 1)
    key = iarandom.Key(5).fold_in("row").fold_in(3)
    a = p.draw_sample(iarandom.generator_for(key))
    b = p.draw_sample(iarandom.generator_for(key))
    assert a == b


def test_global_generator_follows_seed():
    state = iarandom.get_state()
    try:
        iarandom.seed(123)
        a = iap.Uniform(0, 1).draw_samples(5)
        iarandom.seed(123)
        b = iap.Uniform(0, 1).draw_samples(5)
    finally:
        iarandom.set_state(state)
    np.testing.assert_array_equal(a, b)

"""imgaug2.random: keys, folding, generators, global root, process salts."""

import os
import pickle
import subprocess
import sys

import numpy as np
import pytest

import imgaug2 as ia
import imgaug2.random as iarandom
from imgaug2.random import Key


def test_key_is_immutable_value():
    k = Key(5)
    k2 = k.fold_in(3)
    assert k.path == () and k2.path == (3,)
    assert k2 == Key(5, (3,)) and hash(k2) == hash(Key(5, (3,)))
    with pytest.raises((AttributeError, TypeError)):
        k.entropy = 4  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(k2)) == k2
    assert Key.from_json(k2.to_json()) == k2


def test_fold_in_items_are_distinct_and_stable():
    k = Key(1)
    items = [0, 1, 2**64 - 1, 2**64, -1, "a", "b", b"a", (0, 1), (1, 0), ("a",), True]
    words = {k.fold_in(i).words for i in items}
    assert len(words) == len(items)
    # stable across processes (no salted hash()):
    code = "import imgaug2.random as r; print(r.Key(1).fold_in('a').fold_in((3, 'x')).words)"
    env = dict(os.environ, PYTHONHASHSEED="123")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         check=True).stdout.strip()
    assert out == str(Key(1).fold_in("a").fold_in((3, "x")).words)


def test_fold_in_rejects_floats():
    with pytest.raises(TypeError):
        Key(1).fold_in(1.5)


def test_generator_for_matches_new_generator_and_is_pure():
    k = Key(9).fold_in("x")
    a = iarandom.generator_for(k).random(5)
    b = iarandom.new_generator(k).random(5)
    c = iarandom.generator_for(k).random(5)
    assert np.array_equal(a, b) and np.array_equal(a, c)
    assert not np.array_equal(a, iarandom.generator_for(k.fold_in(0)).random(5))


def test_key_from_accepts_seed_likes():
    assert iarandom.key_from(5) == Key(5)
    g1, g2 = np.random.default_rng(3), np.random.default_rng(3)
    assert iarandom.key_from(g1) == iarandom.key_from(g2)
    assert isinstance(iarandom.key_from(np.random.RandomState(1)), Key)
    assert isinstance(iarandom.key_from(np.random.SeedSequence(1)), Key)
    with pytest.raises(ValueError):
        iarandom.key_from(-1)
    with pytest.raises(TypeError):
        iarandom.key_from("seed")
    with pytest.raises(TypeError):
        iarandom.key_from(True)


def test_global_seed_resets_construction_keys():
    ia.seed(10)
    a = [iarandom.next_construction_key() for _ in range(3)]
    ia.seed(10)
    b = [iarandom.next_construction_key() for _ in range(3)]
    assert a == b and len(set(a)) == 3
    state = iarandom.get_state()
    x = iarandom.next_construction_key()
    iarandom.set_state(state)
    assert iarandom.next_construction_key() == x
    with pytest.raises(ValueError):
        ia.seed(-3)
    with pytest.raises(TypeError):
        ia.seed(1.5)


def test_lazy_generator_only_builds_when_used(monkeypatch):
    calls = []
    real = iarandom.generator_for
    monkeypatch.setattr(iarandom, "generator_for", lambda k: calls.append(k) or real(k))
    lazy = iarandom.LazyGenerator(Key(1))
    assert not calls
    v = lazy.random()
    assert len(calls) == 1 and v == iarandom.new_generator(Key(1)).random()


def test_process_salt_is_none_in_main_process():
    assert iarandom.process_salt() is None


def _salt_in_child(q):
    import imgaug2.random as r
    q.put(r.process_salt())


def test_process_salt_differs_per_pool_worker():
    import multiprocessing as mp
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        salts = set(pool.map(_salt_worker, range(8)))
    assert None not in salts and len(salts) >= 1
    q = ctx.Queue()
    procs = [ctx.Process(target=_salt_in_child, args=(q,)) for _ in range(2)]
    for p in procs:
        p.start()
    got = [q.get(timeout=30) for _ in procs]
    for p in procs:
        p.join()
    assert got[0] != got[1]


def _salt_worker(_):
    return iarandom.process_salt()


def test_lazy_generator_with_call_number_derives_the_row_key_only_on_use(monkeypatch):
    calls = []
    real = iarandom.generator_for
    monkeypatch.setattr(iarandom, "generator_for", lambda k: calls.append(k) or real(k))
    root = Key(5).fold_in("aug")
    lazy = iarandom.LazyGenerator(root, 12)
    assert not calls
    v = lazy.integers(0, 1 << 30, size=4)
    assert calls == [root.fold_in_ints(12, 0)]
    np.testing.assert_array_equal(
        v, iarandom.new_generator(root.fold_in(12).fold_in(0)).integers(0, 1 << 30, size=4))
    lazy.random()  # the same generator keeps advancing, no second re-key
    assert len(calls) == 1


def test_check_key_item_accepts_exactly_what_fold_in_accepts():
    from imgaug2.random import Key, check_key_item
    root = Key(3)
    items = [0, 7, -1, 2 ** 70, "s", b"b", True, np.int32(4), np.uint64(2 ** 63), (1, 2),
             (1, "a", (b"x", -3)), [1, 2], ("a", [1, (2,)]), (), 1.5, np.float32(1),
             (1, 2.0), None, {"a": 1}, object(), (1, None), np.array([1]), complex(1, 2)]
    for item in items:
        try:
            root.fold_in(item)
            ok = True
        except TypeError:
            ok = False
        if ok:
            check_key_item(item)
        else:
            with pytest.raises(TypeError):
                check_key_item(item)


def test_lazy_sample_key_generator_is_the_folded_keys_generator():
    from imgaug2.random import Key, LazyGenerator, generator_for
    root = Key(11).fold_in("sample-key")
    for item in [5, (0, 3), "k", (1, ("a", b"z"))]:
        want = generator_for(root.fold_in(item)).random(4)
        got = LazyGenerator(root, None, item).random(4)
        assert np.array_equal(want, got)

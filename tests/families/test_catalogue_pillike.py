"""Every public ``iaa.pillike`` augmenter has a catalogue entry named ``pillike.<Class>``.

``test_catalogue_complete`` walks ``iaa.__all__`` only; ``iaa.pillike`` is a
submodule (as in imgaug), so its classes are checked here.
"""

import functools
import inspect

import imgaug2.augmenters as iaa
from imgaug2.core.base import Augmenter
from imgaug2.core.registry import lookup
from tests.catalogue import ENTRIES


def pillike_augmenters() -> dict:
    out = {}
    for name in iaa.pillike.__all__:
        obj = getattr(iaa.pillike, name)
        if inspect.isclass(obj) and issubclass(obj, Augmenter) and obj is not Augmenter:
            out[name] = obj
    return out


def test_every_pillike_augmenter_has_an_entry():
    names = {e.name for e in ENTRIES}
    missing = sorted("pillike." + n for n in pillike_augmenters() if "pillike." + n not in names)
    assert not missing, "pillike augmenters without a catalogue entry: %s" % missing


def test_pillike_entries_build_the_named_class():
    for e in ENTRIES:
        if not e.name.startswith("pillike."):
            continue
        cls = functools.reduce(getattr, e.name.split("."), iaa)
        for which in ("default", "extreme"):
            aug = e.build(which)
            assert type(aug) is cls, (e.name, which, type(aug))


def test_pillike_augmenters_are_registered_under_dotted_names():
    for name, cls in pillike_augmenters().items():
        assert cls._registry_name == "pillike." + name
        assert lookup("augmenter", "pillike." + name) is cls

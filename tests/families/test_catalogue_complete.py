"""Every public augmenter has a catalogue entry; exclusions stay under 5% per family."""

import functools
import inspect

import imgaug2.augmenters as iaa
from imgaug2.core.base import Augmenter
from imgaug2.core.registry import registered_names
from tests.catalogue import ENTRIES

FAMILIES = ("conformance", "determinism", "replay", "invariance", "dtypes", "serialisation",
            "geometry", "threads", "fuzz", "extremes")


def public_augmenters():
    out = {}
    for name in iaa.__all__:
        obj = getattr(iaa, name)
        if inspect.isclass(obj) and issubclass(obj, Augmenter) and obj is not Augmenter:
            out[name] = obj
    return out


def test_every_public_augmenter_has_an_entry():
    names = {e.name for e in ENTRIES}
    missing = sorted(set(public_augmenters()) - names)
    assert not missing, "augmenters without a catalogue entry: %s" % missing


def test_entries_build_the_named_class():
    for e in ENTRIES:
        cls = functools.reduce(getattr, e.name.split("."), iaa)
        for which in ("default", "extreme"):
            aug = e.build(which)
            assert type(aug) is cls, (e.name, which, type(aug))


def test_every_public_augmenter_is_registered():
    registered = set(registered_names("augmenter"))
    for name, cls in public_augmenters().items():
        assert cls._registry_name in registered, name


def test_exclusions_stay_under_five_percent():
    for family in FAMILIES:
        excluded = [e.name for e in ENTRIES if family in e.exclude]
        assert len(excluded) <= max(1, int(0.05 * len(ENTRIES))), (family, excluded)
        for e in ENTRIES:
            if family in e.exclude:
                assert e.exclude[family].strip(), (e.name, family)

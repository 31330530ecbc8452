"""All augmenters (``import imgaug2.augmenters as iaa``).

Each family lives in its own module and is imported on first use (``iaa.Affine``
loads ``imgaug2.augmenters.geometric``), so ``import imgaug2.augmenters`` stays
cheap. ``_index.py`` maps every public name to its family; a test keeps it equal
to the families' ``__all__``. ``iaa.pillike`` is a submodule, as in imgaug.
"""

from __future__ import annotations

import importlib
from typing import Any

from imgaug2.augmenters._index import FAMILIES, INDEX
from imgaug2.core.base import Augmenter
from imgaug2.core.serialize import from_dict, load, save

__all__ = sorted(set(INDEX) | {"Augmenter", "from_dict", "load", "save", "pillike",
                               "load_all_families"})


def __getattr__(name: str) -> Any:
    if name == "pillike":
        module = importlib.import_module("imgaug2.augmenters.pillike")
        globals()["pillike"] = module
        return module
    family = INDEX.get(name)
    if family is None:
        raise AttributeError("module 'imgaug2.augmenters' has no attribute %r" % name)
    value = getattr(importlib.import_module("imgaug2.augmenters." + family), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return list(__all__)


def load_all_families() -> None:
    """Import every family (registers every augmenter for loading by name)."""
    for family in FAMILIES:
        importlib.import_module("imgaug2.augmenters." + family)
    importlib.import_module("imgaug2.augmenters.pillike")

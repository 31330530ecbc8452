"""All augmenters (``import imgaug2.augmenters as iaa``).

Each family lives in its own module; this package re-exports every name in
their ``__all__``. ``iaa.pillike`` stays a submodule, as in imgaug.
"""

from __future__ import annotations

import importlib

from imgaug2.core.base import Augmenter
from imgaug2.core.serialize import from_dict, load, save

_FAMILIES = ("meta", "flip", "geometric", "size", "arithmetic", "blur", "color", "contrast",
             "convolutional", "edges", "pooling", "recorded")

__all__ = ["Augmenter", "from_dict", "load", "save", "pillike"]

for _family in _FAMILIES:
    _module = importlib.import_module("imgaug2.augmenters." + _family)
    for _name in _module.__all__:
        globals()[_name] = getattr(_module, _name)
        __all__.append(_name)

from imgaug2.augmenters import pillike  # noqa: E402

__all__ = sorted(set(__all__))

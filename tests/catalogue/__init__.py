"""The conformance catalogue: every public augmenter with a default and an extreme setup.

Each family module (``catalogue/<family>.py``) defines ``ENTRIES``. Adding an
augmenter means adding one :class:`Entry` to its family's module; every test
family in ``tests/families`` then runs over it. An exclusion names the test
family and the reason.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable

__all__ = ["Entry", "ENTRIES", "entry_ids", "by_name"]


@dataclass
class Entry:
    """One augmenter in the catalogue.

    Attributes:
        name: Attribute name in ``imgaug2.augmenters`` (aliases get their own entry).
        default: Builds the augmenter with default-like parameters: ``f(seed) -> aug``.
        extreme: Builds it with extreme but valid parameters: ``f(seed) -> aug``.
        random: Different seeds give different outputs (False for deterministic ones).
        geometry: None (pixel-only), "exact" (flip/rot90/crop/pad/int resize),
            "affine" (affine family, perspective, any resize) or "smooth"
            (elastic, piecewise, distortions).
        changes_shape: Output image shape may differ from the input's.
        exclude: test family -> reason, for justified exclusions.
        image_only: the augmenter only supports images (no other targets).
    """

    name: str
    default: Callable[[int], Any]
    extreme: Callable[[int], Any]
    random: bool = True
    geometry: str | None = None
    changes_shape: bool = False
    exclude: dict[str, str] = field(default_factory=dict)
    image_only: bool = False

    def build(self, which: str = "default", seed: int = 1) -> Any:
        return (self.default if which == "default" else self.extreme)(seed)


def _collect() -> list[Entry]:
    out: list[Entry] = []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module("%s.%s" % (__name__, info.name))
        out.extend(getattr(module, "ENTRIES", []))
    return out


ENTRIES: list[Entry] = _collect()


def entry_ids(entries: list[Entry]) -> list[str]:
    return [e.name for e in entries]


def by_name(name: str) -> Entry:
    for e in ENTRIES:
        if e.name == name:
            return e
    raise KeyError(name)


def excluded(entry: Entry, family: str) -> str | None:
    return entry.exclude.get(family)

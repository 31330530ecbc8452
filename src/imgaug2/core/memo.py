"""Per-shape memo of the Params of augmenter configurations that draw nothing.

An augmenter whose parameters are all constant produces the same Params for
every row of a given shape; building them (drawing constants, resolving sizes,
constructing the record) can cost more than a small kernel. ``ShapeMemo``
remembers them per shape, and whether the configuration is constant at all.
"""

from __future__ import annotations

from typing import Any

from imgaug2.core.params import Params

__all__ = ["ShapeMemo", "NOT_CONSTANT"]

#: Returned by ``_constant_params`` when the configuration draws: rows are sampled.
NOT_CONSTANT = Params(applied=False)

_MAX_SHAPES = 64  # bounded: one entry per image shape seen


class ShapeMemo:
    """Mixin (listed before ``Augmenter``) memoising constant Params per image shape.

    A subclass implements ``_constant_params(shape)`` (the row's Params, or
    ``NOT_CONSTANT`` when the configuration draws) and starts ``_sample`` with::

        params = self._memoised(shape)
        if params is not None:
            return params

    Assigning any attribute (in ``__init__`` or later) starts a fresh memo, so a
    replaced parameter is never answered with stale Params; copies and pickles
    start empty too. The memo holds frozen Params only.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Resize(0.5)
        >>> aug(image=__import__("numpy").zeros((8, 8, 3), "uint8")).shape
        (4, 4, 3)
    """

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        self.__dict__["_memo"] = {}

    def __getstate__(self) -> dict:
        # Kernels may recognise memoised Params by identity, which a copy would not keep.
        state = dict(self.__dict__)
        state["_memo"] = {}
        return state

    def _constant_params(self, shape: tuple) -> Params:
        raise NotImplementedError

    def _memoised(self, shape: tuple) -> Params | None:
        """The memoised Params for ``shape``, or None if the configuration draws."""
        memo = self.__dict__.get("_memo")
        if memo is None:
            memo = self.__dict__["_memo"] = {}
        params = memo.get(shape)
        if params is None:
            params = self._constant_params(shape)
            if len(memo) > _MAX_SHAPES:
                memo.clear()
            memo[shape] = params
        return None if params is NOT_CONSTANT else params

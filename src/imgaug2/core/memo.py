"""Per-shape memo of constant configurations, and the image plans built from it.

An augmenter whose parameters are all constant produces the same Params for
every row of a given shape; building them (drawing constants, resolving sizes,
constructing the record) can cost more than a small kernel. ``ShapeMemo``
remembers them per shape, and whether the configuration is constant at all.

For such configurations the single-image call ``aug(image=img)`` has nothing
left to decide once an image of a given shape and dtype has gone through the
general path: the output is a fixed function of the input. ``ShapeMemo`` keeps
that function (a *plan*) per shape, and ``Augmenter.__call__`` runs it directly,
so a flip or a crop costs little more than the OpenCV/numpy call it is made of.
A plan is exactly what the lean path would compute (tested per augmenter); it
is only built after that path has succeeded for the shape, so every check and
error still happens there first.
"""

from __future__ import annotations

from typing import Any, Callable

import numpy as np

from imgaug2.core.params import Params

__all__ = ["ShapeMemo", "NOT_CONSTANT", "fresh_output", "remember_plan", "run_plans"]

#: Returned by ``_constant_params`` when the configuration draws: rows are sampled.
NOT_CONSTANT = Params(applied=False)

_MAX_SHAPES = 64  # bounded: one entry per image shape seen

Plan = Callable[[np.ndarray], np.ndarray]


def fresh_output(result: np.ndarray, image: np.ndarray) -> np.ndarray:
    """``result`` as an array that shares no memory with ``image`` and is C-contiguous."""
    base = result.base
    if result is image or (base is not None and (
            base is image or base is image.base or np.may_share_memory(result, image))):
        return np.array(result, copy=True, order="C")
    if not result.flags.c_contiguous:
        return np.ascontiguousarray(result)
    return result


def _copy_c(image: np.ndarray) -> np.ndarray:
    return np.array(image, copy=True, order="C")


class ShapeMemo:
    """Mixin (listed before ``Augmenter``) memoising constant Params per image shape.

    A subclass implements ``_sample_shape(rng, shape)`` (the drawing path, used
    for rows the memo cannot answer) and ``_constant_params(shape)`` (the row's
    Params, or ``NOT_CONSTANT`` when the configuration draws; that answer must
    not depend on the shape). ``ShapeMemo._sample`` answers from the memo first.
    A base whose ``_sample`` does more (e.g. checks) and then delegates to another
    method names that method in ``_memo_hook`` and sets it to ``ShapeMemo._sample``.

    It may also implement ``_image_plan(params, image)``: a function computing
    ``_augment_image(image, params)`` for any image of this shape and dtype as a
    new C-contiguous array, or None for the generic plan (which calls
    ``_augment_image``). It must be defined on the class that defines
    ``_augment_image``, so a subclass overriding the kernel never gets a plan
    that bypasses it.

    Assigning any attribute (in ``__init__`` or later) starts a fresh memo and
    fresh plans, so a replaced parameter is never answered with stale Params;
    copies and pickles start empty too. The memo holds frozen Params only.

    Example:
        >>> import imgaug2.augmenters as iaa
        >>> aug = iaa.Resize(0.5)
        >>> aug(image=__import__("numpy").zeros((8, 8, 3), "uint8")).shape
        (4, 4, 3)
    """

    def __setattr__(self, name: str, value: Any) -> None:
        object.__setattr__(self, name, value)
        state = self.__dict__
        state["_memo"] = {}
        state["_plans"] = {}

    def __getstate__(self) -> dict:
        # Kernels may recognise memoised Params by identity, which a copy would not keep.
        state = dict(self.__dict__)
        state["_memo"] = {}
        state["_plans"] = {}
        return state

    def _sample(self, rng: Any, shape: tuple) -> Params:
        """The memoised Params of a constant configuration, else ``_sample_shape``."""
        params = self._memoised(shape)
        if params is not None:
            return params
        return self._sample_shape(rng, shape)

    def _sample_shape(self, rng: Any, shape: tuple) -> Params:
        raise NotImplementedError

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


_PLANNABLE: dict[type, tuple[bool, bool]] = {}


def _plannable(cls: type) -> tuple[bool, bool]:
    """(plans allowed, the class's own ``_image_plan`` may be used) for ``cls``."""
    found = _PLANNABLE.get(cls)
    if found is None:
        def owner(name: str) -> type | None:
            return next((k for k in cls.__mro__ if name in k.__dict__), None)
        # Rows come from the memo only if the sampling entry (``_memo_hook``, default
        # ``_sample``) is ShapeMemo's and _sample is the one that delegates to it.
        hook = getattr(cls, "_memo_hook", "_sample")
        allowed = getattr(cls, hook, None) is ShapeMemo._sample and (
            hook == "_sample" or getattr(cls, "_sample") is getattr(owner("_memo_hook"), "_sample"))
        plan_owner = owner("_image_plan")
        specialised = plan_owner is not None and plan_owner is owner("_augment_image")
        found = _PLANNABLE[cls] = (allowed, specialised)
    return found


def remember_plan(aug: Any, image: np.ndarray) -> None:
    """Store the plan for ``image``'s shape and dtype after the lean path ran it.

    Called only for plain leaf augmenters (the runner's lean path) with no
    sample key, no record and no hooks: exactly the calls a plan replaces.
    """
    plans = aug.__dict__.get("_plans")
    if plans is None:
        return
    allowed, specialised = _plannable(type(aug))
    params = aug._memoised(image.shape) if allowed else None
    if params is None:
        # The configuration draws (for every shape): no plans for this instance.
        aug.__dict__["_plans"] = None
        return
    plan = aug._image_plan(params, image) if specialised else None
    if plan is None:
        plan = _generic_plan(aug, params)
    if len(plans) >= _MAX_SHAPES:
        plans.clear()
    plans[image.shape] = (image.dtype, plan)


def _generic_plan(aug: Any, params: Params) -> Plan:
    if not params.applied:
        return _copy_c
    augment = aug._augment_image

    def plan(image: np.ndarray) -> np.ndarray:
        return fresh_output(augment(image, params), image)

    return plan


def run_plans(plans: dict, images: Any) -> Any:
    """``images=`` (a list, tuple or ``(N,H,W[,C])`` array) through plans, or None.

    None unless every image has a plan for its shape and dtype; then the outputs
    come back in the input's format, as the general path returns them.
    """
    kind = type(images)
    if kind is _NDARRAY:
        if images.ndim != 4 or not len(images):
            return None
    elif (kind is not list and kind is not tuple) or not images:
        return None
    out = []
    for image in images:
        if type(image) is not _NDARRAY:
            return None
        plan = plans.get(image.shape)
        if plan is None or plan[0] is not image.dtype:
            return None
        out.append(plan[1](image))
    if kind is list:
        return out
    return tuple(out) if kind is tuple else np.stack(out)


_NDARRAY = np.ndarray

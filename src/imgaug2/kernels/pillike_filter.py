"""Pillow's ``ImageFilter`` kernels, bit for bit, with numpy and OpenCV.

Behaviour reproduced (established by experiment, checked in ``tests/test_pillike.py``):
kernels are applied as correlations whose kernel rows run from the row below
the pixel to the row above it; each kernel row is summed left to right in
float32 with weights ``k / scale`` rounded to float32, the row sums are added
to ``offset + 0.5`` in order, and the result is truncated and clipped. Pixels
closer to the border than the kernel radius keep their input values.

Three evaluation strategies, chosen per kernel:

* two integer taps (EMBOSS): one ``cv2.addWeighted`` over shifted views; every
  value is a small integer, so its float arithmetic is exact.
* ``cv2.filter2D`` where rounding the exact result half up provably equals
  Pillow's float32 result (see :class:`_Kernel`).
* otherwise Pillow's float32 evaluation order, emulated with whole-image float32
  operations on flat contiguous slices: for DETAIL (a cross of four equal
  weights around the centre) with six fused OpenCV/numpy passes
  (:func:`_filter_cross`), for SMOOTH_MORE with the general program of
  :func:`_filter_emulated`.

``exact=False`` asks for the correctly rounded result instead (the exact kernel
sum rounded half up, :func:`_filter_rounded`): one ``cv2.filter2D``. It equals
Pillow's wherever the exact sum is not a .5 tie; on ties Pillow's float32
rounding errors send the result either way, so the two differ by 1 there (about
half of the ties; for DETAIL, whose sums tie on one value in six, about 8% of
the values of a photo).
"""

from __future__ import annotations

import functools
import threading

import cv2
import numpy as np

from imgaug2.kernels.pillike_base import color_part, finish, scratch

__all__ = ["FILTERS", "filter_color", "filter_image"]

_F32 = np.float32
_I16_ZERO = np.int16(0)
_I16_MAX = np.int16(255)


class _Kernel:
    """One ImageFilter kernel: integer weights (Pillow's row order), scale and offset."""

    def __init__(self, size: int, scale: int, offset: int, weights: tuple) -> None:
        self.size = size
        self.scale = scale
        self.offset = offset
        self.weights = np.array(weights, dtype=np.float64).reshape(size, size)
        # Pillow's first kernel row multiplies the row below the pixel: as a correlation
        # (what cv2.filter2D computes) the rows are reversed.
        self.correlation = np.ascontiguousarray(self.weights[::-1] / scale).astype(np.float32)
        # Weights k/scale with power-of-two scales are exact in float32 and OpenCV's float
        # sums are then exact; SMOOTH (13) can never land on .5. Either way rounding the exact
        # value half up equals Pillow's float32 result, which a tiny delta gives cv2.filter2D.
        self.exact = scale in (1, 2, 16, 13)
        self.float_weights = (self.weights / scale).astype(np.float32)
        # (dy, dx, weight) of the nonzero taps; dy > 0 is below the pixel
        r = size // 2
        self.taps = [(r - kr, kc - r, int(self.weights[kr, kc]))
                     for kr in range(size) for kc in range(size) if self.weights[kr, kc]]
        # Two integer taps with scale 1: every intermediate is a small integer.
        self.pair = scale == 1 and len(self.taps) == 2
        # 3x3 cross: four equal weights around the centre, zero corners (DETAIL)
        w = self.weights
        self.cross = (size == 3 and not self.exact and w[0, 0] == w[0, 2] == w[2, 0] == w[2, 2] == 0
                      and w[0, 1] == w[1, 0] == w[1, 2] == w[2, 1] != 0)
        self.neighbour_weight = self.float_weights[0, 1]
        self.centre_weight = float(self.float_weights[1, 1])


# name -> (size, scale, offset, weights in Pillow's order)
FILTERS: dict[str, _Kernel] = {
    "BLUR": _Kernel(5, 16, 0, (1, 1, 1, 1, 1,
                               1, 0, 0, 0, 1,
                               1, 0, 0, 0, 1,
                               1, 0, 0, 0, 1,
                               1, 1, 1, 1, 1)),
    "CONTOUR": _Kernel(3, 1, 255, (-1, -1, -1, -1, 8, -1, -1, -1, -1)),
    "DETAIL": _Kernel(3, 6, 0, (0, -1, 0, -1, 10, -1, 0, -1, 0)),
    "EDGE_ENHANCE": _Kernel(3, 2, 0, (-1, -1, -1, -1, 10, -1, -1, -1, -1)),
    "EDGE_ENHANCE_MORE": _Kernel(3, 1, 0, (-1, -1, -1, -1, 9, -1, -1, -1, -1)),
    "EMBOSS": _Kernel(3, 1, 128, (-1, 0, 0, 0, 1, 0, 0, 0, 0)),
    "FIND_EDGES": _Kernel(3, 1, 0, (-1, -1, -1, -1, 8, -1, -1, -1, -1)),
    "SHARPEN": _Kernel(3, 16, 0, (-2, -2, -2, -2, 32, -2, -2, -2, -2)),
    "SMOOTH": _Kernel(3, 13, 0, (1, 1, 1, 1, 5, 1, 1, 1, 1)),
    "SMOOTH_MORE": _Kernel(5, 100, 0, (1, 1, 1, 1, 1,
                                       1, 5, 5, 5, 1,
                                       1, 5, 44, 5, 1,
                                       1, 5, 5, 5, 1,
                                       1, 1, 1, 1, 1)),
}

# Added before OpenCV's round-half-to-even so that exact .5 results round up as in Pillow;
# far below the 1/16 granularity of the exact kernels' results.
_HALF_UP = 2.0 ** -10


def _filter_pair(color: np.ndarray, kernel: _Kernel) -> np.ndarray:
    """Two integer taps: ``clip(k1 * a + k2 * b + offset)`` on the interior, border copied."""
    r = kernel.size // 2
    h, w = color.shape[:2]
    out = np.empty(color.shape, dtype=np.uint8)
    (dy1, dx1, k1), (dy2, dx2, k2) = kernel.taps
    cv2.addWeighted(color[r + dy1:h - r + dy1, r + dx1:w - r + dx1], k1,
                    color[r + dy2:h - r + dy2, r + dx2:w - r + dx2], k2, kernel.offset,
                    dst=out[r:h - r, r:w - r])
    _copy_border(out, color, r)
    return out


def _filter_rounded(color: np.ndarray, kernel: _Kernel) -> np.ndarray:
    """The exact kernel sum rounded half up and clipped, border copied.

    Every kernel's results are multiples of ``1 / scale`` (scale at most 100),
    so OpenCV's float error (far below ``_HALF_UP``) never moves a value across a
    rounding boundary, and ``_HALF_UP`` sends exact .5 ties up.
    """
    out = cv2.filter2D(color, -1, kernel.correlation, delta=kernel.offset + _HALF_UP,
                       borderType=cv2.BORDER_REPLICATE)
    _copy_border(out, color, kernel.size // 2)
    return out


def _copy_border(out: np.ndarray, color: np.ndarray, r: int) -> None:
    """The ``r``-pixel frame of ``out`` takes ``color``'s pixels (Pillow leaves it unfiltered)."""
    h, w = color.shape[:2]
    out[:r] = color[:r]
    out[h - r:] = color[h - r:]
    out[r:h - r, :r] = color[r:h - r, :r]
    out[r:h - r, w - r:] = color[r:h - r, w - r:]


@functools.lru_cache(maxsize=64)
def _emulation_plan(name: str, h: int, w: int, c: int) -> tuple:
    """The flat-slice program of :func:`_filter_emulated` for one kernel and image shape.

    Returns ``(lo, hi, products, row_sums, steps)``: ``products`` lists
    ``(weight, start, stop)`` (the flat range each weight's products cover; the
    last, widest one overwrites the converted pixels in place), ``row_sums``
    lists ``(start, stop, terms, inplace)`` with ``terms`` as ``(product index,
    start in that product's buffer)`` in Pillow's left-to-right order and
    ``inplace`` the term (0 or 1, -1: none) whose buffer may hold the sum, and ``steps`` lists
    the terms added to ``offset + 0.5`` in Pillow's row order, each
    ``(is_row_sum, index, start in that buffer)``.
    """
    kernel = FILTERS[name]
    r = kernel.size // 2
    stride = w * c
    lo = r * stride + r * c
    hi = (h - 1 - r) * stride + (w - r) * c
    weights = [[float(v) for v in row] for row in kernel.float_weights]
    reach: dict[float, list[int]] = {}
    for kr, row in enumerate(weights):
        for kc, wt in enumerate(row):
            if wt != 0.0:
                offset = (r - kr) * stride + (kc - r) * c
                span = reach.setdefault(wt, [offset, offset])
                span[0] = min(span[0], offset)
                span[1] = max(span[1], offset)
    order = sorted(reach, key=lambda v: reach[v][1] - reach[v][0])
    products = tuple((wt, lo + reach[wt][0], hi + reach[wt][1]) for wt in order)
    index = {wt: i for i, wt in enumerate(order)}

    def term(wt: float, start: int) -> tuple[int, int]:
        return index[wt], start - products[index[wt]][1]

    # Equal kernel rows are summed once, over the union of the ranges they serve.
    rows = [tuple(row) for row in weights]
    uses = {wt: sum(row.count(wt) for row in rows) for wt in order}
    row_sums: list[tuple] = []
    row_index: dict[tuple, int] = {}
    for key in dict.fromkeys(rows):
        taps = [(kc - r, wt) for kc, wt in enumerate(key) if wt != 0.0]
        if len(taps) < 2:
            continue
        dys = [r - kr for kr, row in enumerate(rows) if row == key]
        start, stop = lo + min(dys) * stride, hi + max(dys) * stride
        terms = tuple(term(wt, start + dx * c) for dx, wt in taps)
        # A product read by this row alone, over exactly this range, can take the sum
        # in place (the first addition commutes): one buffer less to stream through.
        inplace = -1
        for k in (0, 1):
            wt = taps[k][1]
            if uses[wt] == 1 and products[index[wt]][1:] == (start, stop):
                inplace = k
                break
        row_index[key] = len(row_sums)
        row_sums.append((start, stop, terms, inplace))
    steps = []
    for kr, key in enumerate(rows):
        taps = [(kc - r, wt) for kc, wt in enumerate(key) if wt != 0.0]
        dy = r - kr
        if len(taps) == 1:
            steps.append((False,) + term(taps[0][1], lo + dy * stride + taps[0][0] * c))
        elif taps:
            i = row_index[key]
            steps.append((True, i, lo + dy * stride - row_sums[i][0]))
    return lo, hi, products, tuple(row_sums), tuple(steps)


def _filter_emulated(color: np.ndarray, kernel: _Kernel, name: str) -> np.ndarray:
    """Pillow's float32 evaluation order, for kernels whose exact results can tie at .5.

    Products ``pixel * (k / scale)`` are rounded to float32; each kernel row is
    summed left to right, the row sums are added to ``offset + 0.5`` from the
    first kernel row (the row below the pixel) on, and the sum is truncated.
    Zero weights are skipped: adding an exact 0.0 changes nothing.

    The image is processed as one flat array: the neighbour ``(dy, dx)`` of
    element ``i`` is element ``i + dy * W * C + dx * C``, so every step is a
    single contiguous whole-image operation. The flat range runs from the first
    to the last interior pixel; the border columns it passes through come out
    as garbage and are overwritten with the input's pixels afterwards.
    """
    h, w = color.shape[:2]
    c = color.shape[2] if color.ndim == 3 else 1
    n = h * w * c
    lo, hi, products, row_sums, steps = _emulation_plan(name, h, w, c)
    values = scratch("filter_src", (n,))
    np.copyto(values, np.ascontiguousarray(color).reshape(n), casting="unsafe")
    bufs = []
    last = len(products) - 1
    for i, (wt, start, stop) in enumerate(products):
        buf = values[start:stop] if i == last else scratch("filter_p%d" % i, (stop - start,))
        np.multiply(values[start:stop], _F32(wt), out=buf)
        bufs.append(buf)
    sums = []
    for i, (start, stop, terms, inplace) in enumerate(row_sums):
        size = stop - start
        first, second = (bufs[p][s:s + size] for p, s in terms[:2])
        if inplace < 0:
            buf = np.add(first, second, out=scratch("filter_row%d" % i, (size,)))
        elif inplace == 0:
            buf = np.add(first, second, out=first)
        else:
            buf = np.add(second, first, out=second)
        for p, s in terms[2:]:
            np.add(buf, bufs[p][s:s + size], out=buf)
        sums.append(buf)
    length = hi - lo
    total = scratch("filter_total", (length,))
    for j, (is_sum, i, s) in enumerate(steps):
        part = (sums if is_sum else bufs)[i][s:s + length]
        if j == 0:
            np.add(part, _F32(kernel.offset + 0.5), out=total)
        else:
            np.add(total, part, out=total)
    out = np.empty(color.shape, dtype=np.uint8)
    _store_truncated(out.reshape(n)[lo:hi], total)
    _copy_border(out, color, kernel.size // 2)
    return out


def _store_truncated(dst: np.ndarray, total: np.ndarray) -> None:
    """``dst[:] = trunc(clip(total, 0, 255))`` (float32 to uint8, as Pillow's ``clip8``).

    Via int16: the cast truncates towards zero like C (every filter result lies
    well inside int16), and clipping int16 is cheaper than clipping float32.
    """
    wide = scratch("filter_i16", total.shape, np.int16)
    np.copyto(wide, total, casting="unsafe")
    np.clip(wide, _I16_ZERO, _I16_MAX, out=dst, casting="unsafe")


# --------------------------------------------------------------- cross kernels (DETAIL)

_CROSS_LOCAL = threading.local()
# Fewer interior elements take the general emulation: the gain is nil there, and
# OpenCV's binding may read very short arrays as scalars.
_CROSS_MIN_ELEMENTS = 64
# A thread keeps its plan (work arrays) only below this size.
_CROSS_KEEP_BYTES = 16 << 20
# kernel name -> whether the fused OpenCV path reproduced the reference on this machine
_CROSS_VERIFIED: dict[str, bool] = {}


def _cross_plan(h: int, w: int, c: int) -> tuple:
    """This thread's work arrays and flat views for :func:`_filter_cross` at one shape.

    Each thread keeps the plan of the last shape it filtered, so a stream of
    same-size images allocates nothing. Views into the arrays are built once
    here: slicing on every call costs more than some of the passes.

    Returns ``(key, n, s, lo, hi, values, neighbours, acc, acc_row, left, right,
    below, above, wide)``: ``values`` and ``neighbours`` hold the pixels and
    their neighbour products as flat float32 arrays, ``acc`` is the interior
    range of ``values`` (overwritten with the running sums) and ``acc_row`` the
    same as one ``(1, m)`` row for OpenCV, the four neighbour views are the
    products ``(dy, dx)`` away from each ``acc`` element, ``wide`` is int16 scratch
    sharing the neighbour products' memory.
    """
    plan = getattr(_CROSS_LOCAL, "plan", None)
    if plan is not None and plan[0] == (h, w, c):
        return plan
    n, s = h * w * c, w * c
    lo, hi = s + c, (h - 1) * s - c  # first and one past the last interior element
    values = np.empty(n, np.float32)
    neighbours = np.empty(n, np.float32)
    acc = values[lo:hi]
    plan = ((h, w, c), n, s, lo, hi, values, neighbours, acc, acc.reshape(1, -1),
            neighbours[lo - c:hi - c].reshape(1, -1), neighbours[lo + c:hi + c],
            neighbours[lo + s:hi + s].reshape(1, -1), neighbours[lo - s:hi - s],
            # the neighbour products are dead once summed: their memory takes the int16
            neighbours.view(np.int16)[:hi - lo])
    if 2 * values.nbytes <= _CROSS_KEEP_BYTES:
        _CROSS_LOCAL.plan = plan
    return plan


def _filter_cross(color: np.ndarray, kernel: _Kernel) -> np.ndarray:
    """:func:`_filter_emulated` for a 3x3 cross kernel in six float32 passes.

    Pillow evaluates ``trunc(((offset + 0.5 + B) + ((L + C) + R)) + T)``, each
    product and sum rounded to float32 (``B``, ``T``: the neighbours below and
    above; ``L``, ``C``, ``R``: the middle row). The neighbour products share one
    weight, so one pass computes all of them; ``cv2.addWeighted`` (float32:
    ``fma(a, alpha, fma(b, beta, gamma))``) then fuses the centre product into
    the first sum and ``offset + 0.5`` into the third. Both fusions round like
    Pillow's separate operations whether or not OpenCV contracts to FMA: the
    inner operation is a lone product (``gamma`` 0) or a lone sum (``beta`` 1),
    and the outer multiplies by 1. :func:`_cross_verified` confirms this once
    per process against :func:`_filter_emulated`.
    """
    h, w = color.shape[:2]
    c = color.shape[2] if color.ndim == 3 else 1
    (_, n, s, lo, hi, values, neighbours, acc, acc_row, left, right, below, above,
     wide) = _cross_plan(h, w, c)
    src = np.ascontiguousarray(color).reshape(n)
    np.copyto(values, src, casting="unsafe")
    np.multiply(values, kernel.neighbour_weight, out=neighbours)
    cv2.addWeighted(left, 1.0, acc_row, kernel.centre_weight, 0.0, dst=acc_row)
    np.add(acc, right, out=acc)
    cv2.addWeighted(acc_row, 1.0, below, 1.0, kernel.offset + 0.5, dst=acc_row)
    np.add(acc, above, out=acc)
    # truncation and clipping as in _store_truncated
    np.copyto(wide, acc, casting="unsafe")
    out = np.empty(color.shape, dtype=np.uint8)
    flat = out.reshape(n)
    np.clip(wide, _I16_ZERO, _I16_MAX, out=flat[lo:hi], casting="unsafe")
    # the frame: first and last rows, then each row's last pixel with the next row's
    # first (adjacent in memory) in one strided copy
    flat[:s] = src[:s]
    flat[n - s:] = src[n - s:]
    m = (h - 1) * s
    flat[s - c:s - c + m].reshape(h - 1, s)[:, :2 * c] = \
        src[s - c:s - c + m].reshape(h - 1, s)[:, :2 * c]
    return out


def _cross_test_images() -> list[np.ndarray]:
    """Inputs for :func:`_cross_verified`: random colour and gray images of odd widths,
    flat and extreme areas, and a row holding every ordered pair of values side by side."""
    rng = np.random.default_rng(20240611)
    ramp = np.arange(256, dtype=np.uint8)
    pairs = np.stack(np.meshgrid(ramp, ramp, indexing="ij"), -1).ravel()
    images = [rng.integers(0, 256, (37, 53, 3), dtype=np.uint8),
              rng.integers(0, 256, (41, 67), dtype=np.uint8),
              np.tile(pairs, (3, 1))]
    extreme = rng.choice(np.array([0, 1, 254, 255], np.uint8), (23, 29, 3))
    extreme[5:15, 5:20] = 255
    images.append(extreme)
    return images


def _cross_verified(name: str, kernel: _Kernel) -> bool:
    """Whether :func:`_filter_cross` matches :func:`_filter_emulated` here (checked once).

    The fused path relies on how OpenCV evaluates ``addWeighted`` in float32, which
    could differ on other builds or CPUs (for example a double-precision tail loop);
    the general emulation is used wherever the check fails.
    """
    ok = _CROSS_VERIFIED.get(name)
    if ok is None:
        ok = all(np.array_equal(_filter_cross(image, kernel), _filter_emulated(image, kernel, name))
                 for image in _cross_test_images())
        _CROSS_VERIFIED[name] = ok
    return ok


def filter_color(color: np.ndarray, name: str, exact: bool = True) -> np.ndarray:
    """Filter a gray ``(H,W)`` or RGB ``(H,W,3)`` uint8 array; border pixels keep their values.

    ``exact``: reproduce Pillow's float32 rounding bit for bit; False gives the
    correctly rounded result (:func:`_filter_rounded`), which differs from
    Pillow's by 1 on some exact .5 ties.
    """
    kernel = FILTERS[name]
    r = kernel.size // 2
    h, w = color.shape[:2]
    if h <= 2 * r or w <= 2 * r:
        return color.copy()
    if kernel.pair:
        return _filter_pair(color, kernel)
    if kernel.exact or not exact:
        return _filter_rounded(color, kernel)
    channels = color.shape[2] if color.ndim == 3 else 1
    if (kernel.cross and (h - 2) * (w - 2) * channels >= _CROSS_MIN_ELEMENTS
            and _cross_verified(name, kernel)):
        return _filter_cross(color, kernel)
    return _filter_emulated(color, kernel, name)


def filter_image(image: np.ndarray, name: str, exact: bool = True) -> np.ndarray:
    """``image.filter(ImageFilter.<name>)`` for a gray, RGB or RGBA (alpha kept) uint8 array.

    ``exact=False``: the correctly rounded result (see :func:`filter_color`).
    """
    if image.size == 0:
        return image.copy()
    return finish(filter_color(color_part(image), name, exact), image)

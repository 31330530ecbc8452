"""Dense-flow warps: elastic, piecewise affine, grid and optical distortions.

Every flow augmenter is a *source function* ``src(q)``: the output pixel at
continuous position ``q`` reads the input at ``src(q)`` (image coordinates,
pixel ``(x, y)`` covers ``[x, x+1)``). Images, heatmaps and segmentation maps
are resampled with ``cv2.remap`` from a dense map evaluated at their own pixel
centres (maps smaller than the image are evaluated at their centres scaled to
image coordinates, then scaled back). Coordinates go the other way: a
keypoint ``p`` moves to the ``q`` with ``src(q) = p``, found by
:func:`invert_points` (fixed-point iteration, then Newton, then a nearest
search on the dense map for the rare points that still miss), or in closed
form where the field allows it (grid and optical distortion).
"""

from __future__ import annotations

import functools
import math
from typing import Callable

import cv2
import numpy as np

from imgaug2.kernels.geometric import BORDER_FLAGS, ORDER_FLAGS, guard_reflect101, run_warp
from imgaug2.kernels.noise import noise_generator

__all__ = [
    "remap_array", "remap_image", "remap_heatmap_arr", "remap_segmap_arr", "pixel_centres",
    "invert_points", "elastic_field", "elastic_source", "piecewise_source", "grid_knots",
    "grid_source", "grid_inverse", "optical_source", "optical_inverse", "dense_source",
    "finish_maps",
]

# src(xs, ys, post) -> (map_x, map_y): see dense_source; post=None gives image coordinates
SourceFn = Callable[..., tuple[np.ndarray, np.ndarray]]


# --------------------------------------------------------------- resampling

def remap_array(arr: np.ndarray, map_x: np.ndarray, map_y: np.ndarray, order: int, mode: str,
                cval: float) -> np.ndarray:
    """``cv2.remap`` on any dtype/channel count; maps are float32 in cv2 index coordinates."""
    flag = ORDER_FLAGS[order]
    border = BORDER_FLAGS[mode]

    def fn(a: np.ndarray, fill: tuple) -> np.ndarray:
        return cv2.remap(a, map_x, map_y, flag, borderMode=border, borderValue=fill)

    return run_warp(guard_reflect101(arr, border), fn, flag, cval, map_x.shape[:2])


def remap_image(image: np.ndarray, src: SourceFn, image_hw: tuple, order: int, mode: str,
                cval: float, out_hw: tuple | None = None) -> np.ndarray:
    """Resample ``image`` (image coordinates) through the source function ``src``."""
    out_hw = tuple(image.shape[:2]) if out_hw is None else out_hw
    if image.size == 0 or 0 in out_hw:
        return np.zeros(tuple(out_hw) + image.shape[2:], dtype=image.dtype)
    map_x, map_y = dense_source(src, image.shape[:2], image_hw, out_hw, image_hw)
    return remap_array(image, map_x, map_y, order, mode, cval)


def remap_heatmap_arr(arr: np.ndarray, src: SourceFn, image_hw: tuple, order: int,
                      out_image_hw: tuple | None = None, out_hw: tuple | None = None
                      ) -> np.ndarray:
    """Heatmap (its own size) through ``src``: linear (nearest for order 0), fill 0, clipped."""
    out = _remap_map_arr(arr, src, image_hw, 0 if order == 0 else 1, out_image_hw, out_hw)
    np.clip(out, 0.0, 1.0, out=out)
    return out


def remap_segmap_arr(arr: np.ndarray, src: SourceFn, image_hw: tuple,
                     out_image_hw: tuple | None = None, out_hw: tuple | None = None
                     ) -> np.ndarray:
    """Label map (its own size) through ``src``: nearest neighbour, fill label 0."""
    return _remap_map_arr(arr, src, image_hw, 0, out_image_hw, out_hw)


def _remap_map_arr(arr: np.ndarray, src: SourceFn, image_hw: tuple, order: int,
                   out_image_hw: tuple | None, out_hw: tuple | None) -> np.ndarray:
    """A map array (its own size) through ``src`` with cv2 ``order`` 0 or 1, fill 0.

    Args:
        arr: The map's array.
        src: Source function in image coordinates.
        image_hw: Input image size.
        order: 0 (nearest) or 1 (linear).
        out_image_hw: Output image size (None: ``image_hw``).
        out_hw: Output array size (None: the input array's).

    Returns:
        The remapped array (zeros for an empty input or output).
    """
    out_image_hw = image_hw if out_image_hw is None else out_image_hw
    out_hw = tuple(arr.shape[:2]) if out_hw is None else out_hw
    if arr.size == 0 or 0 in out_hw:
        return np.zeros(tuple(out_hw) + arr.shape[2:], dtype=arr.dtype)
    map_x, map_y = dense_source(src, arr.shape[:2], image_hw, out_hw, out_image_hw)
    return remap_array(arr, map_x, map_y, order, "constant", 0.0)


def pixel_centres(n: int, scale: float = 1.0) -> np.ndarray:
    """Continuous centres ``(i + 0.5) * scale`` of ``n`` pixels, float64."""
    return (np.arange(n, dtype=np.float64) + 0.5) * scale


def dense_source(src: SourceFn, target_hw: tuple, image_hw: tuple, out_target_hw: tuple,
                 out_image_hw: tuple) -> tuple[np.ndarray, np.ndarray]:
    """cv2 remap maps for a target of ``target_hw`` (input) / ``out_target_hw`` (output).

    The output target's pixel centres are scaled to output-image coordinates
    and passed to ``src(xs, ys, post)``, which returns the source positions
    already brought into the input target's cv2 index space:
    ``index = source_image_coordinate * post[k] - 0.5`` (full float32 arrays).
    """
    sx_out = out_image_hw[1] / out_target_hw[1]
    sy_out = out_image_hw[0] / out_target_hw[0]
    xs = pixel_centres(out_target_hw[1], sx_out)
    ys = pixel_centres(out_target_hw[0], sy_out)
    fx = target_hw[1] / image_hw[1] if image_hw[1] else 1.0
    fy = target_hw[0] / image_hw[0] if image_hw[0] else 1.0
    return src(xs, ys, (fx, fy))


def finish_maps(mx: np.ndarray, my: np.ndarray, post: tuple, shape: tuple
                ) -> tuple[np.ndarray, np.ndarray]:
    """Source image coordinates (broadcastable to ``shape``) -> full float32 cv2 index maps."""
    out = []
    for m, f in ((mx, post[0]), (my, post[1])):
        m = np.asarray(m, dtype=np.float32)
        m = m * np.float32(f) - np.float32(0.5) if f != 1.0 else m - np.float32(0.5)
        if m.shape != shape:
            m = np.ascontiguousarray(np.broadcast_to(m, shape))
        out.append(m)
    return out[0], out[1]


# ------------------------------------------------------- inverting a field

def invert_points(point_src: Callable[[np.ndarray], np.ndarray], xy: np.ndarray,
                  grid_src: SourceFn | None = None, image_hw: tuple | None = None,
                  tol: float = 1e-6, iterations: int = 40) -> np.ndarray:
    """Find, for every point ``p``, an output position ``q`` with ``src(q) = p``.

    Method: fixed-point iteration ``q <- q - (src(q) - p)`` (converges when
    the field's Jacobian stays within 1 of the identity), then Newton steps
    with a finite-difference Jacobian for points that have not converged, then
    a nearest search over ``src`` at the pixel centres (``grid_src``) followed
    by Newton for any point still more than 0.01 px off. Where the field
    folds over, any preimage may be returned; the best one found is kept.
    """
    p = np.asarray(xy, dtype=np.float64)
    if p.size == 0:
        return np.zeros((0, 2), dtype=np.float64)
    q = p.copy()
    best = q.copy()
    best_err = np.full(len(p), np.inf)
    for _ in range(iterations):
        r = point_src(q) - p
        err = np.hypot(r[:, 0], r[:, 1])
        better = err < best_err
        best[better] = q[better]
        best_err[better] = err[better]
        if best_err.max() <= tol:
            return best
        q = q - r
    todo = np.nonzero(best_err > tol)[0]
    if todo.size:
        q2, e2 = _newton(point_src, p[todo], best[todo])
        improve = e2 < best_err[todo]
        best[todo[improve]] = q2[improve]
        best_err[todo[improve]] = e2[improve]
    todo = np.nonzero(best_err > 0.01)[0]
    if todo.size and grid_src is not None and image_hw is not None and min(image_hw[:2]) > 0:
        start = _nearest_on_grid(grid_src, image_hw, p[todo])
        q3, e3 = _newton(point_src, p[todo], start)
        improve = e3 < best_err[todo]
        best[todo[improve]] = q3[improve]
    return best


def _newton(point_src: Callable[[np.ndarray], np.ndarray], p: np.ndarray, q: np.ndarray,
            steps: int = 20, h: float = 1e-4) -> tuple[np.ndarray, np.ndarray]:
    q = q.copy()
    best = q.copy()
    best_err = np.full(len(p), np.inf)
    for _ in range(steps):
        f = point_src(q)
        r = f - p
        err = np.hypot(r[:, 0], r[:, 1])
        better = err < best_err
        best[better] = q[better]
        best_err[better] = err[better]
        if best_err.max() <= 1e-9:
            break
        fx = (point_src(q + [h, 0.0]) - f) / h
        fy = (point_src(q + [0.0, h]) - f) / h
        a, b, c, d = fx[:, 0], fy[:, 0], fx[:, 1], fy[:, 1]
        det = a * d - b * c
        ok = np.abs(det) > 1e-12
        det = np.where(ok, det, 1.0)
        dx = np.where(ok, (d * r[:, 0] - b * r[:, 1]) / det, r[:, 0])
        dy = np.where(ok, (-c * r[:, 0] + a * r[:, 1]) / det, r[:, 1])
        # damp huge steps: the field is only piecewise smooth
        norm = np.maximum(1.0, np.hypot(dx, dy) / 8.0)
        q = q - np.stack([dx / norm, dy / norm], axis=1)
    return best, best_err


def _nearest_on_grid(grid_src: SourceFn, image_hw: tuple, p: np.ndarray) -> np.ndarray:
    xs = pixel_centres(image_hw[1])
    ys = pixel_centres(image_hw[0])
    sx, sy = grid_src(xs, ys, None)
    shape = (len(ys), len(xs))
    sx = np.broadcast_to(sx, shape).ravel()
    sy = np.broadcast_to(sy, shape).ravel()
    out = np.empty_like(p)
    chunk = max(1, 4_000_000 // max(1, sx.size))
    for start in range(0, len(p), chunk):
        pp = p[start:start + chunk]
        d = (sx[None, :] - pp[:, 0:1]) ** 2 + (sy[None, :] - pp[:, 1:2]) ** 2
        idx = np.argmin(d, axis=1)
        out[start:start + chunk, 0] = xs[idx % len(xs)]
        out[start:start + chunk, 1] = ys[idx // len(xs)]
    return out


# ------------------------------------------------------------------ elastic

def elastic_field(seed: int, height: int, width: int, alpha: float, sigma: float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """Displacement ``(dx, dy)`` (float32, read-only, ``height x width``) of an elastic warp.

    Uniform noise in [-1, 1] (65536 levels) from ``noise_generator(seed)``, smoothed by a
    Gaussian of ``sigma`` px and multiplied by ``alpha``. For ``sigma >= 4``
    the noise is drawn on a grid ``f = floor(sigma / 2)`` times coarser,
    smoothed there with ``sigma / f`` and resized up linearly; its amplitude
    is scaled so the field has the statistics of the full-resolution one at a
    fraction of the cost. Fields of up to 2 MP are cached (4 entries), so the
    targets of one row share one field.
    """
    if height * width <= _CACHE_PIXELS:
        return _cached_elastic_field(seed, height, width, alpha, sigma)
    return _elastic_field(seed, height, width, alpha, sigma)


_CACHE_PIXELS = 1 << 21


@functools.lru_cache(maxsize=4)
def _cached_elastic_field(seed: int, height: int, width: int, alpha: float, sigma: float
                          ) -> tuple[np.ndarray, np.ndarray]:
    return _elastic_field(seed, height, width, alpha, sigma)


def _elastic_field(seed: int, height: int, width: int, alpha: float, sigma: float
                   ) -> tuple[np.ndarray, np.ndarray]:
    if height == 0 or width == 0:
        z = np.zeros((height, width), dtype=np.float32)
        z.flags.writeable = False
        return z, z
    f = max(1, int(sigma // 2)) if sigma >= 4 else 1
    hc, wc = max(1, -(-height // f)), max(1, -(-width // f))
    # 16-bit uniform levels (four per raw 64-bit draw, little-endian for portability) cost a
    # third of float draws and are indistinguishable after smoothing.
    count = 2 * hc * wc
    raw = noise_generator(seed).bit_generator.random_raw(-(-count // 4))
    levels = raw.astype("<u8", copy=False).view("<u2")[:count].reshape(2, hc, wc)
    noise = levels.astype(np.float32)
    noise *= np.float32(2.0 / 65535.0)
    noise -= np.float32(1.0)
    sig_x = sigma * wc / width
    sig_y = sigma * hc / height
    fields = []
    gain = alpha * math.sqrt((wc / width) * (hc / height))
    for k in range(2):
        fld = noise[k]
        if sigma > 0:
            fld = cv2.GaussianBlur(fld, (0, 0), sigmaX=sig_x, sigmaY=sig_y,
                                   borderType=cv2.BORDER_REFLECT_101)
        if (hc, wc) != (height, width):
            fld = cv2.resize(fld, (width, height), interpolation=cv2.INTER_LINEAR)
        fld = np.multiply(fld, np.float32(gain), dtype=np.float32)
        fld.flags.writeable = False
        fields.append(fld)
    return fields[0], fields[1]


def _bilinear(field: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Sample a pixel-centred field at continuous points (edge values beyond the border)."""
    h, w = field.shape
    u = np.clip(x - 0.5, 0.0, w - 1.0)
    v = np.clip(y - 0.5, 0.0, h - 1.0)
    i0 = np.minimum(np.floor(u).astype(np.intp), max(w - 2, 0))
    j0 = np.minimum(np.floor(v).astype(np.intp), max(h - 2, 0))
    i1 = np.minimum(i0 + 1, w - 1)
    j1 = np.minimum(j0 + 1, h - 1)
    fu = u - i0
    fv = v - j0
    f = field.astype(np.float64, copy=False)
    top = f[j0, i0] * (1 - fu) + f[j0, i1] * fu
    bot = f[j1, i0] * (1 - fu) + f[j1, i1] * fu
    return top * (1 - fv) + bot * fv


def elastic_source(dx: np.ndarray, dy: np.ndarray) -> tuple[Callable, Callable]:
    """Grid and point source functions of an elastic field defined at image pixel centres."""
    h, w = dx.shape

    def grid(xs: np.ndarray, ys: np.ndarray, post: tuple | None = None
             ) -> tuple[np.ndarray, np.ndarray]:
        own = (len(ys), len(xs)) == (h, w) and xs[0] == 0.5 and ys[0] == 0.5 \
            and xs[-1] == w - 0.5 and ys[-1] == h - 0.5
        if own and post == (1.0, 1.0):
            # the image itself: the field is defined exactly at these centres
            return (np.add(dx, np.arange(w, dtype=np.float32)[None, :], dtype=np.float32),
                    np.add(dy, np.arange(h, dtype=np.float32)[:, None], dtype=np.float32))
        size = (len(xs), len(ys))
        gx = dx if own else cv2.resize(np.asarray(dx), size, interpolation=cv2.INTER_LINEAR)
        gy = dy if own else cv2.resize(np.asarray(dy), size, interpolation=cv2.INTER_LINEAR)
        mx = gx + xs.astype(np.float32)[None, :]
        my = gy + ys.astype(np.float32)[:, None]
        if post is None:
            return mx, my
        return finish_maps(mx, my, post, (len(ys), len(xs)))

    def points(q: np.ndarray) -> np.ndarray:
        return np.stack([q[:, 0] + _bilinear(dx, q[:, 0], q[:, 1]),
                         q[:, 1] + _bilinear(dy, q[:, 0], q[:, 1])], axis=1)

    return grid, points


# --------------------------------------------------------- piecewise affine

def _hat(pos: np.ndarray, extent: float, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cell index, in-cell fraction (extrapolating outside) and hat weights for knots."""
    step = extent / (n - 1)
    u = pos / step
    i = np.clip(np.floor(u), 0, n - 2).astype(np.intp)
    f = u - i
    weights = np.zeros((len(pos), n))
    rows = np.arange(len(pos))
    weights[rows, i] = 1.0 - f
    weights[rows, i + 1] += f
    return i, f, weights


def piecewise_source(jitter: np.ndarray, image_hw: tuple) -> tuple[SourceFn, Callable]:
    """Source functions of a piecewise-affine warp.

    ``jitter`` is ``(rows, cols, 2)`` float64 pixel offsets at knots on the
    regular grid ``x_j = j * W / (cols - 1)``, ``y_i = i * H / (rows - 1)``.
    Each grid cell is split along its anti-diagonal into two triangles and the
    offset is interpolated linearly inside each (linearly extrapolated beyond
    the image); the output at ``q`` reads the input at ``q + offset(q)``.
    """
    jit = np.asarray(jitter, dtype=np.float64)
    nr, nc = jit.shape[:2]
    h, w = float(image_hw[0]), float(image_hw[1])
    knot_x = np.linspace(0.0, w, nc)[None, :]
    knot_y = np.linspace(0.0, h, nr)[:, None]

    def grid(xs: np.ndarray, ys: np.ndarray, post: tuple | None = None
             ) -> tuple[np.ndarray, np.ndarray]:
        # map = Wy @ K @ Wx^T (bilinear part, hat weights) + E_cell * (relu(fu+fv-1) - fu fv);
        # the knot positions, the scale and the -0.5 index shift are linear, so they go
        # into the knot values K and vanish from the cell's twist E.
        ix, fx, wx = _hat(xs, w, nc)
        iy, fy, wy = _hat(ys, h, nr)
        fx32, fy32 = fx.astype(np.float32), fy.astype(np.float32)
        # relu(fu + fv - 1) - fu fv == -min(fu fv, (1 - fu)(1 - fv))
        corr = np.multiply.outer(fy32, fx32)
        np.minimum(corr, np.multiply.outer(np.float32(1.0) - fy32, np.float32(1.0) - fx32),
                   out=corr)
        np.negative(corr, out=corr)
        px = np.zeros((len(xs), nc - 1), dtype=np.float32)
        px[np.arange(len(xs)), ix] = 1.0
        py = np.zeros((len(ys), nr - 1), dtype=np.float32)
        py[np.arange(len(ys)), iy] = 1.0
        wx32, wy32 = wx.astype(np.float32), wy.astype(np.float32)
        scale, off = (post, 0.5) if post is not None else ((1.0, 1.0), 0.0)
        out = []
        for k, base in ((0, knot_x), (1, knot_y)):
            knots = (jit[:, :, k] + base) * scale[k] - off
            twist = knots[1:, 1:] - knots[1:, :-1] - knots[:-1, 1:] + knots[:-1, :-1]
            m = (wy32 @ knots.astype(np.float32)) @ wx32.T
            if np.any(twist):
                t = (py @ twist.astype(np.float32)) @ px.T
                t *= corr
                m += t
            out.append(m)
        return out[0], out[1]

    def points(q: np.ndarray) -> np.ndarray:
        ix, fx, _ = _hat(q[:, 0], w, nc)
        iy, fy, _ = _hat(q[:, 1], h, nr)
        d00 = jit[iy, ix]
        d10 = jit[iy, ix + 1]
        d01 = jit[iy + 1, ix]
        d11 = jit[iy + 1, ix + 1]
        fx2, fy2 = fx[:, None], fy[:, None]
        bil = (d00 * (1 - fx2) + d10 * fx2) * (1 - fy2) + (d01 * (1 - fx2) + d11 * fx2) * fy2
        corr = np.maximum(fx2 + fy2 - 1.0, 0.0) - fx2 * fy2
        return q + bil + (d11 - d10 - d01 + d00) * corr

    return grid, points


# ---------------------------------------------------------- grid distortion

def grid_knots(steps: np.ndarray, extent: float) -> tuple[np.ndarray, np.ndarray]:
    """Regular knots and their source positions for one axis of a grid distortion.

    Cell ``k`` of the output (width ``extent / n``) reads a source cell
    ``(1 + steps[k])`` times as wide; the source knots are normalised so the
    last one lands on ``extent`` (the image border maps onto itself).
    """
    n = len(steps)
    regular = np.linspace(0.0, extent, n + 1)
    widths = 1.0 + np.asarray(steps, dtype=np.float64)
    source = np.concatenate([[0.0], np.cumsum(widths)])
    source *= extent / source[-1]
    source[-1] = extent
    return regular, source


def _interp_ext(v: np.ndarray, xp: np.ndarray, fp: np.ndarray) -> np.ndarray:
    # piecewise linear inside, identity-slope beyond the ends (both ends are fixed points)
    lo, hi = xp[0], xp[-1]
    c = np.clip(v, lo, hi)
    return np.interp(c, xp, fp) + (v - c)


def grid_source(x_steps: np.ndarray, y_steps: np.ndarray, image_hw: tuple
                ) -> tuple[SourceFn, Callable]:
    """Separable piecewise-linear source functions of a grid distortion."""
    kx, sx = grid_knots(x_steps, float(image_hw[1]))
    ky, sy = grid_knots(y_steps, float(image_hw[0]))

    def grid(xs: np.ndarray, ys: np.ndarray, post: tuple | None = None
             ) -> tuple[np.ndarray, np.ndarray]:
        mx, my = _interp_ext(xs, kx, sx)[None, :], _interp_ext(ys, ky, sy)[:, None]
        if post is None:
            return mx, my
        return finish_maps(mx, my, post, (len(ys), len(xs)))

    def points(q: np.ndarray) -> np.ndarray:
        return np.stack([_interp_ext(q[:, 0], kx, sx), _interp_ext(q[:, 1], ky, sy)], axis=1)

    return grid, points


def grid_inverse(x_steps: np.ndarray, y_steps: np.ndarray, image_hw: tuple,
                 xy: np.ndarray) -> np.ndarray:
    """Exact forward map of points under a grid distortion (the source map is monotone)."""
    kx, sx = grid_knots(x_steps, float(image_hw[1]))
    ky, sy = grid_knots(y_steps, float(image_hw[0]))
    if xy.size == 0:
        return np.zeros((0, 2))
    return np.stack([_interp_ext(xy[:, 0], sx, kx), _interp_ext(xy[:, 1], sy, ky)], axis=1)


# -------------------------------------------------------- optical distortion

def optical_source(k: float, shift_x: float, shift_y: float, image_hw: tuple
                   ) -> tuple[SourceFn, Callable]:
    """Radial (barrel k < 0 / pincushion k > 0) source functions.

    Normalised coordinates ``n = (q - c) / (W, H)`` around the centre
    ``c = (W/2 + shift_x * W, H/2 + shift_y * H)``; the output at ``q`` reads
    ``c + (W, H) * n * (1 + k r^2 + k r^4)`` with ``r = |n|``.
    """
    h, w = float(image_hw[0]), float(image_hw[1])
    cx, cy = w * 0.5 + shift_x * w, h * 0.5 + shift_y * h

    def grid(xs: np.ndarray, ys: np.ndarray, post: tuple | None = None
             ) -> tuple[np.ndarray, np.ndarray]:
        nx = (xs - cx) / w
        ny = (ys - cy) / h
        if post is None:
            r2 = nx[None, :] ** 2 + ny[:, None] ** 2
            factor = 1.0 + k * r2 + k * r2 * r2
            return cx + w * nx[None, :] * factor, cy + h * ny[:, None] * factor
        # float32 on the full grid: factor = 1 + k r2 (1 + r2); map = a * factor + b
        r2 = np.add.outer((ny * ny).astype(np.float32), (nx * nx).astype(np.float32))
        factor = r2 + np.float32(1.0)
        factor *= r2
        factor *= np.float32(k)
        factor += np.float32(1.0)
        ax = (w * nx * post[0]).astype(np.float32)[None, :]
        ay = (h * ny * post[1]).astype(np.float32)[:, None]
        mx = factor * ax
        mx += np.float32(cx * post[0] - 0.5)
        my = factor * ay
        my += np.float32(cy * post[1] - 0.5)
        return mx, my

    def points(q: np.ndarray) -> np.ndarray:
        nx = (q[:, 0] - cx) / w
        ny = (q[:, 1] - cy) / h
        r2 = nx * nx + ny * ny
        factor = 1.0 + k * r2 + k * r2 * r2
        return np.stack([cx + w * nx * factor, cy + h * ny * factor], axis=1)

    return grid, points


def optical_inverse(k: float, shift_x: float, shift_y: float, image_hw: tuple,
                    xy: np.ndarray) -> np.ndarray:
    """Forward map of points: solve ``r (1 + k r^2 + k r^4) = r_s`` per point (Newton).

    Where the radial profile folds (strong barrel distortion far out), the
    radius of the fold is used.
    """
    if xy.size == 0:
        return np.zeros((0, 2))
    h, w = float(image_hw[0]), float(image_hw[1])
    cx, cy = w * 0.5 + shift_x * w, h * 0.5 + shift_y * h
    nx = (xy[:, 0] - cx) / w
    ny = (xy[:, 1] - cy) / h
    rs = np.hypot(nx, ny)
    r = rs.copy()
    r_max = np.inf
    if k < 0:
        # g'(r) = 1 + 3k r^2 + 5k r^4 = 0 -> r^2 = (-3k - sqrt(9k^2 - 20k)) / (10k)
        r_max = math.sqrt((-3 * k - math.sqrt(9 * k * k - 20 * k)) / (10 * k))
        r = np.minimum(r, r_max)
    for _ in range(50):
        r2 = r * r
        g = r * (1 + k * r2 + k * r2 * r2) - rs
        dg = 1 + 3 * k * r2 + 5 * k * r2 * r2
        step = g / np.where(np.abs(dg) > 1e-12, dg, 1e-12)
        r_new = np.clip(r - step, 0.0, r_max)
        if np.max(np.abs(r_new - r)) < 1e-13:
            r = r_new
            break
        r = r_new
    scale = np.where(rs > 0, r / np.where(rs > 0, rs, 1.0), 1.0)
    return np.stack([cx + w * nx * scale, cy + h * ny * scale], axis=1)

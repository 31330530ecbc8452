"""Jigsaw cell shuffling and polar-space warps.

Jigsaw: the (padded) image is cut into ``rows x cols`` equal cells; cell
``k`` (row-major) is moved to grid position ``destinations[k]``. Pixels move
by whole cells, so coordinates move exactly.

Polar: an ``H x W`` image with centre ``c = (W/2, H/2)`` and radius
``R = |c|`` (half the diagonal) maps to an ``Hp x Wp`` polar image whose x
axis is the radius (``x_p = rho * Wp / R``) and whose y axis is the angle
(``y_p = theta * Hp / 2pi``, theta clockwise on screen from the +x axis).
"""

from __future__ import annotations

import math

import numpy as np

from imgaug2.kernels.geometric_flow import dense_source, finish_maps, remap_array

__all__ = ["jigsaw_destinations", "jigsaw_array", "jigsaw_xy", "jigsaw_cell_size",
           "polar_shape", "cart_to_polar_xy", "polar_to_cart_xy", "to_polar_array",
           "from_polar_array"]


# ------------------------------------------------------------------ jigsaw

def jigsaw_destinations(rows: int, cols: int, steps: int, order: np.ndarray,
                        directions: np.ndarray) -> tuple[int, ...]:
    """Destination position of every cell after ``steps`` rounds of neighbour swaps.

    In each round the positions are visited in ``order[round]``; a position
    not yet swapped in this round swaps its content with the 4-neighbour
    given by ``directions[round, position]`` (0 up, 1 right, 2 down, 3 left)
    when that neighbour exists and has not been swapped in this round either.
    A cell therefore moves at most one cell per round.
    """
    n = rows * cols
    content = list(range(n))
    offsets = ((-1, 0), (0, 1), (1, 0), (0, -1))
    for rnd in range(steps):
        used = [False] * n
        for pos in order[rnd]:
            pos = int(pos)
            if used[pos]:
                continue
            r, c = divmod(pos, cols)
            dr, dc = offsets[int(directions[rnd, pos])]
            r2, c2 = r + dr, c + dc
            if not (0 <= r2 < rows and 0 <= c2 < cols):
                continue
            other = r2 * cols + c2
            if used[other]:
                continue
            content[pos], content[other] = content[other], content[pos]
            used[pos] = used[other] = True
    dest = [0] * n
    for pos, cell in enumerate(content):
        dest[cell] = pos
    return tuple(dest)


def jigsaw_cell_size(hw: tuple, rows: int, cols: int) -> tuple[int, int]:
    return int(hw[0]) // rows, int(hw[1]) // cols


def jigsaw_array(arr: np.ndarray, rows: int, cols: int, destinations: tuple,
                 pad: tuple = (0, 0, 0, 0)) -> np.ndarray:
    """Pad (top, right, bottom, left; zeros) and move the cells of an ``(H,W[,C])`` array."""
    top, right, bottom, left = pad
    if any(pad):
        widths = [(top, bottom), (left, right)] + [(0, 0)] * (arr.ndim - 2)
        out = np.pad(arr, widths)
    else:
        out = arr.copy()
    ch, cw = jigsaw_cell_size(out.shape, rows, cols)
    if ch == 0 or cw == 0 or out.size == 0:
        return out
    rest = out.shape[2:]
    region = out[:rows * ch, :cols * cw]
    cells = region.reshape((rows, ch, cols, cw) + rest).swapaxes(1, 2).reshape(
        (rows * cols, ch, cw) + rest)
    moved = np.empty_like(cells)
    moved[np.asarray(destinations, dtype=np.intp)] = cells
    out[:rows * ch, :cols * cw] = moved.reshape((rows, cols, ch, cw) + rest).swapaxes(
        1, 2).reshape((rows * ch, cols * cw) + rest)
    return out


def jigsaw_xy(xy: np.ndarray, padded_hw: tuple, rows: int, cols: int, destinations: tuple,
              pad: tuple = (0, 0, 0, 0)) -> np.ndarray:
    """Move points with their cells (points outside the cell region only get the pad shift)."""
    out = np.asarray(xy, dtype=np.float64).copy()
    if out.size == 0:
        return out
    out[:, 0] += pad[3]
    out[:, 1] += pad[0]
    ch, cw = jigsaw_cell_size(padded_hw, rows, cols)
    if ch == 0 or cw == 0:
        return out
    cx = np.floor(out[:, 0] / cw)
    cy = np.floor(out[:, 1] / ch)
    inside = (cx >= 0) & (cx < cols) & (cy >= 0) & (cy < rows) & np.isfinite(out).all(axis=1)
    if not inside.any():
        return out
    cells = (cy[inside] * cols + cx[inside]).astype(np.intp)
    dest = np.asarray(destinations, dtype=np.intp)[cells]
    out[inside, 0] += (dest % cols - cx[inside]) * cw
    out[inside, 1] += (dest // cols - cy[inside]) * ch
    return out


# ------------------------------------------------------------------- polar

def polar_shape(hw: tuple) -> tuple[int, int]:
    """Polar image size for an ``H x W`` image: ``(ceil(pi R), ceil(R))``, at least 1x1."""
    r = math.hypot(hw[0] * 0.5, hw[1] * 0.5)
    return max(1, int(math.ceil(math.pi * r))), max(1, int(math.ceil(r)))


def _centre_radius(hw: tuple) -> tuple[float, float, float]:
    cx, cy = hw[1] * 0.5, hw[0] * 0.5
    return cx, cy, max(math.hypot(cx, cy), 1e-12)


def cart_to_polar_xy(xy: np.ndarray, hw: tuple, polar_hw: tuple) -> np.ndarray:
    """Image coordinates -> polar-image coordinates (polar image of ``polar_hw``)."""
    xy = np.asarray(xy, dtype=np.float64)
    if xy.size == 0:
        return np.zeros((0, 2))
    cx, cy, r = _centre_radius(hw)
    dx, dy = xy[:, 0] - cx, xy[:, 1] - cy
    rho = np.hypot(dx, dy)
    theta = np.mod(np.arctan2(dy, dx), 2 * math.pi)
    return np.stack([rho * (polar_hw[1] / r), theta * (polar_hw[0] / (2 * math.pi))], axis=1)


def polar_to_cart_xy(xy: np.ndarray, hw: tuple, polar_hw: tuple) -> np.ndarray:
    """Polar-image coordinates (polar image of ``polar_hw``) -> image coordinates."""
    xy = np.asarray(xy, dtype=np.float64)
    if xy.size == 0:
        return np.zeros((0, 2))
    cx, cy, r = _centre_radius(hw)
    rho = xy[:, 0] * (r / max(polar_hw[1], 1))
    theta = xy[:, 1] * (2 * math.pi / max(polar_hw[0], 1))
    return np.stack([cx + rho * np.cos(theta), cy + rho * np.sin(theta)], axis=1)


def to_polar_array(arr: np.ndarray, image_hw: tuple, polar_hw: tuple, order: int,
                   out_hw: tuple | None = None) -> np.ndarray:
    """Resample an array aligned with an ``image_hw`` image into polar space (fill 0).

    ``out_hw`` is the array's own polar size (``polar_hw`` for images; scaled
    for smaller heatmaps/segmentation maps).
    """
    out_hw = tuple(polar_hw) if out_hw is None else tuple(out_hw)
    if arr.size == 0 or 0 in image_hw[:2]:
        return np.zeros(out_hw + arr.shape[2:], dtype=arr.dtype)
    cx, cy, r = _centre_radius(image_hw)

    def src(xs: np.ndarray, ys: np.ndarray, post: tuple) -> tuple[np.ndarray, np.ndarray]:
        rho = xs * (r / polar_hw[1])
        theta = ys * (2 * math.pi / polar_hw[0])
        return finish_maps(cx + np.outer(np.cos(theta), rho), cy + np.outer(np.sin(theta), rho),
                           post, (len(ys), len(xs)))

    map_x, map_y = dense_source(src, arr.shape[:2], image_hw, out_hw, polar_hw)
    return remap_array(arr, map_x, map_y, order, "constant", 0.0)


def from_polar_array(arr: np.ndarray, polar_hw: tuple, image_hw: tuple, order: int,
                     out_hw: tuple) -> np.ndarray:
    """Resample a polar array (of a ``polar_hw`` polar image) back to ``out_hw`` (fill 0).

    The angle axis wraps around and the radius axis repeats its first column
    towards the centre; beyond the outermost radius the fill is 0.
    """
    out_hw = tuple(out_hw)
    if arr.size == 0 or 0 in arr.shape[:2] or 0 in out_hw:
        return np.zeros(out_hw + arr.shape[2:], dtype=arr.dtype)
    cx, cy, r = _centre_radius(image_hw)

    def src(xs: np.ndarray, ys: np.ndarray, post: tuple) -> tuple[np.ndarray, np.ndarray]:
        dx = xs[None, :] - cx
        dy = ys[:, None] - cy
        rho = np.hypot(dx, dy)
        theta = np.mod(np.arctan2(dy, dx), 2 * math.pi)
        return finish_maps(rho * (polar_hw[1] / r), theta * (polar_hw[0] / (2 * math.pi)),
                           post, (len(ys), len(xs)))

    map_x, map_y = dense_source(src, arr.shape[:2], polar_hw, out_hw, image_hw)
    map_x += np.float32(1.0)
    map_y += np.float32(1.0)
    # one wrapped row above/below (angle) and one repeated column left (radius 0)
    padded = np.concatenate([arr[-1:], arr, arr[:1]], axis=0)
    padded = np.concatenate([padded[:, :1], padded], axis=1)
    return remap_array(padded, map_x, map_y, order, "constant", 0.0)

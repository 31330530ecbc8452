"""End-to-end demo on the bundled sample photo: ``python -m imgaug2.demo``.

Loads the sample photo (a cat, see :mod:`imgaug2.data`) with all of its
annotations, builds a seeded pipeline from the augmenters this build provides,
augments 16 samples with sample keys ``("demo", i)`` and records, draws the
augmented annotations onto the images and writes

* ``demo_out/grid.png``      a 4x4 grid of the augmented samples,
* ``demo_out/records.json``  the record of every sample (JSON),
* ``demo_out/pipeline.json`` the serialised pipeline (when ``iaa.save`` exists).

Then every record is replayed from the record alone and compared bit for bit
with the live output. The exit status is 1 if any replay differs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

#: Augmenters used only when this build of ``imgaug2.augmenters`` has them, so the
#: demo grows with the library: (name, args, kwargs, probability or None).
OPTIONAL_AUGMENTERS: list[tuple[str, tuple, dict, float | None]] = [
    ("Affine", (), {"rotate": (-20, 20), "scale": (0.9, 1.1)}, 0.7),
    ("CropAndPad", (), {"percent": (-0.15, 0.15)}, 0.5),
    ("PerspectiveTransform", (), {"scale": (0.01, 0.08)}, 0.3),
    ("GaussianBlur", (), {"sigma": (0.0, 1.5)}, 0.3),
    ("AdditiveGaussianNoise", (), {"scale": (0.0, 0.05 * 255)}, 0.3),
    ("Multiply", ((0.8, 1.2),), {}, 0.5),
    ("LinearContrast", ((0.75, 1.25),), {}, 0.3),
    ("AddToHueAndSaturation", ((-20, 20),), {}, 0.3),
]

SEED = 42
TARGETS = ("image", "segmentation_maps", "keypoints", "bounding_boxes", "polygons", "heatmaps")

# RGB colours and opacities of the segmentation classes (background unused), then the
# colours of boxes, polygons and keypoints; grid tiles are scaled to at most TILE_SIDE px
_CLASS_COLOURS = np.array([[0, 0, 0], [40, 200, 40], [40, 90, 255], [255, 60, 60]], np.float32)
_CLASS_ALPHA = np.array([0.0, 0.18, 0.45, 0.45], np.float32)
TILE_SIDE = 320
_BOX, _POLY, _KP = (255, 0, 255), (255, 255, 0), (255, 30, 30)


def build_pipeline(iaa: Any, seed: int = SEED) -> tuple[Any, list[str]]:
    """The demo pipeline, plus the names of the optional augmenters it used."""
    steps = [
        iaa.Fliplr(0.5),
        iaa.Sometimes(0.2, iaa.Flipud(1.0)),
        iaa.Sometimes(
            0.5,
            iaa.OneOf([iaa.Rot90(k, keep_size=False) for k in (1, 2, 3)]),
        ),
    ]
    used = []
    for name, args, kwargs, p in OPTIONAL_AUGMENTERS:
        if not hasattr(iaa, name):
            continue
        aug = getattr(iaa, name)(*args, **kwargs)
        steps.append(iaa.Sometimes(p, aug) if p is not None else aug)
        used.append(name)
    return iaa.Sequential(steps, seed=seed), used


def load_sample() -> dict[str, Any]:
    """The sample photo and all its annotations, keyed by augmenter keyword."""
    from imgaug2 import data

    return {
        "image": data.quokka(),
        "segmentation_maps": data.quokka_segmentation_map(),
        "keypoints": data.quokka_keypoints(),
        "bounding_boxes": data.quokka_bounding_boxes(),
        "polygons": data.quokka_polygons(),
        "heatmaps": data.quokka_heatmap(),
    }


# ------------------------------------------------------------------- comparisons


def _arrays(obj: Any) -> list[Any]:
    """Plain comparable content of one output (arrays, coordinates and labels)."""
    if isinstance(obj, np.ndarray):
        return [obj]
    if hasattr(obj, "get_arr"):  # heatmaps, segmentation maps
        return [np.asarray(obj.get_arr()), tuple(obj.shape)]
    if hasattr(obj, "keypoints"):
        return [np.array([[k.x, k.y] for k in obj.keypoints], dtype=np.float64), tuple(obj.shape)]
    if hasattr(obj, "bounding_boxes"):
        return [
            np.array([[b.x1, b.y1, b.x2, b.y2] for b in obj.bounding_boxes], dtype=np.float64),
            [b.label for b in obj.bounding_boxes],
            tuple(obj.shape),
        ]
    if hasattr(obj, "polygons"):
        out: list[Any] = [tuple(obj.shape)]
        for p in obj.polygons:
            out += [np.asarray(p.exterior, dtype=np.float64), p.label]
        return out
    raise TypeError(f"cannot compare output of type {type(obj).__name__}")


def identical(a: Any, b: Any) -> bool:
    """Bit-identity of two outputs of the same target (dtype, shape and values)."""
    xs, ys = _arrays(a), _arrays(b)
    if len(xs) != len(ys):
        return False
    for x, y in zip(xs, ys):
        if isinstance(x, np.ndarray):
            if not isinstance(y, np.ndarray) or x.dtype != y.dtype or x.shape != y.shape:
                return False
            if not np.array_equal(x, y, equal_nan=x.dtype.kind in "fc"):
                return False
        elif x != y:
            return False
    return True


# ----------------------------------------------------------------------- drawing


def draw(outputs: dict[str, Any]) -> np.ndarray:
    """The augmented image with segmentation, heatmap, polygons, boxes and keypoints."""
    import cv2

    img = np.asarray(outputs["image"]).astype(np.float32)
    seg = np.asarray(outputs["segmentation_maps"].get_arr())
    if seg.ndim == 3:
        seg = seg[..., 0]
    if seg.shape != img.shape[:2]:
        seg = cv2.resize(seg.astype(np.int32), (img.shape[1], img.shape[0]),
                         interpolation=cv2.INTER_NEAREST)
    cls = np.clip(seg, 0, len(_CLASS_COLOURS) - 1)
    alpha = _CLASS_ALPHA[cls][..., None]
    img = (1.0 - alpha) * img + alpha * _CLASS_COLOURS[cls]
    heat = np.asarray(outputs["heatmaps"].get_arr(), dtype=np.float32)
    heat = heat.max(axis=2) if heat.ndim == 3 else heat
    if heat.shape != img.shape[:2]:
        heat = cv2.resize(heat, (img.shape[1], img.shape[0]), interpolation=cv2.INTER_LINEAR)
    img += 140.0 * heat[..., None] * np.array([1.0, 1.0, 0.0], np.float32)
    canvas = np.ascontiguousarray(np.clip(img, 0, 255).astype(np.uint8))

    def fixed(xy: Any) -> np.ndarray:  # sub-pixel drawing: cv2 puts integers on pixel centres
        return np.round((np.asarray(xy, dtype=np.float64) - 0.5) * 16).astype(np.int32)

    for poly in outputs["polygons"].polygons:
        pts = fixed(poly.exterior).reshape(-1, 1, 2)
        cv2.polylines(canvas, [pts], True, _POLY, 1, cv2.LINE_AA, shift=4)
    for bb in outputs["bounding_boxes"].bounding_boxes:
        p1, p2 = fixed([bb.x1, bb.y1]), fixed([bb.x2, bb.y2])
        cv2.rectangle(canvas, tuple(int(v) for v in p1), tuple(int(v) for v in p2), _BOX, 2,
                      cv2.LINE_AA, shift=4)
        if bb.label:
            org = (int(max(bb.x1, 0)) + 4, int(max(bb.y1, 0)) + 14)
            cv2.putText(canvas, str(bb.label), org, cv2.FONT_HERSHEY_SIMPLEX, 0.4, _BOX, 1,
                        cv2.LINE_AA)
    for kp in outputs["keypoints"].keypoints:
        c = fixed([kp.x, kp.y])
        cv2.circle(canvas, (int(c[0]), int(c[1])), 4 * 16, _KP, -1, cv2.LINE_AA, shift=4)
    return canvas


def _fit(tile: np.ndarray, side: int) -> np.ndarray:
    import cv2

    scale = side / max(tile.shape[:2])
    if scale >= 1.0:
        return tile
    size = (max(1, round(tile.shape[1] * scale)), max(1, round(tile.shape[0] * scale)))
    return cv2.resize(tile, size, interpolation=cv2.INTER_AREA)


def make_grid(tiles: list[np.ndarray], cols: int = 4, pad: int = 4) -> np.ndarray:
    """Tiles of different shapes (Rot90 swaps H and W) centred in equal cells."""
    cell = max(max(t.shape[0], t.shape[1]) for t in tiles)
    rows = (len(tiles) + cols - 1) // cols
    step = cell + pad
    grid = np.full((rows * step + pad, cols * step + pad, 3), 255, np.uint8)
    for i, t in enumerate(tiles):
        r, c = divmod(i, cols)
        y = pad + r * step + (cell - t.shape[0]) // 2
        x = pad + c * step + (cell - t.shape[1]) // 2
        grid[y : y + t.shape[0], x : x + t.shape[1]] = t
    return grid


# -------------------------------------------------------------------------- main


def run(out_dir: Path, n_samples: int = 16, seed: int = SEED) -> int:
    import cv2

    import imgaug2
    import imgaug2.augmenters as iaa

    sample = load_sample()
    aug, optional_used = build_pipeline(iaa, seed=seed)
    out_dir.mkdir(parents=True, exist_ok=True)

    t0 = time.perf_counter()
    results = []
    for i in range(n_samples):
        *outs, record = aug(**sample, key=("demo", i), return_record=True)
        results.append((dict(zip(sample, outs)), record))
    seconds = time.perf_counter() - t0

    tiles = [_fit(draw(o), TILE_SIDE) for o, _ in results]
    cv2.imwrite(str(out_dir / "grid.png"), make_grid(tiles)[:, :, ::-1])
    records_json = [json.loads(rec.to_json()) for _, rec in results]
    (out_dir / "records.json").write_text(json.dumps(records_json, indent=1) + "\n")
    if hasattr(iaa, "save"):
        iaa.save(aug, out_dir / "pipeline.json")

    # Replay from the record alone (in memory and after a JSON round trip): no RNG.
    mismatches = []
    for i, (outputs, record) in enumerate(results):
        for label, rec in (("record", record), ("json", record.to_json())):
            replayed = imgaug2.replay(rec, **sample)
            if not isinstance(replayed, (tuple, list)):
                replayed = (replayed,)
            for name, got in zip(sample, replayed):
                if not identical(outputs[name], got):
                    mismatches.append(f"sample {i} ({label}): {name}")
            if len(replayed) != len(sample):
                mismatches.append(f"sample {i} ({label}): {len(replayed)} outputs")

    print(f"imgaug2 demo: {n_samples} samples ({', '.join(TARGETS)}) in {seconds:.3f} s")
    print("  pipeline: Fliplr, Flipud, Rot90, OneOf, Sometimes"
          + (", " + ", ".join(optional_used) if optional_used else ""))
    print(f"  outputs:  {out_dir}/grid.png, records.json"
          + (", pipeline.json" if hasattr(iaa, "save") else ""))
    if mismatches:
        print(f"  replay MISMATCH ({len(mismatches)}):", file=sys.stderr)
        for m in mismatches[:20]:
            print("    " + m, file=sys.stderr)
        return 1
    print(f"  replay OK: {n_samples}/{n_samples} samples bit-identical (record and JSON)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m imgaug2.demo", description=(__doc__ or "").split("\n")[0]
    )
    parser.add_argument("--out", default="demo_out", help="output folder (default: demo_out)")
    parser.add_argument("--samples", type=int, default=16, help="number of samples (default: 16)")
    parser.add_argument("--seed", type=int, default=SEED, help=f"pipeline seed (default: {SEED})")
    args = parser.parse_args(argv)
    if args.samples < 1:
        parser.error("--samples must be at least 1")
    return run(Path(args.out), n_samples=args.samples, seed=args.seed)


if __name__ == "__main__":
    sys.exit(main())

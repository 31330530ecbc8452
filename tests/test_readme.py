"""Every Python block of the README runs as written."""

import pathlib
import re

import numpy as np

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"


def test_readme_python_blocks_run():
    import imgaug2.augmenters as iaa
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert len(blocks) >= 2
    rng = np.random.default_rng(0)
    ns = {"my_dataset": [rng.integers(0, 255, (32, 32, 3), dtype=np.uint8) for _ in range(8)],
          "aug": iaa.Sequential([iaa.Fliplr(0.5), iaa.Affine(rotate=(-10, 10))], seed=1)}
    for i, code in enumerate(blocks):
        exec(compile(code, "README.md block %d" % i, "exec"), ns)
    assert np.array_equal(ns["replayed"], ns["image_aug2"])

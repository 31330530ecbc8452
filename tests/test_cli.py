"""The ``imgaug2`` command line: replay, verify, --version and bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import cv2
import numpy as np
import pytest

import imgaug2
import imgaug2.augmenters as iaa
from imgaug2.cli import main, output_digest, read_image


def _pipeline(seed=4):
    return iaa.Sequential([iaa.Fliplr(0.5), iaa.Rot90((0, 3)), iaa.ChannelShuffle(1.0)],
                          seed=seed)


@pytest.fixture()
def image_dir(tmp_path):
    d = tmp_path / "images"
    d.mkdir()
    for i in range(3):
        img = np.random.default_rng(i).integers(0, 256, (24, 20, 3), dtype=np.uint8)
        cv2.imwrite(str(d / ("im%d.png" % i)), img)
    (d / "notes.txt").write_text("not an image")
    return d


def _src_env():
    env = dict(os.environ)
    src = os.path.dirname(os.path.dirname(os.path.abspath(imgaug2.__file__)))
    env["PYTHONPATH"] = os.pathsep.join([src] + [p for p in env.get("PYTHONPATH", "").split(
        os.pathsep) if p])
    return env


def test_version_in_process_and_as_real_subprocess(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == "imgaug2 %s" % imgaug2.__version__
    proc = subprocess.run([sys.executable, "-m", "imgaug2.cli", "--version"],
                          capture_output=True, text=True, env=_src_env(), timeout=120)
    assert proc.returncode == 0
    assert proc.stdout.strip() == "imgaug2 %s" % imgaug2.__version__


def test_no_command_prints_help_and_fails(capsys):
    assert main([]) == 2
    assert "replay" in capsys.readouterr().out


def test_read_image_returns_rgb(tmp_path):
    bgr = np.zeros((4, 5, 3), np.uint8)
    bgr[..., 0] = 255  # blue in OpenCV's order
    cv2.imwrite(str(tmp_path / "b.png"), bgr)
    rgb = read_image(str(tmp_path / "b.png"))
    assert rgb.shape == (4, 5, 3) and (rgb[..., 2] == 255).all() and (rgb[..., 0] == 0).all()


def test_replay_writes_the_recorded_output_bit_exactly(tmp_path, image_dir, capsys):
    img = read_image(str(image_dir / "im1.png"))
    out, record = _pipeline()(image=img, return_record=True)
    rec_path = tmp_path / "rec.json"
    rec_path.write_text(record.to_json())
    out_path = tmp_path / "out.png"
    assert main(["replay", str(rec_path), str(image_dir / "im1.png"), "-o", str(out_path)]) == 0
    assert "wrote" in capsys.readouterr().out
    assert np.array_equal(read_image(str(out_path)), out)


def test_replay_multi_row_record_needs_row(tmp_path, image_dir, capsys):
    imgs = [read_image(str(image_dir / n)) for n in ("im0.png", "im1.png")]
    outs, record = _pipeline()(images=imgs, return_record=True)
    rec_path = tmp_path / "rec.json"
    rec_path.write_text(record.to_json())
    out_path = tmp_path / "out.png"
    assert main(["replay", str(rec_path), str(image_dir / "im1.png"), "-o", str(out_path)]) == 2
    assert "holds 2 rows" in capsys.readouterr().err
    assert main(["replay", str(rec_path), str(image_dir / "im1.png"), "-o", str(out_path),
                 "--row", "1"]) == 0
    assert np.array_equal(read_image(str(out_path)), outs[1])
    assert main(["replay", str(rec_path), str(image_dir / "im1.png"), "-o", str(out_path),
                 "--row", "2"]) == 2
    assert "--row 2" in capsys.readouterr().err


@pytest.mark.parametrize("case", ["missing_record", "truncated", "not_a_record", "other_shape",
                                  "missing_image", "bad_output", "other_pipeline"])
def test_replay_bad_input_fails_with_a_clear_message(tmp_path, image_dir, capsys, case):
    img = read_image(str(image_dir / "im0.png"))
    _, record = _pipeline()(image=img, return_record=True)
    text = record.to_json()
    rec_path = tmp_path / "rec.json"
    image_path = str(image_dir / "im0.png")
    out_path = str(tmp_path / "out.png")
    expect = {"missing_record": "no such file", "truncated": "not valid JSON",
              "not_a_record": "not an imgaug2 record", "other_shape": "shape",
              "missing_image": "no such file", "bad_output": "cannot write",
              "other_pipeline": "different pipeline"}[case]
    if case == "truncated":
        rec_path.write_text(text[: len(text) // 2])
    elif case == "not_a_record":
        rec_path.write_text(json.dumps({"hello": 1}))
    elif case == "other_pipeline":
        doc = json.loads(text)
        doc["fingerprint"] = doc["fingerprint"][:1]
        rec_path.write_text(json.dumps(doc))
    elif case != "missing_record":
        rec_path.write_text(text)
    if case == "other_shape":
        cv2.imwrite(str(tmp_path / "big.png"), np.zeros((30, 30, 3), np.uint8))
        image_path = str(tmp_path / "big.png")
    if case == "missing_image":
        image_path = str(tmp_path / "nope.png")
    if case == "bad_output":
        out_path = str(tmp_path / "out.unknown_suffix")
    assert main(["replay", str(rec_path), image_path, "-o", out_path]) == 2
    err = capsys.readouterr().err
    assert err.startswith("imgaug2: error:") and expect in err
    if case != "bad_output":
        assert not os.path.exists(out_path)


def test_verify_ok_across_repeats_process_and_workers(tmp_path, image_dir, capsys):
    path = tmp_path / "p.yaml"
    iaa.save(_pipeline(), str(path))
    code = main(["verify", str(path), "--images", str(image_dir), "--workers", "0", "2",
                 "--repeats", "2", "--start-method", "fork"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "OK: all 3 outputs identical across 5 runs" in out
    assert "separate process" in out and "workers=2" in out
    # The table's digests are those of a keyed in-process call.
    aug = iaa.load(str(path))
    digest = output_digest(aug(image=read_image(str(image_dir / "im0.png")), key="im0.png"))
    assert digest[:16] in out


def test_verify_reports_mismatches_of_an_unpinned_hand_written_pipeline(tmp_path, image_dir,
                                                                         capsys):
    # A hand-written document has no stored keys: each process draws a fresh root.
    path = tmp_path / "hand.json"
    path.write_text(json.dumps({"__augmenter__": "Sequential", "args": {"children": [
        {"__augmenter__": "Rot90", "args": {"k": [0, 3]}},
        {"__augmenter__": "ChannelShuffle", "args": {"p": 1.0}}]}}))
    assert main(["verify", str(path), "--images", str(image_dir), "--workers", "0"]) == 1
    out = capsys.readouterr().out
    assert "MISMATCH" in out and "--seed" in out
    assert main(["verify", str(path), "--images", str(image_dir), "--workers", "0",
                 "--seed", "3"]) == 0
    assert "OK: all 3 outputs identical across 4 runs" in capsys.readouterr().out


@pytest.mark.parametrize("args,expect", [
    (["--images", "DIR_MISSING"], "not a directory"),
    (["--images", "EMPTY"], "no image files"),
    (["--images", "DIR", "--repeats", "0"], "--repeats"),
])
def test_verify_bad_input(tmp_path, image_dir, capsys, args, expect):
    path = tmp_path / "p.json"
    iaa.save(_pipeline(), str(path))
    (tmp_path / "empty").mkdir()
    subst = {"DIR": str(image_dir), "DIR_MISSING": str(tmp_path / "nope"),
             "EMPTY": str(tmp_path / "empty")}
    assert main(["verify", str(path)] + [subst.get(a, a) for a in args]) == 2
    assert expect in capsys.readouterr().err


def test_verify_refuses_unsafe_or_unknown_pipelines(tmp_path, image_dir, capsys):
    evil = tmp_path / "evil.yaml"
    evil.write_text("!!python/object/apply:os.system ['echo pwned']\n")
    assert main(["verify", str(evil), "--images", str(image_dir)]) == 2
    assert "pipeline" in capsys.readouterr().err
    unknown = tmp_path / "unknown.json"
    unknown.write_text(json.dumps({"__augmenter__": "NoSuchAugmenter", "args": {}}))
    assert main(["verify", str(unknown), "--images", str(image_dir)]) == 2
    assert "NoSuchAugmenter" in capsys.readouterr().err
    wrong_suffix = tmp_path / "p.txt"
    wrong_suffix.write_text("{}")
    assert main(["verify", str(wrong_suffix), "--images", str(image_dir)]) == 2

"""`pip install` of the built wheel into a fresh virtual environment gives a working mapapp
with every resource inside the package, run from an unrelated folder."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(cmd, cwd, timeout=900):
    r = subprocess.run(
        [str(c) for c in cmd],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={"PATH": "/usr/bin:/bin", "QT_QPA_PLATFORM": "offscreen", "HOME": str(cwd)},
    )
    assert r.returncode == 0, f"{cmd}: {r.stdout[-1500:]}{r.stderr[-1500:]}"
    return r.stdout


@pytest.mark.slow
def test_wheel_installs_and_runs_from_anywhere(tmp_path):
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", dist, ROOT], tmp_path)
    (wheel,) = dist.glob("mapapp-*.whl")
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", venv], tmp_path)
    run([venv / "bin" / "python", "-m", "pip", "install", "-q", wheel], tmp_path)
    work = tmp_path / "elsewhere"
    work.mkdir()
    mapapp = venv / "bin" / "mapapp"

    assert run([mapapp, "--version"], work).startswith("mapapp ")
    where = run(
        [
            venv / "bin" / "python",
            "-c",
            "import mapapp.model.io as m; print(m.default_situation_path())",
        ],
        work,
    ).strip()
    assert "site-packages" in where and Path(where).is_file()  # inside the package
    assert "valid" in run([mapapp, "validate", where], work)
    run([mapapp, "snapshot", "-o", "map.png", "--size", "800x500"], work)
    head = (work / "map.png").read_bytes()[:8]
    assert head == b"\x89PNG\r\n\x1a\n"
    run([mapapp, "convert", where, "-o", "t.geojson"], work)
    assert (work / "t.geojson").stat().st_size > 10_000
    # reading an article needs the actors and the places cities500 lacks, shipped as data
    (work / "a.txt").write_text("Les FAMa sont à Léré depuis le 2 août 2024.", encoding="utf-8")
    kinds = run([mapapp, "extract", "a.txt"], work)
    for kind in ('"actor"', '"place"', '"date"'):
        assert kind in kinds, kinds
    # the desktop files ship too
    env_check = run(
        [
            venv / "bin" / "python",
            "-c",
            "from mapapp.desktop import planned_files; print(len(planned_files()))",
        ],
        work,
    )
    assert int(env_check) == 13

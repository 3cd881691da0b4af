"""The PyInstaller one-folder bundle builds and runs headless with no Python around it."""

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "mapapp"


@pytest.fixture(scope="module")
def bundle():
    r = subprocess.run(
        ["bash", "packaging/build_bundle.sh"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1200,
    )
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    return BUNDLE / "mapapp"


def run_bare(cmd, cwd):
    """No venv, no PYTHONPATH: only what the bundle carries."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [str(c) for c in cmd], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.mark.slow
def test_bundle_runs_version_and_snapshot(bundle, tmp_path):
    from mapapp import __version__

    r = run_bare([bundle, "--version"], tmp_path)
    assert r.returncode == 0 and r.stdout.strip() == f"mapapp {__version__}", r.stderr
    r = run_bare([bundle, "snapshot", "-o", "map.png", "--size", "800x500"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "map.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # a dataset with a time window: numpy and polars load from the bundle (a stripped
    # OpenBLAS once failed to load: "ELF load command address/offset not page-aligned")
    acled = ROOT / "tests" / "data" / "acled-fixture.csv"
    r = run_bare([bundle, "snapshot", acled, "-o", "acled.png", "--from", "2030-01-01"], tmp_path)
    assert r.returncode == 0, r.stderr
    r = run_bare([bundle, "snapshot", "-o", "map.pdf"], tmp_path)
    assert r.returncode == 0 and (tmp_path / "map.pdf").read_bytes().startswith(b"%PDF")
    r = run_bare([bundle, "snapshot", "-o", "map.txt"], tmp_path)
    assert r.returncode == 2 and "unsupported output format" in r.stderr


@pytest.mark.slow
def test_bundle_leaves_out_what_mapapp_does_not_use(bundle):
    internal = BUNDLE / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unused in ("QtNetwork.abi3.so", "QtQml.abi3.so", "libqgtk3.so", "matplotlib", "pandas"):
        assert unused not in names, f"{unused} is in the bundle"
    # of Qt's translations only its own dialogs' French, for the French interface
    qt_translations = internal / "PySide6" / "Qt" / "translations"
    assert sorted(p.name for p in qt_translations.iterdir()) == ["qtbase_fr.qm"]
    assert (internal / "mapapp" / "resources" / "i18n" / "mapapp_fr.qm").is_file()
    assert (internal / "mapapp" / "resources" / "geodata" / "basemap.3857.bin").is_file()

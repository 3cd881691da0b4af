"""A snapshot's file remembers what shaped its picture: the time window and its mode, every
filter, the hidden layers and the selection, in PNG text chunks, SVG metadata and PDF XMP,
from the command line and from the window alike; typed text stays inert text."""

import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from mapapp.render.event_styles import VIOLENCE
from tests.cli_run import ROOT, mapapp
from tests.pixels import colour_mask, image_rgb

FIXTURE_CSV = ROOT / "tests" / "data" / "acled-fixture.csv"
NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "mapapp": "https://mapapp.invalid/ns/snapshot/1.0/",
}
HOSTILE = "</dc:title><script>alert(1)</script>\x01<img src=x onerror=alert(2)>"


def snapshot(out: Path, *args: str) -> None:
    r = mapapp("snapshot", "-o", out, "--size", "900x600", *args)
    assert r.returncode == 0, r.stderr


def test_png_text_chunks_name_the_time_window_mode_and_every_filter(tmp_path):
    out = tmp_path / "map.png"
    snapshot(
        out,
        *("--from", "2024-07-25", "--to", "2024-07-27", "--mode", "fade"),
        *("--actor", "FAMa", "--search", "Tinzaouaten", "--status", "disputed"),
        *("--hide", "graticule,places", "--select", "battle"),
    )
    image = QImage(str(out))
    assert image.text("Time Window") == "2024-07-25/2024-07-27"
    assert image.text("Time Mode") == "fade (earlier events fading over 30 days)"
    assert image.text("Filter Actor") == "Malian army (mali-army)"  # FAMa is its alias
    assert image.text("Filter Search") == "Tinzaouaten"
    assert image.text("Filter Claim status") == "disputed"
    assert image.text("Filters") == (
        "Search: Tinzaouaten; Actor: Malian army (mali-army); Claim status: disputed"
    )
    assert image.text("Hidden Layers") == "graticule, places"
    assert image.text("Selected") == "battle"


def test_an_unfiltered_snapshot_says_so(tmp_path):
    out = tmp_path / "map.png"
    snapshot(out)
    image = QImage(str(out))
    assert image.text("Time Window") == "all dates"
    assert image.text("Filters") == "none"
    assert "Time Mode" not in image.textKeys() and "Hidden Layers" not in image.textKeys()


def test_the_filters_shape_the_picture_they_are_recorded_for(tmp_path):
    """The metadata is no label stuck on: the battle's orange marker is drawn unfiltered
    and gone when the search matches nothing."""
    shown, hidden = tmp_path / "all.png", tmp_path / "none.png"
    snapshot(shown, "--no-legend")
    snapshot(hidden, "--no-legend", "--search", "no event says this")
    orange = [
        int(colour_mask(image_rgb(QImage(str(p))), VIOLENCE, 30).sum()) for p in (shown, hidden)
    ]
    assert orange[0] > 100 and orange[1] < orange[0] / 10


def test_svg_metadata_holds_hostile_text_as_text(tmp_path):
    out = tmp_path / "map.svg"
    snapshot(out, "--search", HOSTILE, "--from", "2024-07-26", "--mode", "accumulate")
    root = ET.parse(out).getroot()  # control characters would make it unparseable
    expected = HOSTILE.replace("\x01", " ")
    assert root.find(".//mapapp:filterSearch", NS).text == expected
    assert root.find(".//mapapp:timeMode", NS).text == "accumulate"
    assert root.find(".//mapapp:timeWindow", NS).text.startswith("2024-07-26/")
    assert f"filters: Search: {expected}" in root.find(".//dc:description", NS).text
    tags = {e.tag.rsplit("}", 1)[-1] for e in root.iter()}
    assert "script" not in tags and "img" not in tags
    assert root.find(".//dc:title", NS).text.startswith("Fighting near Tinzaouaten")


def test_pdf_xmp_names_the_time_window_and_filters(tmp_path):
    out = tmp_path / "map.pdf"
    snapshot(out, "--from", "2024-07-25", "--to", "2024-07-27", "--search", "a&b <c>")
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo is not installed (poppler-utils)")
    xmp = subprocess.run(["pdfinfo", "-meta", str(out)], capture_output=True, text=True).stdout
    root = ET.fromstring(xmp[xmp.index("<x:xmpmeta") : xmp.index("</x:xmpmeta>") + 12])
    assert root.find(".//mapapp:timeWindow", NS).text == "2024-07-25/2024-07-27"
    assert root.find(".//mapapp:filterSearch", NS).text == "a&b <c>"
    description = root.find(".//dc:description", NS)[0][0].text
    assert "time window: 2024-07-25/2024-07-27" in description


def test_a_datasets_filters_take_acled_words(tmp_path):
    out = tmp_path / "acled.png"
    snapshot(out, str(FIXTURE_CSV), "--type", "Battles", "--actor", "Fixture Army")
    image = QImage(str(out))
    assert image.text("Filter Type") == "battle"
    assert image.text("Filter Actor") == "Fixture Army"


@pytest.mark.parametrize(
    "args, message",
    [
        (["--type", "Riotz"], "--type 'Riotz': not in this dataset; it has 'battle'"),
        (["--actor", "Nobody"], "--actor 'Nobody': no event names it"),
        (["--status", "disputed"], "--status filters a situation file's claims"),
    ],
)
def test_a_filter_the_dataset_cannot_meet_is_one_clear_line(tmp_path, args, message):
    out = tmp_path / "acled.png"
    r = mapapp("snapshot", FIXTURE_CSV, "-o", out, *args)
    assert r.returncode == 2 and not out.exists()
    assert r.stderr.count("\n") == 1 and message in r.stderr


def test_the_window_export_records_the_panel_filters_and_timeline(
    situation_window, qtbot, tmp_path
):
    from tests.test_export_gui import choices, run_export

    w = situation_window
    qtbot.keyClicks(w.docks.panel.search, "Tinzaouaten")
    epoch = date(1970, 1, 1)
    first, last = ((date.fromisoformat(d) - epoch).days for d in ("2024-07-25", "2024-07-28"))
    w.docks.timeline.set_days(first, last)
    qtbot.waitUntil(lambda: w.selector.time_window is not None)
    out = tmp_path / "view.png"
    run_export(w, qtbot, choices(out))
    image = QImage(str(out))
    assert image.text("Time Window") == "2024-07-25/2024-07-28"
    assert image.text("Time Mode") == "window"
    assert image.text("Filter Search") == "Tinzaouaten"

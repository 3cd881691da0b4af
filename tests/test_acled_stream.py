"""Converting an ACLED CSV as a stream of batches gives what converting it whole gives:
the same features, rows and cells, the same refusals naming the same lines, and the whole
file where a batch cannot stand alone (tagged days of one event, ids repeated across
batches). Batches here are a few kilobytes, so a 3,000-row file has dozens of them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from mapapp.exchange import acled_stream
from mapapp.exchange.convert import convert_stream, read_any, write_any
from mapapp.model.files import SituationError
from tests.benchmarks.make_acled import write


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(acled_stream, "BATCH_BYTES", 40_000)
    monkeypatch.setattr(acled_stream, "BLOCK_BYTES", 7_000)
    # the defaults were bound when the function was defined
    real = acled_stream.record_ranges
    monkeypatch.setattr(acled_stream, "record_ranges", lambda path: real(path, 40_000, 7_000))


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    return write(3000, tmp_path_factory.mktemp("stream") / "acled.csv")


def test_batches_cover_every_record_once(src, small_batches):
    ranges = acled_stream.record_ranges(src)
    header = next(ranges)
    parts = list(ranges)
    assert len(parts) > 20 and header[0] == "event_id_cnty"
    with open(src, encoding="utf-8-sig", newline="") as f:
        reader = csv.reader(f)
        next(reader)
        starts = []
        while True:
            line = reader.line_num + 1
            try:
                next(reader)
            except StopIteration:
                break
            starts.append(line)
    rows_before = 0
    for first_line, data in parts:
        rows = list(csv.reader(data.decode("utf-8").splitlines(keepends=True)))
        assert first_line == starts[rows_before]  # each batch knows its first line
        rows_before += len(rows)
    assert rows_before == 3000


@pytest.mark.parametrize("suffix", [".geojson", ".csv", ".kml", ".parquet"])
def test_a_stream_writes_what_the_whole_file_writes(src, tmp_path, small_batches, suffix):
    streamed, whole = tmp_path / f"s{suffix}", tmp_path / f"w{suffix}"
    notes, events = convert_stream(src, streamed)
    assert events == 3000 and notes == []
    write_any(read_any(src), whole)
    if suffix == ".geojson":
        a = json.loads(streamed.read_text(encoding="utf-8"))["features"]
        b = json.loads(whole.read_text(encoding="utf-8"))["features"]
        assert a == b and len(a) == 3000
    elif suffix == ".parquet":
        assert read_any(streamed).table.frame.equals(read_any(whole).table.frame)
    else:
        assert streamed.read_bytes() == whole.read_bytes()


def _with_bad_latitude(src: Path, tmp_path: Path, index: int) -> tuple[Path, int]:
    """A copy with data row ``index``'s latitude made 'north', and that row's line."""
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    rows[index + 1][rows[0].index("latitude")] = "north"
    out = tmp_path / "bad.csv"
    with open(out, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    with open(out, encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        for _ in range(index + 1):
            next(reader)
        line = reader.line_num + 1
    return out, line


def test_a_problem_deep_in_a_stream_names_its_line_and_writes_nothing(src, tmp_path, small_batches):
    bad, line = _with_bad_latitude(src, tmp_path, 2500)
    out = tmp_path / "out.geojson"
    with pytest.raises(SituationError) as streamed:
        convert_stream(bad, out)
    with pytest.raises(SituationError) as whole:
        read_any(bad)
    assert str(streamed.value.problems[0]) == str(whole.value.problems[0])
    assert str(streamed.value.problems[0]).startswith(f"line {line}: latitude 'north'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv"]


def test_tagged_days_and_repeated_ids_are_read_whole(tmp_path, small_batches):
    from mapapp.model.io import default_situation_path

    exported = tmp_path / "ours.csv"
    write_any(read_any(default_situation_path()), exported)
    assert convert_stream(exported, tmp_path / "x.geojson") is None  # tagged: whole file
    doubled = tmp_path / "doubled.csv"
    text = write(400, tmp_path / "one.csv").read_text(encoding="utf-8-sig")
    header, body = text.split("\n", 1)
    doubled.write_text(header + "\n" + body + body, encoding="utf-8")
    assert convert_stream(doubled, tmp_path / "y.geojson") is None  # ids repeat
    assert not (tmp_path / "y.geojson").exists()

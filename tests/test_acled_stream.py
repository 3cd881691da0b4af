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
    monkeypatch.setattr(acled_stream, "BATCH_ROWS", 100)
    monkeypatch.setattr(acled_stream, "BLOCK_BYTES", 7_000)


@pytest.fixture(scope="module")
def src(tmp_path_factory) -> Path:
    return write(3000, tmp_path_factory.mktemp("stream") / "acled.csv")


def test_batches_cover_every_record_once(src, small_batches):
    parts = list(acled_stream.AcledStream(src).batches())
    assert len(parts) > 20 and sum(frame.height for frame, _ in parts) == 3000
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
    lines = acled_stream.LineIndex(src)  # each row's first line, for naming a bad one
    assert [lines.line_of(row) for row in range(3000)] == starts


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


def _both(src: Path, tmp_path: Path) -> tuple[str, str]:
    """The first problem when streamed and when read whole ('' if accepted)."""
    out = tmp_path / "o.geojson"
    try:
        convert_stream(src, out)
        streamed = ""
    except SituationError as exc:
        streamed = " | ".join(map(str, exc.problems))
    try:
        read_any(src)
        whole = ""
    except SituationError as exc:
        whole = " | ".join(map(str, exc.problems))
    return streamed, whole


def test_odd_files_are_taken_or_refused_as_when_read_whole(src, tmp_path, small_batches):
    text = src.read_text(encoding="utf-8-sig")
    header, body = text.split("\n", 1)
    lines = body.split("\n")
    cases = {
        # a short row first in a batch (the row after a cut): padded, as in the whole file
        "short.csv": header
        + "\n"
        + "\n".join([*lines[:80], lines[80].rsplit(",", 1)[0]])
        + "\n"
        + "\n".join(lines[81:]),
        "header-only.csv": "foo,bar\n",
        "bad-header.csv": header.replace("latitude", "lat") + "\n" + body,
        "many-bad.csv": header + "\n" + body.replace(",Mali,", ",Mali ,").replace('"', ""),
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        streamed, whole = _both(path, tmp_path)
        assert streamed == whole, name
    # a bad header is said once, not once per batch
    streamed, _ = _both(tmp_path / "bad-header.csv", tmp_path)
    assert streamed.count("line 1:") == 1


def test_too_many_problems_are_cut_with_a_last_line_saying_so(src, tmp_path, small_batches):
    with open(src, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    lat = rows[0].index("latitude")
    for row in rows[1:200]:
        row[lat] = "north"
    bad = tmp_path / "many.csv"
    with open(bad, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    with pytest.raises(SituationError) as streamed:
        convert_stream(bad, tmp_path / "o.geojson")
    with pytest.raises(SituationError) as whole:
        read_any(bad)
    assert len(streamed.value.problems) == len(whole.value.problems) == 51
    assert streamed.value.problems[-1].message == "too many problems; stopped listing"


def test_a_streamed_geoparquet_carries_the_data_date(src, tmp_path, small_batches):
    import polars as pl

    streamed, whole = tmp_path / "s.parquet", tmp_path / "w.parquet"
    convert_stream(src, streamed)
    write_any(read_any(src), whole)
    meta = [json.loads(pl.read_parquet_metadata(p)["mapapp"]) for p in (streamed, whole)]
    assert meta[0]["data_date"] == meta[1]["data_date"] == read_any(src).data_date != ""

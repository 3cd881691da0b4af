"""Check a situation file: JSON Schema, then what a schema cannot say (references,
finite coordinates, citation spans that match the source text).

Text fields may hold anything, markup included: a note that quotes ``<b>`` is data. It is
kept as written and escaped on every output (details view, tooltips, KML, SVG, PDF),
never interpreted, and never a reason to refuse a file.

Every problem names its place as a JSON path, e.g. ``$.claims[3].claimant``.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

from mapapp.i18n import QT_TRANSLATE_NOOP, format_number, translate
from mapapp.model.files import Problem, json_path, source_texts
from mapapp.resources_path import resources_dir

# a reference to an item that is not there, by the kind of item referred to
NO_SUCH = {
    "sources": QT_TRANSLATE_NOOP("data", "no source with id {id!r}"),
    "places": QT_TRANSLATE_NOOP("data", "no place with id {id!r}"),
    "areas": QT_TRANSLATE_NOOP("data", "no area with id {id!r}"),
    "actors": QT_TRANSLATE_NOOP("data", "no actor with id {id!r}"),
    "events": QT_TRANSLATE_NOOP("data", "no event with id {id!r}"),
    "claims": QT_TRANSLATE_NOOP("data", "no claim with id {id!r}"),
}


@cache
def schema() -> dict[str, Any]:
    return json.loads((resources_dir() / "schema" / "situation.schema.json").read_text("utf-8"))


def validate(
    data: Any, base_dir: Path | None, known: dict[str, str] | None = None
) -> tuple[list[Problem], dict[str, str]]:
    """All problems of ``data`` (empty when valid), and the texts of sources that have one
    (``known``: texts held in memory, instead of the files beside the situation)."""
    problems = _bad_values(data, [])
    problems += _schema_problems(data)
    if problems or not isinstance(data, dict):
        return problems, {}
    texts, text_problems = source_texts(data, base_dir, known)
    problems += text_problems
    problems += _references(data)
    problems += _citations(data, texts)
    problems += _locations(data)
    problems += _dates(data)
    return problems, texts


def _schema_problems(data: Any) -> list[Problem]:
    from jsonschema import Draft202012Validator, FormatChecker

    validator = Draft202012Validator(schema(), format_checker=FormatChecker())
    out = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        out.append(Problem(json_path(err.absolute_path), _describe(err)))
    return out


def _describe(err) -> str:
    """A short message that never repeats a huge offending value."""
    v, expected, inst = err.validator, err.validator_value, err.instance
    if v == "maxLength":
        text = translate("data", "text is {length} characters long; at most {limit} allowed")
        return text.format(length=format_number(len(inst)), limit=format_number(expected))
    if v == "minLength":
        return translate("data", "must not be empty")
    if v == "required":
        missing = [k for k in expected if isinstance(inst, dict) and k not in inst]
        text = translate("data", "missing required field {names}")
        return text.format(names=", ".join(repr(k) for k in missing))
    if v == "additionalProperties":
        extra = sorted(set(inst) - set(err.schema.get("properties", {})))
        text = translate("data", "unknown field {names}")
        return text.format(names=", ".join(repr(str(k)[:40]) for k in extra))
    if v == "enum":
        text = translate("data", "{value} is not one of {allowed}")
        return text.format(value=_short(inst), allowed=", ".join(map(str, expected)))
    if v == "const":
        text = translate("data", "must be {expected!r}, not {value}")
        return text.format(expected=expected, value=_short(inst))
    if v == "type":
        text = translate("data", "must be of type {expected}, not {type}")
        return text.format(expected=expected, type=type(inst).__name__)
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        text = translate("data", "{value} is out of range ({rule} {limit})")
        return text.format(value=_short(inst), rule=v, limit=expected)
    if v == "pattern":
        return translate("data", "{value} does not have the expected form").format(
            value=_short(inst)
        )
    if v == "format":
        text = translate("data", "{value} is not a valid {format}")
        return text.format(value=_short(inst), format=expected)
    if v in ("oneOf", "anyOf"):
        return translate("data", "does not match any allowed form (check which fields are given)")
    if v == "minItems":
        return translate("data", "needs at least {count} item(s)").format(count=expected)
    return err.message[:200]


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "…'"


def _bad_values(node: Any, path: list) -> list[Problem]:
    """What JSON can carry but no field may hold: NaN/Infinity, and text with an unpaired
    surrogate ("\\ud800" is legal JSON, but not Unicode: no file could be written)."""
    if isinstance(node, float) and not math.isfinite(node):
        msg = translate("data", "{value} is not a finite number").format(value=node)
        return [Problem(json_path(path), msg)]
    if isinstance(node, str):
        try:
            node.encode("utf-8")
        except UnicodeEncodeError as exc:
            msg = translate(
                "data", "text has an unpaired surrogate at character {index}: not valid Unicode"
            ).format(index=exc.start)
            return [Problem(json_path(path), msg)]
        return []
    if isinstance(node, dict):
        return [
            p for k, v in node.items() for p in _bad_values(k, path) + _bad_values(v, [*path, k])
        ]
    if isinstance(node, list):
        return [p for i, v in enumerate(node) for p in _bad_values(v, [*path, i])]
    return []


def _ids(data: dict, key: str, problems: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(data.get(key, [])):
        if item["id"] in seen:
            msg = translate("data", "duplicate id {id!r}").format(id=item["id"])
            problems.append(Problem(json_path([key, i, "id"]), msg))
        seen.add(item["id"])
    return seen


def _references(data: dict) -> list[Problem]:
    problems: list[Problem] = []
    ids = {
        k: _ids(data, k, problems)
        for k in ("sources", "places", "areas", "actors", "events", "claims")
    }

    def ref(path: list, value: str | None, kind: str) -> None:
        if value and value not in ids[kind]:
            msg = translate("data", NO_SUCH[kind]).format(id=value)
            problems.append(Problem(json_path(path), msg))

    for i, f in enumerate(data.get("focus", [])):
        ref(["focus", i], f, "places")
    for i, p in enumerate(data["places"]):
        ref(["places", i, "coordinate_source"], p.get("coordinate_source"), "sources")
    for i, a in enumerate(data["actors"]):
        for j, r in enumerate(a.get("relations", [])):
            ref(["actors", i, "relations", j, "actor"], r["actor"], "actors")
    for i, e in enumerate(data["events"]):
        ref(["events", i, "part_of"], e.get("part_of"), "events")
        ref(["events", i, "time", "source"], e["time"].get("source"), "sources")
        ref(["events", i, "location", "place"], e["location"].get("place"), "places")
        ref(["events", i, "location", "area"], e["location"].get("area"), "areas")
        for j, p in enumerate(e.get("actors", [])):
            ref(["events", i, "actors", j, "actor"], p["actor"], "actors")
    for i, c in enumerate(data["claims"]):
        ref(["claims", i, "claimant"], c.get("claimant"), "actors")
        for j, ev in enumerate(c.get("about", [])):
            ref(["claims", i, "about", j], ev, "events")
        for j, link in enumerate(c.get("links", [])):
            ref(["claims", i, "links", j, "claim"], link["claim"], "claims")
    problems += _part_of_cycles(data)
    return problems


def _part_of_cycles(data: dict) -> list[Problem]:
    parent = {e["id"]: e.get("part_of") for e in data["events"]}
    out = []
    for i, e in enumerate(data["events"]):
        seen, cur = {e["id"]}, parent.get(e["id"])
        while cur:
            if cur in seen:
                msg = translate("data", "part_of forms a cycle")
                out.append(Problem(json_path(["events", i, "part_of"]), msg))
                break
            seen.add(cur)
            cur = parent.get(cur)
    return out


def _walk_citations(node: Any, path: list):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "citations" and isinstance(v, list):
                for i, c in enumerate(v):
                    yield [*path, k, i], c
            else:
                yield from _walk_citations(v, [*path, k])
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _walk_citations(v, [*path, i])


def _citations(data: dict, texts: dict[str, str]) -> list[Problem]:
    source_ids = {s["id"] for s in data["sources"]}
    problems = []
    for path, c in _walk_citations(data, []):
        where = json_path(path)
        if c["source"] not in source_ids:
            msg = translate("data", NO_SUCH["sources"]).format(id=c["source"])
            problems.append(Problem(where + ".source", msg))
            continue
        text = texts.get(c["source"])
        if text is None:
            continue
        if "start" not in c:
            msg = translate("data", "a citation of a source with text needs start, end, quote")
            problems.append(Problem(where, msg))
            continue
        start, end = c["start"], c["end"]
        if type(start) is not int or type(end) is not int:  # JSON Schema takes 3.0 as 3
            msg = translate("data", "start and end must be whole numbers, like 3")
            problems.append(Problem(where, msg))
        elif not (0 <= start < end <= len(text)):
            msg = translate(
                "data", "span {start}..{end} is outside the source text (length {length})"
            ).format(start=start, end=end, length=len(text))
            problems.append(Problem(where, msg))
        elif text[start:end] != c["quote"]:
            found = text[start:end][:40]
            msg = translate(
                "data", "quote does not match the source at {start}..{end} (source has {found!r})"
            ).format(start=start, end=end, found=found)
            problems.append(Problem(where + ".quote", msg))
    return problems


def _locations(data: dict) -> list[Problem]:
    """exact/near need a place; region needs an area, or a place it is coded to (ACLED)."""
    problems = []
    for i, e in enumerate(data["events"]):
        loc = e["location"]
        precision = loc["precision"]
        if precision in ("exact", "near") and not loc.get("place"):
            msg = translate("data", "precision {precision!r} needs a place")
            msg = msg.format(precision=precision)
        elif precision == "region" and not (loc.get("area") or loc.get("place")):
            msg = translate(
                "data", "precision 'region' needs an area (or a place the region is coded to)"
            )
        else:
            continue
        problems.append(Problem(json_path(["events", i, "location"]), msg))
    return problems


def _dates(data: dict) -> list[Problem]:
    """A time's start and end are real calendar days and months (the schema's pattern
    lets 2024-02-30 and 2024-13 through), and the end is not before the start."""
    from datetime import date

    problems = []
    for i, e in enumerate(data["events"]):
        time = e["time"]
        for key in ("start", "end"):
            text = time.get(key, "")
            try:
                date.fromisoformat((text + "-01-01"[len(text) - 4 :]) if text else "2000-01-01")
            except ValueError:
                where = json_path(["events", i, "time", key])
                msg = translate("data", "{date!r} is not a calendar date").format(date=text)
                problems.append(Problem(where, msg))
                break
        else:
            start, end = time.get("start", ""), time.get("end", "")
            if start and end and end < start[: len(end)]:
                where = json_path(["events", i, "time", "end"])
                msg = translate("data", "ends ({end}) before it starts ({start})")
                problems.append(Problem(where, msg.format(end=end, start=start)))
    return problems

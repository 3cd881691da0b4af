"""Reading a situation file and its source texts: the light part of loading, kept apart
from validation (JSON Schema, regexes) so the embedded situation loads fast."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mapapp.i18n import tr, translate

MAX_FILE_BYTES = 200 * 1024 * 1024
MAX_TEXT_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class SituationError(Exception):
    """A situation file that cannot be used; ``problems`` lists every reason."""

    def __init__(self, file: Path | str, problems: list[Problem]) -> None:
        self.file = Path(file)
        self.problems = problems
        first = problems[0] if problems else Problem("$", translate("data", "invalid"))
        more = " " + tr("(and %n more)", "problems", len(problems) - 1) if len(problems) > 1 else ""
        super().__init__(f"{self.file.name}: {first}{more}")


def json_path(parts) -> str:
    out = "$"
    for p in parts:
        out += f"[{p}]" if isinstance(p, int) else f".{p}"
    return out


def read_json(path: Path) -> Any:
    """Parse a JSON file; NaN/Infinity become floats that ``validate`` then rejects."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SituationError(path, [Problem("$", _cannot_read(exc))]) from None
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 2**20
        msg = translate(
            "data", "file is {size} MB; situation files are limited to {limit} MB"
        ).format(size=f"{size / 1e6:.0f}", limit=limit)
        raise SituationError(path, [Problem("$", msg)])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = translate("data", "not UTF-8 text (byte {byte})").format(byte=exc.start)
        raise SituationError(path, [Problem("$", msg)]) from None
    except OSError as exc:
        raise SituationError(path, [Problem("$", _cannot_read(exc))]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = translate("data", "not valid JSON: {reason} at line {line}, column {column}")
        msg = msg.format(reason=exc.msg, line=exc.lineno, column=exc.colno)
        raise SituationError(path, [Problem("$", msg)]) from None
    except RecursionError:
        msg = translate("data", "not valid JSON: nested too deeply")
        raise SituationError(path, [Problem("$", msg)]) from None


def _cannot_read(exc: OSError) -> str:
    return translate("data", "cannot read file: {reason}").format(reason=exc.strerror)


def source_texts(
    data: dict, base_dir: Path | None, known: dict[str, str] | None = None
) -> tuple[dict[str, str], list[Problem]]:
    """The sources' texts, read beside the situation; ``known``: texts held in memory
    (a situation not saved yet), used instead of the files."""
    texts, problems = {}, []
    for i, s in enumerate(data["sources"]):
        name = s.get("text_file")
        if not name:
            continue
        shown = name if len(name) <= 60 else name[:57] + "…"
        if known and s.get("id") in known:
            text = known[s["id"]]
        else:
            text, why = _read_text((base_dir or Path(".")) / name, shown)
            if text is None:
                problems.append(Problem(json_path(["sources", i, "text_file"]), why))
                continue
        texts[s["id"]] = text
        recorded = s.get("sha256")
        if isinstance(recorded, str) and recorded and text_sha256(text) != recorded:
            problems.append(
                Problem(
                    json_path(["sources", i, "sha256"]),
                    translate(
                        "data", "{name} has changed since it was cited (its SHA-256 differs)"
                    ).format(name=shown),
                )
            )
    return texts, problems


def _read_text(path: Path, shown: str) -> tuple[str | None, str]:
    """A source's text, or None and why not (``shown``: the file's name, as said)."""
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            return None, translate("data", "{name} is larger than 10 MB").format(name=shown)
        return path.read_text(encoding="utf-8"), ""
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else translate("data", "not UTF-8 text")
        reason = str(reason).replace("{", "(").replace("}", ")")
        return None, translate("data", "cannot read {name}: {reason}").format(
            name=shown, reason=reason
        )


def text_sha256(text: str) -> str:
    """Of a source's text as the situation reads it (UTF-8)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()

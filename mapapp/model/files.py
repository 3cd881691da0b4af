"""Reading a situation file and its source texts: the light part of loading, kept apart
from validation (JSON Schema, regexes) so the embedded situation loads fast."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
        first = problems[0] if problems else Problem("$", "invalid")
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
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
        raise SituationError(path, [Problem("$", f"cannot read file: {exc.strerror}")]) from None
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // 2**20
        msg = f"file is {size / 1e6:.0f} MB; situation files are limited to {limit} MB"
        raise SituationError(path, [Problem("$", msg)])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SituationError(path, [Problem("$", f"not UTF-8 text (byte {exc.start})")]) from None
    except OSError as exc:
        raise SituationError(path, [Problem("$", f"cannot read file: {exc.strerror}")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        raise SituationError(path, [Problem("$", msg)]) from None
    except RecursionError:
        raise SituationError(path, [Problem("$", "not valid JSON: nested too deeply")]) from None


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
            text, why = _read_text((base_dir or Path(".")) / name)
            if text is None:
                where = json_path(["sources", i, "text_file"])
                problems.append(Problem(where, why.format(name=shown)))
                continue
        texts[s["id"]] = text
        recorded = s.get("sha256")
        if isinstance(recorded, str) and recorded and text_sha256(text) != recorded:
            problems.append(
                Problem(
                    json_path(["sources", i, "sha256"]),
                    f"{shown} has changed since it was cited (its SHA-256 differs)",
                )
            )
    return texts, problems


def _read_text(path: Path) -> tuple[str | None, str]:
    """A source's text, or None and why not (with ``{name}`` for the file's name)."""
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            return None, "{name} is larger than 10 MB"
        return path.read_text(encoding="utf-8"), ""
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        return None, "cannot read {name}: " + reason.replace("{", "(").replace("}", ")")


def text_sha256(text: str) -> str:
    """Of a source's text as the situation reads it (UTF-8)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()

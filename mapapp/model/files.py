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


def source_texts(data: dict, base_dir: Path | None) -> tuple[dict[str, str], list[Problem]]:
    texts, problems = {}, []
    for i, s in enumerate(data["sources"]):
        name = s.get("text_file")
        if not name:
            continue
        where = json_path(["sources", i, "text_file"])
        shown = name if len(name) <= 60 else name[:57] + "…"
        path = (base_dir or Path(".")) / name
        try:
            if path.stat().st_size > MAX_TEXT_BYTES:
                problems.append(Problem(where, f"{shown} is larger than 10 MB"))
                continue
            texts[s["id"]] = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
            problems.append(Problem(where, f"cannot read {shown}: {reason}"))
    return texts, problems

"""Read and write situation files; the embedded default ships in seeds/ (inside the wheel)."""

from __future__ import annotations

import json
from pathlib import Path

from mapapp.model.files import SituationError, read_json, source_texts
from mapapp.model.situation import Situation, situation_from_dict
from mapapp.resources_path import resources_dir

DEFAULT_NAME = "tinzaouaten-2024.situation.json"


def default_situation_path() -> Path:
    installed = resources_dir() / "seeds" / DEFAULT_NAME
    return installed if installed.exists() else resources_dir().parent / "seeds" / DEFAULT_NAME


def load_situation(path: Path | str, trusted: bool = False) -> Situation:
    """Read, validate and build a situation; raises SituationError listing every problem.

    ``trusted`` (the embedded file, which the test suite validates) skips the JSON Schema
    pass that costs ~60 ms of start-up; if building fails anyway, the full validation
    runs to say precisely why.
    """
    path = Path(path)
    data = read_json(path)
    if trusted:
        texts, text_problems = source_texts(data, path.parent)
        if not text_problems:
            try:
                return situation_from_dict(data, texts, path)
            except (KeyError, TypeError, ValueError, AttributeError):
                pass
    from mapapp.model.validation import validate

    problems, texts = validate(data, path.parent)
    if problems:
        raise SituationError(path, problems)
    return situation_from_dict(data, texts, path)


def save_situation(situation: Situation, path: Path | str) -> None:
    """Validate, then write atomically (see ``atomic``), keeping the previous version as
    NAME.bak. A situation that does not validate is not written: SituationError names
    each problem by its JSON path. Source texts it cites are written beside it when they
    are not there yet, so the citations can be checked where the file goes."""
    from mapapp.atomic import write_text
    from mapapp.model.validation import validate

    path = Path(path)
    data = situation.raw
    texts = situation.texts()
    problems, _ = validate(data, path.parent, texts)  # the texts it holds, as it cites them
    if problems:
        raise SituationError(path, problems)
    for s in situation.sources.values():
        if s.text_file and s.id in texts and not (path.parent / s.text_file).exists():
            write_text(path.parent / s.text_file, texts[s.id])
    write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n", backup=True)

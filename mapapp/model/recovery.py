"""Recovery files: the open, unsaved work written aside so a crash loses nothing.

A recovery file holds the whole situation document, the texts it cites (a new situation's
article is not on disk until it is saved) and where it was opened from; it is written
atomically, so it is always a whole earlier state. The window writes one while it has
unsaved edits and removes it when they are saved or dropped, so a file left behind with
no live writer is work a crash interrupted. Whether its writer lives is the caller's to
say (the window holds a lock file beside it: ``is_orphan``).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mapapp.model.situation import Situation, situation_from_dict

FORMAT = "mapapp-recovery/1"
SUFFIX = ".recovery.json"


@dataclass(frozen=True)
class Recovery:
    """A recovery file found on disk."""

    file: Path
    title: str
    saved_at: float  # seconds since the epoch
    situation_path: Path | None  # the file the work was opened from or saved to
    store: str = ""  # the shared situation it is a copy of, as shown (no password)


def recovery_file(folder: Path) -> Path:
    """A new session's recovery file: a name no other session had (pids repeat): 128
    random bits, as uuid4 would give without importing uuid (and platform) at start-up."""
    return folder / f"{os.urandom(16).hex()}{SUFFIX}"


def write_recovery(file: Path, situation: Situation, store: dict | None = None) -> None:
    """``store``: a shared situation's link (mapapp.store.sync.Link.record): the edits
    the store has not received are the document's difference from its base."""
    from mapapp.atomic import write_text

    texts = situation.texts()
    record = {
        "format": FORMAT,
        "saved_at": time.time(),
        "title": situation.title,
        "situation_path": str(situation.path) if situation.path else None,
        "document": situation.raw,
        "texts": texts,
    }
    if store is not None:
        record["store"] = store
    file.parent.mkdir(parents=True, exist_ok=True)
    write_text(file, json.dumps(record, ensure_ascii=False))


def remove_recovery(file: Path) -> None:
    file.unlink(missing_ok=True)


def orphaned_recoveries(folder: Path, is_orphan: Callable[[Path], bool]) -> list[Recovery]:
    """Recovery files whose writer is gone (newest first); unreadable ones are skipped
    (an atomic write leaves none half-written, but a stranger's file may be anything)."""
    found = []
    for file in folder.glob(f"*{SUFFIX}") if folder.is_dir() else ():
        try:
            record = json.loads(file.read_text(encoding="utf-8"))
            if not isinstance(record, dict) or record.get("format") != FORMAT:
                continue
            rec = Recovery(
                file,
                str(record["title"]),
                float(record["saved_at"]),
                Path(record["situation_path"]) if record.get("situation_path") else None,
                _store_shown(record.get("store")),
            )
        except (OSError, ValueError, KeyError, TypeError):
            continue
        if is_orphan(file):
            found.append(rec)
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def _store_shown(store: Any) -> str:
    if not isinstance(store, dict):
        return ""
    from mapapp.store.connection import shown

    return f"{store.get('name', '')} · {shown(str(store.get('url', '')))}"


def read_recovery_record(file: Path) -> tuple[Situation, dict | None]:
    """The recovered work, and the link to the store it is a shared copy of (if any)."""
    from mapapp.model.validation import validate

    record: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    data, texts = record["document"], record.get("texts") or {}
    path = Path(record["situation_path"]) if record.get("situation_path") else None
    problems, texts = validate(data, path.parent if path else None, texts)
    if problems:
        raise ValueError("; ".join(map(str, problems[:3])))
    store = record.get("store")
    return situation_from_dict(data, texts, path), store if isinstance(store, dict) else None

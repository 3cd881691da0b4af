"""An export's or a print's wait for its basemap tiles, and what it got: the tiles
themselves (kept with the fetch, so the memory cache cannot evict them before the export
draws them) and why the others are missing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage

from mapapp.i18n import translate
from mapapp.render.tiles import Ref


@dataclass
class FetchResult:
    """What an export's fetch got: tiles in memory, and why the others are missing."""

    failed: dict[Ref, str] = field(default_factory=dict)
    # the fetched tiles themselves: kept here, so the memory cache's bound cannot evict
    # an export's tiles before it draws them
    images: dict[Ref, QImage] = field(default_factory=dict)

    @property
    def loaded(self) -> int:
        return len(self.images)

    def summary(self) -> str:
        if not self.failed:
            return ""
        reasons = Counter(self.failed.values())
        why = ", ".join(f"{r} ×{n}" if n > 1 else r for r, n in reasons.most_common(3))
        total = self.loaded + len(self.failed)
        text = translate(
            "basemap",
            "{failed} of {total} basemap tiles could not be loaded ({why}); "
            "the vector map shows in their place",
        )
        return text.format(failed=len(self.failed), total=total, why=why)


@dataclass(eq=False)
class Fetch:
    """One export's or print's wait for its tiles (``TileLoader.cancel`` takes it)."""

    refs: set[Ref]
    done: Callable[[FetchResult], None]
    result: FetchResult = field(default_factory=FetchResult)
    timer: QTimer | None = None
    open: set[Ref] = field(default_factory=set)

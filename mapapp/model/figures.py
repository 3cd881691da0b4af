"""Figures that count the same thing, side by side: the heart of the claims comparison."""

from __future__ import annotations

from dataclasses import dataclass

from mapapp.i18n import translate
from mapapp.model.situation import Claim, Figure, Situation

TALLY_ORDER = ("wagner-dead", "malian-dead", "attackers", "helicopters-downed")


@dataclass(frozen=True)
class FigureRow:
    claim: Claim
    figure: Figure
    claimant: str  # display name, "Unattributed" when nobody is named


@dataclass(frozen=True)
class FigureGroup:
    tally: str
    title: str
    rows: tuple[FigureRow, ...]

    def scale_max(self) -> float:
        """Upper end of the shared axis: the largest number any row gives."""
        values = [v for r in self.rows for v in (r.figure.value, r.figure.max) if v is not None]
        return max(values, default=0.0)


def figure_groups(situation: Situation) -> list[FigureGroup]:
    groups: dict[str, list[FigureRow]] = {}
    for claim in situation.claims.values():
        who = situation.actors[claim.claimant].name if claim.claimant in situation.actors else ""
        for fig in claim.figures:
            if fig.tally:
                groups.setdefault(fig.tally, []).append(
                    FigureRow(claim, fig, who or translate("figures", "Unattributed"))
                )
    order = {t: i for i, t in enumerate(TALLY_ORDER)}
    return [
        FigureGroup(tally, tally.replace("-", " ").capitalize(), tuple(rows))
        for tally, rows in sorted(groups.items(), key=lambda kv: (order.get(kv[0], 99), kv[0]))
        if rows
    ]

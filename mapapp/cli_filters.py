"""The snapshot command's --search/--actor/--type/--status, as the side panel's filters.

A situation file is filtered like its side panel (``Filters``: an actor by id or name,
a claim status), a dataset like its table (``TableFilters``: ACLED's event type, an
actor as named in actor1/actor2). A value the data does not hold is an error naming
what it does hold, not an empty map.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from mapapp.errors import UsageError
from mapapp.i18n import translate

if TYPE_CHECKING:
    from mapapp.model.filters import Filters
    from mapapp.model.situation import Situation
    from mapapp.model.table_filters import TableFilters

SHOWN_CHOICES = 8  # values listed in an error line


def add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--search", metavar="TEXT", help=translate("cli", "only events matching TEXT (any case)")
    )
    p.add_argument(
        "--actor", metavar="NAME|ID", help=translate("cli", "only events this actor took part in")
    )
    p.add_argument(
        "--type", dest="event_type", metavar="TYPE", help=translate("cli", "only events of TYPE")
    )
    p.add_argument(
        "--status",
        metavar="STATUS",
        help=translate("cli", "only events with a claim of STATUS (situation files)"),
    )


def filters_for(args: argparse.Namespace, s: Situation) -> Filters | TableFilters | None:
    """The options as the filters of ``s``'s kind, or None when none was given."""
    text = (args.search or "").strip()
    if not (text or args.actor or args.event_type or args.status):
        return None
    if s.table is not None:
        return _table_filters(args, s, text)
    from mapapp.model.filters import Filters
    from mapapp.model.situation import STATUS_LABELS

    if args.event_type:
        raise UsageError(
            translate(
                "cli",
                "--type filters a dataset's events by ACLED event type; a situation file's "
                "events are filtered with --search, --actor and --status",
            )
        )
    status = args.status or ""
    if status and status not in STATUS_LABELS:
        status = {v: k for k, v in STATUS_LABELS.items()}.get(status, "")
        if not status:
            raise UsageError(
                translate("cli", "--status {given!r}: use one of {codes}").format(
                    given=args.status, codes=", ".join(STATUS_LABELS)
                )
            )
    actor = _actor_id(s, args.actor) if args.actor else ""
    return Filters(text=text, actor=actor, status=status)


def in_words(filters: Filters | TableFilters | None, s: Situation) -> dict[str, str] | None:
    if filters is None:
        return None
    return filters.described() if s.table is not None else filters.described(s)


def _actor_id(s: Situation, given: str) -> str:
    if given in s.actors:
        return given
    wanted = given.casefold()
    for a in s.actors.values():
        if wanted in (n.casefold() for n in (a.name, *(x.name for x in a.aliases))):
            return a.id
    names = sorted(a.name for a in s.actors.values())
    raise UsageError(
        translate("cli", "--actor {given!r}: no actor of that id or name; {some}").format(
            given=given, some=_some(names)
        )
    )


def _table_filters(args: argparse.Namespace, s: Situation, text: str) -> TableFilters:
    from mapapp.model.table_filters import TableFilters, choices, top_actors

    if args.status:
        raise UsageError(
            translate("cli", "--status filters a situation file's claims; a dataset has none")
        )
    event_type = ""
    if args.event_type:
        from mapapp.exchange.acled_codebook import ACLED_TO_TYPE

        types = choices(s.table, "type")
        given = args.event_type.strip()
        # ACLED's own words ("Battles") or the table's ("battle", "violence against civilians")
        event_type = ACLED_TO_TYPE.get(given, given.casefold().replace(" ", "_"))
        if event_type not in types:
            raise UsageError(
                translate("cli", "--type {given!r}: not in this dataset; {some}").format(
                    given=args.event_type, some=_some(types)
                )
            )
    if args.actor:
        import polars as pl

        named = pl.concat([s.table.column("actor1"), s.table.column("actor2")])
        if not (named == args.actor).any():
            actors = top_actors(s.table, SHOWN_CHOICES)
            raise UsageError(
                translate("cli", "--actor {given!r}: no event names it; {some}").format(
                    given=args.actor, some=_some(actors)
                )
            )
    return TableFilters(text=text, event_type=event_type, actor=args.actor or "")


def _some(values: list[str]) -> str:
    if not values:
        return translate("cli", "it has none")
    shown = ", ".join(repr(v) for v in values[:SHOWN_CHOICES])
    if len(values) > SHOWN_CHOICES:
        more = len(values) - SHOWN_CHOICES
        return translate("cli", "it has {shown} and {more} more").format(shown=shown, more=more)
    return translate("cli", "it has {shown}").format(shown=shown)

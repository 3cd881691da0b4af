"""mapapp store: a team's situations in PostgreSQL + PostGIS — set a database up, push a
situation file in, pull it back, list what is there. URL is a libpq URL or connection
string; its password is never printed."""

from __future__ import annotations

import argparse
from pathlib import Path

from mapapp.cli_args import one_line_parser
from mapapp.i18n import format_number, tr, translate


def store_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
        prog="mapapp store",
        description=translate(
            "cli",
            "A situation shared by a team in PostgreSQL + PostGIS. URL: a libpq URL "
            "(postgresql://user@host/db) or connection string; passwords from ~/.pgpass, "
            "PGPASSWORD or a service file.",
        ),
    )
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    init = sub.add_parser(
        "init", help=translate("cli", "create mapapp's tables, or bring them up to date")
    )
    init.add_argument("url", metavar="URL")
    push = sub.add_parser(
        "push",
        help=translate(
            "cli", "a situation file or a dataset (ACLED CSV, GeoParquet) into the store"
        ),
    )
    push.add_argument("file", metavar="FILE")
    push.add_argument("url", metavar="URL")
    push.add_argument(
        "--as", dest="name", required=True, metavar="NAME",
        help=translate("cli", "its name in the store"),
    )  # fmt: skip
    pull = sub.add_parser(
        "pull", help=translate("cli", "a situation or dataset from the store to a file")
    )
    pull.add_argument("url", metavar="URL")
    pull.add_argument("name", metavar="NAME")
    pull.add_argument("-o", "--output", required=True, metavar="FILE")
    pull.add_argument(
        "--at", metavar="TIME",
        help=translate("cli", "as it stood then: 2024-08-02T14:30 (local time) or with its offset"),
    )  # fmt: skip
    listing = sub.add_parser(
        "list", help=translate("cli", "the situations in the store, their size and last change")
    )
    listing.add_argument("url", metavar="URL")
    log = sub.add_parser(
        "log", help=translate("cli", "the history: who changed what, when, before and after")
    )
    log.add_argument("url", metavar="URL")
    log.add_argument("name", metavar="NAME")
    log.add_argument("--item", metavar="ID", help=translate("cli", "one item's history only"))
    restore = sub.add_parser(
        "restore",
        help=translate("cli", "bring a situation, or one item, back to how it stood at a time"),
    )
    restore.add_argument("url", metavar="URL")
    restore.add_argument("name", metavar="NAME")
    restore.add_argument(
        "--at", required=True, metavar="TIME",
        help=translate("cli", "2024-08-02T14:30 (local time) or with its offset, +02:00"),
    )  # fmt: skip
    restore.add_argument("--item", metavar="ID", help=translate("cli", "one item only"))
    for action in (init, push, pull, listing, log, restore):
        action.error = p.error  # one line, like every mapapp error
    return p


def run_store(args: argparse.Namespace) -> int:
    from mapapp.store.connection import connect, shown

    with connect(args.url) as conn:
        if args.action == "init":
            from mapapp.store.schema import init

            before, after = init(conn)
            if before == after:
                said = translate("cli", "{url}: mapapp store up to date (schema {version})")
            else:
                said = translate("cli", "{url}: mapapp store ready (schema {version})")
            print(said.format(url=shown(args.url), version=after))
        elif args.action == "push":
            return _push(conn, args)
        elif args.action == "pull":
            return _pull(conn, args)
        elif args.action == "log":
            _log(conn, args)
        elif args.action == "restore":
            _restore(conn, args)
        else:
            _list(conn)
    return 0


def _push(conn, args: argparse.Namespace) -> int:
    from mapapp.model.io import load_situation
    from mapapp.store.situations import LISTS, push_situation

    if Path(args.file).suffix.lower() in (".csv", ".parquet"):
        return _push_dataset(conn, args)
    situation = load_situation(args.file)  # validated, texts checked, before any write
    push_situation(conn, args.name, situation.raw, situation.texts())
    items = sum(len(situation.raw.get(key, [])) for key in LISTS)
    print(
        translate("cli", "pushed {file} as {name} ({items})").format(
            file=args.file, name=args.name, items=tr("%Ln item(s)", "store", items)
        )
    )
    return 0


def _push_dataset(conn, args: argparse.Namespace) -> int:
    """An ACLED CSV or GeoParquet: checked as opening it checks it, then its rows."""
    from mapapp.errors import UsageError
    from mapapp.model.files import SituationError
    from mapapp.store.datasets import push_dataset

    try:
        rows = push_dataset(conn, args.name, args.file)
    except SituationError as exc:
        raise UsageError(str(exc)) from None
    print(
        translate("cli", "pushed {file} as {name} ({items})").format(
            file=args.file, name=args.name, items=tr("%Ln row(s)", "store", rows)
        )
    )
    return 0


def _pull_dataset(conn, args: argparse.Namespace) -> int:
    from mapapp.errors import UsageError
    from mapapp.store.dataset_reading import pull_dataset

    if getattr(args, "at", None):
        raise UsageError(translate("cli", "a dataset has no history: pull it without --at"))
    rows = pull_dataset(conn, args.name, args.output)
    print(
        translate("cli", "wrote {file} ({items})").format(
            file=args.output, items=tr("%Ln row(s)", "store", rows)
        )
    )
    return 0


def _pull(conn, args: argparse.Namespace) -> int:
    from mapapp.model.io import save_situation
    from mapapp.model.situation import situation_from_dict
    from mapapp.store.datasets import stored_kind
    from mapapp.store.situations import pull_situation

    if stored_kind(conn, args.name) == "dataset":
        return _pull_dataset(conn, args)
    if args.at:
        from mapapp.store.history import situation_at

        data, texts = situation_at(conn, args.name, _time(args.at))
    else:
        data, texts = pull_situation(conn, args.name)
    out = Path(args.output)
    save_situation(situation_from_dict(data, texts, out), out)
    print(translate("cli", "wrote {file}").format(file=out))
    return 0


def _list(conn) -> None:
    from mapapp.store.datasets import dataset_sizes
    from mapapp.store.situations import list_situations

    datasets = dataset_sizes(conn)
    for s in list_situations(conn):
        when = s.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
        items, size = tr("%Ln item(s)", "store", s.items), s.size
        if s.name in datasets:  # its rows, and the size of the file pushed
            rows, size = datasets[s.name]
            items = tr("%Ln row(s)", "store", rows)
        print(
            translate("cli", "{name}\t{kind}\t{items}\t{size} kB\t{when} by {who}").format(
                name=s.name,
                kind=s.kind,
                items=items,
                size=format_number(size / 1000, 1),
                when=when,
                who=s.updated_by,
            )
        )


def _log(conn, args: argparse.Namespace) -> None:
    import json

    from mapapp.store.history import history

    def short(value) -> str:
        text = json.dumps(value, ensure_ascii=False)
        return text if len(text) <= 80 else text[:79] + "…"

    for c in history(conn, args.name, args.item):
        when = c.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        version = f"  v{c.version}" if c.version is not None else ""
        print(f"{when}  {c.by}  {c.action} {c.kind} {c.item}{version}")
        if c.action == "update":
            for field, before, after in c.fields():
                print(f"    {field}: {short(before)} → {short(after)}")


def _time(given: str):
    """--at's time; without an offset, the user's local time."""
    from datetime import datetime

    from mapapp.errors import UsageError

    try:
        at = datetime.fromisoformat(given)
    except ValueError:
        raise UsageError(
            translate("cli", "--at must be a time like 2024-08-02T14:30, not {given!r}").format(
                given=given
            )
        ) from None
    return at if at.tzinfo is not None else at.astimezone()


def _restore(conn, args: argparse.Namespace) -> None:

    from mapapp.store.history import restore

    changed = restore(conn, args.name, _time(args.at), args.item)
    print(
        translate("cli", "{name}: {items} as at {time}").format(
            name=args.name, items=tr("%Ln item(s) restored", "store", changed), time=args.at
        )
    )

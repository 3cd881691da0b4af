"""Connecting to a team's PostgreSQL: a libpq URL or connection string, passwords from
libpq's usual places (~/.pgpass, PGPASSWORD, a service file) or the URL itself — and never
shown: every message names the server without its password."""

from __future__ import annotations

from typing import Any

from mapapp.errors import MapappError
from mapapp.i18n import translate


class StoreError(MapappError):
    """One line a user can act on (exit status 2 for a bad URL, 1 for the rest)."""

    def __init__(self, message: str, exit_code: int = 1) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def names_a_store(text: str) -> bool:
    """A command-line argument that is a team's store (a libpq URL), not a file."""
    return text.startswith(("postgresql://", "postgres://"))


def shown(url: str) -> str:
    """``url`` as it may be printed: user, host, port and database, no password."""
    from psycopg.conninfo import conninfo_to_dict

    try:
        parts = conninfo_to_dict(url)
    except Exception:  # not even parseable: say so without echoing it
        return translate("store", "(unreadable connection string)")
    user = f"{parts['user']}@" if parts.get("user") else ""
    host = parts.get("host") or parts.get("hostaddr") or "localhost"
    port = f":{parts['port']}" if parts.get("port") else ""
    return f"postgresql://{user}{host}{port}/{parts.get('dbname', '')}"


def without_password(url: str) -> str:
    """``url`` to keep on disk: libpq finds the password again in ~/.pgpass, PGPASSWORD
    or a service file, as it did when the URL carried none."""
    from psycopg.conninfo import conninfo_to_dict, make_conninfo

    parts = conninfo_to_dict(url)
    if "password" not in parts:
        return url
    parts.pop("password")
    return make_conninfo(**parts)


# how long a server may keep silent: 10 s to connect; on a connection, TCP keepalives and
# a user timeout so a server that vanishes (rather than refusing) is noticed in ~30 s
_PATIENCE = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
    "tcp_user_timeout": 30_000,
}


def connect(url: str, **kwargs: Any):
    """A psycopg connection; StoreError in one line when the URL is malformed, the server
    cannot be reached or refuses the login."""
    import psycopg
    from psycopg.conninfo import conninfo_to_dict

    try:
        given = conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        raise StoreError(
            translate("store", "not a PostgreSQL connection string or URL: {url}").format(
                url=shown(url)
            ),
            2,
        ) from None
    try:
        # autocommit: every write is an explicit transaction block (one per save), and a
        # read never leaves a transaction open that would hold others' locks
        return psycopg.connect(
            url,
            autocommit=True,
            # the URL's own settings win; these fill in what it leaves out
            **{
                k: v
                for k, v in {**_PATIENCE, "application_name": "mapapp"}.items()
                if k not in given
            },
            **kwargs,
        )
    except psycopg.OperationalError as exc:
        raise StoreError(
            translate("store", "cannot connect to {url}: {reason}").format(
                url=shown(url), reason=_reason(exc)
            )
        ) from None


def _reason(exc: Exception) -> str:
    """The server's own words, first line, without the connection details libpq repeats."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if "password authentication failed" in text:
        user = text.rsplit('"', 2)[-2] if text.count('"') >= 2 else ""
        return translate("store", "wrong password for {user}").format(user=user or "?")
    if "Connection refused" in text:
        return translate("store", "no server answers there (connection refused)")
    return text.split(": ", 1)[-1] if text.startswith("connection failed") else text

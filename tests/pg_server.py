"""A real PostgreSQL 15 + PostGIS 3 server for the tests: initdb in a temporary directory,
pg_ctl on a free port, password (SCRAM) on TCP as a team's server would ask, stopped and
removed at the end. Run as the ``postgres`` system user when the tests run as root, since
PostgreSQL refuses to run as root."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

BIN = Path("/usr/lib/postgresql/15/bin")
ADMIN = "mapapp_admin"
ADMIN_PASSWORD = "admin-secret-4-tests"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """``url(db, user, password)`` for a libpq URL; ``stop()``/``start()`` to take the
    server away mid-session and bring it back."""

    def __init__(self) -> None:
        if not (BIN / "initdb").exists():
            raise RuntimeError(
                f"PostgreSQL 15 is not installed ({BIN}): run packaging/bootstrap.sh"
            )
        self.root = Path(tempfile.mkdtemp(prefix="mapapp-pg-"))
        self.data = self.root / "data"
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres")
            os.chmod(self.root, 0o755)
        pwfile = self.root / "pw"
        pwfile.write_text(ADMIN_PASSWORD + "\n")
        if self.as_root:
            shutil.chown(pwfile, "postgres")
        self._run(
            [BIN / "initdb", "-D", self.data, "-U", ADMIN, f"--pwfile={pwfile}",
             "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-locale"]
        )  # fmt: skip
        pwfile.unlink()
        self.start()

    def _run(self, cmd: list) -> None:
        cmd = [str(c) for c in cmd]
        if self.as_root:
            cmd = ["runuser", "-u", "postgres", "--", *cmd]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if r.returncode != 0:
            raise RuntimeError(f"{cmd[-1]}: {r.stderr or r.stdout}")

    def start(self, fsync: bool = False) -> None:
        """``fsync``: as a team's server runs (the tests do without: nothing to lose)."""
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        options += "" if fsync else " -c fsync=off"
        self._run([BIN / "pg_ctl", "-D", self.data, "-o", options, "-l", self.root / "log",
                   "-w", "start"])  # fmt: skip

    def stop(self, mode: str = "fast") -> None:
        self._run([BIN / "pg_ctl", "-D", self.data, "-m", mode, "-w", "stop"])

    def url(self, db: str = "postgres", user: str = ADMIN, password: str | None = None) -> str:
        secret = f":{password}" if password else ""
        return f"postgresql://{user}{secret}@127.0.0.1:{self.port}/{db}"

    def admin_url(self, db: str = "postgres") -> str:
        return self.url(db, ADMIN, ADMIN_PASSWORD)

    def create_database(self, name: str) -> str:
        import psycopg

        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.admin_url(name)

    def team_roles(self, db: str) -> dict[str, str]:
        """Login roles alice (mapapp_editor) and victor (mapapp_viewer), as a team grants
        them; each one's URL to ``db``."""
        import psycopg

        with psycopg.connect(self.admin_url(db), autocommit=True) as admin:
            for role, group in (("alice", "mapapp_editor"), ("victor", "mapapp_viewer")):
                exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
                if exists.fetchone() is None:
                    admin.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{role}-pw'")
                admin.execute(f"GRANT {group} TO {role}")
        return {role: self.url(db, role, f"{role}-pw") for role in ("alice", "victor")}

    def close(self) -> None:
        with contextlib.suppress(RuntimeError):  # already stopped
            self.stop("immediate")
        shutil.rmtree(self.root, ignore_errors=True)

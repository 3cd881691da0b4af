"""What every subcommand's arguments share: one-line errors, and numbers that may start
with a minus sign."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mapapp.errors import UsageError

if TYPE_CHECKING:
    import argparse

# a number or a comma-separated list of them, starting with a minus sign
NUMBERS = r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(,\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)*$"


def one_line_parser(**kwargs) -> argparse.ArgumentParser:
    """An ArgumentParser whose errors are one line (UsageError), not a usage block."""
    import argparse
    import re

    class OneLineParser(argparse.ArgumentParser):
        def __init__(self, **kw) -> None:
            super().__init__(**kw)
            # argparse takes "-6,14,5,22" for an option, since only a plain "-6" or "-6.5"
            # looks like a negative number to it: every box west of Greenwich would need
            # "--bbox=-6,…". Lists of numbers count as numbers too ("-o" stays an option).
            self._negative_number_matcher = re.compile(NUMBERS)

        def error(self, message: str):
            raise UsageError(f"{self.prog}: {message}")

    return OneLineParser(**kwargs)


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"

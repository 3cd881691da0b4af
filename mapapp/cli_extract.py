"""mapapp extract: what an article says (places, days, actors, figures), one JSON object a
line, each with its exact span. Its --lang is the article's language, not the interface's."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from mapapp.cli_args import one_line_parser
from mapapp.errors import UsageError
from mapapp.i18n import translate

ARTICLE_LANGUAGES = ("auto", "fr", "en")


def extract_parser() -> argparse.ArgumentParser:
    p = one_line_parser(
        prog="mapapp extract",
        description=translate(
            "cli",
            "Places, dates, actors and figures found in an article (UTF-8 text or a saved web "
            "page), one JSON line each: kind, text (the exact words), start and end (character "
            "offsets into the text as read) and value. Offline.",
        ),
    )
    p.add_argument(
        "article", metavar="ARTICLE", help=translate("cli", "the article: a .txt or a saved page")
    )
    p.add_argument(
        "--published",
        metavar="DATE",
        help=translate(
            "cli",
            "the day the article was published (YYYY-MM-DD), which 'yesterday' or 'last week' "
            "count from; default: the page's own date, if it gives one",
        ),
    )
    p.add_argument(
        "--lang",
        choices=ARTICLE_LANGUAGES,
        default="auto",
        help=translate(
            "cli",
            "the article's language; auto (default): each paragraph's own, told by its words",
        ),
    )
    return p


def run_extract(args: argparse.Namespace) -> int:
    from mapapp.reading.extract import extract

    text, page_date = read_for_finding(Path(args.article))
    published = _day(args.published) if args.published else page_date
    out = sys.stdout
    for find in extract(text, published, args.lang):
        out.write(json.dumps(find.as_json(), ensure_ascii=False) + "\n")
    return 0


def read_for_finding(path: Path) -> tuple[str, date | None]:
    """The article's text as the window reads it (offsets count in it), and the day a
    saved page says it was published; a file that is not an article is a UsageError."""
    from mapapp.exchange.article import read_article
    from mapapp.model.files import SituationError

    try:
        article = read_article(path)
    except SituationError as exc:
        problem = exc.problems[0].message if exc.problems else str(exc)
        raise UsageError(f"{path}: {problem}") from None
    try:
        return article.text, date.fromisoformat(article.published[:10])
    except ValueError:
        return article.text, None


def _day(text: str) -> date:
    """A day, or a moment of it (2024-07-30T10:00:00+02:00, as pages give them)."""
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 else date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            translate("cli", "--published must be a day like 2024-07-30, not {given!r}").format(
                given=text
            )
        ) from None

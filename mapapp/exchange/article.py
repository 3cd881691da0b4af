"""An article as the source of a new situation: its readable text and what the page says
about itself (title, publisher, date, URL).

Plain text is taken as it is; a web page saved from a browser goes through trafilatura,
which finds the article among menus, footers and cookie notices and reads the page's
metadata. The text is what the citations will count characters in, so it is recorded with
its SHA-256: a text changed later is detected instead of silently shifting every quote.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mapapp.i18n import translate
from mapapp.model.files import Problem, SituationError, text_sha256
from mapapp.model.situation import Situation, situation_from_dict

HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Article:
    text: str
    title: str = ""
    publisher: str = ""
    published: str = ""
    url: str = ""


def read_article(path: Path) -> Article:
    """A .txt (UTF-8) or a saved web page; SituationError in one line if neither."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        msg = translate("data", "cannot read file: {reason}").format(reason=exc.strerror)
        raise SituationError(path, [Problem("$", msg)]) from None
    if path.suffix.lower() in HTML_SUFFIXES:
        return article_from_html(data, path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SituationError(path, [Problem("$", translate("data", "not UTF-8 text"))]) from None
    return article_from_text(text)


def article_from_text(text: str) -> Article:
    """Pasted or plain text: the title is its first line, if it is short enough to be one.
    Composed (NFC) as most text is, so 'é' is one character whether the file wrote it as
    one or as 'e' and an accent: names match and offsets count the same everywhere."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n")).strip("\n")
    first = text.split("\n", 1)[0].strip()
    return Article(text=text, title=first if 0 < len(first) <= 200 else "")


def article_from_html(data: bytes, path: Path) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(data, with_metadata=True)
    if doc is None or not (doc.text or "").strip():
        problem = Problem("$", translate("data", "no article text found in this page"))
        raise SituationError(path, [problem])
    return Article(
        text=unicodedata.normalize("NFC", doc.text).strip("\n"),
        title=doc.title or "",
        publisher=doc.sitename or "",
        published=doc.date or "",
        url=doc.url or "",
    )


def situation_from_article(article: Article, text_file: str) -> Situation:
    """A new situation whose one source is the article (stored as ``text_file`` beside the
    situation when it is saved); places, actors, events and claims come from the user."""
    title = (article.title or "Untitled article")[:300]
    source: dict[str, Any] = {
        "id": "article",
        "kind": "article",
        "title": title,
        "text_file": text_file,
        "sha256": text_sha256(article.text),
        "accessed": date.today().isoformat(),
    }
    if article.publisher:
        source["publisher"] = article.publisher[:300]
    if article.published:
        source["published"] = article.published
    if article.url.startswith(("http://", "https://")):
        source["url"] = article.url
    data = {
        "format": "mapapp-situation",
        "version": 1,
        "title": title,
        "sources": [source],
        "places": [],
        "actors": [],
        "events": [],
        "claims": [],
    }
    return situation_from_dict(data, {"article": article.text}, None)

"""A new situation from an article: plain text, a page saved from a browser (its article
text and metadata found by trafilatura, not the menus around it) or pasted text; the text
is kept with its SHA-256, saved beside the situation, and a changed text is detected."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from mapapp.exchange.article import read_article, situation_from_article
from mapapp.model.files import SituationError, text_sha256
from tests.cli_run import mapapp

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "seeds" / "000_631ddefb58e5ec4e.txt"
# a page as a browser saves it (written for this test): the article among site chrome
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Clashes near Kidal - Sahel Daily</title>
<meta property="og:site_name" content="Sahel Daily">
<meta property="article:published_time" content="2025-03-04T10:00:00Z">
<link rel="canonical" href="https://example.org/news/kidal-clashes">
</head><body><nav>Home | World | Sport | Subscribe</nav>
<article><h1>Clashes near Kidal</h1>
<p>Fighting broke out near Kidal on Monday, residents said. The army said it had retaken
a position near An&eacute;fis.</p>
<p>Rebels claimed 12 soldiers were killed; the figure could not be verified.</p>
</article><footer>Cookie policy &middot; Contact</footer></body></html>"""


def validate(path: Path) -> subprocess.CompletedProcess:
    return mapapp("validate", str(path))


def test_a_saved_page_gives_its_article_and_metadata(tmp_path):
    page = tmp_path / "kidal.html"
    page.write_text(PAGE, encoding="utf-8")
    article = read_article(page)
    assert "Fighting broke out near Kidal on Monday" in article.text
    assert "Anéfis" in article.text
    assert "Cookie policy" not in article.text and "Subscribe" not in article.text
    assert (article.title, article.publisher, article.published, article.url) == (
        "Clashes near Kidal",
        "Sahel Daily",
        "2025-03-04",
        "https://example.org/news/kidal-clashes",
    )
    source = situation_from_article(article, "kidal.txt").sources["article"]
    assert source.publisher == "Sahel Daily" and source.sha256 == text_sha256(article.text)


def test_a_new_situation_from_text_saves_valid_and_detects_a_changed_text(
    situation_window, tmp_path
):
    w = situation_window
    assert w.session.new_from_article_file(ARTICLE)
    s = w.session.situation
    assert s.article().text == ARTICLE.read_text(encoding="utf-8").strip("\n")
    assert w.docks.panel.tabs.currentWidget() is w.docks.panel.article
    assert w.docks.panel.article.toPlainText() == s.article().text
    saved = tmp_path / "new.situation.json"
    assert w.session.save_to(saved)
    text_file = tmp_path / s.article().text_file
    assert text_sha256(text_file.read_text(encoding="utf-8")) == s.article().sha256
    assert validate(saved).returncode == 0
    text_file.write_text(text_file.read_text(encoding="utf-8") + " Edited.", encoding="utf-8")
    r = validate(saved)
    assert r.returncode == 1 and "$.sources[0].sha256" in r.stdout + r.stderr
    assert "has changed since it was cited" in r.stdout + r.stderr


def test_pasted_text_and_unreadable_files(situation_window, tmp_path):
    from PySide6.QtWidgets import QApplication

    w = situation_window
    before = w.session.situation
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Kidal et Ménaka".encode("latin-1"))
    assert not w.session.new_from_article_file(bad)
    assert w.session.situation is before and "not UTF-8" in w.feedback.last_error
    QApplication.clipboard().setText("Fighting near Gao\n\nResidents reported gunfire.")
    assert w.dialogs.new_from_clipboard()
    assert w.session.situation.title == "Fighting near Gao"
    assert w.session.situation.article().text.endswith("Residents reported gunfire.")
    with pytest.raises(SituationError):
        read_article(tmp_path / "missing.txt")

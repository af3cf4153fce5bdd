"""Document._repr_html_: structure and escaping, and one look in a real headless browser."""

from __future__ import annotations

import html.parser
import shutil
import subprocess
from pathlib import Path

import pytest

import khabar


class Marks(html.parser.HTMLParser):
    """Collects the highlighted marks and checks that tags are balanced."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.marks: list[tuple[str, str, str]] = []
        self._current: list[str] | None = None
        self._attrs: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append(tag)
        if tag == "mark":
            self._current, self._attrs = [], dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack.pop() == tag, f"unbalanced </{tag}>"
        if tag == "mark" and self._current is not None:
            self.marks.append((str(self._attrs["class"]), "".join(self._current), str(self._attrs["title"])))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None and self.stack[-1] == "mark":
            self._current.append(data)


def parse(doc: khabar.Document) -> Marks:
    p = Marks()
    p.feed(doc._repr_html_())
    p.close()
    assert p.stack == []
    return p


def test_marks_entities_quantities_and_dates() -> None:
    doc = khabar.extract("More than 170 people were killed in Kabul on August 26, 2021.")
    marks = parse(doc).marks
    assert ("kh-quantity", "More than 170", "cardinal 170.. (more_than) · people") in marks
    assert any(c == "kh-entity" and t == "Kabul" and "Kabul" in title for c, t, title in marks)
    assert any(c == "kh-date" and t == "August 26, 2021" and "2021-08-26" in title for c, t, title in marks)


def test_everything_is_escaped() -> None:
    doc = khabar.extract('<img src=x onerror="alert(1)"> IS-K & <b>Kabul</b>')
    out = doc._repr_html_()
    assert "<img" not in out and "<b>" not in out
    assert "&lt;img src=x onerror=&quot;alert(" in out
    assert "&amp;" in out
    parse(doc)


def test_size_limit() -> None:
    doc = khabar.extract("IS-K in Kabul. " * 20000)
    out = doc.to_html(max_chars=5000)
    # Bounded by the limit (marks add their titles), not by the text's 300,000 bytes.
    assert len(out) < 5000 * 20
    assert "more bytes not shown" in out


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def test_renders_in_a_headless_browser(tmp_path: Path) -> None:
    browser = _browser()
    if browser is None:
        pytest.skip("no Chromium found on PATH (install Debian's `chromium` package to run this check)")
    doc = khabar.extract("ISK-P claimed an attack on December 17 that killed at least nine worshipers.",
                         reference_date="2018-01-26")
    page = tmp_path / "doc.html"
    page.write_text(f"<!doctype html><meta charset=utf-8><body>{doc._repr_html_()}</body>", encoding="utf-8")
    result = subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    # The browser parsed the fragment into the same marks: nothing escaped its element.
    assert dom.count('class="kh-entity"') == len(doc.entities)
    assert dom.count('class="kh-quantity"') == len(doc.quantities)
    assert dom.count('class="kh-date"') == len(doc.dates)
    shot = tmp_path / "doc.png"
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                    "--window-size=900,300", page.as_uri()], capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 1000

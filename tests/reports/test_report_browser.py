"""The HTML report in a real browser: headless Chromium opens the page written for the
shipped ledger plus a claim whose quote is a script, and the DOM it builds shows the
Mirza Olang attack's section and the script as text, never as a script element.

Chromium is Debian's `chromium` package (`apt-get install -y chromium`); CI installs it
(.ci/run), and a machine without it skips this test, saying so."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED
from provenance.cli import main

TIMEOUT = 120  # seconds: a cold start of Chromium on a small machine
EXTRA = """\
sources:
  - {id: local-radio-2017, title: Local radio bulletin, kind: news, reliability: C}
claims:
  - id: radio-mirza-olang-killed
    subject: mirza-olang-attack
    property: killed
    value: 30-40
    unit: people
    scope: all people killed, women and children included
    source: local-radio-2017
    quote: '<script>alert(1)</script> 30 to 40 dead'
"""


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.ids += [value or "" for name, value in attrs if name == "id"]


def dump_dom(browser: str, page: Path, profile: Path) -> str:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        f"--user-data-dir={profile}",
        "--dump-dom",
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(
    BROWSER is None,
    reason="Chromium is not installed (`apt-get install -y chromium`; CI installs it): the "
    "HTML report is not opened in a real browser here",
)
def test_the_html_report_opens_in_chromium_with_the_script_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert BROWSER is not None
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SHIPPED, tmp_path / "claims")
    (tmp_path / "claims" / "extra.yaml").write_text(EXTRA, "utf-8")
    written = CliRunner().invoke(
        main, ["report", "claims", "--format", "html", "-o", "report.html"]
    )
    assert written.exit_code == 0, written.output
    dom = dump_dom(BROWSER, tmp_path / "report.html", tmp_path / "profile")
    elements = Elements()
    elements.feed(dom)
    assert "subject-mirza-olang-attack" in elements.ids
    assert "<h2>Mirza Olang attack (mirza-olang-attack)</h2>" in dom
    assert 'href="#subject-mirza-olang-attack"' in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 30 to 40 dead" in dom
    assert "script" not in elements.tags

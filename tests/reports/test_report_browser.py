"""The HTML report in a real browser: headless Chromium opens the page written for the
shipped ledger plus a claim whose quote is a script, and the DOM it builds shows the title
with its date, the key findings, the Mirza Olang attack's section and the script as text,
never as a script element (the only script element is the JSON-LD data block); a
screenshot shows the charts drawn; and the page's Content Security Policy stops a script
that got into it from running.

Chromium is Debian's `chromium` package (`apt-get install -y chromium`); CI installs it
(.ci/run), and a machine without it skips these tests, saying so."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED
from provenance.cli import main

TIMEOUT = 120  # seconds: a cold start of Chromium on a small machine
EXTRA = """\
sources:
  - {id: local-radio-2017, title: Local radio bulletin, kind: news, reliability: C,
     published: 2017-08-06}
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
BAR = (0x2F, 0x6D, 0xB0)  # svg.BAR: a bar, a dot naming a candidate
DENIAL = (0xB0, 0x3A, 0x2E)  # svg.DENIAL: a cross marking a denial


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self.ids += [value or "" for name, value in attrs if name == "id"]


def chromium(browser: str, profile: Path, *args: str) -> str:
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--hide-scrollbars",
        f"--user-data-dir={profile}",
        *args,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def pixels(png: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB(A) pixels of an 8-bit, non-interlaced PNG (what
    Chromium writes), decoded with zlib alone."""
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    at, chunks, header = 8, b"", b""
    while at < len(data):
        (size,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + size]
        header = body if kind == b"IHDR" else header
        chunks += body if kind == b"IDAT" else b""
        at += 12 + size
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, header
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(chunks)
    rows: list[bytes] = []
    previous = bytearray(width * step)
    stride = width * step + 1
    for y in range(height):
        kind, line = raw[y * stride], bytearray(raw[y * stride + 1 : (y + 1) * stride])
        for x in range(len(line)):
            left = line[x - step] if x >= step else 0
            up, corner = previous[x], previous[x - step] if x >= step else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min(
                    (abs(guess - left), left),
                    (abs(guess - up), up),
                    (abs(guess - corner), corner),
                    key=lambda p: p[0],
                )
                line[x] = (line[x] + near[1]) & 0xFF
        rows.append(bytes(line))
        previous = line
    return (
        width,
        height,
        [bytes(r) for r in rows]
        if step == 3
        else [b"".join(r[i : i + 3] for i in range(0, len(r), 4)) for r in rows],
    )


def count_near(
    rows: list[bytes], colour: tuple[int, int, int], box: tuple[int, int, int, int]
) -> int:
    """How many pixels inside box (left, top, right, bottom) are within 40 of colour."""
    left, top, right, bottom = box
    found = 0
    for row in rows[top:bottom]:
        for x in range(left, min(right, len(row) // 3)):
            pixel = row[3 * x : 3 * x + 3]
            if sum(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < 40:
                found += 1
    return found


BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    BROWSER is None,
    reason="Chromium is not installed (`apt-get install -y chromium`; CI installs it): the "
    "HTML report is not opened in a real browser here",
)


@pytest.fixture
def page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SHIPPED, tmp_path / "claims")
    (tmp_path / "claims" / "extra.yaml").write_text(EXTRA, "utf-8")
    written = CliRunner().invoke(
        main,
        ["report", "claims", "--format", "html", "--date", "2026-11-30", "-o", "report.html"],
    )
    assert written.exit_code == 0, written.output
    return tmp_path / "report.html"


@needs_chromium
def test_the_html_report_opens_in_chromium_with_the_script_as_text(page: Path) -> None:
    assert BROWSER is not None
    dom = chromium(BROWSER, page.parent / "profile", "--dump-dom", page.as_uri())
    elements = Elements()
    elements.feed(dom)
    assert "subject-mirza-olang-attack" in elements.ids and "key-findings" in elements.ids
    assert "<h1>Contradiction report: claims</h1>" in dom
    assert "<time>30 November 2026</time>" in dom
    assert "<h2>Mirza Olang attack</h2>" in dom
    assert 'href="#subject-mirza-olang-attack"' in dom
    assert "&lt;script&gt;alert(1)&lt;/script&gt; 30 to 40 dead" in dom
    scripts = [attrs for tag, attrs in elements.tags if tag == "script"]
    assert scripts == [{"type": "application/ld+json"}]
    assert len([tag for tag, _ in elements.tags if tag == "svg"]) == 2  # figures, matrix
    resolved = re.search(r"Assessment: role of Akhtar Mohammad Mansour.*?</section>", dom, re.S)
    assert resolved and "in favour of claim caci-mansour-role" in resolved.group(0)


@needs_chromium
def test_a_screenshot_shows_the_charts_drawn(page: Path) -> None:
    """The first chart alone, at the top left of a page with the report's own policy and
    style, then the whole report: the chart's box holds the bars' and the crosses' colours."""
    assert BROWSER is not None
    html = page.read_text("utf-8")
    head = html.split("<body>")[0]
    charts = re.findall(r"<svg class=\"chart.*?</svg>", html, re.S)
    figures = next(c for c in charts if "chart-figures" in c)
    width, height = (int(v) for v in re.findall(r'width="(\d+)" height="(\d+)"', figures)[0])
    alone = page.with_name("chart.html")
    alone.write_text(f'{head}<body style="margin:0;padding:0">{figures}</body></html>', "utf-8")
    shot = page.with_name("chart.png")
    chromium(
        BROWSER,
        page.parent / "profile",
        f"--screenshot={shot}",
        f"--window-size={width},{height}",
        alone.as_uri(),
    )
    _, _, rows = pixels(shot)
    assert count_near(rows, BAR, (0, 0, width, height)) > 200  # bars drawn, not a blank box
    whole = page.with_name("report.png")
    chromium(
        BROWSER,
        page.parent / "profile",
        f"--screenshot={whole}",
        "--window-size=1280,6000",
        page.as_uri(),
    )
    full_width, full_height, rows = pixels(whole)
    assert count_near(rows, DENIAL, (0, 0, full_width, full_height)) > 50  # the crosses


@needs_chromium
def test_the_pages_policy_stops_a_script_that_got_into_it(page: Path) -> None:
    """Were a script to slip into the page, the Content Security Policy would not run it;
    the JSON-LD block beside it is data."""
    assert BROWSER is not None
    html = page.read_text("utf-8").replace(
        "</body>", "<script>document.body.setAttribute('data-ran', 'yes')</script></body>"
    )
    tampered = page.with_name("tampered.html")
    tampered.write_text(html, "utf-8")
    dom = chromium(BROWSER, page.parent / "profile", "--dump-dom", tampered.as_uri())
    assert 'data-ran="yes"' not in dom
    assert '<script type="application/ld+json">' in dom

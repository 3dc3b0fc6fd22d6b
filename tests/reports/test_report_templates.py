"""The HTML page's templates: shipped with the package, replaced by name from a desk's
folder, and every mistake in a desk's templates an error naming the file (exit status 2)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import SHIPPED
from provenance.cli import main
from provenance.reports.contradictions.html import NAMES, TEMPLATES


def report(*args: str) -> tuple[int, str, str]:
    done = CliRunner().invoke(main, ["report", str(SHIPPED), "--format", "html", *args])
    return done.exit_code, done.stdout, done.stderr


def test_every_template_a_desk_may_replace_is_shipped() -> None:
    assert {p.name for p in TEMPLATES.iterdir()} == set(NAMES)


def test_a_desk_replaces_the_style_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "style.css").write_text("body { font-family: serif; }", "utf-8")
    status, page, _ = report("--template", str(tmp_path))
    assert status == 0
    assert "body { font-family: serif; }" in page and "<h2>Key findings</h2>" in page


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("header.html", "<h1>{{ page.title }</h1>", "header.html:1: unexpected '}'"),
        ("footer.html", '{% include "missing.html" %}', "no template {dir}/missing.html"),
        ("findings.html", "{{ page.no_such_part }}", "has no attribute 'no_such_part'"),
    ],
)
def test_a_mistake_in_a_desks_template_names_the_file(
    tmp_path: Path, name: str, text: str, message: str
) -> None:
    (tmp_path / name).write_text(text, "utf-8")
    status, _, error = report("--template", str(tmp_path))
    assert status == 2
    assert message.replace("{dir}", str(tmp_path)) in error, error
    assert "Traceback" not in error

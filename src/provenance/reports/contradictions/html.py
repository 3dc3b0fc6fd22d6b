"""`report --format html`: the contradiction report as one self-contained page, to open in
a browser or publish, rendered by Jinja2 from the templates shipped beside this module
(templates/), which a desk may replace by name with `--template DIR`.

The page is safe whatever a ledger holds: Jinja2 autoescapes every value in text and in
attributes; the only markup passed through is the charts, which svg.py draws and escapes,
and the schema.org ClaimReview JSON-LD, a data block (`<script type="application/ld+json">`,
never executed) whose `<`, `>` and `&` are written as JSON escapes so that no text can close
it. Inline CSS, no script, no font, nothing fetched: the Content Security Policy forbids it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from provenance import __version__
from provenance.errors import ProvenanceError
from provenance.reports.contradictions import page

if TYPE_CHECKING:
    from provenance.reports.contradictions.content import ContradictionReport

POLICY = "default-src 'none'; style-src 'unsafe-inline'"
"""Nothing is fetched and no script runs (script-src falls back to 'none'); a JSON-LD data
block is not a script the browser runs, so the policy needs no exception for it."""
TEMPLATES = Path(__file__).with_name("templates")
NAMES = ("report.html", "header.html", "findings.html", "blocks.html", "footer.html", "style.css")
"""The templates a desk may replace; report.html includes the others."""


def render(report: ContradictionReport, template: Path | None = None) -> str:
    import jinja2
    from markupsafe import Markup

    from provenance.reports.contradictions import svg

    environment = jinja2.Environment(
        loader=jinja2.ChoiceLoader(_loaders(jinja2, template)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    context: dict[str, Any] = {
        "page": page.arrange(report),
        "policy": POLICY,
        "version": __version__,
        "chart": lambda drawn: Markup(svg.draw(drawn)),
        "linked_data": Markup(linked_data(report.claim_reviews)) if report.claim_reviews else "",
    }
    try:
        text: str = environment.get_template("report.html").render(context)
    except jinja2.TemplateNotFound as missing:
        folder = template or TEMPLATES
        raise ProvenanceError(
            f"--template {folder}: no template {folder / str(missing.name)} "
            f"(a template folder may hold {', '.join(NAMES)}; the others come with provenance)"
        ) from missing
    except jinja2.TemplateSyntaxError as error:
        raise ProvenanceError(
            f"{error.filename or error.name}:{error.lineno}: {error.message} (a Jinja2 template)"
        ) from error
    except jinja2.UndefinedError as error:
        raise ProvenanceError(f"--template {template}: {error.message}") from error
    return text


def _loaders(jinja2: Any, template: Path | None) -> list[Any]:
    shipped = jinja2.FileSystemLoader(TEMPLATES)
    if template is None:
        return [shipped]
    if not template.is_dir():
        raise ProvenanceError(
            f"--template {template}: no such folder (give a folder of templates such as "
            f"{', '.join(NAMES)})"
        )
    if not any((template / name).is_file() for name in NAMES):
        raise ProvenanceError(
            f"--template {template}: no template {template / NAMES[0]} nor any other the page "
            f"uses ({', '.join(NAMES)})"
        )
    return [jinja2.FileSystemLoader(template), shipped]


def linked_data(documents: object) -> str:
    """JSON for a `<script type="application/ld+json">` block: `<`, `>` and `&` escaped, so
    that nothing inside can end the block."""
    text = json.dumps(documents, ensure_ascii=False, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")

"""What a contradiction report is and for whom: the options it is asked with, its edition
(title, scope, date in words, the reader's or the maintainer's view) and the sources it cites
by publisher and date, with their addresses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from provenance import dates
from provenance.errors import ProvenanceError
from provenance.model import Source
from provenance.reports.contradictions import wording
from provenance.views import ReportData

TITLE = "Contradiction report"


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line (or provenance.toml's [report]) asks of a report; None: the
    default."""

    include_decided: bool = False
    title: str | None = None
    scope: str | None = None
    date: str | None = None
    maintainer: bool = False
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class Edition:
    """What the report is and for whom: its title, what it covers, its date (in words), and
    whether it shows the maintainer's view (ids, rules, file:line) beside the reader's."""

    title: str
    scope: str
    date: str
    maintainer: bool = False


@dataclass(frozen=True, slots=True)
class CitedSource:
    """A source the report cites, as a reader cites it, with its address."""

    id: str
    citation: str  # "Publisher, 13 November 2017"
    title: str
    authors: tuple[str, ...]
    url: str
    reliability: str
    reliability_label: str


def edition(data: ReportData, options: Options, today: datetime | None = None) -> Edition:
    """The title (default: the ledger folder's), the scope (default: what was read) and the
    date in words (default: today's), always shown."""
    title = options.title or f"{TITLE}: {data.target}"
    if options.scope:
        scope = options.scope
    elif options.subject:
        found = data.entities.get(options.subject)
        scope = f"{found.name if found else options.subject} in {data.target}"
    else:
        scope = f"Every subject in {data.target}"
    if options.date:
        try:
            day = wording.span_words(dates.parse_timespan(options.date))
        except ProvenanceError as error:
            raise ProvenanceError(f"--date {options.date!r}: {error}") from error
    else:
        now = today or datetime.now(UTC)
        day = f"{now.day} {wording.MONTHS[now.month - 1]} {now.year}"
    return Edition(title, scope, day, options.maintainer)


def cited(data: ReportData, ids: Iterable[str]) -> tuple[CitedSource, ...]:
    """The sources named, as a reader cites them, in the order of their citations."""
    found = [_cite(s) for i in set(ids) if (s := data.sources.get(i)) is not None]
    return tuple(sorted(found, key=lambda c: (c.citation.casefold(), c.id)))


def _cite(source: Source) -> CitedSource:
    return CitedSource(
        id=source.id,
        citation=wording.citation(source),
        title=source.title,
        authors=source.authors,
        url=source.url or "",
        reliability=source.reliability.value,
        reliability_label=source.reliability.label,
    )

"""The quote-not-found rule: a quote that is not in the archived text of its source."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

from provenance.checks._archives import (
    ArchiveText,
    closest,
    missing_part,
    quote_parts,
    read_archive,
)
from provenance.checks.base import Finding, Rule
from provenance.checks.context import Context
from provenance.model import Claim, Severity, Source

SHOWN_CLAIMS = 5  # claims named in a message about a whole archive


class QuoteNotFound(Rule):
    """A quote not in the archived text of its source, or an archive that cannot be trusted.

    When a source has `archive: {path: ..., sha256: ...}`, every claim quoting that source
    must quote its archived text. Both are compared after the same normalisation: Unicode
    NFKC, case folded, curly quotes and apostrophes made straight, dashes made '-', every run
    of whitespace (line breaks too) one space. An ellipsis ('...', '…', '[...]') in a quote
    stands for words left out: the parts around it must appear in that order. A quote that
    is not found is reported with the closest passage of the archive as a hint, never taken
    in its place. The rule also reports, once per source, an archive file that does not
    exist, one that cannot be read as UTF-8 text, one whose sha256 is not the one the ledger
    records (the text changed after the quotes were checked against it: each of them is
    suspect), and an archive path that resolves, symlinks followed, outside the ledger
    folder (the folders given to `check`; without them, the folder of the file declaring
    the source): such a file is never read. Claims without a quote and sources without an
    archive are not checked; an archive without sha256 is read but not verified. Checking
    the database rather than files, an archive is looked for next to the file its source
    was imported from, and skipped when that file is not reachable from the current folder.

    Why it matters:
        A quote is the analyst's evidence that the source said what the claim says. A quote
        that the source does not contain (mistyped, paraphrased, from another article, or
        from a version of the page that has since been edited) is provenance that cannot be
        checked by the next reader, and a claim resting on it may not be in the source at
        all.

    Example:
        sources:
          - id: caci-2017
            title: ISIS-Taliban collaboration
            kind: analysis
            reliability: B
            archive: {path: archive/caci-2017.txt}
        claims:
          - id: caci-denial
            subject: mirza-olang-attack
            property: perpetrator
            value: [taliban, iskp]
            polarity: denied
            source: caci-2017
            quote: dismissed the allegations as propaganda   # the text says "dismissing such"

    Fix:
        Copy the quote from the archived text (the hint shows the closest passage), or
        archive the version of the source the quote comes from. When the sha256 differs,
        compare the archived text with the source, check every quote from it, then record
        the new digest (`sha256sum FILE`). Keep archives inside the ledger folder. Review it:
        `not-a-conflict` when the quote is right and the archive wrong (a translation, a
        garbled extraction; say so in the note), `resolved --in-favour-of CLAIM` when
        another claim carries the correct quote, `disputed` while the source is unclear.
    """

    id = "quote-not-found"
    default_severity = Severity.ERROR
    housekeeping = True

    def check(self, context: Context) -> Iterator[Finding]:
        archived = {s.id: s for s in context.archived_sources()}
        if not archived:
            return
        archives = _Archives(context.roots)
        quoting: dict[str, list[str]] = defaultdict(list)
        for claim in context.quoting_claims():
            source = archived.get(claim.source)
            if source is None or not claim.quote or not claim.quote.strip():
                continue
            quoting[source.id].append(claim.id)
            archive = archives.read(source)
            if archive is not None and archive.normalised is not None:
                finding = _quote_finding(claim, source, archive)
                if finding is not None:
                    yield finding
        for source in archived.values():
            archive = archives.read(source)
            if archive is not None:
                yield from _archive_findings(source, archive, quoting.get(source.id, ()))


class _Archives:
    """Each archived text read once per run, whichever sources and claims cite it."""

    def __init__(self, roots: Sequence[Path]) -> None:
        self._roots = tuple(_folder(root) for root in roots)
        self._read: dict[tuple[Path, tuple[Path, ...]], ArchiveText] = {}
        self._by_source: dict[str, ArchiveText | None] = {}

    def read(self, source: Source) -> ArchiveText | None:
        if source.id not in self._by_source:
            self._by_source[source.id] = self._find(source)
        return self._by_source[source.id]

    def _find(self, source: Source) -> ArchiveText | None:
        if source.archive is None or source.origin is None:
            return None
        declaring = Path(source.origin.file)
        if not declaring.is_file():
            return None  # the file declaring it is not reachable from here: nowhere to look
        path = declaring.parent / source.archive.path  # relative to the declaring file
        folders = self._roots or (_folder(Path(source.origin.file)),)
        key = (path, folders)
        if key not in self._read:
            self._read[key] = read_archive(path, folders)
        return self._read[key]


def _folder(path: Path) -> Path:
    """The ledger folder a path given to `check` stands for (a file stands for its own)."""
    try:
        resolved = path.resolve()
        return resolved if resolved.is_dir() else resolved.parent
    except (OSError, RuntimeError):
        return path.absolute()


def _changed(source: Source, archive: ArchiveText) -> bool:
    expected = source.archive.sha256 if source.archive else None
    return expected is not None and archive.digest is not None and archive.digest != expected


def _quote_finding(claim: Claim, source: Source, archive: ArchiveText) -> Finding | None:
    assert archive.normalised is not None and claim.quote is not None
    parts = quote_parts(claim.quote)
    missing = missing_part(archive.normalised.text, parts)
    if missing is None:
        return None
    where = f"{archive.path} (the archive of {source.id})"
    if len(parts) == 1:
        what = f"{claim.id}: quote '{claim.quote}' is not in {where}"
    elif missing == 0:
        what = f"{claim.id}: quote '{claim.quote}': its part '{parts[0]}' is not in {where}"
    else:
        what = (
            f"{claim.id}: quote '{claim.quote}': its part '{parts[missing]}' is not in {where}"
            f" after '{parts[missing - 1]}'"
        )
    hint = closest(archive.normalised, archive.original, parts[missing])
    shown = (
        f"; closest passage: '{hint.text}' ({hint.score:g}% alike), not accepted" if hint else ""
    )
    changed = (
        "; the archive has changed since the ledger recorded it"
        if _changed(source, archive)
        else ""
    )
    return Finding(
        key=("quote", claim.id, claim.quote, str(source.archive.path if source.archive else "")),
        message=what + shown + changed,
        subject=claim.subject,
        claims=(claim.id,),
        places=tuple(o for o in (claim.origin, source.origin) if o),
        details={
            "quote": claim.quote,
            "archive": str(archive.path),
            "part": parts[missing],
            "closest": hint.text if hint else None,
            "score": hint.score if hint else None,
        },
    )


def _archive_findings(
    source: Source, archive: ArchiveText, quoting: Sequence[str]
) -> Iterator[Finding]:
    assert source.archive is not None
    declared = source.archive.path
    named = ", ".join(quoting[:SHOWN_CLAIMS]) + (", …" if len(quoting) > SHOWN_CLAIMS else "")
    quotes = f"{len(quoting)} quote{'s' if len(quoting) != 1 else ''} ({named})"
    head = f"archive {archive.path} of source {source.id}"
    unchecked = f": {quotes} cannot be checked" if quoting else ""
    messages = {
        "outside": f"{head} resolves to {archive.resolved}, outside the ledger folder, "
        f"and was not read{unchecked}",
        "missing": f"{head} does not exist{unchecked}",
        "unreadable": f"{head} cannot be read ({archive.reason}){unchecked}",
    }
    base = {"archive": str(archive.path), "problem": archive.problem}
    place = (source.origin,) if source.origin else ()
    if archive.problem is not None:
        yield Finding(
            key=(archive.problem, source.id, declared),
            message=messages[archive.problem],
            claims=tuple(sorted(quoting)),
            places=place,
            details=base,
        )
    if _changed(source, archive):
        expected, actual = source.archive.sha256 or "", archive.digest or ""
        yield Finding(
            key=("changed", source.id, declared, expected, actual),
            message=f"{head} has changed: its sha256 is {actual[:12]}…, the ledger records "
            f"{expected[:12]}…"
            + (f"; every quote from it is suspect: {quotes}" if quoting else ""),
            claims=tuple(sorted(quoting)),
            places=place,
            details={**base, "problem": "changed", "sha256": actual, "expected": expected},
        )

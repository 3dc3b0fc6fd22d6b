"""`provenance review`: decide conflicts, one by its id or each open one in turn, with the
competing claims side by side."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from provenance.cli.shared import (
    announce,
    api,
    db_option,
    emit,
    format_option,
    lazy,
    review_view,
    say,
)
from provenance.model import Verdict

if TYPE_CHECKING:
    from provenance.checker import Conflict


VERDICT_KEYS = {
    "s": Verdict.SAME_ENTITY,
    "d": Verdict.DISTINCT,
    "p": Verdict.DISPUTED,
    "r": Verdict.RESOLVED,
    "n": Verdict.NOT_A_CONFLICT,
}


@click.command()
@click.argument("conflict_id", metavar="[CONFLICT_ID]", required=False)
@click.option(
    "--verdict",
    type=click.Choice([v.value for v in Verdict]),
    help="same-entity, distinct, disputed, resolved or not-a-conflict.",
)
@click.option("--note", help="Why: a considered note, kept with the decision.")
@click.option(
    "--by",
    "reviewer",
    metavar="NAME",
    help="Who decides (default: reviewer in provenance.toml, else git user.name).",
)
@click.option("--in-favour-of", metavar="CLAIM", help="With resolved: the claim that stands.")
@click.option("--list", "listing", is_flag=True, help="List open and decided conflicts.")
@format_option(("table", "json", "csv"), "With --list: table for people; json or csv.")
@click.option(
    "--all-open",
    is_flag=True,
    help="Give every open conflict the --verdict and --note (a baseline decision when "
    "adopting the gate); asks first unless --yes.",
)
@click.option("--yes", is_flag=True, help="With --all-open: do not ask for confirmation.")
@click.option(
    "--ledger",
    type=click.Path(file_okay=False, path_type=Path),
    help="The ledger folder whose reviews.yaml records decisions "
    "(default: claims/ here, unless --db is given).",
)
@db_option
def review(
    conflict_id: str | None,
    verdict: str | None,
    note: str | None,
    reviewer: str | None,
    in_favour_of: str | None,
    listing: bool,
    fmt: str,
    all_open: bool,
    yes: bool,
    ledger: Path | None,
    db: str | None,
) -> None:
    """Decide conflicts: one by its id, or each open one in turn (on a terminal).

    Reviewing a ledger folder appends to its reviews.yaml, to be committed with the claims;
    reviewing the database stores the decision there. Reviews are never changed: a later
    review of the same conflict supersedes the earlier one, and both stay in its history.
    A conflict id may be shortened to any start of it that only one conflict has.

    Example: provenance review spelling-variant:6232 --verdict same-entity --note "One village"
    """
    desk = api.review_desk(ledger, db)
    announce(desk.target.target)
    if listing:
        found = desk.conflicts()
        table = fmt == "table"
        text = review_view.render_list(found, str(desk.target)) if table else None
        emit(text or lazy("provenance.reports.listing").render_conflicts(found, fmt), None, fmt)
        return
    if conflict_id is None and not at_terminal():
        raise click.UsageError(
            "give a conflict id with --verdict and --note (`provenance review --list` lists "
            "them): reviewing each conflict in turn needs a terminal"
        )
    who = desk.reviewer(reviewer)
    if all_open:
        if conflict_id is not None or verdict is None or note is None:
            raise click.UsageError("--all-open takes --verdict and --note, and no conflict id")
        _all_open(desk, Verdict(verdict), note, who, yes)
        return
    if conflict_id is None:
        _walk(desk, who)
        return
    if verdict is None or note is None:
        raise click.UsageError(
            "give --verdict and --note with a conflict id "
            "(or no id, to review the open conflicts in turn)"
        )
    decided, where = desk.decide(conflict_id, Verdict(verdict), note, who, in_favour_of)
    say(f"recorded {decided.verdict.value} for {decided.conflict} in {where}")


def at_terminal() -> bool:
    """Whether someone is at a terminal to answer the review's questions."""
    return sys.stdin.isatty()


def _all_open(desk: api.ReviewDesk, verdict: Verdict, note: str, reviewer: str, yes: bool) -> None:
    """One verdict for every open conflict it fits; the others are left open, and said."""
    waiting, _ = desk.waiting()
    fitting = [c for c in waiting if verdict in desk.choices(c)]
    if not fitting:
        say(f"no open conflicts in {desk.target} that {verdict.value} fits; nothing recorded")
        return
    if not yes:
        click.confirm(
            f"record {verdict.value} for {len(fitting)} open conflict"
            f"{'s' if len(fitting) != 1 else ''} in {desk.target}, signed {reviewer}?",
            abort=True,
            err=True,
        )
    where = ""
    for conflict in fitting:
        _, where = desk.decide(conflict, verdict, note, reviewer)
    say(f"recorded {verdict.value} for {len(fitting)} conflicts in {where}")
    for conflict in waiting:
        if conflict not in fitting:
            say(f"left open: {conflict.id} ({verdict.value} does not fit a {conflict.rule})")


def _walk(desk: api.ReviewDesk, reviewer: str) -> None:
    """The interactive review: each open conflict, its claims side by side, a verdict and a
    note; Enter skips, q quits."""
    waiting, data = desk.waiting()
    if not waiting:
        say(f"no open conflicts in {desk.target}")
        return
    done = 0
    for position, conflict in enumerate(waiting, start=1):
        say(review_view.render_conflict(conflict, data, position, len(waiting)))
        answer = _ask_verdict(desk, conflict)
        if answer == "quit":
            break
        if not isinstance(answer, Verdict):
            continue  # skipped
        favoured = _ask_claim(conflict) if answer is Verdict.RESOLVED else None
        note = _ask("note (why)", required=True)
        if note is None:
            break
        decided, where = desk.decide(conflict, answer, note, reviewer, favoured)
        say(f"recorded {decided.verdict.value} for {decided.conflict} in {where}\n")
        done += 1
    say(
        f"{done} reviewed by {reviewer}; "
        f"{len(waiting) - done} left open (run `provenance review` again)"
    )


def _ask(text: str, *, required: bool = False) -> str | None:
    """A line from the user; None when input ends (treated as quit)."""
    while True:
        try:
            answer = str(click.prompt(text, default="", show_default=False)).strip()
        except click.Abort:
            return None
        if answer or not required:
            return answer


def _ask_verdict(desk: api.ReviewDesk, conflict: Conflict) -> Verdict | str | None:
    allowed = desk.choices(conflict)
    keys = {k: v for k, v in VERDICT_KEYS.items() if v in allowed}
    for key, value in keys.items():
        say(f"  {key}  {value.value}: {allowed[value]}")
    say("  Enter  skip    q  quit")
    while True:
        say("verdict: ", nl=False)
        key = click.getchar()
        say(key if key.isprintable() else "")
        answer = key.lower()
        if answer in ("", "q", "\x03", "\x04"):  # end of input, q, Ctrl-C, Ctrl-D
            return "quit"
        if answer in ("\r", "\n", "k"):
            return None
        chosen = keys.get(answer)
        if chosen is not None:
            return chosen
        say(f"  '{key}' is not one of: {', '.join(keys)}, Enter, q")


def _ask_claim(conflict: Conflict) -> str:
    for n, claim in enumerate(conflict.claims, start=1):
        say(f"  {n}  {claim}")
    while True:
        answer = _ask("which claim stands (number or id)") or ""
        if answer.isdigit() and 1 <= int(answer) <= len(conflict.claims):
            return str(conflict.claims[int(answer) - 1])
        if answer in conflict.claims:
            return answer
        say(f"  choose 1 to {len(conflict.claims)}")

"""A second process for some of a check's rules, so that a large ledger is checked on two
cores at once. The rules are independent readers of one database: the second process opens
its own read-only connection, runs its rules, and sends back their findings.

Only a database another process can open (a SQLite file, PostgreSQL) is shared this way; a
ledger read from YAML lives in a private in-memory store and is checked in one process.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from provenance.checks.base import Finding, Rule
from provenance.checks.context import Context
from provenance.db.ledger_view import LedgerView
from provenance.db.sessions import reader_session

PARALLEL_FROM = 50_000
"""Claims from which a second process pays for itself (it costs about 0.2 s to start)."""

Outcome = list[tuple[str, list[Finding], float]]  # rule id, findings, seconds


def aside(context: Context, rules: Sequence[Rule], jobs: int | None) -> list[Rule]:
    """The rules to run in a second process: none when ``jobs`` is 1, when the database is
    private to this process, when fork is not available, or (``jobs`` not given) when the
    ledger is small or the machine has one core."""
    url = context.shareable_url()
    if jobs == 1 or url is None or "fork" not in multiprocessing.get_all_start_methods():
        return []
    if jobs is None and ((os.cpu_count() or 1) < 2 or context.claim_count() < PARALLEL_FROM):
        return []
    chosen = [rule for rule in rules if rule.aside]
    return chosen if len(chosen) < len(rules) else []


@dataclass
class Lane:
    """Rules running in a second process; ``results`` waits for them."""

    process: BaseProcess
    receive: Connection

    def results(self) -> Outcome:
        try:
            status, payload = self.receive.recv()
        except EOFError:
            status, payload = "error", f"it ended with exit status {self.process.exitcode}"
        finally:
            self.receive.close()
            self.process.join()
        if status != "ok":
            raise RuntimeError(f"a rule failed in the second checking process: {payload}")
        outcome: Outcome = payload
        return outcome


def start(url: str, roots: Sequence[Path], rules: Sequence[Rule]) -> Lane:
    forked = multiprocessing.get_context("fork")
    receive, send = forked.Pipe(duplex=False)
    process = forked.Process(target=_work, args=(url, tuple(roots), list(rules), send))
    process.daemon = True
    process.start()
    send.close()
    return Lane(process, receive)


def _work(url: str, roots: tuple[Path, ...], rules: list[Rule], send: Connection) -> None:
    """The second process: its own connection, its rules, their findings sent back."""
    try:
        with reader_session(url) as session:
            context = LedgerView(session, roots)
            outcome: Outcome = []
            for rule in rules:
                started = time.perf_counter()
                findings = list(rule.check(context))
                outcome.append((rule.id, findings, time.perf_counter() - started))
        send.send(("ok", outcome))
    except BaseException:  # reported by the parent, which raises it
        send.send(("error", traceback.format_exc()))
    finally:
        send.close()

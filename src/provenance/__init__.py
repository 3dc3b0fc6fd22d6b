"""provenance: record claims with their sources and speakers, and find where reports disagree.

The name matcher is public: ``compare_names("Mirza Olang", "Mirsa Olang", "place")`` returns
a NameMatch with its verdict ("same", "variant", "possible", "different" or
"not-comparable"), its tier ("confident", "possible" or None), a calibrated score from 0 to
100, a reason an analyst can check and the signals behind it (``reasons``). The matcher
(provenance.names) is loaded when it is first used, not by ``import provenance``: the
command line starts without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from provenance.names import NameMatch, NameVerdict

__version__ = "0.1.0"
__all__ = ["NameMatch", "NameVerdict", "__version__", "compare_names"]


def compare_names(
    first: str, second: str, kind: str | None = None, second_kind: str | None = None
) -> NameMatch:
    """Are two names probably one name spelled two ways? ``kind`` (person, organisation,
    place, event, other) applies to both names unless ``second_kind`` is given."""
    from provenance.names import compare

    return compare(first, second, kind, second_kind if second_kind is not None else kind)


def __getattr__(name: str) -> object:
    """``provenance.NameMatch`` and ``NameVerdict``, imported on first use (PEP 562)."""
    if name in ("NameMatch", "NameVerdict"):
        from provenance import names

        return getattr(names, name)
    raise AttributeError(f"module 'provenance' has no attribute {name!r}")

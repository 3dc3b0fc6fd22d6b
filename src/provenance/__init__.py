"""provenance: record claims with their sources and speakers, and find where reports disagree.

The name matcher is public: ``compare_names("Mirza Olang", "Mirsa Olang", "place")`` returns
a NameMatch with its verdict ("same", "variant", "different" or "not-comparable"), a score
from 0 to 100 and a reason an analyst can check.
"""

from __future__ import annotations

from provenance.names import NameMatch, Verdict
from provenance.names import compare as _compare

__version__ = "0.1.0"
__all__ = ["NameMatch", "Verdict", "__version__", "compare_names"]


def compare_names(
    first: str, second: str, kind: str | None = None, second_kind: str | None = None
) -> NameMatch:
    """Are two names probably one name spelled two ways? ``kind`` (person, organisation,
    place, event, other) applies to both names unless ``second_kind`` is given."""
    return _compare(first, second, kind, second_kind if second_kind is not None else kind)

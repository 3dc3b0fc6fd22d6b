"""The conflict rules: one module per rule, and this explicit registry of them."""

from __future__ import annotations

from provenance.checks.attribute_conflict import AttributeConflict
from provenance.checks.base import Rule
from provenance.checks.circular_reporting import CircularReporting
from provenance.checks.dangling_reference import DanglingReference
from provenance.checks.date_conflict import DateConflict
from provenance.checks.declared_contradiction import DeclaredContradiction
from provenance.checks.denial import Denial
from provenance.checks.disputed_attribution import DisputedAttribution
from provenance.checks.evidence_disputed import EvidenceDisputed
from provenance.checks.not_comparable import NotComparable
from provenance.checks.numeric_conflict import NumericConflict
from provenance.checks.overconfidence import Overconfidence
from provenance.checks.possible_variant import PossibleVariant
from provenance.checks.quote_not_found import QuoteNotFound
from provenance.checks.scope_relation import ScopeRelation
from provenance.checks.spelling_variant import SpellingVariant

RULES: tuple[type[Rule], ...] = (
    DanglingReference,
    SpellingVariant,
    PossibleVariant,
    NumericConflict,
    ScopeRelation,
    NotComparable,
    DisputedAttribution,
    Denial,
    DateConflict,
    AttributeConflict,
    DeclaredContradiction,
    EvidenceDisputed,
    CircularReporting,
    Overconfidence,
    QuoteNotFound,
)


def by_id(rule_id: str) -> type[Rule] | None:
    """The rule with this id, or with this id among its former ids."""
    for rule in RULES:
        if rule.id == rule_id or rule_id in rule.aliases:
            return rule
    return None

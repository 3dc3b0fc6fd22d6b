Feature: export — the ledger in the field's exchange formats
  An analyst hands the ledger to other tools: a provenance graph store (W3C
  PROV), a threat-intelligence platform (STIX 2.1), a fact-checkers' feed
  (schema.org ClaimReview), a statistics package (an event table in the UCDP
  and ACLED habit). Each format is written by its own library and read back by it.

  Background:
    Given the shipped ledger in claims/
    When I run "provenance import claims/"
    Then the exit status is 0

  Scenario: W3C PROV-JSON that the prov library reads back
    When I run "provenance export --format prov-json"
    Then the exit status is 0
    And stdout is a PROV document with the entity "claim:caci-mirza-olang-killed"
    And the PROV document says "claim:caci-mirza-olang-joint-denied" was attributed to "agent:taliban"
    And the PROV document says "claim:caci-mirza-olang-killed" was quoted from "source:caci-2017-11-13"
    And the PROV document says "source:caci-2017-11-13" was attributed to "agent:author-sudha-ramachandran"

  Scenario: A STIX 2.1 bundle that the stix2 library parses
    When I run "provenance export --format stix"
    Then the exit status is 0
    And stdout is a STIX bundle with a report named "Are We Seeing the Beginning of ISIS-Taliban Collaboration in Afghanistan?"
    And the STIX bundle has an identity named "Taliban"
    And the STIX bundle has 3 opinions

  Scenario: ClaimReview JSON-LD for the claims the analyst decided
    When I run "provenance export --format claimreview"
    Then the exit status is 0
    And stdout is JSON-LD of 5 objects of type ClaimReview
    And a ClaimReview of "caci-mansour-role" is rated "Stands: the conflict was resolved in its favour"

  Scenario: An event table with the toll as numbers
    When I run "provenance export --format events-csv"
    Then the exit status is 0
    And the CSV on stdout has a row where "event_id" reads "mirza-olang-attack"
    And the CSV on stdout has a row where "deaths_low" reads "51"
    And every "deaths_low" on stdout is a number or empty

  Scenario: Written to a folder, in one file
    When I run "provenance export --format stix -o exchange/"
    Then the exit status is 0
    And stderr contains "wrote 1 file to exchange"
    And the file "exchange/ledger.stix.json" contains ""type": "bundle""

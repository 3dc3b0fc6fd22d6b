Feature: Import a ledger
  An analyst keeps sources, entities and claims in YAML files, spread over
  folders, and loads them into the ledger database in one go.

  Scenario: Importing the shipped ledger loads every record
    Given the shipped ledger in claims/
    When I run "provenance import claims/"
    Then the exit status is 0
    And stdout shows the rows:
      | record   | stored | added |
      | sources  | 2      | 2     |
      | entities | 42     | 42    |
      | claims   | 93     | 93    |

  Scenario: Importing the same ledger again changes nothing
    Given the shipped ledger in claims/
    And the database holds the sample ledger
    When I run "provenance import claims/"
    Then the exit status is 0
    And stdout shows the rows:
      | record | stored | added | changed | unchanged |
      | claims | 93     | 0     | 0       | 93        |
    And the database is unchanged

  Scenario: An edited claim is updated in place and reviews are kept
    Given the shipped ledger in claims/
    And a ledger file "claims/more-reviews.yaml" containing:
      """
      reviews:
        - conflict: spelling-variant:0000aaaa
          verdict: distinct
          note: Two different villages.
          reviewer: Analyst One
          at: 2026-11-20T09:00:00Z
      """
    And the database holds the sample ledger
    And the file "claims/caci-2017/mirza-olang-attack.yaml" is changed so that "value: over 50" reads "value: at least 60"
    And the file "claims/more-reviews.yaml" is removed
    When I run "provenance import claims/"
    Then the exit status is 0
    And stdout shows the rows:
      | record  | stored | added | changed | unchanged |
      | claims  | 93     | 0     | 1       | 92        |
      | reviews | 5      | 0     |         |           |
    When I run "provenance show caci-mirza-olang-killed"
    Then stdout contains "at least 60"

  Scenario: A ledger can sit in nested folders and refer across files
    Given a ledger file "ledger/sources/wire.yaml" containing:
      """
      sources:
        - id: wire-1
          title: Attack on a village
          kind: wire
          reliability: C
      """
    And a ledger file "ledger/2017/august/attack.yaml" containing:
      """
      entities:
        - id: village
          kind: place
          name: Mirza Olang
      claims:
        - id: wire-1-killed
          subject: village
          property: killed
          value: dozens
          source: wire-1
      """
    When I run "provenance import ledger/"
    Then the exit status is 0
    And stdout shows the rows:
      | record   | stored |
      | sources  | 1      |
      | entities | 1      |
      | claims   | 1      |

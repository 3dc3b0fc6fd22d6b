Feature: Review conflicts and keep the decisions
  An analyst decides each conflict the checker finds. The decision is kept
  with the ledger (or in the database), so that CI honours it, and it is never
  overwritten: a later review supersedes an earlier one and both stay.

  Background:
    Given a ledger file "claims/ledger.yaml" containing:
      """
      sources:
        - {id: ministry, title: Ministry statement, kind: government, reliability: C}
        - {id: radio, title: Local radio, kind: news, reliability: B}
      entities:
        - {id: market-bombing, kind: event, name: Market bombing}
        - {id: mirza-olang, kind: place, name: Mirza Olang}
      claims:
        - {id: ministry-toll, subject: market-bombing, property: killed, value: 30-40, source: ministry}
        - {id: radio-toll, subject: market-bombing, property: killed, value: more than 50, source: radio,
           mentions: [Mirsa Olang]}
      """

  Scenario: The open conflicts are listed with their status
    When I run "provenance review --list"
    Then the exit status is 0
    And stdout shows the rows:
      | status | where                  |
      | open   | claims/ledger.yaml:8   |
      | open   | claims/ledger.yaml:9   |
    And stdout contains "2 open, 0 decided in claims"

  Scenario: same-entity makes the spelling an alias of the entity
    When I run "provenance check claims/ --rule spelling-variant"
    Then the exit status is 1
    When I run "provenance review $spelling-variant --verdict same-entity --note 'One village, misspelt.' --by Ana"
    Then the exit status is 0
    And stdout contains "recorded same-entity for spelling-variant:"
    And the file "claims/reviews.yaml" contains "alias: Mirsa Olang"
    When I run "provenance check claims/ --rule spelling-variant"
    Then the exit status is 0
    When I run "provenance import claims/"
    And I run "provenance show mirza-olang"
    Then stdout contains "Mirsa Olang (same-entity, Ana"

  Scenario: disputed keeps a real disagreement visible but lets CI pass
    When I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 1
    And stdout contains "claims/ledger.yaml:8"
    When I run "provenance review $numeric-conflict --verdict disputed --note 'Both tolls stand until the count is done.' --by Ana"
    And I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 0
    And stdout contains "1 reviewed, not shown"
    When I run "provenance check claims/ --rule numeric-conflict --include-reviewed"
    Then the exit status is 1
    And stdout contains "[reviewed: disputed]"

  Scenario: resolved names the claim that stands, and only one of the conflict's claims
    When I run "provenance review $numeric-conflict --verdict resolved --in-favour-of nobody --note x --by Ana"
    Then the exit status is 2
    And stderr contains "nobody is not one of the claims of numeric-conflict:"
    When I run "provenance review $numeric-conflict --verdict resolved --in-favour-of radio-toll --note 'The radio count is the later, fuller one.' --by Ana"
    Then the exit status is 0
    And the file "claims/reviews.yaml" contains "in_favour_of: radio-toll"

  Scenario: A verdict that does not fit the conflict is refused
    When I run "provenance review $numeric-conflict --verdict same-entity --note x --by Ana"
    Then the exit status is 2
    And stderr contains "same-entity does not fit numeric-conflict conflict"

  Scenario: A later review supersedes the earlier one and both stay in the history
    When I run "provenance review $numeric-conflict --verdict disputed --note 'Unclear for now.' --by Ana"
    And I run "provenance review $numeric-conflict --verdict resolved --in-favour-of radio-toll --note 'The radio count is final.' --by Ben"
    And I run "provenance review --list"
    Then stdout shows the rows:
      | status   | where                |
      | resolved | claims/ledger.yaml:8 |
    When I run "provenance import claims/"
    And I run "provenance show $numeric-conflict"
    Then stdout contains "Reviews, oldest first (2); the latest decides:"
    And stdout has a line matching "Ana +disputed +Unclear for now\."
    And stdout has a line matching "Ben +resolved +radio-toll +The radio count is final\."
    And stdout has a line matching "^status +resolved$"

  Scenario: The interactive review walks the open conflicts
    When I run "provenance review --by Ana" and answer:
      """
      p
      Both tolls stand until the count is done.

      """
    Then the exit status is 0
    And stdout contains "[1/2] numeric-conflict:"
    And stdout contains "'30-40' [30, 40]"
    And stdout contains "'more than 50' [51, ∞)"
    And stdout contains "recorded disputed for numeric-conflict:"
    And stdout contains "1 reviewed by Ana; 1 left open"
    And the file "claims/reviews.yaml" contains "reviewer: Ana"

  Scenario: The reviewer defaults to git's user.name
    Given git knows me as "Analyst From Git"
    When I run "provenance review --ledger claims/" and answer:
      """
      q
      """
    Then the exit status is 0
    And stdout contains "0 reviewed by Analyst From Git; 2 left open"

  Scenario: A review of a conflict that no longer exists is reported as stale
    Given a ledger file "claims/reviews.yaml" containing:
      """
      reviews:
        - {conflict: 'numeric-conflict:00000000abcd', verdict: disputed, note: An old toll dispute, reviewer: Ana, at: 2026-11-01T10:00:00Z}
      """
    When I run "provenance check claims/ --ignore-rule numeric-conflict --ignore-rule spelling-variant"
    Then the exit status is 0
    When I run "provenance check claims/"
    Then stdout contains "info: the review of numeric-conflict:00000000abcd (disputed, Ana) decides a conflict that no longer exists"
    When I run "provenance review --list"
    Then stdout contains "stale: numeric-conflict:00000000abcd (disputed by Ana"

  Scenario: not-a-conflict records that the rule was wrong here
    When I run "provenance review $numeric-conflict --verdict not-a-conflict --note 'The ministry counted one district only.' --by Ana"
    Then the exit status is 0
    When I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 0
    When I run "provenance review --list"
    Then stdout shows the rows:
      | status         | where                |
      | not-a-conflict | claims/ledger.yaml:8 |

  Scenario: distinct records that two look-alike names are different things
    When I run "provenance review $spelling-variant --verdict distinct --note 'Two villages; the radio means the one in Balkh.' --by Ana"
    Then the exit status is 0
    And the file "claims/reviews.yaml" contains "verdict: distinct"
    When I run "provenance check claims/ --rule spelling-variant"
    Then the exit status is 0

Feature: circular-reporting — "corroboration" that is one story repeated
  Three sites that re-post one wire story are one assertion, not three
  confirmations. The checker says so, as a notice when nothing leans on the copies
  and as a warning when a confident judgement may rest on them, and leaves real
  corroboration alone.

  Background:
    Given a ledger file "claims/sources.yaml" containing:
      """
      sources:
        - {id: wire-a, title: Wire story, kind: wire, reliability: B}
        - {id: site-b, title: Repost of the wire, kind: news, reliability: C, derived_from: [wire-a]}
        - {id: site-c, title: Another repost, kind: news, reliability: C, derived_from: [wire-a]}
        - {id: radio, title: Local radio, kind: news, reliability: C}
      entities:
        - {id: market-bombing, kind: event, name: Market bombing}
      """

  Scenario: Three agreeing tolls that all repeat one wire story are counted once
    Given a ledger file "claims/toll.yaml" containing:
      """
      claims:
        - {id: wire-toll, subject: market-bombing, property: killed, value: 12, source: wire-a}
        - {id: b-toll, subject: market-bombing, property: killed, value: 12, source: site-b}
        - {id: c-toll, subject: market-bombing, property: killed, value: a dozen, source: site-c}
      """
    When I run "provenance check claims/"
    Then the exit status is 0
    And stdout contains "claims/toll.yaml:2"
    And stdout contains "killed of market-bombing: 3 reports ('12', '12', 'a dozen') from wire-a, site-b, site-c all repeat wire-a: one assertion, not 3 confirmations"
    And stdout contains "1 conflict (1 info)"

  Scenario: A confident toll that rests on copies of one story fails the check
    Given a ledger file "claims/toll.yaml" containing:
      """
      claims:
        - {id: wire-toll, subject: market-bombing, property: killed, value: 12, source: wire-a}
        - {id: b-toll, subject: market-bombing, property: killed, value: 12, source: site-b, confidence: very likely}
      """
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "one assertion, not 2 confirmations"
    And stdout contains "1 conflict (1 warning)"

  Scenario: An independent report is real corroboration
    Given a ledger file "claims/toll.yaml" containing:
      """
      claims:
        - {id: wire-toll, subject: market-bombing, property: killed, value: 12, source: wire-a}
        - {id: b-toll, subject: market-bombing, property: killed, value: 12, source: site-b}
        - {id: radio-toll, subject: market-bombing, property: killed, value: 12, source: radio}
      """
    When I run "provenance check claims/ --rule circular-reporting"
    Then the exit status is 0
    And stdout does not contain "one assertion"

  Scenario: The analyst records that the copies were never counted as confirmation
    Given a ledger file "claims/toll.yaml" containing:
      """
      claims:
        - {id: wire-toll, subject: market-bombing, property: killed, value: 12, source: wire-a}
        - {id: c-toll, subject: market-bombing, property: killed, value: a dozen, source: site-c}
      """
    And a review of the only conflict of "claims/" with verdict "not-a-conflict" in "claims/reviews.yaml"
    When I run "provenance check claims/"
    Then the exit status is 0
    And stdout contains "1 reviewed, not shown"

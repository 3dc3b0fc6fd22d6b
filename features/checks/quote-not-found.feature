Feature: quote-not-found — a quote must be in the archived text of its source
  When a source's text is archived in the ledger, every quote from it is
  looked up there. Line breaks, case and curly quotes do not matter; a quote
  that is not there fails, with the closest passage as a hint, never accepted
  in its place.

  Background:
    Given a ledger file "claims/archive/report.txt" containing:
      """
      KABUL — Officials said on Saturday that at least 12 people were killed
      when a bomb hidden in a cart exploded in the crowded market.
      The Taliban denied any role, calling the “allegations” baseless.
      """
    And a ledger file "claims/sources.yaml" containing:
      """
      sources:
        - id: wire
          title: Wire story on the market bombing
          kind: wire
          reliability: B
          archive:
            path: archive/report.txt
            sha256: d5bdf784dbb40a9f597e2494a7166376993bb10bdd6c214a7403668e359d0480
      entities:
        - {id: market-bombing, kind: event, name: Market bombing}
        - {id: taliban, kind: organisation, name: Taliban}
      """

  Scenario: Quotes copied across a line break, in other case and with straight quotes are found
    Given a ledger file "claims/claims.yaml" containing:
      """
      claims:
        - {id: toll, subject: market-bombing, property: killed, value: at least 12, source: wire, quote: at least 12 people were killed when a bomb}
        - {id: denial, subject: market-bombing, property: perpetrator, value: [taliban], polarity: denied, said_by: [taliban], source: wire, quote: "the taliban denied any role, calling the \"allegations\" baseless"}
      """
    When I run "provenance check claims/ --rule quote-not-found"
    Then the exit status is 0
    And stdout contains "no conflicts"

  Scenario: A quote that the archived text does not contain fails the check with a hint
    Given a ledger file "claims/claims.yaml" containing:
      """
      claims:
        - id: toll
          subject: market-bombing
          property: killed
          value: at least 13
          source: wire
          quote: at least 13 people were killed
      """
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "claims/claims.yaml:2"
    And stdout contains "toll: quote 'at least 13 people were killed' is not in claims/archive/report.txt (the archive of wire)"
    And stdout contains "closest passage: 'at least 12 people were killed' (96.7% alike), not accepted"
    And stdout contains "1 conflict (1 error)"

  Scenario: The archived text was edited after its digest was recorded
    Given a ledger file "claims/claims.yaml" containing:
      """
      claims:
        - {id: cart, subject: market-bombing, property: statement, value: a bomb in a cart, source: wire, quote: a bomb hidden in a cart}
      """
    And the file "claims/archive/report.txt" is changed so that "at least 12" reads "at least 15"
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "claims/sources.yaml:2"
    And stdout contains "archive claims/archive/report.txt of source wire has changed: its sha256 is "
    And stdout contains "the ledger records d5bdf784dbb4…; every quote from it is suspect: 1 quote (cart)"

  Scenario: The archived text is missing
    Given a ledger file "claims/claims.yaml" containing:
      """
      claims:
        - {id: cart, subject: market-bombing, property: statement, value: a bomb in a cart, source: wire, quote: a bomb hidden in a cart}
      """
    And the file "claims/archive/report.txt" is removed
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "archive claims/archive/report.txt of source wire does not exist: 1 quote (cart) cannot be checked"

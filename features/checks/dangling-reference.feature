Feature: dangling-reference — a reference to something the ledger does not hold
  A pull request that renames a source in one file but not in the claims that
  cite it must fail CI, pointing at the claim.

  Scenario: A claim cites a source that is not in the ledger
    Given a ledger file "claims/sources.yaml" containing:
      """
      sources:
        - {id: wire, title: Wire story, kind: wire, reliability: C}
      entities:
        - {id: attack, kind: event, name: The attack}
      """
    And a ledger file "claims/toll.yaml" containing:
      """
      claims:
        - id: toll
          subject: attack
          property: killed
          value: 12
          source: bbc-2017
      """
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "claims/toll.yaml:2"
    And stdout contains "claim toll: source names the unknown source 'bbc-2017'"

  Scenario: Importing the same ledger is refused outright
    Given a ledger file "claims/toll.yaml" containing:
      """
      sources:
        - {id: wire, title: Wire story, kind: wire, reliability: C}
      entities:
        - {id: attack, kind: event, name: The attack}
      claims:
        - {id: toll, subject: attack, property: killed, value: 12, source: bbc-2017}
      """
    When I run "provenance import claims/"
    Then the exit status is 2
    And stderr contains "claims/toll.yaml:6: source: unknown source 'bbc-2017'"

Feature: declared-contradiction — an analyst's contradicts link stays open until reviewed
  An analyst who links two claims with contradicts: has seen a disagreement;
  the checker keeps it open until someone decides it.

  Background:
    Given a ledger file "claims/ledger.yaml" containing:
      """
      sources:
        - {id: ministry, title: Ministry statement, kind: government, reliability: C}
        - {id: radio, title: Local radio, kind: news, reliability: C}
      entities:
        - {id: bombing, kind: event, name: Market bombing}
      claims:
        - {id: cart, subject: bombing, property: statement, value: a bomb hidden in a cart, source: ministry}
        - {id: vest, subject: bombing, property: statement, value: a man in a suicide vest, source: radio, contradicts: [cart]}
      """

  Scenario: The link is reported until a review decides it
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "vest is declared to contradict cart (bombing statement)"
    And stdout contains "1 conflict (1 warning)"

  Scenario: A review in the ledger settles it
    Given a review of the only conflict of "claims/" with verdict "disputed" in "claims/reviews.yaml"
    When I run "provenance check claims/"
    Then the exit status is 0
    And stdout contains "1 reviewed, not shown"
    When I run "provenance check claims/ --include-reviewed"
    Then the exit status is 1
    And stdout contains "[reviewed: disputed]"

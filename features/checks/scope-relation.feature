Feature: scope-relation — a part never exceeds its whole, and a breakdown adds up
  An analyst reading tolls wants to know when civilians killed outnumber all
  killed, when a casualty toll is far above killed plus wounded, or when a
  death toll is exactly the casualty toll (one probably read as the other),
  and not to hear about parts that sit inside their whole.

  Background:
    Given a ledger file "claims/sources.yaml" containing:
      """
      sources:
        - {id: ministry-0302, title: Ministry statement, kind: government, reliability: C, published: 2019-03-02}
        - {id: radio-0302, title: Local radio, kind: news, reliability: C, published: 2019-03-02}
        - {id: clinic-0302, title: Clinic statement, kind: ngo, reliability: B, published: 2019-03-02}
      entities:
        - {id: market-attack, kind: event, name: The market attack}
        - {id: militants, kind: organisation, name: The militants}
      """

  Scenario: Civilians killed above all killed on the same day fail the check
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: all-killed, subject: market-attack, property: killed, value: 40, source: ministry-0302}
        - {id: civilians-killed, subject: market-attack, property: killed, scope: civilians, value: at least 60, source: radio-0302}
      """
    When I run "provenance check claims/ --rule scope-relation"
    Then the exit status is 1
    And stdout contains "killed of market-attack (civilians) on 2019-03-02: 'at least 60' [60, ∞) [radio-0302] exceeds its whole, killed of market-attack: '40' 40 [ministry-0302]"

  Scenario: A casualty toll far above killed plus wounded fails the check
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: killed, subject: market-attack, property: killed, value: 22, source: ministry-0302}
        - {id: wounded, subject: market-attack, property: wounded, value: 22, source: clinic-0302}
        - {id: claimed, subject: market-attack, property: casualties, value: 80, said_by: [militants], source: radio-0302}
      """
    When I run "provenance check claims/ --rule scope-relation"
    Then the exit status is 1
    And stdout contains "is not killed + wounded as stated the same day (44"

  Scenario: Parts inside their whole and a death toll equal to a casualty toll do not fail
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: all-killed, subject: market-attack, property: killed, value: more than 100, source: ministry-0302}
        - {id: police-killed, subject: market-attack, property: killed, scope: police, value: 13, source: radio-0302}
        - {id: casualties, subject: market-attack, property: casualties, value: more than 100, source: clinic-0302}
      """
    When I run "provenance check claims/ --rule scope-relation"
    Then the exit status is 0
    And stdout contains "possibly one counted as the other"
    And stdout contains "1 conflict (1 info)"

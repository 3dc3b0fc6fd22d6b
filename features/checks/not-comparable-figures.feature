Feature: not-comparable-figures — figures that count different things, said out loud
  An analyst who sees "300 families" beside "1,200 people" displaced wants the
  checker to say why they are not compared, not to stay silent, and not to
  call it a conflict.

  Background:
    Given a ledger file "claims/sources.yaml" containing:
      """
      sources:
        - {id: agency, title: Aid agency update, kind: ngo, reliability: B, published: 2019-03-02}
        - {id: ministry, title: Ministry statement, kind: government, reliability: C, published: 2019-03-02}
      entities:
        - {id: flood, kind: event, name: The flood}
      """

  Scenario: Families and people displaced are not comparable, shown as info
    Given a ledger file "claims/displaced.yaml" containing:
      """
      claims:
        - {id: families, subject: flood, property: displaced, value: 300, unit: families, source: agency}
        - {id: people, subject: flood, property: displaced, value: 1200, source: ministry}
      """
    When I run "provenance check claims/ --rule not-comparable-figures"
    Then the exit status is 0
    And stdout contains "not comparable: '300' families 300 [agency] and '1200' 1,200 [ministry]: families and people measure different things"
    And stdout contains "1 conflict (1 info)"

  Scenario: Figures that would agree anyway need no word
    Given a ledger file "claims/displaced.yaml" containing:
      """
      claims:
        - {id: families, subject: flood, property: displaced, value: 300, unit: families, source: agency}
        - {id: people, subject: flood, property: displaced, value: about 300, source: ministry}
      """
    When I run "provenance check claims/ --rule not-comparable-figures"
    Then the exit status is 0
    And stdout does not contain "not-comparable-figures:"

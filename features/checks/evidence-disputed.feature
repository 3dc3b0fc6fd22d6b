Feature: evidence-disputed — a speaker questions the evidence for what another asserts
  "Found no evidence", "unable to verify" and "not credible" are not denials:
  the analyst sees one notice per question, with who questions what and who
  asserts it, and the check does not fail on it.

  Background:
    Given a ledger file "market/ledger.yaml" containing:
      """
      sources:
        - {id: ministry, title: Ministry statement, kind: government, reliability: C, published: 2019-08-18}
        - {id: un-report, title: UN report, kind: un, reliability: B, published: 2019-09-01}
      entities:
        - {id: ministry-spokesman, kind: person, name: Ministry spokesman}
        - {id: un, kind: organisation, name: United Nations}
        - {id: haqqani, kind: organisation, name: Haqqani network}
        - {id: bombing, kind: event, name: Market bombing}
      claims:
        - {id: ministry-blame, subject: bombing, property: perpetrator, value: haqqani, said_by: [ministry-spokesman], source: ministry}
        - {id: un-unverified, subject: bombing, property: perpetrator, value: haqqani, polarity: questioned, stance: unable to verify, said_by: [un], source: un-report}
      """

  Scenario: Investigators unable to verify an accusation is a notice, not a conflict
    When I run "provenance check market/"
    Then the exit status is 0
    And stdout contains "perpetrator of Market bombing: evidence disputed: Haqqani network (United Nations) questioned; asserted: Haqqani network (Ministry spokesman)"
    And stdout does not contain "disputed-attribution"

  Scenario: A denial instead of a doubt is a dispute
    Given the file "market/ledger.yaml" is changed so that "polarity: questioned" reads "polarity: denied"
    When I run "provenance check market/"
    Then the exit status is 1
    And stdout contains "perpetrator of Market bombing disputed"
    And stdout does not contain "evidence disputed"

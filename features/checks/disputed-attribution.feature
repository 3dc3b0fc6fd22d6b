Feature: disputed-attribution — different answers to who did it, for one event
  When officials, witnesses and the accused group give different answers to
  "who carried out the attack", the analyst sees every answer side by side,
  with who gave it and where it was reported, as one conflict to decide.

  Background:
    Given a ledger file "village/ledger.yaml" containing:
      """
      sources:
        - {id: caci, title: CACI analysis, kind: analysis, reliability: B, published: 2017-11-13}
      entities:
        - {id: taliban, kind: organisation, name: Taliban}
        - {id: islamic-state, kind: organisation, name: Islamic State}
        - {id: iskp, kind: organisation, name: ISKP, part_of: islamic-state}
        - {id: officials, kind: organisation, name: Afghan officials}
        - {id: witnesses, kind: other, name: local witnesses}
        - {id: attack, kind: event, name: Village attack}
      claims:
        - {id: officials-joint, subject: attack, property: perpetrator, value: [taliban, iskp], said_by: [officials], source: caci}
        - {id: taliban-denial, subject: attack, property: perpetrator, value: [taliban, iskp], polarity: denied, said_by: [taliban], source: caci}
      """

  Scenario: The accused group's denial against the officials' attribution is one dispute
    When I run "provenance check village/"
    Then the exit status is 1
    And stdout contains "perpetrator of Village attack disputed: Taliban + ISKP (Afghan officials; caci) vs denied by Taliban (caci)"
    And stdout contains "1 conflict (1 warning)"

  Scenario: More voices for a position already reviewed keep the review
    Given a review of the only conflict of "village/" with verdict "disputed" in "village/reviews.yaml"
    And the file "village/ledger.yaml" is changed so that "said_by: [officials]" reads "said_by: [officials, witnesses]"
    When I run "provenance check village/"
    Then the exit status is 0
    And stdout contains "1 reviewed, not shown"
    When I run "provenance check village/ --include-reviewed"
    Then stdout contains "Taliban + ISKP (Afghan officials, local witnesses; caci) vs denied by Taliban (caci)"
    And stdout contains "[reviewed: disputed]"

  Scenario: A new position is a new conflict to review
    Given a review of the only conflict of "village/" with verdict "disputed" in "village/reviews.yaml"
    And the file "village/ledger.yaml" is changed so that "value: [taliban, iskp], polarity: denied" reads "value: taliban, polarity: denied"
    When I run "provenance check village/"
    Then the exit status is 1
    And stdout contains "Taliban + ISKP (Afghan officials; caci) vs Taliban denied by Taliban (caci)"

  Scenario: "No group has claimed it" before a claim of responsibility is a sequence, after it a dispute
    Given a ledger file "news/ledger.yaml" containing:
      """
      sources:
        - {id: wire, title: Wire story, kind: wire, reliability: C, published: 2017-08-06}
        - {id: amaq, title: IS statement, kind: armed-group-statement, reliability: F, published: 2017-08-08}
      entities:
        - {id: iskp, kind: organisation, name: ISKP}
        - {id: bombing, kind: event, name: Market bombing}
      claims:
        - {id: wire-nobody, subject: bombing, property: claimed-by, value: [], source: wire}
        - {id: amaq-claim, subject: bombing, property: claimed-by, value: iskp, said_by: [iskp], source: amaq}
      """
    When I run "provenance check news/ --rule disputed-attribution"
    Then the exit status is 0
    And stdout does not contain "disputed"
    When I run "provenance check news/ --rule disputed-attribution --set disputed-attribution.show_sequences=true"
    Then the exit status is 0
    And stdout contains "perpetrator of Market bombing: a sequence, not a dispute: nobody (2017-08-06; wire) then ISKP (2017-08-08; amaq)"
    Given the file "news/ledger.yaml" is changed so that "published: 2017-08-06" reads "published: 2017-08-09"
    When I run "provenance check news/ --rule disputed-attribution"
    Then the exit status is 1
    And stdout contains "perpetrator of Market bombing disputed: nobody (wire) vs ISKP (ISKP; amaq)"

  Scenario: The shipped ledger disputes only who attacked Mirza Olang
    Given the shipped ledger in claims/
    When I run "provenance check claims/ --rule disputed-attribution --include-reviewed"
    Then the exit status is 1
    And stdout contains "perpetrator of Mirza Olang attack disputed: Taliban + Islamic State Khorasan Province (Afghan government, United Nations, local witnesses at Mirza Olang; caci-2017-11-13) vs denied by Taliban (caci-2017-11-13)"
    And stdout contains "1 conflict (1 warning)"

  Scenario: An attribution to a branch and one to its parent are nested, not a dispute
    Given the file "village/ledger.yaml" is changed so that "value: [taliban, iskp], polarity: denied, said_by: [taliban]" reads "value: islamic-state, said_by: [witnesses]"
    And the file "village/ledger.yaml" is changed so that "value: [taliban, iskp], said_by: [officials]" reads "value: iskp, said_by: [officials]"
    When I run "provenance check village/"
    Then the exit status is 0
    And stdout contains "no conflicts"

  Scenario: A claim of responsibility by one group against an attribution to another
    Given the file "village/ledger.yaml" is changed so that "property: perpetrator, value: [taliban, iskp], polarity: denied, said_by: [taliban]" reads "property: claimed-by, value: iskp, said_by: [iskp]"
    And the file "village/ledger.yaml" is changed so that "value: [taliban, iskp], said_by: [officials]" reads "value: taliban, said_by: [officials]"
    When I run "provenance check village/"
    Then the exit status is 1
    And stdout contains "perpetrator of Village attack disputed: Taliban (Afghan officials; caci) vs ISKP (ISKP; caci)"

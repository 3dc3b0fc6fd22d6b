Feature: attribute-conflict — one person, two roles at the same time
  An analyst building a profile from several reports wants to hear when two
  of them give a person different roles for the same time, but not when the
  role changed over the years or is only worded differently.

  Scenario: The shipped ledger gives Mansour two roles in 2015
    Given the shipped ledger in claims/
    When I run "provenance check claims/ --rule attribute-conflict --include-reviewed"
    Then the exit status is 1
    And stdout contains "role of Akhtar Mohammad Mansour: 'deputy leader of the Taliban' (2015-06, caci-2017-11-13) vs 'leader of the Taliban' (2015, globetrotter-2023): different values at overlapping times"
    And stdout contains "1 conflict (1 warning)"

  Scenario: A role that changed over the years, or is worded differently, is not a conflict
    Given a ledger file "claims/profile.yaml" containing:
      """
      sources:
        - {id: tolo, title: Tolo News, kind: news, reliability: C, published: 2014-03-01}
        - {id: bbc, title: BBC report, kind: news, reliability: B, published: 2016-05-22}
        - {id: gt, title: Globetrotter commentary, kind: analysis, reliability: C, published: 2023}
      entities:
        - {id: mansour, kind: person, name: Akhtar Mohammad Mansour}
      claims:
        - {id: tolo-role, subject: mansour, property: role, value: deputy leader of the Taliban, source: tolo}
        - {id: bbc-role, subject: mansour, property: role, value: leader of the Taliban, as_of: 2016, source: bbc}
        - {id: gt-role, subject: mansour, property: role, value: Taliban leader, as_of: 2016, source: gt}
      """
    When I run "provenance check claims/ --rule attribute-conflict"
    Then the exit status is 0
    And stdout has a line matching "^[Nn]o conflicts in claims"

  Scenario: A review in the ledger settles the conflict
    Given a ledger file "claims/profile.yaml" containing:
      """
      sources:
        - {id: caci, title: CACI analysis, kind: analysis, reliability: B, published: 2017-11-13}
        - {id: gt, title: Globetrotter commentary, kind: analysis, reliability: C, published: 2023}
      entities:
        - {id: mansour, kind: person, name: Akhtar Mohammad Mansour}
      claims:
        - {id: caci-role, subject: mansour, property: role, value: deputy leader of the Taliban, as_of: 2015-06, source: caci}
        - {id: gt-role, subject: mansour, property: role, value: leader of the Taliban, as_of: 2015, source: gt}
      """
    And a review of the only conflict of "claims/" with verdict "disputed" in "claims/reviews.yaml"
    When I run "provenance check claims/"
    Then the exit status is 0
    And stdout contains "1 reviewed, not shown"
    When I run "provenance check claims/ --rule attribute-conflict --include-reviewed"
    Then the exit status is 1
    And stdout contains "different values at overlapping times [reviewed: disputed]"

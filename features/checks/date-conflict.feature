Feature: date-conflict — one event, two dates that cannot both be right
  An analyst who records the date of an attack from several reports wants to
  hear when two of them put it on different days, but not when one only says
  "August 2017" and the other "5 August 2017", and not when a speaker merely
  corrected their own date.

  Scenario: Two reports put the attack on different days
    Given a ledger file "claims/dates.yaml" containing:
      """
      sources:
        - {id: bbc, title: BBC report, kind: news, reliability: B, published: 2017-08-06}
        - {id: radio, title: Local radio, kind: news, reliability: C, published: 2017-08-07}
      entities:
        - {id: attack, kind: event, name: Mirza Olang attack}
        - {id: ministry, kind: organisation, name: Interior ministry}
      claims:
        - {id: bbc-date, subject: attack, property: date, value: 5 August 2017, source: bbc}
        - {id: radio-date, subject: attack, property: date, value: July 2017, source: radio}
      """
    When I run "provenance check claims/ --rule date-conflict"
    Then the exit status is 1
    And stdout contains "date of Mirza Olang attack: '5 August 2017' (day) vs 'July 2017' (month): no common day"
    And stdout contains "claims/dates.yaml:8"
    And stdout contains "1 conflict (1 warning)"

  Scenario: A month and a day inside it are the same date at different precisions
    Given a ledger file "claims/dates.yaml" containing:
      """
      sources:
        - {id: bbc, title: BBC report, kind: news, reliability: B, published: 2017-08-06}
        - {id: radio, title: Local radio, kind: news, reliability: C, published: 2017-08-07}
      entities:
        - {id: attack, kind: event, name: Mirza Olang attack}
        - {id: ministry, kind: organisation, name: Interior ministry}
      claims:
        - {id: bbc-date, subject: attack, property: date, value: 5 August 2017, source: bbc}
        - {id: radio-date, subject: attack, property: date, value: August 2017, source: radio}
      """
    When I run "provenance check claims/ --rule date-conflict"
    Then the exit status is 0
    And stdout has a line matching "^[Nn]o conflicts in claims"

  Scenario: A speaker correcting their own date is a revision, shown but not failing
    Given a ledger file "claims/dates.yaml" containing:
      """
      sources:
        - {id: bbc, title: BBC report, kind: news, reliability: B, published: 2017-08-06}
        - {id: radio, title: Local radio, kind: news, reliability: C, published: 2017-08-07}
      entities:
        - {id: attack, kind: event, name: Mirza Olang attack}
        - {id: ministry, kind: organisation, name: Interior ministry}
      claims:
        - {id: first-date, subject: attack, property: date, value: 5 August 2017, said_by: [ministry], source: bbc}
        - {id: later-date, subject: attack, property: date, value: 6 August 2017, said_by: [ministry], source: radio}
      """
    When I run "provenance check claims/ --rule date-conflict"
    Then the exit status is 0
    And stdout shows the rows:
      | severity        | conflict                                                                                                                                                       |
      | info (revision) | date of Mirza Olang attack revised by Interior ministry: '5 August 2017' (published 2017-08-06, bbc), then '6 August 2017' (published 2017-08-07, radio) |

  Scenario: A publication date with the wrong weekday
    Given a ledger file "claims/sources.yaml" containing:
      """
      sources:
        - {id: bbc, title: BBC report, kind: news, reliability: B, published: 2017-08-06}
        - {id: caci-2017-11-13, title: CACI analysis, kind: analysis, reliability: B, published: "Friday, 13 November 2017"}
      """
    When I run "provenance check claims/ --rule date-conflict"
    Then the exit status is 1
    And stdout contains "source caci-2017-11-13: published 'Friday, 13 November 2017': 13 November 2017 was a Monday, not a Friday"

  Scenario: The shipped ledger dates every event consistently
    Given the shipped ledger in claims/
    When I run "provenance check claims/ --rule date-conflict --include-reviewed"
    Then the exit status is 0
    And stdout has a line matching "^[Nn]o conflicts in claims"

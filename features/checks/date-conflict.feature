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

  Scenario: A weekday that is not the weekday of the event's date
    Given a ledger file "days/ledger.yaml" containing:
      """
      sources:
        - {id: wire, title: Wire story, kind: wire, reliability: B, published: 2019-08-18}
        - {id: blog, title: Blog post, kind: social-media, reliability: D, published: 2019-08-19}
      entities:
        - {id: wedding-bombing, kind: event, name: Wedding hall bombing}
      claims:
        - {id: wire-date, subject: wedding-bombing, property: date, value: 2019-08-17, source: wire}
        - {id: blog-day, subject: wedding-bombing, property: weekday, value: Sunday, source: blog}
      """
    When I run "provenance check days/ --rule date-conflict"
    Then the exit status is 1
    And stdout contains "weekday of Wedding hall bombing: Saturday ('2019-08-17'; wire) vs Sunday ('Sunday'; blog)"

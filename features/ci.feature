Feature: The checker gates pull requests
  The ledger lives in a git repository and CI runs `provenance check claims/`
  on every pull request, the way a linter runs on code.

  Scenario: A pull request adds an unreviewed conflict, and a review lets it through
    Given the shipped ledger in claims/
    When I run "provenance check claims/"
    Then the exit status is 0
    Given a ledger file "claims/pajhwok-2017.yaml" containing:
      """
      sources:
        - id: pajhwok-2017-08-06
          title: Dozens killed in Sar-e Pul attack
          publisher: Pajhwok Afghan News
          published: 2017-08-06
          kind: news
          reliability: C
      claims:
        - id: pajhwok-mirza-olang-killed
          subject: mirza-olang-attack
          property: killed
          value: 30-40
          unit: people
          scope: all people killed, women and children included
          said_by: [afghan-government]
          source: pajhwok-2017-08-06
      """
    When I run "provenance check claims/ --format github"
    Then the exit status is 1
    And stdout has a line matching "^::warning file=claims/pajhwok-2017.yaml,line=9,title=numeric-conflict "
    And stdout contains "'over 50' people [51, ∞) [caci-2017-11-13] vs '30-40' people [30, 40] [Afghan government via pajhwok-2017-08-06]: no common value"
    When I run "provenance review $numeric-conflict --verdict disputed --note 'A first-day toll against the later count; both stand.' --by 'CI reviewer'"
    Then the exit status is 0
    When I run "provenance check claims/"
    Then the exit status is 0
    And stdout contains "no open conflicts in claims; 5 reviewed, not shown"

  Scenario: The shipped ledger passes, and without its reviews shows every conflict
    Given the shipped ledger in claims/
    When I run "provenance check claims/"
    Then the exit status is 0
    And stdout contains "no open conflicts in claims; 4 reviewed, not shown"
    When I run "provenance check claims/ --include-reviewed"
    Then the exit status is 1
    And stdout contains "[reviewed: same-entity]"
    And stdout contains "[reviewed: resolved]"
    And stdout contains "[reviewed: disputed]"
    And stdout contains "4 conflicts (4 warnings)"

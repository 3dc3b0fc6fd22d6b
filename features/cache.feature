Feature: A check keeps a cache and reports the same with it
  A check of ledger files keeps what it worked out from each file, and the name
  matcher's verdicts, in .provenance/cache beside the ledger folder, so that a
  check after a small change redoes only what changed. What it reports is
  always what a check without the cache reports.

  Background:
    Given the shipped ledger in claims/

  Scenario: A second check after an edit reports the same as a fresh one
    When I run "provenance check claims/"
    Then the exit status is 0
    And the folder ".provenance/cache" holds files
    Given a ledger file "claims/pajhwok-2017.yaml" containing:
      """
      sources:
        - id: pajhwok-2017-11-13
          title: Sar-e Pul attack, three months on
          publisher: Pajhwok Afghan News
          published: 2017-11-13
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
          source: pajhwok-2017-11-13
          mentions: [Mirsa Olang]
      """
    When I run "provenance check claims/ --format concise"
    Then the exit status is 1
    And stdout has a line matching "^claims/pajhwok-2017.yaml:9: numeric-conflict "
    When I run "provenance check claims/ --format concise --no-cache"
    Then the exit status is 1
    And stdout has a line matching "^claims/pajhwok-2017.yaml:9: numeric-conflict "

  Scenario: --no-cache neither reads nor keeps a cache
    When I run "provenance check claims/ --no-cache"
    Then the exit status is 0
    And there is no folder ".provenance/cache"

  Scenario: A spoilt cache is rebuilt, never believed
    When I run "provenance check claims/"
    Then the exit status is 0
    Given every file under ".provenance/cache" is cut in half
    When I run "provenance check claims/"
    Then the exit status is 0
    And stderr shows no traceback
    And stdout contains "no open conflicts in claims; 4 reviewed, not shown"
    When I run "provenance check claims/ --include-reviewed --format concise"
    Then the exit status is 1
    And stdout has a line matching "^claims/caci-2017/mirza-olang-attack.yaml:48: spelling-variant "

  Scenario: A cache folder that cannot be used is said
    Given a ledger file "in-the-way" containing:
      """
      not a folder
      """
    When I run "provenance check claims/ --cache in-the-way"
    Then the exit status is 2
    And stderr contains "cannot keep the check cache in in-the-way"
    And stderr shows no traceback

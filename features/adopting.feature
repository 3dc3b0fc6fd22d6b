Feature: Adopting the gate on a ledger that already has conflicts
  A team with a ledger in git turns the check on without deciding every old conflict
  first: CI fails only on conflicts that are new since a commit, the annotation lands
  on the change, and one bulk review records the baseline decision.

  Background:
    Given the shipped ledger in claims/
    And the file "claims/reviews.yaml" is removed
    And the working folder is a git repository with everything committed
    And a ledger file "claims/pajhwok-2017.yaml" containing:
      """
      sources:
        - id: pajhwok-2017-08-06
          title: Dozens killed in Sar-e Pul attack
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
          source: pajhwok-2017-08-06
      """

  Scenario: Only the new conflict fails, annotated on the file that changed
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "5 conflicts"
    When I run "provenance check claims/ --new-since HEAD --diff-base HEAD --format github"
    Then the exit status is 1
    And stdout has a line matching "^::warning file=claims/pajhwok-2017.yaml,line=9,title=numeric-conflict "
    And stdout contains "1 conflict (1 warning); 1 at or above warning; 4 already there at the baseline, not counted"

  Scenario: The SARIF result's first location is the change, the others related
    When I run "provenance check claims/ --diff-base HEAD --format sarif -o results.sarif"
    Then the exit status is 1
    And the numeric-conflict result in "results.sarif" is located at "claims/pajhwok-2017.yaml" with "claims/caci-2017/mirza-olang-attack.yaml" related

  Scenario: Without --diff-base the file not yet committed leads, whatever was saved last
    Given the file "claims/caci-2017/mirza-olang-attack.yaml" is saved again unchanged
    When I run "provenance check claims/ --format concise"
    Then the exit status is 1
    And stdout has a line matching "^claims/pajhwok-2017.yaml:9: numeric-conflict "

  Scenario: A commit git does not know is a message
    When I run "provenance check claims/ --new-since no-such-commit"
    Then the exit status is 2
    And stderr contains "git knows no commit 'no-such-commit'"

  Scenario: A bulk review records the baseline, after asking
    When I run "provenance review --all-open --verdict disputed --note 'Baseline: kept open.' --by Lead" and answer:
      """
      n
      """
    Then the exit status is 1
    When I run "provenance check claims/"
    Then the exit status is 1
    When I run "provenance review --all-open --verdict disputed --note 'Baseline: kept open.' --by Lead --yes"
    Then the exit status is 0
    And stdout contains "recorded disputed for 3 conflicts in claims/reviews.yaml"
    And stdout contains "(disputed does not fit a spelling-variant)"
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "2 conflicts (2 warnings); 3 reviewed, not shown"

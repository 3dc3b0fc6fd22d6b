Feature: The checker runs where linters run
  A ledger repository gates its commits and pull requests the way a code repository does:
  a pre-commit hook, a GitHub Action that fills code scanning, and a one-line-per-conflict
  format that editors and hooks read.

  Scenario: The pre-commit hook lets a reviewed ledger through and stops a new conflict
    Given the shipped ledger in claims/
    When the pre-commit hook "provenance-check" runs
    Then the exit status is 0
    And stdout contains "no open conflicts in claims; 4 reviewed, not shown"
    Given a ledger file "claims/pajhwok-2017.yaml" containing:
      """
      sources:
        - {id: pajhwok-2017-08-06, title: Dozens killed in Sar-e Pul attack, kind: news}
      claims:
        - id: pajhwok-mirza-olang-killed
          subject: mirza-olang-attack
          property: killed
          value: 30-40
          unit: people
          scope: all people killed, women and children included
          source: pajhwok-2017-08-06
      """
    When the pre-commit hook "provenance-check" runs
    Then the exit status is 1
    And stdout has a line matching "^claims/pajhwok-2017.yaml:4: numeric-conflict killed of mirza-olang-attack .*'30-40' people .* vs 'over 50' people"

  Scenario: pre-commit installs the hook from this repository and stops a new conflict
    Given the shipped ledger in claims/
    And a ledger file "claims/pajhwok-2017.yaml" containing:
      """
      sources:
        - {id: pajhwok-2017-08-06, title: Dozens killed in Sar-e Pul attack, kind: news}
      claims:
        - id: pajhwok-mirza-olang-killed
          subject: mirza-olang-attack
          property: killed
          value: 30-40
          unit: people
          scope: all people killed, women and children included
          source: pajhwok-2017-08-06
      """
    And the working folder is a git repository with everything committed
    When pre-commit tries the hook "provenance-check" from this repository
    Then the exit status is 1
    And stdout has a line matching "^provenance check\.+Failed$"
    And stdout has a line matching "^claims/pajhwok-2017.yaml:4: numeric-conflict killed of mirza-olang-attack"

  Scenario: The GitHub Action writes SARIF for code scanning, then fails the job
    Given the shipped ledger in claims/
    And a ledger file "claims/pajhwok-2017.yaml" containing:
      """
      sources:
        - {id: pajhwok-2017-08-06, title: Dozens killed in Sar-e Pul attack, kind: news}
      claims:
        - id: pajhwok-mirza-olang-killed
          subject: mirza-olang-attack
          property: killed
          value: 30-40
          unit: people
          scope: all people killed, women and children included
          source: pajhwok-2017-08-06
      """
    When the action runs in the working folder
    And the action's step "Check the ledger" runs
    Then the exit status is 0
    And the step "check" has the output exit-code = "1"
    And the SARIF report "provenance.sarif" has a numeric-conflict result at claims/pajhwok-2017.yaml:4
    And the SARIF report "provenance.sarif" passes the SARIF validator
    When the action's step "Fail on unreviewed conflicts" runs
    Then the exit status is 1
    And stdout contains "::error::unreviewed conflicts"

  Scenario: The GitHub Action says when the ledger cannot be read
    Given a ledger file "claims/broken.yaml" containing:
      """
      claims:
        - {id: c1, subject: e1, property: killed, value: 'between 60 and 50', source: s1}
      """
    When the action runs in the working folder
    And the action's step "Check the ledger" runs
    Then the step "check" has the output exit-code = "2"
    And stderr contains "claims/broken.yaml:2"
    When the action's step "Fail on unreviewed conflicts" runs
    Then the exit status is 2
    And stdout contains "could not read the ledger"

  Scenario: One line per conflict for editors, and a report that does not fail
    Given the shipped ledger in claims/
    When I run "provenance check claims/ --include-reviewed --format concise"
    Then the exit status is 1
    And stdout has a line matching "^claims/[a-z0-9/-]+\.yaml:[0-9]+: spelling-variant 'Mirsa Olang' .* \(spelling-variant:623269ca8ff3\) \[reviewed: same-entity\]$"
    When I run "provenance check claims/ --include-reviewed --exit-zero"
    Then the exit status is 0
    And stdout contains "4 conflicts (4 warnings); 4 at or above warning"

Feature: Machine formats carry a broken ledger's problems
  A ledger that cannot be read is reported in every format CI reads, at the file and
  line of each problem under the rule id ledger-error, and -o is always written.

  Background:
    Given a ledger file "bad/claims.yaml" containing:
      """
      sources:
        - id: wire-1
          title: A wire story
          kind: news
          reliability: Q
      """

  Scenario Outline: A broken ledger in <format>
    When I run "provenance check bad/ --format <format> -o results.out"
    Then the exit status is 2
    And stderr contains "bad/claims.yaml:5"
    And the <format> file "results.out" reports ledger-error at "bad/claims.yaml" line 5

    Examples:
      | format |
      | sarif  |
      | json   |
      | junit  |
      | github |

  Scenario: The SARIF file of a broken ledger is valid SARIF
    When I run "provenance check bad/ --format sarif -o results.sarif"
    Then the exit status is 2
    And the SARIF report "results.sarif" passes the SARIF validator

  Scenario: Annotations on standard output name the line too
    When I run "provenance check bad/ --format github"
    Then the exit status is 2
    And stdout has a line matching "^::error file=bad/claims.yaml,line=5,title=ledger-error::'Q' is not a reliability grade"

Feature: List claims as a table
  An analyst filters the ledger by subject, property, source or speaker.

  Background:
    Given the shipped ledger in claims/
    And the database holds the sample ledger

  Scenario: Claims about one subject and property
    When I run "provenance claims --subject mirza-olang-attack --property perpetrator"
    Then the exit status is 0
    And stdout shows the rows:
      | claim                            | property    | value                                         |
      | caci-mirza-olang-joint-officials | perpetrator | Taliban + Islamic State Khorasan Province     |
      | caci-mirza-olang-joint-denied    | perpetrator | NOT Taliban + Islamic State Khorasan Province |
      | caci-mirza-olang-joint-reported  | perpetrator | Taliban + Islamic State Khorasan Province     |
    And stdout contains "3 claims"

  Scenario: Claims made by one speaker
    When I run "provenance claims --said-by taliban"
    Then the exit status is 0
    And stdout contains "caci-mirza-olang-joint-denied"
    And stdout contains "gt-taliban-neighbours-pledge"
    And stdout does not contain "caci-mirza-olang-joint-officials"

  Scenario: Claims from one source, and a filter that matches nothing
    When I run "provenance claims --source globetrotter-2023 --property hostages"
    Then the exit status is 0
    And stdout contains "no claims match"

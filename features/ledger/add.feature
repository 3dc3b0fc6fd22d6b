Feature: Add records from the command line
  Adding a source, an entity or a claim is checked exactly as a ledger file is.

  Background:
    Given the shipped ledger in claims/
    And the database holds the sample ledger

  Scenario: Add a source, an entity and a claim that uses them
    When I run "provenance add source pajhwok-2017-08-06 --title 'Sar-e-Pul attack toll' --kind news --reliability C --published 2017-08-06"
    Then the exit status is 0
    And stdout contains "added source pajhwok-2017-08-06"
    When I run "provenance add claim pajhwok-killed --subject mirza-olang-attack --property killed --value 'at least 36' --source pajhwok-2017-08-06 --said-by afghan-government --mention 'Mirza Olang=mirza-olang' --confidence 0.7"
    Then the exit status is 0
    When I run "provenance show pajhwok-killed"
    Then the field "value" reads "at least 36 [36, ∞)"
    And the field "confidence" reads "0.7 (likely)"
    And the field "mentions" reads "Mirza Olang -> mirza-olang"

  Scenario: An added claim is checked like a ledger claim
    When I run "provenance add claim bad-claim --subject mirza-olang-attack --property killed --value '60-50' --source nowhere"
    Then the exit status is 2
    And stderr contains "range 60-50 runs backwards"
    And the database is unchanged

  Scenario: An added claim must refer to known records
    When I run "provenance add claim orphan --subject mirza-olang-attack --property killed --value 52 --source nowhere"
    Then the exit status is 2
    And stderr contains "source: unknown source 'nowhere'"
    And the database is unchanged

  Scenario: An id already in the ledger is refused
    When I run "provenance add entity taliban --kind organisation --name Taliban"
    Then the exit status is 2
    And stderr contains "id 'taliban' is already in the ledger"
    And the database is unchanged

Feature: One ledger, whichever command reads it
  When a ledger folder is in play its files are the truth, and the database beside
  them is only their index; a team without files keeps the truth in a database.
  Every command finds its ledger the same way and says which one it used.

  Background:
    Given the shipped ledger in claims/
    And the database holds the sample ledger
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

  Scenario: A review of the files is seen at once by check and show
    When I run "provenance check"
    Then the exit status is 1
    And stderr contains "ledger: claims (files)"
    When I run "provenance review $numeric-conflict --verdict disputed --note 'A first-day toll; both stand.' --by Analyst"
    Then the exit status is 0
    And stdout contains "in claims/reviews.yaml"
    When I run "provenance check"
    Then the exit status is 0
    When I run "provenance check claims/"
    Then the exit status is 0
    When I run "provenance show $numeric-conflict"
    Then the exit status is 0
    And stderr contains "ledger: claims (files; index .provenance/ledger.db)"
    And the field "status" reads "disputed"
    When I run "provenance show pajhwok-mirza-olang-killed"
    Then the field "value" reads "30-40 people [30, 40]"

  Scenario: Export and the lists of sources and entities read the files too
    When I run "provenance sources --format csv"
    Then the exit status is 0
    And stderr contains "ledger: claims (files; index .provenance/ledger.db)"
    And stdout contains "pajhwok-2017-08-06"
    When I run "provenance export"
    Then the exit status is 0
    And stderr contains "ledger: claims (files; index .provenance/ledger.db)"
    And stdout contains "id: pajhwok-mirza-olang-killed"
    When I run "provenance entities --kind event --format csv"
    Then stdout contains "mirza-olang-attack"
    When I run "provenance sources --format csv --db .provenance/provenance.db"
    Then the exit status is 0
    And stderr contains "(database)"
    And stdout does not contain "pajhwok-2017-08-06"

  Scenario: A team without files reviews in the database, and every command reads it there
    When I run "provenance check --db .provenance/provenance.db"
    Then the exit status is 0
    And stderr contains "(database)"
    When I run "provenance import claims/ --db team.db"
    And I run "provenance check --db team.db"
    Then the exit status is 1
    When I run "provenance review $numeric-conflict --db team.db --verdict disputed --note 'Both stand.' --by Analyst"
    Then the exit status is 0
    When I run "provenance check --db team.db"
    Then the exit status is 0
    When I run "provenance show $numeric-conflict --db team.db"
    Then the field "status" reads "disputed"
    When I run "provenance check claims/"
    Then the exit status is 1

  Scenario: A claim added to a ledger folder is in its files, and check sees it
    When I run "provenance add claim bbc-killed --subject mirza-olang-attack --property killed --value 'about 20' --unit people --scope 'all people killed, women and children included' --source pajhwok-2017-08-06"
    Then the exit status is 0
    And stdout contains "added claim bbc-killed to claims/added.yaml"
    And the file "claims/added.yaml" holds the line "  - id: bbc-killed"
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout has a line matching "^claims/added.yaml:2 .*'about 20' people"
    When I run "provenance show bbc-killed"
    Then the field "value" reads "about 20 people [19, 21]"

  Scenario: An added record whose id is taken is refused at the record that holds it
    When I run "provenance add source caci-2017-11-13 --title Again --kind news --reliability B"
    Then the exit status is 2
    And stderr contains "id 'caci-2017-11-13' is already in the ledger at claims/"
    And the file "claims/added.yaml" does not exist

  Scenario: A claim added to a named file goes there
    When I run "provenance add claim pajhwok-wounded --subject mirza-olang-attack --property wounded --value 12 --unit people --source pajhwok-2017-08-06 --file claims/pajhwok-2017.yaml"
    Then the exit status is 0
    And the file "claims/pajhwok-2017.yaml" holds the line "  - id: pajhwok-wounded"
    When I run "provenance show pajhwok-wounded"
    Then stdout contains "claim pajhwok-wounded  [claims/pajhwok-2017.yaml:17]"

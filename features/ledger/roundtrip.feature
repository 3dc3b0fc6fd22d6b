Feature: Export writes the ledger back stably
  The ledger is reviewed in pull requests, so export must write it back in
  one fixed style, and what it writes must load back as the same ledger.

  Scenario: Exporting the shipped ledger reproduces its files exactly
    Given the shipped ledger in claims/
    And the database holds the sample ledger
    When I run "provenance export -o exported/"
    Then the exit status is 0
    And the folder "exported/" holds the same files as "claims/"

  Scenario: Export, then import into a fresh database, gives the same ledger
    Given the shipped ledger in claims/
    And the database holds the sample ledger
    When I run "provenance export -o exported/"
    And I run "provenance import exported/ --db second.db"
    Then the exit status is 0
    And the database "second.db" holds the same records as the default database

  Scenario: Export as JSON loads back too
    Given the shipped ledger in claims/
    And the database holds the sample ledger
    When I run "provenance export --format json -o as-json/"
    And I run "provenance import as-json/ --db from-json.db"
    Then the exit status is 0
    And the database "from-json.db" holds the same records as the default database

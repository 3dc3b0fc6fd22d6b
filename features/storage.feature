Feature: Choose where the ledger is stored
  A lone analyst works on a SQLite file with nothing to set up; a team shares
  one PostgreSQL server. The same commands work on both.

  Scenario: The default database is a SQLite file in the working folder
    Given the shipped ledger in claims/
    When I run "provenance import claims/"
    Then the exit status is 0
    And stdout contains "into sqlite:///.provenance/provenance.db"

  Scenario: init creates the database and says where it is
    Given an empty working folder
    When I run "provenance init --db team.db"
    Then the exit status is 0
    And stdout contains "ledger database ready at sqlite:///team.db"

  @postgres
  Scenario: --db points at a PostgreSQL server
    Given the shipped ledger in claims/
    When I run "provenance import claims/ --db $PG"
    Then the exit status is 0
    And stdout shows the rows:
      | record | stored |
      | claims | 93     |
    When I run "provenance show mirza-olang-attack --db $PG"
    Then the exit status is 0
    And stdout contains "caci-mirza-olang-joint-denied"

  Scenario: A database that cannot be reached
    Given the shipped ledger in claims/
    When I run "provenance import claims/ --db postgresql://nobody@127.0.0.1:1/none"
    Then the exit status is 2
    And stderr contains "cannot use the database postgresql+psycopg://nobody@127.0.0.1:1/none"
    And stderr shows no traceback

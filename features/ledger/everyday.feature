Feature: Everyday commands forgive a typo and answer machines
  An analyst who mistypes an id or a filter is told the closest ids the ledger holds
  instead of an empty table; conflict ids need only as much as tells them apart; lists of
  claims, entities, sources and rules come as tables, JSON or CSV.

  Background:
    Given the shipped ledger in claims/
    And the database holds the sample ledger

  Scenario: A mistyped id says what was meant
    When I run "provenance show mirza-olang-atack"
    Then the exit status is 2
    And stderr contains "error: nothing in the ledger has the id 'mirza-olang-atack' (did you mean 'mirza-olang-attack'?)"
    And stderr shows no traceback

  Scenario: Unknown filter values are refused with the closest known ones, all at once
    When I run "provenance claims --subject mirza-olang-atak --property kiled"
    Then the exit status is 2
    And stderr contains "--subject: no entity has the id 'mirza-olang-atak' (did you mean 'mirza-olang-attack'"
    And stderr contains "--property: no claim has the property 'kiled' (did you mean 'killed'?)"

  Scenario: A report about an unknown subject, and an unknown rule
    When I run "provenance report claims/ --subject iskpp"
    Then the exit status is 2
    And stderr contains "--subject: no entity has the id 'iskpp' (did you mean 'iskp'?)"
    When I run "provenance rules denail"
    Then the exit status is 2
    And stderr contains "no rule 'denail' (did you mean 'denial'?)"

  Scenario: A conflict by the start of its id
    When I run "provenance show spelling-variant:6232"
    Then the exit status is 0
    And stdout contains "conflict spelling-variant:623269ca8ff3"
    When I run "provenance show spelling-variant:"
    Then the exit status is 2

  Scenario: Entities and sources are listed, for people and machines
    When I run "provenance entities --kind place"
    Then the exit status is 0
    And stdout contains "mirza-olang         place   Mirza Olang                    sayad-district"
    And stdout contains "10 entities"
    When I run "provenance sources --format csv"
    Then the CSV on stdout has a row where "published" reads "Monday, 13 November 2017"
    And the CSV on stdout has a row where "reliability" reads "C"

  Scenario: Claims and rules as JSON, one record as CSV
    When I run "provenance claims --subject mirza-olang-attack --property perpetrator --format json"
    Then the exit status is 0
    And stdout is a JSON report with version 1
    And the JSON on stdout lists the claims "caci-mirza-olang-joint-officials, caci-mirza-olang-joint-denied, caci-mirza-olang-joint-reported"
    When I run "provenance show caci-mirza-olang-killed --format csv"
    Then the CSV on stdout has a row where "value" reads "over 50"
    And the CSV on stdout has a row where "line" reads "59"
    When I run "provenance rules --format json"
    Then the JSON on stdout lists the rules "dangling-reference, spelling-variant, possible-variant, numeric-conflict, scope-relation, not-comparable-figures, disputed-attribution, denial, date-conflict, attribute-conflict, declared-contradiction, evidence-disputed, circular-reporting, overconfidence, quote-not-found"

  Scenario: Reviewing in turn needs someone at a terminal
    When I run "provenance review --ledger claims/"
    Then the exit status is 2
    And stderr contains "give a conflict id with --verdict and --note"
    And stderr contains "needs a terminal"

  Scenario: A resolved verdict without the claim that stands says what is missing
    When I run "provenance review attribute-conflict:25f1 --verdict resolved --note 'The 2017 article is nearer the time.' --by Ana --ledger claims/"
    Then the exit status is 2
    And stderr contains "--verdict resolved needs --in-favour-of CLAIM, the claim that stands: one of caci-mansour-role, gt-mansour-role"
    And the file "claims/reviews.yaml" does not contain "reviewer: Ana"

  Scenario: The review list for machines
    When I run "provenance review --list --ledger claims/ --format csv"
    Then the exit status is 0
    And the CSV on stdout has a row where "id" reads "spelling-variant:623269ca8ff3"
    And the CSV on stdout has a row where "status" reads "disputed"

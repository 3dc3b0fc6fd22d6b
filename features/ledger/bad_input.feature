Feature: Bad input is refused with its file and line
  A ledger edited by hand will have mistakes. Each one is reported with the
  file, the line and what to do; every mistake in the ledger is listed at
  once; the exit status is 2; and nothing is written to the database.

  Background:
    Given the shipped ledger in claims/
    And the database holds the sample ledger

  Scenario: Malformed YAML
    Given a ledger file "incoming/broken.yaml" containing:
      """
      claims:
        - id: c1
          subject: [mirza-olang-attack
          property: killed
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/broken.yaml:4: not valid YAML"
    And stderr shows no traceback
    And the database is unchanged

  Scenario: A field of the wrong type
    Given a ledger file "incoming/types.yaml" containing:
      """
      entities:
        - id: new-village
          kind: place
          name: [Mirza, Olang]
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/types.yaml:4: name must be text, not a list"
    And the database is unchanged

  Scenario: A required field is missing
    Given a ledger file "incoming/missing.yaml" containing:
      """
      claims:
        - id: new-claim
          subject: mirza-olang-attack
          property: killed
          value: 52
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/missing.yaml:2: claim 'new-claim' has no source (add source: the id of the source that reports it)"
    And the database is unchanged

  Scenario: The same id in two files
    Given a ledger file "incoming/one.yaml" containing:
      """
      entities:
        - id: sayad-village
          kind: place
          name: Sayad
      """
    And a ledger file "incoming/two.yaml" containing:
      """
      entities:
        - id: sayad-village
          kind: place
          name: Sayyad
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/two.yaml:2: id 'sayad-village' is already used by the entity at incoming/one.yaml:2"
    And the database is unchanged

  Scenario: A reference to something that does not exist
    Given a ledger file "incoming/dangling.yaml" containing:
      """
      claims:
        - id: bbc-killed
          subject: mirza-olang-attack
          property: killed
          value: 52
          source: bbc-2017
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/dangling.yaml:6: source: unknown source 'bbc-2017' (add it under sources: or fix the id)"
    And the database is unchanged

  Scenario: Sources that derive from each other in a circle
    Given a ledger file "incoming/cycle.yaml" containing:
      """
      sources:
        - id: site-a
          title: Repost A
          kind: news
          reliability: D
          derived_from: [site-b]
        - id: site-b
          title: Repost B
          kind: news
          reliability: D
          derived_from: [site-a]
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/cycle.yaml:6: derived_from goes round in a circle: site-a -> site-b -> site-a"
    And the database is unchanged

  Scenario: A date that does not exist
    Given a ledger file "incoming/date.yaml" containing:
      """
      claims:
        - id: wrong-date
          subject: mirza-olang-attack
          property: date
          value: 2017-02-30
          source: caci-2017-11-13
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/date.yaml:5: '2017-02-30' is not a date: February 2017 has 28 days"
    And the database is unchanged

  Scenario: A range whose minimum is above its maximum
    Given a ledger file "incoming/range.yaml" containing:
      """
      claims:
        - id: backwards
          subject: mirza-olang-attack
          property: killed
          value: 60-50
          source: caci-2017-11-13
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/range.yaml:5: range 60-50 runs backwards (write the smaller number first: 50-60)"
    And the database is unchanged

  Scenario: A confidence word that is not an ICD 203 term
    Given a ledger file "incoming/confidence.yaml" containing:
      """
      claims:
        - id: too-sure
          subject: mirza-olang-attack
          property: killed
          value: 52
          source: caci-2017-11-13
          confidence: sure thing
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/confidence.yaml:7: 'sure thing' is not an ICD 203 confidence term"
    And the database is unchanged

  Scenario: Every mistake is listed at once
    Given a ledger file "incoming/many.yaml" containing:
      """
      claims:
        - id: first
          subject: mirza-olang-attack
          property: killed
          value: 60-50
          source: caci-2017-11-13
        - id: second
          subject: mirza-olang-attack
          property: kiled
          value: 52
          source: caci-2017-11-13
          sorce: bbc
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/many.yaml:5: range 60-50 runs backwards"
    And stderr contains "incoming/many.yaml:9: 'kiled' is not a known property"
    And stderr contains "did you mean 'killed'?"
    And stderr contains "incoming/many.yaml:12: unknown key 'sorce' in claim 'second' (did you mean 'source'?)"
    And stderr contains "3 problems in the ledger; nothing was written"
    And the database is unchanged

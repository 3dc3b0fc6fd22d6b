Feature: What real reporting says is read, written back, and held to its meaning
  Reports give hedged ranges and best estimates, breakdowns of a toll, speakers
  they do not name, figures as of a time, and their own vocabularies of scopes
  and properties. The ledger says all of it, writes it back exactly as it is
  kept, and refuses, at the file and line, what cannot mean anything.

  Scenario: A ledger of real reporting is exported exactly as it is kept
    Given a ledger file "reporting/blast.yaml" containing:
      """
      scopes:
        - id: night-shift
          name: nurses on the night shift
          within: medical-staff
      properties:
        - id: escaped
          kind: quantity
          description: prisoners who escaped
          count: true
          tally: running
          within: [present]
      sources:
        - id: ZB_wire
          title: Blast in Kabul
          published: {date: 2017-05-31, inferred: true}
          kind: wire
          cites: [zb-page]
          mentions:
            - Zambaq Square
            - {name: Wazir Akbar Khan, kind: place}
        - id: zb-page
          title: Attentat à Kaboul
          published: mercredi 31 mai 2017
          kind: news
          reliability: C
      entities:
        - id: attack
          kind: event
          name: The attack
        - id: interior
          kind: organisation
          name: Interior ministry
      claims:
        - id: ZB001
          subject: attack
          property: killed
          value: 40
          as_of: around 2017-05-31T18:00+04:30
          polarity: questioned
          said_by: [interior, {unnamed: an official, of: interior}]
          source: ZB_wire
          parts: {police: 12, civilians: about 28}
          parts_complete: true
        - id: ZB002
          subject: attack
          property: wounded
          value: 50-61, best 57
          source: zb-page
        - id: ZB003
          subject: attack
          property: escaped
          value: at least 1,200-1,500
          period: 2017-05
          source: zb-page
        - id: ZB004
          subject: attack
          property: perpetrator
          value: unknown
          stance: said the toll was preliminary and may rise
          source: zb-page
        - id: ZB005
          subject: attack
          property: date
          value: 12 Ramadan 1438
          source: zb-page
      """
    When I run "provenance import reporting/"
    And I run "provenance export -o exported/"
    Then the exit status is 0
    And the folder "exported/" holds the same files as "reporting/"

  Scenario: A breakdown off by rounding is read
    Given the shipped ledger in claims/
    And the database holds the sample ledger
    And a ledger file "incoming/toll.yaml" containing:
      """
      claims:
        - id: new-toll
          subject: mirza-olang-attack
          property: killed
          value: 169
          source: caci-2017-11-13
          parts: {civilians: 100, police: 70}
          parts_complete: true
      """
    When I run "provenance import incoming/"
    Then the exit status is 0

  Scenario: A scope within a scope the ledger does not know
    Given the shipped ledger in claims/
    And the database holds the sample ledger
    And a ledger file "incoming/scopes.yaml" containing:
      """
      scopes:
        - id: night-shift
          within: medcal-staff
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/scopes.yaml:3: within: 'medcal-staff' is not a known scope (did you mean 'medical-staff'?"
    And the database is unchanged

  Scenario: A declared property the sum of a property the ledger does not know
    Given the shipped ledger in claims/
    And the database holds the sample ledger
    And a ledger file "incoming/properties.yaml" containing:
      """
      properties:
        - id: detained-total
          kind: quantity
          sum_of: [arrested, escapd]
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/properties.yaml:4: sum_of: 'escapd' is not a known property"
    And the database is unchanged

  Scenario: A source that cites itself
    Given the shipped ledger in claims/
    And the database holds the sample ledger
    And a ledger file "incoming/sources.yaml" containing:
      """
      sources:
        - id: wire-copy
          title: A wire story
          kind: wire
          cites: [wire-copy]
      """
    When I run "provenance import incoming/"
    Then the exit status is 2
    And stderr contains "incoming/sources.yaml:5: source 'wire-copy' cites itself"
    And the database is unchanged

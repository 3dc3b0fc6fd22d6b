Feature: possible-variant — spellings that are likely one name, queued for review
  Reporting spells one spokesman or one mosque a dozen ways, across outlets and
  scripts. Spellings too far apart to be tied with confidence are listed for
  review, likeliest first, with the signals that decided; they never fail a check.

  Background:
    Given a ledger file "claims/ledger.yaml" containing:
      """
      sources:
        - id: jp_tolo
          title: Jalalabad prison attack
          kind: news
          mentions: [Attaullah Khogianai, {name: عطاء الله خوگیانی, kind: person}]
        - id: kz_page
          title: Kunduz mosque bombing
          kind: news
          mentions: [{name: Sayed Abad, kind: place}]
      entities:
        - {id: khogyani, kind: person, name: Attaullah Khogyani}
        - {id: sayedabad-mosque, kind: place, name: Sayed Abad mosque}
      """

  Scenario: A name in Persian script is queued beside its Latin spelling
    When I run "provenance check claims/ --rule possible-variant"
    Then the exit status is 0
    And stdout contains "'عطاء الله خوگیانی' (1 mention) looks like 'Attaullah Khogyani' (person khogyani)"
    And stdout contains "transliterated"
    And stdout contains "3 conflicts (3 infos)"

  Scenario: A short form a page uses on its own is queued, a confident variant is a warning
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "'Sayed Abad' is a short form of 'Sayed Abad mosque'"
    And stdout contains "spelling-variant"
    And stdout contains "'Attaullah Khogianai' (1 mention) looks like 'Attaullah Khogyani'"
    And stdout contains "1 warning, 3 infos"

  Scenario: A review of the pair keeps it out of the queue
    Given a review of every open conflict of "claims/" with verdict "distinct" in "claims/reviews.yaml"
    When I run "provenance check claims/ --rule possible-variant"
    Then the exit status is 0
    And stdout contains "3 reviewed, not shown"

  Scenario: A variant the matcher is sure of, but far apart at a first look, is queued
    Given a ledger file "claims/more.yaml" containing:
      """
      entities:
        - {id: nayak, kind: place, name: Nayak}
      claims:
        - id: nayak-raid
          subject: nayak
          property: killed
          value: 4
          source: jp_tolo
          mentions: [{name: Neyak, kind: place}]
      """
    When I run "provenance check claims/"
    Then stdout contains "'Neyak' (1 mention) looks like 'Nayak' (place nayak): score 99"
    And stdout contains "1 warning, 4 infos"

  Scenario: An analyst compares a name across scripts
    When I run "provenance names compare 'Attaullah Khogyani' 'عطاء الله خوغياني' --kind person"
    Then the exit status is 1
    And stdout contains "possible-variant (review)"
    And stdout contains "transliterated"
    When I run "provenance names compare ISKP 'Islamic State Khorasan Province' --kind organisation"
    Then the exit status is 0
    And stdout contains "spelling-variant (confident)"
    And stdout contains "acronym"

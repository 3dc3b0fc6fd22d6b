Feature: spelling-variant — two spellings of what is probably one name
  Transliterated names are spelled differently from report to report. The
  checker ties the spellings together so that one village is not counted as
  two, and stays quiet about names that only look alike.

  Scenario: The shipped ledger spells Mirza Olang and Mansour two ways each
    Given the shipped ledger in claims/
    When I run "provenance check claims/ --rule spelling-variant --include-reviewed"
    Then the exit status is 1
    And stdout contains "'Mirsa Olang' (1 mention) looks like 'Mirza Olang' (place mirza-olang, 2 mentions)"
    And stdout contains "fold to the same key 'mirsa ulang' (z/s)"
    And stdout contains "'Mullah Akhtar Mohammad Mansoor' (2 mentions) looks like 'Akhtar Mohammad Mansour'"
    And stdout contains "2 conflicts (2 warnings)"

  Scenario: A declared alias is not a variant
    Given a ledger file "claims/ledger.yaml" containing:
      """
      sources:
        - {id: report, title: A report, kind: news, reliability: B}
      entities:
        - {id: attack, kind: event, name: The attack}
        - {id: mirza-olang, kind: place, name: Mirza Olang, aliases: [Mirsa Olang]}
      claims:
        - {id: c1, subject: attack, property: location, value: mirza-olang, source: report, mentions: [Mirsa Olang]}
      """
    When I run "provenance check claims/ --rule spelling-variant"
    Then the exit status is 0
    And stdout contains "no conflicts"

  Scenario: Names reviewed as distinct are never flagged again
    Given a ledger file "claims/ledger.yaml" containing:
      """
      sources:
        - {id: report, title: A report, kind: news, reliability: B}
      entities:
        - {id: kunduz, kind: place, name: Kunduz}
        - {id: qunduz, kind: place, name: Qunduz}
      """
    And a review of the only conflict of "claims/" with verdict "distinct" in "claims/reviews.yaml"
    When I run "provenance check claims/"
    Then the exit status is 0
    And stdout contains "1 reviewed, not shown"

  Scenario: An analyst compares two names outside any ledger
    When I run "provenance names compare 'Abu Bakr al-Baghdadi' 'Abu Bakr Al Baghdadi' --kind person"
    Then the exit status is 0
    And stdout contains "same"
    When I run "provenance names compare 'Mohammad Omar' 'Mohammad Akbar' --kind person"
    Then the exit status is 1
    And stdout contains "different"
    When I run "provenance names compare Ghazni Ghazi --kind place --kind-b person"
    Then the exit status is 1
    And stdout contains "not-comparable"
    And stdout contains "different kinds: place vs person"

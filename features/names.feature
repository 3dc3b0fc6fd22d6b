Feature: names — how sure the matcher is that two spellings are one name
  Reports spell one name many ways. The matcher sorts a pair into one of two
  tiers: a spelling variant it is confident about (a warning), or a possible
  variant for the review queue, ranked by score. Each says why. Look-alike
  names that are different names stay apart.

  Scenario: A Polish spelling of a port is confidently the same name
    When I compare the place names "Czabahar" and "Chabahar"
    Then the tier is "confident"
    And the reasons mention "cz/ch"

  Scenario: A changed letter in a short name goes to review, not to a warning
    When I compare the place names "Paktia" and "Paktika"
    Then the tier is "possible"
    And the score is between 0 and 100

  Scenario: Two people who share a given name stay apart
    When I compare the person names "Mohammad Omar" and "Mohammad Akbar"
    Then there is no tier

  Scenario: Hasan and Husain are two names
    When I compare the person names "Hasan" and "Husain"
    Then there is no tier
    And the reasons mention "distinguish names"

  Scenario: A Dari spelling of a spokesman's name goes to review as transliterated
    When I compare the person names "عطاءالله خوگیانی" and "Attaullah Khogyani"
    Then the tier is "possible"
    And the reasons mention "transliterated"

  Scenario: A Cyrillic name that transliterates exactly is confidently the same name
    When I compare the person names "Владимир Путин" and "Vladimir Putin"
    Then the tier is "confident"
    And the reasons mention "transliterated"

  Scenario: An acronym matches the initials of the group's name
    When I compare the organisation names "ISKP" and "Islamic State Khorasan Province"
    Then the tier is "confident"
    And the reasons mention "acronym"

  Scenario: A French spelling with a silent final e is confidently the same town
    When I compare the place names "Meyadine" and "Meyadin"
    Then the tier is "confident"
    And the reasons mention "mute -e"

  Scenario: An unwritten Persian vowel inside a village's name is confidently one name
    When I compare the place names "Keshk-e Nakhud" and "Kushk-e Nakhud"
    Then the tier is "confident"
    And the reasons mention "e~u"

  Scenario: A Persian -eh ending is not taken for a silent e
    When I compare the place names "Now Kand" and "Now Kandeh"
    Then the tier is "possible"

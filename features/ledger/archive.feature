Feature: Archive a source's text so that its quotes are checked
  An analyst keeps the text of a source with the ledger; the checker then finds quotes
  that are not in it, without anyone computing a hash by hand.

  Scenario: Archiving a text writes the archive field and quote-not-found reads it
    Given a ledger file "claims/wire.yaml" containing:
      """
      # one wire story
      sources:
        - id: wire-1
          title: Dozens killed in Sar-e Pul   # as headlined
          kind: news
          reliability: c
      entities:
        - {id: mirza-olang-attack, kind: event, name: Mirza Olang attack}
      claims:
        - id: wire-killed
          subject: mirza-olang-attack
          property: killed
          value: at least 36
          source: wire-1
          quote: at least 36 people were killed
        - id: wire-hostages
          subject: mirza-olang-attack
          property: hostages
          value: about 235
          source: wire-1
          quote: some 235 villagers were taken hostage
      """
    And a ledger file "wire-1.txt" containing:
      """
      KABUL (wire) - At least 36 people were killed in the village, officials said.
      """
    When I run "provenance archive wire-1 wire-1.txt"
    Then the exit status is 0
    And stdout contains "archived wire-1.txt as claims/archives/wire-1.txt"
    And the file "claims/wire.yaml" contains "    archive: {path: archives/wire-1.txt, sha256: "
    And the file "claims/wire.yaml" contains "title: Dozens killed in Sar-e Pul   # as headlined"
    And the file "claims/archives/wire-1.txt" contains "At least 36 people were killed"
    When I run "provenance check claims/ --format concise"
    Then the exit status is 1
    And stdout has a line matching "^claims/wire.yaml:\d+: quote-not-found wire-hostages: quote 'some 235 villagers were taken hostage' is not in claims/archives/wire-1.txt"
    And stdout does not contain "wire-killed"

  Scenario: An unknown source changes nothing, and says which id was meant
    Given the shipped ledger in claims/
    And a ledger file "article.txt" containing:
      """
      Text of the article.
      """
    When I run "provenance archive caci-2017-11-1 article.txt"
    Then the exit status is 2
    And stderr contains "no source has the id 'caci-2017-11-1' in claims (did you mean 'caci-2017-11-13'?)"
    And the file "claims/sources.yaml" does not contain "archive:"

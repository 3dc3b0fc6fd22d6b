Feature: Show one record with its provenance
  An analyst looks up a claim, an entity or a source and sees who said what,
  where it was reported, and how much it is trusted.

  Background:
    Given the shipped ledger in claims/
    And the database holds the sample ledger

  Scenario: The Mirza Olang attack with its claims, speakers and sources
    When I run "provenance show mirza-olang-attack"
    Then the exit status is 0
    And stdout contains "event mirza-olang-attack"
    And stdout contains "Mirza Olang (mirza-olang) > Sayad district (sayad-district) > Sar-e Pul Province (sar-e-pul-province) > Afghanistan (afghanistan)"
    And stdout shows the rows:
      | claim                            | property    | value                                         | said by           | source              |
      | caci-mirza-olang-killed          | killed      | over 50 people [51, ∞)                        | (the source itself) | caci-2017-11-13 (B) |
      | caci-mirza-olang-joint-officials | perpetrator | Taliban + Islamic State Khorasan Province     | Afghan government; United Nations; loca… | caci-2017-11-13 (B) |
      | caci-mirza-olang-joint-denied    | perpetrator | NOT Taliban + Islamic State Khorasan Province | Taliban           | caci-2017-11-13 (B) |

  Scenario: One claim with its speakers, source, quote and confidence
    When I run "provenance show caci-mirza-olang-joint-officials"
    Then the exit status is 0
    And stdout contains "claim caci-mirza-olang-joint-officials"
    And the field "said by" reads "Afghan government (afghan-government); United Nations (united-nations); local witnesses at Mirza Olang (mirza-olang-witnesses)"
    And stdout contains "reliability B: usually reliable"
    And the field "quote" reads "“said it was a joint attack”"
    And the field "confidence" reads "likely (0.55-0.80)"
    And the field "mentions" reads "ISKP -> iskp"

  Scenario: A claim that is denied says so
    When I run "provenance show caci-mirza-olang-joint-denied"
    Then the field "polarity" reads "DENIED"
    And the field "said by" reads "Taliban (taliban)"

  Scenario: A source with the claims it reports
    When I run "provenance show globetrotter-2023"
    Then the exit status is 0
    And stdout contains "source globetrotter-2023"
    And stdout contains "reliability C: fairly reliable"
    And stdout shows the rows:
      | claim                | property | value                               |
      | gt-iskp-members-2023 | members  | estimated 4,000 people [3,840, 4,160] |
      | gt-taliban-troops-2023 | troops | roughly 80,000 people [76,800, 83,200] |

  Scenario: An id that names nothing
    When I run "provenance show mirza-olang-massacre"
    Then the exit status is 2
    And stderr contains "nothing in the ledger has the id 'mirza-olang-massacre'"

  Scenario: Showing a database before anything was imported
    Given an empty working folder
    When I run "provenance show mirza-olang-attack --db .provenance/provenance.db"
    Then the exit status is 2
    And stderr contains "no ledger database at .provenance/provenance.db yet"

Feature: denial — one speaker denies what another affirms
  A figure, a date or an account that one party affirms and another denies is
  contested: the analyst sees the affirmation and the denial side by side, while
  a speaker taking back its own statement is shown as a revision, never failing.

  Background:
    Given a ledger file "bombing/ledger.yaml" containing:
      """
      sources:
        - {id: ministry, title: Ministry statement, kind: government, reliability: C, published: 2017-08-06}
        - {id: statement, title: Taliban statement, kind: armed-group-statement, reliability: F, published: 2017-08-08}
      entities:
        - {id: spokesman, kind: person, name: Ministry spokesman}
        - {id: taliban, kind: organisation, name: Taliban}
        - {id: bombing, kind: event, name: Market bombing}
      claims:
        - {id: ministry-hostages, subject: bombing, property: hostages, value: around 235, unit: people, said_by: [spokesman], source: ministry}
        - {id: taliban-denial, subject: bombing, property: hostages, value: 235, unit: people, polarity: denied, said_by: [taliban], source: statement}
      """

  Scenario: The Taliban deny the hostage figure the ministry gives
    When I run "provenance check bombing/ --rule denial"
    Then the exit status is 1
    And stdout contains "hostages of Market bombing denied: 'around 235' people [226, 244] (Ministry spokesman; ministry) vs '235' people 235 denied by Taliban (statement)"
    And stdout contains "1 conflict (1 warning)"

  Scenario: A denial made before the figure was given is a sequence, not a denial of it
    Given the file "bombing/ledger.yaml" is changed so that "published: 2017-08-08" reads "published: 2017-08-05"
    When I run "provenance check bombing/ --rule denial"
    Then the exit status is 0
    And stdout does not contain "denied by Taliban"

  Scenario: A denial of a figure outside the affirmed one is no denial of it
    Given the file "bombing/ledger.yaml" is changed so that "value: 235, unit: people, polarity: denied" reads "value: over 300, unit: people, polarity: denied"
    When I run "provenance check bombing/ --rule denial"
    Then the exit status is 0

  Scenario: The spokesman taking back his own figure is a revision, shown but not failing
    Given the file "bombing/ledger.yaml" is changed so that "said_by: [taliban]" reads "said_by: [spokesman]"
    When I run "provenance check bombing/ --rule denial"
    Then the exit status is 0
    And stdout contains "info (revision)"
    And stdout contains "hostages of Market bombing revised by Ministry spokesman: 'around 235' people [226, 244] (2017-08-06; ministry) then denied '235' people 235 (2017-08-08; statement)"

  Scenario: The shipped ledger holds no denial outside an attribution
    Given the shipped ledger in claims/
    When I run "provenance check claims/ --rule denial --include-reviewed"
    Then the exit status is 0
    And stdout contains "no conflicts"

  Scenario: A denial of a proposition opposes its affirmation in other words
    Given a ledger file "clinic/ledger.yaml" containing:
      """
      sources:
        - {id: ministry, title: Ministry statement, kind: government, reliability: C, published: 2015-10-03}
        - {id: ngo, title: Aid agency statement, kind: ngo, reliability: B, published: 2015-10-04}
      entities:
        - {id: spokesman, kind: person, name: Ministry spokesman}
        - {id: aid-agency, kind: organisation, name: Aid agency}
        - {id: strike, kind: event, name: Clinic air strike}
      claims:
        - {id: ministry-fighters, subject: strike, property: fighters-inside-clinic, value: {text: insurgents were firing from the clinic}, said_by: [spokesman], source: ministry}
        - {id: agency-no-fighters, subject: strike, property: fighters-inside-clinic, value: {text: armed men inside the compound}, polarity: denied, said_by: [aid-agency], source: ngo}
      """
    When I run "provenance check clinic/ --rule denial"
    Then the exit status is 1
    And stdout contains "fighters-inside-clinic of Clinic air strike denied: 'insurgents were firing from the clinic' (Ministry spokesman; ministry) vs 'armed men inside the compound' denied by Aid agency (ngo)"

Feature: Ledger files in one form, with what the analyst wrote kept
  CI asks whether every ledger file is in canonical form, the way a code formatter is
  asked; `provenance fmt` puts them in it without losing a comment or a spelling.

  Scenario: fmt --check names the file out of form, fmt fixes it and keeps its comments
    Given a ledger file "claims/wire.yaml" containing:
      """
      # the wire story
      claims:
          - {subject: e1, id: c1, property: killed, value: over 50, source: s1, confidence: 95%}
      sources:
        - id: s1
          kind: news   # a wire
          title: Wire story
      entities:
        - {id: e1, kind: place, name: Mirza Olang}
      """
    When I run "provenance fmt --check claims/"
    Then the exit status is 1
    And stdout contains "would reformat claims/wire.yaml"
    When I run "provenance fmt claims/"
    Then the exit status is 0
    And the file "claims/wire.yaml" contains "  - {id: c1, subject: e1, property: killed, value: over 50, source: s1, confidence: 95%}"
    And the file "claims/wire.yaml" contains "# the wire story"
    And the file "claims/wire.yaml" contains "    title: Wire story"
    And the file "claims/wire.yaml" contains "# a wire"
    When I run "provenance fmt --check claims/"
    Then the exit status is 0
    And stdout contains "every ledger file is in canonical form"

  Scenario: The shipped ledger is in canonical form
    Given the shipped ledger in claims/
    When I run "provenance fmt --check claims/"
    Then the exit status is 0

  Scenario: An export over the ledger it came from keeps comments and spellings
    Given a ledger file "claims/wire.yaml" containing:
      """
      # the wire story
      sources:
        - {id: s1, title: Wire story, kind: news}   # a wire
      entities:
        - {id: e1, kind: place, name: Mirza Olang}
      claims:
        - id: c1
          subject: e1       # the attack
          property: killed
          value: 'over 50'
          source: s1
          confidence: '95%'   # the desk's judgement
      """
    When I run "provenance import claims/"
    And I run "provenance export -o claims/"
    Then the exit status is 0
    And the file "claims/wire.yaml" contains "# the wire story"
    And the file "claims/wire.yaml" contains "  - {id: s1, title: Wire story, kind: news}   # a wire"
    And the file "claims/wire.yaml" contains "    confidence: '95%'   # the desk's judgement"
    And the file "claims/wire.yaml" contains "    value: 'over 50'"

Feature: overconfidence — high confidence resting on one weak source
  "Almost certain" on the word of one unreliable source is a judgement the
  evidence does not carry; copies of that source do not make it stronger.

  Background:
    Given a ledger file "claims/sources.yaml" containing:
      """
      sources:
        - {id: channel, title: Telegram channel, kind: social-media, reliability: E}
        - {id: repost, title: Repost of the channel, kind: news, reliability: C, derived_from: [channel]}
        - {id: paper, title: Newspaper, kind: news, reliability: B}
      entities:
        - {id: market-bombing, kind: event, name: Market bombing}
        - {id: iskp, kind: organisation, name: ISKP}
      """

  Scenario: Almost certain on an unreliable source that only a repost repeats
    Given a ledger file "claims/blame.yaml" containing:
      """
      claims:
        - id: channel-blame
          subject: market-bombing
          property: perpetrator
          value: [iskp]
          source: channel
          confidence: almost certain
        - {id: repost-blame, subject: market-bombing, property: perpetrator, value: [iskp], source: repost}
      """
    When I run "provenance check claims/"
    Then the exit status is 1
    And stdout contains "claims/blame.yaml:2"
    And stdout contains "channel-blame: confidence almost certain (0.95-0.99) rests on one source, channel graded E (unreliable)"
    And stdout contains "(only claims from its own origin do: repost-blame)"

  Scenario: An independent newspaper reports the same attribution
    Given a ledger file "claims/blame.yaml" containing:
      """
      claims:
        - {id: channel-blame, subject: market-bombing, property: perpetrator, value: [iskp], source: channel, confidence: almost certain}
        - {id: paper-blame, subject: market-bombing, property: perpetrator, value: [iskp], source: paper}
      """
    When I run "provenance check claims/ --rule overconfidence"
    Then the exit status is 0
    And stdout does not contain "channel-blame"

  Scenario: A desk that treats only E and F as weak sets the rule so
    Given a ledger file "claims/sources-d.yaml" containing:
      """
      sources:
        - {id: forum, title: Forum post, kind: social-media, reliability: D}
      claims:
        - {id: forum-toll, subject: market-bombing, property: killed, value: 12, source: forum, confidence: 0.9}
      """
    When I run "provenance check claims/ --rule overconfidence"
    Then the exit status is 1
    And stdout contains "forum-toll: confidence 0.9 (very likely) rests on one source, forum graded D (not usually reliable)"
    When I run "provenance check claims/ --rule overconfidence --set overconfidence.weak_reliability=EF"
    Then the exit status is 0

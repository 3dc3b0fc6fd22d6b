Feature: numeric-conflict — two figures for one thing at one time that cannot both be true
  An analyst comparing death tolls wants to see the figures that really
  disagree, with their intervals, and not the differences that are only
  bounds, rounding, scope, time, copies or a spokesman revising his count.

  Background:
    Given a ledger file "claims/sources.yaml" containing:
      """
      sources:
        - {id: pajhwok-0806, title: Pajhwok first report, kind: news, reliability: C, published: 2017-08-06}
        - {id: pajhwok-0807, title: Pajhwok second report, kind: news, reliability: C, published: 2017-08-07}
        - {id: caci-2017-11-13, title: CACI analysis, kind: analysis, reliability: B, published: 2017-11-13}
        - {id: tolo-0806, title: TOLOnews first report, kind: news, reliability: C, published: 2017-08-06}
        - {id: bakhtar-0806, title: Bakhtar first report, kind: news, reliability: C, published: 2017-08-06}
        - {id: wire, title: Wire story, kind: wire, reliability: C}
        - {id: repost-1, title: Repost one, kind: news, reliability: D, derived_from: [wire]}
        - {id: repost-2, title: Repost two, kind: news, reliability: D, derived_from: [wire]}
        - {id: repost-3, title: Repost three, kind: news, reliability: D, derived_from: [repost-1]}
      entities:
        - {id: mirza-olang-attack, kind: event, name: Mirza Olang attack}
        - {id: afghan-officials, kind: organisation, name: Afghan officials}
      """

  Scenario: Two reports whose tolls have no value in common fail the check
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: tolo-killed, subject: mirza-olang-attack, property: killed, value: over 50, unit: people, source: tolo-0806}
        - {id: pajhwok-killed, subject: mirza-olang-attack, property: killed, value: 30-40, source: pajhwok-0806}
      """
    When I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 1
    And stdout contains "killed of mirza-olang-attack on 2017-08-06: '30-40' [30, 40] [pajhwok-0806] vs 'over 50' people [51, ∞) [tolo-0806]: no common value"
    And stdout contains "1 conflict (1 warning)"

  Scenario: "As many as" gives a figure near its number, "up to" only a ceiling
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: mp-wounded, subject: mirza-olang-attack, property: wounded, value: as many as 80, source: tolo-0806}
        - {id: army-wounded, subject: mirza-olang-attack, property: wounded, value: 33, source: pajhwok-0806}
        - {id: gov-wounded, subject: mirza-olang-attack, property: wounded, value: up to 90, source: bakhtar-0806}
      """
    When I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 1
    And stdout contains "'33' 33 [pajhwok-0806] vs 'as many as 80' [72, 80] [tolo-0806] vs 'up to 90' [0, 90] [bakhtar-0806]: no common value"
    And stdout contains "1 conflict (1 warning)"

  Scenario: Bounds, rounding and different scopes are differences, not conflicts
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: first-toll, subject: mirza-olang-attack, property: killed, value: at least 36, source: pajhwok-0806}
        - {id: tolo-killed, subject: mirza-olang-attack, property: killed, value: 50-60, source: tolo-0806}
        - {id: civilians-a, subject: mirza-olang-attack, property: killed, value: 169, scope: civilians, source: pajhwok-0807}
        - {id: civilians-b, subject: mirza-olang-attack, property: killed, value: 170, scope: civilians, source: wire}
      """
    When I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 0
    And stdout does not contain "numeric-conflict:"

  Scenario: A toll rising from one day to the next is a running count, shown and not failing
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: officials-first, subject: mirza-olang-attack, property: killed, value: at least 36, said_by: [afghan-officials], source: pajhwok-0806}
        - {id: officials-later, subject: mirza-olang-attack, property: killed, value: 50-60, said_by: [afghan-officials], source: pajhwok-0807}
      """
    When I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 0
    And stdout shows the rows:
      | where               | severity        |
      | claims/tolls.yaml:3 | info (revision) |
    And stdout contains "killed of mirza-olang-attack: running count over time: 'at least 36' (2017-08-06) -> '50-60' (2017-08-07)"

  Scenario: A wire story reposted three times is one conflict, not four
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: pajhwok-killed, subject: mirza-olang-attack, property: killed, value: 30-40, source: pajhwok-0806}
        - {id: wire-killed, subject: mirza-olang-attack, property: killed, value: over 50, source: wire}
        - {id: repost-1-killed, subject: mirza-olang-attack, property: killed, value: over 50, source: repost-1}
        - {id: repost-2-killed, subject: mirza-olang-attack, property: killed, value: over 50, source: repost-2}
        - {id: repost-3-killed, subject: mirza-olang-attack, property: killed, value: over 50, source: repost-3}
      """
    When I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 1
    And stdout contains "'30-40' [30, 40] [pajhwok-0806] vs 'over 50' [51, ∞) [wire]"
    And stdout contains "1 conflict (1 warning)"

  Scenario: An analyst who wants exact counts sets the tolerance and the rounding gap to zero
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: civilians-a, subject: mirza-olang-attack, property: killed, value: 169, source: pajhwok-0806}
        - {id: civilians-b, subject: mirza-olang-attack, property: killed, value: 170, source: tolo-0806}
      """
    When I run "provenance check claims/ --rule numeric-conflict"
    Then the exit status is 0
    When I run "provenance check claims/ --rule numeric-conflict --set numeric-conflict.tolerance=0 --set numeric-conflict.rounding_gap=0"
    Then the exit status is 1
    And stdout contains "'169' 169 [pajhwok-0806] vs '170' 170 [tolo-0806]: no common value"

  Scenario: Several speakers on one day are one finding that lists each position
    Given a ledger file "claims/tolls.yaml" containing:
      """
      claims:
        - {id: officials-toll, subject: mirza-olang-attack, property: killed, value: 46, said_by: [afghan-officials], source: pajhwok-0806}
        - {id: officials-repeat, subject: mirza-olang-attack, property: killed, value: 46, said_by: [afghan-officials], source: bakhtar-0806}
        - {id: tolo-toll, subject: mirza-olang-attack, property: killed, value: about 70, source: tolo-0806}
        - {id: later-toll, subject: mirza-olang-attack, property: killed, value: over 100, source: caci-2017-11-13}
      """
    When I run "provenance check claims/ --rule numeric-conflict --format json"
    Then the exit status is 1
    And stdout contains "killed of mirza-olang-attack on 2017-08-06: '46' 46 [Afghan officials via bakhtar-0806] and 1 more vs 'about 70' [68, 72] [tolo-0806]"
    And stdout contains "running count over time: '46' / 'about 70' (2017-08-06) -> 'over 100' (2017-11-13)"
    And stdout contains ""independent": 2"

Feature: report — the disagreements side by side, to read or publish
  An editor publishing what is known about an attack wants every disagreement
  the checker found, grouped by subject, with the competing claims side by side
  (who said it, which source reported it, how reliable, how confident, in the
  report's own words), what the analyst decided, and which value is best
  supported when copies of one story count once. The report reads as a
  publication: a title, scope and date, key findings in sentences, sources cited
  by publisher and date, figures in words, housekeeping in an appendix; the
  maintainer's view (ids, rules, file:line, counts) is one option away.

  Background:
    Given a ledger file "ledger/sources.yaml" containing:
      """
      sources:
        - {id: wire, title: Wire story, kind: wire, reliability: C}
        - {id: repost-1, title: Repost one, kind: news, reliability: C, derived_from: [wire]}
        - {id: repost-2, title: Repost two, kind: news, reliability: C, derived_from: [wire]}
        - {id: repost-3, title: Repost three, kind: news, reliability: C, derived_from: [wire]}
        - {id: radio, title: Local radio, kind: news, reliability: C}
        - {id: ngo, title: NGO report, kind: ngo, reliability: C}
        - {id: un, title: UN mission report, kind: un, reliability: A}
        - {id: day1, title: First day report, kind: news, reliability: C, published: 2017-08-06}
        - {id: day2, title: Second day report, kind: news, reliability: C, published: 2017-08-07}
        - {id: taliban-statement, title: Taliban statement, kind: armed-group-statement, reliability: C}
      entities:
        - {id: market-attack, kind: event, name: Market attack}
        - {id: taliban, kind: organisation, name: Taliban}
        - {id: iskp, kind: organisation, name: ISKP}
        - {id: ministry, kind: organisation, name: Ministry of the Interior}
      """

  Scenario: The shipped ledger's disagreements, with every decision
    Given the shipped ledger in claims/
    When I run "provenance report claims/ --include-decided --maintainer"
    Then the exit status is 0
    And stdout shows the rows:
      | rule                 | conflicts | shown |
      | spelling-variant     | 2         | 2     |
      | attribute-conflict   | 1         | 1     |
      | disputed-attribution | 1         | 1     |
    And stdout contains "Mirza Olang attack (mirza-olang-attack)"
    And the field "rule" reads "disputed-attribution (warning)"
    And stdout shows the rows:
      | claim                            | value                                                                                                            | said by                                                           | source          | reliability         | confidence         |
      | caci-mirza-olang-joint-officials | Taliban + Islamic State Khorasan Province [said it was a joint attack]                                           | Afghan government; United Nations; local witnesses at Mirza Olang | caci-2017-11-13 | B: usually reliable | likely (0.55-0.80) |
      | caci-mirza-olang-joint-denied    | NOT Taliban + Islamic State Khorasan Province [denied co-operating with ISKP; called the allegations propaganda] | Taliban                                                           | caci-2017-11-13 | B: usually reliable |                    |

  Scenario: One source reporting both an attribution and its denial leaves it undecided
    Given the shipped ledger in claims/
    When I run "provenance report claims/ --subject mirza-olang-attack --maintainer"
    Then the exit status is 0
    And stdout shows the rows:
      | value                                     | support | for  | against                              | independent sources |
      | Taliban + Islamic State Khorasan Province | 0.14    | 0.54 | 0.40 (caci-mirza-olang-joint-denied) | 1                   |
    And stdout contains "Disputed: the analyst keeps the competing accounts open."
    And stdout contains "The weighing alone: undecided: Taliban + Islamic State Khorasan Province has support 0.14, less than 0.15."
    And stdout does not contain "Akhtar Mohammad Mansour (akhtar-mohammad-mansour)"

  Scenario: The shipped ledger as an editor reads it
    Given the shipped ledger in claims/
    When I run "provenance report claims/ --title "Mirza Olang and the Taliban" --scope "Two articles, 2017 and 2023" --date 2026-11-30"
    Then the exit status is 0
    And stdout contains "Mirza Olang and the Taliban"
    And stdout contains "Two articles, 2017 and 2023, 30 November 2026"
    And stdout contains "KEY FINDINGS"
    And stdout contains "- Disputed: the analyst keeps the competing accounts open."
    And stdout contains "- Resolved by the analyst in favour of claim caci-mansour-role: deputy leader of the"
    And stdout shows the rows:
      | value                        | source                                                             | reliability         | stated    |
      | deputy leader of the Taliban | The Central Asia-Caucasus Analyst (CACI Analyst), 13 November 2017 | B: usually reliable | June 2015 |
      | leader of the Taliban        | Globetrotter, 2023                                                 | C: fairly reliable  | 2015      |
    And the field "review" reads "disputed by provenance ledger team, 21 November 2026, 15:43 UTC"
    And stdout does not contain ".yaml:"
    And stdout does not contain "spelling-variant"
    And stdout does not contain "SUMMARY"

  Scenario: Spellings and other housekeeping wait in the appendix
    Given the shipped ledger in claims/
    When I run "provenance report claims/ --include-decided"
    Then the exit status is 0
    And stdout contains "APPENDIX: HOUSEKEEPING"
    And stdout contains "Spelling variant"
    And stdout contains "'Mirsa Olang' (1 mention) looks like 'Mirza Olang'"

  Scenario: Figures read as words, with the numbers for a spreadsheet
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: un-killed, subject: market-attack, property: killed, value: over 50, source: un}
        - {id: radio-killed, subject: market-attack, property: killed, value: 30-40, source: radio}
      """
    When I run "provenance report ledger/"
    Then stdout shows the rows:
      | value   | reads as           | source            |
      | over 50 | more than 50       | UN mission report |
      | 30-40   | between 30 and 40  | Local radio       |
    When I run "provenance report ledger/ --format csv"
    Then the CSV on stdout has a row where "low" reads "51"
    And the CSV on stdout has a row where "high" reads "40"

  Scenario: Three reposts of one wire story count as one source, two independent reports as two
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: repost-1-killed, subject: market-attack, property: killed, value: 12, source: repost-1}
        - {id: repost-2-killed, subject: market-attack, property: killed, value: 12, source: repost-2}
        - {id: repost-3-killed, subject: market-attack, property: killed, value: 12, source: repost-3}
        - {id: radio-killed, subject: market-attack, property: killed, value: 30, source: radio}
        - {id: ngo-killed, subject: market-attack, property: killed, value: about 30, source: ngo}
      """
    When I run "provenance report ledger/ --maintainer"
    Then the exit status is 0
    And stdout shows the rows:
      | value         | support | independent sources | claims                                            |
      | about 30 / 30 | 0.60    | 2                   | ngo-killed, radio-killed                          |
      | 12            | 0.30    | 1                   | repost-1-killed, repost-2-killed, repost-3-killed |
    And stdout contains "Best supported: about 30 / 30 (2 independent sources)."

  Scenario: A reliable source the analyst doubts weighs less than a fair one she trusts
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: un-killed, subject: market-attack, property: killed, value: 12, source: un, confidence: 0.3}
        - {id: radio-killed, subject: market-attack, property: killed, value: 30, source: radio, confidence: 0.9}
      """
    When I run "provenance report ledger/"
    Then stdout shows the rows:
      | value | support | independent sources |
      | 30    | 0.54    | 1                   |
      | 12    | 0.30    | 1                   |
    And stdout contains "Best supported: 30 (1 independent source)."

  Scenario: A denial counts against the attribution it denies
    Given a ledger file "ledger/perpetrators.yaml" containing:
      """
      claims:
        - {id: ngo-taliban, subject: market-attack, property: perpetrator, value: taliban, source: ngo, confidence: 0.9}
        - {id: radio-iskp, subject: market-attack, property: perpetrator, value: iskp, source: radio}
        - {id: taliban-denial, subject: market-attack, property: perpetrator, value: taliban, polarity: denied, said_by: [taliban], source: taliban-statement}
      """
    When I run "provenance report ledger/ --maintainer"
    Then stdout shows the rows:
      | value   | support | for  | against               | independent sources |
      | ISKP    | 0.30    | 0.30 | 0.00                  | 1                   |
      | Taliban | 0.24    | 0.54 | 0.30 (taliban-denial) | 1                   |
    And stdout contains "Undecided: ISKP (0.30) and Taliban (0.24) are less than 0.15 apart."

  Scenario: A spokesman revising his toll is a sequence in time order, not a conflict
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: ministry-second, subject: market-attack, property: killed, value: 40, said_by: [ministry], source: day2}
        - {id: ministry-first, subject: market-attack, property: killed, value: 25, said_by: [ministry], source: day1}
        - {id: un-killed, subject: market-attack, property: killed, value: about 100, source: un}
      """
    When I run "provenance report ledger/"
    Then stdout contains "1 conflict in ledger, 1 shown; 1 revision."
    And stdout shows the rows:
      | step | value | said by                  | stated                  |
      | 1    | 25    | Ministry of the Interior | published 6 August 2017 |
      | 2    | 40    | Ministry of the Interior | published 7 August 2017 |
    And stdout contains "1 earlier value not counted (superseded or revised)"
    And stdout contains "Best supported: about 100 (1 independent source)."
    When I run "provenance report ledger/ --maintainer"
    Then stdout shows the rows:
      | step | claim           | value | stated               |
      | 1    | ministry-first  | 25    | published 2017-08-06 |
      | 2    | ministry-second | 40    | published 2017-08-07 |
    And stdout contains "not counted (superseded or revised): ministry-first"

  Scenario: A disputed conflict stays in the report with the analyst's note
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: radio-killed, subject: market-attack, property: killed, value: 12, source: radio}
        - {id: ngo-killed, subject: market-attack, property: killed, value: 30, source: ngo}
      """
    And a review of the only conflict of "ledger" with verdict "disputed" in "ledger/reviews.yaml"
    When I run "provenance report ledger/"
    Then the field "status" reads "disputed"
    And the field "review" reads "disputed by Analyst One, 21 November 2026, 10:00 UTC"
    And the field "note" reads "Both accounts stand until the investigation reports."

  Scenario: A conflict decided otherwise is left out unless asked for
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: radio-killed, subject: market-attack, property: killed, value: 12, source: radio}
        - {id: ngo-killed, subject: market-attack, property: killed, value: 30, source: ngo}
      """
    And a review of the only conflict of "ledger" with verdict "not-a-conflict" in "ledger/reviews.yaml"
    When I run "provenance report ledger/"
    Then stdout contains "1 conflict in ledger, 0 shown; 1 decided, not shown (--include-decided shows them)."
    And stdout does not contain "Local radio"
    When I run "provenance report ledger/ --maintainer"
    Then stdout shows the rows:
      | status         | conflicts | shown |
      | not-a-conflict | 1         | 0     |
    When I run "provenance report ledger/ --include-decided --maintainer"
    Then the field "status" reads "not-a-conflict"
    And stdout shows the rows:
      | claim        | value | source | reliability        |
      | radio-killed | 12    | radio  | C: fairly reliable |

  Scenario: Markdown for a repository keeps a quote with a pipe inside its cell
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: radio-killed, subject: market-attack, property: killed, value: 12, source: radio, quote: 'toll | rising'}
        - {id: ngo-killed, subject: market-attack, property: killed, value: 30, source: ngo}
      """
    When I run "provenance report ledger/ --format markdown"
    Then the exit status is 0
    And stdout contains "## Market attack"
    And stdout contains "[Market attack](#subject-market-attack)"
    And stdout contains "## Key findings"
    And stdout contains "toll \| rising"
    And stdout contains "| 12 "
    And stdout does not contain "radio-killed"

  Scenario: An HTML page to publish shows a script in a quote as text
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: radio-killed, subject: market-attack, property: killed, value: 12, source: radio}
        - {id: ngo-killed, subject: market-attack, property: killed, value: 30, source: ngo, quote: '<script>alert(1)</script>'}
      """
    When I run "provenance report ledger/ --format html -o report.html"
    Then the exit status is 0
    And the file "report.html" contains "<h2>Market attack</h2>"
    And the file "report.html" contains "<svg class="chart chart-figures"
    And the file "report.html" contains "<a href="#subject-market-attack">"
    And the file "report.html" contains "&lt;script&gt;alert(1)&lt;/script&gt;"
    And the file "report.html" does not contain "<script>"

  Scenario: JSON for a program carries a version and the assessment
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: radio-killed, subject: market-attack, property: killed, value: 12, source: radio}
        - {id: ngo-killed, subject: market-attack, property: killed, value: 30, source: ngo}
      """
    When I run "provenance report ledger/ --format json"
    Then the exit status is 0
    And stdout is a JSON report with version 2
    And the JSON report assesses "killed of Market attack" as "undecided: 12 (0.30) and 30 (0.30) are less than 0.15 apart"

  Scenario: CSV for a spreadsheet shows a formula in a quote, never runs it
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: radio-killed, subject: market-attack, property: killed, value: 12, source: radio, quote: '=1+1'}
        - {id: ngo-killed, subject: market-attack, property: killed, value: 30, source: ngo, quote: '@SUM(A1)'}
      """
    When I run "provenance report ledger/ --format csv"
    Then the exit status is 0
    And the CSV on stdout has a row where "quote" reads "'=1+1"
    And the CSV on stdout has a row where "quote" reads "'@SUM(A1)"
    And the CSV on stdout has a row where "reliability" reads "C"

  Scenario: A desk brands the page with its own templates
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: radio-killed, subject: market-attack, property: killed, value: 12, source: radio}
        - {id: ngo-killed, subject: market-attack, property: killed, value: 30, source: ngo}
      """
    And a ledger file "desk/header.html" containing:
      """
      <header class="desk"><p>The Evening Desk</p><h1>{{ page.title }}</h1><p>{{ page.date }}</p></header>
      """
    When I run "provenance report ledger/ --format html --template desk/ --title <Tolls> -o report.html"
    Then the exit status is 0
    And the file "report.html" contains "<p>The Evening Desk</p><h1>&lt;Tolls&gt;</h1>"
    And the file "report.html" contains "<h2>Market attack</h2>"
    When I run "provenance report ledger/ --format html --template nowhere/"
    Then the exit status is 2
    And stderr contains "--template nowhere: no such folder"
    When I run "provenance report ledger/ --format html --template ledger/"
    Then the exit status is 2
    And stderr contains "no template ledger/report.html"

  Scenario: A ledger names its report in provenance.toml
    Given a ledger file "ledger/tolls.yaml" containing:
      """
      claims:
        - {id: radio-killed, subject: market-attack, property: killed, value: 12, source: radio}
        - {id: ngo-killed, subject: market-attack, property: killed, value: 30, source: ngo}
      """
    And a ledger file "ledger/provenance.toml" containing:
      """
      [report]
      title = "The market attack: what is known"
      scope = "Local reporting, August 2017"
      """
    When I run "provenance report ledger/ --date 2017-08-31"
    Then the exit status is 0
    And stdout contains "The market attack: what is known"
    And stdout contains "Local reporting, August 2017, 31 August 2017"
    When I run "provenance report ledger/ --title Tolls"
    Then stdout has a line matching "^Tolls$"

  Scenario: A date that cannot be read is refused
    Given the shipped ledger in claims/
    When I run "provenance report claims/ --date 'next tuesday'"
    Then the exit status is 2
    And stderr contains "--date 'next tuesday': 'next tuesday' is not a date"
    And stderr shows no traceback

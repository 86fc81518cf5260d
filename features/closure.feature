Feature: Closure of premises associated with nuisance or disorder
  When premises are the source of nuisance or disorder, a police inspector or the council may
  close them at once by notice for a short period, and must then ask the magistrates for a
  closure order within a tight statutory window. Getting the authorisation, the duration or the
  hearing time wrong leaves a family's home or a business shut unlawfully, so the engine checks
  each of them against Part 4 Chapter 3 of the 2014 Act and keeps the clock for the hearing.

  Background:
    Given 14 Orchard Walk is premises causing concern
    And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 May 2026

  Rule: A closure notice is issued by a police inspector or above, or by the local authority (ASBCPA 2014 s.76(1))

    @guard:closure_notice_authorisation
    Scenario Outline: A 24-hour closure notice issued by <issuer>
      When <issuer> issues a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      Then it is <outcome>

      Examples:
        | issuer                   | outcome                                |
        | a sergeant               | refused: closure_notice_authorisation |
        | an inspector             | recorded                               |
        | a chief superintendent   | recorded                               |
        | a council officer        | recorded                               |
        | a housing officer        | refused: closure_notice_authorisation |
        | an rp senior manager     | refused: closure_notice_authorisation |

  Rule: A notice lasts up to 24 hours, or up to 48 hours if a superintendent or the council's chief executive (or designate) signs it (ASBCPA 2014 s.77(1)-(2))

    @guard:closure_notice_duration
    Scenario Outline: A <hours>-hour notice issued by <issuer>
      When <issuer> issues a <hours>-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      Then it is <outcome>

      Examples:
        | issuer                          | hours | outcome                           |
        | an inspector                    | 24    | recorded                          |
        | an inspector                    | 48    | refused: closure_notice_duration |
        | a superintendent                | 48    | recorded                          |
        | a council chief executive       | 48    | recorded                          |
        | a council designate             | 48    | recorded                          |
        | a council officer               | 48    | refused: closure_notice_duration |
        | an inspector                    | 25    | refused: closure_notice_duration |
        | a superintendent                | 25    | recorded                          |
        | a council officer               | 25    | refused: closure_notice_duration |
        | an inspector                    | 36    | refused: closure_notice_duration |
        | a superintendent                | 36    | recorded                          |
        | a superintendent                | 72    | refused: closure_notice_duration |

    @guard:closure_notice_duration
    Scenario: 24 hours is a maximum, not a fixed term: an inspector may close premises for 12 hours
      When an inspector issues a 12-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      Then it is recorded

    @timer:closure_notice_expiry
    Scenario: The notice's end is tracked from service
      When a superintendent issues a 48-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      Then the closure notice ends at 3 June 2026 at 18:00

  Rule: A 24-hour notice may be extended once, by up to 24 hours, by a superintendent or the chief executive (ASBCPA 2014 s.77(4))

    Background:
      Given an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00

    @guard:closure_notice_extension
    Scenario Outline: <issuer> extends the notice by <hours> hours
      When <issuer> extends the closure notice by <hours> hours at 2 June 2026 at 12:00
      Then it is <outcome>

      Examples:
        | issuer                     | hours | outcome                            |
        | a superintendent           | 24    | recorded                           |
        | a council chief executive  | 12    | recorded                           |
        | an inspector               | 24    | refused: closure_notice_extension |
        | a superintendent           | 25    | refused: closure_notice_extension |

    @guard:closure_notice_extension @timer:closure_notice_expiry
    Scenario: An extended notice ends 48 hours after service
      When a superintendent extends the closure notice by 24 hours at 2 June 2026 at 12:00
      Then it is recorded
      And the closure notice ends at 3 June 2026 at 18:00

    @guard:instrument_lifecycle
    Scenario: A cancelled notice cannot be extended
      Given the closure notice was cancelled at 2 June 2026 at 09:00, because "the tenant has evicted the people dealing from the flat"
      When a superintendent extends the closure notice by 24 hours at 2 June 2026 at 12:00
      Then it is refused: instrument_lifecycle
      And the refusal explains "The Closure notice is cancelled"

  Rule: The closure order application is heard within 48 hours of service of the notice, Christmas Day disregarded (ASBCPA 2014 s.80(3)-(4))

    Background:
      Given an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00

    @guard:closure_order_hearing_window @timer:closure_hearing
    Scenario Outline: A hearing listed for <hearing>
      When the application for a closure order is made at 2 June 2026 at 09:00 for a hearing at <hearing>
      Then it is <outcome>
      And the closure order application must be heard by 3 June 2026 at 18:00

      Examples:
        | hearing                | outcome                                 |
        | 2 June 2026 at 14:00   | recorded                                |
        | 3 June 2026 at 18:00   | recorded                                |
        | 3 June 2026 at 18:01   | refused: closure_order_hearing_window |

    @guard:closure_order_hearing_window
    Scenario: The refusal names the end of the window and the rule set
      When the application for a closure order is made at 2 June 2026 at 09:00 for a hearing at 4 June 2026 at 10:00
      Then it is refused: closure_order_hearing_window
      And the refusal explains "after the 48-hour window, which ends 3 Jun 2026 18:00 (Wednesday) (rule set asbcpa2014-amended)"
      And the refusal advises "List the hearing no later than 3 Jun 2026 18:00 (Wednesday)"

    @timer:closure_hearing
    Scenario: Hearing the application in time meets the deadline; no application leaves it overdue
      Then on 3 June 2026 at 18:01, the closure hearing deadline is overdue
      When the application for a closure order is made at 2 June 2026 at 09:00 for a hearing at 3 June 2026 at 10:00
      Then on 3 June 2026 at 18:01, the closure hearing deadline is met

  Rule: A closure order lasts no more than 3 months (ASBCPA 2014 s.80(6))

    Background:
      Given an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 3 June 2026 at 18:00
      And the application for a closure order was made at 3 June 2026 at 19:00 for a hearing at 4 June 2026 at 10:00

    @guard:closure_order_max_duration
    Scenario Outline: An order made on 4 June 2026 until <end>
      When the magistrates make a closure order on 4 June 2026 until <end>
      Then it is <outcome>

      Examples:
        | end               | outcome                               |
        | 4 September 2026  | recorded                              |
        | 5 September 2026  | refused: closure_order_max_duration |

    @timer:closure_order_expiry
    Scenario: The order's end is tracked and the notice gives way to it
      When the magistrates make a closure order on 4 June 2026 until 4 September 2026
      Then it is recorded
      And the closure order ends at the end of 4 September 2026

  Rule: An order is extended before it expires, to no more than 6 months in total (ASBCPA 2014 s.82(1), (7))

    Background:
      Given the magistrates made a closure order for 14 Orchard Walk on 4 June 2026 until 4 September 2026

    @guard:closure_order_extension_limit
    Scenario Outline: Extended on <on> until <until>
      When a superintendent extends the closure order on <on> until <until>, having consulted the council
      Then it is <outcome>

      Examples:
        | on                | until            | outcome                                  |
        | 1 September 2026  | 4 December 2026  | recorded                                 |
        | 4 September 2026  | 4 December 2026  | recorded                                 |
        | 1 September 2026  | 5 December 2026  | refused: closure_order_extension_limit |
        | 5 September 2026  | 4 December 2026  | refused: closure_order_extension_limit |

    @guard:closure_order_extension_limit
    Scenario: An expired order cannot be extended
      When a superintendent extends the closure order on 7 September 2026 until 1 December 2026, having consulted the council
      Then it is refused: closure_order_extension_limit
      And the refusal explains "The order expired on 4 Sep 2026"

  Rule: A police extension is authorised by a superintendent with the council consulted, and vice versa (ASBCPA 2014 s.82(3)-(4))

    Background:
      Given the magistrates made a closure order for 14 Orchard Walk on 4 June 2026 until 4 September 2026

    @guard:closure_order_extension_authorisation
    Scenario Outline: An extension authorised by <authoriser>, <consulted>
      When <authoriser> extends the closure order on 1 September 2026 until 1 December 2026, <consulted>
      Then it is <outcome>

      Examples:
        | authoriser         | consulted                    | outcome                                         |
        | a superintendent   | having consulted the council | recorded                                        |
        | a superintendent   | without consulting anyone    | refused: closure_order_extension_authorisation |
        | an inspector       | having consulted the council | refused: closure_order_extension_authorisation |
        | a council officer  | having consulted the police  | recorded                                        |

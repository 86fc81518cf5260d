Feature: Statutory deadlines
  Every statutory period is computed by the engine from the recorded events, in London time,
  never typed in by hand. Custody officers, ASB officers and legal teams see when a person must
  be before a judge, when a closure hearing must take place, and when an appeal or a payment
  period ends. The Act's own counting rules apply: some periods stop on Sundays, Good Friday and
  Christmas Day, some only on Christmas Day, and some run through every holiday.

  Rule: Before a judge within 24 hours of arrest, disregarding Christmas Day, Good Friday and any Sunday (ASBCPA 2014 s.9(3)-(4))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow is subject to an injunction granted on 1 March 2026 until 28 February 2028, with a power of arrest until 28 February 2028

    @timer:arrest_before_judge
    Scenario Outline: Arrested at <arrested> (<why>)
      Given Dean Harrow breached the injunction on <arrested>
      When Dean Harrow is arrested under the power of arrest at <arrested>
      Then Dean Harrow must be brought before a judge by <due>

      Examples:
        | arrested                   | due                        | why                                                  |
        | 1 April 2026 at 10:00      | 2 April 2026 at 10:00      | a Wednesday: nothing disregarded                     |
        | 2 April 2026 at 10:00      | 4 April 2026 at 10:00      | Good Friday disregarded                              |
        | 3 April 2026 at 09:00      | 5 April 2026 at 00:00      | arrested on Good Friday: the count starts on Saturday |
        | 4 April 2026 at 10:00      | 6 April 2026 at 10:00      | Easter Sunday disregarded, Easter Monday counts      |
        | 5 April 2026 at 15:00      | 7 April 2026 at 00:00      | arrested on a Sunday: the count starts on Monday     |
        | 28 March 2026 at 20:00     | 30 March 2026 at 20:00     | the Sunday the clocks go forward is disregarded      |
        | 24 December 2026 at 15:00  | 26 December 2026 at 15:00  | Christmas Day on a Friday disregarded                |
        | 26 December 2026 at 18:00  | 28 December 2026 at 18:00  | the Sunday after Christmas disregarded               |
        | 24 December 2027 at 12:00  | 27 December 2027 at 12:00  | Christmas Day on a Saturday, then a Sunday           |

  Rule: The closure order application is heard within 48 hours of service, disregarding Christmas Day only (ASBCPA 2014 s.80(3)-(4))

    Background:
      Given 14 Orchard Walk is premises causing concern
      And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 March 2026

    @timer:closure_hearing
    Scenario Outline: A closure notice served at <served> (<why>)
      When an inspector issues a 24-hour closure notice for 14 Orchard Walk served at <served>
      Then the closure order application must be heard by <due>

      Examples:
        | served                     | due                        | why                                 |
        | 1 June 2026 at 18:00       | 3 June 2026 at 18:00       | an ordinary week                    |
        | 30 May 2026 at 12:00       | 1 June 2026 at 12:00       | Sundays count                       |
        | 2 April 2026 at 12:00      | 4 April 2026 at 12:00       | Good Friday counts                  |
        | 23 December 2026 at 18:00  | 26 December 2026 at 18:00  | Christmas Day disregarded           |
        | 24 December 2026 at 10:00  | 27 December 2026 at 10:00  | Christmas Day disregarded           |
        | 25 December 2026 at 12:00  | 28 December 2026 at 00:00  | served on Christmas Day             |

  Rule: A closure notice runs from service for the hours it states; in a 48-hour notice Christmas Day is disregarded (ASBCPA 2014 s.77)

    Background:
      Given 14 Orchard Walk is premises causing concern
      And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 March 2026

    @timer:closure_notice_expiry
    Scenario Outline: A <hours>-hour notice served at <served> (<why>)
      When <issuer> issues a <hours>-hour closure notice for 14 Orchard Walk served at <served>
      Then the closure notice ends at <ends>

      Examples:
        | issuer           | hours | served                     | ends                       | why                                    |
        | an inspector     | 24    | 1 June 2026 at 18:00       | 2 June 2026 at 18:00       | an ordinary day                        |
        | a superintendent | 48    | 1 June 2026 at 18:00       | 3 June 2026 at 18:00       | an ordinary week                       |
        | a superintendent | 48    | 24 December 2026 at 10:00  | 27 December 2026 at 10:00  | Christmas Day disregarded              |
        | an inspector     | 24    | 28 March 2026 at 20:00     | 29 March 2026 at 21:00     | 24 real hours across the clock change  |

  Rule: A Community Protection Notice may be appealed within 21 days beginning with the day of issue, with no extension for weekends or holidays (ASBCPA 2014 s.46(2))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case

    @timer:cpn_appeal_window
    Scenario Outline: A notice issued on <issued> (<why>)
      Given Dean Harrow was given a Community Protection Notice on <issued> after an unheeded warning
      Then the last day to appeal against the notice is <last day>

      Examples:
        | issued                  | last day          | why                                   |
        | 1 June 2026             | 21 June 2026      | the last day is a Sunday: no extension |
        | 14 March 2026           | 3 April 2026      | the last day is Good Friday            |
        | 10 December 2026        | 30 December 2026  | Christmas inside the period            |
        | 2 June 2026 at 00:30    | 22 June 2026      | issued just after midnight in London   |

  Rule: No proceedings for the 14 days following the date of a fixed penalty notice (ASBCPA 2014 s.52(3))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case

    @timer:fpn_payment_period
    Scenario Outline: A fixed penalty notice given on <issued> (<why>)
      Given Dean Harrow was given a fixed penalty notice on <issued> for failing to comply with a Community Protection Notice
      Then proceedings may start from <first day>

      Examples:
        | issued                     | first day        | why                                    |
        | 10 April 2026 at 10:00     | 25 April 2026    | the date of the notice is not counted  |
        | 17 December 2026 at 16:00  | 1 January 2027   | holidays are counted                   |
        | 20 March 2026 at 23:30     | 4 April 2026     | the London date of the notice counts   |

  Rule: A dispersal exclusion runs for the hours given, in real time, through every holiday (ASBCPA 2014 s.35(4))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case

    @timer:dispersal_exclusion_end
    Scenario Outline: Excluded at <given> for <hours> hours (<why>)
      When a constable directs Dean Harrow to leave Northshire town centre for <hours> hours at <given>, under an authorisation by an inspector
      Then the exclusion ends at <ends>

      Examples:
        | given                      | hours | ends                       | why                                |
        | 1 June 2026 at 20:00       | 48    | 3 June 2026 at 20:00       | an ordinary week                   |
        | 24 December 2026 at 22:00  | 24    | 25 December 2026 at 22:00  | Christmas Day is not disregarded   |

    @timer:dispersal_exclusion_end
    Scenario: An exclusion across the night the clocks go forward lasts 48 real hours
      # 20:00 GMT on Saturday 28 March 2026 plus 48 hours is 20:00 GMT on Monday 30 March,
      # which is 21:00 British Summer Time.
      When a constable directs Dean Harrow to leave Northshire town centre for 48 hours at 28 March 2026 at 20:00, under an authorisation by an inspector
      Then the exclusion ends at 30 March 2026 at 21:00

  Rule: Every deadline on a case is listed, soonest first, with its legal basis

    @timer:cpw_compliance @timer:cpn_appeal_window
    Scenario: The deadlines of a warning and a notice
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a Community Protection Notice on 1 June 2026 after an unheeded warning
      Then Dean Harrow's deadlines, soonest first, are:
        | deadline                                                 | due                    | legal basis           |
        | CPW: time to comply ends                                 | 17 May 2026 at 00:00   | ASBCPA2014 s.43(5)(b) |
        | CPN: appeal window closes (21 days incl. day of issue)   | 22 June 2026 at 00:00  | ASBCPA2014 s.46(2)    |

    @timer:closure_order_expiry @timer:closure_hearing @timer:closure_notice_expiry
    Scenario: The deadlines of a closure notice and order
      Given 14 Orchard Walk is premises causing concern
      And the magistrates made a closure order for 14 Orchard Walk on 4 June 2026 until 4 September 2026
      Then 14 Orchard Walk's deadlines, soonest first, are:
        | deadline                                   | due                        | legal basis               |
        | Closure notice: expires                    | 4 June 2026 at 18:00       | ASBCPA2014 s.77           |
        | Closure notice: application heard by       | 5 June 2026 at 18:00       | ASBCPA2014 s.80(3)-(4)    |
        | Closure order: expires (extend before)     | 5 September 2026 at 00:00  | ASBCPA2014 ss.80(6), 82   |

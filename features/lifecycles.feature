Feature: What becomes of an instrument after it is made
  A warning, a penalty or an order does not stop at the moment it is given. Time to comply runs
  out, a penalty goes unpaid, an order reaches its end, a notice is served after it is signed,
  an arrest must be reported, surrendered property must be kept or given back, and an appeal
  suspends part of a notice. Officers and lawyers see each of these from the log: a status
  derived as at a moment, or a deadline with its legal basis, never an entry typed by hand.

  Rule: A warning whose time to comply passed with no further conduct linked has been complied with; conduct linked after it shows it was not (ASBCPA 2014 s.43(5)(b)-(c))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 20 February 2026
      And Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026

    @timer:cpw_compliance
    Scenario: No further conduct after the time to comply
      Then on 15 March 2026 at 12:00, the warning shows as issued
      And on 16 March 2026 at 12:00, the warning shows as complied

    @timer:cpw_compliance
    Scenario: Conduct during the time to comply does not count against the warning
      Given a further incident of loud music by Dean Harrow happened on 10 March 2026 at 23:00
      Then on 20 March 2026 at 12:00, the warning shows as complied

    @timer:cpw_compliance
    Scenario: Conduct after the time to comply shows the warning was not complied with
      Given a further incident of loud music by Dean Harrow happened on 18 March 2026 at 23:00
      Then on 20 March 2026 at 12:00, the warning shows as not complied

  Rule: An unpaid fixed penalty lapses at the end of the 14 days, and a prosecution must be decided within six months of the breach (ASBCPA 2014 s.52(3); Magistrates' Courts Act 1980 s.127(1))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a fixed penalty notice on 10 April 2026 for failing to comply with a Community Protection Notice

    @timer:fpn_prosecution_decision
    Scenario: Unpaid, the penalty lapses and the decision on prosecution falls due
      Then on 24 April 2026 at 12:00, the fixed penalty shows as issued
      And on 25 April 2026 at 00:00, the fixed penalty shows as lapsed
      And a prosecution must be decided on by the end of 8 October 2026
      And on 8 October 2026 at 12:00, the prosecution decision deadline is running
      And on 9 October 2026 at 12:00, the prosecution decision deadline is overdue

    @timer:fpn_prosecution_decision
    Scenario: Starting a prosecution meets the deadline
      When a prosecution of Dean Harrow for the offence the fixed penalty covers is started on 1 May 2026
      Then it is recorded
      And on 9 October 2026 at 12:00, the prosecution decision deadline is met

    @timer:fpn_payment_period
    Scenario: A paid penalty does not lapse
      Given Dean Harrow paid the fixed penalty on 20 April 2026
      Then on 1 May 2026 at 12:00, the fixed penalty shows as paid

  Rule: A notice or order past its end date shows as expired, and its end is listed among the deadlines (ASBCPA 2014 ss.1(6), 43(8), 77, 80(6))

    @timer:cpn_expiry
    Scenario: A notice in force for a year
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a Community Protection Notice on 1 June 2026 after an unheeded warning, in force until 31 May 2027
      Then the notice ends at the end of 31 May 2027
      And on 31 May 2027 at 23:00, the notice shows as issued
      And on 1 June 2027 at 00:00, the notice shows as expired

    @timer:injunction_expiry
    Scenario: An injunction for a fixed period
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow is subject to an injunction granted on 1 March 2026 until 28 February 2027
      Then on 28 February 2027 at 12:00, the injunction shows as granted
      And on 1 March 2027 at 12:00, the injunction shows as expired

    @timer:closure_order_expiry
    Scenario: A closure order for three months
      Given 14 Orchard Walk is premises causing concern
      And the magistrates made a closure order for 14 Orchard Walk on 4 June 2026 until 4 September 2026
      Then on 4 September 2026 at 12:00, the closure order shows as granted
      And on 5 September 2026 at 00:00, the closure order shows as expired

    @timer:closure_notice_expiry
    Scenario: A closure notice past its hours
      Given 14 Orchard Walk is premises causing concern
      And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 May 2026
      And an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      Then on 2 June 2026 at 17:59, the closure notice shows as issued
      And on 2 June 2026 at 18:00, the closure notice shows as expired

  Rule: A closure notice's service is recorded apart from its issue, once; the hearing and the notice's hours run from service (ASBCPA 2014 ss.77, 79, 80(3))

    Background:
      Given 14 Orchard Walk is premises causing concern
      And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 May 2026

    @guard:closure_notice_service @timer:closure_hearing @timer:closure_notice_expiry
    Scenario: Served two hours after issue
      Given an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      When the closure notice is served at 1 June 2026 at 20:00
      Then it is recorded
      And the closure order application must be heard by 3 June 2026 at 20:00
      And the closure notice ends at 2 June 2026 at 20:00

    @guard:closure_notice_service @timer:closure_hearing
    Scenario: Under the 2026 Act the hearing window is 72 hours from service
      Given the deployment runs the 2026 Act changes switched on
      And 14 Orchard Walk is premises causing concern
      And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 May 2026
      And an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      When the closure notice is served at 1 June 2026 at 20:00
      Then it is recorded
      And the closure order application must be heard by 4 June 2026 at 20:00

    @guard:closure_notice_service
    Scenario Outline: Service recorded <when>
      Given an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      And the closure notice was served at 1 June 2026 at 19:00
      When the closure notice is served at <at>
      Then it is refused: closure_notice_service
      And the refusal explains "<why>"

      Examples:
        | when              | at                     | why                                         |
        | a second time     | 1 June 2026 at 20:00   | The notice's service was already recorded   |

    @guard:closure_notice_service
    Scenario: Service before issue is refused
      Given an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      When the closure notice is served at 1 June 2026 at 17:00
      Then it is refused: closure_notice_service
      And the refusal explains "The notice was issued at 1 Jun 2026 18:00 (Monday), after 1 Jun 2026 17:00 (Monday)"

  Rule: A cancelled closure notice ends the track: no closure order is applied for on it (ASBCPA 2014 ss.78, 80(1))

    Background:
      Given 14 Orchard Walk is premises causing concern
      And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 May 2026
      And an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00

    @guard:closure_order_needs_notice_in_force
    Scenario: An application on a cancelled notice is refused
      Given the closure notice was cancelled at 1 June 2026 at 22:00, because "the occupier left and the door was secured"
      When the application for a closure order is made at 2 June 2026 at 09:00 for a hearing at 3 June 2026 at 10:00
      Then it is refused: closure_order_needs_notice_in_force
      And the refusal explains "The closure notice was cancelled (s.78)"
      And the refusal advises "Issue a new closure notice"

    @guard:closure_order_needs_notice_in_force
    Scenario: An application on a notice that was not cancelled is recorded
      When the application for a closure order is made at 2 June 2026 at 09:00 for a hearing at 3 June 2026 at 10:00
      Then it is recorded

  Rule: A notice already at its maximum cannot be extended, and the refusal says so (ASBCPA 2014 s.77(4))

    @guard:closure_notice_extension
    Scenario: A 48-hour notice cannot be extended at all
      Given 14 Orchard Walk is premises causing concern
      And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 May 2026
      And a superintendent issued a 48-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      When a superintendent extends the closure notice by 1 hours at 2 June 2026 at 08:00
      Then it is refused: closure_notice_extension
      And the refusal explains "already lasts 48 hours, the most s.77 allows; it cannot be extended"

  Rule: Items are surrendered by a person given a dispersal direction; unclaimed items may be destroyed only after 28 days (ASBCPA 2014 ss.37-38)

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And a constable directed Dean Harrow to leave Northshire town centre for 48 hours at 1 June 2026 at 20:00, under an authorisation by an inspector

    @guard:surrender_requires_dispersal_direction @timer:surrendered_items_unclaimed
    Scenario: Items surrendered with the direction are kept for 28 days
      When Dean Harrow surrenders a portable speaker at 1 June 2026 at 20:05
      Then it is recorded
      And unclaimed items may be destroyed from 29 June 2026

    @guard:surrender_requires_dispersal_direction
    Scenario Outline: A surrender <when>
      Given Dean Harrow surrendered a portable speaker at 1 June 2026 at 20:05
      When Dean Harrow surrenders a portable speaker at <at>
      Then it is refused: surrender_requires_dispersal_direction
      And the refusal explains "<why>"

      Examples:
        | when               | at                    | why                                                   |
        | recorded twice     | 1 June 2026 at 20:10  | Items surrendered under this direction were already   |

    @guard:surrender_requires_dispersal_direction
    Scenario: A surrender before the direction was given is refused
      When Dean Harrow surrenders a portable speaker at 1 June 2026 at 19:00
      Then it is refused: surrender_requires_dispersal_direction

    @guard:surrendered_items_destroyed_too_soon @timer:surrendered_items_unclaimed
    Scenario Outline: Surrendered items <outcome> on <on>
      Given Dean Harrow surrendered a portable speaker at 1 June 2026 at 20:05
      When the surrendered items are <outcome> on <on>
      Then it is <result>

      Examples:
        | outcome   | on                     | result                                          |
        | returned  | 3 June 2026            | recorded                                        |
        | destroyed | 28 June 2026 at 23:00  | refused: surrendered_items_destroyed_too_soon   |
        | destroyed | 29 June 2026           | recorded                                        |

    @timer:surrendered_items_unclaimed
    Scenario: Returning the items ends the 28-day period
      Given Dean Harrow surrendered a portable speaker at 1 June 2026 at 20:05
      When the surrendered items are returned on 3 June 2026
      Then it is recorded
      And on 30 June 2026 at 12:00, the items claim deadline is met

  Rule: While an appeal against a notice is pending, only requirements to stop doing things are in force (ASBCPA 2014 s.46(3))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a Community Protection Notice on 1 June 2026 after an unheeded warning, requiring to stop, do, reparation

    @guard:cpn_requirement_suspended_on_appeal
    Scenario Outline: A breach of requirement <n> (<kind>) during the appeal
      Given Dean Harrow appealed against the Community Protection Notice on 5 June 2026
      When a breach of requirement <n> of the Community Protection Notice by Dean Harrow is recorded on 10 June 2026
      Then it is <outcome>

      Examples:
        | n | kind                 | outcome                                         |
        | 1 | stop                 | recorded                                        |
        | 2 | do                   | refused: cpn_requirement_suspended_on_appeal    |
        | 3 | reparation           | refused: cpn_requirement_suspended_on_appeal    |
        | 4 | no such requirement  | refused: cpn_requirement_suspended_on_appeal    |

    @guard:cpn_requirement_suspended_on_appeal
    Scenario: Before any appeal, a requirement to do something binds
      When a breach of requirement 2 of the Community Protection Notice by Dean Harrow is recorded on 3 June 2026
      Then it is recorded

  Rule: After an arrest under a power of arrest, the constable informs the applicant for the injunction (ASBCPA 2014 s.9(2))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow is subject to an injunction granted on 1 March 2026 until 28 February 2028, with a power of arrest until 28 February 2028
      And Dean Harrow breached the injunction on 1 April 2026 at 09:00
      And Dean Harrow was arrested under the power of arrest at 1 April 2026 at 10:00, the applicant not yet told

    @timer:arrest_inform_applicant
    Scenario: The applicant is to be told before the hearing
      Then the applicant for the injunction must be told by 2 April 2026 at 10:00
      And on 2 April 2026 at 11:00, the inform-the-applicant deadline is overdue

    @timer:arrest_inform_applicant
    Scenario: Telling the applicant meets the deadline
      Given the applicant for the injunction was told of the arrest at 1 April 2026 at 15:00
      Then on 2 April 2026 at 11:00, the inform-the-applicant deadline is met

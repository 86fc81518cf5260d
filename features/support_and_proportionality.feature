Feature: Support, proportionality and the graduated approach
  The statutory guidance and the ASB Principles expect agencies to address the causes of
  anti-social behaviour, to try lesser measures first, and to weigh proportionality and
  equality before a severe step. These are expectations, not statutory preconditions, so the
  engine treats them as SOFT rules: it refuses a Community Protection Notice, an injunction
  application or a closure notice that skips them, unless a supervisor has recorded why the
  step is justified all the same. Legal teams then find the reasons in the chronology instead
  of reconstructing them for the court.

  Rule: Support should be offered before a severe step (statutory guidance 2023; ASB Principles 2022)

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was sent a warning letter on 1 February 2026
      And a proportionality assessment of enforcement against Dean Harrow was recorded on 1 February 2026
      And Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      And a further incident of loud music by Dean Harrow happened on 20 March 2026 at 23:00

    @guard:support_not_offered
    Scenario: A notice with no support offered is refused, and a supervisor may override it
      When Dean Harrow is given a Community Protection Notice on 25 March 2026
      Then it is refused: support_not_offered
      And the refusal by support_not_offered can be overridden by a supervisor
      And the refusal advises "Offer a support referral (support_referral_made)"

    @guard:support_not_offered
    Scenario: A supervisor's recorded reason lets the notice go ahead, and the entry says so
      Given a supervisor authorised departing from "support_not_offered" for the Community Protection Notice on 24 March 2026, because "Dean has refused every offer of help in writing; the neighbours are elderly"
      When Dean Harrow is given a Community Protection Notice on 25 March 2026
      Then it is recorded
      And the entry was decided using the supervisor's override

    @guard:support_not_offered
    Scenario: A referral made before the step satisfies the expectation
      Given Dean Harrow was offered a referral to Northshire Recovery Service on 22 March 2026
      When Dean Harrow is given a Community Protection Notice on 25 March 2026
      Then it is recorded

    @guard:support_not_offered
    Scenario: A referral made after the step does not count for it
      Given Dean Harrow was offered a referral to Northshire Recovery Service on 26 March 2026
      When Dean Harrow is given a Community Protection Notice on 25 March 2026
      Then it is refused: support_not_offered

  Rule: Proportionality and equality are assessed before a severe step (HRA 1998 Sch.1 Art 8; Equality Act 2010 ss.15, 149)

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was sent a warning letter on 1 February 2026
      And Dean Harrow was offered a referral to Northshire Recovery Service on 1 February 2026

    @guard:no_proportionality_assessment
    Scenario: An injunction application with no assessment on record is refused
      When the council applies for an injunction against Dean Harrow on 1 June 2026
      Then it is refused: no_proportionality_assessment
      And the refusal by no_proportionality_assessment cites "Equality Act 2010 ss.15, 149"
      And the refusal by no_proportionality_assessment can be overridden by a supervisor

    @guard:no_proportionality_assessment
    Scenario: An assessment made for a different step does not count
      Given a proportionality assessment of the Community Protection Notice against Dean Harrow was recorded on 1 May 2026
      When the council applies for an injunction against Dean Harrow on 1 June 2026
      Then it is refused: no_proportionality_assessment

    @guard:no_proportionality_assessment
    Scenario: An assessment made for this step counts
      Given a proportionality assessment of the injunction application against Dean Harrow was recorded on 1 May 2026
      When the council applies for an injunction against Dean Harrow on 1 June 2026
      Then it is recorded

  Rule: Lesser measures are tried first, or the reason for skipping them is recorded (statutory guidance 2023 on proportionality; CPW: ASBCPA 2014 s.43(1)(b); injunction: s.1(3) "just and convenient"; closure notice: s.76(1)(b) "necessary")

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case

    @guard:lesser_measures_skipped
    Scenario: A warning with no lesser measure tried is refused
      When Dean Harrow is given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      Then it is refused: lesser_measures_skipped
      And the refusal by lesser_measures_skipped can be overridden by a supervisor

    @guard:lesser_measures_skipped
    Scenario Outline: A lesser measure before the warning: <measure>
      Given Dean Harrow <measure> on 1 February 2026
      When Dean Harrow is given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      Then it is recorded

      Examples:
        | measure                                    |
        | was given a verbal warning                 |
        | was sent a warning letter                  |
        | signed an acceptable behaviour contract    |
        | was offered mediation                      |
        | had a home visit                           |

    @guard:lesser_measures_skipped
    Scenario: The reason for going straight to a warning is recorded on the warning itself
      When Dean Harrow is given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026, because lesser measures are unsuitable: "he assaulted the last officer who visited"
      Then it is recorded

    @guard:lesser_measures_skipped
    Scenario: An earlier Community Protection Warning counts as a lesser measure before an injunction
      Given Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026, because lesser measures are unsuitable: "he assaulted the last officer who visited"
      And Dean Harrow was offered a referral to Northshire Recovery Service on 1 May 2026
      And a proportionality assessment of enforcement against Dean Harrow was recorded on 1 May 2026
      When the council applies for an injunction against Dean Harrow on 1 June 2026
      Then it is recorded

    @guard:lesser_measures_skipped @guard:support_not_offered @guard:no_proportionality_assessment
    Scenario: A closure notice for premises with nothing tried is refused for every expectation at once
      Given 14 Orchard Walk is premises causing concern
      When an inspector issues a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      Then it is refused: support_not_offered, no_proportionality_assessment, lesser_measures_skipped
      And every reason for refusal can be overridden by a supervisor

  Rule: Only a supervisor may depart from guidance, only for a SOFT rule, and each departure is used once (Pathway governance)

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case

    @guard:override_requires_supervisor
    Scenario: An officer cannot authorise their own departure from guidance
      When an ASB officer authorises departing from "lesser_measures_skipped" for the Community Protection Warning on 28 February 2026, because "urgent: threats to a neighbour"
      Then it is refused: override_requires_supervisor
      And the refusal advises "Ask a supervisor to authorise it"

    @guard:override_requires_supervisor
    Scenario: A statutory rule cannot be overridden, even by a supervisor
      When a supervisor authorises departing from "cpw_minimum_age" for the Community Protection Warning on 28 February 2026, because "the family asked us to act now"
      Then it is rejected because "guard_code" must name a SOFT guard of cpw_issued
      And the rejection explains "HARD guards cannot be overridden"

    @guard:override_requires_supervisor @guard:lesser_measures_skipped
    Scenario: A departure authorised once is used once
      Given a supervisor authorised departing from "lesser_measures_skipped" for the Community Protection Warning on 28 February 2026, because "urgent: threats to a neighbour"
      And Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      When Dean Harrow is given a Community Protection Warning about "damaging parked cars" on 2 March 2026 to comply by 16 March 2026
      Then it is refused: lesser_measures_skipped

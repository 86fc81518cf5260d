Feature: Fixed penalty notices for failing to comply with a Community Protection Notice
  Constables and authorised council officers may offer a person who has failed to comply with
  a Community Protection Notice the chance to discharge liability by paying a fixed penalty,
  instead of being prosecuted under s.48. The penalty is capped by statute, and the person is
  protected from proceedings while the payment period runs. Legal teams rely on the engine to
  refuse a penalty that is unlawful and to tell them the first day a prosecution may start.

  Background:
    Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
    And Dean Harrow was given a Community Protection Notice on 1 April 2026 after an unheeded warning

  Rule: A fixed penalty is offered only for a failure to comply with a notice (ASBCPA 2014 s.52(1))

    @guard:fpn_requires_cpn_breach
    Scenario: No breach recorded, no fixed penalty
      When Dean Harrow is given a fixed penalty notice of £100 on 10 April 2026
      Then it is refused: fpn_requires_cpn_breach
      And the refusal explains "No breach of a Community Protection Notice has been recorded"
      And the refusal advises "Record the breach of the CPN"

    @guard:fpn_requires_cpn_breach
    Scenario: After a recorded breach a fixed penalty may be offered
      Given Dean Harrow failed to comply with the Community Protection Notice on 8 April 2026 at 23:30
      When Dean Harrow is given a fixed penalty notice of £100 on 10 April 2026
      Then it is recorded
      And the entry cites "ASBCPA2014 s.52"

    @guard:fpn_requires_cpn_breach
    Scenario: A breach of a notice since quashed on appeal cannot found a fixed penalty
      Given Dean Harrow failed to comply with the Community Protection Notice on 8 April 2026 at 23:30
      And Dean Harrow appealed against the Community Protection Notice on 9 April 2026
      And the magistrates quashed the Community Protection Notice on 20 April 2026
      When Dean Harrow is given a fixed penalty notice of £100 on 21 April 2026
      Then it is refused: fpn_requires_cpn_breach
      And the refusal explains "The Community Protection Notice was quashed on appeal on 20 Apr 2026"

  Rule: One fixed penalty per breach: a further penalty needs a further breach (ASBCPA 2014 s.52(1)-(2))
    A fixed penalty offers the person the chance to discharge liability for one offence of
    failing to comply. A second penalty for the same failure is refused; a later failure,
    once recorded, may found another.

    @guard:fpn_one_per_breach
    Scenario: A second penalty for the same breach is refused
      Given Dean Harrow failed to comply with the Community Protection Notice on 8 April 2026 at 23:30
      And Dean Harrow was given a fixed penalty notice of £100 on 10 April 2026
      When Dean Harrow is given a fixed penalty notice of £100 on 11 April 2026
      Then it is refused: fpn_one_per_breach
      And the refusal explains "already has the fixed penalty of 10 Apr 2026"
      And the refusal advises "a new FPN needs a new breach recorded after it"
      And nothing is added to Dean Harrow's case

    @guard:fpn_one_per_breach
    Scenario: A further breach after the first penalty may found another
      Given Dean Harrow failed to comply with the Community Protection Notice on 8 April 2026 at 23:30
      And Dean Harrow was given a fixed penalty notice of £100 on 10 April 2026
      And Dean Harrow failed to comply with the Community Protection Notice on 20 April 2026 at 23:30
      When Dean Harrow is given a fixed penalty notice of £100 on 21 April 2026
      Then it is recorded

  Rule: The penalty may not exceed the statutory maximum, £100 under the 2014 Act (ASBCPA 2014 s.52(7))

    @guard:fpn_amount_cap
    Scenario Outline: A fixed penalty of £<amount>
      Given Dean Harrow failed to comply with the Community Protection Notice on 8 April 2026 at 23:30
      When Dean Harrow is given a fixed penalty notice of £<amount> on 10 April 2026
      Then it is <outcome>

      Examples:
        | amount | outcome                 |
        | 50     | recorded                |
        | 100    | recorded                |
        | 100.01 | refused: fpn_amount_cap |
        | 150    | refused: fpn_amount_cap |

    @guard:fpn_amount_cap
    Scenario: The refusal names the maximum and the rule set that sets it
      Given Dean Harrow failed to comply with the Community Protection Notice on 8 April 2026 at 23:30
      When Dean Harrow is given a fixed penalty notice of £150 on 10 April 2026
      Then it is refused: fpn_amount_cap
      And the refusal explains "£150 is above the £100 maximum under rule set asbcpa2014-amended"
      And the refusal advises "Set the amount at £100 or less"

  Rule: No proceedings during the 14 days following the date of the notice (ASBCPA 2014 s.52(3)(a))

    Background:
      Given Dean Harrow failed to comply with the Community Protection Notice on 8 April 2026 at 23:30
      And Dean Harrow was given a fixed penalty notice of £100 on 10 April 2026 at 10:00

    @guard:prosecution_during_fpn_period @timer:fpn_payment_period
    Scenario Outline: A prosecution started on <day>
      When a prosecution of Dean Harrow for the offence the fixed penalty covers is started on <day>
      Then it is <outcome>
      And proceedings may start from 25 April 2026

      Examples:
        | day                     | outcome                                 |
        | 11 April 2026 at 10:00  | refused: prosecution_during_fpn_period |
        | 24 April 2026 at 23:59  | refused: prosecution_during_fpn_period |
        | 25 April 2026 at 00:00  | recorded                                |

    @guard:prosecution_during_fpn_period
    Scenario: The refusal gives the first moment proceedings may start
      When a prosecution of Dean Harrow for the offence the fixed penalty covers is started on 20 April 2026
      Then it is refused: prosecution_during_fpn_period
      And the refusal explains "protects the subject from proceedings until 25 Apr 2026 00:00 (Saturday)"
      And the refusal says it may be done from 25 April 2026 at 00:00

    @timer:fpn_payment_period
    Scenario: Paying within the period meets the payment deadline
      Given Dean Harrow paid the fixed penalty on 16 April 2026
      Then on 30 April 2026, the fixed penalty deadline is met

    @timer:fpn_payment_period
    Scenario: An unpaid penalty's period simply ends; it is not an agency failure
      Then on 26 April 2026, the fixed penalty deadline is ended

    @timer:fpn_payment_period
    Scenario: At the very instant the 14 days end, the period has ended
      Then on 24 April 2026 at 23:59, the fixed penalty deadline is running
      And on 25 April 2026 at 00:00, the fixed penalty deadline is ended

  Rule: Paying the penalty discharges liability to conviction for the offence (ASBCPA 2014 s.52(3)(b))

    @guard:prosecution_during_fpn_period
    Scenario Outline: A prosecution for the failure the penalty covers, after payment, on <day>
      Given Dean Harrow failed to comply with the Community Protection Notice on 8 April 2026 at 23:30
      And Dean Harrow was given a fixed penalty notice of £100 on 10 April 2026 at 10:00
      And Dean Harrow paid the fixed penalty on 16 April 2026
      When a prosecution of Dean Harrow for <offence> is started on <day>
      Then it is refused: prosecution_during_fpn_period
      And the refusal explains "was paid in time on 16 Apr 2026; no one may be convicted of that breach"

      Examples:
        | offence                                                 | day            |
        | the offence the fixed penalty covers                    | 20 April 2026  |
        | the offence the fixed penalty covers                    | 1 May 2026     |
        | failing to comply with the Community Protection Notice | 1 May 2026     |

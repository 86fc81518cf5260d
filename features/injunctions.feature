Feature: Civil injunctions to prevent anti-social behaviour
  Councils, housing providers and the police apply to the county court (adults) or the youth
  court (under 18s) for an injunction under Part 1 of the 2014 Act. The court decides, but a
  defective application wastes a hearing and a child's case carries extra statutory
  safeguards. The engine checks each application and each order recorded against the Act, so
  that the legal team's bundle never has to explain away a missing consultation or an
  unlawful term.

  Rule: An injunction may be granted only against a person aged 10 or over (ASBCPA 2014 s.1(1))

    @guard:injunction_minimum_age
    Scenario Outline: An application against a person aged <age>
      Given Kyle Minto, who is <age> on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the youth offending team was consulted about Kyle Minto on 15 May 2026
      When the council applies for an injunction against Kyle Minto on 1 June 2026
      Then it is <outcome>

      Examples:
        | age | outcome                          |
        | 9   | refused: injunction_minimum_age |
        | 10  | recorded                         |
        | 15  | recorded                         |
        | 16  | recorded                         |
        | 17  | recorded                         |
        | 18  | recorded                         |

    @guard:injunction_minimum_age
    Scenario: The refusal for a 9-year-old says when an application becomes possible
      Given Kyle Minto, born 20 August 2016, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the youth offending team was consulted about Kyle Minto on 15 May 2026
      When the council applies for an injunction against Kyle Minto on 1 June 2026
      Then it is refused: injunction_minimum_age
      And the refusal explains "The subject is 9; a civil injunction needs a person aged 10 or over"
      And the refusal advises "Not available before 20 Aug 2026 (their 10th birthday)"

  Rule: For a respondent under 18 the youth offending team is consulted first (ASBCPA 2014 s.14(1)-(2))

    @guard:youth_injunction_requires_yot_consultation
    Scenario Outline: An application on notice against a person aged <age> without consulting the YOT
      Given Kyle Minto, who is <age> on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      When the council applies for an injunction against Kyle Minto on 1 June 2026
      Then it is <outcome>

      Examples:
        | age | outcome                                              |
        | 10  | refused: youth_injunction_requires_yot_consultation |
        | 17  | refused: youth_injunction_requires_yot_consultation |
        | 18  | recorded                                             |

    @guard:youth_injunction_requires_yot_consultation
    Scenario: A without-notice application may precede the consultation, but not the first on-notice hearing
      Given Kyle Minto, who is 16 on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the council applied without notice for an injunction against Kyle Minto on 1 June 2026, because "threats of violence to a neighbour's child"
      And the court granted an interim injunction on 1 June 2026 until 15 June 2026
      When the court grants the injunction on 15 June 2026 until 14 June 2027
      Then it is refused: youth_injunction_requires_yot_consultation
      And the refusal advises "Consult the YOT and record it"

    @guard:youth_injunction_requires_yot_consultation
    Scenario: Once the YOT has been consulted the full injunction is recorded
      Given Kyle Minto, who is 16 on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the council applied without notice for an injunction against Kyle Minto on 1 June 2026, because "threats of violence to a neighbour's child"
      And the court granted an interim injunction on 1 June 2026 until 15 June 2026
      And the youth offending team was consulted about Kyle Minto on 8 June 2026
      When the court grants the injunction on 15 June 2026 until 14 June 2027
      Then it is recorded

    @guard:youth_injunction_requires_yot_consultation
    Scenario: A consultation about a Community Protection Warning does not count for an injunction
      Given Kyle Minto, who is 16 on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the youth offending team was consulted about Kyle Minto's Community Protection Warning on 10 May 2026
      When the council applies for an injunction against Kyle Minto on 1 June 2026
      Then it is refused: youth_injunction_requires_yot_consultation
      And the refusal explains "no youth offending team consultation is recorded"

  Rule: An injunction against a person under 18 has a fixed term of no more than 12 months (ASBCPA 2014 s.1(6))

    @guard:youth_injunction_fixed_term
    Scenario Outline: A <age>-year-old's injunction granted on 15 June 2026 <term>
      Given Kyle Minto, who is <age> on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the youth offending team was consulted about Kyle Minto on 15 May 2026
      And the council applied for an injunction against Kyle Minto on 1 June 2026
      When the court grants the injunction on 15 June 2026 <term>
      Then it is <outcome>

      Examples:
        | age | term               | outcome                              |
        | 17  | until 15 June 2027 | recorded                             |
        | 17  | until 16 June 2027 | refused: youth_injunction_fixed_term |
        | 17  | with no end date   | refused: youth_injunction_fixed_term |
        | 18  | with no end date   | recorded                             |
        | 18  | until 15 June 2029 | recorded                             |

    @guard:youth_injunction_fixed_term
    Scenario: The refusal gives the latest lawful end date
      Given Kyle Minto, who is 17 on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the youth offending team was consulted about Kyle Minto on 15 May 2026
      And the council applied for an injunction against Kyle Minto on 1 June 2026
      When the court grants the injunction on 15 June 2026 until 1 September 2027
      Then it is refused: youth_injunction_fixed_term
      And the refusal explains "Expiry 1 Sep 2027 is more than 12 months after the grant"
      And the refusal advises "no later than 15 Jun 2027"

    @timer:injunction_expiry
    Scenario: The injunction's end is tracked
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the council applied for an injunction against Dean Harrow on 1 June 2026
      When the court grants the injunction on 15 June 2026 until 14 June 2027
      Then it is recorded
      And the injunction ends at the end of 14 June 2027

  Rule: Positive requirements name the person who supervises them (ASBCPA 2014 s.3(1))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026

    @guard:positive_requirements_need_supervisor
    Scenario: A positive requirement without a supervisor is refused
      When the council applies for an injunction against Dean Harrow on 1 June 2026 with a positive requirement "attend an alcohol awareness course"
      Then it is refused: positive_requirements_need_supervisor
      And the refusal advises "evidence of suitability and enforceability (s.3(2))"

    @guard:positive_requirements_need_supervisor
    Scenario: A positive requirement with a named supervisor is recorded
      When the council applies for an injunction against Dean Harrow on 1 June 2026 with a positive requirement "attend an alcohol awareness course" supervised by Northshire Recovery Service
      Then it is recorded

    @guard:positive_requirements_need_supervisor
    Scenario: A positive requirement first added at the grant still needs a supervisor
      Given the council applied for an injunction against Dean Harrow on 1 June 2026
      When the court grants the injunction on 15 June 2026 until 14 June 2027, with a positive requirement "attend an alcohol awareness course"
      Then it is refused: positive_requirements_need_supervisor
      And nothing is added to Dean Harrow's case

    @guard:positive_requirements_need_supervisor
    Scenario: A positive requirement first added at the grant, with its supervisor, is part of the injunction
      Given the council applied for an injunction against Dean Harrow on 1 June 2026
      When the court grants the injunction on 15 June 2026 until 14 June 2027, with a positive requirement "attend an alcohol awareness course" supervised by Northshire Recovery Service
      Then it is recorded
      And the injunction requires "attend an alcohol awareness course", supervised by Northshire Recovery Service

  Rule: An application without notice needs a recorded justification (ASBCPA 2014 s.6; Moat Housing v Harris [2005] EWCA Civ 287)

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026

    @guard:without_notice_needs_justification
    Scenario: Without notice and without a reason is refused
      When the council applies without notice for an injunction against Dean Harrow on 1 June 2026
      Then it is refused: without_notice_needs_justification
      And the refusal explains "Without-notice relief is exceptional"

    @guard:without_notice_needs_justification
    Scenario: Without notice with the reason recorded
      When the council applies without notice for an injunction against Dean Harrow on 1 June 2026, because "the victim fears reprisals if Dean is told before the hearing"
      Then it is recorded

  Rule: An interim injunction made without notice may not require participation in particular activities (ASBCPA 2014 s.7)

    @guard:without_notice_interim_no_activities
    Scenario: A without-notice interim injunction with a positive requirement is refused
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the council applied without notice for an injunction against Dean Harrow on 1 June 2026, because "threats to stab a neighbour"
      When the court grants an interim injunction on 1 June 2026, with a positive requirement "attend an anger management course" supervised by Northshire Probation Service
      Then it is refused: without_notice_interim_no_activities

  Rule: An interim injunction lasts only until the hearing of the application: once the court refuses the injunction nothing remains to expire (ASBCPA 2014 s.7(1))

    @timer:injunction_expiry
    Scenario: An interim injunction later refused lists no expiry deadline
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the council applied without notice for an injunction against Dean Harrow on 1 June 2026, because "threats to stab a neighbour"
      And the court granted an interim injunction on 1 June 2026 until 15 June 2026
      Then Dean Harrow's deadlines, soonest first, are:
        | deadline             | due                   | legal basis       |
        | Injunction: expires  | 16 June 2026 at 00:00 | ASBCPA2014 s.1(6) |
      When the court refuses the injunction on 15 June 2026
      Then it is recorded
      And Dean Harrow's deadlines, soonest first, are:
        | deadline | due | legal basis |

  Rule: A power of arrest needs its ground: violence or threatened violence against other persons, or a significant risk of harm to them (ASBCPA 2014 s.4(1))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026

    @guard:power_of_arrest_requires_ground
    Scenario: A power of arrest sought for noise nuisance alone, with no ground, is refused
      When the council applies for an injunction against Dean Harrow on 1 June 2026 with a power of arrest and no ground
      Then it is refused: power_of_arrest_requires_ground
      And the refusal explains "no ground for it is recorded"
      And the refusal advises "power_of_arrest_ground"

    @guard:power_of_arrest_requires_ground
    Scenario: A ground stated without its evidence is refused
      When the council applies for an injunction against Dean Harrow on 1 June 2026 with a power of arrest on the ground "significant_risk_of_harm" and no evidence
      Then it is refused: power_of_arrest_requires_ground
      And the refusal explains "significant risk of harm to other persons from the respondent (s.4(1)(b))"

    @guard:power_of_arrest_requires_ground
    Scenario Outline: A power of arrest sought on the ground of <ground>, with its evidence, is recorded
      When the council applies for an injunction against Dean Harrow on 1 June 2026 with a power of arrest on the ground "<ground>" evidenced by "<evidence>"
      Then it is recorded

      Examples:
        | ground                   | evidence                                              |
        | violence_or_threat       | threatened a neighbour with a bottle on 2 May 2026    |
        | significant_risk_of_harm | police risk assessment of 20 May 2026: high risk      |

    @guard:power_of_arrest_requires_ground
    Scenario: A court attaching a power of arrest the application did not seek must record its ground
      Given the council applied for an injunction against Dean Harrow on 1 June 2026
      When the court grants the injunction on 15 June 2026 until 14 June 2027, with a power of arrest and no ground
      Then it is refused: power_of_arrest_requires_ground

    @guard:power_of_arrest_requires_ground
    Scenario: The ground recorded on the application carries to the grant
      Given the council applied for an injunction against Dean Harrow on 1 June 2026 with a power of arrest on the ground "violence_or_threat" evidenced by "threatened a neighbour with a bottle on 2 May 2026"
      When the court grants the injunction on 15 June 2026 until 14 June 2027, with a power of arrest and no ground
      Then it is recorded

  Rule: A power of arrest is never attached to a requirement to participate in particular activities (ASBCPA 2014 s.4(1))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the council applied for an injunction against Dean Harrow on 1 June 2026 with a power of arrest on the ground "violence_or_threat" evidenced by "threatened a neighbour with a bottle on 2 May 2026"

    @guard:power_of_arrest_not_on_activity_requirement
    Scenario: A power of arrest attached to a requirement to attend a course is refused
      When the court grants the injunction on 15 June 2026 until 14 June 2027, with a power of arrest attached to "attend an anger management course", a requirement to participate in activities supervised by Northshire Probation Service
      Then it is refused: power_of_arrest_not_on_activity_requirement
      And the refusal advises "a warrant (s.10)"

    @guard:power_of_arrest_not_on_activity_requirement
    Scenario: A power of arrest attached to a prohibition is recorded
      When the court grants the injunction on 15 June 2026 until 14 June 2027, with a power of arrest attached to "not to enter Orchard Walk between 22:00 and 07:00 except to go home"
      Then it is recorded
      And the power of arrest is attached to "not to enter Orchard Walk between 22:00 and 07:00 except to go home"

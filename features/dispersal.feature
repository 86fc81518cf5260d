Feature: Dispersal directions
  A constable in uniform may direct a person to leave a locality and not return for up to
  48 hours, but only where an inspector or above has authorised the power for that locality
  and time, and never against a child who appears to be under 10. Neighbourhood teams record
  each direction so that the s.38 record is complete and a later s.39 prosecution can show the
  direction was lawful.

  Background:
    Given Dean Harrow, born 4 May 1990, is the subject of an ASB case

  Rule: No direction to a person who appears to be under 10 (ASBCPA 2014 s.36(1))

    @guard:dispersal_minimum_age
    Scenario Outline: A direction to a person aged <age>
      Given Kyle Minto, who is <age> on 1 June 2026, is the subject of an ASB case
      When a constable directs Kyle Minto to leave Northshire town centre for 24 hours at 1 June 2026 at 20:00, under an authorisation by an inspector
      Then it is <outcome>

      Examples:
        | age | outcome                         |
        | 9   | refused: dispersal_minimum_age |
        | 10  | recorded                        |
        | 15  | recorded                        |
        | 16  | recorded                        |

    @guard:dispersal_minimum_age
    Scenario: The refusal for a young child points to a place of safety
      Given Kyle Minto, who is 9 on 1 June 2026, is the subject of an ASB case
      When a constable directs Kyle Minto to leave Northshire town centre for 24 hours at 1 June 2026 at 20:00, under an authorisation by an inspector
      Then it is refused: dispersal_minimum_age
      And the refusal advises "Take the child home or to a place of safety"

  Rule: The use of the power must be authorised by an inspector or above (ASBCPA 2014 s.34(1))

    @guard:dispersal_requires_inspector_authorisation
    Scenario Outline: A direction under an authorisation by <authoriser>
      When a constable directs Dean Harrow to leave Northshire town centre for 24 hours at 1 June 2026 at 20:00, under an authorisation by <authoriser>
      Then it is <outcome>

      Examples:
        | authoriser          | outcome                                              |
        | a sergeant          | refused: dispersal_requires_inspector_authorisation |
        | an inspector        | recorded                                             |
        | a chief inspector   | recorded                                             |
        | a superintendent    | recorded                                             |
        | a council officer   | refused: dispersal_requires_inspector_authorisation |

  Rule: The exclusion lasts no longer than the maximum in force: 48 hours under the 2014 Act (ASBCPA 2014 s.35(4))

    @guard:dispersal_max_exclusion
    Scenario Outline: An exclusion for <hours> hours
      When a constable directs Dean Harrow to leave Northshire town centre for <hours> hours at 1 June 2026 at 20:00, under an authorisation by an inspector
      Then it is <outcome>

      Examples:
        | hours | outcome                           |
        | 1     | recorded                          |
        | 48    | recorded                          |
        | 49    | refused: dispersal_max_exclusion |
        | 72    | refused: dispersal_max_exclusion |

    @guard:dispersal_max_exclusion
    Scenario: The refusal names the maximum and the rule set
      When a constable directs Dean Harrow to leave Northshire town centre for 72 hours at 1 June 2026 at 20:00, under an authorisation by an inspector
      Then it is refused: dispersal_max_exclusion
      And the refusal explains "72 hours exceeds the 48-hour maximum under asbcpa2014-amended"

    @timer:dispersal_exclusion_end
    Scenario: The exclusion ends after the hours given, counted in real time
      When a constable directs Dean Harrow to leave Northshire town centre for 48 hours at 1 June 2026 at 20:00, under an authorisation by an inspector
      Then the exclusion ends at 3 June 2026 at 20:00

  Rule: A direction is breached only while the exclusion lasts (ASBCPA 2014 ss.35(4), 39)

    Background:
      Given a constable directed Dean Harrow to leave Northshire town centre for 24 hours at 1 June 2026 at 20:00, under an authorisation by an inspector

    @guard:breach_outside_instrument_period
    Scenario Outline: Seen back in the area at <moment>
      When a breach of the dispersal direction by Dean Harrow is recorded on <moment>
      Then it is <outcome>

      Examples:
        | moment                | outcome                                     |
        | 2 June 2026 at 19:00  | recorded                                    |
        | 2 June 2026 at 20:00  | recorded                                    |
        | 2 June 2026 at 20:01  | refused: breach_outside_instrument_period |

    @guard:breach_outside_instrument_period
    Scenario: After the exclusion ended the conduct is an incident, not an offence
      When a breach of the dispersal direction by Dean Harrow is recorded on 3 June 2026 at 09:00
      Then it is refused: breach_outside_instrument_period
      And the refusal explains "The exclusion ended at 2 Jun 2026 20:00 (Tuesday)"
      And the refusal advises "Conduct after the exclusion is not a s.39 offence"

  Rule: Only a constable in uniform, or a PCSO designated with the power, gives a direction (ASBCPA 2014 s.35(1); Police Reform Act 2002)

    Scenario: A PCSO designated by the chief officer gives a direction
      When a PCSO directs Dean Harrow to leave Northshire town centre for 24 hours at 1 June 2026 at 20:00, under an authorisation by an inspector
      Then it is recorded

    @guard:dispersal_given_by_constable
    Scenario: A council officer cannot give a dispersal direction
      When a council officer directs Dean Harrow to leave Northshire town centre for 24 hours at 1 June 2026 at 20:00, under an authorisation by an inspector
      Then it is refused: dispersal_given_by_constable

Feature: Arrest for breach of an injunction, and committal
  When a respondent breaches an injunction, a constable may arrest without warrant only if the
  court attached a power of arrest that is still in force; otherwise the applicant must ask the
  court for a warrant. Once arrested, the person must be brought before a judge within 24
  hours, a clock that stops on Sundays, Good Friday and Christmas Day. Custody sergeants and
  the applicant's legal team use the engine to know whether the arrest is lawful, when the
  person must be before the court, and whether the committal application rests on a recorded
  breach.

  Rule: Arrest without warrant needs a power of arrest attached to the injunction (ASBCPA 2014 ss.4, 9(1))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow is subject to an injunction granted on 1 March 2026 until 28 February 2027
      And Dean Harrow breached the injunction on 10 March 2026 at 22:00

    @guard:arrest_requires_power_of_arrest
    Scenario: No power of arrest, no arrest under one
      When Dean Harrow is arrested under the power of arrest at 10 March 2026 at 22:30
      Then it is refused: arrest_requires_power_of_arrest
      And the refusal advises "Arrest under a warrant (s.10)"

    @guard:arrest_requires_power_of_arrest
    Scenario: An arrest under a warrant does not need a power of arrest
      When Dean Harrow is arrested under a warrant at 12 March 2026 at 07:00
      Then it is recorded
      And the entry cites "ASBCPA2014 ss.9-10"

  Rule: The power of arrest must be in force on the day of the arrest (ASBCPA 2014 s.4(2))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow is subject to an injunction granted on 1 March 2026 until 28 February 2027, with a power of arrest until 31 August 2026

    @guard:arrest_requires_injunction_in_force
    Scenario Outline: An arrest under the power of arrest on <moment>
      Given Dean Harrow breached the injunction on <moment>
      When Dean Harrow is arrested under the power of arrest at <moment>
      Then it is <outcome>

      Examples:
        | moment                    | outcome                                       |
        | 1 March 2026 at 18:00     | recorded                                      |
        | 31 August 2026 at 23:00   | recorded                                      |
        | 1 September 2026 at 00:30 | refused: arrest_requires_injunction_in_force |

    @guard:arrest_requires_injunction_in_force
    Scenario: The refusal names the day the power of arrest ended
      When Dean Harrow is arrested under the power of arrest at 2 September 2026 at 20:00
      Then it is refused: arrest_requires_injunction_in_force
      And the refusal explains "The power of arrest ended on 31 Aug 2026"
      And the refusal advises "Apply for a warrant (s.10)"

    @timer:power_of_arrest_expiry @timer:injunction_expiry
    Scenario: The ends of the power of arrest and of the injunction are tracked separately
      Then the power of arrest ends at the end of 31 August 2026
      And the injunction ends at the end of 28 February 2027

    @guard:instrument_lifecycle @guard:arrest_requires_power_of_arrest @guard:arrest_requires_injunction_in_force
    Scenario: A discharged injunction cannot found an arrest or a breach
      Given the court discharged the injunction on 1 May 2026
      When Dean Harrow is arrested under the power of arrest at 2 May 2026 at 21:00
      Then it is refused: instrument_lifecycle, arrest_requires_power_of_arrest, arrest_requires_injunction_in_force
      When a breach of the injunction by Dean Harrow is recorded on 2 May 2026 at 21:00
      Then it is refused: instrument_lifecycle
      And the refusal explains "The Civil injunction is discharged"

  Rule: A breach can only happen while the injunction binds the respondent (ASBCPA 2014 ss.1(6), 9; CPR 81.4)

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow is subject to an injunction granted on 1 March 2026 until 28 February 2027

    @guard:breach_outside_instrument_period
    Scenario Outline: A breach of the injunction dated <moment>
      When a breach of the injunction by Dean Harrow is recorded on <moment>
      Then it is <outcome>

      Examples:
        | moment                     | outcome                                     |
        | 20 February 2026 at 22:00  | refused: breach_outside_instrument_period |
        | 28 February 2027 at 23:00  | recorded                                    |
        | 1 March 2027 at 00:30      | refused: breach_outside_instrument_period |

    @guard:breach_outside_instrument_period
    Scenario: The refusal names the day the injunction expired
      When a breach of the injunction by Dean Harrow is recorded on 2 March 2027 at 21:00
      Then it is refused: breach_outside_instrument_period
      And the refusal explains "The Civil injunction expired on 28 Feb 2027"
      And the refusal advises "Record the conduct as an incident"

    @guard:breach_outside_instrument_period
    Scenario: Conduct after the application but before the injunction was granted is not a breach
      # The application was made on 22 February 2026; the court granted the injunction on 1 March.
      When a breach of the injunction by Dean Harrow is recorded on 25 February 2026 at 22:00
      Then it is refused: breach_outside_instrument_period

  Rule: The arrested person is brought before a judge within 24 hours, disregarding Christmas Day, Good Friday and Sundays (ASBCPA 2014 s.9(3)-(4))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow is subject to an injunction granted on 1 March 2026 until 28 February 2027, with a power of arrest until 28 February 2027

    @timer:arrest_before_judge
    Scenario: Arrested on the Saturday of Easter, due before a judge on Easter Monday
      Given Dean Harrow breached the injunction on 4 April 2026 at 09:30
      When Dean Harrow is arrested under the power of arrest at 4 April 2026 at 10:00
      Then it is recorded
      And Dean Harrow must be brought before a judge by 6 April 2026 at 10:00
      And on 5 April 2026 at 12:00, the before-a-judge deadline is running

    @timer:arrest_before_judge
    Scenario Outline: Brought before the court at <appearance>
      Given Dean Harrow breached the injunction on 4 April 2026 at 09:30
      And Dean Harrow was arrested under the power of arrest at 4 April 2026 at 10:00
      When Dean Harrow is brought before the court at <appearance>
      Then on 7 April 2026 at 12:00, the before-a-judge deadline is <status>

      Examples:
        | appearance             | status   |
        | 6 April 2026 at 09:45  | met      |
        | 6 April 2026 at 10:30  | met_late |

    @timer:arrest_before_judge
    Scenario: Not brought before a judge in time is overdue, the agency's failure
      Given Dean Harrow breached the injunction on 4 April 2026 at 09:30
      And Dean Harrow was arrested under the power of arrest at 4 April 2026 at 10:00
      Then on 6 April 2026 at 10:01, the before-a-judge deadline is overdue

    @timer:arrest_before_judge
    Scenario: At the very minute the deadline falls due the agency may still meet it
      Given Dean Harrow breached the injunction on 4 April 2026 at 09:30
      And Dean Harrow was arrested under the power of arrest at 4 April 2026 at 10:00
      Then on 6 April 2026 at 10:00, the before-a-judge deadline is running
      And on 6 April 2026 at 10:01, the before-a-judge deadline is overdue

    @timer:arrest_before_judge
    Scenario: Brought before the court at the very minute the deadline falls due is in time
      Given Dean Harrow breached the injunction on 4 April 2026 at 09:30
      And Dean Harrow was arrested under the power of arrest at 4 April 2026 at 10:00
      When Dean Harrow is brought before the court at 6 April 2026 at 10:00
      Then on 7 April 2026 at 12:00, the before-a-judge deadline is met

  Rule: Committal for contempt rests on a recorded breach of the injunction (CPR 81.4; ASBCPA 2014 s.9)

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow is subject to an injunction granted on 1 March 2026 until 28 February 2027, with a power of arrest until 28 February 2027

    @guard:committal_requires_recorded_breach
    Scenario: A committal with no breach on record is refused
      Given Dean Harrow was arrested under the power of arrest at 10 March 2026 at 22:30
      And Dean Harrow was brought before the court at 11 March 2026 at 10:00
      When the court decides the committal application against Dean Harrow on 11 March 2026 at 15:00
      Then it is refused: committal_requires_recorded_breach
      And the refusal advises "Record the breach (breach_recorded on the injunction)"

    @guard:committal_requires_recorded_breach
    Scenario: A committal on a recorded breach is recorded
      Given Dean Harrow breached the injunction on 10 March 2026 at 22:00
      And Dean Harrow was arrested under the power of arrest at 10 March 2026 at 22:30
      And Dean Harrow was brought before the court at 11 March 2026 at 10:00
      When the court decides the committal application against Dean Harrow on 11 March 2026 at 15:00
      Then it is recorded
      And the entry cites "CPR Part 81"

    @guard:instrument_lifecycle
    Scenario: The committal is decided only once the person has been before the court
      Given Dean Harrow breached the injunction on 10 March 2026 at 22:00
      And Dean Harrow was arrested under the power of arrest at 10 March 2026 at 22:30
      When the court decides the committal application against Dean Harrow on 11 March 2026 at 15:00
      Then it is refused: instrument_lifecycle
      And the refusal explains "'committal_decided' is not possible from that state"

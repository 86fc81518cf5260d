Feature: Criminal Behaviour Orders on conviction
  A Criminal Behaviour Order is made by a criminal court, on the prosecution's application,
  only when it convicts the offender, and it sits alongside the sentence. Its requirements, like
  an injunction's, must name who supervises them, and a breach is itself an offence. Police and
  council officers who ask the prosecutor to apply use the engine to keep the order tied to
  the conviction it rests on.

  Background:
    Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
    And Dean Harrow was prosecuted for criminal damage on 1 June 2026

  Rule: A Criminal Behaviour Order is made only on conviction (Sentencing Act 2020 s.331(1)-(3))

    @guard:cbo_requires_conviction
    Scenario: No order while the prosecution is undecided
      When the court makes a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028
      Then it is refused: cbo_requires_conviction
      And the refusal advises "Record the conviction (conviction_recorded) first"

    @guard:cbo_requires_conviction
    Scenario: No order after an acquittal
      Given Dean Harrow was acquitted on 15 June 2026
      When the court makes a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028
      Then it is refused: cbo_requires_conviction

    @guard:cbo_requires_conviction
    Scenario: An order on conviction is recorded
      Given Dean Harrow was convicted on 15 June 2026
      When the court makes a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028
      Then it is recorded
      And the entry cites "SA2020 ss.330-331"

  Rule: Requirements in the order name the person who supervises them (Sentencing Act 2020 s.332)

    Background:
      Given Dean Harrow was convicted on 15 June 2026

    @guard:positive_requirements_need_supervisor
    Scenario: A requirement without a supervisor is refused
      When the court makes a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028, with a requirement "attend a drug rehabilitation programme"
      Then it is refused: positive_requirements_need_supervisor

    @guard:positive_requirements_need_supervisor
    Scenario: A requirement with a named supervisor is recorded
      When the court makes a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028, with a requirement "attend a drug rehabilitation programme" supervised by Northshire Probation Service
      Then it is recorded

  Rule: A court outcome is recorded once; a second one is a correction, not a new outcome (record keeping)

    @guard:instrument_lifecycle
    Scenario: A prosecution already decided cannot be decided again
      Given Dean Harrow was convicted on 15 June 2026
      When the court's conviction of Dean Harrow is recorded again on 16 June 2026
      Then it is refused: instrument_lifecycle
      And the refusal explains "The Prosecution is convicted"

  Rule: Breach of a Criminal Behaviour Order is a criminal offence (Sentencing Act 2020 s.339)

    Scenario: A breach of the order is recorded and may be prosecuted at once
      Given Dean Harrow was convicted on 15 June 2026
      And the court made a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028
      When a breach of the Criminal Behaviour Order by Dean Harrow is recorded on 1 July 2026 at 21:00
      Then it is recorded
      When a prosecution of Dean Harrow for breaching the Criminal Behaviour Order is started on 2 July 2026
      Then it is recorded

    @guard:breach_outside_instrument_period
    Scenario: Conduct after the order expired is not a breach of it
      Given Dean Harrow was convicted on 15 June 2026
      And the court made a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028
      When a breach of the Criminal Behaviour Order by Dean Harrow is recorded on 15 June 2028 at 21:00
      Then it is refused: breach_outside_instrument_period
      And the refusal explains "The Criminal Behaviour Order expired on 14 Jun 2028"

  Rule: For an offender under 18 the prosecution finds out the youth offending team's views before applying (Sentencing Act 2020 s.331(5))

    Background:
      Given Kyle Marsh, born 10 September 2010, is the subject of an ASB case
      And Kyle Marsh was prosecuted for criminal damage on 1 June 2026
      And Kyle Marsh was convicted on 15 June 2026

    @guard:cbo_youth_requires_yot_views
    Scenario: No order against a 15-year-old without the youth offending team's views
      When the court makes a Criminal Behaviour Order against Kyle Marsh on 15 June 2026 until 14 June 2028
      Then it is refused: cbo_youth_requires_yot_views
      And the refusal explains "The offender is 15"
      And the refusal advises "Record the YOT's views"

    @guard:cbo_youth_requires_yot_views
    Scenario: With the youth offending team's views found out first, the order is recorded
      Given the prosecution found out the youth offending team's views about Kyle Marsh on 10 June 2026
      When the court makes a Criminal Behaviour Order against Kyle Marsh on 15 June 2026 until 14 June 2028
      Then it is recorded

  Rule: An order made before 18 is for a fixed 1 to 3 years; an adult's is for at least 2 years or indefinite (Sentencing Act 2020 s.334)

    @guard:cbo_duration
    Scenario Outline: An adult's order <ending>
      Given Dean Harrow was convicted on 15 June 2026
      When the court makes a Criminal Behaviour Order against Dean Harrow on 15 June 2026 <ending>
      Then it is <outcome>

      Examples:
        | ending                  | outcome                   |
        | until 13 June 2028      | refused: cbo_duration     |
        | until 14 June 2028      | recorded                  |
        | with no end date        | recorded                  |

    @guard:cbo_duration
    Scenario Outline: A 15-year-old's order <ending>
      Given Kyle Marsh, born 10 September 2010, is the subject of an ASB case
      And Kyle Marsh was prosecuted for criminal damage on 1 June 2026
      And Kyle Marsh was convicted on 15 June 2026
      And the prosecution found out the youth offending team's views about Kyle Marsh on 10 June 2026
      When the court makes a Criminal Behaviour Order against Kyle Marsh on 15 June 2026 <ending>
      Then it is <outcome>

      Examples:
        | ending                  | outcome                   |
        | until 13 June 2027      | refused: cbo_duration     |
        | until 14 June 2027      | recorded                  |
        | until 14 June 2029      | recorded                  |
        | until 15 June 2029      | refused: cbo_duration     |
        | with no end date        | refused: cbo_duration     |

  Rule: The court varies or discharges the order on the offender's or the prosecution's application (Sentencing Act 2020 s.336)

    Background:
      Given Dean Harrow was convicted on 15 June 2026
      And the court made a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028

    Scenario: A variation on the offender's application is recorded
      When on the offender's application the court varies the Criminal Behaviour Order on 1 March 2027
      Then it is recorded
      And the entry cites "SA2020 s.336"

    @guard:cbo_duration
    Scenario: A variation may not shorten an adult's order below 2 years
      When on the prosecution's application the court varies the Criminal Behaviour Order on 1 March 2027 to end on 1 March 2028
      Then it is refused: cbo_duration
      And the refusal explains "less than 2 years after it was made (15 Jun 2026)"

    @guard:instrument_lifecycle
    Scenario: A discharged order can no longer be breached
      Given on the prosecution's application the court discharged the Criminal Behaviour Order on 1 March 2027
      When a breach of the Criminal Behaviour Order by Dean Harrow is recorded on 2 March 2027 at 21:00
      Then it is refused: instrument_lifecycle
      And the refusal explains "The Criminal Behaviour Order is discharged"

  Rule: An under-18's order is reviewed every 12 months while the offender is under 18 at the end of the period (Sentencing Act 2020 s.337(1)-(2))

    Background:
      Given Kyle Marsh, born 10 September 2010, is the subject of an ASB case
      And Kyle Marsh was prosecuted for criminal damage on 1 June 2026
      And Kyle Marsh was convicted on 15 June 2026
      And the prosecution found out the youth offending team's views about Kyle Marsh on 10 June 2026
      And the court made a Criminal Behaviour Order against Kyle Marsh on 15 June 2026 until 14 June 2029

    @timer:cbo_review
    Scenario: The first review is due within 12 months of the order
      Then the order must be reviewed by the end of 14 June 2027

    @timer:cbo_review
    Scenario: A variation starts a new review period
      Given on the prosecution's application the court varied the Criminal Behaviour Order on 1 March 2027
      Then the order must be reviewed by the end of 29 February 2028

    @timer:cbo_review
    Scenario: After a review the next is due at the end of the next 12 months
      Given the police reviewed the Criminal Behaviour Order on 1 June 2027
      Then Kyle Marsh's deadlines, soonest first, are:
        | deadline                                              | due                        | legal basis         |
        | CBO (offender under 18): review of the order due by   | 15 June 2027 at 00:00 | SA2020 s.337(1)-(2) |
        | CBO (offender under 18): review of the order due by   | 15 June 2028 at 00:00 | SA2020 s.337(1)-(2) |

    @timer:cbo_review
    Scenario: No review falls due for a period at whose end the offender is 18
      Given the police reviewed the Criminal Behaviour Order on 1 June 2027
      And the police reviewed the Criminal Behaviour Order on 1 June 2028
      Then Kyle Marsh's deadlines, soonest first, are:
        | deadline                                              | due                   | legal basis         |
        | CBO (offender under 18): review of the order due by   | 15 June 2027 at 00:00 | SA2020 s.337(1)-(2) |
        | CBO (offender under 18): review of the order due by   | 15 June 2028 at 00:00 | SA2020 s.337(1)-(2) |

  Rule: An adult's order has no statutory review (Sentencing Act 2020 s.337(1))

    Scenario: No review is due for an adult's order
      Given Dean Harrow was convicted on 15 June 2026
      And the court made a Criminal Behaviour Order against Dean Harrow on 15 June 2026 until 14 June 2028
      Then no review of the order is due

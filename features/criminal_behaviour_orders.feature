Feature: Criminal Behaviour Orders on conviction
  A Criminal Behaviour Order is made by a criminal court, on the prosecution's application,
  only when it convicts the offender, and it sits alongside the sentence. Its requirements, like
  an injunction's, must name who supervises them, and a breach is itself an offence. Police and
  council officers who ask the prosecutor to apply use the engine to keep the order tied to
  the conviction it rests on.

  Background:
    Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
    And Dean Harrow was prosecuted for criminal damage on 1 June 2026

  Rule: A Criminal Behaviour Order is made only on conviction (Sentencing Act 2020 s.330)

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

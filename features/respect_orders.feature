Feature: Respect Orders under the Crime and Policing Act 2026
  The 2026 Act inserts Part A1 into the 2014 Act: a Respect Order, made by the county court or
  the High Court on a relevant authority's application, prohibits an adult from doing things
  and may require them to do things under a named supervisor; breaching it is a criminal
  offence, prosecuted like any other. Part A1 is enacted but not commenced, so a deployment
  keeps Respect Orders refused until it switches on the cpa2026 rule set, on the day
  commencement regulations (or a pilot) apply to it.

  Rule: A Respect Order is available only under a rule set in which Part A1 is in force (Crime and Policing Act 2026; commencement regulations)

    @guard:respect_order_not_in_force
    Scenario: Under the 2014 Act as amended a Respect Order is refused, naming the rule set
      Given the deployment runs the 2014 Act as amended
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      When the council applies for a Respect Order against Dean Harrow on 1 June 2026
      Then it is refused: respect_order_not_in_force
      And the refusal explains "not in force under rule set asbcpa2014-amended"
      And the refusal advises "switch on the cpa2026 rule set"

    @guard:respect_order_not_in_force
    Scenario: With the 2026 Act switched on, an application before the Act's date is still refused
      Given the deployment runs the 2026 Act changes switched on
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 March 2026
      When the council applies for a Respect Order against Dean Harrow on 1 April 2026
      Then it is refused: respect_order_not_in_force

    @guard:respect_order_not_in_force
    Scenario: With the 2026 Act switched on, a Respect Order is applied for and made
      Given the deployment runs the 2026 Act changes switched on
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      When the council applies for a Respect Order against Dean Harrow on 1 June 2026
      Then it is recorded
      And the entry cites "ASBCPA2014 Part A1 (inserted by CPA2026)"
      When the court makes the Respect Order on 15 June 2026 until 14 June 2028
      Then it is recorded
      And the Respect Order is granted

  Rule: A Respect Order is for adults only (ASBCPA 2014 Part A1, inserted by the Crime and Policing Act 2026)

    Background:
      Given the deployment runs the 2026 Act changes switched on

    @guard:respect_order_adults_only
    Scenario: A Respect Order against a 17-year-old is refused
      Given Kyle Marsh, born 10 September 2008, is the subject of an ASB case
      And Kyle Marsh had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      When the council applies for a Respect Order against Kyle Marsh on 1 June 2026
      Then it is refused: respect_order_adults_only
      And the refusal explains "The respondent is 17"
      And the refusal advises "civil injunction (ASBCPA2014 s.1)"

    @guard:respect_order_adults_only
    Scenario: On the day he turns 18 a Respect Order may be applied for
      Given Kyle Marsh, born 10 September 2008, is the subject of an ASB case
      And Kyle Marsh had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      When the council applies for a Respect Order against Kyle Marsh on 10 September 2026
      Then it is recorded

  Rule: A Respect Order's requirements name the person who supervises them (ASBCPA 2014 Part A1, inserted by the Crime and Policing Act 2026)

    Background:
      Given the deployment runs the 2026 Act changes switched on
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026

    @guard:respect_order_requirements_need_supervisor
    Scenario: A requirement without a supervisor is refused
      When the council applies for a Respect Order against Dean Harrow on 1 June 2026 with a requirement "attend an alcohol treatment programme"
      Then it is refused: respect_order_requirements_need_supervisor
      And the refusal advises "Name the individual or organisation"

    @guard:respect_order_requirements_need_supervisor
    Scenario: A requirement with its supervisor is recorded
      When the council applies for a Respect Order against Dean Harrow on 1 June 2026 with a requirement "attend an alcohol treatment programme" supervised by Northshire Recovery Service
      Then it is recorded

  Rule: Breach of a Respect Order is a criminal offence, prosecuted in the criminal courts (ASBCPA 2014 Part A1, inserted by the Crime and Policing Act 2026)

    Background:
      Given the deployment runs the 2026 Act changes switched on
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the council applied for a Respect Order against Dean Harrow on 1 June 2026

    @guard:breach_outside_instrument_period @guard:instrument_lifecycle
    Scenario: Conduct before the order is made is not a breach of it
      When a breach of the Respect Order by Dean Harrow is recorded on 10 June 2026 at 21:00
      Then it is refused: instrument_lifecycle, breach_outside_instrument_period
      And the refusal explains "The Respect Order was not in force"

    Scenario: A breach of the order is recorded and prosecuted; the order stays in force
      Given the court made the Respect Order on 15 June 2026 until 14 June 2028
      When a breach of the Respect Order by Dean Harrow is recorded on 1 July 2026 at 21:00
      Then it is recorded
      And the Respect Order is granted
      When a prosecution of Dean Harrow for breaching the Respect Order is started on 2 July 2026
      Then it is recorded

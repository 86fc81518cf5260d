Feature: Erasing a subject's personal data
  A person may ask for their personal data to be erased, and a retention review may find it is
  no longer needed. The log cannot be rewritten, so the subject's personal fields are stored
  encrypted with a key of their own and erasure destroys that key: the case's chronology stays,
  with the subject shown as erased. Erasure waits while the record is still needed as evidence.

  Background:
    Given Kyle Benton, born 12 May 2000, is the subject of an ASB case
    And Kyle Benton had a warning letter, a support referral and a proportionality assessment by 1 May 2026

  Rule: Personal data is not erased while an order or notice is in force or an appeal window is open (UK GDPR Art 17(3)(b),(e); DPA 2018 s.47(2))

    @guard:erasure_under_legal_hold
    Scenario: Erasure is refused while a warning is in force
      Given Kyle Benton was given a Community Protection Warning on 10 May 2026 to comply by 24 May 2026
      When Kyle Benton's personal data is erased on 1 July 2026 at their request
      Then it is refused: erasure_under_legal_hold
      And the refusal advises "Restrict processing instead"

    Scenario: With nothing in force, the erasure is recorded
      When Kyle Benton's personal data is erased on 1 July 2026 at their request
      Then it is recorded

  Rule: A subject's personal data is erased once (UK GDPR Art 17(1))

    @guard:subject_already_erased
    Scenario: A second erasure is refused
      Given Kyle Benton's personal data was erased on 1 July 2026 at their request
      When Kyle Benton's personal data is erased on 2 July 2026 at their request
      Then it is refused: subject_already_erased

  Rule: While processing is restricted, the data is only stored: no step is taken on it except evidence, legal claims, erasure or lifting the restriction (UK GDPR Art 18(1)-(2); DPA 2018 s.47(2))

    @guard:processing_restricted
    Scenario: Closing the case is refused while the subject contests the record
      Given Kyle Benton's processing was restricted on 1 June 2026 because "The subject contests the incident dates"
      When Kyle Benton's pathway is closed as resolved on 10 June 2026
      Then it is refused: processing_restricted
      And the refusal explains "restricted since 1 Jun 2026"
      And the refusal advises "Lift the restriction"

    Scenario: The restriction is lifted once its ground is resolved
      Given Kyle Benton's processing was restricted on 1 June 2026 because "The subject contests the incident dates"
      When the restriction of Kyle Benton's processing is lifted on 12 June 2026 because "Dates checked against the CAD log and confirmed"
      Then it is recorded

    @guard:no_restriction_to_lift
    Scenario: Lifting a restriction that is not in force is refused
      When the restriction of Kyle Benton's processing is lifted on 12 June 2026 because "Dates checked against the CAD log and confirmed"
      Then it is refused: no_restriction_to_lift

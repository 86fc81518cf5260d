Feature: Opening, closing and reopening a pathway
  A pathway is closed when the behaviour has stopped or the person has been supported. The
  partnership wants closure to mean something: new enforcement against the same person is not
  recorded on a closed pathway until someone reopens it and says why, so a court can see when and
  why the case came back. Facts about orders already made (a payment, a court's decision) are
  still recorded after closure, so nothing that happened is lost.

  Background:
    Given Kyle Benton, born 12 May 2010, is the subject of an ASB case
    And Kyle Benton had a warning letter, a support referral and a proportionality assessment by 1 May 2026
    And Kyle Benton's pathway was closed as resolved on 1 June 2026

  Rule: New enforcement is recorded only on an open pathway (case management)

    @guard:pathway_is_closed
    Scenario: A warning on a closed pathway is refused until the pathway is reopened
      When Kyle Benton is given a Community Protection Warning on 10 June 2026 to comply by 24 June 2026
      Then it is refused: pathway_is_closed
      And the refusal advises "Reopen the pathway"

    Scenario: After reopening with a reason, the warning is recorded
      Given Kyle Benton's pathway was reopened on 9 June 2026 because "Fresh reports of gate damage from residents"
      When Kyle Benton is given a Community Protection Warning on 10 June 2026 to comply by 24 June 2026
      Then it is recorded

  Rule: Only a closed pathway can be reopened (case management)

    @guard:pathway_reopen_needs_closed_pathway
    Scenario: Reopening an open pathway is refused
      Given Kyle Benton's pathway was reopened on 9 June 2026 because "Fresh reports of gate damage from residents"
      When Kyle Benton's pathway is reopened on 10 June 2026 because "Asked twice by mistake today"
      Then it is refused: pathway_reopen_needs_closed_pathway

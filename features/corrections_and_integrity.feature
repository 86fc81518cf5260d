Feature: Corrections and the integrity of the record
  A case file ends up in front of a judge. Nothing in it may be silently changed: a mistake is
  put right by a new entry that names the entry it corrects and why, and every entry is sealed
  and chained to the one before it so that tampering with the stored log is detected and
  located. Every entry says who recorded it, for which agency, in what role, on what legal
  basis and under which rule set. Legal teams and information governance leads rely on these
  properties when they certify a chronology.

  Background:
    Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
    And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 20 February 2026

  Rule: A correction is a new entry; the entry it corrects stays as it was (record keeping)

    Scenario: Correcting an entry adds a correction and leaves the original untouched
      When the officer corrects entry 2 of Dean Harrow's case on 21 February 2026 to read "warning letter hand-delivered, not posted", because "the letter was delivered by hand by PC Ames"
      Then it is recorded
      And entry 2 of Dean Harrow's case is unchanged
      And entry 5 of Dean Harrow's case corrects entry 2, because "the letter was delivered by hand by PC Ames"

    Scenario: A correction must name an entry that exists
      When the officer corrects entry 9 of Dean Harrow's case on 21 February 2026 to read "anything", because "a mistaken correction"
      Then it is rejected because "corrected_version" must name an existing entry (1..4)

    Scenario: A correction must give a reason of substance
      When the officer corrects entry 2 of Dean Harrow's case on 21 February 2026 to read "posted", because "typo"
      Then it is rejected because "reason" String should have at least 10 characters

  Rule: Each thing done is entered once: an id already used names an existing entry (Civil Evidence Act 1995 s.9)
    A step that creates something under an id (an instrument, a referral, an intervention, a
    consultation, an assessment, an override, the link of an incident) is refused if the id
    already names an entry of the case, so a retried or repeated request never puts a second
    entry into a chronology. A new thing needs a new id.

    @guard:duplicate_entry
    Scenario: A home visit recorded again under the same id is refused
      Given the officer recorded a home visit for Dean Harrow on 21 February 2026 under id "visit-1"
      When the officer records a home visit for Dean Harrow on 22 February 2026 under id "visit-1"
      Then it is refused: duplicate_entry
      And the refusal explains "already names entry 5"
      And the refusal advises "give a new intervention_id"
      And nothing is added to Dean Harrow's case

    @guard:duplicate_entry
    Scenario: A second home visit under its own id is recorded
      Given the officer recorded a home visit for Dean Harrow on 21 February 2026 under id "visit-1"
      When the officer records a home visit for Dean Harrow on 22 February 2026 under id "visit-2"
      Then it is recorded

    @guard:duplicate_entry
    Scenario: The same incident linked twice is refused
      Given a further incident of loud music by Dean Harrow happened on 21 February 2026 at 23:00
      When the officer links that incident to Dean Harrow's case again on 22 February 2026
      Then it is refused: duplicate_entry
      And the refusal explains "is already linked to this pathway"
      And nothing is added to Dean Harrow's case

  Rule: Every entry says who recorded it, when, on what basis and under which law (DPA 2018 s.62 logging; design)

    Scenario: The entry of a warning records its author, agency, role, legal basis and rule set
      When Dean Harrow is given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      Then it is recorded
      And the entry records who made it: "a.okafor" of "Northshire Council", as "officer"
      And the entry cites "ASBCPA2014 s.43(5)(a)"
      And the entry records that rule set "asbcpa2014-amended" decided it

    Scenario: A step dated in the future is rejected
      Given it is now 1 March 2026 at 10:00
      When an officer records, at that moment, a home visit to Dean Harrow dated 2 March 2026 at 10:00
      Then it is rejected because "occurred_at" must not be in the future

    Scenario: A refused or rejected step leaves no trace in the case
      When an ASB officer authorises departing from "lesser_measures_skipped" for the Community Protection Warning on 28 February 2026, because "urgent: threats to a neighbour"
      Then it is refused: override_requires_supervisor
      And nothing is added to Dean Harrow's case
      When Dean Harrow is given a Community Protection Notice on 25 March 2026 without any warning
      Then it is rejected because "warning_id" required
      And nothing is added to Dean Harrow's case

  Rule: Every entry is sealed and chained to the one before it, and the stored log can be verified (design: integrity chain)

    Scenario: The chain of a case is intact and the stored log verifies
      Then each entry of Dean Harrow's case is sealed and chained to the one before
      And the stored log verifies as intact

    Scenario: An entry edited directly in the database is detected and located
      When someone edits entry 2 of Dean Harrow's case directly in the database, changing "warning_letter" to "home_visit"
      Then verification reports entry 2 of Dean Harrow's case as "modified"

    Scenario: An entry deleted directly from the database is detected and located
      When someone deletes entry 4 of Dean Harrow's case directly in the database
      Then verification reports entry 4 of Dean Harrow's case as "missing"

    Scenario: The case rebuilt from its entries alone is the case the engine holds
      Given Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      Then Dean Harrow's case rebuilt from its entries alone matches the case the engine holds

    Scenario: Deadlines are the same whether the case is read from memory or rebuilt from the stored log
      # A 48-hour exclusion from 20:00 on Saturday 28 March 2026 spans the night the clocks go
      # forward: the engine's answer must not depend on how it last loaded the case.
      Given a constable directed Dean Harrow to leave Northshire town centre for 48 hours at 28 March 2026 at 20:00, under an authorisation by an inspector
      Then Dean Harrow's deadlines are the same when the case is rebuilt from the stored log

  Rule: Two people recording on the same case at once cannot both decide on a stale view (design: optimistic concurrency)

    Scenario: The second of two officers working from the same version is told to reload
      When two officers both read Dean Harrow's case at version 4 and each records a home visit
      Then the first officer's entry is recorded as entry 5
      And the second officer is told that the case is now at version 5

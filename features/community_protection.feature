Feature: Community Protection Warnings and Notices
  Council ASB officers, police constables and designated housing officers use Community
  Protection Notices to stop persistent, unreasonable conduct that spoils the quality of life
  of people nearby. A notice that skips a statutory step is quashed on appeal and cannot found
  a prosecution, so the engine holds officers to the sequence Parliament set in Part 4
  Chapter 1 of the Anti-social Behaviour, Crime and Policing Act 2014: a written warning
  first, enough time to comply, conduct that carries on regardless, a person aged 16 or over,
  and an appeal to the magistrates within 21 days.

  Rule: A warning or a notice is given only to a person aged 16 or over (ASBCPA 2014 s.43(1))

    @guard:cpw_minimum_age
    Scenario Outline: A Community Protection Warning to a person aged <age>
      Given Kyle Minto, who is <age> on 1 June 2026, is the subject of an ASB case
      And Kyle Minto was sent a warning letter on 1 May 2026
      When Kyle Minto is given a Community Protection Warning on 1 June 2026 to comply by 15 June 2026
      Then it is <outcome>

      Examples:
        | age | outcome                   |
        | 9   | refused: cpw_minimum_age |
        | 10  | refused: cpw_minimum_age |
        | 15  | refused: cpw_minimum_age |
        | 16  | recorded                  |
        | 17  | recorded                  |
        | 18  | recorded                  |

    @guard:cpw_minimum_age
    Scenario: The day before the 16th birthday the warning is refused, and the refusal says when it becomes possible
      Given Kyle Minto, born 15 June 2010, is the subject of an ASB case
      And Kyle Minto was sent a warning letter on 1 May 2026
      When Kyle Minto is given a Community Protection Warning on 14 June 2026 to comply by 30 June 2026
      Then it is refused: cpw_minimum_age
      And the refusal explains "The subject is 15"
      And the refusal advises "Not available before 15 Jun 2026 (their 16th birthday)"
      And the refusal by cpw_minimum_age cites "ASBCPA2014 s.43(1)"
      And nothing is added to Kyle Minto's case

    @guard:cpw_minimum_age
    Scenario: On the 16th birthday the warning may be given
      Given Kyle Minto, born 15 June 2010, is the subject of an ASB case
      And Kyle Minto was sent a warning letter on 1 May 2026
      When Kyle Minto is given a Community Protection Warning on 15 June 2026 to comply by 30 June 2026
      Then it is recorded

    @guard:cpw_minimum_age
    Scenario: Without a date of birth the warning cannot be shown to be lawful
      Given Kyle Minto, whose date of birth is not recorded, is the subject of an ASB case
      And Kyle Minto was sent a warning letter on 1 May 2026
      When Kyle Minto is given a Community Protection Warning on 1 June 2026 to comply by 15 June 2026
      Then it is refused: cpw_minimum_age
      And the refusal explains "date of birth is not recorded"
      And the refusal advises "Record the subject's date of birth"

    @guard:cpw_minimum_age
    Scenario: Age is judged on the London calendar day, whatever time zone the recording device uses
      # 00:30 on 15 June 2026 in London is 23:30 on 14 June in UTC. Kyle is 16 in London.
      Given Kyle Minto, born 15 June 2010, is the subject of an ASB case
      And Kyle Minto was sent a warning letter on 1 May 2026
      When Kyle Minto is given a Community Protection Warning at 00:30 on 15 June 2026, sent by a device that reports UTC, to comply by 30 June 2026
      Then it is recorded

    @guard:cpn_minimum_age
    Scenario: A notice is not among the next steps for a 15-year-old
      Given Kyle Minto, who is 15 on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      Then on 1 June 2026, "Issue a Community Protection Notice" is not possible for Kyle Minto because of cpn_minimum_age
      And on 1 June 2026, "Issue a Community Protection Warning" is not possible for Kyle Minto because of cpw_minimum_age

  Rule: A notice needs a prior written warning about the same conduct (ASBCPA 2014 s.43(5)(a))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 20 February 2026
      And Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      And a further incident of loud music by Dean Harrow happened on 20 March 2026 at 23:00

    @guard:cpn_requires_prior_warning
    Scenario: A notice about the conduct the warning named is issued
      When Dean Harrow is given a Community Protection Notice on 25 March 2026
      Then it is recorded
      And the entry cites "ASBCPA2014 s.43"
      And the entry records that rule set "asbcpa2014-amended" decided it

    @guard:cpn_requires_prior_warning
    Scenario: A notice about conduct the warning did not name is refused
      When Dean Harrow is given a Community Protection Notice about "leaving rubbish on the stairwell" on 25 March 2026
      Then it is refused: cpn_requires_prior_warning
      And the refusal explains "was about 'playing loud music late at night'"
      And the refusal advises "warn about new conduct first"

    @guard:cpn_requires_prior_warning
    Scenario: Without any warning a notice is not among the next steps
      Given Jade Pollard, born 2 February 1995, is the subject of an ASB case
      And Jade Pollard had a warning letter, a support referral and a proportionality assessment by 20 February 2026
      Then on 25 March 2026, "Issue a Community Protection Notice" is not possible for Jade Pollard because of cpn_requires_prior_warning

  Rule: A notice may narrow the conduct the warning named, never widen it (ASBCPA 2014 s.43(5)(a))
    A warning names the behaviour it is about in the incident categories' words (noise,
    verbal abuse, ...) as well as in free text. The notice that follows it may address some of
    those behaviours, in its own words; it may not add a behaviour the person was never warned
    about. Warnings recorded before categories were kept are compared by their words.

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 20 February 2026
      And Dean Harrow was given a Community Protection Warning about behaviour "noise, verbal abuse" on 1 March 2026 to comply by 15 March 2026

    @guard:cpn_requires_prior_warning @guard:cpn_requires_continuing_conduct
    Scenario: A notice about one of the warned behaviours, in its own words, is issued
      Given a further "Noise" incident by Dean Harrow happened on 20 March 2026 at 23:00
      When Dean Harrow is given a Community Protection Notice about behaviour "noise" in the words "amplified music after 23:00" on 25 March 2026
      Then it is recorded

    @guard:cpn_requires_prior_warning
    Scenario: A notice adding a behaviour the warning did not name is refused
      Given a further "Noise" incident by Dean Harrow happened on 20 March 2026 at 23:00
      When Dean Harrow is given a Community Protection Notice about behaviour "noise, graffiti" in the words "music and tagging" on 25 March 2026
      Then it is refused: cpn_requires_prior_warning
      And the refusal explains "this notice adds graffiti"
      And the refusal advises "never widen it"
      And nothing is added to Dean Harrow's case

    @guard:cpn_requires_continuing_conduct
    Scenario: Only an incident of a behaviour the notice addresses shows the conduct continued
      Given a further "Graffiti" incident by Dean Harrow happened on 20 March 2026 at 23:00
      When Dean Harrow is given a Community Protection Notice about behaviour "noise" in the words "amplified music after 23:00" on 25 March 2026
      Then it is refused: cpn_requires_continuing_conduct
      And the refusal explains "No incident of noise is linked to this pathway after 16 Mar 2026 00:00"

    Scenario: A link to an incident that does not exist is rejected and cannot unlock a notice
      When an incident id that no incident has is linked to Dean Harrow's case on 20 March 2026
      Then it is rejected because "incident_id" no incident with id
      And nothing is added to Dean Harrow's case
      When Dean Harrow is given a Community Protection Notice about behaviour "noise" in the words "amplified music after 23:00" on 25 March 2026
      Then it is refused: cpn_requires_continuing_conduct

    Scenario: A link takes the incident's time from the incident, and a different time is rejected
      When a "Noise" incident of 20 March 2026 at 23:00 is linked to Dean Harrow's case, said to have happened on 21 March 2026 at 23:00
      Then it is rejected because "incident_occurred_at" it is taken from the incident
      And nothing is added to Dean Harrow's case

  Rule: The warning must allow enough time to comply before a notice (ASBCPA 2014 s.43(5)(b))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 20 February 2026

    @guard:cpn_before_warning_deadline @timer:cpw_compliance
    Scenario: A notice while the time to comply is still running is refused, with the earliest date
      Given Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      And a further incident of loud music by Dean Harrow happened on 10 March 2026 at 23:00
      When Dean Harrow is given a Community Protection Notice on 15 March 2026 at 18:00
      Then it is refused: cpn_before_warning_deadline, cpn_requires_continuing_conduct
      And the refusal explains "The warning gives until 16 Mar 2026 00:00 (Monday) to comply"
      And the refusal says it may be done from 16 March 2026 at 00:00
      And the warning's time to comply ends at 16 March 2026 at 00:00

    @guard:cpn_before_warning_deadline
    Scenario Outline: A notice on <day>, with conduct continuing on 16 March 2026 at 01:00
      Given Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      And a further incident of loud music by Dean Harrow happened on 16 March 2026 at 01:00
      When Dean Harrow is given a Community Protection Notice on <day>
      Then it is <outcome>

      Examples:
        | day                      | outcome                                                                |
        | 15 March 2026 at 23:59   | refused: cpn_before_warning_deadline, cpn_requires_continuing_conduct |
        | 16 March 2026 at 09:00   | recorded                                                               |

    @timer:cpw_compliance
    Scenario: The warning's time to comply is shown as running, then ended
      Given Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      Then on 15 March 2026 at 12:00, the warning compliance deadline is running
      And on 16 March 2026 at 12:00, the warning compliance deadline is ended

  Rule: The conduct must have carried on after the time to comply (ASBCPA 2014 s.43(5)(b)-(c))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 20 February 2026
      And Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026

    @guard:cpn_requires_continuing_conduct
    Scenario: No incident after the deadline means no notice
      When Dean Harrow is given a Community Protection Notice on 25 March 2026
      Then it is refused: cpn_requires_continuing_conduct
      And the refusal explains "No incident is linked to this pathway after 16 Mar 2026 00:00"
      And the refusal says it may be done from 16 March 2026 at 00:00

    @guard:cpn_requires_continuing_conduct
    Scenario: An incident during the warning period does not show the conduct continued
      Given a further incident of loud music by Dean Harrow happened on 10 March 2026 at 23:00
      When Dean Harrow is given a Community Protection Notice on 25 March 2026
      Then it is refused: cpn_requires_continuing_conduct

    @guard:cpn_requires_continuing_conduct
    Scenario: An incident after the deadline shows the conduct continued
      Given a further incident of loud music by Dean Harrow happened on 20 March 2026 at 23:00
      Then on 25 March 2026, "Issue a Community Protection Notice" is possible for Dean Harrow
      When Dean Harrow is given a Community Protection Notice on 25 March 2026
      Then it is recorded

  Rule: A notice may set its own time to comply with its requirements (ASBCPA 2014 s.43(8))

    @timer:cpn_compliance
    Scenario: The notice's own time to comply is tracked
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow had a warning letter, a support referral and a proportionality assessment by 20 February 2026
      And Dean Harrow was given a Community Protection Warning on 1 March 2026 to comply by 15 March 2026
      And a further incident of loud music by Dean Harrow happened on 20 March 2026 at 23:00
      When Dean Harrow is given a Community Protection Notice on 25 March 2026, to comply by 8 April 2026
      Then it is recorded
      And the notice's time to comply ends at 9 April 2026 at 00:00

  Rule: An appeal to the magistrates lies within 21 days beginning with the day of issue (ASBCPA 2014 s.46(2))

    Background:
      Given Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a Community Protection Notice on 1 June 2026 after an unheeded warning

    @guard:cpn_appeal_out_of_time @timer:cpn_appeal_window
    Scenario Outline: An appeal lodged on <day>
      When Dean Harrow appeals against the Community Protection Notice on <day>
      Then it is <outcome>
      And the last day to appeal against the notice is 21 June 2026

      Examples:
        | day                    | outcome                          |
        | 1 June 2026 at 12:00   | recorded                         |
        | 21 June 2026 at 23:59  | recorded                         |
        | 22 June 2026 at 00:00  | refused: cpn_appeal_out_of_time |
        | 30 June 2026 at 10:00  | refused: cpn_appeal_out_of_time |

    @timer:cpn_appeal_window
    Scenario: Lodging an appeal in time meets the appeal window
      When Dean Harrow appeals against the Community Protection Notice on 10 June 2026
      Then on 30 June 2026, the appeal deadline is met

    @guard:instrument_lifecycle
    Scenario: A notice already under appeal is not appealed again
      Given Dean Harrow appealed against the Community Protection Notice on 5 June 2026
      When Dean Harrow appeals against the Community Protection Notice on 8 June 2026
      Then it is refused: instrument_lifecycle
      And the refusal explains "The Community Protection Notice is appeal pending"

    @guard:instrument_lifecycle
    Scenario: A notice quashed on appeal can no longer be breached
      Given Dean Harrow appealed against the Community Protection Notice on 5 June 2026
      And the magistrates quashed the Community Protection Notice on 20 June 2026
      When a breach of the Community Protection Notice by Dean Harrow is recorded on 25 June 2026 at 23:00
      Then it is refused: instrument_lifecycle
      And the refusal explains "The Community Protection Notice is quashed"

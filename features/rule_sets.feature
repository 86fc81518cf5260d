Feature: Rule sets: which law decided each step
  The Crime and Policing Act 2026 received Royal Assent on 29 April 2026, but its changes to
  anti-social behaviour powers (a £500 fixed penalty maximum, a 72-hour window for the closure
  hearing, a 72-hour dispersal exclusion) wait for commencement regulations. A deployment keeps
  the 2014 Act as amended until it switches the 2026 rule set on, for example for a pilot area.
  The rule set in force is chosen by when the step happened, not when it was typed in, and
  every entry names the rule set that decided it, so a court can see which law was applied.

  Rule: The fixed penalty maximum: £100 under the 2014 Act, £500 under the 2026 Act (ASBCPA 2014 s.52(7); Crime and Policing Act 2026)

    @guard:fpn_amount_cap
    Scenario Outline: A £<amount> fixed penalty on 2 June 2026 under <rule book>
      Given the deployment runs <rule book>
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a Community Protection Notice on 15 May 2026 after an unheeded warning
      And Dean Harrow failed to comply with the Community Protection Notice on 1 June 2026 at 23:00
      When Dean Harrow is given a fixed penalty notice of £<amount> on 2 June 2026
      Then it is <outcome>
      And the decision names rule set "<rule set>"

      Examples:
        | rule book                          | amount | outcome                 | rule set           |
        | the 2014 Act as amended            | 100    | recorded                | asbcpa2014-amended |
        | the 2014 Act as amended            | 150    | refused: fpn_amount_cap | asbcpa2014-amended |
        | the 2014 Act as amended            | 500    | refused: fpn_amount_cap | asbcpa2014-amended |
        | the 2026 Act changes switched on   | 100    | recorded                | cpa2026            |
        | the 2026 Act changes switched on   | 150    | recorded                | cpa2026            |
        | the 2026 Act changes switched on   | 500    | recorded                | cpa2026            |
        | the 2026 Act changes switched on   | 501    | refused: fpn_amount_cap | cpa2026            |

    @guard:fpn_amount_cap
    Scenario: A step dated before 29 April 2026 is decided under the 2014 Act even where the 2026 Act is switched on
      Given the deployment runs the 2026 Act changes switched on
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a Community Protection Notice on 1 April 2026 after an unheeded warning
      And Dean Harrow failed to comply with the Community Protection Notice on 15 April 2026 at 23:00
      And it is now 1 July 2026
      When Dean Harrow is given a fixed penalty notice of £150 on 20 April 2026
      Then it is refused: fpn_amount_cap
      And the decision names rule set "asbcpa2014-amended"

    @guard:fpn_amount_cap
    Scenario Outline: A £150 fixed penalty at <moment>, either side of the 2026 Act's first instant (midnight, London time)
      Given the deployment runs the 2026 Act changes switched on
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a Community Protection Notice on 1 April 2026 after an unheeded warning
      And Dean Harrow failed to comply with the Community Protection Notice on 15 April 2026 at 23:00
      When Dean Harrow is given a fixed penalty notice of £150 on <moment>
      Then it is <outcome>
      And the decision names rule set "<rule set>"

      Examples:
        | moment                    | outcome                 | rule set           |
        | 28 April 2026 at 23:59    | refused: fpn_amount_cap | asbcpa2014-amended |
        | 29 April 2026 at 00:00    | recorded                | cpa2026            |

  Rule: The closure hearing window: 48 hours under the 2014 Act, 72 hours under the 2026 Act (ASBCPA 2014 s.80(3)-(4); Crime and Policing Act 2026)

    @guard:closure_order_hearing_window @timer:closure_hearing
    Scenario Outline: A notice served on 1 June 2026 at 18:00, hearing at <hearing>, under <rule book>
      Given the deployment runs <rule book>
      And 14 Orchard Walk is premises causing concern
      And 14 Orchard Walk had a support referral for its occupier, an environmental measure and a proportionality assessment by 1 May 2026
      And an inspector issued a 24-hour closure notice for 14 Orchard Walk served at 1 June 2026 at 18:00
      When the application for a closure order is made at 2 June 2026 at 09:00 for a hearing at <hearing>
      Then it is <outcome>
      And the decision names rule set "<rule set>"
      And the closure order application must be heard by <heard by>

      Examples:
        | rule book                          | hearing               | outcome                                 | rule set           | heard by              |
        | the 2014 Act as amended            | 3 June 2026 at 18:00  | recorded                                | asbcpa2014-amended | 3 June 2026 at 18:00  |
        | the 2014 Act as amended            | 4 June 2026 at 10:00  | refused: closure_order_hearing_window | asbcpa2014-amended | 3 June 2026 at 18:00  |
        | the 2026 Act changes switched on   | 4 June 2026 at 10:00  | recorded                                | cpa2026            | 4 June 2026 at 18:00  |
        | the 2026 Act changes switched on   | 4 June 2026 at 18:01  | refused: closure_order_hearing_window | cpa2026            | 4 June 2026 at 18:00  |

  Rule: The dispersal exclusion maximum: 48 hours under the 2014 Act, 72 hours under the 2026 Act (ASBCPA 2014 s.35(4); Crime and Policing Act 2026)

    @guard:dispersal_max_exclusion @timer:dispersal_exclusion_end
    Scenario Outline: A 60-hour exclusion on 1 June 2026 under <rule book>
      Given the deployment runs <rule book>
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      When a constable directs Dean Harrow to leave Northshire town centre for 60 hours at 1 June 2026 at 20:00, under an authorisation by an inspector
      Then it is <outcome>
      And the decision names rule set "<rule set>"

      Examples:
        | rule book                          | outcome                           | rule set           |
        | the 2014 Act as amended            | refused: dispersal_max_exclusion | asbcpa2014-amended |
        | the 2026 Act changes switched on   | recorded                          | cpa2026            |

  Rule: The age limits are the same under both Acts: 16 for a warning or notice, 10 for an injunction (ASBCPA 2014 s.43(1), s.1(1); Crime and Policing Act 2026)

    @guard:cpw_minimum_age
    Scenario Outline: A Community Protection Warning to a person aged <age> under <rule book>
      Given the deployment runs <rule book>
      And Kyle Minto, who is <age> on 1 June 2026, is the subject of an ASB case
      And Kyle Minto was sent a warning letter on 1 May 2026
      When Kyle Minto is given a Community Protection Warning on 1 June 2026 to comply by 15 June 2026
      Then it is <outcome>
      And the decision names rule set "<rule set>"

      Examples:
        | rule book                        | age | outcome                   | rule set           |
        | the 2014 Act as amended          | 15  | refused: cpw_minimum_age | asbcpa2014-amended |
        | the 2014 Act as amended          | 16  | recorded                  | asbcpa2014-amended |
        | the 2026 Act changes switched on | 15  | refused: cpw_minimum_age | cpa2026            |
        | the 2026 Act changes switched on | 16  | recorded                  | cpa2026            |

    @guard:injunction_minimum_age
    Scenario Outline: An injunction application against a person aged <age> under <rule book>
      Given the deployment runs <rule book>
      And Kyle Minto, who is <age> on 1 June 2026, is the subject of an ASB case
      And Kyle Minto had a warning letter, a support referral and a proportionality assessment by 1 May 2026
      And the youth offending team was consulted about Kyle Minto on 15 May 2026
      When the council applies for an injunction against Kyle Minto on 1 June 2026
      Then it is <outcome>
      And the decision names rule set "<rule set>"

      Examples:
        | rule book                        | age | outcome                          | rule set           |
        | the 2014 Act as amended          | 9   | refused: injunction_minimum_age | asbcpa2014-amended |
        | the 2014 Act as amended          | 10  | recorded                         | asbcpa2014-amended |
        | the 2026 Act changes switched on | 9   | refused: injunction_minimum_age | cpa2026            |
        | the 2026 Act changes switched on | 10  | recorded                         | cpa2026            |

  Rule: Every entry names the rule set that decided it (design: versioned, effective-dated policy)

    Scenario: Entries either side of 29 April 2026 name different rule sets
      Given the deployment runs the 2026 Act changes switched on
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was sent a warning letter on 28 April 2026
      And Dean Harrow was given a verbal warning on 29 April 2026 at 09:00
      Then entry 2 of Dean Harrow's case names rule set "asbcpa2014-amended"
      And entry 3 of Dean Harrow's case names rule set "cpa2026"

    Scenario: Without the switch, the 2026 Act is not applied to any entry
      Given the deployment runs the 2014 Act as amended
      And Dean Harrow, born 4 May 1990, is the subject of an ASB case
      And Dean Harrow was given a verbal warning on 1 July 2026
      Then entry 2 of Dean Harrow's case names rule set "asbcpa2014-amended"

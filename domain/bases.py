"""Legal bases shared by steps and guards: named guidance where no statute governs, and the
provision of each instrument where one step or guard serves several powers.
"""

from __future__ import annotations

from domain.instruments import Kind

#: Named guidance cited where no statute governs a step.
GUIDANCE = "ASB statutory guidance for frontline professionals (Home Office, 2023)"
#: Who may authorise a departure from guidance: the guidance itself, applied through the
#: agency's scheme of delegation (the statute is silent).
OVERRIDE_BASIS = GUIDANCE + "; the agency's scheme of delegation"
#: Records are kept accurate by new entries, never by editing old ones.
RECORD_BASIS = "DPA 2018 s.38(1) (accuracy); UK GDPR Art 5(1)(d)"
#: Opening and closing a case: the partnership duty, and keeping the record accurate.
CASE_BASIS = "CDA 1998 s.17; DPA 2018 s.38(1)"
PROBLEM_SOLVING_BASIS = "CDA 1998 s.17; " + GUIDANCE + " (problem-solving)"

#: Each instrument whose breach is an offence or a contempt, with its own provision.
BREACH_BASES: tuple[tuple[Kind, str], ...] = (
    (Kind.CPN, "ASBCPA2014 s.48(1)"),
    (Kind.INJUNCTION, "ASBCPA2014 s.9(1); CPR Part 81"),
    (Kind.DISPERSAL, "ASBCPA2014 s.39(1)"),
    (Kind.CBO, "SA2020 s.339(1)"),
)
BREACH_BASIS = ("ASBCPA2014 s.48(1) (CPN), s.9(1) (injunction), s.39(1) (dispersal); "
                "SA2020 s.339(1) (CBO)")
PROSECUTION_BASES: tuple[tuple[Kind, str], ...] = (
    (Kind.CPN, "ASBCPA2014 s.48(1)"),
    (Kind.FPN, "ASBCPA2014 ss.48(1), 52(3)"),
    (Kind.DISPERSAL, "ASBCPA2014 s.39(1)"),
    (Kind.CBO, "SA2020 s.339(1)"),
)
PROSECUTION_BASIS = ("ASBCPA2014 s.48(1) (CPN), s.39(1) (dispersal); SA2020 s.339(1) (CBO); "
                     "Magistrates' Courts Act 1980 s.127")
#: A consultation's basis is the duty of the step it is for.
CONSULTATION_BASES: tuple[tuple[str, str], ...] = (
    ("injunction_applied", "ASBCPA2014 s.14(1)"),
    ("injunction_varied", "ASBCPA2014 s.14(3)"),
    ("injunction_discharged", "ASBCPA2014 s.14(3)"),
    ("cpn_issued", "ASBCPA2014 s.43(6)"),
    ("closure_notice_issued", "ASBCPA2014 s.76(7)"),
    ("closure_order_extended", "ASBCPA2014 s.82(3)"),
)

#: What binds the subject, and for how long, for each instrument a breach may concern.
IN_FORCE: dict[Kind, str] = {
    Kind.CPN: "ASBCPA2014 ss.43(3), 48(1)",
    Kind.INJUNCTION: "ASBCPA2014 s.1(6)",
    Kind.DISPERSAL: "ASBCPA2014 ss.35(4), 39(1)",
    Kind.CBO: "SA2020 s.339(1)",
}

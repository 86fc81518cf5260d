"""The court steps, for the permission policy: applications, hearings and their outcomes.

Kept apart so that the policy imports them from one line, ready to point at the domain's
own step metadata when that names them.
"""

from __future__ import annotations

COURT_STEPS = frozenset({
    "cpn_appeal_lodged", "cpn_appeal_decided", "prosecution_started", "conviction_recorded",
    "cbo_granted", "injunction_applied", "injunction_granted", "injunction_varied",
    "injunction_discharged", "court_appearance", "committal_decided", "closure_order_applied",
    "closure_order_granted", "closure_order_extended", "closure_order_discharged",
})

"""Conduct as structured data: the behaviour categories a CPW or CPN addresses (in the
incident categories' words) and the two tests of ASBCPA 2014 s.43(5) that rest on them.

- Same conduct (s.43(5)(a)): a CPN is about the conduct the warning named. It may narrow the
  warning's categories (a subset), never widen them.
- Continuing conduct (s.43(5)(b)-(c)): after the time the warning allowed, linked incidents
  of that conduct show it still has its effect.

Warnings recorded before categories existed name the conduct in words only; for them the
tests compare the words (letter case and surrounding space aside), as they always did.
Exports call these functions too, so a statement never claims more than the engine checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from domain.calendar import local_date
from domain.guards import Failure
from domain.records import Instrument, LinkedIncident
from domain.text import day


def categories(values: Iterable[str]) -> frozenset[str]:
    """Categories compared as words: letter case and surrounding space do not count."""
    return frozenset(v.strip().casefold() for v in values if v.strip())


def _words(text: str | None) -> str:
    return (text or "").strip().casefold()


def widened(warning: Instrument, notice_categories: Iterable[str]) -> frozenset[str]:
    """Categories a notice names that its warning did not (empty: the same or narrower)."""
    return categories(notice_categories) - categories(warning.conduct_categories)


def same_conduct(warning: Instrument, conduct: str | None,
                 notice_categories: Iterable[str]) -> bool:
    """Whether a notice of `conduct` (words) and `notice_categories` addresses the warned
    conduct: by categories when the warning has them, else by its words."""
    if warning.conduct_categories:
        return not widened(warning, notice_categories)
    return not (conduct and warning.conduct) or _words(conduct) == _words(warning.conduct)


def _shows_conduct(link: LinkedIncident, warning: Instrument, wanted: frozenset[str]) -> bool:
    if wanted and link.category is not None:
        return link.category.strip().casefold() in wanted
    same = _words(warning.conduct)
    return link.conduct is None or not same or _words(link.conduct) == same


def continuing_conduct(links: Iterable[LinkedIncident], warning: Instrument, until: datetime,
                       notice_categories: Iterable[str] = ()) -> list[LinkedIncident]:
    """Linked incidents showing the warned conduct continued after the time to comply
    (or after the warning, if it set none) and no later than `until`, earliest first.

    With categories, an incident counts if its category is among the notice's categories
    (when it narrows the warning's) or the warning's; a link recorded before categories were
    copied, or a text-only warning, is judged by the words as before.
    """
    since = warning.comply_by or warning.opened_at
    wanted = categories(notice_categories) or categories(warning.conduct_categories)
    found = [i for i in links
             if since <= i.occurred_at <= until and _shows_conduct(i, warning, wanted)]
    return sorted(found, key=lambda i: (i.occurred_at, i.version))


def other_conduct(w: Instrument, conduct: str | None, named: tuple[str, ...]) -> Failure:
    """Why a notice of `conduct` and `named` categories is not about the warned conduct."""
    on = day(local_date(w.opened_at))
    if w.conduct_categories:
        extra = ", ".join(sorted(widened(w, named)))
        return Failure(
            f"The warning of {on} was about {', '.join(w.conduct_categories)}; this notice adds "
            f"{extra}, which the subject was never warned about.",
            "A CPN may narrow the warning's conduct, never widen it: name only categories the "
            "warning named, or warn about the new conduct first.")
    return Failure(
        f"The warning of {on} was about '{w.conduct}', not '{conduct}'.",
        "A CPN must address the conduct the warning named; warn about new conduct first "
        "(warnings that name behaviour categories let a notice narrow them).")

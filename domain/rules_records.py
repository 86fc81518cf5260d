"""Guards of the record itself: each thing done is entered once.

A step that creates something under an id (an instrument, a referral, an intervention, a
consultation, an assessment, an override, a measure, an objective, the link of an incident)
is refused when that id already names an entry of the stream: a retry, or a typing slip,
must never put a second entry into a court chronology. Codes are stable: features/ tag them.
"""

from __future__ import annotations

from uuid import UUID

from domain.guards import Decision, Failure, Guard, GuardKind, guard
from domain.steps import ALL

ONE_ENTRY_BASIS = "Civil Evidence Act 1995 s.9 (records of a public authority)"

#: Steps that create a record under an id, with the field holding that id.
CREATING: dict[str, str] = {
    name: field for name, spec in ALL.items() if (field := spec.new_id_field) is not None
}


@guard("duplicate_entry", GuardKind.HARD, ONE_ENTRY_BASIS,
       "An id already used names an existing entry: the same thing is not recorded twice",
       *CREATING)
def _duplicate(d: Decision) -> Failure | None:
    field = CREATING[d.step]
    new_id = None if d.cmd is None else getattr(d.cmd, field, None)
    if not isinstance(new_id, UUID):
        return None
    entry = d.agg.entry_with_id(new_id)
    if entry is None:
        return None
    if field == "incident_id":
        return Failure(
            f"Incident {new_id} is already linked to this {d.agg.KIND} (entry {entry}).",
            "Nothing more to record: an incident is linked once. Attach evidence or correct "
            "that entry to add what was learned since.")
    return Failure(
        f"{field} {new_id} already names entry {entry} of this {d.agg.KIND}.",
        "If this repeats a step already recorded, nothing more is needed; to record another, "
        f"give a new {field}.")


#: The guards of this module, in the order they are evaluated.
GUARDS: tuple[Guard, ...] = (_duplicate,)

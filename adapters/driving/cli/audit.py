"""`asb audit`: who read, searched and exported personal data (the access audit)."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import typer

from adapters.driving.cli.common import fail
from adapters.driving.cli.common import settings as _settings


def audit(
    case: Annotated[UUID | None, typer.Option("--case", help="Only accesses to this case.")] = None,
    user: Annotated[str | None, typer.Option("--user", help="Only this user's accesses.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many entries.", min=1)] = 500,
) -> None:
    """List the access audit, oldest first, and check its hash chain."""
    from adapters.bootstrap import bootstrap
    from adapters.driving.cli.output import make_console

    console = make_console()
    with bootstrap(_settings()) as system:
        total, rows = system.audit.select(case_id=case, user_id=user, limit=limit)
        problems = system.audit.verify()
    for r in rows:
        who = ", ".join(x for x in (r["role"], r["agency"]) if x)
        line = (f"{r['seq']:>6}  {r['at']:%Y-%m-%d %H:%M:%S}Z  {r['user_id']} ({who})  "
                f"{r['access']}  {r['what']}"
                + (f"  case {r['case_id']}" if r["case_id"] else "")
                + (f"  purpose: {r['purpose']}" if r["purpose"] else "")
                + (f"  [{r['detail']}]" if r["detail"] else ""))
        console.print(line, markup=False, soft_wrap=True)
    console.print(f"{len(rows)} of {total} entries", markup=False)
    if problems:
        for p in problems:
            console.print(f"  {p}", markup=False)
        fail(f"ACCESS AUDIT NOT VERIFIED: {len(problems)} problem(s)")
    console.print("access audit verified", style="bold green")

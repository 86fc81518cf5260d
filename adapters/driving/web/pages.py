"""The pages: sign in and out, caseload, case, record a step, tasks and exports.

Every page asks the same service layer as the API: `CaseAccess` for a case (404 out of
reach, 403 not allowed), the permission policy for a step, the read models with the user's
scope for lists, the export code for downloads. The UI adds no rule of its own.
"""

from __future__ import annotations

import secrets
from typing import Annotated, Any
from uuid import UUID

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from adapters.driving.http.auth import scope_of
from adapters.driving.http.routes.audit import note
from adapters.driving.http.routes.exports import _export
from adapters.driving.http.routes.shaping import deadline_out
from adapters.driving.web import forms
from adapters.driving.web.render import Web, render, sessions_of, signed_in
from adapters.driving.web.sessions import COOKIE, csrf_ok
from adapters.driven.exports.document import Options
from adapters.driven.readmodels import queries
from domain import steps
from domain.calendar import LONDON
from domain.errors import DomainValidationError, FieldProblem, StepRefusedError
from domain.model import NotFoundError
from service.access import CaseAccess
from service.audit import Access
from service.permissions import Action, PermissionDeniedError, authorise

router = APIRouter(include_in_schema=False)
SIGN_IN_COOKIE = "pathway_sign_in"
EXPORTS = (("chronology", "pdf", "Chronology (PDF)"), ("chronology", "csv", "Chronology (CSV)"),
           ("proportionality", "pdf", "Proportionality statement (PDF)"),
           ("contents", "pdf", "Statutory contents check (PDF)"))


def _cookie_args(request: Request) -> dict[str, Any]:
    return {"httponly": True, "samesite": "lax", "secure": request.url.scheme == "https",
            "path": "/"}


def _check_csrf(web: Web, sent: str) -> None:
    if not csrf_ok(web.session, sent):
        raise PermissionDeniedError(web.user.role, Action.RECORD, "",
                                    "from a form this session did not serve (sign in again)")


def _forbidden(request: Request, web: Web, error: PermissionDeniedError) -> Response:
    return render(request, "forbidden.html", code=403, web=web, reason=f"{error}.")


# ------------------------------------------------------------------ sign in and out
@router.get("/", response_class=HTMLResponse)
def home() -> Response:
    return RedirectResponse("/caseload", status_code=303)


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_page(request: Request, error: str = "") -> Response:
    token = secrets.token_urlsafe(32)
    response = render(request, "sign_in.html", csrf=token, error=error)
    response.set_cookie(SIGN_IN_COOKIE, token, max_age=1800, **_cookie_args(request))
    return response


@router.post("/sign-in", response_class=HTMLResponse)
def sign_in(request: Request, token: Annotated[str, Form()] = "",
            csrf: Annotated[str, Form()] = "") -> Response:
    expected = request.cookies.get(SIGN_IN_COOKIE, "")
    if not expected or not secrets.compare_digest(expected, csrf):
        return sign_in_page(request, "The sign-in form expired. Try again.")
    services = request.app.state.services
    client = request.client.host if request.client else ""
    if services.failures.retry_after(client) is not None:
        return sign_in_page(request, "Too many failed sign-ins from here. Wait a minute.")
    user = services.users.authenticate(token.strip()) if token.strip() else None
    if user is None:
        services.failures.failed(client)
        return sign_in_page(request, "Enter a valid sign-in token (`asb users add` or "
                                     "`asb users rotate` prints one)")
    response = RedirectResponse("/caseload", status_code=303)
    response.set_cookie(COOKIE, sessions_of(request).start(token.strip()), **_cookie_args(request))
    response.delete_cookie(SIGN_IN_COOKIE, path="/")
    return response


@router.post("/sign-out")
def sign_out(request: Request, csrf: Annotated[str, Form()] = "") -> Response:
    web = signed_in(request)
    try:
        _check_csrf(web, csrf)
    except PermissionDeniedError as error:
        return _forbidden(request, web, error)
    sessions_of(request).end(web.sid)
    response = RedirectResponse("/sign-in", status_code=303)
    response.delete_cookie(COOKIE, path="/")
    return response


# ------------------------------------------------------------------ lists
def _reads(web: Web) -> Any:
    web.services.read_side.refresh()
    return web.services.read_side.store.read()


@router.get("/caseload", response_class=HTMLResponse)
def caseload(request: Request, q: str = "", status: str = "", tag: str = "") -> Response:
    web = signed_in(request)
    now = web.services.clock()
    scope = scope_of(web.user, now.date())
    with _reads(web) as conn:
        _, rows = queries.list_pathways(conn, scope, now, q=q[:200] or None,
                                        status=status if status in ("open", "closed") else None,
                                        tag=tag[:60] or None, limit=200)
        _, due = queries.deadlines(conn, scope, now, limit=500)
    nxt: dict[Any, dict[str, Any]] = {}
    for d in due:
        nxt.setdefault(d["stream_id"], d)
    for row in rows:
        row["next"] = nxt.get(row["id"])
        row["overdue"] = bool(row["next"]) and deadline_out(row["next"], now).status == "overdue"
    rows.sort(key=lambda r: (not r["overdue"], r["next"]["due_at"] if r["next"] else now.max))
    note(web.services, web.user, Access.CONSULTATION,
         "pathway search" if q or tag else "pathway list",
         detail=f"q={q} status={status} tag={tag} results={len(rows)} (web)")
    return render(request, "caseload.html", web=web, rows=rows, q=q, status=status, tag=tag)


@router.get("/tasks", response_class=HTMLResponse)
def tasks(request: Request) -> Response:
    web = signed_in(request)
    now = web.services.clock()
    with _reads(web) as conn:
        _, rows = queries.deadlines(conn, web_scope(web), now, limit=500)
    order = {"overdue": 0, "running": 1, "ended": 2}
    for r in rows:
        r["status"] = deadline_out(r, now).status  # the domain's word: overdue, running, ended
    rows.sort(key=lambda r: (order.get(r["status"], 3), r["due_at"]))
    note(web.services, web.user, Access.CONSULTATION, "deadline list", detail="(web)")
    return render(request, "tasks.html", web=web, rows=rows)


def web_scope(web: Web) -> Any:
    return scope_of(web.user, web.services.clock().date())


# ------------------------------------------------------------------ a case
def _not_found(request: Request, web: Web) -> Response:
    return render(request, "not_found.html", code=404, web=web)


def _case(request: Request, web: Web, case_id: UUID) -> dict[str, Any] | None:
    """The case's read-model row, if the user may read it (the same check as the API)."""
    CaseAccess(web.services.application).require(web.user.actor(), case_id, "pathway",
                                                 Action.READ)
    with _reads(web) as conn:
        return queries.pathway(conn, web_scope(web), case_id)


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(request: Request, case_id: UUID, recorded: str = "") -> Response:
    web = signed_in(request)
    try:
        row = _case(request, web, case_id)
    except (NotFoundError, PermissionDeniedError):
        return _not_found(request, web)
    if row is None:
        return _not_found(request, web)
    app, now = web.services.application, web.services.clock()
    history = sorted(app.history(case_id), key=lambda e: (e.occurred_at, e.originator_version))
    timeline = [{"step": e.step, "done": steps.done(e.step) if e.step in steps.LOGGED else e.step,
                 "occurred_at": e.occurred_at, "recorded_at": e.recorded_at,
                 "backdated": (e.recorded_at - e.occurred_at).days >= 1,
                 "agency": e.agency, "rationale": getattr(e, "rationale", "")}
                for e in history]
    next_steps = app.next_steps(case_id, actor=web.user.actor(), now=now)
    note(web.services, web.user, Access.CONSULTATION, "pathway", case_id, detail="(web)")
    return render(request, "case.html", web=web, case=row, timeline=timeline,
                  allowed=[s for s in next_steps if s.allowed],
                  refused=[s for s in next_steps if not s.allowed],
                  recorded=steps.done(recorded) if recorded in steps.ALL else "",
                  exports=EXPORTS, now=now)


def _form_page(request: Request, web: Web, case: dict[str, Any], step: str,
               fields: list[forms.Field], problems: list[FieldProblem] | None = None,
               refusal: StepRefusedError | None = None, status: int = 200) -> Response:
    return render(request, "record.html", code=status, web=web, case=case, step=step,
                  spec=steps.ALL[step], fields=fields, problems=problems or [],
                  errors=_errors(problems or [], refusal), refusal=refusal)


def _errors(problems: list[FieldProblem], refusal: StepRefusedError | None) -> dict[str, str]:
    """Each field's message; a refusal that a later date would lift marks the date."""
    errors = {p.field: p.rule for p in problems}
    dated = [r.earliest for r in (refusal.reasons if refusal else []) if r.earliest]
    if dated:
        errors.setdefault(forms.OCCURRED, "The law allows this step from "
                          f"{max(dated).astimezone(LONDON):%d %B %Y %H:%M} at the earliest")
    return errors


@router.get("/cases/{case_id}/record/{step}", response_class=HTMLResponse)
def record_form(request: Request, case_id: UUID, step: str) -> Response:
    web = signed_in(request)
    if step not in steps.PERSON:
        return _not_found(request, web)
    try:
        authorise(web.user.role, Action.RECORD, step)
        row = _case(request, web, case_id)
    except PermissionDeniedError as error:
        return _forbidden(request, web, error)
    except NotFoundError:
        return _not_found(request, web)
    if row is None:
        return _not_found(request, web)
    return _form_page(request, web, row, step, forms.fields_for(step, row["instruments"]))


@router.post("/cases/{case_id}/record/{step}", response_class=HTMLResponse)
async def record(request: Request, case_id: UUID, step: str) -> Response:
    web = signed_in(request)
    form = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
    if step not in steps.PERSON:
        return _not_found(request, web)
    try:
        _check_csrf(web, form.get("csrf", ""))
        return await run_in_threadpool(_record, request, web, case_id, step, form)
    except PermissionDeniedError as error:
        return _forbidden(request, web, error)


def _record(request: Request, web: Web, case_id: UUID, step: str,
            form: dict[str, str]) -> Response:
    authorise(web.user.role, Action.RECORD, step)
    try:
        row = _case(request, web, case_id)
    except NotFoundError:
        return _not_found(request, web)
    if row is None:
        return _not_found(request, web)
    fields = forms.fields_for(step, row["instruments"])
    forms.refill(fields, form)
    try:
        data = forms.command_data(step, form, fields)
        CaseAccess(web.services.application).record(web.user.actor(), case_id, "pathway", data)
    except DomainValidationError as error:
        return _form_page(request, web, row, step, fields, error.problems, status=422)
    except StepRefusedError as refusal:
        return _form_page(request, web, row, step, fields, refusal=refusal, status=409)
    return RedirectResponse(f"/cases/{case_id}?recorded={step}", status_code=303)


@router.get("/cases/{case_id}/export/{kind}.{fmt}")
def export(request: Request, case_id: UUID, kind: str, fmt: str, purpose: str = "") -> Response:
    web = signed_in(request)
    if (kind, fmt) not in {(k, f) for k, f, _ in EXPORTS}:
        return _not_found(request, web)
    try:
        return _export(web.services, web.user, web.services.clock(), case_id, "pathway", kind,
                       fmt, Options(), purpose=purpose or None)
    except PermissionDeniedError as error:
        return _forbidden(request, web, error)
    except NotFoundError:
        return _not_found(request, web)

"""Notices drafted from the log: the CPW, CPN, FPN, dispersal direction and closure notice a
step issued, filled from that step's event, as PDF and DOCX (draft.py, render.py).

Every item the statute requires of the notice (`domain.notices`) is written into the draft:
from what the log records, or in the statutory wording the notice itself must carry (the
appeal route, the offence), or, where the log has nothing to fill it from (an FPN's payee),
as a bracketed placeholder that the draft's contents check reports as still to complete.
"""

from adapters.driven.exports.notices.draft import Draft, NoticeError, draft, drafts
from adapters.driven.exports.notices.render import render

__all__ = ["Draft", "NoticeError", "draft", "drafts", "render"]

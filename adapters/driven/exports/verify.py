"""`asb verify-export`: does an export still match the log it says it was made from?

1. Read the embedded provenance (CSV header block, JSON `provenance`, PDF attachment, DOCX
   custom XML part).
2. Load the covered streams up to the embedded position; re-hash them (hash chain) and check
   the case stream's head against the embedded chain hash.
3. Regenerate the rows with the embedded options and compare their SHA-256 with the
   embedded rows hash.
4. Compare the rows in the file with the regenerated ones, as its format says (formats/):
   CSV, JSON and the DOCX tables or statement paragraphs cell by cell; a PDF from the table
   writer against the regenerated rows rendered again (byte for byte, else page text line by
   line); a PDF typeset by WeasyPrint through its embedded rows hash only.
5. Report entries added to the covered streams since (information, not a failure).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from adapters.driven.exports.document import ExportDocument, Options
from adapters.driven.exports.formats import detect
from adapters.driven.exports.ports import LogReader
from adapters.driven.exports.provenance import Provenance


@dataclass
class VerifyReport:
    format: str = ""
    provenance: Provenance | None = None
    problems: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(log: LogReader, data: bytes) -> VerifyReport:
    report = VerifyReport()
    try:
        fmt = detect(data)
        report.format = fmt.name
        contents = fmt.read(data)
        report.provenance = prov = Provenance.from_json(contents.provenance)
    except (ValueError, KeyError, TypeError) as e:
        report.problems.append(f"cannot read the export: {e}")
        return report
    doc = _regenerate(log, prov, report)
    if doc is None:
        return report
    if doc.provenance.rows_sha256 != prov.rows_sha256:
        report.problems.append(
            f"the log at the embedded position gives different rows (rows hash "
            f"{doc.provenance.rows_sha256[:16]}…, the export says {prov.rows_sha256[:16]}…)")
    else:
        report.checks.append(f"rows: the log at the embedded position gives the same "
                             f"{len(doc.rows)} rows (rows hash {prov.rows_sha256[:16]}…)")
    contents.compare(doc, report)
    report.added = added_since(log, prov)
    return report


def _regenerate(reader: LogReader, prov: Provenance, report: VerifyReport) -> ExportDocument | None:
    from adapters.driven.exports import build_from_log
    from adapters.driven.exports.log import ExportSourceError, chain_problems, load_case

    try:
        log = load_case(reader, UUID(prov.case["id"]), at=prov.streams)
    except ExportSourceError as e:
        report.problems.append(str(e))
        return None
    covered = {str(log.stream_id): log.version,
               **{str(k): v[-1].originator_version for k, v in log.incidents.items() if v}}
    missing = sorted(set(prov.streams) - set(covered))
    if missing:
        report.problems.append(f"{len(missing)} covered stream(s) are no longer linked or "
                               f"present: {', '.join(m[:8] for m in missing)}")
    broken = chain_problems(log)
    report.problems.extend(f"hash chain: {p}" for p in broken)
    if log.head_hash != prov.chain_hash:
        report.problems.append(f"chain hash: event {log.version} of the case stream has hash "
                               f"{log.head_hash[:16]}…, the export says {prov.chain_hash[:16]}…")
    elif not broken:
        count = len(log.events) + sum(len(v) for v in log.incidents.values())
        report.checks.append(f"hash chain: intact ({count} events re-hashed); head "
                             f"{prov.chain_hash[:16]}… matches")
    return build_from_log(reader, log, prov.document, Options.from_dict(prov.options),
                          generated_at=prov.generated_at, names=prov.people)


def added_since(log: LogReader, prov: Provenance) -> list[str]:
    """Entries recorded in the covered streams after the export's position."""
    from adapters.driven.exports.text import day, row_id
    from domain.steps import done

    found = []
    for sid, version in prov.streams.items():
        for e in log.read(UUID(sid), after=version):
            action = done(e.step)
            found.append(f"{row_id(e.originator_id, e.originator_version)} {action.lower()} "
                         f"({day(e.occurred_at)}, recorded {day(e.recorded_at)})")
    return found

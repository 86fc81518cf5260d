"""Each registered format, written from Dean Harrow's chronology, is told apart from the
others, gives back its embedded provenance and matches the rows it was written from."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.bootstrap import build_log_reader
from adapters.driven.exports import build_export, formats
from adapters.driven.exports.document import ExportDocument
from adapters.driven.exports.provenance import Provenance
from adapters.driven.exports.verify import VerifyReport
from adapters.driving.cli.script import sid


@pytest.fixture(scope="module")
def chronology(demo_db: Any) -> ExportDocument:
    from adapters.bootstrap import build_application
    from adapters.driven.store.settings import StoreSettings

    app = build_application(StoreSettings.parse(f"sqlite:///{demo_db}"))
    try:
        return build_export(build_log_reader(app), sid("dean"), "chronology")
    finally:
        app.close()


@pytest.mark.parametrize("fmt", formats.REGISTRY, ids=lambda f: f.name)
def test_a_format_reads_back_what_it_wrote(chronology: ExportDocument,
                                           fmt: formats.ExportFormat) -> None:
    data = fmt.render(chronology)
    assert formats.detect(data) is fmt
    assert [f.name for f in formats.REGISTRY if f is not fmt and f.sniff(data)] == []
    back = fmt.read(data)
    assert Provenance.from_json(back.provenance) == chronology.provenance
    report = VerifyReport()
    back.compare(chronology, report)
    assert report.problems == [] and len(report.checks) == 1


@pytest.mark.parametrize("fmt", [f for f in formats.REGISTRY if f.name in ("csv", "json")],
                         ids=lambda f: f.name)
def test_a_format_names_a_cell_edited_in_the_file(chronology: ExportDocument,
                                                 fmt: formats.ExportFormat) -> None:
    first = chronology.rows[0]["description"]
    data = fmt.render(chronology)
    edited = data.replace(first.encode()[:20], b"EDITED" + first.encode()[6:20], 1)
    assert edited != data
    report = VerifyReport()
    fmt.read(edited).compare(chronology, report)
    assert report.problems[0] == "file: 1 edited cell(s) or row(s)"
    assert "description" in report.problems[1] and "EDITED" in report.problems[1]

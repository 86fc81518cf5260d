"""The export format registry is complete: every format module is registered, and every
front end offers exactly the registered formats."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

from adapters.driven.exports import formats
from adapters.driving.cli.exports import ExportFormat
from adapters.driving.http.routes.exports import MEDIA_TYPES, ExportVerifyOut

HELPERS = {"base"}  # modules of the package that declare no format


def _format_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules(formats.__path__) if m.name not in HELPERS)


def test_every_format_module_declares_a_format_that_is_registered() -> None:
    modules = _format_modules()
    assert modules == sorted(["csv", "docx", "json", "pdf"])
    for name in modules:
        module = importlib.import_module(f"{formats.__name__}.{name}")
        assert isinstance(module.FORMAT, formats.ExportFormat), name
        assert module.FORMAT in formats.REGISTRY, f"{name}.FORMAT is not in REGISTRY"
    assert len(formats.REGISTRY) == len(modules)


def test_names_extensions_and_media_types_are_unique() -> None:
    for attribute in ("name", "extension", "media_type"):
        values = [getattr(f, attribute) for f in formats.REGISTRY]
        assert len(set(values)) == len(values), attribute
    assert formats.NAMES == ("json", "csv", "pdf", "docx")


def test_the_cli_http_and_verification_offer_exactly_the_registered_formats() -> None:
    assert [c.value for c in ExportFormat] == list(formats.NAMES)
    assert list(MEDIA_TYPES) == list(formats.NAMES)
    schema = ExportVerifyOut.model_json_schema()["properties"]["format"]
    assert schema["enum"] == list(formats.NAMES)


@pytest.mark.parametrize("fmt", formats.REGISTRY, ids=lambda f: f.name)
def test_a_format_is_found_by_its_name_and_extension(fmt: formats.ExportFormat) -> None:
    assert formats.get(fmt.name) is fmt
    assert formats.by_extension(fmt.extension.upper()) is fmt


def test_an_unknown_format_or_file_is_refused_naming_the_registered_ones() -> None:
    with pytest.raises(ValueError, match="expected one of json, csv, pdf, docx"):
        formats.get("xlsx")
    assert formats.by_extension("xlsx") is None
    with pytest.raises(ValueError, match=r"not a Pathway export \(JSON, CSV, PDF or DOCX\)"):
        formats.detect(b"hello")
    with pytest.raises(ValueError, match="a ZIP file that is not a Word document"):
        formats.detect(b"PK\x05\x06" + b"\0" * 18)  # an empty ZIP archive

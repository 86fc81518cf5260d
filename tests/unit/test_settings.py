"""The one settings object: every ASB_* variable, read from one place."""

from __future__ import annotations

from pathlib import Path

import pytest

from adapters.settings import ProjectionMode, Settings, SettingsError, load_settings
from domain.rulesets import UnknownRuleSetError


def test_an_explicit_environment_is_the_whole_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASB_RULE_SETS", "cpa2026")
    monkeypatch.setenv("ASB_PROJECTION", "external")
    assert load_settings({}) == Settings(database_url="", rule_sets="",
                                         projection=ProjectionMode.IN_PROCESS,
                                         key_encryption_key="")


def test_the_process_environment_is_read_when_none_is_given(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("ASB_DATABASE_URL", f"sqlite:///{tmp_path / 'x.db'}")
    monkeypatch.setenv("ASB_RULE_SETS", "cpa2026")
    monkeypatch.setenv("ASB_PROJECTION", "external")
    settings = load_settings()
    assert settings.store.sqlite_path == tmp_path / "x.db"
    assert settings.rule_book().switched_on == frozenset({"cpa2026"})
    assert settings.projection is ProjectionMode.EXTERNAL


def test_a_bad_projection_mode_names_the_variable() -> None:
    with pytest.raises(SettingsError, match="ASB_PROJECTION"):
        load_settings({"ASB_PROJECTION": "sideways"})


def test_an_unknown_rule_set_is_refused() -> None:
    with pytest.raises(UnknownRuleSetError, match="nope"):
        load_settings({"ASB_RULE_SETS": "nope"}).rule_book()


def test_for_store_names_the_store_and_nothing_else(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASB_RULE_SETS", "cpa2026")
    store = load_settings({"ASB_DATABASE_URL": "postgresql://u@h/d?schema=s"}).store
    settings = Settings.for_store(store)
    assert settings.store == store and settings.rule_sets == ""


def test_no_other_module_reads_the_environment() -> None:
    root = Path(__file__).resolve().parents[2]
    readers = sorted(
        str(path.relative_to(root))
        for folder in ("adapters", "service", "domain")
        for path in (root / folder).rglob("*.py")
        if "os.environ" in path.read_text(encoding="utf-8")
        or "getenv(" in path.read_text(encoding="utf-8"))
    # output: the terminal's width (COLUMNS); results: passes the environment through to
    # the pytest it runs.
    assert readers == ["adapters/driven/policy_docs/results.py",
                       "adapters/driving/cli/output.py", "adapters/settings.py"]


def test_checkpoint_key_paths_come_from_the_settings() -> None:
    unset = load_settings({})
    assert (unset.checkpoint_key_path, unset.checkpoint_public_key_path) == (None, None)
    given = load_settings({"ASB_CHECKPOINT_KEY": "~/keys/checkpoint-key.pem",
                           "ASB_CHECKPOINT_PUBLIC_KEY": "/etc/pathway/checkpoint-key.pub.pem"})
    assert given.checkpoint_key_path == Path.home() / "keys" / "checkpoint-key.pem"
    assert given.checkpoint_public_key_path == Path("/etc/pathway/checkpoint-key.pub.pem")


def test_the_pdf_font_directory_is_configured_once_and_is_then_the_only_place_looked_in(
        tmp_path: Path) -> None:
    from adapters.driven.exports.tablepdf import fonts

    assert load_settings({"ASB_PDF_FONT_DIR": str(tmp_path)}).pdf_font_dir == str(tmp_path)
    fonts.use_font_dir(str(tmp_path))
    try:
        with pytest.raises(fonts.FontMissingError, match=str(tmp_path)):
            fonts.font_path("regular")
    finally:
        fonts.use_font_dir(None)
    assert fonts.font_path("regular").name == "DejaVuSans.ttf"

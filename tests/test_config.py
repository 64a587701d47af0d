"""The configuration: validated on load, every error naming the file, the key and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import load_settings
from briefing.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_config_loads_with_the_documented_defaults():
    settings = load_settings(REPO / "config.yaml")
    assert settings.timezone == "Europe/Warsaw"
    assert settings.output.formats == ("md", "html", "pdf", "eml")
    assert settings.store_path == REPO / "data" / "briefing.sqlite3"
    assert settings.articles_folder == REPO / "samples" / "articles"
    assert settings.templates_folder == REPO / "briefing" / "templates"


def test_relative_paths_are_relative_to_the_config_file(tmp_path):
    settings = load_settings(write(tmp_path, "store:\n  path: db/x.sqlite3\n"))
    assert settings.store_path == tmp_path / "db" / "x.sqlite3"


def test_an_unknown_key_is_refused_naming_file_and_key(tmp_path):
    path = write(tmp_path, "output:\n  folder: out\n  fromats: [md]\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert str(error.value) == f"{path}: unknown key 'output.fromats'"


def test_a_wrong_type_is_refused_with_what_was_expected(tmp_path):
    path = write(tmp_path, "email:\n  smtp:\n    port: lots\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert str(error.value) == (
        f"{path}: key 'email.smtp.port': Input should be a valid integer, unable to parse string as an integer, "
        "got 'lots'"
    )


def test_an_unknown_format_is_refused(tmp_path):
    path = write(tmp_path, "output:\n  formats: [md, docx]\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert str(error.value) == f"{path}: key 'output.formats': unknown format 'docx', expected some of md, html, pdf, eml, txt, json"


def test_an_unknown_time_zone_is_refused(tmp_path):
    path = write(tmp_path, "timezone: Europe/Atlantis\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert str(error.value) == (
        f"{path}: key 'timezone': unknown time zone 'Europe/Atlantis', expected an IANA name such as Europe/Warsaw"
    )


def test_a_bad_schedule_time_is_refused(tmp_path):
    path = write(tmp_path, "schedule:\n  time: '25:00'\n")
    with pytest.raises(ConfigError, match=r"key 'schedule.time': expected a time of day as HH:MM, got '25:00'"):
        load_settings(path)


def test_broken_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "output:\n  folder: [unclosed\n")
    with pytest.raises(ConfigError) as error:
        load_settings(path)
    assert str(error.value) == f"{path}: not valid YAML at line 3"


def test_a_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError) as error:
        load_settings(tmp_path / "nope.yaml")
    assert str(error.value) == f"{tmp_path / 'nope.yaml'}: configuration file not found"


def test_without_a_templates_folder_the_shipped_templates_are_used(tmp_path):
    settings = load_settings(write(tmp_path, "timezone: Europe/Warsaw\n"))
    assert settings.templates_folder == REPO / "briefing" / "templates"
    assert (settings.templates_folder / "briefing.md.j2").is_file()

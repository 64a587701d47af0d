"""Every configuration value is checked when the file is loaded, with the key named (issue 14).

Each case writes a small fictional config.yaml and asserts the one-line
message ``load_settings`` refuses it with; the last tests check that good
values still load and that the command line prints the message and exits 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.cli import main
from briefing.config import load_settings
from briefing.errors import ConfigError

#: the YAML of a config.yaml -> the message after "config.yaml: "
REFUSED = {
    "briefing: {first_issue_date: '2026-02-30'}":
        "key 'briefing.first_issue_date': 2026-02-30 is not a date: February has 28 days in 2026",
    "briefing: {first_issue_date: soon}":
        "key 'briefing.first_issue_date': expected a date as YYYY-MM-DD, got 'soon'",
    "briefing: {language: pl}":
        "key 'briefing.language': the briefing's wording is written in en only, got 'pl'",
    "email: {sender: 'not an address'}":
        "key 'email.sender': expected one e-mail address such as desk@example.com or "
        "'Desk <desk@example.com>', got 'not an address'",
    "email: {recipients: ['desk@example.com', 'a@example.com, b@example.com']}":
        "key 'email.recipients.1': expected one e-mail address such as desk@example.com or "
        "'Desk <desk@example.com>', got 'a@example.com, b@example.com'",
    "editions: [{name: desk, recipients: ['@example.com']}]":
        "key 'editions.0.recipients.0': expected one e-mail address such as desk@example.com or "
        "'Desk <desk@example.com>', got '@example.com'",
    "email: {subject: '{name} on {day}'}":
        "key 'email.subject': unknown placeholder {day}; use {name}, {date} or {issue}",
    "email: {subject: '{date:>1000000}'}":
        "key 'email.subject': unknown placeholder {date:>1000000}; use {name}, {date} or {issue}",
    "email: {subject: '{name'}":
        "key 'email.subject': expected '}' before end of string (write {{ and }} for a brace itself)",
    "pdf: {page_size: A44}":
        "key 'pdf.page_size': expected a page size such as A4, letter, 'A5 landscape' or '210mm 297mm', got 'A44'",
    "email: {subject: \"Briefing\\r\\nBcc: all@example.com\"}":
        "key 'email.subject': must be one line of text: it holds a line break or control character, "
        "which would break the e-mail's headers",
    "briefing: {name: \"Morning\\nBriefing\"}":
        "key 'briefing.name': must be one line of text: it holds a line break or control character, "
        "which would break the e-mail's headers",
    "email: {unsubscribe: \"mailto:off@example.com\\r\\nX: y\"}":
        "key 'email.unsubscribe': must be one line of text: it holds a line break or control character, "
        "which would break the e-mail's headers",
    "editions: [{name: desk, title: \"Desk\\rX\"}]":
        "key 'editions.0.title': must be one line of text: it holds a line break or control character, "
        "which would break the e-mail's headers",
    "templates: {time_limit: .inf}": "key 'templates.time_limit': Input should be a finite number, got inf",
    "templates: {time_limit: .nan}": "key 'templates.time_limit': Input should be a finite number, got nan",
    "templates: {time_limit: 0}": "key 'templates.time_limit': Input should be greater than 0, got 0",
    "email: {smtp: {timeout: .inf}}": "key 'email.smtp.timeout': Input should be a finite number, got inf",
    "schedule: {catch_up_hours: .inf}": "key 'schedule.catch_up_hours': Input should be a finite number, got inf",
    "schedule: {recheck_seconds: -1}": "key 'schedule.recheck_seconds': Input should be greater than 0, got -1",
    "editions: [{name: desk, filter: {keywords: [drone, '']}}]":
        "key 'editions.0.filter.keywords': holds an empty entry, which would match every article; remove it",
    "editions: [{name: desk, filter: {sections: ['  ']}}]":
        "key 'editions.0.filter.sections': holds an empty entry, which would match every article; remove it",
    "editions: [{name: desk, filter: {query: ' '}}]":
        "key 'editions.0.filter.query': is empty, which would match every article; remove it or write null",
    "timezone: Europe/Warszawa":
        "key 'timezone': unknown time zone 'Europe/Warszawa', expected an IANA name such as Europe/Warsaw",
    "pdf: {page_sise: A4}": "unknown key 'pdf.page_sise'",
    "store: {url: 'mysql://db.example/briefing'}":
        "key 'store.url': expected a database URL starting sqlite:// or postgresql+psycopg://",
    "email: {smtp: {host: \"mail.example.com\\r\\nRCPT TO: x\"}}":
        "key 'email.smtp.host': expected a host name or address such as mail.example.com, "
        "got 'mail.example.com\\r\\nRCPT TO: x'",
    "timezone: UTC\nstore: {path: a.sqlite3}\ntimezone: Europe/Warsaw":
        "key 'timezone' is given twice (line 3); keep one",
    "email: {smtp: {port: 25, host: a, port: 587}}": "key 'port' is given twice (line 1); keep one",
}


def refusal(tmp_path: Path, text: str) -> str:
    path = tmp_path / "config.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    return str(caught.value).removeprefix(f"{path}: ")


@pytest.mark.parametrize("text", REFUSED)
def test_a_bad_value_is_refused_at_load_with_its_key(tmp_path, text):
    assert refusal(tmp_path, text) == REFUSED[text]


@pytest.mark.parametrize("text", [
    "briefing: {first_issue_date: 2026-01-01}",  # unquoted: YAML reads a date
    "briefing: {first_issue_date: '2026-01-01'}",
    "email: {sender: 'Morning Briefing <briefing@example.com>', recipients: [desk@example.com]}",
    "email: {subject: '{name}, issue {issue}: {date} {{draft}}'}",
    "pdf: {page_size: A5 landscape}",
    "pdf: {page_size: letter}",
    "pdf: {page_size: 210mm 297mm}",
    "editions: [{name: a, filter: &desk {sections: [Defence]}}, {name: b, filter: *desk}]",  # an alias is fine
])
def test_good_values_load(tmp_path, text):
    path = tmp_path / "config.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    load_settings(path)


def test_the_issue_count_starts_from_a_date_given_unquoted(tmp_path):
    path = tmp_path / "config.yaml"
    path.write_text("briefing: {first_issue_date: 2026-01-01}\n", encoding="utf-8")
    assert load_settings(path).briefing.first_issue_date == "2026-01-01"


def test_the_command_line_prints_the_problem_on_one_line_and_exits_2(tmp_path, capsys):
    path = tmp_path / "config.yaml"
    path.write_text("pdf: {page_size: A44}\n", encoding="utf-8")
    code = main(["articles", "list", "--config", str(path)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == (f"briefing: error: {path}: key 'pdf.page_size': expected a page size such as A4, letter, "
                   "'A5 landscape' or '210mm 297mm', got 'A44'\n")

"""`briefing templates init DIR`: a user's folder started from the defaults, nothing overwritten unasked."""

from __future__ import annotations

from pathlib import Path

from briefing.cli import main

REPO = Path(__file__).resolve().parents[1]
DEFAULTS = REPO / "briefing" / "templates"
TEMPLATE_FILES = sorted(
    path.name for path in DEFAULTS.iterdir() if path.is_file() and path.name != "README.md"
)


def init(capsys, make_config, *args: str) -> tuple[int, str, str]:
    code = main(["templates", "init", "--config", str(make_config()), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_copies_every_default_and_says_what(tmp_path, capsys, make_config):
    mine = tmp_path / "mine"
    code, out, _ = init(capsys, make_config, str(mine))
    assert code == 0
    assert sorted(path.name for path in mine.iterdir()) == TEMPLATE_FILES
    for name in TEMPLATE_FILES:
        assert (mine / name).read_bytes() == (DEFAULTS / name).read_bytes()
    assert out.splitlines() == [
        f"Copied {len(TEMPLATE_FILES)} files from {DEFAULTS} to {mine}:",
        *(f"  {name}" for name in TEMPLATE_FILES),
        f"Use them with --templates {mine}, or set templates.user_folder: {mine} in the configuration;",
        f"watch your changes live with: briefing preview --templates {mine}",
    ]


def test_init_refuses_to_overwrite_and_copies_nothing(tmp_path, capsys, make_config):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "email.css").write_text("/* mine */\n", encoding="utf-8")
    (mine / "briefing.md.j2").write_text("# mine\n", encoding="utf-8")
    code, out, err = init(capsys, make_config, str(mine))
    assert code == 1
    assert out == ""
    assert err == (f"briefing: error: {mine}: briefing.md.j2, email.css already there; nothing was copied "
                   "(--force overwrites them)\n")
    assert sorted(path.name for path in mine.iterdir()) == ["briefing.md.j2", "email.css"]
    assert (mine / "email.css").read_text(encoding="utf-8") == "/* mine */\n"


def test_init_force_overwrites(tmp_path, capsys, make_config):
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "email.css").write_text("/* mine */\n", encoding="utf-8")
    code, _, _ = init(capsys, make_config, str(mine), "--force")
    assert code == 0
    assert (mine / "email.css").read_bytes() == (DEFAULTS / "email.css").read_bytes()

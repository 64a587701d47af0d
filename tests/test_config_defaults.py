"""The shipped config.yaml says it shows every key with its default: it must, key by key."""

from __future__ import annotations

from pathlib import Path

import yaml

from briefing.config import Settings

REPO = Path(__file__).resolve().parents[1]
SHIPPED = REPO / "config.yaml"
#: keys config.yaml shows as a commented example rather than a value
SHOWN_AS_COMMENT = {"editions"}


def differences(defaults: dict, shown: dict, prefix: str = "") -> list[str]:
    found = []
    for key in sorted(set(defaults) | set(shown)):
        name = f"{prefix}{key}"
        if key not in shown:
            found.append(f"{name}: missing from config.yaml (default {defaults[key]!r})")
        elif key not in defaults:
            found.append(f"{name}: in config.yaml but not a setting")
        elif isinstance(defaults[key], dict):
            found.extend(differences(defaults[key], shown[key] or {}, f"{name}."))
        elif defaults[key] != shown[key]:
            found.append(f"{name}: config.yaml shows {shown[key]!r}, the default is {defaults[key]!r}")
    return found


def test_config_yaml_shows_every_key_with_its_real_default():
    defaults = Settings().model_dump(mode="json", exclude=SHOWN_AS_COMMENT)
    shown = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))
    assert differences(defaults, shown) == []


def test_the_keys_shown_as_comments_are_there():
    text = SHIPPED.read_text(encoding="utf-8")
    for key in SHOWN_AS_COMMENT:
        assert f"\n# {key}:\n" in text

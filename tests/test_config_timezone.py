"""``timezone`` is the zone of a time an article gives without one (it was Warsaw whatever the setting)."""

from __future__ import annotations

import json

from briefing.cli import main
from briefing.local_zone import DEFAULT_ZONE, local_zone

ARTICLE = {"title": "Harbour ferry adds a night crossing", "published": "2026-02-03T15:00:00",
           "text": "The Saltmere ferry will add a crossing at 23:00 from next week, the operator said."}


def extract_published(tmp_path, capsys, make_config, zone: str) -> str:
    article = tmp_path / "ferry.json"
    article.write_text(json.dumps(ARTICLE), encoding="utf-8")
    code = main(["extract", "--json", "--config", str(make_config(timezone=zone)), str(article)])
    assert code == 0
    return json.loads(capsys.readouterr().out)["articles"][0]["published"]


def test_a_time_without_a_zone_is_read_in_the_configured_zone(tmp_path, capsys, make_config):
    assert extract_published(tmp_path, capsys, make_config, "America/New_York") == "2026-02-03T15:00:00-05:00"
    assert extract_published(tmp_path, capsys, make_config, "Asia/Tokyo") == "2026-02-03T15:00:00+09:00"


def test_the_zone_is_put_back_after_the_command(tmp_path, capsys, make_config):
    extract_published(tmp_path, capsys, make_config, "Asia/Tokyo")
    assert local_zone() == DEFAULT_ZONE

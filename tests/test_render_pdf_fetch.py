"""The PDF renderer reads files of the templates folders and nothing else."""

from __future__ import annotations

import io
from http.server import BaseHTTPRequestHandler

import pytest
from pypdf import PdfReader

from briefing.config import TemplatesSection
from briefing.rendering import render_to_memory
from tests.fixtures.loopback import serving
from tests.fixtures.render.fictional_day import REPO, day_briefing, settings


class CountingHandler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802  (the name http.server calls)
        CountingHandler.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { background: red }")

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server():
    CountingHandler.requests = []
    with serving(CountingHandler) as url:
        yield url


def test_only_files_inside_the_templates_folders_reach_the_pdf(tmp_path, web_server):
    (tmp_path / "secret.txt").write_text("TOP SECRET outside the templates", encoding="utf-8")
    user = tmp_path / "my-templates"
    user.mkdir()
    (user / "allowed-note.txt").write_text("a note the editor attached", encoding="utf-8")
    (user / "briefing.pdf.html.j2").write_text(
        '{% extends "default:briefing.pdf.html.j2" %}\n'
        "{% block head_extra %}\n"
        '<link rel="attachment" href="file:///etc/passwd">\n'
        '<link rel="attachment" href="../secret.txt">\n'
        '<link rel="attachment" href="allowed-note.txt">\n'
        f'<link rel="stylesheet" href="{web_server}/evil.css">\n'
        "{% endblock %}\n"
        f'{{% block top %}}<img src="{web_server}/pixel.png"><img src="file:///etc/hostname">{{% endblock %}}\n',
        encoding="utf-8",
    )
    config = settings(templates=TemplatesSection(folder=REPO / "briefing" / "templates", user_folder=user))
    reader = PdfReader(io.BytesIO(render_to_memory(day_briefing(config), config, ["pdf"])["pdf"]))
    assert reader.attachments == {"allowed-note.txt": [b"a note the editor attached"]}
    assert CountingHandler.requests == []
    assert "Velmora ferry runs aground" in reader.pages[0].extract_text()


def test_the_fetcher_refuses_every_other_address(tmp_path):
    from briefing.rendering.fetcher import TemplatesOnlyFetcher

    inside = tmp_path / "templates"
    inside.mkdir()
    (inside / "logo.txt").write_text("ok", encoding="utf-8")
    fetcher = TemplatesOnlyFetcher([inside])
    assert fetcher.fetch((inside / "logo.txt").as_uri()).read() == b"ok"
    for url in ("file:///etc/passwd", "http://example.com/x.css", "https://example.com/x.png",
                f"{inside.as_uri()}/../../etc/passwd", "ftp://example.com/x", "file://otherhost/etc/passwd"):
        with pytest.raises(ValueError) as caught:
            fetcher.fetch(url)
        assert str(caught.value) == f"refused to fetch {url}: only files in the templates folders may be used"
    assert len(fetcher.refused) == 6

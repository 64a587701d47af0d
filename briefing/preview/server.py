"""The preview's web server: the standard library's, on 127.0.0.1 only.

It listens on the loopback address and nowhere else, and answers only
requests addressed to ``127.0.0.1`` or ``localhost`` (a page elsewhere cannot
reach it through a name of its own pointing here). Routes are a table:

    /               the three renderings side by side (or the error page)
    /version        a number that changes when a watched file is saved
    /email          the HTML e-mail, for the page's 600 px frame
    /briefing.pdf   the PDF, for the page's PDF frame
    /briefing.md    the Markdown source, as text
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from datetime import date
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from briefing.dates import parse_day
from briefing.errors import BriefingError
from briefing.preview.pages import error_page, preview_page
from briefing.preview.session import PreviewSession, Rendered

log = logging.getLogger(__name__)

LOOPBACK = "127.0.0.1"
ALLOWED_HOSTS = frozenset({LOOPBACK, "localhost"})
HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"

Reply = tuple[HTTPStatus, str, bytes]


class PreviewServer(ThreadingHTTPServer):
    """A threading HTTP server bound to 127.0.0.1 that serves one ``PreviewSession``."""

    daemon_threads = True

    def __init__(self, session: PreviewSession, port: int) -> None:
        self.session = session
        super().__init__((LOOPBACK, port), PreviewHandler)

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.server_address[1]}/"

    def handle_error(self, request, client_address) -> None:
        """A browser that reloads drops the requests it no longer needs: not worth a traceback."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            log.debug("preview: %s went away before its answer", client_address)
        else:
            log.exception("preview: the request from %s failed", client_address)


def open_server(session: PreviewSession, port: int) -> PreviewServer:
    """The server, listening; ``BriefingError`` when the port cannot be had."""
    try:
        return PreviewServer(session, port)
    except OSError as exc:
        raise BriefingError(f"cannot listen on {LOOPBACK}:{port}: {exc.strerror} (choose another with --port)") from None


def _rendering(session: PreviewSession, query: dict) -> Rendered:
    return session.render(_asked_day(query) or session.default_day())


def _asked_day(query: dict) -> date | None:
    value = query.get("date", [""])[0]
    if not value:
        return None
    try:
        return parse_day(value)
    except ValueError as exc:
        raise BriefingError(f"date: {exc}") from None  # the page's ?date=, named


def page_route(session: PreviewSession, query: dict) -> Reply:
    rendered = _rendering(session, query)
    if rendered.ok:
        return HTTPStatus.OK, HTML, preview_page(rendered).encode()
    return HTTPStatus.INTERNAL_SERVER_ERROR, HTML, error_page(rendered).encode()


def output_route(name: str, content_type: str) -> Callable[[PreviewSession, dict], Reply]:
    """A route serving one rendering as it is, or the error page when it could not be made."""

    def route(session: PreviewSession, query: dict) -> Reply:
        rendered = _rendering(session, query)
        if name in rendered.outputs and rendered.ok:
            body = rendered.outputs[name]
            return HTTPStatus.OK, content_type, body if isinstance(body, bytes) else body.encode()
        return HTTPStatus.INTERNAL_SERVER_ERROR, HTML, error_page(rendered).encode()

    return route


def version_route(session: PreviewSession, query: dict) -> Reply:
    return HTTPStatus.OK, TEXT, str(session.version()).encode()


ROUTES: dict[str, Callable[[PreviewSession, dict], Reply]] = {
    "/": page_route,
    "/version": version_route,
    "/email": output_route("html", HTML),
    "/briefing.pdf": output_route("pdf", "application/pdf"),
    "/briefing.md": output_route("md", "text/markdown; charset=utf-8"),
}


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        parts = urlsplit(self.path)
        host = (self.headers.get("Host") or LOOPBACK).rsplit(":", 1)[0].strip("[]").lower()
        route = ROUTES.get(parts.path)
        if host not in ALLOWED_HOSTS:
            self._reply(HTTPStatus.FORBIDDEN, TEXT, b"This preview answers only to 127.0.0.1 and localhost.\n")
        elif route is None:
            self._reply(HTTPStatus.NOT_FOUND, TEXT, f"No page {parts.path}; the preview is at /\n".encode())
        else:
            try:
                self._reply(*route(self.server.session, parse_qs(parts.query)))
            except BriefingError as exc:
                self._reply(HTTPStatus.BAD_REQUEST, TEXT, f"{exc}\n".encode())

    def _reply(self, status: HTTPStatus, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (http.server's signature)
        log.debug("preview: " + format, *args)

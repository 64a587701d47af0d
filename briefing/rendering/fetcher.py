"""What the PDF renderer may read: files inside the templates folders, nothing else.

A template (or, if escaping ever failed, an article) that points at
``file:///etc/passwd`` or ``http://…`` gets nothing: WeasyPrint logs the
refusal and renders the PDF without it. ``data:`` URLs hold their bytes
themselves, so they are allowed.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

log = logging.getLogger(__name__)


class TemplatesOnlyFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves files of the given folders only.

    A file named in the first folder that is absent there but present in a
    later one is served from the later one, so a user's folder overrides the
    default folder file by file, as templates do. ``refused`` lists every URL
    turned down, for logs and tests.
    """

    def __init__(self, folders: list[Path]) -> None:
        super().__init__(allowed_protocols=("file", "data"))
        self.folders = [Path(folder).resolve() for folder in folders]
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        path = self._allowed_path(url) if scheme == "file" else None
        if path is None:
            self.refused.append(url)
            log.warning("refused to fetch %s: only files in the templates folders may be used", url)
            raise ValueError(f"refused to fetch {url}: only files in the templates folders may be used")
        return URLFetcherResponse(path.as_uri(), path.read_bytes(), headers={})

    def _allowed_path(self, url: str) -> Path | None:
        """The file ``url`` names, looked up in every folder in order, if it lies inside one."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(unquote(parts.path))).resolve()
        inside = [path.relative_to(folder) for folder in self.folders if path.is_relative_to(folder)]
        if not inside:
            return None
        for folder in self.folders:
            candidate = (folder / inside[0]).resolve()
            if candidate.is_relative_to(folder) and candidate.is_file():
                return candidate
        return None

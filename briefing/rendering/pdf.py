"""The PDF: WeasyPrint renders the print template (``briefing.pdf.html.j2`` + ``print.css``).

Page size comes from ``pdf.page_size``; ``pdf.tagged`` makes a tagged PDF/UA-1
file (structure tags, title and language for screen readers). The running
header, "Page N of M" footer and bookmarks are in ``print.css``. WeasyPrint
reads nothing but the templates folders (``fetcher.TemplatesOnlyFetcher``).

WeasyPrint is imported only where a PDF is made: loading it takes over a
second, so the PDF's process is started ahead and loads it (``load``) while
the briefing is still being composed (``rendering.start_ahead``).
"""

from __future__ import annotations

import re
from pathlib import Path

from briefing.errors import RenderError
from briefing.rendering.environment import render_template
from briefing.rendering.registry import RenderJob, register

TEMPLATE = "briefing.pdf.html.j2"
#: "A4", "letter", "A5 landscape", "210mm 297mm": what CSS accepts for @page size
PAGE_SIZE = re.compile(r"[A-Za-z0-9. ]{1,40}")


@register("pdf", "briefing.pdf")
def render_pdf(job: RenderJob) -> bytes:
    html = render_template(job.environment, TEMPLATE, briefing=job.briefing)
    return html_to_pdf(
        html,
        job.template_folders,
        page_size=job.settings.pdf.page_size,
        tagged=job.settings.pdf.tagged,
    )


def load() -> None:
    """Import WeasyPrint (and the fetcher built on it), so the first PDF need not wait for it."""
    import weasyprint  # noqa: F401

    import briefing.rendering.fetcher  # noqa: F401


def html_to_pdf(html: str, folders: list[Path], *, page_size: str = "A4", tagged: bool = True) -> bytes:
    """A PDF of ``html``, which may use files of ``folders`` (the first is its base) and nothing else."""
    if not PAGE_SIZE.fullmatch(page_size):
        raise RenderError(f"pdf.page_size: {page_size!r} is not a page size such as A4, letter or A5 landscape")
    from weasyprint import CSS, HTML

    from briefing.rendering.fetcher import TemplatesOnlyFetcher

    fetcher = TemplatesOnlyFetcher(folders)
    page = CSS(string=f"@page {{ size: {page_size} }}", url_fetcher=fetcher)
    options = {"pdf_variant": "pdf/ua-1", "pdf_tags": True} if tagged else {}
    try:
        document = HTML(string=html, base_url=Path(folders[0]).resolve().as_uri() + "/", url_fetcher=fetcher)
        return document.write_pdf(stylesheets=[page], **options)
    except (ValueError, OSError) as exc:
        raise RenderError(f"{TEMPLATE}: cannot make the PDF: {exc}") from None

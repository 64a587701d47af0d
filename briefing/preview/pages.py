"""The preview's own pages: the three renderings side by side, and the error page.

Everything shown is escaped here; the renderings themselves are framed:
the Markdown's HTML and the e-mail in sandboxed frames (no scripts, no
reaching the page), the PDF in the browser's own viewer. Only this page has a
script: the few lines that ask ``/version`` twice a second and reload when a
watched file was saved.
"""

from __future__ import annotations

from datetime import date
from html import escape

import markdown as markdown_package

from briefing.preview.session import Rendered

#: how often the page asks whether a watched file changed, in milliseconds
POLL_MS = 500

RELOAD_SCRIPT = """<script>
(function () {
  var shown = "%(version)s";
  setInterval(function () {
    fetch("/version", {cache: "no-store"})
      .then(function (answer) { return answer.text(); })
      .then(function (now) { if (now.trim() !== shown) { location.reload(); } })
      .catch(function () {});
  }, %(poll)d);
})();
</script>"""

STYLE = """<style>
  * { box-sizing: border-box; }
  body { margin: 0; font: 14px/1.4 system-ui, sans-serif; color: #1d1d1b; background: #ecebe7; }
  header { display: flex; gap: 16px; align-items: center; padding: 8px 16px; background: #1d1d1b; color: #fff; }
  header h1 { font-size: 15px; margin: 0; font-weight: 600; }
  header form { margin-left: auto; }
  header .meta { color: #c9c5bb; }
  main { display: grid; grid-template-columns: minmax(320px, 1fr) 632px minmax(360px, 1fr); gap: 12px;
    padding: 12px; height: calc(100vh - 46px); }
  section { display: flex; flex-direction: column; min-height: 0; background: #fff; border: 1px solid #d8d2c4; }
  section h2 { font-size: 12px; text-transform: uppercase; letter-spacing: 1px; margin: 0; padding: 6px 10px;
    border-bottom: 1px solid #d8d2c4; color: #6b675e; }
  iframe { border: 0; width: 100%; flex: 1; min-height: 0; }
  iframe.email { width: 600px; margin: 0 auto; }
  .markdown { display: grid; grid-template-rows: 1fr 1fr; flex: 1; min-height: 0; }
  .markdown iframe { height: 100%; }
  section h2 a { float: right; text-transform: none; letter-spacing: 0; color: #8a1c1c; }
  pre { margin: 0; padding: 10px; overflow: auto; white-space: pre-wrap; font-size: 12px; border-top: 1px solid #d8d2c4; }
  .problems { margin: 24px; padding: 16px 24px; background: #fff; border-left: 4px solid #8a1c1c; }
  .problems li { font-family: ui-monospace, monospace; margin: 6px 0; white-space: pre-wrap; }
</style>"""

MARKDOWN_FRAME = """<!DOCTYPE html><html><head><meta charset="utf-8"><style>
body { font: 15px/1.5 Georgia, serif; margin: 16px; color: #1d1d1b; }
table { border-collapse: collapse; } td, th { border: 1px solid #d8d2c4; padding: 3px 6px; text-align: left; }
blockquote { margin: 0 0 12px 0; padding-left: 12px; border-left: 3px solid #8a1c1c; }
</style></head><body>%s</body></html>"""


def _head(title: str, version: int) -> str:
    script = RELOAD_SCRIPT % {"version": version, "poll": POLL_MS}
    return f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>{escape(title)}</title>\n' \
           f"{STYLE}\n{script}\n</head>\n"


def _header(heading: str, day: date, meta: str) -> str:
    return (
        f"<header><h1>{escape(heading)}</h1><span class=\"meta\">{escape(meta)}</span>"
        f'<form method="get" action="/"><input type="date" name="date" value="{day.isoformat()}"> '
        '<button type="submit">Show</button> <a href="/" style="color:#fff">latest</a></form></header>\n'
    )


def markdown_as_html(text: str) -> str:
    """The Markdown as a reader's app would show it (Python-Markdown, with tables)."""
    return markdown_package.markdown(text, extensions=["tables"])


def preview_page(rendered: Rendered) -> str:
    """The briefing of one day: Markdown (as HTML and as source), the e-mail, the PDF."""
    day, version = rendered.day.isoformat(), rendered.version
    source = rendered.outputs["md"]
    if isinstance(source, bytes):
        source = source.decode("utf-8")
    frame = MARKDOWN_FRAME % markdown_as_html(source)
    meta = f"{rendered.article_count} articles · reloads when a template, stylesheet or the configuration is saved"
    return (
        _head(f"Preview: {rendered.title}", version)
        + "<body>\n"
        + _header(f"Preview: {rendered.title}", rendered.day, meta)
        + "<main>\n"
        + '<section><h2>Markdown</h2><div class="markdown">'
        + f'<iframe class="markdown-html" sandbox srcdoc="{escape(frame, quote=True)}" title="Markdown as HTML"></iframe>'
        + f'<pre class="markdown-source">{escape(source)}</pre></div></section>\n'
        + f'<section><h2>E-mail (600 px)</h2><iframe class="email" sandbox src="/email?date={day}&amp;v={version}" '
        + 'title="The HTML e-mail"></iframe></section>\n'
        + f'<section><h2>PDF <a href="/briefing.pdf?date={day}&amp;v={version}" target="_blank">open</a></h2>'
        + f'<iframe class="pdf" src="/briefing.pdf?date={day}&amp;v={version}" '
        + 'title="The PDF"></iframe></section>\n'
        + "</main>\n</body>\n</html>\n"
    )


def error_page(rendered: Rendered) -> str:
    """What stopped the rendering, each problem as file:line: message; the page reloads once it is fixed."""
    items = "".join(f"<li>{escape(problem)}</li>\n" for problem in rendered.problems)
    return (
        _head("Preview: a template needs fixing", rendered.version)
        + "<body>\n"
        + _header("Preview: a template needs fixing", rendered.day, "this page reloads when you save")
        + f'<div class="problems"><p>The briefing of {rendered.day.isoformat()} could not be rendered:</p>\n'
        + f"<ul>\n{items}</ul></div>\n</body>\n</html>\n"
    )

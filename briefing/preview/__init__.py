"""``briefing preview``: a day's briefing in its three renderings, live while you edit the templates.

    from briefing.preview import PreviewSession, open_server

    server = open_server(PreviewSession(settings, user_templates=folder), port=8765)
    server.serve_forever()

``session.py`` renders (in memory, once per change), ``watch.py`` notices
saved files, ``pages.py`` makes the pages, ``server.py`` serves them on
127.0.0.1 only.
"""

from briefing.preview.server import PreviewServer, open_server
from briefing.preview.session import PreviewSession, Rendered

__all__ = ["PreviewServer", "PreviewSession", "Rendered", "open_server"]

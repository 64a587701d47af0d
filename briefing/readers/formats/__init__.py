"""The format modules. Importing this package registers every reader with ``briefing.readers.base``.

One module per format, one ``Reader`` subclass each:

| module | format | extensions |
| --- | --- | --- |
| ``plaintext`` | news-site plain-text export (the seed's layout) | ``.txt`` |
| ``jsonfile`` | JSON object or list, JSON Lines | ``.json``, ``.jsonl`` |
| ``markdown`` | Markdown with YAML front matter | ``.md``, ``.markdown`` |
| ``feed`` | RSS 2.0 and Atom | ``.xml``, ``.rss``, ``.atom`` |
| ``webpage`` | a saved HTML page | ``.html``, ``.htm`` |
"""

from briefing.readers.formats import feed, jsonfile, markdown, plaintext, webpage

__all__ = ["feed", "jsonfile", "markdown", "plaintext", "webpage"]

"""briefing: turn a newsroom's stored articles into a daily briefing."""

__version__ = "0.1.0"

"""The daily run: when a briefing is due (``trigger``), the scheduler process (``scheduler``), the
claims that make each briefing once (``claims``) and how a run ended (``history``).

Making a briefing is ``briefing.generation``; this package decides when, and
keeps two processes from making the same one. Import the modules themselves:
this file imports nothing, so ``briefing.generation`` can use the claims
without loading APScheduler.
"""

"""The briefing's one vocabulary of English news: currencies, units, months, scales, abbreviations.

Extraction recognises figures and dates with it; composition words them with it.
"""

"""How each source tells the story: opinion vs reporting, attribution, tone, loaded terms, coverage.

``profile.build_sources`` is the entry point. Nothing is imported here, so the
per-document stage can use ``sources.lexicon`` without pulling in the
cross-document modules (which themselves import the per-document ones).
"""

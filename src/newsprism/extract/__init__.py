"""Extraction: per-document rules over the spaCy parse.

Entity mentions (``entities``), quotes, claims and events each live in their
own module; import them from there. This package imports nothing on purpose,
so that loading one extractor never pulls in the others.
"""

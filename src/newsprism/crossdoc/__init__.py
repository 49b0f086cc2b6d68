"""Cross-document stages: entity linking, near-duplicates, stories, alignment.

Each stage lives in its own module; import it from there. This package imports
nothing on purpose, so that loading one stage never pulls in the others.
"""

"""Detectors: each module finds one family of kinds and returns candidate spans.

Every detector is a function `find(text) -> list[Span]`; candidates may overlap, the pipeline
resolves them. Detectors never log or store the text they look at.
"""

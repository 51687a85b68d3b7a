"""Renderers: one module per output format, all fed the same list of FileResults."""

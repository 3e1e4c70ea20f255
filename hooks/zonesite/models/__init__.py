"""Typed content models: the one place that knows the editors' key names. No MkDocs here."""

"""Editors' commands without a site build: `python -m zonesite check|new-news|new-fiche|schemas`.

Run through the Makefile (`make check`, `make new-news TITLE=…`), which sets PYTHONPATH=hooks."""

from .cli import main

raise SystemExit(main())

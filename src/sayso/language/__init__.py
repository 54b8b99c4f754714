"""Language: which language an article is in, and the spaCy pipeline that reads it.

The names below are imported on first use, so that the command line and ``sayso.records`` need not load
spaCy to read a language code."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["backbone_name", "detect_language", "load_backbone"]

_HOMES = {"backbone_name": "backbone", "load_backbone": "backbone", "detect_language": "detect"}


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'sayso.language' has no attribute {name!r}")
    return getattr(importlib.import_module(f"sayso.language.{_HOMES[name]}"), name)

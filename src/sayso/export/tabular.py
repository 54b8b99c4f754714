"""csv and tsv: one row a claim, cluster or source, safe to open in a spreadsheet.

A cell that a spreadsheet would read as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return) gets a leading ``'``, as OWASP's advice on CSV injection says; lists are joined with
``" | "``. Numbers stay numbers.
"""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from sayso.export._rows import rows

if TYPE_CHECKING:
    from sayso.export._select import Selection

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LIST_JOIN = " | "


def cell(value: Any) -> str | int | float:
    """A value as a spreadsheet-safe cell: text that could start a formula is quoted with ``'``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return value
    text = LIST_JOIN.join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def table(kind: str, selection: Selection, *, delimiter: str) -> str:
    columns, found = rows(kind, selection)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow([name for name, _ in columns])
    for row in found:
        writer.writerow([cell(row[name]) for name, _ in columns])
    return out.getvalue()


def write(kind: str, selection: Selection) -> str:
    """csv (the ``tsv`` format calls ``write_tsv``)."""
    return table(kind, selection, delimiter=",")


def write_tsv(kind: str, selection: Selection) -> str:
    return table(kind, selection, delimiter="\t")

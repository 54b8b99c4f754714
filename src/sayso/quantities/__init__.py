"""Quantities: every number that counts or measures something, with its bounds and qualifier.

    find_quantities(text, language="nl", times=times) -> [Quantity(...), ...]

The number grammar (:mod:`sayso.quantities.numbers`) is shared with the time stage.
"""

from sayso.quantities._find import find_quantities
from sayso.quantities.numbers import format_number, parse_number

__all__ = ["find_quantities", "format_number", "parse_number"]

"""Quantities: every number that counts or measures something, with its bounds and qualifier.

    find_quantities(text, language="nl", times=times) -> [Quantity(...), ...]

The number grammar (:mod:`sayso.numbers`) sits below both this stage and the time stage.
"""

from sayso.numbers import format_number, parse_number
from sayso.quantities._find import find_quantities

__all__ = ["find_quantities", "format_number", "parse_number"]

"""Apache Parquet for data work: the rows of csv, with typed columns (lists stay lists), via pyarrow."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.parquet as pq

from sayso.export._rows import rows

if TYPE_CHECKING:
    from sayso.export._select import Selection

_TYPES = {
    "int": pa.int64(),
    "float": pa.float64(),
    "str": pa.string(),
    "bool": pa.bool_(),
    "list": pa.list_(pa.string()),
}


def write(kind: str, selection: Selection) -> bytes:
    columns, found = rows(kind, selection)
    schema = pa.schema([(name, _TYPES[kind_]) for name, kind_ in columns])
    out = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(found, schema=schema), out)
    return out.getvalue()

"""Parquet copies of the merged tables, for DuckDB, Spark and anything that reads Arrow.

An optional extra (`pip install 'peerjournal[parquet]'`, which brings pyarrow): a participant's
install never needs it. Columns carry their types, so nothing has to be told how to read them:
whole numbers are int64 (scales, session numbers, word counts), everything else UTF-8 strings;
a missing value is null. Cells are written as they are: no spreadsheet guard (that is for CSV).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peerjournal.errors import UsageError
from peerjournal.i18n import _

PARQUET_FILES = ("entries.parquet", "feedback.parquet", "feedback_wide.parquet")
INTEGER_COLUMNS = {"session_number", "word_count", "export_seq"}


def _arrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise UsageError(
            _("Parquet output needs pyarrow: pip install 'peerjournal[parquet]'")
        ) from None
    return pyarrow


def _column(values: list[str], integer: bool) -> tuple[list[Any], str]:
    if integer:
        return [int(v) if v != "" else None for v in values], "int64"
    return [v if v != "" else None for v in values], "string"


def table_bytes(header: Sequence[str], rows: Sequence[Sequence[str]], integers: set[str]) -> bytes:
    """One Parquet file's bytes; `integers` names the whole-number columns."""
    pa = _arrow()
    import pyarrow.parquet as pq

    columns = {}
    for i, name in enumerate(header):
        values, kind = _column([row[i] for row in rows], name in integers)
        columns[name] = pa.array(values, type=getattr(pa, kind)())
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(columns), sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())

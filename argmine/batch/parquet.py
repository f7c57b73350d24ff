"""Parquet OUTPUT: the JSON Lines journal turned into a Parquet file with columns an analyst can query.

Columns: ``id`` (string), ``line`` (int64), ``document`` (the document as a JSON string), then ``url``,
``date``, ``title`` (from the document's ``meta``; null when absent: web pages have them), ``n_units``,
``n_relations`` (int64) and ``major_claim`` (the text of the first major claim, or null). DuckDB or pandas read
it directly, e.g. ``SELECT date, title, major_claim FROM 'mined.parquet' WHERE n_units > 5``.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict, Optional

from .readers import _pyarrow_parquet
from .records import BatchError

__all__ = ["journal_to_parquet", "parquet_to_journal"]


def _columns(pa):
    return [("id", pa.string()), ("line", pa.int64()), ("document", pa.string()), ("url", pa.string()),
            ("date", pa.string()), ("title", pa.string()), ("n_units", pa.int64()), ("n_relations", pa.int64()),
            ("major_claim", pa.string())]


def _text_or_none(v: Any) -> Optional[str]:
    return v if isinstance(v, str) else None


def _row(d: dict, line: str) -> Dict[str, Any]:
    """The Parquet row of one document (``d``: its JSON object; ``line``: its JSON text)."""
    meta = d.get("meta") or {}
    units = d.get("units") or []
    mc = next((u.get("text") for u in units if u.get("label") == "MajorClaim"), None)
    return {"id": d.get("id"), "line": meta.get("line"), "document": line, "url": _text_or_none(meta.get("url")),
            "date": _text_or_none(meta.get("date")), "title": _text_or_none(meta.get("title")),
            "n_units": len(units), "n_relations": len(d.get("relations") or []), "major_claim": mc}




def journal_to_parquet(journal: Path, out: Path, rows_per_group: int = 1024) -> None:
    """Write the documents of ``journal`` (JSON Lines) to ``out`` (Parquet, atomically: a temporary file, then
    renamed), ``rows_per_group`` rows per row group; memory holds one row group. Raises BatchError without pyarrow."""
    pq = _pyarrow_parquet()
    import pyarrow as pa

    schema = pa.schema([(name, typ) for name, typ in _columns(pa)])
    tmp = out.with_name(out.name + ".tmp")
    writer = pq.ParquetWriter(tmp, schema)
    try:
        cols: Dict[str, list] = {name: [] for name in schema.names}

        def flush():
            if cols["id"]:
                writer.write_table(pa.table(cols, schema=schema))
                for v in cols.values():
                    v.clear()

        if journal.exists():
            with open(journal, "rb") as f:
                for raw in f:
                    s = raw.decode("utf-8").rstrip("\n")
                    for name, value in _row(json.loads(s), s).items():
                        cols[name].append(value)
                    if len(cols["id"]) >= rows_per_group:
                        flush()
        flush()
    finally:
        writer.close()
    with open(tmp, "rb") as f:
        os.fsync(f.fileno())
    os.replace(tmp, out)


def parquet_to_journal(out: Path, journal: Path) -> None:
    """Turn a Parquet OUTPUT of an earlier run back into the JSON Lines journal (to resume); BatchError when ``out``
    is not a Parquet file argmine batch wrote."""
    pq = _pyarrow_parquet()
    try:
        pf = pq.ParquetFile(out)
        names, why = pf.schema_arrow.names, "no 'document' column"
    except Exception as e:
        pf, names, why = None, [], str(e)
    if pf is None or "document" not in names:
        raise BatchError(f"OUTPUT {str(out)!r} must be a Parquet file written by argmine batch; got one that is not "
                         f"({why}). Write to another file, or remove this one.")
    tmp = journal.with_name(journal.name + ".tmp")
    with open(tmp, "wb") as f:
        for batch in pf.iter_batches(batch_size=1024, columns=["document"]):
            for s in batch.column(0).to_pylist():
                f.write(s.encode("utf-8") + b"\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, journal)

"""A small run of benchmarks/search_bench.py (the 1M run is recorded in benchmarks/README.md)."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("search_bench", ROOT / "benchmarks" / "search_bench.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_small_bench_loads_indexes_and_searches(tmp_path: Path) -> None:
    bench = _bench()
    url = f"sqlite:///{tmp_path / 'bench.sqlite3'}"
    load = bench.load(url, 2_000, 500)
    assert load["rows"] == 2_000 and load["insert_rate"] > 500
    with sqlite3.connect(tmp_path / "bench.sqlite3") as conn:
        conn.execute("INSERT INTO notice_fts(notice_fts) VALUES ('integrity-check')")
        expected = conn.execute("SELECT count(*) FROM notice WHERE instr(title || body, '人工智能') > 0").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM notice_fts WHERE notice_fts MATCH '\"人工智能\"'").fetchone()[0] \
            == expected
    timings = bench.time_queries(url, ["人工智能", "科技", "券"], 2)
    assert all(q["hits"] == 20 for q in timings["queries"].values())
    assert timings["median_ms"] < 1_000

"""Render the HTML digest in headless Chromium (POLICYWATCH_UPDATE_DOCS=1 refreshes docs/digest-example.png)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from notifier_builders import make_digest, make_item

from notifier.render import render_html

CHROMIUM = Path("/usr/bin/chromium")
DOCS_PNG = Path(__file__).resolve().parents[2] / "docs" / "digest-example.png"


_MOST = {"source_id": "most", "source_name": "科技部", "city": "全国", "issuers": ("科技部",)}
_SZ = {
    "source_id": "shenzhen",
    "source_name": "深圳",
    "city": "深圳",
    "issuers": ("深圳市科技创新局", "深圳市财政局"),
}
_HZ = {"source_id": "hangzhou", "source_name": "杭州", "city": "杭州", "issuers": ("杭州市经济和信息化局",)}


def _example_digest():
    items = (
        make_item(
            1,
            title="科技部关于支持浙江省建设国家新一代人工智能创新发展试验区的函",
            events=({"type": "pilot_zone_approved", "city": "德清县"},),
            doc_number="国科发规〔2019〕303号",
            **_MOST,
        ),
        make_item(
            2,
            change="revised",
            title="深圳市关于加快推动人工智能高质量发展的若干措施（修订）",
            events=({"type": "funding_rule", "max_amount_yuan": 20_000_000, "ratio": 0.3},),
            diff="- 按项目实际投入的20%给予资助，最高1000万元\n+ 按项目实际投入的30%给予资助，最高2000万元",
            doc_number="深府办规〔2024〕5号",
            **_SZ,
        ),
        make_item(
            3,
            title="杭州市人工智能产业基金管理办法<script>alert(1)</script>",
            events=(
                {"type": "funding_rule", "fund_size_yuan": 2_000_000_000},
                {"type": "funding_rule", "text": "一事一议"},
            ),
            doc_number=None,
            **_HZ,
        ),
        make_item(
            4,
            change="repealed",
            title="关于印发《国家新一代人工智能创新发展试验区建设工作指引》的通知",
            events=({"type": "repeal", "doc_number": "国科发规〔2019〕298号"},),
            repealed_by="国科发规〔2024〕12号",
            doc_number="国科发规〔2019〕298号",
            **_MOST,
        ),
    )
    return make_digest(items)


@pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install chromium fonts-noto-cjk)"
)
def test_html_digest_screenshot(tmp_path: Path) -> None:
    page = tmp_path / "digest.html"
    page.write_text(render_html(_example_digest()), encoding="utf-8")
    out = tmp_path / "digest.png"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        f"--screenshot={out}",
        "--window-size=900,1400",
        page.as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    if os.environ.get("POLICYWATCH_UPDATE_DOCS"):  # refresh the README picture on purpose only
        DOCS_PNG.parent.mkdir(exist_ok=True)
        shutil.copyfile(out, DOCS_PNG)

"""The HTML reports laid out in headless Chromium: readable at 800 px and on a 390 px phone.

The page is measured by a script appended to a copy of it; Chromium's ``--dump-dom`` prints the
DOM after the script ran, so the numbers come from the real layout engine, not from our CSS.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from store.reports import FUNDING_COLUMNS, render_html

CHROMIUM = Path("/usr/bin/chromium")

_MEASURE = """<script>
// Cells with more than a few characters: a city name is rightly narrow, a title squeezed is not.
const cells = [...document.querySelectorAll('tbody td')].filter(c => c.textContent.trim().length > 8);
const narrowest = Math.min(...cells.map(c => c.getBoundingClientRect().width));
document.body.insertAdjacentHTML('beforeend', '<pre id="m">' + JSON.stringify({
  overflow: document.documentElement.scrollWidth - window.innerWidth,
  narrowest: narrowest,
}) + '</pre>');
</script>"""


def _rows(n: int) -> list[dict[str, str]]:
    row = {"city": "深圳", "issuer": "深圳市科技创新局 深圳市财政局",
           "title": "深圳市关于加快推动人工智能高质量发展高水平应用行动方案（2026—2028年）的若干措施",
           "doc_number": "深科技创新规〔2026〕3号", "date": "2026-11-18", "instrument": "事后资助",
           "cap": "2000万元", "ratio": "30%", "fund": "100亿元",
           "text": "对经认定的人工智能重大项目，按项目实际投入的30%给予资助，单个项目最高2000万元；"
                   "https://stic.sz.gov.cn/xxgk/tzgg/content/post_12345678.html",
           "url": "https://stic.sz.gov.cn/xxgk/tzgg/content/post_12345678.html"}
    return [dict(row) for _ in range(n)]


def _measure(tmp_path: Path, width: int) -> dict[str, float]:
    html = render_html("资金扶持政策：各城市对比", FUNDING_COLUMNS, _rows(6), "6 条")
    page = tmp_path / f"report-{width}.html"
    page.write_text(html.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    command = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp_path / f'profile-{width}'}", f"--window-size={width},1000",
               "--dump-dom", page.as_uri()]
    out = subprocess.run(command, check=True, capture_output=True, text=True, timeout=120).stdout
    found = re.search(r'<pre id="m">(.*?)</pre>', out)
    assert found, out[-2000:]
    result: dict[str, float] = json.loads(found.group(1))
    return result


@pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium not installed (apt-get install chromium)")
@pytest.mark.parametrize("width", [390, 800, 1280])
def test_funding_report_fits_the_window_with_readable_cells(tmp_path: Path, width: int) -> None:
    m = _measure(tmp_path, width)
    assert m["overflow"] <= 0, f"{width}px: {m['overflow']}px of horizontal scrolling"
    # A ten-column table squeezed into 800px left text cells a few characters wide (issue 14).
    assert m["narrowest"] >= 60, f"{width}px: a cell only {m['narrowest']:.0f}px wide"

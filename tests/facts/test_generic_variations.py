"""Every field survives the variations of tests/facts/pages_rules/build.py (whitespace, full-width
punctuation, wrappers, attribute order, upper-case tags), for one page in UTF-8 and GBK and for every
tuning-split and rule held-out page (issue 15). The untouched split is not read here: only its score is."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from pathlib import Path

import pytest

from parsers.facts.evaluate import load_page_cases, predicted_page
from parsers.notice import parse_bytes
from tests.facts.pages_rules.build import SITE, TITLE, VARIATIONS, encodings, page

URL = "https://kjj.jiangling.example.gov.cn/zwgk/tzgg/202603/t20260306_91.html"
HEAD = (f"<div class='article-head'><h1>{TITLE}</h1>"
        f"<p class='info'>文号：江科发〔2026〕7号 发布时间：2026-03-09 10:30 来源：{SITE}</p></div>")
FILES = ("<div class='fj'><p>附件：</p><p><a href='./P020260309551.pdf'>1.揭榜任务清单</a></p>"
         "<p><a href='/module/download/downfile.jsp?classid=0&filename=2603091.wps'>2.申报书模板</a></p></div>")


def _record(variation: str, encoding: str):  # type: ignore[no-untyped-def]
    html = VARIATIONS[variation](page(HEAD, f"{TITLE}_通知公告_{SITE}", body_wrap="<div class='zw'>{}</div>" + FILES))
    data = dict(encodings(html))[encoding]
    return parse_bytes(data, URL, is_text=False, source=None, channel=None)


@pytest.mark.parametrize("encoding", ["utf-8", "gbk"])
@pytest.mark.parametrize("variation", sorted(VARIATIONS))
def test_every_field_survives_the_variation(variation: str, encoding: str) -> None:
    rec = _record(variation, encoding)
    assert rec.title == TITLE
    assert rec.doc_number == "江科发〔2026〕7号"
    assert rec.issuers == (SITE,)
    assert rec.written_date == dt.date(2026, 3, 6)
    assert rec.published_date == dt.date(2026, 3, 9)
    assert [a.name for a in rec.attachments] == ["1.揭榜任务清单", "2.申报书模板"]
    assert rec.attachments[0].url == "https://kjj.jiangling.example.gov.cn/zwgk/tzgg/202603/P020260309551.pdf"


def _folded(value: object) -> object:
    """Full-width forms folded: the 'fullwidth' variation changes what a page prints, not what it says."""
    return unicodedata.normalize("NFKC", json.dumps(value, ensure_ascii=False, sort_keys=True))


_PAGE_SETS = [Path(__file__).parent / "pages" / "tuning", Path(__file__).parent / "pages_rules" / "heldout"]


@pytest.mark.parametrize("corpus", _PAGE_SETS, ids=lambda p: p.name)
def test_corpus_pages_read_the_same_under_every_variation(corpus: Path) -> None:
    changed = []
    for case in load_page_cases(corpus):
        raw = (corpus / case["file"]).read_bytes()
        encoding = "utf-8" if case["encoding"] == "utf-8" else "gb18030"
        base = _folded(predicted_page(raw, case["url"]))
        for name, vary in VARIATIONS.items():
            got = _folded(predicted_page(vary(raw.decode(encoding)).encode(encoding), case["url"]))
            if got != base:
                changed.append(f"{case['id']} {name}")
    assert not changed, changed

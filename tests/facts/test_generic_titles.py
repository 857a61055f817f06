"""Titles on templates the rules were not written on (issue 15): every layout below, under every
variation of tests/facts/pages_rules/build.py, must give the document's own title."""

from __future__ import annotations

import pytest

from parsers.detail import generic_detail
from parsers.notice import parse_bytes
from parsers.titles import is_org_name, strip_site
from tests.facts.pages_rules.build import SITE, TITLE, VARIATIONS, encodings, page

URL = "https://kjj.jiangling.example.gov.cn/zwgk/tzgg/202603/t20260306_88.html"
BYLINE = f"发布时间：2026-03-06 09:30 来源：{SITE}"
SHORT = "关于2026年清明节放假安排的通知"
JOINT = "江陵市科学技术局 江陵市财政局关于印发《江陵市科技创新券管理办法》的通知"
LONG = "江陵市人民政府办公室关于印发江陵市促进人工智能与实体经济深度融合若干措施（2026—2028年）的通知"

LAYOUTS = {
    # an article head whose class reads like chrome ("-head", "-top") still holds the heading and byline
    "chrome_named_article_head": (page(f"<div class='article-head'><h1>{TITLE}</h1><p>{BYLINE}</p></div>",
                                       f"{TITLE}_通知公告_{SITE}"), TITLE),
    "detail_top": (page(f"<div class='detail-top'><h2>{TITLE}</h2></div>", TITLE), TITLE),
    # metas that carry the site name too
    "og_title_with_site": (page(f"<h2>{TITLE}</h2>", f"{TITLE} - {SITE}",
                                metas=f"<meta property='og:title' content='{TITLE} - {SITE}'>"), TITLE),
    "article_title_meta_with_site": (page(f"<p>{TITLE}</p>", SITE,
                                          metas=f"<meta name='ArticleTitle' content='{TITLE}_{SITE}'>"), TITLE),
    "meta_name_title": (page("", SITE, metas=f"<meta name='title' content='{TITLE}'>"), TITLE),
    # a logo heading (another spelling of the site's name) before the document's heading
    "logo_heading_first": (page(f"<h1 class='logo'>江陵科技局</h1><div class='art_title'>{TITLE}</div>", "江陵科技局"),
                           TITLE),
    "org_heading_first": (page(f"<h1>江陵市人民政府</h1><h2>{TITLE}</h2>", SITE), TITLE),
    # <title> with the site in front: breadcrumb arrows, a bare hyphen, a plain space
    "title_tag_breadcrumb": (page("", f"{SITE} &gt; 通知公告 &gt; {TITLE}"), TITLE),
    "title_tag_site_hyphen": (page("", f"{SITE}-{TITLE}"), TITLE),
    "title_tag_site_space": (page("", f"{SITE} {TITLE}"), TITLE),
    # a short title beside a long portal name
    "short_title_long_portal": (page("", f"{SHORT}_通知公告_江陵市人民政府门户网站"), SHORT),
    # a cut-off <title> confirms the full heading
    "truncated_title_tag": (page(f"<h3>{TITLE}</h3>", f"{TITLE[:14]}..._{SITE}"), TITLE),
    # a "title" box holding the heading and the byline
    "title_box_with_byline": (page(f"<div class='title'><h2>{TITLE}</h2><p>{BYLINE}</p></div>", SITE), TITLE),
    # an old table layout: the heading in <font>, the date in the next row
    "font_row_then_date_row": (page(f"<table><tr><td align='center'><font size='5'><b>{TITLE}</b></font></td></tr>"
                                    "<tr><td>2026-03-06</td></tr></table>", SITE), TITLE),
    "metadata_title_cell": (page(f"<table><tr><th>标　　题：</th><td>{TITLE}</td></tr>"
                                 "<tr><th>发布日期：</th><td>2026-03-06</td></tr></table>", SITE), TITLE),
    # a joint title opened by the site's own bureau: the first issuer is not the site name glued on
    "joint_title_led_by_the_site": (page(f"<div class='bt'>{JOINT}</div>", f"{JOINT}_通知公告_{SITE}",
                                         metas=f"<meta name='ArticleTitle' content='{JOINT}'>"), JOINT),
    # a CMS that cuts ArticleTitle (and a related-list link) to 20 characters: the heading is whole
    "article_title_meta_cut_short": (page(f"<h1 class='art-tit'>{LONG}</h1>", SITE,
                                          metas=f"<meta name='ArticleTitle' content='{LONG[:20]}'>"), LONG),
}


@pytest.mark.parametrize("variation", sorted(VARIATIONS))
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_own_title_on_unseen_layouts(layout: str, variation: str) -> None:
    html, expected = LAYOUTS[layout]
    for encoding, data in encodings(VARIATIONS[variation](html)):
        record = parse_bytes(data, URL, is_text=False, source=None, channel=None)
        assert record.title == expected, (layout, variation, encoding)


def test_chrome_named_article_head_gives_its_byline_date() -> None:
    html, _ = LAYOUTS["chrome_named_article_head"]
    record = parse_bytes(html.encode("utf-8"), URL, is_text=False, source=None, channel=None)
    assert str(record.published_date) == "2026-03-06"


def test_site_names_come_off_either_end_and_titles_stay_whole() -> None:
    sites = {"江陵市科学技术局"}
    own = "关于印发《江陵市算力券管理办法》的通知"
    assert strip_site(f"江陵市科学技术局-{own}", sites) == own
    assert strip_site(f"{own} 江陵市科学技术局", sites) == own
    # the document's own title may begin with the site's name: it stays
    assert strip_site("江陵市科学技术局关于印发《办法》的通知", sites) == "江陵市科学技术局关于印发《办法》的通知"
    assert strip_site("江陵市人工智能产业发展规划(2026-2030年)", sites) == "江陵市人工智能产业发展规划(2026-2030年)"
    assert strip_site("关于放假的通知 › 通知公告 › 江陵市人民政府门户网站", set()) == "关于放假的通知"
    # joint issuers, the site's bureau first: kept whole; the same name twice, or a hyphen, is the site
    joint = "江陵市科学技术局 江陵市财政局关于印发《办法》的通知"
    assert strip_site(joint, sites) == joint
    assert strip_site("江陵市科学技术局 江陵市科学技术局关于印发《办法》的通知", sites) == \
        "江陵市科学技术局关于印发《办法》的通知"
    assert strip_site("江陵市科学技术局 关于印发《办法》的通知", sites) == "关于印发《办法》的通知"
    # a "——" subtitle is part of the title
    subtitled = "人工智能赋能制造业——江陵市的实践"
    assert strip_site(f"{subtitled}_工作动态_江陵市人民政府", set()) == subtitled


def test_organisation_names_are_not_titles() -> None:
    assert is_org_name("江陵市人民政府门户网站") and is_org_name("江陵科技局")
    assert not is_org_name("关于成立江陵市人工智能创新中心的通知")
    assert not is_org_name("江陵市人工智能创新中心揭牌")


MORE_LAYOUTS = {
    # the HTML source wraps the heading's line
    "heading_wrapped_in_source": (page(f"<h1>\n  {TITLE[:10]}\n  {TITLE[10:]}\n</h1>", SITE), TITLE),
    # the column's name is a heading too, before the document's
    "column_heading_first": (page(f"<h2 class='lmmc'>通知公告</h2><h1>{TITLE}</h1>", SITE), TITLE),
    # no heading outside the text: its first, centred bold line
    "title_inside_the_text": (page("", SITE, body_wrap="<div class='zw'><p style='text-align:center'><strong>"
                                   + TITLE + "</strong></p>{}</div>"), TITLE),
}


@pytest.mark.parametrize("variation", sorted(VARIATIONS))
@pytest.mark.parametrize("layout", sorted(MORE_LAYOUTS))
def test_own_title_when_headings_mislead(layout: str, variation: str) -> None:
    html, expected = MORE_LAYOUTS[layout]
    record = parse_bytes(VARIATIONS[variation](html).encode("utf-8"), URL, is_text=False, source=None, channel=None)
    assert record.title == expected, (layout, variation)


def test_a_page_titled_only_by_its_site_still_parses_and_says_why() -> None:
    record = parse_bytes(page("", SITE).encode("utf-8"), URL, is_text=False, source=None, channel=None)
    assert record.title == SITE and record.written_date is not None
    rows = {row["rule"]: row["verdict"] for row in generic_detail(page("", SITE), URL).explain}
    assert rows["title.title_tag"].startswith("won: no better candidate")

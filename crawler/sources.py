"""The built-in sources. Each channel is data: URL, platform family and its declared quirks.

Selectors follow ../shared/reference/sites.md; every one is count-checked by the platform adapter.
"""

from __future__ import annotations

from crawler.registry import ChannelSpec, SourceSpec

T_DATE_URL = r"/t\d{8}_\d+\.s?html?$"

# MOST 信息公开 table lists (规范性文件, 其他文件): title attribute in single quotes, 文号 and date columns.
_MOST_XXGK = {
    "list_item": "#data_list li",
    "link": "a.list-main-li-item::attr(href)",
    "title": "a.list-main-li-item::attr(title)",
    "doc_number": "div.w_list_fwzh::text",
    "date": "div.w_list_rq::text",
    "article_url": T_DATE_URL,
    "detail_title": [".xxgk_title"],
    "detail_body": ["#Zoom"],
}
# MOST simple lists (通知通告, 政策解读): <li><a href title>…</a><span class="date">
_MOST_SIMPLE = {
    "list_item": "ul.info_list2 li",
    "date": "span.date::text",
    "article_url": T_DATE_URL,
    "detail_title": ["#Title", ".xxgk_title", "h1"],
    "detail_body": ["#Zoom", ".TRS_UEDITOR", ".trs_editor_view", "div.text.wide"],
}
_MOST_BASE = "https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr"

MOST = SourceSpec(
    id="most",
    name="科技部",
    city="全国",
    channels=(
        ChannelSpec("tztg", "通知通告", "https://www.most.gov.cn/tztg/", "trs", _MOST_SIMPLE,
                    publishes="Calls, notices, programme announcements",
                    access="Detail fetches hang from some foreign IPs; short timeouts + retries"),
        ChannelSpec("gfxwj", "规范性文件", f"{_MOST_BASE}/fgzc/gfxwj/", "trs", _MOST_XXGK,
                    publishes="Normative documents incl. the pilot-zone 工作指引 (国科发规)"),
        ChannelSpec("qtwj", "其他文件", f"{_MOST_BASE}/qtwj/", "trs", _MOST_XXGK,
                    publishes="Letters approving AI pilot zones (国科函规)"),
        ChannelSpec("zcjd", "政策解读", f"{_MOST_BASE}/fgzc/zcjd/", "trs", _MOST_SIMPLE,
                    publishes="Official interpretations of new policies"),
    ),
)

_BJ_DETAIL = {
    "detail_title": ["div.header h1", "h1", "#title"],
    "detail_body": ["#mainText", "div.view-content", ".TRS_Editor", "#UCAP-CONTENT"],
}
_BJ_BUREAU = {
    "list_item": "ul.list li",
    "date": "span::text",
    "article_url": T_DATE_URL,
    "detail_title": ["div.article h1", "h1"],
    "detail_body": ["#mainText", ".TRS_Editor", "div.view.TRS_UEDITOR", ".article-con"],
}

BEIJING = SourceSpec(
    id="beijing",
    name="北京",
    city="北京",
    referer="https://www.beijing.gov.cn/",
    channels=(
        ChannelSpec("zcfg", "政策文件", "https://www.beijing.gov.cn/zhengce/zhengcefagui/", "trs",
                    {"list_item": "ul.default_news li", "date": "span::text", "article_url": T_DATE_URL,
                     **_BJ_DETAIL},
                    publishes="Municipal government policy documents (京政发, 京政办发)"),
        ChannelSpec("kw_tzgg", "市科委 通知公告", "https://kw.beijing.gov.cn/zwgk/tzgg/", "trs", _BJ_BUREAU,
                    publishes="S&T commission / 中关村管委会 notices and funding calls"),
        ChannelSpec("kw_zcwj", "市科委 政策文件", "https://kw.beijing.gov.cn/zwgk/zcwj/", "trs", _BJ_BUREAU,
                    publishes="S&T commission policy documents"),
        ChannelSpec("jxj_tzgg", "市经信局 通知公告", "https://jxj.beijing.gov.cn/jxdt/tzgg/", "trs", _BJ_BUREAU,
                    publishes="Economy & IT bureau notices (高精尖 funding guides)"),
    ),
)

SOURCES: tuple[SourceSpec, ...] = (MOST, BEIJING)

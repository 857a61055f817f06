"""The built-in sources. Each channel is data: URL, platform family and its declared quirks.

Selectors follow ../shared/reference/sites.md; every one is count-checked by the platform adapter.
The option keys each platform reads are declared by its adapter (``TrsOptions``, ``JcmsOptions`` …
in ``parsers/platforms/``); ``builtin_sources()`` checks every channel against them.
"""

from __future__ import annotations

from collections.abc import Iterable

from crawler.registry import ChannelSpec, SourceSpec, validate
from crawler.sources_zones import PROVINCE_SOURCES, ZONE_SOURCES
from parsers.options import OptionError
from parsers.platforms import get_platform
from policywatch.errors import ConfigError

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

_BJ_ACCESS = "No block seen; funding amounts often only in the P0….pdf attachments"

BEIJING = SourceSpec(
    id="beijing",
    name="北京",
    city="北京",
    referer="https://www.beijing.gov.cn/",
    channels=(
        ChannelSpec("zcfg", "政策文件", "https://www.beijing.gov.cn/zhengce/zhengcefagui/", "trs",
                    {"list_item": "ul.default_news li", "date": "span::text", "article_url": T_DATE_URL,
                     **_BJ_DETAIL},
                    publishes="Municipal government policy documents (京政发, 京政办发)",
                    access="Flagged anti-crawler by RSSHub: Referer sent; PubDate may hold two datetimes"),
        ChannelSpec("kw_tzgg", "市科委 通知公告", "https://kw.beijing.gov.cn/zwgk/tzgg/", "trs", _BJ_BUREAU,
                    publishes="S&T commission / 中关村管委会 notices and funding calls", access=_BJ_ACCESS),
        ChannelSpec("kw_zcwj", "市科委 政策文件", "https://kw.beijing.gov.cn/zwgk/zcwj/", "trs", _BJ_BUREAU,
                    publishes="S&T commission policy documents", access=_BJ_ACCESS),
        ChannelSpec("jxj_tzgg", "市经信局 通知公告", "https://jxj.beijing.gov.cn/jxdt/tzgg/", "trs", _BJ_BUREAU,
                    publishes="Economy & IT bureau notices (高精尖 funding guides)", access=_BJ_ACCESS),
        ChannelSpec("hd_zcwj", "海淀区/中关村科学城 政策文件", "https://zyk.bjhd.gov.cn/zwdt/zcwj/", "jslist",
                    {"list_item": "ul.zcwj_list li", "date": "span::text",
                     "article_url": r"/t\d{8}_\d+(?:_hd)?\.shtml$", "page_name": "index_{n}.shtml",
                     "detail_title": ["div.article h1", "h1"], "detail_body": ["#mainText"]},
                    publishes="Haidian / 中关村科学城 policy documents (AI measures, 模型券, funds)",
                    access="Rows are written by document.write(); www.bjhd.gov.cn answers 13-byte stubs to "
                           "datacenter IPs, so only the zyk.bjhd.gov.cn content host is polled"),
    ),
)

# Shanghai municipal CMS: shhex article URLs, page 2 = index_2.html, commented-out duplicate rows.
_SH_BUREAU = {
    "list_item": "ul.nowrapli li",
    "date": "span.time::text",
    "detail_title": ["#ivs_title", "h1"],
    "detail_body": ["#ivs_content"],
    "detail_attachments": ["div.xgfj"],
}
_SH_ACCESS = "Reached from CN and most foreign hosts; some bureau hosts 403 non-browser clients [unverified]"

SHANGHAI = SourceSpec(
    id="shanghai",
    name="上海",
    city="上海",
    channels=(
        ChannelSpec("szfwj", "市政府最新文件", "https://www.shanghai.gov.cn/nw12344/", "shanghai",
                    {"list_item": "ul.tadaty-list li", "date": "span.time::text"},
                    publishes="Latest municipal documents (沪府发, 沪府办发, 沪府规 …)",
                    access="No meta tags on detail pages: 文号/成文日期 are read from the text"),
        ChannelSpec("sheitc_zxxx", "市经信委 最新信息", "https://www.sheitc.sh.gov.cn/zxxx/", "shanghai",
                    _SH_BUREAU, publishes="Economy & IT commission notices, AI special-fund rules and calls",
                    access=_SH_ACCESS),
        ChannelSpec("stcsm_zcwj", "市科委 政策文件", "https://stcsm.sh.gov.cn/zwgk/kjzc/zcwj/kwzcxwj/", "shanghai",
                    _SH_BUREAU, publishes="S&T commission policy documents (沪科规)", access=_SH_ACCESS),
        ChannelSpec("stcsm_xmsb", "市科委 项目申报", "https://stcsm.sh.gov.cn/zwgk/kyjhxm/xmsb/", "shanghai",
                    _SH_BUREAU, publishes="S&T commission funding calls (科技创新行动计划 申报指南)",
                    access=_SH_ACCESS),
    ),
)

# Tianjin municipal platform: TRS t-date URLs, page 2 = index_1.html.
_TJ_BUREAU = {
    "list_item": "ul.news_list.news_list2 li",
    "date": "span::text",
    "article_url": T_DATE_URL,
    "detail_title": [".common-content-mainTitle"],
    "detail_body": [".page_info"],
}
_TJ_ACCESS = ("Hard 403 with a 13-byte `<html></html>` body from foreign IPs: needs a CN egress ([crawl] proxy); "
              "without one reported as blocked")

TIANJIN = SourceSpec(
    id="tianjin",
    name="天津",
    city="天津",
    channels=(
        ChannelSpec("szfwj_bgt", "市政府办公厅文件", "https://www.tj.gov.cn/zwgk/szfwj/tjsrmzfbgt/", "trs",
                    {"list_item": "div.list-item.clear", "date": "span.fr::text", "article_url": T_DATE_URL,
                     "total_pattern": r"parseInt\('(\d+)'\)",
                     "detail_title": ["div.sx-item.item-all div.sx-con", "h1"],
                     "detail_body": ["div.view.TRS_UEDITOR"]},
                    publishes="津政办发 documents (incl. the AI pilot-zone action plans)",
                    access="The live portal builds this list client-side (Nanwei IGS datacall, siteId=34; the "
                           "JSON interface is undocumented, so the list is rendered by the browser tier and read "
                           "with the static template's selectors) and fences datacenter IPs (CN egress)",
                    needs_browser=True, needs_egress=True),
        ChannelSpec("kxjs_tzgg", "市科技局 通知公告", "https://kxjs.tj.gov.cn/ZWGK4143/TZGG2079/", "trs",
                    _TJ_BUREAU, publishes="S&T bureau notices (重大科技专项 calls, 认定)", access=_TJ_ACCESS,
                    needs_egress=True),
        ChannelSpec("kxjs_xmsb", "市科技局 项目申报", "https://kxjs.tj.gov.cn/BSFW9672/XMGL4742/XMSB4597/", "trs",
                    _TJ_BUREAU, publishes="S&T bureau funding calls; 公示 later marked 已过期",
                    access=_TJ_ACCESS, needs_egress=True),
        ChannelSpec("gyxxh_zcwj", "市工信局 政策文件", "https://gyxxh.tj.gov.cn/ZWGK4147/ZCWJ6355/", "trs",
                    _TJ_BUREAU, publishes="Industry & IT bureau policy documents (津工信规, special funds)",
                    access="Same municipal platform as kxjs [inferred]; expect the same IP fencing",
                    needs_egress=True),
    ),
)

_GKMLPT_POST = r"/gkmlpt/content/\d+/\d+/post_\d+\.html$"
_SZ_ACCESS = "HTTPS fails under OpenSSL (BAD_ECPOINT): fetched over http:// (force_http)"

SHENZHEN = SourceSpec(
    id="shenzhen",
    name="深圳",
    city="深圳",
    force_http=True,
    channels=(
        ChannelSpec("szf_gkml", "市政府 信息公开目录 政策文件", "http://www.sz.gov.cn/gkmlpt/index", "gkmlpt",
                    {"api_category": 2453, "sid": "755001", "article_url": _GKMLPT_POST},
                    publishes="深府/深府办 documents from the gkmlpt catalogue (文号, publisher, 成文日期)",
                    access=_SZ_ACCESS),
        ChannelSpec("stic_gkml", "市科技创新局 通知公告", "http://stic.sz.gov.cn/gkmlpt/index", "gkmlpt",
                    {"api_category": 3961, "sid": "755040", "article_url": _GKMLPT_POST},
                    publishes="S&T innovation bureau notices and 重大科技专项 guides", access=_SZ_ACCESS),
        ChannelSpec("gxj_gkml", "市工信局 通知公告", "http://gxj.sz.gov.cn/gkmlpt/index", "gkmlpt",
                    {"api_category": 1863, "sid": "755051", "article_url": _GKMLPT_POST},
                    publishes="Industry & IT bureau funding guides (人工智能先锋城市 扶持计划)", access=_SZ_ACCESS),
    ),
)

_HZ_ACCESS = "From overseas the JCMS paging ignores the page number (always page 1) [code: hulelan]"
_HZ_PORTAL_ACCESS = (_HZ_ACCESS + "; the portal's own pager now calls the jpaas-publish-server API, the "
                     "dataproxy.jsp form modelled here is the bureau-site widget [inferred for the portal]")

HANGZHOU = SourceSpec(
    id="hangzhou",
    name="杭州",
    city="杭州",
    channels=(
        ChannelSpec("bmwj", "市政府 部门文件", "https://www.hangzhou.gov.cn/col/col1229063389/index.html", "jcms",
                    {"columnid": 1229063389, "unitid": 6967893, "webid": 149,
                     "webname": "杭州市人民政府门户网站", "list_item": "li.clearfix"},
                    publishes="杭政/杭政办 documents incl. the pilot-zone action plans", access=_HZ_PORTAL_ACCESS),
        ChannelSpec("kj_tzgg", "市科技局 通知公告", "https://kj.hangzhou.gov.cn/col/col1693961/index.html", "jcms",
                    {"columnid": 1693961, "unitid": 7862811, "webid": 3255, "webname": "杭州市科学技术局"},
                    publishes="S&T bureau notices and funding calls (杭科高)", access=_HZ_ACCESS),
        ChannelSpec("jxj_tzgg", "市经信局 通知公告", "https://jxj.hangzhou.gov.cn/col/col1229416425/index.html",
                    "jcms", {"columnid": 1229416425, "unitid": 7920334, "webid": 3297,
                             "webname": "杭州市经济和信息化局"},
                    publishes="Economy & IT bureau notices (杭经信, 算力券, AI special funds)", access=_HZ_ACCESS),
    ),
)

_HF_ACCESS = ("Jiasule __jsl_clearance JS cookie challenge (passed by the browser tier, cookies reused) and "
              "WZWS reason:GeoBL 403 outside China (needs a CN egress); without them reported as blocked")

HEFEI = SourceSpec(
    id="hefei",
    name="合肥",
    city="合肥",
    channels=(
        ChannelSpec("gsgg", "市政府 公示公告", "https://www.hefei.gov.cn/xxgk/gsgg/index.html", "anhui",
                    {"detail_title": [".wztit"], "detail_body": [".wzcon"]},
                    publishes="Municipal announcements and 合政办 documents (pilot-zone plans)",
                    access=_HF_ACCESS, needs_egress=True, challenge="jiasule"),
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://kjj.hefei.gov.cn/zwgk/tzgg/index.html", "anhui",
                    {"detail_title": ["h1.newstitle"], "detail_body": [".con_main"]},
                    publishes="S&T bureau calls (关键核心技术攻关, 科技创新券)",
                    access=_HF_ACCESS, needs_egress=True, challenge="jiasule"),
        ChannelSpec("jxj_tzgg", "市经信局 通知公告", "https://jxj.hefei.gov.cn/tzgg/index.html", "anhui",
                    {"detail_title": ["h1"], "detail_body": [".newscontnet"]},
                    publishes="Economy & IT bureau calls (AI industry policy projects)",
                    access=_HF_ACCESS, needs_egress=True, challenge="jiasule"),
    ),
)

SOURCES: tuple[SourceSpec, ...] = (MOST, BEIJING, SHANGHAI, TIANJIN, SHENZHEN, HANGZHOU, HEFEI)
# Zones 7-18 and the provincial departments (issue 20): crawler/sources_zones.py
SOURCES += ZONE_SOURCES + PROVINCE_SOURCES


def builtin_sources() -> tuple[SourceSpec, ...]:
    """The built-in registry, validated (ids, URLs, each channel's options). Lives here, not in
    crawler.registry, so the registry's types never import the data that uses them (no import cycle)."""
    sources = validate(SOURCES)
    check_options(sources)
    return sources


def all_sources(user: Iterable[SourceSpec] = ()) -> tuple[SourceSpec, ...]:
    """The built-in registry plus a user's sources file. A user source may not reuse a built-in id:
    it would be archived, searched and mailed as, say, the ministry (``most``) itself."""
    builtin = builtin_sources()
    taken = {s.id for s in builtin}
    extra = tuple(user)
    clash = [s.id for s in extra if s.id in taken]
    if clash:
        raise ConfigError(f"user source id {', '.join(map(repr, clash))} is a built-in source; "
                          "choose another id")
    return validate(builtin + extra)


def check_options(sources: Iterable[SourceSpec]) -> None:
    """Every channel's options against its adapter's declaration: a typo'd or mistyped option is a
    ConfigError at load time, not an option the adapter silently never reads."""
    for src in sources:
        for ch in src.channels:
            key = f"{src.id}/{ch.id}"
            try:
                get_platform(ch.platform).options.validate(ch.options, key)
            except KeyError as exc:  # unknown platform name
                raise ConfigError(f"{key}: {exc.args[0]}") from None
            except OptionError as exc:
                raise ConfigError(str(exc)) from exc

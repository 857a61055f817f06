"""Built-in sources for the twelve later AI pilot zones and the provinces that fund them (issue 20).

Zones 7-18 (德清 … 哈尔滨) and the provincial 科技厅 / 工信厅, on the CMS families we already have
adapters for (TRS, Hanweb JCMS, gkmlpt). Hosts, families and the selectors named in
../shared/reference/pilot-zones.md and sites.md are leads gathered from public material, not live
checks: every ``access`` text says what is documented and what is inferred, and docs/sources.md
carries a confidence column. Where pilot-zones.md names no list markup (section paths, row selectors
of the TRS and Guangdong 集约化 fronts), the channel follows its family's documented template and
says so ("[inferred]"): a live page that differs fails loudly as a SelectorError, never as "no news".

The rest of the zones and provinces (issue 20, second part) run on the families added for them:
UCAP / 开普云 ``ucap`` (成都 and 苏州 bureaus, 四川 and 黑龙江 科技厅), the JSON list interfaces
``jsonlist`` (苏州 and 黑龙江 portals), and the client-rendered portals (西安, 郑州, 成都) declared
``needs_browser``: the browser tier renders them and the family's selectors read the DOM (``trs``).
陕西 (JSP), 河南 (family unknown) and 辽宁 follow the TRS template with everything [inferred].
Left out (docs/sources.md "Leads not yet covered"): the 济南 portal (Hanweb datacall, undocumented),
the 经信 hosts nobody names (西安, 郑州), cdjx.chengdu and jxt.sc (no path or markup recorded).

City: the zone city; a provincial department's ``city`` is its province (``浙江``), so ``--city 浙江``
selects it (store/search.py ``place_names``).
"""

from __future__ import annotations

from crawler.registry import ChannelSpec, SourceSpec

_T_DATE = r"/t\d{8}_\d+\.s?html?$"
_POST_ID = r"/content/post_\d+\.html$"
_GKMLPT_POST = r"/gkmlpt/content/\d+/\d+/post_\d+\.html$"

# -- access facts (pilot-zones.md "Access from abroad", checked 2026-09 from a datacenter IP) ------
_REACHABLE = "City reachable from a datacenter IP abroad (third-party check of the city, 2026-09; host not checked)"
_BLACKHOLED = "Blackholed abroad (no TCP answer, 2026-09): needs a mainland egress"
_UNCHECKED = "Access from abroad not recorded"
_HUBEI_412 = "412 Precondition Failed JS-cookie WAF abroad (2026-09): needs a mainland egress"
_INFERRED_LIST = "list rows and section path follow the family's documented template [inferred]"
_WAF_403 = "WAF 403 abroad (2026-09): needs a mainland egress"
_RENDERED = ("list built in the browser: rendered by the browser tier, rows and pager read with declared "
             "selectors [inferred]; section path is a fixture [lead]")
_HEX_ID = r"/[0-9a-f]{32}\.shtml$"


def _hanweb(columnid: int, unitid: int, webid: int, webname: str) -> dict[str, object]:
    """A Hanweb JCMS column: the jpage widget's dataproxy form (page 2+) and its page size."""
    return {"columnid": columnid, "unitid": unitid, "webid": webid, "webname": webname, "perpage": 2}


def _rendered(list_item: str, body: str, article_url: str, page_name: str, page_offset: int) -> dict[str, object]:
    """A client-rendered portal list: the rows as the browser leaves the DOM, read like a TRS page."""
    return {"list_item": list_item, "article_url": article_url, "detail_title": ["h1"], "detail_body": [body],
            "page_name": page_name, "page_offset": page_offset}


def _trs(list_item: str, title: list[str], body: list[str], **extra: object) -> dict[str, object]:
    return {"list_item": list_item, "article_url": _T_DATE, "detail_title": title, "detail_body": body, **extra}


# -- zones 7-18 ----------------------------------------------------------------------------------

DEQING = SourceSpec(
    id="deqing",
    name="德清县",
    city="德清县",  # as the pilot-zone reference spells it (parsers/facts/pilot_zone_reference.json)
    channels=(
        ChannelSpec("xzgfxwj", "县政府 行政规范性文件", "https://www.deqing.gov.cn/col/col1229213367/index.html",
                    "jcms", _hanweb(1229213367, 7429301, 3661, "德清县人民政府"),
                    publishes="德政发 / 德政办发 documents (pilot-zone plans; first county-level zone)",
                    access=f"{_UNCHECKED}; Hanweb Zhejiang cluster (column ids are fixtures) [lead]"),
        ChannelSpec("kjj_tzgg", "县科技局 通知公告", "https://www.deqing.gov.cn/col/col1229213402/index.html",
                    "jcms", _hanweb(1229213402, 7429315, 3661, "德清县人民政府"),
                    publishes="County S&T bureau notices under the portal (科技项目, 创新券)",
                    access=f"{_UNCHECKED}; the bureau publishes under the portal [lead]"),
    ),
)

CHONGQING = SourceSpec(
    id="chongqing",
    name="重庆",
    city="重庆",
    channels=(
        ChannelSpec("szfwj", "市政府 行政规范性文件", "https://www.cq.gov.cn/zwgk/zfxxgkml/szfwj/xzgfxwj/szf/",
                    "trs", _trs("ul.list_ul li", ["div.zwxl-title", "h1"], ["div.trs_editor_view", "#zoom"]),
                    publishes="渝府发 / 渝府办发 normative documents",
                    access=f"{_REACHABLE}; TRS, {_INFERRED_LIST}"),
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://kjj.cq.gov.cn/zwxx_176/tzgg/", "trs",
                    _trs("ul.list_ul li", ["div.zwxl-title", "h1"], ["div.trs_editor_view"]),
                    publishes="S&T bureau notices and funding calls (技术创新与应用发展专项)",
                    access=f"{_REACHABLE}; TRS createPage paging and div.trs_editor_view body documented, "
                           f"{_INFERRED_LIST}"),
        ChannelSpec("jjxxw_tzgg", "市经济信息委 通知公告", "https://jjxxw.cq.gov.cn/zwxx_208/tzgg/", "trs",
                    _trs("ul.list_ul li", ["div.zwxl-title", "h1"], ["div.trs_editor_view"]),
                    publishes="Economy & IT commission notices (智能产业, 软件 funds)",
                    access=f"{_REACHABLE}; TRS, {_INFERRED_LIST}"),
    ),
)

JINAN = SourceSpec(
    id="jinan",
    name="济南",
    city="济南",
    channels=(
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://jnsti.jinan.gov.cn/col/col23560/index.html", "jcms",
                    _hanweb(23560, 62011, 93, "济南市科学技术局"),
                    publishes="S&T bureau notices and calls (济科发)",
                    access=f"{_REACHABLE}; Hanweb col/art documented, column ids are fixtures [lead]"),
        ChannelSpec("gxj_tzgg", "市工信局 通知公告", "https://jnjxw.jinan.gov.cn/col/col21980/index.html", "jcms",
                    _hanweb(21980, 61473, 88, "济南市工业和信息化局"),
                    publishes="Industry & IT bureau notices (济工信, 人工智能 funds)",
                    access=f"{_REACHABLE}; host from pilot-zones.md, Hanweb as the city's family [lead]"),
    ),
)

_GZ_ACCESS = (f"{_REACHABLE}; gkmlpt JSON API; the Guangdong 集约化 front links attachments under "
              "/attachment/7/…")

GUANGZHOU = SourceSpec(
    id="guangzhou",
    name="广州",
    city="广州",
    channels=(
        ChannelSpec("szf_gkml", "市政府 信息公开目录 政策文件", "https://www.gz.gov.cn/gkmlpt/index", "gkmlpt",
                    {"api_category": 5498, "sid": "200001", "article_url": _GKMLPT_POST},
                    publishes="穗府 / 穗府办 documents from the gkmlpt catalogue (文号, publisher, 成文日期)",
                    access=f"{_GZ_ACCESS}; SID 200001 documented, category id a fixture [lead]"),
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://kjj.gz.gov.cn/xxgk/tzgg/", "trs",
                    {"list_item": ".news_list li", "article_url": _POST_ID, "page_offset": 0,
                     "detail_title": ["div.info_title", "h1"], "detail_body": ["div.info_cont", "#zoom"]},
                    publishes="S&T bureau notices and funding calls (穗科)",
                    access=f"{_REACHABLE}; content/post_ID URLs and .news_list li documented; page 2 = "
                           "index_2.html and the detail containers [inferred]"),
        ChannelSpec("gxj_gkml", "市工信局 信息公开目录 通知公告", "https://gxj.gz.gov.cn/gkmlpt/index", "gkmlpt",
                    {"api_category": 7711, "sid": "200016", "article_url": _GKMLPT_POST},
                    publishes="Industry & IT bureau notices (穗工信, 人工智能 industry funds)",
                    access=f"{_GZ_ACCESS}; SID and category are fixtures, read them from the live "
                           "/gkmlpt/index [lead]"),
    ),
)

_WH_KJJ = _trs("div.list_news li", ["div.art_title h2", "h1"], ["div.art_content"],
               page_name="index_{n}.shtml")

WUHAN = SourceSpec(
    id="wuhan",
    name="武汉",
    city="武汉",
    channels=(
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://kjj.wuhan.gov.cn/zwgk_55/tzgg/", "trs", _WH_KJJ,
                    publishes="S&T bureau notices and funding calls (武科)",
                    access=f"{_REACHABLE}; div.list_news li / div.art_content documented, .shtml paging "
                           "like the portal [inferred]"),
        ChannelSpec("kjj_gsxx", "市科技局 公示信息", "https://kjj.wuhan.gov.cn/zwgk_55/gsxx/", "trs", _WH_KJJ,
                    publishes="S&T bureau 公示 (认定, 立项 lists)",
                    access=f"{_REACHABLE}; same template as tzgg (documented sections tzgg, gsxx)"),
        ChannelSpec("jxj_tztg", "市经信局 通知通告", "https://jxj.wuhan.gov.cn/xwzx_9/tztg/", "trs",
                    _trs("div.list_news li", ["div.art_title h2", "h1"], ["div.art_content", "#zoom"],
                         page_name="index_{n}.shtml"),
                    publishes="Economy & IT bureau notices (武经信, 人工智能 industry funds)",
                    access=f"{_REACHABLE}; /xwzx_9/tztg/ documented, rows as kjj [inferred]"),
    ),
)

CHANGSHA = SourceSpec(
    id="changsha",
    name="长沙",
    city="长沙",
    channels=(
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://kjj.changsha.gov.cn/zfxxgk/tzgg_27202/", "trs",
                    _trs(".list_ul li", ["div.article_title h1", "h1"], ["div.trs_editor_view", "#zoom"]),
                    publishes="S&T bureau notices and funding calls (长科发)",
                    needs_egress=True,
                    access=f"{_BLACKHOLED} (长沙); /zfxxgk/tzgg_27202/, .list_ul li and #NewsArticlePubDay "
                           "documented"),
        ChannelSpec("gxj_tzgg", "市工信局 通知公告", "https://jxj.changsha.gov.cn/zfxxgk/tzgg/", "trs",
                    _trs(".list_ul li", ["div.article_title h1", "h1"], ["div.trs_editor_view", "#zoom"]),
                    publishes="Industry & IT bureau notices (长工信)",
                    needs_egress=True,
                    access=f"{_BLACKHOLED} (长沙); host unverified, template as kjj [inferred]"),
    ),
)

SHENYANG = SourceSpec(
    id="shenyang",
    name="沈阳",
    city="沈阳",
    channels=(
        ChannelSpec("szfwj", "市政府 政策文件", "https://www.shenyang.gov.cn/zwgk/zcwj/zfwj/", "trs",
                    _trs("ul.news_list li", ["div.xxgk_title h1", "h1"], ["div.TRS_UEDITOR", "#zoom"]),
                    publishes="沈政发 / 沈政办发 documents",
                    access=f"{_REACHABLE}; TRS t-date URLs documented, {_INFERRED_LIST}"),
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://kjj.shenyang.gov.cn/kjgz/tzgg/", "trs",
                    _trs("ul.news_list li", ["div.xxgk_title h1", "h1"], ["div.TRS_UEDITOR", "#zoom"]),
                    publishes="S&T bureau notices and calls (沈科发)",
                    access=f"{_REACHABLE}; TRS /kjgz/tzgg/ documented, rows [inferred]"),
    ),
)

HARBIN = SourceSpec(
    id="harbin",
    name="哈尔滨",
    city="哈尔滨",
    channels=(
        ChannelSpec("zfwj", "市政府 政府文件", "https://www.harbin.gov.cn/col/col98/index.html", "jcms",
                    _hanweb(98, 517, 1, "哈尔滨市人民政府"),
                    publishes="哈政发 / 哈政办发 documents (the city's S&T and IT bureau hosts are unknown)",
                    needs_egress=True,
                    access=f"{_BLACKHOLED} (哈尔滨); Hanweb col/col98 with uid=517 documented (what col98 lists "
                           "is not recorded; page 2 through the jpage dataproxy form, not ?pageNum= [inferred])"),
    ),
)

# -- zones on the families added for them: UCAP, JSON interfaces, client-rendered portals ---------

CHENGDU = SourceSpec(
    id="chengdu",
    name="成都",
    city="成都",
    channels=(
        ChannelSpec("szf_zcwj", "市政府 政策文件", "https://www.chengdu.gov.cn/cdsrmzf/zfwj/list.shtml", "trs",
                    _rendered("div.list-box li", "div.article-content", _HEX_ID, "list_{n}.shtml", 0),
                    publishes="成府发 / 成办发 documents (pilot-zone plans, 人工智能 measures)",
                    needs_browser=True, needs_egress=True,
                    access=f"WAF-blocked abroad (成都, 2026-09): needs a mainland egress; {_RENDERED}"),
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://cdst.chengdu.gov.cn/cdkxjsj/c108728/part_list_more.shtml",
                    "ucap", {},
                    publishes="S&T bureau notices and funding calls (成科字, 人工智能 专项)",
                    needs_egress=True,
                    access="WAF-blocked abroad (成都 city, 2026-09; host not checked): needs a mainland egress; "
                           "UCAP, list URL documented, ucapcontent rows, pager and article path [inferred]"),
    ),
)

XIAN = SourceSpec(
    id="xian",
    name="西安",
    city="西安",
    channels=(
        ChannelSpec("szf_zcwj", "市政府 政策文件", "https://www.xa.gov.cn/gk/zcfg/szfwj/1.html", "trs",
                    _rendered("ul.list-ul li", "div.m-txt-article", _T_DATE, "{n}.html", 0),
                    publishes="市政发 / 市政办发 documents (西安 pilot-zone plans)",
                    needs_browser=True,
                    access=f"{_REACHABLE}; client-rendered portal (pilot-zones.md); {_RENDERED}"),
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://xakj.xa.gov.cn/kjdt/tzgg/1.html", "trs",
                    _trs("ul.list-ul li", ["div.m-txt-tit", "h1"], ["div.m-txt-article"],
                         article_url=r"/kjdt/tzgg/\d{6}/\d+\.html$", page_name="{n}.html", page_offset=0),
                    publishes="S&T bureau notices and calls (市科技局 申报通知)",
                    access=f"{_REACHABLE}; /kjdt/tzgg/1.html documented (page k = k.html), family unknown: "
                           "TRS-style rows, article path and detail containers [inferred]"),
    ),
)

_SZ_DETAIL = {"detail_title": ["div.article-title h1", "h1"], "detail_body": ["#UCAP-CONTENT", "div.article-content"]}

SUZHOU = SourceSpec(
    id="suzhou",
    name="苏州",
    city="苏州",
    channels=(
        ChannelSpec("szf_zcwj", "市政府 政策文件", "https://www.suzhou.gov.cn/szinf/xxgk/interfacesWebZcwj/loadData",
                    "jsonlist",
                    {"api_path": "/szinf/xxgk/interfacesWebZcwj/loadData", "page_param": "pageIndex",
                     "size_param": "pageSize", "page_size": 10, "items": "data", "total": "total",
                     "pages": "totalPage", "url_field": "C_URL", "title_field": "C_TITLE",
                     "date_field": "C_FBRQ", "doc_number_field": "C_WJBH", "article_url": _HEX_ID, **_SZ_DETAIL},
                    publishes="苏府 / 苏府办 documents with their 文号 (C_WJBH)",
                    access=f"{_REACHABLE}; JSON interface and C_WJBH documented; the other field names, "
                           "paging parameters and answer shape [inferred]"),
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://kjj.suzhou.gov.cn/szkj/tzgg/common_list.shtml", "ucap",
                    {"article_url": r"/szkj/tzgg/\d{6}/[0-9a-f]{32}\.shtml$", **_SZ_DETAIL},
                    publishes="S&T bureau notices and funding calls (苏科)",
                    access=f"{_REACHABLE}; UCAP /szkj/<col>/YYYYMM/<32hex>.shtml documented; column tzgg, list "
                           "file and rows [inferred]"),
        ChannelSpec("gxj_tzgg", "市工信局 通知公告", "https://gxj.suzhou.gov.cn/szeic/tzgg/common_list.shtml", "ucap",
                    {"article_url": r"/szeic/tzgg/\d{6}/[0-9a-f]{32}\.shtml$", **_SZ_DETAIL},
                    publishes="Industry & IT bureau notices (苏工信, 人工智能 / 智能制造 funds)",
                    access=f"{_REACHABLE}; UCAP /szeic/<col>/common_list.shtml documented; column tzgg and rows "
                           "[inferred]"),
    ),
)

ZHENGZHOU = SourceSpec(
    id="zhengzhou",
    name="郑州",
    city="郑州",
    channels=(
        ChannelSpec("szf_zcwj", "市政府 政策文件", "https://www.zhengzhou.gov.cn/zwgk/zcwj/", "trs",
                    _rendered("div.news-list li", "div.content-txt", _T_DATE, "index_{n}.html", 1),
                    publishes="郑政 / 郑政办 documents (郑州 pilot-zone plans)",
                    needs_browser=True,
                    access=f"{_REACHABLE}; SPA shell (pilot-zones.md); {_RENDERED}"),
        ChannelSpec("kjj_tzgg", "市科技局 通知公告", "https://kjj.zhengzhou.gov.cn/tzgg/index.jhtml", "trs",
                    _trs("div.news-list li", ["div.content-tit h1", "h1"], ["div.content-txt"],
                         article_url=r"/tzgg/\d+\.jhtml$", page_name="index_{n}.jhtml", page_offset=0),
                    publishes="S&T bureau notices and calls (郑科)",
                    access=f"{_REACHABLE}; JEECMS-like .jhtml documented; index_k.jhtml paging, rows and detail "
                           "containers [inferred]"),
    ),
)

# -- provinces -----------------------------------------------------------------------------------

ZHEJIANG = SourceSpec(
    id="zhejiang",
    name="浙江省",
    city="浙江",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.zj.gov.cn/col/col1229080140/index.html", "jcms",
                    _hanweb(1229080140, 5987412, 13, "浙江省科学技术厅"),
                    publishes="Provincial S&T calls (尖兵领雁 研发攻关计划, 浙科发)",
                    access=f"{_UNCHECKED} (the www.zj.gov.cn portal is WAF-fenced abroad); Hanweb, column "
                           "ids are fixtures [lead]"),
        ChannelSpec("jxt_tzgg", "省经信厅 通知公告", "https://jxt.zj.gov.cn/col/col1229123402/index.html", "jcms",
                    _hanweb(1229123402, 6021884, 62, "浙江省经济和信息化厅"),
                    publishes="Provincial economy & IT notices (浙经信, 人工智能 / 数字经济 funds)",
                    access=f"{_UNCHECKED}; Hanweb, column ids are fixtures [lead]"),
    ),
)

GUANGDONG = SourceSpec(
    id="guangdong",
    name="广东省",
    city="广东",
    channels=(
        ChannelSpec("kjt_gkml", "省科技厅 信息公开目录 通知公告", "https://gdstc.gd.gov.cn/gkmlpt/index", "gkmlpt",
                    {"api_category": 2937, "sid": "100031", "article_url": _GKMLPT_POST},
                    publishes="Provincial S&T calls (重点领域研发计划, 粤科)",
                    access=f"{_UNCHECKED}; gkmlpt, SID and category are fixtures [lead]"),
        ChannelSpec("gxt_gkml", "省工信厅 信息公开目录 通知公告", "https://gdii.gd.gov.cn/gkmlpt/index", "gkmlpt",
                    {"api_category": 1594, "sid": "100018", "article_url": _GKMLPT_POST},
                    publishes="Provincial industry & IT notices (粤工信, 制造业 / 人工智能 funds)",
                    access=f"{_UNCHECKED}; gkmlpt, SID and category are fixtures [lead]"),
    ),
)

SHANDONG = SourceSpec(
    id="shandong",
    name="山东省",
    city="山东",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.shandong.gov.cn/col/col13360/index.html", "jcms",
                    _hanweb(13360, 60284, 99, "山东省科学技术厅"),
                    publishes="Provincial S&T calls (重点研发计划, 鲁科字)",
                    access=f"{_UNCHECKED}; Hanweb col documented, column ids are fixtures [lead]"),
        ChannelSpec("gxt_tzgg", "省工信厅 通知公告", "https://gxt.shandong.gov.cn/col/col15201/index.html", "jcms",
                    _hanweb(15201, 60812, 105, "山东省工业和信息化厅"),
                    publishes="Provincial industry & IT notices (鲁工信)",
                    access=f"{_UNCHECKED}; Hanweb [lead]"),
    ),
)

HUBEI = SourceSpec(
    id="hubei",
    name="湖北省",
    city="湖北",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.hubei.gov.cn/kjdt/tzgg/", "trs",
                    _trs("div.list_news li", ["div.art_title h2", "h1"], ["div.trs_editor_view", "#zoom"],
                         page_name="index_{n}.shtml"),
                    publishes="Provincial S&T calls (鄂科技发)",
                    needs_egress=True,
                    access=f"{_HUBEI_412} (reported as blocked); TRS, {_INFERRED_LIST}"),
        ChannelSpec("jxt_tzgg", "省经信厅 通知公告", "https://jxt.hubei.gov.cn/fbjd/tzgg/", "trs",
                    _trs("div.list_news li", ["div.art_title h2", "h1"], ["div.trs_editor_view", "#zoom"],
                         page_name="index_{n}.shtml"),
                    publishes="Provincial economy & IT notices (鄂经信)",
                    needs_egress=True,
                    access=f"{_HUBEI_412} [inferred for this host]; TRS, {_INFERRED_LIST}"),
    ),
)

HUNAN = SourceSpec(
    id="hunan",
    name="湖南省",
    city="湖南",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.hunan.gov.cn/kjt/xxgk/tzgg/", "trs",
                    _trs(".list_ul li", ["div.article_title h1", "h1"], ["div.trs_editor_view", "#zoom"]),
                    publishes="Provincial S&T calls (湘科)",
                    access=f"{_UNCHECKED}; TRS, {_INFERRED_LIST}"),
        ChannelSpec("gxt_tzgg", "省工信厅 通知公告", "https://gxt.hunan.gov.cn/gxt/xxgk_71033/tzgg/", "trs",
                    _trs(".list_ul li", ["div.article_title h1", "h1"], ["div.trs_editor_view", "#zoom"]),
                    publishes="Provincial industry & IT notices (湘工信)",
                    access=f"{_UNCHECKED}; TRS, {_INFERRED_LIST}"),
    ),
)

JIANGSU = SourceSpec(
    id="jiangsu",
    name="江苏省",
    city="江苏",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kxjst.jiangsu.gov.cn/col/col82571/index.html", "jcms",
                    _hanweb(82571, 314092, 16, "江苏省科学技术厅"),
                    publishes="Provincial S&T calls (省科技计划, 苏科)",
                    access=f"{_UNCHECKED}; Hanweb / jpaas (the jpaas form is not modelled), column ids are "
                           "fixtures [lead]"),
        ChannelSpec("gxt_tzgg", "省工信厅 通知公告", "https://gxt.jiangsu.gov.cn/col/col89736/index.html", "jcms",
                    _hanweb(89736, 318204, 23, "江苏省工业和信息化厅"),
                    publishes="Provincial industry & IT notices (苏工信, 人工智能 / 数字经济 funds)",
                    access=f"{_UNCHECKED}; Hanweb / jpaas, column ids are fixtures [lead]"),
    ),
)

SICHUAN = SourceSpec(
    id="sichuan",
    name="四川省",
    city="四川",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.sc.gov.cn/scst/c100495/common_list.shtml", "ucap",
                    {"article_url": r"/kjt/gstz/\d{4}/\d{2}/\d{2}/[0-9a-f]{32}\.shtml$"},
                    publishes="Provincial S&T calls (川科, 重点研发计划 人工智能 专项)",
                    needs_egress=True,
                    access=f"{_BLACKHOLED} (四川 portal; host not checked); UCAP-like, list URL and "
                           "/kjt/gstz/YYYY/MM/DD/<32hex>.shtml notices documented, rows and pager [inferred]"),
    ),
)

SHAANXI = SourceSpec(
    id="shaanxi",
    name="陕西省",
    city="陕西",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.shaanxi.gov.cn/view/iList.jsp?cat_id=221", "trs",
                    _trs("ul.list li", ["div.detail-title h1", "h1"], ["div.detail-content"],
                         article_url=r"/view/iView\.jsp\?id=\d+$", page_name="iList.jsp?cat_id=221&cur_page={n}",
                         page_offset=0),
                    publishes="Provincial S&T calls (陕科)",
                    needs_egress=True,
                    access=f"{_BLACKHOLED} (陕西 portal; host not checked); JSP /view/iList.jsp?cat_id=221 "
                           "documented; cur_page paging, rows and the iView.jsp article URLs [inferred]"),
    ),
)

HENAN = SourceSpec(
    id="henan",
    name="河南省",
    city="河南",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.henan.gov.cn/tzgg/", "trs",
                    _trs("ul.news-list li", ["div.article-title h1", "h1"], ["div.article-content"],
                         article_url=r"/\d{4}/\d{2}-\d{2}/\d+\.html$"),
                    publishes="Provincial S&T calls (豫科)",
                    needs_egress=True,
                    access=f"{_WAF_403} (河南 portal; host not checked); family unknown: TRS-style paging, "
                           "rows, section path and article URLs [inferred]"),
    ),
)

LIAONING = SourceSpec(
    id="liaoning",
    name="辽宁省",
    city="辽宁",
    channels=(
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.ln.gov.cn/kjt/tzgg/", "trs",
                    _trs("ul.news_list li", ["div.xxgk_title h1", "h1"], ["div.TRS_UEDITOR", "#zoom"],
                         page_name="index_{n}.shtml"),
                    publishes="Provincial S&T calls (辽科发)",
                    access=f"{_UNCHECKED}; family not recorded: TRS as the .shtml 工信厅, {_INFERRED_LIST}"),
        ChannelSpec("gxt_tzgg", "省工信厅 通知公告", "https://gxt.ln.gov.cn/gxt/tzgg/", "trs",
                    _trs("ul.news_list li", ["div.xxgk_title h1", "h1"], ["div.TRS_UEDITOR", "#zoom"],
                         page_name="index_{n}.shtml"),
                    publishes="Provincial industry & IT notices (辽工信)",
                    access=f"{_UNCHECKED}; .shtml pages documented, TRS and {_INFERRED_LIST}"),
    ),
)

_HLJ_CHANNEL = "8d4a6e0f3c2b4f1a9e7d5c3b1a0f9e8d"  # a fixture: read the portal list's channelId live [lead]

HEILONGJIANG = SourceSpec(
    id="heilongjiang",
    name="黑龙江省",
    city="黑龙江",
    channels=(
        ChannelSpec("szf_wj", "省政府 政府文件", f"https://www.hlj.gov.cn/common/search/{_HLJ_CHANNEL}", "jsonlist",
                    {"api_path": f"/common/search/{_HLJ_CHANNEL}", "query": "_isAgg=true&_isJson=true",
                     "page_param": "page", "size_param": "_pageSize", "page_size": 10, "items": "data.results",
                     "total": "data.total", "url_field": "url", "title_field": "title",
                     "date_field": "publishedTime", "doc_number_field": "fileNum", "article_url": _HEX_ID,
                     "detail_title": ["div.article-title h1", "h1"], "detail_body": ["#UCAP-CONTENT"]},
                    publishes="黑政发 / 黑政办发 documents (省 AI and 数字经济 policy)",
                    access=f"{_UNCHECKED}; /common/search/{{channelId}} JSON documented; channelId, parameters, "
                           "field names and answer shape [inferred]"),
        ChannelSpec("kjt_tzgg", "省科技厅 通知公告", "https://kjt.hlj.gov.cn/kjt/c113904/common_list.shtml", "ucap",
                    {"article_url": r"/kjt/c113904/\d{6}/[0-9a-f]{32}\.shtml$"},
                    publishes="Provincial S&T calls (黑科, 哈尔滨 zone funding)",
                    access=f"{_UNCHECKED}; UCAP /kjt/c113904/ documented; common_list file, rows and article "
                           "path [inferred]"),
    ),
)

ZONE_SOURCES: tuple[SourceSpec, ...] = (DEQING, CHONGQING, CHENGDU, XIAN, JINAN, GUANGZHOU, WUHAN, SUZHOU, CHANGSHA,
                                         ZHENGZHOU, SHENYANG, HARBIN)
PROVINCE_SOURCES: tuple[SourceSpec, ...] = (ZHEJIANG, SICHUAN, SHAANXI, SHANDONG, GUANGDONG, HUBEI, JIANGSU, HUNAN,
                                             HENAN, LIAONING, HEILONGJIANG)

# How much of each channel the reference material documents. "documented": host, family and the list
# markup or API are named in pilot-zones.md / sites.md. "lead": host and family are named, the section
# path, column / category ids or row selectors follow the family's template (fixtures until checked live).
DOCUMENTED = "documented"
LEAD = "lead"
CONFIDENCE: dict[str, str] = {
    "deqing/xzgfxwj": LEAD, "deqing/kjj_tzgg": LEAD,
    "chongqing/szfwj": LEAD, "chongqing/kjj_tzgg": LEAD, "chongqing/jjxxw_tzgg": LEAD,
    "jinan/kjj_tzgg": LEAD, "jinan/gxj_tzgg": LEAD,
    "guangzhou/szf_gkml": DOCUMENTED, "guangzhou/kjj_tzgg": DOCUMENTED, "guangzhou/gxj_gkml": LEAD,
    "wuhan/kjj_tzgg": DOCUMENTED, "wuhan/kjj_gsxx": DOCUMENTED, "wuhan/jxj_tztg": LEAD,
    "changsha/kjj_tzgg": DOCUMENTED, "changsha/gxj_tzgg": LEAD,
    "shenyang/szfwj": LEAD, "shenyang/kjj_tzgg": LEAD,
    "harbin/zfwj": LEAD,
    "zhejiang/kjt_tzgg": LEAD, "zhejiang/jxt_tzgg": LEAD,
    "guangdong/kjt_gkml": LEAD, "guangdong/gxt_gkml": LEAD,
    "shandong/kjt_tzgg": LEAD, "shandong/gxt_tzgg": LEAD,
    "hubei/kjt_tzgg": LEAD, "hubei/jxt_tzgg": LEAD,
    "hunan/kjt_tzgg": LEAD, "hunan/gxt_tzgg": LEAD,
    "jiangsu/kjt_tzgg": LEAD, "jiangsu/gxt_tzgg": LEAD,
    "chengdu/szf_zcwj": LEAD, "chengdu/kjj_tzgg": LEAD,
    "xian/szf_zcwj": LEAD, "xian/kjj_tzgg": LEAD,
    "suzhou/szf_zcwj": LEAD, "suzhou/kjj_tzgg": LEAD, "suzhou/gxj_tzgg": LEAD,
    "zhengzhou/szf_zcwj": LEAD, "zhengzhou/kjj_tzgg": LEAD,
    "sichuan/kjt_tzgg": LEAD, "shaanxi/kjt_tzgg": LEAD, "henan/kjt_tzgg": LEAD,
    "liaoning/kjt_tzgg": LEAD, "liaoning/gxt_tzgg": LEAD,
    "heilongjiang/szf_wj": LEAD, "heilongjiang/kjt_tzgg": LEAD,
}


def mainland_egress(channel: ChannelSpec) -> str:
    """Whether the channel needs a mainland egress, from its access facts (pilot-zones.md, 2026-09)."""
    if channel.access.startswith((_BLACKHOLED, _HUBEI_412, _WAF_403, "WAF-blocked abroad")):
        return "needed"
    if channel.access.startswith(_REACHABLE):
        return "not needed for the city (2026-09)"
    return "unknown"

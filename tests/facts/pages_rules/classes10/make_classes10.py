"""classes10 pages: written from class descriptions, labelled before the extractor runs on them."""
import json, pathlib
OUT = pathlib.Path(__file__).parent
NAV = "<div class='nav'>" + "".join(f"<a href='/l{i}/'>栏目{i}</a>" for i in range(8)) + "</div>"
def foot(owner): return f"<div class='foot'><p>主办：{owner}　网站标识码：3700000001</p><p>ICP备87654321号</p></div>"
def html(charset, title_tag, body, metas=""):
    return (f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
            f"<title>{title_tag}</title>{metas}</head><body>{body}</body></html>")
P = lambda *ps: "".join(f"<p>{x}</p>" for x in ps)
CASES = []
def add(id_, cls, host, path, enc, page, expected):
    CASES.append(dict(id=id_, file=id_ + ".html", url=f"https://{host}{path}", template="c10_" + id_.split("__")[0],
                      host=host, encoding=enc, **{"class": cls}, expected=expected))
    (OUT / (id_ + ".html")).write_bytes(page.encode("gbk" if enc == "gbk" else "utf-8"))
E = lambda **kw: {"title": None, "doc_number": None, "issuers": [], "written_date": None, "published_date": None,
                  "pilot_zone_cities": [], "repeals": [], "attachments": [], **kw}
F = lambda m=None, r=None, s=None: {"max_amount_yuan": m, "ratio": r, "fund_size_yuan": s}
SP = "&nbsp;" * 30


def related(items):
    return ("<div class='relat'><p>相关文件：</p><ul class='list'>" + "".join(
        f"<li><a href='#' title='{t}'>{t[:20]}…</a> <em>{n}</em><span class='date'>{d}</span></li>" for t, n, d in items)
        + "</ul></div>")


REL = [("宜宾市科学技术局关于组织申报2026年度宜宾市科技计划项目的通知", "宜科发〔2026〕3号", "2026-02-11"),
       ("宜宾市科学技术局 宜宾市财政局关于印发《宜宾市科技创新券管理办法》的通知", "宜科联发〔2025〕9号", "2025-11-20"),
       ("宜宾市人民政府关于加快人工智能产业发展的若干政策", "宜府规〔2026〕2号", "2026-01-08"),
       ("宜宾市科学技术局关于印发《宜宾市科技计划项目管理办法》的通知", "宜科规〔2023〕1号", "2023-04-02")]

# ---------------- class 1: a short news text beside a list of other documents with their numbers and dates
t = "我市举办人工智能赋能制造业现场会"
add("c1_news_beside_dated_list__yibin", 1, "kjj.yibin.gov.cn", "/xwdt/202605/t20260512_1120.html", "utf-8", html("utf-8", "宜宾市科学技术局 " + t,
    NAV + "<div class='main'><div class='article-title'><h3>" + t + "</h3></div><div class='article-info'>发布日期：2026-05-12　信息来源：宜宾日报</div>"
    "<div class='article-con' id='zoom'>" + P("5月11日，我市在三江新区举办人工智能赋能制造业现场会。",
    "会上，市科技局解读了《宜宾市人民政府关于加快人工智能产业发展的若干政策》（宜府规〔2026〕2号）。") + "</div>"
    + related(REL) + "</div>" + foot("宜宾市科学技术局")),
    E(title=t, published_date="2026-05-12"))
REL2 = [(a.replace("宜宾", "南充").replace("宜科", "南科").replace("宜府", "南府"), n.replace("宜", "南"), d) for a, n, d in REL]
t = "南充举办科技成果转化路演活动"
add("c1_news_beside_dated_list__nanchong", 1, "kjj.nanchong.gov.cn", "/news/2026/0603/5521.html", "gbk", html("gbk", t + "_南充市科学技术局",
    NAV + "<div class='con'><h2>" + t + "</h2><p class='ly'>发布时间：2026-06-03　来源：南充日报</p><div class='txt'>"
    + P("6月2日，南充市科技成果转化路演活动在高坪区举行，12个项目现场路演。", "活动现场签约合作项目5个。") + "</div>"
    + related(REL2) + "</div>" + foot("南充市科学技术局")),
    E(title=t, published_date="2026-06-03"))

# ---------------- class 2: 更新时间 as the publication time of an older CMS
t = "关于公布2026年度泸州市科技型中小企业名单的通知"
add("c2_update_time__luzhou", 2, "kjj.luzhou.gov.cn", "/Article/ShowArticle.asp?ArticleID=8821", "gbk", html("gbk", "泸州市科学技术局",
    NAV + "<div class='showtitle'>" + t + "</div><div class='showinfo'>作者：admin　　文章来源：本站原创　　点击数：<span id='hits'>88</span>"
    "　　更新时间：2026年06月15日</div><div class='showcontent'>" + P("各区县科技局，各有关单位：",
    "经企业自评、专家审核，现将2026年度泸州市科技型中小企业名单予以公布。", "泸州市科学技术局", "2026年6月12日") + "</div>" + foot("泸州市科学技术局")),
    E(title=t, issuers=["泸州市科学技术局"], written_date="2026-06-12", published_date="2026-06-15"))

# ---------------- class 3: a table's rows right above the signature are not signing bodies
t = "关于2026年度德阳市重点实验室拟认定名单的公示"
add("c3_table_above_signature__deyang", 3, "kjj.deyang.gov.cn", "/tzgg/202607/t20260708_901.html", "utf-8", html("utf-8", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-07-08</div><div class='con'>"
    + P("经单位申报、专家评审，拟认定以下3家重点实验室，现予公示。", "公示期为2026年7月8日至7月14日。")
    + "<table><tr><td>依托单位</td><td>重点实验室名称</td></tr><tr><td>四川某某重工有限公司</td><td>德阳市清洁能源装备重点实验室</td></tr>"
    "<tr><td>德阳某某科技有限公司</td><td>德阳市智能制造重点实验室</td></tr></table>"
    + P("德阳市科学技术局", "2026年7月7日") + "</div></div>" + foot("德阳市科学技术局")),
    E(title=t, issuers=["德阳市科学技术局"], written_date="2026-07-07", published_date="2026-07-08"))

# ---------------- class 4: fixed support per project, a prize list
t = "宜春市科学技术局关于发布2026年度宜春市科技计划项目申报指南的通知"
add("c4_per_project_prizes__yichun", 4, "kjj.yichun.gov.cn", "/art/2026/3/20/art_1440_9021.html", "gbk", html("gbk", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-03-20</div><div class='con'>"
    + P("宜科字〔2026〕15号", "各县（市、区）科技主管部门：", "重点研发项目每项支持30万元。",
        "对获评市科技进步奖的项目，一等奖20万元，二等奖10万元，三等奖5万元。", "宜春市科学技术局", "2026年3月18日")
    + "</div></div>" + foot("宜春市科学技术局")),
    E(title=t, doc_number="宜科字〔2026〕15号", issuers=["宜春市科学技术局"], written_date="2026-03-18", published_date="2026-03-20",
      funding=[F(m=300000), F(m=200000), F(m=100000), F(m=50000)]))

# ---------------- class 5: an attachment's link text, the title attribute adding only the extension
t = "邵阳市科学技术局关于组织申报2026年度邵阳市科技创新项目的通知"
add("c5_attachment_text__shaoyang", 5, "kjj.shaoyang.gov.cn", "/xxgk/202602/t20260226_77.html", "utf-8", html("utf-8", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-02-26</div><div class='con'>"
    + P("邵科发〔2026〕4号", "各县市区科技局：", "现组织申报2026年度邵阳市科技创新项目。", "邵阳市科学技术局", "2026年2月25日") + "</div>"
    "<ul class='fj'><li>附件1：<a href='/files/a1.pdf' title='2026年度邵阳市科技创新项目申报指南.pdf'>2026年度邵阳市科技创新项目申报指南</a></li>"
    "<li>附件2：<a href='/files/a2.docx' title='项目申报书模板.docx'>项目申报书模板</a></li>"
    "<li>附件3：<a href='/files/a3.xls' title='邵阳市2026年度科技创新项目推荐汇总表（县市区科技局填报）.xls'>邵阳市2026年度科技创新项目推荐汇总…</a></li></ul>"
    "</div>" + foot("邵阳市科学技术局")),
    E(title=t, doc_number="邵科发〔2026〕4号", issuers=["邵阳市科学技术局"], written_date="2026-02-25", published_date="2026-02-26",
      attachments=["2026年度邵阳市科技创新项目申报指南", "项目申报书模板", "邵阳市2026年度科技创新项目推荐汇总表（县市区科技局填报）.xls"]))

# ---------------- class 6: repeals listed without numbering
t = "泰州市科学技术局关于废止部分规范性文件的通知"
add("c6_unnumbered_list__taizhou_js", 6, "kjj.taizhou.gov.cn", "/art/2026/1/6/art_48_2201.html", "gbk", html("gbk", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-01-06</div><div class='con'>"
    + P("泰科规〔2026〕1号", "根据规范性文件清理工作要求，决定废止以下规范性文件：", "《泰州市科技创新券管理办法》（泰科规〔2019〕2号）；",
        "《泰州市众创空间认定管理办法》（泰科规〔2020〕5号）。", "以上文件自本通知印发之日起停止执行。", "泰州市科学技术局", "2026年1月4日")
    + "</div></div>" + foot("泰州市科学技术局")),
    E(title=t, doc_number="泰科规〔2026〕1号", issuers=["泰州市科学技术局"], written_date="2026-01-04", published_date="2026-01-06",
      repeals=["泰科规〔2019〕2号", "泰科规〔2020〕5号"]))

# ---------------- class 7: a national administration signing without 国家
t = "体育总局 教育部关于推进青少年体育科技创新的通知"
add("c7_short_national__sport_repost", 7, "tyj.sc.gov.cn", "/tyj/c102/202609/t20260910_66.html", "utf-8", html("utf-8", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-09-10　来源：国家体育总局</div><div class='con'>"
    + P("体科字〔2026〕88号", "各省、自治区、直辖市体育局、教育厅（教委）：", "为推进青少年体育科技创新，现就有关事项通知如下。",
        "体育总局", "教育部", "2026年9月3日") + "</div></div>" + foot("四川省体育局")),
    E(title=t, doc_number="体科字〔2026〕88号", issuers=["国家体育总局", "教育部"], written_date="2026-09-03", published_date="2026-09-10"))

(OUT / "labels.json").write_text(json.dumps({"cases": CASES}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(CASES))

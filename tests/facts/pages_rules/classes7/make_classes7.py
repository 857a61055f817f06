"""classes7 pages: written from class descriptions, labelled before the extractor runs on them."""
import json, pathlib
OUT = pathlib.Path(__file__).parent
NAV = "<div class='nav'>" + "".join(f"<a href='/l{i}/'>栏目{i}</a>" for i in range(8)) + "</div>"
def foot(owner): return f"<div class='foot'><p>主办：{owner}　网站标识码：3400000001</p><p>ICP备87654321号</p></div>"
def html(charset, title_tag, body, metas=""):
    return (f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
            f"<title>{title_tag}</title>{metas}</head><body>{body}</body></html>")
P = lambda *ps: "".join(f"<p>{x}</p>" for x in ps)
CASES = []
def add(id_, cls, host, path, enc, page, expected):
    CASES.append(dict(id=id_, file=id_ + ".html", url=f"https://{host}{path}", template="c7_" + id_.split("__")[0],
                      host=host, encoding=enc, **{"class": cls}, expected=expected))
    (OUT / (id_ + ".html")).write_bytes(page.encode("gbk" if enc == "gbk" else "utf-8"))
E = lambda **kw: {"title": None, "doc_number": None, "issuers": [], "written_date": None, "published_date": None,
                  "pilot_zone_cities": [], "repeals": [], "attachments": [], **kw}
F = lambda m=None, r=None, s=None: {"max_amount_yuan": m, "ratio": r, "fund_size_yuan": s}

# ---------------- class 1: the date after the source, set apart by a bar
t = "我国人工智能核心产业规模持续扩大 企业数量超过5000家"
add("c1_source_bar_date__chinadaily", 1, "cn.chinadaily.com.cn", "/a/202607/15/WS6694a1.html", "utf-8", html("utf-8", t + " - 中国日报网",
    NAV + "<div class='main_title'><h1>" + t + "</h1><div class='xinf-le'>来源：中国日报网 | 2026-07-15 10:26</div>"
    "<div class='share'><a>微信</a><a>微博</a></div></div><div id='Content'>" + P("记者从有关部门获悉，我国人工智能核心产业规模持续扩大。",
    "截至目前，人工智能企业数量超过5000家，在智能芯片、开发框架等领域取得一批重要成果。",
    "下一步，将加快推动人工智能与实体经济深度融合。") + "</div><div class='edit'>【责任编辑：张雪】</div>" + foot("中国日报网")),
    E(title=t, published_date="2026-07-15"))
t = "山东发布人工智能赋能制造业行动方案"
add("c1_source_bar_date_cn__dzwww", 1, "sd.dzwww.com", "/sdnews/202608/t20260803_1345.htm", "gbk", html("gbk", t + "_山东新闻_大众网",
    NAV + "<div class='layout'><h2>" + t + "</h2><div class='left'>来源：大众日报｜2026年08月03日 07:35</div>"
    "<div class='news-con'>" + P("日前，山东省印发人工智能赋能制造业行动方案，提出到2028年建成一批智能工厂。",
    "方案明确了重点任务和保障措施，推动全省制造业智能化转型。") + "</div></div>" + foot("大众网")),
    E(title=t, published_date="2026-08-03"))

# ---------------- class 2: a print view, the text's paragraphs children of <body>, the copyright line under them
t = "芜湖市科学技术局关于组织申报2026年度芜湖市科技计划项目的通知"
add("c2_print_body__wuhu", 2, "kjj.wuhu.gov.cn", "/print.jsp?id=8731229", "utf-8", html("utf-8", "打印本页",
    "<div class='tools'><a href='javascript:window.print()'>【打印】</a> <a href='javascript:window.close()'>【关闭】</a></div>"
    "<h3 align='center'>" + t + "</h3><p align='center'>发布时间：2026-03-09　信息来源：芜湖市科学技术局</p>"
    + P("芜科〔2026〕12号", "各县市区科技局，各有关单位：", "现组织申报2026年度芜湖市科技计划项目，有关事项通知如下。",
        "一、对立项的重点研发项目，给予最高100万元资助。", "二、申报截止时间为2026年4月10日。")
    + "<p align='right'>芜湖市科学技术局<br>2026年3月6日</p><hr><p align='center'>版权所有：芜湖市科学技术局　皖ICP备05001234号</p>"),
    E(title=t, doc_number="芜科〔2026〕12号", issuers=["芜湖市科学技术局"], written_date="2026-03-06",
      published_date="2026-03-09", funding=[F(m=1000000)]))
t = "马鞍山市人民政府办公室关于印发马鞍山市数字经济发展三年行动计划的通知"
add("c2_print_body__maanshan", 2, "www.mas.gov.cn", "/content/print/id/2093341.html", "gbk", html("gbk", t,
    "<div class='noprint'><a href='#' onclick='window.print()'>[打印]</a>|<a href='#' onclick='window.close()'>[关闭]</a></div>"
    "<h2>" + t + "</h2><div class='ly'>发布日期：2026-05-21</div>"
    + P("马政办〔2026〕15号", "各县、区人民政府，市政府各部门：", "现将《马鞍山市数字经济发展三年行动计划》印发给你们，请认真贯彻执行。",
        "马鞍山市人民政府办公室", "2026年5月18日")
    + "<div class='foot'>马鞍山市人民政府版权所有　未经授权不得转载</div>"),
    E(title=t, doc_number="马政办〔2026〕15号", issuers=["马鞍山市人民政府办公室"], written_date="2026-05-18",
      published_date="2026-05-21"))

# ---------------- class 3: announcement numbers (X公告2026年第3号, X公告第六四〇号), own and repealed
t = "国家税务总局关于优化研发费用加计扣除政策执行有关事项的公告"
add("c3_announce_year__chinatax", 3, "www.chinatax.gov.cn", "/chinatax/n810341/c102373/c5231877/content.html", "utf-8", html("utf-8", t + "_国家税务总局",
    NAV + "<div class='detail'><h1>" + t + "</h1><div class='time'>发布日期：2026-02-11</div><div class='con'>"
    + P("国家税务总局公告2026年第3号", "为进一步落实研发费用加计扣除政策，现就有关事项公告如下：",
        "一、企业可在预缴申报时享受研发费用加计扣除政策。",
        "二、本公告自2026年3月1日起施行。《国家税务总局关于进一步落实研发费用加计扣除政策有关问题的公告》（国家税务总局公告2021年第28号）同时废止。",
        "特此公告。", "国家税务总局", "2026年2月9日") + "</div></div>" + foot("国家税务总局")),
    E(title=t, doc_number="国家税务总局公告2026年第3号", issuers=["国家税务总局"], written_date="2026-02-09",
      published_date="2026-02-11", repeals=["国家税务总局公告2021年第28号"]))
t = "国家知识产权局关于规范专利申请行为的公告"
add("c3_announce_cn__zscqhb", 3, "zscqj.hubei.gov.cn", "/zfxxgk/zc/gfxwj/202609/t20260904_5522.shtml", "gbk", html("gbk", t + "-湖北省知识产权局",
    NAV + "<div class='article'><div class='tit'>" + t + "</div><div class='info'>发布时间：2026-09-04　来源：国家知识产权局</div><div class='TRS_Editor'>"
    + P("国家知识产权局公告", "第六四〇号", "为规范专利申请行为，现就有关事项公告如下：",
        "一、对非正常专利申请，依法予以驳回。",
        "二、本公告自发布之日起施行。《国家知识产权局关于规范申请专利行为的公告》（国家知识产权局公告第四二二号）同时废止。",
        "特此公告。", "国家知识产权局", "2026年8月28日") + "</div></div>" + foot("湖北省知识产权局")),
    E(title=t, doc_number="国家知识产权局公告第六四〇号", issuers=["国家知识产权局"], written_date="2026-08-28",
      published_date="2026-09-04", repeals=["国家知识产权局公告第四二二号"]))

# ---------------- class 4: a bound on a pool is the pool's size
t = "台州市科学技术局 台州市财政局关于印发《台州市科技创新券管理办法》的通知"
add("c4_bounded_total__taizhou", 4, "kjj.zjtz.gov.cn", "/art/2026/4/17/art_1229080_58842.html", "utf-8", html("utf-8", t,
    NAV + "<div class='con'><h1>" + t + "</h1><div class='ly'>发布日期：2026-04-17</div><div class='zoom'>"
    + P("台科发〔2026〕8号", "各县（市、区）科技局、财政局：", "现将《台州市科技创新券管理办法》印发给你们，请遵照执行。",
        "第六条 创新券按服务金额的50%抵扣，每家企业每年最高20万元。", "第七条 市财政每年安排的创新券资金总额不超过3亿元。",
        "台州市科学技术局", "台州市财政局", "2026年4月14日") + "</div></div>" + foot("台州市科学技术局")),
    E(title=t, doc_number="台科发〔2026〕8号", issuers=["台州市科学技术局", "台州市财政局"], written_date="2026-04-14",
      published_date="2026-04-17", funding=[F(m=200000, r=0.5), F(s=300000000)]))
t = "汕头市人民政府关于印发汕头市促进人工智能产业发展若干措施的通知"
add("c4_pool_floor__shantou", 4, "www.shantou.gov.cn", "/cnst/zwgk/zfwj/content/post_2291022.html", "gbk", html("gbk", t,
    NAV + "<div class='content'><h1>" + t + "</h1><div class='info'>发布日期：2026-06-30</div><div class='article'>"
    + P("汕府〔2026〕21号", "各区县人民政府，市府直属各单位：", "现将《汕头市促进人工智能产业发展若干措施》印发给你们，请认真贯彻实施。",
        "一、市财政每年安排不少于2亿元的人工智能产业发展专项资金。", "二、对新建算力中心按投资额的10%给予补助，最高不超过1000万元。",
        "汕头市人民政府", "2026年6月26日") + "</div></div>" + foot("汕头市人民政府办公室")),
    E(title=t, doc_number="汕府〔2026〕21号", issuers=["汕头市人民政府"], written_date="2026-06-26",
      published_date="2026-06-30", funding=[F(s=200000000), F(m=10000000, r=0.1)]))

# ---------------- class 5: a repost whose 发布机构 is the office that posted it
t = "科技部关于批准建设一批国家重点实验室的通知"
add("c5_poster_meta__zs", 5, "www.zs.gov.cn", "/zwgk/zcfg/content/post_2188730.html", "utf-8", html("utf-8", t + "_中山市人民政府",
    NAV + "<table class='gkml'><tr><td>索引号：</td><td>007035114/2026-00211</td><td>发布机构：</td><td>中山市科学技术局</td></tr>"
    "<tr><td>成文日期：</td><td>2026-07-20</td><td>发布日期：</td><td>2026-07-28</td></tr><tr><td>文号：</td><td>国科发基〔2026〕102号</td>"
    "<td>分类：</td><td>科技</td></tr></table><div class='art'><h1>" + t + "</h1><div class='con'>"
    + P("各有关省、自治区、直辖市科技厅（委、局）：", "经研究，决定批准建设一批国家重点实验室，现将有关事项通知如下。",
        "一、请依托单位加强组织管理，落实建设条件。", "科技部", "2026年7月20日") + "</div></div>" + foot("中山市人民政府办公室")),
    E(title=t, doc_number="国科发基〔2026〕102号", issuers=["科技部"], written_date="2026-07-20", published_date="2026-07-28"))
t = "工业和信息化部办公厅关于组织开展2026年人工智能赋能新型工业化典型案例征集工作的通知"
add("c5_poster_meta__shaoguan", 5, "www.sg.gov.cn", "/sgsgxj/gkmlpt/content/2/2291/post_2291881.html", "gbk", html("gbk", t,
    NAV + "<div class='xxgk'><ul><li><b>发布机构：</b>韶关市工业和信息化局</li><li><b>发布日期：</b>2026-03-09</li>"
    "<li><b>文号：</b>工信厅科函〔2026〕41号</li></ul></div><div class='art'><h2>" + t + "</h2><div class='con'>"
    + P("各省、自治区、直辖市及计划单列市工业和信息化主管部门：", "为推动人工智能赋能新型工业化，现组织开展2026年典型案例征集工作。",
        "一、请于2026年4月30日前报送推荐材料。", "工业和信息化部办公厅", "2026年3月2日") + "</div></div>" + foot("韶关市人民政府")),
    E(title=t, doc_number="工信厅科函〔2026〕41号", issuers=["工业和信息化部办公厅"], written_date="2026-03-02",
      published_date="2026-03-09"))

(OUT / "labels.json").write_text(json.dumps({"cases": CASES}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(CASES))

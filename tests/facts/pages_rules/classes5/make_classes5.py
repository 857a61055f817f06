"""classes5 pages: written from class descriptions, labelled before the extractor runs on them."""
import json, pathlib
OUT = pathlib.Path("/work/main/tests/facts/pages_rules/classes5")
NAV = "<div class='nav'>" + "".join(f"<a href='/l{i}/'>栏目{i}</a>" for i in range(8)) + "</div>"
def foot(owner): return f"<div class='foot'><p>主办：{owner}　网站标识码：3200000001</p><p>ICP备12345678号</p></div>"
def html(charset, title_tag, body, metas=""):
    return (f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
            f"<title>{title_tag}</title>{metas}</head><body>{body}</body></html>")
P = lambda *ps: "".join(f"<p>{x}</p>" for x in ps)
CASES = []
def add(id_, cls, host, path, enc, page, expected):
    CASES.append(dict(id=id_, file=id_ + ".html", url=f"https://{host}{path}", template="c5_" + id_.split("__")[0],
                      host=host, encoding=enc, **{"class": cls}, expected=expected))
    data = page.encode("gbk" if enc == "gbk" else "utf-8")
    (OUT / (id_ + ".html")).write_bytes(data)
E = lambda **kw: {"title": None, "doc_number": None, "issuers": [], "written_date": None, "published_date": None,
                  "pilot_zone_cities": [], "repeals": [], "attachments": [], **kw}

# ---------------- class 1: the publication date set ABOVE the heading (news heads)
t = "宜昌市加快建设人工智能产业集聚区 首批12个项目集中签约"
add("c1_date_above_split__yichang", 1, "www.yichang.gov.cn", "/content-37-1150233-1.html", "gbk", html("gbk", t + "_宜昌要闻_宜昌市人民政府",
    NAV + "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/l1/'>宜昌要闻</a></div>"
    "<div class='news-head'><div class='pubtime'><span class='y'>2026</span><span class='md'>06/03</span>"
    "<span class='hm'>08:41</span></div><div class='tit'><h2>" + t + "</h2></div>"
    "<div class='tools'><a href='javascript:window.print()'>打印</a><a href='javascript:window.close()'>关闭</a></div></div>"
    "<div class='news-body'>" + P("6月2日，宜昌市人工智能产业集聚区首批12个项目集中签约，总投资86亿元，涵盖智能装备、算力服务和行业应用。",
    "市经信局负责人介绍，集聚区将围绕算力基础设施和场景开放持续发力，力争三年内集聚人工智能企业200家以上。",
    "签约仪式上，相关企业代表作了发言。") + "<div class='editor'>（责任编辑：刘洋）</div></div>"
    "<div class='side'><h3>热点新闻</h3><ul><li><a href='/a/1.html'>宜昌召开全市科技创新大会</a><span>2026-05-28</span></li>"
    "<li><a href='/a/2.html'>宜昌发布数字经济三年行动方案</a><span>2026-05-20</span></li></ul></div>" + foot("宜昌市人民政府办公室")),
    E(title=t, published_date="2026-06-03"))
t = "株洲轨道交通装备智能制造创新中心正式揭牌"
add("c1_date_above_whole__zhuzhou", 1, "www.zhuzhou.gov.cn", "/c14836/20260612/i2251874.html", "utf-8", html("utf-8", t + " - 株洲市人民政府",
    NAV + "<div class='main'><div class='detail'><p class='date-line'>2026-06-12 16:05:33</p>"
    "<h1 class='detail-title'>" + t + "</h1><div class='share'>分享到：<a>微信</a><a>微博</a></div>"
    "<div class='detail-con' id='zoom'>" + P("6月11日，株洲轨道交通装备智能制造创新中心正式揭牌成立，将围绕智能检测、工业大模型等方向开展联合攻关。",
    "创新中心由行业龙头企业牵头，联合高校院所共同组建，首期研发投入2.5亿元。",
    "下一步，株洲将持续推动人工智能与先进制造业深度融合。") + "</div><p class='src'>来源：株洲日报</p></div></div>"
    + foot("株洲市人民政府办公室"), metas="<meta name='PubDate' content='2026-06-14 09:00:00'>"),
    E(title=t, published_date="2026-06-12"))

# ---------------- class 2: a forwarding notice whose own signature comes after the embedded document's
t = "扬州市人民政府办公室关于转发省科技厅《江苏省人工智能应用场景建设指引》的通知"
add("c2_forward_sig_last__yangzhou", 2, "www.yangzhou.gov.cn", "/zgyz/zfwj/202604/a81c2d.shtml", "utf-8", html("utf-8", t,
    NAV + "<div class='article'><h1>" + t + "</h1><div class='info'>发布时间：2026-04-22　来源：市政府办公室</div>"
    "<div class='content'>" + P("扬府办发〔2026〕17号", "各县（市、区）人民政府，市各有关部门：",
    "现将省科技厅《江苏省人工智能应用场景建设指引》（苏科高发〔2026〕41号）转发给你们，请结合实际认真贯彻执行。",
    "江苏省人工智能应用场景建设指引", "一、总体要求。坚持需求牵引、场景驱动，推动人工智能技术在重点行业规模化应用。",
    "二、重点任务。建设一批标杆场景，培育一批场景创新企业。", "江苏省科学技术厅", "2026年4月2日",
    "扬州市人民政府办公室", "2026年4月20日", "（此件公开发布）") + "</div></div>" + foot("扬州市人民政府办公室")),
    E(title=t, doc_number="扬府办发〔2026〕17号", issuers=["扬州市人民政府办公室"], written_date="2026-04-20",
      published_date="2026-04-22"))
t = "南通市科学技术局关于转发《科技部办公厅关于开展2026年度科技型中小企业评价工作的通知》的通知"
add("c2_forward_sig_last_cn__nantong", 2, "kjj.nantong.gov.cn", "/ntskjj/tzgg/content/9f0c7e.html", "gbk", html("gbk", t,
    NAV + "<table width='100%'><tr><td class='bt'>" + t + "</td></tr><tr><td class='rq'>日期：2026-05-09</td></tr>"
    "<tr><td class='zw'>" + P("通科发〔2026〕22号", "各县（市、区）科技局，各有关单位：",
    "现将《科技部办公厅关于开展2026年度科技型中小企业评价工作的通知》（国科办区〔2026〕30号）转发给你们，请遵照执行。",
    "科技部办公厅关于开展2026年度科技型中小企业评价工作的通知", "各省、自治区、直辖市科技厅（委、局）：",
    "为做好2026年度科技型中小企业评价工作，现将有关事项通知如下。", "科技部办公厅", "2026年4月18日",
    "南通市科学技术局", "二〇二六年五月八日") + "</td></tr></table>" + foot("南通市科学技术局")),
    E(title=t, doc_number="通科发〔2026〕22号", issuers=["南通市科学技术局"], written_date="2026-05-08",
      published_date="2026-05-09"))
t = "盐城市人民政府关于转发《江苏省数据条例实施办法》的通知"
add("c2_forward_sig_first__yancheng", 2, "www.yancheng.gov.cn", "/art/2026/5/15/art_1846_4120033.html", "utf-8", html("utf-8", t + "_市政府文件_盐城市人民政府",
    NAV + "<div class='zwgk'><div class='title'>" + t + "</div><div class='meta'><span>发布日期：2026-05-15</span></div>"
    "<div class='zoom'>" + P("盐政发〔2026〕9号", "各县（市、区）人民政府，市各有关部门：",
    "现将《江苏省数据条例实施办法》转发给你们，请认真贯彻执行。", "盐城市人民政府", "2026年5月12日",
    "江苏省数据条例实施办法", "第一条　为了规范数据处理活动，制定本办法。", "江苏省人民政府办公厅", "2026年3月30日")
    + "</div></div>" + foot("盐城市人民政府办公室")),
    E(title=t, doc_number="盐政发〔2026〕9号", issuers=["盐城市人民政府"], written_date="2026-05-12",
      published_date="2026-05-15"))

# ---------------- class 3: an allocation whose programme name stands between 安排 and the amount
F = lambda m=None, r=None, s=None: {"max_amount_yuan": m, "ratio": r, "fund_size_yuan": s}
t = "吉林省财政厅 吉林省科学技术厅关于下达2026年省级科技创新引导专项资金的通知"
add("c3_alloc_named__jilin", 3, "czt.jl.gov.cn", "/zwgk/tzgg/202603/t20260311_9021.html", "utf-8", html("utf-8", t + "-吉林省财政厅",
    NAV + "<div class='con'><h2>" + t + "</h2><p class='time'>发布时间：2026-03-11</p><div class='text'>"
    + P("吉财教指〔2026〕33号", "各市（州）财政局、科技局：",
        "为支持人工智能等前沿技术攻关，省财政安排2026年省级科技创新引导专项资金2亿元，现将资金下达给你们，请按规定拨付使用。",
        "吉林省财政厅", "吉林省科学技术厅", "2026年3月6日") + "</div></div>" + foot("吉林省财政厅")),
    E(title=t, doc_number="吉财教指〔2026〕33号", issuers=["吉林省财政厅", "吉林省科学技术厅"], written_date="2026-03-06",
      published_date="2026-03-11", funding=[F(s=200000000)]))
t = "包头市人民政府办公室关于印发包头市人工智能产业发展若干措施的通知"
add("c3_alloc_pooled__baotou", 3, "www.baotou.gov.cn", "/info/2166/301544.htm", "gbk", html("gbk", t,
    NAV + "<div class='article'><h1>" + t + "</h1><div class='src'>发布日期：2026-04-03</div><div id='vsb_content'>"
    + P("包府办发〔2026〕12号", "各旗、县、区人民政府，市直各部门：",
        "一、市级财政每年统筹安排人工智能产业发展引导资金5000万元，用于支持算力设施、场景开放和人才引育。",
        "二、对新认定的人工智能领域专精特新企业，每家给予一次性奖励50万元。",
        "三、新建智能算力中心按设备投资额的10%给予补助，单个项目最高不超过1000万元。",
        "包头市人民政府办公室", "2026年3月31日") + "</div></div>" + foot("包头市人民政府办公室")),
    E(title=t, doc_number="包府办发〔2026〕12号", issuers=["包头市人民政府办公室"], written_date="2026-03-31",
      published_date="2026-04-03", funding=[F(s=50000000), F(m=500000), F(m=10000000, r=0.1)]))

# ---------------- class 4: a news headline restating a clause of the text
t = "温岭出台智能制造新政 单个项目最高奖励1000万元"
add("c4_headline_cap__wenling", 4, "www.wl.gov.cn", "/art/2026/7/8/art_1229180_59132.html", "utf-8", html("utf-8", t,
    NAV + "<div class='news'><h1>" + t + "</h1><div class='byline'>2026-07-08 来源：温岭日报</div><div class='body'>"
    + P("近日，温岭市出台推动智能制造高质量发展的若干政策。",
        "政策明确，对企业实施智能化改造项目，按设备投资额的20%给予奖励，单个项目最高1000万元。",
        "对新获评国家级智能制造示范工厂的企业，给予一次性奖励200万元。") + "</div></div>" + foot("温岭市人民政府办公室")),
    E(title=t, published_date="2026-07-08", funding=[F(m=10000000, r=0.2), F(m=2000000)]))
t = "泉州设立30亿元人工智能产业基金 重点投向智能装备和行业大模型"
add("c4_headline_fund__quanzhou", 4, "www.quanzhou.gov.cn", "/zfb/xxgk/zfxxgkzl/qzdt/202608/t20260814_3311.htm", "gbk", html("gbk", t + "_泉州动态_泉州市人民政府",
    NAV + "<div class='xl'><div class='xl-tit'>" + t + "</div><div class='xl-info'>来源：泉州晚报　发布时间：2026-08-14</div>"
    "<div class='TRS_Editor'>" + P("8月13日，泉州市人工智能产业基金正式设立，基金总规模30亿元，重点投向智能装备和行业大模型。",
        "基金由市级国有资本牵头，联合社会资本共同出资。") + "</div></div>" + foot("泉州市人民政府办公室")),
    E(title=t, published_date="2026-08-14", funding=[F(s=3000000000)]))

# ---------------- class 5: empty metadata value cells (the value must not be taken from the article)
t = "江门市人工智能与机器人产业集群入选省级战略性产业集群"
add("c5_empty_cells_li__jiangmen", 5, "www.jiangmen.gov.cn", "/zwgk/zwdt/bmdt/content/post_3381120.html", "utf-8", html("utf-8", t + "_部门动态_江门市人民政府门户网站",
    NAV + "<ul class='xxgk-info'><li><b>索引号：</b><i>007024556/2026-00318</i></li><li><b>发布机构：</b><i></i></li>"
    "<li><b>发文字号：</b><i></i></li><li><b>成文日期：</b><i></i></li><li><b>发布日期：</b><i>2026-09-02</i></li></ul>"
    "<div class='art'><div class='art-tit'>" + t + "</div><div class='art-src'>来源：江门日报</div><div class='art-con'>"
    + P("近日，省工业和信息化厅公布新一批省级战略性产业集群名单，江门市人工智能与机器人产业集群成功入选。",
        "江门将以此为契机，推动集群向高端化、智能化、绿色化方向发展。") + "</div></div>" + foot("江门市人民政府办公室")),
    E(title=t, published_date="2026-09-02"))
t = "洛阳市科学技术局关于开展2026年度洛阳市重点实验室绩效评估的通知"
add("c5_empty_cells_td__luoyang", 5, "kjj.ly.gov.cn", "/2026/09-10/61244.html", "gbk", html("gbk", t,
    NAV + "<table class='xxgk' border='1'><tr><td>索引号</td><td>LY-KJJ-2026-0452</td><td>主题分类</td><td>科技</td></tr>"
    "<tr><td>发布机构：</td><td></td><td>文号：</td><td></td></tr><tr><td>成文日期：</td><td></td><td>发布日期：</td><td>2026-09-10</td></tr>"
    "<tr><td>名称：</td><td colspan='3'>" + t + "</td></tr></table>"
    "<div class='zw'><h3>" + t + "</h3>" + P("各县（市、区）科技主管部门，各有关单位：",
        "为加强重点实验室运行管理，决定开展2026年度洛阳市重点实验室绩效评估工作，现将有关事项通知如下。",
        "一、评估范围为2023年底前认定的市级重点实验室。", "二、请于2026年10月15日前报送评估材料。",
        "洛阳市科学技术局", "2026年9月8日") + "</div>" + foot("洛阳市科学技术局")),
    E(title=t, issuers=["洛阳市科学技术局"], written_date="2026-09-08", published_date="2026-09-10"))

(OUT / "labels.json").write_text(json.dumps({"cases": CASES}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(CASES))

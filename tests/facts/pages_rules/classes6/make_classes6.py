"""classes6 pages: written from class descriptions, labelled before the extractor runs on them."""
import json, pathlib
OUT = pathlib.Path(__file__).parent
NAV = "<div class='nav'>" + "".join(f"<a href='/l{i}/'>栏目{i}</a>" for i in range(8)) + "</div>"
def foot(owner): return f"<div class='foot'><p>主办：{owner}　网站标识码：3300000001</p><p>ICP备87654321号</p></div>"
def html(charset, title_tag, body, metas=""):
    return (f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
            f"<title>{title_tag}</title>{metas}</head><body>{body}</body></html>")
P = lambda *ps: "".join(f"<p>{x}</p>" for x in ps)
CASES = []
def add(id_, cls, host, path, enc, page, expected):
    CASES.append(dict(id=id_, file=id_ + ".html", url=f"https://{host}{path}", template="c6_" + id_.split("__")[0],
                      host=host, encoding=enc, **{"class": cls}, expected=expected))
    (OUT / (id_ + ".html")).write_bytes(page.encode("gbk" if enc == "gbk" else "utf-8"))
E = lambda **kw: {"title": None, "doc_number": None, "issuers": [], "written_date": None, "published_date": None,
                  "pilot_zone_cities": [], "repeals": [], "attachments": [], **kw}
F = lambda m=None, r=None, s=None: {"max_amount_yuan": m, "ratio": r, "fund_size_yuan": s}

# ---------------- class 1: metadata labels in brackets, no colon ([发文字号] / 【发文字号】)
t = "北京市东城区人民政府办公室关于印发《东城区加快发展数字经济的若干措施》的通知"
add("c1_bracket_th__dongcheng", 1, "www.bjdch.gov.cn", "/zwgk/zcwj/qzfwj/202605/t20260512_4100231.html", "utf-8", html("utf-8", t,
    NAV + "<div class='zcwj'><table class='meta'><tr><th>[标题]</th><td colspan='3'>" + t + "</td></tr>"
    "<tr><th>[发文机构]</th><td>北京市东城区人民政府办公室</td><th>[主题分类]</th><td>科技</td></tr>"
    "<tr><th>[发文字号]</th><td>东政办发〔2026〕11号</td><th>[成文日期]</th><td>2026年5月8日</td></tr>"
    "<tr><th>[发布日期]</th><td>2026-05-12</td><th>[有效性]</th><td>有效</td></tr></table>"
    "<h2>" + t + "</h2><div class='txt'>" + P("各街道办事处，区政府各委、办、局，各区属机构：",
    "现将《东城区加快发展数字经济的若干措施》印发给你们，请认真贯彻落实。", "东城区加快发展数字经济的若干措施",
    "一、对新落地的数字经济企业，给予最高200万元的落户奖励。", "北京市东城区人民政府办公室", "2026年5月8日")
    + "</div></div>" + foot("北京市东城区人民政府办公室")),
    E(title=t, doc_number="东政办发〔2026〕11号", issuers=["北京市东城区人民政府办公室"], written_date="2026-05-08",
      published_date="2026-05-12", funding=[F(m=2000000)]))
t = "徐汇区科学技术委员会关于组织申报2026年度徐汇区人工智能专项资金项目的通知"
add("c1_bracket_cn__xuhui", 1, "www.xuhui.gov.cn", "/xxgk/portal/article/detail?id=8a2b9f", "gbk", html("gbk", t,
    NAV + "<div class='info-table'><table><tr><td class='l'>【索引号】</td><td>SY0040230020260041</td>"
    "<td class='l'>【发布机构】</td><td>上海市徐汇区科学技术委员会</td></tr><tr><td class='l'>【文号】</td><td>徐科委〔2026〕9号</td>"
    "<td class='l'>【发布日期】</td><td>2026-06-02</td></tr></table></div>"
    "<div class='article'><h1>" + t + "</h1><div class='con'>" + P("各有关单位：",
    "为推动人工智能产业高质量发展，现组织申报2026年度徐汇区人工智能专项资金项目。",
    "对符合条件的项目，按项目总投资的30%给予支持，最高不超过500万元。", "上海市徐汇区科学技术委员会", "2026年5月29日")
    + "</div></div>" + foot("上海市徐汇区人民政府")),
    E(title=t, doc_number="徐科委〔2026〕9号", issuers=["上海市徐汇区科学技术委员会"], written_date="2026-05-29",
      published_date="2026-06-02", funding=[F(m=5000000, r=0.3)]))

# ---------------- class 2: order numbers with a year (X令2026年第2号), in the head and in a repeal
t = "银行保险机构数据安全管理办法"
add("c2_year_order__nfra", 2, "www.nfra.gov.cn", "/cn/view/pages/governmentDetail.html?docId=1201455", "utf-8", html("utf-8", t + "_国家金融监督管理总局",
    NAV + "<div class='detail'><h1>" + t + "</h1><p class='time'>发布时间：2026-02-20</p><div class='wenzhang'>"
    + P("国家金融监督管理总局令", "2026年第2号",
        "《银行保险机构数据安全管理办法》已经2026年1月15日国家金融监督管理总局2026年第1次局务会议审议通过，现予公布，自2026年6月1日起施行。"
        "原《银行保险机构数据治理指引》（中国银保监会令2020年第6号）同时废止。",
        "第一条　为了规范银行保险机构数据处理活动，保障数据安全，制定本办法。", "局长　李云泽", "2026年2月10日")
    + "</div></div>" + foot("国家金融监督管理总局")),
    E(title=t, doc_number="国家金融监督管理总局令2026年第2号", issuers=["国家金融监督管理总局"], written_date="2026-02-10",
      published_date="2026-02-20", repeals=["中国银保监会令2020年第6号"]))
t = "对外投资备案管理办法"
add("c2_year_order_repost__swtzj", 2, "www.zcom.gov.cn", "/art/2026/3/18/art_1384587_59201.html", "gbk", html("gbk", t + " - 浙江省商务厅",
    NAV + "<div class='main'><div class='tit'>" + t + "</div><div class='ly'>信息来源：商务部　发布日期：2026-03-18</div><div class='zw'>"
    + P("中华人民共和国商务部令", "2026年第1号",
        "《对外投资备案管理办法》已于2026年2月26日经商务部第3次部务会议审议通过，现予公布，自2026年5月1日起施行。"
        "原《境外投资管理办法》（商务部令2014年第3号）同时废止。",
        "第一条　为促进和规范对外投资，制定本办法。", "部长　王文涛", "2026年3月10日")
    + "</div></div>" + foot("浙江省商务厅")),
    E(title=t, doc_number="商务部令2026年第1号", issuers=["商务部"], written_date="2026-03-10",
      published_date="2026-03-18", repeals=["商务部令2014年第3号"]))

# ---------------- class 3: a repealed order named by a ministry whose name holds 和
t = "企业投资项目核准和备案管理办法"
add("c3_repeal_he_order__fgwhn", 3, "fgw.hunan.gov.cn", "/fgw/xxgk_70899/tzgg/202604/t20260409_3301.html", "utf-8", html("utf-8", t + "_通知公告_湖南省发展和改革委员会",
    NAV + "<div class='xl'><h2>" + t + "</h2><div class='xl-src'>发布日期：2026-04-09　来源：国家发展改革委</div><div class='xl-con'>"
    + P("中华人民共和国国家发展和改革委员会令", "第35号",
        "《企业投资项目核准和备案管理办法》已经2026年3月20日第5次委务会议审议通过，现予公布，自2026年7月1日起施行。"
        "原《企业投资项目核准和备案管理办法》（国家发展和改革委员会令第2号）同时废止。",
        "第一条　为规范政府对企业投资项目的核准和备案行为，制定本办法。", "主任　郑栅洁", "2026年3月28日")
    + "</div></div>" + foot("湖南省发展和改革委员会")),
    E(title=t, doc_number="国家发展和改革委员会令第35号", issuers=["国家发展和改革委员会"], written_date="2026-03-28",
      published_date="2026-04-09", repeals=["国家发展和改革委员会令第2号"]))
t = "人力资源社会保障行政处罚办法"
add("c3_repeal_he_order__rsthb", 3, "rst.hebei.gov.cn", "/a/zcfg/2026/0515/1201.html", "gbk", html("gbk", t + "-河北省人力资源和社会保障厅",
    NAV + "<table width='980'><tr><td class='bt'>" + t + "</td></tr><tr><td class='sj'>时间：2026-05-15</td></tr><tr><td class='nr'>"
    + P("中华人民共和国人力资源和社会保障部令", "第55号",
        "《人力资源社会保障行政处罚办法》已经人力资源社会保障部第12次部务会审议通过，现予公布，自2026年8月1日起施行。"
        "2018年6月1日人力资源和社会保障部令第35号公布的《人力资源社会保障行政复议办法》同时废止。",
        "第一条　为了规范人力资源社会保障行政处罚的实施，制定本办法。", "部长　王晓萍", "2026年5月6日")
    + "</td></tr></table>" + foot("河北省人力资源和社会保障厅")),
    E(title=t, doc_number="人力资源和社会保障部令第55号", issuers=["人力资源和社会保障部"], written_date="2026-05-06",
      published_date="2026-05-15", repeals=["人力资源和社会保障部令第35号"]))

# ---------------- class 4: news on the site owner's own site (the posting office is no issuer)
t = "嘉兴市科技局赴杭州调研人工智能产业创新发展工作"
add("c4_own_news__jiaxing", 4, "kjj.jiaxing.gov.cn", "/art/2026/6/20/art_1229426_58810.html", "utf-8", html("utf-8", t + "_工作动态_嘉兴市科学技术局",
    NAV + "<div class='con'><h1>" + t + "</h1><div class='ly'>发布日期：2026-06-20　信息来源：嘉兴市科学技术局</div><div class='zoom'>"
    + P("6月18日，市科技局组织相关处室赴杭州调研人工智能产业创新发展工作。",
        "调研组一行先后走访了多家人工智能企业和创新平台，详细了解企业研发投入、场景应用等情况。",
        "市科技局有关负责人表示，下一步将加强与杭州的协同联动，推动人工智能产业加快发展。") + "</div></div>" + foot("嘉兴市科学技术局"),
    metas="<meta name='ContentSource' content='嘉兴市科学技术局'>"),
    E(title=t, published_date="2026-06-20"))
t = "淮南市召开2026年数字经济发展推进会"
add("c4_own_news_grid__huainan", 4, "www.huainan.gov.cn", "/public/6596061/1260458133.html", "gbk", html("gbk", t + "_淮南市人民政府",
    NAV + "<table class='gk'><tr><td>索引号：</td><td>11340400003253045A/202607-00231</td><td>发布机构：</td><td>淮南市人民政府办公室</td></tr>"
    "<tr><td>主题分类：</td><td>政务动态</td><td>发布日期：</td><td>2026-07-03</td></tr></table>"
    "<div class='wz'><h1>" + t + "</h1><div class='wzcon'>" + P("7月2日，我市召开2026年数字经济发展推进会。",
        "会议总结了上半年全市数字经济发展情况，部署下一阶段重点工作。",
        "会议要求，各县区、各部门要加快推进数字产业化和产业数字化，力争全年数字经济核心产业增加值增长10%以上。") + "</div></div>"
    + foot("淮南市人民政府办公室")),
    E(title=t, published_date="2026-07-03"))
t = "关于开展2026年度绍兴市科技特派员选派工作的通知"
add("c4_own_notice__shaoxing", 4, "kjj.sx.gov.cn", "/art/2026/4/2/art_1229327_58233.html", "utf-8", html("utf-8", t + "_通知公告_绍兴市科学技术局",
    NAV + "<div class='con'><h1>" + t + "</h1><div class='ly'>发布日期：2026-04-02　信息来源：绍兴市科学技术局</div><div class='zoom'>"
    + P("各区、县（市）科技局，各有关单位：", "为深入实施科技特派员制度，现就开展2026年度绍兴市科技特派员选派工作通知如下。",
        "一、选派对象为高校、科研院所的科技人员。", "二、请于2026年4月30日前报送推荐材料。") + "</div></div>" + foot("绍兴市科学技术局"),
    metas="<meta name='ContentSource' content='绍兴市科学技术局'>"),
    E(title=t, issuers=["绍兴市科学技术局"], published_date="2026-04-02"))

(OUT / "labels.json").write_text(json.dumps({"cases": CASES}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(CASES))

"""classes9 pages: written from class descriptions, labelled before the extractor runs on them."""
import json, pathlib
OUT = pathlib.Path(__file__).parent
NAV = "<div class='nav'>" + "".join(f"<a href='/l{i}/'>栏目{i}</a>" for i in range(8)) + "</div>"
def foot(owner): return f"<div class='foot'><p>主办：{owner}　网站标识码：3600000001</p><p>ICP备87654321号</p></div>"
def html(charset, title_tag, body, metas=""):
    return (f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
            f"<title>{title_tag}</title>{metas}</head><body>{body}</body></html>")
P = lambda *ps: "".join(f"<p>{x}</p>" for x in ps)
CASES = []
def add(id_, cls, host, path, enc, page, expected):
    CASES.append(dict(id=id_, file=id_ + ".html", url=f"https://{host}{path}", template="c9_" + id_.split("__")[0],
                      host=host, encoding=enc, **{"class": cls}, expected=expected))
    (OUT / (id_ + ".html")).write_bytes(page.encode("gbk" if enc == "gbk" else "utf-8"))
E = lambda **kw: {"title": None, "doc_number": None, "issuers": [], "written_date": None, "published_date": None,
                  "pilot_zone_cities": [], "repeals": [], "attachments": [], **kw}
F = lambda m=None, r=None, s=None: {"max_amount_yuan": m, "ratio": r, "fund_size_yuan": s}
SP = "&nbsp;" * 30

# ---------------- class 1: the page's number on the line under its heading AND its byline
t = "国家航天局关于印发《商业航天发射许可管理细则》的通知"
add("c1_number_under_byline__cnsa", 1, "www.cnsa.gov.cn", "/n6758823/n6758839/c10588213/content.html", "utf-8", html("utf-8", t + "-国家航天局",
    NAV + "<table width='96%' align='center'><tr><td align='center' class='biaoti'>" + t + "</td></tr>"
    "<tr><td align='center' class='hui12'>2026-04-21&nbsp;&nbsp;来源：国家航天局&nbsp;&nbsp;【字号 <a href='#'>大</a> <a href='#'>中</a> <a href='#'>小</a>】</td></tr>"
    "<tr><td align='center' class='black14'>国天发〔2026〕17号</td></tr><tr><td id='zoom'>"
    + P("各有关单位：", "为规范商业航天发射许可管理，我局制定了《商业航天发射许可管理细则》，现印发给你们，请遵照执行。",
        "国家航天局", "2026年4月16日") + "</td></tr></table>" + foot("国家航天局")),
    E(title=t, doc_number="国天发〔2026〕17号", issuers=["国家航天局"], written_date="2026-04-16", published_date="2026-04-21"))
t = "民用无人驾驶航空器生产管理办法"
add("c1_order_under_byline__miitcaac", 1, "www.caacnews.com.cn", "/1/6/202609/t20260915_1388.html", "gbk", html("gbk", t,
    NAV + "<div class='head'><h2 class='biaoti'>" + t + "</h2><div class='byline'>2026-09-15　来源：中国民航报　<a href='#'>打印</a></div>"
    "<div class='num'>中国民用航空局令（第十二号）</div></div><div class='txt'>"
    + P("《民用无人驾驶航空器生产管理办法》已经中国民用航空局局务会议审议通过，现予公布，自2027年1月1日起施行。",
        "第一条　为了规范民用无人驾驶航空器生产活动，制定本办法。", SP + "局长　宋志勇", SP + "二〇二六年九月八日")
    + "</div>" + foot("中国民航报")),
    E(title=t, doc_number="中国民用航空局令第十二号", issuers=["中国民用航空局"], written_date="2026-09-08", published_date="2026-09-15"))

# ---------------- class 2: the order that promulgated a repealed rule, with a year; a verb-first list joined by 、
t = "关于废止和修改部分规范性文件的决定"
add("c2_verb_first_joined__nfra", 2, "www.nhsa.example-repost.cn", "/art/2026/5/20/art_88_1201.html", "utf-8", html("utf-8", t,
    NAV + "<div class='article'><h1>国家医疗保障局" + t + "</h1><div class='info'>发布日期：2026-05-20</div><div class='con'>"
    + P("医保发〔2026〕12号", "各省、自治区、直辖市医疗保障局：", "为深入推进依法行政，经清理，国家医疗保障局决定：",
        "一、废止《关于做好医保信息化建设工作的通知》（医保发〔2019〕33号）、《关于加强医保基金监管的意见》（医保发〔2020〕8号）。",
        "二、对《关于医保支付方式改革的通知》（医保发〔2021〕48号）部分条款予以修改。", "国家医疗保障局", "2026年5月15日")
    + "</div></div>" + foot("某网站")),
    E(title="国家医疗保障局" + t, doc_number="医保发〔2026〕12号", issuers=["国家医疗保障局"], written_date="2026-05-15",
      published_date="2026-05-20", repeals=["医保发〔2019〕33号", "医保发〔2020〕8号"]))
t = "种子生产经营许可管理办法"
add("c2_year_order_promulgated__seed", 2, "zzj.hunan.gov.cn", "/zzj/zcfg/202607/t20260708_3321.html", "gbk", html("gbk", t + "-湖南省种子管理站",
    NAV + "<div class='article'><div class='tit'>" + t + "</div><div class='info'>发布时间：2026-07-08　来源：农业农村部</div><div class='con'>"
    + P("中华人民共和国农业农村部令", "2026年第3号",
        "《种子生产经营许可管理办法》已于2026年6月10日经农业农村部第6次常务会议审议通过，现予公布，自2026年9月1日起施行。"
        "2016年7月8日农业部令2016年第5号公布的《农作物种子生产经营许可管理办法》同时废止。",
        "第一条　为了加强种子生产经营许可管理，制定本办法。", "部长　韩　俊", "2026年6月28日") + "</div></div>" + foot("湖南省种子管理站")),
    E(title=t, doc_number="农业农村部令2026年第3号", issuers=["农业农村部"], written_date="2026-06-28", published_date="2026-07-08",
      repeals=["农业部令2016年第5号"]))

# ---------------- class 3: the signature after the text's own block
t = "固原市科学技术奖励办法"
add("c3_sig_after_block__guyuan", 3, "www.nxgy.gov.cn", "/zwgk/zfxxgkml/zfwj/202610/t20261009_4200.html", "utf-8", html("utf-8", t,
    NAV + "<div class='article'><h1>" + t + "</h1><div class='info'>发布日期：2026-10-09</div><div class='article-content'>"
    "<div class='order'>" + P("固原市人民政府令", "第三十一号",
        "《固原市科学技术奖励办法》已经2026年9月22日市人民政府第41次常务会议审议通过，现予公布，自2026年11月1日起施行。",
        "第十条　市科学技术进步奖一等奖奖金10万元，二等奖奖金5万元。") + "</div>"
    "<p style='text-align:right'>市长　王　东</p><p style='text-align:right'>2026年9月28日</p></div></div>" + foot("固原市人民政府")),
    E(title=t, doc_number="固原市人民政府令第三十一号", issuers=["固原市人民政府"], written_date="2026-09-28", published_date="2026-10-09",
      funding=[F(m=100000), F(m=50000)]))
t = "石嘴山市科学技术局关于开展2026年度科技特派员创业行动的通知"
add("c3_sig_after_block__szs", 3, "kjj.shizuishan.gov.cn", "/tzgg/202605/t20260512_889.html", "gbk", html("gbk", t,
    NAV + "<div class='detail'><h2>" + t + "</h2><div class='ly'>发布时间：2026-05-12</div><div class='content'>"
    "<div class='TRS_Editor'>" + P("石科发〔2026〕7号", "各县区科技局，各有关单位：", "为深入推进科技特派员创业行动，现将有关事项通知如下。",
        "一、请于2026年6月10日前报送推荐材料。") + "</div><p align='right'>石嘴山市科学技术局</p><p align='right'>2026年5月9日</p></div></div>"
    + foot("石嘴山市科学技术局")),
    E(title=t, doc_number="石科发〔2026〕7号", issuers=["石嘴山市科学技术局"], written_date="2026-05-09", published_date="2026-05-12"))

# ---------------- class 4: an amount for each place is a grant; the applicant's own matching is no ratio
t = "江西省农业农村厅 江西省财政厅关于做好2026年农业产业强镇建设工作的通知"
add("c4_per_place_grant__jxnyt", 4, "nync.jiangxi.gov.cn", "/art/2026/4/3/art_27_4401.html", "utf-8", html("utf-8", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-04-03</div><div class='con'>"
    + P("赣农字〔2026〕21号", "各设区市农业农村局、财政局：",
        "一、支持内容。对新认定的农业产业强镇，每镇安排补助资金800万元；对省级现代农业产业园，每个园区最高不超过3000万元。",
        "二、建设主体应按不低于1:1的比例自筹配套资金。", "三、2026年省财政安排农业产业融合发展资金总额6亿元。",
        "江西省农业农村厅", "江西省财政厅", "2026年3月30日") + "</div></div>" + foot("江西省农业农村厅")),
    E(title=t, doc_number="赣农字〔2026〕21号", issuers=["江西省农业农村厅", "江西省财政厅"], written_date="2026-03-30",
      published_date="2026-04-03", funding=[F(m=8000000), F(m=30000000), F(s=600000000)]))

# ---------------- class 5: national administrations in their short forms
t = "国家林草局 国家医保局关于推进林区医疗保障服务的通知"
add("c5_short_forms__forestry_nhsa", 5, "lyj.gansu.gov.cn", "/lyj/c105/202608/t20260818_55.html", "gbk", html("gbk", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-08-18　来源：国家林草局</div><div class='con'>"
    + P("林改发〔2026〕66号", "各省、自治区、直辖市林业和草原主管部门、医疗保障局：", "为推进林区医疗保障服务，现就有关事项通知如下。",
        "国家林草局", "国家医保局", "2026年8月12日") + "</div></div>" + foot("甘肃省林业和草原局")),
    E(title=t, doc_number="林改发〔2026〕66号", issuers=["国家林业和草原局", "国家医疗保障局"], written_date="2026-08-12",
      published_date="2026-08-18"))

(OUT / "labels.json").write_text(json.dumps({"cases": CASES}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(CASES))

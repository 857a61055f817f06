"""classes8 pages: written from class descriptions, labelled before the extractor runs on them."""
import json, pathlib
OUT = pathlib.Path(__file__).parent
NAV = "<div class='nav'>" + "".join(f"<a href='/l{i}/'>栏目{i}</a>" for i in range(8)) + "</div>"
def foot(owner): return f"<div class='foot'><p>主办：{owner}　网站标识码：3500000001</p><p>ICP备87654321号</p></div>"
def html(charset, title_tag, body, metas=""):
    return (f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
            f"<title>{title_tag}</title>{metas}</head><body>{body}</body></html>")
P = lambda *ps: "".join(f"<p>{x}</p>" for x in ps)
CASES = []
def add(id_, cls, host, path, enc, page, expected):
    CASES.append(dict(id=id_, file=id_ + ".html", url=f"https://{host}{path}", template="c8_" + id_.split("__")[0],
                      host=host, encoding=enc, **{"class": cls}, expected=expected))
    (OUT / (id_ + ".html")).write_bytes(page.encode("gbk" if enc == "gbk" else "utf-8"))
E = lambda **kw: {"title": None, "doc_number": None, "issuers": [], "written_date": None, "published_date": None,
                  "pilot_zone_cities": [], "repeals": [], "attachments": [], **kw}
F = lambda m=None, r=None, s=None: {"max_amount_yuan": m, "ratio": r, "fund_size_yuan": s}
SP = "&nbsp;" * 30

# ---------------- class 1: a date its class names, in a chrome-named bar under the heading
t = "多地加快布局智能算力 人工智能产业链加速成形"
add("c1_named_date_in_bar__ifeng", 1, "finance.ifeng.com", "/c/8TqWmX4bY2z", "utf-8", html("utf-8", t + "_凤凰网财经",
    NAV + "<div class='artical'><h1 id='artical_topic'>" + t + "</h1><div class='top-bar clearfix'><span class='date'>2026年05月06日 09:12</span>"
    "<a class='source' href='#'>凤凰网财经</a><span class='ticker'>沪深300 <b>4,102.55</b> +0.31%</span></div>"
    "<div id='main_content'>" + P("记者了解到，多地正加快布局智能算力基础设施，人工智能产业链加速成形。",
    "业内人士表示，算力、算法、数据协同发展，将进一步释放人工智能产业潜力。") + "</div>"
    "<div class='related'><h3>相关新闻</h3><ul><li><a href='#'>算力网络建设提速</a><span class='date'>2026-04-30</span></li></ul></div></div>"
    + foot("凤凰网")),
    E(title=t, published_date="2026-05-06"))

# ---------------- class 2 + 5: a ministry order titled by its rule, a unit in the metadata, a spaced signature
t = "国家林业和草原局林草科技创新管理办法"
add("c2_order_rule_title_unit__forestry", 2, "www.forestry.gov.cn", "/c/www/lczcfg/618233.jhtml", "gbk", html("gbk", "国家林业和草原局令第12号",
    NAV + "<table class='xxgk'><tr><td>发文机关：</td><td>政策法规司</td><td>成文日期：</td><td>2026-04-28</td></tr>"
    "<tr><td>发布日期：</td><td>2026-05-09</td><td>主题分类：</td><td>科技</td></tr></table>"
    "<div class='tit'><h2>国家林业和草原局令</h2><p>第12号</p></div><div class='zw'>"
    + P("《国家林业和草原局林草科技创新管理办法》已经2026年4月20日国家林业和草原局局务会议审议通过，现予公布，自2026年7月1日起施行。"
        "2015年3月2日国家林业局令第38号公布的《林业科技创新管理办法》同时废止。",
        SP + "局长　关　志　鸥", SP + "2026年4月28日")
    + "<p align='center'><b>" + t + "</b></p>" + P("第一条　为了加强林草科技创新管理，制定本办法。") + "</div>" + foot("国家林业和草原局")),
    E(title=t, doc_number="国家林业和草原局令第12号", issuers=["国家林业和草原局"], written_date="2026-04-28",
      published_date="2026-05-09", repeals=["国家林业局令第38号"]))
t = "外汇市场科技服务管理规定"
add("c5_order_year_bracket__safe", 5, "www.safe.gov.cn", "/safe/2026/0318/24411.html", "utf-8", html("utf-8", "国家外汇管理局",
    NAV + "<table width='100%'><tr><td align='center'><h2>国家外汇管理局令</h2></td></tr>"
    "<tr><td align='center'><span>〔2026〕第1号</span></td></tr>"
    "<tr><td align='center'><span id='pubtime'>2026-03-18 17:20:44</span>　<a href='javascript:window.print()'>打印</a></td></tr></table>"
    "<div id='content'>" + P("《外汇市场科技服务管理规定》已经2026年3月2日国家外汇管理局局务会议审议通过，现予发布，自2026年5月1日起施行。",
    SP + "局长　朱鹤新", SP + "2026年3月12日") + "<p align='center'><b>" + t + "</b></p>"
    + P("第一条　为规范外汇市场科技服务，制定本规定。") + "</div>" + foot("国家外汇管理局"),
    metas="<meta name='PubDate' content='2026-06-01 08:00:00'>"),
    E(title=t, doc_number="国家外汇管理局令〔2026〕第1号", issuers=["国家外汇管理局"], written_date="2026-03-12",
      published_date="2026-03-18"))

# ---------------- class 3: repeals listed by Chinese-numbered items, and the verb before the document
t = "晋城市人民政府关于修改和废止部分市政府规章的决定"
add("c3_verb_first_list__jincheng", 3, "www.jcgov.gov.cn", "/xxgk/zcwj/szfwj/202609/t20260911_1882.shtml", "utf-8", html("utf-8", t,
    NAV + "<div class='article'><h1>" + t + "</h1><div class='info'>发布日期：2026-09-11</div><div class='con'>"
    + P("晋城市人民政府令", "第40号", "《晋城市人民政府关于修改和废止部分市政府规章的决定》已经2026年8月28日市人民政府常务会议通过，现予公布，自公布之日起施行。",
        "市长　张　强", "2026年9月5日", "晋城市人民政府关于修改和废止部分市政府规章的决定",
        "一、对《晋城市城市绿化管理办法》（晋城市人民政府令第18号）作出修改。",
        "二、废止《晋城市科技创新奖励办法》（晋城市人民政府令第21号）。",
        "三、废止《晋城市专利资助办法》（晋城市人民政府令第25号）。", "本决定自公布之日起施行。") + "</div></div>" + foot("晋城市人民政府")),
    E(title=t, doc_number="晋城市人民政府令第40号", issuers=["晋城市人民政府"], written_date="2026-09-05",
      published_date="2026-09-11", repeals=["晋城市人民政府令第21号", "晋城市人民政府令第25号"]))
t = "长治市人民政府关于废止部分市政府规范性文件的决定"
add("c3_cn_numbered_list__changzhi", 3, "www.changzhi.gov.cn", "/xxgk/zcwj/szfwj/202610/t20261012_2001.shtml", "gbk", html("gbk", t,
    NAV + "<div class='article'><h1>" + t + "</h1><div class='info'>发布日期：2026-10-12</div><div class='con'>"
    + P("长政发〔2026〕19号", "各县（区）人民政府，市人民政府各委、局、办：", "经市人民政府研究，决定废止以下市政府规范性文件：",
        "一、《长治市科技型中小企业培育办法》（长政发〔2018〕12号）；", "二、《长治市促进科技成果转化若干措施》（长政办发〔2019〕30号）。",
        "本决定自公布之日起施行。", "长治市人民政府", "2026年10月9日") + "</div></div>" + foot("长治市人民政府")),
    E(title=t, doc_number="长政发〔2026〕19号", issuers=["长治市人民政府"], written_date="2026-10-09",
      published_date="2026-10-12", repeals=["长政发〔2018〕12号", "长政办发〔2019〕30号"]))

# ---------------- class 4: prizes as 奖金, a repealed order with Chinese numerals
t = "柳州市科学技术奖励办法"
add("c4_prize_money_cn_order__liuzhou", 4, "www.liuzhou.gov.cn", "/zwgk/zfwj/lzsrmzfl/202603/t20260311_3400.shtml", "gbk", html("gbk", t + "_市政府令_柳州市人民政府",
    NAV + "<div class='detail'><div class='head'><h2>柳州市人民政府令</h2><p>第九号</p></div><div class='info'>发布日期：2026-03-11</div><div class='TRS_Editor'>"
    + P("《柳州市科学技术奖励办法》已经2026年2月26日市人民政府第十次常务会议审议通过，现予公布，自2026年5月1日起施行。",
        SP + "市长　张壮志", SP + "二〇二六年三月五日") + "<p align='center'><b>" + t + "</b></p>"
    + P("第十条　市科学技术进步奖一等奖每项奖金50万元，二等奖每项奖金20万元，三等奖每项奖金10万元。",
        "第三十条　本办法自2026年5月1日起施行。2018年3月1日柳州市人民政府令第五号公布的《柳州市科学技术奖励办法》同时废止。")
    + "</div></div>" + foot("柳州市人民政府")),
    E(title=t, doc_number="柳州市人民政府令第九号", issuers=["柳州市人民政府"], written_date="2026-03-05",
      published_date="2026-03-11", repeals=["柳州市人民政府令第五号"], funding=[F(m=500000), F(m=200000), F(m=100000)]))

# ---------------- class 6: 中国人民银行 in a joint signature
t = "中国人民银行 中国证券监督管理委员会关于做好科技型企业债券融资支持工作的通知"
add("c6_pbc_joint__csrc", 6, "www.csrc.gov.cn", "/csrc/c100028/c7533021/content.shtml", "gbk", html("gbk", t + "_中国证券监督管理委员会",
    NAV + "<div class='detail'><h2>" + t + "</h2><div class='info'>发布时间：2026-07-22　来源：中国证监会</div><div class='detail-news'>"
    + P("银发〔2026〕118号", "各有关单位：", "为支持科技型企业债券融资，现就有关事项通知如下。", "一、支持科技型企业发行科技创新债券。",
        "中国人民银行", "中国证券监督管理委员会", "2026年7月18日") + "</div></div>" + foot("中国证券监督管理委员会")),
    E(title=t, doc_number="银发〔2026〕118号", issuers=["中国人民银行", "中国证券监督管理委员会"], written_date="2026-07-18",
      published_date="2026-07-22"))

(OUT / "labels.json").write_text(json.dumps({"cases": CASES}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(CASES))

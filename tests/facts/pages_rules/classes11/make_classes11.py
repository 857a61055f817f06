"""classes11 pages: written from class descriptions, labelled before the extractor runs on them."""
import json, pathlib
OUT = pathlib.Path(__file__).parent
NAV = "<div class='nav'>" + "".join(f"<a href='/l{i}/'>栏目{i}</a>" for i in range(8)) + "</div>"
def foot(owner): return f"<div class='foot'><p>主办：{owner}　网站标识码：3800000001</p><p>ICP备87654321号</p></div>"
def html(charset, title_tag, body, metas=""):
    return (f"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' content='text/html; charset={charset}'>"
            f"<title>{title_tag}</title>{metas}</head><body>{body}</body></html>")
P = lambda *ps: "".join(f"<p>{x}</p>" for x in ps)
CASES = []
def add(id_, cls, host, path, enc, page, expected):
    CASES.append(dict(id=id_, file=id_ + ".html", url=f"https://{host}{path}", template="c11_" + id_.split("__")[0],
                      host=host, encoding=enc, **{"class": cls}, expected=expected))
    (OUT / (id_ + ".html")).write_bytes(page.encode("gbk" if enc == "gbk" else "utf-8"))
E = lambda **kw: {"title": None, "doc_number": None, "issuers": [], "written_date": None, "published_date": None,
                  "pilot_zone_cities": [], "repeals": [], "attachments": [], **kw}
F = lambda m=None, r=None, s=None: {"max_amount_yuan": m, "ratio": r, "fund_size_yuan": s}

# ---------------- class 1: a hidden stale label, the visible date in spans
t = "国家消防救援局关于印发《消防科技创新项目管理办法》的通知"
add("c1_hidden_stale_date__119", 1, "www.119.gov.cn", "/gk/tzgg/2026/4412.shtml", "gbk", html("gbk", t,
    "<style>.yc{display:none} .info{color:#666}</style>" + NAV + "<div class='tit'>" + t + "</div>"
    "<div class='yc'>发布时间：2022-05-01</div><div class='info'>发布时间：<span>2026</span>-<span>04</span>-<span>16</span>　来源：国家消防救援局"
    "　浏览：<script>document.write(1)</script></div><div class='wh'>应急消〔2026〕41号</div><div class='con'>"
    + P("各省、自治区、直辖市消防救援总队：", "现将《消防科技创新项目管理办法》印发给你们，请遵照执行。", "国家消防救援局", "2026年4月10日")
    + "</div>" + foot("国家消防救援局")),
    E(title=t, doc_number="应急消〔2026〕41号", issuers=["国家消防救援局"], written_date="2026-04-10", published_date="2026-04-16"))
t = "关于开展2026年度科技型企业知识产权质押融资入园惠企行动的通知"
add("c1_hidden_attr__ipbj", 1, "zscqj.beijing.example.cn", "/tzgg/202605/t20260520_9.html", "utf-8", html("utf-8", t,
    NAV + "<h1>" + t + "</h1><p hidden>发布日期：2021-01-01</p><p style='display: none'>成文日期：2021-01-01</p>"
    "<p class='date'>发布日期：2026-05-20</p><div class='zw'>" + P("各有关单位：", "现开展2026年度科技型企业知识产权质押融资入园惠企行动。",
    "北京市知识产权局", "2026年5月18日") + "</div>" + foot("北京市知识产权局")),
    E(title=t, issuers=["北京市知识产权局"], written_date="2026-05-18", published_date="2026-05-20"))

# ---------------- class 2: a cut ArticleTitle ending inside a bracket
t = "益阳市人工智能产业发展三年行动方案（2026—2028年）"
add("c2_cut_in_bracket__yiyang", 2, "www.yiyang.gov.cn", "/zwgk/zcwj/202603/t20260303_88.html", "utf-8", html("utf-8", "益阳市人民政府",
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-03-03</div><div class='con'>"
    + P("为加快人工智能产业发展，制定本方案。", "一、到2028年，全市人工智能核心产业规模突破100亿元。", "益阳市人民政府办公室", "2026年2月27日")
    + "</div></div>" + foot("益阳市人民政府"), metas="<meta name='ArticleTitle' content='益阳市人工智能产业发展三年行动方案（2026'>"),
    E(title=t, issuers=["益阳市人民政府办公室"], written_date="2026-02-27", published_date="2026-03-03"))

# ---------------- class 3: a national commission's short form, a one-off support
t = "市场监管总局 国家标准委关于开展2026年度标准化试点示范工作的通知"
add("c3_short_commission__samr_repost", 3, "scjgj.cz.gov.cn", "/zwgk/tzgg/202607/t20260701_5.html", "gbk", html("gbk", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-07-01</div><div class='con'>"
    + P("国市监标技发〔2026〕52号", "各省、自治区、直辖市市场监管局（厅、委）：", "对新建的国家级标准化试点项目，给予一次性支持50万元。",
        "市场监管总局", "国家标准委", "2026年6月24日") + "</div></div>" + foot("常州市市场监督管理局")),
    E(title=t, doc_number="国市监标技发〔2026〕52号", issuers=["国家市场监督管理总局", "国家标准化管理委员会"],
      written_date="2026-06-24", published_date="2026-07-01", funding=[F(m=500000)]))

# ---------------- class 4: an allocation handed down (下达)
t = "平顶山市科学技术局 平顶山市财政局关于下达2026年度科技发展专项资金的通知"
add("c4_handed_down__pds", 4, "kjj.pds.gov.cn", "/tzgg/202608/t20260812_3.html", "utf-8", html("utf-8", t,
    NAV + "<div class='art'><h1>" + t + "</h1><div class='info'>发布日期：2026-08-12</div><div class='con'>"
    + P("平科〔2026〕30号", "各县（市、区）科技局、财政局：", "现下达2026年度科技发展专项资金共计1800万元，请按规定及时拨付。",
        "平顶山市科学技术局", "平顶山市财政局", "2026年8月10日") + "</div></div>" + foot("平顶山市科学技术局")),
    E(title=t, doc_number="平科〔2026〕30号", issuers=["平顶山市科学技术局", "平顶山市财政局"], written_date="2026-08-10",
      published_date="2026-08-12", funding=[F(s=18000000)]))

(OUT / "labels.json").write_text(json.dumps({"cases": CASES}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(CASES))

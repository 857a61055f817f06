# -*- coding: utf-8 -*-
"""blind13 generator: python3 make_blind13.py  (writes pages + labels.json);  --check  (self-check)."""
import json, os, re, sys, html as H
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blind13_docs import D
OUT = os.path.dirname(os.path.abspath(__file__))
CN = "〇一二三四五六七八九"
def cnnum(n):
    if n < 10: return CN[n]
    if n == 10: return "十"
    if n < 20: return "十" + CN[n % 10]
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
def cn_date(iso):
    y, m, d = iso.split("-"); return "".join(CN[int(c)] for c in y) + "年" + cnnum(int(m)) + "月" + cnnum(int(d)) + "日"
def zh_date(iso):
    y, m, d = iso.split("-"); return "%s年%d月%d日" % (y, int(m), int(d))
def paras(d, style=""):
    return "\n".join('<p style="text-indent:2em;%s">%s</p>' % (style, H.escape(p)) for p in d["body"])
def sig(d, datef=cn_date, mode="right"):
    if not d.get("sig"): return ""
    names = d["sig"]; date = datef(d["wd"]) if d.get("wd") else ""
    if mode == "right":
        s = "".join('<p style="text-align:right">%s</p>' % H.escape(n) for n in names)
        return s + '<p style="text-align:right">%s</p>' % date
    pad = "&nbsp;" * 24
    s = "".join("<p>%s%s</p>" % (pad, H.escape(n)) for n in names)
    return s + "<p>%s%s</p>" % (pad, date)
def nb(num, style="cn"):
    if not num: return ""
    if style == "sq": return num.replace("〔", "[").replace("〕", "]")
    if style == "paren": return num.replace("〔", "（").replace("〕", "）")
    if style == "bk": return num.replace("〔", "【").replace("〕", "】")
    return num
def ext(a): return a.rsplit(".", 1)[-1]
SIDE = {
 "stats": [("国家统计局关于做好2026年统计用区划代码更新工作的通知", "国统字〔2026〕3号", "2026-01-09"), ("统计违纪违法责任人处分处理建议办法", "国家统计局令第30号", "2024-12-30")],
 "saac": [("国家档案局关于印发《“十五五”全国档案事业发展规划》的通知", "档发〔2026〕1号", "2026-01-06"), ("机关档案管理规定", "国家档案局令第13号", "2018-10-11")],
 "mine": [("国家矿山安全监察局关于印发《非煤矿山安全生产标准化管理体系基本要求》的通知", "矿安〔2025〕76号", "2025-05-30"), ("关于开展2025年汛期矿山安全专项检查的通知", "矿安综〔2025〕19号", "2025-06-04")],
 "anshan": [("鞍山市科学技术局关于开展2025年度科技型中小企业评价工作的通知", "鞍科发〔2025〕8号", "2025-03-12"), ("鞍山市科技创新券管理办法", "鞍科发〔2023〕11号", "2023-06-02")],
 "jlcity": [("吉林市科学技术局关于组织申报2026年市级科技发展计划的通知", "吉市科发〔2026〕2号", "2026-01-15"), ("吉林市科技特派员工作实施方案", "吉市科发〔2024〕21号", "2024-08-19")],
 "daqing": [("大庆市科学技术局关于征集2026年度科技需求的通知", "庆科发〔2026〕1号", "2026-01-04"), ("大庆市科技企业孵化器管理办法", "庆科发〔2023〕17号", "2023-09-21")],
 "qqhr": [("齐齐哈尔市科学技术局关于开展科技成果登记工作的通知", "齐科发〔2025〕30号", "2025-09-03"), ("齐齐哈尔市人民政府关于加快建设科技强市的意见", "齐政发〔2024〕8号", "2024-04-11")],
 "handan": [("邯郸市科学技术局关于开展2026年度科技特派员选派工作的通知", "邯科字〔2026〕2号", "2026-01-12"), ("邯郸市科技计划项目管理办法", "邯科字〔2022〕15号", "2022-05-18")],
}
def side(t):
    return "\n".join('<li><a href="./t%s_%d.html" title="%s">%s</a><span class="wh">%s</span><span class="date">%s</span></li>' % (dt.replace("-", ""), i, H.escape(ti), H.escape(ti), n, dt) for i, (ti, n, dt) in enumerate(SIDE.get(t, [])))

# ---------- T1 stats (utf-8, TRS WCM) ----------
def t_stats(d, i):
    yyyymm = d["pd"][:7].replace("-", ""); stem = "t%s_19%04d" % (d["pd"].replace("-", ""), 3311 + i)
    atts = "".join('<p><a href="./P0%s%04d%d.%s" oldsrc="W0%s.%s">%s</a></p>' % (d["pd"].replace("-", ""), 5000 + i, k, ext(a), d["pd"].replace("-", ""), ext(a), H.escape(a)) for k, a in enumerate(d.get("att", [])))
    src = ("来源：%s" % d["source"]) if d.get("news") else "来源：国家统计局"
    head = ""
    if d.get("order"):
        head = '<div class="order"><p style="text-align:center;font-size:22px">%s</p><p style="text-align:center">%s</p></div>' % (d["order"], d["ordno"])
    numline = '<p style="text-align:center">%s</p>' % nb(d["num"]) if d.get("num") and not d.get("order") else ""
    body = head + numline + paras(d) + atts + sig(d, cn_date if i % 2 == 0 else zh_date) if not d.get("order") else head + paras(d) + '<p style="text-align:right">%s</p><p style="text-align:right">%s</p>' % (d["sig"][0], zh_date(d["wd"]))
    h = f'''<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>国家统计局</title>
<meta name="SiteName" content="国家统计局"><meta name="ColumnName" content="统计制度">
<meta name="PubDate" content="2024-06-01 09:00"><meta name="ArticleTitle" content="{H.escape(d["title"])}">
<link rel="stylesheet" href="/images/stats2022.css"><script src="/js/jquery-1.12.4.min.js"></script></head>
<body><div class="top"><a href="http://www.stats.gov.cn/">国家统计局</a> | <a href="/english/">English</a> | 无障碍 | 长者模式</div>
<div class="nav"><a href="/sj/">数据</a><a href="/zs/">政务</a><a href="/xw/">新闻</a><a href="/hd/">互动</a></div>
<div class="crumb">当前位置：<a href="../../">首页</a> &gt; <a href="../">政务公开</a> &gt; 统计制度</div>
<div class="detail"><div class="detail-title"><h1>{H.escape(d["title"])}</h1></div>
<div class="detail-time"><span>发布时间：{d["pd"]} 09:30</span>&nbsp;&nbsp;<span>{src}</span>&nbsp;&nbsp;<span>【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div class="TRS_Editor"><!--TRS_Editor begin-->{body}<!--TRS_Editor end--></div>
<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a></div>
<div class="pn"><p>上一篇：<a href="./t20251015_1961101.html">国家统计局关于印发《统计上大中小微型企业划分办法（2025）》的通知</a></p><p>下一篇：<a href="./t20260105_1962200.html">2025年国民经济运行情况解读</a></p></div>
<div class="rel"><h3>相关文件</h3><ul>{side("stats")}</ul></div></div>
<!-- 生成时间：2026-12-01 03:11:05 -->
<div class="footer">主办单位：国家统计局 | 京ICP备05034670号 | 京公网安备11040102700151号 | 网站标识码：bm36000002</div>
<script>var _hmt=_hmt||[];(function(){{var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?stats";}})();</script>
</body></html>'''
    return "utf-8", "www.stats.gov.cn", "https://www.stats.gov.cn/zs/tjws/tjzd/%s/%s.html" % (yyyymm, stem), h

# ---------- T2 saac (gbk, xxgk table) ----------
def t_saac(d, i):
    pd = d["pd"]; rows = [("索 引 号", "000014348/%s-%05d" % (pd[:4], 120 + i)), ("主题分类", "档案管理"), ("发布机构", "国家档案局"),
        ("成文日期", zh_date(d["wd"]) if d.get("wd") else ""), ("文　　号", nb(d["num"], "sq") if d.get("num") else ""), ("发布日期", zh_date(pd))]
    tbl = "<table class=\"xxgk\" border=\"1\">" + "".join("<tr><th>%s：</th><td>%s</td></tr>" % r for r in rows[:3]) + "<tr><th>%s：</th><td>%s</td><th>%s：</th><td>%s</td></tr>" % (rows[3] + rows[4]) + "<tr><th>名　　称：</th><td colspan=3>%s</td></tr><tr><th>%s：</th><td>%s</td></tr></table>" % (H.escape(d["title"]), rows[5][0], rows[5][1])
    head = ""
    if d.get("order"):
        head = '<p align="center"><b>%s</b></p><p align="center">%s</p><p>%s</p><p align="right">%s<br>%s</p><hr><h3 align="center">%s</h3>' % (d["order"], d["ordno"], H.escape(d["body"][0]), d["sig"][0], cn_date(d["wd"]), H.escape(d["title"]))
        main = head + "<p>第一条　为了规范档案馆开放利用工作，制定本办法。</p><p>……</p>"
    else:
        main = paras(d) + sig(d, cn_date, "pad")
    atts = "".join('<li><a href="/module/download/downfile.jsp?classid=0&filename=%s%d.%s">%s</a></li>' % ("2a9f0c7e", k, ext(a), H.escape(a)) for k, a in enumerate(d.get("att", [])))
    h = f'''<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{H.escape(d["title"])}_国家档案局</title><meta name="keywords" content="国家档案局,政府信息公开">
<meta name="publishdate" content="{pd[:4]}-01-01"></head>
<body><div id="header"><img src="/images/logo.png" alt="国家档案局"><div class="search"><input value="请输入关键字"></div></div>
<div id="menu"><a href="/">首页</a> <a href="/xxgk/">政务公开</a> <a href="/zcfg/">政策法规</a> <a href="/dazx/">档案资讯</a></div>
<div class="wz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/xxgk/">信息公开</a> &gt;&gt; 通知公告</div>
{tbl}
<div class="article"><h2 style="text-align:center">{H.escape(d["title"]) if not d.get("order") else d["order"] + "（" + d["ordno"] + "）"}</h2>
<div id="zoom">{main}</div>
{"<div class=fj><b>附件：</b><ul>" + atts + "</ul></div>" if atts else ""}
<div class="btn"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div></div>
<div class="xg"><b>相关链接</b><ul>{side("saac")}</ul></div>
<div id="footer">版权所有：国家档案局　地址：北京市西城区永安路106号　京ICP备05003829号　网站标识码：bm50000001</div>
<script language="javascript">document.write("<img src='/stat.gif?id={i}'>");</script></body></html>'''
    return "gbk", "www.saac.gov.cn", "https://www.saac.gov.cn/daj/tzgg/%s/%s.shtml" % (pd[:7].replace("-", ""), "a8f%04d" % (i + 311)), h

# ---------- T3 chinamine-safety (gb2312 label, GBK bytes) ----------
def t_mine(d, i):
    y, m, dd = d["pd"].split("-")
    dt = '<span id="y">%s</span>-<span id="m">%s</span>-<span id="d">%s</span>' % (y, m, dd)
    atts = "".join('<a href="./P02%s%d.%s">%s</a><br>' % (d["pd"].replace("-", ""), k, ext(a), H.escape(a)) for k, a in enumerate(d.get("att", [])))
    src = d.get("source", "国家矿山安全监察局")
    numhtml = '<div class="wh" style="text-align:center">%s</div>' % nb(d["num"], "paren") if d.get("num") else ""
    h = f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>国家矿山安全监察局-通知公告</title>
<style>.tit{{font-size:20px;color:#c00}} .hid{{display:none}}</style></head>
<body><table width="1000" align="center"><tr><td><img src="/images/banner.jpg" alt="国家矿山安全监察局"></td></tr>
<tr><td class="nav"><a href="/">首 页</a> | <a href="/zfxxgk/">政府信息公开</a> | <a href="/zwgk/">政务公开</a> | <a href="/xw/">新闻</a></td></tr></table>
<table width="1000" align="center"><tr><td width="720" valign="top">
<div class="position">当前位置：首页 &gt; 政务公开 &gt; 通知公告</div>
<div class="tit" align="center">{H.escape(d["title"])}</div>
<div class="hid">发布时间：2023-01-01</div>
<div class="info" align="center">发布时间：{dt}　　信息来源：{H.escape(src)}　　浏览：<script>document.write(Math.floor(Math.random()*999));</script></div>
{numhtml}
<div class="content">{paras(d)}{sig(d, zh_date)}</div>
{"<div class=att>附件：<br>" + atts + "</div>" if atts else ""}
<div>上一篇：<a href="#">关于开展尾矿库安全风险专项整治的通知</a>　下一篇：<a href="#">国家矿山安全监察局召开全国视频会议</a></div>
</td><td width="260" valign="top"><div class="sidebar"><b>最新文件</b><ul>{side("mine")}<li>张赟同志任职通知</li></ul></div></td></tr></table>
<div class="foot">国家矿山安全监察局 版权所有 京ICP备18050213号-1 网站标识码：bm77000001</div></body></html>'''
    return "gbk", "www.chinamine-safety.gov.cn", "https://www.chinamine-safety.gov.cn/zfxxgk/fdzdgknr/tzgg/%s/t%s_%d.shtml" % (y + m, d["pd"].replace("-", ""), 451200 + i), h

# ---------- T4 anshan (utf-8, Hanweb JCMS) ----------
def t_anshan(d, i):
    atts = "".join('<p><a href="/module/download/downfile.jsp?classid=0&showname=%s&filename=%s%d.%s" target="_blank">%s</a></p>' % (H.escape(a), "c1d2e3f4", k, ext(a), H.escape(a)) for k, a in enumerate(d.get("att", [])))
    num = nb(d["num"], "bk") if d.get("num") else ""
    h = f'''<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>鞍山市科学技术局</title>
<meta name="ArticleTitle" content="{H.escape(d["title"])}"><meta name="PubDate" content="{d["pd"]} 00:00"><meta name="ContentSource" content="鞍山市科学技术局">
<script type="text/javascript" src="/script/jquery.min.js"></script></head>
<body><div class="head"><a href="/">鞍山市科学技术局</a><span>2026年 星期</span></div>
<div class="menu"><a href="/col/col1001/">首页</a><a href="/col/col1002/">机构概况</a><a href="/col/col1003/">通知公告</a><a href="/col/col1004/">政策法规</a></div>
<div class="path">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1003/">通知公告</a></div>
<div class="main"><!--<$[标题名称]>begin--><div class="bt" style="font-size:22px;text-align:center">{H.escape(d["title"])}</div><!--<$[标题名称]>end-->
<div class="xx" style="text-align:center">发布日期：{d["pd"]}　　来源：鞍山市科学技术局　　浏览次数：<span id="hits"></span>　　【<a onclick="window.print()">打印</a>】【<a onclick="window.close()">关闭</a>】</div>
<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{"<p style='text-align:center'>" + num + "</p>" if num else ""}
{paras(d)}
{sig(d, zh_date, "pad")}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>
{"<div class=fujian><p>附件下载：</p>" + atts + "</div>" if atts else ""}
<div class="sx"><p>上一篇：<a href="/art/2026/1/5/art_1003_88210.html">鞍山市科学技术局关于2025年度科技特派员考核结果的公示</a></p><p>下一篇：<a href="/art/2026/2/20/art_1003_88401.html">关于召开全市科技工作推进会的通知</a></p></div>
<div class="related"><h4>相关信息</h4><ul>{side("anshan")}</ul></div></div>
<div class="foot">主办：鞍山市科学技术局　地址：鞍山市铁东区南胜利路　辽ICP备05019631号　网站标识码：2103000031　<script src="/module/visitcount/visit.jsp?type=3&i_webid=1&i_columnid=1003&i_articleid={88300+i}"></script></div>
</body></html>'''
    y, m, dd = d["pd"].split("-")
    return "utf-8", "kjj.anshan.gov.cn", "https://kjj.anshan.gov.cn/art/%s/%d/%d/art_1003_%d.html" % (y, int(m), int(dd), 88300 + i), h

# ---------- T5 jlcity (gb18030, gkmlpt-like) ----------
def t_jlcity(d, i):
    meta = ""
    if not d.get("news"):
        meta = f'''<div class="gkml"><table><tr><td>索引号：</td><td>11220200MB0K{i}1234/2026-0{i+1}</td><td>分类：</td><td>科技</td></tr>
<tr><td>发布机构：</td><td>吉林市科学技术局</td><td>成文日期：</td><td>{d["wd"] if d.get("wd") else ""}</td></tr>
<tr><td>名称：</td><td colspan="3">{H.escape(d["title"])}</td></tr>
<tr><td>文号：</td><td>{d["num"] or ""}</td><td>发布日期：</td><td>{d["pd"]}</td></tr></table></div>'''
        info = ""
    else:
        info = '<div class="info">来源：%s　发布时间：%s　作者：<span>本网</span></div>' % (d["source"], d["pd"])
    numline = '<p style="text-align:center">%s</p>' % d["num"] if d.get("num") and i % 2 == 0 else ""
    h = f'''<!DOCTYPE html><html><head><meta charset="gb18030"><title>{H.escape(d["title"])} - 吉林市科学技术局</title>
<meta name="description" content="吉林市科学技术局门户网站"></head>
<body><div class="gov-top">吉林市人民政府 | 吉林市科学技术局</div>
<div class="nav"><ul><li>首页</li><li>政务公开</li><li>科技动态</li><li>办事服务</li></ul></div>
<div class="crumb">您当前的位置：首页 &gt; 政务公开 &gt; {"科技动态" if d.get("news") else "文件"}</div>
{meta}
<div class="article"><h1>{H.escape(d["title"])}</h1>{info}
<div class="content">{numline}{paras(d)}{sig(d, cn_date)}</div>
<div class="tools"><a href="javascript:print()">打印</a> <a href="javascript:close()">关闭</a> 分享：<a>微信</a></div></div>
<div class="side"><h3>相关文件</h3><ul>{side("jlcity")}</ul></div>
<div class="footer">主办：吉林市科学技术局 吉ICP备05002163号-3 网站标识码：2202000014 吉公网安备22020202000180号</div>
<script src="/jsp/count.jsp?id={i}"></script></body></html>'''
    return "gb18030", "kjj.jlcity.gov.cn", "http://kjj.jlcity.gov.cn/zwgk/%s/t%s_%d.html" % (d["pd"][:7].replace("-", ""), d["pd"].replace("-", ""), 1066020 + i), h

# ---------- T6 daqing (gbk bytes, NO charset) ----------
def t_daqing(d, i):
    atts = "".join('<a href="/ucap/uploadfile/%s%d.%s">%s</a>&nbsp;&nbsp;' % (d["pd"].replace("-", ""), k, ext(a), H.escape(a)) for k, a in enumerate(d.get("att", [])))
    src = d.get("source", "大庆市科学技术局")
    if d.get("order"):
        main = '<p align="center"><strong>%s</strong></p><p align="center">%s</p>%s<p align="right">%s</p><p align="right">%s</p><p align="center"><strong>%s</strong></p><p>第一条　为奖励在科学技术进步活动中做出突出贡献的组织和个人，制定本办法。</p>' % (d["order"], d["ordno"], '<p style="text-indent:2em">%s</p>' % H.escape(d["body"][0]), d["sig"][0], zh_date(d["wd"]), H.escape(d["title"])) + '<p style="text-indent:2em">%s</p>' % H.escape(d["body"][1])
    else:
        main = ('<p align="center">%s</p>' % nb(d["num"], "sq") if d.get("num") else "") + paras(d) + sig(d, cn_date, "right")
    h = f'''<html><head><title>{H.escape(d["title"])}</title>
<link href="/ucap/css/style.css" rel="stylesheet"></head>
<body><div class="top"><img src="/ucap/images/top.jpg" alt="大庆市科学技术局"></div>
<div class="daohang"><a href="/">网站首页</a> <a href="/xxgk/">信息公开</a> <a href="/kjdt/">科技动态</a> <a href="/zcfg/">政策法规</a></div>
<div class="weizhi">当前位置：<a href="/">首页</a>&gt;<a href="/xxgk/">信息公开</a></div>
<div class="con"><div class="title"><h2>{H.escape(d["title"])}</h2></div>
<div class="laiyuan">信息来源：{H.escape(src)}&nbsp;&nbsp;&nbsp;&nbsp;发布时间：{zh_date(d["pd"])}&nbsp;&nbsp;&nbsp;&nbsp;点击数：<span id="click">0</span></div>
<div class="nr">{main}</div>
{"<div class=fj>相关附件：" + atts + "</div>" if atts else ""}
<!-- ucap info meta: pubtime=2025-01-01 -->
<div class="lb"><b>推荐阅读</b><ul>{side("daqing")}</ul></div></div>
<div class="foot">大庆市科学技术局主办 黑ICP备05003197号 网站标识码：2306000011</div></body></html>'''
    return "gbk", "kjj.daqing.gov.cn", "http://kjj.daqing.gov.cn/xxgk/%s/%s.html" % (d["pd"][:7].replace("-", ""), "c%04d" % (2210 + i)), h

# ---------- T7 qqhr (utf-8, dl metadata) ----------
def t_qqhr(d, i):
    dl = f'''<dl class="meta"><dt>发文机关：</dt><dd>{"、".join(d["sig"]) if d.get("sig") else ""}</dd><dt>发文字号：</dt><dd>{nb(d["num"], "paren") if d.get("num") else "无"}</dd>
<dt>成文日期：</dt><dd>{zh_date(d["wd"]) if d.get("wd") else ""}</dd><dt>发布日期：</dt><dd>{zh_date(d["pd"])}</dd><dt>标题：</dt><dd>{H.escape(d["title"])}</dd></dl>'''
    atts = "".join('<li><a href="./W0%s%d.%s">%s</a></li>' % (d["pd"].replace("-", ""), k, ext(a), H.escape(a)) for k, a in enumerate(d.get("att", [])))
    h = f'''<!doctype html><html lang="zh"><head><meta charset="UTF-8"><title>齐齐哈尔市科学技术局-政策文件</title>
<meta name="viewport" content="width=device-width"><meta name="pubdate" content="{d["pd"][:4]}-12-31"></head>
<body><header class="hd"><a class="logo">齐齐哈尔市科学技术局</a><nav><a>首页</a><a>政务公开</a><a>政策文件</a><a>互动交流</a></nav></header>
<div class="bread">首页 / 政务公开 / 政策文件</div>
<main><section class="xl">{dl}
<h1 class="xl-title">{H.escape(d["title"])}</h1>
<article class="xl-con">{paras(d)}{sig(d, zh_date, "pad")}</article>
{"<ul class=fj><b>附件：</b>" + atts + "</ul>" if atts else ""}
<div class="pre-next"><a href="#">上一篇：齐齐哈尔市科学技术局2025年政府信息公开工作年度报告</a><a href="#">下一篇：关于开展2026年科技活动周的通知</a></div></section>
<aside><h4>热点文件</h4><ul>{side("qqhr")}</ul></aside></main>
<footer>齐齐哈尔市科学技术局 版权所有　黑ICP备06000412号　网站标识码：2302000005<script>/* 访问统计 */</script></footer></body></html>'''
    return "utf-8", "kjj.qqhr.gov.cn", "https://kjj.qqhr.gov.cn/zwgk/zcwj/%s/t%s_%d.html" % (d["pd"][:7].replace("-", ""), d["pd"].replace("-", ""), 731000 + i), h

# ---------- T8 handan (gb18030, JEECMS print view) ----------
def t_handan(d, i):
    atts = "".join('<p>附件%d：<a href="/u/cms/www/%s/%d.%s">%s</a></p>' % (k + 1, d["pd"][:7].replace("-", ""), 9100 + k, ext(a), H.escape(a)) for k, a in enumerate(d.get("att", [])))
    src = d.get("source", "邯郸市科学技术局")
    h = f'''<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=GB18030"><title>打印页面 - {H.escape(d["title"])} - 邯郸市科学技术局</title>
<style>@media print{{.noprint{{display:none}}}}</style></head>
<body><div class="noprint"><a href="javascript:window.print()">[打印]</a> <a href="javascript:window.close()">[关闭]</a></div>
<div class="print-title" style="text-align:center"><h2>{H.escape(d["title"])}</h2></div>
<div class="print-info">{"文号：" + nb(d["num"], "sq") + "　" if d.get("num") else ""}来源：{H.escape(src)}　发布时间：{d["pd"]} 16:05:12</div>
<div class="print-content">{paras(d)}{atts}{sig(d, cn_date, "right")}</div>
<hr><div class="noprint rel">其他文件：<ul>{side("handan")}</ul></div>
<div class="noprint">邯郸市科学技术局 冀ICP备05009375号 网站标识码：1304000022</div>
<script src="/count/view.jspx?contentId={4400+i}"></script></body></html>'''
    return "gb18030", "kjj.hd.gov.cn", "http://kjj.hd.gov.cn/print/%d.jhtml" % (4400 + i), h

# ---------- T9 huxiu (utf-8 news) ----------
def t_huxiu(d, i):
    author = d["body"][0].replace("作者：", "")
    body = "".join("<p>%s</p>" % H.escape(p) for p in d["body"][1:])
    h = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><title>{H.escape(d["title"])}-虎嗅网</title>
<meta property="og:title" content="{H.escape(d["title"])}"><meta property="article:published_time" content="2025-01-01T00:00:00+08:00">
<script>window.__INITIAL_STATE__={{"article":{{"aid":{430000+i},"dateline":"1700000000"}}}}</script></head>
<body><div class="header"><a class="logo" href="/">虎嗅</a><a href="/channel/104.html">科技</a><a href="/moment/">24小时</a><a href="/vip/">虎嗅智库</a></div>
<div class="article-wrap"><h1 class="article__title">{H.escape(d["title"])}</h1>
<div class="article__author-info"><a class="author-name">{H.escape(author)}</a><span class="article__time">{d["pd"]} 10:{10+i}</span><span>来源：虎嗅APP</span></div>
<div class="article__content">{body}<p>本文来自虎嗅，原文链接：https://www.huxiu.com/article/{430000+i}.html</p></div>
<div class="share-box">分享至：微信 微博 QQ空间</div>
<div class="related"><h3>相关推荐</h3><ul><li><a href="/article/4291.html">合肥AI试验区五年：从“中国声谷”到大模型</a><span>2025-10-12</span></li><li><a href="/article/4288.html">先导区名单里的城市机会</a><span>2025-09-30</span></li></ul></div>
<div class="comment">评论（12）</div></div>
<div class="footer">© 2026 虎嗅网 京ICP备12013432号-1 京公网安备11010102000118号</div></body></html>'''
    return "utf-8", "www.huxiu.com", "https://www.huxiu.com/article/%d.html" % (430000 + i), h

# ---------- T10 time-weekly (utf-8 mobile news) ----------
def t_tw(d, i):
    y, m, dd = d["pd"].split("-")
    body = "".join("<p>%s</p>" % H.escape(p) for p in d["body"])
    h = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>时代周报</title>
<meta name="description" content="{H.escape(d["title"])}"></head>
<body><div class="m-top"><a href="/">时代周报</a><span class="menu">☰</span></div>
<div class="m-art"><div class="m-title">{H.escape(d["title"])}</div>
<div class="m-meta"><span class="d">{y}.{m}.{dd}</span> <span class="t">08:3{i}</span> <span class="src">时代周报</span></div>
<div class="m-body">{body}<p class="editor">责任编辑：刘燕　校对：陈雯</p></div>
<div class="m-more"><h4>更多阅读</h4><a href="/wap_article/3312.html">城市算力券：补贴到底有多大</a><a href="/wap_article/3301.html">东北科创走廊新观察</a></div></div>
<div class="m-foot">时代周报 粤ICP备09015637号 <a href="/">返回首页</a></div>
<script>(function(){{var c=document.createElement("script");c.src="//stat.time-weekly.com/c.js";}})();</script></body></html>'''
    return "utf-8", "www.time-weekly.com", "https://www.time-weekly.com/wap-article/%d.html" % (3350 + i), h

TEMPLATES = {"stats": t_stats, "saac": t_saac, "mine": t_mine, "anshan": t_anshan, "jlcity": t_jlcity, "daqing": t_daqing,
             "qqhr": t_qqhr, "handan": t_handan, "huxiu": t_huxiu, "timeweekly": t_tw}
ALIAS = {"科技部": ["科技部", "科学技术部"], "国家发展和改革委员会": ["国家发展和改革委员会", "国家发展改革委"]}

def build():
    cases = []; cnt = {}
    for d in D:
        i = cnt.get(d["t"], 0); cnt[d["t"]] = i + 1
        enc, host, url, h = TEMPLATES[d["t"]](d, i)
        fn = "%s.html" % d["id"]
        with open(os.path.join(OUT, fn), "wb") as f: f.write(h.encode(enc))
        exp = {"title": d["title"], "doc_number": d.get("num"), "issuers": d.get("issuers", []), "written_date": d.get("wd"),
               "published_date": d.get("pd"), "pilot_zone_cities": d.get("pilot", []), "repeals": d.get("repeals", []), "attachments": d.get("att", [])}
        if "funding" in d: exp["funding"] = d["funding"]
        cases.append({"id": d["id"], "file": fn, "url": url, "template": d["t"], "host": host, "encoding": enc, "expected": exp})
    with open(os.path.join(OUT, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
    print("wrote", len(cases))

def visible(raw, enc):
    t = raw.decode(enc)
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t); t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?is)<head\b.*?</head>", " ", t)
    t = re.sub(r'(?is)<div class="hid">.*?</div>', " ", t)
    t = re.sub(r"<[^>]+>", "", t); t = H.unescape(t)
    return t
def norm(s): return re.sub(r"\s+", "", s.replace("[", "〔").replace("]", "〕").replace("【", "〔").replace("】", "〕").replace("（", "〔").replace("）", "〕").replace("\u3000", ""))
def date_forms(iso):
    y, m, d = iso.split("-")
    return [iso, zh_date(iso), "%s年%s月%s日" % (y, m, d), "%s.%s.%s" % (y, m, d), cn_date(iso), "%s/%s/%s" % (y, m, d)]
def check():
    L = json.load(open(os.path.join(OUT, "labels.json"), encoding="utf-8"))["cases"]; bad = 0
    for c in L:
        raw = open(os.path.join(OUT, c["file"]), "rb").read()
        enc = c["encoding"]
        if c["template"] == "daqing": assert b"charset" not in raw.lower(), c["id"]
        if c["template"] == "mine": assert b"charset=gb2312" in raw
        v = visible(raw, enc); vs = re.sub(r"\s+", "", v.replace("\u3000", "")); vn = norm(v); e = c["expected"]
        def need(ok, what):
            nonlocal bad
            if not ok: bad += 1; print("MISSING", c["id"], what)
        need(re.sub(r"\s", "", e["title"]) in vs, "title")
        if e["doc_number"]:
            dn = norm(e["doc_number"]); need(dn in vn or dn.replace("令第", "令" ) in vn or ("令" in dn and dn.split("令")[1] in vs), "num")
        for k in ("written_date", "published_date"):
            if e[k]: need(any(f in vs or f in v for f in date_forms(e[k])), k)
        for s in e["issuers"]: need(any(a in vs for a in ALIAS.get(s, [s])), "issuer " + s)
        for a in e["attachments"]: need(a in v, "att " + a)
        for p in e["pilot_zone_cities"]: need(p in vs, "city " + p)
        for r in e["repeals"]: need(norm(r) in vn, "repeal " + r)
    print("check:", len(L), "cases,", bad, "missing"); return bad == 0
if __name__ == "__main__":
    if "--check" in sys.argv: sys.exit(0 if check() else 1)
    build()

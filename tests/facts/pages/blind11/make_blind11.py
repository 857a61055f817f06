# -*- coding: utf-8 -*-
"""Write the blind11 pages and labels.json from blind11_docs.py.  `python3 make_blind11.py [--check]`."""
import html, json, os, re, sys
from blind11_docs import DOCS

HERE = os.path.dirname(os.path.abspath(__file__))
E = html.escape

def ymd(s):
    m = re.match(r"(\d{4})\D(\d{1,2})\D(\d{1,2})", s)
    return int(m.group(1)), int(m.group(2)), int(m.group(3))

def iso(s):
    if not s: return None
    y, m, d = ymd(s); return "%04d-%02d-%02d" % (y, m, d)

def paras(doc, indent=True):
    st = ' style="text-indent:2em;"' if indent else ""
    return "\n".join("<p%s>%s</p>" % (st if i else "", E(p)) for i, p in enumerate(doc["body"]))

def sigblock(doc, style="right"):
    if not doc["sig"]: return ""
    out = []
    if style == "right":
        for s in doc["sig"]:
            out.append('<p style="text-align: right;">%s</p>' % E(s))
        if doc["written"]:
            out.append('<p style="text-align: right;">%s</p>' % E(doc["written"]))
    elif style == "nbsp":
        pad = "&nbsp;" * 40
        if len(doc["sig"]) > 1 and doc["kind"] != "order":
            out.append("<p>%s%s</p>" % (pad, ("&nbsp;" * 8).join(E(s) for s in doc["sig"])))
        else:
            for s in doc["sig"]:
                out.append("<p>%s%s</p>" % (pad, E(s)))
        if doc["written"]:
            out.append("<p>%s%s</p>" % (pad + "&nbsp;" * 4, E(doc["written"])))
    elif style == "div":
        out.append('<div class="sign" align="right">' + "<br/>".join(E(s) for s in doc["sig"]) +
                   ("<br/>" + E(doc["written"]) if doc["written"] else "") + "</div>")
    return "\n".join(out)

def order_head(doc):
    if doc["kind"] != "order": return ""
    return ('<p style="text-align:center;font-size:22px;color:#c00;"><b>%s</b></p>\n'
            '<p style="text-align:center;">%s</p>\n' % (E(doc["order_head"]), E(doc["order_no"])))

def numline(doc, style="center"):
    if not doc["num"] or doc["kind"] == "order": return ""
    return '<p style="text-align:%s;">%s</p>' % (style, E(doc["num"]))

def atts_links(doc, mode, base=""):
    out = []
    for i, a in enumerate(doc["atts"]):
        ext = a.rsplit(".", 1)[-1]
        if mode == "downfile":
            href = "/module/download/downfile.jsp?classid=0&amp;filename=%s%02d.%s" % ("2601" + doc["id"].replace("-", ""), i, ext)
        elif mode == "relative":
            href = "./P0202%s%04d.%s" % ("60304" + str(len(doc["id"])), 5310 + i, ext)
        else:
            href = "%s/uploadfiles/%s/%d_%s.%s" % (base, iso(doc["published"]).replace("-", "")[:6], 1700000 + i, doc["id"], ext)
        out.append('<a href="%s" target="_blank">%s</a>' % (href, E(a)))
    return out

def others(doc, n=5):
    res = []
    for d in DOCS:
        if d["tpl"] == doc["tpl"] and d["id"] != doc["id"]:
            res.append((d["title"], d["num"], iso(d["published"])))
    return res[:n]

def sidebar_ul(doc, extra, cls="list"):
    items = others(doc) + extra
    return '<ul class="%s">\n' % cls + "\n".join(
        '<li><a href="#" title="%s">%s</a>%s<span class="date">%s</span></li>' % (
            E(t), E(t if len(t) < 26 else t[:24] + "…"), (" <em>%s</em>" % E(n)) if n else "", d) for t, n, d in items) + "\n</ul>"

COUNTER = '<script type="text/javascript">var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?3b9f0e4c7c";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();</script>'

# ------------------------------------------------------------------ templates
def t_nrta(doc, prev, nxt):
    y, m, d = ymd(doc["published"])
    stale = "2024-06-30 00:00:00" if doc["id"] in ("nrta-1", "nrta-3") else doc["published"]
    title_tag = "国家广播电视总局" if doc["id"] in ("nrta-2", "nrta-4") else doc["title"] + " - 国家广播电视总局"
    src = doc.get("source", "政府信息公开")
    att = atts_links(doc, "downfile")
    atth = ("<p>附件：</p>" + "".join("<p>%s</p>" % a for a in att)) if att else ""
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{E(title_tag)}</title>
<meta name="SiteName" content="国家广播电视总局">
<meta name="SiteDomain" content="www.nrta.gov.cn">
<meta name="SiteIDCode" content="bm30000014">
<meta name="ColumnName" content="政策法规">
<meta name="ArticleTitle" content="{E(doc['title'])}">
<meta name="PubDate" content="{E(stale)}">
<meta name="ContentSource" content="{E(src)}">
<link rel="stylesheet" href="/css/common.css">
<script type="text/javascript" src="/js/jquery.min.js"></script>
</head>
<body>
<!-- 头部 -->
<div class="top"><div class="wrap"><span>今天是：<script>document.write(new Date().toLocaleDateString());</script></span>
<a href="/">首页</a> | <a href="/col/col2/index.html">机构</a> | <a href="/col/col3/index.html">新闻</a> | <a href="/col/col6/index.html">政务公开</a> | <a href="/col/col8/index.html">互动</a></div></div>
<div class="logo"><img src="/images/logo.png" alt="国家广播电视总局"></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col113/index.html">政务公开</a> &gt; <a href="/col/col113/index.html">政策法规</a></div>
<div class="main">
<table width="100%" class="article"><tr><td class="title" align="center">{E(doc['title'])}</td></tr>
<tr><td class="info" align="center">发布时间：{E(doc['published'])}&nbsp;&nbsp;&nbsp;来源：{E(src)}&nbsp;&nbsp;&nbsp;【字体：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</td></tr>
<tr><td><div id="zoom">
{order_head(doc)}{numline(doc)}
{paras(doc)}
{atth}
{sigblock(doc, "right")}
</div></td></tr></table>
<div class="bottom-btn"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="pn"><p>上一篇：<a href="#">{E(prev['title'])}</a></p><p>下一篇：<a href="#">{E(nxt['title'])}</a></p></div>
</div>
<div class="side"><h3>相关文件</h3>{sidebar_ul(doc, [("国家广播电视总局关于印发《广播电视和网络视听“十四五”科技发展规划》的通知", "广电发〔2021〕60号", "2021-10-08")])}</div>
<div class="footer">主办单位：国家广播电视总局　地址：北京市西城区复兴门外大街2号<br>
<a href="https://beian.miit.gov.cn">京ICP备05034792号</a>　京公网安备11010202000102号　网站标识码：bm30000014</div>
{COUNTER}
</body></html>"""

def t_ncha(doc, prev, nxt):
    src = doc.get("source", "国家文物局")
    att = atts_links(doc, "upload")
    written = iso(doc["written"]) if doc["written"] else ""
    pub = iso(doc["published"])
    meta_tbl = ""
    if doc["kind"] != "news":
        meta_tbl = f"""<table class="xxgk" border="1" cellspacing="0" width="100%">
<tr><th>索 引 号：</th><td>000014672/{ymd(doc['published'])[0]}-{abs(hash(doc['id']))%900+100:05d}</td><th>主题分类：</th><td>文物保护</td></tr>
<tr><th>发文机关：</th><td>{E('、'.join(doc['sig']))}</td><th>成文日期：</th><td>{E(written)}</td></tr>
<tr><th>标　　题：</th><td colspan="3">{E(doc['title'])}</td></tr>
<tr><th>发文字号：</th><td>{E(doc['num'] or '')}</td><th>发布日期：</th><td>{E(pub)}</td></tr>
</table>"""
    by = (" 作者：" + E(doc["author"])) if doc.get("author") else ""
    atth = ('<div class="fj"><b>附件下载：</b>' + "<br>".join(att) + "</div>") if att else ""
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>{E(doc['title'])}_{'新闻动态' if doc['kind']=='news' else '政策法规'}_国家文物局</title>
<meta name="keywords" content="国家文物局,文物,博物馆" />
<meta name="publishdate" content="2019-01-01" />
<style>.xxgk th{{background:#f2f2f2;width:12%;}} .fj a{{color:#8b0000}}</style>
</head><body>
<div id="header"><div class="nav"><a href="/">首页</a><a href="/col/col2237/">政务</a><a href="/col/col722/">资讯</a><a href="/col/col2239/">服务</a><a href="/col/col1039/">互动</a></div>
<form action="/search"><input name="q" value="请输入关键字"/><button>搜索</button></form></div>
<div class="crumb">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="#">{'新闻动态' if doc['kind']=='news' else '政策法规'}</a></div>
<div id="content">
{meta_tbl}
<h1 class="tit">{E(doc['title'])}</h1>
<div class="sub">{'日期：'+pub if doc['kind']=='news' else ''}&nbsp; 来源：{E(src)}{by}&nbsp; 浏览次数：<span id="hits">0</span>
<a href="javascript:void(0)" class="share wx">微信</a><a href="javascript:void(0)" class="share wb">微博</a></div>
<div class="TRS_Editor"><div class="Custom_UnionStyle">
{numline(doc)}
{paras(doc)}
{sigblock(doc, "nbsp")}
</div></div>
{atth}
<div class="sxp"><span>上一篇：{E(prev['title'])}</span><span>下一篇：{E(nxt['title'])}</span></div>
</div>
<div class="right"><div class="hd">热点推荐</div>{sidebar_ul(doc, [("国家文物局关于进一步加强文物安全工作的实施意见", "文物督发〔2022〕13号", "2022-06-17")])}</div>
<div id="footer">版权所有：国家文物局　<a href="https://beian.miit.gov.cn/">京ICP备05078524号</a>　网站标识码：bm30000011<br/>地址：北京市东城区朝阳门北大街10号</div>
<script>$.get("/hits.jsp?id={doc['id']}",function(d){{$("#hits").html(d)}});</script>
</body></html>"""

def t_jining(doc, prev, nxt):
    pub = iso(doc["published"])
    att = atts_links(doc, "downfile")
    tbl = ""
    if doc["kind"] not in ("news",):
        tbl = f"""<table class="xxgk_table" width="100%" cellpadding="0" cellspacing="0">
<tr><td class="t">索 引 号</td><td>11370800004xxxx/{pub[:4]}-{len(doc['title'])*7:05d}</td><td class="t">公开方式</td><td>主动公开</td></tr>
<tr><td class="t">发布机构</td><td>{E(doc['sig'][0] if doc['sig'] else '')}</td><td class="t">发文日期</td><td>{E(iso(doc['written']) or '')}</td></tr>
<tr><td class="t">文　　号</td><td>{E(doc['num'] or '')}</td><td class="t">发布日期</td><td>{E(pub)}</td></tr>
</table>"""
    atth = ("".join("<p>%s</p>" % a for a in att)) if att else ""
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{E(doc['title'])}_通知公告_济宁市科学技术局</title>
<meta name="ArticleTitle" content="{E(doc['title'])}">
<meta name="PubDate" content="{pub} 09:30">
<meta name="ContentSource" content="济宁市科学技术局">
<script language="javascript" src="/script/0/1.js"></script>
</head>
<body bgcolor="#FFFFFF">
<!--头部开始-->
<table width="1000" align="center"><tr><td><img src="/images/jnkj_banner.jpg" alt="济宁市科学技术局"></td></tr>
<tr><td class="nav"><a href="/">网站首页</a> <a href="/col/col11000/index.html">机构概况</a> <a href="/col/col11005/index.html">通知公告</a> <a href="/col/col11006/index.html">政策法规</a> <a href="/col/col11010/index.html">政府信息公开</a></td></tr></table>
<table width="1000" align="center"><tr><td class="bt_link">您当前的位置：<a href="/">首页</a> &gt; <a href="/col/col11005/index.html">通知公告</a></td></tr></table>
<table width="1000" align="center"><tr><td>
{tbl}
<!--<$[标题名称]>begin-->
<div class="title" style="font-size:22px;font-weight:bold;text-align:center;">{E(doc['title'])}</div>
<!--<$[标题名称]>end-->
<div class="info" align="center">来源：{E(doc.get('source','济宁市科学技术局'))} &nbsp; 时间：{pub} &nbsp; 浏览次数：<script>document.write(Math.floor(Math.random()*900))</script></div>
<div id="zoom">
<!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{numline(doc)}
{paras(doc)}
{sigblock(doc, "right")}
{atth}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end-->
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">QQ空间</a> &nbsp; [<a href="javascript:window.print()">打印</a>] [<a href="javascript:window.close()">关闭</a>]</div>
</td><td width="260" valign="top"><div class="side_tit">最新公开</div>{sidebar_ul(doc, [("济宁市科学技术局关于公布2024年度济宁市重点实验室名单的通知", "济科字〔2024〕40号", "2024-12-20")])}</td></tr></table>
<div class="footer">主办：济宁市科学技术局　地址：济宁市太白湖新区<br>鲁ICP备05044231号-1　网站标识码：3708000017　鲁公网安备37089902000123号</div>
</body>
</html>"""

def t_baoding(doc, prev, nxt):
    pub = iso(doc["published"])
    att = atts_links(doc, "relative")
    by = ""
    if doc.get("author"): by = "　作者：" + E(doc["author"])
    atth = ('<div class="fujian"><span>附件：</span>' + "".join("<p>%s</p>" % a for a in att) + "</div>") if att else ""
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>保定市科学技术局</title>
<meta name="description" content="{E(doc['title'])}" />
<link href="../../images/style.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div class="head"><img src="../../images/head.jpg" alt="保定市科学技术局"></div>
<div class="menu"><ul><li><a href="../../">首 页</a></li><li><a href="../../jgsz/">机构设置</a></li><li><a href="../../tzgg/">通知公告</a></li><li><a href="../../zcfg/">政策法规</a></li><li><a href="../../kjdt/">科技动态</a></li></ul></div>
<div class="location">当前位置：<a href="../../">首页</a>&gt;&gt;<a href="../">{'科技动态' if doc['kind']=='news' else '通知公告'}</a></div>
<div class="content">
<h2 class="bt">{E(doc['title'])}</h2>
<div class="xx">发布日期：{pub}{('　来源：' + E(doc['source'])) if doc.get('source') else ''}{by}　<a href="javascript:window.print();">[打印]</a></div>
<div class="TRS_Editor"><style>.TRS_Editor P{{margin-top:5px;line-height:2;font-size:12pt;}}</style>
{order_head(doc)}{numline(doc)}
{paras(doc)}
{sigblock(doc, "div")}
</div>
{atth}
<script language="javascript">
var currentPage = 0; var countPage = 1;
function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt){{ if(_nPageCount == null || _nPageCount<=1){{ return; }} }}
createPageHTML(1, 0, "t{pub.replace('-','')}_{len(doc['title'])*1371}", "html");
</script>
<div class="sx">上一篇：<a href="#">{E(prev['title'])}</a><br>下一篇：<a href="#">{E(nxt['title'])}</a></div>
</div>
<div class="rt"><h4>相关信息</h4>{sidebar_ul(doc, [("保定市科学技术局关于印发《保定市科技计划项目管理办法》的通知", "保科字〔2023〕17号", "2023-05-11")])}</div>
<div class="bottom">版权所有：保定市科学技术局　冀ICP备10015320号　网站标识码：1306000022<br>地址：保定市东风中路</div>
</body>
</html>"""

def t_guilin(doc, prev, nxt):
    pub = iso(doc["published"])
    att = atts_links(doc, "upload", "http://kjj.guilin.gov.cn")
    dl = ""
    if doc["kind"] != "news":
        dl = f"""<div class="xxgk-info"><dl>
<dt>信息索引号：</dt><dd>11450300MB0Y{len(doc['id'])}A/{pub[:4]}-0{len(doc['title'])}</dd>
<dt>发布机构：</dt><dd>{E('、'.join(doc['sig']))}</dd>
<dt>生成日期：</dt><dd>{E(iso(doc['written']) or '')}</dd>
<dt>文号：</dt><dd>{E(doc['num'] or '无')}</dd>
<dt>标题：</dt><dd>{E(doc['title'])}</dd>
</dl></div>"""
    y, m, d = ymd(doc["published"])
    atth = ('<div class="xgfj"><h5>相关附件</h5><ul>' + "".join("<li>%s</li>" % a for a in att) + "</ul></div>") if att else ""
    by = ""
    if doc.get("source"): by += "<span>来源：%s</span>" % E(doc["source"])
    if doc.get("author"): by += "<span>%s</span>" % E(doc["author"])
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{E(doc['title'])}-桂林市科学技术局网站</title>
<meta name="PubDate" content="2023-04-12 10:00:00">
<meta name="ArticleTitle" content="{E(doc['title'])}">
<link rel="stylesheet" href="/static/css/article.css">
</head>
<body>
<header class="g-hd"><div class="logo"><a href="/">桂林市科学技术局</a></div>
<nav><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/tzgg/">通知公告</a><a href="/kjdt/">科技动态</a><a href="/hdjl/">互动交流</a></nav>
<div class="wza"><a href="#">无障碍</a> <a href="#">长者模式</a></div></header>
<div class="crumbs"><a href="/">首页</a> / <a href="/zwgk/">政务公开</a> / <a href="#">{'工作动态' if doc['kind']=='news' else '政策文件'}</a></div>
<main class="article">
{dl}
<h1>{E(doc['title'])}</h1>
<div class="meta"><span class="pubtime">发布时间：<b>{y}</b>-<b>{m:02d}</b>-<b>{d:02d}</b></span>{by}<span>字号：<a>大</a><a>中</a><a>小</a></span></div>
<article class="article-con" id="article-con">
{numline(doc)}
{paras(doc)}
{sigblock(doc, "right")}
</article>
</main>
{atth}
<div class="share-bar"><a class="wx">分享到微信</a><a class="print" onclick="window.print()">打印</a><a class="close" onclick="window.close()">关闭</a></div>
<aside class="rel"><h4>相关文章</h4>{sidebar_ul(doc, [("桂林市科学技术局关于印发《桂林市科技计划项目管理办法》的通知", "市科发〔2022〕15号", "2022-07-01")])}</aside>
<footer>主办单位：桂林市科学技术局　<a href="https://beian.miit.gov.cn">桂ICP备13001234号</a>　网站标识码：4503000040　桂公网安备45030202000456号</footer>
{COUNTER}
</body></html>"""

def t_zunyi(doc, prev, nxt):
    pub = iso(doc["published"])
    att = atts_links(doc, "upload")
    atth = ('<div class="attach">附件下载：' + "".join("<p>%s</p>" % a for a in att) + "</div>") if att else ""
    src = doc.get("source") or (doc["sig"][0] if doc["sig"] else "遵义市科学技术局")
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030" />
<title>遵义市科学技术局-{'工作动态' if doc['kind']=='news' else '通知公告'}</title>
<meta name="keywords" content="{E(doc['title'])}"/>
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<script src="/r/cms/www/js/jquery.js" type="text/javascript"></script>
<script src="/r/cms/front.js" type="text/javascript"></script>
<script type="text/javascript">$(function() {{ Cms.attachment("/", "{len(doc['title'])}", "1", "attach"); Cms.viewCount("/", "{len(doc['title'])}"); }});</script>
</head>
<body>
<div class="top-bar"><span>欢迎访问遵义市科学技术局网站</span><a href="#">简体</a>|<a href="#">繁体</a></div>
<div class="banner"></div>
<div class="nav"><a href="/">首页</a><a href="/jgjj/index.jhtml">机构简介</a><a href="/tzgg/index.jhtml">通知公告</a><a href="/zcwj/index.jhtml">政策文件</a><a href="/gzdt/index.jhtml">工作动态</a></div>
<div class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/tzgg/index.jhtml">{'工作动态' if doc['kind']=='news' else '通知公告'}</a> &gt; 正文</div>
<div class="wz-box">
<div class="wz-title">{E(doc['title'])}</div>
<div class="wz-info">时间：{pub}&nbsp;&nbsp;&nbsp;来源：{E(src)}&nbsp;&nbsp;&nbsp;浏览次数：<span id="views"></span>次&nbsp;&nbsp;<a href="javascript:window.print();">【打印】</a>&nbsp;<a href="javascript:window.close();">【关闭】</a></div>
<div class="wz-con" id="zoomcon">
{numline(doc)}
{paras(doc)}
{sigblock(doc, "nbsp")}
</div>
{atth}
<div class="updown"><p>上一篇：<a href="#">{E(prev['title'])}</a></p><p>下一篇：<a href="#">{E(nxt['title'])}</a></p></div>
</div>
<div class="side"><div class="st">热门文章</div>{sidebar_ul(doc, [("遵义市科学技术局关于印发《遵义市科技计划项目管理办法》的通知", "遵市科发〔2023〕12号", "2023-08-15")])}</div>
<div class="footer">遵义市科学技术局 版权所有　黔ICP备12003456号-1　网站标识码：5203000019<br>技术支持：遵义市大数据中心</div>
</body>
</html>"""

def t_nanyang(doc, prev, nxt):
    y, m, d = ymd(doc["published"])
    att = atts_links(doc, "downfile")
    atth = "".join("<p>%s</p>" % a for a in att)
    src = doc.get("source", "南阳市科学技术局")
    by = ("　" + E(doc["author"])) if doc.get("author") else ""
    return f"""<html>
<head>
<title>{E(doc['title'])}</title>
<link href="/css/style.css" rel="stylesheet" type="text/css">
</head>
<body leftmargin="0" topmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/nykj_top.jpg" width="980" height="150"></td></tr>
<tr><td class="menu"><a href="/">首页</a> | <a href="/list.asp?id=1">科技要闻</a> | <a href="/list.asp?id=2">通知公告</a> | <a href="/list.asp?id=3">政策法规</a> | <a href="/list.asp?id=4">公示公告</a></td></tr></table>
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td width="240" valign="top" class="left"><div class="ltit">通知公告</div>{sidebar_ul(doc, [("南阳市科学技术局关于印发《南阳市科技计划项目管理办法》的通知", "宛科〔2022〕30号", "2022-06-10")])}</td>
<td valign="top">
<table width="100%"><tr><td class="dqwz">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/list.asp?id=2">通知公告</a> &gt;&gt; 正文</td></tr></table>
<table width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td height="50" align="center"><font style="font-size:20px;color:#003399"><b>{E(doc['title'])}</b></font></td></tr>
<tr><td align="center" class="f12">发布时间：<span>{y}</span>年<span>{m:02d}</span>月<span>{d:02d}</span>日　来源：{E(src)}{by}　点击：<script src="/count.asp?id={len(doc['title'])}"></script></td></tr>
<tr><td><hr size="1" color="#cccccc"></td></tr>
<tr><td class="content" style="font-size:16px;line-height:30px;">
{numline(doc)}
{paras(doc)}
{atth}
{sigblock(doc, "right")}
</td></tr>
<tr><td align="right"><a href="javascript:window.print()">打印本页</a>　<a href="javascript:window.close()">关闭窗口</a></td></tr>
</table>
<table width="100%"><tr><td>上一条：<a href="#">{E(prev['title'])}</a></td></tr><tr><td>下一条：<a href="#">{E(nxt['title'])}</a></td></tr></table>
</td></tr></table>
<table width="980" align="center" class="foot"><tr><td align="center">南阳市科学技术局 主办　豫ICP备05009876号　网站标识码：4113000033<br>地址：南阳市卧龙区</td></tr></table>
</body>
</html>"""

def t_zhenjiang(doc, prev, nxt):
    pub = iso(doc["published"])
    att = atts_links(doc, "downfile")
    dl = ""
    if doc["kind"] != "news":
        dl = f"""<div class="xxgk_top"><ul>
<li><span>索引号：</span>014113497/{pub[:4]}-00{len(doc['title'])}</li>
<li><span>发布机构：</span>{E(doc['sig'][0])}</li>
<li><span>文号：</span>{E(doc['num'] or '')}</li>
<li><span>成文日期：</span>{E(iso(doc['written']))}</li>
<li><span>发布日期：</span>{E(pub)}</li>
<li><span>有效性：</span>{'有效' if doc['kind']!='repeal' else '—'}</li>
</ul></div>"""
    atth = ('<div class="fj"><p>附件：</p>' + "".join("<p>%s</p>" % a for a in att) + "</div>") if att else ""
    news_meta = ""
    if doc["kind"] == "news":
        news_meta = f'<div class="article-info">发布日期：{pub}　信息来源：{E(doc["source"])}　{E(doc.get("author",""))}</div>'
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<title>镇江市科学技术局 {E(doc['title'])}</title>
<meta name="SiteName" content="镇江市科学技术局">
<meta name="ColumnName" content="{'新闻动态' if doc['kind']=='news' else '政策文件'}">
<meta name="PubDate" content="{pub} 08:00">
<meta name="Maketime" content="2026-03-30 03:12:45">
</head>
<body>
<div id="top"><a href="/">首页</a> <a href="/col/col7034/index.html">信息公开</a> <a href="/col/col7044/index.html">政策文件</a> <a href="/col/col7050/index.html">新闻动态</a> <a href="/col/col7060/index.html">政民互动</a></div>
<div class="dqwz">当前位置：<a href="/">首页</a> &gt; <a href="/col/col7034/index.html">信息公开</a> &gt; <a href="#">{'新闻动态' if doc['kind']=='news' else '政策文件'}</a></div>
<div class="main">
{dl}
<div class="article-title"><h3>{E(doc['title'])}</h3></div>
{news_meta}
<div class="article-con" id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{numline(doc)}
{paras(doc)}
{sigblock(doc, "right")}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
{atth}
<div class="tools"><a href="javascript:void(0)" onclick="window.print()">【打印本页】</a><a href="javascript:void(0)" onclick="window.close()">【关闭窗口】</a></div>
<div class="relat"><p>相关文件：</p>{sidebar_ul(doc, [("镇江市科学技术局关于印发《镇江市科技计划项目管理办法》的通知", "镇科规〔2023〕1号", "2023-03-28")])}</div>
</div>
<div id="footer">主办单位：镇江市科学技术局　<a href="https://beian.miit.gov.cn">苏ICP备05006432号</a>　网站标识码：3211000020</div>
<script type="text/javascript" src="/script/hits.js"></script>
</body></html>"""

def t_nbd(doc, prev, nxt):
    pub = doc["published"]
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>{E(doc['title'])} | 每经网</title>
<meta name="keywords" content="人工智能,试验区,科技部">
<meta name="description" content="{E(doc['body'][0][:60])}">
<meta property="og:title" content="{E(doc['title'])}">
<meta property="article:published_time" content="{pub[:10]}T00:00:00+08:00">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{E(doc['title'])}","publisher":{{"@type":"Organization","name":"每日经济新闻"}}}}</script>
</head>
<body>
<div class="g-top"><a href="https://www.nbd.com.cn">每经网首页</a> <a href="#">要闻</a> <a href="#">公司</a> <a href="#">财经</a> <a href="#">科技</a> <a href="#">每经AI快讯</a> <a class="app" href="#">下载每经APP</a></div>
<div class="g-main">
<div class="g-articl-top"><h1>{E(doc['title'])}</h1>
<p class="u-time"><span class="source">{E(doc['source'])}</span><span class="time">{pub}</span></p></div>
<div class="g-articl-text">
<p>{E(doc['author'])}</p>
{paras(doc, False)}
<p class="editor">责编 陈星</p>
</div>
<div class="u-disclaimer">特别提醒：如果我们使用了您的图片，请作者与本站联系索取稿酬。如您不希望作品出现在本站，可联系我们要求撤下您的作品。</div>
<div class="share">分享到：<a>微信</a><a>微博</a><a>QQ</a></div>
<div class="u-news-prev">上一篇：<a href="#">{E(prev['title'])}</a></div>
</div>
<div class="g-right"><div class="m-hot"><h3>24小时热文</h3>
<ul><li><a href="#">{E(nxt['title'])}</a><span>{nxt['published'][:10]}</span></li>
<li><a href="#">A股三大指数集体收涨 人工智能板块领涨</a><span>2026-03-20</span></li>
<li><a href="#">国家发展改革委等部门印发《关于加快培育人工智能算力产业的指导意见》</a><span>2026-02-20</span></li></ul></div></div>
<div class="g-footer">Copyright © 2008-2026 每日经济新闻报社版权所有　蜀ICP备13001010号-1　川公网安备51019002001234号</div>
{COUNTER}
</body></html>"""

def t_eeo(doc, prev, nxt):
    pub = doc["published"]
    y, m, d = ymd(pub)
    hm = pub[11:16]
    head = f'<div class="xd-b-b"><span class="author">{E(doc.get("author",""))}</span> <span>{y}-{m:02d}-{d:02d}</span> <span>{hm}</span> <span class="src">来源：{E(doc["source"])}</span></div>'
    title_tag = "经济观察网" if doc["id"] in ("eeo-2", "eeo-4") else doc["title"] + "_经济观察网 - 专业财经新闻网站"
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{E(title_tag)}</title>
<meta name="keywords" content="人工智能,科技部">
<meta name="publishdate" content="2018-12-31 00:00:00">
</head>
<body>
<div class="topnav"><a href="http://www.eeo.com.cn/">首页</a> <a href="#">宏观</a> <a href="#">金融</a> <a href="#">商业</a> <a href="#">TMT</a> <a href="#">观察家</a> <a href="#">电子报</a></div>
<div class="path">当前位置：<a href="http://www.eeo.com.cn/">经济观察网</a> &gt; <a href="#">TMT</a> &gt; 正文</div>
<div class="xd-main">
<div class="xd-b"><h1>{E(doc['title'])}</h1>
{head}
</div>
<div class="xx_boxsing">
{numline(doc)}
{paras(doc)}
</div>
<div class="copyright">版权声明：以上内容为《经济观察报》社原创作品，版权归《经济观察报》社所有。未经允许，不得转载。</div>
<div class="xgyd"><h4>相关阅读</h4><ul><li><a href="#">{E(prev['title'])}</a></li><li><a href="#">{E(nxt['title'])}</a></li><li><a href="#">科技部关于印发《国家新一代人工智能创新发展试验区建设工作指引》的通知</a> 国科发规〔2019〕298号</li></ul></div>
</div>
<div class="footer">经济观察报社版权所有　京ICP备10052167号-1　京公网安备11010502000111号</div>
<script>document.write('<img src="//stat.eeo.com.cn/c.gif?r=' + Math.random() + '">');</script>
</body></html>"""

TPL = {
 "nrta": (t_nrta, "www.nrta.gov.cn", "utf-8", "utf-8", "https://www.nrta.gov.cn/art/{y}/{m}/{d}/art_113_{n}.html"),
 "ncha": (t_ncha, "www.ncha.gov.cn", "utf-8", "utf-8", "http://www.ncha.gov.cn/art/{y}/{m}/{d}/art_2237_{n}.html"),
 "jining": (t_jining, "kjj.jining.gov.cn", "gbk", "gbk", "http://kjj.jining.gov.cn/art/{y}/{m}/{d}/art_11005_{n}.html"),
 "baoding": (t_baoding, "kjj.baoding.gov.cn", "gbk", "gbk", "http://kjj.baoding.gov.cn/tzgg/{ym}/t{ymd}_{n}.html"),
 "guilin": (t_guilin, "kjj.guilin.gov.cn", "utf-8", "utf-8", "http://kjj.guilin.gov.cn/zwgk/zcwj/{ym}/t{ymd}_{n}.shtml"),
 "zunyi": (t_zunyi, "kjj.zunyi.gov.cn", "gb18030", "gb18030", "http://kjj.zunyi.gov.cn/tzgg/{n}.jhtml"),
 "nanyang": (t_nanyang, "kjj.nanyang.gov.cn", "utf-8", "utf-8", "http://kjj.nanyang.gov.cn/show.asp?id={n}"),
 "zhenjiang": (t_zhenjiang, "kjj.zhenjiang.gov.cn", "utf-8", "utf-8", "http://kjj.zhenjiang.gov.cn/art/{y}/{m}/{d}/art_7044_{n}.html"),
 "nbd": (t_nbd, "www.nbd.com.cn", "utf-8", "utf-8", "https://www.nbd.com.cn/articles/{y}-{m2}-{d2}/{n}.html"),
 "eeo": (t_eeo, "www.eeo.com.cn", "gbk", "gbk", "http://www.eeo.com.cn/{y}/{m2}{d2}/{n}.shtml"),
}

ALT = {"科技部": ["科技部", "科学技术部"]}

def build():
    cases = []
    bytpl = {}
    for doc in DOCS: bytpl.setdefault(doc["tpl"], []).append(doc)
    for tpl, docs in bytpl.items():
        fn, host, enc, lab_enc, urlpat = TPL[tpl]
        for i, doc in enumerate(docs):
            prev, nxt = docs[i - 1], docs[(i + 1) % len(docs)]
            page = fn(doc, prev, nxt)
            y, m, d = ymd(doc["published"])
            n = 300000 + 137 * (i + 1) + len(doc["title"]) * 11
            url = urlpat.format(y=y, m=m, d=d, m2="%02d" % m, d2="%02d" % d, ym="%04d%02d" % (y, m), ymd="%04d%02d%02d" % (y, m, d), n=n)
            name = doc["id"] + ".html"
            with open(os.path.join(HERE, name), "wb") as f:
                f.write(page.encode(enc))
            lab = dict(doc["label"])
            exp = {"title": doc["title"], "doc_number": lab["doc_number"], "issuers": lab["issuers"],
                   "written_date": lab["written_date"], "published_date": lab["published_date"],
                   "pilot_zone_cities": lab["pilot_zone_cities"], "repeals": lab["repeals"], "attachments": list(doc["atts"])}
            if "funding" in lab: exp["funding"] = lab["funding"]
            cases.append({"id": doc["id"], "file": name, "url": url, "template": tpl, "host": host, "encoding": lab_enc, "expected": exp})
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
    print("wrote %d pages" % len(cases))

def visible(raw, enc):
    t = raw.decode(enc)
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", t)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?is)<title>.*?</title>", " ", t)
    t = re.sub(r"(?s)<[^>]+>", " ", t)
    t = html.unescape(t)
    return re.sub(r"\s+", "", t)

def date_forms(s):
    y, m, d = map(int, s.split("-"))
    return ["%d-%02d-%02d" % (y, m, d), "%d年%d月%d日" % (y, m, d), "%d年%02d月%02d日" % (y, m, d), "%d/%02d/%02d" % (y, m, d)]

def check():
    cases = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))["cases"]
    bad = 0
    for c in cases:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        enc = c["encoding"]
        v = visible(raw, enc)
        e = c["expected"]
        doc = [d for d in DOCS if d["id"] == c["id"]][0]
        need = [("title", [e["title"]])]
        if e["doc_number"]:
            if doc["kind"] == "order": need.append(("num", [doc["order_no"]])); need.append(("orderhead", [doc["order_head"]]))
            else: need.append(("num", [doc["num"]]))
            if doc["kind"] != "order": need.append(("numdigits", ["".join(re.findall(r"\d+", doc["num"]))]))
        for iss in e["issuers"]:
            need.append(("issuer", ALT.get(iss, [iss])))
        for k in ("written_date", "published_date"):
            if e[k]: need.append((k, date_forms(e[k])))
        for city in e["pilot_zone_cities"]: need.append(("city", [city]))
        for r in e["repeals"]: need.append(("repeal", [r]))
        for a in e["attachments"]: need.append(("att", [a]))
        for what, alts in need:
            alts2 = [re.sub(r"\s+", "", a) for a in alts]
            if what == "numdigits":
                vd = "".join(re.findall(r"\d+", v)); ok = any(a in vd for a in alts2)
            else:
                ok = any(a in v for a in alts2)
            if not ok:
                bad += 1; print("MISSING", c["id"], what, alts)
        # declared charset present as intended
        head = raw[:400].decode("ascii", "replace").lower()
        if c["template"] == "nanyang": assert "charset" not in raw.decode(enc).lower(), c["id"]
        if c["template"] == "baoding": assert "charset=gb2312" in head, c["id"]
    # gb2312-labelled page must contain non-GB2312 bytes
    bd = [c for c in cases if c["template"] == "baoding"]
    nong = 0
    for c in bd:
        s = open(os.path.join(HERE, c["file"]), "rb").read().decode("gbk")
        try: s.encode("gb2312")
        except UnicodeEncodeError: nong += 1
    print("baoding pages with non-GB2312 chars:", nong)
    print("check:", "OK" if not bad else "%d missing" % bad, len(cases), "cases")
    return bad == 0

if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    build()

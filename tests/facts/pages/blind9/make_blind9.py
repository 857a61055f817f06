# -*- coding: utf-8 -*-
"""Write the blind9 pages (*.html, raw bytes in each page's declared encoding) and labels.json.

    python3 make_blind9.py          # write pages + labels.json (run once; frozen afterwards)
    python3 make_blind9.py --check  # decode every page, strip markup, assert labelled values are visible
Uses only the standard library and blind9_docs.py.
"""
import html, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blind9_docs import DOCS

HERE = os.path.dirname(os.path.abspath(__file__))

TPL = {  # key: (host, encoding written, encoding label in labels.json, declared charset or None)
    "moa": ("www.moa.gov.cn", "utf-8", "utf-8", "utf-8"),
    "mem": ("www.mem.gov.cn", "utf-8", "utf-8", "UTF-8"),
    "cma": ("www.cma.gov.cn", "gbk", "gbk", "gbk"),
    "xizang": ("kjt.xizang.gov.cn", "utf-8", "utf-8", "utf-8"),
    "changchun": ("kjj.changchun.gov.cn", "gbk", "gbk", "gb2312"),
    "xining": ("kjj.xining.gov.cn", "gb18030", "gb18030", "gb18030"),
    "yinchuan": ("kjj.yinchuan.gov.cn", "utf-8", "utf-8", None),
    "jiading": ("www.jiading.gov.cn", "utf-8", "utf-8", "utf-8"),
    "caixin": ("www.caixin.com", "utf-8", "utf-8", "utf-8"),
    "stcn": ("www.stcn.com", "gbk", "gbk", "gbk"),
}

def esc(s):
    return html.escape(s, quote=False)

def ymd(pub):
    return pub[:10]

def cn_date(pub, pad=False):
    y, m, d = pub[:10].split("-")
    if pad:
        return "%s年%s月%s日" % (y, m, d)
    return "%s年%d月%d日" % (y, int(m), int(d))

def shift(pub, days):
    """a stale date: a few days earlier (same month clamp)."""
    y, m, d = pub[:10].split("-")
    d = max(1, int(d) - days)
    return "%s-%s-%02d" % (y, m, d)

def paras(doc, style="text-indent:2em;"):
    out = []
    for p in doc["body"]:
        out.append('<p style="%s">%s</p>' % (style, esc(p)))
    return "\n".join(out)

def sig_block(doc, mode="div"):
    if not doc["sig"]:
        return ""
    lines = list(doc["sig"]) + ([doc["sig_date"]] if doc["sig_date"] else [])
    if mode == "nbsp":
        return "\n".join('<p>%s%s</p>' % ("&nbsp;" * 40, esc(l)) for l in lines)
    if mode == "table":
        return ('<table width="100%"><tr><td align="right">' +
                "<br/>".join(esc(l) for l in lines) + "</td></tr></table>")
    return "\n".join('<p style="text-align:right;">%s</p>' % esc(l) for l in lines)

def att_links(doc, sep="\n", prefix=""):
    return sep.join('%s<a href="%s" target="_blank">%s</a>' % (prefix, h, esc(t)) for t, h in doc["atts"])

def num_print(doc, style):
    n = doc.get("number")
    if not n:
        return ""
    if style == "square":
        return n.replace("〔", "[").replace("〕", "]")
    if style == "lenticular":
        return n.replace("〔", "【").replace("〕", "】")
    if style == "paren":
        return n.replace("〔", "（").replace("〕", "）")
    if style == "spaced":
        return n.replace("〕", "〕 ")
    return n

def head(charset, title, extra=""):
    cs = '<meta http-equiv="Content-Type" content="text/html; charset=%s" />\n' % charset if charset else ""
    return ("<!DOCTYPE html>\n<html>\n<head>\n%s<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\" />\n"
            "<title>%s</title>\n%s</head>\n" % (cs, esc(title), extra))

HITS = ('<script type="text/javascript">var _hmt=_hmt||[];(function(){var hm=document.createElement("script");'
        'hm.src="https://hm.baidu.com/hm.js?3f1c0e77a1b2";var s=document.getElementsByTagName("script")[0];'
        's.parentNode.insertBefore(hm,s);})();</script>\n')

def is_order(doc):
    return doc["kind"] == "order"

# ------------------------------------------------------------------------------------------ templates
def t_moa(doc, cs):
    side = """<div class="xgwj"><h3>相关文件</h3><ul>
<li><a href="/govpublic/CWS/202504/t20250410_6471102.htm">农业农村部 财政部关于下达2025年农业相关转移支付资金预算的通知（农计财发〔2025〕3号）</a><span>2025-04-10</span></li>
<li><a href="/govpublic/CYZCFGS/202412/t20241220_6468810.htm">农业农村部关于修改和废止部分规章的决定（农业农村部令2024年第5号）</a><span>2024-12-20</span></li>
<li><a href="/govpublic/KJJYS/202503/t20250318_6470002.htm">农业农村部办公厅关于公布2025年农业主推技术的通知</a><span>2025-03-18</span></li>
</ul></div>"""
    t = doc["title"]
    if doc["kind"] == "news":
        ttl = "中华人民共和国农业农村部"
    else:
        ttl = "%s_部门文件_中华人民共和国农业农村部" % t
    meta = ('<meta name="SiteName" content="中华人民共和国农业农村部" />\n<meta name="ArticleTitle" content="%s" />\n'
            '<meta name="PubDate" content="%s 00:00" />\n<meta name="ContentSource" content="%s" />\n'
            % (esc(t), shift(doc["pub"], 3), esc(doc.get("source") or "农业农村部")))
    h = head(cs, ttl, meta)
    top = """<body>
<div class="top"><div class="logo"><a href="/"><img src="/images/logo.png" alt="中华人民共和国农业农村部" /></a></div>
<div class="search"><form action="/was5/web/search"><input name="searchword" /><input type="submit" value="搜索" /></form></div></div>
<div class="nav"><a href="/">首页</a><a href="/xw/">新闻</a><a href="/gk/">公开</a><a href="/fw/">服务</a><a href="/hd/">互动</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/govpublic/">政府信息公开</a> &gt; 正文</div>
"""
    if doc["kind"] == "news":
        info = ('<div class="news_title"><h1>%s</h1><div class="pubtime">'
                '<span>时间：%s</span>&nbsp;&nbsp;<span>来源：%s</span>&nbsp;&nbsp;<span>作者：%s</span>'
                '</div></div>' % (esc(t), doc["pub"], esc(doc["source"]), esc(doc["author"])))
        mid = info
    else:
        num = doc["number"] if not is_order(doc) else doc["number"]
        iss = " ".join(doc["sig"]) if not is_order(doc) else "农业农村部"
        tab = """<table class="xxgk_table" border="1" cellspacing="0">
<tr><td class="lab">索 引 号：</td><td>%s</td><td class="lab">分　　类：</td><td>%s</td></tr>
<tr><td class="lab">发布机构：</td><td>%s</td><td class="lab">发文字号：</td><td>%s</td></tr>
<tr><td class="lab">成文日期：</td><td>%s</td><td class="lab">发布日期：</td><td>%s</td></tr>
<tr><td class="lab">名　　称：</td><td colspan="3">%s</td></tr>
</table>""" % ("05-00-%s-%s" % (doc["pub"][:4], doc["id"][-1] * 5), "规章" if is_order(doc) else "通知",
               esc(iss), esc(num or ""), cn_date(doc["sig_date_iso"]), ymd(doc["pub"]), esc(t))
        mid = tab + '\n<div class="arc_title"><h1>%s</h1></div>' % esc(t)
    if is_order(doc):
        body = ('<p style="text-align:center;font-size:22px;">%s</p>\n<p style="text-align:center;">%s</p>\n%s\n%s\n'
                % (esc(doc["order_head"]), esc(doc["order_no"]), paras(doc), sig_block(doc)))
    else:
        body = paras(doc) + "\n" + sig_block(doc)
    att = ""
    if doc["atts"]:
        att = '<div class="fujian"><p>附件：</p>%s</div>' % att_links(doc, "<br/>")
    foot = """<div class="share"><span>分享到：</span><a class="wx">微信</a><a class="wb">微博</a>
<a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="pre_next"><p>上一篇：<a href="./t20250901_6477001.htm">农业农村部关于公布第六批全国农业科技现代化先行县名单的通知</a></p>
<p>下一篇：<a href="./t20251020_6479002.htm">农业农村部办公厅关于开展2025年农产品质量安全例行监测的通知</a></p></div>
</div>
%s
<div class="footer"><p>主办单位：中华人民共和国农业农村部　地址：北京市朝阳区农展馆南里11号</p>
<p>京ICP备05039247号　<img src="/images/jgbs.png" />京公网安备 11010502038691号　网站标识码：bm14000001</p></div>
%s</body></html>""" % (side, HITS)
    return h + top + '<div class="main"><div class="arc">' + mid + '\n<div class="TRS_Editor" id="content">\n' + body + "\n</div>\n" + att + foot

def t_mem(doc, cs):
    t = doc["title"]
    h = head(cs, "中华人民共和国应急管理部",
             '<meta name="keywords" content="应急管理部,安全生产,防灾减灾" />\n<meta name="description" content="%s" />\n'
             '<meta name="publishdate" content="%s" />\n' % (esc(t), shift(doc["pub"], 5)))
    nav = """<body><!-- header start -->
<div id="header"><a href="/"><img src="/images/logo_mem.png" alt="应急管理部" /></a>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/xw/">新闻</a></li><li><a href="/gk/">信息公开</a></li><li><a href="/fw/">服务</a></li><li><a href="/hd/">互动</a></li></ul></div>
<!-- header end -->
<div class="position">您当前的位置：<a href="/">首页</a> &gt; <a href="/gk/">政府信息公开</a> &gt; <a href="/gk/zfxxgkpt/fdzdgknr/">法定主动公开内容</a></div>
"""
    if doc["kind"] == "news":
        nav = nav.replace("政府信息公开", "新闻").replace("法定主动公开内容", "媒体信息")
        mid = ('<div class="news"><h2 class="title">%s</h2><div class="source"><span>发布时间：%s</span> '
               '<span>来源：%s</span> <span>%s</span> 字号：<a>大</a> <a>中</a> <a>小</a></div>'
               % (esc(t), doc["pub"], esc(doc["source"]), esc(doc["author"])))
        body = paras(doc)
    else:
        org = "应急管理部" if is_order(doc) else " ".join(doc["sig"])
        mid = """<div class="xxgk_info"><dl>
<dt>索引号：</dt><dd>000014672/%s-00%s</dd><dt>主题分类：</dt><dd>安全生产</dd>
<dt>发布机构：</dt><dd>%s</dd><dt>发文字号：</dt><dd>%s</dd>
<dt>成文日期：</dt><dd>%s</dd><dt>发布日期：</dt><dd>%s</dd>
<dt>标　　题：</dt><dd class="bt">%s</dd></dl></div>
<div class="news"><h2 class="title">%s</h2>""" % (doc["pub"][:4], doc["id"][-1], esc(org), esc(doc["number"]),
                                                  ymd(doc["sig_date_iso"]), ymd(doc["pub"]), esc(t), esc(t))
        if is_order(doc):
            body = ('<p align="center"><b>%s</b></p><p align="center">%s</p>\n%s\n%s'
                    % (esc(doc["order_head"]), esc(doc["order_no"]), sig_block(doc, "nbsp"), paras(doc)))
        else:
            body = '<p align="center">%s</p>\n%s\n%s' % (esc(doc["number"]), paras(doc), sig_block(doc, "nbsp"))
        if doc["atts"]:
            body += '\n<p>附件：%s</p>' % att_links(doc)
    side = """<div class="right_list"><h4>热点文件</h4><ul>
<li><a href="/gk/zfxxgkpt/fdzdgknr/202503/t20250311_521000.shtml">应急管理部关于印发《安全生产治本攻坚三年行动方案（2024—2026年）》子方案的通知</a><em>（应急〔2024〕6号）</em><i>2024-02-08</i></li>
<li><a href="/gk/zfxxgkpt/fdzdgknr/202412/t20241210_515100.shtml">工贸企业重大事故隐患判定标准（应急管理部令第10号）</a><i>2023-04-14</i></li>
</ul></div>"""
    foot = """
<div class="tools"><a href="javascript:window.print();">打印</a> | <a href="javascript:window.close();">关闭</a></div>
</div>%s
<div id="footer">版权所有：中华人民共和国应急管理部　ICP备案编号：京ICP备18031577号-1　网站标识码：bm89000005<br/>
<script src="/common/js/visit_count.js"></script>访问量：<span id="vc"></span></div>
%s</body></html>""" % (side, HITS)
    return h + nav + mid + '\n<div class="content" id="zoom">\n' + body + "\n</div>" + foot

def t_cma(doc, cs):
    t = doc["title"]
    h = head(cs, "中国气象局政府门户网站",
             '<meta name="publishdate" content="%s" />\n<meta name="author" content="cma" />\n'
             '<link rel="stylesheet" href="/css/2011/article.css" />\n<style>.wz{font-size:14px;line-height:28px}</style>\n'
             % shift(doc["pub"], 9))
    top = """<body leftmargin="0" topmargin="0">
<table width="1000" align="center"><tr><td><img src="/images/2011/banner.jpg" alt="中国气象局" /></td></tr>
<tr><td class="nav"><a href="/">首页</a> | <a href="/2011xwzx/">新闻</a> | <a href="/zfxxgk/">政府信息公开</a> | <a href="/2011zwxx/">政务</a> | <a href="/2011qxfw/">气象服务</a></td></tr></table>
<table width="1000" align="center"><tr><td class="weizhi">您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/zfxxgk/">政府信息公开</a> &gt;&gt; 正文</td></tr></table>
<table width="1000" align="center"><tr><td width="720" valign="top">
"""
    if doc["kind"] == "news":
        info = ('<div class="news_textspan"><span>发布时间：%s</span>　<span>作者：%s</span>　<span>来源：%s</span></div>'
                % (cn_date(doc["pub"], True) + " " + doc["pub"][11:], esc(doc["author"]), esc(doc["source"])))
        body = '<h1 class="title">%s</h1>\n%s\n<div class="wz">%s</div>' % (esc(t), info, paras(doc))
    else:
        info = ('<table class="xxgk" border="1"><tr><td>发文字号：%s</td><td>发布机构：%s</td></tr>'
                '<tr><td>成文日期：%s</td><td>发布时间：%s</td></tr></table>'
                % (esc(num_print(doc, "square")), esc("、".join(doc["sig"])), cn_date(doc["sig_date_iso"]),
                   cn_date(doc["pub"], True) + " " + doc["pub"][11:]))
        body = '%s\n<h1 class="title">%s</h1>\n<div class="wz">%s\n%s</div>' % (info, esc(t), paras(doc), sig_block(doc, "table"))
        if doc["atts"]:
            body += '\n<div class="fj">相关附件：<ul>%s</ul></div>' % "".join(
                '<li><a href="%s">%s</a></li>' % (hh, esc(tt)) for tt, hh in doc["atts"])
    side = """</td><td width="260" valign="top"><div class="side"><div class="sidetit">最新文件</div>
<ul><li><a href="/zfxxgk/gknr/tzgg/202412/t20241203_6801122.html">中国气象局关于印发《气象数据共享管理办法》的通知 气发〔2024〕140号</a> 2024-12-03</li>
<li><a href="/zfxxgk/gknr/tzgg/202501/t20250107_6811210.html">中国气象局办公室关于开展2025年气象科技成果评价工作的通知</a> 2025-01-07</li></ul></div></td></tr></table>
<table width="1000" align="center"><tr><td align="center"><a href="javascript:window.print()">[打印本页]</a> <a href="javascript:self.close()">[关闭窗口]</a></td></tr></table>
<table width="1000" align="center" class="foot"><tr><td>主办：中国气象局　承办：中国气象局气象宣传与科普中心<br/>京ICP备05004434号　京公网安备11040102700181号　网站标识码：bm50000001</td></tr></table>
"""
    return h + top + body + side + "<!-- 页面生成时间：2026-12-01 03:12:55 -->\n" + HITS + "</body></html>"

def t_xizang(doc, cs):
    t = doc["title"]
    h = head(cs, "西藏自治区科学技术厅-" + t,
             '<meta name="ArticleTitle" content="%s" />\n<meta name="PubDate" content="%s" />\n'
             '<meta name="viewport" content="width=device-width, initial-scale=1" />\n' % (esc(t), shift(doc["pub"], 2)))
    y, md = doc["pub"][:4], doc["pub"][5:10]
    src = doc.get("source") or "西藏自治区科学技术厅"
    top = """<body>
<div class="header"><div class="wza"><a href="javascript:;">无障碍</a> | <a href="javascript:;">长者模式</a></div>
<h1 class="site"><a href="/">西藏自治区科学技术厅</a></h1></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/kjdt/">科技动态</a></li><li><a href="/bsfw/">办事服务</a></li></ul>
<div class="location">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="./">%s</a></div>
<div class="content-wrap">
<div class="article">
<div class="art-title">%s</div>
<div class="art-info"><span>发布时间：<em class="y">%s</em>-<em class="md">%s</em></span><span>来源：%s</span><span>浏览次数：<script>document.write(Math.floor(Math.random()*900+100))</script></span>
<span class="font">字体：[<a>大</a> <a>中</a> <a>小</a>]</span></div>
""" % ("国家政策" if doc["kind"] == "letter" else "通知公告", esc(t), y, md, esc(src))
    num = ""
    if doc.get("number"):
        num = '<p style="text-align:center;">%s</p>\n' % esc(doc["number"])
    body = '<div class="art-con">\n' + num + paras(doc) + "\n" + sig_block(doc) + "\n"
    if doc["atts"]:
        body += '<p>附件：</p>\n' + "".join('<p><a href="%s">%s</a></p>' % (hh, esc(tt)) for tt, hh in doc["atts"])
    body += "</div>\n"
    side = """<div class="prevnext"><p>上一篇：<a href="./t20250512_396011.html">关于2025年度自治区科技计划项目立项的通知（藏科函〔2025〕55号）</a></p>
<p>下一篇：<a href="./t20251210_405000.html">西藏自治区科学技术厅关于公布2025年度科技特派员名单的通知</a></p></div>
<div class="print"><a onclick="window.print()">打印本页</a><a onclick="window.close()">关闭窗口</a></div>
</div>
<div class="sidebar"><h3>相关链接</h3><ul><li><a href="https://www.most.gov.cn">科学技术部</a></li><li><a href="http://www.xizang.gov.cn">西藏自治区人民政府</a></li></ul></div>
</div>
<div class="footer"><p>主办：西藏自治区科学技术厅　地址：拉萨市城关区林廓北路</p><p>藏ICP备05000234号　藏公网安备54010202000123号　网站标识码：5400000017</p></div>
"""
    return h + top + body + side + HITS + "</body></html>"

def t_changchun(doc, cs):
    t = doc["title"]
    h = head(cs, t + "--长春市科学技术局",
             '<meta name="Description" content="长春市科学技术局" />\n<meta name="PubDate" content="%s" />\n'
             '<style type="text/css">td{font-size:12px}.bt{font-size:20px;color:#c00}</style>\n' % shift(doc["pub"], 7))
    top = """<body bgcolor="#ffffff">
<table width="980" border="0" align="center"><tr><td><img src="/images/top.jpg" width="980" height="120" alt="长春市科学技术局" /></td></tr></table>
<table width="980" align="center" class="daohang"><tr>
<td><a href="/">首  页</a></td><td><a href="/zcfg/">政策法规</a></td><td><a href="/tzgg/">通知公告</a></td><td><a href="/kjdt/">科技动态</a></td><td><a href="/bszn/">办事指南</a></td></tr></table>
<table width="980" align="center"><tr><td width="230" valign="top">
<div class="left"><div class="ltit">通知公告</div><ul>
<li>·<a href="/tzgg/202508/t20250820_3390011.html">关于组织申报2025年度长春市科技发展计划项目的通知</a></li>
<li>·<a href="/tzgg/202507/t20250702_3371205.html">长春市科学技术局关于2024年度科技型中小企业评价结果的公告（长科公〔2025〕3号）</a></li>
<li>·<a href="/tzgg/202506/t20250611_3360018.html">2025年长春市科技创新券兑付企业名单公示</a></li></ul></div>
</td><td width="750" valign="top">
<div class="weizhi">您的位置：<a href="/">首页</a> &gt;&gt; <a href="./">%s</a></div>
""" % ("科技动态" if doc["kind"] == "news" else ("政策法规" if doc.get("number") else "通知公告"))
    info = '日期：%s:00　　' % doc["pub"]
    if doc["kind"] == "news":
        info += '来源：%s　　作者：%s　　' % (esc(doc["source"]), esc(doc["author"]))
    else:
        info += '来源：长春市科学技术局　　'
    info += '浏览次数：<script language="javascript" src="/count.jsp?id=%s"></script>' % doc["id"]
    body = '<table width="100%%"><tr><td align="center" class="bt">%s</td></tr><tr><td align="center">%s</td></tr>' % (esc(t), info)
    if doc.get("number"):
        body += '<tr><td align="center">文号：%s</td></tr>' % esc(num_print(doc, "lenticular"))
    body += '<tr><td class="zw">%s\n%s' % (paras(doc), sig_block(doc, "nbsp"))
    if doc["atts"]:
        body += '\n<p>附件下载：%s</p>' % att_links(doc)
    body += "</td></tr></table>\n"
    foot = """<table width="100%%"><tr><td align="right"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></td></tr></table>
</td></tr></table>
<table width="980" align="center" class="foot"><tr><td align="center">版权所有：长春市科学技术局　地址：长春市人民大街6666号<br/>吉ICP备05002310号　网站标识码：2201000028</td></tr></table>
%s</body></html>""" % HITS
    return h + top + body + foot

def t_xining(doc, cs):
    t = doc["title"]
    h = head(cs, t,
             '<meta name="Maketime" content="2026-11-30 02:00:01" />\n<meta name="pubDate" content="%s" />\n'
             '<script src="/script/jquery.js"></script>\n' % shift(doc["pub"], 4))
    top = """<body>
<div class="head"><img src="/images/xnkj_logo.png" alt="西宁市科学技术局" /><span class="dt">今天是：<script>document.write(new Date().toLocaleDateString())</script></span></div>
<div class="menu"><a href="/">首页</a><a href="/col/col1234/">政策文件</a><a href="/col/col1236/">通知公告</a><a href="/col/col1240/">工作动态</a><a href="/col/col1250/">政务公开</a></div>
<div class="bread">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1234/">信息公开</a></div>
"""
    if doc["kind"] == "news":
        mid = ('<div class="detail"><h2>%s</h2><div class="info">发布日期：%s　信息来源：%s　'
               '【字体：<a>大</a> <a>中</a> <a>小</a>】</div>\n<div id="zoom">%s</div>'
               % (esc(t), cn_date(doc["pub"], True), esc(doc["source"]), paras(doc)))
    else:
        mid = """<table class="xxgk_table" cellpadding="0" cellspacing="0">
<tr><th>索引号：</th><td>11630100MB1%s/2026-%s</td><th>主题分类：</th><td>科技</td></tr>
<tr><th>发布机构：</th><td>%s</td><th>生成日期：</th><td>%s</td></tr>
<tr><th>文号：</th><td>%s</td><th>成文日期：</th><td>%s</td></tr>
<tr><th>名称：</th><td colspan="3">%s</td></tr></table>
<div class="detail"><h2>%s</h2><div class="info">发布日期：%s　【<a href="javascript:window.print()">打印</a>】 【<a href="javascript:window.close()">关闭</a>】</div>
<div id="zoom">%s
%s</div>""" % (doc["id"], doc["id"][-1] * 4, esc(doc["sig"][0]), ymd(doc["pub"]), esc(num_print(doc, "spaced")),
               cn_date(doc["sig_date_iso"]), esc(t), esc(t), cn_date(doc["pub"], True), paras(doc), sig_block(doc))
        if doc["atts"]:
            mid += '\n<div class="attach">附件：' + "".join('<p><a href="%s">%s</a></p>' % (hh, esc(tt)) for tt, hh in doc["atts"]) + "</div>"
    foot = """
<div class="sxp">上一条：<a href="/html/1234/400201.html">西宁市科学技术局关于印发《西宁市科技企业孵化器管理办法》的通知（宁科〔2024〕44号）2024-11-02</a><br/>
下一条：<a href="/html/1234/400388.html">关于公布2025年度西宁市科技型中小企业名单的通知</a></div>
</div>
<div class="foot">主办单位：西宁市科学技术局　地址：西宁市城中区南大街7号<br/>青ICP备05000456号-2　青公网安备63010302000111号　网站标识码：6301000010</div>
%s</body></html>""" % HITS
    return h + top + mid + foot

def t_yinchuan(doc, cs):
    t = doc["title"]
    h = head(cs, "银川市科学技术局",
             '<meta name="viewport" content="width=device-width" />\n<meta name="ColumnName" content="政策文件" />\n'
             '<meta name="PubDate" content="%s 08:00" />\n' % shift(doc["pub"], 6))
    y, m, d = doc["pub"][:10].split("-")
    top = """<body>
<div class="top-bar"><span>欢迎访问银川市科学技术局网站</span><a href="/m/">手机版</a></div>
<div class="banner"><img src="/images/yckj_banner.jpg" alt="银川市科学技术局" /></div>
<div class="navbar"><a href="/">网站首页</a><a href="/xxgk/">信息公开</a><a href="/kjdt/">科技动态</a><a href="/hdjl/">互动交流</a></div>
<div class="path">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="./">%s</a></div>
<div class="main">
<div class="left-list"><h3>政策文件</h3><ul>
<li><a href="/xxgk/zfxxgkml/zcwj/202503/t20250301_4900101.html">银川市科学技术局关于印发《银川市科技企业孵化器认定管理办法》的通知（银科发〔2024〕31号）</a></li>
<li><a href="/xxgk/zfxxgkml/zcwj/202411/t20241115_4800002.html">银川市人民政府办公室关于加快数字经济发展的实施意见（银政办发〔2024〕88号）</a></li></ul></div>
<div class="right-article">
<h1 class="tit">%s</h1>
<div class="subinfo"><span>发布时间：<b>%s</b>年<b>%s</b>月<b>%s</b>日</span><span>来源：%s</span><span>阅读：<i id="readnum">--</i></span></div>
""" % ("国家政策" if doc["kind"] == "letter" else "政策文件", esc(t), y, m, d, esc(doc.get("source") or "银川市科学技术局"))
    if is_order(doc):
        body = ('<div class="order"><p style="text-align:center;font-size:24px;">%s</p><p style="text-align:center;">%s</p>'
                '%s</div>\n%s' % (esc(doc["order_head"]), esc(doc["order_no"]), paras(doc), sig_block(doc)))
    else:
        num = '<p style="text-align:center;">%s</p>\n' % esc(num_print(doc, "paren")) if doc.get("number") else ""
        body = num + paras(doc) + "\n" + sig_block(doc)
    foot = """
<div class="share">分享：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a>　<a href="javascript:window.print()">打印</a>　<a href="javascript:window.close()">关闭</a></div>
</div></div>
<div class="footer">主办：银川市科学技术局　备案号：宁ICP备05002221号　网站标识码：6401000031<br/>
<!-- generated 2026-11-29T18:40:00 --></div>
%s</body></html>""" % HITS
    return h + top + '<div class="article-content">\n' + body + "\n</div>" + foot

def t_jiading(doc, cs):
    t = doc["title"]
    h = head(cs, t + " - 上海嘉定",
             '<meta name="keywords" content="嘉定,政务公开" />\n<meta name="firstpublishedtime" content="%s" />\n'
             % (shift(doc["pub"], 1) + " 00:00:00"))
    top = """<body>
<div class="jd-header"><a class="logo" href="/">上海嘉定</a><div class="jd-search"><input placeholder="请输入关键词" /></div></div>
<div class="jd-nav"><a href="/">首页</a><a href="/jiading/zwgk/">政务公开</a><a href="/jiading/xwzx/">新闻中心</a><a href="/jiading/bmfw/">便民服务</a></div>
<div class="jd-crumb">首页 / %s</div>
<div class="jd-main">
""" % ("新闻中心" if doc["kind"] == "news" else "政务公开 / 政策文件")
    if doc["kind"] == "news":
        mid = ('<h2 class="jd-title">%s</h2><div class="jd-meta">%s　来源：%s　%s</div>\n<div class="jd-body">%s</div>'
               % (esc(t), doc["pub"], esc(doc["source"]), esc(doc["author"]), paras(doc)))
    else:
        mid = """<table class="jd-xxgk"><tr><td>索引号：</td><td>SY0012%s</td><td>发布机构：</td><td>%s</td></tr>
<tr><td>文号：</td><td>%s</td><td>成文日期：</td><td>%s</td></tr>
<tr><td>发布日期：</td><td>%s</td><td>有效性：</td><td>有效</td></tr></table>
<h2 class="jd-title">%s</h2>
<div class="jd-body">%s
%s</div>""" % (doc["id"], esc(doc["sig"][0]), esc(doc["number"]), ymd(doc["sig_date_iso"]), ymd(doc["pub"]), esc(t),
               paras(doc), sig_block(doc))
    side = """
<div class="jd-related"><h4>相关政策</h4><ul>
<li><a href="/jiading/zcwj/20240305/aa11bb22.html">嘉定区关于进一步支持集成电路产业发展的若干意见（嘉府发〔2024〕3号）</a> 2024-03-05</li>
<li><a href="/jiading/zcwj/20230612/cc33dd44.html">嘉定区科技创新专项资金管理办法 解读</a> 2023-06-12</li></ul></div>
</div>"""
    att = ""
    if doc["atts"]:
        att = '\n<div class="jd-attach"><h4>相关附件</h4>%s</div>' % "".join(
            '<p><a href="%s">%s</a></p>' % (hh, esc(tt)) for tt, hh in doc["atts"])
    foot = """
<div class="jd-tools"><a onclick="window.print()">打印</a> <a onclick="window.close()">关闭</a></div>
<div class="jd-footer">主办：上海市嘉定区人民政府办公室　沪ICP备11012345号-1　网站标识码：3101140001</div>
%s</body></html>""" % HITS
    return h + top + mid + att + side + foot

def t_caixin(doc, cs):
    t = doc["title"]
    h = head(cs, t + "_经济频道_财新网",
             '<meta name="description" content="%s" />\n<meta property="og:title" content="%s" />\n'
             '<meta name="publishdate" content="%s" />\n' % (esc(doc["body"][0][:40]), esc(t), shift(doc["pub"], 1)))
    y, m, d = doc["pub"][:10].split("-")
    top = """<body>
<div class="head"><a href="//www.caixin.com/"><img src="//file.caixin.com/images/logo.png" alt="财新网" /></a>
<div class="channel"><a href="//economy.caixin.com/">经济</a><a href="//finance.caixin.com/">金融</a><a href="//companies.caixin.com/">公司</a><a href="//china.caixin.com/">政经</a></div>
<div class="login"><a href="//u.caixin.com/">登录</a> | <a href="//u.caixin.com/reg">注册</a></div></div>
<div class="conlf">
<div id="the_content">
<h1>%s</h1>
<div class="artInfo">%s年%s月%s日 %s <span class="source">来源于 %s</span></div>
<div class="subhead">文｜%s</div>
<div id="Main_Content_Val" class="text">
""" % (esc(t), y, m, d, doc["pub"][11:], esc(doc["source"]), esc(doc["author"]))
    body = paras(doc, "")
    foot = """
<div class="cx-paywall">订阅财新通，阅读全文 <a href="//u.caixin.com/subscribe">立即订阅</a></div>
</div>
<div class="editer">责任编辑：杨 宇 | 版面编辑：李 明</div>
<div class="share">分享到：<a>微信</a><a>微博</a><a>复制链接</a></div>
</div></div>
<div class="conri"><div class="hot"><h3>热读文章</h3><ul>
<li><a href="//economy.caixin.com/2026-11-30/102599011.html">国家发展改革委：明年将扩大超长期特别国债支持范围</a><span>11月30日</span></li>
<li><a href="//finance.caixin.com/2026-12-01/102600030.html">央行：保持流动性合理充裕</a><span>12月01日</span></li></ul></div></div>
<div class="footer">财新网所刊载内容之知识产权为财新传媒及/或相关权利人专属所有。京ICP证090880号　京公网安备11010502034662号</div>
%s</body></html>""" % HITS
    return h + top + body + foot

def t_stcn(doc, cs):
    t = doc["title"]
    h = head(cs, t + "_证券时报网",
             '<meta name="keywords" content="人工智能,科技部" />\n<meta name="publishdate" content="%s 00:00:00" />\n'
             % shift(doc["pub"], 2))
    top = """<body>
<div class="header"><a href="/"><img src="/images/stcn_logo.png" alt="证券时报网" /></a>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/kuaixun/">快讯</a></li><li><a href="/gs/">公司</a></li><li><a href="/finance/">金融</a></li><li><a href="/data/">数据</a></li></ul></div>
<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/article/">要闻</a> &gt; 正文</div>
<div class="detail">
<div class="detail-title">%s</div>
<div class="detail-info"><span>来源：%s</span>%s<span>%s</span></div>
<div class="detail-content">
""" % (esc(t), esc(doc["source"]), ("<span>作者：%s</span>" % esc(doc["author"])) if doc["author"] else "",
       doc["pub"])
    body = paras(doc, "")
    foot = """
</div>
<div class="detail-statement">声明：证券时报力求信息真实、准确，文章提及内容仅供参考，不构成实质性投资建议，据此操作风险自担</div>
<div class="detail-share">分享：<a>微信</a><a>微博</a></div>
<div class="detail-relate"><h4>相关阅读</h4><ul>
<li><a href="/article/detail/1700001.html">人工智能板块午后拉升 多股涨停</a> 2026-10-27</li>
<li><a href="/article/detail/1699012.html">工信部：加快人工智能产业标准体系建设</a> 2026-10-25</li></ul></div>
</div>
<div class="footer">证券时报网版权所有　粤ICP备09109218号-7　增值电信业务经营许可证：粤B2-20090211</div>
%s</body></html>""" % HITS
    return h + top + body + foot

FUNCS = {"moa": t_moa, "mem": t_mem, "cma": t_cma, "xizang": t_xizang, "changchun": t_changchun,
         "xining": t_xining, "yinchuan": t_yinchuan, "jiading": t_jiading, "caixin": t_caixin, "stcn": t_stcn}

def iso_from_cn(s):
    if not s:
        return None
    m = re.match(r"(\d{4})年(\d{1,2})月(\d{1,2})日", s)
    return "%s-%02d-%02d" % (m.group(1), int(m.group(2)), int(m.group(3)))

def build():
    cases = []
    for doc in DOCS:
        doc = dict(doc)
        doc["sig_date_iso"] = iso_from_cn(doc.get("sig_date")) or doc["pub"][:10]
        host, enc, enclab, cs = TPL[doc["tpl"]]
        page = FUNCS[doc["tpl"]](doc, cs)
        fn = doc["id"] + ".html"
        with open(os.path.join(HERE, fn), "wb") as f:
            f.write(page.encode(enc))
        cases.append({"id": doc["id"], "file": fn, "url": "https://%s%s" % (host, doc["path"]), "template": doc["tpl"],
                      "host": host, "encoding": enclab, "expected": doc["exp"]})
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d pages" % len(cases))

# ------------------------------------------------------------------------------------------ --check
ALIAS = {"国家发展和改革委员会": ["国家发展改革委"], "科技部": ["科学技术部"]}

def visible(raw, enc):
    s = raw.decode(enc)
    s = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", s)
    s = re.sub(r"(?s)<!--.*?-->", " ", s)
    s = re.sub(r"(?is)<head\b.*?</head>", " ", s)  # <title>/<meta> are not the page a reader sees
    s = re.sub(r"(?s)<[^>]+>", "", s)
    s = html.unescape(s)
    return re.sub(r"\s+", "", s)

def normnum(s):
    s = s.replace("[", "〔").replace("]", "〕").replace("【", "〔").replace("】", "〕")
    s = re.sub(r"（(\d{4})）", r"〔\1〕", s)
    return re.sub(r"\s+", "", s)

def date_forms(iso):
    y, m, d = iso.split("-")
    return [iso, "%s年%s月%s日" % (y, m, d), "%s年%d月%d日" % (y, int(m), int(d)), "%s/%s/%s" % (y, m, d)]

def check():
    lab = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    docs = {d["id"]: d for d in DOCS}
    bad = 0
    for c in lab["cases"]:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        cs = TPL[c["template"]][3]
        head_ = raw[:600].decode("ascii", "replace").lower()
        if cs is None:
            assert "charset" not in head_, c["file"]
        else:
            assert "charset=%s" % cs.lower() in head_, c["file"]
        text = visible(raw, c["encoding"])
        ntext = normnum(text)
        e = c["expected"]
        errs = []
        def need(v, what):
            if re.sub(r"\s+", "", v) not in text:
                errs.append("%s not visible: %s" % (what, v))
        need(e["title"], "title")
        if e["doc_number"]:
            d = docs[c["id"]]
            if d["kind"] == "order":
                need(d["order_head"], "order head"); need(d["order_no"], "order no")
            elif normnum(e["doc_number"]) not in ntext:
                errs.append("doc_number %s" % e["doc_number"])
        for k in ("written_date", "published_date"):
            if e[k] and not any(f in text for f in date_forms(e[k])):
                errs.append("%s %s" % (k, e[k]))
        for i in e["issuers"]:
            if not any(a in text for a in [i] + ALIAS.get(i, [])):
                errs.append("issuer %s" % i)
        for a in e["attachments"]:
            need(a, "attachment")
        for p in e["pilot_zone_cities"]:
            need(p, "city")
        for r in e["repeals"]:
            if normnum(r) not in ntext:
                errs.append("repeal %s" % r)
        if errs:
            bad += 1
            print(c["file"], errs)
    print("checked %d pages, %d with problems" % (len(lab["cases"]), bad))
    return bad == 0

if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    build()

#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Write the blind4 pages and labels.json from blind4_docs.py (run once; output frozen).

    python3 make_blind4.py           # write *.html and labels.json
    python3 make_blind4.py --check   # decode every page, strip markup, assert each label is visible

System python3 only; no project code is imported.
"""
import html
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from blind4_docs import DOCS, SIDEBARS, PRINTED_FORMS  # noqa: E402

E = html.escape


def ymd(s):
    m = re.match(r"(\d{4})\D(\d{1,2})\D(\d{1,2})", s)
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def hm(s):
    m = re.search(r"(\d{1,2}:\d{2})(:\d{2})?\s*$", s)
    return m.group(1) if m else ""


def cn(s, pad=False):
    y, m, d = ymd(s)
    return "%d年%02d月%02d日" % (y, m, d) if pad else "%d年%d月%d日" % (y, m, d)


def iso(s):
    return "%04d-%02d-%02d" % ymd(s)


def sig_iso(d):
    return iso(d["sigdate"].replace("年", "-").replace("月", "-").replace("日", "")) if d.get("sigdate") else None


def body_html(d, num_after_heading=False, indent="text-indent:2em;", pcls=None):
    out = []
    first_heading = True
    for p in d["body"]:
        if p.startswith("@@"):
            out.append('<p style="text-align:center;"><strong>%s</strong></p>' % E(p[2:]))
            if num_after_heading and first_heading and d.get("num"):
                for line in d["num"].split("\n"):
                    out.append('<p style="text-align:center;">%s</p>' % E(line))
            first_heading = False
        else:
            c = ' class="%s"' % pcls if pcls else ""
            out.append('<p%s style="%s">%s</p>' % (c, indent, E(p)))
    return "\n".join(out)


def sig_html(d, mode="right"):
    if not d["sig"]:
        return ""
    lines = list(d["sig"]) + [d["sigdate"]]
    if mode == "right":
        return "\n".join('<p style="text-align: right;">%s</p>' % E(x) for x in lines)
    if mode == "align":
        return "\n".join('<p align="right">%s</p>' % E(x) for x in lines)
    if mode == "nbsp":
        return "\n".join('<p>%s%s</p>' % ("&nbsp;" * 36, E(x)) for x in lines)
    if mode == "div":
        return '<div class="sign" style="float:right;text-align:center;">%s</div><div style="clear:both"></div>' % (
            "<br/>".join(E(x) for x in lines))
    raise ValueError(mode)


def others(d, n=3):
    items = [(t, num or "", dt) for t, num, dt in SIDEBARS[d["host"]] if t != d["title"]]
    earlier = [it for it in items if it[2] <= iso(d["pub"])]
    return (earlier if len(earlier) >= 2 else items)[:n]


def neighbours(d):
    same = [x for x in DOCS if x["host"] == d["host"]]
    i = same.index(d)
    prev = same[i - 1] if i > 0 else None
    nxt = same[i + 1] if i + 1 < len(same) else None
    return prev, nxt


def fname(d):
    return d["id"] + ".html"


# ------------------------------------------------------------------ T1 交通运输部 (TRS WCM, xxgk table)
def t_mot(d):
    title = d["title"]
    head_title = "中华人民共和国交通运输部" if d.get("sitetitle_only") else "%s_交通运输部" % title
    rel = "".join('<li><a href="../../kjs/202405/t20240516_4138%03d.html" target="_blank">%s</a><span>%s</span><em>%s</em></li>\n'
                  % (i, E(t), E(n), E(dt)) for i, (t, n, dt) in enumerate(others(d, 4)))
    prev, nxt = neighbours(d)
    pn = '<div class="pre_next"><p>上一篇：%s</p><p>下一篇：%s</p></div>' % (
        '<a href="%s">%s</a>' % (prev["url"], E(prev["title"])) if prev else "没有了",
        '<a href="%s">%s</a>' % (nxt["url"], E(nxt["title"])) if nxt else "没有了")
    if d["kind"] == "news":
        meta_block = '<div class="detail_info"><span>发布时间：%s</span><span>来源：%s</span><span class="font">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>' % (
            E(d["pub"]), E(d["src"]))
        num_block = ""
    else:
        numtxt = d["num"].replace("\n", "").replace("中华人民共和国", "")
        meta_block = """<div class="xxgk_table_box"><table class="xxgk_table" cellspacing="0" cellpadding="0">
<tr><td class="td_lable">索&nbsp;&nbsp;引&nbsp;&nbsp;号：</td><td>%s</td><td class="td_lable">主题分类：</td><td>%s</td></tr>
<tr><td class="td_lable">发布机构：</td><td>%s</td><td class="td_lable">成文日期：</td><td>%s</td></tr>
<tr><td class="td_lable">名&nbsp;&nbsp;&nbsp;&nbsp;称：</td><td colspan="3">%s</td></tr>
<tr><td class="td_lable">文&nbsp;&nbsp;&nbsp;&nbsp;号：</td><td>%s</td><td class="td_lable">发布日期：</td><td>%s</td></tr>
</table></div>""" % (E(d["idx"]), E(d["theme"]), "交通运输部" if d["kind"] == "order" else E("交通运输部" + ("办公厅" if "办公厅" in title[:9] else "")),
                      cn(sig_iso(d), pad=True), E(title), E(numtxt), cn(d["pub"], pad=True))
        num_block = ""
        if d["kind"] == "order":
            num_block = "".join('<p style="text-align:center;font-size:18px;">%s</p>' % E(x) for x in d["num"].split("\n"))
        else:
            num_block = '<p style="text-align:center;">%s</p>' % E(d["num"])
    atts = ""
    if d["atts"]:
        atts = '<div class="fujian"><p>附件：</p>' + "".join(
            '<p><a href="%s" OLDSRC="/xxgk/%s" appendix="true">%s</a></p>' % (h, h[2:], E(t)) for t, h in d["atts"]) + "</div>"
    sig = sig_html(d, "align")
    if d["kind"] == "order":
        sig = '<p align="right">%s</p><p align="right">%s</p>' % (E(d["sig"][0]), E(d["sigdate"]))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>%(head_title)s</title>
<meta name="SiteName" content="中华人民共和国交通运输部">
<meta name="SiteDomain" content="www.mot.gov.cn">
<meta name="SiteIDCode" content="bm27000001">
<meta name="ColumnName" content="政府信息公开">
<meta name="ArticleTitle" content="%(title)s">
<meta name="PubDate" content="%(stale)s">
<meta name="ContentSource" content="%(src)s">
<link rel="stylesheet" href="/images/mot_2020.css">
<script src="/images/jquery-1.12.4.min.js"></script>
<style>.xxgk_table td{border:1px solid #ddd;padding:6px 10px}.td_lable{font-weight:bold;background:#f5f5f5}</style>
</head>
<body>
<div class="top_bar"><div class="w1200"><span id="today"></span><a href="https://www.mot.gov.cn/">首页</a> | <a href="https://www.mot.gov.cn/English/">English</a> | <a href="/wzdt/">网站地图</a> | <a href="javascript:void(0)" id="wza">无障碍</a></div></div>
<div class="header"><a href="https://www.mot.gov.cn/"><img src="/images/logo_mot.png" alt="中华人民共和国交通运输部"></a>
<form action="https://www.mot.gov.cn/was5/web/search" method="get"><input name="searchword" placeholder="请输入关键词"><button>搜索</button></form></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jigou/">机构</a></li><li><a href="/zhengcejiedu/">政策</a></li><li><a href="/xinwen/">新闻</a></li><li><a href="/fuwu/">服务</a></li><li><a href="/hudong/">互动</a></li><li><a href="/shuju/">数据</a></li></ul></div>
<div class="w1200 main">
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="#">%(column)s</a></div>
<div class="left_content">
%(meta_block)s
<div class="article">
<h1 class="article_title">%(title)s</h1>
<div class="TRS_Editor"><div class="TRS_PreAppend" style="overflow-x: hidden; word-break: break-all">
%(num_block)s
%(body)s
%(sig)s
</div></div>
%(atts)s
<div class="share">分享到：<a class="bds_weixin" href="javascript:;">微信</a> <a class="bds_tsina" href="javascript:;">微博</a></div>
<div class="btns"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
%(pn)s
</div>
</div>
<div class="right_side"><div class="side_title">相关文件</div><ul class="rel_list">
%(rel)s</ul>
<div class="side_title">热点专题</div><ul><li><a href="/zhuanti/jiaotongqiangguo/">加快建设交通强国</a></li><li><a href="/zhuanti/2025lh/">2025年全国两会</a></li></ul></div>
</div>
<div class="footer"><p><a href="/wzsm/">网站声明</a> | <a href="/lxwm/">联系我们</a></p>
<p>主办单位：中华人民共和国交通运输部　地址：北京市东城区建国门内大街11号　邮编：100736</p>
<p>网站标识码：bm27000001　<a href="https://beian.miit.gov.cn/">京ICP备05046837号</a>　京公网安备 11040102700068号</p>
<p><script>document.write('<span id="_ideConac"></span>');</script></p></div>
<script type="text/javascript">var _trsid="mot"; var _trspubdate="%(stale)s";</script>
<script src="https://ta.trs.cn/c/js/ta.js?mpid=1207"></script>
</body>
</html>
""" % dict(head_title=E(head_title), title=E(title), stale=E(d["stale"]), src=E(d["src"]), column=E(d["src"]),
           meta_block=meta_block, num_block=num_block, body=body_html(d), sig=sig, atts=atts, pn=pn, rel=rel)


# ------------------------------------------------------------------ T2 国家知识产权局 (大汉 Hanweb JCMS, gb18030)
def t_cnipa(d):
    title = d["title"]
    col = "局新闻" if d["kind"] == "news" else ("公告" if d["kind"] == "announce" else "通知")
    num_block = ""
    if d.get("num"):
        num_block = "".join('<p style="text-align: center;">%s</p>' % E(x) for x in d["num"].split("\n"))
    src = '来源：%s' % E(d["src"])
    if d.get("author"):
        src += '　　作者：%s' % E(d["author"])
    atts = ""
    if d["atts"]:
        atts = '<p>附件：</p>' + "".join('<p><a href="%s" target="_blank">%s</a></p>' % (E(h), E(t)) for t, h in d["atts"])
    rel = "".join('<li><a href="/art/2025/1/%d/art_75_19%04d.html">%s</a><span>%s</span></li>' % (i + 3, 1200 + i, E(t), E(dt))
                  for i, (t, n, dt) in enumerate(others(d)))
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030" />
<title>国家知识产权局 %(col)s %(title)s</title>
<meta name="SiteName" content="国家知识产权局">
<meta name="SiteDomain" content="www.cnipa.gov.cn">
<meta name="SiteIDCode" content="bm22000001">
<meta name="ColumnName" content="%(col)s">
<meta name="ArticleTitle" content="%(title)s">
<meta name="PubDate" content="%(stale)s 00:00">
<meta name="ContentSource" content="%(srcm)s">
<link href="/images/index.css" rel="stylesheet" type="text/css" />
<script language="javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<div class="head"><div class="logo"><img src="/images/logo.png" alt="国家知识产权局 China National Intellectual Property Administration"/></div>
<div class="search"><input type="text" id="keyword" value="请输入关键字"/><a href="javascript:search()">搜索</a></div></div>
<div class="nav"><a href="/">首页</a><a href="/col/col3/index.html">机构</a><a href="/col/col7/index.html">新闻</a><a href="/col/col46/index.html">政务</a><a href="/col/col60/index.html">服务</a><a href="/col/col62/index.html">互动</a><a href="/col/col61/index.html">数据</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col46/index.html">政务</a> &gt; <a href="#">%(col)s</a></div>
<table width="1000" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td valign="top">
<!--<$[标题名称]>begin--><div class="article_title" style="font-size:24px;text-align:center;font-weight:bold;">%(title)s</div><!--<$[标题名称]>end-->
<div class="article_info">
<span>发布时间：<!--<$[发布日期]>begin-->%(pub)s<!--<$[发布日期]>end--></span>
<span>%(src)s</span>
<span>字号：[ <a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(12)">小</a> ]</span>
<span>浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=75&artid=%(artid)s"></script></span>
</div>
<div id="zoom" class="article_content">
<!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
%(num_block)s
%(body)s
%(sig)s
%(atts)s
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end-->
</div>
<div class="bshare">分享到：<a title="分享到微信">微信</a> <a title="分享到新浪微博">新浪微博</a> <a title="分享到QQ空间">QQ空间</a></div>
<div class="print"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.opener=null;window.open('','_self');window.close();">【关闭窗口】</a></div>
</td>
<td width="260" valign="top"><div class="right_box"><h3>相关信息</h3><ul>%(rel)s</ul></div></td></tr></table>
<div class="foot"><p>版权所有：国家知识产权局　地址：北京市海淀区蓟门桥西土城路6号　邮编：100088</p>
<p><a href="https://beian.miit.gov.cn" target="_blank">京ICP备06022179号</a>　京公网安备 11010802030180号　网站标识码：bm22000001</p>
<p><span id="_ideConac"></span></p></div>
<script>var _hmt = _hmt || [];(function(){var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?8a1b7c2f";document.body.appendChild(hm);})();</script>
</body>
</html>
""" % dict(col=col, title=E(title), stale=E(d["stale"]), srcm=E(d["src"]), pub=E(d["pub"]), src=src,
           artid=d["url"].rsplit("_", 1)[1].split(".")[0], num_block=num_block, body=body_html(d),
           sig=sig_html(d, "nbsp"), atts=atts, rel=rel)


# ------------------------------------------------------------------ T3 国务院国资委
def t_sasac(d):
    title = d["title"]
    charset = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n' if d["declared"] else ""
    num_block = ""
    if d.get("num"):
        num_block = "".join('<p align="center">%s</p>' % E(x) for x in d["num"].split("\n"))
    src = E(d["src"])
    if d.get("author"):
        src += "　作者：" + E(d["author"])
    sig = sig_html(d, "right")
    if d["kind"] == "order":
        sig = '<p style="text-align: right;">%s</p><p style="text-align: right;">%s</p>' % (E(d["sig"][0]), E(d["sigdate"]))
    rel = "".join('<li><a href="../c2%07d/content.html" target="_blank">%s</a>　%s　<span>[%s]</span></li>' % (i * 137, E(t), E(n), E(dt))
                  for i, (t, n, dt) in enumerate(others(d)))
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
%(charset)s<title>%(title)s-国务院国有资产监督管理委员会</title>
<meta name="keywords" content="国资委,国务院国资委,中央企业">
<meta name="description" content="%(title)s">
<link href="/images/sasac_2019.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/images/jquery.js"></script>
</head>
<body>
<input type="hidden" id="pubtime" name="pubtime" value="%(stale)s" />
<div class="zsy_top"><div class="zsy_top_con"><a href="/">首页</a> <a href="/n2588020/index.html">简体</a> <a href="http://en.sasac.gov.cn/">English</a> <a href="/n2588020/n2877928/index.html">无障碍</a></div></div>
<div class="zsy_logo"><img src="/images/zsy_logo.png" alt="国务院国有资产监督管理委员会"/></div>
<div class="zsy_nav"><ul><li><a href="/">首页</a></li><li><a href="/n2588020/">机构概况</a></li><li><a href="/n2588025/">新闻发布</a></li><li><a href="/n2588035/">政务公开</a></li><li><a href="/n2588040/">在线服务</a></li><li><a href="/n2588045/">互动交流</a></li></ul></div>
<div class="zsy_main">
<div class="zsy_location">当前位置：<a href="/">首页</a> &gt; <a href="/n2588035/index.html">政务公开</a> &gt; <a href="/n2588035/n2588320/index.html">政策发布</a></div>
<div class="zsy_conth">
<h2 style="font-size:26px;text-align:center;">%(title)s</h2>
<div class="zsy_cotitle">文章来源：%(src)s　　发布时间：%(pub)s　　<a href="javascript:window.print();">[打印本页]</a> <a href="javascript:window.close();">[关闭窗口]</a></div>
</div>
<div class="zsy_comain">
<div id="div_content">
%(num_block)s
%(body)s
%(sig)s
</div>
</div>
<div class="zsy_xgxx"><h4>相关链接</h4><ul>%(rel)s</ul></div>
</div>
<div class="zsy_foot"><p><a href="/n2588020/n2877938/index.html">网站地图</a> | <a href="/n2588020/n2877933/index.html">联系我们</a></p>
<p>版权所有：国务院国有资产监督管理委员会　<a href="https://beian.miit.gov.cn/">京ICP备05071014号</a>　网站标识码bm36000002</p>
<p>京公网安备 11010202007574号</p></div>
<script type="text/javascript">document.write(unescape("%%3Cspan id='_ideConac' %%3E%%3C/span%%3E"));</script>
</body>
</html>
""" % dict(charset=charset, title=E(title), stale=E(d["stale"]), src=src, pub=E(d["pub"]), num_block=num_block,
           body=body_html(d), sig=sig, rel=rel)


# ------------------------------------------------------------------ T4 山西省科学技术厅 (TRS, gbk, dl metadata, split dates)
def split_date(s):
    y, m, dd = ymd(s)
    return '<span class="y">%d</span>年<span class="m">%02d</span>月<span class="d">%02d</span>日' % (y, m, dd)


def t_shanxi(d):
    title = d["title"]
    head_title = title if d["kind"] == "news" else "%s-山西省科学技术厅" % title
    meta = ""
    if d["kind"] == "notice":
        meta = """<div class="xxgk-meta">
<dl><dt>索&nbsp;引&nbsp;号：</dt><dd>11140000012345678X/2025-%05d</dd></dl>
<dl><dt>发文机关：</dt><dd>%s</dd></dl>
<dl><dt>成文日期：</dt><dd>%s</dd></dl>
<dl><dt>标　　题：</dt><dd>%s</dd></dl>
<dl><dt>发文字号：</dt><dd>%s</dd></dl>
<dl><dt>发布日期：</dt><dd>%s</dd></dl>
</div>""" % (int(d["url"].rsplit("_", 1)[1].split(".")[0]) % 90000, E("　".join(d["sig"])), split_date(sig_iso(d)), E(title), E(d["num"]), split_date(d["pub"]))
    num_block = '<p style="text-align:center;">%s</p>' % E(d["num"]) if d.get("num") else ""
    atts = ""
    if d["atts"]:
        atts = '<div class="fjxz"><span>附件下载：</span><ul>' + "".join(
            '<li><a href="%s" OLDSRC="/kjt/%s">%s</a></li>' % (h, h[2:], E(t)) for t, h in d["atts"]) + "</ul></div>"
    side = "".join('<li><a href="#">%s</a><p>%s</p></li>' % (E(t), E("　".join(x for x in (n, dt) if x))) for t, n, dt in others(d))
    prev, nxt = neighbours(d)
    return """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>%(head_title)s</title>
<meta name="SiteName" content="山西省科学技术厅">
<meta name="ColumnName" content="通知公告">
<meta name="ArticleTitle" content="%(title)s">
<meta name="PubDate" content="%(stale)s 08:30">
<meta name="ContentSource" content="%(src)s">
<link rel="stylesheet" href="../../../images/style.css">
<style>.xxgk-meta dl{display:inline-block;width:48%%;margin:4px 0}.xxgk-meta dt{display:inline;font-weight:bold}.xxgk-meta dd{display:inline;margin:0}</style>
</head>
<body>
<div class="top"><div class="wrap"><span>欢迎访问山西省科学技术厅网站</span><a href="/">首页</a><a href="javascript:;" onclick="AddFavorite()">加入收藏</a><a href="/wza/">无障碍浏览</a></div></div>
<div class="banner"><img src="../../../images/banner.jpg" alt="山西省科学技术厅"></div>
<div class="menu"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/xwzx/">新闻中心</a><a href="/bsfw/">办事服务</a><a href="/hdjl/">互动交流</a><a href="/ztzl/">专题专栏</a></div>
<div class="wrap">
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="./">%(col)s</a></div>
<div class="detail">
%(meta)s
<h2 class="detail-title">%(title)s</h2>
<div class="detail-info">发布日期：%(pubsplit)s　　来源：%(src)s　　<span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span>　<span>浏览量：<span id="readCount">--</span></span></div>
<div class="TRS_Editor">
%(num_block)s
%(body)s
%(sig)s
</div>
%(atts)s
<div class="detail-tool"><a href="javascript:window.print();">打印</a> | <a href="javascript:window.close();">关闭</a></div>
<div class="sxp"><p>上一篇：%(prev)s</p><p>下一篇：%(nxt)s</p></div>
</div>
<div class="side"><h3>最新文件</h3><ul>%(side)s</ul></div>
</div>
<div class="footer"><p>主办：山西省科学技术厅　地址：太原市迎泽大街321号　邮编：030001</p>
<p><a href="https://beian.miit.gov.cn/">晋ICP备05001634号</a>　晋公网安备 14010502000111号　网站标识码：1400000027</p></div>
<script>var currentDocId="%(docid)s";$.get("/trsapp/counter.jsp?docid="+currentDocId,function(r){document.getElementById("readCount").innerHTML=r;});</script>
</body>
</html>
""" % dict(head_title=E(head_title), title=E(title), stale=E(d["stale"]), src=E(d["src"]),
           col="新闻动态" if d["kind"] == "news" else "通知公告", meta=meta, pubsplit=split_date(d["pub"]),
           num_block=num_block, body=body_html(d), sig=sig_html(d, "right"), atts=atts, side=side,
           prev=E(prev["title"]) if prev else "无", nxt=E(nxt["title"]) if nxt else "无",
           docid=d["url"].rsplit("_", 1)[1].split(".")[0])


# ------------------------------------------------------------------ T5 广西科技厅 (广西集约化平台, attachments outside the text)
def t_gxzf(d):
    title = d["title"]
    atts = ""
    if d["atts"]:
        atts = '<div class="article-file"><h4>附件下载：</h4><ul>' + "".join(
            '<li><a href="%s" target="_blank" title="%s">%s</a></li>' % (E(h), E(t), E(t)) for t, h in d["atts"]) + "</ul></div>"
    side = "".join('<li><a href="#" title="%s">%s</a><span class="num">%s</span><span class="date">%s</span></li>' % (E(t), E(t), E(n), E(dt))
                   for t, n, dt in others(d))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>%(title)s - 广西壮族自治区科学技术厅网站</title>
<meta name="SiteName" content="广西壮族自治区科学技术厅网站">
<meta name="SiteDomain" content="kjt.gxzf.gov.cn">
<meta name="SiteIDCode" content="4500000036">
<meta name="ColumnName" content="法定主动公开内容">
<meta name="ArticleTitle" content="%(title)s">
<meta name="PubDate" content="%(stale)s">
<meta name="ContentSource" content="%(src)s">
<link rel="stylesheet" href="/images/gx_common.css">
</head>
<body>
<div class="topbar"><div class="container"><span class="weather"></span><a href="http://www.gxzf.gov.cn/">广西壮族自治区人民政府门户网站</a><a href="/">首页</a><a href="javascript:;" id="cniil_wza">无障碍</a><a href="javascript:;" class="ct_old">长者模式</a></div></div>
<div class="header"><div class="container"><a href="/" class="logo"><img src="/images/logo.png" alt="广西壮族自治区科学技术厅"></a></div></div>
<div class="nav"><div class="container"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/xwdt/">新闻动态</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a></div></div>
<div class="container">
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zfxxgk/">政府信息公开</a> &gt; <a href="#">法定主动公开内容</a></div>
<div class="people-desc"><table>
<tr><td class="tit">索引号：</td><td>%(idx)s</td><td class="tit">文号：</td><td>%(num)s</td></tr>
<tr><td class="tit">发文单位：</td><td>%(issuer)s</td><td class="tit">成文日期：</td><td>%(written)s</td></tr>
<tr><td class="tit">标题：</td><td colspan="3">%(title)s</td></tr>
<tr><td class="tit">发布日期：</td><td>%(pubd)s</td><td class="tit">有效性：</td><td>有效</td></tr>
</table></div>
<div class="article">
<h1>%(title)s</h1>
<div class="article-inf"><div class="article-inf-left">发布时间：%(pub)s　　来源：%(src)s</div>
<div class="article-inf-right"><span>字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></span><span class="share">分享到：<i class="wx"></i><i class="wb"></i></span></div></div>
<div class="article-con"><div class="view TRS_UEDITOR trs_paper_default trs_web">
%(body)s
%(sig)s
</div></div>
%(atts)s
<div class="qr"><img src="/images/qr.png" alt=""><p>扫一扫在手机打开当前页</p></div>
<div class="article-tool"><a href="javascript:window.print();">打印本页</a> <a href="javascript:window.close();">关闭窗口</a></div>
</div>
<div class="related"><h3>相关文章</h3><ul>%(side)s</ul></div>
</div>
<div class="footer"><div class="container">
<p>主办单位：广西壮族自治区科学技术厅　地址：南宁市星湖路20号　邮编：530022</p>
<p>网站标识码：4500000036　<a href="https://beian.miit.gov.cn">桂ICP备13003003号-1</a>　桂公网安备 45010302000459号</p></div></div>
<script src="/images/jquery.min.js"></script>
<script>var _maq=_maq||[];_maq.push(['_setAccount','kjt']);(function(){var ma=document.createElement('script');ma.src='//wa.gxzf.gov.cn/ma.js';document.body.appendChild(ma);})();</script>
</body>
</html>
""" % dict(title=E(title), stale=E(d["stale"]), src=E(d["src"]), idx=E(d["idx"]), num=E(d["num"] or ""),
           issuer=E(" ".join(d["sig"])), written=iso(sig_iso(d)), pubd=iso(d["pub"]), pub=E(d["pub"]),
           body=body_html(d, indent="text-indent:2em;font-family:仿宋_GB2312;"), sig=sig_html(d, "right"), atts=atts, side=side)


# ------------------------------------------------------------------ T6 宁波市科学技术局 (Zhejiang Hanweb, gb2312 label / GBK bytes)
def t_ningbo(d):
    title = d["title"]
    num_block = '<p style="text-align:center;">%s</p>' % E(d["num"]) if d.get("num") else ""
    atts = ""
    if d["atts"]:
        atts = '<p>附件：</p>' + "".join('<p><a href="%s">%s</a></p>' % (E(h), E(t)) for t, h in d["atts"])
    side = "".join('<tr><td><a href="#">%s</a></td><td>%s</td><td>%s</td></tr>' % (E(t), E(n), E(dt)) for t, n, dt in others(d))
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<meta http-equiv="X-UA-Compatible" content="IE=edge" />
<title>%(title)s</title>
<meta name="SiteName" content="宁波市科学技术局">
<meta name="SiteIDCode" content="3302000043">
<meta name="ArticleTitle" content="%(title)s">
<meta name="Maketime" content="%(stale)s 10:22:13">
<meta name="ContentSource" content="%(src)s">
<link rel="stylesheet" type="text/css" href="/script/0/css/style.css" />
<script type="text/javascript" src="/script/jquery.js"></script>
</head>
<body>
<div id="top"><div class="top_in"><span>今天是：<script>document.write(new Date().toLocaleDateString());</script></span><a href="/">网站首页</a> <a href="/col/col1229063359/index.html">政务公开</a> <a href="javascript:;">无障碍</a></div></div>
<div id="banner"><img src="/picture/0/banner_kjj.jpg" alt="宁波市科学技术局" /></div>
<div id="nav"><a href="/">首页</a><a href="/col/col1229063359/index.html">政府信息公开</a><a href="/col/col1229063371/index.html">科技动态</a><a href="/col/col1229063375/index.html">通知公告</a><a href="/col/col1229063380/index.html">办事服务</a><a href="/col/col1229063385/index.html">互动交流</a></div>
<table width="1100" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="bt_link">您现在所在的位置：<a href="/">首页</a> &gt; <a href="/col/col1229063375/index.html">通知公告</a></td></tr>
<tr><td>
<table width="100%%" border="0" cellspacing="0" cellpadding="0">
<tr><td align="center" class="title"><!--<$[标题名称]>begin-->%(title)s<!--<$[标题名称]>end--></td></tr>
<tr><td align="center" class="bt_time" style="border-bottom:1px dashed #ccc">信息来源：<!--<$[信息来源]>begin-->%(src)s<!--<$[信息来源]>end-->　　发布日期：<!--<$[发布日期]>begin-->%(pub)s<!--<$[发布日期]>end-->　　浏览次数：<span id="ddd"><script language="javascript" src="/module/visitcount/articlehits.jsp?colid=1229063375&artid=%(artid)s"></script></span>　　字体：[<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</td></tr>
<tr><td class="bt_content" id="zoom">
<!--<$[信息内容]>begin--><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
%(num_block)s
%(body)s
<p>&nbsp;</p>
%(sig)s
%(atts)s
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--><!--<$[信息内容]>end-->
</td></tr>
<tr><td align="right" style="padding:10px 20px">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>
</table>
</td></tr>
<tr><td><div class="xgwz"><h4>相关文件</h4><table width="100%%">%(side)s</table></div></td></tr>
</table>
<div id="footer"><p>主办单位：宁波市科学技术局　地址：宁波市鄞州区宁穿路2001号　编辑：周喆</p>
<p><a href="https://beian.miit.gov.cn/">浙ICP备05007396号</a>　浙公网安备 33020302000104号　网站标识码：3302000043</p>
<p>技术支持：大汉网络</p></div>
<script language="javascript" src="/script/0/zjzwfw_foot.js"></script>
</body>
</html>
""" % dict(title=E(title), stale=E(d["stale"]), src=E(d["src"]), pub=E(d["pub"]),
           artid=d["url"].rsplit("_", 1)[1].split(".")[0], num_block=num_block, body=body_html(d),
           sig=sig_html(d, "nbsp"), atts=atts, side=side)


# ------------------------------------------------------------------ T7 福田区 (gkmlpt)
def t_szft(d):
    title = d["title"]
    site = "深圳市福田区人民政府门户网站"
    head_title = site if d["id"] in ("b4_ft_1", "b4_ft_3") else "%s - %s" % (title, site)
    atts = ""
    if d["atts"]:
        atts = "".join('<p><a href="%s" target="_blank"><img src="/images/icon_%s.gif" alt="">%s</a></p>' % (E(h), h.rsplit(".", 1)[1], E(t))
                       for t, h in d["atts"])
    side = "".join('<li><a href="#">%s</a><span>%s</span></li>' % (E(t), E(dt)) for t, n, dt in others(d))
    return """<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1.0,maximum-scale=1.0,user-scalable=no">
<title>%(head_title)s</title>
<meta name="SiteName" content="深圳市福田区人民政府门户网站">
<meta name="SiteIDCode" content="4403040001">
<meta name="ColumnName" content="政府信息公开">
<meta name="ArticleTitle" content="%(title)s">
<link rel="stylesheet" href="/gkmlpt/static/css/detail.css">
<script>window._CONFIG={SID:"755015",pub_time:"%(stale)s 00:00:00",post_id:"%(pid)s"};</script>
</head>
<body>
<div class="header"><div class="top-links"><a href="http://www.szft.gov.cn/">福田区政府门户网站</a> | <a href="http://www.sz.gov.cn/">深圳政府在线</a> | <a href="javascript:;">无障碍</a> | <a href="javascript:;">关怀版</a></div>
<div class="logo"><img src="/gkmlpt/static/img/logo_ft.png" alt="深圳市福田区人民政府"></div></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/gkmlpt/index">政府信息公开</a> &gt; <a href="/gkmlpt/index#2101">政策文件</a></div>
<div class="main clearfix">
<div class="introduce"><table>
<tr><th>索引号：</th><td>%(idx)s</td><th>分类：</th><td>%(cls)s</td></tr>
<tr><th>发布机构：</th><td>%(poster)s</td><th>成文日期：</th><td>%(written)s</td></tr>
<tr><th>名称：</th><td colspan="3">%(title)s</td></tr>
<tr><th>文号：</th><td>%(num)s</td><th>发布日期：</th><td>%(pubd)s</td></tr>
</table></div>
<div class="content">
<h1 class="title">%(title)s</h1>
<div class="date-row"><span>发布日期：%(pubd)s</span><span>来源：%(src)s</span><span class="font">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div class="article-content">
%(body)s
%(sig)s
%(atts)s
</div>
<div class="share">分享：<a class="wechat">微信</a><a class="weibo">微博</a></div>
</div>
<div class="side"><h3>相关政策</h3><ul>%(side)s</ul></div>
</div>
<div class="footer"><p>主办单位：深圳市福田区人民政府办公室　承办单位：深圳市福田区政务服务数据管理局</p>
<p><a href="https://beian.miit.gov.cn/">粤ICP备12003452号</a>　粤公网安备 44030402002345号　网站标识码：4403040001</p></div>
<script src="/gkmlpt/static/js/vendor.js"></script><script src="/gkmlpt/static/js/detail.js"></script>
</body>
</html>
""" % dict(head_title=E(head_title), title=E(title), stale=E(d["stale"]), pid=d["url"].rsplit("_", 1)[1].split(".")[0],
           idx=E(d["idx"]), cls="其他" if d["kind"] == "repost" else "规范性文件", poster=E(d["src"] if d["kind"] == "repost" else " ".join(d["sig"])),
           written=iso(sig_iso(d)), num=E(d["num"] or ""), pubd=iso(d["pub"]), src=E(d["src"]),
           body=body_html(d), sig=sig_html(d, "right"), atts=atts, side=side)


# ------------------------------------------------------------------ T8 浦东新区 (portal + print view)
def t_pudong(d):
    title = d["title"]
    if d.get("print_view"):
        num_block = '<p style="text-align:center;">%s</p>' % E(d["num"])
        atts = '<div class="fj">' + "".join('<p>%s</p>' % ('<a href="%s">%s</a>' % (E(h), E(t))) for t, h in d["atts"]) + "</div>"
        return """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>打印页面</title>
<style>body{font-family:SimSun;width:760px;margin:0 auto}.noprint{text-align:right}@media print{.noprint{display:none}}</style>
</head>
<body onload="window.print()">
<div class="noprint"><a href="javascript:window.print()">[打印]</a> <a href="javascript:window.close()">[关闭]</a></div>
<h2 style="text-align:center">%(title)s</h2>
<p style="text-align:center;color:#666">发布日期：%(pub)s　　来源：%(src)s</p>
<hr>
%(num_block)s
%(body)s
%(sig)s
%(atts)s
<hr><p style="text-align:center;font-size:12px">上海市浦东新区人民政府 版权所有</p>
</body>
</html>
""" % dict(title=E(title), pub=E(d["pub"]), src=E(d["src"]), num_block=num_block, body=body_html(d),
           sig=sig_html(d, "div"), atts=atts)
    info = ""
    if d.get("num"):
        info = """<ul class="xxgk_info">
<li><span>发文机关：</span>%s</li><li><span>文　　号：</span>%s</li>
<li><span>成文日期：</span>%s</li><li><span>发布日期：</span>%s</li>
<li><span>有 效 性：</span>有效</li><li><span>主题分类：</span>综合政务</li></ul>""" % (
            E("、".join(d["sig"])), E(d["num"]), cn(sig_iso(d)), cn(d["pub"]))
    by = '来源：%s' % E(d["src"])
    if d.get("author"):
        by += '　　作者：%s' % E(d["author"])
    side = "".join('<li><a href="#">%s</a><i>%s</i></li>' % (E(t), E(dt)) for t, n, dt in others(d))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%(title)s-上海市浦东新区人民政府</title>
<meta name="SiteName" content="上海市浦东新区人民政府">
<meta name="ArticleTitle" content="%(title)s">
<meta name="PubDate" content="%(stale)s 09:00:00">
<meta name="ContentSource" content="%(src)s">
<link rel="stylesheet" href="/static/css/pd_detail.css">
</head>
<body>
<header class="pd-header"><div class="pd-top"><a href="https://www.pudong.gov.cn/">浦东门户</a> <a href="/english/">English</a> <a href="javascript:;">无障碍</a></div>
<div class="pd-logo"><img src="/static/img/logo.png" alt="上海市浦东新区人民政府"></div>
<nav><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/zjpd/">走进浦东</a></nav></header>
<div class="pd-main">
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="#">%(col)s</a></div>
%(info)s
<div class="article">
<h2 class="article-title">%(title)s</h2>
<div class="article-meta"><span>发布时间：%(pub)s</span><span>%(by)s</span><span>【字号 <a>大</a> <a>中</a> <a>小</a>】</span><span><a href="%(printurl)s" target="_blank">【打印】</a></span></div>
<div class="article-body" id="ivs_content">
%(body)s
%(sig)s
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
</div>
<aside class="pd-side"><h4>最新文件</h4><ul>%(side)s</ul></aside>
</div>
<footer><p>主办：上海市浦东新区人民政府　承办：上海市浦东新区大数据中心</p>
<p><a href="https://beian.miit.gov.cn/">沪ICP备2020032435号-1</a>　沪公网安备 31011502015263号　网站标识码：3101150001</p></footer>
<script src="/static/js/jquery.min.js"></script>
<script>var _pdpv={id:"%(pid)s",t:"%(stale)s"};</script>
</body>
</html>
""" % dict(title=E(title), stale=E(d["stale"]), src=E(d["src"]), col="浦东要闻" if d["kind"] == "news" else "政策文件",
           info=info, pub=E(d["pub"]), by=by, printurl=E(d["url"] + "?print=1"), body=body_html(d), sig=sig_html(d, "right"),
           side=side, pid=d["url"].rsplit("/", 1)[1].split(".")[0])


# ------------------------------------------------------------------ T9 央视网
def t_cctv(d):
    title = d["title"]
    editors = ('编辑：%s　' % E(d["author"]) if d.get("author") else "") + "责任编辑：刘亮"
    side = "".join('<li><a href="https://news.cctv.com/%s/ARTI%03d.shtml" target="_blank">%s</a></li>' % (dt.replace("-", "/"), i, E(t))
                   for i, (t, n, dt) in enumerate(others(d)))
    return """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>%(title)s_新闻频道_央视网(cctv.com)</title>
<meta name="keywords" content="人工智能">
<meta name="description" content="%(title)s">
<meta name="filetype" content="1">
<meta name="publishedtype" content="1">
<meta name="pagetype" content="1">
<meta name="catalogs" content="PAGEbQ8dY7n3">
<meta name="contentid" content="%(cid)s">
<meta name="publishdate" content="%(stale)s">
<meta name="author" content="%(author)s">
<meta name="source" content="%(src)s">
<link rel="stylesheet" href="//p1.img.cctvpic.com/photoAlbum/templet/common/DEPA1546583592748817/style.css">
<script src="//p1.img.cctvpic.com/photoAlbum/templet/js/jquery-1.7.2.min.js"></script>
</head>
<body>
<div class="nav_top"><a href="https://www.cctv.com/">央视网</a> <a href="https://news.cctv.com/">新闻</a> <a href="https://sports.cctv.com/">体育</a> <a href="https://tv.cctv.com/">电视</a> <a href="https://tv.cctv.com/live/">直播</a> <a href="https://app.cctv.com/">客户端</a></div>
<div class="column_wrapper">
<div class="col_w660">
<div class="title_area">
<h1>%(title)s</h1>
<div class="info1">来源：%(src)s | %(pub)s</div>
<div class="info2"><span class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="qq">QQ空间</a></span></div>
</div>
<div class="content_area" id="content_area">
%(body)s
%(sig)s
</div>
<div class="zebian"><span class="bianji">%(editors)s</span></div>
<div class="xgxw"><h3>相关新闻</h3><ul>%(side)s</ul></div>
</div>
<div class="col_w300"><div class="rmtj"><h3>热门推荐</h3><ul><li><a>总台“AI+”系列报道</a></li><li><a>数说中国经济</a></li></ul></div></div>
</div>
<div class="page_footer"><p>央视网 版权所有 <a href="https://beian.miit.gov.cn/">京ICP证060535号</a> 网上传播视听节目许可证（0102004）</p>
<p>京公网安备 11010202000017号 | 网络文化经营许可证 京网文[2023]1234-005号</p></div>
<script>var _ctvs_itemid="%(cid)s";var _ctvs_pubtime="%(stale)s";</script>
<script src="//js.data.cctv.com/__aplus_plugin_cctv.js,aplus_plugin_aplus_u.js"></script>
</body>
</html>
""" % dict(title=E(title), cid=d["url"].rsplit("/", 1)[1].split(".")[0], stale=E(d["stale"]), author=E(d.get("author") or ""),
           src=E(d["src"]), pub=E(d["pub"]), body=body_html(d, num_after_heading=True), sig=sig_html(d, "right"),
           editors=editors, side=side)


# ------------------------------------------------------------------ T10 中国经济网 (gb2312 label / GBK bytes; one without charset)
def t_cecn(d):
    title = d["title"]
    charset = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />\n' if d["declared"] else ""
    side = "".join('<li><a href="#">%s</a> <span>%s</span></li>' % (E(t), E(dt)) for t, n, dt in others(d))
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
%(charset)s<title>%(title)s_中国经济网——国家经济门户</title>
<meta name="keywords" content="%(title)s">
<meta name="filetype" content="0">
<meta name="publishedtype" content="1">
<meta name="pagetype" content="1">
<meta name="catalogs" content="gdxw">
<meta name="publishdate" content="%(stale)s">
<meta name="author" content="%(author)s">
<meta name="source" content="%(src)s">
<link href="http://www.ce.cn/css/2013/ce_art.css" rel="stylesheet" type="text/css" />
</head>
<body>
<div class="ce_top"><a href="http://www.ce.cn/">中国经济网首页</a> | <a href="http://www.ce.cn/xwzx/">新闻</a> | <a href="http://finance.ce.cn/">财经</a> | <a href="http://www.ce.cn/cysc/">产经</a> | <a href="http://district.ce.cn/">地方</a> | <a href="http://paper.ce.cn/">经济日报</a></div>
<div class="ce_logo"><img src="http://www.ce.cn/images/2013/logo.gif" alt="中国经济网——国家经济门户" /></div>
<div class="ce_path">您的位置：<a href="http://www.ce.cn/">首页</a>&gt;<a href="http://www.ce.cn/xwzx/">新闻</a>&gt;<a href="http://www.ce.cn/xwzx/gnsz/">国内时政</a>&gt;<a href="#">%(col)s</a></div>
<div class="ce_main">
<div id="articleTitle"><h1>%(title)s</h1></div>
<div class="ce_info"><span id="articleTime">%(pub)s</span>　<span id="articleSource">来源：%(src)s</span>　<span class="fontsize">【<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】</span></div>
<div id="articleText"><div class="TRS_Editor">
%(body)s
%(sig)s
</div></div>
<div class="ce_editor">（责任编辑：王珺）</div>
<div class="ce_share">分享到：<a>微信</a> <a>微博</a></div>
</div>
<div class="ce_side"><h3>推荐阅读</h3><ul>%(side)s</ul></div>
<div class="ce_foot"><p>中国经济网 版权所有　互联网新闻信息服务许可证(10120170008)</p>
<p><a href="https://beian.miit.gov.cn/">京ICP备08100501号</a>　京公网安备 11010102001209号</p></div>
<script type="text/javascript" src="http://www.ce.cn/js/ce_tj.js"></script>
</body>
</html>
""" % dict(charset=charset, title=E(title), stale=E(d["stale"]), author=E(d.get("author") or ""), src=E(d["src"]),
           col="政策法规" if d["kind"] == "notice" else "滚动新闻", pub=E(d["pub"]),
           body=body_html(d, num_after_heading=True), sig=sig_html(d, "right"), side=side)


TEMPLATES = {"mot_trs": t_mot, "cnipa_hanweb": t_cnipa, "sasac": t_sasac, "shanxi_trs": t_shanxi, "gxzf": t_gxzf,
             "ningbo_hanweb": t_ningbo, "szft_gkmlpt": t_szft, "pudong": t_pudong, "cctv": t_cctv, "cecn": t_cecn}


def write():
    cases = []
    for d in DOCS:
        page = TEMPLATES[d["tpl"]](d)
        data = page.encode(d["enc"])
        with open(os.path.join(HERE, fname(d)), "wb") as f:
            f.write(data)
        cases.append({"id": d["id"], "file": fname(d), "url": d["url"], "template": d["tpl"], "host": d["host"],
                      "encoding": d["enc"], "expected": d["exp"]})
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d pages" % len(cases))


# ------------------------------------------------------------------ --check
CN_NUM = "〇一二三四五六七八九"


def cn_year(y):
    return "".join(CN_NUM[int(c)] for c in str(y))


def cn_small(n):
    if n < 10:
        return CN_NUM[n]
    if n < 20:
        return "十" + (CN_NUM[n % 10] if n % 10 else "")
    return CN_NUM[n // 10] + "十" + (CN_NUM[n % 10] if n % 10 else "")


def date_forms(s):
    y, m, d = ymd(s)
    return ["%d年%d月%d日" % (y, m, d), "%d年%02d月%02d日" % (y, m, d), "%d-%02d-%02d" % (y, m, d),
            "%d/%02d/%02d" % (y, m, d), "%d.%02d.%02d" % (y, m, d),
            "%s年%s月%s日" % (cn_year(y), cn_small(m), cn_small(d))]


def visible_text(raw, enc):
    s = raw.decode(enc)
    s = re.sub(r"(?is)<script.*?</script>", "", s)
    s = re.sub(r"(?is)<style.*?</style>", "", s)
    s = re.sub(r"(?s)<!--.*?-->", "", s)
    s = re.sub(r"(?s)<[^>]+>", "", s)
    s = html.unescape(s)
    return re.sub(r"\s+", "", s.replace("\u3000", " ").replace("\xa0", " "))


def norm_brackets(s):
    s = s.translate(str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "［": "〔", "］": "〕"}))
    return re.sub(r"（(\d{4})）", r"〔\1〕", s)


def amount_forms(n):
    out = []
    if n % 10000 == 0:
        w = n // 10000
        out.append("%d万元" % w)
    if n % 100000000 == 0:
        out.append("%d亿元" % (n // 100000000))
    return out


def check():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))["cases"]
    bad = 0
    for c in labels:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        d = next(x for x in DOCS if x["id"] == c["id"])
        problems = []
        head = raw[:1500].decode("ascii", "replace").lower()
        if d["declared"] is None:
            if "charset" in head:
                problems.append("charset declared on a no-charset page")
        elif "charset=%s" % d["declared"] not in head.replace('"', "").replace("'", ""):
            problems.append("declared charset missing: %s" % d["declared"])
        if d["declared"] == "gb2312":
            try:
                raw.decode("gb2312")
                problems.append("gb2312-labelled page has no GBK-only bytes")
            except UnicodeDecodeError:
                pass
        t = visible_text(raw, c["encoding"])
        tn = norm_brackets(t)
        e = c["expected"]

        def need(val, where, text=t):
            if re.sub(r"\s+", "", val) not in text:
                problems.append("%s not visible: %s" % (where, val))

        need(e["title"], "title")
        if e["doc_number"]:
            need(e["doc_number"], "doc_number", tn)
        for i in e["issuers"]:
            forms = PRINTED_FORMS.get(i, [i])
            if not any(f in t for f in forms):
                problems.append("issuer not visible: " + i)
        for k in ("written_date", "published_date"):
            if e[k] and not any(f in t for f in date_forms(e[k])):
                problems.append("%s not visible: %s" % (k, e[k]))
        for city in e["pilot_zone_cities"]:
            need(city, "pilot city")
        for r in e["repeals"]:
            need(r, "repeal", tn)
        for a in e["attachments"]:
            need(a, "attachment")
        for f in e.get("funding", []):
            if f["max_amount_yuan"] and not any(x in t for x in amount_forms(f["max_amount_yuan"])):
                problems.append("amount not visible: %s" % f["max_amount_yuan"])
            if f["fund_size_yuan"] and not any(x in t for x in amount_forms(f["fund_size_yuan"])):
                problems.append("fund size not visible: %s" % f["fund_size_yuan"])
            if f["ratio"] and ("%d%%" % round(f["ratio"] * 100)) not in t:
                problems.append("ratio not visible: %s" % f["ratio"])
        # the page's own published date must differ from the stale hidden meta date where we planted one
        if e["published_date"] and d.get("stale") and iso(d["stale"]) == e["published_date"]:
            pass
        if problems:
            bad += 1
            print(c["file"], "; ".join(problems))
    hosts = {c["host"] for c in labels}
    tpls = {c["template"] for c in labels}
    print("%d pages, %d hosts, %d templates, %d with problems" % (len(labels), len(hosts), len(tpls), bad))
    return bad == 0


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    write()

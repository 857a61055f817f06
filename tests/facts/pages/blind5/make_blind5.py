# -*- coding: utf-8 -*-
"""blind5 page generator: 10 templates x 4 pages, from blind5_docs.DOCS.

    python3 make_blind5.py          # write *.html and labels.json (run once, then frozen)
    python3 make_blind5.py --check  # decode every page, strip markup, assert each label is visible

System python3 only; no third-party modules.
"""
import html
import json
import os
import re
import sys
from urllib.parse import urlparse

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from blind5_docs import DOCS  # noqa: E402

# template -> (declared charset or None per page decided in template, codec of the bytes, label)
ENC = {
    "mohurd": ("utf-8", "utf-8", "utf-8"),
    "mofcom": ("gb18030", "gb18030", "gb18030"),
    "nmg": ("gbk", "gbk", "gbk"),
    "gansu": ("gb2312", "gbk", "gbk"),        # labelled gb2312, bytes GBK (a few chars outside GB2312)
    "wenzhou": ("utf-8", "utf-8", "utf-8"),
    "dl": ("utf-8", "utf-8", "utf-8"),         # the print views declare no charset at all
    "tjbh": ("gb18030", "gb18030", "gb18030"),
    "bjchy": ("utf-8", "utf-8", "utf-8"),
    "yicai": ("utf-8", "utf-8", "utf-8"),
    "foshan": ("utf-8", "utf-8", "utf-8"),
}

E = html.escape


def paras(body, style="text-indent:2em;", tag="p", extra=""):
    out = []
    for b in body:
        if len(b) < 40 and not b.endswith("。") and not b.startswith(("第", "一", "二", "三", "四", "1", "2", "3")):
            out.append('<%s style="text-align:center;%s"%s><strong>%s</strong></%s>' % (tag, extra, "", E(b), tag))
        else:
            out.append('<%s style="%s">%s</%s>' % (tag, style, E(b), tag))
    return "\n".join(out)


def sig_right(d, p_attr='style="text-align:right;"'):
    lines = ["<p %s>%s</p>" % (p_attr, E(s)) for s in d["sig"]]
    if d["wdate"]:
        lines.append("<p %s>%s</p>" % (p_attr, E(d["wdate"])))
    return "\n".join(lines)


def sig_nbsp(d, n=40):
    pad = "&nbsp;" * n
    lines = ["<p>%s%s</p>" % (pad, E(s)) for s in d["sig"]]
    if d["wdate"]:
        lines.append("<p>%s%s</p>" % ("&nbsp;" * (n + 2), E(d["wdate"])))
    return "\n".join(lines)


def side_ul(items, cls="list"):
    if not items:
        return ""
    li = []
    for t, n, dt in items:
        label = t if not n else "%s（%s）" % (t, n)
        li.append('<li><a href="./t%s_%d.html" title="%s">%s</a><span class="date">%s</span></li>'
                  % (dt.replace("-", ""), sum(map(ord, t)) * 7 % 900000 + 100000, E(t), E(label), dt))
    return '<ul class="%s">\n%s\n</ul>' % (cls, "\n".join(li))


def atts_html(d, prefix="附件："):
    if not d["atts"]:
        return ""
    out = ['<div class="fujian"><p>%s</p>' % prefix]
    for t, h in d["atts"]:
        out.append('<p><a href="%s" target="_blank" oldsrc="%s">%s</a></p>' % (E(h), E(h.split("/")[-1]), E(t)))
    out.append("</div>")
    return "\n".join(out)


def iso_of(cn):
    if not cn:
        return ""
    y, rest = cn.split("年")
    m, dd = rest.replace("日", "").split("月")
    return "%s-%02d-%02d" % (y, int(m), int(dd))


def pubdate(d):
    return d["pub"][:10]


# ------------------------------------------------------------------------------------------- T1 mohurd
def t_mohurd(d, i):
    x = d["extra"]
    order = x.get("order")
    head_title = "%s_其他文件_中华人民共和国住房和城乡建设部" % d["title"]
    if i == 3:
        head_title = "中华人民共和国住房和城乡建设部"
    stale = {0: "2026-02-26 18:02:11", 1: "2025-11-27 17:45:00", 2: "2026-03-09 09:30:15", 3: "2025-12-19 16:00:00"}[i]
    if order:
        main = """<div class="order-head" style="text-align:center;">
<p style="font-size:22px;color:#c00;"><strong>中华人民共和国住房和城乡建设部令</strong></p>
<p>第%s号</p></div>
%s
%s""" % (d["num"].replace("住房和城乡建设部令第", "").replace("号", ""), paras(d["body"]), sig_right(d))
    else:
        main = """<p style="text-align:center;">%s</p>
<p>%s</p>
%s
%s
%s""" % (E(d["num"]), E(d["to"] or ""), paras(d["body"]), sig_right(d), atts_html(d, "附件："))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{ht}</title>
<meta name="SiteName" content="中华人民共和国住房和城乡建设部">
<meta name="ColumnName" content="文件库">
<meta name="ArticleTitle" content="{t}">
<meta name="PubDate" content="{stale}">
<meta name="ContentSource" content="住房和城乡建设部">
<link rel="stylesheet" href="/xxgk/css/common.css">
<script src="/xxgk/js/jquery-1.12.4.min.js"></script>
<style>.xxgk-table td{{border:1px solid #ddd;padding:6px}} .trs_editor_view p{{line-height:2}}</style>
</head>
<body>
<!-- 头部 begin -->
<div class="header"><div class="logo"><img src="/images/logo.png" alt="中华人民共和国住房和城乡建设部"></div>
<div class="top-links"><a href="/">首页</a> | <a href="/jianshe/">English</a> | <a href="javascript:void(0)">无障碍</a></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/xinwen/">新闻</a></li><li class="on"><a href="/gongkai/">政务公开</a></li><li><a href="/fuwu/">政务服务</a></li><li><a href="/hudong/">互动交流</a></li><li><a href="/ztzl/">专题专栏</a></li></ul>
</div>
<!-- 头部 end -->
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/gongkai/">政务公开</a> &gt; <a href="/gongkai/zc/">政策发布</a> &gt; <span>文件库</span></div>
<div class="main clearfix">
<div class="xxgk-table"><table cellspacing="0" cellpadding="0" width="100%">
<tr><td class="t1">索 引 号：</td><td>{idx}</td><td class="t1">主题分类：</td><td>{topic}</td></tr>
<tr><td class="t1">发文机关：</td><td>{org}</td><td class="t1">成文日期：</td><td>{wd}</td></tr>
<tr><td class="t1">标　　题：</td><td colspan="3">{t}</td></tr>
<tr><td class="t1">发文字号：</td><td>{num}</td><td class="t1">发布日期：</td><td>{pd}</td></tr>
</table></div>
<div class="editor-content">
<h1 class="tit" style="text-align:center;font-size:26px;">{t}</h1>
<div class="trs_editor_view TRS_UEDITOR trs_paper_default trs_web">
{main}
</div>
<div class="share clearfix"><span>分享到：</span><a class="wx" href="javascript:void(0)">微信</a><a class="wb" href="javascript:void(0)">微博</a>
<a href="javascript:window.print()" class="print">【打印本页】</a><a href="javascript:window.close()" class="close">【关闭窗口】</a></div>
<div class="related"><h3>相关文件</h3>
{side}
</div>
</div>
</div>
<div class="footer"><p>主办单位：中华人民共和国住房和城乡建设部　地址：北京市海淀区三里河路9号</p>
<p><a href="https://beian.miit.gov.cn">京ICP备05001231号-1</a>　京公网安备11010802038126号　网站标识码：bm20000001</p>
<p><a href="/jiucuo"><img src="/images/jiucuo.png" alt="政府网站找错"></a></p></div>
<script>var _trsurl="https://www.mohurd.gov.cn/trsarticle/{aid}"; document.write('<img src="/stat/hit.gif?a={aid}" style="display:none">');</script>
</body>
</html>
""".format(ht=E(head_title), t=E(d["title"]), stale=stale, idx=x["index"], topic=x["topic"], org=E(x["org"]),
           wd=iso_of(d["wdate"]), num=E(d["num"] or ""), pd=pubdate(d), main=main, side=side_ul(x["side"]), aid=d["id"])


# ------------------------------------------------------------------------------------------- T2 mofcom
def t_mofcom(d, i):
    x = d["extra"]
    head_title = d["title"] if i != 2 else "中华人民共和国商务部"
    stale = {0: "2026-03-04", 1: "2025-12-02", 2: "2026-04-01", 3: "2026-05-04"}[i]
    if x.get("order"):
        n = d["num"].replace("商务部令", "")
        main = """<p style="text-align:center;"><b>中华人民共和国商务部令</b></p>
<p style="text-align:center;">{n}</p>
{b}
{s}""".format(n=E(n), b=paras(d["body"], "text-indent:2em;font-family:宋体;"), s=sig_nbsp(d, 56))
    elif x.get("news"):
        main = paras(d["body"], "text-indent:2em;")
    else:
        main = """<p align="center">{num}</p>
<p>{to}</p>
{b}
{a}
{s}""".format(num=E(d["num"]), to=E(d["to"] or ""), b=paras(d["body"], "text-indent:2em;"),
              a=atts_html(d, "附件："), s=sig_nbsp(d, 60))
    prev_next = {0: ("商务部关于公布第三批全国供应链创新与应用示范城市名单的通知", "商务部办公厅关于做好2026年春季农产品产销对接工作的通知"),
                 1: ("商务部公告2025年第61号 关于对原产于美国的进口相关光纤产品继续征收反倾销税的公告", "商务部关于2025年度外贸稳增长政策落实情况的通报"),
                 2: ("商务部等9部门关于推动服务外包加快转型升级的指导意见（商服贸发〔2026〕33号）", "商务部办公厅关于开展2026年“消费促进月”活动的通知"),
                 3: ("商务部召开例行新闻发布会（2026年4月30日）", "商务部新闻发言人就欧盟对华电动汽车反补贴案答记者问")}[i]
    return """<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030">
<title>{ht}</title>
<meta name="keywords" content="商务部,政策发布">
<meta name="publishdate" content="{stale}">
<meta name="source" content="{src}">
<link href="/static/css/mofcom_article.css" rel="stylesheet" type="text/css">
<script type="text/javascript" src="/static/js/jquery.js"></script>
</head>
<body>
<div id="top"><a href="http://www.mofcom.gov.cn/">中华人民共和国商务部</a> <a href="http://english.mofcom.gov.cn/">English</a> <a href="/mobile/">手机版</a>
<form action="/search"><input type="text" name="q" value="请输入关键词"><input type="submit" value="搜索"></form></div>
<div class="nav"><a href="/">首页</a><a href="/article/xwfb/">新闻发布</a><a href="/article/zcfb/">政策发布</a><a href="/article/zwgk/">政务公开</a><a href="/article/bsfw/">办事服务</a><a href="/article/hdjl/">互动交流</a></div>
<div class="position">您的位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/article/zcfb/">政策发布</a>&nbsp;&gt;&nbsp;<a href="/article/zcfb/zcwg/">{col}</a></div>
<div class="art-title"><h1 id="artitle">{t}</h1></div>
<div class="art-con-titlebar clearfix"><span>【<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</span>
<span class="source">文章来源：{src}</span>&nbsp;&nbsp;<span class="pubtime">{pub}</span>&nbsp;&nbsp;<span>浏览次数：<script>document.write(Math.floor(Math.random()*9000+1000));</script></span></div>
<div id="zoom" class="art-con art-con-bottonmLine">
<!--文章正文 begin-->
{main}
<!--文章正文 end-->
</div>
<div class="art-bottom"><a href="javascript:window.print();">[打印本页]</a> <a href="javascript:window.close();">[关闭]</a></div>
<div class="prev-next"><p>上一篇：<a href="./prev.shtml">{prev}</a></p><p>下一篇：<a href="./next.shtml">{nxt}</a></p></div>
<div class="xgxw"><h4>相关稿件</h4>{side}</div>
<div id="foot"><p>主办单位：中华人民共和国商务部　承办：商务部电子商务和信息化司</p>
<p>京ICP备05004395号　网站标识码：bm04000001　京公网安备11040102700091号</p>
<p>技术支持：中国国际电子商务中心</p></div>
<script type="text/javascript">var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); hm.src = "//hm.baidu.com/hm.js?mofcom"; }})();</script>
</body>
</html>
""".format(ht=E(head_title), stale=stale, src=E(x["source"]), col="新闻发布" if x.get("news") else "政策法规",
           t=E(d["title"]), pub=E(d["pub"]), main=main, prev=E(prev_next[0]), nxt=E(prev_next[1]), side=side_ul(x["side"]))


# ------------------------------------------------------------------------------------------- T3 kjt.nmg
def t_nmg(d, i):
    x = d["extra"]
    y, m, dd = pubdate(d).split("-")
    head_title = "内蒙古自治区科学技术厅" if i == 2 else "%s_%s_内蒙古自治区科学技术厅" % (d["title"], x.get("cat", "科技动态"))
    stale = {0: "2026-03-11 17:40:22", 1: "2025-11-17 10:00:00", 2: "2026-05-19 18:20:00", 3: "2026-04-08 21:13:40"}[i]
    if x.get("news"):
        meta_dl = ""
        info = '<div class="info">来源：{src}&nbsp;&nbsp;&nbsp;{au}&nbsp;&nbsp;&nbsp;发布时间：<span class="y">{y}</span>-<span class="m">{m}</span>-<span class="d">{dd}</span> {tm}</div>'.format(
            src=E(x["source"]), au=E(x["author"]), y=y, m=m, dd=dd, tm=d["pub"][11:])
        main = paras(d["body"])
    else:
        meta_dl = """<div class="xxgk_xl_top"><dl>
<dt>索<span style="padding-left:2em"></span>引<span style="padding-left:2em"></span>号：</dt><dd>{idx}</dd>
<dt>发布机构：</dt><dd>内蒙古自治区科学技术厅</dd>
<dt>文<span style="padding-left:4em"></span>号：</dt><dd>{num}</dd>
<dt>主题分类：</dt><dd>{cat}</dd>
<dt>成文日期：</dt><dd>{wd}</dd>
<dt>发布日期：</dt><dd><span class="y">{y}</span>年<span class="m">{m}</span>月<span class="d">{dd}</span>日</dd>
</dl></div>""".format(idx=x["index"], num=E(d["num"] or "无"), cat=x["cat"], wd=E(d["wdate"]), y=y, m=m, dd=dd)
        info = '<div class="info">发布时间：<span class="y">{y}</span>-<span class="m">{m}</span>-<span class="d">{dd}</span>&nbsp;&nbsp;来源：内蒙古自治区科学技术厅&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>'.format(y=y, m=m, dd=dd)
        to = "<p>%s</p>" % E(d["to"]) if d["to"] else ""
        main = "%s\n%s\n%s\n%s" % (to, paras(d["body"]), sig_right(d, 'align="right"'), atts_html(d, "附件："))
    return """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{ht}</title>
<meta name="SiteName" content="内蒙古自治区科学技术厅">
<meta name="SiteDomain" content="kjt.nmg.gov.cn">
<meta name="ArticleTitle" content="{t}">
<meta name="PubDate" content="{stale}">
<meta name="ContentSource" content="内蒙古自治区科学技术厅">
<link rel="stylesheet" href="../../../../images/style.css">
<style>.xxgk_xl_top dt{{float:left;width:90px}} .xxgk_xl_top dd{{margin-left:90px}}</style>
</head>
<body>
<div class="top"><div class="w1200"><span>欢迎访问内蒙古自治区科学技术厅网站</span><a href="javascript:void(0)" id="cniil_wza">无障碍浏览</a> <a href="/">蒙古文</a></div></div>
<div class="banner"><img src="../../../../images/banner.jpg" alt="内蒙古自治区科学技术厅"></div>
<div class="menu"><a href="/">首页</a><a href="/xwdt/">新闻动态</a><a href="/zwgk/">政务公开</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">互动交流</a><a href="/ztzl/">专题专栏</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/zwgk/">政务公开</a> &gt;&gt; <a href="/zwgk/zfxxgk/">政府信息公开</a> &gt;&gt; {cat}</div>
{meta_dl}
<div class="article">
<div class="title"><h2>{t}</h2></div>
{info}
<div class="view TRS_UEDITOR trs_paper_default trs_word">
{main}
</div>
<div class="page"><script>var currentPage = 0; var countPage = 1; createPageHTML(countPage, currentPage, "t{aid}", "html");</script></div>
<div class="btn"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="xgwz"><h4>相关文章</h4>{side}</div>
</div>
<div class="footer">
<p>版权所有：内蒙古自治区科学技术厅　地址：呼和浩特市赛罕区敕勒川大街19号</p>
<p>蒙ICP备05003350号-1　蒙公网安备15010502000176号　网站标识码：1500000023</p>
<script type="text/javascript">document.write(unescape("%3Cspan id='_ideConac' %3E%3C/span%3E%3Cscript src='https://dcs.conac.cn/js/06/000/0000/60429971/CA060000000604299710001.js' type='text/javascript'%3E%3C/script%3E"));</script>
</div>
<script src="/common/hits.js?aid={aid}"></script>
</body>
</html>
""".format(ht=E(head_title), t=E(d["title"]), stale=stale, cat=x.get("cat", "科技动态"), meta_dl=meta_dl, info=info,
           main=main, aid=d["id"], side=side_ul(x["side"]))


# ------------------------------------------------------------------------------------------- T4 kjt.gansu
def t_gansu(d, i):
    x = d["extra"]
    head_title = "甘肃省科学技术厅" if i == 2 else "%s - 甘肃省科学技术厅" % d["title"]
    if x.get("news"):
        info = '<span>发布时间：{p}</span><span>来源：{s}</span><span>作者：{a}</span>'.format(p=d["pub"], s=E(x["source"]), a=E(x["author"]))
        main = paras(d["body"])
        fj = ""
    else:
        info = '<span>发布时间：{p}</span><span>来源：甘肃省科学技术厅</span><span>浏览量：<span id="hits"></span></span>'.format(p=d["pub"])
        inner = "" if x.get("atts_outside") else atts_html(d, "附件：")
        main = '<p style="text-align:center;">%s</p>\n<p>%s</p>\n%s\n%s\n%s' % (
            E(d["num"]), E(d["to"] or ""), paras(d["body"], "text-indent:2em;font-size:16px;"), inner, sig_nbsp(d, 48))
        fj = atts_html(d, "相关附件：") if x.get("atts_outside") else ""
    return """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>{ht}</title>
<meta name="ColumnName" content="{col}" />
<meta name="ContentSource" content="甘肃省科学技术厅" />
<meta name="Keywords" content="甘肃科技,{col}" />
<link type="text/css" rel="stylesheet" href="/kjt/xhtml/css/common.css" />
<script type="text/javascript" src="/kjt/xhtml/js/jquery.min.js"></script>
</head>
<body>
<div class="head"><div class="logo"><a href="/kjt/index.shtml"><img src="/kjt/xhtml/images/logo.png" alt="甘肃省科学技术厅" /></a></div>
<div class="tools"><a href="/kjt/c111300/ztfw.shtml">网站地图</a> | <a href="javascript:;" onclick="aria.start()">无障碍</a> | <a href="javascript:;">长者模式</a></div></div>
<div class="navbar"><ul><li><a href="/kjt/index.shtml">首页</a></li><li><a href="/kjt/c111309/">机构概况</a></li><li><a href="/kjt/c111310/">新闻中心</a></li><li class="cur"><a href="/kjt/c111311/">政务公开</a></li><li><a href="/kjt/c111314/">政务服务</a></li><li><a href="/kjt/c111316/">互动交流</a></li></ul></div>
<div class="wz">当前位置：<a href="/kjt/index.shtml">首页</a> &gt; <a href="/kjt/c111311/">{col}</a></div>
<div class="con_main">
<ucapcontent>
<div class="detail">
<h1 class="d_title">{t}</h1>
<div class="d_info">{info}</div>
<div class="d_notes" id="zoom">
{main}
</div>
{fj}
<div class="d_bottom"><a href="javascript:window.print();">【打印】</a><a href="javascript:window.close();">【关闭】</a>
<div class="bdsharebuttonbox"><a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信"></a><a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博"></a></div></div>
</div>
</ucapcontent>
<div class="side"><h3>热点信息</h3>{side}
<ul><li><a href="/kjt/c111310/202604/174066301.shtml">省科技厅党组书记王喆赴酒泉调研科技创新工作</a><span>2026-04-22</span></li>
<li><a href="/kjt/c111310/202603/174010218.shtml">我省3项成果获2025年度国家科学技术奖</a><span>2026-03-11</span></li></ul></div>
</div>
<div class="foot"><p>主办：甘肃省科学技术厅　地址：兰州市城关区南昌路1528号　邮编：730030</p>
<p>陇ICP备05000372号-1　甘公网安备62010202000536号　网站标识码：6200000031</p><p>技术支持：开普云　联系人：李珺</p></div>
<script type="text/javascript">$.get("/kjt/hits?cid={aid}", function(n){{ $("#hits").text(n); }});</script>
</body>
</html>
""".format(ht=E(head_title), t=E(d["title"]), col="新闻中心" if x.get("news") else "政务公开", info=info, main=main,
           fj=fj, side=side_ul(x["side"]), aid=d["id"])


# ------------------------------------------------------------------------------------------- T5 kjj.wenzhou
def t_wenzhou(d, i):
    x = d["extra"]
    head_title = "温州市科学技术局" if i == 2 else "%s" % d["title"]
    wd = d["wdate"].replace("年", "-").replace("月", "-").replace("日", "") if d["wdate"] else ""
    if wd:
        yy, mm, dd = wd.split("-")
        wd = "%s-%02d-%02d" % (yy, int(mm), int(dd))
    table = """<table class="xxgk_table" width="100%" border="0" cellspacing="1" cellpadding="0">
<tr><td class="t">索引号</td><td>{idx}</td><td class="t">公开方式</td><td>主动公开</td></tr>
<tr><td class="t">发布机构</td><td>{org}</td><td class="t">成文日期</td><td>{wd}</td></tr>
<tr><td class="t">文号</td><td>{num}</td><td class="t">有效性</td><td>{eff}</td></tr>
</table>""".format(idx=x["index"], org=E(x["org"]), wd=wd or "", num=E(d["num"] or ""), eff="有效" if d["num"] else "")
    if x.get("news"):
        table = ""
        src = "%s %s" % (x["source"], x["author"])
        main = paras(d["body"])
    elif x.get("order"):
        src = x["repost_from"]
        n = d["num"].replace(x["order_issuer"] + "令", "")
        main = """<p style="text-align:center;font-size:22px;"><b>{oi}令</b></p>
<p style="text-align:center;">{n}</p>
{b}
{s}""".format(oi=x["order_issuer"], n=E(n), b=paras(d["body"]), s=sig_right(d))
    else:
        src = x["org"]
        main = '<p>%s</p>\n%s\n%s\n%s' % (E(d["to"] or ""), paras(d["body"]), sig_right(d), atts_html(d, ""))
    return """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="SiteName" content="温州市科学技术局">
<meta name="SiteDomain" content="kjj.wenzhou.gov.cn">
<meta name="SiteIDCode" content="3303000038">
<meta name="ColumnName" content="{col}">
<meta name="ArticleTitle" content="{t}">
<meta name="PubDate" content="{md}">
<meta name="ContentSource" content="{src}">
<title>{ht}</title>
<link rel="stylesheet" href="/script/0/style.css">
<script type="text/javascript" src="/script/jquery.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="w"><span>浙江政务服务网</span><a href="https://www.wenzhou.gov.cn">温州市人民政府</a><a href="javascript:void(0)" id="wza">无障碍</a><a href="javascript:void(0)">长者版</a></div></div>
<div class="header"><img src="/picture/0/logo.png" alt="温州市科学技术局"></div>
<div class="nav"><a href="/">首页</a><a href="/col/col1229117836/">机构概况</a><a href="/col/col1229117837/">政务公开</a><a href="/col/col1229117841/">科技动态</a><a href="/col/col1229117842/">办事服务</a><a href="/col/col1229117843/">互动交流</a></div>
<div class="location">您当前的位置：<a href="/">首页</a> &gt; <a href="/col/col1229117837/">政务公开</a> &gt; <a href="/col/col1229117839/">{col}</a></div>
<div class="main">
{table}
<div class="article">
<!--<$[标题名称]>begin--><div class="title" style="font-size:24px;text-align:center;">{t}</div><!--<$[标题名称]>end-->
<div class="info"><span>发布日期：{pub}</span>　<span>信息来源：{src}</span>　<span>浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=1229117839&amp;artid={aid}"></script></span>　<span>字号：[ <a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a> ]</span></div>
<div id="zoom">
<!--<$[信息内容]>begin-->
{main}
<!--<$[信息内容]>end-->
</div>
<div class="bottom-tools"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.opener=null;window.close()">关闭窗口</a></div>
</div>
<div class="relate"><h3>相关信息</h3>{side}</div>
</div>
<div class="footer"><p>主办单位：温州市科学技术局　地址：温州市鹿城区市府路500号市行政中心</p>
<p>浙ICP备05007093号　浙公网安备33030202000369号　网站标识码：3303000038</p></div>
<script type="text/javascript" src="/module/jslib/jquery/jpage/jquery.page.min.js"></script>
</body>
</html>
""".format(col="科技动态" if x.get("news") else "政策文件", t=E(d["title"]), md=x["meta_date"], src=E(src), ht=E(head_title),
           table=table, pub=pubdate(d), aid=d["url"].rsplit("_", 1)[-1].replace(".html", ""), main=main, side=side_ul(x["side"]))


# ------------------------------------------------------------------------------------------- T6 kjj.dl
def t_dl(d, i):
    x = d["extra"]
    if x.get("order"):
        n = d["num"].replace(x["order_issuer"] + "令", "")
        main = """<p style="text-align:center;"><b>{oi}令</b></p>
<p style="text-align:center;">{n}</p>
{b}
{s}""".format(oi=x["order_issuer"], n=E(n[0] + "&nbsp;" + n[1:-1] + "&nbsp;" + n[-1]).replace("&amp;", "&"), b=paras(d["body"]), s=sig_right(d))
    else:
        to = "<p>%s</p>" % E(d["to"]) if d["to"] else ""
        main = '<p style="text-align:center;">%s</p>\n%s\n%s\n%s\n%s' % (E(d["num"]), to, paras(d["body"]), atts_html(d, "附件："), sig_nbsp(d, 50))
    if x.get("print_view"):
        # print view: no charset declared anywhere; bytes are UTF-8
        return """<html>
<head>
<title>大连市科学技术局</title>
<style>body{{font-size:16px;width:800px;margin:0 auto}} .btn{{text-align:right}}</style>
<script>function doPrint(){{ window.print(); }}</script>
</head>
<body>
<div class="btn"><input type="button" value="打印" onclick="doPrint()"> <input type="button" value="关闭" onclick="window.close()"></div>
<hr>
<h2 style="text-align:center">{t}</h2>
<div style="text-align:center;color:#666">发布日期：{pub}&nbsp;&nbsp;&nbsp;&nbsp;信息来源：大连市科学技术局</div>
<hr>
{main}
<hr>
<p style="color:#999;font-size:12px">本页地址：{url}</p>
</body>
</html>
""".format(t=E(d["title"]), pub=d["pub"], main=main, url=E(d["url"]))
    return """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{t}-大连市科学技术局</title>
<meta name="description" content="{t}">
<meta name="pubdate" content="{stale}">
<link href="/r/cms/www/red/css/main.css" rel="stylesheet" type="text/css">
<script src="/r/cms/jquery.js" type="text/javascript"></script>
<script src="/r/cms/front.js" type="text/javascript"></script>
</head>
<body>
<div class="top"><a href="https://www.dl.gov.cn">大连市人民政府</a> | <a href="/">大连市科学技术局</a> | <a href="javascript:;">无障碍阅读</a></div>
<div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/kjdt/">科技动态</a><a href="/tzgg/">通知公告</a><a href="/bszn/">办事指南</a><a href="/hdjl/">互动交流</a></div>
<div class="loc">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a> &gt; 正文</div>
<div class="content-box">
<div class="c-title"><h1>{t}</h1></div>
<div class="c-info">发布时间：<span id="pubtime">{pub}</span>&nbsp;&nbsp;来源：大连市科学技术局&nbsp;&nbsp;点击：<span id="views"></span>
<a href="{url}?print=1" target="_blank">[打印]</a></div>
<div class="c-txt" id="zoom">
{main}
</div>
<div class="c-prev">上一篇：<a href="/art/2025/6/10/art_3421_2104600.html">大连市科学技术局关于2025年度大连市科技型中小企业评价入库名单（第五批）的公告</a></div>
<div class="c-next">下一篇：<a href="/art/2025/6/20/art_3421_2104990.html">关于组织开展2025年全国科技活动周大连市活动的通知</a></div>
<div class="c-rel"><h4>相关文件</h4>{side}</div>
</div>
<div class="footer">大连市科学技术局 版权所有　地址：大连市西岗区人民广场1号<br>辽ICP备05001453号　网站标识码：2102000016　辽公网安备21020302000128号</div>
<script type="text/javascript">$(function(){{ Cms.viewCount("/", "{aid}", "views"); }});</script>
</body>
</html>
""".format(t=E(d["title"]), stale=iso_of(d["wdate"]), pub=d["pub"],
           url=E(d["url"]), main=main, side=side_ul(x.get("side", [])), aid=d["id"])


# ------------------------------------------------------------------------------------------- T7 tjbh
def t_tjbh(d, i):
    x = d["extra"]
    head_title = "%s-天津市滨海新区人民政府" % d["title"] if i != 1 else "天津市滨海新区人民政府"
    if x.get("news"):
        main = paras(d["body"])
        src = "%s　作者：%s" % (x["source"], x["author"])
    else:
        src = x["source"]
        num = '<p style="text-align:center;">%s</p>' % E(d["num"]) if d["num"] else ""
        to = "<p>%s</p>" % E(d["to"]) if d["to"] else ""
        main = "%s\n%s\n%s\n%s\n%s" % (num, to, paras(d["body"], "text-indent:32px;line-height:30px;"), sig_right(d), atts_html(d, "附件："))
    return """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030">
<title>{ht}</title>
<meta name="ArticleTitle" content="{t}">
<meta name="PubDate" content="{stale}">
<link rel="stylesheet" type="text/css" href="/static/css/content.css">
</head>
<body>
<div class="topbox"><span>今天是：<script>document.write(new Date().toLocaleDateString());</script></span><a href="/">首页</a><a href="https://www.tj.gov.cn">天津政务网</a><a href="javascript:;">无障碍</a></div>
<div class="headbox"><img src="/static/images/logo.png" alt="天津市滨海新区人民政府"></div>
<div class="navbox"><a href="/">首页</a><a href="/channels/12146.html">走进新区</a><a href="/channels/12147.html">新区要闻</a><a href="/channels/12148.html">政务公开</a><a href="/channels/12149.html">政务服务</a><a href="/channels/12150.html">政民互动</a></div>
<div class="wz">您现在的位置：<a href="/">首页</a> &gt; <a href="/channels/12148.html">政务公开</a> &gt; <a href="/channels/{col}.html">{coln}</a></div>
<div class="article_box">
<div class="article_title"><h2>{t}</h2></div>
<div class="article_info">
<span>来源：{src}</span><span>发布时间：{pub}</span><span>【字号：<a href="javascript:fontZoom(18)">大</a> <a href="javascript:fontZoom(16)">中</a> <a href="javascript:fontZoom(14)">小</a>】</span></div>
<div class="article_content" id="zoom">
{main}
</div>
<div class="article_tools"><a href="javascript:window.print()">打印</a> | <a href="javascript:window.close()">关闭</a> | <span class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a></span></div>
<div class="article_list"><h3>相关阅读</h3>{side}</div>
</div>
<div class="footbox"><p>主办：天津市滨海新区人民政府办公室　承办：天津市滨海新区政务服务办公室</p>
<p>津ICP备10002015号-1　津公网安备12011602000175号　网站标识码：1201160001</p></div>
<script type="text/javascript">var _maq = _maq || []; _maq.push(['_setAccount', 'bhxq']); (function() {{ var ma = document.createElement('script'); ma.src = 'https://wza.tj.gov.cn/stat.js'; }})();</script>
</body>
</html>
""".format(ht=E(head_title), t=E(d["title"]), stale={0: "2019-10-21 17:03", 1: "2026-02-23 18:40", 2: "2026-03-26 08:00", 3: "2026-04-22 23:10"}[i],
           col=d["url"].split("/")[-2], coln="新区要闻" if x.get("news") else "政策文件", src=E(src), pub=d["pub"],
           main=main, side=side_ul(x["side"]))


# ------------------------------------------------------------------------------------------- T8 bjchy
def t_bjchy(d, i):
    x = d["extra"]
    head_title = "%s-北京市朝阳区人民政府" % d["title"]
    stale = {0: "2026-01-15", 1: "2025-11-21", 2: "2026-02-28", 3: "2026-04-16"}[i]
    if x.get("news"):
        table = ""
        info = '<p class="source">来源：{s}　发布日期：{p}</p>'.format(s=E(x["source"]), p=d["pub"])
        main = paras(d["body"])
    else:
        wd = d["wdate"].replace("年", "年").strip()
        table = """<div class="zwgk-meta"><table>
<tr><th>[标题]</th><td colspan="3">{t}</td></tr>
<tr><th>[发文机构]</th><td>{orgs}</td><th>[主题分类]</th><td>{cat}</td></tr>
<tr><th>[发文字号]</th><td>{num}</td><th>[成文日期]</th><td>{wd}</td></tr>
<tr><th>[发布日期]</th><td>{p}</td><th>[索引号]</th><td>{idx}</td></tr>
</table></div>""".format(t=E(d["title"]), orgs=E("、".join(d["sig"])), cat="科技、教育" if i != 2 else "综合政务",
                         num=E(d["num"] or "—"), wd=wd, p=pubdate(d), idx=x["index"])
        info = ""
        to = "<p>%s</p>" % E(d["to"]) if d["to"] else ""
        main = "%s\n%s\n%s\n%s" % (to, paras(d["body"]), atts_html(d, "附件："), sig_nbsp(d, 44))
    return """<!DOCTYPE html>
<html lang="zh-cn">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{ht}</title>
<meta name="publishdate" content="{stale}">
<meta name="others" content="页面生成时间 {stale} 02:00:00">
<link rel="stylesheet" href="/images/bjchy/css/detail.css">
</head>
<body>
<div class="header"><div class="logo"><a href="/"><img src="/images/bjchy/logo.png" alt="北京市朝阳区人民政府"></a></div>
<div class="search"><input type="text" placeholder="请输入关键字"><button>搜索</button></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/dynamic/">要闻动态</a></li><li class="active"><a href="/affair/">政务公开</a></li><li><a href="/service/">政务服务</a></li><li><a href="/interact/">政民互动</a></li><li><a href="/chaoyang/">走进朝阳</a></li></ul></div>
<div class="breadcrumb"><a href="/">首页</a> / <a href="/affair/">政务公开</a> / <span>{col}</span></div>
<div class="detail-wrap">
{table}
<div class="detail-article">
<h1>{t}</h1>
{info}
<div class="detail-content">
{main}
</div>
<div class="detail-op"><a onclick="window.print()">打印</a><a onclick="window.close()">关闭</a>
<span class="share">分享：<i class="icon-wx"></i><i class="icon-wb"></i></span></div>
</div>
<div class="detail-related"><h4>相关推荐</h4>{side}</div>
</div>
<div class="footer"><p>北京市朝阳区人民政府办公室主办　朝阳区政务服务和数据管理局承办</p>
<p>京ICP备05083403号　京公网安备11010502039017号　网站标识码：1101050001</p></div>
<script>var _paq = window._paq = window._paq || []; _paq.push(['trackPageView']); _paq.push(['setSiteId', '17']);</script>
</body>
</html>
""".format(ht=E(head_title), stale=stale, col="要闻动态" if x.get("news") else ("通知公告" if i == 2 else "政策文件"),
           table=table, t=E(d["title"]), info=info, main=main, side=side_ul(x["side"]))


# ------------------------------------------------------------------------------------------- T9 yicai
def t_yicai(d, i):
    x = d["extra"]
    day, tm = d["pub"].split(" ")
    nid = d["url"].rsplit("/", 1)[-1].replace(".html", "")
    stale_iso = {0: "2021-12-06T09:00:00+08:00", 1: "2020-03-10T00:12:00+08:00", 2: "2025-08-18T22:40:00+08:00", 3: "2026-02-05T19:30:00+08:00"}[i]
    state = json.dumps({"news": {"NewsID": int(nid), "NewsTitle": d["title"], "CreateDate": stale_iso,
                                 "ChannelName": "科技", "NewsAuthor": x["author"]},
                        "recommend": [{"title": "A股三大指数集体高开，算力板块走强", "date": "2026-02-06"},
                                      {"title": "央行：保持流动性合理充裕", "date": "2026-01-20"}]}, ensure_ascii=False)
    return """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{t}_第一财经</title>
<meta name="keywords" content="人工智能,科技部,试验区">
<meta name="description" content="{desc}">
<meta property="og:title" content="{t}">
<meta property="article:published_time" content="{stale}">
<link rel="stylesheet" href="https://imgcdn.yicai.com/static/css/news.css">
</head>
<body>
<div id="header"><a class="logo" href="https://www.yicai.com/"><img src="https://imgcdn.yicai.com/static/img/logo.png" alt="第一财经"></a>
<ul class="menu"><li><a href="/news/">新闻</a></li><li><a href="/video/">视频</a></li><li><a href="/data/">数据</a></li><li><a href="/vip/">一财号</a></li><li><a href="/brief/">快讯</a></li></ul>
<a class="app" href="/app/">APP下载</a></div>
<div id="multi-position"><a href="/">首页</a> &gt; <a href="/news/keji/">科技</a></div>
<div class="m-container">
<div class="title f-pr">
<h1>{t}</h1>
<p class="names"><em>{au}</em><em>{ed}</em></p>
<div class="m-date"><span class="day">{day}</span> <span class="time">{tm}</span></div>
</div>
<div class="m-text" id="multi-text">
{main}
</div>
<div class="m-statement"><p>文章作者</p><p>{au}</p><p>本文版权归第一财经所有，未经许可不得转载或翻译。</p></div>
<div class="m-share"><a class="wechat">微信</a><a class="weibo">微博</a><a class="copy">复制链接</a></div>
</div>
<div class="m-side"><h3>热点排行</h3><ul>
<li><a href="/news/102960012.html">国常会：部署加力推进人工智能+行动</a><span>2026-02-07</span></li>
<li><a href="/news/102948770.html">财政部：今年安排超长期特别国债1.3万亿元</a><span>2026-02-03</span></li>
<li><a href="/news/101250003.html">工信部印发《“十四五”软件和信息技术服务业发展规划》</a><span>2021-12-01</span></li></ul></div>
<div id="footer"><p>第一财经 版权所有　沪ICP备14017048号-1　互联网新闻信息服务许可证31120170004</p>
<p>违法和不良信息举报电话：021-22002972</p></div>
<script>window.__INITIAL_STATE__ = {state};</script>
<script src="https://imgcdn.yicai.com/static/js/news.bundle.js"></script>
</body>
</html>
""".format(t=E(d["title"]), desc=E(d["body"][0][:60]), stale=stale_iso, au=E(x["author"]), ed=E(x["editor"]),
           day=day, tm=tm, main=paras(d["body"]), state=state)


# ------------------------------------------------------------------------------------------- T10 kjj.foshan (gkmlpt)
def t_foshan(d, i):
    x = d["extra"]
    head_title = "佛山市科学技术局" if i == 2 else "%s_佛山市科学技术局" % d["title"]
    wd = d["wdate"] or ""
    if wd:
        yy, rest = wd.split("年")
        mm, dd = rest.replace("日", "").split("月")
        wd = "%s-%02d-%02d" % (yy, int(mm), int(dd))
    if x.get("news"):
        src_line = '<span>来源：%s</span>' % E(x["source"])
        main = paras(d["body"])
    else:
        src_line = '<span>来源：本网</span>'
        to = "<p>%s</p>" % E(d["to"]) if d["to"] else ""
        main = '%s\n%s\n%s' % (to, paras(d["body"]), sig_right(d))
    fj = ""
    if d["atts"]:
        fj = '<div class="attachment"><p class="fj-title">附件：</p><ul>%s</ul></div>' % "".join(
            '<li><a href="%s" target="_blank">%s</a></li>' % (E(h), E(t)) for t, h in d["atts"])
    return """<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="renderer" content="webkit">
<title>{ht}</title>
<meta name="ArticleTitle" content="{t}">
<meta name="PubDate" content="{stale}">
<link rel="stylesheet" href="/gkmlpt/static/css/gkmlpt.css">
<script>var _CONFIG = {{ sid: "755510", site: "佛山市科学技术局", post_id: "{pid}" }};</script>
</head>
<body>
<div class="gkmlpt-header"><div class="title-bar"><img src="/gkmlpt/static/images/gkml.png" alt="政府信息公开">佛山市科学技术局 政府信息公开</div>
<div class="links"><a href="/gkmlpt/index">信息公开目录</a> <a href="/gkmlpt/policy">政策文件</a> <a href="/gkmlpt/guide">信息公开指南</a> <a href="/gkmlpt/annualreport">年度报告</a></div></div>
<div class="content-container">
<div class="classify">
<table class="classify-table">
<tr><td class="td-label">索引号：</td><td class="td-value">{idx}</td><td class="td-label">分类：</td><td class="td-value">{cat}</td></tr>
<tr><td class="td-label">发布机构：</td><td class="td-value">{org}</td><td class="td-label">成文日期：</td><td class="td-value">{wd}</td></tr>
<tr><td class="td-label">名称：</td><td class="td-value" colspan="3">{t}</td></tr>
<tr><td class="td-label">文号：</td><td class="td-value">{num}</td><td class="td-label">发布日期：</td><td class="td-value">{pd}</td></tr>
</table></div>
<div class="content">
<h1 class="title">{t}</h1>
<div class="date-row"><span>发布日期：{pub}</span>{src}<span>分享：<a class="share-wx"></a><a class="share-wb"></a></span></div>
<div class="article-content">
{main}
</div>
{fj}
</div>
<div class="operation"><a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>
</div>
<div class="gkmlpt-footer"><p>主办单位：佛山市科学技术局　地址：佛山市禅城区岭南大道北12号</p><p>粤ICP备11023521号　网站标识码：4406000034　粤公网安备44060402000189号</p></div>
<script src="/gkmlpt/static/js/gkmlpt.js"></script>
<script>_hits.count("{pid}");</script>
</body>
</html>
""".format(ht=E(head_title), t=E(d["title"]), stale={0: "2026-03-18 18:00:00", 1: "2026-03-29 09:00:00", 2: "2020-09-06 20:00:00", 3: "2025-12-01 17:30:00"}[i],
           pid=d["url"].rsplit("_", 1)[-1].replace(".html", ""), idx=x["index"], cat=x["cat"], org=E(x["org"]), wd=wd,
           num=E(d["num"] or ""), pd=pubdate(d), pub=d["pub"], src=src_line, main=main, fj=fj)


TEMPLATES = dict(mohurd=t_mohurd, mofcom=t_mofcom, nmg=t_nmg, gansu=t_gansu, wenzhou=t_wenzhou, dl=t_dl,
                 tjbh=t_tjbh, bjchy=t_bjchy, yicai=t_yicai, foshan=t_foshan)
TPL_NAME = dict(mohurd="mohurd_trs_xxgk", mofcom="mofcom_article", nmg="nmg_trs_dl", gansu="gansu_ucap",
                wenzhou="wenzhou_hanweb", dl="dl_jeecms_print", tjbh="tjbh_trs", bjchy="bjchy_zwgk",
                yicai="yicai_news", foshan="foshan_gkmlpt")


def build():
    cases = []
    seen = {}
    for d in DOCS:
        i = seen.get(d["tpl"], 0)
        seen[d["tpl"]] = i + 1
        text = TEMPLATES[d["tpl"]](d, i)
        codec = ENC[d["tpl"]][1]
        with open(os.path.join(HERE, d["file"]), "wb") as f:
            f.write(text.encode(codec))
        e = d["expected"]
        exp = {k: e[k] for k in ("title", "doc_number", "issuers", "written_date", "published_date",
                                 "pilot_zone_cities", "repeals", "attachments")}
        if "funding" in e:
            exp["funding"] = e["funding"]
        cases.append({"id": d["id"], "file": d["file"], "url": d["url"], "template": TPL_NAME[d["tpl"]],
                      "host": urlparse(d["url"]).hostname, "encoding": ENC[d["tpl"]][2], "expected": exp})
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d pages" % len(cases))


# ------------------------------------------------------------------------------------------- check
CN = "〇一二三四五六七八九"


def cn_year(y):
    return "".join(CN[int(c)] for c in y)


def cn_num(n):
    n = int(n)
    if n < 10:
        return CN[n]
    if n < 20:
        return "十" + (CN[n - 10] if n > 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")


def date_forms(iso):
    y, m, d = iso.split("-")
    mi, di = int(m), int(d)
    return {iso, "%s-%d-%d" % (y, mi, di), "%s年%d月%d日" % (y, mi, di), "%s年%s月%s日" % (y, m, d),
            "%s/%s/%s" % (y, m, d), "%s.%s.%s" % (y, m, d),
            "%s年%s月%s日" % (cn_year(y), cn_num(mi), cn_num(di))}


def visible_text(raw, declared_codec):
    t = raw.decode(declared_codec)
    t = re.sub(r"(?is)<!--.*?-->", "", t)
    t = re.sub(r"(?is)<(script|style|title)\b.*?</\1>", "", t)
    t = re.sub(r"(?is)<head\b.*?</head>", "", t)
    t = re.sub(r"(?s)<[^>]+>", "", t)
    t = html.unescape(t)
    return re.sub(r"[\s\u00a0\u3000]+", "", t)


def norm_brackets(t):
    return re.sub(r"[\[【（(](\d{4})[\]】）)]", r"〔\1〕", t)


def check():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))["cases"]
    bydoc = {d["id"]: d for d in DOCS}
    bad = 0
    nocharset = 0
    for c in labels:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        m = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", raw[:2000], re.I)
        declared = m.group(1).decode().lower() if m else None
        if declared is None:
            nocharset += 1
        codec = {"gb2312": "gbk"}.get(declared, declared) or "utf-8"
        # the declared label must be what the page says; gb2312-labelled pages must need GBK
        if declared == "gb2312":
            try:
                raw.decode("gb2312")
                print(c["id"], "gb2312 page decodes as strict gb2312 (wanted GBK-only bytes)")
                bad += 1
            except UnicodeDecodeError:
                pass
        text = visible_text(raw, codec)
        nt = norm_brackets(text)
        e = c["expected"]
        d = bydoc[c["id"]]
        miss = []

        def need(s, where=text):
            if re.sub(r"\s+", "", s) not in where:
                miss.append(s)
        need(e["title"])
        if e["doc_number"]:
            need(e["doc_number"], nt)
        for k in ("written_date", "published_date"):
            if e[k] and not any(f in text for f in date_forms(e[k])):
                miss.append(k + "=" + e[k])
        for s in d["show"].get("issuers", []):
            need(s)
        if len(d["show"].get("issuers", [])) != len(e["issuers"]):
            miss.append("issuer forms/labels count")
        for a in e["attachments"]:
            need(a)
        for p in e["pilot_zone_cities"]:
            need(p)
        for r in e["repeals"]:
            need(r, nt)
        if "funding" in e and not re.search(r"万元|亿元", text):
            miss.append("funding amounts")
        if miss:
            bad += 1
            print(c["id"], "NOT VISIBLE:", miss)
    print("checked %d pages, %d with problems, %d without any charset declaration" % (len(labels), bad, nocharset))
    assert nocharset >= 1
    return bad == 0


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    build()

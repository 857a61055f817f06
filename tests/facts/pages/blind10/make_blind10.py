#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Write the blind10 pages and labels.json from blind10_docs.py (run once; frozen afterwards).

python3 make_blind10.py          # write *.html + labels.json
python3 make_blind10.py --check  # decode each page, strip markup, assert each label is visible
"""
import html, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from blind10_docs import DOCS  # noqa: E402

NB = "&nbsp;"


def dmy(s):
    y, m, d = s[:10].split("-")
    return "%s年%d月%d日" % (y, int(m), int(d))


def paras(body, style="text-indent:2em;"):
    out = []
    for i, p in enumerate(body):
        if i == 0 and p.endswith("："):
            out.append('<p style="text-indent:0;">%s</p>' % p)
        else:
            out.append('<p style="%s">%s</p>' % (style, p))
    return "\n".join(out)


def sig_right(d):
    if not d["sig"] and not d["sigdate"]:
        return ""
    lines = ['<p style="text-align:right;">%s</p>' % s for s in d["sig"]]
    if d["sigdate"]:
        lines.append('<p style="text-align:right;">%s</p>' % d["sigdate"])
    return "\n".join(lines)


def sig_pad(d, n=40):
    if not d["sig"] and not d["sigdate"]:
        return ""
    pad = NB * n
    out = ["<p>%s%s</p>" % (pad, s) for s in d["sig"]]
    if d["sigdate"]:
        out.append("<p>%s%s</p>" % (NB * (n + 2), d["sigdate"]))
    return "\n".join(out)


def num_show(num, style):
    if not num:
        return ""
    if style == "square":
        return num.replace("〔", "[").replace("〕", "]")
    if style == "lent":
        return num.replace("〔", "【").replace("〕", "】")
    if style == "paren":
        return num.replace("〔", "（").replace("〕", "）")
    return num


def is_order(d):
    return d["num"] and "令第" in d["num"]


def order_head(d, spaced=False):
    body, no = d["num"].split("令")
    no = no.strip()
    if spaced:
        no = " ".join(no)
    return ('<p style="text-align:center;font-size:22px;font-weight:bold;">%s令</p>\n'
            '<p style="text-align:center;">%s</p>\n' % (body, no))


def atts_html(d, cls="att", prefix=True):
    if not d["att"]:
        return ""
    items = []
    for i, (t, h) in enumerate(d["att"], 1):
        ext = h.rsplit(".", 1)[-1]
        label = ("附件%d：" % i) if prefix and len(d["att"]) > 1 else ("附件：" if prefix else "")
        items.append('<li>%s<a href="%s" target="_blank" title="%s.%s">%s</a></li>' % (label, h, t, ext, t))
    return '<ul class="%s">\n%s\n</ul>' % (cls, "\n".join(items))


# ----------------------------------------------------------------------------------------------
# 1. www.nea.gov.cn  TRS WCM, xxgk table, utf-8
NEA_SIDE = [("国家能源局关于印发《2025年能源工作指导意见》的通知", "国能发规划〔2025〕16号", "2025-02-27"),
            ("国家能源局关于组织开展能源领域首台（套）重大技术装备申报工作的通知", "国能综通科技〔2025〕52号", "2025-05-08"),
            ("国家能源局关于加快推进能源数字化智能化发展的若干意见", "国能发科技〔2023〕27号", "2023-03-28")]


def t_nea(d, url):
    news = d["num"] is None
    head = "<title>%s-国家能源局</title>" % d["title"]
    metas = ('<meta name="SiteName" content="国家能源局">\n<meta name="ColumnName" content="%s">\n'
             '<meta name="ArticleTitle" content="%s">\n<meta name="PubDate" content="2024-11-30 00:00">\n'
             '<meta name="ContentSource" content="%s">' % ("新闻发布" if news else "通知", d["title"], d["src"]))
    if news:
        meta_tbl = ('<div class="titleFont">%s</div>\n<div class="author">%s<span>来源：%s</span>%s'
                    '<span>%s</span></div>' % (d["title"], NB, d["src"], NB * 4, d["pub"]))
    else:
        shown_title = d["title"]
        meta_tbl = ('<table class="xxgk-tab" border="1" cellspacing="0" width="100%%">\n'
                    '<tr><td class="lab">索 引 号：</td><td>000019705/%s-00%s</td><td class="lab">主题分类：</td><td>科技、教育</td></tr>\n'
                    '<tr><td class="lab">发文机关：</td><td>国家能源局</td><td class="lab">成文日期：</td><td>%s</td></tr>\n'
                    '<tr><td class="lab">标　　题：</td><td colspan="3">%s</td></tr>\n'
                    '<tr><td class="lab">发文字号：</td><td>%s</td><td class="lab">发布日期：</td><td>%s</td></tr>\n'
                    '</table>\n<div class="titleFont">%s</div>' % (
                        d["pub"][:4], d["id"][-1] * 3, dmy(d["exp"]["written_date"]), shown_title,
                        d["num"], dmy(d["pub"]), shown_title))
    content = ""
    if is_order(d):
        content += order_head(d)
        content += paras(d["body"][:1])
        content += '\n<p style="text-align:right;">%s</p>\n<p style="text-align:right;">%s</p>\n' % (d["sig"][0], d["sigdate"])
        content += '<p style="text-align:center;font-weight:bold;">%s</p>\n' % d["title"]
        content += paras(d["body"][1:])
    else:
        if d["num"]:
            content += '<p style="text-align:center;">%s</p>\n' % d["num"]
        content += paras(d["body"]) + "\n" + sig_right(d)
        if d["att"]:
            content += '\n<p>附件：<a href="%s" oldsrc="W020250620381204567891.pdf">%s</a></p>' % (d["att"][0][1], d["att"][0][0])
    side = "\n".join('<li><a href="../%s/t%s_%d.htm">%s</a><span>%s</span><em>%s</em></li>' % (
        s[2][:7].replace("-", ""), s[2].replace("-", ""), 300000 + i, s[0], s[1], s[2]) for i, s in enumerate(NEA_SIDE))
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
%s
%s
<link rel="stylesheet" href="/images/nea_2022.css">
<script src="/js/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="top"><div class="w1200"><a href="/">国家能源局</a> | <a href="http://english.nea.gov.cn">English</a> | <a href="/wzdt/">网站地图</a>
<form action="/search/" method="get"><input name="q" placeholder="请输入关键字"><button>搜索</button></form></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jgsz/">机构设置</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/xwfb/">新闻发布</a></li><li><a href="/hdjl/">互动交流</a></li><li><a href="/sjzz/">数据中心</a></li></ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="./">%s</a></div>
<div class="w1200 main">
<div class="article">
%s
<div class="share">分享到：<a class="wx" href="javascript:;">微信</a><a class="wb" href="javascript:;">微博</a></div>
<div class="article-content" id="UCAP-CONTENT">
<div class="TRS_Editor"><style>.TRS_Editor P{margin-top:0;margin-bottom:12px;line-height:2;font-family:仿宋;font-size:16pt;}</style>
%s
</div>
</div>
<!-- 生成时间 2026-11-30 02:14:09 -->
<div class="pagebtn"><a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
<div class="prevnext"><p>上一篇：<a href="./t20240115_1.htm">国家能源局关于公布首批能源领域人工智能典型应用场景的通知</a></p>
<p>下一篇：<a href="./t20240116_2.htm">国家能源局综合司关于开展2024年电力安全生产检查的通知</a></p></div>
</div>
<div class="side"><h3>相关文件</h3><ul>
%s
</ul></div>
</div>
<div class="footer"><p>主办单位：国家能源局　地址：北京市西城区月坛南街38号　邮编：100824</p>
<p><a href="https://beian.miit.gov.cn">京ICP备13032307号-1</a>　<img src="/images/ga.png">京公网安备11010202007614号　网站标识码：bm50000004</p></div>
<script>var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?5c8a3b";document.body.appendChild(hm);})();</script>
</body>
</html>
""" % (head, metas, "新闻发布" if news else "通知公告", meta_tbl, content, side)


# ----------------------------------------------------------------------------------------------
# 2. www.sport.gov.cn  old table layout, GBK, <title> is only the site name, split date
SPORT_SIDE = [("体育总局关于印发《“十四五”体育发展规划》的通知", "体发〔2021〕2号", "2021-10-25"),
              ("体育总局办公厅关于公布2025年度体育科技创新项目立项名单的通知", "体科字〔2025〕41号", "2025-06-30")]


def t_sport(d, url):
    y, m, dd = d["pub"][:10].split("-")
    date = '<span class="lbl">发布时间：</span><span class="y">%s</span>-<span class="m">%s</span>-<span class="d">%s</span>' % (y, m, dd)
    content = ""
    if is_order(d):
        content += order_head(d)
        content += '<p style="text-align:center;">《%s》已于2026年5月12日经国家体育总局局务会审议通过，现予公布，自2026年7月1日起施行。</p>\n' % d["title"]
        content += '<p style="text-align:right;">%s</p>\n<p style="text-align:right;">%s</p>\n' % (d["sig"][0], d["sigdate"])
        content += '<p style="text-align:center;"><b>%s</b></p>\n' % d["title"] + paras(d["body"][1:])
        h2 = d["title"]
    else:
        h2 = d["title"]
        if d["num"]:
            content += '<p style="text-align:center;">%s</p>\n' % d["num"]
        content += paras(d["body"]) + "\n"
        if len(d["sig"]) > 1:
            content += '<p style="text-align:right;">%s</p>\n' % ("&nbsp;&nbsp;&nbsp;&nbsp;".join(d["sig"]))
            content += '<p style="text-align:right;">%s</p>\n' % d["sigdate"]
        else:
            content += sig_pad(d, 48)
    atts = ""
    if d["att"]:
        atts = '<table class="fujian"><tr><td>相关附件：</td></tr>' + "".join(
            '<tr><td><img src="/images/fj.gif"><a href="%s">%s</a></td></tr>' % (h, t) for t, h in d["att"]) + "</table>"
    side = "".join('<tr><td>·<a href="/n315/n20001395/c%d/content.html">%s</a>（%s）<font color="#999">%s</font></td></tr>' % (
        24000000 + i * 37, s[0], s[1], s[2]) for i, s in enumerate(SPORT_SIDE))
    return """<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>国家体育总局</title>
<meta name="keywords" content="国家体育总局,体育,全民健身">
<meta name="publishdate" content="2023-01-01">
<link href="/css/sport_main.css" rel="stylesheet" type="text/css">
</head>
<body leftmargin="0" topmargin="0">
<table width="1000" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/banner_sport.jpg" alt="国家体育总局"></td></tr>
<tr><td class="menu"><a href="/">首页</a>｜<a href="/n315/">政务公开</a>｜<a href="/n10503/">新闻</a>｜<a href="/n4/">群众体育</a>｜<a href="/n16/">竞技体育</a>｜<a href="/n317/">政策法规</a></td></tr></table>
<table width="1000" align="center"><tr><td class="pos">您现在的位置： <a href="/">首页</a> &gt; <a href="/n315/">政务公开</a> &gt; 公告通知</td></tr></table>
<table width="1000" align="center" cellpadding="0" cellspacing="0">
<tr><td width="720" valign="top">
<table width="100%%"><tr><td class="title" align="center"><h2 style="font-size:22px;">%s</h2></td></tr>
<tr><td align="center" class="info">%s&nbsp;&nbsp;&nbsp;<span>字号：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a></span></td></tr>
<tr><td><div id="con_con" class="content" style="font-size:16px;line-height:30px;">
%s
</div>%s</td></tr>
<tr><td align="right"><a href="javascript:window.print();">[打印本页]</a>&nbsp;<a href="javascript:window.close();">[关闭窗口]</a></td></tr></table>
</td>
<td width="20"></td>
<td width="260" valign="top"><table class="right"><tr><th>相关链接</th></tr>%s</table></td></tr></table>
<table width="1000" align="center" class="foot"><tr><td align="center">版权所有：国家体育总局　地址：北京市东城区体育馆路2号　<br>
<a href="https://beian.miit.gov.cn/">京ICP备05030283号</a>　网站标识码：bm29000001<br>
<script language="javascript" src="/module/counter/count.js?id=%s"></script></td></tr></table>
</body>
</html>
""" % (h2, date, content, atts, side, d["id"])


# ----------------------------------------------------------------------------------------------
# 3. kjj.qz.gov.cn  Hanweb JCMS, utf-8, downfile.jsp, metadata table shows the site owner
def t_qz(d, url):
    art = re.sub(r"\D", "", url)[-7:]
    meta = ('<meta name="SiteName" content="衢州市科学技术局">\n<meta name="SiteDomain" content="kjj.qz.gov.cn">\n'
            '<meta name="SiteIDCode" content="3308000018">\n<meta name="ColumnName" content="通知公告">\n'
            '<meta name="ArticleTitle" content="%s">\n<meta name="PubDate" content="%s 08:00">\n'
            '<meta name="ContentSource" content="%s">' % (d["title"], "2024-12-31", d["src"] or "衢州市科学技术局"))
    tbl = ('<table class="xxgk_table" width="100%%" border="0"><tr><td>信息索引号：</td><td>11330800MB1234567X/%s-%s</td>'
           '<td>发布机构：</td><td>衢州市科学技术局</td></tr>\n<tr><td>生成日期：</td><td>%s</td><td>公开方式：</td><td>主动公开</td></tr>\n'
           '<tr><td>文号：</td><td>%s</td><td>公开范围：</td><td>面向社会</td></tr></table>' % (
               d["pub"][:4], art, d["pub"][:10], d["num"] or "无"))
    content = ""
    if d["num"]:
        content += '<p style="text-align:center;">%s</p>\n' % d["num"]
    content += paras(d["body"])
    if d["id"] == "qz4":
        rows = ["衢州市智造新城创业服务中心", "江山市光电产业孵化园", "龙游县数字经济孵化器", "常山县科创飞地孵化器", "开化县绿色科技企业孵化器"]
        content += '\n<table border="1" cellspacing="0" style="margin:auto;"><tr><th>序号</th><th>孵化器名称</th><th>所在地</th></tr>' + "".join(
            "<tr><td>%d</td><td>%s</td><td>衢州</td></tr>" % (i + 1, r) for i, r in enumerate(rows)) + "</table>"
    content += "\n" + sig_right(d)
    atts = ""
    if d["att"]:
        atts = "<p>附件：</p>" + "".join('<p><a href="%s" target="_blank">%s</a></p>' % (h, t) for t, h in d["att"])
    src = ("<span>来源：%s</span>" % d["src"]) if d["src"] else "<span>来源：本站</span>"
    return """<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>衢州市科学技术局 通知公告 %s</title>
%s
<link href="/images/1229xxxx/style.css" rel="stylesheet" type="text/css" />
<script language="javascript" src="/script/jquery.min.js"></script>
</head>
<body>
<div id="top"><div class="logo"><img src="/images/qzkjj_logo.png" alt="衢州市科学技术局" /></div>
<div class="tq">无障碍浏览 | <a href="/col/col1229999/index.html">长者模式</a></div></div>
<div id="nav"><a href="/">首页</a><a href="/col/col1229100/index.html">机构概况</a><a href="/col/col1229101/index.html">政务公开</a><a href="/col/col1229102/index.html">科技动态</a><a href="/col/col1229103/index.html">办事服务</a></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1229101/index.html">政务公开</a> &gt; <a href="/col/col1229105/index.html">通知公告</a></div>
<div class="main">
%s
<div class="bt" style="text-align:center;font-size:24px;font-weight:bold;">%s</div>
<div class="info">%s　<span>发布日期：%s</span>　<span>浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=1229105&artid=%s"></script></span>
　字号：[ <a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a> ]</div>
<div id="zoom">
<!--<$[信息内容]>begin-->%s<!--<$[信息内容]>end-->
</div>
%s
<div class="btns"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="share">分享：<span class="bds_weixin">微信</span><span class="bds_tsina">微博</span></div>
</div>
<div id="foot"><p>主办：衢州市科学技术局　承办：衢州市大数据发展管理局</p><p>地址：浙江省衢州市柯城区花园东大道 <a href="https://beian.miit.gov.cn">浙ICP备05012345号-1</a> 浙公网安备33080202000123号　网站标识码：3308000018</p>
<script type="text/javascript">document.write(unescape("%%3Cspan id='_ideConac' %%3E%%3C/span%%3E%%3Cscript src='https://dcs.conac.cn/js/14/000/0000/40667771/CA140000000406677710005.js' type='text/javascript'%%3E%%3C/script%%3E"));</script></div>
</body>
</html>
""" % (d["title"], meta, tbl, d["title"], src, d["pub"][:10], art, content, atts)


# ----------------------------------------------------------------------------------------------
# 4. kjj.huaian.gov.cn  gb2312 label, GBK bytes, [ ] numbers, title prefix, attachments outside
HA_SIDE = [("淮安市科学技术局关于组织申报2026年度市级科技计划项目的通知", "淮科发[2026]3号", "2026-01-12"),
           ("关于2025年度淮安市新型研发机构备案名单的公示", "", "2025-12-19"),
           ("淮安市科学技术局关于印发《淮安市科技计划项目管理办法》的通知", "淮科发[2023]17号", "2023-06-02")]


def t_huaian(d, url):
    content = ""
    if is_order(d):
        content += order_head(d, spaced=True)
        content += paras(d["body"][:1])
        content += '<p style="text-align:right;">%s</p><p style="text-align:right;">%s</p>' % (d["sig"][0], d["sigdate"])
        content += '<p style="text-align:center;font-weight:bold;">%s</p>' % d["title"] + paras(d["body"][1:])
    else:
        if d["num"]:
            content += '<p align="center">%s</p>' % num_show(d["num"], "square")
        content += paras(d["body"])
        if d["id"] == "ha2":
            rows = [("江苏堃泰新材料有限公司", "淮安市高分子新材料工程技术研究中心"), ("淮安喆创智能装备有限公司", "淮安市智能焊接装备工程技术研究中心"),
                    ("江苏淮扬食品科技有限公司", "淮安市预制菜加工工程技术研究中心")]
            content += '<table border="1" cellspacing="0"><tr><td>依托单位</td><td>工程技术研究中心名称</td></tr>' + "".join(
                "<tr><td>%s</td><td>%s</td></tr>" % r for r in rows) + "</table>"
        if len(d["sig"]) > 1:
            content += "<p>%s%s%s%s</p>" % (NB * 12, d["sig"][0], NB * 10, d["sig"][1])
            content += "<p>%s%s</p>" % (NB * 44, d["sigdate"])
        else:
            content += sig_pad(d, 50)
    src = ("来源：%s" % d["src"]) if d["src"] else "来源：淮安市科学技术局"
    side = "".join('<li><a href="/hakjj/tzgg/202%d/art_%d.html">%s</a>%s<span>%s</span></li>' % (
        i, 9000 + i, s[0], ("<i>%s</i>" % s[1]) if s[1] else "", s[2]) for i, s in enumerate(HA_SIDE))
    return """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>淮安市科学技术局-通知公告-%s</title>
<meta name="description" content="%s">
<meta name="pubdate" content="2025-01-01 00:00:00">
<link rel="stylesheet" href="/hakjj/css/index.css">
</head>
<body>
<div class="header"><div class="w"><a href="/"><img src="/hakjj/images/logo.png" alt="淮安市科学技术局"></a><span class="wza">无障碍</span><span class="lh">关怀版</span></div></div>
<div class="menu"><ul><li><a href="/">网站首页</a></li><li><a href="/hakjj/jgzn/">机构职能</a></li><li><a href="/hakjj/zwgk/">政务公开</a></li><li><a href="/hakjj/kjdt/">科技动态</a></li><li><a href="/hakjj/zcfg/">政策法规</a></li></ul></div>
<div class="w main">
<div class="loc">您当前的位置：<a href="/">首页</a> &gt;&gt; <a href="/hakjj/tzgg/">通知公告</a></div>
<div class="left">
<h1 class="arttitle">%s</h1>
<div class="artinfo">发布日期：%s 09:32:10　　%s　　浏览次数：<span id="hits"><script>document.write(Math.floor(Math.random()*900)+100)</script></span></div>
<div class="artcon" id="zoom" style="font-size:16px;">
%s
</div>
%s
<div class="page-btn"><a href="javascript:window.print();">【打印此页】</a><a href="javascript:window.close();">【关闭窗口】</a></div>
</div>
<div class="right"><div class="tit">热点文件</div><ul>%s</ul></div>
</div>
<div class="footer">主办单位：淮安市科学技术局　地址：淮安市清江浦区健康西路102号<br><a href="https://beian.miit.gov.cn">苏ICP备10066589号</a>　苏公网安备32080202000321号　网站标识码：3208000016</div>
</body>
</html>
""" % (d["title"], d["title"][:20], d["title"], d["pub"], src, content, atts_html(d), side)


# ----------------------------------------------------------------------------------------------
# 5. kjj.jiujiang.gov.cn  gb18030, xxgk table, 【】 numbers, stale meta, rare character in sidebar
JJ_SIDE = [("九江市科学技术局关于公布2025年度九江市重点实验室名单的通知", "九科字〔2025〕58号", "2025-11-20"),
           ("䶮湖科创走廊建设推进会在濂溪区召开", "", "2026-02-27"),
           ("九江市科学技术局关于印发《九江市科技计划项目管理办法》的通知", "九科字〔2022〕9号", "2022-04-06")]


def t_jiujiang(d, url):
    shown = num_show(d["num"], "lent" if d["id"] in ("jj1", "jj4") else "paren")
    tbl = ('<table class="xxgk_table"><tbody><tr><th>索引号：</th><td>K24-%s-%s</td><th>发布机构：</th><td>%s</td></tr>'
           '<tr><th>文　　号：</th><td>%s</td><th>成文日期：</th><td>%s</td></tr>'
           '<tr><th>发布日期：</th><td>%s</td><th>有 效 性：</th><td>有效</td></tr>'
           '<tr><th>标　　题：</th><td colspan="3">%s</td></tr></tbody></table>' % (
               d["pub"][:4], d["id"], "九江市人民政府" if d["id"] == "jj2" else "九江市科学技术局", shown,
               d["exp"]["written_date"], d["pub"][:10], d["title"]))
    content = paras(d["body"]) + sig_right(d)
    atts = ""
    if d["att"]:
        atts = '<div class="fj"><p>附件下载：</p>' + "".join(
            '<p><a href="%s" oldsrc="%s">%s</a></p>' % (h, h[2:].replace("P0", "W0"), t) for t, h in d["att"]) + "</div>"
        content += atts
    side = "".join('<li><a href="/zwgk/tzgg/202%d/t%s_%d.html">%s</a>%s<span>%s</span></li>' % (
        i, s[2].replace("-", ""), 6500000 + i, s[0], (" " + s[1]) if s[1] else "", s[2]) for i, s in enumerate(JJ_SIDE))
    return """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030">
<meta name="firstpublishedtime" content="2023-05-06 10:00:00">
<meta name="lastmodifiedtime" content="2026-11-28 23:59:01">
<meta name="title" content="%s">
<title>%s_九江市科学技术局</title>
<link rel="stylesheet" href="/images/jjkjj/css/base.css">
</head>
<body>
<div class="jj-top"><div class="w1200"><span>欢迎访问九江市科学技术局网站</span><a href="/wza/">无障碍</a><a href="/mobile/">手机版</a></div></div>
<div class="jj-header"><img src="/images/jjkjj/logo.png" alt="九江市科学技术局"></div>
<div class="jj-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/kjzx/">科技资讯</a><a href="/zcjd/">政策解读</a><a href="/bsfw/">办事服务</a><a href="/hdjl/">互动交流</a></div>
<div class="w1200"><div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>
%s
<div class="art-title"><h2>%s</h2></div>
<div class="art-info"><span>来源：%s</span><span>发布时间：%s</span><span>【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</span></div>
<div class="art-con TRS_UEDITOR trs_paper_default trs_web">
%s
</div>
<div class="art-pn"><p>上一篇：<a href="./t20251120_6500001.html">九江市科学技术局关于公布2025年度九江市重点实验室名单的通知</a></p><p>下一篇：没有了</p></div>
<div class="related"><h4>相关阅读</h4><ul>%s</ul></div>
</div>
<div class="jj-foot"><p>主办单位：九江市科学技术局　<a href="https://beian.miit.gov.cn">赣ICP备05004123号-2</a>　赣公网安备36040202000188号　网站标识码：3604000017</p></div>
<script type="text/javascript" src="/images/jjkjj/js/tongji.js"></script>
</body>
</html>
""" % (d["title"], d["title"], tbl, d["title"], d["src"] or "九江市科学技术局", d["pub"][:10], content, side)


# ----------------------------------------------------------------------------------------------
# 6. kjj.huizhou.gov.cn  gkmlpt, utf-8, dl metadata, stale JS config
def t_huizhou(d, url):
    news = d["num"] is None
    post = re.search(r"post_(\d+)", url).group(1)
    if news:
        info = ('<div class="article-info"><span class="date">%s</span><span class="source">来源：%s</span></div>'
                % (d["pub"][:10] + " 16:20:45", d["src"]))
    else:
        info = ('<div class="gkmlpt-meta"><dl><dt>索引号：</dt><dd>11441300007190XXXX/2026-%s</dd></dl>'
                '<dl><dt>分类：</dt><dd>科技、教育;通知</dd></dl><dl><dt>发布机构：</dt><dd>%s</dd></dl>'
                '<dl><dt>成文日期：</dt><dd>%s</dd></dl><dl><dt>名称：</dt><dd>%s</dd></dl>'
                '<dl><dt>文号：</dt><dd>%s</dd></dl><dl><dt>发布日期：</dt><dd>%s</dd></dl></div>' % (
                    post, "　".join(d["sig"]), d["exp"]["written_date"], d["title"], d["num"], d["pub"][:10]))
    content = paras(d["body"])
    if d["att"]:
        content += '<p>附件：<a href="%s">%s</a></p>' % (d["att"][0][1], d["att"][0][0])
    if not news:
        if len(d["sig"]) > 1:
            content += '<p style="text-align:right;">%s</p>' % ("　　".join(d["sig"]))
            content += '<p style="text-align:right;">%s</p>' % d["sigdate"]
        else:
            content += sig_right(d)
        content += '<p>公开方式：主动公开</p>'
    cfg = json.dumps({"post_id": int(post), "publish_time": "2025-01-01 00:00:00", "site": "惠州市科学技术局",
                      "title": d["title"]}, ensure_ascii=False)
    return """<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s - 惠州市科学技术局</title>
<meta name="ColumnName" content="政府信息公开">
<meta name="PubDate" content="2025-01-01 00:00">
<link rel="stylesheet" href="/gkmlpt/static/css/gkmlpt.min.css">
<script>window._CONFIG = %s;</script>
</head>
<body>
<div id="gkmlpt-header"><div class="site-name">惠州市科学技术局</div><div class="links"><a href="/">网站首页</a> | <a href="/gkmlpt/index">政府信息公开</a> | <a href="/gkmlpt/policy">政策文件</a></div></div>
<div class="gkmlpt-crumb">您所在的位置：<a href="/gkmlpt/index">政府信息公开</a> &gt; <a href="/gkmlpt/index#2345">通知公告</a></div>
<div class="gkmlpt-content">
%s
<h1 class="content-title">%s</h1>
<div class="article-content" id="zoomcon">
%s
</div>
<div class="article-op"><a href="javascript:window.print()">打印</a> <a href="javascript:void(0)" class="share-wx">分享</a></div>
<div class="related"><h3>相关文件</h3><ul>
<li><a href="/gkmlpt/content/5/5012/post_5012345.html">惠州市科学技术局关于印发《惠州市科技专项资金管理办法》的通知</a> 惠市科〔2024〕12号 2024-04-11</li>
<li><a href="/gkmlpt/content/5/5098/post_5098765.html">惠州市科学技术局关于2025年惠州市科技专项资金项目拟资助名单的公示</a> 2025-12-22</li>
</ul></div>
</div>
<div class="gkmlpt-footer"><p>惠州市科学技术局主办　<a href="https://beian.miit.gov.cn">粤ICP备11012345号</a>　网站标识码：4413000015　粤公网安备44130202000123号</p></div>
<script src="/gkmlpt/static/js/gkmlpt.min.js"></script>
</body>
</html>
""" % (d["title"], cfg, info, d["title"], content)


# ----------------------------------------------------------------------------------------------
# 7. kjj.my.gov.cn  NO charset declared (utf-8 bytes), legacy layout, date in 年月日 with zeros
def t_my(d, url):
    y, m, dd = d["pub"][:10].split("-")
    date = "%s年%s月%s日" % (y, m, dd)
    content = ""
    if d["num"]:
        content += '<p align="center">%s</p>' % d["num"]
    content += paras(d["body"], "text-indent:32px;")
    if d["id"] == "my4":
        content += ('<table border="1" style="border-collapse:collapse"><tr><td>序号</td><td>项目名称</td><td>承担单位</td></tr>'
                    '<tr><td>1</td><td>面向核能装备的智能检测技术研究</td><td>西南科技大学</td></tr>'
                    '<tr><td>2</td><td>高性能碳化硅功率器件研发</td><td>四川九洲电器集团有限责任公司</td></tr></table>')
    if len(d["sig"]) > 1:
        content += '<p style="text-align:right;">%s</p><p style="text-align:right;">%s</p>' % ("&nbsp;&nbsp;&nbsp;".join(d["sig"]), d["sigdate"])
    elif d["sigdate"]:
        content += sig_right(d)
    src = d["src"] or "绵阳市科学技术局"
    atts = ""
    if d["att"]:
        atts = "<div class=\"xgfj\">相关附件：" + "".join('<a href="%s">%s</a>' % (h, t) for t, h in d["att"]) + "</div>"
    return """<html>
<head>
<title>绵阳市科学技术局</title>
<meta name="keywords" content="绵阳科技局,科技城">
<meta name="created" content="2022-08-01">
<link rel="stylesheet" href="/Template/Default/css/style.css" type="text/css">
<script type="text/javascript" src="/Template/Default/js/common.js"></script>
</head>
<body>
<div id="head"><img src="/Template/Default/images/banner.jpg" alt="绵阳市科学技术局"></div>
<div id="menu"><a href="/">首　页</a> <a href="/news/">科技要闻</a> <a href="/notice/">通知公告</a> <a href="/policy/">政策法规</a> <a href="/xxgk/">信息公开</a></div>
<div id="wrap">
<div class="curpos">当前位置：<a href="/">首页</a> → <a href="/notice/">通知公告</a> → 正文</div>
<div class="showtitle">%s</div>
<div class="showinfo">作者：admin　　文章来源：%s　　点击数：<span id="hits">1832</span>　　更新时间：%s</div>
<div class="showcontent">
%s
</div>
%s
<div class="tools">【<a href="javascript:window.print()">打印此文</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="prenext">上一篇：<a href="/notice/2026/0101.html">绵阳市科学技术局关于开展2026年度科技特派员选派工作的通知</a>　下一篇：<a href="/notice/2026/0102.html">关于2025年度绵阳市科技进步奖提名项目的公示</a></div>
</div>
<div id="foot">版权所有：绵阳市科学技术局　　<a href="https://beian.miit.gov.cn">蜀ICP备05001234号</a>　网站标识码：5107000021<br>地址：四川省绵阳市涪城区花园路1号</div>
</body>
</html>
""" % (d["title"], src, date, content, atts)


# ----------------------------------------------------------------------------------------------
# 8. kjj.hengyang.gov.cn  UCAP-like with print view, utf-8
def t_hengyang(d, url):
    news = d["num"] is None
    y, m, dd = d["pub"][:10].split("-")
    tbl = ""
    if not news:
        tbl = ('<div class="xxgk-info"><ul><li><b>发布机构：</b>%s</li><li><b>发文字号：</b>%s</li>'
               '<li><b>成文日期：</b>%s</li><li><b>发布日期：</b>%s</li></ul></div>' % (
                   "、".join(d["sig"]), d["num"], dmy(d["exp"]["written_date"]), dmy(d["pub"])))
    content = paras(d["body"])
    if not news:
        if len(d["sig"]) > 1:
            content += "".join("<p>%s%s</p>" % (NB * 36, s) for s in d["sig"])
            content += "<p>%s%s</p>" % (NB * 40, d["sigdate"])
        else:
            content += sig_pad(d, 44)
    atts = atts_html(d, "fujian-list")
    return """<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>%s</title>
<meta name="SiteName" content="衡阳市科学技术局">
<meta name="ArticleTitle" content="%s">
<meta name="PubDate" content="%s 00:00:00">
<link rel="stylesheet" href="/hyskjj/ucap/css/print.css" media="print">
<link rel="stylesheet" href="/hyskjj/ucap/css/main.css">
</head>
<body class="ucap-print-view">
<div class="print-bar"><span>衡阳市科学技术局 · 打印预览</span><a href="javascript:window.print();" class="btn">打印本页</a><a href="javascript:window.close();" class="btn">关闭</a></div>
<div class="hd-nav" style="display:none"><a href="/hyskjj/index.shtml">首页</a><a href="/hyskjj/xxgk/">信息公开</a><a href="/hyskjj/kjdt/">科技动态</a></div>
<div class="ucap-article">
<h1 id="ucap_title" style="text-align:center">%s</h1>
<div class="ucap-sub">发布时间：<span>%s</span>-<span>%s</span>-<span>%s</span> <span>10:21</span>　来源：%s　<span class="ucap-count">浏览量：<i id="ucap_hits"></i></span></div>
%s
<div id="ucap_content" class="ucap-content">
%s
</div>
%s
</div>
<div class="ucap-foot">衡阳市科学技术局主办　<a href="https://beian.miit.gov.cn">湘ICP备12001234号</a>　网站标识码：4304000007</div>
<script src="/hyskjj/ucap/js/hits.js?infoid=%s"></script>
</body>
</html>
""" % ("衡阳市科学技术局", d["title"], "2024-06-18", d["title"], y, m, dd, d["src"] or "衡阳市科学技术局", tbl, content, atts, d["id"])


# ----------------------------------------------------------------------------------------------
# 9. www.cls.cn  news, Next.js, utf-8, title suffix, telegraph sidebar with other dates
def t_cls(d, url):
    wk = "星期" + "一二三四五六日"[__import__("datetime").date(*map(int, d["pub"][:10].split("-"))).weekday()]
    aid = re.search(r"(\d+)$", url).group(1)
    nd = json.dumps({"props": {"initialState": {"detail": {"articleDetail": {"id": int(aid), "title": d["title"],
                     "ctime": 1700000000, "author": "财联社", "brief": d["body"][0][:40]}}}}, "page": "/detail/[id]"},
                    ensure_ascii=False)
    body = "".join("<p>%s</p>" % p for p in d["body"])
    return """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width">
<title>%s_财联社</title>
<meta name="description" content="%s">
<meta property="og:title" content="%s">
<link rel="preload" href="/_next/static/css/8b1a.css" as="style">
</head>
<body>
<div id="__next"><div class="header"><a href="/" class="logo">财联社</a><nav><a href="/telegraph">电报</a><a href="/depth?id=1000">头条</a><a href="/subject">话题</a><a href="/vip">VIP</a></nav><div class="download">下载APP</div></div>
<div class="detail-content-box">
<div class="f-l content-left">
<div class="detail-title"><span>%s</span></div>
<div class="detail-option"><span class="m-r-10">%s</span><span class="m-r-10">%s</span><span class="detail-option-readnumber">阅 2.3W</span></div>
<div class="detail-brief">%s</div>
<div class="detail-content">%s</div>
<div class="detail-disclaimer">声明：文章不代表财联社观点，谨慎投资</div>
<div class="detail-share"><span>分享至</span><i class="wx"></i><i class="wb"></i></div>
</div>
<div class="f-r content-right"><div class="tit">电报持续滚动</div><ul>
<li><span>2026-11-30 08:12</span>【国务院常务会议：部署推进新型工业化】</li>
<li><span>2026-11-29 21:40</span>【财政部：下达2026年中央财政科技专项资金预算】</li>
</ul></div></div>
<div class="footer">上海财联社信息技术有限公司　<a href="https://beian.miit.gov.cn">沪ICP备14040942号-9</a>　沪公网安备31010602000123号</div></div>
<script id="__NEXT_DATA__" type="application/json">%s</script>
</body>
</html>
""" % (d["title"], d["body"][0][:60], d["title"], d["title"], d["pub"], wk, d["body"][0][:50], body, nd)


# ----------------------------------------------------------------------------------------------
# 10. www.cnstock.com  news, GBK, bullet line with source/date, related news
def t_cnstock(d, url):
    body = "".join("<p>　　%s</p>" % p for p in d["body"])
    return """<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>%s-中国证券网</title>
<meta name="keywords" content="科技,政策">
<meta name="publishdate" content="2019-01-01 00:00:00">
<link href="//static.cnstock.com/css/article.css" rel="stylesheet">
</head>
<body>
<div class="top-nav"><a href="//www.cnstock.com">中国证券网</a>｜<a href="//news.cnstock.com">要闻</a>｜<a href="//company.cnstock.com">公司</a>｜<a href="//stock.cnstock.com">市场</a>｜<a href="//jrz.cnstock.com">基金</a></div>
<div class="main-content">
<div class="crumbs"><a href="//www.cnstock.com">首页</a> &gt; <a href="//news.cnstock.com">新闻</a> &gt; 宏观</div>
<h1 class="title">%s</h1>
<div class="bullet"><span class="source">来源：%s</span><span class="author">作者：</span><span class="timer">%s</span></div>
<div class="content" id="qmt_content_div">
%s
</div>
<div class="editor">责任编辑：ZB</div>
<div class="bullet-share">分享到：<a>微信</a><a>微博</a></div>
<div class="related"><h3>相关阅读</h3><ul>
<li><a href="//news.cnstock.com/news,yw-202611-5123456.htm">证监会：进一步深化科创板改革</a><span>2026-11-28</span></li>
<li><a href="//news.cnstock.com/news,yw-202611-5123001.htm">央行：保持流动性合理充裕</a><span>2026-11-27</span></li>
</ul></div>
</div>
<div class="footer">上海证券报社主办　中国证券网版权所有　<a href="https://beian.miit.gov.cn">沪ICP备06014427号</a>　互联网新闻信息服务许可证：31120170003</div>
<script src="//static.cnstock.com/js/count.js"></script>
</body>
</html>
""" % (d["title"], d["title"], d["src"] or "中国证券网", d["pub"], body)


TEMPLATES = {
    "nea": (t_nea, "www.nea.gov.cn", "utf-8", "utf-8", lambda i, d: "https://www.nea.gov.cn/%s/t%s_%d.htm" % (
        d["pub"][:7].replace("-", ""), d["pub"][:10].replace("-", ""), 1310800 + i)),
    "sport": (t_sport, "www.sport.gov.cn", "gbk", "gbk", lambda i, d: "https://www.sport.gov.cn/n315/n20001395/c%d/content.html" % (28760100 + i * 99)),
    "qz": (t_qz, "kjj.qz.gov.cn", "utf-8", "utf-8", lambda i, d: "https://kjj.qz.gov.cn/art/%s/art_1229105_%d.html" % (
        "/".join(str(int(x)) for x in d["pub"][:10].split("-")), 5880120 + i)),
    "huaian": (t_huaian, "kjj.huaian.gov.cn", "gbk", "gbk", lambda i, d: "http://kjj.huaian.gov.cn/hakjj/tzgg/%s/art_%d.html" % (
        d["pub"][:7].replace("-", ""), 91200 + i)),
    "jiujiang": (t_jiujiang, "kjj.jiujiang.gov.cn", "gb18030", "gb18030", lambda i, d: "https://kjj.jiujiang.gov.cn/zwgk/tzgg/%s/t%s_%d.html" % (
        d["pub"][:7].replace("-", ""), d["pub"][:10].replace("-", ""), 6600000 + i)),
    "huizhou": (t_huizhou, "kjj.huizhou.gov.cn", "utf-8", "utf-8", lambda i, d: "http://kjj.huizhou.gov.cn/gkmlpt/content/5/%d/post_%d.html#2345" % (
        5130 + i, 5130100 + i)),
    "my": (t_my, "kjj.my.gov.cn", "utf-8", "utf-8", lambda i, d: "http://kjj.my.gov.cn/notice/%s/%d.html" % (d["pub"][:4], 3300 + i)),
    "hengyang": (t_hengyang, "kjj.hengyang.gov.cn", "utf-8", "utf-8", lambda i, d: "https://kjj.hengyang.gov.cn/hyskjj/xxgk/%s/%d.shtml?print=1" % (
        d["pub"][:7].replace("-", ""), 1209876500 + i)),
    "cls": (t_cls, "www.cls.cn", "utf-8", "utf-8", lambda i, d: "https://www.cls.cn/detail/%d" % (1650000 + i * 371)),
    "cnstock": (t_cnstock, "www.cnstock.com", "gbk", "gbk", lambda i, d: "https://news.cnstock.com/news,yw-%s-%d.htm" % (
        d["pub"][:7].replace("-", ""), 4480000 + i * 13)),
}
# page encodings (bytes) and the label; huaian declares gb2312 but carries GBK-only characters


def build():
    cases = []
    for i, d in enumerate(DOCS):
        fn, host, enc, label_enc, urlf = TEMPLATES[d["tpl"]]
        url = urlf(i, d)
        if d["tpl"] == "cnstock":
            host = "www.cnstock.com"
        page = fn(d, url)
        data = page.encode(enc)
        name = "%s.html" % d["id"]
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(data)
        cases.append({"id": d["id"], "file": name, "url": url, "template": d["tpl"], "host": host,
                      "encoding": label_enc, "expected": d["exp"]})
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d pages" % len(cases))


SHORT = {"国家发展和改革委员会": ["国家发展改革委"], "国家体育总局": ["体育总局"], "国家体育总局办公厅": ["体育总局办公厅"],
         "绵阳科技城新区管理委员会": ["绵阳科技城新区管委会"]}


def visible(raw, enc):
    t = raw.decode(enc)
    t = re.sub(r"(?is)<script.*?</script>", "", t)
    t = re.sub(r"(?is)<style.*?</style>", "", t)
    t = re.sub(r"(?s)<!--.*?-->", "", t)
    t = re.sub(r"(?is)<(title|head)[^>]*>.*?</\1>", "", t) if False else t
    t = re.sub(r"(?s)<head>.*?</head>", "", t)
    t = re.sub(r"<[^>]+>", "", t)
    return html.unescape(t).replace("\xa0", " ")


def norm(s):
    s = re.sub(r"\s+", "", s)
    for a, b in (("[", "〔"), ("]", "〕"), ("【", "〔"), ("】", "〕"), ("（", "〔"), ("）", "〕")):
        s = s.replace(a, b)
    return s


def date_forms(s):
    y, m, d = s.split("-")
    return ["%s-%s-%s" % (y, m, d), "%s年%d月%d日" % (y, int(m), int(d)), "%s年%s月%s日" % (y, m, d), "%s/%s/%s" % (y, m, d)]


def check():
    cases = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))["cases"]
    bad = 0
    for c in cases:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        enc = c["encoding"]
        t = visible(raw, enc)
        nt = norm(t)
        e = c["expected"]
        errs = []
        if e["title"] not in t:
            errs.append("title")
        if e["doc_number"] and norm(e["doc_number"]) not in nt:
            errs.append("doc_number")
        for k in ("written_date", "published_date"):
            if e[k] and not any(f in t for f in date_forms(e[k])):
                errs.append(k)
        for iss in e["issuers"]:
            if iss not in t and not any(s in t for s in SHORT.get(iss, [])):
                errs.append("issuer " + iss)
        for a in e["attachments"]:
            if not re.search(r"<a [^>]*>%s</a>" % re.escape(a), raw.decode(enc)):
                errs.append("att " + a)
        for city in e["pilot_zone_cities"]:
            if city not in t:
                errs.append("city " + city)
        for r in e["repeals"]:
            if norm(r) not in nt:
                errs.append("repeal " + r)
        # the declared charset
        head = raw[:600].decode("ascii", "replace").lower()
        if c["template"] == "my" and "charset" in head:
            errs.append("charset declared")
        if errs:
            bad += 1
            print(c["id"], errs)
    # the gb2312-labelled page really needs GBK
    for c in cases:
        if c["template"] == "huaian":
            try:
                open(os.path.join(HERE, c["file"]), "rb").read().decode("gb2312")
            except UnicodeDecodeError:
                break
    else:
        print("no huaian page needs GBK"); bad += 1
    jj = [c for c in cases if c["template"] == "jiujiang"]
    for c in jj:
        try:
            open(os.path.join(HERE, c["file"]), "rb").read().decode("gbk")
            print(c["id"], "decodes as GBK (expected a GB18030-only sequence)"); bad += 1
        except UnicodeDecodeError:
            pass
    print("check: %d cases, %d bad" % (len(cases), bad))
    return bad == 0


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    build()

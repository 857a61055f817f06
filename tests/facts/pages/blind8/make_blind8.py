# -*- coding: utf-8 -*-
"""blind8 page generator. Run once: `python3 make_blind8.py` writes the pages and labels.json;
`python3 make_blind8.py --check` decodes every page, strips tags/scripts/styles/comments and the <head>,
and asserts every labelled value is visible in the rendered text."""
import html, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from blind8_docs import DOCS, HOSTS, ENCODINGS, expected  # noqa: E402

CN_DIG = "〇一二三四五六七八九"


def ymd(d):
    y, m, dd = d.split("-")
    return int(y), int(m), int(dd)


def cn(d, pad=False):
    y, m, dd = ymd(d)
    return f"{y}年{m:02d}月{dd:02d}日" if pad else f"{y}年{m}月{dd}日"


def cnnum(n):
    if n < 10:
        return CN_DIG[n]
    if n < 20:
        return "十" + (CN_DIG[n % 10] if n % 10 else "")
    return CN_DIG[n // 10] + "十" + (CN_DIG[n % 10] if n % 10 else "")


def cnfull(d):
    y, m, dd = ymd(d)
    return "".join(CN_DIG[int(c)] for c in str(y)) + "年" + cnnum(m) + "月" + cnnum(dd) + "日"


def wdate(d):
    return d.get("wprint") or cn(d["written"])


def esc(s):
    return html.escape(s, quote=False)


def paras(d, style='text-indent:2em;', tag="p"):
    out = []
    for p in d["body"]:
        if p == "TABLE":
            rows = "".join("<tr>" + "".join(f"<td style=\"border:1px solid #999;padding:4px\">{esc(c)}</td>" for c in r) + "</tr>\n" for r in d["table"])
            out.append(f"<table cellspacing=\"0\" style=\"border-collapse:collapse;margin:0 auto\">\n<tbody>{rows}</tbody></table>")
        elif p.endswith("：") and len(p) < 60 and not p.startswith("联系"):
            out.append(f"<{tag} style=\"text-indent:0\">{esc(p)}</{tag}>")
        else:
            out.append(f"<{tag} style=\"{style}\">{esc(p)}</{tag}>")
    return "\n".join(out)


def sign_block(d, align="right", pad=False, date=None):
    if not d["sign"]:
        return ""
    lines = []
    for s in d["sign"]:
        if pad:
            lines.append(f"<p>{'&nbsp;' * 40}{esc(s)}</p>")
        else:
            lines.append(f"<p style=\"text-align:{align}\">{esc(s)}</p>")
    dt = date or wdate(d)
    if pad:
        lines.append(f"<p>{'&nbsp;' * 42}{esc(dt)}</p>")
    else:
        lines.append(f"<p style=\"text-align:{align}\">{esc(dt)}</p>")
    return "\n".join(lines)


def att_list(d, ul_class="fujian", prefix=""):
    if not d["atts"]:
        return ""
    items = "".join(f"<li><a href=\"{esc(h)}\" target=\"_blank\">{esc(t)}</a></li>\n" for t, h in d["atts"])
    return f"<div class=\"{ul_class}\">{prefix}<ul>\n{items}</ul></div>"


def related(items, cls="related", head="相关文件"):
    lis = "".join(f"<li><a href=\"{esc(u)}\" title=\"{esc(t)}\">{esc(t)}</a><span class=\"date\">{esc(dt)}</span></li>\n" for t, u, dt in items)
    return f"<div class=\"{cls}\"><h3>{head}</h3><ul>\n{lis}</ul></div>"


def prevnext(docs, i, base):
    p = docs[i - 1] if i > 0 else None
    n = docs[i + 1] if i + 1 < len(docs) else None
    s = "<div class=\"prevnext\">"
    s += f"<p>上一篇：<a href=\"{base}{p['path']}\">{esc(p['title'])}</a></p>" if p else "<p>上一篇：没有了</p>"
    s += f"<p>下一篇：<a href=\"{base}{n['path']}\">{esc(n['title'])}</a></p>" if n else "<p>下一篇：没有了</p>"
    return s + "</div>"


SHARE = ("<div class=\"share\">分享到：<a href=\"javascript:void(0)\" class=\"wx\">微信</a>"
         "<a href=\"javascript:void(0)\" class=\"wb\">微博</a><a href=\"javascript:void(0)\" class=\"qq\">QQ空间</a></div>")
TOOLS = ("<div class=\"tools\">【字体：<a href=\"javascript:doZoom(18)\">大</a> <a href=\"javascript:doZoom(16)\">中</a> "
         "<a href=\"javascript:doZoom(14)\">小</a>】 <a href=\"javascript:window.print()\">【打印本页】</a> "
         "<a href=\"javascript:window.close()\">【关闭窗口】</a></div>")
COUNTER = "<script type=\"text/javascript\">var _hmt=_hmt||[];(function(){var hm=document.createElement('script');hm.src='https://hm.baidu.com/hm.js?8a1f0c3b';var s=document.getElementsByTagName('script')[0];s.parentNode.insertBefore(hm,s);})();</script>"


# ------------------------------------------------------------------ 1 mca (TRS WCM, utf-8)
MCA_SIDE = [("民政部关于印发《“十五五”民政事业发展规划》的通知", "/n1288/n1290/c1662004999999990011/content.html", "2026-02-03"),
            ("民政部 财政部关于做好2025年困难群众救助工作的通知（民发〔2025〕12号）", "/n1288/n1290/c1662004999999990012/content.html", "2025-04-11"),
            ("民政部办公厅关于开展2025年“敬老月”活动的通知", "/n1288/n1290/c1662004999999990013/content.html", "2025-09-26")]


def t_mca(d, i, docs):
    base = "https://www.mca.gov.cn"
    stale = "2024-06-30 10:12:05"
    title_tag = "中华人民共和国民政部" if i % 2 == 0 else f"{d['title']}-中华人民共和国民政部"
    col = "新闻中心" if d["kind"] == "news" else "政务公开"
    meta = ""
    if d.get("xxgk"):
        meta = f"""<table class="xxgk_table" width="100%" border="0" cellspacing="0" cellpadding="0">
<tr><td class="t1">索&nbsp;引&nbsp;号：</td><td>000014349/2026-00{10+i}</td><td class="t1">主题分类：</td><td>社会福利</td></tr>
<tr><td class="t1">发文机关：</td><td>{'、'.join(esc(s) for s in d['sign'])}</td><td class="t1">成文日期：</td><td>{cn(d['written'])}</td></tr>
<tr><td class="t1">标&nbsp;&nbsp;&nbsp;&nbsp;题：</td><td colspan="3">{esc(d['title'])}</td></tr>
<tr><td class="t1">发文字号：</td><td>{esc(d['num_print'])}</td><td class="t1">发布日期：</td><td>{cn(d['published'])}</td></tr>
</table>"""
    head_no = ""
    if d["kind"] == "order":
        head_no = f"<p style=\"text-align:center;font-weight:bold\">{esc(d['num_print'])}</p>"
    elif d["num_print"] and not d.get("xxgk"):
        head_no = f"<p style=\"text-align:center\">{esc(d['num_print'])}</p>"
    src = d.get("source") or ("民政部办公厅" if d["kind"] != "news" else "")
    by = f"<span>作者：{esc(d['author'])}</span>" if d.get("author") else ""
    sig = ""
    if d["kind"] == "order":
        sig = f"<p style=\"text-align:right\">{esc(d['sign'][0])}</p><p style=\"text-align:right\">{cn(d['written'])}</p>"
    else:
        sig = sign_block(d)
    atts = ""
    if d["atts"]:
        atts = "<div class=\"fj\"><p>附件：</p>" + "".join(f"<p><a href=\"{esc(h)}\" OLDSRC=\"/uploadfiles/{esc(h[2:])}\">{esc(t)}</a></p>" for t, h in d["atts"]) + "</div>"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="中华人民共和国民政部" />
<meta name="SiteDomain" content="www.mca.gov.cn" />
<meta name="ColumnName" content="{col}" />
<meta name="ArticleTitle" content="{esc(d['title'])}" />
<meta name="PubDate" content="{stale}" />
<meta name="ContentSource" content="{esc(src)}" />
<title>{esc(title_tag)}</title>
<link rel="stylesheet" href="/images/mca2024/css/common.css" />
<style>.xxgk_table td{{border:1px solid #dcdcdc;padding:6px}} .t1{{background:#f3f6fa;width:90px}}</style>
<script src="/images/mca2024/js/jquery.min.js"></script>
</head>
<body>
<!-- TRS WCM 8.0 | 模板：政务公开细览 | 生成时间 {stale} -->
<div class="top"><div class="w1200"><a href="/"><img src="/images/mca2024/logo.png" alt="中华人民共和国民政部" /></a>
<div class="topnav"><a href="/">首页</a><a href="/n1288/index.html">政务公开</a><a href="/n152/index.html">新闻中心</a><a href="/n2623/index.html">政务服务</a><a href="/n156/index.html">互动交流</a></div>
<form class="search" action="https://search.mca.gov.cn/"><input name="q" placeholder="请输入关键字" /><button>搜索</button></form></div></div>
<div class="w1200 crumbs">您当前的位置：<a href="/">首页</a> &gt; <a href="/n1288/index.html">{col}</a> &gt; <a href="#">{'新闻发布' if d['kind']=='news' else '文件发布'}</a></div>
<div class="w1200 main">
<div class="left">
{meta}
<div class="artitlelist"><h1>{esc(d['title'])}</h1></div>
<div class="info"><span>发布时间：{d['published']}</span>{'<span>来源：' + esc(src) + '</span>' if src else ''}{by}<span>浏览次数：<i id="hits"></i></span></div>
<div class="content" id="zoom">
<div class="TRS_Editor">
{head_no}
{paras(d)}
{sig}
</div>
{atts}
</div>
{TOOLS}
{SHARE}
{prevnext(docs, i, base)}
</div>
<div class="right">{related(MCA_SIDE)}
<div class="hot"><h3>热点专题</h3><ul><li><a href="/zt/ylfw/">养老服务</a></li><li><a href="/zt/shzz/">社会组织管理</a></li></ul></div></div>
</div>
<div class="footer"><p>主办单位：中华人民共和国民政部 &nbsp; 地址：北京市东城区北河沿大街147号 &nbsp; 邮编：100721</p>
<p><a href="https://beian.miit.gov.cn/">京ICP备05073433号</a> &nbsp; 京公网安备11010102000009号 &nbsp; 网站标识码：bm15000001</p></div>
<script>$.get('/hits/count.jsp?docid=1662004999{i}',function(n){{$('#hits').text(n)}});</script>
{COUNTER}
</body>
</html>
"""


# ------------------------------------------------------------------ 2 nhsa (Hanweb-like art pages, utf-8)
NHSA_SIDE = [("国家医保局 财政部关于做好2025年城乡居民基本医疗保障有关工作的通知", "/art/2025/7/28/art_104_17620.html", "2025-07-28"),
             ("国家医疗保障局办公室关于印发《医疗保障信息化标准化建设指引》的通知（医保办发〔2025〕14号）", "/art/2025/8/15/art_104_17702.html", "2025-08-15"),
             ("关于公布2025年国家医保药品目录调整通过形式审查的药品名单的公告", "/art/2025/8/20/art_53_17755.html", "2025-08-20")]


def t_nhsa(d, i, docs):
    base = "https://www.nhsa.gov.cn"
    y, m, dd = ymd(d["published"])
    table = ""
    if d.get("xxgk"):
        table = f"""<div class="xxgk"><table>
<tr><th>索 引 号：</th><td>11100000MB0116836N/2026-{1000+i*37}</td><th>主题分类：</th><td>{'医疗保障基金监管' if d['kind']=='order' else '综合政务'}</td></tr>
<tr><th>发布机构：</th><td>{'、'.join(esc(s) for s in d['sign']) if d['kind']!='order' else '国家医疗保障局'}</td><th>成文日期：</th><td>{d['written']}</td></tr>
<tr><th>名&emsp;&emsp;称：</th><td colspan="3">{esc(d['title'])}</td></tr>
<tr><th>文&emsp;&emsp;号：</th><td>{esc(d['num_print'])}</td><th>发布日期：</th><td>{d['published']}</td></tr>
<tr><th>主 题 词：</th><td colspan="3"></td></tr>
</table></div>"""
    info = f"<div class=\"atime\"><span>日期：{y}年{m:02d}月{dd:02d}日</span>"
    if d["kind"] == "news":
        info += f"<span>来源：{esc(d['source'])}</span>"
    info += "<span class=\"tools\"><a href=\"javascript:window.print()\">打印</a> <a href=\"javascript:window.close()\">关闭</a></span></div>"
    by = f"<p style=\"text-align:right\">（{esc(d['author'])}）</p>" if d.get("author") else ""
    if d["kind"] == "order":
        top = f"<p style=\"text-align:center\"><strong>{esc(d['num_print'])}</strong></p>"
        sig = f"<p style=\"text-align:right\">{esc(d['sign'][0])}</p><p style=\"text-align:right\">{cn(d['written'])}</p>"
    else:
        top = ""
        sig = sign_block(d, pad=True)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{esc(d['title'])} 国家医疗保障局</title>
<meta name="keywords" content="医疗保障,医保,国家医保局" />
<meta name="description" content="{esc(d['title'])}" />
<!--<meta name="PubDate" content="2023-01-01 00:00">-->
<meta name="createDate" content="{y - 1}-12-31 23:59:59" />
<link href="/images/nhsa/style.css" rel="stylesheet" type="text/css" />
<style>.xxgk table{{width:100%;border-collapse:collapse}}.xxgk th,.xxgk td{{border:1px solid #cfdcec;padding:5px;font-weight:normal}}</style>
</head>
<body>
<div id="barrierfree_container">
<div class="head"><div class="logo"><img src="/images/nhsa/logo.png" alt="国家医疗保障局" /></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/col/col1/">机构概况</a></li><li><a href="/col/col104/">政策法规</a></li><li><a href="/col/col14/">新闻发布</a></li><li><a href="/col/col53/">通知公告</a></li><li><a href="/col/col37/">部门规章</a></li></ul>
<div class="sgkj"><a href="javascript:;">无障碍</a> <a href="javascript:;">长者模式</a></div></div>
<div class="wz">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/col/col{104 if d['kind']!='news' else 14}/">{'政策法规' if d['kind']!='news' else '新闻发布'}</a></div>
<div class="main">
{table}
<!--<$[标题名称]>begin--><div class="atitle">{esc(d['title'])}</div><!--<$[标题名称]>end-->
{info}
<div class="content" id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{top}
{paras(d)}
{sig}
{by}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
{prevnext(docs, i, base)}
{related(NHSA_SIDE, head='相关链接')}
</div>
<div class="foot"><p>版权所有：国家医疗保障局&nbsp;&nbsp;地址：北京市西城区月坛北小街2号院3号楼</p>
<p><a href="https://beian.miit.gov.cn">京ICP备18052379号</a>&nbsp;&nbsp;京公网安备11010202008102号&nbsp;&nbsp;网站标识码：bm74000001</p></div>
</div>
<script language="javascript" src="/script/0/2301050930191432.js"></script>
{COUNTER}
</body>
</html>
"""


# ------------------------------------------------------------------ 3 sastind (old table layout, gb2312 label, GBK bytes)
SAST_SIDE = [("国防科工局关于印发《国防科技工业质量管理规定》的通知", "/n157/c6839001/content.html", "2025-03-14"),
             ("关于征集2025年度国防基础科研项目指南建议的通知（科工技〔2025〕133号）", "/n157/c6839922/content.html", "2025-04-02"),
             ("国防科工局召开核安全工作会议 李喆同志出席", "/n6758824/c6840513/content.html", "2025-05-19")]


def t_sastind(d, i, docs):
    base = "https://www.sastind.gov.cn"
    y, m, dd = ymd(d["published"])
    numline = f"<tr><td align=\"center\" class=\"black14\">{esc(d['num_print'])}</td></tr>" if d["num_print"] else ""
    if d["kind"] == "order":
        sig = (f"<p align=\"right\">{esc(d['sign'][0])}</p><p align=\"right\">{esc(wdate(d))}</p>")
    else:
        sig = sign_block(d)
    atts = ""
    if d["atts"]:
        atts = "<tr><td class=\"black14\">相关附件：<br/>" + "<br/>".join(f"<img src=\"/images/fj.gif\"/><a href=\"{esc(h)}\">{esc(t)}</a>" for t, h in d["atts"]) + "</td></tr>"
    src = d.get("source") or "国家国防科技工业局"
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>国家国防科技工业局</title>
<meta name="publishdate" content="2019-08-01">
<link href="/images/css.css" rel="stylesheet" type="text/css">
<script language="javascript">function doZoom(size){{document.getElementById('zoom').style.fontSize=size+'px';}}</script>
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td><img src="/images/banner.jpg" width="1000" height="120" alt="国家国防科技工业局 国家原子能机构 国家航天局"></td></tr>
<tr><td class="nav"><a href="/">首页</a> | <a href="/n112/index.html">机构设置</a> | <a href="/n157/index.html">政策法规</a> | <a href="/n156/index.html">部门规章</a> | <a href="/n6758824/index.html">新闻中心</a> | <a href="/n127/index.html">公告通知</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td width="740" valign="top">
<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="weizhi">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/n157/index.html">{'新闻中心' if d['kind']=='news' else '政策法规'}</a></td></tr></table>
<table width="96%" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td align="center" class="biaoti" height="60">{esc(d['title'])}</td></tr>
<tr><td align="center" class="hui12">{y}-{m:02d}-{dd:02d}&nbsp;&nbsp;&nbsp;&nbsp;来源：{esc(src)}&nbsp;&nbsp;&nbsp;&nbsp;【字号 <a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr>
<tr><td height="1" bgcolor="#cccccc"></td></tr>
{numline}
<tr><td id="zoom" class="black14">
<!--正文开始-->
{paras(d, style='text-indent:2em;line-height:200%')}
{sig}
<!--正文结束-->
</td></tr>
{atts}
<tr><td align="right"><a href="javascript:window.print()">[打印本页]</a> <a href="javascript:window.close()">[关闭窗口]</a></td></tr>
</table>
</td>
<td width="10"></td>
<td width="250" valign="top" class="right">{related(SAST_SIDE, head='相关新闻')}</td></tr>
</table>
<table width="1000" align="center"><tr><td class="foot" align="center">版权所有：国家国防科技工业局 &nbsp;京ICP备05056733号 &nbsp;网站标识码：bm59000001<br>地址：北京市海淀区阜成路甲8号 邮编：100048</td></tr></table>
<script language="javascript">document.write('<img src="/stat/count.asp?id={6840000+i}" width="0" height="0">');</script>
</body>
</html>
"""


# ------------------------------------------------------------------ 4 kjt.xinjiang (utf-8, split dates)
XJ_SIDE = [("关于组织申报2026年度自治区重大科技专项的通知", "/kjt/c108400/202602/aa01.shtml", "2026-02-11"),
           ("自治区科技厅关于印发《自治区科技计划项目验收管理办法》的通知（新科规字〔2024〕2号）", "/kjt/c108400/202409/aa02.shtml", "2024-09-06"),
           ("关于2025年度自治区自然科学基金拟立项项目的公示", "/kjt/c108402/202507/aa03.shtml", "2025-07-22")]


def t_xinjiang(d, i, docs):
    base = "https://kjt.xinjiang.gov.cn"
    y, m, dd = ymd(d["published"])
    badge = f"<div class=\"datebox\"><div class=\"day\">{dd:02d}</div><div class=\"ym\">{y}-{m:02d}</div></div>"
    meta_dl = ""
    if d["num_print"]:
        meta_dl = f"<div class=\"wh\"><span class=\"lab\">文号：</span><span>{esc(d['num_print'])}</span></div>"
    sig = sign_block(d)
    atts = ""
    if d["atts"]:
        atts = "<div class=\"fujian\"><span>附件下载：</span>" + "".join(f"<p><a href=\"{esc(h)}\" title=\"{esc(t)}\">{esc(t)}</a></p>" for t, h in d["atts"]) + "</div>"
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>新疆维吾尔自治区科学技术厅</title>
<meta name="ArticleTitle" content="{esc(d['title'])}">
<meta name="PubDate" content="{y}-{m:02d}-{dd:02d} 00:00:00">
<meta name="firstpublishedtime" content="2023-03-01-09:30:00">
<link rel="stylesheet" href="/kjt/xhtml/css/style.css">
</head>
<body>
<header class="header"><div class="logo"><img src="/kjt/xhtml/images/logo.png" alt="新疆维吾尔自治区科学技术厅"></div>
<nav><a href="/">首页</a><a href="/kjt/c108399/list.shtml">机构职能</a><a href="/kjt/c108400/list.shtml">通知公告</a><a href="/kjt/c108401/list.shtml">政策文件</a><a href="/kjt/c108402/list.shtml">公示公告</a><a href="/kjt/c108403/list.shtml">科技动态</a></nav>
<div class="lang"><a href="/kjt/wwy/index.shtml">ئۇيغۇرچە</a></div></header>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/kjt/c108400/list.shtml">通知公告</a> &gt; 正文</div>
<div class="container">
<div class="article">
<div class="arttop">
{badge}
<h2 class="arttitle">{esc(d['title'])}</h2>
</div>
<div class="artinfo"><span>来源：新疆维吾尔自治区科学技术厅</span><span>阅读次数：<em id="readcount">--</em></span><span class="print"><a href="javascript:window.print();">打印</a></span></div>
{meta_dl}
<div class="artcon" id="NewsContent">
{paras(d)}
{sig}
</div>
{atts}
{SHARE}
{prevnext(docs, i, base)}
</div>
<aside class="side">{related(XJ_SIDE, head='最新文件')}</aside>
</div>
<footer><p>主办：新疆维吾尔自治区科学技术厅 地址：乌鲁木齐市新华南路</p><p>新ICP备05001209号-1 新公网安备65010202000123号 网站标识码：6500000029</p></footer>
<script>fetch('/kjt/count?id={i}').then(r=>r.text()).then(t=>document.getElementById('readcount').textContent=t);</script>
</body>
</html>
"""


# ------------------------------------------------------------------ 5 kjt.nx (gb18030, dl metadata)
NX_SIDE = [("宁夏回族自治区科学技术厅关于印发《自治区重点研发计划管理办法》的通知（宁科规发〔2024〕3号）", "/xxgk/zfxxgkml/gfxwj/202406/t20240611_1.html", "2024-06-11"),
           ("关于公布2025年自治区科技型中小企业名单（第三批）的通知", "/xxgk/zfxxgkml/tzgg/202509/t20250902_2.html", "2025-09-02"),
           ("自治区科技厅召开科技特派员工作推进会 “䶮云”服务平台上线", "/xwzx/gzdt/202510/t20251015_3.html", "2025-10-15")]


def t_nx(d, i, docs):
    base = "https://kjt.nx.gov.cn"
    y, m, dd = ymd(d["published"])
    dl = ""
    if d["kind"] != "news":
        pub_org = "宁夏回族自治区科学技术厅" if not d.get("source") else "宁夏回族自治区科学技术厅（转载）"
        dl = f"""<div class="xxgk-info"><dl>
<dt>索引号：</dt><dd>640000000/{y}-0{1000+i}</dd>
<dt>发布机构：</dt><dd>{esc(pub_org)}</dd>
<dt>成文日期：</dt><dd>{d['written'].replace('-', '年', 1).replace('-', '月') + '日'}</dd>
<dt>发文字号：</dt><dd>{esc(d['num_print'])}</dd>
<dt>发布日期：</dt><dd>{d['published'].replace('-', '年', 1).replace('-', '月') + '日'}</dd>
<dt>有效性：</dt><dd>有效</dd>
</dl></div>"""
    info = f"<div class=\"info\">发布时间：{y}-{m:02d}-{dd:02d} 10:{20+i}&emsp;来源：{esc(d.get('source') or '自治区科技厅')}"
    if d.get("author"):
        info += f"&emsp;{esc(d['author'])}"
    info += "&emsp;<a href=\"javascript:window.print()\">打印</a></div>"
    sig = sign_block(d, pad=True)
    atts = ""
    if d["atts"]:
        atts = "<div class=\"fj\"><p>附件：</p>" + "".join(f"<p><a href=\"{esc(h)}\">{esc(t)}</a></p>" for t, h in d["atts"]) + "</div>"
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030">
<title>{esc(d['title'])}_自治区科技厅</title>
<meta name="ArticleTitle" content="{esc(d['title'])}">
<meta name="PubDate" content="{y-2}-01-01 08:00">
<link rel="stylesheet" href="/images/nxkjt.css">
</head>
<body>
<div class="top"><div class="logo">宁夏回族自治区科学技术厅</div><div class="topbar"><a href="/">首页</a> <a href="/xxgk/">信息公开</a> <a href="/xwzx/">新闻中心</a> <a href="/zwfw/">政务服务</a> <a href="/hdjl/">互动交流</a></div></div>
<div class="dqwz">您的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">{'新闻中心' if d['kind']=='news' else '政府信息公开'}</a> &gt; <a href="#">{'媒体聚焦' if d['kind']=='news' else '文件'}</a></div>
<div class="main">
{dl}
<h1 class="title">{esc(d['title'])}</h1>
{info}
<div class="view TRS_UEDITOR trs_paper_default trs_web">
{paras(d)}
{sig}
</div>
{atts}
{prevnext(docs, i, base)}
{related(NX_SIDE, head='相关文章')}
</div>
<div class="footer">主办单位：宁夏回族自治区科学技术厅 &nbsp; 宁ICP备05001254号 &nbsp; 宁公网安备64010602000321号 &nbsp; 网站标识码：6400000010</div>
{COUNTER}
</body>
</html>
"""


# ------------------------------------------------------------------ 6 kjj.yantai (Hanweb JCMS, gbk)
YT_SIDE = [("烟台市科学技术局关于公布2025年度烟台市工程技术研究中心名单的通知", "/art/2025/12/10/art_21655_3110001.html", "2025-12-10"),
           ("关于印发《烟台市技术转移奖补实施细则》的通知（烟科规〔2024〕1号）", "/art/2024/5/20/art_21654_3010002.html", "2024-05-20"),
           ("烟台市科技局召开2026年全市科技工作会议", "/art/2026/1/22/art_21658_3115003.html", "2026-01-22")]


def t_yantai(d, i, docs):
    base = "http://kjj.yantai.gov.cn"
    y, m, dd = ymd(d["published"])
    src = d.get("source") or "烟台市科学技术局"
    numline = f"<p style=\"text-align:center\">{esc(d['num_print'])}</p>" if d["num_print"] else ""
    if d["kind"] == "order":
        sig = f"<p style=\"text-align:right\">{esc(d['sign'][0])}</p><p style=\"text-align:right\">{cn(d['written'])}</p>"
    else:
        sig = sign_block(d, pad=True)
    atts = ""
    if d["atts"]:
        atts = "<table class=\"fj\"><tr><td>附件下载：</td></tr>" + "".join(f"<tr><td><a href=\"{esc(h)}\" target=\"_blank\">{esc(t)}</a></td></tr>" for t, h in d["atts"]) + "</table>"
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>烟台市科学技术局 {esc(d['title'])}</title>
<meta name="SiteName" content="烟台市科学技术局">
<meta name="ArticleTitle" content="{esc(d['title'])}">
<meta name="PubDate" content="{y}-{m:02d}-{dd:02d} 08:00">
<meta name="ContentSource" content="{esc(src)}">
<meta name="Keywords" content="">
<script type="text/javascript" src="/script/jquery.js"></script>
</head>
<body>
<div class="header"><img src="/picture/0/banner.jpg" alt="烟台市科学技术局"/><div class="dh"><a href="/">首页</a><a href="/col/col21654/">政策文件</a><a href="/col/col21655/">通知公告</a><a href="/col/col21657/">公示公告</a><a href="/col/col21658/">工作动态</a></div></div>
<div class="bt-position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col21655/">通知公告</a></div>
<table width="1000" align="center" class="article"><tr><td>
<!--<$[标题名称]>begin--><div class="article-title">{esc(d['title'])}</div><!--<$[标题名称]>end-->
<table width="100%" class="article-info"><tr>
<td>发布日期：<!--<$[发布日期]>begin-->{y}-{m:02d}-{dd:02d}<!--<$[发布日期]>end--></td>
<td>信息来源：<!--<$[信息来源]>begin-->{esc(src)}<!--<$[信息来源]>end--></td>
<td>浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=21655&artid={3089417+i}"></script></td>
<td>字号：[ <a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(12)">小</a> ]</td></tr></table>
<div id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{numline}
{paras(d)}
{sig}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</div>
{atts}
<div align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.opener=null;window.open('','_self');window.close();">【关闭窗口】</a></div>
</td></tr></table>
<div class="xgwz">{related(YT_SIDE, head='相关文章')}</div>
<div class="bottom">主办：烟台市科学技术局 &nbsp; 地址：烟台市莱山区港城东大街1212号 &nbsp; 鲁ICP备05002331号 &nbsp; 鲁公网安备37061302000133号 &nbsp; 网站标识码：3706000032</div>
</body>
</html>
"""


# ------------------------------------------------------------------ 7 kjj.tangshan (no charset declared)
TS_SIDE = [("唐山市科学技术局关于组织申报2026年度市级科技计划项目的通知（唐科〔2025〕120号）", "/kjj/tzgg/20251105/1.html", "2025/11/05"),
           ("唐山市科学技术局关于公布2025年唐山市科技型中小企业名单的通知", "/kjj/tzgg/20251218/2.html", "2025/12/18"),
           ("我市召开科技创新大会", "/kjj/kjdt/20260112/3.html", "2026/01/12")]


def t_tangshan(d, i, docs):
    base = "http://kjj.tangshan.gov.cn"
    y, m, dd = ymd(d["published"])
    src = d.get("source") or "唐山市科学技术局"
    by = f"　{esc(d['author'])}" if d.get("author") else ""
    numline = f"<p style=\"text-align:center\">{esc(d['num_print'])}</p>" if d["num_print"] else ""
    sig = sign_block(d)
    atts = ""
    if d["atts"]:
        atts = "<div class=\"appendix\">" + "".join(f"<p>附件：<a href=\"{esc(h)}\">{esc(t)}</a></p>" for t, h in d["atts"]) + "</div>"
    return f"""<html>
<head>
<title>唐山市科学技术局</title>
<meta name="description" content="唐山市科学技术局门户网站">
<meta name="pubdate" content="2022-10-09">
<link rel="stylesheet" type="text/css" href="/kjj/css/main.css">
<style>.trs_editor_view p{{line-height:2em}}</style>
</head>
<body>
<div id="top"><div class="logo"><a href="/kjj/"><img src="/kjj/images/logo.png" alt="唐山市科学技术局"></a></div>
<ul class="menu"><li><a href="/kjj/">网站首页</a></li><li><a href="/kjj/tzgg/">通知公告</a></li><li><a href="/kjj/zcfg/">政策法规</a></li><li><a href="/kjj/kjdt/">科技动态</a></li><li><a href="/kjj/xxgk/">信息公开</a></li></ul></div>
<div class="location">您现在的位置：<a href="/kjj/">首页</a> &gt; <a href="/kjj/{'kjdt' if d['kind']=='news' else 'tzgg'}/">{'科技动态' if d['kind']=='news' else '通知公告'}</a> &gt; 正文</div>
<div class="detail">
<div class="detail-title">{esc(d['title'])}</div>
<div class="detail-info">发布时间：{y}/{m:02d}/{dd:02d}　来源：{esc(src)}{by}　点击数：<span id="ClickNum"></span></div>
<div class="trs_editor_view TRS_UEDITOR trs_paper_default trs_word">
{numline}
{paras(d)}
{sig}
</div>
{atts}
<div class="dbtn"><a href="javascript:window.print()">打印</a>　<a href="javascript:window.close()">关闭</a></div>
{prevnext(docs, i, base)}
</div>
<div class="sidebar">{related(TS_SIDE, head='通知公告')}</div>
<div id="foot">版权所有：唐山市科学技术局　冀ICP备05007452号　冀公网安备13020302000456号　网站标识码：1302000034</div>
<script>document.getElementById('ClickNum').innerHTML=Math.floor(Math.random()*900+100);</script>
</body>
</html>
"""


# ------------------------------------------------------------------ 8 www.lg.gov.cn (gkmlpt-like, utf-8)
LG_SIDE = [("深圳市龙岗区人民政府关于印发《龙岗区国民经济和社会发展第十五个五年规划纲要》的通知", "/xxgk/xxgkml/ghjh/content/post_12500001.html", "2026-01-30"),
           ("深圳市龙岗区科技创新局关于2026年度龙岗区科技创新专项资金（第一批）拟资助项目的公示", "/xxgk/xxgkml/tzgg/content/post_12600002.html", "2026-03-20"),
           ("龙岗区工业和信息化局关于印发《龙岗区支持低空经济发展若干措施》的通知（深龙工信规〔2025〕2号）", "/xxgk/xxgkml/zcfg/gfxwj/content/post_12300003.html", "2025-11-14")]


def t_lg(d, i, docs):
    base = "https://www.lg.gov.cn"
    y, m, dd = ymd(d["published"])
    table = ""
    if d["kind"] != "news":
        posting = "深圳市龙岗区科技创新局" if d["id"] == "lg_most_letter_sz" else "、".join(d["sign"])
        table = f"""<div class="introduce"><table class="classify"><tbody>
<tr><td class="td-label">索引号：</td><td>11440307007543{i}/{y}-{2000+i*7}</td><td class="td-label">分类：</td><td>{'科技' if i%2 else '综合政务'}</td></tr>
<tr><td class="td-label">发布机构：</td><td>{esc(posting)}</td><td class="td-label">成文日期：</td><td>{d['written']}</td></tr>
<tr><td class="td-label">名称：</td><td colspan="3">{esc(d['title'])}</td></tr>
<tr><td class="td-label">文号：</td><td>{esc(d['num_print'])}</td><td class="td-label">发布日期：</td><td>{d['published']}</td></tr>
</tbody></table></div>"""
    src = d.get("source") or "、".join(d["sign"]) or "龙岗区"
    info = f"<div class=\"info\"><span>发布时间：{y}-{m:02d}-{dd:02d} {9+i}:30:00</span><span>来源：{esc(src)}</span>"
    if d.get("author"):
        info += f"<span>{esc(d['author'])}</span>"
    info += "<span>字体：<a href=\"javascript:;\">【大</a> <a href=\"javascript:;\">中</a> <a href=\"javascript:;\">小】</a></span></div>"
    numline = f"<p style=\"text-align:center\">{esc(d['num_print'])}</p>" if d["num_print"] and d["kind"] == "letter" else ""
    sig = sign_block(d)
    atts = ""
    if d["atts"]:
        atts = "<div class=\"attachment\"><p class=\"attachment-title\">附件：</p>" + "".join(f"<p><a href=\"{esc(h)}\" target=\"_blank\"><i class=\"icon\"></i>{esc(t)}</a></p>" for t, h in d["atts"]) + "</div>"
    return f"""<!DOCTYPE html>
<html lang="zh-cmn-Hans">
<head>
<meta charset="UTF-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="SiteName" content="深圳市龙岗区人民政府门户网站">
<meta name="ArticleTitle" content="{esc(d['title'])}">
<meta name="PubDate" content="{d['published']} 00:00">
<meta name="others" content="页面生成时间 2026-11-30 03:12:44">
<title>{esc(d['title'])}-深圳市龙岗区人民政府门户网站</title>
<link rel="stylesheet" href="/css/common.css">
</head>
<body>
<div class="header"><div class="w"><img src="/images/logo.png" alt="深圳市龙岗区人民政府"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwxw/">政务新闻</a></li><li><a href="/xxgk/">信息公开</a></li><li><a href="/bmfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div></div>
<div class="w crumbs"><a href="/">首页</a> &gt; <a href="/xxgk/">{'政务新闻' if d['kind']=='news' else '信息公开'}</a> &gt; <span>{'区县要闻' if d['kind']=='news' else '政府信息公开目录'}</span></div>
<div class="w content-box">
{table}
<div class="article">
<h1 class="article-title">{esc(d['title'])}</h1>
{info}
<div class="article-content" id="zoomcon">
{numline}
{paras(d)}
{sig}
</div>
{atts}
<div class="operate">{SHARE}<a href="javascript:window.print()">打印</a> <a href="javascript:window.close()">关闭</a></div>
</div>
<div class="related-doc">{related(LG_SIDE, head='相关文件')}</div>
</div>
<div class="footer"><p>主办：深圳市龙岗区人民政府办公室 承办：深圳市龙岗区政务服务和数据管理局</p><p>粤ICP备17011627号 &nbsp; 粤公网安备44030702002381号 &nbsp; 网站标识码：4403070007</p></div>
<script src="/js/gkmlpt-stat.js" data-id="{7245108+i}"></script>
{COUNTER}
</body>
</html>
"""


# ------------------------------------------------------------------ 9 www.thecover.cn (news, utf-8)
COVER_SIDE = [("四川发布低空经济发展若干措施", "/news/Rel1", "2026-01-05 18:20"),
              ("成都高新区：人工智能企业超2000家", "/news/Rel2", "2025-12-29 10:02"),
              ("封面评论｜科技成果转化要打通“最后一公里”", "/news/Rel3", "2025-12-20 07:45")]


def t_cover(d, i, docs):
    y, m, dd = ymd(d["published"])
    hh = [9, 15, 11, 20][i % 4]
    stale = f"{y}-{m:02d}-{max(dd - 1, 1):02d}T23:59:00+08:00"
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0, maximum-scale=1.0, user-scalable=no">
<title>{esc(d['title'])}-封面新闻</title>
<meta name="keywords" content="封面新闻,人工智能,成都">
<meta property="og:title" content="{esc(d['title'])}">
<meta property="article:published_time" content="{stale}">
<link rel="stylesheet" href="//static.thecover.cn/pc/css/detail.css">
</head>
<body>
<div class="topbar"><a href="/" class="logo"><img src="//static.thecover.cn/pc/img/logo.png" alt="封面新闻"></a>
<ul class="channels"><li><a href="/channel/3561">天下</a></li><li><a href="/channel/3560">四川</a></li><li><a href="/channel/3892">科技</a></li><li><a href="/channel/3900">财经</a></li><li><a href="/channel/3901">评论</a></li></ul>
<a class="download" href="/download">下载封面新闻APP</a></div>
<div class="wrap">
<div class="detail-left">
<h1 class="title">{esc(d['title'])}</h1>
<div class="props"><span class="source">{esc(d['source'])}</span><span class="time">{y}-{m:02d}-{dd:02d} {hh:02d}:{(17*i)%60:02d}</span><span class="author">{esc(d['author'])}</span></div>
<div class="article">
{paras(d, style='')}
</div>
<p class="editor">编辑：{['何方','刘彦谷','宋潇','蒋麟'][i%4]}</p>
<p class="statement">【如果您有新闻线索，欢迎向我们报料，一经采纳有费用酬谢。报料微信关注：ihxdsb，报料QQ：3386405712】</p>
{SHARE}
<div class="comment"><h3>评论</h3><div id="comment-list">加载中…</div></div>
</div>
<div class="detail-right">{related(COVER_SIDE, head='相关推荐')}
<div class="hot"><h3>24小时热榜</h3><ol><li>四川多地迎来降雪</li><li>成都地铁新线开通</li></ol></div></div>
</div>
<div class="footer"><p>四川封面传媒有限责任公司 版权所有</p><p>蜀ICP备15032864号-2 &nbsp; 川公网安备51019002000325号 &nbsp; 互联网新闻信息服务许可证：51120170001</p></div>
<script src="//static.thecover.cn/pc/js/detail.js"></script>
{COUNTER}
</body>
</html>
"""


# ------------------------------------------------------------------ 10 www.bjnews.com.cn (news, utf-8)
BJ_SIDE = [("北京经开区发布具身智能产业政策", "/detail/1739000000000001.html", "2026-02-08 11:21"),
           ("科技部：将出台支持人工智能+行动配套政策", "/detail/1740000000000002.html", "2026-02-20 16:05"),
           ("北京市医保局：门诊报销比例调整", "/detail/1741000000000003.html", "2026-03-01 09:40")]


def t_bjnews(d, i, docs):
    y, m, dd = ymd(d["published"])
    hh = [14, 10, 8, 19][i % 4]
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(d['title'])} | 新京报</title>
<meta name="description" content="{esc(d['body'][0][:60])}">
<meta name="publishdate" content="{y}-{m:02d}-{dd:02d}">
<meta name="lastmodified" content="2026-11-28 02:10:00">
<link rel="stylesheet" href="https://static.bjnews.com.cn/www/v5/css/detail.css">
</head>
<body>
<div class="header"><a href="/" class="logo">新京报</a><ul class="nav"><li><a href="/news">时事</a></li><li><a href="/finance">财经</a></li><li><a href="/tech">科技</a></li><li><a href="/beijing">北京</a></li></ul><a href="/app" class="app">新京报APP</a></div>
<div class="bodyTitle"><div class="bodyTitleCont">
<h1>{esc(d['title'])}</h1>
<div class="ntime"><span class="reporter">{esc(d['author'])}</span><span class="timer">{y}-{m:02d}-{dd:02d}</span><span class="timer2">{hh:02d}:{(7*i+3)%60:02d}</span></div>
</div></div>
<div class="content">
<div class="contentLeft">
<div id="contentStr" class="content">
{paras(d, style='')}
</div>
<p class="zeren">编辑 {['陈莉','杨海','白爽','李晓洁'][i%4]} 校对 {['刘军','赵琳','卢茜','张彦君'][i%4]}</p>
<div class="statement">本文为新京报原创内容，未经授权不得转载。</div>
{SHARE}
</div>
<div class="contentRight">{related(BJ_SIDE, head='相关阅读')}</div>
</div>
<div class="footer">新京报社版权所有 &nbsp; 京ICP备14035563号-1 &nbsp; 京公网安备11010502045468号 &nbsp; 互联网新闻信息服务许可证：11120170005</div>
{COUNTER}
</body>
</html>
"""


TEMPLATES = {"mca": t_mca, "nhsa": t_nhsa, "sastind": t_sastind, "xinjiang": t_xinjiang, "nx": t_nx,
             "yantai": t_yantai, "tangshan": t_tangshan, "lg": t_lg, "cover": t_cover, "bjnews": t_bjnews}


def build():
    cases = []
    by_tpl = {}
    for d in DOCS:
        by_tpl.setdefault(d["tpl"], []).append(d)
    for tpl, docs in by_tpl.items():
        for i, d in enumerate(docs):
            page = TEMPLATES[tpl](d, i, docs)
            enc = ENCODINGS[tpl]
            data = page.encode(enc)  # strict: every character must exist in the page's encoding
            fname = f"{d['id']}.html"
            with open(os.path.join(HERE, fname), "wb") as f:
                f.write(data)
            cases.append({"id": d["id"], "file": fname, "url": f"{'http' if tpl in ('yantai','tangshan') else 'https'}://{HOSTS[tpl]}{d['path']}",
                          "template": tpl, "host": HOSTS[tpl], "encoding": enc, "expected": expected(d)})
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
    print(f"wrote {len(cases)} pages")


def visible_text(raw, enc):
    t = raw.decode(enc)
    t = re.sub(r"(?is)<head\b.*?</head>", " ", t)
    t = re.sub(r"(?is)<script\b.*?</script>", " ", t)
    t = re.sub(r"(?is)<style\b.*?</style>", " ", t)
    t = re.sub(r"(?s)<!--.*?-->", " ", t)
    t = re.sub(r"(?s)<[^>]+>", "", t)
    t = html.unescape(t)
    return re.sub(r"\s+", "", t)


def date_forms(iso):
    y, m, d = ymd(iso)
    return {f"{y}-{m:02d}-{d:02d}", f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日", f"{y}/{m:02d}/{d:02d}",
            f"{d:02d}{y}-{m:02d}", cnfull(iso)}


def num_variants(n):
    out = {n}
    for a, b in (("[", "]"), ("【", "】"), ("（", "）"), ("(", ")")):
        out.add(n.replace("〔", a).replace("〕", b))
    return {v.replace(" ", "") for v in out}


def check():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))["cases"]
    docs = {d["id"]: d for d in DOCS}
    norm = lambda s: re.sub(r"\s+", "", s)
    bad = 0
    for c in labels:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        text = visible_text(raw, c["encoding"])
        e, d = c["expected"], docs[c["id"]]
        probs = []
        if norm(e["title"]) not in text:
            probs.append("title")
        if e["doc_number"]:
            if norm(d["num_print"]) not in text:
                probs.append("doc_number as printed")
            digits = re.findall(r"\d+", e["doc_number"])
            if digits and not all(x in norm(d["num_print"]) for x in digits):
                probs.append("doc_number digits")
        for k in ("written_date", "published_date"):
            if e[k]:
                forms = date_forms(e[k]) | ({d["wprint"]} if k == "written_date" and d.get("wprint") else set())
                if not any(f in text for f in forms):
                    probs.append(k)
        for s in d["sign"]:
            if norm(s) not in text:
                probs.append("sign " + s)
        for j, iss in enumerate(e["issuers"]):
            printed = d["sign"][j] if len(d["sign"]) == len(e["issuers"]) else None
            if iss not in text and not (printed and norm(printed) in text):
                probs.append("issuer " + iss)
        for a in e["attachments"]:
            if norm(a) not in text:
                probs.append("att " + a)
        for city in e["pilot_zone_cities"]:
            if city not in text:
                probs.append("city " + city)
        for r in e["repeals"]:
            if not any(v in text for v in num_variants(r)):
                probs.append("repeal " + r)
        low = raw.lower()
        if c["template"] == "tangshan" and (b"charset" in low or raw.startswith(b"\xef\xbb\xbf")):
            probs.append("tangshan must declare no charset")
        if c["template"] == "sastind":
            if b"charset=gb2312" not in low:
                probs.append("sastind must be labelled gb2312")
            try:
                raw.decode("gb2312")
                probs.append("sastind bytes should need GBK (not plain GB2312)")
            except UnicodeDecodeError:
                pass
        if c["template"] == "nx":
            try:
                raw.decode("gbk")
                probs.append("nx bytes should need GB18030 (not plain GBK)")
            except UnicodeDecodeError:
                pass
        if probs:
            bad += 1
            print(c["id"], probs)
    print(f"checked {len(labels)} pages, {bad} with problems")
    return bad == 0


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    build()

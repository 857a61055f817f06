# -*- coding: utf-8 -*-
"""Write the blind6 pages (raw bytes) and labels.json from blind6_docs.py.

    python3 make_blind6.py           # write *.html + labels.json (run once, then frozen)
    python3 make_blind6.py --check   # decode each page, strip markup, assert every label is visible
System python3 only; no project code is imported.
"""
import html as H
import zlib
import json
import os
import re
import sys
from urllib.parse import urlparse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blind6_docs import DOCS  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
CN_DIG = "〇一二三四五六七八九"


def ymd(iso):
    y, m, d = iso.split("-")
    return int(y), int(m), int(d)


def cn(iso, pad=False):
    y, m, d = ymd(iso)
    return f"{y}年{m:02d}月{d:02d}日" if pad else f"{y}年{m}月{d}日"


def cn_num(n):
    if n < 10:
        return CN_DIG[n]
    t, u = divmod(n, 10)
    return ("" if t == 1 else CN_DIG[t]) + "十" + ("" if u == 0 else CN_DIG[u])


def cn_upper(iso):
    y, m, d = ymd(iso)
    return "".join(CN_DIG[int(c)] for c in str(y)) + "年" + cn_num(m) + "月" + cn_num(d) + "日"


def _h(s):
    return zlib.crc32(s.encode('utf-8'))


def e(s):
    return H.escape(s, quote=False)


def paras(d, indent=True, cls=None):
    out = []
    for i, p in enumerate(d["body"]):
        st = ' style="text-indent:2em;"' if indent and not p.endswith("：") else ""
        c = f' class="{cls}"' if cls else ""
        out.append(f"<p{c}{st}>{e(p)}</p>")
    return "\n".join(out)


def sig_right(d, fmt=cn, pad_nbsp=0):
    if not d["sig"] and not d["wdate"]:
        return ""
    lines = []
    sp = "&nbsp;" * pad_nbsp
    for s in d["sig"]:
        lines.append(f'<p style="text-align:right;">{e(s)}{sp}</p>')
    if d["wdate"]:
        lines.append(f'<p style="text-align:right;">{fmt(d["wdate"])}{sp}</p>')
    return "\n".join(lines)


def atts_html(d, prefix="附件：", sep="<br/>"):
    if not d["atts"]:
        return ""
    items = sep.join(f'<a href="{e(h)}" target="_blank">{e(t)}</a>' for t, h in d["atts"])
    return f"<p>{prefix}{items}</p>"


# other documents shown in sidebars (their numbers/dates must never be taken for the page's own)
SIDE = {
    "mct": [("文化和旅游部关于推动数字文化产业高质量发展的意见", "文旅产业发〔2020〕78号", "2020-11-27"),
            ("文化和旅游部办公厅关于开展2025年全国智慧旅游沉浸式体验新空间培育试点工作的通知", "办资源发〔2025〕33号", "2025-03-14"),
            ("文化和旅游部关于印发《国内旅游提升计划（2023—2025年）》的通知", "文旅市场发〔2023〕118号", "2023-11-13")],
    "mwr": [("水利部关于印发《水利标准化工作管理办法》的通知", "水国科〔2022〕186号", "2022-04-29"),
            ("水利部关于加快推进智慧水利建设的指导意见", "水信息〔2021〕323号", "2021-11-09"),
            ("水利部办公厅关于印发2025年水利科技工作要点的通知", "办国科〔2025〕44号", "2025-02-21")],
    "customs": [("海关总署公告2025年第117号（关于调整进口货物报关单申报要求的公告）", "海关总署公告2025年第117号", "2025-06-30"),
                ("海关总署令第262号（关于修改部分规章的决定）", "海关总署令第262号", "2023-03-09"),
                ("海关总署关于印发《“智关强国”行动工作方案》的通知", "署办发〔2023〕12号", "2023-04-20")],
    "jl": [("吉林省科学技术厅关于开展2025年度吉林省重点实验室绩效评估的通知", "吉科发基〔2025〕77号", "2025-06-18"),
           ("吉林省科学技术厅关于印发《吉林省科技计划项目管理办法》的通知", "吉科发计〔2023〕98号", "2023-07-05"),
           ("关于2025年度吉林省科技创新中心（工程技术研究中心）拟认定名单的公示", "", "2025-11-12")],
    "guizhou": [("贵州省科学技术厅关于印发《贵州省科技计划项目管理办法》的通知", "黔科通〔2023〕17号", "2023-03-10"),
                ("贵州省科学技术厅关于组织申报2026年度省科技计划项目的通知", "黔科通〔2025〕98号", "2025-10-11"),
                ("省科技厅关于2025年第一批科技型中小企业入库名单的公告", "", "2025-05-27")],
    "xuzhou": [("徐州市科学技术局关于印发《徐州市科技企业孵化器认定管理办法》的通知", "徐科规〔2024〕2号", "2024-06-14"),
               ("徐州市人民政府关于加快建设淮海经济区科技创新中心的实施意见", "徐政发〔2022〕31号", "2022-08-03"),
               ("关于2025年度徐州市科技计划项目验收结果的公示", "", "2025-12-18")],
    "zhuhai": [("珠海市科技创新局关于印发《珠海市科技计划项目管理办法》的通知", "珠科创〔2023〕30号", "2023-09-21"),
               ("珠海市人民政府关于印发珠海市促进科技创新若干措施的通知", "珠府〔2024〕12号", "2024-03-28"),
               ("珠海市科技创新局关于2025年珠海市科技计划项目立项的公示", "", "2025-08-19")],
    "nanning": [("南宁市人民政府办公室关于印发南宁市数字经济发展三年行动计划的通知", "南府办〔2024〕9号", "2024-02-22"),
                ("南宁市人民政府关于印发南宁市科技创新“十四五”规划的通知", "南府发〔2021〕37号", "2021-12-30"),
                ("南宁市人民政府令第三十一号（南宁市政府规章制定程序规定）", "南宁市人民政府令第三十一号", "2024-09-05")],
}


def sidebar(tpl, title="相关文件"):
    lis = []
    for t, n, dt in SIDE[tpl]:
        ns = f'<span class="wh">{e(n)}</span>' if n else ""
        lis.append(f'<li><a href="#" title="{e(t)}">{e(t)}</a>{ns}<span class="date">{dt}</span></li>')
    return f'<div class="side"><h3>{title}</h3><ul>' + "".join(lis) + "</ul></div>"


def hm(d):
    y, m, dd = ymd(d["pdate"])
    h = 8 + (dd * 7 + m) % 10
    mi = (dd * 13 + m * 7) % 60
    return f"{h:02d}:{mi:02d}"


def stale(iso, days=1):
    y, m, d = ymd(iso)
    d2 = d - days if d > days else 28
    m2 = m if d > days else (m - 1 or 12)
    y2 = y if (d > days or m > 1) else y - 1
    return f"{y2}-{m2:02d}-{d2:02d}"


def charset_meta(d, label=None):
    if d["enc"] == "none":
        return ""
    lab = label or {"utf-8": "utf-8", "gbk": "gbk", "gb18030": "gb18030"}[d["enc"]]
    return f'<meta http-equiv="Content-Type" content="text/html; charset={lab}" />'


# ------------------------------------------------------------------ T1 mct: TRS WCM, utf-8
def t_mct(d):
    tt = d["title"] + "_中华人民共和国文化和旅游部" if d["kind"] != "news" else "中华人民共和国文化和旅游部"
    col = {"news": "文旅要闻", "order": "部门规章", "notice": "最新工作"}[d["kind"]]
    meta = ""
    if d["kind"] != "news":
        meta = f"""<table class="xxgk" cellspacing="0" cellpadding="0" border="0">
<tr><td class="t">标　　题：</td><td colspan="3">{e(d['title'])}</td></tr>
<tr><td class="t">发文机关：</td><td>{e('、'.join(x for x in d['sig'] if '部长' not in x) or '文化和旅游部')}</td>
<td class="t">发文字号：</td><td>{e(d['num'])}</td></tr>
<tr><td class="t">来　　源：</td><td>{e(d['src'])}</td><td class="t">主题分类：</td><td>科技教育</td></tr>
<tr><td class="t">成文日期：</td><td>{cn(d['wdate'])}</td><td class="t">发布日期：</td><td>{cn(d['pdate'])}</td></tr>
</table>"""
    if d["kind"] == "order":
        body = (f'<p style="text-align:center;"><strong>中华人民共和国文化和旅游部令</strong></p>'
                f'<p style="text-align:center;">第{d["num"].split("第")[1]}</p>\n' + paras(d) +
                f'\n<p style="text-align:right;">{e(d["sig"][0])}</p>'
                f'<p style="text-align:right;">{cn(d["wdate"])}</p>')
    elif d["kind"] == "news":
        body = paras(d)
    else:
        body = (f'<p style="text-align:center;">{e(d["num"])}</p>\n' + paras(d) + "\n" +
                atts_html(d, "附件：") + "\n" + sig_right(d, cn, 4) +
                '\n<p>（此件公开发布）</p>')
    info = (f'<div class="info"><span>{d["pdate"]} {hm(d)}</span>&nbsp;&nbsp;<span>来源：{e(d["src"])}</span>'
            f'&nbsp;&nbsp;【字号 <a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> '
            f'<a href="javascript:doZoom(12)">小</a>】</div>')
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{e(tt)}</title>
<meta name="SiteName" content="中华人民共和国文化和旅游部" />
<meta name="ColumnName" content="{col}" />
<meta name="ArticleTitle" content="{e(d['title'])}" />
<meta name="PubDate" content="{stale(d['pdate'], 2)} 17:40" />
<meta name="ContentSource" content="{e(d['src'])}" />
<link href="/images/mct2020.css" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/images/jquery.min.js"></script>
</head>
<body>
<!--header begin-->
<div class="header"><div class="logo"><a href="/"><img src="/images/logo.png" alt="中华人民共和国文化和旅游部" /></a></div>
<div class="nav"><a href="/">首页</a><a href="/gywhb/">机构</a><a href="/whzx/">资讯</a><a href="/zwgk/">政务公开</a><a href="/fwzn/">服务</a><a href="/hdjl/">互动</a><a href="/wlrh/">文旅融合</a></div>
<div class="search"><input type="text" name="searchword" value="请输入关键词" /><a href="javascript:void(0)">搜索</a></div></div>
<!--header end-->
<div class="main">
<div class="weizhi">当前位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="/whzx/">资讯</a>&nbsp;&gt;&nbsp;<a href="./">{col}</a></div>
<div class="left">
<div class="nav_title"><h1 class="biaoti">{e(d['title'])}</h1></div>
{info}
{meta}
<div class="gsj_htmlcon_bot">
<div class="TRS_Editor">
{body}
</div>
</div>
<div class="fx">分享到：<a class="wx" href="javascript:void(0)">微信</a><a class="wb" href="javascript:void(0)">微博</a>
<a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>
<div class="fy"><p>上一篇：<a href="../202505/t20250519_959812.html">文化和旅游部关于公布第二批国家级旅游休闲街区名单的通知</a></p>
<p>下一篇：<a href="../202507/t20250708_960512.html">文化和旅游部办公厅关于做好2025年暑期文化和旅游市场工作的通知</a></p></div>
</div>
{sidebar('mct')}
</div>
<div class="footer"><p>主办单位：中华人民共和国文化和旅游部&nbsp;&nbsp;版权所有&nbsp;&nbsp;<a href="https://beian.miit.gov.cn/">京ICP备09054478号</a></p>
<p>京公网安备 11010502041121号&nbsp;&nbsp;网站标识码：bm40000001</p>
<script type="text/javascript">document.write('<span id="_ideConac"></span>');</script></div>
<script type="text/javascript">var _trsPageInfo = {{"docId":"{d['url'].rsplit('_', 1)[1].split('.')[0]}","crtime":"2026-11-30 03:12:45"}};</script>
</body>
</html>
"""


# ------------------------------------------------------------------ T2 mwr: TRS, gbk, split dates
def t_mwr(d):
    y, m, dd = ymd(d["pdate"])
    tt = d["title"] + "-中华人民共和国水利部" if d["kind"] != "order" else "中华人民共和国水利部"
    if d["kind"] == "order":
        body = (f'<p align="center" style="font-size:22px;">水利部令</p><p align="center">第{d["num"].split("第")[1]}</p>'
                + paras(d) + f'<p align="right">{e(d["sig"][0])}&nbsp;&nbsp;&nbsp;&nbsp;</p>'
                f'<p align="right">{cn(d["wdate"])}&nbsp;&nbsp;&nbsp;&nbsp;</p>')
    else:
        body = (paras(d) + "\n" +
                "".join(f'<p>{"&nbsp;" * 60}{e(s)}</p>' for s in d["sig"]) +
                f'<p>{"&nbsp;" * 60}{cn(d["wdate"])}</p>')
    attb = ""
    if d["atts"]:
        attb = '<div class="fj"><span>附件下载：</span><ul>' + "".join(
            f'<li><a href="{e(h)}">{e(t)}</a></li>' for t, h in d["atts"]) + "</ul></div>"
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{e(tt)}</title>
<meta name="keywords" content="水利部,水利,政务公开">
<meta name="PubDate" content="{stale(d['pdate'], 5)} 10:00:00">
<style>.slogan{{color:#0b5ba8}} .xxgk dl dt{{float:left;width:90px}} .fj ul li{{list-style:none}}</style>
</head>
<body>
<div class="top"><span class="slogan">节水优先　空间均衡　系统治理　两手发力</span><a href="/english/">English</a> | <a href="/wza/">无障碍</a></div>
<div class="head"><img src="/images/mwr_logo.png" alt="中华人民共和国水利部"></div>
<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/xw/">新闻</a></li><li><a href="/sj/">水利数据</a></li><li><a href="/hd/">互动交流</a></li></ul>
<div class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="./">公开内容</a></div>
<div class="xxgk"><dl>
<dt>文　　号：</dt><dd>{e(d['num'])}</dd>
<dt>发布单位：</dt><dd>{e(d['src'])}</dd>
<dt>成文时间：</dt><dd>{d['wdate']}</dd>
</dl></div>
<div class="articlebox">
<h1 class="title">{e(d['title'])}</h1>
<div class="time"><span>发布时间：</span><span class="y">{y}年</span><span class="md">{m:02d}月{dd:02d}日</span>
&nbsp;&nbsp;<span>浏览次数：</span><span id="hits"><script>document.write(Math.floor(Math.random()*9000))</script></span></div>
<div class="content"><div class="TRS_Editor">
{body}
</div></div>
{attb}
<div class="tools"><a href="javascript:window.print();">打印</a> <a href="javascript:window.close();">关闭</a></div>
</div>
<div class="pn"><a href="#">上一篇：水利部关于印发《水利工程安全生产监督检查办法》的通知</a><a href="#">下一篇：水利部办公厅关于开展2025年度水利科技推广示范的通知</a></div>
{sidebar('mwr', '相关链接')}
<div class="foot">主办：中华人民共和国水利部　<a href="https://beian.miit.gov.cn">京ICP备05003689号</a>　网站标识码：bm13000001<br>地址：北京市西城区白广路二条2号　邮编：100053</div>
<!-- TRS publish {stale(d['pdate'], 9)} -->
</body>
</html>
"""


# ------------------------------------------------------------------ T3 customs: utf-8, meta table
def t_customs(d):
    tt = d["title"] if d["kind"] != "order" else d["num"]
    meta = ""
    if d["kind"] != "news":
        meta = f"""<div class="easysite-xxgk"><table class="gk_table" border="1" cellspacing="0">
<tr><th>索引号</th><td>000014348/{d['pdate'][:4]}-{_h((d['id'])) % 90000 + 10000:05d}</td><th>分类</th><td>{'署令' if d['kind']=='order' else '公告/通知'}</td></tr>
<tr><th>发布机构</th><td>{e(d['src'])}</td><th>发文日期</th><td>{d['wdate']}</td></tr>
<tr><th>名称</th><td colspan="3">{e(d['title'])}</td></tr>
<tr><th>文号</th><td>{e(d['num'])}</td><th>主题词</th><td></td></tr>
</table></div>"""
    if d["kind"] == "order":
        body = (f'<p style="text-align:center">海关总署令</p><p style="text-align:center">第{d["num"].split("第")[1]}</p>'
                + paras(d) + f'<p style="text-align:right">{e(d["sig"][0])}</p>'
                f'<p style="text-align:right">{cn(d["wdate"])}</p>')
    elif d["kind"] == "news":
        body = paras(d)
    else:
        body = (f'<p style="text-align:center">{e(d["num"])}</p>' + paras(d) +
                atts_html(d, "附件：") + sig_right(d, cn))
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{e(tt)}</title>
<meta name="others" content="页面生成时间 2026-12-01 04:22:19" />
<link rel="stylesheet" href="/customs/resource/cms/2023/css/common.css" />
<script src="/customs/resource/cms/2023/js/jquery.js"></script>
</head>
<body>
<div id="header"><div class="logo"><img src="/customs/resource/cms/2023/images/logo.png" alt="中华人民共和国海关总署" /></div>
<div class="topnav"><a href="/">首页</a> | <a href="/customs/302249/zfxxgk/index.html">信息公开</a> | <a href="/customs/xwfb34/index.html">新闻发布</a> | <a href="/customs/302427/index.html">互联网+海关</a> | <a href="/customs/zsgk93/index.html">走进海关</a></div></div>
<div class="position">您当前的位置：<a href="/">首页</a>&gt;<a href="/customs/302249/zfxxgk/index.html">信息公开</a>&gt;<a href="#">{'新闻发布' if d['kind']=='news' else '规章及规范性文件'}</a></div>
<div class="easysite-main">
{meta}
<div class="easysite-news-title"><h2>{e(d['title'])}</h2></div>
<div class="easysite-news-describe">时间：{d['pdate']}&nbsp;&nbsp;{'来源：' + e(d['src']) if d['kind']=='news' else ''}&nbsp;&nbsp;<a href="javascript:doPrint()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
<div class="easysite-news-text" id="easysiteText">
{body}
</div>
<!--<div class="hide">发布时间 {stale(d['pdate'], 3)}</div>-->
</div>
<div class="relate"><h4>相关信息</h4><ul>{''.join(f'<li><a href="#">{e(t)}</a> {dt}</li>' for t, n, dt in SIDE['customs'])}</ul></div>
<div id="footer"><p>版权所有：中华人民共和国海关总署　主办单位：海关总署办公厅</p>
<p><a href="https://beian.miit.gov.cn/">京ICP备17015317号</a>　京公网安备11040102700071号　网站标识码：bm28000001</p>
<script>var _hmt = _hmt || [];(function(){{var hm=document.createElement("script");hm.src="https://hm.baidu.com/hm.js?xx";}})();</script></div>
</body>
</html>
"""


# ------------------------------------------------------------------ T4 jl: gb2312 label, GBK bytes, tables
def t_jl(d):
    tt = d["title"] if d["kind"] != "news" else "吉林省科学技术厅"
    sig = ""
    if d["sig"]:
        sig = "".join(f'<div align="right">{e(s)}&nbsp;&nbsp;&nbsp;&nbsp;</div>' for s in d["sig"])
        sig += f'<div align="right">{cn(d["wdate"])}&nbsp;&nbsp;&nbsp;&nbsp;</div>'
    top = f'<div align="center">{e(d["num"])}</div>' if d["num"] else ""
    att = ""
    if d["atts"]:
        att = "<div>附件：</div>" + "".join(
            f'<div><a href="{e(h)}" target="_blank">{e(t)}</a></div>' for t, h in d["atts"])
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{e(tt)}</title>
<meta name="description" content="吉林省科学技术厅门户网站">
<style type="text/css">td.title{{font-size:20px;font-weight:bold;color:#c00;line-height:36px}} .hui{{color:#666}}</style>
<script language="javascript" src="/images/common.js"></script>
</head>
<body topmargin="0" leftmargin="0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/top_banner.jpg" alt="吉林省科学技术厅"></td></tr>
<tr><td class="menu"><a href="/">首页</a>｜<a href="/zwgk/">政务公开</a>｜<a href="/kjdt/">科技动态</a>｜<a href="/zwfw/">政务服务</a>｜<a href="/hdjl/">互动交流</a></td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
<tr><td class="hui">当前位置：<a href="/">首页</a> &gt;&gt; <a href="../../">{'科技动态' if d['kind']=='news' else '政务公开'}</a> &gt;&gt; <a href="../">{'工作动态' if d['kind']=='news' else '通知公告'}</a></td></tr>
<tr><td class="title" align="center">{e(d['title'])}</td></tr>
<tr><td align="center" class="hui">发布时间：{d['pdate']} {hm(d)}&nbsp;&nbsp;&nbsp;来源：{e(d['src'])}&nbsp;&nbsp;&nbsp;浏览次数：<script language="javascript">document.write(getHits('{d['url'][-12:-5]}'));</script>&nbsp;&nbsp;【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</td></tr>
<tr><td><hr size="1" color="#cccccc"></td></tr>
<tr><td style="font-size:16px;line-height:30px;">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{top}
{paras(d)}
{att}
{sig}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</td></tr>
<tr><td><table width="100%"><tr><td width="50%" class="hui">上一条：<a href="#">吉林省科学技术厅关于2025年度省科技发展计划项目验收的通知</a></td><td class="hui">下一条：<a href="#">关于开展2025年全省科普讲解大赛的通知</a></td></tr></table></td></tr>
<tr><td>{sidebar('jl', '相关信息')}</td></tr>
</table>
<table width="1000" align="center"><tr><td align="center" class="hui">主办单位：吉林省科学技术厅　地址：长春市人民大街8188号<br>
<a href="https://beian.miit.gov.cn">吉ICP备05002003号</a>　网站标识码：2200000021　吉公网安备22010402000615号</td></tr></table>
</body>
</html>
"""


# ------------------------------------------------------------------ T5 guizhou: utf-8 xxgk table
def t_guizhou(d):
    tt = d["title"] + "_贵州省科学技术厅" if d["kind"] != "news" else "贵州省科学技术厅"
    table = ""
    if d["kind"] != "news":
        table = f"""<div class="xxgk_table"><table>
<tr><td class="td1">索 引 号：</td><td>11520000009390044X/{d['pdate'][:4]}-0{_h((d['id'])) % 9000 + 1000}</td><td class="td1">信息分类：</td><td>规范性文件</td></tr>
<tr><td class="td1">发布机构：</td><td>{e('、'.join(d['sig']))}</td><td class="td1">成文日期：</td><td>{d['wdate']}</td></tr>
<tr><td class="td1">文　　号：</td><td>{e(d['num'] or '')}</td><td class="td1">发布日期：</td><td>{d['pdate']}</td></tr>
<tr><td class="td1">标　　题：</td><td colspan="3">{e(d['title'])}</td></tr>
<tr><td class="td1">有 效 性：</td><td colspan="3">有效</td></tr>
</table></div>"""
        body = paras(d) + atts_html(d, "附件：") + sig_right(d, cn, 2)
    else:
        body = paras(d)
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(tt)}</title>
<meta name="SiteName" content="贵州省科学技术厅">
<meta name="ColumnName" content="{'媒体看科技' if d['kind']=='news' else '政策文件'}">
<meta name="ArticleTitle" content="{e(d['title'])}">
<meta name="PubDate" content="{stale(d['pdate'], 4)} 15:21">
<meta name="ContentSource" content="{e(d['src'])}">
<link rel="stylesheet" href="/images/gzkjt.css">
</head>
<body>
<div class="gz-top"><div class="w1200"><span>欢迎访问贵州省科学技术厅网站</span><a href="#">无障碍</a><a href="#">长者模式</a><a href="#">登录</a></div></div>
<div class="gz-header"><div class="logo"><img src="/images/logo.png" alt="贵州省科学技术厅"></div>
<ul class="gz-nav"><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻资讯</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="w1200 crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="./">{'媒体看科技' if d['kind']=='news' else '政策文件'}</a></div>
<div class="w1200 article">
{table}
<div class="Article_bt"><h1>{e(d['title'])}</h1></div>
<div class="Article_xx"><span>{'来源：' + e(d['src']) if d['kind']=='news' else ''}</span><span>发布时间：{d['pdate']} {hm(d)}</span>
<span>字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></span></div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">
{body}
</div>
<div class="share">分享：<a class="bds_weixin">微信</a><a class="bds_tsina">微博</a><a href="javascript:window.print()">打印本页</a><a href="javascript:window.close()">关闭窗口</a></div>
</div>
{sidebar('guizhou', '相关文件')}
<div class="gz-footer"><p>主办单位：贵州省科学技术厅　承办：贵州省科技信息中心</p><p><a href="https://beian.miit.gov.cn">黔ICP备05001536号-1</a>　贵公网安备 52010302000431号　网站标识码：5200000015</p></div>
<script>$(function(){{ $.get('/ht/count?docid=' + '{d['url'][-13:-5]}'); }});</script>
</body>
</html>
"""


# ------------------------------------------------------------------ T6 xuzhou: Hanweb JCMS, gb18030
def t_xuzhou(d):
    tt = d["title"] + " 徐州市科学技术局"
    if d["kind"] == "order":
        body = (f'<p style="text-align:center;">徐州市人民政府令</p><p style="text-align:center;">第{d["num"].split("第")[1]}</p>'
                + paras(d) + f'<p style="text-align:right;">{e(d["sig"][0])}</p>'
                f'<p style="text-align:right;">{cn(d["wdate"])}</p>')
    elif d["kind"] == "news":
        body = paras(d)
    else:
        body = (f'<p style="text-align:center;">{e(d["num"]).replace("〔", "[").replace("〕", "]")}</p>' + paras(d) +
                atts_html(d, "附件：") + sig_right(d, cn, 6))
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030" />
<title>{e(tt)}</title>
<meta name="SiteName" content="徐州市科学技术局" />
<meta name="SiteDomain" content="kjj.xuzhou.gov.cn" />
<meta name="SiteIDCode" content="3203000039" />
<meta name="ColumnName" content="{'工作动态' if d['kind']=='news' else '通知公告'}" />
<meta name="ArticleTitle" content="{e(d['title'])}" />
<meta name="PubDate" content="{d['pdate']} {hm(d)}" />
<meta name="ContentSource" content="{e(d['src'])}" />
<meta name="Keywords" content="" />
<script language="javascript" src="/script/0/1611301627173543.js"></script>
</head>
<body>
<div class="top"><a href="/"><img src="/picture/0/xzkj_logo.png" alt="徐州市科学技术局" /></a></div>
<div class="nav"><a href="/">首页</a><a href="/col/col1761/index.html">机构概况</a><a href="/col/col1763/index.html">通知公告</a><a href="/col/col1765/index.html">工作动态</a><a href="/col/col1766/index.html">政策法规</a><a href="/col/col1770/index.html">政务服务</a></div>
<div class="bt_position">您当前的位置：<table style="display:inline"><tr><td><a href="/">首页</a></td><td>&gt;</td><td><a href="/col/col1763/index.html">{'工作动态' if d['kind']=='news' else '通知公告'}</a></td></tr></table></div>
<div class="main">
<table width="100%" class="xxgk_hidden" style="display:none"><tr><td>生成日期：2026-12-01</td></tr></table>
<div class="bt_title">{e(d['title'])}</div>
<div class="bt_info">
<span>发布日期：</span><span>{d['pdate']}</span>&nbsp;&nbsp;
<span>信息来源：{e(d['src'])}</span>&nbsp;&nbsp;
<span>浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=1763&artid={d['url'].rsplit('_', 1)[1].split('.')[0]}"></script></span>
&nbsp;<span>字体：[<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>]</span>
</div>
<div class="bt_content" id="zoom">
<!--<$[信息内容]>begin-->
{body}
<!--<$[信息内容]>end-->
</div>
<div class="bt_link"><p>联系人：刘䶮　0516-83735026</p>
<a href="javascript:window.print()">[打印本页]</a> <a href="javascript:window.opener=null;window.open('','_self');window.close();">[关闭窗口]</a></div>
<div class="sxp">上一篇：<a href="/art/2025/8/28/art_1763_3899011.html">关于组织开展2025年度徐州市技术转移奖补申报工作的通知</a><br />下一篇：<a href="/art/2025/9/12/art_1763_3905520.html">徐州市科学技术局关于公布2025年度市级众创空间名单的通知</a></div>
</div>
{sidebar('xuzhou', '相关阅读')}
<div class="footer">主办单位：徐州市科学技术局　地址：徐州市新城区元和路1号　<a href="https://beian.miit.gov.cn">苏ICP备06031206号-1</a>　网站标识码：3203000039<br />
<script type="text/javascript">document.write(unescape("%3Cspan id='_span_jiucuo'%3E%3C/span%3E"));</script></div>
</body>
</html>
"""


# ------------------------------------------------------------------ T7 zhuhai: gkmlpt, utf-8
def t_zhuhai(d):
    tt = d["title"] + "-珠海市科技创新局"
    fbjg = "珠海市科技创新局" if d["kind"] == "repost" else "、".join(d["sig"])
    body = paras(d) + atts_html(d, "附件：") + sig_right(d, cn)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">
<title>{e(tt)}</title>
<meta name="renderer" content="webkit">
<link rel="stylesheet" href="/gkmlpt/static/css/content.css">
<script>window._CONFIG = {{ SID: '759017', DEPT_ID: 3, POST_ID: {d['url'].rsplit('_', 1)[1].split('.')[0]}, first_publish_time: {int(1700000000)} }};</script>
</head>
<body>
<div class="gz-header"><div class="logo"><img src="/gkmlpt/static/img/logo.png" alt="珠海市科技创新局"></div><div class="gkml-title">政府信息公开</div></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/gkmlpt/index">政府信息公开</a> &gt; <a href="/gkmlpt/index#1432">{'公示公告' if d['kind']=='list' else '政策文件'}</a></div>
<div class="content-container">
<div class="introduce">
<table class="table">
<tr><td class="first">索引号：</td><td class="second">11440400MB2C9{_h((d['id'])) % 90000 + 10000}/{d['pdate'][:4]}-{_h((d['url'])) % 9000 + 1000}</td><td class="first">分类：</td><td class="second">{'其他' if d['kind']=='list' else '科技、教育 / 通知'}</td></tr>
<tr><td class="first">发布机构：</td><td class="second">{e(fbjg)}</td><td class="first">成文日期：</td><td class="second">{d['wdate']}</td></tr>
<tr><td class="first">名称：</td><td colspan="3">{e(d['title'])}</td></tr>
<tr><td class="first">文号：</td><td class="second">{e(d['num'] or '')}</td><td class="first">发布日期：</td><td class="second">{d['pdate']}</td></tr>
<tr><td class="first">主题词：</td><td colspan="3"></td></tr>
</table>
</div>
<div class="content">
<h1 class="content-title">{e(d['title'])}</h1>
<div class="info"><span>发布日期：{d['pdate']}</span><span>来源：{e(d['src'])}</span><span id="hitcount">浏览次数：--</span>
<span class="font">【字体：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】</span></div>
<div class="article-content">
{body}
</div>
</div>
<div class="tool"><a href="javascript:window.print()">打印</a><a href="javascript:window.close()">关闭</a><span>扫一扫在手机打开当前页</span></div>
{sidebar('zhuhai', '相关文件')}
</div>
<div class="footer">珠海市科技创新局版权所有　<a href="https://beian.miit.gov.cn">粤ICP备05020436号</a>　网站标识码：4404000022　粤公网安备 44040202000138号</div>
<script src="/gkmlpt/static/js/hitcount.js"></script>
</body>
</html>
"""


# ------------------------------------------------------------------ T8 nanning: portal, utf-8 / no charset
def t_nanning(d):
    tt = d["title"] if d["kind"] != "news" else "南宁市人民政府门户网站"
    if d["kind"] == "order":
        body = (f'<p style="text-align:center;"><b>南宁市人民政府令</b></p><p style="text-align:center;">第{d["num"].split("第")[1]}</p>'
                + paras(d) + f'<p style="text-align:right;">{e(d["sig"][0])}</p>'
                f'<p style="text-align:right;">{cn_upper(d["wdate"])}</p>')
    elif d["kind"] == "news":
        body = paras(d)
    else:
        body = (f'<p style="text-align:center;">{e(d["num"])}</p>' + paras(d) + atts_html(d, "附件：") +
                sig_right(d, cn, 4) + '<p>（此件公开发布）</p>')
    meta = ""
    if d["kind"] != "news":
        meta = f"""<div class="zwgk_tab"><ul>
<li><label>索引号：</label><span>007564832/{d['pdate'][:4]}-{_h((d['id'])) % 90000 + 10000}</span></li>
<li><label>发文单位：</label><span>{e('南宁市人民政府' if d['kind']=='order' else d['sig'][0])}</span></li>
<li><label>发文字号：</label><span>{e(d['num'])}</span></li>
<li><label>成文日期：</label><span>{cn(d['wdate'])}</span></li>
<li><label>发布日期：</label><span>{cn(d['pdate'])}</span></li>
<li><label>主题分类：</label><span>科技</span></li>
</ul></div>"""
    return f"""<!DOCTYPE html>
<html>
<head>
{charset_meta(d)}
<title>{e(tt)}</title>
<meta name="Description" content="南宁市人民政府门户网站">
<meta name="PubDate" content="{stale(d['pdate'], 6)} 11:08">
<link rel="stylesheet" href="/images/nn_detail.css">
</head>
<body>
<div class="nn-head"><img src="/images/nn_logo.png" alt="南宁市人民政府门户网站"><div class="nn-weather"><script src="/js/weather.js"></script></div></div>
<div class="nn-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/ywzx/">要闻资讯</a><a href="/zwfw/">政务服务</a><a href="/hdjl/">政民互动</a><a href="/zjnn/">走进南宁</a></div>
<div class="nn-crumb">您的位置：<a href="/">首页</a> &gt; <a href="/zwgk/">{'要闻资讯' if d['kind']=='news' else '政务公开'}</a> &gt; <a href="./">{'南宁要闻' if d['kind']=='news' else '政策文件'}</a></div>
<div class="nn-main">
{meta}
<h1 class="nn-title">{e(d['title'])}</h1>
<div class="nn-info">信息来源：{e(d['src'])}&nbsp;&nbsp;&nbsp;发布时间：{d['pdate']} {hm(d)}&nbsp;&nbsp;&nbsp;【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
<div class="nn-content" id="zoomcon">
{body}
</div>
<div class="nn-share">分享到：<a href="#">微信</a> <a href="#">微博</a> <a href="#">QQ空间</a></div>
</div>
{sidebar('nanning', '相关文件')}
<div class="nn-foot"><p>主办：南宁市人民政府办公室　承办：南宁市大数据发展局</p><p><a href="https://beian.miit.gov.cn">桂ICP备05007234号</a>　桂公网安备 45010302000104号　网站标识码：4501000003</p></div>
</body>
</html>
"""


# ------------------------------------------------------------------ T9 21jingji: news, utf-8
def t_jingji21(d):
    y, m, dd = ymd(d["pdate"])
    by = re.search(r"（记者　([^）]+)）", " ".join(d["body"]))
    author = f'<span class="author">作者：{by.group(1)}</span>' if by else '<span class="author">作者：21世纪经济报道</span>'
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8" />
<title>{e(d['title'])} - 21经济网</title>
<meta name="keywords" content="人工智能,试验区,科技部" />
<meta name="description" content="{e(d['body'][0][:60])}" />
<meta property="og:site_name" content="21经济网" />
<meta name="apple-itunes-app" content="app-id=1068155547" />
<link rel="stylesheet" href="//static.21jingji.com/pc/css/detail.css" />
</head>
<body>
<div class="topBar"><a href="/">首页</a><a href="/channel/finance/">金融</a><a href="/channel/politics/">宏观</a><a href="/channel/tech/">科技</a><a href="/channel/capital/">资本市场</a><a href="/channel/region/">区域</a><a class="app" href="#">下载21财经APP</a></div>
<div class="detailBox">
<div class="crumbs"><a href="/">21经济网</a> &gt; <a href="/channel/tech/">科技</a> &gt; 正文</div>
<div class="titleHead"><h1>{e(d['title'])}</h1>
<div class="newsInfo"><span class="source">{e(d['src'])}</span>{author}<span class="time">{y}年{m:02d}月{dd:02d}日 {hm(d)}</span></div></div>
<div class="Abstract">{e(d['body'][0][:40])}……</div>
<div class="txtContent">
{('<p style="text-align:center;">' + e(d['num']) + '</p>') if d['num'] else ''}
{paras(d, indent=False)}
</div>
<div class="copyright">（作者：21世纪经济报道　编辑：张伟贤）</div>
<div class="newsShare">分享到：<a class="wx">微信</a><a class="wb">微博</a><a class="copylink">复制链接</a></div>
</div>
<div class="sideBar"><h3>热门排行</h3><ol>
<li><a href="#">央行：保持流动性合理充裕，2026年将继续实施适度宽松的货币政策</a><span>2026-11-28</span></li>
<li><a href="#">工信部等七部门印发《人形机器人产业创新发展行动计划》</a><span>2026-11-20</span></li>
<li><a href="#">深圳发布人工智能终端产业发展若干措施，单个项目最高资助3000万元</a><span>2026-11-19</span></li>
</ol></div>
<div class="footer">21世纪经济报道版权所有　未经书面授权禁止转载　<a href="https://beian.miit.gov.cn">粤ICP备12003063号</a>　互联网新闻信息服务许可证：44120180002</div>
<script>var _czc = _czc || []; _czc.push(["_setAccount", "1257785112"]);</script>
</body>
</html>
"""


# ------------------------------------------------------------------ T10 sina finance: utf-8
def t_sina(d):
    y, m, dd = ymd(d["pdate"])
    tags = "|".join(c for c in ["西安", "成都", "人工智能", "试验区"] if c in d["title"])
    tt = f"{d['title']}|{tags}_新浪财经_新浪网" if tags else f"{d['title']}_新浪财经_新浪网"
    body = paras(d, indent=False)
    if d["kind"] == "repost":
        body = (f'<p style="text-align:center;">{e(d["num"])}</p>' + body + sig_right(d, cn))
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8"/>
<title>{e(tt)}</title>
<meta name="keywords" content="{e(tags or '国务院,政策')}"/>
<meta name="description" content="{e(d['body'][0][:70])}"/>
<meta property="og:type" content="news"/>
<meta property="og:title" content="{e(d['title'])}"/>
<meta property="article:published_time" content="{d['pdate']}T{hm(d)}:00+08:00"/>
<meta property="article:author" content="新浪财经"/>
<meta name="sudameta" content="allCIDs:51894,2516,257;dataid:{d['url'][-12:-6]}"/>
<meta name="weibo: article:create_at" content="{stale(d['pdate'], 1)} 23:50:12"/>
<link rel="stylesheet" href="//n.sinaimg.cn/finance/page/css/article.css"/>
</head>
<body>
<div class="top-nav"><a href="//finance.sina.com.cn/">新浪财经</a><a href="//finance.sina.com.cn/stock/">股票</a><a href="//finance.sina.com.cn/fund/">基金</a><a href="//finance.sina.com.cn/china/">国内</a><a href="//finance.sina.com.cn/world/">国际</a><a href="//finance.sina.com.cn/7x24/">7x24</a></div>
<div class="main-content w1240">
<h1 class="main-title">{e(d['title'])}</h1>
<div class="top-bar-wrap"><div class="date-source"><span class="date">{y}年{m:02d}月{dd:02d}日 {hm(d)}</span><a href="#" class="source ent-source">{e(d['src'])}</a></div>
<div class="hqimg_wrapper"><div class="hq-title">上证指数 <span class="up">3,912.37 +0.42%</span></div></div></div>
<div class="appendQr_wrap"><div class="appendQr_normal_txt">新浪财经APP</div></div>
<div class="article" id="artibody">
<!-- 原始正文start -->
{body}
<!-- 原始正文end -->
<p class="article-editor">责任编辑：张玉</p>
</div>
<div class="keywords">文章关键词：<a href="#">人工智能</a> <a href="#">科技部</a></div>
<div class="feed-card"><h3>相关阅读</h3><ul>
<li><a href="#">科技部关于印发《国家新一代人工智能创新发展试验区建设工作指引（修订版）》的通知</a><span>2020-09-29</span></li>
<li><a href="#">财政部：下达2025年中央引导地方科技发展资金预算（财教〔2024〕213号）</a><span>2024-11-18</span></li>
<li><a href="#">A股人工智能板块午后拉升，多股涨停</a><span>2026-11-30 13:45</span></li>
</ul></div>
<div class="comment">我要评论 <span id="commentCount">0</span></div>
</div>
<div class="footer"><a href="//corp.sina.com.cn/chn/">新浪简介</a> | <a href="//www.sina.com.cn/contactus.html">联系我们</a> | Copyright © 1996-2026 SINA Corporation　<a href="https://beian.miit.gov.cn">京ICP证000007</a></div>
<script>var ARTICLE_DATA = {{ "docid": "{d['url'].rsplit('-', 1)[1].split('.')[0]}", "pagepubtime": "{stale(d['pdate'], 1)}" }};</script>
</body>
</html>
"""


TPL = {"mct": t_mct, "mwr": t_mwr, "customs": t_customs, "jl": t_jl, "guizhou": t_guizhou,
       "xuzhou": t_xuzhou, "zhuhai": t_zhuhai, "nanning": t_nanning, "jingji21": t_jingji21, "sina": t_sina}


def fname(d):
    return d["id"] + ".html"


def build():
    cases = []
    for d in DOCS:
        page = TPL[d["tpl"]](d)
        enc = "utf-8" if d["enc"] == "none" else d["enc"]
        with open(os.path.join(HERE, fname(d)), "wb") as f:
            f.write(page.encode(enc))
        cases.append({"id": d["id"], "file": fname(d), "url": d["url"], "template": d["tpl"],
                      "host": urlparse(d["url"]).hostname, "encoding": enc, "expected": d["exp"]})
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} pages")


# ------------------------------------------------------------------ self-check (independent of the extractor)
ALIAS = {"国家发展和改革委员会": ["国家发展改革委", "国家发展和改革委员会"],
         "国家市场监督管理总局": ["市场监管总局", "国家市场监督管理总局"],
         "科技部": ["科技部", "科学技术部"]}
BR = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "（": "〔", "）": "〕", "(": "〔", ")": "〕"})


def visible_text(raw, enc):
    s = raw.decode(enc)
    s = re.sub(r"(?is)<!--.*?-->", " ", s)
    s = re.sub(r"(?is)<(script|style|title)\b.*?</\1>", " ", s)
    s = re.sub(r"(?is)<(table|div)[^>]*display:none[^>]*>.*?</\1>", " ", s)
    s = re.sub(r"(?s)<[^>]+>", " ", s)
    s = H.unescape(s)
    return re.sub(r"[\s\u00a0\u3000]+", "", s)


def date_forms(iso):
    y, m, d = ymd(iso)
    return [iso, f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日", f"{y}/{m:02d}/{d:02d}", cn_upper(iso)]


def check():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))["cases"]
    bad = 0
    for c in labels:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        enc = c["encoding"]
        if enc == "gbk" and b"charset=gb2312" in raw:
            pass  # gb2312 label, GBK bytes: decoded as GBK
        t = visible_text(raw, enc)
        tb = t.translate(BR)
        x = c["expected"]
        probs = []
        if re.sub(r"\s", "", x["title"]) not in t:
            probs.append("title")
        if x["doc_number"] and x["doc_number"] not in tb:
            probs.append("doc_number " + x["doc_number"])
        for k in ("written_date", "published_date"):
            if x[k] and not any(f in t for f in date_forms(x[k])):
                probs.append(k)
        for i in x["issuers"]:
            if not any(a in t for a in ALIAS.get(i, [i])):
                probs.append("issuer " + i)
        for v in x["pilot_zone_cities"] + x["attachments"]:
            if v not in t:
                probs.append("value " + v)
        for r in x["repeals"]:
            if r not in tb:
                probs.append("repeal " + r)
        for fu in x.get("funding", []):
            for k, v in fu.items():
                if v is None:
                    continue
                if k == "ratio":
                    ok = f"{round(v * 100)}%" in t
                else:
                    w = v / 10000
                    w = int(w) if w == int(w) else w
                    ok = f"{w}万元" in t or (w >= 10000 and f"{w / 10000:g}亿元" in t)
                if not ok:
                    probs.append(f"funding {k}={v}")
        if enc == "gbk" and c["file"].startswith("jl_"):
            assert b"charset=gb2312" in raw, c["file"]
        if c["file"] == "nn_4.html":
            assert b"charset" not in raw.lower(), "nn_4 must declare no charset"
        if probs:
            bad += 1
            print(c["file"], probs)
    # the GB2312-labelled pages must really need GBK; the gb18030 pages must really need gb18030
    need_gbk = any(_fails(c, "gb2312") for c in labels if c["file"].startswith("jl_"))
    need_18030 = any(_fails(c, "gbk") for c in labels if c["encoding"] == "gb18030")
    print("gb2312-labelled pages need GBK:", need_gbk, "| gb18030 pages need GB18030:", need_18030)
    assert need_gbk and need_18030
    print("check:", len(labels), "pages,", bad, "with problems")
    return bad == 0


def _fails(c, enc):
    try:
        open(os.path.join(HERE, c["file"]), "rb").read().decode(enc)
        return False
    except UnicodeDecodeError:
        return True


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    build()

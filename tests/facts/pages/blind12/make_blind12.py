# -*- coding: utf-8 -*-
"""Write the blind12 pages and labels.json from blind12_docs.py.  Usage: python3 make_blind12.py [--check]"""
import html, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blind12_docs import DOCS

HERE = os.path.dirname(os.path.abspath(__file__))
CN = "〇一二三四五六七八九"

def cn_num(n):
    if n < 10: return CN[n]
    if n < 20: return "十" + (CN[n % 10] if n % 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")

def dparts(iso):
    y, m, d = iso.split("-"); return y, m, d

def f_cn(iso):  # 2026年3月18日
    y, m, d = dparts(iso); return "%s年%d月%d日" % (y, int(m), int(d))

def f_cn0(iso):  # 2026年03月18日
    y, m, d = dparts(iso); return "%s年%s月%s日" % (y, m, d)

def f_han(iso):  # 二〇二六年三月十八日
    y, m, d = dparts(iso); return "".join(CN[int(c)] for c in y) + "年" + cn_num(int(m)) + "月" + cn_num(int(d)) + "日"

def f_dot(iso): return iso.replace("-", ".")
def f_sl(iso): return iso.replace("-", "/")

E = html.escape

def paras(d, style='text-indent:2em;'):
    out = []
    for i, p in enumerate(d["body"]):
        if d["kind"] == "letter" and p.startswith("科技部关于支持"):
            out.append('<p style="text-align:center;"><strong>%s</strong></p>' % E(p))
        elif p.startswith("科技部　"):
            out.append('<p style="text-align:right;">%s</p>' % E(p))
        elif p.endswith("：") and len(p) < 60:
            out.append('<p>%s</p>' % E(p))
        else:
            out.append('<p style="%s">%s</p>' % (style, E(p)))
    return "\n".join(out)

def sig(d, fmt=f_cn, pad=False):
    if not d["sig"] or not d["wd"]: return ""
    lines = []
    if len(d["sig"]) > 1 and pad:
        lines.append('<p>' + "&nbsp;" * 16 + ("&nbsp;" * 12).join(E(s) for s in d["sig"]) + '</p>')
    else:
        for s in d["sig"]:
            if pad: lines.append('<p>' + "&nbsp;" * 40 + E(s) + '</p>')
            else: lines.append('<p style="text-align:right;padding-right:2em;">%s</p>' % E(s))
    if pad: lines.append('<p>' + "&nbsp;" * 38 + fmt(d["wd"]) + '</p>')
    else: lines.append('<p style="text-align:right;padding-right:2em;">%s</p>' % fmt(d["wd"]))
    return "\n".join(lines)

def order_head(d):
    if d["kind"] != "order": return ""
    return ('<p style="text-align:center;font-size:22px;color:#c00;">%s</p>\n<p style="text-align:center;">%s</p>\n'
            % (E(d["order_head"]), E(d["num_printed"])))

def num_line(d):
    if d["kind"] == "order" or not d.get("num"): return ""
    return '<p style="text-align:center;">%s</p>\n' % E(d["num_printed"])

def atts(d, tag="p", prefix=""):
    if not d["atts"]: return ""
    return "\n".join('<%s>%s<a href="%s" target="_blank">%s</a></%s>' % (tag, prefix, E(h), E(t), tag) for t, h in d["atts"])

def side(items):
    return "\n".join('<li><a href="%s" title="%s">%s</a><span>%s</span></li>' % (h, E(t), E(t), dt) for t, h, dt in items)

# ---------------------------------------------------------------- templates
def t_nmpa(d, i):
    url = "https://www.nmpa.gov.cn/xxgk/fgwj/%s/%s%s.html" % ("gzwj" if d["kind"] != "news" else "../yaowen", d["pd"].replace("-", ""), 153012100 + i)
    pt = "国家药品监督管理局" if i % 2 else d["title"] + "-国家药品监督管理局"
    body = order_head(d) + num_line(d) + paras(d) + "\n" + sig(d) + "\n"
    attl = atts(d, "p", "附件：") if d["atts"] else ""
    src = "" if d["kind"] != "news" else '<span>来源：%s</span>' % E(d["src"])
    h = f'''<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>{E(pt)}</title>
<meta name="SiteName" content="国家药品监督管理局"><meta name="SiteDomain" content="www.nmpa.gov.cn">
<meta name="ArticleTitle" content="{E(d["title"])}"><meta name="PubDate" content="2024-12-30 09:00">
<meta name="ColumnName" content="法规文件">
<link rel="stylesheet" href="/images/nmpa_2019.css"><script src="/js/jquery.min.js"></script>
</head><body>
<div class="header"><div class="logo"><img src="/images/logo.png" alt="国家药品监督管理局"></div>
<div class="nav"><a href="/">首页</a><a href="/xxgk/">信息公开</a><a href="/yaopin/">药品</a><a href="/ylqx/">医疗器械</a><a href="/hzhp/">化妆品</a><a href="/hdjl/">互动交流</a></div></div>
<div class="weizhi">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="/xxgk/fgwj/">法规文件</a></div>
<div class="main"><div class="left">
<div class="text_title"><h2 class="title">{E(d["title"])}</h2>
<div class="text_info"><span>发布时间：{d["pd"]}</span>{src}<span class="fontsize">字号：<a>大</a> <a>中</a> <a>小</a></span></div></div>
<div class="text" id="zoom"><!--<$[正文]>begin-->
<div class="TRS_Editor"><style>.TRS_Editor P{{margin-top:5px;line-height:1.8;font-size:12pt;}}</style>
{body}
{attl}
</div><!--<$[正文]>end--></div>
<div class="share">分享到：<a class="wx">微信</a><a class="wb">微博</a></div>
<div class="pre_next"><p>上一篇：<a href="./20260301100000101.html">国家药监局关于发布化妆品安全技术规范（2026年版）的公告（2026年第18号）</a></p>
<p>下一篇：<a href="./20260402100000102.html">国家药监局综合司关于做好2026年药品抽检工作的通知（药监综药管〔2026〕33号）2026-04-02</a></p></div>
<div class="btns"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div>
</div><div class="right"><h3>相关文件</h3><ul>
{side([("国家药监局关于进一步加强药品网络销售监管的通知","../20251201.html","2025-12-01"),("药品检查管理办法（试行）（国药监药管〔2023〕26号）","../20230701.html","2023-07-01")])}
</ul></div></div>
<div class="footer"><p>主办：国家药品监督管理局 版权所有</p><p>京ICP备13027807号 京公网安备 11010202008123号 网站标识码：bm85000001</p></div>
<script>var _hmt=_hmt||[];document.write(unescape("%3Cspan id='cnzz_stat_icon_1279'%3E%3C/span%3E"));</script>
</body></html>'''
    return url, h, "utf-8"

def t_cnca(d, i):
    url = "https://www.cnca.gov.cn/zwxx/%s/%s/art/%s/art_%d.html" % ("xxgk" if d["kind"] != "news" else "gzdt", d["pd"][:4], d["pd"][:4], 88210 + i)
    body = num_line(d) + paras(d) + "\n" + sig(d, f_cn) + "\n" + atts(d, "p")
    h = f'''<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{E(d["title"])}_国家认证认可监督管理委员会</title>
<meta name="Keywords" content="认证认可,检验检测"><meta name="publishdate" content="2019-05-05">
<style>.xxgk_table td{{border:1px solid #ccc;padding:4px;}} .hide{{display:none}}</style>
</head>
<body>
<div id="top"><a href="/">国家认证认可监督管理委员会</a> | <a href="https://www.samr.gov.cn/">国家市场监督管理总局</a> | 无障碍 | English</div>
<div class="menu"><a>首页</a><a>机构概况</a><a>政务信息</a><a>认证监管</a><a>认可与检验检测</a><a>互动交流</a></div>
<div class="position">您当前的位置：首页 &gt; 政务信息 &gt; 信息公开目录</div>
<table class="xxgk_table" width="100%">
<tr><td>索 引 号：</td><td>CNCA-{d["pd"][:4]}-{i:05d}</td><td>主题分类：</td><td>认证认可</td></tr>
<tr><td>发文机关：</td><td>{"、".join(E(s) for s in d["sig"])}</td><td>成文日期：</td><td>{f_cn(d["wd"])}</td></tr>
<tr><td>标　　题：</td><td colspan="3">{E(d["title"])}</td></tr>
<tr><td>发文字号：</td><td>{E(d["num_printed"])}</td><td>发布日期：</td><td>{f_cn(d["pd"])}</td></tr>
</table>
<div class="article"><h1 style="text-align:center;">{E(d["title"])}</h1>
<div class="info">【字体：<a>大</a> <a>中</a> <a>小</a>】 浏览次数：<span id="hits"><script src="/module/visitcount/articlehits.jsp?colid=3&artid={88210+i}"></script></span></div>
<div id="zoom">
{body}
</div></div>
<div class="relate"><b>相关链接：</b><ul>
{side([("认监委关于印发《认证机构监督管理办法实施细则》的通知（国认监〔2024〕2号）","/zwxx/a1.html","2024-03-01"),("市场监管总局关于强制性产品认证目录调整的公告（2025年第31号）","/zwxx/a2.html","2025-08-11")])}
</ul></div>
<div class="fenxiang">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="foot">主办单位：国家认证认可监督管理委员会　地址：北京市海淀区马甸东路9号<br>京ICP备09004022号-1　网站标识码：bm30000012</div>
<!-- 生成时间 2026-12-01 03:11:09 -->
</body></html>'''
    return url, h, "gbk"

def t_spb(d, i):
    url = "https://www.spb.gov.cn/gjyzj/c1000%02d/%s/%s.shtml" % (15 + i, d["pd"][:7].replace("-", ""), "a" + "%08x" % (0x3f1c2b + i * 977))
    isnews = d["kind"] == "news"
    info = ('<span>来源：%s</span>' % E(d["src"])) if isnews else '<span>来源：国家邮政局%s</span>' % E(d["src"])
    body = order_head(d) + num_line(d) + paras(d) + "\n" + sig(d, f_cn, pad=(i % 2 == 0)) + "\n" + atts(d, "p", "附件：")
    h = f'''<!DOCTYPE html><html lang="zh-CN"><head>
<meta charset="gb18030">
<title>国家邮政局</title>
<meta name="description" content="{E(d["title"])}">
</head><body>
<div class="top">国家邮政局 State Post Bureau of The People's Republic of China</div>
<ul class="nav"><li>首页</li><li>机构设置</li><li>政务公开</li><li>行业管理</li><li>在线服务</li><li>政民互动</li></ul>
<div class="crumbs">首页 &gt; 政务公开 &gt; {"新闻动态" if isnews else "政策文件"}</div>
<div class="wrap"><div class="con">
<div class="xl_title"><h3>{E(d["title"])}</h3></div>
<div class="xl_info"><span>发布时间：{d["pd"]} 10:{10+i}</span>{info}<span>浏览量：<i id="viewcount">0</i></span></div>
<div class="xl_con">
{body}
</div>
<div class="sxp">上一篇：<a href="#">国家邮政局关于印发《邮政业安全生产设备配置规范》的通知（国邮发〔2025〕37号）</a><br>
下一篇：<a href="#">2025年12月邮政行业运行情况</a></div>
</div><div class="sidebar"><h4>热点文件</h4><ul>
{side([("国家邮政局关于加快推进快递包装绿色转型的意见","#","2025-11-20"),("邮政业统计管理办法（交通运输部令2024年第9号）","#","2024-06-30")])}
</ul></div></div>
<div class="foot">© 国家邮政局 版权所有 京ICP备05040227号 网站标识码：bm30000006<br>技术支持：国家邮政局信息中心</div>
<script>$.get("/hits?id={i}",function(n){{document.getElementById("viewcount").innerHTML=n;}});</script>
</body></html>'''
    return url, h, "gb18030"

def t_weihai(d, i):
    y, m, dd = dparts(d["pd"])
    url = "http://kjj.weihai.gov.cn/art/%s/%d/%d/art_5%d_%d.html" % (y, int(m), int(dd), 2180 + i, 4031200 + i * 13)
    body = num_line(d) + paras(d) + "\n" + sig(d, f_cn, pad=True)
    attl = atts(d, "p") 
    h = f'''<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />
<title>威海市科学技术局 {E(d["title"])}</title>
<meta name="ArticleTitle" content="{E(d["title"])}">
<meta name="PubDate" content="{d["pd"]} 08:30">
<meta name="ContentSource" content="{E(d["src"])}">
<script type="text/javascript" src="/script/jquery.min.js"></script>
</head><body>
<table width="1000" align="center"><tr><td><img src="/picture/0/top_banner.jpg" alt="威海市科学技术局"></td></tr>
<tr><td class="nav"><a href="/">首页</a> | <a href="/col/col52181/">机构概况</a> | <a href="/col/col52182/">政务公开</a> | <a href="/col/col52183/">科技政策</a> | <a href="/col/col52184/">通知公告</a></td></tr></table>
<table width="1000" align="center"><tr><td class="bt_link">您当前的位置：<a href="/">首页</a>&gt;<a href="/col/col52184/">通知公告</a></td></tr></table>
<table width="1000" align="center"><tr>
<td width="250" valign="top" class="left"><div class="lm">通知公告</div><ul>
{side([("关于组织申报2025年度威海市重点研发计划项目的通知（威科字〔2025〕18号）","/art/2025/4/1/art_1.html","2025-04-01"),("威海市科学技术局关于2025年度创新券兑付结果的公示","/art/2025/11/3/art_2.html","2025-11-03")])}
</ul></td>
<td valign="top">
<table width="100%"><tr><td class="title" align="center" style="font-size:20px;font-weight:bold;">{E(d["title"])}</td></tr>
<tr><td align="center" class="bt_content">发布日期：{f_cn0(d["pd"])}&nbsp;&nbsp;信息来源：{E(d["src"])}&nbsp;&nbsp;浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=52184&artid={4031200+i*13}"></script>&nbsp;&nbsp;字体：[<a>大</a> <a>中</a> <a>小</a>]</td></tr>
<tr><td class="bt_content" id="zoom">
<!--ZJEG_RSS.content.begin--><meta name="ContentStart">
{body}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end-->
</td></tr>
<tr><td>{attl}</td></tr>
<tr><td align="right">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</td></tr>
</table></td></tr></table>
<div class="foot">主办：威海市科学技术局　地址：威海市统一路336号　鲁ICP备05019233号　网站标识码：3710000049　技术支持：威海瑞喆信息技术有限公司　政府网站找错</div>
</body></html>'''
    return url, h, "gbk"

def t_linyi(d, i):
    url = "http://kjj.linyi.gov.cn/gkmlpt/content/2/%d/post_%d.html" % (2610 + i, 2610500 + i * 7)
    meta = ""
    if d["kind"] != "news":
        meta = f'''<div class="introduce"><table class="table-bordered">
<tr><th>索引号：</th><td>11371300MB28{i:05d}/2026-0{i+1}</td><th>分类：</th><td>科技、教育</td></tr>
<tr><th>发布机构：</th><td>{E(d["issuers"][0])}</td><th>成文日期：</th><td>{d["wd"]}</td></tr>
<tr><th>名称：</th><td colspan="3">{E(d["title"])}</td></tr>
<tr><th>文号：</th><td>{E(d.get("num_printed") or "")}</td><th>发布日期：</th><td>{d["pd"]}</td></tr>
</table></div>'''
    body = num_line(d) + paras(d) + "\n" + sig(d, f_cn)
    src = '<span>来源：%s</span>' % E(d["src"])
    h = f'''<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{E(d["title"])} - 临沂市科学技术局</title>
<meta name="others" content="页面生成时间 2026-11-30 12:00:00"><meta name="lastmodified" content="2026-11-30">
</head><body>
<div id="header"><div class="logo">临沂市科学技术局</div><div class="search"><input placeholder="请输入关键字"></div></div>
<div class="breadcrumb">首页 &gt; 政府信息公开 &gt; 政府信息公开目录</div>
{meta}
<div class="content"><h1 class="content-title">{E(d["title"])}</h1>
<div class="info"><span>{d["pd"]} 16:32</span>{src}<span>【字号：大 中 小】</span></div>
<div class="article-content">
{body}
</div></div>
<div class="related"><h3>相关文件</h3><ul>
{side([("临沂市科学技术局关于印发《临沂市科技计划项目管理办法》的通知（临科发〔2024〕9号）","#","2024-05-20"),("临沂市人民政府关于加快建设国家创新型城市的实施意见（临政发〔2023〕5号）","#","2023-09-01")])}
</ul></div>
<div class="footer">临沂市科学技术局主办 鲁ICP备12020213号-1 网站标识码：3713000039</div>
<script>window.gkmlpt={{post:{{id:{2610500+i*7},publish_time:"{d["pd"][:4]}-01-01"}}}};</script>
</body></html>'''
    return url, h, "utf-8"

def t_yueyang(d, i):
    url = "http://kjj.yueyang.gov.cn/%d/%d/content_%d.html" % (2371 + i, 2380, 2280100 + i * 31)
    body = num_line(d) + paras(d) + "\n" + sig(d, f_cn) + "\n" + atts(d, "p")
    h = f'''<html>
<head>
<title>岳阳市科学技术局</title>
<meta name="ArticleTitle" content="{E(d["title"])}">
<meta name="pubdate" content="2020-01-01">
</head>
<body>
<div class="header"><h1>岳阳市科学技术局</h1><div class="date"><script>document.write(new Date().toLocaleDateString())</script></div></div>
<div class="nav"><a>首页</a><a>机构职能</a><a>政务公开</a><a>通知公告</a><a>科技动态</a><a>办事服务</a></div>
<div class="location">当前位置：<a>首页</a> &gt; <a>{"科技动态" if d["kind"] == "news" else "通知公告"}</a> &gt; 正文</div>
<div class="article">
<div class="tit">{E(d["title"])}</div>
<div class="attr">发布时间：{f_cn(d["pd"])}　　来源：{E(d["src"])}　　阅读：<span id="news_count">--</span></div>
<div class="cont" id="zoom">
{body}
</div>
<div class="prev">上一篇：<a>岳阳市科学技术局关于2025年度科技计划项目验收结果的公告（岳科发〔2025〕40号）</a></div>
<div class="next">下一篇：<a>关于举办2026年岳阳市创新创业大赛的通知</a></div>
</div>
<div class="foot">版权所有：岳阳市科学技术局　湘ICP备05011098号　网站标识码：4306000018</div>
</body>
</html>'''
    return url, h, "utf-8"

def t_changde(d, i):
    url = "https://kjj.changde.gov.cn/zwgk/public/66156%02d/%d.html" % (90 + i, 11829300 + i * 17)
    ls = d["kind"] != "news"
    meta = ""
    if ls:
        meta = f'''<dl class="xxgk-info"><dt>【发布单位】</dt><dd>{E("、".join(d["sig"]))}</dd>
<dt>【发布文号】</dt><dd>{E(d.get("num_printed") or "")}</dd><dt>【发文日期】</dt><dd>{f_cn(d["wd"])}</dd><dt>【主题分类】</dt><dd>科技</dd></dl>'''
    body = num_line(d) + paras(d) + "\n" + sig(d, f_cn, pad=True)
    h = f'''<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=GBK">
<title>{E(d["title"])}-常德市科学技术局</title>
<meta name="PubDate" content="{d["pd"]} 09:00:00">
<link href="/jpaas/css/base.css" rel="stylesheet">
</head><body>
<div class="top">常德市科学技术局 <a>无障碍</a> <a>长者模式</a></div>
<div class="nav"><a>首页</a><a>政务公开</a><a>科技政策</a><a>通知公告</a><a>政民互动</a></div>
<div class="crumb">您现在的位置：首页 &gt; 政务公开 &gt; {"工作动态" if not ls else "通知公告"}</div>
{meta}
<div class="main-txt"><div class="title"><h1>{E(d["title"])}</h1></div>
<div class="sub">信息来源：{E(d["src"])} | 发布时间：{d["pd"]} 09:00 | 【<a>大</a> <a>中</a> <a>小</a>】 | 浏览次数：<em id="hits">128</em></div>
<div class="main_content">
{body}
</div>
<div class="fj"><h4>附件下载：</h4>{atts(d, "li") if d["atts"] else "<span>无</span>"}</div>
</div>
<div class="about"><h4>相关阅读</h4><ul>
{side([("常德市人民政府关于印发《常德市“十五五”科技创新规划》的通知（常政发〔2026〕2号）","#","2026-01-12"),("湖南省科学技术厅关于组织2026年度省科技创新计划项目申报的通知","#","2026-02-28")])}
</ul></div>
<div class="footer">主办单位：常德市科学技术局 湘ICP备2021001234号 湘公网安备43070202000123号 网站标识码：4307000037</div>
</body></html>'''
    return url, h, "gbk"

def t_kaifeng(d, i):
    url = "https://kjj.kaifeng.gov.cn/tzgg/%d.jhtml?print=true" % (5120 + i * 3)
    body = order_head(d) + num_line(d).replace("〔", "[").replace("〕", "]") + paras(d) + "\n"
    if d["kind"] == "order":
        body += '<p style="text-align:right;">%s</p><p style="text-align:right;">%s</p>' % (E(d["sig"][0]), f_han(d["wd"]))
    else:
        body += sig(d, f_han if i % 2 else f_cn)
    h = f'''<!DOCTYPE html><html><head><meta charset="UTF-8">
<title>打印页面</title>
<style>@media print{{.noprint{{display:none}}}} body{{font-family:仿宋;}}</style>
</head><body>
<div class="noprint"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="print-head">开封市科学技术局 kjj.kaifeng.gov.cn</div>
<h2 style="text-align:center;">{E(d["title"])}</h2>
<div style="text-align:center;color:#666;">时间：{f_sl(d["pd"])}&nbsp; 作者：{E(d["src"])}&nbsp; 点击：<span id="views"></span></div>
<hr>
<div class="print-con">
{body}
{atts(d, "p", "附件下载：")}
</div>
<hr><div class="print-foot">本页地址：https://kjj.kaifeng.gov.cn/ 豫ICP备10202123号 网站标识码：4102000027</div>
<script src="/count/view.jspx?contentId={5120+i*3}" type="text/javascript"></script>
</body></html>'''
    return url, h, "utf-8"

def t_chinatimes(d, i):
    y, m, dd = dparts(d["pd"])
    url = "https://www.chinatimes.net.cn/article/%d.html" % (94100 + i * 211 + int(y) * 10)
    ps = d["body"]
    h = f'''<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{E(d["title"])}-华夏时报网</title>
<meta name="keywords" content="人工智能,科技,华夏时报"><meta property="og:release_date" content="2019-12-31">
</head><body>
<div class="header"><a href="/">华夏时报网</a><nav><a>首页</a><a>宏观</a><a>金融</a><a>科技</a><a>地产</a><a>健康</a></nav></div>
<div class="article-box">
<h1 class="title">{E(d["title"])}</h1>
<div class="info"><span class="time"><em>{y}</em>-<em>{m}</em>-<em>{dd}</em> 07:{30+i}</span> <span class="src">来源：{E(d["src"])}</span> <span class="author">作者：{E(ps[0].split()[1]) if "记者" in ps[0] else ""}</span></div>
<div class="infoMain">
{"".join('<p>%s</p>' % E(p) for p in ps)}
<p class="editor">责任编辑：刘一鸣 主编：夏申茹</p>
</div>
<div class="share">分享：<a>微信</a><a>微博</a><a>QQ空间</a></div>
</div>
<div class="right"><h3>热门文章</h3><ul>
{side([("央行：2026年将适时降准降息","#","2026-01-05"),("工信部印发《人形机器人创新发展指导意见》","#","2025-12-18")])}
</ul></div>
<div class="footer">华夏时报社 版权所有 京ICP备14041765号-1 京公网安备11010502031234号</div>
</body></html>'''
    return url, h, "utf-8"

def t_ithome(d, i):
    y, m, dd = dparts(d["pd"])
    url = "https://www.ithome.com/0/%d/%03d.htm" % (812 + i * 9, 100 + i * 37)
    ps = d["body"]
    h = f'''<!DOCTYPE html><html lang="zh-cn"><head><meta charset="utf-8">
<title>{E(d["title"])} - IT之家</title>
<meta name="description" content="{E(ps[0][:60])}">
</head><body>
<div id="nav"><a href="/">IT之家</a> <a>IT资讯</a> <a>软件之家</a> <a>智能时代</a> <a>数码之家</a></div>
<div class="content fl"><div class="post_title"><h1>{E(d["title"])}</h1>
<div class="cv"><span id="pubtime_baidu">{d["pd"]} 14:{20+i}:09</span> <span id="source_baidu">来源：<a>{E(d["src"])}</a></span> <span id="author_baidu">作者：<strong>清源</strong></span> <span id="editor_baidu">责编：清源</span> 评论：<span id="commentcount">--</span></div></div>
<div class="post_content" id="paragraph">
{"".join('<p>%s</p>' % E(p) for p in ps)}
<p class="ad-tips">广告声明：文内含有的对外跳转链接（包括不限于超链接、二维码、口令等形式），用于传递更多信息，节省甄选时间，结果仅供参考，IT之家所有文章均包含本声明。</p>
</div>
<div class="related_post"><h3>相关文章</h3><ul>
{side([("科技部：推动人工智能+行动深入实施","#","2026-03-02"),("工信部：2025年人工智能核心产业规模超9000亿元","#","2026-01-20")])}
</ul></div></div>
<div id="ft">IT之家 版权所有 鲁ICP备19038361号-1 青岛软媒网络科技有限公司</div>
<script>var newsid={812000+i};</script>
</body></html>'''
    return url, h, "utf-8"

TPL = dict(nmpa=(t_nmpa, "www.nmpa.gov.cn", "nmpa-trs"), cnca=(t_cnca, "www.cnca.gov.cn", "cnca-xxgk-gbk"),
           spb=(t_spb, "www.spb.gov.cn", "spb-gb18030"), weihai=(t_weihai, "kjj.weihai.gov.cn", "weihai-hanweb-gb2312"),
           linyi=(t_linyi, "kjj.linyi.gov.cn", "linyi-gkmlpt"), yueyang=(t_yueyang, "kjj.yueyang.gov.cn", "yueyang-nocharset"),
           changde=(t_changde, "kjj.changde.gov.cn", "changde-jpaas-gbk"), kaifeng=(t_kaifeng, "kjj.kaifeng.gov.cn", "kaifeng-jeecms-print"),
           chinatimes=(t_chinatimes, "www.chinatimes.net.cn", "chinatimes-news"), ithome=(t_ithome, "www.ithome.com", "ithome-news"))

def build():
    cases, counts = [], {}
    for d in DOCS:
        fn, host, tname = TPL[d["tpl"]]
        i = counts.get(d["tpl"], 0); counts[d["tpl"]] = i + 1
        url, h, enc = fn(d, i)
        if d["tpl"] == "weihai":
            raw = h.encode("gbk")          # labelled gb2312, bytes are GBK
        else:
            raw = h.encode(enc)
        name = "%s.html" % d["id"]
        with open(os.path.join(HERE, name), "wb") as f: f.write(raw)
        exp = dict(title=d["title"], doc_number=d.get("num"), issuers=d["issuers"], written_date=d["wd"],
                   published_date=d["pd"], pilot_zone_cities=d["pilot"], repeals=d["repeals"],
                   attachments=[t for t, _ in d["atts"]])
        if d["funding"] is not None: exp["funding"] = d["funding"]
        cases.append(dict(id=d["id"], file=name, url=url, template=tname, host=host, encoding=enc, expected=exp))
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
    print("wrote", len(cases), "pages")

SHORT = {"国家药品监督管理局": ["国家药监局"], "国家卫生健康委员会": ["国家卫生健康委"], "国家市场监督管理总局": ["市场监管总局", "国家市场监督管理总局令"],
         "国家认证认可监督管理委员会": ["国家认监委"], "国家发展和改革委员会": ["国家发展改革委"], "交通运输部": ["交通运输部令"]}

def visible(raw, enc):
    t = raw.decode(enc)
    t = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", t)
    t = re.sub(r"(?s)<!--.*?-->", "", t)
    t = re.sub(r"(?s)<[^>]+>", "", t)
    t = html.unescape(t).replace("\xa0", " ")
    return re.sub(r"\s+", "", t)

def date_forms(iso):
    return [iso, f_cn(iso), f_cn0(iso), f_han(iso), f_dot(iso), f_sl(iso)]

def check():
    lab = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))
    bad = 0
    for c in lab["cases"]:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        head = raw[:400].decode("ascii", "ignore").lower()
        if c["template"].startswith("yueyang"): assert "charset" not in raw.decode("utf-8").lower(), c["id"]
        if c["template"].startswith("weihai"):
            assert "charset=gb2312" in head
            try: raw.decode("gb2312"); raise AssertionError("weihai page decodes as strict gb2312")
            except UnicodeDecodeError: pass
        v = visible(raw, c["encoding"]); e = c["expected"]; errs = []
        if re.sub(r"\s+", "", e["title"]) not in v: errs.append("title")
        if e["doc_number"]:
            n = e["doc_number"]
            forms = [n, n.replace("〔", "[").replace("〕", "]")]
            m = re.match(r"^(.*令)(第.*号|\d{4}年第\d+号)$", n)
            if m: ok = m.group(2) in v and (m.group(1) in v or ("中华人民共和国" + m.group(1)) in v)
            else: ok = any(f in v for f in forms)
            if not ok: errs.append("num")
        for k in ("written_date", "published_date"):
            if e[k] and not any(f in v for f in date_forms(e[k])): errs.append(k)
        for s in e["issuers"]:
            if s not in v and not any(x in v for x in SHORT.get(s, [])): errs.append("issuer " + s)
        for a in e["attachments"]:
            if re.sub(r"\s+", "", a) not in v: errs.append("att " + a)
        for p in e["pilot_zone_cities"]:
            if p not in v: errs.append("pilot " + p)
        for r in e["repeals"]:
            if not all(x in v for x in re.findall(r"\d+", r)): errs.append("repeal " + r)
        if errs: bad += 1; print(c["id"], errs)
    print("check:", len(lab["cases"]) - bad, "ok,", bad, "bad")
    return bad == 0

if __name__ == "__main__":
    if "--check" in sys.argv: sys.exit(0 if check() else 1)
    build()

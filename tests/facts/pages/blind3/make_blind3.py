"""Write the blind3 pages (run once) and self-check them.  python make_blind3.py"""
import hashlib, html as H, json, os, re, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from blind3_docs import DOCS

OUT = os.path.dirname(os.path.abspath(__file__))
CN = "〇一二三四五六七八九"

def cnnum(n):
    if n < 10: return CN[n]
    if n < 20: return "十" + (CN[n % 10] if n % 10 else "")
    return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")

def dfmt(iso, style):
    y, m, d = (int(x) for x in iso.split("-"))
    return {"iso": f"{y}-{m:02d}-{d:02d}", "cn": f"{y}年{m}月{d}日", "cn0": f"{y}年{m:02d}月{d:02d}日",
            "slash": f"{y}/{m}/{d}", "u": f"{y}-{m}-{d}", "dot": f"{y}.{m:02d}.{d:02d}",
            "cnnum": "".join(CN[int(c)] for c in str(y)) + "年" + cnnum(m) + "月" + cnnum(d) + "日"}[style]

def h(s): return H.escape(s, quote=False)
def sid(d, n=7): return str(int(hashlib.md5(d["id"].encode()).hexdigest(), 16))[:n]
def hx(d): return hashlib.md5(("x" + d["id"]).encode()).hexdigest()

def others(d, k=4):
    i = DOCS.index(d)
    return [DOCS[(i + j * 5) % len(DOCS)] for j in range(1, k + 1)]

def pstyle(p, st):
    if st == "indent": return f'<p style="text-indent:2em;">{h(p)}</p>'
    if st == "fang": return f'<p style="text-indent: 2em; line-height: 2em;"><span style="font-family:仿宋_GB2312;font-size:16pt">{h(p)}</span></p>'
    if st == "nbsp": return f'<p>&nbsp;&nbsp;&nbsp;&nbsp;{h(p)}</p>'
    if st == "font": return f'<p><font face="仿宋_GB2312" size="4">　　{h(p)}</font></p>'
    if st == "br": return f'　　{h(p)}<br/>'
    return f"<p>{h(p)}</p>"

def body(d, st="indent", wstyle="cn", sig="right", numline=True):
    out = []
    if d["kind"] == "order":
        out.append(f'<p style="text-align:center"><strong>{h(d["order_head"])}</strong></p>')
        out.append(f'<p style="text-align:center">{h(d["order_no"])}</p>')
    elif numline and d.get("num"):
        out.append(f'<p style="text-align:center">{h(d["num"])}</p>')
    if d.get("to"):
        out.append(f"<p>{h(d['to'])}</p>")
    out += [pstyle(p, st) for p in d["body"]]
    if d["kind"] == "order":
        out += [f'<p style="text-align:right">{h(s)}</p>' for s in d["sign"]]
        out.append(f'<p style="text-align:right">{dfmt(d["written"], wstyle)}</p>')
    elif d["sign"]:
        ws = "cnnum" if d.get("cnwritten") else wstyle
        if d["atts"] and st != "br":
            out.append(f"<p>&nbsp;</p>")
        if sig == "right":
            out += [f'<p style="text-align: right;">{h(s)}</p>' for s in d["sign"]]
            out.append(f'<p style="text-align: right;">{dfmt(d["written"], ws)}</p>')
        elif sig == "nbsp":
            pad = "&nbsp;" * 40
            out += [f"<p>{pad}{h(s)}</p>" for s in d["sign"]]
            out.append(f"<p>{pad}{dfmt(d['written'], ws)}</p>")
        else:
            out += [f'<div align="right">{h(s)}</div>' for s in d["sign"]]
            out.append(f'<div align="right">{dfmt(d["written"], ws)}</div>')
        if d["sign"] and d["kind"] == "doc" and st != "br":
            out.append("<p style=\"text-indent:2em\">（此件公开发布）</p>")
    return "\n".join(out)

def atts(d, pre="./", style="ol", datekey=None):
    if not d["atts"]: return ""
    dk = (datekey or d["published"]).replace("-", "")
    items = []
    for i, a in enumerate(d["atts"], 1):
        ext = a.rsplit(".", 1)[1]
        href = f"{pre}P0{dk}{sid(d,6)}{i:02d}.{ext}"
        if style == "ol":
            items.append(f'<p>{i}. <a href="{href}" target="_blank">{h(a)}</a></p>')
        elif style == "li":
            items.append(f'<li><a href="{href}" title="{h(a)}">{h(a)}</a></li>')
        else:
            items.append(f'<a href="{href}" oldsrc="/protect/P0{dk}{i}.{ext}">{h(a)}</a><br/>')
    if style == "li":
        return '<div class="fj"><span>附件：</span><ul>' + "".join(items) + "</ul></div>"
    return '<div class="appendix"><p>附件：</p>' + "\n".join(items) + "</div>"

def nav(links):
    return "".join(f'<li><a href="/{i}/" target="_blank">{x}</a></li>' for i, x in enumerate(links.split()))

# ----------------------------------------------------------------------------- templates
def t_miit(d):
    pub = d["published"]
    rel = "".join(f'<li><a href="../{sid(o)}.html">{h(o["title"])}</a><span>{h(o["num"] or "")}</span><span>{o["published"]}</span></li>' for o in others(d))
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>{h(d['title'])}-中华人民共和国工业和信息化部</title>
<meta name="SiteName" content="中华人民共和国工业和信息化部">
<meta name="ColumnName" content="文件发布">
<meta name="ArticleTitle" content="{h(d['title'])}">
<meta name="PubDate" content="{pub} 16:00">
<meta name="ContentSource" content="科技司">
<link rel="stylesheet" href="/cms_files/filemanager/css/xxgk.css">
</head><body>
<div class="topbar"><div class="w1200"><a href="javascript:;" id="wza">无障碍</a> | <a href="javascript:;">长者模式</a> | <a href="/en/">English</a> | <a href="/jgsj/">部门机构</a></div></div>
<div class="header"><a href="/"><img src="/images/logo.png" alt="中华人民共和国工业和信息化部"></a>
<form action="/search/" class="search"><input type="text" placeholder="请输入关键词"><button>搜索</button></form></div>
<ul class="nav">{nav("首页 机构 新闻 政务公开 政务服务 互动交流 专题专栏 数据 工业 通信 信息化 无线电 网络安全")}</ul>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/zcwj/">政策文件</a> &gt; <span>文件发布</span></div>
<div class="w1200 clearfix">
<table class="bd1 xxgk-table" cellpadding="0" cellspacing="1" width="100%">
<tr><td class="t1">索<i></i>引<i></i>号：</td><td>{sid(d,9)}/2026-00{sid(d,3)}</td><td class="t1">分<i></i>类：</td><td>科技创新</td></tr>
<tr><td class="t1">发布机构：</td><td>{h(' '.join(d['sign']) if d['kind']!='order' else '工业和信息化部')}</td><td class="t1">成文日期：</td><td>{dfmt(d['written'],'cn0')}</td></tr>
<tr><td class="t1">名<i></i>称：</td><td colspan="3">{h(d['title'])}</td></tr>
<tr><td class="t1">文<i></i>号：</td><td>{h(d['num'] if d['kind']!='order' else d['doc_number'])}</td><td class="t1">发布日期：</td><td>{dfmt(pub,'cn0')}</td></tr>
</table>
<div id="con_title" class="ctitle"><h1 id="con_title">{h(d['title'])}</h1></div>
<div class="cinfo center"><span id="con_time">发布时间：{pub}</span> <span>来源：科技司</span>
<span class="fontsize">字号：<a href="javascript:doZoom(18)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a></span></div>
<div id="con_con" class="ccontent center">
<!--<$[信息内容]>begin-->
{body(d, st="indent", wstyle="cn")}
{atts(d, style="ol")}
<!--<$[信息内容]>end-->
</div>
<div class="share">分享到：<a class="weibo">微博</a><a class="weixin">微信</a> <a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
<div class="xgwj"><h3>相关文件</h3><ul>{rel}</ul></div>
</div>
<div class="footer"><p>主办单位：中华人民共和国工业和信息化部　地址：北京市西长安街13号　邮编：100804</p>
<p>版权所有：中华人民共和国工业和信息化部　<a href="https://beian.miit.gov.cn">京ICP备04000001号</a>　京公网安备11040102700068号　网站标识码：bm07000001</p>
<p><a href="https://zfwzzc.www.gov.cn/">政府网站找错</a></p></div>
<script>var _hmt = _hmt || [];</script>
</body></html>"""

def t_ndrc(d):
    pub = d["published"]
    prev, nxt = others(d, 2)
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>{h(d['title'])}_通知_国家发展和改革委员会</title>
<meta name="keywords" content="发展改革委,通知,{h(d['title'][:12])}" />
<meta name="description" content="{h(d['body'][0][:60])}" />
<meta name="ArticleTitle" content="{h(d['title'])}" />
<meta name="ColumnName" content="通知" />
<meta name="pubdate" content="{pub}" />
</head><body>
<!-- 页面生成时间 2026-03-30 11:02:11 -->
<div class="top"><div class="container"><span class="date" id="today"><script>var d=new Date();document.write(d.getFullYear()+"年"+(d.getMonth()+1)+"月"+d.getDate()+"日");</script></span>
<a href="#">无障碍浏览</a> <a href="#">长者模式</a> <a href="/en/">English</a> <a href="/wap/">手机版</a></div></div>
<div class="header"><div class="logo"><img src="/images/logo_2022.png" alt="中华人民共和国国家发展和改革委员会" /></div>
<div class="search"><input id="searchword" value="请输入搜索内容" /><a class="btn">搜索</a></div></div>
<div class="nav"><ul>{nav("首页 机构设置 新闻动态 政务公开 政务服务 政策 发展改革工作 互动交流 专题 数据 价格 规划")}</ul></div>
<div class="container">
<div class="position">当前位置：<a href="../../../" class="CurrChnlCls">首页</a>&nbsp;&gt;&nbsp;<a href="../../" class="CurrChnlCls">政务公开</a>&nbsp;&gt;&nbsp;<a href="../../" class="CurrChnlCls">政策</a>&nbsp;&gt;&nbsp;<a href="../" class="CurrChnlCls">通知</a></div>
<div class="article">
<div class="article_title"><h2>{h(d['title'])}</h2></div>
<div class="article_l"><div class="time">发布时间：{dfmt(pub,'slash')}</div><div class="source">来源：高技术司</div>
<div class="font">[<a href="javascript:setFont(20)">大</a> <a href="javascript:setFont(16)">中</a> <a href="javascript:setFont(14)">小</a>]</div></div>
<div class="article_con article_con_title">
<div class="TRS_Editor"><style type="text/css">.TRS_Editor P{{margin-top:0;margin-bottom:12px;line-height:1.8;font-family:宋体;font-size:12pt;}}</style>
{body(d, st="fang", wstyle="cn", sig="right")}
</div>
{atts(d, style="li")}
</div>
<div class="pages-print"><a href="javascript:window.print();">【打印本页】</a><a href="javascript:window.close();">【关闭窗口】</a></div>
<div class="pre_next"><p>上一篇：<a href="../{sid(prev)}.html">{h(prev['title'])}</a></p><p>下一篇：<a href="../{sid(nxt)}.html">{h(nxt['title'])}</a></p></div>
</div></div>
<div class="footer"><p><a href="#">网站地图</a> | <a href="#">联系我们</a> | <a href="#">使用帮助</a> | <a href="#">隐私声明</a></p>
<p>主办单位：国家发展和改革委员会　地址：北京市西城区月坛南街38号</p>
<p>京ICP备05052393号　<img src="/images/gongan.png"/>京公网安备 11010202000001号　网站标识码：bm04000007</p></div>
</body></html>"""

def t_nhc(d):
    pub = d["published"]
    rel = "".join(f'<li><a href="/{sid(o)}.shtml" target="_blank">{h(o["title"])}（{h(o["num"] or "")}）</a></li>' for o in others(d, 3))
    tt = d["title"] if len(d["title"]) <= 24 else d["title"][:24] + "..."
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk">
<title>{h(tt)}</title>
<meta name="keywords" content="国家卫生健康委员会" />
<meta name="SiteName" content="中华人民共和国国家卫生健康委员会">
<link href="/css/common.css" rel="stylesheet" type="text/css">
</head>
<body>
<div class="top_bar"><span>无障碍</span><span>长者模式</span><a href="http://en.nhc.gov.cn/">English</a></div>
<div class="logo"><img src="/images/logo.jpg" alt="中华人民共和国国家卫生健康委员会"></div>
<div class="menu">{nav("首页 机构职能 新闻中心 信息公开 政务服务 互动交流 专题专栏 健康科普 卫生健康统计")}</div>
<div class="w1100">
<div class="index_title">您现在所在位置：<a href="/">首页</a>&gt;<a href="/wjw/">信息公开</a>&gt;<a href="/wjw/tz/">通知公告</a></div>
<div class="list">
<div class="tit">{h(d['title'])}</div>
<div class="source"><span>发布时间：{pub}</span>&nbsp;&nbsp;&nbsp;<span>来源: 规划发展与信息化司</span></div>
<div class="con" id="xw_box">
{body(d, st="font", wstyle="cn", sig="nbsp")}
{atts(d, style="ol")}
</div>
<div class="bt_print">【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</div>
<div class="xgwz"><strong>相关链接：</strong><ul>{rel}</ul></div>
</div></div>
<div class="foot">版权所有：国家卫生健康委员会　<a href="https://beian.miit.gov.cn/">京ICP备18052910号</a>　网站标识码：bm24000006<br>技术支持：国家卫生健康委统计信息中心</div>
</body>
</html>"""

def t_gdkjt(d):
    pub = d["published"]
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{h(d['title'])}-广东省科学技术厅</title>
<meta name="SiteName" content="广东省科学技术厅">
<meta name="SiteDomain" content="kjt.gd.gov.cn">
<meta name="ColumnName" content="通知公告">
<meta name="ArticleTitle" content="{h(d['title'])}">
<meta name="PubDate" content="{pub} 10:12">
<meta name="ContentSource" content="本网">
<meta property="og:title" content="{h(d['title'])}">
</head>
<body>
<div class="gd-top"><div class="wrap"><span>欢迎访问广东省科学技术厅网站</span><a href="#">无障碍</a><a href="#">关怀版</a><a href="#">English</a></div></div>
<div class="gd-head"><a class="logo" href="/"><img src="/img/logo.png" alt="广东省科学技术厅"></a><div class="ss"><input placeholder="全站搜索"><i>搜索</i></div></div>
<div class="gd-nav"><ul>{nav("首页 机构概况 新闻动态 政务公开 办事服务 互动交流 专题专栏 科技统计 政策解读 通知公告 数据发布")}</ul></div>
<div class="wrap">
<div class="crumb">当前位置： <a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a> &gt; <span>{h(d['title'][:16])}…</span></div>
<div class="article">
<h3 class="title">{h(d['title'])}</h3>
<ul class="info"><li><span>发布时间：</span>{pub} 10:12:03</li><li><span>来源：</span>{h('本网')}</li>
<li class="font"><span>字号：</span><a href="javascript:;">大</a><a href="javascript:;">中</a><a href="javascript:;">小</a></li><li><span>浏览量：</span><em id="hits"><script>document.write(Math.floor(Math.random()*900+100))</script></em></li></ul>
<div class="article_con">
<!--<$[标题名称]>begin-->
{body(d, st="indent", wstyle="cn", sig="right")}
{atts(d, style="ol")}
<!--<$[标题名称]>end-->
</div>
<div class="share">分享：<a>微信</a><a>微博</a><a>QQ空间</a></div>
</div></div>
<div class="gd-foot"><p>主办单位：广东省科学技术厅　承办：广东省科技信息中心</p><p>地址：广州市越秀区连新路171号　<a href="https://beian.miit.gov.cn">粤ICP备05003377号</a>　网站标识码：4400000029</p>
<p><a href="https://zfwzzc.www.gov.cn/">政府网站找错</a></p></div>
</body>
</html>"""

def t_changzhou(d):
    pub = d["published"]
    issuer_pub = "、".join(d["sign"]) if d["kind"] != "order" else "常州市人民政府"
    printed = d["written"]
    y, m, dd = (int(x) for x in printed.split("-"))
    yin = f"{y}年{m}月{min(dd+1,28)}日印发" if d["kind"] == "doc" else ""
    tail = ""
    if yin:
        tail = f'<p style="border-top:1px solid #000">抄送：市委各部门，市人大常委会办公室，市政协办公室。</p><p>{h(issuer_pub.split("、")[0])}　　　　　　　　　　{yin}</p>'
    return f"""<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>{h(d['title'])}_市政府文件_常州市人民政府</title>
<meta name="ArticleTitle" content="{h(d['title'])}">
<meta name="PubDate" content="{pub}">
</head>
<body>
<div class="topline">常州市人民政府　<a href="#">无障碍</a>　<a href="#">长者模式</a>　<a href="#">English</a>　<a href="#">登录</a></div>
<div id="banner"><img src="/images/czbanner.jpg" alt="中国常州"></div>
<div id="menu">{nav("首页 常州概况 政务动态 政府信息公开 政务服务 政民互动 专题专栏 常州发布 数据开放")}</div>
<div class="location">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/zfxxgk/">政府信息公开</a> &gt;&gt; <a href="#">市政府文件</a></div>
<table class="xxgk_table" border="1" cellspacing="0" cellpadding="4" width="100%">
<tr><th>索引号</th><td>014100417/2026-{sid(d,5)}</td><th rowspan="2">发布机构</th><td rowspan="2">{h(issuer_pub)}</td></tr>
<tr><th>信息分类</th><td>科技 / 通知</td></tr>
<tr><th>文　　号</th><td>{h(d['num'])}</td><th>发布日期</th><td>{pub}</td></tr>
<tr><th>名　　称</th><td colspan="3">{h(d['title'])}</td></tr>
<tr><th>有 效 性</th><td colspan="3">有效</td></tr>
</table>
<div class="pages_title" align="center"><b>{h(d['title'])}</b></div>
<div class="pages_content" id="UCAP-CONTENT">
{body(d, st="nbsp", wstyle="cn", sig="nbsp")}
{atts(d, style="ol")}
{tail}
</div>
<div class="tools"><a href="javascript:window.print()">打印本页</a>　<a href="javascript:window.close()">关闭窗口</a></div>
<div id="footer">主办：常州市人民政府办公室　承办：常州市大数据管理中心<br>苏ICP备05002108号　网站标识码：3204000001　苏公网安备32041102000123号</div>
</body>
</html>"""

def t_dg(d):
    pub = d["published"]
    return f"""<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>东莞市人民政府门户网站</title>
<meta name="SiteName" content="东莞市人民政府门户网站">
<meta name="ArticleTitle" content="{h(d['title'])}">
<meta name="PubDate" content="2026-03-30 18:22:10">
<meta name="ContentSource" content="东莞市人民政府办公室">
<meta name="Keywords" content="东莞,政府信息公开">
</head><body>
<div class="top"><a>无障碍浏览</a> <a>长者模式</a> <a>English</a> <a>粤省事</a> <a>粤商通</a></div>
<div class="hd"><img src="/dg/img/logo.png" alt="东莞市人民政府门户网站"><input type="text" name="q"><a>搜索</a></div>
<div class="menu"><ul>{nav("首页 走进东莞 政务公开 政务服务 政民互动 营商环境 政策文件 新闻发布 专题专栏 数据开放")}</ul></div>
<div class="dq">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a>政府文件</a> &gt; 正文</div>
<div class="zw">
<div class="zw-title"><p class="title">{h(d['title'])}</p></div>
<div class="zw-info"><span>发布日期：{dfmt(pub,'iso')}</span><span>信息来源：本网</span><span>浏览次数：<script>document.write("2,318")</script></span>
<span>【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>
<div id="zoom">
{body(d, st="indent", wstyle="cn", sig="right")}
{atts(d, style="plain")}
</div>
<div class="fx"><a class="bds_weixin">分享到微信</a><a class="bds_tsina">新浪微博</a><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div>
</div>
<div class="ft">主办：东莞市人民政府办公室　承办：东莞市政务服务数据管理局<br>粤ICP备05090412号　网站标识码：4419000005　<a>政府网站找错</a></div>
</body></html>"""

def t_nanjing(d):
    pub = d["published"]
    prev, nxt = others(d, 2)
    return f"""<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gb18030" />
<title>{h(d['title'])}</title>
<meta name="ArticleTitle" content="{h(d['title'])}">
<meta name="ColumnName" content="通知公告">
<meta name="PubDate" content="{pub} 09:41">
</head>
<body>
<div class="njtop"><span>南京市科学技术局</span> <a>无障碍</a> <a>长者模式</a> <a>English</a></div>
<div class="njlogo"><img src="/images/njkjj_logo.png" alt="南京市科学技术局"></div>
<div class="njnav">{nav("首页 机构概况 新闻中心 政务公开 政策法规 办事服务 互动交流 专题专栏 科技统计 通知公告 创新名城")}</div>
<div class="njpos">您当前的位置：<a href="/">首页</a> &gt; <a href="/tzgg/">通知公告</a></div>
<div class="njcon">
<h1 class="con_tit">{h(d['title'])}</h1>
<div class="con_info"><span>信息来源：南京市科学技术局</span>　<span>发布日期：{dfmt(pub,'cn0')}</span>　<span>字号：[<a>大</a> <a>中</a> <a>小</a>]</span></div>
<div class="con_txt TRS_Editor">
{body(d, st="font", wstyle="cn", sig="div")}
{atts(d, style="ol")}
</div>
<div class="con_page"><p>上一篇：<a href="./t{sid(prev)}.html">{h(prev['title'])}</a></p><p>下一篇：<a href="./t{sid(nxt)}.html">{h(nxt['title'])}</a></p></div>
</div>
<div class="njfoot">主办单位：南京市科学技术局　地址：南京市玄武区北京东路41号<br>苏ICP备05004906号　网站标识码：3201000033</div>
</body>
</html>"""

def t_wuxi(d):
    pub = d["published"]
    src = d.get("source") or "无锡市人民政府"
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>无锡市人民政府</title>
<meta name="ArticleTitle" content="{h(d['title'][:20])}">
<style>body{{font-size:16px}} .print-title{{text-align:center;font-size:22px}}</style>
</head>
<body onload="window.print()">
<table width="760" align="center" border="0" cellpadding="0" cellspacing="0">
<tr><td><img src="/images/wx_print_logo.gif" alt="中国无锡"></td><td align="right"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></td></tr>
<tr><td colspan="2" class="print-title"><b>{h(d['title'])}</b></td></tr>
<tr><td colspan="2" align="center"><font color="#666">{dfmt(pub,'u')}　　来源：{h(src)}　　访问量：<script>document.write('1024')</script></font></td></tr>
<tr><td colspan="2"><hr size="1"></td></tr>
<tr><td colspan="2" class="print-content">
{body(d, st="indent", wstyle="cn", sig="right")}
{atts(d, style="ol")}
</td></tr>
<tr><td colspan="2" align="center"><font size="2">无锡市人民政府办公室主办　苏ICP备05001234号　网站标识码：3202000001</font></td></tr>
</table>
</body>
</html>"""

def t_xiangtan(d):
    pub = d["published"]
    src = d.get("source") or d["sign"][0] if d["sign"] else d.get("source")
    bd = body(d, st="br", wstyle="cn", sig="nbsp")
    return f"""<html>
<head>
<title>湘潭市人民政府 - {h(d['title'])}</title>
<meta name="keywords" content="湘潭">
</head>
<body bgcolor="#FFFFFF" topmargin="0">
<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/images/xt_top.jpg" width="980" height="120" alt="湘潭市人民政府"></td></tr>
<tr><td class="nav"><a href="/">首页</a> | <a>政务公开</a> | <a>政务服务</a> | <a>政民互动</a> | <a>走进湘潭</a> | <a>专题专栏</a> | <a>无障碍</a> | <a>长者模式</a></td></tr></table>
<table width="980" border="0" align="center"><tr><td><font color="#333">您现在的位置：<a href="/">首页</a> &gt;&gt; <a>政务公开</a> &gt;&gt; <a>通知公告</a></font></td></tr>
<tr><td align="center" height="50"><font size="5" color="#C00000"><b>{h(d['title'])}</b></font></td></tr>
<tr><td align="center"><font color="#999">时间：{dfmt(pub,'slash')} 10:21:33　　来源：{h(src or '')}　　【<a>大</a> <a>中</a> <a>小</a>】</font></td></tr>
<tr><td class="content"><font face="宋体" style="font-size:14px;line-height:28px">
{bd}
{atts(d, style="plain")}
</font></td></tr>
<tr><td align="right"><a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></td></tr></table>
<table width="980" align="center"><tr><td align="center"><font size="2">主办：湘潭市人民政府办公室　承办：湘潭市数据资源局　湘ICP备05000816号　网站标识码：4303000001</font></td></tr></table>
</body>
</html>"""

def t_guiyang(d):
    pub = d["published"]
    st = DOCS[(DOCS.index(d) + 7) % len(DOCS)]
    wr = d["written"]
    meta_no = d["doc_number"] if d["kind"] == "order" else d["num"]
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head>
<meta charset="utf-8">
<title>{h(d['title'])}_政策文件_贵阳市人民政府</title>
<meta name="ArticleTitle" content="{h(d['title'])}">
<meta name="PubDate" content="{st['published']} 08:00">
<meta name="description" content="{h(st['title'])}">
<meta name="ColumnName" content="规范性文件">
<meta name="SiteName" content="贵阳市人民政府">
</head><body>
<div class="gy-top"><a>无障碍</a><a>长者模式</a><a>English</a><a>手机版</a></div>
<div class="gy-head"><img src="/images/gy_logo.png" alt="贵阳市人民政府"><div class="gy-search"><input><button>搜索</button></div></div>
<div class="gy-nav">{nav("首页 政务公开 政务服务 互动交流 数据开放 走进贵阳 专题 新闻 政策 营商环境")}</div>
<div class="gy-crumb">当前位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政策文件</a></div>
<div class="xxgk-info"><dl><dt>索引号：</dt><dd>11520100009/2026-{sid(d,5)}</dd></dl><dl><dt>发布机构：</dt><dd>{h('贵阳市人民政府' if d['kind']=='order' else d['sign'][0])}</dd></dl>
<dl><dt>成文日期：</dt><dd>{wr}</dd></dl><dl><dt>发文字号：</dt><dd>{h(meta_no)}</dd></dl><dl><dt>公开方式：</dt><dd>主动公开</dd></dl></div>
<div class="detail-title"><h1>{h(d['title'])}</h1></div>
<div class="detail-info">发布时间：{pub} 16:45　　来源：{h('贵阳市人民政府办公厅')}　　<span>字号：<a>大</a><a>中</a><a>小</a></span></div>
<div class="view TRS_UEDITOR trs_paper_default trs_web">
{body(d, st="indent", wstyle="iso" if d['kind']=='doc' else 'cn', sig="right")}
{atts(d, style="li")}
</div>
<div class="gy-share">分享到：<a>微信</a><a>微博</a> <a>打印</a> <a>关闭</a></div>
<div class="gy-foot">主办：贵阳市人民政府办公厅　承办：贵阳市大数据发展管理局　黔ICP备05000123号　网站标识码：5201000001　<a>政府网站找错</a></div>
</body></html>"""

def t_thepaper(d):
    pub = d["published"]
    src = d.get("source")
    rel = "".join(f'<li><a href="newsDetail_forward_{sid(o,8)}">{h(o["title"])}</a></li>' for o in others(d, 3))
    if d["kind"] == "news":
        inner = "\n".join(f"<p>{h(p)}</p>" for p in d["body"])
        srcline = ""
    else:
        inner = body(d, st="plain", wstyle="cn", sig="right")
        srcline = f'<p class="source">来源：{h(src)}</p>'
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">
<title>{h(d['title'])}_澎湃新闻-The Paper</title>
<meta property="og:title" content="{h(d['title'])}">
<meta property="og:site_name" content="澎湃新闻">
<meta name="description" content="{h(d['body'][0][:50])}">
</head><body>
<header class="m-header"><a class="logo" href="/">澎湃新闻</a><a class="download">打开APP</a></header>
<div class="m-nav"><a>要闻</a><a>深度</a><a>时事</a><a>财经</a><a>科技</a><a>思想</a><a>生活</a></div>
<article class="news_content">
<h1 class="title">{h(d['title'])}</h1>
<div class="about"><span class="author">澎湃新闻记者 王心怡</span><div class="date">{pub} 10:15 <span>来自上海</span></div></div>
<div class="news_txt">
{srcline}
{inner}
</div>
<p class="editor">责任编辑：李跃群　图片编辑：蒋立冬</p>
<p class="statement">澎湃新闻报料：021-962866　澎湃新闻，未经授权不得转载</p>
</article>
<div class="m-related"><h3>相关推荐</h3><ul>{rel}</ul></div>
<footer>沪ICP备14003370号　互联网新闻信息服务许可证：31120170006</footer>
</body></html>"""

def t_xinhua(d):
    pub = d["published"]
    y, m, dd = pub.split("-")
    src = d.get("source")
    rel = "".join(f'<li><a href="/tech/{sid(o)}.htm">{h(o["title"])}</a></li>' for o in others(d, 3))
    inner = "\n".join(f"<p>{h(p)}</p>" for p in d["body"]) if d["kind"] == "news" else body(d, st="plain", wstyle="cn", sig="right")
    return f"""<!DOCTYPE html>
<html><head>
<meta charset="utf-8">
<title>{h(d['title'])}-新华网</title>
<meta name="keywords" content="{h(d['title'][:10])}">
<meta name="description" content="{h(d['title'])}---{h(d['body'][0][:40])}">
<meta name="source" content="{h(src)}">
</head><body>
<div class="topbar"><a href="/">新华网</a> <a>客户端</a> <a>English</a> <a>无障碍</a></div>
<div class="nav">{nav("首页 时政 国际 财经 科技 教育 健康 文化 体育 地方 军事 图片 视频")}</div>
<div class="header">
<div class="header-time left"><span class="year"><em> {y}</em></span><span class="day"><em> {m}</em>/<em>{dd}</em></span><span class="time"> 09:30:12</span></div>
<div class="source">来源：{h(src)}</div>
<div class="head-line clearfix"><h1><span class="title">{h(d['title'])}</span></h1></div>
<div class="pageShare"><a>微信</a><a>微博</a><a>字号 +</a><a>-</a></div>
</div>
<div class="main clearfix"><div id="detail">
{inner}
</div>
<div class="editor">【责任编辑:刘阳】</div>
<div class="relatedNews"><h3>相关新闻</h3><ul>{rel}</ul></div></div>
<div class="foot">Copyright &copy; 2000-2026 XINHUANET.com All Rights Reserved. 京ICP证010042号</div>
</body></html>"""

T = {
 "miit": (t_miit, "www.miit.gov.cn", "utf-8", lambda d: f"https://www.miit.gov.cn/zwgk/zcwj/wjfb/tz/art/{d['published'][:4]}/art_{hx(d)}.html"),
 "ndrc": (t_ndrc, "www.ndrc.gov.cn", "utf-8", lambda d: f"https://www.ndrc.gov.cn/xxgk/zcfb/tz/{d['published'][:7].replace('-','')}/t{d['published'].replace('-','')}_{sid(d)}.html"),
 "nhc": (t_nhc, "www.nhc.gov.cn", "gbk", lambda d: f"https://www.nhc.gov.cn/guihuaxxs/s7788/{d['published'][:7].replace('-','')}/{hx(d)}.shtml"),
 "gdkjt": (t_gdkjt, "kjt.gd.gov.cn", "utf-8", lambda d: f"https://kjt.gd.gov.cn/tzgg/content/post_{sid(d)}.html"),
 "changzhou": (t_changzhou, "www.changzhou.gov.cn", "gb2312", lambda d: f"https://www.changzhou.gov.cn/gi_news/{sid(d,9)}.html"),
 "dg": (t_dg, "www.dg.gov.cn", "utf-8", lambda d: f"https://www.dg.gov.cn/zwgk/zfxxgkml/szfbgs/zcwj/content/post_{sid(d)}.html"),
 "nanjing": (t_nanjing, "kjj.nanjing.gov.cn", "gb18030", lambda d: f"https://kjj.nanjing.gov.cn/njskxjswyh/{d['published'][:7].replace('-','')}/t{d['published'].replace('-','')}_{sid(d)}.html"),
 "wuxi": (t_wuxi, "www.wuxi.gov.cn", "utf-8", lambda d: f"https://www.wuxi.gov.cn/doc/{d['published'].replace('-','/')}/{sid(d)}.shtml?print=1"),
 "xiangtan": (t_xiangtan, "www.xiangtan.gov.cn", "gbk", lambda d: f"https://www.xiangtan.gov.cn/109/171/content_{sid(d)}.html"),
 "guiyang": (t_guiyang, "www.guiyang.gov.cn", "utf-8", lambda d: f"https://www.guiyang.gov.cn/zwgk/zfxxgks/fdzdgknr/lzyj/{d['published'][:7].replace('-','')}/t{d['published'].replace('-','')}_{sid(d,8)}.html"),
 "thepaper": (t_thepaper, "m.thepaper.cn", "utf-8", lambda d: f"https://m.thepaper.cn/newsDetail_forward_{sid(d,8)}"),
 "xinhua": (t_xinhua, "www.xinhuanet.com", "utf-8", lambda d: f"https://www.xinhuanet.com/tech/{d['published'][:7]}/{d['published'][8:]}/c_{sid(d,10)}.htm"),
}
CODEC = {"utf-8": "utf-8", "gbk": "gbk", "gb2312": "gbk", "gb18030": "gb18030"}

ALIAS = {"国家发展和改革委员会": ["国家发展改革委"], "国家发展和改革委员会办公厅": ["国家发展改革委办公厅"],
         "国家卫生健康委员会": ["国家卫生健康委"], "国家卫生健康委员会办公厅": ["国家卫生健康委办公厅"],
         "国家中医药管理局综合司": ["国家中医药局综合司"], "贵安新区管理委员会": ["贵安新区管委会"]}

def text_of(raw, codec):
    s = raw.decode(codec)
    s = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", s)
    s = re.sub(r"(?is)<head\b.*?</head>", " ", s)
    s = re.sub(r"(?s)<!--.*?-->", " ", s)
    s = re.sub(r"<[^>]+>", " ", s)
    return H.unescape(s).replace("\xa0", " ")

def check(d, t):
    e = d["expected"]; ns = re.sub(r"\s+", "", t); dig = re.sub(r"\D", "", t)
    assert re.sub(r"\s", "", e["title"]) in ns, ("title", d["id"])
    if e["doc_number"]:
        assert re.sub(r"\s", "", d["num"]) in ns, ("num", d["id"])
        for g in re.findall(r"\d+", e["doc_number"]): assert g in t, ("numdig", d["id"])
    for k in ("written_date", "published_date"):
        v = e[k]
        if v:
            y, m, dd = (int(x) for x in v.split("-"))
            ok = f"{y}{m:02d}{dd:02d}" in dig or f"{y}{m}{dd}" in dig or dfmt(v, "cnnum") in ns
            assert ok, (k, d["id"])
    for i in e["issuers"]:
        assert any(re.sub(r"\s", "", a) in ns for a in [i] + ALIAS.get(i, [])), ("issuer", i, d["id"])
    for a in e["attachments"]: assert a in t, ("att", a, d["id"])
    for c in e["pilot_zone_cities"]: assert c in t, ("city", d["id"])
    for r in e["repeals"]: assert r in ns, ("repeal", r, d["id"])

def main(write=True):
    cases = []
    for d in DOCS:
        fn, host, enc, url = T[d["tpl"]]
        exp = {"title": d["title"], "doc_number": d["doc_number"], "issuers": d["issuers"],
               "written_date": d["written"], "published_date": d["published"],
               "pilot_zone_cities": d["pilot"], "repeals": d["repeals"], "attachments": d["atts"]}
        if d["funding"] is not None: exp["funding"] = d["funding"]
        case = {"id": d["id"], "file": d["id"] + ".html", "url": url(d), "template": d["tpl"], "host": host,
                "encoding": enc, "expected": exp}
        path = os.path.join(OUT, case["file"])
        if write:
            with open(path, "wb") as f: f.write(fn(d).encode(CODEC[enc]))
        raw = open(path, "rb").read()
        check(dict(d, expected=exp), text_of(raw, CODEC[enc]))
        cases.append(case)
    if write:
        with open(os.path.join(OUT, "labels.json"), "w", encoding="utf-8") as f:
            json.dump({"cases": cases}, f, ensure_ascii=False, indent=1); f.write("\n")
    print(len(cases), "pages,", len({c["template"] for c in cases}), "templates,", len({c["host"] for c in cases}), "hosts: self-check OK")

if __name__ == "__main__":
    main(write="--check" not in sys.argv)

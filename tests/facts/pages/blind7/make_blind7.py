# -*- coding: utf-8 -*-
"""blind7 page generator: 10 templates x 4 pages, raw bytes + labels.json.

    python3 make_blind7.py           # write *.html and labels.json (run once, then frozen)
    python3 make_blind7.py --check   # decode each page, strip markup, assert labelled values are visible

Uses only the system python3 standard library.
"""
import html
import html.parser
import json
import os
import re
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from blind7_docs import DOCS  # noqa: E402

E = html.escape


def hh(s):
    return zlib.crc32(s.encode('utf-8'))

TEMPLATES = {
    # key: (host, declared charset or None, python codec for the bytes, label encoding)
    "mnr": ("www.mnr.gov.cn", "utf-8", "utf-8", "utf-8"),
    "pbc": ("www.pbc.gov.cn", None, "utf-8", "utf-8"),
    "caac": ("www.caac.gov.cn", "utf-8", "utf-8", "utf-8"),
    "qinghai": ("kjt.qinghai.gov.cn", "gb2312", "gbk", "gbk"),
    "hebei": ("kjt.hebei.gov.cn", "gbk", "gbk", "gbk"),
    "taiyuan": ("kjj.taiyuan.gov.cn", "gb18030", "gb18030", "gb18030"),
    "lanzhou": ("kjj.lanzhou.gov.cn", "GBK", "gbk", "gbk"),
    "shmh": ("www.shmh.gov.cn", "UTF-8", "utf-8", "utf-8"),
    "jiemian": ("www.jiemian.com", "utf-8", "utf-8", "utf-8"),
    "jinhua": ("kjj.jinhua.gov.cn", "utf-8", "utf-8", "utf-8"),
}


def cn_date(d):
    y, m, dd = d.split("-")
    return "%s年%d月%d日" % (y, int(m), int(dd))


def cn_date0(d):
    y, m, dd = d.split("-")
    return "%s年%s月%s日" % (y, m, dd)


def paras(doc, style="text-indent:2em;", tag="p"):
    out = []
    for p in doc["body"]:
        out.append('<%s style="%s">%s</%s>' % (tag, style, E(p), tag))
    return "\n".join(out)


def sign_right(doc, pad=False):
    lines = []
    for s in doc["sign"]:
        if pad:
            lines.append('<p>%s%s</p>' % ("&nbsp;" * 40, E(s).replace("　", "&nbsp;&nbsp;")))
        else:
            lines.append('<p style="text-align:right;">%s</p>' % E(s))
    return "\n".join(lines)


def att_links(doc, hrefs, sep="<br/>"):
    out = []
    for i, (t, h) in enumerate(zip(doc["attachments"], hrefs), 1):
        out.append('%d.<a href="%s" target="_blank" title="%s">%s</a>' % (i, h, E(t), E(t)))
    return sep.join(out)


def ext(t):
    return t.rsplit(".", 1)[-1]


def sidebar(items, cls="list", with_num=True):
    out = ['<ul class="%s">' % cls]
    for t, n, d in items:
        out.append('<li><a href="./t%s_%d.html" title="%s">%s</a>%s<span class="date">%s</span></li>'
                   % (d.replace("-", ""), abs(hh(t)) % 90000 + 10000, E(t), E(t),
                      ('<em>%s</em>' % E(n)) if (n and with_num) else "", d))
    out.append("</ul>")
    return "\n".join(out)


HIT = """<script type="text/javascript">
var _hmt = _hmt || [];
(function() { var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?3a7f0c1b9d2e";
var s = document.getElementsByTagName("script")[0]; s.parentNode.insertBefore(hm, s); })();
</script>"""

# ------------------------------------------------------------------------------------------- A: mnr
MNR_SIDE = [("自然资源部关于进一步加强国土空间规划“一张图”实施监督信息系统建设的通知", "自然资发〔2025〕201号", "2025-11-18"),
            ("自然资源部办公厅关于做好2026年度耕地保护目标责任考核工作的通知", "自然资办发〔2026〕3号", "2026-01-09"),
            ("自然资源部令第18号", "自然资源部令第18号", "2025-09-30"),
            ("自然资源部 国家林业和草原局关于印发《自然保护地勘界立标工作规范》的通知", "自然资发〔2025〕166号", "2025-08-21")]


def t_mnr(doc, host):
    pub = doc["published"]
    stale = "2025-01-01 00:00:00"
    h = ['<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">',
         '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
         '<title>%s_中华人民共和国自然资源部</title>' % E(doc["title"]),
         '<meta name="SiteName" content="中华人民共和国自然资源部">',
         '<meta name="SiteDomain" content="www.mnr.gov.cn">',
         '<meta name="ColumnName" content="%s">' % ("部门动态" if doc["kind"] == "news" else "通知公告"),
         '<meta name="ArticleTitle" content="%s">' % E(doc["title"]),
         '<meta name="PubDate" content="%s">' % stale,
         '<meta name="ContentSource" content="%s">' % E(doc.get("source") or "自然资源部"),
         '<link rel="stylesheet" href="/images/mnr2019/css/style.css">',
         '<style>.gk-table td{border:1px solid #ddd;padding:6px 10px;font-size:14px}.TRS_Editor p{line-height:2em}</style>',
         '</head>\n<body>',
         '<!--头部开始-->',
         '<div class="header"><div class="logo"><a href="/"><img src="/images/mnr2019/logo.png" alt="中华人民共和国自然资源部"></a></div>',
         '<div class="top-links"><a href="/">首页</a> | <a href="/english/">English</a> | <a href="/wza/">无障碍</a> | <a href="javascript:;">繁体</a></div></div>',
         '<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/jg/">机构</a></li><li><a href="/gk/">信息公开</a></li><li><a href="/fw/">服务</a></li><li><a href="/hd/">互动</a></li><li><a href="/sj/">数据</a></li><li><a href="/dt/">资讯</a></li></ul></div>',
         '<!--头部结束-->']
    if doc["kind"] == "news":
        h += ['<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/dt/">资讯</a> &gt; <a href="/dt/ywbb/">要闻播报</a></div>',
              '<div class="main"><div class="article">',
              '<h1 class="title">%s</h1>' % E(doc["title"]),
              '<div class="info"><span>时间：%s</span>&nbsp;&nbsp;<span>来源：%s</span>&nbsp;&nbsp;<span>作者：%s</span>'
              '&nbsp;&nbsp;<span class="font">【字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】</span></div>'
              % (pub, E(doc["source"]), E(doc["author"])),
              '<div class="TRS_Editor">', paras(doc), '</div>']
    else:
        idx = "000019174/%s-%05d" % (pub[:4], abs(hh(doc["id"])) % 99999)
        meta_issuer = "、".join(doc["issuer_print"])
        h += ['<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/gk/">信息公开</a> &gt; <a href="/gk/tzgg/">通知公告</a></div>',
              '<div class="main"><div class="article">',
              '<table class="gk-table" width="100%" cellspacing="0">',
              '<tr><td class="t">索 引 号：</td><td>%s</td><td class="t">主题分类：</td><td>%s</td></tr>' % (idx, "科技" if "实验室" in doc["title"] else "综合"),
              '<tr><td class="t">发文机关：</td><td>%s</td><td class="t">成文日期：</td><td>%s</td></tr>' % (E(meta_issuer), cn_date(doc["written"])),
              '<tr><td class="t">标　　题：</td><td colspan="3">%s</td></tr>' % E(doc["title"]),
              '<tr><td class="t">发文字号：</td><td>%s</td><td class="t">发布日期：</td><td>%s</td></tr>' % (E(doc["doc_number"]), cn_date(pub)),
              '</table>',
              '<div class="TRS_Editor">']
        if doc["kind"] == "order":
            l1, l2 = doc["num_print"].split("\n")
            h += ['<p style="text-align:center;font-size:22px;color:#c00;">%s</p>' % E(l1),
                  '<p style="text-align:center;">%s</p>' % E(l2),
                  '<p style="text-indent:2em;">%s</p>' % E(doc["preface"]),
                  sign_right(doc),
                  '<h2 style="text-align:center;">%s</h2>' % E(doc["title"]),
                  paras(doc)]
        else:
            h += ['<h2 style="text-align:center;">%s</h2>' % E(doc["title"]),
                  '<p style="text-align:center;">%s</p>' % E(doc["num_print"]),
                  '<p>%s</p>' % E(doc["addressee"]),
                  paras(doc)]
            if doc["attachments"]:
                hrefs = ["./P02026%s%06d.%s" % (pub[5:7], i * 7919, ext(t)) for i, t in enumerate(doc["attachments"], 1)]
                h += ['<p>附件：</p><p>' + att_links(doc, hrefs) + '</p>']
            h += [sign_right(doc)]
        h += ['</div>']
    h += ['<div class="pn"><p>上一篇：<a href="./t20251120_2880011.html">自然资源部关于2025年度全国土地变更调查成果的公告</a></p>',
          '<p>下一篇：<a href="./t20260102_2895501.html">自然资源部办公厅关于印发《地质灾害防治“十五五”规划编制工作方案》的通知</a></p></div>',
          '<div class="share">分享到：<a class="wx" href="javascript:;">微信</a><a class="wb" href="javascript:;">微博</a> <a href="javascript:window.print();">【打印】</a> <a href="javascript:window.close();">【关闭】</a></div>',
          '</div>',
          '<div class="side"><h3>相关文件</h3>', sidebar(MNR_SIDE), '</div></div>',
          '<div class="footer"><p>主办单位：中华人民共和国自然资源部　承办单位：自然资源部信息中心</p>',
          '<p>地址：北京市西城区阜成门内大街64号　邮编：100812</p>',
          '<p><a href="https://beian.miit.gov.cn/">京ICP备18036432号</a>　京公网安备 11010202007764号　网站标识码：bm63000001</p>',
          '<p>页面生成时间：2026-04-30 03:12:55</p></div>',
          HIT, '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- B: pbc
PBC_SIDE = [("中国人民银行 国家金融监督管理总局关于做好2026年普惠金融工作的通知", "银发〔2026〕11号", "2026-01-28"),
            ("中国人民银行令〔2025〕第4号", None, "2025-10-17"),
            ("中国人民银行办公厅关于开展金融标准化试点工作的通知", "银办发〔2025〕88号", "2025-09-03"),
            ("人民银行发布2025年第四季度货币政策执行报告", None, "2026-02-12")]


def t_pbc(doc, host):
    # no charset declared anywhere (as on old PBC TRS pages served without a charset header)
    pub = doc["published"]
    gen = "2026-04-12 08:30:00"
    title_tag = "中国人民银行" if doc["kind"] in ("order", "news") else doc["title"]
    h = ['<html>\n<head>',
         '<title>%s</title>' % E(title_tag),
         '<meta name="keywords" content="中国人民银行,人民银行,央行">',
         '<meta name="description" content="中国人民银行">',
         '<meta name="PubDate" content="%s">' % gen,
         '<link href="/r/cms/www/css/pbc_main.css" rel="stylesheet" type="text/css">',
         '<style type="text/css">.hui12{font-size:12px;color:#666}.zw{font-size:14px;line-height:28px}</style>',
         '</head>\n<body topmargin="0" leftmargin="0">',
         '<table width="980" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td><img src="/r/cms/www/images/pbc_logo.jpg" alt="中国人民银行" width="980" height="100"></td></tr></table>',
         '<table width="980" align="center"><tr><td class="nav"><a href="/">首页</a> | <a href="/goutongjiaoliu/">沟通交流</a> | <a href="/zhengcehuobisi/">货币政策</a> | <a href="/tiaofasi/">条法</a> | <a href="/kejisi/">科技</a> | <a href="/zhengwugongkai/">政务公开</a></td></tr></table>',
         '<table width="980" align="center" border="0" cellpadding="0" cellspacing="0"><tr>',
         '<td width="210" valign="top" class="left"><table width="100%%"><tr><td class="lanmu">%s</td></tr><tr><td>%s</td></tr></table></td>'
         % ("新闻发布" if doc["kind"] == "news" else "规章制度", sidebar(PBC_SIDE, "hui12")),
         '<td width="770" valign="top">',
         '<table width="100%%"><tr><td class="hui12">当前位置：<a href="/">首页</a> &gt;&gt; <a href="../">%s</a> &gt;&gt; 正文</td></tr></table>'
         % ("沟通交流" if doc["kind"] == "news" else "法律法规"),
         '<table width="100%%" border="0"><tr><td align="center" height="50"><h2 style="font-size:20px;">%s</h2></td></tr>'
         % E(doc["title"] if doc["kind"] != "order" else doc["num_print"].split("\n")[0])]
    if doc["kind"] == "order":
        h.append('<tr><td align="center"><span class="zw">%s</span></td></tr>' % E(doc["num_print"].split("\n")[1]))
    h.append('<tr><td align="center" class="hui12">%s<span id="shijian">%s %s</span>　<a href="javascript:window.print()">打印本页</a>　<a href="javascript:window.close()">关闭窗口</a></td></tr>'
             % ("文章来源：%s　　" % E(doc["source"]) if doc.get("source") else "", pub, "16:03:01"))
    h.append('</table>')
    h.append('<table width="100%"><tr><td class="zw" id="zoom">')
    h.append('<!--ContentStart-->')
    if doc["kind"] == "order":
        h += ['<p style="text-indent:2em;">%s</p>' % E(doc["preface"]), sign_right(doc, pad=True),
              '<p align="center"><b>%s</b></p>' % E(doc["title"]), paras(doc)]
        hrefs = ["/tiaofasi/144941/144957/%s/files/%d.pdf" % (pub.replace("-", ""), 4455)]
        h += ['<p>附件下载：</p><p>' + att_links(doc, hrefs) + '</p>']
    elif doc["kind"] == "news":
        h += [paras(doc)]
    else:
        h += ['<p align="center">%s</p>' % E(doc["num_print"]), '<p>%s</p>' % E(doc["addressee"]), paras(doc)]
        h += [sign_right(doc, pad=True)]
        if doc["attachments"]:
            hrefs = ["/kejisi/146812/146814/%s/files/%s" % (pub.replace("-", ""), "fj%d.%s" % (i, ext(t)))
                     for i, t in enumerate(doc["attachments"], 1)]
            h += ['<p>附件：</p><p>' + att_links(doc, hrefs) + '</p>']
    h += ['<!--ContentEnd-->', '</td></tr></table>',
          '<table width="100%"><tr><td class="hui12">【<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>】</td></tr></table>',
          '</td></tr></table>',
          '<table width="980" align="center"><tr><td class="footer" align="center">',
          '<a href="/bangzhu/">网站地图</a> | <a href="/lianxi/">联系我们</a> | <a href="/mianze/">免责声明</a><br>',
          '中国人民银行办公厅主办　<a href="https://beian.miit.gov.cn">京ICP备05073439号</a>　网站标识码：bm05000001　京公网安备11040102700088号',
          '</td></tr></table>',
          '<script language="javascript">var pubtime="%s";</script>' % gen,
          HIT, '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- C: caac
CAAC_SIDE = [("民航局关于印发《智慧民航建设路线图》的通知", "民航发〔2022〕1号", "2022-01-20"),
             ("民航局关于推进低空经济安全发展的指导意见", "民航发〔2025〕9号", "2025-04-18"),
             ("中国民用航空局关于发布《民用机场建设管理规定》的公告", None, "2025-12-15"),
             ("民航局综合司关于开展2025年度民航科技成果推广应用的通知", "民航综发函〔2025〕31号", "2025-07-08")]


def t_caac(doc, host):
    pub = doc["published"]
    y, m, d = pub.split("-")
    h = ['<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
         '<html xmlns="http://www.w3.org/1999/xhtml">\n<head>',
         '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />',
         '<title>%s - 中国民用航空局</title>' % E(doc["title"]),
         '<meta name="Keywords" content="民航局,中国民用航空局,CAAC" />',
         '<meta name="pubdate" content="%s-%s-%s" />' % (y, m, "01"),
         '<link href="/static/css/caac_base.css" rel="stylesheet" />',
         '</head>\n<body>',
         '<div class="top"><div class="w1200"><span>中国民用航空局　CIVIL AVIATION ADMINISTRATION OF CHINA</span><a href="/English/">English</a> <a href="/wza/">无障碍浏览</a></div></div>',
         '<div class="menu"><a href="/index.html">首页</a><a href="/GYMH/">关于民航</a><a href="/XXGK/">信息公开</a><a href="/XWZX/">新闻中心</a><a href="/HDJL/">互动交流</a><a href="/ZWFW/">政务服务</a></div>',
         '<div class="w1200 p_nav">您现在的位置：<a href="/index.html">首页</a> &gt; <a href="/XXGK/">%s</a></div>'
         % ("新闻中心 &gt; 民航要闻" if doc["kind"] == "news" else "信息公开 &gt; 政策文件"),
         '<div class="w1200 content">']
    if doc["kind"] == "news":
        h += ['<div class="a_title"><h1>%s</h1></div>' % E(doc["title"]),
              '<div class="a_info">发布时间：<span>%s</span>年<span>%s</span>月<span>%s</span>日　　来源：%s　　作者：%s</div>'
              % (y, m, d, E(doc["source"]), E(doc["author"])),
              '<div class="a_con TRS_Editor">', paras(doc), '</div>']
    else:
        h += ['<table class="xxgk_table" cellpadding="0" cellspacing="0" border="1" style="border-collapse:collapse;width:100%;">',
              '<tr><th>索 引 号：</th><td>01400000-0-%s-%04d</td><th>主题分类：</th><td>科技、教育</td></tr>' % (y, abs(hh(doc["id"])) % 9999),
              '<tr><th>发布单位：</th><td>%s</td><th>文　　号：</th><td>%s</td></tr>' % (E("、".join(doc["issuer_print"])), E(doc["num_print"])),
              '<tr><th>成文日期：</th><td>%s</td><th>发布日期：</th><td>%s</td></tr>' % (doc["written"], pub),
              '<tr><th>名　　称：</th><td colspan="3">%s</td></tr>' % E(doc["title"]),
              '<tr><th>主 题 词：</th><td colspan="3">科技 资金</td></tr>', '</table>',
              '<div class="a_title"><h1>%s</h1></div>' % E(doc["title"]),
              '<div class="a_con TRS_Editor">']
        if doc["kind"] == "order":
            h += ['<p style="text-align:center;"><b>%s</b></p>' % E(doc["num_print"]),
                  '<p style="text-indent:2em;">%s</p>' % E(doc["preface"]), sign_right(doc),
                  '<p style="text-align:center;"><b>%s</b></p>' % E(doc["title"]), paras(doc)]
        else:
            h += ['<p>%s</p>' % E(doc["addressee"]), paras(doc)]
            if doc["attachments"]:
                hrefs = ["./W0%s%s%s%04d.%s" % (y, m, d, 1000 + i, ext(t)) for i, t in enumerate(doc["attachments"], 1)]
                h += ['<p>附件：' + att_links(doc, hrefs, sep="　") + '</p>']
            h += [sign_right(doc)]
        h += ['</div>']
    h += ['<div class="a_btn"><a href="javascript:window.print();">打印本页</a> <a href="javascript:window.close();">关闭窗口</a></div>',
          '<div class="xgwj"><h4>相关文件</h4>', sidebar(CAAC_SIDE), '</div>',
          '</div>',
          '<div class="footer"><p>版权所有：中国民用航空局　地址：北京市东城区东四西大街155号　邮编：100710</p>',
          '<p><a href="https://beian.miit.gov.cn/">京ICP备05004087号</a>　网站标识码：bm39000001　<span id="_ideConac"></span></p></div>',
          '<script type="text/javascript" src="/static/js/jquery-1.8.3.min.js"></script>',
          '<script>document.write(unescape("%3Cscript src=\'/static/js/count.js?id=' + doc["id"] + '\'%3E%3C/script%3E"));</script>',
          '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- D: qinghai (Hanweb)
QH_SIDE = [("关于公布2025年度青海省重点实验室绩效评估结果的通知", "青科发〔2025〕79号", "2025-12-01"),
           ("青海省科学技术厅关于印发《青海省科技特派员工作管理办法》的通知", "青科发〔2025〕64号", "2025-10-16"),
           ("关于2025年度青海省科技计划项目结题验收结果的公示", None, "2025-12-20"),
           ("青海省科学技术厅 青海省财政厅关于下达2026年第一批省级科技计划项目资金的通知", "青科发〔2026〕3号", "2026-01-15")]


def t_qinghai(doc, host):
    pub = doc["published"]
    title_tag = "青海省科学技术厅" if doc["kind"] in ("news",) or doc["id"] == "qh_shortlist" else doc["title"] + " - 青海省科学技术厅"
    h = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">\n<html>\n<head>',
         '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
         '<title>%s</title>' % E(title_tag),
         '<meta name="Maketime" content="2026-04-18 11:20:03">',
         '<meta name="ArticleTitle" content="%s">' % E(doc["title"]),
         '<meta name="PubDate" content="%s 00:00">' % ("2025-12-31" if doc["id"] == "qh_voucher_rules" else pub),
         '<script language="javascript" src="/script/0/1609211234.js"></script>',
         '<link href="/module/jslib/bootstrap/css/bootstrap.min.css" rel="stylesheet">',
         '</head>\n<body>',
         '<!-- 头部 -->',
         '<div id="top"><div class="logo"><img src="/picture/0/qhkjt_logo.png" alt="青海省科学技术厅"></div>',
         '<div class="search"><form action="/jrobot/search.do" method="get"><input name="q" value="请输入关键词"><input type="submit" value="搜索"></form></div></div>',
         '<div id="nav"><a href="/">首页</a><a href="/col/col1683/">机构概况</a><a href="/col/col1687/">政策法规</a><a href="/col/col1689/">通知公告</a><a href="/col/col1692/">科技动态</a><a href="/col/col1695/">政务公开</a></div>',
         '<table width="1000" align="center"><tr><td class="bt_link">您当前的位置：<a href="/">首页</a> &gt; <a href="/col/col%s/index.html">%s</a></td></tr></table>'
         % (doc["url"].split("art_")[1].split("_")[0], "科技动态" if doc["kind"] == "news" else "通知公告"),
         '<table width="1000" align="center" cellspacing="0" cellpadding="0"><tr><td width="720" valign="top">',
         '<!--<$[标题名称]>begin--><div class="title" style="font-size:22px;text-align:center;font-weight:bold;">%s</div><!--<$[标题名称]>end-->' % E(doc["title"]),
         '<table width="100%%"><tr><td align="center" class="bt_content">发布日期：%s　　信息来源：%s　　浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=1689&artid=%s"></script>　【字体：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a>】</td></tr></table>'
         % (pub, E(doc.get("source") or ("成果转化处" if "券" in doc["title"] else "办公室")), doc["url"].rsplit("_", 1)[1].split(".")[0]),
         '<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">']
    if doc["kind"] == "news":
        h += ['<p style="text-indent:2em">%s报道（%s）</p>' % (E(doc["source"]), E(doc["author"])), paras(doc, "text-indent:2em")]
    else:
        if doc["num_print"]:
            h += ['<p align="center">%s</p>' % E(doc["num_print"])]
        if doc["addressee"]:
            h += ['<p>%s</p>' % E(doc["addressee"])]
        h += [paras(doc, "text-indent:2em")]
        if doc["attachments"]:
            hrefs = ["/module/download/downfile.jsp?classid=0&filename=%s%04d.%s" % (pub.replace("-", "")[2:], 1200 + i, ext(t))
                     for i, t in enumerate(doc["attachments"], 1)]
            h += ['<p>附件：</p><p>' + att_links(doc, hrefs) + '</p>']
        h += [sign_right(doc, pad=True)]
    h += ['<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>',
          '<table width="100%"><tr><td align="right"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></td></tr></table>',
          '</td><td width="260" valign="top"><div class="right_box"><h3>最新公开</h3>', sidebar(QH_SIDE), '</div></td></tr></table>',
          '<div id="footer">主办：青海省科学技术厅　地址：西宁市城西区五四西路60号　邮编：810008<br>',
          '<a href="https://beian.miit.gov.cn">青ICP备05000123号-1</a>　网站标识码：6300000031　青公网安备63010402000123号</div>',
          '<!-- Hanweb JCMS 2026 -->', HIT, '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- E: hebei (TRS xxgk)
HB_SIDE = [("河北省科学技术厅关于印发《河北省技术创新中心建设运行管理办法》的通知", "冀科平规〔2025〕2号", "2025-09-10"),
           ("河北省科学技术厅 河北省财政厅关于下达2026年省级科技计划第一批项目的通知", "冀科计〔2026〕4号", "2026-02-11"),
           ("关于2025年度河北省科技进步奖拟授奖项目的公示", None, "2025-11-28"),
           ("河北省人民政府办公厅关于加快推进人工智能赋能制造业的实施意见", "冀政办字〔2025〕88号", "2025-08-05")]


def t_hebei(doc, host):
    pub = doc["published"]
    numb = doc["num_print"].replace("〔", "[").replace("〕", "]")
    h = ['<!DOCTYPE html>\n<html>\n<head>',
         '<meta http-equiv="Content-Type" content="text/html; charset=gbk" />',
         '<title>%s_河北省科学技术厅</title>' % E(doc["title"]),
         '<meta name="filetime" content="2025-06-01 00:00:00" />',
         '<link rel="stylesheet" href="/www/css/hbkjt.css" />',
         '</head>\n<body>',
         '<div class="head"><img src="/www/images/logo_hbkjt.png" alt="河北省科学技术厅" /><span class="date" id="today"></span></div>',
         '<script>document.getElementById("today").innerHTML=new Date().toLocaleDateString();</script>',
         '<div class="nav"><a href="/www/">首页</a><a href="/www/xxgk2020/">政府信息公开</a><a href="/www/kjzx/">科技资讯</a><a href="/www/zwfw/">政务服务</a><a href="/www/hdjl/">互动交流</a></div>',
         '<div class="position">当前位置：<a href="/www/">首页</a> &gt; <a href="/www/xxgk2020/">政府信息公开</a> &gt; <a href="./">%s</a></div>'
         % ("规范性文件" if "gfxwj" in doc["url"] else "通知公告"),
         '<div class="xxgk_info"><table border="0" cellspacing="0" cellpadding="0" width="100%">',
         '<tr><td class="l">索 引 号：</td><td>000014349/%s-%05d</td><td class="l">分　　类：</td><td>科技、教育\\科技</td></tr>' % (pub[:4], abs(hh(doc["id"])) % 99999),
         '<tr><td class="l">发布机构：</td><td>%s</td><td class="l">发文日期：</td><td>%s</td></tr>' % (E(" ".join(doc["issuer_print"])), doc["written"].replace("-", "年", 1).replace("-", "月") + "日"),
         '<tr><td class="l">名　　称：</td><td colspan="3">%s</td></tr>' % E(doc["title"]),
         '<tr><td class="l">文　　号：</td><td>%s</td><td class="l">主 题 词：</td><td></td></tr>' % E(numb),
         '<tr><td class="l">有 效 性：</td><td>%s</td><td class="l">发布日期：</td><td>%s</td></tr>' % ("有效" if "gfxwj" in doc["url"] else "", pub),
         '</table></div>',
         '<div class="article"><h2 class="tit">%s</h2>' % E(doc["title"]),
         '<div class="fbrq">发布时间：%s 09:%02d　　来源：%s</div>' % (pub, abs(hh(doc["id"])) % 60, "省人民政府" if doc["id"] == "hb_request_letter" else "政策法规处"),
         '<div class="TRS_Editor" id="zoom">',
         '<p style="text-align:center;">%s</p>' % E(doc["num_print"]),
         '<p>%s</p>' % E(doc["addressee"]), paras(doc)]
    if doc["attachments"]:
        hrefs = ["./W0%s%05d.%s" % (pub.replace("-", ""), i * 31, ext(t)) for i, t in enumerate(doc["attachments"], 1)]
        h += ['<p>附件：' + att_links(doc, hrefs) + '</p>']
    h += [sign_right(doc),
          '<!-- 此件公开发布 -->' if doc["id"] == "hb_request_letter" else "",
          '</div></div>',
          '<div class="prenext"><span>上一篇：<a href="./262990/index.html">河北省科学技术厅关于开展2025年度科技型中小企业评价工作的通知</a></span>',
          '<span>下一篇：<a href="./264501/index.html">河北省科学技术厅关于公布2026年度省级新型研发机构名单的通知</a></span></div>',
          '<div class="xgwj"><div class="hd">相关链接</div>', sidebar(HB_SIDE), '</div>',
          '<div class="foot">主办单位：河北省科学技术厅　地址：石家庄市裕华区槐安东路105号<br/>',
          '<a href="https://beian.miit.gov.cn/">冀ICP备05012389号</a>　网站标识码：1300000030　冀公网安备 13010802000456号</div>',
          HIT, '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- F: taiyuan
TY_SIDE = [("太原市科学技术局关于2025年度市级科技企业孵化器认定结果的通知", "并科发〔2025〕51号", "2025-12-08"),
           ("太原市科学技术局关于公布2025年度太原市技术创新中心名单的通知", "并科发〔2025〕47号", "2025-11-20"),
           ("太原市人民政府关于印发太原市“十五五”科技创新规划的通知", "并政发〔2026〕2号", "2026-01-10"),
           ("关于2026年度太原市科技创新券兑付企业名单的公示", None, "2026-03-18")]


def t_taiyuan(doc, host):
    pub = doc["published"]
    numb = (doc["num_print"] or "").replace("〔", "【").replace("〕", "】")
    src = {"ty_ai_plan": "太原市人民政府办公室", "ty_news": "太原日报"}.get(doc["id"], "太原市科学技术局")
    h = ['<!DOCTYPE html>\n<html>\n<head>',
         '<meta charset="gb18030">',
         '<meta name="viewport" content="width=device-width, initial-scale=1">',
         '<title>%s</title>' % E("太原市科学技术局-" + doc["title"]),
         '<meta name="ArticleTitle" content="%s">' % E(doc["title"]),
         '<meta name="PubDate" content="%s 10:21:00">' % ("2026-01-26" if doc["id"] == "ty_ai_plan" else pub),
         '<meta name="ContentSource" content="%s">' % E(src),
         '<link rel="stylesheet" href="/jpaas/static/css/detail.css">',
         '</head>\n<body>',
         '<header class="ty-head"><div class="ty-logo">太原市科学技术局</div><div class="ty-tools"><a href="/">首页</a>|<a href="javascript:;" id="jt">简体</a>|<a href="javascript:;" id="ft">繁体</a>|<a href="/wza/">无障碍</a></div></header>',
         '<nav class="ty-nav"><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/tzgg/">通知公告</a></li><li><a href="/kjdt/">科技动态</a></li><li><a href="/zcfg/">政策法规</a></li></ul></nav>',
         '<div class="ty-crumb">当前位置：<a href="/">首页</a> &gt; <a href="/%s/">%s</a> &gt; 正文</div>'
         % (("kjdt", "科技动态") if doc["kind"] == "news" else ("tzgg", "通知公告")),
         '<div class="ty-main"><div class="ty-article">',
         '<h1 class="ty-title">%s</h1>' % E(doc["title"]),
         '<div class="ty-info"><span>发布时间：%s %s</span><span>来源：%s</span>%s<span class="ty-font">【字体：<a>大</a> <a>中</a> <a>小</a>】</span></div>'
         % (pub, "10:21", E(src), ('<span>%s</span>' % E(doc["author"])) if doc.get("author") else "")]
    if numb:
        h += ['<div class="ty-wh">文号：%s</div>' % E(numb)]
    h += ['<div class="ty-content" id="Zoom">']
    if doc["kind"] == "news":
        h += [paras(doc), '<p style="text-indent:2em;">（通讯员 李㛃）</p>']
    else:
        h += ['<p>%s</p>' % E(doc["addressee"]), paras(doc), sign_right(doc)]
        if doc["attachments"]:
            hrefs = ["/module/download/downfile.jsp?classid=0&showname=%s&filename=%s%03d.%s" % (E(t), pub.replace("-", ""), i, ext(t))
                     for i, t in enumerate(doc["attachments"], 1)]
            h += ['<div class="ty-fj"><p>相关附件：</p><p>' + att_links(doc, hrefs) + '</p></div>']
    h += ['</div>',
          '<div class="ty-share">分享：<a class="bds_weixin"></a><a class="bds_tsina"></a>　<a href="javascript:window.print()">[打印]</a> <a href="javascript:window.close()">[关闭]</a></div>',
          '<div class="ty-pn"><p>上一篇：<a href="/doc/2026/01/15/1580012.shtml">太原市科学技术局关于开展2026年科技活动周的通知</a></p><p>下一篇：<a href="/doc/2026/03/25/1605011.shtml">太原市科学技术局关于2026年度科技型中小企业入库情况的通报</a></p></div>',
          '</div><aside class="ty-side"><h3>推荐阅读</h3>', sidebar(TY_SIDE), '</aside></div>',
          '<footer class="ty-foot">主办：太原市科学技术局　地址：太原市杏花岭区府西街69号<br>',
          '<a href="https://beian.miit.gov.cn">晋ICP备05001234号</a>　网站标识码：1401000018　晋公网安备14010502000321号</footer>',
          '<script src="/jpaas/static/js/jquery.min.js"></script><script>$.get("/jpaas/hits?id=%s");</script>' % doc["url"].rsplit("/", 1)[1].split(".")[0],
          '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- G: lanzhou (old table page)
LZ_SIDE = [("兰州市科学技术局关于2025年度市级科技计划项目验收结果的通知", "兰科发〔2025〕61号", "2025-12-26"),
           ("兰州市人民政府关于印发兰州市“十五五”科技创新发展规划的通知", "兰政发〔2026〕6号", "2026-01-30"),
           ("关于2026年度兰州市科技特派员拟选派名单的公示", None, "2026-02-18"),
           ("甘肃省科学技术厅关于组织申报2026年度省级科技计划项目的通知", "甘科计〔2026〕2号", "2026-01-22")]


def t_lanzhou(doc, host):
    pub = doc["published"]
    y, m, d = pub.split("-")
    h = ['<html>\n<head>',
         '<meta http-equiv="Content-Type" content="text/html; charset=GBK">',
         '<title>兰州市科学技术局</title>',
         '<meta name="others" content="页面生成时间 2026-04-22 15:40:12">',
         '<style>td{font-size:12px}.title{font-size:20px;font-weight:bold;color:#1a4c8c}.zw p{line-height:26px;font-size:14px}</style>',
         '</head>\n<body bgcolor="#f2f2f2">',
         '<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#ffffff">',
         '<tr><td height="120" background="/picture/0/lzkjj_banner.jpg">&nbsp;</td></tr>',
         '<tr><td class="nav"><a href="/">网站首页</a>　<a href="/col/col4569/">通知公告</a>　<a href="/col/col4571/">政策法规</a>　<a href="/col/col4577/">他山之石</a>　<a href="/col/col4580/">办事指南</a></td></tr>',
         '<tr><td>您现在的位置：<a href="/">首页</a> &gt;&gt; <a href="/col/col%s/index.html">%s</a></td></tr>'
         % (doc["url"].split("art_")[1].split("_")[0], {"lz_repost_xian": "他山之石", "lz_gov_order": "政策法规"}.get(doc["id"], "通知公告")),
         '</table>',
         '<table width="1002" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#ffffff"><tr>',
         '<td width="240" valign="top"><table width="100%"><tr><td class="lm">栏目导航</td></tr><tr><td>' + sidebar(LZ_SIDE) + '</td></tr></table></td>',
         '<td width="762" valign="top"><table width="96%" align="center">']
    if doc["kind"] == "order":
        l1, l2 = doc["num_print"].split("\n")
        h += ['<tr><td align="center" class="title" style="color:#c00">%s</td></tr>' % E(l1),
              '<tr><td align="center">%s</td></tr>' % E(l2).replace(" ", "&nbsp;")]
    else:
        h += ['<tr><td align="center" class="title">%s</td></tr>' % E(doc["title"])]
    if doc["id"] == "lz_call":
        h += ['<tr><td align="center">发布日期：<span>%s</span>-<span>%s</span>-<span>%s</span>　　来源：兰州市科学技术局</td></tr>' % (y, m, d)]
    else:
        h += ['<tr><td align="center">发布日期：%s　　来源：%s　　点击数：<span id="hits">0</span></td></tr>'
              % (cn_date0(pub), E(doc.get("source") or "兰州市科学技术局"))]
    h += ['<tr><td><hr size="1" color="#cccccc"></td></tr>', '<tr><td class="zw" id="zoom">']
    if doc["kind"] == "order":
        h += ['<p style="text-indent:2em">%s</p>' % E(doc["preface"]), sign_right(doc, pad=True),
              '<p align="center"><b>%s</b></p>' % E(doc["title"]), paras(doc, "text-indent:2em")]
    else:
        if doc["num_print"]:
            h += ['<p align="center">%s</p>' % E(doc["num_print"])]
        h += ['<p>%s</p>' % E(doc["addressee"]), paras(doc, "text-indent:2em"), sign_right(doc, pad=True)]
        if doc["attachments"]:
            hrefs = ["./P020%s%s%s%06d.%s" % (y[2:], m, d, 512300 + i, ext(t)) for i, t in enumerate(doc["attachments"], 1)]
            h += ['<p>附件：</p><p>' + att_links(doc, hrefs) + '</p>']
    h += ['</td></tr>',
          '<tr><td align="center"><a href="javascript:window.print()">【打印此页】</a>　<a href="javascript:window.close()">【关闭窗口】</a></td></tr>',
          '</table></td></tr></table>',
          '<table width="1002" align="center" bgcolor="#1a4c8c"><tr><td align="center" style="color:#fff">',
          '主办单位：兰州市科学技术局　地址：兰州市城关区南昌路1648号<br><a href="https://beian.miit.gov.cn" style="color:#fff">陇ICP备06000567号</a>　网站标识码：6201000017',
          '</td></tr></table>',
          '<script language="javascript" src="/module/visitcount/visit.jsp?type=3&i_webid=22&i_columnid=4569&i_articleid=%s"></script>' % doc["url"].rsplit("_", 1)[1].split(".")[0],
          '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- H: shmh
MH_SIDE = [("闵行区人民政府办公室关于印发《闵行区推进“人工智能+”行动实施方案》的通知", "闵府办发〔2025〕21号", "2025-10-22"),
           ("上海市闵行区科学技术委员会关于公布2025年度闵行区科技小巨人企业名单的通知", "闵科委〔2025〕44号", "2025-12-02"),
           ("上海市人民政府关于印发《上海市加快推进具身智能产业发展行动方案》的通知", "沪府发〔2025〕7号", "2025-09-12"),
           ("闵行区2025年区级科技计划项目立项公示", None, "2025-08-08")]


def t_shmh(doc, host):
    pub = doc["published"]
    h = ['<!DOCTYPE html>\n<html lang="zh-CN">\n<head>',
         '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">',
         '<title>%s</title>' % E("上海闵行 | " + doc["title"]),
         '<meta name="description" content="上海市闵行区人民政府门户网站">',
         '<meta property="article:published_time" content="%sT00:00:00+08:00">' % (doc["written"] or "2026-02-01"),
         '<link rel="stylesheet" href="/shmh/assets/css/detail.css">',
         '</head>\n<body>',
         '<div class="topbar"><a href="/shmh/index.html">上海闵行</a><a href="/shmh/wza/">无障碍</a><a href="/shmh/en/">EN</a><a href="/shmh/app/">移动版</a></div>',
         '<div class="mainnav"><a href="/shmh/index.html">首页</a><a href="/shmh/zwgk/">政务公开</a><a href="/shmh/zwfw/">政务服务</a><a href="/shmh/hdjl/">互动交流</a><a href="/shmh/zjmh/">走进闵行</a></div>',
         '<div class="crumbs">首页 / 政务公开 / %s</div>' % ("闵行要闻" if doc["kind"] == "news" else ("区政府文件" if "zcwj" in doc["url"] else "通知公告")),
         '<div class="wrap"><div class="left">']
    if doc["kind"] == "news":
        h += ['<h1 class="ctitle">%s</h1>' % E(doc["title"]),
              '<div class="cinfo"><span>来源：%s</span><span>作者：%s</span><span>发布时间：%s</span><span>浏览：<b id="view">--</b></span></div>'
              % (E(doc["source"]), E(doc["author"]), pub),
              '<div class="ccontent">', paras(doc), '</div>']
    else:
        h += ['<dl class="gk-meta">',
              '<dt>索取号：</dt><dd>SY%s%s-%06d</dd>' % ("0021" if "zcwj" in doc["url"] else "0145", pub[:4], abs(hh(doc["id"])) % 999999),
              '<dt>发布机构：</dt><dd>%s</dd>' % E("、".join(doc["issuer_print"])),
              '<dt>文号：</dt><dd>%s</dd>' % E(doc["num_print"]),
              '<dt>成文日期：</dt><dd>%s</dd>' % doc["written"],
              '<dt>发布日期：</dt><dd>%s</dd>' % pub,
              '<dt>有效期：</dt><dd>%s</dd>' % ("2026-01-01至2028-12-31" if doc["id"] == "mh_ai_policy" else "—"),
              '</dl>',
              '<h1 class="ctitle">%s</h1>' % E(doc["title"]),
              '<div class="ccontent">',
              '<p style="text-align:center">%s</p>' % E(doc["num_print"]),
              '<p>%s</p>' % E(doc["addressee"]), paras(doc), sign_right(doc),
              '<p style="text-align:left">（此件公开发布）</p>', '</div>']
        if doc["attachments"]:
            hrefs = ["/shmh/uploadfiles/%s/%s_%d.%s" % (pub.replace("-", "")[:6], doc["id"], i, ext(t)) for i, t in enumerate(doc["attachments"], 1)]
            h += ['<div class="fjxz"><h4>附件下载</h4><ul>' + "".join('<li><a href="%s">%s</a></li>' % (hr, E(t)) for t, hr in zip(doc["attachments"], hrefs)) + '</ul></div>']
        if doc["id"] == "mh_ai_policy":
            h += ['<div class="jd"><a href="/shmh/zcjd/20251219/1018770.html">【政策解读】《闵行区促进人工智能产业高质量发展的若干政策》解读</a></div>']
    h += ['<div class="tools"><a href="javascript:window.print()">打印</a><a href="javascript:;" class="share">分享</a><a href="javascript:;" class="fav">收藏</a></div>',
          '</div><div class="right"><h3>相关文件</h3>', sidebar(MH_SIDE), '</div></div>',
          '<div class="footer"><p>上海市闵行区人民政府办公室主办　上海市闵行区大数据中心承办</p>',
          '<p><a href="https://beian.miit.gov.cn/">沪ICP备11021312号</a>　沪公网安备 31011202000123号　网站标识码：3101120001</p></div>',
          HIT, '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- I: jiemian
JM_SIDE = [("工信部：加快推动人工智能赋能新型工业化", None, "2026-01-08"),
           ("科创板人工智能企业2025年报盘点：研发投入同比增长21%", None, "2026-04-01"),
           ("国务院印发关于深入实施“人工智能+”行动的意见", "国发〔2025〕11号", "2025-08-26"),
           ("多地密集出台算力券政策，单个企业最高补贴千万元", None, "2026-03-15")]


def t_jiemian(doc, host):
    pub = doc["published"]
    y, m, d = pub.split("-")
    aid = doc["url"].rsplit("/", 1)[1].split(".")[0]
    h = ['<!DOCTYPE html>\n<html>\n<head>',
         '<meta charset="utf-8">',
         '<meta name="viewport" content="width=device-width,initial-scale=1.0">',
         '<title>%s|界面新闻 · 科技</title>' % E(doc["title"]),
         '<meta property="og:title" content="%s">' % E(doc["title"]),
         '<meta property="og:site_name" content="界面新闻">',
         '<meta property="article:published_time" content="%s-%s-%sT02:00:00Z">' % (y, m, "01" if d != "01" else "02"),
         '<link rel="stylesheet" href="https://img.jiemian.com/static/css/article.css">',
         '</head>\n<body>',
         '<div class="header-container"><a class="logo" href="https://www.jiemian.com/">界面新闻</a>',
         '<ul class="nav"><li><a href="/lists/2.html">快报</a></li><li><a href="/lists/4.html">科技</a></li><li><a href="/lists/9.html">财经</a></li><li><a href="/lists/65.html">地方</a></li><li><a href="/video/">视频</a></li></ul>',
         '<a class="login" href="/user/login">登录</a><a class="app" href="/app/">下载APP</a></div>',
         '<div class="content-container"><div class="article-view">',
         '<div class="article-header"><h1>%s</h1>' % E(doc["title"]),
         '<p class="abstract">%s</p>' % E(doc["body"][0][:38] + "……"),
         '<div class="info"><span class="author"><a href="/author/%d.html">%s</a></span><span class="date">%s/%s/%s</span><span class="time">%s</span><span class="tags"><a href="/tags/ai.html">#人工智能</a></span></div>'
         % (abs(hh(doc["author"])) % 999999, E(doc["author"]), y, m, d, "14:08"),
         '<p class="source">来源：%s</p>' % E(doc["source"]),
         '</div>',
         '<div class="article-content">',
         '<p class="img-box"><img src="https://img.jiemian.com/101/original/%s%s%s/%s.jpg" alt=""></p>' % (y, m, d, aid),
         '<p>%s</p>' % E(doc["author"].replace("记者 | ", "记者 ") + "　编辑 | 宋佳楠"),
         paras(doc, ""),
         '<p class="copyright">未经正式授权严禁转载本文，侵权必究。</p>',
         '</div>',
         '<div class="share-view">分享到：<a class="weixin">微信</a><a class="weibo">新浪微博</a><a class="qzone">QQ空间</a></div>',
         '<div class="comment"><h3>评论</h3><div id="comment-list"><!-- comments load by js --></div></div>',
         '</div>',
         '<div class="side-container"><h3>相关新闻</h3>', sidebar(JM_SIDE, "news-list"), '</div></div>',
         '<div class="footer"><p>© 2014-2026 界面新闻 JIEMIAN.COM　<a href="https://beian.miit.gov.cn">沪ICP备14027364号</a>　互联网新闻信息服务许可证：31120170006</p></div>',
         '<script>window.__ARTICLE__={"id":%s,"published":"%s-%s-%s 10:00:00"};</script>' % (aid, y, m, "01" if d != "01" else "02"),
         HIT, '</body>\n</html>\n']
    return "\n".join(h)


# ------------------------------------------------------------------------------------------- J: jinhua (Zhejiang Hanweb)
JH_SIDE = [("金华市科学技术局关于公布2025年度金华市重点实验室名单的通知", "金市科〔2025〕61号", "2025-12-09"),
           ("金华市人民政府办公室关于加快建设金华科创走廊的实施意见", "金政办发〔2025〕40号", "2025-09-18"),
           ("关于2026年度金华市科技特派员拟派驻名单的公示", None, "2026-02-20"),
           ("浙江省科学技术厅关于组织申报2026年度“尖兵”“领雁”研发攻关计划项目的通知", "浙科发高〔2026〕5号", "2026-01-12")]


def t_jinhua(doc, host):
    pub = doc["published"]
    h = ['<!DOCTYPE html>\n<html>\n<head>',
         '<meta charset="utf-8">',
         '<meta http-equiv="X-UA-Compatible" content="IE=edge,chrome=1">',
         '<title>%s</title>' % E(doc["title"] + " - 金华市科学技术局"),
         '<meta name="SiteName" content="金华市科学技术局">',
         '<meta name="ColumnName" content="%s">' % ("科技动态" if doc["id"] == "jh_repost_deqing" else "通知公告"),
         '<meta name="ArticleTitle" content="%s">' % E(doc["title"]),
         '<meta name="PubDate" content="%s 16:28">' % pub,
         '<meta name="Maketime" content="2026-04-26 09:00:00">',
         '<script src="/script/0/jquery.min.js"></script>',
         '</head>\n<body>',
         '<div class="zjzw-top">浙江政务服务网　|　金华市　<a href="https://www.zjzwfw.gov.cn/">登录</a></div>',
         '<div class="header"><img src="/picture/0/jhkjj_logo.png" alt="金华市科学技术局"></div>',
         '<div class="nav"><a href="/">首页</a><a href="/col/col1229167700/">政务公开</a><a href="/col/col1229167701/">科技动态</a><a href="/col/col1229167702/">通知公告</a><a href="/col/col1229167703/">互动交流</a></div>',
         '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/%s/">%s</a></div>'
         % (doc["url"].split("art_")[1].split("_")[0], "科技动态" if doc["id"] in ("jh_repost_deqing", "jh_ftz_plan") else "通知公告"),
         '<div class="main">']
    if doc["id"] != "jh_repost_deqing":
        h += ['<table class="gkml" width="100%" border="1" style="border-collapse:collapse">',
              '<tr><td>索引号</td><td>11330700MB%07d/%s-%05d</td><td>文号</td><td>%s</td></tr>' % (abs(hh(doc["id"])) % 9999999, pub[:4], abs(hh(doc["title"])) % 99999, E(doc["num_print"])),
              '<tr><td>发布机构</td><td>%s</td><td>成文日期</td><td>%s</td></tr>' % (E("，".join(doc["issuer_print"])), doc["written"]),
              '<tr><td>公开方式</td><td>主动公开</td><td>发布日期</td><td>%s</td></tr>' % pub,
              '</table>']
    h += ['<div class="article"><!--<$[标题名称]>begin--><h1 style="text-align:center">%s</h1><!--<$[标题名称]>end-->' % E(doc["title"]),
          '<div class="art-info"><span>信息来源：%s</span>　<span>发布日期：%s</span>　<span>浏览次数：<script src="/module/visitcount/articlehits.jsp?artid=%s"></script></span></div>'
          % (E(doc.get("source") or "办公室"), pub, doc["url"].rsplit("_", 1)[1].split(".")[0]),
          '<div id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">']
    if doc["num_print"]:
        h += ['<p style="text-align:center">%s</p>' % E(doc["num_print"])]
    h += ['<p>%s</p>' % E(doc["addressee"]), paras(doc), sign_right(doc),
          '<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div></div>']
    if doc["attachments"]:
        hrefs = ["/module/download/downfile.jsp?classid=0&filename=%s.%s" % ("%x" % (abs(hh(t)) % 0xffffffff), ext(t)) for t in doc["attachments"]]
        h += ['<div class="fj-box"><span class="fj-h">附件下载：</span>' + att_links(doc, hrefs, sep=" ") + '</div>']
    h += ['<div class="pn"><p>上一篇：<a href="/art/2026/3/2/art_1229167702_59601022.html">关于开展2026年金华市科技活动周的通知</a></p><p>下一篇：<a href="/art/2026/3/20/art_1229167702_59640013.html">金华市科学技术局关于2025年度科技创新工作考核结果的通报</a></p></div>',
          '<div class="btns"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>',
          '<div class="side"><h3>相关信息</h3>', sidebar(JH_SIDE), '</div>',
          '</div>',
          '<div class="footer">主办单位：金华市科学技术局　地址：金华市双龙南街801号<br><a href="https://beian.miit.gov.cn/">浙ICP备10206612号</a>　网站标识码：3307000047　浙公网安备33070202000456号</div>',
          HIT, '</body>\n</html>\n']
    return "\n".join(h)


RENDER = dict(mnr=t_mnr, pbc=t_pbc, caac=t_caac, qinghai=t_qinghai, hebei=t_hebei, taiyuan=t_taiyuan,
              lanzhou=t_lanzhou, shmh=t_shmh, jiemian=t_jiemian, jinhua=t_jinhua)


def case_of(doc):
    host, decl, codec, label_enc = TEMPLATES[doc["tpl"]]
    exp = dict(title=doc["title"], doc_number=doc["doc_number"], issuers=doc["issuers"],
               written_date=doc["written"], published_date=doc["published"],
               pilot_zone_cities=doc["cities"], repeals=doc["repeals"], attachments=doc["attachments"])
    if doc["funding"] is not None:
        exp["funding"] = doc["funding"]
    return dict(id="blind7_" + doc["id"], file="blind7_%s.html" % doc["id"], url=doc["url"],
                template="blind7_" + doc["tpl"], host=host, encoding=label_enc, expected=exp)


def build():
    cases = []
    for doc in DOCS:
        host, decl, codec, label_enc = TEMPLATES[doc["tpl"]]
        assert doc["url"].split("/")[2] == host, doc["id"]
        text = RENDER[doc["tpl"]](doc, host)
        data = text.encode(codec)  # strict: must be representable
        c = case_of(doc)
        with open(os.path.join(HERE, c["file"]), "wb") as f:
            f.write(data)
        cases.append(c)
    with open(os.path.join(HERE, "labels.json"), "w", encoding="utf-8") as f:
        json.dump({"cases": cases}, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("wrote %d pages" % len(cases))


# ------------------------------------------------------------------------------------------- check
class Strip(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.skip = 0
        self.out = []
        self.anchors = []
        self.in_a = None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title"):
            self.skip += 1
        if tag == "a":
            self.in_a = []

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self.skip -= 1
        if tag == "a" and self.in_a is not None:
            self.anchors.append("".join(self.in_a).strip())
            self.in_a = None

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)
            if self.in_a is not None:
                self.in_a.append(data)


BR = str.maketrans({"[": "〔", "]": "〕", "【": "〔", "】": "〕", "（": "〔", "）": "〕", "(": "〔", ")": "〕"})
CN = "〇一二三四五六七八九"


def squash(s):
    return re.sub(r"[\s\u3000\xa0]+", "", s)


def date_forms(d):
    y, m, dd = d.split("-")
    mi, di = int(m), int(dd)
    cy = "".join(CN[int(c)] for c in y)

    def cnum(n):
        if n < 10:
            return CN[n]
        if n == 10:
            return "十"
        if n < 20:
            return "十" + CN[n - 10]
        return CN[n // 10] + "十" + (CN[n % 10] if n % 10 else "")
    return {"%s-%s-%s" % (y, m, dd), "%s年%d月%d日" % (y, mi, di), "%s年%s月%s日" % (y, m, dd),
            "%s/%s/%s" % (y, m, dd), "%s.%s.%s" % (y, m, dd), "%s年%s月%s日" % (cy, cnum(mi), cnum(di))}


def amount_forms(v):
    forms = set()
    if v % 100000000 == 0:
        forms.add("%d亿元" % (v // 100000000))
    if v % 10000 == 0:
        forms.add("%d万元" % (v // 10000))
    forms.add("%d元" % v)
    return forms


def check():
    labels = json.load(open(os.path.join(HERE, "labels.json"), encoding="utf-8"))["cases"]
    bad = 0
    for c in labels:
        raw = open(os.path.join(HERE, c["file"]), "rb").read()
        codec = {"utf-8": "utf-8", "gbk": "gbk", "gb18030": "gb18030"}[c["encoding"]]
        text = raw.decode(codec)
        head = text[:1500].lower()
        m = re.search(r'charset=["\']?([\w-]+)', head)
        declared = m.group(1) if m else None
        p = Strip()
        p.feed(text)
        vis = squash("".join(p.out))
        visb = vis.translate(BR)
        anchors = [squash(a) for a in p.anchors]
        e = c["expected"]
        errs = []
        if squash(e["title"]) not in vis:
            errs.append("title")
        if e["doc_number"] and squash(e["doc_number"]).translate(BR) not in visb:
            errs.append("doc_number %s" % e["doc_number"])
        for k in ("written_date", "published_date"):
            if e[k] and not any(f in vis for f in date_forms(e[k])):
                errs.append("%s %s" % (k, e[k]))
        doc = [d for d in DOCS if "blind7_" + d["id"] == c["id"]][0]
        for name, printed in zip(e["issuers"], doc["issuer_print"]):
            if name not in vis and printed not in vis:
                errs.append("issuer %s" % name)
        for city in e["pilot_zone_cities"]:
            if city not in vis:
                errs.append("city %s" % city)
        for r in e["repeals"]:
            if squash(r).translate(BR) not in visb:
                errs.append("repeal %s" % r)
        for a in e["attachments"]:
            if squash(a) not in anchors:
                errs.append("attachment %s" % a)
        for fu in e.get("funding", []):
            for key in ("max_amount_yuan", "fund_size_yuan"):
                if fu[key] is not None and not any(f in vis for f in amount_forms(fu[key])):
                    errs.append("funding %s %s" % (key, fu[key]))
            if fu["ratio"] is not None and ("%d%%" % round(fu["ratio"] * 100)) not in vis:
                errs.append("ratio %s" % fu["ratio"])
        if "funding" not in e and ("万元" in "".join(doc["body"]) or "一事一议" in "".join(doc["body"])):
            errs.append("amounts in the main text but no funding label")
        want_decl = {"utf-8": ("utf-8",), "gbk": ("gbk", "gb2312"), "gb18030": ("gb18030",)}[c["encoding"]]
        if declared is not None and declared not in want_decl:
            errs.append("declared charset %s" % declared)
        if errs:
            bad += 1
            print("FAIL", c["file"], errs)
        else:
            print("ok  ", c["file"], "(charset %s, %d bytes)" % (declared, len(raw)))
    print("%d/%d pages ok" % (len(labels) - bad, len(labels)))
    return bad == 0


if __name__ == "__main__":
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)
    build()

"""Write the blind page corpus (run once; the output is frozen and committed, never regenerated).

Written by a helper session that had not read the extractor (parsers/) nor its tests. Each page is
one document of blind_docs.py laid out in one of 18 CMS templates that imitate real Chinese
government / media layouts and that are not among the tuning/untouched templates. Labels come
from the documents (what a reader of the page finds on it), never from an extractor's output.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from blind_docs import DOCS, Doc

HERE = Path(__file__).parent
E = html.escape
CN_DIGITS = "〇一二三四五六七八九"


@dataclass(frozen=True)
class Site:
    host: str
    name: str
    owner: str
    icp: str
    code: str  # 网站标识码


def cn(iso: str, pad: bool = False) -> str:
    y, m, d = iso.split("-")
    return f"{y}年{m}月{d}日" if pad else f"{y}年{int(m)}月{int(d)}日"


def slash(iso: str) -> str:
    return iso.replace("-", "/")


def number_of(doc: Doc) -> str:
    return doc.shown_number if doc.shown_number is not None else (doc.doc_number or "")


def issuer_cell(doc: Doc) -> str:
    return doc.cell_issuer if doc.cell_issuer is not None else " ".join(doc.issuers)


_SIG_RE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日|[〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日)$")


def is_sig(doc: Doc, i: int, p: str) -> bool:
    if _SIG_RE.match(p):
        return True
    return i > 1 and len(p) <= 26 and not p.endswith("：") and not p.startswith(("一、", "二、", "三、", "第"))\
        and ("局" in p or "厅" in p or "部" in p or "政府" in p or "办公室" in p or p.startswith(("部长", "中华人民共和国主席")))


def body(doc: Doc, tag: str = "p", indent: str = "text-indent:2em;", right: str = "text-align:right;",
         center: str = "text-align:center;") -> str:
    out = []
    for i, p in enumerate(doc.paras):
        if i == 0 and doc.doc_number and (p == number_of(doc) or "〔" in p and len(p) < 20):
            st = center
        elif p in ("中华人民共和国财政部令", "中华人民共和国工业和信息化部令", "中华人民共和国主席令") or re.match(r"^第.{1,5}号$", p):
            st = center
        elif p.endswith(("办法", "条例")) and len(p) < 30:
            st = center
        elif is_sig(doc, i, p):
            st = right
        elif p.endswith("：") and len(p) < 80:
            st = ""
        else:
            st = indent
        attr = f' style="{st}"' if st else ""
        out.append(f"<{tag}{attr}>{E(p)}</{tag}>")
    return "\n".join(out)


REL = [("关于印发《2025年度科技创新券实施细则》的通知", "2025-12-30"),
       ("关于公布2025年度高新技术企业认定结果的通知（科发〔2025〕88号）", "2025-12-18"),
       ("科技部关于印发《国家新一代人工智能创新发展试验区建设工作指引（修订版）》的通知", "2020-10-29"),
       ("关于征集2027年度重点研发计划项目指南建议的通知", "2026-11-02"),
       ("政策解读：一图读懂人工智能产业发展若干措施", "2026-03-01")]


def related(cls: str = "related", head: str = "相关文章", n: int = 5) -> str:
    return (f'<div class="{cls}"><h3>{head}</h3><ul>'
            + "".join(f'<li><a href="../202{k}/t2026{k:02d}1{k}_81{k}3{k}.html" title="{E(t)}">{E(t)}</a><span>{d}</span></li>'
                      for k, (t, d) in enumerate(REL[:n], 1)) + "</ul></div>")


def prevnext() -> str:
    return ('<div class="prev-next"><p>上一篇：<a href="./t20260301_8801.html">关于开展2026年度科技计划项目绩效评价工作的通知</a></p>'
            '<p>下一篇：<a href="./t20260402_8802.html">关于印发《人工智能伦理审查办法（试行）》的通知</a></p></div>')


def footer(s: Site, style: str = "div") -> str:
    txt = (f"主办单位：{E(s.owner)}　网站标识码：{s.code}　<a href=\"https://beian.miit.gov.cn\">{s.icp}</a>　"
           f"<img src=\"/images/ga.png\">公网安备 {s.code[:6]}02000{s.code[-3:]}号")
    if style == "table":
        return f'<table width="1000" align="center" class="foot"><tr><td align="center">{txt}<br>版权所有：{E(s.name)}</td></tr></table>'
    return f'<div class="footer"><p>{txt}</p><p>版权所有 &copy; {E(s.name)} 技术支持：信息中心</p></div>'


def att_links(doc: Doc, style: str, s: Site, i: int) -> list[str]:
    links = []
    for k, name in enumerate(doc.attachments, 1):
        ext = name.rsplit(".", 1)[-1]
        href = {
            "p020": f"./P02026{i:02d}{k}{k}3984{k}07{i}.{ext}",
            "downfile": f"/module/download/downfile.jsp?classid=0&filename=2604{i:02d}{k}0931{k}.{ext}",
            "attachment": f"/attachment/7/7{i}{k}2/7{i}{k}28{k}3/9{i}81{k}2.{ext}",
            "upload": f"/uploadfiles/2026/0{k}/2026{i:02d}{k}1510{k}4.{ext}",
            "abs": f"https://{s.host}/xxgk/fj/2026{i:02d}/P0202{i}{k}.{ext}",
            "ucap": f"/module/web/jpage/fileDownload.jsp?fileId=8a8a{i}{k}f1c2&fileName={E(name)}",
        }[style]
        links.append(f'<a href="{E(href)}" target="_blank">{E(name)}</a>')
    return links


def page(charset: str | None, title: str, head: str, bod: str, doctype: str = "<!DOCTYPE html>", lang: str = "") -> str:
    cs = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n' if charset else ""
    la = f' lang="{lang}"' if lang else ""
    return f"{doctype}\n<html{la}>\n<head>\n{cs}<title>{E(title)}</title>\n{head}\n</head>\n<body>\n{bod}\n</body>\n</html>\n"


HTML4 = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">'
XHTML = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')


# ---------------------------------------------------------------- templates
# Each: (doc, site, i) -> (html, shows_attachments, charset label)

def t_mof_html4(doc: Doc, s: Site, i: int) -> str:
    """财政部-like HTML4 page: nested tables, title in td.font_biao1, byline with 2026年03月18日 and a 司 as 来源."""
    atts = att_links(doc, "p020", s, i)
    att = ("<tr><td class=\"fj\" style=\"padding:10px 40px\">附件：<br>" + "<br>".join(
        f"{k}. {a}" for k, a in enumerate(atts, 1)) + "</td></tr>") if atts else ""
    bod = (f'<table width="1002" border="0" cellspacing="0" cellpadding="0" align="center"><tr><td><img src="/images/logo.gif" alt="中华人民共和国财政部"></td></tr>'
           f'<tr><td class="dh">您现在的位置：<a href="/">首页</a>&nbsp;&gt;&nbsp;<a href="../">政策发布</a>&nbsp;&gt;&nbsp;正文</td></tr></table>'
           f'<table width="1002" align="center" cellpadding="0" cellspacing="0"><tr><td width="250" valign="top" class="left">'
           f'<table><tr><td class="lm">政务信息</td></tr><tr><td><a href="/zhengwuxinxi/zhengcefabu/">政策发布</a></td></tr>'
           f'<tr><td><a href="/zhengwuxinxi/caizhengxinwen/">财政新闻</a></td></tr><tr><td><a href="/zhengwuxinxi/zhengcejiedu/">政策解读</a></td></tr></table></td>'
           f'<td width="752" valign="top"><table width="100%">'
           f'<tr><td class="font_biao1" align="center" style="font-size:22px;font-weight:bold;padding:20px 0 10px">{E(doc.title)}</td></tr>'
           f'<tr><td align="center" class="sj" style="color:#666">发布时间：{cn(doc.published, pad=True)}&nbsp;&nbsp;&nbsp;&nbsp;来源：{E(doc.source)}'
           f'&nbsp;&nbsp;【<a href="javascript:window.print()">打印</a>】【<a href="javascript:window.close()">关闭</a>】</td></tr>'
           f'<tr><td class="my_conboxzw" style="padding:10px 40px"><div class="TRS_Editor"><div class="Custom_UnionStyle">{body(doc)}</div></div></td></tr>'
           f'{att}<tr><td>{prevnext()}</td></tr></table></td></tr></table>{footer(s, "table")}')
    return page("utf-8", f"{doc.title}_财政部", '<meta name="keywords" content="财政,预算">', bod, HTML4)


def t_moe_html5(doc: Doc, s: Site, i: int) -> str:
    """教育部-like HTML5: header nav, xxgk table (文号/发文日期/来源), h1, .moe-detail-shuxing, #downloadContent, .ofd links."""
    atts = att_links(doc, "p020", s, i)
    xxgk = (f'<table class="moe-xxgk"><tr><th>发文机关：</th><td>{E(issuer_cell(doc))}</td><th>发文字号：</th><td>{E(number_of(doc))}</td></tr>'
            f'<tr><th>发文日期：</th><td>{cn(doc.written) if doc.written else ""}</td><th>主题分类：</th><td>教育</td></tr></table>')
    att = ('<div class="moe-detail-fj"><p>附件：</p><ul>' + "".join(f"<li>{a}</li>" for a in atts) + "</ul></div>") if atts else ""
    bod = (f'<header class="moe-header"><nav><a href="/">首页</a><a href="/jyb_xxgk/">信息公开</a><a href="/jyb_xwfb/">新闻发布</a></nav></header>'
           f'<div class="moe-position">当前位置：<a href="/">首页</a> &gt; <a href="/srcsite/">公开</a></div>'
           f'<main class="moe-detail-box">{xxgk}<h1>{E(doc.title)}</h1>'
           f'<div class="moe-detail-shuxing">发布时间：{doc.published} <span>来源：{E(doc.source)}</span></div>'
           f'<div class="moe-detail-content"><div class="TRS_Editor" id="downloadContent">{body(doc)}</div></div>{att}'
           f'<div class="moe-share">分享到：<a class="wx">微信</a><a class="wb">微博</a></div></main>'
           f'<aside>{related("moe-related", "相关文件", 3)}</aside>{footer(s)}')
    head = '<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta charset="utf-8">'
    return page(None, f"{doc.title} - 中华人民共和国教育部政府门户网站", head, bod, lang="zh-CN")


def t_hanweb_zoom_table(doc: Doc, s: Site, i: int) -> str:
    """Hanweb JCMS art_ page (GB2312): metadata table 索引号/发布机构/成文日期/发文字号, zoom font controls, #zoom body, downfile.jsp."""
    atts = att_links(doc, "downfile", s, i)
    table = (f'<table class="xxgk_table" width="100%" border="1" cellspacing="0"><tr><td class="t">索引号：</td><td>005184524/2026-{i:05d}</td>'
             f'<td class="t">主题分类：</td><td>科技</td></tr><tr><td class="t">发布机构：</td><td>{E(issuer_cell(doc))}</td>'
             f'<td class="t">成文日期：</td><td>{doc.written or ""}</td></tr><tr><td class="t">发文字号：</td><td>{E(number_of(doc))}</td>'
             f'<td class="t">有效性：</td><td>有效</td></tr><tr><td class="t">名　　称：</td><td colspan="3">{E(doc.title)}</td></tr></table>')
    att = ('<p>附件：</p>' + "".join(f"<p>{a}</p>" for a in atts)) if atts else ""
    bod = (f'<div class="top"><img src="/picture/0/logo.png"></div><div class="dqwz">当前位置：<a href="/">首页</a> &gt;&gt; <a href="/col/col6001/index.html">通知公告</a></div>'
           f'<div class="main">{table}<div class="bt" style="font-size:24px;text-align:center;color:#b00">{E(doc.title)}</div>'
           f'<div class="info">发布日期：{doc.published}　浏览次数：<span id="views">1024</span>　'
           f'【字体：<a href="javascript:doZoom(20)">大</a> <a href="javascript:doZoom(16)">中</a> <a href="javascript:doZoom(14)">小</a>】</div>'
           f'<div id="zoom">{body(doc)}{att}</div>'
           f'<div class="dy"><a href="javascript:window.print()">[打印本页]</a> <a href="javascript:window.close()">[关闭窗口]</a></div></div>'
           f'{related("xgxx", "相关信息", 4)}{footer(s)}')
    return page("gb2312", f"{doc.title} - {s.name}", '<script language="javascript" src="/script/zoom.js"></script>', bod, XHTML)


def t_ucap_content(doc: Doc, s: Site, i: int) -> str:
    """UCAP/开普云: ArticleTitle/PubDate/ContentSource metas, <ucapcontent> body, byline with time and 来源; attachments after body."""
    atts = att_links(doc, "ucap", s, i)
    head = (f'<meta name="SiteName" content="{E(s.name)}">\n<meta name="ColumnName" content="通知公告">\n'
            f'<meta name="ArticleTitle" content="{E(doc.title)}">\n<meta name="PubDate" content="{doc.published} 10:21">\n'
            f'<meta name="ContentSource" content="{E(doc.source)}">')
    att = ('<div class="article-attachments"><b>附件下载：</b>' + "".join(f"<div>{a}</div>" for a in atts) + "</div>") if atts else ""
    bod = (f'<div class="header"><div class="logo">{E(s.name)}</div></div><div class="location">您的位置：首页 &gt; 通知公告</div>'
           f'<div class="article"><div class="article-title"><h2>{E(doc.title)}</h2></div>'
           f'<div class="article-info"><span>时间：{doc.published} 10:21:07</span><span>来源：{E(doc.source)}</span>'
           f'<span>字号：<a>大</a> <a>中</a> <a>小</a></span></div>'
           f'<div class="article-content"><ucapcontent>{body(doc)}</ucapcontent></div>{att}'
           f'<div class="share-box"><span>分享：</span><a class="bds_weixin"></a><a class="bds_tsina"></a></div></div>'
           f'{related("article-related", "相关新闻", 5)}{footer(s)}')
    return page("utf-8", f"{s.name}", head, bod)


def t_ucap_meta_grid(doc: Doc, s: Site, i: int) -> str:
    """政府信息公开 grid (li pairs, two per row); <title> is only the site name; no heading but the 标题 cell and a small .bt div."""
    atts = att_links(doc, "upload", s, i)
    cells = [("索引号", f"1151010000{i:02d}0873/2026-{i:05d}"), ("信息分类", "通知公告"),
             ("发布机构", issuer_cell(doc)), ("生成日期", "2026-11-30"), ("文号", number_of(doc)),
             ("发布日期", doc.published), ("标题", doc.title), ("有效性", "有效")]
    grid = '<div class="xxgk_top"><ul>' + "".join(f"<li><b>{k}：</b><span>{E(v)}</span></li>" for k, v in cells) + "</ul></div>"
    att = ('<div class="zwgk_fj"><p>附件：</p>' + "".join(f"<p>{a}</p>" for a in atts) + "</div>") if atts else ""
    bod = (f'<div class="head">{E(s.name)}</div><div class="crumb">首页 / 政务公开 / 通知公告</div>{grid}'
           f'<div class="zwgk_content" id="NewsContent"><div class="bt">{E(doc.title)}</div>{body(doc)}</div>{att}'
           f'<div class="ewm">扫一扫在手机打开当前页</div>{footer(s)}')
    return page("utf-8", s.name, '<meta name="Keywords" content="成都,科技">', bod)


def t_jsp_nocharset(doc: Doc, s: Site, i: int) -> str:
    """JSP view page served as GBK with no charset declaration at all; title in a table cell; 二〇二六 dates under signatures."""
    atts = att_links(doc, "abs", s, i)
    att = ('<tr><td class="fj">' + "".join(f"附件{k}：{a}<br>" for k, a in enumerate(atts, 1)) + "</td></tr>") if atts else ""
    bod = (f'<table width="980" align="center" cellpadding="0" cellspacing="0"><tr><td height="120" background="/images/top.jpg"></td></tr>'
           f'<tr><td class="weizhi">当前位置：首页 &gt;&gt; 通知公告 &gt;&gt; 详细内容</td></tr></table>'
           f'<table width="980" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">'
           f'<tr><td class="title" align="center" style="font-size:20px;font-weight:bold;color:#0b4e9c;line-height:40px">{E(doc.title)}</td></tr>'
           f'<tr><td align="center" style="border-bottom:1px dashed #ccc">来源：{E(doc.source)}　　发布时间：{slash(doc.published)}　　'
           f'阅读次数：<font color="red">318</font></td></tr>'
           f'<tr><td class="content" style="font-size:16px;line-height:30px;padding:15px">{body(doc, indent="text-indent:32px;")}</td></tr>'
           f'{att}<tr><td align="right"><a href="#" onclick="window.print()">打印</a> | <a href="#" onclick="window.close()">关闭</a></td></tr></table>'
           f'{footer(s, "table")}')
    return page(None, f"{s.name}", '<meta name="robots" content="index,follow">', bod, HTML4)


def t_hanweb_old_jinan(doc: Doc, s: Site, i: int) -> str:
    """Older Hanweb portal (GB2312 label, GBK bytes): <title> site only, title in td.title, 2026/03/18 date, #zoom inside a td."""
    atts = att_links(doc, "downfile", s, i)
    att = ("附件：" + "&nbsp;".join(atts)) if atts else ""
    side = "".join(f'<tr><td><a href="/col/col{k}/index.html">{t}</a></td></tr>' for k, t in
                   enumerate(["政府文件", "部门文件", "政策解读", "济南要闻", "部门动态", "区县动态"], 24))
    bod = (f'<table width="100%" class="top"><tr><td><img src="/images/jnlogo.png" alt="{E(s.name)}"></td></tr></table>'
           f'<table width="1100" align="center"><tr><td width="220" valign="top"><table class="lm">{side}</table></td><td valign="top">'
           f'<table width="100%" class="bt"><tr><td class="title" align="center"><strong style="font-size:22px">{E(doc.title)}</strong></td></tr>'
           f'<tr><td align="center" class="info">发布日期：{slash(doc.published)}&nbsp;&nbsp;信息来源：{E(doc.source)}&nbsp;&nbsp;'
           f'【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</td></tr>'
           f'<tr><td><div id="zoom" style="font-size:16px;line-height:32px">{body(doc)}</div></td></tr><tr><td class="fj">{att}</td></tr>'
           f'<tr><td align="right" class="bj">（责任编辑：刘堃）</td></tr></table></td></tr></table>{footer(s, "table")}')
    return page("gb2312", s.name, "", bod, HTML4)  # GB2312 label, GBK bytes (堃 is outside GB2312)


def t_trs_editor_view(doc: Doc, s: Site, i: int) -> str:
    """TRS district page: hidden meta PubDate (generation time), visible 发布日期, div.trs_editor_view body, bdshare, .fjdown list."""
    atts = att_links(doc, "p020", s, i)
    head = (f'<meta name="ArticleTitle" content="{E(doc.title)}">\n<meta name="PubDate" content="2026-12-01 03:12">\n'
            f'<meta name="ContentSource" content="{E(doc.source)}">\n<meta name="ColumnName" content="通知公告">')
    att = ('<div class="fjdown"><h5>附件下载：</h5><ul>' + "".join(f"<li>{a}</li>" for a in atts) + "</ul></div>") if atts else ""
    bod = (f'<div class="top-bar">{E(s.name)} | 无障碍 | 长者模式</div><div class="nav-wrap"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/zwxx/">政务信息</a></div>'
           f'<div class="bread">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>'
           f'<div class="detail"><p class="tit">{E(doc.title)}</p><div class="msg"><span>发布日期：{doc.published}</span>'
           f'<span>来源：{E(doc.source)}</span><span class="bdsharebuttonbox">分享：<a class="bds_weixin"></a></span></div>'
           f'<div class="trs_editor_view TRS_UEDITOR trs_paper_default trs_web">{body(doc)}</div>{att}</div>'
           f'{prevnext()}{related("xgwz", "相关文章", 4)}{footer(s)}')
    return page("utf-8", f"{doc.title}_{s.name}", head, bod)


def t_gkmlpt_hp(doc: Doc, s: Site, i: int) -> str:
    """Guangdong 集约化 front: 'introduce' grid with labels in <label>, h1.title, .article-content, /attachment/7/ links."""
    atts = att_links(doc, "attachment", s, i)
    rows = [("索引号", f"11440112MB2D{i:02d}8/2026-{i:06d}"), ("分类", "综合政务"), ("发布机构", issuer_cell(doc)),
            ("成文日期", doc.written or ""), ("名称", doc.title), ("文号", number_of(doc)), ("发布日期", doc.published)]
    grid = '<div class="introduce"><div class="row">' + "".join(
        f'<div class="item"><label>{k}：</label><span>{E(v)}</span></div>' for k, v in rows) + "</div></div>"
    att = ('<div class="attachment"><p>附件：</p>' + "".join(f"<p>{a}</p>" for a in atts) + "</div>") if atts else ""
    bod = (f'<div class="gd-header">{E(s.name)}</div><div class="crumbs">首页 &gt; 政务公开 &gt; 政策文件</div>'
           f'<div class="content">{grid}<h1 class="title">{E(doc.title)}</h1><div class="date-row">'
           f'发布日期：{doc.published}　来源：{E(doc.source)}　<a href="javascript:window.print()">打印</a></div>'
           f'<div class="article-content">{body(doc)}</div>{att}</div>'
           f'<div class="relevant"><h4>相关政策解读</h4><a href="/zwgk/zcjd/content/post_99{i}.html">图解：{E(doc.title[:18])}……</a></div>{footer(s)}')
    return page("utf-8", f"{doc.title} - {s.name}", '<meta name="viewport" content="width=device-width">', bod)


def t_wuhan_portal(doc: Doc, s: Site, i: int) -> str:
    """Municipal portal xxgk page: th/td metadata table (4 columns), h2, .article-content .view.TRS_UEDITOR, .shtml attachments area."""
    atts = att_links(doc, "p020", s, i)
    table = (f'<table class="table xxgk"><tr><th>索引号</th><td>MB1957{i:03d}/2026-{i:04d}</td><th>主题分类</th><td>工业、交通</td></tr>'
             f'<tr><th>发布机构</th><td>{E(issuer_cell(doc))}</td><th>发布日期</th><td>{cn(doc.published)}</td></tr>'
             f'<tr><th>文　　号</th><td>{E(number_of(doc))}</td><th>有效性</th><td>有效</td></tr>'
             f'<tr><th>标　　题</th><td colspan="3">{E(doc.title)}</td></tr></table>')
    att = ('<div class="fujian">相关附件：' + "".join(f"<p>{a}</p>" for a in atts) + "</div>") if atts else ""
    bod = (f'<div class="wh-head"><a href="/">武汉市人民政府门户网站</a></div><div class="position">当前位置：首页 &gt; 政务公开 &gt; 政策文件</div>'
           f'{table}<div class="article"><h2>{E(doc.title)}</h2>'
           f'<div class="article-content"><div class="view TRS_UEDITOR trs_paper_default trs_web">{body(doc)}</div></div>{att}</div>'
           f'<div class="zcjd"><a href="/zwgk/zcjd/">【政策解读】</a></div>{footer(s)}')
    return page("utf-8", f"{doc.title}_政策文件_{s.name}", '<meta name="SiteName" content="武汉市人民政府门户网站">', bod)


def t_people_gbk(doc: Doc, s: Site, i: int) -> str:
    """人民网-style news (GB2312): h1, '2026年03月18日09:12 来源：人民网－科技频道' line, .rm_txt_con, 责编, share."""
    bod = (f'<div class="pd_head"><a href="http://www.people.com.cn/">人民网</a> &gt;&gt; <a href="/">科技</a></div>'
           f'<div class="layout rm_txt cf"><div class="col col-1 fl"><h3 class="pre"></h3><h1>{E(doc.title)}</h1>'
           f'<div class="col-1-1 fl">{cn(doc.published, pad=True)}09:12 | 来源：<a href="http://scitech.people.com.cn/">人民网－科技频道</a></div>'
           f'<div class="rm_txt_con cf">{body(doc, indent="")}'
           f'<p style="text-align:center"><img src="/NMediaFile/2026/pic.jpg"></p></div>'
           f'<div class="edit cf">（责编：王小明、李华）</div><div class="share">分享让更多人看到</div></div>'
           f'<div class="col col-2 fr"><div class="hot"><h2>热点推荐</h2><ul><li><a href="/n1/2026/0301/c1007-401.html">工业和信息化部关于公布国家人工智能创新应用先导区名单的通知</a></li>'
           f'<li><a href="/n1/2026/0302/c1007-402.html">国务院关于印发新一代人工智能发展规划的通知</a></li></ul></div></div></div>'
           f'<div class="foot">人民网版权所有，未经书面授权禁止使用 Copyright &copy; 1997-2026 by www.people.com.cn. all rights reserved</div>')
    return page("GB2312", f"{doc.title}--科技--人民网", '<meta name="keywords" content="人工智能">', bod, XHTML)


def t_xinhua_spans(doc: Doc, s: Site, i: int) -> str:
    """新华网-style HTML5: date split over spans (year / month/day / time), .source line, #detail body; <title> has no suffix."""
    y, m, d = doc.published.split("-")
    bod = (f'<div class="header"><a href="/">新华网</a></div><div class="main clearfix"><div class="head-line clearfix">'
           f'<h1><span class="title">{E(doc.title)}</span></h1>'
           f'<div class="header-time left"><span class="year"><em> {y}</em></span><span class="day"><em> {m}</em>/<em>{d}</em></span>'
           f'<span class="time"> 10:46:22</span></div><div class="source">来源：新华网</div>'
           f'<div class="fontsize">【字体：大 中 小】</div></div>'
           f'<div id="detail"><span id="detailContent">{body(doc, indent="")}</span></div>'
           f'<div class="editor">【责任编辑：张三】</div></div>'
           f'<div class="recommend"><h4>相关阅读</h4><ul><li><a href="/20260101/a.html">中华人民共和国主席令（第五十号）</a></li>'
           f'<li><a href="/20260102/b.html">国务院关于深入实施“人工智能+”行动的意见</a></li></ul></div>'
           f'<div class="foot">Copyright &copy; 2000-2026 XINHUANET.com All Rights Reserved. 制作单位：新华网股份有限公司</div>')
    return page(None, doc.title, '<meta charset="utf-8">\n<meta name="description" content="新华网">', bod, lang="zh-CN")


def t_county_nocharset(doc: Doc, s: Site, i: int) -> str:
    """County site (GBK bytes, no charset meta): <center>-less table layout, font tags, 发布时间 in a marquee-like row, .doc/.wps links."""
    atts = att_links(doc, "upload", s, i)
    att = ("<p>附件下载：</p>" + "".join(f"<p>{a}</p>" for a in atts)) if atts else ""
    bod = (f'<div id="top" style="width:1000px;margin:0 auto"><img src="/images/banner.jpg" alt="{E(s.name)}"></div>'
           f'<div style="width:1000px;margin:0 auto;background:#fff"><div style="padding:8px;border-bottom:1px solid #ddd">'
           f'您当前的位置：<a href="/">网站首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/tzgg/">通知公告</a></div>'
           f'<div style="text-align:center;padding:20px 0"><font face="微软雅黑" size="5" color="#003399">{E(doc.title)}</font></div>'
           f'<div style="text-align:center;color:#888;font-size:12px">时间：{doc.published} 09:00:00 &nbsp; 来源：{E(doc.source)} &nbsp; 作者：县政务服务中心 &nbsp; 点击：<span>57</span></div>'
           f'<div style="padding:20px 50px;font-size:16px;line-height:2">{body(doc)}{att}</div>'
           f'<div style="text-align:right;padding:10px"><a href="javascript:window.print()">【打印】</a><a href="javascript:window.close()">【关闭】</a></div></div>'
           f'{footer(s)}')
    return page(None, f"{s.name}", "", bod, HTML4)


def t_inline_styles(doc: Doc, s: Site, i: int) -> str:
    """District page full of inline styles (charset=gbk): p-styled heading, grey date line, line-height div, .wps attachments."""
    atts = att_links(doc, "downfile", s, i)
    att = ('<div style="margin-top:20px;border-top:1px dotted #999">' + "".join(f'<p style="margin:4px 0">附件：{a}</p>' for a in atts) + "</div>") if atts else ""
    bod = (f'<div style="width:1200px;margin:0 auto"><div style="height:90px;background:#1a5aa6;color:#fff;font-size:28px">{E(s.name)}</div>'
           f'<div style="float:left;width:260px">{related("sidebar", "浑南要闻", 4)}</div><div style="float:right;width:900px">'
           f'<p style="font-size:24px;font-weight:bold;text-align:center;margin:30px 0 12px;color:#222">{E(doc.title)}</p>'
           f'<p style="text-align:center;color:#999;font-size:13px">{cn(doc.published)}&nbsp;&nbsp;&nbsp;来源：{E(doc.source)}</p>'
           f'<hr style="border:0;border-top:1px solid #e5e5e5">'
           f'<div style="line-height:2em;font-size:16px;font-family:仿宋_GB2312">{body(doc)}</div>{att}</div>'
           f'<div style="clear:both"></div></div>{footer(s)}')
    return page("gbk", f"{doc.title}-{s.name}", "", bod, XHTML)


def t_xxgk_gendate(doc: Doc, s: Site, i: int) -> str:
    """District xxgk page whose table shows 生成日期 and 公开日期 (not 发布日期); <title> 'title | site'; body .TRS_Editor; .pdf via abs links."""
    atts = att_links(doc, "abs", s, i)
    table = (f'<table class="xxgk-info" cellpadding="0" cellspacing="0"><tr><td class="t1">信息索引号：</td><td>43010400{i:02d}/2026-{i:05d}</td>'
             f'<td class="t1">生成日期：</td><td>2026-11-28</td></tr><tr><td class="t1">发文机关：</td><td>{E(issuer_cell(doc))}</td>'
             f'<td class="t1">公开日期：</td><td>{doc.published}</td></tr><tr><td class="t1">文　　号：</td><td>{E(number_of(doc))}</td>'
             f'<td class="t1">公开方式：</td><td>主动公开</td></tr><tr><td class="t1">内容概述：</td><td colspan="3">{E(doc.title)}</td></tr></table>')
    att = ('<div class="fj"><strong>附件：</strong>' + "".join(f'<div>{a}</div>' for a in atts) + "</div>") if atts else ""
    bod = (f'<div class="head"><span class="site">{E(s.name)}</span></div><div class="location">当前位置：首页 &gt; 政府信息公开 &gt; 法定主动公开内容</div>'
           f'{table}<div class="detail-box"><h3 class="detail-title">{E(doc.title).replace("关于印发", "关于印发<br>", 1)}</h3>'
           f'<div class="TRS_Editor">{body(doc)}</div>{att}</div>{related("xgxx", "相关信息", 3)}{footer(s)}')
    return page("utf-8", f"{doc.title} | {s.name}", "", bod)


def t_stdaily_news(doc: Doc, s: Site, i: int) -> str:
    """科技日报-like HTML5 news: h1.title, '2026-03-18 08:20 | 来源：科技日报 | 作者：…', article body, long hot list of doc-like titles."""
    hot = ["科技部关于支持苏州建设国家新一代人工智能创新发展试验区的函", "国家新一代人工智能创新发展试验区建设工作指引（修订版）",
           "工业和信息化部关于支持济南市创建国家人工智能创新应用先导区的函", "关于开展2026年度国家科技奖励提名工作的通知"]
    bod = (f'<header class="top"><a href="/">中国科技网</a><nav><a>首页</a><a>要闻</a><a>区域</a><a>政策</a></nav></header>'
           f'<div class="container"><article class="content"><h1 class="title">{E(doc.title)}</h1>'
           f'<div class="info">{doc.published} 08:20 | 来源：{E(doc.source)} | 作者：记者 刘垠</div>'
           f'<div class="article-body">{body(doc, indent="")}</div><p class="editor">责任编辑：赵乐</p></article>'
           f'<aside class="hot"><h3>热点排行</h3><ol>' + "".join(f'<li><a href="/2026/x{k}.shtml">{E(t)}</a></li>' for k, t in enumerate(hot))
           + f'</ol></aside></div>{footer(s)}')
    return page(None, f"{doc.title}-中国科技网", '<meta charset="UTF-8">\n<meta property="og:type" content="article">', bod, lang="zh")


def t_snd_ucap_dl(doc: Doc, s: Site, i: int) -> str:
    """High-tech zone UCAP page: dl metadata (发文单位/文号/发布时间), div.xl_tit, div.xl_con; 32-hex url; attachments in a ul."""
    atts = att_links(doc, "upload", s, i)
    dl = (f'<dl class="xl_meta"><dt>发文单位：</dt><dd>{E(issuer_cell(doc))}</dd><dt>文　　号：</dt><dd>{E(number_of(doc) or "—")}</dd>'
          f'<dt>发布时间：</dt><dd>{cn(doc.published)}</dd><dt>浏览量：</dt><dd>206</dd></dl>')
    att = ('<ul class="xl_fj">' + "".join(f"<li>{a}</li>" for a in atts) + "</ul>") if atts else ""
    bod = (f'<div class="snd-top">{E(s.name)}</div><div class="dqwz">首页 &gt; 政务公开 &gt; 文件转发</div>'
           f'<div class="xl"><div class="xl_tit">{E(doc.title)}</div>{dl}<div class="xl_con">{body(doc)}</div>{att}'
           f'<div class="xl_btn"><a onclick="window.print()">打印本页</a> <a onclick="window.close()">关闭窗口</a></div></div>{footer(s)}')
    return page("UTF-8", f"{s.name}-{doc.title}", "", bod)


def t_meta_gb18030(doc: Doc, s: Site, i: int) -> str:
    """Bureau page declared GB18030: ArticleTitle/PubDate/ContentSource metas, heading in .article_title div, '发布时间：… 来源：…'."""
    atts = att_links(doc, "abs", s, i)
    head = (f'<meta name="ArticleTitle" content="{E(doc.title)}">\n<meta name="PubDate" content="{doc.published} 11:05">\n'
            f'<meta name="ContentSource" content="{E(doc.source)}">')
    att = ('<div class="article_fj">附件：' + "　".join(atts) + "</div>") if atts else ""
    bod = (f'<div class="xa-top">{E(s.name)}</div><div class="pos">您现在的位置：首页 &gt; 通知公告</div>'
           f'<div class="article_title">{E(doc.title)}</div>'
           f'<div class="article_info">发布时间：{doc.published} 11:05　来源：{E(doc.source)}　<a href="#" onclick="window.print()">【打印】</a></div>'
           f'<div class="article_body">{body(doc)}</div>{att}{prevnext()}{footer(s)}')
    return page("gb18030", f"{doc.title}－{s.name}", head, bod)


TEMPLATES: dict[str, tuple[Callable[[Doc, Site, int], str], str, Site, list[str]]] = {
    # name: (function, byte codec, site, documents)
    "mof_html4": (t_mof_html4, "utf-8", Site("www.mof.gov.cn", "中华人民共和国财政部", "中华人民共和国财政部", "京ICP备05002860号", "bm14000001"),
                  ["mof_joint_repeal", "mof_budget", "mof_order"]),
    "moe_html5": (t_moe_html5, "utf-8", Site("www.moe.gov.cn", "中华人民共和国教育部", "中华人民共和国教育部", "京ICP备10028400号", "bm05000001"),
                  ["moe_reply", "moe_notice", "president_order"]),
    "hanweb_zoom_table": (t_hanweb_zoom_table, "gbk", Site("kjt.henan.gov.cn", "河南省科学技术厅", "河南省科学技术厅", "豫ICP备05003568号", "4100000049"),
                          ["henan_call", "henan_repost_most", "most_letter_changsha", "most_monitoring"]),
    "ucap_content": (t_ucap_content, "utf-8", Site("gxt.hlj.gov.cn", "黑龙江省工业和信息化厅", "黑龙江省工业和信息化厅", "黑ICP备05001996号", "2300000031"),
                     ["hlj_sig_only", "hlj_repost_reply", "news_zz_sy_hrb", "miit_order"]),
    "ucap_meta_grid": (t_ucap_meta_grid, "utf-8", Site("cdst.chengdu.gov.cn", "成都市科学技术局", "成都市科学技术局", "蜀ICP备05003214号", "5101000019"),
                       ["cd_call_zi", "cd_reply", "cd_news_chain", "miit_pilot_list"]),
    "jsp_nocharset": (t_jsp_nocharset, "gbk", Site("kjt.shaanxi.gov.cn", "陕西省科学技术厅", "陕西省科学技术厅", "陕ICP备05001580号", "6100000039"),
                      ["shaanxi_rule", "shaanxi_notice", "most_monitoring", "most_letter_shenyang"]),
    "hanweb_old_jinan": (t_hanweb_old_jinan, "gbk", Site("www.jinan.gov.cn", "济南市人民政府", "济南市人民政府办公厅", "鲁ICP备05001768号", "3701000002"),
                         ["jinan_plan", "news_jinan_approval", "most_letter_jinan", "miit_pilot_list"]),
    "trs_editor_view": (t_trs_editor_view, "utf-8", Site("www.cqjb.gov.cn", "重庆市江北区人民政府", "重庆市江北区人民政府办公室", "渝ICP备05003300号", "5001050001"),
                        ["cq_forward", "news_gz_wh", "most_letter_suzhou", "zz_request"]),
    "gkmlpt_hp": (t_gkmlpt_hp, "utf-8", Site("www.hp.gov.cn", "广州市黄埔区人民政府门户网站", "广州市黄埔区人民政府办公室", "粤ICP备2020080777号", "4401120001"),
                  ["gz_joint", "news_gz_wh", "most_monitoring", "mof_budget"]),
    "wuhan_portal": (t_wuhan_portal, "utf-8", Site("www.wuhan.gov.cn", "武汉市人民政府门户网站", "武汉市人民政府办公厅", "鄂ICP备05003325号", "4201000003"),
                     ["wh_rules", "most_letter_wuhan", "ndrc_wh_letter", "news_gz_wh"]),
    "people_gbk": (t_people_gbk, "gbk", Site("scitech.people.com.cn", "人民网", "人民网股份有限公司", "京ICP证000006号", "0000000000"),
                   ["news_zz_sy_hrb", "news_changsha_approval", "stdaily_eval", "president_order"]),
    "xinhua_spans": (t_xinhua_spans, "utf-8", Site("www.news.cn", "新华网", "新华网股份有限公司", "京ICP证010042号", "0000000001"),
                     ["president_order", "news_gz_wh", "stdaily_eval", "mof_order"]),
    "county_nocharset": (t_county_nocharset, "gbk", Site("www.csx.gov.cn", "长沙县人民政府", "长沙县人民政府办公室", "湘ICP备05001988号", "4301210001"),
                         ["csx_opinion", "news_changsha_approval", "yuelu_plan", "most_letter_changsha"]),
    "inline_styles": (t_inline_styles, "gbk", Site("www.hunnan.gov.cn", "沈阳市浑南区人民政府", "沈阳市浑南区人民政府办公室", "辽ICP备05012345号", "2101120001"),
                      ["hunnan_policy", "hunnan_news", "most_letter_shenyang", "ln_ftz"]),
    "xxgk_gendate": (t_xxgk_gendate, "utf-8", Site("www.yuelu.gov.cn", "长沙市岳麓区人民政府", "长沙市岳麓区人民政府办公室", "湘ICP备05002233号", "4301040001"),
                     ["yuelu_plan", "most_letter_changsha", "news_changsha_approval", "miit_pilot_list"]),
    "stdaily_news": (t_stdaily_news, "utf-8", Site("www.stdaily.com", "中国科技网", "科技日报社", "京ICP备06005116号", "0000000002"),
                     ["stdaily_eval", "news_zz_sy_hrb", "cd_news_chain", "news_jinan_approval"]),
    "snd_ucap_dl": (t_snd_ucap_dl, "utf-8", Site("www.snd.gov.cn", "苏州高新区（虎丘区）", "苏州高新区管委会", "苏ICP备05008888号", "3205050001"),
                    ["sz_joint_guizi", "most_letter_suzhou", "mof_joint_repeal"]),
    "meta_gb18030": (t_meta_gb18030, "gbk", Site("gxj.xa.gov.cn", "西安市工业和信息化局", "西安市工业和信息化局", "陕ICP备05002255号", "6101000031"),
                     ["xa_byline_only", "miit_order", "miit_pilot_list", "shaanxi_notice"]),
}

_NUM_SUFFIX = {"hanweb_zoom_table": "art", "hanweb_old_jinan": "art", "gkmlpt_hp": "gkmlpt", "snd_ucap_dl": "hex",
               "ucap_meta_grid": "hex", "ucap_content": "hex", "jsp_nocharset": "jsp"}


def url_of(name: str, s: Site, i: int) -> str:
    kind = _NUM_SUFFIX.get(name)
    if kind == "art":
        return f"https://{s.host}/art/2026/{i % 12 + 1}/{i % 27 + 1}/art_{30 + i}21_{5890000 + i * 113}.html"
    if kind == "gkmlpt":
        return f"https://{s.host}/gkmlpt/content/10/10{i:02d}/post_10{i:02d}4{i}8.html"
    if kind == "hex":
        return f"https://{s.host}/zwgk/tzgg/2026{i % 12 + 1:02d}/{i:02d}f3a9c1d24e8b7a6c5d4e3f2a1b0c{i:02d}a.shtml"
    if kind == "jsp":
        return f"https://{s.host}/view/viewInfo.jsp?id={31000 + i}&cat_id=221"
    return f"https://{s.host}/xxgk/tzgg/2026{i % 12 + 1:02d}/t2026{i % 12 + 1:02d}{i % 27 + 1:02d}_{7700000 + i * 91}.html"


def expected(doc: Doc, shows_atts: bool) -> dict[str, object]:
    exp: dict[str, object] = {
        "title": doc.title, "doc_number": doc.doc_number, "issuers": doc.issuers,
        "written_date": doc.written, "published_date": doc.published,
        "pilot_zone_cities": doc.zones, "repeals": doc.repeals,
        "attachments": doc.attachments if shows_atts else [],
    }
    if doc.funding is not None:
        exp["funding"] = doc.funding
    return exp


NO_ATT = ("people_gbk", "xinhua_spans", "stdaily_news")  # templates without an attachment area


def declared(text: str) -> str:
    m = re.search(r'charset=["\']?([A-Za-z0-9_-]+)', text[:800])
    return m.group(1).lower() if m else "none"


def main() -> None:
    cases = []
    i = 0
    for name, (fn, codec, site, keys) in TEMPLATES.items():
        for key in keys:
            i += 1
            doc = DOCS[key]
            text = fn(doc, site, i)
            file = f"{name}__{key}.html"
            data = text.encode(codec)  # strict: a GBK page holds only GBK characters
            (HERE / file).write_bytes(data)
            shows = name not in NO_ATT and bool(doc.attachments)
            dec = declared(text)
            enc = dec if dec != "none" else codec  # undeclared: the bytes' real encoding
            cases.append({"id": f"{name}__{key}", "file": file, "url": url_of(name, site, i), "template": name,
                          "host": site.host, "encoding": enc, "expected": expected(doc, shows)})
    (HERE / "labels.json").write_text(json.dumps({"cases": cases}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(len(cases), "pages", len(TEMPLATES), "templates",
          sum(1 for c in cases if not c["encoding"].startswith("utf")), "GB-family pages")


if __name__ == "__main__":
    main()

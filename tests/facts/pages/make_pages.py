"""Write the page corpus: every document of docs.py laid out in several CMS templates, as raw bytes.

Run once (``python tests/facts/pages/make_pages.py``) to create ``tuning/`` and ``untouched/``; the
output is then frozen and committed, and this script is kept only to show how the pages were made.
Labels are written from the documents (docs.py), never from the extractor's output: each page's
``expected`` is what a reader of that page finds on it.

Templates imitate the structures of real government CMSs (TRS WCM, Hanweb JCMS, gkmlpt, Nanwei,
Dayu/Jiuzhou, Wordpress-like news CMSs, table layouts from 2000s portals): their chrome (navigation,
breadcrumbs, related lists, footers with the site owner), metadata blocks (tables, ``ul`` rows,
``dl``, divs), bylines, title forms (``…_栏目_站点``, ``… - 站点``, ``<title>`` that is only the site
name) and attachment links (relative ``./P0…pdf``, ``downfile.jsp?…filename=``, ``files/【12号】…``,
lists outside the body container).
"""

from __future__ import annotations

import html
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from docs import DOCS, Doc

HERE = Path(__file__).parent
E = html.escape


@dataclass(frozen=True)
class Site:
    host: str
    name: str  # the site name (in <title> suffixes and footers)
    owner: str  # 主办单位: the reposting site's owner, never the issuer of a reposted text
    column: str


def _date_cn(iso: str) -> str:
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def _paras(doc: Doc, tag: str = "p", style: str = "") -> str:
    attr = f' style="{style}"' if style else ""
    return "\n".join(f"<{tag}{attr}>{E(p)}</{tag}>" for p in doc.paras)


def _nav(site: Site, n: int = 8) -> str:
    items = ["首页", "机构概况", "政务公开", "政策文件", "政策解读", "办事服务", "互动交流", "专题专栏", "数据发布"][:n]
    return '<div class="nav"><ul>' + "".join(f'<li><a href="/{i}/">{E(t)}</a></li>' for i, t in enumerate(items)) + "</ul></div>"


def _related(site: Site) -> str:
    rel = ["关于开展2026年度科技型中小企业评价工作的通知", "关于征集2026年度重点研发计划项目指南建议的通知",
           "关于公布2025年度创新平台绩效评价结果的通知", "关于举办人工智能产业对接会的通知",
           "关于2026年度科技奖励提名工作的通知"]
    return ('<div class="related"><h3>相关文章</h3><ul>'
            + "".join(f'<li><a href="/xw/{i}.html">{E(t)}</a><span>2026-0{i + 1}-1{i}</span></li>'
                      for i, t in enumerate(rel)) + "</ul></div>")


def _footer(site: Site) -> str:
    return (f'<div class="footer"><p>主办单位:{E(site.owner)} 承办:{E(site.owner)}信息中心</p>'
            f'<p>网站标识码:3301000012 备案号:浙ICP备05012345号</p><p>版权所有 {E(site.name)}</p></div>')


def _atts(doc: Doc, style: str, base: str) -> str:
    links = []
    for i, name in enumerate(doc.attachments, 1):
        ext = name.rsplit(".", 1)[-1]
        href = {
            "relative": f"./P02026031{i}58304{i}1234.{ext}",
            "downfile": f"/module/download/downfile.jsp?classid=0&filename=202603{i}1a2b3c.{ext}",
            "bracket": f"files/【{i}号】{name}",
            "absolute": f"https://{base}/attach/0/{i}a9f3c2.{ext}",
        }[style]
        links.append(f'<a href="{E(href)}">{E(name)}</a>')
    return "<br/>".join(links)


def _meta(doc: Doc, pubdate: str | None = None, og: bool = False, article_title: bool = True) -> str:
    out = []
    if article_title:
        out.append(f'<meta name="ArticleTitle" content="{E(doc.title)}">')
    if pubdate:
        out.append(f'<meta name="PubDate" content="{pubdate}">')
    if og:
        out.append(f'<meta property="og:title" content="{E(doc.title)}">')
    return "\n".join(out)


def _page(charset: str, title: str, head: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={charset}">\n'
            f"<title>{E(title)}</title>\n{head}\n</head>\n<body>\n{body}\n</body>\n</html>\n")


def _issuer_text(doc: Doc) -> str:
    """What a 发布机构 / 发文机关 cell shows: the issuers (empty for news; a media outlet issues nothing)."""
    return " ".join(doc.issuers)


# ---------------------------------------------------------------- templates
# Each returns the page's HTML for one document on one site. The structures differ in where the
# title, number, dates, issuer and attachments are shown; the label of every page is the same
# document-level truth, because every template shows it somewhere a reader sees it.


def t_trs_ministry(doc: Doc, s: Site) -> str:
    """TRS WCM ministry page: metadata table above a .TRS_Editor body; <title> 'title_column_site'."""
    table = (f'<table class="xxgk_table"><tr><td>索 引 号:</td><td>000014349/2026-00{len(doc.key)}</td>'
             f'<td>主题分类:</td><td>科技</td></tr><tr><td>发文机关:</td><td>{E(_issuer_text(doc))}</td>'
             f'<td>成文日期:</td><td>{_date_cn(doc.written) if doc.written else ""}</td></tr>'
             f'<tr><td>标　　题:</td><td colspan="3">{E(doc.title)}</td></tr>'
             f'<tr><td>发文字号:</td><td>{E(doc.doc_number or "")}</td><td>发布日期:</td><td>{_date_cn(doc.published)}</td></tr></table>')
    body = (f'{_nav(s)}<div class="bread">当前位置:<a href="/">首页</a> &gt; {E(s.column)}</div>{table}'
            f'<div class="pages_content"><div class="TRS_Editor">{_paras(doc)}</div>'
            f'<div class="fj">附件:{_atts(doc, "relative", s.host)}</div></div>{_related(s)}{_footer(s)}')
    return _page("utf-8", f"{doc.title}_{s.column}_{s.name}", _meta(doc, doc.published + " 09:30"), body)


def t_govcn_policy(doc: Doc, s: Site) -> str:
    """gov.cn 政策文件库: metadata table with the title cell, body in #UCAP-CONTENT; <title> suffixed twice."""
    table = (f'<table class="bd1"><tr><td><b>索 引 号:</b></td><td>000014349/2026-0021{len(doc.paras)}</td>'
             f'<td><b>主题分类:</b></td><td>科技、教育\\科技</td></tr>'
             f'<tr><td><b>发文机关:</b></td><td>{E(_issuer_text(doc))}</td><td><b>成文日期:</b></td><td>{_date_cn(doc.written) if doc.written else ""}</td></tr>'
             f'<tr><td><b>标　　题:</b></td><td colspan="3">{E(doc.title)}</td></tr>'
             f'<tr><td><b>发文字号:</b></td><td>{E(doc.doc_number or "")}</td><td><b>发布日期:</b></td><td>{_date_cn(doc.published)}</td></tr></table>')
    body = (f'{_nav(s, 5)}{table}<div class="pages_content" id="UCAP-CONTENT">{_paras(doc, style="text-indent: 2em;")}</div>'
            f'<div class="attach">{_atts(doc, "absolute", s.host)}</div>{_footer(s)}')
    return _page("utf-8", f"{doc.title}_国务院部门文件_中国政府网", _meta(doc, None), body)


def t_hanweb_province(doc: Doc, s: Site) -> str:
    """Hanweb JCMS province department: <title> 'title - site', byline with 发布时间/来源, #zoom body, GB2312."""
    byline = f'<div class="info"><span>发布时间:{doc.published} 10:00</span> <span>来源:{E(doc.source or s.owner)}</span> <span>浏览次数:<script>document.write(12)</script></span></div>'
    body = (f'{_nav(s)}<div class="main"><div class="title"><h2>{E(doc.title)}</h2></div>{byline}'
            f'<div id="zoom">{_paras(doc)}{_atts(doc, "downfile", s.host)}</div></div>{_related(s)}{_footer(s)}')
    return _page("gb2312", f"{doc.title} - {s.name}", "", body)


def t_gkmlpt(doc: Doc, s: Site) -> str:
    """Guangdong gkmlpt detail page: classify table in a div, body .article-content; <title> only the site name."""
    rows = [("索引号", f"007482532/2026-0{len(doc.title)}"), ("分类", "科技"), ("发布机构", _issuer_text(doc)),
            ("成文日期", doc.written or ""), ("名称", doc.title), ("文号", doc.doc_number or ""),
            ("发布日期", doc.published)]
    table = '<div class="classify"><table>' + "".join(
        f'<tr><td class="td-label">{k}:</td><td class="td-value"><span>{E(v)}</span></td></tr>' for k, v in rows) + "</table></div>"
    body = (f'{_nav(s)}<div class="content-box">{table}<div class="content"><h1 class="title">{E(doc.title)}</h1>'
            f'<div class="article-content">{_paras(doc)}</div>'
            f'<div class="attachment"><span>附件:</span>{_atts(doc, "relative", s.host)}</div></div></div>{_footer(s)}')
    return _page("utf-8", s.name, _meta(doc, doc.published + " 16:05:12", og=True), body)


def t_nanwei_city(doc: Doc, s: Site) -> str:
    """Nanwei-style city portal: ul metadata rows, custom body class, attachments listed outside the body."""
    items = [("信息索引号", f"11330100002489{len(doc.key)}/2026-1"), ("发布机构", _issuer_text(doc)),
             ("文号", doc.doc_number or ""), ("发布日期", doc.published), ("成文日期", doc.written or "")]
    meta_ul = '<ul class="xxgk-info">' + "".join(f"<li><label>{k}:</label><span>{E(v)}</span></li>" for k, v in items) + "</ul>"
    body = (f'{_nav(s)}<div class="crumbs">{E(s.name)} &gt; 信息公开 &gt; {E(s.column)}</div>{meta_ul}'
            f'<div class="art-tit"><p class="tit">{E(doc.title)}</p></div>'
            f'<div class="nw-article-body">{_paras(doc)}</div>'
            f'<div class="fujian"><h4>相关附件</h4>{_atts(doc, "bracket", s.host)}</div>{_related(s)}{_footer(s)}')
    return _page("utf-8", f"{doc.title}－{s.name}", _meta(doc, "2026-12-01 03:00:00", article_title=False), body)


def t_news_portal(doc: Doc, s: Site) -> str:
    """News CMS of a municipal portal: h1, one-line byline '2021-03-26 信息来源:X', body in <article>."""
    body = (f'<header>{_nav(s, 6)}</header><main><h1>{E(doc.title)}</h1>'
            f'<div class="meta">{doc.published} 信息来源:{E(doc.source or s.owner)} 【字体:大 中 小】</div>'
            f'<article class="news-body">{_paras(doc)}</article>'
            f'<div class="share">分享到:微信 微博</div></main>{_related(s)}{_footer(s)}')
    return _page("utf-8", f"{doc.title}-{s.name}", "", body)


def t_table_layout(doc: Doc, s: Site) -> str:
    """2000s table layout (GBK): title in a td, 'nbsp'-padded date line, body paragraphs inside a td."""
    body = (f'<table width="1000" align="center"><tr><td>{_nav(s)}</td></tr></table>'
            f'<table width="1000" align="center"><tr><td class="biaoti" align="center"><font size="5"><b>{E(doc.title)}</b></font></td></tr>'
            f'<tr><td align="center" class="hui">日期:{_date_cn(doc.published)}&nbsp;&nbsp;&nbsp;来源:{E(doc.source or s.owner)}&nbsp;&nbsp;【打印】【关闭】</td></tr>'
            f'<tr><td class="zw"><font style="font-size:16px">{_paras(doc)}</font></td></tr>'
            f'<tr><td>{_atts(doc, "absolute", s.host)}</td></tr></table>{_footer(s)}')
    return _page("gbk", s.name, "", body)


def t_dayu_district(doc: Doc, s: Site) -> str:
    """District site (Dayu CMS): dl metadata, body paragraphs separated by <br>, 发布机构 value on the next element."""
    dl = (f'<dl class="info-list"><dt>发布机构:</dt><dd>{E(_issuer_text(doc))}</dd><dt>发文字号:</dt><dd>{E(doc.doc_number or "无")}</dd>'
          f'<dt>发布日期:</dt><dd>{doc.published}</dd></dl>')
    text = "<br/>\n".join(E(p) for p in doc.paras)
    body = (f'{_nav(s)}<div class="wrap"><div class="detail"><div class="d-title">{E(doc.title)}</div>{dl}'
            f'<div class="d-text">{text}</div><div class="d-att">{_atts(doc, "downfile", s.host)}</div></div></div>{_footer(s)}')
    return _page("utf-8", f"{s.name}-{s.column}", "", body)


def t_vue_shell(doc: Doc, s: Site) -> str:
    """SPA-ish page whose server render keeps the text in a plain div without known class names."""
    body = (f'<div id="app"><div class="hd">{_nav(s)}</div><div class="c-main"><div class="c-left">{_related(s)}</div>'
            f'<div class="c-right"><div class="c-h">{E(doc.title)}</div>'
            f'<div class="c-sub">发布日期:{doc.published} | 来源:{E(doc.source or s.owner)}</div>'
            f'<div class="c-bd">{_paras(doc, "div")}</div><div class="c-fj">{_atts(doc, "relative", s.host)}</div></div></div>{_footer(s)}</div>')
    return _page("utf-8", f"{doc.title}|{s.name}", _meta(doc, None, og=True, article_title=False), body)


def t_jcms_bureau(doc: Doc, s: Site) -> str:
    """JCMS city bureau: metadata table (td label/td value), #ivs_content body, meta PubDate is a generation time."""
    table = (f'<table class="xxgk-table"><tr><th>标题</th><td colspan="3">{E(doc.title)}</td></tr>'
             f'<tr><th>发文单位</th><td>{E(_issuer_text(doc))}</td><th>文号</th><td>{E(doc.doc_number or "")}</td></tr>'
             f'<tr><th>发布日期</th><td>{doc.published}</td><th>有效性</th><td>有效</td></tr></table>')
    body = (f'{_nav(s)}{table}<div class="article"><h1>{E(doc.title)}</h1><div id="ivs_content">{_paras(doc)}'
            f'{_atts(doc, "relative", s.host)}</div></div>{_footer(s)}')
    return _page("utf-8", f"{doc.title} - {s.name}", _meta(doc, "2026-12-01 02:14:33"), body)



def t_wp_news(doc: Doc, s: Site) -> str:
    """WordPress-like news site: entry-title h1, <time>, post-meta with 来源, .entry-content."""
    body = (f'<div class="site-header">{_nav(s, 4)}</div><article class="post"><h1 class="entry-title">{E(doc.title)}</h1>'
            f'<p class="post-meta"><time datetime="{doc.published}T08:00:00+08:00">{doc.published}</time> 来源:{E(doc.source or s.owner)}</p>'
            f'<div class="entry-content">{_paras(doc)}</div></article><aside>{_related(s)}</aside>{_footer(s)}')
    return _page("utf-8", f"{doc.title} – {s.name}", _meta(doc, None, og=True, article_title=False), body)


def t_mirror_artibody(doc: Doc, s: Site) -> str:
    """Third-party mirror: h2 title, '发布时间:… 来源:…' line, #artibody with a trailing teaser outside."""
    body = (f'<div class="top">当前位置:首页&gt;{E(s.column)}&gt;&gt;正文</div><div class="article"><h2>{E(doc.title)}</h2>'
            f'<div class="source">来源:{E(doc.source or s.owner)} 发布时间:{doc.published} 14:08:03</div>'
            f'<div id="artibody">{_paras(doc)}</div></div><div class="teaser"><a href="/x.html">【新要闻】德国11月失业率升至5.6%</a></div>{_footer(s)}')
    return _page("gbk", f"{doc.title}_{s.name}", "", body)


def t_div_rows(doc: Doc, s: Site) -> str:
    """xxgk page with metadata as div rows of label/value spans; body .zwnr; 发文字号 may be empty."""
    rows = [("标　　题", doc.title), ("发文机关", _issuer_text(doc)), ("发文字号", doc.doc_number or ""),
            ("成文日期", _date_cn(doc.written) if doc.written else ""), ("发布日期", _date_cn(doc.published))]
    meta = '<div class="xxgk-head">' + "".join(
        f'<div class="row"><span class="label">{k}:</span><span class="value">{E(v)}</span></div>' for k, v in rows) + "</div>"
    body = (f'{_nav(s)}{meta}<div class="zwnr">{_paras(doc)}</div><div class="fj-list">{_atts(doc, "bracket", s.host)}</div>{_footer(s)}')
    return _page("utf-8", f"{s.name}", "", body)


def t_print_view(doc: Doc, s: Site) -> str:
    """Print-friendly page: <title> is the title, a print timestamp precedes the 发布日期 line."""
    body = (f'<div class="print-bar">打印时间:2026-12-01 08:31 【关闭窗口】</div><div id="printContent"><h3>{E(doc.title)}</h3>'
            f'<p class="rq">发布日期:{doc.published} 发布机构:{E(_issuer_text(doc))}</p>{_paras(doc)}</div>')
    return _page("utf-8", doc.title, "", body)


def t_bracket_byline(doc: Doc, s: Site) -> str:
    """Shanghai-style '【来源:X 发布日期:Y】' line under an h3, body .Article_content."""
    body = (f'{_nav(s)}<div class="Article"><h3 class="Article-title">{E(doc.title)}</h3>'
            f'<p class="Article-time">【来源:{E(doc.source or s.owner)} 发布日期:{doc.published}】</p>'
            f'<div class="Article_content">{_paras(doc)}</div></div><ul class="fujian">'
            + "".join(f"<li>{a}</li>" for a in _atts(doc, "absolute", s.host).split("<br/>") if a)
            + f'</ul>{_footer(s)}')
    return _page("utf-8", f"{doc.title}-{s.name}", "", body)


def t_nested_tables(doc: Doc, s: Site) -> str:
    """Portal with long link lists in side columns and the text two tables deep (GB2312)."""
    side = "".join(f'<a href="/l{i}.html">政务服务事项{i}</a><br>' for i in range(40))
    body = (f'<table><tr><td class="left">{side}</td><td class="mid"><table><tr><td>'
            f'<div class="tit">{E(doc.title)}</div><div class="sj">发布时间:{doc.published} 来源:{E(doc.source or s.owner)}</div>'
            f'<table><tr><td>{_paras(doc)}</td></tr></table></td></tr></table></td><td class="right">{side}</td></tr></table>{_footer(s)}')
    return _page("gb2312", f"{s.name}--{doc.title}", "", body)


def t_trs_district(doc: Doc, s: Site) -> str:
    """TRS district page: separate 文章来源/发布时间 spans, .view.TRS_UEDITOR body, attachments outside it."""
    body = (f'{_nav(s)}<div class="detail-main"><div class="detail-title">{E(doc.title)}</div>'
            f'<div class="detail-info"><span>文章来源:{E(doc.source or s.owner)}</span><span>发布时间:{doc.published} 09:12</span></div>'
            f'<div class="view TRS_UEDITOR trs_paper_default">{_paras(doc)}</div></div>'
            f'<div class="appendix"><p>附件:</p>{_atts(doc, "relative", s.host)}</div>{_related(s)}{_footer(s)}')
    return _page("utf-8", f"{doc.title}_{s.name}", _meta(doc, doc.published), body)


def t_miit_like(doc: Doc, s: Site) -> str:
    """Ministry page: h1#con_title, '发布时间 来源' line, #con_con body; <title> 'title－ministry'."""
    body = (f'{_nav(s)}<div class="ctitle"><h1 id="con_title">{E(doc.title)}</h1></div>'
            f'<div class="cinfo"><span id="con_time">发布时间:{doc.published}</span> <span>来源:{E(doc.source or s.owner)}</span></div>'
            f'<div id="con_con">{_paras(doc)}</div><div class="fujian">{_atts(doc, "downfile", s.host)}</div>{_footer(s)}')
    return _page("utf-8", f"{doc.title}－{s.name}", "", body)


def t_hidden_generation(doc: Doc, s: Site) -> str:
    """Province portal: meta PubDate is the page generation time; the visible span.fbrq has the date."""
    body = (f'{_nav(s)}<div class="article-box"><h1>{E(doc.title)}</h1><div class="article-info">'
            f'<span class="fbrq">发布日期:{_date_cn(doc.published)}</span><span class="ly">信息来源:{E(doc.source or s.owner)}</span></div>'
            f'<div class="article-con">{_paras(doc)}</div></div><!-- 页面生成时间 2026-12-01 03:00:00 -->{_footer(s)}')
    return _page("utf-8", f"{doc.title}_{s.column}_{s.name}", _meta(doc, "2026-12-01 03:00:00"), body)


def t_section_sidebar(doc: Doc, s: Site) -> str:
    """HTML5 city bureau: metadata dl in an aside, body in <section class="txt">."""
    dl = (f'<aside class="doc-meta"><dl><dt>发布机构</dt><dd>{E(_issuer_text(doc))}</dd><dt>文号</dt><dd>{E(doc.doc_number or "")}</dd>'
          f'<dt>发布日期</dt><dd>{doc.published}</dd></dl></aside>')
    body = (f'<header>{_nav(s)}</header><div class="container">{dl}<div class="doc"><h2 class="doc-title">{E(doc.title)}</h2>'
            f'<section class="txt">{_paras(doc)}</section><section class="files">{_atts(doc, "relative", s.host)}</section></div></div>{_footer(s)}')
    return _page("utf-8", f"{doc.title} | {s.name}", "", body)


def t_center_font(doc: Doc, s: Site) -> str:
    """Old county site: <center>, <font> tags, '::: site :::' title, body text with <br> inside one <font>."""
    text = "<br>\n".join("&nbsp;&nbsp;" + E(p) for p in doc.paras)
    body = (f'<center><table width="760"><tr><td>{_nav(s, 5)}</td></tr><tr><td align="center"><font color="#c00" size="4">{E(doc.title)}</font></td></tr>'
            f'<tr><td align="center"><font size="2">{_date_cn(doc.published)} 来源:{E(doc.source or s.owner)}</font></td></tr>'
            f'<tr><td align="left"><font size="3">{text}</font></td></tr></table></center>{_footer(s)}')
    return _page("gb2312", f"::: {s.name} :::", "", body)


def t_mobile(doc: Doc, s: Site) -> str:
    """Mobile page: .m-title, '2026-03-06 10:00 | 来源:X' info, .m-content with <section> paragraphs."""
    body = (f'<div class="m-head">{E(s.name)}</div><div class="m-title">{E(doc.title)}</div>'
            f'<div class="m-info">{doc.published} 10:00 | 来源:{E(doc.source or s.owner)}</div>'
            f'<div class="m-content">{_paras(doc, "section")}</div><div class="m-foot">{E(s.owner)}</div>')
    return _page("utf-8", f"{doc.title}", '<meta name="viewport" content="width=device-width">', body)


def t_gkmlpt_notitle(doc: Doc, s: Site) -> str:
    """gkmlpt variant with no heading: the title exists only in the metadata table's 名称 cell."""
    rows = [("索引号", "11440100MB2C9/2026-00123"), ("发布机构", _issuer_text(doc)), ("名称", doc.title),
            ("文号", doc.doc_number or ""), ("成文日期", doc.written or ""), ("发布日期", doc.published)]
    table = '<table class="introduce">' + "".join(f"<tr><th>{k}:</th><td>{E(v)}</td></tr>" for k, v in rows) + "</table>"
    body = f'{_nav(s)}{table}<div class="zw">{_paras(doc)}</div><div class="fj">{_atts(doc, "bracket", s.host)}</div>{_footer(s)}'
    return _page("utf-8", s.name, "", body)


def t_next_element_labels(doc: Doc, s: Site) -> str:
    """Hanweb variant: each label in its own <span>, its value in the next element."""
    info = (f'<div class="wz-info"><span class="k">信息来源:</span><span class="v">{E(doc.source or s.owner)}</span>'
            f'<span class="k">发布日期:</span><span class="v">{doc.published}</span>'
            f'<span class="k">发布机构:</span><span class="v">{E(_issuer_text(doc))}</span></div>')
    body = (f'{_nav(s)}<div class="wz"><div class="wz-title"><h4>{E(doc.title)}</h4></div>{info}'
            f'<div class="wz-body">{_paras(doc)}</div></div>{_footer(s)}')
    return _page("gbk", f"{doc.title} - {s.name}", "", body)


def t_square_date(doc: Doc, s: Site) -> str:
    """Bureau page with '[ 2026-03-06 ]' date and 来源 in the title bar, body .zw-content."""
    body = (f'{_nav(s)}<div class="zw-box"><div class="zw-title"><h4>{E(doc.title)}</h4><p>[ {doc.published} ] 来源:{E(doc.source or s.owner)}</p></div>'
            f'<div class="zw-content">{_paras(doc)}</div><div class="zw-fj">{_atts(doc, "downfile", s.host)}</div></div>{_footer(s)}')
    return _page("utf-8", f"{s.name}_{doc.title}", "", body)


def t_glued_repost(doc: Doc, s: Site) -> str:
    """Repost aggregator that glues the title to the first body line and prints the date after the source."""
    first, rest = doc.paras[0], doc.paras[1:]
    text = f"<p>{E(doc.title)}{E(first)}</p>" + "".join(f"<p>{E(p)}</p>" for p in rest)
    body = (f'<div class="bar">{_nav(s, 3)}</div><div class="show"><div class="show-t">{E(doc.title)}</div>'
            f'<div class="show-i">信息来源:{E(doc.source or s.owner)} 日期:{doc.published}</div><div class="show-c">{text}</div></div>{_footer(s)}')
    return _page("utf-8", f"{doc.title}-{s.name}", "", body)


TEMPLATES: dict[str, Callable[[Doc, Site], str]] = {
    name[2:]: fn for name, fn in dict(globals()).items() if name.startswith("t_") and callable(fn)
}


SITES: dict[str, Site] = {
    "trs_ministry": Site("www.ndrc.gov.cn", "国家发展和改革委员会", "国家发展和改革委员会", "通知"),
    "govcn_policy": Site("www.gov.cn", "中国政府网", "国务院办公厅", "国务院部门文件"),
    "hanweb_province": Site("kjt.zj.gov.cn", "浙江省科学技术厅", "浙江省科学技术厅", "通知公告"),
    "gkmlpt": Site("kjj.gz.gov.cn", "广州市科学技术局", "广州市科学技术局", "政策文件"),
    "nanwei_city": Site("www.huzhou.gov.cn", "湖州市人民政府", "湖州市人民政府办公室", "政府文件"),
    "news_portal": Site("www.changsha.gov.cn", "长沙市人民政府", "长沙市人民政府办公厅", "长沙要闻"),
    "table_layout": Site("kjt.hunan.gov.cn", "湖南省科学技术厅", "湖南省科学技术厅", "通知公告"),
    "dayu_district": Site("www.yuhang.gov.cn", "杭州市余杭区人民政府", "杭州市余杭区人民政府办公室", "政策文件"),
    "vue_shell": Site("kjj.wuhan.gov.cn", "武汉市科学技术局", "武汉市科学技术局", "科技动态"),
    "jcms_bureau": Site("kjj.suzhou.gov.cn", "苏州市科学技术局", "苏州市科学技术局", "通知公告"),
    "wp_news": Site("www.aiia-news.cn", "人工智能产业资讯", "人工智能产业资讯网", "政策"),
    "mirror_artibody": Site("brand.zhongguo-keji.com", "中国科技品牌网", "中国科技品牌网", "品牌文化"),
    "div_rows": Site("kjt.sc.gov.cn", "四川省科学技术厅", "四川省科学技术厅", "政策文件"),
    "print_view": Site("kjt.ah.gov.cn", "安徽省科学技术厅", "安徽省科学技术厅", "打印"),
    "bracket_byline": Site("kjj.zhengzhou.gov.cn", "郑州市科学技术局", "郑州市科学技术局", "工作动态"),
    "nested_tables": Site("www.deqing.gov.cn", "德清县人民政府", "德清县人民政府办公室", "德清新闻"),
    "trs_district": Site("www.sipac.gov.cn", "苏州工业园区管理委员会", "苏州工业园区管理委员会", "园区动态"),
    # the untouched split: templates and hosts the rules are never tuned on
    "miit_like": Site("www.miit.gov.cn", "中华人民共和国工业和信息化部", "工业和信息化部", "文件发布"),
    "hidden_generation": Site("kjt.shandong.gov.cn", "山东省科学技术厅", "山东省科学技术厅", "通知公告"),
    "section_sidebar": Site("kjj.shenyang.gov.cn", "沈阳市科学技术局", "沈阳市科学技术局", "政策文件"),
    "center_font": Site("www.anji.gov.cn", "安吉县人民政府", "安吉县人民政府办公室", "县政动态"),
    "mobile": Site("m.harbin.gov.cn", "哈尔滨市人民政府", "哈尔滨市人民政府办公厅", "政务公开"),
    "gkmlpt_notitle": Site("mzj.gz.gov.cn", "广州市民政局", "广州市民政局", "规范性文件"),
    "next_element_labels": Site("kjj.xa.gov.cn", "西安市科学技术局", "西安市科学技术局", "通知公告"),
    "square_date": Site("kxjsj.chengdu.gov.cn", "成都市科学技术局", "成都市科学技术局", "通知公告"),
    "glued_repost": Site("www.kjzx-repost.com", "科技政策转载网", "科技政策转载网", "政策转载"),
}
UNTOUCHED = ("miit_like", "hidden_generation", "section_sidebar", "center_font", "mobile", "gkmlpt_notitle",
             "next_element_labels", "square_date", "glued_repost")
_ENC = {"utf-8": "utf-8", "gb2312": "gb18030", "gbk": "gb18030"}  # GB18030 bytes under a GB2312/GBK label, as served


def _path(name: str, doc_i: int) -> str:
    return {
        "gkmlpt": f"/gkmlpt/content/9/91{doc_i:02d}/post_91{doc_i:02d}3{doc_i}.html",
        "gkmlpt_notitle": f"/gkmlpt/content/5/52{doc_i:02d}/post_52{doc_i:02d}7{doc_i}.html",
        "hanweb_province": f"/art/2026/3/{doc_i % 28 + 1}/art_1229225{doc_i}_59{doc_i:03d}.html",
        "dayu_district": f"/art/2026/5/{doc_i % 28 + 1}/art_1532{doc_i}_59{doc_i:04d}.html",
    }.get(name, f"/xxgk/zcwj/202603/t2026031{doc_i % 10}_{400000 + doc_i * 37}.html")


# Templates that show no attachment links (their pages are labelled with none).
NO_ATTACHMENTS = ("news_portal", "wp_news", "mirror_artibody", "print_view", "nested_tables", "hidden_generation",
                  "center_font", "mobile", "next_element_labels", "glued_repost")


def _expected(doc: Doc, template: str) -> dict[str, object]:
    exp: dict[str, object] = {
        "title": doc.title, "doc_number": doc.doc_number, "issuers": doc.issuers,
        "written_date": doc.written, "published_date": doc.published,
        "pilot_zone_cities": doc.zones, "repeals": doc.repeals, "attachments": [] if template in NO_ATTACHMENTS else doc.attachments,
    }
    if doc.funding is not None:
        exp["funding"] = doc.funding
    return exp


def _pages_of(t_i: int, per: int) -> list[int]:
    n = len(DOCS)
    return sorted({(t_i * 7 + k * 5) % n for k in range(per)})


def main() -> None:
    for split in ("tuning", "untouched"):
        shutil.rmtree(HERE / split, ignore_errors=True)
        (HERE / split).mkdir()
    labels: dict[str, list[dict[str, object]]] = {"tuning": [], "untouched": []}
    for t_i, (name, fn) in enumerate(TEMPLATES.items()):
        site = SITES[name]
        split = "untouched" if name in UNTOUCHED else "tuning"
        for d_i in _pages_of(t_i, 6 if split == "tuning" else 7):
            doc = DOCS[d_i]
            text = fn(doc, site)
            declared = text.split("charset=", 1)[1].split('"', 1)[0]
            file = f"{name}__{doc.key}.html"
            (HERE / split / file).write_bytes(text.encode(_ENC[declared]))
            labels[split].append({
                "id": f"{name}__{doc.key}", "file": file, "url": f"https://{site.host}{_path(name, d_i)}",
                "template": name, "host": site.host, "encoding": declared, "expected": _expected(doc, name),
            })
    for split, cases in labels.items():
        (HERE / split / "labels.json").write_text(
            json.dumps({"cases": cases}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(split, len(cases), "pages", len({c["template"] for c in cases}), "templates")


if __name__ == "__main__":
    main()

"""Write the second blind page corpus (run once; the output is frozen and committed, never regenerated).

Written by a helper session that had not read the extractor (parsers/) nor its tests, and that did not
run it before the corpus and its labels were committed. Each page is one document of blind2_docs.py
laid out in one of 16 templates that imitate real Chinese government CMS families / media layouts on
hosts that are in none of tuning/, untouched/, blind/ and not in the crawler registry (sites.md).
Labels come from the documents (what a reader of the page finds on it), never from an extractor.

``python tests/facts/pages/blind2/make_blind2.py`` writes the .html files, labels.json and
SHA256SUMS, then re-reads every page with its declared codec and checks that each labelled value
is visible in the decoded text.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from blind2_docs import BY_KEY, DOCS, Doc

HERE = Path(__file__).parent
E = html.escape
CN_NUM = "〇一二三四五六七八九"


@dataclass(frozen=True)
class Site:
    host: str
    name: str  # site name (title suffixes, footer)
    owner: str  # 主办单位 (never an issuer of a reposted text)
    icp: str
    code: str  # 网站标识码
    column: str


# ---------------------------------------------------------------- date forms

def ymd(iso: str) -> tuple[str, str, str]:
    y, m, d = iso.split("-")
    return y, m, d


def cn(iso: str, pad: bool = False) -> str:
    y, m, d = ymd(iso)
    return f"{y}年{m}月{d}日" if pad else f"{y}年{int(m)}月{int(d)}日"


def slash(iso: str, pad: bool = True) -> str:
    y, m, d = ymd(iso)
    return f"{y}/{m}/{d}" if pad else f"{y}/{int(m)}/{int(d)}"


def cn_numeral(iso: str) -> str:
    y, m, d = ymd(iso)

    def small(n: int) -> str:
        if n < 10:
            return CN_NUM[n]
        t, u = divmod(n, 10)
        return ("" if t == 1 else CN_NUM[t]) + "十" + (CN_NUM[u] if u else "")

    return "".join(CN_NUM[int(c)] for c in y) + "年" + small(int(m)) + "月" + small(int(d)) + "日"


# ---------------------------------------------------------------- shared pieces

def number_shown(doc: Doc) -> str:
    return doc.shown_number if doc.shown_number is not None else (doc.doc_number or "")


def issuer_cell(doc: Doc) -> str:
    if doc.cell_issuer is not None:
        return doc.cell_issuer
    return "" if doc.news else " ".join(doc.issuers)


_DATE_RE = re.compile(r"^(\d{4}年\d{1,2}月\d{1,2}日|[〇一二三四五六七八九]{4}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日)$")


def _is_sig(doc: Doc, i: int, p: str) -> bool:
    if _DATE_RE.match(p):
        return True
    if i < 2 or len(p) > 30 or any(c in p for c in "。，：:,"):
        return False
    nxt = doc.paras[i + 1] if i + 1 < len(doc.paras) else ""
    nxt2 = doc.paras[i + 2] if i + 2 < len(doc.paras) else ""
    return bool(_DATE_RE.match(nxt) or _DATE_RE.match(nxt2)) and not p.startswith(("第", "附"))


def body(doc: Doc, tag: str = "p", indent: str = "text-indent: 2em;", right: str = "text-align: right;",
         center: str = "text-align: center;", sep: str = "\n") -> str:
    out = []
    for i, p in enumerate(doc.paras):
        if i == 0 and "〔" in p and len(p) < 22:
            st = center
        elif p.endswith("令") and len(p) < 20 or re.match(r"^第.{1,5}号$", p):
            st = center
        elif p.endswith(("办法", "条例")) and len(p) < 30:
            st = center
        elif _is_sig(doc, i, p):
            st = right
        elif p.endswith(("：", ":")) and len(p) < 80:
            st = ""
        else:
            st = indent
        attr = f' style="{st}"' if st else ""
        out.append(f"<{tag}{attr}>{E(p)}</{tag}>")
    return sep.join(out)


def att_links(doc: Doc, style: str, i: int) -> list[str]:
    out = []
    for k, name in enumerate(doc.attachments, 1):
        ext = name.rsplit(".", 1)[-1]
        href = {
            "p020": f"./P0202{i:03d}{k}6{k}358{k}0{i}.{ext}",
            "p020abs": f"/xxgk/zfxxgkml/202{k}/P02026{i:02d}{k}0{k}4418{k}.{ext}",
            "downfile": f"/module/download/downfile.jsp?classid=0&filename=26{i:02d}{k}1{k}0935{k}.{ext}",
            "downfile_name": f"/module/download/downfile.jsp?filename={E(name)}&classid=0&showname={E(name)}",
            "upload": f"/uploadfiles/2026/{i:02d}/2026{i:02d}{k}16{k}0{k}2{k}.{ext}",
            "ucap": f"/u/cms/kjj/2026{i:02d}/{k}{i}f0c9{k}e{i}.{ext}",
            "gkmlpt": f"/attachment/0/5{i}{k}/5{i}{k}8{k}3/1{i}0{k}2{k}4.{ext}",
            "files": f"files/2026/{i:02d}/{name}",
        }[style]
        out.append(f'<a href="{href}" target="_blank" title="{E(name)}">{E(name)}</a>')
    return out


REL = [("关于印发《科技型中小企业评价实施细则》的通知（闽科计〔2025〕12号）", "2025-12-30"),
       ("关于公布2025年度高新技术企业认定名单的通知", "2025-12-18"),
       ("科技部关于支持苏州、长沙建设国家新一代人工智能创新发展试验区的函", "2021-03-25"),
       ("关于征集2027年度科技计划项目指南建议的通知", "2026-11-02"),
       ("图解：人工智能产业发展若干措施十大看点", "2026-03-01"),
       ("工业和信息化部关于公布国家人工智能创新应用先导区名单的通知", "2022-10-20")]


def related(cls: str = "related", head: str = "相关阅读", n: int = 5, shift: int = 0, dates: bool = True) -> str:
    items = (REL[shift:] + REL[:shift])[:n]
    lis = "".join(
        f'<li><a href="../../202{k}/t2026{k:02d}0{k}_60{k}7{k}.html" title="{E(t)}">{E(t)}</a>'
        + (f"<span>{d}</span>" if dates else "") + "</li>" for k, (t, d) in enumerate(items, 1))
    return f'<div class="{cls}"><h3>{head}</h3><ul>{lis}</ul></div>'


def prevnext(kind: str = "p") -> str:
    a = '<a href="./t20260301_9101.html">关于开展2026年度科技计划项目绩效评价工作的通知</a>'
    b = '<a href="./t20260402_9102.html">关于印发《人工智能科技伦理审查办法（试行）》的通知（科发〔2026〕5号）</a>'
    if kind == "li":
        return f'<ul class="pn"><li>上一篇：{a}</li><li>下一篇：{b}</li></ul>'
    return f'<div class="prev-next"><p>上一篇：{a}</p><p>下一篇：{b}</p></div>'


def share() -> str:
    return ('<div class="share"><span>分享到：</span><a class="wx" href="javascript:;">微信</a>'
            '<a class="wb" href="javascript:;">微博</a><a class="qq" href="javascript:;">QQ空间</a>'
            '<a href="javascript:window.print()">【打印本页】</a><a href="javascript:window.close()">【关闭窗口】</a></div>')


def footer(s: Site, table: bool = False) -> str:
    txt = (f"主办单位：{E(s.owner)}　网站标识码：{s.code}　<a href=\"https://beian.miit.gov.cn\">{s.icp}</a>　"
           f"公网安备 {s.code[:6]}0200{s.code[-3:]}号")
    if table:
        return f'<table width="1000" align="center" class="bottom"><tr><td align="center">{txt}<br>版权所有：{E(s.name)}</td></tr></table>'
    return f'<div class="footer"><p>{txt}</p><p>Copyright &copy; {E(s.name)} 版权所有</p></div>'


def page(charset: str | None, title: str, head: str, bod: str, doctype: str = "<!DOCTYPE html>",
         lang: str = "", html5_charset: bool = False) -> str:
    if charset is None:
        cs = ""
    elif html5_charset:
        cs = f'<meta charset="{charset}">\n'
    else:
        cs = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />\n'
    la = f' lang="{lang}"' if lang else ""
    return f"{doctype}\n<html{la}>\n<head>\n{cs}<title>{E(title)}</title>\n{head}\n</head>\n<body>\n{bod}\n</body>\n</html>\n"


HTML4 = '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">'
XHTML = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">')


def nav(items: list[str], cls: str = "nav") -> str:
    return f'<div class="{cls}"><ul>' + "".join(f'<li><a href="/{k}/">{E(t)}</a></li>' for k, t in enumerate(items)) + "</ul></div>"


def src_span(doc: Doc, label: str = "来源：") -> str:
    return f"{label}{E(doc.source)}" if doc.source else ""


# ---------------------------------------------------------------- templates

def t_mee_trs(doc: Doc, s: Site, i: int) -> str:
    """生态环境部-like TRS xxgk page: 4-column <table> with <b> labels above div.Custom_UnionStyle; <title> 'title - 生态环境部'; ArticleTitle/PubDate metas; P020 relative links."""
    w = cn(doc.written, pad=True) if doc.written else ""
    table = (f'<div class="content_top_box"><table class="xxgk_table" cellspacing="0" cellpadding="0">'
             f'<tr><td class="td_lable"><b>索&nbsp;&nbsp;引&nbsp;号：</b></td><td>000014672/2026-0{i:04d}</td>'
             f'<td class="td_lable"><b>分类：</b></td><td>科技标准\\其他</td></tr>'
             f'<tr><td class="td_lable"><b>发布机关：</b></td><td>{E(issuer_cell(doc))}</td>'
             f'<td class="td_lable"><b>生成日期：</b></td><td>{w}</td></tr>'
             f'<tr><td class="td_lable"><b>名&nbsp;&nbsp;&nbsp;&nbsp;称：</b></td><td colspan="3">{E(doc.title)}</td></tr>'
             f'<tr><td class="td_lable"><b>文&nbsp;&nbsp;&nbsp;&nbsp;号：</b></td><td>{E(number_shown(doc))}</td>'
             f'<td class="td_lable"><b>发布日期：</b></td><td>{doc.published}</td></tr></table></div>')
    atts = att_links(doc, "p020", i)
    att = ('<div class="fujian"><p>附件：</p>' + "".join(f"<p>{a}</p>" for a in atts) + "</div>") if atts else ""
    bod = (nav(["首页", "机构", "新闻", "政务公开", "政策文件", "业务工作", "政务服务", "互动交流"])
           + '<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; <a href="/xxgk2018/">政策文件</a></div>'
           + table + f'<div class="neiright_Box"><h2 class="neiright_Title">{E(doc.title)}</h2>'
           + f'<div class="content_body_box"><div class="Custom_UnionStyle">\n{body(doc)}\n</div></div>{att}</div>'
           + related("xgwz", "相关文件") + footer(s))
    head = (f'<meta name="ArticleTitle" content="{E(doc.title)}">\n<meta name="PubDate" content="{doc.published} {doc.time}">\n'
            f'<meta name="ContentSource" content="{E(doc.source)}">\n<meta name="ColumnName" content="{s.column}">')
    return page("utf-8", f"{doc.title} - {s.name}", head, bod, doctype=XHTML)


def t_mohrss_p_lines(doc: Doc, s: Site, i: int) -> str:
    """人社部-like page: <title> is only the site name; metadata as <p> lines in div.insMainConTitle; body div#insMainConTxt; dates 2026年06月02日."""
    lines = []
    if number_shown(doc):
        lines.append(f"<p>文号：<span>{E(number_shown(doc))}</span></p>")
    if issuer_cell(doc):
        lines.append(f"<p>发文机关：<span>{E(issuer_cell(doc))}</span></p>")
    lines.append(f"<p>发布日期：<span>{cn(doc.published, pad=True)}</span></p>")
    if doc.written:
        lines.append(f"<p>成文日期：<span>{cn(doc.written, pad=True)}</span></p>")
    atts = att_links(doc, "p020", i)
    att = ('<div class="insMainConFJ"><span>附件下载：</span><ul>' + "".join(f"<li>{a}</li>" for a in atts) + "</ul></div>") if atts else ""
    bod = ('<div class="topbar"><a href="/">首页</a>|<a href="/SYrlzyhshbzb/zwgk/">政务公开</a>|<a href="/SYrlzyhshbzb/fwyd/">服务</a></div>'
           + '<div class="path">您的位置：<a href="/">首页</a> &gt;&gt; <a href="../">政务公开</a> &gt;&gt; <a href="./">通知公告</a></div>'
           + f'<div class="insMainConTitle"><div class="insMainConTitle_b">{E(doc.title)}</div>{"".join(lines)}</div>'
           + f'<div id="insMainConTxt" class="insMainConTxt">\n{body(doc)}\n</div>{att}'
           + '<div class="insMainConSource">' + (f"<span>{src_span(doc)}</span>" if doc.source else "") + "</div>"
           + related("xgxx", "相关信息", shift=1) + footer(s))
    return page("utf-8", s.name, '<meta name="keywords" content="人力资源和社会保障部,政务公开">', bod, doctype=XHTML)


def t_samr_dl_og(doc: Doc, s: Site, i: int) -> str:
    """市场监管总局-like HTML5 page: og: metas, <dl> metadata, publication date split over <em> tags, body div.Three_xilan_07."""
    y, m, d = ymd(doc.published)
    dl = ['<dl class="xxgk-meta">']
    if issuer_cell(doc):
        dl.append(f"<dt>发布单位</dt><dd>{E(issuer_cell(doc))}</dd>")
    if number_shown(doc):
        dl.append(f"<dt>文　　号</dt><dd>{E(number_shown(doc))}</dd>")
    if doc.written:
        dl.append(f"<dt>成文日期</dt><dd>{doc.written}</dd>")
    dl.append(f'<dt>发布日期</dt><dd><span class="pub"><em>{y}</em>-<em>{m}</em>-<em>{d}</em></span></dd></dl>')
    atts = att_links(doc, "upload", i)
    att = ('<div class="fj"><h4>附件</h4><ol>' + "".join(f"<li>{a}</li>" for a in atts) + "</ol></div>") if atts else ""
    bod = (f'<header>{nav(["首页", "机构", "新闻", "信息公开", "政务服务", "互动"])}</header>'
           + '<nav class="crumb"><a href="/">首页</a> / <a href="/zw/">政务</a> / <span>通知公告</span></nav>'
           + f'<main><section class="Three_xilan"><div class="Three_xilan_01"><h1>{E(doc.title)}</h1></div>'
           + "".join(dl) + (f'<p class="laiyuan">{src_span(doc)}</p>' if doc.source else "")
           + f'<div class="Three_xilan_07" id="zoom">\n{body(doc)}\n</div>{att}{share()}</section></main>'
           + '<aside>' + related("side", "热点关注", shift=2, dates=False) + "</aside>" + footer(s))
    head = (f'<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta property="og:type" content="article">\n<meta property="og:title" content="{E(doc.title)}">\n'
            f'<meta property="og:site_name" content="{s.name}">\n<meta property="article:published_time" content="{doc.published}T{doc.time}:00+08:00">')
    return page(None, f"{doc.title}", head, bod, lang="zh-CN")


def t_cac_news(doc: Doc, s: Site, i: int) -> str:
    """国家网信办-like news page: h1 + span#pubtime '2026年05月09日 15:02' + span#source; og:title; <title> 'title_中国网信网'."""
    atts = att_links(doc, "files", i)
    att = ('<div class="attach">' + "<br>".join(atts) + "</div>") if atts else ""
    num = f'<p class="wh" style="text-align:center">{E(number_shown(doc))}</p>' if number_shown(doc) and number_shown(doc) not in doc.paras else ""
    bod = ('<div class="top">' + nav(["首页", "权威发布", "政策法规", "网信动态", "网络传播", "专题"], "menu") + "</div>"
           + f'<div class="main"><div class="title" id="title">{E(doc.title)}</div>'
           + f'<div class="info"><span id="pubtime">{cn(doc.published, pad=True)} {doc.time}</span>'
           + (f'　<span id="source">{src_span(doc)}</span>' if doc.source else "") + "</div>"
           + f'<div class="main-content" id="BodyLabel">{num}\n{body(doc)}\n</div>{att}'
           + '<div class="editor">【责任编辑：王晓】</div>' + share() + "</div>"
           + related("relevant", "相关新闻", shift=3) + footer(s))
    head = (f'<meta name="viewport" content="width=device-width,initial-scale=1.0">\n<meta property="og:title" content="{E(doc.title)}">\n'
            f'<meta property="og:site_name" content="中国网信网">\n<meta name="keywords" content="网信,人工智能">')
    return page("utf-8", f"{doc.title}_中国网信网", head, bod)


def t_fujian_trs_xxgk(doc: Doc, s: Site, i: int) -> str:
    """福建省科技厅-like TRS xxgk: <table> with <th> labels (索引号 2026-00012 looks like a date), <title> 'title_通知公告_site', attachments after the body, prev/next."""
    rows = (f'<tr><th>索引号：</th><td>FJ00103-0400-2026-{i:05d}</td><th>所属机构：</th><td>{E(issuer_cell(doc))}</td></tr>'
            f'<tr><th>所属主题：</th><td>科技</td><th>发文日期：</th><td>{doc.written or ""}</td></tr>'
            f'<tr><th>标题：</th><td colspan="3">{E(doc.title)}</td></tr>'
            f'<tr><th>文号：</th><td>{E(number_shown(doc))}</td><th>发布时间：</th><td>{doc.published} {doc.time}</td></tr>')
    atts = att_links(doc, "p020", i)
    att = ('<div class="xl_fj"><span>相关附件：</span>' + "".join(f'<p><img src="/images/fj.png">{a}</p>' for a in atts) + "</div>") if atts else ""
    bod = (nav(["首页", "机构概况", "新闻中心", "政务公开", "政务服务", "互动交流", "专题专栏"])
           + f'<div class="cur">当前位置：<a href="/">首页</a> &gt; <a href="../">政务公开</a> &gt; <a href="./">{s.column}</a></div>'
           + f'<div class="xl_con"><table class="xxgk_tab" border="1">{rows}</table>'
           + f'<h1 class="xl_tit">{E(doc.title)}</h1><div class="xl_tit_time">'
           + (f"<span>{src_span(doc, '信息来源：')}</span>" if doc.source else "") + "</div>"
           + f'<div class="TRS_Editor"><div class="TRS_UEDITOR trs_paper_default">\n{body(doc)}\n</div></div></div>{att}'
           + prevnext() + related("xgwj", "相关文件", shift=0) + footer(s))
    head = (f'<meta name="SiteName" content="{s.name}">\n<meta name="ColumnName" content="{s.column}">\n'
            f'<meta name="ArticleTitle" content="{E(doc.title)}">\n<meta name="PubDate" content="{doc.published} {doc.time}">\n'
            f'<meta name="HtmlGenerateTime" content="2026-11-28 03:12:44">')
    return page("utf-8", f"{doc.title}_{s.column}_{s.name}", head, bod)


def t_jiangxi_hanweb(doc: Doc, s: Site, i: int) -> str:
    """江西省工信厅-like Hanweb JCMS (GB2312-labelled, GBK bytes): <!--<$[信息内容]>begin--> markers, table layout, 发布日期 + 来源 in one td, downfile.jsp links with showname."""
    atts = att_links(doc, "downfile_name", i)
    att = ("<p>附件：</p>" + "".join(f"<p>{k}.{a}</p>" for k, a in enumerate(atts, 1))) if atts else ""
    num = (f'<tr><td align="center" class="wh">{E(number_shown(doc))}</td></tr>'
           if number_shown(doc) and number_shown(doc) not in doc.paras else "")
    bod = (f'<table width="1100" border="0" align="center" cellpadding="0" cellspacing="0"><tr><td>'
           f'<img src="/picture/0/logo.png" alt="{s.name}"></td></tr></table>'
           + '<table width="1100" align="center"><tr><td class="bt_dqwz">当前位置：<a href="/col/col26501/index.html">首页</a> &gt; '
           + f'<a href="/col/col26510/index.html">{s.column}</a></td></tr></table>'
           + '<table width="1100" align="center" cellpadding="0" cellspacing="0" class="bt_content"><tr>'
           + f'<td class="title" align="center" style="font-size:22px;font-weight:bold;padding:20px 0">{E(doc.title)}</td></tr>'
           + f'<tr><td align="center" class="bt_time" style="color:#666">发布日期：{doc.published}&nbsp;&nbsp;&nbsp;'
           + (f"{src_span(doc, '信息来源：')}&nbsp;&nbsp;&nbsp;" if doc.source else "")
           + '浏览次数：<script language="javascript" src="/module/visitcount/articlehits.jsp?colid=26510&artid=53001"></script>'
           + f'&nbsp;&nbsp;字号：〖<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a> <a href="javascript:doZoom(12)">小</a>〗</td></tr>{num}'
           + '<tr><td id="zoom" class="bt_content_w" style="font-size:16px;line-height:2">\n<!--<$[信息内容]>begin-->'
           + f'{body(doc)}<!--<$[信息内容]>end-->\n{att}</td></tr></table>'
           + related("bt_xgxx", "相关信息", shift=4) + footer(s, table=True))
    head = (f'<meta name="ArticleTitle" content="{E(doc.title)}">\n<meta name="ColumnName" content="{s.column}">\n'
            f'<meta name="pubDate" content="{doc.published} {doc.time}">')
    return page("gb2312", f"江西省工业和信息化厅 {s.column} {doc.title}", head, bod, doctype=HTML4)


def t_yn_nocharset(doc: Doc, s: Site, i: int) -> str:
    """云南省科技厅-like old page served as GBK with no charset declaration: <center>, font tags, 【发布时间：2026/04/13】, <title> only the site name."""
    atts = att_links(doc, "upload", i)
    att = ('<tr><td style="padding:10px 30px">相关附件：' + "&nbsp;&nbsp;".join(atts) + "</td></tr>") if atts else ""
    bod = (f'<center><table width="980" border="0" cellspacing="0" cellpadding="0"><tr><td><img src="/images/top.jpg" width="980" height="120" alt="{s.name}"></td></tr>'
           + f'<tr><td bgcolor="#0b5aa8"><font color="#ffffff">{"　|　".join(["首页", "机构设置", "政务公开", "科技计划", "办事指南", "互动交流"])}</font></td></tr></table>'
           + '<table width="980" border="0" cellspacing="0" cellpadding="0"><tr><td width="220" valign="top">'
           + related("left", "最新公告", n=4, shift=1, dates=False) + '</td><td valign="top">'
           + '<table width="100%"><tr><td><font color="#999999">您现在的位置：首页 &gt;&gt; 通知公告 &gt;&gt; 正文</font></td></tr>'
           + f'<tr><td align="center"><font size="5" color="#c00000"><b>{E(doc.title)}</b></font></td></tr>'
           + f'<tr><td align="center"><font color="#666666">【发布时间：{slash(doc.published)}】'
           + (f"【{src_span(doc)}】" if doc.source else "") + "【字体：大 中 小】</font></td></tr>"
           + f'<tr><td class="content"><font style="font-size:15px;line-height:28px">\n{body(doc)}\n</font></td></tr>{att}'
           + '<tr><td align="center"><a href="javascript:window.print()">打印本页</a> | <a href="javascript:window.close()">关闭窗口</a></td></tr></table>'
           + "</td></tr></table></center>" + footer(s, table=True))
    return page(None, s.name, "", bod, doctype=HTML4)


def t_hainan_print(doc: Doc, s: Site, i: int) -> str:
    """海南省科技厅-like print view (print.jsp): bare layout, 发布时间：2026/01/19 16:22:05, number and issuer in a small div table, no chrome but a print button."""
    meta = []
    if issuer_cell(doc):
        meta.append(f"<div class='r'><span class='k'>发布机构：</span><span class='v'>{E(issuer_cell(doc))}</span></div>")
    if number_shown(doc):
        meta.append(f"<div class='r'><span class='k'>文号：</span><span class='v'>{E(number_shown(doc))}</span></div>")
    atts = att_links(doc, "p020abs", i)
    att = ("<div class='fj'>附件：" + "".join(f"<div>{a}</div>" for a in atts) + "</div>") if atts else ""
    bod = ("<div class='print-bar'><a href='javascript:window.print();'>打印</a> <a href='javascript:window.close();'>关闭</a></div>"
           + f"<div class='print-wrap'><h2 class='ptitle'>{E(doc.title)}</h2>"
           + f"<div class='ptime'>发布时间：{slash(doc.published)} 16:22:05"
           + (f"　{src_span(doc)}" if doc.source else "") + "</div>"
           + f"<div class='pmeta'>{''.join(meta)}</div><div class='pcontent'>\n{body(doc)}\n</div>{att}</div>"
           + f"<div class='pfoot'>{s.name} http://{s.host}</div>")
    head = "<style>body{font-family:SimSun}.print-bar{text-align:right}</style>"
    return page("UTF-8", f"{doc.title}--打印", head, bod)


def t_nanshan_gkmlpt(doc: Doc, s: Site, i: int) -> str:
    """Shenzhen district gkmlpt-like detail: <title> only the site name, classify <table> with td-label/td-value, h1 in .content, attachment list outside the body."""
    rows = [("索引号", f"11440305MB2C9{i:02d}7X/2026-{i:05d}"), ("分类", "科技、教育"), ("发布机构", issuer_cell(doc)),
            ("成文日期", doc.written or ""), ("名称", doc.title), ("文号", number_shown(doc)), ("发布日期", doc.published)]
    table = '<div class="classify"><table class="table">' + "".join(
        f'<tr><td class="td-label">{k}：</td><td class="td-value"><span title="{E(v)}">{E(v)}</span></td></tr>' for k, v in rows) + "</table></div>"
    atts = att_links(doc, "gkmlpt", i)
    att = ('<div class="attachment"><div class="att-tit">附件：</div><ul>' + "".join(f"<li>{a}</li>" for a in atts) + "</ul></div>") if atts else ""
    bod = (nav(["首页", "政务公开", "政务服务", "政民互动", "走进南山"])
           + '<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/gkmlpt/index">政府信息公开</a> &gt; 政策文件</div>'
           + f'<div class="content-box">{table}<div class="content"><h1 class="title">{E(doc.title)}</h1>'
           + f'<div class="date-row"><span>{doc.published}</span>' + (f"<span>{src_span(doc)}</span>" if doc.source else "") + "</div>"
           + f'<div class="article-content">\n{body(doc)}\n</div></div>{att}</div>'
           + related("related-box", "相关文件", shift=2) + footer(s))
    head = f'<meta name="ArticleTitle" content="{E(doc.title)}">\n<meta name="firstpublishedtime" content="{doc.published} {doc.time}:08">'
    return page("utf-8", s.name, head, bod)


def t_m_qingdao(doc: Doc, s: Site, i: int) -> str:
    """Mobile (m.) page: viewport, og: metas, h3 title, '2026-09-15 08:10 | 来源：X' in one div, bottom tab bar, related cards."""
    atts = att_links(doc, "files", i)
    att = ('<div class="m-att"><p>附件：</p>' + "".join(f"<p>{a}</p>" for a in atts) + "</div>") if atts else ""
    meta = f'{doc.published} {doc.time}' + (f" | {src_span(doc)}" if doc.source else "")
    num = f'<div class="m-num">{E(number_shown(doc))}</div>' if number_shown(doc) and number_shown(doc) not in doc.paras else ""
    bod = (f'<div class="m-header"><a class="back" href="javascript:history.back()">返回</a><span>{s.name}</span></div>'
           + f'<div class="m-article"><h3 class="m-title">{E(doc.title)}</h3><div class="m-meta">{meta}</div>{num}'
           + f'<div class="m-content">\n{body(doc, indent="")}\n</div>{att}</div>'
           + '<div class="m-related"><div class="hd">相关推荐</div>'
           + "".join(f'<a class="card" href="/n/{k}.html"><p>{E(t)}</p><span>{d}</span></a>' for k, (t, d) in enumerate(REL[:3]))
           + "</div>" + '<div class="m-tabbar"><a href="/">首页</a><a href="/zw/">政务</a><a href="/fw/">服务</a><a href="/me/">我的</a></div>')
    head = (f'<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=no">\n'
            f'<meta property="og:title" content="{E(doc.title)}">\n<meta property="og:description" content="{E(doc.paras[0][:60])}">\n'
            f'<meta property="og:url" content="https://{s.host}/">')
    return page("utf-8", f"{doc.title}", head, bod, html5_charset=True)


def t_kunshan_gb18030(doc: Doc, s: Site, i: int) -> str:
    """County-level city portal declared GB18030: metadata in <ul><li><b>label</b><i>value</i>, dates 2026年3月3日, attachments via downfile.jsp outside the body, <title> 'title-昆山市人民政府'."""
    lis = [("索 引 号", f"014018839/2026-{i:05d}"), ("发布机构", issuer_cell(doc)), ("发文字号", number_shown(doc)),
           ("成文日期", cn(doc.written) if doc.written else ""), ("发布日期", cn(doc.published))]
    ul = '<ul class="xxgk-top">' + "".join(f"<li><b>{k}：</b><i>{E(v)}</i></li>" for k, v in lis) + "</ul>"
    atts = att_links(doc, "downfile", i)
    att = ('<div class="fjxz"><b>附件下载：</b>' + "".join(f"<span>{a}</span>" for a in atts) + "</div>") if atts else ""
    bod = (nav(["首页", "走进昆山", "政务公开", "政务服务", "政民互动", "数据开放"])
           + f'<div class="location">您当前的位置：首页 &gt; 政务公开 &gt; {s.column}</div>{ul}'
           + f'<div class="article"><div class="art-title">{E(doc.title)}</div>'
           + (f'<div class="art-src">{src_span(doc)}</div>' if doc.source else "")
           + f'<div class="art-con" id="con">\n{body(doc)}\n</div></div>{att}'
           + prevnext("li") + related("xgwz", "相关文章", shift=5) + footer(s))
    return page("GB18030", f"{doc.title}-{s.name}", '<meta name="generator" content="JPaas">', bod)


def t_jiangning_p_meta(doc: Doc, s: Site, i: int) -> str:
    """District portal: metadata as <p> lines 'label：value' below the title (发文日期：2026年03月11日), body in div.article_cont, share widget, attachments in a <table>."""
    ps = []
    if issuer_cell(doc):
        ps.append(f'<p class="m">发文单位：{E(issuer_cell(doc))}</p>')
    if number_shown(doc):
        ps.append(f'<p class="m">文号：{E(number_shown(doc))}</p>')
    ps.append(f'<p class="m">发文日期：{cn(doc.published, pad=True)}</p>')
    if doc.source:
        ps.append(f'<p class="m">{src_span(doc, "信息来源：")}</p>')
    atts = att_links(doc, "p020", i)
    att = ('<table class="fj-tab"><tr><th>序号</th><th>附件名称</th></tr>'
           + "".join(f"<tr><td>{k}</td><td>{a}</td></tr>" for k, a in enumerate(atts, 1)) + "</table>") if atts else ""
    bod = (nav(["首页", "走进江宁", "新闻中心", "信息公开", "政务服务", "互动交流"])
           + '<div class="bread"><a href="/">首页</a> &gt; <a href="/xxgk/">信息公开</a> &gt; <a href="./">通知公告</a></div>'
           + f'<div class="article"><h2 class="article_title">{E(doc.title)}</h2><div class="article_meta">{"".join(ps)}</div>'
           + f'<div class="article_cont">\n{body(doc)}\n</div>{att}{share()}</div>'
           + related("right-list", "热门文章", shift=1) + footer(s))
    return page("utf-8", f"{doc.title}_{s.column}_{s.name}", "", bod)


def t_chinanews(doc: Doc, s: Site, i: int) -> str:
    """中新网-like news page: '2020年03月12日 08:51　来源：中国新闻网' in div.left-t, body div.left_zw, editor line, 'title-中新网' title."""
    num = f'<p style="text-align:center">{E(number_shown(doc))}</p>' if number_shown(doc) and number_shown(doc) not in doc.paras else ""
    atts = att_links(doc, "files", i)
    att = ("<p>" + "<br>".join(atts) + "</p>") if atts else ""
    bod = ('<div id="navbar">' + "| ".join(["首页", "滚动", "国内", "国际", "社会", "财经", "科技", "健康"]) + "</div>"
           + '<div class="content_maincontent_more"><div class="crumbs">中新网首页 &gt; 科技</div>'
           + f'<h1 class="content_left_title">{E(doc.title)}</h1>'
           + f'<div class="content_left_time">{cn(doc.published, pad=True)} {doc.time}　来源：{E(doc.source)}　'
           + '<a href="#comment">参与互动</a></div>'
           + f'<div class="left_zw" style="position:relative">{num}\n{body(doc, indent="")}\n{att}</div>'
           + '<div class="left_name"><div class="left_name">【编辑:李岩】</div></div>'
           + related("xwzxdd", "更多新闻", shift=3) + "</div>"
           + '<div class="footer"><p>本网站所刊载信息，不代表中新社和中新网观点。 刊用本网站稿件，务经书面授权。</p>'
           + '<p>Copyright &copy;1999-2026 chinanews.com. All Rights Reserved</p></div>')
    head = f'<meta name="keywords" content="人工智能,试验区">\n<meta name="description" content="{E(doc.paras[0][:80])}">'
    return page("utf-8", f"{doc.title}-中新网", head, bod)


def t_gmw_gbk(doc: Doc, s: Site, i: int) -> str:
    """光明网-like GB2312-labelled page (GBK bytes): span#pubTime, span#source with a link, div#contentMain between <!--enpcontent--> markers, '_光明网' title."""
    num = f'<p style="text-align:center">{E(number_shown(doc))}</p>' if number_shown(doc) and number_shown(doc) not in doc.paras else ""
    atts = att_links(doc, "files", i)
    att = ("<p>" + "<br>".join(atts) + "</p>") if atts else ""
    bod = ('<div class="g-top"><a href="https://www.gmw.cn/">光明网首页</a> | <a href="https://tech.gmw.cn/">科技</a></div>'
           + f'<div class="m-title-box"><h1 class="u-title">{E(doc.title)}</h1>'
           + f'<div class="m-con-info"><span class="m-con-time" id="pubTime">{doc.published} {doc.time}</span>'
           + f'<span class="m-con-source">来源：<a href="javascript:;" id="source">{E(doc.source)}</a></span></div></div>'
           + f'<div class="u-mainText" id="contentMain"><!--enpcontent-->{num}\n{body(doc)}\n<!--/enpcontent-->{att}</div>'
           + '<div class="m-zbTool liability">[ 责编：张丽 ]</div>'
           + related("m-xgxw", "相关新闻", shift=2) + '<div class="footer">光明网版权所有</div>')
    head = '<meta name="filetype" content="0">\n<meta name="publishedtype" content="1">\n<meta name="pagetype" content="1">'
    return page("gb2312", f"{doc.title}_光明网", head, bod, doctype=XHTML)


def t_xm_ucap(doc: Doc, s: Site, i: int) -> str:
    """UCAP (开普云)-like city bureau page: 32-hex .shtml URL, <ucapcontent> body, <ul class="info"> with 发布时间 and 来源, <title> 'title - 厦门市科学技术局'."""
    lis = [f"<li>发布时间：{doc.published}</li>"]
    if doc.source:
        lis.append(f"<li>{src_span(doc)}</li>")
    if number_shown(doc):
        lis.append(f"<li>文号：{E(number_shown(doc))}</li>")
    atts = att_links(doc, "ucap", i)
    att = ('<div class="appendix"><p>附件：</p>' + "".join(f"<p>{a}</p>" for a in atts) + "</div>") if atts else ""
    bod = ('<div class="header">' + nav(["首页", "机构概况", "政务公开", "科技服务", "互动交流"]) + "</div>"
           + '<div class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政务公开</a> &gt; <a href="/xxgk/tzgg/">通知公告</a></div>'
           + f'<div class="detail"><div class="detail-title">{E(doc.title)}</div><ul class="info">{"".join(lis)}</ul>'
           + f'<div class="detail-con"><ucapcontent>\n{body(doc)}\n</ucapcontent></div>{att}</div>'
           + prevnext() + footer(s))
    head = f'<meta name="ArticleTitle" content="{E(doc.title)}">\n<meta name="ContentSource" content="{E(doc.source)}">'
    return page("utf-8", f"{doc.title} - {s.name}", head, bod, html5_charset=True)


def t_nanchang_jpaas(doc: Doc, s: Site, i: int) -> str:
    """City bureau on a JPaas-like HTML5 template: <title> 'title_栏目_站点', date 2026/7/8 10:00 in span.time, 来源 in a separate span, attachments in a list outside the body."""
    atts = att_links(doc, "upload", i)
    att = ('<div class="file-list"><h4>附件列表</h4><ul>' + "".join(f"<li>{a}</li>" for a in atts) + "</ul></div>") if atts else ""
    num = (f'<div class="doc-no">{E(number_shown(doc))}</div>' if number_shown(doc) and number_shown(doc) not in doc.paras else "")
    bod = (f'<header class="hd">{nav(["首页", "政务公开", "政务服务", "互动交流", "专题专栏"])}</header>'
           + f'<div class="crumbs"><a href="/">首页</a> &gt; <a href="/col/">{s.column}</a></div>'
           + f'<div class="article"><h1 class="article-title">{E(doc.title)}</h1>'
           + f'<div class="article-meta"><span class="time">{slash(doc.published, pad=False)} 10:00</span>'
           + (f'<span class="source">{src_span(doc)}</span>' if doc.source else "")
           + '<span class="views">阅读数：<em id="hits">--</em></span></div>'
           + f'{num}<div class="article-content" id="zoom">\n{body(doc)}\n</div></div>{att}'
           + related("side-news", "最新文章", shift=4) + footer(s))
    return page("utf-8", f"{doc.title}_{s.column}_{s.name}", '<meta name="renderer" content="webkit">', bod, html5_charset=True)


# ---------------------------------------------------------------- sites and layout

T = Callable[[Doc, Site, int], str]
TEMPLATES: dict[str, tuple[T, str, Site, list[str], str]] = {
    # name: (template, codec of the bytes, site, documents, url pattern)
    "mee_trs": (t_mee_trs, "utf-8", Site("www.mee.gov.cn", "生态环境部", "中华人民共和国生态环境部", "京ICP备05009132号", "bm17000001", "政策文件"),
                ["mee_order", "cac_samr_joint", "most_eval_results", "shanghai_fund_rules"], "trs"),
    "mohrss_p_lines": (t_mohrss_p_lines, "utf-8", Site("www.mohrss.gov.cn", "中华人民共和国人力资源和社会保障部", "中华人民共和国人力资源和社会保障部", "京ICP备12004566号", "bm20000001", "通知公告"),
                       ["mohrss_contest", "president_order", "jx_call_zi", "most_letter_chongqing"], "mohrss"),
    "samr_dl_og": (t_samr_dl_og, "utf-8", Site("www.samr.gov.cn", "国家市场监督管理总局", "国家市场监督管理总局", "京ICP备18022388号", "bm30000012", "通知公告"),
                   ["cac_samr_joint", "state_council_order", "km_joint_repeal", "miit_nanjing"], "samr"),
    "cac_news": (t_cac_news, "utf-8", Site("www.cac.gov.cn", "中国网信网", "中共中央网络安全和信息化委员会办公室", "京ICP备14042428号", "bm01000029", "权威发布"),
                 ["news_guideline_2019", "media_repost_mee_order", "president_order", "most_letter_beijing"], "cac"),
    "fujian_trs_xxgk": (t_fujian_trs_xxgk, "utf-8", Site("kjt.fujian.gov.cn", "福建省科学技术厅", "福建省科学技术厅", "闽ICP备05008633号", "3500000028", "通知公告"),
                        ["fz_request", "most_letter_shanghai", "xm_notice", "most_eval_results"], "trs"),
    "jiangxi_hanweb": (t_jiangxi_hanweb, "gbk", Site("gxt.jiangxi.gov.cn", "江西省工业和信息化厅", "江西省工业和信息化厅", "赣ICP备05004395号", "3600000016", "通知公告"),
                       ["jx_call_zi", "jx_budget", "jx_byline_only", "miit_nanjing"], "hanweb"),
    "yn_nocharset": (t_yn_nocharset, "gbk", Site("kjt.yn.gov.cn", "云南省科学技术厅", "云南省科学技术厅", "滇ICP备05000394号", "5300000021", "通知公告"),
                     ["yn_sig_only", "kunming_reply", "km_joint_repeal", "state_council_order"], "asp"),
    "hainan_print": (t_hainan_print, "utf-8", Site("dost.hainan.gov.cn", "海南省科学技术厅", "海南省科学技术厅", "琼ICP备05000587号", "4600000023", "通知公告"),
                     ["hn_rule_repeal", "hainan_ftz", "most_letter_xian", "mee_order"], "print"),
    "nanshan_gkmlpt": (t_nanshan_gkmlpt, "utf-8", Site("www.szns.gov.cn", "深圳市南山区人民政府网站", "深圳市南山区人民政府", "粤ICP备05024378号", "4403050001", "政策文件"),
                       ["ns_measures", "most_letter_hefei", "news_batch_2020", "cd_later_plan"], "gkmlpt"),
    "m_qingdao": (t_m_qingdao, "utf-8", Site("m.qingdao.gov.cn", "青岛政务网", "青岛市人民政府办公厅", "鲁ICP备05007322号", "3702000040", "要闻"),
                  ["news_tianjin", "fz_news_funding", "hrb_forward", "xm_notice"], "mobile"),
    "kunshan_gb18030": (t_kunshan_gb18030, "gb18030", Site("www.ks.gov.cn", "昆山市人民政府", "昆山市人民政府办公室", "苏ICP备05003916号", "3205830001", "政策文件"),
                        ["most_letter_hefei", "cd_later_plan", "jx_budget", "news_shanghai"], "hex"),
    "jiangning_p_meta": (t_jiangning_p_meta, "utf-8", Site("www.jiangning.gov.cn", "南京市江宁区人民政府", "南京市江宁区人民政府办公室", "苏ICP备05007219号", "3201150002", "通知公告"),
                         ["miit_nanjing", "hrb_forward", "km_joint_repeal", "ns_measures"], "trs"),
    "chinanews": (t_chinanews, "utf-8", Site("www.chinanews.com.cn", "中国新闻网", "中国新闻社", "京ICP备05004340号", "0000000000", "科技"),
                  ["news_batch_2020", "news_guideline_2019", "media_repost_mee_order", "news_shanghai"], "chinanews"),
    "gmw_gbk": (t_gmw_gbk, "gbk", Site("tech.gmw.cn", "光明网", "光明日报社", "京ICP证080016号", "0000000000", "科技"),
                ["news_tianjin", "fz_news_funding", "president_order", "most_letter_beijing"], "gmw"),
    "xm_ucap": (t_xm_ucap, "utf-8", Site("kjj.xm.gov.cn", "厦门市科学技术局", "厦门市科学技术局", "闽ICP备05018911号", "3502000013", "通知公告"),
                ["xm_notice", "most_letter_xian", "yn_sig_only", "kunming_reply"], "hex"),
    "nanchang_jpaas": (t_nanchang_jpaas, "utf-8", Site("gxj.nc.gov.cn", "南昌市工业和信息化局", "南昌市工业和信息化局", "赣ICP备05001207号", "3601000019", "通知公告"),
                       ["jx_byline_only", "shanghai_fund_rules", "hn_rule_repeal", "fz_request"], "jpaas"),
}


def url_of(pattern: str, s: Site, doc: Doc, i: int) -> str:
    y, m, d = ymd(doc.published)
    h = hashlib.md5(f"{s.host}{doc.key}".encode()).hexdigest()
    return {
        "trs": f"https://{s.host}/xxgk/tzgg/{y}{m}/t{y}{m}{d}_{1100000 + i * 917}.html",
        "mohrss": f"https://{s.host}/xxgk2020/fdzdgknr/qt/gztz/{y}{m}/t{y}{m}{d}_{520000 + i * 31}.html",
        "samr": f"https://{s.host}/zw/zfxxgk/fdzdgknr/tzgg/art/{y}/art_{h}.html",
        "cac": f"https://{s.host}/{y}-{m}/{d}/c_{1700000000 + i * 7331}.htm",
        "hanweb": f"https://{s.host}/art/{y}/{int(m)}/{int(d)}/art_26510_{5300000 + i * 13}.html",
        "asp": f"https://{s.host}/InfoDetail/?InfoID={h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:32]}",
        "print": f"https://{s.host}/module/print/print.jsp?artid={820000 + i}&colid=23741",
        "gkmlpt": f"https://{s.host}/gkmlpt/content/11/{1100 + i}/post_{11000000 + i * 4731}.html",
        "mobile": f"https://{s.host}/n/{y}{m}{d}/{h[:16]}.html",
        "hex": f"https://{s.host}/zwgk/tzgg/{y}{m}/{h}.shtml",
        "chinanews": f"https://{s.host}/gn/{y}/{m}-{d}/{9100000 + i * 7}.shtml",
        "gmw": f"https://{s.host}/{y}-{m}/{d}/content_{37000000 + i * 113}.htm",
        "jpaas": f"https://{s.host}/art/{y}/{int(m)}/{int(d)}/art_{38100 + i}_{4700000 + i * 37}.html",
    }[pattern]


def expected(doc: Doc) -> dict[str, object]:
    out: dict[str, object] = {
        "title": doc.title, "doc_number": doc.doc_number, "issuers": list(doc.issuers),
        "written_date": doc.written, "published_date": doc.published,
        "pilot_zone_cities": list(doc.zones), "repeals": list(doc.repeals), "attachments": list(doc.attachments),
    }
    if doc.funding is not None:
        out["funding"] = doc.funding
    return out


def declared(raw: bytes) -> str:
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:1200])
    if not m:
        return "gbk"  # the no-charset pages are GBK bytes (a reader's browser would guess GBK)
    name = m.group(1).decode().lower()
    return {"gb2312": "gbk"}.get(name, name)


def visible_text(text: str) -> str:
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = re.sub(r"(?is)<head>.*?</head>", " ", text)  # metas and <title> do not count as visible
    text = re.sub(r"(?s)<!--.*?-->", " ", text)
    text = re.sub(r"<[^>]+>", "", text)
    return html.unescape(text)


def date_forms(iso: str) -> list[str]:
    return [iso, cn(iso), cn(iso, True), slash(iso), slash(iso, False), cn_numeral(iso)]


def check(path: Path, doc: Doc) -> None:
    raw = path.read_bytes()
    text = visible_text(raw.decode(declared(raw)))
    flat = re.sub(r"\s+", "", text)
    probs = []
    if doc.title not in text:
        probs.append("title")
    if doc.doc_number:
        shown = number_shown(doc)
        if "令第" in doc.doc_number:  # orders print 'X令' and '第N号' on two lines
            org, _, no = doc.doc_number.partition("令")
            ok = org + "令" in flat and no in flat
        else:
            ok = shown in text
        if not ok:
            probs.append("doc_number")
    for iso, what in ((doc.published, "published"), (doc.written, "written")):
        if iso and not any(f in flat for f in date_forms(iso)):
            probs.append(what)
    for name in [*doc.issuers, *doc.zones, *doc.attachments, *doc.repeals]:
        if re.sub(r"\s+", "", name) not in flat:  # a signature may space out its characters
            probs.append(f"value {name}")
    if probs:
        raise SystemExit(f"{path.name}: not visible: {probs}")


def main() -> None:
    used = {k for _, _, _, keys, _ in TEMPLATES.values() for k in keys}
    missing = [d.key for d in DOCS if d.key not in used]
    if missing:
        raise SystemExit(f"documents on no page: {missing}")
    cases = []
    n = 0
    for name, (fn, codec, site, keys, pattern) in TEMPLATES.items():
        for key in keys:
            n += 1
            doc = BY_KEY[key]
            text = fn(doc, site, n)
            data = text.encode(codec)  # strict: a GBK page holds only GBK characters
            fname = f"{name}__{key}.html"
            (HERE / fname).write_bytes(data)
            label = declared(data)
            label = "gb2312" if re.search(rb"charset=gb2312", data[:1200], re.I) else label
            cases.append({"id": f"{name}__{key}", "file": fname, "url": url_of(pattern, site, doc, n),
                          "template": name, "host": site.host, "encoding": label, "expected": expected(doc)})
    (HERE / "labels.json").write_text(json.dumps({"cases": cases}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for c in cases:
        check(HERE / c["file"], BY_KEY[c["id"].split("__", 1)[1]])
    print(f"{len(cases)} pages, {len(TEMPLATES)} templates: all labelled values visible")


if __name__ == "__main__":
    main()

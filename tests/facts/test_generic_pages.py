"""Issue 15 rules, each tested on a page written for the test (not the corpus page that motivated it)."""

from __future__ import annotations

import datetime as dt

from parsers.detail import generic_detail
from parsers.facts import DocText, extract_facts
from parsers.generic import attachment_url, byline_meta
from parsers.notice import parse_bytes
from parsers.titles import strip_site


def _page(body: str, title: str = "", head: str = "") -> str:
    return f"<html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>{body}</body></html>"


def _record(html: str, url: str = "https://kjt.example.gov.cn/art/2026/1/a.html"):  # type: ignore[no-untyped-def]
    return parse_bytes(html.encode("utf-8"), url, is_text=False, source=None, channel=None)


_NAV = "<div class='nav'>" + "".join(f"<a href='/{i}'>栏目{i}</a>" for i in range(12)) + "</div>"
_FOOT = "<div class='footer'><p>主办单位：江西省科学技术厅</p><p>网站标识码3600000012 版权所有 江西省科学技术厅</p></div>"
_TEXT = ("<p>各设区市科技局：</p><p>为加快推进人工智能产业发展，现将有关事项通知如下。</p>"
         "<p>一、支持方向为智能制造与智慧农业。</p><p>江西省科学技术厅</p><p>2026年4月3日</p>")


# ---------------------------------------------------------------- titles


def test_title_suffixes_are_cut_by_the_site_name() -> None:
    sites = {"长沙市科学技术局", "江西省科学技术厅"}
    assert strip_site("关于开展科技特派员选派工作的通知 - 长沙市科学技术局", sites) == "关于开展科技特派员选派工作的通知"
    assert strip_site("国务院办公厅关于印发某某工作方案的通知_国务院部门文件_中国政府网", set()) == (
        "国务院办公厅关于印发某某工作方案的通知")
    assert strip_site("江西省科学技术厅－关于公布名单的通知", sites) == "关于公布名单的通知"
    # a range inside the title is not a separator
    assert strip_site("江西省人工智能发展规划(2026-2030年)", sites) == "江西省人工智能发展规划(2026-2030年)"


def test_title_tag_that_is_only_the_site_name_loses_to_the_heading() -> None:
    html = _page(_NAV + "<div class='art'><div class='art-title'>江西省科学技术厅关于组织申报2026年度重点实验室的通知</div>"
                 "<div class='art-body'>" + _TEXT + "</div></div>" + _FOOT, title="江西省科学技术厅")
    assert _record(html).title == "江西省科学技术厅关于组织申报2026年度重点实验室的通知"


def test_title_from_the_metadata_table_cell_when_no_heading() -> None:
    table = ("<table><tr><th>名　　称：</th><td>江西省科学技术厅关于印发《江西省科技成果转化奖励办法》的通知</td></tr>"
             "<tr><th>发布日期：</th><td>2026-04-08</td></tr></table>")
    rec = _record(_page(_NAV + table + "<div class='zw'>" + _TEXT + "</div>" + _FOOT, title="江西省科学技术厅"))
    assert rec.title == "江西省科学技术厅关于印发《江西省科技成果转化奖励办法》的通知"
    assert rec.published_date == dt.date(2026, 4, 8)


# ---------------------------------------------------------------- main text


def test_main_text_in_divs_without_known_class_names_excludes_chrome() -> None:
    paras = "".join(f"<div>第{i}条 本办法所称专项资金用于支持人工智能企业的技术研发和应用推广。</div>" for i in range(1, 6))
    related = "<div class='related'><ul>" + "".join(f"<li><a href='/r{i}'>相关通知{i}</a></li>" for i in range(9)) + "</ul></div>"
    html = _page(_NAV + f"<div class='x1'><h2>江西省人工智能专项资金管理办法</h2><div class='x2'>{paras}</div></div>" + related + _FOOT)
    detail = generic_detail(html, "https://a.example.gov.cn/x.html")
    assert detail.body.startswith("第1条") and detail.body.count("第") == 5
    assert "版权所有" not in detail.body and "相关通知" not in detail.body and "栏目" not in detail.body


def test_main_text_written_with_br_under_a_heading_div() -> None:
    text = "<br>".join(["各县区人民政府：", "现将实施意见印发给你们，请认真贯彻执行。" * 3, "九江市人民政府", "2026年5月6日"])
    html = _page(_NAV + f"<div class='w'><div class='t'>九江市人民政府关于加快数字经济发展的实施意见</div><div class='b'>{text}</div></div>" + _FOOT)
    detail = generic_detail(html, "https://www.jiujiang.example.gov.cn/a.html")
    assert detail.body.startswith("各县区人民政府") and "加快数字经济发展的实施意见" not in detail.body.split("\n")[0]


# ---------------------------------------------------------------- bylines and dates


def test_byline_dates_and_sources() -> None:
    assert byline_meta("发布时间：2021-02-25 10:00 来源：长沙市科学技术局") == {
        "发布日期": "2021-02-25", "ContentSource": "长沙市科学技术局"}
    assert byline_meta("2021-03-26 信息来源：江西省科学技术厅 【字体：大 中 小】")["发布日期"] == "2021-03-26"
    assert "发布日期" not in byline_meta("打印时间：2026-12-01 08:00")


def test_visible_date_beats_hidden_generation_time_and_source_is_the_issuer() -> None:
    html = _page(_NAV + "<div class='a'><h1>关于公布2026年度省级新型研发机构名单的通知</h1>"
                 "<div class='i'><span>发布时间：2026-04-09 15:00</span><span>来源：江西省科学技术厅</span></div>"
                 "<div class='c'><p>各设区市科技局：</p><p>经评审，现将名单予以公布。</p></div></div>" + _FOOT,
                 title="关于公布2026年度省级新型研发机构名单的通知_江西省科学技术厅",
                 head="<meta name='PubDate' content='2026-12-01 03:00:00'>")
    rec = _record(html)
    assert rec.published_date == dt.date(2026, 4, 9)
    assert rec.issuers == ("江西省科学技术厅",)


def test_media_source_is_not_an_issuer() -> None:
    html = _page(_NAV + "<div class='a'><h1>江西设立人工智能产业基金</h1><div class='i'>2026-04-10 来源：江西日报</div>"
                 "<div class='c'><p>记者从省科技厅获悉，江西将设立人工智能产业基金，支持企业加快发展。</p></div></div>" + _FOOT)
    assert _record(html).issuers == ()


# ---------------------------------------------------------------- attachments


def test_attachment_links_outside_the_body_and_download_scripts() -> None:
    html = _page(_NAV + "<div class='a'><h1>关于公布名单的通知</h1><div class='c'>" + _TEXT + "</div></div>"
                 "<div class='fj'><a href='./P020260409123456789.pdf'>名单.pdf</a>"
                 "<a href='/module/download/downfile.jsp?classid=0&amp;filename=abc123.ofd'>名单（OFD版）</a>"
                 "<a href='files/【8号】申报表.wps'>申报表</a><a href='pack.zip'>材料包</a></div>" + _FOOT)
    names = [a.name for a in _record(html, "https://kjt.example.gov.cn/art/2026/4/9/art_1.html").attachments]
    assert names == ["名单.pdf", "名单（OFD版）", "申报表", "材料包"]
    assert not attachment_url("https://a.example.gov.cn/list.jsp?page=2")


# ---------------------------------------------------------------- facts: 文号, issuers, dates


def test_order_number_issuer_and_date_under_the_person_signature() -> None:
    body = ("中华人民共和国国务院令\n第746号\n《中华人民共和国某某条例》已经2021年4月14日国务院第131次常务会议通过，"
            "现予公布，自2022年3月1日起施行。\n总理 李克强\n2021年7月27日")
    facts = extract_facts(DocText("中华人民共和国国务院令 第746号", body))
    assert facts.doc_number == "国务院令第746号" and facts.issuers == ("国务院",)
    assert facts.written_date == dt.date(2021, 7, 27)
    facts = extract_facts(DocText("主席令", "中华人民共和国主席令\n（第十二号）\n《某法》已通过，现予公布。\n"
                                  "中华人民共和国主席 习近平\n2026年6月28日"))
    assert facts.doc_number == "主席令第十二号" and facts.written_date == dt.date(2026, 6, 28)


def test_order_cited_in_prose_is_not_the_own_number() -> None:
    body = "各有关单位：\n《某某条例》（2018年以国务院令第195号公布）已修订，现就贯彻实施通知如下。"
    assert extract_facts(DocText("关于贯彻实施某某条例的通知", body)).doc_number is None


def test_joint_issuers_are_split_and_spaced_names_are_not() -> None:
    facts = extract_facts(DocText("x", "现予印发。", meta={"发文机关": "深圳市民政局 深圳市财政局"}))
    assert facts.issuers == ("深圳市民政局", "深圳市财政局")
    facts = extract_facts(DocText("x", "现予印发。\n珠海市民政局 珠海市财政局\n2026年3月2日"))
    assert facts.issuers == ("珠海市民政局", "珠海市财政局")
    facts = extract_facts(DocText("x", "现予印发。\n上 海 市 财 政 局\n2026年3月2日"))
    assert facts.issuers == ("上海市财政局",)


def test_revised_rule_repeals_the_old_number_and_keeps_its_own() -> None:
    body = ("深民规字〔2026〕3号\n各区民政局：\n现将修订后的办法印发给你们。原《深圳市养老补贴办法》（深民规字〔2020〕9号）同时废止。\n"
            "深圳市民政局\n2026年2月1日")
    facts = extract_facts(DocText("深圳市民政局关于印发深圳市养老补贴办法的通知", body))
    assert facts.doc_number == "深民规字〔2026〕3号"
    assert [e["doc_number"] for e in facts.events if e["type"] == "repeal"] == ["深民规字〔2020〕9号"]


# ---------------------------------------------------------------- pilot zones


def _cities(title: str, body: str) -> list[str]:
    return [e["city"] for e in extract_facts(DocText(title, body)).events if e["type"] == "pilot_zone_approved"]


def test_a_plan_citing_its_approval_letter_approves_nobody() -> None:
    body = ("根据《科技部关于支持武汉建设国家新一代人工智能创新发展试验区的函》要求，持续推进国家新一代人工智能创新发展试验区建设，"
            "制定本方案。")
    assert _cities("武汉市人民政府关于印发武汉市试验区建设三年行动方案的通知", body) == []


def test_the_request_is_cited_and_only_the_approved_place_counts() -> None:
    body = ("四川省人民政府：\n《四川省人民政府关于商请支持成都市和绵阳市建设国家新一代人工智能创新发展试验区的函》收悉。"
            "经研究，现函复如下。\n一、支持成都市建设国家新一代人工智能创新发展试验区。")
    assert _cities("科技部关于支持成都建设国家新一代人工智能创新发展试验区的函", body) == ["成都"]


def test_existing_zones_and_lists_of_zones_are_not_approvals() -> None:
    assert _cities("新闻", "此前，上海市成为国家新一代人工智能创新发展试验区。") == []
    assert _cities("新闻", "科技部已支持广州、武汉等地建设国家新一代人工智能创新发展试验区。") == []
    assert _cities("综述", "科技部支持北京、上海、天津、深圳、杭州、合肥建设国家新一代人工智能创新发展试验区。") == []


def test_a_reported_approval_counts() -> None:
    body = "近日，科技部批复同意支持哈尔滨市建设国家新一代人工智能创新发展试验区。"
    assert _cities("哈尔滨获批建设试验区", body) == ["哈尔滨"]
    assert _cities("先导区", "工业和信息化部支持长沙市创建国家人工智能创新应用先导区。") == []


# ---------------------------------------------------------------- amounts


def test_fund_size_in_a_news_sentence() -> None:
    body = ("会上宣布，南昌高新区将设立总规模8亿元的人工智能产业基金。对新落户企业给予最高300万元奖励，"
            "对算力平台给予最高100万元补贴。")
    rules = [e for e in extract_facts(DocText("南昌设立人工智能产业基金", body)).events if e["type"] == "funding_rule"]
    assert sorted((r["max_amount_yuan"] or 0, r["fund_size_yuan"] or 0) for r in rules) == [
        (0, 800_000_000), (1_000_000, 0), (3_000_000, 0)]


def test_one_long_paragraph_is_not_the_whole_text_when_the_signature_follows() -> None:
    long_para = "<p>" + "为加快推进全市算力基础设施建设，提升公共算力服务能力，现就有关事项通知如下。" * 3 + "</p>"
    html = _page(_NAV + f"<div class='nr'>{long_para}<p>江西省科学技术厅</p><p>2026年4月3日</p></div>" + _FOOT,
                 title="关于加快算力基础设施建设的通知")
    rec = _record(html)
    assert rec.body.endswith("江西省科学技术厅\n2026年4月3日")
    assert rec.written_date == dt.date(2026, 4, 3) and rec.issuers == ("江西省科学技术厅",)


def test_a_news_teaser_does_not_repeat_the_rule_it_sums_up() -> None:
    body = ("首台套装备奖励最高500万元、人才公寓免租三年、算力券覆盖中小企业……昨日，九江市发布人工智能产业新政。\n"
            "对首次获评国家级首台套的装备，给予研制单位最高500万元奖励。\n"
            "对购买算力服务的中小企业，按实际支出的30%给予补贴，每家每年最高100万元。")
    caps = sorted(e["max_amount_yuan"] for e in extract_facts(DocText(title="九江发布人工智能新政", body=body)).events
                  if e["type"] == "funding_rule" and e["max_amount_yuan"])
    assert caps == [1_000_000, 5_000_000]


def test_labels_glued_on_one_line_are_read_apart() -> None:
    line = "<div class='wzxx'>索引号：11360400/2026-00031文号：浔科发〔2026〕9号发布日期：2026-04-07</div>"
    rec = _record(_page(_NAV + line + "<div class='zw'>" + _TEXT + "</div>" + _FOOT, title="关于组织申报的通知"))
    assert rec.doc_number == "浔科发〔2026〕9号" and rec.published_date == dt.date(2026, 4, 7)


def test_an_order_whose_title_is_its_number() -> None:
    body = ("<p>《工业数据分类分级管理办法》已经2026年1月8日第2次部务会议审议通过，现予公布，自2026年4月1日起施行。</p>"
            "<p>部长　王某某</p><p>2026年1月20日</p>")
    rec = _record(_page(_NAV + f"<div class='zw'>{body}</div>" + _FOOT, title="中华人民共和国工业和信息化部令（第82号）"))
    assert rec.doc_number == "工业和信息化部令第82号" and rec.written_date == dt.date(2026, 1, 20)


def test_a_county_media_centre_is_not_an_issuer() -> None:
    byline = "<div class='xx'>2026-04-02 来源：修水县融媒体中心</div>"
    rec = _record(_page(_NAV + byline + "<div class='zw'><p>" + "昨日，修水县举办人工智能应用场景对接会，五十余家企业参加。" * 3
                        + "</p></div>" + _FOOT, title="修水县举办人工智能应用场景对接会"))
    assert rec.issuers == ()


def test_a_short_page_is_not_titled_by_its_whole_text() -> None:
    html = _page("<div class='zw'><p>" + "现将有关事项通知如下，请认真执行。" * 3 + "</p></div>",
                 title="关于做好数据安全检查的通知（浔科〔2026〕4号）")
    rec = _record(html)
    assert rec.title == "关于做好数据安全检查的通知（浔科〔2026〕4号）" and rec.doc_number == "浔科〔2026〕4号"


_LINES = ["各县区人民政府：", "为加快人工智能产业发展，现将有关事项通知如下。", "一、加强算力基础设施建设。",
          "二、支持企业开展行业大模型研发。", "九江市人民政府", "2026年5月6日"]


def test_a_long_copyright_paragraph_is_not_the_main_text() -> None:
    notice = ("<div class='sm'><p>" + "本网站所载文字、图片等内容版权归本网站所有，未经书面授权不得转载、摘编或以其他方式使用。" * 3
              + "</p></div>")
    text = "".join(f"<p>{line}</p>" for line in _LINES)
    detail = generic_detail(_page(_NAV + f"<div class='q1'><div class='q2'>{text}</div></div>{notice}"), "https://a.example.gov.cn/1.html")
    assert detail.body.startswith("各县区人民政府") and "版权" not in detail.body


def test_text_in_an_inline_wrapper_is_read_from_its_own_block_not_the_page() -> None:
    pre = "<pre>" + "\n".join(_LINES) + "</pre>"
    detail = generic_detail(_page(_NAV + f"<div class='q1'>{pre}</div>" + _FOOT), "https://a.example.gov.cn/1.html")
    assert detail.body.startswith("各县区人民政府") and detail.body.endswith("2026年5月6日")


_SIDEBAR = ("<div class='lm'><h3>最新动态</h3><ul>" + "".join(
    f"<li><a href='/n{i}.html'>动态{i}</a><span>2025-12-0{i}</span></li>" for i in range(1, 4)) + "</ul></div>")


def test_a_bare_date_under_the_heading_is_the_publication_date_and_a_sidebar_date_is_not() -> None:
    heading = "<h1>关于开展人工智能应用场景征集的通知</h1>"
    for line in ("<div class='sj'>2026-04-09</div>", "<p class='info'><span>2026年04月09日</span><span>浏览：88</span></p>"):
        html = _page(_NAV + _SIDEBAR + f"<div class='nr'>{heading}{line}<div class='zw'>{_TEXT}</div></div>" + _FOOT,
                     head="<meta name='PubDate' content='2026-04-15 08:00'>")
        assert _record(html).published_date == dt.date(2026, 4, 9), line
    without = _page(_NAV + _SIDEBAR + f"<div class='nr'>{heading}<div class='zw'>{_TEXT}</div></div>" + _FOOT)
    assert _record(without).published_date is None


def test_bracketed_byline_labels() -> None:
    assert byline_meta("【发布时间】2026-04-09【来源】九江市科学技术局") == {
        "发布日期": "2026-04-09", "ContentSource": "九江市科学技术局"}


def test_signature_on_one_line_and_a_table_row_that_is_not_one() -> None:
    signed = "<p>各县区科技局：</p><p>现将有关事项通知如下。</p><p style='text-align:right'>九江市科学技术局　2026年4月3日</p>"
    rec = _record(_page(_NAV + f"<div class='zw'>{signed}</div>" + _FOOT, title="关于某事的通知"))
    assert rec.written_date == dt.date(2026, 4, 3) and rec.issuers == ("九江市科学技术局",)
    row = "<p>现将名单公布如下。</p><table><tr><td>九江市第一人民医院</td><td>2026年4月3日</td></tr></table>"
    assert _record(_page(_NAV + f"<div class='zw'>{row}</div>" + _FOOT, title="名单公示")).written_date is None


def test_an_icon_link_before_the_named_link_does_not_name_the_attachment() -> None:
    links = ("<p>附件：<a href='/u/2026/zn.pdf'><img src='/i/pdf.png'></a><a href='/u/2026/zn.pdf'>2026年申报指南</a></p>"
             "<p><a href='/u/2026/mb.wps'></a></p>")
    rec = _record(_page(_NAV + "<div class='zw'>" + _TEXT + links + "</div>" + _FOOT, title="关于申报的通知"))
    assert [a.name for a in rec.attachments] == ["2026年申报指南", "mb.wps"]


def test_every_document_listed_before_the_verb_is_repealed() -> None:
    body = ("第十条 本办法自2026年6月1日起施行。《九江市科技奖励办法》（九府规〔2018〕4号）、《九江市科技奖励实施细则》"
            "（九科规〔2020〕2号）和《九江市专利资助办法》（九科规〔2021〕6号）同时废止。")
    events = extract_facts(DocText(title="九江市科技奖励办法", body=body)).events
    assert [e["doc_number"] for e in events if e["type"] == "repeal"] == [
        "九府规〔2018〕4号", "九科规〔2020〕2号", "九科规〔2021〕6号"]
    cited = "根据《九江市科技奖励办法》（九府规〔2018〕4号）、《实施细则》（九科规〔2020〕2号），制定本细则。"
    assert not [e for e in extract_facts(DocText(title="细则", body=cited)).events if e["type"] == "repeal"]


def test_other_sites_words_and_spaced_labels_in_a_metadata_table() -> None:
    rows = [("文　　号", "浔科发〔2026〕12号"), ("发布单位", "九江市科学技术局 九江市财政局"), ("成文时间", "2026-04-01"),
            ("公开日期", "2026-04-03")]
    table = "<table>" + "".join(f"<tr><td>{k}：</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
    text = "<div class='zw'><p>各县区科技局：</p><p>" + "现将有关事项通知如下，请认真贯彻执行。" * 4 + "</p></div>"
    rec = _record(_page(_NAV + table + text + _FOOT, title="关于某事的通知"))
    assert rec.doc_number == "浔科发〔2026〕12号"
    assert rec.issuers == ("九江市科学技术局", "九江市财政局")
    assert rec.written_date == dt.date(2026, 4, 1) and rec.published_date == dt.date(2026, 4, 3)


def test_a_signature_under_a_seal_note() -> None:
    body = "各县区科技局：\n现将有关事项通知如下。\n九江市科学技术局（盖章）\n2026年4月3日"
    facts = extract_facts(DocText(title="关于某事的通知", body=body, url="https://kjj.jiujiang.example.gov.cn/a.html"))
    assert facts.issuers == ("九江市科学技术局",) and facts.written_date == dt.date(2026, 4, 3)


def test_numbers_with_di_and_other_brackets() -> None:
    for raw in ("浔科发〔2026〕第12号", "浔科发〖2026〗12号"):
        rec = _record(_page(_NAV + f"<div class='zw'><p>{raw}</p>" + _TEXT + "</div>" + _FOOT, title="关于某事的通知"))
        assert rec.doc_number == "浔科发〔2026〕12号", raw
    prose = "<div class='zw'><p>根据2026年第12号公告，现将有关事项通知如下。</p>" + _TEXT + "</div>"
    assert _record(_page(_NAV + prose + _FOOT, title="关于某事的通知")).doc_number is None

# ruff: noqa: E501  -- the golden table holds whole titles and attachment URLs on one line each
"""Per-channel fixture tests: parse each channel's snapshot list pages and a representative notice.

The representative notice is the first one with attachments; every field the platform returns for it
is pinned here. Invariants hold over every entry of every channel (MOST included).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from parsers.page import ListEntry
from parsers.urls import is_http_url
from tests.sources.conftest import TODAY, all_channel_keys, channel_parts, snapshot_text
from tests.sources.zone_cases import ZONE_CASES


@dataclass(frozen=True)
class Case:
    p1: int
    p2: int
    pages: int | None
    url: str
    title: str
    date: str
    doc_number: str | None
    detail_title: str
    body_line: str
    meta: dict[str, str]
    attachments: list[tuple[str, str]]


CASES: dict[str, Case] = {
    "beijing/zcfg": Case(
        p1=3, p2=1, pages=2,
        url="https://www.beijing.gov.cn/zhengce/zhengcefagui/202611/t20261118_4747234.html",
        title="北京市人民政府办公厅关于印发《北京市加快建设国家新一代人工智能创新发展试验区行动方案（2026—2028年）》的通知",
        date="2026-11-18", doc_number=None,
        detail_title="北京市人民政府办公厅关于印发《北京市加快建设国家新一代人工智能创新发展试验区行动方案（2026—2028年）》的通知",
        body_line='根据《科技部关于支持北京建设国家新一代人工智能创新发展试验区的函》（国科函规〔2019〕27号），本市持续推进试验区建设。到2028年，全市人工智能核心产业规模力争突破5000亿元。',
        meta={'发文字号': '京政办发〔2026〕31号', '成文日期': '2026-11-12', 'ContentSource': '北京市人民政府办公厅'},
        attachments=[('行动方案重点任务分工表.pdf', 'https://www.beijing.gov.cn/zhengce/zhengcefagui/202611/P02026111847472341.pdf')],
    ),
    "beijing/kw_tzgg": Case(
        p1=3, p2=1, pages=2,
        url="https://kw.beijing.gov.cn/zwgk/tzgg/202611/t20261120_4755566.html",
        title="关于组织申报2027年度北京市人工智能揭榜挂帅项目的通知",
        date="2026-11-20", doc_number=None,
        detail_title="关于组织申报2027年度北京市人工智能揭榜挂帅项目的通知",
        body_line='一、支持方向：大模型基础理论、具身智能、智能芯片、科学智能（AI for Science）。',
        meta={'ContentSource': '北京市科学技术委员会、中关村科技园区管理委员会'},
        attachments=[('2027年度人工智能揭榜挂帅项目申报指南.docx', 'https://kw.beijing.gov.cn/zwgk/tzgg/202611/P02026112047555661.docx'), ('项目申报书模板.doc', 'https://kw.beijing.gov.cn/zwgk/tzgg/202611/P02026112047555662.doc')],
    ),
    "beijing/kw_zcwj": Case(
        p1=3, p2=1, pages=2,
        url="https://kw.beijing.gov.cn/zwgk/zcwj/202611/t20261110_4705333.html",
        title="北京市科学技术委员会 中关村科技园区管理委员会关于印发《北京市支持人工智能大模型创新发展若干措施》的通知",
        date="2026-11-10", doc_number=None,
        detail_title="北京市科学技术委员会 中关村科技园区管理委员会关于印发《北京市支持人工智能大模型创新发展若干措施》的通知",
        body_line='一、支持大模型基础研究，对取得重大原创成果的团队给予最高1亿元支持。',
        meta={'发文字号': '京科发〔2026〕12号', '成文日期': '2026-11-06', 'ContentSource': '北京市科学技术委员会、中关村科技园区管理委员会'},
        attachments=[('若干措施政策解读.pdf', 'https://kw.beijing.gov.cn/zwgk/zcwj/202611/P02026111047053331.pdf')],
    ),
    "beijing/jxj_tzgg": Case(
        p1=3, p2=1, pages=2,
        url="https://jxj.beijing.gov.cn/jxdt/tzgg/202611/t20261121_4723514.html",
        title="北京市经济和信息化局关于组织申报2027年北京市高精尖产业发展资金（人工智能方向）项目的通知",
        date="2026-11-21", doc_number=None,
        detail_title="北京市经济和信息化局关于组织申报2027年北京市高精尖产业发展资金（人工智能方向）项目的通知",
        body_line='一、对人工智能软硬件产品研发及产业化项目，按照项目总投资的20%给予奖励，最高3000万元。',
        meta={'ContentSource': '北京市经济和信息化局'},
        attachments=[('2027年高精尖产业发展资金实施指南.pdf', 'https://jxj.beijing.gov.cn/jxdt/tzgg/202611/P02026112147235141.pdf'), ('申报材料清单.xlsx', 'https://jxj.beijing.gov.cn/jxdt/tzgg/202611/P02026112147235142.xlsx')],
    ),
    "beijing/hd_zcwj": Case(
        p1=3, p2=1, pages=2,
        url="https://zyk.bjhd.gov.cn/zwdt/zcwj/202611/t20261116_5232828.shtml",
        title="关于印发《关于加快中关村科学城人工智能创新引领发展的若干措施（2026年修订）》的通知",
        date="2026-11-16", doc_number=None,
        detail_title="关于印发《关于加快中关村科学城人工智能创新引领发展的若干措施（2026年修订）》的通知",
        body_line='一、支持原始创新。对实现重大突破的项目，以“一事一议”方式给予最高2亿元资金支持。',
        meta={'发文字号': '海行规发〔2026〕9号', 'ContentSource': '北京市海淀区人民政府、中关村科学城管理委员会'},
        attachments=[('若干措施（2026年修订）全文.pdf', 'https://zyk.bjhd.gov.cn/zwdt/zcwj/202611/P02026111647328281.pdf')],
    ),
    "shanghai/szfwj": Case(
        p1=3, p2=1, pages=2,
        url="https://www.shanghai.gov.cn/nw12344/20261117/169b995d516a5fafd62f1a80a5cbd07d.html",
        title="上海市人民政府关于印发《上海市建设人工智能“上海高地”行动方案（2026—2028年）》的通知",
        date="2026-11-17", doc_number=None,
        detail_title="上海市人民政府关于印发《上海市建设人工智能“上海高地”行动方案（2026—2028年）》的通知",
        body_line='现将《上海市建设人工智能“上海高地”行动方案（2026—2028年）》印发给你们，请认真按照执行。',
        meta={'发文字号': '沪府发〔2026〕21号', '成文日期': '2026年11月10日'},
        attachments=[],
    ),
    "shanghai/sheitc_zxxx": Case(
        p1=3, p2=1, pages=2,
        url="https://www.sheitc.sh.gov.cn/zxxx/20261119/c7a83fc09af848cc668ee977afaa244d.html",
        title="上海市经济信息化委、市财政局关于印发《上海市人工智能创新发展专项支持实施细则（2026年修订）》的通知",
        date="2026-11-19", doc_number=None,
        detail_title="上海市经济信息化委、市财政局关于印发《上海市人工智能创新发展专项支持实施细则（2026年修订）》的通知",
        body_line='为贯彻落实国家《新一代人工智能发展规划》（国发〔2017〕35号）的有关要求，推进本市人工智能产业发展，经市政府同意，我们修订了《上海市人工智能创新发展专项支持实施细则》。现印发给你们，请按照执行。',
        meta={'发文字号': '沪经信规〔2026〕12号', '成文日期': '2026年11月12日', 'ContentSource': '上海市经济和信息化委员会'},
        attachments=[('上海市人工智能创新发展专项支持实施细则（2026年修订）', 'https://www.sheitc.sh.gov.cn/cmsres/c7/c7a83fc09af848cc668ee977afaa244d1.pdf'), ('项目申报表', 'https://www.sheitc.sh.gov.cn/cmsres/c7/c7a83fc09af848cc668ee977afaa244d2.docx')],
    ),
    "shanghai/stcsm_zcwj": Case(
        p1=3, p2=1, pages=2,
        url="https://stcsm.sh.gov.cn/zwgk/kjzc/zcwj/kwzcxwj/20261113/8c326b380ae6d94a59ebdfeb9979e96f.html",
        title="上海市科学技术委员会关于印发《上海市科技计划项目管理办法（2026年修订）》的通知",
        date="2026-11-13", doc_number=None,
        detail_title="上海市科学技术委员会关于印发《上海市科技计划项目管理办法（2026年修订）》的通知",
        body_line='为进一步规范市级科技计划项目管理，现将修订后的管理办法印发给你们，请遵照执行。',
        meta={'发文字号': '沪科规〔2026〕7号', '成文日期': '2026年11月8日', 'ContentSource': '上海市科学技术委员会'},
        attachments=[('上海市科技计划项目管理办法（2026年修订）', 'https://stcsm.sh.gov.cn/cmsres/8c/8c326b380ae6d94a59ebdfeb9979e96f1.pdf')],
    ),
    "shanghai/stcsm_xmsb": Case(
        p1=3, p2=1, pages=2,
        url="https://stcsm.sh.gov.cn/zwgk/kyjhxm/xmsb/20261124/7871ad8ef324040bb047da31f6e0cc23.html",
        title="关于发布上海市2027年度“科技创新行动计划”人工智能科技支撑专项项目申报指南的通知",
        date="2026-11-24", doc_number=None,
        detail_title="关于发布上海市2027年度“科技创新行动计划”人工智能科技支撑专项项目申报指南的通知",
        body_line='专题一：大模型可信评测技术，拟支持不超过5项，每项资助额度不超过300万元。',
        meta={'ContentSource': '上海市科学技术委员会'},
        attachments=[('2027年度人工智能科技支撑专项申报指南', 'https://stcsm.sh.gov.cn/cmsres/78/7871ad8ef324040bb047da31f6e0cc231.pdf')],
    ),
    "tianjin/szfwj_bgt": Case(
        p1=3, p2=1, pages=2,
        url="https://www.tj.gov.cn/zwgk/szfwj/tjsrmzfbgt/202611/t20261114_3556130.html",
        title="天津市人民政府办公厅关于印发天津市建设国家新一代人工智能创新发展试验区三年行动计划（2026—2028年）的通知",
        date="2026-11-14", doc_number=None,
        detail_title="天津市人民政府办公厅关于印发天津市建设国家新一代人工智能创新发展试验区三年行动计划（2026—2028年）的通知",
        body_line='到2028年，全市人工智能核心产业规模达到800亿元，建成国家新一代人工智能创新发展试验区。',
        meta={'发文字号': '津政办发〔2026〕38号', '成文日期': '2026-11-09', 'ContentSource': '天津市人民政府办公厅'},
        attachments=[('重点任务分工.pdf', 'https://www.tj.gov.cn/zwgk/szfwj/tjsrmzfbgt/202611/W02026111447561301.pdf')],
    ),
    "tianjin/kxjs_tzgg": Case(
        p1=3, p2=1, pages=2,
        url="https://kxjs.tj.gov.cn/ZWGK4143/TZGG2079/202611/t20261116_6508881.html",
        title="市科技局关于组织申报2027年度天津市人工智能重大科技专项的通知",
        date="2026-11-16", doc_number=None,
        detail_title="市科技局关于组织申报2027年度天津市人工智能重大科技专项的通知",
        body_line='重大专项项目支持强度为500万元至1000万元，重点项目支持强度不超过300万元。',
        meta={'ContentSource': '天津市科学技术局'},
        attachments=[('2027年度人工智能重大科技专项申报指南.pdf', 'https://kxjs.tj.gov.cn/ZWGK4143/TZGG2079/202611/W02026111647088811.pdf'), ('项目申报书.docx', 'https://kxjs.tj.gov.cn/ZWGK4143/TZGG2079/202611/W02026111647088812.docx')],
    ),
    "tianjin/kxjs_xmsb": Case(
        p1=3, p2=1, pages=2,
        url="https://kxjs.tj.gov.cn/BSFW9672/XMGL4742/XMSB4597/202611/t20261122_6538573.html",
        title="关于申报2027年度天津市人工智能“揭榜挂帅”项目的通知",
        date="2026-11-22", doc_number=None,
        detail_title="关于申报2027年度天津市人工智能“揭榜挂帅”项目的通知",
        body_line='申报单位须于2026年12月22日前在天津市科技计划项目管理系统完成填报。',
        meta={'ContentSource': '天津市科学技术局'},
        attachments=[('揭榜任务榜单.xlsx', 'https://kxjs.tj.gov.cn/BSFW9672/XMGL4742/XMSB4597/202611/W02026112247385731.xlsx')],
    ),
    "tianjin/gyxxh_zcwj": Case(
        p1=3, p2=1, pages=2,
        url="https://gyxxh.tj.gov.cn/ZWGK4147/ZCWJ6355/202611/t20261112_6551525.html",
        title="市工业和信息化局关于印发《天津市人工智能产业发展专项资金管理办法》的通知",
        date="2026-11-12", doc_number=None,
        detail_title="市工业和信息化局关于印发《天津市人工智能产业发展专项资金管理办法》的通知",
        body_line='专项资金对人工智能产业化项目按设备投资额的20%给予补助，最高2000万元。',
        meta={'ContentSource': '天津市工业和信息化局'},
        attachments=[('天津市人工智能产业发展专项资金管理办法.pdf', 'https://gyxxh.tj.gov.cn/ZWGK4147/ZCWJ6355/202611/W02026111247515251.pdf')],
    ),
    "shenzhen/szf_gkml": Case(
        p1=3, p2=1, pages=2,
        url="http://www.sz.gov.cn/gkmlpt/content/13/13012/post_13012457.html",
        title="深圳市人民政府关于印发深圳市新一代人工智能发展行动计划（2026—2028年）的通知",
        date="2026-11-18", doc_number='深府〔2026〕52号',
        detail_title="深圳市人民政府关于印发深圳市新一代人工智能发展行动计划（2026—2028年）的通知",
        body_line='根据《科技部关于支持深圳建设国家新一代人工智能创新发展试验区的函》（国科函规〔2019〕183号），本市加快建设人工智能先锋城市。',
        meta={'发文字号': '深府〔2026〕52号', '成文日期': '2026-11-13', '发布机构': '深圳市人民政府'},
        attachments=[('行动计划重点任务清单.pdf', 'http://www.sz.gov.cn/attachment/1/457/130124571.pdf')],
    ),
    "shenzhen/stic_gkml": Case(
        p1=3, p2=1, pages=2,
        url="http://stic.sz.gov.cn/gkmlpt/content/13/13013/post_13013921.html",
        title="深圳市科技创新局关于发布2027年度人工智能重大科技专项申报指南的通知",
        date="2026-11-23", doc_number=None,
        detail_title="深圳市科技创新局关于发布2027年度人工智能重大科技专项申报指南的通知",
        body_line='重大项目资助强度不超过3000万元，重点项目资助强度不超过1000万元。',
        meta={'成文日期': '2026-11-23', '发布机构': '深圳市科技创新局'},
        attachments=[('2027年度人工智能重大科技专项申报指南.pdf', 'http://stic.sz.gov.cn/attachment/1/921/130139211.pdf')],
    ),
    "shenzhen/gxj_gkml": Case(
        p1=3, p2=1, pages=2,
        url="http://gxj.sz.gov.cn/gkmlpt/content/13/13014/post_13014388.html",
        title="深圳市工业和信息化局关于发布打造人工智能先锋城市项目扶持计划申请指南的通知",
        date="2026-11-20", doc_number=None,
        detail_title="深圳市工业和信息化局关于发布打造人工智能先锋城市项目扶持计划申请指南的通知",
        body_line='一、对人工智能软硬件产品研发项目，按照项目总投资的40%给予资助，最高3000万元。',
        meta={'成文日期': '2026-11-20', '发布机构': '深圳市工业和信息化局'},
        attachments=[('打造人工智能先锋城市项目扶持计划申请指南.pdf', 'http://gxj.sz.gov.cn/attachment/1/388/130143881.pdf'), ('申请表.docx', 'http://gxj.sz.gov.cn/attachment/1/388/130143882.docx')],
    ),
    "hangzhou/bmwj": Case(
        p1=3, p2=1, pages=2,
        url="https://www.hangzhou.gov.cn/art/2026/11/19/art_1229063389_59048466.html",
        title="杭州市人民政府办公厅关于印发杭州市建设国家新一代人工智能创新发展试验区三年行动计划（2026—2028年）的通知",
        date="2026-11-19", doc_number=None,
        detail_title="杭州市人民政府办公厅关于印发杭州市建设国家新一代人工智能创新发展试验区三年行动计划（2026—2028年）的通知",
        body_line='《杭州市建设国家新一代人工智能创新发展试验区三年行动计划（2026—2028年）》已经市政府同意，现印发给你们，请认真组织实施。',
        meta={'ContentSource': '杭州市人民政府办公厅'},
        attachments=[('重点任务清单.pdf', 'https://www.hangzhou.gov.cn/art/2026/11/19/4748466_1.pdf')],
    ),
    "hangzhou/kj_tzgg": Case(
        p1=3, p2=1, pages=2,
        url="https://kj.hangzhou.gov.cn/art/2026/11/21/art_1693961_59001473.html",
        title="杭州市科学技术局关于组织申报2027年度杭州市人工智能重大科技创新项目的通知",
        date="2026-11-21", doc_number=None,
        detail_title="杭州市科学技术局关于组织申报2027年度杭州市人工智能重大科技创新项目的通知",
        body_line='为推进国家新一代人工智能创新发展试验区建设，现组织申报2027年度人工智能重大科技创新项目。',
        meta={'ContentSource': '杭州市科学技术局'},
        attachments=[('2027年度人工智能重大科技创新项目申报指南.pdf', 'https://kj.hangzhou.gov.cn/art/2026/11/21/4701473_1.pdf'), ('项目申报书.doc', 'https://kj.hangzhou.gov.cn/art/2026/11/21/4701473_2.doc')],
    ),
    "hangzhou/jxj_tzgg": Case(
        p1=3, p2=1, pages=2,
        url="https://jxj.hangzhou.gov.cn/art/2026/11/18/art_1229416425_59019516.html",
        title="杭州市经济和信息化局关于组织申报2027年度杭州市人工智能产业发展专项资金项目的通知",
        date="2026-11-18", doc_number=None,
        detail_title="杭州市经济和信息化局关于组织申报2027年度杭州市人工智能产业发展专项资金项目的通知",
        body_line='现组织申报2027年度人工智能产业发展专项资金项目。',
        meta={'ContentSource': '杭州市经济和信息化局'},
        attachments=[('2027年度人工智能产业发展专项资金申报指南.pdf', 'https://jxj.hangzhou.gov.cn/art/2026/11/18/4719516_1.pdf')],
    ),
    "hefei/gsgg": Case(
        p1=3, p2=1, pages=2,
        url="https://www.hefei.gov.cn/public/1741/1090215601.html",
        title="合肥市人民政府办公室关于印发合肥建设国家新一代人工智能创新发展试验区实施方案（2026—2028年）的通知",
        date="2026-11-17", doc_number=None,
        detail_title="合肥市人民政府办公室关于印发合肥建设国家新一代人工智能创新发展试验区实施方案（2026—2028年）的通知",
        body_line='落实《科技部关于支持合肥建设国家新一代人工智能创新发展试验区的函》（国科函规〔2019〕185号）要求，到2028年全市人工智能产业规模突破3000亿元。',
        meta={'文号': '合政办〔2026〕19号', '成文日期': '2026-11-12', '发布机构': '合肥市人民政府办公室', 'ContentSource': '合肥市人民政府办公室'},
        attachments=[('实施方案重点任务分工.pdf', 'https://www.hefei.gov.cn/group1/M00/55/47215601.pdf')],
    ),
    "hefei/kjj_tzgg": Case(
        p1=3, p2=1, pages=2,
        url="https://kjj.hefei.gov.cn/zwgk/tzgg/1090379381.html",
        title="合肥市科学技术局关于组织申报2027年度合肥市人工智能关键核心技术攻关项目的通知",
        date="2026-11-20", doc_number=None,
        detail_title="合肥市科学技术局关于组织申报2027年度合肥市人工智能关键核心技术攻关项目的通知",
        body_line='对立项项目给予最高1000万元支持，采取“揭榜挂帅”方式组织实施。',
        meta={'ContentSource': '合肥市科学技术局'},
        attachments=[('2027年度关键核心技术攻关项目申报指南.pdf', 'https://kjj.hefei.gov.cn/group1/M00/46/47379381.pdf'), ('项目申报书.docx', 'https://kjj.hefei.gov.cn/group1/M00/46/47379382.docx')],
    ),
    "hefei/jxj_tzgg": Case(
        p1=3, p2=1, pages=2,
        url="https://jxj.hefei.gov.cn/tzgg/1090090191.html",
        title="合肥市经济和信息化局关于组织申报2027年度合肥市人工智能产业发展政策项目的通知",
        date="2026-11-19", doc_number=None,
        detail_title="合肥市经济和信息化局关于组织申报2027年度合肥市人工智能产业发展政策项目的通知",
        body_line='对人工智能软件产品销售收入首次突破1亿元的企业，一次性奖励100万元。',
        meta={'ContentSource': '合肥市经济和信息化局'},
        attachments=[('2027年度人工智能产业发展政策项目申报通知.pdf', 'https://jxj.hefei.gov.cn/group1/M00/39/47090191.pdf')],
    ),
}

# Zones 7-18 and the provinces (issue 20): the same fields, kept in their own module.
CASES.update({key: Case(**fields) for key, fields in ZONE_CASES.items()})


def _lists(key: str) -> tuple[list[ListEntry], list[ListEntry], int | None]:
    _, ctx, platform = channel_parts(key)
    first, second = platform.page_request(ctx, 1), platform.page_request(ctx, 2)
    p1 = platform.parse_list(snapshot_text(first), first.url, ctx)
    p2 = platform.parse_list(snapshot_text(second), second.url, ctx)
    return list(p1.entries), list(p2.entries), p1.total_pages


def test_every_new_channel_has_a_case() -> None:
    assert {k for k in all_channel_keys() if not k.startswith("most/")} == set(CASES)
    assert len(all_channel_keys()) >= 24 + 30


@pytest.mark.parametrize("key", sorted(CASES))
def test_list_pages(key: str) -> None:
    case = CASES[key]
    p1, p2, pages = _lists(key)
    assert (len(p1), len(p2), pages) == (case.p1, case.p2, case.pages)
    entry = next(e for e in p1 + p2 if e.url == case.url)
    assert entry.title == case.title
    assert entry.date == dt.date.fromisoformat(case.date)
    assert entry.doc_number == case.doc_number


@pytest.mark.parametrize("key", sorted(CASES))
def test_representative_detail(key: str) -> None:
    from parsers.page import PageRequest

    case = CASES[key]
    _, ctx, platform = channel_parts(key)
    detail = platform.parse_detail(snapshot_text(PageRequest(case.url)), case.url, ctx)
    assert detail.title == case.detail_title
    assert case.body_line in detail.body.split("\n")
    assert {k: detail.meta.get(k) for k in case.meta} == case.meta
    assert [(a.name, a.url) for a in detail.attachments] == case.attachments


@pytest.mark.parametrize("key", all_channel_keys())
def test_invariants_over_all_entries(key: str) -> None:
    p1, p2, _ = _lists(key)
    entries = p1 + p2
    assert entries
    assert len({e.url for e in entries}) == len(entries), "an entry is listed twice"
    for entry in entries:
        assert is_http_url(entry.url) and "://" in entry.url, entry.url
        assert entry.title.strip(), entry.url
        assert entry.date is not None and entry.date <= TODAY, (entry.url, entry.date)


@pytest.mark.parametrize("key", all_channel_keys())
def test_every_listed_notice_has_a_parseable_detail(key: str) -> None:
    from parsers.page import PageRequest

    _, ctx, platform = channel_parts(key)
    p1, p2, _ = _lists(key)
    for entry in p1 + p2:
        detail = platform.parse_detail(snapshot_text(PageRequest(entry.url)), entry.url, ctx)
        assert detail.title and detail.body, entry.url

"""Issuing bodies: splitting joint issuance and mapping aliases to one canonical name.

The alias table covers MOST and, for each of the six pilot-zone cities, the municipal
government, the S&T and economy/IT bureaus and the finance bureau, plus Haidian. Names not
in the table are kept as written (spaces removed) when they look like an organisation.
"""

from __future__ import annotations

import re
from types import MappingProxyType

CITIES = ("北京", "上海", "天津", "深圳", "杭州", "合肥")

# canonical name -> aliases (the canonical name is implicitly its own alias)
_CANON: dict[str, tuple[str, ...]] = {
    "科技部": ("科学技术部", "中华人民共和国科学技术部", "国家科技部", "科技部网站"),
    "国务院": ("中华人民共和国国务院",),
    "国务院办公厅": ("国办",),
    "工业和信息化部": ("工信部", "中华人民共和国工业和信息化部"),
    "财政部": ("中华人民共和国财政部",),
    "国家发展和改革委员会": ("国家发展改革委", "国家发改委"),
    # National commissions and administrations written in their short forms (issue 15): 国家卫生健康委,
    # 国家中医药局. Their internal units (办公厅, 综合司, …司) follow through _unit_of_known.
    "国家卫生健康委员会": ("国家卫生健康委", "国家卫健委"),
    "国家民族事务委员会": ("国家民委",),
    "国务院国有资产监督管理委员会": ("国务院国资委",),
    "国家中医药管理局": ("国家中医药局",),
    "国家药品监督管理局": ("国家药监局",),
    "国家外汇管理局": ("国家外汇局",),
    "国家移民管理局": ("国家移民局",),
    "国家疾病预防控制局": ("国家疾控局",),
    "国家市场监督管理总局": ("市场监管总局", "国家市场监管总局"),
    "国家粮食和物资储备局": ("国家粮食和储备局",),
    "中国民用航空局": ("中国民航局", "民航局"),
    # More national bodies signed or cited by their usual short forms (stop 29)
    "国家国防科技工业局": ("国防科工局", "国家国防科工局"),
    "国家林业和草原局": ("国家林草局",),
    "国家医疗保障局": ("国家医保局",),
    "国家金融监督管理总局": ("金融监管总局", "国家金融监管总局"),
    "中国证券监督管理委员会": ("中国证监会", "证监会"),
    "住房和城乡建设部": ("住房城乡建设部", "住建部"),
    "国家互联网信息办公室": ("国家网信办",),
    "国家知识产权局": ("知识产权局",),
    "国家广播电视总局": ("广电总局", "国家广电总局"),
    "国家体育总局": ("体育总局",),
    "国家认证认可监督管理委员会": ("国家认监委", "认监委"),
    "国家标准化管理委员会": ("国家标准委",),
    # Beijing; the S&T commission carries a double name since 2019 (one body, two plates).
    "北京市人民政府": ("北京市政府",),
    "北京市人民政府办公厅": ("北京市政府办公厅",),
    "北京市科学技术委员会": (
        "北京市科委",
        "北京市科学技术委员会、中关村科技园区管理委员会",
        "北京市科学技术委员会中关村科技园区管理委员会",
    ),
    "中关村科技园区管理委员会": ("中关村管委会",),
    "北京市经济和信息化局": ("北京市经信局", "北京市经济信息化局"),
    "北京市财政局": (),
    "海淀区人民政府": ("北京市海淀区人民政府", "海淀区政府", "北京市海淀区政府"),
    "中关村科学城管理委员会": ("中关村科学城管委会", "海淀区中关村科学城管理委员会"),
    # Shanghai
    "上海市人民政府": ("上海市政府",),
    "上海市人民政府办公厅": ("上海市政府办公厅",),
    "上海市经济和信息化委员会": ("上海市经济信息化委", "上海市经信委", "上海市经济信息化委员会"),
    "上海市科学技术委员会": ("上海市科委",),
    "上海市财政局": (),
    # Tianjin
    "天津市人民政府": ("天津市政府",),
    "天津市科学技术局": ("天津市科技局",),
    "天津市工业和信息化局": ("天津市工信局",),
    "天津市财政局": (),
    # Shenzhen (科技创新委员会 was the S&T body's earlier name; both kept distinct)
    "深圳市人民政府": ("深圳市政府",),
    "深圳市科技创新委员会": ("深圳市科创委",),
    "深圳市科技创新局": ("深圳市科创局",),
    "深圳市工业和信息化局": ("深圳市工信局",),
    "深圳市财政局": (),
    # Hangzhou
    "杭州市人民政府": ("杭州市政府",),
    "杭州市科学技术局": ("杭州市科技局",),
    "杭州市经济和信息化局": ("杭州市经信局", "杭州市经济信息化局"),
    "杭州市财政局": (),
    # Hefei
    "合肥市人民政府": ("合肥市政府",),
    "合肥市科学技术局": ("合肥市科技局",),
    "合肥市经济和信息化局": ("合肥市经信局", "合肥市经济信息化局"),
    "合肥市财政局": (),
}

ALIASES: MappingProxyType[str, str] = MappingProxyType(
    {alias: canon for canon, aliases in _CANON.items() for alias in (canon, *aliases)}
)

# Organisation-name endings; used to accept names that are not in the table. 司 is a
# ministry department (科技部政策法规司), never a company (公司).
_ORG_END_RE = re.compile(
    r"(?:部|委|局|厅|院|办|政府|委员会|管委会|办公室|领导小组|中心|总局|署|协会|联合会|(?<!公)司|人民银行)$"
)
# A media outlet is never an issuer (issue 15), even one a county runs: 融媒体中心, 新闻中心, 报社.
# 融媒中心, 传媒中心 and 广播电视中心 end like a government body (…中心) but are newsrooms; 新闻办 (国务院新闻办公室)
# and 新闻出版 (国家新闻出版署) do issue, as does a 广播电视局 (the regulator).
_MEDIA_RE = re.compile(
    r"融媒|传媒|新闻(?!办|出版)|广播电视(?!局|总局)|广播电台|电台|报社|报业|日报|晚报|时报|商报|都市报|电视台|通讯社|杂志社|客户端"
)
_SPLIT_RE = re.compile(r"[、，,;；/]|\s{2,}")
_CITY_OF_HOST = (
    ("bjhd.gov.cn", "北京"),
    ("beijing.gov.cn", "北京"),
    ("sh.gov.cn", "上海"),
    ("shanghai.gov.cn", "上海"),
    ("tj.gov.cn", "天津"),
    ("sz.gov.cn", "深圳"),
    ("shenzhen.gov.cn", "深圳"),
    ("hangzhou.gov.cn", "杭州"),
    ("hefei.gov.cn", "合肥"),
)
# Mirrors that censor words with "*" turn 人民政府 into 人民* (sites.md pitfall 18).
_CENSORED_RE = re.compile(r"人民\*+$")

# Short forms of body types (issue 15), for bodies not in the table: ``石家庄市卫生健康委`` →
# ``石家庄市卫生健康委员会``, ``贵安新区管委会`` → ``贵安新区管理委员会``. The short form must follow a
# place (国家, …省/市/区/县/州/盟/旗, …新区) so that 市委 (a Party committee) or a company never matches;
# 管委会 follows any name (it is never anything but a 管理委员会).
_TYPE_SHORT: tuple[tuple[str, str], ...] = (
    ("发展改革委", "发展和改革委员会"),
    ("发改委", "发展和改革委员会"),
    ("卫生健康委", "卫生健康委员会"),
    ("卫健委", "卫生健康委员会"),
    ("经济信息化委", "经济和信息化委员会"),
    ("经信委", "经济和信息化委员会"),
    ("工业和信息化委", "工业和信息化委员会"),
    ("住房城乡建设委", "住房和城乡建设委员会"),
    ("住建委", "住房和城乡建设委员会"),
    ("国资委", "国有资产监督管理委员会"),
    ("民宗委", "民族宗教事务委员会"),
    ("民委", "民族事务委员会"),
    ("教委", "教育委员会"),
    ("科委", "科学技术委员会"),
    ("中医药局", "中医药管理局"),
    ("药监局", "药品监督管理局"),
    ("市场监管局", "市场监督管理局"),
    ("医保局", "医疗保障局"),
    ("疾控局", "疾病预防控制局"),
)
_PLACE_END = r"(?:国家|[\u4e00-\u9fff]{1,12}?(?:省|市|区|县|州|盟|旗))"
_TYPE_SHORT_RE = re.compile(
    r"^(?P<place>" + _PLACE_END + r")(?P<short>" + "|".join(s for s, _ in _TYPE_SHORT) + r")$"
)
_TYPE_FULL = dict(_TYPE_SHORT)
_MGMT_SHORT_RE = re.compile(r"^(?P<body>[\u4e00-\u9fff]{2,20})管委会$")


def _expanded_short_form(name: str) -> str | None:
    """The full name of a body written in a type's short form, or None."""
    m = _TYPE_SHORT_RE.match(name)
    if m:
        return m["place"] + _TYPE_FULL[m["short"]]
    m = _MGMT_SHORT_RE.match(name)
    if m:
        return m["body"] + "管理委员会"
    return None


def city_of_url(url: str) -> str | None:
    low = url.lower()
    for host, city in _CITY_OF_HOST:
        if host in low:
            return city
    return None


def city_prefix(name: str) -> str | None:
    for city in CITIES:
        if name.startswith(city):
            return city
    return None


def canonical(name: str, city: str | None = None) -> str | None:
    """Canonical name of one issuing body, or None if ``name`` does not look like one.

    ``市经信委`` (city omitted, as joint notices write the second issuer) is completed with
    ``city`` when known.
    """
    n = re.sub(r"\s+", "", name)
    n = re.sub(r"[（(](?:盖章|印章|公章|章)[)）]$", "", n).strip("【】[]()（）:：|")  # "…局（盖章）" under a seal
    n = _CENSORED_RE.sub("人民政府", n)
    if n.startswith("中华人民共和国") and n not in ALIASES:
        n = n[len("中华人民共和国") :]
    if n.endswith("网站"):
        n = n[: -len("网站")]
    if n.startswith("市") and city:
        n = city + n
    if n in ALIASES:
        return ALIASES[n]
    office = _unit_of_known(n)
    if office:
        return office
    expanded = _expanded_short_form(n)
    if expanded:
        return ALIASES.get(expanded, expanded)
    if _BARE_UNIT_RE.match(n) and not _BODY_WORD_RE.search(n):
        return None  # 政策法规司, 新闻办公室 with no body before them: a unit of the site's owner, unnamed
    if 2 <= len(n) <= 30 and _ORG_END_RE.search(n) and re.fullmatch(r"[\u4e00-\u9fff]+", n) \
            and not _MEDIA_RE.search(n):
        return n
    return None


# A unit named alone (a ministry site's 发文机关 / 来源 field: "政策法规司", "法规司", "新闻办公室"): it issues
# nothing in its own name, and the body it belongs to is not in the name.
_BARE_UNIT_RE = re.compile(r"^[\u4e00-\u9fff]{0,10}(?:司|办公厅|办公室)$")
# …but a body's own name may end like a unit: 国家互联网信息办公室, 中国人民银行办公厅, 某市人民政府办公室.
_BODY_WORD_RE = re.compile(r"[局委部院署府行省市县区]|公司|国家|国务院|中心|总")


# An internal unit of a body: its general office or a department (综合司, 规划发展与信息化司). A unit
# name never contains another body's ending (局, 委, 部, 厅 other than 办公厅).
_UNIT_RE = re.compile(r"^(?:办公厅|办公室|[\u4e00-\u9fff]{1,10}?司)$")
_UNIT_BAD_RE = re.compile(r"[局委部院署府]|公司")


def _body_canonical(body: str) -> str | None:
    if body.startswith("中华人民共和国") and body not in ALIASES:
        body = body[len("中华人民共和国") :]
    if body in ALIASES:
        return ALIASES[body]
    expanded = _expanded_short_form(body)
    return ALIASES.get(expanded, expanded) if expanded else None


def _unit_of_known(name: str) -> str | None:
    """``国家发展改革委办公厅`` → ``国家发展和改革委员会办公厅``, ``国家中医药局综合司`` →
    ``国家中医药管理局综合司``: a unit of a body in the table (or in a type's short form), written
    with any of that body's names, under the body's canonical name. The longest body wins."""
    for cut in range(len(name) - 2, 1, -1):
        unit = name[cut:]
        if not _UNIT_RE.match(unit) or (unit not in ("办公厅", "办公室") and _UNIT_BAD_RE.search(unit)):
            continue
        canon = _body_canonical(name[:cut])
        if canon:
            return canon + unit
    return None


def known(name: str, city: str | None = None) -> str | None:
    """Canonical name only if it is in the alias table (for weak sources like 来源)."""
    got = canonical(name, city)
    return got if got in _CANON else None


def split_issuers(
    value: str, city: str | None = None, only_known: bool = False, strict: bool = False
) -> list[str]:
    """Split a joint-issuer string (``市经济信息化委、市财政局``) into canonical names.

    ``strict``: return nothing unless every part is an organisation (used on title prefixes,
    where a non-organisation part means the prefix was not an issuer list at all).
    """
    whole = re.sub(r"\s+", "", value)
    if whole in ALIASES:  # double-named bodies contain 、 themselves
        return [ALIASES[whole]]
    out: list[str] = []
    for part in _spaced_parts(_SPLIT_RE.split(value.strip()), city):
        if not part.strip():
            continue
        ctx = city or (city_prefix(out[0]) if out else None)
        got = known(part, ctx) if only_known else canonical(part, ctx)
        if strict and not got:
            return []
        if got and got not in out:
            out.append(got)
    return out


def _spaced_parts(parts: list[str], city: str | None) -> list[str]:
    """``广州市民政局 广州市财政局``: one space between two whole names is a joint issuance, while
    ``上 海 市 财 政 局`` (a spaced-out signature) stays one name."""
    out: list[str] = []
    for part in parts:
        pieces = part.split()
        if len(pieces) > 1 and all(canonical(p, city) for p in pieces):
            out.extend(pieces)
        else:
            out.append(part)
    return out


def split_known_line(line: str) -> list[str] | None:
    """``财政部 科技部`` (joint signature on one line) → both names, when every part is known."""
    parts = line.split()
    if len(parts) < 2:
        return None
    # Whole names not in the table count too (广州市民政局 广州市财政局); single characters never
    # do (科 技 部 is one spaced-out name).
    names = [ALIASES.get(p) or (canonical(p) if len(p) >= 4 else None) for p in parts]
    if all(names):
        return [n for n in names if n]
    return None


def merged_alias(first: str, second: str) -> str | None:
    """A double-named body signed on two lines (北京市科学技术委员会 / 中关村科技园区管理委员会)."""
    joined = re.sub(r"\s+", "", first) + re.sub(r"\s+", "", second)
    return ALIASES.get(joined)


# What a document's title ends with (its kind), once a trailing bracket (（2026—2028年）, （试行）) is cut.
# A title ending otherwise, with no 关于, is a news headline (全省人工智能推进会在兰州召开, 某局赴合肥调研…).
DOCUMENT_KINDS = (
    "通知", "通告", "公告", "公示", "公报", "意见", "办法", "方案", "规划", "计划", "决定", "批复", "函", "规定",
    "细则", "条例", "指南", "指引", "名单", "目录", "清单", "报告", "纲要", "措施", "要点", "规则", "标准", "制度",
    "章程", "通报", "请示", "答复", "须知", "说明", "令", "号",
)
_HEADLINE_MIN = 8  # Chinese characters: a headline says who did what
_TRAILING_BRACKET_RE = re.compile(r"[（(][^（）()]*[）)]\s*$")


def is_news_headline(title: str) -> bool:
    """A headline rather than a document's title: on such a page the 发布机构 / 来源 name the office that
    posted it (a bureau's own 工作动态), not an issuer (issue 15)."""
    text = _TRAILING_BRACKET_RE.sub("", title.strip()).strip()
    if len(re.findall(r"[\u4e00-\u9fff]", text)) < _HEADLINE_MIN:
        return False  # no title to read (a placeholder, a bare number): nothing is ruled out
    return "关于" not in text and not text.endswith(DOCUMENT_KINDS)

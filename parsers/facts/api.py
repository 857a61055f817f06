"""``extract_facts``: the deterministic pipeline from a notice's text to its facts.

Each field has a precedence list of sources (see docs/extraction.md); the first source that
yields a value wins, and every value carries an Evidence row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

from .dates import FoundDate, iter_dates, parse_meta_date
from .docnumber import (
    is_own_number_position,
    iter_doc_numbers,
    order_in_head,
    order_in_lines,
    order_issuer,
    parse_doc_number,
    parse_order_number,
    whole_order_number,
)
from .events import (
    DEADLINE_EXTENDED,
    FINAL_LIST_PUBLISHED,
    FUNDING_CALL_OPENED,
    FUNDING_RULE,
    PILOT_ZONE_APPROVED,
    REPEAL,
    SHORTLIST_PUBLISHED,
    EventSpec,
    spec_for,
)
from .funding import FundingRule, find_funding, is_heading
from .issuers import canonical, city_of_url, city_prefix, is_news_headline, known, split_issuers
from .lifecycle import find_lifecycle
from .model import DocText, Evidence, Facts, Source
from .pilot_zones import APPROVER, PROGRAM, find_pilot_zone_events, is_approval_letter
from .repeal import find_listed_repeals, find_repeals
from .script import normalise
from .signature import Signature, find_person_signature, find_signature, find_undated_signature
from .topics import find_topics

_HEAD = 600  # the "head" of a body: where its own number, labels and dates sit
_DOCNUM_META_KEYS = ("发文字号", "文号", "list_doc_number")
_ISSUER_META_KEYS = ("发文机关", "发布机构")
_WRITTEN_META_KEYS = ("成文日期",)
_PUBLISHED_META_KEYS = ("发布日期", "PubDate")
_TITLE_TAIL_RE = re.compile(r"^[\s)）\]】〕>》\"”'.。]*$")
_TITLE_ISSUER_RE = re.compile(r"^\s*(?P<iss>[^《》\n:：]{2,60}?)关于")
_LABEL_ISSUER_RE = re.compile(
    r"(?:发布机关|发文机关|发文单位|发布机构)\s*[:：]\s*(?P<v>[\u4e00-\u9fff、 ]{2,40})"
)
_LABEL_SOURCE_RE = re.compile(r"来源\s*[:：]\s*(?P<v>[\u4e00-\u9fff]{2,30})")
_LABEL_PUBLISHED_RE = re.compile(r"(?:发布日期|发布时间|信息提供日期)\s*[:：]?\s*")
_LABEL_WRITTEN_RE = re.compile(r"(?:成文日期|成文时间|印发日期)\s*[:：]?\s*")
_SPLIT_WORDS_RE = re.compile(r"[、，,\s]+")
_WS_RE = re.compile(r"\s+")
_LINE_END_RE = re.compile(r"[ \t]*(?:\n|$)")


def _sources(doc: DocText) -> tuple[Source, Source, dict[str, Source], list[Source]]:
    title = Source("title", doc.title or "", normalise(doc.title or ""))
    body = Source("body", doc.body or "", normalise(doc.body or ""))
    metas = {
        k: Source(f"meta:{k}", v, normalise(v))
        for k, v in (doc.meta or {}).items()
        if isinstance(k, str) and isinstance(v, str)
    }
    atts = [
        Source(f"attachment:{name}", text, normalise(text))
        for name, text in doc.attachment_texts
        if isinstance(text, str)
    ]
    return title, body, metas, atts


# ---------------------------------------------------------------- 文号


def _doc_number(title: Source, body: Source, metas: dict[str, Source]) -> tuple[str, str, Evidence] | None:
    for key in _DOCNUM_META_KEYS:
        src = metas.get(key)
        # an order's number first: "中国人民银行令〔2025〕第5号" holds a 〔year〕N号 that is not the 文号
        got = (parse_order_number(src.text) or whole_order_number(src.text) or parse_doc_number(src.text)) \
            if src else None
        if src and got and _listed_in_body(got.normalised, body.text):
            continue  # a 文号 column of a list table in the text (废止决定), read as a metadata cell
        if src and got:
            return _docnum_result(src, got.normalised, got.span, "docnum.meta")
    for found in reversed(iter_doc_numbers(title.text)):
        if _TITLE_TAIL_RE.match(title.text[found.span[1] :]):
            return _docnum_result(title, found.normalised, found.span, "docnum.title")
    order = order_in_head(title.text)  # the title is the order's number: 工业和信息化部令第75号
    if order:
        return _docnum_result(title, order.normalised, order.span, "docnum.order_title")
    head = body.text[:_HEAD]
    order = order_in_head(head)
    if order:
        return _docnum_result(body, order.normalised, order.span, "docnum.order_head")
    for found in iter_doc_numbers(head):
        if is_own_number_position(head, found.span[0]):
            break  # a number on its own line comes first: the order lines below are not searched
    else:
        order = order_in_lines(head, title.text)
        if order:
            return _docnum_result(body, order.normalised, order.span, "docnum.order_lines")
    for found in iter_doc_numbers(head):
        if is_own_number_position(head, found.span[0]):
            return _docnum_result(body, found.normalised, found.span, "docnum.body_head")
        if found.glued and _LINE_END_RE.match(head, found.span[1]):
            # a mirror that glued the title line to its number: "…的通知国科发规〔2019〕298号"
            return _docnum_result(body, found.normalised, found.span, "docnum.body_glued")
    return None


_LIST_ROW_RE = re.compile(r"^\s*(?:\d{1,3}\s*[.．、)）\t]|[（(]\d{1,3}[)）])")
_BARE_ORDINAL_RE = re.compile(r"^\s*\d{1,3}\s*$")


def _listed_in_body(number: str, text: str) -> bool:
    """The number is an item of a numbered list or table in the text (``1\t《…》\t石政发〔2017〕21号``):
    a document the page lists, not its own number."""
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if not any(d.normalised == number for d in iter_doc_numbers(line)):
            continue
        # the row on one line, or its cells one a line (序号 / 名称 / 文号) when the table had whitespace
        if _LIST_ROW_RE.match(line) or any(_BARE_ORDINAL_RE.match(x) for x in lines[max(0, i - 2) : i]):
            return True
    return False


def _docnum_result(src: Source, norm: str, span: tuple[int, int], rule: str) -> tuple[str, str, Evidence]:
    raw = src.raw[span[0] : span[1]].strip()
    return norm, raw, src.evidence("doc_number", norm, span, rule)


# ---------------------------------------------------------------- issuers


def _issuers(
    title: Source, body: Source, metas: dict[str, Source], sig: Signature | None, city: str | None,
    docnum: Evidence | None = None,
) -> list[tuple[str, Evidence]]:
    # A news item (a headline, no 文号 of its own) names in its 发布机构 / 来源 the office that posted it,
    # not an issuer; its issuers can only come from a signature, an order number or the title.
    posted_only = docnum is None and is_news_headline(title.text)
    signed = {n for n, _ in sig.orgs} if sig else set()
    # The title's "X关于…" and the signature agreeing on X outvote a metadata field naming neither: a
    # repost's 发布机构 is the office that posted it (福田区科技创新局 over 科技部's own letter).
    attested = signed & set(_title_issuers(title, city))
    for key in () if posted_only else _ISSUER_META_KEYS:
        src = metas.get(key)
        if src and src.text.strip():
            names = split_issuers(src.text, city)
            if names and sig and set(names) < signed:
                break  # joint issuance: the metadata lists only some of the signing bodies
            if names and attested and not set(names) & attested:
                break
            if names:
                span = (0, len(src.text))
                return [(n, src.evidence("issuers", n, span, "issuer.meta")) for n in names]
    if sig:
        return [
            (n, body.evidence("issuers", n, (ln.start, ln.end), "issuer.signature")) for n, ln in sig.orgs
        ]
    by_order = _order_issuer(docnum, city)
    if by_order:
        return by_order
    m = _TITLE_ISSUER_RE.match(title.text)
    if m:
        parts = [p for p in _SPLIT_WORDS_RE.split(m["iss"]) if p]
        names = split_issuers("、".join(parts), city, strict=True)
        if names:
            return [(n, title.evidence("issuers", n, m.span("iss"), "issuer.title")) for n in names]
    return _unsigned_issuers(body, metas, city, posted_only)


def _unsigned_issuers(body: Source, metas: dict[str, Source], city: str | None,
                      posted_only: bool) -> list[tuple[str, Evidence]]:
    """Issuers of a page with no signature, order number or ``X关于`` title: a 发布机构 line in the text's
    head, organisation lines ending it, then its 来源 (never for a news item, see ``_issuers``)."""
    head = body.text[:_HEAD]
    lm = None if posted_only else _LABEL_ISSUER_RE.search(head)
    if lm:
        names = split_issuers(lm["v"], city)
        if names:
            return [(n, body.evidence("issuers", n, lm.span("v"), "issuer.body_label")) for n in names]
    undated = find_undated_signature(body.text)
    if undated:
        return [
            (n, body.evidence("issuers", n, (ln.start, ln.end), "issuer.signature_undated")) for n, ln in undated
        ]
    if posted_only:
        return []
    src = metas.get("ContentSource")
    if src:
        # 来源 names a government body by its form (…局, …厅, …委员会) or a media outlet (…网, …报,
        # 新华社), which never issues a policy: the organisation endings tell them apart.
        names = split_issuers(src.text, city, strict=True)
        if names:
            return [
                (n, src.evidence("issuers", n, (0, len(src.text)), "issuer.content_source")) for n in names
            ]
    for sm in _LABEL_SOURCE_RE.finditer(head):
        name = known(sm["v"], city)
        if name:
            return [(name, body.evidence("issuers", name, sm.span("v"), "issuer.body_source"))]
    return []


def _named_issuers(title: Source, metas: dict[str, Source], city: str | None) -> list[str]:
    """The issuers the metadata or the title's ``X关于…`` name, before any signature is read: they tell
    the page's own signature from that of a document it forwards."""
    for key in _ISSUER_META_KEYS:
        src = metas.get(key)
        names = split_issuers(src.text, city) if src and src.text.strip() else []
        if names:
            return names
    return _title_issuers(title, city)


def _title_issuers(title: Source, city: str | None) -> list[str]:
    """The issuers a title's ``X关于…`` names (``科技部 财政部关于…``: both)."""
    m = _TITLE_ISSUER_RE.match(title.text)
    if not m:
        return []
    return split_issuers("、".join(p for p in _SPLIT_WORDS_RE.split(m["iss"]) if p), city, strict=True)


def _order_issuer(docnum: Evidence | None, city: str | None) -> list[tuple[str, Evidence]]:
    """An order is issued by the body its number names (国务院令 → 国务院): orders are signed by a
    person (总理 李强), so there is no organisation signature to read."""
    name = order_issuer(docnum.value) if docnum else None
    got = canonical(name, city) or name if name else None
    if not docnum or not got:
        return []
    return [(got, Evidence("issuers", got, docnum.source, docnum.span, docnum.text, "issuer.order_number"))]


# ---------------------------------------------------------------- dates


def _meta_date(metas: dict[str, Source], keys: Iterable[str], fld: str) -> tuple[dt.date, Evidence] | None:
    for key in keys:
        src = metas.get(key)
        found = parse_meta_date(src.text) if src else None
        if src and found:
            return found.date, src.evidence(
                fld, found.date.isoformat(), found.span, "date.meta:" + found.rule
            )
    return None


def _written_date(
    body: Source, metas: dict[str, Source], sig: Signature | None, docnum_ev: Evidence | None
) -> tuple[dt.date, Evidence] | None:
    got = _meta_date(metas, _WRITTEN_META_KEYS, "written_date") or _labelled_date(
        body, _LABEL_WRITTEN_RE, "written_date"
    )
    if got and sig and sig.date and sig.date < got[0] and got[0] == _meta_published(metas):
        # A 成文日期 field that merely repeats the publication date (gkmlpt department sites)
        # loses to an earlier date in the signature block, which is the 成文日期 by definition.
        got = None
    if got:
        return got
    if sig and sig.date:
        ln = sig.date_line
        return sig.date, body.evidence("written_date", sig.date.isoformat(), (ln.start, ln.end), sig.rule)
    person = find_person_signature(body.text)
    if person:
        day, ln = person
        return day, body.evidence("written_date", day.isoformat(), (ln.start, ln.end), "signature.person")
    if docnum_ev and docnum_ev.source == "body":
        # Wikisource-style head: "国科函规〔2019〕183号 2019年10月17日"
        end = docnum_ev.span[1]
        following = [f for f in iter_dates(body.text[end : end + 20]) if f.span[0] <= 2]
        if following:
            f = following[0]
            span = (end + f.span[0], end + f.span[1])
            return f.date, body.evidence("written_date", f.date.isoformat(), span, "date.after_docnum")
    return None


def _meta_published(metas: dict[str, Source]) -> dt.date | None:
    got = _meta_date(metas, _PUBLISHED_META_KEYS, "published_date")
    return got[0] if got else None


def _labelled_date(body: Source, label: re.Pattern[str], fld: str) -> tuple[dt.date, Evidence] | None:
    """``发布日期：2017-12-20`` written in the head of the body (reposts, 公开目录 tables)."""
    head = body.text[:_HEAD]
    for lm in label.finditer(head):
        found: FoundDate | None = parse_meta_date(head[lm.end() : lm.end() + 30])
        if found and found.span[0] == 0:
            span = (lm.end() + found.span[0], lm.end() + found.span[1])
            return found.date, body.evidence(fld, found.date.isoformat(), span, "date.body_label")
    return None


def _published_date(body: Source, metas: dict[str, Source]) -> tuple[dt.date, Evidence] | None:
    # A visible 发布日期 (labelled metadata, or a label in the text) beats the hidden PubDate <meta>,
    # which some CMSs fill with the page's generation time.
    return (
        _meta_date(metas, ("发布日期",), "published_date")
        or _labelled_date(body, _LABEL_PUBLISHED_RE, "published_date")
        or _meta_date(metas, ("PubDate", "list_date"), "published_date")
    )


# ---------------------------------------------------------------- events


# Each finder below emits one type of the registry (events.py); `EventSpec.make` checks its fields.
def _event(spec: EventSpec, src: Source, span: tuple[int, int], rule: str, **fields: Any) -> dict[str, Any]:
    return spec.make(span=span, source=src.name, rule=rule, **fields).to_dict()


def _pilot_events(texts: list[Source], own: str | None, by_approver: bool, year: int | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    cities: set[str] = set()
    for src in texts:
        for pz in find_pilot_zone_events(src.text, own, by_approver, year):
            if pz.city in cities:
                continue
            cities.add(pz.city)
            out.append(
                _event(PILOT_ZONE_APPROVED, src, pz.span, pz.rule, city=pz.city, program=PROGRAM,
                       approver=APPROVER, doc_number=pz.doc_number)
            )  # fmt: skip
    return out


def _funding_events(texts: list[Source]) -> list[dict[str, Any]]:
    # One rule per clause: the same cap stated in two different clauses is two rules. Two
    # repeats are dropped: an exact repeat (same numbers AND same clause text, e.g. the title
    # repeated as the body's first line), and a headline (the title or a heading line) that
    # only restates numbers of a rule that a body clause states in full (the headline's "最高补助2000万元"
    # over the clause's "按…30%给予补助，单个项目最高2000万元": the headline leaves the ratio out).
    # A news teaser ("单个项目支持金额最高2亿元、建设……" opening the body) is a headline too: it sums
    # up the clauses that follow.
    found = [(src, fr, src.name == "title" or is_heading(src.text, fr.span) or _in_lead(src, fr.span))
             for src in texts for fr in find_funding(src.text)]  # fmt: skip
    in_clauses = {_triple(fr) for _, fr, heading in found if not heading}
    out: list[dict[str, Any]] = []
    seen: set[tuple[int | None, float | None, int | None, str]] = set()
    for src, fr, heading in found:
        key = (*_triple(fr), _WS_RE.sub("", fr.text))
        if key in seen or (heading and any(_restates(_triple(fr), c) for c in in_clauses)):
            continue
        seen.add(key)
        out.append(
            _event(FUNDING_RULE, src, fr.span, fr.rule, max_amount_yuan=fr.max_amount_yuan,
                   ratio=fr.ratio, fund_size_yuan=fr.fund_size_yuan, text=fr.text,
                   per_year=fr.per_year, years=fr.years)
        )  # fmt: skip
    return out


def _in_lead(src: Source, span: tuple[int, int]) -> bool:
    """In the teaser that opens a news text: highlights listed up to an ellipsis ("……在今天上午…")."""
    line = src.text[: src.text.find("\n")] if "\n" in src.text else src.text
    cut = line.find("…")
    return src.name == "body" and cut != -1 and span[1] <= cut


def _restates(headline: tuple[Any, ...], clause: tuple[Any, ...]) -> bool:
    """Every number the headline gives is the clause's, in the same role."""
    pairs = zip(headline, clause, strict=True)
    return any(h is not None for h in headline) and all(h is None or h == c for h, c in pairs)


def _triple(fr: FundingRule) -> tuple[int | None, float | None, int | None]:
    return (fr.max_amount_yuan, fr.ratio, fr.fund_size_yuan)


def _repeal_events(texts: list[Source], doc_number: str | None) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    seen: set[str | None] = set()
    for src in texts:
        for rp in [*find_repeals(src.text), *find_listed_repeals(src.text)]:
            key = rp.doc_number or rp.title
            if key in seen or rp.doc_number == doc_number:
                continue
            seen.add(key)
            out.append(_event(REPEAL, src, rp.span, rp.rule, doc_number=rp.doc_number, title=rp.title))
    return out


_LIFECYCLE_SPECS = {"call": FUNDING_CALL_OPENED, "extension": DEADLINE_EXTENDED,
                    "shortlist": SHORTLIST_PUBLISHED, "final": FINAL_LIST_PUBLISHED}


def _lifecycle_events(title: Source, body: Source, published: dt.date | None) -> list[dict[str, Any]]:
    out = []
    for found in find_lifecycle(title.text, body.text, published):
        src = title if found.source == "title" else body
        out.append(_event(_LIFECYCLE_SPECS[found.kind], src, found.span, found.rule,
                          text=found.text or None, **found.values))
    return out


def _events(
    title: Source, body: Source, atts: list[Source], doc_number: str | None, published: dt.date | None,
    issuers: Iterable[str] = (),
) -> list[dict[str, Any]]:
    """Every finder's events, finder by finder: a new event type adds its finder here."""
    letter = is_approval_letter(title.text, body.text[:_HEAD])
    own = doc_number if letter else None
    by_approver = letter or APPROVER in issuers
    return [
        *_pilot_events([title, body, *atts], own, by_approver, published.year if published else None),
        *_funding_events([title, body, *atts]),
        *_repeal_events([body, *atts], doc_number),
        *_lifecycle_events(title, body, published),
    ]


def _event_evidence(ev: dict[str, Any], by_name: dict[str, Source]) -> Evidence:
    value = spec_for(ev["type"]).evidence_value(ev)
    span = (ev["span"][0], ev["span"][1])
    return by_name[ev["source"]].evidence("event", value, span, ev["rule"])


# ---------------------------------------------------------------- entry point


def extract_facts(doc: DocText) -> Facts:
    """Extract 文号, issuers, dates, topics and events, each with evidence."""
    title, body, metas, atts = _sources(doc)
    evidence: list[Evidence] = []

    dn = _doc_number(title, body, metas)
    if dn:
        evidence.append(dn[2])

    city = city_of_url(doc.url or "") or city_prefix(title.text)
    sig = find_signature(body.text, _named_issuers(title, metas, city))
    issuers = _issuers(title, body, metas, sig, city, dn[2] if dn else None)
    evidence.extend(ev for _, ev in issuers)

    written = _written_date(body, metas, sig, dn[2] if dn else None)
    published = _published_date(body, metas)
    evidence.extend(x[1] for x in (written, published) if x)

    events = _events(title, body, atts, dn[0] if dn else None, published[0] if published else None,
                     [name for name, _ in issuers])
    by_name = {s.name: s for s in (title, body, *atts)}
    evidence.extend(_event_evidence(e, by_name) for e in events)

    has_funding = any(e["type"] == FUNDING_RULE.name for e in events)
    topic_texts = [body, *atts]
    topics: list[str] = []
    for hit in find_topics(title.text, [s.text for s in topic_texts], has_funding):
        topics.append(hit.topic)
        if hit.source_index == -1:
            first = next(e for e in events if e["type"] == FUNDING_RULE.name)
            src = by_name[first["source"]]
            evidence.append(src.evidence("topics", hit.topic, tuple(first["span"]), "topic.funding_event"))
        else:
            src = title if hit.source_index == 0 else topic_texts[hit.source_index - 1]
            evidence.append(src.evidence("topics", hit.topic, hit.span, "topic." + hit.topic))

    return Facts(
        doc_number=dn[0] if dn else None,
        doc_number_raw=dn[1] if dn else None,
        issuers=tuple(n for n, _ in issuers),
        written_date=written[0] if written else None,
        published_date=published[0] if published else None,
        topics=tuple(topics),
        events=tuple(events),
        evidence=tuple(evidence),
    )


def explain(facts: Facts) -> list[dict[str, Any]]:
    """JSON-ready rows, one per evidence entry, for ``policywatch parse --explain``."""
    return [
        {
            "field": e.field,
            "value": e.value,
            "source": e.source,
            "span": [e.span[0], e.span[1]],
            "text": e.text,
            "rule": e.rule,
        }
        for e in facts.evidence
    ]

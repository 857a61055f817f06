"""Analyst reports built from the archive's extracted events (never from hard-coded data).

* funding: one row per funding-rule event: the cross-city table of caps, ratios and funds.
* pilot zones: the pilot-zone approval events, one row per city (its earliest approval).
* events export: one flat row per event with the notice it came from; the event columns are the
  registry's (parsers/facts/events.py), so a new event type exports without an edit here.

Each report renders as Markdown, a standalone HTML page (Jinja2, autoescaped) or CSV.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from jinja2 import Environment
from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from parsers.facts.amounts import format_ratio, format_yuan
from parsers.facts.events import (
    FUNDING_CALL_OPENED,
    FUNDING_RULE,
    PILOT_ZONE_APPROVED,
    export_columns,
    export_row,
    when_text,
)
from parsers.facts.pilot_zones import APPROVER, PROGRAM
from parsers.facts.vocab import MONTH, TENTATIVE
from parsers.facts.zone_reference import place_key, province_of
from store import csvout
from store.calls import OpenCall, open_calls
from store.models import Notice, PilotZone
from store.search import SourceLike, has_event_type, resolve_places
from store.status import CHINA

FORMATS = ("md", "html", "csv")


# -- shared helpers ------------------------------------------------------------------------------

def notice_date(notice: Notice) -> dt.date | None:
    """The date a document speaks from: 成文日期 if known, else the publication date."""
    return notice.written_date or notice.published_date


def _notices_with_event(session: Session, event_type: str, places: set[str] | None,
                        since: dt.date | None) -> list[Notice]:
    dialect = session.get_bind().dialect.name
    stmt = select(Notice).where(has_event_type(dialect, [event_type]))
    if places is not None:
        stmt = stmt.where(Notice.source.in_(sorted(places)))
    if since is not None:
        stmt = stmt.where(or_(Notice.written_date >= since,
                              (Notice.written_date.is_(None)) & (Notice.published_date >= since)))
    return list(session.scalars(stmt.order_by(Notice.id)))


def _events(notice: Notice, event_type: str) -> Iterator[dict[str, Any]]:
    for event in notice.events or []:
        if isinstance(event, dict) and event.get("type") == event_type:
            yield event


# -- funding -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FundingRow:
    city: str
    source: str
    issuer: str
    title: str
    doc_number: str
    date: dt.date | None
    instrument: str
    max_amount_yuan: int | None
    ratio: float | None
    fund_size_yuan: int | None
    text: str
    url: str
    notice_id: int


def instrument(event: dict[str, Any]) -> str:
    """What kind of support a funding rule grants, from the event's fields.

    一事一议 (negotiated case by case) wins over everything because its cap is only a ceiling for
    negotiation; then fund (a fund's total size), ratio+cap, ratio, cap, and fixed (one-off award).
    """
    text = str(event.get("text") or "")
    if "一事一议" in text:
        return "一事一议"
    if event.get("fund_size_yuan"):
        return "fund"
    ratio, cap = event.get("ratio"), event.get("max_amount_yuan")
    if ratio and cap:
        return "ratio+cap"
    if ratio:
        return "ratio"
    if cap:
        return "fixed" if str(event.get("rule", "")).endswith(".fixed") else "cap"
    return "other"


# What people read in the Markdown/HTML tables; CSV keeps the codes above for machines.
INSTRUMENT_LABELS = {"一事一议": "一事一议", "fund": "基金", "ratio+cap": "按比例补助（有上限）",
                     "ratio": "按比例补助", "cap": "最高资助", "fixed": "定额奖励", "other": "其他"}


def _issuer(notice: Notice, names: dict[str, str]) -> str:
    issuers = [str(i) for i in (notice.issuers or []) if i]
    return "、".join(issuers) if issuers else names.get(notice.source, notice.source)


def funding_rows(session: Session, *, cities: Sequence[str] = (), since: dt.date | None = None,
                 sources: Iterable[SourceLike]) -> list[FundingRow]:
    """Every funding rule in the archive, grouped by province > city (``place_key``: national, then each
    province's own departments before its cities), sources of a place in registry order, newest first."""
    source_list = tuple(sources)
    city_by_source = {s.id: s.city for s in source_list}
    names = {s.id: s.name for s in source_list}
    order = {s.id: i for i, s in enumerate(source_list)}
    places = resolve_places(source_list, cities, ())
    rows = []
    for notice in _notices_with_event(session, FUNDING_RULE.name, places, since):
        for event in _events(notice, FUNDING_RULE.name):
            rows.append(FundingRow(
                city=city_by_source.get(notice.source, notice.source), source=notice.source,
                issuer=_issuer(notice, names), title=notice.title, doc_number=notice.doc_number or "",
                date=notice_date(notice), instrument=instrument(event),
                max_amount_yuan=event.get("max_amount_yuan"), ratio=event.get("ratio"),
                fund_size_yuan=event.get("fund_size_yuan"), text=str(event.get("text") or ""),
                url=notice.url, notice_id=notice.id))
    # Stable sort: a notice's rules keep the order in which its text states them.
    rows.sort(key=lambda r: (place_key(r.city), order.get(r.source, len(order)), -(r.date or dt.date.min).toordinal(),
                             r.notice_id))
    return rows


# -- pilot zones ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class PilotZoneRow:
    city: str
    date: dt.date | None
    doc_number: str
    approver: str
    program: str
    title: str
    url: str
    source: str
    mentions: int  # how many archived documents report this city's approval
    province: str = ""
    zone: int | None = None  # MOST's approval order (1-18); None: not one of the reference zones
    basis: str = "archive"  # "archive": from an archived notice; "reference": pilot_zone table only
    date_text: str = ""  # the date as known: "2019-10-17", "2019-02" (month only)


def pilot_zone_rows(session: Session, *, since: dt.date | None = None) -> list[PilotZoneRow]:
    """One row per zone: the archive's earliest approval of the city (a MOST letter or a city's own
    report) where the archive holds one, else the reference row (`PilotZone`), in approval order.
    Cities the extractor found that are not reference zones come last, flagged by ``zone=None``."""
    archived = _archived_approvals(session, since)
    rows: list[PilotZoneRow] = []
    for ref in session.scalars(select(PilotZone).order_by(PilotZone.number)):
        found = archived.pop(ref.city, None)
        if found is not None:
            rows.append(replace(found, province=ref.province, zone=ref.number))
        elif since is None or ref.approved >= since.isoformat()[:len(ref.approved)]:
            rows.append(_reference_row(ref))
    rest = sorted(archived.values(), key=lambda r: (r.date or dt.date.max, r.city))
    return rows + rest


def _reference_row(ref: PilotZone) -> PilotZoneRow:
    day = dt.date.fromisoformat(ref.approved) if len(ref.approved) == 10 else None
    return PilotZoneRow(city=ref.city, date=day, doc_number=ref.doc_number or "", approver=APPROVER,
                        program=PROGRAM, title=ref.basis, url=ref.letter_url or "", source="", mentions=0,
                        province=ref.province, zone=ref.number, basis="reference", date_text=ref.approved)


def _archived_approvals(session: Session, since: dt.date | None) -> dict[str, PilotZoneRow]:
    best: dict[str, PilotZoneRow] = {}
    mentions: dict[str, int] = {}
    for notice in _notices_with_event(session, PILOT_ZONE_APPROVED.name, None, since):
        for event in _events(notice, PILOT_ZONE_APPROVED.name):
            city = str(event.get("city") or "").strip()
            if not city:
                continue
            mentions[city] = mentions.get(city, 0) + 1
            day = notice_date(notice)
            row = PilotZoneRow(city=city, date=day,
                               doc_number=str(event.get("doc_number") or notice.doc_number or ""),
                               approver=str(event.get("approver") or ""), program=str(event.get("program") or ""),
                               title=notice.title, url=notice.url, source=notice.source, mentions=0,
                               date_text=day.isoformat() if day else "")
            if city not in best or _earlier(row, best[city]):
                best[city] = row
    return {c: replace(r, mentions=mentions[c]) for c, r in best.items()}


def _earlier(row: PilotZoneRow, other: PilotZoneRow) -> bool:
    # Unknown dates lose; on a tie prefer the approver's own letter (its 文号 is the cited one).
    key = (row.date or dt.date.max, row.source != "most")
    return key < (other.date or dt.date.max, other.source != "most")


# -- events export -------------------------------------------------------------------------------

NOTICE_COLUMNS = ["notice_id", "url", "title", "source", "city", "doc_number", "published_date"]


def event_fields() -> list[str]:
    """The export's columns: the notice's, then the registry's event columns."""
    fields = [*NOTICE_COLUMNS, *export_columns()]
    clash = sorted({f for f in fields if fields.count(f) > 1})
    if clash:
        # An event column named like a notice column would silently overwrite it in every row.
        raise ValueError(f"event export columns {clash} clash with the notice's columns")
    return fields


def event_rows(session: Session, sources: Iterable[SourceLike]) -> Iterator[dict[str, Any]]:
    """One flat dict per extracted event, with the notice it came from (fields: `event_fields`)."""
    source_list = tuple(sources)
    city_by_source = {s.id: s.city for s in source_list}
    # Columns only (no body), streamed: a server-side cursor on PostgreSQL, fetchmany on SQLite.
    stmt = (select(Notice.id, Notice.url, Notice.title, Notice.source, Notice.doc_number, Notice.published_date,
                   Notice.events).order_by(Notice.id).execution_options(yield_per=500))
    for notice in session.execute(stmt):
        for event in notice.events or []:
            if not isinstance(event, dict):
                continue
            yield {
                "notice_id": notice.id, "url": notice.url, "title": notice.title, "source": notice.source,
                "city": city_by_source.get(notice.source, ""), "doc_number": notice.doc_number,
                "published_date": notice.published_date.isoformat() if notice.published_date else None,
                **export_row(event),
            }


# -- rendering -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Column:
    key: str
    label: str


FUNDING_COLUMNS = [Column("province", "省份"), Column("city", "城市"), Column("issuer", "发文机关"),
                   Column("title", "文件"), Column("doc_number", "文号"), Column("date", "日期"),
                   Column("instrument", "方式"), Column("cap", "单项上限"), Column("ratio", "比例"),
                   Column("fund", "基金规模"), Column("text", "原文")]
PILOT_COLUMNS = [Column("zone", "序号"), Column("city", "城市"), Column("province", "省份"), Column("date", "日期"),
                 Column("doc_number", "文号"), Column("approver", "批复机关"), Column("title", "依据文件"),
                 Column("basis", "来源"), Column("mentions", "提及次数")]
BASIS_LABELS = {"archive": "归档文件", "reference": "参考资料（未归档）"}


def _funding_cells(row: FundingRow) -> dict[str, str]:
    return {"province": province_of(row.city) or "", "city": row.city, "issuer": row.issuer, "title": row.title,
            "doc_number": row.doc_number,
            "date": row.date.isoformat() if row.date else "",
            "instrument": INSTRUMENT_LABELS.get(row.instrument, row.instrument),
            "cap": format_yuan(row.max_amount_yuan), "ratio": format_ratio(row.ratio),
            "fund": format_yuan(row.fund_size_yuan), "text": row.text, "url": row.url}


def _pilot_cells(row: PilotZoneRow) -> dict[str, str]:
    return {"zone": str(row.zone) if row.zone else "—", "city": row.city, "province": row.province,
            "date": row.date_text or "未知", "doc_number": row.doc_number or "未知", "approver": row.approver,
            "title": row.title, "basis": BASIS_LABELS[row.basis],
            "mentions": str(row.mentions) if row.basis == "archive" else "", "url": row.url}


def _md_escape(value: str) -> str:
    # Markdown passes raw HTML through: a title "<img src=x onerror=...>" would run in any viewer
    # that renders it. As entities it shows as the text it is.
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("|", "\\|").replace("\n", " ")


def render_markdown(title: str, columns: Sequence[Column], rows: Sequence[dict[str, str]], note: str) -> str:
    """A GitHub-flavoured Markdown table; the title column links to the official page."""
    out = [f"# {title}", "", note, "", "| " + " | ".join(c.label for c in columns) + " |",
           "|" + "---|" * len(columns)]
    for row in rows:
        cells = []
        for c in columns:
            value = _md_escape(row.get(c.key, ""))
            if c.key == "title" and row.get("url"):
                link = row["url"].replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                value = f"[{value.replace('[', '［').replace(']', '］')}]({link})"
            cells.append(value)
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out) + "\n"


_HTML = Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title>
<style>
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 2rem; color: #222; }
h1 { font-size: 1.4rem; }
p.note { color: #555; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; }
th, td { border: 1px solid #ccc; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; position: sticky; top: 0; }
tr:nth-child(even) td { background: #fafafa; }
td.num { white-space: nowrap; text-align: right; }
td.quote { color: #444; font-size: .85rem; min-width: 16em; }
td.title { min-width: 12em; }
td { overflow-wrap: anywhere; }
/* Under 960px (a laptop split screen, a tablet, a phone) ten columns squeeze each into a few
   characters a line: each row becomes a card of "label: value" lines instead. No script needed. */
@media (max-width: 960px) {
  body { margin: 1rem; }
  table, thead, tbody, tr, th, td { display: block; }
  thead { position: absolute; left: -9999px; }
  tr { border: 1px solid #ccc; border-radius: 6px; margin-bottom: .8rem; }
  td, tr:nth-child(even) td { border: none; border-bottom: 1px solid #eee; background: none; min-width: 0; }
  td.num { text-align: left; white-space: normal; }
  td::before { content: attr(data-label) "："; font-weight: 600; color: #555; }
}
</style>
</head>
<body>
<h1>{{ title }}</h1>
<p class="note">{{ note }}</p>
<table>
<thead><tr>{% for c in columns %}<th>{{ c.label }}</th>{% endfor %}</tr></thead>
<tbody>
{% for row in rows %}<tr>{% for c in columns %}
{% if c.key == "title" and row.url %}<td class="title" data-label="{{ c.label }}">
<a href="{{ row.url }}" rel="noopener">{{ row.title }}</a></td>
{% elif c.key in numeric %}<td class="num" data-label="{{ c.label }}">{{ row[c.key] }}</td>
{% elif c.key == "text" %}<td class="quote" data-label="{{ c.label }}">{{ row[c.key] }}</td>
{% else %}<td data-label="{{ c.label }}">{{ row[c.key] }}</td>{% endif %}{% endfor %}
</tr>
{% endfor %}</tbody>
</table>
</body>
</html>
""")


def render_html(title: str, columns: Sequence[Column], rows: Sequence[dict[str, str]], note: str) -> str:
    return _HTML.render(title=title, columns=columns, rows=rows, note=note,
                        numeric={"cap", "ratio", "fund", "date", "mentions"})


def render_csv(rows: Sequence[dict[str, Any]], fields: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csvout.writer(buf, fields)
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in fields})
    return buf.getvalue()


FUNDING_CSV_FIELDS = ["city", "source", "issuer", "title", "doc_number", "date", "instrument", "max_amount_yuan",
                      "ratio", "fund_size_yuan", "text", "url", "notice_id"]
PILOT_CSV_FIELDS = ["zone", "city", "province", "date", "doc_number", "approver", "program", "title", "url", "source",
                    "mentions", "basis"]


def _as_of(now: dt.datetime | None) -> str:
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(CHINA)
    return f"截至 {moment:%Y-%m-%d %H:%M}（北京时间）"


def funding_report(session: Session, fmt: str, *, cities: Sequence[str] = (), since: dt.date | None = None,
                   sources: Iterable[SourceLike], now: dt.datetime | None = None) -> str:
    rows = funding_rows(session, cities=cities, since=since, sources=sources)
    if fmt == "csv":
        return render_csv([{**asdict(r), "date": r.date.isoformat() if r.date else ""} for r in rows],
                          FUNDING_CSV_FIELDS)
    scope = "、".join(cities) if cities else "全部城市"
    note = (f"{len(rows)} 条资金支持条款，来自 {len({r.notice_id for r in rows})} 份文件（{scope}"
            + (f"，{since.isoformat()} 起" if since else "") + "）。数据取自归档中抽取的事件，链接指向官方页面。"
            + _as_of(now) + "。")
    cells = [_funding_cells(r) for r in rows]
    # Not "人工智能…": the archive's funding rules come from every programme its sources publish.
    title = "资金扶持政策：各城市对比"
    if fmt == "html":
        return render_html(title, FUNDING_COLUMNS, cells, note)
    return render_markdown(title, FUNDING_COLUMNS, cells, note)


def pilot_zone_report(session: Session, fmt: str, *, since: dt.date | None = None,
                      now: dt.datetime | None = None) -> str:
    rows = pilot_zone_rows(session, since=since)
    if fmt == "csv":
        return render_csv([{**asdict(r), "date": r.date_text} for r in rows], PILOT_CSV_FIELDS)
    archived = sum(r.basis == "archive" for r in rows)
    note = (f"{len(rows)} 个试验区/城市，其中 {archived} 个取自归档文件（科技部复函或城市文件中的引述，取最早的一条），"
            "其余来自参考资料（公开材料整理，尚未归档原函；未知的文号或日期标为“未知”）；"
            "“提及次数”为报道该批复的归档文件数；“序号”空缺的城市不在科技部公布的十八个试验区之列，请核实。"
            + _as_of(now) + "。")
    cells = [_pilot_cells(r) for r in rows]
    title = "国家新一代人工智能创新发展试验区：批复时间线"
    if fmt == "html":
        return render_html(title, PILOT_COLUMNS, cells, note)
    return render_markdown(title, PILOT_COLUMNS, cells, note)


# -- open grant calls ----------------------------------------------------------------------------

OPEN_CALL_COLUMNS = [Column("deadline", "截止"), Column("days_left", "剩余天数"), Column("province", "省份"),
                     Column("city", "城市"),
                     Column("issuer", "发文机关"), Column("title", "申报通知"), Column("system", "申报系统"),
                     Column("moved", "延期")]
OPEN_CALL_CSV_FIELDS = ["apply_end", "precision", "days_left", "city", "source", "issuer", "title", "system",
                        "extensions", "url", "notice_id"]
_PRECISION_NOTE = {TENTATIVE: "（暂定）", MONTH: "（月内）"}


def _open_call_row(call: OpenCall, today: dt.date, city: str, issuer: str) -> dict[str, Any]:
    end = call.deadline
    system = next((str(e.get("system")) for e in _events(call.notice, FUNDING_CALL_OPENED.name) if e.get("system")),
                  "")
    return {"apply_end": end.value if end else "", "precision": (end.precision or "") if end else "",
            "deadline": (when_text(end.value) + _PRECISION_NOTE.get(end.precision or "", "")) if end else "未写明",
            "days_left": str((end.last_day - today).days) if end else "",
            "province": province_of(city) or "", "city": city, "source": call.notice.source, "issuer": issuer,
            "title": call.notice.title,
            "system": system, "extensions": call.extensions,
            "moved": f"{call.extensions} 次" if call.extensions else "",
            "url": call.notice.url, "notice_id": call.notice.id}


def open_calls_report(session: Session, fmt: str, *, cities: Sequence[str] = (), sources: Iterable[SourceLike],
                      now: dt.datetime | None = None) -> str:
    """Calls still open today, soonest deadline first (tentative and unstated ends last)."""
    source_list = tuple(sources)
    city_by_source = {s.id: s.city for s in source_list}
    names = {s.id: s.name for s in source_list}
    today = (now or dt.datetime.now(dt.UTC)).astimezone(CHINA).date()
    calls = open_calls(session, today, places=resolve_places(source_list, cities, ()))
    rows = [_open_call_row(c, today, city_by_source.get(c.notice.source, c.notice.source), _issuer(c.notice, names))
            for c in calls]
    if fmt == "csv":
        return render_csv(rows, OPEN_CALL_CSV_FIELDS)
    scope = "、".join(cities) if cities else "全部城市"
    note = (f"{len(rows)} 个仍在申报期的通知（{scope}），按截止时间排序；截止时间已计入延期通知，"
            "“暂定”表示原文写明时间可能调整。" + _as_of(now) + "。")
    title = "申报中的项目：截止时间一览"
    if fmt == "html":
        return render_html(title, OPEN_CALL_COLUMNS, rows, note)
    return render_markdown(title, OPEN_CALL_COLUMNS, rows, note)

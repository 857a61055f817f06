"""Turn a detail page (plus what the list said) into a NoticeRecord with its extracted facts."""

from __future__ import annotations

from dataclasses import replace

from parsers.controls import strip_controls
from parsers.decode import decode_html
from parsers.detail import generic_detail
from parsers.facts import DocText, Facts, explain, extract_facts
from parsers.facts.candidates import candidates
from parsers.model import NoticeRecord
from parsers.page import ChannelContext, DetailPage, ListEntry, Platform, clean, clean_title, has_index_prefix
from policywatch.errors import ParseError


def build_record(detail: DetailPage, url: str, *, source: str | None, channel: str | None,
                 entry: ListEntry | None = None, attachment_texts: tuple[tuple[str, str], ...] = (),
                 with_evidence: bool = False) -> NoticeRecord:
    detail = _without_controls(detail)
    title = detail_title(detail, entry)
    if not title:
        raise ParseError(f"{url}: no title found")
    meta = dict(detail.meta)
    if entry is not None:
        if entry.date:
            meta.setdefault("list_date", entry.date.isoformat())
        if entry.doc_number:
            meta.setdefault("list_doc_number", entry.doc_number)
        # The list's title attribute is complete where a detail <h1> may be split or shortened.
        if entry.title and len(entry.title) > len(title):
            title = strip_controls(entry.title)
    doc = DocText(title=title, body=detail.body, url=url, meta=meta, attachment_texts=attachment_texts)
    facts: Facts = extract_facts(doc)
    record = NoticeRecord(
        url=url, source=source, channel=channel, title=title,
        doc_number=facts.doc_number, doc_number_raw=facts.doc_number_raw,
        issuers=facts.issuers, written_date=facts.written_date,
        published_date=facts.published_date or (entry.date if entry else None),
        body=detail.body, attachments=detail.attachments, topics=facts.topics, events=facts.events,
    )
    if with_evidence:
        # The winners' evidence first, then every candidate weighed for title, 文号, dates and
        # issuers with its verdict ("won", "lost: …"): what `parse --explain` prints.
        weighed = [*_title_rows(detail, title), *candidates(doc, facts)]
        record = replace(record, evidence=(*explain(facts), *weighed))
    return record


def _title_rows(detail: DetailPage, title: str) -> list[dict[str, str]]:
    rows = [dict(r) for r in detail.explain if r.get("field") == "title"]
    if not rows:  # a platform adapter's declared title selector: nothing else was weighed
        rows = [{"field": "title", "rule": "title.adapter_selector", "text": detail.title}]
    for row in rows:
        row["value"] = row.pop("text", "")
        if row["value"] != title and row.get("verdict") == "won":
            row["verdict"] = "lost: replaced by the list's complete title or a cleaned form"
        row.setdefault("verdict", "won" if row["value"] == title else "lost: replaced by the list's title")
    return rows


def detail_title(detail: DetailPage, entry: ListEntry | None) -> str:
    """The detail page's own title, unless neighbours polluted it (an attribute table's 索引号 and
    issuer before it): then its ArticleTitle meta or the list's clean title. Never with a date at
    its end or an index number in front."""
    listed = clean_title(strip_controls(entry.title)) if entry else ""
    own = clean(detail.title)
    if has_index_prefix(own):
        own = clean_title(detail.meta.get("ArticleTitle")) or listed or clean_title(own)
    own = clean_title(own)
    if listed and len(own) > len(listed) and own.endswith(listed):
        own = listed  # "issuer title" glued together: the list names the document alone
    return own or listed


def _without_controls(detail: DetailPage) -> DetailPage:
    atts = tuple(replace(a, name=strip_controls(a.name)) for a in detail.attachments)
    return replace(detail, title=strip_controls(detail.title), body=strip_controls(detail.body), attachments=atts)


def parse_detail_page(text: str, url: str, platform: Platform | None, ctx: ChannelContext | None,
                      **kwargs: object) -> NoticeRecord:
    """Parse with the channel's platform when known, else with template-agnostic extraction."""
    if platform is not None and ctx is not None:
        detail = platform.parse_detail(text, url, ctx)
    else:
        detail = generic_detail(text, url)
    return build_record(detail, url, **kwargs)  # type: ignore[arg-type]


def parse_plain_text(text: str, url: str, **kwargs: object) -> NoticeRecord:
    """A pasted article: first non-empty line is the title, the rest the body."""
    lines = [ln.strip() for ln in text.replace("\r\n", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    if not lines:
        raise ParseError("empty text")
    detail = DetailPage(title=lines[0], body="\n".join(lines[1:]) or lines[0])
    return build_record(detail, url, **kwargs)  # type: ignore[arg-type]


def parse_bytes(data: bytes, url: str, *, is_text: bool, content_type: str | None = None,
                platform: Platform | None = None, ctx: ChannelContext | None = None,
                **kwargs: object) -> NoticeRecord:
    text, _ = decode_html(data, content_type)
    if is_text:
        return parse_plain_text(text, url, **kwargs)
    return parse_detail_page(text, url, platform, ctx, **kwargs)

"""Every candidate the extractor weighed for 文号, dates and issuers, and why each one lost.

``extract_facts`` keeps only the winner (with its Evidence); ``parse --explain`` also shows the
losers, so a wrong value can be traced to the rule that outranked the right one. The candidates are
listed in the precedence order of api.py; a candidate loses to the first one that yielded a value,
or is refused outright (a number cited in parentheses, a date that is not the publication date …).
"""

from __future__ import annotations

from typing import Any

from .dates import iter_dates, parse_meta_date
from .docnumber import is_own_number_position, iter_doc_numbers, order_in_head
from .issuers import split_issuers
from .model import DocText, Facts
from .script import normalise
from .signature import find_person_signature, iter_signatures

_HEAD = 600
# The reason a signature block loses to another block: api.py takes the page's own (signed by the issuer
# its title or metadata names), so this one is a forwarded or attached document's.
_NOT_OWN_BLOCK = "another signature block than the page's own (a forwarded or attached document's)"


def _row(fld: str, rule: str, value: str, text: str) -> dict[str, str]:
    """One candidate; a row may carry ``why``, the reason it lost when no general one applies."""
    return {"field": fld, "rule": rule, "value": value, "text": text}


def _docnum_rows(doc: DocText) -> list[dict[str, str]]:
    rows = []
    for key in ("发文字号", "文号", "list_doc_number"):
        if doc.meta.get(key):
            for found in iter_doc_numbers(normalise(doc.meta[key])):
                rows.append(_row("doc_number", f"docnum.meta:{key}", found.normalised, doc.meta[key]))
    for found in iter_doc_numbers(normalise(doc.title)):
        rows.append(_row("doc_number", "docnum.title", found.normalised, doc.title))
    head = normalise(doc.body[:_HEAD])
    order = order_in_head(head)
    if order:
        rows.append(_row("doc_number", "docnum.order_head", order.normalised, head[: order.span[1]]))
    for found in iter_doc_numbers(head):
        own = is_own_number_position(head, found.span[0])
        rule = "docnum.body_head" if own else "docnum.body_cited"
        rows.append(_row("doc_number", rule, found.normalised, head[max(0, found.span[0] - 12) : found.span[1]]))
    return rows


def _date_rows(doc: DocText) -> list[dict[str, str]]:
    rows = []
    for fld, keys in (("written_date", ("成文日期",)), ("published_date", ("发布日期", "PubDate", "list_date"))):
        for key in keys:
            got = parse_meta_date(normalise(doc.meta.get(key, "")))
            if got:
                rows.append(_row(fld, f"date.meta:{key}", got.date.isoformat(), doc.meta[key]))
    body = normalise(doc.body)
    for sig in iter_signatures(body):
        if sig.date:
            signers = "、".join(n for n, _ in sig.orgs)
            rows.append({**_row("written_date", sig.rule, sig.date.isoformat(), sig.date_line.text),
                         "why": f"{_NOT_OWN_BLOCK} (signed by {signers})"})
    person = find_person_signature(body)
    if person:
        rows.append(_row("written_date", "signature.person", person[0].isoformat(), person[1].text))
    for found in iter_dates(body[:_HEAD]):
        rows.append(_row("date", "date.in_body_head", found.date.isoformat(),
                         body[max(0, found.span[0] - 8) : found.span[1]]))
    return rows


def _issuer_rows(doc: DocText) -> list[dict[str, str]]:
    rows = []
    for key in ("发文机关", "发布机构", "ContentSource"):
        if doc.meta.get(key):
            only_known = key == "ContentSource"
            for name in split_issuers(normalise(doc.meta[key]), only_known=only_known) or ["(not an issuer)"]:
                rows.append(_row("issuers", f"issuer.meta:{key}", name, doc.meta[key]))
    for sig in iter_signatures(normalise(doc.body)):
        rows.extend({**_row("issuers", "issuer.signature", n, ln.text), "why": _NOT_OWN_BLOCK} for n, ln in sig.orgs)
    return rows


def _verdicts(rows: list[dict[str, str]], won: dict[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    winner_rule: dict[str, str] = {}
    # A row's own reason applies when a row of the same rule won (two signature blocks, one the page's).
    won_rules = {(r["field"], r["rule"]) for r in rows if r["value"] in won.get(r["field"], ())}
    for row in rows:
        fld = row["field"]
        values = won.get(fld, ())
        if fld == "date":
            hit = [f for f, v in won.items() if f.endswith("_date") and row["value"] in v]
            verdict = f"is the {hit[0]}" if hit else "lost: a date in the text, not a labelled or signed one"
        elif row["value"] in values and fld not in winner_rule:
            winner_rule[fld] = row["rule"]
            verdict = "won"
        elif row["value"] in values:
            verdict = "agrees with the winner"
        elif row["rule"] == "docnum.body_cited":
            verdict = "lost: a cited number (after 《…》 or inside parentheses), not the page's own"
        elif row["value"] == "(not an issuer)":
            verdict = "lost: not a known issuing body (a media outlet or the reposting site)"
        elif fld in winner_rule and "PubDate" in row["rule"]:
            verdict = f"lost: a hidden <meta> date (often the page's generation time) ranks below {winner_rule[fld]}"
        elif "why" in row and (fld, row["rule"]) in won_rules:
            verdict = "lost: " + row["why"]
        elif fld in winner_rule:
            verdict = f"lost: lower precedence than {winner_rule[fld]}"
        else:
            verdict = "lost: outranked by a rule listed in docs/extraction.md"
        out.append({**{k: v for k, v in row.items() if k != "why"}, "verdict": verdict})
    return out


def candidates(doc: DocText, facts: Facts) -> list[dict[str, Any]]:
    """``parse --explain`` rows: each candidate for 文号 / dates / issuers with its verdict."""
    won: dict[str, tuple[str, ...]] = {
        "doc_number": (facts.doc_number,) if facts.doc_number else (),
        "written_date": (facts.written_date.isoformat(),) if facts.written_date else (),
        "published_date": (facts.published_date.isoformat(),) if facts.published_date else (),
        "issuers": facts.issuers,
    }
    return _verdicts([*_docnum_rows(doc), *_date_rows(doc), *_issuer_rows(doc)], won)

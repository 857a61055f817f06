"""Attachment text extraction: PDF (CJK), DOCX, XLSX built in the test; errors are ParseError."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsers.attachments import extract_attachment_text
from policywatch.errors import ParseError


def _pdf(text: str) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 12)
    c.drawString(50, 750, text)
    c.save()
    return buf.getvalue()


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("按项目研发投入的30%给予补助，最高800万元。")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "项目类型", "资助上限（万元）"
    table.cell(1, 0).text, table.cell(1, 1).text = "重大项目", "2000"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _xlsx() -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["项目类型", "资助上限（万元）"])
    ws.append(["重点项目", 500])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_pdf_cjk() -> None:
    text = extract_attachment_text(_pdf("给予最高2000万元资金支持"), "指南.pdf", "application/pdf")
    assert "最高2000万元" in text


def test_docx_paragraphs_and_table_rows() -> None:
    text = extract_attachment_text(_docx(), "指南.docx")
    assert "最高800万元" in text
    assert "重大项目\t2000" in text


def test_xlsx_rows() -> None:
    text = extract_attachment_text(_xlsx(), "标准.xlsx", None)
    assert "项目类型\t资助上限（万元）" in text and "重点项目\t500" in text


def test_funding_from_extracted_attachment() -> None:
    from parsers.facts import DocText, extract_facts

    text = extract_attachment_text(_xlsx(), "标准.xlsx")
    facts = extract_facts(DocText("通知", "见附件", attachment_texts=(("标准.xlsx", text),)))
    (rule,) = [e for e in facts.events if e["type"] == "funding_rule"]
    assert rule["max_amount_yuan"] == 5_000_000 and rule["source"] == "attachment:标准.xlsx"


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"", "a.pdf"),
        (b"%PDF-1.4 garbage", "a.pdf"),
        (b"PK\x03\x04junk", "a.docx"),
        (b"hello", "a.txt"),
        (b"hello", "a.xlsx"),
    ],
)
def test_bad_input_is_parse_error(data: bytes, name: str) -> None:
    with pytest.raises(ParseError):
        extract_attachment_text(data, name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.binary(max_size=500).map(lambda b: b"%PDF-1.4\n" + b),
        st.binary(max_size=500).map(lambda b: b"PK\x03\x04" + b),
    ),
    st.sampled_from(["a.pdf", "a.docx", "a.xlsx", "a.bin", ""]),
    st.sampled_from([None, "application/pdf", "text/html"]),
)
def test_arbitrary_bytes_raise_only_parse_error(data: bytes, name: str, ctype: str | None) -> None:
    with contextlib.suppress(ParseError):
        assert isinstance(extract_attachment_text(data, name, ctype), str)

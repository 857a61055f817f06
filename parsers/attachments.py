"""Plain text out of notice attachments (PDF, DOCX, XLSX) for funding/date detection.

Library choice (see docs/extraction.md): pypdf (pure Python, BSD, actively released), python-docx
(the standard OOXML reader) and openpyxl (read-only mode streams large sheets). All three are
pure Python wheels, so CI needs no system packages. Every failure surfaces as
``errors.ParseError``: callers never see library-specific exceptions.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator

from policywatch.errors import ParseError

_MAX_BYTES = 50 * 1024 * 1024
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
}


def _kind(data: bytes, filename: str, content_type: str | None) -> str:
    """Decide the format from magic bytes first (servers mislabel), then type, then name."""
    if data.startswith(_PDF_MAGIC):
        return "pdf"
    if data.startswith(_ZIP_MAGIC):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except Exception as exc:
            raise ParseError(f"{filename}: broken zip container: {exc}") from exc
        if "word/document.xml" in names:
            return "docx"
        if "xl/workbook.xml" in names:
            return "xlsx"
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype in _TYPES:
        return _TYPES[ctype]
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext in ("pdf", "docx", "xlsx"):
        return ext
    raise ParseError(f"{filename}: unsupported attachment type ({content_type or ext or 'unknown'})")


def _pdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _docx_blocks(doc: object) -> Iterator[str]:
    # paragraphs, then tables as rows of tab-separated cells (funding.py reads rows as clauses)
    for para in doc.paragraphs:  # type: ignore[attr-defined]
        yield para.text
    for table in doc.tables:  # type: ignore[attr-defined]
        for row in table.rows:
            yield "\t".join(cell.text.strip() for cell in row.cells)


def _docx(data: bytes) -> str:
    import docx

    return "\n".join(_docx_blocks(docx.Document(io.BytesIO(data))))


def _xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        lines = []
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells = ["" if v is None else str(v) for v in row]
                if any(cells):
                    lines.append("\t".join(cells).rstrip("\t"))
        return "\n".join(lines)
    finally:
        wb.close()


_READERS: dict[str, Callable[[bytes], str]] = {"pdf": _pdf, "docx": _docx, "xlsx": _xlsx}


def extract_attachment_text(data: bytes, filename: str, content_type: str | None = None) -> str:
    """Text of a PDF/DOCX/XLSX attachment; raises ``errors.ParseError`` on anything bad."""
    if not isinstance(data, (bytes, bytearray)) or not data:
        raise ParseError(f"{filename}: empty attachment")
    if len(data) > _MAX_BYTES:
        raise ParseError(f"{filename}: attachment larger than {_MAX_BYTES} bytes")
    kind = _kind(bytes(data), filename, content_type)
    try:
        return _READERS[kind](bytes(data))
    except ParseError:
        raise
    except Exception as exc:
        raise ParseError(f"{filename}: cannot read {kind}: {type(exc).__name__}: {exc}") from exc

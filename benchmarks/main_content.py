"""Measure main-content detection on the tuning split of the page corpus (issue 15).

A page's body is right when it holds the document's first and last paragraph and none of the site
chrome (navigation, related list, footer). Compares the previous generic reader (known container
classes, then the most ``./p`` text), parsers.generic.main_node (own-paragraph density), and, when
installed, trafilatura and readability-lxml. Run: ``.venv/bin/python benchmarks/main_content.py``.
Only the tuning split is measured: the untouched split stays untouched.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "facts" / "pages"))

from docs import DOCS  # noqa: E402
from parsers.decode import decode_html  # noqa: E402
from parsers.detail import node_text  # noqa: E402
from parsers.generic import main_node  # noqa: E402
from parsers.page import clean, html_selector  # noqa: E402

SPLIT = ROOT / "tests" / "facts" / "pages" / (sys.argv[1] if len(sys.argv) > 1 else "tuning")
CHROME = ("网站标识码", "相关文章", "机构概况", "版权所有")
_OLD = ["#Zoom", "#zoom", "#mainText", ".TRS_UEDITOR", ".TRS_Editor", ".trs_editor_view", "#ivs_content",
        ".Article_content", ".news_cont_d_wrap", ".wzcon", ".con_main", ".article-content", ".article", "article",
        "#content", ".content"]


def old_generic(text: str) -> str:
    sel = html_selector(text)
    for css in _OLD:
        found = sel.css(css)
        if found and len(clean(" ".join(found[0].css("::text").getall()))) >= 20:
            return node_text(found[0].root)
    best, best_len = None, -1
    for node in sel.css("div, td, section, article, body"):
        length = sum(len(clean(t)) for t in node.xpath("./p//text() | ./text()").getall())
        if length > best_len:
            best, best_len = node, length
    return node_text(best.root) if best is not None else ""


def density(text: str) -> str:
    node = main_node(html_selector(text))
    return node_text(node) if node is not None else ""


def methods() -> dict[str, Callable[[str], str]]:
    out: dict[str, Callable[[str], str]] = {"old generic": old_generic, "density (parsers.generic)": density}
    try:
        import trafilatura

        out["trafilatura"] = lambda t: trafilatura.extract(t, include_tables=True, favor_recall=True) or ""
    except ImportError:
        pass
    try:
        from readability import Document

        out["readability-lxml"] = lambda t: node_text(html_selector(Document(t).summary()).root)
    except ImportError:
        pass
    return out


def squash(text: str) -> str:
    return "".join(text.split())


def main() -> None:
    cases = json.loads((SPLIT / "labels.json").read_text(encoding="utf-8"))["cases"]
    docs = {d.key: d for d in DOCS}
    for name, fn in methods().items():
        ok = chrome = missed = 0
        t0 = time.perf_counter()
        for case in cases:
            doc = docs[case["id"].split("__", 1)[1]]
            text, _ = decode_html((SPLIT / case["file"]).read_bytes())
            body = squash(fn(text))
            has_all = squash(doc.paras[0])[:30] in body and squash(doc.paras[-1])[-30:] in body
            dirty = any(c in body for c in CHROME)
            ok += has_all and not dirty
            chrome += dirty
            missed += not has_all
        ms = (time.perf_counter() - t0) * 1000 / len(cases)
        print(f"{name:<28} right {ok:>3}/{len(cases)}  missed text {missed:>3}  with chrome {chrome:>3}"
              f"  {ms:6.1f} ms/page")


if __name__ == "__main__":
    main()

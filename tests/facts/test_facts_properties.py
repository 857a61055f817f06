"""extract_facts never raises, whatever the text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from parsers.facts import DocText, Facts, explain, extract_facts

# Characters the rules care about, so random text actually exercises them.
_ALPHABET = st.sampled_from(
    list(
        "0123456789０１２〔〕[]［］()（）【】﹝﹞《》号年月日万亿元最高不超过按%、，。；|\t\n "
        "科技部關於國發支持建设國家新一代人工智能创新发展试验区的函一二三〇十基金规模废止市县"
    )
)
_TEXT = st.one_of(st.text(max_size=400), st.text(_ALPHABET, max_size=400))
_KEYS = st.sampled_from(
    ["发文字号", "文号", "成文日期", "发布日期", "发文机关", "PubDate", "ContentSource", "list_date", "x"]
)


@settings(max_examples=300, deadline=None)
@given(
    _TEXT,
    _TEXT,
    st.dictionaries(_KEYS, _TEXT, max_size=4),
    st.lists(st.tuples(st.text(max_size=10), _TEXT), max_size=2),
)
def test_extract_facts_never_raises(
    title: str, body: str, meta: dict[str, str], atts: list[tuple[str, str]]
) -> None:
    facts = extract_facts(DocText(title, body, "", meta, tuple(atts)))
    assert isinstance(facts, Facts)
    for row in explain(facts):
        assert row["span"][0] <= row["span"][1]

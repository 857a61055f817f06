from __future__ import annotations

import datetime as dt

import pytest
from notifier_builders import make_digest, make_item

from notifier.digest import Digest, DigestItem, digest_subject, format_ratio, format_yuan, summarize_events


@pytest.mark.parametrize(
    ("events", "line"),
    [
        ([{"type": "pilot_zone_approved", "city": "德清县"}], "试验区获批：德清县"),
        (
            [{"type": "funding_rule", "max_amount_yuan": 20_000_000, "ratio": 0.3}],
            "资金：最高2000万元，比例30%",
        ),
        ([{"type": "funding_rule", "fund_size_yuan": 2_000_000_000}], "基金规模20亿元"),
        ([{"type": "funding_rule", "text": "实行“一事一议”"}], "一事一议"),
        ([{"type": "repeal", "doc_number": "国科发规〔2019〕298号"}], "废止：国科发规〔2019〕298号"),
        ([{"type": "funding_rule", "max_amount_yuan": 5_000_000, "ratio": 50}], "资金：最高500万元，比例50%"),
        (
            [
                {"type": "pilot_zone_approved", "city": "合肥"},
                {"type": "funding_rule", "max_amount_yuan": 1.5e8},
            ],
            "试验区获批：合肥；资金：最高1.5亿元",
        ),
        ([{"type": "pilot_zone_approved", "city": "合肥"}] * 2, "试验区获批：合肥"),
        ([{"type": "something_unknown", "x": 1}], ""),
        ([], ""),
    ],
)
def test_summarize_events(events: list[dict[str, object]], line: str) -> None:
    assert summarize_events(events) == line


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (20_000_000, "2000万元"),
        (2e9, "20亿元"),
        (12_345_678, "1234.5678万元"),
        (800, "800元"),
        (0.1 + 0.2, "0.3元"),
    ],
)
def test_format_yuan(amount: float, text: str) -> None:
    assert format_yuan(amount) == text


def test_format_ratio_accepts_fraction_or_percent() -> None:
    assert format_ratio(0.3) == format_ratio(30) == "30%"
    assert format_ratio(0.125) == "12.5%"


def test_subject_counts_per_source() -> None:
    items = (make_item(3), make_item(6), make_item(1))  # 科技部, 科技部, 深圳
    assert digest_subject(make_digest(items)) == "【政策速递】3 条新通知 · 科技部 2 · 深圳 1"


def test_subject_mentions_other_change_kinds() -> None:
    items = (
        make_item(3),
        make_item(1, change="revised", diff="-旧\n+新"),
        make_item(4, change="repealed", repealed_by="国科发规〔2024〕1号"),
        make_item(2, change="withdrawn"),
    )
    subject = digest_subject(make_digest(items))
    assert subject.startswith("【政策速递】1 条新通知、1 条修订、1 条撤回、1 条废止 · ")


def test_subject_caps_named_sources() -> None:
    names = ["科技部", "深圳", "杭州", "合肥", "北京", "西安"]
    items = tuple(make_item(i, source_name=n) for i, n in enumerate(names, 1))
    assert digest_subject(make_digest(items)).endswith("其他 2")


def test_model_rejects_bad_values() -> None:
    with pytest.raises(ValueError):
        make_item(1, change="edited")
    with pytest.raises(ValueError):
        make_digest(1, created_at=dt.datetime(2024, 5, 1, 8, 0))  # naive


def test_json_round_trip() -> None:
    item = make_item(5, change="revised", diff="- a\n+ b")
    assert DigestItem.from_json(item.to_json()) == item
    payload = make_digest((item,)).to_json()
    assert payload["schema"] == "policywatch.digest/1"
    assert payload["counts"] == {"revised": 1}
    assert isinstance(Digest, type)

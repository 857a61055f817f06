"""Topic tagging from a fixed, documented vocabulary (docs/extraction.md lists the triggers).

A topic is assigned when a trigger appears in the title, or at least ``min_body`` times in
the body/attachments. The three zone programmes are kept strictly apart:
``pilot_zone`` (MOST 国家新一代人工智能创新发展试验区), ``miit_pilot_area`` (MIIT
人工智能创新应用先导区) and ``digital_economy_zone`` (数字经济创新发展试验区).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Topic:
    name: str
    pattern: re.Pattern[str]
    min_body: int
    label: str  # what a subscriber reads on the sign-up and preferences pages


def _t(name: str, label: str, pattern: str, min_body: int = 2) -> Topic:
    return Topic(name, re.compile(pattern), min_body, label)


TOPICS: tuple[Topic, ...] = (
    _t("ai", "人工智能", r"人工智[能慧]|(?<![A-Za-z])AI(?![A-Za-z])|机器学习|深度学习|大模型|智能算法"),
    _t("pilot_zone", "人工智能创新发展试验区", r"(?:国家)?新一代人工智[能慧]创新发展[试实]验区", 1),
    _t("miit_pilot_area", "人工智能创新应用先导区（工信部）", r"人工智[能慧]创新应用先导区", 1),
    _t("digital_economy_zone", "数字经济创新发展试验区", r"数字经济创新发展试验区", 1),
    _t("funding", "资金支持",
       r"专项资金|资金支持|财政资金|补助|资助|补贴|奖励资金|引导基金|创业基金|产业基金|一事一议"),
    _t("healthcare", "医疗健康", r"医疗|医院|医药|医学|卫生健康|大健康|健康医疗|药物研发|诊疗"),
    _t("data", "数据要素", r"大数据|数据开放|数据共享|数据要素|公共数据|数据资源|数据交易"),
    _t("computing_power", "算力", r"算力|智算|超算|计算中心|计算平台|数据中心"),
    _t("talent", "人才", r"人才"),
    _t("industry", "产业发展", r"产业集群|产业链|产业发展|产业规模|产业园|龙头企业"),
    _t("science_policy", "科技政策与成果转化", r"科技成果|成果转化|基础研究|关键核心技术|研发投入|科研"),
)

# Trigger lists for documentation / the CLI.
VOCABULARY: MappingProxyType[str, str] = MappingProxyType({t.name: t.pattern.pattern for t in TOPICS})


@dataclass(frozen=True)
class TopicHit:
    topic: str
    source_index: int
    span: tuple[int, int]


def find_topics(title: str, texts: list[str], has_funding_rule: bool) -> list[TopicHit]:
    """Topics in vocabulary order; ``texts[0]`` is the title, index into ``[title, *texts]``."""
    hits: list[TopicHit] = []
    for topic in TOPICS:
        m = topic.pattern.search(title)
        if m:
            hits.append(TopicHit(topic.name, 0, (m.start(), m.end())))
            continue
        hit = _body_hit(topic, texts)
        if hit:
            hits.append(hit)
        elif topic.name == "funding" and has_funding_rule:
            hits.append(TopicHit("funding", -1, (0, 0)))
    return hits


def _body_hit(topic: Topic, texts: list[str]) -> TopicHit | None:
    count = 0
    first: TopicHit | None = None
    for i, text in enumerate(texts, start=1):
        for m in topic.pattern.finditer(text):
            count += 1
            first = first or TopicHit(topic.name, i, (m.start(), m.end()))
            if count >= topic.min_body:
                return first
    return None

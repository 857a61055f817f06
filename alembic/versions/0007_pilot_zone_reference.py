"""pilot_zone: the eighteen MOST pilot zones as reference rows

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03

A frozen copy of parsers/facts/pilot_zone_reference.json at this revision (a migration must give
the same database whenever it runs; tests/archive/test_pilot_zone_reference.py checks the copy and
the file agree, so a change to the file comes with a new migration).

"""
from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("number", "city", "province", "approved", "date_kind", "doc_number", "letter_url", "basis", "note")
ZONES = [
    (1, '北京', '北京', '2019-02', 'month', '国科函规〔2019〕27号', None, '第三方转载的复函（转载未显示日期）', '答复京政函〔2019〕11号'),
    (2, '上海', '上海', '2019-05-22', 'letter', '国科函规〔2019〕80号', None, '公开材料中的复函信息', '答复沪府函〔2019〕44号'),
    (3, '天津', '天津', '2019-10-17', 'letter', '国科函规〔2019〕182号', None, '同日复函182-185号中，183、184、185号分别为深圳、杭州、合肥，182号为推定', ''),
    (4, '深圳', '广东', '2019-10-17', 'letter', '国科函规〔2019〕183号', None, '第三方转载的复函', ''),
    (5, '杭州', '浙江', '2019-10-17', 'letter', '国科函规〔2019〕184号', None, '杭州市行动计划中的引述', ''),
    (6, '合肥', '安徽', '2019-10-17', 'letter', '国科函规〔2019〕185号', None, '第三方转载的复函', ''),
    (7, '德清县', '浙江', '2019-11-02', 'letter', '国科函规〔2019〕194号', None, '公开材料中的复函信息', '首个县级试验区；浙政函〔2019〕73号申请的是杭州市和德清县'),
    (8, '重庆', '重庆', '2020-03-09', 'published', None, None, '科技部网站2020-03-09发布（四地同批）', ''),
    (9, '成都', '四川', '2020-03-09', 'published', None, None, '科技部网站2020-03-09发布（四地同批）', ''),
    (10, '西安', '陕西', '2020-03-09', 'published', None, None, '科技部网站2020-03-09发布（四地同批）', '答复陕政函〔2019〕157号'),
    (11, '济南', '山东', '2020-03-09', 'published', '国科函规〔2020〕15号', None, '科技部网站2020-03-09发布（四地同批）', ''),
    (12, '广州', '广东', '2020-09-04', 'published', None, 'https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/qtwj/qtwj2020/202009/t20200904_158650.html', '科技部网站发布（复函日期2020-09-03/04）', ''),
    (13, '武汉', '湖北', '2020-09-04', 'published', None, 'https://www.most.gov.cn/xxgk/xinxifenlei/fdzdgknr/qtwj/qtwj2020/202009/t20200904_158651.html', '科技部网站发布（复函日期2020-09-03/04）', ''),
    (14, '苏州', '江苏', '2021-03-19', 'letter', None, None, '中国政府网政策文件库 content_5595549.htm（2021-03-25）', '核心区：苏州工业园区'),
    (15, '长沙', '湖南', '2021-03-19', 'letter', None, None, '中国政府网政策文件库 content_5595552.htm（2021-03-25）', ''),
    (16, '郑州', '河南', '2021-12-07', 'published', None, None, '科技部网站2021-12-07发布（t20211207_178438-178440，各对应哪个城市未记录）', ''),
    (17, '沈阳', '辽宁', '2021-12-07', 'published', None, None, '科技部网站2021-12-07发布（t20211207_178438-178440，各对应哪个城市未记录）', ''),
    (18, '哈尔滨', '黑龙江', '2021-12-07', 'published', None, None, '科技部网站2021-12-07发布（t20211207_178438-178440，各对应哪个城市未记录）', ''),
]


def upgrade() -> None:
    table = op.create_table(
        'pilot_zone',
        sa.Column('number', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('city', sa.String(length=40), nullable=False),
        sa.Column('province', sa.String(length=40), nullable=False),
        sa.Column('approved', sa.String(length=10), nullable=False),
        sa.Column('date_kind', sa.String(length=12), nullable=False),
        sa.Column('doc_number', sa.String(length=80), nullable=True),
        sa.Column('letter_url', sa.Text(), nullable=True),
        sa.Column('basis', sa.Text(), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('number', name=op.f('pk_pilot_zone')),
        sa.UniqueConstraint('city', name=op.f('uq_pilot_zone_city')),
    )
    op.bulk_insert(table, [dict(zip(COLUMNS, z, strict=True)) for z in ZONES])


def downgrade() -> None:
    op.drop_table('pilot_zone')

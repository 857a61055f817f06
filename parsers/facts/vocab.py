"""The grant-call vocabularies: deadline precisions, submission stages and final-list kinds.

Event fields (events.py), the deadline rules (deadlines.py), reminders and the calendar read these
names from here and spell none of them themselves.
"""

from __future__ import annotations

# How much of an end date the text pins down.
EXACT = "exact"  # date and time of day: "2026-12-31T17:00"
DAY = "day"  # a date: "2026-12-31"
MONTH = "month"  # only the month: "2027-01" (请于2027年1月底前)
TENTATIVE = "tentative"  # the text says it may move (暂定…另行通知); the value may be null
PRECISIONS = (EXACT, DAY, MONTH, TENTATIVE)

# Who must act by a deadline, when a call names several deadlines.
APPLICANT = "applicant"  # the applying unit submits (网上填报, 申报单位)
RECOMMENDATION = "recommendation"  # the local authority reviews and recommends (审核推荐)
STAGES = (APPLICANT, RECOMMENDATION)
STAGE_LABELS = {APPLICANT: "申报", RECOMMENDATION: "推荐"}

# What a final list decides.
LIST_KINDS = ("立项", "拟支持", "认定")

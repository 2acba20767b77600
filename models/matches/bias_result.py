"""The bias monitor's stored counts (table bias_result): what the queue's compute_bias job counted
for an organisation's open vacancies, read by the page (models/matches/bias.py)."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class StoredBias(Base):
    """The bias monitor's counts (models/matches/bias.py) of an organisation's open vacancies as the job last computed them: per vacancy
    the top and eligible sizes and the count of each group in both (no candidate ids)."""

    __tablename__ = "bias_result"

    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(64))  # digest of what the counts follow from (``version``)
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)
    # [[vacancy id, top size, eligible size, [[dimension, group, in the top, among the eligible], …]], …]
    vacancies: Mapped[list] = mapped_column(JSON, default=list)

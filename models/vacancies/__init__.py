"""Vacancies: registering and editing, closing on the closing date, review, sharing and proposals."""
from .edit import (
    STAFF_STATUSES,
    close_expired,
    create_vacancy,
    link_terms,
    snapshot,
    split_skills,
    update_vacancy,
)
from .queries import SCOPES, Filters, export_rows, get_visible, list_page, submitted_count
from .review import accept_submission, reject_submission, submit_public
from .sharing import (
    owner_proposals,
    partner_organisations,
    proposable_candidates,
    propose,
    share,
    unshare,
)

__all__ = [
    "SCOPES", "STAFF_STATUSES", "Filters", "accept_submission", "close_expired", "create_vacancy",
    "export_rows", "get_visible", "link_terms", "list_page", "owner_proposals",
    "partner_organisations", "proposable_candidates", "propose", "reject_submission", "share",
    "snapshot", "split_skills", "submit_public", "submitted_count", "unshare", "update_vacancy",
]

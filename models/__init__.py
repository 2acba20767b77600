"""Werkbrug's data model: SQLAlchemy 2.0 typed models, one module per aggregate.

Importing this package registers every table on ``Base.metadata`` and nothing else: the listeners that
keep derived data in step are installed explicitly (models.events.install). Nothing here imports Flask.
"""
from models.accounts.organisation import Organisation
from models.accounts.user import User
from models.candidates.candidate import Candidate, CandidatePersonal, CandidateTerm
from models.candidates.history import ActionPlan, LadderAssessment
from models.candidates.outreach import OutreachContact
from models.candidates.participatiebaan import Participatiebaan
from models.candidates.screening import ScreeningRoute
from models.candidates.trajectory import Trajectory, TrajectoryBudget
from models.catalogue.employer_request import EmployerRequest
from models.catalogue.index import CatalogueTerm, ProfileTerm
from models.catalogue.profile import Favourite, PublicProfile, SavedSearch
from models.common.audit_log import AuditEvent, ChangeRecord
from models.common.system import (
                                  ApiToken,
                                  CacheStamp,
                                  CandidateRemoval,
                                  FormSubmission,
                                  IdempotencyKey,
                                  OutboxMessage,
                                  ThrottleCounter,
                                  ThrottleEvent,
)
from models.jobs.records import ApiImport, ExportJob
from models.matches.bias_result import StoredBias
from models.matches.suggestion import Suggestion, SuggestionRun
from models.notifications.notification import Notification, NotificationSetting
from models.placements.placement import Placement
from models.register.contact import ContactMoment
from models.register.employer import Agreement, ContactPerson, Employer
from models.reports.target import ReportTarget
from models.sroi.building_block import BuildingBlock, BuildingBlockTable, BuildingBlockTableVersion
from models.sroi.obligation import AuthorityAccess, ContractorAccess, SroiActivity, SroiObligation
from models.taxonomy.concept import Concept, ConceptAlias, ConceptRelation, UnmatchedWording
from models.vacancies.vacancy import Vacancy, VacancyShare, VacancyTerm

from .base import Base, utcnow

__all__ = [
    "ActionPlan",
    "Agreement",
    "ApiImport",
    "ApiToken",
    "AuditEvent",
    "AuthorityAccess",
    "Base",
    "BuildingBlock",
    "BuildingBlockTable",
    "BuildingBlockTableVersion",
    "CacheStamp",
    "CandidateRemoval",
    "Candidate",
    "CandidatePersonal",
    "CandidateTerm",
    "CatalogueTerm",
    "ChangeRecord",
    "Concept",
    "ConceptAlias",
    "ConceptRelation",
    "ContactMoment",
    "ContactPerson",
    "ContractorAccess",
    "Employer",
    "ExportJob",
    "EmployerRequest",
    "Favourite",
    "FormSubmission",
    "LadderAssessment",
    "Notification",
    "NotificationSetting",
    "Organisation",
    "IdempotencyKey",
    "OutboxMessage",
    "OutreachContact",
    "Participatiebaan",
    "Placement",
    "ProfileTerm",
    "PublicProfile",
    "ReportTarget",
    "SavedSearch",
    "ScreeningRoute",
    "SroiActivity",
    "SroiObligation",
    "StoredBias",
    "Suggestion",
    "SuggestionRun",
    "ThrottleCounter",
    "ThrottleEvent",
    "Trajectory",
    "TrajectoryBudget",
    "UnmatchedWording",
    "User",
    "Vacancy",
    "VacancyShare",
    "VacancyTerm",
    "utcnow",
]

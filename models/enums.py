"""The closed vocabularies of the domain, shared by models, forms and the import format."""
from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    EMPLOYER = "employer"
    ACCOUNT_MANAGER = "account_manager"
    MATCHER = "matcher"
    COORDINATOR = "coordinator"
    ADMIN = "admin"


class OrganisationKind(StrEnum):
    MUNICIPALITY = "municipality"
    UWV = "uwv"
    SOCIAL_WORK_COMPANY = "social_work_company"
    OTHER = "other"


class Education(StrEnum):
    NONE = "none"
    PRIMARY = "primary"
    VMBO = "vmbo"
    MBO1 = "mbo1"
    MBO2 = "mbo2"
    MBO3 = "mbo3"
    MBO4 = "mbo4"
    HAVO_VWO = "havo_vwo"
    HBO = "hbo"
    WO = "wo"
    FOREIGN_UNRECOGNISED = "foreign_unrecognised"


class DutchLevel(StrEnum):
    A0 = "A0"
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"


class TargetGroup(StrEnum):
    PARTICIPATIEWET = "participatiewet"
    BANENAFSPRAAK = "banenafspraak"
    STATUSHOUDER = "statushouder"
    WW = "ww"
    WIA = "wia"
    WAJONG = "wajong"
    NUG = "nug"
    WSW = "wsw"


DRIVING_LICENCES = (
    "AM", "A1", "A2", "A", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE", "T",
)


class CandidateStatus(StrEnum):
    ACTIVE = "active"
    PLACED = "placed"
    INACTIVE = "inactive"
    ERASED = "erased"


class ProfileStatus(StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class TermKind(StrEnum):
    SKILL = "skill"
    OCCUPATION = "occupation"
    CERTIFICATE = "certificate"


class ConceptKind(StrEnum):
    SKILL = "skill"
    OCCUPATION = "occupation"


class EmployerStatus(StrEnum):
    PROSPECT = "prospect"
    ACTIVE = "active"
    INACTIVE = "inactive"


class EmployerSize(StrEnum):
    MICRO = "1-9"
    SMALL = "10-49"
    MEDIUM = "50-249"
    LARGE = "250+"


class Channel(StrEnum):
    VISIT = "visit"
    PHONE = "phone"
    EMAIL = "email"
    EVENT = "event"
    OTHER = "other"


class VacancyStatus(StrEnum):
    SUBMITTED = "submitted"  # sent in through the public site, awaiting review
    OPEN = "open"
    ON_HOLD = "on_hold"
    FILLED = "filled"
    CLOSED = "closed"


class VacancySource(StrEnum):
    STAFF = "staff"
    IMPORT = "import"
    PUBLIC = "public"
    API = "api"


class SuggestionStatus(StrEnum):
    NEW = "new"
    PROPOSED = "proposed"
    INTRODUCED = "introduced"
    INTERVIEW = "interview"
    HIRED = "hired"
    NOT_HIRED = "not_hired"
    REJECTED = "rejected"
    CLOSED = "closed"


class RequestStatus(StrEnum):
    NEW = "new"
    CANDIDATE_ASKED = "candidate_asked"
    CANDIDATE_AGREED = "candidate_agreed"
    CANDIDATE_DECLINED = "candidate_declined"
    INTRODUCED = "introduced"
    CLOSED = "closed"


class ContractType(StrEnum):
    TEMPORARY = "temporary"
    PERMANENT = "permanent"


class Instrument(StrEnum):
    REGULAR = "regular"
    WEP = "wep"
    PARTICIPATIEBAAN = "participatiebaan"
    PROEFPLAATSING = "proefplaatsing"
    BBL = "bbl"
    SECONDMENT = "secondment"
    SHELTERED = "sheltered"


class Outflow(StrEnum):
    NONE = "none"
    PARTIAL = "partial"
    FULL = "full"


class BlockKind(StrEnum):
    PLACEMENT = "placement"
    BONUS = "bonus"
    ACTIVITY = "activity"


class BlockUnit(StrEnum):
    YEAR = "year"
    MONTH = "month"
    LEARNING_YEAR = "learning_year"
    HOUR = "hour"
    ACTIVITY = "activity"
    DAY = "day"
    INVOICE = "invoice"
    FIXED = "fixed"


class ActivityKind(StrEnum):
    PURCHASE = "purchase"
    SOCIAL_HOURS = "social_hours"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PROPOSED = "proposed"
    APPROVED = "approved"
    REJECTED = "rejected"


class TrajectoryKind(StrEnum):
    LANGUAGE_AND_WORK = "language_and_work"
    DEVELOPMENT_NETWORK = "development_network"
    PARTICIPATION_COACHING = "participation_coaching"
    ACTIVATION = "activation"
    TRAINING = "training"
    WORK_FIT = "work_fit"
    OTHER = "other"


class TrajectoryResult(StrEnum):
    WEP = "wep"  # moved on to a work-experience placement
    PAID_WORK = "paid_work"
    PARTICIPATION = "participation"
    EDUCATION = "education"
    DROPPED_OUT = "dropped_out"
    OTHER = "other"


class OutreachStep(StrEnum):
    SELECTED = "selected"
    APPROACHED = "approached"
    TALKED = "talked"
    FOLLOW_UP = "follow_up"
    REFERRED = "referred"


class OutreachReferral(StrEnum):
    COACH = "coach"
    WORK_CENTRE = "work_centre"
    SOCIAL_CARE_TEAM = "social_care_team"
    OTHER = "other"

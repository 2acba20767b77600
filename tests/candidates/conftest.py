"""Fixtures of the staff's candidate pages: a consenting candidate, k-anonymity 1, a second consenting one."""
from datetime import timedelta

import pytest

from models.common import clock
from models.enums import Education
from tests.candidates.profile_text import with_text

TODAY = clock.today()


@pytest.fixture
def candidate(make_candidate):
    return make_candidate(
        first_name="Sanne", last_name="Verhoeven", external_id="CL-778899", publish_consent=True,
        consent_given_on=TODAY - timedelta(days=5), consent_until=TODAY + timedelta(days=365),
        education=Education.MBO2, desired_occupations=["productiemedewerker"], skills=["heftruck", "HACCP"],
        hours_min=24, hours_max=32, ladder=4,
    )


@pytest.fixture
def k1(app):
    app.config["PROFILE_K_ANONYMITY"] = 1


@pytest.fixture
def consenting_with_text(db, make_candidate):
    """``consenting_with_text(external_id, text)``: a second candidate who consents for 30 days, with that experience."""
    def make(external_id: str, text: str):
        return with_text(db, make_candidate(external_id=external_id, publish_consent=True,
                                            consent_until=TODAY + timedelta(days=30)), text)
    return make

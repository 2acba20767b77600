"""Helpers of the profile-page tests: a candidate's text, the version the profile page's form carries."""
import re


def with_text(db, candidate, experience, about=None):
    candidate.personal.experience, candidate.personal.about = experience, about
    db.session.commit()
    return candidate


class shown_form:  # noqa: N801 - reads like the object it stands for
    """The version the profile page's form carries (the draft itself is not stored by a GET)."""

    def __init__(self, client, candidate):
        html = client.get(f"/beheer/kandidaten/{candidate.id}/profiel").get_data(as_text=True)
        self.version = re.search(r'name="version"[^>]*value="(\d*)"|value="(\d*)"[^>]*name="version"', html).group(1) or ""

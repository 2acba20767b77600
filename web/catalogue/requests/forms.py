"""Forms of the employer-request inbox."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, HiddenField, RadioField, SelectField, TextAreaField
from wtforms.validators import Optional

from web.forms import QueryForm, choices

STATUS_CHOICES = [
    ("new", _l("Nieuw")), ("candidate_asked", _l("Kandidaat gevraagd")),
    ("candidate_agreed", _l("Kandidaat akkoord")), ("candidate_declined", _l("Kandidaat wil niet")),
    ("introduced", _l("Voorgesteld")), ("closed", _l("Afgesloten")),
]
STATUS_LABELS = dict(STATUS_CHOICES)


class RequestFilterForm(QueryForm):
    status = SelectField(_l("Status"), default="", choices=choices([("", _l("Alle")), *STATUS_CHOICES]))
    owner = SelectField(_l("Eigenaar"), default="", choices=choices(
        [("", _l("Iedereen")), ("mine", _l("Mijn verzoeken")), ("none", _l("Zonder eigenaar"))]))


def _owner_id(value) -> int | None:
    """The chosen owner's id; None for "Niemand"; 0 (nobody, refused by the operation) for anything else."""
    if value in (None, "", "None"):
        return None
    return int(value) if str(value).isdigit() else 0


class RequestEditForm(FlaskForm):
    version = HiddenField()
    # Not checked against the options: the operation refuses who cannot own a request, naming the field.
    owner_id = SelectField(_l("Eigenaar"), coerce=_owner_id, validate_choice=False,
                           description=_l("Accountmanagers en coördinatoren: wie verzoeken kan openen."))
    follow_up_on = DateField(_l("Opvolgen op"), validators=[Optional()])


class StatusForm(FlaskForm):
    version = HiddenField()
    status = HiddenField()


class AnswerForm(FlaskForm):
    """The candidate's answer, recorded by their matcher (checked in models/catalogue/candidate_questions)."""

    answer = RadioField(_l("Antwoord van de kandidaat"), choices=choices([
        ("yes", _l("Ja, wil kennismaken")), ("no", _l("Nee, liever niet"))]), validate_choice=False)
    note = TextAreaField(_l("Notitie voor de accountmanager (optioneel)"), description=_l(
        "Alleen wat de werkgever mag horen, bijvoorbeeld wanneer de kandidaat kan. Geen naam, "
        "contactgegevens, gezondheid, afkomst of gezinssituatie; hoogstens 500 tekens."))

"""Forms of the vacancies area; the rules themselves live in models.vacancies."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    RadioField,
    SearchField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from models.enums import DRIVING_LICENCES
from web.forms import OnceForm, QueryForm, choices

STATUS_LABELS = {
    "submitted": _l("Aangemeld, te beoordelen"), "open": _l("Open"), "on_hold": _l("Gepauzeerd"),
    "filled": _l("Vervuld"), "closed": _l("Gesloten"),
}
EDUCATION_LABELS = {
    "none": _l("Geen"), "primary": _l("Basisonderwijs"), "vmbo": _l("Vmbo"), "mbo1": _l("Mbo 1"),
    "mbo2": _l("Mbo 2"), "mbo3": _l("Mbo 3"), "mbo4": _l("Mbo 4"), "havo_vwo": _l("Havo/vwo"),
    "hbo": _l("Hbo"), "wo": _l("Wo"), "foreign_unrecognised": _l("Buitenlands diploma (niet erkend)"),
}
DUTCH_LEVELS = ("A0", "A1", "A2", "B1", "B2", "C1", "C2")
SKILLS_HINT = _l("Eén per regel, of gescheiden door komma's.")


def _int_or_none(value):
    return int(value) if value not in (None, "", "None") else None


class VacancyForm(OnceForm, FlaskForm):
    # Looked up by name or KvK (employer_pick); the service checks the employer's organisation.
    employer = StringField(_l("Werkgever"), description=_l("Naam of KvK-nummer."))
    employer_id = SelectField(_l("Welke werkgever bedoelt u?"), coerce=_int_or_none, validate_choice=False)
    title = StringField(_l("Functietitel"))
    occupation = StringField(_l("Beroep"), description=_l("In de woorden van de werkgever, bijvoorbeeld ‘orderpicker’."))
    description = TextAreaField(_l("Omschrijving"))
    required_skills = TextAreaField(_l("Vereiste vaardigheden"), description=SKILLS_HINT)
    preferred_skills = TextAreaField(_l("Gewenste vaardigheden"), description=SKILLS_HINT)
    hours_min = IntegerField(_l("Minimaal aantal uur per week"), validators=[Optional()])
    hours_max = IntegerField(_l("Maximaal aantal uur per week"), validators=[Optional()])
    postcode = StringField(_l("Postcode van het werk"))
    city = StringField(_l("Plaats van het werk"))
    education_min = SelectField(_l("Minimale opleiding"), choices=choices(
        [("", _l("Geen eis"))] + list(EDUCATION_LABELS.items())))
    driving_licence = SelectField(_l("Rijbewijs nodig"), choices=choices(
        [("", _l("Geen eis"))] + [(c, c) for c in DRIVING_LICENCES]))
    dutch_min = SelectField(_l("Minimaal niveau Nederlands"), choices=choices(
        [("", _l("Geen eis"))] + [(c, c) for c in DUTCH_LEVELS]))
    start_date = DateField(_l("Startdatum"), validators=[Optional()])
    closing_date = DateField(_l("Sluitingsdatum"), validators=[Optional()],
                             description=_l("Na deze dag wordt de vacature vanzelf gesloten."))
    status = SelectField(_l("Status"), choices=choices(
        (k, STATUS_LABELS[k]) for k in ("open", "on_hold", "filled", "closed")))
    version = HiddenField()
    submit = SubmitField(_l("Opslaan"))

    def data_for_service(self) -> dict:
        """The submitted values keyed like the vacancy's fields."""
        return {name: self[name].data for name in (
            "employer_id", "title", "occupation", "description", "required_skills", "preferred_skills",
            "hours_min", "hours_max", "postcode", "city", "education_min", "driving_licence", "dutch_min",
            "start_date", "closing_date", "status")}


class ShareForm(FlaskForm):
    organisations = SelectMultipleField(_l("Partnerorganisaties"), coerce=int, validate_choice=False,
                                        widget=ListWidget(prefix_label=False), option_widget=CheckboxInput())
    whole_region = BooleanField(_l("Met de hele regio delen"))
    submit = SubmitField(_l("Delen"))


class ProposeForm(FlaskForm):
    candidate_id = SelectField(_l("Kandidaat van uw organisatie"), coerce=_int_or_none, validate_choice=False)
    submit = SubmitField(_l("Voordragen"))


class ReviewForm(FlaskForm):
    decision = RadioField(_l("Besluit"), choices=choices([
        ("existing", _l("Accepteren, bij een bestaande werkgever")),
        ("new", _l("Accepteren en een nieuwe werkgever aanmaken")),
        ("reject", _l("Afwijzen")),
    ]))
    # Looked up by name or KvK (employer_pick), as on the vacancy form.
    employer = StringField(_l("Bestaande werkgever"), description=_l("Naam of KvK-nummer."))
    employer_id = SelectField(_l("Welke werkgever bedoelt u?"), coerce=_int_or_none, validate_choice=False)
    reason = TextAreaField(_l("Reden van afwijzing"), description=_l("Alleen bij afwijzen."))
    submit = SubmitField(_l("Besluit opslaan"))


SCOPE_CHOICES = [("all", _l("Eigen en gedeeld met ons")), ("own", _l("Alleen eigen")),
                 ("shared_with_us", _l("Gedeeld met ons")), ("shared_by_us", _l("Door ons gedeeld"))]


class VacancyFilterForm(QueryForm):
    """The vacancy list's filters (a GET form); ``employer`` comes from an employer's page, the route checks it."""
    q = SearchField(_l("Zoeken"), validators=[Optional(), Length(max=200)],
                    render_kw={"placeholder": _l("Functie, beroep, plaats of werkgever")})
    status = SelectField(_l("Status"), default="", choices=choices(
        [("", _l("Alle (behalve aangemeld)"))] + list(STATUS_LABELS.items())))
    scope = SelectField(_l("Van wie"), default="all", choices=choices(SCOPE_CHOICES))
    employer = HiddenField(_l("Werkgever"))

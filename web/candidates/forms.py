"""Forms of the candidate pages: filters, consent, the public profile's description."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, SearchField, SelectField, StringField, TextAreaField
from wtforms.validators import Length, Optional

from web.forms import QueryForm, choices

PROFILE_FILTERS = [
    ("", _l("Alle")), ("none", _l("Geen profiel")), ("draft", _l("Concept")),
    ("waiting", _l("Goedgekeurd, wacht op k-anonimiteit")), ("published", _l("Gepubliceerd")),
    ("withdrawn", _l("Ingetrokken")), ("check", _l("Zinnen te controleren")),
]


class CandidateFilterForm(QueryForm):
    q = SearchField(_l("Zoeken"), description=_l("Klantnummer, woonplaats of beroep."),
                    validators=[Optional(), Length(max=100)])
    owner = SelectField(_l("Eigenaar"), default="", choices=choices([("", _l("Iedereen")), ("mine", _l("Mijn kandidaten"))]))
    profile = SelectField(_l("Openbaar profiel"), default="", choices=choices(PROFILE_FILTERS))
    route = SelectField(_l("Screeningsroute"), default="", validate_choice=False)  # choices: the organisation's


class ConsentForm(FlaskForm):
    version = HiddenField()
    given = BooleanField(_l("De kandidaat geeft toestemming om een anoniem profiel te publiceren"))
    given_on = DateField(_l("Datum van de toestemming"), validators=[Optional()],
                         render_kw={"autocomplete": "off"})
    until = DateField(_l("Geldig tot"), description=_l("Leeg laten als er geen einddatum is."),
                      validators=[Optional()])


class ProfileForm(FlaskForm):
    version = HiddenField()
    description = TextAreaField(
        _l("Beschrijving"),
        description=_l("Wat werkgevers lezen. Geen namen, contactgegevens, adressen, data of nummers."),
        validators=[Length(max=5000)], render_kw={"rows": 10},
    )


class UnpublishForm(FlaskForm):
    reason = StringField(_l("Reden van intrekken"), validators=[Length(max=200)])

"""The public vacancy form; the rules live in models.vacancies.review."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, IntegerField, StringField, SubmitField, TelField, TextAreaField
from wtforms.validators import Optional

from web.forms import OnceForm


class SubmissionForm(OnceForm, FlaskForm):
    company_name = StringField(_l("Naam van uw bedrijf"))
    kvk = StringField(_l("KvK-nummer"), description=_l("8 cijfers, zoals op uw uittreksel van de Kamer van Koophandel."))
    contact_name = StringField(_l("Uw naam"))
    email = EmailField(_l("Uw e-mailadres"))
    phone = TelField(_l("Uw telefoonnummer (niet verplicht)"))
    title = StringField(_l("Functietitel"))
    description = TextAreaField(_l("Wat houdt het werk in?"), description=_l("Taken, werktijden, wat u van iemand vraagt."))
    hours_min = IntegerField(_l("Minimaal aantal uur per week (niet verplicht)"), validators=[Optional()])
    hours_max = IntegerField(_l("Maximaal aantal uur per week (niet verplicht)"), validators=[Optional()])
    city = StringField(_l("Plaats van het werk"))
    start_date = DateField(_l("Gewenste startdatum (niet verplicht)"), validators=[Optional()])
    # A field people never see; bots that fill in every field give themselves away.
    website = StringField(_l("Laat dit veld leeg"))
    submit = SubmitField(_l("Vacature aanmelden"))

    FIELDS = ("company_name", "kvk", "contact_name", "email", "phone", "title", "description",
              "hours_min", "hours_max", "city", "start_date")

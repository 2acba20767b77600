"""Forms of the register; the services check every choice, so the selects do not (one error list)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    HiddenField,
    IntegerField,
    SearchField,
    SelectField,
    StringField,
    SubmitField,
    TelField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from models.enums import Channel, EmployerStatus
from models.taxonomy.sectors import choices as sector_choices
from web.forms import OnceForm, QueryForm, choices

from .labels import CHANNEL_LABELS, SIZE_LABELS, STATUS_LABELS, TARGET_GROUP_LABELS


def optional_int(value):
    """Coerce a select value to int, with the empty option as None."""
    return int(value) if value not in (None, "", "None") else None


class EmployerForm(OnceForm, FlaskForm):
    version = HiddenField()
    name = StringField(_l("Naam"), validators=[InputRequired(_l("Vul de naam van de werkgever in.")), Length(max=200)])
    kvk = StringField(_l("KvK-nummer"), description=_l("8 cijfers."), validators=[Optional(), Length(max=12)])
    sector = SelectField(_l("Sector"), choices=choices([("", _l("Onbekend"))] + sector_choices()), validate_choice=False)
    size = SelectField(_l("Grootte"), choices=choices([("", _l("Onbekend"))] + list(SIZE_LABELS.items())),
                       validate_choice=False)
    address = StringField(_l("Adres"), validators=[Optional(), Length(max=200)])
    postcode = StringField(_l("Postcode"), description=_l("Bijvoorbeeld 8251 AB."), validators=[Optional(), Length(max=8)])
    city = StringField(_l("Plaats"), validators=[Optional(), Length(max=100)])
    status = SelectField(_l("Status"), choices=choices(STATUS_LABELS.items()), default=EmployerStatus.PROSPECT.value,
                         validate_choice=False)
    account_manager_id = SelectField(_l("Accountmanager"), coerce=optional_int, validate_choice=False)
    social_enterprise = BooleanField(_l("Sociale onderneming"))
    notes = TextAreaField(_l("Notities"), validators=[Optional(), Length(max=5000)])
    submit = SubmitField(_l("Opslaan"))


class ContactPersonForm(OnceForm, FlaskForm):
    version = HiddenField()
    name = StringField(_l("Naam"), validators=[InputRequired(_l("Vul de naam van de contactpersoon in.")), Length(max=200)])
    position = StringField(_l("Functie"), validators=[Optional(), Length(max=200)])
    email = EmailField(_l("E-mailadres"), validators=[Optional(), Length(max=254)])
    phone = TelField(_l("Telefoon"), validators=[Optional(), Length(max=40)])
    submit = SubmitField(_l("Opslaan"))


class ContactMomentForm(OnceForm, FlaskForm):
    channel = SelectField(_l("Kanaal"), choices=choices(CHANNEL_LABELS.items()), default=Channel.PHONE.value,
                          validate_choice=False)
    occurred_on = DateField(_l("Datum"), validators=[InputRequired(_l("Vul een datum in."))])
    contact_person_id = SelectField(_l("Contactpersoon"), coerce=optional_int, validate_choice=False)
    subject = StringField(_l("Onderwerp"), validators=[InputRequired(_l("Vul een onderwerp in.")), Length(max=200)])
    notes = TextAreaField(_l("Notities"), validators=[Optional(), Length(max=10000)])
    follow_up_on = DateField(_l("Follow-up op"), description=_l("Leeg laten als er niets hoeft te gebeuren."),
                             validators=[Optional()])
    follow_up_action = StringField(_l("Actie"), validators=[Optional(), Length(max=300)])
    follow_up_owner_id = SelectField(_l("Wie volgt op"), coerce=optional_int, validate_choice=False)
    submit = SubmitField(_l("Contactmoment vastleggen"))


class QuickContactMomentForm(ContactMomentForm):
    employer = StringField(_l("Werkgever"), description=_l("Typ (een deel van) de naam."),
                           validators=[InputRequired(_l("Vul de naam van de werkgever in.")), Length(max=200)])
    employer_id = SelectField(_l("Welke werkgever bedoelt u?"), coerce=optional_int, validate_choice=False)


class AgreementForm(OnceForm, FlaskForm):
    version = HiddenField()
    description = StringField(_l("Afspraak"), description=_l("Bijvoorbeeld: 5 plaatsingen in 2027 voor statushouders."),
                              validators=[InputRequired(_l("Beschrijf de afspraak.")), Length(max=300)])
    target_count = IntegerField(_l("Aantal plaatsingen"), validators=[InputRequired(_l("Vul een aantal in."))])
    period_start = DateField(_l("Van"), validators=[InputRequired(_l("Vul de begindatum in."))])
    period_end = DateField(_l("Tot en met"), validators=[InputRequired(_l("Vul de einddatum in."))])
    target_group = SelectField(_l("Doelgroep"), choices=choices([("", _l("Alle doelgroepen"))]
                                                                 + list(TARGET_GROUP_LABELS.items())),
                               validate_choice=False)
    submit = SubmitField(_l("Opslaan"))


def form_data(form: FlaskForm, *exclude: str) -> dict:
    """The form's data for a service call, without CSRF, version, one-time token and buttons."""
    skip = {"csrf_token", "version", "once", "submit", *exclude}
    return {name: field.data for name, field in form._fields.items() if name not in skip}


class PostponeForm(FlaskForm):
    """Move one follow-up to a later date (from 'Mijn follow-ups' or the week view)."""
    version = HiddenField()
    follow_up_on = DateField(_l("Nieuwe datum"), validators=[InputRequired(_l("Vul een nieuwe datum in (dd-mm-jjjj)."))])


class HandOverForm(FlaskForm):
    """Give one follow-up to a colleague; the route fills the colleagues of the own organisation."""
    version = HiddenField()
    follow_up_owner_id = SelectField(_l("Overdragen aan"), coerce=optional_int, validate_choice=False)


class WeekForm(QueryForm):
    """Which week and whose follow-ups the week view shows (a GET form)."""
    week = StringField(_l("Week"), description=_l("Jaar en weeknummer, bijvoorbeeld 2026-W49."),
                       validators=[Optional(), Length(max=8)])
    wie = SelectField(_l("Van wie"), validate_choice=False)


SORT_CHOICES = [("name", _l("Naam")), ("city", _l("Plaats")), ("status", _l("Status")),
                ("last_contact", _l("Laatste contact"))]


class EmployerFilterForm(QueryForm):
    """The employer list's filters (a GET form); the route fills the account managers of the own organisation."""
    q = SearchField(_l("Zoeken"), description=_l("Naam, plaats of sector; alleen cijfers: KvK-nummer."),
                    validators=[Optional(), Length(max=200)])
    status = SelectField(_l("Status"), default="", choices=choices([("", _l("Alle"))] + list(STATUS_LABELS.items())))
    accountmanager = SelectField(_l("Accountmanager"), default="")
    sortering = SelectField(_l("Sorteren op"), default="name", choices=choices(SORT_CHOICES))
    open_vacatures = BooleanField(_l("Met open vacatures"))
    social_return = BooleanField(_l("Met social-returnverplichting"))

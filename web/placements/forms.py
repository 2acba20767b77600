"""Forms for recording, ending and extending placements."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import Length, Optional

from web import employer_choice
from web.forms import OnceForm, QueryForm, choices

CONTRACT_CHOICES = [("temporary", _l("Tijdelijk")), ("permanent", _l("Vast"))]
INSTRUMENT_CHOICES = [
    ("regular", _l("Regulier werk")), ("wep", _l("Werkervaringsplaats")),
    ("participatiebaan", _l("Participatiebaan")), ("proefplaatsing", _l("Proefplaatsing")),
    ("bbl", _l("BBL-leerbaan")), ("secondment", _l("Detachering")), ("sheltered", _l("Beschut werk")),
]
TARGET_GROUP_CHOICES = [
    ("", _l("Onbekend")), ("participatiewet", _l("Participatiewet")),
    ("banenafspraak", _l("Doelgroep banenafspraak")),
    ("ww", _l("WW")), ("wia", _l("WIA/WAO")), ("wajong", _l("Wajong")), ("nug", _l("Niet-uitkeringsgerechtigd (NUG)")),
    ("wsw", _l("Wsw")),
]
OUTFLOW_CHOICES = [("none", _l("Geen")), ("partial", _l("Gedeeltelijk")), ("full", _l("Volledig"))]


class PlacementForm(OnceForm, FlaskForm):
    candidate_number = StringField(_l("Klantnummer van de kandidaat"), validators=[Length(max=64)],
                                   description=_l("Het klantnummer uit het dossier (nooit een BSN), bijv. 200001."))
    employer = SelectField(_l("Werkgever"), coerce=int, validate_choice=False)
    employer_search = employer_choice.search_field()
    vacancy = SelectField(_l("Vacature (niet verplicht)"), coerce=int, validate_choice=False)
    start_date = DateField(_l("Startdatum"), validators=[Optional()])
    end_date = DateField(_l("(Geplande) einddatum"), validators=[Optional()],
                         description=_l("Leeg bij een contract voor onbepaalde tijd."))
    hours_per_week = IntegerField(_l("Uren per week"), validators=[Optional()], description=_l("1 tot en met 48."))
    contract_type = SelectField(_l("Soort contract"), choices=choices(CONTRACT_CHOICES))
    instrument = SelectField(_l("Instrument"), choices=choices(INSTRUMENT_CHOICES))
    wage_subsidy = BooleanField(_l("Met loonkostensubsidie"))
    target_group = SelectField(_l("Doelgroep bij start"), choices=choices(TARGET_GROUP_CHOICES), validate_choice=False)
    statushouder = BooleanField(_l("Statushouder of taalachterstand"),
                                description=_l("Geen doelgroep maar een bonus bovenop de doelgroep, als de "
                                               "bouwblokkentabel die heeft."))
    benefit_months_at_start = IntegerField(_l("Uitkeringsduur bij start (maanden)"), validators=[Optional()],
                                           description=_l("Volle maanden in de uitkering op de startdatum. "
                                                       "Leeg: berekend uit de uitkeringsdatum in het dossier."))
    outflow = SelectField(_l("Uitstroom uit de uitkering"), choices=choices(OUTFLOW_CHOICES))
    outflow_on = DateField(_l("Datum uitstroom"), validators=[Optional()])
    sroi_obligation = SelectField(_l("Telt mee voor social-returnverplichting"), coerce=int,
                                  validate_choice=False)
    block_code = StringField(_l("Bouwblok (alleen bij een handmatige keuze)"), validators=[Length(max=64)],
                             description=_l("Code van het blok, bijv. praktijkleerplaats. Leeg: de tabel kiest."))
    confirm_zero_value = BooleanField(_l("Toch vastleggen met waarde € 0,00 voor de verplichting"))
    submit = SubmitField(_l("Plaatsing vastleggen"))


class EndEarlyForm(FlaskForm):
    version = HiddenField()
    ended_on = DateField(_l("Geëindigd op"), validators=[Optional()])
    reason = StringField(_l("Reden"), validators=[Length(max=300)])
    submit = SubmitField(_l("Vroegtijdig beëindigen"))


class ExtendForm(FlaskForm):
    version = HiddenField()
    end_date = DateField(_l("Nieuwe einddatum"), validators=[Optional()])
    submit = SubmitField(_l("Verlengen"))


class FilterForm(QueryForm):
    van = DateField(_l("Gestart vanaf"), validators=[Optional()])
    tot = DateField(_l("Gestart tot en met"), validators=[Optional()])
    instrument = SelectField(_l("Instrument"), default="", choices=choices([("", _l("Alle"))] + INSTRUMENT_CHOICES))
    werkgever = SelectField(_l("Werkgever"), coerce=lambda v: int(v) if v else 0, validate_choice=False)
    werkgever_zoek = employer_choice.search_field()

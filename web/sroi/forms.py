"""Forms for social-return obligations, linking placements and recording activities."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, EmailField, HiddenField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from web import employer_choice
from web.forms import OnceForm, choices

PSO_CHOICES = [("", _l("Geen PSO-certificaat")), ("1", _l("Trede 1")), ("2", _l("Trede 2")), ("3", _l("Trede 3"))]
UNIT_CHOICES = [("", _l("Kies de eenheid")), ("invoice", _l("euro factuurwaarde excl. btw (inkoop)")),
                ("hour", _l("uren")), ("activity", _l("activiteiten")), ("day", _l("dagen"))]
# No kind is preselected: the table may value other kinds than a purchase, so a person picks one.
ACTIVITY_CHOICES = [("", _l("Kies de soort activiteit")), ("purchase", _l("Inkoop bij een sociale onderneming (factuurwaarde excl. btw)")),
                    ("social_hours", _l("Maatschappelijke activiteit (uren of activiteiten)"))]


class ObligationForm(OnceForm, FlaskForm):
    version = HiddenField()
    contract_name = StringField(_l("Naam van het contract"), validators=[Length(max=200)])
    contract_number = StringField(_l("Contractnummer"), validators=[Length(max=64)])
    contracting_authority = StringField(_l("Opdrachtgever"), validators=[Length(max=200)])
    contractor = SelectField(_l("Opdrachtnemer"), coerce=int, validate_choice=False)
    contractor_search = employer_choice.search_field()
    contract_sum = StringField(_l("Contractsom"), description=_l("In euro, bijv. 1.250.000 of € 250.000,00."))
    percentage = StringField(_l("Percentage social return"), default="5",
                             description=_l("Meer dan 0 en hoogstens 100, bijv. 5 of 2,5."))
    period_start = DateField(_l("Begin van de periode"), validators=[Optional()])
    period_end = DateField(_l("Einde van de periode"), validators=[Optional()])
    table = SelectField(_l("Bouwblokkentabel"), coerce=int, validate_choice=False,
                        description=_l("De regio van de opdrachtgever bepaalt de tabel; laat leeg om die te kiezen."))
    pso_rung = SelectField(_l("Prestatieladder socialer ondernemen (PSO) van de opdrachtnemer"),
                           choices=choices(PSO_CHOICES), validate_choice=False,
                           description=_l("Geeft korting op de verplichting als de regels van de tabel dat zeggen."))
    submit = SubmitField(_l("Opslaan"))


class LinkPlacementForm(FlaskForm):
    placement = SelectField(_l("Plaatsing bij deze opdrachtnemer"), coerce=int, validate_choice=False)
    submit = SubmitField(_l("Koppelen"))


class ActivityForm(OnceForm, FlaskForm):
    kind = SelectField(_l("Soort"), choices=choices(ACTIVITY_CHOICES), validate_choice=False)  # add_activity checks
    occurred_on = DateField(_l("Datum"), validators=[Optional()])
    amount = StringField(_l("Bedrag of aantal"),
                         description=_l("Inkoop: factuurbedrag excl. btw in euro. Activiteit: aantal uren "
                                        "(of aantal activiteiten als de tabel per activiteit rekent)."))
    unit = SelectField(_l("Eenheid van het bedrag of aantal"), choices=choices(UNIT_CHOICES), validate_choice=False,
                       description=_l("Moet passen bij de tabel: rekent die per activiteit, dan telt u activiteiten, "
                                      "geen uren."))
    evidence = TextAreaField(_l("Bewijs"), validators=[Length(max=2000)],
                             description=_l("Factuurnummer, urenstaat of verklaring."))
    submit = SubmitField(_l("Activiteit vastleggen"))


class ProposalForm(ActivityForm):
    """What a contractor's contact person fills in: the staff activity form, counted after approval."""

    submit = SubmitField(_l("Activiteit voorstellen"))


class AccessForm(FlaskForm):
    email = EmailField(_l("E-mailadres van het werkgeversaccount"), validators=[Length(max=254)],
                       description=_l("De contactpersoon maakt eerst zelf een account aan via "
                                      "'Account voor werkgevers'."))
    submit = SubmitField(_l("Toegang geven"))

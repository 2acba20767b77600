"""Forms for new table versions and for the blocks and rules of an unused version."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, SelectField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import Length, Optional

from models.sroi.valuation.tables import INSTRUMENT_NAMES, PSO_RUNGS
from web.forms import choices
from web.placements.forms import CONTRACT_CHOICES, INSTRUMENT_CHOICES, TARGET_GROUP_CHOICES

KIND_CHOICES = [("placement", _l("Plaatsing")), ("bonus", _l("Bonus bovenop een plaatsing")),
                ("activity", _l("Andere activiteit"))]
UNIT_CHOICES = [("year", _l("per jaar (36 uur)")), ("month", _l("per maand")), ("learning_year", _l("per leerjaar")),
                ("hour", _l("per uur")), ("activity", _l("per activiteit")), ("day", _l("per dag")),
                ("invoice", _l("factuurwaarde (factor)")), ("fixed", _l("vast bedrag (bonus, eenmalig)"))]
TRISTATE = [("", _l("Maakt niet uit")), ("yes", _l("Ja")), ("no", _l("Nee"))]


class NewVersionForm(FlaskForm):
    valid_from = DateField(_l("Nieuwe versie geldt vanaf"), validators=[Optional()])
    submit = SubmitField(_l("Nieuwe versie maken"))


class BlockForm(FlaskForm):
    code = StringField(_l("Code"), validators=[Length(max=64)],
                       description=_l("Kleine letters, cijfers en streepjes, bijv. ww-kort."))
    label = StringField(_l("Omschrijving"), validators=[Length(max=200)])
    kind = SelectField(_l("Soort"), choices=choices(KIND_CHOICES))
    unit = SelectField(_l("Eenheid"), choices=choices(UNIT_CHOICES))
    value = StringField(_l("Waarde"), description=_l("In euro, bijv. 40.000. Bij factuurwaarde de factor: 1,00 = "
                                                     "de volle factuurwaarde."))
    max_counted_months = IntegerField(_l("Telt maximaal (maanden)"), validators=[Optional()],
                                      description=_l("Leeg: zolang het contract loopt."))
    target_groups = SelectMultipleField(_l("Doelgroepen"), choices=choices(TARGET_GROUP_CHOICES[1:]),
                                        description=_l("Niets gekozen: elke doelgroep."))
    instruments = SelectMultipleField(_l("Instrumenten"), choices=choices(INSTRUMENT_CHOICES),
                                      description=_l("Niets gekozen: elk instrument."))
    contract_types = SelectMultipleField(_l("Soorten contract"), choices=choices(CONTRACT_CHOICES),
                                         description=_l("Niets gekozen: elk contract."))
    benefit_months_min = IntegerField(_l("Uitkeringsduur vanaf (maanden, inclusief)"), validators=[Optional()])
    benefit_months_max = IntegerField(_l("Uitkeringsduur tot (maanden, exclusief)"), validators=[Optional()])
    work_disability = SelectField(_l("Arbeidsbeperking"), choices=choices(TRISTATE), default="")
    statushouder = SelectField(_l("Statushouder"), choices=choices(TRISTATE), default="")
    age_min = IntegerField(_l("Leeftijd bij start vanaf"), validators=[Optional()])
    explicit_only = BooleanField(_l("Alleen bij handmatige keuze"))
    submit = SubmitField(_l("Blok opslaan"))


CLASS_CHOICES = [("paid", _l("telt als betaald werk")), ("other", _l("telt apart (alleen blokken die het noemen)")),
                 ("none", _l("telt niet mee"))]


class RulesForm(FlaskForm):
    """How a version counts each instrument, and its PSO reduction per rung (fields added below)."""

    submit = SubmitField(_l("Regels opslaan"))


for _code, _name in INSTRUMENT_NAMES.items():
    setattr(RulesForm, f"instrument_{_code}", SelectField(
        _name[:1].upper() + _name[1:], choices=choices(CLASS_CHOICES), validate_choice=False))  # save_rules says why
for _rung in PSO_RUNGS:
    setattr(RulesForm, f"pso_{_rung}", StringField(_l("Korting bij PSO-trede %(rung)s (%%)", rung=_rung),
                                                   description=_l("Geheel percentage, bijv. 10; leeg: geen korting.")))

"""The report settings: a GET form (period and scope), so every report can be bookmarked."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField, StringField, SubmitField

from models.reports import MONTH_NAMES
from web.forms import QueryForm, choices


class PeriodForm(QueryForm):
    periode = SelectField(_l("Periode"), choices=choices([
        ("year", _l("Jaar")), ("quarter", _l("Kwartaal")), ("month", _l("Maand")), ("custom", _l("Vrije periode"))]),
        default="year")
    jaar = StringField(_l("Jaar"), description=_l("Voor jaar, kwartaal en maand."))
    kwartaal = SelectField(_l("Kwartaal"), choices=choices([(str(q), str(q)) for q in range(1, 5)]), default="1")
    maand = SelectField(_l("Maand"), choices=choices([(str(i), n) for i, n in enumerate(MONTH_NAMES, 1)]),
                        default="1")
    van = StringField(_l("Van (jjjj-mm-dd)"), description=_l("Alleen voor een vrije periode."))
    tot = StringField(_l("Tot en met (jjjj-mm-dd)"))
    bereik = SelectField(_l("Organisaties"), choices=choices([
        ("own", _l("Alleen onze organisatie")), ("region", _l("Met partners in de regio"))]), default="own",
        description=_l("Partners tellen alleen mee bij plaatsingen en de funnel."))
    submit = SubmitField(_l("Toon"))


class TargetForm(FlaskForm):
    indicator = SelectField(_l("Indicator"), validate_choice=False)
    year = StringField(_l("Jaar"), description=_l("Bijvoorbeeld 2026."))
    value = StringField(_l("Doel"), description=_l("Aantal banen of een percentage; leeg maken verwijdert het doel."))
    submit = SubmitField(_l("Doel opslaan"))

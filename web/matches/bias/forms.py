"""The settings of the bias report (a GET form: the page is a report, nothing is stored)."""
from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SubmitField
from wtforms.validators import NumberRange, Optional

from matching.bias import MIN_GROUP, THRESHOLD
from web.forms import QueryForm


class BiasSettingsForm(QueryForm):
    threshold = IntegerField(
        _l("Drempel (procentpunten)"), default=round(THRESHOLD * 100),
        description=_l("Een groep krijgt een signaal als haar aandeel in de top 10 meer dan zoveel "
                       "procentpunten afwijkt van haar aandeel onder de geschikte kandidaten."),
        validators=[Optional(), NumberRange(5, 100, _l("Kies een drempel van 5 tot en met 100."))])
    min_group = IntegerField(
        _l("Minimale groepsgrootte"), default=MIN_GROUP,
        description=_l("Kleinere groepen onder de geschikte kandidaten worden niet beoordeeld (te veel ruis)."),
        validators=[Optional(), NumberRange(1, 1000, _l("Kies een aantal van 1 tot en met 1000."))])
    submit = SubmitField(_l("Opnieuw berekenen"))

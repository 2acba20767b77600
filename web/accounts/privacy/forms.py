"""Filters of the audit log and the erasure confirmation."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, NumberRange, Optional

from web.forms import QueryForm, choice_message, choices
from web.params import MAX_ID


class AuditFilterForm(QueryForm):
    """Filters by person, action, object and period; the route fills the choices of its own organisation."""
    actor = SelectField(_l("Medewerker"), validators=[Optional()], validate_choice=False)
    action = SelectField(_l("Actie"), validators=[Optional()], validate_choice=False)
    result = SelectField(_l("Resultaat"), choices=choices([("", _l("alle")), ("ok", _l("gelukt")), ("denied", _l("geweigerd"))]),
                         validators=[Optional()])
    object_type = SelectField(_l("Soort object"), validators=[Optional()], validate_choice=False)
    object_id = IntegerField(_l("Object-id"), validators=[
        Optional(), NumberRange(min=1, max=MAX_ID, message=_l("Vul een object-id in van 1 tot en met %(max)s."))])
    since = DateField(_l("Vanaf"), validators=[Optional()])
    until = DateField(_l("Tot en met"), validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        for name in ("actor", "action", "object_type"):
            field = self[name]
            if field.data and field.data not in {value for value, _label in field.choices}:
                field.errors.append(choice_message(field))
                ok = False
        if self.since.data and self.until.data and self.since.data > self.until.data:
            self.until.errors.append(_l("De einddatum ligt voor de begindatum."))
            ok = False
        return ok


class EraseForm(FlaskForm):
    confirm = StringField(_l("Typ WISSEN om te bevestigen"), validators=[DataRequired(_l("Typ WISSEN om te bevestigen."))])
    submit = SubmitField(_l("Definitief wissen"))

"""Filters of the audit log and the erasure confirmation."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, NumberRange, Optional

from web.forms import choices
from web.params import MAX_ID


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search form

    action = StringField(_l("Actie"), validators=[Optional()])
    actor = StringField(_l("Medewerker (e-mailadres bevat)"), validators=[Optional()])
    result = SelectField(_l("Resultaat"), choices=choices([("", _l("alle")), ("ok", "ok"), ("denied", _l("geweigerd"))]),
                         validators=[Optional()])
    object_type = StringField(_l("Soort object"), validators=[Optional()])
    object_id = IntegerField(_l("Object-id"), validators=[
        Optional(), NumberRange(min=1, max=MAX_ID, message=_l("Vul een object-id in van 1 tot en met %(max)s."))])
    since = DateField(_l("Vanaf"), validators=[Optional()])
    until = DateField(_l("Tot en met"), validators=[Optional()])


class EraseForm(FlaskForm):
    confirm = StringField(_l("Typ WISSEN om te bevestigen"), validators=[DataRequired(_l("Typ WISSEN om te bevestigen."))])
    submit = SubmitField(_l("Definitief wissen"))

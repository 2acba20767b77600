"""The form to create an API token."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField, SubmitField


class TokenForm(FlaskForm):
    name = StringField(_l("Naam"), description=_l("Welk systeem het token gebruikt, bijvoorbeeld ‘Suite4 nachtelijke export’."))
    submit = SubmitField(_l("Token aanmaken"))

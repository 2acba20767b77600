"""Forms for managing staff accounts."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from web.forms import choices

ROLE_CHOICES = [
    ("account_manager", _l("Accountmanager")),
    ("matcher", _l("Matcher")),
    ("coordinator", _l("Coördinator")),
    ("admin", _l("Beheerder")),
]


class UserForm(FlaskForm):
    name = StringField(_l("Naam"), validators=[DataRequired(_l("Vul een naam in.")), Length(max=200)])
    email = EmailField(_l("E-mailadres"), validators=[DataRequired(_l("Vul een e-mailadres in.")), Length(max=254)])
    role = SelectField(_l("Rol"), choices=choices(ROLE_CHOICES))
    organisation = SelectField(_l("Organisatie"), coerce=int)
    password = PasswordField(
        _l("Wachtwoord"),
        description=_l("Minstens 12 tekens. Geen veelgebruikt wachtwoord."),
        validators=[DataRequired(_l("Vul een wachtwoord in."))],
    )
    submit = SubmitField(_l("Account aanmaken"))

"""Forms of employer accounts."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField, SubmitField


class RegisterForm(FlaskForm):
    name = StringField(_l("Uw naam"))
    company_name = StringField(_l("Bedrijfsnaam"))
    email = EmailField(_l("E-mailadres"))
    password = PasswordField(_l("Wachtwoord"), description=_l("Minstens 8 tekens. Geen veelgebruikt wachtwoord."))
    submit = SubmitField(_l("Account aanmaken"))


class SaveSearchForm(FlaskForm):
    name = StringField(_l("Naam van de zoekopdracht"))
    query_string = StringField()

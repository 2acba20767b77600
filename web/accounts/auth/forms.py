"""Forms of the sign-in area."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mailadres"), validators=[DataRequired(_l("Vul uw e-mailadres in.")), Length(max=254)])
    password = PasswordField(_l("Wachtwoord"), validators=[DataRequired(_l("Vul uw wachtwoord in.")), Length(max=128)])
    submit = SubmitField(_l("Inloggen"))


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code"),
        description=_l("De zescijferige code uit uw authenticator-app, of een herstelcode."),
        validators=[DataRequired(_l("Vul de code in.")), Length(max=20)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric"},
    )
    submit = SubmitField(_l("Bevestigen"))


class EnrolmentCodeForm(FlaskForm):
    enrolment_code = StringField(
        _l("Koppelcode"),
        description=_l("De code van twaalf tekens die u kreeg van wie uw account aanmaakte of uw tweede factor wiste."),
        validators=[DataRequired(_l("Vul de koppelcode in.")), Length(max=40)],
        render_kw={"autocomplete": "off", "autocapitalize": "characters"},
    )
    submit = SubmitField(_l("Verder"))

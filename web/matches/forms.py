"""Forms of the suggestion review: each carries the suggestion's version (optimistic locking)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from models.matches.review import NOT_HIRED_REASONS, REJECT_REASONS, STATUS_LABELS
from web.forms import choices


def translated_choices(options: list) -> list:
    """The same select options with their labels translated now (plain strings, for reuse on one page)."""
    return choices((o.value, str(o.label)) for o in options)


class ActionForm(FlaskForm):
    """A button with CSRF protection and the version the page showed."""

    version = HiddenField()


class RejectForm(FlaskForm):
    version = HiddenField()
    reason = SelectField(_l("Reden van afwijzen"),
                         choices=choices([("", _l("Kies een reden"))] + [(k, _l(v)) for k, v in REJECT_REASONS.items()]))
    note = TextAreaField(_l("Toelichting"), description=_l("Verplicht bij ‘Andere reden’."),
                         validators=[Optional(), Length(max=1000)])
    submit = SubmitField(_l("Afwijzen"))


class StatusForm(FlaskForm):
    version = HiddenField()
    status = SelectField(_l("Volgende stap"))
    reason = SelectField(_l("Reden (bij niet aangenomen)"),
                         choices=choices([("", _l("Geen"))] + [(k, _l(v)) for k, v in NOT_HIRED_REASONS.items()]))
    note = TextAreaField(_l("Toelichting"), validators=[Optional(), Length(max=1000)])
    submit = SubmitField(_l("Status bijwerken"))

    def set_steps(self, steps) -> None:
        """Offer only the steps the suggestion may take next."""
        self.status.choices = choices((s.value, _l(STATUS_LABELS[s])) for s in steps)


class BulkRejectForm(FlaskForm):
    """Reject the ticked new suggestions with one reason (each box carries "id:version")."""

    reason = SelectField(_l("Reden van afwijzen"),
                         choices=choices([("", _l("Kies een reden"))] + [(k, _l(v)) for k, v in REJECT_REASONS.items()]))
    note = TextAreaField(_l("Toelichting"), description=_l("Verplicht bij ‘Andere reden’."),
                         validators=[Optional(), Length(max=1000)])
    submit = SubmitField(_l("Aangevinkte suggesties afwijzen"))

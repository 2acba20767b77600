"""Forms for browsing and editing the taxonomy."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SearchField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional

from web.forms import QueryForm, choices

KIND_CHOICES = [("skill", _l("Vaardigheid")), ("occupation", _l("Beroep"))]


class SearchForm(QueryForm):
    q = SearchField(_l("Zoek op naam of schrijfwijze"), validators=[Optional(), Length(max=100)])
    kind = SelectField(_l("Soort"), choices=choices([("", _l("Alles")), *KIND_CHOICES]), validators=[Optional()])


class ConceptForm(FlaskForm):
    kind = SelectField(_l("Soort"), choices=choices(KIND_CHOICES))
    label = StringField(_l("Naam"), validators=[DataRequired(_l("Vul een naam in.")), Length(max=255)])
    sector = StringField(_l("Sector"), description=_l("Bijvoorbeeld logistiek, zorg of schoonmaak."),
                         validators=[Optional(), Length(max=100)])
    version = HiddenField()
    submit = SubmitField(_l("Opslaan"))


class AliasForm(FlaskForm):
    wording = StringField(_l("Nieuwe schrijfwijze"),
                          description=_l("Synoniem, spelvariant, Engelse term of samenstelling, zoals ‘heftruk’."),
                          validators=[DataRequired(_l("Vul een schrijfwijze in.")), Length(max=200)])
    submit = SubmitField(_l("Schrijfwijze toevoegen"))


class SkillLinkForm(FlaskForm):
    skill = StringField(_l("Vaardigheid"), description=_l("De naam of een schrijfwijze van de vaardigheid."),
                        validators=[DataRequired(_l("Vul een vaardigheid in.")), Length(max=200)])
    essential = BooleanField(_l("Onmisbaar voor dit beroep"), default=True)
    submit = SubmitField(_l("Vaardigheid koppelen"))


class LinkWordingForm(FlaskForm):
    concept_id = HiddenField()
    concept = StringField(_l("Ander begrip"), description=_l("De naam of een schrijfwijze van een bestaand begrip."),
                          validators=[Optional(), Length(max=200)])
    submit = SubmitField(_l("Koppelen"))

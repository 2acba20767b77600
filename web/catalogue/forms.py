"""The catalogue's filter form (GET, every filter in the query string) and the meeting request form."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from markupsafe import Markup
from wtforms import EmailField, SelectField, StringField, SubmitField, TelField, TextAreaField
from wtforms.widgets import DateInput, NumberInput, SearchInput, Select

from matching.geo import locate
from models.catalogue.browse import Filters
from models.catalogue.search import Vocabulary, expand_query, sectors, term_ids
from web.forms import OnceForm, choice_message, choices
from web.params import whole_number

from .labels import DISTANCE_CHOICES, EDUCATION_MINIMUM_CHOICES, LICENCE_CHOICES, SORT_CHOICES

ANY = ("", _l("Maakt niet uit"))


class CachedSelect(Select):
    """A select whose markup is kept per process: the same options, value and attributes give the same
    HTML, and rendering a dozen options through WTForms on every catalogue page was a hot spot."""

    _rendered: dict[tuple, Markup] = {}

    def __call__(self, field, **kwargs):
        key = (field.id, field.name, str(field.data),
               tuple((str(c.value), str(c.label)) for c in field.choices), tuple(sorted(kwargs.items())))
        markup = self._rendered.get(key)
        if markup is None:
            if len(self._rendered) > 2048:  # bounded: values and labels come from a few small lists
                self._rendered.clear()
            markup = self._rendered[key] = super().__call__(field, **kwargs)
        return markup


@lru_cache(maxsize=16)
def _fixed_choices(locale: str) -> dict[str, tuple]:
    """The filter's fixed option lists with their labels translated once per process and language."""
    del locale  # the cache key: str() below translates into the request's language
    pairs = {
        "km": [(str(k), label) for k, label in DISTANCE_CHOICES],
        "opleiding": [ANY, *EDUCATION_MINIMUM_CHOICES],
        "rijbewijs": [ANY, *LICENCE_CHOICES],
        "sortering": SORT_CHOICES,
        "sector": [ANY],  # the taxonomy's sectors follow, from the vocabulary
    }
    return {name: tuple((value, str(label)) for value, label in options) for name, options in pairs.items()}


class FilterForm(FlaskForm):
    """Read from request.args; no CSRF token, so a filtered page is a plain link."""

    class Meta:
        csrf = False

    q = StringField(_l("Zoek op vaardigheid of beroep"), widget=SearchInput(),
                    description=_l("Bijvoorbeeld: heftruck, schoonmaak, klantcontact"))
    beroep = StringField(_l("Beroep"))
    sector = SelectField(_l("Sector"), choices=choices([ANY]), widget=CachedSelect())
    uren = StringField(_l("Uren per week"), widget=NumberInput(min=1, max=48))
    plaats = StringField(_l("Postcode of plaats"), description=_l("Bijvoorbeeld 8251 of Dronten"))
    km = SelectField(_l("Maximale afstand"), choices=choices([(str(k), label) for k, label in DISTANCE_CHOICES]), default="15",
                     widget=CachedSelect())
    opleiding = SelectField(_l("Opleiding (minimaal)"), choices=choices([ANY] + EDUCATION_MINIMUM_CHOICES),
                            widget=CachedSelect())
    rijbewijs = SelectField(_l("Rijbewijs"), choices=choices([ANY] + LICENCE_CHOICES), widget=CachedSelect())
    beschikbaar_voor = StringField(_l("Beschikbaar vóór"), widget=DateInput())
    sortering = SelectField(_l("Sorteren"), choices=choices(SORT_CHOICES), widget=CachedSelect())
    submit = SubmitField(_l("Zoeken"))


def _choice_error(field) -> bool:
    valid = {str(c.value) for c in field.choices}
    if field.data not in valid:
        field.errors = [choice_message(field)]
        field.data = ""
        return True
    return False


def filter_form(args, session, vocab: Vocabulary | None = None, current: tuple | None = None) -> tuple[FilterForm, Filters]:
    """The filled filter form and the Filters it means; bad values get a message and are ignored.

    The option lists come translated from a per-language cache; the sectors from the catalogue's
    vocabulary (``vocab`` when the caller holds it; ``current``: the vocabulary's stamp when the caller
    has read it), which follows the taxonomy when it changes.
    """
    form = FilterForm(formdata=args)
    fixed = _fixed_choices(str(get_locale()))
    for name, options in fixed.items():
        form[name].choices = choices(options)
    form.sector.choices = choices([*fixed["sector"], *((code, _(label)) for code, label in sectors(session, vocab, current))])
    for field in form:
        field.errors = []
    for field in (form.sector, form.opleiding, form.rijbewijs, form.sortering):
        if field.data is None:
            field.data = ""
    if not args.get("sortering"):
        form.sortering.data = "relevance"
    for field in (form.sector, form.km, form.opleiding, form.rijbewijs, form.sortering):
        _choice_error(field)
    f = Filters(q=(form.q.data or "").strip()[:200], occupation=(form.beroep.data or "").strip()[:200],
                sector=form.sector.data or "", education=form.opleiding.data or None,
                licence=form.rijbewijs.data or None, sort=form.sortering.data or "relevance")
    if uren := (form.uren.data or "").strip():
        if (hours := whole_number(uren, None, low=1, high=48)) is not None:
            f.hours = hours
        else:
            form.uren.errors = [_("Vul een aantal uren in tussen 1 en 48.")]
    if plaats := (form.plaats.data or "").strip():
        point = locate(plaats, None) if plaats[:1].isdigit() else locate(None, plaats)
        if point is None:
            form.plaats.errors = [_("Deze postcode of plaats kennen wij niet. Probeer bijvoorbeeld 8251 of Dronten.")]
        else:
            f.near, f.within_km = point, int(form.km.data or 15)
    if day := (form.beschikbaar_voor.data or "").strip():
        try:
            f.available_before = date.fromisoformat(day)
        except ValueError:
            form.beschikbaar_voor.errors = [_("Vul een datum in, bijvoorbeeld 2026-09-01.")]
    return form, f


def unknown_occupation(form: FilterForm, f: Filters, session, vocab: Vocabulary) -> None:
    """Name an occupation that no published profile has (nor a near spelling): the filter is
    ignored, as every unusable value is, instead of silently showing no one."""
    if f.occupation and not term_ids(vocab, expand_query(session, f.occupation, vocab), ("occupation",)):
        form.beroep.errors = [_("Dit beroep komt in geen enkel profiel voor. Vul een beroep in zoals het in "
                                "de profielen staat, bijvoorbeeld orderpicker of schoonmaker.")]
        f.occupation = ""


class MeetingForm(OnceForm, FlaskForm):
    """Ask to meet the person behind a profile; ``website`` is a honeypot people never see."""

    name = StringField(_l("Uw naam"))
    company = StringField(_l("Bedrijfsnaam"))
    kvk = StringField(_l("KvK-nummer"), description=_l("8 cijfers; staat op uittreksel en website van de KvK"),
                      render_kw={"inputmode": "numeric"})
    email = EmailField(_l("E-mailadres"))
    phone = TelField(_l("Telefoonnummer (niet verplicht)"))
    message = TextAreaField(_l("Bericht (niet verplicht)"),
                            description=_l("Bijvoorbeeld: welk werk u biedt en vanaf wanneer."))
    website = StringField(_l("Laat dit veld leeg"))
    submit = SubmitField(_l("Verzoek versturen"))

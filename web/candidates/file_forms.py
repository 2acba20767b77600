"""Forms of the candidate file kept by staff. Fields stay text: the domain functions validate them
(like the import does) and name the field in Dutch when something is wrong."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField

from models.enums import DutchLevel, Education, Outflow, OutreachReferral, TrajectoryKind, TrajectoryResult
from web.forms import OnceForm, choices

EDUCATION_LABELS = {
    "none": _l("Geen"), "primary": _l("Basisonderwijs"), "vmbo": _l("Vmbo"), "mbo1": _l("Mbo 1"), "mbo2": _l("Mbo 2"),
    "mbo3": _l("Mbo 3"), "mbo4": _l("Mbo 4"), "havo_vwo": _l("Havo/vwo"), "hbo": _l("Hbo"), "wo": _l("Wo"),
    "foreign_unrecognised": _l("Buitenlands, niet erkend"),
}
STATUS_LABELS = {"active": _l("Actief"), "placed": _l("Geplaatst"), "inactive": _l("Niet actief")}
KIND_LABELS = {
    "language_and_work": _l("Taal en werk"), "development_network": _l("Ontwikkelnetwerk"),
    "participation_coaching": _l("Participatiecoaching"), "activation": _l("Activering"),
    "training": _l("Scholing"), "work_fit": _l("Werkfit"), "other": _l("Overig"),
}
RESULT_LABELS = {
    "wep": _l("Door naar werkervaringsplaats"), "paid_work": _l("Betaald werk"), "participation": _l("Participatie"),
    "education": _l("Opleiding"), "dropped_out": _l("Uitgevallen"), "other": _l("Anders"),
}
OUTFLOW_LABELS = {"none": _l("Geen uitstroom"), "partial": _l("Gedeeltelijk"), "full": _l("Volledig")}
REFERRAL_LABELS = {"coach": _l("Coach"), "work_centre": _l("Werkcentrum"), "social_care_team": _l("Sociaal team"),
                   "other": _l("Anders")}
DATE = {"type": "date"}


def _date(label, **kw):
    return StringField(label, render_kw={**DATE, "placeholder": "JJJJ-MM-DD"}, **kw)


class CandidateEditForm(FlaskForm):
    version = HiddenField()
    email = StringField(_l("E-mailadres"), render_kw={"type": "email", "autocomplete": "off"})
    phone = StringField(_l("Telefoon"), render_kw={"type": "tel", "autocomplete": "off"})
    education = SelectField(_l("Opleiding"), choices=choices([("", _l("Onbekend"))] + [
        (e.value, EDUCATION_LABELS[e.value]) for e in Education]), validate_choice=False)
    dutch_level = SelectField(_l("Nederlands (ERK)"), choices=choices([("", _l("Onbekend"))] + [
        (d.value, d.value) for d in DutchLevel]), validate_choice=False)
    hours_min = StringField(_l("Minimum uren per week"), render_kw={"inputmode": "numeric"})
    hours_max = StringField(_l("Maximum uren per week"), render_kw={"inputmode": "numeric"})
    max_travel_km = StringField(_l("Maximale reisafstand (km)"), render_kw={"inputmode": "numeric"})
    available_from = _date(_l("Beschikbaar vanaf"))
    driving_licences = StringField(_l("Rijbewijs"), description=_l("Categorieën gescheiden door komma's, bijv. B, C."))
    certificates = TextAreaField(_l("Certificaten"), description=_l("Eén per regel."), render_kw={"rows": 3})
    desired_occupations = TextAreaField(_l("Gewenste beroepen"), description=_l("Eén per regel, in eigen woorden."),
                                        render_kw={"rows": 3})
    skills = TextAreaField(_l("Vaardigheden"), description=_l("Eén per regel, in eigen woorden."), render_kw={"rows": 4})
    status = SelectField(_l("Status"), choices=choices(list(STATUS_LABELS.items())), validate_choice=False)
    status_reason = StringField(_l("Reden van de status"), description=_l("Verplicht als de kandidaat niet actief is."))
    owner_id = SelectField(_l("Eigenaar"), validate_choice=False)


class LadderForm(OnceForm, FlaskForm):
    rung = SelectField(_l("Trede nu"), choices=choices([("", _l("Kies"))] + [(str(n), str(n)) for n in range(1, 7)]),
                       validate_choice=False)
    assessed_on = _date(_l("Datum van de beoordeling"))
    expected_rung = SelectField(_l("Verwachte trede over 12 maanden"), choices=choices(
        [("", _l("Niet beoordeeld"))] + [(str(n), str(n)) for n in range(1, 7)]), validate_choice=False)
    note = TextAreaField(_l("Toelichting"), render_kw={"rows": 2})


class PlanForm(OnceForm, FlaskForm):
    drawn_up_on = _date(_l("Datum van het plan"))
    goals = TextAreaField(_l("Doelen"), render_kw={"rows": 3})
    steps = TextAreaField(_l("Afgesproken stappen"), render_kw={"rows": 3})
    next_review_on = _date(_l("Volgende evaluatie"))


class ScreeningForm(OnceForm, FlaskForm):
    route_id = SelectField(_l("Screeningsroute"), validate_choice=False)
    screened_on = _date(_l("Datum van de screening"))


class TrajectoryForm(OnceForm, FlaskForm):
    kind = SelectField(_l("Soort traject"), choices=choices([("", _l("Kies"))] + [
        (k.value, KIND_LABELS[k.value]) for k in TrajectoryKind]), validate_choice=False)
    provider_id = SelectField(_l("Aanbieder"), validate_choice=False)
    bought_on = _date(_l("Ingekocht op"))
    started_on = _date(_l("Startdatum"))
    planned_end_on = _date(_l("Geplande einddatum"))
    cost = StringField(_l("Kosten (€)"))


class TrajectoryEndForm(FlaskForm):
    version = HiddenField()
    started_on = _date(_l("Startdatum"))
    ended_on = _date(_l("Einddatum"))
    result = SelectField(_l("Resultaat"), choices=choices([("", _l("Kies"))] + [
        (r.value, RESULT_LABELS[r.value]) for r in TrajectoryResult]), validate_choice=False)


class BudgetForm(FlaskForm):
    provider_id = SelectField(_l("Aanbieder"), validate_choice=False)
    year = StringField(_l("Jaar"), render_kw={"inputmode": "numeric"})
    budgeted = StringField(_l("Aantal trajecten begroot"), render_kw={"inputmode": "numeric"})
    amount = StringField(_l("Budget (€)"))


class ProviderForm(FlaskForm):
    employer_id = SelectField(_l("Werkgever uit het register"), validate_choice=False)


class RouteForm(FlaskForm):
    code = StringField(_l("Code"), description=_l("Zoals de import hem levert, bijv. werk-2-jaar."))
    label = StringField(_l("Naam"))


class ParticipatiebaanForm(OnceForm, FlaskForm):
    started_on = _date(_l("Startdatum"))
    ends_on = _date(_l("Einddatum"), description=_l("Leeg: de maximale duur."))
    hours_per_week = StringField(_l("Uren per week"), render_kw={"inputmode": "numeric"})
    employer_id = SelectField(_l("Werkgever"), validate_choice=False)


class ParticipatiebaanEndForm(FlaskForm):
    version = HiddenField()
    ended_on = _date(_l("Einddatum"))
    outflow = SelectField(_l("Uitstroom"), choices=choices([("", _l("Kies"))] + [
        (o.value, OUTFLOW_LABELS[o.value]) for o in Outflow]), validate_choice=False)
    end_note = StringField(_l("Toelichting"))


class ReassignForm(FlaskForm):
    candidate_ids = SelectMultipleField(_l("Kandidaten"), coerce=str, validate_choice=False)
    owner_id = SelectField(_l("Nieuwe eigenaar"), validate_choice=False)


class OutreachSelectForm(FlaskForm):
    campaign = StringField(_l("Campagne"))
    assigned_to_id = SelectField(_l("Toewijzen aan"), validate_choice=False)
    limit = StringField(_l("Ten hoogste (aantal)"), render_kw={"inputmode": "numeric"})


class OutreachStepForm(FlaskForm):
    version = HiddenField()
    step = SelectField(_l("Stap"), choices=choices([
        ("approached", _l("Benaderd")), ("talked", _l("Gesproken")), ("follow_up", _l("Vervolg afgesproken")),
        ("referred", _l("Doorverwezen"))]), validate_choice=False)
    on = _date(_l("Datum"))
    referred_to = SelectField(_l("Doorverwezen naar"), choices=choices([("", _l("—"))] + [
        (r.value, REFERRAL_LABELS[r.value]) for r in OutreachReferral]), validate_choice=False)

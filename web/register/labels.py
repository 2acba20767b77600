"""Dutch labels for the register's closed vocabularies (values stay English codes)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from models.enums import EmployerSize

STATUS_LABELS = {"prospect": _l("Prospect"), "active": _l("Actief"), "inactive": _l("Inactief")}
CHANNEL_LABELS = {"visit": _l("Bezoek"), "phone": _l("Telefoon"), "email": _l("E-mail"),
                  "event": _l("Bijeenkomst"), "other": _l("Anders")}
SIZE_LABELS = {s.value: _l("%(size)s medewerkers", size=s.value) for s in EmployerSize}
TARGET_GROUP_LABELS = {
    "participatiewet": _l("Participatiewet"), "banenafspraak": _l("Banenafspraak"),
    "statushouder": _l("Statushouders"), "ww": _l("WW"), "wia": _l("WIA"), "wajong": _l("Wajong"),
    "nug": _l("Niet-uitkeringsgerechtigden"), "wsw": _l("Wsw"),
}
INSTRUMENT_LABELS = {
    "regular": _l("Reguliere baan"), "wep": _l("Werkervaringsplaats"), "participatiebaan": _l("Participatiebaan"),
    "proefplaatsing": _l("Proefplaatsing"), "bbl": _l("BBL"), "secondment": _l("Detachering"),
    "sheltered": _l("Beschut werk"),
}
REQUEST_STATUS_LABELS = {
    "new": _l("nieuw"), "candidate_asked": _l("kandidaat gevraagd"), "candidate_agreed": _l("kandidaat akkoord"),
    "candidate_declined": _l("kandidaat wil niet"), "introduced": _l("voorgesteld"), "closed": _l("afgesloten"),
}

"""Columnar candidate attributes (numpy) for vectorised hard filters and soft fits."""
from __future__ import annotations

import numpy as np

from matching.documents import CandidateDoc, VacancyDoc
from matching.geo import ROAD_FACTOR
from matching.levels import UNKNOWN, UNKNOWN_FIT, dutch_rank, education_rank

_NO_DATE = np.iinfo(np.int32).min
_FIELDS = {  # name: (dtype, fill for "not given")
    "ids": (np.int64, -1), "alive": (np.bool_, False), "lat": (np.float64, np.nan),
    "lon": (np.float64, np.nan), "travel": (np.float64, np.nan), "h_min": (np.int16, 0),
    "h_max": (np.int16, 999), "avail": (np.int32, _NO_DATE), "lic_known": (np.bool_, False),
    "lic": (np.uint64, 0), "edu": (np.int8, UNKNOWN), "dutch": (np.int8, UNKNOWN),
}


class Attributes:
    """One row per slot; grows by doubling; a removed candidate's slot is only marked dead."""

    def __init__(self, capacity: int = 1024) -> None:
        self.size = 0
        self.licence_bits: dict[str, int] = {}
        self.cols = {k: np.full(capacity, fill, dtype=dt) for k, (dt, fill) in _FIELDS.items()}

    def __getattr__(self, name: str) -> np.ndarray:
        try:
            return self.__dict__["cols"][name]
        except KeyError:
            raise AttributeError(name) from None

    def _bit(self, licence: str) -> int:
        key = licence.strip().upper()
        if key not in self.licence_bits:
            if len(self.licence_bits) >= 64:
                raise ValueError("more than 64 distinct licence categories")
            self.licence_bits[key] = len(self.licence_bits)
        return self.licence_bits[key]

    def append(self, doc: CandidateDoc) -> int:
        """Store a candidate in a new slot and return the slot."""
        if self.size == len(self.cols["ids"]):
            for k, (dt, fill) in _FIELDS.items():
                grown = np.full(2 * self.size, fill, dtype=dt)
                grown[: self.size] = self.cols[k]
                self.cols[k] = grown
        s, c = self.size, self.cols
        c["ids"][s], c["alive"][s] = doc.id, True
        if doc.point is not None:
            c["lat"][s], c["lon"][s] = np.radians(doc.point[0]), np.radians(doc.point[1])
        if doc.max_travel_km is not None:
            c["travel"][s] = doc.max_travel_km
        if doc.hours_min is not None:
            c["h_min"][s] = doc.hours_min
        if doc.hours_max is not None:
            c["h_max"][s] = doc.hours_max
        if doc.available_from is not None:
            c["avail"][s] = doc.available_from.toordinal()
        if doc.licences is not None:
            c["lic_known"][s] = True
            c["lic"][s] = sum(np.uint64(1) << np.uint64(self._bit(x)) for x in doc.licences)
        c["edu"][s], c["dutch"][s] = education_rank(doc.education), dutch_rank(doc.dutch_level)
        self.size += 1
        return s

    def keep(self, slots: np.ndarray) -> None:
        """Compact to the given slots, in that order."""
        for k, (dt, fill) in _FIELDS.items():
            kept = np.full(max(1024, 2 * len(slots)), fill, dtype=dt)
            kept[: len(slots)] = self.cols[k][slots]
            self.cols[k] = kept
        self.size = len(slots)

    def passes(self, slots: np.ndarray, vac: VacancyDoc) -> np.ndarray:
        """Mask over `slots`: alive and meeting every hard requirement both sides give data for."""
        c = self.cols
        ok = c["alive"][slots].copy()
        if vac.licence:
            bit = self.licence_bits.get(vac.licence.strip().upper())
            has = (c["lic"][slots] >> np.uint64(bit)) & np.uint64(1) if bit is not None else 0
            ok &= ~c["lic_known"][slots] | (has == 1)
        if vac.point is not None:
            lat, lon, travel = c["lat"][slots], c["lon"][slots], c["travel"][slots]
            known = ~np.isnan(lat) & ~np.isnan(travel)
            ok &= ~known | (road_km(lat, lon, vac.point) <= travel)
        if vac.hours_min is not None or vac.hours_max is not None:
            v_min = vac.hours_min if vac.hours_min is not None else 0
            v_max = vac.hours_max if vac.hours_max is not None else 999
            ok &= (c["h_min"][slots] <= v_max) & (c["h_max"][slots] >= v_min)
        if vac.start_date is not None:
            ok &= c["avail"][slots] <= vac.start_date.toordinal()
        return ok

    def soft_fit(self, slots: np.ndarray, vac: VacancyDoc) -> np.ndarray:
        """Mean fit (0..1) of education and Dutch level against the vacancy's minimums."""
        fits = []
        for col, need in (("edu", education_rank(vac.education_min)), ("dutch", dutch_rank(vac.dutch_min))):
            if need != UNKNOWN:
                have = self.cols[col][slots].astype(np.int16)
                gap = need - have
                fit = np.where(gap <= 0, 1.0, np.where(gap == 1, 0.5, 0.0))
                fits.append(np.where(have == UNKNOWN, UNKNOWN_FIT, fit))
        return np.mean(fits, axis=0) if fits else np.zeros(len(slots))


def road_km(lat: np.ndarray, lon: np.ndarray, point: tuple[float, float]) -> np.ndarray:
    """Vectorised road distance estimate (haversine x ROAD_FACTOR) from radians arrays to a point."""
    plat, plon = np.radians(point[0]), np.radians(point[1])
    h = np.sin((lat - plat) / 2) ** 2 + np.cos(lat) * np.cos(plat) * np.sin((lon - plon) / 2) ** 2
    return 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0, 1))) * ROAD_FACTOR

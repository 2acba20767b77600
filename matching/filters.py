"""Columnar candidate attributes (numpy) for vectorised hard filters and soft fits."""
from __future__ import annotations

import math

import numpy as np

from matching.documents import CandidateDoc, VacancyDoc
from matching.geo import EARTH_KM, ROAD_FACTOR
from matching.levels import UNKNOWN, dutch_rank, education_rank, level_fit

_NO_DATE = np.iinfo(np.int32).min
FIELDS = {  # name: (dtype, fill for "not given")
    "ids": (np.int64, -1), "alive": (np.bool_, False), "x": (np.float64, 0.0), "y": (np.float64, 0.0),
    "z": (np.float64, 0.0), "min_dot": (np.float64, -2.0), "h_min": (np.int16, 0),
    "h_max": (np.int16, 999), "avail": (np.int32, _NO_DATE), "lic_known": (np.bool_, False),
    "lic": (np.uint64, 0), "edu": (np.int8, UNKNOWN), "dutch": (np.int8, UNKNOWN),
}


class Attributes:
    """One row per slot; grows by doubling; a removed candidate's slot is only marked dead."""

    def __init__(self, capacity: int = 1024) -> None:
        self.size = 0
        self.licence_bits: dict[str, int] = {}
        self.cols = {k: np.full(capacity, fill, dtype=dt) for k, (dt, fill) in FIELDS.items()}

    @classmethod
    def frozen(cls, cols: dict[str, np.ndarray], licence_bits: dict[str, int]) -> Attributes:
        """Attributes over given (e.g. memory-mapped, read-only) columns of equal length; never appended to."""
        attrs = cls.__new__(cls)
        attrs.size = len(cols["ids"])
        attrs.licence_bits = dict(licence_bits)
        attrs.cols = {k: cols[k] for k in FIELDS}
        return attrs

    def columns(self) -> dict[str, np.ndarray]:
        """The used part of every column (what a snapshot saves)."""
        return {k: v[: self.size] for k, v in self.cols.items()}

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
            for k, (dt, fill) in FIELDS.items():
                grown = np.full(2 * self.size, fill, dtype=dt)
                grown[: self.size] = self.cols[k]
                self.cols[k] = grown
        s, c = self.size, self.cols
        c["ids"][s], c["alive"][s] = doc.id, True
        if doc.point is not None and doc.max_travel_km is not None:
            c["x"][s], c["y"][s], c["z"][s] = unit_vector(doc.point)
            # Within reach <=> dot product of unit vectors >= cos(angle of the straight-line limit).
            angle = min(math.pi, doc.max_travel_km / ROAD_FACTOR / EARTH_KM)
            c["min_dot"][s] = math.cos(angle)
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
        for k, (dt, fill) in FIELDS.items():
            kept = np.full(max(1024, 2 * len(slots)), fill, dtype=dt)
            kept[: len(slots)] = self.cols[k][slots]
            self.cols[k] = kept
        self.size = len(slots)

    def passes(self, slots: np.ndarray | slice, vac: VacancyDoc) -> np.ndarray:
        """Mask over `slots` (an array, or a slice of them): alive and meeting every hard requirement
        both sides give data for."""
        c = self.cols
        ok = c["alive"][slots].copy()
        if vac.licence:
            bit = self.licence_bits.get(vac.licence.strip().upper())
            has = (c["lic"][slots] >> np.uint64(bit)) & np.uint64(1) if bit is not None else 0
            ok &= ~c["lic_known"][slots] | (has == 1)
        if vac.point is not None:
            vx, vy, vz = unit_vector(vac.point)
            ok &= c["x"][slots] * vx + c["y"][slots] * vy + c["z"][slots] * vz >= c["min_dot"][slots]
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
                # Ranks run from UNKNOWN (-1) to 8: look the fit up instead of computing it per slot.
                table = np.array([level_fit(have, need) for have in range(UNKNOWN, 9)], dtype=np.float32)
                fits.append(table[self.cols[col][slots].astype(np.intp) - UNKNOWN])
        if not fits:
            return np.zeros(len(slots), dtype=np.float32)
        return fits[0] if len(fits) == 1 else (fits[0] + fits[1]) / 2


def unit_vector(point: tuple[float, float]) -> tuple[float, float, float]:
    """Point on the unit sphere for a (lat, lon) in degrees."""
    lat, lon = math.radians(point[0]), math.radians(point[1])
    return math.cos(lat) * math.cos(lon), math.cos(lat) * math.sin(lon), math.sin(lat)

"""Nearest-neighbour search over points on the earth with a KD-tree on 3D unit vectors.

Euclidean (chord) distance between unit vectors is monotonic in great-circle distance, so a
plain cKDTree gives exact nearest neighbours without a haversine metric, and a query over
tens of thousands of points takes microseconds.
"""

from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy.spatial import cKDTree

from donghaeng.geo.distance import EARTH_RADIUS_M


def _unit_vectors(lats: np.ndarray, lons: np.ndarray) -> np.ndarray:
    phi, lam = np.radians(lats), np.radians(lons)
    cos_phi = np.cos(phi)
    return np.column_stack((cos_phi * np.cos(lam), cos_phi * np.sin(lam), np.sin(phi)))


def _chord_to_m(chord: np.ndarray) -> np.ndarray:
    return 2 * EARTH_RADIUS_M * np.arcsin(np.clip(chord / 2, 0.0, 1.0))


def _m_to_chord(meters: float) -> float:
    return 2 * math.sin(min(meters / EARTH_RADIUS_M, math.pi) / 2)


class PointIndex:
    """Points given as parallel lat/lon sequences; results are (position, metres) pairs."""

    def __init__(self, lats: Sequence[float], lons: Sequence[float]):
        self.size = len(lats)
        self._tree = cKDTree(_unit_vectors(np.asarray(lats, float), np.asarray(lons, float))) if self.size else None

    def nearest(self, lat: float, lon: float, k: int = 1, max_m: float | None = None) -> list[tuple[int, float]]:
        if self._tree is None or k <= 0:
            return []
        k = min(k, self.size)
        bound = _m_to_chord(max_m) if max_m is not None else np.inf
        point = _unit_vectors(np.array([lat]), np.array([lon]))[0]
        dist, idx = self._tree.query(point, k=k, distance_upper_bound=bound)
        dist, idx = np.atleast_1d(dist), np.atleast_1d(idx)
        keep = np.isfinite(dist)
        return [(int(i), float(m)) for i, m in zip(idx[keep], _chord_to_m(dist[keep]))]

    def within(self, lat: float, lon: float, radius_m: float) -> list[tuple[int, float]]:
        if self._tree is None:
            return []
        point = _unit_vectors(np.array([lat]), np.array([lon]))[0]
        found = self._tree.query_ball_point(point, _m_to_chord(radius_m))
        if not found:
            return []
        chords = np.linalg.norm(self._tree.data[found] - point, axis=1)
        pairs = sorted(zip(found, _chord_to_m(chords)), key=lambda pair: pair[1])
        return [(int(i), float(m)) for i, m in pairs]

"""Does a thin stroke's color blend its flanks' color with a map color beyond it?

``_hull.thin_extremes`` asks it of every thin luma extreme it finds: the ray from a
flank's color through the pixel's, extended (``_RAY_REACH``), passes within the
tolerance of the map's polyline where the pixel is a field's thin valley or ridge,
shrunk; a stroke's pixel is no such blend. The geometry runs on scalars: the 3-vectors
it once made (and their dot products) cost an allocation each, most of a whole
figure's decode (640x480 imshow + colorbar and text: 0.17 of 0.22 s on its 5 000 text
pixels' rays).
"""

from __future__ import annotations

import math

import numba as nb
import numpy as np

__all__ = ["flanks_explain", "runs"]

_JIT = {"cache": True, "nogil": True, "error_model": "numpy"}
#: How far beyond a thin extreme its flank-to-pixel ray looks for the map color it
#: blends, in units of the pixel's distance from its flanks (a shrunk valley pixel
#: holds 1/4 or more of the valley's color at 0.5x).
_RAY_REACH = 6.0
#: ``_hull.thin_extremes`` tests a ray against the map's segments in runs of _RUN, each
#: within a ball; a run whose ball lies farther than the limit plus _RUN_SLACK DN (far
#: above rounding) is skipped: the same answers. A matplotlib figure (500x400 px, 139k
#: off-map pixels, 17k thin extremes) tested 250 segments per ray: 14 s.
_RUN = 16
_RUN_SLACK = 1e-6


@nb.njit(**_JIT)
def _scaled(pixels, p, scale):  # pragma: no cover - jitted
    return float(pixels[p, 0]) * scale, float(pixels[p, 1]) * scale, float(pixels[p, 2]) * scale


@nb.njit(**_JIT)
def _dot(ax, ay, az, bx, by, bz):  # pragma: no cover - jitted
    return ax * bx + ay * by + az * bz


@nb.njit(**_JIT)
def _segment_gap2_xyz(  # pragma: no cover - jitted
    p0x, p0y, p0z, p1x, p1y, p1z, q0x, q0y, q0z, q1x, q1y, q1z
):
    """Squared distance between the segments p0-p1 and q0-q1 (3-D; Ericson 5.1.9), on
    scalars: small arrays here cost an allocation each, most of the ray test's time."""
    d1x, d1y, d1z = p1x - p0x, p1y - p0y, p1z - p0z
    d2x, d2y, d2z = q1x - q0x, q1y - q0y, q1z - q0z
    rx, ry, rz = p0x - q0x, p0y - q0y, p0z - q0z
    a = _dot(d1x, d1y, d1z, d1x, d1y, d1z)
    e = _dot(d2x, d2y, d2z, d2x, d2y, d2z)
    f = _dot(d2x, d2y, d2z, rx, ry, rz)
    s = t = 0.0
    if a <= 1e-12 and e <= 1e-12:
        return _dot(rx, ry, rz, rx, ry, rz)
    if a <= 1e-12:
        t = min(max(f / e, 0.0), 1.0)
    else:
        c = _dot(d1x, d1y, d1z, rx, ry, rz)
        if e <= 1e-12:
            s = min(max(-c / a, 0.0), 1.0)
        else:
            b = _dot(d1x, d1y, d1z, d2x, d2y, d2z)
            denom = a * e - b * b
            s = min(max((b * f - c * e) / denom, 0.0), 1.0) if denom > 0.0 else 0.0
            t = (b * s + f) / e
            if t < 0.0:
                t, s = 0.0, min(max(-c / a, 0.0), 1.0)
            elif t > 1.0:
                t, s = 1.0, min(max((b - c) / a, 0.0), 1.0)
    gx = p0x + s * d1x - q0x - t * d2x
    gy = p0y + s * d1y - q0y - t * d2y
    gz = p0z + s * d1z - q0z - t * d2z
    return _dot(gx, gy, gz, gx, gy, gz)


@nb.njit(**_JIT)
def _segment_gap2(p0, p1, q0, q1):  # pragma: no cover - jitted
    """Squared distance between the segments p0-p1 and q0-q1 (3-D; Ericson 5.1.9)."""
    return _segment_gap2_xyz(
        p0[0], p0[1], p0[2], p1[0], p1[1], p1[2], q0[0], q0[1], q0[2], q1[0], q1[1], q1[2]
    )


@nb.njit(**_JIT)
def _ray_meets(  # pragma: no cover - jitted
    fx, fy, fz, ox, oy, oz, vertices, cyclic, limit2, centers, radii
):
    """:func:`_ray_meets_map` on scalars: flank (fx, fy, fz), own (ox, oy, oz)."""
    far_x = fx + _RAY_REACH * (ox - fx)
    far_y = fy + _RAY_REACH * (oy - fy)
    far_z = fz + _RAY_REACH * (oz - fz)
    n = vertices.shape[0]
    n_segments = n if cyclic else n - 1
    limit = math.sqrt(limit2)
    for c in range(centers.shape[0]):
        gap = math.sqrt(
            _point_gap2_xyz(centers[c, 0], centers[c, 1], centers[c, 2], ox, oy, oz,
                            far_x, far_y, far_z)
        )  # fmt: skip
        if gap > radii[c] + limit + _RUN_SLACK:
            continue  # (every segment of the run farther than the limit: none within)
        for i in range(c * _RUN, min((c + 1) * _RUN, n_segments)):
            j = (i + 1) % n
            gap2 = _segment_gap2_xyz(
                ox, oy, oz, far_x, far_y, far_z, vertices[i, 0], vertices[i, 1],
                vertices[i, 2], vertices[j, 0], vertices[j, 1], vertices[j, 2],
            )  # fmt: skip
            if gap2 <= limit2:
                return True
    return False


@nb.njit(**_JIT)
def _ray_meets_map(  # pragma: no cover - jitted
    flank, own, vertices, cyclic, limit2, centers, radii
):
    """Whether the ray from ``flank`` through ``own`` (RGB, DN) passes within
    sqrt(limit2) of the map beyond ``own``: ``own`` blends the flank's color with a
    darker (brighter) map color, as a field's thin valley (ridge) does when shrunk.
    The map's segments are visited in runs of _RUN (:func:`_runs`: ``centers``,
    ``radii``); a run whose ball lies farther from the ray is skipped whole."""
    return _ray_meets(
        flank[0], flank[1], flank[2], own[0], own[1], own[2], vertices, cyclic, limit2,
        centers, radii,
    )  # fmt: skip


@nb.njit(**_JIT)
def _point_gap2_xyz(px, py, pz, p0x, p0y, p0z, p1x, p1y, p1z):  # pragma: no cover - jitted
    """Squared distance from the point (px, py, pz) to the segment p0-p1 (3-D)."""
    dx, dy, dz = p1x - p0x, p1y - p0y, p1z - p0z
    length2 = _dot(dx, dy, dz, dx, dy, dz)
    t = 0.0
    if length2 > 1e-12:
        along = _dot(px - p0x, py - p0y, pz - p0z, dx, dy, dz)
        t = min(max(along / length2, 0.0), 1.0)
    gx, gy, gz = p0x + t * dx - px, p0y + t * dy - py, p0z + t * dz - pz
    return _dot(gx, gy, gz, gx, gy, gz)


@nb.njit(**_JIT)
def _point_gap2(point, p0, p1):  # pragma: no cover - jitted
    """Squared distance from ``point`` to the segment p0-p1 (3-D)."""
    return _point_gap2_xyz(point[0], point[1], point[2], p0[0], p0[1], p0[2], p1[0], p1[1], p1[2])


def runs(vertices: np.ndarray, cyclic: bool) -> tuple[np.ndarray, np.ndarray]:
    """The centres and radii (DN) of balls holding each run of _RUN segments of the
    polyline ``vertices`` (cyclic: closed), for :func:`_ray_meets_map` to skip far runs."""
    n = len(vertices)
    n_segments = n if cyclic else n - 1
    starts = np.arange(0, max(n_segments, 0), _RUN)
    centers = np.empty((len(starts), 3))
    radii = np.empty(len(starts))
    for c, start in enumerate(starts):
        ends = vertices[np.arange(start, min(start + _RUN, n_segments) + 1) % n]
        centers[c] = 0.5 * (ends.min(axis=0) + ends.max(axis=0))
        radii[c] = np.sqrt(((ends - centers[c]) ** 2).sum(axis=1)).max()
    return centers, radii


@nb.njit(**_JIT)
def flanks_explain(  # pragma: no cover - jitted
    pixels, scale, p, q_a, q_b, vertices, cyclic, limit2, centers, radii
):
    """Whether pixel ``p`` blends some flank's color (their mean, ``q_a``'s, ``q_b``'s)
    with a map color beyond it (:func:`_ray_meets`), on scalars (no arrays made)."""
    ox, oy, oz = _scaled(pixels, p, scale)
    ax, ay, az = _scaled(pixels, q_a, scale)
    bx, by, bz = _scaled(pixels, q_b, scale)
    if _ray_meets(0.5 * (ax + bx), 0.5 * (ay + by), 0.5 * (az + bz), ox, oy, oz, vertices,
                  cyclic, limit2, centers, radii):
        return True
    if _ray_meets(ax, ay, az, ox, oy, oz, vertices, cyclic, limit2, centers, radii):
        return True
    return _ray_meets(bx, by, bz, ox, oy, oz, vertices, cyclic, limit2, centers, radii)

"""The kernel density loop compiled with numba (imported only through geolib._accel).

Mirrors ``geolib.kernel_density._accumulate_part`` formula by formula: the same window start
``ceil((x - r - left) / ps - 0.5)``, the same pixel-centre offsets, ``u = dy²/r² + dx²/r²``
with the support ``u <= 1``, and the quartic fast path with ``(√w(1 - dy²/r²) - √w dx²/r²)₊²``.
Each kernel value is the numpy path's to the last bit (up to ``exp`` of the Gaussian
kernel); only the order in which the points are added differs (see
``geolib.kernel_density._accumulate_numba``), by a few units in the last place of the sums.
"""

from __future__ import annotations

import math

import numpy as np

from ._accel import njit

#: kernel codes, in the order of geolib.kernel_density.KERNELS
QUARTIC, TRIANGULAR, UNIFORM, TRIWEIGHT, EPANECHNIKOV, GAUSSIAN = range(6)

#: exponent factor of the Gaussian kernel: -0.5 · GAUSSIAN_SIGMAS² (computed as numpy does)
_GAUSS = -0.5 * 3.0**2


@njit
def accumulate(acc, x, y, w, r, start, stop, left, top, ps, kernel, decay, fast, row_lo, row_hi):
    """Add the kernels of points ``start:stop`` to rows ``row_lo:row_hi`` of ``acc``.

    ``acc`` is the whole raster (rows × cols, float64); only rows ``row_lo:row_hi``
    are written, so threads with disjoint row bands can share it. ``fast``: the
    quartic kernel with weights ≥ 0 in the numpy path's factored form.

    Per row only the columns that can lie within the radius are visited (with one
    pixel to spare on each side, where the exact test below decides); the others
    would add exactly 0.
    """
    cols = acc.shape[1]
    inv_ps = 1.0 / ps
    bx = np.empty(0)
    for i in range(start, stop):
        px = x[i]
        py = y[i]
        pr = r[i]
        win = math.floor(2.0 * pr / ps) + 2
        r0 = math.ceil((top - py - pr) / ps - 0.5)
        lo = max(r0, row_lo)
        hi = min(r0 + win, row_hi)
        if lo >= hi:
            continue
        c0 = math.ceil((px - pr - left) / ps - 0.5)
        clo = max(c0, 0)
        chi = min(c0 + win, cols)
        if clo >= chi:
            continue
        if bx.size < chi - clo:
            bx = np.empty(win)
        inv_r2 = 1.0 / (pr * pr)
        wi = w[i]
        # the point's column in pixels (centres at whole numbers); the column range of
        # each row below is rounded outwards by a pixel, so its rounding cannot matter
        xc = (px - left) * inv_ps - 0.5
        if fast:
            sw = math.sqrt(wi)
            f = inv_r2 * sw
            inv_f = pr * pr / sw if sw > 0.0 else 0.0
            for c in range(clo, chi):
                dx = left + (c + 0.5) * ps - px
                bx[c - clo] = dx * dx * f
            for row in range(lo, hi):
                dy = top - (row + 0.5) * ps - py
                a = (1.0 - dy * dy * inv_r2) * sw
                if not a > 0.0:
                    continue  # every value of the row is 0
                half = math.sqrt(a * inv_f) * inv_ps  # in pixels
                j0 = max(clo, math.ceil(xc - half) - 1)
                j1 = min(chi, math.floor(xc + half) + 2)
                if j0 >= j1:
                    continue
                _quartic_row(acc[row, j0:j1], bx[j0 - clo : j1 - clo], a)
        else:
            pr_px = pr * inv_ps
            for c in range(clo, chi):
                dx = left + (c + 0.5) * ps - px
                bx[c - clo] = dx * dx * inv_r2
            for row in range(lo, hi):
                dy = top - (row + 0.5) * ps - py
                a = dy * dy * inv_r2
                if a > 1.0:
                    continue  # u = a + dx²/r² > 1 for every column
                half = pr_px * math.sqrt(1.0 - a)  # in pixels
                j0 = max(clo, math.ceil(xc - half) - 1)
                j1 = min(chi, math.floor(xc + half) + 2)
                if j0 >= j1:
                    continue
                _kernel_row(acc[row, j0:j1], bx[j0 - clo : j1 - clo], a, wi, kernel, decay)


@njit
def _quartic_row(out, b, a):
    for j in range(out.size):
        v = a - b[j]
        v = v if v > 0.0 else 0.0
        out[j] += v * v


@njit
def _kernel_row(out, b, a, wi, kernel, decay):
    """``out += K(u) · w`` where ``u = a + b <= 1`` (else 0, as the numpy path adds)."""
    n = out.size
    if kernel == QUARTIC:
        for j in range(n):
            u = a + b[j]
            t = 1.0 - u
            out[j] += t * t * wi if u <= 1.0 else 0.0
    elif kernel == TRIWEIGHT:
        for j in range(n):
            u = a + b[j]
            t = 1.0 - u
            out[j] += t * t * t * wi if u <= 1.0 else 0.0
    elif kernel == EPANECHNIKOV:
        for j in range(n):
            u = a + b[j]
            out[j] += (1.0 - u) * wi if u <= 1.0 else 0.0
    elif kernel == UNIFORM:
        for j in range(n):
            u = a + b[j]
            out[j] += 1.0 * wi if u <= 1.0 else 0.0
    elif kernel == TRIANGULAR:
        for j in range(n):
            u = a + b[j]
            out[j] += (1.0 - (1.0 - decay) * math.sqrt(u)) * wi if u <= 1.0 else 0.0
    else:
        for j in range(n):
            u = a + b[j]
            out[j] += math.exp(_GAUSS * u) * wi if u <= 1.0 else 0.0

"""numba's BLAS probe answered without ``scipy.linalg`` (``truepix._blas_probe``).

Each case runs in a fresh interpreter: the probe acts once, before numba's array
math is imported.
"""

from __future__ import annotations

import subprocess
import sys

from tests._needs import need_module

need_module("scipy")  # (the probe loads one of its modules: under CI=true a missing SciPy fails)

#: A first decolorize in a fresh process, then what numba and SciPy still do.
CHILD = """
import sys
import numpy as np
import numba
import truepix as tp
picture = tp.colorize(np.linspace(0, 1, 64 * 64).reshape(64, 64), cmap="viridis")
values = tp.decolorize(picture, cmap="viridis", vmin=0, vmax=1)
print("linalg after decolorize:", "scipy.linalg" in sys.modules)
import numba.np.arraymath
print("numba blas:", numba.np.arraymath._HAVE_BLAS)
@numba.njit
def product(a, b):
    return np.dot(a, b)
a = np.arange(12.0).reshape(3, 4)
print("numba dot:", np.allclose(product(a, a.T), a @ a.T))
import scipy.linalg
from scipy.linalg import cython_blas
print("scipy.linalg:", scipy.linalg.cython_blas is cython_blas,
      np.allclose(scipy.linalg.blas.dgemm(1.0, a, a.T), a @ a.T))
"""


def test_first_decolorize_leaves_scipy_linalg_unimported_and_numba_blas_working() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, check=True, timeout=600
    )
    lines = done.stdout.splitlines()
    assert "linalg after decolorize: False" in lines
    assert "numba blas: True" in lines
    assert "numba dot: True" in lines
    assert "scipy.linalg: True True" in lines


def test_probe_does_nothing_once_scipy_linalg_is_imported() -> None:
    code = (
        "import sys, scipy.linalg\n"
        "from truepix._blas_probe import light_blas_probe\n"
        "blas = sys.modules['scipy.linalg.cython_blas']\n"
        "light_blas_probe()\n"
        "print(sys.modules['scipy.linalg.cython_blas'] is blas, scipy.linalg.cython_blas is blas)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=600
    )
    assert done.stdout.split() == ["True", "True"]

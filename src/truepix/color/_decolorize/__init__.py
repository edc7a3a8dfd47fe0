"""Colormapped pictures back to data: the decoder, its kernels, its oracle."""

from truepix._numba_blas import import_arraymath

import_arraymath()  # numba's BLAS check, without importing scipy.linalg (0.13 s)

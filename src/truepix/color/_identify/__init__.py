"""Which colormap a picture or colorbar shows, and where colorbars are."""

from truepix._numba_blas import import_arraymath

import_arraymath()  # numba's BLAS check, without importing scipy.linalg (0.13 s)

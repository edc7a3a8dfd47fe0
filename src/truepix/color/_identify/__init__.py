"""Which colormap a picture or colorbar shows, and where colorbars are."""

from truepix._numba_blas import answer_blas_check

answer_blas_check()  # numba's BLAS check, on its first kernel, without scipy.linalg (0.13 s)

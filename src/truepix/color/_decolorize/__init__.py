"""Colormapped pictures back to data: the decoder, its kernels, its oracle."""

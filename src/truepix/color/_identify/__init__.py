"""Which colormap a picture or colorbar shows, and where colorbars are."""

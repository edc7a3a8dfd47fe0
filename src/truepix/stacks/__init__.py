"""Statistics over image stacks: per-pixel histograms and batch equalization."""

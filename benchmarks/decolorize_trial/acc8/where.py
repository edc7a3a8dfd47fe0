"""acc8: where the default call's p99 pixels lie on JPEG'd folding maps. Per picture: the stage
positions (luma-weighted projection before the filter, RGB projection, final), and of the pixels
in the worst 1 % of the final answer's error: the share whose luma projection is already on the
wrong arm (|pos - truth| > 0.05), whose RGB projection is right (< 0.02), whose two projections
differ by > 0.05, beside an edge (truth's 3x3 range > 0.1), and the error of an oracle that
picks the projection nearest the 5x5 neighbourhood's median. argv: maps fields kinds."""
from _cases import cases, summary

for m, fn, k, f, pic, dec, est, lum, rgb, b, err, eb, top, edge, med, pick, scores in cases():
    print(summary(m, fn, k, f, lum, rgb, eb, top, edge, scores), flush=True)

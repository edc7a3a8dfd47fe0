"""astropy stretch bars (the test frame): norm, confidence and the largest value error along the bar (% of range).
PYTHONPATH=src python benchmarks/figread3/stretches.py"""
import os as _os; ROOT = _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "..", "..")
import sys; sys.path.insert(0, ROOT)
from tests.figures.test_read_figure_stretches import _frame, _figure, _error
from astropy.visualization import ImageNormalize, PercentileInterval, LogStretch, SinhStretch, HistEqStretch
import truepix as tp, numpy as np
for seed in (7, 3):
    f = _frame(seed)
    for name, st in (("log", LogStretch()), ("sinh", SinhStretch()), ("histeq", HistEqStretch(f))):
        n = ImageNormalize(f, interval=PercentileInterval(99), stretch=st)
        for kind in ("png", "jpeg"):
            p = tp.read_figure(_figure(f, n, kind)).panels[0]
            print(seed, name, kind, p.norm, round(p.confidence, 2), None if p.value_scale is None else round(_error(p, n), 2))

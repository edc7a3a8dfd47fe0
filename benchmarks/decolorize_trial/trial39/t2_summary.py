"""Summarise t2_results_*.csv (figures). python t2_summary.py"""
import glob, pandas as pd
pd.set_option("display.width", 250)
fr = []
for f in glob.glob("t2_results_*.csv"):
    x = pd.read_csv(f)
    if "BAD" in f:               # pcolormesh rows of that run had a wrong truth (clipped field); its contourf rows are valid
        x = x[x.kind == "contourf"]
    fr.append(x)
d = pd.concat(fr)
d = d[d.pic != "pil_q75_420"]          # identical to savefig_jpg (matplotlib saves JPEG through Pillow at q75)
d["ratio_answered"] = d["mean"] / d.base_mean
d["p99_worse"] = d.p99 > d.base_p99
print(d.groupby(["pic"])[["data_nan", "ann_core_flag", "ann_any_flag", "ratio_answered", "p99_worse"]].agg(["mean", "min", "max"]).round(3).to_string())
print()
print(d[d.pic == "savefig_jpg"][["kind", "cmap", "data_nan", "ann_core_flag", "mean", "base_mean", "p99", "base_p99", "ratio_answered"]].round(3).to_string())
print("\n(contourf: 0.38% of its data pixels are white on PNG -- field below the lowest level -- and correctly NaN)")

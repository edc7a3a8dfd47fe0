"""Summarise t1_results*.csv: holes and ratio to the baseline per condition."""
import glob, pandas as pd, numpy as np
d = pd.concat([pd.read_csv(f) for f in glob.glob("t1_results*.csv")]).drop_duplicates(["field", "cmap", "cond"])
d["real"] = d.field != "smooth"
import sys
if "--all-maps" not in sys.argv:
    print("(ratios and counts over continuous maps: tab10 reported separately below)")
    tab10 = d[d.cmap == "tab10"]; d = d[d.cmap != "tab10"]
pd.set_option("display.width", 250); pd.set_option("display.max_rows", 500)
g = d.groupby("cond")
def ratio(sub, col="mean_h"):
    a = sub.groupby("cond")[[col, "base_mean"]].mean()
    return a[col] / a["base_mean"]
s = pd.DataFrame({"n": g.size(), "nan_mean%": g.nan.mean(), "nan_max%": g.nan.max(),
                  ">0.2%NaN": g.nan.agg(lambda x: (x > 0.2).sum()),
                  "ratio_real(holes)": ratio(d[d.real]), "ratio_real(answered)": ratio(d[d.real], "mean"),
                  "ratio_smooth(holes)": ratio(d[~d.real]),
                  "p99_worse": (d.p99_h > d.base_p99 + 1e-9).groupby(d.cond).sum(),
                  "warned": d.warn.notna().groupby(d.cond).sum()})
print(s.round(3).to_string())
print("\nworst holes:")
print(d.sort_values("nan", ascending=False).head(25)[["field", "cmap", "cond", "nan", "mean", "mean_h", "base_mean", "p99", "base_p99", "max"]].to_string())
print("\nworst ratio (answered mean / baseline), real fields, excl. exact:")
e = d[~d.cond.str.startswith("png")].copy(); e["r"] = e.mean_h / e.base_mean
print(e.sort_values("r", ascending=False).head(20)[["field", "cmap", "cond", "nan", "mean", "mean_h", "base_mean", "r", "warn"]].to_string())
print("\nexact PNG:")
print(d[d.cond.str.startswith("png")].groupby(["cond", "cmap"])[["nan", "mean", "max"]].max().to_string())
print("\nper map (all conds, real fields): ratio holes-counted")
x = d[d.real & ~d.cond.str.startswith("png")].groupby("cmap")[["mean_h", "base_mean", "nan"]].agg(["mean", "max"]); x["ratio"] = x[("mean_h", "mean")] / x[("base_mean", "mean")]; print(x.round(3).to_string())

if "--all-maps" not in sys.argv:
    print("\ntab10 (discrete):")
    print(tab10.groupby("cond")[["nan", "mean", "mean_h", "base_mean"]].mean().round(3).to_string())
print("\nper field ratio (holes counted) for key conditions:")
k = d[d.cond.isin(["jpeg_q50_420", "jpeg_q75_420", "jpeg_q90_420", "jpeg_q75_444", "cv_area_0.5x", "pil_bilinear_0.5x", "noise_s2"])]
a = k.groupby(["field", "cond"])[["mean_h", "base_mean"]].mean(); print((a.mean_h / a.base_mean).unstack().round(3).to_string())

"""truepix read-figure and the demo section, through click's runner."""

from __future__ import annotations

import json

import matplotlib.pyplot as plt
import numpy as np
from click.testing import CliRunner

import truepix as tp
from tests.figures.conftest import save
from truepix.cli.main import cli


def _figure_file(tmp_path):
    rng = np.random.default_rng(5)
    cells = rng.uniform(0, 10, (6, 8))
    fig, ax = plt.subplots(figsize=(5, 4), dpi=90)
    mesh = ax.pcolormesh(cells, cmap="viridis", vmin=0, vmax=10)
    bar = fig.colorbar(mesh)
    made = save(fig, [ax], [bar])
    path = tmp_path / "figure.png"
    path.write_bytes(made.png)
    return path, cells


def test_read_figure_writes_data_report_and_calibration(tmp_path):
    import xarray as xr

    path, cells = _figure_file(tmp_path)
    runner = CliRunner()
    out = tmp_path / "data.nc"
    result = runner.invoke(
        cli,
        ["read-figure", str(path), "-o", str(out), "--report", str(tmp_path / "r.png"), "--found", str(tmp_path / "c.json")],
    )
    assert result.exit_code == 0, result.output
    assert "viridis" in result.output
    with xr.open_dataset(out, engine="scipy") as dataset:
        values = dataset["panel1"].values
        assert dataset["panel1"].dims == ("y", "x")  # panel.data's names
    # pcolormesh draws row 0 at the bottom; the file's rows run top-down like the picture
    np.testing.assert_allclose(values[::-1], cells, atol=2 * 10 / 256 + 0.1)
    assert (tmp_path / "r.png").stat().st_size > 1000
    calibration = json.loads((tmp_path / "c.json").read_text())
    assert calibration["panels"][0]["grid"] == [6, 8]
    # the found calibration, edited and passed back
    calibration["panels"][0]["colorbar"]["vmax"] = 20.0
    (tmp_path / "c.json").write_text(json.dumps(calibration))
    npy = tmp_path / "data.npy"
    result = runner.invoke(cli, ["read-figure", str(path), "-o", str(npy), "--calibration", str(tmp_path / "c.json")])
    assert result.exit_code == 0, result.output
    np.testing.assert_allclose(np.load(npy)[::-1], cells * 2, atol=2 * 20 / 256 + 0.2)


def test_read_figure_csv_and_bad_suffix(tmp_path):
    path, cells = _figure_file(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["read-figure", str(path), "-o", str(tmp_path / "d.csv")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "d.csv").read_text().splitlines()[0] == "x,y,value"  # as the page writes it
    table = np.loadtxt(tmp_path / "d.csv", delimiter=",", skiprows=1)
    assert table.shape == (cells.size, 3)
    data = tp.read_figure(path).panels[0].data
    assert np.array_equal(table[:, 0], np.tile(data.x.values, data.shape[0]))
    assert np.array_equal(table[:, 1], np.repeat(data.y.values, data.shape[1]))
    assert np.array_equal(table[:, 2], data.values.ravel(), equal_nan=True)
    result = runner.invoke(cli, ["read-figure", str(path), "-o", str(tmp_path / "d.xyz")])
    assert result.exit_code == 1 and "expected an output ending in" in result.output


def test_demo_section_reads_its_figure_back(tmp_path):
    from rich.console import Console

    from truepix.cli._demo_figure import run_section

    console = Console(record=True, width=120)
    run_section(tmp_path, console)
    text = console.export_text()
    assert "magma" in text and "(24, 36)" in text
    assert (tmp_path / "figure_report.png").exists()


def test_read_figure_refuses_missing_files_and_suffixes_before_reading(tmp_path):
    runner = CliRunner()
    missing = tmp_path / "missing.png"
    result = runner.invoke(cli, ["read-figure", str(missing)])
    # truepix's own one line (exit 1), not click's usage error (exit 2)
    assert result.exit_code == 1, result.output
    assert result.output.startswith("error: expected a readable figure file, got ")
    assert repr(str(missing)) in result.output and len(result.output.strip().splitlines()) == 1
    # the output's suffix is checked first: no figure is read (this one does not even exist)
    result = runner.invoke(cli, ["read-figure", str(missing), "-o", str(tmp_path / "out.xyz")])
    assert result.exit_code == 1 and "expected an output ending in" in result.output
    # the calibration is read before the figure (this one is not a picture)
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"not a picture")
    result = runner.invoke(cli, ["read-figure", str(junk), "--calibration", str(tmp_path / "none.json")])
    assert result.exit_code == 1 and "expected calibration JSON or a path to it" in result.output

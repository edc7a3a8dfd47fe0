// truepix serve: the page. Plain JS, no libraries, nothing loaded from elsewhere.
"use strict";

const $ = (selector) => document.querySelector(selector);
const SVG = "http://www.w3.org/2000/svg";
const state = { reading: null, values: [], colormaps: null, drag: null, lastCorrection: null };

// ---------- requests and messages ----------

function showError(message) {
  const box = $("#error");
  box.textContent = message;
  box.hidden = !message;
}

async function call(url, options = {}) {
  $("#busy").hidden = false;
  try {
    const headers = Object.assign({ "X-Truepix": "1" }, options.headers || {});
    const response = await fetch(url, Object.assign({}, options, { headers }));
    const isJson = (response.headers.get("content-type") || "").includes("application/json");
    const body = isJson ? await response.json() : await response.arrayBuffer();
    if (!response.ok) {
      throw new Error(isJson && body.error ? body.error : `the server answered ${response.status}`);
    }
    showError("");
    return body;
  } finally {
    $("#busy").hidden = true;
  }
}

function upload(url, file) {
  return call(url, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } });
}

function postJson(url, data) {
  return call(url, { method: "POST", body: JSON.stringify(data), headers: { "Content-Type": "application/json" } });
}

function failed(error) {
  showError(error.message || String(error));
  document.body.dataset.state = "error";
}

// ---------- tabs and drop zones ----------

function selectTab(name) {
  for (const tab of document.querySelectorAll("nav [role=tab]")) {
    const on = tab.dataset.panel === name;
    tab.setAttribute("aria-selected", String(on));
    $(`#panel-${tab.dataset.panel}`).hidden = !on;
  }
  showError("");
}

function dropZone(zone, input, onFile) {
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    zone.classList.remove("over");
    const file = event.dataTransfer.files[0];
    if (file) onFile(file);
  });
  input.addEventListener("change", () => { if (input.files[0]) onFile(input.files[0]); input.value = ""; });
}

function infoTable(table, rows) {
  table.replaceChildren();
  for (const [key, value] of rows) {
    const tr = table.insertRow();
    const th = document.createElement("th");
    th.textContent = key;
    tr.append(th);
    tr.insertCell().textContent = value;
  }
  table.hidden = false;
}

function describeInfo(info) {
  const rows = [
    ["format", info.format.toUpperCase() + (info.foreign ? " (not written by truepix)" : "")],
    ["encoding", info.encoding || "stored samples"],
    ["dtype", info.dtype],
    ["shape", info.shape.join(" × ")],
    ["max error", info.exact ? "0 (exact)" : String(info.max_error)],
    ["stored as", `${info.stored_dtype} ${(info.stored_shape || []).join(" × ")}` + (info.layout ? `, layout ${info.layout}` : "")],
    ["size", `${info.file_size.toLocaleString("en")} bytes`],
  ];
  const params = Object.entries(info.params || {}).filter(([, v]) => v !== null);
  if (params.length) rows.push(["params", params.map(([k, v]) => `${k}=${v}`).join(", ")]);
  if (info.checksum) rows.push(["crc32", info.checksum]);
  if ("loads" in info) rows.push(["loads back", info.loads === true ? "yes, checksum verified" : info.loads]);
  return rows;
}

// ---------- exact save and inspect ----------

async function exactSave(file) {
  try {
    const format = $("#save-format").value;
    const info = await upload(`/api/exact-save?format=${encodeURIComponent(format)}`, file);
    infoTable($("#save-info"), describeInfo(info));
    const link = $("#save-download");
    link.href = info.download;
    link.download = info.download.split("/").pop();
    link.textContent = `Download ${link.download}`;
    $("#save-result").hidden = false;
    document.body.dataset.state = "saved";
  } catch (error) { $("#save-result").hidden = true; failed(error); }
}

async function inspectFile(file) {
  try {
    const info = await upload("/api/inspect", file);
    infoTable($("#inspect-info"), describeInfo(info));
    document.body.dataset.state = "inspected";
  } catch (error) { $("#inspect-info").hidden = true; failed(error); }
}

// ---------- figure -> data ----------

async function readFigure(file) {
  const started = performance.now();
  try {
    const reading = await upload("/api/figure", file);
    await showReading(reading);
    $("#timing").textContent = `read in ${((performance.now() - started) / 1000).toFixed(2)} s (server ${reading.seconds.toFixed(2)} s)`;
  } catch (error) { failed(error); }
}

// corrections go to the server one after the other, each on the reading before it
let queue = Promise.resolve();

function correct(panel, change) {
  const key = JSON.stringify([state.reading.base, panel, change]);
  if (key === state.lastCorrection) return queue;  // the same edit again (a field's change on blur)
  state.lastCorrection = key;
  queue = queue.then(() => sendCorrection(panel, change));
  return queue;
}

async function sendCorrection(panel, change) {
  try {
    const reading = await postJson(`${state.reading.base}/correct`, Object.assign({ panel }, change));
    await showReading(reading);
  } catch (error) {
    state.lastCorrection = null;
    failed(error);
    drawOverlay(state.reading);  // back to the last reading the server accepted
    drawPanels(state.reading);
  }
}

async function loadCalibration(file) {
  if (!state.reading) { showError("drop a figure first, then load its calibration"); return; }
  try {
    const text = await file.text();
    const reading = await call(`${state.reading.base}/calibration`, {
      method: "POST", body: text, headers: { "Content-Type": "application/json" } });
    await showReading(reading);
  } catch (error) { failed(error); }
}

async function showReading(reading) {
  state.reading = reading;
  const image = $("#figure-image");
  if (image.dataset.base !== reading.base) {
    image.dataset.base = reading.base;
    await new Promise((resolve, reject) => {
      image.onload = resolve;
      image.onerror = () => reject(new Error("the browser could not show this picture"));
      image.src = reading.image_url;
    });
  }
  state.values = await Promise.all(reading.panels.map(
    async (panel) => new Float32Array(await call(panel.values_url))));
  $("#figure-result").hidden = false;
  drawOverlay(reading);
  drawPanels(reading);
  drawChecks(reading);
  drawDownloads(reading);
  document.body.dataset.state = "read";
  document.body.dataset.revision = String(Number(document.body.dataset.revision || 0) + 1);
}

function svgElement(name, attributes, parent) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  parent.append(element);
  return element;
}

function drawOverlay(reading) {
  const svg = $("#overlay");
  svg.setAttribute("viewBox", `0 0 ${reading.width} ${reading.height}`);
  svg.replaceChildren();
  reading.panels.forEach((panel, index) => {
    boxElement(svg, panel.bbox, "plot", index, "bbox");
    if (panel.colorbar) boxElement(svg, panel.colorbar.bbox, "colorbar", index, "colorbar_bbox");
    for (const tick of panel.ticks) {
      if (tick.box) {
        const [l, t, r, b] = tick.box;
        svgElement("rect", { class: "tick", x: l, y: t, width: r - l, height: b - t }, svg);
      }
      const label = svgElement("text", { x: tick.center[0], y: tick.center[1] - 8, "text-anchor": "middle" }, svg);
      label.textContent = tick.value === null ? `${tick.text}?` : formatNumber(tick.value);
    }
  });
  svgElement("line", { class: "crosshair", id: "crosshair-x", x1: 0, x2: 0, y1: 0, y2: 0 }, svg);
  svgElement("line", { class: "crosshair", id: "crosshair-y", x1: 0, x2: 0, y1: 0, y2: 0 }, svg);
}

function boxElement(svg, box, kind, panel, field) {
  const [l, t, r, b] = box;
  const rect = svgElement("rect", { class: kind, x: l, y: t, width: r - l, height: b - t }, svg);
  rect.dataset.panel = panel;
  rect.dataset.field = field;
  rect.dataset.kind = kind;
  return rect;
}

// image pixel under a pointer event
function imagePoint(event) {
  const svg = $("#overlay");
  const bounds = svg.getBoundingClientRect();
  const { width, height } = state.reading;
  return [(event.clientX - bounds.left) * width / bounds.width, (event.clientY - bounds.top) * height / bounds.height];
}

// which edge of a box the pointer is on (within 6 screen pixels), or null
function edgeAt(rect, point) {
  const scale = state.reading.width / $("#overlay").getBoundingClientRect().width;
  const near = 6 * scale;
  const [x, y] = point;
  const l = +rect.getAttribute("x"), t = +rect.getAttribute("y");
  const r = l + +rect.getAttribute("width"), b = t + +rect.getAttribute("height");
  if (y < t - near || y > b + near || x < l - near || x > r + near) return null;
  const distances = { left: Math.abs(x - l), right: Math.abs(x - r), top: Math.abs(y - t), bottom: Math.abs(y - b) };
  const [edge, distance] = Object.entries(distances).sort((a, b) => a[1] - b[1])[0];
  return distance <= near ? edge : null;
}

function pointerDown(event) {
  if (!state.reading) return;
  const point = imagePoint(event);
  for (const rect of document.querySelectorAll("#overlay rect.colorbar, #overlay rect.plot")) {
    const edge = edgeAt(rect, point);
    if (edge) {
      state.drag = { rect, edge };
      $("#overlay").setPointerCapture(event.pointerId);
      event.preventDefault();
      return;
    }
  }
}

function pointerMove(event) {
  if (!state.reading) return;
  const point = imagePoint(event);
  const drag = state.drag;
  if (drag) {
    const rect = drag.rect;
    let l = +rect.getAttribute("x"), t = +rect.getAttribute("y");
    let r = l + +rect.getAttribute("width"), b = t + +rect.getAttribute("height");
    if (drag.edge === "left") l = Math.min(point[0], r - 2);
    if (drag.edge === "right") r = Math.max(point[0], l + 2);
    if (drag.edge === "top") t = Math.min(point[1], b - 2);
    if (drag.edge === "bottom") b = Math.max(point[1], t + 2);
    rect.setAttribute("x", l); rect.setAttribute("y", t);
    rect.setAttribute("width", r - l); rect.setAttribute("height", b - t);
    return;
  }
  readout(point);
  const cursor = [...document.querySelectorAll("#overlay rect.colorbar, #overlay rect.plot")]
    .map((rect) => edgeAt(rect, point)).find(Boolean);
  $("#overlay").style.cursor = cursor ? (cursor === "left" || cursor === "right" ? "ew-resize" : "ns-resize") : "crosshair";
}

function pointerUp() {
  const drag = state.drag;
  if (!drag) return;
  state.drag = null;
  const rect = drag.rect;
  const l = Math.round(+rect.getAttribute("x")), t = Math.round(+rect.getAttribute("y"));
  const box = [l, t, Math.round(l + +rect.getAttribute("width")), Math.round(t + +rect.getAttribute("height"))];
  correct(Number(rect.dataset.panel), { [rect.dataset.field]: box });
}

// index of the centre nearest to p in an increasing or decreasing list
function nearest(centres, p) {
  const rising = centres[centres.length - 1] >= centres[0];
  let low = 0, high = centres.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((centres[middle] <= p) === rising) low = middle; else high = middle;
  }
  return Math.abs(centres[low] - p) <= Math.abs(centres[high] - p) ? low : high;
}

function readout(point) {
  const [x, y] = point;
  const text = $("#readout");
  state.reading.panels.forEach((panel, index) => {
    const [l, t, r, b] = panel.bbox;
    if (x < l || x >= r || y < t || y >= b || !panel.px.length || !panel.py.length) return;
    const col = nearest(panel.px, x), row = nearest(panel.py, y);
    const value = state.values[index][row * panel.shape[1] + col];
    text.textContent = `panel ${index + 1}   x = ${formatNumber(panel.x[col])}   y = ${formatNumber(panel.y[row])}   value = ${Number.isNaN(value) ? "no data" : formatNumber(value)}${panel.units ? " " + panel.units : ""}`;
    Object.assign(text.dataset, { panel: index, x: panel.x[col], y: panel.y[row], value });
    for (const [id, coords] of [["#crosshair-x", [x, t, x, b]], ["#crosshair-y", [l, y, r, y]]]) {
      const line = $(id);
      ["x1", "y1", "x2", "y2"].forEach((key, i) => line.setAttribute(key, coords[i]));
    }
  });
}

function formatNumber(value) {
  if (value === null || value === undefined) return "?";
  if (typeof value === "string") return value;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e5)) return value.toExponential(3);
  return String(Number(value.toPrecision(5)));
}

// ---------- the side panel: what was found, and corrections ----------

function element(name, properties = {}, children = []) {
  const node = Object.assign(document.createElement(name), properties);
  node.append(...children);
  return node;
}

function drawPanels(reading) {
  const host = $("#panels");
  host.replaceChildren();
  reading.panels.forEach((panel, index) => host.append(panelForm(panel, index)));
  if (!reading.panels.length) host.append(element("p", { textContent: "No plot area with a colormap was found." }));
}

function panelForm(panel, index) {
  const box = element("div", { className: "found" });
  box.dataset.panel = index;
  box.append(element("h4", { textContent: `Panel ${index + 1}: ${panel.shape[1]} × ${panel.shape[0]} values` }));
  const summary = element("p", { className: "summary" });
  summary.textContent = `colormap ${panel.cmap}, ${panel.norm}, ${formatNumber(panel.vmin)} … ${formatNumber(panel.vmax)}${panel.units ? " " + panel.units : ""}` +
    (panel.colorbar ? "" : " (no colorbar found)") + (panel.max_error !== null ? `, error ≤ ${formatNumber(panel.max_error)}` : "");
  box.append(summary);

  // the colormap: a searchable list of the catalog
  const search = element("input", { type: "text", placeholder: "search colormaps", className: "cmap-search" });
  const select = element("select", { size: 6, className: "cmap-select" });
  const fill = () => {
    const words = search.value.toLowerCase();
    const names = (state.colormaps || []).filter((name) => name !== panel.cmap && name.toLowerCase().includes(words));
    if (panel.cmap.toLowerCase().includes(words)) names.unshift(panel.cmap);  // the one in use first
    select.replaceChildren(...names.map((name) => element("option", { value: name, textContent: name })));
    select.value = panel.cmap;
  };
  search.addEventListener("input", fill);
  select.addEventListener("change", () => correct(index, { cmap: select.value }));
  fill();
  box.append(element("label", { textContent: "Colormap " }, [search]), select);

  const scale = element("select", { className: "norm" }, ["linear", "log"].map(
    (name) => element("option", { value: name, textContent: name, selected: name === panel.norm })));
  scale.addEventListener("change", () => correct(index, { norm: scale.value }));
  box.append(element("label", { textContent: "Scale " }, [scale]));

  for (const key of ["vmin", "vmax"]) {
    const input = element("input", { type: "number", step: "any", value: panel[key], className: key });
    input.addEventListener("change", () => {
      if (input.isConnected && input.value !== "" && Number(input.value) !== panel[key]) correct(index, { [key]: Number(input.value) });
    });
    box.append(element("label", { textContent: `${key} ` }, [input]));
  }

  if (panel.ticks.length) {
    const table = element("table", { className: "ticks" });
    table.append(element("tr", {}, ["axis", "read", "value"].map((t) => element("th", { textContent: t }))));
    panel.ticks.forEach((tick) => {
      const input = element("input", { type: "number", step: "any", value: tick.value === null ? "" : tick.value });
      input.addEventListener("change", () => {
        // a field left behind by the last redraw fires when it loses focus: not a new edit
        if (input.isConnected && input.value !== "" && Number(input.value) !== tick.value) {
          correct(index, { tick: { axis: tick.axis, index: tick.index, value: Number(input.value) } });
        }
      });
      table.append(element("tr", {}, [
        element("td", { textContent: tick.axis }),
        element("td", { textContent: tick.text }),
        element("td", {}, [input]),
      ]));
    });
    box.append(element("h4", { textContent: `Tick labels read (${panel.ticks.length})` }), element("div", { className: "ticks-scroll" }, [table]));
  }
  return box;
}

function drawChecks(reading) {
  const host = $("#checks");
  host.replaceChildren();
  const stamp = document.body.dataset.revision || "0";
  reading.panels.forEach((panel, index) => {
    for (const [url, caption] of [[panel.rendered_url, "recovered field, re-rendered"], [panel.difference_url, "difference from the figure: black 0, white ≥ 32 levels of 255"]]) {
      host.append(element("figure", {}, [
        element("img", { src: `${url}?r=${stamp}`, alt: `panel ${index + 1}: ${caption}` }),
        element("figcaption", { textContent: `panel ${index + 1}: ${caption}` }),
      ]));
    }
  });
}

function drawDownloads(reading) {
  const host = $("#downloads");
  host.replaceChildren();
  reading.panels.forEach((panel, index) => {
    for (const [kind, url] of Object.entries(panel.downloads)) {
      host.append(element("a", { href: url, download: url.split("/").pop(), textContent: `panel ${index + 1} ${kind.toUpperCase()}`, className: `download-${kind}` }));
    }
  });
  host.append(element("a", { href: reading.calibration_url, download: "calibration.json", textContent: "calibration JSON", className: "download-calibration" }));
}

// ---------- start ----------

async function start() {
  for (const tab of document.querySelectorAll("nav [role=tab]")) tab.addEventListener("click", () => selectTab(tab.dataset.panel));
  dropZone($("#figure-drop"), $("#figure-file"), readFigure);
  dropZone($("#save-drop"), $("#save-file"), exactSave);
  dropZone($("#inspect-drop"), $("#inspect-file"), inspectFile);
  $("#calibration-file").addEventListener("change", (event) => { const file = event.target.files[0]; if (file) loadCalibration(file); event.target.value = ""; });
  document.addEventListener("paste", (event) => {
    const item = [...event.clipboardData.items].find((entry) => entry.kind === "file");
    if (item) { selectTab("figure"); readFigure(item.getAsFile()); }
  });
  const svg = $("#overlay");
  svg.addEventListener("pointerdown", pointerDown);
  svg.addEventListener("pointermove", pointerMove);
  svg.addEventListener("pointerup", pointerUp);
  try {
    const formats = await call("/api/formats");
    $("#save-format").replaceChildren(...formats.exact_save.map((name) => element("option", { value: name, textContent: name.toUpperCase() })));
    state.colormaps = await call("/api/colormaps");
  } catch (error) { failed(error); }
  document.body.dataset.ready = "true";
}

start();

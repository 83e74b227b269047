/* Forms sample. State contract: window.__state (see samples/README.md). */
(function () {
  "use strict";
  function $(id) { return document.getElementById(id); }

  var state = {
    fullName: "", comments: "", color: "Red", newsletter: false, terms: false, size: "",
    birthday: "", fileName: "", volume: 50, listOrder: ["Alpha", "Beta", "Gamma", "Delta"],
    frame: { input: "", clicks: 0 }, shadowOn: false, canvasClicks: 0,
    submitted: false, submission: null
  };
  window.__state = state;

  /* ---------- plain fields ---------- */
  function readFields() {
    state.fullName = $("full-name").value;
    state.comments = $("comments").value;
    state.color = $("color").value;
    state.newsletter = $("newsletter").checked;
    state.terms = $("terms").checked;
    var r = document.querySelector('input[name="size"]:checked');
    state.size = r ? r.value : "";
    state.birthday = $("birthday").value;
    state.volume = parseInt($("volume").value, 10);
    $("volume-value").textContent = "Volume: " + state.volume;
  }
  var form = $("sample-form");
  form.addEventListener("input", readFields);
  form.addEventListener("change", readFields);
  form.addEventListener("submit", function (e) { e.preventDefault(); });

  $("attachment").addEventListener("change", function () {
    var f = this.files && this.files[0];
    state.fileName = f ? f.name : "";
    $("file-name").textContent = f ? "Selected file: " + f.name : "No file selected";
  });

  /* ---------- sortable list: mouse events, HTML5 drag-and-drop and keyboard ---------- */
  var list = $("sortable");
  function items() { return Array.prototype.slice.call(list.querySelectorAll(".sortable-item")); }
  function syncOrder() {
    state.listOrder = items().map(function (li) { return li.getAttribute("data-value"); });
    $("list-order").textContent = "Order: " + state.listOrder.join(", ");
  }
  /* Put `dragged` where the pointer is: before the first other item whose middle is below y. */
  function placeAt(dragged, y) {
    var others = items().filter(function (li) { return li !== dragged; });
    var before = null;
    for (var i = 0; i < others.length; i++) {
      var r = others[i].getBoundingClientRect();
      if (y < r.top + r.height / 2) { before = others[i]; break; }
    }
    if (before) { if (dragged.nextElementSibling !== before) list.insertBefore(dragged, before); }
    else if (list.lastElementChild !== dragged) list.appendChild(dragged);
  }

  // Mouse-based dragging (works with synthetic CDP mouse events, where native DnD may never start).
  var mouseDrag = null;
  list.addEventListener("mousedown", function (e) {
    var li = e.target.closest(".sortable-item");
    if (!li || e.button !== 0) return;
    mouseDrag = { item: li, startY: e.clientY, active: false };
  });
  document.addEventListener("mousemove", function (e) {
    if (!mouseDrag) return;
    if (!mouseDrag.active) {
      if (Math.abs(e.clientY - mouseDrag.startY) < 4) return;
      mouseDrag.active = true;
      mouseDrag.item.classList.add("dragging");
    }
    e.preventDefault();
    placeAt(mouseDrag.item, e.clientY);
  });
  document.addEventListener("mouseup", function () {
    if (!mouseDrag) return;
    mouseDrag.item.classList.remove("dragging");
    var moved = mouseDrag.active;
    mouseDrag = null;
    if (moved) syncOrder();
  });

  // HTML5 drag-and-drop (real browsers with OS drag support, or scripted DragEvents).
  var html5Dragged = null;
  list.addEventListener("dragstart", function (e) {
    var li = e.target.closest && e.target.closest(".sortable-item");
    if (!li) return;
    mouseDrag = null;                       // the native drag takes over from the mouse path
    html5Dragged = li;
    li.classList.add("dragging");
    if (e.dataTransfer) {
      e.dataTransfer.effectAllowed = "move";
      try { e.dataTransfer.setData("text/plain", li.getAttribute("data-value")); } catch (err) { /* ignore */ }
    }
  });
  list.addEventListener("dragover", function (e) {
    if (!html5Dragged) return;
    e.preventDefault();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "move";
    placeAt(html5Dragged, e.clientY);
  });
  list.addEventListener("drop", function (e) {
    if (!html5Dragged) return;
    e.preventDefault();
    placeAt(html5Dragged, e.clientY);
  });
  list.addEventListener("dragend", function () {
    if (!html5Dragged) return;
    html5Dragged.classList.remove("dragging");
    html5Dragged = null;
    syncOrder();
  });

  // Keyboard: Alt+ArrowUp / Alt+ArrowDown moves the focused item.
  list.addEventListener("keydown", function (e) {
    var li = e.target.closest(".sortable-item");
    if (!li || !e.altKey) return;
    if (e.key === "ArrowUp" && li.previousElementSibling) {
      list.insertBefore(li, li.previousElementSibling);
    } else if (e.key === "ArrowDown" && li.nextElementSibling) {
      list.insertBefore(li.nextElementSibling, li);
    } else return;
    e.preventDefault();
    li.focus();
    syncOrder();
  });

  /* ---------- iframe ---------- */
  var frameEl = $("frame");
  window.addEventListener("message", function (e) {
    if (e.source !== frameEl.contentWindow || !e.data || e.data.type !== "va-frame-state") return;
    state.frame = { input: String(e.data.input), clicks: Number(e.data.clicks) || 0 };
  });

  /* ---------- shadow DOM custom element ---------- */
  customElements.define("fancy-toggle", class extends HTMLElement {
    constructor() {
      super();
      this.on = false;
      var root = this.attachShadow({ mode: "open" });
      root.innerHTML =
        "<style>" +
        ":host{display:inline-flex;align-items:center;gap:16px;font-family:\"DejaVu Sans\",Arial,sans-serif}" +
        "button{font:inherit;font-size:16px;padding:8px 18px;border-radius:18px;border:2px solid #5a2d91;" +
        "background:#fff;color:#3b1d63;cursor:pointer}" +
        "button[aria-pressed=true]{background:#5a2d91;color:#fff}" +
        "span{font-weight:bold}" +
        "</style>" +
        "<button type=\"button\" aria-pressed=\"false\">Shadow toggle</button><span>Off</span>";
      var self = this;
      this._button = root.querySelector("button");
      this._label = root.querySelector("span");
      this._button.addEventListener("click", function () {
        self.on = !self.on;
        self._button.setAttribute("aria-pressed", String(self.on));
        self._label.textContent = self.on ? "On" : "Off";
        self.dispatchEvent(new CustomEvent("toggle-change", { detail: { on: self.on }, bubbles: true, composed: true }));
      });
    }
  });
  $("fancy").addEventListener("toggle-change", function (e) { state.shadowOn = !!e.detail.on; });

  /* ---------- canvas-only button (no DOM text, aria-hidden) ---------- */
  var canvas = $("canvas-button");
  var BTN = { x: 20, y: 20, w: 170, h: 50 };
  function paintCanvas(pressed) {
    var dpr = window.devicePixelRatio || 1;
    var cssW = 460, cssH = 90;
    if (canvas.width !== cssW * dpr) { canvas.width = cssW * dpr; canvas.height = cssH * dpr; }
    var ctx = canvas.getContext("2d");
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, cssW, cssH);
    ctx.fillStyle = pressed ? "#0e5a25" : "#15803d";
    ctx.strokeStyle = "#0b4a1e"; ctx.lineWidth = 2;
    ctx.beginPath();
    if (ctx.roundRect) ctx.roundRect(BTN.x, BTN.y, BTN.w, BTN.h, 8); else ctx.rect(BTN.x, BTN.y, BTN.w, BTN.h);
    ctx.fill(); ctx.stroke();
    ctx.fillStyle = "#ffffff";
    ctx.font = "bold 20px 'DejaVu Sans', Arial, sans-serif";
    ctx.textAlign = "center"; ctx.textBaseline = "middle";
    ctx.fillText("Canvas OK", BTN.x + BTN.w / 2, BTN.y + BTN.h / 2 + 1);
    ctx.fillStyle = "#1a1a1a"; ctx.textAlign = "left";
    ctx.font = "18px 'DejaVu Sans', Arial, sans-serif";
    ctx.fillText("Clicks: " + state.canvasClicks, BTN.x + BTN.w + 30, BTN.y + BTN.h / 2 + 1);
  }
  canvas.addEventListener("click", function (e) {
    var r = canvas.getBoundingClientRect();
    var x = (e.clientX - r.left) * (460 / r.width), y = (e.clientY - r.top) * (90 / r.height);
    if (x >= BTN.x && x <= BTN.x + BTN.w && y >= BTN.y && y <= BTN.y + BTN.h) {
      state.canvasClicks++;
      paintCanvas(true);
      setTimeout(function () { paintCanvas(false); }, 150);
    }
  });
  paintCanvas(false);

  /* ---------- submit ---------- */
  $("submit-btn").addEventListener("click", function () {
    readFields();
    var snap = JSON.parse(JSON.stringify(state));
    delete snap.submitted; delete snap.submission;
    state.submission = snap;
    state.submitted = true;
    $("submit-result").hidden = false;
  });

  readFields();
  syncOrder();
})();

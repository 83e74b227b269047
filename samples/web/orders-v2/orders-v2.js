/* Orders admin (v2): same data and same window.__state shape as orders/, different markup and layout. */
(function () {
  "use strict";
  if (VAOrders.enforceLogin()) return;

  var PER_PAGE = 10;
  var data = VAOrders.generate();
  window.__orders = data;

  var st = {
    filter: { status: "All", from: "", to: "", search: "" },
    sort: { column: "id", dir: "asc" },
    page: 1,
    pageCount: 1,
    visibleIds: [],
    filteredCount: 0,
    exported: null,
    lastSaved: null,
    modalOpen: false,
    modalOrderId: null,
    editing: false
  };
  window.__state = st;

  function q(id) { return document.getElementById(id); }
  var ctl = {
    query: q("flt-query"), state: q("flt-state"), start: q("flt-start"), end: q("flt-end"), reset: q("flt-reset"),
    rows: q("grid-rows"), count: q("ov2-count"), back: q("pg-back"), fwd: q("pg-fwd"), label: q("pg-label"),
    download: q("btn-download"), note: q("ov2-export-note"),
    drawer: q("order-drawer"), dTitle: q("drawer-title"), facts: q("drawer-facts"), form: q("drawer-form"),
    dState: q("drawer-state"), dTotal: q("drawer-total"), invalid: q("drawer-invalid"), ok: q("drawer-ok"),
    dismiss: q("drawer-dismiss"), abort: q("drawer-abort"), commit: q("drawer-commit"), modify: q("drawer-modify")
  };

  function matching() { return VAOrders.query(data, st.filter, st.sort); }

  function paint() {
    var all = matching();
    st.filteredCount = all.length;
    st.pageCount = Math.max(1, Math.ceil(all.length / PER_PAGE));
    st.page = Math.min(Math.max(1, st.page), st.pageCount);
    var slice = all.slice((st.page - 1) * PER_PAGE, st.page * PER_PAGE);
    st.visibleIds = slice.map(function (o) { return o.id; });

    var frag = document.createDocumentFragment();
    if (!slice.length) {
      var none = document.createElement("div");
      none.className = "ov2-none"; none.setAttribute("role", "row");
      none.textContent = "No orders match the filters.";
      frag.appendChild(none);
    }
    slice.forEach(function (o) {
      var line = document.createElement("div");
      line.className = "ov2-line"; line.setAttribute("role", "row"); line.setAttribute("data-order", o.id);
      function add(content, extra) {
        var c = document.createElement("div");
        c.className = "ov2-cell" + (extra ? " " + extra : ""); c.setAttribute("role", "cell");
        if (typeof content === "string") c.textContent = content; else c.appendChild(content);
        line.appendChild(c);
      }
      var pill = document.createElement("span");
      pill.className = "ov2-pill st-" + o.status; pill.textContent = o.status;
      add(pill); add(o.id); add(o.date); add(o.customer); add(VAOrders.formatAmount(o.amount), "ov2-right");
      var btn = document.createElement("button");
      btn.type = "button"; btn.className = "secondary ov2-open"; btn.textContent = "View";
      btn.addEventListener("click", function () { openDrawer(o.id); });
      add(btn);
      frag.appendChild(line);
    });
    ctl.rows.textContent = "";
    ctl.rows.appendChild(frag);

    Array.prototype.forEach.call(document.querySelectorAll(".ov2-hcell[data-key]"), function (h) {
      var key = h.getAttribute("data-key"), b = h.querySelector("button");
      if (!b.dataset.text) b.dataset.text = b.textContent;
      var active = key === st.sort.column;
      b.textContent = b.dataset.text + (active ? (st.sort.dir === "asc" ? " \u25B2" : " \u25BC") : "");
      if (active) h.setAttribute("aria-sort", st.sort.dir === "asc" ? "ascending" : "descending");
      else h.removeAttribute("aria-sort");
    });

    ctl.label.textContent = "Page " + st.page + " of " + st.pageCount;
    ctl.back.disabled = st.page === 1;
    ctl.fwd.disabled = st.page === st.pageCount;
    ctl.count.textContent = all.length + " matching orders";
  }

  function refilter() {
    st.filter = { status: ctl.state.value, from: ctl.start.value, to: ctl.end.value, search: ctl.query.value };
    st.page = 1;
    ctl.note.textContent = "";
    paint();
  }
  ctl.query.addEventListener("input", refilter);
  ctl.query.addEventListener("search", refilter);
  [ctl.state, ctl.start, ctl.end].forEach(function (c) {
    c.addEventListener("input", refilter);
    c.addEventListener("change", refilter);
  });
  ctl.reset.addEventListener("click", function () {
    ctl.query.value = ""; ctl.state.value = "All"; ctl.start.value = ""; ctl.end.value = "";
    refilter();
  });

  Array.prototype.forEach.call(document.querySelectorAll(".ov2-hcell[data-key] button"), function (b) {
    b.addEventListener("click", function () {
      var key = b.parentNode.getAttribute("data-key");
      st.sort = key === st.sort.column
        ? { column: key, dir: st.sort.dir === "asc" ? "desc" : "asc" }
        : { column: key, dir: "asc" };
      st.page = 1;
      paint();
    });
  });
  ctl.back.addEventListener("click", function () { st.page -= 1; paint(); });
  ctl.fwd.addEventListener("click", function () { st.page += 1; paint(); });

  ctl.download.addEventListener("click", function () {
    var all = matching();
    VAOrders.downloadCsv(all, "orders.csv");
    st.exported = { count: all.length, ids: all.map(function (o) { return o.id; }) };
    ctl.note.textContent = "Exported " + all.length + " orders to orders.csv";
  });

  /* ---- details drawer ---- */
  function selected() {
    return data.filter(function (o) { return o.id === st.modalOrderId; })[0] || null;
  }
  function paintDrawer() {
    ctl.drawer.hidden = !st.modalOpen;
    var o = selected();
    if (!o) return;
    ctl.dTitle.textContent = "Order " + o.id;
    ctl.facts.textContent = "";
    [["Order ID", o.id], ["Customer", o.customer], ["Date", o.date], ["Status", o.status],
     ["Amount", VAOrders.formatAmount(o.amount)]].forEach(function (p) {
      var tr = document.createElement("tr");
      var th = document.createElement("th"); th.scope = "row"; th.textContent = p[0];
      var td = document.createElement("td"); td.textContent = p[1];
      tr.appendChild(th); tr.appendChild(td); ctl.facts.appendChild(tr);
    });
    ctl.form.hidden = !st.editing;
    ctl.modify.hidden = st.editing;
    ctl.dismiss.hidden = st.editing;
    ctl.commit.hidden = !st.editing;
    ctl.abort.hidden = !st.editing;
  }
  function openDrawer(id) {
    st.modalOrderId = id; st.modalOpen = true; st.editing = false;
    ctl.ok.hidden = true; ctl.invalid.hidden = true;
    paintDrawer();
  }
  ctl.modify.addEventListener("click", function () {
    var o = selected(); if (!o) return;
    st.editing = true;
    ctl.dState.value = o.status;
    ctl.dTotal.value = o.amount.toFixed(2);
    ctl.ok.hidden = true; ctl.invalid.hidden = true;
    paintDrawer();
    ctl.dState.focus();
  });
  ctl.abort.addEventListener("click", function () { st.editing = false; ctl.invalid.hidden = true; paintDrawer(); });
  ctl.commit.addEventListener("click", function () {
    var o = selected(); if (!o) return;
    var value = Number(ctl.dTotal.value);
    if (ctl.dTotal.value.trim() === "" || !isFinite(value) || value < 0) { ctl.invalid.hidden = false; return; }
    o.status = ctl.dState.value;
    o.amount = Math.round(value * 100) / 100;
    st.lastSaved = { id: o.id, status: o.status, amount: o.amount };
    st.editing = false;
    ctl.invalid.hidden = true; ctl.ok.hidden = false;
    paintDrawer();
    paint();
  });
  ctl.dismiss.addEventListener("click", function () { st.modalOpen = false; st.editing = false; paintDrawer(); });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !st.modalOpen) return;
    if (st.editing) st.editing = false; else st.modalOpen = false;
    paintDrawer();
  });

  paint();
})();

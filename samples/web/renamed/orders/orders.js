/* Orders admin (v1). State contract: window.__state, full data: window.__orders. */
(function () {
  "use strict";
  if (VAOrders.enforceLogin()) return;

  var PAGE_SIZE = 10;
  var orders = VAOrders.generate();
  window.__orders = orders;

  var state = {
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
  window.__state = state;

  function $(id) { return document.getElementById(id); }
  var el = {
    status: $("filter-by-status"), from: $("date-from"), to: $("date-to"), search: $("search"),
    clear: $("clear-filters"), body: $("orders-body"), summary: $("summary"),
    prev: $("prev-page"), next: $("next-page"), pageInfo: $("page-info"), exportBtn: $("download-csv"),
    backdrop: $("modal-backdrop"), title: $("modal-title"), view: $("modal-view"), edit: $("modal-edit"),
    editStatus: $("edit-status"), editAmount: $("edit-amount"), editError: $("edit-error"),
    message: $("modal-message"), editBtn: $("edit-btn"), saveBtn: $("save-btn"),
    cancelBtn: $("cancel-btn"), closeBtn: $("close-btn")
  };
  var exportNote = "";

  function filtered() { return VAOrders.query(orders, state.filter, state.sort); }

  function render() {
    var rows = filtered();
    state.filteredCount = rows.length;
    state.pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
    if (state.page > state.pageCount) state.page = state.pageCount;
    if (state.page < 1) state.page = 1;
    var start = (state.page - 1) * PAGE_SIZE;
    var pageRows = rows.slice(start, start + PAGE_SIZE);
    state.visibleIds = pageRows.map(function (o) { return o.id; });

    el.body.textContent = "";
    if (pageRows.length === 0) {
      var tr = document.createElement("tr");
      var td = document.createElement("td");
      td.colSpan = 6; td.className = "empty"; td.textContent = "No orders match the filters.";
      tr.appendChild(td); el.body.appendChild(tr);
    }
    pageRows.forEach(function (o) {
      var tr = document.createElement("tr");
      tr.setAttribute("data-id", o.id);
      function cell(text, cls) {
        var td = document.createElement("td");
        if (cls) td.className = cls;
        td.textContent = text; tr.appendChild(td); return td;
      }
      cell(o.id); cell(o.customer); cell(o.date);
      var st = cell(""); var badge = document.createElement("span");
      badge.className = "badge " + o.status; badge.textContent = o.status; st.appendChild(badge);
      cell(VAOrders.formatAmount(o.amount), "num");
      var act = cell("", "actions");
      var b = document.createElement("button");
      b.type = "button"; b.textContent = "View"; b.className = "secondary view-btn";
      b.addEventListener("click", function () { openModal(o.id); });
      act.appendChild(b);
      el.body.appendChild(tr);
    });

    document.querySelectorAll("#orders-table th[data-col]").forEach(function (th) {
      var col = th.getAttribute("data-col");
      var btn = th.querySelector("button");
      var base = btn.getAttribute("data-label") || btn.textContent;
      btn.setAttribute("data-label", base);
      if (col === state.sort.column) {
        th.setAttribute("aria-sort", state.sort.dir === "asc" ? "ascending" : "descending");
        btn.textContent = base + (state.sort.dir === "asc" ? " \u25B2" : " \u25BC");
      } else {
        th.removeAttribute("aria-sort");
        btn.textContent = base;
      }
    });

    el.pageInfo.textContent = "Page " + state.page + " of " + state.pageCount;
    el.prev.disabled = state.page <= 1;
    el.next.disabled = state.page >= state.pageCount;
    el.summary.textContent = "Showing " + pageRows.length + " of " + rows.length + " orders" +
      (exportNote ? ". " + exportNote : "");
  }

  function setFilter() {
    state.filter = {
      status: el.status.value,
      from: el.from.value,
      to: el.to.value,
      search: el.search.value
    };
    state.page = 1;
    exportNote = "";
    render();
  }
  [el.status, el.from, el.to].forEach(function (c) {
    c.addEventListener("change", setFilter);
    c.addEventListener("input", setFilter);
  });
  el.search.addEventListener("input", setFilter);
  el.search.addEventListener("search", setFilter);
  el.clear.addEventListener("click", function () {
    el.status.value = "All"; el.from.value = ""; el.to.value = ""; el.search.value = "";
    setFilter();
  });

  document.querySelectorAll("#orders-table th[data-col] button").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var col = btn.parentNode.getAttribute("data-col");
      if (state.sort.column === col) state.sort = { column: col, dir: state.sort.dir === "asc" ? "desc" : "asc" };
      else state.sort = { column: col, dir: "asc" };
      state.page = 1;
      render();
    });
  });

  el.prev.addEventListener("click", function () { state.page--; render(); });
  el.next.addEventListener("click", function () { state.page++; render(); });

  el.exportBtn.addEventListener("click", function () {
    var rows = filtered();
    VAOrders.downloadCsv(rows, "orders.csv");
    state.exported = { count: rows.length, ids: rows.map(function (o) { return o.id; }) };
    exportNote = "Exported " + rows.length + " orders to orders.csv";
    render();
  });

  /* ---- detail modal ---- */
  function current() {
    for (var i = 0; i < orders.length; i++) if (orders[i].id === state.modalOrderId) return orders[i];
    return null;
  }
  function renderModal() {
    var o = current();
    el.backdrop.hidden = !state.modalOpen;
    if (!o) return;
    el.title.textContent = "Order " + o.id;
    el.view.textContent = "";
    [["Order ID", o.id], ["Customer", o.customer], ["Date", o.date], ["Status", o.status],
     ["Amount", VAOrders.formatAmount(o.amount)]].forEach(function (p) {
      var dt = document.createElement("dt"); dt.textContent = p[0];
      var dd = document.createElement("dd"); dd.textContent = p[1];
      el.view.appendChild(dt); el.view.appendChild(dd);
    });
    el.edit.hidden = !state.editing;
    el.editBtn.hidden = state.editing;
    el.closeBtn.hidden = state.editing;
    el.saveBtn.hidden = !state.editing;
    el.cancelBtn.hidden = !state.editing;
  }
  function openModal(id) {
    state.modalOrderId = id; state.modalOpen = true; state.editing = false;
    el.message.hidden = true; el.editError.hidden = true;
    renderModal();
    el.editBtn.focus();
  }
  function closeModal() {
    state.modalOpen = false; state.editing = false;
    renderModal();
  }
  el.editBtn.addEventListener("click", function () {
    var o = current(); if (!o) return;
    state.editing = true;
    el.editStatus.value = o.status;
    el.editAmount.value = o.amount.toFixed(2);
    el.message.hidden = true; el.editError.hidden = true;
    renderModal();
    el.editStatus.focus();
  });
  el.cancelBtn.addEventListener("click", function () {
    state.editing = false; el.editError.hidden = true; renderModal();
  });
  el.saveBtn.addEventListener("click", function () {
    var o = current(); if (!o) return;
    var amount = parseFloat(el.editAmount.value);
    if (!isFinite(amount) || amount < 0) { el.editError.hidden = false; return; }
    o.status = el.editStatus.value;
    o.amount = Math.round(amount * 100) / 100;
    state.lastSaved = { id: o.id, status: o.status, amount: o.amount };
    state.editing = false;
    el.editError.hidden = true;
    el.message.hidden = false;
    renderModal();
    render();
  });
  el.closeBtn.addEventListener("click", closeModal);
  el.backdrop.addEventListener("click", function (e) { if (e.target === el.backdrop && !state.editing) closeModal(); });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && state.modalOpen) {
      if (state.editing) { state.editing = false; renderModal(); } else closeModal();
    }
  });

  render();
})();

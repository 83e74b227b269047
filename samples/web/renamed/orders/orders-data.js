/* Deterministic order data shared by orders/ and orders-v2/.
   Same seed => same 60 orders (ORD-1001..ORD-1060) on every load and in every browser. */
(function (global) {
  "use strict";

  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  var FIRST = ["Alice", "Bruno", "Chen", "Dana", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas",
               "Kira", "Liam", "Maya", "Nikolai", "Olga", "Pablo", "Quinn", "Rosa", "Sami", "Tara"];
  var LAST = ["Anderson", "Becker", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ivanova", "Jensen",
              "Kowalski", "Lopez", "Moreau", "Novak", "Okafor", "Petrov", "Rossi", "Schmidt", "Tanaka", "Weber"];
  var STATUSES = ["Pending", "Shipped", "Delivered", "Cancelled"];
  var DAY_MS = 86400000;
  var START = Date.UTC(2026, 0, 1);

  function generate() {
    var rnd = mulberry32(20260115);
    function pick(list) { return list[Math.floor(rnd() * list.length)]; }
    var orders = [];
    for (var i = 0; i < 60; i++) {
      var customer = pick(FIRST) + " " + pick(LAST);
      var date = new Date(START + Math.floor(rnd() * 181) * DAY_MS).toISOString().slice(0, 10);
      var amount = Math.round((15 + rnd() * 2485) * 100) / 100;
      var status = pick(STATUSES);
      orders.push({ id: "ORD-" + (1001 + i), customer: customer, date: date, status: status, amount: amount });
    }
    return orders;
  }

  function formatAmount(n) {
    return "$" + n.toFixed(2).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function csvField(v) {
    var s = String(v);
    return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }

  function toCsv(rows) {
    var lines = ["id,customer,date,status,amount"];
    rows.forEach(function (o) {
      lines.push([o.id, o.customer, o.date, o.status, o.amount.toFixed(2)].map(csvField).join(","));
    });
    return lines.join("\n") + "\n";
  }

  function downloadCsv(rows, filename) {
    var blob = new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = filename || "orders.csv";
    a.style.display = "none";
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  }

  /* Filter + sort shared by both variants. f = {status, from, to, search}, s = {column, dir}. */
  function query(orders, f, s) {
    var needle = (f.search || "").trim().toLowerCase();
    var rows = orders.filter(function (o) {
      if (f.status && f.status !== "All" && o.status !== f.status) return false;
      if (f.from && o.date < f.from) return false;
      if (f.to && o.date > f.to) return false;
      if (needle && o.id.toLowerCase().indexOf(needle) < 0 && o.customer.toLowerCase().indexOf(needle) < 0) return false;
      return true;
    });
    var col = s.column || "id";
    var sign = s.dir === "desc" ? -1 : 1;
    rows.sort(function (a, b) {
      var x = a[col], y = b[col], c;
      if (typeof x === "number") c = x - y;
      else c = x < y ? -1 : x > y ? 1 : 0;
      if (c === 0) c = a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
      return c * sign;
    });
    return rows;
  }

  /* ?requireLogin=1 sends the visitor to the login page unless this tab already logged in. */
  function enforceLogin() {
    var params = new URLSearchParams(location.search);
    if (params.get("requireLogin") !== "1") return false;
    if (sessionStorage.getItem("va_session")) return false;
    location.replace("../login/?next=" + encodeURIComponent(location.pathname + location.search));
    return true;
  }

  global.VAOrders = {
    STATUSES: STATUSES,
    generate: generate,
    formatAmount: formatAmount,
    toCsv: toCsv,
    downloadCsv: downloadCsv,
    query: query,
    enforceLogin: enforceLogin
  };
})(window);

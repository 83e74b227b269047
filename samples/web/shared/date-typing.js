/* Makes typing into <input type="date"> independent of which segment (month/day/year) has the
   caret. Chromium's date fields put the caret in the segment under the mouse, so an agent that
   clicks the middle of the field and types "03/01/2026" would otherwise fill the year segment
   first. Typed digits and separators are collected here; once they form a full date as
   MM/DD/YYYY or YYYY-MM-DD the value is set and input/change events are fired.
   The picker, arrow keys and programmatic .value / fill() keep working as usual. */
(function () {
  "use strict";
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function parse(text) {
    var m = /^(\d{1,2})[\/.\-](\d{1,2})[\/.\-](\d{4})$/.exec(text), y, mo, d;
    if (m) { mo = +m[1]; d = +m[2]; y = +m[3]; }
    else {
      m = /^(\d{4})[\/.\-](\d{1,2})[\/.\-](\d{1,2})$/.exec(text) || /^(\d{2})(\d{2})(\d{4})$/.exec(text);
      if (!m) return null;
      if (m[1].length === 4) { y = +m[1]; mo = +m[2]; d = +m[3]; } else { mo = +m[1]; d = +m[2]; y = +m[3]; }
    }
    if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
    var dt = new Date(Date.UTC(y, mo - 1, d));
    if (dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
    return y + "-" + pad(mo) + "-" + pad(d);
  }
  function attach(input) {
    if (input.__dateTyping) return;
    input.__dateTyping = true;
    var buf = "";
    input.addEventListener("focus", function () { buf = ""; });
    input.addEventListener("blur", function () { buf = ""; });
    input.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "Backspace" || e.key === "Delete" || e.key === "Escape") { buf = ""; return; }
      if (e.key.length !== 1 || !/[0-9\/.\-]/.test(e.key)) return;
      e.preventDefault();
      buf = (buf + e.key).slice(-10);
      var iso = parse(buf);
      if (iso && iso !== input.value) {
        input.value = iso;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }
  function attachAll() {
    Array.prototype.forEach.call(document.querySelectorAll('input[type="date"]'), attach);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", attachAll);
  else attachAll();
})();

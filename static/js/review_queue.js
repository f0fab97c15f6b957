// The review queue's bulk actions: a running count of the selected rows and a confirmation naming how many before
// anything is sent. Without this script the server asks on a page of its own (the form posts without "confirmed").
(function () {
  "use strict";
  var form = document.getElementById("bulk-form");
  if (!form) return;
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[name=events]"));
  var all = document.getElementById("bulk-all");
  var shown = document.getElementById("bulk-selected");
  var panel = document.getElementById("bulk-confirm");
  var text = document.getElementById("bulk-confirm-text");
  var confirmed = document.getElementById("bulk-confirmed");
  var pending = null;

  function selected() {
    return boxes.filter(function (box) { return box.checked; }).length;
  }
  function plural(n) {
    return n + " event" + (n === 1 ? "" : "s");
  }
  function update() {
    var n = selected();
    shown.textContent = n ? plural(n) + " selected" : "Select rows to act on several events at once.";
    if (all) all.checked = n > 0 && n === boxes.length;
  }
  boxes.forEach(function (box) { box.addEventListener("change", update); });
  if (all) {
    all.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = all.checked; });
      update();
    });
  }
  form.addEventListener("submit", function (event) {
    if (confirmed.value === "1") return;
    event.preventDefault();
    var n = selected();
    if (!n) {
      shown.textContent = "Select at least one event first.";
      return;
    }
    pending = event.submitter;
    text.textContent = (pending.getAttribute("data-bulk-label") || pending.textContent) + " " + plural(n) + "?";
    panel.hidden = false;
    document.getElementById("bulk-confirm-yes").focus();
  });
  document.getElementById("bulk-confirm-yes").addEventListener("click", function () {
    confirmed.value = "1";
    panel.hidden = true;
    form.requestSubmit(pending);
  });
  document.getElementById("bulk-confirm-no").addEventListener("click", function () {
    panel.hidden = true;
    pending = null;
  });
  update();
})();

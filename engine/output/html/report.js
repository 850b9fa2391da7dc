// annexa HTML report: open the control a link or the heat map points at,
// and open every section for printing. Nothing is loaded from anywhere.
(function () {
  "use strict";
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) {
      return;
    }
    var el = document.getElementById(id);
    if (el && el.tagName === "DETAILS") {
      el.open = true;
    }
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = [];
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      closed.push(d);
      d.open = true;
    });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) {
      d.open = false;
    });
    closed = [];
  });
})();

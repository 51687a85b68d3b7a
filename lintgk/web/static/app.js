// lintgk serve: optional comforts. Without JavaScript the form posts and the links scroll all the same.
(function () {
  "use strict";
  var drop = document.getElementById("drop");
  var input = document.getElementById("report");
  var form = document.getElementById("upload");
  if (drop && input && form) {
    ["dragenter", "dragover"].forEach(function (kind) {
      drop.addEventListener(kind, function (e) { e.preventDefault(); drop.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (kind) {
      drop.addEventListener(kind, function (e) { e.preventDefault(); drop.classList.remove("over"); });
    });
    drop.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        form.submit();
      }
    });
  }
  // a click on a finding scrolls its place into the middle of the page and flashes it
  document.addEventListener("click", function (e) {
    var link = e.target.closest ? e.target.closest("a[data-finding]") : null;
    if (!link) { return; }
    var id = link.getAttribute("data-finding");
    var anchor = document.getElementById("f" + id);
    if (!anchor) { return; }
    e.preventDefault();
    history.replaceState(null, "", "#f" + id);
    anchor.scrollIntoView({ block: "center" });
    document.querySelectorAll("mark.flash").forEach(function (m) { m.classList.remove("flash"); });
    document.querySelectorAll("mark[data-findings]").forEach(function (m) {
      if ((" " + m.getAttribute("data-findings") + " ").indexOf(" " + id + " ") >= 0) { m.classList.add("flash"); }
    });
  });
})();

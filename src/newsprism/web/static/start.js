// Drag and drop onto the file picker, and a list of the chosen files.
// Progressive enhancement only: the form works the same without this file.
(function () {
  "use strict";
  var zone = document.getElementById("drop");
  var input = document.getElementById("files");
  var list = document.getElementById("chosen");
  if (!zone || !input || !list) { return; }

  function show() {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    for (var i = 0; i < input.files.length; i++) {
      var item = document.createElement("li");
      item.textContent = input.files[i].name;  // textContent: a file name is never markup
      list.appendChild(item);
    }
  }

  function stop(event) { event.preventDefault(); event.stopPropagation(); }

  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { stop(event); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function (event) { stop(event); zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
    }
  });
  input.addEventListener("change", show);
  show();
})();

// Enhancements for the listing form; everything works without this file.
(function () {
  "use strict";

  // Headline: show how many characters are left (the input's maxlength already stops at the limit).
  var headline = document.getElementById("id_headline");
  if (headline && headline.maxLength > 0) {
    var note = document.createElement("p");
    note.className = "help";
    headline.insertAdjacentElement("afterend", note);
    var update = function () {
      var left = headline.maxLength - headline.value.length;
      note.textContent = left + (left === 1 ? " character" : " characters") + " left";
    };
    headline.addEventListener("input", update);
    update();
  }
})();

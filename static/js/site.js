// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Quick exit: replace this page in the history so "Back" does not return here.
  function leave(href) {
    document.body.style.visibility = "hidden";
    // Leave nothing behind on this device: the saved shortlist (shortlist.js) goes too.
    try {
      window.localStorage.removeItem("shortlist");
    } catch (error) {
      // Storage is off or blocked: then nothing was kept.
    }
    window.location.replace(href);
  }

  var exitLink = document.querySelector("[data-quick-exit]");
  if (exitLink) {
    exitLink.addEventListener("click", function (event) {
      event.preventDefault();
      leave(exitLink.href);
    });
    // Pressing Escape twice within a second also leaves; only now that it works does the link say so. A held key
    // (repeats) or an Escape a page or input method already used (closing a menu, an IME) does not count.
    var lastEscape = 0;
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || event.repeat || event.isComposing || event.defaultPrevented) return;
      var now = Date.now();
      if (now - lastEscape < 1000) leave(exitLink.href);
      lastEscape = now;
    });
    var shortcut = exitLink.getAttribute("data-shortcut");
    if (shortcut) {
      exitLink.title = (exitLink.title + " " + shortcut).trim();
      var hint = document.createElement("span");
      hint.className = "visually-hidden";
      hint.id = "quick-exit-shortcut";
      hint.textContent = shortcut;
      exitLink.insertAdjacentElement("afterend", hint);
      exitLink.setAttribute("aria-describedby", hint.id);
    }
  }
})();

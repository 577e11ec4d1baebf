// The shortlist: providers a family saves, kept in this browser only (localStorage under "shortlist"; no account,
// no cookie, nothing sent to the server except as the saved page's address when they open it). The quick exit in
// site.js clears it. Without this file the Save buttons stay hidden and every page works as before.
(function () {
  "use strict";

  var KEY = "shortlist"; // site.js removes the same key on a quick exit
  var MAX = 8; // directory.shortlist.MAX_SAVED: as many as the saved page compares side by side
  var SLUG = /^[-a-zA-Z0-9_]{1,140}$/;

  function openStorage() {
    try {
      var storage = window.localStorage;
      storage.setItem(KEY + "-probe", "1");
      storage.removeItem(KEY + "-probe");
      return storage;
    } catch (error) {
      return null; // storage off or full: offer no Save button rather than one that forgets
    }
  }

  var storage = openStorage();
  if (!storage || !window.JSON || !Element.prototype.closest) return;

  function read() {
    var list;
    try {
      list = JSON.parse(storage.getItem(KEY) || "[]");
    } catch (error) {
      list = [];
    }
    if (!Array.isArray(list)) return [];
    return list
      .filter(function (slug, index) {
        return typeof slug === "string" && SLUG.test(slug) && list.indexOf(slug) === index;
      })
      .slice(0, MAX);
  }

  function write(list) {
    try {
      if (list.length) storage.setItem(KEY, JSON.stringify(list));
      else storage.removeItem(KEY);
    } catch (error) {
      // Nothing more to do: the buttons below show what was really kept.
    }
    show();
  }

  var navItem = document.querySelector("[data-shortlist-nav]");
  var navLink = document.querySelector("[data-shortlist-link]");
  var navCount = document.querySelector("[data-shortlist-count]");
  var page = document.querySelector("[data-saved-page]");
  var savedPath = navLink ? navLink.getAttribute("href").split("?")[0] : "/saved/";

  function savedUrl(list) {
    return savedPath + (list.length ? "?p=" + list.map(encodeURIComponent).join(",") : "");
  }

  // One polite announcement region for every change (no role=status: pages keep their own status region).
  var announcer = document.createElement("p");
  announcer.className = "visually-hidden";
  announcer.setAttribute("aria-live", "polite");
  document.body.appendChild(announcer);

  function announce(text) {
    announcer.textContent = text;
  }

  // Words in the page's language (templates/includes/_shortlist_messages.html); English if the page has none.
  var ENGLISH = {
    save: "Save",
    saved: "Saved",
    added: "{name} is saved on this device.",
    removed: "{name} is no longer saved.",
    full: "Your list is full: it compares up to {max} providers. Remove someone to save {name}.",
    open: "Open your list",
    kept: "This list is now saved on this device.",
    "kept-full": "Your list was full, so not everyone could be added.",
    copied: "Link copied. Paste it into a message or a note.",
    "copy-by-hand": "The link is selected: press Ctrl+C (or \u2318C) to copy it.",
  };
  var messages = document.querySelector("template[data-shortlist-messages]");

  function say(key, name) {
    var found = messages && messages.content.querySelector("[data-message='" + key + "']");
    var text = found ? found.textContent.trim() : ENGLISH[key];
    return text.replace("{name}", name || "").replace("{max}", String(MAX));
  }

  function setText(element, text) {
    if (element && element.textContent !== text) element.textContent = text;
  }

  // Draws the buttons and the header link from what is stored now (also after another tab changed it).
  function show() {
    var list = read();
    document.querySelectorAll("[data-save]").forEach(function (button) {
      var saved = list.indexOf(button.getAttribute("data-save")) !== -1;
      button.hidden = false;
      button.setAttribute("aria-pressed", saved ? "true" : "false");
      setText(button.querySelector("[data-save-label]"), say(saved ? "saved" : "save"));
    });
    if (navItem && navLink) {
      navItem.hidden = list.length === 0;
      navLink.setAttribute("href", savedUrl(list));
      setText(navCount, String(list.length));
    }
    if (page) showPageActions(list);
  }

  function toggle(button) {
    var slug = button.getAttribute("data-save");
    var name = button.getAttribute("data-save-name") || "";
    var list = read();
    var at = list.indexOf(slug);
    if (at !== -1) {
      list.splice(at, 1);
      write(list);
      announce(say("removed", name));
      return;
    }
    if (list.length >= MAX) {
      announce(say("full", name));
      flagFull(button, name);
      return;
    }
    list.push(slug);
    write(list);
    announce(say("added", name));
  }

  // A visible note beside the button when the list is full, so nobody wonders why nothing happened.
  function flagFull(button, name) {
    var note = button.nextElementSibling;
    if (!note || !note.hasAttribute("data-save-full")) {
      note = document.createElement("span");
      note.className = "save-full";
      note.setAttribute("data-save-full", "");
      button.insertAdjacentElement("afterend", note);
    }
    note.textContent = say("full", name) + " ";
    var link = document.createElement("a");
    link.href = savedUrl(read());
    link.textContent = say("open");
    note.appendChild(link);
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-save]");
    if (button) {
      event.preventDefault();
      toggle(button);
      return;
    }
    var remove = event.target.closest("[data-shortlist-remove]");
    if (remove) {
      // The link itself opens the list without this provider; the device's list loses them too.
      var slug = remove.getAttribute("data-shortlist-remove");
      write(
        read().filter(function (saved) {
          return saved !== slug;
        })
      );
    }
  });

  // The saved page: keep a shared list, print, copy the link; an empty address opens this device's list.

  function pageSlugs(attribute) {
    var value = page.getAttribute(attribute) || "";
    return value ? value.split(",") : [];
  }

  function showPageActions(list) {
    var keep = page.querySelector("[data-shortlist-keep]");
    if (!keep) return;
    var shown = pageSlugs("data-saved-slugs");
    keep.hidden = shown.every(function (slug) {
      return list.indexOf(slug) !== -1;
    });
  }

  if (page) {
    var params = new URLSearchParams(window.location.search);
    var stored = read();
    if (!params.has("p") && stored.length) {
      window.location.replace(savedUrl(stored));
      return;
    }
    page.querySelectorAll("[data-shortlist-without-js]").forEach(function (note) {
      note.hidden = true;
    });
    // Listings that are no longer published leave this device's list too.
    var missing = pageSlugs("data-saved-missing");
    if (missing.length) {
      write(
        stored.filter(function (slug) {
          return missing.indexOf(slug) === -1;
        })
      );
    }

    var keep = page.querySelector("[data-shortlist-keep]");
    if (keep) {
      keep.addEventListener("click", function () {
        var list = read();
        var skipped = 0;
        pageSlugs("data-saved-slugs").forEach(function (slug) {
          if (list.indexOf(slug) !== -1) return;
          if (list.length < MAX) list.push(slug);
          else skipped += 1;
        });
        write(list);
        announce(say("kept") + (skipped ? " " + say("kept-full") : ""));
        if (navLink) navLink.focus(); // the button hides once the list is kept: focus moves to the list's link
      });
    }

    var printButton = page.querySelector("[data-shortlist-print]");
    if (printButton && window.print) {
      printButton.hidden = false;
      printButton.addEventListener("click", function () {
        window.print();
      });
    }

    var copyButton = page.querySelector("[data-shortlist-copy]");
    var copied = page.querySelector("[data-shortlist-copied]");
    var shareInput = document.getElementById("share-link");
    if (copyButton && shareInput) {
      copyButton.hidden = false;
      copyButton.addEventListener("click", function () {
        function done() {
          setText(copied, say("copied"));
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(shareInput.value).then(done, function () {
            shareInput.select();
            setText(copied, say("copy-by-hand"));
          });
        } else {
          shareInput.select();
          try {
            document.execCommand("copy");
            done();
          } catch (error) {
            setText(copied, say("copy-by-hand"));
          }
        }
      });
    }
  }

  show();

  // The search page swaps its results in place (search.js): draw the new cards' buttons too.
  if (window.MutationObserver) {
    var results = document.getElementById("search-results-body");
    if (results) {
      new MutationObserver(function () {
        show();
      }).observe(results, { childList: true });
    }
  }
  // Another tab saved or removed someone; or "Back" restored this page from the browser's cache.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) show();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) show();
  });
})();

// The desk's own behaviour, on top of htmx: the review queue's next/previous, evidence shown in
// place, the editor's text protected (autosave, a warning before leaving, Ctrl+S / Esc, a retry
// with a fresh CSRF token after a desk restart) and the approver's name kept in this browser.
// No inline script anywhere (the Content-Security-Policy forbids it); every string shown comes
// from the page (data-msg-* on <body>, rendered from the desk's string table).
(function () {
  "use strict";

  var WHO_KEY = "drafter:who";
  var pendingSelect = null; // {section, sentence} after a "Fix" click
  var current = 0; // 1-based place in the queue, 0: none yet

  function msg(name) {
    return document.body.getAttribute("data-msg-" + name) || "";
  }

  function store(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* storage off or full: the desk works without it */ }
  }

  function stored(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return null; }
  }

  // ---- the approver's name, typed once ----
  function fillNames(root) {
    var who = stored(WHO_KEY) || "";
    root.querySelectorAll("input.approver-name").forEach(function (input) {
      if (!input.value) input.value = who;
    });
  }

  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target.matches && target.matches("input.approver-name")) {
      store(WHO_KEY, target.value.trim());
      document.querySelectorAll("input.approver-name").forEach(function (other) {
        if (other !== target) other.value = target.value.trim();
      });
    }
    if (target.matches && target.matches("form.edit-form textarea")) {
      var form = target.form;
      var key = form.getAttribute("data-autosave");
      if (target.value === target.defaultValue) store(key, null);
      else store(key, JSON.stringify({ text: target.value, base: target.defaultValue }));
    }
  });

  // ---- autosave: a draft of an edit comes back when the editor opens it again ----
  function restoreDrafts(root) {
    var forms = root.matches && root.matches("form.edit-form") ? [root] : [];
    root.querySelectorAll && root.querySelectorAll("form.edit-form").forEach(function (f) {
      forms.push(f);
    });
    forms.forEach(function (form) {
      var area = form.querySelector("textarea");
      var saved = null;
      try { saved = JSON.parse(stored(form.getAttribute("data-autosave")) || "null"); } catch (e) {}
      if (!saved || typeof saved.text !== "string" || saved.text === area.value) return;
      area.value = saved.text;
      var status = form.querySelector(".edit-status");
      status.textContent = msg("restored") + " ";
      var discard = document.createElement("button");
      discard.type = "button";
      discard.className = "discard-btn";
      discard.textContent = msg("discard");
      discard.addEventListener("click", function () {
        area.value = area.defaultValue;
        store(form.getAttribute("data-autosave"), null);
        status.textContent = "";
      });
      status.appendChild(discard);
    });
  }

  function dirty() {
    var found = false;
    document.querySelectorAll("form.edit-form textarea").forEach(function (area) {
      if (area.value !== area.defaultValue) found = true;
    });
    return found;
  }

  window.addEventListener("beforeunload", function (event) {
    if (!dirty()) return;
    event.preventDefault();
    event.returnValue = msg("unsaved");
    return msg("unsaved");
  });

  // ---- keys: Ctrl+S saves, Esc cancels ----
  document.addEventListener("keydown", function (event) {
    var form = event.target.closest ? event.target.closest("form.edit-form") : null;
    if (!form && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      form = document.querySelector("form.edit-form");
    }
    if (!form) return;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === "Escape") {
      // The section as it is saved (the same request as Cancel, whether or not htmx has set
      // up the freshly swapped form yet).
      event.preventDefault();
      var section = form.closest("section.section");
      var cancel = form.querySelector(".cancel-btn");
      window.htmx.ajax("GET", cancel.getAttribute("hx-get"), {
        target: "#" + section.id,
        swap: "outerHTML",
      });
    }
  });

  // ---- a save that failed keeps the text and says so; a stale token is renewed once ----
  function setToken(token) {
    var headers = {};
    try { headers = JSON.parse(document.body.getAttribute("hx-headers") || "{}"); } catch (e) {}
    headers["X-CSRF-Token"] = token;
    document.body.setAttribute("hx-headers", JSON.stringify(headers));
    document.querySelectorAll("input[name=csrf]").forEach(function (input) { input.value = token; });
  }

  function say(elt, text) {
    var section = elt.closest ? elt.closest("section.section") : null;
    var place = section && section.querySelector(".edit-status");
    if (!place && section) {
      place = document.createElement("p");
      place.className = "error";
      place.setAttribute("role", "alert");
      section.insertBefore(place, section.querySelector(".content, form"));
    }
    if (place) {
      place.textContent = text;
      place.classList.add("error");
    }
  }

  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var elt = event.detail.elt;
    var fresh = xhr.status === 403 ? xhr.getResponseHeader("X-CSRF-Token") : null;
    if (fresh && elt.getAttribute("data-retried") !== "1") {
      setToken(fresh);
      elt.setAttribute("data-retried", "1");
      if (elt.tagName === "FORM") elt.requestSubmit();
      else window.htmx.trigger(elt, "click");
      return;
    }
    say(elt, xhr.status === 403 ? msg("stale") : msg("failed"));
  });

  document.addEventListener("htmx:sendError", function (event) {
    say(event.detail.elt, msg("failed"));
  });

  // A successful answer is about to replace the form (so later events would not reach the
  // document): the autosave of a saved edit goes now.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var config = event.detail.requestConfig || {};
    var elt = config.elt || event.detail.elt;
    if (!elt || !elt.matches || event.detail.xhr.status >= 400) return;
    elt.removeAttribute("data-retried");
    if (elt.matches("form.edit-form") && config.verb === "post") {
      store(elt.getAttribute("data-autosave"), null);
    }
  });

  // ---- the review queue: next / previous, and "Fix" opening the sentence in the editor ----
  function queueItems() {
    return Array.prototype.slice.call(document.querySelectorAll("#queue .queue-items .q-item"));
  }

  function go(step) {
    var items = queueItems();
    if (!items.length) return;
    current = ((current - 1 + step + items.length) % items.length) + 1;
    if (current < 1) current = 1;
    var item = items[current - 1];
    items.forEach(function (other) { other.classList.remove("current"); });
    item.classList.add("current");
    var list = item.parentElement;
    list.scrollTop = item.offsetTop - list.offsetTop - 8;
    var pos = document.querySelector("#queue .q-pos");
    if (pos) pos.textContent = current + "/" + items.length;
    document.querySelectorAll(".current-flag").forEach(function (el) {
      el.classList.remove("current-flag");
    });
    var target = document.getElementById("flag-" + item.getAttribute("data-flag")) ||
      document.getElementById("sec-" + item.getAttribute("data-section"));
    if (target) {
      target.classList.add("current-flag");
      target.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) return;
    if (target.closest(".q-next")) { go(1); return; }
    if (target.closest(".q-prev")) { go(-1); return; }
    var fix = target.closest(".fix-btn");
    if (fix) {
      pendingSelect = {
        section: fix.getAttribute("data-section"),
        sentence: fix.getAttribute("data-sentence"),
      };
      var item = fix.closest(".q-item");
      if (item) current = queueItems().indexOf(item) + 1;
      return;
    }
    var link = target.closest("a.ev");
    if (link) { showEvidence(event, link); return; }
    var close = target.closest(".ev-close");
    if (close) { close.closest(".ev-pop").remove(); }
  });

  function selectPending(root) {
    if (!pendingSelect) return;
    var section = document.getElementById("sec-" + pendingSelect.section);
    var area = section && section.querySelector("form.edit-form textarea");
    if (!area) return;
    var at = area.value.indexOf(pendingSelect.sentence);
    area.focus({ preventScroll: true });
    if (at >= 0) area.setSelectionRange(at, at + pendingSelect.sentence.length);
    section.scrollIntoView({ block: "start" });
    pendingSelect = null;
  }

  // ---- evidence: the source sentence shown where the editor is reading ----
  function showEvidence(event, link) {
    event.preventDefault();
    var id = (link.getAttribute("href") || "").slice(1);
    var source = id ? document.getElementById(id) : null;
    var holder = link.parentElement;
    var open = holder.querySelector(":scope > .ev-pop[data-for='" + CSS.escape(id) + "']");
    document.querySelectorAll(".src-sent.ev-on").forEach(function (el) {
      el.classList.remove("ev-on");
    });
    if (open) { open.remove(); return; }
    var pop = document.createElement("span");
    pop.className = "ev-pop";
    pop.setAttribute("role", "note");
    pop.setAttribute("data-for", id);
    var label = document.createElement("b");
    label.textContent = msg("evidence") + " " + id + " ";
    var text = document.createElement("span");
    text.className = "ev-text";
    var sid = source ? source.querySelector(".sid") : null;
    text.textContent = source
      ? source.textContent.slice(sid ? sid.textContent.length : 0).trim()
      : (link.getAttribute("data-text") || "");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "ev-close";
    button.textContent = msg("close");
    pop.appendChild(label);
    pop.appendChild(text);
    pop.appendChild(button);
    link.insertAdjacentElement("afterend", pop);
    if (source) {
      source.classList.add("ev-on");
      var box = source.closest(".source");
      if (box && box.scrollHeight > box.clientHeight) {
        box.scrollTop = source.offsetTop - box.clientHeight / 3;
      }
    }
  }

  // ---- re-check: say it is running ----
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.matches && form.matches("form.recheck-form")) {
      var busy = form.querySelector(".busy");
      if (busy) busy.hidden = false;
      window.setTimeout(function () { form.querySelector("button").disabled = true; }, 0);
    }
  });

  function setup(root) {
    fillNames(root);
    restoreDrafts(root);
    selectPending(root);
  }

  document.addEventListener("DOMContentLoaded", function () { setup(document); });
  document.addEventListener("htmx:load", function (event) { setup(event.detail.elt); });
})();

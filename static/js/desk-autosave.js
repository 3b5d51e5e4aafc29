/*
 * The article change form's autosave, unsaved-changes warning and presence
 * (templates/admin/articles/article/working_copy.html, articles/working_copies.py).
 *
 * Every few seconds the headline, dek and body, when changed, are posted as this editor's
 * working copy. A copy newer than the piece's last save is offered back (Restore puts it
 * in the form; nothing is saved until the editor saves). Leaving with unsaved changes asks
 * first, except after a submit. The page pings every 20 s so that others see who has the
 * piece open. Without this script the form works as before.
 *
 * On the form of a new piece (nothing saved yet, so nothing to attach a copy to) only the
 * unsaved-changes warning runs: the element carries no addresses. Once the piece is saved,
 * its change form autosaves.
 *
 * The body is a django-prose-editor (Tiptap): it copies its HTML into the textarea
 * named "body" and fires "input" on every change, so the body is read from the textarea;
 * restoring goes through the editor it announced with "prose-editor:ready".
 */
(function () {
  "use strict";

  var AUTOSAVE_EVERY = 5000;
  var PING_EVERY = 20000;
  var FIELDS = ["headline", "dek", "body"];
  var editors = new Map();

  document.addEventListener("prose-editor:ready", function (event) {
    editors.set(event.detail.textarea, event.detail.editor);
  });

  function start() {
    var desk = document.getElementById("desk-autosave");
    if (!desk) {
      return;
    }
    var form = desk.closest("form");
    var token = form.elements.csrfmiddlewaretoken.value;
    var dirty = false;
    var submitting = false;

    function values() {
      var data = {};
      FIELDS.forEach(function (name) {
        var field = form.elements[name];
        data[name] = field ? field.value : "";
      });
      return data;
    }

    function post(url, data) {
      var body = new FormData();
      Object.keys(data || {}).forEach(function (name) {
        body.append(name, data[name]);
      });
      return fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": token },
      });
    }

    // --- Unsaved changes ---------------------------------------------------------------
    form.addEventListener("input", function () {
      dirty = true;
    });
    form.addEventListener("change", function () {
      dirty = true;
    });
    form.addEventListener("submit", function () {
      submitting = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty && !submitting) {
        event.preventDefault();
        event.returnValue = "";
      }
    });

    if (!desk.dataset.autosaveUrl) {
      return; // a new piece: the warning only, until its first save
    }

    // --- Autosave ----------------------------------------------------------------------
    var kept = JSON.stringify(values());
    window.setInterval(function () {
      var now = values();
      var text = JSON.stringify(now);
      if (text === kept || submitting) {
        return;
      }
      post(desk.dataset.autosaveUrl, now).then(function (response) {
        if (response.ok) {
          kept = text;
        }
      });
    }, AUTOSAVE_EVERY);

    // --- The working copy offered back -------------------------------------------------
    var offer = desk.querySelector(".working-copy-offer");
    var data = document.getElementById("working-copy-data");
    if (offer && data) {
      var copy = JSON.parse(data.textContent);
      offer.hidden = false;
      offer.querySelector("[data-working-copy=restore]").addEventListener("click", function () {
        FIELDS.forEach(function (name) {
          var field = form.elements[name];
          if (!field) {
            return;
          }
          var editor = editors.get(field);
          if (editor) {
            editor.commands.setContent(copy[name], { emitUpdate: true });
          }
          field.value = copy[name];
          field.dispatchEvent(new Event("input", { bubbles: true }));
        });
        dirty = true;
        offer.remove();
      });
      offer.querySelector("[data-working-copy=discard]").addEventListener("click", function () {
        post(desk.dataset.discardUrl);
        offer.remove();
      });
    }

    // --- Presence ----------------------------------------------------------------------
    var notices = desk.querySelector(".desk-presence");
    function ping() {
      post(desk.dataset.presenceUrl)
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (answer) {
          if (!answer) {
            return;
          }
          notices.replaceChildren.apply(
            notices,
            answer.others.map(function (notice) {
              var line = document.createElement("p");
              line.className = "desk-presence__notice";
              line.textContent = notice;
              return line;
            })
          );
        });
    }
    window.setInterval(ping, Number(desk.dataset.pingEvery) || PING_EVERY);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

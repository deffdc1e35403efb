// The warning before the session ends (forms_app/session_timing.py). The page says in seconds
// when the session ends without another request (data-idle-seconds) and however active
// (data-absolute-seconds); data-warning-seconds before the earlier of the two the dialog opens.
// "Stay signed in" posts to data-keepalive-url, which restarts the idle time (never past the
// absolute end). Shortly before the end, if nobody reacted, the page is saved as a draft by the
// form's own "Save draft" submit, so the answers typed here are not lost.
(function () {
  "use strict";

  var dialog = document.querySelector("[data-session-warning]");
  var form = document.getElementById("wizard-form");
  if (!dialog || !form || typeof dialog.showModal !== "function") return;

  var data = dialog.dataset;
  var warningMs = Number(data.warningSeconds) * 1000;
  // Saved this long before the end: late enough to leave time to react, early enough for a
  // timer slowed down in a background tab (browsers run those about once a minute).
  var autosaveMs = Math.min(90000, warningMs / 3);
  var text = dialog.querySelector("[data-session-warning-text]");
  var stay = dialog.querySelector("[data-session-stay]");
  var save = dialog.querySelector("[data-session-save]");
  var close = dialog.querySelector("[data-session-close]");
  var status = document.querySelector("[data-session-status]");
  var idleEnd = 0;
  var absoluteEnd = Infinity;
  var shownFor = null; // the end the open (or dismissed) warning is about
  var saving = false;
  var ticker = null;
  var returnFocus = null;

  function setTiming(idleSeconds, absoluteSeconds) {
    var now = Date.now();
    idleEnd = now + Number(idleSeconds) * 1000;
    if (absoluteSeconds !== undefined && absoluteSeconds !== null && absoluteSeconds !== "") {
      absoluteEnd = now + Number(absoluteSeconds) * 1000;
    }
  }

  function end() {
    return Math.min(idleEnd, absoluteEnd);
  }

  function clock(time) {
    var lang = document.documentElement.lang || undefined;
    return new Date(time).toLocaleTimeString(lang, { hour: "2-digit", minute: "2-digit" });
  }

  function fill(template, time) {
    return template.replace("{time}", clock(time));
  }

  function open(message) {
    text.textContent = message;
    if (!dialog.open) {
      returnFocus = document.activeElement;
      dialog.showModal();
    }
    var first = stay && !stay.hidden ? stay : save;
    first.focus();
  }

  function dismiss() {
    if (dialog.open) dialog.close();
  }

  dialog.addEventListener("close", function () {
    if (returnFocus && typeof returnFocus.focus === "function") returnFocus.focus();
    returnFocus = null;
  });

  function warn() {
    var final = absoluteEnd <= idleEnd;
    if (stay) stay.hidden = final;
    open(fill(final ? data.absoluteText : data.idleText, end()));
  }

  function autosave() {
    saving = true;
    var label = form.querySelector("[name=draft_label]");
    if (label && !label.value.trim()) label.value = data.autosaveLabel;
    dismiss();
    form.requestSubmit(save);
  }

  function tick() {
    var left = end() - Date.now();
    if (left <= 0) {
      window.clearInterval(ticker);
      if (stay) stay.hidden = true;
      save.hidden = true;
      open(data.endedText);
    } else if (left <= autosaveMs && !saving) {
      autosave();
    } else if (left <= warningMs && shownFor !== end()) {
      shownFor = end();
      warn();
    }
  }

  function keepAlive() {
    var token = form.querySelector("[name=csrfmiddlewaretoken]");
    stay.disabled = true;
    window
      .fetch(data.keepaliveUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": token ? token.value : "", Accept: "application/json" },
      })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.json();
      })
      .then(function (timing) {
        setTiming(timing.idle_seconds, timing.absolute_seconds);
        shownFor = null;
        dismiss();
        status.textContent = fill(data.stayedText, end());
      })
      .catch(function () {
        stay.hidden = true;
        open(data.failedText);
      })
      .finally(function () {
        stay.disabled = false;
      });
  }

  if (stay) stay.addEventListener("click", keepAlive);
  close.addEventListener("click", dismiss);
  form.addEventListener("submit", function () {
    saving = true; // the page is being sent: no draft over it
  });

  setTiming(data.idleSeconds, data.absoluteSeconds);
  ticker = window.setInterval(tick, 1000);
  document.addEventListener("visibilitychange", tick);
})();

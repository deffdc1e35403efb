// The form builder in Wagtail's page editor (the steps StreamField of a wizard form page).
//
// - A step's or field's key, and a choice's stored value, fill themselves from the title or
//   label as it is typed (the same rules as forms_app/keys.py), unique within their scope; typing
//   into the key yourself stops that. Keys that already hold answers, and the stored values of
//   their options, are read-only with a note saying why (the server refuses a change too).
// - Deleting a field (or a step) whose fields hold answers asks first, naming the fields and
//   their answer counts.
// - A condition picks its field from a list of the fields before it (by label) and its answer
//   from that field's options (a list for choices and yes/no, a date or number input), and is
//   marked and opened while it is faulty. The server checks the same on save.
//
// Wagtail renders StreamField blocks in the browser (telepath) and adds them at any time, so
// everything works from the inputs' names (steps-0-value-fields-2-value-label ...) and is
// re-applied whenever the steps' DOM changes.
(function () {
  "use strict";

  var FIELD_KEY = /^steps-\d+-value-fields-\d+-value-key$/;
  var STEP_KEY = /^steps-\d+-value-key$/;
  var OPTION_VALUE = /^(steps-\d+-value-fields-\d+)-value-choices-\d+-value-value$/;
  var CHOICE_TYPES = ["single_choice", "multiple_choice"];
  var SPELLED = { "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss" };

  function keyFromLabel(label, taken, fallback) {
    var text = (label || "").toLowerCase().replace(/[äöüß]/g, function (c) { return SPELLED[c]; });
    text = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
    var base = text.replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
    if (!base || !/^[a-z]/.test(base)) base = (fallback + "_" + base).replace(/_+$/, "");
    base = base.slice(0, 46).replace(/_+$/, "");
    var key = base, number = 1;
    while (taken.indexOf(key) !== -1) { number += 1; key = base + "_" + number; }
    return key;
  }

  function escapeRegExp(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function Builder(root) {
    this.root = root;
    this.counts = JSON.parse(root.dataset.answerCounts || "{}");
    this.fixedValues = JSON.parse(root.dataset.fixedValues || "{}");
    this.text = root.dataset;
    this.scheduled = false;
    this.openedErrors = false;
    var self = this;
    root.addEventListener("focusin", function (event) { self.focused(event.target); });
    root.addEventListener("input", function (event) { self.typed(event.target); self.schedule(); });
    root.addEventListener("change", function () { self.schedule(); });
    // capturing, so it runs before Wagtail's own handler on the delete button
    root.addEventListener("click", function (event) { self.deleting(event); }, true);
    new MutationObserver(function () { self.schedule(); }).observe(root, { childList: true, subtree: true });
    this.schedule();
  }

  Builder.prototype.byName = function (name) {
    return this.root.querySelector('[name="' + name + '"]');
  };

  // A block is gone once Wagtail marked it deleted (its "-deleted" input says 1).
  Builder.prototype.isLive = function (name) {
    var parts = name.split("-"), prefix = "";
    for (var i = 0; i < parts.length; i++) {
      prefix = prefix ? prefix + "-" + parts[i] : parts[i];
      if (/^\d+$/.test(parts[i])) {
        var deleted = this.byName(prefix + "-deleted");
        if (deleted && deleted.value === "1") return false;
      }
    }
    return true;
  };

  Builder.prototype.inputs = function (pattern) {
    var self = this;
    return Array.prototype.filter.call(this.root.querySelectorAll("input[name]"), function (input) {
      return pattern.test(input.name) && self.isLive(input.name);
    });
  };

  // The key input a title or label fills, and the inputs whose values it must differ from.
  Builder.prototype.target = function (input) {
    var name = input.name || "", match;
    if ((match = /^(.*-value-choices-\d+-value-)label$/.exec(name))) {
      return { key: this.byName(match[1] + "value"), fallback: "option" };
    }
    if ((match = /^(steps-\d+-value-)title$/.exec(name))) {
      return { key: this.byName(match[1] + "key"), fallback: "step" };
    }
    if ((match = /^(.*-value-)label$/.exec(name)) && this.byName(match[1] + "key")) {
      return { key: this.byName(match[1] + "key"), fallback: "field" };
    }
    return null;
  };

  Builder.prototype.scope = function (keyInput) {
    var name = keyInput.name, pattern;
    if (FIELD_KEY.test(name)) pattern = FIELD_KEY;
    else if (STEP_KEY.test(name)) pattern = STEP_KEY;
    else pattern = new RegExp("^" + escapeRegExp(name).replace(/-\d+-(?!.*-\d+-)/, "-\\d+-") + "$");
    var taken = this.inputs(pattern).filter(function (other) { return other !== keyInput; })
      .map(function (other) { return other.value; });
    if (pattern === FIELD_KEY) taken = taken.concat(Object.keys(this.counts));
    return taken;
  };

  Builder.prototype.focused = function (input) {
    var target = this.target(input);
    if (!target || !target.key || target.key.dataset.autoKey) return;
    var key = target.key.value;
    var derived = keyFromLabel(input.value, [], target.fallback);
    target.key.dataset.autoKey = !key || key.replace(/_\d+$/, "") === derived ? "on" : "off";
  };

  Builder.prototype.typed = function (input) {
    if (input.dataset && input.dataset.formsAppKey !== undefined) {
      input.dataset.autoKey = "off"; // typed by hand: leave it alone from now on
      return;
    }
    var target = this.target(input);
    if (!target || !target.key || target.key.readOnly) return;
    if (!target.key.dataset.autoKey) this.focused(input);
    if (target.key.dataset.autoKey !== "on") return;
    target.key.value = input.value.trim() ? keyFromLabel(input.value, this.scope(target.key), target.fallback) : "";
  };

  Builder.prototype.schedule = function () {
    if (this.scheduled) return;
    this.scheduled = true;
    var self = this;
    window.requestAnimationFrame(function () { self.scheduled = false; self.refresh(); });
  };

  Builder.prototype.refresh = function () {
    var self = this;
    this.root.querySelectorAll('input[name$="-value-key"], input[name$="-value-value"]').forEach(function (input) {
      if (input.dataset.formsAppKey === undefined) self.prepareKey(input);
    });
    var fields = this.fields();
    this.root.querySelectorAll('input[name$="-condition-field"]').forEach(function (input) {
      if (self.isLive(input.name)) self.condition(input, fields);
    });
    if (!this.openedErrors && this.root.querySelector("[data-contentpath]")) {
      this.openedErrors = true;
      this.root.querySelectorAll(".error-message, [aria-invalid='true'], .w-field--error").forEach(function (el) {
        self.open(el);
      });
    }
  };

  Builder.prototype.prepareKey = function (input) {
    input.dataset.formsAppKey = "";
    var count = FIELD_KEY.test(input.name) && this.counts[input.value], text = this.text.textFixed;
    var match = OPTION_VALUE.exec(input.name);
    if (match) {
      var fieldKey = this.byName(match[1] + "-value-key");
      var key = fieldKey ? fieldKey.value : "";
      count = (this.fixedValues[key] || []).indexOf(input.value) !== -1 && this.counts[key];
      text = this.text.textValueFixed;
    }
    if (count && input.value) {
      input.readOnly = true;
      input.dataset.autoKey = "off";
      var note = document.createElement("p");
      note.className = "forms-app-note";
      note.id = input.id + "-fixed";
      note.textContent = text.replace("%(count)s", count);
      input.setAttribute("aria-describedby", ((input.getAttribute("aria-describedby") || "") + " " + note.id).trim());
      input.insertAdjacentElement("afterend", note);
    }
  };

  // The answered fields inside the block whose delete button was clicked: "“label” (n)".
  Builder.prototype.answeredIn = function (button) {
    var block = button.parentElement, deleted = null;
    while (block && this.root.contains(block) && !deleted) {
      deleted = Array.prototype.find.call(block.children, function (child) {
        return child.tagName === "INPUT" && /-deleted$/.test(child.name);
      });
      if (!deleted) block = block.parentElement;
    }
    if (!deleted) return [];
    var prefix = deleted.name.replace(/-deleted$/, "-"), self = this;
    return this.inputs(FIELD_KEY).filter(function (input) {
      return input.name.indexOf(prefix) === 0 && self.counts[input.value];
    }).map(function (input) {
      var label = self.byName(input.name.replace(/-key$/, "-label"));
      return "“" + ((label && label.value) || input.value) + "” (" + self.counts[input.value] + ")";
    });
  };

  Builder.prototype.deleting = function (event) {
    var button = event.target.closest && event.target.closest('[data-streamfield-action="DELETE"]');
    if (!button || !this.root.contains(button)) return;
    var answered = this.answeredIn(button);
    if (!answered.length) return;
    if (!window.confirm(this.text.textConfirmDelete.replace("%(fields)s", answered.join(", ")))) {
      event.preventDefault();
      event.stopPropagation();
    }
  };

  // Every live top-level field in form order: its key input, label, type and options.
  Builder.prototype.fields = function () {
    var self = this;
    return this.inputs(FIELD_KEY).map(function (keyInput) {
      var prefix = keyInput.name.replace(/-value-key$/, "");
      var type = self.byName(prefix + "-type");
      var label = self.byName(prefix + "-value-label");
      var pattern = new RegExp("^" + escapeRegExp(prefix) + "-value-choices-\\d+-value-label$");
      var options = self.inputs(pattern).map(function (optionLabel) {
        var value = self.byName(optionLabel.name.replace(/label$/, "value"));
        return { value: value ? value.value : "", label: optionLabel.value };
      });
      return {
        keyInput: keyInput,
        key: keyInput.value,
        label: label ? label.value : "",
        type: type ? type.value : "",
        options: options,
      };
    });
  };

  Builder.prototype.optionsOf = function (field) {
    if (CHOICE_TYPES.indexOf(field.type) !== -1) {
      return field.options.filter(function (o) { return o.value; });
    }
    if (field.type === "yes_no") return [{ value: "yes", label: this.text.textYes }, { value: "no", label: this.text.textNo }];
    return null;
  };

  function precedes(a, b) { return Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING); }

  function option(value, label, selected) {
    var element = document.createElement("option");
    element.value = value;
    element.textContent = label;
    element.selected = Boolean(selected);
    return element;
  }

  Builder.prototype.condition = function (fieldInput, allFields) {
    var prefix = fieldInput.name.replace(/-field$/, "");
    var operator = this.byName(prefix + "-operator");
    var values = this.byName(prefix + "-values");
    var ownKey = this.byName(prefix.replace(/-value-condition$/, "-value-key"));
    var earlier = allFields.filter(function (f) { return f.keyInput !== ownKey && precedes(f.keyInput, fieldInput); });
    var picker = fieldInput.formsAppPicker;
    if (!picker) {
      picker = document.createElement("select");
      picker.id = fieldInput.id + "-picker";
      picker.className = "forms-app-picker";
      fieldInput.classList.add("forms-app-hidden");
      fieldInput.insertAdjacentElement("afterend", picker);
      var label = this.root.querySelector('label[for="' + fieldInput.id + '"]');
      if (label) label.htmlFor = picker.id;
      fieldInput.formsAppPicker = picker;
      var self = this;
      picker.addEventListener("change", function () { fieldInput.value = picker.value; self.schedule(); });
    }
    var chosen = null, current = fieldInput.value;
    if (document.activeElement !== picker) {
      picker.replaceChildren(option("", this.text.textAlways, !current));
      var text = this.text;
      earlier.forEach(function (f) {
        if (!f.key) return;
        picker.appendChild(option(f.key, f.label || text.textUntitled, f.key === current));
      });
      if (current && !earlier.some(function (f) { return f.key === current; })) {
        picker.appendChild(option(current, current + " ⚠", true));
      }
    }
    earlier.forEach(function (f) { if (f.key === current) chosen = f; });
    var problem = "";
    if (current && !chosen) problem = this.text.textNotEarlier;
    else if (chosen) problem = this.valueControl(chosen, operator, values);
    this.mark(fieldInput, problem);
  };

  // Shows the answer as a list of options (or a date/number input) and returns what is wrong.
  Builder.prototype.valueControl = function (field, operator, values) {
    var op = operator ? operator.value : "equals";
    var control = values.formsAppControl;
    var options = this.optionsOf(field);
    var kind = op === "answered" ? "none" : options ? (op === "one_of" ? "multiple" : "single")
      : field.type === "date" ? "date" : field.type === "number" ? "number" : "text";
    var given = values.value.split(/\r?\n/).map(function (v) { return v.trim(); }).filter(Boolean);
    if (control && (control.dataset.kind !== kind || control.dataset.field !== field.key)) {
      if (document.activeElement === control) return "";
      control.remove();
      control = values.formsAppControl = null;
    }
    values.classList.toggle("forms-app-hidden", kind !== "text");
    if (!control && kind !== "text" && kind !== "none") {
      control = document.createElement(options ? "select" : "input");
      if (!options) control.type = kind;
      if (kind === "multiple") control.multiple = true;
      control.id = values.id + "-picker";
      control.className = "forms-app-picker";
      control.dataset.kind = kind;
      control.dataset.field = field.key;
      values.insertAdjacentElement("afterend", control);
      var label = this.root.querySelector('label[for="' + values.id + '"]');
      if (label) label.htmlFor = control.id;
      values.formsAppControl = control;
      var self = this;
      control.addEventListener("change", function () {
        var picked = control.tagName === "SELECT"
          ? Array.prototype.filter.call(control.options, function (o) { return o.selected && o.value; }).map(function (o) { return o.value; })
          : [control.value];
        values.value = picked.join("\n");
        self.schedule();
      });
    }
    if (!control) return kind === "text" && !given.length && op !== "answered" ? this.text.textNoValue : "";
    if (options && document.activeElement !== control) {
      var chosenValues = given.map(function (v) { return v.toLowerCase(); });
      control.replaceChildren();
      if (kind === "single") control.appendChild(option("", this.text.textChoose, !given.length));
      options.forEach(function (o) {
        control.appendChild(option(o.value, o.label || o.value, chosenValues.indexOf(o.value.toLowerCase()) !== -1));
      });
    } else if (!options && document.activeElement !== control) {
      control.value = given[0] || "";
    }
    if (kind === "none") return "";
    if (!given.length) return this.text.textNoValue;
    if (options) {
      var known = options.map(function (o) { return o.value.toLowerCase(); });
      var unknown = given.filter(function (v) { return known.indexOf(v.toLowerCase()) === -1; });
      if (unknown.length) return this.text.textNotOption + " (" + unknown.join(", ") + ")";
    }
    return "";
  };

  // A faulty condition gets a message and its block (and the blocks around it) opened, once
  // each time it becomes faulty; fixing it removes the mark.
  Builder.prototype.mark = function (fieldInput, problem) {
    var wrapper = fieldInput.closest(".forms-app-condition");
    var message = fieldInput.formsAppMessage;
    if (!problem) {
      if (message) message.remove();
      fieldInput.formsAppMessage = null;
      if (wrapper) wrapper.classList.remove("forms-app-condition--faulty");
      return;
    }
    if (!message) {
      message = document.createElement("p");
      message.className = "error-message forms-app-condition-message";
      message.setAttribute("role", "alert");
      fieldInput.formsAppPicker.insertAdjacentElement("beforebegin", message);
      fieldInput.formsAppMessage = message;
      this.open(fieldInput);
    }
    message.textContent = problem;
    if (wrapper) wrapper.classList.add("forms-app-condition--faulty");
  };

  // Opens every collapsed panel (block) around ``element``.
  Builder.prototype.open = function (element) {
    var panel = element.closest("[data-panel]");
    while (panel && this.root.contains(panel)) {
      var toggle = panel.querySelector("[data-panel-toggle]");
      if (toggle && toggle.getAttribute("aria-expanded") === "false") toggle.click();
      panel = panel.parentElement ? panel.parentElement.closest("[data-panel]") : null;
    }
  };

  function start() {
    document.querySelectorAll("[data-forms-app-builder]").forEach(function (root) {
      if (!root.formsAppBuilder) root.formsAppBuilder = new Builder(root);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* Estive: optional enhancements. Every page works without this file; each
 * feature below only improves something that already works.
 *
 * - .tabs: radio-button tabs become ARIA tabs (role="tablist", arrow keys,
 *   Home/End), keeping the same look.
 * - .error-summary: (the first one, unless data-focus="off") receives focus when the page loads, so screen-reader and
 *   keyboard users start from the list of errors; its links scroll the whole
 *   field (label included) into view.
 * - form[data-confirm], button[data-confirm]: ask before a destructive POST.
 * - [data-print]: a button that prints the page (hidden when script is off).
 * - Printing opens every <details> (chart data tables) and closes them after.
 */
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  var uid = 0;

  function upgradeTabs(container) {
    var inputs = Array.prototype.filter.call(container.children, function (el) {
      return el.matches("input.tab-input[type=radio]");
    });
    var items = [];
    for (var i = 0; i < inputs.length; i++) {
      var label = inputs[i].nextElementSibling;
      var panel = label && label.nextElementSibling;
      if (!label || !panel || !label.matches(".tab-label") || !panel.matches(".tab-panel")) {
        return; // not the documented structure: leave the working radios alone
      }
      items.push({ input: inputs[i], label: label, panel: panel });
    }
    if (items.length === 0) return;

    var base = container.id || "estive-tabs-" + (++uid);
    var tablist = document.createElement("div");
    tablist.setAttribute("role", "tablist");
    var name = container.getAttribute("data-tabs-label");
    if (name) tablist.setAttribute("aria-label", name);

    var selected = 0;
    var tabs = items.map(function (item, index) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.setAttribute("role", "tab");
      tab.id = base + "-tab-" + index;
      tab.className = "tab";
      while (item.label.firstChild) tab.appendChild(item.label.firstChild);
      item.panel.id = item.panel.id || base + "-panel-" + index;
      item.panel.setAttribute("role", "tabpanel");
      item.panel.setAttribute("aria-labelledby", tab.id);
      item.panel.tabIndex = 0;
      tab.setAttribute("aria-controls", item.panel.id);
      if (item.input.checked) selected = index;
      // The label stays, emptied of its control role, as the panel's heading
      // on paper (see the print rules).
      var printed = document.createElement("p");
      printed.className = "tab-label";
      printed.setAttribute("aria-hidden", "true");
      printed.textContent = tab.textContent;
      item.label.replaceWith(printed);
      item.input.remove();
      tablist.appendChild(tab);
      return tab;
    });

    function select(index, focus) {
      tabs.forEach(function (tab, i) {
        var on = i === index;
        tab.setAttribute("aria-selected", on ? "true" : "false");
        tab.tabIndex = on ? 0 : -1;
        items[i].panel.hidden = !on;
      });
      if (focus) tabs[index].focus();
    }

    tablist.addEventListener("click", function (event) {
      var tab = event.target.closest("[role=tab]");
      if (tab) select(tabs.indexOf(tab), false);
    });
    tablist.addEventListener("keydown", function (event) {
      var current = tabs.indexOf(document.activeElement);
      if (current < 0) return;
      var next = { ArrowRight: current + 1, ArrowDown: current + 1, ArrowLeft: current - 1,
                   ArrowUp: current - 1, Home: 0, End: tabs.length - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select((next + tabs.length) % tabs.length, true);
    });

    container.insertBefore(tablist, container.firstChild);
    container.classList.add("tabs-aria");
    select(selected, false);
  }

  function focusErrorSummary() {
    // data-focus="off" opts out (the style guide shows one without errors).
    var summary = document.querySelector(".error-summary:not([data-focus=off])");
    if (!summary) return;
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      if (!link) return;
      var field = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      if (!field) return;
      event.preventDefault();
      // Show the label and hint above the control, not just the control.
      var block = field.closest(".form-field") || field;
      block.scrollIntoView();
      field.focus({ preventScroll: true });
    });
  }

  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var message = (button && button.getAttribute("data-confirm")) ||
                  event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) event.preventDefault();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest("[data-print]")) window.print();
  });

  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      openedForPrint.push(d);
    });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  function start() {
    document.querySelectorAll(".tabs").forEach(upgradeTabs);
    focusErrorSummary();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

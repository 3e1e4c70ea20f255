// Run `setUp` on every page: Material's instant loading swaps pages without a new load event.
function zsOnEveryPage(setUp) {
  "use strict";
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(setUp);
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
}

// Filters on an action plan's overview: all fiches are in the page, so filtering needs no server.
// Without JavaScript the form stays hidden and every fiche is shown.
(function () {
  "use strict";
  function setUp() {
    var form = document.getElementById("zs-filters");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    var cards = Array.prototype.slice.call(document.querySelectorAll(".zs-fiches > li"));
    var count = form.querySelector(".zs-filters__count");
    var empty = document.querySelector(".zs-empty");
    function matches(card, name, value) {
      if (!value) return true;
      var field = card.getAttribute("data-" + name) || "";
      return field.split("|").indexOf(value) !== -1;
    }
    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        // A filter the plan has nothing for (no statuses, no themes) is left out of the form.
        var visible = ["status", "sd", "thema", "doelgroep", "gemeente"].every(function (name) {
          return !form.elements[name] || matches(card, name, form.elements[name].value);
        });
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      count.textContent = shown + " van " + cards.length + (cards.length === 1 ? " actie" : " acties");
      empty.hidden = shown !== 0;
    }
    form.addEventListener("change", apply);
    form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }
  zsOnEveryPage(setUp);
})();

// A table or timeline that scrolls sideways must be reachable by keyboard (WCAG 2.1.1): give its
// scroll box a tab stop and a name, but only when it really scrolls, to keep the Tab path short.
(function () {
  "use strict";
  function label(box) {
    var caption = box.querySelector("caption");
    return caption ? caption.textContent : "Tabel";
  }
  function update() {
    document.querySelectorAll(".zs-table-scroll").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label(box));
      } else {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  window.addEventListener("resize", update);
  zsOnEveryPage(update);
})();

// Material opens the menu and the search on a phone with <label>s, which Tab skips. Give each a
// real button inside it (a label may not take the button role) that a keyboard can reach and
// press, say whether the menu is open, and let Escape close the menu again. Focus that leaves the
// search closes it, so that its results never cover the link that has focus (WCAG 2.4.11).
(function () {
  "use strict";
  var names = { __drawer: "Menu", __search: "Zoeken" };
  function set(toggle, checked) {
    if (toggle.checked === checked) return;
    toggle.checked = checked;
    toggle.dispatchEvent(new Event("change"));  // Material watches the toggles' change events
  }
  function setUp() {
    Object.keys(names).forEach(function (id) {
      var toggle = document.getElementById(id);
      var label = document.querySelector('label.md-header__button[for="' + id + '"]');
      if (!toggle || !label || label.querySelector(".zs-toggle")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "zs-toggle";
      button.setAttribute("aria-label", names[id]);
      button.setAttribute("aria-expanded", String(toggle.checked));
      while (label.firstChild) button.appendChild(label.firstChild);  // the theme's icon
      label.appendChild(button);
      toggle.addEventListener("change", function () { button.setAttribute("aria-expanded", String(toggle.checked)); });
      // A button inside a label does not work the label: toggle ourselves (Enter and Space click).
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        set(toggle, !toggle.checked);
      });
    });
  }
  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key === "Escape" && drawer && drawer.checked) {
      set(drawer, false);
      var button = document.querySelector('label.md-header__button[for="__drawer"] .zs-toggle');
      if (button) button.focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    var search = document.getElementById("__search");
    if (search && search.checked && !event.target.closest(".md-search")) set(search, false);
  });
  setUp();
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setUp);
})();

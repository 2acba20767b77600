/* Progressive enhancement only: every page works without this file.
 * Wide tables: each table sits in a box that scrolls sideways; when the table is wider than the box,
 * the box becomes a labelled, keyboard-focusable region (WCAG 2.1.1, 1.4.10), named by the caption. */
(function () {
  "use strict";
  var counter = 0;

  function label(table) {
    var caption = table.querySelector("caption");
    if (!caption) { return null; }
    if (!caption.id) {
      do { counter += 1; } while (document.getElementById("tabel-" + counter));
      caption.id = "tabel-" + counter;
    }
    return caption.id;
  }

  function update(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1;
    if (scrolls) {
      box.setAttribute("role", "region");
      box.setAttribute("tabindex", "0");
      var id = label(box.firstElementChild);
      if (id) { box.setAttribute("aria-labelledby", id); } else { box.setAttribute("aria-label", document.documentElement.lang === "en" ? "Table" : "Tabel"); }
    } else {
      box.removeAttribute("role");
      box.removeAttribute("tabindex");
      box.removeAttribute("aria-labelledby");
      box.removeAttribute("aria-label");
    }
  }

  var boxes = [];
  Array.prototype.forEach.call(document.querySelectorAll("main table"), function (table) {
    var box = table.parentElement;
    if (!box.classList.contains("table-scroll")) {
      box = document.createElement("div");
      box.className = "table-scroll";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    }
    boxes.push(box);
    update(box);
  });
  var pending = false;
  window.addEventListener("resize", function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; boxes.forEach(update); });
  });
}());

/* Menu groups: one open at a time, closed by Escape or a click elsewhere (without this file each
 * group simply stays open until its summary is clicked again). */
(function () {
  "use strict";
  var menus = Array.prototype.slice.call(document.querySelectorAll("details.nav-menu"));
  if (!menus.length) { return; }
  menus.forEach(function (menu) {
    menu.addEventListener("toggle", function () {
      if (menu.open) { menus.forEach(function (other) { if (other !== menu) { other.open = false; } }); }
    });
  });
  document.addEventListener("click", function (event) {
    menus.forEach(function (menu) { if (menu.open && !menu.contains(event.target)) { menu.open = false; } });
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    menus.forEach(function (menu) {
      if (menu.open) { menu.open = false; menu.querySelector("summary").focus(); }
    });
  });
}());

/* Catalogue filters: open on a wide screen (the CSS does this where ::details-content is supported). */
(function () {
  "use strict";
  var panel = document.querySelector("details.filter-panel");
  if (panel && window.matchMedia && window.matchMedia("(min-width: 48.01rem)").matches) { panel.open = true; }
}());

/* Pages whose figures are being computed carry a "Pagina vernieuwen" link with data-refresh-after
 * (seconds): load the page again then, unless someone is filling in a form on it (a changed field, or
 * the focus in one); then look again a little later. A meta refresh would throw their input away. */
(function () {
  "use strict";
  var link = document.querySelector("a[data-refresh-after]");
  if (!link) { return; }
  var seconds = parseInt(link.getAttribute("data-refresh-after"), 10) || 30;

  function changed(field) {
    if (field.type === "checkbox" || field.type === "radio") { return field.checked !== field.defaultChecked; }
    if (field.tagName === "SELECT") {
      return Array.prototype.some.call(field.options, function (o) { return o.selected !== o.defaultSelected; });
    }
    return field.type !== "hidden" && field.value !== field.defaultValue;
  }

  function busy() {
    var active = document.activeElement;
    if (active && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName)) { return true; }
    return Array.prototype.some.call(document.querySelectorAll("main input, main textarea, main select"), changed);
  }

  function later() {
    window.setTimeout(function () {
      if (busy()) { later(); } else { window.location.assign(link.href); }
    }, seconds * 1000);
  }
  later();
}());

/* A form sent back with errors: focus its error summary, so a phone shows it and a screen reader reads it
 * (the summary is also the form's target fragment where the form sits low on a long page). */
(function () {
  "use strict";
  var summary = document.querySelector(".error-summary[tabindex]");
  if (summary) { summary.focus(); }
}());

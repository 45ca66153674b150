// wellread: keyboard and screen reader help around Material's menus, search and glossary terms
// (issue 24). First-party, no requests. Without it the pages still work as Material's do.
(function () {
  "use strict";
  var doc = document;

  // Focus rings: Material's stylesheet draws them on elements with the class "focus-visible"
  // (header buttons have none without it), which its bundle's polyfill sets. Until the bundle
  // loads (assets/wellread-search.js), the browser's own :focus-visible says where they go.
  doc.addEventListener("focusin", function (event) {
    var target = event.target;
    if (window.component$ || !target.matches) {
      return;
    }
    try {
      if (target.matches(":focus-visible")) {
        target.classList.add("focus-visible");
        target.setAttribute("data-focus-visible-added", ""); // as the polyfill marks its own
      }
    } catch (error) {
      // a browser without :focus-visible keeps its own focus ring where Material allows one
    }
  }, true);
  doc.addEventListener("focusout", function (event) {
    var target = event.target;
    if (target.hasAttribute && target.hasAttribute("data-focus-visible-added")) {
      target.classList.remove("focus-visible");
      target.removeAttribute("data-focus-visible-added");
    }
  }, true);

  // The menu and search openers: real buttons that press Material's hidden toggles.
  doc.querySelectorAll("button[data-wr-toggle]").forEach(function (button) {
    var toggle = doc.getElementById(button.getAttribute("data-wr-toggle"));
    if (!toggle) {
      return;
    }
    function sync() {
      button.setAttribute("aria-expanded", String(toggle.checked));
    }
    button.hidden = false;
    toggle.addEventListener("change", sync);
    sync();
    button.addEventListener("click", function () {
      toggle.click(); // as Material does: its scripts follow the toggle's change
      if (!toggle.checked) {
        return;
      }
      var panel = doc.getElementById(button.getAttribute("aria-controls"));
      var first = toggle.id === "__search"
        ? doc.querySelector(".md-search__input")
        : panel && panel.querySelector("a[href], [tabindex='0']");
      if (first) {
        first.focus();
      }
    });
  });

  // A link to the original of a page not yet translated opens it at the same place.
  if (location.hash) {
    doc.querySelectorAll("a[data-wr-keep-hash]").forEach(function (link) {
      link.href = link.href.split("#")[0] + location.hash;
    });
  }

  // Focus goes back where it was when the search closes (Escape, or a tap on the overlay).
  var search = doc.getElementById("__search");
  var searchBox = doc.querySelector(".md-search");
  var searchButton = doc.querySelector("button[data-wr-toggle='__search']");
  var beforeSearch = null;
  doc.addEventListener("focusin", function (event) {
    if (searchBox && !searchBox.contains(event.target)) {
      beforeSearch = event.target;
    }
  });
  if (search && searchBox) {
    search.addEventListener("change", function () {
      if (search.checked) {
        return;
      }
      setTimeout(function () {
        var now = doc.activeElement;
        if (now && now !== doc.body && !searchBox.contains(now)) {
          return; // the reader moved on (Tab): leave focus where it went
        }
        var back = beforeSearch && beforeSearch.isConnected && beforeSearch.offsetParent !== null
          ? beforeSearch : searchButton;
        if (back && back.offsetParent !== null) {
          back.focus();
        }
      }, 0);
    });
  }

  // The language menu: a disclosure, opened by its button only, closed by Escape.
  doc.querySelectorAll(".wr-select").forEach(function (select) {
    var button = select.querySelector("button[aria-controls]");
    var list = button && doc.getElementById(button.getAttribute("aria-controls"));
    if (!list) {
      return;
    }
    function set(open) {
      list.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
    }
    select.classList.add("wr-select--js");
    set(false);
    button.addEventListener("click", function () {
      set(list.hidden);
    });
    select.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !list.hidden) {
        set(false);
        button.focus();
        event.stopPropagation();
      }
    });
    select.addEventListener("focusout", function (event) {
      if (!select.contains(event.relatedTarget)) {
        set(false);
      }
    });
    doc.addEventListener("click", function (event) {
      if (!select.contains(event.target)) {
        set(false);
      }
    });
  });

  // The menu's section toggles: Space opens them too, and they say whether they are open.
  doc.querySelectorAll("label[role='button'][for]").forEach(function (label) {
    var input = doc.getElementById(label.htmlFor);
    if (input) {
      input.addEventListener("change", function () {
        label.setAttribute("aria-expanded", String(input.checked));
      });
    }
  });
  // Enter too, until Material's bundle loads (assets/wellread-search.js) and does it itself.
  doc.addEventListener("keydown", function (event) {
    var target = event.target;
    if (!target.matches || !target.matches("label[role='button'][for]")) {
      return;
    }
    if (event.key === " " || (event.key === "Enter" && !window.keyboard$)) {
      event.preventDefault();
      target.click();
    }
  });

  // Without Material's bundle, as with it: the menu and the search close when the reader
  // follows a link to a place on the same page (the menu holds the page's contents).
  window.addEventListener("hashchange", function () {
    ["__drawer", "__search"].forEach(function (id) {
      var toggle = doc.getElementById(id);
      if (toggle && toggle.checked) {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
      }
    });
  });

  // The header shows the page's title once its heading has scrolled under the header, until
  // Material's bundle loads and does it itself.
  var title = doc.querySelector("[data-md-component='header-title']");
  var heading = doc.querySelector(".md-content h1");
  var header = doc.querySelector("[data-md-component='header']");
  if (title && heading && header && window.IntersectionObserver && !window.component$) {
    var watch = new IntersectionObserver(function (entries) {
      if (window.component$) {
        watch.disconnect();
        return;
      }
      var entry = entries[entries.length - 1];
      title.classList.toggle("md-header__title--active",
        !entry.isIntersecting && entry.boundingClientRect.top < header.offsetHeight);
    }, {rootMargin: "-" + header.offsetHeight + "px 0px 0px 0px"});
    watch.observe(heading);
  }

  // Glossary terms: the plain meaning shows on focus, hover and a first tap (a second tap
  // opens the glossary), below the word; Escape hides it. Screen readers get it through
  // aria-describedby, so the box itself is hidden from them.
  var tip = null;
  var tipFor = null;
  var tapped = null;
  var shownByTap = false;
  function hideTip() {
    if (tip) {
      tip.hidden = true;
    }
    tipFor = null;
    shownByTap = false;
  }
  function showTip(link) {
    var meaning = doc.getElementById(link.getAttribute("aria-describedby") || "");
    if (!meaning) {
      return;
    }
    if (!tip) {
      tip = doc.createElement("div");
      tip.className = "wr-tip";
      tip.setAttribute("aria-hidden", "true");
      tip.addEventListener("mouseleave", hideTip);
      doc.body.appendChild(tip);
    }
    tip.textContent = meaning.textContent;
    tip.lang = meaning.closest("[lang]") ? meaning.closest("[lang]").lang : "";
    tip.hidden = false;
    tipFor = link;
    var word = link.getClientRects()[0] || link.getBoundingClientRect();
    var page = doc.body.getBoundingClientRect();
    var width = Math.min(tip.offsetWidth, innerWidth - 16);
    var rtl = getComputedStyle(link).direction === "rtl";
    var start = rtl ? word.right - width : word.left;
    var left = Math.max(8, Math.min(start, innerWidth - width - 8));
    // Below the word; above it when the screen has no room below (never over the word).
    var below = word.bottom + 6 + tip.offsetHeight <= innerHeight || word.top < tip.offsetHeight + 6;
    tip.style.left = (left - page.left) + "px";
    tip.style.top = (below ? word.bottom - page.top + 6 : word.top - page.top - 6 - tip.offsetHeight)
      + "px";
  }
  function term(target) {
    return target && target.closest ? target.closest("a.wr-term[aria-describedby]") : null;
  }
  doc.addEventListener("focusin", function (event) {
    var link = term(event.target);
    if (link) {
      showTip(link);
    }
  });
  doc.addEventListener("focusout", function (event) {
    if (term(event.target) && !shownByTap) {
      hideTip();
    }
  });
  doc.addEventListener("mouseover", function (event) {
    var link = term(event.target);
    if (link && link !== tipFor) {
      showTip(link);
    }
  });
  doc.addEventListener("mouseout", function (event) {
    var link = term(event.target);
    if (link && !shownByTap && event.relatedTarget !== tip && link !== doc.activeElement) {
      hideTip();
    }
  });
  doc.addEventListener("pointerdown", function (event) {
    tapped = event.pointerType === "touch" ? term(event.target) : null;
    if (tapped && !(tapped === tipFor && shownByTap)) {
      tapped.setAttribute("data-wr-first-tap", "");
    }
  });
  doc.addEventListener("click", function (event) {
    var link = term(event.target);
    if (link && link.hasAttribute("data-wr-first-tap")) {
      link.removeAttribute("data-wr-first-tap");
      event.preventDefault();
      showTip(link);
      shownByTap = true;
    } else if (!link && tip && !tip.hidden && event.target !== tip) {
      hideTip();
    }
  });
  doc.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    if (tip && !tip.hidden) {
      hideTip();
      return;
    }
    var drawer = doc.getElementById("__drawer");
    var opener = doc.querySelector("button[data-wr-toggle='__drawer']");
    if (drawer && drawer.checked && opener) {
      drawer.click();
      opener.focus();
    }
  });
})();

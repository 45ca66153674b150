// wellread: Material's scripts load when the reader needs them, not with every page.
//
// Material's bundle (its search, search highlighting, sidebars' heights, the header's title) is
// named by this script's data-wr-bundle and loaded when the reader opens search (a focus or
// tap on the search field, the search button, the keys "/", "s" or "f"), or at once on a page
// opened from a search result (?h=..., to highlight the words) or a search link (?q=...). Until
// then the page works without it: the menu is a checkbox and label (assets/wellread-a11y.js
// adds the keyboard), the language menu, breadcrumbs and footer are links, and the keys "n"
// and "p" (or "." and ",") go to the next and previous page here as Material's do. The search
// worker and index wait too: when the bundle runs before search opens (a page without
// data-wr-bundle), it still sets search up, with a stand-in worker and its index request held
// until search opens. Few readers search; the others save about half the page's bytes.
(function () {
  "use strict";
  var RealWorker = window.Worker;
  var XHR = window.XMLHttpRequest;
  var doc = document;
  var root = doc.documentElement;
  var script = doc.currentScript;
  var bundle = script && script.getAttribute("data-wr-bundle");
  var bundleState = bundle ? "waiting" : "loaded"; // "loading", then "loaded"
  var domReady = false;
  var started = /[?&][hq]=/.test(window.location.search);
  if (bundle) {
    // As Material's bundle does first (its stylesheet shows the search field only then); and
    // "wr-md-later" for the sidebars, whose heights the bundle sets (assets/wellread-a11y.css).
    root.classList.remove("no-js");
    root.classList.add("js", "wr-md-later");
    doc.addEventListener("DOMContentLoaded", function () {
      domReady = true;
    });
  }
  var waiting = [];

  // Material's bundle, added as a script of this site (what the CSP allows). It watches for
  // the DOMContentLoaded event to set the page up; loaded after it, it is given the page.
  function loadBundle() {
    if (bundleState !== "waiting") {
      return;
    }
    bundleState = "loading";
    var tag = doc.createElement("script");
    tag.src = bundle;
    tag.addEventListener("load", function () {
      bundleState = "loaded";
      root.classList.remove("wr-md-later");
      if (domReady && window.document$ && window.document$.next) {
        window.document$.next(doc);
      }
    });
    doc.body.appendChild(tag);
  }
  if (started || !RealWorker || !XHR) {
    loadBundle(); // a page opened from search, or a browser the stand-ins below cannot serve
  }
  if (!RealWorker || !XHR) {
    return;
  }

  function start() {
    loadBundle();
    if (started) {
      return;
    }
    started = true;
    var run = waiting;
    waiting = [];
    for (var i = 0; i < run.length; i += 1) {
      run[i]();
    }
  }

  function later(task) {
    if (started) {
      task();
    } else {
      waiting.push(task);
    }
  }

  // Material's search worker: a stand-in that keeps its listeners and messages until search
  // opens, then hands them to the real worker in the same order.
  function isSearchWorker(url) {
    return /\/workers\/search\.[\w.]*js(?:[?#]|$)/.test(String(url));
  }

  function LazyWorker(url, options) {
    if (started || !isSearchWorker(url)) {
      return options === undefined ? new RealWorker(url) : new RealWorker(url, options);
    }
    var real = null;
    var listeners = [];
    var messages = [];
    var stub = {
      addEventListener: function (type, listener, opts) {
        if (real) {
          real.addEventListener(type, listener, opts);
        } else {
          listeners.push([type, listener, opts]);
        }
      },
      removeEventListener: function (type, listener, opts) {
        if (real) {
          real.removeEventListener(type, listener, opts);
          return;
        }
        listeners = listeners.filter(function (entry) {
          return entry[0] !== type || entry[1] !== listener;
        });
      },
      postMessage: function (message) {
        if (real) {
          real.postMessage(message);
        } else {
          messages.push(message);
        }
      },
      terminate: function () {
        if (real) {
          real.terminate();
        }
        listeners = [];
        messages = [];
      }
    };
    later(function () {
      real = options === undefined ? new RealWorker(url) : new RealWorker(url, options);
      listeners.forEach(function (entry) {
        real.addEventListener(entry[0], entry[1], entry[2]);
      });
      messages.forEach(function (message) {
        real.postMessage(message);
      });
      listeners = [];
      messages = [];
    });
    return stub;
  }
  LazyWorker.prototype = RealWorker.prototype;
  window.Worker = LazyWorker;

  // Material's request for the search index: opened as usual, sent when search opens.
  var open = XHR.prototype.open;
  var send = XHR.prototype.send;
  var abort = XHR.prototype.abort;
  XHR.prototype.open = function (method, url) {
    this.wellreadSearchIndex = /\/search\/search_index\.json(?:[?#]|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XHR.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.wellreadSearchIndex || started) {
      return send.apply(request, args);
    }
    later(function () {
      if (!request.wellreadAborted) {
        send.apply(request, args);
      }
    });
  };
  XHR.prototype.abort = function () {
    this.wellreadAborted = true;
    return abort.apply(this, arguments);
  };

  // Search opens: its field gets focus, or Material's toggle is checked.
  doc.addEventListener("focusin", function (event) {
    var target = event.target;
    if (target && target.closest && target.closest(".md-search")) {
      start();
    }
  }, true);
  doc.addEventListener("change", function (event) {
    if (event.target && event.target.id === "__search" && event.target.checked) {
      start();
    }
  }, true);

  // Material's keys, until its bundle has loaded and answers them itself: "/", "s" and "f" open
  // search with the cursor in its field (the bundle loads then and searches what was typed),
  // "n" or "." the next page, "p" or "," the previous one, Escape closes search. Not while
  // the reader types in a field, nor with Ctrl or Cmd.
  function typing(element) {
    var tag = element && element.tagName;
    if (tag === "INPUT") {
      return element.type !== "radio";
    }
    return tag === "SELECT" || tag === "TEXTAREA" || Boolean(element && element.isContentEditable);
  }
  doc.addEventListener("keydown", function (event) {
    if (bundleState === "loaded" || event.metaKey || event.ctrlKey || event.isComposing) {
      return;
    }
    var toggle = doc.getElementById("__search");
    var input = doc.querySelector(".md-search__input");
    if (toggle && toggle.checked) {
      if (event.key === "Escape") {
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
        if (input) {
          input.blur();
        }
        event.preventDefault();
      }
      return;
    }
    if (typing(doc.activeElement)) {
      return;
    }
    var key = event.key;
    if ((key === "/" || key === "s" || key === "f") && toggle && input) {
      event.preventDefault();
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
      input.focus();
      input.select();
    } else if (key === "n" || key === "." || key === "p" || key === ",") {
      var link = doc.querySelector(key === "n" || key === "." ? "link[rel=next]" : "link[rel=prev]");
      if (link) {
        window.location.href = link.href;
      }
    }
  });
}());

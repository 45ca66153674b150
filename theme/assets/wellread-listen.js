// wellread: "Listen" reads the article aloud with the browser's own speech synthesis, in the
// page's language. First-party, nothing sent anywhere; hidden without a voice for the language.
(function () {
  "use strict";
  var box = document.querySelector(".wr-listen");
  var synth = window.speechSynthesis;
  if (!box || !synth || !window.SpeechSynthesisUtterance) {
    return;
  }
  var play = box.querySelector(".wr-listen__play");
  var stop = box.querySelector(".wr-listen__stop");
  var status = box.querySelector(".wr-listen__status");
  var lang = (box.getAttribute("data-lang") || "").toLowerCase();
  // What is read: the article itself, not the menus, share box, sources or these controls.
  var SKIP = ".wr-listen, .wr-share, .wr-related, .wr-report, .wr-print, .wr-sources, .wr-review," +
    " .wr-reading-time, .wr-findings, .md-content__button, script, style, [hidden], [aria-hidden=true]";
  var BLOCKS = "h1, h2, h3, h4, p, li, dt, dd, td, th, figcaption, summary";
  var state = "stopped"; // "playing", "paused" or "stopped"
  var voice = null;
  var run = 0;

  function matches(voiceLang, wanted) {
    var code = (voiceLang || "").toLowerCase().replace("_", "-");
    return code === wanted || code.indexOf(wanted + "-") === 0;
  }

  function findVoice(wanted) {
    var voices = synth.getVoices() || [];
    var base = wanted.split("-")[0];
    for (var i = 0; i < voices.length; i++) {
      if (matches(voices[i].lang, wanted)) { return voices[i]; }
    }
    for (var j = 0; j < voices.length; j++) {
      if (matches(voices[j].lang, base)) { return voices[j]; }
    }
    return null;
  }

  function setUp() {
    voice = findVoice(lang);
    box.hidden = !voice;
  }

  // Each block on its own: long utterances stop early in some browsers, and a block still in
  // another language (its `lang`) is read in that language.
  function parts() {
    var article = document.querySelector("article") || document.body;
    var found = [];
    article.querySelectorAll(BLOCKS).forEach(function (node) {
      if (node.closest(SKIP) || node.querySelector(BLOCKS)) {
        return;
      }
      var text = node.textContent.replace(/\s+/g, " ").trim();
      var marked = node.closest("[lang]");
      if (text) {
        found.push({text: text, lang: marked ? marked.getAttribute("lang") : lang});
      }
    });
    return found;
  }

  function show(next, message) {
    state = next;
    play.setAttribute("aria-pressed", next === "playing" ? "true" : "false");
    stop.disabled = next === "stopped";
    status.textContent = message || "";
  }

  function start() {
    var queue = parts();
    var mine = ++run;
    synth.cancel();
    queue.forEach(function (part, index) {
      var utterance = new SpeechSynthesisUtterance(part.text);
      utterance.lang = part.lang;
      var own = part.lang.toLowerCase() === lang ? voice : findVoice(part.lang.toLowerCase());
      if (own) { utterance.voice = own; }
      if (index === queue.length - 1) {
        utterance.onend = function () {
          if (mine === run) { show("stopped", ""); }
        };
      }
      synth.speak(utterance);
    });
    show("playing", box.getAttribute("data-playing"));
  }

  play.addEventListener("click", function () {
    if (state === "playing") {
      synth.pause();
      show("paused", box.getAttribute("data-paused"));
    } else if (state === "paused") {
      synth.resume();
      show("playing", box.getAttribute("data-playing"));
    } else {
      start();
    }
  });
  stop.addEventListener("click", function () {
    run++;
    synth.cancel();
    show("stopped", box.getAttribute("data-stopped"));
    play.focus();
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && state !== "stopped") {
      stop.click();
    }
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });

  setUp();
  if (typeof synth.addEventListener === "function") {
    synth.addEventListener("voiceschanged", setUp);
  }
})();

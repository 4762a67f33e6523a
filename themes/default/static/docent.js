// docent: the small amount of behaviour a course page needs. Everything works without it;
// this file adds the menu, theme toggle, copy buttons, keyboard navigation and the
// language chooser's memory. No network, no dependencies, works from file://.
(function () {
  "use strict";
  var doc = document.documentElement;

  function store(key, value) {
    try { localStorage.setItem(key, value); } catch (e) { /* private mode, file:// */ }
  }
  function load(key) {
    try { return localStorage.getItem(key); } catch (e) { return null; }
  }

  function setupTheme() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    function show() {
      var dark = doc.dataset.theme === "dark";
      button.setAttribute("aria-pressed", dark ? "true" : "false");
    }
    button.hidden = false;
    show();
    button.addEventListener("click", function () {
      doc.dataset.theme = doc.dataset.theme === "dark" ? "light" : "dark";
      store("docent-theme", doc.dataset.theme);
      show();
    });
  }

  function setupMenu() {
    var button = document.querySelector(".menu-button");
    var sidebar = document.getElementById("sidebar");
    if (!button || !sidebar) return;
    button.hidden = false;
    function set(open) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      document.body.classList.toggle("nav-open", open);
    }
    button.addEventListener("click", function () {
      set(button.getAttribute("aria-expanded") !== "true");
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && document.body.classList.contains("nav-open")) {
        set(false);
        button.focus();
      }
    });
  }

  function setupCopy() {
    var buttons = document.querySelectorAll(".copy-button");
    Array.prototype.forEach.call(buttons, function (button) {
      var code = button.closest(".code-block").querySelector("code");
      if (!code) return;
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        var text = code.textContent;
        var done = function () {
          button.textContent = button.dataset.copied;
          setTimeout(function () { button.textContent = label; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
        } else {
          fallbackCopy(text);
          done();
        }
      });
    });
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    document.body.removeChild(area);
  }

  function typing(target) {
    if (!target || !target.tagName) return false;
    var tag = target.tagName.toLowerCase();
    return tag === "input" || tag === "textarea" || tag === "select" || target.isContentEditable;
  }

  function setupKeys() {
    document.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || typing(e.target)) return;
      var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
      if (!rel) return;
      var link = document.querySelector('link[rel="' + rel + '"]');
      if (link) {
        e.preventDefault();
        window.location.href = link.href;
      }
    });
  }

  // Headings are paired across languages by position: keep the reader's section.
  function setupSwitcher() {
    var links = document.querySelectorAll(".lang-switcher a[data-headings]");
    Array.prototype.forEach.call(links, function (a) {
      a.addEventListener("click", function () {
        store("docent-lang", a.getAttribute("hreflang"));
        var heads = document.querySelectorAll(".chapter-body h2[id], .chapter-body h3[id], .chapter-body h4[id]");
        var current = -1;
        for (var i = 0; i < heads.length; i++) {
          if (heads[i].getBoundingClientRect().top <= 80) current = i; else break;
        }
        var ids = a.dataset.headings.split(" ");
        if (current >= 0 && ids[current]) {
          a.href = a.href.split("#")[0] + "#" + ids[current];
        }
      });
    });
    var plain = document.querySelectorAll(".lang-switcher a[hreflang]");
    Array.prototype.forEach.call(plain, function (a) {
      a.addEventListener("click", function () { store("docent-lang", a.getAttribute("hreflang")); });
    });
  }

  function setupChooser() {
    var chooser = document.querySelector("[data-chooser]");
    if (!chooser) return;
    var links = chooser.querySelectorAll("a[data-lang]");
    var byLang = {};
    Array.prototype.forEach.call(links, function (a) {
      byLang[a.dataset.lang.toLowerCase()] = a;
      a.addEventListener("click", function () { store("docent-lang", a.dataset.lang); });
    });
    var wanted = load("docent-lang");
    var prefs = wanted ? [wanted] : (navigator.languages || [navigator.language || ""]);
    for (var i = 0; i < prefs.length; i++) {
      var p = (prefs[i] || "").toLowerCase();
      var hit = byLang[p] || byLang[p.split("-")[0]];
      if (!hit) {
        for (var k in byLang) {
          if (k.split("-")[0] === p.split("-")[0]) { hit = byLang[k]; break; }
        }
      }
      if (hit) {
        window.location.replace(hit.href);
        return;
      }
    }
  }

  // Annotations: a marker at a line opens its note next to the line; without JavaScript the
  // marker is a link to the numbered note below the block.
  var openMarker = null;
  function closeNote(returnFocus) {
    if (!openMarker) return;
    var pop = document.getElementById(openMarker.getAttribute("aria-controls"));
    if (pop) pop.parentNode.removeChild(pop);
    openMarker.setAttribute("aria-expanded", "false");
    openMarker.removeAttribute("aria-controls");
    if (returnFocus) openMarker.focus();
    openMarker = null;
  }
  function openNote(marker) {
    var noteId = (marker.getAttribute("href") || "").slice(1);
    var note = document.getElementById(noteId);
    var item = note && note.closest("li");
    var box = marker.closest(".code-box");
    if (!item || !box) return;
    var pop = document.createElement("div");
    pop.className = "annotation-popover";
    pop.id = noteId + "-pop";
    pop.setAttribute("role", "region");
    pop.setAttribute("aria-label", marker.getAttribute("aria-label"));
    pop.tabIndex = -1;
    Array.prototype.forEach.call(item.childNodes, function (n) { pop.appendChild(n.cloneNode(true)); });
    var num = pop.querySelector(".annotation-number");
    if (num) num.parentNode.removeChild(num);
    Array.prototype.forEach.call(pop.querySelectorAll("[id]"), function (n) { n.removeAttribute("id"); });
    var close = document.createElement("button");
    close.type = "button";
    close.className = "popover-close";
    close.setAttribute("aria-label", document.body.dataset.closeLabel || "×");
    close.textContent = "×";
    close.addEventListener("click", function () { closeNote(true); });
    pop.appendChild(close);
    var line = marker.closest(".line");
    var pre = box.querySelector("pre");
    pop.style.top = (line.offsetTop + line.offsetHeight - pre.scrollTop + 4) + "px";
    box.appendChild(pop);
    marker.setAttribute("aria-expanded", "true");
    marker.setAttribute("aria-controls", pop.id);
    openMarker = marker;
    pop.focus({ preventScroll: true });
  }
  function setupAnnotations() {
    var markers = document.querySelectorAll(".annotation-marker");
    Array.prototype.forEach.call(markers, function (marker) {
      marker.setAttribute("role", "button");
      marker.setAttribute("aria-expanded", "false");
      marker.addEventListener("click", function (e) {
        e.preventDefault();
        var again = openMarker === marker;
        closeNote(false);
        if (!again) openNote(marker);
      });
      marker.addEventListener("keydown", function (e) {
        if (e.key === " ") { e.preventDefault(); marker.click(); }
      });
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && openMarker) closeNote(true);
    });
    document.addEventListener("click", function (e) {
      if (openMarker && !e.target.closest(".annotation-popover") && !e.target.closest(".annotation-marker")) closeNote(false);
    });
  }

  // Stage map: hovering or focusing a stage highlights its lines in the code.
  function setupStageMaps() {
    var stages = document.querySelectorAll(".stage-map .stage[data-lines]");
    Array.prototype.forEach.call(stages, function (stage) {
      var block = stage.closest(".code-block");
      if (!block) return;
      var range = stage.getAttribute("data-lines").split("-");
      var lines = [];
      for (var n = +range[0]; n <= +range[1]; n++) {
        var line = document.getElementById(block.id + "-L" + n);
        if (line) lines.push(line);
      }
      function on() {
        // One stage lit at a time per map: hover wins over an earlier focus.
        var map = stage.closest(".stage-map");
        Array.prototype.forEach.call(map.querySelectorAll(".stage.active"), function (other) {
          other.dispatchEvent(new Event("docent-off"));
        });
        stage.classList.add("active");
        lines.forEach(function (l) { l.classList.add("stage-hl"); });
      }
      function off() {
        stage.classList.remove("active");
        lines.forEach(function (l) { l.classList.remove("stage-hl"); });
      }
      stage.addEventListener("docent-off", off);
      stage.addEventListener("mouseenter", on);
      stage.addEventListener("mouseleave", off);
      stage.addEventListener("focus", on);
      stage.addEventListener("blur", off);
      stage.addEventListener("click", function () {
        if (lines[0]) lines[0].scrollIntoView({ block: "nearest" });
      });
    });
  }

  // Quizzes: choose, check, see why.
  function setupQuizzes() {
    var buttons = document.querySelectorAll(".quiz-check");
    Array.prototype.forEach.call(buttons, function (button) {
      var item = button.closest(".quiz-question");
      var result = item.querySelector(".quiz-result");
      button.hidden = false;
      button.addEventListener("click", function () {
        var chosen = item.querySelector("input:checked");
        Array.prototype.forEach.call(item.querySelectorAll("label"), function (l) {
          l.classList.remove("chosen-right", "chosen-wrong");
        });
        result.classList.remove("right", "wrong");
        if (!chosen) {
          result.textContent = button.dataset.choose;
          return;
        }
        var right = chosen.value === item.dataset.answer;
        chosen.closest("label").classList.add(right ? "chosen-right" : "chosen-wrong");
        result.classList.add(right ? "right" : "wrong");
        result.textContent = right ? button.dataset.right : button.dataset.wrong;
        if (right) item.querySelector(".quiz-answer").open = true;
      });
    });
  }

  function start() {
    setupTheme();
    setupMenu();
    setupCopy();
    setupKeys();
    setupSwitcher();
    setupChooser();
    setupAnnotations();
    setupStageMaps();
    setupQuizzes();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

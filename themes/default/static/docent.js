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
      var code = button.parentNode.querySelector("code");
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

  function start() {
    setupTheme();
    setupMenu();
    setupCopy();
    setupKeys();
    setupSwitcher();
    setupChooser();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

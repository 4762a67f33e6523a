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

  // Search: the index is a script (search/<lang>.js) loaded on first use, so it works from
  // file:// too. Words are folded like the index folds them; the index maps every word of the
  // course to its stem, so "estagio" finds "estágio" and "imagens" finds "imagem".
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function setupSearch() {
    var box = document.querySelector(".search");
    if (!box) return;
    var input = box.querySelector("input");
    var results = box.querySelector(".search-results");
    var status = box.querySelector("#search-status");
    var lang = box.dataset.lang;
    var index = null;
    var loading = false;
    var pending = null;

    function load(then) {
      if (!index && window.docentSearch && window.docentSearch[lang]) index = window.docentSearch[lang];
      if (index) return then();
      pending = then;
      if (loading) return;
      loading = true;
      var script = document.createElement("script");
      script.src = box.dataset.index;
      script.onload = function () {
        index = window.docentSearch && window.docentSearch[lang];
        if (index && pending) pending();
      };
      document.head.appendChild(script);
    }

    function stemsFor(word) {
      var w = fold(word);
      var out = {};
      var direct = index.words[w] || (index.stems[w] ? w : null);
      if (direct) out[direct] = true;
      // As you type: words and stems of the course that start with what was typed.
      if (w.length >= 2) {
        var n = 0;
        for (var k in index.words) {
          if (k.lastIndexOf(w, 0) === 0) { out[index.words[k]] = true; if (++n > 40) break; }
        }
        for (var s in index.stems) {
          if (s.lastIndexOf(w, 0) === 0) { out[s] = true; if (++n > 80) break; }
        }
      }
      // A form the course never uses: a stem that is a prefix of it ("imagem" → "imag").
      if (!Object.keys(out).length) {
        for (var t = w.length - 1; t >= 3; t--) {
          if (index.stems[w.slice(0, t)]) { out[w.slice(0, t)] = true; break; }
        }
      }
      return Object.keys(out);
    }

    function search(query) {
      var words = query.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
      if (!words.length) return [];
      var total = null;
      words.forEach(function (word) {
        var scores = {};
        stemsFor(word).forEach(function (stem) {
          var p = index.stems[stem] || [];
          for (var i = 0; i < p.length; i += 2) scores[p[i]] = (scores[p[i]] || 0) + p[i + 1];
        });
        if (total === null) { total = scores; return; }
        for (var id in total) {
          if (!(id in scores)) delete total[id]; else total[id] += scores[id];
        }
      });
      return Object.keys(total || {})
        .map(function (id) { return [+id, total[id]]; })
        .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
        .slice(0, 12)
        .map(function (hit) { return { section: index.sections[hit[0]], words: words }; });
    }

    function snippet(text, words) {
      var folded = "";
      for (var i = 0; i < text.length; i++) {
        var f = fold(text[i]);
        folded += f.length === 1 ? f : text[i].toLowerCase();
      }
      var at = -1, len = 0;
      words.forEach(function (word) {
        var w = fold(word);
        for (var cut = w.length; cut >= Math.min(w.length, 4) && at < 0; cut--) {
          var found = folded.indexOf(w.slice(0, cut));
          if (found >= 0) {
            at = found;
            len = cut;
            while (at + len < text.length && /[\p{L}\p{N}]/u.test(text[at + len])) len++;
          }
        }
      });
      var frag = document.createDocumentFragment();
      if (at < 0) {
        frag.appendChild(document.createTextNode(text.slice(0, 140) + (text.length > 140 ? "…" : "")));
        return frag;
      }
      var from = Math.max(0, at - 60), to = Math.min(text.length, at + len + 80);
      frag.appendChild(document.createTextNode((from > 0 ? "…" : "") + text.slice(from, at)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(at, at + len);
      frag.appendChild(mark);
      frag.appendChild(document.createTextNode(text.slice(at + len, to) + (to < text.length ? "…" : "")));
      return frag;
    }

    function href(section) {
      var url = box.dataset.root + index.pages[section[0]][1];
      return section[1] ? url + "#" + section[1] : url;
    }

    function render() {
      var query = input.value.trim();
      results.textContent = "";
      if (!query) { results.hidden = true; status.textContent = ""; return; }
      var hits = search(query);
      if (!hits.length) {
        var empty = document.createElement("p");
        empty.className = "search-empty";
        empty.textContent = box.dataset.none;
        results.appendChild(empty);
      } else {
        var list = document.createElement("ol");
        hits.forEach(function (hit) {
          var s = hit.section;
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = href(s);
          var chapter = document.createElement("span");
          chapter.className = "search-chapter";
          chapter.textContent = index.pages[s[0]][0];
          a.appendChild(chapter);
          if (s[2]) {
            var h = document.createElement("span");
            h.className = "search-heading";
            h.textContent = s[2];
            a.appendChild(h);
          }
          var sn = document.createElement("span");
          sn.className = "search-snippet";
          sn.appendChild(snippet(s[3], hit.words));
          a.appendChild(sn);
          // Same-page hits (one-file bundles) close the results after the jump.
          a.addEventListener("click", function () { results.hidden = true; });
          li.appendChild(a);
          list.appendChild(li);
        });
        results.appendChild(list);
      }
      status.textContent = hits.length ? box.dataset.count + " " + hits.length : box.dataset.none;
      results.hidden = false;
    }

    function links() { return Array.prototype.slice.call(results.querySelectorAll("a")); }
    input.addEventListener("focus", function () { load(function () {}); });
    input.addEventListener("input", function () { load(render); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && links().length) { e.preventDefault(); links()[0].focus(); }
      else if (e.key === "Enter" && links().length) { e.preventDefault(); links()[0].click(); }
      else if (e.key === "Escape") { input.value = ""; render(); }
    });
    results.addEventListener("keydown", function (e) {
      var all = links();
      var i = all.indexOf(document.activeElement);
      if (e.key === "ArrowDown") { e.preventDefault(); (all[i + 1] || all[i]).focus(); }
      else if (e.key === "ArrowUp") { e.preventDefault(); if (i <= 0) input.focus(); else all[i - 1].focus(); }
      else if (e.key === "Escape") { e.preventDefault(); results.hidden = true; input.focus(); }
    });
    document.addEventListener("keydown", function (e) {
      if ((e.key === "/" || e.key === "s") && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
        e.preventDefault();
        input.focus();
      }
    });
    document.addEventListener("click", function (e) {
      if (!box.contains(e.target)) results.hidden = true;
    });
  }

  // A course with very many chapters lists them from one script per language instead of
  // repeating the list in every page.
  function setupNavScript() {
    var list = document.querySelector("ol[data-nav-script]");
    if (!list) return;
    var lang = list.dataset.lang;
    function fill() {
      var items = window.docentNav && window.docentNav[lang];
      if (!items) return;
      var frag = document.createDocumentFragment();
      items.forEach(function (item) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = list.dataset.root + item[0];
        a.textContent = item[1];
        if (item[0] === list.dataset.current) a.setAttribute("aria-current", "page");
        li.appendChild(a);
        frag.appendChild(li);
      });
      list.appendChild(frag);
    }
    if (window.docentNav && window.docentNav[lang]) return fill();
    var script = document.createElement("script");
    script.src = list.dataset.navScript;
    script.onload = fill;
    document.head.appendChild(script);
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
    setupSearch();
    setupNavScript();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

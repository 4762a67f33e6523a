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

  // The button's label stays "Dark theme"; aria-pressed says whether it is on.
  function setupTheme() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    function show() {
      button.setAttribute("aria-pressed", doc.dataset.theme === "dark" ? "true" : "false");
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
        // Line by line, leaving out the empty rows that align compared listings.
        var lines = code.querySelectorAll(".line:not(.filler)");
        var text = lines.length
          ? Array.prototype.map.call(lines, function (l) { return l.textContent; }).join("\n")
          : code.textContent;
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

  // Whether arrow keys belong to what has focus: a form field, code, a map, a group of
  // buttons, or anything that scrolls sideways.
  function arrowsBelongTo(target) {
    if (typing(target)) return true;
    if (!target || !target.closest) return false;
    if (target.closest("pre, .code-box, .stage-map, .compare-view, .quiz, [role=region], [role=toolbar], .search-results")) return true;
    for (var el = target; el && el !== document.body; el = el.parentElement) {
      if (el.scrollWidth > el.clientWidth + 1) {
        var overflow = getComputedStyle(el).overflowX;
        if (overflow === "auto" || overflow === "scroll") return true;
      }
    }
    return false;
  }

  function setupKeys() {
    document.addEventListener("keydown", function (e) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
      if (!rel || arrowsBelongTo(e.target)) return;
      var link = document.querySelector('link[rel="' + rel + '"]');
      if (link) {
        e.preventDefault();
        window.location.href = link.href;
      }
    });
  }

  // A code block is one tab stop. From it, ↓ (or →) steps through the things inside it —
  // annotation markers and explained keywords — and ↑ (or ←) back; Home/End jump; Escape
  // returns to the block. Without this script the markers are ordinary links.
  function setupCodeKeys() {
    var pres = document.querySelectorAll("pre.code");
    Array.prototype.forEach.call(pres, function (pre) {
      var items = Array.prototype.slice.call(pre.querySelectorAll(".annotation-marker, .kw"));
      if (!items.length) return;
      items.forEach(function (item) { item.tabIndex = -1; });
      pre.addEventListener("keydown", function (e) {
        if (e.altKey || e.ctrlKey || e.metaKey) return;
        var at = items.indexOf(document.activeElement);
        var next = null;
        if (at < 0) {
          if (e.key === "ArrowDown") next = items[0];
          else if (e.key === "ArrowUp") next = items[items.length - 1];
        } else if (e.key === "ArrowDown" || e.key === "ArrowRight") next = items[Math.min(at + 1, items.length - 1)];
        else if (e.key === "ArrowUp" || e.key === "ArrowLeft") next = items[Math.max(at - 1, 0)];
        else if (e.key === "Home") next = items[0];
        else if (e.key === "End") next = items[items.length - 1];
        else if (e.key === "Escape") {
          var tip = document.activeElement;
          if (tip.classList.contains("kw") && !tip.classList.contains("tip-dismissed")) {
            tip.classList.add("tip-dismissed");
          } else {
            pre.focus();
          }
          e.preventDefault();
          return;
        }
        if (next) {
          e.preventDefault();
          next.focus();
        }
      });
      items.forEach(function (item) {
        item.addEventListener("blur", function () { item.classList.remove("tip-dismissed"); });
      });
    });
    // A glossary tip shown by hover or focus goes away with Escape, wherever focus is.
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      Array.prototype.forEach.call(document.querySelectorAll(".kw:hover, .kw:focus"), function (k) {
        k.classList.add("tip-dismissed");
      });
    });
    document.addEventListener("mouseover", function (e) {
      var k = e.target.closest && e.target.closest(".kw.tip-dismissed");
      if (!k) return;
      k.addEventListener("mouseleave", function leave() {
        if (document.activeElement !== k) k.classList.remove("tip-dismissed");
        k.removeEventListener("mouseleave", leave);
      });
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

  // Annotations: a marker at a line opens its note next to the line (beside it when the
  // block has room, else right under it, with a pointer to the marker), and the line lights
  // up; without JavaScript the marker is a link to the numbered note below the block.
  var openMarker = null;
  function closeNote(returnFocus) {
    if (!openMarker) return;
    var pop = document.getElementById(openMarker.getAttribute("aria-controls"));
    if (pop) pop.parentNode.removeChild(pop);
    var line = openMarker.closest(".line");
    if (line) line.classList.remove("note-open");
    openMarker.setAttribute("aria-expanded", "false");
    openMarker.removeAttribute("aria-controls");
    if (returnFocus) openMarker.focus();
    openMarker = null;
  }
  function placeNote(pop, marker, box) {
    var line = marker.closest(".line");
    var boxRect = box.getBoundingClientRect();
    var m = marker.getBoundingClientRect();
    var l = line.getBoundingClientRect();
    var room = boxRect.right - m.right - 16;
    pop.classList.remove("beside");
    if (room >= 300 && boxRect.width >= 640) {
      pop.classList.add("beside");
      pop.style.left = (m.right - boxRect.left + 12) + "px";
      pop.style.width = Math.min(room, 420) + "px";
      pop.style.top = (m.top - boxRect.top - 8) + "px";
    } else {
      pop.style.left = "";
      pop.style.width = "";
      pop.style.top = (l.bottom - boxRect.top + 10) + "px";
      var left = pop.offsetLeft;
      var arrow = m.left + m.width / 2 - boxRect.left - left - 7;
      pop.style.setProperty("--arrow", Math.max(8, Math.min(arrow, pop.offsetWidth - 24)) + "px");
    }
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
    box.appendChild(pop);
    placeNote(pop, marker, box);
    var line = marker.closest(".line");
    if (line) line.classList.add("note-open");
    marker.setAttribute("aria-expanded", "true");
    marker.setAttribute("aria-controls", pop.id);
    openMarker = marker;
    pop.focus({ preventScroll: true });
    var r = pop.getBoundingClientRect();
    if (r.bottom > window.innerHeight) pop.scrollIntoView({ block: "nearest" });
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
      if (e.key === "Escape" && openMarker) { e.preventDefault(); closeNote(true); }
    });
    document.addEventListener("click", function (e) {
      if (openMarker && !e.target.closest(".annotation-popover") && !e.target.closest(".annotation-marker")) closeNote(false);
    });
    window.addEventListener("resize", function () {
      if (!openMarker) return;
      var pop = document.getElementById(openMarker.getAttribute("aria-controls"));
      if (pop) placeNote(pop, openMarker, openMarker.closest(".code-box"));
    });
  }

  var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  // Stage maps: rails from each stage to the stages that take something from it, and
  // selecting a stage (hover, focus, tap) lights up its lines — scrolling them into view when
  // they are off screen, with the map pinned above them on a wide screen. The map is one
  // tab stop; ↑/↓ move between stages.
  function setupStageMaps() {
    var maps = document.querySelectorAll(".stage-map");
    Array.prototype.forEach.call(maps, function (map) {
      var block = document.getElementById(map.dataset.block);
      var list = map.querySelector(".stage-list");
      var stages = Array.prototype.slice.call(map.querySelectorAll(".stage"));
      var heads = stages.map(function (s) { return s.querySelector(".stage-head"); });
      if (!block || !list || !stages.length) return;
      var byName = {};
      stages.forEach(function (s) { byName[s.dataset.stage] = s; });
      var edges = [];
      stages.forEach(function (s) {
        Array.prototype.forEach.call(s.querySelectorAll(".dep-stage[data-from]"), function (dep) {
          var from = byName[dep.dataset.from];
          if (from && from !== s) edges.push({ from: from, dep: dep, to: s });
        });
      });
      var svg = null;
      var ns = "http://www.w3.org/2000/svg";
      function draw() {
        if (svg) svg.parentNode.removeChild(svg);
        svg = null;
        if (!edges.length) return;
        var lanes = edges.length;
        map.classList.add("has-rails");
        list.style.setProperty("--rails", (lanes * 9 + 16) + "px");
        var base = list.getBoundingClientRect();
        svg = document.createElementNS(ns, "svg");
        svg.setAttribute("class", "stage-rails");
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("width", String(base.width));
        svg.setAttribute("height", String(base.height));
        // Longer spans on outer lanes, so rails do not cross more than they must.
        var order = edges.slice().sort(function (a, b) {
          return (stages.indexOf(a.to) - stages.indexOf(a.from)) - (stages.indexOf(b.to) - stages.indexOf(b.from));
        });
        order.forEach(function (edge, k) {
          var x = lanes * 9 + 4 - (k + 1) * 9 + 4;
          var dot = edge.from.querySelector(".stage-dot").getBoundingClientRect();
          var dep = edge.dep.getBoundingClientRect();
          var card = edge.to.getBoundingClientRect();
          var y1 = dot.top + dot.height / 2 - base.top;
          var y2 = dep.top + dep.height / 2 - base.top;
          var x1 = dot.left - base.left;
          var x2 = card.left - base.left - 1;
          var path = document.createElementNS(ns, "path");
          path.setAttribute("d", "M" + x1 + "," + y1 + " H" + x + " V" + y2 + " H" + (x2 - 5));
          var head = document.createElementNS(ns, "path");
          head.setAttribute("d", "M" + (x2 - 6) + "," + (y2 - 4) + " L" + x2 + "," + y2 + " L" + (x2 - 6) + "," + (y2 + 4) + " z");
          head.setAttribute("class", "head");
          edge.lines = [path, head];
          svg.appendChild(path);
          svg.appendChild(head);
        });
        list.appendChild(svg);
      }
      draw();
      if (window.ResizeObserver) new ResizeObserver(function () { draw(); }).observe(list);

      function lines(stage) {
        var range = stage.dataset.lines.split("-");
        var out = [];
        for (var n = +range[0]; n <= +range[1]; n++) {
          var line = document.getElementById(block.id + "-L" + n);
          if (line) out.push(line);
        }
        return out;
      }
      var active = null;
      var unpin = null;
      function select(stage, scroll) {
        if (active === stage) { if (scroll) reveal(stage); return; }
        clear();
        active = stage;
        stage.classList.add("active");
        stage.querySelector(".stage-head").setAttribute("aria-pressed", "true");
        lines(stage).forEach(function (l) { l.classList.add("stage-hl"); });
        edges.forEach(function (e) {
          if (e.to === stage || e.from === stage) {
            e.dep.classList.add("lit");
            (e.lines || []).forEach(function (p) { p.classList.add("lit"); });
          }
        });
        if (scroll) reveal(stage);
      }
      function clear() {
        if (!active) return;
        active.classList.remove("active");
        active.querySelector(".stage-head").setAttribute("aria-pressed", "false");
        lines(active).forEach(function (l) { l.classList.remove("stage-hl"); });
        edges.forEach(function (e) {
          e.dep.classList.remove("lit");
          (e.lines || []).forEach(function (p) { p.classList.remove("lit"); });
        });
        active = null;
      }
      // Brings the stage's lines into view if they are not: below a pinned map when the
      // screen is wide enough for both, else on their own.
      function reveal(stage) {
        var ls = lines(stage);
        if (!ls.length) return;
        var first = ls[0].getBoundingClientRect();
        var last = ls[ls.length - 1].getBoundingClientRect();
        var mapRect = map.getBoundingClientRect();
        var wide = window.innerWidth >= 768 && mapRect.height < window.innerHeight * 0.45;
        var top = wide ? Math.max(mapRect.bottom, 0) : 0;
        var visible = first.top >= top && last.bottom <= window.innerHeight;
        if (visible) return;
        if (wide) map.classList.add("pinned");
        var pinnedHeight = wide ? map.getBoundingClientRect().height : 0;
        var topbar = document.querySelector(".topbar");
        var offset = (topbar && getComputedStyle(topbar).position === "sticky" ? topbar.offsetHeight : 0) + pinnedHeight + 12;
        window.scrollBy({ top: first.top - offset, behavior: reduceMotion ? "auto" : "smooth" });
      }
      function release() {
        clear();
        map.classList.remove("pinned");
      }
      stages.forEach(function (stage, i) {
        var head = heads[i];
        head.tabIndex = i === 0 ? 0 : -1;
        var intent = null;
        stage.addEventListener("mouseenter", function () {
          if (unpin) { clearTimeout(unpin); unpin = null; }
          select(stage, false);
          intent = setTimeout(function () { reveal(stage); }, 350);
        });
        stage.addEventListener("mouseleave", function () { clearTimeout(intent); });
        head.addEventListener("focus", function () {
          heads.forEach(function (h) { h.tabIndex = h === head ? 0 : -1; });
          select(stage, true);
        });
        head.addEventListener("click", function () {
          if (active === stage && head.getAttribute("aria-pressed") === "true" && document.activeElement !== head) release();
          else select(stage, true);
        });
        head.addEventListener("keydown", function (e) {
          var to = null;
          if (e.key === "ArrowDown" || e.key === "ArrowRight") to = heads[Math.min(i + 1, heads.length - 1)];
          else if (e.key === "ArrowUp" || e.key === "ArrowLeft") to = heads[Math.max(i - 1, 0)];
          else if (e.key === "Home") to = heads[0];
          else if (e.key === "End") to = heads[heads.length - 1];
          else if (e.key === "Escape") { e.preventDefault(); release(); return; }
          if (to) { e.preventDefault(); to.focus(); }
        });
      });
      map.addEventListener("mouseleave", function () {
        if (map.contains(document.activeElement)) return;
        unpin = setTimeout(release, 500);
      });
      map.addEventListener("focusout", function (e) {
        if (!map.contains(e.relatedTarget)) release();
      });
    });
  }

  // Comparisons: side by side or unified, whichever the reader picks (a narrow screen
  // starts unified).
  function setupCompare() {
    var groups = document.querySelectorAll(".compare");
    Array.prototype.forEach.call(groups, function (compare) {
      var bar = compare.querySelector(".compare-view");
      if (!bar) return;
      bar.hidden = false;
      var buttons = Array.prototype.slice.call(bar.querySelectorAll("button"));
      function show() {
        var view = compare.dataset.view || (window.matchMedia("(max-width: 50rem)").matches ? "unified" : "split");
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", b.dataset.view === view ? "true" : "false"); });
      }
      buttons.forEach(function (b) {
        b.addEventListener("click", function () {
          compare.dataset.view = b.dataset.view;
          show();
        });
      });
      show();
      window.addEventListener("resize", show);
    });
  }

  // Quizzes: choose, check, see why, and a running score.
  function setupQuizzes() {
    var quizzes = document.querySelectorAll(".quiz");
    Array.prototype.forEach.call(quizzes, function (quiz) {
      var questions = quiz.querySelectorAll(".quiz-question");
      var score = quiz.querySelector(".quiz-score");
      var results = {};
      function tally() {
        if (!score) return;
        var answered = Object.keys(results).length;
        var right = Object.keys(results).filter(function (k) { return results[k]; }).length;
        var template = answered === questions.length ? score.dataset.done : score.dataset.template;
        score.textContent = template.replace("{$right}", right).replace("{$total}", questions.length);
        score.hidden = false;
      }
      Array.prototype.forEach.call(questions, function (item) {
        var button = item.querySelector(".quiz-check");
        var result = item.querySelector(".quiz-result");
        if (!button) return;
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
          // The first check of a question is what counts.
          if (!(item.id in results)) results[item.id] = right;
          tally();
        });
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
          // A title with inline Markdown comes as docent's escaped HTML too.
          var page = index.pages[s[0]];
          if (page[3]) {
            var crumb = document.createElement("span");
            crumb.className = "search-crumb";
            crumb.textContent = page[3];
            a.appendChild(crumb);
          }
          if (page[2]) chapter.innerHTML = page[2]; else chapter.textContent = page[0];
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

  // The sidebar: a course with very many chapters gets its list from one script per
  // language (the same HTML every page would carry), marked here for this page. Branches
  // fold with their toggle, the current one open; the current chapter is scrolled into
  // view inside the sidebar (never the page).
  function setupNav() {
    var sidebar = document.querySelector(".sidebar");
    if (!sidebar) return;
    var tree = sidebar.querySelector(".nav-tree[data-nav-script]");
    function ready() {
      sidebar.querySelectorAll(".nav-toggle").forEach(function (button) {
        button.hidden = false;
        button.addEventListener("click", function () {
          var branch = button.closest(".nav-branch");
          var open = branch.dataset.open !== "true";
          branch.dataset.open = open ? "true" : "false";
          button.setAttribute("aria-expanded", open ? "true" : "false");
        });
      });
      document.documentElement.classList.add("nav-ready");
      var current = sidebar.querySelector("a[aria-current='page']");
      if (!current || sidebar.scrollHeight <= sidebar.clientHeight) return;
      var r = current.getBoundingClientRect(), s = sidebar.getBoundingClientRect();
      if (r.top < s.top || r.bottom > s.bottom) sidebar.scrollTop += r.top - s.top - s.height / 3;
    }
    if (!tree) return ready();
    var lang = tree.dataset.lang;
    function fill() {
      var html = window.docentNav && window.docentNav[lang];
      if (typeof html !== "string") return;
      tree.innerHTML = html; // nav.html, rendered and escaped by docent
      tree.querySelectorAll("a").forEach(function (a) {
        if (a.getAttribute("href") !== tree.dataset.current) return;
        a.setAttribute("aria-current", "page");
        for (var b = a.closest(".nav-branch"); b; b = b.parentElement.closest(".nav-branch")) {
          b.dataset.open = "true";
          var t = b.querySelector(":scope > .nav-toggle");
          if (t) t.setAttribute("aria-expanded", "true");
        }
      });
      ready();
    }
    if (window.docentNav && window.docentNav[lang]) return fill();
    var script = document.createElement("script");
    script.src = tree.dataset.navScript;
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
    setupCodeKeys();
    setupAnnotations();
    setupStageMaps();
    setupCompare();
    setupQuizzes();
    setupSearch();
    setupNav();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

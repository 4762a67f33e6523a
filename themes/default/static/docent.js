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
  // A count in the page language's digits and marks, as docent writes numbers at build time.
  // Small whole numbers (counts, scores) need no Intl, whose first use costs milliseconds.
  function localNumber(n) {
    n = Number(n);
    if (n >= 0 && n < 1000 && n % 1 === 0) {
      var zero = doc.dataset.zero;
      return zero ? String(n).replace(/[0-9]/g, function (d) { return String.fromCharCode(zero.charCodeAt(0) + Number(d)); }) : String(n);
    }
    try { return n.toLocaleString(doc.lang || undefined); } catch (e) { return String(n); }
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

  // On a phone the top bar (menu, search, theme, language) slides away while the reader
  // scrolls down and comes back on any scroll up, or when something in it gets focus.
  function setupTopbar() {
    var bar = document.querySelector(".topbar");
    if (!bar || !window.matchMedia) return;
    var phone = window.matchMedia("(max-width: 48rem)");
    var last = window.scrollY, queued = false;
    function update() {
      queued = false;
      var y = window.scrollY, step = y - last;
      last = y;
      var keep = !phone.matches || y <= bar.offsetHeight ||
        document.body.classList.contains("nav-open") || bar.contains(document.activeElement);
      if (keep || step < -4) bar.classList.remove("tucked");
      else if (step > 4) bar.classList.add("tucked");
    }
    window.addEventListener("scroll", function () {
      if (!queued) { queued = true; requestAnimationFrame(update); }
    }, { passive: true });
    bar.addEventListener("focusin", function () { bar.classList.remove("tucked"); });
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
      // Right to left, the next page lies to the left, as the pager's arrows show.
      var back = doc.dir === "rtl" ? "ArrowRight" : "ArrowLeft";
      var on = doc.dir === "rtl" ? "ArrowLeft" : "ArrowRight";
      var rel = e.key === back ? "prev" : e.key === on ? "next" : null;
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
        var current = readingAt(Array.prototype.slice.call(heads));
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
    // A page of every chapter (the one-file bundle, the print page): the other language's
    // page has the same chapters and headings in the same order, so the place goes along
    // as "#@chapter.heading" and that page turns it back into its own anchor.
    var chapters = document.querySelectorAll("section.print-chapter");
    if (!chapters.length) return;
    Array.prototype.forEach.call(document.querySelectorAll(".lang-switcher a[hreflang]:not([aria-current]):not([data-headings])"), function (a) {
      a.addEventListener("click", function () {
        var k = -1, j = -1;
        for (var i = 0; i < chapters.length; i++) {
          if (chapters[i].getBoundingClientRect().top <= 80) k = i; else break;
        }
        if (k < 0) return;
        var heads = sectionHeadings(chapters[k]);
        for (var h = 0; h < heads.length; h++) {
          if (heads[h].getBoundingClientRect().top <= 80) j = h; else break;
        }
        a.href = a.href.split("#")[0] + "#@" + k + "." + j;
      });
    });
    var at = /^#@(\d+)\.(-?\d+)$/.exec(location.hash);
    var chapter = at && chapters[Number(at[1])];
    if (!chapter) return;
    var target = sectionHeadings(chapter)[Number(at[2])] || chapter;
    if (target.id) history.replaceState(null, "", "#" + target.id);
    target.scrollIntoView();
  }
  function sectionHeadings(chapter) {
    return chapter.querySelectorAll("h2[id]:not(.print-chapter-title), h3[id], h4[id]");
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

  // Where am I: the table of contents marks the section being read.
  // Which of `heads` (in page order) is being read: the last one at or above a line just
  // under the top bar (a heading reached by its anchor stops there, at the scroll padding);
  // at the very end of the page, the last one that shows, since it can never scroll that
  // high. The table of contents marks it; the language switcher goes to its counterpart.
  function readingAt(heads) {
    var bar = document.querySelector(".topbar");
    var padding = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    var line = Math.max(bar ? bar.getBoundingClientRect().bottom : 0, padding) + 24;
    var at = -1;
    for (var i = 0; i < heads.length; i++) {
      if (heads[i] && heads[i].getBoundingClientRect().top <= line) at = i;
    }
    var end = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    if (end) {
      for (var j = heads.length - 1; j > at; j--) {
        if (heads[j] && heads[j].getBoundingClientRect().top < window.innerHeight) { at = j; break; }
      }
    }
    return at;
  }

  function setupScrollSpy() {
    var toc = document.querySelector(".page-toc");
    if (!toc) return;
    var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
    var heads = links.map(function (a) {
      return document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
    });
    var current = -1, queued = false;
    function update() {
      queued = false;
      var at = readingAt(heads);
      if (at === current) return;
      if (current >= 0) links[current].removeAttribute("aria-current");
      current = at;
      if (at < 0) return;
      links[at].setAttribute("aria-current", "location");
      var box = toc.getBoundingClientRect(), r = links[at].getBoundingClientRect();
      if (toc.scrollHeight > toc.clientHeight && (r.top < box.top || r.bottom > box.bottom)) {
        toc.scrollTop += r.top - box.top - box.height / 3;
      }
    }
    function queue() {
      if (!queued) { queued = true; requestAnimationFrame(update); }
    }
    window.addEventListener("scroll", queue, { passive: true });
    window.addEventListener("resize", queue);
    update();
  }

  // Reading progress, kept in this browser per course and language (also from file://):
  // chapters read to the end, quiz scores, the last chapter opened. The sidebar and the
  // home page show it; the home page can clear it.
  var progressKey = "docent-progress:" + (document.documentElement.dataset.course || "") +
    ":" + document.documentElement.lang;
  function progressLoad() {
    try {
      var p = JSON.parse(load(progressKey) || "{}");
      if (p && typeof p === "object") {
        p.read = p.read || {};
        p.quiz = p.quiz || {};
        return p;
      }
    } catch (e) { /* a damaged entry starts again */ }
    return { read: {}, quiz: {} };
  }
  function progressSave(p) { store(progressKey, JSON.stringify(p)); }
  // The chapter a link or address points at: its last folder ("…/slug/", "…/slug/index.html").
  function chapterOf(href) {
    var path = String(href).split(/[?#]/)[0].replace(/index\.html$/, "").replace(/\/$/, "");
    return decodeURIComponent(path.slice(path.lastIndexOf("/") + 1));
  }
  function quizTotals(p, slug) {
    var q = p.quiz[slug];
    if (!q) return null;
    var right = 0, total = 0;
    Object.keys(q).forEach(function (k) { right += q[k].right; total += q[k].total; });
    return total ? { right: right, total: total } : null;
  }
  // Marks each chapter link in `list` read (✓) and with its quiz score.
  function markChapters(list) {
    if (!list) return;
    var p = progressLoad();
    var labels = list.dataset.progressRead !== undefined ? list : list.querySelector("[data-progress-read]");
    if (!labels) return;
    var readLabel = labels.dataset.progressRead || "", quizLabel = labels.dataset.progressQuiz || "";
    Array.prototype.forEach.call(list.querySelectorAll("a[href]"), function (a) {
      Array.prototype.forEach.call(a.querySelectorAll(".progress-mark"), function (m) { m.remove(); });
      var slug = chapterOf(a.getAttribute("href"));
      var quiz = quizTotals(p, slug);
      // In the sidebar the link is a grid (number, title): the marks follow the title.
      var into = a.querySelector(".nav-title") || a;
      if (p.read[slug]) {
        var tick = document.createElement("span");
        tick.className = "progress-mark progress-read";
        tick.title = readLabel;
        tick.innerHTML = '<span aria-hidden="true">✓</span><span class="visually-hidden"></span>';
        tick.lastChild.textContent = " (" + readLabel + ")";
        into.appendChild(tick);
      }
      if (quiz) {
        var badge = document.createElement("span");
        badge.className = "progress-mark progress-quiz" + (quiz.right === quiz.total ? " all-right" : "");
        var words = quizLabel.replace("{$right}", localNumber(quiz.right)).replace("{$total}", localNumber(quiz.total));
        badge.title = words;
        badge.innerHTML = '<span aria-hidden="true"></span><span class="visually-hidden"></span>';
        badge.firstChild.textContent = quiz.right + "/" + quiz.total;
        badge.lastChild.textContent = " (" + words + ")";
        into.appendChild(badge);
      }
    });
  }
  function setupProgress() {
    var chapter = document.querySelector("article.chapter");
    var sidebar = document.querySelector(".sidebar");
    if (chapter) {
      var slug = chapterOf(location.pathname);
      var p = progressLoad();
      p.last = { slug: slug, title: (chapter.querySelector("h1") || {}).textContent || slug };
      progressSave(p);
      var end = document.querySelector(".page-meta, .pager") || chapter;
      var markRead = function () {
        var q = progressLoad();
        if (q.read[slug]) return;
        q.read[slug] = 1;
        progressSave(q);
        markChapters(sidebar);
      };
      if ("IntersectionObserver" in window) {
        var seen = new IntersectionObserver(function (entries) {
          if (entries.some(function (e) { return e.isIntersecting; })) { markRead(); seen.disconnect(); }
        });
        seen.observe(end);
      }
      document.addEventListener("docent:quiz", function (e) {
        var q = progressLoad();
        q.quiz[slug] = q.quiz[slug] || {};
        q.quiz[slug][e.detail.id] = { right: e.detail.right, total: e.detail.total };
        progressSave(q);
        markChapters(sidebar);
      });
    }
    markChapters(sidebar);
    var home = document.querySelector(".home-progress");
    if (!home) return;
    var list = document.querySelector(".home-chapters");
    markChapters(list);
    var p2 = progressLoad();
    var last = p2.last && list && Array.prototype.filter.call(list.querySelectorAll("a[href]"), function (a) {
      return chapterOf(a.getAttribute("href")) === p2.last.slug;
    })[0];
    var link = home.querySelector(".home-continue a");
    var cont = home.querySelector(".home-continue");
    if (last) {
      link.href = last.getAttribute("href");
      link.textContent = (last.querySelector(".home-title") || last).textContent;
    }
    cont.hidden = !last;
    var any = last || Object.keys(p2.read).length || Object.keys(p2.quiz).length;
    home.hidden = !any;
    var reset = home.querySelector(".progress-reset");
    reset.addEventListener("click", function () {
      try { localStorage.removeItem(progressKey); } catch (e) { /* nothing kept */ }
      markChapters(list);
      markChapters(sidebar);
      cont.hidden = true;
      reset.hidden = true;
      home.querySelector(".progress-status").textContent = reset.dataset.done;
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
        score.textContent = template.replace("{$right}", localNumber(right)).replace("{$total}", localNumber(questions.length));
        score.hidden = false;
        if (answered === questions.length) {
          document.dispatchEvent(new CustomEvent("docent:quiz", {
            detail: { id: quiz.id || "quiz", right: right, total: questions.length }
          }));
        }
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
  // Chinese, Japanese and Korean runs are searched by overlapping pairs of characters, as
  // the index holds them (see `search::words`).
  var WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
  var CJK = /[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u{20000}-\u{2fa1f}]/u;
  function cjkPairs(run) {
    var chars = Array.from(run), out = [], k = 0;
    while (k < chars.length) {
      var cjk = CJK.test(chars[k]), j = k;
      while (j < chars.length && CJK.test(chars[j]) === cjk) j++;
      if (!cjk || j - k === 1) out.push(chars.slice(k, j).join(""));
      else for (var p = k; p < j - 1; p++) out.push(chars[p] + chars[p + 1]);
      k = j;
    }
    return out;
  }
  var DIACRITIC = /(?=\p{M})[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/gu;
  var NON_ASCII = /[^\x00-\x7f]/;
  function fold(s) {
    // ASCII has nothing to fold but case (most of a technical course's text).
    if (!NON_ASCII.test(s)) return s.toLowerCase();
    // As the index folds words: accents, Hebrew points and Arabic vowel signs off (é → e),
    // Indic vowel signs and kana voicing marks kept, then composed again (Hangul syllables
    // stay syllables, パ stays パ).
    return s.normalize("NFD").replace(DIACRITIC, "").normalize("NFC").toLowerCase();
  }
  // Search. Each language's index is a manifest (pages, words, terms) and parts loaded on
  // demand: buckets of postings with BM25F scores made at build time, and chunks of section
  // text for snippets and for re-ranking the best candidates by phrase and proximity. Every
  // script pushes [lang, name, data] onto window.docentSearchParts, so they work from
  // file:// and inline in the one-file bundle.
  var searchStore = {};
  var searchLoading = {};
  // Parts that did not load (a missing file, a broken network): not asked for again while
  // the page lives, so a reader typing on does not add a request, or a script, per key.
  var searchFailed = {};
  function takeSearchParts() {
    var parts = window.docentSearchParts || [];
    while (parts.length) {
      var p = parts.shift();
      (searchStore[p[0]] = searchStore[p[0]] || {})[p[1]] = p[2];
    }
  }
  // `then(ok)`: ok when every part named is there (loaded, or inline in the bundle).
  function needSearchParts(base, lang, names, then) {
    takeSearchParts();
    var have = searchStore[lang] || {};
    var missing = names.filter(function (n, i) { return !(n in have) && names.indexOf(n) === i; });
    var all = function () {
      takeSearchParts();
      var got = searchStore[lang] || {};
      then(missing.every(function (n) { return n in got; }));
    };
    if (!missing.length) return then(true);
    var left = missing.length;
    missing.forEach(function (name) {
      var url = base + lang + (name === "index" ? "" : "/" + name) + ".js";
      var done = function () { if (--left === 0) all(); };
      if (searchFailed[url]) return done();
      if (searchLoading[url]) { searchLoading[url].push(done); return; }
      searchLoading[url] = [done];
      loadSearchPart(url, function () {
        var waiting = searchLoading[url];
        delete searchLoading[url];
        takeSearchParts();
        if (!(name in (searchStore[lang] || {}))) searchFailed[url] = true;
        waiting.forEach(function (f) { f(); });
      });
    });
  }
  // Over http(s) a part is fetched and its data read with JSON.parse: no script to stream,
  // compile and run for each of the dozen parts a first query on a large course needs.
  // From file:// (where fetching is refused), or when a fetch is refused, a script tag. A
  // part the server answers with an error, or with what is not a part, did not load.
  var fetchSearchParts = /^https?:$/.test(location.protocol) && typeof fetch === "function";
  var PART_TIMEOUT = 10000;
  function loadSearchPart(url, done) {
    var viaScript = function () {
      var script = document.createElement("script");
      script.src = url;
      script.onload = script.onerror = function () { script.remove(); done(); };
      document.head.appendChild(script);
    };
    if (!fetchSearchParts) return viaScript();
    // A part that does not answer in PART_TIMEOUT ms did not load (no list left waiting).
    var abort = typeof AbortController === "function" ? new AbortController() : null;
    var timer = abort && setTimeout(function () { abort.abort(); }, PART_TIMEOUT);
    fetch(url, abort ? { signal: abort.signal } : {}).then(function (r) {
      if (!r.ok) return true;
      return r.text().then(function (text) {
        // The script is `(window.docentSearchParts=…).push(JSON);`.
        var part = JSON.parse(text.slice(text.indexOf(".push(") + 6, text.lastIndexOf(")")));
        if (Array.isArray(part)) (window.docentSearchParts = window.docentSearchParts || []).push(part);
      }).then(function () { return true; }, function () { return true; });
    }, function () {
      // Refused (file://, a blocked request): try a script. Timed out: it did not load.
      return !!(abort && abort.signal.aborted);
    }).then(function (answered) {
      clearTimeout(timer);
      // Outside the promise: an error in what `done` runs (the results) is reported as
      // any other, not taken for a failed fetch.
      setTimeout(answered ? done : viaScript, 0);
    });
  }

  // How much a synonym's match counts against the word as typed: a word the course never
  // uses counts as its synonym; one it uses says most by its own places.
  var SYNONYM = 1, SYNONYM_OF_KNOWN = 0.5;
  // How much a word's rarity weighs in the coverage, as a power of its idf: 1 let a rare
  // word the answer need not hold decide; 0.6-0.7 gained on every judged set (refit, stop 42).
  var RARITY = 0.65;
  // The words a heading may begin with before the word it is about, by language family:
  // articles ("The platform arguments", "Os argumentos de plataforma") and why/how ("Why
  // nginx-unprivileged", "Por que o UID…"), not prepositions ("Do build emulado…").
  var LEADS = {
    en: ["the", "a", "an", "why", "how"],
    pt: ["o", "a", "os", "as", "um", "uma", "uns", "umas", "por", "que"],
    es: ["el", "la", "los", "las", "un", "una", "unos", "unas"],
    fr: ["le", "la", "les", "l", "un", "une", "des"],
    de: ["der", "die", "das", "den", "dem", "ein", "eine", "einen"],
    it: ["il", "lo", "la", "i", "gli", "le", "l", "un", "uno", "una"],
  };
  // Candidates `rank` passes on to be re-ranked by their text.
  var RANKED = 10;
  // Scores this close count as a tie (see `order`).
  var TIE = 1.03;
  // Synonyms a word is read as, at most: each is matched against every word of a candidate.
  var MAX_SYNONYMS = 12;
  function within1(a, b) {
    if (Math.abs(a.length - b.length) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (a.length > b.length) i++;
      else if (b.length > a.length) j++;
      else if (a[i + 1] === b[j] && a[i] === b[j + 1]) { i += 2; j += 2; }
      else { i++; j++; }
    }
    return edits + (a.length - i) + (b.length - j) <= 1;
  }

  function SearchEngine(base, lang) {
    this.base = base;
    this.lang = lang;
    // The language without its region ("pt" of "pt-BR"), which ENDING_WORDS and
    // NUMBER_WORDS are keyed by.
    this.family = lang.split("-")[0].toLowerCase();
    this.m = null;
    // What `halves` made of each word it was asked about.
    this.split = new Map();
  }
  // `then(ok)` once the manifest is read; not ok when it could not be loaded.
  SearchEngine.prototype.ready = function (then) {
    var self = this;
    if (self.m) return then(true);
    if (self.broken) return then(false);
    needSearchParts(self.base, self.lang, ["index"], function () {
      var m = (searchStore[self.lang] || {}).index;
      if (self.m) return then(true);
      if (!m) return then(false);
      // A manifest of another shape (a cached one from another docent) cannot be read.
      try {
        self.terms = m.terms.split("\n");
        self.termId = new Map();
        self.terms.forEach(function (t, i) { self.termId.set(t, i); });
        self.words = m.words ? m.words.split(" ") : [];
        self.wordStem = new Map();
        self.words.forEach(function (w, i) { self.wordStem.set(w, m.stems[i]); });
        self.stop = new Set(m.stop);
        self.cut = new Set(m.cut || []);
        // The author's synonym groups: [folded words, term ids of their stems in the course].
        self.syn = (m.syn || []).map(function (g) { return { words: g[0], ids: g[1] }; });
        if (!(m.n >= 0 && m.buckets > 0 && m.chunk > 0 && Array.isArray(m.pages))) throw new Error("manifest");
      } catch (e) {
        self.broken = true;
        return then(false);
      }
      self.m = m;
      then(true);
    });
  };
  // What to look up for one typed word: [term id, weight] pairs. The word itself, words of
  // the course it begins (while typing), one typo away (five letters or more), or a stem
  // it begins with (a form the course never uses).
  SearchEngine.prototype.candidates = function (word, typing) {
    var self = this, out = new Map();
    // The words a typo stands for, so the ranking reads "camdas" as "camadas" too.
    out.fixes = [];
    var add = function (id, w) { if (id !== undefined && !(out.get(id) >= w)) out.set(id, w); };
    add(self.wordStem.get(word), 1);
    add(self.termId.get(word), 1);
    var exact = out.size > 0;
    // A form the course never writes ("falhou", "creating"): found by its stem, as the words
    // the course does write are.
    var guessed = exact ? undefined : self.stemOf(word);
    add(guessed, GUESSED);
    var known = exact || guessed !== undefined;
    // A word of one of the author's synonym groups also finds the group's other words,
    // a little below itself; `out.syn` holds them for the ranking to read as this word.
    out.syn = [];
    var stem = exact ? self.wordStem.get(word) : guessed;
    // Snowball's Portuguese stemmer cuts "copia", "copiam" to "cop" but "copiar", "copiou"
    // to "copi" (as it cuts "comia" to "com" of "comer"): a verb in -iar the course uses
    // finds its present forms, and the other way round.
    if (self.family === "pt" && stem !== undefined) add(self.iarStem(self.terms[stem], word), exact ? 1 : GUESSED);
    // A group is the word's when it lists the word, its plural ("containers", where the
    // stemmer of pt-BR keeps the English -s), or holds its stem in the course; a word the
    // course never uses, also when it is a group word of four letters or more with a short
    // ending added ("extracting", "tiers"; not "senhor" for "senha").
    var plural = function (w) { return w.length >= 4 && (word === w + "s" || word === w + "es"); };
    var inGroup = function (g) {
      if (g.words.indexOf(word) >= 0 || g.words.some(plural)) return true;
      if (stem !== undefined && g.ids.indexOf(stem) >= 0) return true;
      return stem === undefined && g.words.some(function (w) {
        return w.length >= 4 && word.length <= w.length + 4 && word.lastIndexOf(w, 0) === 0;
      });
    };
    var listed = new Set();
    self.syn.forEach(function (g) {
      if (!inGroup(g)) return;
      g.ids.forEach(function (id) { add(id, exact ? SYNONYM_OF_KNOWN : SYNONYM); });
      g.words.forEach(function (w) {
        if (w !== word && !listed.has(w) && listed.size < MAX_SYNONYMS) { listed.add(w); out.syn.push(w); }
      });
    });
    // A number typed as digits also finds it written as a word, and the other way round
    // ("10 seconds" where the course says "ten seconds").
    var numbers = NUMBER_WORDS[self.family];
    if (numbers) {
      var value = /^\d{1,2}$/.test(word) ? Number(word) : numbers.findIndex(function (ws) { return ws.indexOf(word) >= 0; });
      var forms = value >= 0 && value < numbers.length ? numbers[value].concat([String(value)]) : [];
      forms.forEach(function (w) {
        if (w === word || self.stop.has(w) || !self.wordStem.has(w)) return;
        add(self.wordStem.get(w), exact ? SYNONYM_OF_KNOWN : SYNONYM);
        if (!listed.has(w)) { listed.add(w); out.syn.push(w); }
      });
    }
    // One Chinese, Japanese or Korean character: also the indexed pairs that hold it.
    if (Array.from(word).length === 1 && CJK.test(word)) {
      for (var c = 0, found = 0; c < self.words.length && found < 60; c++) {
        var pair = Array.from(self.words[c]);
        if (pair.length === 2 && (pair[0] === word || pair[1] === word)) { add(self.m.stems[c], 0.85); found++; }
      }
      return out;
    }
    // Words of the course a query word begins: while it is typed, or when the course does not
    // use it whole ("distro"). A whole word the course uses finds only its own forms and the
    // names it begins with a number ("arm" of "arm64"), not every longer word ("build" is not
    // "buildkit").
    var n = 0;
    if (word.length >= 3 || (typing && word.length >= 2)) {
      var open = typing || !known;
      for (var i = 0; i < self.words.length && n < 60; i++) {
        var w = self.words[i];
        if (w.length > word.length && w.lastIndexOf(word, 0) === 0 && (open || /\d/.test(w.charAt(word.length)))) {
          add(self.m.stems[i], exact ? 0.5 : 0.85);
          n++;
        }
      }
    }
    // One typo in a word of five letters or more; in a four-letter word ("muti") only when
    // nothing else matched. Not in a word being typed that begins a word of the course:
    // "dependab" is "dependabot" on its way, not "dependa".
    if (!known && !(typing && n) && (word.length >= 5 || (word.length === 4 && !out.size))) {
      self.oneOff(word).forEach(function (k) { add(self.m.stems[k], 0.6); out.fixes.push(self.words[k]); });
    }
    if (!out.size) {
      for (var t = word.length - 1; t >= Math.max(4, word.length - 2); t--) {
        if (self.termId.has(word.slice(0, t))) { add(self.termId.get(word.slice(0, t)), 0.8); break; }
      }
    }
    return out;
  };
  // Endings of the languages docent ships (folded), which `stemOf` takes off a word the
  // course never writes, longest first (sorted below). The build's Snowball stemmers cut the
  // same ones; the page does not carry them, and needs only to reach a stem the course has.
  var ENDINGS = {
    en: ["ations", "ation", "ingly", "ings", "ing", "edly", "ed", "ers", "er", "ies", "es", "s", "ly",
      "ments", "ment", "ness"],
    pt: ["amente", "mente", "acoes", "icoes", "acao", "icao", "idades", "idade", "ismos", "ismo", "istas",
      "ista", "aveis", "avel", "iveis", "ivel", "ariamos", "eriamos", "iriamos", "assemos", "essemos",
      "issemos", "aramos", "eramos", "iramos", "avamos", "aremos", "eremos", "iremos", "ariam", "eriam",
      "iriam", "assem", "essem", "issem", "arias", "erias", "irias", "aras", "eras", "iras", "avas",
      "ares", "eres", "ires", "ados", "idos", "adas", "idas", "amos", "emos", "imos", "ando", "endo",
      "indo", "arao", "erao", "irao", "aria", "eria", "iria", "asse", "esse", "isse", "aste", "este",
      "iste", "arei", "erei", "irei", "avam", "aram", "eram", "iram", "arem", "erem", "irem", "ara",
      "era", "ira", "ava", "ado", "ido", "ada", "ida", "iam", "ias", "ar", "er", "ir", "ou", "eu", "iu",
      "am", "em", "ei", "ia", "as", "es", "os", "is", "a", "e", "o", "i", "s"],
  };
  Object.keys(ENDINGS).forEach(function (k) { ENDINGS[k].sort(function (a, b) { return b.length - a.length; }); });
  // How much a stem found that way counts against the word as typed.
  var GUESSED = 0.6;
  // The term id of the stem a word the course never writes comes to when one of its
  // language's endings is taken off (the longest first, three letters left at least): "falhou"
  // → "falh" of "falhar", "stopped" → "stop", "copying" → "copi" of "copy". Undefined when
  // none is a stem of the course.
  SearchEngine.prototype.stemOf = function (word) {
    var self = this, endings = ENDINGS[self.family] || [];
    if (/\d/.test(word)) return undefined;
    for (var e = 0; e < endings.length; e++) {
      var end = endings[e];
      if (word.length - end.length < 3 || word.slice(-end.length) !== end) continue;
      var base = word.slice(0, -end.length), last = base.charAt(base.length - 1);
      var tries = [base];
      // English doubles a consonant before an ending ("stopped") and writes y as i.
      if (self.family === "en") {
        if (base.length >= 4 && last === base.charAt(base.length - 2) && /[bdfgmnprt]/.test(last)) tries.push(base.slice(0, -1));
        if (last === "y") tries.push(base.slice(0, -1) + "i");
        if (end === "ies") tries.push(base + "i");
        tries.push(base + "e");
      }
      for (var t = 0; t < tries.length; t++) {
        var id = self.termId.get(tries[t]);
        if (id !== undefined && !self.stop.has(tries[t])) return id;
      }
    }
    return undefined;
  };
  // The other stem of a Portuguese verb in -iar the course uses (see `candidates`): "copi"
  // for "cop" of "copia", "cop" for "copi" of "copiar". Undefined for any other word: not
  // "comia" nor "aparecia" (no "-iar" forms), nor "vazio" and "vazia" ("vaziar" is none),
  // nor "confiar" in a course whose "conf" is also nginx's `conf` and "confira": the
  // present forms' stem must be this verb's alone.
  var IAR_FORMS = ["iar", "iado", "iada", "iados", "iadas", "iando", "iou", "iei", "iem"];
  SearchEngine.prototype.iarStem = function (stem, word) {
    var self = this, verb = stem.replace(/i$/, "");
    var iar = self.termId.get(verb + "i"), present = self.wordStem.get(verb + "ia");
    if (iar === undefined || present === undefined || self.terms[present] !== verb) return undefined;
    if (!IAR_FORMS.some(function (e) { return self.wordStem.get(verb + e) === iar; })) return undefined;
    self.iarAlone = self.iarAlone || new Map();
    if (!self.iarAlone.has(present)) {
      self.iarAlone.set(present, self.words.every(function (w, i) {
        return self.m.stems[i] !== present || w.lastIndexOf(verb + "i", 0) === 0;
      }));
    }
    if (!self.iarAlone.get(present)) return undefined;
    if (stem === verb) return ["ia", "ias", "iam"].some(function (e) { return word === verb + e; }) ? iar : undefined;
    return present;
  };
  // The options of the course ("--build-context", "-ldflags") that an option still being
  // typed begins ("--build-cont", "-ldfla"): their term ids, the shortest first, at most
  // MAX_OPTIONS (each may be a request of its own). A token without dashes is tried as the
  // end of a long option ("build-conte"). The options are listed once.
  var MAX_OPTIONS = 4;
  SearchEngine.prototype.codePrefix = function (code) {
    var self = this;
    if (code.replace(/^-+/, "").length < 3) return [];
    if (!self.options) {
      self.options = [];
      self.terms.forEach(function (t, i) { if (t.lastIndexOf("`-", 0) === 0) self.options.push(i); });
      self.options.sort(function (a, b) { return self.terms[a].length - self.terms[b].length || a - b; });
    }
    var head = code.charAt(0) === "-" ? "`" + code : "`--" + code, out = [];
    for (var i = 0; i < self.options.length && out.length < MAX_OPTIONS; i++) {
      if (self.terms[self.options[i]].lastIndexOf(head, 0) === 0) out.push(self.options[i]);
    }
    return out;
  };
  // Where in `words` the course's words one typo away from `word` are (`within1`).
  SearchEngine.prototype.oneOff = function (word) {
    var out = [];
    for (var k = 0; k < this.words.length; k++) if (within1(word, this.words[k])) out.push(k);
    return out;
  };
  // Words a language makes by adding a word-like ending ("manualmente", "reduzindo"): not
  // two words.
  var ENDING_WORDS = { pt: ["mente", "ando", "endo", "indo"] };
  // A word nothing else finds (the course never uses it, begins it, has it one typo away or
  // a stem it begins: `candidates`), read as two words the course uses run together:
  // "timezones" → "time", "zones"; "filesystem" → "file", "system". Each half four letters
  // or more, no stop word, the second no ending of the language; of several splits the most
  // even. Null when there is none. Remembered per word: a query is read on every key.
  SearchEngine.prototype.halves = function (word) {
    var self = this, n = word.length;
    if (self.split.has(word)) return self.split.get(word);
    var endings = ENDING_WORDS[self.family] || [];
    var known = function (w) { return w.length >= 4 && self.wordStem.has(w) && !self.stop.has(w); };
    var best = null;
    if (n >= 8 && !self.wordStem.has(word) && !self.termId.has(word) && !self.stop.has(word) && !/\d/.test(word)) {
      for (var i = 4; i <= n - 4; i++) {
        var a = word.slice(0, i), b = word.slice(i);
        if (known(a) && known(b) && endings.indexOf(b) < 0 && (!best || Math.min(i, n - i) > Math.min(best[0].length, best[1].length))) best = [a, b];
      }
      // With a letter left out of one half, mended to a word of five letters or more
      // ("multstage", "multistge" → "multi", "stage"), the other half as written. Not any
      // typo: a word the course never writes is often two of its words a letter off
      // ("separadores" → "separa", "cores").
      for (var j = 4; !best && j <= n - 4; j++) {
        var x = word.slice(0, j), y = word.slice(j);
        // "cache|ando" is a form of "cache", not two words to mend.
        if (endings.indexOf(y) >= 0) continue;
        var fix = known(y) ? 0 : known(x) ? 1 : -1;
        if (fix < 0) continue;
        var typo = fix ? y : x;
        var mend = self.oneOff(typo).map(function (k) { return self.words[k]; }).find(function (w) {
          return w.length === typo.length + 1 && w.length >= 5 && known(w) && !(fix && endings.indexOf(w) >= 0);
        });
        if (mend) {
          best = fix ? [x, mend] : [mend, y];
          best.mended = true;
        }
      }
    }
    if (best && self.candidates(word, false).size) best = null;
    self.split.set(word, best);
    return best;
  };
  // Numbers written as words, by value, in the languages docent ships (folded); not zero,
  // which says "from scratch" in "do zero".
  var NUMBER_WORDS = {
    en: [[], ["one"], ["two"], ["three"], ["four"], ["five"], ["six"], ["seven"], ["eight"], ["nine"], ["ten"],
      ["eleven"], ["twelve"], ["thirteen"], ["fourteen"], ["fifteen"], ["sixteen"], ["seventeen"], ["eighteen"],
      ["nineteen"], ["twenty"]],
    pt: [[], ["um", "uma"], ["dois", "duas"], ["tres"], ["quatro"], ["cinco"], ["seis"], ["sete"], ["oito"],
      ["nove"], ["dez"], ["onze"], ["doze"], ["treze"], ["quatorze", "catorze"], ["quinze"], ["dezesseis"],
      ["dezessete"], ["dezoito"], ["dezenove"], ["vinte"]],
  };
  // `at`, or one code unit on where it would cut a letter outside the BMP in two.
  function unsplit(text, at) {
    var c = text.charCodeAt(at);
    return at > 0 && at < text.length && c >= 0xdc00 && c <= 0xdfff ? at + 1 : at;
  }
  // What a query reads at most: words between spaces, characters per word, words in all.
  var MAX_TOKENS = 32, MAX_TOKEN = 100, MAX_WORDS = 64;
  // Candidates re-ranked and shown first, before the text of the others is in.
  var FIRST_HITS = 6;
  // A word typed in capitals ("FROM", "ARG"): the instruction, not the preposition.
  var CAPITALS = /^\p{Lu}{2,}$/u;
  // `rehearse`: the query's words are read and looked up, but no part is loaded and `then`
  // gets no hits (the first query then does not also pay for compiling this code).
  // `then(hits, words, full, more)`; hits is null when a part of the index could not be
  // loaded; `more` when a longer list of the same query follows (the same hits first, in the
  // same order).
  SearchEngine.prototype.search = function (query, then, rehearse) {
    var self = this;
    self.ready(function (ok) {
      if (!ok) return then(null, [], false);
      // The first MAX_TOKENS words, each cut at MAX_TOKEN characters: every word is looked
      // up against the whole vocabulary, and a pasted page of text is no question. A query
      // cut short is not being typed: its last word kept is a whole word.
      var tokens = query.trim().split(/\s+/).filter(Boolean).map(function (t) {
        return t.replace(/^["'`(\[]+|["'`)\],;:?!.]+$/g, "");
      }).filter(Boolean);
      var typing = !/\s$/.test(query) && tokens.length <= MAX_TOKENS;
      tokens = tokens.slice(0, MAX_TOKENS).map(function (t) {
        return t.length > MAX_TOKEN ? t.slice(0, unsplit(t, MAX_TOKEN)) : t;
      });
      var groups = [], codes = [], words = [], runs = 0, missingTyped = 0;
      tokens.forEach(function (token, i) {
        if (/[^\p{L}\p{M}\p{N}]/u.test(token)) {
          var code = token.toLowerCase().replace(/^\$\{(.*)\}$/, "$$$1");
          var id = self.termId.get("`" + code);
          if (id === undefined && code.indexOf("=") > 0) id = self.termId.get("`" + code.split("=")[0]);
          if (id !== undefined) codes.push({ ids: [id], text: code });
          else if (typing && i === tokens.length - 1) {
            // An option still being typed: any of those it begins. Typed alone with its
            // dashes, it is what the reader looks for: the sections that hold one come first
            // (not "The build context" for "--build-cont"; see `rank`).
            var begun = self.codePrefix(code);
            if (begun.length) codes.push({ ids: begun, text: code, begun: true, alone: tokens.length === 1 && code.charAt(0) === "-" });
          }
        }
        // In an option such as --mount=type=cache the inner key ("type") is syntax: it
        // adds to a section's score but a section need not contain it.
        var parts = [];
        var re = /[\p{L}\p{M}\p{N}]+/gu, found, first = true;
        while ((found = re.exec(token))) {
          var key = !first && token.charAt(found.index + found[0].length) === "=";
          first = false;
          // A number run into its unit ("1gb", "200mb") is the number and the unit the
          // course writes apart ("1 GB"), unless the course writes it as typed, or begins a
          // word with it while it is being typed ("80m" of "80MB"). Not a CJK unit: those are
          // searched as pairs.
          var unit = /^(\p{N}+)(\p{L}+)$/u.exec(found[0]);
          var folded = unit && !CJK.test(unit[2]) ? fold(found[0]) : "";
          var typedOn = typing && i === tokens.length - 1 && found.index + found[0].length === token.length;
          if (folded && !self.termId.has(folded) && !self.wordStem.has(folded) &&
              !(typedOn && self.words.some(function (w) { return w.lastIndexOf(folded, 0) === 0; }))) {
            parts.push({ w: unit[1], key: false, run: 0 }, { w: unit[2], key: false, run: 0 });
            continue;
          }
          var pairs = cjkPairs(found[0]);
          // A CJK word is searched as its overlapping pairs, all of which a section must hold.
          var run = pairs.length > 1 && CJK.test(found[0]) ? ++runs : 0;
          pairs.forEach(function (w) { parts.push({ w: w, key: key, run: CJK.test(w) ? run : 0 }); });
        }
        parts.forEach(function (p, k) {
          // A lone accent or point folds to nothing: no word to look for.
          var word = fold(p.w);
          var last = i === tokens.length - 1 && k === parts.length - 1 && typing;
          // Two words of the course run together ("timezone" where it writes "time zone"):
          // searched as the two, parts of one token as "multi-stage" is.
          var halves = word && !p.run && words.length < MAX_WORDS ? self.halves(word) : null;
          var caps = CAPITALS.test(p.w);
          // Only the second half may be a word still being typed. Halves mended from a
          // typo are a guess (most words the course lacks are two of its words a letter off:
          // "interactions" → "linter", "actions"): they add to a section's score, but no
          // section must hold them, and the word as typed is not found whole.
          var mended = !!(halves && halves.mended);
          if (mended) missingTyped++;
          (halves || [word]).forEach(function (w, h, all) {
            if (w) words.push({ word: w, token: i, optional: p.key || mended, run: p.run, at: words.length, last: last && h === all.length - 1, caps: caps && !halves });
          });
        });
      });
      // Words joined by punctuation ("a.b.c") are words too: at most MAX_WORDS in all.
      if (words.length > MAX_WORDS) {
        words = words.slice(0, MAX_WORDS);
        words.forEach(function (w) { w.last = false; });
      }
      var kept = words.filter(function (w) { return !self.stop.has(w.word); });
      if (!kept.length) kept = words;
      // The words the snippets mark; `typing` when the last of them is still being typed
      // (not after a space, nor when the typed word was a stop word), so it may be a prefix.
      // A CJK word's pairs are marked as the word they spell (ステージ), not one by one: ージ
      // alone would mark the end of イメージ.
      var phrase = [];
      kept.forEach(function (w, i) {
        var prev = kept[i - 1];
        if (w.run && prev && prev.run === w.run && prev.at === w.at - 1) phrase[phrase.length - 1] += Array.from(w.word).pop();
        else phrase.push(w.word);
        w.mark = phrase.length - 1;
      });
      // The author's synonyms of each marked word, marked as it is (see `candidates`).
      phrase.syn = [];
      phrase.typing = kept.length > 0 && kept[kept.length - 1].last;
      // Words no section holds: no section is the better for them, so they weigh in no
      // section's coverage, but the query is not found whole.
      var optional = [], missing = missingTyped, lost = {};
      kept.forEach(function (w) {
        var c = self.candidates(w.word, w.last);
        // Each word as the ranking reads it: the words its typo may stand for, then as
        // typed (a prefix while typing), last so that fixes keep their places in phrases.
        w.forms = c.fixes.concat([w.word], c.syn);
        w.forms.token = w.token;
        w.forms.typing = w.last;
        w.forms.caps = w.caps ? w.word : null;
        // Marked as the word: its synonyms, and the words its typo stands for ("imagem" for
        // "imgaem").
        if (c.syn.length || c.fixes.length) phrase.syn[w.mark] = (phrase.syn[w.mark] || []).concat(c.fixes, c.syn);
        c.run = w.run;
        if (w.optional) optional.push(c);
        else if (c.size) groups.push(c);
        // A word of a code token the index knows ("--from") is found with the token; one
        // of an option only guessed from its beginning is not.
        else if (!codes.some(function (c) { return !c.begun; })) {
          missing++;
          if (w.run) lost[w.run] = true;
        }
      });
      // A CJK word one of whose pairs no section holds is a word no section holds: its other
      // pairs must not find sections that hold them apart (ステージ in ステップとパッケージ).
      groups = groups.filter(function (g) { return !lost[g.run]; });
      var ids = [];
      groups.concat(optional).forEach(function (g) { g.forEach(function (_, id) { ids.push(id); }); });
      codes.forEach(function (c) { c.ids.forEach(function (id) { ids.push(id); }); });
      // Syntax inside an option (the "type" of --mount=type=cache) is no word a heading
      // needs to hold.
      var forms = kept.filter(function (w) { return !w.optional; }).map(function (w) { return w.forms; });
      if (!ids.length || rehearse) return then([], phrase, false);
      var m = self.m;
      var names = ids.map(function (id) { return "b" + (id % m.buckets); });
      needSearchParts(self.base, self.lang, names, function (ok) {
        if (!ok) return then(null, phrase, false);
        var store = searchStore[self.lang] || {};
        var r = self.rank(store, groups, optional, codes, missing);
        // The best FIRST_HITS candidates are re-ranked and shown as soon as their text is
        // in, the others below them when theirs is: each candidate's text is a part of its
        // own on a large course, and a browser asks for six at a time.
        var first = r.ranked.slice(0, FIRST_HITS), rest = r.ranked.slice(FIRST_HITS);
        var chunks = function (list) { return list.map(function (x) { return "c" + Math.floor(x[0] / m.chunk); }); };
        needSearchParts(self.base, self.lang, chunks(first), function (ok) {
          if (!ok) return then(null, phrase, false);
          var hits = self.order(store, first, forms, codes);
          if (!rest.length) return then(hits, phrase, r.full);
          then(hits, phrase, r.full, true);
          needSearchParts(self.base, self.lang, chunks(rest), function (ok) {
            then(ok ? hits.concat(self.order(store, rest, forms, codes)) : hits, phrase, r.full);
          });
        });
      });
    });
  };
  // The sections that best answer the query's word groups, from the postings in `store`:
  // the ten best by BM25F score times coverage (re-ranked six, then four, by `search`), and
  // whether some section holds every word.
  SearchEngine.prototype.rank = function (store, groups, optional, codes, missing) {
    var self = this, m = self.m;
    var postings = function (id) { return (store["b" + (id % m.buckets)] || {})[id] || []; };
    // Scores per section in flat arrays: a large course has tens of thousands of
    // sections, and a common word's postings touch many of them.
    var total = new Float64Array(m.n), matched = new Float64Array(m.n), weights = [];
    var touched = [];
    // A group's weight in the coverage: how rare its word is (missing "use" costs
    // little, missing "distroless" a lot), flattened by RARITY so that the rare words a
    // reader happens to add ("people say … crashes") do not outweigh the words the answer
    // holds.
    var rarity = function (pairs) {
      var df = 0;
      pairs.forEach(function (_, id) { df = Math.max(df, postings(id).length / 2); });
      return Math.pow(Math.log(1 + (m.n - df + 0.5) / (df + 0.5)), RARITY);
    };
    var best = new Float64Array(m.n);
    // Pairs of a CJK word each section holds, against all the query's pairs.
    var held = new Uint16Array(m.n), pairsNeeded = 0;
    var addGroup = function (pairs, required) {
      var weight = required ? rarity(pairs) : 0;
      weights.push(weight);
      if (pairs.run) pairsNeeded++;
      var seen = [];
      pairs.forEach(function (w, id) {
        var p = postings(id), s = 0;
        for (var i = 0; i < p.length; i += 2) {
          s += p[i];
          var v = p[i + 1] * w;
          if (best[s] === 0) seen.push(s);
          if (v > best[s]) best[s] = v;
        }
      });
      for (var k = 0; k < seen.length; k++) {
        var sec = seen[k];
        if (total[sec] === 0) touched.push(sec);
        total[sec] += best[sec];
        if (required) matched[sec] += weight;
        if (pairs.run) held[sec]++;
        best[sec] = 0;
      }
    };
    // A word most sections hold (its postings cut to the best ones) weighs in the score
    // but not in the coverage: a section left out of its list may well hold it.
    groups.forEach(function (g) {
      var common = false;
      // Judged by the word itself, not by longer words it happens to begin.
      g.forEach(function (w, id) { if (w === 1 && self.cut.has(id)) common = true; });
      // Nor must a section hold a common CJK pair: most of those that do are cut.
      if (common) g.run = 0;
      addGroup(g, !common);
    });
    optional.forEach(function (g) { addGroup(g, false); });
    // An option begun and typed alone: the sections that hold one of its completions rank
    // above those that do not, in both rounds of `search` (each ranked entry's third value).
    var ahead = new Uint8Array(codes.some(function (c) { return c.alone; }) ? m.n : 0);
    codes.forEach(function (c) {
      var g = new Map();
      c.ids.forEach(function (id) {
        g.set(id, 1.5);
        if (c.alone) for (var p = postings(id), i = 0, s = 0; i < p.length; i += 2) ahead[s += p[i]] = 1;
      });
      addGroup(g, !groups.length || c.alone);
    });
    var need = weights.reduce(function (a, b) { return a + b; }, 0);
    // The best RANKED, best first (ties: the earlier section), kept as they come: a common
    // word touches thousands of sections, and sorting them all cost a first query up to
    // 4 ms.
    var ranked = [];
    var full = false; // some section holds every word of the query
    touched.forEach(function (sec) {
      if (held[sec] < pairsNeeded) return; // ステージ is not found in パッケージ
      var cover = need > 0 ? matched[sec] / need : 1;
      if (cover > 0.999 && !missing) full = true;
      // Times the coverage once, not squared: a reader's question carries words the answer
      // need not hold ("is it bad to use npm start"); squared, a section missing one rare
      // word fell behind sections that share only the incidental ones.
      if (!(cover > 0)) return;
      var score = total[sec] * cover, first = ahead[sec] || 0;
      // Moved up past the entries it outranks: ahead first, then by score, then earlier.
      var at = ranked.length;
      for (var r = ranked[at - 1]; at > 0 && (r[2] !== first ? r[2] < first : r[1] < score || (r[1] === score && r[0] > sec)); r = ranked[--at - 1]);
      if (at >= RANKED) return;
      ranked.splice(at, 0, [sec, score, first]);
      if (ranked.length > RANKED) ranked.pop();
    });
    return { ranked: ranked, full: full };
  };
  // The ranking once on made-up postings (two words in many sections), while the reader
  // starts typing: its loops are compiled by then, not during the first query.
  SearchEngine.prototype.rehearseRank = function () {
    var m = this.m, store = {}, groups = [];
    [0, 1].forEach(function (id) {
      var list = [], bucket = "b" + (id % m.buckets);
      // Every other section, by its distance from the one before, with a score.
      for (var s = 0; s + 2 < Math.min(m.n, 4000); s += 2) list.push(2, 40 + s % 7);
      (store[bucket] = store[bucket] || {})[id] = list;
      var g = new Map();
      g.set(id, 1);
      groups.push(g);
    });
    this.rank(store, groups, [], [], 0);
  };
  // The ranked sections in their final order, re-ranked by their text in `store`, as hits.
  SearchEngine.prototype.order = function (store, ranked, forms, codes) {
    var self = this, m = self.m;
    var hits = ranked.map(function (r) {
      var sec = r[0];
      var text = ((store["c" + Math.floor(sec / m.chunk)] || [])[sec % m.chunk]) || ["", "", "", ""];
      return { section: sec, score: r[1] * self.rerank(text, forms, codes), text: text, ahead: r[2] };
    });
    hits.sort(function (a, b) { return b.score - a.score || a.section - b.section; });
    // Two sections of one chapter that answer about as well: the earlier one first, as it
    // is where the chapter introduces what the later one builds on ("Java with jlink"
    // before "Full JRE or jlink").
    for (var i = 1; i < hits.length; i++) {
      var a = hits[i - 1], b = hits[i];
      if (b.section < a.section && b.score * TIE >= a.score && self.pageOf(a.section) === self.pageOf(b.section)) {
        hits[i - 1] = b;
        hits[i] = a;
      }
    }
    // Sections `rank` put ahead (they hold an option begun and typed alone) stay ahead.
    hits = hits.filter(function (h) { return h.ahead; }).concat(hits.filter(function (h) { return !h.ahead; }));
    return hits.slice(0, 10).map(function (h) {
      return { page: m.pages[self.pageOf(h.section)], anchor: h.text[0], heading: h.text[1], text: h.text[2], score: h.score };
    });
  };
  // The page a section is on (pages list their first section, in order).
  SearchEngine.prototype.pageOf = function (section) {
    var pages = this.m.pages, lo = 0, hi = pages.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (pages[mid][4] <= section) lo = mid; else hi = mid - 1;
    }
    return lo;
  };
  // Candidates whose text holds the query as a phrase, or its words close together, or the
  // code tokens as written, move up. `words` holds each query word's forms: the words its
  // typo stands for, and as typed.
  // Two query words count as near when at most PAIR_GAP words apart in the section, and add
  // up to these shares to the score in a heading and in the body (tuned on both judged sets:
  // tests/search/queries.toml and the held-out tests/search/heldout.toml).
  var PAIR_GAP = 2, PAIR_HEAD = 2, PAIR_BODY = 0.5, PAIR_SPAN = 2, PAIR_WORDS = 12;
  // A long question's words close together (tuned on sets 1–6 of tests/search/, refitted at
  // stop 40).
  var DENSE = 1, DENSE_SPAN = 8, DENSE_MIN = 5;
  // The query's words in the shortest run of the section's words that holds them all; the
  // share of them in its heading, on a curve a little below a straight line (gentler than
  // the square it was before stop 40). DENSE, PROXIMITY and the heading's weights were
  // fitted at stop 40 on the judged queries of tests/search/ (the tuned set and held-out
  // sets 1-19), a change kept only when it helped both halves of the sets.
  var HEAD_CODE = 1.5;
  var PROXIMITY = 0.8, HEADING = 2.2, HEADING_CURVE = 1.2;
  SearchEngine.prototype.rerank = function (text, words, codes) {
    var self = this, factor = 1;
    var raw = function (t) { return t.split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean); };
    var split = function (t) { return raw(fold(t)); };
    var heading = " " + split(text[1]).join(" ") + " ";
    // The heading's words written in capitals, for a query word typed so.
    var headCaps = raw(text[1]).filter(function (t) { return CAPITALS.test(t); }).map(fold);
    var body = " " + split(text[2]).join(" ") + " " + split(text[3] || "").join(" ") + " ";
    var headWords = heading.split(" ").filter(Boolean);
    // Whether the section's word `t` is a query word (one of its `forms`): a word of four
    // letters or more by its stem (all but the last two letters); a shorter one only whole,
    // unless it is still being typed ("go" is not "golang", "ind" may be "index"; "ind "
    // with a space after it is a whole word).
    var holds = function (forms, t) {
      return forms.some(function (w) {
        if (w.length < 4 && !forms.typing) return t === w;
        return t.lastIndexOf(w.slice(0, Math.max(3, w.length - 2)), 0) === 0;
      });
    };
    if (words.length > 1) {
      var seqs = [""];
      words.forEach(function (forms) {
        var next = [];
        seqs.forEach(function (q) { forms.slice(0, 4).forEach(function (f) { next.push(q + " " + f); }); });
        seqs = next.slice(0, 16);
      });
      // The word still being typed may end the phrase as the start of a word ("npm sta" in
      // "npm start").
      var end = words[words.length - 1].typing ? "" : " ";
      var has = function (t) { return seqs.some(function (q) { return t.indexOf(q + end) >= 0; }); };
      if (has(heading)) factor *= 1.6;
      else if (has(body)) factor *= 1.4;
      // Where each query word stands among the heading's words and then the body's, found
      // once for the proximity and the pairs below.
      var tokens = headWords.concat(body.split(" ").filter(Boolean)).slice(0, 800);
      var at = words.map(function () { return []; });
      tokens.forEach(function (t, i) {
        words.forEach(function (forms, k) { if (holds(forms, t)) at[k].push(i); });
      });
      // The shortest run of words that holds every query word.
      var events = [];
      at.forEach(function (places, k) { places.forEach(function (i) { events.push([i, k]); }); });
      events.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
      var last = {}, seen = 0, best = Infinity;
      events.forEach(function (e) {
        if (!(e[1] in last)) seen++;
        last[e[1]] = e[0];
        if (seen === words.length) {
          var lo = Infinity;
          for (var k in last) lo = Math.min(lo, last[k]);
          best = Math.min(best, e[0] - lo + 1);
        }
      });
      if (best < Infinity) factor *= 1 + PROXIMITY * words.length / best;
      // A long question's words said close together, where the section need not hold them
      // all ("each FROM instruction starts a new stage" for "does each FROM create a new
      // stage in the dockerfile"): the most of them within DENSE_SPAN words, for queries of
      // DENSE_MIN words or more. Not for code tokens, nor words split out of one token
      // ("multi-stage", "--mount=type=cache"): the factors above and below read those.
      // The words of one token are consecutive.
      var ownTokens = words.every(function (forms, k) { return !k || forms.token !== words[k - 1].token; });
      if (words.length >= DENSE_MIN && !codes.length && ownTokens) {
        var most = 0, inWindow = {}, distinct = 0;
        for (var lo = 0, hi = 0; hi < events.length; hi++) {
          var k = events[hi][1];
          inWindow[k] = (inWindow[k] || 0) + 1;
          if (inWindow[k] === 1) distinct++;
          for (; events[hi][0] - events[lo][0] >= DENSE_SPAN; lo++) if (--inWindow[events[lo][1]] === 0) distinct--;
          if (distinct > most) most = distinct;
        }
        if (most >= 3) factor *= 1 + DENSE * (most - 2) / (words.length - 2);
      }
      // Query words close together in the section, where it need not hold them all:
      // "argumentos de plataforma" in a heading answers "argumentos de plataforma no
      // buildx" though the section never names buildx. A pair is two query words at most
      // PAIR_SPAN apart in the query, in either order, so "static go binary" finds "A static
      // binary"; the first PAIR_WORDS words only, so a pasted paragraph costs no more. The
      // heading (places before `h`) and the body count apart.
      var h = headWords.length;
      // Whether some place of `xs` in [from, to) has one of `ys` near it in the same part
      // (both ascending): one sweep.
      var close = function (xs, ys, from, to) {
        for (var i = 0, j = 0; i < xs.length; i++) {
          if (xs[i] < from || xs[i] >= to) continue;
          while (j < ys.length && ys[j] < Math.max(from, xs[i] - PAIR_GAP)) j++;
          for (var t = j; t < ys.length && ys[t] < to && ys[t] <= xs[i] + PAIR_GAP; t++) if (ys[t] !== xs[i]) return true;
        }
        return false;
      };
      var pairs = function (from, to) {
        var found = 0, all = 0, n = Math.min(words.length, PAIR_WORDS);
        for (var k = 0; k < n; k++) {
          for (var l = k + 1; l < n && l <= k + PAIR_SPAN; l++) {
            all++;
            if (close(at[k], at[l], from, to)) found++;
          }
        }
        return all ? found / all : 0;
      };
      factor *= 1 + PAIR_HEAD * pairs(0, h) + PAIR_BODY * pairs(h, Infinity);
    }
    // The heading holds the query's words: this is the section about them.
    // A short word only whole, as in `holds`: "log" is not "Login", nor "golang" "Go" (the
    // data of tests/search/ favour this over a short heading word beginning a longer one).
    var near = function (w, t, typing) {
      if ((w.length < 4 && !typing) || t.length < 4) return t === w || (typing && t.lastIndexOf(w, 0) === 0);
      // A word joined to another word of the course is a word of its own ("Dockerfile" is
      // not "docker"), unless the reader wrote the two apart ("lock file" for "lockfile")
      // or is still typing it; an ending is no word ("debugging", "configuration").
      if (!typing && t.length >= w.length + 4 && t.lastIndexOf(w, 0) === 0) {
        var rest = t.slice(w.length);
        var apart = words.some(function (forms) { return forms.indexOf(rest) >= 0; });
        if (!apart && self.wordStem.has(rest)) return false;
      }
      var a = w.slice(0, Math.max(3, Math.ceil(w.length * 0.75)));
      var b = t.slice(0, Math.max(3, Math.ceil(t.length * 0.75)));
      return t.lastIndexOf(a, 0) === 0 || w.lastIndexOf(b, 0) === 0;
    };
    // A query word typed in capitals ("FROM") is near only a heading word written so
    // ("One FROM, several images"), not "From emulated to cross-compiled"; its synonyms
    // (ARG: argument) as ever.
    var nearAny = function (forms, t) {
      return forms.some(function (w) {
        return (w !== forms.caps || headCaps.indexOf(t) >= 0) && near(w, t, forms.typing);
      });
    };
    if (words.length && headWords.length) {
      var inHeading = words.filter(function (forms) { return headWords.some(function (t) { return nearAny(forms, t); }); }).length;
      var share = inHeading / words.length;
      factor *= 1 + HEADING * Math.pow(share, HEADING_CURVE);
      // A heading that starts with the word is usually the one that introduces it
      // ("Tini inside the image", "Emulation: QEMU runs…"), after one of its LEADS.
      var skip = LEADS[self.family] || [];
      var lead = headWords.find(function (t) { return skip.indexOf(t) < 0; }) || headWords[0];
      if (nearAny(words[0], lead)) factor *= 1.5;
    }
    var code = (text[3] || "").toLowerCase() + " " + (text[2] || "").toLowerCase();
    codes.forEach(function (c) { if (code.indexOf(c.text) >= 0) factor *= 1.3; });
    // The heading names a code token of the query ("COPY --link: layers that…"): the section
    // about it. Not a hyphenated word ("multi-stage"), which headings use as any word.
    var rawHead = (text[1] || "").toLowerCase();
    codes.forEach(function (c) {
      if (!c.begun && !/^[\p{L}\p{N}]+(-[\p{L}\p{N}]+)+$/u.test(c.text) && rawHead.indexOf(c.text) >= 0) factor *= HEAD_CODE;
    });
    return factor;
  };

  function setupSearch() {
    var box = document.querySelector(".search");
    if (!box) return;
    var input = box.querySelector("input");
    var results = box.querySelector(".search-results");
    var status = box.querySelector("#search-status");
    var lang = box.dataset.lang;
    var base = box.dataset.index.slice(0, box.dataset.index.length - lang.length - 3);
    var engines = {};
    function engine(l) { return engines[l] || (engines[l] = new SearchEngine(base, l)); }
    var others = (box.dataset.others || "").split(";").filter(Boolean).map(function (o) { return o.split("="); });
    var asked = 0;

    var rules = null; // made once: a first query has enough to do
    // A message with plural forms (JSON: CLDR category → text with {$count}) for `n`.
    function plural(forms, n) {
      var all = {};
      try { all = JSON.parse(forms || "{}"); } catch (e) { /* a theme's plain string */ all = { other: forms }; }
      var category = "other";
      try {
        rules = rules || new Intl.PluralRules(lang);
        category = rules.select(n);
      } catch (e) { /* unknown tag */ }
      return (all[category] || all.other || "").split("{$count}").join(localNumber(n));
    }

    // Where each query word occurs in `text`: {at, len, word} in text order. A word is found
    // by its longest beginning of four letters or more that the text holds (a stem, a word
    // still being typed); a shorter word must stand whole, unless it is the one being typed
    // (`words.typing`: the last word, with no space after it).
    function matches(text, words) {
      // One code unit for one: indexes in `folded` are indexes in `text`.
      var folded = "";
      if (!NON_ASCII.test(text)) folded = text.toLowerCase();
      else {
        for (var i = 0; i < text.length; i++) {
          var f = fold(text[i]);
          if (f.length !== 1) f = text[i].toLowerCase();
          folded += f.length === 1 ? f : text[i];
        }
      }
      // The whole character that code unit `i` belongs to ("" outside the text): a letter
      // outside the BMP is two code units, and either may be asked for.
      var charAt = function (i) {
        if (i < 0 || i >= folded.length) return "";
        var c = folded.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) return folded.slice(i, i + 2);
        if (c >= 0xdc00 && c <= 0xdfff && i > 0) return folded.slice(i - 1, i + 1);
        return folded[i];
      };
      var letterAt = function (i) { return WORD_CHAR.test(charAt(i)); };
      // A Latin word glued to CJK text ("Docker镜像") ends where the CJK begins.
      var cjkAt = function (i) { return CJK.test(charAt(i)); };
      var out = [];
      // Each query word, then its synonyms marked as that word.
      var each = [];
      words.forEach(function (w, k) {
        each.push([w, k, false]);
        ((words.syn || [])[k] || []).forEach(function (s) { each.push([s, k, true]); });
      });
      each.forEach(function (wk) {
        var w = wk[0], k = wk[1], synonym = wk[2];
        if (!w) return; // indexOf("") finds a place everywhere
        var cjk = CJK.test(w);
        // Where `needle` starts a word of the text (anywhere, for CJK), and with `whole`
        // also ends one. Plain string search: no expression to compile per word and hit.
        var starts = function (needle, whole) {
          var found = [];
          for (var at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
            if (!cjk && letterAt(at - 1) && !cjkAt(at - 1)) continue;
            if (whole && letterAt(at + needle.length) && !cjkAt(at + needle.length)) continue;
            found.push(at);
          }
          return { at: found, len: needle.length };
        };
        if (cjk) {
          // A CJK word is marked where the text holds it whole; where it holds it only in
          // pieces (多阶段的构建 for 多阶段构建), each run of the word's own pairs.
          var whole = starts(w, false);
          if (whole.at.length) {
            whole.at.forEach(function (at) { out.push({ at: at, len: whole.len, word: k }); });
            return;
          }
          var pairs = cjkPairs(w), own = new Set(pairs);
          pairs.forEach(function (pair) {
            starts(pair, false).at.forEach(function (at) {
              var len = pair.length, last = Array.from(pair).pop();
              for (var ch = charAt(at + len); ch && own.has(last + ch); ch = charAt(at + len)) {
                len += ch.length;
                last = ch;
              }
              out.push({ at: at, len: len, word: k });
            });
          });
          return;
        }
        var short = w.length < 4;
        // A synonym is marked where a word begins with it whole ("export", "exporting"):
        // the author's word, never cut to a shorter stem that other words share.
        var hits = short || synonym ? starts(w, short) : { at: [] };
        // Only the last word may be the start of a longer one (it is being typed): an "i" or a
        // "go" inside a question marks no word that merely begins with it.
        if (!hits.at.length && !synonym && (!short || (words.typing && k === words.length - 1))) {
          for (var cut = w.length; cut >= Math.min(w.length, 4); cut--) {
            // Never between the two halves of a letter outside the BMP.
            if (cut < w.length && unsplit(w, cut) !== cut) continue;
            hits = starts(w.slice(0, cut), false);
            if (hits.at.length) break;
          }
        }
        var end = 0;
        hits.at.forEach(function (at) {
          if (at < end) return;
          var len = hits.len;
          while (letterAt(at + len) && !cjkAt(at + len)) len++;
          // Found by a stem cut from the word: another form of it ("stage" for "stages",
          // "build" for "building"), not a longer word that shares the stem ("buildkit" for
          // "buildx"), a much shorter one ("conta" for "container") or one that shares only
          // its first letters ("continua" for "containers").
          if (hits.len < w.length && (len > w.length + 1 || len < w.length - 3 ||
              hits.len < 0.55 * Math.max(len, w.length))) return;
          out.push({ at: at, len: len, word: k });
          end = at + len;
        });
      });
      out.sort(function (a, b) { return a.at - b.at || b.len - a.len; });
      // Overlaps (a word inside another's run) keep the earlier, longer mark.
      var end = 0;
      return out.filter(function (m) {
        if (m.at < end) return false;
        end = m.at + m.len;
        return true;
      });
    }

    // About 160 characters of `text` around the place that holds the most different query
    // words, each of them marked; the opening of the section when none is found.
    function snippet(text, words) {
      var frag = document.createDocumentFragment();
      var found = matches(text, words);
      if (!found.length) {
        var cut = text.length > 140 ? text.lastIndexOf(" ", 140) : text.length;
        if (cut < 80 && text.length > 140) cut = unsplit(text, 140);
        frag.appendChild(document.createTextNode(text.slice(0, cut) + (cut < text.length ? "…" : "")));
        return frag;
      }
      var span = 110, best = 0, bestCount = 0;
      found.forEach(function (m, i) {
        var seen = {};
        for (var j = i; j < found.length && found[j].at + found[j].len <= m.at + span; j++) seen[found[j].word] = true;
        var count = Object.keys(seen).length;
        if (count > bestCount) { best = i; bestCount = count; }
      });
      var first = found[best];
      var from = Math.max(0, first.at - 50);
      var to = Math.min(text.length, Math.max(from + 170, first.at + first.len + 30));
      // Start and end on a word boundary where one is near.
      if (from > 0) {
        var space = text.indexOf(" ", from);
        if (space >= 0 && space < first.at) from = space + 1;
      }
      if (to < text.length) {
        var back = text.lastIndexOf(" ", to);
        var ahead = text.indexOf(" ", to);
        if (back > first.at + first.len) to = back;
        else if (ahead >= 0 && ahead < to + 40) to = ahead;
      }
      from = unsplit(text, from);
      to = unsplit(text, to);
      var pos = from;
      frag.appendChild(document.createTextNode(from > 0 ? "…" : ""));
      found.forEach(function (m) {
        if (m.at < from || m.at + m.len > to) return;
        frag.appendChild(document.createTextNode(text.slice(pos, m.at)));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(m.at, m.at + m.len);
        frag.appendChild(mark);
        pos = m.at + m.len;
      });
      frag.appendChild(document.createTextNode(text.slice(pos, to) + (to < text.length ? "…" : "")));
      return frag;
    }

    function item(hit, words) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = box.dataset.root + hit.page[1] + (hit.anchor ? "#" + hit.anchor : "");
      if (hit.page[3]) {
        var crumb = document.createElement("span");
        crumb.className = "search-crumb";
        crumb.textContent = hit.page[3];
        a.appendChild(crumb);
      }
      var chapter = document.createElement("span");
      chapter.className = "search-chapter";
      // A title with inline Markdown comes as docent's escaped HTML too.
      if (hit.page[2]) chapter.innerHTML = hit.page[2]; else chapter.textContent = hit.page[0];
      a.appendChild(chapter);
      if (hit.heading) {
        var h = document.createElement("span");
        h.className = "search-heading";
        h.textContent = hit.heading;
        a.appendChild(h);
      }
      var sn = document.createElement("span");
      sn.className = "search-snippet";
      sn.appendChild(snippet(hit.text, words));
      a.appendChild(sn);
      // A chapter shown in another language (a missing translation) may run the other way:
      // each line takes the direction of its own text.
      [chapter, h, sn].forEach(function (el) { if (el) el.dir = "auto"; });
      // Same-page hits (one-file bundles) close the results after the jump.
      a.addEventListener("click", function () { results.hidden = true; });
      li.appendChild(a);
      return li;
    }

    var shown = 0; // the query (its `asked` number) whose first hits the list shows
    function show(hits, words, query, mine, full, more) {
      if (mine !== asked) return;
      var list = results.querySelector("ol");
      if (shown === mine && hits && list) {
        // The rest of a list already shown: below it, where nobody's focus or place moves.
        hits.slice(list.children.length).forEach(function (hit) { list.appendChild(item(hit, words)); });
        status.textContent = plural(box.dataset.count, hits.length);
      } else {
        shown = mine;
        results.classList.remove("search-stale");
        // A reader who went down into the earlier list (typed, then the arrow key before this
        // answer came) stays in the list: on its new first link, not lost on the page's body.
        var inList = results.contains(document.activeElement);
        results.textContent = "";
        results.hidden = false;
        results.dataset.query = query; // which query the list answers (for tests and tools)
        // A sentence instead of a list, in the panel and read out by the status line.
        var say = function (text) {
          var p = document.createElement("p");
          p.className = "search-empty";
          p.textContent = text;
          results.appendChild(p);
          status.textContent = text;
        };
        // A theme override of base.html from before this message: said in English.
        if (!hits) say(box.dataset.unavailable || "Search is unavailable: its index could not be loaded. Reload the page to try again.");
        else if (!hits.length) say(box.dataset.none);
        else {
          list = document.createElement("ol");
          hits.forEach(function (hit) { list.appendChild(item(hit, words)); });
          results.appendChild(list);
          status.textContent = plural(box.dataset.count, hits.length);
        }
        if (inList) (links()[0] || input).focus();
      }
      // Busy while the rest of the list is on its way.
      if (more) results.setAttribute("aria-busy", "true");
      else results.removeAttribute("aria-busy");
      // No hit here holds every word: another language may answer the whole query (asked
      // once this language's list is whole, not to slow its last hits).
      if (hits && !full && !more) elsewhere(query, mine);
    }

    // Nothing here: what the other languages of the course have ("3 results in English").
    function elsewhere(query, mine) {
      others.forEach(function (o) {
        var other = engine(o[0]);
        other.search(query, function (hits, words, full, more) {
          if (more || mine !== asked || !hits || !hits.length || !full) return;
          var line = document.createElement("p");
          line.className = "search-elsewhere";
          // The sentence is in the reader's language; only the other language's name is not.
          plural(box.dataset.other, hits.length).split("{$language}").forEach(function (part, i) {
            if (i) {
              var name = document.createElement("span");
              name.lang = o[0];
              name.textContent = o[1];
              line.appendChild(name);
            }
            line.appendChild(document.createTextNode(part));
          });
          results.appendChild(line);
          var list = document.createElement("ol");
          list.lang = o[0];
          hits.forEach(function (hit) { list.appendChild(item(hit, words)); });
          results.appendChild(list);
        });
      });
    }

    function render() {
      var query = input.value;
      var mine = ++asked;
      if (!query.trim()) {
        results.textContent = ""; results.hidden = true; status.textContent = "";
        results.removeAttribute("aria-busy");
        results.classList.remove("search-stale");
        return;
      }
      // The list shown answers an earlier query until this one's answer replaces it.
      results.setAttribute("aria-busy", "true");
      results.classList.add("search-stale");
      engine(lang).search(query, function (hits, words, full, more) { show(hits, words, query, mine, full, more); });
    }

    function links() { return Array.prototype.slice.call(results.querySelectorAll("a")); }
    // Focusing the box loads the manifest; then, while the reader starts typing, the search
    // runs once on words of its own (nothing is loaded for them, nothing shown).
    var rehearsed = false;
    input.addEventListener("focus", function () {
      if (rehearsed) return engine(lang).ready(function () {});
      engine(lang).search("Rehearsal --run-once", function (hits, words) {
        if (rehearsed || !hits) return;
        rehearsed = true;
        engine(lang).rerank(["", "Rehearsal", "A run once.", "--run-once"], [["rehears"], ["run"]], [{ text: "--run-once" }]);
        engine(lang).rehearseRank();
        snippet("The search box rehearses once, then waits.", words);
        plural(box.dataset.count, 2);
      }, true);
    });
    input.addEventListener("input", render);
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
      markChapters(sidebar);
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
    setupTopbar();
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
    setupScrollSpy();
    setupProgress();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

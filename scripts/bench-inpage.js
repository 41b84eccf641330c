// In-page helpers of `npm run bench`, added to every measured page as an init script (main world, before
// the page's own scripts). Plain JavaScript on purpose: functions handed to page.evaluate() are sent as
// source text, and a TypeScript transform may add helpers the page does not have.
(() => {
  'use strict';
  if (globalThis.__factlensBench) return;

  // Long tasks from the very start of the page, so that none is missed before the bench asks.
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push({ startTime: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* no long-task API: reported as unavailable */
  }

  // factlens:gate: the loader reading a frame's words against the gate (utils/page/app-loader.ts), work like a scan.
  const FACTLENS_MEASURES = ['factlens:gate', 'factlens:scan', 'factlens:mark'];

  /** Every factlens:gate / factlens:scan / factlens:mark measure so far, in time order. */
  function factlensEntries() {
    const out = [];
    for (const name of FACTLENS_MEASURES) {
      for (const e of performance.getEntriesByName(name, 'measure')) {
        const d = e.detail;
        const workMs = d && typeof d === 'object' && typeof d.workMs === 'number' ? d.workMs : null;
        // The characters a scan read (its blocks' text), for shares of what Factlens reads.
        const chars = d && typeof d === 'object' && typeof d.chars === 'number' ? d.chars : 0;
        out.push({ name, startTime: e.startTime, duration: e.duration, workMs, chars });
      }
    }
    return out.sort((a, b) => a.startTime - b.startTime);
  }

  function highlightCount() {
    let n = 0;
    if (!('highlights' in CSS)) return 0;
    for (const [name, h] of CSS.highlights) if (name.startsWith('factlens')) n += h.size;
    return n;
  }

  /** The floor: a TreeWalker reading every character of every text node of the page once (text-walk.js). */
  function floor() {
    const t0 = performance.now();
    const walked = globalThis.__factlensTextWalk(document.body);
    return { ms: performance.now() - t0, ...walked };
  }

  /**
   * The isolated-world floor's own measure (scripts/bench-floor-extension), once it exists: resolves with
   * its duration and what it read, or rejects after `timeoutMs`.
   */
  function floorMeasure(timeoutMs) {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const tick = () => {
        const [e] = performance.getEntriesByName('factlens-floor:walk', 'measure');
        if (e) {
          resolve({ ms: e.duration, chars: e.detail.chars, nodes: e.detail.nodes, startTime: e.startTime });
        } else if (performance.now() - started > timeoutMs) {
          reject(new Error(`no factlens-floor:walk measure after ${Math.round(timeoutMs)} ms`));
        } else {
          setTimeout(tick, 20);
        }
      };
      tick();
    });
  }

  /**
   * When the first marks were registered: the end of the first factlens:mark measure, against the page's
   * DOMContentLoaded and load events (document_idle falls between the two in Chromium) and the start of
   * Factlens's first measure (its first scan, which begins once the content script has started).
   */
  function firstMark() {
    const [nav] = performance.getEntriesByType('navigation');
    const entries = factlensEntries();
    const mark = entries.find((e) => e.name === 'factlens:mark');
    return {
      firstMarkEnd: mark ? mark.startTime + mark.duration : null,
      firstMeasureStart: entries.length ? entries[0].startTime : null,
      domContentLoadedEnd: nav ? nav.domContentLoadedEventEnd : null,
      loadEnd: nav ? nav.loadEventEnd : null,
    };
  }

  /** Resolves when Factlens's measures have stopped changing for `quietMs` (at least one must exist). */
  function settle(quietMs, timeoutMs, noneMs) {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      let lastCount = -1;
      let lastHighlights = -1;
      let quietSince = performance.now();
      const tick = () => {
        const now = performance.now();
        const count = factlensEntries().length;
        const marks = highlightCount();
        if (count !== lastCount || marks !== lastHighlights) {
          lastCount = count;
          lastHighlights = marks;
          quietSince = now;
        }
        if (count > 0 && document.readyState === 'complete' && now - quietSince >= quietMs) {
          resolve({ entries: count, highlights: marks, waitedMs: now - started });
        } else if (count === 0 && now - started > noneMs) {
          reject(new Error(`no factlens:scan or factlens:mark measure after ${Math.round(noneMs)} ms`));
        } else if (now - started > timeoutMs) {
          reject(new Error(`Factlens still working after ${Math.round(timeoutMs)} ms (${count} measures)`));
        } else {
          setTimeout(tick, 50);
        }
      };
      tick();
    });
  }

  /**
   * Factlens's work in the measures from index `from` on. A scan measure spans a whole pass, sliced, so it
   * may enclose mark measures (painting between slices) and the pauses where it yields to the page: its
   * own work is detail.workMs when the scanner records it, else its duration less the marks inside it
   * (the pauses then still count: an over-estimate). Also the longest long task that overlaps any measure.
   */
  function work(from) {
    const entries = factlensEntries().slice(from);
    const marks = entries.filter((e) => e.name === 'factlens:mark');
    let scanMs = 0;
    let markMs = 0;
    let scanWorkFromDetail = 0;
    let longestMeasure = 0;
    let gateMs = 0;
    let scanChars = 0;
    for (const e of entries) {
      longestMeasure = Math.max(longestMeasure, e.duration);
      if (e.name === 'factlens:gate' && e.workMs !== null) gateMs += e.workMs;
      if (e.name === 'factlens:scan') scanChars += e.chars;
      if (e.name === 'factlens:mark') {
        markMs += e.duration;
      } else if (e.workMs !== null) {
        scanMs += e.workMs;
        scanWorkFromDetail++;
      } else {
        const end = e.startTime + e.duration;
        const inside = marks
          .filter((m) => m.startTime >= e.startTime && m.startTime + m.duration <= end)
          .reduce((n, m) => n + m.duration, 0);
        scanMs += e.duration - inside;
      }
    }
    let longestTask = 0;
    let longestTaskAny = 0;
    for (const t of longTasks) {
      longestTaskAny = Math.max(longestTaskAny, t.duration);
      const overlaps = entries.some(
        (e) => t.startTime < e.startTime + e.duration && e.startTime < t.startTime + t.duration,
      );
      if (overlaps) longestTask = Math.max(longestTask, t.duration);
    }
    const scans = entries.length - marks.length;
    return {
      count: entries.length,
      scanMs,
      markMs,
      totalMs: scanMs + markMs,
      gateMs,
      scanChars,
      scanWork: scans === 0 ? 'none' : scanWorkFromDetail === scans ? 'detail.workMs' : scanWorkFromDetail ? 'mixed' : 'duration',
      longestMeasureMs: longestMeasure,
      longestTaskMs: longestTask,
      longestTaskAnyMs: longestTaskAny,
      longTaskApi: typeof PerformanceObserver !== 'undefined' &&
        (PerformanceObserver.supportedEntryTypes || []).includes('longtask'),
      highlights: highlightCount(),
    };
  }

  // Elements whose display makes them separate blocks of text for the engine bench.
  const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION',
    'CODE', 'PRE', 'KBD', 'SAMP', 'SVG', 'svg']);
  /** The page's visible text as blocks (text nodes joined up to their nearest block-level ancestor). */
  function textBlocks() {
    const blockOf = new Map();
    const isBlock = (el) => {
      const d = getComputedStyle(el).display;
      return !(d === 'inline' || d === 'contents');
    };
    const blocks = new Map();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        for (let el = node.parentElement; el; el = el.parentElement) {
          if (SKIP.has(el.tagName) || el.isContentEditable || el.hidden) return NodeFilter.FILTER_REJECT;
        }
        return NodeFilter.FILTER_ACCEPT;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      let el = n.parentElement;
      const path = [];
      let block = null;
      for (; el; el = el.parentElement) {
        if (blockOf.has(el)) {
          block = blockOf.get(el);
          break;
        }
        path.push(el);
        if (isBlock(el)) {
          block = el;
          break;
        }
      }
      for (const p of path) blockOf.set(p, block);
      const parts = blocks.get(block) || [];
      parts.push(n.data);
      blocks.set(block, parts);
    }
    return [...blocks.values()].map((parts) => parts.join(''));
  }

  /**
   * Times the bundled engine (globalThis.__factlensBenchEngine) over `texts` with each fact-base set:
   * compiles each once, then alternates whole passes set by set, `reps` rounds after one warm-up round.
   */
  function timeEngine(texts, factBaseSets, reps) {
    const engine = globalThis.__factlensBenchEngine;
    const out = factBaseSets.map((bases) => {
      const c0 = performance.now();
      const matcher = engine.compileMatcher(bases);
      return { matcher, compileMs: performance.now() - c0, times: [], mentions: 0 };
    });
    for (let r = 0; r <= reps; r++) {
      for (const o of out) {
        const t0 = performance.now();
        let m = 0;
        for (const t of texts) m += engine.findMentions(t, o.matcher).length;
        const t = performance.now() - t0;
        if (r > 0) o.times.push(t);
        o.mentions = m;
      }
    }
    return out.map((o) => ({ compileMs: o.compileMs, times: o.times, mentions: o.mentions }));
  }

  /**
   * Compile included: each round compiles every fact-base set afresh and runs it over `texts`, set after
   * set, as a page that compiles its matcher on load pays it. Round 0 is the page's first (cold) compile.
   */
  function timeEngineWithCompile(texts, factBaseSets, reps) {
    const engine = globalThis.__factlensBenchEngine;
    const out = factBaseSets.map(() => ({ times: [], compile: [], first: 0 }));
    for (let r = 0; r <= reps; r++) {
      factBaseSets.forEach((bases, i) => {
        const t0 = performance.now();
        const matcher = engine.compileMatcher(bases);
        const t1 = performance.now();
        for (const t of texts) engine.findMentions(t, matcher);
        const t = performance.now() - t0;
        if (r === 0) out[i].first = t;
        else {
          out[i].times.push(t);
          out[i].compile.push(t1 - t0);
        }
      });
    }
    return out;
  }

  /** Appends copies of the page's first `count` long paragraphs; returns the characters added. */
  function appendParagraphs(count) {
    const container =
      document.querySelector('#mw-content-text .mw-parser-output') || document.querySelector('main, article') ||
      document.body;
    const sources = [...document.querySelectorAll('p')].filter((p) => p.textContent.length >= 200);
    if (sources.length === 0) throw new Error('no paragraph of 200+ characters to copy');
    const fragment = document.createDocumentFragment();
    let chars = 0;
    for (let i = 0; i < count; i++) {
      const p = document.createElement('p');
      p.textContent = sources[i % sources.length].textContent;
      chars += p.textContent.length;
      fragment.appendChild(p);
    }
    container.appendChild(fragment);
    return { chars, from: sources.length };
  }

  /** The ranges of Factlens's highlights that lie fully in the viewport, as client rect centres. */
  function mentionPoints(max) {
    const points = [];
    if (!('highlights' in CSS)) return points;
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('factlens')) continue;
      for (const r of h) {
        const range = document.createRange();
        try {
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
        } catch {
          continue;
        }
        const rect = range.getClientRects()[0];
        if (!rect || rect.width < 2 || rect.height < 2) continue;
        if (rect.top < 0 || rect.bottom > innerHeight || rect.left < 0 || rect.right > innerWidth) continue;
        points.push({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2, text: range.toString() });
        if (points.length >= max) return points;
      }
    }
    return points;
  }

  /** Scrolls the n-th Factlens mention (document order not guaranteed) into the middle of the viewport. */
  function scrollToMention(n) {
    let i = 0;
    for (const [name, h] of CSS.highlights) {
      if (!name.startsWith('factlens')) continue;
      for (const r of h) {
        if (i++ !== n) continue;
        const el = r.startContainer.parentElement;
        if (el) el.scrollIntoView({ block: 'center' });
        return true;
      }
    }
    return false;
  }

  // Factlens's own elements (custom elements named factlens-*), as found so far.
  const hosts = new Set();
  function noteHosts(root) {
    for (const el of root.children || []) if (el.tagName.startsWith('FACTLENS-')) hosts.add(el);
  }
  function findHosts() {
    noteHosts(document.documentElement);
    if (document.body) noteHosts(document.body);
    return hosts;
  }

  /** Whether a Factlens card (role="dialog" in a factlens-* element's shadow root) is on screen. */
  function cardVisible() {
    for (const host of findHosts()) {
      if (!host.isConnected || !host.shadowRoot) continue;
      for (const d of host.shadowRoot.querySelectorAll('[role="dialog"]')) {
        const r = d.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && d.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Arms a watch for the card: the first pointer event's timestamp and the time the card is first seen
   * (checked on every DOM mutation, in the page and in open shadow roots, and on every animation frame).
   */
  function armHover() {
    const state = { moveAt: -1, visibleAt: -1, done: false };
    const observers = [];
    const watched = new WeakSet();
    const check = () => {
      if (state.done || state.moveAt < 0) return;
      if (cardVisible()) {
        state.visibleAt = performance.now();
        stop();
      }
    };
    const watchShadows = () => {
      for (const host of findHosts()) {
        if (host.shadowRoot && !watched.has(host)) {
          watched.add(host);
          const o = new MutationObserver(check);
          o.observe(host.shadowRoot, { subtree: true, childList: true, attributes: true });
          observers.push(o);
        }
      }
    };
    function onMove(e) {
      if (state.moveAt < 0) state.moveAt = e.timeStamp;
      check();
    }
    function stop() {
      state.done = true;
      for (const o of observers) o.disconnect();
      removeEventListener('pointermove', onMove, true);
    }
    addEventListener('pointermove', onMove, true);
    const docObserver = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) if (n.nodeType === 1 && n.tagName.startsWith('FACTLENS-')) hosts.add(n);
      }
      watchShadows();
      check();
    });
    docObserver.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
    observers.push(docObserver);
    watchShadows();
    const frame = () => {
      if (state.done) return;
      watchShadows();
      check();
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    state.stop = stop;
    globalThis.__factlensBenchHover = state;
    return true;
  }

  function disarmHover() {
    const state = globalThis.__factlensBenchHover;
    if (state && state.stop) state.stop();
  }

  /** A peer (mark.js or advanced-mark.js, injected as window.Mark) marking `aliases` in the body once. */
  function runPeer(aliases, options) {
    return new Promise((resolve, reject) => {
      if (typeof globalThis.Mark !== 'function') {
        reject(new Error('the peer library did not define window.Mark'));
        return;
      }
      const t0 = performance.now();
      new globalThis.Mark(document.body).mark(aliases, Object.assign({}, options, {
        done: (marks) => resolve({ ms: performance.now() - t0, marks }),
      }));
    });
  }

  globalThis.__factlensBench = {
    factlensEntries, highlightCount, floor, settle, work, textBlocks, timeEngine, timeEngineWithCompile,
    appendParagraphs, floorMeasure, firstMark,
    mentionPoints, scrollToMention, cardVisible, armHover, disarmHover, runPeer,
  };
})();

// The browser side of `stdkit serve` (DESIGN §16; the API in docs/serve.md).
//
// One file, plain ES2017, no library and no build step: the server injects it into every page it
// serves. On every page it keeps the page live (server-sent events) and drives the bar of findings;
// on the pages the server renders as a shell (`main#stdkit-editor`) it builds the editor, the form
// for a new document or the commit form from the JSON API.
//
// Two principles hold everywhere:
// - The browser never edits YAML itself: a change in the front-matter form is sent to
//   `/api/form/apply`, which returns the whole text with that field set and everything else byte
//   for byte. (Reading the current values to fill the form is done here, tolerantly; a value this
//   reader is not sure of is shown as text, never written back.)
// - No text is ever lost: a save refused because the file changed meanwhile shows the merge, the
//   disk's text and the user's own text side by side; the user's unsaved text is also kept in
//   localStorage until a save succeeds.
"use strict";
(function () {
  // ---------------------------------------------------------------------------------------------
  // The page's settings, written by the server into <head>.

  function readSettings() {
    const meta = document.querySelector('meta[name="stdkit-serve"]');
    let settings = {};
    try { settings = meta ? JSON.parse(meta.getAttribute("content")) : {}; } catch (e) { settings = {}; }
    const tokenMeta = document.querySelector('meta[name="stdkit-token"]');
    return {
      editable: settings.editable === true,
      id: typeof settings.id === "string" ? settings.id : null,
      lang: typeof settings.lang === "string" ? settings.lang : (document.documentElement.lang || "en"),
      token: tokenMeta ? tokenMeta.getAttribute("content") : null,
    };
  }
  const settings = readSettings();
  const chinese = /^zh/i.test(settings.lang);

  // Every text the script shows, in the project's language (`lang` of stdkit.yml).
  const STRINGS = {
    zh: {
      changedElsewhere: "文件已在别处修改", changedElsewhereHint: "保存时会与磁盘上的版本三方合并，不会丢失任何一方的修改。",
      showFindings: "显示问题", hideFindings: "隐藏问题",
      loading: "正在加载……", loadFailed: "加载失败：", edit: "编辑", viewPage: "查看页面",
      metadata: "元数据", body: "正文（Markdown）", fullText: "编辑完整文件（含 YAML 元数据头）",
      preview: "预览", findings: "问题", noFindings: "没有问题", barClean: "本页没有检查发现", items: "条目",
      itemsHint: "逐条编辑：每条的陈述、引用（→ 之后，逗号分隔）和属性；修改会写回正文中对应的行。",
      statement: "陈述", references: "引用", attributes: "属性", multiLine: "此条目跨多行，请在正文中编辑。",
      noItems: "正文中没有条目。", save: "保存", saving: "正在保存……", saved: "已保存",
      saveFailed: "保存失败：", unsaved: "有未保存的修改", required: "必填", add: "添加", remove: "删除",
      editInText: "此字段的值较复杂，请在完整文件中编辑：", none: "（无）", rawValue: "当前值",
      readOnly: "只读：", readOnlyNoToken: "此页面没有会话令牌，不能修改。请用 stdkit serve 启动时打印的带 token 的地址打开。",
      readOnlyServer: "服务器以只读方式运行（非本机地址且未使用 --edit）。",
      markersLeft: "正文中仍有冲突标记（<<<<<<< ……>>>>>>>），请先解决再保存。",
      conflictTitle: "保存前文件已被修改：已三方合并",
      conflictExplain: "你开始编辑之后，磁盘上的文件被别人（或别的程序）修改了。下面是把你的修改与磁盘上的修改合并后的结果；有冲突的地方用 <<<<<<< 和 >>>>>>> 标出，两边的文字都保留着。选择“采用合并结果继续编辑”，在正文中解决冲突后再保存。你自己的文本在右侧，保存成功前一直保留。",
      merged: "合并结果", current: "磁盘上的当前版本", mine: "你的文本", conflictsAt: "冲突位置",
      noConflicts: "没有冲突：两边的修改都已合并。", fallback: "按行合并，原因：", notes: "说明",
      useMerged: "采用合并结果继续编辑", useCurrent: "放弃我的修改，采用磁盘版本", closeConflict: "关闭",
      confirmDiscard: "放弃你的修改、采用磁盘上的版本？你的文本仍显示在此处，可以复制。",
      line: "行", draftFound: "找到上次未保存的草稿。", restoreDraft: "恢复草稿", dropDraft: "丢弃草稿",
      newTitle: "新建文档", kind: "类型", id: "编号", title: "标题", owner: "负责方（参与方编号，可空）",
      create: "创建", creating: "正在创建……", chooseKind: "请选择类型",
      commitTitle: "提交到 git", author: "作者", email: "电子邮件（可空）", message: "提交说明",
      commit: "提交", committing: "正在提交……", committed: "已提交", files: "文件",
      notGit: "项目不在 git 仓库中，不能提交。", completions: "候选",
      leaveWarning: "有未保存的修改，确定离开？",
    },
    en: {
      changedElsewhere: "The file was changed elsewhere", changedElsewhereHint: "Saving will merge it three-way with the version on disk; neither side's changes are lost.",
      showFindings: "Show findings", hideFindings: "Hide findings",
      loading: "Loading…", loadFailed: "Could not load: ", edit: "Edit", viewPage: "View page",
      metadata: "Metadata", body: "Body (Markdown)", fullText: "Edit the whole file (with its YAML front matter)",
      preview: "Preview", findings: "Findings", noFindings: "No findings", barClean: "No findings on this page", items: "Items",
      itemsHint: "Item by item: each item's statement, references (after →, comma-separated) and attributes; a change is written back into its line of the body.",
      statement: "Statement", references: "References", attributes: "Attributes", multiLine: "This item spans several lines: edit it in the body.",
      noItems: "The body has no items.", save: "Save", saving: "Saving…", saved: "Saved",
      saveFailed: "Could not save: ", unsaved: "Unsaved changes", required: "required", add: "Add", remove: "Remove",
      editInText: "This field's value is structured: edit it in the whole file. ", none: "(none)", rawValue: "Current value",
      readOnly: "Read-only: ", readOnlyNoToken: "this page has no session token. Open it from the URL with the token that stdkit serve printed when it started.",
      readOnlyServer: "the server is read-only (not on a loopback address and started without --edit).",
      markersLeft: "The text still has conflict markers (<<<<<<< … >>>>>>>): resolve them before saving.",
      conflictTitle: "The file changed before your save: merged three-way",
      conflictExplain: "Since you started editing, the file on disk was changed by someone (or something) else. Below, your changes and those on disk are merged; where they conflict, <<<<<<< and >>>>>>> mark the place and both texts are kept. Choose “Keep the merged text for editing”, resolve the conflicts in the body, then save. Your own text is on the right and is kept until a save succeeds.",
      merged: "Merged text", current: "Current version on disk", mine: "Your text", conflictsAt: "Conflicts",
      noConflicts: "No conflicts: both sides' changes are merged.", fallback: "Merged by lines, because: ", notes: "Notes",
      useMerged: "Keep the merged text for editing", useCurrent: "Discard my changes, take the disk's version", closeConflict: "Close",
      confirmDiscard: "Discard your changes and take the version on disk? Your text stays shown here to copy.",
      line: "line", draftFound: "An unsaved draft from an earlier visit was found.", restoreDraft: "Restore draft", dropDraft: "Discard draft",
      newTitle: "New document", kind: "Kind", id: "Id", title: "Title", owner: "Owner (a party id, optional)",
      create: "Create", creating: "Creating…", chooseKind: "Choose a kind",
      commitTitle: "Commit to git", author: "Author", email: "E-mail (optional)", message: "Message",
      commit: "Commit", committing: "Committing…", committed: "Committed", files: "Files",
      notGit: "The project is not in a git repository: nothing can be committed.", completions: "Suggestions",
      leaveWarning: "There are unsaved changes. Leave anyway?",
    },
  };
  const S = chinese ? STRINGS.zh : STRINGS.en;

  // ---------------------------------------------------------------------------------------------
  // Small helpers.

  /// Makes an element: `el("p", {class: "x", text: "…"}, child, …)`. Text goes in as text, never
  /// as HTML, so nothing from a document can become markup here.
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = String(value);
      else if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function debounce(fn, ms) {
    let timer = null;
    return function (...args) {
      clearTimeout(timer);
      timer = setTimeout(() => fn.apply(this, args), ms);
    };
  }

  /// Calls the API. Every write carries the session token from the page's meta (the server also
  /// wants its cookie, which the browser sends by itself on a same-origin request). Resolves to
  /// `{status, data}` whatever the status; rejects only when the server cannot be reached.
  async function api(method, path, body) {
    const headers = { "Accept": "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json; charset=utf-8";
    if (method !== "GET" && settings.token) headers["X-Stdkit-Token"] = settings.token;
    const response = await fetch(path, {
      method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    return { status: response.status, data };
  }

  /// The words of an API error: `{"error":{"code","message"}}`, the message in the project's language.
  function errorText(result) {
    if (result && result.data && result.data.error) return result.data.error.message || result.data.error.code;
    return "HTTP " + (result ? result.status : "?");
  }

  const canWrite = settings.editable && !!settings.token;
  function readOnlyReason() {
    return S.readOnly + (settings.editable ? S.readOnlyNoToken : S.readOnlyServer);
  }

  /// The site page of a document from its source path, as `stdkit build` places it
  /// (StdKitPublish's SiteMap: `documents/` + the path with `.md` turned into `.html`).
  function pageOf(path) {
    return "/documents/" + path.split("/").map(encodeURIComponent).join("/").replace(/\.md$/, "") + ".html";
  }

  // ---------------------------------------------------------------------------------------------
  // Live reload: the server says which paths and ids changed, within half a second of a change.

  const liveListeners = [];
  function startLiveReload() {
    if (!window.EventSource) return;
    const events = new EventSource("/events");
    events.addEventListener("changed", (event) => {
      let change = { paths: [], ids: [] };
      try { change = JSON.parse(event.data); } catch (e) { /* a change of unknown scope: treat as any */ }
      for (const listener of liveListeners) listener(change);
    });
    // A page left (or put in the back-forward cache) gives its connection back at once: a
    // browser opens at most six to one server, and each open page holds one for its events.
    window.addEventListener("pagehide", () => events.close());
    window.addEventListener("pageshow", (e) => { if (e.persisted) location.reload(); });
  }

  /// On a page of the site: reload when the change concerns it. A document's page shows its own
  /// text and findings; the index, matrix, search and problems pages show every document, so
  /// they reload on any change. The scroll position is kept across the reload.
  function reloadSitePageOnChange() {
    const scrollKey = "stdkit-scroll:" + location.pathname;
    const saved = sessionStorage.getItem(scrollKey);
    if (saved !== null) {
      sessionStorage.removeItem(scrollKey);
      window.scrollTo(0, Number(saved) || 0);
    }
    liveListeners.push((change) => {
      const ids = change.ids || [];
      const concerns = settings.id === null || ids.length === 0 || ids.indexOf(settings.id) >= 0;
      if (!concerns) return;
      sessionStorage.setItem(scrollKey, String(window.scrollY));
      location.reload();
    });
  }

  // ---------------------------------------------------------------------------------------------
  // The bar (server-rendered): its list of findings can be folded away.

  function enhanceBar() {
    const bar = document.getElementById("stdkit-bar");
    if (!bar) return;
    const list = bar.querySelector("ul, ol");
    if (!list || list.children.length === 0) return;
    if (!list.id) list.id = "stdkit-bar-findings";
    const toggle = el("button", { type: "button", class: "stdkit-toggle", "aria-controls": list.id, "aria-expanded": "true", text: S.hideFindings });
    toggle.addEventListener("click", () => {
      const open = toggle.getAttribute("aria-expanded") === "true";
      list.hidden = open;
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
      toggle.textContent = open ? S.showFindings : S.hideFindings;
    });
    list.before(toggle);
  }

  /// The bar of a page that stays open across changes (the editor's) brought up to date: the
  /// project's count of problems and the document at `path`'s findings, as the server renders
  /// them (PageDecoration) — after a save, and after any change to the project.
  let barRound = 0;
  async function refreshBar(path) {
    const bar = document.getElementById("stdkit-bar");
    if (!bar) return;
    // Only the answer to the newest request is drawn: an older one may arrive after it.
    const round = ++barRound;
    let result;
    try { result = await api("GET", "/api/problems"); } catch (e) { return; }
    if (round !== barRound || result.status !== 200 || !result.data) return;
    const link = bar.querySelector(".stdkit-problems");
    if (link) link.textContent = link.textContent.replace(/\d+(?=\D*$)/, String(result.data.count));
    const old = bar.querySelector("ul.stdkit-findings, p.stdkit-clean");
    if (!old || !path) return;
    const file = (result.data.files || []).find((f) => f.path === path);
    const findings = file ? file.findings : [];
    let fresh;
    if (findings.length === 0) {
      fresh = el("p", { class: "stdkit-clean", text: S.barClean });
    } else {
      fresh = el("ul", { class: "stdkit-findings", id: old.id || null });
      for (const f of findings) {
        fresh.append(el("li", { class: "stdkit-finding stdkit-" + f.severity, "data-line": f.line },
          el("code", { class: "stdkit-rule", text: f.rule }), " ",
          el("span", { class: "stdkit-line", text: f.line + ":" + f.column }), " ",
          el("span", { class: "stdkit-message", text: f.message })));
      }
    }
    fresh.hidden = old.hidden;
    old.replaceWith(fresh);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading the text: front matter, its top-level values, and the body's items.

  // The front matter as docs/format.md defines it: `---` at the first byte after an optional BOM,
  // closed by the next `---` or `...` line; LF or CRLF.
  const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

  function splitText(text) {
    const match = FRONT_MATTER.exec(text);
    return match ? { head: match[0], body: text.slice(match[0].length) } : { head: "", body: text };
  }

  function lineCount(text) {
    return text === "" ? 0 : text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
  }

  function unquote(scalar) {
    const s = scalar.trim();
    if (s.length >= 2 && s[0] === '"' && s[s.length - 1] === '"') {
      try { return JSON.parse(s); } catch (e) { return s.slice(1, -1); }
    }
    if (s.length >= 2 && s[0] === "'" && s[s.length - 1] === "'") return s.slice(1, -1).replace(/''/g, "'");
    return s;
  }

  function stripComment(value) {
    // A ` #` outside quotes starts a comment.
    let quote = null;
    for (let i = 0; i < value.length; i++) {
      const c = value[i];
      if (quote) { if (c === quote) quote = null; continue; }
      if (c === '"' || c === "'") quote = c;
      else if (c === "#" && (i === 0 || /\s/.test(value[i - 1]))) return value.slice(0, i).trimEnd();
    }
    return value.trimEnd();
  }

  /// The top-level entries of the front matter, each as a value this form can show: a string,
  /// a list of strings, or `{raw}` when the value is structured (a mapping, nested lists, a block
  /// scalar) — shown as text and left to the whole-file editor.
  function readFrontMatter(head) {
    const values = {};
    const lines = head.replace(/^\uFEFF/, "").split(/\r?\n/).slice(1);
    let i = 0;
    while (i < lines.length) {
      const line = lines[i];
      const key = /^([A-Za-z_][\w.-]*)\s*:(?:\s+(.*)|\s*)$/.exec(line);
      if (!key || /^(---|\.\.\.)\s*$/.test(line)) { i++; continue; }
      const name = key[1];
      const inline = stripComment(key[2] || "");
      const nested = [];
      i++;
      while (i < lines.length && (/^[ \t]/.test(lines[i]) || /^-(\s|$)/.test(lines[i]) || lines[i].trim() === "") && !/^(---|\.\.\.)\s*$/.test(lines[i])) {
        nested.push(lines[i]);
        i++;
      }
      while (nested.length && nested[nested.length - 1].trim() === "") nested.pop();
      const raw = [inline].concat(nested).join("\n").trim();
      if (nested.length === 0) {
        if (/^\[.*\]$/.test(inline) && !/[\[\]{}]/.test(inline.slice(1, -1))) {
          values[name] = inline.slice(1, -1).split(",").map(unquote).filter((s) => s !== "");
        } else if (/^[\[{|>&*!]/.test(inline)) {
          values[name] = { raw };
        } else {
          values[name] = unquote(inline);
        }
      } else if (inline === "" && nested.every((l) => /^\s*-\s+[^\s{\[]/.test(l) && !/^\s*-\s+[^"']*:\s/.test(l))) {
        values[name] = nested.map((l) => unquote(stripComment(l.replace(/^\s*-\s+/, ""))));
      } else {
        values[name] = { raw };
      }
    }
    return values;
  }

  // An item: a list item or a heading whose text begins with a strong id containing a digit
  // (DESIGN §2.3), then its statement, the references after `→` or `->`, and `{…}` attributes.
  const ITEM_LINE = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+|#{1,6}\s+)\*\*([A-Za-z][A-Za-z0-9._-]*)\*\*(.*)$/;

  function parseItemRest(rest) {
    let text = rest;
    let attributes = "";
    const attributeMatch = /\s*(\{[^{}]*\})\s*$/.exec(text);
    if (attributeMatch) {
      attributes = attributeMatch[1];
      text = text.slice(0, attributeMatch.index);
    }
    let references = "";
    let arrow = " → ";
    const arrowMatch = /(\s*)(→|->)(\s*)/.exec(text);
    if (arrowMatch) {
      references = text.slice(arrowMatch.index + arrowMatch[0].length).trim();
      arrow = (arrowMatch[1] || " ") + arrowMatch[2] + (arrowMatch[3] || " ");
      text = text.slice(0, arrowMatch.index);
    }
    return { statement: text.trim(), references, attributes, arrow };
  }

  /// The items of `body`, each with its 0-based line in the body. An item whose first paragraph
  /// continues on the next lines is listed but not editable here: its references may stand on a
  /// later line.
  function findItems(body) {
    const lines = body.split("\n");
    const items = [];
    let fence = null;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index].replace(/\r$/, "");
      const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
      if (fenceMatch) {
        if (fence === null) fence = fenceMatch[1][0];
        else if (fenceMatch[1][0] === fence) fence = null;
        continue;
      }
      if (fence !== null) continue;
      const match = ITEM_LINE.exec(line);
      if (!match || !/\d/.test(match[2])) continue;
      const next = index + 1 < lines.length ? lines[index + 1].replace(/\r$/, "") : "";
      const continues = next.trim() !== "" && !ITEM_LINE.test(next) && !/^\s*(?:[-*+]|\d{1,9}[.)])\s/.test(next) && !/^#{1,6}\s/.test(next) && !match[1].startsWith("#");
      items.push(Object.assign({ line: index, prefix: match[1], id: match[2], multiLine: continues }, parseItemRest(match[3])));
    }
    return items;
  }

  function itemLine(item) {
    let line = item.prefix + "**" + item.id + "**";
    if (item.statement) line += " " + item.statement;
    if (item.references) line += item.arrow + item.references;
    if (item.attributes) line += " " + item.attributes;
    return line;
  }

  const MARKER = /^(<{7}|\|{7}|={7}|>{7})(\s|$)/m;

  // ---------------------------------------------------------------------------------------------
  // Completion of references: a list under the input, from /api/complete, showing `ID — title`.
  // In a comma-separated input only the last entry is completed.

  let completionCount = 0;
  function attachCompletion(input, kinds, multiple) {
    const listId = "stdkit-completion-" + (++completionCount);
    const list = el("ul", { id: listId, class: "stdkit-completion", role: "listbox", "aria-label": S.completions, hidden: true });
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("autocomplete", "off");
    input.after(list);
    let active = -1;
    let candidates = [];

    function parts() {
      const value = input.value;
      if (!multiple) return { before: "", query: value.trim() };
      const cut = Math.max(value.lastIndexOf(","), value.lastIndexOf("，"));
      return { before: value.slice(0, cut + 1), query: value.slice(cut + 1).trim() };
    }
    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function choose(index) {
      const candidate = candidates[index];
      if (!candidate) return;
      const { before } = parts();
      input.value = (before ? before.replace(/\s*$/, "") + " " : "") + candidate.id;
      close();
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
    function highlight(index) {
      active = index;
      Array.from(list.children).forEach((li, i) => li.setAttribute("aria-selected", i === index ? "true" : "false"));
      if (list.children[index]) input.setAttribute("aria-activedescendant", list.children[index].id);
    }
    const lookUp = debounce(async () => {
      const { query } = parts();
      if (query === "") { close(); return; }
      const search = "q=" + encodeURIComponent(query) + (kinds && kinds.length ? "&kinds=" + encodeURIComponent(kinds.join(",")) : "");
      let result;
      try { result = await api("GET", "/api/complete?" + search); } catch (e) { return; }
      if (result.status !== 200 || !result.data || parts().query !== query) return;
      candidates = result.data.candidates || [];
      list.replaceChildren(...candidates.map((c, i) => el("li", {
        id: listId + "-" + i, role: "option", "aria-selected": "false", "data-id": c.id,
        onmousedown: (e) => { e.preventDefault(); choose(i); },
      }, el("code", { text: c.id }), " — " + (c.title || ""))));
      list.hidden = candidates.length === 0;
      input.setAttribute("aria-expanded", candidates.length ? "true" : "false");
      active = -1;
    }, 150);
    input.addEventListener("input", lookUp);
    input.addEventListener("blur", () => setTimeout(close, 100));
    input.addEventListener("keydown", (e) => {
      if (list.hidden) return;
      if (e.key === "ArrowDown") { e.preventDefault(); highlight(Math.min(active + 1, candidates.length - 1)); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { close(); }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Findings: a list of `rule — line:column — message`, the hint below; a click goes to the line.

  function renderFindings(container, findings, onChoose) {
    container.replaceChildren();
    if (!findings || findings.length === 0) {
      container.append(el("p", { class: "stdkit-none", text: S.noFindings }));
      return;
    }
    const list = el("ul", { class: "stdkit-findings" });
    for (const f of findings) {
      const item = el("li", { class: "severity-" + f.severity, "data-rule": f.rule, "data-line": f.line, "data-column": f.column },
        el("span", { class: "severity", text: f.severity }), " ",
        el("code", { class: "rule", text: f.rule }), " ",
        el("span", { class: "place", text: S.line + " " + f.line + ":" + f.column }), " ",
        el("span", { class: "message", text: f.message }),
        f.hint ? el("div", { class: "hint", text: f.hint }) : null);
      if (onChoose) {
        item.tabIndex = 0;
        item.addEventListener("click", () => onChoose(f));
        item.addEventListener("keydown", (e) => { if (e.key === "Enter") onChoose(f); });
      }
      list.append(item);
    }
    container.append(list);
  }

  /// Replaces the children of `node`, leaving out the null ones (replaceChildren would write "null").
  function fill(node, ...children) {
    node.replaceChildren(...children.filter((c) => c !== null && c !== undefined && c !== false));
    return node;
  }

  /// The links of `container`, written relative to the page at `page` (the preview is the body
  /// of the document's page), made to lead where they lead from that page: the editor is at
  /// /_stdkit/edit/ID, where a relative link would lead nowhere.
  function rebaseLinks(container, page) {
    const base = new URL(page, location.origin);
    for (const node of container.querySelectorAll("a[href], img[src]")) {
      const name = node.tagName === "IMG" ? "src" : "href";
      const value = node.getAttribute(name);
      // Absolute URLs, absolute paths and anchors on the same page stay as written.
      if (!value || value.startsWith("#") || value.startsWith("/") || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(value)) continue;
      const target = new URL(value, base);
      node.setAttribute(name, target.pathname + target.search + target.hash);
    }
  }

  function notice(container, kind, text) {
    container.replaceChildren(el("span", { class: "stdkit-notice " + kind, text }));
  }

  // ---------------------------------------------------------------------------------------------
  // The editor (`main#stdkit-editor[data-page=edit]`).

  async function startEditor(main) {
    const id = main.getAttribute("data-id") || settings.id;
    main.replaceChildren(el("p", { class: "stdkit-loading", text: S.loading }));
    const loaded = await api("GET", "/api/documents/" + encodeURIComponent(id));
    if (loaded.status !== 200) {
      main.replaceChildren(el("p", { class: "stdkit-load-error", role: "alert", text: S.loadFailed + errorText(loaded) }));
      return;
    }
    const doc = loaded.data;
    const form = await api("GET", "/api/form/" + encodeURIComponent(doc.kind));
    const fields = form.status === 200 && form.data ? form.data.fields || [] : [];

    // The state: `base` is the digest of the text on disk this edit started from, `baseText`
    // that text; the whole text is `head + textarea` (or the textarea alone in whole-file mode).
    // A textarea gives its lines back joined by LF whatever it was given; a file written with CRLF
    // gets its CRLF back (DESIGN §2.2: line endings are preserved on rewrite).
    const state = { base: doc.digest, baseText: doc.text, head: "", full: false, saving: null, changedElsewhere: false,
      crlf: /\r\n/.test(doc.text) };
    const draftKey = "stdkit-draft:" + id;

    // --- the layout
    const status = el("div", { class: "stdkit-status", role: "status", "aria-live": "polite" });
    const saveButton = el("button", { type: "button", class: "stdkit-save", id: "stdkit-save", text: S.save, title: "Ctrl+S" });
    const elsewhere = el("div", { class: "stdkit-elsewhere", id: "stdkit-elsewhere", role: "alert", hidden: true },
      el("strong", { text: S.changedElsewhere }), " ", S.changedElsewhereHint);
    const header = el("div", { class: "stdkit-editor-head" },
      el("h1", {}, S.edit + " ", el("code", { text: doc.id }), " ", el("span", { class: "title", text: doc.title || "" })),
      el("p", { class: "stdkit-path" }, el("code", { text: doc.path }), " · ", el("a", { href: pageOf(doc.path), id: "stdkit-view-page", text: S.viewPage })),
      el("div", { class: "stdkit-editor-actions" }, saveButton, status));
    const formBox = el("fieldset", { class: "stdkit-form", id: "stdkit-form" }, el("legend", { text: S.metadata }));
    const textarea = el("textarea", { id: "stdkit-text", class: "stdkit-text", spellcheck: "false", rows: 24 });
    const fullToggle = el("input", { type: "checkbox", id: "stdkit-full" });
    const itemsBox = el("div", { class: "stdkit-items", id: "stdkit-items" });
    const preview = el("div", { class: "stdkit-preview body", id: "stdkit-preview" });
    const findingsBox = el("div", { id: "stdkit-editor-findings", class: "stdkit-editor-findings" });
    const conflictBox = el("section", { class: "stdkit-conflict", id: "stdkit-conflict", hidden: true, "aria-labelledby": "stdkit-conflict-title" });
    const draftBox = el("div", { class: "stdkit-draft", hidden: true, role: "alert" });

    fill(main, header, elsewhere, draftBox, conflictBox,
      canWrite ? null : el("p", { class: "stdkit-readonly", id: "stdkit-readonly", role: "note", text: readOnlyReason() }),
      formBox,
      el("div", { class: "stdkit-columns" },
        el("section", { class: "stdkit-source" },
          el("label", { for: "stdkit-text", class: "stdkit-label", text: S.body }),
          el("label", { class: "stdkit-full-label" }, fullToggle, " " + S.fullText),
          textarea,
          el("details", { class: "stdkit-items-details", open: true },
            el("summary", { text: S.items }), el("p", { class: "stdkit-hint", text: S.itemsHint }), itemsBox)),
        el("section", { class: "stdkit-side" },
          el("h2", { text: S.findings }), findingsBox,
          el("h2", { text: S.preview }), preview)));

    if (!canWrite) {
      textarea.readOnly = true;
      saveButton.disabled = true;
    }

    // --- the text
    function text() {
      const value = state.crlf ? textarea.value.replace(/\r?\n/g, "\r\n") : textarea.value;
      return state.full ? value : state.head + value;
    }
    function setText(value) {
      if (state.full) {
        textarea.value = value;
      } else {
        const parts = splitText(value);
        state.head = parts.head;
        textarea.value = parts.body;
      }
      changed();
    }
    function dirty() { return text() !== state.baseText; }
    function bodyOffset() { return state.full ? 0 : lineCount(state.head); }

    fullToggle.addEventListener("change", () => {
      const whole = text();
      state.full = fullToggle.checked;
      setText(whole);
    });

    // --- the form of the front matter
    function fieldValues() { return readFrontMatter(splitText(text()).head); }

    async function applyField(name, value) {
      if (!canWrite) return;
      const result = await api("POST", "/api/form/apply", { text: text(), values: { [name]: value } });
      if (result.status === 200 && result.data && typeof result.data.text === "string") {
        setText(result.data.text);
        notice(status, "info", "");
      } else {
        notice(status, "error", errorText(result));
        renderForm();
      }
    }

    function control(field, value) {
      const inputId = "stdkit-field-" + field.name;
      const disabled = !canWrite;
      const label = el("label", { for: inputId }, field.label || field.name, field.required ? el("abbr", { class: "required", title: S.required, text: " *" }) : null);
      const wrap = el("div", { class: "stdkit-field type-" + field.type, "data-field": field.name });
      // A mapping (or any value this reader is not sure of) is never written from the form.
      const structured = value && typeof value === "object" && !Array.isArray(value);
      if (structured || field.type === "map" || field.type === "other") {
        const shown = structured ? value.raw : Array.isArray(value) ? "[" + value.join(", ") + "]" : value === undefined ? S.none : String(value);
        wrap.append(el("span", { class: "stdkit-label", id: inputId, text: field.label || field.name }),
          el("p", { class: "stdkit-hint", text: S.editInText }), el("pre", { class: "stdkit-raw", "aria-label": S.rawValue, text: shown }));
        return wrap;
      }
      const single = Array.isArray(value) ? value.join(", ") : (value === undefined ? "" : value);
      const common = { id: inputId, name: field.name, disabled, required: field.required, "aria-required": field.required ? "true" : null,
        "aria-describedby": field.description ? inputId + "-description" : null };
      let input;
      if (field.type === "enum" && Array.isArray(field.choices)) {
        input = el("select", common, el("option", { value: "", text: field.required ? "" : S.none }),
          ...field.choices.map((c) => el("option", { value: c, text: c, selected: String(c) === single })));
        if (single !== "" && field.choices.map(String).indexOf(single) < 0) input.append(el("option", { value: single, text: single, selected: true }));
        input.addEventListener("change", () => applyField(field.name, input.value === "" ? null : input.value));
      } else if (field.type === "boolean") {
        input = el("input", Object.assign({ type: "checkbox", checked: single === "true" || single === true }, common));
        input.addEventListener("change", () => applyField(field.name, input.checked));
      } else if (field.type === "list" && Array.isArray(field.choices) && field.choices.length) {
        // A list of known values (parties, …): one checkbox each, in a group named by the label.
        const chosen = Array.isArray(value) ? value.map(String) : single === "" ? [] : [String(single)];
        const group = el("div", { class: "stdkit-choices", role: "group", "aria-labelledby": inputId + "-label" });
        const boxes = field.choices.concat(chosen.filter((c) => field.choices.indexOf(c) < 0)).map((choice, i) => {
          const box = el("input", { type: "checkbox", id: inputId + "-" + i, value: choice, checked: chosen.indexOf(choice) >= 0, disabled });
          group.append(el("label", { for: box.id, class: "stdkit-choice" }, box, " " + choice));
          return box;
        });
        group.addEventListener("change", () => {
          const values = boxes.filter((b) => b.checked).map((b) => b.value);
          applyField(field.name, values.length ? values : null);
        });
        wrap.append(el("span", { class: "stdkit-label", id: inputId + "-label" }, field.label || field.name,
          field.required ? el("abbr", { class: "required", title: S.required, text: " *" }) : null), group);
        if (field.description) wrap.append(el("p", { class: "stdkit-hint", text: field.description }));
        return wrap;
      } else if (field.type === "list") {
        // A list: one entry per line; references complete like a reference field.
        input = el("input", Object.assign({ type: "text", value: single, "data-list": "true" }, common));
        if (Array.isArray(field.references)) attachCompletion(input, field.references, true);
        input.addEventListener("change", () => {
          const entries = input.value.split(/[,，]/).map((s) => s.trim()).filter((s) => s !== "");
          applyField(field.name, entries.length ? entries : null);
        });
      } else {
        const type = field.type === "integer" || field.type === "number" ? "number" : field.type === "date" ? "date" : "text";
        input = el("input", Object.assign({ type, value: single, step: field.type === "integer" ? "1" : field.type === "number" ? "any" : null }, common));
        if (field.type === "reference" || Array.isArray(field.references)) attachCompletion(input, field.references || [], false);
        input.addEventListener("change", () => {
          const raw = input.value.trim();
          if (raw === "") return applyField(field.name, null);
          if (type === "number") return applyField(field.name, Number(raw));
          return applyField(field.name, raw);
        });
      }
      wrap.append(label, input);
      if (field.description) wrap.append(el("p", { class: "stdkit-hint", id: inputId + "-description", text: field.description }));
      return wrap;
    }

    function renderForm() {
      const values = fieldValues();
      formBox.replaceChildren(el("legend", { text: S.metadata }));
      const grid = el("div", { class: "stdkit-form-grid" });
      for (const field of fields) grid.append(control(field, values[field.name]));
      formBox.append(grid);
    }

    // --- items, one by one
    function renderItems() {
      const body = state.full ? splitText(textarea.value).body : textarea.value;
      const offset = state.full ? lineCount(splitText(textarea.value).head) : 0;
      const items = findItems(body);
      itemsBox.replaceChildren();
      if (items.length === 0) { itemsBox.append(el("p", { class: "stdkit-none", text: S.noItems })); return; }
      const list = el("ol", { class: "stdkit-item-list" });
      for (const item of items) {
        const row = el("li", { class: "stdkit-item", "data-item": item.id, "data-line": String(item.line + offset + bodyOffset() + 1) });
        row.append(el("code", { class: "item-id", text: item.id }));
        if (item.multiLine) {
          row.append(el("span", { class: "stdkit-statement-text", text: item.statement }), el("p", { class: "stdkit-hint", text: S.multiLine }));
        } else {
          for (const part of ["statement", "references", "attributes"]) {
            const inputId = "stdkit-item-" + item.id + "-" + part;
            const input = el("input", { type: "text", id: inputId, value: item[part], "data-item": item.id, "data-part": part, readonly: !canWrite, class: "stdkit-item-" + part });
            row.append(el("label", { for: inputId, class: "stdkit-item-label", text: S[part] }), input);
            if (part === "references") attachCompletion(input, [], true);
            input.addEventListener("input", () => writeItem(item, part, input.value));
            input.addEventListener("change", () => writeItem(item, part, input.value));
          }
        }
        list.append(row);
      }
      itemsBox.append(list);
    }

    // Writes an item's edited part back into its line of the textarea, found again by its id
    // (the text may have changed around it since the list was drawn).
    function writeItem(item, part, value) {
      const lines = textarea.value.split("\n");
      const body = state.full ? splitText(textarea.value).body : textarea.value;
      const offset = state.full ? lineCount(splitText(textarea.value).head) : 0;
      const current = findItems(body).find((i) => i.id === item.id && !i.multiLine);
      if (!current) { renderItems(); return; }
      current[part] = value.trim();
      const crlf = /\r$/.test(lines[current.line + offset]) ? "\r" : "";
      lines[current.line + offset] = itemLine(current) + crlf;
      textarea.value = lines.join("\n");
      changed({ keepItems: true });
    }

    // --- preview and findings, as if saved
    let previewRound = 0;
    const refreshPreview = debounce(async () => {
      if (!canWrite) return;
      const round = ++previewRound;
      let result;
      try { result = await api("POST", "/api/preview", { id: doc.id, text: text() }); } catch (e) { return; }
      if (round !== previewRound || result.status !== 200 || !result.data) return;
      preview.innerHTML = result.data.html; // the server's rendering, escaped as `build` escapes
      rebaseLinks(preview, pageOf(doc.path));
      showFindings(result.data.findings);
    }, 300);

    function showFindings(findings) {
      renderFindings(findingsBox, findings, (f) => goToLine(f.line));
    }

    function goToLine(line) {
      const index = line - 1 - bodyOffset();
      if (index < 0) { formBox.scrollIntoView({ block: "start" }); return; }
      const lines = textarea.value.split("\n");
      let start = 0;
      for (let i = 0; i < index && i < lines.length; i++) start += lines[i].length + 1;
      const end = start + (lines[index] || "").length;
      textarea.focus();
      textarea.setSelectionRange(start, end);
      const height = textarea.scrollHeight / Math.max(1, lines.length);
      textarea.scrollTop = Math.max(0, index * height - textarea.clientHeight / 3);
    }

    // The unsaved text, kept in the browser until a save succeeds (or the draft is discarded):
    // a closed tab or a crash loses nothing.
    const keepDraft = debounce(() => {
      try {
        if (dirty()) localStorage.setItem(draftKey, JSON.stringify({ text: text(), base: state.base }));
      } catch (e) { /* storage full or denied: the text is still in the page */ }
    }, 500);

    const refreshFormSoon = debounce(renderForm, 400);
    function changed(options) {
      if (!(options && options.keepItems)) renderItems();
      refreshFormSoon();
      refreshPreview();
      keepDraft();
      saveButton.classList.toggle("dirty", dirty());
      if (dirty()) notice(status, "info", S.unsaved);
    }
    textarea.addEventListener("input", () => changed());

    // --- saving. The outcome of the last save is on the editor, `data-save` (saving, saved,
    // conflict, error) and `data-saves` (how many were answered): for styles and the browser test.
    let answered = 0;
    function outcome(what) {
      main.setAttribute("data-save", what);
      main.setAttribute("data-saves", String(++answered));
    }
    async function save() {
      if (!canWrite || state.saving) return state.saving;
      const body = text();
      if (MARKER.test(body)) { notice(status, "error", S.markersLeft); outcome("error"); return; }
      notice(status, "info", S.saving);
      main.setAttribute("data-save", "saving");
      saveButton.disabled = true;
      state.saving = (async () => {
        let result;
        try { result = await api("PUT", "/api/documents/" + encodeURIComponent(doc.id), { text: body, base: state.base }); }
        catch (e) { notice(status, "error", S.saveFailed + e.message); outcome("error"); return; }
        if (result.status === 200 && result.data) {
          state.base = result.data.digest;
          state.baseText = body;
          state.changedElsewhere = false;
          elsewhere.hidden = true;
          conflictBox.hidden = true;
          try { localStorage.removeItem(draftKey); } catch (e) { /* nothing kept */ }
          showFindings(result.data.findings);
          refreshBar(doc.path);
          saveButton.classList.toggle("dirty", dirty());
          notice(status, "ok", S.saved);
          outcome("saved");
        } else if (result.status === 409 && result.data && result.data.merged) {
          showConflict(result.data, body);
          notice(status, "error", S.conflictTitle);
          outcome("conflict");
        } else {
          notice(status, "error", S.saveFailed + errorText(result));
          outcome("error");
        }
      })();
      try { await state.saving; } finally { state.saving = null; saveButton.disabled = !canWrite; }
    }
    saveButton.addEventListener("click", save);
    document.addEventListener("keydown", (e) => {
      if ((e.ctrlKey || e.metaKey) && (e.key === "s" || e.key === "S")) { e.preventDefault(); save(); }
    });
    window.addEventListener("beforeunload", (e) => {
      if (!dirty()) return;
      e.preventDefault();
      e.returnValue = S.leaveWarning;
      return S.leaveWarning;
    });

    // --- the conflict view: merged text (markers highlighted, each conflict named), the disk's
    // current text and the user's own, with the choices. Nothing is written until a save.
    function numbered(value, markers) {
      const pre = el("pre", { class: "stdkit-numbered" });
      value.split("\n").forEach((line, i) => {
        const isMarker = markers && /^(<{7}|\|{7}|={7}|>{7})(\s|$)/.test(line);
        pre.append(el("span", { class: "line" + (isMarker ? " marker" : ""), "data-line": String(i + 1) }, el("span", { class: "number", text: String(i + 1) }), line + "\n"));
      });
      return pre;
    }
    function showConflict(data, mine) {
      const merged = data.merged;
      const current = data.current;
      const conflicts = merged.conflicts || [];
      fill(conflictBox, 
        el("h2", { id: "stdkit-conflict-title", text: S.conflictTitle }),
        el("p", { class: "stdkit-explain", text: S.conflictExplain }),
        conflicts.length
          ? el("div", { class: "stdkit-conflict-places" }, el("strong", { text: S.conflictsAt + "：" }),
            el("ul", {}, ...conflicts.map((c) => el("li", { "data-line": c.line }, S.line + " " + c.line + " — " + c.place))))
          : el("p", { class: "stdkit-no-conflicts", text: S.noConflicts }),
        merged.fallback ? el("p", { class: "stdkit-hint", text: S.fallback + merged.fallback }) : null,
        merged.notes && merged.notes.length ? el("div", {}, el("strong", { text: S.notes + "：" }), el("ul", {}, ...merged.notes.map((n) => el("li", { text: n })))) : null,
        el("div", { class: "stdkit-conflict-actions" },
          el("button", { type: "button", id: "stdkit-use-merged", class: "primary", text: S.useMerged, onclick: () => {
            // The merge was made against the disk's text: saving it now is a save on that base.
            state.base = current.digest;
            state.baseText = current.text;
            if (MARKER.test(splitText(merged.text).head) && !state.full) { fullToggle.checked = true; state.full = true; }
            setText(merged.text);
            conflictBox.hidden = true;
            elsewhere.hidden = true;
            const first = conflicts[0];
            if (first) goToLine(first.line);
          } }),
          el("button", { type: "button", id: "stdkit-use-current", text: S.useCurrent, onclick: () => {
            if (!window.confirm(S.confirmDiscard)) return;
            state.base = current.digest;
            state.baseText = current.text;
            setText(current.text);
            elsewhere.hidden = true;
          } })),
        el("div", { class: "stdkit-conflict-texts" },
          el("figure", { class: "merged", id: "stdkit-merged" }, el("figcaption", { text: S.merged }), numbered(merged.text, true)),
          el("figure", { class: "current", id: "stdkit-current" }, el("figcaption", { text: S.current }), numbered(current.text, false)),
          el("figure", { class: "mine", id: "stdkit-mine" }, el("figcaption", { text: S.mine }),
            el("textarea", { readonly: true, rows: 16, "aria-label": S.mine, class: "stdkit-mine-text", spellcheck: "false" }, mine))));
      conflictBox.hidden = false;
      conflictBox.scrollIntoView({ block: "start" });
      // Each text opened where it matters: the first conflict, else the first line the merge
      // changed from the disk's text.
      const mergedLines = merged.text.split("\n");
      const currentLines = current.text.split("\n");
      let first = conflicts.length ? conflicts[0].line : 0;
      if (!first) {
        const index = mergedLines.findIndex((line, i) => line !== currentLines[i]);
        first = index >= 0 ? index + 1 : 1;
      }
      for (const pre of conflictBox.querySelectorAll("pre.stdkit-numbered")) {
        const target = pre.querySelector('.line[data-line="' + Math.max(1, first - 3) + '"]');
        if (target) pre.scrollTop = target.offsetTop - pre.offsetTop;
      }
      const mineArea = conflictBox.querySelector("textarea.stdkit-mine-text");
      const mineLines = mine.split("\n").length;
      mineArea.scrollTop = Math.max(0, first - 3) * (mineArea.scrollHeight / Math.max(1, mineLines));
    }

    // --- a change on disk while editing: say so, do not reload (the save will merge)
    // Any change may change the project's count of problems, and this document's findings.
    const refreshBarSoon = debounce(() => refreshBar(doc.path), 200);
    liveListeners.push(refreshBarSoon);
    liveListeners.push(async (change) => {
      const ids = change.ids || [];
      const paths = change.paths || [];
      if (ids.indexOf(doc.id) < 0 && paths.indexOf(doc.path) < 0) return;
      // Our own save is announced too: wait for it, then compare the disk's digest with our base.
      if (state.saving) { try { await state.saving; } catch (e) { /* reported by save */ } }
      const now = await api("GET", "/api/documents/" + encodeURIComponent(doc.id));
      if (now.status === 200 && now.data && now.data.digest !== state.base) {
        state.changedElsewhere = true;
        elsewhere.hidden = false;
      }
    });

    // --- start
    setText(doc.text);
    state.baseText = text();
    renderForm();
    showFindings(doc.findings);
    notice(status, "info", "");
    saveButton.classList.remove("dirty");

    // A draft from an earlier visit that was never saved: offer it back.
    try {
      const draft = JSON.parse(localStorage.getItem(draftKey) || "null");
      if (draft && typeof draft.text === "string" && draft.text !== doc.text && canWrite) {
        draftBox.replaceChildren(el("span", { text: S.draftFound + " " }),
          el("button", { type: "button", text: S.restoreDraft, onclick: () => {
            // Saved on the draft's base: a stale base merges with what is on disk now.
            state.base = draft.base || state.base;
            setText(draft.text);
            draftBox.hidden = true;
          } }), " ",
          el("button", { type: "button", text: S.dropDraft, onclick: () => { localStorage.removeItem(draftKey); draftBox.hidden = true; } }));
        draftBox.hidden = false;
      }
    } catch (e) { /* no storage: no drafts */ }
  }

  // ---------------------------------------------------------------------------------------------
  // 新建: kind, id, title, owner → POST /api/documents → the new document's editor.

  async function startNew(main) {
    const kinds = await api("GET", "/api/kinds");
    const choices = kinds.status === 200 && kinds.data ? kinds.data.kinds || [] : [];
    const status = el("div", { class: "stdkit-status", role: "status", "aria-live": "polite" });
    const errors = {};
    function field(name, label, input) {
      errors[name] = el("p", { class: "stdkit-field-error", id: "stdkit-new-" + name + "-error", role: "alert", hidden: true });
      input.setAttribute("aria-describedby", errors[name].id);
      return el("div", { class: "stdkit-field", "data-field": name }, el("label", { for: input.id, text: label }), input, errors[name]);
    }
    const kind = el("select", { id: "stdkit-new-kind", name: "kind", required: true },
      el("option", { value: "", text: S.chooseKind }), ...choices.map((k) => el("option", { value: k.kind, text: k.label && k.label !== k.kind ? k.label + " (" + k.kind + ")" : k.kind })));
    const id = el("input", { type: "text", id: "stdkit-new-id", name: "id", required: true, autocomplete: "off", spellcheck: "false" });
    const title = el("input", { type: "text", id: "stdkit-new-title", name: "title", required: true });
    const owner = el("input", { type: "text", id: "stdkit-new-owner", name: "owner", autocomplete: "off" });
    const submit = el("button", { type: "submit", id: "stdkit-create", text: S.create, disabled: !canWrite });
    const form = el("form", { class: "stdkit-new", id: "stdkit-new-form", novalidate: true },
      field("kind", S.kind, kind), field("id", S.id, id), field("title", S.title, title), field("owner", S.owner, owner),
      el("div", { class: "stdkit-editor-actions" }, submit, status));
    fill(main, el("h1", { text: S.newTitle }),
      canWrite ? null : el("p", { class: "stdkit-readonly", role: "note", text: readOnlyReason() }), form);

    // Which field an error code belongs beside (docs/serve.md: POST /api/documents).
    const fieldOf = { "id-taken": "id", "malformed-id": "id", "unknown-kind": "kind", "unknown-party": "owner", "missing-value": "title" };
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      for (const box of Object.values(errors)) box.hidden = true;
      notice(status, "info", S.creating);
      submit.disabled = true;
      let result;
      try {
        result = await api("POST", "/api/documents", { kind: kind.value, id: id.value.trim(), title: title.value.trim(), owner: owner.value.trim() || null });
      } catch (err) { notice(status, "error", err.message); submit.disabled = false; return; }
      if (result.status === 201 && result.data) {
        location.href = "/_stdkit/edit/" + encodeURIComponent(result.data.id);
        return;
      }
      submit.disabled = false;
      const code = result.data && result.data.error ? result.data.error.code : "";
      const target = errors[fieldOf[code]];
      if (target) {
        target.textContent = errorText(result);
        target.hidden = false;
        notice(status, "error", "");
      } else {
        notice(status, "error", errorText(result));
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // 提交: author, e-mail, message → POST /api/commit. Author and e-mail are remembered.

  async function startCommit(main) {
    const statusResult = await api("GET", "/api/status");
    const git = !(statusResult.status === 200 && statusResult.data && statusResult.data.git === false);
    let remembered = {};
    try { remembered = JSON.parse(localStorage.getItem("stdkit-author") || "{}"); } catch (e) { remembered = {}; }
    const author = el("input", { type: "text", id: "stdkit-commit-author", name: "author", required: true, value: remembered.author || "", autocomplete: "name" });
    const email = el("input", { type: "email", id: "stdkit-commit-email", name: "email", value: remembered.email || "", autocomplete: "email" });
    const message = el("textarea", { id: "stdkit-commit-message", name: "message", required: true, rows: 4 });
    const submit = el("button", { type: "submit", id: "stdkit-commit", text: S.commit, disabled: !canWrite || !git });
    const status = el("div", { class: "stdkit-status", role: "status", "aria-live": "polite" });
    const result = el("div", { class: "stdkit-commit-result", id: "stdkit-commit-result" });
    const form = el("form", { class: "stdkit-commit-form", id: "stdkit-commit-form", novalidate: true },
      el("div", { class: "stdkit-field" }, el("label", { for: author.id, text: S.author }), author),
      el("div", { class: "stdkit-field" }, el("label", { for: email.id, text: S.email }), email),
      el("div", { class: "stdkit-field" }, el("label", { for: message.id, text: S.message }), message),
      el("div", { class: "stdkit-editor-actions" }, submit, status));
    fill(main, el("h1", { text: S.commitTitle }),
      canWrite ? null : el("p", { class: "stdkit-readonly", role: "note", text: readOnlyReason() }),
      git ? null : el("p", { class: "stdkit-readonly", role: "note", text: S.notGit }),
      form, result);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      notice(status, "info", S.committing);
      submit.disabled = true;
      try { localStorage.setItem("stdkit-author", JSON.stringify({ author: author.value.trim(), email: email.value.trim() })); } catch (err) { /* not remembered */ }
      let answer;
      try {
        answer = await api("POST", "/api/commit", { message: message.value, author: author.value.trim(), email: email.value.trim() || null });
      } catch (err) { notice(status, "error", err.message); submit.disabled = false; return; }
      submit.disabled = false;
      if (answer.status === 200 && answer.data) {
        notice(status, "ok", S.committed);
        result.replaceChildren(el("p", {}, S.committed + " ", el("code", { class: "stdkit-sha", text: answer.data.commit })),
          el("p", { text: S.files + "：" }), el("ul", {}, ...(answer.data.files || []).map((f) => el("li", {}, el("code", { text: f })))));
        message.value = "";
      } else {
        notice(status, "error", errorText(answer));
      }
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Start: which page is this?

  function start() {
    enhanceBar();
    const main = document.getElementById("stdkit-editor");
    const page = main ? main.getAttribute("data-page") : null;
    if (page === "edit") startEditor(main);
    else if (page === "new") startNew(main);
    else if (page === "commit") startCommit(main);
    else reloadSitePageOnChange();
    startLiveReload();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

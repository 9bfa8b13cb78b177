#!/usr/bin/python3
"""Drives `stdkit lsp` as an editor does, over its standard input and output (LSP 3.17,
Content-Length framing; Python's standard library only), and times it on a generated project.

    bench/lsp-bench.py STDKIT PROJECT [--edits 100] [--json OUT.json] [--report OUT.md]

Measures, from the client's side (the clock starts when a message is written and stops when
the answer has been read in full):
- ready: from starting `stdkit lsp` to the answer of `initialize`, and to the first
  `textDocument/publishDiagnostics` after `initialized` (the project read and checked: the
  project must have a finding somewhere, bench/lsp-bench.sh plants one);
- edit to diagnostics: documents opened (courses and job profiles), then EDITS `didChange`
  edits of three kinds in rotation, each on another document or place, each followed by waiting
  for the `publishDiagnostics` of the edited document that answers it;
- the server's peak memory (VmHWM of /proc/PID/status) after the last edit.

Which publish answers an edit: the server publishes a file's diagnostics when its findings
changed (and may publish the edited document's every time, with `version`). Every edit here is
made so that the edited document's findings DO change, so the answer comes from either kind of
server, and where a publish carries `version`, only the publish of the edit's version counts:
- paragraph: the course's first paragraph gains a line or loses it again; the course was
  opened with an empty section planted at its end (`empty-section`), whose finding moves one
  line down or up. What others see of the course does not change (the quick path).
- item statement: a job profile's requirement is reworded and its attributes typed on into a
  malformed block (`{level=3 hours=4 h}`: `malformed-attribute`), or put back as it was. What others see changes (the
  requirement's text): the courses covering it are reached.
- reference: a course's outcome `→ JOB-…#Rn` is pointed at a requirement that does not exist
  (`unresolved-reference`), or back at `#Rn`.
"""
import argparse, json, os, queue, re, subprocess, sys, threading, time

from timing import markdown_mb, memory_kb, summary


class Server:
    """`stdkit lsp` as a child process; a thread reads its messages and stamps each with the time
    it was read in full."""

    def __init__(self, argv, cwd, stderr):
        self.start = time.monotonic()
        self.process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr)
        self.inbox = queue.Queue()
        self.next_id = 1
        self.log = []  # (time, message) of everything read, for --trace
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.process.stdout
        try:
            while True:
                length = None
                while True:
                    line = out.readline()
                    if not line:
                        self.inbox.put((time.monotonic(), None))
                        return
                    line = line.rstrip(b"\r\n")
                    if not line:
                        break
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                if length is None:
                    raise ValueError("a message without Content-Length")
                body = out.read(length)
                self.inbox.put((time.monotonic(), json.loads(body.decode("utf-8"))))
        except Exception as error:  # reported to the waiting side, which stops the run
            self.inbox.put((time.monotonic(), error))

    def send(self, message):
        body = json.dumps(message, ensure_ascii=False).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()
        return time.monotonic()

    def request(self, method, params):
        identifier = self.next_id
        self.next_id += 1
        sent = self.send({"jsonrpc": "2.0", "id": identifier, "method": method, "params": params})
        return identifier, sent

    def notify(self, method, params):
        return self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def wait(self, wanted, timeout, what):
        """The first message for which `wanted(message)` holds, with the time it was read; answers
        the server's own requests meanwhile (configuration, progress, registration)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no {what} within {timeout:.0f} s")
            try:
                at, message = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if message is None:
                raise EOFError(f"the server closed its output (exit status {self.process.poll()}) while waiting for {what}")
            if isinstance(message, Exception):
                raise message
            self.log.append((at, message))
            if "method" in message and "id" in message:
                result = None
                if message["method"] == "workspace/configuration":
                    result = [None] * len(message.get("params", {}).get("items", []))
                self.send({"jsonrpc": "2.0", "id": message["id"], "result": result})
                continue
            if wanted(message):
                return at, message

    def answer(self, identifier, timeout, what):
        at, message = self.wait(lambda m: m.get("id") == identifier and "method" not in m, timeout, what)
        if "error" in message:
            raise RuntimeError(f"{what}: the server answered an error: {message['error']}")
        return at, message.get("result")

    def peak_memory_kb(self):
        return memory_kb(self.process.pid)


def utf16_length(text):
    return len(text.encode("utf-16-le")) // 2


def column(text, unit):
    """The length of `text` in the negotiated position encoding."""
    if unit == "utf-8":
        return len(text.encode("utf-8"))
    if unit == "utf-32":
        return len(text)
    return utf16_length(text)


class OpenDocument:
    """A document as the client holds it: its lines (LF), its version."""

    def __init__(self, path, uri, text):
        self.path, self.uri, self.text, self.version = path, uri, text, 1

    @property
    def lines(self):
        return self.text.split("\n")

    def line_index(self, pattern, start=0):
        for index, line in enumerate(self.lines[start:], start):
            if re.search(pattern, line):
                return index
        raise ValueError(f"{self.path}: no line matches {pattern!r}")

    def replace(self, line, start, end, new, unit):
        """The LSP change that replaces characters [start, end) of `line` (0-based, Python string
        indices; `end` may be on line+1 as (line+1, col)) with `new`, applied here too."""
        lines = self.lines
        end_line, end_col = end if isinstance(end, tuple) else (line, end)
        change = {"range": {"start": {"line": line, "character": column(lines[line][:start], unit)},
                            "end": {"line": end_line, "character": column(lines[end_line][:end_col], unit)}},
                  "text": new}
        offsets = [0]
        for text in lines:
            offsets.append(offsets[-1] + len(text) + 1)
        a = offsets[line] + start
        b = offsets[end_line] + end_col
        self.text = self.text[:a] + new + self.text[b:]
        self.version += 1
        return change


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stdkit")
    parser.add_argument("project")
    parser.add_argument("--edits", type=int, default=100)
    parser.add_argument("--documents", type=int, default=4, help="documents opened for each kind of edit")
    parser.add_argument("--timeout", type=float, default=60, help="seconds to wait for one answer")
    parser.add_argument("--encoding", default="utf-16", help="the position encoding the client offers (utf-16, utf-8, utf-32)")
    parser.add_argument("--stderr", default=os.devnull, help="where the server's standard error goes")
    parser.add_argument("--json", help="write every figure here")
    parser.add_argument("--report", help="write the Markdown table here")
    args = parser.parse_args()

    project = os.path.realpath(args.project)
    root_uri = "file://" + project
    jobs = sorted(os.listdir(os.path.join(project, "jobs")))
    courses = sorted(os.listdir(os.path.join(project, "courses")))

    stderr = open(args.stderr, "ab")
    # The server runs in the project folder: a relative path to it is made absolute first.
    stdkit = os.path.realpath(args.stdkit) if os.sep in args.stdkit else args.stdkit
    server = Server([stdkit, "lsp"], project, stderr)
    figures = {"edits": [], "opens": []}
    try:
        # --- ready ------------------------------------------------------------------------------
        identifier, _ = server.request("initialize", {
            "processId": os.getpid(), "clientInfo": {"name": "stdkit lsp-bench"}, "locale": "en",
            "rootUri": root_uri, "rootPath": project,
            "workspaceFolders": [{"uri": root_uri, "name": os.path.basename(project)}],
            "capabilities": {"general": {"positionEncodings": [args.encoding]},
                             "textDocument": {"synchronization": {"didSave": True},
                                              "publishDiagnostics": {"relatedInformation": True, "versionSupport": True}},
                             "workspace": {"workspaceFolders": True}}})
        at, result = server.answer(identifier, args.timeout, "answer to initialize")
        figures["initialize_s"] = at - server.start
        capabilities = result.get("capabilities", {}) if result else {}
        unit = capabilities.get("positionEncoding", "utf-16")
        sync = capabilities.get("textDocumentSync", 1)
        sync = sync.get("change", 1) if isinstance(sync, dict) else sync
        figures["position_encoding"] = unit
        figures["incremental_sync"] = sync == 2
        server.notify("initialized", {})
        at, _ = server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics", args.timeout,
                            "publishDiagnostics after initialized")
        figures["ready_s"] = at - server.start

        # --- documents opened -------------------------------------------------------------------
        count = args.documents
        step = max(1, len(courses) // (2 * count + 1))
        paragraph_docs = [f"courses/{name}" for name in courses[step:step * (count + 1):step][:count]]
        reference_docs = [f"courses/{name}" for name in courses[step * (count + 1)::step][:count]]
        job_step = max(1, len(jobs) // (count + 1))
        statement_docs = [f"jobs/{name}" for name in jobs[job_step::job_step][:count]]
        documents = {}

        def open_document(path, text):
            document = OpenDocument(path, root_uri + "/" + path, text)
            documents[path] = document
            sent = server.notify("textDocument/didOpen", {"textDocument": {
                "uri": document.uri, "languageId": "markdown", "version": document.version, "text": text}})
            return document, sent

        def answered(document):
            def wanted(message):
                if message.get("method") != "textDocument/publishDiagnostics":
                    return False
                params = message.get("params", {})
                if params.get("uri") != document.uri:
                    return False
                return params.get("version") is None or params["version"] == document.version
            return wanted

        for path in paragraph_docs:
            text = open(os.path.join(project, path), encoding="utf-8").read()
            # The planted finding the paragraph edits move: an empty section at the end.
            document, sent = open_document(path, text.rstrip("\n") + "\n\n## 附录\n")
            at, message = server.wait(answered(document), args.timeout, f"diagnostics of {path} after didOpen")
            figures["opens"].append({"path": path, "ms": (at - sent) * 1000, "findings": len(message["params"]["diagnostics"])})
        quiet = []
        for path in statement_docs + reference_docs:
            quiet.append(open_document(path, open(os.path.join(project, path), encoding="utf-8").read())[0])
        # Opening a document as it is on disk changes no finding: a server may publish its
        # findings all the same (stdkit's does) or not. Those publishes are let through before
        # the first edit, for at most 5 s in all.
        deadline = time.monotonic() + 5
        for document in quiet:
            try:
                server.wait(answered(document), max(0.01, deadline - time.monotonic()), "")
            except TimeoutError:
                break

        # --- edits ------------------------------------------------------------------------------
        broken = {}  # place → whether the edit there is to be undone

        def paragraph_edit(n):
            document = documents[paragraph_docs[n % len(paragraph_docs)]]
            line = document.line_index(r"^## 课程性质与任务") + 2
            place = (document.path, "paragraph")
            if broken.get(place):
                change = document.replace(line, len(document.lines[line]), (line + 1, len(document.lines[line + 1])), "", unit)
            else:
                change = document.replace(line, len(document.lines[line]), len(document.lines[line]),
                                          f"\n本课程第 {n} 次修订：学生在真实工作情境中完成典型任务 🙂。", unit)
            broken[place] = not broken.get(place)
            return document, change

        def statement_edit(n):
            document = documents[statement_docs[n % len(statement_docs)]]
            requirement = 1 + (n // len(statement_docs)) % 4
            line = document.line_index(rf"^- \*\*R{requirement}\*\* ")
            text = document.lines[line]
            place = (document.path, requirement)
            start = text.index("** ") + 3
            if broken.get(place):
                new = broken[place]
                broken[place] = None
            else:
                broken[place] = text[start:]
                statement, attributes = text[start:].rsplit(" {", 1)
                # Reworded, and typed on into the attributes: `{level=3 hours=4 h}`.
                new = f"{statement}并记录结果 {{{attributes[:-1]} hours=4 h}}"
            return document, document.replace(line, start, len(text), new, unit)

        def reference_edit(n):
            document = documents[reference_docs[n % len(reference_docs)]]
            outcome = 1 + (n // len(reference_docs)) % 3
            line = document.line_index(rf"^- \*\*LO{outcome}\*\* ")
            text = document.lines[line]
            match = re.search(r"#R(\d+)", text)
            place = (document.path, outcome)
            if broken.get(place):
                new = broken[place]
                broken[place] = None
            else:
                broken[place] = match.group(1)
                new = str(int(match.group(1)) + 40)
            return document, document.replace(line, match.start(1), match.end(1), new, unit)

        kinds = [("paragraph", paragraph_edit), ("item statement", statement_edit), ("reference", reference_edit)]
        for n in range(args.edits):
            kind, edit = kinds[n % len(kinds)]
            document, change = edit(n // len(kinds))
            if not figures["incremental_sync"]:
                change = {"text": document.text}
            sent = server.notify("textDocument/didChange", {
                "textDocument": {"uri": document.uri, "version": document.version}, "contentChanges": [change]})
            at, message = server.wait(answered(document), args.timeout, f"diagnostics of {document.path} after edit {n + 1} ({kind})")
            figures["edits"].append({"kind": kind, "path": document.path, "version": document.version,
                                     "ms": (at - sent) * 1000, "findings": len(message["params"]["diagnostics"])})

        memory = server.peak_memory_kb()
        figures["peak_memory_mb"] = memory.get("VmHWM", 0) / 1024
        figures["memory_at_end_mb"] = memory.get("VmRSS", 0) / 1024

        # --- shutdown -----------------------------------------------------------------------------
        identifier, _ = server.request("shutdown", None)
        server.answer(identifier, args.timeout, "answer to shutdown")
        server.notify("exit", None)
        try:
            figures["exit_status"] = server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            figures["exit_status"] = "still running 10 s after exit"
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()

    figures["corpus_mb"] = markdown_mb(project)
    by_kind = {}
    for edit in figures["edits"]:
        by_kind.setdefault(edit["kind"], []).append(edit["ms"])
    figures["summary"] = {kind: summary(values) for kind, values in by_kind.items()}
    figures["summary"]["all"] = summary([edit["ms"] for edit in figures["edits"]])

    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=1, ensure_ascii=False)
    lines = [f"| measure | median | 95th percentile | max | goal |", "| --- | --- | --- | --- | --- |",
             f"| ready: start to the answer of `initialize` | {figures['initialize_s']:.2f} s | | | |",
             f"| ready: start to the first `publishDiagnostics` (project read and checked) | {figures['ready_s']:.2f} s | | | under 3 s |"]
    for kind, _ in kinds + [("all", None)]:
        s = figures["summary"].get(kind)
        if s:
            name = f"edit to diagnostics, {kind} ({s['count']} edits)" if kind != "all" else f"**edit to diagnostics, all {s['count']} edits**"
            goal = "p95 under 100 ms" if kind == "all" else ""
            lines.append(f"| {name} | {s['median']:.1f} ms | {s['p95']:.1f} ms | {s['max']:.1f} ms | {goal} |")
    lines.append(f"| peak memory (VmHWM) / the project's Markdown | {figures['peak_memory_mb']:.0f} MB / {figures['corpus_mb']:.1f} MB "
                 f"(× {figures['peak_memory_mb'] / figures['corpus_mb']:.1f}) | | | under 3 × the corpus |")
    report = "\n".join(lines) + "\n"
    if args.report:
        with open(args.report, "w") as f:
            f.write(report)
    print(report, end="")


if __name__ == "__main__":
    try:
        main()
    except (TimeoutError, EOFError, RuntimeError, ValueError) as error:
        sys.exit(f"bench/lsp-bench.py: {error}")

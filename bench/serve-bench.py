#!/usr/bin/python3
"""Drives `stdkit serve` as the browser editor does, over HTTP (Python's standard library only),
and times it on a generated project.

    bench/serve-bench.py STDKIT PROJECT [--saves 100] [--json OUT.json] [--report OUT.md]

Measures, from the client's side (the clock starts when a request is written and stops when its
answer has been read in full):
- ready: from starting `stdkit serve --port 0` to its start-up line (the URL with the session
  token), to the first answer of `GET /api/status`, and to the first site page served (`/`);
- save to findings: SAVES `PUT /api/documents/ID` of three kinds in rotation, each on another
  document or place, each with the base digest of the text it started from; the answer carries
  the document's findings after the save, so the time to the answer is the time from 保存 to
  the findings the editor shows. The same edits as bench/lsp-bench.py, made to change findings:
  - paragraph: a course's first paragraph gains a line or loses it again;
  - item statement: a job profile's requirement is reworded and its attributes typed on into a
    malformed block (`malformed-attribute`), or put back;
  - reference: a course's outcome `→ JOB-…#Rn` is pointed at a requirement that does not exist
    (`unresolved-reference`), or back;
- after each save, the time until the `changed` event of `/events` names the document (what
  reloads other browsers), and the document's page served again (`GET` of its site page);
- the server's peak memory (VmHWM of /proc/PID/status) after the last save.
"""
import argparse, http.client, json, os, queue, re, select, subprocess, sys, threading, time, urllib.parse

from timing import markdown_mb, memory_kb, summary


class Server:
    def __init__(self, argv, stderr, timeout):
        self.start = time.monotonic()
        self.process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=stderr)
        deadline = self.start + timeout
        self.url = None
        buffered = b""
        while self.url is None:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no start-up URL within {timeout:.0f} s")
            ready, _, _ = select.select([self.process.stdout], [], [], 0.05)
            if not ready:
                if self.process.poll() is not None:
                    raise EOFError(f"stdkit serve exited with status {self.process.returncode} before printing its URL")
                continue
            chunk = os.read(self.process.stdout.fileno(), 4096)
            if not chunk:
                raise EOFError("stdkit serve closed its output before printing its URL")
            buffered += chunk
            match = re.search(rb"(http://[^\s/]+)/\?token=([0-9a-f]+)", buffered)
            if match:
                self.url_at = time.monotonic()
                self.url = match.group(1).decode()
                self.token = match.group(2).decode()
        # What else it prints is drained, so that it never blocks on a full pipe.
        threading.Thread(target=lambda: [None for _ in iter(lambda: self.process.stdout.read(4096), b"")], daemon=True).start()
        parsed = urllib.parse.urlparse(self.url)
        self.host, self.port = parsed.hostname, parsed.port

    def connection(self):
        return http.client.HTTPConnection(self.host, self.port, timeout=60)

    def headers(self, write=False):
        headers = {"Cookie": f"stdkit_token={self.token}"}
        if write:
            headers.update({"X-Stdkit-Token": self.token, "Origin": self.url, "Content-Type": "application/json"})
        return headers

    def peak_memory_kb(self):
        return memory_kb(self.process.pid)


def request(connection, method, path, headers, body=None):
    """(status, body bytes, seconds from writing the request to reading the answer in full)."""
    data = json.dumps(body, ensure_ascii=False).encode("utf-8") if body is not None else None
    sent = time.monotonic()
    connection.request(method, path, body=data, headers=headers)
    answer = connection.getresponse()
    payload = answer.read()
    return answer.status, payload, time.monotonic() - sent


class Events:
    """`GET /events` read on its own thread; each `changed` event stamped with the time it was read."""

    def __init__(self, server):
        self.inbox = queue.Queue()
        self.connection = server.connection()
        self.connection.request("GET", "/events", headers=server.headers())
        self.answer = self.connection.getresponse()
        if self.answer.status != 200:
            raise RuntimeError(f"GET /events answered {self.answer.status}")
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        event, data = None, []
        while True:
            line = self.answer.fp.readline()
            if not line:
                return
            line = line.decode("utf-8").rstrip("\r\n")
            if line.startswith("event:"):
                event = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].strip())
            elif line == "":
                if event == "changed" and data:
                    try:
                        self.inbox.put((time.monotonic(), json.loads("\n".join(data))))
                    except ValueError:
                        pass
                event, data = None, []

    def wait_for(self, identifier, since, timeout):
        """The time of the first `changed` event naming `identifier` read after `since`."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no `changed` event for {identifier} within {timeout:.0f} s")
            try:
                at, data = self.inbox.get(timeout=left)
            except queue.Empty:
                continue
            if at >= since and identifier in data.get("ids", []):
                return at




def document_id(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            match = re.match(r"^id:\s*(\S+)", line)
            if match:
                return match.group(1).strip("'\"")
    raise ValueError(f"{path}: no id in its front matter")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("stdkit")
    parser.add_argument("project")
    parser.add_argument("--saves", type=int, default=100)
    parser.add_argument("--documents", type=int, default=4, help="documents edited for each kind of save")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--stderr", default=os.devnull)
    parser.add_argument("--json")
    parser.add_argument("--report")
    args = parser.parse_args()

    project = os.path.realpath(args.project)
    jobs = sorted(os.listdir(os.path.join(project, "jobs")))
    courses = sorted(os.listdir(os.path.join(project, "courses")))
    stdkit = os.path.realpath(args.stdkit) if os.sep in args.stdkit else args.stdkit
    stderr = open(args.stderr, "ab")
    server = Server([stdkit, "serve", project, "--port", "0"], stderr, args.timeout)
    figures = {"saves": []}
    try:
        figures["url_s"] = server.url_at - server.start
        connection = server.connection()
        while True:  # the server may answer before the project is read: 503 until ready
            try:
                status, body, _ = request(connection, "GET", "/api/status", server.headers())
            except (ConnectionError, http.client.HTTPException):
                connection = server.connection()
                time.sleep(0.01)
                continue
            if status == 200 and json.loads(body).get("ready"):
                break
            if time.monotonic() - server.start > args.timeout:
                raise TimeoutError(f"/api/status not ready within {args.timeout:.0f} s")
            time.sleep(0.01)
        figures["status_s"] = time.monotonic() - server.start
        status, body, _ = request(connection, "GET", "/", server.headers())
        if status != 200:
            raise RuntimeError(f"GET / answered {status}")
        figures["ready_s"] = time.monotonic() - server.start

        events = Events(server)
        count = args.documents
        step = max(1, len(courses) // (2 * count + 1))
        paragraph_docs = [f"courses/{name}" for name in courses[step:step * (count + 1):step][:count]]
        reference_docs = [f"courses/{name}" for name in courses[step * (count + 1)::step][:count]]
        job_step = max(1, len(jobs) // (count + 1))
        statement_docs = [f"jobs/{name}" for name in jobs[job_step::job_step][:count]]
        held = {}  # path → {id, text, digest, page}
        for path in paragraph_docs + statement_docs + reference_docs:
            identifier = document_id(os.path.join(project, path))
            status, body, _ = request(connection, "GET", "/api/documents/" + urllib.parse.quote(identifier), server.headers())
            if status != 200:
                raise RuntimeError(f"GET /api/documents/{identifier} answered {status}: {body[:200]!r}")
            answer = json.loads(body)
            held[path] = {"id": identifier, "text": answer["text"], "digest": answer["digest"]}

        broken = {}

        def lines_of(path):
            return held[path]["text"].split("\n")

        def replace_line(path, index, new_line):
            lines = lines_of(path)
            lines[index] = new_line
            held[path]["text"] = "\n".join(lines)

        def find(path, pattern):
            for index, line in enumerate(lines_of(path)):
                if re.search(pattern, line):
                    return index
            raise ValueError(f"{path}: no line matches {pattern!r}")

        def paragraph_edit(n):
            path = paragraph_docs[n % len(paragraph_docs)]
            index = find(path, r"^## 课程性质与任务") + 2
            line = lines_of(path)[index]
            place = (path, "paragraph")
            if broken.get(place):
                replace_line(path, index, broken[place])
                broken[place] = None
            else:
                broken[place] = line
                replace_line(path, index, line + f"\n本课程第 {n} 次修订：学生在真实工作情境中完成典型任务 🙂。")
            return path

        def statement_edit(n):
            path = statement_docs[n % len(statement_docs)]
            requirement = 1 + (n // len(statement_docs)) % 4
            index = find(path, rf"^- \*\*R{requirement}\*\* ")
            line = lines_of(path)[index]
            place = (path, requirement)
            if broken.get(place):
                replace_line(path, index, broken[place])
                broken[place] = None
            else:
                broken[place] = line
                head, attributes = line.rsplit(" {", 1)
                replace_line(path, index, f"{head}并记录结果 {{{attributes[:-1]} hours=4 h}}")
            return path

        def reference_edit(n):
            path = reference_docs[n % len(reference_docs)]
            outcome = 1 + (n // len(reference_docs)) % 3
            index = find(path, rf"^- \*\*LO{outcome}\*\* ")
            line = lines_of(path)[index]
            place = (path, outcome)
            if broken.get(place):
                replace_line(path, index, broken[place])
                broken[place] = None
            else:
                broken[place] = line
                match = re.search(r"#R(\d+)", line)
                replace_line(path, index, line[:match.start(1)] + str(int(match.group(1)) + 40) + line[match.end(1):])
            return path

        kinds = [("paragraph", paragraph_edit), ("item statement", statement_edit), ("reference", reference_edit)]
        page_of = {}
        for n in range(args.saves):
            kind, edit = kinds[n % len(kinds)]
            path = edit(n // len(kinds))
            document = held[path]
            status, body, seconds = request(connection, "PUT", "/api/documents/" + urllib.parse.quote(document["id"]),
                                            server.headers(write=True), {"text": document["text"], "base": document["digest"]})
            if status != 200:
                raise RuntimeError(f"save {n + 1} ({kind}) of {path} answered {status}: {body[:300]!r}")
            answer = json.loads(body)
            document["digest"] = answer["digest"]
            sent_at = time.monotonic() - seconds
            event_at = events.wait_for(document["id"], sent_at, args.timeout)
            # The document's site page (`documents/` mirrors the project's folders), served again after each save.
            if path not in page_of:
                page_of[path] = "/documents/" + path[:-3] + ".html"
            status, _, page_seconds = request(connection, "GET", page_of[path], server.headers())
            figures["saves"].append({"kind": kind, "path": path, "ms": seconds * 1000, "findings": len(answer.get("findings", [])),
                                     "event_ms": (event_at - sent_at) * 1000, "page_ms": page_seconds * 1000, "page_status": status})

        memory = server.peak_memory_kb()
        figures["peak_memory_mb"] = memory.get("VmHWM", 0) / 1024
    finally:
        if server.process.poll() is None:
            server.process.terminate()
            try:
                server.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.process.kill()
                server.process.wait()

    figures["corpus_mb"] = markdown_mb(project)
    by_kind = {}
    for save in figures["saves"]:
        by_kind.setdefault(save["kind"], []).append(save["ms"])
    figures["summary"] = {kind: summary(values) for kind, values in by_kind.items()}
    figures["summary"]["all"] = summary([save["ms"] for save in figures["saves"]])
    figures["summary"]["event"] = summary([save["event_ms"] for save in figures["saves"]])
    figures["summary"]["page"] = summary([save["page_ms"] for save in figures["saves"]])
    if args.json:
        with open(args.json, "w") as f:
            json.dump(figures, f, indent=1, ensure_ascii=False)
    lines = ["| measure | median | 95th percentile | max | goal |", "| --- | --- | --- | --- | --- |",
             f"| ready: start to the start-up URL | {figures['url_s']:.2f} s | | | |",
             f"| ready: start to `/api/status` ready | {figures['status_s']:.2f} s | | | |",
             f"| ready: start to the first page (`/`) served | {figures['ready_s']:.2f} s | | | under 3 s |"]
    for kind, _ in kinds + [("all", None)]:
        s = figures["summary"].get(kind)
        if s:
            name = f"save to findings, {kind} ({s['count']} saves)" if kind != "all" else f"**save to findings, all {s['count']} saves**"
            lines.append(f"| {name} | {s['median']:.1f} ms | {s['p95']:.1f} ms | {s['max']:.1f} ms | {'p95 under 100 ms' if kind == 'all' else ''} |")
    s = figures["summary"]["event"]
    lines.append(f"| save to the `changed` event other browsers reload on | {s['median']:.1f} ms | {s['p95']:.1f} ms | {s['max']:.1f} ms | under 500 ms |")
    s = figures["summary"]["page"]
    lines.append(f"| the saved document's page served again | {s['median']:.1f} ms | {s['p95']:.1f} ms | {s['max']:.1f} ms | |")
    lines.append(f"| peak memory (VmHWM) / the project's Markdown | {figures['peak_memory_mb']:.0f} MB / {figures['corpus_mb']:.1f} MB "
                 f"(× {figures['peak_memory_mb'] / figures['corpus_mb']:.1f}) | | | |")
    report = "\n".join(lines) + "\n"
    if args.report:
        with open(args.report, "w") as f:
            f.write(report)
    print(report, end="")


if __name__ == "__main__":
    try:
        main()
    except (TimeoutError, EOFError, RuntimeError, ValueError) as error:
        sys.exit(f"bench/serve-bench.py: {error}")

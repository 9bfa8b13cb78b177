#!/usr/bin/python3
"""Times `stdkit serve` on a generated project, as a browser uses it (Python's standard library
only; the clock starts when a request is written and stops when its answer has been read):

    bench/serve-bench.py STDKIT PROJECT [--saves 50]

- ready: from starting `stdkit serve --port 0` on a copy of PROJECT to the printed address,
  and to the first page (`/`) answered in full;
- a document's page, first and again (kept);
- save to findings: SAVES saves of courses through `PUT /api/documents/ID`, each pointing an
  outcome's reference at a requirement that does not exist or back (so the findings change),
  each timed to its answer, which carries the saved text's findings;
- a page after a change: the saved document's page, asked right after each save;
- event: from writing a file on disk to `event: changed` on `/events`.
"""
import argparse, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, time, urllib.request


def request(port, method, path, headers=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method, headers=headers or {})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=60) as answer:
            content = answer.read()
            status = answer.status
    except urllib.error.HTTPError as error:
        content = error.read()
        status = error.code
    return status, content, (time.monotonic() - start) * 1000


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("stdkit")
    parser.add_argument("project")
    parser.add_argument("--saves", type=int, default=50)
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="stdkit-serve-bench.")
    project = os.path.join(work, "project")
    shutil.copytree(args.project, project)
    try:
        start = time.monotonic()
        process = subprocess.Popen([args.stdkit, "serve", "--port", "0", project], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                   env=dict(os.environ, STDKIT_LANG="en"))
        line = process.stdout.readline().decode()
        printed = (time.monotonic() - start) * 1000
        match = re.match(r"stdkit serve: http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]{32})", line)
        if not match:
            sys.exit(f"serve-bench: stdkit serve printed {line!r}")
        port, token = int(match.group(1)), match.group(2)
        status, _, _ = request(port, "GET", "/")
        ready = (time.monotonic() - start) * 1000
        assert status == 200
        headers = {"X-Stdkit-Token": token, "Cookie": f"stdkit_token={token}", "Origin": f"http://127.0.0.1:{port}",
                   "Content-Type": "application/json"}
        status, content, _ = request(port, "GET", "/api/documents")
        documents = [d for d in json.loads(content)["documents"] if d["kind"] == "course"]
        first_page = request(port, "GET", "/documents/" + documents[0]["path"][:-3] + ".html")[2]
        again_page = request(port, "GET", "/documents/" + documents[0]["path"][:-3] + ".html")[2]
        saves, pages, findings_changed = [], [], 0
        for number in range(args.saves):
            summary = documents[number % len(documents)]
            _, content, _ = request(port, "GET", "/api/documents/" + summary["id"])
            document = json.loads(content)
            text = document["text"]
            if "#R999" in text:
                edited = text.replace("#R999", "#R1", 1)
            else:
                edited = re.sub(r"(→ [A-Z0-9-]+)#R\d+", r"\1#R999", text, count=1)
            status, content, elapsed = request(port, "PUT", "/api/documents/" + summary["id"], headers, {"text": edited, "base": document["digest"]})
            assert status == 200, content
            saves.append(elapsed)
            if json.loads(content)["findings"] != document["findings"]:
                findings_changed += 1
            pages.append(request(port, "GET", "/documents/" + summary["path"][:-3] + ".html")[2])
        # A file changed on disk, to the event.
        events = socket.create_connection(("127.0.0.1", port))
        events.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        received = b""
        while b": connected" not in received:
            received += events.recv(65536)
        path = os.path.join(project, documents[-1]["path"])
        with open(path, "a") as handle:
            changed = time.monotonic()
            handle.write("\nChanged on disk.\n")
        while b"event: changed" not in received:
            received += events.recv(65536)
        event = (time.monotonic() - changed) * 1000
        status = open(f"/proc/{process.pid}/status").read()
        peak = int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024
        process.terminate()
        process.wait(timeout=10)
        print(f"| measure | value |")
        print(f"| --- | --- |")
        print(f"| address printed | {printed:.0f} ms |")
        print(f"| ready (first page `/` answered) | {ready:.0f} ms |")
        print(f"| a document's page, first / again | {first_page:.1f} ms / {again_page:.1f} ms |")
        print(f"| save to findings ({len(saves)} saves, {findings_changed} changed the findings), median / p95 / max | "
              f"{statistics.median(saves):.1f} / {percentile(saves, 95):.1f} / {max(saves):.1f} ms |")
        print(f"| the saved document's page right after, median / p95 | {statistics.median(pages):.1f} / {percentile(pages, 95):.1f} ms |")
        print(f"| file changed on disk to `event: changed` | {event:.0f} ms |")
        print(f"| peak memory | {peak:.0f} MiB |")
    finally:
        shutil.rmtree(work, ignore_errors=True)


main()

#!/usr/bin/env python3
"""Latency of `storylint lsp` in a warm server, as the editor sees it.

usage: tests/bench/lsp_latency.py [BUILD_DIR] [EDITS]
Opens a 600-word story, then makes EDITS (default 2,000) one-character incremental edits,
each followed by waiting for its publishDiagnostics (debounce 0, so the time is the
re-lint and the round trip through the pipe). Prints the median and 95th percentile, and
the server's resident memory after the first 100 edits and after the last, to show it
stays flat. Then the same edits (up to 1,000) to a story of a 40-story workspace, where
each edit also re-runs the bank rules. Not part of the test suite: timings on shared
machines are noisy.
"""
import json, os, statistics, subprocess, sys, time

build = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "build")
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
p = subprocess.Popen([os.path.join(build, "storylint"), "lsp", "--debounce", "0"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)


def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()


def read():
    headers = b""
    while not headers.endswith(b"\r\n\r\n"):
        headers += p.stdout.read(1)
    n = int(headers.split(b":")[1].split(b"\r\n")[0])
    return json.loads(p.stdout.read(n))


def rss_kb():
    with open(f"/proc/{p.pid}/status") as f:
        return int([l for l in f if l.startswith("VmRSS")][0].split()[1])


sentence = "I measured the checkout service, found the slow query and rewrote it with the team's help. "
words = sentence.split()
body = " ".join((words * (600 // len(words) + 1))[:560])
story = ("---\ntitle: Latency story\ndate: 2026-01\nbucket: productivity\nprinciples: [Dive Deep]\n---\n"
         "## Situation\nCheckout was slow.\n## Task\nI owned the fix.\n## Action\n" + body +
         "\n## Result\nPages loaded 40% faster.\n## Learning\nI learned to measure first.\n")
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
read()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
uri = "file:///tmp/latency-story.md"
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": story}}})
read()
line = story.split("\n").index("## Action") + 1
times, rss_early = [], 0
for k in range(edits):
    ch = "x" if k % 2 == 0 else ""  # add a character, then take it away
    rng = {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0 if ch else 1}}
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": k + 2}, "contentChanges": [{"range": rng, "text": ch}]}})
    while read().get("method") != "textDocument/publishDiagnostics":
        pass
    times.append((time.perf_counter() - t0) * 1000)
    if k == 99:
        rss_early = rss_kb()
rss_late = rss_kb()
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
read()
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
times.sort()
print(f"| re-lint a 600-word story after an edit (warm server, {edits} edits) | median {statistics.median(times):.2f} ms | "
      f"p95 {times[int(len(times) * 0.95)]:.2f} ms | RSS {rss_early} KB after 100 edits, {rss_late} KB after {edits} |")

# The same edits with a workspace of 40 stories: each edit re-lints the story and re-runs
# the bank rules over the 40 (unsaved text in place).
import tempfile
ws = tempfile.mkdtemp()
open(os.path.join(ws, ".storylint.yaml"), "w").write("level: L6\n")
for i in range(40):
    open(os.path.join(ws, f"s{i:02}.md"), "w").write(story.replace("Latency story", f"Story number {i}").replace(
        "bucket: productivity", "bucket: " + ["productivity", "failure", "conflict"][i % 3]))
p = subprocess.Popen([os.path.join(build, "storylint"), "lsp", "--debounce", "0"], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE)
send({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}, "rootUri": "file://" + ws}})
read()
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
uri = "file://" + os.path.join(ws, "s00.md")
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": open(uri[7:]).read()}}})
time.sleep(1)
bank_times = []
for k in range(min(edits, 1000)):
    ch = "x" if k % 2 == 0 else ""
    rng = {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0 if ch else 1}}
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": k + 2}, "contentChanges": [{"range": rng, "text": ch}]}})
    t0 = time.perf_counter()
    # A marker request after the edit: its answer comes once the edit's lint and bank run are done.
    send({"jsonrpc": "2.0", "id": 1000 + k, "method": "textDocument/hover",
          "params": {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}})
    while read().get("id") != 1000 + k:
        pass
    bank_times.append((time.perf_counter() - t0) * 1000)
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
read()
send({"jsonrpc": "2.0", "method": "exit"})
p.wait()
bank_times.sort()
print(f"| the same edit in a 40-story workspace (re-lint and the bank rules over 40 stories) | median "
      f"{statistics.median(bank_times):.2f} ms | p95 {bank_times[int(len(bank_times) * 0.95)]:.2f} ms | |")

#!/usr/bin/env python3
"""JSON-RPC conformance of `storylint lsp`, through its stdin and stdout.

usage: conformance.py STORYLINT WORKDIR
Prints one line per check ("ok NAME" or "FAIL NAME: expected ... got ...") and exits 1 on
any failure. Every check is an exact message, range or exit code.
"""
import json, os, subprocess, sys, time

BIN, WORK = sys.argv[1], sys.argv[2]
failed = 0


def check(name, want, got):
    global failed
    if want == got:
        print("ok", name)
    else:
        failed += 1
        print(f"FAIL {name}: expected {json.dumps(want)} got {json.dumps(got)}")


class Client:
    def __init__(self, *args):
        self.p = subprocess.Popen([BIN, "lsp", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=WORK)
        self.next_id = 0
        self.pending = []  # notifications read while waiting for a response

    def send_raw(self, data: bytes):
        self.p.stdin.write(data)
        self.p.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def read(self, timeout=20):
        headers = b""
        while not headers.endswith(b"\r\n\r\n"):
            c = self.p.stdout.read(1)
            if not c:
                return None
            headers += c
        n = int([h for h in headers.decode().split("\r\n") if h.lower().startswith("content-length")][0].split(":")[1])
        return json.loads(self.p.stdout.read(n))

    def request(self, method, params=None):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params or {}})
        while True:
            m = self.read()
            if m is None or m.get("id") == self.next_id:
                return m
            self.pending.append(m)

    def notify(self, method, params=None):
        self.send({"jsonrpc": "2.0", "method": method, "params": params or {}})

    def diagnostics(self, uri):
        for i, m in enumerate(self.pending):
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return self.pending.pop(i)["params"]["diagnostics"]
        while True:
            m = self.read()
            if m is None:
                return None
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return m["params"]["diagnostics"]
            self.pending.append(m)

    def close(self):
        self.p.stdin.close()
        return self.p.wait(timeout=20)


def uri(name):
    return "file://" + os.path.join(WORK, name)


def short(ds):
    return [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["range"]["end"]["character"]) for d in ds]


STORY = (
    "---\n"
    "title: Emoji \U0001F680 story\n"
    "bucket: productivity\n"
    "principles: [\U0001F680Custmer Obsession]\n"
    "---\n"
)

# 1. Before initialize; then initialize with UTF-16 (the default).
c = Client()
r = c.request("textDocument/hover", {"textDocument": {"uri": uri("a.md")}, "position": {"line": 0, "character": 0}})
check("a request before initialize", {"code": -32002, "message": "the server is not initialized yet"}, r.get("error"))
r = c.request("initialize", {"capabilities": {}, "initializationOptions": {"referenceDate": "2026-11-01"}})
check("utf-16 by default", "utf-16", r["result"]["capabilities"]["positionEncoding"])
check("incremental sync", 2, r["result"]["capabilities"]["textDocumentSync"]["change"])
check("server name", "storylint", r["result"]["serverInfo"]["name"])
c.notify("initialized")

# 2. Open: diagnostics at once, positions in UTF-16 code units (the rocket is 2).
text = STORY + "## Situation\nI think we had a problem.\n"
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri("a.md"), "languageId": "markdown", "version": 1, "text": text}})
ds = c.diagnostics(uri("a.md"))
principle = [d for d in ds if d["code"] == "unknown-principle"]
check("the misspelled principle, in UTF-16 columns", [("unknown-principle", 3, 13, 32)], short(principle))
check("its message", "'\U0001F680Custmer Obsession' is not one of the 16 Leadership Principles (did you mean 'Customer Obsession'?)", principle[0]["message"])
check("its severity and source", (1, "storylint"), (principle[0]["severity"], principle[0]["source"]))
check("its rule page", "https://github.com/storylint/storylint/blob/main/docs/rules/unknown-principle.md",
      principle[0]["codeDescription"]["href"])

# 3. Hover on it: the rule's description and why.
r = c.request("textDocument/hover", {"textDocument": {"uri": uri("a.md")}, "position": {"line": 3, "character": 20}})
value = r["result"]["contents"]["value"]
check("hover: markdown", "markdown", r["result"]["contents"]["kind"])
check("hover: the finding first", True, value.startswith("**unknown-principle** (error): '\U0001F680Custmer Obsession'"))
r = c.request("textDocument/hover", {"textDocument": {"uri": uri("a.md")}, "position": {"line": 1, "character": 2}})
check("hover where there is no finding", None, r["result"])

# 4. An incremental change that removes the rocket: after the debounce, new diagnostics.
c.notify("textDocument/didChange", {"textDocument": {"uri": uri("a.md"), "version": 2}, "contentChanges": [
    {"range": {"start": {"line": 3, "character": 13}, "end": {"line": 3, "character": 15}}, "text": ""}]})
ds = c.diagnostics(uri("a.md"))
check("after an incremental change", [("unknown-principle", 3, 13, 30)], short([d for d in ds if d["code"] == "unknown-principle"]))

# 5. Code actions on it: the fix as a WorkspaceEdit, and the suppression.
r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri("a.md")},
    "range": {"start": {"line": 3, "character": 14}, "end": {"line": 3, "character": 14}}, "context": {"diagnostics": []}})
titles = [a["title"] for a in r["result"]]
check("code actions", ["Use 'Customer Obsession'", "Disable unknown-principle for this story",
                       "Disable unknown-principle for this file", "Disable unsupported-principle for this story",
                       "Disable unsupported-principle for this file"], titles)
edit = r["result"][0]["edit"]["changes"][uri("a.md")]
check("the fix's edit", [{"range": {"start": {"line": 3, "character": 13}, "end": {"line": 3, "character": 30}},
                         "newText": "Customer Obsession"}], edit)
check("a preferred quick fix", (True, "quickfix"), (r["result"][0]["isPreferred"], r["result"][0]["kind"]))
# In the front matter a comment cannot go: the story's own storylint.disable, before the
# closing fence; the file-wide directive goes after the front matter.
check("the story suppression's edit", {"range": {"start": {"line": 4, "character": 0}, "end": {"line": 4, "character": 0}},
      "newText": "storylint: {disable: [unknown-principle]}\n"},
      r["result"][1]["edit"]["changes"][uri("a.md")][0])
check("the file suppression's edit", {"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}},
      "newText": "<!-- storylint-disable-file unknown-principle -- reason -->\n"},
      r["result"][2]["edit"]["changes"][uri("a.md")][0])
# In the body, the line's own suppression.
r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri("a.md")},
    "range": {"start": {"line": 6, "character": 3}, "end": {"line": 6, "character": 3}}, "context": {"diagnostics": []}})
we = [a for a in r["result"] if a["title"] == "Disable hedging for this line"]
check("a line suppression in the body", [{"range": {"start": {"line": 6, "character": 0}, "end": {"line": 6, "character": 0}},
      "newText": "<!-- storylint-disable-next-line hedging -- reason -->\n"}],
      we[0]["edit"]["changes"][uri("a.md")] if we else None)
# Hover on a principle name in the metadata: what the principle asks.
r = c.request("textDocument/hover", {"textDocument": {"uri": uri("a.md")}, "position": {"line": 3, "character": 2}})
check("hover on the principles key shows no principle", None, r["result"])
# Applied by the client (a full change), the finding is gone.
lines = text.replace("\U0001F680Custmer", "Custmer").split("\n")
lines[3] = lines[3][:13] + "Customer Obsession" + lines[3][30:]
c.notify("textDocument/didChange", {"textDocument": {"uri": uri("a.md"), "version": 3}, "contentChanges": [{"text": "\n".join(lines)}]})
ds = c.diagnostics(uri("a.md"))
check("the fix applied clears the finding", [], [d for d in ds if d["code"] == "unknown-principle"])
r = c.request("textDocument/hover", {"textDocument": {"uri": uri("a.md")}, "position": {"line": 3, "character": 16}})
check("hover on a principle name: what it asks, after the findings there", True, r["result"] is not None and
      r["result"]["contents"]["value"].endswith("**Customer Obsession** (Leadership Principle)\n\nStart from what the "
                                                "customer needs and work backwards; earn and keep their trust."))

# 6. Protocol errors: malformed JSON, an unknown method; the server keeps serving.
c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
m = c.read()
check("malformed JSON", -32700, m["error"]["code"])
r = c.request("textDocument/definitionOfEverything", {})
check("an unknown method", {"code": -32601, "message": "unknown method: textDocument/definitionOfEverything"}, r["error"])

# 7. A 5 MB document is linted and answered.
big = STORY + "## Action\n" + ("I measured the queue and fixed it. " * 150000) + "\n"
start = time.time()
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri("big.md"), "languageId": "markdown", "version": 1, "text": big}})
ds = c.diagnostics(uri("big.md"))
check("a 5 MB document gets diagnostics", True, ds is not None and any(d["code"] == "unknown-principle" for d in ds))

# 8. Close clears; shutdown then exit is exit code 0.
c.notify("textDocument/didClose", {"textDocument": {"uri": uri("a.md")}})
check("close clears the diagnostics", [], c.diagnostics(uri("a.md")))
r = c.request("shutdown")
check("shutdown", None, r["result"])
c.notify("exit")
check("exit after shutdown: 0", 0, c.p.wait(timeout=20))

# 9. UTF-8 when offered: byte columns.
c = Client()
r = c.request("initialize", {"capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}})
check("utf-8 when offered", "utf-8", r["result"]["capabilities"]["positionEncoding"])
c.notify("initialized")
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri("b.md"), "languageId": "markdown", "version": 1, "text": text}})
ds = c.diagnostics(uri("b.md"))
check("byte columns in utf-8", [("unknown-principle", 3, 13, 34)], short([d for d in ds if d["code"] == "unknown-principle"]))
c.notify("exit")
check("exit without shutdown: 1", 1, c.p.wait(timeout=20))

# 9b. Pull diagnostics when the client advertises them: nothing pushed, answered on request.
c = Client()
r = c.request("initialize", {"capabilities": {"textDocument": {"diagnostic": {}}}})
check("pull: advertised", {"interFileDependencies": True, "workspaceDiagnostics": False},
      r["result"]["capabilities"].get("diagnosticProvider"))
c.notify("initialized")
c.notify("textDocument/didOpen", {"textDocument": {"uri": uri("p.md"), "languageId": "markdown", "version": 1, "text": text}})
r = c.request("textDocument/diagnostic", {"textDocument": {"uri": uri("p.md")}})
check("pull: the report", ("full", True), (r["result"]["kind"], any(d["code"] == "unknown-principle" for d in r["result"]["items"])))
check("pull: nothing was pushed", [], [m for m in c.pending if m.get("method") == "textDocument/publishDiagnostics"])
c.request("shutdown")
c.notify("exit")
check("pull session exits 0", 0, c.p.wait(timeout=20))

# 10. A client that disappears: the server ends, it does not hang.
c = Client()
c.request("initialize", {"capabilities": {}})
check("a vanished client ends the server", 1, c.close())

# 11. The bank in the editor: the workspace folder's stories, unsaved buffers included.
bank = os.path.join(WORK, "bank")
os.makedirs(bank, exist_ok=True)
open(os.path.join(bank, ".storylint.yaml"), "w").write("level: L5\n")
GOOD = ("---\ntitle: {t}\ndate: 2026-01\nbucket: {b}\nprinciples: [Ownership]\n---\n## Situation\nThe queue was slow.\n"
        "## Task\nI owned it.\n## Action\nI measured it and rewrote the worker.\n## Result\nIt got 40% faster.\n"
        "## Learning\nI learned to measure first.\n")
open(os.path.join(bank, "a.md"), "w").write(GOOD.format(t="Faster queue", b="productivity"))
open(os.path.join(bank, "b.md"), "w").write(GOOD.format(t="Missed a deadline", b="failure"))
c = Client()
c.request("initialize", {"capabilities": {}, "rootUri": "file://" + bank, "initializationOptions": {"referenceDate": "2026-11-01"}})
c.notify("initialized")
ds = c.diagnostics("file://" + os.path.join(bank, "a.md"))
conflict = [d for d in ds if d["code"] == "bucket-coverage" and d["severity"] == 1]
check("a bank finding on a file that is not open", ["no conflict story (bucket: conflict) among 2 stories: a bank with no "
      "disagreement story is a dealbreaker"], [d["message"] for d in conflict])
check("at the first story's title", (1, 7), (conflict[0]["range"]["start"]["line"], conflict[0]["range"]["start"]["character"]))
dup = [d for d in ds if d["code"] == "duplicate-story"]
check("a duplicate names its twin as related information",
      [{"location": {"uri": "file://" + os.path.join(bank, "b.md"),
                     "range": {"start": {"line": 1, "character": 7}, "end": {"line": 1, "character": 24}}},
        "message": "'Missed a deadline' tells the same episode"}],
      dup[0].get("relatedInformation") if dup else None)
# An unsaved conflict story, typed into a new buffer, clears it.
c.notify("textDocument/didOpen", {"textDocument": {"uri": "file://" + os.path.join(bank, "c.md"), "languageId": "markdown",
          "version": 1, "text": GOOD.format(t="Disagreed with my manager", b="conflict")}})
while True:
    ds = c.diagnostics("file://" + os.path.join(bank, "a.md"))
    if ds is None or not any(d["code"] == "bucket-coverage" and d["severity"] == 1 for d in ds):
        break
check("an unsaved conflict story clears 'no conflict story'", [],
      [d["message"] for d in ds if d["code"] == "bucket-coverage" and d["severity"] == 1])
r = c.request("shutdown")
c.notify("exit")
check("bank session exits 0", 0, c.p.wait(timeout=20))

# 11b. The bank leaves out what the configuration excludes (a 1 MB junk line there once hung
# the server), and opening a story that changes no bank finding re-sends no other file.
quiet = os.path.join(WORK, "quiet")
os.makedirs(os.path.join(quiet, "junk"), exist_ok=True)
open(os.path.join(quiet, ".storylint.yaml"), "w").write("level: L5\nexclude: [junk]\n")
open(os.path.join(quiet, "a.md"), "w").write(GOOD.format(t="Faster queue", b="productivity"))
open(os.path.join(quiet, "b.md"), "w").write(GOOD.format(t="Missed a deadline", b="failure"))
open(os.path.join(quiet, "junk", "huge.md"), "w").write("## Situation\n" + "We basically leveraged synergy. " * 33000 + "\n")
c = Client()
c.request("initialize", {"capabilities": {}, "rootUri": "file://" + quiet, "initializationOptions": {"referenceDate": "2026-11-01"}})
c.notify("initialized")
first = c.diagnostics("file://" + os.path.join(quiet, "a.md"))
check("the bank is published on load", True, bool(first) and any(d["code"] == "bucket-coverage" for d in first))
check("each file with bank findings once", True, c.diagnostics("file://" + os.path.join(quiet, "b.md")) is not None)
c.notify("textDocument/didOpen", {"textDocument": {"uri": "file://" + os.path.join(quiet, "b.md"), "languageId": "markdown",
          "version": 1, "text": GOOD.format(t="Missed a deadline", b="failure")}})
opened = c.diagnostics("file://" + os.path.join(quiet, "b.md"))
check("the opened story is published with its bank findings", True,
      opened is not None and any(d["code"] == "bucket-coverage" for d in opened))
r = c.request("shutdown")
check("the server answers shutdown (the junk was not linted)", None, r.get("result", "missing") if r else "no answer")
published = [m["params"]["uri"].rsplit("/", 1)[-1] for m in c.pending if m.get("method") == "textDocument/publishDiagnostics"]
check("nothing else re-sent, nothing from the excluded folder", [], published)
c.notify("exit")
check("quiet session exits 0", 0, c.p.wait(timeout=20))

# 12. Settings through workspace/configuration: asked after initialized, applied on answer.
cfgdir = os.path.join(WORK, "cfg")
os.makedirs(cfgdir, exist_ok=True)
money = ("---\ntitle: Savings\ndate: 2026-01\nbucket: productivity\n---\n## Situation\nCosts grew.\n## Action\n"
         "I cut idle servers.\n## Result\nIt saved $2,000,000 a year.\n")
c = Client()
c.request("initialize", {"capabilities": {"workspace": {"configuration": True}}})
c.notify("initialized")
ask = c.read()
check("the server asks for its settings", ("workspace/configuration", [{"section": "storylint"}]),
      (ask.get("method"), ask.get("params", {}).get("items")))
c.notify("textDocument/didOpen", {"textDocument": {"uri": "file://" + os.path.join(cfgdir, "m.md"), "languageId": "markdown",
          "version": 1, "text": money}})
ds = c.diagnostics("file://" + os.path.join(cfgdir, "m.md"))
check("at L5, $2M a year is not small", [], [d for d in ds if d["code"] == "small-impact"])
c.send({"jsonrpc": "2.0", "id": ask["id"], "result": [{"level": "L7"}]})
ds = c.diagnostics("file://" + os.path.join(cfgdir, "m.md"))
check("the answer (L7) applies: $2M a year is small there", ["small-impact"], [d["code"] for d in ds if d["code"] == "small-impact"])
c.notify("workspace/didChangeConfiguration", {"settings": {"storylint": {"level": "L7", "rules": {"select": ["small-impact"]}}}})
ds = c.diagnostics("file://" + os.path.join(cfgdir, "m.md"))
check("rules selected through the settings", ["small-impact"], sorted(set(d["code"] for d in ds)))
c.request("shutdown")
c.notify("exit")
c.p.wait(timeout=20)

# 13. A broken configuration: a diagnostic on the configuration file, and showMessage.
broken = os.path.join(WORK, "broken")
os.makedirs(broken, exist_ok=True)
open(os.path.join(broken, ".storylint.yaml"), "w").write("levl: L5\n")
c = Client()
c.request("initialize", {"capabilities": {}})
c.notify("initialized")
c.notify("textDocument/didOpen", {"textDocument": {"uri": "file://" + os.path.join(broken, "s.md"), "languageId": "markdown",
          "version": 1, "text": money}})
ds = c.diagnostics("file://" + os.path.join(broken, ".storylint.yaml"))
check("the configuration's error, on the configuration file",
      [("config", 0, 0, "unknown key 'levl' (did you mean 'level'?)")],
      [(d["code"], d["range"]["start"]["line"], d["range"]["start"]["character"], d["message"]) for d in ds])
shown = [m for m in c.pending if m.get("method") == "window/showMessage"]
while not shown:  # it follows the configuration's diagnostics
    m = c.read()
    if m is None:
        break
    if m.get("method") == "window/showMessage":
        shown.append(m)
check("and said with showMessage", True, len(shown) == 1 and "unknown key 'levl'" in shown[0]["params"]["message"])
c.request("shutdown")
c.notify("exit")
check("a broken configuration is no crash", 0, c.p.wait(timeout=20))

sys.exit(1 if failed else 0)

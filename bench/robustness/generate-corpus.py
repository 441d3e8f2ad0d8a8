#!/usr/bin/env python3
"""Writes the bad-input corpus of toolkit/pactwire-hardening: every file a reader of pacts, specs
or WireMock mappings must refuse with one line naming the file (and, where there is one, the
line:column or JSON path). Deterministic: run it again and git shows no change.

  python3 bench/robustness/generate-corpus.py

Layout (toolkit/pactwire-hardening/corpus/, outside src/ so that Maven never copies its symlinks):
  pacts/     pact files (every pact entry point reads each one)
  specs/     OpenAPI/AsyncAPI documents
  mappings/  WireMock mapping files
  manifest.tsv   file <TAB> location kind expected in the message: line | path | none
"""
import copy
import json
import os
import shutil
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "toolkit", "pactwire-hardening", "corpus")
ROOT = os.path.normpath(ROOT)
MANIFEST = []

CONSUMER = "hardening-consumer"
PROVIDER = "hardening-provider"

V4 = {
    "consumer": {"name": CONSUMER},
    "provider": {"name": PROVIDER},
    "interactions": [{
        "type": "Synchronous/HTTP",
        "key": "k1",
        "description": "a request for a product",
        "providerStates": [{"name": "a product is in stock", "params": {"sku": "A-1"}}],
        "request": {"method": "GET", "path": "/products/A-1",
                    "headers": {"Accept": ["application/json"]},
                    "query": {"fields": ["name"]}},
        "response": {"status": 200,
                     "headers": {"Content-Type": ["application/json"]},
                     "body": {"content": {"sku": "A-1", "name": "Lamp", "price": 24.90,
                                          "tags": ["a", "b"]},
                              "contentType": "application/json", "encoded": False},
                     "matchingRules": {"body": {
                         "$.name": {"combine": "AND", "matchers": [{"match": "type"}]},
                         "$.tags[*]": {"combine": "AND", "matchers": [{"match": "regex", "regex": "[a-z]+"}]}}}},
    }],
    "metadata": {"pactSpecification": {"version": "4.0"}},
}

V3 = {
    "consumer": {"name": CONSUMER},
    "provider": {"name": PROVIDER},
    "interactions": [{
        "description": "a request for a product",
        "providerStates": [{"name": "a product is in stock"}],
        "request": {"method": "GET", "path": "/products/A-1", "query": {"fields": ["name"]}},
        "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                     "body": {"sku": "A-1", "name": "Lamp"},
                     "matchingRules": {"body": {"$.name": {"matchers": [{"match": "type"}]}}}},
    }],
    "metadata": {"pactSpecification": {"version": "3.0.0"}},
}

V2 = {
    "consumer": {"name": CONSUMER},
    "provider": {"name": PROVIDER},
    "interactions": [{
        "description": "a request for a product",
        "providerState": "a product is in stock",
        "request": {"method": "GET", "path": "/products/A-1", "query": "fields=name"},
        "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                     "body": {"sku": "A-1", "name": "Lamp"},
                     "matchingRules": {"$.body.name": {"match": "type"}}},
    }],
    "metadata": {"pactSpecification": {"version": "2.0.0"}},
}

MESSAGES = {
    "consumer": {"name": CONSUMER},
    "provider": {"name": PROVIDER},
    "messages": [{"description": "a StockChanged event", "contents": {"sku": "A-1", "available": 3},
                  "metaData": {"contentType": "application/json"}}],
    "metadata": {"pactSpecification": {"version": "3.0.0"}},
}


def out(kind, name, data, location, mode="text"):
    path = os.path.join(ROOT, kind, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if mode == "bytes":
        with open(path, "wb") as f:
            f.write(data)
    else:
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(data)
    MANIFEST.append((kind + "/" + name, location))


def pretty(tree):
    return json.dumps(tree, indent=2, ensure_ascii=False) + "\n"


def mutate(base, path, value, delete=False):
    tree = copy.deepcopy(base)
    node = tree
    for step in path[:-1]:
        node = node[step]
    if delete:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return tree


def pact(name, tree, location="path"):
    out("pacts", name, pretty(tree), location)


# ---------------------------------------------------------------- pacts: not JSON at all
def pacts_text():
    out("pacts", "empty.json", "", "none")
    out("pacts", "whitespace-only.json", "  \n\t\n", "none")
    out("pacts", "bom-only.json", b"\xef\xbb\xbf", "none", "bytes")
    malformed = {
        "trailing-comma.json": '{"consumer": {"name": "c"},}\n',
        "single-quotes.json": "{'consumer': {'name': 'c'}}\n",
        "comment.json": '// a pact\n{"consumer": {"name": "c"}}\n',
        "unquoted-key.json": '{consumer: {"name": "c"}}\n',
        "missing-colon.json": '{"consumer" {"name": "c"}}\n',
        "missing-comma.json": '{"consumer": {"name": "c"} "provider": {"name": "p"}}\n',
        "two-roots.json": '{"consumer": {"name": "c"}}\n{"provider": {"name": "p"}}\n',
        "nan.json": '{"consumer": {"name": "c"}, "provider": {"name": "p"}, "x": NaN}\n',
        "infinity.json": '{"consumer": {"name": "c"}, "provider": {"name": "p"}, "x": -Infinity}\n',
        "leading-zero.json": '{"consumer": {"name": "c"}, "provider": {"name": "p"}, "x": 007}\n',
        "unterminated-string.json": '{"consumer": {"name": "c\n',
        "control-char-in-string.json": '{"consumer": {"name": "c\u0001d"}}\n',
        "bad-escape.json": '{"consumer": {"name": "c\\qd"}}\n',
        "bad-unicode-escape.json": '{"consumer": {"name": "\\u12G4"}}\n',
        "bare-word.json": "pact\n",
        "xml-instead.json": "<pact><consumer name=\"c\"/></pact>\n",
        "yaml-instead.json": "consumer:\n  name: c\nprovider:\n  name: p\n",
        "closing-only.json": "}\n",
        "unbalanced-brackets.json": '{"interactions": [}\n',
        "true-prefix.json": "tru\n",
        "hex-number.json": '{"consumer": {"name": "c"}, "x": 0x10}\n',
        "plus-number.json": '{"consumer": {"name": "c"}, "x": +1}\n',
        "dot-number.json": '{"consumer": {"name": "c"}, "x": .5}\n',
        "nul-byte.json": '{"consumer": {"name": "c"}\u0000}\n',
    }
    for name, text in sorted(malformed.items()):
        out("pacts", "malformed-" + name, text, "line")
    # truncations of real-looking pacts, at every tenth of their length
    for label, base in (("v4", V4), ("v3", V3), ("v2", V2), ("messages", MESSAGES)):
        text = pretty(base)
        for tenth in range(1, 10):
            cut = len(text) * tenth // 10
            out("pacts", "truncated-%s-%d0pct.json" % (label, tenth), text[:cut], "line")
    # invalid UTF-8
    v4 = pretty(V4).encode("utf-8")
    out("pacts", "utf8-invalid-byte.json", v4.replace(b"Lamp", b"L\xffmp"), "none", "bytes")
    out("pacts", "utf8-lone-continuation.json", v4.replace(b"Lamp", b"L\x80mp"), "none", "bytes")
    out("pacts", "utf8-overlong.json", v4.replace(b"Lamp", b"L\xc0\xafmp"), "none", "bytes")
    out("pacts", "utf8-truncated-sequence.json", v4.replace(b"Lamp", b"L\xe2\x82"), "none", "bytes")
    out("pacts", "utf8-surrogate.json", v4.replace(b"Lamp", b"L\xed\xa0\x80mp"), "none", "bytes")
    out("pacts", "latin1.json", pretty(mutate(V4, ["consumer", "name"], "caf\u00e9")).encode("latin-1"), "none", "bytes")
    out("pacts", "utf16.json", pretty(V4).encode("utf-16"), "none", "bytes")
    # deep nesting
    deep = 10000
    out("pacts", "deep-arrays-10000.json",
        '{"consumer": {"name": "c"}, "provider": {"name": "p"}, "interactions": '
        + "[" * deep + "]" * deep + "}\n", "line")
    out("pacts", "deep-objects-10000.json",
        '{"consumer": {"name": "c"}, "provider": {"name": "p"}, "x": '
        + '{"a":' * deep + "1" + "}" * deep + "}\n", "line")
    body = "[" * deep + "]" * deep
    text = pretty(mutate(V4, ["interactions", 0, "response", "body", "content", "sku"], "@DEEP@")).replace('"@DEEP@"', body)
    out("pacts", "deep-body-10000.json", text, "line")
    out("pacts", "deep-unclosed-10000.json", "[" * deep, "line")
    # huge numbers
    digits = "9" * 5000
    out("pacts", "huge-integer-in-body.json",
        pretty(V4).replace("24.9", digits, 1), "line")
    out("pacts", "huge-decimal-exponent.json",
        pretty(V4).replace('"status": 200', '"status": 1e400', 1), "path")
    out("pacts", "huge-status-integer.json",
        pretty(V4).replace('"status": 200', '"status": 99999999999999999999999', 1), "path")
    out("pacts", "huge-fraction-in-body.json",
        pretty(V4).replace("24.9", "0." + "1" * 5000, 1), "line")
    # duplicated keys
    out("pacts", "duplicate-consumer.json",
        '{"consumer": {"name": "c"}, "consumer": {"name": "d"}, "provider": {"name": "p"}, "interactions": []}\n', "line")
    out("pacts", "duplicate-status.json",
        pretty(V4).replace('"status": 200', '"status": 200,\n      "status": 404', 1), "line")
    out("pacts", "duplicate-body-key.json",
        pretty(V4).replace('"sku": "A-1",', '"sku": "A-1",\n          "sku": "B-2",', 1), "line")
    out("pacts", "duplicate-interactions.json",
        pretty(V4).rstrip().rstrip("}") + ',\n  "interactions": []\n}\n', "line")
    out("pacts", "duplicate-rule-path.json",
        pretty(V4).replace('"$.name": {', '"$.name": {"matchers": [{"match": "type"}]},\n            "$.name": {', 1), "line")


# ---------------------------------------------------------------- pacts: JSON, wrong shape
def pacts_shape():
    for name, value in (("array", []), ("string", "pact"), ("number", 4), ("null", None), ("true", True)):
        out("pacts", "root-is-%s.json" % name, json.dumps(value) + "\n", "path")
    for role in ("consumer", "provider"):
        pact("%s-missing.json" % role, mutate(V4, [role], None, delete=True))
        pact("%s-is-string.json" % role, mutate(V4, [role], "c"))
        pact("%s-is-array.json" % role, mutate(V4, [role], [{"name": "c"}]))
        pact("%s-name-missing.json" % role, mutate(V4, [role], {}))
        pact("%s-name-is-number.json" % role, mutate(V4, [role, "name"], 42))
        pact("%s-name-is-blank.json" % role, mutate(V4, [role, "name"], "  "))
        pact("%s-name-is-null.json" % role, mutate(V4, [role, "name"], None))
    for value, label in (("interactions", "string"), (7, "number"), ({"a": 1}, "object"), (True, "boolean")):
        pact("interactions-is-%s.json" % label, mutate(V4, ["interactions"], value))
    for value, label in (("an interaction", "string"), (3, "number"), ([], "array"), (None, "null")):
        pact("interaction-is-%s.json" % label, mutate(V4, ["interactions", 0], value))
        pact("message-is-%s.json" % label, mutate(MESSAGES, ["messages", 0], value))
    pact("messages-is-string.json", mutate(MESSAGES, ["messages"], "messages"))
    pact("messages-is-object.json", mutate(MESSAGES, ["messages"], {"a": {}}))
    i = ["interactions", 0]
    pact("interaction-type-is-number.json", mutate(V4, i + ["type"], 5))
    pact("interaction-type-unknown.json", mutate(V4, i + ["type"], "Synchronous/Carrier-Pigeon"))
    pact("description-is-number.json", mutate(V4, i + ["description"], 12))
    pact("description-is-object.json", mutate(V3, i + ["description"], {"text": "x"}))
    pact("provider-states-is-string.json", mutate(V4, i + ["providerStates"], "in stock"))
    pact("provider-state-is-number.json", mutate(V4, i + ["providerStates", 0], 1))
    pact("provider-state-name-missing.json", mutate(V4, i + ["providerStates", 0], {"params": {}}))
    pact("provider-state-params-is-array.json", mutate(V4, i + ["providerStates", 0, "params"], [1]))
    pact("v2-provider-state-is-object.json", mutate(V2, i + ["providerState"], {"name": "x"}))
    for part in ("request", "response"):
        pact("%s-missing.json" % part, mutate(V4, i + [part], None, delete=True))
        pact("%s-is-string.json" % part, mutate(V4, i + [part], "GET /"))
        pact("%s-is-array.json" % part, mutate(V3, i + [part], []))
        pact("%s-is-null.json" % part, mutate(V2, i + [part], None))
        pact("%s-headers-is-array.json" % part, mutate(V4, i + [part, "headers"], ["Accept"]))
        pact("%s-headers-is-string.json" % part, mutate(V3, i + [part, "headers"], "Accept: x"))
        pact("%s-header-is-number.json" % part, mutate(V3, i + [part, "headers"], {"X-Count": 3}))
        pact("%s-header-is-object.json" % part, mutate(V3, i + [part, "headers"], {"X-A": {"b": 1}}))
        pact("%s-header-array-of-numbers.json" % part, mutate(V4, i + [part, "headers"], {"X-A": [1, 2]}))
        pact("%s-matching-rules-is-string.json" % part, mutate(V4, i + [part, "matchingRules"], "type"))
        pact("%s-matching-rules-is-array.json" % part, mutate(V3, i + [part, "matchingRules"], []))
    r = i + ["request"]
    pact("method-is-number.json", mutate(V4, r + ["method"], 1))
    pact("method-is-array.json", mutate(V3, r + ["method"], ["GET"]))
    pact("method-unknown.json", mutate(V4, r + ["method"], "FETCH ME"))
    pact("path-is-number.json", mutate(V4, r + ["path"], 404))
    pact("path-is-object.json", mutate(V3, r + ["path"], {"p": "/"}))
    pact("path-not-absolute.json", mutate(V4, r + ["path"], "products"))
    pact("query-is-number.json", mutate(V4, r + ["query"], 5))
    pact("query-is-array.json", mutate(V3, r + ["query"], ["a=1"]))
    pact("query-value-is-number.json", mutate(V4, r + ["query"], {"page": 1}))
    pact("query-value-array-of-objects.json", mutate(V4, r + ["query"], {"page": [{"n": 1}]}))
    s = i + ["response", "status"]
    for value, label in (("200", "text"), ("OK", "word"), (99, "99"), (600, "600"), (-1, "negative"),
                         (200.5, "decimal"), (None, "null"), (True, "boolean"), ([200], "array"),
                         ({"code": 200}, "object"), (0, "zero"), (2147483648, "over-int")):
        pact("status-is-%s.json" % label, mutate(V4, s, value))
    pact("v2-status-is-text.json", mutate(V2, s, "200"))
    pact("v3-status-is-text.json", mutate(V3, s, "404"))
    # bodies that do not match their content type (V4 keeps the content type beside the body)
    b = i + ["response", "body"]
    pact("body-json-content-type-not-json.json",
         mutate(V4, b, {"content": "{\"sku\": ", "contentType": "application/json", "encoded": False}))
    pact("body-json-content-type-xml-text.json",
         mutate(V4, b, {"content": "<sku>A-1</sku>", "contentType": "application/json", "encoded": False}))
    pact("body-base64-invalid.json",
         mutate(V4, b, {"content": "not base64 !!!", "contentType": "application/octet-stream", "encoded": "base64"}))
    pact("body-encoded-unknown.json",
         mutate(V4, b, {"content": "abc", "contentType": "text/plain", "encoded": "rot13"}))
    pact("body-content-type-is-number.json",
         mutate(V4, b, {"content": "abc", "contentType": 7, "encoded": False}))
    pact("body-is-number.json", mutate(V4, b, 12))
    pact("body-is-string.json", mutate(V4, b, "plain"))
    pact("request-body-json-content-type-not-json.json",
         mutate(V4, r + ["body"], {"content": "sku=A-1&x", "contentType": "application/json", "encoded": False}))
    # matching rules
    mr = i + ["response", "matchingRules"]
    pact("rules-category-is-string.json", mutate(V4, mr + ["body"], "type"))
    pact("rules-category-is-array.json", mutate(V4, mr + ["body"], [{"match": "type"}]))
    pact("rules-path-invalid.json", mutate(V4, mr + ["body"], {"$[[": {"matchers": [{"match": "type"}]}}))
    pact("rules-path-unclosed-quote.json", mutate(V4, mr + ["body"], {"$['name": {"matchers": [{"match": "type"}]}}))
    pact("rules-unknown-matcher.json", mutate(V4, mr + ["body", "$.name", "matchers", 0, "match"], "fuzzy"))
    pact("rules-unknown-matcher-v3.json", mutate(V3, mr + ["body", "$.name", "matchers", 0, "match"], "sortOf"))
    pact("rules-unknown-matcher-v2.json", mutate(V2, mr + ["$.body.name", "match"], "lookalike"))
    pact("rules-matcher-missing-match.json", mutate(V4, mr + ["body", "$.name", "matchers", 0], {"like": 1}))
    pact("rules-match-is-number.json", mutate(V4, mr + ["body", "$.name", "matchers", 0, "match"], 3))
    pact("rules-matchers-is-string.json", mutate(V4, mr + ["body", "$.name", "matchers"], "type"))
    pact("rules-matchers-is-object.json", mutate(V4, mr + ["body", "$.name", "matchers"], {"match": "type"}))
    pact("rules-matcher-is-string.json", mutate(V4, mr + ["body", "$.name", "matchers", 0], "type"))
    pact("rules-rule-is-string.json", mutate(V4, mr + ["body", "$.name"], "type"))
    pact("rules-combine-unknown.json", mutate(V4, mr + ["body", "$.name", "combine"], "XOR"))
    # found by the fuzzer (FuzzTests): pact-jvm cannot load a rule without a matcher
    pact("fuzz-rules-matchers-empty.json", mutate(V4, mr + ["body", "$.name", "matchers"], []))
    pact("fuzz-rules-matchers-empty-v3.json", mutate(V3, mr + ["body", "$.name", "matchers"], []))
    pact("fuzz-header-values-empty.json", mutate(V4, i + ["response", "headers", "Content-Type"], []))
    pact("fuzz-query-values-empty.json", mutate(V4, i + ["request", "query", "fields"], []))
    pact("fuzz-v4-type-misspelt.json", mutate(V4, i + ["type"], "Synchr0nous/HTTP"))
    pact("fuzz-body-base64-object.json",
         mutate(V4, b, {"content": {"sku": "A-1"}, "contentType": "application/octet-stream", "encoded": "base64"}))
    pact("fuzz-body-content-type-hint-unknown.json", mutate(V4, b + ["contentTypeHint"], "D{EFAULT"))
    pact("rules-regex-missing.json", mutate(V4, mr + ["body", "$.tags[*]", "matchers", 0], {"match": "regex"}))
    pact("rules-regex-invalid.json", mutate(V4, mr + ["body", "$.tags[*]", "matchers", 0, "regex"], "([a-z"))
    pact("rules-regex-is-number.json", mutate(V4, mr + ["body", "$.tags[*]", "matchers", 0, "regex"], 5))
    pact("rules-min-is-text.json", mutate(V4, mr + ["body", "$.name", "matchers", 0], {"match": "type", "min": "one"}))
    pact("rules-max-negative.json", mutate(V4, mr + ["body", "$.name", "matchers", 0], {"match": "type", "max": -3}))
    pact("rules-header-unknown-matcher.json", mutate(V4, mr + ["header"], {"Content-Type": {"matchers": [{"match": "vibes"}]}}))
    pact("rules-status-unknown-matcher.json", mutate(V4, mr + ["status"], {"$": {"matchers": [{"match": "teapot"}]}}))
    pact("rules-unknown-category.json", mutate(V4, mr + ["bodyish"], {"$.x": {"matchers": [{"match": "type"}]}}))
    # A rule on a path the example body lacks is not bad input: the specification's own matching
    # cases hold such rules, so the corpus has none.
    pact("message-rules-unknown-matcher.json",
         mutate(MESSAGES, ["messages", 0, "matchingRules"], {"body": {"$.sku": {"matchers": [{"match": "kinda"}]}}}))
    # specification versions
    for value, label in (("5.0.0", "5"), ("0.9", "0-9"), ("banana", "word"), ("", "empty"), ("4.0.0.1", "four-parts"),
                         (4, "number"), (["4.0"], "array"), (None, "null"), ("v99", "v99")):
        pact("spec-version-%s.json" % label, mutate(V4, ["metadata", "pactSpecification", "version"], value))
    pact("spec-version-old-key-unknown.json",
         mutate(mutate(V2, ["metadata"], {"pact-specification": {"version": "7.1"}}), ["consumer", "name"], CONSUMER))
    pact("metadata-is-string.json", mutate(V4, ["metadata"], "4.0"))
    pact("metadata-spec-is-string.json", mutate(V4, ["metadata", "pactSpecification"], "4.0"))


# ---------------------------------------------------------------- pacts: not files
def pacts_entries():
    d = os.path.join(ROOT, "pacts")
    os.makedirs(os.path.join(d, "directory.json"), exist_ok=True)
    with open(os.path.join(d, "directory.json", "README"), "w") as f:
        f.write("A folder named like a pact: every entry point refuses it as a pact file.\n")
    MANIFEST.append(("pacts/directory.json", "none"))
    for name, target in (("symlink-dangling.json", "no-such-pact.json"),
                         ("symlink-loop.json", "symlink-loop.json"),
                         ("symlink-to-directory.json", "directory.json"),
                         ("symlink-to-empty.json", "empty.json"),
                         ("symlink-to-truncated.json", "truncated-v4-50pct.json")):
        os.symlink(target, os.path.join(d, name))
        MANIFEST.append(("pacts/" + name, "line" if "truncated" in target else "none"))


OAS = """openapi: 3.0.3
info:
  title: Inventory
  version: 1.0.0
paths:
  /products/{sku}:
    get:
      parameters:
        - name: sku
          in: path
          required: true
          schema:
            type: string
      responses:
        '200':
          description: a product
          content:
            application/json:
              schema:
                type: object
                properties:
                  sku:
                    type: string
                  name:
                    type: string
"""


def specs():
    def spec(name, text, location="line", mode="text"):
        out("specs", name, text, location, mode)
    spec("empty.yaml", "", "none")
    spec("whitespace-only.yaml", "\n\n   \n", "none")
    spec("comment-only.yaml", "# nothing here\n", "none")
    # a YAML document cut at a line end is often still YAML: the cuts land inside a quoted scalar
    for tenth in range(1, 10):
        cut = len(OAS) * tenth // 10
        spec("truncated-%d0pct.yaml" % tenth, OAS[:cut] + "\nx-cut: 'unclosed\n")
    j = json.dumps({"openapi": "3.0.3", "info": {"title": "x", "version": "1"}, "paths": {}}, indent=2)
    for tenth in (2, 5, 8):
        spec("truncated-%d0pct.json" % tenth, j[:len(j) * tenth // 10])
    spec("tab-indent.yaml", OAS.replace("  title", "\ttitle"))
    spec("bad-indent.yaml", OAS.replace("  version: 1.0.0", "     version: 1.0.0\n  x"))
    spec("unclosed-flow.yaml", "openapi: 3.0.3\ninfo: {title: x, version: 1\npaths: {}\n")
    spec("unclosed-quote.yaml", "openapi: \"3.0.3\ninfo:\n  title: x\n")
    spec("duplicate-key.yaml", OAS.replace("paths:", "paths: {}\npaths:", 1))
    spec("duplicate-key.json", '{"openapi": "3.0.3", "openapi": "3.1.0", "info": {"title": "x", "version": "1"}, "paths": {}}\n')
    spec("malformed.json", '{"openapi": "3.0.3", "info": {"title": "x",}, "paths": {}}\n')
    spec("root-is-list.yaml", "- openapi: 3.0.3\n", "line")
    spec("root-is-scalar.yaml", "openapi\n", "line")
    spec("root-is-number.json", "42\n", "line")
    spec("openapi-version-unknown.yaml", OAS.replace("openapi: 3.0.3", "openapi: 4.7.0"), "none")
    spec("openapi-version-number.yaml", OAS.replace("openapi: 3.0.3", "openapi: 3"), "none")
    spec("openapi-missing.yaml", OAS.replace("openapi: 3.0.3\n", ""), "none")
    spec("asyncapi-version-unknown.yaml", "asyncapi: 9.0.0\ninfo:\n  title: x\n  version: '1'\nchannels: {}\n", "none")
    spec("paths-is-string.yaml", OAS.split("paths:")[0] + "paths: everywhere\n", "none")
    spec("paths-is-list.yaml", OAS.split("paths:")[0] + "paths:\n  - /products\n", "none")
    spec("responses-is-string.yaml", OAS.split("      responses:")[0] + "      responses: ok\n", "path")
    spec("ref-missing.yaml", OAS.replace("                type: object\n", "                $ref: '#/components/schemas/Nope'\n", 1), "none")
    spec("ref-external-missing.yaml", OAS.replace("                type: object\n", "                $ref: './no-such-file.yaml#/Product'\n", 1), "none")
    spec("ref-cycle.yaml", OAS.replace("                type: object\n", "                $ref: '#/components/schemas/A'\n", 1)
         + "components:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n", "none")
    deep = 10000
    spec("deep-flow-10000.yaml", "openapi: 3.0.3\nx: " + "[" * deep + "]" * deep + "\n")
    spec("deep-json-10000.json", '{"openapi": "3.0.3", "x": ' + "[" * deep + "]" * deep + "}\n")
    spec("invalid-utf8.yaml", OAS.encode("utf-8").replace(b"Inventory", b"Inv\xffntory"), "none", "bytes")
    spec("utf16.yaml", OAS.encode("utf-16"), "none", "bytes")
    spec("binary.yaml", bytes(range(256)), "none", "bytes")
    spec("openapi-version-is-list.yaml", OAS.replace("openapi: 3.0.3", "openapi: [3, 0]"), "none")
    d = os.path.join(ROOT, "specs")
    os.makedirs(os.path.join(d, "directory.yaml"), exist_ok=True)
    with open(os.path.join(d, "directory.yaml", "README"), "w") as f:
        f.write("A folder named like a spec.\n")
    MANIFEST.append(("specs/directory.yaml", "none"))
    os.symlink("no-such-spec.yaml", os.path.join(d, "symlink-dangling.yaml"))
    MANIFEST.append(("specs/symlink-dangling.yaml", "none"))


MAPPING = {"request": {"method": "GET", "urlPath": "/v2/checkout/orders/1",
                       "headers": {"Accept": {"equalTo": "application/json"}}},
           "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                        "jsonBody": {"id": "1", "status": "CREATED"}}}


def mappings():
    def m(name, tree_or_text, location="none", mode="text"):
        text = tree_or_text if isinstance(tree_or_text, (str, bytes)) else pretty(tree_or_text)
        out("mappings", name, text, location, "bytes" if isinstance(text, bytes) else mode)
    m("empty.json", "", "none")
    text = pretty(MAPPING)
    for tenth in (1, 3, 5, 7, 9):
        m("truncated-%d0pct.json" % tenth, text[:len(text) * tenth // 10], "line")
    m("malformed-trailing-comma.json", '{"request": {"method": "GET",}, "response": {"status": 200}}\n', "line")
    m("malformed-single-quotes.json", "{'request': {'method': 'GET'}}\n", "line")
    m("root-is-array.json", "[" + pretty(MAPPING) + "]\n")
    m("root-is-string.json", '"mapping"\n')
    m("no-request-no-response.json", {"priority": 1})
    m("request-is-string.json", mutate(MAPPING, ["request"], "GET /"), "path")
    m("response-is-array.json", mutate(MAPPING, ["response"], [200]), "path")
    m("response-missing.json", mutate(MAPPING, ["response"], None, delete=True))
    m("status-is-text.json", mutate(MAPPING, ["response", "status"], "200"))
    m("status-out-of-range.json", mutate(MAPPING, ["response", "status"], 1200), "path")
    m("method-is-number.json", mutate(MAPPING, ["request", "method"], 7), "path")
    m("mappings-is-string.json", {"mappings": "all of them"}, "path")
    m("mappings-entry-is-number.json", {"mappings": [1]}, "path")
    m("headers-is-array.json", mutate(MAPPING, ["request", "headers"], ["Accept"]), "path")
    m("header-pattern-unknown-matcher.json", mutate(MAPPING, ["request", "headers", "Accept"], {"equalToBanana": "x"}))
    m("body-patterns-is-object.json", mutate(MAPPING, ["request", "bodyPatterns"], {"equalToJson": "{}"}))
    m("body-pattern-unknown-matcher.json", mutate(MAPPING, ["request", "bodyPatterns"], [{"roughly": "{}"}]))
    m("url-pattern-invalid-regex.json", mutate(mutate(MAPPING, ["request", "urlPath"], None, delete=True),
                                               ["request", "urlPattern"], "/v2/([a-z"))
    m("url-and-url-path.json", mutate(MAPPING, ["request", "url"], "/v2/x"), "path")
    m("json-body-and-body.json", mutate(MAPPING, ["response", "body"], "text"), "path")
    m("duplicate-key.json", text.replace('"status": 200', '"status": 200,\n    "status": 500', 1), "line")
    m("deep-nesting-10000.json", '{"request": {"method": "GET"}, "response": {"jsonBody": '
      + "[" * 10000 + "]" * 10000 + "}}\n", "line")
    m("invalid-utf8.json", text.encode("utf-8").replace(b"CREATED", b"CR\xffATED"), "none")
    m("not-json.yaml", "request:\n  method: GET\n", "none")
    d = os.path.join(ROOT, "mappings")
    os.makedirs(os.path.join(d, "directory.json"), exist_ok=True)
    with open(os.path.join(d, "directory.json", "README"), "w") as f:
        f.write("A folder named like a mapping.\n")
    MANIFEST.append(("mappings/directory.json", "none"))
    os.symlink("no-such-mapping.json", os.path.join(d, "symlink-dangling.json"))
    MANIFEST.append(("mappings/symlink-dangling.json", "none"))


def main():
    if os.path.isdir(ROOT):
        shutil.rmtree(ROOT)
    os.makedirs(ROOT)
    pacts_text()
    pacts_shape()
    pacts_entries()
    specs()
    mappings()
    MANIFEST.sort()
    with open(os.path.join(ROOT, "manifest.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# file\tlocation (line = line:column, path = JSON path, none = the file alone)\n")
        for name, location in MANIFEST:
            f.write("%s\t%s\n" % (name, location))
    counts = {}
    for name, _ in MANIFEST:
        counts[name.split("/")[0]] = counts.get(name.split("/")[0], 0) + 1
    print("corpus: %d entries %s -> %s" % (len(MANIFEST), counts, ROOT))


if __name__ == "__main__":
    sys.exit(main())

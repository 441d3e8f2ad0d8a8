#!/usr/bin/env python3
"""Writes the benchmark's pact: N interactions of consumer bench-consumer with bench-provider.

Half GET /items/{n}, half POST /items with a JSON body; response bodies carry type, integer,
decimal and regex matchers; every fourth interaction has a provider state. Two interactions in a
hundred (n % 100 == 50, a GET without state, and n % 100 == 51, a POST with one) expect a SKU of
five digits where the provider answers four: those fail, so that the verifiers' verdicts are
compared on failures too. Also writes the same requests as tab-separated lines (state, method,
path, body) for the raw replay.
"""
import json
import sys

count = int(sys.argv[1])
pact_file, requests_file = sys.argv[2], sys.argv[3]

interactions = []
lines = []
for n in range(count):
    item = {"id": n, "name": "item %d" % n, "price": 10.50 + n, "tags": ["a", "b"],
            "sku": "SKU-%04d" % n}
    rules = {
        "$.id": {"matchers": [{"match": "integer"}]},
        "$.name": {"matchers": [{"match": "type"}]},
        "$.price": {"matchers": [{"match": "decimal"}]},
        "$.tags": {"matchers": [{"match": "type", "min": 1}]},
        "$.sku": {"matchers": [{"match": "regex",
                                "regex": "SKU-\\d{5}" if n % 100 in (50, 51) else "SKU-\\d{4}"}]},
    }
    if n % 2 == 0:
        request = {"method": "GET", "path": "/items/%d" % n,
                   "headers": {"Accept": "application/json"}}
        status = 200
        body = None
    else:
        body = {"name": "item %d" % n, "price": 10.50 + n}
        request = {"method": "POST", "path": "/items",
                   "headers": {"Content-Type": "application/json"}, "body": body}
        status = 201
    interaction = {
        "description": "request %04d" % n,
        "request": request,
        "response": {"status": status, "headers": {"Content-Type": "application/json"},
                     "body": item, "matchingRules": {"body": rules}},
    }
    state = ""
    if n % 4 == 3:
        state = "an item exists"
        interaction["providerStates"] = [{"name": state, "params": {"id": n}}]
    interactions.append(interaction)
    lines.append("\t".join([state, request["method"], request["path"],
                            json.dumps(body) if body else ""]))

pact = {"consumer": {"name": "bench-consumer"}, "provider": {"name": "bench-provider"},
        "interactions": interactions,
        "metadata": {"pactSpecification": {"version": "3.0.0"}}}
with open(pact_file, "w") as f:
    json.dump(pact, f, indent=1)
with open(requests_file, "w") as f:
    f.write("\n".join(lines) + "\n")

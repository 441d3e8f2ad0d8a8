#!/usr/bin/env python3
"""Writes an N-interaction V3 pact (GETs with query and header rules, POSTs with body rules) and
the request mix the load client sends: each interaction's own example, one JSON object a line."""
import json
import sys

n, pact_file, requests_file = int(sys.argv[1]), sys.argv[2], sys.argv[3]
interactions, requests = [], []
for i in range(n):
    if i % 10 < 7:
        request = {
            "method": "GET",
            "path": f"/items/{i}",
            "query": {"view": ["full"]},
            "headers": {"Accept": "application/json"},
            "matchingRules": {
                "query": {"view": {"matchers": [{"match": "regex", "regex": "full|short"}]}},
                "header": {"Accept": {"matchers": [{"match": "regex", "regex": "application/.*json"}]}},
            },
        }
        response = {"status": 200, "headers": {"Content-Type": "application/json"},
                    "body": {"id": i, "name": f"item {i}", "price": 10.5, "tags": ["a", "b"]}}
    else:
        request = {
            "method": "POST",
            "path": f"/orders/{i}",
            "headers": {"Content-Type": "application/json"},
            "body": {"sku": f"SKU-{i}", "quantity": 2, "lines": [{"id": 1, "note": "x"}]},
            "matchingRules": {"body": {
                "$.sku": {"matchers": [{"match": "regex", "regex": "SKU-[0-9]+"}]},
                "$.quantity": {"matchers": [{"match": "integer"}]},
                "$.lines": {"matchers": [{"match": "type", "min": 1}]},
            }},
        }
        response = {"status": 201, "headers": {"Content-Type": "application/json"},
                    "body": {"order": i, "accepted": True}}
    interactions.append({"description": f"interaction {i}", "request": request, "response": response})
    requests.append({k: request[k] for k in ("method", "path", "query", "headers", "body") if k in request})
pact = {"consumer": {"name": "bench-consumer"}, "provider": {"name": "bench-provider"},
        "interactions": interactions, "metadata": {"pactSpecification": {"version": "3.0.0"}}}
with open(pact_file, "w") as f:
    json.dump(pact, f, indent=1)
with open(requests_file, "w") as f:
    for r in requests:
        f.write(json.dumps(r) + "\n")

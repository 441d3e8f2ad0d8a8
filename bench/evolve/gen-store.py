#!/usr/bin/env python3
"""Writes a pacts store for the evolve benchmark: PACTS pacts of INTERACTIONS V4 interactions each,
all with one provider, as pact-jvm writes them (keys sorted, two-space indent).

  gen-store.py OUT_DIR [--pacts 1000] [--interactions 200] [--edit N] [--reorder]

--edit N changes N pacts the way a consumer's change does (a response field added, a matcher
tightened, an interaction renamed); --reorder writes every pact with its keys and interactions in
another order, which is no change at all but makes every file differ from the original.
"""
import argparse
import json
import os
import random

PROVIDER = "bench-provider"


def interaction(c, i):
    sku = "SKU-%04d-%03d" % (c, i)
    path = ["/products/%s" % sku, "/orders/%d" % (1000 + i), "/customers/C-%d/cart" % i][i % 3]
    return {
        "description": "request %03d of consumer %03d" % (i, c),
        "providerStates": [{"name": "a product exists", "params": {"sku": sku}}],
        "request": {"method": "GET", "path": path},
        "response": {
            "body": {
                "content": {"name": "Product %d" % i, "price": round(1 + i * 0.37, 2), "sku": sku, "stock": i % 50},
                "contentType": "application/json",
                "encoded": False,
            },
            "headers": {"Content-Type": ["application/json"]},
            "matchingRules": {
                "body": {
                    "$.name": {"combine": "AND", "matchers": [{"match": "type"}]},
                    "$.price": {"combine": "AND", "matchers": [{"match": "number"}]},
                    "$.stock": {"combine": "AND", "matchers": [{"match": "integer"}]},
                }
            },
            "status": 200,
        },
        "type": "Synchronous/HTTP",
    }


def pact(c, n):
    return {
        "consumer": {"name": "consumer-%03d" % c},
        "interactions": [interaction(c, i) for i in range(n)],
        "metadata": {"pact-jvm": {"version": "4.7.5"}, "pactSpecification": {"version": "4.0"}},
        "provider": {"name": PROVIDER},
    }


def edit(p):
    first = p["interactions"][0]
    first["response"]["body"]["content"]["colour"] = "brown"
    rules = p["interactions"][1]["response"]["matchingRules"]["body"]
    rules["$.name"] = {"combine": "AND", "matchers": [{"match": "regex", "regex": "Product \\d+"}]}
    p["interactions"][2]["description"] += " (renamed)"


def reorder(node, rnd):
    if isinstance(node, dict):
        items = list(node.items())
        rnd.shuffle(items)
        return {k: (reorder_list(v, rnd) if k == "interactions" else reorder(v, rnd)) for k, v in items}
    if isinstance(node, list):
        return [reorder(x, rnd) for x in node]
    return node


def reorder_list(items, rnd):
    items = [reorder(x, rnd) for x in items]
    rnd.shuffle(items)
    return items


def main():
    a = argparse.ArgumentParser()
    a.add_argument("out")
    a.add_argument("--pacts", type=int, default=1000)
    a.add_argument("--interactions", type=int, default=200)
    a.add_argument("--edit", type=int, default=0)
    a.add_argument("--reorder", action="store_true")
    args = a.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rnd = random.Random(7)
    for c in range(args.pacts):
        random.seed(c)
        p = pact(c, args.interactions)
        if c < args.edit:
            edit(p)
        if args.reorder:
            p = reorder(p, rnd)
        text = json.dumps(p, indent=2, sort_keys=not args.reorder, ensure_ascii=False) + "\n"
        with open(os.path.join(args.out, "consumer-%03d-%s.json" % (c, PROVIDER)), "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()

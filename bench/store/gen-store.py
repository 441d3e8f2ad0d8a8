#!/usr/bin/env python3
"""Generates a contract store of the benchmark's size, in the layout FileContractStore reads.

100 consumers and 100 providers (200 pacticipants); each consumer publishes 50 versions, each with
a new pact for each of its 2 providers (10,000 pact versions); each pact version is verified by 5
provider versions, one in ten failed (50,000 verification records); each pacticipant was deployed
to production 5 times. The current pact files (200) are at the top of the store, as a repository's
pacts/ folder holds them, for `changed`.

usage: gen-store.py STORE
"""
import hashlib
import json
import os
import random
import sys
from datetime import datetime, timedelta, timezone

CONSUMERS, PROVIDERS, VERSIONS, VERIFIERS, DEPLOYS = 100, 100, 50, 5, 5
START = datetime(2026, 1, 1, tzinfo=timezone.utc)
rnd = random.Random(15)


def stamp(t):
    return t.strftime("%Y%m%dT%H%M%S.") + f"{t.microsecond // 1000:03d}Z"


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def nonce():
    return "".join(rnd.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(6))


def write(path, record):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(record, f, indent=2)
        f.write("\n")


def pact(consumer, provider, version):
    return {
        "consumer": {"name": consumer},
        "provider": {"name": provider},
        "interactions": [
            {
                "description": f"request {i}",
                "request": {"method": "GET", "path": f"/{provider}/{i}"},
                "response": {"status": 200, "body": {"id": i, "v": version}},
            }
            for i in range(3)
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}},
    }


def main(store):
    t = START
    providers_of = {c: [f"p{(c * 2 + k) % PROVIDERS:03d}" for k in range(2)] for c in range(CONSUMERS)}
    pacts = 0
    verifications = 0
    for c in range(CONSUMERS):
        consumer = f"c{c:03d}"
        for v in range(VERSIONS):
            for provider in providers_of[c]:
                t += timedelta(milliseconds=7)
                hash_ = hashlib.sha256(f"{consumer}{provider}{v}".encode()).hexdigest()
                write(
                    f"{store}/publications/{consumer}/{v}/{provider}.json",
                    {
                        "consumer": consumer,
                        "consumerVersion": str(v),
                        "branch": "main",
                        "provider": provider,
                        "pactVersion": hash_,
                        "pactFile": f"{consumer}-{provider}.json",
                        "publishedAt": iso(t),
                    },
                )
                pacts += 1
                if v == VERSIONS - 1:
                    with open(f"{store}/{consumer}-{provider}.json", "w") as f:
                        json.dump(pact(consumer, provider, v), f, indent=2)
                for w in range(v, v + VERIFIERS):
                    t += timedelta(milliseconds=3)
                    ok = rnd.random() > 0.1
                    write(
                        f"{store}/verifications/{provider}/{w}/{consumer}/{hash_[:16]}-{stamp(t)}-{nonce()}.json",
                        {
                            "provider": provider,
                            "providerVersion": str(w),
                            "branch": "main",
                            "consumer": consumer,
                            "pactVersion": hash_,
                            "pactFile": f"{consumer}-{provider}.json",
                            "verifiedAt": iso(t),
                            "success": ok,
                            "interactions": [
                                {"description": f"request {i}", "success": ok or i > 0} for i in range(3)
                            ],
                        },
                    )
                    verifications += 1
    deployments = 0
    for name, last in [(f"c{c:03d}", VERSIONS - 5) for c in range(CONSUMERS)] + [
        (f"p{p:03d}", VERSIONS - 3) for p in range(PROVIDERS)
    ]:
        for d in range(DEPLOYS):
            t += timedelta(seconds=1)
            write(
                f"{store}/deployments/production/{name}/{stamp(t)}-{nonce()}.json",
                {"pacticipant": name, "version": str(last - DEPLOYS + 1 + d), "environment": "production", "deployedAt": iso(t)},
            )
            deployments += 1
    print(f"{pacts} pact versions, {CONSUMERS + PROVIDERS} pacticipants, {verifications} verifications, {deployments} deployments")


if __name__ == "__main__":
    main(sys.argv[1])

#!/usr/bin/env python3
"""Writes a pact of N interactions (default 200) against PayPal Orders v2: create (201),
capture (201), get (200) and capture-not-approved (422), with distinct ids."""
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
out = sys.argv[2] if len(sys.argv) > 2 else "pact.json"
not_approved = ("Payer has not yet approved the Order for payment. Please redirect the payer to "
                "the 'rel':'approve' url returned as part of the HATEOAS links within the Create "
                "Order call or provide a valid `payment_source` in the request.")
auth = {"Authorization": "Bearer A21AAF-bench-token"}
interactions = []
for i in range(n):
    order = "%017dT" % (5019012700000000 + i)
    kind = i % 4
    if kind == 0:
        req = {"method": "POST", "path": "/v2/checkout/orders",
               "headers": dict(auth, **{"Content-Type": "application/json", "PayPal-Request-Id": "req-%d" % i}),
               "body": {"intent": "CAPTURE", "purchase_units": [
                   {"reference_id": "SKU-%04d" % i, "amount": {"currency_code": "EUR", "value": "%d.90" % (10 + i)}}]}}
        res = {"status": 201, "headers": {"Content-Type": "application/json"},
               "body": {"id": order, "status": "CREATED", "links": [
                   {"href": "https://www.paypal.com/checkoutnow?token=" + order, "rel": "approve", "method": "GET"}]}}
        desc = "create order %d" % i
    elif kind == 1:
        req = {"method": "POST", "path": "/v2/checkout/orders/%s/capture" % order,
               "headers": dict(auth, **{"Content-Type": "application/json"})}
        res = {"status": 201, "headers": {"Content-Type": "application/json"},
               "body": {"id": order, "status": "COMPLETED"}}
        desc = "capture order %d" % i
    elif kind == 2:
        req = {"method": "GET", "path": "/v2/checkout/orders/%s" % order, "headers": auth}
        res = {"status": 200, "headers": {"Content-Type": "application/json"},
               "body": {"id": order, "intent": "CAPTURE", "status": "APPROVED"}}
        desc = "get order %d" % i
    else:
        req = {"method": "POST", "path": "/v2/checkout/orders/%s/capture" % order,
               "headers": dict(auth, **{"Content-Type": "application/json"})}
        res = {"status": 422, "headers": {"Content-Type": "application/json"},
               "body": {"name": "UNPROCESSABLE_ENTITY",
                        "message": "The requested action could not be performed, semantically incorrect, or failed business validation.",
                        "debug_id": "dbg%d" % i,
                        "details": [{"issue": "ORDER_NOT_APPROVED", "description": not_approved}]}}
        desc = "capture unapproved order %d" % i
    interactions.append({"description": desc, "request": req, "response": res})
pact = {"consumer": {"name": "checkout-service"}, "provider": {"name": "paypal-orders"},
        "interactions": interactions, "metadata": {"pactSpecification": {"version": "2.0.0"}}}
with open(out, "w") as f:
    json.dump(pact, f, indent=1)

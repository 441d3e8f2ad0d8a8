"""pricing-service: prices, promotions and quotes over HTTP, Python 3 standard library only.

    python3 app/pricing.py [--port 8080] [--port-file FILE] [--log FILE]

GET  /prices/{sku}   the current price of a product (404 as application/problem+json)
GET  /promotions     the promotions running now
POST /quotes         {"currency", "items": [{"sku", "quantity"}]} priced line by line (201)
POST /_pact/state    provider states by the Pact convention, for contract verification:
                     {"state", "params", "action": "setup" | "teardown"}; a teardown puts the
                     data back as it was at start

PRICING_DRIFT=on makes the service drift from its consumers' contract on purpose (a price's
"amount" renamed "price", a promotion's "percentOff" sent as text), to show what a failed
verification says.
"""

import argparse
import copy
import json
import os
import re
import sys
import threading
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEED = {
    "prices": {
        "SKU-2001": {"amount": Decimal("7.50"), "currency": "EUR", "validFrom": "2026-01-01"},
        "SKU-2002": {"amount": Decimal("12.00"), "currency": "EUR", "validFrom": "2026-03-15"},
    },
    "promotions": [
        {"code": "WINTER10", "percentOff": 10, "skus": ["SKU-2001"]},
        {"code": "BULK5", "percentOff": 5, "skus": ["SKU-2001", "SKU-2002"]},
    ],
}

DRIFT = os.environ.get("PRICING_DRIFT", "off") == "on"
SKU = re.compile(r"SKU-\d{4}")


class Store:
    """The service's data; provider states change it and a teardown resets it."""

    def __init__(self):
        self.lock = threading.Lock()
        self.data = copy.deepcopy(SEED)

    def reset(self):
        with self.lock:
            self.data = copy.deepcopy(SEED)

    def price(self, sku):
        with self.lock:
            return copy.deepcopy(self.data["prices"].get(sku))

    def set_price(self, sku, amount, currency, valid_from):
        with self.lock:
            self.data["prices"][sku] = {
                "amount": Decimal(str(amount)),
                "currency": currency,
                "validFrom": valid_from,
            }

    def remove_price(self, sku):
        with self.lock:
            self.data["prices"].pop(sku, None)

    def promotions(self):
        with self.lock:
            return copy.deepcopy(self.data["promotions"])

    def skus(self):
        with self.lock:
            return sorted(self.data["prices"])


def money(amount):
    """A JSON number with a fractional part, as the contract's decimal matcher wants."""
    return float(amount.quantize(Decimal("0.01")))


class Problem(Exception):
    """An answer as application/problem+json (RFC 9457)."""

    def __init__(self, status, title, detail):
        super().__init__(detail)
        self.status, self.title, self.detail = status, title, detail


def setup_state(store, state, params):
    if state == "a price exists for a product":
        store.set_price(
            params["sku"],
            params["amount"],
            params.get("currency", "EUR"),
            params.get("validFrom", "2026-01-01"),
        )
    elif state == "no price exists for a product":
        store.remove_price(params["sku"])
    else:
        raise Problem(400, "Unknown provider state", f"no provider state named '{state}'")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "pricing-service"
    store = None
    log = None

    def do_GET(self):
        self.answer(self.get)

    def do_POST(self):
        self.answer(self.post)

    def answer(self, route):
        try:
            status, body = route()
            self.send(status, "application/json", body)
        except Problem as p:
            self.send(
                p.status,
                "application/problem+json",
                {"type": "about:blank", "title": p.title, "status": p.status, "detail": p.detail},
            )

    def get(self):
        match = re.fullmatch(r"/prices/([^/]+)", self.path)
        if match:
            sku = match.group(1)
            price = self.store.price(sku)
            if price is None:
                raise Problem(404, "Price not found", f"no price for {sku}")
            amount_key = "price" if DRIFT else "amount"
            return 200, {
                "sku": sku,
                amount_key: money(price["amount"]),
                "currency": price["currency"],
                "validFrom": price["validFrom"],
            }
        if self.path == "/promotions":
            promotions = self.store.promotions()
            if DRIFT:
                for promotion in promotions:
                    promotion["percentOff"] = f"{promotion['percentOff']}%"
            return 200, {"promotions": promotions}
        raise Problem(404, "Not found", f"no resource at {self.path}")

    def post(self):
        body = self.read_json()
        if self.path == "/quotes":
            return 201, self.quote(body)
        if self.path == "/_pact/state":
            state, params, action = body.get("state"), body.get("params") or {}, body.get("action")
            if action == "setup":
                setup_state(self.store, state, params)
            elif action == "teardown":
                self.store.reset()
            else:
                raise Problem(400, "Unknown action", f"action is setup or teardown, not {action!r}")
            self.note(f"{action} '{state}' {json.dumps(params, sort_keys=True)} -> prices "
                      f"{','.join(self.store.skus())}")
            return 200, {}
        raise Problem(404, "Not found", f"no resource at {self.path}")

    def quote(self, body):
        currency = body.get("currency", "EUR")
        lines, total = [], Decimal("0")
        for item in body.get("items", []):
            sku, quantity = item.get("sku"), item.get("quantity")
            price = self.store.price(sku) if isinstance(sku, str) and SKU.fullmatch(sku) else None
            if price is None:
                raise Problem(422, "Unknown product", f"no price for {sku}")
            if not isinstance(quantity, int) or quantity < 1:
                raise Problem(422, "Bad quantity", f"quantity of {sku} must be 1 or more")
            if price["currency"] != currency:
                raise Problem(422, "Other currency", f"{sku} is priced in {price['currency']}")
            line_total = price["amount"] * quantity
            total += line_total
            lines.append(
                {
                    "sku": sku,
                    "quantity": quantity,
                    "unitPrice": money(price["amount"]),
                    "lineTotal": money(line_total),
                }
            )
        if not lines:
            raise Problem(422, "Empty quote", "a quote needs at least one item")
        return {"currency": currency, "lines": lines, "total": money(total)}

    def read_json(self):
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw or b"{}")
        except ValueError as e:
            raise Problem(400, "Not JSON", f"the request body is not JSON: {e}")
        if not isinstance(body, dict):
            raise Problem(400, "Not an object", "the request body is not a JSON object")
        return body

    def send(self, status, content_type, body):
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def note(self, line):
        if self.log:
            with open(self.log, "a", encoding="utf-8") as f:
                f.write(line + "\n")

    def log_message(self, format, *args):
        self.note(f"{self.command} {self.path} {args[1] if len(args) > 1 else ''}".rstrip())


class Server(ThreadingHTTPServer):
    daemon_threads = True


def main():
    parser = argparse.ArgumentParser(description="pricing-service")
    parser.add_argument("--port", type=int, default=8080, help="0 picks a free port")
    parser.add_argument("--port-file", help="write the port here once listening")
    parser.add_argument("--log", help="append requests and state changes here")
    args = parser.parse_args()

    Handler.store = Store()
    Handler.log = args.log
    server = Server(("127.0.0.1", args.port), Handler)
    port = server.server_address[1]
    if args.port_file:
        # written whole, then renamed: whoever waits for the file never reads half a port
        tmp = f"{args.port_file}.{os.getpid()}.tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(f"{port}\n")
        os.replace(tmp, args.port_file)
    print(f"pricing-service listening on http://127.0.0.1:{port}", file=sys.stderr, flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()

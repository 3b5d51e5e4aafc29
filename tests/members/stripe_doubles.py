"""Stripe without the network: its API answered at the HTTP layer from recorded responses,
and webhook events built as Stripe sends them and signed with Stripe's scheme."""

import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import requests
from requests.structures import CaseInsensitiveDict

RECORDINGS = Path(__file__).resolve().parents[1] / "fixtures" / "stripe"

SECRET_KEY = "sk_test_51SXjwELqT8vR4mZcNewsroomTestKey"
PUBLISHABLE_KEY = "pk_test_51SXjwELqT8vR4mZcNewsroomTestKey"
WEBHOOK_SECRET = "whsec_5f2c8a9e1b7d4c3a6e0f9b8d7c6a5e4f"
WEBHOOK_URL = "/members/stripe/webhook/"
API_VERSION = "2026-10-28.endive"

# The ids the recorded responses carry.
CUSTOMER_ID = "cus_TQx8mJ2vK4nR7a"
SUBSCRIPTION_ID = "sub_1SXk3bLqT8vR4mZcR2d6Hf8K"
CHECKOUT_URL = (
    "https://checkout.stripe.com/c/pay/cs_test_a1Kq7VbXcYdZ3eF9gH2iJ4kL6mN8pQ0rS5tU7vW9xY1zA3"
    "bC5dE7fG9h#fidkdWxOYHwnPyd1blpxYHZxWjA0VWJ%2FYWd1"
)
PORTAL_URL = (
    "https://billing.stripe.com/p/session/test_YWNjdF8xU1hrMG5McVQ4dlI0bVpjLF9UUXg4bUoydks0blI3YTAw"
)


@dataclass
class Call:
    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]


@dataclass
class RecordedStripe:
    """Answers requests to api.stripe.com from recordings; records every request made."""

    routes: dict[tuple[str, str], tuple[int, str] | Exception] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)
    unexpected: list[str] = field(default_factory=list)

    def answer(self, method: str, path: str, recording: str, status: int = 200) -> None:
        self.routes[(method.upper(), path)] = (status, recording)

    def fail(self, method: str, path: str) -> None:
        """The network gives way: the connection is refused."""
        self.routes[(method.upper(), path)] = requests.ConnectionError("Connection refused")

    def calls_to(self, method: str, path: str) -> list[Call]:
        return [c for c in self.calls if (c.method, c.path) == (method.upper(), path)]

    def send(self, request: requests.PreparedRequest) -> requests.Response:
        url = urlsplit(request.url)
        body = request.body.decode() if isinstance(request.body, bytes) else request.body or ""
        self.calls.append(
            Call(
                request.method, url.path, dict(parse_qsl(body or url.query)), dict(request.headers)
            )
        )
        route = self.routes.get((request.method, url.path))
        if route is None or url.hostname != "api.stripe.com":
            self.unexpected.append(f"{request.method} {request.url}")
            raise requests.ConnectionError("No recording for this request")
        if isinstance(route, Exception):
            raise route
        status, recording = route
        response = requests.Response()
        response.status_code = status
        response._content = (RECORDINGS / recording).read_bytes()
        response.headers = CaseInsensitiveDict(
            {"Content-Type": "application/json", "Request-Id": "req_Rk2pW9xQ4mT7vB"}
        )
        response.url = request.url
        response.request = request
        response.encoding = "utf-8"
        return response


# --- Webhook events ------------------------------------------------------------------------------


def signature_header(payload: bytes, secret: str = WEBHOOK_SECRET, timestamp: int | None = None):
    """Stripe's scheme: ``t=<unix time>,v1=<HMAC-SHA256 of "t.payload" with the secret>``."""
    timestamp = int(time.time()) if timestamp is None else timestamp
    signed = f"{timestamp}.".encode() + payload
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def post_event(client, event: dict, *, secret=WEBHOOK_SECRET, timestamp=None, signature=None):
    """Post ``event`` to the webhook as Stripe does, signed unless ``signature`` is given."""
    payload = json.dumps(event).encode()
    if signature is None:
        signature = signature_header(payload, secret, timestamp)
    headers = {"Stripe-Signature": signature} if signature else {}
    return client.post(WEBHOOK_URL, data=payload, content_type="application/json", headers=headers)


_sequence = iter(range(1, 10**9))


def event(type_: str, data: dict, created: int, event_id: str | None = None) -> dict:
    return {
        "id": event_id or f"evt_1SXm{next(_sequence):010d}LqT8vR4mZc",
        "object": "event",
        "api_version": API_VERSION,
        "created": created,
        "data": {"object": data},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": type_,
    }


def price(price_id: str, amount: int = 800, interval: str = "month") -> dict:
    return {
        "id": price_id,
        "object": "price",
        "active": True,
        "billing_scheme": "per_unit",
        "currency": "gbp",
        "livemode": False,
        "metadata": {},
        "product": "prod_TQx5Discussion",
        "recurring": {"interval": interval, "interval_count": 1, "usage_type": "licensed"},
        "type": "recurring",
        "unit_amount": amount,
    }


def subscription(
    *,
    price_id: str,
    period_start: int,
    period_end: int,
    status: str = "active",
    subscription_id: str = SUBSCRIPTION_ID,
    customer: str = CUSTOMER_ID,
    metadata: dict | None = None,
    cancel_at_period_end: bool = False,
    cancel_at: int | None = None,
    canceled_at: int | None = None,
    ended_at: int | None = None,
    start_date: int | None = None,
) -> dict:
    """A subscription object as API version 2026-10-28 sends it (periods on the items)."""
    start_date = start_date or period_start
    return {
        "id": subscription_id,
        "object": "subscription",
        "billing_cycle_anchor": start_date,
        "cancel_at": cancel_at,
        "cancel_at_period_end": cancel_at_period_end,
        "canceled_at": canceled_at,
        "cancellation_details": {"comment": None, "feedback": None, "reason": None},
        "collection_method": "charge_automatically",
        "created": start_date,
        "currency": "gbp",
        "customer": customer,
        "ended_at": ended_at,
        "items": {
            "object": "list",
            "data": [
                {
                    "id": "si_TQx9aB3cD5eF7g",
                    "object": "subscription_item",
                    "current_period_end": period_end,
                    "current_period_start": period_start,
                    "price": price(price_id),
                    "quantity": 1,
                    "subscription": subscription_id,
                }
            ],
            "has_more": False,
            "total_count": 1,
        },
        "latest_invoice": "in_1SXk3bLqT8vR4mZcX9aQ2b4C",
        "livemode": False,
        "metadata": metadata or {},
        "start_date": start_date,
        "status": status,
    }


def invoice(
    *,
    price_id: str,
    period_start: int,
    period_end: int,
    paid: bool,
    subscription_id: str = SUBSCRIPTION_ID,
    customer: str = CUSTOMER_ID,
    billing_reason: str = "subscription_cycle",
) -> dict:
    """An invoice as API version 2026-10-28 sends it (its subscription under ``parent``)."""
    return {
        "id": f"in_1SXn{next(_sequence):08d}LqT8vR4mZc",
        "object": "invoice",
        "amount_due": 800,
        "amount_paid": 800 if paid else 0,
        "amount_remaining": 0 if paid else 800,
        "attempt_count": 1,
        "attempted": True,
        "billing_reason": billing_reason,
        "collection_method": "charge_automatically",
        "currency": "gbp",
        "customer": customer,
        "lines": {
            "object": "list",
            "data": [
                {
                    "id": "il_1SXn4cLqT8vR4mZcA1b2C3d4",
                    "object": "line_item",
                    "amount": 800,
                    "currency": "gbp",
                    "parent": {
                        "type": "subscription_item_details",
                        "subscription_item_details": {
                            "subscription": subscription_id,
                            "subscription_item": "si_TQx9aB3cD5eF7g",
                        },
                    },
                    "period": {"start": period_start, "end": period_end},
                    "pricing": {"price_details": {"price": price_id}, "type": "price_details"},
                    "quantity": 1,
                }
            ],
            "has_more": False,
            "total_count": 1,
        },
        "livemode": False,
        "parent": {
            "type": "subscription_details",
            "subscription_details": {"metadata": {}, "subscription": subscription_id},
        },
        "period_end": period_start,
        "period_start": period_start,
        "status": "paid" if paid else "open",
    }


def checkout_session(
    *,
    member_id: int,
    plan_id: int,
    subscription_id: str = SUBSCRIPTION_ID,
    customer: str = CUSTOMER_ID,
    payment_status: str = "paid",
) -> dict:
    """A completed Checkout session in subscription mode, as we create them."""
    metadata = {"member_id": str(member_id), "plan_id": str(plan_id)}
    return {
        "id": "cs_test_a1Kq7VbXcYdZ3eF9gH2iJ4kL6mN8pQ0rS5tU7vW9xY1zA3bC5dE7fG9h",
        "object": "checkout.session",
        "amount_total": 800,
        "client_reference_id": str(member_id),
        "currency": "gbp",
        "customer": customer,
        "customer_details": {"email": "reader@test.example", "name": "Priya Raman"},
        "livemode": False,
        "metadata": metadata,
        "mode": "subscription",
        "payment_status": payment_status,
        "status": "complete",
        "subscription": subscription_id,
        "url": None,
    }

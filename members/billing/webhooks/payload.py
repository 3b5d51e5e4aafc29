"""The parts of Stripe's objects that the webhook reads, whatever shape they come in
(an id or an expanded object; the period on the subscription or on each item)."""

from datetime import UTC, datetime


def stripe_id(value) -> str | None:
    """A Stripe reference: an id, or an expanded object with one."""
    if isinstance(value, dict):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def moment(timestamp) -> datetime | None:
    """A Unix time as a moment; None when it is not one or lies outside what dates hold."""
    if not isinstance(timestamp, int | float) or isinstance(timestamp, bool):
        return None
    try:
        return datetime.fromtimestamp(timestamp, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def metadata_pk(value) -> int | None:
    """A primary key we put in metadata, as a number (None when it is not one)."""
    text = str(value or "")
    return int(text) if text.isascii() and text.isdigit() and len(text) < 19 else None


def _items(data: dict) -> list[dict]:
    items = (data.get("items") or {}).get("data") or []
    return [item for item in items if isinstance(item, dict)]


def price_id(data: dict) -> str | None:
    for item in _items(data):
        price = stripe_id(item.get("price"))
        if price:
            return price
    return None


def period_end(data: dict) -> datetime | None:
    """The end of the current period: on the subscription in older API versions, on each
    item since 2025-03-31."""
    ends = [data.get("current_period_end")] + [
        item.get("current_period_end") for item in _items(data)
    ]
    moments = [m for m in map(moment, ends) if m is not None]
    return max(moments) if moments else None


def invoice_subscription_id(invoice: dict) -> str | None:
    details = (invoice.get("parent") or {}).get("subscription_details") or {}
    return stripe_id(details.get("subscription")) or stripe_id(invoice.get("subscription"))


def invoice_period_end(invoice: dict) -> datetime | None:
    lines = (invoice.get("lines") or {}).get("data") or []
    ends = [(line.get("period") or {}).get("end") for line in lines if isinstance(line, dict)]
    moments = [m for m in map(moment, ends) if m is not None]
    return max(moments) if moments else None

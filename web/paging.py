"""The page of a list a reader asked for (``?page=``), read as Django's paginator reads it."""


def requested_page(value) -> int:
    """``value`` as a page number: 1 when it is missing or not a number, never below 1."""
    try:
        return max(1, int(value))
    except (TypeError, ValueError):
        return 1

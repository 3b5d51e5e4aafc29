"""Web infrastructure every app stands on, and which imports no app.

The reader cache and its tags (``reader_cache``), the cache that survives a Redis outage
(``cache``), rate limits (``ratelimit``, ``bots``), security headers (``security``), database
outages (``outages``), request ids (``request_id``), the read-replica router
(``db_router``), slugs (``slugs``), image rendition names (``renditions``), dated schedules
(``schedules``), shared admin pieces (``admin``) and the import helpers of the management
commands (``importing``, ``progress``). Apps register what they need from here (cache
dependencies above all) in their ``AppConfig.ready()``.
"""

"""The yardstick of ``make bench``: a bare Django project, not Newsroom.

Its own settings, URLconf and WSGI entry point; only ``SecurityMiddleware`` and
``CommonMiddleware``; one view answering a page of about 20 kB of HTML. Served by the same
gunicorn (2 sync workers) and measured with the same wrk parameters in the same run as
Newsroom's pages, it says what this machine gives a Django page that does almost nothing.
"""

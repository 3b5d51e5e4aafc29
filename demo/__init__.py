"""Demo content for The Meridian Review, loaded by ``manage.py seed_demo``.

The texts were written for this demo. The people, states and organisations are real; the
articles paraphrase public reporting in an analytical voice and put no invented words in
anyone's mouth. The bylines and accounts are fictional.
"""

"""``make bench``: Newsroom's speed, measured in one sitting (see bench/run.py)."""

"""What the newsroom has published about each actor and source: the actor and source pages
(index and detail), the actor network and the coverage charts.

They sit in the articles app because they are lists of articles: the actors and sources
apps below know nothing of articles."""

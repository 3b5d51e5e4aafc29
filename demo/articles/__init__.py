"""The demo's articles, one module per desk; ``ARTICLES`` is the order they are loaded in."""

from .backchannels import BACK_CHANNELS
from .desk import DESK
from .diplomacy import DIPLOMACY
from .economy import ECONOMY
from .europe import EUROPE
from .security import SECURITY

ARTICLES = (BACK_CHANNELS, *DIPLOMACY, *SECURITY, *EUROPE, *ECONOMY, *DESK)

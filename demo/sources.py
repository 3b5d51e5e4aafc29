"""The outlets, institutions and documents the demo pieces cite and credit."""

from .records import DemoSource

REUTERS = "Reuters"
AP = "Associated Press"
AFP = "Agence France-Presse"
FT = "Financial Times"
LE_MONDE = "Le Monde"
BBC = "BBC News"
DW = "Deutsche Welle"
HISTORIAN = "Office of the Historian, U.S. Department of State"
STATE_DEPARTMENT = "U.S. Department of State"
HUNGARIAN_GOVERNMENT = "Government of Hungary"
SIPRI = "Stockholm International Peace Research Institute"
IISS = "International Institute for Strategic Studies"
ECFR = "European Council on Foreign Relations"
NORTH_ATLANTIC_TREATY = "The North Atlantic Treaty"
TEU = "Treaty on European Union"
BUDAPEST_MEMORANDUM = "Budapest Memorandum on Security Assurances"
HELSINKI_FINAL_ACT = "Helsinki Final Act"
ORBAN_ON_X = "Viktor Orbán on X"
ZELENSKY_ON_X = "Volodymyr Zelensky on X"

SOURCES = (
    DemoSource(
        REUTERS,
        "news_agency",
        "https://www.reuters.com/",
        "International news agency whose wire copy underpins much of the world's daily coverage.",
    ),
    DemoSource(
        AP,
        "news_agency",
        "https://apnews.com/",
        "American cooperative news agency with correspondents in most of the world's capitals.",
        ("AP",),
    ),
    DemoSource(
        AFP,
        "news_agency",
        "https://www.afp.com/en",
        "Paris-based global agency, strong in Francophone Africa and the Middle East.",
        ("AFP",),
    ),
    DemoSource(
        FT,
        "newspaper",
        "https://www.ft.com/",
        "London business daily, widely read for markets, energy and European politics.",
        ("FT",),
    ),
    DemoSource(
        LE_MONDE,
        "newspaper",
        "https://www.lemonde.fr/en/",
        "French evening daily of record, with an English edition and deep Sahel reporting.",
    ),
    DemoSource(
        BBC,
        "broadcaster",
        "https://www.bbc.com/news",
        "The news service of Britain's public broadcaster, on air and online.",
        ("BBC", "the BBC"),
    ),
    DemoSource(
        DW,
        "broadcaster",
        "https://www.dw.com/en/",
        "Germany's international public broadcaster, publishing in some thirty languages.",
        ("DW",),
    ),
    DemoSource(
        HISTORIAN,
        "government",
        "https://history.state.gov/",
        "Publishes the Foreign Relations of the United States, the declassified diplomatic record.",
        ("Office of the Historian",),
    ),
    DemoSource(
        STATE_DEPARTMENT,
        "government",
        "https://www.state.gov/",
        "The American foreign ministry; its statements give Washington's official account.",
        ("State Department", "the State Department"),
    ),
    DemoSource(
        HUNGARIAN_GOVERNMENT,
        "government",
        "https://kormany.hu/",
        "The Hungarian government's official site for statements, decrees and visit reports.",
    ),
    DemoSource(
        SIPRI,
        "think_tank",
        "https://www.sipri.org/",
        "Independent institute in Stockholm that keeps the standard data on military spending "
        "and arms transfers.",
        ("SIPRI",),
    ),
    DemoSource(
        IISS,
        "think_tank",
        "https://www.iiss.org/",
        "London research institute best known for The Military Balance, its annual survey of "
        "armed forces.",
        ("IISS",),
    ),
    DemoSource(
        ECFR,
        "think_tank",
        "https://ecfr.eu/",
        "Pan-European think tank that studies and argues about the EU's foreign policy.",
        ("ECFR",),
    ),
    DemoSource(
        NORTH_ATLANTIC_TREATY,
        "document",
        "https://www.nato.int/cps/en/natolive/official_texts_17120.htm",
        "The 1949 founding text of NATO, including the collective-defence clause of Article 5.",
        ("North Atlantic Treaty", "Washington Treaty"),
    ),
    DemoSource(
        TEU,
        "document",
        "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:12012M/TXT",
        "The EU's basic treaty, setting out its values and how foreign policy is decided.",
    ),
    DemoSource(
        BUDAPEST_MEMORANDUM,
        "document",
        "https://treaties.un.org/",
        "The 1994 assurances given to Ukraine by three nuclear powers, registered with the UN.",
        ("Budapest Memorandum",),
    ),
    DemoSource(
        HELSINKI_FINAL_ACT,
        "document",
        "https://www.osce.org/helsinki-final-act",
        "The 1975 accord on European security whose principles include the inviolability of "
        "frontiers.",
    ),
    DemoSource(
        ORBAN_ON_X,
        "social",
        "https://x.com/PM_ViktorOrban",
        "The Hungarian prime minister's own account, often the first word on his travels.",
    ),
    DemoSource(
        ZELENSKY_ON_X,
        "social",
        "https://x.com/ZelenskyyUa",
        "The Ukrainian president's account, where he announces meetings and responds to them.",
    ),
)

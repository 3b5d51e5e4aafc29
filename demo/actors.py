"""The people, states, organisations and groups the demo pieces discuss.

Wikidata ids are given only where they are certain; the others stay blank for an editor to
fill in. Dates of office describe the spell the title refers to.
"""

from datetime import date

from .records import DemoActor

PERSON, STATE, ORGANISATION, GROUP = "person", "state", "organisation", "group"

PEOPLE = (
    DemoActor(
        "Viktor Orbán",
        PERSON,
        "Prime Minister of Hungary",
        "Hungary",
        """Leader of Fidesz, prime minister of Hungary from 1998 to 2002 and again since 2010.
        He has made national sovereignty the theme of his European policy while keeping
        working ties with Moscow and Beijing.""",
        ("Orbán", "Orban", "Viktor Orban", "Hungarian Prime Minister", "Hungarian PM"),
        wikidata_id="Q57641",
        born=date(1963, 5, 31),
        in_office_from=date(2010, 5, 29),
    ),
    DemoActor(
        "Robert Fico",
        PERSON,
        "Prime Minister of Slovakia",
        "Slovakia",
        """Founder of the Smer party, who first became prime minister of Slovakia in 2006 and
        returned to the office for a fourth time in October 2023. He survived an
        assassination attempt in May 2024.""",
        ("Fico", "Slovak Prime Minister", "Slovak PM"),
        born=date(1964, 9, 15),
        in_office_from=date(2023, 10, 25),
    ),
    DemoActor(
        "Vladimir Putin",
        PERSON,
        "President of Russia",
        "Russia",
        """Has led Russia as president or prime minister since 1999, and ordered the
        full-scale invasion of Ukraine in February 2022.""",
        ("Putin", "Russian President", "President Putin"),
        wikidata_id="Q7747",
        born=date(1952, 10, 7),
        in_office_from=date(2012, 5, 7),
    ),
    DemoActor(
        "Volodymyr Zelensky",
        PERSON,
        "President of Ukraine",
        "Ukraine",
        """A former actor and television producer elected president of Ukraine in 2019, who
        has led the country's resistance since the Russian invasion of 2022.""",
        ("Zelensky", "Zelenskyy", "Ukrainian President", "President Zelensky"),
        wikidata_id="Q3874799",
        born=date(1978, 1, 25),
        in_office_from=date(2019, 5, 20),
    ),
    DemoActor(
        "Donald Trump",
        PERSON,
        "President of the United States",
        "United States",
        """Businessman and Republican politician, the 45th and 47th president of the United
        States. His second term began in January 2025.""",
        ("Trump", "President Trump", "Donald J. Trump"),
        wikidata_id="Q22686",
        born=date(1946, 6, 14),
        in_office_from=date(2025, 1, 20),
    ),
    DemoActor(
        "John F. Kennedy",
        PERSON,
        "35th President of the United States",
        "United States",
        """President from January 1961 until his assassination in November 1963. His
        administration brought the Cuban missile crisis of October 1962 to a negotiated
        end.""",
        ("JFK", "President Kennedy", "John Kennedy"),
        wikidata_id="Q9696",
        born=date(1917, 5, 29),
        in_office_from=date(1961, 1, 20),
        in_office_to=date(1963, 11, 22),
    ),
    DemoActor(
        "Robert F. Kennedy",
        PERSON,
        "Attorney General of the United States",
        "United States",
        """The president's brother and closest adviser, who carried the confidential
        exchanges with the Soviet ambassador in 1962. He was assassinated in 1968 while
        seeking the presidency himself.""",
        ("Robert Kennedy", "RFK", "Bobby Kennedy"),
        wikidata_id="Q25310",
        born=date(1925, 11, 20),
        in_office_from=date(1961, 1, 20),
        in_office_to=date(1964, 9, 3),
    ),
    DemoActor(
        "Anatoly Dobrynin",
        PERSON,
        "Soviet Ambassador to the United States",
        "Soviet Union",
        """Moscow's envoy in Washington from 1962 to 1986, through six American presidencies,
        and the Soviet partner in the back channels of the Kennedy and Nixon years.""",
        ("Dobrynin", "Ambassador Dobrynin", "Anatoly F. Dobrynin"),
        born=date(1919, 11, 16),
    ),
    DemoActor(
        "Richard Nixon",
        PERSON,
        "37th President of the United States",
        "United States",
        """President from 1969 until his resignation in 1974. He opened relations with the
        People's Republic of China and pursued détente with the Soviet Union.""",
        ("Nixon", "President Nixon", "Richard M. Nixon"),
        wikidata_id="Q9588",
        born=date(1913, 1, 9),
        in_office_from=date(1969, 1, 20),
        in_office_to=date(1974, 8, 9),
    ),
    DemoActor(
        "Henry Kissinger",
        PERSON,
        "National Security Adviser, later Secretary of State",
        "United States",
        """Nixon's national security adviser and afterwards secretary of state, who ran the
        back channel to Moscow and prepared the opening to China. He died in 2023.""",
        ("Kissinger", "Henry A. Kissinger", "Dr Kissinger"),
        wikidata_id="Q66107",
        born=date(1923, 5, 27),
    ),
    DemoActor(
        "Xi Jinping",
        PERSON,
        "President of the People's Republic of China",
        "China",
        """General secretary of the Chinese Communist Party since 2012 and head of state
        since 2013.""",
        ("Xi", "President Xi", "Chinese President"),
        wikidata_id="Q15031",
        born=date(1953, 6, 15),
        in_office_from=date(2013, 3, 14),
        sort_name="Xi Jinping",  # family name first
    ),
    DemoActor(
        "Recep Tayyip Erdoğan",
        PERSON,
        "President of Turkey",
        "Turkey",
        """Prime minister of Turkey from 2003 and president since 2014, who has cast Ankara
        as a broker between Russia, Ukraine and the West.""",
        ("Erdoğan", "Erdogan", "Turkish President"),
        born=date(1954, 2, 26),
        in_office_from=date(2014, 8, 28),
    ),
    DemoActor(
        "Mark Rutte",
        PERSON,
        "Secretary General of NATO",
        "Netherlands",
        """Prime minister of the Netherlands from 2010 to 2024, and NATO's secretary general
        since October 2024.""",
        ("Rutte", "NATO Secretary General"),
        born=date(1967, 2, 14),
        in_office_from=date(2024, 10, 1),
    ),
    DemoActor(
        "Ursula von der Leyen",
        PERSON,
        "President of the European Commission",
        "Germany",
        """A former German defence minister who has led the European Commission since 2019
        and began a second term in December 2024.""",
        ("von der Leyen", "Commission President"),
        born=date(1958, 10, 8),
        in_office_from=date(2019, 12, 1),
    ),
)

STATES = (
    DemoActor(
        "Hungary",
        STATE,
        "Member of the EU and NATO",
        "Hungary",
        """Central European state of about 9.6 million people; joined NATO in 1999 and the
        European Union in 2004.""",
        ("Budapest", "Hungarian government"),
        wikidata_id="Q28",
    ),
    DemoActor(
        "Slovakia",
        STATE,
        "Member of the EU and NATO",
        "Slovakia",
        """Central European state of about 5.4 million people, independent since 1993; joined
        NATO and the EU in 2004 and uses the euro.""",
        ("Slovak Republic", "Bratislava"),
        wikidata_id="Q214",
    ),
    DemoActor(
        "Russia",
        STATE,
        "Permanent member of the UN Security Council",
        "Russia",
        """The largest state by area, successor to the Soviet Union's seat at the United
        Nations; at war with Ukraine since its full-scale invasion of February 2022.""",
        ("Russian Federation", "Moscow", "the Kremlin"),
        wikidata_id="Q159",
    ),
    DemoActor(
        "Ukraine",
        STATE,
        "Candidate for EU membership",
        "Ukraine",
        """Eastern European state, independent since 1991, defending itself against a
        Russian invasion; opened accession talks with the EU in 2024.""",
        ("Kyiv", "Ukrainian government"),
        wikidata_id="Q212",
    ),
    DemoActor(
        "United States",
        STATE,
        "Founding member of NATO",
        "United States",
        """Federal republic and the largest contributor to NATO's budget and forces.""",
        ("US", "USA", "Washington", "America"),
        wikidata_id="Q30",
    ),
    DemoActor(
        "Soviet Union",
        STATE,
        "Former state (1922–1991)",
        "Soviet Union",
        """The communist federation ruled from Moscow that faced the United States through the
        Cold War and dissolved in December 1991.""",
        ("USSR", "the Soviets"),
        wikidata_id="Q15180",
    ),
    DemoActor(
        "Germany",
        STATE,
        "Member of the EU and NATO",
        "Germany",
        """The EU's most populous member and largest economy, rebuilding its armed forces
        since 2022.""",
        ("Berlin", "Federal Republic of Germany"),
        wikidata_id="Q183",
    ),
    DemoActor(
        "France",
        STATE,
        "Permanent member of the UN Security Council",
        "France",
        """Nuclear power and founding member of the European communities, long the main
        Western military presence in the Sahel.""",
        ("Paris", "French Republic"),
        wikidata_id="Q142",
    ),
    DemoActor(
        "Poland",
        STATE,
        "Member of the EU and NATO",
        "Poland",
        """The largest state on NATO's eastern flank, now spending a larger share of its
        economy on defence than any other ally.""",
        ("Warsaw", "Republic of Poland"),
        wikidata_id="Q36",
    ),
    DemoActor(
        "China",
        STATE,
        "Permanent member of the UN Security Council",
        "China",
        """The People's Republic, the world's second-largest economy and a growing investor
        in Central and Eastern Europe.""",
        ("People's Republic of China", "PRC", "Beijing"),
        wikidata_id="Q148",
    ),
    DemoActor(
        "Turkey",
        STATE,
        "Member of NATO",
        "Turkey",
        """NATO member that controls the straits between the Black Sea and the Mediterranean
        and keeps open lines to both Moscow and Kyiv.""",
        ("Türkiye", "Ankara"),
        wikidata_id="Q43",
    ),
    DemoActor(
        "United Kingdom",
        STATE,
        "Permanent member of the UN Security Council",
        "United Kingdom",
        """Nuclear power, NATO member and one of the three signatories of the 1994 Budapest
        Memorandum.""",
        ("UK", "Britain", "London"),
        wikidata_id="Q145",
    ),
    DemoActor(
        "Yemen",
        STATE,
        "",
        "Yemen",
        """State at the southern mouth of the Red Sea, divided by civil war since 2014; its
        north and capital are held by the Houthi movement.""",
        ("Republic of Yemen", "Yemeni government"),
        wikidata_id="Q805",
    ),
    DemoActor(
        "Moldova",
        STATE,
        "Candidate for EU membership",
        "Moldova",
        """Small state between Romania and Ukraine, with a Russian-backed breakaway region,
        Transnistria, on its eastern bank of the Dniester.""",
        ("Republic of Moldova", "Chișinău"),
        wikidata_id="Q217",
    ),
    DemoActor(
        "India",
        STATE,
        "",
        "India",
        """The most populous state, and since 2022 one of the largest buyers of Russian crude
        oil.""",
        ("Republic of India", "New Delhi"),
        wikidata_id="Q668",
    ),
)

ORGANISATIONS = (
    DemoActor(
        "European Union",
        ORGANISATION,
        "Union of 27 member states",
        "",
        """Political and economic union whose common foreign and security policy is decided,
        with few exceptions, by unanimity.""",
        ("EU", "the Union", "Brussels"),
        wikidata_id="Q458",
    ),
    DemoActor(
        "NATO",
        ORGANISATION,
        "Military alliance of 32 states",
        "",
        """The North Atlantic alliance founded in 1949; Finland and Sweden joined in 2023 and
        2024.""",
        ("North Atlantic Treaty Organization", "the Alliance", "Atlantic alliance"),
        wikidata_id="Q7184",
    ),
    DemoActor(
        "United Nations",
        ORGANISATION,
        "Intergovernmental organisation",
        "",
        """The world body founded in 1945; its Security Council is the only organ whose
        decisions bind all members.""",
        ("UN", "U.N."),
        wikidata_id="Q1065",
    ),
    DemoActor(
        "Organization for Security and Co-operation in Europe",
        ORGANISATION,
        "Regional security organisation",
        "",
        """Heir to the conference that produced the Helsinki Final Act; it ran the civilian
        monitoring mission in eastern Ukraine from 2014 to 2022.""",
        ("OSCE", "CSCE"),
    ),
)

GROUPS = (
    DemoActor(
        "Wagner Group",
        GROUP,
        "Russian private military company",
        "Russia",
        """Mercenary force that fought in Ukraine, Syria and Africa, mutinied briefly in June
        2023 and has since been largely absorbed by the Russian state.""",
        ("Wagner", "PMC Wagner"),
    ),
    DemoActor(
        "Houthi movement",
        GROUP,
        "Armed movement controlling northern Yemen",
        "Yemen",
        """Zaydi Shia movement that holds Yemen's capital and, since November 2023, has
        attacked merchant shipping in the Red Sea.""",
        ("Houthis", "Ansar Allah"),
    ),
)

ACTORS = PEOPLE + STATES + ORGANISATIONS + GROUPS

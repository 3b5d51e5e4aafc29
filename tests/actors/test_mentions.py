"""Mention detection finds every actor a text names, in the forms real copy uses, and links
nothing that is not named. Plain Python: no database."""

from actors.mentions import ActorNames, build_index, find_mentions

ORBAN = ActorNames(1, "Viktor Orbán", ("Orbán", "Hungarian Prime Minister"), "viktor-orban")
FICO = ActorNames(2, "Robert Fico", ("Fico",), "robert-fico")
JFK = ActorNames(3, "John F. Kennedy", ("JFK", "President Kennedy", "Kennedy"), "john-f-kennedy")
RFK = ActorNames(4, "Robert F. Kennedy", ("Robert Kennedy", "RFK", "Kennedy"), "robert-kennedy")
USA = ActorNames(5, "United States", ("US", "American", "Washington"), "united-states")
EU = ActorNames(6, "European Union", ("EU", "Brussels"), "european-union")
RUSSIA = ActorNames(7, "Russia", ("Russian", "Moscow"), "russia")
HUNGARY = ActorNames(8, "Hungary", ("Hungarian", "Budapest"), "hungary")
BABIS = ActorNames(9, "Andrej Babis", ("Babis",), "andrej-babis")
WHO = ActorNames(10, "World Health Organization", ("WHO",), "who")
UN = ActorNames(11, "United Nations", ("U.N.",), "united-nations")
NATO = ActorNames(12, "NATO", (), "nato")
SOVIET_UNION = ActorNames(13, "Soviet Union", ("Soviet", "USSR"), "soviet-union")
CHINA = ActorNames(14, "China", ("People's Republic of China", "Beijing"), "china")
DOBRYNIN = ActorNames(15, "Anatoly Dobrynin", ("Dobrynin",), "anatoly-dobrynin")
XI = ActorNames(16, "Xi Jinping", ("Xi",), "xi-jinping")

EVERYONE = [ORBAN, FICO, JFK, RFK, USA, EU, RUSSIA, HUNGARY, BABIS, WHO, UN, NATO]
EVERYONE += [SOVIET_UNION, CHINA, DOBRYNIN, XI]
INDEX = build_index(EVERYONE)


def found(text: str, index=INDEX) -> dict[str, list[str]]:
    """Each actor found, by name, with the words of each mention as written."""
    return {
        m.actor.name: [span.text for span in m.spans] for m in find_mentions(text, index).actors
    }


def test_accents_are_folded_both_ways():
    stored_without_accent = build_index([BABIS])
    assert found("Viktor Orban spoke; then Orban left.") == {
        "Viktor Orbán": ["Viktor Orban", "Orban"]
    }
    assert found("Andrej Babiš and Babiš again.", stored_without_accent) == {
        "Andrej Babis": ["Andrej Babiš", "Babiš"]
    }


def test_ordinary_names_match_whatever_their_case():
    assert found("WHAT ORBÁN WANTS FROM MOSCOW") == {
        "Viktor Orbán": ["ORBÁN"],
        "Russia": ["MOSCOW"],
    }


def test_short_capital_abbreviations_match_only_as_written():
    text = "Let us ask who pays, said the eu official; Nato and the Eu disagree."
    assert found(text) == {}
    assert found("The EU, the US, NATO and the WHO met.") == {
        "European Union": ["EU"],
        "United States": ["US"],
        "NATO": ["NATO"],
        "World Health Organization": ["WHO"],
    }


def test_abbreviations_never_match_inside_another_word():
    text = "Europe's USB ports and UNESCO reports, the EUR price, a NATOesque pose."
    assert found(text) == {}


def test_an_abbreviation_matches_with_or_without_dots():
    assert found("U.S. officials and UN envoys") == {
        "United States": ["U.S."],
        "United Nations": ["UN"],
    }


def test_possessives_and_curly_apostrophes_keep_the_name():
    text = "Orbán's plan, Orbán’s answer, Fico’s reply and the People’s Republic of China."
    assert found(text) == {
        "Viktor Orbán": ["Orbán", "Orbán"],
        "Robert Fico": ["Fico"],
        "China": ["People’s Republic of China"],
    }


def test_hyphenated_compounds_name_each_part():
    text = "U.S.-Russia relations, EU-Russia talks and the Kennedy–Dobrynin channel."
    result = find_mentions(text, INDEX)
    assert found(text) == {
        "United States": ["U.S."],
        "Russia": ["Russia", "Russia"],
        "European Union": ["EU"],
        "Anatoly Dobrynin": ["Dobrynin"],
    }
    assert [a.name for a in result.ambiguous] == ["Kennedy"]


def test_a_title_before_a_name_leaves_one_mention():
    text = "Prime Minister Robert Fico met the Hungarian Prime Minister Viktor Orbán."
    assert found(text) == {
        "Robert Fico": ["Robert Fico"],
        "Viktor Orbán": ["Hungarian Prime Minister Viktor Orbán"],
    }


def test_demonyms_given_as_aliases_name_the_state():
    text = "The Soviet ambassador met American and Hungarian officials, but not Hungarians."
    assert found(text) == {
        "Soviet Union": ["Soviet"],
        "United States": ["American"],
        "Hungary": ["Hungarian"],
    }


def test_the_longest_match_wins():
    result = find_mentions("Robert Kennedy flew to Washington.", INDEX)
    assert found("Robert Kennedy flew to Washington.") == {
        "Robert F. Kennedy": ["Robert Kennedy"],
        "United States": ["Washington"],
    }
    assert result.ambiguous == ()


def test_a_shared_alias_goes_to_the_one_actor_the_text_names_in_full():
    text = "Robert Kennedy met the ambassador.\n\nLater, Kennedy said the deal would hold."
    assert found(text) == {"Robert F. Kennedy": ["Robert Kennedy", "Kennedy"]}


def test_a_shared_alias_goes_to_the_one_named_in_its_own_paragraph():
    text = (
        "President John F. Kennedy and his brother Robert Kennedy disagreed.\n\n"
        "Robert Kennedy met Dobrynin. Kennedy said the missiles would go."
    )
    assert found(text)["Robert F. Kennedy"] == ["Robert Kennedy", "Robert Kennedy", "Kennedy"]
    assert found(text)["John F. Kennedy"] == ["John F. Kennedy"]


def test_a_shared_alias_that_cannot_be_settled_is_ambiguous_and_linked_to_nobody():
    both_named = "John F. Kennedy and Robert Kennedy met. Kennedy spoke first."
    result = find_mentions(both_named, INDEX)
    assert [(a.name, a.count) for a in result.ambiguous] == [("Kennedy", 1)]
    assert {c.name for c in result.ambiguous[0].candidates} == {
        "John F. Kennedy",
        "Robert F. Kennedy",
    }
    assert found(both_named) == {
        "John F. Kennedy": ["John F. Kennedy"],
        "Robert F. Kennedy": ["Robert Kennedy"],
    }

    none_named = find_mentions("Kennedy spoke first. Kennedy spoke last.", INDEX)
    assert none_named.actors == ()
    assert [(a.name, a.count) for a in none_named.ambiguous] == [("Kennedy", 2)]


def test_an_actor_whose_names_do_not_occur_is_never_returned():
    text = "A taxi to the maximum exit; the fixture is Xinhua's."
    assert found(text) == {}
    assert XI.id not in find_mentions("Xinjiang, Jinping Road and Dobryninsk", INDEX).actor_ids
    assert find_mentions("Xinjiang, Jinping Road and Dobryninsk", INDEX).actors == ()


def test_spans_point_into_the_text_as_given():
    text = "First  line.\nThen Viktor\u00a0Orbán and  Robert\nFico, at   length."
    result = find_mentions(text, INDEX)
    spans = [(s.start, s.end) for m in result.actors for s in m.spans]
    assert [text[start:end] for start, end in spans] == ["Viktor\u00a0Orbán", "Robert\nFico"]


def test_no_name_is_read_across_a_blank_line():
    assert found("He thanked Robert\n\nFico replied.") == {"Robert Fico": ["Fico"]}
    assert found("He thanked Robert\nFico replied.") == {"Robert Fico": ["Robert\nFico"]}


def test_names_of_other_things_shadow_the_actor_names_inside_them():
    index = build_index([HUNGARY, USA], shadows=["Budapest Memorandum", "The Washington Post"])
    assert found("The Budapest Memorandum, as The Washington Post noted.", index) == {}
    assert found("In Budapest, the Post noted.", index) == {"Hungary": ["Budapest"]}


def test_an_empty_index_finds_nothing():
    assert find_mentions("Viktor Orbán", build_index([])).actors == ()


# Actors whose one-word names copy also uses as ordinary words.
TURKEY = ActorNames(40, "Turkey", ("Türkiye", "Ankara"), "turkey")
CHAD = ActorNames(41, "Chad", ("N'Djamena",), "chad")
THERESA_MAY = ActorNames(42, "Theresa May", ("May",), "theresa-may")
JUNE_ELLISON = ActorNames(43, "June Ellison", ("Ellison",), "june-ellison")
ORDINARY = build_index([TURKEY, CHAD, THERESA_MAY, JUNE_ELLISON, CHINA, NATO])


def test_a_one_word_name_written_in_lower_case_is_the_ordinary_word():
    text = (
        "The embassy served turkey on fine china while delegates argued over a hanging chad. "
        "Ministers may disagree, and a diplomat in china shops said so."
    )
    assert found(text, ORDINARY) == {}


def test_the_same_names_capitalised_still_name_the_actors():
    text = (
        "Turkey and China blocked it; Chad abstained, wrote June Ellison on 2 June. "
        "TURKEY VETOES NATO PLAN"
    )
    assert found(text, ORDINARY) == {
        "June Ellison": ["June Ellison"],
        "Turkey": ["Turkey", "TURKEY"],
        "China": ["China"],
        "Chad": ["Chad"],
        "NATO": ["NATO"],
    }


def test_a_name_stored_in_lower_case_matches_in_lower_case():
    index = build_index([ActorNames(50, "bellingcat", (), "bellingcat")])
    assert found("Researchers at bellingcat traced it.", index) == {"bellingcat": ["bellingcat"]}


def test_a_month_used_as_a_date_names_nobody():
    text = (
        "The talks began on 12 May and resumed May 2024; by the 3rd of May the draft was "
        "ready, the vote came May 14, and since May the coalition has frayed. In mid-May a "
        "second round opened, and every May the summit returns."
    )
    assert found(text, ORDINARY) == {}


def test_the_person_behind_a_month_name_is_still_found():
    text = (
        "Theresa May met the Turkish delegation. May said the deal was dead; "
        "May's cabinet disagreed, and in May 2019 she resigned."
    )
    assert found(text, ORDINARY) == {"Theresa May": ["Theresa May", "May", "May"]}

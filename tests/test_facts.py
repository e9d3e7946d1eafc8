"""Figures, conflicts and disagreements, on sentences from the seeds and on hand-made cases."""

import pytest

from summarizer.sources.facts import carries_counts, conflict, facts, shared_share
from summarizer.content.figures import compatible, figures
from summarizer.sources.frames import same_quantity

from pairs import vouches

SEOUL = "About 600 North Korean soldiers have been killed and thousands more wounded fighting for Russia, Seoul has said."
WEST = ("Western officials previously suggested that out of the approximately 11,000 North Korean troops dispatched, "
        "around 1,000 had been killed within three months of deployment.")
WEEKEND = ("On Monday, Ukraine’s military intelligence agency said at least 30 North Korean soldiers had been killed or "
           "injured along the front line in Kursk over the weekend.")
RYDER = ("In early November, General Ryder said that at least 10,000 North Korean troops had traveled thousands of miles "
         "from eastern Russia to the Kursk region, which borders Ukraine.")
HOAX = "Kremlin spokesman Dmitry Peskov dismissed the reports of North Korean troops in Russia as a hoax."
CONFIRM = "North Korea has confirmed the deployment of its troops to Russia, standing alongside Russian forces."
PUTIN = "Russian President Vladimir Putin has praised North Korean troops deployed as part of the Ukraine war as heroic."
GERASIMOV = "Russian Chief of Staff Valery Gerasimov, who lauded the heroism of North Korean troops, spoke on Saturday."


def only(text):
    (figure,) = [f for f in figures(text) if f.kind in ("count", "area")][:1]
    return figure


@pytest.mark.parametrize("text, value, bound, counted, detail", [
    ("About 600 North Korean soldiers have been killed", 600, "about", "casualties", "death"),
    ("approximately 11,000 North Korean troops dispatched", 11_000, "about", "troops", ""),
    ("over ten thousand North Korean troops are there", 10_000, "low", "troops", ""),
    ("estimates of casualties exceeding 1,000 among the deployed forces", 1_000, "low", "casualties", ""),
    ("the fire burned more than 4,000 hectares of forest", 4_000, "low", "ha", ""),
    ("thousands of protesters gathered", 1_000, "low", "protest", ""),
])
def test_figures_know_their_value_bound_and_what_they_count(text, value, bound, counted, detail):
    figure = only(text)
    assert (figure.value, figure.bound, figure.counted, figure.detail) == (value, bound, counted, detail)
    assert text[figure.start:figure.end].split()[-1].rstrip(",") in text


def test_kinds_of_figures():
    kinds = [(f.kind, f.value) for f in figures("Cosme, 32, paid $1.5 billion on March 15, 2016, a rise of 3.5%, "
                                                 "after three months.")]
    assert kinds == [("age", 32), ("money", 1.5e9), ("year", 2016), ("percent", 3.5), ("duration", 3)]


@pytest.mark.parametrize("text", [
    "it lived ten million years later", "seven times closer than any probe", "patients younger than 50",
    "one in every seven patients", "between 49,000 and 46,000 years ago", "72 percent versus 63 percent",
    "20 miles from Nairobi", "winds of 130 mph", "an average of 4.7 years", "call (423) 272-7555",
    "the Haixun 01 patrol ship", "at 7:50 p.m.", "this underscores the risk at 7:50 p.m.", "a Megamillions ticket sold at 7:50 p.m.",
])
def test_what_is_not_an_amount_of_its_own(text):
    assert [f for f in figures(text) if f.kind in ("count", "money", "percent", "duration")] == [], text


def test_compatible_statements_are_not_disagreements():
    assert compatible(only("at least 10,000 troops"), only("about 11,000 troops"))
    assert compatible(only("thousands of troops"), only("11,000 troops"))
    assert not compatible(only("about 600 were killed"), only("around 1,000 were killed"))
    assert not compatible(only("3,500 hectares burned"), only("more than 4,000 hectares burned"))


def test_a_weekend_toll_is_not_compared_with_a_total():
    weekend, total = facts(WEEKEND), facts(SEOUL)
    assert not same_quantity(weekend.frames[0], total.frames[0])
    assert conflict(weekend, total) is None


@pytest.mark.parametrize("a, b, reason", [
    (SEOUL, WEST, "their figures differ"),
    (HOAX, CONFIRM, "one of them denies or negates"),
    (PUTIN, GERASIMOV, "different people say or do it"),
])
def test_conflicts_the_issue_found(a, b, reason):
    assert conflict(facts(a), facts(b)) == reason


def test_agreeing_statements_do_not_conflict():
    assert conflict(facts(WEST), facts(RYDER)) is None
    assert conflict(facts(CONFIRM), facts("North Korea confirmed it sent troops to fight alongside Russian forces.")) is None


def test_a_sentence_without_the_figure_does_not_vouch_for_it():
    from summarizer.sources.attribution import corroborates

    vague = facts("We have indications that they suffered casualties, both killed and wounded.")
    assert not corroborates(0.8, facts(SEOUL), vague, 0.75)
    assert corroborates(0.8, facts(SEOUL), facts("About 600 North Korean soldiers have been killed and thousands more "
                                                 "wounded fighting for Russia, Seoul said."), 0.75)


def test_who_says_it():
    assert facts(SEOUL).speaker == "Seoul"
    assert facts(WEST).speaker == "Western officials"
    assert facts("Volodin thanked Kim for it, according to KCNA.").speaker == "KCNA"


def test_the_same_spokesman_on_two_events_is_not_the_same_fact():
    from summarizer.sources.attribution import corroborates

    escape = facts("Wildlife Service spokesman Paul Udoto said the lion escaped from the national park on Wednesday "
                   "and ended up in a town 12 miles away.")
    shooting = facts("Wildlife officials shot the escaped lion several times after it injured a man near the capital, "
                     "said Paul Udoto, a spokesman for the Wildlife Service.")
    assert shared_share(escape, shooting) < 0.4
    assert not corroborates(0.8, escape, shooting, 0.75)
    retold = facts("The lion escaped from the national park on Wednesday and ended up in a town 12 miles away, "
                   "said Paul Udoto, a spokesman for the Wildlife Service.")
    assert corroborates(0.9, escape, retold, 0.75)


def test_the_alternative_does_not_vouch_for_what_it_replaces():
    lump = facts("If the winner takes the lump sum instead of payments over 30 years, the jackpot would be $316 million.")
    annuity = facts("Otherwise, the jackpot would be paid over 30 annual payments.")
    assert conflict(lump, annuity) == "one of them states the alternative to what came before it"


def test_a_count_of_people_needs_the_same_count():
    from summarizer.sources.attribution import corroborates

    audience = facts("The renovations were shown on the series and viewed by well over 3 million households.")
    agency = facts("Footage of the renovations shown over several seasons of the series was viewed by the agency.")
    assert not carries_counts(audience, agency)
    assert not corroborates(0.8, audience, agency, 0.75)
    assert carries_counts(audience, facts("More than 3 million households viewed the renovations on the series."))


def test_a_text_read_again_gives_its_figures_afresh():
    text = "The quake killed 214 people and injured more than 1,100, officials said."
    first = figures(text)
    first.clear()  # a caller's list is its own: the cached reading is not changed
    assert [figure.value for figure in figures(text)] == [214, 1100]
    assert figures(text) == figures(text + "")


@pytest.mark.parametrize("own, alike, other", [
    # Saturday and Sunday are the weekend; Friday and Saturday are not
    ("Landslides over the weekend killed 11 people in western Lumbra, the agency said on Monday.",
     "Eleven people died on Saturday and Sunday as torrential rain lashed western Lumbra.",
     "Eleven people died on Friday and Saturday as torrential rain lashed western Lumbra."),
    # a sum of money said without what it is for may give one that says; two that say must agree
    ("The Senate passed a $1.2 trillion spending bill by a vote of 68-31.",
     "The Senate voted 68-31 to approve a $1.2 trillion package.",
     "The judge set his bail at $1.2 trillion."),
])
def test_a_count_given_in_other_words(own, alike, other):
    assert carries_counts(facts(own), facts(alike))
    assert not carries_counts(facts(own), facts(other))


def test_a_day_is_never_who_does_it_and_who_says_it_is_not_who_did_it():
    detained = facts("Dutch police detained 312 climate activists on Saturday who blocked the A12 motorway, police said.")
    assert "saturday" not in detained.agents
    seized = ("Spanish police seized 2.4 tonnes of cocaine at the port of Algeciras and arrested 14 people, the Interior "
              "Ministry said.")
    found = "Spanish police found 2.4 tonnes of cocaine in a banana shipment at Algeciras and arrested 14 people."
    from summarizer.model.embedding import get_encoder
    from summarizer.sources.attribution import corroborates
    vectors = get_encoder().encode([seized, found])
    assert corroborates(float(vectors[0] @ vectors[1]), facts(seized), facts(found), 0.75, texts=(seized, found))


def test_a_count_that_names_no_time_may_give_one_that_does():
    days = facts("A pilots' strike forced Aurelia Air to cancel 640 flights on Monday and Tuesday, the airline said.")
    untimed = facts("By Tuesday night the airline had cancelled 640 flights across its European network.")
    assert carries_counts(days, untimed)
    assert not carries_counts(untimed, days)


@pytest.mark.parametrize("text, noun", [
    ('Officials said the fire "burned 12,000 acres" by Tuesday.', "acres"),
    ("The fire has burned 8,000 hectares!", "hectares"),
    ("The reservoir covers 40 km2 of farmland.", None),
])
def test_a_unit_followed_by_a_quote_or_a_digit_is_read(text, noun):
    found = [f for f in figures(text) if f.kind == "area"]
    assert [f.noun for f in found] == ([noun] if noun else [])


@pytest.mark.parametrize("unit", ["acres", "hectares", "square miles", "pounds", "tonnes", "kg", "barrels", "km"])
def test_any_character_after_a_unit_is_read_without_error(unit):
    for follower in "\"'!?:;)]}-/…2é—":
        for figure in figures(f"It burned 12,000 {unit}{follower} and 3 {unit}{follower}"):
            assert figure.start < figure.end


@pytest.mark.parametrize("own, alike", [
    # one start named in more words than the other
    ("Since the monsoon began in mid-June, 143 people have died in rain-related disasters across the country.",
     "Lumbra's monsoon death toll has reached 143 since mid-June, the national disaster agency said."),
    # "a week of flooding" is how long it flooded, not a count of a week
    ("Floods in the northern Ilagan region have caused damage estimated at 150 mln dlrs, the agency said.",
     "Damage from a week of flooding in the Ilagan region has reached an estimated $150 million."),
    # "last year's total" is the time of the count after it; a decade is no time of a count
    ("Since January, 15,800 migrants have been registered at the crossing, well above last year's total of 12,400.",
     "So far this year 15,800 migrants have crossed at Tarsa."),
    ("Some 3,200 staff will work at the hospital, most of them moving from the old infirmary.",
     "About 3,200 staff will work at the site, most of them moving from the 1960s-era infirmary."),
    # what something costs is what it is; sterling said "stg"; culling is destroying
    ("Highways officials said repairs to the barrier would cost about £2.3 million.",
     "British authorities estimated road repairs at 2.3 million pounds."),
    ("The 640 mln stg hospital opened to its first patients on Monday.",
     "A new hospital costing 640 million pounds has opened."),
    ("Authorities ordered the remaining 80,000 birds on the holding to be culled.",
     "Culling teams began destroying 80,000 hens at the Velden holding."),
    # the month is no march; a verb before a name is no part of what is counted
    ("Hollis & Finch will close 48 of its 130 stores by the end of March, cutting about 1,900 jobs.",
     "Hollis & Finch is to close 48 stores and cut around 1,900 jobs."),
])
def test_a_count_read_alike_in_other_wordings(own, alike):
    assert carries_counts(facts(own), facts(alike))


def test_where_staff_work_is_no_hospital_stay():
    (staff,) = facts("Some 3,200 staff will work at the hospital.").frames
    assert staff.predicate != "hospitalized"
    (critical,) = facts("Six were in critical condition at Dhaka Medical College Hospital.").frames
    assert critical.predicate == "hospitalized"


def test_a_value_compared_with_is_not_contradicted():
    from summarizer.sources.facts import contradicts
    grown = facts("The outbreak has grown to 71 cases, up from 48, the agency said on Tuesday.")
    assert not contradicts(grown, facts("Seventy-one people have now caught hepatitis A, officials said."))
    assert contradicts(grown, facts("The outbreak has grown to 90 cases, the agency said."))


def test_a_verb_before_a_name_is_not_part_of_what_is_counted():
    (crowd,) = facts("A crowd of 71,400 watched Harborough City win the National Cup on Saturday.").frames
    assert "harborough" not in crowd.modifiers and crowd.predicate == "attended"
    (fans,) = facts("Some 71,400 fans watched Harborough City win the National Cup on Saturday.").frames
    assert "harborough" not in fans.modifiers and fans.verb == "watch"


def test_the_words_of_a_count_given_alike_are_words_the_source_uses():
    from summarizer.sources.facts import coverage
    assert vouches("A crowded bus plunged into a ravine on a mountain road in northern Dersin province on Sunday night, "
                   "killing 40 people, including 12 children, police said.",
                   "Forty people died when a bus carrying wedding guests fell into a gorge near the Kharan Pass late "
                   "on Sunday, the Dersin provincial governor said.")
    # only a count given with the same value: "at least 15" is not the 8,295 a cumulative toll gives
    wounded = facts("Gaza health official Ashraf al-Kidra said at least 15 people were wounded.")
    toll = facts("According to the ministry, the number of wounded has risen to 8,295.")
    assert coverage(wounded, toll, counts=True) == coverage(wounded, toll)


def test_a_day_before_its_month_is_a_date():
    assert [(f.value, f.kind) for f in figures("The hearing was moved back from 6 May to 27 May.")] == [
        (6, "date"), (27, "date")]
    assert [f.kind for f in figures("About 27 people were evacuated on 14 October.")] == ["count", "date"]
    assert [f.kind for f in figures("Three Marines and 3 Marines' dogs were flown out.")] == ["count", "count"]


def test_a_rank_is_no_denial():
    from summarizer.sources.facts import denies
    assert not denies("The No. 2 official of the disaster agency said about 300 homes were destroyed.")
    assert denies("The agency said no homes were destroyed.")


def test_wire_spellings_of_a_word_are_one_word():
    from summarizer.sources.facts import coverage
    own = facts("About 66 percent of registered voters cast ballots, up from 51 percent in 2022.")
    other = facts("Turnout rose to 66%, from 51% at the last election in 2022.")
    assert {"66", "51", "percent"} <= own.words & other.words
    assert facts("Turnout was 58.3 pct, up 5 per cent, and sales reached 12 mln dlrs.").words >= {
        "percent", "million", "dollar"}
    assert coverage(own, other) == 0.5


def test_a_sentence_taken_for_its_figures_alone_holds_one_that_can_be_compared():
    from summarizer.content.words import content_units
    from summarizer.reading.documents import normalize_documents
    from summarizer.reading.sentences import readable, split_articles
    from summarizer.sources.attribution import plausible_sources
    articles = normalize_documents([
        "Seven people were killed when the Orla river flooded the old town of Kelm on Sunday night.",
        "The old town of Kelm has 14 churches and a bridge built in 1962. "
        "The flood in the old town of Kelm killed nine people, officials said.",
    ])
    sentences = split_articles(articles)
    words = [content_units(readable(s.text))[2] for s in sentences]
    read = {index: facts(s.text) for index, s in enumerate(sentences)}
    every = plausible_sources([0], sentences, words, 2)
    compared = plausible_sources([0], sentences, words, 2, figures_of=read.__getitem__)
    assert every == [1, 2] and compared == [2]  # its churches and the bridge's year give no count of the dead


def test_a_statement_that_uses_too_few_of_the_sentence_s_words_is_not_embedded_as_a_source():
    from summarizer.sources.attribution import may_cover
    own = facts("The council voted on Monday to close the old harbour bridge to lorries for repairs expected to last "
                "until the spring, diverting freight through the ring road.")
    assert may_cover(own, facts("The council voted on Monday to shut the harbour bridge to lorries for repairs."))
    assert not may_cover(own, facts("Lorries still crossed the bridge."))  # two of its words: no source


def test_a_decade_is_a_span_unless_it_describes_a_thing():
    from summarizer.sources.frames import frames
    (floods,) = frames("Floods in the 1990s killed 40 people.")
    assert floods.period == {"1990s"}
    (staff,) = frames("About 3,200 staff moved from the 1960s-era infirmary.")
    assert not staff.period

"""What a figure is a figure of: its frame. Two figures can disagree only inside one frame (de Marneffe, Rafferty &
Manning 2008; see FIELD notes on figure frames): the same kind and unit, the same thing counted with the same
modifiers ("Republican senators" is not "Republicans"), the same predicate (killed, injured, missing, evacuated ...),
the same scope (a province is not the region; "including", "among" and "of the" mark a part) and the same time (a
weekend's toll is not the season's; a count for one year is not the next year's).

Everything here reads one sentence; what the story as a whole tells (the places every article names, the articles'
dates) is brought by `Story` when frames are compared.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace

from ..content.figures import SMALL, Figure, compatible, figures, is_conversion
from ..content.words import STOPWORDS, stem

WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d|[,;:()\"“”]|—|–|--")

# The predicates a count is a count of, by the words that say them (stems of verbs, nouns and adjectives).
PREDICATES = {
    "killed": "killed kill killing kills dead died die dies dying death deaths fatalities fatality fatal toll "
              "perished perish slain murdered drowned drown drowning",
    "injured": "injured injuring injure injures injuries injury wounded wounding wound wounds hurt hurting burns",
    "casualties": "casualties casualty",
    "missing": "missing unaccounted",
    "evacuated": "evacuated evacuate evacuates evacuating evacuation evacuations evacuees fled flee flees fleeing "
                 "displaced relocated leave moved",
    "homeless": "homeless",
    "recovered": "recovered retrieved",
    "cancelled": "cancel cancels cancelled canceled cancelling canceling cancellations cancellation scrapped grounded",
    "escaped": "escaped escape escapes escapees escaping breakout",
    "cut": "cut cuts cutting eliminated eliminate eliminates eliminating axed axe axing shed sheds shedding "
           "redundancies layoffs lose losing",
    "attended": "marched march marches protested demonstrated rallied rally rallies attended attend attendance gathered "
                "joined crowd",
    "rescued": "rescued rescue rescues saved alive survived survivors",
    "arrested": "arrested arrests arrest arresting detained detains detain detentions detention recaptured",
    "remanded": "remanded remand custody",
    "charged": "charged charges charging indicted accused",
    "convicted": "convicted convicts sentenced jailed guilty",
    "ill": "ill sick sickened sickening sickens illness illnesses symptoms",
    "infected": "infected infecting infection infections cases positive caught contracted",
    "hospitalized": "hospitalized hospitalised hospital hospitals",
    "trapped": "trapped trapping traps",
    "hostage": "hostage hostages kidnapped abducted captive captives",
    "burned": "burned burnt burning scorched scorching charred consumed blackened covered",
    "destroyed": "destroyed destroying flattened collapsed razed gutted gutting levelled leveled",
    "damaged": "damaged damaging",  # not all destroyed: "damaged about 30,000 homes", "12,000 homes had been destroyed"
    "affected": "affected",
    "deployed": "deployed deploying dispatched sent stationed",
    "culled": "culled culling cull slaughtered",
    "aboard": "aboard onboard",
    "turnout": "turnout",
    "recalled": "recall recalls recalled recalling",
    "striking": "strikers striking walkout stoppage",
    "premium": "premium",
}
# By the word as written: stems run together words that say other things ("positive" and "positions", "burns" and
# "burned", the month and the march).
PREDICATE = {word: name for name, words in PREDICATES.items() for word in words.split()}
# Predicates said in more than one word.
PHRASES = [(re.compile(pattern, re.IGNORECASE), name) for pattern, name in (
    (r"\blost (?:their|his|her) lives?\b", "killed"),
    (r"\b(?:from|out of|leave|left|fled|fleeing) (?:their |his |her )?homes\b|\bwithout (?:their |a )?homes?\b",
     "evacuated"),
    # (not a fire, a war or fighting that broke out)
    (r"(?<!fire )(?<!blaze )(?<!flames )(?<!war )(?<!fighting )(?<!violence )(?<!clashes )(?<!riot )(?<!outbreak )"
     r"\b(?:broke|broken|breaking) out\b", "escaped"),
    (r"\b(?:took|take|taking) part\b|\bturned out\b", "attended"),
    (r"\b(?:laid|lay|laying) off\b|\bjob losses\b|\b(?:will|would|to|could|are to|set to) go\b", "cut"),
    (r"\btested positive\b", "infected"),
    (r"\b(?:destroyed|damaged) or (?:destroyed|damaged)\b", "damaged"),  # the damaged, some destroyed
    # "Police have caught 29 of the inmates who escaped": taken back, not taken ill
    (r"\b(?:caught|recaptured)\b(?=\s+(?:[\w-]+\s+){0,3}?(?:inmates|fugitives|prisoners|escapees|convicts|suspects|"
     r"escaped)\b)", "arrested"),
    (r"\b(?:walked|walking|walk) (?:out|off the job)\b|\bon strike\b|\b(?:joined|joining|join) (?:a|the|their) "
     r"(?:strike|walkout|stoppage)\b|\bstayed away from work\b", "striking"),
    (r"\bon board\b|\b(?:carrying|carried)\b(?=[^,.;]{0,25}\b(?:passengers|people|persons|pilgrims|migrants|crew|"
     r"tourists)\b)", "aboard"),
)]
# What a sum of money is: a sum is compared only with a sum of the same kind ("losses" with losses, not with an
# "appeal" for aid).
MONEY_TOPICS = {word: name for name, words in {
    "damage": "damage damages damaged", "losses": "loss losses lost", "repairs": "repair repairs",
    "cost": "cost costs costing", "fine": "fine fined fines", "bail": "bail", "compensation": "compensation compensate",
    "appeal": "appeal appealed appeals", "aid": "aid", "budget": "budget budgets", "salary": "salary salaries",
    "price": "price prices priced", "revenue": "revenue revenues sales turnover",
    "profit": "profit profits earnings income",
    "fee": "fee fees", "deal": "deal deals", "bid": "bid bids offer offered", "ransom": "ransom", "reward": "reward",
    "funding": "fund funds funding donations donated raised", "debt": "debt debts", "settlement": "settlement settle",
    "tax": "tax taxes", "spending": "spending spent spend", "investment": "investment investments invest invested",
    "worth": "worth valued value valuation", "payment": "pay paid pays paying payment payments",
    "contribution": "contribute contributes contributed contributing contribution contributions provide provides "
                    "provided providing pledge pledges pledged",
    "charge": "charge charges writedown writedowns write-down write-downs provision provisions",
}.items() for word in words.split()}
# A count of several things at once: "which together have charred", "between them", "combined".
TOGETHER_BEFORE = re.compile(r"\b(?:together|combined|between them)\b[^,;.\d]{0,35}$", re.IGNORECASE)
# A count over the whole country, beside one of the story's own place: "Nationwide, the floods have killed more than
# 40", "killed 40 people across the country".
NATIONWIDE = re.compile(r"(?:^|[.;:]\s+)\W*(?:nationwide|nationally|countrywide|across the (?:country|nation)),"
                        r"|^[^.;,\d]{0,25}\b(?:nationwide|nationally|countrywide|across the (?:country|nation))\b",
                        re.IGNORECASE)
# A count in the country or region next to the story's: "In neighbouring Spain, fires have burned ...".
NEIGHBOURING = re.compile(r"\b[Ii]n (?:the )?neighbou?ring (?:[A-Z][\w'’-]*\s?){1,3}[^.;\d]{0,50}$"
                          r"|^[^.;,\d]{0,40}\bin (?:the )?neighbou?ring [A-Z]"
                          # "The neighboring province of Nueva Alcala has reported 310 suspected cases and four deaths"
                          r"|(?:^|[.;]\s+)\W*The neighbou?ring (?:[a-z]+ )?(?:of )?[A-Z][^.;]{0,90}$")
# How many a group numbers describes it: "the gunmen, numbering about 20, killed a policeman".
NUMBERING = re.compile(r",\s+(?:numbering|totall?ing)\s+(?:about |some |around |nearly |more than |at least )?$",
                       re.IGNORECASE)
# How many a vehicle or a place may hold is not how many it held.
# Those who live in a place: "with a population of 4,000", "a town of 4,000 people" is no count of the event.
POPULATION_BEFORE = re.compile(r"\bpopulations?\s+(?:of\s+)?(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+|"
                               r"almost\s+|just\s+|more than\s+|over\s+|under\s+)?$", re.IGNORECASE)
CAPACITY_BEFORE = re.compile(r"(?:\b(?:licensed|designed|built|certified|permitted|allowed|able|rated|meant|equipped)\s+"
                             r"to\s+|\b(?:can|could)\s+)(?:carry|hold|seat|take|accommodate|house)\s+"
                             r"(?:up to |about |some |only |just |around )?$"
                             r"|\b(?:capacity\s+(?:of|for)|room for|seating for)\s+(?:up to |about |some |around )?$")
# The noun a sum is "of" names what it is: "a pre-tax restructuring charge of 45 mln dlrs", "a fee of $2 million".
SUM_NAMED = re.compile(r"\b([a-z-]+)\s+of\s+(?:about |some |nearly |almost |roughly |around |more than |at least |up to )*"
                       r"(?:[A-Z]{0,2}[$£€])?$")
# How an area is said to have burned or spread: "has grown to 8,000 hectares".
AREA_VERBS = {word: "burned" for word in "grown grew grows spread spreads spreading covers covering".split()}


@functools.lru_cache(maxsize=None)
def predicate_words(predicate: str) -> frozenset[str]:
    """The stems of the words that say a predicate: where else in the articles a count of it may be given."""
    return frozenset(stem(word) for word, name in PREDICATE.items() if name == predicate)


# Counts that belong to one person: compared only between sentences about the same one.
PERSONAL = frozenset({"charged", "convicted", "remanded"})
# A crowd's size, the number aboard a ship, plane or bus and an election's turnout are one number at one time; every
# other count may change as a story develops.
CHANGING = frozenset(PREDICATES) - {"attended", "aboard", "turnout"} | {"bid"}  # an offer is raised
# Counts that only grow (a toll, arrests, cases): a later, smaller value disputes the earlier one rather than updates
# it. The missing, the trapped and those in hospital can fall.
GROWING = CHANGING - {"missing", "trapped", "hospitalized", "remanded", "hostage"}

# Words that make a count a count of people whoever they are: an explicit "people" matches these and any elided
# count ("three were missing"), not a named group ("passengers", "Republicans").
GENERIC = frozenset("people persons person individuals residents resident inhabitants locals citizens men villagers "
                    "villager".split())
# Classes worded in more than one way (by the word as written: "villagers" is not "villages").
SYNONYMS = {word: name for name, words in {
    "troops": "troops soldiers soldier servicemen personnel forces",
    "workers": "workers worker miners miner employees employee staff labourers laborers",
    "children": "children child kids minors",
    "fans": "fans fan supporters supporter spectators spectator",
    "prisoners": "prisoners prisoner inmates inmate detainees detainee",
}.items() for word in words.split()} | {word: "people" for word in GENERIC}
# The head of an elided count of people ("three were missing", "around 1,000 had been killed"): any group of people.
ANYONE = "*"
# Nouns for people, which an elided count of people may stand for (not "villages", "hospitals" or "birds").
def singular(word: str) -> str:
    """A plural noun's singular, near enough to tell "villagers" from "villages" (stems do not)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


PERSONS = frozenset(singular(word) for word in """passengers workers miners employees staff civilians villagers residents
children kids students pupils soldiers troops police policemen officers firefighters patients victims migrants refugees
tourists pilgrims fans spectators protesters demonstrators suspects prisoners inmates guests crew men women members
voters farmers fishermen doctors nurses journalists nationals citizens people persons individuals adults teenagers
girls boys babies infants militants fighters rebels gunmen attackers hostages survivors climbers hikers swimmers
drivers pedestrians cyclists motorists travellers travelers visitors shoppers worshippers diners customers athletes
players lawmakers officials guards contractors labourers laborers sailors marines personnel servicemen
americans britons supporters inmates detainees""".split()) | {"people", "troops", "workers", "children", "fans",
                                                            "prisoners", ANYONE}
# A count that is a count of people with its predicate in the noun: "1,000 dead", "71 cases".
PREDICATE_NOUNS = frozenset("dead deaths fatalities casualties injured wounded missing evacuees cases victims "
                            "injuries".split())
# Events, counted: what happens to people is said of those counted beside them, not of these.
EVENT_HEADS = frozenset(singular(word) for word in """crashes accidents incidents collisions attacks explosions blasts
fires bombings raids shootings quakes earthquakes tornadoes storms floods landslides avalanches derailments""".split())
PERSONAL_OUTCOMES = frozenset("""killed injured casualties missing evacuated rescued arrested hospitalized trapped ill
infected""".split())
# "two minor injuries", "four deaths": the number of people hurt or dead, whatever was counted before.
EVENTS_OF_PEOPLE = re.compile(r"^\s+(?:[a-z]+\s+)?(?:injuries|deaths|fatalities|casualties)\b")


# Words that end the noun phrase of a count besides stopwords: prepositions and adverbs of place.
PHRASE_ENDS = frozenset("""across throughout inside near around outside within among along beside via per amid despite
toward towards onto upon including statewide nationwide countrywide worldwide citywide regionwide alone in all since
until during overnight yesterday today tonight""".split())
# Verbs that end a noun phrase (besides those ending in -ed and the predicates): "57 people fell ill".
VERBS = frozenset("""fell left took came went made gave got saw ran rose grew stood remain remains remained say says
told lost held brought caught built met paid sold spent won hit put set cut began struck stormed fought face faced
need needed live lived work worked stay stayed wait waited""".split())
# Nouns whose plural does not end in -s: like a plural, they end the phrase they head.
PLURALS = frozenset("people men women children police personnel staff cattle sheep fish crew livestock".split())
# Words that mark a count as another set than the one it sits beside: "46 other miners", "18 others", "thousands
# more wounded", "the remaining 80,000 birds".
OTHER = frozenset("other others more another additional further remaining else extra".split())
# A count that is a part of a larger one: "including 12 children", "among them", "twelve of the dead", "of whom".
# A number in words, where a partitive may give one ("eight of the nine officers").
SPELLED_NUMBER = r"(?:" + "|".join(SMALL) + r")\b"
PART_BEFORE = re.compile(r"\b(?:including|includes|include|included|among(?: them| whom| those| the \w+)?|of (?:them|whom|those|"
                         r"these|the \w+),?|of which|out of which)\s+(?:(?!(?:said|says|told|reported|estimated)\b)\w+\s+)"
                         r"{0,3}$|\bamong those\s+(?:\w+\s+){0,4}(?:were|was)\s+$|(?:\d|\b" + SPELLED_NUMBER + r")\s+of (?:its|their|the|his|her)\s+"
                         r"(?:[a-z][\w-]*['’]s?\s+)?$"
                         r"|^\W*of the [\d,.]+(?:\s+[\w'’-]+){1,5},\s+(?:about |some |nearly |around )?$",
                         re.IGNORECASE)
# A place or a member said to be alone ("In the capital Kabanda alone, 38 people have died", "Baltica alone carried 13
# million passengers"), or one that accounted for some of the whole: a part of it.
ALONE_BEFORE = re.compile(r"(?:\b(?:in|at|across|from)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}|(?<![\w'’.-])[A-Z][\w'’-]*\s+)"
                          r"alone,?\s+(?:[\w'’-]+\s+){0,4}?"
                          r"(?:at least |about |some |more than |nearly |around |almost )?$"
                          # "Quang Dien province ... accounted for 87,000 hectares of the damaged rice"
                          r"|\baccounted for\s+(?:about |some |nearly |around |almost |more than )?$", re.IGNORECASE)
# The next item of a list a part opened ("including four ... and two ..."), within one clause.
LIST_GOES_ON = re.compile(r"^[^;.:()]{0,80}\band\s+(?:about\s+|some\s+|at least\s+|another\s+)?$")
PART_AFTER = re.compile(r"^\s*(?:of (?:them|whom|those|these|the(?! (?:[\d$£€]|" + SPELLED_NUMBER + r"))|which|[A-Z][\w.-]*['’]s)(?=\s)|among (?:them|the (?:dead|"
                        r"injured|wounded|victims|killed|missing|casualties|sick|arrested|passengers))\b|"
                        r"(?:of (?:its|their|his|her) [\w'’-]+ |[A-Za-z][\w'’-]+ (?:[a-z][\w'’-]+ )?)?(?:were|are|was) among\b)", re.IGNORECASE)
# "Six Britons were among 14 people killed": the count after "among" is the whole.
AMONG_WHOLE = re.compile(r"\b(?:were|are|was|is)\s+among\s+(?:the\s+)?$", re.IGNORECASE)
# The value a count changed from, said after it: "caught 29 of the inmates ..., up from 18".
UP_FROM = re.compile(r"^[^.;]*,\s*(?:up|down)\s+(?:sharply\s+|slightly\s+)?from\s+(?:about |some |nearly )?$")
# The noun a partitive count is of: "29 of the inmates", "eight of the attackers".
PARTITIVE_NOUN = re.compile(r"^\s+of\s+the\s+([a-z]+)\b")
# "Twelve of the 41 people killed were children": what was done is said of the whole, so the count before is a part.
OF_WHOLE_DONE = re.compile(r"^\s+of\s+the\s+(?:\d[\d,]*|" + SPELLED_NUMBER + r")((?:\s+[a-z-]+){1,3})")

# A count that is the object of what was done: "have caught 29 (of the inmates)", "rescued 12 (of the miners)".
ACTED_ON = re.compile(r"\b(?:have|has|had|were|was)?\s*(?:caught|recaptured|rescued|freed|released|arrested|detained|"
                      r"evacuated|killed|pulled|brought|found)\s+(?:about |some |nearly |at least |more than )?$",
                      re.IGNORECASE)


def _part_of_whole_done(text: str, figure: Figure, before_text: str) -> bool:
    """"Twelve of the 41 people killed ... were children": what was done is said of the whole (and not of the count:
    "22 of the 29 people aboard were dead"; "Rebels killed 12 of the 41 soldiers")."""
    whole = OF_WHOLE_DONE.match(text[figure.end:figure.end + 60])
    if not whole or ACTED_ON.search(before_text) \
            or not any(PREDICATE.get(word) not in (None, "aboard") for word in whole.group(1).split()):
        return False
    rest = re.split(r"[,;.]", text[figure.end + whole.end():figure.end + 160])[0]
    return not any(PREDICATE.get(word.lower()) for word in re.findall(r"[A-Za-z]+", rest))


# How badly the hurt were hurt ("two critically injured", "12 in serious condition"): a part of all the hurt, and the
# badly hurt are not the lightly hurt.
BADLY = re.compile(r"\b(?:serious(?:ly)?|critical(?:ly)?|severe(?:ly)?|grave(?:ly)?|badly|life[- ]threatening)\b",
                   re.IGNORECASE)
LIGHTLY = re.compile(r"\b(?:minor|mild(?:ly)?|light(?:ly)?|slight(?:ly)?|stable)\b", re.IGNORECASE)
# A toll that counts the attacker ("Two died, including the shooter") is not a count of the victims.
WITH_ATTACKER = re.compile(r"\bincluding (?:the |a |one |two )?(?:gunm[ae]n|shooters?|attackers?|assailants?|"
                           r"bombers?|suspects?|perpetrators?|hijackers?)\b", re.IGNORECASE)
# Whom a count counts, as a modifier.
BASES = frozenset({"badly hurt", "lightly hurt", "with the attacker", "still in hospital", "to death", "to prison",
                   "adjusted"})
# A sum on another basis than the reported one: "Excluding special items, Meridian lost 1.12 dlrs a share".
ADJUSTED = re.compile(r"\b(?:[Ee]xcluding|[Bb]efore|[Ee]x)\s+(?:[a-z-]+\s+){0,2}(?:items|charges|costs|gains|one-offs)\b|"
                      r"\b(?:[Aa]djusted|[Uu]nderlying)\b")
# Where a count was counted: "in Alvor province", "across the state", "statewide".
SCOPE_WORDS = re.compile(r"^(?:in|at|across|throughout|inside|from|on|near|around|outside|within)$", re.IGNORECASE)
REGIONS = {"statewide": "state", "nationwide": "country", "countrywide": "country", "worldwide": "world",
           "citywide": "city", "regionwide": "region", "globally": "world", "nationally": "country"}
REGION_NOUNS = frozenset(stem(word) for word in """state country nation region province county district city town
village capital area world continent island coast prefecture municipality""".split())
# Times that divide a count: a weekend, a day alone, a named year; and times that only say when it was counted.
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKEND = frozenset(("saturday", "sunday"))
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
MONTH_PREFIX = {month[:3]: month for month in MONTHS} | {"sept": "september"}
SAYS = frozenset("said says told announced added stated claimed according".split())
# Verbs of speech: a time on the other side of one is not the count's ("97 rockets hit Israel, the army said on
# Friday").
SPEECH = frozenset("said says told according".split())
# Verbs of counting: the day they name is when the count was made.
COUNTING = frozenset("reported recorded registered counted logged confirmed tallied".split())
CHANGE_TO = re.compile(r"\b(?:rose|risen|rises|rising|climbed|climbs|jumped|grew|grown|increased|reached|reaching|"
                       r"raising|raised|swelled|soared|fell|fallen|dropped|declined|decreased|lowered|revised)\s+(?:\w+\s+){0,2}(?:to\s+|at\s+)?(?:about\s+|more than\s+|at least\s+)?"
                       r"[$£€]?$|\b(?:bringing|brought|taking|took|pushing|pushed)\s+(?:(?:the|its)\s+(?:\w+\s+){0,3})?to\s+"
                       r"(?:about\s+|more than\s+|at least\s+)?[$£€]?$", re.IGNORECASE)
# An earlier estimate, told as such: "officials had put the toll at 27", "had initially given the number as 40".
EARLIER = re.compile(r"\bhad (?:earlier |previously |initially |first )?(?:put|given|estimated|reported|set|placed)\b"
                     r"[^.;]{0,30}?\b(?:at|as)\s+(?:about |at least |more than |nearly |some |around )?[$£€]?$"
                     # "Police had initially reported seven deaths", "The toll, initially put at seven"
                     r"|\b(?:initially|originally|first) (?:reported|said|gave|counted|announced|(?:put|estimated|set|"
                     r"placed) at|given as)\s+(?:about |at least |"
                     r"more than |nearly |some |around )?[$£€]?$", re.IGNORECASE)
# A change told newest first: "expanded a recall ... to 310,000 vehicles from 180,000", "raised its forecast to $1.20
# from $1.05".
TO_FROM = re.compile(r"\bto\s+(?:about\s+|some\s+|nearly\s+|more than\s+|at least\s+)?[$£€]?$", re.IGNORECASE)
FROM_AFTER = re.compile(r"^[^.;\d]{0,40}?\bfrom\s+(?:the\s+)?(?:about\s+|some\s+)?[$£€]?\d")
# "up from the 900", ", from the 212,000 it announced last week", "rose to 65 from the 40 who began fasting".
FROM_THE = re.compile(r"(?:\b(?:up|down)\s+|,\s+|\bto\s+[$£€]?[\d.,]+(?:\s+[a-z]+){0,6}\s+)from\s+the\s+$",
                      re.IGNORECASE)
CHANGE_FROM = re.compile(r"\b(?:up|down) from\s+(?:about\s+)?[$£€]?$|\bfrom\s+(?:about\s+)?[$£€]?$", re.IGNORECASE)


@dataclass(frozen=True)
class Frame:
    """A figure of a sentence and what it is a figure of."""

    figure: Figure
    head: str  # the class of thing counted: "people", "troops", or a stem ("passeng", "acr"); "" when unknown
    modifiers: frozenset[str]  # words that narrow it ("republican", "portugues")
    predicate: str  # a class of PREDICATES, else the stem of the nearest verb, else ""
    scope: frozenset[str]  # where it was counted: stems of place names, or of a region noun ("state")
    period: frozenset[str] = frozenset()  # a span it covers: "weekend", "2019", "last year", "daily", a weekday
    since: str = ""  # "since January", "so far": counted from then until now
    as_of: str = ""  # "as of Tuesday night", "by Tuesday evening": when it was counted (the day)
    part: bool = False  # part of a larger count ("including 12 children")
    other: bool = False  # another set than the one beside it ("46 other miners", "18 others")
    role: str = ""  # "from" (an earlier value) or "to" (the newer one) when the sentence says it changed
    names: frozenset[str] = field(default=frozenset(), compare=False)  # the sentence's capitalized stems
    anaphoric: bool = False  # "the total had reached 1,150": a count the sentence before gave (see `resolve`)
    verb: str = ""  # with no predicate known, the stem of the verb nearest it ("broke", "strand"): what a source
    # must say too
    reference: bool = False  # a value compared with ("nearly double the 620 cases last year", "up from 48")
    across: frozenset[str] = field(default=frozenset(), compare=False)  # places its clause lists ("through
    # Mississippi, Alabama and Tennessee"): what a count with no place of its own may span
    subject: frozenset[str] = field(default=frozenset(), compare=False)  # a name its clause opens with as the one
    # counted in ("Mississippi was hardest hit, with 10 deaths"): its place, when the story names it as one
    named_as: str = field(default="", compare=False)  # the noun that names the count before it ("the number of
    # bodies recovered rose to 26"): what a note calls it
    own: bool = field(default=False, compare=False)  # the speaker's own losses ("six of its soldiers" died, "11 of
    # our men"): a count each side keeps of its own

    @property
    def kind(self) -> str:
        return self.figure.kind

    @property
    def comparable_at_all(self) -> bool:
        """A total of something, which another report can state differently: not a part, not "others", not an
        attribute, and known to count something."""
        return (not self.part and not self.other and not self.figure.attributive
                and self.kind in ("count", "money", "percent", "area", "weight") and bool(self.head)
                and (bool(self.predicate) or self.named))

    @property
    def named(self) -> bool:
        """A count of a named thing, with no known predicate ("1,800 tractors", "3,000 barrels"): compared only with
        counts of the same thing said with the same verb, in sentences closer in meaning (NAMED_SIMILARITY)."""
        return (self.kind == "count" and not self.predicate and self.head not in ("", ANYONE, "people")
                and not self.reference)


def _words(text: str) -> list[tuple[str, int, int]]:
    return [(match.group(0), match.start(), match.end()) for match in WORD.finditer(text)]


def _clause(words: list[tuple[str, int, int]], index: int) -> tuple[int, int]:
    """The word positions of the clause around word `index`: up to a semicolon or colon either way."""
    start = index
    while start > 0 and words[start - 1][0] not in (";", ":"):
        start -= 1
    end = index
    while end < len(words) and words[end][0] not in (";", ":"):
        end += 1
    return start, end


# Words of a tally a season can be the span of: "the number of avalanche deaths in Austria this winter".
TALLY_WORDS = frozenset("deaths dead died killed toll number total tally victims".split())
# What is said of those counted after them: "the number of villagers missing", "people dead".
SAID_AFTER = frozenset("dead missing injured wounded hurt".split())


def _phrase_end(first: str, rest: str) -> str:
    """The last noun of a noun phrase that starts with `first` and goes on in `rest` ("dengue" + " fever cases in
    ...": "cases"), at most three words, ending before a preposition, a verb or punctuation."""
    last = first.lower()
    for word in re.findall(r"\S+", rest)[:2]:
        if not re.fullmatch(r"[a-z]+", word) or word in STOPWORDS or word in PHRASE_ENDS or word in FINITE \
                or word.endswith("ed") or word in VERBS or word in SAID_AFTER or word in PARTICIPLES:
            break
        last = word
    return last


# Past participles that do not end in -ed: "the number of people taken to hospital".
PARTICIPLES = frozenset("""taken held seen given found sent brought caught kept left shot hit struck stricken driven
thrown beaten stolen hidden bitten born buried slain sold lost won""".split())


def _predicate_of(word: str, kind: str = "count") -> str:
    """The predicate a word says: for a sum of money, what the sum is (losses, a fine, an appeal)."""
    lower = word.lower()
    if kind == "money":
        return MONEY_TOPICS.get(lower, "")
    if kind == "area":
        return PREDICATE.get(lower) or AREA_VERBS.get(lower, "")
    return PREDICATE.get(lower, "")


def _head(words: list[tuple[str, int, int]], first: int) -> tuple[str, frozenset[str], bool, int, str]:
    """What the figure counts, from the words after it: (head, modifiers, other, the position after the noun
    phrase, the predicate the noun says)."""
    other = False
    run: list[str] = []
    position = first
    if position < len(words) and words[position][0].lower() == "of" and position + 1 < len(words) \
            and words[position + 1][0].lower() not in ("the", "them", "whom", "those", "these"):
        position += 1  # "thousands of troops"
        if position + 1 < len(words) and words[position][0].lower() in ("its", "their", "his", "her") \
                and words[position + 1][0][0].isalpha():
            position += 1  # "39 of its citizens"
        elif position + 2 < len(words) and re.fullmatch(r"[A-Z][\w-]*['’]s", words[position][0]) \
                and (words[position + 1][0][0].isdigit() or words[position + 1][0].lower() in SMALL_WORDS):
            position += 2  # "Seven of Tarsia's 19 commercial banks": banks
    while position < len(words) and len(run) < 4:
        word = words[position][0]
        lower = word.lower()
        if not word[0].isalpha():
            break
        if lower in OTHER:
            other = True
            position += 1
            if lower in ("others", "else"):
                break
            continue
        if lower in STOPWORDS and lower not in ("new",) or lower in ("who", "whom", "which", "that") \
                or lower in PHRASE_ENDS:
            break
        predicate = _predicate_of(word)
        describes = (not run and lower.endswith("ed") and position + 1 < len(words) and words[position + 1][0][0].isalpha()
                     and (words[position + 1][0][0].islower() or lower in PREDICATE)  # not "71,400 watched Harborough"
                     and words[position + 1][0].lower() not in STOPWORDS and words[position + 1][0].lower() not in PHRASE_ENDS
                     and not _predicate_of(words[position + 1][0]))
        names_next = (lower.endswith("ed") and len(lower) > 4 and lower not in NOT_VERBS and position + 1 < len(words)
                      and (words[position + 1][0][0].isupper() or words[position + 1][0].lower() in (
                          "the", "a", "an", "his", "her", "their", "its")))  # "71,400 watched Harborough City", "the"
        following = words[position + 1][0] if position + 1 < len(words) else ""
        # "14 arrest warrants", "three death threats": a noun before the noun counted, no verb
        nominal = bool(predicate) and not lower.endswith("ed") and re.fullmatch(r"[a-z]+[^s]s", following) is not None \
            and following not in STOPWORDS and following not in VERBS and not _predicate_of(following)
        if (predicate and lower not in PREDICATE_NOUNS and not (lower.endswith("s") and len(lower) > 4)
                or (lower.endswith("ed") and run) or lower in VERBS or names_next) and not describes and not nominal:
            break  # a verb ("600 soldiers killed"); not an adjective ("two injured drivers"); a plural noun ("three
            # hospitals") is the head
        run.append(lower)
        position += 1
        if lower in PREDICATE_NOUNS and not describes or lower in PLURALS or (lower.endswith("s") and not lower.endswith("ss")
                                                                  and len(lower) > 3 and word[0].islower()):
            break
    if not run:
        return "", frozenset(), other, position, ""
    last = run[-1].removesuffix("'s").removesuffix("’s")
    head = singular(last)
    of = []
    if position < len(words) and words[position][0].lower() == "of":
        for word, _, _ in words[position + 1:position + 4]:
            lower = word.lower()
            if not word[0].isalpha() or lower in VERBS or lower.endswith("ed") and len(lower) > 4 \
                    or _predicate_of(word) and not of:
                break  # "9,000 barrels of crude leaked": crude
            if lower not in STOPWORDS:
                of.append(lower)
            elif of:
                break
    of = of[:2]
    # "four counts of felony arson" and "four counts of felony conspiracy" count different things
    modifiers = frozenset([stem(word) for word in run[:-1] if word not in ("new",)] + [f"of {' '.join(of)}"] * bool(of))
    said = PREDICATE.get(last, "") if last in PREDICATE_NOUNS else "killed" if last == "lives" else ""
    if last in PREDICATE_NOUNS or last == "lives":
        return ANYONE, modifiers, other, position, said
    return SYNONYMS.get(last, head), modifiers, other, position, said


# Words that may stand between a count and where it was counted: "Six people died in Alvor province", "killed 31
# people across the state", "4,500 residents had been evacuated from Paso Loma".
BRIDGE = frozenset("""have has had been were was are is be being remain remained remains reportedly also still now
all so far confirmed to go will would""".split())


def _past_verb(words: list[tuple[str, int, int]], position: int, end: int, stops) -> int:
    """The position after a count's verb ("had been killed", "died"), up to four words, at the first word `stops`
    accepts or the first that is no part of a verb."""
    skipped = 0
    while position < end and skipped < 4 and not stops(words[position][0]):
        word = words[position][0].lower()
        if not (word in BRIDGE or _predicate_of(word) or word.endswith("ed")):
            break
        position += 1
        skipped += 1
    return position


def _past_site(words: list[tuple[str, int, int]], position: int, end: int) -> int | None:
    """After "at", the position of the "in" that says where a site named by common nouns is ("at the company's research
    centers in Lahtisaari and Kemijoki"), or None."""
    if position >= end or words[position][0].lower() not in ("the", "its", "their"):
        return None
    for number in range(position + 1, min(end, position + 6)):
        word = words[number][0]
        if word.lower() == "in" and number + 1 < end and words[number + 1][0][:1].isupper():
            return number
        if not word[:1].islower() and word not in ("'s", "’s"):
            return None
    return None


def _scope(words: list[tuple[str, int, int]], position: int, end: int) -> frozenset[str]:
    """Place names and region nouns of the phrase of place after the counted noun (and its verb)."""
    position = _past_verb(words, position, end,
                          lambda word: SCOPE_WORDS.match(word) is not None or word.lower() in REGIONS)
    if position < end and words[position][0].lower() in REGIONS:
        return frozenset({REGIONS[words[position][0].lower()]})
    found: set[str] = set()
    if position < end and SCOPE_WORDS.match(words[position][0]):
        named_after = _place_of(words, position + 1, end)
        if named_after:
            return named_after
        position = _past_site(words, position + 1, end) or position
        for number, (word, _, _) in enumerate(words[position + 1:min(end, position + 10)], start=position + 1):
            lower = word.lower()
            if word == "," and found and number + 1 < end and words[number + 1][0][:1].isupper():
                continue  # "in Mississippi, Alabama and Tennessee": every place of the list
            if lower in WEEKDAYS or lower.removesuffix("'s").removesuffix("’s") in WEEKDAYS or lower in MONTHS:
                break
            if lower in ("the", "and", "its", "their", "northern", "southern", "eastern", "western", "central",
                         "neighbouring", "neighboring", "nearby", "rural", "coastal", "remote"):
                continue
            if word[0].isupper():
                found.add(stem(lower.removesuffix("'s").removesuffix("’s")))
            elif stem(lower) in REGION_NOUNS:
                found.add(stem(lower))
            else:
                break
    named = {word for word in found if word not in REGION_NOUNS}
    return frozenset(named or found)


# A count told with the incident that caused it ("Two people died when a tree fell on their car in Gainesville"): the
# place of the incident is where it was counted.
INCIDENT = frozenset("when after as".split())


def _incident_place(words: list[tuple[str, int, int]], position: int, end: int) -> frozenset[str]:
    """The place named by "in" in a clause of the incident right after a count and its verb, up to a comma."""
    position = _past_verb(words, position, end, lambda word: word.lower() in INCIDENT)
    if position >= end or words[position][0].lower() not in INCIDENT:
        return frozenset()
    for index in range(position + 1, min(end, position + 14)):
        word = words[index][0]
        if word in (",", ";", ".") or word.lower() in SPEECH:
            break
        if word.lower() == "in":
            found = _scope(words, index, end)
            if found:
                return found
    return frozenset()


# "Provincial turnout was 59 per cent", "the regional death toll": the count of a part of the country.
REGION_NAMED = re.compile(r"\b(provincial|regional|state|local|municipal|county|district|city)\s+(?:death\s+)?"
                          r"(?:turnout|toll|tally|count)\b[^.;]{0,30}$", re.IGNORECASE)
# ... and "Alabama's toll climbed to 11": a place's own count.
PLACE_NAMED = re.compile(r"\b([A-Z][a-z]+)['’]s\s+(?:death\s+)?(?:turnout|toll|tally|count)\b[^.;]{0,30}$")


def _region_named(before: str) -> frozenset[str]:
    """The region or place whose own count the text before a figure names ("Provincial turnout", "Alabama's toll")."""
    named = REGION_NAMED.search(before)
    if named:
        return frozenset({stem(named.group(1).lower())})
    place = PLACE_NAMED.search(before)
    if place and place.group(1).lower() not in WEEKDAYS + MONTHS and place.group(1).lower() not in STOPWORDS:
        # Said as the place's own, a part even when every article names the place: not the story's whole count.
        return frozenset({stem(place.group(1).lower()) + "'s"})
    return frozenset()


# Those a count keeps, not cuts: "... but keep about 1,150".
KEPT_BEFORE = re.compile(r"\b(?:keep|keeps|kept|keeping|retain|retains|retained|retaining|save|saves|saved|spare|"
                         r"spared)\s+(?:about |some |nearly |around |more than |at least )?$", re.IGNORECASE)
# A site of a company as what loses the jobs: "the wafer plant here will lose 600 jobs", "its Ashford factory will
# cut 300": the site's part of the company's cuts.
SITE_CUTS = re.compile(r"\b(plant|factory|mill|division|unit|branch|site|office|store|mine|depot|refinery|"
                       r"subsidiary)(?:\s+[a-z]+){0,2}?\s+(?:will|would|is to|is set to|plans to|to)?\s*"
                       r"(?:lose|cut|shed|eliminate|axe)\s+(?:about |some |nearly |around |more than |at least )?$",
                       re.IGNORECASE)


def _site_named(before: str, predicate: str) -> frozenset[str]:
    """The site a count of cuts is said of, from the text before it."""
    site = SITE_CUTS.search(before) if predicate == "cut" else None
    return frozenset({stem(site.group(1).lower())}) if site else frozenset()


# Places named in a list: "Mississippi, Alabama and Tennessee", "Kent and Sussex".
PLACE_LIST = re.compile(r"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*,?\s+and\s+"
                        r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def _listed_places(text: str) -> frozenset[str]:
    """The stems of the names of every list of names in `text` (which of them are places, the story says)."""
    found: set[str] = set()
    for match in PLACE_LIST.finditer(text):
        for name in re.split(r",\s+|,?\s+and\s+", match.group(1)):
            found.update(stem(word.lower().removesuffix("'s").removesuffix("’s")) for word in name.split())
    return frozenset(found)


# A clause that opens with a name as what suffered or counted: "Mississippi was hardest hit", "Alabama reported".
SUBJECT_NAME = re.compile(r"^[\"“]?([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:['’]s)?\s+(?:was|were|is|has|had|reported|"
                          r"recorded|counted|suffered|saw|accounted|registered|confirmed)\b")


def _subject_name(text: str) -> frozenset[str]:
    match = SUBJECT_NAME.match(text)
    return frozenset(stem(word.lower()) for word in match.group(1).split()) if match else frozenset()


def _place_of(words: list[tuple[str, int, int]], position: int, end: int) -> frozenset[str]:
    """The place a phrase names after "of" when it says what kind of place it is first: "(in) the Corvalian port
    city of Port Anselm", "the mining town of Zhelvan": the town itself, not the country's adjective."""
    index = position
    while index < min(end, position + 5) and words[index][0].lower() != "of" and words[index][0].isalpha():
        index += 1
    if index == position or index >= end or words[index][0].lower() != "of" \
            or not any(word[0].lower() in SETTLEMENT_WORDS for word in words[position:index]):
        return frozenset()
    named = set()
    for word, _, _ in words[index + 1:min(end, index + 5)]:
        if not word[:1].isupper():
            break
        named.add(stem(word.lower().removesuffix("'s").removesuffix("’s")))
    return frozenset(named)


# Nouns that say what kind of place a phrase names before "of" and the name.
SETTLEMENT_WORDS = frozenset("""port city town village capital province region district county state island
resort suburb hamlet""".split())


# A place named before a count: "in Levy County, where four people died", "The death toll from a cholera outbreak in
# Zambia has risen to 131", "the storm's death toll across the Caribbean to 31".
PLACE_BEFORE = re.compile(
    r"\b(?:in|across|throughout)\s+(?:the\s+)?(?:(?:neighbouring|neighboring|northern|southern|eastern|western|"
    r"central)\s+)?(?P<place>[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,3})"
    r"(?:,\s+where(?:\s+[\d,.]+\s+and)?|(?:\s+[a-z][\w'’-]*){0,4}\s+(?:has\s+|had\s+|have\s+)?(?:rose|risen|climbed|reached|stood|"
    r"stands|jumped|increased|grew|to|at))"
    r"\s+(?:to\s+|at\s+)?(?:at least\s+|about\s+|some\s+|more than\s+|nearly\s+|around\s+|almost\s+)?$")


def _scope_before(before: str) -> frozenset[str]:
    """The place named before a count that names none after it, as `_scope` reads one."""
    match = PLACE_BEFORE.search(before)
    if match is None:
        return frozenset()
    found = {stem(word.lower().removesuffix("'s").removesuffix("’s")) for word in match.group("place").split()
             if word[0].isupper() and word.lower() not in WEEKDAYS and word.lower() not in MONTHS}
    return frozenset(found)


def _basis(after: str, predicate: str) -> frozenset[str]:
    """What the rest of a count's clause says of whom it counts (one of `BASES`): how badly the hurt were hurt,
    or that a toll counts the attacker."""
    window = after[:60]
    if predicate == "injured" and (BADLY.search(window) or LIGHTLY.search(window)):
        return frozenset({"badly hurt" if BADLY.search(window) else "lightly hurt"})
    if predicate == "killed" and WITH_ATTACKER.search(window):
        return frozenset({"with the attacker"})
    if predicate == "hospitalized" and BADLY.search(re.split(r"[,;]", window)[0]):
        return frozenset({"badly hurt"})  # "Four of them remain in serious condition in a city hospital"
    if predicate == "hospitalized" and STILL_IN.search(window):
        return frozenset({"still in hospital"})
    if predicate == "convicted" and TO_DEATH.match(window):
        return frozenset({"to death"})  # "sentenced 14 people to death", not the 27 "sentenced to prison terms"
    if predicate == "convicted" and TO_PRISON.match(window):
        return frozenset({"to prison"})
    return frozenset()


# What the convicted were sentenced to: "sentenced 14 people to death", "27 others received prison terms".
TO_DEATH = re.compile(r"^\W*(?:[\w'’-]+\s+){0,4}?(?:to death|death sentences?)\b", re.IGNORECASE)
TO_PRISON = re.compile(r"^\W*(?:[\w'’-]+\s+){0,4}?(?:to (?:prison|jail|life)|prison terms?|jail terms?|(?:were|was) jailed"
                       r"|to \w+ years)\b", re.IGNORECASE)
# Those still in hospital are not all those taken there: "41 people were still in hospital" after "sent more than 300
# to hospital".
STILL_IN = re.compile(r"^\W*(?:\w+\s+){0,3}?(?:still|remain|remained|remains|remaining)\b", re.IGNORECASE)


def _fronted_scope(words: list[tuple[str, int, int]], start: int, end: int) -> frozenset[str]:
    """The place a clause opens with ("In neighbouring Alvor province, six people ..."), for its counts."""
    if start < end and SCOPE_WORDS.match(words[start][0]) and words[start][0].lower() in ("in", "across", "at",
                                                                                          "throughout", "inside"):
        comma = next((index for index in range(start, min(end, start + 8)) if words[index][0] == ","), None)
        if comma is not None:
            return _scope(words, start, comma)
    return frozenset()


SMALL_WORDS = frozenset("two three four five six seven eight nine ten twelve".split())
YEAR = re.compile(r"(1[89]\d\d|20\d\d)")


def _time_words(words: list[tuple[str, int, int]], start: int, end: int) -> list[tuple[int, str, str]]:
    """(position, kind, key) of each expression of time in the clause: kind "period" (a span the count covers),
    "since" or "as of". When something was said ("said on Sunday", "On Monday, officials said") and the day that
    names an event ("Saturday's shelling", "the weekend floods") are not times of a count."""
    found: list[tuple[int, str, str]] = []
    for index in range(start, end):
        raw = words[index][0].lower().rstrip(".")
        word = raw.removesuffix("'s").removesuffix("’s")
        previous = words[index - 1][0].lower() if index > start else ""
        previous2 = words[index - 2][0].lower() if index - 1 > start else ""
        following = words[index + 1][0].lower() if index + 1 < end else ""
        dated = index + 1 < end and words[index + 1][0][0].isdigit()
        if word in WEEKDAYS or words[index][0][0].isupper() and (word in MONTHS and word != "may"
                                                                   or word in MONTH_PREFIX and dated):
            day = MONTH_PREFIX.get(word, word)
            near = [w[0].lower() for w in words[max(start, index - 3):min(end, index + 4)]]
            if raw != word or day in WEEKDAYS and any(w in SAYS or w.startswith("said") for w in near) \
                    or day in WEEKDAYS and following in ("night's", "night’s", "morning's", "morning’s", "evening's",
                                                         "evening’s", "afternoon's", "afternoon’s"):
                continue  # "Saturday's shelling", "Sunday night's sinking"; "said on Sunday" (a month is never only
                # when it was said)
            counted = any(w[0].lower() in COUNTING for w in words[max(start, index - 8):index])
            if previous == "of" and previous2 == "as" or previous == "by" or day in WEEKDAYS and counted:
                found.append((index, "as of", day))  # "as of Tuesday", "reported 212 cases on Friday"
            elif previous == "since" or previous in ("early", "mid", "late") and previous2 == "since":
                continue  # "since early July": the start, which the word "since" reads with its phrase below
            elif day in MONTHS and previous in ("last", "this", "next"):
                found.append((index, "period", f"{previous} {day}"))
            else:
                found.append((index, "period", day))
        elif word in ("weekend", "yesterday", "daily", "annually", "weekly", "monthly"):
            if word == "weekend" and following.isalpha() and following not in STOPWORDS and following != "alone" \
                    and previous not in ("over", "during", "at", "on", "through", "this", "all") \
                    and not (previous == "the" and previous2 in ("over", "during", "at", "on", "through")):
                continue  # "the weekend floods", "after weekend tornadoes killed 23": the event's name
            found.append((index, "period", word))
        elif word in ("hours", "days", "weeks", "months") and (previous.isdigit() or previous in SMALL_WORDS) \
                and previous2 in ("last", "past", "previous", "first", "next"):
            found.append((index, "period", f"{previous2} {previous} {word}"))  # "over the last 24 hours"
        elif word in ("days", "weeks", "months") and (previous.isdigit() or previous in SMALL_WORDS) \
                and previous2 == "the" and index - 3 >= start and words[index - 3][0].lower() in (
                    "during", "over", "throughout"):
            found.append((index, "period", f"{previous} {word}"))  # "11 died during the five weeks of campaigning"
        elif word in ("years", "year", "decades", "decade", "months", "month") and following == "ago" and (
                previous.isdigit() or previous in SMALL_WORDS or previous in ("a", "eleven", "several", "few")):
            found.append((index, "period", f"{previous} {word} ago"))  # "Six years ago, a similar pile-up killed 13"
        elif word == "season" and previous in ("this", "last", "the", "whole", "full", "per", "a"):
            found.append((index, "period", f"{previous} season"))
        elif word in ("winter", "summer", "spring", "autumn") and previous in ("each", "every", "per"):
            found.append((index, "period", "a season"))  # "Avalanches kill about 25 people in Austria each winter"
        elif word in ("winter", "summer", "spring", "autumn") and previous in ("this", "last", "the", "whole", "past") \
                and (previous2 == "far" or index - start <= 2
                     or raw == word and any(words[k][0].lower() in TALLY_WORDS for k in range(max(start, index - 6), index))):
            # "So far this winter, 14 people have died", "the number of avalanche deaths in Austria this winter" (not
            # "the largest blaze in the county this summer", "the death toll from this summer's floods")
            found.append((index, "period", f"{previous} {word}"))
        elif word in ("year", "week", "month", "night", "day") and (raw == word or previous == "last") and previous in (
                "last", "past", "a", "per", "each", "every", "same", "whole", "full", "next") and not (
                previous == "a" and following == "of"):
            # not "damage from a week of flooding"; "a week after 41,200 watched" is the time of the count after it
            found.append((index, "period" if raw == word and not (previous == "a" and following == "after")
                          else "possessive", f"{previous} {word}"))
        elif word == "year" and previous in ("average", "typical", "normal"):
            found.append((index, "period", "a year"))  # "About 250 people die in ferry accidents in an average year"
        elif word == "year" and previous == "this":
            found.append((index, "since", "this year"))
        elif word == "far" and previous == "so":
            found.append((index, "since", "so far"))
        elif word == "since" and previous in ("time", "win", "title", "victory", "trophy"):
            continue  # "for the first time since 1971": when it last happened, not a count's start
        elif word == "since" and index + 1 < end and words[index + 1][0][0].isalpha():
            # the start's words up to a comma: "since the monsoon began in mid-June"
            phrase = []
            for w in words[index + 1:min(end, index + 8)]:
                if not w[0][0].isalnum():
                    break
                if w[0].lower() not in STOPWORDS:
                    phrase.append(w[0].lower())
            found.append((index, "since", " ".join(phrase[:4])))
        elif YEAR.fullmatch(word) and following.startswith("s-"):
            continue  # a decade that describes a thing ("the 1960s-era infirmary")
        elif YEAR.fullmatch(word) and following == "s" and previous in ("in", "the", "during", "through", "since"):
            found.append((index, "since" if previous == "since" else "period", f"{word}s"))  # "in the 1990s"
        elif YEAR.fullmatch(word) and _compared_with(words, index, start):
            continue  # "58 percent, down from the last election in 1999": the time of the value compared with
        elif YEAR.fullmatch(word) and following == "," and index + 2 < len(words) \
                and words[index + 2][0].lower() == "when":
            found.append((index, "period", word))  # "The worst season was 2003, when 390,000 hectares burned"
        elif YEAR.fullmatch(word) and (previous in ("in", "of", "for", "during", "through", "a", "the")
                                       or previous in MONTHS or raw != word):
            found.append((index, "period" if raw == word else "possessive", word))  # "in 2019", "a 2019 fire", "2019's floods"
        elif YEAR.fullmatch(word) and previous == "since" and previous2 not in ("time", "win", "title", "victory",
                                                                                 "trophy"):
            found.append((index, "since", word))
    return found


def _compared_with(words: list[tuple[str, int, int]], index: int, start: int) -> bool:
    """Does the word at `index` end a phrase of comparison without a figure of its own ("down from the last election in
    1999"; not "up from 9 million in 2018", whose year is the time of the 9 million)?"""
    before = [word.lower() for word, _, _ in words[max(start, index - 6):index]]
    return any(word == "from" and position > 0 and before[position - 1] in ("down", "up", "rising", "falling")
               and not any(later[0].isdigit() for later in before[position + 1:])
               for position, word in enumerate(before))


def _role(text: str, figure: Figure) -> str:
    if figure.role:
        return figure.role
    before = text[max(0, figure.start - 50):figure.start]
    if _changed_from(text, figure.start) or EARLIER.search(before):
        return "from"
    if CHANGE_TO.search(before) or TO_FROM.search(before) and FROM_AFTER.match(text[figure.end:figure.end + 60]):
        return "to"
    if re.match(r"^[^.;]{0,30}?\b(?:a week|a day|two days|days|a month) (?:ago|earlier)\b", text[figure.end:]):
        return "from"
    return ""


# A count said to come on top of another set: "93 were detained overnight ..., in addition to those arrested".
IN_ADDITION_TO = re.compile(r"^[^.;]{0,160}?,\s+(?:in addition to|on top of|besides)\s+(?:those|the\s+[\d,]+|the\s+[a-z]+\s+"
                            r"(?:already|previously|earlier))\b", re.IGNORECASE)


def _changed_from(text: str, start: int) -> bool:
    """Is the figure at `start` a value a count changed from ("up from the eight", ", from 212,000")?"""
    before = text[max(0, start - 50):start]
    return FROM_THE.search(before) is not None or CHANGE_FROM.search(before) is not None


# A value the sentence compares with: "nearly double the 620 cases", "compared with 12,400", "more than the 300".
COMPARED = re.compile(r"\b(?:double|triple|twice|half|compared (?:with|to)|than|against|versus|vs\.?|from|on top of|"
                      r"in addition to|besides)\s+(?:the |a |"
                      r"about |some |nearly |almost |roughly )*$"
                      # "compared with a profit of", "against net income of": the sum of the time compared with
                      r"|\b(?:compared (?:with|to)|against|versus|vs\.?)\s+(?:the |a |an )?(?:[a-z-]+ ){1,3}?of\s+"
                      r"(?:about |some |nearly |almost |roughly )*$", re.IGNORECASE)
# A value of the time before, told after it: "12.4 mln dlrs a year earlier", "a loss of 3 mln the year before".
YEAR_BEFORE = re.compile(r"^(?:\s+(?!from\b|to\b)[a-z.]+){0,2}?\s+(?:a|one|the) (?:year|quarter) (?:earlier|before|ago)\b")
# A sentence on an earlier event than the story's: "That storm killed about 400 people", "A similar pile-up killed 13".
ANOTHER_EVENT = re.compile(r"\W*(?:That|A similar|An earlier|The previous|The last|A previous)\s+(?:[a-z]+\s+)?"
                           r"(?:storm|cyclone|typhoon|hurricane|quake|earthquake|flood|floods|fire|blaze|attack|"
                           r"bombing|crash|disaster|epidemic|outbreak|stampede|pile-up|collision|explosion|blast|"
                           r"landslide|tsunami|eruption)\b")
# A count of an earlier time: "The company previously cut 1,100 jobs".
PAST = re.compile(r"\b(?:previously|earlier|formerly|once|already)\s+(?:had\s+)?[a-z]+(?:ed|t)\s+(?:about |some |nearly |"
                  r"more than |around )?$", re.IGNORECASE)
# A rate, not a total: "1.23 dlrs per share", "$5 a barrel".
PER = re.compile(r"^\s*(?:dlrs?|dollars?|euros?|pounds?|cents?)?\s*(?:a|per|each) (share|head|person|barrel|tonne|ton|year|"
                 r"month|day|hour|week|gallon|litre|liter|kilo|kg|pound|unit)\b", re.IGNORECASE)
# A count that is a rate: "717 missing persons reports a year per 100,000 residents".
RATE = re.compile(r"^[^.;,]{0,40}?\bper (?:[\d,]+|capita|head|cent)\b", re.IGNORECASE)
# A forecast, not an outcome: "analysts had expected $1.18".
EXPECTED = re.compile(r"\b(?:expected|expect|expects|forecast|forecasts|projected|predicted|anticipated|consensus)\b",
                      re.IGNORECASE)
# "the number of bodies recovered (after the capsizing) rose to 26", "the number of homes destroyed rose from 48 to
# 57", "put the number of rebels killed at 12": what the count counts, before it.
# What an event adds to a running tally: "brought to 61 the number of people killed by tornadoes this year".
RUNNING_TALLY = re.compile(r"\b(?:brought|brings|bringing|took|takes|taking|pushed|pushes|pushing|raised|raises|"
                           r"raising)\s+(?:the\s+\w+\s+)?to\s+(?:at least |about |more than |nearly |some )?$",
                           re.IGNORECASE)
# "the number of (miners') (confirmed) bodies (recovered)": the noun counted, and a participle after it.
NUMBER_OF_NOUN = (r"(?:number|total|tally|count) of (?:[a-z]+(?:['’]s|s['’])\s+)?"
                  r"(?:(?:confirmed|reported|recorded|registered|known|suspected)\s+)?([a-z]+)(?: ([a-z]+ed))?\b")
NUMBER_OF = re.compile(r"\b" + NUMBER_OF_NOUN + r"(?:(?:\s+[\w'’-]+){0,14}?\s+(?:rose|"
                       r"risen|rises|climbed|climbs|reached|reaches|stood|stands|increased|increases|jumped|jumps|grew|"
                       r"grows|hit|hits|was|is|had|has|now)(?:\s+(?:to|at|from(?:\s+[\d,.]+\s+to)?))?|\s+at"
                       r"|(?:\s+[\w'’-]+){1,14}?\s+at)"
                       r"[,\s]+(?:at least |about |more than |nearly |some |around |almost )?$", re.IGNORECASE)
# "bringing the number of blue helmets killed in the attack to five": what the running count counts, before it.
NUMBER_OF_TO = re.compile(r"\b(?:bringing|brought|brings|taking|took|takes|raising|raised|raises|pushing|pushed|pushes)"
                          r"\s+the\s+" + NUMBER_OF_NOUN + r"(?:\s+[\w'’-]+){0,14}?\s+to[,\s]+"
                          r"(?:at least |about |more than |nearly |some |around |almost )?$", re.IGNORECASE)
# A count of the speaker's own: "six of its soldiers", "11 of our own men".
OWN_AFTER = re.compile(r"^\s+(?:of\s+(?:its|our|their)\s|(?:of\s+)?(?:its|our|their)\s+own\b)", re.IGNORECASE)
OWN_BEFORE = re.compile(r"\b(?:its|our|their)\s+own\s+$", re.IGNORECASE)
# How far before a count the noun that says what it counts may stand: "The death toll from Wednesday's collision
# between a passenger express and a freight train in central Daravia rose to 44" (twenty words, no comma between).
COUNT_BEFORE_CHARS = 160
# Nouns that stand for a count given before: "the figure had risen to 47", "the total reached 1,150".
ANAPHORS = frozenset("figure number total tally count".split())
# Words before a count that say what it counts: "casualties exceeding 1,000", "the death toll of 65", "the injured,
# 18 in all".
COUNT_BEFORE = re.compile(r"\b(?P<noun>casualties|deaths|dead|toll|injured|wounded|missing|cases|arrests|evacuees|crowd|"
                          r"figure|number|total|tally|count)"
                          r"(?:(?:\s+(?:of|at|to|exceeding|topping|stood at|stands at|reached|rose to|is|was|were|now|had|"
                          r"has|climbed to|increased to|risen to|jumped to)){0,2}|(?:\s+[\w'’.-]+){1,20}?\s+(?:rose|risen|"
                          r"climbed|reached|stood|stands|increased|jumped|grew|hit|was|is|now)"
                          r"(?:\s+(?:to|at|from(?:\s+[\d,.]+\s+to)?))?)"
                          r"[,\s]+(?:at least |about |more than |nearly |some |around |almost )?$", re.IGNORECASE)


def frames(text: str, read: list[Figure] | None = None) -> list[Frame]:
    """The frame of every figure of `text` that counts or measures something (`read`: its figures, when read
    already)."""
    found: list[Frame] = []
    given = figures(text) if read is None else read
    all_figures = [figure for figure in given if figure.kind in ("count", "money", "percent", "area", "weight")]
    # A figure the one before gives in another unit ("18,500 acres (7,500 hectares)") is that figure again.
    converted = {id(figure) for number, figure in enumerate(all_figures)
                 if is_conversion(text, figure, all_figures[number - 1] if number else None)}
    if not all_figures:
        return found
    words = _words(text)
    names = frozenset(stem(word.lower().removesuffix("'s").removesuffix("’s")) for index, (word, _, _)
                      in enumerate(words) if index > 0 and word[0].isupper() and word.lower() not in STOPWORDS)
    positions = [max(0, next((index for index, (_, start, _) in enumerate(words) if start >= figure.end), len(words)) - 1)
                 for figure in all_figures]
    clauses = [_clause(words, position) for position in positions]
    # (The place patterns run only on sentences holding what each needs.)
    lower = text.lower()
    nationwide = any(cue in lower for cue in ("nationwide", "nationally", "countrywide", "across the"))
    neighbouring = "neighbo" in lower
    times: dict[int, list[tuple[str, str]]] = {number: [] for number in range(len(all_figures))}
    fronted: dict[tuple[int, int], frozenset[str]] = {}
    for clause in set(clauses):
        members = [number for number, other in enumerate(clauses) if other == clause]
        fronted[clause] = _fronted_scope(words, *clause)
        later: list[tuple[int, str, str, list[int]]] = []
        for index, kind, key in _time_words(words, *clause):
            if kind == "as of":
                # When the counting was done holds for every count of the clause when said before or after all of
                # them; between two counts, for the one after it ("31 on Saturday, and by Sunday ... 47").
                after_it = [number for number in members if positions[number] > index]
                owners = members if len(after_it) in (0, len(members)) else after_it[:1]
                if not after_it and len(members) > 1 and _changed_from(text, all_figures[members[-1]].start):
                    owners = members[-1:]  # "left 11 wounded, up from the eight reported on Saturday": the eight's
                for number in owners:
                    times[number].append((kind, key))
                continue
            # A time belongs to the nearest count before it (else the first after it), not across "said"; a count
            # right after it with no time of its own shares it ("in 2019 over an attack that killed four"). A time
            # said as a possessive names what follows it ("15,800 so far, above last year's total of 12,400").
            reachable = [number for number in members if not any(
                words[k][0].lower() in SPEECH for k in range(min(positions[number], index), max(positions[number], index)))]
            fronting = kind != "possessive"
            if kind == "possessive":
                kind = "period"
                reachable = [number for number in reachable if positions[number] > index]
            left = [number for number in reachable if positions[number] < index]
            right = [number for number in reachable if positions[number] > index]
            if fronting and not left and len(right) > 1 and kind == "period" and (
                    YEAR.fullmatch(key) or key in MONTHS or key in ("last year", "last month", "last week")):
                # A year or month said before every count of its clause is theirs: "On March 22, 1991, a tornado killed 12
                # people ... and destroyed 140 homes".
                for number in right:
                    times[number].append((kind, key))
                continue
            ago = index + 1 < clause[1] and words[index + 1][0].lower() in ("ago", "earlier")
            if ago and left and not COMPARED.search(text[max(0, all_figures[left[-1]].start - 40):
                                                         all_figures[left[-1]].start]):
                continue  # "2.2 bln dlrs in May, up from 1.4 bln a year earlier": the time of a value not read
            if left or right:
                times[(left or right)[-1 if left else 0]].append((kind, key))
            if left and right and not ago:  # "up from 34 a week ago, and ... 1,600": the week is the 34's
                later.append((index, kind, key, right))
        for index, kind, key, right in later:
            if not any(own_kind == kind for own_kind, _ in times[right[0]]):
                times[right[0]].append((kind, key))
    listed = {clause: _listed_places(text[words[clause[0]][1]:words[clause[1] - 1][2]] if clause[1] > clause[0]
                                     else "") for clause in set(clauses)}
    subjects = {clause: _subject_name(text[words[clause[0]][1]:]) if clause[1] > clause[0] else frozenset()
                for clause in set(clauses)}
    earlier_event = ANOTHER_EVENT.match(text) is not None
    previous_head: tuple[str, frozenset[str]] | None = None
    for number, figure in enumerate(all_figures):
        first = positions[number] + 1
        clause_start, clause_end = clauses[number]
        said, anaphoric, total_named, named_by_noun, named_as = "", False, False, False, ""
        if figure.kind in ("area", "weight"):
            head, modifiers, other, after = figure.unit, frozenset(), False, first + 1
        elif figure.kind in ("money", "percent"):
            head, modifiers, other, after = figure.unit or figure.kind, frozenset(), False, first
            if figure.kind == "money" and first < len(words) and words[first][0].lower() in (
                    "dollars", "dlrs", "euros", "pounds", "sterling", "yuan", "yen", "rupees"):
                after = first + 1
            rate = PER.match(text[figure.end:])
            near = text[max(0, figure.start - 30):figure.start] + " " + re.split(r"[,.;]|\d", text[figure.end:figure.end + 40])[0]
            basis = re.split(r"[.;]", text[max(0, figure.start - 80):figure.start])[-1] + text[figure.end:figure.end + 40]
            modifiers = frozenset(([f"per {rate.group(1).lower()}"] if rate else [])
                                  + (["expected"] if EXPECTED.search(near) else [])
                                  + (["adjusted"] if ADJUSTED.search(basis) else []))
        else:
            head, modifiers, other, after, said = _head(words, first)
            noun = COUNT_BEFORE.search(text[max(0, figure.start - COUNT_BEFORE_CHARS):figure.start])
            window = max(0, figure.start - 120)
            counted = NUMBER_OF.search(text[window:figure.start]) or NUMBER_OF_TO.search(text[window:figure.start])
            total_named = not head and counted is not None  # "the number of cases": not the count beside it
            if not head and counted:
                # "The number of bodies recovered ... rose to 26"; "the number of dengue fever cases": its last noun
                noun_word = _phrase_end(counted.group(1), text[window + counted.end(1):window + counted.end(1) + 60])
                head = SYNONYMS.get(noun_word, singular(noun_word))
                said = _predicate_of(counted.group(2) or "") or _predicate_of(noun_word) or next(
                    (PREDICATE[word] for word in re.findall(r"[a-z]+", text[window + counted.end(1):window + counted.end()])
                     if word in PREDICATE), "")  # "the number of people taken to hospital with ... has risen to"
                if noun_word in PREDICATE_NOUNS:
                    head = ANYONE
                else:
                    named_as = noun_word
            elif not head and noun and noun.group("noun").lower() in ANAPHORS:
                # "the figure had risen to 47": the count the sentence (or the one before it) gave
                if found:
                    head, modifiers, said = found[-1].head, found[-1].modifiers, found[-1].predicate
                else:
                    head, anaphoric = ANYONE, True
            elif not head and noun:
                head, said = ANYONE, PREDICATE.get(noun.group("noun").lower(), "")
                # "and the death toll to 15": the dead, whatever came before (not a verb: "and wounded three others")
                named_by_noun = bool(said) and noun.group("noun").lower() not in ("injured", "wounded", "missing")
        before_text = text[max(0, figure.start - 60):figure.start]
        if re.search(r"\b(?:another|other|additional|further|remaining|more)\s+$", before_text, re.IGNORECASE):
            other = True  # "axing another 3,000 jobs", "the other three had injuries"
        if IN_ADDITION_TO.match(text[figure.end:figure.end + 200]):
            other = True  # "93 people were detained overnight ..., in addition to those arrested at the march"
        # A share is a share of something ("61 percent of the country's voters"): no part of another count.
        share = figure.kind == "percent"
        part = bool(PART_BEFORE.search(before_text) or not share and PART_AFTER.match(text[figure.end:figure.end + 30])
                    or ALONE_BEFORE.search(text[max(0, figure.start - 120):figure.start]))
        if not share and re.match(r"^\s+of\s+(?:the|them|whom)\b(?!\s+(?:[a-z][\w-]*['’]s?\s+)?(?:[\d$£€]|" + SPELLED_NUMBER + "))", text[figure.end:],
                                  re.IGNORECASE):
            part = True  # "Twelve of the dead" (not "52 of the 141 seats": 52 seats)
        if _part_of_whole_done(text, figure, before_text):
            part = True
        if part and AMONG_WHOLE.search(before_text):
            part = False  # "Six Britons were among 14 people killed": 14 is all of them
        # "Fifteen of them have been admitted to hospital": all of those admitted (not "Nine of those killed")
        of_them = re.match(r"^\s+of\s+(?:them|whom)\b", text[figure.end:]) is not None
        following = [word.lower() for word, _, _ in words[first:first + 3]]
        events_of_people = bool(said) and figure.kind == "count" and EVENTS_OF_PEOPLE.match(text[figure.end:]) is not None
        if (not head or head == ANYONE and said and not total_named and not named_by_noun and not events_of_people) \
                and previous_head is not None \
                and figure.kind == "count" and (
                other or said or any(word in FINITE or _predicate_of(word) for word in following)):
            # "around 1,000 had been killed", "162 others", "three soldiers were killed and 12 wounded": the count
            # beside it
            head, modifiers = previous_head
        if figure.kind == "count" and head and head != ANYONE:
            previous_head = (head, modifiers)
        predicate = said or _nearest_predicate(text, words, positions[number], after, clause_start, clause_end,
                                               figure.kind)
        if figure.kind == "count" and CAPACITY_BEFORE.search(text[max(0, figure.start - 40):figure.start]):
            predicate = "capacity"  # "licensed to carry 150 passengers, had about 300 people on board"
        if figure.kind == "count" and POPULATION_BEFORE.search(text[max(0, figure.start - 40):figure.start]):
            predicate, head = "", "population"  # "Lefkonisi, with a population of 4,000, could not host them"
        if figure.kind == "money":
            named = SUM_NAMED.search(text[max(0, figure.start - 60):figure.start])
            if named and named.group(1).lower() in MONEY_TOPICS:
                predicate = MONEY_TOPICS[named.group(1).lower()]  # "a restructuring charge of 45 mln dlrs to pay ..."
        if head in EVENT_HEADS and predicate in PERSONAL_OUTCOMES:
            predicate = ""  # "three crashes in which two people suffered minor injuries": the crashes hurt no one
        if predicate == "cut" and KEPT_BEFORE.search(text[max(0, figure.start - 30):figure.start]):
            predicate = ""  # "will lose 600 jobs but keep about 1,150": those kept are no cut
        if figure.kind == "count" and not head and predicate in CHANGING:
            head = ANYONE
        if figure.kind == "count" and not predicate and head == "fans" and WATCHING.search(
                text[max(0, figure.start - 30):figure.start]):
            predicate = "attended"  # "in front of 78,000 spectators", "before 81,500 fans": the crowd
        if of_them and number == 0 and predicate:
            part = False  # "Forty-eight were infected. Fifteen of them have been admitted to hospital": all admitted
        partitive = PARTITIVE_NOUN.match(text[figure.end:figure.end + 40])
        if part and predicate and partitive and ACTED_ON.search(before_text) and not PART_BEFORE.search(before_text) \
                and not ALONE_BEFORE.search(text[max(0, figure.start - 120):figure.start]):
            # "Police have caught 29 of the inmates who escaped": all those caught, of the inmates; "killed eight of
            # the attackers": attackers, not the soldiers the sentence before counted
            part = False
            noun_word = partitive.group(1).lower()
            head = SYNONYMS.get(noun_word, singular(noun_word))
        if other and predicate and any(earlier.predicate and earlier.predicate != predicate for earlier in found):
            other = False  # "14 have died and 24 others remain missing": others than the dead, all the missing
        if figure.vague and re.match(r"\s+more\b", text[figure.end:figure.end + 6]):
            other = True  # "destroyed 3,100 homes and damaged thousands more": more than those, a detail
        clause_text = text[figure.end:words[clause_end - 1][2] if clause_end else figure.end]
        modifiers = modifiers | _basis(clause_text, predicate)
        days_said = DAYS_SPAN.search(text[figure.end:figure.end + 60]) if predicate == "attended" else None
        period = frozenset(key for kind, key in times[number] if kind == "period") | (
            {"before"} if PAST.search(text[max(0, figure.start - 40):figure.start]) else set()) | (
            {"another event"} if earlier_event else set()) | (
            {"one day" if days_said.group("one") else "days"} if days_said else set())
        since = next((key for kind, key in times[number] if kind == "since"), "")
        if since in ("so far", "this year") and RUNNING_TALLY.search(text[max(0, figure.start - 40):figure.start]) \
                and text[figure.end:figure.end + 15].lstrip().lower().startswith("the number of"):
            period |= {"year to date"}  # "The deaths brought to 61 the number of people killed ... this year"
        as_of = next((key for kind, key in times[number] if kind == "as of"), "")
        scope = _scope(words, after, clause_end) or _incident_place(words, after, clause_end) or fronted[
            clauses[number]] or _scope_before(
            text[max(0, figure.start - COUNT_BEFORE_CHARS):figure.start]) or _region_named(
            text[max(0, figure.start - 60):figure.start]) or _site_named(
            text[max(0, figure.start - 60):figure.start], predicate)
        several = SEVERAL_PLACES.match(text[figure.end:figure.end + 100])
        if several:
            scope = scope | {f"several {singular(several.group(1).lower())}"}  # "... so far this year in seven countries"
        if TOGETHER_BEFORE.search(text[max(0, figure.start - 50):figure.start]):
            scope = scope | {"together"}  # "seven fires, which together have charred about 40,000 acres"
        if neighbouring and (NEIGHBOURING.search(text[max(0, figure.start - 120):figure.start])
                             or NEIGHBOURING.match(text[figure.end:figure.end + 60])):
            scope = scope | {"neighbouring"}  # "In neighbouring Spain, fires have burned about 60,000 hectares"
        if nationwide and (NATIONWIDE.search(text[:figure.start])
                           or NATIONWIDE.match(text[figure.end:figure.end + 40])):
            scope = scope | {"nationwide"}  # "Nationwide, the floods have killed more than 40 people"
        verb = "" if predicate else _nearest_verb(words, positions[number], after, clause_start, clause_end,
                                                  figure.start)
        role = _role(text, figure)
        rate = RATE.search(text[figure.end:figure.end + 60]) is not None and figure.kind == "count"
        reference = (role == "from" or COMPARED.search(text[max(0, figure.start - 40):figure.start]) is not None
                     or rate or YEAR_BEFORE.match(text[figure.end:figure.end + 40]) is not None
                     or id(figure) in converted
                     or NUMBERING.search(text[max(0, figure.start - 30):figure.start]) is not None)
        if rate:
            modifiers = modifiers | {"rate"}  # "15 per 100,000 people in a week": a rate, no count of the story's
        if figure.kind == "count" and predicate and (
                ONE_MORE.match(text[figure.end:figure.end + 60])
                or predicate in ("killed", "injured") and ONE_BEFORE.search(text[max(0, figure.start - 60):figure.start])):
            part = True  # "killing two students and a teacher": three were killed, two of them students
        if figure.kind == "count" and (re.search(r"\bper\s+$", text[max(0, figure.start - 5):figure.start])
                                       or LATER_DEATHS.match(text[figure.end:figure.end + 80])
                                       or WORST_HIT.search(text[max(0, figure.start - 160):figure.start])):
            # the 100,000 of a rate; "Eighteen people died of their injuries overnight": more of the dead; "the
            # eastern region has been worst hit, with 640 deaths": a part
            part = True
        # (its own losses: not "about 2,300 of its workers have joined the strike", which the union counts too)
        own = figure.kind == "count" and predicate in ("killed", "injured", "missing") and (
            OWN_AFTER.match(text[figure.end:figure.end + 30]) is not None
            or OWN_BEFORE.search(text[max(0, figure.start - 20):figure.start]) is not None)
        found.append(Frame(figure, head, modifiers, predicate, scope, period, since, as_of, part, other, role, names,
                           anaphoric, verb, reference, listed[clauses[number]], subjects[clauses[number]],
                           own=own, named_as=named_as))
    for number, frame in enumerate(found[1:], start=1):
        before = found[number - 1]
        if before.part and not frame.part and frame.kind == before.kind and frame.predicate == before.predicate \
                and LIST_GOES_ON.search(text[before.figure.end:frame.figure.start]):
            # "the deaths included four people in Levy County and two people killed by a falling tree": both parts
            found[number] = replace(frame, part=True)
    for number, frame in enumerate(found[1:], start=1):
        before = found[number - 1]
        if frame.kind == before.kind == "count" and frame.predicate and frame.predicate == before.predicate \
                and not frame.role and not before.role and PAIRED_GROUPS.match(text[before.figure.end:frame.figure.start]):
            # "Four men and two women were detained": parts of one count, not the count of anyone detained (a
            # group with a noun of its own, "131 passengers and seven crew", is still compared with its like)
            found[number - 1], found[number] = (replace(group, part=True) if group.head in GENERIC_HEADS else group
                                                for group in (before, frame))
    for number, frame in enumerate(found[1:], start=1):
        newer = found[number - 1]
        if frame.role == "from" and not newer.role and frame.kind == newer.kind and newer.predicate \
                and UP_FROM.search(text[newer.figure.end:frame.figure.start]):
            # "Police have caught 29 of the inmates who escaped ..., up from 18 on Tuesday": 18 caught, before 29
            newer = found[number - 1] = replace(newer, role="to")
            found[number] = frame = replace(frame, head=newer.head, modifiers=newer.modifiers,
                                            predicate=newer.predicate, scope=newer.scope)
        if frame.role == "from" and newer.role == "to" and frame.kind == newer.kind and (
                frame.head in ("", ANYONE) or frame.kind == "money" and frame.figure.unit == newer.figure.unit):
            # "to 310,000 vehicles from 180,000", "to $41 a share from $38": the earlier value of the same count
            found[number] = replace(frame, head=newer.head, modifiers=newer.modifiers, predicate=newer.predicate,
                                    scope=newer.scope)
    for number, frame in enumerate(found[1:], start=1):
        risen = found[number - 1]
        if risen.role == "to" and not frame.role and frame.kind == risen.kind and frame.predicate == risen.predicate \
                and frame.figure.value < risen.figure.value \
                and RISE_CAME_WITH.match(text[risen.figure.end:frame.figure.start]):
            # "The death toll rose to five on Tuesday after two people were found dead in a car": the two are part of
            # the five, what the rise came with
            found[number] = replace(frame, part=True)
    for number, frame in enumerate(found[:-1]):
        if frame.head in ("", ANYONE) and re.match(r"^\s+of (?:its|their|his|her|the)\s+(?:[\d$£€]|" + SPELLED_NUMBER + ")",
                                                  text[frame.figure.end:], re.IGNORECASE):
            # "sending 22 of its 95 cars off the tracks": 22 cars, out of a whole of 95
            whole = found[number + 1]
            found[number] = replace(frame, head=whole.head, modifiers=whole.modifiers)
    return found


# A crowd over several days of an event or on one of them, said right after it: "86,500 spectators attended the four
# days of the championships", "a crowd of about 22,000 watched the final day".
DAYS_SPAN = re.compile(r"^[^.;,]{0,30}?\b(?:(?:over|during|across|attended|watched|in)\s+)?the\s+(?:(?:two|three|four|five|six|seven|"
                       r"eight|nine|ten|\d+)\s+days\b|(?P<one>(?:final|last|first|opening|closing)\s+day)\b)",
                       re.IGNORECASE)


# A count over several countries: "about 6,800 people have died ... in seven countries" (a count "in five districts"
# may be the whole story's).
SEVERAL_PLACES = re.compile(r"^[^.;]{0,80}?\b(?:in|across|from)\s+(?:at least |more than |some )?(?:two|three|four|five|six|"
                            r"seven|eight|nine|ten|\d+|several|many|a dozen|dozens of)\s+(countries|nations)\b", re.IGNORECASE)
# Deaths among the hurt, after the toll was given: "Eighteen people died of their injuries overnight".
LATER_DEATHS = re.compile(r"^\s+(?:[a-z]+\s+){0,3}?(?:have |had |has )?(?:died|succumbed)\s+"
                          r"(?:(?:in hospital|in the hospital|overnight|later|since|on \w+day)\s+){0,2}(?:of|from|to)\s+"
                          r"(?:their|his|her|the)?\s*(?:injuries|wounds|burns)\b", re.IGNORECASE)
GENERIC_HEADS = frozenset(("", ANYONE, "people"))
# Two groups counted side by side, the second figure right after the first one's noun: "Four men and two women".
# What a rise came with, said after the value risen to: "rose to five on Tuesday after two people were found dead".
RISE_CAME_WITH = re.compile(r"^[^;.]{0,60}?\b(?:after|when|as|with)\s+(?:[\w'’-]+\s+){0,3}?$", re.IGNORECASE)
# One more of those counted, named after them: "two students and a teacher", "three soldiers and their driver".
ONE_MORE = re.compile(r"^\s+(?:[a-z][\w-]*\s+){1,2}and\s+(?:a|an|one|their|his|her|its)\s+(?:[a-z][\w-]*\s+)?"
                      r"[a-z][\w-]*(?=\s*(?:[,;.]|and\b|in\b|at\b|on\b|$))")
# Others named before a count: "killing the bus driver and three students", "was killed at the scene along with three
# students": four were killed.
ONE_BEFORE = re.compile(r"\b(?:killing|killed|injuring|injured|wounding|wounded)\s+(?:the|a|an|one)\s+"
                        r"(?:[a-z][\w-]*\s+){1,2}and\s+$|\b(?:along|together) with\s+$")
PAIRED_GROUPS = re.compile(r"^\s+(?:[a-z][\w-]*\s+){1,2}and\s+(?:(?:about|some|at least|another)\s+)?$")


# The part worst hit: "Mississippi was hardest hit, with 10 deaths", "the eastern region has been worst hit, with 640",
# "The hardest-hit region is Tamba in the far north, where 58 children have died".
WORST_HIT = re.compile(r"\b(?:worst|hardest|most badly|badly)[- ]hit\b[^.;]{0,100}?\b(?:with|where|in which)\s+(?:about |some |"
                       r"nearly |around |more than |at least )?$", re.IGNORECASE)
# Watched by a crowd: "in front of", "before", "watched by".
WATCHING = re.compile(r"\b(?:in front of|before|watched by|played to)\s+(?:a crowd of\s+|about |some |nearly |around "
                      r"|more than |a sellout |a capacity )*$", re.IGNORECASE)
# Finite verbs that carry a clause's main predicate ("... remained in hospital", "... were hospitalized").
FINITE = frozenset("were was are is have has had remain remained remains been be".split())
PREPOSITIONS = frozenset("in on at by during after from near over under inside when while".split())


QUALIFYING = frozenset("well over nearly almost about around roughly some least most than more just by".split())
MODALS = frozenset("will would to could can may must should might".split())
NOT_VERBS = frozenset("need based related united limited red bed hundred armed wicked naked sacred".split())


def _nearest_verb(words, figure_index: int, after: int, start: int, end: int, figure_start: int = 0) -> str:
    """The verb nearest after the count's noun phrase ("nine Conservatives who broke with ..."), else just before it
    ("stranding about 30,000 commuters"), as a stem."""
    def verb(index: int) -> bool:
        word = words[index][0].lower()
        if not word.isalpha() or word in NOT_VERBS:
            return False
        return (word in VERBS or len(word) > 4 and word.endswith("ed")
                or index > start and words[index - 1][0].lower() in MODALS and word not in STOPWORDS)
    for index in range(after, min(end, after + 4)):
        if verb(index):
            return stem(words[index][0].lower())
    before = [index for index in range(start, figure_index + 1) if words[index][2] <= figure_start]
    for index in reversed(before[-5:]):
        word = words[index][0].lower()
        if verb(index) or word.endswith("ing") and len(word) > 5 and word.isalpha():
            return stem(word)
        if not (word in STOPWORDS or word in QUALIFYING):
            break  # "viewed by well over 3 million": only qualifiers stand between the verb and its count
    return ""


# "Rescue workers searched for 10 people who remained missing": who rescues, not who was rescued.
RESCUERS = frozenset("""workers worker teams team efforts effort operation operations services officials dogs
squads units""".split())


def _in_hospital(words: list[tuple[str, int, int]], index: int, start: int) -> bool:
    """"in hospital", "needed hospital care", "at Dhaka Medical College Hospital": where the hurt are; not where
    people work ("3,200 staff will work at the hospital")."""
    before = _before_its_modifiers(words, index, start)
    following = words[index + 1][0].lower() if index + 1 < len(words) else ""
    if following in HOSPITAL_SPEAKERS:
        return False  # "hospital officials said": who says it
    return not (before > start and words[before][0].lower() in ("at", "in", "for")
                and words[before - 1][0].lower() in ("work", "works", "working", "worked", "employed", "employs"))


def _taken_to(words: list[tuple[str, int, int]], index: int, start: int) -> bool:
    """"admitted to the city's hospitals", "treated in hospitals": where patients are; not "operates 14 hospitals"."""
    before = _before_its_modifiers(words, index, start)
    return before >= start and words[before][0].lower() in ("to", "in", "at", "into")


def _before_its_modifiers(words: list[tuple[str, int, int]], index: int, start: int) -> int:
    """The position of the word before the modifiers of the noun at `index` ("at [Dhaka Medical College] hospital",
    "to [the city's] hospitals"), or start - 1."""
    before = index - 1
    while before >= start and (words[before][0].lower() in HOSPITAL_MODIFIERS
                               or re.fullmatch(r"[a-z]+['’]s", words[before][0]) or words[before][0][0].isupper()):
        before -= 1
    return before


HOSPITAL_MODIFIERS = frozenset("the a new local nearby city district area two three four several other".split())


# Who speak for a hospital: "hospital officials said".
HOSPITAL_SPEAKERS = frozenset("""officials official spokesman spokeswoman spokesperson sources source director
directors authorities staff administrator administrators doctors""".split())


# What a toll of a road is: "the toll road", "toll booths" (no death toll).
TOLL_THINGS = frozenset("""road roads highway highways motorway motorways bridge bridges booth booths plaza plazas gate
gates lane lanes way ways tunnel tunnels revenue revenues charges charge rates rate fees collection operator concession
free""".split())


def _marks(text: str, words: list[tuple[str, int, int]], start: int, end: int, kind: str) -> list[tuple[int, str]]:
    """(word position, predicate) of every word and phrase in the clause that says a predicate."""
    found = [(index, _predicate_of(words[index][0], kind)) for index in range(start, end) if words[index][0][0].isalpha()]
    found = [(index, predicate) for index, predicate in found if predicate and not (
        predicate == "cut" and index + 1 < end and words[index + 1][0].lower() == "off"  # "cut off by landslides"
        or predicate == "infected" and index + 1 < end and words[index + 1][0].lower() in ("fire", "up", "on")  # "caught fire"
        or words[index][0] == "March" and index > 0  # the month
        or words[index][0].lower() == "rescue" and index + 1 < end and words[index + 1][0].lower() in RESCUERS
        or words[index][0].lower() == "toll" and index + 1 < end and words[index + 1][0].lower() in TOLL_THINGS)
             and not (words[index][0].lower() == "hospital" and not _in_hospital(words, index, start))
             and not (words[index][0].lower() == "hospitals" and not _taken_to(words, index, start))]
    if kind in ("count", "area") and start < end:
        begin, finish = words[start][1], words[end - 1][2]
        said: list[tuple[int, str]] = []
        for pattern, name in PHRASES:
            for match in pattern.finditer(text, begin, finish):
                index = next(number for number in range(start, end) if words[number][2] > match.start())
                said.append((index, name))
        # A phrase says more than its first word alone: "joined a strike" is striking, not joining a crowd.
        opened = {index for index, _ in said}
        found = [(index, predicate) for index, predicate in found if index not in opened] + said

    def describes(index: int) -> bool:
        # Being aboard only describes those the clause says more of ("All 156 people on board were killed", "killing
        # all 143 people on board"), not those of another count past a comma ("120 people were crammed aboard ...,
        # and some 45 were missing").
        return any(predicate != "aboard" and 0 < abs(other - index) <= 8
                   and not any(words[k][0] in (",", ";") for k in range(min(index, other), max(index, other)))
                   for other, predicate in found)
    found = [(index, predicate) for index, predicate in found if predicate != "aboard" or not describes(index)]
    return sorted(found)


# Words that bound a count before it: "freeing at least 17", "rescuing about 40".
BOUND_WORDS = frozenset("about some nearly almost around roughly approximately more than less fewer at least over "
                        "under up to".split())
# Words in -ing before a count that are no verb of their own: "including 12 children", "leaving 300 homeless".
NOT_GOVERNING = frozenset("""including excluding during according following totaling totalling numbering exceeding
topping surpassing reaching nearing approaching bringing taking pushing raising leaving involving among
nothing something anything everything morning evening""".split())


def _governing_verb(words, figure_index: int, start: int, marks: set[int]) -> int | None:
    """The position of a verb in -ing of no predicate that takes the count as its object after "and" or a comma
    ("... killing five guards and freeing 17 inmates"): what it does to them, not the verb before it."""
    index = figure_index - 1
    while index > start and words[index][0].lower() in BOUND_WORDS:
        index -= 1
    if index <= start or index in marks:
        return None
    word = words[index][0]
    if not re.fullmatch(r"[a-z]+ing", word) or word in NOT_GOVERNING:
        return None
    return index if words[index - 1][0].lower() in ("and", ",") else None


def _nearest_predicate(text: str, words, figure_index: int, after: int, start: int, end: int,
                       kind: str = "count") -> str:
    """The predicate nearest the figure within its clause: right after its noun phrase ("600 soldiers have been
    killed") or before it ("killed 12 and injured 40", "the death toll rose to 118"); a word across a comma or a
    conjunction counts as farther. A participle that only describes the noun ("23 people injured in the fire
    remained in hospital") gives way to the verb after it."""
    best, distance, describing, finite = "", 13, "", False
    relative = next((k for k in range(after, min(end, after + 3)) if words[k][0].lower() in ("who", "which", "that")), None)
    main_verb = next((k for k in range(relative, end) if words[k][0].lower() in FINITE), None) if relative is not None else None
    marks = _marks(text, words, start, end, kind)
    governed = _governing_verb(words, figure_index, start, {index for index, _ in marks}) if kind == "count" else None
    partitive = after < end and words[after][0].lower() == "of" and any(index > after + 2 for index, _ in marks)
    for index, predicate in marks:
        word = words[index][0]
        if relative is not None and main_verb is not None and relative < index < main_verb:
            continue  # "Nineteen of those who fell ill were hospitalized": not the relative clause's verb
        if partitive and after < index <= after + 2:
            continue  # "Nine of those arrested have been charged": the set they are part of
        if index >= after:
            between = range(after, index)
            gap = index - after + (6 if any(words[k][0] in (",", "—", "–", "--") or words[k][0].lower() in (
                "but", "while", "who", "which", "after", "when") for k in between) else 0) + (
                3 if any(words[k][0].lower() == "and" for k in between) else 0)
            if index == after and word.lower().endswith("ed") and index + 1 < end \
                    and words[index + 1][0].lower() in PREPOSITIONS:
                describing = predicate
                continue
        else:
            between = range(index + 1, figure_index)
            conjoined = any(words[k][0].lower() == "and" for k in between)
            if conjoined and any(re.fullmatch(r"[a-z]+(?:ed|en)", words[k][0]) for k in range(after, min(end, after + 4))):
                continue  # "nine people had died and 41 had been pulled out": the second count has its own verb
            if governed is not None and index < governed:
                continue  # "killing five guards and freeing 17 inmates": the inmates were freed, not killed
            gap = figure_index - index + (4 if conjoined else 0)
        # After a participle that only describes the noun, its clause may run long before the verb ("Eighteen pupils
        # injured when a classroom roof fell in at Ndolwe Primary School remained in hospital").
        if gap < distance or describing and not best and gap < distance + 8:
            best, distance = predicate, gap
            finite = any(words[k][0].lower() in FINITE for k in range(max(start, index - 2), index))
    return best if best and (finite or not describing) else describing or best


# ---- Comparing frames -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Story:
    """What the articles as a whole tell about a frame: the place names most of them use (the event's own place
    does not divide a count) and the year they were published in (a count "in 2025" of a story of 2025 is the
    story's own)."""

    places: frozenset[str] = frozenset()
    year: str = ""


def story_of(names_by_article: list[frozenset[str]], year: str = "") -> Story:
    """The names every article uses (all but one from four articles on)."""
    counts: dict[str, int] = {}
    for names in names_by_article:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    least = len(names_by_article) - (1 if len(names_by_article) >= 4 else 0)
    return Story(frozenset(name for name, count in counts.items() if count >= least), year)


def _of_words(modifiers: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """The modifiers but the "of" phrase, and the words of the "of" phrase."""
    phrase = next((modifier for modifier in modifiers if modifier.startswith("of ")), "")
    return modifiers - {phrase}, frozenset(phrase.split()[1:])


# Measures whose "of" phrase names the substance measured.
MEASURE_HEADS = frozenset("barrel gallon litre liter ton tonne bushel bale cubic".split())


def _modifiers_match(a: frozenset[str], b: frozenset[str], head: str) -> bool:
    """The same modifiers, though a measure may name its substance in fewer words ("3,000 barrels of crude oil",
    "9,000 barrels of crude"); not counts of another thing ("counts of felony", "counts of felony conspiracy")."""
    if a == b:
        return True
    (rest_a, of_a), (rest_b, of_b) = _of_words(a), _of_words(b)
    return (head in MEASURE_HEADS and rest_a == rest_b and bool(of_a and of_b)
            and (of_a <= of_b or of_b <= of_a))


def _heads_match(a: Frame, b: Frame) -> bool:
    if a.modifiers & BASES != b.modifiers & BASES:
        return False  # the badly hurt and all the hurt; a toll with the attacker and one without
    if a.head == b.head:
        return _modifiers_match(a.modifiers, b.modifiers, a.head)
    if ANYONE in (a.head, b.head):
        # An elided count of people matches any group of people, but not a narrowed one ("Republican senators").
        other = b if a.head == ANYONE else a
        return other.head in PERSONS and (not (a.modifiers ^ b.modifiers) or other.head == "people"
                                          and not other.modifiers)
    return False


def resolve(frame: Frame, before: list[Frame]) -> Frame:
    """A count that stands for one given before ("the total had reached 1,150") with that count's frame."""
    if not frame.anaphoric or not before:
        return frame
    earlier = before[-1]
    return replace(frame, head=earlier.head, modifiers=earlier.modifiers, predicate=earlier.predicate,
                   anaphoric=False)


# Verbs (stems) that say one thing of a named count: oil "spilled" is oil "leaked".
VERB_CLASS = {"leak": "spill", "gush": "spill", "seep": "spill", "spew": "spill"}


def same_quantity(a: Frame, b: Frame, story: Story = Story(), days: bool = True) -> bool:
    """Are two frames of one quantity: kind and unit, thing counted and its modifiers, predicate, scope and span of
    time (with `days`, the day and the "as of" time too)? When in doubt, not."""
    if not (a.comparable_at_all and b.comparable_at_all):
        return False
    if a.kind != b.kind or a.figure.unit != b.figure.unit or a.predicate != b.predicate or not _heads_match(a, b):
        return False
    if a.named and (a.head != b.head or not a.verb or VERB_CLASS.get(a.verb, a.verb) != VERB_CLASS.get(b.verb, b.verb)
                    or a.figure.holder != b.figure.holder):
        return False  # "1,800 tractors" and "4,000 tractors" joined the protest; not "158 seats" and "the Greens 31"
    if a.predicate in PERSONAL and a.figure.holder != b.figure.holder:
        return False  # "Hunt, 23, is charged with six counts", "Caulder ... with five": each his own
    if a.kind == "money" and a.figure.holder and b.figure.holder and a.figure.holder != b.figure.holder:
        return False  # "The Jets cheerleaders scored a $325,000 settlement", "The Buccaneers reached ... $825,000"
    if a.scope - story.places != b.scope - story.places or _narrower(a, b, story) or _narrower(b, a, story):
        return False

    return same_span(a, b, story) and (not days or same_day(a, b))


def _narrower(a: Frame, b: Frame, story: Story) -> bool:
    """Is `b` counted in some of the story's places where `a` counts over more of them ("Mississippi was hardest hit,
    with 10 deaths" and "Tornadoes tore through Mississippi, Alabama and Tennessee, killing at least 17 people")?"""
    wider = (a.scope | a.across) & story.places
    narrow = b.scope or b.subject & story.places
    return bool(narrow) and narrow <= story.places and narrow < wider


def _spans(frame: Frame, story: Story) -> set[str]:
    days = frame.period & set(WEEKDAYS)
    spans = {_named_year(span, story) for span in frame.period if span not in WEEKDAYS and span != story.year} - {""}
    if days == WEEKEND:
        return spans | {"weekend"}  # "on Saturday and Sunday" is "over the weekend"
    return spans | ({"days"} if len(days) > 1 else set())


def _named_year(span: str, story: Story) -> str:
    """"last year" and "next year" as the years they name in a story of a known year ("7.4 percent next year" in a
    story of 2001 is "7.4 pct in 2002"); "next year" of a story of no known year names no span it can be told by."""
    if story.year and span in ("last year", "next year"):
        return str(int(story.year) + (1 if span == "next year" else -1))
    return "" if span == "next year" else span


def same_span(a: Frame, b: Frame, story: Story = Story()) -> bool:
    """A named span (a weekend, a year, "daily", "last month", two days) must be named by both; "since" must agree
    when both say ("so far" and "this year" are the story's own span), and a count since a time is not a day's."""
    if _spans(a, story) != _spans(b, story):
        return False
    ongoing = {"so far", "this year", "january", "", story.year}
    if a.since in ongoing and b.since in ongoing:
        return True
    # A count since a named start ("since the offensive began") is not one without it ("killing two"); one start
    # may be named in more words than the other ("since mid-June", "since the monsoon began in mid-June").
    return a.since == b.since or bool(set(a.since.split()) & set(b.since.split()) - STARTING)


# Words that say something began, not what: "since the war began" and "since the strike began" differ.
STARTING = frozenset("began begun begin begins beginning started start starts broke erupted took came last".split())


def untimed(frame: Frame) -> bool:
    """A count that names no span or start ("had cancelled 640 flights", "the death toll has reached 143"): it does
    not say it counts another time than a sentence that does, so it may give that sentence's count ("640 flights on
    Monday and Tuesday"); a count over a span does not give one that names none."""
    return not frame.since and not _spans(frame, Story())


def same_day(a: Frame, b: Frame) -> bool:
    """"As of" times must agree when both say (a single day a sentence names is mostly the event's own, which
    reports of one story date differently: "struck on Tuesday", "the toll stood at 31 on Wednesday")."""
    return not (a.as_of and b.as_of and a.as_of != b.as_of)


# Two reports of one quantity seldom differ by more than this factor (crowd estimates of police and organisers do
# by three); farther apart, they count different things (a day's toll and the war's, a part and the whole).
FARTHEST = 4.0


def values_differ(a: Frame, b: Frame) -> bool:
    """Values that cannot both hold, yet near enough to be reports of one quantity."""
    if compatible(a.figure, b.figure):
        return False
    low, high = sorted((a.figure.value * a.figure.scale, b.figure.top * b.figure.scale))
    return low > 0 and high / low <= FARTHEST

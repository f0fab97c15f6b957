"""English lexicon: every English word list and pattern fragment the parser uses.

Other modules never spell an English word themselves; they read these names.
A French lexicon (``fr.py``) should define the same names. Lists are plain
Python data; the modules that use them compile what they need once.
"""

# ---------------------------------------------------------------- numbers
UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
DOZEN = "dozen"
HALF = "half"
# Words that can stand for "one" before a multiplier: "a hundred", "a dozen".
INDEFINITE_ONE = {"a", "an", "one"}
# The indefinite articles among them: "a dozen" is 12, "one dozen" is read as a figure.
INDEFINITE_ARTICLES = {"a", "an"}
NUMBER_CONNECTOR = "and"  # "two hundred and fifty"
# Nouns that are an estimate by themselves after an indefinite article (French "une dizaine"): none in English.
APPROXIMATE_NOUNS: dict[str, int] = {}
# A reader of number words for languages a library reads better; None: the reader of UNITS, TENS and
# MULTIPLIERS in numbers.py. Takes the lowercase words from a figure on; returns (value, words used).
read_number_words = None
# Written figures: "1,200" groups thousands with a comma; the decimal mark is a point.
THOUSANDS_SEPARATORS = ","

# Qualifiers before a figure, longest first. Values are the claim qualifiers.
QUALIFIER_PHRASES = [
    ("no fewer than", "at_least"),
    ("no less than", "at_least"),
    ("not less than", "at_least"),
    ("a minimum of", "at_least"),
    ("at least", "at_least"),
    ("more than", "at_least"),
    ("over", "at_least"),
    ("upwards of", "at_least"),
    ("in excess of", "at_least"),
    ("an estimated", "approximately"),
    ("approximately", "approximately"),
    ("about", "approximately"),
    ("around", "approximately"),
    ("nearly", "approximately"),
    ("almost", "approximately"),
    ("roughly", "approximately"),
    ("some", "approximately"),
    ("close to", "approximately"),
    ("an approximate", "approximately"),
    ("estimated", "approximately"),
    ("circa", "approximately"),
    ("up to", "up_to"),
    ("as many as", "up_to"),
    ("at most", "up_to"),
    ("no more than", "up_to"),
    ("fewer than", "up_to"),
    ("less than", "up_to"),
]
# Qualifiers after a figure: "20 or more", "50-plus".
TRAILING_QUALIFIERS = [("or more", "at_least"), ("plus", "at_least"), ("or so", "approximately")]
RANGE_OPENERS = {"between"}  # "between 10 and 15"
RANGE_JOINERS = {"and", "to", "-", "–", "or"}  # "10 to 15", "10-15", "10 or 15"
# Joiners that are words: a range only after RANGE_OPENERS ("killed 2 and wounded 10" is two figures).
RANGE_WORD_JOINERS = {"and", "or"}

# Amounts without a figure: a claim with qualifier "vague" and no counts.
VAGUE_QUANTITIES = [
    "dozens",
    "scores",
    "hundreds",
    "thousands",
    "tens",
    "several",
    "numerous",
    "many",
    "multiple",
    "countless",
    "a number of",
    "a large number of",
    "a significant number of",
    "a handful of",
    "a few",
    "some of",
    "a dozen or so",
]
# "heavy losses", "huge casualties": a vague adjective in front of a loss noun.
VAGUE_LOSS_ADJECTIVES = {
    "heavy",
    "huge",
    "enormous",
    "significant",
    "substantial",
    "considerable",
    "serious",
    "major",
    "severe",
    "great",
    "massive",
    "untold",
    "human",
    "material",
    "big",
}
LOSS_NOUNS = {"losses": "other", "casualties": "other", "loss": "other", "toll": "killed", "deaths": "killed"}
# Loss nouns narrowed by what follows: "losses in human lives" are deaths.
LOSS_OF_LIFE_WORDS = {"lives", "life", "human"}

# A figure followed by one of these is a measure, not people: "three days", "72 hours", "12 km".
MEASURE_UNITS = {
    "day",
    "days",
    "night",
    "nights",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "km",
    "kilometres",
    "kilometers",
    "kilometre",
    "kilometer",
    "mile",
    "miles",
    "metres",
    "meters",
    "metre",
    "meter",
    "m",
    "cm",
    "mm",
    "kg",
    "tons",
    "tonnes",
    "ton",
    "percent",
    "per",
    "%",
    "degrees",
    "times",
    "am",
    "pm",
    "a.m",
    "p.m",
    "o'clock",
    "dollars",
    "euros",
    "pounds",
    "francs",
    "naira",
    "shillings",
    "rupees",
    "billion",
    "trillion",
    "hectares",
    "acres",
    "litres",
    "liters",
    "gallons",
    "calibre",
    "caliber",
    "rounds",
    "th",
    "st",
    "nd",
    "rd",
}
CURRENCY_SIGNS = {"$", "€", "£", "¥", "us$", "usd", "eur", "cfa", "fcfa"}
AGE_CUES = {"aged", "age", "ages", "year-old", "years-old"}
ORDINAL_CUES = {"no", "number", "resolution", "article", "route", "highway", "road", "brigade", "battalion", "division"}

# ---------------------------------------------------------------- dates
MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
DAY_PARTS = ["morning", "afternoon", "evening", "night", "dawn", "midday", "noon", "overnight"]
# Part-of-month words: "late July" is the 21st to the end.
MONTH_PARTS = {
    "early": (1, 10),
    "beginning of": (1, 10),
    "start of": (1, 10),
    "mid": (11, 20),
    "middle of": (11, 20),
    "late": (21, 31),
    "end of": (21, 31),
}
RELATIVE_DAYS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "overnight": -1,
    "the day before yesterday": -2,
}
RELATIVE_WEEKS = {
    "last week": -1,
    "this week": 0,
    "past week": -1,
    "earlier this week": 0,
    "over the weekend": "weekend",
    "at the weekend": "weekend",
    "last weekend": "weekend",
    "this weekend": "weekend",
}
RELATIVE_MONTHS = {"last month": -1, "this month": 0, "earlier this month": 0, "past month": -1}
NUMBER_AGO_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30, "year": 365, "years": 365}
LAST = "last"
# Month and weekday names start with a capital letter in running text ("on Monday, July 26").
CALENDAR_CAPITALISED = True
DAY_SUFFIXES = r"st|nd|rd|th"  # "July 26th" (a regex alternation)
DAY_ARTICLE = r"the"  # "the 26th of July" (a regex)
DAY_MONTH_LINK = r"of"  # "26th of July" (a regex; empty when the month follows the day directly)
# Words before a weekday and what they make of it: "last Friday", "this Monday", "next Tuesday".
WEEKDAY_CUES_BEFORE = {"last": "last", "this": "this", "next": "next", "coming": "next"}
# Words after a weekday ("samedi dernier" in French): none in English.
WEEKDAY_CUES_AFTER: dict[str, str] = {}
# Words after a month name that put it in the past year: none in English ("last November" comes before).
LAST_AFTER: set[str] = set()
# Words right before a month name that let it stand alone as a date: "in July", "last November".
MONTH_CUES = ["last", "this", "in", "since", "during", "until", "by", "from", "of", "early", "late"]
# "two years ago": {N} is a figure (digits or a number word), {U} a unit of NUMBER_AGO_UNITS (a regex).
AGO_PATTERN = r"\b(?P<n>{N})\s+(?P<unit>{U})\s+ago\b"
AGO_WORDS = ["ago"]  # words every "ago" phrase holds (patterns are skipped when they are absent)
NIGHT_WORDS = ("night", "of")  # words every NIGHT_OF phrase holds
# Words after a figure that make it a percentage, not a year: "2020 percent" (a regex alternation).
PERCENT_WORDS = r"percent|per cent"
# Words after a year that make it one of a list of years: "2020 and 2021", "2012 to 2015".
YEAR_LIST_JOINERS = {"and", "to", "-", "–"}
# Words between which a weekday pair or a day pair forms a range.
DATE_RANGE_JOINERS = r"(?:-|–|—|to|and|through|until|till|into)"
NIGHT_OF = r"(?:the\s+)?night\s+of"
SINCE = {"since", "from"}
# Words before a four-digit figure that make it a year: "in 2012", "since 2012".
YEAR_CUES = {
    "in",
    "since",
    "of",
    "until",
    "by",
    "from",
    "and",
    "to",
    "before",
    "after",
    "early",
    "late",
    "mid",
    "between",
    "year",
    "the",
    "during",
    "till",
    "circa",
    "around",
    "through",
    "summer",
    "winter",
    "spring",
    "autumn",
    "fall",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "a",
    "coup",
    "election",
    "elections",
}

# ---------------------------------------------------------------- countries
# ISO2|English name|other names;...|demonyms;...  Demonyms also cover "the Malian army". A row ending in a backslash
# goes on on the next line (the backslash joins them).
_COUNTRY_ROWS = """
AF|Afghanistan||Afghan;Afghans
AL|Albania||Albanian
DZ|Algeria||Algerian;Algerians
AO|Angola||Angolan
AR|Argentina||Argentine;Argentinian
AM|Armenia||Armenian
AU|Australia||Australian
AT|Austria||Austrian
AZ|Azerbaijan||Azerbaijani;Azeri
BH|Bahrain||Bahraini
BD|Bangladesh||Bangladeshi
BY|Belarus||Belarusian
BE|Belgium||Belgian
BJ|Benin||Beninese
BT|Bhutan||Bhutanese
BO|Bolivia||Bolivian
BA|Bosnia and Herzegovina|Bosnia|Bosnian
BW|Botswana||Botswanan;Motswana
BR|Brazil||Brazilian
BG|Bulgaria||Bulgarian
BF|Burkina Faso|Burkina|Burkinabe;Burkinabè
BI|Burundi||Burundian
KH|Cambodia||Cambodian
CM|Cameroon||Cameroonian
CA|Canada||Canadian
CF|Central African Republic|CAR;Centrafrique|Central African
TD|Chad||Chadian
CL|Chile||Chilean
CN|China||Chinese
CO|Colombia||Colombian
KM|Comoros||Comoran;Comorian
CD|Democratic Republic of the Congo|DR Congo;DRC;Democratic Republic of Congo;\
Congo-Kinshasa;D.R. Congo;DR of Congo|Congolese
CG|Republic of the Congo|Congo-Brazzaville;Congo Brazzaville;Republic of Congo|
CR|Costa Rica||Costa Rican
CI|Ivory Coast|Côte d'Ivoire;Cote d'Ivoire|Ivorian
HR|Croatia||Croatian
CU|Cuba||Cuban
CY|Cyprus||Cypriot
CZ|Czech Republic|Czechia|Czech
DK|Denmark||Danish
DJ|Djibouti||Djiboutian
DO|Dominican Republic||Dominican
EC|Ecuador||Ecuadorian
EG|Egypt||Egyptian;Egyptians
SV|El Salvador||Salvadoran
GQ|Equatorial Guinea||Equatorial Guinean
ER|Eritrea||Eritrean
EE|Estonia||Estonian
SZ|Eswatini|Swaziland|Swazi
ET|Ethiopia||Ethiopian
FI|Finland||Finnish
FR|France||French
GA|Gabon||Gabonese
GM|Gambia|The Gambia|Gambian
GE|Georgia||Georgian
DE|Germany||German
GH|Ghana||Ghanaian
GR|Greece||Greek
GT|Guatemala||Guatemalan
GN|Guinea|Guinea-Conakry|Guinean
GW|Guinea-Bissau||Bissau-Guinean
GY|Guyana||Guyanese
HT|Haiti||Haitian
HN|Honduras||Honduran
HU|Hungary||Hungarian
IN|India||Indian
ID|Indonesia||Indonesian
IR|Iran||Iranian
IQ|Iraq||Iraqi
IE|Ireland||Irish
IL|Israel||Israeli
IT|Italy||Italian
JM|Jamaica||Jamaican
JP|Japan||Japanese
JO|Jordan||Jordanian
KZ|Kazakhstan||Kazakh
KE|Kenya||Kenyan
XK|Kosovo||Kosovar
KW|Kuwait||Kuwaiti
KG|Kyrgyzstan||Kyrgyz
LA|Laos||Laotian;Lao
LV|Latvia||Latvian
LB|Lebanon||Lebanese
LS|Lesotho||Basotho
LR|Liberia||Liberian
LY|Libya||Libyan
LT|Lithuania||Lithuanian
MG|Madagascar||Malagasy
MW|Malawi||Malawian
MY|Malaysia||Malaysian
ML|Mali||Malian;Malians
MR|Mauritania||Mauritanian
MX|Mexico||Mexican
MD|Moldova||Moldovan
MN|Mongolia||Mongolian
ME|Montenegro||Montenegrin
MA|Morocco||Moroccan
MZ|Mozambique||Mozambican
MM|Myanmar|Burma|Burmese;Myanmar's
NA|Namibia||Namibian
NP|Nepal||Nepali;Nepalese
NL|Netherlands|Holland|Dutch
NZ|New Zealand||New Zealander
NI|Nicaragua||Nicaraguan
NE|Niger||Nigerien
NG|Nigeria||Nigerian
KP|North Korea||North Korean
MK|North Macedonia|Macedonia|Macedonian
NO|Norway||Norwegian
OM|Oman||Omani
PK|Pakistan||Pakistani
PS|Palestine|Palestinian Territories;Gaza Strip;West Bank|Palestinian
PA|Panama||Panamanian
PG|Papua New Guinea||Papua New Guinean
PY|Paraguay||Paraguayan
PE|Peru||Peruvian
PH|Philippines|the Philippines|Filipino;Philippine
PL|Poland||Polish
PT|Portugal||Portuguese
QA|Qatar||Qatari
RO|Romania||Romanian
RU|Russia|Russian Federation|Russian;Russians
RW|Rwanda||Rwandan
SA|Saudi Arabia||Saudi
SN|Senegal||Senegalese
RS|Serbia||Serbian
SL|Sierra Leone||Sierra Leonean
SG|Singapore||Singaporean
SK|Slovakia||Slovak
SI|Slovenia||Slovenian
SO|Somalia||Somali
ZA|South Africa||South African
KR|South Korea||South Korean
SS|South Sudan||South Sudanese
ES|Spain||Spanish
LK|Sri Lanka||Sri Lankan
SD|Sudan||Sudanese
SR|Suriname||Surinamese
SE|Sweden||Swedish
CH|Switzerland||Swiss
SY|Syria||Syrian
TW|Taiwan||Taiwanese
TJ|Tajikistan||Tajik
TZ|Tanzania||Tanzanian
TH|Thailand||Thai
TL|Timor-Leste|East Timor|Timorese
TG|Togo||Togolese
TN|Tunisia||Tunisian
TR|Turkey|Türkiye|Turkish
TM|Turkmenistan||Turkmen
UG|Uganda||Ugandan
UA|Ukraine||Ukrainian;Ukrainians
AE|United Arab Emirates|UAE;Emirates|Emirati
GB|United Kingdom|UK;Britain;Great Britain|British
US|United States|US;USA;U.S.;America;United States of America|American;U.S.
UY|Uruguay||Uruguayan
UZ|Uzbekistan||Uzbek
VE|Venezuela||Venezuelan
VN|Vietnam|Viet Nam|Vietnamese
EH|Western Sahara||Sahrawi
YE|Yemen||Yemeni
ZM|Zambia||Zambian
ZW|Zimbabwe||Zimbabwean
"""


def _country_table() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    names, demonyms, display = {}, {}, {}
    for row in _COUNTRY_ROWS.strip().splitlines():
        code, name, others, people = row.split("|")
        display[code] = name
        for alias in [name, *filter(None, others.split(";"))]:
            names[alias] = code
        for demonym in filter(None, people.split(";")):
            demonyms[demonym] = code
    return names, demonyms, display


# Country names (as written, matched case-sensitively after folding accents) -> ISO2;
# demonyms -> ISO2; ISO2 -> display name ("Civilians (Mali)").
COUNTRY_NAMES, DEMONYMS, COUNTRY_DISPLAY_NAMES = _country_table()
# Country names that are also first names or words ("Chad Smith", "Jordan"): not before another capitalised word.
AMBIGUOUS_COUNTRY_NAMES = {"Chad", "Jordan", "Georgia", "Niger", "Guinea", "Turkey", "US", "America", "Congo", "CAR"}

# ---------------------------------------------------------------- claims
# Kind of a claim from the verb or noun next to the figure. Keys are lowercase words
# or short phrases (matched on token sequences).
KIND_WORDS = {
    "killed": [
        "killed",
        "kill",
        "kills",
        "killing",
        "dead",
        "deaths",
        "death",
        "died",
        "die",
        "dies",
        "eliminated",
        "eliminating",
        "neutralised",
        "neutralized",
        "neutralising",
        "neutralizing",
        "slain",
        "slaughtered",
        "massacred",
        "executed",
        "murdered",
        "perished",
        "fatalities",
        "bodies",
        "lost their lives",
        "lost his life",
        "lost her life",
        "shot dead",
        "shot and killed",
        "gunned down",
        "beheaded",
        "killed in action",
        "martyred",
        "death toll",
        "toll",
        "fatally",
    ],
    "wounded": ["wounded", "wounding", "injured", "injuring", "injuries", "hurt", "injury", "wounds", "maimed"],
    "captured": [
        "captured",
        "capturing",
        "taken prisoner",
        "taken prisoners",
        "taken hostage",
        "held hostage",
        "prisoners",
        "prisoner",
        "hostages",
        "abducted",
        "abducting",
        "kidnapped",
        "kidnapping",
        "seized",
        "arrested",
        "detained",
        "surrendered",
        "taken captive",
        "captives",
        "abduction",
        "abductions",
    ],
    "missing": ["missing", "unaccounted for", "disappeared"],
    "displaced": ["displaced", "displacing", "fled", "fleeing", "forced to flee", "uprooted", "homeless", "evacuated"],
    "destroyed": [
        "destroyed",
        "destroying",
        "shot down",
        "downed",
        "rendered inoperable",
        "put out of action",
        "disabled",
        "burned",
        "burnt",
        "torched",
        "razed",
        "damaged",
        "wrecked",
        "knocked out",
        "set ablaze",
        "set on fire",
        "intercepted",
    ],
}
# Kind words that are nouns heading the figure's own phrase: "20 deaths", "12 dead".
KIND_HEAD_NOUNS = {
    "deaths": "killed",
    "dead": "killed",
    "fatalities": "killed",
    "bodies": "killed",
    "corpses": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "injuries": "wounded",
    "casualties": "other",
    "prisoners": "captured",
    "hostages": "captured",
    "captives": "captured",
    "abductees": "captured",
    "missing": "missing",
    "losses": "other",
    "displaced": "displaced",
    "refugees": "displaced",
}
# Auxiliaries and adverbs that may stand between a figure's phrase and its passive verb:
# "two of its soldiers had been killed", "12 people were reportedly killed".
PASSIVE_FILLERS = {
    "had",
    "have",
    "has",
    "been",
    "were",
    "was",
    "are",
    "is",
    "be",
    "being",
    "reportedly",
    "also",
    "allegedly",
    "all",
    "now",
    "later",
    "since",
    "confirmed",
    "believed",
    "feared",
    "said",
    "to",
    "either",
    "both",
    "apparently",
    "subsequently",
    "then",
    "already",
    "mostly",
    "including",
    "who",
    "that",
    "which",
    "got",
    "get",
}
# Words that may stand between a kind verb and its figure: "killed at least 20", "claim to have eliminated 50".
OBJECT_FILLERS = {"a", "an", "the", "some", "total", "of", "off", "nearly", "and", "also"}
# A breakdown of a figure: "18 people, among them nine children" is one claim, not two.
BREAKDOWN_CUES = [
    "among them",
    "among whom",
    "including",
    "of whom",
    "of them",
    "among those",
    "among the dead",
    "among the victims",
    "mostly",
    "most of them",
    "amongst them",
    "incl",
]
# The other side, seen from the speaker: a loss "the enemy suffered" is not the speaker's.
ENEMY_WORDS = {
    "enemy",
    "enemies",
    "adversary",
    "adversaries",
    "opponents",
    "opponent",
    "attackers",
    "assailants",
    "terrorists",
    "aggressor",
    "aggressors",
    "invaders",
    "occupiers",
}
SUFFER_VERBS = {"suffered", "sustained", "incurred", "took", "suffering", "sustaining", "endured", "faced"}
OTHERS_WORDS = {"others", "other", "more", "additional", "further"}
# Possessives that refer to the speaker or to the previous phrase: "two of its soldiers".
SPEAKER_POSSESSIVES = {"its", "our", "his", "her", "own"}
PLURAL_POSSESSIVES = {"their", "them"}

# Words that end a figure's noun phrase: "20 soldiers in Kidal", "five people who ...".
NP_STOPS = {
    "in",
    "during",
    "on",
    "at",
    "near",
    "after",
    "before",
    "from",
    "by",
    "with",
    "since",
    "when",
    "while",
    "as",
    "across",
    "around",
    "into",
    "for",
    "to",
    "and",
    "or",
    "but",
    "who",
    "that",
    "which",
    "were",
    "was",
    "had",
    "have",
    "has",
    "are",
    "is",
    "be",
    "been",
    "being",
    "this",
    "last",
    "over",
    "throughout",
    "inside",
    "outside",
    "under",
    "amid",
    "among",
    "including",
    "than",
    "between",
    "within",
    "if",
    "so",
    "they",
    "it",
    "he",
    "she",
    "we",
    "its",
    "also",
    "all",
}
# Words that may open a figure's noun phrase: "20 of its soldiers".
NP_OPENERS = {"of", "the", "its", "their", "our", "his", "her", "them", "those", "these", "whom"}
# Words between a toll and its figure: "the toll rose to 17".
TOLL_MOVES = {
    "was",
    "is",
    "stood",
    "at",
    "rose",
    "to",
    "reached",
    "of",
    "climbed",
    "has",
    "had",
    "risen",
    "increased",
    "jumped",
    "now",
    "provisional",
    "stands",
    "brought",
    "bringing",
    "put",
    "the",
    "a",
}


TOLL_NOUNS = {"toll"}  # "the death toll was 17"
TOLL_LEADS = {"toll", "death", "provisional", "official"}  # words of a toll phrase itself
# Words that never count as a figure word when a sentence is tested for figures.
NOT_FIGURE_WORDS = {"a", "an", "of", "or", "so", "the"}
# Words that may stand between a kind verb and the figure before it: "killed at least 20", "killed some 20".
QUALIFIER_WORDS_BEFORE_FIGURE = {
    "least",
    "more",
    "than",
    "about",
    "up",
    "as",
    "many",
    "over",
    "around",
    "nearly",
    "almost",
    "some",
    "roughly",
    "approximately",
    "estimated",
    "an",
}
# Small words between a kind verb and its figure besides OBJECT_FILLERS: "claim to have eliminated 50".
KIND_VERB_FILLERS = {"to", "have", "had", "it", "they", "that"}
COORDINATORS = {"and", "or"}
# What stands between two coordinated figures: "50 mercenaries and 10 soldiers", "50 ..., as well as 10".
COORDINATION_GAPS = ["and", "as well as", "plus"]
# After a figure, words that make it part of the one before: "nine of them", "nine of whom".
BREAKDOWN_TAILS = ["of them", "of whom"]
# Words that point back to the previous figure's people: "ten of them", "ten of their fighters".
PARTITIVE_PRONOUNS = ["of them", "of their"]
PARTITIVE_POSSESSIVES = ["of their"]
# Prepositions that name who suffered a loss: "inflicted heavy losses on the attackers".
LOSS_TARGET_PREPOSITIONS = {"on", "upon", "among", "to"}
# Loss nouns that are tolls, not vague losses: "the death toll", "20 deaths".
LOSS_NOUNS_NOT_VAGUE = {"toll", "deaths"}

# ---------------------------------------------------------------- attribution
ATTRIBUTION_VERBS = {
    "said",
    "says",
    "say",
    "saying",
    "claimed",
    "claims",
    "claim",
    "claiming",
    "stated",
    "states",
    "stating",
    "reported",
    "reports",
    "reporting",
    "told",
    "tells",
    "announced",
    "announces",
    "announcing",
    "declared",
    "declares",
    "declaring",
    "indicated",
    "indicates",
    "added",
    "adding",
    "adds",
    "asserted",
    "asserts",
    "confirmed",
    "confirms",
    "confirming",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "alleged",
    "alleges",
    "estimated",
    "estimates",
    "noted",
    "notes",
    "wrote",
    "writes",
    "posted",
    "tweeted",
    "explained",
    "explain",
    "explains",
    "insisted",
    "reiterated",
    "mentioned",
    "recognising",
    "recognizing",
    "put",
    "gave",
    "quoted",
    "citing",
    "cited",
    "counted",
    "recorded",
    "documented",
    "warned",
    "revealed",
    "disclosed",
    "listed",
    "tallied",
    "reckoned",
}
# Attribution verbs whose subject's words are a relay: "SITE quoted a statement by JNIM".
RELAY_VERBS = {"quoted", "citing", "cited"}
# -ing forms continue the speaker of the main clause: "..., adding that".
PARTICIPLE_ATTRIBUTION = {
    "saying",
    "adding",
    "stating",
    "claiming",
    "announcing",
    "declaring",
    "confirming",
    "recognising",
    "recognizing",
    "reporting",
}
# Phrases that put the source after them: "according to the army". A phrase ending in a source noun keeps it.
ACCORDING_TO_PHRASES = ["according to"]
ARTICLES = {"the", "a", "an"}
# Words before a source that only lead to it (French "auprès des autorités"): none in English.
SOURCE_LEADS: set[str] = set()
# Auxiliaries that go with an attribution verb ("has said"); inversion is read past them.
AUXILIARIES = {"has", "have", "had"}
# Whether a speaker may follow its verb after a comma as well as after a quotation (French: ", a indiqué l'armée").
INVERSION_AFTER_COMMA = False
# Words after a verb that are not its inverted subject: '", said that ...', '", said in a statement'.
NOT_INVERTED_SUBJECTS = {"that", "in", "on", "to"}
STATEMENT_NOUNS = {"statement", "communique", "communiqué"}
# Words that end the words naming a speaker: "according to the army, which ...", "X said that ...".
SPEAKER_REGION_ENDS = {"that", "saying", "who"}
# Words that open a clause: the speaker of a verb stands after the last of them.
CLAUSE_OPENERS = {"that", "but", "while", "whereas", "although", "though", "because"}
# "SITE quoted a statement by JNIM": the words after these name the quoted party.
RELAY_SOURCE_PREPOSITIONS = {"by", "from", "of"}
SPEAKER_DETERMINERS = {"the", "a", "an", "its", "their"}
RELATIVE_PRONOUNS = {"which", "who"}
# Words trimmed from the end of a speaker's words besides PASSIVE_FILLERS:
# "the army also said", "the army on Monday said".
SPEAKER_TRAILING_WORDS = {
    "also",
    "further",
    "later",
    "previously",
    "initially",
    "earlier",
    "separately",
    "then",
    "had",
    "has",
    "have",
    "on",
    "in",
    "a",
    "rare",
    "late",
    "early",
    "last",
}
ANAPHOR_DETERMINERS = {"the", "its", "their"}  # "the group said"
# First words of a source described in words: "the local civil society", "two witnesses".
DESCRIBED_SOURCE_OPENERS = {"the", "a", "an", "two", "three", "several", "many", "some"}
# Words that may close a sentence after its attribution verb: "..., the army said in a statement on Monday."
ATTRIBUTION_TAIL_WORDS = {
    "on",
    "in",
    "a",
    "statement",
    "reuters",
    "afp",
    "ap",
    "told",
    "by",
    "phone",
    "reporters",
    "the",
}
# Words before an actor that stop the determiner search of a speaker's text.
NOUN_GROUP_STOPS = {",", "that", "and", "day", "said"}
# Words after a voice noun that lead to the organisation it speaks for: "a spokesman for X".
VOICE_LINKS = {"for", "of", "from", "by", "at", "to", "the"}
# Words that end the head of a described source: "a former UN mission official in Kidal" -> "official".
HEAD_CUTTERS = {"in", "of", "for", "from", "at", "with", "on", "based", "who", "near"}
# Attribution words used as nouns: "the claims", "reports of", "a rebel claim".
ATTRIBUTION_NOUNS = {"claim", "claims", "reports", "report", "estimates", "states"}
ALWAYS_NOUNS = {"states"}
NOUN_DETERMINERS = {"the", "a", "an", "these", "those", "its", "their", "his", "her", "rebel", "such", "of"}
# Verbs that give a toll only next to a toll word: "put the death toll at 17".
TOLL_VERBS = {"put", "gave", "counted", "recorded", "listed", "documented"}
TOLL_WORDS = {"toll", "death", "dead", "number", "figure", "casualties"}
# Small words inside people's names: "Iyad Ag Ghaly", "Abu Bakr al Baghdadi".
NAME_PARTICLES = {"ag", "al", "ould", "bin", "ben", "el", "abu", "ibn", "de"}
# Nouns that speak for the organisation named next to them: "a CSP spokesman", "a statement by the army".
VOICE_NOUNS = {
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "statement",
    "statements",
    "communique",
    "communiqué",
    "commander",
    "commanders",
    "leader",
    "leaders",
    "representative",
    "representatives",
    "member",
    "members",
    "general staff",
    "staff",
    "command",
    "headquarters",
    "chief",
    "chiefs",
    "head",
    "official",
    "officials",
    "officer",
    "officers",
    "channel",
    "channels",
    "account",
    "accounts",
    "post",
    "video",
    "media",
    "office",
    "wing",
    "claim",
    "ministry",
    "minister",
    "president",
    "presidency",
    "government",
    "authorities",
    "mouthpiece",
    "outlet",
    "agency",
    "website",
}
# Heads of a described source that is not an actor: kept as written ("a local politician").
SOURCE_NOUNS = {
    "politician",
    "politicians",
    "official",
    "officials",
    "source",
    "sources",
    "resident",
    "residents",
    "witness",
    "witnesses",
    "blogger",
    "bloggers",
    "analyst",
    "analysts",
    "journalist",
    "journalists",
    "doctor",
    "doctors",
    "medic",
    "medics",
    "nurse",
    "governor",
    "mayor",
    "lawmaker",
    "lawmakers",
    "mp",
    "activist",
    "activists",
    "observer",
    "observers",
    "monitor",
    "monitors",
    "hospital",
    "ministry",
    "elder",
    "elders",
    "chief",
    "expert",
    "experts",
    "researcher",
    "researchers",
    "fellow",
    "diplomat",
    "diplomats",
    "observatory",
    "organisation",
    "organization",
    "ngo",
    "charity",
    "agency",
    "reports",
    "report",
    "media",
    "outlets",
    "survivor",
    "survivors",
    "relative",
    "relatives",
    "villager",
    "villagers",
    "leader",
    "leaders",
    "administrator",
    "prefect",
    "deputy",
    "councillor",
    "councilor",
    "group",
    "tally",
    "count",
    "census",
    "committee",
    "union",
    "association",
    "person",
    "people",
    "man",
    "woman",
    "worker",
    "workers",
    "volunteer",
    "volunteers",
    "team",
    "officer",
}
# Sources whose word never speaks for an organisation even when one is named: "a former UN official".
PERSONAL_SOURCE_MODIFIERS = {"former", "ex", "retired", "local", "independent", "anonymous", "unnamed"}
PRONOUN_SPEAKERS = {"he", "she", "it", "they", "we", "i"}
# Anaphoric speakers: "the group said", "the statement said" -> the previous speaker.
# Words that leave an anaphoric speaker anaphoric: "the same source".
ANAPHOR_MODIFIERS = {"same"}
ANAPHOR_NOUNS = {
    "group",
    "movement",
    "statement",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "organisation",
    "organization",
    "coalition",
    "militants",
    "rebels",
    "alliance",
    "official",
    "politician",
    "source",
    "sources",
    "army",
    "military",
    "ministry",
    "communique",
    "faction",
}
# Relays that pass on others' words; never the claimant when the speaker is known.
RELAY_NAMES = {
    "site",
    "site intelligence group",
    "reuters",
    "afp",
    "ap",
    "associated press",
    "agence france presse",
    "agence france-presse",
    "bbc",
    "al jazeera",
    "telegram",
    "x",
    "twitter",
    "facebook",
}

# ---------------------------------------------------------------- actors in context
# Generic mentions -> (role word category). Matched as whole token sequences, lowercase.
STATE_FORCE_NOUNS = {
    "army",
    "armies",
    "military",
    "militaries",
    "troops",
    "soldiers",
    "soldier",
    "armed forces",
    "forces",
    "security forces",
    "defence forces",
    "defense forces",
    "servicemen",
    "service members",
    "gendarmes",
    "gendarmerie",
    "air force",
    "navy",
    "junta",
    "regime",
    "government",
    "authorities",
    "police",
    "policemen",
    "police officers",
    "policeman",
    "army units",
    "special forces",
    "paratroopers",
    "marines",
    "national army",
    "national guard",
    "government forces",
    "government troops",
    "junta forces",
    "general staff",
}
# Generic state nouns that only name the state's forces with an owner in front: "Malian forces", "government forces".
# Weapons named by their country ("a Russian missile", "Israeli strikes", "a military airstrike") stand
# for that state's forces; they also only count with an owner in front.
WEAPON_NOUNS = {
    "missile",
    "missiles",
    "drone",
    "drones",
    "airstrike",
    "airstrikes",
    "air strike",
    "air strikes",
    "strike",
    "strikes",
    "shelling",
    "jets",
    "warplanes",
    "warplane",
    "aircraft",
    "helicopter",
    "helicopters",
    "artillery",
    "rocket",
    "rockets",
    "bombardment",
    "air raid",
    "air raids",
}
STATE_FORCE_NOUNS |= WEAPON_NOUNS | {
    "defence ministry",
    "defense ministry",
    "ministry of defence",
    "ministry of defense",
}
STATE_NOUNS_NEEDING_OWNER = {
    "forces",
    "units",
    "general staff",
    "special forces",
    "defence ministry",
    "defense ministry",
    "ministry of defence",
    "ministry of defense",
} | WEAPON_NOUNS
# Generic state nouns that mean the police, not the military.
POLICE_NOUNS = {"police", "policemen", "police officers", "policeman", "gendarmes", "gendarmerie"}
# Owners that make a generic state noun mean the report's own government's forces.
STATE_OWNERS = {
    "government",
    "governmental",
    "junta",
    "junta's",
    "regime",
    "regime's",
    "national",
    "state",
    "federal",
    "loyalist",
    "pro-government",
    "army",
    "military",
    "security",
    "army's",
    "military's",
}
REBEL_NOUNS = {
    "rebels",
    "rebel",
    "separatists",
    "separatist",
    "insurgents",
    "insurgent",
    "guerrillas",
    "guerrilla",
    "rebel group",
    "rebel groups",
    "rebel movement",
    "rebel coalition",
    "coalition",
    "rebel alliance",
    "separatist movement",
    "separatist groups",
    "armed groups",
    "armed group",
    "rebel forces",
    "rebel fighters",
    "fighters",
    "independence fighters",
    "paramilitaries",
    "paramilitary",
    "paramilitary forces",
    "separatist forces",
    "separatist fighters",
    "rebel movements",
}
JIHADIST_NOUNS = {
    "jihadists",
    "jihadist",
    "islamists",
    "islamist",
    "islamist militants",
    "jihadist militants",
    "militants",
    "militant",
    "jihadist group",
    "jihadist groups",
    "islamist groups",
    "terrorists",
    "terrorist",
    "extremists",
    "mujahideen",
    "islamist fighters",
    "jihadist fighters",
    "insurgents",
}
# Attackers the text does not name: ACLED's "Unidentified Armed Group (<country>)".
UNIDENTIFIED_NOUNS = {
    "gunmen",
    "gunman",
    "armed men",
    "assailants",
    "unidentified gunmen",
    "unknown gunmen",
    "bandits",
    "armed bandits",
    "attackers",
    "unidentified attackers",
    "masked men",
}
EXTERNAL_NOUNS = {
    "mercenaries",
    "mercenary",
    "instructors",
    "contractors",
    "foreign fighters",
    "paramilitaries",
    "peacekeepers",
    "private military",
    "allies",
}
CIVILIAN_NOUNS = {
    "civilians",
    "civilian",
    "villagers",
    "villager",
    "residents",
    "resident",
    "people",
    "persons",
    "children",
    "women",
    "men",
    "passengers",
    "worshippers",
    "farmers",
    "herders",
    "students",
    "pupils",
    "miners",
    "traders",
    "motorists",
    "travellers",
    "travelers",
    "family",
    "families",
    "fishermen",
    "shepherds",
    "pilgrims",
    "inhabitants",
    "locals",
    "boys",
    "girls",
    "infants",
    "babies",
    "teachers",
    "workers",
    "patients",
    "displaced",
    "refugees",
    "bystanders",
    "victims",
    "individuals",
    "person",
    "child",
    "woman",
    "man",
    "journalists",
    "aid workers",
    "medics",
    "doctors",
    "nurses",
    "elderly",
    "truck drivers",
    "drivers",
}
PROTESTER_NOUNS = {"protesters", "protestors", "demonstrators", "marchers", "protester", "demonstrator"}
# Words that mark an actor as jihadist when they appear in its name or aliases.
JIHADIST_NAME_MARKERS = [
    "islam",
    "qaeda",
    "qaida",
    "jihad",
    "shabaab",
    "shabab",
    "daesh",
    "isis",
    "isil",
    "ansar",
    "nusrat",
    "jama",
    "boko haram",
    "mujahid",
    "caliphate",
    "khorasan",
    "tahrir al sham",
    "wilayat",
    "province",
    "ansaroul",
    "katiba",
    "hurras",
    "taliban",
    "lashkar",
    "jaish",
]
# Words in a named armed group that the dictionary does not know: "calling itself the Xyz Brigade".
NEW_GROUP_INTRODUCERS = [
    r"call(?:ing|ed|s)\s+(?:itself|themselves)",
    r"(?:known|identified)\s+as",
    r"called",
    r"named",
    r"dubbed",
    r"under\s+the\s+name",
]
NEW_GROUP_HEADS = {
    "group": "rebel_group",
    "movement": "rebel_group",
    "organisation": "rebel_group",
    "organization": "rebel_group",
    "militia": "political_militia",
    "militias": "political_militia",
    "faction": "rebel_group",
    "coalition": "rebel_group",
    "front": "rebel_group",
    "brigade": "political_militia",
    "army": "rebel_group",
    "gang": "political_militia",
    "self-defence": "identity_militia",
    "self-defense": "identity_militia",
}
NEW_GROUP_KIND_CUES = {
    "jihadist": "rebel_group",
    "islamist": "rebel_group",
    "rebel": "rebel_group",
    "insurgent": "rebel_group",
    "separatist": "rebel_group",
    "armed": "rebel_group",
    "militia": "political_militia",
    "vigilante": "identity_militia",
    "self-defence": "identity_militia",
    "self-defense": "identity_militia",
    "ethnic": "identity_militia",
    "communal": "identity_militia",
    "tribal": "identity_militia",
    "clan": "identity_militia",
    "gang": "political_militia",
    "criminal": "political_militia",
}
# A capitalised name the dictionary lacks is an armed group when it ends in one of these words
# ("the Atlantis Liberation Front", "the Kivu Defence Brigades") or begins with an opener ("Katiba Xyz").
ARMED_NAME_HEADS = {
    "front": "rebel_group",
    "army": "rebel_group",
    "movement": "rebel_group",
    "brigade": "political_militia",
    "brigades": "political_militia",
    "forces": "rebel_group",
    "militia": "political_militia",
    "militias": "political_militia",
    "battalion": "political_militia",
    "battalions": "political_militia",
    "group": "rebel_group",
    "liberation": "rebel_group",
    "mujahideen": "rebel_group",
    "resistance": "rebel_group",
}
ARMED_NAME_OPENERS = {"katiba": "rebel_group", "katibat": "rebel_group", "ansar": "rebel_group"}
# Words that say nothing about which group it is: a new group's name needs one other word.
GENERIC_NAME_WORDS = {
    "national",
    "armed",
    "special",
    "security",
    "defence",
    "defense",
    "republican",
    "presidential",
    "popular",
    "people",
    "people's",
    "peoples",
    "liberation",
    "democratic",
    "united",
    "joint",
    "task",
    "rapid",
    "support",
    "revolutionary",
    "federal",
    "royal",
    "air",
    "naval",
    "islamic",
    "patriotic",
    "free",
    "new",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "regional",
    "local",
    "government",
    "state",
    "military",
    "intervention",
    "reaction",
    "protection",
    "self",
    "self-defence",
    "self-defense",
    "salvation",
    "unity",
}
# Capitalised names ending in "Group"/"Forces" that are not armed groups.
NON_ARMED_NAME_WORDS = {
    "crisis",
    "intelligence",
    "research",
    "media",
    "bank",
    "rights",
    "human",
    "watch",
    "consulting",
    "risk",
    "risks",
    "control",
    "contact",
    "working",
    "study",
    "advisory",
    "investment",
    "holding",
    "holdings",
    "hotel",
    "insurance",
    "expert",
    "experts",
    "monitoring",
    "trade",
    "business",
    "energy",
    "mining",
    "oil",
    "gas",
    "financial",
    "peacekeeping",
    "peace",
    "un",
    "nations",
    "union",
    "african",
    "european",
    "nato",
    "coalition",
    "ecowas",
    "mission",
    "humanitarian",
    "medical",
    "aid",
    "relief",
    "election",
    "electoral",
    "civil",
    "society",
    "press",
    "news",
    "students",
    "student",
    "women",
    "youth",
    "labour",
    "labor",
    "workers",
    "football",
    "club",
}
# Country names and demonyms are capitalised in running text ("Malian"; French "malien" is not).
DEMONYMS_CAPITALISED = True
# Whether adjectives (demonyms) follow their noun ("l'armée malienne"): English puts them before ("Malian army").
ADJECTIVES_FOLLOW_NOUN = False
# Words before a country that name it as the scene: "in Mali", "across Sudan".
SCENE_PREPOSITIONS = {"in", "across", "inside"}
# Phrases right before a country that make it a neighbour, not the scene: "the border with Mali".
BORDER_LEADS = ["border with", "frontier with"]
POSSESSIVE_MARKERS = {"'s", "’s"}
# Words that may stand between an owner and a generic noun: "Mali's own regular forces".
OWNER_SKIP_WORDS = {"the", "a", "an", "its", "their", "his", "her", "our", "local", "regular", "elite", "own"}
# "soldiers of the Malian army": the word that links a generic noun to its owner.
OWNER_OF_WORDS = {"of"}
OWNER_POSSESSIVES = {"its", "their"}  # "Wagner said its fighters ..."
ALLY_NOUNS = {"allies"}  # "their Russian allies": a state's forces when no external force is named
# Generic nouns used for jihadist and other insurgents alike: a rebel group when no jihadist one is named.
UNALIGNED_JIHADIST_NOUNS = {"militants", "militant", "insurgents", "terrorists", "terrorist"}
# Small words inside a group's name: "Movement for the Liberation of Xyz", "Ansar al Din".
NAME_INNER_WORDS = {"of", "for", "the", "and", "al", "el", "de", "du", "des", "wa", "ul", "ad", "ud"}
# Words that begin a clause, not a group's name: "called The ..." is rare, "called on" is not a name.
NOT_NAME_STARTS = {"the", "a", "an", "on", "for", "it", "its", "they", "their", "he", "she", "this", "that", "in", "by"}
# Prefixes of a word inside a name: "Katiba al-Furqan".
NAME_PREFIXES = ("al-", "el-", "ad-", "ud-", "ul-")
# Words between a new group's introducer and its name: "calling itself the Xyz Brigade" (a regex).
NEW_GROUP_NAME_LEADS = r"the\s+|itself\s+"
# "the Sahel branch of X", "linked to X": the word between an affiliate noun and its parent.
AFFILIATE_LINKS = {"of", "to", "with"}
# Parent-organisation cues: "the Sahel branch of X", "an X affiliate": X is not the one acting.
AFFILIATE_NOUNS = {
    "affiliate",
    "affiliates",
    "branch",
    "branches",
    "franchise",
    "offshoot",
    "wing",
    "arm",
    "ally",
    "allies",
    "linked",
    "affiliated",
    "loyal",
    "allied",
    "aligned",
    "backed",
    "supported",
    "proxy",
}
# Alliance cues between two actors of one side: "X, accompanied by Y", "Y alongside X".
ALLY_CUES = [
    "accompanied by",
    "alongside",
    "along with",
    "together with",
    "backed by",
    "supported by",
    "with the support of",
    "assisted by",
    "and their allies",
    "and its allies",
    "and their",
    "fighting with",
    "allied with",
    "in support of",
    "supporting",
    "aided by",
]
# Verbs that carry an action noun: "launched an attack", "staged an ambush".
LIGHT_VERBS = {
    "launched",
    "launch",
    "launches",
    "carried",
    "out",
    "staged",
    "mounted",
    "conducted",
    "led",
    "began",
    "started",
    "initiated",
    "unleashed",
    "laid",
    "set",
    "made",
}
# Words that make a dated phrase the date of a statement: "issued a statement on Monday".
STATEMENT_VERBS = {"made", "issued", "published", "released", "statement"}
# What stands between two allies: "JNIM and its allies", "X with Y".
ALLY_JOINERS = {"and", ",", "and their", "and its", "with"}
# Words right before a trigger that make it passive ("were attacked"); prepositions after it naming the agent.
PASSIVE_MARKERS = {"were", "was", "been", "be", "under"}
AGENT_PREPOSITIONS = {"by", "from"}
# Words between an actor and its action noun or verb: "JNIM had also launched an attack".
AGENT_GAP_WORDS = {"a", "an", "the", "its", "their", "also", "had", "have", "has", "then", "reportedly"}
AGENT_ADVERB_GAP = {"had", "has", "have", "also", "then", "reportedly", "allegedly", "later"}
# Endings of past verbs: "ambushed" is a verb, "ambush" may be a noun.
PAST_ENDINGS = ("ed",)
# Triggers whose subject defends: "the army repelled an attack" — the attacker is the other side.
DEFENSIVE_TRIGGERS = {
    "repelled",
    "repulsed",
    "thwarted",
    "foiled",
    "fended",
    "resisted",
    "defended",
    "repel",
    "repulse",
}

# ---------------------------------------------------------------- events
# Trigger words per (event type, sub-event type). Lowercase token sequences; a
# trailing "*" matches any word ending. Order inside a list does not matter.
EVENT_TRIGGERS = {
    ("Battles", "Armed clash"): [
        "clash",
        "clashes",
        "clashed",
        "clashing",
        "fighting",
        "fought",
        "fight broke",
        "battle",
        "battles",
        "battled",
        "battling",
        "ambush",
        "ambushed",
        "ambushes",
        "firefight",
        "gunfight",
        "gun battle",
        "skirmish*",
        "offensive",
        "counteroffensive",
        "counter-offensive",
        "exchange of fire",
        "exchanged fire",
        "assault",
        "assaulted",
        "attacked",
        "attack",
        "attacks",
        "attacking",
        "repelled",
        "repulsed",
        "came under attack",
        "came under fire",
        "under fire",
        "confrontation",
        "confrontations",
        "engaged",
        "combat",
        "hostilities",
        "raided",
        "raid",
        "stormed",
        "overran",
        "besieged",
        "siege",
        "routed",
        "withdrew",
        "retreat",
        "retreated",
        "counterattack",
        "counter-attack",
    ],
    ("Battles", "Government regains territory"): [
        "retook",
        "retaken",
        "recaptured",
        "recapture",
        "regained control",
        "regained",
        "liberated",
        "retake",
        "took back",
        "reclaimed",
        "recovered control",
    ],
    ("Battles", "Non-state actor overtakes territory"): [
        "seized control",
        "took control",
        "taken control",
        "overran",
        "captured the town",
        "captured the city",
        "seized the town",
        "seized the city",
        "fell to",
        "fell into the hands",
        "took over",
        "seized",
        "captured",
        "control of",
    ],
    ("Explosions/Remote violence", "Air/drone strike"): [
        "airstrike",
        "airstrikes",
        "air strike",
        "air strikes",
        "air raid",
        "air raids",
        "drone strike",
        "drone strikes",
        "drone attack",
        "drone attacks",
        "warplane",
        "warplanes",
        "fighter jet",
        "fighter jets",
        "bombing raid",
        "aerial bombardment",
        "aerial bombing",
        "helicopter gunship",
        "drones",
        "drone",
        "air-strike",
        "bombed",
        "bombardment",
        "airstrike*",
        "kamikaze drone",
        "shahed",
    ],
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): [
        "shelling",
        "shelled",
        "shells",
        "artillery",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "mortar",
        "mortars",
        "ballistic",
        "cruise missile",
        "missile strike",
        "missile strikes",
        "rocket attack",
        "barrage",
        "bombarded",
        "projectile",
        "projectiles",
    ],
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): [
        "ied",
        "ieds",
        "improvised explosive",
        "roadside bomb",
        "landmine",
        "landmines",
        "land mine",
        "mine blast",
        "explosive device",
        "car bomb",
        "bomb exploded",
        "bomb blast",
        "bomb went off",
        "explosion",
        "explosions",
        "blast",
        "detonated",
        "hit a mine",
        "struck a mine",
        "booby trap",
        "booby-trapped",
    ],
    ("Explosions/Remote violence", "Suicide bomb"): [
        "suicide bomber",
        "suicide bombers",
        "suicide bombing",
        "suicide attack",
        "suicide car bomb",
        "blew himself up",
        "blew herself up",
        "suicide vest",
        "suicide bombings",
    ],
    ("Explosions/Remote violence", "Grenade"): ["grenade", "grenades", "hand grenade"],
    ("Explosions/Remote violence", "Chemical weapon"): [
        "chemical weapon",
        "chemical weapons",
        "chlorine gas",
        "sarin",
        "nerve agent",
        "toxic gas",
    ],
    ("Violence against civilians", "Attack"): [
        "massacre",
        "massacred",
        "massacres",
        "executed",
        "execution",
        "executions",
        "slaughtered",
        "murdered",
        "gunmen",
        "killing of civilians",
        "attacked villagers",
        "opened fire on",
        "shot dead",
        "burned houses",
        "torched houses",
        "torched homes",
        "burned homes",
        "raided the village",
        "stormed the village",
        "atrocities",
        "lynched",
    ],
    ("Violence against civilians", "Abduction/forced disappearance"): [
        "kidnapped",
        "abducted",
        "kidnapping",
        "abduction",
        "abductions",
        "kidnappings",
        "taken hostage",
        "hostages",
        "forcibly disappeared",
        "enforced disappearance",
    ],
    ("Violence against civilians", "Sexual violence"): [
        "raped",
        "rape",
        "rapes",
        "sexual violence",
        "sexually assaulted",
        "sexual assault",
    ],
    ("Protests", "Peaceful protest"): [
        "protest",
        "protests",
        "protesters",
        "protestors",
        "protested",
        "protesting",
        "demonstration",
        "demonstrations",
        "demonstrators",
        "demonstrated",
        "rally",
        "rallies",
        "rallied",
        "marched",
        "march",
        "sit-in",
        "took to the streets",
        "vigil",
    ],
    ("Protests", "Protest with intervention"): [
        "tear gas",
        "teargas",
        "water cannon",
        "water cannons",
        "dispersed",
        "rubber bullets",
        "batons",
        "arrested protesters",
        "detained protesters",
        "broke up",
    ],
    ("Protests", "Excessive force against protesters"): [
        "shot dead protesters",
        "opened fire on protesters",
        "opened fire on demonstrators",
        "live ammunition",
        "live rounds",
        "killed protesters",
        "killed demonstrators",
        "fired on protesters",
        "fired on demonstrators",
        "opened fire on the crowd",
        "fired into the crowd",
    ],
    ("Riots", "Violent demonstration"): [
        "riot",
        "riots",
        "rioters",
        "rioting",
        "rioted",
        "violent protest",
        "violent protests",
        "violent demonstration",
        "stone-throwing",
        "threw stones",
        "hurled stones",
        "set fire to",
        "barricades",
    ],
    ("Riots", "Mob violence"): ["mob", "mobs", "lynching", "lynch mob", "vigilante justice", "angry crowd"],
    ("Strategic developments", "Agreement"): [
        "ceasefire agreement",
        "peace agreement",
        "peace deal",
        "signed an agreement",
        "agreed to a ceasefire",
        "truce",
        "signed a deal",
        "prisoner exchange",
        "prisoner swap",
    ],
    ("Strategic developments", "Arrests"): ["arrested", "arrests", "detained", "rounded up", "taken into custody"],
    ("Strategic developments", "Looting/property destruction"): [
        "looted",
        "looting",
        "pillaged",
        "ransacked",
        "vandalised",
        "vandalized",
    ],
    ("Strategic developments", "Headquarters or base established"): [
        "set up a base",
        "established a base",
        "set up headquarters",
        "established headquarters",
        "new base",
    ],
    ("Strategic developments", "Disrupted weapons use"): [
        "defused",
        "seized weapons",
        "weapons cache",
        "arms cache",
        "intercepted",
        "shot down",
        "foiled",
    ],
    ("Strategic developments", "Non-violent transfer of territory"): [
        "handed over",
        "pulled out of",
        "withdrew from",
        "handover",
        "took over without a fight",
    ],
    ("Strategic developments", "Change to group/activity"): [
        "merged",
        "formed a new",
        "announced the creation",
        "dissolved",
        "split from",
        "rebranded",
    ],
}
# Triggers that only count when an armed actor or casualty is in the same sentence
# (they are common in ordinary prose: "an attack on prices", "the battle for market share").
WEAK_TRIGGERS = {
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "battle",
    "battles",
    "fight broke",
    "offensive",
    "assault",
    "engaged",
    "combat",
    "raid",
    "raided",
    "withdrew",
    "retreat",
    "retreated",
    "seized",
    "captured",
    "took over",
    "took control",
    "taken control",
    "control of",
    "explosion",
    "explosions",
    "blast",
    "march",
    "rally",
    "rallies",
    "rallied",
    "drones",
    "drone",
    "shells",
    "barrage",
    "projectile",
    "projectiles",
    "hostilities",
    "stormed",
    "routed",
    "gunmen",
    "protest",
    "protests",
    "regained",
    "liberated",
    "arrested",
    "detained",
    "arrests",
    "intercepted",
    "shot down",
    "handed over",
    "merged",
    "dispersed",
    "broke up",
    "mob",
    "barricades",
    "set fire to",
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "truce",
    "recovered control",
    "confrontation",
    "confrontations",
    "vigil",
    "siege",
    "besieged",
    "fell to",
    "dissolved",
    "atrocities",
    "executed",
    "execution",
    "executions",
    "opened fire on",
    "shot dead",
}
# Sub-event types that need a government actor as the subject (retook) or a non-state one (seized).
GOVERNMENT_GAIN = ("Battles", "Government regains territory")
NON_STATE_GAIN = ("Battles", "Non-state actor overtakes territory")
TERRITORY_OBJECTS = {
    "town",
    "city",
    "village",
    "base",
    "camp",
    "locality",
    "area",
    "position",
    "positions",
    "district",
    "region",
    "crossing",
    "outpost",
    "garrison",
    "airport",
    "port",
    "checkpoint",
    "stronghold",
    "capital",
    "border post",
    "hill",
    "bridge",
    "territory",
}
# Diplomacy, analysis, opinion: a weak trigger ("the attack") next to these words is talk about an event.
NON_EVENT_VERBS = {
    "discussed",
    "discuss",
    "met",
    "meets",
    "meeting",
    "talks",
    "visited",
    "visit",
    "called for",
    "urged",
    "condemned",
    "welcomed",
    "praised",
    "warned",
    "suggested",
    "commented",
    "analysed",
    "analyzed",
    "reaffirmed",
    "reaffirming",
    "pledged",
    "promised",
    "expressed",
    "hosted",
    "signed",
    "negotiations",
    "summit",
    "conference",
    "exhibition",
    "fair",
    "expo",
}
# Modal and conditional words: a trigger after them is not an event that happened.
HYPOTHETICAL_WORDS = {
    "could",
    "would",
    "might",
    "may",
    "will",
    "shall",
    "if",
    "unless",
    "threatened",
    "plans",
    "planned",
    "planning",
    "vowed",
    "fear",
    "fears",
    "feared",
    "risk",
    "risks",
    "possible",
    "potential",
    "prevent",
    "avoid",
    "deter",
    "readiness",
    "preparing",
    "prepare",
    "warned",
    "capable",
    "capability",
    "ability",
}
# Cues that a sentence tells history: "since 2012", "previously", "in the past".
BACKGROUND_CUES = [
    "since 20",
    "since 19",
    "previously",
    "in the past",
    "years ago",
    "last year",
    "a year ago",
    "in recent years",
    "has been in a state",
    "have been waging",
    "has been waging",
    "historically",
    "for years",
    "for decades",
    "long-standing",
    "earlier this year",
]
# Words that make "the same day" / "that day" refer to the last date mentioned.
SAME_DAY = ["the same day", "that day", "the same night", "that night"]

# ---------------------------------------------------------------- places
# Prepositions and phrases after which a capitalised name is a location.
LOCATION_PREPOSITIONS = {
    "in",
    "near",
    "at",
    "outside",
    "around",
    "towards",
    "toward",
    "from",
    "into",
    "inside",
    "to",
    "on",
    "across",
    "through",
    "of",
    "between",
    "in and around",
    "close to",
    "nearby",
    "off",
    "within",
    "beyond",
    "along",
    "west of",
    "east of",
    "north of",
    "south of",
    "northwest of",
    "northeast of",
    "southwest of",
    "southeast of",
    "outskirts of",
}
# The strongest location cues, tied to the action: "clashes in X", "attack on X", "ambush near X".
ACTION_LOCATION_PREPOSITIONS = {
    "in",
    "at",
    "near",
    "on",
    "outside",
    "around",
    "south of",
    "north of",
    "east of",
    "west of",
    "northwest of",
    "northeast of",
    "southwest of",
    "southeast of",
    "outskirts of",
    "close to",
    "towards",
    "toward",
    "inside",
    "into",
}
# Prepositions that put the action near, not at, the named place (geo precision 2).
NEAR_PREPOSITIONS = {
    "near",
    "outside",
    "around",
    "close to",
    "south of",
    "north of",
    "east of",
    "west of",
    "northwest of",
    "northeast of",
    "southwest of",
    "southeast of",
    "outskirts of",
    "towards",
    "toward",
    "nearby",
    "off",
    "km from",
    "kilometres from",
    "kilometers from",
    "miles from",
}
# Nouns naming a populated place around a name: "the town of X", "X village", "the X sector".
SETTLEMENT_NOUNS = {
    "island",
    "islet",
    "town",
    "village",
    "city",
    "locality",
    "settlement",
    "hamlet",
    "sector",
    "area",
    "commune",
    "district",
    "neighbourhood",
    "neighborhood",
    "camp",
    "market",
    "oasis",
    "border town",
    "border post",
    "outpost",
    "suburb",
    "municipality",
    "township",
    "county",
    "department",
    "subdistrict",
    "quarter",
    "base",
}
# Nouns naming a first-order region around a name: "Kidal region", "the province of X".
REGION_NOUNS = {
    "region",
    "province",
    "state",
    "governorate",
    "oblast",
    "prefecture",
    "department",
    "division",
    "territory",
    "county",
    "emirate",
    "wilaya",
    "muhafazah",
    "regions",
    "provinces",
}
COMPASS_WORDS = {
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeastern",
    "northwestern",
    "southeastern",
    "southwestern",
    "north-eastern",
    "north-western",
    "south-eastern",
    "south-western",
    "upper",
    "lower",
    "far",
}
BORDER_WORDS = {"border", "frontier", "borders"}
# Phrases that make a place a mere mention rather than where things happened.
NON_ACTION_PLACE_CUES = [
    "official in",
    "officials in",
    "source in",
    "sources in",
    "spokesman in",
    "based in",
    "headquartered in",
    "born in",
    "studied in",
    "visit to",
    "visited",
    "flew to",
    "trip to",
    "capital",
    "ambassador to",
    "embassy in",
    "talks in",
    "meeting in",
    "summit in",
    "conference in",
    "fled to",
    "from the capital",
    "returned to",
]
# Place nouns that may follow a country's name without making it a region's ("the Mali base");
# the others do: "Niger State", "Niger district" are Nigerian regions.
COUNTRY_AREA_NOUNS = {"area", "base", "camp", "market", "sector", "quarter", "outpost", "border post", "border town"}
# "The attack occurred near X": a sentence saying where the incident took place.
OCCURRENCE_PHRASES = ["occurred", "took place", "happened", "unfolded", "was carried out", "were carried out"]
# "and another 23 in Y", "et 23 autres": a figure that counts more of what the one before counted.
ANOTHER_WORDS = {"another", "further", "other", "more"}
# Prepositions too loose to make an unknown capitalised name a place on their own ("forces of Bashar al-Assad").
WEAK_PLACE_PREPOSITIONS = {"of", "from", "to", "by"}
# Second-level areas usually named after their main town: "the Niono district", "le cercle de Niono"
# (precision 2 there).
DISTRICT_NOUNS = {
    "district",
    "districts",
    "municipality",
    "township",
    "county",
    "subdistrict",
    "sub-district",
    "department",
    "prefecture",
    "sub-prefecture",
    "lga",
    "commune",
    "cercle",
    "territory",
}
# ---------------------------------------------------------------- relative positions and incidents
# "28 km west of X", "some 400 kilometres (250 miles) north of the capital X": each unit in km.
DISTANCE_UNITS = {
    "km": 1.0,
    "kms": 1.0,
    "kilometres": 1.0,
    "kilometers": 1.0,
    "kilometre": 1.0,
    "kilometer": 1.0,
    "miles": 1.609,
    "mile": 1.609,
    "mi": 1.609,
}
# Compass bearings, in degrees clockwise from north.
BEARINGS = {
    "north": 0,
    "northeast": 45,
    "north-east": 45,
    "east": 90,
    "southeast": 135,
    "south-east": 135,
    "south": 180,
    "southwest": 225,
    "south-west": 225,
    "west": 270,
    "northwest": 315,
    "north-west": 315,
}
# Words tying a distance to the place it is measured from: "west of X", "12 km from X".
RELATIVE_LINKS = {"of", "from"}
# Words allowed inside a relative phrase: "about 40 km due south of the town of X", "north of the capital X".
RELATIVE_FILLERS = {
    "the",
    "a",
    "capital",
    "town",
    "city",
    "village",
    "regional",
    "provincial",
    "of",
    "due",
    "some",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "over",
    "more",
    "than",
    "less",
    "just",
}
# Words between a place and the distance that places it: "El Dhere, 28 km west of", "X, located 40 km from".
RELATIVE_SUBJECT_GAP = {
    ",",
    "(",
    "”",
    '"',
    "’",
    "located",
    "situated",
    "which",
    "is",
    "lies",
    "some",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "a",
    "village",
    "town",
    "locality",
    "-",
    "—",
    "–",
}
# "on the road between A and B", "the A-B road": a point between two places.
ROAD_NOUNS = {"road", "highway", "route", "axis", "motorway", "track"}
BETWEEN_WORDS = {"between"}
BETWEEN_JOINERS = {"and"}
# "three days after the ambush in X": an elapsed time before a word that points back to an earlier incident.
ELAPSED_TIME_UNITS = {"hour", "hours", "day", "days", "week", "weeks", "month", "months", "year", "years"}
ELAPSED_TIME_LINKS = {"after", "since", "before"}
# Nouns after a place name that make it an institution's name: "the Gaza health ministry", "the X Municipal Council".
INSTITUTION_NOUNS = {
    "ministry",
    "council",
    "municipal",
    "governorate's",
    "authorities",
    "administration",
    "commission",
    "parliament",
    "assembly",
    "government",
    "health",
    "embassy",
    "consulate",
}
# A sentence opening another incident of the same report: "Meanwhile, ...", "In a separate attack, ...".
INCIDENT_OPENERS = [
    "meanwhile",
    "separately",
    "elsewhere",
    "in a separate",
    "in another",
    "in a second",
    "in a similar",
    "also on",
    "earlier on",
    "earlier in the day",
    "later on",
    "later that day",
]
# Titles before a person's name; a name after them is not a place.
PERSON_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "colonel",
    "col",
    "general",
    "gen",
    "lieutenant",
    "lt",
    "captain",
    "capt",
    "major",
    "maj",
    "sergeant",
    "sgt",
    "commander",
    "minister",
    "prime",
    "governor",
    "mayor",
    "senator",
    "sheikh",
    "imam",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "emir",
    "sultan",
    "chief",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "secretary",
    "ambassador",
    "marshal",
    "admiral",
    "brigadier",
    "professor",
    "prof",
    "judge",
    "justice",
    "bishop",
    "father",
    "rev",
    "reverend",
    "lawmaker",
    "deputy",
    "envoy",
    "director",
    "chairman",
    "leader",
    "founder",
    "analyst",
    "fellow",
    "researcher",
    "official",
}
# Capitalised words that never start a place name on their own.
NON_PLACE_WORDS = {
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "of",
    "and",
    "or",
    "but",
    "for",
    "to",
    "from",
    "by",
    "with",
    "as",
    "after",
    "before",
    "while",
    "when",
    "since",
    "during",
    "however",
    "although",
    "though",
    "meanwhile",
    "additionally",
    "moreover",
    "similarly",
    "also",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "it",
    "its",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "we",
    "our",
    "i",
    "you",
    "who",
    "what",
    "which",
    "where",
    "why",
    "how",
    "according",
    "president",
    "minister",
    "ministry",
    "army",
    "armed",
    "forces",
    "force",
    "group",
    "front",
    "council",
    "security",
    "military",
    "government",
    "authorities",
    "police",
    "national",
    "general",
    "staff",
    "command",
    "colonel",
    "reuters",
    "afp",
    "ap",
    "apa",
    "photo",
    "video",
    "update",
    "breaking",
    "exclusive",
    "read",
    "more",
    "join",
    "follow",
    "share",
    "load",
    "next",
    "story",
    "subscribe",
    "advertisement",
    "related",
    "topics",
    "other",
    "un",
    "u.n",
    "eu",
    "au",
    "nato",
    "ecowas",
    "site",
    "telegram",
    "twitter",
    "facebook",
    "whatsapp",
    "youtube",
    "islam",
    "islamic",
    "muslim",
    "muslims",
    "christian",
    "christians",
    "sunni",
    "shia",
    "tuareg",
    "arab",
    "fulani",
    "international",
    "community",
    "foreign",
    "defence",
    "defense",
    "intelligence",
    "strategic",
    "permanent",
    "peace",
    "development",
    "policy",
    "center",
    "centre",
    "institute",
    "university",
    "new",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "amateur",
    "things",
    "members",
    "sandstorms",
    "long-standing",
    "got",
    "find",
    "contact",
    "question",
    "socials",
    "may",
    "will",
    "should",
    "transition",
    "republic",
    "kingdom",
    "state",
    "states",
    "union",
    "united",
    "nations",
    "democratic",
    "people",
    "popular",
    "liberation",
    "movement",
    "coalition",
    "alliance",
    "brigade",
    "battalion",
    "regiment",
    "division",
    "unit",
    "office",
    "agency",
    "committee",
    "commission",
    "mission",
    "party",
    "organisation",
    "organization",
    "day",
    "week",
    "month",
    "year",
    "today",
    "yesterday",
    "tomorrow",
    "am",
    "pm",
    "gmt",
    "utc",
    "mr",
    "mrs",
    "dr",
    "god",
    "allah",
    "christmas",
    "ramadan",
    "eid",
    "easter",
    "covid",
    "internet",
    "press",
    "news",
    "media",
    "tv",
}
# Hyphenated adjectives are not names: "Tuareg-led", "Russia-backed".
ADJECTIVE_SUFFIXES = {
    "led",
    "backed",
    "based",
    "linked",
    "affiliated",
    "born",
    "speaking",
    "majority",
    "dominated",
    "controlled",
    "held",
    "run",
    "allied",
    "aligned",
    "owned",
    "made",
    "style",
    "americans",
    "american",
    "african",
    "bound",
}
# Areas larger than any gazetteer place: never the event's place.
SUPRANATIONAL_REGIONS = {
    "africa",
    "europe",
    "asia",
    "america",
    "americas",
    "sahel",
    "sahara",
    "maghreb",
    "middle east",
    "west africa",
    "east africa",
    "central africa",
    "north africa",
    "southern africa",
    "horn of africa",
    "great lakes",
    "levant",
    "balkans",
    "caucasus",
    "gulf",
    "persian gulf",
    "arabian peninsula",
    "latin america",
    "south asia",
    "southeast asia",
    "central asia",
    "lake chad",
    "lake chad basin",
    "liptako-gourma",
    "arctic",
    "pacific",
    "atlantic",
    "mediterranean",
    "red sea",
    "black sea",
}
# Connectors allowed inside a multiword capitalised place name: "Ras al Ain", "Dar es Salaam".
NAME_CONNECTORS = {
    "al",
    "el",
    "de",
    "du",
    "des",
    "la",
    "le",
    "es",
    "ad",
    "ar",
    "as",
    "ash",
    "at",
    "az",
    "an",
    "bin",
    "ibn",
    "da",
    "do",
    "dos",
    "das",
    "del",
    "di",
    "van",
    "von",
    "of",
    "on",
    "upon",
    "sur",
    "en",
    "i",
}
# Adjectives between an article and a settlement noun: "the small border town of X".
SETTLEMENT_ADJECTIVES = {
    "border",
    "small",
    "remote",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "frontier",
    "strategic",
    "key",
    "nearby",
}
# "Moscow has denied": a capital standing for its government.
DENIAL_VERBS = {"denied", "rejected"}
# Verbs right after a capitalised name that make it a person or organisation, not a place.
PERSON_VERBS = {
    "said",
    "says",
    "told",
    "added",
    "stated",
    "claimed",
    "declared",
    "asserted",
    "explained",
    "commented",
    "warned",
    "noted",
    "wrote",
    "tweeted",
    "insisted",
    "argued",
    "suggested",
    "stressed",
}

# ---------------------------------------------------------------- sentences
# Line endings that make a line page furniture: a photo credit.
# The word a byline starts with: "By John Smith" (a short line of capitalised names after it).
BYLINE_WORDS = {"by"}
BOILERPLATE_LINE_SUFFIXES = ["photo: reuters"]
# Elided words split off the word they lean on, with the full form they read as (French "l'" -> "le"): none in English.
ELISIONS: dict[str, str] = {}
ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "col",
    "lt",
    "capt",
    "maj",
    "sgt",
    "st",
    "no",
    "vs",
    "etc",
    "inc",
    "ltd",
    "co",
    "corp",
    "jr",
    "sr",
    "u.s",
    "u.n",
    "u.k",
    "e.g",
    "i.e",
    "a.m",
    "p.m",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "approx",
    "est",
    "fig",
    "gov",
    "sen",
    "rep",
    "rev",
    "prof",
    "mt",
    "ft",
    "adm",
    "cmdr",
    "brig",
    "pvt",
    "cpl",
}
# Lines that are page furniture, not report: "Load Next Story", "YOU MAY ALSO READ: ...".
BOILERPLATE_LINE_PREFIXES = [
    "you may also read",
    "also read",
    "read more",
    "read also",
    "related:",
    "see also",
    "recommended",
    "load next",
    "join us",
    "follow our",
    "follow us",
    "subscribe",
    "sign up",
    "got a question",
    "find us on",
    "click here",
    "advertisement",
    "other topics of interest",
    "share this",
    "photo:",
    "image:",
    "watch:",
    "listen:",
    "copyright",
    "all rights reserved",
]

"""French lexicon: every French word list and pattern fragment the parser uses.

It defines the same names as ``en.py``, with the same types and shapes, filled with
French; the language-neutral modules read them as ``lexicon.NAME`` (the interface is ``base.Lexicon``).

How the parser sees French text, which the lists are written for:
- tokens are lowercased words with their accents ("tués", "burkinabè"); hyphenated words
  are one token ("porte-parole", "après-midi", "quatre-vingt-dix");
- elided words are split off and read as their full form (see ELISIONS): "l'armée" is
  ("le", "armée"), "d'après" is ("de", "après"), "jusqu'à" is ("jusque", "à"). Phrases
  below are written in plain French with their apostrophes and go through the same
  tokenizer; in sets of single words, the full forms ("de", "le", "se") are what counts;
- there is no stemming: masculine/feminine and singular/plural forms are listed one by one.
"""

import unicodedata

# Re-exported unchanged: canonical actor names ("Civilians (Mali)") and ACLED's sub-event types never
# depend on the report's language.
from .en import COUNTRY_DISPLAY_NAMES, GOVERNMENT_GAIN, NON_STATE_GAIN  # noqa: F401

# Number words ("deux cent cinquante", "quatre-vingt-dix-neuf") are read by text2num.
from text_to_num import find_numbers as _find_numbers

# ---------------------------------------------------------------- numbers
# "un"/"une" are the number one as well as the article: "un soldat a été tué" is a figure of 1.
UNITS = {
    "zéro": 0, "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
    "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15,
    "seize": 16, "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19,
}  # fmt: skip
# "septante", "huitante"/"octante", "nonante": Belgian and Swiss French.
TENS = {
    "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60, "soixante-dix": 70, "septante": 70,
    "quatre-vingt": 80, "quatre-vingts": 80, "huitante": 80, "octante": 80, "quatre-vingt-dix": 90, "nonante": 90,
}  # fmt: skip
MULTIPLIERS = {"cent": 100, "cents": 100, "mille": 1000, "million": 1_000_000, "millions": 1_000_000}
DOZEN = "douzaine"
HALF = "demi"  # "une demi-douzaine" is one token: it is in APPROXIMATE_NOUNS
# Words that can stand for "one" before a multiplier: "un million", "une douzaine".
INDEFINITE_ONE = {"un", "une"}
# The indefinite articles among them: "une dizaine" is an estimate of 10 (APPROXIMATE_NOUNS).
INDEFINITE_ARTICLES = {"un", "une"}
NUMBER_CONNECTOR = "et"  # "vingt et un", "soixante et onze"
# Nouns that are an estimate by themselves after an indefinite article: "une dizaine de morts" is
# about 10 (qualifier "approximately"). Their plurals without a figure ("des dizaines") are VAGUE_QUANTITIES.
APPROXIMATE_NOUNS = {
    "dizaine": 10, "douzaine": 12, "demi-douzaine": 6, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100, "demi-millier": 500, "millier": 1000,
}  # fmt: skip


class _Word:
    """A word as text2num's find_numbers reads it."""

    __slots__ = ("word",)

    def __init__(self, word: str):
        self.word = word

    def text(self) -> str:
        return self.word

    def nt_separated(self, previous: "_Word") -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def _read_number_words(words: list[str]) -> tuple[int, int] | None:
    """The figure French number words make from words[0] on: (value, words used), or None.

    "deux cent cinquante morts" -> (250, 3); "quatre-vingt-dix-neuf" -> (99, 1); "vingt et un" -> (21, 3).
    Ordinals ("deuxième") and words that do not start a number give None.
    """
    if not words or not words[0][:1].isalpha():
        return None
    found = _find_numbers([_Word(word) for word in words], "fr", 0.0)
    if not found or found[0].start != 0 or found[0].is_ordinal or found[0].value != int(found[0].value):
        return None
    return int(found[0].value), found[0].end


# A reader of number words (see en.py).
read_number_words = _read_number_words
# Written figures: "1 200", "1 200" (no-break or narrow no-break space) and "1.200" group thousands;
# the decimal mark is a comma ("1,5 million").
THOUSANDS_SEPARATORS = " .\u00a0\u202f"

# Qualifiers before a figure, longest first. Values are the claim qualifiers.
QUALIFIER_PHRASES = [
    ("pas moins de", "at_least"), ("au bas mot", "at_least"), ("un minimum de", "at_least"),
    ("au minimum", "at_least"), ("au moins", "at_least"), ("un peu plus de", "at_least"), ("plus de", "at_least"),
    ("au-delà de", "at_least"), ("bien plus de", "at_least"),
    ("une estimation de", "approximately"), ("estimé à", "approximately"), ("estimés à", "approximately"),
    ("estimées à", "approximately"), ("estimée à", "approximately"), ("approximativement", "approximately"),
    ("environ", "approximately"), ("près de", "approximately"), ("presque", "approximately"),
    ("quasiment", "approximately"), ("pratiquement", "approximately"), ("à peu près", "approximately"),
    ("autour de", "approximately"), ("aux alentours de", "approximately"), ("de l'ordre de", "approximately"),
    ("plus ou moins", "approximately"), ("quelque", "approximately"), ("avoisinant", "approximately"),
    ("jusqu'à", "up_to"), ("au plus", "up_to"), ("tout au plus", "up_to"), ("au maximum", "up_to"),
    ("pas plus de", "up_to"), ("un peu moins de", "up_to"), ("moins de", "up_to"),
]  # fmt: skip
# Qualifiers right after a figure: "20 ou plus", "une cinquantaine au moins".
TRAILING_QUALIFIERS = [("ou plus", "at_least"), ("et plus", "at_least"), ("au moins", "at_least"),
                       ("environ", "approximately"), ("à peu près", "approximately")]  # fmt: skip
RANGE_OPENERS = {"entre"}  # "entre 10 et 15"
RANGE_JOINERS = {"et", "à", "-", "–", "ou"}  # "10 à 15", "10-15", "10 ou 15"
# Joiners that are words: a range only after RANGE_OPENERS ("tué 2 et blessé 10" is two figures).
RANGE_WORD_JOINERS = {"et", "ou"}

# Amounts without a figure: a claim with qualifier "vague" and no counts.
VAGUE_QUANTITIES = [
    "des dizaines", "dizaines", "des centaines", "centaines", "des milliers", "milliers", "des vingtaines",
    "plusieurs dizaines", "plusieurs centaines", "plusieurs milliers", "quelques dizaines", "quelques centaines",
    "plusieurs", "de nombreux", "de nombreuses", "nombreux", "nombreuses", "d'innombrables", "innombrables",
    "un grand nombre de", "un grand nombre", "un nombre important de", "un nombre important", "un nombre indéterminé de", "un certain nombre de",
    "un nombre élevé de", "beaucoup de", "une multitude de", "une poignée de", "quelques", "un lourd bilan",
    "un bilan lourd", "un bilan très lourd",
]  # fmt: skip
# "de lourdes pertes", "pertes considérables": a vague adjective next to a loss noun (French puts
# most of them after the noun: "des pertes importantes").
VAGUE_LOSS_ADJECTIVES = {
    "lourd", "lourde", "lourds", "lourdes", "important", "importante", "importants", "importantes", "considérable",
    "considérables", "énorme", "énormes", "significatif", "significative", "significatifs", "significatives",
    "sévère", "sévères", "grave", "graves", "grand", "grande", "grands", "grandes", "massif", "massive", "massives",
    "massifs", "innombrables", "humain", "humaine", "humains", "humaines", "matériel", "matérielle", "matériels",
    "matérielles", "sérieuses", "sérieux", "nombreuses", "nombreux", "terribles", "terrible",
}  # fmt: skip
LOSS_NOUNS = {"pertes": "other", "perte": "other", "victimes": "other", "bilan": "killed", "décès": "killed",
              "morts": "killed"}  # fmt: skip
# Loss nouns narrowed by what follows: "pertes en vies humaines", "pertes humaines" are deaths.
LOSS_OF_LIFE_WORDS = {"vies", "vie", "humaines", "humaine"}

# A figure followed by one of these is a measure, not people: "trois jours", "72 heures", "12 km", "12 ans".
MEASURE_UNITS = {
    "jour", "jours", "nuit", "nuits", "heure", "heures", "h", "min", "mn", "minute", "minutes", "seconde",
    "secondes", "semaine", "semaines", "mois", "an", "ans", "année", "années", "décennie", "décennies", "siècle",
    "siècles", "km", "kms", "kilomètre", "kilomètres", "kilometres", "mètre", "mètres", "metres", "m", "cm", "mm",
    "kg", "kilos", "kilogrammes", "tonne", "tonnes", "t", "pour", "pourcent", "pourcents", "%", "degrés", "°",
    "fois", "dollars", "dollar", "euros", "euro", "francs", "franc", "fcfa", "cfa", "nairas", "naira", "dinars",
    "dirhams", "shillings", "roupies", "livres", "milliard", "milliards", "billions", "hectares", "ha", "litres",
    "calibre", "cartouches", "e", "er", "ère", "ème", "eme", "ième",
}  # fmt: skip
CURRENCY_SIGNS = {"$", "€", "£", "¥", "us$", "usd", "eur", "cfa", "fcfa", "xof", "xaf", "fc", "dh", "da"}
# Words right before a figure that make it an age ("âgé de 12 ans" is caught by "ans" in MEASURE_UNITS).
AGE_CUES = {"âge", "âgé", "âgée", "âgés", "âgées"}
ORDINAL_CUES = {"n°", "no", "numéro", "résolution", "article", "route", "rn", "nationale", "brigade", "bataillon",
                "division", "régiment", "compagnie", "escadron", "secteur", "pk", "décret", "loi", "page",
                "chapitre", "section"}  # fmt: skip

# ---------------------------------------------------------------- dates
# Lowercase in running text ("le 19 août 2019"); unaccented spellings are common on the web.
# "sept" is not here: it is the number seven far more often than September.
MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "mars": 3,
    "avril": 4, "avr": 4, "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9,
    "octobre": 10, "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
# Parts of a day after a weekday ("dimanche soir à lundi"): a regex alternation, longest first.
DAY_PARTS = ["après-midi", "mi-journée", "petit matin", "matinée", "matin", "soirée", "soir", "nuit", "aube", "midi"]
# Part-of-month words before a month name: "fin juillet" is the 21st to the end, "mi-août" the 11th to the 20th.
MONTH_PARTS = {
    "début": (1, 10), "début du mois de": (1, 10), "mi": (11, 20), "milieu du mois de": (11, 20), "fin": (21, 31),
    "fin du mois de": (21, 31), "courant": (1, 31), "courant du mois de": (1, 31), "première quinzaine de": (1, 15),
    "deuxième quinzaine de": (16, 31), "seconde quinzaine de": (16, 31),
}  # fmt: skip
RELATIVE_DAYS = {
    "aujourd'hui": 0, "aujourd’hui": 0, "ce matin": 0, "cet après-midi": 0, "ce soir": 0, "cette nuit": 0,
    "hier": -1, "hier matin": -1, "hier après-midi": -1, "hier soir": -1, "la nuit dernière": -1, "la veille": -1,
    "avant-hier": -2,
}  # fmt: skip
RELATIVE_WEEKS = {
    "la semaine dernière": -1, "la semaine passée": -1, "cette semaine": 0, "en début de semaine": 0,
    "plus tôt cette semaine": 0, "en fin de semaine dernière": -1, "ce week-end": "weekend", "ce weekend": "weekend",
    "le week-end dernier": "weekend", "le weekend dernier": "weekend", "pendant le week-end": "weekend",
    "durant le week-end": "weekend", "au cours du week-end": "weekend", "lors du week-end": "weekend",
}  # fmt: skip
RELATIVE_MONTHS = {"le mois dernier": -1, "le mois passé": -1, "ce mois-ci": 0, "plus tôt ce mois-ci": 0}
NUMBER_AGO_UNITS = {"jour": 1, "jours": 1, "semaine": 7, "semaines": 7, "mois": 30, "an": 365, "ans": 365,
                    "année": 365, "années": 365}  # fmt: skip
# "samedi dernier", "juillet dernier": in French the word FOLLOWS the weekday or month.
LAST = "dernier"
# Month and weekday names are lowercase in French running text ("lundi 20 février").
CALENDAR_CAPITALISED = False
DAY_SUFFIXES = r"er|re|e|ème"  # "le 1er août", "le 2e jour" (a regex alternation)
DAY_ARTICLE = r"(?:le|ce)"  # "le 26 juillet", "ce 26 juillet", "depuis le 5 mai" (a regex)
DAY_MONTH_LINK = r""  # the month follows the day directly: "26 juillet"
# Words before a weekday and what they make of it: "ce lundi".
WEEKDAY_CUES_BEFORE = {"ce": "this"}
# Words after a weekday: "samedi dernier", "lundi passé", "mardi prochain".
WEEKDAY_CUES_AFTER = {"dernier": "last", "passé": "last", "prochain": "next"}
# Words after a month name that put it in the past year: "novembre dernier".
LAST_AFTER = {"dernier", "passé"}
# Words right before a month name that let it stand alone as a date: "en juillet", "depuis mars".
MONTH_CUES = ["en", "depuis", "dès", "de", "pendant", "durant", "avant", "après", "jusqu'en", "jusqu’en", "vers"]
# "il y a trois jours": the cue comes BEFORE the figure. {N} is a figure (digits or a number word),
# {U} a unit of NUMBER_AGO_UNITS (a regex).
AGO_PATTERN = r"\bil\s+y\s+a\s+(?:(?:environ|près\s+de|plus\s+de|moins\s+de|quelque)\s+)?(?P<n>{N})\s+(?P<unit>{U})\b"
AGO_WORDS = ["il y a"]  # words every "ago" phrase holds (patterns are skipped when they are absent)
NIGHT_WORDS = ("nuit",)  # words every NIGHT_OF phrase holds
# Words after a figure that make it a percentage, not a year: "2020 pour cent" (a regex alternation).
PERCENT_WORDS = r"pour\s+cent|pourcents?"
# Words after a year that make it one of a list of years: "2020 et 2021", "de 2012 à 2015".
YEAR_LIST_JOINERS = {"et", "à", "au", "-", "–", "ou"}
# Words between which a weekday pair or a day pair forms a range: "du 22 au 23 juillet", "de lundi à mercredi".
DATE_RANGE_JOINERS = r"(?:-|–|—|jusqu['’]au\b|au\b|à\b|et\b)"
# "dans la nuit du 22 au 23 juillet", "la nuit de mercredi à jeudi".
NIGHT_OF = r"(?:dans\s+)?la\s+nuit\s+d[eu]"
SINCE = {"depuis", "dès", "à partir de", "à partir du"}
# Words before a four-digit figure that make it a year: "en 2012", "depuis 2012", "jusqu'en 2015".
# Not "de": "plus de 2000 morts" is a count.
YEAR_CUES = {"en", "depuis", "dès", "jusqu'en", "jusqu’en", "avant", "après", "entre", "et", "année", "l'année",
             "l’année", "an", "l'an", "l’an", "début", "fin", "mi", "courant", "pendant", "durant", "vers", "été",
             "hiver", "printemps", "automne", "janvier", "février", "fevrier", "mars", "avril", "mai", "juin",
             "juillet", "août", "aout", "septembre", "octobre", "novembre", "décembre", "decembre", "coup",
             "putsch", "élection", "élections", "présidentielle", "présidentielles", "législatives", "crise"}  # fmt: skip

# ---------------------------------------------------------------- countries
# ISO2|French name|other names;...|demonyms;...  Names are written as in running text (capitalised);
# demonyms are lowercase stems that _demonym_forms() inflects ("malien" -> malienne, maliens,
# maliennes); a demonym ending in "!" is taken as written. "l'armée malienne": the demonym follows.
_COUNTRY_ROWS = """
AF|Afghanistan||afghan
AL|Albanie||albanais
DZ|Algérie||algérien
AO|Angola||angolais
AR|Argentine||argentin
AM|Arménie||arménien
AU|Australie||australien
AT|Autriche||autrichien
AZ|Azerbaïdjan||azerbaïdjanais;azéri
BH|Bahreïn||bahreïnien;bahreïni
BD|Bangladesh||bangladais;bangladeshi
BY|Biélorussie|Bélarus|biélorusse
BE|Belgique||belge
BJ|Bénin||béninois
BT|Bhoutan||bhoutanais
BO|Bolivie||bolivien
BA|Bosnie-Herzégovine|Bosnie|bosnien;bosniaque
BW|Botswana||botswanais
BR|Brésil||brésilien
BG|Bulgarie||bulgare
BF|Burkina Faso|Burkina|burkinabè!;burkinabé!;burkinabe!;burkinabès!;burkinabés!;burkinabes!;burkinabée!;burkinabées!
BI|Burundi||burundais
KH|Cambodge||cambodgien
CM|Cameroun||camerounais
CA|Canada||canadien
CF|République centrafricaine|Centrafrique;RCA;République Centrafricaine|centrafricain
TD|Tchad||tchadien
CL|Chili||chilien
CN|Chine||chinois
CO|Colombie||colombien
KM|Comores||comorien
CD|République démocratique du Congo|RDC;RD Congo;RDCongo;R.D. Congo;Congo-Kinshasa;Congo Kinshasa;République Démocratique du Congo|congolais
CG|République du Congo|Congo-Brazzaville;Congo Brazzaville|
CR|Costa Rica||costaricien;costaricain
CI|Côte d'Ivoire|Côte d’Ivoire;Cote d'Ivoire|ivoirien
HR|Croatie||croate
CU|Cuba||cubain
CY|Chypre||chypriote
CZ|République tchèque|Tchéquie|tchèque
DK|Danemark||danois
DJ|Djibouti||djiboutien
DO|République dominicaine||dominicain
EG|Égypte||égyptien
EC|Équateur||équatorien
SV|Salvador|El Salvador|salvadorien
GQ|Guinée équatoriale||équato-guinéen
ER|Érythrée||érythréen
EE|Estonie||estonien
SZ|Eswatini|Swaziland|swazi
ET|Éthiopie||éthiopien
FI|Finlande||finlandais
FR|France||français
GA|Gabon||gabonais
GM|Gambie||gambien
GE|Géorgie|Georgie|géorgien
DE|Allemagne||allemand
GH|Ghana||ghanéen
GR|Grèce||grec!;grecque!;grecs!;grecques!
GT|Guatemala||guatémaltèque
GN|Guinée|Guinée-Conakry;Guinée Conakry|guinéen
GW|Guinée-Bissau|Guinée Bissau|bissau-guinéen
GY|Guyana||guyanien
HT|Haïti|Haiti|haïtien
HN|Honduras||hondurien
HU|Hongrie||hongrois
IN|Inde||indien
ID|Indonésie||indonésien
IR|Iran||iranien
IQ|Irak|Iraq|irakien
IE|Irlande||irlandais
IL|Israël|Israel|israélien
IT|Italie||italien
JM|Jamaïque||jamaïcain
JP|Japon||japonais
JO|Jordanie||jordanien
KZ|Kazakhstan||kazakh
KE|Kenya||kényan;kenyan
XK|Kosovo||kosovar
KW|Koweït|Koweit|koweïtien
KG|Kirghizistan||kirghiz
LA|Laos||laotien
LV|Lettonie||letton
LB|Liban||libanais
LS|Lesotho||lésothien
LR|Liberia|Libéria|libérien
LY|Libye||libyen
LT|Lituanie||lituanien
MG|Madagascar||malgache
MW|Malawi||malawite;malawien
MY|Malaisie||malaisien
ML|Mali||malien
MR|Mauritanie||mauritanien
MX|Mexique||mexicain
MD|Moldavie|Moldova|moldave
MN|Mongolie||mongol
ME|Monténégro||monténégrin
MA|Maroc||marocain
MZ|Mozambique||mozambicain
MM|Birmanie|Myanmar|birman
NA|Namibie||namibien
NP|Népal||népalais
NL|Pays-Bas|Hollande|néerlandais;hollandais
NZ|Nouvelle-Zélande||néo-zélandais
NI|Nicaragua||nicaraguayen
NE|Niger||nigérien
NG|Nigeria|Nigéria|nigérian
KP|Corée du Nord||nord-coréen
MK|Macédoine du Nord|Macédoine|macédonien
NO|Norvège||norvégien
OM|Oman||omanais
PK|Pakistan||pakistanais
PS|Palestine|Territoires palestiniens;Bande de Gaza;bande de Gaza;Cisjordanie|palestinien
PA|Panama||panaméen
PG|Papouasie-Nouvelle-Guinée||papouan-néo-guinéen
PY|Paraguay||paraguayen
PE|Pérou||péruvien
PH|Philippines||philippin
PL|Pologne||polonais
PT|Portugal||portugais
QA|Qatar||qatari;qatarien
RO|Roumanie||roumain
RU|Russie|Fédération de Russie|russe
RW|Rwanda||rwandais
SA|Arabie saoudite|Arabie Saoudite|saoudien
SN|Sénégal||sénégalais
RS|Serbie||serbe
SL|Sierra Leone||sierra-léonais;sierraléonais
SG|Singapour||singapourien
SK|Slovaquie||slovaque
SI|Slovénie||slovène
SO|Somalie||somalien;somali
ZA|Afrique du Sud||sud-africain
KR|Corée du Sud||sud-coréen
SS|Soudan du Sud|Sud-Soudan|sud-soudanais
ES|Espagne||espagnol
LK|Sri Lanka||sri-lankais;srilankais
SD|Soudan||soudanais
SR|Suriname|Surinam|surinamais
SE|Suède||suédois
CH|Suisse||suisse
SY|Syrie||syrien
TW|Taïwan|Taiwan|taïwanais
TJ|Tadjikistan||tadjik
TZ|Tanzanie||tanzanien
TH|Thaïlande||thaïlandais
TL|Timor oriental|Timor-Leste|timorais
TG|Togo||togolais
TN|Tunisie||tunisien
TR|Turquie||turc!;turque!;turcs!;turques!
TM|Turkménistan||turkmène
UG|Ouganda||ougandais
UA|Ukraine||ukrainien
AE|Émirats arabes unis|Émirats Arabes Unis;Émirats|émirati;émirien
GB|Royaume-Uni|Grande-Bretagne;Angleterre|britannique
US|États-Unis|USA;Etats-Unis;États-Unis d'Amérique;Amérique|américain
UY|Uruguay||uruguayen
UZ|Ouzbékistan||ouzbek!;ouzbèke!;ouzbeks!;ouzbèkes!
VE|Venezuela|Vénézuela|vénézuélien
VN|Viêt Nam|Vietnam;Viet Nam|vietnamien
EH|Sahara occidental||sahraoui
YE|Yémen||yéménite
ZM|Zambie||zambien
ZW|Zimbabwe||zimbabwéen
"""


def _demonym_forms(stem: str) -> list[str]:
    """The four forms of a French demonym from its masculine singular (lowercase)."""
    if stem.endswith("!"):
        return [stem[:-1]]
    if stem.endswith(("en", "on")):  # malien -> malienne, maliens, maliennes; letton -> lettonne
        return [stem, stem + "ne", stem + "s", stem + "nes"]
    if stem.endswith(("s", "x")):  # français -> française, françaises (the plural is the singular)
        return [stem, stem + "e", stem + "es"]
    if stem.endswith("e"):  # russe -> russes
        return [stem, stem + "s"]
    return [stem, stem + "e", stem + "s", stem + "es"]  # marocain -> marocaine, marocains, marocaines


def _unaccented(text: str) -> str:
    """ "Sénégal" -> "Senegal", "burkinabè" -> "burkinabe": web French often drops accents."""
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _country_table() -> tuple[dict[str, str], dict[str, str]]:
    names, demonyms = {}, {}
    for row in _COUNTRY_ROWS.strip().splitlines():
        code, name, others, people = row.split("|")
        for alias in [name, *filter(None, others.split(";"))]:
            names.setdefault(alias, code)
            names.setdefault(_unaccented(alias), code)
        for stem in filter(None, people.split(";")):
            for demonym in _demonym_forms(stem):
                demonyms.setdefault(demonym, code)
                demonyms.setdefault(_unaccented(demonym), code)
    return names, demonyms


# French country names (as written, matched case-sensitively after folding accents; the accent-free
# spellings are listed too) -> ISO2; lowercase demonyms with all their inflections -> ISO2.
# COUNTRY_DISPLAY_NAMES is English's (imported above).
COUNTRY_NAMES, DEMONYMS = _country_table()
# Country names that are also words or names ("le fleuve Niger", "le lac Tchad", "France Télévisions",
# "la province de l'Équateur"): not before another capitalised word.
AMBIGUOUS_COUNTRY_NAMES = {"Niger", "Tchad", "Guinée", "Géorgie", "Georgie", "Congo", "Salvador", "Équateur",
                           "Amérique", "Israël", "France", "RCA"}  # fmt: skip

# ---------------------------------------------------------------- claims
# Kind of a claim from the verb or noun next to the figure. Keys are lowercase words
# or short phrases (matched on token sequences).
KIND_WORDS = {
    "killed": ["tué", "tués", "tuée", "tuées", "tuant", "tuer", "tue", "tuent", "mort", "morts", "morte", "mortes",
               "décès", "décédé", "décédés", "décédée", "décédées", "péri", "ont péri", "périr", "trouvé la mort",
               "ont trouvé la mort", "perdu la vie", "ont perdu la vie", "neutralisé", "neutralisés", "neutralisée",
               "neutralisées", "neutralisant", "neutraliser", "abattu", "abattus", "abattue", "abattues",
               "exécuté", "exécutés", "exécutée", "exécutées", "massacré", "massacrés", "massacrée", "massacrées",
               "assassiné", "assassinés", "assassinée", "assassinées", "éliminé", "éliminés", "éliminée",
               "éliminées", "éliminant", "liquidé", "liquidés", "égorgé", "égorgés", "égorgée", "égorgées",
               "décapité", "décapités", "fusillé", "fusillés", "tués par balle", "abattus par balle",
               "morts par balle", "criblés de balles", "brûlés vifs", "brûlé vif", "brûlées vives", "brûlée vive",
               "tombés au combat", "tombé au combat", "tombés sous les balles", "tombés au front", "tombés en martyrs",
               "morts au combat", "tués au combat", "martyrs", "succombé", "succombé à ses blessures",
               "succombé à leurs blessures", "mortellement", "mortellement blessé", "mortellement blessés",
               "blessé mortellement", "blessés mortellement", "sans vie", "cadavres", "dépouilles",
               "corps sans vie", "bilan", "bilan humain", "bilan macabre",
               "perdu"],  # "nous avons perdu quatre hommes"
    "wounded": ["blessé", "blessés", "blessée", "blessées", "blessant", "blesser", "blessure", "blessures",
                "grièvement blessé", "grièvement blessés", "légèrement blessés", "mutilé", "mutilés"],
    "captured": ["enlevé", "enlevés", "enlevée", "enlevées", "enlevant", "enlever", "enlèvement", "enlèvements",
                 "kidnappé", "kidnappés", "kidnappée", "kidnappées", "kidnappant", "pris en otage", "pris en otages",
                 "prises en otage", "prise en otage", "retenus en otage", "retenues en otage", "otage", "otages",
                 "fait prisonnier", "faits prisonniers", "faites prisonnières", "prisonnier", "prisonniers",
                 "prisonnières", "capturé", "capturés", "capturée", "capturées", "capturant", "arrêté", "arrêtés",
                 "arrêtée", "arrêtées", "interpellé", "interpellés", "interpellée", "interpellées", "appréhendé",
                 "appréhendés", "détenu", "détenus", "détenues", "séquestré", "séquestrés", "séquestrées",
                 "emmenés de force", "captifs", "captives", "rapt"],
    "missing": ["porté disparu", "portés disparus", "portée disparue", "portées disparues", "disparu", "disparus",
                "disparue", "disparues", "manquent à l'appel", "manque à l'appel", "manquent toujours à l'appel",
                "manquent encore à l'appel", "introuvables", "sans nouvelles"],
    "displaced": ["déplacé", "déplacés", "déplacée", "déplacées", "déplacés internes", "ont fui", "fui", "fuyant",
                  "fuir", "contraints de fuir", "forcés de fuir", "ont fui leurs foyers", "quitté leurs foyers",
                  "abandonné leurs foyers", "abandonné leurs villages", "sans-abri", "sans abri", "réfugiés",
                  "réfugiées", "évacué", "évacués", "évacuées", "déracinés"],
    "destroyed": ["détruit", "détruits", "détruite", "détruites", "détruisant", "incendié", "incendiés", "incendiée",
                  "incendiées", "brûlé", "brûlés", "brûlée", "brûlées", "endommagé", "endommagés", "endommagée",
                  "endommagées", "saccagé", "saccagés", "saccagées", "calcinés", "calcinées", "réduits en cendres",
                  "réduites en cendres", "rasé", "rasés", "rasées", "mis hors d'usage", "intercepté", "interceptés",
                  "interceptée", "interceptées"],
}  # fmt: skip
# Kind words that are nouns heading the figure's own phrase: "20 morts", "12 blessés", "5 otages".
# "victimes" may be dead or wounded: "other".
KIND_HEAD_NOUNS = {
    "morts": "killed", "mort": "killed", "tués": "killed", "tuées": "killed", "décès": "killed", "corps": "killed",
    "cadavres": "killed", "dépouilles": "killed", "victimes": "other", "blessés": "wounded", "blessées": "wounded",
    "blessures": "wounded", "otages": "captured", "prisonniers": "captured", "captifs": "captured",
    "détenus": "captured", "disparus": "missing", "disparues": "missing", "pertes": "other",
    "déplacés": "displaced", "déplacées": "displaced", "réfugiés": "displaced",
}  # fmt: skip
# Auxiliaries, pronouns and adverbs that may stand between a figure's phrase and its passive verb:
# "deux de ses soldats ont été tués", "12 personnes auraient été tuées", "trois ont été lâchement assassinés".
# "se" is "s'" ("se sont"), read in full by the tokenizer.
PASSIVE_FILLERS = {
    "ont", "a", "avait", "avaient", "aurait", "auraient", "aura", "auront", "est", "sont", "était", "étaient",
    "serait", "seraient", "sera", "seront", "été", "étant", "ayant", "être", "avoir", "se", "s'", "y", "en",
    "également", "aussi", "tous", "toutes", "tout", "déjà", "finalement", "ensuite", "puis", "depuis", "alors",
    "probablement", "vraisemblablement", "apparemment", "visiblement", "respectivement", "récemment",
    "malheureusement", "lâchement", "froidement", "sauvagement", "atrocement", "grièvement", "légèrement",
    "gravement", "toujours", "encore", "qui", "dont", "que", "eux", "confirmés", "présumés",
}  # fmt: skip
# Words that may stand between a kind verb and its figure: "ont tué au moins 20", "a fait 50 morts",
# "a neutralisé une cinquantaine de terroristes". "de", "le" also stand for "d'", "l'".
OBJECT_FILLERS = {"un", "une", "les", "des", "de", "d'", "du", "la", "le", "l'", "au", "aux", "total", "près", "et",
                  "également", "aussi", "en", "y", "ainsi"}  # fmt: skip
# A breakdown of a figure: "18 personnes, dont neuf enfants" is one claim, not two.
BREAKDOWN_CUES = ["dont", "parmi lesquels", "parmi lesquelles", "parmi eux", "parmi elles", "parmi les victimes",
                  "parmi les morts", "parmi les tués", "notamment", "y compris", "en majorité", "pour la plupart",
                  "en grande partie", "majoritairement", "essentiellement", "entre autres"]  # fmt: skip
# The other side, seen from the speaker: a loss "l'ennemi a subi" is not the speaker's.
ENEMY_WORDS = {"ennemi", "ennemis", "ennemie", "ennemies", "adversaire", "adversaires", "assaillant", "assaillants",
               "terroriste", "terroristes", "agresseur", "agresseurs", "envahisseur", "envahisseurs", "occupant",
               "occupants"}  # fmt: skip
# "l'ennemi a subi de lourdes pertes", "l'armée a enregistré cinq morts", "nous déplorons deux blessés".
SUFFER_VERBS = {"subi", "subie", "subis", "subies", "subit", "subissant", "essuyé", "essuyées", "essuyant",
                "enregistré", "enregistre", "enregistrant", "déploré", "déplore", "déplorent", "déplorant",
                "déplorons", "concédé"}  # fmt: skip
# "trois autres soldats", "deux blessés supplémentaires": in French these follow the figure.
OTHERS_WORDS = {"autres", "autre", "supplémentaires", "supplémentaire", "additionnels", "additionnelles",
                "nouveaux", "nouvelles"}  # fmt: skip
# Possessives that refer to the speaker or to the previous phrase: "deux de ses soldats", "nos hommes".
SPEAKER_POSSESSIVES = {"ses", "son", "sa", "nos", "notre", "propres", "propre"}
PLURAL_POSSESSIVES = {"leurs", "leur", "eux"}  # "leurs hommes", "deux d'entre eux"
# Words that end a figure's noun phrase: "20 soldats à Kidal", "cinq personnes qui ...", "12 civils ont été".
# Not "de": French noun phrases go on with it ("20 soldats de l'armée malienne").
NP_STOPS = {
    "à", "au", "aux", "dans", "en", "lors", "pendant", "durant", "après", "avant", "depuis", "par", "avec", "sur",
    "sous", "près", "vers", "contre", "entre", "parmi", "pour", "selon", "chez", "et", "ou", "mais", "qui", "que",
    "dont", "où", "lorsque", "quand", "tandis", "alors", "si", "ainsi", "ont", "a", "avaient", "avait", "auraient",
    "aurait", "sont", "est", "étaient", "était", "seraient", "serait", "été", "étant", "ayant", "se", "y", "ce",
    "cette", "il", "ils", "elle", "elles", "on", "également", "aussi", "tous", "toutes", "notamment", "dernier",
    "dernière", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "aujourd'hui",
}  # fmt: skip
# Words that may open a figure's noun phrase: "20 de ses soldats", "une dizaine de morts", "deux d'entre eux".
NP_OPENERS = {"de", "d'", "des", "du", "ses", "leurs", "nos", "ces", "les", "parmi", "entre", "eux"}
# Words between a toll and its figure: "le bilan s'élève à 17", "le bilan est passé à 20", "porte le bilan à 30".
TOLL_MOVES = {"est", "était", "se", "s'", "élève", "élèvent", "élevait", "établit", "établi", "à", "de", "d'", "passé",
              "passe", "atteint", "atteignait", "grimpé", "grimpe", "monté", "monte", "porté", "porte", "portant",
              "alourdi", "alourdit", "fait", "état", "faisait", "désormais", "maintenant", "le", "la", "un", "une",
              "a", "ont", "au", "moins", "plus", "près", "environ", "quelque", "selon", "fixé", "chiffré", "élevé",
              "revu", "hausse"}  # fmt: skip
TOLL_NOUNS = {"bilan"}  # "le bilan est de 17 morts"
TOLL_LEADS = {"bilan", "provisoire", "officiel", "macabre", "humain", "lourd", "nouveau", "dernier", "définitif"}
# Words that never count as a figure word when a sentence is tested for figures (from the VAGUE_QUANTITIES phrases).
NOT_FIGURE_WORDS = {"de", "d'", "des", "du", "le", "la", "les", "très", "grand", "certain", "important", "nombre",
                    "élevé", "indéterminé"}  # fmt: skip
# Words that may stand between a kind verb and the figure after it: "ont tué au moins 20", "tuant près de 30".
QUALIFIER_WORDS_BEFORE_FIGURE = {"au", "moins", "plus", "de", "d'", "près", "environ", "quelque", "jusque", "jusqu'",
                                 "à", "pas", "un", "une", "peu", "minimum", "maximum", "bas", "mot", "estimation",
                                 "estimé", "estimés", "approximativement", "presque", "quasiment", "pratiquement",
                                 "autour", "alentours", "aux", "ordre", "le", "bien", "tout"}  # fmt: skip
# Small words between a kind verb and its figure besides OBJECT_FILLERS: "affirme en avoir tué 50", and the
# date French puts there: "ont tué samedi dernier 12 personnes", "ont enlevé hier soir six enseignants".
KIND_VERB_FILLERS = {"avoir", "en", "y", "que", "qu'", "il", "ils", "elle", "elles", "lundi", "mardi", "mercredi",
                     "jeudi", "vendredi", "samedi", "dimanche", "dernier", "passé", "hier", "soir", "matin", "nuit",
                     "aube"}  # fmt: skip
COORDINATORS = {"et", "ou"}
# What stands between two coordinated figures: "50 mercenaires et 10 soldats", "50 ..., ainsi que 10".
COORDINATION_GAPS = ["et", "ainsi que", "de même que", "plus"]
# After a figure, words that make it part of the one before: "neuf d'entre eux", "neuf parmi eux"
# (matched as the start of what follows the figure: "d'entre" covers "d'entre eux" and "d'entre elles").
BREAKDOWN_TAILS = ["d'entre", "parmi eux", "parmi elles", "parmi lesquels", "parmi lesquelles"]
# Words that point back to the previous figure's people: "dix d'entre eux", "dix de leurs combattants".
PARTITIVE_PRONOUNS = ["d'entre", "parmi eux", "parmi elles"]
PARTITIVE_POSSESSIVES = ["de leurs", "parmi leurs"]
# Prepositions that name who suffered a loss: "infligé de lourdes pertes aux assaillants", "pertes dans les rangs".
LOSS_TARGET_PREPOSITIONS = {"à", "aux", "au", "dans", "parmi", "chez"}
# Loss nouns that are tolls, not vague losses: "le bilan", "20 décès".
LOSS_NOUNS_NOT_VAGUE = {"bilan", "décès", "morts"}

# ---------------------------------------------------------------- attribution
# Verbs whose subject (or, inverted, whose following words: "a indiqué l'armée") is the speaker.
# Matched token by token: a compound tense ("a déclaré") is found by its participle, which is
# listed bare. Words that are mostly something else when bare are only listed inverted below
# ("soutient" supports, "poursuit" goes on, "lance" launches, "note" and "relève" are nouns, "dénonce" is
# mostly what protesters do: "un cortège qui dénonçait la vie chère").
_ATTRIBUTION_FORMS = """
déclarer déclaré déclarée déclare déclarent déclarait déclaraient déclarant déclara
indiquer indiqué indiquée indique indiquent indiquait indiquaient indiquant indiqua
affirmer affirmé affirme affirment affirmait affirmaient affirmant affirma
annoncer annoncé annoncée annonce annoncent annonçait annonçaient annonçant annonça
préciser précisé précise précisent précisait précisaient précisant précisa
rapporter rapporté rapportée rapporte rapportent rapportait rapportaient rapportant
confirmer confirmé confirmée confirme confirment confirmait confirmaient confirmant
assurer assuré assure assurent assurait assuraient assurant
ajouter ajouté ajoute ajoutent ajoutait ajoutaient ajoutant ajouta
expliquer expliqué explique expliquent expliquait expliquaient expliquant expliqua
revendiquer revendiqué revendiquée revendique revendiquent revendiquait revendiquant
déploré déplore déplorent déplorait déplorant
reconnaître reconnu reconnaît reconnait reconnaissent reconnaissait reconnaissant
signaler signalé signalée signale signalent signalait signalaient signalant
souligner souligné souligne soulignent soulignait soulignant
confier confié confie confient confiait confiant
raconter raconté raconte racontent racontait racontant
témoigner témoigné témoigne témoignent témoignait témoignant
dire dit disent disait disaient disant
estimer estimé estimée estime estiment estimait estimaient estimant
évoquer évoqué évoque évoquent évoquait évoquant
communiquer communique communiquent
publié tweeté écrit écrivait noté notent rappelé rappelle rappellent
admet admettent avoué avoue allégué allègue prétend prétendent
insisté insiste insistent mentionné mentionne révélé révèle révèlent détaillé détaille
recensé recense recensent dénombré dénombre dénombrent comptabilisé comptabilise
martelé martèle regretté regrette averti avertit prévient
citant cité citée cités citées relayé relayée relayant reprenant
"""
# Present-tense forms that take an inverted pronoun, one token each: "affirme-t-il", "dit-elle", "disent-ils".
_INVERTED_SINGULAR = ("déclare indique affirme annonce précise rapporte confirme assure ajoute explique revendique "
                      "déplore dénonce reconnaît reconnait signale souligne confie raconte témoigne dit estime évoque "
                      "note relève rappelle admet avoue soutient insiste martèle poursuit observe regrette avertit "
                      "prévient lance interroge résume conclut tempête indigne").split()  # fmt: skip
_INVERTED_PLURAL = ("déclarent indiquent affirment annoncent précisent rapportent confirment assurent ajoutent "
                    "expliquent dénoncent signalent soulignent confient racontent témoignent disent estiment "
                    "évoquent notent rappellent insistent poursuivent regrettent").split()  # fmt: skip


def _inverted(singular: list[str], plural: list[str]) -> set[str]:
    forms = set()
    for verb in singular:
        link = "-t-" if verb[-1] in "ae" else "-"  # "affirme-t-il", but "dit-il", "soutient-il"
        forms |= {verb + link + "il", verb + link + "elle", verb + link + "on"}
    for verb in plural:
        forms |= {verb + "-ils", verb + "-elles"}
    return forms


# "fait état de" (reports) is a phrase: its entries need a phrase matcher ("fait" alone is far too common).
# "a-t-on appris auprès de", "a appris l'AFP de source sécuritaire": learnt from a source.
ATTRIBUTION_VERBS = set(_ATTRIBUTION_FORMS.split()) | _inverted(_INVERTED_SINGULAR, _INVERTED_PLURAL) | {"appris"}
# Attribution verbs whose subject's words are a relay: "l'agence, citant un communiqué du GSIM". Not the
# passives "relayé par", "cité par": there the relay comes after ("un communiqué relayé par SITE").
RELAY_VERBS = {"citant", "relayant", "reprenant"}
# Present participles continue the speaker of the main clause: "..., ajoutant que".
PARTICIPLE_ATTRIBUTION = {"ajoutant", "précisant", "affirmant", "indiquant", "déclarant", "annonçant", "assurant",
                          "soulignant", "revendiquant", "expliquant", "confirmant", "estimant", "signalant",
                          "rapportant", "reconnaissant", "disant", "évoquant", "déplorant"}  # fmt: skip
# Phrases that put the source after them: "selon l'armée", "d'après des habitants". A phrase ending in a
# source noun keeps it: "de source sécuritaire" -> "source sécuritaire".
ACCORDING_TO_PHRASES = ["selon", "d'après", "de source", "de sources", "source", "citant"]
ARTICLES = {"le", "la", "les", "l'", "un", "une", "des"}
# Auxiliaries that go with an attribution verb ("a déclaré", "aurait affirmé"); inversion is read past them.
# "a-t-il" ("a-t-il déclaré") is an auxiliary with its inverted pronoun.
# Words between an inverted verb and its source: "a-t-on appris auprès des autorités", "affirme encore l'armée".
SOURCE_LEADS = {"auprès", "encore", "également", "aussi", "notamment", "ensuite", "alors", "pour", "sa", "part"}
AUXILIARIES = {"a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "a-t-il", "a-t-elle", "a-t-on",
               "ont-ils", "ont-elles", "avait-il", "avait-elle", "aurait-il", "aurait-elle"}  # fmt: skip
# A speaker may follow its verb after a comma as well as after a quotation: "..., a indiqué l'armée".
INVERSION_AFTER_COMMA = True
# Words after a verb that are not its inverted subject: "a indiqué que", "a déclaré à l'AFP", "a précisé dans
# un communiqué", and the punctuation that closes "..., a-t-il déclaré.". Not determiners ("a indiqué une
# source sécuritaire", "ont indiqué des sources locales") nor dates ("a indiqué lundi l'armée").
NOT_INVERTED_SUBJECTS = {"que", "qu'", "à", "au", "aux", "dans", "sur", "lors", "en", "avoir", "être", "par", "avant",
                         "après", "pendant", "depuis", "ne", "se", "y", "devant", "sous", "ainsi", "récemment", ".", ",", ";", ":", "!",
                         "?"}  # fmt: skip
STATEMENT_NOUNS = {"communiqué", "communiqués", "déclaration", "déclarations", "message", "texte", "vidéo",
                   "publication"}  # fmt: skip
# Words that end the words naming a speaker: "selon l'armée, qui ...", "X a indiqué que ...", and, since French
# puts the speaker before the rest of the clause, "a indiqué le ministère dans un communiqué", "selon des
# habitants joints au téléphone", "a annoncé l'armée sur sa page Facebook".
SPEAKER_REGION_ENDS = {"que", "qu'", "qui", "dont", "disant", "affirmant", "indiquant", "précisant", "ajoutant",
                       "lequel", "laquelle", "lesquels", "lesquelles", "dans", "sur", "lors", "à", "au",
                       "aux", "via", "joint", "jointe", "joints", "jointes", "cité", "citée", "cités",
                       "citées"}  # fmt: skip
# Words that open a clause: the speaker of a verb stands after the last of them.
CLAUSE_OPENERS = {"que", "qu'", "mais", "tandis", "alors", "quoique", "car", "parce", "puisque", "lorsque", "quand"}
# "citant un communiqué du GSIM", "citant des sources sécuritaires": the words after these name the quoted party.
RELAY_SOURCE_PREPOSITIONS = {"de", "du", "des", "d'", "par"}
SPEAKER_DETERMINERS = {"le", "la", "les", "l'", "un", "une", "des", "son", "sa", "ses", "leur", "leurs"}
RELATIVE_PRONOUNS = {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
# Words trimmed from the end of a speaker's words besides PASSIVE_FILLERS: "l'armée a également indiqué",
# "le ministère a pour sa part précisé", "l'armée a de son côté affirmé".
SPEAKER_TRAILING_WORDS = {"également", "aussi", "encore", "ensuite", "puis", "plus", "tard", "auparavant",
                          "précédemment", "initialement", "séparément", "ailleurs", "par", "de", "son", "sa", "côté",
                          "pour", "part", "officiellement", "finalement"}  # fmt: skip
ANAPHOR_DETERMINERS = {"le", "la", "les", "l'", "ce", "cet", "cette", "ces", "son", "sa", "leur"}  # "le groupe a indiqué"
# First words of a source described in words: "la société civile locale", "deux témoins", "plusieurs habitants".
DESCRIBED_SOURCE_OPENERS = {"le", "la", "les", "l'", "un", "une", "des", "deux", "trois", "plusieurs", "certains",
                            "certaines", "de", "d'", "quelques", "nombreux", "nombreuses"}  # fmt: skip
# Words that may close a sentence after its attribution verb: "..., a indiqué l'armée dans un communiqué lundi."
ATTRIBUTION_TAIL_WORDS = {"à", "au", "le", "la", "l'", "dans", "un", "une", "communiqué", "déclaration", "afp",
                          "reuters", "ap", "rfi", "par", "téléphone", "sous", "couvert", "anonymat", "de", "d'",
                          "presse", "journalistes", "auprès", "des"}  # fmt: skip
# Words before an actor that stop the determiner search of a speaker's text.
NOUN_GROUP_STOPS = {",", "que", "qu'", "et", "ou", "jour", "selon", "dit", "déclaré", "indiqué", "affirmé", "a", "ont"}
# Words after a voice noun that lead to the organisation it speaks for: "un porte-parole du CSP",
# "un communiqué de l'armée" ("de", "le": the tokenizer reads "l'" as "le").
VOICE_LINKS = {"de", "du", "des", "d'", "le", "la", "les", "l'", "pour", "par", "au", "aux"}
# Words that end the head of a described source: "une source sécuritaire à Gao" -> "sécuritaire" (French puts
# the noun first: see SOURCE_NOUNS).
HEAD_CUTTERS = {"à", "au", "aux", "de", "du", "des", "d'", "pour", "dans", "en", "sur", "avec", "basé", "basée",
                "qui", "près", "chez", "auprès", "travaillant"}  # fmt: skip
# Attribution words used as nouns after a determiner: "l'annonce de", "par écrit", "l'estime".
ATTRIBUTION_NOUNS = {"annonce", "écrit", "estime"}
ALWAYS_NOUNS: set[str] = set()
NOUN_DETERMINERS = {"le", "la", "les", "l'", "un", "une", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur",
                    "leurs", "par", "de", "d'", "du", "des"}  # fmt: skip
# Verbs that give a toll only next to a toll word: "a recensé 20 morts", "a dénombré 12 corps".
TOLL_VERBS = {"recensé", "recense", "recensent", "dénombré", "dénombre", "dénombrent", "comptabilisé", "comptabilise"}
TOLL_WORDS = {"bilan", "morts", "mort", "décès", "victimes", "nombre", "chiffre", "tués", "blessés", "corps"}
# Small words inside people's names: "Iyad Ag Ghaly", "Amadou Ould Mohamed", "Abou Walid al-Sahraoui".
NAME_PARTICLES = {"ag", "al", "ould", "bin", "ben", "el", "abu", "abou", "ibn", "de", "dan"}
# Nouns that speak for the organisation named next to them: "un porte-parole du CSP", "un communiqué de l'armée".
VOICE_NOUNS = {
    "porte-parole", "porte-paroles", "communiqué", "communiqués", "déclaration", "déclarations", "commandant",
    "commandants", "commandement", "chef", "chefs", "dirigeant", "dirigeants", "leader", "leaders", "responsable",
    "responsables", "représentant", "représentants", "membre", "membres", "état-major", "ministère", "ministre",
    "président", "présidence", "gouvernement", "autorités", "compte", "comptes", "page", "canal", "chaîne",
    "vidéo", "message", "site", "agence", "bureau", "cellule", "direction", "officier", "officiers", "émir",
    "organe", "média", "médias", "publication", "revendication", "communication", "texte",
}  # fmt: skip
# Heads of a described source that is not an actor: kept as written ("un élu local", "une source sécuritaire").
# The head of a French source phrase comes first; the adjectives that follow "source" in French
# ("sécuritaire", "hospitalière", "locales"...) are listed too, for readers that take the last word as the head.
# Not "groupe", "coordination", "union", "comité": they open armed groups' names ("Le Groupe de soutien à
# l'islam ... a affirmé", "la Coordination des mouvements de l'Azawad").
SOURCE_NOUNS = {
    "source", "sources", "élu", "élus", "élue", "élues", "habitant", "habitants", "habitante", "habitantes",
    "témoin", "témoins", "médecin", "médecins", "infirmier", "infirmiers", "infirmière", "responsable",
    "responsables", "notable", "notables", "chef", "chefs", "préfet", "sous-préfet", "gouverneur", "maire",
    "député", "députée", "députés", "militant", "militants", "militante", "activiste", "activistes", "observateur",
    "observateurs", "ong", "hôpital", "organisation", "association", "rescapé", "rescapés", "rescapée",
    "survivant", "survivants", "proche", "proches", "villageois", "agent", "agents", "enseignant", "enseignants",
    "analyste", "analystes", "chercheur", "chercheurs", "expert", "experts", "journaliste", "journalistes",
    "blogueur", "blogueurs", "diplomate", "diplomates", "observatoire", "ministère", "rapport", "rapports", "bilan",
    "décompte", "comptage", "recensement", "syndicat", "collectif", "personne",
    "personnes", "homme", "femme", "travailleur", "travailleurs", "bénévole", "bénévoles", "équipe", "officier",
    "fonctionnaire", "fonctionnaires", "administrateur", "conseiller", "conseillère", "membre", "membres",
    "parents", "résident", "résidents", "commerçant", "humanitaire", "humanitaires", "média", "médias",
    "presse", "correspondant", "correspondants", "interlocuteur", "sécuritaire", "sécuritaires",
    "hospitalière", "hospitalières", "médicale", "médicales", "onusienne", "onusiennes", "diplomatique",
    "diplomatiques", "administrative", "administratives", "judiciaire", "judiciaires", "policière", "policières",
    "sanitaire", "sanitaires", "concordante", "concordantes", "concordants", "local", "locale", "locaux", "locales",
    "officiel", "officielle", "officiels", "officielles", "informées", "informés",
}  # fmt: skip
# Sources whose word never speaks for an organisation even when one is named: "un ancien responsable de l'ONU".
PERSONAL_SOURCE_MODIFIERS = {"ancien", "ancienne", "anciens", "anciennes", "ex", "local", "locale", "locaux",
                             "locales", "anonyme", "anonymes", "anonymat", "indépendant", "indépendante",
                             "indépendants", "retraité", "retraités"}  # fmt: skip
# "a-t-il" ends the speaker's words of "..., a-t-il déclaré": the previous speaker.
PRONOUN_SPEAKERS = {"il", "elle", "ils", "elles", "on", "nous", "je", "celui-ci", "celle-ci", "ceux-ci", "celles-ci",
                    "a-t-il", "a-t-elle", "a-t-on", "ont-ils", "ont-elles", "avait-il", "avait-elle", "aurait-il",
                    "aurait-elle"}  # fmt: skip
# Anaphoric speakers: "le groupe a indiqué", "le communiqué précise" -> the previous speaker.
# Words that leave an anaphoric speaker anaphoric: "the same source".
ANAPHOR_MODIFIERS = {"même", "mêmes"}
ANAPHOR_NOUNS = {"groupe", "mouvement", "communiqué", "déclaration", "porte-parole", "organisation", "coalition",
                 "alliance", "armée", "ministère", "source", "sources", "responsable", "faction", "état-major",
                 "militants", "rebelles", "jihadistes", "djihadistes", "gouvernement", "junte", "texte",
                 "document", "élu", "habitant", "témoin"}  # fmt: skip
# Relays that pass on others' words; never the claimant when the speaker is known.
RELAY_NAMES = {"site", "site intelligence group", "afp", "agence france-presse", "agence france presse", "reuters",
               "ap", "associated press", "rfi", "radio france internationale", "france 24", "anadolu", "aa", "aps",
               "xinhua", "le monde", "jeune afrique", "bbc", "bbc afrique", "al jazeera", "radio okapi", "aib", "anp",
               "amap", "apa", "acp", "studio tamani", "twitter", "telegram", "x", "facebook", "whatsapp", "tiktok",
               "youtube"}  # fmt: skip

# ---------------------------------------------------------------- actors in context
# Generic mentions -> (role word category). Matched as whole token sequences, lowercase.
# French puts the demonym or owner AFTER the noun ("l'armée malienne", "les forces gouvernementales"):
# that order is handled in code; these are the nouns.
STATE_FORCE_NOUNS = {
    "armée", "armées", "armée nationale", "armée régulière", "armée de terre", "armée de l'air", "militaire",
    "militaires", "soldat", "soldats", "forces armées", "forces", "forces de défense et de sécurité",
    "forces de défense", "forces de sécurité", "fds", "forces de l'ordre", "gendarme", "gendarmes", "gendarmerie",
    "policier", "policiers", "police", "agents de police", "forces de police", "aviation", "marine", "junte",
    "régime", "gouvernement", "autorités", "garde nationale", "forces spéciales", "troupes", "éléments",
    "unités", "parachutistes", "commandos", "forces gouvernementales", "troupes gouvernementales",
    "forces loyalistes", "forces régulières", "forces de la junte", "état-major", "état-major général des armées",
    "patrouille militaire", "patrouilles militaires", "convoi militaire", "convois militaires",
}  # fmt: skip
# Weapons named by their country ("un missile russe", "des frappes israéliennes", "une frappe de l'armée")
# stand for that state's forces; they also only count with an owner.
WEAPON_NOUNS = {"drone", "drones", "frappe", "frappes", "frappe aérienne", "frappes aériennes", "frappe de drone",
                "frappes de drone", "frappes de drones", "avion", "avions", "avions de chasse", "avion de chasse",
                "avions militaires", "hélicoptère", "hélicoptères", "aviation", "artillerie", "obus", "roquette",
                "roquettes", "missile", "missiles", "bombardement", "bombardements", "raid aérien",
                "raids aériens", "vecteurs aériens", "aéronefs", "bombardiers"}  # fmt: skip
STATE_FORCE_NOUNS |= WEAPON_NOUNS | {"ministère de la défense", "ministère des armées",
                                     "ministère de la défense nationale"}  # fmt: skip
# Generic state nouns that only name the state's forces with an owner: "les forces maliennes",
# "les éléments de l'armée".
STATE_NOUNS_NEEDING_OWNER = {"forces", "unités", "éléments", "état-major", "forces spéciales",
                             "ministère de la défense", "ministère des armées",
                             "ministère de la défense nationale"} | WEAPON_NOUNS  # fmt: skip
# Generic state nouns that mean the police, not the military.
POLICE_NOUNS = {"police", "policiers", "policier", "agents de police", "forces de police", "gendarmes", "gendarme",
                "gendarmerie", "forces de l'ordre"}  # fmt: skip
# Owners that make a generic state noun mean the report's own government's forces ("les forces
# gouvernementales", "les forces de sécurité"). In French they follow the noun.
STATE_OWNERS = {"gouvernement", "gouvernemental", "gouvernementale", "gouvernementaux", "gouvernementales",
                "pro-gouvernementales", "progouvernementales", "pro-gouvernementaux", "national", "nationale",
                "nationaux", "nationales", "loyaliste", "loyalistes", "régulier", "régulière", "réguliers",
                "régulières", "junte", "régime", "étatique", "étatiques", "fédéral", "fédérale", "fédéraux",
                "fédérales", "armée", "militaire", "militaires", "sécurité", "défense"}  # fmt: skip
REBEL_NOUNS = {"rebelles", "rebelle", "groupe rebelle", "groupes rebelles", "mouvement rebelle", "mouvements rebelles",
               "coalition rebelle", "coalition", "alliance rebelle", "forces rebelles", "combattants rebelles",
               "séparatistes", "séparatiste", "mouvement séparatiste", "mouvements séparatistes",
               "groupes séparatistes", "combattants séparatistes", "indépendantistes", "insurgés", "insurgé",
               "guérilla", "guérilleros", "groupes armés", "groupe armé", "mouvements armés", "mouvement armé",
               "combattants", "combattant", "paramilitaires", "paramilitaire", "forces paramilitaires",
               "miliciens", "milicien", "milices", "milice"}  # fmt: skip
JIHADIST_NOUNS = {"jihadistes", "djihadistes", "jihadiste", "djihadiste", "islamistes", "islamiste", "terroristes",
                  "terroriste", "groupes terroristes", "groupe terroriste", "groupes jihadistes", "groupes djihadistes",
                  "groupe jihadiste", "groupe djihadiste", "groupes islamistes", "groupe islamiste", "extrémistes",
                  "extrémiste", "groupes armés terroristes", "groupe armé terroriste", "gat", "moudjahidines",
                  "moudjahidine", "combattants jihadistes", "combattants djihadistes", "combattants islamistes",
                  "militants islamistes", "insurgés jihadistes", "insurgés djihadistes", "éléments terroristes",
                  "islamistes armés", "insurgés"}  # fmt: skip
# Attackers the text does not name: ACLED's "Unidentified Armed Group (<country>)".
UNIDENTIFIED_NOUNS = {"hommes armés", "homme armé", "individus armés", "individu armé", "hommes armés non identifiés",
                      "individus armés non identifiés", "hommes armés inconnus", "inconnus armés",
                      "individus non identifiés",
                      "assaillants", "assaillant", "bandits", "bandits armés", "coupeurs de route", "malfaiteurs",
                      "ravisseurs", "tireurs", "tireur", "hommes cagoulés", "hommes encagoulés", "agresseurs",
                      "attaquants"}  # fmt: skip
EXTERNAL_NOUNS = {"mercenaires", "mercenaire", "instructeurs", "paramilitaires", "casques bleus", "soldats de la paix",
                  "alliés", "forces étrangères", "combattants étrangers", "partenaires", "société militaire privée",
                  "sociétés militaires privées", "contractuels"}  # fmt: skip
CIVILIAN_NOUNS = {"civils", "civil", "civiles", "villageois", "villageoises", "habitants", "habitant", "habitantes",
                  "personnes", "personne", "population", "populations", "enfants", "enfant", "femmes", "femme",
                  "hommes", "homme", "jeunes", "fillettes", "filles", "garçons", "bébés", "nourrissons",
                  "vieillards", "personnes âgées", "passagers", "fidèles", "agriculteurs", "cultivateurs", "paysans",
                  "éleveurs", "bergers", "pêcheurs", "pèlerins", "élèves", "écoliers", "étudiants", "orpailleurs",
                  "mineurs", "commerçants", "commerçant", "automobilistes", "voyageurs", "famille", "familles",
                  "déplacés", "réfugiés", "victimes", "individus", "enseignants", "travailleurs", "ouvriers",
                  "patients", "journalistes", "journaliste", "humanitaires", "travailleurs humanitaires",
                  "agents humanitaires", "chauffeurs", "chauffeur", "camionneurs", "conducteurs", "médecins",
                  "infirmiers", "notables"}  # fmt: skip
PROTESTER_NOUNS = {"manifestants", "manifestant", "manifestantes", "protestataires", "marcheurs", "grévistes"}
# Words that mark an actor as jihadist when they appear in its name or aliases (matched at a word start
# on folded names: "islam" covers "islamique"; "l'islam" folds to "lislam").
JIHADIST_NAME_MARKERS = ["islam", "l'islam", "soutien à l'islam", "qaeda", "qaida", "qaïda", "jihad", "djihad",
                         "shabaab", "shabab", "shebab", "chabab", "daesh", "daech", "isis", "isil", "ansar", "nusrat",
                         "jama", "boko haram", "mujahid", "moudjahid", "caliphate", "califat", "khorasan",
                         "tahrir al sham", "wilayat", "province", "ansaroul", "ansarul", "katiba", "hurras",
                         "taliban", "lashkar", "jaish", "aqmi", "mujao", "jnim", "gsim", "eigs", "iswap", "tawhid"]  # fmt: skip
# Words in a named armed group that the dictionary does not know: "un groupe se faisant appeler X".
NEW_GROUP_INTRODUCERS = [r"se\s+faisant\s+appeler", r"qui\s+se\s+fait\s+appeler", r"s['’]appelant",
                         r"(?:appel|nomm|baptis|dénomm|surnomm)(?:é|ée|és|ées)",
                         r"connu(?:e|s|es)?\s+sous\s+le\s+nom\s+de", r"sous\s+le\s+nom\s+de"]  # fmt: skip
NEW_GROUP_HEADS = {
    "groupe": "rebel_group", "mouvement": "rebel_group", "organisation": "rebel_group", "milice": "political_militia",
    "milices": "political_militia", "faction": "rebel_group", "coalition": "rebel_group", "front": "rebel_group",
    "brigade": "political_militia", "armée": "rebel_group", "alliance": "rebel_group", "katiba": "rebel_group",
    "gang": "political_militia", "bande": "political_militia", "autodéfense": "identity_militia",
    "auto-défense": "identity_militia",
}  # fmt: skip
# Words before a new group's name that say what kind it is (a plural "s" is also stripped).
NEW_GROUP_KIND_CUES = {
    "jihadiste": "rebel_group", "djihadiste": "rebel_group", "islamiste": "rebel_group", "terroriste": "rebel_group",
    "rebelle": "rebel_group", "insurgé": "rebel_group", "séparatiste": "rebel_group", "indépendantiste": "rebel_group",
    "armé": "rebel_group", "milice": "political_militia", "vigilance": "identity_militia",
    "autodéfense": "identity_militia", "auto-défense": "identity_militia", "dozo": "identity_militia",
    "ethnique": "identity_militia", "communautaire": "identity_militia", "tribal": "identity_militia",
    "tribale": "identity_militia", "clanique": "identity_militia", "gang": "political_militia",
    "criminel": "political_militia", "criminelle": "political_militia",
}  # fmt: skip
# A capitalised name the dictionary lacks is an armed group when it is built on one of these words.
# English names END in the head ("the Atlantis Liberation Front"); French names START with it
# ("Front de libération du Macina", "Mouvement pour le salut de l'Azawad"), read from ARMED_NAME_OPENERS.
ARMED_NAME_HEADS = {
    "front": "rebel_group", "armée": "rebel_group", "mouvement": "rebel_group", "brigade": "political_militia",
    "brigades": "political_militia", "forces": "rebel_group", "milice": "political_militia",
    "milices": "political_militia", "bataillon": "political_militia", "bataillons": "political_militia",
    "groupe": "rebel_group", "coalition": "rebel_group", "alliance": "rebel_group", "moudjahidines": "rebel_group",
    "résistance": "rebel_group",
}  # fmt: skip
# Words that open an armed group's name: "Katiba Macina", "Ansar Dine", "Front pour ...", "Mouvement du ...".
ARMED_NAME_OPENERS = {
    "katiba": "rebel_group", "katibat": "rebel_group", "ansar": "rebel_group", "front": "rebel_group",
    "mouvement": "rebel_group", "brigade": "political_militia", "brigades": "political_militia",
    "coalition": "rebel_group", "groupe": "rebel_group", "milice": "political_militia", "armée": "rebel_group",
    "forces": "rebel_group", "bataillon": "political_militia", "alliance": "rebel_group",
}  # fmt: skip
# Words that say nothing about which group it is: a new group's name needs one other word.
# French function words inside names ("Front pour la libération de ...") are listed too.
GENERIC_NAME_WORDS = {
    "national", "nationale", "nationaux", "nationales", "armé", "armée", "armés", "armées", "spécial", "spéciale",
    "spéciaux", "spéciales", "sécurité", "défense", "républicain", "républicaine", "présidentiel", "présidentielle",
    "populaire", "populaires", "peuple", "peuples", "libération", "démocratique", "démocratiques", "uni", "unie",
    "unis", "unies", "unifié", "unifiées", "conjoint", "conjointe", "intervention", "rapide", "soutien",
    "révolutionnaire", "révolutionnaires", "fédéral", "fédérale", "royal", "royale", "air", "aérien", "aérienne",
    "naval", "navale", "islamique", "patriotique", "patriotiques", "libre", "libres", "nouveau", "nouvelle",
    "central", "centrale", "nord", "sud", "est", "ouest", "régional", "régionale", "local", "locale",
    "gouvernement", "état", "militaire", "réaction", "protection", "autodéfense", "auto-défense", "salut", "unité",
    "patrie", "nation", "pour", "la", "le", "les", "l'", "de", "d'", "du", "des", "et", "en", "au", "aux",
}  # fmt: skip
# Capitalised names built on "Groupe"/"Forces"/"Mouvement" that are not armed groups.
NON_ARMED_NAME_WORDS = {
    "crise", "renseignement", "recherche", "recherches", "médias", "média", "banque", "droits", "homme", "humains",
    "humain", "observatoire", "conseil", "ong", "club", "syndicat", "association", "élection", "élections",
    "électoral", "électorale", "civile", "société", "presse", "étudiants", "étudiant", "jeunesse", "jeunes",
    "femmes", "football", "parti", "partis", "entreprise", "entreprises", "scolaire", "hospitalier", "médical",
    "médicale", "humanitaire", "secours", "aide", "santé", "maintien", "paix", "onu", "nations", "union",
    "africaine", "européenne", "cedeao", "otan", "minusma", "monusco", "minusca", "mission", "commerce",
    "énergie", "minier", "minière", "pétrole", "gaz", "financier", "financière", "assurance", "assurances",
    "hôtel", "consulting", "études", "expertise", "surveillance", "contrôle", "travail", "travailleurs", "ouvriers",
    "agricole", "transport", "transporteurs", "commerçants", "université", "institut", "école", "église",
    "radio", "télévision", "journal", "agence", "investissement", "risque", "risques",
}  # fmt: skip
# Country names are capitalised, demonyms are not: "l'armée malienne", "des soldats burkinabè".
DEMONYMS_CAPITALISED = False
# Adjectives (demonyms) follow their noun: "l'armée malienne", "la ville malienne de Ménaka".
ADJECTIVES_FOLLOW_NOUN = True
# Words before a country that name it as the scene: "au Mali", "en Côte d'Ivoire", "aux États-Unis".
SCENE_PREPOSITIONS = {"au", "en", "aux", "à", "dans"}
# Words right before a country that make it a neighbour, not the scene: "la frontière avec le Niger",
# "près de la frontière malienne" (compared with the raw words before the name: no elided forms here).
BORDER_LEADS = ["frontière avec le", "frontière avec la", "frontière avec", "frontière du", "frontière de la",
                "frontalière du", "frontalière avec le", "frontalière de la", "frontière", "frontières",
                "frontalière", "frontalier"]  # fmt: skip
POSSESSIVE_MARKERS: set[str] = set()  # no possessive "'s" in French
# Words that may stand between an owner and a generic noun when the owner comes first: "ses propres forces".
OWNER_SKIP_WORDS = {"le", "la", "les", "l'", "un", "une", "des", "ses", "leurs", "son", "sa", "leur", "nos", "propres"}
# "les soldats de l'armée malienne", "l'armée du Mali": the words that link a generic noun to its owner.
OWNER_OF_WORDS = {"de", "du", "des", "d'", "le", "la", "les", "l'"}
OWNER_POSSESSIVES = {"ses", "son", "sa", "leurs", "leur"}  # "Wagner a indiqué que ses combattants ..."
# "leurs alliés russes": a state's forces when no external force is named.
ALLY_NOUNS = {"alliés", "allié", "alliées", "partenaires", "partenaire"}
# Generic nouns used for jihadist and other insurgents alike: a rebel group when no jihadist one is named
# (juntas call every armed opponent "terroristes").
UNALIGNED_JIHADIST_NOUNS = {"terroristes", "terroriste", "insurgés", "insurgé", "groupes terroristes",
                            "groupe terroriste", "groupes armés terroristes", "groupe armé terroriste", "gat"}  # fmt: skip
# Small words inside a group's name: "Front de libération du Macina", "Groupe de soutien à l'islam et aux musulmans".
NAME_INNER_WORDS = {"de", "du", "des", "d'", "la", "le", "les", "l'", "pour", "et", "à", "au", "aux", "en", "al", "el",
                    "wa", "ul", "ad", "ud"}  # fmt: skip
# Words that begin a clause, not a group's name: "baptisé Le ..." is rare, "appelé à" is not a name.
NOT_NAME_STARTS = {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "il", "elle", "ils", "elles", "on", "ce",
                   "cette", "ces", "son", "sa", "ses", "leur", "leurs", "dans", "par", "pour", "en", "à", "au", "aux",
                   "sur", "selon", "après", "avant", "lors", "depuis", "et", "mais", "qui", "que"}  # fmt: skip
# Prefixes of a word inside a name: "Katiba al-Furqan".
NAME_PREFIXES = ("al-", "el-", "ad-", "ud-", "ul-")
# Words between a new group's introducer and its name: "baptisé le Front ...", "se faisant appeler l'Armée ..."
# (a regex).
NEW_GROUP_NAME_LEADS = r"le\s+|la\s+|les\s+|l['’]"
# "la branche sahélienne d'Al-Qaïda", "affilié à l'EI", "proche du JNIM": the word between an affiliate noun and
# its parent.
AFFILIATE_LINKS = {"de", "du", "des", "d'", "à", "au", "aux"}
# Parent-organisation cues: "la branche sahélienne de X", "un groupe affilié à X": X is not the one acting.
AFFILIATE_NOUNS = {"affilié", "affiliée", "affiliés", "affiliées", "branche", "branches", "filiale", "filiales",
                   "franchise", "émanation", "aile", "bras", "lié", "liée", "liés", "liées", "proche", "proches",
                   "allié", "alliée", "alliés", "alliées", "loyal", "loyaux", "fidèle", "fidèles", "soutenu",
                   "soutenus", "appuyé", "appuyés", "aligné", "alignés", "satellite", "inféodé", "inféodés",
                   "supplétif", "supplétifs", "mandataire"}  # fmt: skip
# Alliance cues between two actors of one side: "X, accompagnés de Y", "Y aux côtés de X".
ALLY_CUES = ["accompagnés de", "accompagnées de", "accompagné de", "aux côtés de", "aux côtés des",
             "avec l'appui de", "avec l'appui des", "appuyés par", "appuyées par", "appuyé par", "soutenus par",
             "soutenu par", "avec le soutien de", "avec le soutien des", "en appui de", "en appui aux", "en appui",
             "aidés par", "aidé par", "épaulés par", "et leurs alliés", "et ses alliés", "et leurs supplétifs",
             "et leurs", "et ses", "en collaboration avec", "en coordination avec", "conjointement avec",
             "de concert avec", "alliés à", "alliés aux", "ainsi que"]  # fmt: skip
# Verbs that carry an action noun: "ont lancé une attaque", "a tendu une embuscade", "ont mené un raid".
LIGHT_VERBS = {"lancé", "lancée", "lancés", "lancer", "lance", "lancent", "mené", "menée", "menés", "menées", "mener",
               "mène", "mènent", "perpétré", "perpétrée", "perpétrés", "perpétrées", "commis", "commise",
               "commises", "tendu", "tendue", "tendre", "déclenché", "déclenchée", "effectué", "effectuée",
               "effectués", "effectuées", "conduit", "conduite", "opéré", "opérée", "organisé", "orchestré",
               "orchestrée", "porté", "portée", "livré", "livrés", "engagé", "engagés", "donné", "ouvert"}  # fmt: skip
# Words that make a dated phrase the date of a statement: "a publié un communiqué lundi".
STATEMENT_VERBS = {"publié", "publiée", "diffusé", "diffusée", "rendu", "rendue", "émis", "communiqué",
                   "déclaration"}  # fmt: skip
# What stands between two allies: "le JNIM et ses alliés", "des soldats maliens avec des mercenaires russes".
ALLY_JOINERS = {"et", ",", "et leurs", "et ses", "avec"}
# Words right before a trigger that make it passive ("ont été attaqués"); prepositions right after it naming the
# agent: "attaqués par des jihadistes", "une attaque de Boko Haram contre ..." ("de" names the target as well:
# "l'attaque de la position de l'armée").
PASSIVE_MARKERS = {"été", "étaient", "était", "sont", "est", "furent", "fut", "sous"}
AGENT_PREPOSITIONS = {"par", "de"}
# Words between an actor and its action noun or verb: "le JNIM a également lancé une attaque".
AGENT_GAP_WORDS = {"a", "ont", "avait", "avaient", "aurait", "auraient", "également", "aussi", "ensuite", "puis",
                   "un", "une", "le", "la", "les", "l'", "des", "de", "d'", "ses", "leurs", "son", "sa", "leur", "y",
                   "en", "se", "s'", "encore", "déjà"}  # fmt: skip
AGENT_ADVERB_GAP = {"a", "ont", "avait", "avaient", "aurait", "auraient", "également", "aussi", "ensuite", "puis",
                    "plus", "tard", "encore", "déjà", "alors", "probablement"}  # fmt: skip
# Endings of past participles: "attaqué", "repris", "abattu" are verbs, "attaque" may be a noun.
PAST_ENDINGS = ("é", "ée", "és", "ées", "i", "is", "ie", "ies", "u", "us", "ue", "ues", "it")
# Triggers whose subject defends: "l'armée a repoussé une attaque" — the attacker is the other side.
DEFENSIVE_TRIGGERS = {"repoussé", "repoussée", "repoussés", "repoussées", "repousser", "repousse", "déjoué",
                      "déjouée", "déjouer", "riposté", "riposte", "résisté", "défendu", "contré", "contrecarré"}  # fmt: skip

# ---------------------------------------------------------------- events
# Trigger words per (event type, sub-event type). Lowercase token sequences; a
# trailing "*" matches any word ending. Order inside a list does not matter.
EVENT_TRIGGERS = {
    ("Battles", "Armed clash"): [
        "attaque", "attaques", "attaqué", "attaquée", "attaqués", "attaquées", "attaquer", "attaquant", "a attaqué",
        "ont attaqué", "embuscade*", "tendu une embuscade", "affrontement*", "affronté", "affrontés",
        "se sont affrontés", "combat", "combats", "combattu", "accrochage*", "échange de tirs", "échanges de tirs",
        "échangé des tirs", "offensive", "contre-offensive", "contre-attaque", "contre-attaques", "assaut",
        "assauts", "donné l'assaut", "pris d'assaut", "fusillade*", "riposte", "riposté", "repoussé", "repoussée",
        "repoussés", "repoussées", "incursion", "incursions", "raid", "raids", "hostilités", "siège", "assiégé",
        "assiégée", "encerclé", "encerclée", "sous le feu", "essuyé des tirs", "tirs nourris", "heurts",
        "attentat", "attentats", "repli", "replié", "se sont repliés", "déroute",
    ],
    ("Battles", "Government regains territory"): [
        "repris", "repris le contrôle", "reprise du contrôle", "reconquis", "reconquise", "reconquête",
        "libéré", "libérée", "récupéré le contrôle", "réinvesti", "réoccupé", "réoccupée",
    ],
    ("Battles", "Non-state actor overtakes territory"): [
        "pris le contrôle", "prise de contrôle", "s'est emparé", "se sont emparés", "s'emparer", "emparés",
        "tombé aux mains", "tombée aux mains", "tombé entre les mains", "tombée entre les mains", "occupé",
        "occupée", "conquis", "envahi", "contrôle de", "pris la ville", "prise de la ville",
    ],
    ("Explosions/Remote violence", "Air/drone strike"): [
        "frappe aérienne", "frappes aériennes", "frappe de drone", "frappes de drone", "frappes de drones",
        "frappe", "frappes", "raid aérien", "raids aériens", "bombardement aérien", "bombardements aériens",
        "attaque de drone", "attaque de drones", "attaques de drones", "attaque aérienne", "attaques aériennes",
        "drone", "drones", "drone kamikaze", "drones kamikazes", "avion de chasse", "avions de chasse",
        "avion militaire", "avions militaires", "avion", "hélicoptère", "hélicoptères", "hélicoptère de combat",
        "aviation", "vecteurs aériens", "moyens aériens", "aéronef", "shahed",
    ],
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"): [
        "bombardement", "bombardements", "bombardé", "bombardée", "bombardés", "pilonné", "pilonnage",
        "pilonnages", "tir d'obus", "tirs d'obus", "obus", "roquette", "roquettes", "tirs de roquettes",
        "mortier", "mortiers", "tirs de mortier", "obus de mortier", "missile", "missiles", "tir de missile",
        "tirs de missiles", "missile balistique", "missiles balistiques", "missile de croisière", "tirs d'artillerie",
        "artillerie", "projectile", "projectiles", "barrage d'artillerie",
    ],
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"): [
        "engin explosif improvisé", "engins explosifs improvisés", "engin explosif", "engins explosifs", "ied",
        "ieds", "eei", "eeis", "mine", "mines", "mine artisanale", "mines artisanales", "mine antipersonnel",
        "mines antipersonnel", "sauté sur une mine", "sauté sur un engin", "explosion", "explosions",
        "voiture piégée", "véhicule piégé", "engin piégé", "colis piégé", "piégé", "bombe", "bombes", "explosif",
        "explosifs", "attentat à la bombe", "a explosé", "explosé", "déflagration",
    ],
    ("Explosions/Remote violence", "Suicide bomb"): [
        "attentat-suicide", "attentats-suicides", "attentat suicide", "attentats suicides", "attaque suicide",
        "attaque kamikaze", "kamikaze", "kamikazes", "s'est fait exploser", "se sont fait exploser",
        "ceinture explosive", "ceintures explosives",
    ],
    ("Explosions/Remote violence", "Grenade"): ["grenade", "grenades", "grenade à main", "lancé une grenade"],
    ("Explosions/Remote violence", "Chemical weapon"): ["arme chimique", "armes chimiques", "gaz chloré", "chlore",
                                                        "sarin", "agent neurotoxique", "gaz toxique", "gaz toxiques"],
    ("Violence against civilians", "Attack"): [
        "massacre", "massacres", "massacré", "massacrés", "massacrée", "massacrées", "exécuté", "exécutés",
        "exécutées", "exécution", "exécutions", "exécutions sommaires", "exécutions extrajudiciaires",
        "assassinat", "assassinats", "assassiné", "assassinés", "assassinée", "tués par balle", "égorgé",
        "égorgés", "décapité", "décapités", "ouvert le feu sur", "tiré sur", "incendié des maisons",
        "incendié des habitations", "brûlé des maisons", "incendié le village", "exactions", "tuerie",
        "tueries", "carnage", "hommes armés", "individus armés", "ouvert le feu",
    ],
    ("Violence against civilians", "Abduction/forced disappearance"): [
        "enlèvement", "enlèvements", "enlevé", "enlevés", "enlevée", "enlevées", "kidnappé", "kidnappés",
        "kidnappée", "kidnappées", "kidnapping", "kidnappings", "prise d'otages", "prises d'otages",
        "pris en otage", "pris en otages", "retenus en otage", "otages", "otage", "rapt", "rapts",
        "disparition forcée", "disparitions forcées", "séquestré", "séquestrés",
    ],
    ("Violence against civilians", "Sexual violence"): ["viol", "viols", "violé", "violés", "violée", "violées",
                                                        "violences sexuelles", "violence sexuelle",
                                                        "agression sexuelle", "agressions sexuelles",
                                                        "abusées sexuellement"],
    ("Protests", "Peaceful protest"): [
        "manifestation", "manifestations", "manifestants", "manifesté", "manifester", "marche", "marches",
        "marche pacifique", "rassemblement", "rassemblements", "sit-in", "grève", "grèves", "protestation",
        "protestations", "protesté", "descendus dans la rue", "descendues dans la rue", "descendus dans les rues",
        "veillée",
    ],
    ("Protests", "Protest with intervention"): [
        "gaz lacrymogène", "gaz lacrymogènes", "grenades lacrymogènes", "dispersé", "dispersés", "dispersée",
        "dispersées", "disperser", "canon à eau", "canons à eau", "balles en caoutchouc", "matraques", "matraqué",
        "matraqués", "manifestants arrêtés", "interpellé des manifestants",
    ],
    ("Protests", "Excessive force against protesters"): [
        "tiré sur les manifestants", "tiré sur des manifestants", "tiré sur la foule",
        "ouvert le feu sur les manifestants",
        "ouvert le feu sur des manifestants", "ouvert le feu sur la foule", "tirs à balles réelles", "balles réelles",
        "tué des manifestants", "tiré à balles réelles",
    ],
    ("Riots", "Violent demonstration"): ["émeute", "émeutes", "émeutiers", "violentes manifestations",
                                          "manifestation violente", "manifestations violentes", "jets de pierres",
                                          "jet de pierres", "lancé des pierres", "mis le feu à", "barricades"],
    ("Riots", "Mob violence"): ["lynchage", "lynchages", "lynché", "lynchés", "lynchée", "foule en colère",
                                "vindicte populaire", "justice populaire"],
    ("Strategic developments", "Agreement"): ["accord de paix", "accord de cessez-le-feu", "cessez-le-feu", "trêve",
                                               "signé un accord", "échange de prisonniers", "échanges de prisonniers",
                                               "accord de cessation des hostilités"],
    ("Strategic developments", "Arrests"): ["arrêté", "arrêtés", "arrêtée", "arrêtées", "interpellé", "interpellés",
                                             "interpellée", "interpellées", "arrestation", "arrestations", "appréhendé",
                                             "appréhendés", "placé en garde à vue", "placés en garde à vue",
                                             "mis aux arrêts", "coup de filet", "écroué", "écroués"],
    ("Strategic developments", "Looting/property destruction"): ["pillé", "pillés", "pillée", "pillées", "pillage",
                                                                  "pillages", "saccagé", "saccagés", "saccagée",
                                                                  "saccage", "vandalisé", "vandalisés", "razzia",
                                                                  "razzias", "vol de bétail",
                                                                  "emporté du bétail", "emporté le bétail",
                                                                  "volé du bétail", "enlevé du bétail"],
    ("Strategic developments", "Headquarters or base established"): ["installé une base", "établi une base",
                                                                      "implanté une base", "nouvelle base",
                                                                      "installé un camp", "établi un quartier général",
                                                                      "installé son quartier général"],
    ("Strategic developments", "Disrupted weapons use"): ["désamorcé", "désamorcés", "désamorçage",
                                                          "neutralisé un engin", "saisie d'armes", "cache d'armes",
                                                          "caches d'armes", "saisi des armes", "déjoué", "déjouée",
                                                          "intercepté", "interceptés", "interceptée", "abattu un drone",
                                                          "abattu un avion", "abattu un hélicoptère"],
    ("Strategic developments", "Non-violent transfer of territory"): ["retrait", "retiré", "s'est retiré",
                                                                       "se sont retirés", "rétrocession", "rétrocédé",
                                                                       "rétrocédée", "passation", "sans combat",
                                                                       "sans résistance"],
    ("Strategic developments", "Change to group/activity"): ["fusion", "fusionné", "création d'un nouveau",
                                                              "créé un nouveau", "annoncé la création", "dissous",
                                                              "dissoute", "dissolution", "scission", "fait scission",
                                                              "rebaptisé"],
}
# Triggers that only count when an armed actor or casualty is in the same sentence
# (they are common in ordinary prose: "une attaque contre la vie chère", "le combat contre la pauvreté").
WEAK_TRIGGERS = {
    "attaque", "attaques", "attaqué", "attaquée", "attaqués", "attaquées", "attaquer", "attaquant", "combat",
    "offensive", "assaut", "raid", "raids", "siège", "hostilités", "heurts", "attentat", "attentats",
    "repli", "replié", "se sont repliés", "incursion", "incursions", "riposte", "repris", "libéré", "libérée",
    "occupé", "occupée", "conquis", "envahi", "contrôle de", "frappe", "frappes", "avion", "aviation",
    "hélicoptère", "hélicoptères", "drone", "drones", "obus", "projectile", "projectiles", "roquette", "roquettes",
    "missile", "missiles", "explosion", "explosions", "explosé", "mine", "mines", "bombe", "bombes", "explosif",
    "explosifs", "piégé", "marche", "marches", "manifestation", "manifestations", "rassemblement",
    "rassemblements", "grève", "grèves", "protestation", "protestations", "dispersé", "dispersés", "dispersée",
    "dispersées", "barricades", "mis le feu à", "arrêté", "arrêtés", "arrêtée", "arrêtées", "interpellé",
    "interpellés", "arrestation", "arrestations", "intercepté", "interceptés", "interceptée", "retrait", "retiré",
    "trêve", "cessez-le-feu", "dissous", "dissolution", "fusion", "exécution", "exécutions", "exécuté",
    "exécutés", "ouvert le feu sur", "ouvert le feu", "tiré sur", "hommes armés", "individus armés", "exactions", "otage",
    "passation", "sans combat",
}  # fmt: skip
# Sub-event types that need a government actor as the subject (repris) or a non-state one (s'est emparé):
# GOVERNMENT_GAIN and NON_STATE_GAIN are English's (imported above).
TERRITORY_OBJECTS = {"ville", "village", "localité", "base", "camp", "position", "positions", "poste", "district",
                     "région", "commune", "département", "aéroport", "port", "frontière", "colline", "pont",
                     "territoire", "bastion", "chef-lieu", "garnison", "caserne", "capitale", "zone", "secteur",
                     "cité", "quartier", "avant-poste", "fief", "contrôle"}  # fmt: skip
# Diplomacy, analysis, opinion: a weak trigger ("l'attaque") next to these words is talk about an event.
NON_EVENT_VERBS = {"discuté", "discuter", "discutent", "rencontré", "rencontre", "réunion", "réuni", "réunis",
                   "pourparlers", "négociations", "négocier", "visite", "visité", "exhorté", "exhorte", "condamné",
                   "condamne", "condamnent", "salué", "salue", "félicité", "commenté", "analysé", "réaffirmé",
                   "promis", "exprimé", "accueilli", "signé", "sommet", "conférence", "forum", "salon", "exposition",
                   "colloque", "séminaire", "atelier", "entretenu", "plaidé", "plaide"}  # fmt: skip
# Modal, future and conditional words: a trigger after them is not an event that happened.
HYPOTHETICAL_WORDS = {"pourrait", "pourraient", "pourra", "pourront", "devrait", "devraient", "devra", "devront",
                      "va", "vont", "allait", "allaient", "risque", "risquent", "risquerait", "si", "menace",
                      "menacé", "menacent", "menaçant", "prévoit", "prévoient", "prévu", "prévue", "projet", "projette",
                      "craint", "craignent", "crainte", "craintes", "redoute", "redoutent", "éventuel", "éventuelle",
                      "éventuels", "éventuelles", "possible", "possibles", "potentiel", "potentielle", "potentiels",
                      "empêcher", "éviter", "dissuader", "préparer", "prépare", "préparent", "préparait", "capable",
                      "capables", "capacité", "capacités", "prêt", "prêts", "juré", "promet", "promettent"}  # fmt: skip
# Cues that a sentence tells history (matched inside the lowercased sentence, so "an dernier" covers
# "l'an dernier" with either apostrophe): "depuis 2012", "par le passé".
BACKGROUND_CUES = ["depuis 20", "depuis 19", "auparavant", "par le passé", "il y a des années", "an dernier",
                   "année dernière", "an passé", "année passée", "ces dernières années", "depuis des années",
                   "depuis des décennies", "en proie à", "historiquement", "précédemment", "de longue date",
                   "plus tôt cette année"]  # fmt: skip
# Words that make "le même jour" / "ce jour-là" refer to the last date mentioned.
SAME_DAY = ["le même jour", "ce même jour", "le jour même", "ce jour-là", "la même nuit", "cette nuit-là",
            "la même journée"]  # fmt: skip

# ---------------------------------------------------------------- places
# "dans la province de l'Ituri", "dans le nord du Mali": the phrase before an area's name (settlement nouns
# are read past by the place reader: "dans la localité de X" is "dans" + "localité de").
_IN_AREA = {f"dans {article}{noun} {link}" for article, noun in (
    ("la ", "région"), ("la ", "province"), ("le ", "département"), ("l'", "état"), ("la ", "préfecture"),
    ("le ", "territoire"), ("la ", "wilaya"), ("le ", "gouvernorat"), ("le ", "district"), ("le ", "cercle"),
    ("le ", "nord"), ("le ", "sud"), ("l'", "est"), ("l'", "ouest"), ("le ", "nord-est"), ("le ", "nord-ouest"),
    ("le ", "sud-est"), ("le ", "sud-ouest"), ("le ", "centre"), ("l'", "extrême-nord"), ("l'", "extrême-sud"),
) for link in ("de", "du", "des")}  # fmt: skip
# "à 30 km de Djibo", "à une quinzaine de kilomètres au nord de Gao": near the named place.
_DISTANCE = {f"{unit} {direction}" for unit in ("km", "kilomètres") for direction in (
    "de", "au nord de", "au sud de", "à l'est de", "à l'ouest de", "au nord-est de", "au nord-ouest de",
    "au sud-est de", "au sud-ouest de",
)} | {"à quelques kilomètres de"}  # fmt: skip
# Prepositions and phrases after which a capitalised name is a location. Elided forms
# ("près d'", "à l'est de") are the same words for the tokenizer ("près de", "à le est de").
LOCATION_PREPOSITIONS = {"à", "au", "aux", "en", "dans", "près de", "non loin de", "aux environs de", "aux abords de",
                         "vers", "de", "du", "des", "entre", "sur", "autour de", "à proximité de", "contre",
                         "à l'ouest de", "à l'est de", "au nord de", "au sud de", "au nord-ouest de",
                         "au nord-est de", "au sud-ouest de", "au sud-est de", "à la sortie de", "à l'entrée de",
                         "aux alentours de", "en direction de", "à la périphérie de", "en périphérie de", "depuis",
                         "jusqu'à", "au large de", "à l'intérieur de", "le long de", "au cœur de", "au centre de",
                         "au niveau de", "du côté de", "à hauteur de", "par", "via"} | _IN_AREA | _DISTANCE  # fmt: skip
# The strongest location cues, tied to the action: "affrontements à X", "attaque contre X", "embuscade près de X".
ACTION_LOCATION_PREPOSITIONS = {"à", "au", "aux", "en", "dans", "près de", "non loin de", "aux environs de",
                                "aux abords de", "sur", "vers", "autour de", "à proximité de", "contre",
                                "à l'ouest de", "à l'est de", "au nord de", "au sud de", "au nord-ouest de",
                                "au nord-est de", "au sud-ouest de", "au sud-est de", "à la périphérie de",
                                "à l'entrée de", "à la sortie de", "au niveau de", "à l'intérieur de",
                                "au cœur de"} | _IN_AREA | _DISTANCE  # fmt: skip
# Prepositions that put the action near, not at, the named place (geo precision 2).
NEAR_PREPOSITIONS = {"près de", "non loin de", "aux environs de", "aux abords de", "à proximité de", "autour de",
                     "vers", "en direction de", "aux alentours de", "à l'ouest de", "à l'est de", "au nord de",
                     "au sud de", "au nord-ouest de", "au nord-est de", "au sud-ouest de", "au sud-est de",
                     "à la périphérie de", "en périphérie de", "à la sortie de", "à l'entrée de",
                     "au large de"} | _DISTANCE  # fmt: skip
# Nouns naming a populated place around a name: "la ville de X", "le village de X", "le secteur de X".
SETTLEMENT_NOUNS = {"île", "îlot", "presqu'île", "ville", "village", "localité", "commune", "hameau", "secteur", "zone", "quartier", "camp",
                    "marché", "site", "chef-lieu", "poste", "département", "district", "arrondissement", "canton",
                    "sous-préfecture", "cercle", "territoire", "groupement", "chefferie", "base", "campement",
                    "bourgade", "cité", "agglomération", "faubourg", "banlieue", "oasis", "municipalité",
                    "ville frontalière", "localité frontalière", "commune frontalière", "village frontalier",
                    "poste frontière", "poste avancé", "commune rurale", "commune urbaine"}  # fmt: skip
# Nouns naming a first-order region around a name: "la région de Kidal", "la province du Soum".
REGION_NOUNS = {"région", "province", "état", "gouvernorat", "préfecture", "département", "territoire", "wilaya",
                "oblast", "émirat", "comté", "division", "circonscription", "régions", "provinces"}  # fmt: skip
# "Est" is also the verb "est": readers should weigh it.
COMPASS_WORDS = {"nord", "sud", "est", "ouest", "nord-est", "nord-ouest", "sud-est", "sud-ouest", "centre",
                 "septentrional", "septentrionale", "méridional", "méridionale", "oriental", "orientale",
                 "orientaux", "occidental", "occidentale", "occidentaux", "central", "centrale", "extrême-nord",
                 "extrême-sud", "extrême", "haut", "haute", "bas", "basse"}  # fmt: skip
# "la frontière malienne", "la zone frontalière", "près de la frontière avec le Niger".
BORDER_WORDS = {"frontière", "frontières", "frontalière", "frontalières", "frontalier", "frontaliers"}
# Phrases that make a place a mere mention rather than where things happened (the last three words
# before the name are compared; elided words are in full: "s'est rendu à" ends in "rendu à").
NON_ACTION_PLACE_CUES = ["basé à", "basée à", "basés à", "basées à", "installé à", "installée à", "né à", "née à",
                         "siège à", "siégeant à", "visite à", "visite en", "visite au", "en visite", "rendu à",
                         "rendue à", "rendus à", "capitale", "ambassadeur au", "ambassadeur en", "ambassadrice au",
                         "ambassade au", "ambassade en", "ambassade à", "pourparlers à", "négociations à",
                         "réunion à", "sommet de", "sommet à", "conférence de", "conférence à", "étudié à",
                         "réfugiés à", "réfugiés au", "réfugiés en", "réfugié à", "fui vers", "fui au", "fui à",
                         "fui en", "évacués vers", "évacués à", "transportés à", "transférés à", "transféré à",
                         "hôpital de", "retourné à", "retournés à", "rentré à", "rentrés à", "originaire de",
                         "originaires de", "vit à", "vivant à", "réside à", "résidant à", "exilé à", "exilé en"]  # fmt: skip
# Place nouns that may follow a country's name without making it a region's ("the Mali base");
# the others do: "Niger State", "Niger district" are Nigerian regions.
COUNTRY_AREA_NOUNS = {"zone", "base", "camp", "marché", "secteur", "site", "poste", "quartier"}  # fmt: skip
# "The attack occurred near X": a sentence saying where the incident took place.
OCCURRENCE_PHRASES = ["a eu lieu", "ont eu lieu", "s'est produite", "s'est produit", "s'est déroulée", "s'est déroulé", "est survenue", "est survenu", "s'est passée"]  # fmt: skip
# "and another 23 in Y", "et 23 autres": a figure that counts more of what the one before counted.
ANOTHER_WORDS = {"autres", "autre"}  # fmt: skip
# Prepositions too loose to make an unknown capitalised name a place on their own ("forces of Bashar al-Assad").
WEAK_PLACE_PREPOSITIONS = {"par", "pour"}  # fmt: skip
# Second-level areas usually named after their main town: "the Niono district", "le cercle de Niono" (precision 2 there).
DISTRICT_NOUNS = {"cercle", "département", "territoire", "district", "arrondissement", "commune", "sous-préfecture", "préfecture", "canton", "municipalité"}  # fmt: skip
# ---------------------------------------------------------------- relative positions and incidents
# "à 190 km au nord-ouest de X", "à une trentaine de kilomètres de X": each unit in km.
DISTANCE_UNITS = {"km": 1.0, "kms": 1.0, "kilomètres": 1.0, "kilomètre": 1.0}
# Compass bearings, in degrees clockwise from north ("à l'est de" reads "à le est de").
BEARINGS = {"nord": 0, "nord-est": 45, "est": 90, "sud-est": 135, "sud": 180, "sud-ouest": 225, "ouest": 270,
            "nord-ouest": 315}  # fmt: skip
# Words tying a distance to the place it is measured from: "au nord de X", "à 12 km de X".
RELATIVE_LINKS = {"de", "du", "des"}
# Words allowed inside a relative phrase: "à 40 km au sud de la ville de X", "au nord-ouest de la capitale X".
RELATIVE_FILLERS = {"au", "à", "le", "la", "les", "capitale", "ville", "localité", "village", "commune", "de", "du",
                    "environ", "quelque", "plus", "moins", "près", "seulement", "une", "un"}  # fmt: skip
# Words between a place and the distance that places it: "X, située à 190 km", "X, à 40 km de".
RELATIVE_SUBJECT_GAP = {",", "(", "”", "\"", "»", "situé", "située", "situés", "situées", "localisé", "localisée", "à", "qui", "se",
                        "trouve", "est", "environ", "quelque", "-", "—", "–"}  # fmt: skip
# "sur la route entre A et B", "l'axe A-B": a point between two places.
ROAD_NOUNS = {"axe", "route", "piste", "tronçon", "voie", "nationale"}
BETWEEN_WORDS = {"entre"}
BETWEEN_JOINERS = {"et"}
# "trois jours après l'embuscade de X": an elapsed time before a word that points back to an earlier incident.
ELAPSED_TIME_UNITS = {"heure", "heures", "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "année",
                      "années"}  # fmt: skip
ELAPSED_TIME_LINKS = {"après", "depuis", "avant"}
# Nouns after a place name that make it an institution's name (rare in French, where the noun comes first).
INSTITUTION_NOUNS = {"municipal", "municipale", "régional", "régionale"}
# A sentence opening another incident of the same report: "Par ailleurs, ...", "Dans une autre attaque, ...".
INCIDENT_OPENERS = ["par ailleurs", "ailleurs", "dans une autre", "lors d'une autre", "dans un autre", "en outre",
                    "le même jour", "plus tôt", "plus tard"]  # fmt: skip
# Titles before a person's name; a name after them is not a place. Not "me" (Maître): the elided
# "M'" reads as "me", and "M'Poko", "M'Bour", "M'Sila" are places.
PERSON_TITLES = {
    "m", "mme", "mlle", "dr", "pr", "mgr", "monseigneur", "monsieur", "madame", "docteur", "président",
    "présidente", "colonel", "col", "colonel-major", "général", "gén", "gal", "lieutenant", "lt",
    "lieutenant-colonel", "capitaine", "cne", "cpt", "commandant", "cdt", "cmdt", "sergent", "sgt", "adjudant",
    "caporal", "ministre", "premier", "gouverneur", "maire", "sénateur", "député", "députée", "cheikh", "cheick",
    "imam", "pape", "roi", "reine", "prince", "princesse", "émir", "sultan", "lamido", "chef", "porte-parole",
    "secrétaire", "ambassadeur", "ambassadrice", "maréchal", "amiral", "professeur", "prof", "juge", "procureur",
    "évêque", "abbé", "père", "pasteur", "révérend", "envoyé", "directeur", "directrice", "leader", "fondateur",
    "analyste", "chercheur", "chercheuse", "responsable", "préfet", "sous-préfet", "haut-commissaire",
    "commissaire", "khalife",
}  # fmt: skip
# Capitalised words that never start a place name on their own (sentence openers, institutions,
# page furniture). Compass words are NOT here: "Nord", "Ouest", "Centre", "Est" are French region names.
NON_PLACE_WORDS = {
    "le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "au", "aux", "en", "et", "ou", "mais", "donc",
    "or", "ni", "car", "pour", "par", "avec", "sans", "sous", "sur", "vers", "chez", "entre", "contre", "parmi",
    "malgré", "selon", "après", "avant", "pendant", "durant", "lors", "depuis", "dès", "jusque", "jusqu'",
    "cependant", "toutefois", "néanmoins", "pourtant", "ainsi", "alors", "aussi", "enfin", "puis", "ensuite",
    "outre", "face", "suite", "lorsque", "quand", "comme", "si", "ce", "cet", "cette", "ces", "c'", "il", "elle",
    "ils", "elles", "on", "nous", "vous", "je", "j'", "qui", "que", "qu'", "quoi", "dont", "où", "pourquoi",
    "comment", "combien", "quel", "quelle", "quels", "quelles", "son", "sa", "ses", "leur", "leurs", "notre",
    "nos", "votre", "vos", "mon", "ma", "mes", "tous", "toutes", "tout", "plusieurs", "certains", "certaines",
    "aucun", "aucune", "chaque", "quelques", "oui", "non", "voici", "voilà", "président", "présidente",
    "ministre", "ministère", "armée", "armées", "forces", "force", "groupe", "front", "conseil", "sécurité",
    "militaire", "militaires", "gouvernement", "autorités", "police", "gendarmerie", "national", "nationale",
    "général", "état-major", "commandement", "colonel", "afp", "reuters", "rfi", "ap", "apa", "photo", "vidéo",
    "lire", "publicité", "partager", "suivre", "suivez", "abonnez", "abonnez-vous", "newsletter", "commentaires",
    "exclusif", "direct", "mise", "onu", "ua", "ue", "cedeao", "otan", "minusma", "monusco", "minusca",
    "barkhane", "sangaris", "serval", "opération", "site", "telegram", "twitter", "facebook", "whatsapp",
    "youtube", "islam", "islamique", "musulman", "musulmans", "chrétien", "chrétiens", "sunnite", "chiite", "peul",
    "peuls", "peulh", "peulhs", "touareg", "touaregs", "arabe", "arabes", "dogon", "dogons", "mossi", "haoussa",
    "international", "internationale", "communauté", "étranger", "étrangère", "défense", "renseignement",
    "stratégique", "permanent", "paix", "développement", "politique", "institut", "université", "nouveau",
    "nouvelle", "membres", "autres", "transition", "république", "royaume", "état", "états", "union", "nations",
    "unies", "démocratique", "peuple", "populaire", "libération", "mouvement", "coalition", "alliance", "brigade",
    "bataillon", "régiment", "division", "unité", "bureau", "agence", "comité", "commission", "mission", "parti",
    "organisation", "jour", "semaine", "mois", "année", "aujourd'hui", "aujourd’hui", "hier", "demain", "gmt",
    "utc", "dieu", "allah", "noël", "ramadan", "tabaski", "aïd", "pâques", "covid", "internet", "presse",
    "médias", "télé", "radio", "monsieur", "madame", "m", "mme", "dr",
}  # fmt: skip
# Hyphenated adjectives are not names: "franco-malien", "afro-américain", "pro-russe" (the demonym
# parts are caught as demonyms; these are the other endings).
ADJECTIVE_SUFFIXES = {"africain", "africaine", "africains", "africaines", "américain", "américaine", "américains",
                      "européen", "européenne", "européens", "arabe", "arabes", "occidental", "occidentaux",
                      "sahélien", "sahélienne", "sahéliens"}  # fmt: skip
# Areas larger than any gazetteer place: never the event's place.
SUPRANATIONAL_REGIONS = {"afrique", "europe", "asie", "amérique", "amériques", "sahel", "sahara", "maghreb",
                         "moyen-orient", "proche-orient", "afrique de l'ouest", "afrique de l'est", "afrique centrale",
                         "afrique du nord", "afrique australe", "afrique subsaharienne", "corne de l'afrique",
                         "grands lacs", "levant", "balkans", "caucase", "golfe", "golfe persique", "golfe de guinée",
                         "péninsule arabique", "amérique latine", "asie du sud", "asie du sud-est", "asie centrale",
                         "lac tchad", "bassin du lac tchad", "liptako-gourma", "trois frontières",
                         "zone des trois frontières", "arctique", "pacifique", "atlantique", "méditerranée",
                         "mer rouge", "mer noire", "océan indien"}  # fmt: skip
# Connectors allowed inside a multiword capitalised place name: "Bordj Badji Mokhtar", "Tin Zaouatène",
# "Ras el-Aïn", "Kidal ag ...", "Aguelhok". "le", "de" also stand for "l'", "d'".
NAME_CONNECTORS = {"de", "du", "des", "la", "le", "les", "d'", "l'", "sur", "en", "ag", "ould", "ben", "bin", "ibn",
                   "al", "el", "dan", "n'", "es", "ad", "ar", "as", "ash", "at", "az", "an", "da", "do", "dos", "das",
                   "del", "di", "van", "von"}  # fmt: skip
# Adjectives between an article and a settlement noun: "la petite ville de X" (most French adjectives follow
# the noun: "la ville frontalière de X" is in SETTLEMENT_NOUNS).
SETTLEMENT_ADJECTIVES = {"petite", "petit", "grande", "grand", "paisible", "lointaine", "lointain", "importante",
                         "important", "principale", "principal", "nouvelle", "nouveau", "ancienne", "ancien", "même"}  # fmt: skip
# "Bamako a démenti": a capital standing for its government.
DENIAL_VERBS = {"démenti", "dément", "démentent", "rejeté", "rejette", "rejettent", "nié", "nie", "nient", "réfuté",
                "réfute"}  # fmt: skip
# Verbs right after a capitalised name that make it a person or organisation, not a place
# ("Diallo affirme", "Traoré a déclaré" is caught by the participle readers).
PERSON_VERBS = {"déclare", "dit", "affirme", "estime", "précise", "ajoute", "indique", "explique", "souligne",
                "confie", "raconte", "témoigne", "assure", "martèle", "insiste", "poursuit", "rappelle", "note",
                "observe", "regrette", "déplore", "dénonce", "écrit", "tweete", "avertit", "prévient"}  # fmt: skip

# ---------------------------------------------------------------- sentences
# Line endings that make a line page furniture: a photo credit.
# The word a byline starts with: "By John Smith" (a short line of capitalised names after it).
BYLINE_WORDS = {"par"}
BOILERPLATE_LINE_SUFFIXES = ["photo: afp", "photo : afp", "photo: reuters", "photo : reuters", "© afp", "© reuters",
                             "/ afp", "/afp"]  # fmt: skip
# Elided words split off the word they lean on, with the full form they read as ("l'" -> "le"):
# "l'armée" is ("le", "armée"), "jusqu'à" is ("jusque", "à"). ("aujourd'hui", "presqu'île" stay whole.)
ELISIONS = {"l'": "le", "d'": "de", "j'": "je", "m'": "me", "n'": "ne", "s'": "se", "t'": "te", "c'": "ce",
            "qu'": "que", "jusqu'": "jusque", "lorsqu'": "lorsque", "puisqu'": "puisque", "quoiqu'": "quoique"}  # fmt: skip
# Words before a dot that do not end a sentence ("M. Traoré", "le général de brigade Gén. X").
# "sept" is left out: "Ils étaient sept." ends a sentence more often than "sept." abbreviates September.
ABBREVIATIONS = {"m", "mme", "mmes", "mlle", "dr", "pr", "me", "mgr", "gén", "gal", "col", "cdt", "cmdt", "cne",
                 "lt", "sgt", "st", "ste", "no", "etc", "cf", "env", "av", "bd", "p", "ex", "éd", "art",
                 "chap", "hab", "réf", "tél", "cie", "vs", "janv", "févr", "fév", "fevr", "avr", "juil", "oct", "nov",
                 "déc", "o.n.u", "r.d.c", "r.d", "u.a", "e.i"}  # fmt: skip
# Lines that are page furniture, not report: "Lire aussi : ...", "Abonnez-vous", "© AFP".
BOILERPLATE_LINE_PREFIXES = ["a lire aussi", "à lire aussi", "lire aussi", "lire également", "lire la suite",
                             "voir aussi", "à voir aussi", "à découvrir", "découvrez", "publicité", "abonnez-vous",
                             "inscrivez-vous", "suivez-nous", "rejoignez-nous", "partager", "partagez",
                             "cliquez ici", "télécharger", "crédit photo", "crédits photo", "photo :", "photo:",
                             "© ", "copyright", "droits réservés", "tous droits réservés", "newsletter", "recevez",
                             "commentaires", "réagir", "mots-clés", "mots clés", "sur le même sujet",
                             "articles similaires", "dans la même rubrique", "les plus lus", "ailleurs sur le web",
                             "par la rédaction", "avec afp", "source :", "source:", "vidéo :", "écouter",
                             "mis à jour le"]  # fmt: skip

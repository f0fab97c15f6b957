"""The language of an article: detected by py3langid, named in English, corrected by a reviewer, and an
article in a language the parser has no lexicon for marked as such (never "parsed, no event")."""

import datetime
import statistics
import subprocess
import sys
import time

import pytest

from sources.parsing.lang import SUPPORTED_LANGUAGES, detect_language
from sources.parsing.lang.detect import CANDIDATE_LANGUAGES, FALLBACK_LANGUAGE, SAMPLE_CHARS

# ---------------------------------------------------------------- detection (plain Python)

PARAGRAPHS = {
    "en": (
        "Suspected jihadist fighters killed at least 23 civilians in an attack on a village near the northern town "
        "of Djibo "
        "on Sunday, local officials and residents said. The attackers arrived on motorcycles shortly after dawn, "
        "surrounded "
        "the market and opened fire on traders and farmers who had gathered for the weekly fair."
    ),
    "fr": (
        "Des hommes armés soupçonnés d'appartenir à un groupe jihadiste ont tué au moins 23 civils lors d'une "
        "attaque contre "
        "un village situé près de la ville de Djibo, dans le nord du pays, dimanche, selon des sources locales. "
        "Les assaillants "
        "sont arrivés à moto peu après l'aube et ont ouvert le feu sur les commerçants."
    ),
    "es": (
        "Hombres armados sospechosos de pertenecer a un grupo yihadista mataron el domingo a al menos 23 civiles "
        "en un ataque "
        "contra una aldea cercana a la ciudad de Djibo, según informaron fuentes locales. Los atacantes llegaron "
        "en motocicletas "
        "poco después del amanecer y abrieron fuego contra comerciantes y campesinos."
    ),
    "pt": (
        "Homens armados suspeitos de pertencerem a um grupo jihadista mataram pelo menos 23 civis num ataque a uma "
        "aldeia perto "
        "da cidade de Djibo, no domingo, segundo autoridades locais e moradores. Os atacantes chegaram de "
        "motocicleta pouco "
        "depois do amanhecer e abriram fogo contra comerciantes e agricultores."
    ),
    "ar": (
        "قتل مسلحون يشتبه في انتمائهم إلى جماعة جهادية ما لا يقل عن 23 مدنيا في هجوم على قرية قرب مدينة جيبو في "
        "شمال بوركينا فاسو "
        "يوم الأحد، بحسب مسؤولين محليين وسكان. ووصل المهاجمون على دراجات نارية بعد الفجر بقليل وأطلقوا النار على "
        "التجار."
    ),
    "sw": (
        "Watu wasiopungua 23 wameuawa katika shambulio lililotokea karibu na mji wa Djibo siku ya Jumapili, "
        "maafisa wa eneo hilo "
        "wamesema. Washambuliaji walifika kwa pikipiki muda mfupi baada ya alfajiri na kuwafyatulia risasi "
        "wafanyabiashara sokoni."
    ),
}
ONE_LINERS = [
    ("en", "Gunmen kill 23 villagers in attack near Djibo"),
    ("fr", "Au moins 23 civils tués dans une attaque près de Djibo"),
    ("es", "Ataque con drones en Jartum deja 12 muertos"),
    ("pt", "Ataque com drones em Cartum deixa 12 mortos"),
    ("it", "Almeno 23 civili uccisi in un attacco vicino a Djibo"),
    ("de", "Die Armee teilte mit, die Rebellen seien bei den Kämpfen getötet worden."),
    ("ru", "Российские войска обстреляли Кривой Рог, погибли два человека."),
    ("uk", "Російські війська обстріляли Кривий Ріг, загинули двоє людей."),
    ("ar", "قال الجيش إن المتمردين قتلوا في الاشتباكات قرب الفاشر."),
    ("fa", "ارتش اعلام کرد که شورشیان در درگیری‌ها در نزدیکی مرز کشته شدند."),
    ("tr", "Ordu, isyancıların çatışmalarda öldürüldüğünü açıkladı."),
    ("ha", "Sojojin Najeriya sun ce sun kashe 'yan ta'adda da dama a jihar Borno ranar Lahadi."),
    ("so", "Ciidamada dowladda ayaa sheegay in ay dileen dagaalyahanno ka tirsan Al-Shabaab."),
    ("am", "በጂቦ አቅራቢያ በደረሰ ጥቃት ቢያንስ 23 ሰላማዊ ሰዎች መገደላቸውን ባለስልጣናት ገለጹ።"),
]


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_it_tells_the_language_of_a_report(code):
    assert detect_language(PARAGRAPHS[code]) == code


@pytest.mark.parametrize("code, line", ONE_LINERS)
def test_it_tells_the_language_of_a_one_line_text(code, line):
    assert detect_language(line) == code


def test_it_answers_the_fallback_when_the_text_has_no_words():
    assert [detect_language(text) for text in ["", "   ", "12 34 -- 2024-07-28", "OK"]] == [FALLBACK_LANGUAGE] * 4


def test_it_reads_only_a_bounded_sample_of_the_text():
    english_start = (PARAGRAPHS["en"] + " ") * (SAMPLE_CHARS // len(PARAGRAPHS["en"]) + 1)
    assert detect_language(english_start + PARAGRAPHS["fr"] * 20) == "en"


def test_it_answers_only_iso_639_1_codes_of_languages_conflicts_are_reported_in():
    assert {"en", "fr", "es", "pt", "ar", "sw", "ha", "so", "am"} <= set(CANDIDATE_LANGUAGES)
    assert set(SUPPORTED_LANGUAGES) <= set(CANDIDATE_LANGUAGES)
    assert all(len(code) == 2 and code.isascii() and code.islower() for code in CANDIDATE_LANGUAGES)


def test_it_costs_well_under_a_millisecond_an_article():
    article = " ".join([PARAGRAPHS["fr"]] * 12)  # ~600 words
    detect_language(article)  # the model loads on the first call
    timings = []
    for _ in range(50):
        start = time.perf_counter()
        detect_language(article)
        timings.append(time.perf_counter() - start)
    assert statistics.median(timings) < 0.002  # measured about 0.14 ms; a loose bound for shared machines


def test_it_loads_its_model_only_when_a_text_is_first_detected():
    code = (
        "import sys, sources.parsing.parser; assert 'py3langid' not in sys.modules; "
        "from sources.parsing.lang import detect_language; assert detect_language('Les rebelles ont attaqué la "
        "ville.') == 'fr'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# ---------------------------------------------------------------- names


def test_it_names_languages_in_english():
    from sources.languages import is_language_code, language_name, unsupported_reason

    assert (language_name("es"), language_name("pt"), language_name("sw"), language_name("fa")) == (
        "Spanish",
        "Portuguese",
        "Swahili",
        "Persian",
    )
    assert unsupported_reason("es") == "No parser for Spanish yet."
    assert (
        is_language_code("ha")
        and not is_language_code("xx")
        and not is_language_code("eng")
        and not is_language_code("EN")
    )
    assert all(is_language_code(code) for code in CANDIDATE_LANGUAGES)


# ---------------------------------------------------------------- through the database

ENGLISH = (
    "Rebels attacked a Malian army post near Tessalit in northern Mali on Friday, killing five soldiers, the army "
    "said in a statement."
)
PUBLISHED = datetime.date(2024, 7, 28)
# A language the parser cannot read today, whichever lexicons have been added since.
UNSUPPORTED = next(code for code in ("es", "pt", "sw") if code not in SUPPORTED_LANGUAGES)


@pytest.fixture
def gazetteer(db):
    from tests.api.helpers import make_actor, make_place

    make_place("Tessalit", "ML", 20.2, 1.01, admin1="Kidal")
    make_actor("Military Forces of Mali", "state_forces", "Malian army", "Malian soldiers", country="ML")


@pytest.fixture
def reviewer(user_factory):
    return user_factory("rev", "reviewer")


@pytest.fixture
def languages_given(monkeypatch):
    """The ``language`` each parse was handed (None: the parser guessed it)."""
    import sources.parsing

    real, given = sources.parsing.parse_article, []

    def spy(*args, **kwargs):
        given.append(kwargs.get("language"))
        return real(*args, **kwargs)

    monkeypatch.setattr("events.ingestion.parse_article", spy)
    return given


@pytest.fixture
def worker(django_capture_on_commit_callbacks):
    """Run an action and then the parse its commit queues (tasks run in-process in tests)."""

    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        return result

    return run


def submit(text: str, worker):
    from sources.models import Article
    from sources.services import article_submit_text

    article = worker(lambda: article_submit_text(text=text, uploaded_by=None, published_at=PUBLISHED).article)
    return Article.objects.get(id=article.id)


def counts() -> tuple[int, int, int]:
    from events.models import Claim, Event, EventReport

    return Event.objects.count(), Claim.objects.count(), EventReport.objects.count()


def set_language(article, code: str, reviewer, worker):
    from sources.services import article_set_language

    worker(lambda: article_set_language(article=article, language=code, reviewer=reviewer))
    article.refresh_from_db()
    return article


def test_it_marks_an_article_in_a_language_without_a_parser_unsupported_with_the_reason(gazetteer, worker):
    from sources.languages import language_name

    article = submit(PARAGRAPHS[UNSUPPORTED], worker)
    assert (article.status, article.language, article.language_source) == ("unsupported", UNSUPPORTED, "detected")
    assert article.error == f"No parser for {language_name(UNSUPPORTED)} yet." and article.parsed_at is not None
    assert counts() == (0, 0, 0) and article.spans == []


def test_it_parses_again_in_the_language_a_reviewer_gives_instead_of_guessing(
    gazetteer, worker, reviewer, languages_given, monkeypatch
):
    monkeypatch.setattr("sources.parsing.parser.detect_language", lambda text: UNSUPPORTED)  # a wrong guess
    article = submit(ENGLISH, worker)
    assert article.status == "unsupported" and counts() == (0, 0, 0)

    article = set_language(article, "en", reviewer, worker)
    assert languages_given == [None, "en"]
    assert (article.status, article.language, article.language_source, article.error) == (
        "parsed",
        "en",
        "reviewer",
        "",
    )
    assert article.language_set_by == reviewer and article.language_set_at is not None
    assert counts() == (1, 1, 1)

    # Parsed again later (the dictionaries changed): still read as the reviewer said, never guessed again.
    from sources.services import article_requeue

    worker(lambda: article_requeue(article=article))
    article.refresh_from_db()
    assert languages_given == [None, "en", "en"]
    assert (article.status, article.language_source) == ("parsed", "reviewer") and counts() == (1, 1, 1)


def test_it_drops_an_earlier_reading_when_a_reviewer_says_the_language_has_no_parser(gazetteer, worker, reviewer):
    from sources.languages import language_name

    article = submit(ENGLISH, worker)
    assert article.status == "parsed" and counts() == (1, 1, 1)

    article = set_language(article, UNSUPPORTED, reviewer, worker)
    assert (article.status, article.language, article.language_source) == ("unsupported", UNSUPPORTED, "reviewer")
    assert article.error == f"No parser for {language_name(UNSUPPORTED)} yet." and counts() == (0, 0, 0)

    article = set_language(article, "en", reviewer, worker)
    assert article.status == "parsed" and counts() == (1, 1, 1)


def test_it_never_duplicates_events_or_claims_however_often_an_article_is_parsed_again(gazetteer, worker, reviewer):
    from events.models import Event
    from sources.services import article_mark_failed, article_requeue

    first = submit(ENGLISH, worker)
    second = submit(
        "The Malian army said five soldiers were killed when rebels attacked its post near Tessalit on Friday.", worker
    )
    event = Event.objects.get()
    assert event.reports.count() == 2 and counts() == (1, 2, 2)
    for _ in range(2):
        set_language(first, "en", reviewer, worker)
        worker(lambda: article_requeue(article=second))
        assert counts() == (1, 2, 2)
    # A re-parse that failed left the earlier output in place (and cleared parsed_at): the next one still replaces it.
    article_mark_failed(article_id=first.id, error="The parser could not read this article (test).")
    worker(lambda: article_requeue(article=first))
    first.refresh_from_db()
    assert first.status == "parsed" and counts() == (1, 2, 2) and Event.objects.get().id == event.id


def test_it_reads_a_language_set_before_the_first_parse(
    gazetteer, reviewer, languages_given, worker, django_capture_on_commit_callbacks
):
    from events.ingestion import article_parse
    from sources.models import Article
    from sources.services import article_requeue, article_set_language, article_submit_text

    with django_capture_on_commit_callbacks(execute=False):  # queued, and no worker has taken it yet
        article = article_submit_text(text=ENGLISH, uploaded_by=None, published_at=PUBLISHED).article
        article_set_language(article=article, language="en", reviewer=reviewer)
    assert article_parse(article_id=article.id)
    worker(lambda: article_requeue(article=article))
    article = Article.objects.get(id=article.id)
    assert languages_given == ["en", "en"]
    assert (article.status, article.language_source) == ("parsed", "reviewer") and counts() == (1, 1, 1)


@pytest.mark.parametrize("code", ["xx", "eng", "English", "", "e"])
def test_it_refuses_a_code_that_is_no_language_and_changes_nothing(gazetteer, worker, reviewer, code, monkeypatch):
    from sources.services import ArticleLanguageError, article_set_language

    article = submit(ENGLISH, worker)
    queued = []
    monkeypatch.setattr("sources.services.enqueue_parse", queued.append)
    with pytest.raises(ArticleLanguageError, match="ISO 639-1"):
        article_set_language(article=article, language=code, reviewer=reviewer)
    article.refresh_from_db()
    assert (article.status, article.language, article.language_source, article.language_set_by) == (
        "parsed",
        "en",
        "detected",
        None,
    )
    assert queued == []


def test_it_refuses_while_a_worker_parses_the_article_but_not_once_that_worker_died(
    gazetteer, worker, reviewer, settings, monkeypatch
):
    from django.utils import timezone

    from sources.models import Article
    from sources.services import ArticleBusy, article_set_language

    article = submit(ENGLISH, worker)
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: None)
    Article.objects.filter(id=article.id).update(status="parsing", parsing_started_at=timezone.now())
    with pytest.raises(ArticleBusy):
        article_set_language(article=article, language="fr", reviewer=reviewer)
    assert Article.objects.get(id=article.id).language == "en"

    died = timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 1)
    Article.objects.filter(id=article.id).update(parsing_started_at=died)
    article = article_set_language(article=article, language="fr", reviewer=reviewer)
    assert (article.status, article.language, article.language_source) == ("queued", "fr", "reviewer")

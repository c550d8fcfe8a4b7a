"""Demo questions in three languages: answers, accepted answers, helpful votes, a question turned
into an article draft, one left unanswered and one flagged. Idempotent: found again by title."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import Locale

from home.models import Topic
from questions.articles import create_article
from questions.models import Answer, Flag, HelpfulVote, Question

# (language, title, details, topic numbers, answers, number of the accepted answer or None)
QUESTIONS = [
    (
        "en",
        "How did you get trustees to approve a move to the cloud?",
        "Our board worries about cost and control. What arguments or pilots convinced yours?",
        [2, 9],
        [
            "We ran a three-month pilot with one team and showed the time saved.",
            "A one-page risk comparison: our server cupboard against the provider's audits.",
        ],
        0,
    ),
    (
        "en",
        "Which password manager works for a team of volunteers?",
        "Volunteers come and go every few months. We need shared vaults and easy offboarding.",
        [1, 8],
        [
            "We use Bitwarden's organisation plan; offboarding is one click.",
            "Whatever you choose, turn on two-factor login for the admin accounts first.",
        ],
        0,
    ),
    (
        "en",
        "Has anyone run a phishing drill without upsetting staff?",
        "Last time people felt tricked. How do you make it a learning moment?",
        [1],
        ["Announce the month, not the day, and follow every click with a two-minute lesson."],
        0,
    ),
    (
        "en",
        "What does a good data retention schedule look like for a small charity?",
        "We keep everything forever. Where do we start?",
        [3],
        [
            "Start from your record types, not your systems: donors, volunteers, service users.",
            "The ICO's retention guidance has a template we adapted in an afternoon.",
        ],
        1,
    ),
    (
        "en",
        "How did you measure the carbon savings of a school retrofit?",
        "Funders want numbers. Metered data or modelled estimates?",
        [5, 4],
        [
            "Half-hourly meter data a year before and after; degree-day corrected.",
            "We used modelled estimates first, then replaced them with metered data.",
        ],
        0,
    ),
    (
        "en",
        "Bike library: insurance for lending e-bikes?",
        "Our insurer won't cover e-bikes lent to the public. Who covers yours?",
        [6],
        ["Cycle-specific insurers cover lending schemes; ask for 'hire and reward' cover."],
        0,
    ),
    (
        "en",
        "How do you recruit skilled volunteers for IT support?",
        "We need people who can set up laptops and accounts, a few hours a month.",
        [8, 0],
        [
            "Local employers' volunteering days, then keep the keen ones.",
            "Digital skills bootcamps look for real projects for their learners.",
        ],
        None,
    ),
    (
        "en",
        "Getting a food waste collection started in flats",
        "Residents say yes in surveys but the bins stay empty. What changed behaviour for you?",
        [7],
        ["Caddies delivered to each door with a leaflet, then a thank-you note with results."],
        0,
    ),
    (
        "en",
        "Which grants fund digital inclusion hubs?",
        "We want to lend tablets and run drop-in sessions.",
        [0, 9],
        ["Lottery community funds, and local authority household support funds in some areas."],
        0,
    ),
    (
        "en",
        "Do we need a data protection officer?",
        "We are a charity of 15 staff processing health data of our clients.",
        [3],
        [
            "Processing health data at scale usually means yes; a shared DPO service is cheaper.",
            "Check with the regulator's self-assessment tool first.",
        ],
        0,
    ),
    (
        "en",
        "How did you plan a heat pump for a community hall?",
        "Old building, poor insulation, limited budget.",
        [5],
        ["Fabric first: insulation and draught-proofing halved the heat pump size we needed."],
        0,
    ),
    (
        "en",
        "What is a realistic target for cutting a council's fleet emissions?",
        "Our climate plan says 50% by 2030. Is that credible?",
        [6, 4],
        ["We are at 30% after four years by replacing pool cars first."],
        None,
    ),
    (
        "en",
        "Moving email for 40 people: what went wrong for you?",
        "We move next month and want to avoid surprises.",
        [2],
        [
            "Shared mailboxes and calendar permissions did not migrate; plan a day for them.",
            "Lower the DNS time-to-live a week before the switch.",
        ],
        1,
    ),
    (
        "en",
        "How do you keep a repair café going after the first year?",
        "Volunteers are tired and footfall is dropping.",
        [7, 8],
        ["A rota with fixed monthly dates and a volunteer thank-you evening each year."],
        0,
    ),
    (
        "en",
        "Do you publish your organisation's cyber incident plan?",
        "Is it a risk to publish it, or good practice?",
        [1],
        ["Publish the summary and contacts, keep the technical runbook internal."],
        0,
    ),
    (
        "en",
        "Crowdfunding a community solar roof: lessons?",
        "Any pitfalls with share offers?",
        [5, 9],
        ["Get the roof lease signed before launching the offer."],
        0,
    ),
    (
        "en",
        "Offline alternatives when services move online?",
        "Some residents will never use the app. What do you offer them?",
        [0],
        ["A phone line answered by the same team, with the same service levels."],
        None,
    ),
    (
        "en",
        "Who has trained staff to spot scams targeting older clients?",
        "We want a short session our frontline staff can run.",
        [1, 0],
        [],
        None,
    ),
    (
        "fr",
        "Comment convaincre une mairie de financer des ateliers numériques ?",
        "Nous animons des ateliers pour les seniors et cherchons un financement durable.",
        [0, 9],
        [
            "Montrez le nombre de démarches en ligne réussies grâce aux ateliers.",
            "Proposez une convention sur trois ans plutôt qu'une subvention annuelle.",
        ],
        0,
    ),
    (
        "fr",
        "Quel outil pour partager des fichiers avec des bénévoles ?",
        "Nous voulons éviter les clés USB et les pièces jointes.",
        [2, 8],
        ["Un espace partagé par équipe, avec des droits retirés au départ du bénévole."],
        0,
    ),
    (
        "fr",
        "Rénovation énergétique d'une école : par où commencer ?",
        "Le budget est limité et le bâtiment date des années 1970.",
        [5],
        ["Un audit énergétique, puis l'isolation de la toiture en priorité."],
        0,
    ),
    (
        "fr",
        "Comment réduire le gaspillage alimentaire à la cantine ?",
        "Les restes représentent un tiers des repas.",
        [7],
        ["Peser les restes chaque jour et afficher les résultats aux élèves."],
        None,
    ),
    (
        "fr",
        "Faut-il chiffrer les ordinateurs portables de l'association ?",
        "Certains sont emportés à domicile.",
        [1, 3],
        ["Oui : le chiffrement du disque est intégré et protège les données en cas de vol."],
        0,
    ),
    (
        "es",
        "¿Cómo organizar un banco de bicicletas para el barrio?",
        "Tenemos bicicletas donadas pero pocos voluntarios mecánicos.",
        [6, 8],
        ["Talleres de reparación abiertos: los usuarios aprenden y algunos se quedan."],
        0,
    ),
    (
        "es",
        "¿Qué herramienta usan para encuestas que respeten la privacidad?",
        "Necesitamos recoger opiniones sin guardar datos personales.",
        [3],
        ["Un formulario alojado en Europa, sin preguntas de identificación."],
        0,
    ),
    (
        "es",
        "¿Cómo medir el impacto de un programa de voluntariado?",
        "Los financiadores piden indicadores claros.",
        [8, 9],
        ["Horas, personas atendidas y una encuesta corta a los voluntarios cada seis meses."],
        None,
    ),
]
TURNED_INTO_ARTICLE = 0  # "How did you get trustees to approve a move to the cloud?"
FLAGGED = 6  # an answer on "How do you recruit skilled volunteers for IT support?"


def topics_in(language, numbers, english_topics):
    locale = Locale.objects.get(language_code=language)
    keys = [english_topics[number].translation_key for number in numbers]
    return list(Topic.objects.filter(locale=locale, translation_key__in=keys))


def build(demo):
    members = demo.made["members"]
    topics, sectors, regions = demo.made["topics"], demo.made["sectors"], demo.made["regions"]
    now = timezone.now()
    made = []
    for number, (language, title, details, topic_numbers, answers, accepted) in enumerate(
        QUESTIONS
    ):
        asker = members[number % len(members)]
        question, created = Question.objects.get_or_create(
            title=title,
            defaults={
                "details": details,
                "author": asker,
                "locale": Locale.objects.get(language_code=language),
                "sector": sectors[number % len(sectors)] if language == "en" else None,
                "region": regions[number % len(regions)] if language == "en" else None,
            },
        )
        made.append(question)
        if not created:
            continue
        question.topics.set(topics_in(language, topic_numbers, topics))
        asked = now - datetime.timedelta(days=2 + 3 * number, hours=number)
        Question.objects.filter(pk=question.pk).update(created_at=asked)
        for position, body in enumerate(answers):
            answerer = members[(number + position + 1 + len(members) // 2) % len(members)]
            reply = Answer.objects.create(
                question=question, author=answerer, body=body, is_accepted=position == accepted
            )
            Answer.objects.filter(pk=reply.pk).update(
                created_at=asked + datetime.timedelta(hours=5 + position)
            )
            voters = demo.rng.sample([m for m in members if m != answerer], 3 - position)
            for voter in voters:
                HelpfulVote.objects.get_or_create(answer=reply, user=voter)
    Question.objects.filter(pk=made[3].pk).update(is_public=True)  # a resolved, public one
    if not made[TURNED_INTO_ARTICLE].article_id:
        create_article(made[TURNED_INTO_ARTICLE].pk, demo.made["editor"])
    flagged = made[FLAGGED].answers.first()
    Flag.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(Answer),
        object_id=flagged.pk,
        user=members[0],
        defaults={"reason": "Looks like an advert."},
    )
    demo.log(f"{len(made)} questions with answers, votes, an article draft and a flag ready.")

"""Demo members with filled profiles, pending applications, and discussions on articles and case studies."""

import datetime
import itertools

from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django.utils.text import slugify

from casestudies.models import CaseStudyPage
from knowledge.models import KnowledgeArticlePage
from members.access import MEMBERS_GROUP
from members.factories import MembershipApplicationFactory
from members.models import MemberProfile

PASSWORD = "member-demo-pass"  # noqa: S105  (demo accounts only, as in demo.knowledge)

PEOPLE = [
    ("Bronwen", "Jones", "Cardiff Community Energy", "Project manager"),
    ("Tomás", "García", "Bristol Food Network", "Coordinator"),
    ("Priya", "Shah", "Leicester Digital Inclusion Trust", "Director"),
    ("Liam", "O'Connor", "Manchester Climate Agency", "Policy officer"),
    ("Aisha", "Bello", "London Tenants Federation", "Digital lead"),
    ("Jonas", "Becker", "Toronto Repair Café", "Volunteer coordinator"),
    ("Mei", "Chen", "Vancouver Zero Waste Society", "Operations manager"),
    ("Sam", "Okafor", "Portland Bike Collective", "Founder"),
    ("Hannah", "Schmidt", "Boston Green Schools", "Programme lead"),
    ("Rhys", "Evans", "Swansea Council", "Sustainability officer"),
    ("Fatima", "Rahman", "Tower Hamlets Volunteer Centre", "Training manager"),
    ("Noah", "Williams", "Seattle Housing Alliance", "IT manager"),
    ("Isabelle", "Tremblay", "Ottawa Civic Tech", "Data lead"),
    ("Kwame", "Mensah", "Liverpool Social Enterprise Hub", "Chief executive"),
    ("Sofia", "Rossi", "Plymouth Community Transport", "Fleet manager"),
    ("Ethan", "Brown", "Chicago Neighbourhood Solar", "Engineer"),
    ("Grace", "Kim", "Burnaby Seniors Online", "Digital champion"),
    ("Oliver", "Hughes", "Gwynedd Housing Association", "Head of IT"),
    ("Zara", "Ahmed", "Hackney Circular Economy Lab", "Researcher"),
    ("Lucas", "Martin", "Montreal Community Fridges", "Coordinator"),
    ("Emily", "Clarke", "Exeter City Council", "Climate officer"),
    ("Daniel", "Novak", "Vermont Energy Co-op", "Finance manager"),
    ("Nia", "Roberts", "Newport Digital Skills", "Trainer"),
    ("Mateo", "Silva", "Oregon Rural Broadband", "Network engineer"),
    ("Chloe", "Baker", "Salford Refugee Support", "Volunteer manager"),
    ("Arjun", "Mehta", "Ontario Nonprofit Network", "Policy analyst"),
    ("Ruth", "Davies", "Bath Preservation Trust", "Retrofit adviser"),
    ("Ibrahim", "Yusuf", "Lambeth Food Partnership", "Data and privacy officer"),
]

BIOS = [
    "I have spent ten years helping small organisations get the basics right before they buy anything new.",
    "I came to this work from local government and still think like a council officer: evidence first.",
    "Our team is small, so I end up doing a bit of everything, from grant reports to fixing the printer.",
    "I run pilots quickly and write down what went wrong; most of what I know came from the failures.",
    "Before this I worked in housing, which taught me that nothing works unless the residents want it.",
    "I care about making technology boring and reliable so that people can get on with the real work.",
]
CAN_HELP = [
    "Writing a funding bid for a pilot, and the evaluation plan funders ask for.",
    "Moving email and files to the cloud without losing anything on the way.",
    "Recruiting and keeping skilled volunteers.",
    "Setting up two-step sign-in for a team that is nervous about it.",
    "Running a consultation that people actually take part in.",
    "Measuring carbon savings in a way that a board will believe.",
]
LOOKING_FOR = [
    "Someone who has run a bike-share scheme in a small town.",
    "Examples of data-sharing agreements between charities and councils.",
    "A peer who has retrofitted an older community building.",
    "Advice on choosing a CRM that volunteers will use.",
    "Anyone who has measured the impact of digital skills training.",
    "Ideas for paying for shared IT support across several small charities.",
]
APPLICANTS = [
    ("Marta Kowalska", "Gdańsk Youth Climate Network", "Organiser"),
    ("Peter Lindqvist", "Malmö Makerspace", "Chair"),
    ("Yasmin Ali", "Bradford Digital Hub", "Community manager"),
    ("George Mitchell", "Halifax Food Bank", "Operations lead"),
    ("Anna Petrova", "Riverside Housing Co-op", "Secretary"),
]
THREADS = [
    (
        "How long did it take before people stopped asking for the old way of doing things?",
        [
            "About three months for most of the team. The last holdouts came round when we stopped printing.",
            "For us it was the training sessions that did it: short, in person, and with cake.",
        ],
    ),
    (
        "Did you look at any open-source options before choosing? We are weighing up costs now.",
        [
            "We did, but we had nobody to host and patch it. The paid service was cheaper once we counted our time."
        ],
    ),
    (
        "This is really useful, thank you. We are starting something similar in the spring.",
        ["Happy to talk it through: my contact details are on my profile."],
    ),
    (
        "What would you do differently if you started again tomorrow?",
        [
            "Involve the finance team from day one. They found two problems we had missed.",
            "Write down the baseline before you start; we could not show our savings without it.",
        ],
    ),
    ("We tried this and found the hardest part was keeping volunteers after the first month.", []),
    (
        "How did you measure whether it worked? Our board wants numbers, not stories.",
        ["We counted hours saved per week, before and after. One spreadsheet, updated monthly."],
    ),
    (
        "Did your trustees need convincing, or were they on board from the start?",
        ["They needed a one-page summary with the risks spelled out. That was enough."],
    ),
]
# Each page's own thread: a question about the page by name, and one reply from this list.
PAGE_QUESTION = "We are about to start on “{title}” ourselves. What would you do first?"
PAGE_REPLIES = [
    "Find one person who will own it, and give them the time to do it properly.",
    "Talk to the people who will use it before you buy anything.",
    "Start with one team for a month and write down what goes wrong.",
    "Ask the network: someone here has almost certainly done the hard part already.",
    "Agree how you will know it has worked before you begin.",
    "Budget for training. It always takes longer than the supplier says.",
    "Visit an organisation that has done it. An afternoon saved us months.",
]


def _member(first_name, last_name, group):
    username = slugify(f"{first_name}-{last_name}").replace("-", ".")
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.org",
        },
    )
    if created:
        user.set_password(PASSWORD)
        user.save()
    user.groups.add(group)
    return user


def _profile(demo, user, organisation, role, listed=True):
    profile, created = MemberProfile.objects.get_or_create(
        user=user,
        defaults={
            "organisation": organisation,
            "role": role,
            "region": demo.rng.choice(demo.made["regions"]),
            "bio": demo.rng.choice(BIOS),
            "can_help_with": demo.rng.choice(CAN_HELP),
            "looking_for": demo.rng.choice(LOOKING_FOR),
            "contact_preference": demo.rng.choice(list(MemberProfile.Contact.values)),
            "listed_in_directory": listed,
        },
    )
    if created:
        profile.expertise.set(demo.rng.sample(demo.made["topics"], demo.rng.randint(1, 3)))
    return profile


def _comment(page, user, text, when, parent=None, is_public=True):
    comment = XtdComment(
        content_type=ContentType.objects.get_for_model(page),
        object_pk=str(page.pk),
        site_id=settings.SITE_ID,
        user=user,
        user_name=user.get_full_name(),
        user_email=user.email,
        comment=text,
        submit_date=when,
        is_public=is_public,
        parent_id=parent.pk if parent else 0,
    )
    comment.save()
    return comment


def _discuss(demo, page, people, start, threads):
    """The page's own thread and the next of `threads` (seven threads for seven pages, so no
    two pages carry the same discussion); nothing if the page already has a discussion."""
    if XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(page), object_pk=str(page.pk)
    ).exists():
        return 0
    count = 0
    when = start
    own = (PAGE_QUESTION.format(title=page.title), [demo.rng.choice(PAGE_REPLIES)])
    for question, replies in [own, next(threads)]:
        when += datetime.timedelta(hours=demo.rng.randint(3, 40))
        parent = _comment(page, demo.rng.choice(people), question, when)
        count += 1
        for reply in replies:
            when += datetime.timedelta(hours=demo.rng.randint(1, 20))
            _comment(page, demo.rng.choice(people), reply, when, parent=parent)
            count += 1
    return count


def build(demo):
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP)
    earlier = demo.made.get("members", [])
    for user in earlier:
        _first, _last, organisation, role = demo.rng.choice(PEOPLE)
        _profile(demo, user, organisation, role)
    people = [_member(first, last, group) for first, last, _org, _role in PEOPLE]
    for number, (user, (_first, _last, organisation, role)) in enumerate(
        zip(people, PEOPLE, strict=True)
    ):
        _profile(demo, user, organisation, role, listed=number % 9 != 4)
    members = [*earlier, *people]

    for name, organisation, role in APPLICANTS:
        MembershipApplicationFactory(
            email=f"{slugify(name).replace('-', '.')}@example.org",
            name=name,
            organisation=organisation,
            role=role,
            region=demo.rng.choice(demo.made["regions"]),
            hopes_to_share="What we learned running our first year of projects, and the mistakes we made.",
            listed_in_directory=True,
            expertise=demo.rng.sample(demo.made["topics"], 2),
        )

    start = timezone.now() - datetime.timedelta(days=60)
    pages = [
        *KnowledgeArticlePage.objects.live().public().order_by("path")[:4],
        *CaseStudyPage.objects.live().public().order_by("path")[:3],
    ]
    threads = itertools.cycle(demo.rng.sample(THREADS, len(THREADS)))
    comments = sum(_discuss(demo, page, members, start, threads) for page in pages)
    if pages and comments:
        newcomer = people[-1]
        _comment(
            pages[0],
            newcomer,
            "My first comment: is there a template for the risk log?",
            timezone.now(),
            is_public=False,
        )
        flagged = _comment(
            pages[-1], people[-2], "Buy cheap followers at spam.example!", timezone.now()
        )
        CommentFlag.objects.get_or_create(
            comment=flagged, user=people[0], flag=CommentFlag.SUGGEST_REMOVAL
        )
    demo.made["members"] = members
    demo.log(
        f"{len(members)} members with profiles, {len(APPLICANTS)} pending applications, "
        f"{comments} comments on {len(pages)} pages; members log in with password {PASSWORD}."
    )

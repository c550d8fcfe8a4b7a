"""Demo knowledge base: member and editor accounts, and articles in every state of the review."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import WorkflowState

from demo.home import add_to_menu, listing_picture
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from knowledge.models import REVIEW_PERIOD
from knowledge.roles import EDITORS, MEMBERS, ensure_roles

# Demo accounts only: documented in the README, never for a real site.
EDITOR = ("editor", "editor-demo-pass", "Elena", "Ruiz")
MEMBERS_ACCOUNTS = [
    ("member", "member-demo-pass", "Amira", "Haddad"),
    ("owen", "member-demo-pass", "Owen", "Price"),
    ("chloe", "member-demo-pass", "Chloé", "Martin"),
    ("dev", "member-demo-pass", "Dev", "Patel"),
]

PUBLISHED, MEMBERS_ONLY, IN_REVIEW, CHANGES = "published", "members only", "in review", "changes"

# (title, summary, topic indexes, author index, state, paragraphs)
ARTICLES = [
    (
        "Moving a small charity's email to the cloud",
        "The plan three charities followed to switch mail services in a week without losing a message.",
        [2, 0],
        0,
        PUBLISHED,
        [
            "Pick a quiet week, tell everyone the date a month ahead, and copy old mail before the "
            "switch rather than after. The two charities that copied afterwards spent weeks chasing "
            "missing folders.",
            "Charity discounts halve the list price of most services, but only if you register "
            "with the discount scheme first; allow three weeks for that.",
        ],
    ),
    (
        "Two-step sign-in for volunteers who share a phone",
        "How we turned on two-step sign-in when half our volunteers had no phone of their own.",
        [1, 8],
        1,
        PUBLISHED,
        [
            "We bought six cheap security keys and kept them in the office safe with a sign-out "
            "sheet. Volunteers without a phone use a key; everyone else uses an authenticator app.",
            "Password resets fell from a dozen a month to two.",
        ],
    ),
    (
        "A retention schedule for volunteer records",
        "What to keep, for how long, and how to delete the rest without a lawyer on retainer.",
        [3, 8],
        2,
        PUBLISHED,
        [
            "We keep application forms for one year after a volunteer leaves, safeguarding checks "
            "for as long as the law requires, and nothing else. A calendar reminder each January "
            "tells us what to delete.",
            "Writing the schedule took an afternoon; explaining it to volunteers took one "
            "paragraph in their handbook.",
        ],
    ),
    (
        "Weighing food waste in school kitchens",
        "A month of daily weighing changed menus faster than any campaign we ran.",
        [7, 4],
        3,
        PUBLISHED,
        [
            "Kitchen staff weighed plate waste and preparation waste separately, on a bathroom "
            "scale, and wrote the numbers on a whiteboard by the door.",
            "Within three weeks two dishes were dropped and portion sizes for the youngest "
            "children were cut. Waste fell by a quarter and nobody complained of hunger.",
        ],
    ),
    (
        "Insulating the council depot before asking residents to insulate",
        "Starting with our own building taught us what retrofits really cost.",
        [5, 4],
        0,
        PUBLISHED,
        [
            "The depot job found us two local installers we trusted and gave us real prices to "
            "quote to residents, who had heard too many promises.",
            "Do not start with a listed building: the permissions took longer than the work.",
        ],
    ),
    (
        "Choosing a password manager for a team of twelve",
        "What we compared, what we chose, and the one setting we wish we had changed on day one.",
        [1, 2],
        1,
        PUBLISHED,
        [
            "We compared four managers on price, sharing between teams and recovery when someone "
            "leaves. Recovery mattered most: one manager made it impossible without the leaver.",
            "Turn on the emergency access setting before anyone needs it.",
        ],
    ),
    (
        "Lending laptops to new internet users",
        "Devices helped, but a familiar person to call kept people online.",
        [0, 8],
        2,
        PUBLISHED,
        [
            "We lent forty laptops through the library. Those borrowers who had a named volunteer "
            "to call were still online six months later; most of the others had stopped.",
            "Budget for the volunteer's time, not just the hardware.",
        ],
    ),
    (
        "Funding a shared IT manager across five charities",
        "How pooling budgets bought expert help none of us could afford alone.",
        [9, 2],
        3,
        PUBLISHED,
        [
            "Each charity pays for one day a week; the manager keeps a shared log so everyone can "
            "see where the time went. Support costs fell by a third in the first year.",
            "Agree in writing who decides when two charities need help on the same day.",
        ],
    ),
    (
        "E-bikes on hilly routes: what five years of data show",
        "Adding e-bikes doubled bike share trips from our hilliest neighbourhoods.",
        [6, 4],
        0,
        PUBLISHED,
        [
            "We compared trips before and after adding e-bikes at twelve stations on hills. Trips "
            "doubled, and the new riders were older than our typical rider.",
            "Charging was the hard part: plan for it before you order bikes.",
        ],
    ),
    (
        "Backups a small office can actually test",
        "The three-copy rule, made practical for an office without an IT department.",
        [1, 2],
        1,
        PUBLISHED,
        [
            "We keep one copy in the office, one in a cloud service and one on a drive that a "
            "trustee takes home each month. Every quarter we restore one folder to prove it works.",
            "The first test restore failed. That is why you test.",
        ],
    ),
    (
        "Heat pumps in a community hall: our first winter",
        "Comfortable, cheaper to run than gas, and two surprises we had not planned for.",
        [5],
        2,
        PUBLISHED,
        [
            "The hall stayed warm, but we had to replace three small radiators and run the system "
            "longer at lower temperatures than the old boiler.",
            "Insulate the roof first; we did it the other way round and paid for it.",
        ],
    ),
    (
        "Writing a climate plan that survives an election",
        "Cross-party working groups and yearly public reports kept our plan funded.",
        [4],
        3,
        PUBLISHED,
        [
            "Every party had a seat on the working group from the start, so no party could call "
            "the plan someone else's. A short yearly report kept it in the news.",
        ],
    ),
    (
        "Phishing drills without shaming anyone",
        "How we ran practice phishing emails that staff thanked us for.",
        [1],
        0,
        MEMBERS_ONLY,
        [
            "We told everyone the drills were coming, never named who clicked, and sent a short "
            "explanation straight after each one. Reports of real phishing went up fivefold.",
            "Our exact templates and results are here for members only, at the request of the "
            "organisations that shared them.",
        ],
    ),
    (
        "What our ransomware recovery really cost",
        "An honest account of the week we lost our files, for members only.",
        [1, 9],
        1,
        MEMBERS_ONLY,
        [
            "Recovery took nine days and cost more than three years of the backup service we had "
            "cancelled to save money.",
            "We share the supplier names and our insurer's response with members only.",
        ],
    ),
    (
        "Negotiating a solar rooftop lease with a school trust",
        "The clauses that mattered, and the ones the trust's lawyers cared about most.",
        [5, 9],
        2,
        MEMBERS_ONLY,
        [
            "The trust cared most about roof repairs and who pays if the panels must come off. "
            "Agreeing that early saved months.",
        ],
    ),
    (
        "Our data protection impact assessment template",
        "A two-page template members use before starting any project with personal data.",
        [3],
        3,
        MEMBERS_ONLY,
        [
            "The template asks seven questions in plain language. If any answer is 'not sure', "
            "the project talks to the data protection lead before going further.",
        ],
    ),
    (
        "Reuse shops in recycling centres",
        "Selling what residents throw away paid for two jobs in the first year.",
        [7, 9],
        0,
        PUBLISHED,
        [
            "Staff set aside furniture and bikes at the gate. A volunteer repairs bikes two days a "
            "week, and the shop's income now pays for two part-time posts.",
        ],
    ),
    (
        "Matching skilled volunteers with short, clear requests",
        "Well-defined requests found a volunteer within days; vague ones never did.",
        [8],
        1,
        PUBLISHED,
        [
            "We ask charities to describe the problem, the deadline and what done looks like in "
            "five lines. Requests written that way are taken up in under a week.",
        ],
    ),
    (
        "Moving shared drives to a cloud file service",
        "A step-by-step plan for the folders nobody dares to touch.",
        [2],
        2,
        IN_REVIEW,
        [
            "Start with a folder inventory and an owner for every top-level folder. Folders with "
            "no owner after a month are archived, not moved.",
        ],
    ),
    (
        "Cycle parking at council offices",
        "What staff asked for when we surveyed them, and what it cost to provide.",
        [6],
        3,
        IN_REVIEW,
        [
            "Covered, lit and close to the door came top. Showers mattered less than we thought; "
            "lockers mattered more.",
        ],
    ),
    (
        "Accessible websites on a small budget",
        "The free checks that caught most of the problems on our site.",
        [0],
        1,
        IN_REVIEW,
        [
            "Keyboard-only navigation and a screen reader check found more problems than the "
            "automated tools, and cost nothing but an afternoon.",
        ],
    ),
    (
        "Composting at community gardens",
        "Three gardens compare bins, rotas and what went wrong.",
        [7],
        0,
        CHANGES,
        [
            "Our gardens use open bays, closed bins and a hot composter. The rota mattered more "
            "than the equipment.",
        ],
    ),
]

REVIEW_COMMENT = (
    "Thanks, Amira: a useful comparison. Please add what each option cost and how many "
    "volunteers each rota needed, then resubmit."
)


def build(demo):
    ensure_roles()
    home = demo.made["home"]
    topics = demo.made["topics"]
    editor = account(EDITOR)
    members = [account(details) for details in MEMBERS_ACCOUNTS]
    index = KnowledgeIndexPageFactory(
        parent=home,
        intro="Guides and answers written by members from their own practice, reviewed by editors.",
    )
    today = timezone.localdate()
    first = timezone.now() - datetime.timedelta(days=400)
    for number, (title, summary, topic_ids, author, state, paragraphs) in enumerate(ARTICLES):
        owner = members[author]
        published = state in (PUBLISHED, MEMBERS_ONLY)
        review_by = today + datetime.timedelta(days=demo.rng.randint(60, 360))
        if number in (3, 10):
            review_by = today - datetime.timedelta(days=30)  # shows the "may be out of date" notice
        article = KnowledgeArticlePageFactory(
            parent=index,
            title=title,
            slug=slugify(title)[:80],
            intro=summary,
            owner=owner,
            live=published,
            members_only=state == MEMBERS_ONLY,
            first_published_at=first + datetime.timedelta(days=17 * number) if published else None,
            last_reviewed=review_by - REVIEW_PERIOD if published else None,
            review_by=review_by,
            body=[("paragraph", f"<p>{text}</p>") for text in paragraphs],
            **listing_picture(title),
            topics=[topics[i] for i in topic_ids],
        )
        if number % 5 == 1:
            article.authors.add(members[(author + 1) % len(members)])
            article.save()
        if article.latest_revision_id is None:
            revision = article.save_revision(user=owner)
            if published:
                revision.publish(user=editor)
        if not published:
            _submit(article, owner, editor, reject=state == CHANGES)
    add_to_menu(demo.made["menu"], [index])
    demo.made.update(knowledge_index=index, members=members, editor=editor)
    demo.log(
        f"{len(ARTICLES)} knowledge articles ready; accounts editor/editor-demo-pass and "
        "member/member-demo-pass."
    )


def account(details):
    """The demo account of `details` (EDITOR or one of MEMBERS_ACCOUNTS), made once."""
    if details == EDITOR:
        return _user(*details, group=EDITORS, is_staff=True)
    return _user(*details, group=MEMBERS)


def _user(username, password, first_name, last_name, group, is_staff=False):
    user, created = get_user_model().objects.get_or_create(
        username=username,
        defaults={
            "first_name": first_name,
            "last_name": last_name,
            "email": f"{username}@example.org",
            "is_staff": is_staff,
        },
    )
    if created:
        user.set_password(password)
        user.save()
    user.groups.add(Group.objects.get(name=group))
    return user


def _submit(article, owner, editor, reject):
    """Put a draft through the real workflow: submitted, and for one, sent back with a comment."""
    if WorkflowState.objects.for_instance(article).exists():
        return
    workflow_state = article.get_workflow().start(article, owner)
    if reject:
        workflow_state.current_task_state.specific.reject(user=editor, comment=REVIEW_COMMENT)

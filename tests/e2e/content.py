"""A small, demo-shaped site for the journeys, built from the apps' own factories.

The site's shell (taxonomy, home, about, join, code of conduct, settings, menu) is the demo's own
builder; the rest is a handful of pages each journey needs, with names the tests look for.
"""

import io
from dataclasses import dataclass, field

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from demo import home as home_demo
from demo.management.commands.load_demo_content import Demo
from home.factories import ImageFactory
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
)
from knowledge.roles import ensure_roles
from members.factories import MemberProfileFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

PASSWORD = "test-pass-123"

# (title, sector, region, topic, year): two share sector, region and topic with "Bike share".
CASE_STUDIES = [
    ("Bike share for a mid-sized city", "Local government", "Ontario", "Transport", 2024),
    ("Council e-bike fleet", "Local government", "Ontario", "Transport", 2023),
    ("Bike lanes on a budget", "Local government", "British Columbia", "Transport", 2022),
    ("Bike repair cafes", "Voluntary sector", "Wales", "Waste and circular economy", 2024),
]


@dataclass
class Network:
    home: object
    pages: dict = field(default_factory=dict)
    topics: dict = field(default_factory=dict)
    sectors: dict = field(default_factory=dict)
    regions: dict = field(default_factory=dict)
    member: object = None
    other_member: object = None
    editor: object = None


def build_network():
    ensure_roles()
    demo = Demo(seed=2026, stdout=io.StringIO())
    home_demo.build(demo)
    home = demo.made["home"]
    network = Network(
        home=home,
        topics={topic.name: topic for topic in demo.made["topics"]},
        sectors={sector.name: sector for sector in demo.made["sectors"]},
        regions={region.name: region for region in demo.made["regions"]},
    )
    pages = network.pages
    pages["about"] = home.get_children().get(slug="about").specific
    pages["join"] = home.get_children().get(slug="join").specific

    news = NewsIndexPageFactory(parent=home)
    pages["news_index"] = news
    pages["news"] = NewsPageFactory(
        parent=news,
        title="Spring peer exchange on cycling",
        intro="Twelve cities compared what got more people on bikes.",
        body=[("paragraph", "<p>Counting riders every week mattered most.</p>")],
        topics=[network.topics["Transport"]],
    )

    library = CaseStudyIndexPageFactory(parent=home)
    pages["case_study_index"] = library
    for number, (title, sector, region, topic, year) in enumerate(CASE_STUDIES):
        pages[title] = CaseStudyPageFactory(
            parent=library,
            title=title,
            intro=f"How one organisation approached {title.lower()}.",
            organisation_name=f"Organisation {number + 1}",
            sector=network.sectors[sector],
            region=network.regions[region],
            year=year,
            listing_image=ImageFactory(title=f"Case study picture {number + 1}"),
            lessons="<p>Start small, count everything, and share the numbers.</p>",
            topics=[network.topics[topic]],
        )

    knowledge = KnowledgeIndexPageFactory(parent=home)
    pages["knowledge_index"] = knowledge
    network.member = member_with_profile("amira", "Amira", "Haddad", "Riverside Council")
    network.other_member = member_with_profile("bruno", "Bruno", "Costa", "Repair Collective")
    network.editor = EditorFactory(
        username="edith", first_name="Edith", last_name="Stone", is_staff=True
    )
    article = KnowledgeArticlePageFactory(
        parent=knowledge,
        title="Counting cyclists without expensive sensors",
        intro="Volunteers with clickers beat the automatic counters on cost.",
        body=[
            ("heading", {"text": "What we tried", "level": "h2"}),
            ("paragraph", "<p>Volunteers counted at six junctions for a week.</p>"),
        ],
        owner=network.other_member,
        topics=[network.topics["Transport"]],
    )
    article.save_revision(user=network.other_member).publish(user=network.editor)
    pages["article"] = article
    return network


def member_with_profile(username, first_name, last_name, organisation):
    user = MemberFactory(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=f"{username}@example.org",
    )
    MemberProfileFactory(user=user, organisation=organisation)
    return user

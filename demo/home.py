"""Demo content for the site's shell: taxonomy, home, about/join/conduct pages, settings, menu."""

from wagtail.models import Collection, Page, Site

from home.factories import (
    HomePageFactory,
    ImageFactory,
    MainMenuFactory,
    RegionFactory,
    SectorFactory,
    StandardPageFactory,
    TopicFactory,
)
from home.models import SiteSettings
from home.site_address import host_and_port

TOPICS = [
    ("Digital inclusion", "Helping people and organisations get online and stay safe there."),
    ("Cyber security", "Protecting small organisations from the attacks that hit them most."),
    (
        "Cloud and infrastructure",
        "Moving servers, email and files to services that look after themselves.",
    ),
    ("Data and privacy", "Collecting less, protecting more, and meeting the rules without fear."),
    ("Climate action", "Plans, targets and the politics of getting a city to net zero."),
    ("Energy and buildings", "Retrofits, renewables and the buildings we already have."),
    ("Transport", "Bike sharing, active travel and cleaner fleets."),
    ("Waste and circular economy", "Food waste, reuse and the materials that cities throw away."),
    ("Volunteering and skills", "Skilled volunteers, mentoring and learning from each other."),
    (
        "Funding and sustainability",
        "Paying for the work: grants, earned income and shared services.",
    ),
]
SECTORS = [
    "Local government",
    "Voluntary sector",
    "Social enterprise",
    "Housing",
    "Health and care",
    "Education",
]
REGIONS = [
    ("North West England", "United Kingdom"),
    ("South West England", "United Kingdom"),
    ("London", "United Kingdom"),
    ("Wales", "United Kingdom"),
    ("Ontario", "Canada"),
    ("British Columbia", "Canada"),
    ("Pacific Northwest", "United States"),
    ("New England", "United States"),
    ("Midwest", "United States"),
]

ABOUT_BODY = [
    ("heading", {"text": "Who we are", "level": "h2"}),
    (
        "paragraph",
        "<p>We are a network of organisations — city sustainability offices, councils, charities "
        "and social enterprises — that learn from each other. Instead of each of us paying to make "
        "the same mistakes, members write down what they tried, what it cost and what they would "
        "do differently.</p>",
    ),
    ("heading", {"text": "How the network works", "level": "h2"}),
    (
        "paragraph",
        "<p>Members publish case studies and short knowledge articles, which our editors review "
        "before they go live. Members comment, ask questions and find peers who have already "
        "solved the problem in front of them.</p>",
    ),
    (
        "quote",
        {
            "quote": "The fastest way to learn is to ask someone who did it last year.",
            "attribution": "A founding member",
        },
    ),
]


def join_body(conduct):
    """The join page's text, linking the code of conduct it asks members to follow."""
    return [
        (
            "paragraph",
            "<p>Membership is open to organisations working on digital practice or sustainability "
            "for the public good. There is no fee. We ask members to share at least one piece of "
            f'learning a year and to follow our <a linktype="page" id="{conduct.pk}">code of '
            "conduct</a>.</p>",
        ),
        *JOIN_DETAILS,
    ]


JOIN_DETAILS = [
    ("heading", {"text": "What you get", "level": "h2"}),
    (
        "paragraph",
        "<ul><li>Knowledge articles and case studies written by peers</li>"
        "<li>A directory of members and what they can help with</li>"
        "<li>Discussion with people who have faced the same problem</li></ul>",
    ),
]
CONDUCT_BODY = [
    (
        "paragraph",
        "<p>We share generously and credit others. We criticise ideas, not people. We keep "
        "what members tell us in confidence confidential, and we never use the network to sell.</p>",
    ),
    ("heading", {"text": "If something goes wrong", "level": "h2"}),
    (
        "paragraph",
        "<p>Tell an editor. Comments that break this code are removed, and repeated breaches end "
        "membership.</p>",
    ),
]


PRIVACY_BODY = [
    ("heading", {"text": "What we keep", "level": "h2"}),
    (
        "paragraph",
        "<p>Your name, organisation, email address and what you choose to put on your profile. "
        "Applications are kept until an editor decides; declined ones are deleted after 90 "
        "days.</p>",
    ),
    ("heading", {"text": "Who sees it", "level": "h2"}),
    (
        "paragraph",
        "<p>Members see each other's profiles; visitors see only published, public pages. "
        "We never sell or share your data. Ask us to see, correct or delete it at any time.</p>",
    ),
]


def build(demo):
    demo.made["topics"] = [
        TopicFactory(name=name, description=description) for name, description in TOPICS
    ]
    demo.made["sectors"] = [SectorFactory(name=name) for name in SECTORS]
    demo.made["regions"] = [RegionFactory(name=name, country=country) for name, country in REGIONS]

    root = Page.get_first_root_node()
    _remove_placeholder(root)
    home = HomePageFactory(
        parent=root,
        title="Peer Learning Network",
        slug="home",
        hero_heading="Learn from organisations that have already done it",
        intro=(
            "Councils, charities and social enterprises sharing what worked in digital "
            "practice and sustainability — reviewed by peers, free to read."
        ),
        join_heading="Join the network",
        join_text="Share what your organisation has learned, and learn from everyone else.",
        **listing_picture("Members at a peer-learning workshop"),
    )
    _make_default_site(home)
    demo.made["home"] = home
    about = StandardPageFactory(
        parent=home,
        title="About the network",
        slug="about",
        body=ABOUT_BODY,
        intro="A network of organisations that learn from each other.",
    )
    conduct = StandardPageFactory(
        parent=home,
        title="Code of conduct",
        slug="code-of-conduct",
        body=CONDUCT_BODY,
        intro="How we treat each other in the network.",
    )
    join = StandardPageFactory(
        parent=home,
        title="Join the network",
        slug="join",
        body=join_body(conduct),
        intro="Membership is free for organisations working for the public good.",
    )
    if home.join_page_id is None:
        home.join_page = join
        home.hero_link = about
        home.hero_link_label = "How the network works"
        home.save_revision().publish()
    demo.made["conduct"] = conduct
    privacy = StandardPageFactory(
        parent=home,
        title="Privacy",
        slug="privacy",
        body=PRIVACY_BODY,
        intro="What the network keeps about you, why, and for how long.",
    )

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.network_name = "Peer Learning Network"
    settings.tagline = "Organisations sharing what works in digital practice and sustainability"
    settings.footer_text = "Content is written by members and reviewed by our editors."
    settings.contact_email = "hello@peerlearning.example"
    settings.contact_address = "The Old Library\n12 Mill Street\nManchester M1 2AB"
    settings.footer_links = [
        ("link", {"label": "", "page": page, "link_url": ""})
        for page in (about, join, conduct, privacy)
    ]
    settings.save()

    menu = MainMenuFactory()
    demo.made["menu"] = menu
    add_to_menu(menu, [about, join])
    demo.log("Home, about, join, code of conduct, topics, sectors and regions ready.")


def _remove_placeholder(root):
    """Drop the empty "Welcome to Wagtail" page that a new database starts with."""
    root.get_children().filter(
        content_type__app_label="wagtailcore", content_type__model="page", numchild=0
    ).delete()


def _make_default_site(home):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = host_and_port()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()


DEMO_IMAGES = "Demo images"


def demo_image(title):
    """Demo pictures live together in one collection under Root, which editors can use."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=DEMO_IMAGES).first()
    return ImageFactory(title=title, collection=collection or root.add_child(name=DEMO_IMAGES))


def listing_picture(title):
    """A page's listing image and its alt text, which the page carries so that its translations
    translate it (images are not translatable)."""
    image = demo_image(title)
    return {"listing_image": image, "listing_image_alt": image.description}


def add_to_menu(menu, pages):
    """Menu items are appended by each builder; only pages not yet linked are added."""
    linked = {item.value["page"].pk for item in menu.items if item.value.get("page")}
    for page in pages:
        if page.pk not in linked:
            menu.items.append(("link", {"label": "", "page": page, "link_url": ""}))
    menu.save()

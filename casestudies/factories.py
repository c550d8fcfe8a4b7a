import factory

from home.factories import PortalPageFactory, many, publish

from .models import CaseStudyIndexPage, CaseStudyPage


class CaseStudyIndexPageFactory(PortalPageFactory):
    title = "Case studies"
    slug = "case-studies"
    intro = "How member organisations tackled a problem, what happened, and what they learned."

    class Meta:
        model = CaseStudyIndexPage


class CaseStudyPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"Case study {n}")
    slug = factory.Sequence(lambda n: f"case-study-{n}")
    intro = factory.Faker("sentence", nb_words=16)
    organisation_name = factory.Faker("company")
    organisation_kind = CaseStudyPage.OrganisationKind.CHARITY
    organisation_size = CaseStudyPage.OrganisationSize.SMALL
    year = 2024
    challenge = "<p>What the organisation set out to fix.</p>"
    approach = "<p>What the organisation did about it.</p>"
    topics = many("topics", then=publish)

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True

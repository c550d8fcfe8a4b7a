import factory
import wagtail_factories

from .models import CaseStudyIndexPage, CaseStudyPage


class CaseStudyIndexPageFactory(wagtail_factories.PageFactory):
    title = "Case studies"
    slug = "case-studies"
    intro = "How member organisations tackled a problem, what happened, and what they learned."

    class Meta:
        model = CaseStudyIndexPage
        django_get_or_create = ["slug", "parent"]


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Case study {n}")
    slug = factory.Sequence(lambda n: f"case-study-{n}")
    intro = factory.Faker("sentence", nb_words=16)
    organisation_name = factory.Faker("company")
    organisation_kind = CaseStudyPage.OrganisationKind.CHARITY
    organisation_size = CaseStudyPage.OrganisationSize.SMALL
    year = 2024
    challenge = "<p>What the organisation set out to fix.</p>"
    approach = "<p>What the organisation did about it.</p>"

    class Meta:
        model = CaseStudyPage
        django_get_or_create = ["slug", "parent"]
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
            self.save_revision().publish()

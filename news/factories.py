import datetime

import factory

from home.factories import PortalPageFactory, many, publish

from .models import NewsIndexPage, NewsPage


class NewsIndexPageFactory(PortalPageFactory):
    title = "News"
    slug = "news"
    intro = "What is happening across the network."

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PortalPageFactory):
    title = factory.Sequence(lambda n: f"News item {n}")
    slug = factory.Sequence(lambda n: f"news-item-{n}")
    intro = factory.Faker("sentence", nb_words=16)
    byline = factory.Faker("name")
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    topics = many("topics", then=publish)

    class Meta:
        model = NewsPage
        skip_postgeneration_save = True

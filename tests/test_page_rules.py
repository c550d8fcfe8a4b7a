"""Where each page type of the site's shell may live, and that each renders."""

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.factories import HomePageFactory, StandardPageFactory
from home.models import HomePage, StandardPage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage, NewsPage


class PageRulesTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.home = HomePageFactory(parent=cls.root, slug="rules-home")
        Site.objects.update(root_page=cls.home)
        cls.news_index = NewsIndexPageFactory(parent=cls.home)

    def test_home_page_lives_at_the_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_live_anywhere_under_home(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)

    def test_news_index_lives_under_home_and_holds_only_news(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})

    def test_news_items_live_only_in_a_news_index_and_have_no_children(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, {})

    def test_every_page_type_renders(self):
        standard = StandardPageFactory(parent=self.home, slug="about")
        news = NewsPageFactory(parent=self.news_index)
        for page in (self.home, self.news_index):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)
                self.assertPageIsPreviewable(page)
        for page, fields in ((standard, {}), (news, {"date": "2026-05-01"})):
            with self.subTest(page=page):
                self.assertPageIsRenderable(page)
                form = {"title": page.title, "slug": page.slug, "body": streamfield([]), **fields}
                self.assertPageIsPreviewable(page, post_data=nested_form_data(form))

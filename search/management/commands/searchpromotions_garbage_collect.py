"""Wagtail's `searchpromotions_garbage_collect`, which also deletes the searches that found
nothing (ZeroResultQuery) older than WAGTAILSEARCH_HITS_MAX_AGE days, as it does daily hits.
The search app comes before Wagtail's in INSTALLED_APPS, so this command takes its name."""

from wagtail.contrib.search_promotions.management.commands import searchpromotions_garbage_collect

from search.models import ZeroResultQuery


class Command(searchpromotions_garbage_collect.Command):
    def handle(self, **options):
        super().handle(**options)
        self.stdout.write("Cleaning searches with no results…")
        ZeroResultQuery.garbage_collect()
        self.stdout.write("Done")

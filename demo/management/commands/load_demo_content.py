"""Build the demo site from factories: seeded, idempotent, ending with a fresh search index."""

import random
from importlib import import_module

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

# Each module builds one area's demo content with a `build(demo)` function, run in this order.
DEMO_MODULES = [
    "demo.home",
    "demo.news",
    "demo.knowledge",
    "demo.casestudies",
    "demo.members",
    "demo.translations",
    "demo.questions",
    "demo.peers",
    "demo.workgroups",
]


class Demo:
    """What the builders share: the random source, the home page, and what earlier builders made."""

    def __init__(self, seed, stdout):
        self.rng = random.Random(seed)
        self.stdout = stdout
        self.made = {}

    def log(self, message):
        self.stdout.write(message)


class Command(BaseCommand):
    help = "Create the demo site (pages, topics, menus, accounts). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="random seed (default 2026)")
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when the site already has a home page with content",
        )

    def handle(self, *args, seed, if_empty, **options):
        from home.models import HomePage

        if if_empty and HomePage.objects.filter(numchild__gt=0).exists():
            self.stdout.write("Demo content already present; nothing to do.")
            return
        demo = Demo(seed, self.stdout)
        with transaction.atomic():
            for module in DEMO_MODULES:
                import_module(module).build(demo)
        call_command("update_index", verbosity=0)
        self.stdout.write(self.style.SUCCESS("Demo content ready."))

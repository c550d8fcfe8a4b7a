from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, backup


class Command(BaseCommand):
    help = "Back up the database and media into backups/<timestamp>/ (or --output)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="folder to create for the backup")

    def handle(self, *args, **options):
        try:
            folder = backup(options["output"])
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(folder))

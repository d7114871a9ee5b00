from django.core.management.base import BaseCommand, CommandError

from home.demo_loader import DemoContentError, DemoLoader


class Command(BaseCommand):
    help = (
        "Build the demo site (articles and the King County directory) from home/demo_content. "
        "Safe to run again: it creates what is missing and leaves existing pages alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also rewrite existing demo pages and snippets from the content modules.",
        )

    def handle(self, *args, update=False, **options):
        try:
            report = DemoLoader(update=update).run()
        except DemoContentError as error:
            message = f"Demo content is inconsistent, nothing was saved: {error}"
            raise CommandError(message) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content: {len(report.created)} created, {len(report.updated)} updated, "
                f"{report.unchanged} already present."
            )
        )
        for label in report.created:
            self.stdout.write(f"  + {label}")

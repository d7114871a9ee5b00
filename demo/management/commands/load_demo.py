from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoContentError, DemoLoader


class Command(BaseCommand):
    help = (
        "Build the demo site (articles and the King County directory) from demo/content. "
        "Safe to run again: it creates what is missing and leaves existing pages alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--update",
            action="store_true",
            help="Also rewrite existing demo pages and snippets from the content modules.",
        )
        parser.add_argument(
            "--no-translations",
            action="store_false",
            dest="translate",
            help="Build the English site only (faster; tests that need no translations use it).",
        )

    def handle(self, *args, update=False, translate=True, **options):
        try:
            report = DemoLoader(update=update, translate=translate).run()
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
        translations = report.translations
        if translations is not None:
            self.stdout.write(
                f"Translations: {len(translations.created)} created, "
                f"{len(translations.updated)} updated, {translations.unchanged} unchanged, "
                f"{len(translations.flagged)} flagged for review."
            )
            for problem in translations.rejected:
                self.stdout.write(self.style.WARNING(f"  kept in English: {problem}"))
            for code in translations.missing_data:
                self.stdout.write(f"  no data yet for {code} (demo/content/translations)")

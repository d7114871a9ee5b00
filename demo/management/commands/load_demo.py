from django.core.management.base import BaseCommand, CommandError

from demo.loader import DemoContentError, DemoLoader, SiteNotEmpty


class Command(BaseCommand):
    help = (
        "Build the demo site (articles, the King County directory and its translations) from "
        "demo/content, into an EMPTY site only: a fresh database, where Wagtail's 'Welcome' "
        "placeholder is the only page. On any other site it changes nothing, says why and "
        "exits successfully, so `make run` can call it every time. It never publishes, "
        "overwrites or translates anything editors made. To start the demo again, use a new "
        "database (e.g. delete db.sqlite3, then `make run`)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-translations",
            action="store_false",
            dest="translate",
            help="Build the English site only (faster; tests that need no translations use it).",
        )

    def handle(self, *args, translate=True, **options):
        try:
            report = DemoLoader(translate=translate).run()
        except SiteNotEmpty as reason:
            self.stdout.write(
                f"Demo not loaded, nothing was changed: {reason} "
                "(load_demo only fills an empty site)."
            )
            return
        except DemoContentError as error:
            message = f"Demo content is inconsistent, nothing was saved: {error}"
            raise CommandError(message) from error
        self.stdout.write(self.style.SUCCESS(f"Demo content: {len(report.created)} created."))
        if options["verbosity"] >= 1:
            for label in report.created:
                self.stdout.write(f"  + {label}")
        translations = report.translations
        if translations is not None:
            self.stdout.write(
                f"Translations: {len(translations.created)} created, "
                f"{len(translations.flagged)} flagged for review."
            )
            for problem in translations.rejected:
                self.stdout.write(self.style.WARNING(f"  kept in English: {problem}"))
            for code in translations.missing_data:
                self.stdout.write(f"  no data yet for {code} (demo/content/translations)")

"""Import an HSDS 3.0 dataset as draft listings (docs/import-hsds.md).

    manage.py import_hsds services.json            # a JSON dump, an API page, an organization
    manage.py import_hsds https://example.org/api/services   # every page of an HSDS API
    manage.py import_hsds package/ --dry-run        # a tabular package (or package.zip)

Everything is checked before anything is written, and the run is one transaction: a bad
record stops the import with every error listed (record, id, field), and nothing is
imported. Exit status 1 on errors.
"""

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from opendata.importer import ImportFailed, ReadError, apply, make_plan, read


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 dataset (JSON, API pages or a tabular package) as draft "
        "listings; --dry-run prints what would change and changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A file, a package folder or zip, or an http(s) URL.")
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )
        parser.add_argument(
            "--locale",
            default=None,
            help="The dataset's language: listings are matched and created in that "
            "locale's directory (default: the site's default language).",
        )

    def handle(self, *args, source, dry_run, locale, verbosity, **options):
        quiet = verbosity < 1

        def progress(items, **kwargs):
            return tqdm(items, disable=quiet, file=self.stderr._out, unit="record", **kwargs)

        try:
            services, label = read(source)
        except ReadError as error:
            raise CommandError(str(error)) from error
        plan = make_plan(services, label, locale, progress=progress)
        for line in plan.lines():
            self.stdout.write(line)
        if plan.errors:
            raise CommandError(f"{len(plan.errors)} error(s): nothing was imported.")
        if dry_run:
            self.stdout.write("Dry run: nothing was changed.")
            return
        try:
            done = apply(plan, progress=progress)
        except ImportFailed as error:  # pragma: no cover - the plan was checked above
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                "Imported as drafts: {created} created, {updated} updated, {skipped} skipped, "
                "{organizations} organization(s) created.".format(**done)
            )
        )

import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a local admin account with a random password if no superuser exists yet, and "
        "print its credentials once. Does nothing when an admin already exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username="admin", **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write(
                "An admin account already exists. Forgot its password? "
                f"Run: python manage.py changepassword {username}"
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "\nCreated a local admin account for http://127.0.0.1:8000/admin/\n"
                f"  username: {username}\n  password: {password}\n"
                "It is printed only this once: note it down.\n"
            )
        )

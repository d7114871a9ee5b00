# The public suggestion form asks which languages the resource is offered in (issue 12).

import directory.models.listings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0005_form_purpose'),
        ('suggestions', '0001_listing_suggestions_problem_reports_and_page'),
    ]

    operations = [
        migrations.AddField(
            model_name='listingsuggestion',
            name='languages',
            field=models.ManyToManyField(blank=True, limit_choices_to=directory.models.listings.in_default_locale, related_name='+', to='directory.language', verbose_name='languages it is offered in'),
        ),
    ]

"""pg_trgm for the "Did you mean" of the search on PostgreSQL (creating it
needs a superuser, as the test and CI user is; elsewhere create it once by
hand with CREATE EXTENSION pg_trgm). Does nothing on SQLite."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_advisers_edit_synonyms")]

    operations = [TrigramExtension()]

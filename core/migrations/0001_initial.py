# The outbox moved here from the directory app: its table (directory_queuedemail, made by directory's migration
# 0008) stays where it is, so this migration changes Django's state only.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("directory", "0008_outbox"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="QueuedEmail",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                            ),
                        ),
                        ("to", models.EmailField(max_length=254)),
                        ("subject", models.CharField(max_length=300)),
                        ("body", models.TextField()),
                        ("reply_to", models.CharField(blank=True, max_length=300)),
                        ("attempts", models.PositiveSmallIntegerField(default=0)),
                        ("last_attempt_at", models.DateTimeField(blank=True, null=True)),
                        ("last_error", models.CharField(blank=True, max_length=300)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "verbose_name": "queued email",
                        "ordering": ["created_at"],
                        "db_table": "directory_queuedemail",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]

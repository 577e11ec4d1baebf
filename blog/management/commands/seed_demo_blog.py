from django.core.management.base import BaseCommand

from blog.demo import seed_demo_blog


class Command(BaseCommand):
    help = "Creates or updates the demo guest blog: topics, guest authors and published articles (idempotent)."

    def handle(self, *args, **options):
        counts = seed_demo_blog()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo blog ready: {counts['posts']} articles by {counts['authors']} guest authors "
                f"in {counts['topics']} topics."
            )
        )

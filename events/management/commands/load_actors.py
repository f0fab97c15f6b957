from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from events.actors import ActorDictionaryError, load_actor_dictionary


class Command(BaseCommand):
    help = "Load the actor dictionary (events/data/actors/*.yaml, or the given files). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path)

    def handle(self, *args, files: list[Path], **options):
        missing = [str(path) for path in files if not path.is_file()]
        if missing:
            raise CommandError(f"Not a file: {', '.join(missing)}")
        try:
            stats = load_actor_dictionary(paths=files or None)
        except ActorDictionaryError as exc:
            raise CommandError(str(exc)) from None
        for conflict in stats.alias_conflicts:
            self.stderr.write(f"Skipped alias {conflict}")
        self.stdout.write(
            f"Actors: {stats.actors_created} created, {stats.actors_updated} updated, {stats.aliases_created} "
            "aliases added."
        )

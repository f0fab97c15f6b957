"""One display name for an event's place, wherever it is shown (queue, dashboard, event page, map popup, the API's
documents and the CSV's location): the place as written when it says more than the gazetteer place, else the place."""

# Gazetteer places that are areas, not towns: a region (ADM1, ADM2, ...) or a country (PCLI, ...).
AREA_FEATURE_PREFIXES = ("ADM", "PCL")


def is_area(feature_code: str | None) -> bool:
    return bool(feature_code) and feature_code.startswith(AREA_FEATURE_PREFIXES)


def written_is_more_precise(written: str, town: str) -> bool:
    """ "El Dhere, 28 km west of Kidal" says more than Kidal; "Tinzaouaten" (or another town's name) does not."""
    written, town = written.strip().casefold(), town.strip().casefold()
    return bool(written) and (not town or (town in written and written != town))


def display_place(*, place_name: str | None, feature_code: str | None, location_name: str, admin1: str) -> str:
    """The place as written when more precise than the gazetteer town, else the town, else the place as written,
    else the region (or the country) matched."""
    town = place_name if place_name and not is_area(feature_code) else ""
    written = (location_name or "").strip()
    if written and written_is_more_precise(written, town):
        return written
    return town or written or admin1 or (place_name or "")


def event_display_name(event) -> str:
    """An Event's place as display_place() names it (reads event.place: select it with the event)."""
    place = event.place if event.place_id else None
    return (
        display_place(
            place_name=place.name if place else None,
            feature_code=place.feature_code if place else None,
            location_name=event.location_name,
            admin1=event.admin1,
        )
        or event.country
    )

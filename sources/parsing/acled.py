"""ACLED's vocabulary: event types, sub-event types and actor kinds, spelled as ACLED spells them.

The Django models import their choices from here, so the parser and the
database can never disagree on a name.
"""

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VIOLENCE_AGAINST_CIVILIANS: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC_DEVELOPMENTS: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPES: tuple[str, ...] = tuple(SUB_EVENT_TYPES)
EVENT_TYPE_OF_SUB_EVENT: dict[str, str] = {sub: event for event, subs in SUB_EVENT_TYPES.items() for sub in subs}

EVENT_TYPE_CHOICES = [(name, name) for name in EVENT_TYPES]
SUB_EVENT_TYPE_CHOICES = [(sub, sub) for subs in SUB_EVENT_TYPES.values() for sub in subs]

# Actor kinds (ACLED's "inter" codes, in words) with their display labels.
ACTOR_KINDS: dict[str, str] = {
    "state_forces": "State forces",
    "rebel_group": "Rebel group",
    "political_militia": "Political militia",
    "identity_militia": "Identity militia",
    "rioters": "Rioters",
    "protesters": "Protesters",
    "civilians": "Civilians",
    "external_forces": "External/Other forces",
}
ARMED_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"})
NON_STATE_ARMED_KINDS = ARMED_KINDS - {"state_forces", "external_forces"}

# "killed and arrested": one figure for both, never counted as deaths.
KILLED_OR_CAPTURED = "killed_or_captured"
CLAIM_KINDS = ("killed", "wounded", "captured", KILLED_OR_CAPTURED, "missing", "displaced", "destroyed", "other")
# Kinds of figure that tell what happened to people in the incident itself.
CASUALTY_KINDS = ("killed", "wounded", "captured", KILLED_OR_CAPTURED)
CLAIM_QUALIFIERS = ("exact", "at_least", "approximately", "up_to", "vague")
DATE_PRECISIONS = ("day", "week", "month", "year")
ACTOR_ROLES = ("side_a", "side_b", "associated")


def is_valid_pair(event_type: str, sub_event_type: str) -> bool:
    return EVENT_TYPE_OF_SUB_EVENT.get(sub_event_type) == event_type


ACTOR_KIND_VALUES = tuple(ACTOR_KINDS)

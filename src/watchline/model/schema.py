"""The FollowTheMoney schemata watchline understands, as data.

Only the inheritance tree is modelled here: property names follow FtM exactly and are kept
as given, so OpenSanctions data round-trips without a copy of the full FtM model. Names
of properties that carry a person's or organisation's names are listed once, for the
screening index.
"""

from __future__ import annotations

from typing import Final

# schema -> parent schemata (FtM ``extends``)
SCHEMATA: Final[dict[str, tuple[str, ...]]] = {
    "Thing": (),
    "Interval": (),
    "Value": (),
    "Analyzable": (),
    "LegalEntity": ("Thing",),
    "Person": ("LegalEntity",),
    "Organization": ("LegalEntity",),
    "Company": ("Organization", "Asset"),
    "PublicBody": ("Organization",),
    "Asset": ("Thing", "Value"),
    "Vehicle": ("Asset",),
    "Vessel": ("Vehicle",),
    "Airplane": ("Vehicle",),
    "RealEstate": ("Asset",),
    "Security": ("Asset",),
    "Address": ("Thing",),
    "Identification": ("Interval",),
    "Passport": ("Identification",),
    "Sanction": ("Interval",),
    "BankAccount": ("Asset",),
    "CryptoWallet": ("Value",),
    "Payment": ("Interval", "Value"),
    "Ownership": ("Interest",),
    "Directorship": ("Interest",),
    "Interest": ("Interval",),
    "Membership": ("Interest",),
    "Employment": ("Interest",),
    "Representation": ("Interest",),
    "Family": ("Interval",),
    "Associate": ("Interval",),
    "UnknownLink": ("Interest",),
    "Succession": ("Interest",),
    "Occupancy": ("Interval",),
    "Position": ("Thing",),
    "Note": ("Analyzable",),
    "Event": ("Interval", "Thing"),
    "Document": ("Thing", "Analyzable"),
    "Article": ("Document",),
    "Mention": (),
    "Debt": ("Interval", "Value"),
    "Contract": ("Asset",),
    "ContractAward": ("Interest", "Value"),
    "Trip": ("Event",),
    "Call": ("Interval",),
    "Email": ("Document",),
    "Project": ("Interval", "Asset"),
    "ProjectParticipant": ("Interest",),
    "Assessment": ("Thing",),
    "EconomicActivity": ("Interval",),
    "CourtCase": ("Thing",),
    "CourtCaseParty": ("Interval",),
    "Image": ("Document",),
    "Video": ("Document",),
    "Audio": ("Document",),
    "Table": ("Document",),
    "Workbook": ("Document",),
    "Folder": ("Document",),
    "Package": ("Folder",),
    "Page": (),
    "Pages": ("Document",),
    "PlainText": ("Document",),
    "HyperText": ("Document",),
    "Message": ("Interval", "Document"),
    "UserAccount": ("Thing",),
    "License": ("Contract",),
    "TaxRoll": ("Interval",),
    "Documentation": ("Interest",),
    "LegalEntityIdentifier": (),
}

# Schemata whose entities are screened: the subjects a list names.
MATCHABLE_SCHEMATA: Final[frozenset[str]] = frozenset(
    {"LegalEntity", "Person", "Organization", "Company", "PublicBody", "Vessel", "Airplane"}
)

# Properties holding names, strongest first. ``weakAlias`` are low-quality aliases.
NAME_PROPERTIES: Final[tuple[str, ...]] = ("name", "alias", "previousName", "weakAlias")


def is_a(schema: str, ancestor: str) -> bool:
    """True if ``schema`` is ``ancestor`` or inherits from it (FtM semantics)."""
    if schema == ancestor:
        return True
    return any(is_a(parent, ancestor) for parent in SCHEMATA.get(schema, ()))

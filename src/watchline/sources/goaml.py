"""goAML suspicious transaction reports (STR), written from a case's evidence.

goAML's own rules are enforced here, not left to the FIU's upload check: in an STR every
transaction has the reporting institution's client on at least one side (payments between
two outsiders belong in a SAR), at least one indicator is given, and every code comes from
the per-FIU lookup file (``watchline/data/goaml_lookups.yaml`` or an override path).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from lxml import etree

from watchline.errors import InputError

E = etree.Element
Sub = etree.SubElement


@dataclass(frozen=True, slots=True)
class Lookups:
    """The parsed lookup file (see the YAML for what each section means)."""

    data: Mapping[str, Any]

    def section(self, name: str) -> Mapping[str, Any]:
        value = self.data.get(name)
        if not isinstance(value, Mapping):
            raise InputError(f"section {name!r} missing", where="goAML lookups")
        return value

    def code(self, section: str, key: str) -> str:
        """The code for ``key`` (e.g. a payment format), checked against ``allowed``."""
        sec = self.section(section)
        code = str(sec.get("by_format", {}).get(key, sec.get("default", "-")))
        if code not in [str(c) for c in sec.get("allowed", [])]:
            raise InputError(f"code {code!r} for {key!r} not allowed", where=f"lookups.{section}")
        return code

    def indicators(self, typologies: Sequence[str]) -> list[str]:
        sec = self.section("indicators")
        by_typ = sec.get("by_typology", {}) or {}
        codes = [str(c) for t in typologies for c in by_typ.get(t, [])]
        codes = list(dict.fromkeys(codes or [str(c) for c in sec.get("default", [])]))
        allowed = {str(c) for c in sec.get("allowed", [])}
        if not codes:
            raise InputError("goAML requires at least one indicator", where="lookups.indicators")
        bad = [c for c in codes if c not in allowed]
        if bad:
            raise InputError(f"indicators {bad} not allowed", where="lookups.indicators")
        return codes

    def currency(self, name: str) -> str:
        return str(self.section("currencies").get(name, name if len(name) == 3 else "-"))


def load_lookups(path: Path | None = None) -> Lookups:
    """Read the lookup file; ``None`` means the bundled generic one."""
    if path is None:
        text = resources.files("watchline.data").joinpath("goaml_lookups.yaml").read_text("utf-8")
    elif path.is_file():
        text = path.read_text(encoding="utf-8")
    else:
        raise InputError("no such file", where=str(path))
    data = yaml.safe_load(text)
    if not isinstance(data, Mapping):
        raise InputError("expected a mapping at the top", where=str(path or "goaml_lookups"))
    return Lookups(data)


@dataclass(frozen=True, slots=True)
class StrInput:
    """What one report says: reference, why, what was done, typologies and the payments.

    ``payments`` are dicts with ``row, timestamp (ISO), from_bank, from_account, from_name,
    to_bank, to_account, to_name, amount_paid, payment_currency, amount_received,
    receiving_currency, payment_format``.
    """

    reference: str
    reason: str
    action: str
    typologies: tuple[str, ...]
    payments: tuple[Mapping[str, Any], ...]
    submitted: datetime | None = None


def _text(parent: etree._Element, tag: str, value: object) -> etree._Element:
    node = Sub(parent, tag)
    node.text = str(value)
    return node


def _date(value: datetime | str) -> str:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=None, microsecond=0).isoformat()


def _split_name(name: str) -> tuple[str, str]:
    parts = name.replace(",", " ").split()
    if not parts:
        return "Unknown", "Unknown"
    return (" ".join(parts[:-1]) or parts[0]), parts[-1]


class _Writer:
    """Builds the report tree; one instance per report."""

    def __init__(self, lookups: Lookups) -> None:
        self.lk = lookups
        self.rep = lookups.section("reporting")
        self.kyc = lookups.section("client_defaults")
        self.clients = {str(b) for b in self.rep.get("bank_ids", [])}
        self.local = str(self.rep.get("currency_code_local", "-"))

    def is_client(self, bank: object) -> bool:
        return str(bank) in self.clients

    def report(self, data: StrInput, payments: Sequence[Mapping[str, Any]]) -> etree._Element:
        root = E("report")
        _text(root, "rentity_id", int(self.rep.get("rentity_id", 1)))
        _text(root, "rentity_branch", self.rep.get("rentity_branch", "-"))
        _text(root, "submission_code", "E")
        _text(root, "report_code", "STR")
        _text(root, "entity_reference", data.reference[:255])
        _text(root, "submission_date", _date(data.submitted or datetime.now(UTC)))
        _text(root, "currency_code_local", self.local)
        self.person(Sub(root, "reporting_person"), self.rep.get("person", {}))
        self.address(Sub(root, "location"), self.rep.get("location", {}))
        _text(root, "reason", data.reason[:4000])
        _text(root, "action", data.action[:4000])
        for payment in payments:
            root.append(self.transaction(payment))
        indicators = Sub(root, "report_indicators")
        for code in self.lk.indicators(data.typologies):
            _text(indicators, "indicator", code)
        return root

    def person(self, node: etree._Element, person: Mapping[str, Any]) -> None:
        _text(node, "first_name", person.get("first_name", "Unknown"))
        _text(node, "last_name", person.get("last_name", "Unknown"))
        if person.get("occupation"):
            _text(node, "occupation", person["occupation"])

    def address(self, node: etree._Element, where: Mapping[str, Any]) -> None:
        _text(node, "address_type", where.get("address_type", "-"))
        _text(node, "address", where.get("address", "Unknown"))
        _text(node, "city", where.get("city", "Unknown"))
        _text(node, "country_code", where.get("country_code", "-"))

    def transaction(self, p: Mapping[str, Any]) -> etree._Element:
        tx = E("transaction")
        _text(tx, "transactionnumber", f"row-{p['row']}")
        _text(tx, "internal_ref_number", str(p["row"]))
        _text(tx, "transaction_location", "-")
        _text(
            tx,
            "transaction_description",
            f"{p['payment_format']} {p['amount_paid']} {p['payment_currency']} from "
            f"{p['from_bank']}/{p['from_account']} to {p['to_bank']}/{p['to_account']}",
        )
        _text(tx, "date_transaction", _date(str(p["timestamp"])))
        _text(tx, "transmode_code", self.lk.code("transmode", str(p["payment_format"])))
        _text(tx, "amount_local", f"{self.local_amount(p):.2f}")
        self.side(tx, p, "from")
        self.side(tx, p, "to")
        return tx

    def local_amount(self, p: Mapping[str, Any]) -> float:
        if self.lk.currency(str(p["receiving_currency"])) == self.local:
            return float(p["amount_received"])
        return float(p["amount_paid"])

    def side(self, tx: etree._Element, p: Mapping[str, Any], side: str) -> None:
        mine = self.is_client(p[f"{side}_bank"])
        node = Sub(tx, f"t_{side}_my_client" if mine else f"t_{side}")
        _text(node, f"{side}_funds_code", self.lk.code("funds", str(p["payment_format"])))
        self.foreign(node, p, side)
        account = Sub(node, f"{side}_account")
        if mine:
            self.client_account(account, p, side)
        else:
            self.other_account(account, p, side)
        country = self.rep.get("country", "-") if mine else "-"
        _text(node, f"{side}_country", country)

    def foreign(self, node: etree._Element, p: Mapping[str, Any], side: str) -> None:
        """The side's own currency and amount when it is not the local one and the rate is
        known (the other side is in local currency)."""
        own = "payment_currency" if side == "from" else "receiving_currency"
        amount = float(p["amount_paid"] if side == "from" else p["amount_received"])
        code = self.lk.currency(str(p[own]))
        local = self.local_amount(p)
        known = self.local in (
            self.lk.currency(str(p["payment_currency"])),
            self.lk.currency(str(p["receiving_currency"])),
        )
        if code in (self.local, "-") or not known or amount <= 0:
            return
        fc = Sub(node, f"{side}_foreign_currency")
        _text(fc, "foreign_currency_code", code)
        _text(fc, "foreign_amount", f"{amount:.2f}")
        _text(fc, "foreign_exchange_rate", f"{local / amount:.6f}")

    def other_account(self, node: etree._Element, p: Mapping[str, Any], side: str) -> None:
        _text(node, "institution_name", f"Bank {p[f'{side}_bank']}")
        _text(node, "institution_code", str(p[f"{side}_bank"]))
        _text(node, "account", str(p[f"{side}_account"]))
        if p.get(f"{side}_name"):
            _text(node, "account_name", str(p[f"{side}_name"]))

    def client_account(self, node: etree._Element, p: Mapping[str, Any], side: str) -> None:
        name = str(p.get(f"{side}_name") or "Unknown")
        currency = p["payment_currency"] if side == "from" else p["receiving_currency"]
        _text(node, "institution_name", self.rep.get("institution_name", "-"))
        _text(node, "institution_code", str(p[f"{side}_bank"]))
        _text(node, "branch", self.rep.get("rentity_branch", "-"))
        _text(node, "account", str(p[f"{side}_account"]))
        _text(node, "currency_code", self.lk.currency(str(currency)))
        _text(node, "account_name", name)
        _text(node, "client_number", str(p[f"{side}_account"]))
        _text(node, "personal_account_type", self.kyc.get("account_type", "-"))
        signatory = Sub(node, "signatory")
        _text(signatory, "is_primary", "1")
        self.client_person(Sub(signatory, "t_person"), name)
        _text(signatory, "role", self.kyc.get("role", "-"))
        _text(node, "opened", self.kyc.get("opened", "1900-01-01T00:00:00"))
        _text(node, "status_code", self.kyc.get("status_code", "-"))

    def client_person(self, node: etree._Element, name: str) -> None:
        first, last = _split_name(name)
        _text(node, "first_name", first)
        _text(node, "last_name", last)
        _text(node, "birthdate", self.kyc.get("birthdate", "1900-01-01T00:00:00"))
        _text(node, "ssn", self.kyc.get("ssn", "UNKNOWN"))
        _text(node, "nationality1", self.kyc.get("nationality", "-"))
        _text(node, "residence", self.kyc.get("residence", "-"))
        phone = Sub(Sub(node, "phones"), "phone")
        ph = self.kyc.get("phone", {})
        _text(phone, "tph_contact_type", ph.get("contact_type", "-"))
        _text(phone, "tph_communication_type", ph.get("communication_type", "-"))
        _text(phone, "tph_country_prefix", ph.get("country_prefix", "0"))
        _text(phone, "tph_number", ph.get("number", "0"))
        _text(node, "occupation", self.kyc.get("occupation", "UNKNOWN"))


@dataclass(frozen=True, slots=True)
class StrResult:
    """The XML, and how many payments were left out for lacking a client side."""

    xml: bytes
    included: int
    left_out: int


def write_str(data: StrInput, lookups: Lookups) -> StrResult:
    """Build the goAML STR XML. Raises :class:`InputError` when no payment has the
    reporting institution's client on either side (that report would be a SAR)."""
    writer = _Writer(lookups)
    keep = [
        p
        for p in data.payments
        if writer.is_client(p["from_bank"]) or writer.is_client(p["to_bank"])
    ]
    if not keep:
        raise InputError(
            "no payment involves a client of the reporting institution "
            f"(bank ids {sorted(writer.clients)}): file a SAR instead",
            where=data.reference,
        )
    root = writer.report(data, keep)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return StrResult(xml, len(keep), len(data.payments) - len(keep))

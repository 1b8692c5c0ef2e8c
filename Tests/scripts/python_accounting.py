#!/usr/bin/env python3
"""Reads each ISDOC or camt.053 file named on standard input (one path per line) with Python's
xml.etree and prints one JSON object per line: an invoice's number, UUID, type, dates, amount
(in cents, a credit note's negative), currency, variable symbol and customer party; a
statement's booked entries (reference, amount in cents, currency, direction, reversal, booking
date, payer). The reference for crm's readers in CRMAccountingTests."""
import decimal
import json
import sys
import xml.etree.ElementTree as ET

ISDOC = "{http://isdoc.cz/namespace/2013}"


def cents(text):
    return int((decimal.Decimal(text.strip()) * 100).quantize(decimal.Decimal(1), rounding=decimal.ROUND_HALF_UP))


def text(element, path, ns=ISDOC):
    found = element.find("/".join(ns + part for part in path.split("/")))
    if found is None or found.text is None or not found.text.strip():
        return None
    return found.text.strip()


def invoice(root):
    kind = int(text(root, "DocumentType"))
    foreign = text(root, "ForeignCurrencyCode")
    amount = cents(text(root, "LegalMonetaryTotal/PayableAmountCurr" if foreign else "LegalMonetaryTotal/PayableAmount"))
    party = root.find(ISDOC + "AccountingCustomerParty/" + ISDOC + "Party")
    return {
        "number": text(root, "ID"), "uuid": text(root, "UUID"), "type": kind, "issued": text(root, "IssueDate"),
        "due": text(root, "PaymentMeans/Payment/Details/PaymentDueDate"),
        "amount": -amount if kind in (2, 6) else amount, "currency": foreign or text(root, "LocalCurrencyCode"),
        "variable-symbol": text(root, "PaymentMeans/Payment/Details/VariableSymbol"),
        "name": text(party, "PartyName/Name"), "reg-no": text(party, "PartyIdentification/ID"),
        "vat-id": text(party, "PartyTaxScheme/CompanyID"),
    }


def statement(root):
    ns = root.tag[:root.tag.index("}") + 1]
    entries = []
    for entry in root.iter(ns + "Ntry"):
        status = text(entry, "Sts/Cd", ns) or text(entry, "Sts", ns)
        if status != "BOOK":
            continue
        amount = entry.find(ns + "Amt")
        entries.append({
            "reference": text(entry, "AcctSvcrRef", ns), "amount": cents(amount.text), "currency": amount.get("Ccy"),
            "credit": text(entry, "CdtDbtInd", ns) == "CRDT", "reversal": text(entry, "RvslInd", ns) == "true",
            "booked": text(entry, "BookgDt/Dt", ns),
            "payer": text(entry, "NtryDtls/TxDtls/RltdPties/Dbtr/Nm", ns) or text(entry, "NtryDtls/TxDtls/RltdPties/Dbtr/Pty/Nm", ns),
        })
    return {"entries": entries}


for path in sys.stdin.read().splitlines():
    root = ET.parse(path).getroot()
    result = invoice(root) if root.tag == ISDOC + "Invoice" else statement(root)
    result["path"] = path
    print(json.dumps(result, ensure_ascii=False))

#!/usr/bin/env python3
"""Reads each message file named on standard input (one path per line) with Python's email
package (policy=default) and prints one JSON object per line: the decoded subject, the From and
To mailboxes, the body get_body(('plain', 'html')) picks with its type and text, and the file
names of every part. The reference for crm's MIME reader in CRMMailTests."""
import email
import email.policy
import json
import sys


def mailboxes(header):
    if header is None:
        return []
    return [[a.display_name, a.addr_spec] for a in header.addresses]


for path in sys.stdin.read().splitlines():
    with open(path, "rb") as handle:
        message = email.message_from_bytes(handle.read(), policy=email.policy.default)
    body = message.get_body(preferencelist=("plain", "html"))
    text = None
    if body is not None:
        try:
            text = body.get_content()
        except Exception as error:  # an unknown charset: reported, not compared
            text = "<error %s>" % type(error).__name__
    print(json.dumps({
        "path": path,
        "subject": str(message["subject"] or ""),
        "from": mailboxes(message["from"]),
        "to": mailboxes(message["to"]),
        "body-type": body.get_content_type() if body is not None else None,
        "body": text,
        "attachments": [part.get_filename() for part in message.walk() if part.get_filename()],
        "message-id": str(message["message-id"] or ""),
    }, ensure_ascii=False))

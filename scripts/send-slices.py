#!/usr/bin/env python3
"""Emails each recipient of site/slices/recipients.json the PDF of their slice (issue #22).

    scripts/send-slices.py SITE_DIR

The manifest names, per recipient, an id, the variable that holds the address (MARQUEE_RECIPIENT_<ID>) and the PDF
to send, or none with a note when the slice has no data: that recipient gets the note, never an empty PDF. Addresses
come from the environment, or from MARQUEE_SECRETS (the workflow's secrets as JSON): they are in no file and the
output never prints them. A recipient without an address is skipped and said so.

Environment: SMTP_SERVER, SMTP_PORT (465), SMTP_SECURITY (ssl, or plain for a local test server), SMTP_USERNAME,
SMTP_PASSWORD, SUBJECT (the digest's line), PAGE_URL (the published site). Exit 1 when a message could not be sent.
"""
import json
import os
import smtplib
import sys
from email.message import EmailMessage
from pathlib import Path


def addresses():
    found = dict(os.environ)
    secrets = os.environ.get("MARQUEE_SECRETS", "")
    if secrets:
        found.update(json.loads(secrets))
    return {name: value for name, value in found.items() if name.startswith("MARQUEE_RECIPIENT_") and value}


def message(recipient, site, subject, page):
    mail = EmailMessage()
    mail["Subject"] = subject + (" · " + recipient["slice"] if recipient["slice"] != "all" else "")
    mail["From"] = "Marquee report"
    text = "The streaming report"
    if recipient["pdf"] is None:
        text += " has no PDF for you this time: " + recipient["note"] + "."
    else:
        text += " for " + ("the whole business" if recipient["slice"] == "all" else recipient["slice"]) + " is attached."
    if page:
        text += "\n\nThe report is published at <" + page + ">."
    mail.set_content(text + "\n")
    if recipient["pdf"] is not None:
        pdf = site / recipient["pdf"]
        name = "report.pdf" if recipient["slice"] == "all" else recipient["pdf"].replace("/", "-")
        mail.add_attachment(pdf.read_bytes(), maintype="application", subtype="pdf", filename=name)
    return mail


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    site = Path(sys.argv[1])
    manifest = site / "slices" / "recipients.json"
    if not manifest.is_file():
        print("No slices/recipients.json in " + str(site) + ": nobody gets a slice's PDF.")
        return 0
    recipients = json.loads(manifest.read_text(encoding="utf-8"))["recipients"]
    known = addresses()
    subject = os.environ.get("SUBJECT", "").strip() or "Streaming report"
    page = os.environ.get("PAGE_URL", "")
    server = os.environ["SMTP_SERVER"]
    port = int(os.environ.get("SMTP_PORT", "465"))
    plain = os.environ.get("SMTP_SECURITY", "ssl") == "plain"
    failed = 0
    with (smtplib.SMTP(server, port) if plain else smtplib.SMTP_SSL(server, port)) as smtp:
        if os.environ.get("SMTP_USERNAME"):
            smtp.login(os.environ["SMTP_USERNAME"], os.environ.get("SMTP_PASSWORD", ""))
        for recipient in recipients:
            address = known.get(recipient["address_variable"])
            if not address:
                print(recipient["id"] + ": no address (" + recipient["address_variable"] + " is not set): not sent")
                continue
            mail = message(recipient, site, subject, page)
            mail["To"] = address
            try:
                smtp.send_message(mail)
                print(recipient["id"] + ": sent " + ("a note, no PDF" if recipient["pdf"] is None else recipient["pdf"]))
            except smtplib.SMTPException as error:
                failed += 1
                print(recipient["id"] + ": not sent: " + type(error).__name__, file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

"""Synthetic Impressum and privacy notice in German and English, so the footer's legal links
lead somewhere in the demo. Every name and address is invented; a real installation replaces
them in the admin (Pages → Impressum / Datenschutz)."""

IMPRINT = {
    "de": {
        "title": "Impressum",
        "slug": "impressum",
        "standfirst": "Angaben nach § 5 DDG – Musterangaben der Demo-Installation.",
        "body": (
            "<h2>Anbieterin</h2>"
            "<p>Musterstadt, vertreten durch die Oberbürgermeisterin<br>"
            "Ressort Zuwanderung und Integration<br>Beispielstraße 1, 12345 Musterstadt</p>"
            "<h2>Kontakt</h2>"
            "<p>Telefon: 0000 000000<br>E-Mail: netzwerk@demo.partizipationplus.invalid</p>"
            "<h2>Verantwortlich für den Inhalt</h2>"
            "<p>Erika Beispiel, Anschrift wie oben.</p>"
            "<p>Dies ist eine Demo-Installation mit erfundenen Angaben.</p>"
        ),
    },
    "en": {
        "title": "Legal notice (Impressum)",
        "slug": "legal-notice",
        "standfirst": "Information under § 5 DDG – sample details of the demo installation.",
        "body": (
            "<h2>Provider</h2>"
            "<p>City of Musterstadt, represented by the Lord Mayor<br>"
            "Department of Immigration and Integration<br>Beispielstraße 1, 12345 Musterstadt</p>"
            "<h2>Contact</h2>"
            "<p>Phone: 0000 000000<br>Email: netzwerk@demo.partizipationplus.invalid</p>"
            "<h2>Responsible for the content</h2>"
            "<p>Erika Beispiel, address as above.</p>"
            "<p>This is a demo installation with invented details.</p>"
        ),
    },
}

PRIVACY = {
    "de": {
        "title": "Datenschutz",
        "slug": "datenschutz",
        "standfirst": "Wie diese Website mit Ihren Daten umgeht – Musterangaben der Demo.",
        "body": (
            "<h2>Verantwortliche Stelle</h2>"
            "<p>Musterstadt, Beispielstraße 1, 12345 Musterstadt "
            "(siehe Impressum).</p>"
            "<h2>Besuch der Website</h2>"
            "<p>Die Website setzt keine Cookies zur Analyse und lädt nichts von fremden "
            "Servern. Der Server protokolliert Aufrufe ohne Speicherung der vollständigen "
            "IP-Adresse.</p>"
            "<h2>Kontaktformular</h2>"
            "<p>Was Sie im Kontaktformular angeben, nutzen wir nur, um Ihre Anfrage zu "
            "beantworten (Art. 6 Abs. 1 lit. e DSGVO), und löschen es nach Abschluss.</p>"
            "<h2>Ihre Rechte</h2>"
            "<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung "
            "der Verarbeitung sowie auf Beschwerde bei der Datenschutzaufsicht.</p>"
        ),
    },
    "en": {
        "title": "Privacy (Datenschutz)",
        "slug": "privacy",
        "standfirst": "How this website handles your data – sample details of the demo.",
        "body": (
            "<h2>Controller</h2>"
            "<p>City of Musterstadt, Beispielstraße 1, 12345 Musterstadt "
            "(see the legal notice).</p>"
            "<h2>Visiting the website</h2>"
            "<p>The website sets no analytics cookies and loads nothing from other servers. "
            "The server logs requests without storing the full IP address.</p>"
            "<h2>Contact form</h2>"
            "<p>What you enter in the contact form is used only to answer your enquiry "
            "(Art. 6(1)(e) GDPR) and deleted once it is dealt with.</p>"
            "<h2>Your rights</h2>"
            "<p>You have the right of access, rectification, erasure and restriction of "
            "processing, and to complain to the data protection authority.</p>"
        ),
    },
}

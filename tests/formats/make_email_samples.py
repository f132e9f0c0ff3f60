"""Make the e-mail samples in this folder: ``.venv/bin/python -m tests.formats.make_email_samples``.

Each message is written out as its mail program sends it — the headers in their order and spelling,
the MIME structure, quoted-printable or base64 bodies — with our own prose:

- ``eml-gmail-forward-orchard-hostel.eml``: a desk editor forwards a freelancer's e-mailed story from
  Gmail: multipart/alternative, both parts quoted-printable, Gmail's "---------- Forwarded message
  ---------" block (and its ``gmail_quote``/``gmail_attr`` markup), the forwarder's note above it.
- ``eml-outlook-docx-attachment-tram-depot.eml``: a freelancer files from Outlook (Microsoft 365):
  a short cover note in text and HTML (``MsoNormal`` paragraphs), the story attached as a .docx,
  ``Thread-Topic``/``Thread-Index``/``Content-Language`` headers.
- ``eml-apple-mail-cork-harvest.eml``: a freelancer writes the story in the body from Apple Mail:
  text/plain only, quoted-printable UTF-8, no byline, a "-- " signature with a phone number.
- ``eml-thunderbird-flowed-swift-nests.eml``: a desk forwards a contributor's story inline from
  Thunderbird: text/plain; format=flowed, 8bit UTF-8, its "-------- Forwarded Message --------"
  block with a tab after each header name.
"""

import base64
import io
import quopri
import textwrap
from html import escape as html_escape
from pathlib import Path

import docx

FOLDER = Path(__file__).resolve().parent
CRLF = "\r\n"


def quoted_printable(text: str) -> str:
    return quopri.encodestring(text.replace("\n", CRLF).encode("utf-8")).decode("ascii")


HOSTEL = [
    "A 120-bed hostel for seasonal orchard workers opened in Te Awa on Monday, two months before the apple "
    "harvest that last year left pickers sleeping in vans by the river.",
    "The growers' cooperative built it on land leased from the district council and will charge NZ$180 a week, "
    "including meals.",
    '"We lost pickers to other regions because there was nowhere to put them," said the cooperative\'s chair, '
    "Hemi Rangi.",
]


def gmail_forward() -> str:
    """Gmail's plain part wraps its lines at 76 characters; its HTML part writes a <div> a line."""
    story = "\n\n".join(textwrap.fill(paragraph, 76) for paragraph in HOSTEL)
    plain = f"""Passing this on for the regional pages. Can run Saturday.

Sam

---------- Forwarded message ---------
From: Aroha Walker <aroha.walker@example.net>
Date: Mon, 30 Nov 2026 at 18:04
Subject: Orchard workers' hostel opens in Te Awa
To: <desk@valleytimes.example>


Orchard workers' hostel opens in Te Awa

By Aroha Walker

{story}

Aroha Walker \u2709
Aroha Walker is a freelance journalist based in the Bay of Plenty.
"""
    lines = ["Orchard workers' hostel opens in Te Awa", "By Aroha Walker", *HOSTEL]
    story_html = "<div><br></div>".join(f"<div>{html_escape(line)}</div>" for line in lines)
    html = (
        '<div dir="ltr">Passing this on for the regional pages. Can run Saturday.<div><br></div><div>Sam</div><br>'
        '<div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">---------- Forwarded '
        'message ---------<br>From: <strong class="gmail_sendername" dir="auto">Aroha Walker</strong> <span dir='
        '"auto">&lt;<a href="mailto:aroha.walker@example.net">aroha.walker@example.net</a>&gt;</span><br>Date: Mon, '
        '30 Nov 2026 at 18:04<br>Subject: Orchard workers&#39; hostel opens in Te Awa<br>To: &lt;<a href="mailto:'
        'desk@valleytimes.example">desk@valleytimes.example</a>&gt;<br></div><br><br><div dir="ltr">'
        f"{story_html}<div><br></div><div>Aroha Walker \u2709</div><div>Aroha Walker is a freelance journalist "
        "based in the Bay of Plenty.</div></div>\n</div></div>\n"
    )
    boundary = "000000000000e4f1a20627a9c3d1"
    return f"""MIME-Version: 1.0
Date: Tue, 1 Dec 2026 08:12:40 +1300
Message-ID: <CAF3k9xQm7Yv2pE1nB8wzT5hR0cLd4uJqKs6oVf9aXg2@mail.gmail.com>
Subject: Fwd: Orchard workers' hostel opens in Te Awa
From: Sam Tuhiwai <sam.tuhiwai@gmail.com>
To: Regional Desk <regional@valleytimes.example>
Content-Type: multipart/alternative; boundary="{boundary}"

--{boundary}
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{quoted_printable(plain)}
--{boundary}
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{quoted_printable(html)}
--{boundary}--
"""


def tram_depot_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Old tram depot to become a food market", style="Title")
    document.add_paragraph("By Niamh Costello")
    lede = document.add_paragraph("The city's last tram depot, empty since 2019, will reopen as a ")
    lede.add_run("covered food market").bold = True
    lede.add_run(" next autumn under plans approved by councillors on Wednesday.")
    document.add_paragraph("The developer will keep the tracks set into the floor and the wrought-iron roof.")
    document.add_paragraph("Niamh Costello \u2709")
    document.add_paragraph("© 2026 Niamh Costello")
    core = document.core_properties
    core.author = core.last_modified_by = "Niamh Costello"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def outlook_attachment() -> str:
    plain = "Hi Sam,\n\nPlease find attached my piece on the tram depot for Thursday.\n\nBest,\nNiamh\n"
    html = (
        '<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
        'xmlns="http://www.w3.org/TR/REC-html40">\n'
    )
    html += """<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="Generator" content="Microsoft Word 15 (filtered medium)">
<style><!--
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0cm;
	font-size:11.0pt;
	font-family:"Aptos",sans-serif;}
--></style>
</head>
<body lang="EN-IE" link="#467886" vlink="#96607D" style="word-wrap:break-word">
<div class="WordSection1">
<p class="MsoNormal">Hi Sam,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Please find attached my piece on the tram depot for Thursday.<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">Best,<o:p></o:p></p>
<p class="MsoNormal">Niamh<o:p></o:p></p>
</div>
</body>
</html>
"""
    attachment = base64.encodebytes(tram_depot_docx()).decode("ascii")
    mixed, alternative = "_004_DB9PR01MB7345A1B2C3D4E5F6A7B8C9D0DB9PR01MB7345eurp_", "_000_DB9PR01MB7345A1B2"
    name = "Tram depot market - Costello.docx"
    return f"""Received: from DB9PR01MB7345.eurprd01.prod.exchangelabs.com ([fe80::1a2b:3c4d:5e6f:7a8b]) by
 DB9PR01MB7345.eurprd01.prod.exchangelabs.com ([fe80::1a2b:3c4d:5e6f:7a8b%4]) with mapi id 15.20.8207.017;
 Wed, 2 Dec 2026 16:20:11 +0000
From: Niamh Costello <niamh.costello@outlook.example>
To: Sam Tuhiwai <sam.tuhiwai@valleytimes.example>
Subject: Tram depot piece for Thursday
Thread-Topic: Tram depot piece for Thursday
Thread-Index: AdtE2k3VZq9Yw1xTQ0+lW8nJ3pZcAA==
Date: Wed, 2 Dec 2026 16:20:11 +0000
Message-ID: <DB9PR01MB7345A1B2C3D4E5F6A7B8C9D0@DB9PR01MB7345.eurprd01.prod.exchangelabs.com>
Accept-Language: en-IE, en-US
Content-Language: en-IE
X-MS-Has-Attach: yes
X-MS-TNEF-Correlator:
Content-Type: multipart/mixed;
	boundary="{mixed}"
MIME-Version: 1.0

--{mixed}
Content-Type: multipart/alternative;
	boundary="{alternative}"

--{alternative}
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

{quoted_printable(plain)}
--{alternative}
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

{quoted_printable(html)}
--{alternative}--

--{mixed}
Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;
	name="{name}"
Content-Description: {name}
Content-Disposition: attachment;
	filename="{name}"; size=12000;
	creation-date="Wed, 02 Dec 2026 16:19:40 GMT";
	modification-date="Wed, 02 Dec 2026 16:20:11 GMT"
Content-Transfer-Encoding: base64

{attachment}
--{mixed}--
"""


def apple_mail() -> str:
    """Apple Mail's plain text is not wrapped: quoted-printable soft breaks carry the long lines."""
    story = "\n\n".join(
        [
            "Cork harvest starts early after dry spring",
            "Cork strippers began work in the Alentejo a fortnight early this year, after the driest spring the "
            "region's weather station has recorded since 1995.",
            "The bark comes away more easily from trees that have had little rain, said Joaquim Serrão, who manages "
            '400 hectares of cork oak near Coruche. "But it grows back thinner," he said.',
            "Producers expect a smaller harvest by weight, and higher prices for the stoppers made from it.",
        ]
    )
    plain = f"{story}\n\n-- \nLucía Benítez\nFreelance correspondent, Lisbon\n+351 912 345 678\n"
    return f"""From: =?utf-8?Q?Luc=C3=ADa_Ben=C3=ADtez?= <lucia.benitez@icloud.example>
Content-Type: text/plain;
	charset=utf-8
Content-Transfer-Encoding: quoted-printable
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.300.87.4.3\\))
Subject: Cork harvest starts early after dry spring
Message-Id: <8F2C1E7A-4B3D-4C9E-A1F0-6D5B2E8C9A71@icloud.example>
Date: Thu, 3 Dec 2026 11:47:02 +0000
To: Foreign Desk <foreign@valleytimes.example>
X-Mailer: Apple Mail (2.3826.300.87.4.3)

{quoted_printable(plain)}"""


def flowed(paragraph: str) -> str:
    """A paragraph as format=flowed text (RFC 3676): lines up to 72 characters, each soft break a trailing space."""
    return " \n".join(textwrap.wrap(paragraph, 71))


def thunderbird_forward() -> str:
    paragraphs = [
        "Volunteers counted 212 swifts' nests under the eaves of the old grain store this summer, up from 140 "
        "last year, after the owners agreed to leave the roof repairs until the birds had left.",
        'The count is the highest since records began in 2009, said Ruth Okonedo, who leads the group. "They '
        'come back to the same hole every year, so if you block it, they are gone," she said.',
    ]
    body = "\n\n".join(flowed(paragraph) for paragraph in paragraphs)
    plain = f"""Another one for the nature page.

-------- Forwarded Message --------
Subject: \tSwift numbers rise at the grain store
Date: \tFri, 4 Dec 2026 17:31:09 +0000
From: \tRuth Okonedo <ruth.okonedo@example.org>
To: \tnature@valleytimes.example

By Ruth Okonedo

{body}

Ruth Okonedo \u2709
Ruth Okonedo chairs the Millbrook Swift Group.

"""
    return f"""Message-ID: <6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d@valleytimes.example>
Date: Sat, 5 Dec 2026 09:02:17 +0000
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: en-GB
To: Nature Desk <nature@valleytimes.example>
From: Priya Desai <priya.desai@valleytimes.example>
Subject: Fwd: Swift numbers rise at the grain store
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

{plain}"""


def main():
    for name, make in (
        ("eml-gmail-forward-orchard-hostel.eml", gmail_forward),
        ("eml-outlook-docx-attachment-tram-depot.eml", outlook_attachment),
        ("eml-apple-mail-cork-harvest.eml", apple_mail),
        ("eml-thunderbird-flowed-swift-nests.eml", thunderbird_forward),
    ):
        (FOLDER / name).write_bytes(make().replace("\r\n", "\n").replace("\n", CRLF).encode("utf-8"))
        print(name)


if __name__ == "__main__":
    main()

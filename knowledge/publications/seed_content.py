"""Dutch demo publications, written from the announcements in the seed pages
(seeds/004: the fenomeenkaart, the fenomeenanalyse 'Met de rug naar de
samenleving', the spring measurement of the risk and crisis barometer, the
handelingskader on social unrest and the roadshow of 4 June). Content, not
interface text, so it is Dutch. Each file is a list of pages, each page a
heading and its paragraphs: the demo prints one PDF page per entry, so the
search can say on which page a word stands."""

import datetime as dt

LIBRARY = {
    "slug": "publicaties",
    "title": "Publicaties",
    "intro": (
        "Fenomeenkaarten, analyses, handreikingen, onderzoeken en presentaties "
        "over online aangejaagde ordeverstoringen en maatschappelijke onrust. "
        "De zoekfunctie van de site doorzoekt ook de tekst van de bestanden."
    ),
}

# Each: slug, title, kind, date, publisher, theme (slug of a theme page of
# the web dossier), summary, tags, members_only, news (titles of the news
# items that link to it), files (title, filename, pages).
PUBLICATIONS = [
    {
        "slug": "fenomeenkaart-online-aangejaagde-ordeverstoringen",
        "title": "Fenomeenkaart online aangejaagde ordeverstoringen",
        "kind": "fenomeenkaart",
        "date": dt.date(2024, 5, 23),
        "publisher": "Bureau RVS",
        "theme": "signaleren",
        "summary": (
            "Fysieke ordeverstoringen die online beginnen of online versterkt "
            "worden: een overzicht van de vormen die veiligheidsprofessionals en "
            "bestuurders tegenkomen, van oproepen tot demonstraties tot illegale "
            "feesten, en wat er nog onduidelijk is over een werkende aanpak."
        ),
        "tags": ["oaov", "fenomeenkaart"],
        "members_only": False,
        "news": ["Fenomeenkaart online aangejaagde ordeverstoringen beschikbaar"],
        "files": [
            {
                "title": "Fenomeenkaart OAOV",
                "filename": "fenomeenkaart-oaov.pdf",
                "pages": [
                    (
                        "Waarom een fenomeenkaart",
                        [
                            "Fysieke ordeverstoringen die online beginnen of online "
                            "versterkt worden: veiligheidsprofessionals en bestuurders "
                            "zien zich hiermee steeds vaker geconfronteerd.",
                            "Er is nog veel onduidelijk over online aangejaagde "
                            "openbare ordeverstoringen (hierna: OAOV), zowel over het "
                            "fenomeen als over een werkende aanpak. Daarom ontwikkelde "
                            "Bureau RVS deze fenomeenkaart.",
                        ],
                    ),
                    (
                        "Vormen van OAOV",
                        [
                            "Oproepen tot demonstraties die uit de hand lopen, "
                            "illegale feesten die via sociale media groot worden, "
                            "rellen na een oproep in een chatgroep en acties van "
                            "zogenoemde pedojagers die iemand online aanwijzen en "
                            "daarna op straat opwachten.",
                            "Gemeenschappelijk is dat de mobilisatie online plaatsvindt en "
                            "de verstoring fysiek: de openbare orde in de wijk.",
                        ],
                    ),
                    (
                        "Signalen en fasen",
                        [
                            "Een OAOV verloopt in fasen: een aanleiding, de "
                            "mobilisatie online, de verplaatsing naar de straat en de "
                            "ordeverstoring zelf. In elke fase zijn er signalen, zoals "
                            "een plotselinge toename van berichten met een tijdstip en "
                            "een verzamelplaats.",
                            "Het barrièremodel van het CCV laat zien waar gemeente, "
                            "politie en OM een fase kunnen onderbreken.",
                        ],
                    ),
                ],
            }
        ],
    },
    {
        "slug": "met-de-rug-naar-de-samenleving",
        "title": "Fenomeenanalyse soevereinenbeweging: Met de rug naar de samenleving",
        "kind": "fenomeenanalyse",
        "date": dt.date(2024, 4, 22),
        "publisher": "NCTV",
        "theme": "classificeren",
        "summary": (
            "De grootste urgentie is het beschermen van de democratische rechtsstaat "
            "en voorkomen dat mensen in kwetsbare posities en hun kinderen de dupe "
            "worden. Een coproductie van de AIVD, de Nationale Politie en de NCTV."
        ),
        "tags": ["soevereinen", "fenomeenanalyse"],
        "members_only": False,
        "news": [
            "Fenomeenanalyse soevereinenbeweging in Nederland ‘Met de rug naar de "
            "samenleving’ beschikbaar"
        ],
        "files": [
            {
                "title": "Met de rug naar de samenleving",
                "filename": "met-de-rug-naar-de-samenleving.pdf",
                "pages": [
                    (
                        "Samenvatting",
                        [
                            "Deze analyse is een coproductie van de Algemene "
                            "Inlichtingen- en Veiligheidsdienst (AIVD), de Nationale "
                            "Politie en de Nationaal Coördinator Terrorismebestrijding "
                            "en Veiligheid (NCTV).",
                            "De grootste urgentie is het beschermen van onze "
                            "democratische rechtsstaat en het voorkomen dat mensen in "
                            "kwetsbare posities en hun kinderen de dupe worden.",
                        ],
                    ),
                    (
                        "De beweging",
                        [
                            "Soevereinen en autonomen keren zich af van de overheid: "
                            "zij erkennen haar gezag niet en proberen zich aan "
                            "wetten, belastingen en registraties te onttrekken.",
                            "De beweging is divers en vindt elkaar vooral online, in "
                            "besloten groepen en kanalen.",
                        ],
                    ),
                    (
                        "Wat gemeenten merken",
                        [
                            "Gemeenten krijgen brieven waarin inwoners hun "
                            "inschrijving in de basisregistratie opzeggen, en zien "
                            "soms intimidatie van ambtenaren en handhavers.",
                            "Bureau RVS bracht met Hogeschool Inholland met een "
                            "enquête in beeld hoe het fenomeen zich in de gemeenten "
                            "van Midden-Nederland voordoet.",
                        ],
                    ),
                ],
            }
        ],
    },
    {
        "slug": "voorjaarsmeting-2024-risico-en-crisisbarometer",
        "title": "Voorjaarsmeting 2024 Risico- en crisisbarometer",
        "kind": "onderzoek",
        "date": dt.date(2024, 7, 11),
        "publisher": "NCTV",
        "theme": "",
        "summary": (
            "Ipsos I&O onderzoekt periodiek hoe Nederlanders de nationale veiligheid "
            "beleven en hoeveel vertrouwen zij hebben in het optreden van de "
            "overheid bij rampen en crises. Inwoners maken zich de meeste zorgen "
            "over spanningen tussen bevolkingsgroepen, cyberdreigingen en terrorisme."
        ),
        "tags": ["nationale veiligheid", "onderzoek"],
        "members_only": False,
        "news": [
            "Voorjaarsmeting 2024 Risico- en crisisbarometer (RCB) en trendanalyse "
            "Nationale veiligheid 2024 beschikbaar"
        ],
        "files": [
            {
                "title": "Risico- en crisisbarometer, voorjaar 2024",
                "filename": "risico-en-crisisbarometer-voorjaar-2024.pdf",
                "pages": [
                    (
                        "Over de barometer",
                        [
                            "De Risico- en crisisbarometer (RCB) meet periodiek de "
                            "beleving van Nederlanders van de nationale veiligheid en "
                            "het vertrouwen in het optreden van de overheid bij "
                            "rampen en crises. Het veldwerk is gedaan door Ipsos I&O.",
                        ],
                    ),
                    (
                        "Zorgen van inwoners",
                        [
                            "Inwoners van Nederland maken zich de meeste zorgen over "
                            "spanningen tussen bevolkingsgroepen, cyberdreigingen en "
                            "terrorisme.",
                            "Het vertrouwen in de voorbereiding van de overheid op "
                            "een crisis is ten opzichte van de najaarsmeting "
                            "nauwelijks veranderd.",
                        ],
                    ),
                    (
                        "Trendanalyse nationale veiligheid",
                        [
                            "Tegelijk verscheen de trendanalyse nationale veiligheid. "
                            "Deze dient als onderbouwing voor het actualiseren van "
                            "de veiligheidsstrategie voor het Koninkrijk der "
                            "Nederlanden.",
                            "Voor veel dreigingen is de situatie in de afgelopen twee "
                            "jaar slechter geworden.",
                        ],
                    ),
                ],
            }
        ],
    },
    {
        "slug": "handelingskader-omgaan-met-maatschappelijke-onrust",
        "title": "Handelingskader omgaan met maatschappelijke onrust",
        "kind": "handreiking",
        "date": dt.date(2024, 5, 23),
        "publisher": "Ondersteuningsnetwerk Maatschappelijke onrust",
        "theme": "maatregelen-en-interventies",
        "summary": (
            "Een handelingskader voor gemeenten over omgaan met maatschappelijke "
            "onrust: wie doet wat voor, tijdens en na een periode van spanning, en "
            "hoe houdt u contact met de gemeenschap."
        ),
        "tags": ["maatschappelijke onrust", "handelingskader"],
        "members_only": False,
        "news": [
            "Jaarcongres sociale veiligheid online, handelingskaders en wat is er "
            "aan de hand in de Nederlands-Eritrese gemeenschap?"
        ],
        "files": [
            {
                "title": "Handelingskader maatschappelijke onrust",
                "filename": "handelingskader-maatschappelijke-onrust.pdf",
                "pages": [
                    (
                        "Voor wie",
                        [
                            "Dit handelingskader is bedoeld voor bestuurders, "
                            "OOV-ambtenaren, politie en OM die te maken krijgen met "
                            "maatschappelijke onrust in hun gemeente.",
                        ],
                    ),
                    (
                        "Voor, tijdens en na",
                        [
                            "Voor: breng de netwerken in de wijk en de gemeenschap in "
                            "kaart en spreek af wie signalen deelt.",
                            "Tijdens: een noodverordening of gebiedsverbod kan nodig "
                            "zijn, maar communicatie en de inzet van sleutelfiguren "
                            "werken vaak sneller.",
                            "Na: evalueer met de partners en blijf in verbinding "
                            "met de gemeenschap, ook als het weer rustig is.",
                        ],
                    ),
                ],
            }
        ],
    },
    {
        "slug": "presentatie-roadshow-oaov-midden-nederland",
        "title": "Presentatie roadshow online aangejaagde ordeverstoringen",
        "kind": "presentatie",
        "date": dt.date(2024, 6, 4),
        "publisher": "CCV",
        "theme": "samenwerking",
        "summary": (
            "De presentatie van de roadshow Midden-Nederland bij de gemeente De "
            "Bilt, met het barrièremodel online aangejaagde ordeverstoringen van "
            "het CCV en de casuïstiek waarmee de deelnemers oefenden. Voor leden."
        ),
        "tags": ["oaov", "roadshow"],
        "members_only": True,
        "news": ["Geslaagde roadshow online aangejaagde ordeverstoringen"],
        "files": [
            {
                "title": "Presentatie roadshow De Bilt",
                "filename": "presentatie-roadshow-de-bilt.pdf",
                "pages": [
                    (
                        "Roadshow Midden-Nederland, 4 juni 2024",
                        [
                            "Bureau RVS organiseerde in samenwerking met het CCV en "
                            "Project Online Content Moderatie (PrOCoM) van het "
                            "ministerie van Justitie en Veiligheid de roadshow bij de "
                            "gemeente De Bilt.",
                        ],
                    ),
                    (
                        "Het barrièremodel",
                        [
                            "Het barrièremodel beschrijft de fasen van een online "
                            "aangejaagde ordeverstoring en per fase de barrières die "
                            "gemeente, politie en OM kunnen opwerpen.",
                            "Strafbare en onrechtmatige uitingen vragen een andere "
                            "aanpak dan uitingen die alleen ongewenst zijn.",
                        ],
                    ),
                    (
                        "Oefenen met casuïstiek",
                        [
                            "Meer dan 40 professionals van gemeenten, politie, OM en "
                            "de ministeries van JenV en BZK oefenden in groepen met "
                            "een eigen praktijksituatie: een oproep tot een "
                            "confrontatie bij een winkelcentrum, verspreid via "
                            "Snapchat.",
                        ],
                    ),
                ],
            }
        ],
    },
]

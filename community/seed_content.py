"""Dutch demo content of the community of practice, written from the seed
page about the CoP 'Ondermijning en burgerinitiatieven' (24 September) and
the other themes in the seeds. People and organisations' staff are made up.
"""

import datetime as dt

# slug, name, description
THEMES = [
    (
        "ondermijning-en-burgerinitiatieven",
        "Ondermijning en burgerinitiatieven",
        "Ondermijning reikt van wijk tot web en wereld: drugs, witwassen, diefstal en geweld. De gemeente coördineert, de politie spoort op en handhaaft, en burgers weten vaak meer dan ze zelf beseffen. Hoe signaleren en normeren we samen?",
    ),
    (
        "online-aangejaagde-ordeverstoringen",
        "Online aangejaagde ordeverstoringen",
        "Oproepen op TikTok, Telegram of Snapchat die uitmonden in een verstoring op straat: illegale feesten, 'pedojagers', rellen. Hoe signaleren we op tijd en wat kunnen we doen?",
    ),
    (
        "complexe-demonstraties",
        "Complexe demonstraties",
        "Demonstraties met tegendemonstraties, wisselende locaties en mobilisatie via sociale media: voorbereiding en afstemming tussen gemeente, politie en OM.",
    ),
    (
        "soevereinen-en-autonomen",
        "Soevereinen en autonomen",
        "Het fenomeen soevereinen en autonomen herkennen en in kaart brengen, en er als gemeente en politie mee omgaan aan de balie en bij handhaving.",
    ),
    (
        "online-oproepen-en-jongeren",
        "Online oproepen en jongeren",
        "Hoe bereiken we jongeren die online worden opgeroepen om ergens naartoe te komen, en wie heeft daarin welke rol: jongerenwerk, gemeente, politie?",
    ),
]

# Tags of the demo cases (casebook/seed_content.py) that belong to a theme.
CASE_TAGS = {
    "online-aangejaagde-ordeverstoringen": "noodverordening, pedojagers, doxing",
    "online-oproepen-en-jongeren": "jongeren",
}

# Demo accounts that cannot log in (no usable password): the authors of
# the demo discussions. e-mail, first name, last name, organisation, function
MEMBERS = [
    (
        "demo.oov.breda@leerkring.example",
        "Marloes",
        "Verbeek",
        "Gemeente Breda",
        "OOV-adviseur",
    ),
    (
        "demo.wijkagent@leerkring.example",
        "Hakan",
        "Yıldız",
        "Politie Zeeland-West-Brabant",
        "Wijkagent",
    ),
    (
        "demo.participatie@leerkring.example",
        "Ellen",
        "de Groot",
        "Gemeente Houten",
        "Beleidsadviseur participatie",
    ),
    (
        "demo.jongerenwerk@leerkring.example",
        "Samir",
        "Bouzid",
        "Jongerenwerk Utrecht",
        "Jongerenwerker",
    ),
]

# Each thread: theme slug, event slug (or ""), title, tags, start (a fixed
# moment, or days before the loader runs), and posts: author (index in
# MEMBERS), hours after the start, body, optional reply_to (index of an
# earlier post) and mark ("conclusion" or "solution").
THREADS = [
    {
        "theme": "ondermijning-en-burgerinitiatieven",
        "event": "cop-ondermijning-en-burgerinitiatieven",
        "title": "Hoe betrekken we buurtbewoners bij het signaleren van ondermijning?",
        "tags": ["ondermijning", "burgerparticipatie"],
        "start": dt.datetime(2024, 9, 24, 15, 10),
        "posts": [
            {
                "author": 0,
                "hours": 0,
                "body": "<p>Na de community of practice van vandaag blijft bij mij de vraag hangen hoe we bewoners echt laten meedoen. Burgers beschikken over veel kennis, vaak onbewust: een loods waar 's nachts busjes af en aan rijden, een winkel die nooit klanten heeft.</p><p>Hoe zorgen jullie dat zulke signalen bij de gemeente of de politie terechtkomen, zonder dat bewoners zich als verklikker voelen?</p>",
            },
            {
                "author": 1,
                "hours": 2,
                "reply_to": 0,
                "body": "<p>Wij merken dat bewoners vooral melden als ze iemand kennen. De wijkagent die op de buurtavond staat, krijgt daarna meer signalen dan welk meldnummer ook. Anoniem melden via Meld Misdaad Anoniem blijft belangrijk voor wie dat niet durft.</p>",
            },
            {
                "author": 2,
                "hours": 20,
                "reply_to": 0,
                "body": "<p>In Houten koppelen we het aan bestaande burgerinitiatieven, zoals buurtpreventie-apps. We geven die groepen een korte uitleg wat ondermijning is en wat je ermee doet. Het helpt om vanuit een hart voor de wijk te praten, niet vanuit opsporing.</p>",
            },
            {
                "author": 0,
                "hours": 48,
                "mark": "conclusion",
                "body": "<p>Samengevat uit de bijeenkomst en deze draad:</p><ul><li>Bewoners melden eerder aan een bekend gezicht (wijkagent, gebiedsregisseur) dan aan een loket.</li><li>Sluit aan bij bestaande burgerinitiatieven in plaats van iets nieuws op te zetten.</li><li>Laat melders horen wat er met hun signaal gebeurt, anders stoppen ze.</li></ul>",
            },
        ],
    },
    {
        "theme": "ondermijning-en-burgerinitiatieven",
        "event": "cop-ondermijning-en-burgerinitiatieven",
        "title": "Ervaringen met een bewustwordingscampagne tegen ondermijning",
        "tags": ["ondermijning", "campagne"],
        "start": dt.datetime(2024, 9, 25, 9, 30),
        "posts": [
            {
                "author": 2,
                "hours": 0,
                "body": "<p>Gemeente Breda en de politie lieten gisteren hun campagne zien. Wij overwegen iets vergelijkbaars. Wie heeft ervaring met het meten van het effect van zo'n campagne?</p>",
            },
            {
                "author": 0,
                "hours": 5,
                "mark": "solution",
                "body": "<p>Wat bij ons werkte: meet vooraf en achteraf het aantal meldingen per wijk, en vraag op een buurtavond of mensen de campagne kennen. Combineer de campagne met een concreet handelingsperspectief: één telefoonnummer en één contactpersoon per wijk.</p>",
            },
        ],
    },
    {
        "theme": "online-aangejaagde-ordeverstoringen",
        "event": "",
        "title": "Oproep op TikTok voor een 'feest' op het strand: wat doen we vooraf?",
        "tags": ["tiktok", "signaleren"],
        "start": 12,
        "posts": [
            {
                "author": 1,
                "hours": 0,
                "body": "<p>Vorige week ging een oproep rond voor een feest op het strand, met honderden reacties binnen een paar uur. We hebben het op tijd gezien, maar twijfelden over de volgende stap: de maker aanspreken, de ouders, of alleen extra inzet?</p>",
            },
            {
                "author": 3,
                "hours": 3,
                "reply_to": 0,
                "body": "<p>Vanuit het jongerenwerk: vaak weten wij binnen een uur wie erachter zit. Een gesprek met de maker werkt beter dan een bericht van de gemeente, dat wordt meteen gedeeld als screenshot.</p>",
            },
            {
                "author": 0,
                "hours": 26,
                "mark": "solution",
                "body": "<p>Voorstel voor de aanpak vooraf: 1) jongerenwerk of wijkagent spreekt de maker aan; 2) de gemeente beoordeelt met het barrièremodel of een noodverordening nodig is; 3) de politie zorgt voor zichtbare aanwezigheid op de locatie. Zo blijft de inzet in verhouding.</p>",
            },
        ],
    },
    {
        "theme": "online-oproepen-en-jongeren",
        "event": "cop-online-oproepen-en-jongeren",
        "title": "Voorbereiding: welke vragen nemen we mee naar de bijeenkomst?",
        "tags": ["jongeren"],
        "start": 4,
        "posts": [
            {
                "author": 3,
                "hours": 0,
                "body": "<p>Over een paar weken is de community of practice over online oproepen en jongeren. Welke vragen willen jullie aan de inleider voorleggen? Ik begin: hoe houd je contact met jongeren die van platform wisselen zodra ze zich bekeken voelen?</p>",
            },
        ],
    },
]

# Notes of the demo CoP meeting: event slug, theme slug, agenda item,
# what was said, conclusions.
MEETING_NOTES = [
    (
        "cop-ondermijning-en-burgerinitiatieven",
        "ondermijning-en-burgerinitiatieven",
        "Bewustwordingscampagne tegen ondermijning (gemeente Breda en politie Zeeland-West-Brabant)",
        "<p>Gemeente Breda en politie Zeeland-West-Brabant lieten zien hoe zij samen een campagne opzetten om inwoners bewust te maken van ondermijning in hun wijk. De rol van de gemeente is coördineren, de politie spoort op en handhaaft; burgers kunnen door actief toezicht de normen van de legale samenleving beschermen.</p>",
        "<ul><li>Een campagne werkt alleen met een duidelijk handelingsperspectief voor bewoners.</li><li>Gemeente en politie treden samen op, met één afzender.</li></ul>",
    ),
    (
        "cop-ondermijning-en-burgerinitiatieven",
        "ondermijning-en-burgerinitiatieven",
        "Tools voor integrale samenwerking (C3 group en Meld een vermoeden)",
        "<p>C3 group en Meld een vermoeden lichtten tools toe die gemeenten en burgers kunnen gebruiken om signalen te delen en integraal samen te werken. Deelnemers vroegen vooral naar de privacy van melders en naar de koppeling met bestaande meldpunten.</p>",
        "<p>Gemeenten verkennen eerst welke meldpunten er al zijn voordat zij een nieuwe tool kiezen.</p>",
    ),
]

# Topic wishes for the CoP meetings: (event slug, index of the member in
# MEMBERS, text, indexes of the members who vote for it). The past meeting's
# wishes were not picked, so the next meeting offers them again.
TOPIC_WISHES = [
    (
        "cop-ondermijning-en-burgerinitiatieven",
        1,
        "Hoe houden we contact met buurtpreventiegroepen die zelf gaan surveilleren?",
        [0],
    ),
    (
        "cop-online-oproepen-en-jongeren",
        0,
        "Welke signalen op TikTok en Snapchat wijzen op een oproep tot rellen, "
        "en wie in de gemeente kijkt daarnaar?",
        [1, 2],
    ),
    (
        "cop-online-oproepen-en-jongeren",
        2,
        "Ervaringen met het aanspreken van ouders na een online oproep.",
        [0],
    ),
    (
        "cop-online-oproepen-en-jongeren",
        1,
        "Wat mag de gemeente zelf monitoren op open sociale media?",
        [],
    ),
]

"""Demo cases, in Dutch. Fictional: the municipalities Lindenwaard and
Bremmerveen do not exist, and the text is already anonymised the way the
platform publishes a case ("[PERSOON-1]", "[HANDLE-1]")."""

INDEX_SLUG = "casuistiek"
INDEX_TITLE = "Casuïstiek"
INDEX_INTRO = (
    "Gemeenten en politie delen wat er bij hen gebeurde, zodat anderen ervan "
    "leren. Elke casus is geanonimiseerd: namen, accounts en andere "
    "persoonsgegevens zijn vervangen. Heeft u zelf een casus? Dien hem in; een "
    "adviseur kijkt mee voordat er iets wordt gepubliceerd."
)

CASES = [
    {
        "slug": "tiktok-oproep-tot-rellen-na-voetbalwedstrijd",
        "title": "TikTok-oproep tot rellen na een voetbalwedstrijd",
        "region": "Gemeente Lindenwaard (fictief), middelgrote gemeente",
        "province": "utrecht",
        "period": "Voorjaar 2025",
        "platforms": ["tiktok", "snapchat", "whatsapp"],
        "phase": "mobilisatie",
        "classification": "strafbaar",
        "tags": ["voetbal", "jongeren", "noodverordening"],
        "members_only": False,
        "what_happened": (
            "<p>Na een verloren derby plaatste [HANDLE-1] op TikTok een filmpje "
            "met de oproep om die avond ‘de stad op zijn kop te zetten’ op het "
            "stationsplein. Binnen twee uur was het filmpje ruim 40.000 keer "
            "bekeken en deelden jongeren de oproep in Snapchat-verhalen en "
            "WhatsApp-groepen van scholen in de regio.</p>"
            "<p>De wijkagent kreeg rond 17.00 uur een melding van "
            "[PERSOON-1], jongerenwerker, die de oproep in een groepsapp "
            "had gezien. Om 18.30 uur waren de tijd en plaats concreet en "
            "verschenen er oproepen om vuurwerk mee te nemen.</p>"
        ),
        "interventions_tried": (
            "<ul>"
            "<li><strong>Melding bij het platform</strong>: het filmpje werd "
            "via het trusted-flaggerkanaal gemeld en na anderhalf uur "
            "verwijderd. Kopieën bleven rondgaan.</li>"
            "<li><strong>Aanspreken</strong>: de politie zocht [PERSOON-2], "
            "de ouder van [HANDLE-1], thuis op; die avond plaatste het account "
            "een bericht dat de oproep ‘een grap’ was.</li>"
            "<li><strong>Noodverordening</strong>: de burgemeester stelde om "
            "20.00 uur een noodverordening in voor het stationsgebied, met "
            "een veiligheidsrisicogebied voor preventief fouilleren.</li>"
            "<li><strong>Jongerenwerk</strong>: jongerenwerkers waren op "
            "straat en spraken groepjes aan.</li>"
            "</ul>"
            "<p>Rond 21.00 uur kwamen zo’n zestig jongeren bijeen. Er bleef het "
            "bij vuurwerk en een vernielde abri; er werden vier jongeren "
            "aangehouden.</p>"
        ),
        "lessons": (
            "<ol>"
            "<li>Het eerste signaal kwam van het jongerenwerk, niet uit "
            "monitoring. Leg vooraf vast hoe zo’n signaal de OOV-afdeling en "
            "de politie bereikt, ook buiten kantoortijd.</li>"
            "<li>Het gesprek met de ouders werkte sneller dan de melding bij "
            "het platform.</li>"
            "<li>Houd een concept-noodverordening klaar: het opstellen kostte "
            "die avond ruim een uur.</li>"
            "</ol>"
        ),
    },
    {
        "slug": "pedojagers-telegramgroep-in-een-woonwijk",
        "title": "‘Pedojagers’ mobiliseren via een Telegramgroep in een woonwijk",
        "region": "Gemeente Bremmerveen (fictief), kleine gemeente",
        "province": "noord-brabant",
        "period": "Najaar 2024",
        "platforms": ["telegram", "facebook"],
        "phase": "naar-de-straat",
        "classification": "onrechtmatig",
        "tags": ["pedojagers", "doxing", "buurt"],
        "members_only": True,
        "what_happened": (
            "<p>In een openbare Telegramgroep van een zogenoemde "
            "pedojagersgroep verscheen een filmpje van een ‘lokactie’ met "
            "daarbij de naam en woonplaats van een man, [PERSOON-1]. In de "
            "reacties werd opgeroepen om ‘hem thuis op te zoeken’. Een "
            "Facebookpagina uit de wijk nam het bericht over.</p>"
            "<p>Diezelfde avond verzamelden zich ongeveer twintig mensen "
            "voor de woning op [ADRES-1]. De man was op dat moment niet "
            "thuis; zijn huisgenoot belde de politie.</p>"
        ),
        "interventions_tried": (
            "<p>De politie was binnen tien minuten ter plaatse en vorderde de "
            "groep te vertrekken. De burgemeester legde de volgende dag een "
            "gebiedsverbod op aan twee personen die de groep hadden "
            "aangevoerd. Het OM onderzocht de verspreiding van de "
            "persoonsgegevens als doxing.</p>"
            "<p>De gemeente vroeg de beheerder van de Facebookpagina het "
            "bericht te verwijderen; dat gebeurde dezelfde avond. De "
            "Telegramgroep reageerde niet.</p>"
        ),
        "lessons": (
            "<p>Lokale Facebookpagina’s zijn een versterker: ken hun "
            "beheerders en spreek vooraf af hoe u hen bereikt. Zorg bij "
            "doxing ook voor de veiligheid van huisgenoten en buren, niet "
            "alleen voor die van de genoemde persoon.</p>"
        ),
    },
]

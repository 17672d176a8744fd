"""Dutch demo content for the web dossier and the news, adapted from the pages
this platform replaces. This is content, not interface text, so it is Dutch."""

import datetime as dt

DOSSIER = {
    "slug": "online-aangejaagde-ordeverstoringen",
    "title": "Online aangejaagde ordeverstoringen",
    "intro": (
        "Fysieke ordeverstoringen die online beginnen of online worden versterkt: "
        "oproepen tot rellen of illegale feesten, 'pedojagers', protesten die van een "
        "chatgroep naar de straat verhuizen. In dit webdossier vindt u hoe gemeenten "
        "en politie signaleren, classificeren en ingrijpen, en leren ze van elkaar."
    ),
}

# (slug, title, intro, body) with body a list of ("heading" | "paragraph" |
# "quote", value); paragraph values are HTML.
THEMES = [
    (
        "leerkring-online-openbare-orde",
        "Leerkring online openbare orde",
        "Er valt op het thema online openbare orde nog veel van elkaar te leren. De "
        "leerkring inspireert gemeenten tot een innovatieve aanpak van dit relatief "
        "nieuwe verschijnsel.",
        [
            (
                "paragraph",
                "<p>De leerkring is bedoeld om gemeenten te inspireren en te stimuleren bij een innovatieve aanpak van online aangejaagde ordeverstoringen. Dat kan door vanuit ieders perspectief (praktijk)kennis en inzichten te delen over de lokale online orde en veiligheid.</p>",
            ),
            ("heading", "Terugblik leerkring online orde en veiligheid"),
            (
                "paragraph",
                "<p>Heeft u de leerkring van woensdag 28 september gemist of wilt u de uitzending over de praktijksituatie in Bodegraven nogmaals bekijken? Op dinsdagochtend 1 november van 09.00 tot 10.15 uur kijkt u de uitzending terug. Schrijf u daarvoor in bij de bijeenkomst.</p>",
            ),
            ("heading", "Afstemming"),
            (
                "paragraph",
                "<p>De leerkring staat niet op zich. Er is nauw contact met adviseurs van gerelateerde thema's zoals de voetbalwet en overlast, maatschappelijke onrust en cyber. Met een onderling afgestemd programma verbinden we professionals en bieden we relevante informatie.</p>",
            ),
            ("heading", "Onderwerpen"),
            (
                "paragraph",
                "<p>De onderwerpen die in dit webdossier centraal staan, worden in de leerkringen behandeld:</p><ul><li>Hoe kan een gemeente online verstoringen van de openbare orde en veiligheid (laten) signaleren?</li><li>Hoe is de content daarvan op een bestuurlijk-juridisch relevante manier te classificeren (strafbaar, onrechtmatig, ongewenst)?</li><li>Welke traditionele en nieuwe maatregelen kunnen gemeenten ontwikkelen voor de online openbare orde en veiligheid?</li></ul>",
            ),
            ("heading", "Voor wie?"),
            (
                "paragraph",
                "<p>De leerkring is bedoeld voor jongerenwerkers, OOV-medewerkers van gemeenten en politie.</p>",
            ),
            ("heading", "Casusbespreking"),
            (
                "paragraph",
                "<p>We horen graag welke casussen er bij gemeenten spelen. Professionals en experts gaan in een kleinere leerkring met de casus aan de slag. Onderwerpen die voor een breed publiek interessant zijn, komen aan bod in een leerkring XL.</p>",
            ),
            ("heading", "Leerkring XL"),
            (
                "paragraph",
                "<p>Op dinsdag 8 februari 2022 was de eerste leerkring over (lokale) online aangejaagde ordeverstoringen. De gemeenten Haarlem, Groningen en Utrecht bespraken de inzet van het online gebiedsverbod en de dwangsom. Door de vele aanmeldingen werd het een XL-variant, via online streaming uitgezonden vanuit een studio in plaats van in een kleine Teams-vergadering. Dit was een live-uitzending die niet meer terug te kijken is; het verslag staat in dit webdossier.</p>",
            ),
            ("heading", "Dwangsom"),
            (
                "paragraph",
                "<p>We willen de inzet van de dwangsom bij online aangejaagde ordeverstoringen verder uitdiepen en roepen juristen op om samen met het ministerie van Justitie en Veiligheid, de VNG en andere specialisten dit onderwerp te verkennen in een kleinere leerkring. Geïnteresseerden houden we op de hoogte van de resultaten.</p>",
            ),
        ],
    ),
    (
        "signaleren",
        "Signaleren",
        "Hoe ziet u op tijd dat een online oproep kan uitmonden in een verstoring "
        "op straat, en hoe doet u dat veilig en juridisch verantwoord?",
        [
            (
                "paragraph",
                "<p>Een online aangejaagde ordeverstoring begint vaak met een bericht: een oproep op TikTok, een doorgestuurd bericht in een Telegram- of WhatsApp-groep, een filmpje dat snel wordt gedeeld. Wie die signalen vroeg opmerkt, heeft meer handelingsperspectief.</p>",
            ),
            ("heading", "Wat is een signaal?"),
            (
                "paragraph",
                "<p>Niet elke boze post is een risico voor de openbare orde. Let op concrete oproepen met een tijd en plaats, op snelle groei van bereik, op deelname van bekende aanjagers en op de verplaatsing van een gesprek naar besloten groepen. De fenomeenkaart geeft een overzicht van de vormen die we in Nederland zien.</p>",
            ),
            ("heading", "Veilig en juridisch verantwoord"),
            (
                "paragraph",
                "<p>Gemeenten mogen openbare bronnen raadplegen voor de handhaving van de openbare orde, maar stelselmatig volgen van personen vraagt een grondslag en waarborgen. Leg vast wie mag kijken, met welk doel, hoe lang gegevens worden bewaard en wanneer u de politie inschakelt.</p>",
            ),
            ("heading", "Samen met politie en jongerenwerk"),
            (
                "paragraph",
                "<p>De politie heeft zicht op andere bronnen dan de gemeente; jongerenwerkers horen vaak als eersten wat er speelt. Maak vooraf afspraken over het delen van signalen, zodat in de aanloop naar een verstoring niemand op eigen houtje hoeft te wegen of iets ernstig genoeg is.</p>",
            ),
            (
                "quote",
                {
                    "text": "In acute situaties weten partners elkaar goed te vinden. Juist in de aanloop is het lastiger om elkaar tijdig te betrekken.",
                    "attribution": "Deskundigenbijeenkomst OAOV",
                },
            ),
        ],
    ),
    (
        "classificeren",
        "Classificeren",
        "Strafbaar, onrechtmatig of ongewenst: de classificatie van online content "
        "bepaalt wie kan optreden en met welk middel.",
        [
            (
                "paragraph",
                "<p>Om te bepalen wat u met een online uiting kunt doen, is het nuttig haar bestuurlijk-juridisch te classificeren. De drie categorieën lopen in de praktijk in elkaar over; bespreek twijfelgevallen met de politie en het Openbaar Ministerie.</p>",
            ),
            ("heading", "Strafbaar"),
            (
                "paragraph",
                "<p>Uitingen die een strafbaar feit opleveren, zoals opruiing, bedreiging of het verspreiden van persoonsgegevens om iemand vrees aan te jagen (doxing). Hier is het strafrecht aan zet: aangifte, opsporing en vervolging door politie en OM.</p>",
            ),
            ("heading", "Onrechtmatig"),
            (
                "paragraph",
                "<p>Uitingen die niet strafbaar zijn maar wel in strijd met de wet of de openbare orde, bijvoorbeeld een oproep tot een verboden samenkomst tijdens een noodverordening. De burgemeester heeft hier bestuursrechtelijke middelen, zoals een gebiedsverbod of een last onder dwangsom.</p>",
            ),
            ("heading", "Ongewenst"),
            (
                "paragraph",
                "<p>Uitingen die schuren maar binnen de vrijheid van meningsuiting vallen. Juridische middelen passen hier niet; communicatie, een gesprek met de initiatiefnemer of de inzet van jongerenwerk wel.</p>",
            ),
        ],
    ),
    (
        "maatregelen-en-interventies",
        "Maatregelen en interventies",
        "Juridische en niet-juridische interventies per fase van het barrièremodel, "
        "met hun voorwaarden en risico's.",
        [
            (
                "paragraph",
                "<p>Het barrièremodel beschrijft de fasen van een online aangejaagde ordeverstoring: van het eerste online signaal via mobilisatie en de verplaatsing naar de straat tot de verstoring zelf en de nasleep. In elke fase kan een barrière worden opgeworpen. De interventietool helpt bij de keuze.</p>",
            ),
            ("heading", "Juridische interventies"),
            (
                "paragraph",
                "<ul><li><strong>Noodverordening</strong>: de burgemeester stelt regels voor een gebied en periode bij ernstige vrees voor wanordelijkheden.</li><li><strong>Gebiedsverbod</strong>: een verbod om in een gebied te komen, ook gericht tegen online aanjagers die fysiek aanwezig zijn.</li><li><strong>Last onder dwangsom</strong>: een opdracht om een oproep te verwijderen of niet te herhalen, op straffe van een dwangsom.</li><li><strong>Melding aan het platform</strong>: een verzoek aan het platform om content te verwijderen die in strijd is met de wet of de voorwaarden.</li></ul>",
            ),
            ("heading", "Niet-juridische interventies"),
            (
                "paragraph",
                "<ul><li>Communicatie: feiten delen, geruchten ontkrachten, duidelijk maken wat wel en niet mag.</li><li>Een gesprek met de initiatiefnemer of met ouders.</li><li>Inzet van jongerenwerk en wijkteams.</li></ul>",
            ),
            ("heading", "Risico's"),
            (
                "paragraph",
                "<p>Het (laten) verwijderen van berichten kan het vertrouwen van inwoners in de overheid schaden en uitingen verplaatsen naar minder zichtbare, besloten groepen. Weeg dat af en blijf als lokale overheid in verbinding met de samenleving.</p>",
            ),
        ],
    ),
    (
        "samenwerking",
        "Samenwerking",
        "Gemeente, politie, OM, jongerenwerk en platforms: wie doet wat, en hoe "
        "vinden partners elkaar ook vóór de verstoring?",
        [
            (
                "paragraph",
                "<p>In acute situaties weten partners elkaar meestal goed te vinden. Lastiger is het om elkaar in de aanloop te betrekken. Juist in die vroege fase is het belangrijk signalen te delen en afspraken te maken over ieders rol.</p>",
            ),
            ("heading", "Structurele afspraken"),
            (
                "paragraph",
                "<p>Meer bewustwording binnen gemeenten en bij externe partners over de mogelijke impact en de fasen van een OAOV helpt om structurele afspraken te maken over samenwerking, taken en verantwoordelijkheden.</p>",
            ),
            ("heading", "Landelijk leren"),
            (
                "paragraph",
                "<p>Landelijke uitwisseling van kennis en ervaring versterkt gemeenten. Voor gemeenten met beperkte capaciteit is een vliegende brigade van experts beschikbaar die kan ondersteunen en adviseren; een digitale kop koffie met een adviseur is een goed begin.</p>",
            ),
        ],
    ),
    (
        "rol-van-de-burgemeester",
        "Rol van de burgemeester",
        "Geldt de verantwoordelijkheid van de burgemeester voor de openbare orde ook "
        "online? Wat we weten en waarover de meningen verschillen.",
        [
            (
                "paragraph",
                "<p>Er is geen eenduidig antwoord op de vraag of de zorg van de burgemeester voor de openbare orde ook het online domein omvat. Wel is er brede overeenstemming dat online ontwikkelingen invloed hebben op de fysieke wereld, en dat dit een rol voor de burgemeester meebrengt.</p>",
            ),
            ("heading", "Bevoegdheden"),
            (
                "paragraph",
                "<p>Over extra bevoegdheden om op te treden tegen online uitingen zijn de meningen verdeeld. Er zijn zorgen over de expertise om online signalen te beoordelen, over de handhaafbaarheid en over het risico dat uitingen naar besloten groepen verhuizen.</p>",
            ),
            ("heading", "Beschermen van inwoners"),
            (
                "paragraph",
                "<p>De burgemeester heeft ook een rol in het beschermen van inwoners die online worden lastiggevallen, bijvoorbeeld na het verspreiden van hun gegevens.</p>",
            ),
        ],
    ),
]

MEMBERS_PAGE = (
    "casusbespreking-leden",
    "Casusbespreking voor leden",
    "Breng een casus uit uw gemeente in voor een kleine leerkring met collega's en "
    "experts; alleen zichtbaar voor goedgekeurde leden.",
    [
        (
            "paragraph",
            "<p>Speelt er in uw gemeente een online aangejaagde ordeverstoring, of heeft u er een achter de rug? Leden brengen hun casus in voor een kleinere leerkring. Professionals en experts gaan er vertrouwelijk mee aan de slag; wat breed interessant is, komt geanonimiseerd terug in een leerkring XL.</p>",
        ),
        ("heading", "Vliegende brigade"),
        (
            "paragraph",
            "<p>Gemeenten met beperkte capaciteit kunnen een beroep doen op een vliegende brigade van experts die ondersteunen en adviseren als zich een online aangejaagde ordeverstoring voordoet. Begin met een digitale kop koffie met een van de adviseurs.</p>",
        ),
    ],
)

# The report of the expert meeting, after the CCV's "Deskundigenbijeenkomst
# OAOV": three tables, each in two rounds, and a conclusion across them.
MEETING_REPORT = {
    "slug": "verslag-deskundigenbijeenkomst-oaov",
    "title": "Verslag deskundigenbijeenkomst OAOV",
    "meeting_date": dt.date(2025, 3, 20),
    "location": "Utrecht",
    "intro": "Deskundigen van gemeenten, politie, OM en wetenschap spraken aan drie tafels over samenwerking, openbare-orderecht in een online wereld en het handelingsperspectief van burgemeesters bij online aangejaagde openbare-ordeverstoringen.",
    "rounds": [
        (
            "Versterking samenwerking",
            "Werken de betrokken partners voldoende samen en hoe kan dit verder worden versterkt?",
            "<p>In acute situaties, wanneer de ordeverstoring plaatsvindt, weten partners elkaar goed te vinden. Lastiger blijkt het om elkaar in de aanloop naar zulke situaties te betrekken. In die vroege fase is het belangrijk signalen tijdig te delen en afspraken te maken over ieders rol.</p><p>Er is meer bewustwording nodig, binnen gemeenten en bij externe partners, over de mogelijke impact van een online aangejaagde openbare-ordeverstoring en de fasen daarin. Dat inzicht helpt om structurele afspraken te maken over samenwerking, taken en verantwoordelijkheden.</p><p>Samenwerking is niet alleen lokaal belangrijk. Meer landelijke uitwisseling van kennis en ervaringen versterkt gemeenten: zij leren van elkaar en vinden sneller waar specifieke expertise beschikbaar is. Voor gemeenten met beperkte capaciteit of kennis kan een landelijk platform een waardevol hulpmiddel zijn.</p>",
        ),
        (
            "Openbare-orderecht in een online wereld",
            "Geldt de verantwoordelijkheid van de burgemeester voor de openbare orde ook in het online domein?",
            "<p>In beide gespreksrondes bleek dat er geen eenduidig antwoord op deze vraag is. Wel was er brede overeenstemming dat online ontwikkelingen invloed hebben op de fysieke wereld en dat dit ook een rol voor de burgemeester meebrengt. Over de invulling van die rol, en of daar aanvullende bevoegdheden voor nodig zijn, liepen de meningen uiteen. Bestaat er wel zoiets als een 'online openbare orde'? En als het online domein onbegrensd is, past handhaving daarvan dan bij de burgemeester?</p><p>Over extra bevoegdheden om op te treden tegen online uitingen waren de meningen verdeeld. Sommigen vonden dat er onvoldoende expertise is om te beoordelen welke online signalen tot fysieke ordeverstoringen kunnen leiden. Ook praktische vragen kwamen op: hoe controleert een burgemeester of een verboden uiting niet opnieuw verschijnt, eventueel geplaatst door anderen?</p><p>Er leeft de zorg dat zulke bevoegdheden het wantrouwen in de overheid vergroten of uitingen verplaatsen naar minder zichtbare netwerken, zoals besloten appgroepen. In de tweede ronde werd benoemd dat de burgemeester ook een rol heeft in het beschermen van inwoners die online worden lastiggevallen.</p>",
        ),
        (
            "Handelingsperspectief",
            "Hoe versterken we het handelingsperspectief van burgemeesters bij online aangejaagde openbare-ordeverstoringen?",
            "<p>Bewustwording binnen de eigen organisatie is een belangrijke eerste stap. Zie online en offline niet als gescheiden werelden. Intern moet duidelijk zijn wie over welke informatie beschikt en op welk moment welke interventies mogelijk zijn.</p><p>Het fenomeen komt in verschillende vormen voor. Er bestaan dus geen standaardinterventies: wat in de ene situatie werkt, kan in een andere minder effectief zijn. Een sterke informatiepositie en een goede uitwisseling van informatie helpen om per situatie de passende aanpak te bepalen.</p><p>Het handelingsperspectief omvat meer dan juridische maatregelen. Ook niet-juridische interventies, zoals communicatie, kunnen effectief zijn. Het (laten) verwijderen van berichten kan wel het vertrouwen van inwoners schaden; blijf als (lokale) overheid in verbinding met de samenleving.</p>",
        ),
    ],
    "conclusion": "<p>Aan alle tafels kwam naar voren dat er behoefte is aan meer bewustwording en kennisdeling over online aangejaagde openbare-ordeverstoringen, binnen gemeenten en bij hun partners. We leven in een hybride samenleving waarin online en offline nauw verweven zijn. Meer bewustwording helpt het fenomeen en zijn fasen beter te begrijpen, en biedt kansen om eerder en effectiever met partners samen te werken.</p><p>De rol van de burgemeester werd breed erkend, maar over de invulling ervan bestonden uiteenlopende opvattingen. Sommige deelnemers vinden dat eerst meer inzicht in het fenomeen nodig is. Tot slot: overheden moeten bij hun aanpak ook de verbinding met de samenleving versterken.</p>",
    "further": "<p>De uitkomsten zijn input voor de verdere beleidsvorming door het ministerie van Justitie en Veiligheid. Daarbij worden ook de opbrengsten van de burgerdialoog uit het voorjaar van 2025 betrokken, en het onderzoek dat het WODC in 2025 laat doen naar de aanpak van dit fenomeen in het buitenland.</p>",
    "adviser": "Lienke Hutten",
}

NEWS_INDEX = {
    "slug": "nieuws",
    "title": "Nieuws",
    "intro": (
        "Nieuws over online aangejaagde openbare-ordeverstoringen, maatschappelijke "
        "onrust en veiligheid: bijeenkomsten, onderzoeken, beleid."
    ),
}

# (category, date, title, teaser, tags)
NEWS = [
    (
        "events",
        dt.date(2024, 7, 11),
        "Bestuurlijk rondetafelgesprek online dimensie maatschappelijke onrust levert belangrijke inzichten op",
        "Op 19 juni vond het bestuurlijk rondetafelgesprek over de online dimensie van maatschappelijke onrust plaats in de raadzaal van de gemeente Houten, in aanwezigheid van negen burgemeesters, het hoofd eenheidsleiding van politie en teammanager Beleid & Strategie van het Openbaar Ministerie. Het was een geslaagde bijeenkomst waarbij nieuwe kennis en inzichten zijn opgedaan en gedeeld.",
        ["maatschappelijke onrust", "burgemeester"],
    ),
    (
        "research",
        dt.date(2024, 7, 11),
        "Voorjaarsmeting 2024 Risico- en crisisbarometer (RCB) en trendanalyse Nationale veiligheid 2024 beschikbaar",
        "Ipsos I&O doet periodiek onderzoek naar de beleving van Nederlanders van de nationale veiligheid en het vertrouwen in het optreden van de overheid bij rampen en crises. Inwoners maken zich de meeste zorgen over spanningen tussen bevolkingsgroepen, cyberdreigingen en terrorisme. Ook de trendanalyse nationale veiligheid is verschenen: voor veel dreigingen is de situatie de afgelopen twee jaar slechter geworden.",
        ["nationale veiligheid", "onderzoek"],
    ),
    (
        "events",
        dt.date(2024, 7, 11),
        "Save the date: verdiepende praktijkoefening complexe demonstraties – 22 oktober",
        "Op 22 oktober vindt een verdiepende praktijkoefening over complexe demonstraties plaats. Deze praktijkoefening borduurt voort op de kennissessie complexe demonstraties van 1 februari. Bent u veiligheidsprofessional in Midden-Nederland, heeft u geen save the date ontvangen en wilt u aanwezig zijn?",
        ["demonstraties", "praktijkoefening"],
    ),
    (
        "research",
        dt.date(2024, 6, 18),
        "Geslaagde roadshow online aangejaagde ordeverstoringen",
        "Dinsdag 4 juni organiseerde Bureau RVS met het CCV de roadshow Midden-Nederland over online aangejaagde ordeverstoringen bij de gemeente De Bilt. Meer dan 40 professionals van gemeenten, politie, OM en de ministeries van JenV en BZK vergrootten hun kennis en oefenden met casuïstiek van OAOV.",
        ["oaov", "roadshow"],
    ),
    (
        "events",
        dt.date(2024, 6, 18),
        "11 juli (Utrecht): themabijeenkomst soevereinen/autonomen. Meld je nu aan!",
        "Namens de bestuurlijke werkgroep Maatschappelijke onrust organiseert Bureau RVS op donderdag 11 juli een themabijeenkomst over het fenomeen soevereinen/autonomen, om de kennis van bestuurders, OOV-ambtenaren, politie en OM te vergroten en handvatten te bieden om het fenomeen te herkennen.",
        ["soevereinen", "themabijeenkomst"],
    ),
    (
        "research",
        dt.date(2024, 6, 18),
        "‘Bevorderen, beschermen, bestrijden’ - De Nationale Extremismestrategie 2024-2029",
        "Op 17 mei stuurden de ministers van JenV, BZK en SZW de eerste Nationale Extremismestrategie 2024-2029 naar de Tweede Kamer. Deze kwam tot stand onder coördinatie van de NCTV met meerdere departementen en ketenpartners.",
        ["extremisme", "nctv"],
    ),
    (
        "background",
        dt.date(2024, 5, 23),
        "Jaarcongres sociale veiligheid online, handelingskaders en wat is er aan de hand in de Nederlands-Eritrese gemeenschap?",
        "Op 20 juni vindt het PrOCoM-jaarcongres sociale veiligheid online plaats. Daarnaast publiceerde het Ondersteuningsnetwerk Maatschappelijke onrust een nieuw handelingskader over omgaan met maatschappelijke onrust, en een inkijk in de Nederlands-Eritrese gemeenschap na de rellen in februari.",
        ["handelingskader", "maatschappelijke onrust"],
    ),
    (
        "research",
        dt.date(2024, 5, 23),
        "Fenomeenkaart online aangejaagde ordeverstoringen beschikbaar",
        "Fysieke ordeverstoringen die online beginnen of online worden versterkt: veiligheidsprofessionals en bestuurders krijgen er steeds vaker mee te maken. Er is nog veel onduidelijk, over het fenomeen en over een werkende aanpak. Daarom ontwikkelde Bureau RVS een fenomeenkaart.",
        ["oaov", "fenomeenkaart"],
    ),
    (
        "events",
        dt.date(2024, 5, 23),
        "Schrijf je nu in voor de roadshow ‘Online aangejaagde ordeverstoringen’ op 4 juni!",
        "Weet u hoe te handelen bij (dreigende) online aangejaagde openbare-ordeverstoringen? Tijdens de roadshow in Bilthoven krijgt u inzicht in de mogelijkheden en gaat u aan de slag met een eigen praktijksituatie.",
        ["oaov", "roadshow"],
    ),
    (
        "research",
        dt.date(2024, 4, 22),
        "Fenomeenanalyse soevereinenbeweging in Nederland ‘Met de rug naar de samenleving’ beschikbaar",
        "De grootste urgentie is het beschermen van de democratische rechtsstaat en voorkomen dat mensen in kwetsbare posities en hun kinderen de dupe worden. Dat concluderen AIVD, Nationale Politie en NCTV in hun fenomeenanalyse van de soevereinenbeweging.",
        ["soevereinen", "onderzoek"],
    ),
    (
        "safety-trends",
        dt.date(2024, 4, 22),
        "Sterke daling aantal zedendelicten in Midden-Nederland",
        "In het eerste kwartaal van 2024 stijgt in Midden-Nederland de geregistreerde criminaliteit met 2% ten opzichte van dezelfde periode in 2023. De grootste stijging is er bij zakkenrollen (+49%), de grootste daling bij zedendelicten (-23%).",
        ["criminaliteitscijfers"],
    ),
    (
        "events",
        dt.date(2024, 4, 22),
        "Roadshow online aangejaagde ordeverstoringen 4 juni bij gemeente De Bilt",
        "Met het CCV en Project Online Content Moderatie (PrOCoM) van het ministerie van Justitie en Veiligheid organiseert Bureau RVS op 4 juni een roadshow over online aangejaagde ordeverstoringen, waarin het nieuwe barrièremodel wordt gepresenteerd.",
        ["oaov", "roadshow", "barrièremodel"],
    ),
    (
        "safety-trends",
        dt.date(2024, 3, 14),
        "Geregistreerde criminaliteit stijgt met 2%",
        "In de eerste twee maanden van 2024 stijgt de geregistreerde criminaliteit in Midden-Nederland met 2%. Zakkenrollen stijgt het sterkst (+82%); zedendelicten dalen het meest (-22%).",
        ["criminaliteitscijfers"],
    ),
    (
        "policy",
        dt.date(2024, 3, 14),
        "Oproep aan gemeenten: Blijf Burgernet promoten",
        "‘Stap over op de Burgernetapp’: met die boodschap mailden alle 38 gemeenten in Midden-Nederland de Burgernetdeelnemers. Omdat alle communicatie nu via de app verloopt, is het belangrijk dat gemeenten Burgernet blijven promoten, samen met de basisteams.",
        ["burgernet"],
    ),
    (
        "events",
        dt.date(2024, 3, 14),
        "Save the date: 4 juni roadshow over barrièremodel online aangejaagde ordeverstoringen",
        "Wat kunt u als gemeente wel en niet doen tegen strafbare en onrechtmatige online uitingen die een gevaar opleveren voor de openbare orde? Dit en meer komt aan bod tijdens de roadshow op 4 juni.",
        ["oaov", "roadshow", "barrièremodel"],
    ),
    (
        "research",
        dt.date(2024, 2, 15),
        "Geregistreerde criminaliteit daalt met 5%",
        "In januari 2024 daalt de geregistreerde criminaliteit in Midden-Nederland met 5% ten opzichte van januari 2023. Zakkenrollen stijgt het sterkst (+79%); openlijk geweld daalt het meest (-29%).",
        ["criminaliteitscijfers"],
    ),
    (
        "background",
        dt.date(2024, 2, 15),
        "Bureau RVS verspreidt enquête over fenomeen soevereinen/autonomen",
        "Met Hogeschool Inholland verspreidde Bureau RVS een enquête onder de gemeenten in Midden-Nederland om het fenomeen soevereinen/autonomen in beeld te brengen. Ook is er aandacht voor complexe demonstraties, waarover op 1 februari een kennissessie plaatsvond.",
        ["soevereinen", "demonstraties"],
    ),
    (
        "research",
        dt.date(2024, 1, 22),
        "Jaarverslag Burgernet 2023 is uit: succespercentage 21,7%",
        "In 2023 is Burgernet 11.842 keer ingezet met een succespercentage van 21,7%. De sms- en spraakberichten zijn uitgefaseerd; de deelnemer is nu volledig anoniem via de Burgernetapp, die ruim 400.000 nieuwe downloads kreeg.",
        ["burgernet"],
    ),
    (
        "events",
        dt.date(2024, 1, 22),
        "Meld je nu aan voor de kennissessie complexe demonstraties 1 februari",
        "Op donderdag 1 februari 2024 organiseren Bureau RVS, leden van de ambtelijke werkgroep Maatschappelijke onrust en de politie een kennissessie over complexe demonstraties, om de samenwerking in Midden-Nederland en het handelingsperspectief te versterken.",
        ["demonstraties", "kennissessie"],
    ),
    (
        "safety-trends",
        dt.date(2023, 12, 20),
        "Geregistreerde criminaliteit stijgt met 2% in de eerste elf maanden",
        "In de eerste maanden van 2023 stijgt de geregistreerde criminaliteit in Midden-Nederland met 2% ten opzichte van 2022. Zakkenrollen stijgt het sterkst (+50%); overvallen met geweld dalen het meest (-25%).",
        ["criminaliteitscijfers"],
    ),
]

# (name, role, e-mail, topics). Names from the pages this platform replaces;
# the addresses are made up.
ADVISERS = [
    (
        "Joeri Vig",
        "CCV-adviseur leerkring online openbare orde",
        "joeri.vig@ccv.example",
        "leerkringen, casusbespreking, dwangsom",
    ),
    (
        "Lienke Hutten",
        "CCV-adviseur online aangejaagde ordeverstoringen",
        "lienke.hutten@ccv.example",
        "barrièremodel, interventietool, deskundigenbijeenkomsten",
    ),
]

# (slug, title, intro, body) of the statements the footer links to. Written
# for this platform; an adviser adapts them to the organisation running it.
STATEMENTS = [
    (
        "privacyverklaring",
        "Privacyverklaring",
        "Welke persoonsgegevens Leerkring verwerkt, waarom, hoe lang, en welke rechten u heeft.",
        [
            ("heading", "Uw account"),
            (
                "paragraph",
                "<p>Voor een account vragen wij uw naam, organisatie, functie en werkmailadres. Een adviseur gebruikt die om uw aanvraag te beoordelen; leden zien elkaars naam en organisatie alleen in de besloten onderdelen. Uw gegevens blijven bewaard zolang u een account heeft.</p>",
            ),
            ("heading", "Bijeenkomsten"),
            (
                "paragraph",
                "<p>Schrijft u zich in voor een bijeenkomst, dan bewaren wij uw naam, organisatie, functie, e-mailadres en antwoorden op de vragen bij de inschrijving. Twaalf maanden na de bijeenkomst worden die gegevens gewist; alleen de aantallen blijven over.</p>",
            ),
            ("heading", "Casuïstiek"),
            (
                "paragraph",
                "<p>Een casus die u indient, wordt geanonimiseerd voordat een adviseur hem leest: namen, telefoonnummers, accounts op sociale media, adressen en andere persoonsgegevens worden vervangen. U controleert het resultaat zelf. Uw oorspronkelijke tekst leest alleen u: adviseurs en experts zien de geanonimiseerde tekst en per soort gegeven hoeveel er is vervangen, nooit de oorspronkelijke woorden. Dat geldt ook voor een hulpvraag aan het expertnetwerk. De oorspronkelijke tekst blijft alleen bewaard zolang de casus wordt beoordeeld en wordt gewist bij publicatie of afwijzing; die van een hulpvraag wordt gewist zodra de hulpvraag is gesloten.</p>",
            ),
            ("heading", "Nieuwsbrief"),
            (
                "paragraph",
                "<p>Voor de nieuwsbrief bewaren wij alleen uw e-mailadres (en eventueel uw naam), pas nadat u de aanmelding heeft bevestigd. Elke nieuwsbrief bevat een link om u af te melden; daarna wissen wij uw adres.</p>",
            ),
            ("heading", "Uw rechten"),
            (
                "paragraph",
                "<p>Onder <em>Mijn account</em> downloadt u alle gegevens die het platform over u heeft en verwijdert u uw account. Wat de wet ons verplicht te bewaren, blijft bewaard; de rest wordt gewist. Voor vragen of een klacht kunt u contact opnemen met een adviseur of met de Autoriteit Persoonsgegevens.</p>",
            ),
        ],
    ),
]


# The accessibility statement in the Dutch model's order. Status C is the
# honest one until an independent WCAG-EM evaluation has been done.
ACCESSIBILITY_STATEMENT = {
    "slug": "toegankelijkheidsverklaring",
    "title": "Toegankelijkheidsverklaring",
    "intro": "Leerkring wil voor iedereen bruikbaar zijn, ook voor wie een schermlezer, vergroting of alleen een toetsenbord gebruikt.",
    "organisation": "Leerkring",
    "scope": "De website Leerkring: de openbare pagina's, de besloten pagina's voor leden en de beheeromgeving voor adviseurs. Documenten die adviseurs uploaden en video's van andere platforms vallen eronder zoals beschreven bij de bekende problemen.",
    "status": "C",
    "statement_date": "2026-12-01",
    "evaluated_on": "2026-12-01",
    "evaluation": "Er is nog geen volledig onderzoek gedaan volgens de methode WCAG-EM door een onafhankelijke partij. Het ontwikkelteam toetst de site zelf, bij elke wijziging van de software, tegen de succescriteria van WCAG 2.1 op niveau A en AA.",
    "automated_checks": "axe-core toetst in de browser Chromium elke paginasoort op de succescriteria die automatisch te toetsen zijn: als bezoeker, als lid en als adviseur, met formulieren in hun foutmeldingen, en het geopende menu op een telefoonscherm van 390 pixels breed.\nBrowsertests doorlopen de belangrijkste taken met toetsenbord en muis: een account aanvragen, u inschrijven voor een bijeenkomst, een casus indienen en reageren in een discussie. Een test controleert dat de inhoud op een telefoon binnen de eerste 300 pixels begint.\nHet beleidsboek wordt gemaakt als getagde pdf volgens PDF/UA-1; een test leest de structuur: titel, taal, koppen in volgorde en alternatieve tekst bij elke grafiek.",
    "not_checked": "Automatische toetsen vinden maar een deel van de mogelijke problemen. Niet getoetst zijn: het gebruik met een schermlezer (NVDA, JAWS, VoiceOver) door mensen; de begrijpelijkheid van teksten en foutmeldingen; vergroting tot 400 procent op elke pagina; inhoud die adviseurs zelf plaatsen, zoals alternatieve teksten bij afbeeldingen en documenten die zij uploaden; en de beheeromgeving van Wagtail zelf.",
    "issues": [
        {
            "problem": "Geen onafhankelijk onderzoek",
            "consequence": "Problemen die automatische toetsen niet vinden, kunnen onopgemerkt blijven, vooral bij het gebruik met een schermlezer.",
            "cause": "Het platform is nieuw.",
            "measure": "Een onderzoek volgens WCAG-EM door een onafhankelijke partij laten uitvoeren en de uitkomst hier publiceren.",
            "planned": "2027-06-30",
        },
        {
            "problem": "Video's van andere platforms",
            "consequence": "Ondertiteling en bediening van video's op bijvoorbeeld YouTube hangen af van dat platform.",
            "cause": "",
            "measure": "Bij elke video staat een beschrijving of een uitgeschreven tekst.",
            "planned": None,
        },
        {
            "problem": "Oudere documenten om te downloaden",
            "consequence": "Oudere pdf-bestanden van andere organisaties zijn niet altijd getagd, zodat een schermlezer de opbouw niet kan voorlezen.",
            "cause": "De documenten zijn door andere organisaties gemaakt.",
            "measure": "Op verzoek maken wij een toegankelijke versie.",
            "planned": None,
        },
    ],
    "approved_by": "directeur van de organisatie die Leerkring beheert",
    "contact": "Loopt u tegen een probleem aan? Meld het bij een van de adviseurs; hun gegevens staan op de pagina's van het webdossier. Wij bevestigen uw melding binnen vijf werkdagen en laten u weten wanneer het probleem is opgelost.",
}

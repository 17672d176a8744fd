"""Demo surveys, written from the seeds (the enquête of seed 004 and the
evaluation of the roadshow in De Bilt). Dutch: this is content."""

INDEX = {
    "slug": "vragenlijsten",
    "title": "Vragenlijsten",
    "intro": (
        "Enquêtes onder gemeenten en professionals, en de evaluaties van onze "
        "bijeenkomsten. Uw antwoorden helpen ons het programma af te stemmen "
        "op wat u in de praktijk tegenkomt."
    ),
}

ENQUETE = {
    "slug": "enquete-soevereinen-autonomen-midden-nederland",
    "title": "Enquête soevereinen en autonomen in Midden-Nederland",
    "days_open": 60,
    "intro": (
        "<p>Bureau RVS brengt samen met Hogeschool Inholland het fenomeen "
        "soevereinen/autonomen in beeld. Deze enquête gaat naar alle gemeenten "
        "in Midden-Nederland. Eén antwoord per medewerker; het invullen duurt "
        "ongeveer vijf minuten.</p>"
    ),
    "thank_you_text": (
        "<p>Dank u wel. De uitkomsten bespreken we op de themabijeenkomst over "
        "soevereinen en autonomen, en ze komen in de fenomeenanalyse.</p>"
    ),
    "questions": [
        {
            "label": "Voor welke gemeente werkt u?",
            "field_type": "singleline",
            "required": True,
        },
        {
            "label": (
                "Heeft uw gemeente het afgelopen jaar te maken gehad met "
                "soevereinen of autonomen?"
            ),
            "field_type": "radio",
            "choices": "Ja\nNee\nWeet ik niet",
            "required": True,
        },
        {
            "label": "In welke vorm?",
            "field_type": "checkboxes",
            "choices": (
                "Brieven of ‘aanmaningen’ aan de gemeente\n"
                "Weigeren van belastingen of boetes\n"
                "Verstoren van raadsvergaderingen\n"
                "Eigen ‘documenten’ of kentekens\n"
                "Online oproepen\n"
                "Anders"
            ),
            "required": False,
        },
        {
            "label": "Hoe goed is uw gemeente voorbereid op dit fenomeen?",
            "help_text": "1 is helemaal niet, 5 is goed voorbereid.",
            "field_type": "radio",
            "choices": "1\n2\n3\n4\n5",
            "required": True,
        },
        {
            "label": "Wat heeft u nodig om het fenomeen beter in kaart te brengen?",
            "field_type": "multiline",
            "required": False,
        },
    ],
}

#: The past roadshow gets its evaluation with the default questions, and
#: these answers (rating, most useful, could be better, recommend).
EVALUATED_EVENT = "roadshow-oaov-de-bilt"
EVALUATION_ANSWERS = [
    ("5", "Het oefenen met een eigen praktijksituatie.", "", "Ja"),
    ("4", "Het barrièremodel: waar kunnen we een OAOV onderbreken?", "Meer tijd voor vragen.", "Ja"),
    ("4", "De voorbeelden van strafbare en onrechtmatige uitingen.", "", "Ja"),
    ("5", "Kennismaken met collega's van politie en OM.", "", "Ja"),
    ("3", "", "De zaal was te vol; liever twee kleinere groepen.", "Misschien"),
    ("4", "Het handelingsperspectief bij een noodverordening.", "Hand-outs vooraf sturen.", "Ja"),
    ("5", "De casus uit Bodegraven.", "", "Ja"),
    ("2", "", "Te weinig over de rol van jongerenwerkers.", "Nee"),
    ("4", "De fenomeenkaart.", "", "Ja"),
    ("4", "", "Een vervolgsessie over online monitoring.", "Misschien"),
]  # fmt: skip

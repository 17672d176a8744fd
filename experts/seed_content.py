"""Demo experts of the flying brigade (fictional people, made-up addresses
on example domains)."""

EXPERTS = [
    {
        "email": "sanne.bakker@veiligheidsregio.example",
        "first_name": "Sanne",
        "last_name": "Bakker",
        "organisation": "Veiligheidsregio Midden-Voorbeeld",
        "job_title": "Analist online monitoring",
        "region": "utrecht",
        "expertise": ["online monitoring", "platformcontact"],
        "languages": "Nederlands, Engels",
        "availability": "available",
        "description": (
            "Volgt openbare kanalen op sociale media bij dreigende "
            "verstoringen en weet hoe je platforms snel bereikt voor het "
            "verwijderen van oproepen."
        ),
        "phone": "030-0000000",
        "show_phone": True,
        # Digital cup of coffee: (hour, minutes) on the coming working days.
        "coffee": [(10, 30), (14, 30), (11, 45)],
        "meeting_url": "https://vergaderen.example/sanne-bakker",
    },
    {
        "email": "mr.okafor@advocatuur.example",
        "first_name": "Daniel",
        "last_name": "Okafor",
        "organisation": "Bureau Openbare Orde Recht (fictief)",
        "job_title": "Jurist openbare orde",
        "region": "landelijk",
        "expertise": ["juridisch: dwangsom/gebiedsverbod", "communicatie"],
        "languages": "Nederlands, Engels, Frans",
        "availability": "limited",
        "description": (
            "Adviseert burgemeesters over gebiedsverboden, last onder "
            "dwangsom en noodverordeningen bij online aangejaagde "
            "ordeverstoringen."
        ),
        "phone": "",
        "show_phone": False,
        "coffee": [(9, 15), (16, 30)],
        "meeting_url": "",
    },
    {
        "email": "ilse.demir@jongerenwerk.example",
        "first_name": "Ilse",
        "last_name": "Demir",
        "organisation": "Stichting Jongerenwerk Voorbeeldstad",
        "job_title": "Jongerenwerker",
        "region": "zuid-holland",
        "expertise": ["jongerenwerk", "communicatie"],
        "languages": "Nederlands, Turks",
        "availability": "available",
        "description": (
            "Legt contact met jongeren die online oproepen delen en helpt "
            "bij een aanpak met ouders, school en wijkagent."
        ),
        "phone": "",
        "show_phone": False,
        "coffee": [(13, 30), (15, 15)],
        "meeting_url": "https://vergaderen.example/ilse-demir",
    },
]

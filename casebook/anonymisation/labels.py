"""The kinds of personal data the anonymiser replaces.

A replacement reads ``[LABEL-n]``: the label in Dutch upper case (it is shown
to Dutch readers inside the published text) and ``n`` numbering the distinct
values of that kind within one case, so ``[PERSOON-1]`` is the same person
wherever it appears.
"""

from enum import StrEnum

from django.utils.translation import gettext_lazy as _


class Label(StrEnum):
    #: A person's name: first names, initials, tussenvoegsels, surnames, also
    #: names written in another alphabet.
    PERSON = "PERSOON"
    #: A social-media handle: ``@naam``, or a user name named as such
    #: ("gebruikersnaam jantje_xl", "account 'x.y'").
    HANDLE = "HANDLE"
    #: A phone number: Dutch mobile, landline, +31/0031, or international.
    PHONE = "TELEFOON"
    EMAIL = "EMAIL"
    #: A street with house number ("Kerkstraat 12a", "Neude 11").
    ADDRESS = "ADRES"
    #: A Dutch postcode ("1234 AB").
    POSTCODE = "POSTCODE"
    #: A Dutch licence plate in one of the sidecodes 1-14 ("12-ABC-3").
    PLATE = "KENTEKEN"
    #: A burgerservicenummer: nine digits that pass the 11-proef.
    BSN = "BSN"
    #: An IBAN whose mod-97 checksum holds.
    IBAN = "IBAN"
    #: A date (or year) of birth; dates of events are kept.
    BIRTH_DATE = "GEBOORTEDATUM"
    IP_ADDRESS = "IP-ADRES"
    #: A web address with a path (a profile, a group link, a post), or a
    #: domain that is not a known platform, authority or municipality.
    URL = "URL"
    #: The name of a school ("het Da Vinci College", "OBS De Wilgen").
    SCHOOL = "SCHOOL"
    #: Police registration numbers and case numbers (BVH, parketnummer,
    #: registratienummer, zaaknummer, proces-verbaal, kenmerk).
    CASE_NUMBER = "ZAAKNUMMER"
    #: Other numbers that identify a person: passport, identity card,
    #: driving licence, customer or pupil numbers, IMEI.
    ID_NUMBER = "ID-NUMMER"

    @property
    def description(self) -> str:
        return str(DESCRIPTIONS[self])


DESCRIPTIONS = {
    Label.PERSON: _("name of a person"),
    Label.HANDLE: _("social-media handle"),
    Label.PHONE: _("phone number"),
    Label.EMAIL: _("e-mail address"),
    Label.ADDRESS: _("street address"),
    Label.POSTCODE: _("postcode"),
    Label.PLATE: _("licence plate"),
    Label.BSN: _("citizen service number (BSN)"),
    Label.IBAN: _("bank account (IBAN)"),
    Label.BIRTH_DATE: _("date of birth"),
    Label.IP_ADDRESS: _("IP address"),
    Label.URL: _("web address"),
    Label.SCHOOL: _("school"),
    Label.CASE_NUMBER: _("police or case number"),
    Label.ID_NUMBER: _("identity or customer number"),
}

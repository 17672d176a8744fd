"""The digital cup of coffee (seed 001: "Stuur Dagmar en Lynn een uitnodiging
voor een digitale kop koffie"): hosts offer short time slots, a member books
one, both get a calendar invitation, and cancelling frees the slot.

Hosts are advisers (in a session that passed the second factor) and members
with an expert profile. The models live in ``experts.models``; reads are in
``selectors``, writes in ``services``, the invitation in ``invitations``.
"""

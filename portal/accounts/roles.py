"""The two roles of the platform, as Django groups.

Group names are stable identifiers kept in English; the screen shows
translated labels. A migration creates both groups with their permissions.
"""

MEMBERS_GROUP = "Members"
ADVISERS_GROUP = "Advisers"

REVIEW_PERMISSION = "accounts.review_account_requests"

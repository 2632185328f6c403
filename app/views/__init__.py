"""Blueprints, one per feature, registered by the app factory in this order."""
from app.views import (
    admin, auth, awards, ballots, campaigns, council, decisions, dossier_print, initiative_sheets, initiatives,
    ledger, main, nominations, people, quotas, scoring, units, verify,
)

BLUEPRINTS = [
    auth.bp,
    main.bp,
    units.bp,
    people.bp,
    admin.bp,
    decisions.bp,
    verify.bp,
    dossier_print.bp,
    initiatives.bp,
    initiative_sheets.bp,
    campaigns.bp,
    awards.bp,
    ledger.bp,
    nominations.bp,
    quotas.bp,
    council.bp,
    scoring.bp,
    ballots.bp,
]

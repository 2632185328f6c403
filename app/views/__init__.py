"""Blueprints, one per feature, registered by the app factory in this order."""
from app.views import auth, main
from app.views import admin, people, units  # foundation
from app.views import decisions, verify
from app.views import dossier_print
from app.views import initiatives
from app.views import initiative_sheets
from app.views import campaigns
from app.views import awards, ledger
from app.views import nominations
from app.views import quotas  # nominations: campaign quotas
from app.views import ballots, council, scoring

BLUEPRINTS = [
    auth.bp,
    main.bp,
    units.bp,  # foundation
    people.bp,  # foundation
    admin.bp,  # foundation
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

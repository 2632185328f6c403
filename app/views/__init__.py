"""Blueprints, one per feature, registered by the app factory in this order."""
from app.views import auth, main

BLUEPRINTS = [
    auth.bp,
    main.bp,
]

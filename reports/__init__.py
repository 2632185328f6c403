"""PDF reports for thidua: pure functions from frozen dataclasses to PDF bytes.

Imports nothing from ``app`` or Flask, so it runs the same in a view, a CLI
command or a background worker. See ``reports.data`` for the input records.
"""
from .council import render_nomination_dossier, render_score_summary, render_tally_minutes
from .data import *  # noqa: F401,F403 — the input records are part of the public API
from .env import ForbiddenURLError, url_fetcher
from .formatting import long_date, nfc, place_date
from .keys import RENDERER_VERSION, content_key
from .parallel import DEFAULT_WORKERS, RenderWorkerError, shutdown_pool
from .render import (render_certificates, render_certificates_to, render_commendation_list,
                     render_commendation_list_to, render_decision, render_decision_to)

"""Background jobs run by RQ workers (`make worker`: `rq worker thidua-pdf`)."""

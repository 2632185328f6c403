"""quotas blueprint (campaign quotas, secretariat)."""
from tests.access import only
from tests.access.nominations import _campaign_award


def _quota(f):
    """A new quota per call (the delete case removes it), on a fresh commune."""
    from app.models import CampaignQuota

    campaign, award = _campaign_award(f)
    quota = CampaignQuota(campaign=campaign, award_type=award, unit=f.unit(), max_count=3)
    f.db.session.add(quota)
    f.db.session.flush()
    return {"quota_id": quota.id}


ROUTES = {
    "quotas.index": {"expect": only("admin", "secretariat", "viewer")},
    "quotas.new": {"url_args": lambda f: {"campaign_id": _campaign_award(f)[0].id},
                   "expect": only("admin", "secretariat")},
    "quotas.edit": {"url_args": _quota, "expect": only("admin", "secretariat")},
    "quotas.delete": {"url_args": _quota, "expect": only("admin", "secretariat", ok=302)},
}

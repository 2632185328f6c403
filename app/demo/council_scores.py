"""Deterministic, plausible score sheets for the council demo.

A nominee has a latent quality (the total a fair member would give); each member has a
leniency bias and some noise; the leaf scores share the target in proportion to their
maxima, rounded to quarter points. Everything comes from one seeded Random, so every run
of the demo produces the same sheets.
"""
from __future__ import annotations

import random
from decimal import Decimal

from app.models import CriterionKind
from app.services.scoring import ScoreInput

QUARTER = Decimal("0.25")


def _quarter(x: float, cap: Decimal) -> Decimal:
    value = (Decimal(str(max(x, 0.0))) / QUARTER).to_integral_value() * QUARTER
    return min(value, cap)


def sheet_values(inputs: list[ScoreInput], *, quality: float, bias: float, rng: random.Random,
                 bonus_models: int = 0, top_three: bool = False, late_dossiers: int = 0,
                 knocked_out: bool = False) -> dict[int, Decimal]:
    """{criterion id: value} for one member's sheet aiming at `quality` + bias + noise."""
    target = min(quality + bias + rng.gauss(0, 1.2), 98.0)  # realistic totals stay below 98
    values: dict[int, Decimal] = {}
    bonus = 0.0
    for inp in inputs:
        if inp.kind is CriterionKind.BONUS:
            if inp.node.code == "T2":
                v = inp.node.max_points if top_three else Decimal(0)
            else:  # +2 per recognised model, within the item's maximum
                v = min(Decimal(2 * bonus_models), inp.node.max_points)
            values[inp.node.id] = v
            bonus += float(v)
        elif inp.kind is CriterionKind.PENALTY:
            values[inp.node.id] = Decimal(late_dossiers if inp.node.code == "D1" else 0)
        elif inp.kind is CriterionKind.KNOCKOUT:
            values[inp.node.id] = Decimal(1 if knocked_out else 0)
    scored = [i for i in inputs if i.kind is CriterionKind.SCORED]
    total_max = float(sum(i.node.max_points for i in scored))
    share = min(max(target - bonus, 0.0) / total_max, 1.0)
    for inp in scored:
        mx = float(inp.node.max_points)
        values[inp.node.id] = _quarter(mx * min(share * (1 + rng.gauss(0, 0.04)), 1.0), inp.node.max_points)
    return values


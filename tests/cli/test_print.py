"""`flask print decision|list|certificates --decision NUMBER --out FILE.pdf`."""
from __future__ import annotations

from datetime import date


def test_print_commands(db, runner, make_decision, tmp_path):
    decision = make_decision(issued=True, number=100)
    make_decision(issued=True, number=100, issuer=decision.issuer_unit, decided_on=date(2026, 1, 9))
    db.session.commit()
    ambiguous = runner.invoke(args=["print", "list", "--decision", "100/QĐ-UBND", "--out", str(tmp_path / "a.pdf")])
    assert ambiguous.exit_code != 0 and "--year" in ambiguous.output
    for kind in ("decision", "list", "certificates"):
        out = tmp_path / f"{kind}.pdf"
        result = runner.invoke(args=["print", kind, "--decision", "100/QĐ-UBND", "--year", "2025", "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(b"%PDF") and "100/QĐ-UBND" in result.output

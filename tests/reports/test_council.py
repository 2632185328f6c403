import io
from datetime import date

import pdfplumber

from reports import (EligibilityCheck, InitiativeRecord, NominationDossierData, ScoreRow,
                     ScoreSummaryData, Signer, TallyMinutesData, TallyRow, YearResult,
                     render_nomination_dossier, render_score_summary, render_tally_minutes)

CHAIR = Signer(("CHỦ TỊCH HỘI ĐỒNG",), "Trần Sỹ Thanh")
DAY = date(2025, 1, 8)


def _text(pdf):
    """All text with whitespace collapsed (cells wrap; line breaks are not the point)."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(" ".join(p.extract_text().split()) for p in doc.pages), len(doc.pages)


def test_score_summary():
    data = ScoreSummaryData(
        council="Hội đồng Thi đua - Khen thưởng Thành phố", held_on=DAY,
        title="Xét tặng danh hiệu Chiến sĩ thi đua thành phố năm 2024",
        aggregation="trung bình cắt (bỏ điểm cao nhất và thấp nhất)",
        members=("TV1", "TV2", "TV3", "TV4", "TV5"),
        rows=(ScoreRow("Nghiêm Thị Phương Chi", "UBND xã Tam Hiệp", (92, 88.5, 90, None, 95),
                       90.17, 2.75, 1, "Đề nghị"),
              ScoreRow("Vũ Đức Duy", "Sở Quy hoạch - Kiến trúc", (85, 80, 82.5, 79, 88),
                       82.5, 3.67, 2, "Đề nghị")),
        signers=(CHAIR,), tie_break="điểm tiêu chí 8, rồi số sáng kiến cấp thành phố")
    text, _ = _text(render_score_summary(data))
    for expected in ("BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM", "Nghiêm Thị Phương Chi", "88,5",
                     "90,17", "Độ lệch", "Trang 1/1", "Trần Sỹ Thanh"):
        assert expected in text


def test_tally_minutes():
    data = TallyMinutesData(
        council="Hội đồng Thi đua - Khen thưởng Thành phố",
        subject="Bỏ phiếu kín xét tặng danh hiệu Chiến sĩ thi đua thành phố năm 2024",
        held_on=DAY, venue="Trụ sở UBND Thành phố, 79 Đinh Tiên Hoàng",
        members_total=21, members_present=19, members_absent=2, absent_with_written_opinion=2,
        ballots_issued=21, ballots_received=21, ballots_valid=20, ballots_invalid=1,
        threshold_percent=90, base="tổng số thành viên Hội đồng",
        rows=(TallyRow("Nghiêm Thị Phương Chi", "UBND xã Tam Hiệp", 20, 0, 95.24, True),
              TallyRow("Nguyễn Mạnh Hoạt", "Tổ dân phố số 7, phường Đức Thắng", 17, 3, 80.95, False)),
        committee=(Signer(("Trưởng ban kiểm phiếu",), "Lê Thị Thu Hường"),
                   Signer(("Thành viên",), "Phạm Hồng Hải")),
        conclusion="01 cá nhân đạt tỷ lệ phiếu đồng ý theo quy định.", number="05/BB-HĐTĐKT")
    text, _ = _text(render_tally_minutes(data))
    for expected in ("BIÊN BẢN KIỂM PHIẾU", "Số: 05/BB-HĐTĐKT", "Tổng số thành viên Hội đồng: 21",
                     "2 người có ý kiến bằng văn bản", "số phiếu hợp lệ: 20", "95,24%",
                     "Không đạt", "TRƯỞNG BAN KIỂM PHIẾU", "Lê Thị Thu Hường"):
        assert expected in text


def test_nomination_dossier():
    data = NominationDossierData(
        nominee="Nghiêm Thị Phương Chi", honorific="Bà", is_collective=False,
        detail="Công chức Văn phòng - Thống kê", unit="Ủy ban nhân dân xã Tam Hiệp",
        award="Chiến sĩ thi đua thành phố", campaign="Đẩy mạnh cải cách hành chính 2021-2025",
        memo_number="12/TTr-UBND", memo_date=date(2025, 1, 3),
        achievements=("Tham mưu số hóa hồ sơ hộ tịch và bộ phận một cửa.",),
        years=(YearResult(2022, "HTXSNV", "Chiến sĩ thi đua cơ sở"),
               YearResult(2023, "HTXSNV", "Chiến sĩ thi đua cơ sở"),
               YearResult(2024, "HTXSNV", "Chiến sĩ thi đua cơ sở", "Bằng khen của Chủ tịch UBND TP")),
        initiatives=(InitiativeRecord("Ứng dụng CNTT quản lý", "cấp tỉnh",
                                      "Hội đồng sáng kiến Thành phố", 2024),),
        eligibility=(EligibilityCheck("3 năm liên tục Chiến sĩ thi đua cơ sở", "pass",
                                      "2022, 2023, 2024", "Điều 21 Luật TĐKT 2022"),
                     EligibilityCheck("Sáng kiến phạm vi cấp tỉnh", "needs_evidence",
                                      "Thiếu quyết định công nhận", "Điều 21 Luật TĐKT 2022")))
    text, _ = _text(render_nomination_dossier(data))
    for expected in ("HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG", "Bà Nghiêm Thị Phương Chi", "HTXSNV",
                     "Ứng dụng CNTT quản lý", "Không bị kỷ luật", "Đạt",
                     "Cần bổ sung", "Điều 21 Luật",
                     "Số 12/TTr-UBND ngày 03 tháng 01 năm 2025"):
        assert expected in text

"""Demo catalogue data: award types with three generations of rules, and the CCHC criteria sheets.

Figures marked "(cần kiểm chứng)" could not be checked against the primary legal text
(see /work/shared/DOMAIN.md §3) and are kept as editable rule data.
"""
from __future__ import annotations

from datetime import date

from app.models import AwardCategory as C
from app.models import AwardLevel as L
from app.models import BallotBase, CertificateKind as K, CriterionKind as CK, QuotaPolicy, RuleKind as R
from app.models import SubjectScope as S

CITY_ISSUER = "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"
LAW = "Luật Thi đua, khen thưởng số 06/2022/QH15"
OLD = ("Luật Thi đua, khen thưởng 2003 (sửa đổi 2013); Nghị định 91/2017/NĐ-CP", date(2017, 7, 31), date(2023, 12, 31))
D98 = ("Nghị định 98/2023/NĐ-CP", date(2024, 1, 1), date(2025, 6, 30))
D152 = ("Nghị định 152/2025/NĐ-CP", date(2025, 7, 1), None)
VERIFY = " (cần kiểm chứng)"

# code, name, category, scope, level, authority, issuer line, certificate, secret ballot, cash factor, quota policy
AWARDS = [
    ("LDTT", "Lao động tiên tiến", C.EMULATION_TITLE, S.INDIVIDUAL, L.BASE, "Thủ trưởng cơ quan, đơn vị",
     "", K.GIAY_CHUNG_NHAN, False, "0.3", QuotaPolicy.JUSTIFY),
    ("CSTD_CS", "Chiến sĩ thi đua cơ sở", C.EMULATION_TITLE, S.INDIVIDUAL, L.BASE, "Thủ trưởng cơ quan, đơn vị",
     "", K.CHIEN_SI_THI_DUA, False, "1.0", QuotaPolicy.JUSTIFY),
    ("CSTD_TINH", "Chiến sĩ thi đua thành phố", C.EMULATION_TITLE, S.INDIVIDUAL, L.CITY,
     "Chủ tịch UBND thành phố", CITY_ISSUER, K.CHIEN_SI_THI_DUA, True, "3.0", QuotaPolicy.JUSTIFY),
    ("CSTD_TQ", "Chiến sĩ thi đua toàn quốc", C.EMULATION_TITLE, S.INDIVIDUAL, L.NATIONAL, "Thủ tướng Chính phủ",
     "THỦ TƯỚNG CHÍNH PHỦ", K.CHIEN_SI_THI_DUA, True, "4.5", QuotaPolicy.JUSTIFY),
    ("TTLDTT", "Tập thể lao động tiên tiến", C.EMULATION_TITLE, S.COLLECTIVE, L.BASE, "Thủ trưởng cơ quan, đơn vị",
     "", K.GIAY_CHUNG_NHAN, False, "0.8", QuotaPolicy.JUSTIFY),
    ("TTLDXS", "Tập thể lao động xuất sắc", C.EMULATION_TITLE, S.COLLECTIVE, L.CITY, "Chủ tịch UBND thành phố",
     CITY_ISSUER, K.GIAY_CHUNG_NHAN, False, "1.5", QuotaPolicy.JUSTIFY),
    ("CO_TP", "Cờ thi đua của Ủy ban nhân dân thành phố", C.EMULATION_TITLE, S.COLLECTIVE, L.CITY,
     "Chủ tịch UBND thành phố", CITY_ISSUER, K.CO_THI_DUA, True, "8.0", QuotaPolicy.BLOCK),
    ("GIAY_KHEN", "Giấy khen", C.COMMENDATION, S.BOTH, L.BASE,
     "Thủ trưởng sở, ngành; Chủ tịch UBND xã, phường", "", K.GIAY_KHEN, False, "0.3", QuotaPolicy.JUSTIFY),
    ("BK_TP", "Bằng khen của Chủ tịch UBND thành phố", C.COMMENDATION, S.BOTH, L.CITY, "Chủ tịch UBND thành phố",
     CITY_ISSUER, K.BANG_KHEN, False, "1.0", QuotaPolicy.JUSTIFY),
    ("BK_TTG", "Bằng khen của Thủ tướng Chính phủ", C.COMMENDATION, S.BOTH, L.NATIONAL, "Thủ tướng Chính phủ",
     "THỦ TƯỚNG CHÍNH PHỦ", K.BANG_KHEN, True, "2.5", QuotaPolicy.JUSTIFY),
]


def _gens(kind, params, text, article, *, gens=(OLD, D98, D152), verify=False, overrides=None):  # noqa: ANN001
    """One rule per generation of law; `overrides` maps a generation's decree to changed params."""
    out = []
    for decree, start, end in gens:
        p = dict(params, **(overrides or {}).get(decree, {}))
        basis = f"{article} {LAW}; {decree}" if decree != OLD[0] else f"{decree}"
        out.append((kind, p, text + (VERIFY if verify else ""), basis, start, end))
    return out


RULES = {
    "LDTT": _gens(R.PERFORMANCE_RATING, {"min_rating": "httnv", "years": 1},
                  "Hoàn thành tốt nhiệm vụ trở lên trong năm", "Điều 24")
    + _gens(R.NO_DISCIPLINE, {"min_measure": "khien_trach", "within_years": 1},
            "Không bị kỷ luật trong năm xét tặng", "Điều 24"),
    "CSTD_CS": _gens(R.CONSECUTIVE_TITLE, {"award_code": "LDTT", "years": 1}, "Đạt Lao động tiên tiến năm xét tặng",
                     "Điều 23")
    + _gens(R.PERFORMANCE_RATING, {"min_rating": "htxsnv", "years": 1},
            "Hoàn thành xuất sắc nhiệm vụ trong năm", "Điều 23")
    + _gens(R.INITIATIVE_SCOPE, {"min_scope": "unit", "count": 1, "within_years": 1},
            "Có sáng kiến được công nhận và áp dụng tại cơ quan, đơn vị", "Điều 23")
    + _gens(R.QUOTA_RATIO, {"base_award_code": "LDTT", "max_ratio": 0.15},
            "Số Chiến sĩ thi đua cơ sở không quá 15 % số Lao động tiên tiến của đơn vị", "Điều 23", verify=True),
    "CSTD_TINH": _gens(R.CONSECUTIVE_TITLE, {"award_code": "CSTD_CS", "years": 3},
                       "3 lần liên tục đạt Chiến sĩ thi đua cơ sở", "Điều 22", verify=True)
    + _gens(R.INITIATIVE_SCOPE, {"min_scope": "city", "count": 1, "within_years": 3},
            "Có sáng kiến có phạm vi ảnh hưởng cấp thành phố", "Điều 22"),
    "CSTD_TQ": _gens(R.CONSECUTIVE_TITLE, {"award_code": "CSTD_TINH", "years": 2},
                     "2 lần liên tục đạt Chiến sĩ thi đua thành phố", "Điều 21", verify=True)
    + _gens(R.INITIATIVE_SCOPE, {"min_scope": "national", "count": 1, "within_years": 6},
            "Có sáng kiến có phạm vi ảnh hưởng toàn quốc", "Điều 21"),
    "TTLDTT": _gens(R.MEMBER_SHARE, {"award_code": "LDTT", "min_ratio": 0.5, "strict": True},
                    "Trên 50 % thành viên đạt Lao động tiên tiến", "Điều 28", verify=True)
    + _gens(R.NO_DISCIPLINE, {"min_measure": "canh_cao", "within_years": 1},
            "Không có thành viên bị kỷ luật từ cảnh cáo trở lên", "Điều 28", verify=True),
    "TTLDXS": _gens(R.MEMBER_SHARE, {"award_code": "LDTT", "min_ratio": 0.7},
                    "Từ 70 % thành viên đạt Lao động tiên tiến", "Điều 27", verify=True)
    + _gens(R.MEMBER_SHARE, {"award_code": "CSTD_CS", "min_count": 1},
            "Có cá nhân đạt Chiến sĩ thi đua cơ sở", "Điều 27", verify=True)
    + _gens(R.NO_DISCIPLINE, {"min_measure": "khien_trach", "within_years": 1},
            "Không có thành viên bị kỷ luật", "Điều 27", verify=True),
    "CO_TP": _gens(R.CONSECUTIVE_TITLE, {"award_code": "TTLDXS", "years": 1},
                   "Đạt Tập thể lao động xuất sắc năm xét tặng", "Điều 26", verify=True),
    "BK_TP": _gens(R.PERFORMANCE_RATING, {"min_rating": "htxsnv", "years": 2},
                   "2 năm liên tục hoàn thành xuất sắc nhiệm vụ (khen theo quá trình)", "Điều 74", verify=True)
    + _gens(R.INITIATIVE_SCOPE, {"min_scope": "unit", "count": 2, "within_years": 2},
            "Có 2 sáng kiến được công nhận cấp cơ sở trong 2 năm", "Điều 74", verify=True),
    "BK_TTG": _gens(R.PRIOR_AWARD, {"award_code": "BK_TP", "within_years": 5},
                    "Đã được tặng Bằng khen cấp thành phố", "Điều 71", verify=True)
    + _gens(R.PERFORMANCE_RATING, {"min_rating": "htxsnv", "years": 5},
            "5 năm liên tục hoàn thành xuất sắc nhiệm vụ", "Điều 71", verify=True),
}

BALLOT = {  # code → (threshold, base, quorum): the old 90 % of all members; current figures unconfirmed
    "CSTD_TINH": ("0.9", BallotBase.ALL_MEMBERS, "0.6667"),
    "CSTD_TQ": ("0.9", BallotBase.ALL_MEMBERS, "0.6667"),
    "CO_TP": ("0.9", BallotBase.ALL_MEMBERS, "0.6667"),
    "BK_TTG": ("0.9", BallotBase.ALL_MEMBERS, "0.6667"),
}

COLLECTIVE_SHEET = [
    {"code": "1", "title": "Chỉ đạo, điều hành CCHC", "max_points": 12, "children": [
        {"code": "1.1", "title": "Ban hành kế hoạch CCHC năm đúng hạn", "max_points": 3},
        {"code": "1.2", "title": "Hoàn thành nhiệm vụ trong kế hoạch", "max_points": 4},
        {"code": "1.3", "title": "Tự kiểm tra công tác CCHC", "max_points": 2},
        {"code": "1.4", "title": "Sáng kiến, mô hình mới trong CCHC", "max_points": 3}]},
    {"code": "2", "title": "Thể chế", "max_points": 8,
     "guidance": "Văn bản quy phạm pháp luật ban hành kịp thời, được rà soát; không có văn bản trái pháp luật."},
    {"code": "3", "title": "Cải cách thủ tục hành chính", "max_points": 18, "children": [
        {"code": "3.1", "title": "Công khai thủ tục hành chính đầy đủ, đúng hạn", "max_points": 4},
        {"code": "3.2", "title": "Tỷ lệ hồ sơ giải quyết đúng hạn từ 98 % trở lên", "max_points": 8},
        {"code": "3.3", "title": "Thư xin lỗi với hồ sơ trễ hạn", "max_points": 2},
        {"code": "3.4", "title": "Một cửa, một cửa liên thông", "max_points": 4}]},
    {"code": "4", "title": "Tổ chức bộ máy", "max_points": 8,
     "guidance": "Sắp xếp tổ chức, vị trí việc làm, phân cấp, ủy quyền."},
    {"code": "5", "title": "Chế độ công vụ", "max_points": 10,
     "guidance": "“5 rõ”, kỷ luật, kỷ cương; đánh giá, xếp loại; đào tạo, bồi dưỡng."},
    {"code": "6", "title": "Tài chính công", "max_points": 8, "guidance": "Tự chủ, giải ngân, tiết kiệm."},
    {"code": "7", "title": "Chính quyền số", "max_points": 16,
     "guidance": "Tỷ lệ dịch vụ công trực tuyến toàn trình, chữ ký số, chia sẻ dữ liệu."},
    {"code": "8", "title": "Sự hài lòng của người dân, tổ chức", "max_points": 20,
     "guidance": "Chỉ số SIPAS, hài lòng tại bộ phận một cửa, giải quyết phản ánh, kiến nghị."},
    {"code": "T1", "title": "Mô hình, sáng kiến CCHC được công nhận cấp thành phố hoặc toàn quốc (+2 mỗi mô hình)",
     "max_points": 6, "kind": CK.BONUS},
    {"code": "T2", "title": "Thuộc nhóm 3 đơn vị dẫn đầu Chỉ số CCHC thành phố", "max_points": 4, "kind": CK.BONUS},
    {"code": "D1", "title": "Hồ sơ trễ hạn không có thư xin lỗi", "penalty_points": "0.5", "kind": CK.PENALTY},
    {"code": "D2", "title": "Cán bộ, công chức bị kỷ luật", "penalty_points": 2, "kind": CK.PENALTY},
    {"code": "D3", "title": "Báo cáo CCHC chậm hạn", "penalty_points": 1, "kind": CK.PENALTY},
]

INDIVIDUAL_SHEET = [
    {"code": "1", "title": "Vai trò, nhiệm vụ được giao trong CCHC", "max_points": 25},
    {"code": "2", "title": "Sáng kiến, giải pháp và phạm vi ảnh hưởng", "max_points": 30, "children": [
        {"code": "2.1", "title": "Sáng kiến được công nhận cấp cơ sở", "max_points": 15},
        {"code": "2.2", "title": "Sáng kiến có phạm vi ảnh hưởng cấp thành phố trở lên", "max_points": 15}]},
    {"code": "3", "title": "Kết quả, hiệu quả cụ thể (số liệu, phản hồi của người dân)", "max_points": 35},
    {"code": "4", "title": "Chấp hành kỷ luật, đạo đức công vụ", "max_points": 10},
    {"code": "T1", "title": "Được báo chí, cơ quan cấp trên biểu dương", "max_points": 3, "kind": CK.BONUS},
    {"code": "D1", "title": "Bị phản ánh, kiến nghị đúng về thái độ phục vụ", "penalty_points": 1, "kind": CK.PENALTY},
    {"code": "L1", "title": "Bị kỷ luật trong thời gian xét", "kind": CK.KNOCKOUT},
]

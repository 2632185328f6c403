"""Hà Nội as demo data: the city, its 30 district-level units and departments as they stood
before 1 July 2025, a selection of communes and wards, and an ILLUSTRATIVE model of the July
2025 reform (the merges below are plausible examples, not the official list)."""
from __future__ import annotations

from datetime import date

from app.models import OrgUnitKind as K

REFORM_DAY = date(2025, 7, 1)
REFORM_BASIS = "Minh họa theo Nghị quyết của UBTVQH về sắp xếp đơn vị hành chính cấp xã của Hà Nội năm 2025"

CITY = ("UBND_TP", K.CITY_BODY, "Ủy ban nhân dân thành phố Hà Nội", "UBND thành phố Hà Nội")
CITY_BODIES = [  # code, kind, name, short name, parent code
    ("HD_TDKT_TP", K.SUB_UNIT, "Hội đồng Thi đua - Khen thưởng thành phố Hà Nội", "Hội đồng TĐKT thành phố", "UBND_TP"),
    ("VP_UBND_TP", K.DEPARTMENT, "Văn phòng Ủy ban nhân dân thành phố Hà Nội", "Văn phòng UBND TP", "UBND_TP"),
]

# (name, kind word) — 12 quận, 1 thị xã, 17 huyện; codes as the other loaders expect them.
DISTRICTS = [
    ("Ba Đình", "quận"), ("Hoàn Kiếm", "quận"), ("Tây Hồ", "quận"), ("Long Biên", "quận"), ("Cầu Giấy", "quận"),
    ("Đống Đa", "quận"), ("Hai Bà Trưng", "quận"), ("Hoàng Mai", "quận"), ("Thanh Xuân", "quận"),
    ("Nam Từ Liêm", "quận"), ("Bắc Từ Liêm", "quận"), ("Hà Đông", "quận"), ("Sơn Tây", "thị xã"),
    ("Ba Vì", "huyện"), ("Chương Mỹ", "huyện"), ("Đan Phượng", "huyện"), ("Đông Anh", "huyện"), ("Gia Lâm", "huyện"),
    ("Hoài Đức", "huyện"), ("Mê Linh", "huyện"), ("Mỹ Đức", "huyện"), ("Phú Xuyên", "huyện"), ("Phúc Thọ", "huyện"),
    ("Quốc Oai", "huyện"), ("Sóc Sơn", "huyện"), ("Thạch Thất", "huyện"), ("Thanh Oai", "huyện"),
    ("Thanh Trì", "huyện"), ("Thường Tín", "huyện"), ("Ứng Hòa", "huyện"),
]
SPECIAL_CODES = {"Gia Lâm": "GIA_LAM", "Nam Từ Liêm": "NAM_TU_LIEM", "Hai Bà Trưng": "HAI_BA_TRUNG",
                 "Bắc Từ Liêm": "BAC_TU_LIEM"}
FORMED_2014 = {"Nam Từ Liêm", "Bắc Từ Liêm"}  # split from huyện Từ Liêm on 01/04/2014

DEPARTMENTS = [  # code, name, short name
    ("SO_NOI_VU", "Sở Nội vụ Hà Nội", "Sở Nội vụ"),
    ("CUC_THUE", "Cục Thuế thành phố Hà Nội", "Cục Thuế TP"),
    ("SO_QHKT", "Sở Quy hoạch - Kiến trúc Hà Nội", "Sở Quy hoạch - Kiến trúc"),
    ("SO_TU_PHAP", "Sở Tư pháp Hà Nội", "Sở Tư pháp"),
    ("SO_TTTT", "Sở Thông tin và Truyền thông Hà Nội", "Sở TT&TT"),
    ("SO_KHDT", "Sở Kế hoạch và Đầu tư Hà Nội", "Sở KH&ĐT"),
    ("SO_TNMT", "Sở Tài nguyên và Môi trường Hà Nội", "Sở TN&MT"),
    ("SO_XAY_DUNG", "Sở Xây dựng Hà Nội", "Sở Xây dựng"),
    ("SO_TAI_CHINH", "Sở Tài chính Hà Nội", "Sở Tài chính"),
    ("SO_GDDT", "Sở Giáo dục và Đào tạo Hà Nội", "Sở GD&ĐT"),
    ("SO_Y_TE", "Sở Y tế Hà Nội", "Sở Y tế"),
    ("SO_VHTT", "Sở Văn hóa và Thể thao Hà Nội", "Sở VH&TT"),
    ("SO_LDTBXH", "Sở Lao động - Thương binh và Xã hội Hà Nội", "Sở LĐ-TB&XH"),
    ("SO_NN_PTNT", "Sở Nông nghiệp và Phát triển nông thôn Hà Nội", "Sở NN&PTNT"),
    ("SO_CONG_THUONG", "Sở Công Thương Hà Nội", "Sở Công Thương"),
    ("SO_GTVT", "Sở Giao thông vận tải Hà Nội", "Sở GTVT"),
    ("SO_KHCN", "Sở Khoa học và Công nghệ Hà Nội", "Sở KH&CN"),
    ("SO_DU_LICH", "Sở Du lịch Hà Nội", "Sở Du lịch"),
    ("THANH_TRA_TP", "Thanh tra thành phố Hà Nội", "Thanh tra TP"),
    ("BQL_KCN", "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội", "Ban QL các KCN&CX"),
]
SUB_UNITS = [  # code, name, short name, parent code
    ("BAN_TDKT", "Ban Thi đua - Khen thưởng, Sở Nội vụ Hà Nội", "Ban TĐKT (Sở Nội vụ)", "SO_NOI_VU"),
    ("SO_QHKT_VP", "Văn phòng Sở Quy hoạch - Kiến trúc Hà Nội", "Văn phòng Sở QH-KT", "SO_QHKT"),
    ("CUC_THUE_VP", "Văn phòng Cục Thuế thành phố Hà Nội", "Văn phòng Cục Thuế", "CUC_THUE"),
]
DISTRICT_OFFICES = [  # suffix, name pattern, short pattern — for the three demo districts
    ("VP", "Văn phòng HĐND và UBND {of}", "Văn phòng HĐND-UBND"),
    ("NOI_VU", "Phòng Nội vụ, {full}", "Phòng Nội vụ"),
    ("MOT_CUA", "Bộ phận Tiếp nhận và trả kết quả, {full}", "Bộ phận một cửa"),
]

# Communes and wards: district code → [(code, kind word, name)]
COMMUNES = {
    "GIA_LAM": [("GL_TRAU_QUY", "thị trấn", "Trâu Quỳ"), ("GL_TT_YEN_VIEN", "thị trấn", "Yên Viên")] + [
        (f"GL_{code}", "xã", name) for code, name in [
            ("BAT_TRANG", "Bát Tràng"), ("CO_BI", "Cổ Bi"), ("DUONG_HA", "Dương Hà"), ("DUONG_QUANG", "Dương Quang"),
            ("DUONG_XA", "Dương Xá"), ("DA_TON", "Đa Tốn"), ("DANG_XA", "Đặng Xá"), ("DINH_XUYEN", "Đình Xuyên"),
            ("DONG_DU", "Đông Dư"), ("KIEU_KY", "Kiêu Kỵ"), ("KIM_LAN", "Kim Lan"), ("KIM_SON", "Kim Sơn"),
            ("LE_CHI", "Lệ Chi"), ("NINH_HIEP", "Ninh Hiệp"), ("PHU_SON", "Phú Sơn"), ("PHU_DONG", "Phù Đổng"),
            ("TRUNG_MAU", "Trung Mầu"), ("VAN_DUC", "Văn Đức"), ("YEN_THUONG", "Yên Thường"), ("YEN_VIEN", "Yên Viên")]],
    "NAM_TU_LIEM": [(f"NTL_{c}", "phường", n) for c, n in [
        ("CAU_DIEN", "Cầu Diễn"), ("DAI_MO", "Đại Mỗ"), ("ME_TRI", "Mễ Trì"), ("MY_DINH_1", "Mỹ Đình 1"),
        ("MY_DINH_2", "Mỹ Đình 2"), ("PHU_DO", "Phú Đô"), ("PHUONG_CANH", "Phương Canh"), ("TAY_MO", "Tây Mỗ"),
        ("TRUNG_VAN", "Trung Văn"), ("XUAN_PHUONG", "Xuân Phương")]],
    "HAI_BA_TRUNG": [(f"HBT_{c}", "phường", n) for c, n in [
        ("BACH_DANG", "Bạch Đằng"), ("BACH_KHOA", "Bách Khoa"), ("BACH_MAI", "Bạch Mai"), ("BUI_THI_XUAN", "Bùi Thị Xuân"),
        ("CAU_DEN", "Cầu Dền"), ("DONG_MAC", "Đống Mác"), ("DONG_NHAN", "Đồng Nhân"), ("DONG_TAM", "Đồng Tâm"),
        ("LE_DAI_HANH", "Lê Đại Hành"), ("MINH_KHAI", "Minh Khai"), ("NGUYEN_DU", "Nguyễn Du"),
        ("PHAM_DINH_HO", "Phạm Đình Hổ"), ("PHO_HUE", "Phố Huế"), ("QUYNH_MAI", "Quỳnh Mai"),
        ("THANH_LUONG", "Thanh Lương"), ("THANH_NHAN", "Thanh Nhàn"), ("TRUONG_DINH", "Trương Định"),
        ("VINH_TUY", "Vĩnh Tuy")]],
    "Q_THANH_TRI": [("XA_TAM_HIEP", "xã", "Tam Hiệp"), ("TT_VAN_DIEN", "thị trấn", "Văn Điển"),
                    ("XA_NGU_HIEP", "xã", "Ngũ Hiệp"), ("XA_TA_THANH_OAI", "xã", "Tả Thanh Oai")],
    "BAC_TU_LIEM": [("P_DUC_THANG", "phường", "Đức Thắng"), ("P_CO_NHUE_1", "phường", "Cổ Nhuế 1"),
                    ("P_DONG_NGAC", "phường", "Đông Ngạc"), ("P_THUY_PHUONG", "phường", "Thụy Phương")],
    "Q_BA_DINH": [("P_DIEN_BIEN", "phường", "Điện Biên"), ("P_KIM_MA", "phường", "Kim Mã")],
    "Q_HOAN_KIEM": [("P_HANG_BAC", "phường", "Hàng Bạc"), ("P_TRANG_TIEN", "phường", "Tràng Tiền")],
    "Q_DONG_ANH": [("XA_UY_NO", "xã", "Uy Nỗ"), ("XA_CO_LOA", "xã", "Cổ Loa")],
}
HAMLETS = [("TDP7_DUC_THANG", "Tổ dân phố số 7, phường Đức Thắng", "Tổ dân phố số 7", "P_DUC_THANG")]

# ILLUSTRATIVE July 2025 merges: new code, kind word, name, predecessor codes.
REFORM = [
    ("XA_GIA_LAM", "xã", "Gia Lâm", ["GL_CO_BI", "GL_DUONG_QUANG", "GL_DANG_XA", "GL_PHU_SON"]),
    ("XA_BAT_TRANG", "xã", "Bát Tràng", ["GL_BAT_TRANG", "GL_KIM_LAN", "GL_VAN_DUC", "GL_DA_TON"]),
    ("XA_THUAN_AN", "xã", "Thuận An", ["GL_TT_YEN_VIEN", "GL_YEN_VIEN", "GL_YEN_THUONG", "GL_DINH_XUYEN",
                                         "GL_DUONG_HA"]),
    ("XA_PHU_DONG", "xã", "Phù Đổng", ["GL_PHU_DONG", "GL_TRUNG_MAU", "GL_NINH_HIEP", "GL_LE_CHI"]),
    ("P_HAI_BA_TRUNG", "phường", "Hai Bà Trưng", ["HBT_LE_DAI_HANH", "HBT_NGUYEN_DU", "HBT_PHAM_DINH_HO",
                                                 "HBT_DONG_NHAN", "HBT_PHO_HUE", "HBT_BACH_DANG"]),
    ("P_BACH_MAI", "phường", "Bạch Mai", ["HBT_BACH_MAI", "HBT_BACH_KHOA", "HBT_QUYNH_MAI", "HBT_DONG_TAM"]),
    ("P_TU_LIEM", "phường", "Từ Liêm", ["NTL_MY_DINH_1", "NTL_MY_DINH_2", "NTL_ME_TRI", "NTL_PHU_DO"]),
    ("P_DONG_NGAC_MOI", "phường", "Đông Ngạc", ["P_DUC_THANG", "P_DONG_NGAC", "P_THUY_PHUONG"]),
    ("XA_THANH_TRI", "xã", "Thanh Trì", ["XA_TAM_HIEP", "TT_VAN_DIEN", "XA_NGU_HIEP", "XA_TA_THANH_OAI"]),
]

BLOCKS = [  # code, name, member codes (2024), leader code
    ("KHOI_QUAN", "Cụm thi đua các quận", None, "HAI_BA_TRUNG"),
    ("KHOI_HUYEN", "Cụm thi đua các huyện, thị xã", None, "GIA_LAM"),
    ("KHOI_KINH_TE", "Khối thi đua các sở, ngành kinh tế",
     ["CUC_THUE", "SO_KHDT", "SO_TAI_CHINH", "SO_CONG_THUONG", "SO_DU_LICH", "BQL_KCN"], "CUC_THUE"),
    ("KHOI_DO_THI", "Khối thi đua các sở, ngành quản lý đô thị",
     ["SO_QHKT", "SO_XAY_DUNG", "SO_GTVT", "SO_TNMT", "SO_NN_PTNT"], "SO_QHKT"),
    ("KHOI_VAN_XA", "Khối thi đua các sở, ngành văn hóa - xã hội",
     ["SO_GDDT", "SO_Y_TE", "SO_VHTT", "SO_LDTBXH", "SO_TTTT", "SO_KHCN"], "SO_GDDT"),
    ("KHOI_NOI_CHINH", "Khối thi đua các cơ quan nội chính, tổng hợp",
     ["SO_NOI_VU", "SO_TU_PHAP", "THANH_TRA_TP", "VP_UBND_TP"], "SO_NOI_VU"),
]

# People named in the seed article (kinhtedothi.vn) and in DOMAIN.md: full name → details.
NAMED_PEOPLE = [  # full name, female?, birth year, position, unit code
    ("Nghiêm Thị Phương Chi", True, 1984, "Công chức Văn phòng - Thống kê xã Tam Hiệp", "XA_TAM_HIEP"),
    ("Vũ Đức Duy", False, 1988, "Chuyên viên bộ phận một cửa, Văn phòng Sở", "SO_QHKT"),
    ("Nguyễn Mạnh Hoạt", False, 1962, "Tổ trưởng tổ dân phố số 7, phường Đức Thắng", "P_DUC_THANG"),
    ("Nguyễn Diên Thành", False, 1972, "Chánh Văn phòng Ban Thi đua - Khen thưởng thành phố", "BAN_TDKT"),
    ("Phạm Hồng Hải", False, 1978, "Phó Chánh Văn phòng HĐND và UBND huyện Gia Lâm", "GIA_LAM_VP"),
    ("Nguyễn Thị Thu Hường", True, 1980, "Phó Chánh Văn phòng HĐND và UBND quận Hai Bà Trưng", "HAI_BA_TRUNG_VP"),
]

FAMILY = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Võ", "Đặng",
          "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Tạ", "Nghiêm", "Kiều", "Khúc", "Lương",
          "Mai", "Cao", "Chu", "Quách", "Tô"]
MIDDLE_MALE = ["Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Mạnh", "Công", "Tuấn", "Ngọc", "Việt"]
MIDDLE_FEMALE = ["Thị", "Thị Thu", "Thị Thanh", "Thu", "Ngọc", "Phương", "Hồng", "Minh", "Thị Hồng", "Thùy", "Khánh"]
GIVEN_MALE = ["An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Giang", "Hải", "Hiếu", "Hòa", "Hoàng", "Hùng",
              "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Mạnh", "Minh", "Nam", "Nghĩa", "Phong", "Phúc",
              "Quân", "Quyết", "Sơn", "Tâm", "Thắng", "Thành", "Toàn", "Trung", "Tú", "Tuấn", "Việt", "Vinh"]
GIVEN_FEMALE = ["Anh", "Ánh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Huyền",
                "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Ngọc", "Nhung", "Oanh",
                "Phương", "Quỳnh", "Tâm", "Thảo", "Thủy", "Trang", "Uyên", "Vân", "Yến", "Ước"]
POSITIONS = {
    "district": ["Chủ tịch UBND", "Phó Chủ tịch UBND", "Chánh Văn phòng HĐND và UBND", "Trưởng phòng Nội vụ",
                 "Phó Trưởng phòng Nội vụ", "Chuyên viên Phòng Nội vụ", "Chuyên viên Văn phòng HĐND và UBND"],
    "commune": ["Chủ tịch UBND", "Phó Chủ tịch UBND", "Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch",
                "Công chức Địa chính - Xây dựng", "Công chức Tài chính - Kế toán", "Công chức Văn hóa - Xã hội"],
    "department": ["Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Trưởng phòng", "Phó Trưởng phòng",
                   "Chuyên viên", "Chuyên viên chính", "Chuyên viên bộ phận một cửa"],
    "sub_unit": ["Trưởng bộ phận", "Công chức bộ phận một cửa", "Chuyên viên", "Chuyên viên chính"],
}

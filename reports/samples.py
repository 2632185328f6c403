"""Deterministic synthetic Vietnamese records for previews, tests and benchmarks."""
from __future__ import annotations

import random
from datetime import date

from .data import (CertificateData, CommendationListData, DecisionData, ListGroup,
                   ListRow, Signer)

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
            "Dương", "Nghiêm", "Phùng", "Lương", "Trịnh")
MIDDLE = ("Thị", "Văn", "Đức", "Hữu", "Minh", "Thu", "Quốc", "Ngọc", "Phương", "Thanh")
GIVEN = ("Chi", "Duy", "Hoạt", "Hường", "Hải", "Phượng", "Tuấn", "Yến", "Ánh", "Thắng",
         "Long", "Nguyệt", "Hạnh", "Khuê", "Lộc", "Ước", "Thủy", "Sơn")
POSITIONS = ("Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng",
             "Công chức Văn phòng - Thống kê", "Kế toán viên", "Phó Chánh Văn phòng")
UNITS = ("Sở Nội vụ", "Sở Quy hoạch - Kiến trúc", "Cục Thuế thành phố",
         "Ủy ban nhân dân quận Nam Từ Liêm", "Ủy ban nhân dân huyện Gia Lâm",
         "Ủy ban nhân dân quận Hai Bà Trưng", "Ủy ban nhân dân xã Tam Hiệp",
         "Ủy ban nhân dân phường Đức Thắng", "Sở Tư pháp", "Sở Thông tin và Truyền thông")
DEPARTMENTS = ("Phòng Tổ chức - Hành chính", "Bộ phận Một cửa", "Văn phòng HĐND và UBND",
               "Phòng Cải cách hành chính", "Phòng Tư pháp")
CAMPAIGN = ("phong trào thi đua “Đẩy mạnh cải cách hành chính trên địa bàn thành phố "
            "Hà Nội giai đoạn 2021-2025”")
SIGNER = Signer(("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"), "Hà Minh Hải")
DECISION_NUMBER = "100/QĐ-UBND"
DECISION_DATE = date(2025, 2, 5)


def person(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def commendation_list(collectives: int = 77, individuals: int = 31, *, group_size: int = 12,
                      seed: int = 1) -> CommendationListData:
    """An annex with the requested row counts, grouped by proposing unit."""
    rng = random.Random(seed)

    def groups(n: int, make) -> tuple[ListGroup, ...]:
        out, k = [], 0
        while k < n:
            size = min(n - k, rng.randint(max(1, group_size // 2), group_size * 3 // 2))
            unit = f"{UNITS[len(out) % len(UNITS)]} ({len(out) + 1})"
            out.append(ListGroup(unit, tuple(make(unit, k + i) for i in range(size))))
            k += size
        return tuple(out)

    def collective(unit: str, i: int) -> ListRow:
        dept = DEPARTMENTS[i % len(DEPARTMENTS)]
        return ListRow(f"{dept}, {unit.rsplit(' (', 1)[0]}", "", "")

    def individual(unit: str, i: int) -> ListRow:
        name = "Nghiêm Thị Phương Chi" if i == 0 else person(rng)
        detail = f"{rng.choice(POSITIONS)}, {rng.choice(DEPARTMENTS)}, {unit.rsplit(' (', 1)[0]}"
        if i % 7 == 3:  # some rows wrap over two lines, as real ones do
            detail += ", thành phố Hà Nội (nay là đơn vị hành chính sau sắp xếp năm 2025)"
        return ListRow(name, detail, "")

    return CommendationListData(
        title=("DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG BẰNG KHEN CỦA CHỦ TỊCH "
               "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI"),
        subtitle=f"Đã có thành tích xuất sắc trong {CAMPAIGN}",
        decision_number=DECISION_NUMBER, decision_date=DECISION_DATE,
        collectives=groups(collectives, collective), individuals=groups(individuals, individual))


def decision(annex: CommendationListData | None = None) -> DecisionData:
    """A decision awarding Bằng khen, optionally with its annex."""
    total = "77 tập thể và 31 cá nhân"
    if annex is not None:
        nc = sum(len(g.rows) for g in annex.collectives)
        ni = sum(len(g.rows) for g in annex.individuals)
        total = f"{nc} tập thể và {ni} cá nhân"
    return DecisionData(
        number=DECISION_NUMBER, issued_on=DECISION_DATE,
        subject=("Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho các tập "
                 "thể, cá nhân đã có thành tích xuất sắc trong phong trào thi đua “Đẩy mạnh "
                 "cải cách hành chính trên địa bàn thành phố Hà Nội giai đoạn 2021-2025”"),
        legal_bases=(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa "
            "đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
            "địa phương ngày 22 tháng 11 năm 2019;",
            "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
            "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy "
            "định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng;",
            "Căn cứ Quyết định số 32/2024/QĐ-UBND ngày 17 tháng 5 năm 2024 của Ủy ban nhân dân "
            "Thành phố ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn thành phố "
            "Hà Nội;",
            "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 25/TTr-SNV ngày 20 tháng 01 năm 2025.",
        ),
        articles=(
            f"Tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho {total} (có danh sách "
            f"kèm theo) đã có thành tích xuất sắc trong {CAMPAIGN}.",
            "Quyết định này có hiệu lực thi hành kể từ ngày ký.",
            "Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Sở Nội vụ, Trưởng Ban Thi "
            "đua - Khen thưởng Thành phố, Thủ trưởng các cơ quan, đơn vị có liên quan và các "
            "tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này.",
        ),
        signer=SIGNER,
        recipients=("Như Điều 3;", "Chủ tịch UBND Thành phố (để báo cáo);",
                    "Ban Thi đua - Khen thưởng TP;", "Lưu: VT, NC."),
        annex=annex)


def certificates(n: int, *, seed: int = 2) -> tuple[CertificateData, ...]:
    """``n`` Bằng khen for individuals and collectives."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        collective = i % 5 == 4
        unit = rng.choice(UNITS)
        out.append(CertificateData(
            title="Bằng khen",
            recipient_name=(f"{rng.choice(DEPARTMENTS)}, {unit}" if collective
                            else "Nghiêm Thị Phương Chi" if i == 0 else person(rng)),
            honorific="" if collective else rng.choice(("Ông", "Bà")) if i else "Bà",
            detail="" if collective else f"{rng.choice(POSITIONS)}, {unit}",
            achievement=f"Đã có thành tích xuất sắc trong {CAMPAIGN}.",
            decision_number=DECISION_NUMBER, decision_date=DECISION_DATE,
            golden_book_number=f"{i + 1:04d}/2025", signed_on=DECISION_DATE, signer=SIGNER,
            verification_url=f"https://thidua.hanoi.gov.vn/xac-thuc/2025-{i + 1:05d}-{rng.getrandbits(32):08x}",
        ))
    return tuple(out)

"""Demo nominations: the CCHC 2021–2025 summing-up (tổng kết), ≥ 130 dossiers in every early state.

85 collective and 35 individual BK_TP nominations are left IN_SCORING (appraised eligible,
full timeline) for the council demo; the rest show every other pre-council state, several in
the units of the demo accounts gialam, namtuliem and haibatrung. Idempotent.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import func, select

from app.demo.foundation import named_person
from app.extensions import db
from app.models import (
    AwardRecord, AwardType, Campaign, Gender, Nomination, NominationStatus as S, OrgUnit, OrgUnitKind, Person,
    SubjectType, User,
)
from app.models.text import fold
from app.services.nomination_workflow import replay_history

DISTRICTS = ["Ba Đình", "Hoàn Kiếm", "Tây Hồ", "Long Biên", "Cầu Giấy", "Đống Đa", "Thanh Xuân", "Hoàng Mai",
             "Bắc Từ Liêm", "Hà Đông", "Sơn Tây", "Ba Vì", "Chương Mỹ", "Đan Phượng", "Đông Anh", "Hoài Đức",
             "Mê Linh", "Mỹ Đức", "Phú Xuyên", "Phúc Thọ", "Quốc Oai", "Sóc Sơn", "Thạch Thất", "Thanh Oai",
             "Thanh Trì", "Thường Tín", "Ứng Hòa"]
DEPARTMENTS = [("CUC_THUE", "Cục Thuế thành phố Hà Nội", "Cục Thuế TP"),
               ("SO_QHKT", "Sở Quy hoạch - Kiến trúc Hà Nội", "Sở Quy hoạch - Kiến trúc"),
               ("SO_NOI_VU", "Sở Nội vụ Hà Nội", "Sở Nội vụ"),
               ("SO_TU_PHAP", "Sở Tư pháp Hà Nội", "Sở Tư pháp"),
               ("SO_TTTT", "Sở Thông tin và Truyền thông Hà Nội", "Sở TT&TT"),
               ("SO_KHDT", "Sở Kế hoạch và Đầu tư Hà Nội", "Sở KH&ĐT"),
               ("SO_TNMT", "Sở Tài nguyên và Môi trường Hà Nội", "Sở TN&MT"),
               ("SO_XAY_DUNG", "Sở Xây dựng Hà Nội", "Sở Xây dựng")]
SUMMARIES = {
    "CUC_THUE": "Triển khai thí điểm đề án Văn phòng điện tử Cục Thuế, mở rộng kê khai thuế qua mạng internet "
                "và Đề án nộp thuế điện tử.",
    "NAM_TU_LIEM": "Mô hình “Chính quyền, công sở thân thiện”, nét văn hóa “Nụ cười công sở”, “4 thư” trong "
                   "giải quyết thủ tục hành chính.",
    "GIA_LAM": "Mô hình “Ngày thứ Ba không viết, không giấy hẹn” tại bộ phận một cửa huyện và 22 xã, thị trấn từ "
               "09/2022: 28 TTHC cấp huyện và 9 TTHC cấp xã trả kết quả trong 2 giờ làm việc; trên 20.000 hồ sơ "
               "mỗi năm, trung bình 1.700 hồ sơ/tháng.",
    "HAI_BA_TRUNG": "Mô hình “Ngày thứ Tư tốc ký”, “Một hồ sơ - Ba kết quả”; hoàn thành số hóa dữ liệu hộ tịch "
                    "1956–2023 và kết quả giải quyết TTHC còn hiệu lực.",
}
GENERIC = ("Hoàn thành xuất sắc nhiệm vụ cải cách hành chính giai đoạn 2021–2025: tỷ lệ hồ sơ giải quyết đúng hạn "
           "trên 98 %, 100 % hồ sơ trễ hạn có thư xin lỗi, dịch vụ công trực tuyến toàn trình tăng qua từng năm.")
NAMED_PEOPLE = [
    ("Vũ Đức Duy", Gender.MALE, 1988, "Chuyên viên bộ phận một cửa, Văn phòng Sở", "SO_QHKT",
     "Lập phiếu hướng dẫn để tổ chức, công dân dễ lập hồ sơ TTHC; rút gọn thành phần hồ sơ cấp giấy phép quy "
     "hoạch; tự động thông báo kết quả TTHC bằng tin nhắn và email."),
    ("Nguyễn Mạnh Hoạt", Gender.MALE, 1962, "Tổ trưởng tổ dân phố số 7, phường Đức Thắng", "BAC_TU_LIEM",
     "Sáng kiến “Ứng dụng CNTT vào quản lý dân cư” tại tổ dân phố số 7, phường Đức Thắng."),
]
GIVEN = ["An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Lan", "Linh", "Long",
         "Mai", "Minh", "Nam", "Nga", "Phong", "Phương", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn",
         "Vân", "Việt", "Yến", "Khánh", "Đức", "Thủy"]
FAMILY = ["Nguyễn Văn", "Trần Thị", "Lê Văn", "Phạm Thị", "Hoàng Văn", "Vũ Thị", "Đỗ Văn", "Bùi Thị", "Đặng Văn"]
T0 = datetime(2025, 9, 15, 8, 0, tzinfo=timezone.utc)


def _unit(code: str, name: str, short: str, kind: OrgUnitKind, parent: OrgUnit | None) -> OrgUnit:
    unit = db.session.scalar(select(OrgUnit).where(OrgUnit.code == code))
    if unit is None:
        unit = OrgUnit(code=code, kind=kind, name=name, short_name=short, parent=parent)
        db.session.add(unit)
        db.session.flush()
    return unit


def _person(name: str, gender: Gender, birth: int, position: str, unit: OrgUnit) -> Person:
    person = db.session.scalar(select(Person).where(Person.search_name == fold(name), Person.unit_id == unit.id))
    if person is None:
        person = Person(full_name=name, gender=gender, birth_year=birth, position=position, unit=unit)
        db.session.add(person)
        db.session.flush()
    return person


def _campaign() -> Campaign | None:
    for c in db.session.scalars(select(Campaign).order_by(Campaign.id)):
        if "CCHC" in c.code.upper() or "cai cach hanh chinh" in fold(c.name):
            return c
    return None


class _Loader:
    def __init__(self, campaign: Campaign, awards: dict[str, AwardType]) -> None:
        self.campaign, self.awards, self.created, self.n = campaign, awards, 0, 0
        self.users = {u.username: u for u in db.session.scalars(select(User))}

    def add(self, status: S, award_code: str, *, nominating: OrgUnit, person: Person | None = None,
            unit: OrgUnit | None = None, summary: str = GENERIC, reasons: dict[S, str] | None = None,
            officer: str | None = None) -> Nomination | None:
        award = self.awards[award_code]
        column, target = (Nomination.person_id, person.id) if person else (Nomination.unit_id, unit.id)  # type: ignore[union-attr]
        self.n += 1
        if db.session.scalar(select(Nomination.id).where(
                Nomination.campaign_id == self.campaign.id, Nomination.award_type_id == award.id, column == target)):
            return None
        memo = f"{100 + self.n}/TTr-{nominating.code.replace('_', '')}"
        nomination = Nomination(
            campaign=self.campaign, award_type=award, nominating_unit=nominating, person=person,
            unit=None if person else unit, subject_type=SubjectType.INDIVIDUAL if person else SubjectType.COLLECTIVE,
            year=2025, memo_number=memo, memo_date=date(2025, 9, 10), summary=summary,
            results_by_year=[{"year": y, "text": "Hoàn thành xuất sắc nhiệm vụ; chỉ số CCHC xếp loại Tốt."}
                             for y in (2023, 2024, 2025)],
            declared_ratings={str(y): "htxsnv" for y in (2023, 2024, 2025)},
            created_by=self.users.get(officer or ""))
        db.session.add(nomination)
        submitted = f"Tờ trình số {memo} ngày 10/09/2025 của {nominating.short_name}."
        replay_history(nomination, status, unit_user=self.users.get(officer or ""),
                       secretariat_user=self.users.get("thuky"), start_at=T0 + timedelta(minutes=7 * self.n),
                       reasons={S.SUBMITTED: submitted, **(reasons or {})})
        self.created += 1
        return nomination


def _two_year_holder(awards: dict[str, AwardType], home: OrgUnit) -> Person:
    """A person whose ledger holds CSTĐ cơ sở for only two consecutive years (the catalogue demo
    usually provides one; otherwise one is made here)."""
    cs = awards["CSTD_CS"]
    rows = db.session.execute(select(AwardRecord.person_id, func.count(), func.max(AwardRecord.year))
                              .where(AwardRecord.award_type_id == cs.id, AwardRecord.person_id.is_not(None))
                              .group_by(AwardRecord.person_id)).all()
    for pid, count, last in rows:
        if count == 2:
            return db.session.get(Person, pid)  # type: ignore[return-value]
    person = _person("Trần Thị Minh Thư", Gender.FEMALE, 1985, "Chuyên viên Văn phòng HĐND và UBND huyện", home)
    for year in (2024, 2025):
        db.session.add(AwardRecord(person=person, award_type=cs, year=year, decision_number=f"{year - 1990}/QĐ-UBND",
                                   issuer="Chủ tịch UBND huyện Gia Lâm"))
    db.session.flush()
    return person


def load() -> list[str]:
    campaign = _campaign()
    awards = {a.code: a for a in db.session.scalars(select(AwardType))}
    if campaign is None or not {"BK_TP", "CSTD_TINH", "CSTD_CS"} <= awards.keys():
        return ["Đề nghị mẫu: bỏ qua (chưa có phong trào CCHC hoặc danh mục hình thức)."]
    city = _unit("UBND_TP", "Ủy ban nhân dân thành phố Hà Nội", "UBND thành phố Hà Nội", OrgUnitKind.CITY_BODY, None)
    gia_lam, ntl, hbt = (_unit(c, "", "", OrgUnitKind.DISTRICT, city) for c in ("GIA_LAM", "NAM_TU_LIEM", "HAI_BA_TRUNG"))
    districts = [gia_lam, ntl, hbt] + [
        _unit("Q_" + fold(d).upper().replace(" ", "_") if d != "Bắc Từ Liêm" else "BAC_TU_LIEM",
              f"Ủy ban nhân dân {'quận' if i < 10 else 'huyện'} {d}", f"{'Quận' if i < 10 else 'Huyện'} {d}",
              OrgUnitKind.DISTRICT, city) for i, d in enumerate(DISTRICTS)]
    depts = [_unit(code, name, short, OrgUnitKind.DEPARTMENT, city) for code, name, short in DEPARTMENTS]
    loader = _Loader(campaign, awards)
    account = {gia_lam.id: "gialam", ntl.id: "namtuliem", hbt.id: "haibatrung"}

    # 85 collectives: the bodies themselves, then their one-stop desks and home-affairs offices.
    bodies = depts + districts
    collectives: list[tuple[OrgUnit, OrgUnit]] = [(b, b) for b in bodies]
    for b in districts:
        collectives.append((_unit(f"{b.code}_MOT_CUA", f"Bộ phận Tiếp nhận và trả kết quả, {b.name}",
                                  f"Bộ phận một cửa {b.short_name}", OrgUnitKind.SUB_UNIT, b), b))
    for b in districts:
        collectives.append((_unit(f"{b.code}_NOI_VU", f"Phòng Nội vụ, {b.name}",
                                  f"Phòng Nội vụ {b.short_name}", OrgUnitKind.SUB_UNIT, b), b))
    for unit, nominating in collectives[:85]:
        loader.add(S.IN_SCORING, "BK_TP", nominating=nominating, unit=unit,
                   summary=SUMMARIES.get(unit.code, GENERIC), officer=account.get(nominating.id))

    # 35 individuals: the two named in the article, then officials of one-stop desks across the city.
    people = []
    by_code = {u.code: u for u in bodies}
    for name, gender, birth, position, code, summary in NAMED_PEOPLE:
        # The foundation demo already holds the article's people (in their wards, not districts).
        people.append((named_person(name) or _person(name, gender, birth, position, by_code[code]), summary))
    for i in range(33):
        body = bodies[(i * 7) % len(bodies)]
        female = i % 2 == 1
        family = FAMILY[i % len(FAMILY)].replace("Văn", "Thị") if female else FAMILY[i % len(FAMILY)].replace("Thị", "Văn")
        name = f"{family} {GIVEN[i % len(GIVEN)]}"
        people.append((_person(name, Gender.FEMALE if female else Gender.MALE, 1975 + i % 20,
                               "Công chức bộ phận một cửa", body), GENERIC))
    for person, summary in people[:35]:
        home = person.unit if person.unit.kind is not OrgUnitKind.SUB_UNIT else person.unit.parent
        loader.add(S.IN_SCORING, "BK_TP", nominating=home, person=person, summary=summary,
                   officer=account.get(home.id))

    # Every other pre-council state, with work for the three district officers.
    chi = named_person("Nghiêm Thị Phương Chi") or _person(
                  "Nghiêm Thị Phương Chi", Gender.FEMALE, 1984, "Công chức Văn phòng - Thống kê xã Tam Hiệp",
                  _unit("XA_TAM_HIEP", "Ủy ban nhân dân xã Tam Hiệp", "Xã Tam Hiệp", OrgUnitKind.COMMUNE,
                        districts[DISTRICTS.index("Thanh Trì") + 3]))
    loader.add(S.SUBMITTED, "CSTD_TINH", nominating=chi.unit.parent, person=chi,  # type: ignore[arg-type]
               summary="Nhiều sáng kiến cải cách hành chính được áp dụng hiệu quả tại xã Tam Hiệp.")
    two = _two_year_holder(awards, gia_lam)
    two_home = two.unit if two.unit.kind is not OrgUnitKind.SUB_UNIT else two.unit.parent
    loader.add(S.DRAFT, "CSTD_TINH", nominating=two_home, person=two, officer=account.get(two_home.id),
               summary="Chiến sĩ thi đua cơ sở hai năm liền; nhiều sáng kiến cải cách thủ tục hành chính "
                       "tại bộ phận một cửa.")
    extra = [
        (S.DRAFT, gia_lam, "Lê Thị Thu Hằng", Gender.FEMALE, "gialam", {}),
        (S.RETURNED, gia_lam, "Phạm Văn Quyết", Gender.MALE, "gialam",
         {S.RETURNED: "Thiếu biên bản họp Hội đồng thi đua huyện và kết quả xếp loại năm 2025; đề nghị bổ sung."}),
        (S.SUBMITTED, ntl, "Đỗ Thị Ngọc Ánh", Gender.FEMALE, "namtuliem", {}),
        (S.ACCEPTED, ntl, "Nguyễn Hữu Thắng", Gender.MALE, "namtuliem", {}),
        (S.RETURNED, hbt, "Trịnh Thị Hồng Nhung", Gender.FEMALE, "haibatrung",
         {S.RETURNED: "Báo cáo thành tích chưa nêu số liệu số hóa hộ tịch; đề nghị bổ sung số liệu cụ thể."}),
        (S.INELIGIBLE, hbt, "Đặng Quốc Khánh", Gender.MALE, "haibatrung",
         {S.INELIGIBLE: "Bị kỷ luật khiển trách năm 2024 (Điều 24 Luật Thi đua, khen thưởng 2022)."}),
        (S.WITHDRAWN, hbt, "Bùi Minh Tuấn", Gender.MALE, "haibatrung",
         {S.WITHDRAWN: "Đơn vị rút để đề nghị hình thức phù hợp hơn vào năm sau."}),
        (S.APPRAISED, depts[0], "Hoàng Thị Kim Oanh", Gender.FEMALE, None, {}),
        (S.ACCEPTED, depts[1], "Lương Văn Toàn", Gender.MALE, None, {}),
        (S.DRAFT, ntl, "Vương Thị Bích Ngọc", Gender.FEMALE, "namtuliem", {}),
    ]
    for i, (status, home, name, gender, officer, reasons) in enumerate(extra):
        person = _person(name, gender, 1980 + i, "Chuyên viên", home)
        loader.add(status, "BK_TP", nominating=home, person=person, officer=officer, reasons=reasons)
    db.session.flush()
    total = db.session.scalar(select(func.count(Nomination.id)).where(Nomination.campaign_id == campaign.id))
    return [f"Đề nghị khen thưởng mẫu: {total} hồ sơ ({loader.created} mới) trong phong trào {campaign.code}."]

"""Demo initiatives and models: those of the source article with their real figures, and about
150 further realistic ones across units so that lists paginate. Idempotent: skipped when the
article's first model is already recorded.

Units and people are looked up by the codes and names the other demo loaders use, and created
(with the same codes) when they are not there yet.
"""
from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.demo.sample_files import as_upload, tiny_pdf, tiny_png
from app.extensions import db
from app.models import (
    Campaign, Gender, InfluenceScope, Initiative, InitiativeAuthor, InitiativeKind, InitiativeMetric,
    InitiativeRecognition, InitiativeStatus, OrgUnit, OrgUnitKind, Person, User,
)
from app.models.text import fold
from app.services.evidence import store_evidence

K, S, St = InitiativeKind, InfluenceScope, InitiativeStatus
CITY_COUNCIL = "Hội đồng Sáng kiến thành phố Hà Nội"

# code, name, short name, kind, parent code — the same codes as app/demo/{foundation,nominations}.py
UNITS = [
    ("UBND_TP", "Ủy ban nhân dân thành phố Hà Nội", "UBND thành phố Hà Nội", OrgUnitKind.CITY_BODY, None),
    ("GIA_LAM", "Ủy ban nhân dân huyện Gia Lâm", "Huyện Gia Lâm", OrgUnitKind.DISTRICT, "UBND_TP"),
    ("NAM_TU_LIEM", "Ủy ban nhân dân quận Nam Từ Liêm", "Quận Nam Từ Liêm", OrgUnitKind.DISTRICT, "UBND_TP"),
    ("HAI_BA_TRUNG", "Ủy ban nhân dân quận Hai Bà Trưng", "Quận Hai Bà Trưng", OrgUnitKind.DISTRICT, "UBND_TP"),
    ("BAC_TU_LIEM", "Ủy ban nhân dân quận Bắc Từ Liêm", "Quận Bắc Từ Liêm", OrgUnitKind.DISTRICT, "UBND_TP"),
    ("Q_THANH_TRI", "Ủy ban nhân dân huyện Thanh Trì", "Huyện Thanh Trì", OrgUnitKind.DISTRICT, "UBND_TP"),
    ("CUC_THUE", "Cục Thuế thành phố Hà Nội", "Cục Thuế TP", OrgUnitKind.DEPARTMENT, "UBND_TP"),
    ("SO_QHKT", "Sở Quy hoạch - Kiến trúc Hà Nội", "Sở Quy hoạch - Kiến trúc", OrgUnitKind.DEPARTMENT, "UBND_TP"),
    ("SO_NOI_VU", "Sở Nội vụ Hà Nội", "Sở Nội vụ", OrgUnitKind.DEPARTMENT, "UBND_TP"),
    ("SO_TU_PHAP", "Sở Tư pháp Hà Nội", "Sở Tư pháp", OrgUnitKind.DEPARTMENT, "UBND_TP"),
    ("SO_TTTT", "Sở Thông tin và Truyền thông Hà Nội", "Sở TT&TT", OrgUnitKind.DEPARTMENT, "UBND_TP"),
    ("XA_TAM_HIEP", "Ủy ban nhân dân xã Tam Hiệp", "Xã Tam Hiệp", OrgUnitKind.COMMUNE, "Q_THANH_TRI"),
    ("P_DUC_THANG", "Ủy ban nhân dân phường Đức Thắng", "Phường Đức Thắng", OrgUnitKind.COMMUNE, "BAC_TU_LIEM"),
]
PEOPLE = [  # name, gender, birth year, position, unit code
    ("Phạm Hồng Hải", Gender.MALE, 1976, "Phó Chánh Văn phòng HĐND và UBND huyện", "GIA_LAM"),
    ("Nguyễn Thị Thu Hường", Gender.FEMALE, 1979, "Phó Chánh Văn phòng HĐND và UBND quận", "HAI_BA_TRUNG"),
    ("Vũ Đức Duy", Gender.MALE, 1988, "Chuyên viên bộ phận một cửa, Văn phòng Sở", "SO_QHKT"),
    ("Nguyễn Mạnh Hoạt", Gender.MALE, 1962, "Tổ trưởng tổ dân phố số 7, phường Đức Thắng", "BAC_TU_LIEM"),
    ("Nghiêm Thị Phương Chi", Gender.FEMALE, 1984, "Công chức Văn phòng - Thống kê xã Tam Hiệp", "XA_TAM_HIEP"),
]

M = tuple[str, int | float, str, date | None, date | None]
# title, kind, unit, authors, start, summary, novelty, application, metrics, recognitions (scope, by, no, date), files
ARTICLE = [
    ("Ngày thứ Ba không viết, không giấy hẹn", K.MODEL, "GIA_LAM", ["Phạm Hồng Hải"], date(2022, 9, 1),
     "Thủ tục hành chính nộp trực tiếp tại bộ phận “một cửa” vào thứ Ba hằng tuần được trả kết quả trong vòng "
     "2 giờ làm việc; công chức không viết giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
     "Người dân không phải tự viết tờ khai: tình nguyện viên nhập dịch vụ công và viết giúp, mọi thao tác dịch "
     "vụ công trực tuyến do công chức thực hiện.",
     "Triển khai đồng loạt tại bộ phận “một cửa” UBND huyện và 22 xã, thị trấn từ tháng 9/2022.",
     [("Thủ tục hành chính cấp huyện trả kết quả trong 2 giờ làm việc", 28, "thủ tục", None, None),
      ("Thủ tục hành chính cấp xã trả kết quả trong 2 giờ làm việc", 9, "thủ tục", None, None),
      ("Hồ sơ trả kết quả trong 2 giờ làm việc", 20000, "hồ sơ", date(2022, 9, 1), date(2023, 9, 1)),
      ("Hồ sơ giải quyết bình quân mỗi tháng", 1700, "hồ sơ/tháng", date(2022, 9, 1), date(2023, 9, 1)),
      ("Xã, thị trấn áp dụng", 22, "xã, thị trấn", None, None)],
     [(S.UNIT, "Hội đồng Sáng kiến huyện Gia Lâm", "215/QĐ-UBND", date(2023, 3, 15)),
      (S.CITY, CITY_COUNCIL, "4512/QĐ-UBND", date(2023, 11, 20))], True),
    ("Chính quyền, công sở thân thiện", K.MODEL, "NAM_TU_LIEM", [], date(2021, 6, 1),
     "Xây dựng hình ảnh chính quyền, công sở thân thiện, lấy sự hài lòng của người dân làm thước đo.",
     "Bộ quy tắc ứng xử tại bộ phận một cửa; khảo sát sự hài lòng tại chỗ.",
     "Áp dụng tại UBND quận và các phường.", [], [(S.CITY, CITY_COUNCIL, "3120/QĐ-UBND", date(2022, 8, 10))], True),
    ("Nụ cười công sở", K.MODEL, "NAM_TU_LIEM", [], date(2021, 9, 1),
     "Xây dựng nét văn hóa “Nụ cười công sở” trong tiếp dân và giải quyết thủ tục hành chính.",
     "Thái độ phục vụ là tiêu chí đánh giá công chức hằng tháng.", "Toàn bộ công chức tiếp dân của quận.",
     [], [(S.UNIT, "Hội đồng Sáng kiến quận Nam Từ Liêm", "88/QĐ-UBND", date(2022, 4, 2))], False),
    ("Thực hiện “4 thư” đối với tổ chức, cá nhân, doanh nghiệp", K.SOLUTION, "NAM_TU_LIEM", [], date(2021, 9, 1),
     "Gửi thư cảm ơn, thư xin lỗi, thư chúc mừng, thư hỏi thăm khi giải quyết thủ tục hành chính.",
     "Thư xin lỗi khi hồ sơ trễ hẹn được gửi chủ động, kèm thời hạn mới.", "Bộ phận một cửa quận và phường.",
     [], [(S.UNIT, "Hội đồng Sáng kiến quận Nam Từ Liêm", "89/QĐ-UBND", date(2022, 4, 2))], False),
    ("Ngày thứ Tư tốc ký", K.MODEL, "HAI_BA_TRUNG", ["Nguyễn Thị Thu Hường"], date(2022, 3, 1),
     "Thứ Tư hằng tuần, hồ sơ đủ điều kiện được giải quyết và trả kết quả ngay trong ngày.",
     "Lãnh đạo ký duyệt tập trung trong ngày.", "Bộ phận một cửa quận và 18 phường.", [],
     [(S.UNIT, "Hội đồng Sáng kiến quận Hai Bà Trưng", "301/QĐ-UBND", date(2022, 12, 5))], False),
    ("Một hồ sơ - Ba kết quả", K.SOLUTION, "HAI_BA_TRUNG", [], date(2022, 6, 1),
     "Liên thông ba thủ tục hành chính: một lần nộp hồ sơ, nhận ba kết quả.",
     "Người dân không phải đi lại nhiều nơi.", "Áp dụng tại bộ phận một cửa quận.", [],
     [(S.CITY, CITY_COUNCIL, "1865/QĐ-UBND", date(2023, 6, 12))], False),
    ("Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực (dữ liệu hộ tịch 1956–2023)", K.SCHEME,
     "HAI_BA_TRUNG", ["Nguyễn Thị Thu Hường"], date(2022, 1, 1),
     "Số hóa kết quả giải quyết TTHC còn hiệu lực thuộc thẩm quyền từ ngày 31/12/2021 trở về trước; một trong "
     "những quận đầu tiên số hóa dữ liệu hộ tịch từ năm 1956 đến hết năm 2023.",
     "Tái sử dụng dữ liệu số hóa khi giải quyết hồ sơ mới.", "Toàn quận.",
     [("Dữ liệu hộ tịch được số hóa", 68, "năm (1956–2023)", date(1956, 1, 1), date(2023, 12, 1))],
     [(S.CITY, CITY_COUNCIL, "512/QĐ-UBND", date(2024, 2, 1))], True),
    ("Triển khai thí điểm đề án Văn phòng điện tử Cục Thuế, mở rộng kê khai thuế qua mạng internet", K.SCHEME,
     "CUC_THUE", [], date(2021, 4, 1), "Văn phòng điện tử và kê khai thuế qua mạng internet cho doanh nghiệp.",
     "Toàn bộ văn bản điều hành xử lý trên môi trường mạng.", "Cục Thuế TP và các Chi cục Thuế.", [],
     [(S.CITY, CITY_COUNCIL, "2210/QĐ-UBND", date(2022, 5, 20)),
      (S.NATIONAL, "Bộ Tài chính", "1350/QĐ-BTC", date(2023, 7, 4))], True),
    ("Đề án nộp thuế điện tử", K.SCHEME, "CUC_THUE", [], date(2021, 10, 1),
     "Doanh nghiệp nộp thuế điện tử qua ngân hàng phối hợp thu.", "Kết nối dữ liệu thuế – ngân hàng.",
     "Toàn thành phố.", [], [(S.CITY, CITY_COUNCIL, "2211/QĐ-UBND", date(2022, 5, 20))], False),
    ("Phiếu hướng dẫn lập hồ sơ thủ tục hành chính", K.SOLUTION, "SO_QHKT", ["Vũ Đức Duy"], date(2021, 3, 1),
     "Lập phiếu hướng dẫn để tổ chức, công dân dễ dàng lập hồ sơ thủ tục hành chính.",
     "Mỗi thủ tục một phiếu, nêu rõ thành phần và mẫu.", "Bộ phận một cửa Sở.", [],
     [(S.UNIT, "Hội đồng Sáng kiến Sở Quy hoạch - Kiến trúc", "45/QĐ-QHKT", date(2021, 12, 10))], False),
    ("Rút gọn thành phần hồ sơ thủ tục cấp giấy phép quy hoạch", K.SOLUTION, "SO_QHKT", ["Vũ Đức Duy"],
     date(2021, 6, 1), "Rút gọn thành phần hồ sơ đối với thủ tục cấp giấy phép quy hoạch.",
     "Bỏ các giấy tờ đã có trong cơ sở dữ liệu.", "Bộ phận một cửa Sở.", [],
     [(S.CITY, CITY_COUNCIL, "1120/QĐ-UBND", date(2022, 3, 3))], False),
    ("Tự động thông báo kết quả thủ tục hành chính bằng tin nhắn và email", K.SOLUTION, "SO_QHKT", ["Vũ Đức Duy"],
     date(2021, 9, 1), "Tự động thông báo khi có kết quả TTHC bằng tin nhắn SMS và email.",
     "Người dân không phải đến hỏi kết quả.", "Bộ phận một cửa Sở.", [],
     [(S.UNIT, "Hội đồng Sáng kiến Sở Quy hoạch - Kiến trúc", "46/QĐ-QHKT", date(2021, 12, 10))], False),
    ("Ứng dụng CNTT vào quản lý dân cư ở tổ dân phố", K.INITIATIVE, "P_DUC_THANG", ["Nguyễn Mạnh Hoạt"],
     date(2019, 1, 1), "Xây dựng cơ sở dữ liệu dân cư của tổ dân phố số 7, phường Đức Thắng, phục vụ quản lý "
     "dân cư, nhất là trong Tổng điều tra dân số và nhà ở năm 2019.", "Cơ sở dữ liệu do tổ dân phố tự cập nhật.",
     "Tổ dân phố số 7, phường Đức Thắng, quận Bắc Từ Liêm.", [],
     [(S.UNIT, "Hội đồng Sáng kiến quận Bắc Từ Liêm", "77/QĐ-UBND", date(2020, 2, 14))], True),
    ("Chuẩn hóa quy trình tiếp nhận hồ sơ tại bộ phận một cửa xã Tam Hiệp", K.INITIATIVE, "XA_TAM_HIEP",
     ["Nghiêm Thị Phương Chi"], date(2021, 5, 1), "Nhiều sáng kiến được áp dụng hiệu quả tại xã Tam Hiệp.",
     "Sổ theo dõi điện tử, nhắc hạn tự động.", "Bộ phận một cửa xã.", [],
     [(S.UNIT, "Hội đồng Sáng kiến huyện Thanh Trì", "130/QĐ-UBND", date(2022, 1, 20)),
      (S.CITY, CITY_COUNCIL, "980/QĐ-UBND", date(2023, 2, 28))], False),
]

TOPICS = [
    ("Tiếp nhận hồ sơ trực tuyến toàn trình", "Hồ sơ trực tuyến toàn trình", "hồ sơ"),
    ("Trả kết quả thủ tục hành chính tại nhà qua bưu chính công ích", "Kết quả trả qua bưu chính", "kết quả"),
    ("Thư xin lỗi khi hồ sơ trễ hẹn", "Tỷ lệ hồ sơ trễ hẹn có thư xin lỗi", "%"),
    ("Ký số kết quả giải quyết thủ tục hành chính", "Kết quả được ký số", "văn bản"),
    ("Tổ công nghệ số cộng đồng hướng dẫn dịch vụ công", "Người dân được hướng dẫn", "lượt"),
    ("Khảo sát sự hài lòng bằng mã QR tại bộ phận một cửa", "Tỷ lệ hài lòng", "%"),
    ("Số hóa hồ sơ, giấy tờ khi tiếp nhận", "Hồ sơ được số hóa", "hồ sơ"),
    ("Liên thông khai sinh – thường trú – bảo hiểm y tế cho trẻ dưới 6 tuổi", "Hồ sơ liên thông", "hồ sơ"),
    ("Sổ tay điện tử thủ tục hành chính", "Lượt tra cứu", "lượt"),
    ("Họp trực tuyến, giảm văn bản giấy", "Văn bản giấy cắt giảm", "%"),
    ("Phiếu đánh giá cán bộ “5 rõ”", "Công chức được đánh giá", "người"),
    ("Thanh toán phí, lệ phí không dùng tiền mặt", "Giao dịch không dùng tiền mặt", "giao dịch"),
    ("Camera giám sát bộ phận một cửa công khai trực tuyến", "Điểm giao dịch được giám sát", "điểm"),
    ("Ngày không hẹn – trả kết quả trong ngày", "Hồ sơ trả trong ngày", "hồ sơ"),
    ("Cổng thông tin phản ánh, kiến nghị trong 24 giờ", "Phản ánh được trả lời trong 24 giờ", "%"),
]
PLACES = ["GIA_LAM", "NAM_TU_LIEM", "HAI_BA_TRUNG", "BAC_TU_LIEM", "Q_THANH_TRI", "CUC_THUE", "SO_QHKT",
          "SO_NOI_VU", "SO_TU_PHAP", "SO_TTTT", "XA_TAM_HIEP", "P_DUC_THANG"]
GENERATED = 150


def _units() -> dict[str, OrgUnit]:
    units: dict[str, OrgUnit] = {}
    for code, name, short, kind, parent in UNITS:
        unit = db.session.scalar(select(OrgUnit).where(OrgUnit.code == code))
        if unit is None:
            unit = OrgUnit(code=code, kind=kind, name=name, short_name=short, parent=units.get(parent))
            db.session.add(unit)
            db.session.flush()
        units[code] = unit
    return units


def _people(units: dict[str, OrgUnit]) -> dict[str, Person]:
    people: dict[str, Person] = {}
    for name, gender, birth, position, code in PEOPLE:
        person = db.session.scalars(select(Person).where(Person.search_name == fold(name))).first()
        if person is None:
            person = Person(full_name=name, gender=gender, birth_year=birth, position=position, unit=units[code])
            db.session.add(person)
            db.session.flush()
        people[name] = person
    return people


def _campaign() -> Campaign | None:
    """The CCHC 2021–2025 campaign, whatever code the catalogue gave it (None if not loaded)."""
    for campaign in db.session.scalars(select(Campaign).order_by(Campaign.id)):
        if "CCHC" in campaign.code.upper() or "cai cach hanh chinh" in fold(campaign.name):
            return campaign
    return None


def _add(title, kind, unit, authors, start, summary, novelty, application, metrics, recognitions, *,  # noqa: ANN001
         status=None, campaign=None, files=(), creator=None) -> Initiative:  # noqa: ANN001
    initiative = Initiative(kind=kind, title=title, owner_unit=unit, start_date=start, summary=summary,
                            novelty=novelty, application=application, status=status or St.SUBMITTED,
                            created_by_id=creator.id if creator else None)
    initiative.author_links = [InitiativeAuthor(person=p, position=i) for i, p in enumerate(authors)]
    initiative.metrics = [InitiativeMetric(position=i, label=label, value=Decimal(str(value)), unit=u,
                                           period_start=a, period_end=b)
                          for i, (label, value, u, a, b) in enumerate(metrics)]
    for scope, by, number, day in recognitions:
        initiative.recognitions.append(InitiativeRecognition(recognised_by=by, decision_number=number,
                                                             decision_date=day, scope=scope))
        if initiative.scope is None or scope.rank > initiative.scope.rank:
            initiative.scope = scope
        initiative.status = St.RECOGNISED
    initiative.campaigns = [campaign] if campaign else []
    initiative.evidence = list(files)
    initiative.refresh_search_text()
    db.session.add(initiative)
    return initiative


def _files(title: str, unit: OrgUnit, figures: list[M]) -> list:
    lines = [f"Minh chung: {title}", f"Don vi: {unit.name}"] + [f"{m[0]}: {m[1]} {m[2]}" for m in figures]
    return [store_evidence(as_upload("Báo cáo kết quả áp dụng.pdf", tiny_pdf(lines)), by=None,
                           description="Báo cáo kết quả áp dụng"),
            store_evidence(as_upload("Ảnh bộ phận một cửa.png", tiny_png()), by=None,
                           description="Ảnh minh họa tại bộ phận một cửa")]


def load() -> list[str]:
    if db.session.scalar(select(Initiative.id).where(Initiative.title == ARTICLE[0][0])) is not None:
        return ["Sáng kiến mẫu: đã có, bỏ qua."]
    units, campaign = _units(), _campaign()
    people = _people(units)
    creator = db.session.scalar(select(User).where(User.username == "thuky"))
    for title, kind, code, names, start, summary, novelty, app_, metrics, recs, with_files in ARTICLE:
        files = _files(title, units[code], metrics) if with_files else []
        _add(title, kind, units[code], [people[n] for n in names], start, summary, novelty, app_, metrics, recs,
             campaign=campaign, files=files, creator=creator)
    rng = random.Random(2025)
    for n in range(GENERATED):
        topic, label, unit_name = TOPICS[n % len(TOPICS)]
        unit = units[PLACES[(n * 7 + n // len(TOPICS)) % len(PLACES)]]
        start = date(2021 + n % 5, 1 + (n * 5) % 12, 1)
        kind = [K.INITIATIVE, K.MODEL, K.SOLUTION, K.SCHEME][n % 4]
        value = rng.randint(85, 100) if unit_name == "%" else rng.randrange(120, 25000, 10)
        end = date(min(start.year + 1, 2025), start.month, 1)
        metrics = [(label, value, unit_name, start, end)]
        roll = rng.random()
        recs, status = [], St.SUBMITTED if roll < 0.35 else St.DRAFT
        if roll >= 0.5:
            day = date(min(start.year + 1, 2025), 1 + n % 12, 10 + n % 15)
            recs = [(S.UNIT, f"Hội đồng Sáng kiến {unit.short_name}", f"{100 + n}/QĐ-HĐSK", day)]
            if roll >= 0.85:
                recs.append((S.CITY, CITY_COUNCIL, f"{3000 + n}/QĐ-UBND", date(min(day.year + 1, 2025), 6, 15)))
        elif roll >= 0.42:
            status = St.NOT_RECOGNISED
        _add(f"{topic} tại {unit.short_name} ({start.year})", kind, unit, [], start,
             f"{topic}: áp dụng tại {unit.name} từ tháng {start.month:02d}/{start.year}.",
             "Cách làm mới so với quy trình trước đây.", f"Áp dụng tại {unit.short_name}.", metrics, recs,
             status=status, campaign=campaign if n % 3 else None, creator=creator)
    db.session.flush()
    note = "" if campaign else " (chưa có phong trào CCHC 2021–2025: không gắn phong trào)"
    return [f"Sáng kiến mẫu: {len(ARTICLE)} của bài báo + {GENERATED} khác{note}."]

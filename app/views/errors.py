"""Vietnamese error pages."""
from __future__ import annotations

from flask import Flask, render_template, request
from flask_wtf.csrf import CSRFError

from app.extensions import db

MESSAGES = {
    400: ("Yêu cầu không hợp lệ", "Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra và thử lại."),
    403: ("Không có quyền truy cập", "Tài khoản của bạn không được phép xem hoặc thực hiện thao tác này."),
    404: ("Không tìm thấy trang", "Trang hoặc hồ sơ bạn tìm không tồn tại hoặc đã bị xoá."),
    405: ("Thao tác không được hỗ trợ", "Phương thức yêu cầu không được hỗ trợ cho địa chỉ này."),
    409: ("Xung đột dữ liệu", "Hồ sơ đã được người khác thay đổi. Vui lòng tải lại và thử lại."),
    413: ("Tệp quá lớn", "Dung lượng gửi lên vượt quá giới hạn cho phép."),
    429: ("Quá nhiều yêu cầu", "Bạn đã thử quá nhiều lần trong thời gian ngắn. Vui lòng đợi một phút rồi thử lại."),
    500: ("Lỗi hệ thống", "Đã có lỗi xảy ra. Dữ liệu của bạn không bị thay đổi; vui lòng thử lại sau."),
}


def render_error(code: int, detail: str | None = None):
    title, message = MESSAGES.get(code, MESSAGES[500])
    if request.accept_mimetypes.best == "application/json":
        return {"error": detail or message, "status": code}, code
    return render_template("errors/error.html", code=code, title=title, message=detail or message), code


def register_error_handlers(app: Flask) -> None:
    for code in MESSAGES:
        if code == 500:
            continue
        app.register_error_handler(code, lambda e, code=code: render_error(code))

    @app.errorhandler(CSRFError)
    def _csrf(e):  # noqa: ANN001
        return render_error(400, "Phiên làm việc đã hết hạn hoặc thiếu mã bảo vệ (CSRF). Vui lòng tải lại trang và thử lại.")

    @app.errorhandler(500)
    def _server_error(e):  # noqa: ANN001
        db.session.rollback()
        return render_error(500)

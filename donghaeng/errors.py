"""Stable error codes with a plain Korean message for the citizen.

Codes are kebab-case and never change once published; the message is what the citizen
hears. Foreign exceptions are wrapped with ``raise ... from err`` at the stage boundary.
"""

from __future__ import annotations


class DonghaengError(Exception):
    """Base error: ``code`` for machines, ``message`` (Korean) for people."""

    code = "internal-error"
    status = 500
    message = "죄송해요. 잠시 문제가 생겼어요. 조금 뒤에 다시 말씀해 주세요."

    def __init__(self, message: str | None = None, *, code: str | None = None, status: int | None = None):
        if message is not None:
            self.message = message
        if code is not None:
            self.code = code
        if status is not None:
            self.status = status
        super().__init__(f"{self.code}: {self.message}")


class InvalidInput(DonghaengError):
    code = "invalid-input"
    status = 400
    message = "요청을 이해하지 못했어요. 다시 말씀해 주세요."


class EmptyText(InvalidInput):
    code = "empty-text"
    message = "말씀이 비어 있어요. 다시 말씀해 주세요."


class TextTooLong(InvalidInput):
    code = "text-too-long"
    status = 413
    message = "말씀이 너무 길어요. 짧게 나눠서 말씀해 주세요."


class NotFound(DonghaengError):
    code = "not-found"
    status = 404
    message = "찾는 정보가 없어요."


class UnknownSession(NotFound):
    code = "unknown-session"
    message = "대화 기록을 찾지 못했어요. 처음부터 다시 말씀해 주세요."


class ReceiptNotFound(NotFound):
    code = "receipt-not-found"
    message = "그 접수번호로 된 민원을 찾지 못했어요. 번호를 다시 확인해 주세요."


class StoreUnavailable(DonghaengError):
    code = "store-unavailable"
    status = 503
    message = "지금 기록 저장이 잠시 안 돼요. 조금 뒤에 다시 해 주세요."


class PipelineError(DonghaengError):
    """A stage of the turn pipeline failed; ``code`` names the stage (``nlu-failed``)."""

    code = "pipeline-failed"


class AudioError(InvalidInput):
    """Audio that cannot be decoded, is too long, too large or empty."""

    code = "audio-invalid"
    message = "소리 파일을 읽지 못했어요. 다시 녹음해 주세요."


class Unauthorized(DonghaengError):
    code = "unauthorized"
    status = 401
    message = "로그인이 필요해요."


class Forbidden(DonghaengError):
    code = "forbidden"
    status = 403
    message = "이 작업을 할 권한이 없어요."

#include "http/apierror.h"

using namespace Qt::StringLiterals;

namespace callos::server {

QJsonObject ApiError::body(const Refusal &refusal, const QJsonObject &details)
{
    return QJsonObject{ { u"error"_s,
        QJsonObject{ { u"code"_s, refusal.code }, { u"message"_s, refusal.message }, { u"details"_s, details } } } };
}

QHttpServerResponse ApiError::response(
    const Refusal &refusal, QHttpServerResponse::StatusCode status, const QJsonObject &details)
{
    return QHttpServerResponse(body(refusal, details), status);
}

} // namespace callos::server

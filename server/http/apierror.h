#pragma once

#include "common/refusal.h"

#include <QHttpServerResponse>
#include <QJsonObject>

namespace callos::server {

// The one shape of every error the API answers with:
// {"error": {"code": "...", "message": "...", "details": {...}}}
// `code` is stable for programs, `message` is for people.
class ApiError
{
public:
    static QJsonObject body(const Refusal &refusal, const QJsonObject &details = {});
    static QHttpServerResponse response(
        const Refusal &refusal, QHttpServerResponse::StatusCode status, const QJsonObject &details = {});
};

} // namespace callos::server

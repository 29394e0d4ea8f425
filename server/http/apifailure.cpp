#include "http/apifailure.h"

#include "http/apierror.h"
#include "json/validationerrors.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace callos::server {

QHttpServerResponse ApiFailure::response() const
{
    return ApiError::response(refusal, status, details);
}

ApiFailure ApiFailure::invalid(const ValidationErrors &errors)
{
    QJsonArray fields;
    for (const ValidationError &error : errors.errors())
        fields.append(QJsonObject{ { u"path"_s, error.path }, { u"message"_s, error.message } });
    const QString first = errors.isEmpty() ? QString() : errors.errors().first().toString();
    const QString message = errors.count() <= 1
        ? tr("The request is not valid: %1").arg(first)
        : tr("The request is not valid: %1 (and %n more problem(s))", nullptr, int(errors.count() - 1)).arg(first);
    return ApiFailure{ Refusal{ u"request.invalid"_s, message }, Status::BadRequest,
        QJsonObject{ { u"fields"_s, fields } }, {} };
}

ApiFailure ApiFailure::invalidField(const QString &path, const QString &message)
{
    ValidationErrors errors{ QString() };
    errors.add(path, message);
    return invalid(errors);
}

ApiFailure ApiFailure::notFound(const QString &code, const QString &message)
{
    return ApiFailure{ Refusal{ code, message }, Status::NotFound, {}, {} };
}

ApiFailure ApiFailure::forbidden(const QString &message)
{
    return ApiFailure{ Refusal{ u"auth.forbidden"_s, message }, Status::Forbidden, {}, {} };
}

ApiFailure ApiFailure::conflict(const QString &code, const QString &message)
{
    return ApiFailure{ Refusal{ code, message }, Status::Conflict, {}, {} };
}

ApiFailure ApiFailure::internal(const Refusal &refusal)
{
    if (refusal.code == u"db.unavailable")
        return ApiFailure{ Refusal{ u"server.unavailable"_s, tr("The server cannot reach its database. Try again shortly.") },
            Status::ServiceUnavailable, {}, refusal.code + u": "_s + refusal.message };
    return ApiFailure{ Refusal{ u"server.internal"_s, tr("Something went wrong on the server. Nothing was changed.") },
        Status::InternalServerError, {}, refusal.code + u": "_s + refusal.message };
}

} // namespace callos::server

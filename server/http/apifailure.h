#pragma once

#include "common/refusal.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QHttpServerResponse>
#include <QJsonObject>

#include <variant>

namespace callos {
class ValidationErrors;
}

namespace callos::server {

// Why a request could not be served, as the client will read it: the
// status, {"error":{"code","message","details"}}, and - for failures of our
// own (500, 503) - a detail for the log that the client never sees, since
// it names databases and internals.
struct ApiFailure
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::ApiFailure)

public:
    using Status = QHttpServerResponse::StatusCode;

    Refusal refusal;
    Status status = Status::BadRequest;
    QJsonObject details;
    QString logDetail;

    QHttpServerResponse response() const;

    // 400 request.invalid with details.fields = [{"path","message"}...].
    static ApiFailure invalid(const ValidationErrors &errors);
    // 400 request.invalid for one field.
    static ApiFailure invalidField(const QString &path, const QString &message);
    static ApiFailure notFound(const QString &code, const QString &message);
    static ApiFailure forbidden(const QString &message);
    static ApiFailure conflict(const QString &code, const QString &message);
    // A storage or other internal refusal: 503 when the database does not
    // answer, else 500; the refusal's message goes to the log only.
    static ApiFailure internal(const Refusal &refusal);
};

// A handler step's outcome: the value, or the failure to answer with.
template<typename T>
class ApiResult
{
public:
    ApiResult(T value) : m_data(std::move(value)) {}
    ApiResult(ApiFailure failure) : m_data(std::move(failure)) {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T value() && { return std::get<T>(std::move(m_data)); }
    const ApiFailure &failure() const { return std::get<ApiFailure>(m_data); }

private:
    std::variant<T, ApiFailure> m_data;
};

// What a synchronous handler answers: a response, or a failure. Returning
// the ApiFailure itself (not its response()) lets the router put the
// failure's log detail on the request's log line.
class ApiAnswer
{
public:
    ApiAnswer(QHttpServerResponse &&response) : m_data(std::move(response)) {}
    ApiAnswer(ApiFailure failure) : m_data(std::move(failure)) {}
    ApiAnswer(ApiResult<QHttpServerResponse> &&result)
        : m_data(result ? std::variant<QHttpServerResponse, ApiFailure>(std::move(result).value())
                        : std::variant<QHttpServerResponse, ApiFailure>(result.failure()))
    {
    }

    bool isFailure() const { return std::holds_alternative<ApiFailure>(m_data); }
    const ApiFailure &failure() const { return std::get<ApiFailure>(m_data); }
    QHttpServerResponse takeResponse() { return std::get<QHttpServerResponse>(std::move(m_data)); }

private:
    std::variant<QHttpServerResponse, ApiFailure> m_data;
};

} // namespace callos::server

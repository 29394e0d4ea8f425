#include "http/httpexchange.h"

#include "json/jsonfile.h"
#include "json/validationerrors.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace callos::server {

HttpExchange::HttpExchange(const QHttpServerRequest &request, QTcpSocket *socket, QHttpServerResponder &&responder,
    QString requestId, Logger logger)
    : m_method(request.method())
    , m_path(request.url().path())
    , m_query(request.query())
    , m_headers(request.headers())
    , m_body(request.body())
    , m_remoteAddress(request.remoteAddress())
    , m_requestId(std::move(requestId))
    , m_socket(socket)
    , m_responder(std::move(responder))
    , m_logger(std::move(logger))
{
    m_timer.start();
}

HttpExchange::~HttpExchange()
{
    if (!m_replied)
        reply(ApiFailure::internal(Refusal{ u"server.no_answer"_s, u"the handler gave no answer"_s }));
}

QByteArray HttpExchange::header(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

void HttpExchange::setTenantScope(TenantScope &scope, TenantScope::Scope which)
{
    m_tenantScope = &scope;
    m_scope = std::move(which);
}

TenantScope::Entered HttpExchange::enterScope() const
{
    // An exchange HttpServer did not dispatch has none: nothing changes.
    return m_tenantScope ? m_tenantScope->enter(m_scope) : TenantScope::Entered();
}

ApiResult<QJsonObject> HttpExchange::jsonObject() const
{
    const QByteArray contentType = header("Content-Type").trimmed().toLower();
    const QByteArray mediaType = contentType.split(';').first().trimmed();
    if (mediaType != "application/json")
        return ApiFailure{ Refusal{ u"request.unsupported_media_type"_s,
                               ApiFailure::tr("Send the body as JSON (Content-Type: application/json).") },
            ApiFailure::Status::UnsupportedMediaType, {}, {} };
    ValidationErrors errors{ QString() };
    // The API's bodies are shallow; deep nesting is an attack or a mistake.
    const std::optional<QJsonDocument> document = JsonFile::parse(m_body, errors, JsonLimits{ m_body.size() + 1, 16 });
    if (!document || !errors.isEmpty()) {
        ApiFailure failure = ApiFailure::invalid(errors);
        failure.refusal.code = u"request.malformed_json"_s;
        return failure;
    }
    if (!document->isObject())
        return ApiFailure::invalidField(QString(), ApiFailure::tr("the body must be a JSON object"));
    return document->object();
}

void HttpExchange::reply(QHttpServerResponse &&response)
{
    if (m_replied)
        return;
    m_replied = true;
    const int status = static_cast<int>(response.statusCode());
    if (m_socket) {
        response.setHeader("X-Request-Id", m_requestId.toLatin1());
        response.setHeader("Cache-Control", "no-store");
        response.write(std::move(m_responder));
    }
    if (m_logger)
        m_logger(*this, status, m_socket ? QString() : u"client gone"_s);
}

void HttpExchange::reply(const ApiFailure &failure)
{
    if (m_replied)
        return;
    QHttpServerResponse response = failure.response();
    if (!failure.logDetail.isEmpty() && m_logger) {
        // The detail goes to the log line of this request only.
        Logger logger = std::move(m_logger);
        m_logger = [logger, detail = failure.logDetail](const HttpExchange &exchange, int status, const QString &) {
            logger(exchange, status, detail);
        };
    }
    reply(std::move(response));
}

} // namespace callos::server

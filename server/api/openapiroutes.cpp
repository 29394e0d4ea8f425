#include "api/openapiroutes.h"

#include "http/httprouter.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

Result<QByteArray> readDocument(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Refusal{ u"openapi.missing"_s, u"cannot read %1: %2"_s.arg(path, file.errorString()) };
    return file.readAll();
}

} // namespace

OpenApiRoutes::OpenApiRoutes() : m_document(readDocument(kEmbeddedPath)) { }

void OpenApiRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Get, u"/api/v1/openapi.json"_s, { Access::Public, 0 },
        [this](HttpExchange &exchange) { return document(exchange); });
}

ApiResult<QHttpServerResponse> OpenApiRoutes::document(HttpExchange &) const
{
    if (!m_document)
        return ApiFailure::internal(m_document.refusal());
    return QHttpServerResponse("application/json", m_document.value());
}

} // namespace callos::server

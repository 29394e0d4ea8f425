#pragma once

#include "common/result.h"
#include "http/httpexchange.h"

#include <QByteArray>
#include <QCoreApplication>

namespace callos::server {

class HttpRouter;

// GET /api/v1/openapi.json (public): the API's OpenAPI 3 document,
// resources/api/openapi.json embedded by server/CMakeLists.txt. Hand-written;
// tests/server/tst_openapi.cpp keeps it in step with the route table.
class OpenApiRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::OpenApiRoutes)

public:
    static inline const QString kEmbeddedPath = QStringLiteral(":/api/openapi.json");

    // Reads the embedded document; should it be missing (a broken build),
    // the route answers 500 and logs why.
    OpenApiRoutes();

    void addTo(HttpRouter &router);

private:
    ApiResult<QHttpServerResponse> document(HttpExchange &exchange) const;

    Result<QByteArray> m_document;
};

} // namespace callos::server

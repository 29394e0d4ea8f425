#pragma once

#include "http/httpexchange.h"

#include <QCoreApplication>

namespace callos::server {

class AuditLog;
class Database;
class HttpRouter;
class PromptRegistry;

// The analysis prompt's five layers, for admins:
//   GET /api/v1/prompts -> {layers: [{layer, version, text, created_by,
//     created_at}]}: the version of each layer analyses use now (0: built in).
//   GET /api/v1/prompts/{layer} -> {layer, versions: [...]}: newest first,
//     the built-in version 0 last.
//   POST /api/v1/prompts/{layer} {text} -> 201 {layer, version, ...}: a new
//     version, used from the next analysis on (audited prompt.version_added).
//   An unknown layer -> 404 prompt.unknown_layer; text empty or above
//   20,000 characters -> 400.
class PromptRoutes
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::PromptRoutes)

public:
    PromptRoutes(Database &database, PromptRegistry &registry, AuditLog &audit);

    void addTo(HttpRouter &router);

private:
    ApiAnswer current(HttpExchange &exchange);
    ApiAnswer history(HttpExchange &exchange);
    ApiAnswer add(HttpExchange &exchange);

    Database &m_database;
    PromptRegistry &m_registry;
    AuditLog &m_audit;
};

} // namespace callos::server

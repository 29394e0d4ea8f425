#pragma once

#include "accounts/role.h"
#include "http/httpexchange.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace callos::server {

// Who may call a route: anyone, or a signed-in user of at least this role.
enum class Access { Public, Agent, Manager, Admin };

struct RouteOptions
{
    Access access = Access::Agent;
    // Bodies above this are refused with 413 before the handler runs.
    qint64 maxBodyBytes = 64 * 1024;
};

// The route table: "/api/v1/calls/{id}" patterns per method. Keeps 404 (no
// such path) apart from 405 (path exists, other method), which tells a
// client author what they got wrong.
class HttpRouter
{
public:
    using Handler = std::function<void(const SharedExchange &)>;
    // Most handlers answer at once; they return the response.
    using SyncHandler = std::function<ApiAnswer(HttpExchange &)>;

    struct Route
    {
        HttpExchange::Method method;
        QStringList segments; // "{id}" segments capture
        RouteOptions options;
        Handler handler;
    };

    struct Match
    {
        const Route *route = nullptr; // null: see allowedMethods
        QStringList params;
        // Methods the path has when route is null; empty: no such path.
        QList<HttpExchange::Method> allowedMethods;
    };

    void add(HttpExchange::Method method, const QString &pattern, RouteOptions options, Handler handler);
    void addSync(HttpExchange::Method method, const QString &pattern, RouteOptions options, SyncHandler handler);

    Match match(HttpExchange::Method method, const QString &path) const;
    // Every route, in the order added (the OpenAPI test compares it with the document).
    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace callos::server

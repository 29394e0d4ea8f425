#include "http/httprouter.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QStringList splitPath(const QString &path)
{
    return path.split(u'/', Qt::SkipEmptyParts);
}

bool isCapture(const QString &segment)
{
    return segment.startsWith(u'{') && segment.endsWith(u'}');
}

// The captured values when `segments` matches `pattern`.
std::optional<QStringList> capture(const QStringList &pattern, const QStringList &segments)
{
    if (pattern.size() != segments.size())
        return std::nullopt;
    QStringList params;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        if (isCapture(pattern.at(i)))
            params.append(segments.at(i));
        else if (pattern.at(i) != segments.at(i))
            return std::nullopt;
    }
    return params;
}

} // namespace

void HttpRouter::add(HttpExchange::Method method, const QString &pattern, RouteOptions options, Handler handler)
{
    m_routes.append(Route{ method, splitPath(pattern), options, std::move(handler) });
}

void HttpRouter::addSync(HttpExchange::Method method, const QString &pattern, RouteOptions options, SyncHandler handler)
{
    add(method, pattern, options,
        [handler = std::move(handler)](const SharedExchange &exchange) {
            ApiAnswer answer = handler(*exchange);
            if (answer.isFailure())
                exchange->reply(answer.failure());
            else
                exchange->reply(answer.takeResponse());
        });
}

HttpRouter::Match HttpRouter::match(HttpExchange::Method method, const QString &path) const
{
    const QStringList segments = splitPath(path);
    Match result;
    for (const Route &route : m_routes) {
        std::optional<QStringList> params = capture(route.segments, segments);
        if (!params)
            continue;
        if (route.method == method) {
            result.route = &route;
            result.params = std::move(*params);
            result.allowedMethods.clear();
            return result;
        }
        result.allowedMethods.append(route.method);
    }
    return result;
}

} // namespace callos::server

#include "viewer/viewerroutes.h"

#include "audit/auditlog.h"
#include "http/httprouter.h"
#include "live/livehub.h"
#include "storage/transaction.h"
#include "viewer/sharelinks.h"

#include <QFile>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QByteArray resource(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// The page carries a secret in its URL: no referrer leaves it, no cache
// keeps it, no other site frames it, and it runs only its own script.
QHttpServerResponse pageResponse(const QByteArray &mimeType, const QByteArray &body,
    QHttpServerResponse::StatusCode status = QHttpServerResponse::StatusCode::Ok)
{
    QHttpServerResponse response(mimeType, body, status);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src blob:; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'");
    return response;
}

bool isPng(const QByteArray &bytes)
{
    static const QByteArray kSignature("\x89PNG\r\n\x1a\n", 8);
    return bytes.startsWith(kSignature);
}

} // namespace

ViewerRoutes::ViewerRoutes(Database &database, AuditLog &audit, ShareLinks &shareLinks, LiveHub &hub, IdGenerator &ids)
    : m_database(database)
    , m_audit(audit)
    , m_shareLinks(shareLinks)
    , m_hub(hub)
    , m_calls(database, ids)
{
}

void ViewerRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.addSync(Method::Post, u"/api/v1/calls/{id}/share-links"_s, { Access::Agent, 1024 },
        [this](HttpExchange &exchange) { return createLink(exchange); });
    router.addSync(Method::Delete, u"/api/v1/calls/{id}/share-links"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return revokeLinks(exchange); });
    router.addSync(Method::Put, u"/api/v1/calls/{id}/slide"_s, { Access::Agent, kMaximumSlideBytes },
        [this](HttpExchange &exchange) { return putSlide(exchange); });
    router.addSync(Method::Get, u"/view/{token}"_s, { Access::Public, 0 },
        [this](HttpExchange &exchange) { return page(exchange); });
    router.addSync(Method::Get, u"/viewer/viewer.js"_s, { Access::Public, 0 }, [](HttpExchange &) -> ApiAnswer {
        return pageResponse("text/javascript; charset=utf-8", resource(u":/viewer/viewer.js"_s));
    });
    router.addSync(Method::Get, u"/viewer/viewer.css"_s, { Access::Public, 0 }, [](HttpExchange &) -> ApiAnswer {
        return pageResponse("text/css; charset=utf-8", resource(u":/viewer/viewer.css"_s));
    });
}

ApiResult<CallRow> ViewerRoutes::findRunningOwnCall(const Principal &who, const QString &id) const
{
    const Result<std::optional<CallRow>> call = m_calls.find(who.orgId, id);
    if (!call)
        return ApiFailure::internal(call.refusal());
    // A colleague's call answers like one that does not exist; a manager
    // watches calls but does not present them.
    if (!call.value() || call.value()->agentUserId != who.userId)
        return ApiFailure::notFound(u"call.not_found"_s, tr("There is no call %1 of yours.").arg(id));
    if (call.value()->status != u"open"_s && call.value()->status != u"in_progress"_s)
        return ApiFailure::conflict(u"call.ended"_s, tr("Call %1 has ended; its slides can no longer be shared.").arg(id));
    return *call.value();
}

ApiAnswer ViewerRoutes::createLink(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const ApiResult<CallRow> call = findRunningOwnCall(who, exchange.param(0));
    if (!call)
        return call.failure();
    if (!exchange.body().isEmpty()) {
        const ApiResult<QJsonObject> body = exchange.jsonObject();
        if (!body)
            return body.failure();
        if (!body.value().isEmpty())
            return ApiFailure::invalidField(body.value().begin().key(), tr("unknown field; send {} or nothing"));
    }
    Transaction transaction(m_database, tr("Sharing call %1").arg(call.value().id));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<IssuedShareLink> link = m_shareLinks.create(transaction, who.orgId, call.value().id, who.userId);
    if (!link)
        return ApiFailure::internal(link.refusal());
    if (auto refusal = m_audit.record(transaction,
            AuditEntry{ who.orgId, who.userId, u"call.share_link_created"_s, call.value().id,
                QJsonObject{ { u"share_link_id"_s, link.value().id } } }))
        return ApiFailure::internal(*refusal);
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    return QHttpServerResponse(QJsonObject{ { u"id"_s, link.value().id }, { u"call_id"_s, call.value().id },
                                   { u"token"_s, link.value().token },
                                   { u"path"_s, QString(u"/view/"_s + link.value().token) },
                                   { u"created_at"_s, link.value().createdAt } },
        QHttpServerResponse::StatusCode::Created);
}

ApiAnswer ViewerRoutes::revokeLinks(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const Result<std::optional<CallRow>> call = m_calls.find(who.orgId, exchange.param(0));
    if (!call)
        return ApiFailure::internal(call.refusal());
    if (!call.value() || call.value()->agentUserId != who.userId)
        return ApiFailure::notFound(u"call.not_found"_s, tr("There is no call %1 of yours.").arg(exchange.param(0)));
    Transaction transaction(m_database, tr("Revoking the share links of call %1").arg(call.value()->id));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<int> revoked = m_shareLinks.revokeAll(transaction, who.orgId, call.value()->id);
    if (!revoked)
        return ApiFailure::internal(revoked.refusal());
    if (revoked.value() > 0) {
        if (auto refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId,
                u"call.share_links_revoked"_s, call.value()->id, QJsonObject{ { u"count"_s, revoked.value() } } }))
            return ApiFailure::internal(*refusal);
    }
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    m_hub.closeViewers(who.orgId, call.value()->id);
    return QHttpServerResponse(QJsonObject{ { u"revoked"_s, revoked.value() } });
}

ApiAnswer ViewerRoutes::putSlide(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const ApiResult<CallRow> call = findRunningOwnCall(who, exchange.param(0));
    if (!call)
        return call.failure();
    const QByteArray mediaType = exchange.header("Content-Type").split(';').first().trimmed().toLower();
    if (mediaType != "image/png")
        return ApiFailure{ Refusal{ u"request.unsupported_media_type"_s,
                               tr("Send the slide as a PNG image (Content-Type: image/png).") },
            ApiFailure::Status::UnsupportedMediaType, {}, {} };
    if (!isPng(exchange.body()))
        return ApiFailure::invalidField(u"body"_s, tr("the body is not a PNG image"));
    m_hub.publishSlide(who.orgId, call.value().id, exchange.body());
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

ApiAnswer ViewerRoutes::page(HttpExchange &exchange)
{
    const Result<std::optional<SharedCall>> shared = m_shareLinks.resolve(exchange.param(0));
    if (!shared)
        return ApiFailure::internal(shared.refusal());
    if (!shared.value()) {
        // A page, not JSON: a person opened this link.
        const QByteArray body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                "<meta name=\"referrer\" content=\"no-referrer\"><title>Presentation</title>"
                                "<link rel=\"stylesheet\" href=\"/viewer/viewer.css\"></head><body><main>"
                                "<p id=\"status\" role=\"status\">"
            + tr("This link has ended or is not valid.").toHtmlEscaped().toUtf8()
            + "</p></main></body></html>";
        return pageResponse("text/html; charset=utf-8", body, QHttpServerResponse::StatusCode::NotFound);
    }
    return pageResponse("text/html; charset=utf-8", resource(u":/viewer/view.html"_s));
}

} // namespace callos::server

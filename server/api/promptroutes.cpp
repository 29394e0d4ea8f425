#include "api/promptroutes.h"

#include "analysis/promptregistry.h"
#include "audit/auditlog.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "storage/transaction.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QJsonObject toJson(const PromptLayer &layer)
{
    return QJsonObject{ { u"layer"_s, layer.layer }, { u"version"_s, layer.version }, { u"text"_s, layer.text },
        { u"created_by"_s, layer.createdBy.isEmpty() ? QJsonValue() : QJsonValue(layer.createdBy) },
        { u"created_at"_s, layer.createdAt > 0 ? QJsonValue(layer.createdAt) : QJsonValue() } };
}

ApiFailure unknownLayer(const QString &layer)
{
    return ApiFailure::notFound(u"prompt.unknown_layer"_s,
        PromptRoutes::tr("There is no prompt layer '%1'; the layers are %2.")
            .arg(layer.left(64), PromptRegistry::layers().join(u", "_s)));
}

} // namespace

PromptRoutes::PromptRoutes(Database &database, PromptRegistry &registry, AuditLog &audit)
    : m_database(database)
    , m_registry(registry)
    , m_audit(audit)
{
}

void PromptRoutes::addTo(HttpRouter &router)
{
    router.addSync(HttpExchange::Method::Get, u"/api/v1/prompts"_s, { Access::Admin, 0 },
        [this](HttpExchange &exchange) { return current(exchange); });
    router.addSync(HttpExchange::Method::Get, u"/api/v1/prompts/{layer}"_s, { Access::Admin, 0 },
        [this](HttpExchange &exchange) { return history(exchange); });
    router.addSync(HttpExchange::Method::Post, u"/api/v1/prompts/{layer}"_s, { Access::Admin, 128 * 1024 },
        [this](HttpExchange &exchange) { return add(exchange); });
}

ApiAnswer PromptRoutes::current(HttpExchange &exchange)
{
    const Result<QList<PromptLayer>> layers = m_registry.current(exchange.principal().orgId);
    if (!layers)
        return ApiFailure::internal(layers.refusal());
    QJsonArray out;
    for (const PromptLayer &layer : layers.value())
        out.append(toJson(layer));
    return QHttpServerResponse(QJsonObject{ { u"layers"_s, out } });
}

ApiAnswer PromptRoutes::history(HttpExchange &exchange)
{
    const QString layer = exchange.param(0);
    if (!PromptRegistry::layers().contains(layer))
        return unknownLayer(layer);
    const Result<QList<PromptLayer>> versions = m_registry.history(exchange.principal().orgId, layer);
    if (!versions)
        return ApiFailure::internal(versions.refusal());
    QJsonArray out;
    for (const PromptLayer &version : versions.value())
        out.append(toJson(version));
    return QHttpServerResponse(QJsonObject{ { u"layer"_s, layer }, { u"versions"_s, out } });
}

ApiAnswer PromptRoutes::add(HttpExchange &exchange)
{
    const QString layer = exchange.param(0);
    if (!PromptRegistry::layers().contains(layer))
        return unknownLayer(layer);
    const ApiResult<QString> text = readJsonBody<QString>(exchange, [](JsonObjectReader &reader) {
        const std::optional<QString> value = reader.string(u"text"_s);
        if (value && value->trimmed().isEmpty())
            reader.addError(u"text"_s, tr("must not be empty"));
        else if (value && value->size() > PromptRegistry::kMaxTextLength)
            reader.addError(u"text"_s, tr("must be at most %1 characters").arg(PromptRegistry::kMaxTextLength));
        return value.value_or(QString()).trimmed();
    });
    if (!text)
        return text.failure();
    const Principal &who = exchange.principal();
    Transaction transaction(m_database, tr("Adding a version of prompt layer %1").arg(layer));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<int> version = m_registry.add(transaction, who.orgId, layer, text.value(), who.userId);
    if (!version)
        return ApiFailure::internal(version.refusal());
    if (auto refusal = m_audit.record(transaction,
            AuditEntry{ who.orgId, who.userId, u"prompt.version_added"_s, layer,
                QJsonObject{ { u"version"_s, version.value() }, { u"length"_s, text.value().size() } }, 0, 0 }))
        return ApiFailure::internal(*refusal);
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    const Result<QList<PromptLayer>> versions = m_registry.history(who.orgId, layer);
    if (!versions || versions.value().isEmpty())
        return ApiFailure::internal(versions ? Refusal{ u"prompt.vanished"_s, QString() } : versions.refusal());
    return QHttpServerResponse(toJson(versions.value().first()), QHttpServerResponse::StatusCode::Created);
}

} // namespace callos::server

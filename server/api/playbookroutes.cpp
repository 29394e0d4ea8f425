#include "api/playbookroutes.h"

#include "audit/auditlog.h"
#include "content/versionedjson.h"
#include "http/httprouter.h"
#include "playbook/playbookloader.h"
#include "sessions/principal.h"
#include "storage/database.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// As JsonLimits' default: a real playbook is far smaller.
constexpr qint64 kMaxPlaybookBytes = 2 * 1024 * 1024;

// The document, or 304 when the client's If-None-Match still names it.
QHttpServerResponse versioned(const HttpExchange &exchange, const VersionedJson &json)
{
    if (json.matches(exchange.header("If-None-Match"))) {
        QHttpServerResponse notModified(QHttpServerResponse::StatusCode::NotModified);
        notModified.setHeader("ETag", json.etag());
        return notModified;
    }
    QHttpServerResponse response("application/json", json.bytes());
    response.setHeader("ETag", json.etag());
    return response;
}

} // namespace

PlaybookRoutes::PlaybookRoutes(Database &database, AuditLog &audit, const Clock &clock)
    : m_database(database)
    , m_audit(audit)
    , m_builtinPlaybook(PlaybookStore::readEmbeddedDefault())
    , m_playbooks(database, clock, m_builtinPlaybook ? m_builtinPlaybook.value() : QJsonObject())
    , m_deck(DeckContent::load(DeckContent::kEmbeddedDirectory))
{
}

void PlaybookRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.addSync(Method::Get, u"/api/v1/playbook"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return getPlaybook(exchange); });
    router.addSync(Method::Put, u"/api/v1/playbook"_s, { Access::Admin, kMaxPlaybookBytes },
        [this](HttpExchange &exchange) { return putPlaybook(exchange); });
    router.addSync(Method::Get, u"/api/v1/deck"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return getDeck(exchange); });
    // The name is one path segment: the image's file name ("growth-path.png")
    // or, as deck.json writes it, "images/growth-path.png" (two segments).
    router.addSync(Method::Get, u"/api/v1/deck/files/{name}"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return getDeckFile(exchange); });
    router.addSync(Method::Get, u"/api/v1/deck/files/{folder}/{name}"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return getDeckFile(exchange); });
}

ApiResult<QHttpServerResponse> PlaybookRoutes::getPlaybook(HttpExchange &exchange)
{
    if (!m_builtinPlaybook)
        return ApiFailure::internal(m_builtinPlaybook.refusal());
    const Result<QJsonObject> playbook = m_playbooks.active(exchange.principal().orgId);
    if (!playbook)
        return ApiFailure::internal(playbook.refusal());
    return versioned(exchange, VersionedJson(playbook.value()));
}

ApiResult<QHttpServerResponse> PlaybookRoutes::putPlaybook(HttpExchange &exchange)
{
    // Content-Type, UTF-8 and syntax first, with the API's usual answers.
    const ApiResult<QJsonObject> body = exchange.jsonObject();
    if (!body)
        return body.failure();
    const Validated<Playbook> checked = PlaybookLoader::parse(exchange.body(), u"playbook"_s);
    if (!checked.ok()) {
        ValidationErrors errors{ u"playbook"_s };
        for (const ValidationError &error : checked.errors)
            errors.add(error.path, error.message);
        ApiFailure failure = ApiFailure::invalid(errors);
        failure.refusal.code = u"playbook.invalid"_s;
        failure.refusal.message = tr("The playbook has %n problem(s); nothing was changed. The first: %1", nullptr,
            int(errors.count()))
                                      .arg(checked.errors.first().toString());
        return failure;
    }

    const Principal &who = exchange.principal();
    const Playbook &playbook = *checked.value;
    Transaction transaction(m_database, tr("Changing the playbook"));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<PlaybookStore::Replacement> replaced
        = m_playbooks.replace(transaction, who.orgId, who.userId, body.value());
    if (!replaced)
        return ApiFailure::internal(replaced.refusal());
    using Outcome = PlaybookStore::Replacement::Outcome;
    switch (replaced.value().outcome) {
    case Outcome::VersionNotNewer: {
        const int active = replaced.value().activeVersion;
        ApiFailure refused = ApiFailure::conflict(u"playbook.version_not_newer"_s,
            tr("This playbook is version %1, but the organisation runs version %2: a changed playbook needs a "
               "higher version, so every call still says which playbook it ran. Nothing was changed.")
                .arg(playbook.version)
                .arg(active));
        refused.details = QJsonObject{ { u"version"_s, playbook.version }, { u"active_version"_s, active } };
        return refused;
    }
    case Outcome::Unchanged:
        // The playbook in use sent again (a retry, say): the same answer,
        // and no audit entry for a change that did not happen.
        transaction.abort(Refusal{});
        break;
    case Outcome::Stored: {
        std::optional<Refusal> refusal = m_audit.record(transaction,
            AuditEntry{ who.orgId, who.userId, u"config.playbook_changed"_s, playbook.id,
                QJsonObject{ { u"playbook_id"_s, playbook.id }, { u"version"_s, playbook.version },
                    { u"name"_s, playbook.name } } });
        if (!refusal)
            refusal = transaction.commit();
        if (refusal)
            return ApiFailure::internal(*refusal);
        break;
    }
    }
    const VersionedJson stored(body.value());
    QHttpServerResponse response("application/json", stored.bytes());
    response.setHeader("ETag", stored.etag());
    return response;
}

ApiResult<QHttpServerResponse> PlaybookRoutes::getDeck(HttpExchange &exchange)
{
    if (!m_deck)
        return ApiFailure::internal(m_deck.refusal());
    return versioned(exchange, m_deck.value().deck());
}

ApiResult<QHttpServerResponse> PlaybookRoutes::getDeckFile(HttpExchange &exchange)
{
    if (!m_deck)
        return ApiFailure::internal(m_deck.refusal());
    const QString name = exchange.param(1).isEmpty() ? exchange.param(0) : exchange.param(0) + u'/' + exchange.param(1);
    const std::optional<DeckContent::File> file = m_deck.value().file(name);
    if (!file)
        return ApiFailure::notFound(u"deck.file_not_found"_s, tr("The deck has no image called %1.").arg(name));
    return QHttpServerResponse(file->contentType, file->bytes);
}

} // namespace callos::server

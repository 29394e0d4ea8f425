#include "api/prospectroutes.h"

#include "api/queryreader.h"
#include "api/visibility.h"
#include "common/clock.h"
#include "common/idgenerator.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "prospects/entityid.h"
#include "prospects/prospectjson.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QJsonArray>

#include <climits>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Generous for pain points of 2000 characters written as \u escapes.
constexpr qint64 kMaxBodyBytes = 32 * 1024;
constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;
constexpr int kMaxSearchLength = 200;

ApiFailure notFound()
{
    return ApiFailure::notFound(u"prospect.not_found"_s, ProspectRoutes::tr("There is no such prospect."));
}

ApiResult<ProspectPatch> readBody(const HttpExchange &exchange, ProspectJson::Mode mode)
{
    return readJsonBody<ProspectPatch>(
        exchange, [mode](JsonObjectReader &reader) { return ProspectJson::read(reader, mode); });
}

// An id in the body must name the prospect of the path, if given at all.
std::optional<ApiFailure> checkBodyId(const ProspectPatch &patch, const QString &pathId)
{
    if (patch.id && *patch.id != pathId)
        return ApiFailure::invalidField(u"id"_s, ProspectRoutes::tr("must be the id in the path (%1)").arg(pathId));
    return std::nullopt;
}

QHttpServerResponse respond(const Prospect &prospect, QHttpServerResponse::StatusCode status)
{
    return QHttpServerResponse(ProspectJson::write(prospect), status);
}

} // namespace

ProspectRoutes::ProspectRoutes(Database &database, const Clock &clock, IdGenerator &ids)
    : m_database(database), m_clock(clock), m_ids(ids), m_prospects(database)
{
}

void ProspectRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.addSync(Method::Get, u"/api/v1/prospects"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return list(exchange); });
    router.addSync(Method::Post, u"/api/v1/prospects"_s, { Access::Agent, kMaxBodyBytes },
        [this](HttpExchange &exchange) { return create(exchange); });
    router.addSync(Method::Get, u"/api/v1/prospects/{id}"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return get(exchange); });
    router.addSync(Method::Patch, u"/api/v1/prospects/{id}"_s, { Access::Agent, kMaxBodyBytes },
        [this](HttpExchange &exchange) { return update(exchange); });
    router.addSync(Method::Put, u"/api/v1/prospects/{id}"_s, { Access::Agent, kMaxBodyBytes },
        [this](HttpExchange &exchange) { return put(exchange); });
}

ApiResult<Prospect> ProspectRoutes::findVisible(const Principal &who, const QString &id) const
{
    if (!isEntityId(id))
        return notFound();
    const Result<std::optional<Prospect>> found = m_prospects.find(who.orgId, id);
    if (!found)
        return ApiFailure::internal(found.refusal());
    if (!found.value() || !canSee(who, found.value()->ownerUserId))
        return notFound();
    return *found.value();
}

ApiResult<QHttpServerResponse> ProspectRoutes::list(HttpExchange &exchange)
{
    QueryReader query(exchange.query());
    const QString search = query.text(u"q"_s, kMaxSearchLength);
    const int limit = int(query.integer(u"limit"_s, 1, kMaxLimit, kDefaultLimit));
    const int offset = int(query.integer(u"offset"_s, 0, INT_MAX, 0));
    if (const std::optional<ApiFailure> failure = query.finish())
        return *failure;

    const Principal &who = exchange.principal();
    const QString owner = seesWholeOrganisation(who) ? QString() : who.userId;
    const Result<ProspectRepository::Page> page = m_prospects.list(who.orgId, owner, search, limit, offset);
    if (!page)
        return ApiFailure::internal(page.refusal());
    QJsonArray items;
    for (const Prospect &prospect : page.value().prospects)
        items.append(ProspectJson::write(prospect));
    return QHttpServerResponse(QJsonObject{ { u"prospects"_s, items }, { u"total"_s, page.value().total },
        { u"limit"_s, limit }, { u"offset"_s, offset } });
}

ApiResult<QHttpServerResponse> ProspectRoutes::get(HttpExchange &exchange)
{
    const ApiResult<Prospect> prospect = findVisible(exchange.principal(), exchange.param(0));
    if (!prospect)
        return prospect.failure();
    return respond(prospect.value(), QHttpServerResponse::StatusCode::Ok);
}

ApiResult<QHttpServerResponse> ProspectRoutes::create(HttpExchange &exchange)
{
    const ApiResult<ProspectPatch> patch = readBody(exchange, ProspectJson::Mode::Whole);
    if (!patch)
        return patch.failure();
    const QString id = patch.value().id ? *patch.value().id : m_ids.nextId();
    const ApiResult<std::optional<Prospect>> inserted
        = insert(exchange.principal(), id, patch.value().appliedTo(ProspectFields{}));
    if (!inserted)
        return inserted.failure();
    if (!inserted.value())
        return ApiFailure::conflict(u"prospect.exists"_s,
            tr("A prospect with the id %1 already exists; change it with PATCH or PUT.").arg(id));
    return respond(*inserted.value(), QHttpServerResponse::StatusCode::Created);
}

ApiResult<QHttpServerResponse> ProspectRoutes::update(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const QString id = exchange.param(0);
    const ApiResult<Prospect> prospect = findVisible(who, id);
    if (!prospect)
        return prospect.failure();
    const ApiResult<ProspectPatch> patch = readBody(exchange, ProspectJson::Mode::Partial);
    if (!patch)
        return patch.failure();
    if (const std::optional<ApiFailure> failure = checkBodyId(patch.value(), id))
        return *failure;
    const ApiResult<Prospect> updated
        = replaceFields(prospect.value(), patch.value().appliedTo(prospect.value().fields));
    if (!updated)
        return updated.failure();
    return respond(updated.value(), QHttpServerResponse::StatusCode::Ok);
}

ApiResult<QHttpServerResponse> ProspectRoutes::put(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const QString id = exchange.param(0);
    if (!isEntityId(id))
        return ApiFailure::invalidField(u"id"_s, tr("the id in the path must be a UUID"));
    const ApiResult<ProspectPatch> patch = readBody(exchange, ProspectJson::Mode::Whole);
    if (!patch)
        return patch.failure();
    if (const std::optional<ApiFailure> failure = checkBodyId(patch.value(), id))
        return *failure;
    const ProspectFields fields = patch.value().appliedTo(ProspectFields{});

    // Twice at most: when the insert finds the id taken, someone (another
    // server node) may have created it in between, and then it is an update.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Result<std::optional<Prospect>> found = m_prospects.find(who.orgId, id);
        if (!found)
            return ApiFailure::internal(found.refusal());
        if (found.value()) {
            if (!canSee(who, found.value()->ownerUserId))
                return notFound();
            const ApiResult<Prospect> replaced = replaceFields(*found.value(), fields);
            if (!replaced)
                return replaced.failure();
            return respond(replaced.value(), QHttpServerResponse::StatusCode::Ok);
        }
        const ApiResult<std::optional<Prospect>> inserted = insert(who, id, fields);
        if (!inserted)
            return inserted.failure();
        if (inserted.value())
            return respond(*inserted.value(), QHttpServerResponse::StatusCode::Created);
    }
    // The id is taken, and not in this organisation: as invisible as any other.
    return notFound();
}

ApiResult<Prospect> ProspectRoutes::replaceFields(Prospect prospect, const ProspectFields &fields)
{
    if (prospect.fields == fields)
        return prospect;
    prospect.fields = fields;
    prospect.updatedAt = m_clock.nowMs();
    Transaction transaction(m_database, tr("Saving prospect %1").arg(prospect.id));
    std::optional<Refusal> refusal = transaction.begin();
    if (!refusal)
        refusal = m_prospects.update(transaction, prospect);
    if (!refusal)
        refusal = transaction.commit();
    if (refusal)
        return ApiFailure::internal(*refusal);
    return prospect;
}

ApiResult<std::optional<Prospect>> ProspectRoutes::insert(
    const Principal &who, const QString &id, const ProspectFields &fields)
{
    Prospect prospect;
    prospect.id = id;
    prospect.orgId = who.orgId;
    prospect.ownerUserId = who.userId;
    prospect.fields = fields;
    prospect.createdAt = m_clock.nowMs();
    prospect.updatedAt = prospect.createdAt;
    Transaction transaction(m_database, tr("Adding prospect %1").arg(id));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<bool> inserted = m_prospects.insert(transaction, prospect);
    if (!inserted)
        return ApiFailure::internal(inserted.refusal());
    if (!inserted.value())
        return std::optional<Prospect>(); // rolled back by the destructor: nothing was written
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    return std::optional<Prospect>(prospect);
}

} // namespace callos::server

#include "api/callroutes.h"

#include "api/queryreader.h"
#include "api/visiblecall.h"
#include "api/visibility.h"
#include "audit/auditlog.h"
#include "common/clock.h"
#include "common/idgenerator.h"
#include "http/httprouter.h"
#include "http/jsonrequest.h"
#include "live/callactivity.h"
#include "prospects/entityid.h"
#include "storage/database.h"
#include "storage/transaction.h"

#include <QJsonArray>

#include <climits>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr qint64 kMaxBodyBytes = 4 * 1024;
constexpr int kDefaultLimit = 50;
constexpr int kMaxLimit = 200;

const QStringList kStatuses{ u"open"_s, u"in_progress"_s, u"completed"_s, u"closed_incomplete"_s };

// A body field naming something the caller cannot see: 404 like a path,
// with the field, so the desktop sync knows to push the prospect first.
ApiFailure referenceNotFound(const QString &code, const QString &field, const QString &message)
{
    ApiFailure failure = ApiFailure::notFound(code, message);
    failure.details = QJsonObject{ { u"field"_s, field } };
    return failure;
}

QJsonValue optionalJson(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue optionalJson(const std::optional<qint64> &time)
{
    return time ? QJsonValue(*time) : QJsonValue(QJsonValue::Null);
}

QString readId(JsonObjectReader &reader, const QString &key, Presence presence)
{
    const std::optional<QString> text = reader.string(key, presence);
    if (!text)
        return {};
    if (!isEntityId(*text)) {
        reader.addError(key, CallRoutes::tr("must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"));
        return {};
    }
    return *text;
}

} // namespace

struct CallRoutes::CreateRequest
{
    QString id; // empty: the server makes one (POST)
    QString prospectId;
    QString followsCallId; // empty: a first call
};

CallRoutes::CallRoutes(Database &database, AuditLog &audit, CallActivity &activity, const Clock &clock, IdGenerator &ids)
    : m_database(database)
    , m_audit(audit)
    , m_activity(activity)
    , m_clock(clock)
    , m_ids(ids)
    , m_calls(database, ids)
    , m_prospects(database)
{
}

void CallRoutes::addTo(HttpRouter &router)
{
    using Method = HttpExchange::Method;
    router.addSync(Method::Get, u"/api/v1/calls"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return list(exchange); });
    router.addSync(Method::Post, u"/api/v1/calls"_s, { Access::Agent, kMaxBodyBytes },
        [this](HttpExchange &exchange) { return create(exchange); });
    router.addSync(Method::Get, u"/api/v1/calls/{id}"_s, { Access::Agent, 0 },
        [this](HttpExchange &exchange) { return get(exchange); });
    router.addSync(Method::Put, u"/api/v1/calls/{id}"_s, { Access::Agent, kMaxBodyBytes },
        [this](HttpExchange &exchange) { return put(exchange); });
    router.addSync(Method::Post, u"/api/v1/calls/{id}/complete"_s, { Access::Agent, kMaxBodyBytes },
        [this](HttpExchange &exchange) { return complete(exchange); });
}

QJsonObject CallRoutes::toJson(const CallRow &call)
{
    return QJsonObject{ { u"id"_s, call.id }, { u"prospect_id"_s, optionalJson(call.prospectId) },
        { u"agent_user_id"_s, call.agentUserId }, { u"thread_id"_s, optionalJson(call.threadId) },
        { u"follows_call_id"_s, optionalJson(call.followsCallId) }, { u"status"_s, call.status },
        { u"playbook_id"_s, call.playbookId }, { u"playbook_version"_s, call.playbookVersion },
        { u"advisory_only"_s, call.advisoryOnly }, { u"current_milestone_id"_s, call.currentMilestoneId },
        { u"decision"_s, call.decision }, { u"event_count"_s, call.eventCount },
        { u"started_at"_s, optionalJson(call.startedAt) }, { u"completed_at"_s, optionalJson(call.completedAt) },
        { u"created_at"_s, call.createdAt }, { u"updated_at"_s, call.updatedAt } };
}

ApiResult<CallRow> CallRoutes::findVisible(const Principal &who, const QString &id) const
{
    return findVisibleCall(m_calls, who, id);
}

ApiResult<QHttpServerResponse> CallRoutes::list(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    QueryReader query(exchange.query());
    CallFilter filter;
    filter.agentUserId = query.text(u"agent"_s, 64);
    filter.status = query.text(u"status"_s, 32);
    if (!filter.status.isEmpty() && !kStatuses.contains(filter.status))
        query.addError(u"status"_s, tr("must be one of %1").arg(kStatuses.join(u", "_s)));
    filter.prospectId = query.id(u"prospect"_s);
    filter.from = query.optionalInteger(u"from"_s, 0, LLONG_MAX);
    filter.to = query.optionalInteger(u"to"_s, 0, LLONG_MAX);
    filter.limit = int(query.integer(u"limit"_s, 1, kMaxLimit, kDefaultLimit));
    filter.offset = int(query.integer(u"offset"_s, 0, INT_MAX, 0));
    if (const std::optional<ApiFailure> failure = query.finish())
        return *failure;

    if (!seesWholeOrganisation(who)) {
        // Asking for another agent's calls is a question an agent may not
        // ask, not an empty answer.
        if (!filter.agentUserId.isEmpty() && filter.agentUserId != who.userId)
            return ApiFailure::forbidden(tr("An agent sees only their own calls."));
        filter.agentUserId = who.userId;
    }
    const Result<CallRepository::Page> page = m_calls.list(who.orgId, filter);
    if (!page)
        return ApiFailure::internal(page.refusal());
    QJsonArray items;
    for (const CallRow &call : page.value().calls)
        items.append(toJson(call));
    return QHttpServerResponse(QJsonObject{ { u"calls"_s, items }, { u"total"_s, page.value().total },
        { u"limit"_s, filter.limit }, { u"offset"_s, filter.offset } });
}

ApiResult<QHttpServerResponse> CallRoutes::get(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const ApiResult<CallRow> call = findVisible(who, exchange.param(0));
    if (!call)
        return call.failure();
    const Result<QList<CallMilestoneRow>> milestones = m_calls.milestones(who.orgId, call.value().id);
    if (!milestones)
        return ApiFailure::internal(milestones.refusal());
    const Result<QList<CallObjectionRow>> objections = m_calls.objections(who.orgId, call.value().id);
    if (!objections)
        return ApiFailure::internal(objections.refusal());

    QJsonObject json = toJson(call.value());
    QJsonArray milestoneItems;
    for (const CallMilestoneRow &milestone : milestones.value()) {
        milestoneItems.append(QJsonObject{ { u"milestone_id"_s, milestone.milestoneId },
            { u"status"_s, milestone.status }, { u"entered_at"_s, optionalJson(milestone.enteredAt) },
            { u"finished_at"_s, optionalJson(milestone.finishedAt) }, { u"active_ms"_s, milestone.activeMs } });
    }
    QJsonArray objectionItems;
    for (const CallObjectionRow &objection : objections.value()) {
        objectionItems.append(QJsonObject{ { u"objection_id"_s, objection.objectionId },
            { u"type_id"_s, objection.typeId }, { u"milestone_id"_s, objection.milestoneId },
            { u"outcome"_s, objection.outcome }, { u"raised_at"_s, objection.raisedAt },
            { u"closed_at"_s, optionalJson(objection.closedAt) } });
    }
    json.insert(u"milestones"_s, milestoneItems);
    json.insert(u"objections"_s, objectionItems);
    return QHttpServerResponse(json);
}

ApiResult<QHttpServerResponse> CallRoutes::create(HttpExchange &exchange)
{
    const ApiResult<CreateRequest> request = readJsonBody<CreateRequest>(exchange, [](JsonObjectReader &reader) {
        CreateRequest read;
        read.id = readId(reader, u"id"_s, Presence::Optional);
        read.prospectId = readId(reader, u"prospect_id"_s, Presence::Required);
        read.followsCallId = readId(reader, u"follows_call_id"_s, Presence::Optional);
        return read;
    });
    if (!request)
        return request.failure();
    CreateRequest creating = request.value();
    if (creating.id.isEmpty())
        creating.id = m_ids.nextId();
    const ApiResult<std::optional<CallRow>> created = insert(exchange.principal(), creating);
    if (!created)
        return created.failure();
    if (!created.value())
        return ApiFailure::conflict(u"call.exists"_s,
            tr("A call with the id %1 already exists; PUT /calls/%1 confirms it.").arg(creating.id));
    return QHttpServerResponse(toJson(*created.value()), QHttpServerResponse::StatusCode::Created);
}

ApiResult<QHttpServerResponse> CallRoutes::put(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const QString id = exchange.param(0);
    if (!isEntityId(id))
        return ApiFailure::invalidField(u"id"_s, tr("the id in the path must be a UUID"));
    const ApiResult<CreateRequest> request = readJsonBody<CreateRequest>(exchange, [&id](JsonObjectReader &reader) {
        CreateRequest read;
        read.id = id;
        read.prospectId = readId(reader, u"prospect_id"_s, Presence::Required);
        read.followsCallId = readId(reader, u"follows_call_id"_s, Presence::Optional);
        return read;
    });
    if (!request)
        return request.failure();

    // Twice at most: when the insert finds the id taken, another server node
    // may have created it in between, and then it is a confirmation.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Result<std::optional<CallRow>> found = m_calls.find(who.orgId, id);
        if (!found)
            return ApiFailure::internal(found.refusal());
        if (const std::optional<CallRow> &call = found.value()) {
            if (!canSee(who, call->agentUserId))
                return callNotFound();
            // The same request again confirms; another one must not
            // silently move the call to another prospect or thread.
            if (call->prospectId != request.value().prospectId)
                return ApiFailure::conflict(u"call.conflict"_s,
                    tr("The call %1 exists with another prospect (%2).").arg(id, call->prospectId));
            if (call->followsCallId != request.value().followsCallId)
                return ApiFailure::conflict(u"call.conflict"_s,
                    tr("The call %1 exists as the follow-up of another call.").arg(id));
            return QHttpServerResponse(toJson(*call), QHttpServerResponse::StatusCode::Ok);
        }
        const ApiResult<std::optional<CallRow>> created = insert(who, request.value());
        if (!created)
            return created.failure();
        if (created.value())
            return QHttpServerResponse(toJson(*created.value()), QHttpServerResponse::StatusCode::Created);
    }
    // The id is taken, and not in this organisation: as invisible as any other.
    return callNotFound();
}

ApiResult<std::optional<CallRow>> CallRoutes::insert(const Principal &who, const CreateRequest &request)
{
    const Result<std::optional<Prospect>> prospect = m_prospects.find(who.orgId, request.prospectId);
    if (!prospect)
        return ApiFailure::internal(prospect.refusal());
    if (!prospect.value() || !canSee(who, prospect.value()->ownerUserId))
        return referenceNotFound(u"prospect.not_found"_s, u"prospect_id"_s,
            tr("There is no such prospect (prospect_id %1).").arg(request.prospectId));

    std::optional<CallRow> follows;
    if (!request.followsCallId.isEmpty()) {
        if (request.followsCallId == request.id)
            return ApiFailure::invalidField(u"follows_call_id"_s, tr("a call cannot follow itself"));
        const Result<std::optional<CallRow>> earlier = m_calls.find(who.orgId, request.followsCallId);
        if (!earlier)
            return ApiFailure::internal(earlier.refusal());
        if (!earlier.value() || !canSee(who, earlier.value()->agentUserId))
            return referenceNotFound(u"call.not_found"_s, u"follows_call_id"_s,
                tr("There is no such call (follows_call_id %1).").arg(request.followsCallId));
        // A thread is one prospect's calls.
        if (earlier.value()->prospectId != request.prospectId)
            return ApiFailure::invalidField(u"follows_call_id"_s, tr("must be a call with the same prospect"));
        follows = earlier.value();
    }

    Transaction transaction(m_database, tr("Creating call %1").arg(request.id));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<bool> inserted = m_calls.insert(transaction,
        NewCall{ request.id, who.orgId, request.prospectId, who.userId, m_clock.nowMs() }, follows);
    if (!inserted)
        return ApiFailure::internal(inserted.refusal());
    if (!inserted.value())
        return std::optional<CallRow>(); // the destructor rolls back: nothing was written
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    const Result<std::optional<CallRow>> created = m_calls.find(who.orgId, request.id);
    if (!created || !created.value())
        return ApiFailure::internal(
            created ? Refusal{ u"call.vanished"_s, u"call %1 not found after creating it"_s.arg(request.id) }
                    : created.refusal());
    return created.value();
}

ApiResult<QHttpServerResponse> CallRoutes::complete(HttpExchange &exchange)
{
    const Principal &who = exchange.principal();
    const ApiResult<CallRow> call = findVisible(who, exchange.param(0));
    if (!call)
        return call.failure();
    // The body is {} or nothing at all; anything in it is a mistake.
    if (!exchange.body().isEmpty()) {
        const ApiResult<bool> empty = readJsonBody<bool>(exchange, [](JsonObjectReader &) { return true; });
        if (!empty)
            return empty.failure();
    }

    Transaction transaction(m_database, tr("Closing call %1").arg(call.value().id));
    if (auto refusal = transaction.begin())
        return ApiFailure::internal(*refusal);
    const Result<std::optional<QString>> closed
        = m_calls.close(transaction, who.orgId, call.value().id, m_clock.nowMs());
    if (!closed)
        return ApiFailure::internal(closed.refusal());
    if (closed.value()) {
        if (auto refusal = m_audit.record(transaction, AuditEntry{ who.orgId, who.userId, u"call.closed"_s,
                call.value().id, QJsonObject{ { u"status"_s, *closed.value() } } }))
            return ApiFailure::internal(*refusal);
    }
    if (auto refusal = transaction.commit())
        return ApiFailure::internal(*refusal);
    if (closed.value())
        m_activity.callUpdated(CallUpdate{ who.orgId, call.value().id, {}, true });
    const ApiResult<CallRow> after = findVisible(who, call.value().id);
    if (!after)
        return after.failure();
    return QHttpServerResponse(toJson(after.value()));
}

} // namespace callos::server

#include "demo/demoorganisation.h"

#include "accounts/userdirectory.h"
#include "auth/passwordgenerator.h"
#include "auth/passwordhasher.h"
#include "call/calleventcodec.h"
#include "calls/callrepository.h"
#include "common/clock.h"
#include "common/idgenerator.h"
#include "content/deckcontent.h"
#include "demo/democallplayer.h"
#include "demo/democontent.h"
#include "playbook/playbookloader.h"
#include "prospects/prospectrepository.h"
#include "sessions/principal.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

#include <QDateTime>
#include <QJsonDocument>

#include <map>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr qint64 kDayMs = 24 * 60 * 60 * 1000;
constexpr qint64 kMinuteMs = 60 * 1000;
// A paused call's follow-up is booked for the afternoon.
constexpr int kFollowUpMinute = 15 * 60;

QDate dayOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).date();
}

qint64 startOf(const QDate &day)
{
    return day.startOfDay(Qt::UTC).toMSecsSinceEpoch();
}

// The playbook of organisations that stored none; empty if the server was
// built without it (then every call is refused, with the playbook named).
QJsonObject builtinPlaybook()
{
    const Result<QJsonObject> builtin = PlaybookStore::readEmbeddedDefault();
    return builtin.ok() ? builtin.value() : QJsonObject();
}

// The organisation's active playbook, which the ingest checks the calls
// against; for a new organisation the built-in default.
Result<Playbook> activePlaybook(const PlaybookStore &store, const QString &orgId)
{
    const Result<QJsonObject> active = store.active(orgId);
    if (!active)
        return active.refusal();
    Validated<Playbook> playbook
        = PlaybookLoader::parse(QJsonDocument(active.value()).toJson(QJsonDocument::Compact), u"playbook"_s);
    if (!playbook.ok())
        return Refusal { u"demo.playbook_invalid"_s, playbook.messages().join(u"; "_s) };
    return std::move(*playbook.value);
}

// The slides of the deck the server hands to desktops; none if it cannot be
// read (the calls are then played without showing slides).
QList<DemoSlide> deckSlides()
{
    const Result<DeckContent> deck = DeckContent::load(DeckContent::kEmbeddedDirectory);
    if (!deck)
        return {};
    return DemoCallPlayer::slidesOf(QJsonDocument::fromJson(deck.value().deck().bytes()).object());
}

} // namespace

DemoOrganisation::DemoOrganisation(Database &database, const PasswordHasher &hasher, const PasswordGenerator &passwords,
    const Clock &clock, IdGenerator &ids)
    : m_database(database)
    , m_hasher(hasher)
    , m_passwords(passwords)
    , m_clock(clock)
    , m_ids(ids)
    , m_audit(database, m_foundingClock)
    , m_playbookStore(database, clock, builtinPlaybook())
    , m_callPlaybooks(m_playbookStore)
    , m_ingest(database, m_callPlaybooks, m_audit, nullptr, clock)
{ }

DemoOrganisation::~DemoOrganisation() = default;

qint64 DemoOrganisation::callStartMs(const DemoCall &call, const QDate &today)
{
    return startOf(today.addDays(-call.daysAgo)) + call.startMinute * kMinuteMs;
}

qint64 DemoOrganisation::followUpAtMs(const DemoCall &call, const QDate &today)
{
    return startOf(today.addDays(call.followUpInDays)) + kFollowUpMinute * kMinuteMs;
}

Result<std::optional<QString>> DemoOrganisation::existingOrganisation() const
{
    const Result<std::optional<SqlRows::Row>> named = SqlRows::first(m_database, tr("the organisations"),
        u"SELECT org_id FROM organisations WHERE lower(name) = lower(?)"_s, { DemoContent::organisationName() });
    if (!named)
        return named.refusal();
    if (named.value()) {
        // Ours when it has the demo admin: the addresses are unique across
        // organisations, so nobody else can have made that.
        const QString orgId = named.value()->at(0).toString();
        const Result<std::optional<SqlRows::Row>> admin = SqlRows::first(m_database, tr("the users"),
            u"SELECT count(*) FROM users WHERE org_id = ? AND email = ?"_s,
            { orgId, DemoContent::accounts().constFirst().email });
        if (!admin)
            return admin.refusal();
        if (admin.value() && admin.value()->at(0).toInt() > 0)
            return std::optional<QString>(orgId);
        return Refusal { u"demo.name_taken"_s,
            tr("An organisation named \"%1\" exists that the demo seed did not create; nothing was changed.")
                .arg(DemoContent::organisationName()) };
    }
    const Result<std::optional<SqlRows::Row>> others
        = SqlRows::first(m_database, tr("the organisations"), u"SELECT count(*) FROM organisations"_s);
    if (!others)
        return others.refusal();
    if (others.value() && others.value()->at(0).toInt() > 0)
        return Refusal { u"demo.database_in_use"_s,
            tr("%1 holds other organisations, and the demo organisation, whose passwords are kept in a file, goes "
               "only into a database of its own (name another one with --data-dir or --db). Nothing was changed.")
                .arg(m_database.name()) };
    return std::optional<QString>();
}

Result<DemoSeeding> DemoOrganisation::ensureOrganisation()
{
    const Result<std::optional<QString>> existing = existingOrganisation();
    if (!existing)
        return existing.refusal();
    if (existing.value())
        return DemoSeeding { *existing.value(), false, {} };

    // Hashed before the transaction: Argon2id takes a while and needs no lock.
    QList<DemoCredentials> credentials;
    QStringList hashes;
    for (const DemoAccount &account : DemoContent::accounts()) {
        const QString password = m_passwords.generate();
        const Result<QString> hash = m_hasher.hash(password);
        if (!hash)
            return hash.refusal();
        credentials.append({ roleName(account.role), account.email, password, account.displayName });
        hashes.append(hash.value());
    }
    return create(credentials, hashes);
}

Result<DemoSeeding> DemoOrganisation::create(const QList<DemoCredentials> &credentials, const QStringList &hashes)
{
    const qint64 now = m_clock.nowMs();
    const QDate today = dayOf(now);
    m_foundingClock.set(now - kFoundedDaysAgo * kDayMs);
    const QString name = DemoContent::organisationName();

    Transaction transaction(m_database, tr("Creating the demo organisation \"%1\"").arg(name));
    if (auto refusal = transaction.begin())
        return *refusal;
    // Asked again inside the transaction, whose answer holds until COMMIT:
    // another seed may have been quicker.
    const Result<QVariant> organisations = transaction.read(u"SELECT count(*) FROM organisations"_s);
    if (!organisations)
        return organisations.refusal();
    if (organisations.value().toInt() > 0) {
        transaction.abort(Refusal {});
        const Result<std::optional<QString>> existing = existingOrganisation();
        if (!existing)
            return existing.refusal();
        return DemoSeeding { existing.value().value_or(QString()), false, {} };
    }

    DemoSeeding seeding { m_ids.nextId(), true, credentials };
    if (auto refusal = transaction.exec(u"INSERT INTO organisations (org_id, name, created_at) VALUES (?, ?, ?)"_s,
            { seeding.orgId, name, m_foundingClock.nowMs() }))
        return *refusal;

    UserDirectory users(m_database, m_foundingClock, m_ids);
    const QList<DemoAccount> accounts = DemoContent::accounts();
    QHash<QString, QString> userIds; // by email
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const DemoAccount &account = accounts.at(i);
        const Result<UserRecord> user = users.create(
            transaction, seeding.orgId, NewUser { account.email, account.displayName, account.role }, hashes.at(i));
        if (!user)
            return user.refusal();
        userIds.insert(account.email, user.value().id);
        // The entries an admin would find had they set this up by hand;
        // "via" says who really did. Never a password or its hash.
        const AuditEntry entry = i == 0
            ? AuditEntry { seeding.orgId, {}, u"organisation.created"_s, seeding.orgId,
                  QJsonObject { { u"name"_s, name }, { u"admin_user_id"_s, user.value().id },
                      { u"admin_email"_s, account.email }, { u"via"_s, u"demo_seed"_s } } }
            : AuditEntry { seeding.orgId, {}, u"user.created"_s, user.value().id,
                  QJsonObject { { u"email"_s, account.email }, { u"role"_s, roleName(account.role) },
                      { u"password"_s, u"generated"_s }, { u"via"_s, u"demo_seed"_s } } };
        if (auto refusal = m_audit.record(transaction, entry))
            return *refusal;
    }

    ProspectRepository prospects(m_database);
    QStringList prospectIds;
    for (const DemoProspect &demo : DemoContent::prospects()) {
        Prospect prospect;
        prospect.id = m_ids.nextId();
        prospect.orgId = seeding.orgId;
        prospect.ownerUserId = userIds.value(demo.ownerEmail);
        prospect.fields = demo.fields;
        prospect.createdAt = now - demo.createdDaysAgo * kDayMs;
        prospect.updatedAt = prospect.createdAt;
        const Result<bool> inserted = prospects.insert(transaction, prospect);
        if (!inserted)
            return inserted.refusal();
        if (!inserted.value())
            return transaction.abort(
                Refusal { u"demo.id_taken"_s, tr("The prospect id %1 is taken.").arg(prospect.id) });
        prospectIds.append(prospect.id);
    }

    // The calls as the agents' desktops create them when a call begins
    // (PUT /calls/{id}); their events come in step 2.
    CallRepository calls(m_database, m_ids);
    const QList<DemoProspect> demoProspects = DemoContent::prospects();
    for (const DemoCall &call : DemoContent::calls(today)) {
        const NewCall row { m_ids.nextId(), seeding.orgId, prospectIds.at(call.prospect),
            userIds.value(demoProspects.at(call.prospect).ownerEmail), callStartMs(call, today) };
        const Result<bool> inserted = calls.insert(transaction, row, std::nullopt);
        if (!inserted)
            return inserted.refusal();
        if (!inserted.value())
            return transaction.abort(Refusal { u"demo.id_taken"_s, tr("The call id %1 is taken.").arg(row.id) });
    }

    if (auto refusal = transaction.commit())
        return *refusal;
    return seeding;
}

Result<int> DemoOrganisation::playMissingCalls(const QString &orgId)
{
    const Result<Playbook> playbook = activePlaybook(m_playbookStore, orgId);
    if (!playbook)
        return playbook.refusal();
    const DemoCallPlayer player(playbook.value(), deckSlides());

    const Result<QList<SqlRows::Row>> users = SqlRows::select(
        m_database, tr("the demo accounts"), u"SELECT id, email FROM users WHERE org_id = ?"_s, { orgId });
    if (!users)
        return users.refusal();
    QHash<QString, QString> userIds; // by email
    for (const SqlRows::Row &user : users.value())
        userIds.insert(user.at(1).toString(), user.at(0).toString());

    // Each agent's desktop: a device of its own, numbering its events on
    // from call to call.
    struct Device
    {
        QString id;
        MemoryEventSink events;
    };
    std::map<QString, Device> devices; // by agent email

    const QDate today = dayOf(m_clock.nowMs());
    const QList<DemoProspect> prospects = DemoContent::prospects();
    int played = 0;
    for (const DemoCall &call : DemoContent::calls(today)) {
        const DemoProspect &prospect = prospects.at(call.prospect);
        const Result<std::optional<SqlRows::Row>> row = SqlRows::first(m_database, tr("the demo calls"),
            u"SELECT c.id, c.event_count, c.created_at FROM calls c JOIN prospects p ON p.id = c.prospect_id "
            "WHERE c.org_id = ? AND p.org_id = c.org_id AND p.name = ? ORDER BY c.created_at, c.id"_s,
            { orgId, prospect.fields.name });
        if (!row)
            return row.refusal();
        const QString agentId = userIds.value(prospect.ownerEmail);
        if (!row.value() || agentId.isEmpty())
            return Refusal { u"demo.incomplete"_s,
                tr("The demo organisation has no call with %1 by %2 to play; to start afresh, remove its database.")
                    .arg(prospect.fields.name, prospect.ownerEmail) };
        if (row.value()->at(1).toLongLong() > 0)
            continue; // played by an earlier run

        Device &device = devices[prospect.ownerEmail];
        if (device.id.isEmpty())
            device.id = m_ids.nextId();
        const QString callId = row.value()->at(0).toString();
        const DemoCallPlayer::Timing timing { row.value()->at(2).toLongLong(), followUpAtMs(call, today) };
        const Result<QList<CallEvent>> events = player.play(
            call, prospect.fields, CallIdentity { callId, device.id, agentId }, timing, m_ids, device.events);
        if (!events)
            return events.refusal();
        if (events.value().size() > CallIngest::kMaximumBatch)
            return Refusal { u"demo.call_too_long"_s,
                tr("The demo call with %1 has %2 events, more than one batch takes (%3).")
                    .arg(prospect.fields.name)
                    .arg(events.value().size())
                    .arg(CallIngest::kMaximumBatch) };

        // One batch per call, so a call is stored whole or not at all.
        QJsonArray batch;
        for (const CallEvent &event : events.value())
            batch.append(CallEventCodec::toJson(event));
        Principal agent;
        agent.userId = agentId;
        agent.orgId = orgId;
        agent.email = prospect.ownerEmail;
        agent.role = Role::Agent;
        const Result<IngestOutcome> outcome = m_ingest.ingest(agent, batch);
        if (!outcome)
            return outcome.refusal();
        if (!outcome.value().refused.isEmpty()) {
            const RefusedEvent &first = outcome.value().refused.constFirst();
            return Refusal { u"demo.call_refused"_s,
                tr("The server refused event %1 of the demo call with %2: %3 (%4)")
                    .arg(first.id, prospect.fields.name, first.why.message, first.why.code) };
        }
        ++played;
    }
    return played;
}

} // namespace callos::server

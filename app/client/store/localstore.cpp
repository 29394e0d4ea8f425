#include "client/store/localstore.h"

#include "client/store/schemamigrations.h"
#include "client/store/storefilecheck.h"
#include "client/store/storerefusals.h"
#include "client/store/writetransaction.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace callos::client {

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString &path, WriteFaults *faults)
{
    Options options;
    options.path = path;
    options.faults = faults;
    return open(options);
}

Result<std::unique_ptr<LocalStore>> LocalStore::open(const Options &options)
{
    if (options.path.trimmed().isEmpty())
        return StoreRefusals::cannotOpen(options.path, tr("no file name was given"));
    const QFileInfo file(options.path);
    const QString path = file.absoluteFilePath();
    if (file.isDir())
        return StoreRefusals::cannotOpen(path, tr("it is a folder, not a file"));
    const QFileInfo folder(file.absolutePath());
    if (folder.exists() && !folder.isDir())
        return StoreRefusals::cannotOpen(
            path, tr("%1 is a file, not a folder").arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
    if (!folder.exists() && !QDir().mkpath(folder.absoluteFilePath()))
        return StoreRefusals::cannotOpen(
            path, tr("its folder %1 cannot be created").arg(QDir::toNativeSeparators(folder.absoluteFilePath())));
    if (!QSqlDatabase::isDriverAvailable(u"QSQLITE"_s))
        return StoreRefusals::cannotOpen(path, tr("the SQLite driver of Qt (QSQLITE) is not installed"));

    // An empty file is what SQLite itself leaves when it was killed while
    // creating one: nothing to protect, so it is set up like a new file.
    if (file.exists() && file.size() > 0) {
        if (auto refusal = StoreFileCheck::inspect(path, options.busyTimeoutMs))
            return *refusal;
    }

    std::unique_ptr<LocalStore> store(new LocalStore(options, path));
    if (!store->m_db.open())
        return StoreRefusals::fromOpenError(path, store->m_db.lastError());
    if (auto refusal = store->configure())
        return *refusal;
    if (auto refusal = store->migrate())
        return *refusal;
    return store;
}

int LocalStore::latestSchemaVersion()
{
    return SchemaMigrations::latestVersion();
}

LocalStore::LocalStore(const Options &options, QString absolutePath)
    : m_options(options)
    , m_path(std::move(absolutePath))
    , m_connectionName(u"callos-localstore-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    m_db.setDatabaseName(m_path);
    // Set before the first statement, so even the journal mode switch waits
    // for a lock instead of failing.
    m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(m_options.busyTimeoutMs));
}

LocalStore::~LocalStore()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

std::optional<Refusal> LocalStore::configure()
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next())
        return StoreRefusals::fromOpenError(m_path, query.lastError());
    const QString journalMode = query.value(0).toString().toLower();
    if (journalMode != u"wal"_s)
        return StoreRefusals::cannotOpen(
            m_path, tr("it cannot use write-ahead logging (journal mode stays \"%1\")").arg(journalMode));

    const QString synchronous = m_options.synchronous == Synchronous::Full ? u"FULL"_s : u"NORMAL"_s;
    if (!query.exec(u"PRAGMA synchronous = "_s + synchronous))
        return StoreRefusals::fromOpenError(m_path, query.lastError());
    if (!query.exec(u"PRAGMA foreign_keys = ON"_s))
        return StoreRefusals::fromOpenError(m_path, query.lastError());
    // foreign_keys is silently ignored inside a transaction or by a SQLite
    // built without it: check that it took.
    if (!query.exec(u"PRAGMA foreign_keys"_s) || !query.next() || query.value(0).toInt() != 1)
        return StoreRefusals::cannotOpen(m_path, tr("foreign key checks cannot be switched on"));
    return std::nullopt;
}

Result<int> LocalStore::schemaVersion() const
{
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    if (!query.exec(u"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"_s)
        || !query.next())
        return StoreRefusals::readFailed(m_path, tr("the data version"), StoreRefusals::detail(query.lastError()));
    if (query.value(0).toInt() == 0)
        return 0;
    if (!query.exec(u"SELECT coalesce(max(version), 0) FROM schema_migrations"_s) || !query.next())
        return StoreRefusals::readFailed(m_path, tr("the data version"), StoreRefusals::detail(query.lastError()));
    return query.value(0).toInt();
}

std::optional<Refusal> LocalStore::migrate()
{
    const Result<int> found = schemaVersion();
    if (!found)
        return found.refusal();
    const int latest = latestSchemaVersion();
    if (found.value() > latest)
        return StoreRefusals::newerVersion(m_path, found.value(), latest);

    for (const Migration &migration : SchemaMigrations::all()) {
        if (migration.version <= found.value())
            continue;
        WriteTransaction transaction(
            *this, tr("applying data migration %1 (%2)").arg(migration.version).arg(migration.name));
        if (auto refusal = transaction.begin())
            return StoreRefusals::migrationFailed(*refusal);
        // Another CallOS process may have migrated the file since we looked;
        // the write lock is ours now, so this answer holds.
        const Result<int> now = schemaVersion();
        if (!now)
            return StoreRefusals::migrationFailed(transaction.abort(now.refusal()));
        if (now.value() > latest)
            return transaction.abort(StoreRefusals::newerVersion(m_path, now.value(), latest));
        if (now.value() >= migration.version)
            continue; // rolled back (nothing written) as `transaction` goes
        for (const QString &statement : migration.statements) {
            if (auto refusal = transaction.exec(statement))
                return StoreRefusals::migrationFailed(*refusal);
        }
        if (auto refusal = transaction.exec(u"INSERT INTO schema_migrations (version, name) VALUES (?, ?)"_s,
                { migration.version, migration.name }))
            return StoreRefusals::migrationFailed(*refusal);
        if (auto refusal = transaction.commit())
            return StoreRefusals::migrationFailed(*refusal);
    }
    return std::nullopt;
}

} // namespace callos::client

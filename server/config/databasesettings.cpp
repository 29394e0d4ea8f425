#include "config/databasesettings.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace callos::server {

Result<DatabaseSettings> DatabaseSettings::parse(const QString &text, const QString &source)
{
    if (text.trimmed().isEmpty())
        return Refusal{ u"config.invalid_value"_s, tr("%1: the database is empty (expected a SQLite file path "
                                                      "or postgresql://user:password@host:port/database)")
                                                       .arg(source) };
    static const QRegularExpression schemePattern(u"^([A-Za-z][A-Za-z0-9+.-]*)://"_s);
    const QRegularExpressionMatch scheme = schemePattern.match(text);
    if (!scheme.hasMatch())
        return sqliteFile(text);

    const QString name = scheme.captured(1).toLower();
    if (name != u"postgresql"_s && name != u"postgres"_s)
        return Refusal{ u"config.invalid_value"_s,
            tr("%1: unknown database scheme \"%2\" (expected a SQLite file path "
               "or postgresql://user:password@host:port/database)")
                .arg(source, scheme.captured(1)) };

    const QUrl url(text, QUrl::StrictMode);
    const QString databaseName = url.path().mid(1);
    if (!url.isValid() || url.host().isEmpty() || databaseName.isEmpty() || databaseName.contains(u'/'))
        return Refusal{ u"config.invalid_value"_s,
            tr("%1: not a valid PostgreSQL URL (expected postgresql://user:password@host:port/database)")
                .arg(source) };
    DatabaseSettings settings;
    settings.backend = Backend::Postgresql;
    settings.host = url.host();
    settings.port = url.port(5432);
    settings.user = url.userName(QUrl::FullyDecoded);
    settings.password = url.password(QUrl::FullyDecoded);
    settings.databaseName = databaseName;
    return settings;
}

DatabaseSettings DatabaseSettings::sqliteFile(const QString &path)
{
    DatabaseSettings settings;
    settings.backend = Backend::Sqlite;
    settings.sqlitePath = QFileInfo(path).absoluteFilePath();
    return settings;
}

QString DatabaseSettings::redacted() const
{
    if (backend == Backend::Sqlite)
        return QDir::toNativeSeparators(sqlitePath);
    const QString who = user.isEmpty() ? QString() : user + u'@';
    return u"postgresql://%1%2:%3/%4"_s.arg(who, host).arg(port).arg(databaseName);
}

QString DatabaseSettings::backendName() const
{
    return backend == Backend::Sqlite ? u"sqlite"_s : u"postgresql"_s;
}

} // namespace callos::server

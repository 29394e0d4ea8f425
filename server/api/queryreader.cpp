#include "api/queryreader.h"

#include "prospects/entityid.h"

using namespace Qt::StringLiterals;

namespace callos::server {

QueryReader::QueryReader(const QUrlQuery &query) : m_query(query) { }

std::optional<QString> QueryReader::take(const QString &key)
{
    m_known.insert(key);
    const QStringList values = m_query.allQueryItemValues(key, QUrl::FullyDecoded);
    if (values.isEmpty())
        return std::nullopt;
    if (values.size() > 1) {
        m_errors.add(key, tr("must be given once"));
        return std::nullopt;
    }
    return values.first();
}

QString QueryReader::text(const QString &key, int maxLength)
{
    const std::optional<QString> value = take(key);
    if (!value)
        return {};
    if (value->size() > maxLength) {
        m_errors.add(key, tr("must be at most %1 characters").arg(maxLength));
        return {};
    }
    return *value;
}

QString QueryReader::id(const QString &key)
{
    const std::optional<QString> value = take(key);
    if (!value)
        return {};
    if (!isEntityId(*value)) {
        m_errors.add(key, tr("must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"));
        return {};
    }
    return *value;
}

std::optional<qint64> QueryReader::optionalInteger(const QString &key, qint64 min, qint64 max)
{
    const std::optional<QString> value = take(key);
    if (!value)
        return std::nullopt;
    bool ok = false;
    const qint64 number = value->toLongLong(&ok);
    if (!ok) {
        m_errors.add(key, tr("must be a whole number"));
        return std::nullopt;
    }
    if (number < min || number > max) {
        m_errors.add(key, tr("must be between %1 and %2").arg(min).arg(max));
        return std::nullopt;
    }
    return number;
}

qint64 QueryReader::integer(const QString &key, qint64 min, qint64 max, qint64 fallback)
{
    return optionalInteger(key, min, max).value_or(fallback);
}

std::optional<ApiFailure> QueryReader::finish()
{
    QSet<QString> reported;
    for (const auto &[key, value] : m_query.queryItems(QUrl::FullyDecoded)) {
        if (!m_known.contains(key) && !reported.contains(key)) {
            m_errors.add(key, tr("unknown parameter"));
            reported.insert(key);
        }
    }
    if (m_errors.isEmpty())
        return std::nullopt;
    return ApiFailure::invalid(m_errors);
}

} // namespace callos::server

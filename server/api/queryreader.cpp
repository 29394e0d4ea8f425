#include "api/queryreader.h"

#include "prospects/entityid.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Plain ASCII digits with an optional minus: QString::toLongLong alone would
// also take " 5" and "+5", which no client of ours sends on purpose.
std::optional<qint64> wholeNumber(const QString &text)
{
    const qsizetype digitsFrom = text.startsWith(u'-') ? 1 : 0;
    if (text.size() == digitsFrom)
        return std::nullopt;
    for (qsizetype i = digitsFrom; i < text.size(); ++i) {
        if (text.at(i) < u'0' || text.at(i) > u'9')
            return std::nullopt;
    }
    bool ok = false;
    const qint64 number = text.toLongLong(&ok);
    if (!ok) // out of qint64's range
        return std::nullopt;
    return number;
}

} // namespace

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
    const std::optional<qint64> number = wholeNumber(*value);
    if (!number) {
        m_errors.add(key, tr("must be a whole number"));
        return std::nullopt;
    }
    if (*number < min || *number > max) {
        // An open-ended range reads better without its technical upper end.
        const bool openEnded = max == std::numeric_limits<qint64>::max();
        m_errors.add(key,
            openEnded ? tr("must be at least %1").arg(min) : tr("must be between %1 and %2").arg(min).arg(max));
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

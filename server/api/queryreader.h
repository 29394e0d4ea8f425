#pragma once

#include "http/apifailure.h"
#include "json/validationerrors.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrlQuery>

#include <optional>

namespace callos::server {

// Reads a request's query string (?q=&limit=...) the way JsonObjectReader
// reads a body: every bad parameter reported at once with its name, and a
// parameter the endpoint does not know refused, so "?limt=10" is not
// silently the default page.
class QueryReader
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::QueryReader)

public:
    explicit QueryReader(const QUrlQuery &query);

    // The value, "" when absent; at most `maxLength` characters.
    QString text(const QString &key, int maxLength);
    // A prospect's or call's id (see isEntityId), "" when absent.
    QString id(const QString &key);
    // A whole number (ASCII digits, optionally after a minus) in [min, max],
    // `fallback` when absent.
    qint64 integer(const QString &key, qint64 min, qint64 max, qint64 fallback);
    // std::nullopt when absent.
    std::optional<qint64> optionalInteger(const QString &key, qint64 min, qint64 max);

    void addError(const QString &key, const QString &message) { m_errors.add(key, message); }
    // 400 request.invalid naming every bad or unknown parameter, or std::nullopt.
    std::optional<ApiFailure> finish();

private:
    // The value once given; nullopt when absent (or given twice: an error).
    std::optional<QString> take(const QString &key);

    QUrlQuery m_query;
    QSet<QString> m_known;
    ValidationErrors m_errors{ QString() };
};

} // namespace callos::server

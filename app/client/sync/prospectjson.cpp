#include "client/sync/prospectjson.h"

#include <QJsonValue>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

Refusal bad(const QString &message)
{
    return Refusal { u"sync.bad_prospect"_s, message };
}

} // namespace

QJsonObject ProspectJson::toPutBody(const Prospect &prospect)
{
    return QJsonObject {
        { u"name"_s, prospect.name },
        { u"company"_s, prospect.company },
        { u"client_count"_s, prospect.clientCount ? QJsonValue(*prospect.clientCount) : QJsonValue(QJsonValue::Null) },
        { u"pain_points"_s, prospect.painPoints },
        { u"revenue_volatility_percent"_s,
            prospect.revenueVolatilityPercent ? QJsonValue(*prospect.revenueVolatilityPercent)
                                              : QJsonValue(QJsonValue::Null) },
        { u"zoom_link"_s, prospect.zoomLink },
    };
}

Result<Prospect> ProspectJson::fromJson(const QJsonObject &json)
{
    Prospect prospect;
    const QJsonValue id = json.value(u"id"_s);
    if (!id.isString() || id.toString().isEmpty())
        return bad(tr("A prospect from the server has no id."));
    prospect.id = id.toString();
    const auto text = [&](const QString &key, QString &out) {
        const QJsonValue value = json.value(key);
        if (value.isUndefined() || value.isNull())
            return true;
        if (!value.isString())
            return false;
        out = value.toString();
        return true;
    };
    if (!text(u"name"_s, prospect.name) || prospect.name.trimmed().isEmpty())
        return bad(tr("Prospect %1 from the server has no name.").arg(prospect.id));
    if (!text(u"company"_s, prospect.company) || !text(u"pain_points"_s, prospect.painPoints)
        || !text(u"zoom_link"_s, prospect.zoomLink))
        return bad(tr("Prospect %1 from the server has a field of the wrong type.").arg(prospect.id));

    const QJsonValue clients = json.value(u"client_count"_s);
    if (clients.isDouble()) {
        const double count = clients.toDouble();
        if (count < 0 || count > std::numeric_limits<int>::max() || count != std::floor(count))
            return bad(tr("Prospect %1 from the server has an impossible client count.").arg(prospect.id));
        prospect.clientCount = int(count);
    } else if (!clients.isNull() && !clients.isUndefined()) {
        return bad(tr("Prospect %1 from the server has a client count that is not a number.").arg(prospect.id));
    }
    const QJsonValue volatility = json.value(u"revenue_volatility_percent"_s);
    if (volatility.isDouble()) {
        if (!std::isfinite(volatility.toDouble()) || volatility.toDouble() < 0)
            return bad(tr("Prospect %1 from the server has an impossible revenue volatility.").arg(prospect.id));
        prospect.revenueVolatilityPercent = volatility.toDouble();
    } else if (!volatility.isNull() && !volatility.isUndefined()) {
        return bad(tr("Prospect %1 from the server has a revenue volatility that is not a number.").arg(prospect.id));
    }
    prospect.createdAt = json.value(u"created_at"_s).toInteger();
    prospect.updatedAt = json.value(u"updated_at"_s).toInteger();
    if (prospect.updatedAt <= 0)
        return bad(tr("Prospect %1 from the server has no update time.").arg(prospect.id));
    if (prospect.createdAt <= 0)
        prospect.createdAt = prospect.updatedAt;
    return prospect;
}

} // namespace callos::client

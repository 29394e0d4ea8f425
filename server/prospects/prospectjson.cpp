#include "prospects/prospectjson.h"

#include "json/jsonobjectreader.h"
#include "prospects/entityid.h"

#include <QUrl>

#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

enum class Lines { Single, Multi };

// Whether a text can be stored and shown as it is: valid UTF-16 (JSON's
// \ud800 escapes can make lone surrogates) and free of control characters
// (PostgreSQL cannot store NUL at all; a single-line field has no newlines).
bool isCleanText(const QString &text, Lines lines)
{
    if (!QStringView(text).isValidUtf16())
        return false;
    for (const QChar c : text) {
        if (lines == Lines::Multi && (c == u'\n' || c == u'\r' || c == u'\t'))
            continue;
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

// A text field: a string (empty allowed unless `required`), trimmed unless
// multi-line, at most `maxLength` characters. Null is a wrong type here: an
// empty text is "".
std::optional<QString> readText(JsonObjectReader &reader, const QString &key, int maxLength, Lines lines,
    bool required)
{
    const bool present = reader.has(key);
    const std::optional<JsonNode> node = reader.node(key, required ? Presence::Required : Presence::Optional);
    if (!node) {
        if (present && !required)
            reader.addError(key, ProspectJson::tr("must be a string"));
        return std::nullopt;
    }
    if (!node->value.isString()) {
        reader.addError(key, ProspectJson::tr("must be a string"));
        return std::nullopt;
    }
    QString text = node->value.toString();
    if (lines == Lines::Single)
        text = text.trimmed();
    if (required && text.trimmed().isEmpty()) {
        reader.addError(key, ProspectJson::tr("must not be empty"));
        return std::nullopt;
    }
    if (text.size() > maxLength) {
        reader.addError(key, ProspectJson::tr("must be at most %1 characters (got %2)").arg(maxLength).arg(text.size()));
        return std::nullopt;
    }
    if (!isCleanText(text, lines)) {
        reader.addError(key, lines == Lines::Single
                ? ProspectJson::tr("must be one line of text without control characters")
                : ProspectJson::tr("must be text without control characters other than line breaks and tabs"));
        return std::nullopt;
    }
    return text;
}

// Marks a read-only field as known, checking only its type: it is ignored.
void skipReadOnly(JsonObjectReader &reader, const QString &key, bool isTime)
{
    const std::optional<JsonNode> node = reader.node(key, Presence::Optional);
    if (node && (isTime ? !node->value.isDouble() : !node->value.isString()))
        reader.addError(key, isTime ? ProspectJson::tr("must be a time in milliseconds") : ProspectJson::tr("must be a string"));
}

QJsonValue optionalJson(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue optionalJson(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

} // namespace

ProspectFields ProspectPatch::appliedTo(const ProspectFields &base) const
{
    ProspectFields fields = base;
    if (name)
        fields.name = *name;
    if (company)
        fields.company = *company;
    if (clientCount)
        fields.clientCount = *clientCount;
    if (painPoints)
        fields.painPoints = *painPoints;
    if (revenueVolatilityPercent)
        fields.revenueVolatilityPercent = *revenueVolatilityPercent;
    if (zoomLink)
        fields.zoomLink = *zoomLink;
    return fields;
}

ProspectPatch ProspectJson::read(JsonObjectReader &reader, Mode mode)
{
    ProspectPatch patch;
    if (const std::optional<JsonNode> id = reader.node(u"id"_s, Presence::Optional)) {
        if (!id->value.isString() || !isEntityId(id->value.toString()))
            reader.addError(u"id"_s, tr("must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"));
        else
            patch.id = id->value.toString();
    }
    patch.name = readText(reader, u"name"_s, kMaxNameLength, Lines::Single, mode == Mode::Whole || reader.has(u"name"_s));
    patch.company = readText(reader, u"company"_s, kMaxCompanyLength, Lines::Single, false);
    patch.painPoints = readText(reader, u"pain_points"_s, kMaxPainPointsLength, Lines::Multi, false);
    patch.zoomLink = readText(reader, u"zoom_link"_s, kMaxZoomLinkLength, Lines::Single, false);
    if (patch.zoomLink && !patch.zoomLink->isEmpty() && !isZoomLink(*patch.zoomLink)) {
        reader.addError(u"zoom_link"_s, tr("must be an https Zoom link (https://zoom.us/j/...) or empty"));
        patch.zoomLink.reset();
    }

    // The numbers: absent leaves them, null makes them unknown again.
    if (reader.has(u"client_count"_s)) {
        const bool isNull = reader.node(u"client_count"_s, Presence::Optional) == std::nullopt;
        if (isNull) {
            patch.clientCount = std::optional<qint64>();
        } else {
            // The desktop keeps the count in an int and refuses negatives.
            if (const auto count = reader.integer(u"client_count"_s, Presence::Optional, 0, INT_MAX))
                patch.clientCount = count;
        }
    }
    if (reader.has(u"revenue_volatility_percent"_s)) {
        const bool isNull = reader.node(u"revenue_volatility_percent"_s, Presence::Optional) == std::nullopt;
        if (isNull) {
            patch.revenueVolatilityPercent = std::optional<double>();
        } else if (const auto percent = reader.number(u"revenue_volatility_percent"_s, Presence::Optional)) {
            if (*percent < 0 || *percent > kMaxVolatilityPercent)
                reader.addError(u"revenue_volatility_percent"_s,
                    tr("must be between 0 and %1 percent").arg(kMaxVolatilityPercent));
            else
                patch.revenueVolatilityPercent = percent;
        }
    }

    skipReadOnly(reader, u"owner_user_id"_s, false);
    skipReadOnly(reader, u"created_at"_s, true);
    skipReadOnly(reader, u"updated_at"_s, true);
    return patch;
}

QJsonObject ProspectJson::write(const Prospect &prospect)
{
    const ProspectFields &fields = prospect.fields;
    return QJsonObject{ { u"id"_s, prospect.id }, { u"name"_s, fields.name }, { u"company"_s, fields.company },
        { u"client_count"_s, optionalJson(fields.clientCount) }, { u"pain_points"_s, fields.painPoints },
        { u"revenue_volatility_percent"_s, optionalJson(fields.revenueVolatilityPercent) },
        { u"zoom_link"_s, fields.zoomLink },
        { u"owner_user_id"_s,
            prospect.ownerUserId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(prospect.ownerUserId) },
        { u"created_at"_s, prospect.createdAt }, { u"updated_at"_s, prospect.updatedAt } };
}

QJsonObject ProspectJson::storedDetails(const ProspectFields &fields)
{
    return QJsonObject{ { u"client_count"_s, optionalJson(fields.clientCount) },
        { u"pain_points"_s, fields.painPoints },
        { u"revenue_volatility_percent"_s, optionalJson(fields.revenueVolatilityPercent) },
        { u"zoom_link"_s, fields.zoomLink } };
}

void ProspectJson::readStoredDetails(const QJsonObject &json, ProspectFields &fields)
{
    const QJsonValue count = json.value(u"client_count"_s);
    fields.clientCount = count.isDouble() ? std::optional<qint64>(count.toInteger()) : std::nullopt;
    const QJsonValue percent = json.value(u"revenue_volatility_percent"_s);
    fields.revenueVolatilityPercent = percent.isDouble() ? std::optional<double>(percent.toDouble()) : std::nullopt;
    fields.painPoints = json.value(u"pain_points"_s).toString();
    fields.zoomLink = json.value(u"zoom_link"_s).toString();
}

bool ProspectJson::isZoomLink(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != u"https"_s || !url.userInfo().isEmpty()
        || (url.port() != -1 && url.port() != 443))
        return false;
    const QString host = url.host().toLower();
    for (const QString &domain : { u"zoom.us"_s, u"zoom.com"_s, u"zoomgov.com"_s }) {
        if (host == domain || host.endsWith(u'.' + domain))
            return true;
    }
    return false;
}

} // namespace callos::server

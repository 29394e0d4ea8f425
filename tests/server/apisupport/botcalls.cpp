#include "botcalls.h"

#include "apiharness.h"
#include "config/integrationsettings.h"
#include "fakebot.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>

using namespace Qt::StringLiterals;

namespace callos::test::botcalls {

QJsonObject stateChange(const QString &botId, const QString &key, const QString &newState, const QString &eventType,
    qint64 atMs, const QJsonObject &metadata)
{
    return QJsonObject { { u"idempotency_key"_s, key }, { u"bot_id"_s, botId },
        { u"bot_metadata"_s, metadata.isEmpty() ? QJsonValue() : QJsonValue(metadata) },
        { u"trigger"_s, u"bot.state_change"_s },
        { u"data"_s,
            QJsonObject { { u"new_state"_s, newState }, { u"old_state"_s, u"joining"_s },
                { u"created_at"_s,
                    QString(QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC).toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s)
                        + u"000Z"_s) },
                { u"event_type"_s, eventType }, { u"event_sub_type"_s, QJsonValue() } } } };
}

QByteArray signatureOf(const QJsonObject &payload, const QByteArray &secretBytes)
{
    return QMessageAuthenticationCode::hash(FakeBot::canonicalJson(payload), secretBytes, QCryptographicHash::Sha256)
        .toBase64();
}

ApiReply deliver(ApiHarness &api, const QJsonObject &payload, const QByteArray &secretBytes)
{
    return api.send("POST", u"/webhooks/attendee"_s, FakeBot::postedJson(payload),
        { { "Content-Type", "application/json" }, { "X-Webhook-Signature", signatureOf(payload, secretBytes) } });
}

server::IntegrationSettings botServices(const FakeBot &bot, const QString &publicUrl)
{
    server::IntegrationSettings services;
    services.attendee.apiKey = kApiKey;
    services.attendee.baseUrl = bot.baseUrl();
    services.attendee.webhookSecret = kWebhookSecret;
    services.publicUrl = publicUrl;
    return services;
}

QString publicUrlOf(ApiHarness &api)
{
    QString url = api.url(QString()).toString();
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

} // namespace callos::test::botcalls

#include "transcription/assemblyaiwebhook.h"

#include "json/jsonobjectreader.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

Refusal invalidBody(const QString &why)
{
    return Refusal { u"webhook.invalid_body"_s,
        AssemblyAiWebhook::tr("The AssemblyAI webhook's body is not valid: %1").arg(why) };
}

// AssemblyAI's ids are UUIDs; the route looks the id up and logs it.
bool looksLikeId(const QString &id)
{
    static const QRegularExpression pattern(u"^[A-Za-z0-9_-]{1,128}$"_s);
    return pattern.match(id).hasMatch();
}

} // namespace

AssemblyAiWebhook::AssemblyAiWebhook(QByteArray headerName, QByteArray secret)
    : m_headerName(std::move(headerName)), m_secret(std::move(secret))
{ }

bool AssemblyAiWebhook::verify(const QByteArray &headerValue) const
{
    if (m_secret.isEmpty())
        return false;
    // Digests are of one length whatever was sent: the comparison takes the
    // same time for every guess.
    const QByteArray expected = QCryptographicHash::hash(m_secret, QCryptographicHash::Sha256);
    const QByteArray given = QCryptographicHash::hash(headerValue, QCryptographicHash::Sha256);
    return sodium_memcmp(expected.constData(), given.constData(), size_t(expected.size())) == 0;
}

Result<AssemblyAiNotification> AssemblyAiWebhook::parse(const QByteArray &body) const
{
    if (body.size() > kMaxBodyBytes)
        return invalidBody(tr("it is larger than %1 bytes").arg(kMaxBodyBytes));
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalidBody(tr("not JSON (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset));
    ValidationErrors errors(QString {});
    AssemblyAiNotification notification;
    {
        JsonObjectReader in(
            JsonNode { document.isObject() ? QJsonValue(document.object()) : QJsonValue(), QString() }, errors);
        // AssemblyAI may add fields; only these two matter.
        in.ignoreRest();
        notification.transcriptId = in.string(u"transcript_id"_s).value_or(QString());
        notification.status = in.string(u"status"_s).value_or(QString());
        if (!notification.transcriptId.isEmpty() && !looksLikeId(notification.transcriptId))
            in.addError(u"transcript_id"_s, tr("must be letters, digits, '-' or '_' (at most 128)"));
        if (!notification.status.isEmpty() && notification.status != u"completed"_s
            && notification.status != u"error"_s) {
            in.addError(u"status"_s, tr("must be completed or error"));
        }
    }
    if (!errors.isEmpty())
        return invalidBody(errors.messages().join(u"; "_s));
    return notification;
}

Result<AssemblyAiNotification> AssemblyAiWebhook::read(const QByteArray &headerValue, const QByteArray &body) const
{
    if (!verify(headerValue)) {
        return Refusal { u"webhook.unauthorised"_s,
            tr("The AssemblyAI webhook's %1 header is missing or wrong.").arg(QString::fromLatin1(m_headerName)) };
    }
    return parse(body);
}

} // namespace callos::server

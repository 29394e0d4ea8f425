#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace callos::server {
struct IntegrationSettings;
}

namespace callos::test {

class ApiHarness;
class FakeBot;
struct ApiReply;

// Calls recorded by a meeting bot (Attendee) and the bot's webhooks, for
// the tests of the bot's way into the pipeline.
namespace botcalls {

// The Attendee API key the tests' server uses, and the webhook secret as
// Attendee shows it (base64 of kSecretBytes).
inline const QByteArray kApiKey = "attendee-test-api-key";
inline const QByteArray kWebhookSecret = "Y2FsbG9zLWF0dGVuZGVlLXRlc3Qtc2VjcmV0LTIwMjU=";
inline const QByteArray kSecretBytes = "callos-attendee-test-secret-2025";

// bot.state_change of bot `botId` to Attendee state `newState`, as
// Attendee sends it, with idempotency key `key`, at `atMs` (UTC ms).
QJsonObject stateChange(const QString &botId, const QString &key, const QString &newState, const QString &eventType,
    qint64 atMs, const QJsonObject &metadata = {});

// The signature Attendee puts on `payload` with `secretBytes`.
QByteArray signatureOf(const QJsonObject &payload, const QByteArray &secretBytes = kSecretBytes);

// POST /webhooks/attendee of `payload` as Attendee posts it, signed.
ApiReply deliver(ApiHarness &api, const QJsonObject &payload, const QByteArray &secretBytes = kSecretBytes);

// Settings that send bots to `bot` and have them report to `publicUrl`.
server::IntegrationSettings botServices(const FakeBot &bot, const QString &publicUrl);
// The address the test's server is reached at, as CALLOS_PUBLIC_URL.
QString publicUrlOf(ApiHarness &api);

} // namespace botcalls
} // namespace callos::test

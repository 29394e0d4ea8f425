#include "agentcall.h"

#include "apiharness.h"
#include "callevents.h"

using namespace Qt::StringLiterals;

namespace callos::test {

AgentCall::AgentCall(ApiHarness &api, const Playbook &playbook, QString token, QString prefix)
    : m_api(api), m_call(playbook), m_token(std::move(token)), m_prefix(std::move(prefix))
{ }

QString AgentCall::consentWording()
{
    return u"Is it all right if I record this call for coaching?"_s;
}

QString AgentCall::start(const QString &zoomLink, qint64 startMs, bool consent)
{
    m_call.clock().advance(startMs - m_call.clock().nowMs());
    if (!m_call.session().start({ { u"prospectName"_s, u"Dana Whitfield"_s }, { u"company"_s, u"Whitfield Coaching"_s },
            { u"clientCount"_s, 620 }, { u"revenueVolatility"_s, 18 }, { u"zoomLink"_s, zoomLink } }))
        return {};
    if (consent) {
        m_call.clock().advance(20000);
        if (!m_call.session().recordConsent(true, consentWording()))
            return {};
    }
    m_callId = registerCall(m_api, m_token, m_prefix, m_call.events());
    if (!push())
        m_callId.clear();
    return m_callId;
}

bool AgentCall::recordConsent(bool given, qint64 afterMs)
{
    m_call.clock().advance(afterMs);
    return m_call.session().recordConsent(given, consentWording()) && push();
}

bool AgentCall::push()
{
    // Each call from its own desktop: the harness numbers every call's
    // events from 1 on one device.
    QJsonArray events = envelopes(m_call.events(), m_prefix, m_pushed);
    for (QJsonValueRef event : events) {
        QJsonObject envelope = event.toObject();
        envelope[u"deviceId"_s] = QString(m_prefix + envelope[u"deviceId"_s].toString());
        event = envelope;
    }
    const ApiReply pushed = m_api.post(u"/api/v1/events"_s, QJsonObject { { u"events"_s, events } }, m_token);
    if (pushed.status != 200 || !pushed.json[u"refused"_s].toArray().isEmpty()) {
        qWarning() << "events:" << pushed.status << pushed.body;
        return false;
    }
    m_pushed = m_call.events().size();
    return true;
}

} // namespace callos::test

#include "auth/loginthrottle.h"

#include "common/clock.h"

#include <QCryptographicHash>
#include <QMutexLocker>

#include <algorithm>

namespace callos::server {

namespace {

// 2^40 s is far past any cap; stopping there keeps the shift defined.
constexpr int kMaxDoublings = 40;
// Counting further changes nothing once the delay is capped.
constexpr int kMaxCountedFailures = 1'000;

} // namespace

FailureLedger::FailureLedger(qint64 maxDelayMs, const LoginThrottlePolicy &policy)
    : m_maxDelayMs(maxDelayMs)
    , m_policy(policy)
{
}

qint64 FailureLedger::delayAfter(int failures) const
{
    const int doublings = failures - m_policy.freeFailures - 1;
    if (doublings < 0)
        return 0;
    return std::min(m_maxDelayMs, m_policy.firstDelayMs << std::min(doublings, kMaxDoublings));
}

bool FailureLedger::isQuiet(const Entry &entry, qint64 nowMs) const
{
    return nowMs - entry.lastFailureMs >= m_policy.forgetAfterMs;
}

qint64 FailureLedger::retryAtMs(const QByteArray &key, qint64 nowMs) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.cend() || isQuiet(*it, nowMs))
        return nowMs;
    return it->lastFailureMs + delayAfter(it->failures);
}

void FailureLedger::recordFailure(const QByteArray &key, qint64 nowMs)
{
    forgetQuiet(nowMs);
    auto it = m_entries.find(key);
    if (it != m_entries.end() && isQuiet(*it, nowMs)) {
        // Left behind by a clock that went backwards; start again.
        forget(key);
        it = m_entries.end();
    }
    if (it == m_entries.end()) {
        // Least recently failed first. A flood of new keys can push out a
        // key under attack only by failing maxTrackedKeys times between two
        // of its attempts, and each of those failures is throttled too.
        while (!m_order.empty() && m_entries.size() >= m_policy.maxTrackedKeys)
            forget(m_order.front());
        it = m_entries.insert(key, Entry{ 0, nowMs, m_order.insert(m_order.end(), key) });
    } else {
        m_order.splice(m_order.end(), m_order, it->position);
    }
    it->failures = std::min(it->failures + 1, kMaxCountedFailures);
    it->lastFailureMs = nowMs;
}

void FailureLedger::forget(const QByteArray &key)
{
    const auto it = m_entries.find(key);
    if (it == m_entries.end())
        return;
    m_order.erase(it->position);
    m_entries.erase(it);
}

void FailureLedger::forgetQuiet(qint64 nowMs)
{
    // The order is by last failure, so the quiet ones are at the front
    // (while the clock only moves forwards; retryAtMs checks each entry
    // anyway).
    while (!m_order.empty()) {
        const auto it = m_entries.constFind(m_order.front());
        if (!isQuiet(*it, nowMs))
            break;
        forget(m_order.front());
    }
}

LoginThrottle::LoginThrottle(const Clock &clock, const LoginThrottlePolicy &policy)
    : m_clock(clock)
    , m_accounts(policy.accountMaxDelayMs, policy)
    , m_addresses(policy.addressMaxDelayMs, policy)
{
}

QByteArray LoginThrottle::accountKey(const QString &email)
{
    // Trimmed and lower-cased like EmailAddress::normalise, but for any text:
    // guesses against addresses that do not exist are throttled as well,
    // and "Dana@Example.com" must not be a fresh key for dana@example.com.
    return QCryptographicHash::hash(email.trimmed().toLower().toUtf8(), QCryptographicHash::Sha256);
}

QByteArray LoginThrottle::addressKey(const QHostAddress &address)
{
    bool isIpv4 = false;
    // Also true for IPv4-mapped IPv6 (::ffff:192.0.2.1), which is how a
    // dual-stack socket reports an IPv4 client.
    const quint32 ipv4 = address.toIPv4Address(&isIpv4);
    if (isIpv4) {
        QByteArray key(5, '4');
        key[1] = char(ipv4 >> 24);
        key[2] = char(ipv4 >> 16);
        key[3] = char(ipv4 >> 8);
        key[4] = char(ipv4);
        return key;
    }
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        const Q_IPV6ADDR ipv6 = address.toIPv6Address();
        QByteArray key(1, '6');
        key.append(reinterpret_cast<const char *>(ipv6.c), 8);
        return key;
    }
    // No address (a local socket, say): all such callers share one key.
    return QByteArray(1, '?');
}

std::optional<qint64> LoginThrottle::retryAfterMs(const QString &email, const QHostAddress &address) const
{
    const QByteArray account = accountKey(email);
    const QByteArray from = addressKey(address);
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    const qint64 wait = std::max(m_accounts.retryAtMs(account, now), m_addresses.retryAtMs(from, now)) - now;
    if (wait <= 0)
        return std::nullopt;
    return wait;
}

void LoginThrottle::recordFailure(const QString &email, const QHostAddress &address)
{
    const QByteArray account = accountKey(email);
    const QByteArray from = addressKey(address);
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowMs();
    m_accounts.recordFailure(account, now);
    m_addresses.recordFailure(from, now);
}

void LoginThrottle::recordSuccess(const QString &email, const QHostAddress &address)
{
    Q_UNUSED(address) // on purpose: see the class comment
    const QByteArray account = accountKey(email);
    const QMutexLocker lock(&m_mutex);
    m_accounts.forget(account);
}

qsizetype LoginThrottle::trackedAccounts() const
{
    const QMutexLocker lock(&m_mutex);
    return m_accounts.size();
}

qsizetype LoginThrottle::trackedAddresses() const
{
    const QMutexLocker lock(&m_mutex);
    return m_addresses.size();
}

} // namespace callos::server

#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QMutex>
#include <QString>

#include <list>
#include <optional>

namespace callos {
class Clock;
}

namespace callos::server {

// The numbers of LoginThrottle; the defaults are the server's policy, tests
// shrink them.
struct LoginThrottlePolicy
{
    // Failures per key that cost nothing: typos and a forgotten caps lock.
    int freeFailures = 5;
    // The wait after the first failure past the free ones; each further
    // failure doubles it, up to the caps below.
    qint64 firstDelayMs = 1'000;
    // Low for an account, so its owner is never locked out for long by
    // someone else's guessing: 5 minutes still holds an attacker to about
    // 300 guesses a day against one account.
    qint64 accountMaxDelayMs = 5 * 60'000;
    // Higher for an address, which is the attacker's own.
    qint64 addressMaxDelayMs = 15 * 60'000;
    // A key without failures for this long is forgotten.
    qint64 forgetAfterMs = 24 * 60 * 60'000;
    // Per kind of key (accounts, addresses); past it the key whose last
    // failure is oldest is forgotten, so a flood of made-up emails or
    // addresses costs bounded memory.
    qsizetype maxTrackedKeys = 100'000;
};

// Failures per key for one kind of key, least recently failed first.
// Keys are opaque bytes (LoginThrottle hashes emails, so the table holds no
// email addresses and its keys are 32 bytes however long the input).
class FailureLedger
{
public:
    FailureLedger(qint64 maxDelayMs, const LoginThrottlePolicy &policy);

    // When the key may try again; nowMs or earlier when it may try now.
    qint64 retryAtMs(const QByteArray &key, qint64 nowMs) const;
    void recordFailure(const QByteArray &key, qint64 nowMs);
    void forget(const QByteArray &key);
    qsizetype size() const { return m_entries.size(); }

private:
    struct Entry
    {
        int failures = 0;
        qint64 lastFailureMs = 0;
        std::list<QByteArray>::iterator position;
    };

    qint64 delayAfter(int failures) const;
    bool isQuiet(const Entry &entry, qint64 nowMs) const;
    void forgetQuiet(qint64 nowMs);

    qint64 m_maxDelayMs;
    LoginThrottlePolicy m_policy;
    QHash<QByteArray, Entry> m_entries;
    std::list<QByteArray> m_order; // least recently failed first
};

// Slows password guessing, in memory, per account (normalised email) and
// per remote address (IPv4, or the /64 of an IPv6 address: one customer's
// share, which an attacker can cycle through freely).
//
// For each key the first policy.freeFailures failures cost nothing; each
// further one makes the key wait, 1 s, 2 s, 4 s... up to 5 min for an
// account and 15 min for an address. One account attacked from many
// addresses and one address trying many accounts are both slowed, and the
// real owner of an attacked account waits at most 5 minutes. A successful
// login clears its account, not its address: an attacker with one valid
// account must not be able to reset the address they guess from.
//
// Use: retryAfterMs before checking a password (and refuse without
// checking when it has a value), then recordFailure or recordSuccess.
// Safe to call from several threads. State is lost on restart, which at
// worst gives an attacker policy.freeFailures more tries.
class LoginThrottle
{
public:
    explicit LoginThrottle(const Clock &clock, const LoginThrottlePolicy &policy = LoginThrottlePolicy());

    // Milliseconds to wait before this account may be tried from this
    // address; std::nullopt when it may be tried now.
    std::optional<qint64> retryAfterMs(const QString &email, const QHostAddress &address) const;
    void recordFailure(const QString &email, const QHostAddress &address);
    void recordSuccess(const QString &email, const QHostAddress &address);

    qsizetype trackedAccounts() const;
    qsizetype trackedAddresses() const;

    // The keys, exposed so tests can check what counts as the same caller.
    static QByteArray accountKey(const QString &email);
    static QByteArray addressKey(const QHostAddress &address);

private:
    const Clock &m_clock;
    mutable QMutex m_mutex;
    FailureLedger m_accounts;
    FailureLedger m_addresses;
};

} // namespace callos::server

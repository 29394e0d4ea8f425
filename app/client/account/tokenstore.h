#pragma once

#include "common/refusal.h"
#include "common/result.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace callos::client {

// Where the session token is kept between runs. Asynchronous because the OS
// keychain is: a desktop keychain may ask the user to unlock it first.
// Handlers are not called once their `context` is gone.
//
// Refusal codes: token.not_found (nothing stored under that key),
// token.unavailable (no keychain, locked, access denied).
class TokenStore : public QObject
{
    Q_OBJECT

public:
    using ReadHandler = std::function<void(const Result<QString> &)>;
    using DoneHandler = std::function<void(const std::optional<Refusal> &)>;

    using QObject::QObject;

    virtual void read(const QString &key, const QObject *context, ReadHandler handler) = 0;
    virtual void write(const QString &key, const QString &token, const QObject *context, DoneHandler handler) = 0;
    virtual void remove(const QString &key, const QObject *context, DoneHandler handler) = 0;
};

// Keeps tokens in memory for this run only: for tests, and where there is no
// keychain the agent signs in at each start instead of the token being
// written anywhere else.
class SessionTokenStore final : public TokenStore
{
    Q_OBJECT

public:
    using TokenStore::TokenStore;

    void read(const QString &key, const QObject *context, ReadHandler handler) override;
    void write(const QString &key, const QString &token, const QObject *context, DoneHandler handler) override;
    void remove(const QString &key, const QObject *context, DoneHandler handler) override;

    int count() const { return int(m_tokens.size()); }

private:
    QHash<QString, QString> m_tokens;
};

} // namespace callos::client

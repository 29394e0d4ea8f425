#include "client/account/tokenstore.h"

#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

// Answers on the next turn of the event loop, like a real keychain, so
// callers never depend on a synchronous answer.
void later(const QObject *context, std::function<void()> call)
{
    QPointer<const QObject> guard(context);
    const bool guarded = context != nullptr;
    QTimer::singleShot(0, [guard, guarded, call = std::move(call)] {
        if (!guarded || guard)
            call();
    });
}

} // namespace

void SessionTokenStore::read(const QString &key, const QObject *context, ReadHandler handler)
{
    const auto found = m_tokens.constFind(key);
    Result<QString> result = found == m_tokens.constEnd()
        ? Result<QString>(Refusal { u"token.not_found"_s, tr("No session is stored for this account.") })
        : Result<QString>(*found);
    later(context, [handler = std::move(handler), result] {
        if (handler)
            handler(result);
    });
}

void SessionTokenStore::write(const QString &key, const QString &token, const QObject *context, DoneHandler handler)
{
    m_tokens.insert(key, token);
    later(context, [handler = std::move(handler)] {
        if (handler)
            handler(std::nullopt);
    });
}

void SessionTokenStore::remove(const QString &key, const QObject *context, DoneHandler handler)
{
    m_tokens.remove(key);
    later(context, [handler = std::move(handler)] {
        if (handler)
            handler(std::nullopt);
    });
}

} // namespace callos::client

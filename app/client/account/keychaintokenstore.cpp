#include "client/account/keychaintokenstore.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

using namespace Qt::StringLiterals;

namespace callos::client {
namespace {

Refusal unavailable(const QKeychain::Job &job)
{
    return Refusal { u"token.unavailable"_s,
        KeychainTokenStore::tr("The system keychain cannot be used: %1").arg(job.errorString()) };
}

template<typename Job> Job *prepare(Job *job, const QString &key)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

// Runs `done` when the job finishes, unless `context` went away meanwhile.
void whenFinished(QKeychain::Job *job, const QObject *context, std::function<void(QKeychain::Job &)> done)
{
    QPointer<const QObject> guard(context);
    const bool guarded = context != nullptr;
    QObject::connect(
        job, &QKeychain::Job::finished, job, [guard, guarded, done = std::move(done)](QKeychain::Job *finished) {
            if (guarded && !guard)
                return;
            done(*finished);
        });
    job->start();
}

} // namespace

KeychainTokenStore::KeychainTokenStore(QString service, QObject *parent)
    : TokenStore(parent), m_service(std::move(service))
{ }

void KeychainTokenStore::read(const QString &key, const QObject *context, ReadHandler handler)
{
    auto *job = prepare(new QKeychain::ReadPasswordJob(m_service, this), key);
    whenFinished(job, context, [handler = std::move(handler)](QKeychain::Job &finished) {
        if (!handler)
            return;
        switch (finished.error()) {
        case QKeychain::NoError:
            handler(static_cast<QKeychain::ReadPasswordJob &>(finished).textData());
            return;
        case QKeychain::EntryNotFound:
            handler(Refusal { u"token.not_found"_s, tr("No session is stored for this account.") });
            return;
        default:
            handler(unavailable(finished));
            return;
        }
    });
}

void KeychainTokenStore::write(const QString &key, const QString &token, const QObject *context, DoneHandler handler)
{
    auto *job = prepare(new QKeychain::WritePasswordJob(m_service, this), key);
    job->setTextData(token);
    whenFinished(job, context, [handler = std::move(handler)](QKeychain::Job &finished) {
        if (!handler)
            return;
        if (finished.error() == QKeychain::NoError)
            handler(std::nullopt);
        else
            handler(unavailable(finished));
    });
}

void KeychainTokenStore::remove(const QString &key, const QObject *context, DoneHandler handler)
{
    auto *job = prepare(new QKeychain::DeletePasswordJob(m_service, this), key);
    whenFinished(job, context, [handler = std::move(handler)](QKeychain::Job &finished) {
        if (!handler)
            return;
        // Nothing stored is what removing wanted.
        if (finished.error() == QKeychain::NoError || finished.error() == QKeychain::EntryNotFound)
            handler(std::nullopt);
        else
            handler(unavailable(finished));
    });
}

} // namespace callos::client

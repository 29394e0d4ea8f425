#pragma once

#include "client/account/tokenstore.h"

namespace callos::client {

// The OS keychain through QtKeychain: the Secret Service (GNOME Keyring,
// KWallet) on Linux, the Keychain on macOS, the Credential Store on Windows.
// The insecure fallback (a plain-text settings file when there is no
// keychain) is switched off: without a keychain the token is not kept.
class KeychainTokenStore final : public TokenStore
{
    Q_OBJECT

public:
    // `service`: the keychain's name for our entries ("CallOS").
    explicit KeychainTokenStore(QString service, QObject *parent = nullptr);

    void read(const QString &key, const QObject *context, ReadHandler handler) override;
    void write(const QString &key, const QString &token, const QObject *context, DoneHandler handler) override;
    void remove(const QString &key, const QObject *context, DoneHandler handler) override;

private:
    QString m_service;
};

} // namespace callos::client

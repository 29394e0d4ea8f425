#pragma once

#include "client/account/accountsettings.h"
#include "client/sync/apiresponse.h"
#include "common/refusal.h"

#include <QObject>
#include <QUrl>

namespace callos::client {

class ApiClient;
class TokenStore;

// What the agent typed into the sign-in dialog.
struct SignInRequest
{
    QString server;
    QString email;
    QString password;
    // The authenticator's 6 digits, or a recovery code: only after the
    // server asked for it (auth.mfa_required).
    QString code;
};

// The signed-in account: signs in and out against callos-server, keeps the
// session token in the TokenStore (the OS keychain) and nowhere else, puts
// the server address and the token on the ApiClient, and notices when the
// server ends the session. Everything local stays when the session ends or
// the agent signs out; only the token goes.
class Account : public QObject
{
    Q_OBJECT

public:
    enum class State {
        SignedOut, // never signed in, or signed out
        Restoring, // looking for the stored token at start
        SigningIn,
        SignedIn,
        SessionEnded, // the server no longer takes the token: sign in again
    };
    Q_ENUM(State)

    Account(AccountSettings &settings, TokenStore &tokens, ApiClient &api, QObject *parent = nullptr);

    State state() const { return m_state; }
    bool isSignedIn() const { return m_state == State::SignedIn; }
    // The account signed in, or the last one (to fill in the dialog).
    const AccountProfile &profile() const { return m_profile; }
    // Why the session ended, as the server said it.
    const QString &sessionEndedReason() const { return m_endedReason; }

    // At start: signed in again when the keychain still holds the token of
    // the last account (checked by the server at the first sync).
    void restore();
    // Emits signedIn() or signInFailed(). Refusal codes: the server's
    // (auth.invalid_credentials, auth.mfa_required, auth.mfa_invalid,
    // auth.throttled, ...), net.* when it cannot be reached,
    // account.invalid_server, account.email_required,
    // account.password_required, account.busy.
    void signIn(const SignInRequest &request);
    // Ends the session on the server (if it can be reached) and removes the
    // token from the keychain.
    void signOut();

    // The keychain entry of an account: one per server and e-mail address.
    static QString tokenKey(const QString &server, const QString &email);

Q_SIGNALS:
    void stateChanged(callos::client::Account::State state);
    void signedIn();
    void signInFailed(const callos::Refusal &refusal);
    // Something the agent should know that does not stop anything (the
    // keychain could not keep the token, MFA must be set up).
    void warning(const QString &message);

private:
    void setState(State state);
    void fail(const Refusal &refusal);
    void loggedIn(const QUrl &server, const QString &email, const QJsonObject &answer);
    void fetchProfile(const QUrl &server, const QString &email, const QString &token);
    void keepToken(const AccountProfile &profile, const QString &token);
    void endSession(const ApiProblem &problem);
    void forgetToken();

    AccountSettings &m_settings;
    TokenStore &m_tokens;
    ApiClient &m_api;
    AccountProfile m_profile;
    State m_state = State::SignedOut;
    State m_stateBeforeSignIn = State::SignedOut;
    QString m_endedReason;
};

} // namespace callos::client

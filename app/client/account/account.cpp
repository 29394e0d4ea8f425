#include "client/account/account.h"

#include "client/account/serveraddress.h"
#include "client/account/tokenstore.h"
#include "client/sync/apiclient.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace callos::client {

Account::Account(AccountSettings &settings, TokenStore &tokens, ApiClient &api, QObject *parent)
    : QObject(parent), m_settings(settings), m_tokens(tokens), m_api(api), m_profile(settings.load())
{
    connect(&m_api, &ApiClient::sessionEnded, this, &Account::endSession);
}

QString Account::tokenKey(const QString &server, const QString &email)
{
    return u"session %1 %2"_s.arg(server, email.toLower());
}

void Account::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Account::restore()
{
    m_profile = m_settings.load();
    const Result<QUrl> server = ServerAddress::parse(m_profile.server);
    if (m_profile.email.isEmpty() || !server) {
        setState(State::SignedOut);
        return;
    }
    setState(State::Restoring);
    m_tokens.read(
        tokenKey(m_profile.server, m_profile.email), this, [this, url = server.value()](const Result<QString> &token) {
            if (m_state != State::Restoring)
                return; // the agent signed in meanwhile
            if (!token || token.value().isEmpty()) {
                if (!token && token.refusal().code != u"token.not_found"_s)
                    Q_EMIT warning(tr("Your session could not be read from the system keychain, so sign in again. (%1)")
                                       .arg(token.refusal().message));
                setState(State::SignedOut);
                return;
            }
            m_api.setBaseUrl(url);
            m_api.setToken(token.value());
            setState(State::SignedIn);
        });
}

void Account::signIn(const SignInRequest &request)
{
    if (m_state == State::SigningIn || m_state == State::SignedIn) {
        Q_EMIT signInFailed(Refusal { u"account.busy"_s,
            m_state == State::SignedIn ? tr("You are already signed in. Sign out first.")
                                       : tr("Signing in is already under way.") });
        return;
    }
    const Result<QUrl> server = ServerAddress::parse(request.server);
    if (!server) {
        Q_EMIT signInFailed(server.refusal());
        return;
    }
    const QString email = request.email.trimmed();
    if (email.isEmpty()) {
        Q_EMIT signInFailed(Refusal { u"account.email_required"_s, tr("Enter the e-mail address you sign in with.") });
        return;
    }
    if (request.password.isEmpty()) {
        Q_EMIT signInFailed(Refusal { u"account.password_required"_s, tr("Enter your password.") });
        return;
    }
    QJsonObject body { { u"email"_s, email }, { u"password"_s, request.password } };
    const QString code = request.code.trimmed().remove(u' ');
    if (!code.isEmpty()) {
        // Six digits come from the authenticator app; anything else is one
        // of the printed recovery codes.
        static const QRegularExpression totp(u"^[0-9]{6}$"_s);
        body.insert(totp.match(code).hasMatch() ? u"totp"_s : u"recovery_code"_s, code);
    }
    m_stateBeforeSignIn = m_state == State::Restoring ? State::SignedOut : m_state;
    setState(State::SigningIn);
    m_api.setBaseUrl(server.value());
    m_api.setToken({});
    m_api.post(u"/auth/login"_s, body, this, [this, url = server.value(), email](const ApiResponse &answer) {
        if (answer.problem)
            return fail(Refusal { answer.problem->code, answer.problem->message });
        loggedIn(url, email, answer.json);
    });
}

void Account::fail(const Refusal &refusal)
{
    m_api.setToken({});
    setState(m_stateBeforeSignIn);
    Q_EMIT signInFailed(refusal);
}

void Account::loggedIn(const QUrl &server, const QString &email, const QJsonObject &answer)
{
    const QString token = answer.value(u"token"_s).toString();
    if (token.isEmpty()) {
        const ApiProblem problem = ApiProblem::badAnswer(tr("a session token"));
        return fail(Refusal { problem.code, problem.message });
    }
    if (answer.value(u"mfa_setup_required"_s).toBool())
        Q_EMIT warning(tr("Your organisation requires two-step sign-in. Set up an authenticator app for your account "
                          "before your next sign-in."));
    m_api.setToken(token);
    fetchProfile(server, email, token);
}

void Account::fetchProfile(const QUrl &server, const QString &email, const QString &token)
{
    m_api.get(u"/auth/me"_s, this, [this, server, email, token](const ApiResponse &answer) {
        if (answer.problem)
            return fail(Refusal { answer.problem->code, answer.problem->message });
        AccountProfile profile;
        profile.server = ServerAddress::display(server);
        profile.email = answer.json.value(u"email"_s).toString(email);
        profile.userId = answer.json.value(u"id"_s).toString();
        profile.displayName = answer.json.value(u"display_name"_s).toString();
        profile.organisation = answer.json.value(u"organisation"_s).toString();
        profile.role = answer.json.value(u"role"_s).toString();
        if (profile.userId.isEmpty()) {
            const ApiProblem problem = ApiProblem::badAnswer(tr("who you are"));
            return fail(Refusal { problem.code, problem.message });
        }
        keepToken(profile, token);
    });
}

void Account::keepToken(const AccountProfile &profile, const QString &token)
{
    const QString oldKey = m_profile.email.isEmpty() ? QString() : tokenKey(m_profile.server, m_profile.email);
    const QString key = tokenKey(profile.server, profile.email);
    if (!oldKey.isEmpty() && oldKey != key)
        m_tokens.remove(oldKey, this, {});
    m_tokens.write(key, token, this, [this, profile](const std::optional<Refusal> &refusal) {
        if (m_state != State::SigningIn)
            return;
        if (refusal)
            Q_EMIT warning(tr("You are signed in, but the system keychain cannot keep your session, so you will sign "
                              "in again at the next start. (%1)")
                               .arg(refusal->message));
        m_settings.save(profile);
        m_profile = profile;
        m_endedReason.clear();
        setState(State::SignedIn);
        Q_EMIT signedIn();
    });
}

void Account::signOut()
{
    if (m_state != State::SignedIn && m_state != State::SessionEnded)
        return;
    if (m_state == State::SignedIn && m_api.hasToken()) {
        // Best effort: offline, the session simply runs out on the server.
        m_api.post(u"/auth/logout"_s, QJsonObject {}, nullptr, {});
    }
    m_api.setToken({});
    m_endedReason.clear();
    forgetToken();
    setState(State::SignedOut);
}

void Account::endSession(const ApiProblem &problem)
{
    if (m_state != State::SignedIn)
        return;
    m_api.setToken({});
    m_endedReason = problem.message;
    forgetToken();
    setState(State::SessionEnded);
}

void Account::forgetToken()
{
    m_tokens.remove(tokenKey(m_profile.server, m_profile.email), this, [this](const std::optional<Refusal> &refusal) {
        if (refusal)
            Q_EMIT warning(
                tr("The old session could not be removed from the system keychain. (%1)").arg(refusal->message));
    });
}

} // namespace callos::client

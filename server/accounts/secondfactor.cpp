#include "accounts/secondfactor.h"

#include "common/clock.h"
#include "common/idgenerator.h"
#include "storage/database.h"
#include "storage/sqlrows.h"
#include "storage/transaction.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

// Six digits with spaces anywhere: what an authenticator app shows.
bool looksLikeTotp(const QString &code)
{
    int digits = 0;
    for (const QChar c : code) {
        if (c == u' ')
            continue;
        if (c < u'0' || c > u'9')
            return false;
        ++digits;
    }
    return digits == Totp::kDigits;
}

} // namespace

SecondFactor::SecondFactor(Database &database, const SodiumRuntime &sodium, const Clock &clock, IdGenerator &ids)
    : m_database(database)
    , m_sodium(sodium)
    , m_clock(clock)
    , m_ids(ids)
    , m_verifier(sodium)
    , m_recoveryCodes(sodium)
{
}

Result<std::optional<MfaState>> SecondFactor::read(const QString &orgId, const QString &userId) const
{
    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("reading the two-factor settings"),
        u"SELECT mfa_secret, mfa_enabled_at, mfa_last_step, mfa_pending_secret FROM users WHERE id = ? AND org_id = ?"_s,
        { userId, orgId });
    if (!found)
        return found.refusal();
    if (!found.value())
        return std::optional<MfaState>();
    const SqlRows::Row &row = *found.value();
    MfaState state;
    state.enabled = !row.at(1).isNull() && !row.at(0).toString().isEmpty();
    state.secret = state.enabled ? row.at(0).toString() : QString();
    state.lastStep = row.at(2).toLongLong();
    state.pendingSecret = row.at(3).toString();
    return std::optional<MfaState>(state);
}

Result<std::optional<SecondFactorKind>> SecondFactor::consume(Transaction &transaction, const QString &orgId,
    const QString &userId, const MfaState &state, const QString &totp, const QString &recoveryCode) const
{
    if (!state.enabled)
        return std::optional<SecondFactorKind>();
    if (!totp.isEmpty())
        return consumeTotp(transaction, orgId, userId, state, totp);
    if (!recoveryCode.isEmpty())
        return consumeRecoveryCode(transaction, orgId, userId, recoveryCode);
    return std::optional<SecondFactorKind>();
}

Result<std::optional<SecondFactorKind>> SecondFactor::consumeEither(Transaction &transaction, const QString &orgId,
    const QString &userId, const MfaState &state, const QString &code) const
{
    if (looksLikeTotp(code))
        return consume(transaction, orgId, userId, state, code, QString());
    return consume(transaction, orgId, userId, state, QString(), code);
}

Result<std::optional<SecondFactorKind>> SecondFactor::consumeTotp(Transaction &transaction, const QString &orgId,
    const QString &userId, const MfaState &state, const QString &code) const
{
    const Result<TotpSecret> secret = TotpSecret::fromBase32(state.secret);
    if (!secret)
        return Refusal{ u"mfa.secret_unreadable"_s, secret.refusal().message };
    const std::optional<qint64> step = m_verifier.verify(secret.value(), code, m_clock.nowMs(), state.lastStep);
    if (!step)
        return std::optional<SecondFactorKind>();
    // Only while no request has used this step or a later one since `state`
    // was read: a code works once even when sent twice at the same moment.
    const Result<int> changed = transaction.execCounting(
        u"UPDATE users SET mfa_last_step = ? WHERE id = ? AND org_id = ? AND mfa_last_step < ?"_s,
        { *step, userId, orgId, *step });
    if (!changed)
        return changed.refusal();
    if (changed.value() != 1)
        return std::optional<SecondFactorKind>();
    return std::optional<SecondFactorKind>(SecondFactorKind::Totp);
}

Result<std::optional<SecondFactorKind>> SecondFactor::consumeRecoveryCode(
    Transaction &transaction, const QString &orgId, const QString &userId, const QString &code) const
{
    // Read on the transaction's connection, so what it sees is what it changes.
    const Result<QList<SqlRows::Row>> rows = SqlRows::select(m_database, tr("reading the recovery codes"),
        u"SELECT id, code_hash FROM mfa_recovery_codes WHERE org_id = ? AND user_id = ? AND used_at IS NULL "
        "ORDER BY id"_s,
        { orgId, userId });
    if (!rows)
        return rows.refusal();
    QStringList ids;
    QStringList hashes;
    for (const SqlRows::Row &row : rows.value()) {
        ids.append(row.at(0).toString());
        hashes.append(row.at(1).toString());
    }
    const std::optional<qsizetype> index = m_recoveryCodes.matchIndex(hashes, code);
    if (!index)
        return std::optional<SecondFactorKind>();
    const Result<int> changed = transaction.execCounting(
        u"UPDATE mfa_recovery_codes SET used_at = ? WHERE id = ? AND org_id = ? AND used_at IS NULL"_s,
        { m_clock.nowMs(), ids.at(*index), orgId });
    if (!changed)
        return changed.refusal();
    if (changed.value() != 1)
        return std::optional<SecondFactorKind>();
    return std::optional<SecondFactorKind>(SecondFactorKind::RecoveryCode);
}

Result<TotpSecret> SecondFactor::startEnrolment(Transaction &transaction, const QString &orgId, const QString &userId) const
{
    TotpSecret secret = TotpSecret::generate(m_sodium);
    if (auto refusal = transaction.exec(u"UPDATE users SET mfa_pending_secret = ? WHERE id = ? AND org_id = ?"_s,
            { secret.toBase32(), userId, orgId }))
        return *refusal;
    return secret;
}

Result<std::optional<QStringList>> SecondFactor::confirm(Transaction &transaction, const QString &orgId,
    const QString &userId, const MfaState &state, const QString &code) const
{
    const Result<TotpSecret> secret = TotpSecret::fromBase32(state.pendingSecret);
    if (!secret)
        return Refusal{ u"mfa.secret_unreadable"_s, secret.refusal().message };
    // A new secret has no used steps of its own.
    const std::optional<qint64> step
        = m_verifier.verify(secret.value(), code, m_clock.nowMs(), TotpVerifier::kNoStepUsed);
    if (!step)
        return std::optional<QStringList>();
    // Only if the pending secret is still the one the code was checked
    // against (a second enrolment may have replaced it meanwhile).
    const Result<int> changed = transaction.execCounting(
        u"UPDATE users SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_enabled_at = ?, "
        "mfa_last_step = ? WHERE id = ? AND org_id = ? AND mfa_pending_secret = ?"_s,
        { m_clock.nowMs(), *step, userId, orgId, state.pendingSecret });
    if (!changed)
        return changed.refusal();
    if (changed.value() != 1)
        return std::optional<QStringList>();
    Result<QStringList> codes = replaceRecoveryCodes(transaction, orgId, userId);
    if (!codes)
        return codes.refusal();
    return std::optional<QStringList>(codes.value());
}

std::optional<Refusal> SecondFactor::disable(Transaction &transaction, const QString &orgId, const QString &userId) const
{
    if (auto refusal = transaction.exec(u"UPDATE users SET mfa_secret = NULL, mfa_pending_secret = NULL, "
                                        "mfa_enabled_at = NULL, mfa_last_step = 0 WHERE id = ? AND org_id = ?"_s,
            { userId, orgId }))
        return refusal;
    return transaction.exec(
        u"DELETE FROM mfa_recovery_codes WHERE org_id = ? AND user_id = ?"_s, { orgId, userId });
}

Result<QStringList> SecondFactor::replaceRecoveryCodes(
    Transaction &transaction, const QString &orgId, const QString &userId) const
{
    if (auto refusal = transaction.exec(
            u"DELETE FROM mfa_recovery_codes WHERE org_id = ? AND user_id = ?"_s, { orgId, userId }))
        return *refusal;
    const RecoveryCodeSet set = m_recoveryCodes.generate();
    const qint64 now = m_clock.nowMs();
    for (const QString &hash : set.hashes) {
        if (auto refusal = transaction.exec(u"INSERT INTO mfa_recovery_codes (id, org_id, user_id, code_hash, "
                                            "created_at) VALUES (?, ?, ?, ?, ?)"_s,
                { m_ids.nextId(), orgId, userId, hash, now }))
            return *refusal;
    }
    return set.codes;
}

Result<int> SecondFactor::remainingRecoveryCodes(const QString &orgId, const QString &userId) const
{
    const Result<std::optional<SqlRows::Row>> found = SqlRows::first(m_database, tr("counting the recovery codes"),
        u"SELECT count(*) FROM mfa_recovery_codes WHERE org_id = ? AND user_id = ? AND used_at IS NULL"_s,
        { orgId, userId });
    if (!found)
        return found.refusal();
    return found.value() ? found.value()->at(0).toInt() : 0;
}

QString SecondFactor::otpauthUriFor(const TotpSecret &secret, const QString &email)
{
    return otpauthUri(secret, QString::fromLatin1(kIssuer), email);
}

} // namespace callos::server

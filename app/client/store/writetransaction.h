#pragma once

#include "common/refusal.h"
#include "common/result.h"

#include <QCoreApplication>
#include <QString>
#include <QVariant>

#include <optional>

namespace callos::client {

class LocalStore;

// One write to the store, all or nothing: BEGIN IMMEDIATE ... COMMIT. What is
// not committed is rolled back, also when the object goes out of scope, so a
// failed write never leaves part of itself behind. Each statement and the
// COMMIT pass through the store's WriteFaults. `what` names the write for the
// agent ("saving prospect Dana Whitfield") in every refusal.
class WriteTransaction
{
    Q_DECLARE_TR_FUNCTIONS(callos::client::WriteTransaction)

public:
    WriteTransaction(LocalStore &store, QString what);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    // Takes the write lock at once (waiting up to the busy timeout), so another
    // connection can never make the transaction fail half-way for a lock.
    std::optional<Refusal> begin();
    // Runs one write statement with positional values. `rowsAffected` gets the
    // number of rows it changed (0 for an ON CONFLICT DO NOTHING that skipped).
    std::optional<Refusal> exec(const QString &sql, const QVariantList &values = {}, int *rowsAffected = nullptr);
    // The first column of the first row; an invalid QVariant when there is no
    // row. A read inside the transaction: not counted as a write.
    Result<QVariant> read(const QString &sql, const QVariantList &values = {});
    std::optional<Refusal> commit();
    // Rolls back and hands `why` back: for refusals the caller decides on (a
    // duplicate id, an unknown prospect).
    Refusal abort(Refusal why);

    bool isOpen() const { return m_open; }
    const QString &what() const { return m_what; }

private:
    Refusal fail(const QString &detail);
    void rollback();

    LocalStore &m_store;
    QString m_what;
    bool m_open = false;
};

} // namespace callos::client

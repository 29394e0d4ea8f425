#pragma once

#include "client/account/account.h"
#include "client/sync/syncengine.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace callos::ui {

// The status bar's word on sync, always visible next to "Saved": Local only
// (signed out), Offline, Syncing n, Synced, or the error and its reason;
// after a session ended, a button to sign in again; when the server refused
// events, a button that shows them.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT

public:
    SyncStatusWidget(client::Account &account, client::SyncEngine &sync, QWidget *parent = nullptr);

    QString text() const;
    QString details() const;

Q_SIGNALS:
    void signInRequested();
    void refusedRequested();

private:
    void update();

    client::Account &m_account;
    client::SyncEngine &m_sync;
    QLabel *m_state;
    QPushButton *m_signInAgain;
    QPushButton *m_refused;
};

} // namespace callos::ui

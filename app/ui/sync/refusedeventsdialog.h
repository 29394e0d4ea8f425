#pragma once

#include "client/sync/refusedevents.h"
#include "client/sync/syncengine.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace callos::ui {

// The events the server refused, each with its reason, and the agent's two
// choices: send them again (when the reason was temporary or is fixed on
// the server) or keep them on this computer only. Until the agent chooses,
// they stay in the outbox; nothing is dropped in silence.
class RefusedEventsDialog : public QDialog
{
    Q_OBJECT

public:
    RefusedEventsDialog(client::RefusedEvents &refused, client::SyncEngine &sync, QWidget *parent = nullptr);

    int rowCount() const;
    QString rowText(int row) const;

private:
    void reload();
    QStringList selectedIds() const;
    void decide(bool sendAgain);

    client::RefusedEvents &m_refused;
    client::SyncEngine &m_sync;
    QLabel *m_summary;
    QTreeWidget *m_list;
    QLabel *m_problem;
    QPushButton *m_sendAgain;
    QPushButton *m_keepLocal;
};

} // namespace callos::ui

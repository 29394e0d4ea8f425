#pragma once

#include "client/viewer/viewershare.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace callos::ui {

// "Share slides in a browser": starts sharing the running call's slides
// when it opens and shows the link to give the prospect, with a Copy
// button, where sharing stands (live, not updating and why, stopped), and
// "Stop sharing". Closing it keeps sharing; the agent can open it again from
// the menu. Keyboard first: Enter copies the link, Alt+S stops, Esc closes.
class ViewerShareDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ViewerShareDialog(client::ViewerShare &share, QWidget *parent = nullptr);

    QString link() const;
    QString stateText() const;

private:
    void showState();
    void copyLink();

    client::ViewerShare &m_share;
    QLineEdit *m_link;
    QPushButton *m_copy;
    QLabel *m_state;
    QPushButton *m_stop;
    QPushButton *m_shareAgain;
    QPushButton *m_close;
    std::optional<client::ViewerShare::State> m_shownState;
};

} // namespace callos::ui

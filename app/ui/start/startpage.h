#pragma once

#include "client/store/callrepository.h"
#include "client/store/prospectrepository.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace callos::ui {

class ReasonPrompt;

// Where every call begins: pick a prospect (or type a new one), check their
// facts, start the call; or resume a call that was interrupted.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    StartPage(client::ProspectRepository &prospects, client::CallRepository &calls, QWidget *parent = nullptr);

    void refresh();
    // The prospect as currently typed in the form, or why it is not valid.
    Result<client::Prospect> formProspect() const;
    void showRefusal(const QString &message);
    void selectProspect(int row);

Q_SIGNALS:
    void startRequested(const client::Prospect &prospect);
    void resumeRequested(const QString &callId);

private:
    void loadProspects();
    void fillForm(const client::Prospect &prospect);
    void requestStart();

    client::ProspectRepository &m_prospects;
    client::CallRepository &m_calls;
    QList<client::Prospect> m_shown;
    QString m_editingId;
    QLineEdit *m_search;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_company;
    QLineEdit *m_clientCount;
    QLineEdit *m_volatility;
    QPlainTextEdit *m_painPoints;
    QLineEdit *m_zoomLink;
    QListWidget *m_unfinished;
    QListWidget *m_recent;
    QLabel *m_unfinishedTitle;
    QLabel *m_resumeBanner;
    ReasonPrompt *m_prompt;
};

} // namespace callos::ui

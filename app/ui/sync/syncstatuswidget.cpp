#include "ui/sync/syncstatuswidget.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace callos::ui {
namespace {

const QString kOk = u"color: #15803D; font-weight: 600;"_s;
const QString kBusy = u"color: #0F766E;"_s;
const QString kWarn = u"color: #B45309; font-weight: 600;"_s;
const QString kBad = u"color: #B91C1C; font-weight: 600;"_s;

QString firstLine(const QString &text, int max = 70)
{
    QString line = text.section(u'\n', 0, 0);
    if (line.size() > max)
        line = line.left(max - 1) + u'…';
    return line;
}

QString when(qint64 atMs)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(atMs).time(), QLocale::LongFormat);
}

} // namespace

SyncStatusWidget::SyncStatusWidget(client::Account &account, client::SyncEngine &sync, QWidget *parent)
    : QWidget(parent), m_account(account), m_sync(sync)
{
    setObjectName(u"syncStatus"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 16, 0); // apart from the call time next to it
    layout->setSpacing(8);
    m_state = new QLabel(this);
    m_state->setObjectName(u"syncState"_s);
    layout->addWidget(m_state);
    m_signInAgain = new QPushButton(tr("Sign in again…"), this);
    m_signInAgain->setObjectName(u"signInAgain"_s);
    m_signInAgain->setFlat(true);
    m_signInAgain->setStyleSheet(u"QPushButton { padding: 2px 8px; color: #B91C1C; font-weight: 600; }"_s);
    connect(m_signInAgain, &QPushButton::clicked, this, &SyncStatusWidget::signInRequested);
    layout->addWidget(m_signInAgain);
    m_refused = new QPushButton(this);
    m_refused->setObjectName(u"refusedButton"_s);
    m_refused->setFlat(true);
    m_refused->setStyleSheet(u"QPushButton { padding: 2px 8px; color: #B91C1C; font-weight: 600; }"_s);
    connect(m_refused, &QPushButton::clicked, this, &SyncStatusWidget::refusedRequested);
    layout->addWidget(m_refused);

    connect(&account, &client::Account::stateChanged, this, &SyncStatusWidget::update);
    connect(&sync, &client::SyncEngine::statusChanged, this, &SyncStatusWidget::update);
    update();
}

QString SyncStatusWidget::text() const
{
    return m_state->text();
}

QString SyncStatusWidget::details() const
{
    return m_state->toolTip();
}

void SyncStatusWidget::update()
{
    using State = client::SyncStatus::State;
    const client::SyncStatus &status = m_sync.status();
    const QString server = m_account.profile().server;
    QString text;
    QString tip;
    QString style;
    bool retrying = false;

    switch (m_account.state()) {
    case client::Account::State::SignedOut:
    case client::Account::State::Restoring:
        text = tr("Local only");
        tip = tr("Calls are kept on this computer. Sign in to a CallOS server to sync them (Ctrl+Shift+L).");
        break;
    case client::Account::State::SigningIn:
        text = tr("Signing in…");
        style = kBusy;
        break;
    case client::Account::State::SessionEnded:
        text = tr("Signed out");
        tip = tr("Your session on %1 ended: %2\n%n change(s) wait on this computer; nothing is lost. Sign in again "
                 "to send them.",
            nullptr, status.pending)
                  .arg(server, m_account.sessionEndedReason());
        style = kBad;
        break;
    case client::Account::State::SignedIn:
        switch (status.state) {
        case State::Stopped:
            text = tr("Not syncing");
            tip = status.reason;
            style = kWarn;
            break;
        case State::Offline:
            text = status.pending > 0 ? tr("Offline · %n waiting", nullptr, status.pending) : tr("Offline");
            tip = tr("%1\nEverything is kept on this computer and sent when %2 can be reached.")
                      .arg(status.reason, server);
            style = kWarn;
            retrying = status.retryAtMs > 0;
            break;
        case State::Syncing:
            text = status.pending > 0 ? tr("Syncing %n…", nullptr, status.pending) : tr("Syncing…");
            tip = tr("Sending changes to %1 and fetching prospects and the playbook.").arg(server);
            style = kBusy;
            break;
        case State::Synced:
            text = tr("Synced");
            tip = tr("Everything on this computer is on %1 (%2, signed in as %3).")
                      .arg(server, m_account.profile().organisation, m_account.profile().email);
            style = kOk;
            break;
        case State::Error:
            text = tr("Sync error: %1").arg(firstLine(status.reason));
            tip = status.reason;
            style = kBad;
            retrying = status.retryAtMs > 0;
            break;
        }
        break;
    }
    if (retrying)
        tip += u'\n' + tr("Next try at %1 (F5 tries now).").arg(when(status.retryAtMs));

    m_state->setText(text);
    m_state->setToolTip(tip.trimmed());
    m_state->setStyleSheet(style);
    m_signInAgain->setVisible(m_account.state() == client::Account::State::SessionEnded);
    // Refused events are the agent's to decide on, signed in or not.
    m_refused->setVisible(status.refused > 0);
    m_refused->setText(tr("%n refused", nullptr, status.refused));
    m_refused->setToolTip(tr("The server refused %n change(s). Click to see why and decide.", nullptr, status.refused));
}

} // namespace callos::ui

#include "ui/summary/summarypage.h"

#include "ui/call/milestonerail.h"
#include "ui/common/shortcuts.h"
#include "ui/summary/reviewpanel.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace callos::ui {

SummaryPage::SummaryPage(client::CallController &call, const FieldFormatter &formatter, client::CallReview &review,
    client::RecordingUpload &upload,
    QWidget *parent)
    : QWidget(parent), m_call(call), m_formatter(formatter), m_review(review)
{
    setObjectName(u"summaryPage"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 24);
    auto *title = new QLabel(tr("Call summary"), this);
    title->setProperty("role", u"title"_s);
    layout->addWidget(title);
    m_text = new QTextBrowser(this);
    m_text->setObjectName(u"summaryText"_s);
    m_text->setOpenLinks(false);
    // The call as the agent ran it on the left, the work after it on the right.
    auto *columns = new QHBoxLayout;
    columns->setSpacing(24);
    columns->addWidget(m_text, 1);
    m_reviewPanel = new ReviewPanel(review, upload, this);
    columns->addWidget(m_reviewPanel, 1);
    layout->addLayout(columns, 1);
    auto *actions = new QHBoxLayout;
    auto *copy = new QPushButton(tr("Copy summary"), this);
    copy->setObjectName(u"copySummary"_s);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(plainText()); });
    auto *back = new QPushButton(tr("Back to start (Ctrl+Enter)"), this);
    back->setObjectName(u"backToStart"_s);
    back->setProperty("role", u"primary"_s);
    connect(back, &QPushButton::clicked, this, &SummaryPage::finish);
    bindKeys(this, confirmKeys(), [this] { finish(); });
    actions->addWidget(copy);
    actions->addStretch();
    actions->addWidget(back);
    layout->addLayout(actions);
}

void SummaryPage::refresh()
{
    if (!m_call.hasCall())
        return;
    m_text->setHtml(html());
    m_review.follow(m_call.state().callId);
}

void SummaryPage::finish()
{
    m_review.stop();
    Q_EMIT done();
}

QString SummaryPage::plainText() const
{
    return m_text->toPlainText();
}

QString SummaryPage::outcomeLabel(std::optional<ObjectionOutcome> outcome)
{
    if (!outcome)
        return tr("still open");
    switch (*outcome) {
    case ObjectionOutcome::Resolved: return tr("resolved");
    case ObjectionOutcome::Deferred: return tr("deferred: follow up");
    case ObjectionOutcome::Disqualified: return tr("disqualified");
    }
    return {};
}

QString SummaryPage::html() const
{
    const Playbook &playbook = m_call.playbook();
    const CallState &state = m_call.state();
    const auto esc = [](const QString &text) { return text.toHtmlEscaped(); };
    QString out;
    out += u"<h2>%1 · %2</h2>"_s.arg(esc(m_formatter.format(u"prospectName"_s, state.fields)),
                                     esc(m_formatter.format(u"company"_s, state.fields)));
    if (state.advisoryOnly)
        out += u"<p><b>%1</b></p>"_s.arg(esc(tr("Advisory-only call")));
    if (state.decision) {
        const DecisionRecord &decision = *state.decision;
        QString line = playbook.decision.choice(decision.option)->label;
        if (decision.followUpAt)
            line += u" · "_s + tr("follow-up %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(*decision.followUpAt), QLocale::ShortFormat));
        if (const DisqualificationReason *reason = playbook.decision.reason(decision.reasonId))
            line += u" · "_s + reason->label;
        if (!decision.note.isEmpty())
            line += u" · "_s + decision.note;
        out += u"<p style='font-size:15pt'><b>%1</b> %2</p>"_s.arg(esc(tr("Decision:")), esc(line));
    }
    if (state.needsFollowUp())
        out += u"<p style='color:#B45309'>%1</p>"_s.arg(esc(tr("Deferred objections need a follow-up.")));
    const qint64 end = state.completedAt > 0 ? state.completedAt : m_call.clock().nowMs();
    out += u"<p>%1</p>"_s.arg(esc(tr("Call length %1").arg(formatDuration(end - state.startedAt))));

    out += u"<h3>%1</h3>"_s.arg(esc(tr("Milestones")));
    for (int i = 0; i < playbook.milestones.size(); ++i) {
        const Milestone &milestone = playbook.milestones.at(i);
        const MilestoneProgress &progress = state.milestones.at(i);
        QString status;
        switch (state.status(playbook, i)) {
        case MilestoneStatus::Done: status = tr("done"); break;
        case MilestoneStatus::Skipped: status = tr("skipped: %1").arg(progress.skipReason); break;
        case MilestoneStatus::Blocked: status = tr("blocked (advisory only)"); break;
        default: status = tr("not completed"); break;
        }
        const MilestoneTiming timing = m_call.session().timing(i);
        out += u"<p><b>%1. %2</b> — %3 · %4 / %5</p>"_s.arg(i + 1).arg(esc(milestone.title), esc(status),
                                                              formatDuration(timing.elapsedMs), formatDuration(timing.estimateMs));
        if (!progress.overrideReason.isEmpty())
            out += u"<p>%1</p>"_s.arg(esc(tr("Completed with items open: %1").arg(progress.overrideReason)));
        if (!milestone.summaryTemplate.isEmpty() && progress.visited)
            out += u"<p>%1</p>"_s.arg(esc(m_formatter.render(milestone.summaryTemplate, state.fields)));
        if (!progress.note.isEmpty())
            out += u"<p><i>%1</i></p>"_s.arg(esc(progress.note).replace(u'\n', u"<br>"_s));
    }
    if (!state.objections.isEmpty()) {
        out += u"<h3>%1</h3>"_s.arg(esc(tr("Objections")));
        for (const ObjectionRecord &objection : state.objections) {
            const ObjectionType *type = playbook.objection(objection.typeId);
            const Milestone *where = playbook.milestone(objection.milestoneId);
            out += u"<p><b>%1</b> (%2) — %3</p>"_s.arg(esc(type ? type->label : objection.typeId),
                                                       esc(where ? where->title : objection.milestoneId),
                                                       esc(outcomeLabel(objection.outcome)));
            for (const DiagnosticQuestion &question : type ? type->questions : QList<DiagnosticQuestion>()) {
                const QString answer = objection.answers.value(question.id);
                if (!answer.isEmpty())
                    out += u"<p>&nbsp;&nbsp;%1 <i>%2</i></p>"_s.arg(esc(question.text), esc(answer));
            }
        }
    }
    return out;
}

} // namespace callos::ui

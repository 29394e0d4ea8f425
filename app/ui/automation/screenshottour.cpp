#include "ui/automation/screenshottour.h"

#include "ui/account/signindialog.h"

#include "ui/call/callpage.h"
#include "ui/call/milestoneview.h"
#include "ui/precall/precallpage.h"
#include "ui/presentation/presentationwindow.h"
#include "ui/start/startpage.h"

#include <QApplication>
#include <QDebug>
#include <QPushButton>
#include <QRadioButton>
#include <QLineEdit>

using namespace Qt::StringLiterals;

namespace callos::ui {
namespace {

const QSize kScreen(1920, 1080);

void settle()
{
    for (int i = 0; i < 5; ++i)
        QApplication::processEvents();
}

} // namespace

ScreenshotTour::ScreenshotTour(MainWindow &window, const ControlPanelServices &services, QDir output)
    : m_window(window), m_services(services), m_output(std::move(output))
{
}

bool ScreenshotTour::save(QWidget &widget, const QString &name)
{
    settle();
    const QString path = m_output.filePath(name + u".png"_s);
    if (!widget.grab().save(path)) {
        qWarning().noquote() << "cannot write" << path;
        return false;
    }
    m_written.append(path);
    return true;
}

QStringList ScreenshotTour::run()
{
    if (!m_output.mkpath(u"."_s))
        return {};
    m_window.resize(kScreen);
    m_window.show();
    client::CallController &call = m_services.call;
    const auto ok = [](const CallSession::Outcome &outcome, const char *what) {
        if (!outcome)
            qWarning().noquote() << what << "refused:" << outcome.refusal().message;
        return bool(outcome);
    };

    m_window.startPage()->selectProspect(0);
    if (!save(m_window, u"start"_s))
        return {};

    // The sign-in dialog (Account menu, Ctrl+Shift+L) as an agent fills it in.
    {
        SignInDialog dialog(m_services.account, &m_window);
        const auto fill = [&dialog](const QString &name, const QString &text) {
            if (auto *field = dialog.findChild<QLineEdit *>(name); field && field->text().isEmpty())
                field->setText(text);
        };
        fill(u"serverAddress"_s, u"https://callos.example.com"_s);
        fill(u"email"_s, u"dana@example.com"_s);
        fill(u"password"_s, u"correct horse battery"_s);
        dialog.show();
        if (!save(dialog, u"signin"_s))
            return {};
    }

    const auto prospects = m_services.prospects.list({}, 50);
    if (!prospects || prospects.value().isEmpty())
        return {};
    const auto started = m_services.launcher.start(prospects.value().constFirst());
    if (!started)
        return {};
    const Playbook &playbook = call.playbook();
    for (int i = 0; i < 5; ++i)
        call.act([&](CallSession &s) { return s.setPrecallItem(playbook.precallChecklist.at(i).id, true); });
    if (!save(m_window, u"precall"_s))
        return {};

    if (!ok(call.act([](CallSession &s) { return s.beginCall(u"Prospect joined early"_s); }), "begin"))
        return {};
    const Milestone &context = playbook.milestones.at(0);
    for (const ChecklistItem &item : context.checklist)
        call.act([&](CallSession &s) { return s.setChecklistItem(context.id, item.id, true); });
    for (const FieldDefinition &field : context.fields)
        call.act([&](CallSession &s) { return s.setField(field.id, exampleFieldValue(field)); });
    for (const Confirmation &confirmation : context.confirmations)
        call.act([&](CallSession &s) { return s.setConfirmation(context.id, confirmation.id, true); });
    call.act([&](CallSession &s) { return s.completeMilestone(); });
    const Milestone &mapping = playbook.milestones.at(1);
    call.act([&](CallSession &s) { return s.setChecklistItem(mapping.id, mapping.checklist.constFirst().id, true); });
    call.act([&](CallSession &s) { return s.setField(mapping.fields.constFirst().id, 14); });
    call.act([&](CallSession &s) {
        return s.editNote(mapping.id, u"Two coaches do all the onboarding; referrals are ~60% of new clients."_s);
    });
    m_window.callPage()->refresh();
    if (!save(m_window, u"milestone"_s))
        return {};

    m_window.callPage()->openObjection();
    const ObjectionType &price = playbook.objections.constFirst();
    call.act([&](CallSession &s) { return s.raiseObjection(price.id); });
    call.act([&](CallSession &s) { return s.answerDiagnostic(price.questions.at(0).id, u"Against hiring a sales person"_s); });
    call.act([&](CallSession &s) { return s.answerDiagnostic(price.questions.at(1).id, u"Whether it pays back within a year"_s); });
    m_window.callPage()->refresh();
    if (!save(m_window, u"objection"_s))
        return {};
    call.act([](CallSession &s) { return s.classifyObjection(ObjectionOutcome::Resolved, u"Pay-back maths made sense"_s); });
    m_window.callPage()->refresh();

    if (!ok(call.act([](CallSession &s) { return s.goToMilestone(u"decision"_s, u"Prospect asked to decide now"_s); }), "decision"))
        return {};
    m_window.callPage()->refresh();
    if (auto *pause = m_window.findChild<QRadioButton *>(u"decision-pause"_s))
        pause->click();
    if (!save(m_window, u"decision"_s))
        return {};

    PresentationWindow &presentation = *m_window.presentationWindow();
    presentation.setGeometry(QRect(QPoint(0, 0), kScreen));
    m_services.presentation.jumpTo(m_services.call.deck().indexOf(u"clients"_s));
    presentation.show();
    if (!save(presentation, u"presentation"_s))
        return {};
    presentation.hide();

    call.act([](CallSession &s) { return s.recordDecision(DecisionOption::Pause, {}, QDateTime::currentDateTime().addDays(2), u"Review with co-founder"_s); });
    call.act([](CallSession &s) { return s.completeCall(u"Screenshot tour"_s); });
    if (!save(m_window, u"summary"_s))
        return {};
    return m_written;
}

} // namespace callos::ui

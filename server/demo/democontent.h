#pragma once

#include "accounts/role.h"
#include "playbook/fieldvalues.h"
#include "playbook/playbook.h"
#include "prospects/prospect.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace callos::server {

// One person of the demo organisation.
struct DemoAccount
{
    QString email;
    QString displayName;
    Role role = Role::Agent;
};

// A prospect of the demo organisation and the agent it belongs to (agents
// see only their own prospects, so each call's prospect is its agent's).
struct DemoProspect
{
    ProspectFields fields;
    QString ownerEmail;
    int createdDaysAgo = 0;
};

// An objection the prospect raises during a demo call, and how the agent
// worked through it with the playbook's diagnostic questions.
struct DemoObjection
{
    QString typeId;
    QString milestoneId; // raised while the agent is here, after its fields
    QList<QPair<QString, QString>> answers; // diagnostic question id -> what the prospect said
    ObjectionOutcome outcome = ObjectionOutcome::Resolved;
    QString note;
};

// A finished call as an agent ran it: what was typed, ticked and decided.
// Written for the built-in playbook (resources/playbooks/default.json); the
// player fills any other required field with an example value.
struct DemoCall
{
    int prospect = 0; // index into DemoContent::prospects()
    int daysAgo = 2; // the day of the call, counted back from today (UTC)
    int startMinute = 0; // minute of that day (UTC) the agent began the call
    double pace = 1.0; // time spent per milestone, relative to its estimate
    FieldValues answers; // milestone field id -> value
    QHash<QString, QString> notes; // milestone id -> the agent's note
    QStringList uncheckedItems; // optional checklist items the agent left open
    std::optional<DemoObjection> objection;
    DecisionOption decision = DecisionOption::Proceed;
    QString reasonId; // decline: one of the playbook's disqualification reasons
    int followUpInDays = 0; // pause: the follow-up is this many days after today, 15:00 UTC
    QString decisionNote;
};

// What `callos-server demo seed` puts into a database: an organisation with
// an admin, a manager and two agents, a dozen prospects of coaching and
// advisory businesses (client counts above and below the default gate of
// 500, one unknown) and four finished calls with the outcomes a manager
// wants to see side by side: proceed, pause with a follow-up, decline with a
// reason, and an advisory-only call below the gate. Only data; DemoOrganisation
// writes it and DemoCallPlayer plays the calls.
class DemoContent
{
public:
    static QString organisationName();
    // Admin, manager, then the agents.
    static QList<DemoAccount> accounts();
    static QList<DemoProspect> prospects();
    // Dates typed during the calls (target dates, start dates) lie after `today`.
    static QList<DemoCall> calls(const QDate &today);
};

} // namespace callos::server

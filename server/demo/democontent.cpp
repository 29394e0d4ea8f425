#include "demo/democontent.h"

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

const QString kFirstAgent = u"agent1@demo.callos.test"_s;
const QString kSecondAgent = u"agent2@demo.callos.test"_s;

DemoProspect prospect(QString name, QString company, std::optional<qint64> clients, QString painPoints,
    std::optional<double> volatility, QString zoomLink, const QString &owner, int createdDaysAgo)
{
    DemoProspect demo;
    demo.fields.name = std::move(name);
    demo.fields.company = std::move(company);
    demo.fields.clientCount = clients;
    demo.fields.painPoints = std::move(painPoints);
    demo.fields.revenueVolatilityPercent = volatility;
    demo.fields.zoomLink = std::move(zoomLink);
    demo.ownerEmail = owner;
    demo.createdDaysAgo = createdDaysAgo;
    return demo;
}

QString isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate);
}

} // namespace

QString DemoContent::organisationName()
{
    return u"Demo Company"_s;
}

QList<DemoAccount> DemoContent::accounts()
{
    return {
        { u"admin@demo.callos.test"_s, u"Morgan Ellis"_s, Role::Admin },
        { u"manager@demo.callos.test"_s, u"Sam Okafor"_s, Role::Manager },
        { kFirstAgent, u"Jordan Reyes"_s, Role::Agent },
        { kSecondAgent, u"Casey Lindqvist"_s, Role::Agent },
    };
}

QList<DemoProspect> DemoContent::prospects()
{
    // Different people from the desktop's own first-run prospects
    // (app/client/store/demoprospects.cpp), which the app still adds to its
    // local store: the same names twice in the agent's list would confuse.
    return {
        prospect(u"Olivia Brandt"_s, u"Brandt Performance Coaching"_s, 760,
            u"Waitlist of 40 people but no capacity to onboard them\nRenewals handled ad hoc by each coach\n"
            "Founder still delivers half of the sessions"_s,
            14.0, u"https://zoom.us/j/84011223301"_s, kFirstAgent, 12),
        prospect(u"Kwame Mensah"_s, u"Mensah Growth Partners"_s, 1320,
            u"Enterprise deals take six months or more to close\nOne partner brings in 70% of revenue"_s, 21.0,
            u"https://us02web.zoom.us/j/84011223302"_s, kFirstAgent, 10),
        prospect(u"Sofia Lindgren"_s, u"Nordlys Mindset Academy"_s, 505,
            u"Course sales spike at launches only\nCommunity engagement drops after week four"_s, 31.0,
            u"https://zoom.us/j/84011223303"_s, kFirstAgent, 5),
        prospect(u"Daniel Achterberg"_s, u"Achterberg Sales Academy"_s, 95,
            u"First year in business after leaving corporate sales\nNo offer beyond one-to-one sessions"_s,
            std::nullopt, u"https://zoom.us/j/84011223304"_s, kFirstAgent, 3),
        prospect(u"Grace Whitmore"_s, u"Whitmore Leadership Circle"_s, std::nullopt,
            u"Referred by Olivia Brandt; numbers to confirm on the call"_s, std::nullopt, QString(), kFirstAgent, 1),
        prospect(u"Luis Carvalho"_s, u"Carvalho Wellness Studio"_s, 420,
            u"Membership churn around 8% a month\nStudio and online programmes priced separately"_s, 19.0,
            u"https://zoom.us/j/84011223306"_s, kFirstAgent, 8),
        prospect(u"Hannah Vogel"_s, u"Vogel & Partner Coaching"_s, 890,
            u"Nine coaches with uneven client results\nCorporate clients ask for outcome reports"_s, 16.0,
            u"https://zoom.us/j/84011223307"_s, kSecondAgent, 9),
        prospect(u"Ethan Park"_s, u"Park Financial Coaching"_s, 310,
            u"Fully booked with one-to-one clients\nNo recurring programme after the first year"_s, 8.0,
            u"https://zoom.us/j/84011223308"_s, kSecondAgent, 7),
        prospect(u"Amara Nwosu"_s, u"Radiant Health Coaching"_s, 2150,
            u"Growth through paid ads only; cost per client doubled\nOnboarding is manual and takes two weeks"_s, 24.0,
            u"https://us06web.zoom.us/j/84011223309"_s, kSecondAgent, 6),
        prospect(u"Ben Castellano"_s, u"Castellano Executive Advisory"_s, 500,
            u"Exactly at capacity with the current team\nPrices unchanged for three years"_s, 11.0,
            u"https://zoom.us/j/84011223310"_s, kSecondAgent, 4),
        prospect(u"Mei Chen"_s, u"Brightpath Career Coaching"_s, 180,
            u"Demand follows the hiring seasons\nSolo practice without an assistant"_s, 40.0,
            u"https://zoom.us/j/84011223311"_s, kSecondAgent, 2),
        prospect(u"Isabel Moreau"_s, u"Moreau Business Mentoring"_s, 640,
            u"Mentors leave after a year and take clients with them\nNo shared methodology"_s, 13.0,
            u"https://zoom.us/j/84011223312"_s, kSecondAgent, 11),
    };
}

QList<DemoCall> DemoContent::calls(const QDate &today)
{
    QList<DemoCall> calls;

    // Qualified, one price objection resolved in the offer, proceeds.
    DemoCall proceed;
    proceed.prospect = 0;
    proceed.daysAgo = 6;
    proceed.startMinute = 14 * 60;
    proceed.pace = 1.1;
    proceed.answers = {
        { u"callObjective"_s,
            u"Find out whether a group programme could clear the waitlist without hiring five more coaches."_s },
        { u"newClientsPerMonth"_s, 35 },
        { u"monthlyRevenue"_s, 152000 },
        { u"churnRate"_s, 4 },
        { u"deliveryModel"_s, u"one-to-one"_s },
        { u"teamSize"_s, 12 },
        { u"desiredOutcome"_s,
            u"Serve the whole waitlist within a year through a group track, with the founder out of delivery."_s },
        { u"targetMonthlyRevenue"_s, 230000 },
        { u"targetGrowth"_s, 40 },
        { u"targetDate"_s, isoDate(today.addMonths(12)) },
        { u"biggestBottleneck"_s,
            u"Every new client needs a free coach slot, so onboarding waits three to five weeks."_s },
        { u"previousAttempts"_s, u"Hired two junior coaches; complaints went up and one left after four months."_s },
        { u"costOfInaction"_s,
            u"About 25 waitlisted people a quarter sign with someone else: roughly $90,000 a year."_s },
        { u"priorityArea"_s, u"delivery"_s },
        { u"fitScore"_s, 8 },
        { u"fitConcerns"_s, u"Whether the senior coaches accept a shared curriculum."_s },
        { u"investmentDiscussed"_s, 48000 },
        { u"paymentPlan"_s, u"quarterly"_s },
        { u"preferredStartDate"_s, isoDate(today.addDays(14)) },
        { u"decisionTimeline"_s, u"now"_s },
        { u"nextStep"_s, u"Agreement out today; kick-off workshop with the three senior coaches."_s },
    };
    proceed.notes = {
        { u"context"_s, u"Olivia has 45 minutes; her operations lead Tom joined for the first half."_s },
        { u"current-state"_s,
            u"Founder delivers about half of all sessions. Waitlist has grown every month since spring."_s },
        { u"vision"_s, u"Wants to step out of delivery by next summer and run the business, not the calendar."_s },
        { u"reality"_s,
            u"The waitlist is the bottleneck she feels most; the cost of it surprised her when we added it up."_s },
        { u"solution"_s,
            u"Showed the group track and the coach certification; she asked twice about the certification."_s },
        { u"offer"_s, u"Quarterly payments; starts in two weeks."_s },
        { u"decision"_s, u"Clear yes. Agreement today, kick-off on the first of the month."_s },
    };
    proceed.objection = DemoObjection { u"price"_s, u"offer"_s,
        { { u"compared-to"_s, u"Against hiring another senior coach, about $95,000 a year."_s },
            { u"too-high-vs-return"_s, u"Mostly whether it pays back within the first two quarters."_s },
            { u"cost-of-gap"_s, u"The lost waitlist revenue is bigger than the fee; she said so herself."_s } },
        ObjectionOutcome::Resolved,
        u"Pays back within two quarters with 20 more group clients; she ran the numbers herself."_s };
    proceed.decision = DecisionOption::Proceed;
    proceed.decisionNote = u"Signs this week; kick-off on the first of the month."_s;
    calls.append(proceed);

    // Qualified, but already set on another route: a disqualifying
    // objection in the solution sends the call to the decision, declined.
    DemoCall decline;
    decline.prospect = 1;
    decline.daysAgo = 4;
    decline.startMinute = 16 * 60 + 30;
    decline.pace = 0.9;
    decline.uncheckedItems = { u"agenda-sent"_s, u"other-stakeholders"_s, u"target-is-specific"_s };
    decline.answers = {
        { u"callObjective"_s, u"Compare our approach with the sales consultancy they are already talking to."_s },
        { u"newClientsPerMonth"_s, 22 },
        { u"monthlyRevenue"_s, 310000 },
        { u"churnRate"_s, 2 },
        { u"deliveryModel"_s, u"hybrid"_s },
        { u"teamSize"_s, 26 },
        { u"desiredOutcome"_s, u"Partners who do not have to sell, and a pipeline that does not depend on Kwame."_s },
        { u"targetMonthlyRevenue"_s, 420000 },
        { u"targetGrowth"_s, 25 },
        { u"biggestBottleneck"_s,
            u"Every enterprise deal runs through Kwame; the partners deliver but do not sell."_s },
        { u"previousAttempts"_s, u"A business developer hired two years ago closed no deal in nine months."_s },
        { u"costOfInaction"_s, u"Growth stays capped at what one person can sell, about 8% a year."_s },
        { u"priorityArea"_s, u"acquisition"_s },
        { u"decisionTimeline"_s, u"unsure"_s },
        { u"nextStep"_s, u"Short written summary; check in after their interim sales director's first quarter."_s },
    };
    decline.notes = {
        { u"context"_s, u"Kwame is comparing two options and said so upfront; 40 minutes."_s },
        { u"current-state"_s, u"Strong delivery, high retention; sales depend on one person."_s },
        { u"reality"_s, u"He sees the bottleneck clearly and has already decided how to fix it."_s },
        { u"decision"_s, u"Friendly no. Open to talk again next year."_s },
    };
    decline.objection = DemoObjection { u"status-quo"_s, u"solution"_s,
        { { u"what-works-now"_s, u"Partner referrals close at a high rate once a meeting happens."_s },
            { u"other-options"_s, u"A sales consultancy that would place an interim sales director."_s },
            { u"decision-criteria"_s, u"Speed: they want someone selling within the next quarter."_s } },
        ObjectionOutcome::Disqualified, u"Has chosen the interim sales director; a programme does not fit now."_s };
    decline.decision = DecisionOption::Decline;
    decline.reasonId = u"prefers-competitor"_s;
    decline.decisionNote = u"Chose an interim sales director; open to talk again next year."_s;
    calls.append(decline);

    // Qualified and convinced, but the co-founder decides too: paused, with
    // the follow-up in the diary.
    DemoCall pause;
    pause.prospect = 6;
    pause.daysAgo = 3;
    pause.startMinute = 9 * 60 + 30;
    pause.pace = 1.0;
    pause.uncheckedItems = { u"recording-consent-ready"_s, u"payment-options-explained"_s };
    pause.answers = {
        { u"callObjective"_s, u"Understand how to make results consistent across nine coaches."_s },
        { u"newClientsPerMonth"_s, 28 },
        { u"monthlyRevenue"_s, 178000 },
        { u"churnRate"_s, 3 },
        { u"deliveryModel"_s, u"hybrid"_s },
        { u"teamSize"_s, 11 },
        { u"desiredOutcome"_s,
            u"Every coach delivering the same standard, with outcome reports corporate buyers trust."_s },
        { u"targetMonthlyRevenue"_s, 240000 },
        { u"targetGrowth"_s, 30 },
        { u"targetDate"_s, isoDate(today.addMonths(9)) },
        { u"biggestBottleneck"_s, u"No shared method: each coach runs the sessions their own way."_s },
        { u"previousAttempts"_s, u"A coaching handbook two years ago that nobody follows."_s },
        { u"costOfInaction"_s, u"Two corporate renewals at risk next quarter, about $120,000."_s },
        { u"priorityArea"_s, u"delivery"_s },
        { u"fitScore"_s, 9 },
        { u"fitConcerns"_s, u"Finding time for coach training in the busy season."_s },
        { u"investmentDiscussed"_s, 36000 },
        { u"paymentPlan"_s, u"monthly"_s },
        { u"preferredStartDate"_s, isoDate(today.addDays(30)) },
        { u"decisionTimeline"_s, u"within-30-days"_s },
        { u"nextStep"_s, u"Joint call with Markus on the follow-up date; send the reporting sample before it."_s },
    };
    pause.notes = {
        { u"context"_s, u"Hannah wants a plan she can show her co-founder."_s },
        { u"current-state"_s, u"Results vary a lot between coaches; two corporate clients asked for reports."_s },
        { u"solution"_s, u"The outcome reporting landed best; she asked for a sample."_s },
        { u"offer"_s, u"Fine with the investment herself; contracts over $20,000 need Markus."_s },
        { u"decision"_s, u"Pause until the joint call with Markus."_s },
    };
    pause.objection = DemoObjection { u"authority"_s, u"offer"_s,
        { { u"who-else"_s, u"Her co-founder Markus signs every contract over $20,000."_s },
            { u"your-view"_s, u"She is convinced and wants Markus to see the reporting part."_s },
            { u"their-questions"_s, u"How the coaches' training time is covered."_s } },
        ObjectionOutcome::Deferred, u"Joint call with Markus booked."_s };
    pause.decision = DecisionOption::Pause;
    pause.followUpInDays = 2;
    pause.decisionNote = u"Co-founder Markus decides with her; follow-up booked."_s;
    calls.append(pause);

    // Below the gate: advisory only, so the pitch (solution, offer) is
    // blocked; declined with the playbook's reason for it.
    DemoCall advisory;
    advisory.prospect = 7;
    advisory.daysAgo = 2;
    advisory.startMinute = 13 * 60;
    advisory.pace = 0.8;
    advisory.uncheckedItems
        = { u"agenda-sent"_s, u"acquisition-channels"_s, u"cost-quantified"_s, u"summary-emailed"_s };
    advisory.answers = {
        { u"callObjective"_s, u"See whether a programme makes sense before building a group offer."_s },
        { u"newClientsPerMonth"_s, 6 },
        { u"monthlyRevenue"_s, 41000 },
        { u"churnRate"_s, 2 },
        { u"deliveryModel"_s, u"one-to-one"_s },
        { u"teamSize"_s, 2 },
        { u"desiredOutcome"_s, u"A small group programme so that clients can stay on after their first year."_s },
        { u"targetMonthlyRevenue"_s, 60000 },
        { u"targetGrowth"_s, 50 },
        { u"targetDate"_s, isoDate(today.addMonths(18)) },
        { u"biggestBottleneck"_s, u"Ethan delivers nearly every session himself."_s },
        { u"previousAttempts"_s, u"A monthly webinar; attendance fell away after three sessions."_s },
        { u"costOfInaction"_s, u"Stays at around 310 clients and 50-hour weeks."_s },
        { u"decisionTimeline"_s, u"unsure"_s },
        { u"nextStep"_s, u"Send the group-programme guide; talk again once they pass 500 clients."_s },
    };
    advisory.notes = {
        { u"context"_s, u"Advisory call: told Ethan upfront there would be no pitch today."_s },
        { u"vision"_s, u"Wants fewer hours more than more revenue."_s },
        { u"decision"_s, u"Not a fit below 500 clients; gave him the group-programme guide."_s },
    };
    advisory.decision = DecisionOption::Decline;
    advisory.reasonId = u"under-500-clients"_s;
    advisory.decisionNote = u"Below the 500-client gate; advised on a group offer, no pitch."_s;
    calls.append(advisory);

    return calls;
}

} // namespace callos::server

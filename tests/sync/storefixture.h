#pragma once

// A local store in a temporary folder with the repositories the sync
// bookkeeping tests need, and quick ways to add prospects, calls and events.
#include "client/store/calleventstore.h"
#include "client/store/callrepository.h"
#include "client/store/localstore.h"
#include "client/store/prospectrepository.h"
#include "client/store/writefaults.h"
#include "fakeclock.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace callos::test {

struct StoreFixture
{
    QTemporaryDir dir;
    std::unique_ptr<client::LocalStore> store;
    FakeClock clock;
    UuidGenerator ids;
    std::unique_ptr<client::ProspectRepository> prospects;
    std::unique_ptr<client::CallRepository> calls;
    std::unique_ptr<client::CallEventStore> events;
    qint64 seq = 0;

    StoreFixture() { open(); }

    void open()
    {
        events.reset();
        calls.reset();
        prospects.reset();
        store.reset();
        auto opened = client::LocalStore::open(dir.filePath(QStringLiteral("callos.sqlite")));
        if (!opened)
            qFatal("store: %s", qPrintable(opened.refusal().message));
        store = std::move(opened).value();
        prospects = std::make_unique<client::ProspectRepository>(*store, clock, ids);
        calls = std::make_unique<client::CallRepository>(*store);
        events = std::make_unique<client::CallEventStore>(*store);
    }

    client::Prospect addProspect(const QString &name)
    {
        client::Prospect prospect;
        prospect.name = name;
        prospect.company = name + QStringLiteral(" Ltd");
        prospect.clientCount = 600;
        const auto saved = prospects->save(prospect);
        if (!saved)
            qFatal("prospect: %s", qPrintable(saved.refusal().message));
        clock.advance(10);
        return saved.value();
    }

    QString addCall(const client::Prospect &prospect)
    {
        client::CallRecord call;
        call.id = ids.nextId();
        call.prospectId = prospect.id;
        call.playbookId = QStringLiteral("default");
        call.playbookVersion = 1;
        call.startedAt = clock.nowMs();
        if (auto refusal = calls->create(call))
            qFatal("call: %s", qPrintable(refusal->message));
        clock.advance(10);
        return call.id;
    }

    // `count` events of a call with notes of `noteChars` characters.
    QStringList addEvents(const QString &callId, int count, int noteChars = 10)
    {
        QList<CallEvent> batch;
        QStringList added;
        for (int i = 0; i < count; ++i) {
            CallEvent event;
            event.id = ids.nextId();
            event.callId = callId;
            event.deviceId = QStringLiteral("device-1");
            event.seq = ++seq;
            event.at = clock.nowMs();
            event.actor = QStringLiteral("agent");
            event.type = EventType::NoteEdited;
            event.payload = QJsonObject { { QStringLiteral("milestoneId"), QStringLiteral("context") },
                { QStringLiteral("text"), QString(noteChars, u'x') } };
            batch.append(event);
            added.append(event.id);
        }
        if (auto refusal = events->append(batch))
            qFatal("events: %s", qPrintable(refusal->message));
        clock.advance(10);
        return added;
    }
};

} // namespace callos::test

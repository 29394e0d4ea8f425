// /api/v1/prospects over real HTTP on loopback, on SQLite and PostgreSQL:
// create, get, update, the idempotent PUT of the desktop sync, search and
// paging, what agents and managers see, malformed bodies (each error naming
// its field) and the tenant fence (another organisation's ids are 404).
#include "apitestserver.h"

#include "storage/sqlrows.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;
using namespace callos::test;

namespace {

const QString kId1 = u"0b7e1c8e-5f4a-4d0e-9a51-3c1f2b6d7e01"_s;
const QString kId2 = u"0b7e1c8e-5f4a-4d0e-9a51-3c1f2b6d7e02"_s;

QJsonObject fullProspect()
{
    return QJsonObject{ { u"name"_s, u"Dana Whitfield"_s }, { u"company"_s, u"Whitfield Coaching"_s },
        { u"client_count"_s, 620 }, { u"pain_points"_s, u"Churn after month 3\nNo referral system"_s },
        { u"revenue_volatility_percent"_s, 35.5 }, { u"zoom_link"_s, u"https://us02web.zoom.us/j/123456789"_s } };
}

QStringList names(const ApiReply &reply)
{
    return reply.listed(u"prospects"_s, u"name"_s);
}

} // namespace

class TestProspectsApi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createGetAndOwner_data() { TestDatabases::addBackendRows(); }
    void createGetAndOwner();
    void postWithExistingIdConflicts_data() { TestDatabases::addBackendRows(); }
    void postWithExistingIdConflicts();
    void patchChangesOnlyWhatIsGiven_data() { TestDatabases::addBackendRows(); }
    void patchChangesOnlyWhatIsGiven();
    void putTwiceIsOneRow_data() { TestDatabases::addBackendRows(); }
    void putTwiceIsOneRow();
    void putReplacesWholeProspect_data() { TestDatabases::addBackendRows(); }
    void putReplacesWholeProspect();
    void malformedBodiesNameTheField_data() { TestDatabases::addBackendRows(); }
    void malformedBodiesNameTheField();
    void searchIgnoresCaseOnBothBackends_data() { TestDatabases::addBackendRows(); }
    void searchIgnoresCaseOnBothBackends();
    void paging_data() { TestDatabases::addBackendRows(); }
    void paging();
    void badQueryParametersAreNamed_data() { TestDatabases::addBackendRows(); }
    void badQueryParametersAreNamed();
    void agentSeesOwnManagerSeesAll_data() { TestDatabases::addBackendRows(); }
    void agentSeesOwnManagerSeesAll();
    void otherOrganisationsProspectsAreNotFound_data() { TestDatabases::addBackendRows(); }
    void otherOrganisationsProspectsAreNotFound();

private:
    ApiTestServer m_api;
};

void TestProspectsApi::init()
{
    QVERIFY2(m_api.start(), m_api.why());
}

void TestProspectsApi::cleanup()
{
    m_api.stop();
}

void TestProspectsApi::createGetAndOwner()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const qint64 now = m_api->clock().nowMs();

    QJsonObject body = fullProspect();
    body.insert(u"name"_s, u"  Dana Whitfield  "_s); // trimmed, as the desktop does
    const ApiReply created = m_api->post(u"/api/v1/prospects"_s, body, token);
    QCOMPARE(created.status, 201);
    const QString id = created.json[u"id"_s].toString();
    QCOMPARE(id.size(), 36);
    QCOMPARE(created.json[u"name"_s].toString(), u"Dana Whitfield"_s);
    QCOMPARE(created.json[u"company"_s].toString(), u"Whitfield Coaching"_s);
    QCOMPARE(created.json[u"client_count"_s].toInteger(), 620);
    QCOMPARE(created.json[u"pain_points"_s].toString(), u"Churn after month 3\nNo referral system"_s);
    QCOMPARE(created.json[u"revenue_volatility_percent"_s].toDouble(), 35.5);
    QCOMPARE(created.json[u"zoom_link"_s].toString(), u"https://us02web.zoom.us/j/123456789"_s);
    QCOMPARE(created.json[u"owner_user_id"_s].toString(), agent.id);
    QCOMPARE(created.json[u"created_at"_s].toInteger(), now);
    QCOMPARE(created.json[u"updated_at"_s].toInteger(), now);

    const ApiReply read = m_api->get(u"/api/v1/prospects/"_s + id, token);
    QCOMPARE(read.status, 200);
    QCOMPARE(read.json, created.json);

    // A client-made id is kept; unknown numbers are null.
    const ApiReply minimal = m_api->post(u"/api/v1/prospects"_s,
        QJsonObject{ { u"id"_s, kId1 }, { u"name"_s, u"Sam Ortiz"_s }, { u"client_count"_s, QJsonValue::Null } },
        token);
    QCOMPARE(minimal.status, 201);
    QCOMPARE(minimal.json[u"id"_s].toString(), kId1);
    QVERIFY(minimal.json[u"client_count"_s].isNull());
    QVERIFY(minimal.json[u"revenue_volatility_percent"_s].isNull());
    QCOMPARE(minimal.json[u"company"_s].toString(), QString());
    QCOMPARE(minimal.json[u"zoom_link"_s].toString(), QString());

    // The read-only fields of a GET may be sent back and change nothing.
    QJsonObject echoed = read.json;
    echoed.insert(u"owner_user_id"_s, u"someone-else"_s);
    echoed.insert(u"created_at"_s, 1);
    const ApiReply echoPut = m_api->put(u"/api/v1/prospects/"_s + id, echoed, token);
    QCOMPARE(echoPut.status, 200);
    QCOMPARE(echoPut.json, read.json);

    const ApiReply missing = m_api->get(u"/api/v1/prospects/"_s + kId2, token);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), u"prospect.not_found"_s);
    QCOMPARE(m_api->get(u"/api/v1/prospects/not-a-uuid"_s, token).status, 404);
    QCOMPARE(m_api->get(u"/api/v1/prospects"_s).status, 401);
}

void TestProspectsApi::postWithExistingIdConflicts()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    QJsonObject body = fullProspect();
    body.insert(u"id"_s, kId1);
    QCOMPARE(m_api->post(u"/api/v1/prospects"_s, body, token).status, 201);
    body.insert(u"name"_s, u"Someone Else"_s);
    const ApiReply again = m_api->post(u"/api/v1/prospects"_s, body, token);
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), u"prospect.exists"_s);
    QCOMPARE(m_api->get(u"/api/v1/prospects/"_s + kId1, token).json[u"name"_s].toString(), u"Dana Whitfield"_s);
}

void TestProspectsApi::patchChangesOnlyWhatIsGiven()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const ApiReply created = m_api->post(u"/api/v1/prospects"_s, fullProspect(), token);
    const QString path = u"/api/v1/prospects/"_s + created.json[u"id"_s].toString();
    m_api->clock().advanceMinutes(5);

    const ApiReply patched = m_api->patch(path,
        QJsonObject{ { u"company"_s, u"Whitfield Group"_s }, { u"client_count"_s, QJsonValue::Null } }, token);
    QCOMPARE(patched.status, 200);
    QCOMPARE(patched.json[u"company"_s].toString(), u"Whitfield Group"_s);
    QVERIFY(patched.json[u"client_count"_s].isNull());
    QCOMPARE(patched.json[u"name"_s].toString(), u"Dana Whitfield"_s);
    QCOMPARE(patched.json[u"revenue_volatility_percent"_s].toDouble(), 35.5);
    QCOMPARE(patched.json[u"zoom_link"_s], created.json[u"zoom_link"_s]);
    QCOMPARE(patched.json[u"created_at"_s], created.json[u"created_at"_s]);
    QCOMPARE(patched.json[u"updated_at"_s].toInteger(), m_api->clock().nowMs());
    QCOMPARE(m_api->get(path, token).json, patched.json);

    // An empty zoom link clears it; an empty name is refused.
    QCOMPARE(m_api->patch(path, QJsonObject{ { u"zoom_link"_s, u""_s } }, token).json[u"zoom_link"_s].toString(),
        QString());
    const ApiReply noName = m_api->patch(path, QJsonObject{ { u"name"_s, u" "_s } }, token);
    QCOMPARE(noName.status, 400);
    QCOMPARE(noName.fieldPaths(), QStringList{ u"name"_s });
    const ApiReply otherId = m_api->patch(path, QJsonObject{ { u"id"_s, kId2 } }, token);
    QCOMPARE(otherId.status, 400);
    QCOMPARE(otherId.fieldPaths(), QStringList{ u"id"_s });
    QCOMPARE(m_api->patch(u"/api/v1/prospects/"_s + kId2, QJsonObject{ { u"company"_s, u"X"_s } }, token).status, 404);
}

void TestProspectsApi::putTwiceIsOneRow()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const SeededUser agent = m_api->addUser(acme.orgId, Role::Agent, u"agent@acme.example"_s);
    const QString token = m_api->signIn(agent);
    const QString path = u"/api/v1/prospects/"_s + kId1;

    const ApiReply first = m_api->put(path, fullProspect(), token);
    QCOMPARE(first.status, 201);
    QCOMPARE(first.json[u"id"_s].toString(), kId1);
    QCOMPARE(first.json[u"owner_user_id"_s].toString(), agent.id);
    m_api->clock().advanceMinutes(1);
    // The desktop resends after a lost answer: same row, nothing changes,
    // not even updated_at.
    const ApiReply second = m_api->put(path, fullProspect(), token);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json, first.json);
    QJsonObject withId = fullProspect();
    withId.insert(u"id"_s, kId1);
    QCOMPARE(m_api->put(path, withId, token).json, first.json);

    const auto count = SqlRows::first(m_api->database(), u"test"_s, u"SELECT count(*) FROM prospects"_s);
    QVERIFY(count.ok() && count.value());
    QCOMPARE(count.value()->at(0).toInt(), 1);
}

void TestProspectsApi::putReplacesWholeProspect()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QString path = u"/api/v1/prospects/"_s + kId1;
    QCOMPARE(m_api->put(path, fullProspect(), token).status, 201);
    m_api->clock().advanceMinutes(2);
    const ApiReply replaced = m_api->put(path, QJsonObject{ { u"name"_s, u"Dana W."_s } }, token);
    QCOMPARE(replaced.status, 200);
    QCOMPARE(replaced.json[u"name"_s].toString(), u"Dana W."_s);
    // What the body leaves out is reset: PUT is the whole prospect.
    QCOMPARE(replaced.json[u"company"_s].toString(), QString());
    QVERIFY(replaced.json[u"client_count"_s].isNull());
    QCOMPARE(replaced.json[u"pain_points"_s].toString(), QString());
    QCOMPARE(replaced.json[u"updated_at"_s].toInteger(), m_api->clock().nowMs());

    const ApiReply badPath = m_api->put(u"/api/v1/prospects/not-a-uuid"_s, fullProspect(), token);
    QCOMPARE(badPath.status, 400);
    QCOMPARE(badPath.fieldPaths(), QStringList{ u"id"_s });
    QJsonObject otherId = fullProspect();
    otherId.insert(u"id"_s, kId2);
    const ApiReply mismatch = m_api->put(path, otherId, token);
    QCOMPARE(mismatch.status, 400);
    QCOMPARE(mismatch.fieldPaths(), QStringList{ u"id"_s });
}

void TestProspectsApi::malformedBodiesNameTheField()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    struct Case
    {
        const char *name;
        QJsonObject body;
        QStringList paths;
    };
    const auto with = [](const QString &key, const QJsonValue &value) {
        QJsonObject body = fullProspect();
        body.insert(key, value);
        return body;
    };
    QJsonObject noName = fullProspect();
    noName.remove(u"name"_s);
    const QList<Case> cases{
        { "name missing", noName, { u"name"_s } },
        { "name a number", with(u"name"_s, 42), { u"name"_s } },
        { "name blank", with(u"name"_s, u"   "_s), { u"name"_s } },
        { "name null", with(u"name"_s, QJsonValue::Null), { u"name"_s } },
        { "name huge", with(u"name"_s, QString(10000, u'x')), { u"name"_s } },
        { "name with NUL", with(u"name"_s, u"Dana\u0000W"_s), { u"name"_s } },
        { "name two lines", with(u"name"_s, u"Dana\nWhitfield"_s), { u"name"_s } },
        { "company an object", with(u"company"_s, QJsonObject{}), { u"company"_s } },
        { "company null", with(u"company"_s, QJsonValue::Null), { u"company"_s } },
        { "client_count negative", with(u"client_count"_s, -1), { u"client_count"_s } },
        { "client_count a string", with(u"client_count"_s, u"620"_s), { u"client_count"_s } },
        { "client_count a fraction", with(u"client_count"_s, 6.5), { u"client_count"_s } },
        { "client_count too big", with(u"client_count"_s, 1e12), { u"client_count"_s } },
        { "pain_points huge", with(u"pain_points"_s, QString(2001, u'p')), { u"pain_points"_s } },
        { "pain_points an array", with(u"pain_points"_s, QJsonArray{ u"a"_s }), { u"pain_points"_s } },
        { "volatility negative", with(u"revenue_volatility_percent"_s, -0.5), { u"revenue_volatility_percent"_s } },
        { "volatility too big", with(u"revenue_volatility_percent"_s, 1000.5), { u"revenue_volatility_percent"_s } },
        { "volatility a bool", with(u"revenue_volatility_percent"_s, true), { u"revenue_volatility_percent"_s } },
        { "zoom over http", with(u"zoom_link"_s, u"http://zoom.us/j/1"_s), { u"zoom_link"_s } },
        { "zoom elsewhere", with(u"zoom_link"_s, u"https://zoom.us.evil.example/j/1"_s), { u"zoom_link"_s } },
        { "zoom not a url", with(u"zoom_link"_s, u"call me maybe"_s), { u"zoom_link"_s } },
        { "id not a uuid", with(u"id"_s, u"prospect-1"_s), { u"id"_s } },
        { "id a number", with(u"id"_s, 7), { u"id"_s } },
        { "unknown field", with(u"nmae"_s, u"typo"_s), { u"nmae"_s } },
        { "org from the body", with(u"org_id"_s, u"other"_s), { u"org_id"_s } },
        { "owner of the wrong type", with(u"owner_user_id"_s, 5), { u"owner_user_id"_s } },
        { "several at once",
            QJsonObject{ { u"client_count"_s, -3 }, { u"zoom_link"_s, u"ftp://x"_s }, { u"extra"_s, 1 } },
            { u"name"_s, u"zoom_link"_s, u"client_count"_s, u"extra"_s } },
    };
    for (const Case &c : cases) {
        const ApiReply reply = m_api->post(u"/api/v1/prospects"_s, c.body, token);
        QVERIFY2(reply.status == 400, qPrintable(u"%1: %2 %3"_s.arg(QLatin1String(c.name)).arg(reply.status)
                                                .arg(QString::fromUtf8(reply.body))));
        QVERIFY2(reply.errorCode() == u"request.invalid"_s, c.name);
        QVERIFY2(reply.fieldPaths() == c.paths,
            qPrintable(u"%1: %2"_s.arg(QLatin1String(c.name), reply.fieldPaths().join(u", "_s))));
        // PUT reads the same way.
        const ApiReply put = m_api->put(u"/api/v1/prospects/"_s + kId1, c.body, token);
        QVERIFY2(put.status == 400, c.name);
    }

    const QByteArray json = "application/json";
    QCOMPARE(m_api->send("POST", u"/api/v1/prospects"_s, "[]", { { "Content-Type", json } }, token).status, 400);
    QCOMPARE(m_api->send("POST", u"/api/v1/prospects"_s, "{\"name\":", { { "Content-Type", json } }, token).errorCode(),
        u"request.malformed_json"_s);
    QCOMPARE(m_api->send("POST", u"/api/v1/prospects"_s, "name=x", { { "Content-Type", "text/plain" } }, token).status,
        415);
    QCOMPARE(m_api->send("POST", u"/api/v1/prospects"_s, "{\"name\":\"" + QByteArray(40000, 'x') + "\"}",
                 { { "Content-Type", json } }, token)
                 .status,
        413);

    // Nothing of it was stored.
    const auto count = SqlRows::first(m_api->database(), u"test"_s, u"SELECT count(*) FROM prospects"_s);
    QVERIFY(count.ok() && count.value());
    QCOMPARE(count.value()->at(0).toInt(), 0);
}

void TestProspectsApi::searchIgnoresCaseOnBothBackends()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QList<QPair<QString, QString>> prospects{ { u"Jörg Müller"_s, u"Müller & Söhne"_s },
        { u"Anna Berg"_s, u"ACME Coaching"_s }, { u"Ben Carter"_s, u"Carter 100% Fitness"_s },
        { u"Chloé Dubois"_s, u"Studio_Dubois"_s }, { u"Dev Patel"_s, u""_s } };
    for (const auto &[name, company] : prospects) {
        QCOMPARE(m_api->post(u"/api/v1/prospects"_s, QJsonObject{ { u"name"_s, name }, { u"company"_s, company } },
                     token)
                     .status,
            201);
    }
    const auto search = [&](const QString &q) {
        return names(m_api->get(u"/api/v1/prospects?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(q)), token));
    };
    QCOMPARE(search(u"MÜLLER"_s), QStringList{ u"Jörg Müller"_s });   // beyond ASCII, on SQLite too
    QCOMPARE(search(u"söhne"_s), QStringList{ u"Jörg Müller"_s });    // the company
    QCOMPARE(search(u"acme"_s), QStringList{ u"Anna Berg"_s });
    QCOMPARE(search(u"CHLOÉ"_s), QStringList{ u"Chloé Dubois"_s });
    QCOMPARE(search(u"100%"_s), QStringList{ u"Ben Carter"_s });      // % is a character, not a wildcard
    QCOMPARE(search(u"o_d"_s), QStringList{ u"Chloé Dubois"_s });     // so is _
    QCOMPARE(search(u"_"_s), QStringList{ u"Chloé Dubois"_s });
    QCOMPARE(search(u"er"_s), (QStringList{ u"Anna Berg"_s, u"Ben Carter"_s, u"Jörg Müller"_s }));
    QCOMPARE(search(u"zzz"_s), QStringList());
    QCOMPARE(search(u"  "_s).size(), 5); // blank: no filter
    // A name followed by its company does not match across the two.
    QCOMPARE(search(u"patel"_s), QStringList{ u"Dev Patel"_s });
    QCOMPARE(search(u"bergacme"_s), QStringList());
}

void TestProspectsApi::paging()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    QStringList expected;
    for (int i = 0; i < 57; ++i) {
        const QString name = u"Prospect %1"_s.arg(i, 3, 10, QChar(u'0'));
        expected.append(name);
        QCOMPARE(m_api->post(u"/api/v1/prospects"_s, QJsonObject{ { u"name"_s, name } }, token).status, 201);
    }
    const ApiReply first = m_api->get(u"/api/v1/prospects"_s, token);
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json[u"total"_s].toInt(), 57);
    QCOMPARE(first.json[u"limit"_s].toInt(), 50);
    QCOMPARE(first.json[u"offset"_s].toInt(), 0);
    QCOMPARE(names(first), expected.mid(0, 50));

    QStringList walked;
    for (int offset = 0; offset < 57; offset += 20) {
        const ApiReply page = m_api->get(u"/api/v1/prospects?limit=20&offset=%1"_s.arg(offset), token);
        QCOMPARE(page.json[u"total"_s].toInt(), 57);
        QCOMPARE(page.json[u"limit"_s].toInt(), 20);
        QCOMPARE(page.json[u"offset"_s].toInt(), offset);
        walked += names(page);
    }
    QCOMPARE(walked, expected);
    const ApiReply beyond = m_api->get(u"/api/v1/prospects?offset=100"_s, token);
    QCOMPARE(beyond.json[u"prospects"_s].toArray().size(), 0);
    QCOMPARE(beyond.json[u"total"_s].toInt(), 57);
    const ApiReply searched = m_api->get(u"/api/v1/prospects?q=prospect%2004&limit=5"_s, token);
    QCOMPARE(searched.json[u"total"_s].toInt(), 10);
    QCOMPARE(names(searched), expected.mid(40, 5));
    QCOMPARE(m_api->get(u"/api/v1/prospects?limit=200"_s, token).json[u"prospects"_s].toArray().size(), 57);
}

void TestProspectsApi::badQueryParametersAreNamed()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const QString token = m_api->signIn(acme.admin);
    const QList<QPair<QString, QStringList>> cases{
        { u"limit=0"_s, { u"limit"_s } },
        { u"limit=201"_s, { u"limit"_s } },
        { u"limit=ten"_s, { u"limit"_s } },
        { u"offset=-1"_s, { u"offset"_s } },
        { u"limt=10"_s, { u"limt"_s } },
        { u"q=a&q=b"_s, { u"q"_s } },
        { u"q="_s + QString(201, u'q'), { u"q"_s } },
        { u"limit=0&offset=x&owner=me"_s, { u"limit"_s, u"offset"_s, u"owner"_s } },
    };
    for (const auto &[query, paths] : cases) {
        const ApiReply reply = m_api->get(u"/api/v1/prospects?"_s + query, token);
        QVERIFY2(reply.status == 400, qPrintable(query));
        QVERIFY2(reply.fieldPaths() == paths, qPrintable(query + u": "_s + reply.fieldPaths().join(u", "_s)));
    }
}

void TestProspectsApi::agentSeesOwnManagerSeesAll()
{
    const auto [acme, alice, bob, mia, aliceToken, bobToken, miaToken] = m_api->addTeam();

    QCOMPARE(m_api->put(u"/api/v1/prospects/"_s + kId1, QJsonObject{ { u"name"_s, u"Alice's lead"_s } }, aliceToken)
                 .status,
        201);
    QCOMPARE(m_api->put(u"/api/v1/prospects/"_s + kId2, QJsonObject{ { u"name"_s, u"Bob's lead"_s } }, bobToken)
                 .status,
        201);

    QCOMPARE(names(m_api->get(u"/api/v1/prospects"_s, aliceToken)), QStringList{ u"Alice's lead"_s });
    QCOMPARE(names(m_api->get(u"/api/v1/prospects?q=lead"_s, bobToken)), QStringList{ u"Bob's lead"_s });
    QCOMPARE(names(m_api->get(u"/api/v1/prospects"_s, miaToken)), (QStringList{ u"Alice's lead"_s, u"Bob's lead"_s }));
    QCOMPARE(m_api->get(u"/api/v1/prospects"_s, aliceToken).json[u"total"_s].toInt(), 1);

    // Bob's prospect is invisible to Alice, by every route.
    const QString bobs = u"/api/v1/prospects/"_s + kId2;
    const ApiReply peek = m_api->get(bobs, aliceToken);
    QCOMPARE(peek.status, 404);
    QCOMPARE(peek.errorCode(), u"prospect.not_found"_s);
    QVERIFY(!peek.body.contains("Bob"));
    QCOMPARE(m_api->patch(bobs, QJsonObject{ { u"name"_s, u"Mine now"_s } }, aliceToken).status, 404);
    QCOMPARE(m_api->put(bobs, QJsonObject{ { u"name"_s, u"Mine now"_s } }, aliceToken).status, 404);
    QCOMPARE(m_api->get(bobs, bobToken).json[u"name"_s].toString(), u"Bob's lead"_s);

    // The manager sees and changes both; the owner stays.
    const ApiReply managed = m_api->patch(bobs, QJsonObject{ { u"client_count"_s, 800 } }, miaToken);
    QCOMPARE(managed.status, 200);
    QCOMPARE(managed.json[u"owner_user_id"_s].toString(), bob.id);
    QCOMPARE(m_api->get(u"/api/v1/prospects/"_s + kId1, miaToken).status, 200);
}

void TestProspectsApi::otherOrganisationsProspectsAreNotFound()
{
    const auto acme = m_api->addOrganisation(u"Acme"_s);
    const auto globex = m_api->addOrganisation(u"Globex"_s);
    const QString acmeToken = m_api->signIn(acme.admin);
    const QString globexToken = m_api->signIn(globex.admin);
    const QString path = u"/api/v1/prospects/"_s + kId1;
    QJsonObject secret = fullProspect();
    secret.insert(u"name"_s, u"Globex Secret Lead"_s);
    QCOMPARE(m_api->put(path, secret, globexToken).status, 201);
    const QJsonObject before = m_api->get(path, globexToken).json;

    // A token of Acme with Globex's id: 404 on every route, never its data.
    const QList<ApiReply> replies{ m_api->get(path, acmeToken),
        m_api->patch(path, QJsonObject{ { u"name"_s, u"Taken over"_s } }, acmeToken),
        m_api->put(path, QJsonObject{ { u"name"_s, u"Taken over"_s } }, acmeToken) };
    for (const ApiReply &reply : replies) {
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.errorCode(), u"prospect.not_found"_s);
        QVERIFY(!reply.body.contains("Globex"));
    }
    // Creating with the id: it is taken (ids are global), and that is all it says.
    QJsonObject withId = fullProspect();
    withId.insert(u"id"_s, kId1);
    const ApiReply post = m_api->post(u"/api/v1/prospects"_s, withId, acmeToken);
    QCOMPARE(post.status, 409);
    QVERIFY(!post.body.contains("Globex"));
    QCOMPARE(m_api->get(u"/api/v1/prospects?q=globex"_s, acmeToken).json[u"total"_s].toInt(), 0);
    QCOMPARE(m_api->get(u"/api/v1/prospects"_s, acmeToken).json[u"total"_s].toInt(), 0);
    // Globex's prospect is untouched.
    QCOMPARE(m_api->get(path, globexToken).json, before);
}

QTEST_GUILESS_MAIN(TestProspectsApi)

#include "tst_prospectsapi.moc"

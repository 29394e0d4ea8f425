// HttpService in process: /readyz answers 503 with the error shape when the
// database does not answer (the reason on the log line only, never in the
// answer), and 200 again is not possible after close.
#include "common/clock.h"
#include "config/listenaddress.h"
#include "http/httpservice.h"
#include "common/idgenerator.h"
#include "runtime/jsonlog.h"
#include "sessions/sessionstore.h"
#include "storage/database.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;
using namespace callos::server;

namespace {

class FixedClock final : public Clock
{
public:
    qint64 nowMs() const override { return 1'700'000'000'000; }
};

} // namespace

class TestHttpService : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readyzFollowsTheDatabase();
    void listenRefusalNamesTheAddress();
};

void TestHttpService::readyzFollowsTheDatabase()
{
    QTemporaryDir dir;
    FixedClock clock;
    auto opened = Database::open(DatabaseSettings::sqliteFile(dir.filePath(u"s.sqlite"_s)), clock);
    QVERIFY(opened.ok());
    QBuffer logBuffer;
    logBuffer.open(QIODevice::WriteOnly);
    JsonLog log(logBuffer, clock);
    UuidGenerator ids;
    SessionStore sessions(*opened.value(), clock, ids, SessionPolicy{});
    HttpService http(*opened.value(), sessions, log);
    const auto port = http.listen(ListenAddress::parse(u"127.0.0.1:0"_s, u"--listen"_s).value());
    QVERIFY(port.ok());

    QNetworkAccessManager network;
    const QUrl url(u"http://127.0.0.1:%1/readyz"_s.arg(port.value()));
    const auto fetch = [&](int *status, QByteArray *body) {
        QNetworkReply *reply = network.get(QNetworkRequest(url));
        QVERIFY(QTest::qWaitFor([reply] { return reply->isFinished(); }, 10000));
        *status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        *body = reply->readAll();
        delete reply;
    };
    int status = 0;
    QByteArray body;
    fetch(&status, &body);
    QCOMPARE(status, 200);

    opened.value()->close();
    fetch(&status, &body);
    QCOMPARE(status, 503);
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(u"error"_s).toObject();
    QCOMPARE(error.value(u"code"_s).toString(), u"db.unavailable"_s);
    QCOMPARE(error.value(u"message"_s).toString(), u"The database does not answer."_s);
    QCOMPARE(error.value(u"details"_s).toObject(), QJsonObject());
    // Anyone may ask /readyz: why the database does not answer is the
    // operator's to read in the log, not the caller's.
    QVERIFY2(!body.contains("closed"), body.constData());

    const QList<QByteArray> lines = logBuffer.data().trimmed().split('\n');
    QCOMPARE(lines.size(), 2);
    const QJsonObject last = QJsonDocument::fromJson(lines.last()).object();
    QCOMPARE(last.value(u"status"_s).toInt(), 503);
    QCOMPARE(last.value(u"level"_s).toString(), u"error"_s);
    QCOMPARE(last.value(u"ts"_s).toString(), u"2023-11-14T22:13:20.000Z"_s);
    QCOMPARE(last.value(u"detail"_s).toString(),
        u"db.unavailable: The database does not answer: the connection is closed"_s);
}

void TestHttpService::listenRefusalNamesTheAddress()
{
    QTemporaryDir dir;
    FixedClock clock;
    auto opened = Database::open(DatabaseSettings::sqliteFile(dir.filePath(u"s.sqlite"_s)), clock);
    QVERIFY(opened.ok());
    QBuffer logBuffer;
    logBuffer.open(QIODevice::WriteOnly);
    JsonLog log(logBuffer, clock);
    UuidGenerator ids;
    SessionStore sessions(*opened.value(), clock, ids, SessionPolicy{});
    HttpService first(*opened.value(), sessions, log);
    const auto port = first.listen(ListenAddress::parse(u"127.0.0.1:0"_s, u"--listen"_s).value());
    QVERIFY(port.ok());
    HttpService second(*opened.value(), sessions, log);
    const auto taken = second.listen(ListenAddress::parse(u"127.0.0.1:%1"_s.arg(port.value()), u"x"_s).value());
    QVERIFY(!taken.ok());
    QCOMPARE(taken.refusal().code, u"http.cannot_listen"_s);
    QVERIFY(taken.refusal().message.startsWith(u"Cannot listen on 127.0.0.1:%1: "_s.arg(port.value())));
}

QTEST_GUILESS_MAIN(TestHttpService)
#include "tst_httpservice.moc"

#include "call/calleventcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace callos;

class TestCallEventCodec : public QObject
{
    Q_OBJECT

private:
    static CallEvent sample()
    {
        return CallEvent{u"0b6f3c1e-0000-4000-8000-000000000001"_s, u"call-7"_s, u"laptop"_s, 42, 1795000000123,
                         u"agent-3"_s, EventType::FieldSet,
                         QJsonObject{{u"fieldId"_s, u"monthlyRevenue"_s}, {u"value"_s, 85000.5}}, 1};
    }

private Q_SLOTS:
    void roundTrip()
    {
        const CallEvent event = sample();
        const auto decoded = CallEventCodec::decode(CallEventCodec::encode(event));
        QVERIFY(decoded);
        QCOMPARE(decoded.value(), event);
    }

    // encode() writes the JSON by hand for speed; it must give the bytes
    // QJsonDocument gives, whatever the text holds.
    void encodeWritesWhatQJsonDocumentWrites()
    {
        const auto reference = [](const CallEvent &event) {
            return QJsonDocument(CallEventCodec::toJson(event)).toJson(QJsonDocument::Compact);
        };
        CallEvent event = sample();
        QCOMPARE(CallEventCodec::encode(event), reference(event));

        event.actor = QString(); // null text is an empty string
        event.seq = 0;
        event.at = -5;
        event.payload = QJsonObject();
        QCOMPARE(CallEventCodec::encode(event), reference(event));

        // Every character of the Basic Multilingual Plane (lone surrogates
        // among them) and a few beyond it, in each text of the envelope.
        QString every;
        for (char32_t c = 0; c < 0x10000; ++c)
            every += QChar(char16_t(c));
        every += QString::fromUcs4(U"\U0001F600\U0001D11E\U0010FFFF");
        for (qsizetype from = 0; from < every.size(); from += 4096) {
            const QString text = every.mid(from, 4096);
            event = sample();
            event.id = text;
            event.actor = text;
            event.type = text.left(64);
            event.payload = QJsonObject{ { text.left(32), text } };
            QCOMPARE(CallEventCodec::encode(event), reference(event));
        }
    }

    void largeTimestampsSurvive()
    {
        CallEvent event = sample();
        event.at = 9007199254740991; // the largest integer a JSON number holds exactly
        QCOMPARE(CallEventCodec::decode(CallEventCodec::encode(event)).value().at, event.at);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        const QJsonObject good = CallEventCodec::toJson(sample());
        const auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject changed = good;
            if (value.isUndefined())
                changed.remove(key);
            else
                changed.insert(key, value);
            return QJsonDocument(changed).toJson(QJsonDocument::Compact);
        };
        QTest::newRow("not json") << QByteArray("{\"id\":") << u"event.malformed"_s
                                  << u"Malformed event: unterminated object at byte 6"_s;
        QTest::newRow("array") << QByteArray("[]") << u"event.malformed"_s << u"Malformed event: must be a JSON object"_s;
        QTest::newRow("no id") << with(u"id"_s, QJsonValue::Undefined) << u"event.malformed"_s
                               << u"Malformed event: id: is required"_s;
        QTest::newRow("seq as text") << with(u"seq"_s, u"42"_s) << u"event.malformed"_s
                                     << u"Malformed event: seq: must be a whole number"_s;
        QTest::newRow("seq zero") << with(u"seq"_s, 0) << u"event.malformed"_s
                                  << u"Malformed event: seq: must be between 1 and 9007199254740991"_s;
        QTest::newRow("payload array") << with(u"payload"_s, QJsonArray()) << u"event.malformed"_s
                                       << u"Malformed event: payload: must be an object"_s;
        QTest::newRow("unknown key") << with(u"colour"_s, u"red"_s) << u"event.malformed"_s
                                     << u"Malformed event: colour: unknown key"_s;
        QTest::newRow("newer schema") << with(u"schema"_s, 2) << u"event.schema_unsupported"_s
                                      << u"This event was written by a newer CallOS (schema 2; this version reads 1). Update CallOS."_s;
    }

    void badInput()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const auto decoded = CallEventCodec::decode(bytes);
        QVERIFY(!decoded);
        QCOMPARE(decoded.refusal().code, code);
        QCOMPARE(decoded.refusal().message, message);
    }
};

QTEST_GUILESS_MAIN(TestCallEventCodec)
#include "tst_calleventcodec.moc"

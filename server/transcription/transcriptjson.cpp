#include "transcription/transcriptjson.h"

#include "json/jsonobjectreader.h"
#include "json/validationerrors.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

constexpr qint64 kMaxMs = 48LL * 60 * 60 * 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("callos::server::TranscriptJson", text);
}

} // namespace

QJsonArray TranscriptJson::utterancesToJson(const QList<Utterance> &utterances)
{
    QJsonArray out;
    for (const Utterance &utterance : utterances) {
        QJsonArray words;
        for (const TranscriptWord &word : utterance.words)
            words.append(QJsonArray{ word.text, word.startMs, word.endMs, word.confidence });
        out.append(QJsonObject{ { u"speaker"_s, utterance.speaker }, { u"start"_s, utterance.startMs },
            { u"end"_s, utterance.endMs }, { u"text"_s, utterance.text }, { u"confidence"_s, utterance.confidence },
            { u"words"_s, words } });
    }
    return out;
}

std::optional<QList<Utterance>> TranscriptJson::utterancesFromJson(const QJsonArray &json, ValidationErrors &errors)
{
    const qsizetype before = errors.count();
    QList<Utterance> out;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QString path = jsonIndexPath(QString(), i);
        JsonObjectReader in(JsonNode{ json.at(i), path }, errors);
        if (!in.isObject())
            continue;
        Utterance utterance;
        utterance.speaker = in.string(u"speaker"_s).value_or(QString());
        utterance.startMs = in.integer(u"start"_s, Presence::Required, 0, kMaxMs).value_or(0);
        utterance.endMs = in.integer(u"end"_s, Presence::Required, 0, kMaxMs).value_or(0);
        utterance.text = in.string(u"text"_s).value_or(QString());
        utterance.confidence = in.number(u"confidence"_s).value_or(0);
        const QList<JsonNode> words = in.array(u"words"_s, Presence::Required, 0, 1000000);
        for (const JsonNode &word : words) {
            const QJsonArray parts = word.value.toArray();
            if (!word.value.isArray() || parts.size() != 4 || !parts.at(0).isString() || !parts.at(1).isDouble()
                || !parts.at(2).isDouble() || !parts.at(3).isDouble()) {
                errors.add(word.path, tr("must be [text, start, end, confidence]"));
                continue;
            }
            utterance.words.append(TranscriptWord{ parts.at(0).toString(), qint64(parts.at(1).toDouble()),
                qint64(parts.at(2).toDouble()), parts.at(3).toDouble() });
        }
        if (utterance.endMs < utterance.startMs)
            in.addError(u"end"_s, tr("must not be before start"));
        out.append(std::move(utterance));
    }
    if (errors.count() != before)
        return std::nullopt;
    return out;
}

} // namespace callos::server

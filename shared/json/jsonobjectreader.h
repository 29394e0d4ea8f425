#pragma once

#include "json/validationerrors.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QVarLengthArray>

#include <optional>

namespace callos {

// A JSON value together with where it sits in its file.
struct JsonNode
{
    QJsonValue value;
    QString path;
};

enum class Presence { Required, Optional };

// Reads one JSON object field by field, recording a path-named error for every
// missing, mistyped or out-of-range value, and - when finished - for every key
// nobody asked for (typos must not be silently ignored). The readers of
// playbooks, decks and event payloads all use it, so their errors read alike.
class JsonObjectReader
{
public:
    JsonObjectReader(const JsonNode &node, ValidationErrors &errors);
    // Reports the keys that were never read as unknown (once; also done by the destructor).
    void finish();
    // Stops reading without reporting the rest: for when an earlier error
    // (an unsupported schema version) makes judging the other keys pointless.
    void ignoreRest() { m_finished = true; }
    ~JsonObjectReader();
    JsonObjectReader(const JsonObjectReader &) = delete;
    JsonObjectReader &operator=(const JsonObjectReader &) = delete;

    bool isObject() const { return m_isObject; }
    const QString &path() const { return m_path; }
    QString childPath(const QString &key) const;
    bool has(const QString &key) const { return find(key) != nullptr; }

    std::optional<QString> string(const QString &key, Presence presence = Presence::Required);
    // Like string(), but must match the identifier rule (letter, then letters,
    // digits, '-' or '_').
    std::optional<QString> identifier(const QString &key, Presence presence = Presence::Required);
    std::optional<double> number(const QString &key, Presence presence = Presence::Required);
    std::optional<qint64> integer(const QString &key, Presence presence, qint64 min, qint64 max);
    bool boolean(const QString &key, bool defaultValue);
    // The elements of an array, each with its path; reports a count outside [minCount, maxCount].
    QList<JsonNode> array(const QString &key, Presence presence, qsizetype minCount = 0,
                          qsizetype maxCount = 10000);
    // The value as is, of any type; absent -> nullopt (reported if required).
    std::optional<JsonNode> node(const QString &key, Presence presence = Presence::Required);
    // Strings of an array of strings, reporting non-strings.
    QStringList stringArray(const QString &key, Presence presence, qsizetype minCount = 0,
                            qsizetype maxCount = 10000);

    void addError(const QString &key, const QString &message);

    static bool isIdentifier(const QString &text);

private:
    struct Entry
    {
        QString key;
        QJsonValue value;
        bool read = false;
    };

    std::optional<QJsonValue> take(const QString &key, Presence presence);
    const Entry *find(const QString &key) const;

    // The object's entries, unpacked once: QJsonObject looks each key up by a
    // linear scan that converts every stored key, and event payloads are read
    // for every event replayed. `read` marks what was asked for, so the rest
    // are the unknown keys.
    QVarLengthArray<Entry, 8> m_entries;
    QString m_path;
    ValidationErrors &m_errors;
    bool m_isObject = false;
    bool m_finished = false;
};

QString jsonIndexPath(const QString &path, qsizetype index);

} // namespace callos

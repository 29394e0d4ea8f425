#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <initializer_list>

namespace callos::test {

// Passed as an edit's value to delete the key or array element at the path.
inline const QJsonValue kRemove{QJsonValue::Undefined};

// One change to a JSON document, addressed the way validation errors name
// places ("milestones[3].fields[1].min"), so a bad-input test reads like the
// error it expects.
struct JsonEdit
{
    QString path;
    QJsonValue value;
};

// The JSON object in a file; aborts the test run when it cannot be read.
QJsonObject readJsonObject(const QString &path);

// `root` with the edits applied in order, serialized.
QByteArray withEdits(const QJsonObject &root, std::initializer_list<JsonEdit> edits);

} // namespace callos::test

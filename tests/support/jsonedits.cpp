#include "jsonedits.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <span>

using namespace Qt::StringLiterals;

namespace callos::test {
namespace {

struct Step
{
    QString key;
    qsizetype index = -1;
};

QList<Step> stepsOf(const QString &path)
{
    static const QRegularExpression token(u"([^.\\[\\]]+)|\\[(\\d+)\\]"_s);
    QList<Step> steps;
    for (auto it = token.globalMatch(path); it.hasNext();) {
        const auto match = it.next();
        if (match.hasCaptured(1))
            steps.append(Step{match.captured(1)});
        else
            steps.append(Step{{}, match.captured(2).toLongLong()});
    }
    return steps;
}

QJsonValue withValue(const QJsonValue &node, std::span<const Step> steps, const QJsonValue &value)
{
    if (steps.empty())
        return value;
    const Step &step = steps.front();
    const auto rest = steps.subspan(1);
    if (step.index >= 0) {
        QJsonArray array = node.toArray();
        if (rest.empty() && value.isUndefined())
            array.removeAt(step.index);
        else if (step.index == array.size())
            array.append(withValue(QJsonValue(), rest, value));
        else
            array.replace(step.index, withValue(array.at(step.index), rest, value));
        return array;
    }
    QJsonObject object = node.toObject();
    if (rest.empty() && value.isUndefined())
        object.remove(step.key);
    else
        object.insert(step.key, withValue(object.value(step.key), rest, value));
    return object;
}

} // namespace

QJsonObject readJsonObject(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QJsonDocument::fromJson(file.readAll()).object();
}

QByteArray withEdits(const QJsonObject &root, std::initializer_list<JsonEdit> edits)
{
    QJsonValue document = root;
    for (const JsonEdit &edit : edits) {
        const QList<Step> steps = stepsOf(edit.path);
        document = withValue(document, std::span<const Step>(steps.constData(), steps.size()), edit.value);
    }
    return QJsonDocument(document.toObject()).toJson();
}

} // namespace callos::test

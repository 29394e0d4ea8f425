#include "analysis/jsonschemacheck.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace callos::server {

namespace {

QStringList typesOf(const QJsonObject &schema)
{
    const QJsonValue type = schema.value(u"type"_s);
    if (type.isString())
        return { type.toString() };
    QStringList types;
    const QJsonArray list = type.toArray();
    for (const QJsonValue &entry : list)
        types.append(entry.toString());
    return types;
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == u"object"_s)
        return value.isObject();
    if (type == u"array"_s)
        return value.isArray();
    if (type == u"string"_s)
        return value.isString();
    if (type == u"boolean"_s)
        return value.isBool();
    if (type == u"null"_s)
        return value.isNull();
    if (type == u"number"_s)
        return value.isDouble();
    if (type == u"integer"_s) {
        const double number = value.toDouble();
        return value.isDouble() && std::isfinite(number) && std::trunc(number) == number;
    }
    return true; // a type we do not know: not ours to refuse
}

QString describe(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return u"an object"_s;
    case QJsonValue::Array:
        return u"an array"_s;
    case QJsonValue::String:
        return u"a string"_s;
    case QJsonValue::Bool:
        return u"a boolean"_s;
    case QJsonValue::Double:
        return u"a number"_s;
    case QJsonValue::Null:
        return u"null"_s;
    case QJsonValue::Undefined:
        break;
    }
    return u"nothing"_s;
}

QString strictness(const QJsonObject &schema, const QString &path)
{
    const bool isObject = typesOf(schema).contains(u"object"_s) || schema.contains(u"properties"_s);
    if (isObject && schema.value(u"additionalProperties"_s) != QJsonValue(false))
        return JsonSchemaCheck::tr("%1 does not say \"additionalProperties\": false.").arg(path);
    const QJsonObject properties = schema.value(u"properties"_s).toObject();
    for (auto it = properties.constBegin(); it != properties.constEnd(); ++it) {
        if (QString problem = strictness(it.value().toObject(), path + u'.' + it.key()); !problem.isEmpty())
            return problem;
    }
    if (schema.value(u"items"_s).isObject()) {
        if (QString problem = strictness(schema.value(u"items"_s).toObject(), path + u"[]"_s); !problem.isEmpty())
            return problem;
    }
    for (const auto &keyword : { u"anyOf"_s, u"allOf"_s }) {
        const QJsonArray alternatives = schema.value(keyword).toArray();
        for (qsizetype i = 0; i < alternatives.size(); ++i) {
            const QString at = path + u'.' + keyword + u'[' + QString::number(i) + u']';
            if (QString problem = strictness(alternatives.at(i).toObject(), at); !problem.isEmpty())
                return problem;
        }
    }
    for (const auto &keyword : { u"$defs"_s, u"definitions"_s }) {
        const QJsonObject definitions = schema.value(keyword).toObject();
        for (auto it = definitions.constBegin(); it != definitions.constEnd(); ++it) {
            const QString at = path + u'.' + keyword + u'.' + it.key();
            if (QString problem = strictness(it.value().toObject(), at); !problem.isEmpty())
                return problem;
        }
    }
    return {};
}

QString check(const QJsonValue &value, const QJsonObject &schema, const QString &path)
{
    const QStringList types = typesOf(schema);
    if (!types.isEmpty()
        && std::none_of(types.cbegin(), types.cend(), [&](const QString &type) { return hasType(value, type); })) {
        return JsonSchemaCheck::tr("%1: expected %2, found %3.").arg(path, types.join(u" or "_s), describe(value));
    }
    if (schema.contains(u"enum"_s) && !schema.value(u"enum"_s).toArray().contains(value))
        return JsonSchemaCheck::tr("%1: %2 is not one of the allowed values.").arg(path, describe(value));

    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonArray required = schema.value(u"required"_s).toArray();
        for (const QJsonValue &key : required) {
            if (!object.contains(key.toString()))
                return JsonSchemaCheck::tr("%1: \"%2\" is missing.").arg(path, key.toString());
        }
        const QJsonObject properties = schema.value(u"properties"_s).toObject();
        const bool closed = schema.value(u"additionalProperties"_s) == QJsonValue(false);
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString at = path + u'.' + it.key();
            if (properties.contains(it.key())) {
                if (QString problem = check(it.value(), properties.value(it.key()).toObject(), at); !problem.isEmpty())
                    return problem;
            } else if (closed) {
                return JsonSchemaCheck::tr("%1 is not in the schema.").arg(at);
            }
        }
    }
    if (value.isArray() && schema.value(u"items"_s).isObject()) {
        const QJsonArray items = value.toArray();
        const QJsonObject itemSchema = schema.value(u"items"_s).toObject();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString at = path + u'[' + QString::number(i) + u']';
            if (QString problem = check(items.at(i), itemSchema, at); !problem.isEmpty())
                return problem;
        }
    }
    return {};
}

} // namespace

QString JsonSchemaCheck::strictnessProblem(const QJsonObject &schema)
{
    return strictness(schema, u"$"_s);
}

QString JsonSchemaCheck::mismatch(const QJsonValue &value, const QJsonObject &schema)
{
    return check(value, schema, u"$"_s);
}

} // namespace callos::server

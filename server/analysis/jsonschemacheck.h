#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace callos::server {

// The part of JSON Schema that Claude's structured outputs use, checked on
// our side: Claude is asked to follow the schema, and an answer that does
// not is not stored. Covers "type" (one or a list), "properties",
// "required", "additionalProperties": false, "items" and "enum"; other
// keywords (formats, lengths, $ref) are not checked.
class JsonSchemaCheck
{
    Q_DECLARE_TR_FUNCTIONS(callos::server::JsonSchemaCheck)

public:
    // Why Claude's API would refuse the schema: an object in it that does
    // not say "additionalProperties": false (the API requires it on every
    // object). Empty when it would take it.
    static QString strictnessProblem(const QJsonObject &schema);

    // The first place where `value` breaks `schema`, as a path from "$"
    // ("$.scores[2].value: expected a number"); empty when it follows it.
    static QString mismatch(const QJsonValue &value, const QJsonObject &schema);
};

} // namespace callos::server

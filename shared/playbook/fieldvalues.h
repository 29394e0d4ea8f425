#pragma once

#include "playbook/playbook.h"

#include <QJsonValue>
#include <QLocale>
#include <QMap>

#include <optional>

namespace callos {

using FieldValues = QMap<QString, QJsonValue>;


// Why `value` is not valid for `field`, in words for the agent; nullopt when valid.
// A null value always is valid: it clears the field.
std::optional<QString> fieldValueProblem(const FieldDefinition &field, const QJsonValue &value);

// Null, absent and empty text all mean "not filled in".
bool isEmptyFieldValue(const QJsonValue &value);

// A plausible valid value for the field (in bounds, a listed option, a
// valid date): what demos, scripted calls and tests type.
QJsonValue exampleFieldValue(const FieldDefinition &field);

// The numeric value of a field, if it has one.
std::optional<double> numericFieldValue(const FieldValues &values, const QString &fieldId);

// Formats field values for people, in a locale, and renders templates with them.
class FieldFormatter
{
public:
    FieldFormatter(const Playbook &playbook, QLocale locale);

    // The text shown where a value is missing: a visible gap.
    static QString gap();

    QString format(const FieldDefinition &field, const QJsonValue &value) const;
    QString format(const QString &fieldId, const FieldValues &values) const;
    // Renders a template; unknown or empty fields show as gap().
    QString render(const QString &templateText, const FieldValues &values) const;

private:
    const Playbook &m_playbook;
    QLocale m_locale;
};

} // namespace callos

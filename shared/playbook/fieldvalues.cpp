#include "playbook/fieldvalues.h"

#include "text/texttemplate.h"

#include <QCoreApplication>

#include <cmath>

using namespace Qt::StringLiterals;

namespace callos {
namespace {

// The symbol of the common currencies; other codes are shown as the code.
QString currencySymbol(const QString &code)
{
    if (code == u"USD"_s)
        return u"$"_s;
    if (code == u"EUR"_s)
        return u"€"_s;
    if (code == u"GBP"_s)
        return u"£"_s;
    return {};
}

// Plain digits (1,000,000 rather than 1E+06), with cents only where there are any.
QString plainNumber(const QLocale &locale, double value)
{
    return locale.toString(value, 'f', std::trunc(value) == value ? 0 : 2);
}

QString boundsText(const FieldDefinition &field)
{
    const QLocale locale;
    if (field.min && field.max)
        return QCoreApplication::translate("callos::FieldValues", "between %1 and %2").arg(plainNumber(locale, *field.min), plainNumber(locale, *field.max));
    if (field.min)
        return QCoreApplication::translate("callos::FieldValues", "at least %1").arg(plainNumber(locale, *field.min));
    return QCoreApplication::translate("callos::FieldValues", "at most %1").arg(plainNumber(locale, *field.max));
}

} // namespace

std::optional<QString> fieldValueProblem(const FieldDefinition &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Money:
    case FieldType::Percent: {
        const double number = value.toDouble();
        if (!value.isDouble() || !std::isfinite(number))
            return QCoreApplication::translate("callos::FieldValues", "%1 must be a number.").arg(field.label);
        if (field.type == FieldType::Integer && std::trunc(number) != number)
            return QCoreApplication::translate("callos::FieldValues", "%1 must be a whole number.").arg(field.label);
        if ((field.min && number < *field.min) || (field.max && number > *field.max))
            return QCoreApplication::translate("callos::FieldValues", "%1 must be %2.").arg(field.label, boundsText(field));
        return std::nullopt;
    }
    case FieldType::Text:
        if (!value.isString())
            return QCoreApplication::translate("callos::FieldValues", "%1 must be text.").arg(field.label);
        if (value.toString().size() > field.maxLength)
            return QCoreApplication::translate("callos::FieldValues", "%1 is too long (at most %2 characters).").arg(field.label).arg(field.maxLength);
        return std::nullopt;
    case FieldType::Choice:
        if (!value.isString() || !field.option(value.toString()))
            return QCoreApplication::translate("callos::FieldValues", "%1 must be one of the listed options.").arg(field.label);
        return std::nullopt;
    case FieldType::Date: {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        if (!value.isString() || !date.isValid())
            return QCoreApplication::translate("callos::FieldValues", "%1 must be a date (YYYY-MM-DD).").arg(field.label);
        if ((field.minDate && date < *field.minDate) || (field.maxDate && date > *field.maxDate))
            return QCoreApplication::translate("callos::FieldValues", "%1 is outside the allowed dates.").arg(field.label);
        return std::nullopt;
    }
    }
    return std::nullopt;
}

bool isEmptyFieldValue(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().trimmed().isEmpty());
}

QJsonValue exampleFieldValue(const FieldDefinition &field)
{
    switch (field.type) {
    case FieldType::Integer:
    case FieldType::Money:
    case FieldType::Percent:
        return qBound(field.min.value_or(0.0), 7.0, field.max.value_or(1e9));
    case FieldType::Text:
        return QString(QCoreApplication::translate("callos::FieldValues", "Noted: %1").arg(field.label).left(field.maxLength));
    case FieldType::Choice:
        return field.options.isEmpty() ? QJsonValue() : QJsonValue(field.options.constFirst().id);
    case FieldType::Date:
        return field.minDate.value_or(QDate(2027, 1, 15)).addDays(1).toString(Qt::ISODate);
    }
    return {};
}

std::optional<double> numericFieldValue(const FieldValues &values, const QString &fieldId)
{
    const auto it = values.constFind(fieldId);
    if (it == values.constEnd() || !it->isDouble())
        return std::nullopt;
    return it->toDouble();
}

FieldFormatter::FieldFormatter(const Playbook &playbook, QLocale locale)
    : m_playbook(playbook), m_locale(std::move(locale))
{
}

QString FieldFormatter::gap()
{
    return u"—"_s;
}

QString FieldFormatter::format(const FieldDefinition &field, const QJsonValue &value) const
{
    if (isEmptyFieldValue(value))
        return gap();
    const double number = value.toDouble();
    const int decimals = std::trunc(number) == number ? 0 : 2;
    switch (field.type) {
    case FieldType::Integer:
        return m_locale.toString(qint64(number));
    case FieldType::Money: {
        const QString symbol = currencySymbol(m_playbook.currency);
        if (symbol.isEmpty()) // "12,500 CHF": a code reads best after the amount, in any locale
            return m_locale.toString(number, 'f', decimals) + u'\u00A0' + m_playbook.currency;
        return m_locale.toCurrencyString(number, symbol, decimals);
    }
    case FieldType::Percent:
        return m_locale.toString(number, 'f', decimals == 0 ? 0 : 1) + m_locale.percent();
    case FieldType::Text:
        return value.toString();
    case FieldType::Choice: {
        const ChoiceOption *option = field.option(value.toString());
        return option ? option->label : gap();
    }
    case FieldType::Date: {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        return date.isValid() ? m_locale.toString(date, QLocale::ShortFormat) : gap();
    }
    }
    return gap();
}

QString FieldFormatter::format(const QString &fieldId, const FieldValues &values) const
{
    const FieldDefinition *field = m_playbook.field(fieldId);
    if (!field)
        return gap();
    return format(*field, values.value(fieldId));
}

QString FieldFormatter::render(const QString &templateText, const FieldValues &values) const
{
    return TextTemplate::render(templateText, [&](const QString &fieldId) { return format(fieldId, values); });
}

} // namespace callos

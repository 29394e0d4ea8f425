#include "ui/call/fieldeditor.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QStyle>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace callos::ui {
namespace {

// A date before any real one stands for "not set" in the date editor.
const QDate kNoDate(1900, 1, 1);

void setInvalid(QWidget *widget, bool invalid)
{
    widget->setProperty("invalid", invalid);
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
}

} // namespace

FieldEditor::FieldEditor(const FieldDefinition &field, const FieldFormatter &formatter, QLocale locale, QWidget *parent)
    : QWidget(parent), m_field(field), m_formatter(formatter), m_locale(std::move(locale))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    auto *label = new QLabel(field.required ? tr("%1 *").arg(field.label) : field.label, this);
    label->setToolTip(field.required ? tr("Required to complete this milestone") : QString());
    layout->addWidget(label);

    switch (field.type) {
    case FieldType::Choice:
        m_choice = new QComboBox(this);
        m_choice->addItem(FieldFormatter::gap(), QString());
        for (const ChoiceOption &option : field.options)
            m_choice->addItem(option.label, option.id);
        connect(m_choice, &QComboBox::activated, this, &FieldEditor::commit);
        label->setBuddy(m_choice);
        layout->addWidget(m_choice);
        break;
    case FieldType::Date:
        m_date = new QDateEdit(this);
        m_date->setCalendarPopup(true);
        m_date->setMinimumDate(kNoDate);
        m_date->setSpecialValueText(FieldFormatter::gap());
        m_date->setDate(kNoDate);
        m_date->setDisplayFormat(m_locale.dateFormat(QLocale::ShortFormat));
        connect(m_date, &QDateEdit::editingFinished, this, &FieldEditor::commit);
        label->setBuddy(m_date);
        layout->addWidget(m_date);
        break;
    case FieldType::Text:
        if (field.multiline) {
            // Long answers (pain points, the prospect's own words) keep their line breaks.
            m_text = new QPlainTextEdit(this);
            m_text->setTabChangesFocus(true);
            m_text->setFixedHeight(m_text->fontMetrics().lineSpacing() * 5 + 20); // the style sheet's 12pt makes lines taller
            m_text->installEventFilter(this);
            label->setBuddy(m_text);
            layout->addWidget(m_text);
            break;
        }
        [[fallthrough]];
    default:
        m_line = new QLineEdit(this);
        if (field.type == FieldType::Integer)
            m_line->setPlaceholderText(tr("a whole number"));
        else if (field.type == FieldType::Money)
            m_line->setPlaceholderText(tr("an amount"));
        else if (field.type == FieldType::Percent)
            m_line->setPlaceholderText(tr("a percentage"));
        if (field.type == FieldType::Text)
            m_line->setMaxLength(field.maxLength);
        connect(m_line, &QLineEdit::editingFinished, this, &FieldEditor::commit);
        label->setBuddy(m_line);
        layout->addWidget(m_line);
        break;
    }
    if (!field.hint.isEmpty()) {
        auto *hint = new QLabel(field.hint, this);
        hint->setProperty("role", u"subtitle"_s);
        hint->setWordWrap(true);
        layout->addWidget(hint);
    }
    m_problem = new QLabel(this);
    m_problem->setProperty("role", u"refusal"_s);
    m_problem->setWordWrap(true);
    m_problem->hide();
    layout->addWidget(m_problem);
}

QWidget *FieldEditor::input() const
{
    if (m_choice)
        return m_choice;
    if (m_date)
        return m_date;
    if (m_text)
        return m_text;
    return m_line;
}

bool FieldEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::FocusOut)
        commit();
    return QWidget::eventFilter(watched, event);
}

void FieldEditor::setValue(const QJsonValue &value)
{
    if (input()->hasFocus() && !problem().isEmpty())
        return; // keep what the agent is correcting
    m_shown = value;
    if (m_choice) {
        const int index = m_choice->findData(value.toString());
        m_choice->setCurrentIndex(index < 0 ? 0 : index);
    } else if (m_date) {
        const QDate date = QDate::fromString(value.toString(), Qt::ISODate);
        m_date->setDate(date.isValid() ? date : kNoDate);
    } else if (m_text) {
        if (m_text->toPlainText() != value.toString())
            m_text->setPlainText(value.toString());
    } else if (isEmptyFieldValue(value)) {
        m_line->clear();
    } else if (m_field.type == FieldType::Text) {
        m_line->setText(value.toString());
    } else {
        // Numbers are edited without currency or percent signs, in the user's locale.
        const double number = value.toDouble();
        m_line->setText(m_locale.toString(number, 'f', std::trunc(number) == number ? 0 : 2));
    }
}

void FieldEditor::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
    setInvalid(input(), !message.isEmpty());
}

QString FieldEditor::problem() const
{
    return m_problem->isVisible() ? m_problem->text() : QString();
}

std::variant<QJsonValue, QString> FieldEditor::parseInput() const
{
    if (m_choice) {
        const QString id = m_choice->currentData().toString();
        return id.isEmpty() ? QJsonValue() : QJsonValue(id);
    }
    if (m_date)
        return m_date->date() == kNoDate ? QJsonValue() : QJsonValue(m_date->date().toString(Qt::ISODate));
    if (m_text) {
        const QString text = m_text->toPlainText().trimmed();
        return text.isEmpty() ? QJsonValue() : QJsonValue(text);
    }
    const QString text = m_line->text().trimmed();
    if (text.isEmpty())
        return QJsonValue();
    if (m_field.type == FieldType::Text)
        return QJsonValue(text);
    // Accept what people type: "85,000", "$85,000", "18 %", "1.200" in German.
    static const QRegularExpression decoration(u"[\\s%$€£¤]|[A-Z]{3}"_s);
    QString digits = text;
    digits.remove(decoration);
    bool ok = false;
    double number = m_locale.toDouble(digits, &ok);
    if (!ok)
        number = QLocale::c().toDouble(digits, &ok);
    if (!ok)
        return tr("“%1” is not a number.").arg(text);
    return QJsonValue(number);
}

void FieldEditor::commit()
{
    const auto parsed = parseInput();
    if (const auto *problem = std::get_if<QString>(&parsed)) {
        showProblem(*problem);
        return;
    }
    const QJsonValue value = std::get<QJsonValue>(parsed);
    if (value == m_shown && problem().isEmpty())
        return;
    if (const auto problem = fieldValueProblem(m_field, value)) {
        showProblem(*problem);
        return;
    }
    clearProblem();
    Q_EMIT commitRequested(m_field.id, value);
}

} // namespace callos::ui

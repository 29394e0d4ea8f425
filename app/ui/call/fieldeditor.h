#pragma once

#include "playbook/fieldvalues.h"

#include <QJsonValue>
#include <QLocale>
#include <QWidget>

#include <variant>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace callos::ui {

// The input for one typed field (integer, money, percent, text, choice,
// date) with its label, hint and an inline problem line. It checks what the
// agent typed as they leave the field and asks for it to be committed; the
// engine's answer (or its refusal) comes back through showProblem().
class FieldEditor : public QWidget
{
    Q_OBJECT

public:
    FieldEditor(const FieldDefinition &field, const FieldFormatter &formatter, QLocale locale, QWidget *parent = nullptr);

    const FieldDefinition &field() const { return m_field; }
    // Shows the stored value unless the agent is editing this field.
    void setValue(const QJsonValue &value);
    void showProblem(const QString &message);
    void clearProblem() { showProblem(QString()); }
    QString problem() const;
    QWidget *input() const;

Q_SIGNALS:
    void commitRequested(const QString &fieldId, const QJsonValue &value);

protected:
    // Commits a multi-line text when the agent leaves it (it has no "editing finished").
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // What the agent typed as a field value, or a problem in words.
    std::variant<QJsonValue, QString> parseInput() const;
    void commit();

    FieldDefinition m_field;
    const FieldFormatter &m_formatter;
    QLocale m_locale;
    QLineEdit *m_line = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QComboBox *m_choice = nullptr;
    QDateEdit *m_date = nullptr;
    QLabel *m_problem = nullptr;
    QJsonValue m_shown;
};

} // namespace callos::ui

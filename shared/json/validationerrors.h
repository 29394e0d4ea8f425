#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace callos {

// One problem found in a file: which file, where in it (a JSON path such as
// `milestones[3].fields[1].min`, empty for the whole file) and what rule broke.
struct ValidationError
{
    QString file;
    QString path;
    QString message;

    // "playbook.json: milestones[3].fields[1].min: must be <= max"
    QString toString() const;
    bool operator==(const ValidationError &) const = default;
};

// Collects every problem of one file, so a loader reports them all at once
// instead of stopping at the first.
class ValidationErrors
{
public:
    explicit ValidationErrors(QString file) : m_file(std::move(file)) {}

    void add(const QString &path, const QString &message);
    void append(const ValidationErrors &other);

    const QString &file() const { return m_file; }
    bool isEmpty() const { return m_errors.isEmpty(); }
    qsizetype count() const { return m_errors.size(); }
    const QList<ValidationError> &errors() const { return m_errors; }
    QStringList messages() const;

private:
    QString m_file;
    QList<ValidationError> m_errors;
};

// The outcome of loading a file: the value when it is valid as a whole,
// otherwise every error and no value (never a half-loaded object).
template<typename T>
struct Validated
{
    std::optional<T> value;
    QList<ValidationError> errors;

    bool ok() const { return value.has_value(); }
    QStringList messages() const
    {
        QStringList out;
        for (const ValidationError &error : errors)
            out.append(error.toString());
        return out;
    }
};

} // namespace callos

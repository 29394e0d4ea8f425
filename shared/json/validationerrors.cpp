#include "json/validationerrors.h"

using namespace Qt::StringLiterals;

namespace callos {

QString ValidationError::toString() const
{
    QString out = file;
    if (!path.isEmpty())
        out += (out.isEmpty() ? QString() : u": "_s) + path;
    out += (out.isEmpty() ? QString() : u": "_s) + message;
    return out;
}

void ValidationErrors::add(const QString &path, const QString &message)
{
    m_errors.append(ValidationError{m_file, path, message});
}

void ValidationErrors::append(const ValidationErrors &other)
{
    m_errors.append(other.m_errors);
}

QStringList ValidationErrors::messages() const
{
    QStringList out;
    for (const ValidationError &error : m_errors)
        out.append(error.toString());
    return out;
}

} // namespace callos

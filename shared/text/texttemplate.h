#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace callos {

// The `{{fieldId}}` placeholder syntax shared by summary templates, gate
// messages and slide text.
class TextTemplate
{
public:
    // The field ids the text refers to, in order. Malformed placeholders
    // (an unclosed `{{`, an empty or non-identifier name) are described in
    // `problems` when given.
    static QStringList placeholders(const QString &text, QStringList *problems = nullptr);

    // Replaces each placeholder by `valueOf(id)`. Malformed fragments are kept as written.
    static QString render(const QString &text, const std::function<QString(const QString &)> &valueOf);
};

} // namespace callos
